"""Chapter 8, points of attention: the warnings of the calculation, the contract checks and the
contract tips of the source that apply to this case."""

from __future__ import annotations

from bcalc.core.checks import contract_tips
from bcalc.messages import say, title
from bcalc.render.report_md.format import inline

WORDS = {
    "nl": {
        "h_attention": "Aandachtspunten",
        "h_warnings": "Waarschuwingen bij de berekening",
        "h_checks": "Contractpunten, doorgerekend voor deze case",
        "h_tips": "Contracttips die voor deze case gelden",
        "no_warnings": "De berekening gaf geen waarschuwingen.",
        "no_tips": "Geen van de contracttips van bron 001 is specifiek voor deze case.",
        "applies_to": "Geldt hier voor",
    },
    "en": {
        "h_attention": "Points of attention",
        "h_warnings": "Warnings from the calculation",
        "h_checks": "Contract points, worked out for this case",
        "h_tips": "Contract tips that apply to this case",
        "no_warnings": "The calculation gave no warnings.",
        "no_tips": "None of the contract tips of source 001 is specific to this case.",
        "applies_to": "Applies here to",
    },
}


def _plain(text: str, lang: str) -> str:
    """A warning as the body of the report shows it: without command-line options or case-file field
    names; the appendix says how to reproduce the figures."""
    from bcalc.render.report_md.basis import ROLE_NAMES
    from bcalc.render.report_md.format import plain

    return plain(text, lang, ROLE_NAMES[lang])


def _tips(result, catalogue, deployments: list[dict], lang: str) -> list[dict]:
    """The contract tips the core finds for this case, with what each applies to as the report names it."""
    names = {d["index"] - 1: d["name"] for d in deployments}
    tips = []
    for tip in contract_tips(result, catalogue):
        applies = tip.params["applies"]
        if tip.code == "tip_cap":
            shown = [names[d] for d in applies]
        elif tip.code == "tip_vat":
            shown = [f"{names[d]}, {label}" for d, label in applies]
        elif tip.code == "tip_suppliers":
            shown = list(applies)
        else:
            shown = [f"{product}, {label}" for product, label in applies]
        tips.append({"key": tip.code.removeprefix("tip_"), "title": title(tip.code, lang), "text": say(tip, lang),
                     "applies": shown, "source": tip.source})
    return tips


def attention(result, catalogue, deployments: list[dict], lang: str) -> dict:
    checks = [w for w in result.warnings if w.code.startswith("check_")]
    return {
        "warnings": [inline(_plain(say(w, lang), lang)) for w in result.warnings if not w.code.startswith("check_")],
        "checks": [inline(_plain(say(w, lang), lang)) for w in checks],
        "tips": _tips(result, catalogue, deployments, lang),
    }
