"""The estimate: costs, VAT, funding and net result per calendar year for one case.

The path of the numbers: ``bcalc.core.plan`` turns each deployment into charges (which items and
time lines, on what quantity, at what year-1 price and VAT); this module evaluates the charges
over the horizon, adds funding and benefits, and totals the lines. The horizon is worked in
segments, the parts of a contract year that fall in one calendar year, in which the units, the
price factor and the wage and tariff factors are constant; a monthly item costs its quantity times
the segment's months, a daily one times its days, and yearly, one-off, new-unit and removal items
fall in the first month of a contract year. One line is (deployment, item, category, calendar
year): its exact amounts are summed and rounded half-up to cents once; VAT is computed from that
rounded amount and rounded once (bcalc.core.vat); every total is a sum of rounded lines (see the
interface, sections 5 and 6). The exact net flow per month is kept for payback.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal, localcontext
from fractions import Fraction

from bcalc.core import selection, vat
from bcalc.core.calendar import Month, calendar_years, horizon
from bcalc.core.indexation import anniversary_rates, calendar_factors, effective_series, price_factors, rates_used
from bcalc.core.notices import Notices
from bcalc.core.plan import WEEKS_PER_MONTH, Charge, DeploymentPlan, TimeCharge, plan_deployment, term
from bcalc.models import (
    BenefitResult,
    Case,
    Catalogue,
    Deployment,
    FundingResult,
    Line,
    Part,
    Product,
    ProductTotals,
    RateSeries,
    Result,
    Tariffs,
    Totals,
    YearRow,
)
from bcalc.money import ONE, WIDE, ZERO, dec, round_cents

PRICE_ENDS = ("low", "mid", "high")


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


# ---- the horizon in segments -------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """The months of one contract year that fall in one calendar year."""

    contract_year: int            # 0-based
    year: int                     # calendar year
    months: tuple[int, ...]       # indices into the horizon
    days: tuple[int, ...]         # days of each of those months
    starts: bool                  # holds the first month of its contract year

    @property
    def first(self) -> int:
        return self.months[0]

    @property
    def n_months(self) -> int:
        return len(self.months)

    @property
    def n_days(self) -> int:
        return sum(self.days)


def segments(months: tuple[Month, ...]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    group: list[Month] = []
    for m in months:
        if group and (m.contract_year != group[0].contract_year or m.year != group[0].year):
            out.append(_segment(group))
            group = []
        group.append(m)
    if group:
        out.append(_segment(group))
    return tuple(out)


def _segment(group: list[Month]) -> Segment:
    return Segment(group[0].contract_year, group[0].year, tuple(m.index for m in group), tuple(m.days for m in group),
                   group[0].index % 12 == 0)


class Flows:
    """The exact net flow per month (for payback), gathered per segment: an amount in one month, an
    amount in every month of a segment, or an amount per day of it."""

    def __init__(self, months: tuple[Month, ...], segs: tuple[Segment, ...]):
        self._point = [ZERO] * len(months)
        self._segs = segs
        self._monthly = [ZERO] * len(segs)
        self._daily = [ZERO] * len(segs)

    def at(self, index: int, amount) -> None:
        self._point[index] += amount

    def each_month(self, seg: int, amount) -> None:
        self._monthly[seg] += amount

    def each_day(self, seg: int, amount) -> None:
        self._daily[seg] += amount

    def monthly(self) -> tuple[Decimal, ...]:
        out = list(self._point)
        for s, seg in enumerate(self._segs):
            per_month, per_day = self._monthly[s], self._daily[s]
            if not per_month and not per_day:
                continue
            for index, days in zip(seg.months, seg.days):
                out[index] += per_month + per_day * days
        return tuple(out)


@dataclass
class Run:
    """What one evaluation of a case works with: the case, its horizon and factors, and what it gathers."""

    case: Case
    catalogue: Catalogue
    tariffs: Tariffs
    scenario: str
    end: str                      # price end: low, mid, high
    months: tuple[Month, ...]
    segs: tuple[Segment, ...]
    series: dict[str, RateSeries]
    wage_f: dict[int, Decimal]
    tariff_f: dict[int, Decimal]
    price_cal: dict[int, Decimal]
    notices: Notices
    flows: Flows

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted(self.wage_f))


def _start(case: Case, catalogue: Catalogue, tariffs: Tariffs, scenario: str | None, prices: str) -> Run:
    scenario_name = scenario or case.scenario
    if scenario_name not in tariffs.scenarios:
        raise EstimateError(f"unknown scenario {scenario_name!r}")
    series = effective_series(case, tariffs.scenarios[scenario_name])
    months = horizon(case.start_year, case.start_month, case.years)
    years = calendar_years(months)
    segs = segments(months)
    return Run(case, catalogue, tariffs, scenario_name, prices, months, segs, series,
               calendar_factors(years[0], years[-1], series["wages"]),
               calendar_factors(years[0], years[-1], series["tariffs"]),
               calendar_factors(years[0], years[-1], series["prices"]), Notices(), Flows(months, segs))


def _estimate(case: Case, catalogue: Catalogue, tariffs: Tariffs, scenario: str | None, prices: str) -> Result:
    run = _start(case, catalogue, tariffs, scenario, prices)
    notices = run.notices
    lines: list[Line] = []
    plans: list[DeploymentPlan] = []
    firsts = selection.first_of_product(case)
    for d_index, dep in enumerate(case.deployments):
        product = catalogue.products[dep.product]
        first = firsts[d_index]
        if not first:
            notices.shared(product)
        plan = plan_deployment(case, d_index, product, run.months, prices, notices, tariffs, first)
        plans.append(plan)
        lines += _deployment_lines(run, plan)
        _product_notices(product, dep, notices)
    funding = _funding(run)
    if case.funding:
        stop = funding_stop(case)
        if stop is not None:
            notices.funding_stop(stop)
        elif any(d.contract.exit_year is not None for d in case.deployments):
            notices.funding_exit()
    benefits = _benefits(run)
    result = _assemble(run, lines, funding, benefits)
    return replace(result, monthly_net=run.flows.monthly(), plans=tuple(plans))


# ---- evaluating the plan ------------------------------------------------------------------


@dataclass
class _Acc:
    """Exact running sum of one line before rounding."""

    amount: Decimal | Fraction = ZERO
    quantity: Decimal | Fraction = ZERO
    parts: dict = field(default_factory=dict)  # unit price -> quantity
    spread: Decimal = ZERO                     # high end minus low end of a quoted range, same quantities


def _deployment_lines(run: Run, plan: DeploymentPlan) -> list[Line]:
    p_factors = price_factors(run.months, run.series["prices"], plan.deployment.index_cap)
    out: list[Line] = []
    recoverable = run.case.vat_recoverable
    for charge in plan.charges:
        for year, acc in _charge(run, plan, charge, p_factors).items():
            out.append(_supplier_line(plan, charge, year, acc, recoverable))
    for tc in plan.time:
        for year, acc in _time(run, tc).items():
            out.append(_time_line(plan, tc, year, acc))
    return out


def _quantity(charge: Charge, plan: DeploymentPlan, seg: Segment) -> tuple[Decimal | int, str]:
    """The charge's quantity in a segment and how it falls (see ``bcalc.core.plan.term``): in the
    segment's first month ("once"), or per "month" or per "day" of it."""
    rule = term(charge, seg.contract_year, seg.starts)
    if rule is None:
        return 0, "once"
    count, per = rule
    k, u = seg.contract_year, plan.units
    if count == "billed":
        q = u.billed[k]
    elif count == "new":
        q = u.new[k]
    elif count == "removed":
        q = u.removed[k]
    elif count == "fixed":
        q = charge.quantity
    else:  # fixed_if_removed
        q = charge.quantity if u.removed[k] else 0
    return q, per


