"""``bcalc evaluate``: the plan against the actuals, as a terminal table, JSON, Markdown and CSV.

Every format reads the one ``Evaluation`` of bcalc.core.actuals, so they show the same cents.
Words in Dutch (default) and English live here; the JSON and CSV carry codes, and only the CSV
header follows the language.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_HALF_UP, Decimal

from bcalc.core.actuals import (KPI_CLIENTS, KPI_COST, KPI_HOURS, KPI_MINUTES, KPI_MINUTES_WEEK, KPI_PRICE, Compared,
                                Evaluation)
from bcalc.money import ZERO, en_number, fmt_money, money_str, nl_number, num_str
from bcalc.render.labels import role_name

FORMAT = "bcalc.evaluate/1"
CATEGORY_CODES = ("one_off", "recurring", "training", "hours", "vat", "cost", "funding", "net")

WORDS = {
    "nl": {
        "title": "Evaluatie: werkelijke cijfers tegen het plan",
        "facts": "{case} · {actuals} · gemeten: {first} t/m {last} ({n} maanden) · horizon tot {end}",
        "h_lines": "Per regel, tot nu toe",
        "h_categories": "Per categorie, tot nu toe",
        "h_years": "Per kalenderjaar, tot nu toe",
        "h_months": "Per maand (kosten incl. niet-terugvorderbare btw)",
        "h_kpis": "Gemeten KPI's",
        "h_criteria": "Criteria van de poort",
        "line": "Regel",
        "category": "Categorie",
        "year": "Jaar",
        "month": "Maand",
        "plan": "Plan",
        "actual": "Werkelijk",
        "variance": "Verschil",
        "volume": "Volume",
        "price": "Prijs",
        "forecast": "Prognose",
        "plan_total": "Plan horizon",
        "carried": "Prognose laatste cliënten",
        "plan_qty": "Aantal plan",
        "actual_qty": "Aantal werkelijk",
        "plan_cost": "Kosten plan",
        "actual_cost": "Kosten werkelijk",
        "plan_funding": "Financiering plan",
        "actual_funding": "Financiering werkelijk",
        "plan_clients": "Cliënten plan",
        "actual_clients": "Cliënten werkelijk",
        "kpi": "KPI",
        "measured": "Gemeten",
        "planned": "Plan",
        "gate": "Poort",
        "computed_in": "{gate} (berekend, {view})",
        "views": {"value": "waardeweergave", "budget": "begrotingsweergave"},
        "threshold": "Drempel",
        "status": "Oordeel",
        "deployment": "inzet {n}",
        "not_measured_kind": "niet gemeten (als plan)",
        "unvalued": "uren, niet gewaardeerd",
        "none": "—",
        "cats": {"one_off": "Eenmalig", "recurring": "Terugkerend", "training": "Training (leverancier)",
                 "hours": "Uren (training en intern)", "vat": "Btw", "cost": "Kosten", "funding": "Financiering",
                 "net": "Netto"},
        "kpis": {KPI_CLIENTS: "Cliënten in gebruik (laatste maand)",
                 KPI_MINUTES: "Vrijgekomen minuten per cliënt per dag",
                 KPI_MINUTES_WEEK: "Vrijgekomen minuten per cliënt per week",
                 KPI_COST: "Kosten per cliënt per maand",
                 KPI_HOURS: "Bestede uren per cliënt per maand"},
        "price_of": "Prijs per eenheid: {item}",
        "statuses": {"met": "gehaald", "not_met": "niet gehaald", "not_measured": "niet gemeten"},
        "at_least": "minstens {v}",
        "at_most": "hoogstens {v}",
        "between": "{lo} tot {hi}",
        "kinds": {"invoices": "facturen", "hours": "uren", "funding": "financiering"},
        "note_forecast": "Prognose: de werkelijke cijfers van de gemeten maanden plus het plan voor alle andere "
                         "maanden van de horizon. Verschil = werkelijk − plan = volume + prijs; volume = "
                         "(werkelijk aantal − gepland aantal) × geplande prijs, prijs = (werkelijke prijs − "
                         "geplande prijs) × werkelijk aantal. Prognose laatste cliënten: hetzelfde, met voor de "
                         "rest van de horizon de laatst gemeten cliënten per inzet in plaats van die uit de case.",
        "note_unmeasured": "Niet gemeten, en dus als plan geteld: {kinds}.",
        "note_months": "Maandbedragen zijn per maand afgerond en kunnen een cent verschillen van de jaarcijfers.",
        "no_criteria": "De case geeft geen criteria voor een poort; de gemeten KPI's staan hierboven.",
        "amounts": "bedragen in euro, excl. btw tenzij anders vermeld",
    },
    "en": {
        "title": "Evaluation: actuals against the plan",
        "facts": "{case} · {actuals} · measured: {first} to {last} ({n} months) · horizon to {end}",
        "h_lines": "Per line, to date",
        "h_categories": "Per category, to date",
        "h_years": "Per calendar year, to date",
        "h_months": "Per month (cost incl. non-recoverable VAT)",
        "h_kpis": "Measured KPIs",
        "h_criteria": "Gate criteria",
        "line": "Line",
        "category": "Category",
        "year": "Year",
        "month": "Month",
        "plan": "Plan",
        "actual": "Actual",
        "variance": "Variance",
        "volume": "Volume",
        "price": "Price",
        "forecast": "Forecast",
        "plan_total": "Plan horizon",
        "carried": "Forecast latest clients",
        "plan_qty": "Planned qty",
        "actual_qty": "Actual qty",
        "plan_cost": "Cost plan",
        "actual_cost": "Cost actual",
        "plan_funding": "Funding plan",
        "actual_funding": "Funding actual",
        "plan_clients": "Clients plan",
        "actual_clients": "Clients actual",
        "kpi": "KPI",
        "measured": "Measured",
        "planned": "Plan",
        "gate": "Gate",
        "computed_in": "{gate} (computed, {view})",
        "views": {"value": "value view", "budget": "budget view"},
        "threshold": "Threshold",
        "status": "Result",
        "deployment": "deployment {n}",
        "not_measured_kind": "not measured (as planned)",
        "unvalued": "hours, not valued",
        "none": "—",
        "cats": {"one_off": "One-off", "recurring": "Recurring", "training": "Training (supplier)",
                 "hours": "Hours (training and internal)", "vat": "VAT", "cost": "Cost", "funding": "Funding",
                 "net": "Net"},
        "kpis": {KPI_CLIENTS: "Clients in use (last month)",
                 KPI_MINUTES: "Minutes freed per client per day",
                 KPI_MINUTES_WEEK: "Minutes freed per client per week",
                 KPI_COST: "Cost per client per month",
                 KPI_HOURS: "Hours spent per client per month"},
        "price_of": "Price per unit: {item}",
        "statuses": {"met": "met", "not_met": "not met", "not_measured": "not measured"},
        "at_least": "at least {v}",
        "at_most": "at most {v}",
        "between": "{lo} to {hi}",
        "kinds": {"invoices": "invoices", "hours": "hours", "funding": "funding"},
        "note_forecast": "Forecast: the actuals of the months measured plus the plan for every other month of the "
                         "horizon. Variance = actual − plan = volume + price; volume = (actual quantity − planned "
                         "quantity) × planned price, price = (actual price − planned price) × actual quantity. "
                         "Forecast latest clients: the same, with the latest clients measured per deployment "
                         "instead of the case's for the rest of the horizon.",
        "note_unmeasured": "Not measured, and so counted as planned: {kinds}.",
        "note_months": "Monthly amounts are rounded per month and may differ a cent from the yearly figures.",
        "no_criteria": "The case gives no gate criteria; the measured KPIs are above.",
        "amounts": "amounts in euros, excl. VAT unless stated",
    },
}

HUNDREDTH = Decimal("0.01")


def words(lang: str) -> dict:
    return WORDS["nl" if lang == "nl" else "en"]


def _money(value: Decimal | None, lang: str) -> str:
    if value is None:
        return words(lang)["none"]
    return nl_number(value + ZERO) if lang == "nl" else en_number(value + ZERO)


def _qty(value: Decimal | None, lang: str) -> str:
    if value is None:
        return words(lang)["none"]
    text = num_str(value.quantize(HUNDREDTH, rounding=ROUND_HALF_UP) if value.as_tuple().exponent < -2 else value)
    return text.replace(".", ",") if lang == "nl" else text


def _kpi_value(code: str, value: Decimal | None, lang: str) -> str:
    if value is None:
        return words(lang)["none"]
    if code == KPI_COST or code.startswith(KPI_PRICE):
        return fmt_money(value.quantize(HUNDREDTH, rounding=ROUND_HALF_UP), lang)
    return _qty(value, lang)


def line_label(ln: Compared, lang: str, several: bool) -> str:
    W = words(lang)
    if ln.kind == "hours":
        text = role_name(ln.name, lang)
        text = text[:1].upper() + text[1:]
        return text if ln.valued else f"{text} ({W['unvalued']})"
    if ln.kind == "item":
        base = f"{ln.label} ({ln.name})" if ln.label and ln.label != ln.name else ln.name
        return f"{base}, {W['deployment'].format(n=ln.deployment + 1)}" if several else base
    return ln.label


def shown_lines(ev: Evaluation) -> list[Compared]:
    """The lines worth a row: anything planned over the horizon, or anything actual."""
    return [ln for ln in ev.lines if ln.plan_total or ln.actual or ln.plan or ln.actual_quantity
            or (ln.kind == "hours" and ln.plan_quantity)]


def threshold(c, lang: str) -> str:
    W = words(lang)
    lo = _kpi_value(c.kpi, c.minimum, lang) if c.minimum is not None else None
    hi = _kpi_value(c.kpi, c.maximum, lang) if c.maximum is not None else None
    if lo is not None and hi is not None:
        return W["between"].format(lo=lo, hi=hi)
    if lo is not None:
        return W["at_least"].format(v=lo)
    return W["at_most"].format(v=hi) if hi is not None else W["none"]


def gate_text(c, lang: str) -> str:
    """The gate of a criterion, and whether bcalc computed it (in which view) or the case gives it."""
    W = words(lang)
    return c.gate if c.source == "case" else W["computed_in"].format(gate=c.gate, view=W["views"][c.source])


def kpi_name(code: str, lang: str) -> str:
    W = words(lang)
    if code.startswith(KPI_PRICE):
        return W["price_of"].format(item=code[len(KPI_PRICE):])
    return W["kpis"].get(code, code)


def notes(ev: Evaluation, lang: str) -> list[str]:
    W = words(lang)
    out = [W["note_forecast"]]
    present = {{"item": "invoices"}.get(ln.kind, ln.kind) for ln in ev.lines}
    missing = [W["kinds"][k] for k in ("invoices", "hours", "funding") if k not in ev.measured and k in present]
    if missing:
        out.append(W["note_unmeasured"].format(kinds=", ".join(missing)))
    out.append(W["note_months"])
    return out


def _several(ev: Evaluation) -> bool:
    return len({ln.deployment for ln in ev.lines if ln.kind == "item"}) > 1


# ---- JSON --------------------------------------------------------------------------------------


def _m(value: Decimal | None) -> str | None:
    return None if value is None else money_str(value + ZERO)


def _q(value: Decimal | None) -> str | None:
    return None if value is None else num_str(value)


def _k(value: Decimal | None) -> str | None:
    return None if value is None else money_str(value)


def as_dict(ev: Evaluation) -> dict:
    lines = []
    for ln in ev.lines:
        lines.append({
            "kind": ln.kind, "name": ln.name, "label": ln.label, "category": ln.category,
            "deployment": ln.deployment + 1 if ln.deployment is not None else None,
            "funding_line": ln.index + 1 if ln.index is not None else None,
            "measured": ln.measured, "valued": ln.valued,
            "plan": _m(ln.plan), "actual": _m(ln.actual), "variance": _m(ln.variance),
            "volume": _m(ln.volume), "price": _m(ln.price),
            "plan_vat": _m(ln.plan_vat), "actual_vat": _m(ln.actual_vat),
            "plan_quantity": _q(ln.plan_quantity), "actual_quantity": _q(ln.actual_quantity),
            "forecast": _m(ln.forecast), "forecast_vat": _m(ln.forecast_vat),
            "plan_total": _m(ln.plan_total), "plan_total_vat": _m(ln.plan_total_vat),
            "forecast_latest_clients": _m(ln.carried), "forecast_latest_clients_vat": _m(ln.carried_vat),
            "per_year": [{"year": y.year, "plan": _m(y.plan), "actual": _m(y.actual), "variance": _m(y.actual - y.plan),
                          "plan_vat": _m(y.plan_vat), "actual_vat": _m(y.actual_vat), "forecast": _m(y.forecast),
                          "forecast_vat": _m(y.forecast_vat), "forecast_latest_clients": _m(y.carried),
                          "plan_year": _m(y.plan_year), "plan_year_vat": _m(y.plan_year_vat)} for y in ln.years],
        })
    categories = []
    for t in ev.categories:
        categories.append({
            "category": t.code, "plan": _m(t.plan), "actual": _m(t.actual), "variance": _m(t.variance),
            "forecast": _m(t.forecast), "plan_total": _m(t.plan_total),
            "forecast_latest_clients": _m(t.carried),
            "per_year": [{"year": y.year, "plan": _m(y.plan), "actual": _m(y.actual), "variance": _m(y.actual - y.plan),
                          "forecast": _m(y.forecast), "forecast_latest_clients": _m(y.carried),
                          "plan_year": _m(y.plan_year)} for y in t.years],
        })
    return {
        "format": FORMAT,
        "case": ev.case_title,
        "actuals": ev.actuals_title,
        "currency": "EUR",
        "first": ev.first,
        "last": ev.last,
        "months_covered": list(ev.covered),
        "horizon_end": ev.horizon_end,
        "measured": [k for k in ("invoices", "hours", "funding") if k in ev.measured],
        "lines": lines,
        "categories": categories,
        "months": [{"month": m.month, "plan_cost": _m(m.plan_cost), "actual_cost": _m(m.actual_cost),
                    "variance_cost": _m(m.actual_cost - m.plan_cost), "plan_funding": _m(m.plan_funding),
                    "actual_funding": _m(m.actual_funding), "plan_clients": m.plan_clients,
                    "actual_clients": m.actual_clients,
                    "categories": [{"category": c, "plan": _m(p), "actual": _m(a)} for c, p, a in m.categories]}
                   for m in ev.months],
        "kpis": [{"kpi": k.code, "value": _k(k.value), "plan": _k(k.plan)} for k in ev.kpis],
        "criteria": [{"gate": c.gate, "source": c.source, "kpi": c.kpi, "min": _q(c.minimum), "max": _q(c.maximum), "value": _k(c.value),
                      "status": c.status} for c in ev.criteria],
    }


def render_json(ev: Evaluation) -> str:
    return json.dumps(as_dict(ev), ensure_ascii=False, indent=2) + "\n"


# ---- rows shared by the table and the Markdown -------------------------------------------------


def line_rows(ev: Evaluation, lang: str) -> tuple[list[str], list[list[str]]]:
    W = words(lang)
    head = [W["line"], W["category"], W["plan_qty"], W["actual_qty"], W["plan"], W["actual"], W["variance"],
            W["volume"], W["price"], W["forecast"], W["plan_total"]]
    several = _several(ev)
    rows = []
    for ln in shown_lines(ev):
        label = line_label(ln, lang, several)
        if not ln.measured:
            label += f" ({W['not_measured_kind']})"
        rows.append([label, W["cats"][ln.category], _qty(ln.plan_quantity, lang), _qty(ln.actual_quantity, lang),
                     _money(ln.plan, lang), _money(ln.actual, lang), _money(ln.variance, lang),
                     _money(ln.volume, lang), _money(ln.price, lang), _money(ln.forecast, lang),
                     _money(ln.plan_total, lang)])
    return head, rows


def category_rows(ev: Evaluation, lang: str) -> tuple[list[str], list[list[str]]]:
    W = words(lang)
    head = [W["category"], W["plan"], W["actual"], W["variance"], W["forecast"], W["plan_total"]]
    carried = ev.category("cost").carried is not None
    if carried:
        head.insert(5, W["carried"])
    rows = []
    for t in ev.categories:
        row = [W["cats"][t.code], _money(t.plan, lang), _money(t.actual, lang), _money(t.variance, lang),
               _money(t.forecast, lang), _money(t.plan_total, lang)]
        if carried:
            row.insert(5, _money(t.carried, lang))
        rows.append(row)
    return head, rows


def year_rows(ev: Evaluation, lang: str) -> tuple[list[str], list[list[str]]]:
    """Cost, funding and net per calendar year that the actuals reach: to date, and the year's forecast."""
    W = words(lang)
    head = [W["year"], W["category"], W["plan"], W["actual"], W["variance"], W["forecast"], W["plan_total"]]
    years = sorted({int(m[:4]) for m in ev.covered})
    rows = []
    for y in years:
        for code in ("cost", "funding", "net"):
            t = ev.category(code)
            f = next(x for x in t.years if x.year == y)
            rows.append([str(y), W["cats"][code], _money(f.plan, lang), _money(f.actual, lang),
                         _money(f.actual - f.plan, lang), _money(f.forecast, lang), _money(f.plan_year, lang)])
    return head, rows


