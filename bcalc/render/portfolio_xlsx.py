"""The portfolio workbook: the cases' totals per calendar year on one sheet, and a consolidation
sheet whose every figure is a formula over those rows.

Design: each case contributes its totals per calendar year as values, the figures of its own
estimate (its live workbook is ``bcalc report CASE --xlsx``). The consolidation (``Portefeuille``)
sums them with SUMIFS per year and category, and computes cost and both nets from the sums, so
changing or deleting a case's row moves the consolidation. The sheets per need, per funding code and
per role hold the portfolio's figures with their totals as formulas; FTE is hours divided by the
hours-per-FTE cell.
"""

from __future__ import annotations

import io
from decimal import Decimal

from bcalc.core.portfolio import Portfolio
from bcalc.terminal import clean
from bcalc.render.portfolio_out import W, cases_n, code_label, flags, headline, need_label, role_label, value

MONEY = '#,##0.00;[Red]-#,##0.00'
MAX_TEXT = 32767        # the most characters a cell holds
BASE = ("one_off", "recurring", "training", "internal", "vat", "funding", "benefits", "cashable")
SHEET_NAMES = {"nl": ("Portefeuille", "Cases", "Behoeften", "Financiering", "Uren", "Aandachtspunten"),
               "en": ("Portfolio", "Cases", "Needs", "Funding", "Hours", "Attention")}


def _f(v: Decimal) -> Decimal:
    # openpyxl writes a Decimal as its exact decimal text
    return v


def _text(cell) -> None:
    """The cell's value stays text: openpyxl reads a string that starts with "=" as a formula (a
    case titled "=HYPERLINK(...)" would be live), and refuses control characters (in a file name);
    a cell holds at most 32,767 characters (a point of attention naming a thousand cases is cut)."""
    if isinstance(cell.value, str):
        cell.value = clean(cell.value)[:MAX_TEXT]
        cell.data_type = "s"