def _charge(run: Run, plan: DeploymentPlan, charge: Charge, p_factors: list[Decimal]) -> dict[int, _Acc]:
    accs: dict[int, _Acc] = {}
    to_cost = vat.cost_factor(charge.quoted, charge.vat_rate, run.case.vat_recoverable)
    for s, seg in enumerate(run.segs):
        k = seg.contract_year
        q, falls = _quantity(charge, plan, seg)
        if not q:
            continue
        price = charge.price * p_factors[k]
        total = q * seg.n_months if falls == "month" else q * seg.n_days if falls == "day" else q
        acc = accs.get(seg.year)
        if acc is None:
            acc = accs[seg.year] = _Acc()
        acc.amount += total * price
        acc.quantity += total
        acc.parts[price] = acc.parts.get(price, ZERO) + total
        cost = -(q * price * to_cost)
        if falls == "month":
            run.flows.each_month(s, cost)
        elif falls == "day":
            run.flows.each_day(s, cost)
        else:
            run.flows.at(seg.first, cost)
        if charge.width:
            acc.spread += total * charge.width * p_factors[k]
    return accs


def _time(run: Run, tc: TimeCharge) -> dict[int, _Acc]:
    accs: dict[int, _Acc] = {}
    for m in run.months:
        per_head = tc.hours[m.index]
        if not per_head:
            continue
        h = per_head * tc.heads
        rate = tc.rate * run.wage_f[m.year]
        acc = accs.get(m.year)
        if acc is None:
            acc = accs[m.year] = _Acc(amount=Fraction(0), quantity=Fraction(0))
        value = h * Fraction(rate)
        acc.amount += value
        run.flows.at(m.index, -dec(value))
        acc.quantity += h
        acc.parts[rate] = acc.parts.get(rate, Fraction(0)) + h
    return accs


