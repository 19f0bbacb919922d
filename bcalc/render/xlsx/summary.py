"""The summary sheet: per calendar year the cost by category, VAT, funding, benefits, net and the
cumulative figures, all sums over the calculation, funding and benefits sheets; the totals (defined
names ``total_*``), the net present value and internal rate of return; two charts."""

from __future__ import annotations

from decimal import Decimal

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.utils import get_column_letter

from bcalc.render.labels import break_even_text, label, unmeasured_sentence
from bcalc.render.xlsx import monthly
from bcalc.render.xlsx.book import Book, InputCells
from bcalc.render.xlsx.cells import EURO, PCT, QTY
from bcalc.render.xlsx.words import role_label

CATEGORIES = ("one_off", "recurring", "training", "internal")
TOTALS = ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits", "net")


def write(book: Book, cells: InputCells, calc_last: int, funding_last: int, benefits_last: int,
          months: tuple[int, int]) -> None:
    """``*_last``: the last rows of the calculation, funding and benefits sheets; ``months``: the
    first and last data row of the monthly sheet."""
    s, w, case, result = book.summary, book.words, book.case, book.result
    calc, fund, ben = book.calculation.title, book.funding.title, book.benefits.title
    s.title_line(case.title)
    s.text(2, 1, f"{w['organisation']}: {case.organisation or '-'} · {w['start']}: {case.start} · "
                 f"{w['years']}: {case.years} · {w['scenario']}: {book.scenario_label()} · "
                 f"{w['prices_end']}: {label(result.prices_end, book.lang)}")
    head_row = 4
    cols = ("year", "one_off", "recurring", "training", "internal", "vat", "cost", "funding_col", "benefits",
            "net", "cum_cost", "cum_funding", "cashable_benefits", "net_budget", "coverage")
    for col, key in enumerate(cols, start=1):
        s.head(head_row, col, w[key])
    # the helpers of the IRR: the sign of each year's net flow (zero keeps the one before) and where it changes
    helpers = ("sign_value", "change_value", "sign_budget", "change_budget")
    for col, key in enumerate(helpers, start=HELPERS):
        s.head(head_row, col, w[key])

    def calc_range(col: str) -> str:
        return f"'{calc}'!${col}$2:${col}${calc_last}"

    row = head_row
    for year in book.years:
        row += 1
        book.year_rows[year] = row
        s.num(row, 1, year, book.year_format(year))
        for col, cat in zip(range(2, 6), CATEGORIES):
            s.formula(row, col, f"=SUMIFS({calc_range('I')},{calc_range('A')},$A{row},{calc_range('F')},"
                                f"\"{w[cat]}\")", EURO)
        s.formula(row, 6, f"=SUMIFS({calc_range('J')},{calc_range('A')},$A{row})", EURO)
        s.formula(row, 7, f"=SUM(B{row}:F{row})", EURO, bold=True)
        s.formula(row, 8, f"=SUMIFS('{fund}'!$E$2:$E${funding_last},'{fund}'!$A$2:$A${funding_last},$A{row})",
                  EURO)
        s.formula(row, 9, f"=SUMIFS('{ben}'!$D$2:$D${benefits_last},'{ben}'!$A$2:$A${benefits_last},$A{row})",
                  EURO)
        s.formula(row, 10, f"=H{row}+I{row}-G{row}", EURO, bold=True)
        s.formula(row, 11, f"=G{row}" if row == head_row + 1 else f"=K{row - 1}+G{row}", EURO)
        s.formula(row, 12, f"=H{row}" if row == head_row + 1 else f"=L{row - 1}+H{row}", EURO)
        s.formula(row, 13, f"=SUMIFS('{ben}'!$D$2:$D${benefits_last},'{ben}'!$A$2:$A${benefits_last},$A{row},"
                           f"'{ben}'!$E$2:$E${benefits_last},\"{w['yes']}\")", EURO)
        s.formula(row, 14, f"=H{row}+M{row}-G{row}", EURO, bold=True)
        s.formula(row, 15, f"=IF(G{row}=0,\"-\",H{row}/G{row})", PCT)
        book.name(f"coverage_{year}", s.title, row, 15)
        for sign, change, net in ((HELPERS, HELPERS + 1, "J"), (HELPERS + 2, HELPERS + 3, "N")):
            mine = f"SIGN(ROUND({net}{row},2))"
            before = f"{get_column_letter(sign)}{row - 1}"
            if row == head_row + 1:
                s.formula(row, sign, f"={mine}", "0")
                s.num(row, change, 0, "0")
            else:
                s.formula(row, sign, f"=IF({mine}=0,{before},{mine})", "0")
                s.formula(row, change, f"=IF(AND({mine}<>0,{before}<>0,{mine}<>{before}),1,0)", "0")
    first, last = head_row + 1, row
    row += 1
    s.text(row, 1, w["total"], bold=True)
    sheet = s.title
    for col, key in enumerate(TOTALS, start=2):
        letter = get_column_letter(col)
        s.formula(row, col, f"=SUM({letter}{first}:{letter}{last})", EURO, bold=True)
        book.name(f"total_{key}", sheet, row, col)
    for col, key in ((13, "benefits_cashable"), (14, "cash_net")):
        letter = get_column_letter(col)
        s.formula(row, col, f"=SUM({letter}{first}:{letter}{last})", EURO, bold=True)
        book.name(f"total_{key}", sheet, row, col)
    s.formula(row, 15, f"=IF(G{row}=0,\"-\",H{row}/G{row})", PCT, bold=True)
    changes = {view: f"SUM({get_column_letter(col)}{first}:{get_column_letter(col)}{last})"
               for view, col in (("value", HELPERS + 1), ("budget", HELPERS + 3))}
    row = _decision(book, cells, row + 2, first, last, changes, months)
    said = unmeasured_sentence(result, book.lang)
    if said:   # the headline rests on benefits nobody measured: said under the figures, in bold
        row += 1
        s.text(row, 1, said, bold=True)
    row = _staff_hours(book, cells, row + 2)
    s.ws.freeze_panes = f"B{head_row + 1}"
    s.widths({1: 26, **{c: 15 for c in range(2, 16)}, 2: 24, 3: 24, **{c: 12 for c in range(HELPERS, HELPERS + 4)}})
    s.printable(title_rows=head_row, columns=HELPERS - 2)

    # the charts' categories: the years as labels, a part year with its months
    for year, y_row in book.year_rows.items():
        s.text(y_row, LABELS, book.year_name(year))
    s.head(head_row, LABELS, w["period"])
    bar = BarChart()
    bar.type = "col"
    bar.grouping = "stacked"
    bar.overlap = 100
    bar.title = w["chart_cost"]
    bar.y_axis.title = "EUR"
    bar.add_data(Reference(s.ws, min_col=2, max_col=6, min_row=head_row, max_row=last), titles_from_data=True)
    bar.set_categories(Reference(s.ws, min_col=LABELS, min_row=first, max_row=last))
    bar.height, bar.width = 8, 16
    s.ws.add_chart(bar, f"A{row + 3}")
    line = LineChart()
    line.title = w["chart_cum"]
    line.y_axis.title = "EUR"
    line.add_data(Reference(s.ws, min_col=11, max_col=12, min_row=head_row, max_row=last), titles_from_data=True)
    line.set_categories(Reference(s.ws, min_col=LABELS, min_row=first, max_row=last))
    line.height, line.width = 8, 16
    s.ws.add_chart(line, f"G{row + 3}")