def render(p: Portfolio, lang: str = "nl") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter as col

    w = W(lang)
    names = SHEET_NAMES["nl" if lang == "nl" else "en"]
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DCE6F1")
    wb = Workbook()
    summary = wb.active
    summary.title = names[0]
    cases = wb.create_sheet(names[1])

    # -- the cases' rows
    head = [w["file"], w["case"], w["year"], "Mnd" if lang == "nl" else "Months"] + [w[k] for k in BASE] + \
           [w["cost"], w["net"], w["cash_net"]]
    cases.append(head)
    for c in p.cases:
        for r in c.per_year:
            n = cases.max_row + 1
            cost = f"=E{n}+F{n}+G{n}+H{n}+I{n}"
            cases.append([c.file, c.title, r.year, r.months] + [_f(value(r.totals, k)) for k in BASE] +
                         [cost, f"=J{n}+K{n}-M{n}", f"=J{n}+L{n}-M{n}"])
            _text(cases.cell(n, 1))
            _text(cases.cell(n, 2))
    last = max(cases.max_row, 2)
    for cell in cases[1]:
        cell.font, cell.fill = bold, head_fill
    for row in cases.iter_rows(min_row=2, min_col=5, max_col=15):
        for cell in row:
            cell.number_format = MONEY
    cases.freeze_panes = "C2"
    cases.column_dimensions["A"].width = 36
    cases.column_dimensions["B"].width = 30
    for i in range(5, 16):
        cases.column_dimensions[col(i)].width = 15

    # -- the consolidation
    s = summary
    s["A1"] = f"{w['title']}: {p.title or cases_n(p, lang)}"
    s["A1"].font = Font(bold=True, size=14)
    s["A2"] = headline(p, lang)
    s["A3"] = w["views"]
    s["A4"] = w["sum_rule"]
    for ref in ("A1", "A2", "A3", "A4"):
        _text(s[ref])
    top = 6
    years = list(p.years)
    s.cell(top, 1, w["per_year"]).font = bold
    s.cell(top, 1).fill = head_fill
    for j, y in enumerate(years):
        c = s.cell(top, 2 + j, y)
        c.font, c.fill = bold, head_fill
    tcol = 2 + len(years)
    s.cell(top, tcol, w["total"]).font = bold
    s.cell(top, tcol).fill = head_fill
    source = {k: col(5 + i) for i, k in enumerate(BASE)}
    rows: dict[str, int] = {}
    order = ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits", "cashable",
             "net", "cash_net")
    for i, k in enumerate(order):
        rows[k] = top + 1 + i
    sheet = f"'{names[1]}'"
    for k in order:
        r = rows[k]
        s.cell(r, 1, w[k])
        for j, y in enumerate(years):
            letter = col(2 + j)
            if k in source:
                formula = (f"=SUMIFS({sheet}!${source[k]}$2:${source[k]}${last},"
                           f"{sheet}!$C$2:$C${last},{letter}${top})")
            elif k == "cost":
                formula = "=" + "+".join(f"{letter}{rows[x]}" for x in ("one_off", "recurring", "training", "internal",
                                                                           "vat"))
            elif k == "net":
                formula = f"={letter}{rows['funding']}+{letter}{rows['benefits']}-{letter}{rows['cost']}"
            else:
                formula = f"={letter}{rows['funding']}+{letter}{rows['cashable']}-{letter}{rows['cost']}"
            cell = s.cell(r, 2 + j, formula)
            cell.number_format = MONEY
        total = s.cell(r, tcol, f"=SUM({col(2)}{r}:{col(tcol - 1)}{r})" if years else 0)
        total.number_format = MONEY
        if k in ("cost", "net", "cash_net"):
            for j in range(1, tcol + 1):
                s.cell(r, j).font = bold
    budget_row = rows["cash_net"] + 2
    s.cell(budget_row, 1, w["budget"].format(year=p.budget_year)).font = bold
    if p.budget_year in years:
        letter = col(2 + years.index(p.budget_year))
        for i, k in enumerate(("cost", "funding", "cashable", "cash_net", "net")):
            s.cell(budget_row + 1 + i, 1, w[k])
            c = s.cell(budget_row + 1 + i, 2, f"={letter}{rows[k]}")
            c.number_format = MONEY
    s.column_dimensions["A"].width = 34
    for j in range(2, tcol + 1):
        s.column_dimensions[col(j)].width = 15
    s.freeze_panes = s.cell(top + 1, 2)
    for k, r in rows.items():
        wb.defined_names[f"portfolio_{k}"] = _name(f"portfolio_{k}", f"'{names[0]}'!${col(tcol)}${r}")

    # -- per need, per funding code
    def table(title: str, sheet_name: str, entries: list[tuple[str, tuple[Decimal, ...]]]) -> None:
        ws = wb.create_sheet(sheet_name)
        ws.append([title] + years + [w["total"]])
        for cell in ws[1]:
            cell.font, cell.fill = bold, head_fill
        for label, values in entries:
            n = ws.max_row + 1
            ws.append([label] + [_f(v) for v in values] + [f"=SUM({col(2)}{n}:{col(tcol - 1)}{n})"])
            _text(ws.cell(n, 1))
        n = ws.max_row
        # without entries (no funding) the total is 0: SUM(B2:B1) would take in the head and itself
        ws.append([w["total"]] + [f"=SUM({col(2 + j)}2:{col(2 + j)}{n})" if entries else 0
                                  for j in range(len(years) + 1)])
        for row in ws.iter_rows(min_row=2, min_col=2):
            for cell in row:
                cell.number_format = MONEY
        for cell in ws[ws.max_row]:
            cell.font = bold
        ws.column_dimensions["A"].width = 44
        for j in range(2, tcol + 1):
            ws.column_dimensions[col(j)].width = 15

    table(w["per_need"], names[2], [(need_label(p, r.key), r.values) for r in p.needs])
    table(w["per_code"], names[3], [(code_label(p, r.key), r.values) for r in p.codes])

    # -- hours and FTE per role
    ws = wb.create_sheet(names[4])
    ws.append([w["staff"]] + years + [w["total"]])
    for cell in ws[1]:
        cell.font, cell.fill = bold, head_fill
    ws.append(["hours_per_fte", _f(p.hours_per_fte) if p.hours_per_fte is not None else None])
    for r in p.roles:
        n = ws.max_row + 1
        ws.append([f"{role_label(r.role, lang)}, {w['hours']}"] + [_f(h) for h in r.hours] +
                  [f"=SUM({col(2)}{n}:{col(tcol - 1)}{n})"])
        ws.append([f"  {w['fte']}"] + [f'=IF($B$2="","",{col(2 + j)}{n}/$B$2)' for j in range(len(years))] +
                  [f'=IF($B$2="","",{col(tcol)}{n}/$B$2/{max(len(years), 1)})'])
        for cell in ws[n + 1][1:]:
            cell.number_format = "0.00"
    ws.column_dimensions["A"].width = 36

    # -- flags
    ws = wb.create_sheet(names[5])
    ws.append([w["flags"]])
    ws["A1"].font = bold
    for text in flags(p, lang):
        ws.append([text])
        _text(ws.cell(ws.max_row, 1))
    if p.repeated:
        ws.append([w["repeated"].format(files=", ".join(p.repeated))])
        _text(ws.cell(ws.max_row, 1))
    ws.column_dimensions["A"].width = 140

    for ws in wb.worksheets:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _name(name: str, ref: str):
    from openpyxl.workbook.defined_name import DefinedName

    return DefinedName(name, attr_text=ref)


__all__ = ["render", "SHEET_NAMES"]
