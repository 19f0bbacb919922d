"""Which catalogue lines a deployment uses, and the counts they are charged on.

The one home of the rules that decide, for a deployment: which items and time lines are active
for its options (a choice's default counts when the case picks none of its options), whether a
product's organisation-wide costs are counted with this deployment (its first), how many units
are in use per contract year under the contract's exit year, how long fixed costs and minimum
volumes run, what fixed quantity an item has, and which staffel tier applies. The engine, the
workbook, the checks, the sensitivity and the loader all ask here.

Staff per deployment. A product line charged per organisation, per team or per head of a role is
counted on a *driver*: "organisation", "teams" or the role. A deployment may give its own count of
a driver (``Deployment.staff``, ``Deployment.teams``: a district with its own care staff); a line on
a driver it counts itself is charged with that deployment, on its count. The organisation's count
of a driver (``Case.staff``, ``Case.teams``) stands for the staff that no deployment of the product
counts itself: a line on it is charged once, with the first deployment of the product that does
not count that driver itself. "organisation" is never a deployment's own: its lines stay with the
first deployment of the product. A case in which no deployment counts its own staff charges every
such line with the first deployment of its product.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from bcalc.models import ROLES, Asset, Case, Deployment, Item, Price, Product, TimeLine
from bcalc.money import ONE, ZERO, dec

# Items whose quantity is a usage the source or the case states (hours, minutes, packs, pieces).
USAGE_BASES = ("hour", "minute", "pack", "piece")
# Items used up as they are used (slips and pads, call minutes, cartridges): they stop when use stops.
CONSUMABLE_BASES = ("minute", "pack", "piece")


def active_options(product: Product, dep: Deployment) -> set[str]:
    """The options in force: the case's, plus the default of every choice it leaves open."""
    active = set(dep.options)
    for ch in product.choices:
        if ch.default and not active.intersection(ch.options):
            active.add(ch.default)
    return active


def is_active(line: Item | TimeLine, active: set[str]) -> bool:
    """An item or time line without options always applies; one with options when one is in force."""
    return not line.options or bool(active.intersection(line.options))


def belongs(line: Item | TimeLine, dep: Deployment) -> bool:
    """A catalogue line belongs to every deployment of its product; a line that the case file gives one
    deployment (``items:`` or ``time:`` under it) to that deployment only."""
    return not line.deployment_only or line.id in dep.own


def active_items(product: Product, dep: Deployment) -> list[Item]:
    active = active_options(product, dep)
    return [it for it in product.items if belongs(it, dep) and is_active(it, active)]


def active_time(product: Product, dep: Deployment, counted_only: bool = True) -> list[TimeLine]:
    """Time lines in force; ``counted_only`` leaves out supplier time already in a price. A line the
    case counts as its own staff's time (``count_time``) comes as counted, with the case's role and,
    for a line in days or dagdelen, its hours from the case's hours per day (part)."""
    active = active_options(product, dep)
    out = []
    for t in product.time:
        if not (belongs(t, dep) and is_active(t, active)):
            continue
        if t.id in dep.count_time:
            t = counted_as(t, dep)
        if t.counted or not counted_only:
            out.append(t)
    return out


def day_hours(line: TimeLine, dep: Deployment) -> Decimal | None:
    """The hours of a line the source gives in days or dagdelen, under the case's hours per day
    (part); None when the line is not in days or the case does not say."""
    if line.days is not None and dep.hours_per_day is not None:
        return line.days * dep.hours_per_day
    if line.day_parts is not None and dep.hours_per_day_part is not None:
        return line.day_parts * dep.hours_per_day_part
    return None


def counted_as(line: TimeLine, dep: Deployment) -> TimeLine:
    """A time line as the case counts it (``count_time``): counted, in the case's role."""
    hours = line.hours
    in_days = day_hours(line, dep)
    if in_days is not None:
        hours = Price(amount=in_days, written=line.written)
    return replace(line, counted=True, role=dep.count_time[line.id], hours=hours)


