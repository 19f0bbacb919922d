"""One deployment's block on the inputs sheet: clients per contract year and the units that follow
from them (new, removed, billed under a contract minimum, the peak), the price factor per contract
year, one row per charge of the engine's plan, and the time lines with their hours per calendar year."""

from __future__ import annotations

from fractions import Fraction

from openpyxl.utils import get_column_letter

from bcalc.core import vat
from bcalc.core.assets import is_asset
from bcalc.core.notices import Notices
from bcalc.core.plan import Charge, line_hours, phase_head_hours, phase_hours
from bcalc.core.selection import (USAGE_BASES, charged_time, effective_clients, level_year, minimum_years,
                                  phase_counts)
from bcalc.models import Deployment
from bcalc.render.xlsx import formulas
from bcalc.render.xlsx.book import Book, DeploymentCells, InputCells, ItemCells, TimeCells
from bcalc.render.xlsx.cells import EURO, FACTOR, INPUT, PCT, QTY, address
from bcalc.render.xlsx.words import role_label


def write(book: Book, cells: InputCells, row: int, d_index: int, dep: Deployment) -> int:
    """Write the block from ``row``; add its cells to ``cells.deployments``; return its last row."""
    s, w = book.inputs, book.words
    sheet = s.title
    product = book.catalogue.products[dep.product]
    n = book.case.years
    refs = DeploymentCells(product, dep)
    title = f"{w['deployment']} {d_index + 1}: {product.name} ({product.supplier})"
    if dep.label:
        title += f" · {dep.label}"
    s.text(row, 1, title, bold=True)
    if book.case.phases:
        row = _blocks(book, refs, row, dep, d_index)
    row += 1
    s.head(row, 1, w["contract_year"])
    for k in range(n):
        s.num(row, 2 + k, k + 1, bold=True)

    row += 1
    s.text(row, 1, w["clients"])
    clients = effective_clients(dep)
    year_of_block = [seg_k for seg_k, _, _ in _case_blocks(book)] if book.case.phases else []
    for k in range(n):
        if dep.phase_clients is not None:   # the most clients in use in the contract year, from its blocks
            mine = [refs.block_clients[b] for b, kb in enumerate(year_of_block) if kb == k]
            s.formula(row, 2 + k, f"=MAX({','.join(mine)})", "0")
        else:
            s.num(row, 2 + k, clients[k], "0", INPUT)
    clients_row = row
    if book.case.phases and dep.phase_clients is None:   # the blocks follow the contract years' clients
        for b, kb in enumerate(year_of_block):
            s.formula(refs.block_clients_row, 2 + b, f"={get_column_letter(2 + kb)}{clients_row}", "0")
    refs.clients = _row(sheet, row, n)
    book.name(f"clients_{d_index + 1}", sheet, row, 2, row, 1 + n)
    row += 1
    s.text(row, 1, w["new_units"])
    for k in range(n):
        col = get_column_letter(2 + k)
        if k == 0:
            s.formula(row, 2, f"={col}{clients_row}", "0")
        else:
            prev = get_column_letter(1 + k)
            s.formula(row, 2 + k, f"=MAX(0,{col}{clients_row}-{prev}{clients_row})", "0")
    refs.new = _row(sheet, row, n)
    row += 1
    s.text(row, 1, w["removed_units"])
    for k in range(n):
        col = get_column_letter(2 + k)
        if k == 0:
            s.num(row, 2, 0, "0")
        else:
            prev = get_column_letter(1 + k)
            s.formula(row, 2 + k, f"=MAX(0,{prev}{clients_row}-{col}{clients_row})", "0")
    refs.removed = _row(sheet, row, n)
    refs.billed = refs.clients
    if dep.contract.min_clients is not None:
        row += 1
        s.text(row, 1, w["min_clients"])
        s.num(row, 2, dep.contract.min_clients, "0", INPUT)
        minimum = f"$B${row}"
        row += 1
        s.text(row, 1, w["billed_units"])
        until = minimum_years(dep, n)
        for k in range(n):
            col = get_column_letter(2 + k)
            if k < until:
                s.formula(row, 2 + k, f"=MAX({col}{clients_row},{minimum})", "0")
            else:
                s.formula(row, 2 + k, f"={col}{clients_row}", "0")
        refs.billed = _row(sheet, row, n)
    row += 1
    s.text(row, 1, w["peak"])
    s.formula(row, 2, f"=MAX(B{clients_row}:{get_column_letter(1 + n)}{clients_row})", "0")
    refs.peak = address(sheet, row, 2)
    row += 1
    s.text(row, 1, w["cap"])
    s.num(row, 2, dep.index_cap, PCT, INPUT)
    cap = f"$B${row}"
    # its own staff (a district): the heads and teams its lines per head or team count on
    for role, count in dep.staff.items():
        row += 1
        s.text(row, 1, f"{w['own_staff']}: {role_label(role, book.lang).lower()}")
        s.num(row, 2, count, "0", INPUT)
        refs.staff_count[role] = address(sheet, row, 2)
        book.name(f"count_{d_index + 1}_{role}", sheet, row, 2)
        if role in dep.phase_staff:
            s.text(row, 3, phase_note(book.result.case, dep.phase_staff[role], w))
    if dep.teams is not None:
        row += 1
        s.text(row, 1, f"{w['own_staff']}: {w['teams']}")
        s.num(row, 2, dep.teams, "0", INPUT)
        refs.teams = address(sheet, row, 2)
        book.name(f"teams_{d_index + 1}", sheet, row, 2)
        if dep.phase_teams is not None:
            s.text(row, 3, phase_note(book.result.case, dep.phase_teams, w))
    row += 1
    # prices index at each anniversary of the start, by the rate of the calendar year it falls in,
    # capped per deployment
    s.text(row, 1, w["price_factor"])
    for k in range(n):
        if k == 0:
            s.num(row, 2, 1, FACTOR)
            continue
        rate = cells.price_rate[book.months[k * 12].year]
        prev = get_column_letter(1 + k)
        s.formula(row, 2 + k, f"={prev}{row}*(1+IF({cap}=\"\",{rate},MIN({rate},{cap})))", FACTOR)
    refs.factor = _row(sheet, row, n)
    plan = book.result.plans[d_index]
    # owned items bought per unit: the units bought each contract year, new and replaced at the
    # end of their life (the lifetime decides which earlier years count, so it is written as text)
    for charge in plan.charges:
        if is_asset(charge) and charge.unit_based:
            row += 1
            s.text(row, 1, f"{w['bought_units']}: {charge.line_id} ({w['lifetime_years']} {charge.lifetime})")
            done: list[str] = []
            for k in range(n):
                s.formula(row, 2 + k, formulas.bought(k, charge.lifetime, refs.new, refs.clients, done), "0")
                done.append(address(sheet, row, 2 + k))
            refs.bought[charge.line_id] = done

    # one row per charge, as the engine planned it
    row += 2
    heads = ("item", "label", "price", "quoted", "vat_rate", "fixed_qty", "source", "note")
    for col, key in enumerate(heads, start=1):
        s.head(row, col, w[key])
    for charge in plan.charges:
        row += 1
        refs.items.append(_charge_row(book, cells, refs, row, d_index, charge))
    # the time lines charged with this deployment (organisation-wide ones with the first deployment
    # of a product only; bcalc.core.selection); every such line is listed, also one whose role has
    # no rate yet, so the reader can fill it in
    counted = charged_time(product, dep, plan.carries)
    if counted:
        row = _time_rows(book, cells, refs, row + 2, counted)
    cells.deployments.append(refs)
    return row