def _parts(acc: _Acc) -> tuple[tuple[Part, ...], Decimal | None]:
    parts = tuple(Part(quantity=_as_dec(q), unit_price=p) for p, q in acc.parts.items())
    return parts, (parts[0].unit_price if len(parts) == 1 else None)


def _supplier_line(plan: DeploymentPlan, charge: Charge, year: int, acc: _Acc, recoverable: Decimal) -> Line:
    parts, unit_price = _parts(acc)
    excl, vat_due = vat.split(acc.amount, charge.vat_rate, charge.quoted, recoverable)
    item = charge.item
    return Line(plan.index, plan.product.id, charge.line_id, charge.label, item.category, year, _as_dec(acc.quantity),
                unit_price, excl, vat_due, charge.source, kind="supplier", vat_rate=charge.vat_rate,
                quoted=charge.quoted, parts=parts if len(parts) > 1 else (), written=charge.written,
                base_item=item.id, vat_written=item.vat, tier_label=charge.tier_label,
                range_spread=round_cents(acc.spread) if acc.spread else ZERO)


def _time_line(plan: DeploymentPlan, tc: TimeCharge, year: int, acc: _Acc) -> Line:
    parts, unit_price = _parts(acc)
    line = tc.line
    return Line(plan.index, plan.product.id, line.id, line.label, "training" if line.category == "training"
                else "internal", year, _as_dec(acc.quantity), unit_price, round_cents(acc.amount), ZERO, line.source,
                kind="internal", role=line.role, parts=parts if len(parts) > 1 else (), written=line.written,
                base_item=line.id, vat_written="", tier_label="", range_spread=ZERO)


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


def _funding(run: Run) -> list[FundingResult]:
    """Funding per line and calendar year: an hourly code pays clients x hours per month x tariff in
    every month, VPT a share of the day rate for every day in use, a subsidy its amount in the first
    month of its contract year. Tariffs index each 1 January."""
    case, tariffs = run.case, run.tariffs
    out: list[FundingResult] = []
    stop = funding_stop(case)
    for f_index, line in enumerate(case.funding):
        if stop is not None and line.year is not None and line.year > stop:
            continue
        code = tariffs.funding[line.code]
        label = line.label or (code.name if code.kind == "subsidy" else f"{code.code} {code.name}")
        if code.kind == "subsidy":
            month = run.months[(line.year - 1) * 12]
            run.flows.at(month.index, line.amount)
            out.append(FundingResult(f_index, code.code, label, month.year, round_cents(line.amount), ONE, None,
                                     "case"))
            continue
        per_year: dict[int, list] = {}
        for s, seg in enumerate(run.segs):
            clients = line.clients[seg.contract_year]
            if not clients or (stop is not None and seg.contract_year >= stop):
                continue
            if code.kind == "hourly":
                base = line.tariff if line.tariff is not None else _sourced_tariff(code, case)
                per_month = clients * line.hours_per_month
                rate = base * run.tariff_f[seg.year]
                qty = per_month * seg.n_months
                run.flows.each_month(s, per_month * rate)
            else:  # vpt: a share of the day rate for every day in use
                rate = line.day_rate * run.tariff_f[seg.year] * line.technology_share
                qty = dec(clients * seg.n_days)
                run.flows.each_day(s, clients * rate)
            acc = per_year.setdefault(seg.year, [ZERO, ZERO, rate])
            acc[0] += qty * rate
            acc[1] += qty
        for year, (amount, qty, rate) in sorted(per_year.items()):
            out.append(FundingResult(f_index, code.code, label, year, round_cents(amount), qty, rate,
                                     "case" if line.tariff is not None or code.kind == "vpt" else code.source))
    return out


def _sourced_tariff(code, case: Case) -> Decimal:
    year = case.start_year
    assert year in code.tariffs, f"the loader lets no case through without a tariff for {code.code} in {year}"
    return code.tariffs[year]


# ---- benefits -------------------------------------------------------------------------

MINUTES = Fraction(60)
PERIODS_PER_MONTH = {"week": WEEKS_PER_MONTH, "year": Fraction(1, 12), "month": Fraction(1)}