ORGANISATION = "organisation"
TEAMS = "teams"


def driver(line: Item | TimeLine) -> str | None:
    """What a line charged for the organisation, a team or a role head is counted on: "organisation",
    "teams" or the role; None for a line that is not (units, usage)."""
    if isinstance(line, TimeLine):
        return line.role if line.per == "head" else TEAMS if line.per == "team" else ORGANISATION
    if line.basis == "organisation":
        return ORGANISATION
    if line.basis == "team":
        return TEAMS
    if line.basis == "role":
        return line.role or ""
    return None


def own_count(dep: Deployment, name: str) -> int | None:
    """The deployment's own count of a driver ("teams" or a role), or None: the organisation's counts."""
    if name == TEAMS:
        return dep.teams
    if name == ORGANISATION:
        return None
    return dep.staff.get(name)


def own_drivers(dep: Deployment) -> frozenset[str]:
    return frozenset(dep.staff) | (frozenset((TEAMS,)) if dep.teams is not None else frozenset())


def carried(case: Case) -> list[frozenset[str]]:
    """For every deployment: the drivers whose organisation-wide count it carries for its product
    ("organisation" for the first deployment of the product; "teams" or a role for the first
    deployment of the product that does not count it itself)."""
    deployments = case.deployments
    if not any(d.staff or d.teams is not None for d in deployments):
        # no deployment counts its own staff or teams: the first of each product carries them all
        everything = frozenset((ORGANISATION, TEAMS) + ROLES)
        seen: set[str] = set()
        out = []
        for d in deployments:
            out.append(frozenset() if d.product in seen else everything)
            seen.add(d.product)
        return out
    drivers = (ORGANISATION, TEAMS) + ROLES
    taken: set[tuple[str, str]] = set()
    out = []
    for d in deployments:
        mine = set()
        own = own_drivers(d)
        for name in drivers:
            if name in own or (d.product, name) in taken:
                continue
            taken.add((d.product, name))
            mine.add(name)
        out.append(frozenset(mine))
    return out


def charged_here(line: Item | TimeLine, dep: Deployment, carries: frozenset[str]) -> bool:
    """Is this line charged with this deployment? A line that is not on a driver always is; one on a
    driver the deployment counts itself too; one on an organisation-wide count when it carries it.
    An item with its own quantity in the case is always charged (it is the deployment's own), and so is
    a line the case file gives this deployment (``items:``, ``time:`` under it)."""
    if line.deployment_only or (isinstance(line, Item) and line.id in dep.quantities):
        return True
    name = driver(line)
    if name is None:
        return True
    return own_count(dep, name) is not None or name in carries


def drivers_here(product: Product, dep: Deployment, carries: frozenset[str]) -> set[str]:
    """The teams and roles whose lines (per team, per head) this deployment is charged, on its own
    counts or the organisation's."""
    lines = list(active_items(product, dep)) + active_time(product, dep)
    used = {driver(x) for x in lines if not (isinstance(x, Item) and x.id in dep.quantities)}
    return {d for d in used - {None, ORGANISATION} if own_count(dep, d) is not None or d in carries}


def charged_time(product: Product, dep: Deployment, carries: frozenset[str],
                 counted_only: bool = True) -> list[TimeLine]:
    """The time lines in force that are charged with this deployment (``active_time``, ``charged_here``)."""
    return [t for t in active_time(product, dep, counted_only) if charged_here(t, dep, carries)]


def price_year(line: Item | TimeLine, product: Product, dep: Deployment) -> int | None:
    """The price level of a line's price: the case's quote's year, a line the case writes itself its own
    year (or its own product's), a catalogue line its product's; None where the case does not say."""
    if line.id in dep.prices:
        quote = dep.quotes.get(line.id)
        return quote.price_year if quote is not None else None
    if isinstance(line, TimeLine):
        return None if line.origin == "case" else product.price_year  # hours: the case's own have no price
    if line.origin == "case":
        return line.price_year or (product.price_year if product.origin == "case" else None)
    return level_year(line, product)