def _case_blocks(book: Book) -> tuple:
    from bcalc.core.horizon import blocks

    return blocks(tuple(seg for year in book.years for seg in book.segments[year]))


def _blocks(book: Book, refs: DeploymentCells, row: int, dep: Deployment, d_index: int) -> int:
    """A case with phases: the phases' clients (inputs, where the deployment gives them per phase) and the
    units per block (a contract year within one phase: clients, new, removed, billed); return the last row."""
    s, w = book.inputs, book.words
    sheet = s.title
    phases = book.case.phases
    phase_cells: list[str] = []
    if dep.phase_clients is not None:
        row += 1
        s.head(row, 1, w["phase"])
        for p, phase in enumerate(phases):
            s.text(row, 2 + p, phase.name, bold=True)
        row += 1
        s.text(row, 1, w["phase_clients"])
        for p, n in enumerate(dep.phase_clients):
            s.num(row, 2 + p, n, "0", INPUT)
            phase_cells.append(address(sheet, row, 2 + p))
        book.name(f"phase_clients_{d_index + 1}", sheet, row, 2, row, 1 + len(phases))
    blocks = _case_blocks(book)
    nb = len(blocks)
    row += 1
    s.head(row, 1, w["block"])
    for b, (k, p, first) in enumerate(blocks):
        s.text(row, 2 + b, f"{k + 1} · {phases[p].name}", bold=True)
    row += 1
    s.text(row, 1, w["block_clients"])
    exit_year = dep.contract.exit_year
    for b, (k, p, first) in enumerate(blocks):
        if dep.phase_clients is not None:
            s.formula(row, 2 + b, "=0" if exit_year is not None and k >= exit_year else f"={phase_cells[p]}", "0")
        # else: written once the contract years' clients are (they follow those)
    refs.block_clients_row = row
    refs.block_clients = _row(sheet, row, nb)
    clients_row = row
    row += 1
    s.text(row, 1, w["new_units"])
    for b in range(nb):
        col = get_column_letter(2 + b)
        prev = get_column_letter(1 + b)
        s.formula(row, 2 + b, f"={col}{clients_row}" if b == 0 else f"=MAX(0,{col}{clients_row}-{prev}{clients_row})",
                  "0")
    refs.block_new = _row(sheet, row, nb)
    row += 1
    s.text(row, 1, w["removed_units"])
    for b in range(nb):
        col = get_column_letter(2 + b)
        prev = get_column_letter(1 + b)
        if b == 0:
            s.num(row, 2, 0, "0")
        else:
            s.formula(row, 2 + b, f"=MAX(0,{prev}{clients_row}-{col}{clients_row})", "0")
    refs.block_removed = _row(sheet, row, nb)
    refs.block_billed = refs.block_clients
    if dep.contract.min_clients is not None:
        row += 1
        s.text(row, 1, w["billed_units"])
        until = minimum_years(dep, book.case.years)
        for b, (k, _, _) in enumerate(blocks):
            col = get_column_letter(2 + b)
            if k < until:
                s.formula(row, 2 + b, f"=MAX({col}{clients_row},{dep.contract.min_clients})", "0")
            else:
                s.formula(row, 2 + b, f"={col}{clients_row}", "0")
        refs.block_billed = _row(sheet, row, nb)
    return row