def month_rows(ev: Evaluation, lang: str) -> tuple[list[str], list[list[str]]]:
    W = words(lang)
    head = [W["month"], W["plan_clients"], W["actual_clients"], W["plan_cost"], W["actual_cost"], W["variance"],
            W["plan_funding"], W["actual_funding"]]
    rows = [[m.month, str(m.plan_clients), str(m.actual_clients) if m.actual_clients is not None else W["none"],
             _money(m.plan_cost, lang), _money(m.actual_cost, lang), _money(m.actual_cost - m.plan_cost, lang),
             _money(m.plan_funding, lang), _money(m.actual_funding, lang)] for m in ev.months]
    return head, rows


def kpi_rows(ev: Evaluation, lang: str) -> tuple[list[str], list[list[str]]]:
    W = words(lang)
    head = [W["kpi"], W["measured"], W["planned"]]
    rows = [[kpi_name(k.code, lang), _kpi_value(k.code, k.value, lang), _kpi_value(k.code, k.plan, lang)]
            for k in ev.kpis]
    return head, rows


def criteria_rows(ev: Evaluation, lang: str) -> tuple[list[str], list[list[str]]]:
    W = words(lang)
    head = [W["gate"], W["kpi"], W["threshold"], W["measured"], W["status"]]
    rows = [[gate_text(c, lang), kpi_name(c.kpi, lang), threshold(c, lang), _kpi_value(c.kpi, c.value, lang),
             W["statuses"][c.status]] for c in ev.criteria]
    return head, rows


