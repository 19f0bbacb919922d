"""Chapter 7, part two: deployment 1 against the other products of its need, as ``bcalc compare``
shows it (the figures come from the bundle's comparison)."""

from __future__ import annotations

from bcalc.render.report_md.format import cell, inline

WORDS = {
    "nl": {
        "h_compare": "Vergelijking met andere producten",
        "compare_intro": (
            "Inzet {n} ({name}) naast de andere producten in de catalogus voor dezelfde behoefte, met "
            "dezelfde cliënten, medewerkers, looptijd, btw en indexatie (scenario {scenario}, prijzen {end}). "
            "De kosten zijn die van deze inzet over de looptijd, inclusief niet-terugvorderbare btw; netto is "
            "het resultaat van de hele case."),
        "compare_other_deployments": "De andere inzetten zijn op dezelfde manier te vergelijken (bijlage A).",
    },
    "en": {
        "h_compare": "Comparison with other products",
        "compare_intro": (
            "Deployment {n} ({name}) next to the other products in the catalogue for the same need, "
            "with the same clients, staff, horizon, VAT and indexation (scenario {scenario}, prices {end}). "
            "Costs are this deployment's over the horizon, including non-recoverable VAT; net is the result of "
            "the whole case."),
        "compare_other_deployments": "The other deployments can be compared in the same way (appendix A).",
    },
}


def comparison(bundle, lang: str, L: dict) -> dict:
    from bcalc.render import compare_view

    result, catalogue = bundle.result, bundle.catalogue
    view = compare_view.build_need(bundle.comparison, catalogue, lang, scenario=result.scenario,
                                   prices=result.prices_end)
    case = result.case
    dep = case.deployments[0]
    intro = L["compare_intro"].format(n=1, name=inline(catalogue.products[dep.product].name),
                                      need=inline(view["need"]), scenario=inline(result.scenario),
                                      end=L[result.prices_end])
    if len(case.deployments) > 1:
        intro += " " + L["compare_other_deployments"]
    rows = [{"label": label, "strong": strong, "values": [a[key] for a in view["alternatives"]]}
            for key, label, strong in compare_view.rows(view)]
    heads = [cell(a["column"]) + (" \\*" if a["cheapest"] else "") for a in view["alternatives"]]
    return {**view, "W": compare_view.words(lang), "intro": intro, "heads": heads, "rows": rows,
            "cheapest_line": ("\\* " if view["cheapest"] is not None else "") + inline(compare_view.cheapest_line(view)),
            "problems": compare_view.problems(view), "assumptions": compare_view.assumptions(view),
            "hours_line": inline(compare_view.hours_line(view)),
            "incomplete": [inline(x) for x in compare_view.incomplete(view)]}