def _row(sheet: str, row: int, n: int) -> list[str]:
    """The addresses of a row's n contract years, from column B."""
    return [address(sheet, row, 2 + k) for k in range(n)]


def _charge_row(book: Book, cells: InputCells, refs: DeploymentCells, row: int, d_index: int,
                charge: Charge) -> ItemCells:
    s, w, dep = book.inputs, book.words, refs.deployment
    sheet = s.title
    item = charge.item
    s.text(row, 1, charge.line_id)
    s.text(row, 2, charge.label)
    note = ""
    source = item.source
    tiers: list[tuple[list[str], str]] = []
    # a catalogue price at the case's price level: the quoted figure times the level factor
    level = cells.level_factor.get(level_year(item, refs.product)) if item.id not in dep.prices and item.origin != "case" \
        else None
    leveled = (lambda expr: f"({expr})*{level}") if level else (lambda expr: expr)
    if charge.pack is not None:
        if level:
            s.formula(row, 3, "=" + leveled(_plain(charge.pack.price.pick("mid"))), EURO)
        else:
            s.num(row, 3, charge.price, EURO, INPUT)
        note = f"{charge.written} · {w['packs_note']}"
    elif item.id in dep.prices:
        s.num(row, 3, dep.prices[item.id], EURO, INPUT)
        quote = dep.quotes.get(item.id)
        source = quote.source if quote is not None and quote.source else "case"
        note = w["case_price"]
    elif item.included:
        s.num(row, 3, 0, EURO, INPUT)
        note = w["included"]
    elif item.tiers:
        # the tier prices from column I; the price cell picks one (written below, once the
        # quantity cell a tier may count on exists)
        for i, tier in enumerate(item.tiers):
            col = 9 + i
            s.num(row, col, tier.price.pick(book.result.prices_end), EURO, INPUT)
            conds = []
            if tier.min_units is not None:
                conds.append(f"{{count}}>={tier.min_units}")
            if tier.min_years is not None:  # on the contract term where the case gives one, else the horizon
                term = dep.contract.term
                conds.append(f"{cells.years if term is None else term}>={tier.min_years}")
            tiers.append((conds, f"{get_column_letter(col)}{row}"))
        note = " / ".join(f"{w['tier']} {t.price.written}" + (f" ≥{t.min_units}" if t.min_units else "")
                          + (f" ≥{t.min_years}j" if t.min_years else "") for t in item.tiers)
    else:
        value = item.price.pick(book.result.prices_end)
        if item.currency != "EUR":
            s.num(row, 9, value, "#,##0.00", INPUT)
            s.formula(row, 3, "=" + leveled(f"I{row}*{cells.fx}"), EURO)
            note = f"{w['usd']} {item.price.written}"
        elif level:
            s.formula(row, 3, "=" + leveled(_plain(value)), EURO)
        else:
            s.num(row, 3, value, EURO, INPUT)
            if item.price.is_range:
                note = f"{w['range_note']} {item.price.written}"
    s.text(row, 4, w["vat_incl"] if charge.quoted == "incl" else w["vat_excl"])
    if vat.rate_is_own(item, dep):
        s.num(row, 5, vat.item_rate(item, dep, book.tariffs), PCT, INPUT)
    else:
        s.formula(row, 5, f"={cells.vat_standard}", PCT)
    fixed = None
    if not charge.unit_based:
        if charge.pack is not None or item.id in dep.quantities or item.basis in USAGE_BASES:
            s.num(row, 6, charge.quantity, QTY, INPUT)
        elif item.basis == "team":
            s.formula(row, 6, f"={refs.teams or cells.teams}", QTY)
        elif item.basis == "role":
            s.formula(row, 6, f"={refs.staff_count.get(item.role) or cells.staff_count[item.role]}", QTY)
        else:
            s.num(row, 6, charge.quantity, QTY)
        fixed = address(sheet, row, 6)
    if tiers:
        count = (fixed or refs.peak) if item.tier_on == "quantity" else refs.peak
        s.formula(row, 3, "=" + leveled(formulas.tier_price(tiers, count)[1:]), EURO)
    s.text(row, 7, book.source_text(source))
    s.text(row, 8, note + (f" · {item.note}" if item.note and item.ambiguous else ""), wrap=True)
    book.name(f"price_{d_index + 1}_{charge.line_id.replace('-', '_')}", sheet, row, 3)
    return ItemCells(charge, item, charge.line_id, charge.label, address(sheet, row, 3), address(sheet, row, 5),
                     fixed, source)