def _benefits(run: Run) -> list[BenefitResult]:
    """Benefits per benefit and calendar year: time valued at the role's rate (indexed with wages),
    or avoided cost (indexed with prices each 1 January), times the clients it follows and the
    share realised; one rounding per benefit and year. Exact sums are taken per segment, where
    clients and factors are constant."""
    case, notices = run.case, run.notices
    out: list[BenefitResult] = []
    for b_index, b in enumerate(case.benefits):
        clients = b.clients if b.clients is not None else selection.effective_clients(case.deployments[b.deployment])
        share = Fraction(b.realisation)
        role = case.staff.get(b.role or "") if b.kind == "time" else None
        valued = b.kind != "time" or (role is not None and role.rate is not None)
        if b.kind == "time":
            per_period = Fraction(b.minutes) / MINUTES if b.minutes is not None else Fraction(b.hours)
        else:
            per_period = Fraction(b.amount)
        unit = dec(share * per_period)
        fixed = None if b.per == "day" else dec(PERIODS_PER_MONTH[b.per])
        per_year: dict[int, list] = {}
        for s, seg in enumerate(run.segs):
            n = clients[seg.contract_year]
            if not n:
                continue
            periods = Fraction(seg.n_days) if b.per == "day" else seg.n_months * PERIODS_PER_MONTH[b.per]
            acc = per_year.setdefault(seg.year, [Fraction(0), Fraction(0)])
            quantity = periods * n * share * per_period  # hours, or euros before indexation
            factor = None
            if b.kind == "time":
                acc[1] += quantity
                if valued:
                    factor = role.rate * run.wage_f[seg.year]
            else:
                factor = run.price_cal[seg.year]
            if factor is None:
                continue
            acc[0] += quantity * Fraction(factor)
            if fixed is None:
                run.flows.each_day(s, n * unit * factor)
            else:
                run.flows.each_month(s, fixed * n * unit * factor)
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
    vat_total = ZERO
    for ln in lines:
        sums[ln.category] += ln.excl_vat
        vat_total += ln.vat
    value = sum((b.amount for b in benefits), ZERO)
    cashable = sum((b.amount for b in benefits if b.cashable), ZERO)
    return Totals(vat=vat_total, funding=funding_amount, benefits=value, cashable=cashable, **sums)


CATEGORY_ORDER = {"one_off": 0, "recurring": 1, "training": 2, "internal": 3}


def _assemble(run: Run, lines: list[Line], funding: list[FundingResult], benefits: list[BenefitResult]) -> Result:
    case, catalogue, notices, months = run.case, run.catalogue, run.notices, run.months
    lines.sort(key=lambda ln: (ln.year, ln.deployment, CATEGORY_ORDER[ln.category], ln.kind != "supplier", ln.item))
    by_year: dict[int, list[Line]] = {y: [] for y in run.years}
    by_dep: list[list[Line]] = [[] for _ in case.deployments]
    for ln in lines:
        by_year[ln.year].append(ln)
        by_dep[ln.deployment].append(ln)
    per_year = []
    for y in run.years:
        y_funding = sum((f.amount for f in funding if f.year == y), ZERO)
        per_year.append(YearRow(year=y, months=sum(1 for m in months if m.year == y),
                                totals=_totals(by_year[y], y_funding, [b for b in benefits if b.year == y])))
    total = _totals(lines, sum((f.amount for f in funding), ZERO), benefits)
    products = []
    for d_index, dep in enumerate(case.deployments):
        product = catalogue.products[dep.product]
        products.append(ProductTotals(d_index, product.id, product.name, _totals(by_dep[d_index])))
    caps = [dep.index_cap for dep in case.deployments]
    series = run.series
    rates = {
        "prices": anniversary_rates(months, series["prices"]),
        "wages": rates_used(months, series["wages"]),
        "tariffs": rates_used(months, series["tariffs"]),
    }
    if any(c is not None for c in caps):
        notices.caps(case, rates["prices"], [catalogue.products[d.product].name for d in case.deployments])
    price_years = tuple(sorted({catalogue.products[d.product].price_year for d in case.deployments}))
    notices.price_level(price_years, case)
    return Result(case=case, scenario=run.scenario, prices_end=run.end, per_year=tuple(per_year), total=total,
                  products=tuple(products), lines=tuple(lines), funding=tuple(funding),
                  warnings=notices.all(), rates=rates, vat_rate=run.tariffs.vat_standard, price_years=price_years,
                  benefits=tuple(benefits))


def _product_notices(product: Product, dep: Deployment, notices: Notices) -> None:
    for item in selection.active_items(product, dep):
        if item.id in dep.prices:
            continue
        if item.ambiguous:
            notices.ambiguous(product, item.id, item.label, item.note, item.source)
        if item.vat == "not_stated" and not item.included and item.has_amount:
            notices.vat_not_stated(product, item)
        if item.price is not None and item.price.bound:
            notices.bound(product, item, item.price.bound)
    for line in selection.active_time(product, dep, counted_only=False):
        if line.ambiguous and line.counted:
            notices.ambiguous(product, line.id, line.label, line.note, line.source)


__all__ = ["estimate", "EstimateError", "PRICE_ENDS", "funding_stop", "segments", "Segment", "Run"]
