"""The monthly sheet: the exact net flow of every month of the horizon in both views, as formulas
over the inputs, and its cumulative, from which the summary's payback month follows.

The engine's payback (``bcalc.core.finance.payback_month``) is the first month from which the
cumulative net stays at or above zero until the end; it works on exact monthly flows, not on the
rounded lines. So does this sheet: per month the cost of each deployment (its charges at cost, VAT
not recovered included, and its time lines), each funding line and each benefit, unrounded. A
month's mark is its number where the cumulative is below zero; the payback is the last mark plus one.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from bcalc.core.engine import funding_stop
from bcalc.render.xlsx import formulas
from bcalc.render.xlsx.book import Book, InputCells
from bcalc.render.xlsx.cells import EURO, QTY

# the columns of the sheet before the parts of the flows
MONTH, YEAR, CONTRACT, COST, FUNDING, BENEFITS, CASHABLE, NET, CASH_NET, CUM, CUM_CASH, MARK, MARK_CASH = range(1, 14)
FIRST_PART = 15


def write(book: Book, cells: InputCells) -> tuple[int, int]:
    """Write the sheet; return its first and last data row."""
    s, w = book.monthly, book.words
    heads = {MONTH: "month", YEAR: "year", CONTRACT: "contract_year", COST: "cost", FUNDING: "funding_col",
             BENEFITS: "benefits", CASHABLE: "cashable_benefits", NET: "net_value", CASH_NET: "net_budget",
             CUM: "cum_value", CUM_CASH: "cum_budget", MARK: "below_zero_value", MARK_CASH: "below_zero_budget"}
    for col, key in heads.items():
        s.head(1, col, w[key])
    parts: list[tuple[str, str]] = []   # (head, kind) of each part column
    for d_index, dep in enumerate(cells.deployments):
        parts.append((f"{w['cost']} {w['deployment']} {d_index + 1}: {dep.product.name}", "cost"))
    for refs in cells.funding:
        parts.append((f"{w['funding_col']}: {refs.line.label or refs.code.code + ' ' + refs.code.name}", "funding"))
    for refs in cells.benefits:
        parts.append((f"{w['benefit']}: {refs.benefit.label}", "cashable" if refs.benefit.cashable else "benefit"))
    for i, (head, _) in enumerate(parts):
        s.head(1, FIRST_PART + i, head)
    stop = funding_stop(book.case)
    first = 2
    row = first - 1
    for month in book.months:
        row += 1
        seg = formulas.month_segment(month, book.month_seg[month.index])
        year = month.year
        s.num(row, MONTH, month.index + 1)
        s.num(row, YEAR, year, book.year_format(year))
        s.num(row, CONTRACT, month.contract_year + 1)
        col = FIRST_PART
        for dep in cells.deployments:
            terms = [t for it in dep.items if (t := formulas.charge_month(it, dep, seg, cells.vat_recoverable))]
            for t in dep.time:
                share = t.share.get(month.index)
                if share:
                    terms.append(f"{t.hours[year]}*{formulas.exact(share)}*{t.heads}*"
                                 f"{cells.staff_rate[t.line.role]}*{cells.wage_factor[year]}")
            _part(s, row, col, terms)
            col += 1
        for refs in cells.funding:
            term = formulas.funding_month(refs, seg, stop, cells.tariff_factor[year])
            _part(s, row, col, [term] if term else [])
            col += 1
        for refs in cells.benefits:
            b = refs.benefit
            rate = cells.staff_rate.get(b.role) if b.kind == "time" else None
            _part(s, row, col, [formulas.benefit_month(refs, seg, rate, cells.wage_factor[year],
                                                       cells.price_factor_jan[year])])
            col += 1
        s.formula(row, COST, _sum(row, parts, {"cost"}), EURO)
        s.formula(row, FUNDING, _sum(row, parts, {"funding"}), EURO)
        s.formula(row, BENEFITS, _sum(row, parts, {"benefit", "cashable"}), EURO)
        s.formula(row, CASHABLE, _sum(row, parts, {"cashable"}), EURO)
        c = {k: get_column_letter(k) for k in (COST, FUNDING, BENEFITS, CASHABLE, NET, CASH_NET, CUM, CUM_CASH)}
        s.formula(row, NET, f"={c[FUNDING]}{row}+{c[BENEFITS]}{row}-{c[COST]}{row}", EURO)
        s.formula(row, CASH_NET, f"={c[FUNDING]}{row}+{c[CASHABLE]}{row}-{c[COST]}{row}", EURO)
        for cum, net in ((CUM, NET), (CUM_CASH, CASH_NET)):
            n = get_column_letter(net)
            s.formula(row, cum, f"={n}{row}" if row == first else f"={c[cum]}{row - 1}+{n}{row}", EURO)
        # rounded to a millionth of a cent's worth: a cumulative that is exactly zero in the engine stays zero
        for mark, cum in ((MARK, CUM), (MARK_CASH, CUM_CASH)):
            s.formula(row, mark, f"=IF(ROUND({c[cum]}{row},6)<0,A{row},0)", "0")
    last = row
    s.ws.freeze_panes = "D2"
    s.printable(title_rows=1)
    s.widths({MONTH: 8, YEAR: max(8, book.year_width), CONTRACT: 10, **{k: 15 for k in range(COST, MARK_CASH + 1)},
                  **{FIRST_PART + i: 18 for i in range(len(parts))}})
    return first, last


def _part(s, row: int, col: int, terms: list[str]) -> None:
    if terms:
        s.formula(row, col, "=" + "+".join(terms), EURO)
    else:
        s.num(row, col, 0, EURO)


def _sum(row: int, parts: list[tuple[str, str]], kinds: set[str]) -> str:
    cols = [get_column_letter(FIRST_PART + i) for i, (_, kind) in enumerate(parts) if kind in kinds]
    if not cols:
        return "=0"
    # neighbouring columns as one range, so the formula stays short with a thousand deployments
    ranges, start, prev = [], None, None
    for i, (_, kind) in enumerate(parts):
        if kind in kinds:
            if start is None:
                start = i
            prev = i
        elif start is not None:
            ranges.append((start, prev))
            start = None
    if start is not None:
        ranges.append((start, prev))
    refs = [f"{get_column_letter(FIRST_PART + a)}{row}" + (f":{get_column_letter(FIRST_PART + b)}{row}" if b > a else "")
            for a, b in ranges]
    return f"=SUM({','.join(refs)})"


__all__ = ["write", "CUM", "CUM_CASH", "MARK", "MARK_CASH"]
