"""The estimate: costs, VAT, funding and net result per calendar year for one case.

The engine works month by month over the horizon and reports calendar years. One line is
(deployment, item, category, calendar year): its exact monthly amounts are summed and rounded
half-up to cents once; VAT is computed from that rounded amount and rounded once; every total
is a sum of rounded lines (see the interface, sections 5 and 6).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal, localcontext
from fractions import Fraction

from bcalc.core.calendar import Month, calendar_years, horizon
from bcalc.core.indexation import anniversary_rates, calendar_factors, effective_series, price_factors, rates_used
from bcalc.core.notices import Notices
from bcalc.models import (
    BenefitResult,
    Case,
    Catalogue,
    Deployment,
    FundingResult,
    Item,
    Line,
    Part,
    Price,
    Product,
    ProductTotals,
    Result,
    Tariffs,
    Totals,
    TimeLine,
    YearRow,
)
from bcalc.money import ONE, WIDE, ZERO, dec, round_cents

PRICE_ENDS = ("low", "mid", "high")
USAGE_BASES = ("hour", "minute", "pack", "piece")
WEEKS_PER_MONTH = Fraction(52, 12)


@dataclass
class _Acc:
    """Exact running sum of one line before rounding."""

    amount: Decimal | Fraction = ZERO
    quantity: Decimal | Fraction = ZERO
    parts: dict = field(default_factory=dict)  # unit price -> quantity
    spread: Decimal = ZERO                     # high end minus low end of a quoted range, same quantities


class EstimateError(ValueError):
    """A case that loads but cannot be computed (should have been caught by the loader)."""


def estimate(case: Case, catalogue: Catalogue, tariffs: Tariffs, scenario: str | None = None,
             prices: str = "mid", checks: bool = True) -> Result:
    """Compute a case. ``scenario`` overrides the case's indexation scenario; ``prices`` picks
    the low end, midpoint or high end of quoted ranges. With ``checks`` the result also carries
    the contract checks (points of attention) and what is owed after the horizon."""
    if prices not in PRICE_ENDS:
        raise EstimateError(f"prices must be one of {PRICE_ENDS}")
    # One wide context for the whole calculation: indexation factors and exact sums keep all digits.
    with localcontext(WIDE):
        result = _estimate(case, catalogue, tariffs, scenario, prices)
        from bcalc.core.finance import investment

        if not checks:
            return replace(result, investment=investment(result))
        from bcalc.core.checks import contract_checks, discount_notices, owed_after_horizon

        def run(c: Case, p: str, s: str | None) -> Result:
            return _estimate(c, catalogue, tariffs, s, p)

        result = replace(result, owed_after_horizon=owed_after_horizon(case, catalogue, tariffs, result, run),
                         investment=investment(result, lambda c: run(c, prices, scenario)))
        extra = contract_checks(case, catalogue, tariffs, result, run) + discount_notices(case, tariffs, result)
        return replace(result, warnings=result.warnings + extra)


def _estimate(case: Case, catalogue: Catalogue, tariffs: Tariffs, scenario: str | None, prices: str) -> Result:
    scenario_name = scenario or case.scenario
    if scenario_name not in tariffs.scenarios:
        raise EstimateError(f"unknown scenario {scenario_name!r}")
    series = effective_series(case, tariffs.scenarios[scenario_name])
    months = horizon(case.start_year, case.start_month, case.years)
    years = calendar_years(months)
    wage_f = calendar_factors(years[0], years[-1], series["wages"])
    tariff_f = calendar_factors(years[0], years[-1], series["tariffs"])
    notices = Notices()
    recoverable = case.vat_recoverable

    lines: list[Line] = []
    flows = [ZERO] * len(months)  # exact net flow per month, for payback
    for d_index, dep in enumerate(case.deployments):
        product = catalogue.products[dep.product]
        p_factors = price_factors(months, series["prices"], dep.index_cap)
        accs: dict[tuple, _Acc] = {}
        meta: dict[tuple, tuple] = {}
        first = is_first_of_product(case, d_index)
        if not first:
            notices.add("shared", f"{product.name} komt vaker voor: kosten per organisatie, team of medewerker en de "
                                  f"interne uren staan bij de eerste inzet van dit product",
                        f"{product.name} appears more than once: costs per organisation, team or employee and the "
                        f"internal hours are counted with its first deployment")
        _supplier_items(case, dep, product, months, p_factors, prices, notices, accs, meta, tariffs, flows, first)
        if first:
            _time_lines(case, dep, product, months, wage_f, prices, notices, accs, meta, flows)
        for key, acc in accs.items():
            lines.append(_close_line(d_index, product, key, acc, meta[key], recoverable))
        _product_notices(product, dep, notices, catalogue)
    funding = _funding(case, tariffs, months, tariff_f, flows)
    if case.funding:
        stop = funding_stop(case)
        if stop is not None:
            notices.add("funding_stop", f"Alle inzetten stoppen na contractjaar {stop}: financiering per cliënt "
                                        f"stopt dan en latere subsidies vervallen",
                        f"Every deployment stops after contract year {stop}: funding per client stops then and later "
                        f"subsidies lapse")
        elif any(d.contract.exit_year is not None for d in case.deployments):
            notices.add("funding_exit", "Een inzet stopt eerder (exit_year), maar de financieringsregels houden hun "
                                        "eigen aantallen cliënten: controleer of die financiering doorloopt",
                        "A deployment stops early (exit_year), but the funding lines keep their own client counts: "
                        "check whether that funding continues")
    price_cal = calendar_factors(years[0], years[-1], series["prices"])
    benefits = _benefits(case, months, wage_f, price_cal, notices, flows)
    result = _assemble(case, scenario_name, prices, months, years, lines, funding, notices, series, tariffs,
                       catalogue, benefits)
    return replace(result, monthly_net=tuple(flows))


# ---- supplier items -------------------------------------------------------------------


def active_options(product: Product, dep: Deployment) -> set[str]:
    active = set(dep.options)
    for ch in product.choices:
        if ch.default and not active.intersection(ch.options):
            active.add(ch.default)
    return active


def effective_clients(dep: Deployment) -> tuple[int, ...]:
    """Clients per contract year, none after the contract's exit year."""
    exit_year = dep.contract.exit_year
    if exit_year is None:
        return dep.clients
    return tuple(c if k < exit_year else 0 for k, c in enumerate(dep.clients))


