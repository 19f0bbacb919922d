"""The funding sheet: one row per funding line and calendar year, quantity and amount as formulas."""

from __future__ import annotations

from bcalc.core.engine import funding_stop
from bcalc.render.xlsx import formulas
from bcalc.render.xlsx.book import Book, InputCells
from bcalc.render.xlsx.cells import EURO, QTY


def write(book: Book, cells: InputCells) -> int:
    """Write the sheet; return its last row (at least 2)."""
    s, w = book.funding, book.words
    heads = ("year", "code", "label", "quantity", "amount", "source")
    for col, key in enumerate(heads, start=1):
        s.head(1, col, w[key])
    row = 1
    stop = funding_stop(book.case)
    for year in book.years:
        for f_index, refs in enumerate(cells.funding):
            found = formulas.funding(refs, year, book.segments[year], book.months, stop, cells.tariff_factor[year])
            if found is None:
                continue
            qty, amount = found
            line, code = refs.line, refs.code
            row += 1
            s.num(row, 1, year, book.year_format(year))
            s.text(row, 2, w["subsidy"] if code.kind == "subsidy" else code.code)
            s.text(row, 3, line.label or f"{code.code} {code.name}")
            s.formula(row, 4, qty, QTY)
            s.formula(row, 5, amount, EURO)
            s.text(row, 6, code.source if line.tariff is None and code.kind == "hourly" else w["from_case"])
            book.funding_rows.append((row, year, f_index))
    last = max(row, 2)
    s.ws.freeze_panes = "A2"
    s.widths({1: book.year_width, 2: 10, 3: 40, 4: 14, 5: 16, 6: 30})
    s.printable()
    return last


__all__ = ["write"]
