"""The phases sheet (a case with phases only): per phase its months and its cost, funding, benefits and net
in both views, as SUMIFS over the monthly sheet, and per gate the net of the rest of the route (live) with
the go/no-go criteria bcalc computed (as text: each is a search or a solution over many runs of the case).

The monthly sheet holds the exact flows, so a phase here is the sum of its months rounded once; the engine
rounds each line once per phase, so the two may differ by a few cents (at most half a cent per line)."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from bcalc.core.phases import month_label
from bcalc.render.phase_words import gate_lines
from bcalc.render.xlsx.book import Book
from bcalc.render.xlsx.cells import EURO
from bcalc.render.xlsx.monthly import CASH_NET, CASHABLE, COST, FUNDING, NET
from bcalc.render.xlsx.monthly import BENEFITS as BENEFIT_COL

COLUMNS = (("cost", COST), ("funding_col", FUNDING), ("benefits", BENEFIT_COL), ("cashable_benefits", CASHABLE),
           ("net_value", NET), ("net_budget", CASH_NET))


def write(book: Book, months: tuple[int, int]) -> None:
    s = book.phases
    if s is None:
        return
    w = book.words
    first, last = months
    monthly = book.monthly.title.replace("'", "''")
    month_range = f"'{monthly}'!$A${first}:$A${last}"
    heads = ["phase", "first_month", "last_month", "months_col"] + [key for key, _ in COLUMNS]
    for col, key in enumerate(heads, start=1):
        s.head(1, col, w[key])
    row = 1
    case = book.case
    for ph in book.result.per_phase:
        row += 1
        s.text(row, 1, ph.name)
        s.num(row, 2, ph.first + 1, "0")
        s.num(row, 3, ph.first + ph.months, "0")
        s.formula(row, 4, f"=C{row}-B{row}+1", "0")
        for i, (_, col) in enumerate(COLUMNS):
            letter = get_column_letter(col)
            values = f"'{monthly}'!${letter}${first}:${letter}${last}"
            s.formula(row, 5 + i, f'=ROUND(SUMIFS({values},{month_range},">="&B{row},{month_range},"<="&C{row}),2)',
                      EURO)
        book.name(f"phase_net_{ph.index + 1}", s.title, row, 5 + 4)
    row += 1
    s.text(row, 1, w["phases_note"])
    spans = [f"{ph.name}: {month_label(case, ph.first)}..{month_label(case, ph.first + ph.months - 1)}"
             for ph in book.result.per_phase]
    s.text(row + 1, 1, " · ".join(spans))
    row += 2
    for (head, lines), gate in zip(gate_lines(book.result, book.lang), book.result.gates):
        row += 2
        s.text(row, 1, head, bold=True)
        row += 1
        s.text(row, 1, w["rest_from"])
        s.num(row, 2, gate.rest_first + 1, "0")
        start = f"B{row}"
        for i, (key, col) in enumerate(COLUMNS[-2:]):
            row += 1
            letter = get_column_letter(col)
            values = f"'{monthly}'!${letter}${first}:${letter}${last}"
            s.text(row, 1, w[key])
            s.formula(row, 2, f'=SUMIFS({values},{month_range},">="&{start})', EURO)
        for line in lines[1:]:
            row += 1
            s.text(row, 1, line)
    s.widths({1: 36, 2: 14, 3: 14, 4: 10, **{5 + i: 16 for i in range(len(COLUMNS))}})
    s.printable(title_rows=1)


__all__ = ["write"]