def commitment_years(dep: Deployment, years: int) -> int:
    """How many contract years fixed costs and minimum volumes run (from the start)."""
    c = dep.contract
    if c.exit_year is None:
        return max(years, c.term or 0)
    return max(c.exit_year, c.term or 0)


def minimum_years(dep: Deployment, years: int) -> int:
    """How many contract years a minimum volume is billed: the term, else until the exit, else the horizon."""
    c = dep.contract
    if c.term is not None:
        return c.term
    return c.exit_year if c.exit_year is not None else years


def _unit_counts(dep: Deployment, months: tuple[Month, ...]):
    """Units in use, billed (with a contract minimum), new and removed, per month."""
    clients = effective_clients(dep)
    c = dep.contract
    commit = minimum_years(dep, len(months) // 12)
    in_use = [clients[m.contract_year] for m in months]
    billed = [max(n, c.min_clients) if c.min_clients is not None and m.contract_year < commit else n
              for n, m in zip(in_use, months)]
    new = [0] * len(months)
    removed = [0] * len(months)
    for m in months:
        if m.index == 0:
            new[0] = clients[0]
        elif m.index % 12 == 0:
            k = m.contract_year
            diff = clients[k] - clients[k - 1]
            if diff > 0:
                new[m.index] = diff
            else:
                removed[m.index] = -diff
    return in_use, billed, new, removed


def _pick_price(item: Item, dep: Deployment, case: Case, end: str, count: int, notices: Notices,
                product: Product) -> tuple[Decimal | None, str, Price | None, str]:
    """The unit price (euros, as quoted), the source line it comes from, the quoted price and the tier."""
    if item.id in dep.prices:
        return dep.prices[item.id], "case", None, ""
    if item.included:
        return ZERO, item.source, None, ""
    price = item.price
    source = item.source
    tier_label = ""
    if item.tiers:
        index = tier_index(item, count, case.years)
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
    return value, source, price, tier_label


def tier_index(item: Item, count: int, years: int) -> int | None:
    """The staffel tier that applies: the first whose conditions hold (None: no tier applies)."""
    for i, tier in enumerate(item.tiers):
        if tier.min_units is not None and count < tier.min_units:
            continue
        if tier.min_years is not None and years < tier.min_years:
            continue
        return i
    return None


def tier_count(item: Item, dep: Deployment, case: Case) -> int:
    """What a staffel is counted on: the peak number of units, or the item's own quantity."""
    if item.tier_on == "units":
        return max(dep.clients) if dep.clients else 0
    return int(usage_quantity(item, dep, case) or 0)


def unit_price(item: Item, dep: Deployment, case: Case, end: str, product: Product) -> Decimal | None:
    """The euro price the engine uses for an item in year 1 (before indexation)."""
    value, *_ = _pick_price(item, dep, case, end, tier_count(item, dep, case), Notices(), product)
    return value


def usage_quantity(item: Item, dep: Deployment, case: Case) -> Decimal | None:
    if item.id in dep.quantities:
        return dep.quantities[item.id]
    if item.basis in USAGE_BASES:
        return item.quantity
    if item.basis == "organisation":
        return ONE
    if item.basis == "team":
        return dec(case.teams) if case.teams is not None else None
    if item.basis == "role":
        role = case.staff.get(item.role or "")
        return dec(role.count) if role else None
    return None


def _cost_factor(quoted: str, vat_rate: Decimal, recoverable: Decimal) -> Decimal:
    """Cost incl. non-recoverable VAT per euro of the quoted price."""
    keep = ONE - recoverable
    if quoted == "incl":
        return (ONE + vat_rate * keep) / (ONE + vat_rate)
    return ONE + vat_rate * keep


def is_first_of_product(case: Case, d_index: int) -> bool:
    """Organisation-wide costs of a product (implementation, licences per employee, training hours)
    are counted once: with the first deployment of that product."""
    product = case.deployments[d_index].product
    return all(d.product != product for d in case.deployments[:d_index])


SHARED_BASES = ("organisation", "team", "role")


def _supplier_items(case, dep, product, months, p_factors, end, notices, accs, meta, tariffs, flows,
                    first: bool = True) -> None:
    active = active_options(product, dep)
    in_use, billed, new, removed = _unit_counts(dep, months)
    running = commitment_years(dep, case.years)  # fixed costs run in contract years below this
    peak = max(dep.clients) if dep.clients else 0
    for item in product.items:
        if item.options and not active.intersection(item.options):
            continue
        if not first and item.basis in SHARED_BASES and item.id not in dep.quantities:
            continue
        unit_based = item.basis in ("unit", "deployment") and item.id not in dep.quantities
        fixed_q = None if unit_based else usage_quantity(item, dep, case)
        if not unit_based and fixed_q is None:
            notices.no_quantity(product, item)
            continue
        count = peak if item.tier_on == "units" else int(fixed_q or 0)
        if item.packs:
            _packs(item, dep, product, months, p_factors, fixed_q, notices, accs, meta, tariffs, running, flows,
                   case.vat_recoverable)
            continue
        unit_price, source, quoted_price, tier_label = _pick_price(item, dep, case, end, count, notices, product)
        written = "inclusief" if item.included and source != "case" else (quoted_price.written if quoted_price else "")
        if unit_price is None:
            notices.no_amount(product, item)
            continue
        vat_rate = dep.vat_rates.get(item.id, item.vat_rate if item.vat_rate is not None else tariffs.vat_standard)
        quoted = "incl" if item.vat == "incl" else "excl"
        to_cost = _cost_factor(quoted, vat_rate, case.vat_recoverable)
        width = ZERO
        if quoted_price is not None and quoted_price.is_range:
            width = quoted_price.high - quoted_price.low
            if item.currency != "EUR":
                width *= case.fx[item.currency]
        for m in months:
            if m.contract_year + 1 < item.from_year:
                continue
            if not unit_based and m.contract_year >= running and item.timing not in ("one_off", "per_new_unit"):
                continue
            q = _quantity_in_month(item, m, unit_based, fixed_q, billed, new, removed)
            if not q:
                continue
            price = unit_price * p_factors[m.contract_year]
            key = (item.id, item.category, m.year)
            acc = accs.get(key)
            if acc is None:
                acc = accs[key] = _Acc()
                meta[key] = ("supplier", item.label, source, None, vat_rate, quoted, written, item.id, item.vat,
                             tier_label)
            acc.amount += q * price
            acc.quantity += q
            acc.parts[price] = acc.parts.get(price, ZERO) + q
            flows[m.index] -= q * price * to_cost
            if width:
                acc.spread += q * width * p_factors[m.contract_year]


def _quantity_in_month(item: Item, m: Month, unit_based: bool, fixed_q, in_use, new, removed) -> Decimal | int:
    timing = item.timing
    if unit_based:
        if timing in ("per_new_unit", "one_off"):
            return new[m.index]
        if timing == "at_removal":
            return removed[m.index]
        if timing == "monthly":
            return in_use[m.index]
        if timing == "yearly":
            return in_use[m.index] if m.index % 12 == 0 else 0
        if timing == "daily":
            return in_use[m.index] * m.days
        raise EstimateError(f"unknown timing {timing}")
    if timing in ("one_off", "per_new_unit"):
        return fixed_q if m.index == 0 else 0
    if timing == "at_removal":
        return fixed_q if removed[m.index] else 0
    if timing == "monthly":
        return fixed_q
    if timing == "yearly":
        return fixed_q if m.index % 12 == 0 else 0
    if timing == "daily":
        return fixed_q * m.days
    raise EstimateError(f"unknown timing {timing}")


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


def _packs(item, dep, product, months, p_factors, fixed_q, notices, accs, meta, tariffs, running, flows,
           recoverable) -> None:
    needed = int(fixed_q) if fixed_q is not None else 0
    if fixed_q is None or fixed_q != needed:
        notices.no_quantity(product, item)
        return
    combo = cheapest_packs(needed, item.packs) if needed else {}
    vat_rate = dep.vat_rates.get(item.id, item.vat_rate if item.vat_rate is not None else tariffs.vat_standard)
    quoted = "incl" if item.vat == "incl" else "excl"
    to_cost = _cost_factor(quoted, vat_rate, recoverable)
    notices.packs(product, item, needed, combo)
    for pack in item.packs:
        count = combo.get(pack.size, 0)
        if not count:
            continue
        sub_id = f"{item.id}-{pack.size}"
        label = f"{item.label} ({pack.size} st.)"
        for m in months:
            if m.contract_year >= running and item.timing not in ("one_off", "per_new_unit"):
                continue
            q = _quantity_in_month(item, m, False, dec(count), [], [], [0] * len(months))
            if not q:
                continue
            price = pack.price.pick("mid") * p_factors[m.contract_year]
            key = (sub_id, item.category, m.year)
            acc = accs.get(key)
            if acc is None:
                acc = accs[key] = _Acc()
                meta[key] = ("supplier", label, item.source, None, vat_rate, quoted, pack.price.written, item.id,
                             item.vat, "")
            acc.amount += q * price
            acc.quantity += q
            acc.parts[price] = acc.parts.get(price, ZERO) + q
            flows[m.index] -= q * price * to_cost


# ---- internal time --------------------------------------------------------------------


def phase_hours(line: TimeLine, end: str, notices: Notices, product: Product, n_months: int) -> list[Fraction]:
    """Hours per month of the horizon for one head (or one organisation, or one team)."""
    hours = [Fraction(0)] * n_months
    if line.hours is not None:
        value = line.hours.pick(end)
        notices.hours_used(product, line, line.hours, end, value)
        hours[0] += Fraction(value)
        return hours
    cursor = Fraction(0)  # months elapsed since the start, as a fraction
    for phase in line.phases:
        per_week = Fraction(phase.hours_per_week.pick(end))
        notices.hours_used(product, line, phase.hours_per_week, end, phase.hours_per_week.pick(end))
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


def _time_lines(case, dep, product, months, wage_f, end, notices, accs, meta, flows) -> None:
    active = active_options(product, dep)
    for line in product.time:
        if not line.counted or (line.options and not active.intersection(line.options)):
            continue
        role = case.staff[line.role]
        if line.id in dep.quantities:
            heads = Fraction(dep.quantities[line.id])
        elif line.per == "head":
            heads = Fraction(role.count)
        elif line.per == "team":
            heads = Fraction(case.teams or 0)
        else:
            heads = Fraction(1)
        if not heads:
            continue
        per_month = phase_hours(line, end, notices, product, len(months))
        if role.rate is None:
            notices.unvalued(product, line, sum(per_month) * heads)
            continue
        for m in months:
            if not per_month[m.index]:
                continue
            h = per_month[m.index] * heads
            rate = role.rate * wage_f[m.year]
            key = (line.id, line.category, m.year)
            acc = accs.get(key)
            if acc is None:
                acc = accs[key] = _Acc(amount=Fraction(0), quantity=Fraction(0))
                meta[key] = ("internal", line.label, line.source, line.role, None, "excl", line.written, line.id,
                             "", "")
            acc.amount += h * Fraction(rate)
            flows[m.index] -= dec(h * Fraction(rate))
            acc.quantity += h
            acc.parts[rate] = acc.parts.get(rate, Fraction(0)) + h


# ---- lines, VAT -----------------------------------------------------------------------


def _close_line(d_index: int, product: Product, key: tuple, acc: _Acc, meta: tuple, recoverable: Decimal) -> Line:
    item_id, category, year = key
    kind, label, source, role, vat_rate, quoted, written, base_item, vat_written, tier_label = meta
    extra = {"written": written, "base_item": base_item, "vat_written": vat_written, "tier_label": tier_label,
             "range_spread": round_cents(acc.spread) if acc.spread else ZERO}
    parts = tuple(Part(quantity=_as_dec(q), unit_price=p) for p, q in acc.parts.items())
    unit_price = parts[0].unit_price if len(parts) == 1 else None
    if kind == "internal":
        return Line(d_index, product.id, item_id, label, "training" if category == "training" else "internal", year,
                    _as_dec(acc.quantity), unit_price, round_cents(acc.amount), ZERO, source, kind="internal",
                    role=role, parts=parts if len(parts) > 1 else (), **extra)
    keep = ONE - recoverable
    if quoted == "incl":
        gross = round_cents(acc.amount)
        excl = round_cents(gross / (ONE + vat_rate))
        vat = round_cents((gross - excl) * keep)
    else:
        excl = round_cents(acc.amount)
        vat = round_cents(excl * vat_rate * keep)
    return Line(d_index, product.id, item_id, label, category, year, _as_dec(acc.quantity), unit_price, excl, vat,
                source, kind="supplier", vat_rate=vat_rate, quoted=quoted, parts=parts if len(parts) > 1 else (),
                **extra)


def _as_dec(value) -> Decimal:
    return dec(value) if isinstance(value, Fraction) else value


# ---- funding --------------------------------------------------------------------------


def funding_stop(case: Case) -> int | None:
    """The contract year after which the organisation has stopped everywhere (every deployment has
    an exit year): funding per client stops then and later subsidies lapse."""
    exits = [d.contract.exit_year for d in case.deployments]
    if exits and all(e is not None for e in exits):
        return max(exits)  # type: ignore[type-var]
    return None


def _funding(case: Case, tariffs: Tariffs, months, tariff_f, flows) -> list[FundingResult]:
    out: list[FundingResult] = []
    stop = funding_stop(case)
    for f_index, line in enumerate(case.funding):
        if stop is not None and line.year is not None and line.year > stop:
            continue
        code = tariffs.funding[line.code]
        label = line.label or (code.name if code.kind == "subsidy" else f"{code.code} {code.name}")
        per_year: dict[int, list] = {}
        if code.kind == "subsidy":
            month = months[(line.year - 1) * 12]
            flows[month.index] += line.amount
            out.append(FundingResult(f_index, code.code, label, month.year, round_cents(line.amount), ONE, None,
                                     "case"))
            continue
        for m in months:
            clients = line.clients[m.contract_year]
            if not clients or (stop is not None and m.contract_year >= stop):
                continue
            if code.kind == "hourly":
                base = line.tariff if line.tariff is not None else _sourced_tariff(code, case)
                qty = clients * line.hours_per_month
                rate = base * tariff_f[m.year]
            else:  # vpt: a share of the day rate for every day in use
                qty = dec(clients * m.days)
                rate = line.day_rate * tariff_f[m.year] * line.technology_share
            acc = per_year.setdefault(m.year, [ZERO, ZERO, rate])
            acc[0] += qty * rate
            acc[1] += qty
            flows[m.index] += qty * rate
        for year, (amount, qty, *rest) in sorted(per_year.items()):
            out.append(FundingResult(f_index, code.code, label, year, round_cents(amount), qty,
                                     rest[0] if rest else None,
                                     "case" if line.tariff is not None or code.kind == "vpt" else code.source))
    return out


def _sourced_tariff(code, case: Case) -> Decimal:
    year = case.start_year
    assert year in code.tariffs, f"the loader lets no case through without a tariff for {code.code} in {year}"
    return code.tariffs[year]


# ---- benefits -------------------------------------------------------------------------

MINUTES = Fraction(60)


def _per_month(per: str, m: Month) -> Fraction:
    """How many of the benefit's periods one calendar month holds."""
    if per == "day":
        return Fraction(m.days)
    if per == "week":
        return WEEKS_PER_MONTH
    if per == "year":
        return Fraction(1, 12)
    return Fraction(1)


def _benefits(case: Case, months, wage_f, price_f, notices: Notices, flows) -> list[BenefitResult]:
    """Benefits per benefit and calendar year: time valued at the role's rate (indexed with wages),
    or avoided cost (indexed with prices each 1 January), times the clients it follows and the
    share realised; one rounding per benefit and year.

    Exact sums are taken per segment (a calendar year within a contract year), where clients and
    factors are constant; the monthly flows for payback follow the same values month by month."""
    out: list[BenefitResult] = []
    for b_index, b in enumerate(case.benefits):
        clients = b.clients if b.clients is not None else effective_clients(case.deployments[b.deployment])
        share = Fraction(b.realisation)
        role = case.staff.get(b.role or "") if b.kind == "time" else None
        valued = b.kind != "time" or (role is not None and role.rate is not None)
        if b.kind == "time":
            per_period = Fraction(b.minutes) / MINUTES if b.minutes is not None else Fraction(b.hours)
        else:
            per_period = Fraction(b.amount)
        counts: dict[tuple[int, int], list[int]] = {}  # (year, contract year) -> [months, days]
        for m in months:
            c = counts.setdefault((m.year, m.contract_year), [0, 0])
            c[0] += 1
            c[1] += m.days
        per_year: dict[int, list] = {}
        for (year, k), (n_months, n_days) in counts.items():
            periods = Fraction(n_days) if b.per == "day" else n_months * _per_month(b.per, months[0])
            n = clients[k]
            if not n:
                continue
            acc = per_year.setdefault(year, [Fraction(0), Fraction(0)])
            quantity = periods * n * share * per_period  # hours, or euros before indexation
            if b.kind == "time":
                acc[1] += quantity
                if valued:
                    acc[0] += quantity * Fraction(role.rate * wage_f[year])
            else:
                acc[0] += quantity * Fraction(price_f[year])
        if valued:
            unit = dec(share * per_period)
            fixed = None if b.per == "day" else dec(_per_month(b.per, months[0]))
            for m in months:
                n = clients[m.contract_year]
                if not n:
                    continue
                factor = role.rate * wage_f[m.year] if b.kind == "time" else price_f[m.year]
                flows[m.index] += (m.days if fixed is None else fixed) * n * unit * factor
        for year, (value, hours) in sorted(per_year.items()):
            out.append(BenefitResult(b_index, b.label, year, round_cents(value), dec(hours), b.cashable, b.source))
        if not valued:
            notices.benefit_unvalued(b, sum((dec(h) for _, h in per_year.values()), ZERO))
        if b.vendor_claim:
            notices.vendor_claim(b)
    return out


# ---- assembly -------------------------------------------------------------------------


def _totals(lines, funding_amount: Decimal = ZERO, benefits=()) -> Totals:
    sums = {"one_off": ZERO, "recurring": ZERO, "training": ZERO, "internal": ZERO}
    vat = ZERO
    for ln in lines:
        sums[ln.category] += ln.excl_vat
        vat += ln.vat
    value = sum((b.amount for b in benefits), ZERO)
    cashable = sum((b.amount for b in benefits if b.cashable), ZERO)
    return Totals(vat=vat, funding=funding_amount, benefits=value, cashable=cashable, **sums)


def _assemble(case, scenario_name, end, months, years, lines, funding, notices, series, tariffs, catalogue,
              benefits) -> Result:
    lines.sort(key=lambda ln: (ln.year, ln.deployment, _cat_order(ln.category), ln.kind != "supplier", ln.item))
    per_year = []
    for y in years:
        y_lines = [ln for ln in lines if ln.year == y]
        y_funding = sum((f.amount for f in funding if f.year == y), ZERO)
        per_year.append(YearRow(year=y, months=sum(1 for m in months if m.year == y),
                                totals=_totals(y_lines, y_funding, [b for b in benefits if b.year == y])))
    total = _totals(lines, sum((f.amount for f in funding), ZERO), benefits)
    products = []
    for d_index, dep in enumerate(case.deployments):
        product = catalogue.products[dep.product]
        products.append(ProductTotals(d_index, product.id, product.name,
                                      _totals([ln for ln in lines if ln.deployment == d_index])))
    caps = [dep.index_cap for dep in case.deployments]
    rates = {
        "prices": anniversary_rates(months, series["prices"]),
        "wages": rates_used(months, series["wages"]),
        "tariffs": rates_used(months, series["tariffs"]),
    }
    if any(c is not None for c in caps):
        notices.caps(case, rates["prices"], [catalogue.products[d.product].name for d in case.deployments])
    price_years = tuple(sorted({catalogue.products[d.product].price_year for d in case.deployments}))
    notices.price_level(price_years, case)
    return Result(case=case, scenario=scenario_name, prices_end=end, per_year=tuple(per_year), total=total,
                  products=tuple(products), lines=tuple(lines), funding=tuple(funding),
                  warnings=notices.all(), rates=rates, vat_rate=tariffs.vat_standard, price_years=price_years,
                  benefits=tuple(benefits))


def _cat_order(category: str) -> int:
    return ("one_off", "recurring", "training", "internal").index(category)


def _product_notices(product: Product, dep: Deployment, notices: Notices, catalogue: Catalogue) -> None:
    active = active_options(product, dep)
    for item in product.items:
        if item.options and not active.intersection(item.options):
            continue
        if item.id in dep.prices:
            continue
        if item.ambiguous:
            notices.ambiguous(product, item.id, item.label, item.note, item.source)
        if item.vat == "not_stated" and not item.included and item.has_amount:
            notices.vat_not_stated(product, item)
        if item.price is not None and item.price.bound:
            notices.bound(product, item, item.price.bound)
    for line in product.time:
        if line.options and not active.intersection(line.options):
            continue
        if line.ambiguous and line.counted:
            notices.ambiguous(product, line.id, line.label, line.note, line.source)