HELPERS = 17    # the first helper column of the IRR (after an empty column)
LABELS = 22     # the column of the year labels the charts show


def _decision(book: Book, cells: InputCells, row: int, first: int, last: int, changes: dict[str, str],
              months: tuple[int, int]) -> int:
    """NPV, IRR and payback of both views side by side, break-even and the cost per client per
    month, all formulas (the break-even excepted); returns the last row written."""
    s, w, case, result = book.summary, book.words, book.case, book.result
    lang, sheet = book.lang, book.summary.title
    investment = result.investment
    s.head(row, 1, "")
    s.head(row, 2, w["value_view"])
    s.head(row, 3, w["budget_view"])
    views = (("value", 2, "J", "", monthly.MARK, monthly.CUM,
              investment.irr if investment is not None else None),
             ("budget", 3, "N", "cash_", monthly.MARK_CASH, monthly.CUM_CASH,
              investment.cash_irr if investment is not None else None))
    # the investment view: year 1 is the base year, so NPV = flow 1 + NPV(r; flows 2..n)
    row += 1
    s.text(row, 1, w["npv"], bold=True, wrap=True)
    for view, col, net, prefix, mark, cum, engine_irr in views:
        rest = f",{net}{first + 1}:{net}{last}" if last > first else ""
        if case.discount_rate is not None:
            s.formula(row, col, f"=ROUND({net}{first}+NPV({cells.discount_rate}{rest}),2)" if rest
                      else f"=ROUND({net}{first},2)", EURO, bold=True)
        else:
            s.text(row, col, w["no_rate"])
        book.name(f"{prefix}npv", sheet, row, col)
    row += 1
    s.text(row, 1, w["irr"], bold=True, wrap=True)
    irr_row = row
    reasons = []
    for view, col, net, prefix, mark, cum, engine_irr in views:
        # the engine's rate as the starting guess only helps the iteration find a root far from 10 %
        guess = engine_irr.quantize(Decimal("0.01")) if engine_irr is not None else Decimal("0.1")
        flows = f"{net}{first}:{net}{last}"
        irr = f"IRR({flows},{guess})"
        text = {k: '"' + label(f"irr_{k}", lang).replace('"', "'") + '"'
                for k in ("never_changes_sign", "changes_sign_more_than_once", "outside_range")}
        short = '"' + w["not_meaningful"] + '"'
        s.formula(row, col, f"=IF({changes[view]}=0,{short},IF({changes[view]}>1,{short},"
                            f"IFERROR(IF(OR({irr}<-0.99,{irr}>10),{short},{irr}),{short})))", PCT, bold=True)
        book.name(f"{prefix}irr", sheet, row, col)
        # why not, in a row of its own (the text runs on over the empty cells to its right)
        cell = f"{get_column_letter(col)}{irr_row}"
        head = w["value_view"] if view == "value" else w["budget_view"]
        reasons.append(f'=IF(ISNUMBER({cell}),"","{w["irr"]}, {head}: "&IF({changes[view]}=0,'
                       f'{text["never_changes_sign"]},IF({changes[view]}>1,{text["changes_sign_more_than_once"]},'
                       f'{text["outside_range"]})))')
    row += 1
    s.text(row, 1, w["payback"], bold=True, wrap=True)
    m_first, m_last = months
    msheet = book.monthly.title
    for view, col, net, prefix, mark, cum, engine_irr in views:
        marks = f"'{msheet}'!${get_column_letter(mark)}${m_first}:${get_column_letter(mark)}${m_last}"
        end = f"'{msheet}'!${get_column_letter(cum)}${m_last}"
        s.formula(row, col, f"=IF(ROUND({end},6)<0,\"{label('not_within', lang)}\",MAX({marks})+1)",
                  w["month_format"], bold=True)
        book.name(f"{prefix}payback_month", sheet, row, col)
    if investment is not None:
        row += 1
        s.text(row, 1, w["break_even"], bold=True, wrap=True)
        if investment.break_even_clients is not None:
            s.num(row, 2, investment.break_even_clients, bold=True)
        else:
            s.text(row, 2, break_even_text(investment, lang))
    row += 1
    s.text(row, 1, w["cpcm"], bold=True, wrap=True)
    client_months = "12*(" + "+".join(f"SUM({dep.clients[0]}:{dep.clients[-1].split('!')[1]})"
                                      for dep in cells.deployments) + ")" if cells.deployments else ""
    if book.case.phases and cells.deployments:   # per block (contract year within a phase): clients x its months
        from bcalc.core.horizon import blocks

        found = blocks(tuple(seg for year in book.years for seg in book.segments[year]))
        firsts = [b[2] for b in found] + [book.case.years * 12]
        client_months = "+".join(f"{firsts[b + 1] - firsts[b]}*{cell}" for dep in cells.deployments
                                 for b, cell in enumerate(dep.block_clients))
    if client_months:
        s.formula(row, 2, f"=IF(({client_months})=0,\"-\",total_cost/({client_months}))", EURO, bold=True)
    else:
        s.text(row, 2, "-")
    book.name("cost_per_client_month", sheet, row, 2)
    for reason in reasons:
        row += 1
        s.formula(row, 1, reason)
    row += 1
    s.text(row, 1, w["npv_convention"])
    row += 1
    s.text(row, 1, w["payback_convention"])
    return row


