"""The terminal view of an estimate (rich tables, Dutch number format by default).

Years run across, as in a business-case spreadsheet; amounts are in euros without the sign so
that a five-year case fits an 80-column terminal. Longer horizons are split into several
tables rather than squeezed.
"""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from bcalc.models import Result
from bcalc.money import en_number, fmt_money, fmt_percent, nl_number
from bcalc.render import operating, party_rows
from bcalc.render.labels import break_even_text, label, price_level, role_name, unmeasured_sentence
from bcalc.messages import say
from bcalc.terminal import clean

LABEL_WIDTH = 24


class SafeConsole(Console):
    """A rich console that never passes a control character of the text to the terminal.

    Strings are cleaned before rich measures them (render_str), and every text segment once more
    on its way out (render), which covers Text objects built by the views. Rich's own escape
    sequences for colour are added later, when the segments are written. Hyperlinks are dropped:
    bcalc prints none, so one can only come from markup in case or catalogue text. Markup is read
    only in strings given to print itself (the headings written with [bold]); the cells and
    titles of tables, which hold case and catalogue text, are shown as written, so that a label
    such as "[/x]" is neither lost nor an error. A closed pipe is raised as BrokenPipeError for
    the command line to handle (rich would exit 1 itself).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("markup", False)
        super().__init__(*args, **kwargs)

    def print(self, *objects, markup=None, **kwargs):
        if markup is None and objects and all(isinstance(o, str) for o in objects):
            markup = True
        return super().print(*objects, markup=markup, **kwargs)

    def render_str(self, text, **kwargs):
        return super().render_str(clean(text), **kwargs)

    def render(self, renderable, options=None):
        for segment in super().render(renderable, options):
            text, style, control = segment
            if control is None:
                shown = clean(text)
                linked = style is not None and style.link
                if shown is not text or linked:
                    segment = Segment(shown, style.update_link(None) if linked else style)
            yield segment

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def make_console(file=None, **options) -> SafeConsole:
    """A console for bcalc's tables. With NO_COLOR set and not empty (https://no-color.org) it
    writes no escape sequences at all: bcalc's only styles are bold, dim and italic for emphasis,
    and without colour they go too, so that the text is plain even on a terminal."""
    import os

    if os.environ.get("NO_COLOR", ""):
        options.setdefault("color_system", None)
    return SafeConsole(file=file, highlight=False, **options)


def _num(value: Decimal, lang: str) -> str:
    return nl_number(value) if lang == "nl" else en_number(value)


def _table(title, columns, rows, chunk, lang) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False,
                  header_style="bold", pad_edge=False, padding=(0, 1))
    longest = max((len(r[0]) for r in rows), default=8)
    table.add_column("", min_width=min(longest, LABEL_WIDTH), max_width=max(longest, LABEL_WIDTH), overflow="fold")
    for i in chunk:
        table.add_column(columns[i], justify="right", no_wrap=True)
    for name, values, strong in rows:
        table.add_row(name, *(_num(values[i], lang) for i in chunk), style="bold" if strong else None)
    return table


def _matrix(console: Console, title: str, columns: list[str], rows: list[tuple[str, list[Decimal], bool]],
            lang: str) -> None:
    """Rows of amounts under column heads, split over several tables when too wide: each table takes
    the next columns as long as it fits the console (at least one column)."""
    for n, chunk in enumerate(_chunks(console, columns, rows, lang)):
        console.print(_table(title if n == 0 else None, columns, rows, chunk, lang))


def _chunks(console: Console, columns: list[str], rows: list[tuple[str, list[Decimal], bool]],
            lang: str) -> list[list[int]]:
    """The columns of each table: the next columns as long as the table fits the console."""
    label, cells = _widths(console, columns, rows, lang)
    chunks: list[list[int]] = [[]]
    width = label
    for i, cell in enumerate(cells):
        if chunks[-1] and width + cell + 3 > console.width:
            chunks.append([i])
            width = label + cell + 3
        else:
            chunks[-1].append(i)
            width += cell + 3
    return chunks


def _widths(console: Console, columns: list[str], rows: list[tuple[str, list[Decimal], bool]],
            lang: str) -> tuple[int, list[int]]:
    """The width of the label column and of the widest cell of each column of amounts, as rich
    measures them. A table is as wide as its label column plus, per column of amounts, its widest
    cell and 3 (padding on both sides and the rule between columns; the outer edges are not padded),
    so every column is measured once instead of every trial table again (with a thousand
    deployments in the table per product, that took seconds)."""
    wide = console.options.update_width(10_000)
    label = console.measure(_table(None, columns, rows, [], lang), options=wide).maximum
    cells = [max(Measurement.get(console, wide, cell).maximum
                 for cell in [columns[i]] + [_num(values[i], lang) for _, values, _ in rows])
             for i in range(len(columns))]
    return label, cells


def render(result: Result, console: Console, lang: str = "nl") -> None:
    L = lambda k: label(k, lang)  # noqa: E731
    case = result.case
    head = Text()
    head.append(case.title, style="bold")
    if case.organisation:
        head.append(f"  ·  {case.organisation}")
    console.print(head)
    idx = ", ".join(
        f"{L('prices_idx' if k == 'prices' else k)} "
        + ("/".join(fmt_percent(r, lang) for r in sorted(set(v.values()))) if v else "-")
        for k, v in result.rates.items())
    console.print(
        f"{L('start')} {case.start}  ·  {L('years')} {case.years} {L('years_unit')}  ·  "
        f"{L('scenario')} {result.scenario} ({idx})  ·  {L('prices')}: {L(result.prices_end)}  ·  "
        f"{L('vat_recoverable')} {fmt_percent(case.vat_recoverable, lang)}  ·  "
        f"{L('price_level')} {price_level(result, lang)}",
        style="dim", highlight=False)

    columns = [str(r.year) + ("*" if r.months != 12 else "") for r in result.per_year] + [L("total")]
    keys = ["one_off", "recurring", "training", "internal", "vat", "cost", "funding"]
    if result.benefits:
        keys += ["benefits", "cashable"]
    keys.append("net")
    if result.benefits:
        keys.append("cash_net")
    rows = []
    # with benefits the two nets are the two views, and are named so
    named = {"net": "net_value_view", "cash_net": "net_budget_view"} if result.benefits else {}
    for k in keys:
        values = [getattr(r.totals, k) for r in result.per_year] + [getattr(result.total, k)]
        rows.append((L(named.get(k, k)), values, k in ("cost", "net")))
    euro = "bedragen in euro" if lang == "nl" else "amounts in euros"
    _matrix(console, f"{L('per_year')} ({euro})", columns, rows, lang)
    if result.benefits:
        console.print(L("views_said"), style="dim", highlight=False, markup=False)
    partial = [r for r in result.per_year if r.months != 12]
    if partial:
        note = ", ".join(f"{r.year}: {r.months}" for r in partial)
        console.print(("* gedeeltelijk jaar, maanden " if lang == "nl" else "* part year, months ") + note,
                      style="dim", highlight=False)
    if result.per_phase:
        _phases(result, console, lang, keys, named, euro)

    if len(result.products) > 1 or result.case.funding:
        cols = [f"{p.deployment + 1}. {p.name}" + (f" ({dep.label})" if dep.label else "")
                for p, dep in zip(result.products, result.case.deployments)]
        prow = []
        for k in ("one_off", "recurring", "training", "internal", "vat", "cost"):
            prow.append((L(k), [getattr(p.totals, k) for p in result.products], k == "cost"))
        _matrix(console, f"{L('per_product')} ({euro})", cols, prow, lang)

    if result.funding:
        by_line: dict[str, dict[int, Decimal]] = {}
        for f in result.funding:
            by_line.setdefault(f.label, {})[f.year] = f.amount
        years = [r.year for r in result.per_year]
        frows = [(name, [vals.get(y, Decimal(0)) for y in years] + [sum(vals.values(), Decimal(0))], False)
                 for name, vals in by_line.items()]
        _matrix(console, f"{L('funding_lines')} ({euro})", [str(y) for y in years] + [L("total")], frows, lang)
    else:
        console.print(L("no_funding"), style="dim")

    if result.operating is not None:
        _operating(result, console, lang, columns)
    if party_rows.shown(result):
        _parties(result, console, lang, columns)
    if result.benefits:
        _benefits(result, console, lang)
        said = unmeasured_sentence(result, lang)
        if said:
            console.print(said, style="bold", highlight=False, markup=False)
    if result.staff_hours:
        _staff_hours(result, console, lang)
    if result.investment is not None:
        _investment(result, console, lang)

    if result.warnings:
        console.print(f"\n[bold]{L('warnings')}[/bold] ({len(result.warnings)})")
        for w in result.warnings:
            console.print(f" • {say(w, lang)}", highlight=False, markup=False)


def _phases(result: Result, console: Console, lang: str, keys: list[str], named: dict, euro: str) -> None:
    """The per-phase table after the per-year one, then the gates as go/no-go criteria."""
    from bcalc.render.phase_words import gate_lines, phase_column

    L = lambda k: label(k, lang)  # noqa: E731
    columns = [phase_column(result, row) for row in result.per_phase] + [L("total")]
    rows = []
    for k in keys:
        values = [getattr(r.totals, k) for r in result.per_phase]
        rows.append((L(named.get(k, k)), values + [sum(values, Decimal(0))], k in ("cost", "net")))
    _matrix(console, f"{L('per_phase')} ({euro})", columns, rows, lang)
    console.print(L("phases_said"), style="dim", highlight=False, markup=False)
    for head, lines in gate_lines(result, lang):
        console.print(f"\n[bold]{head}[/bold]", highlight=False)
        for line in lines:
            console.print(f" • {line}", highlight=False, markup=False)


def _operating(result: Result, console: Console, lang: str, columns: list[str]) -> None:
    """The operating view beside the cash view: owned items depreciated instead of paid at once."""
    euro = "bedragen in euro" if lang == "nl" else "amounts in euros"
    _matrix(console, f"{label('operating', lang)} ({euro})", columns, operating.rows(result, lang), lang)
    for note in operating.notes(result, lang, lambda v: fmt_money(v, lang)):
        console.print(f"  {note}", style="dim", highlight=False, markup=False)


def _parties(result: Result, console: Console, lang: str, columns: list[str]) -> None:
    """Who pays and who gains: costs, benefits, funding and net per party per calendar year."""
    euro = "bedragen in euro" if lang == "nl" else "amounts in euros"
    _matrix(console, f"{party_rows.word('title', lang)} ({euro})", columns, party_rows.rows(result, lang), lang)
    said = party_rows.co_funding_sentence(result, lang, lambda v: fmt_money(v, lang))
    if said:
        console.print(said, style="bold", highlight=False, markup=False)
    console.print(party_rows.word("convention", lang), style="dim", highlight=False, markup=False)


def _benefits(result: Result, console: Console, lang: str) -> None:
    L = lambda k: label(k, lang)  # noqa: E731
    years = [r.year for r in result.per_year]
    rows = []
    by_index: dict[int, list] = {}
    for b in result.benefits:
        by_index.setdefault(b.index, []).append(b)
    for index in sorted(by_index):
        mine = by_index[index]
        name = mine[0].label + (" (kas)" if lang == "nl" and mine[0].cashable else " (cash)" if mine[0].cashable else "")
        by_year = {b.year: b.amount for b in mine}
        rows.append((name, [by_year.get(y, Decimal(0)) for y in years] + [sum(by_year.values(), Decimal(0))], False))
        hours = {b.year: b.hours for b in mine}
        if any(hours.values()):
            rows.append((f"  {L('hours')}", [hours.get(y, Decimal(0)) for y in years]
                         + [sum(hours.values(), Decimal(0))], False))
            fte = result.case.hours_per_fte
            if fte:
                # FTE over the months of each year in the horizon; the total column is the yearly average
                months = {r.year: r.months for r in result.per_year}
                rows.append((f"  {L('fte')}", [hours.get(y, Decimal(0)) / fte * 12 / months[y] for y in years]
                             + [sum(hours.values(), Decimal(0)) / fte / result.case.years], False))
    _matrix(console, L("benefits_title"), [str(y) for y in years] + [L("total")], rows, lang)


def _staff_hours(result: Result, console: Console, lang: str) -> None:
    L = lambda k: label(k, lang)  # noqa: E731
    rows = []
    for r in result.staff_hours:
        name = role_name(r.role, lang)
        name = name[:1].upper() + name[1:] + ("" if r.valued else f" ({L('unvalued')})")
        rows.append((f"{name}, {L('hours').lower()}", list(r.hours) + [r.total_hours], False))
        if r.fte is not None:
            rows.append((f"  {L('fte')}", list(r.fte) + [r.average_fte], False))
    years = [str(y) for y in result.staff_hours[0].years]
    _matrix(console, L("staff_hours_title"), years + [L("total")], rows, lang)
    console.print(L("fte_note"), style="dim", highlight=False, markup=False)
    if result.case.hours_per_fte is None:
        console.print(L("no_fte"), style="dim", highlight=False, markup=False)


def _investment(result: Result, console: Console, lang: str) -> None:
    L = lambda k: label(k, lang)  # noqa: E731
    inv = result.investment
    month = lambda n: L("not_within") if n is None else L("month_n").format(n=n)  # noqa: E731
    lines = []
    if inv.discount_rate is not None:
        lines.append((L("npv"), f"{fmt_money(inv.npv, lang)} ({fmt_percent(inv.discount_rate, lang)})"))
    else:
        lines.append((L("npv"), L("no_rate")))
    lines.append((L("irr"), fmt_percent(inv.irr.quantize(Decimal("0.0001")), lang) if inv.irr is not None
                  else L(f"irr_{inv.irr_note}")))
    lines.append((L("payback"), month(inv.payback_month)))
    if inv.discount_rate is not None:
        lines.append((L("discounted_payback"), month(inv.discounted_payback_month)))
    lines.append((L("break_even"), break_even_text(inv, lang)))
    if list(inv.cash_flows) != list(inv.flows):   # the budget view: without the benefits that are not cash
        view = L("budget_view")
        if inv.discount_rate is not None:
            lines.append((f"{L('npv')}, {view}", fmt_money(inv.cash_npv, lang)))
        lines.append((f"{L('irr')}, {view}", fmt_percent(inv.cash_irr.quantize(Decimal("0.0001")), lang)
                      if inv.cash_irr is not None else L(f"irr_{inv.cash_irr_note}")))
        lines.append((f"{L('payback')}, {view}", month(inv.cash_payback_month)))
    if inv.cost_per_client_month is not None:
        lines.append((L("cpcm"), fmt_money(inv.cost_per_client_month, lang)))
    console.print(f"\n[bold]{L('investment')}[/bold]")
    for name, value in lines:
        console.print(f"  {name}: {value}", highlight=False, markup=False)
    if inv.discount_rate is not None:
        console.print(f"  {L('convention')}", style="dim", highlight=False, markup=False)
