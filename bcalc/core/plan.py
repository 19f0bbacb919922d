"""The plan of charges: what each deployment pays for, on what quantity, at what price and VAT.

``plan_deployment`` turns a deployment and its product into charges: one per active supplier item
(one per pack size for items sold in packs) and one per counted time line, each with its timing,
whether its quantity follows the units in use or is fixed, its year-1 price as quoted, its VAT
rate and how the price was quoted, the first contract year it is charged and how long a fixed
charge runs. The engine evaluates the plan month by month (bcalc.core.engine); the workbook
writes the same plan as formulas (bcalc.render.xlsx). Deciding a charge here, once, is what keeps
the two on the same cents.

Everything a reader of the result should know about how a price was chosen (a range's midpoint,
a tier, a currency, a missing quantity) is noted while planning, in the order of the catalogue.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

from bcalc.core import selection, vat
from bcalc.core.calendar import Month
from bcalc.core.indexation import level_factor
from bcalc.core.notices import Notices
from bcalc.models import CLIENT_PERS, Case, Deployment, Item, Pack, Price, Product, Tariffs, TimeLine
from bcalc.money import ONE, WIDE, ZERO, dec
from bcalc.record import record

WEEKS_PER_MONTH = Fraction(52, 12)


@record
class Charge:
    """A supplier item (or one pack size of it) as one deployment pays for it."""

    line_id: str                  # the id its lines carry (a pack: "<item>-<size>")
    item: Item
    label: str
    timing: str                   # one_off, per_new_unit, at_removal, monthly, yearly, daily
    unit_based: bool              # the quantity follows the units in use; else ``quantity`` is fixed
    quantity: Decimal | None      # fixed quantity per timing period (a pack: the number of packs)
    price: Decimal                # year-1 euros per unit as quoted, before indexation
    source: str                   # the source line of the price ("case" for the case's own price without a
                                  # source of its own, else the quote or the own item's source as written)
    written: str                  # the price as printed in the source
    vat_rate: Decimal
    quoted: str                   # "incl" or "excl"
    tier_label: str = ""
    width: Decimal = ZERO         # euros per unit between the high and the low end of a quoted range
    runs: int = 0                 # contract years a fixed charge (not one-off) runs from the start
    pack: Pack | None = None
    origin: str = "catalogue"     # catalogue, quote (the case's price for a catalogue item) or case (own item)
    lifetime: int | None = None   # an item bought outright that lasts this many years (bcalc.core.assets)
    residual: Decimal = ZERO      # euros per unit it is worth at the end of its life, as quoted
    # a fixed quantity per phase of the case (teams or heads given per phase: ``quantity`` is their most);
    # None: ``quantity`` throughout
    phase_qty: tuple[Decimal, ...] | None = None

    @property
    def phase_added(self) -> tuple[Decimal, ...]:
        """The quantity added at the start of each phase (``phase_qty``; none where it goes down)."""
        q = self.phase_qty or ()
        return tuple(n if p == 0 else max(ZERO, n - q[p - 1]) for p, n in enumerate(q))

    @property
    def category(self) -> str:
        return self.item.category


@record
class TimeCharge:
    """A counted time line of a deployment: hours per month of the horizon for one head, the heads."""

    line: TimeLine
    heads: Fraction
    hours: tuple[Fraction, ...]   # per month of the horizon, for one head (or organisation, or team)
    rate: Decimal | None          # the role's hourly rate in the first year (indexed with wages); None: not valued
    # heads or teams per phase of the case: ``hours`` are those of all of them (those added at each phase's
    # start from that month, ``phase_head_hours``) and ``heads`` is 1
    phased: bool = False


@record
class Units:
    """Units per contract year: in use, billed (a contract minimum counts), new and removed at its start."""

    in_use: tuple[int, ...]
    billed: tuple[int, ...]
    new: tuple[int, ...]
    removed: tuple[int, ...]


@record
class DeploymentPlan:
    index: int
    product: Product
    deployment: Deployment
    first: bool                   # the first deployment of its product: organisation-wide costs counted here
    units: Units
    charges: tuple[Charge, ...]
    time: tuple[TimeCharge, ...]
    carries: frozenset[str] = frozenset()   # the organisation-wide counts charged here (selection.carried)
    unvalued: tuple[TimeCharge, ...] = ()   # counted time lines of a role without a rate: hours, no amount
    # in a case with phases (``units`` per block): the units per contract year, on which items bought outright
    # are bought at each contract year's start (the most clients in use in it); None: ``units``
    year_units: Units | None = None

    @property
    def contract_units(self) -> Units:
        """The units per contract year (what items with a lifetime are bought on)."""
        return self.year_units if self.year_units is not None else self.units

    @property
    def counted_time(self) -> tuple[TimeCharge, ...]:
        """Every counted time line of the deployment, valued or not (the hours per role)."""
        return self.time + self.unvalued


def term(charge: Charge, contract_year: int, starts: bool, opens: bool | None = None, later: bool | None = None,
         phase: int = 0, phase_opens: bool = False) -> tuple[str, str] | None:
    """What a charge is charged on in one segment of the horizon (a contract year within a calendar
    year; ``starts``: the segment holds the first month of its contract year), or None:

    (count, per) with count one of "billed", "new", "removed" (units of the contract year, see
    ``Units``), "bought" (new units plus the units replaced at the end of their life, for an item
    with a lifetime: ``bcalc.core.assets.bought``), "fixed" (the charge's own quantity) or
    "fixed_if_removed" (its quantity, when units are removed at the start of the contract year), and
    per one of "month" (times the segment's months), "day" (times its days) or "once" (in its first
    month). With teams or heads per phase (``phase_qty``) "phase" is the quantity of the segment's
    phase and "phase_added" what its start adds: monthly and daily items on the phase's, yearly items on
    it at each contract year's start and on those added when a phase opens within one, one-off and
    per-new-unit items on those added when a phase opens (all of them in the first). The engine evaluates this rule with numbers, the workbook writes it with cell references.
    A fixed quantity with a lifetime is bought again every ``lifetime`` contract years while the
    organisation is committed (``runs``).

    In a case with phases the units are counted per block (a contract year within one phase):
    ``opens`` says the segment holds a block's first month, ``later`` that it is not the first block
    of the horizon; new and removed units are charged when a block opens (a yearly item's new units
    too, in a block that is not a contract year's first). An item restricted to phases
    (``Item.phases``) is charged only in their segments (``phase``); a fixed one-off item in the first
    month of its first phase, a fixed yearly one also when one of its phases opens (``phase_opens``).
    """
    k, timing = contract_year, charge.timing
    if k + 1 < charge.item.from_year:
        return None
    if opens is None:
        opens = starts
    if later is None:
        later = k > 0
    only = charge.item.phases
    if charge.phase_qty is not None and not only:
        # teams or heads per phase: "phase" counts the phase's, "phase_added" those added when it opens
        opens_phase = phase_opens or (k == 0 and starts)
        if timing in ("one_off", "per_new_unit"):
            return ("phase_added", "once") if opens_phase else None
        if k >= charge.runs:
            return None
        if timing == "monthly":
            return "phase", "month"
        if timing == "daily":
            return "phase", "day"
        if timing == "yearly":
            return ("phase", "once") if starts else ("phase_added", "once") if phase_opens else None
    if only:
        if phase not in only:
            return None
        if not charge.unit_based and timing in ("one_off", "per_new_unit"):
            return ("fixed", "once") if phase == only[0] and (phase_opens or (phase == 0 and starts and k == 0)) \
                else None
        if not charge.unit_based and timing == "yearly" and (starts or phase_opens):
            return ("fixed", "once") if k < charge.runs else None
    if charge.lifetime is not None and timing in ("per_new_unit", "one_off"):
        if not starts:
            return None
        if charge.unit_based:
            return "bought", "once"
        return ("fixed", "once") if k % charge.lifetime == 0 and k < max(charge.runs, 1) else None
    if charge.unit_based:
        if timing == "monthly":
            return "billed", "month"
        if timing == "daily":
            return "billed", "day"
        if not opens:
            return None
        if timing == "yearly":
            return ("billed", "once") if starts else ("new", "once")
        if timing in ("per_new_unit", "one_off"):
            return "new", "once"
        return ("removed", "once") if later else None  # at_removal
    if k >= charge.runs and timing not in ("one_off", "per_new_unit"):
        return None  # fixed costs stop after the contract ends and the organisation has left
    if timing == "monthly":
        return "fixed", "month"
    if timing == "daily":
        return "fixed", "day"
    if not starts:
        return None
    if timing in ("one_off", "per_new_unit"):
        return ("fixed", "once") if k == 0 else None
    if timing == "yearly":
        return "fixed", "once"
    return ("fixed_if_removed", "once") if k > 0 else None  # at_removal


def units(dep: Deployment, years: int, blocks: tuple = ()) -> Units:
    """Units per contract year; with ``blocks`` (a case with phases, ``bcalc.core.horizon.blocks``) per
    block: the part of a contract year within one phase, new and removed units counted at its start."""
    clients = selection.block_clients(dep, blocks)
    c = dep.contract
    commit = selection.minimum_years(dep, years)
    year_of = [b[0] for b in blocks] if blocks else list(range(years))
    billed = tuple(max(n, c.min_clients) if c.min_clients is not None and year_of[b] < commit else n
                   for b, n in enumerate(clients))
    n_blocks = len(clients)
    new, removed = [clients[0]] + [0] * (n_blocks - 1), [0] * n_blocks
    for k in range(1, n_blocks):
        diff = clients[k] - clients[k - 1]
        if diff > 0:
            new[k] = diff
        else:
            removed[k] = -diff
    return Units(tuple(clients), billed, tuple(new), tuple(removed))


def case_blocks(case: Case, months: tuple[Month, ...]) -> tuple:
    """The blocks of a case with phases (``bcalc.core.horizon.blocks``); () without phases."""
    if not case.phases:
        return ()
    from bcalc.core.horizon import blocks, segments

    return blocks(segments(months, case.phase_starts))


def pick_price(item: Item, dep: Deployment, case: Case, end: str, count: int, notices: Notices,
               product: Product, level: Decimal = ONE) -> tuple[Decimal | None, str, Price | None, str]:
    """The unit price (euros, as quoted, times ``level``: the factor that brings a catalogue price
    to the case's price level; never a price the case gives), the source line it comes from, the
    quoted price and the tier."""
    if item.id in dep.prices:
        quote = dep.quotes.get(item.id)
        return dep.prices[item.id], (quote.source if quote is not None and quote.source else "case"), None, ""
    if item.included:
        return ZERO, item.source, None, ""
    price = item.price
    source = item.source
    tier_label = ""
    if item.tiers:
        index = selection.tier_index(item, count, selection.tier_years(dep, case))
        if index is not None:
            tier = item.tiers[index]
            price, source, tier_label = tier.price, tier.source or item.source, tier.label
            notices.tier(product, item, tier, count)
    if price is None:
        return None, source, None, ""
    value = price.pick(end)
    notices.price_used(product, item, price, end, value, source)
    if item.currency != "EUR":
        value = value * case.fx[item.currency]
        notices.currency(product, item, case.fx[item.currency])
    if level != ONE:
        with localcontext(WIDE):
            value = value * level
    return value, source, price, tier_label


def unit_price(item: Item, dep: Deployment, case: Case, end: str, product: Product,
               level: Decimal = ONE) -> Decimal | None:
    """The euro price the engine uses for an item in year 1 (before indexation within the horizon)."""
    value, *_ = pick_price(item, dep, case, end, selection.tier_count(item, dep, case), Notices(), product, level)
    return value


def cheapest_packs(needed: int, packs) -> dict[int, int]:
    """The cheapest set of packs that holds at least ``needed`` pieces: {size: count}.

    In a cheapest set every other pack size appears fewer times than the size of the pack with
    the lowest price per piece (s* packs of size q can be swapped for q packs of size s*), so
    the bulk is bought in that pack and only a bounded remainder is searched.
    """
    best_pack = min(packs, key=lambda p: (p.price.pick("mid") / p.size, -p.size))
    largest = max(p.size for p in packs)
    bound = best_pack.size * sum(p.size for p in packs) + largest
    bulk = max(0, (needed - bound) // best_pack.size)
    rest = _cheapest_small(needed - bulk * best_pack.size, packs)
    if bulk:
        rest[best_pack.size] = rest.get(best_pack.size, 0) + bulk
    return rest


def _cheapest_small(needed: int, packs) -> dict[int, int]:
    largest = max(p.size for p in packs)
    limit = needed + largest
    best: list[tuple[Decimal, dict] | None] = [None] * (limit + 1)
    best[0] = (ZERO, {})
    for n in range(1, limit + 1):
        for p in packs:
            prev = best[max(0, n - p.size)]
            if prev is None:
                continue
            cost = prev[0] + p.price.pick("mid")
            if best[n] is None or cost < best[n][0]:
                combo = dict(prev[1])
                combo[p.size] = combo.get(p.size, 0) + 1
                best[n] = (cost, combo)
    candidates = [b for b in best[needed:] if b is not None]
    return min(candidates, key=lambda b: b[0])[1]


def _pack_charges(item: Item, dep: Deployment, product: Product, fixed: Decimal | None, notices: Notices,
                  tariffs: Tariffs, runs: int, level: Decimal = ONE) -> list[Charge]:
    needed = int(fixed) if fixed is not None else 0
    if fixed is None or fixed != needed:
        notices.no_quantity(product, item)
        return []
    combo = cheapest_packs(needed, item.packs) if needed else {}
    notices.packs(product, item, needed, combo)
    rate, how = vat.item_rate(item, dep, tariffs), vat.quoted(item, dep)
    return [Charge(f"{item.id}-{pack.size}", item, f"{item.label} ({pack.size} st.)", item.timing, False,
                   dec(combo[pack.size]), _leveled(pack.price.pick("mid"), level), item.source, pack.price.written,
                   rate, how,
                   runs=runs, pack=pack, origin=origin(item, dep))
            for pack in item.packs if combo.get(pack.size, 0)]


def _leveled(value: Decimal, level: Decimal) -> Decimal:
    if level == ONE:
        return value
    with localcontext(WIDE):
        return value * level


def supplier_charges(case: Case, dep: Deployment, product: Product, end: str, notices: Notices, tariffs: Tariffs,
                     carries: frozenset[str]) -> list[Charge]:
    """The deployment's supplier items, priced for year 1; ``carries``: the organisation-wide counts
    of its product charged with it (bcalc.core.selection.carried)."""
    out: list[Charge] = []
    catalogue = product.origin == "catalogue"
    peak = max(dep.clients) if dep.clients else 0
    for item in selection.active_items(product, dep):
        if not selection.charged_here(item, dep, carries):
            continue
        runs = selection.charge_years(item, dep, case.years)
        unit_based = selection.is_unit_based(item, dep)
        fixed = None if unit_based else selection.usage_quantity(item, dep, case)
        if not unit_based and fixed is None:
            notices.no_quantity(product, item)
            continue
        # the case's own lines are at its own price level: never brought to it; a catalogue item at its
        # price year (a version from a newer price list has its own)
        at_level = level_factor(case, tariffs, selection.level_year(item, product)) \
            if catalogue and item.origin != "case" else ONE
        if item.packs:
            out += _pack_charges(item, dep, product, fixed, notices, tariffs, runs, at_level)
            continue
        count = peak if item.tier_on == "units" else int(fixed or 0)
        price, source, quoted_price, tier_label = pick_price(item, dep, case, end, count, notices, product, at_level)
        if price is None:
            notices.no_amount(product, item)
            continue
        if item.id in dep.prices:
            notices.quote(product, item, dep, price)
        elif item.origin == "case":
            notices.own_line(product, item, selection.price_year(item, product, dep))
        elif item.versioned:
            notices.version(product, item, case.start, selection.level_year(item, product))
        written = "inclusief" if item.included and item.id not in dep.prices else (
            quoted_price.written if quoted_price else "")
        width = ZERO
        if quoted_price is not None and quoted_price.is_range:
            width = quoted_price.high - quoted_price.low
            if item.currency != "EUR":
                width *= case.fx[item.currency]
            width = _leveled(width, at_level)
        asset = selection.asset(item, dep)
        # teams or heads per phase: the quantity of each phase (an item bought outright with a lifetime is
        # bought on the most of them, as on the most clients of a contract year)
        per_phase = selection.phase_counts(item, dep, case) if not unit_based and asset is None else None
        out.append(Charge(item.id, item, item.label, item.timing, unit_based, fixed, price, source, written,
                          vat.item_rate(item, dep, tariffs), vat.quoted(item, dep), tier_label, width, runs,
                          origin=origin(item, dep), lifetime=asset.lifetime if asset else None,
                          residual=asset.residual if asset else ZERO,
                          phase_qty=tuple(dec(n) for n in per_phase) if per_phase is not None else None))
    return out


def origin(item: Item, dep: Deployment) -> str:
    """Where a charge's price comes from: the case's own item (case), the case's price for a catalogue
    item (quote), or the catalogue."""
    if item.origin == "case":
        return "case"
    return "quote" if item.id in dep.prices else "catalogue"


def phase_hours(line: TimeLine, end: str, notices: Notices, product: Product, n_months: int,
                kept: dict | None = None) -> list[Fraction]:
    """Hours per month of the horizon for one head (or one organisation, or one team). ``kept``: a
    table of the memo (bcalc.core.memo) that holds them under the values they follow from."""
    if line.hours is not None:
        notices.hours_used(product, line, line.hours, end, line.hours.pick(end))
    else:
        for phase in line.phases:
            notices.hours_used(product, line, phase.hours_per_week, end, phase.hours_per_week.pick(end))
    if kept is None:
        return _phase_hours(line, end, n_months)
    key = (line, end, n_months)
    hours = kept.get(key)
    if hours is None:
        hours = kept[key] = tuple(_phase_hours(line, end, n_months))
    return list(hours)


def _phase_hours(line: TimeLine, end: str, n_months: int) -> list[Fraction]:
    hours = [Fraction(0)] * n_months
    if line.hours is not None:
        hours[0] += Fraction(line.hours.pick(end))
        return hours
    cursor = Fraction(0)  # months elapsed since the start, as a fraction
    for phase in line.phases:
        per_week = Fraction(phase.hours_per_week.pick(end))
        if phase.weeks is None and phase.months is None:  # the last phase: to the end of the horizon
            length = max(Fraction(n_months) - cursor, Fraction(0))
        else:
            weeks = Fraction(phase.weeks) if phase.weeks is not None else Fraction(phase.months) * WEEKS_PER_MONTH
            length = weeks / WEEKS_PER_MONTH  # in months
        start, stop = cursor, cursor + length
        m = int(start)
        while m < stop and m < n_months:
            overlap = min(stop, Fraction(m + 1)) - max(start, Fraction(m))
            hours[m] += per_week * WEEKS_PER_MONTH * overlap
            m += 1
        cursor = stop
    return hours


def client_hours(line: TimeLine, end: str, notices: Notices, product: Product, months: tuple[Month, ...],
                 in_units: Units, blocks: tuple = ()) -> list[Fraction]:
    """Hours per month of a time line that follows the clients: its hours times the clients in use in
    every month (per client), or times the new clients in the first month of each contract year (of
    each block, in a case with phases)."""
    notices.hours_used(product, line, line.hours, end, line.hours.pick(end))
    hours = Fraction(line.hours.pick(end))
    out = [Fraction(0)] * len(months)
    firsts = [b[2] for b in blocks] if blocks else [12 * k for k in range(len(in_units.in_use))]
    b = -1
    for m in months:
        if b + 1 < len(firsts) and m.index == firsts[b + 1]:
            b += 1
            if line.per != "client":
                out[m.index] = hours * in_units.new[b]
        if line.per == "client":
            out[m.index] = hours * in_units.in_use[b]
    return out


def line_hours(line: TimeLine, dep: Deployment, case: Case, end: str, notices: Notices, product: Product,
               months: tuple[Month, ...], kept: dict | None = None) -> list[Fraction]:
    """Hours per month of the horizon of a time line, for one head (or organisation, or team), or for
    all the clients of the deployment when its hours are per client."""
    if line.per in CLIENT_PERS:
        blocks = case_blocks(case, months)
        hours = client_hours(line, end, notices, product, months, units(dep, case.years, blocks), blocks)
    else:
        hours = phase_hours(line, end, notices, product, len(months), kept)
    return in_phases(line, case, hours) if line.case_phases else hours


def in_phases(line: TimeLine, case: Case, hours: list[Fraction]) -> list[Fraction]:
    """A time line restricted to phases of the case: its schedule starts at the first month of its first
    phase (hours per client stay where they are), and it counts no hours outside its phases."""
    spans, at = [], 0
    for p in case.phases:
        spans.append((at, at + p.months))
        at += p.months
    n = len(hours)
    if line.per not in CLIENT_PERS:
        shift = spans[line.case_phases[0]][0]
        hours = [Fraction(0)] * shift + hours[:n - shift]
    inside = [any(spans[p][0] <= m < spans[p][1] for p in line.case_phases) for m in range(n)]
    return [h if inside[m] else Fraction(0) for m, h in enumerate(hours)]


def phase_head_hours(line: TimeLine, case: Case, per_head: list[Fraction], counts: tuple[int, ...]) -> list[Fraction]:
    """Hours per month of a time line per head or per team whose heads or teams the case gives per phase:
    the heads (teams) added at the start of a phase (all of them in the first) follow the line's schedule
    for one head (``per_head``, from the start of the horizon) from that phase's first month; heads that
    leave take nothing back. A line restricted to phases (``TimeLine.case_phases``) starts with the heads
    of its first phase there and counts no hours outside its phases."""
    spans, at = [], 0
    for p in case.phases:
        spans.append((at, at + p.months))
        at += p.months
    first = line.case_phases[0] if line.case_phases else 0
    added = [0] * len(counts)
    for p in range(first, len(counts)):
        added[p] = counts[p] if p == first else max(0, counts[p] - counts[p - 1])
    n = len(per_head)
    out = [Fraction(0)] * n
    for p, (start, _stop) in enumerate(spans):
        if not added[p]:
            continue
        for m in range(start, n):
            h = per_head[m - start]
            if h:
                out[m] += added[p] * h
    if line.case_phases:
        inside = [any(spans[p][0] <= m < spans[p][1] for p in line.case_phases) for m in range(n)]
        out = [h if inside[m] else Fraction(0) for m, h in enumerate(out)]
    return out


def time_charges(case: Case, dep: Deployment, product: Product, months: tuple[Month, ...], end: str,
                 notices: Notices, kept: dict | None = None,
                 carries: frozenset[str] = frozenset()) -> tuple[list[TimeCharge], list[TimeCharge]]:
    """The deployment's counted time lines charged with it: those valued at their role's rate, and
    those of a role without a rate (their hours are noted and counted, not charged)."""
    out, unvalued = [], []
    for line in selection.charged_time(product, dep, carries):
        role = case.staff[line.role]
        heads = Fraction(selection.heads(line, dep, case))
        if not heads:
            continue
        if line.origin == "case":
            notices.own_line(product, line, None)
        counts = selection.phase_counts(line, dep, case)
        if counts is not None:
            per_month = phase_head_hours(line, case, phase_hours(line, end, notices, product, len(months), kept),
                                         counts)
            heads = Fraction(1)
        else:
            per_month = line_hours(line, dep, case, end, notices, product, months, kept)
        phased = counts is not None
        if role.rate is None:
            notices.unvalued(product, line, sum((h for h in per_month if h), Fraction(0)) * heads)
            unvalued.append(TimeCharge(line, heads, tuple(per_month), None, phased))
            continue
        out.append(TimeCharge(line, heads, tuple(per_month), role.rate, phased))
    return out, unvalued


def plan_deployment(case: Case, d_index: int, product: Product, months: tuple[Month, ...], end: str,
                    notices: Notices, tariffs: Tariffs, carries: frozenset[str],
                    kept: dict | None = None) -> DeploymentPlan:
    """``carries``: the organisation-wide counts of its product charged with this deployment
    (bcalc.core.selection.carried); ``kept``: the memo's table of hours per month (``phase_hours``), or None."""
    dep = case.deployments[d_index]
    charges = supplier_charges(case, dep, product, end, notices, tariffs, carries)
    time, unvalued = time_charges(case, dep, product, months, end, notices, kept, carries)
    blocks = case_blocks(case, months)
    return DeploymentPlan(d_index, product, dep, selection.ORGANISATION in carries, units(dep, case.years, blocks),
                          tuple(charges), tuple(time), carries, tuple(unvalued),
                          units(dep, case.years) if blocks else None)


__all__ = ["Charge", "TimeCharge", "Units", "DeploymentPlan", "units", "pick_price", "unit_price", "cheapest_packs",
           "supplier_charges", "term", "case_blocks", "phase_hours", "client_hours", "line_hours", "in_phases", "phase_head_hours", "origin", "time_charges", "plan_deployment", "WEEKS_PER_MONTH"]
