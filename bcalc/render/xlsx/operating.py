"""The operating sheet, only for a case that owns items with a lifetime (bcalc.core.assets): per
owned item its depreciation and interest per calendar year and its book value at the end of the
horizon, then the operating view per year beside the cash view of the summary, all formulas over
the inputs (units bought, prices, price factors, VAT) and the calculation and summary sheets."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from bcalc.core.assets import is_asset, months_in
from bcalc.core.plan import term
from bcalc.render.xlsx import formulas
from bcalc.render.xlsx.book import Book, InputCells
from bcalc.render.xlsx.cells import EURO, INPUT, PCT, address


def write(book: Book, cells: InputCells, calc_last: int) -> None:
    s, w = book.operating, book.words
    if s is None:
        return
    sheet, calc, summary = s.title, book.calculation.title, book.summary.title
    case, months = book.case, book.months
    n_total = len(months)
    s.title_line(w["operating_title"])
    s.text(2, 1, w["interest_rate"])
    s.num(2, 2, case.interest_rate, PCT, INPUT)   # empty without a rate: no interest
    interest_rate = address(sheet, 2, 2)
    book.name("interest_rate", sheet, 2, 2)
    years = book.years
    last_col = get_column_letter(1 + len(years))
    total_col = 2 + len(years)

    def heads(row: int) -> None:
        s.head(row, 1, "")
        for i, year in enumerate(years):
            s.head(row, 2 + i, book.year_name(year))
        s.head(row, total_col, w["total"])

    def total(row: int) -> None:
        s.formula(row, total_col, f"=SUM(B{row}:{last_col}{row})", EURO, bold=True)

    row = 3
    dep_rows: list[int] = []
    interest_rows: list[int] = []
    book_cells: list[str] = []
    purchases: list[tuple[int, str]] = []   # (deployment number, line id)
    for d_index, dep in enumerate(cells.deployments):
        for it in dep.items:
            charge = it.charge
            if not is_asset(charge):
                continue
            purchases.append((d_index + 1, it.id))
            row += 2
            s.text(row, 1, f"{w['owned_item']} {d_index + 1}: {dep.product.name} · {it.label} ({it.id})", bold=True)
            row += 1
            s.text(row, 1, w["lifetime_years"])
            s.num(row, 2, charge.lifetime, "0")
            row += 1
            s.text(row, 1, w["residual"])
            s.num(row, 2, charge.residual, EURO, INPUT)
            residual = address(sheet, row, 2)
            row += 1
            heads(row)
            # each contract year in which the item can be bought: its units and unit cost
            bought = []
            for k in range(case.years):
                rule = term(charge, k, True)
                if rule is None:
                    continue
                q = dep.bought[it.id][k] if rule[0] == "bought" else it.fixed
                cost = formulas.unit_cost(it.price, dep.factor[k], it.vat_rate, cells.vat_recoverable,
                                          charge.quoted)
                bought.append((k, q, cost))
            # per calendar year, each purchase's units, unit cost and (its months, its months before) in the year
            spans = [[(q, cost, n) for k, q, cost in bought
                      if (n := months_in(12 * k, charge.lifetime, months).get(year))] for year in years]
            row += 1
            s.text(row, 1, w["depreciation"])
            for i, terms in enumerate(spans):
                s.formula(row, 2 + i, formulas.depreciation([(q, c, n[0]) for q, c, n in terms], residual,
                                                            charge.lifetime), EURO)
            total(row)
            dep_rows.append(row)
            row += 1
            s.text(row, 1, w["interest"])
            for i, terms in enumerate(spans):
                s.formula(row, 2 + i, formulas.interest([(q, c, n[0], n[1]) for q, c, n in terms], residual,
                                                        charge.lifetime, interest_rate), EURO)
            total(row)
            interest_rows.append(row)
            row += 1
            s.text(row, 1, w["book_value"])
            on_books = [(q, cost, n_total - 12 * k) for k, q, cost in bought
                        if 12 * k + 12 * charge.lifetime >= n_total]
            s.formula(row, 2, formulas.book_value(on_books, residual, charge.lifetime), EURO)
            book_cells.append(f"B{row}")

    # the operating view per year, beside the cash view of the summary
    row += 2
    s.text(row, 1, w["operating"], bold=True)
    row += 1
    heads(row)
    calc_range = lambda col: f"'{calc}'!${col}$2:${col}${calc_last}"  # noqa: E731
    rows = {}
    for key in ("cash_cost", "less_purchases", "depreciation", "interest", "operating_cost", "funding_col",
                "benefits", "operating_net"):
        row += 1
        rows[key] = row
        s.text(row, 1, w[key], bold=key in ("operating_cost", "operating_net"))
    for i, year in enumerate(years):
        col = get_column_letter(2 + i)
        y_row = book.year_rows[year]
        s.formula(rows["cash_cost"], 2 + i, f"='{summary}'!$G${y_row}", EURO)
        bought_cost = "+".join(f"SUMIFS({calc_range('K')},{calc_range('A')},{year},{calc_range('B')},{d},"
                               f"{calc_range('D')},\"{line_id}\")" for d, line_id in purchases)
        s.formula(rows["less_purchases"], 2 + i, f"=-({bought_cost})", EURO)
        s.formula(rows["depreciation"], 2 + i, "=" + "+".join(f"{col}{r}" for r in dep_rows), EURO)
        s.formula(rows["interest"], 2 + i, "=" + "+".join(f"{col}{r}" for r in interest_rows), EURO)
        s.formula(rows["operating_cost"], 2 + i, f"=SUM({col}{rows['cash_cost']}:{col}{rows['interest']})", EURO,
                  bold=True)
        s.formula(rows["funding_col"], 2 + i, f"='{summary}'!$H${y_row}", EURO)
        s.formula(rows["benefits"], 2 + i, f"='{summary}'!$I${y_row}", EURO)
        s.formula(rows["operating_net"], 2 + i, f"={col}{rows['funding_col']}+{col}{rows['benefits']}"
                                                f"-{col}{rows['operating_cost']}", EURO, bold=True)
        for key, name in (("depreciation", "depreciation"), ("interest", "interest"),
                          ("operating_cost", "cost"), ("operating_net", "net")):
            book.name(f"operating_{name}_{year}", sheet, rows[key], 2 + i)
    for key, name in (("cash_cost", "cash_cost"), ("less_purchases", "purchases"), ("depreciation", "depreciation"),
                      ("interest", "interest"), ("operating_cost", "cost"), ("funding_col", "funding"),
                      ("benefits", "benefits"), ("operating_net", "net")):
        total(rows[key])
        book.name(f"operating_total_{name}", sheet, rows[key], total_col)
    row += 2
    s.text(row, 1, w["book_value"], bold=True)
    s.formula(row, 2, "=" + "+".join(book_cells), EURO, bold=True)
    book.name("operating_book_value", sheet, row, 2)
    s.widths({1: 44, **{c: 15 for c in range(2, total_col + 1)}})
    s.printable(title_rows=1)


__all__ = ["write"]
