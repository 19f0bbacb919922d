"""The terminal view of an estimate (rich tables, Dutch number format by default)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bcalc.models import Result, Totals
from bcalc.money import fmt_money, fmt_percent
from bcalc.render.labels import COLUMNS, label


def _row(t: Totals) -> list[str]:
    return [getattr(t, c) for c in COLUMNS]


def render(result: Result, console: Console, lang: str = "nl") -> None:
    L = lambda k: label(k, lang)  # noqa: E731
    m = lambda v: fmt_money(v, lang)  # noqa: E731
    case = result.case
    head = Text()
    head.append(case.title, style="bold")
    if case.organisation:
        head.append(f"  ·  {case.organisation}")
    console.print(head)
    idx = ", ".join(
        f"{L(k if k != 'prices' else 'prices_idx')} "
        + ("/".join(fmt_percent(r, lang) for r in sorted(set(v.values()))) if v else "-")
        for k, v in result.rates.items())
    console.print(
        f"{L('start')} {case.start}  ·  {L('years')} {case.years} {L('years_unit')}  ·  "
        f"{L('scenario')} {result.scenario} ({idx})  ·  {L('prices')}: {L(result.prices_end)}  ·  "
        f"{L('vat_recoverable')} {fmt_percent(case.vat_recoverable, lang)}",
        style="dim", highlight=False)

    table = Table(title=L("per_year"), title_justify="left", header_style="bold", show_footer=True)
    table.add_column(L("year"), footer=L("total"))
    for c in COLUMNS:
        table.add_column(L(c), justify="right", footer=m(getattr(result.total, c)),
                         style="bold" if c in ("cost", "net") else None)
    for row in result.per_year:
        year = f"{row.year}" + (f" ({row.months} {L('months').lower()})" if row.months != 12 else "")
        table.add_row(year, *(m(v) for v in _row(row.totals)))
    console.print(table)

    if len(result.products) > 0:
        pt = Table(title=L("per_product"), title_justify="left", header_style="bold")
        pt.add_column(L("product"))
        for c in ("one_off", "recurring", "training", "internal", "vat", "cost"):
            pt.add_column(L(c), justify="right")
        for p in result.products:
            t = p.totals
            pt.add_row(f"{p.deployment + 1}. {p.name}", *(m(getattr(t, c)) for c in
                                                          ("one_off", "recurring", "training", "internal", "vat", "cost")))
        console.print(pt)

    if result.funding:
        ft = Table(title=L("funding_lines"), title_justify="left", header_style="bold")
        ft.add_column(L("code"))
        ft.add_column(L("label"))
        ft.add_column(L("year"))
        ft.add_column(L("amount"), justify="right")
        for f in result.funding:
            ft.add_row(f.code, f.label, str(f.year), m(f.amount))
        console.print(ft)
    else:
        console.print(L("no_funding"), style="dim")

    if result.warnings:
        console.print(f"\n[bold]{L('warnings')}[/bold] ({len(result.warnings)})")
        for w in result.warnings:
            console.print(f" • {w.text(lang)}", highlight=False, markup=False)