def level_year(item: Item, product: Product) -> int:
    """The price year of a catalogue item's own figures: its own (a version from a newer price list),
    else its product's."""
    return item.price_year or product.price_year


def is_unit_based(item: Item, dep: Deployment) -> bool:
    """The quantity follows the units in use (per unit or per placement), unless the case fixes it."""
    return item.basis in ("unit", "deployment") and item.id not in dep.quantities


def asset(item: Item, dep: Deployment) -> Asset | None:
    """The lifetime and residual value of an item bought outright: the case's, else the catalogue's;
    None for an item without a lifetime (its purchase is a one-off cost, never repeated)."""
    if item.id in dep.assets:
        return dep.assets[item.id]
    if item.lifetime is not None:
        return Asset(item.lifetime, item.residual if item.residual is not None else ZERO)
    return None


def effective_clients(dep: Deployment) -> tuple[int, ...]:
    """Clients per contract year, none after the contract's exit year."""
    exit_year = dep.contract.exit_year
    if exit_year is None:
        return dep.clients
    return tuple(c if k < exit_year else 0 for k, c in enumerate(dep.clients))


def block_clients(dep: Deployment, blocks: tuple = ()) -> tuple[int, ...]:
    """Clients in use per block of the horizon (``bcalc.core.horizon.blocks``: (contract year, phase,
    first month) each), none after the contract's exit year: the deployment's clients of the phase where
    it gives them per phase, else of the contract year. Without blocks: per contract year."""
    if not blocks:
        return effective_clients(dep)
    exit_year = dep.contract.exit_year
    per_phase = dep.phase_clients
    base = dep.phase_base
    moved = base is not None and dep.clients != base
    out = []
    for k, p, _ in blocks:
        if per_phase is not None and p < len(per_phase) and per_phase[p] is not None:
            n = per_phase[p]
            if moved:   # an analysis changed the clients per year: the phase's in proportion, half up
                was, now = base[k], dep.clients[k]
                n = now if was == 0 else (2 * n * now + was) // (2 * was)
        else:
            n = dep.clients[k]
        out.append(0 if exit_year is not None and k >= exit_year else n)
    return tuple(out)


def client_months(deployments, case: Case | None = None) -> int:
    """Client-months in use: the clients per contract year times 12, none after a contract's exit year;
    in a case with phases (``case``) the clients of each block (a contract year within one phase) times
    its months."""
    deployments = list(deployments)
    if case is None or not case.phases:
        return sum(sum(effective_clients(d)) * 12 for d in deployments)
    from bcalc.core.calendar import horizon
    from bcalc.core.horizon import blocks, segments

    found = blocks(segments(horizon(case.start_year, case.start_month, case.years), case.phase_starts))
    firsts = [b[2] for b in found] + [case.years * 12]
    lengths = [firsts[i + 1] - firsts[i] for i in range(len(found))]
    return sum(n * months for d in deployments for n, months in zip(block_clients(d, found), lengths))


def commitment_years(dep: Deployment, years: int) -> int:
    """How many contract years fixed costs run (from the start)."""
    c = dep.contract
    if c.exit_year is None:
        return max(years, c.term or 0)
    return max(c.exit_year, c.term or 0)


def is_consumable(item: Item) -> bool:
    """Used up as it is used: it stops when use stops, and is no fixed cost that runs on."""
    return item.basis in CONSUMABLE_BASES


def charge_years(item: Item, dep: Deployment, years: int) -> int:
    """How many contract years a charge that does not follow the units runs: a consumable until use
    stops (the exit year, else the horizon); a licence, maintenance or subscription as long as the
    organisation is committed (commitment_years)."""
    if is_consumable(item):
        return dep.contract.exit_year if dep.contract.exit_year is not None else years
    return commitment_years(dep, years)


def minimum_years(dep: Deployment, years: int) -> int:
    """How many contract years a minimum volume is billed: the term, else until the exit, else the horizon."""
    c = dep.contract
    if c.term is not None:
        return c.term
    return c.exit_year if c.exit_year is not None else years