def phase_note(case, counts, w) -> str:
    """Teams or heads given per phase, as a note beside their cell: the calculation takes them as values."""
    return f"{w['per_phase_values']}: " + " · ".join(f"{p.name} {n}" for p, n in zip(case.phases, counts))


def _plain(value) -> str:
    """A quoted price as a formula term, as written (62.40)."""
    return f"{value:f}"


def _time_rows(book: Book, cells: InputCells, refs: DeploymentCells, row: int, counted) -> int:
    s, w = book.inputs, book.words
    sheet = s.title
    dep, product = refs.deployment, refs.product
    s.head(row, 1, w["time"])
    s.head(row, 2, w["label"])
    s.head(row, 3, w["role"])
    s.head(row, 4, w["heads"])
    for i, year in enumerate(book.years):
        s.head(row, 5 + i, f"{w['hours_per_head']} {book.year_name(year)}")
    s.head(row, 5 + len(book.years), w["source"])
    case = book.result.case
    for t in counted:
        counts = phase_counts(t, dep, case)
        if counts is not None:   # heads or teams per phase: the hours of all of them, the heads 1
            per_month = phase_head_hours(t, case, phase_hours(t, book.result.prices_end, Notices(), product,
                                                              len(book.months)), counts)
        else:
            per_month = line_hours(t, dep, case, book.result.prices_end, Notices(), product, book.months)
        per_year = {y: sum((per_month[m.index] for m in book.months if m.year == y), Fraction(0)) for y in book.years}
        row += 1
        s.text(row, 1, t.id)
        s.text(row, 2, t.label)
        s.text(row, 3, role_label(t.role, book.lang))
        if counts is not None:
            s.num(row, 4, 1, QTY)
        elif t.id in dep.quantities:
            s.num(row, 4, dep.quantities[t.id], QTY, INPUT)
        elif t.per == "head":
            s.formula(row, 4, f"={refs.staff_count.get(t.role) or cells.staff_count[t.role]}", QTY)
        elif t.per == "team":
            s.formula(row, 4, f"={refs.teams or cells.teams}", QTY)
        else:
            s.num(row, 4, 1, QTY)
        hours = {}
        for i, year in enumerate(book.years):
            if per_year[year]:
                s.formula(row, 5 + i, f"={formulas.exact(per_year[year])}", QTY)
            else:
                s.num(row, 5 + i, 0, QTY)
            hours[year] = address(sheet, row, 5 + i)
        s.text(row, 5 + len(book.years), t.source if counts is None else f"{t.source} · {w['per_phase_hours']}")
        share = {m.index: Fraction(per_month[m.index]) / per_year[m.year] for m in book.months
                 if per_month[m.index] and per_year[m.year]}
        refs.time.append(TimeCells(t, address(sheet, row, 4), hours, {y for y in book.years if per_year[y]}, share))
    return row


__all__ = ["write"]
