"""``bcalc estimate --format markdown``: the estimate as Markdown tables."""

from __future__ import annotations

from bcalc.models import Result
from bcalc.money import fmt_money, fmt_percent
from bcalc.render.labels import COLUMNS, label


def _esc(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(result: Result, lang: str = "nl") -> str:
    L = lambda k: label(k, lang)  # noqa: E731
    m = lambda v: fmt_money(v, lang)  # noqa: E731
    case = result.case
    out = [f"# {_esc(case.title)}", ""]
    facts = [(L("organisation"), case.organisation or "-"), (L("start"), case.start),
             (L("years"), f"{case.years} {L('years_unit')}"), (L("scenario"), result.scenario),
             (L("prices"), L(result.prices_end)),
             (L("vat_recoverable"), fmt_percent(case.vat_recoverable, lang)),
             (L("price_level"), ", ".join(str(y) for y in result.price_years))]
    out += [f"| {L('case')} | {_esc(case.title)} |", "|---|---|"]
    out += [f"| {k} | {_esc(str(v))} |" for k, v in facts]
    out += ["", f"## {L('per_year')}", ""]
    out.append("| " + " | ".join([L("year")] + [L(c) for c in COLUMNS]) + " |")
    out.append("|---" + "|---:" * len(COLUMNS) + "|")
    for row in result.per_year:
        out.append("| " + " | ".join([str(row.year)] + [m(getattr(row.totals, c)) for c in COLUMNS]) + " |")
    out.append("| **" + L("total") + "** | " + " | ".join(f"**{m(getattr(result.total, c))}**" for c in COLUMNS) + " |")
    out += ["", f"## {L('per_product')}", ""]
    cols = ("one_off", "recurring", "training", "internal", "vat", "cost")
    out.append("| " + " | ".join([L("product")] + [L(c) for c in cols]) + " |")
    out.append("|---" + "|---:" * len(cols) + "|")
    for p in result.products:
        out.append("| " + " | ".join([_esc(f"{p.deployment + 1}. {p.name}")] + [m(getattr(p.totals, c)) for c in cols]) + " |")
    out += ["", f"## {L('funding_lines')}", ""]
    if result.funding:
        out += [f"| {L('code')} | {L('label')} | {L('year')} | {L('amount')} |", "|---|---|---|---:|"]
        out += [f"| {f.code} | {_esc(f.label)} | {f.year} | {m(f.amount)} |" for f in result.funding]
    else:
        out.append(L("no_funding"))
    if result.warnings:
        out += ["", f"## {L('warnings')}", ""]
        out += [f"- {_esc(w.text(lang))}" for w in result.warnings]
    return "\n".join(out) + "\n"
