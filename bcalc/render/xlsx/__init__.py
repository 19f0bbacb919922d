"""The business case as an Excel workbook whose figures are live formulas.

Inputs (clients per contract year, unit prices, VAT, indexation rates, hourly rates, funding
tariffs) stand on their own sheet; every calculated cell is a formula over them, following the
same arithmetic as the engine: per line and calendar year the exact sum is rounded half-up to
cents once (ROUND(...; 2)), VAT is computed from the rounded line, totals are sums of lines.
The structure (start month, horizon, which items exist) is fixed when the workbook is written;
change it by running `bcalc report` again. The analyses (comparison, scenarios, sensitivity,
simulation) are shown as values.

One module per sheet, in the order of the workbook: ``summary``, ``inputs`` (with
``deployment_inputs``), ``calculation``, ``funding``, ``benefits``, ``monthly``, ``comparison``, ``scenarios``,
``sensitivity``, ``simulation``, ``sources`` (and ``evaluation`` with actuals). ``formulas`` writes the engine's arithmetic as
formulas, ``cells`` holds the formats and the cell helper, ``book`` the workbook and the
addresses of the input cells, ``words`` the texts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bcalc.render.report_md import uncertainty
from bcalc.render.xlsx import (benefits, calculation, comparison, funding, grants, inputs, monthly, operating, parties,
                               phases,
                               scenarios, sensitivity, simulation, sources, summary)
from bcalc.render.xlsx.book import Book
from bcalc.render.xlsx.words import WORDS

if TYPE_CHECKING:
    from bcalc.app import Report


def render(bundle: Report, lang: str = "nl") -> bytes:
    """The workbook of one ``bcalc.app.report`` as bytes (xlsx)."""
    book = Book(bundle, lang)
    cells = inputs.write(book)
    calc_last = calculation.write(book, cells)
    grants.write(book, cells, calc_last)
    funding_last = funding.write(book, cells)
    benefits_last = benefits.write(book, cells)
    months = monthly.write(book, cells)
    summary.write(book, cells, calc_last, funding_last, benefits_last, months)
    operating.write(book, cells, calc_last)
    parties.write(book)
    phases.write(book, months)
    comparison.write(book)
    scenarios.write(book)
    views = uncertainty(bundle, lang)   # the same sensitivity and simulation views as the Markdown report
    sensitivity.write(book, views["sensitivity"])
    simulation.write(book, views["simulation"])
    sources.write(book, cells)
    if book.evaluation is not None:
        from bcalc.render.xlsx import evaluation

        title = book.evaluation.title
        evaluation.write(book.evaluation, bundle.evaluation, lang,
                         lambda key, row, col: book.name(key, title, row, col))
    book.finish()
    return book.save()


__all__ = ["render", "WORDS"]
