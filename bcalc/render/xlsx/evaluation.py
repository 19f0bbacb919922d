"""The evaluation sheet: the actuals against the plan (bcalc.core.actuals), as ``bcalc evaluate
--xlsx`` writes it on its own and ``bcalc report --actuals`` adds it to the business case.

Plan and actual figures of each line are values (the plan from the engine, the actuals from the
file); the variance, its volume and price parts, the forecast and the category totals are
formulas over them, with the core's rules: volume = ROUND((actual qty - planned qty) x plan /
planned qty; 2) (the whole variance without a planned quantity, empty without an actual one),
price = variance - volume, forecast = actual + the plan of the other months. A controller who
corrects an actual figure sees the variance, the split and the forecast follow.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from bcalc.core.actuals import BUILT_IN_KPIS, KPI_COST
from bcalc.render import evaluate_view as view
from bcalc.render.xlsx.cells import EURO, QTY, Sheet

# the columns of the table of lines
COLS = ("line", "category", "plan_qty", "actual_qty", "plan", "actual", "variance", "volume", "price", "rest",
        "forecast", "plan_total", "plan_vat", "actual_vat", "rest_vat", "plan_total_vat", "rest_carried",
        "carried", "rest_carried_vat")
C = {key: i for i, key in enumerate(COLS, 1)}
EXTRA = {
    "nl": {"rest": "Plan overige maanden", "plan_vat": "Btw plan", "actual_vat": "Btw werkelijk",
           "rest_vat": "Btw plan overige maanden", "plan_total_vat": "Btw plan horizon",
           "rest_carried": "Overige maanden met laatste cliënten", "rest_carried_vat": "Btw daarvan",
           "values": "Plan en werkelijk zijn waarden; verschil, volume, prijs, prognose en totalen zijn formules.",
           "sheet": "Evaluatie"},
    "en": {"rest": "Plan other months", "plan_vat": "VAT plan", "actual_vat": "VAT actual",
           "rest_vat": "VAT plan other months", "plan_total_vat": "VAT plan horizon",
           "rest_carried": "Other months with the latest clients", "rest_carried_vat": "VAT of it",
           "values": "Plan and actual are values; variance, volume, price, forecast and totals are formulas.",
           "sheet": "Evaluation"},
}


def sheet_title(lang: str) -> str:
    return EXTRA["nl" if lang == "nl" else "en"]["sheet"]


def _col(key: str) -> str:
    return get_column_letter(C[key])


def write(s: Sheet, ev, lang: str, name=None) -> None:
    """The evaluation on sheet ``s``. ``name(name, row, col)``: gives a cell a defined name (for the
    totals), where the workbook keeps names."""
    W = view.words(lang)
    X = EXTRA["nl" if lang == "nl" else "en"]
    s.title_line(W["title"])
    s.text(2, 1, view.facts(ev, lang))
    s.text(3, 1, X["values"])
    head = 5
    heads = {"line": W["line"], "category": W["category"], "plan_qty": W["plan_qty"], "actual_qty": W["actual_qty"],
             "plan": W["plan"], "actual": W["actual"], "variance": W["variance"], "volume": W["volume"],
             "price": W["price"], "forecast": W["forecast"], "plan_total": W["plan_total"], "carried": W["carried"],
             **X}
    carried = ev.category("cost").carried is not None
    columns = COLS if carried else COLS[:C["rest_carried"] - 1]
    s.text(head - 1, 1, W["h_lines"], bold=True)
    for key in columns:
        s.head(head, C[key], heads[key])
    several = len({ln.deployment for ln in ev.lines if ln.kind == "item"}) > 1
    row = head
    first = head + 1
    for ln in view.shown_lines(ev):
        row += 1
        r = row
        label = view.line_label(ln, lang, several)
        if not ln.measured:
            label += f" ({W['not_measured_kind']})"
        s.text(r, C["line"], label)
        s.text(r, C["category"], W["cats"][ln.category])
        s.num(r, C["plan_qty"], ln.plan_quantity, QTY)
        s.num(r, C["actual_qty"], ln.actual_quantity, QTY)
        s.num(r, C["plan"], ln.plan, EURO)
        s.num(r, C["actual"], ln.actual, EURO)
        pq, aq, p, a, v, vol = (f"{_col(k)}{r}" for k in ("plan_qty", "actual_qty", "plan", "actual", "variance",
                                                          "volume"))
        s.formula(r, C["variance"], f"={a}-{p}", EURO)
        s.formula(r, C["volume"], f'=IF({aq}="","",IF({pq}=0,{v},ROUND(({aq}-{pq})*{p}/{pq},2)))', EURO)
        s.formula(r, C["price"], f'=IF({vol}="","",{v}-{vol})', EURO)
        s.num(r, C["rest"], ln.forecast - ln.actual, EURO)
        s.formula(r, C["forecast"], f"={a}+{_col('rest')}{r}", EURO)
        s.num(r, C["plan_total"], ln.plan_total, EURO)
        s.num(r, C["plan_vat"], ln.plan_vat, EURO)
        s.num(r, C["actual_vat"], ln.actual_vat, EURO)
        s.num(r, C["rest_vat"], ln.forecast_vat - ln.actual_vat, EURO)
        s.num(r, C["plan_total_vat"], ln.plan_total_vat, EURO)
        if carried:
            s.num(r, C["rest_carried"], ln.carried - ln.actual, EURO)
            s.formula(r, C["carried"], f"={a}+{_col('rest_carried')}{r}", EURO)
            s.num(r, C["rest_carried_vat"], ln.carried_vat - ln.actual_vat, EURO)
    last = max(row, first)

    def rng(key: str) -> str:
        return f"${_col(key)}${first}:${_col(key)}${last}"

    # the categories: sums of the lines above by their category, VAT from the VAT columns
    row += 2
    s.text(row, 1, W["h_categories"], bold=True)
    row += 1
    cat_heads = [W["category"], W["plan"], W["actual"], W["variance"], W["forecast"], W["plan_total"]] + (
        [W["carried"]] if carried else [])
    for i, h in enumerate(cat_heads, 1):
        s.head(row, i, h)
    cat_rows: dict[str, int] = {}
    for code in view.CATEGORY_CODES:
        row += 1
        cat_rows[code] = row
        s.text(row, 1, W["cats"][code], bold=code in ("cost", "net"))
        crit = f"{get_column_letter(C['category'])}{first}:{get_column_letter(C['category'])}{last}"
        label_cell = f"$A{row}"
        if code in ("one_off", "recurring", "training", "hours", "funding"):
            plan = f"=SUMIF({crit},{label_cell},{rng('plan')})"
            actual = f"=SUMIF({crit},{label_cell},{rng('actual')})"
            forecast = f"=SUMIF({crit},{label_cell},{rng('forecast')})"
            total = f"=SUMIF({crit},{label_cell},{rng('plan_total')})"
            other = f"=SUMIF({crit},{label_cell},{rng('carried')})"
        elif code == "vat":
            plan, actual = f"=SUM({rng('plan_vat')})", f"=SUM({rng('actual_vat')})"
            forecast = f"=SUM({rng('actual_vat')})+SUM({rng('rest_vat')})"
            total = f"=SUM({rng('plan_total_vat')})"
            other = f"=SUM({rng('actual_vat')})+SUM({rng('rest_carried_vat')})"
        elif code == "cost":
            top, bottom = cat_rows["one_off"], cat_rows["vat"]
            plan, actual, forecast, total, other = (f"=SUM({col}{top}:{col}{bottom})" for col in "BCEFG")
        else:  # net = funding - cost
            f_row, c_row = cat_rows["funding"], cat_rows["cost"]
            plan, actual, forecast, total, other = (f"={col}{f_row}-{col}{c_row}" for col in "BCEFG")
        bold = code in ("cost", "net")
        s.formula(row, 2, plan, EURO, bold=bold)
        s.formula(row, 3, actual, EURO, bold=bold)
        s.formula(row, 4, f"=C{row}-B{row}", EURO, bold=bold)
        s.formula(row, 5, forecast, EURO, bold=bold)
        s.formula(row, 6, total, EURO, bold=bold)
        if carried:
            s.formula(row, 7, other, EURO, bold=bold)
        if name is not None:
            for col, what in ((2, "plan"), (3, "actual"), (4, "variance"), (5, "forecast"), (6, "plan_total")) + (
                    ((7, "carried"),) if carried else ()):
                name(f"eval_{code}_{what}", row, col)
    # months, KPIs and criteria as values
    row += 2
    s.text(row, 1, W["h_months"], bold=True)
    row += 1
    for i, h in enumerate(view.month_rows(ev, lang)[0], 1):
        s.head(row, i, h)
    for m in ev.months:
        row += 1
        s.text(row, 1, m.month)
        s.num(row, 2, m.plan_clients, QTY)
        s.num(row, 3, m.actual_clients, QTY)
        s.num(row, 4, m.plan_cost, EURO)
        s.num(row, 5, m.actual_cost, EURO)
        s.formula(row, 6, f"=E{row}-D{row}", EURO)
        s.num(row, 7, m.plan_funding, EURO)
        s.num(row, 8, m.actual_funding, EURO)
    row += 2
    s.text(row, 1, W["h_kpis"], bold=True)
    row += 1
    for i, h in enumerate(view.kpi_rows(ev, lang)[0], 1):
        s.head(row, i, h)
    for k in ev.kpis:
        row += 1
        fmt = EURO if k.code == KPI_COST or k.code.startswith("price:") else "#,##0.00"
        s.text(row, 1, view.kpi_name(k.code, lang))
        s.num(row, 2, k.value, fmt)
        s.num(row, 3, k.plan, fmt)
        if name is not None and k.code in BUILT_IN_KPIS:
            name(f"eval_{k.code}", row, 2)
    if ev.criteria:
        row += 2
        s.text(row, 1, W["h_criteria"], bold=True)
        row += 1
        for i, h in enumerate(view.criteria_rows(ev, lang)[0], 1):
            s.head(row, i, h)
        for c, cells in zip(ev.criteria, view.criteria_rows(ev, lang)[1]):
            row += 1
            s.text(row, 1, cells[0])
            s.text(row, 2, cells[1])
            s.text(row, 3, cells[2])
            s.num(row, 4, c.value, EURO if c.kpi == KPI_COST else "#,##0.00")
            s.text(row, 5, cells[4])
    row += 2
    for note in view.notes(ev, lang):
        s.text(row, 1, note)
        row += 1
    s.ws.freeze_panes = f"B{head + 1}"
    s.widths({1: 44, 2: 22, **{c: 14 for c in range(3, len(COLS) + 1)}})
    s.printable(title_rows=head)


def render_book(ev, lang: str = "nl") -> bytes:
    """The evaluation as a workbook of its own (``bcalc evaluate --xlsx``)."""
    from openpyxl import Workbook
    from openpyxl.workbook.defined_name import DefinedName

    from bcalc.render.xlsx.book import Book
    from bcalc.render.xlsx.cells import StyleIds, address

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(lang)
    sheet = Sheet(ws, StyleIds(ws))

    def name(key: str, row: int, col: int) -> None:
        wb.defined_names[key] = DefinedName(key, attr_text=address(ws.title, row, col))

    write(sheet, ev, lang, name)
    sheet.finish()

    class _Holder:
        def __init__(self):
            self.wb = wb

        def sheets(self):
            return [sheet]

    return Book.save(_Holder())  # type: ignore[arg-type]


__all__ = ["write", "render_book", "sheet_title"]