def sections(ev: Evaluation, lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    W = words(lang)
    out = [(W["h_lines"],) + line_rows(ev, lang), (W["h_categories"],) + category_rows(ev, lang),
           (W["h_years"],) + year_rows(ev, lang), (W["h_months"],) + month_rows(ev, lang),
           (W["h_kpis"],) + kpi_rows(ev, lang)]
    if ev.criteria:
        out.append((W["h_criteria"],) + criteria_rows(ev, lang))
    return out


def facts(ev: Evaluation, lang: str) -> str:
    return words(lang)["facts"].format(case=ev.case_title, actuals=ev.actuals_title or "-", first=ev.first,
                                       last=ev.last, n=len(ev.covered), end=ev.horizon_end)


# ---- terminal ----------------------------------------------------------------------------------


def _column_chunks(head: list[str], rows: list[list[str]], width: int, keep: int) -> list[list[int]]:
    """The columns of each table when one table would be wider than the terminal: the first ``keep``
    columns (the row's names) in every table, then as many of the others as fit (at least one)."""
    def need(i: int) -> int:
        longest = max([len(head[i])] + [len(r[i]) for r in rows])
        return min(longest, 30 if i < keep or not rows or not all(_NUMERIC.match(r[i]) for r in rows)
                   else longest) + 3
    base = sum(need(i) for i in range(keep))
    chunks: list[list[int]] = [[]]
    used = base
    for i in range(keep, len(head)):
        if chunks[-1] and used + need(i) > width:
            chunks.append([])
            used = base
        chunks[-1].append(i)
        used += need(i)
    return [list(range(keep)) + c for c in chunks]


def render_console(ev: Evaluation, console, lang: str = "nl") -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    W = words(lang)
    console.print(Text(W["title"], style="bold"))
    console.print(Text(facts(ev, lang)))
    console.print(Text(W["amounts"], style="dim"))
    for title, head, rows in sections(ev, lang):
        keep = 1
        for n, cols in enumerate(_column_chunks(head, rows, console.width, keep)):
            table = Table(title=title if n == 0 else None, title_justify="left", box=box.SIMPLE_HEAD,
                          show_edge=False, header_style="bold", pad_edge=False, padding=(0, 1))
            for i in cols:
                text_column = not rows or not all(_NUMERIC.match(r[i]) for r in rows)
                table.add_column(head[i], justify="left" if text_column else "right",
                                 overflow="fold", no_wrap=not text_column, max_width=30 if text_column else None)
            for row in rows:
                table.add_row(*(Text(row[i]) for i in cols))
            console.print(table)
    if not ev.criteria:
        console.print(Text(W["no_criteria"]))
    for note in notes(ev, lang):
        console.print(Text(note, style="dim"))


# ---- Markdown ----------------------------------------------------------------------------------


_NUMERIC = __import__("re").compile(r"^-?(€ ?|-?€)?[0-9.,]+$|^—$")   # a cell of a number (right-aligned)


def _cell(text: str) -> str:
    """Text in a Markdown table cell: on one line, its markup and ``|`` escaped."""
    from bcalc.render.mdtext import escape

    return escape(" ".join(str(text).split())).replace("|", "\\|")


def markdown_body(ev: Evaluation, lang: str, level: int = 2) -> str:
    """The evaluation's sections as Markdown, headings at ``level`` (for a chapter of the report too)."""
    W = words(lang)
    out = [_cell(facts(ev, lang)), "", f"*{W['amounts']}*", ""]
    for title, head, rows in sections(ev, lang):
        right = [bool(rows) and all(_NUMERIC.match(row[i]) for row in rows) for i in range(len(head))]
        out += ["#" * level + " " + title, "", "| " + " | ".join(_cell(h) for h in head) + " |",
                "|" + "|".join("---:" if r else "---" for r in right) + "|"]
        out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
        out.append("")
    if not ev.criteria:
        out += [W["no_criteria"], ""]
    for note in notes(ev, lang):
        out += [_cell(note), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render_markdown(ev: Evaluation, lang: str = "nl") -> str:
    return f"# {_cell(words(lang)['title'])}\n\n" + markdown_body(ev, lang)


# ---- CSV ---------------------------------------------------------------------------------------

CSV_COLUMNS = (
    ("record", "Soort regel", "Record"),
    ("year", "Jaar", "Year"),
    ("month", "Maand", "Month"),
    ("kind", "Soort", "Kind"),
    ("name", "Code", "Code"),
    ("label", "Omschrijving", "Label"),
    ("category", "Categorie", "Category"),
    ("deployment", "Inzet", "Deployment"),
    ("plan_quantity", "Aantal plan", "Planned quantity"),
    ("actual_quantity", "Aantal werkelijk", "Actual quantity"),
    ("plan", "Plan", "Plan"),
    ("actual", "Werkelijk", "Actual"),
    ("variance", "Verschil", "Variance"),
    ("volume", "Volume", "Volume"),
    ("price", "Prijs", "Price"),
    ("plan_vat", "Btw plan", "VAT plan"),
    ("actual_vat", "Btw werkelijk", "VAT actual"),
    ("forecast", "Prognose", "Forecast"),
    ("forecast_latest_clients", "Prognose laatste cliënten", "Forecast latest clients"),
    ("plan_total", "Plan horizon", "Plan horizon"),
    ("measured", "Gemeten", "Measured"),
    ("status", "Oordeel", "Status"),
)


def csv_rows(ev: Evaluation) -> list[dict]:
    """One table: ``line`` and ``line_year`` rows per line (to date, and per calendar year),
    ``category`` and ``category_year`` rows, ``month`` rows (cost and funding), ``kpi`` rows and
    ``criterion`` rows. Codes in the cells, money with two decimals."""
    out: list[dict] = []
    for ln in ev.lines:
        base = {"kind": ln.kind, "name": ln.name, "label": ln.label, "category": ln.category,
                "deployment": str(ln.deployment + 1) if ln.deployment is not None else "",
                "measured": "yes" if ln.measured else "no"}
        out.append({**base, "record": "line", "plan_quantity": _q(ln.plan_quantity),
                    "actual_quantity": _q(ln.actual_quantity), "plan": _m(ln.plan), "actual": _m(ln.actual),
                    "variance": _m(ln.variance), "volume": _m(ln.volume), "price": _m(ln.price),
                    "plan_vat": _m(ln.plan_vat), "actual_vat": _m(ln.actual_vat), "forecast": _m(ln.forecast),
                    "forecast_latest_clients": _m(ln.carried), "plan_total": _m(ln.plan_total)})
        for y in ln.years:
            out.append({**base, "record": "line_year", "year": str(y.year), "plan": _m(y.plan), "actual": _m(y.actual),
                        "variance": _m(y.actual - y.plan), "plan_vat": _m(y.plan_vat), "actual_vat": _m(y.actual_vat),
                        "forecast": _m(y.forecast), "forecast_latest_clients": _m(y.carried),
                        "plan_total": _m(y.plan_year)})
    for t in ev.categories:
        out.append({"record": "category", "category": t.code, "plan": _m(t.plan), "actual": _m(t.actual),
                    "variance": _m(t.variance), "forecast": _m(t.forecast),
                    "forecast_latest_clients": _m(t.carried), "plan_total": _m(t.plan_total)})
        for y in t.years:
            out.append({"record": "category_year", "year": str(y.year), "category": t.code, "plan": _m(y.plan),
                        "actual": _m(y.actual), "variance": _m(y.actual - y.plan), "forecast": _m(y.forecast),
                        "forecast_latest_clients": _m(y.carried), "plan_total": _m(y.plan_year)})
    for m in ev.months:
        out.append({"record": "month_cost", "month": m.month, "category": "cost", "plan": _m(m.plan_cost),
                    "actual": _m(m.actual_cost), "variance": _m(m.actual_cost - m.plan_cost),
                    "plan_quantity": str(m.plan_clients),
                    "actual_quantity": str(m.actual_clients) if m.actual_clients is not None else ""})
        out.append({"record": "month_funding", "month": m.month, "category": "funding", "plan": _m(m.plan_funding),
                    "actual": _m(m.actual_funding), "variance": _m(m.actual_funding - m.plan_funding)})
    for k in ev.kpis:
        out.append({"record": "kpi", "name": k.code, "actual": _k(k.value), "plan": _k(k.plan),
                    "measured": "yes" if k.value is not None else "no"})
    for c in ev.criteria:
        out.append({"record": "criterion", "label": c.gate, "category": c.source, "name": c.kpi, "actual": _k(c.value),
                    "status": c.status})
    return out


def render_csv(ev: Evaluation, lang: str = "nl") -> str:
    from bcalc.render.csvout import guard

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([c[1] if lang == "nl" else c[2] for c in CSV_COLUMNS])
    for row in csv_rows(ev):
        cells = []
        for code, *_ in CSV_COLUMNS:
            value = row.get(code)
            text = "" if value is None else str(value)
            cells.append(guard(text) if code == "label" else text)
        writer.writerow(cells)
    return buf.getvalue()


__all__ = ["render_json", "render_console", "render_markdown", "render_csv", "as_dict", "csv_rows", "sections",
           "markdown_body", "FORMAT"]
