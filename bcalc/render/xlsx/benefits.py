"""The benefits sheet: one row per benefit and calendar year, hours saved and their value (or the
cost avoided) as formulas."""

from __future__ import annotations

from bcalc.render.xlsx import formulas
from bcalc.render.xlsx.book import Book, InputCells
from bcalc.render.xlsx.cells import EURO, QTY


def write(book: Book, cells: InputCells) -> int:
    """Write the sheet; return its last row (at least 2)."""
    s, w = book.benefits, book.words
    heads = ("year", "label", "hours", "amount", "cashable", "source")
    for col, key in enumerate(heads, start=1):
        s.head(1, col, w[key])
    row = 1
    for year in book.years:
        for b_index, refs in enumerate(cells.benefits):
            b = refs.benefit
            periods = formulas.benefit_periods(refs, book.segments[year])
            row += 1
            s.num(row, 1, year, book.year_format(year))
            s.text(row, 2, b.label)
            if b.kind == "time":
                s.formula(row, 3, formulas.benefit_hours(refs, periods), QTY)
                s.formula(row, 4, formulas.benefit_time_value(f"C{row}", cells.staff_rate[b.role],
                                                              cells.wage_factor[year]), EURO)
            else:
                s.num(row, 3, 0, QTY)
                s.formula(row, 4, formulas.benefit_amount(refs, periods, cells.price_factor_jan[year]), EURO)
            s.text(row, 5, w["yes"] if b.cashable else w["no"])
            s.text(row, 6, b.source)
            book.benefit_rows.append((row, year, b_index))
    last = max(row, 2)
    s.ws.freeze_panes = "A2"
    s.widths({1: book.year_width, 2: 40, 3: 12, 4: 16, 5: 8, 6: 60})
    s.printable()
    return last


__all__ = ["write"]