def _staff_hours(book: Book, cells: InputCells, row: int) -> int:
    """Hours (and FTE) per role per calendar year: the heads x hours per head of the time lines of
    each role on the inputs sheet, so they follow the counts; FTE over the year's months in the
    horizon. Returns the last row written."""
    result = book.result
    if not result.staff_hours:
        return row - 2
    s, w = book.summary, book.words
    sheet = s.title
    years = book.years
    months = {y: sum(1 for m in book.months if m.year == y) for y in years}
    s.text(row, 1, w["staff_hours"], bold=True)
    row += 1
    s.head(row, 1, w["role"])
    s.head(row, 2, "")
    for i, year in enumerate(years):
        s.head(row, 3 + i, book.year_name(year))
    total_col = 3 + len(years)
    s.head(row, total_col, w["total"])
    fte = cells.hours_per_fte
    for r in result.staff_hours:
        row += 1
        s.text(row, 1, role_label(r.role, book.lang))
        s.text(row, 2, w["hours"] if r.valued else f"{w['hours']} ({w['unvalued']})", wrap=True)
        hours_row = row
        for i, year in enumerate(years):
            terms = [f"{t.hours[year]}*{t.heads}" for dep in cells.deployments for t in dep.time
                     if t.line.role == r.role and year in t.nonzero]
            if terms:
                s.formula(row, 3 + i, "=" + "+".join(terms), QTY)
            else:
                s.num(row, 3 + i, 0, QTY)
            book.name(f"hours_{r.role}_{year}", sheet, row, 3 + i)
        first, last = get_column_letter(3), get_column_letter(total_col - 1)
        s.formula(row, total_col, f"=SUM({first}{row}:{last}{row})", QTY, bold=True)
        book.name(f"hours_{r.role}", sheet, row, total_col)
        if result.case.hours_per_fte is None:
            continue
        row += 1
        s.text(row, 2, w["fte"])
        for i, year in enumerate(years):
            col = get_column_letter(3 + i)
            s.formula(row, 3 + i, f"={col}{hours_row}/{fte}*12/{months[year]}", QTY)
            book.name(f"fte_{r.role}_{year}", sheet, row, 3 + i)
        total = get_column_letter(total_col)
        s.formula(row, total_col, f"={total}{hours_row}/{fte}/{cells.years}", QTY, bold=True)
        book.name(f"fte_{r.role}", sheet, row, total_col)
    row += 1
    s.text(row, 1, w["staff_hours_note"] if result.case.hours_per_fte is not None else w["staff_hours_no_fte"])
    return row


__all__ = ["write"]