def usage_quantity(item: Item, dep: Deployment, case: Case) -> Decimal | None:
    """The fixed quantity of an item that does not follow the units: the case's, the source's, one
    for the organisation, the teams, or the heads of its role; None when nothing gives it."""
    if item.id in dep.quantities:
        return dep.quantities[item.id]
    if item.basis in USAGE_BASES:
        return item.quantity
    if item.basis == "organisation":
        return ONE
    if item.basis == "team":
        teams = dep.teams if dep.teams is not None else case.teams
        return dec(teams) if teams is not None else None
    if item.basis == "role":
        own = dep.staff.get(item.role or "")
        if own is not None:
            return dec(own)
        role = case.staff.get(item.role or "")
        return dec(role.count) if role else None
    return None


def heads(line: TimeLine, dep: Deployment, case: Case) -> Decimal:
    """How many times a time line's hours count: the case's quantity, the role's heads, the teams, or
    once; the deployment's own heads and teams where it counts them itself."""
    if line.id in dep.quantities:
        return dep.quantities[line.id]
    if line.per == "head":
        own = dep.staff.get(line.role or "")
        return dec(own if own is not None else case.staff[line.role].count)
    if line.per == "team":
        return dec(dep.teams if dep.teams is not None else (case.teams or 0))
    return ONE


def phase_counts(line: Item | TimeLine, dep: Deployment, case: Case) -> tuple[int, ...] | None:
    """The teams or heads per phase of the case that a line per team or per head of a role is counted
    on, where the case (or the deployment that counts them itself) gives them per phase; None where
    they are one number (or the case fixes the line's quantity)."""
    if not case.phases or line.id in dep.quantities:
        return None
    name = driver(line)
    if name == TEAMS:
        return dep.phase_teams if dep.teams is not None else case.phase_teams
    if name is None or name == ORGANISATION:
        return None
    if name in dep.staff:
        return dep.phase_staff.get(name)
    role = case.staff.get(name)
    return role.phase_count if role is not None else None


def added_per_phase(counts: tuple[int, ...]) -> tuple[int, ...]:
    """The teams or heads added at the start of each phase: all of them in the first, then the rise over
    the phase before (none where they go down: nothing is refunded, and those that come back are added
    again, as units are)."""
    return tuple(n if p == 0 else max(0, n - counts[p - 1]) for p, n in enumerate(counts))


def tier_index(item: Item, count: int, years: int) -> int | None:
    """The staffel tier that applies: the first whose conditions hold (None: no tier applies)."""
    for i, tier in enumerate(item.tiers):
        if tier.min_units is not None and count < tier.min_units:
            continue
        if tier.min_years is not None and years < tier.min_years:
            continue
        return i
    return None


def tier_years(dep: Deployment, case: Case) -> int:
    """The years a term staffel ("bij een contract van 5 jaar") is measured on: the deployment's
    contract term where the case gives one, else the horizon."""
    return dep.contract.term if dep.contract.term is not None else case.years


def tier_count(item: Item, dep: Deployment, case: Case) -> int:
    """What a staffel is counted on: the peak number of units, or the item's own quantity."""
    if item.tier_on == "units":
        return max(dep.clients) if dep.clients else 0
    return int(usage_quantity(item, dep, case) or 0)


__all__ = ["USAGE_BASES", "CONSUMABLE_BASES", "active_options", "is_active", "belongs", "active_items", "active_time", "day_hours", "counted_as",
           "asset", "price_year", "level_year",
           "ORGANISATION", "TEAMS", "driver", "own_count", "own_drivers", "carried", "charged_here", "charged_time", "drivers_here", "is_unit_based", "is_consumable", "effective_clients", "block_clients", "client_months",
           "commitment_years", "charge_years", "minimum_years", "usage_quantity", "heads", "phase_counts", "added_per_phase", "tier_index", "tier_years", "tier_count"]
