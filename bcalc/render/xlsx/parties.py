"""The per-party sheet ("Per partij"), only where more than one party pays or gains: per party its cost,
benefits, funding received and paid and its net per calendar year, as formulas over the calculation,
funding and benefits sheets. A line shared by parties gives each party ROUND(line x share; 2) and the
last party the line minus those parts, as the core does (bcalc.core.parties.split)."""

from __future__ import annotations

from types import SimpleNamespace

from openpyxl.utils import get_column_letter

from bcalc.core.parties import ORGANISATION, funding_payer, line_payer
from bcalc.money import fmt_money
from bcalc.render import party_rows
from bcalc.render.xlsx.book import Book
from bcalc.render.xlsx.cells import EURO


def _parts(cell: str, shares) -> list[tuple[str, str]]:
    """(party, formula term) of one cell shared out."""
    if len(shares) == 1:
        return [(shares[0][0], cell)]
    out, rounded = [], []
    for i, (party, share) in enumerate(shares):
        if i < len(shares) - 1:
            term = f"ROUND({cell}*{share.normalize():f},2)"
            rounded.append(term)
            out.append((party, term))
        else:
            out.append((party, f"({cell}-" + "-".join(rounded) + ")"))
    return out


def write(book: Book) -> None:
    s = book.parties
    if s is None:
        return
    w, case, view = book.words, book.case, book.result.parties
    calc, fund, ben = book.calculation.title, book.funding.title, book.benefits.title
    years = book.years
    # terms[(party, slot, year)]: the formula terms of the party's cost, benefits, received or paid in the year
    terms: dict[tuple, list[str]] = {}

    def add(party: str, slot: str, year: int, term: str) -> None:
        terms.setdefault((party, slot, year), []).append(term)

    for row, year, d_index, line_id, item_id, supplier in book.calc_rows:
        line = SimpleNamespace(kind="supplier" if supplier else "internal", deployment=d_index, base_item=item_id,
                               item=line_id)
        for party, term in _parts(f"'{calc}'!K{row}", line_payer(case, line)):
            add(party, "cost", year, term)
    for row, year, f_index in book.funding_rows:
        cell = f"'{fund}'!E{row}"
        add(ORGANISATION, "received", year, cell)
        for party, term in _parts(cell, funding_payer(case, book.tariffs, f_index)):
            add(party, "paid", year, term)
    for row, year, b_index in book.benefit_rows:
        shares = case.benefits[b_index].party or ((ORGANISATION, 1),)
        for party, term in _parts(f"'{ben}'!D{row}", shares):
            add(party, "benefits", year, term)

    s.title_line(party_rows.word("title", book.lang))
    s.text(2, 1, w["parties_note"])
    s.head(3, 1, "")
    for i, year in enumerate(years):
        s.head(3, 2 + i, book.year_name(year))
    total_col = 2 + len(years)
    s.head(3, total_col, w["total"])
    last_col = get_column_letter(1 + len(years))
    row = 3
    nets: list[int] = []
    for v in view.parties:
        name = party_rows.party_name(v, book.lang)
        rows = {}
        for slot in ("cost", "benefits", "received", "paid"):
            row += 1
            rows[slot] = row
            s.text(row, 1, f"{name}: {party_rows.word(slot, book.lang)}")
            for i, year in enumerate(years):
                found = terms.get((v.party, slot, year))
                s.formula(row, 2 + i, "=" + "+".join(found) if found else "=0", EURO)
            s.formula(row, total_col, f"=SUM(B{row}:{last_col}{row})", EURO)
        row += 1
        nets.append(row)
        s.text(row, 1, f"{name}: {party_rows.word('net', book.lang)}", bold=True)
        for col in range(2, total_col + 1):
            c = get_column_letter(col)
            s.formula(row, col, f"={c}{rows['benefits']}+{c}{rows['received']}-{c}{rows['cost']}-{c}{rows['paid']}",
                      EURO, bold=True)
        book.name(f"party_net_{v.party}", s.title, row, total_col)
    row += 2
    s.text(row, 1, party_rows.word("whole", book.lang), bold=True)
    for col in range(2, total_col + 1):
        c = get_column_letter(col)
        s.formula(row, col, "=" + "+".join(f"{c}{r}" for r in nets), EURO, bold=True)
    book.name("parties_whole_net", s.title, row, total_col)
    said = party_rows.co_funding_sentence(book.result, book.lang, lambda v: fmt_money(v, book.lang))
    if said:
        s.text(row + 2, 1, said)
    s.widths({1: 44, **{2 + i: 14 for i in range(len(years) + 1)}})
    s.ws.freeze_panes = "B4"
    s.printable(title_rows=3)


__all__ = ["write"]
