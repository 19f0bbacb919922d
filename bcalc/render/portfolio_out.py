"""The portfolio (bcalc.core.portfolio.Portfolio) as a terminal table, JSON, CSV and Markdown.

Two views stand side by side everywhere: the value view (funding + all benefits - cost) and the
budget view (funding + cashable benefits - cost: what the budget sees). The budget year comes first.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from bcalc.core.portfolio import Portfolio
from bcalc.messages import say
from bcalc.money import fmt_money, money_str, nl_number, en_number, num_str
from bcalc.render.csvout import guard
from bcalc.render.labels import role_name
from bcalc.render.mdtext import escape

WORDS = {
    "nl": {
        "title": "Portefeuille", "budget": "Begroting {year}", "cases_n": "{n} cases", "case_1": "1 case",
        "organisation": "Organisatie", "scenario_all": "Indexatiescenario voor alle cases",
        "scenario_own": "eigen scenario per case", "vat_all": "Terugvorderbare btw voor alle cases",
        "vat_own": "eigen btw-positie per case",
        "one_off": "Eenmalig", "recurring": "Terugkerend", "training": "Training", "internal": "Interne uren",
        "vat": "Btw", "cost": "Kosten", "funding": "Financiering", "benefits": "Baten (alle)",
        "cashable": "waarvan kasbaten", "net": "Netto, waardeweergave", "cash_net": "Netto, begrotingsweergave",
        "active": "Cases die lopen", "total": "Totaal", "year": "Jaar",
        "per_year": "Per kalenderjaar (bedragen in euro)", "per_case": "Per case (bedragen in euro)",
        "per_need": "Kosten per behoefte, incl. niet-terugvorderbare btw (bedragen in euro)",
        "per_code": "Financiering per code (bedragen in euro)", "staff": "Uren en fte per rol over alle cases",
        "hours": "uren", "fte": "Fte", "flags": "Aandachtspunten", "files": "Cases",
        "case": "Case", "file": "Bestand", "start": "Start", "years": "Jaren", "scen": "Scenario",
        "in_year": "kosten {year}", "cost_total": "kosten totaal", "funding_total": "financiering totaal",
        "net_total": "netto waarde", "cash_total": "netto begroting",
        "views": "Waardeweergave: financiering plus alle baten min kosten. Begrotingsweergave: financiering plus "
                 "kasbaten (geld dat de begroting verlaat of binnenkomt) min kosten; wat de begroting ziet.",
        "headline": "In {year} kosten de {n} cases samen {cost}; er staat {funding} aan financiering en {cashable} "
                    "aan kasbaten tegenover. Netto voor de begroting: {cash}; met alle baten (waardeweergave): {net}.",
        "headline_1": "In {year} kost de ene case die loopt {cost}; er staat {funding} aan financiering en {cashable} "
                      "aan kasbaten tegenover. Netto voor de begroting: {cash}; met alle baten (waardeweergave): "
                      "{net}.",
        "headline_0": "In {year} loopt geen van de cases: geen kosten, financiering of baten in dat jaar.",
        "fte_note": "Fte: uren van het kalenderjaar gedeeld door {norm} uur per fte; totaalkolom: gemiddelde per jaar.",
        "no_fte": "Geen fte: geen uren per fte bekend (hours_per_fte).",
        "no_hours": "Geen getelde uren in de cases.",
        "no_funding": "Geen financiering in de cases.",
        "repeated": "Meer dan eens genoemd, eenmaal geteld: {files}.",
        "sum_rule": "Elk bedrag is de som van de afzonderlijke schattingen van de cases (bcalc estimate), tot op "
                    "de cent.",
        "partial": "Een case die in een jaar maar een deel van de maanden loopt, telt in dat jaar voor die maanden.",
        "none": "geen",
    },
    "en": {
        "title": "Portfolio", "budget": "Budget {year}", "cases_n": "{n} cases", "case_1": "1 case",
        "organisation": "Organisation", "scenario_all": "Indexation scenario for all cases",
        "scenario_own": "each case's own scenario", "vat_all": "Recoverable VAT for all cases",
        "vat_own": "each case's own VAT position",
        "one_off": "One-off", "recurring": "Recurring", "training": "Training", "internal": "Internal hours",
        "vat": "VAT", "cost": "Cost", "funding": "Funding", "benefits": "Benefits (all)",
        "cashable": "of which cashable", "net": "Net, value view", "cash_net": "Net, budget view",
        "active": "Cases running", "total": "Total", "year": "Year",
        "per_year": "Per calendar year (amounts in euros)", "per_case": "Per case (amounts in euros)",
        "per_need": "Cost per need, incl. non-recoverable VAT (amounts in euros)",
        "per_code": "Funding per code (amounts in euros)", "staff": "Hours and FTE per role across all cases",
        "hours": "hours", "fte": "FTE", "flags": "Points of attention", "files": "Cases",
        "case": "Case", "file": "File", "start": "Start", "years": "Years", "scen": "Scenario",
        "in_year": "cost {year}", "cost_total": "cost total", "funding_total": "funding total",
        "net_total": "net value", "cash_total": "net budget",
        "views": "Value view: funding plus all benefits minus cost. Budget view: funding plus cashable benefits "
                 "(money that leaves or enters the budget) minus cost; what the budget sees.",
        "headline": "In {year} the {n} cases together cost {cost}, against {funding} of funding and {cashable} of "
                    "cashable benefits. Net for the budget: {cash}; with all benefits (value view): {net}.",
        "headline_1": "In {year} the one case that runs costs {cost}, against {funding} of funding and {cashable} of "
                      "cashable benefits. Net for the budget: {cash}; with all benefits (value view): {net}.",
        "headline_0": "None of the cases runs in {year}: no cost, funding or benefits in that year.",
        "fte_note": "FTE: hours of the calendar year divided by {norm} hours per FTE; total column: average per year.",
        "no_fte": "No FTE: no hours per FTE known (hours_per_fte).",
        "no_hours": "No counted hours in the cases.",
        "no_funding": "No funding in the cases.",
        "repeated": "Named more than once, counted once: {files}.",
        "sum_rule": "Every amount is the sum of the cases' separate estimates (bcalc estimate), to the cent.",
        "partial": "A case that runs only part of a year counts in that year for those months.",
        "none": "none",
    },
}

ROWS = ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits", "cashable", "net",
        "cash_net")


def W(lang: str) -> dict:
    return WORDS["nl" if lang == "nl" else "en"]


def cases_n(p: Portfolio, lang: str) -> str:
    """How many cases: "1 case", "3 cases"."""
    w = W(lang)
    return w["case_1"] if len(p.cases) == 1 else w["cases_n"].format(n=len(p.cases))


def value(totals, key: str) -> Decimal:
    return getattr(totals, key)


def num(v: Decimal, lang: str) -> str:
    return nl_number(v) if lang == "nl" else en_number(v)


def hours_text(v: Decimal, lang: str) -> str:
    return nl_number(v) if lang == "nl" else en_number(v)


def role_label(role: str, lang: str) -> str:
    name = role_name(role, lang)
    return name[:1].upper() + name[1:]


def need_label(p: Portfolio, need: str) -> str:
    name = p.need_names.get(need)
    return f"{name} ({need})" if name and name != need else need


def code_label(p: Portfolio, code: str) -> str:
    name = p.code_names.get(code)
    return f"{code} {name}" if name and name != code else code


def headline(p: Portfolio, lang: str) -> str:
    t = p.year(p.budget_year)
    m = lambda v: fmt_money(v, lang)  # noqa: E731
    n = p.active[p.years.index(p.budget_year)] if p.budget_year in p.years else 0
    key = {0: "headline_0", 1: "headline_1"}.get(n, "headline")
    return W(lang)[key].format(year=p.budget_year, n=n, cost=m(t.cost), funding=m(t.funding),
                                      cashable=m(t.cashable), cash=m(t.cash_net), net=m(t.net))


def flags(p: Portfolio, lang: str) -> list[str]:
    return [say(f, lang) for f in p.flags]


# ---- JSON ---------------------------------------------------------------------------------------


def _totals(t) -> dict:
    return {k: money_str(value(t, k)) for k in ROWS}


def to_dict(p: Portfolio, lang: str = "nl") -> dict:
    years = list(p.years)
    return {
        "portfolio": p.title,
        "organisation": p.organisation,
        "budget_year": p.budget_year,
        "scenario": p.scenario,
        "vat_recoverable": None if p.vat_recoverable is None else num_str(p.vat_recoverable),
        "years": years,
        "budget": _totals(p.year(p.budget_year)),
        "per_year": [{"year": y, "cases": n, **_totals(t)} for y, t, n in zip(years, p.per_year, p.active)],
        "total": _totals(p.total),
        "cases": [{
            "file": c.file, "case": c.title, "organisation": c.organisation, "start": c.start, "years": c.years,
            "scenario": c.scenario, "vat_recoverable": num_str(c.vat_recoverable),
            "per_year": [{"year": r.year, "months": r.months, **_totals(r.totals)} for r in c.per_year],
            "total": _totals(c.total),
        } for c in p.cases],
        "needs": [{"need": r.key, "name": p.need_names.get(r.key),
                   "per_year": {str(y): money_str(v) for y, v in zip(years, r.values)},
                   "total": money_str(r.total)} for r in p.needs],
        "funding_codes": [{"code": r.key, "name": p.code_names.get(r.key),
                           "per_year": {str(y): money_str(v) for y, v in zip(years, r.values)},
                           "total": money_str(r.total)} for r in p.codes],
        "hours_per_fte": None if p.hours_per_fte is None else num_str(p.hours_per_fte),
        "staff": [{"role": r.role,
                   "hours": {str(y): num_str(h) for y, h in zip(years, r.hours)},
                   "total_hours": num_str(r.total),
                   "fte": None if r.fte is None else {str(y): num_str(f.quantize(Decimal("0.0001")))
                                                      for y, f in zip(years, r.fte)},
                   "average_fte": None if r.average_fte is None else num_str(r.average_fte.quantize(Decimal("0.0001")))}
                  for r in p.roles],
        "flags": [{"code": f.code, "message": say(f, lang)} for f in p.flags],
        "repeated": list(p.repeated),
    }


def render_json(p: Portfolio, lang: str = "nl") -> str:
    return json.dumps(to_dict(p, lang), ensure_ascii=False, indent=2) + "\n"


# ---- CSV ----------------------------------------------------------------------------------------

CSV_HEAD = ("record", "file", "case", "year", "key", "value")


def csv_rows(p: Portfolio) -> list[tuple]:
    """Long rows that add up in a pivot table: per calendar year and category for the portfolio
    (file empty) and for each case, per need, per funding code, hours and FTE per role. A case's
    file and title never start as a formula (``csvout.guard``)."""
    rows: list[tuple] = []
    for y, t in zip(p.years, p.per_year):
        rows += [("year", "", "", y, k, money_str(value(t, k))) for k in ROWS]
    rows += [("total", "", "", "", k, money_str(value(p.total, k))) for k in ROWS]
    for c in p.cases:
        for r in c.per_year:
            rows += [("case_year", guard(c.file), guard(c.title), r.year, k, money_str(value(r.totals, k)))
                     for k in ROWS]
    for r in p.needs:
        rows += [("need", "", "", y, guard(r.key), money_str(v)) for y, v in zip(p.years, r.values)]
    for r in p.codes:
        rows += [("funding_code", "", "", y, guard(r.key), money_str(v)) for y, v in zip(p.years, r.values)]
    for r in p.roles:
        rows += [("staff_hours", "", "", y, r.role, num_str(h)) for y, h in zip(p.years, r.hours)]
        if r.fte is not None:
            rows += [("staff_fte", "", "", y, r.role, num_str(f.quantize(Decimal("0.0001"))))
                     for y, f in zip(p.years, r.fte)]
    return rows


def render_csv(p: Portfolio, lang: str = "nl") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEAD)
    writer.writerows(csv_rows(p))
    return out.getvalue()


# ---- Markdown -----------------------------------------------------------------------------------


def _esc(text: str) -> str:
    """Text in a heading, list item or table cell: data from the case files (titles, file names,
    labels in the points of attention) with its Markdown and HTML escaped (bcalc.render.mdtext),
    ``|`` escaped, on one line."""
    return escape(" ".join(str(text).split())).replace("|", "\\|")


def _table(head: list[str], rows: list[list[str]], right_from: int = 1) -> list[str]:
    out = ["| " + " | ".join(_esc(h) for h in head) + " |",
           "|" + "|".join("---" if i < right_from else "---:" for i in range(len(head))) + "|"]
    out += ["| " + " | ".join(_esc(c) for c in row) + " |" for row in rows]
    return out


def render_markdown(p: Portfolio, lang: str = "nl") -> str:
    w = W(lang)
    years = [str(y) for y in p.years]
    lines = [f"# {w['title']}: {_esc(p.title or cases_n(p, lang))}", ""]
    if p.organisation:
        lines += [f"{w['organisation']}: {_esc(p.organisation)}", ""]
    lines += [f"## {w['budget'].format(year=p.budget_year)}", "", headline(p, lang), "", w["views"], ""]
    t = p.year(p.budget_year)
    lines += _table([w["budget"].format(year=p.budget_year), ""],
                    [[w[k], fmt_money(value(t, k), lang)] for k in ROWS])
    lines += ["", f"{w['scenario_all']}: {p.scenario or w['scenario_own']}. "
                  f"{w['vat_all']}: {num_str(p.vat_recoverable * 100) + ' %' if p.vat_recoverable is not None else w['vat_own']}.",
              "", w["sum_rule"], ""]
    lines += [f"## {w['per_year']}", ""]
    rows = [[w[k]] + [num(value(x, k), lang) for x in p.per_year] + [num(value(p.total, k), lang)] for k in ROWS]
    rows.append([w["active"]] + [str(n) for n in p.active] + [str(len(p.cases))])
    lines += _table([""] + years + [w["total"]], rows) + ["", w["partial"], ""]
    lines += [f"## {w['per_case']}", ""]
    head = [w["case"], w["file"], w["start"], w["years"], w["scen"], w["in_year"].format(year=p.budget_year),
            w["cost_total"], w["funding_total"], w["net_total"], w["cash_total"]]
    rows = []
    for c in p.cases:
        in_year = next((r.totals.cost for r in c.per_year if r.year == p.budget_year), Decimal(0))
        rows.append([c.title, c.file, c.start, str(c.years), c.scenario, num(in_year, lang), num(c.total.cost, lang),
                     num(c.total.funding, lang), num(c.total.net, lang), num(c.total.cash_net, lang)])
    lines += _table(head, rows, right_from=5) + [""]
    lines += [f"## {w['per_need']}", ""]
    lines += _table([""] + years + [w["total"]],
                    [[need_label(p, r.key)] + [num(v, lang) for v in r.values] + [num(r.total, lang)]
                     for r in p.needs]) + [""]
    lines += [f"## {w['per_code']}", ""]
    if p.codes:
        lines += _table([""] + years + [w["total"]],
                        [[code_label(p, r.key)] + [num(v, lang) for v in r.values] + [num(r.total, lang)]
                         for r in p.codes]) + [""]
    else:
        lines += [w["no_funding"], ""]
    lines += [f"## {w['staff']}", ""]
    if p.roles:
        rows = []
        for r in p.roles:
            rows.append([f"{role_label(r.role, lang)}, {w['hours']}"] + [hours_text(h, lang) for h in r.hours]
                        + [hours_text(r.total, lang)])
            if r.fte is not None:
                rows.append([f"{w['fte']}"] + [num(f, lang) for f in r.fte] + [num(r.average_fte, lang)])
        lines += _table([""] + years + [w["total"]], rows) + [""]
        lines += [w["fte_note"].format(norm=num_str(p.hours_per_fte)) if p.hours_per_fte is not None else w["no_fte"],
                  ""]
    else:
        lines += [w["no_hours"], ""]
    said = flags(p, lang)
    if said or p.repeated:
        lines += [f"## {w['flags']} ({len(said) + bool(p.repeated)})", ""]
        lines += [f"- {_esc(s)}" for s in said]
        if p.repeated:
            lines.append(f"- {_esc(w['repeated'].format(files=', '.join(p.repeated)))}")
        lines.append("")
    return "\n".join(lines)


# ---- terminal -----------------------------------------------------------------------------------


def render_console(p: Portfolio, console, lang: str = "nl") -> None:
    from rich.text import Text

    from bcalc.render.console import _matrix

    w = W(lang)
    head = Text()
    head.append(f"{w['title']}: {p.title or cases_n(p, lang)}", style="bold")
    if p.organisation:
        head.append(f"  ·  {p.organisation}")
    console.print(head)
    console.print(f"{cases_n(p, lang)}  ·  {w['scenario_all']}: {p.scenario or w['scenario_own']}"
                  f"  ·  {w['vat_all']}: "
                  f"{num_str(p.vat_recoverable * 100) + ' %' if p.vat_recoverable is not None else w['vat_own']}",
                  highlight=False, markup=False)
    console.print(headline(p, lang), highlight=False, markup=False)
    console.print(w["views"], style="dim", highlight=False, markup=False)
    years = [str(y) for y in p.years]
    rows = [(w[k], [value(x, k) for x in p.per_year] + [value(p.total, k)], k in ("cost", "net", "cash_net"))
            for k in ROWS]
    _matrix(console, w["per_year"], years + [w["total"]], rows, lang)
    case_rows = []
    for c in p.cases:
        in_year = next((r.totals.cost for r in c.per_year if r.year == p.budget_year), Decimal(0))
        case_rows.append((c.title, [in_year, c.total.cost, c.total.funding, c.total.net, c.total.cash_net], False))
    _matrix(console, w["per_case"], [w["in_year"].format(year=p.budget_year), w["cost_total"], w["funding_total"],
                                     w["net_total"], w["cash_total"]], case_rows, lang)
    _matrix(console, w["per_need"], years + [w["total"]],
            [(need_label(p, r.key), list(r.values) + [r.total], False) for r in p.needs], lang)
    if p.codes:
        _matrix(console, w["per_code"], years + [w["total"]],
                [(code_label(p, r.key), list(r.values) + [r.total], False) for r in p.codes], lang)
    else:
        console.print(w["no_funding"], highlight=False, markup=False)
    if p.roles:
        rows = []
        for r in p.roles:
            rows.append((f"{role_label(r.role, lang)}, {w['hours']}", list(r.hours) + [r.total], False))
            if r.fte is not None:
                rows.append((f"  {w['fte']}", list(r.fte) + [r.average_fte], False))
        _matrix(console, w["staff"], years + [w["total"]], rows, lang)
        console.print(w["fte_note"].format(norm=num_str(p.hours_per_fte)) if p.hours_per_fte is not None
                      else w["no_fte"], style="dim", highlight=False, markup=False)
    said = flags(p, lang)
    if p.repeated:
        said.append(w["repeated"].format(files=", ".join(p.repeated)))
    if said:
        console.print()
        console.print(f"{w['flags']} ({len(said)})", style="bold", highlight=False, markup=False)
        for s in said:
            console.print(f" • {s}", highlight=False, markup=False)


__all__ = ["to_dict", "render_json", "render_csv", "render_markdown", "render_console", "csv_rows", "WORDS"]
