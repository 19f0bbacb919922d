"""The calculation sheet: one row per line (calendar year, deployment, item or time line), the
quantity, the amount as quoted, excluding VAT, the VAT and the cost, all formulas over the inputs."""

from __future__ import annotations

from bcalc.core import vat
from bcalc.render.xlsx import formulas
from bcalc.render.xlsx.book import Book, DeploymentCells, InputCells, ItemCells, TimeCells
from bcalc.render.xlsx.cells import EURO, QTY
from bcalc.render.xlsx.words import role_label


def write(book: Book, cells: InputCells) -> int:
    """Write the sheet; return its last row (at least 2, so that its ranges are never empty)."""
    s, w = book.calculation, book.words
    heads = ("year", "deployment_col", "product", "item", "label", "category", "quantity", "quoted_amount",
             "excl_vat", "vat", "cost", "source")
    for col, key in enumerate(heads, start=1):
        s.head(1, col, w[key])
    row = 1
    for year in book.years:
        for d_index, dep in enumerate(cells.deployments):
            for it in dep.items:
                terms = formulas.charge_terms(it.charge, it.fixed, dep, book.segments[year])
                if not terms:
                    continue
                row += 1
                _charge_row(book, cells, row, year, d_index, dep, it, terms)
                book.calc_rows.append((row, year, d_index, it.id, it.item.id, True))
            for t in dep.time:
                if year not in t.nonzero:
                    continue
                row += 1
                _time_row(book, cells, row, year, d_index, dep, t)
                book.calc_rows.append((row, year, d_index, t.line.id, t.line.id, False))
    last = max(row, 2)
    s.ws.freeze_panes = "A2"
    s.ws.auto_filter.ref = f"A1:L{last}"
    s.widths({1: book.year_width, 2: 7, 3: 20, 4: 24, 5: 40, 6: 14, 7: 12, 8: 16, 9: 16, 10: 14, 11: 16, 12: 14})
    s.printable()
    return last


def _charge_row(book: Book, cells: InputCells, row: int, year: int, d_index: int, dep: DeploymentCells,
                it: ItemCells, terms: list[tuple[str, int]]) -> None:
    s = book.calculation
    s.num(row, 1, year, book.year_format(year))
    s.num(row, 2, d_index + 1)
    s.text(row, 3, dep.product.name)
    s.text(row, 4, it.id)
    s.text(row, 5, it.label)
    s.text(row, 6, book.words[it.item.category])
    s.formula(row, 7, formulas.charge_quantity(terms), QTY)
    s.formula(row, 8, formulas.charge_amount(terms, it.price, dep.factor), EURO)
    excl, vat_due = vat.formulas(f"H{row}", f"I{row}", it.vat_rate, cells.vat_recoverable, it.charge.quoted)
    s.formula(row, 9, excl, EURO)
    s.formula(row, 10, vat_due, EURO)
    s.formula(row, 11, f"=I{row}+J{row}", EURO)
    s.text(row, 12, book.source_text(it.source))


def _time_row(book: Book, cells: InputCells, row: int, year: int, d_index: int, dep: DeploymentCells,
              t: TimeCells) -> None:
    s, w = book.calculation, book.words
    line = t.line
    s.num(row, 1, year, book.year_format(year))
    s.num(row, 2, d_index + 1)
    s.text(row, 3, dep.product.name)
    s.text(row, 4, line.id)
    s.text(row, 5, f"{line.label} ({role_label(line.role, book.lang)})" if line.role else line.label)
    s.text(row, 6, w["training"] if line.category == "training" else w["internal"])
    hours = t.hours[year]
    s.formula(row, 7, formulas.time_quantity(hours, t.heads), QTY)
    s.formula(row, 8, formulas.time_amount(hours, t.heads, cells.staff_rate[line.role], cells.wage_factor[year]),
              EURO)
    s.formula(row, 9, f"=H{row}", EURO)
    s.num(row, 10, 0, EURO)
    s.formula(row, 11, f"=I{row}+J{row}", EURO)
    s.text(row, 12, book.source_text(line.source))


__all__ = ["write"]
