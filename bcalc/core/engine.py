"""The estimate: costs, VAT, funding and net result per calendar year for one case.

The path of the numbers: ``bcalc.core.plan`` turns each deployment into charges (which items and
time lines, on what quantity, at what year-1 price and VAT); ``bcalc.core.lines`` evaluates the
charges over the horizon (in the segments of ``bcalc.core.horizon``) into lines, one per
(deployment, item, category, calendar year), each summed exactly and rounded half-up to cents
once, its VAT computed from that rounded amount and rounded once (bcalc.core.vat);
``bcalc.core.inflows`` adds funding and benefits; this module totals the lines: every total is a
sum of rounded lines (see the interface, sections 5 and 6). The exact net flow per month is kept
for payback.

Two ways to run the same evaluation: ``estimate`` gives the full ``Result`` (every line, the
warnings, the investment view and, with ``checks``, the contract checks); ``totals`` gives a
``Summary`` with the same totals per year, per deployment and over the horizon, to the cent, for
analyses that only need totals (it builds no ``Line`` objects). Both take a ``Memo``
(bcalc.core.memo) so that runs of one command share what they have in common.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, localcontext

from bcalc.core import selection
from bcalc.core.assets import operating
from bcalc.core.calendar import calendar_years, horizon
from bcalc.core.horizon import Run, Segment, segments, series_key
from bcalc.core.indexation import anniversary_rates, calendar_factors, effective_series, price_level, rates_used
from bcalc.core.inflows import benefits as benefits_of
from bcalc.core.inflows import funding as funding_of
from bcalc.core.inflows import funding_stop, over_counted
from bcalc.core.lines import CATEGORIES, DeploymentLines, Row, evaluate
from bcalc.core.memo import Memo, deployment_key, staff_key
from bcalc.core.notices import Notices
from bcalc.core.plan import DeploymentPlan, plan_deployment
from bcalc.core.staffing import role_hours
from bcalc.models import (
    BenefitResult,
    Case,
    Catalogue,
    Deployment,
    FundingResult,
    Line,
    Message,
    PriceLevel,
    Product,
    ProductTotals,
    Result,
    Tariffs,
    Totals,
    YearRow,
)
from bcalc.money import WIDE, ZERO
from bcalc.record import record

PRICE_ENDS = ("low", "mid", "high")


class EstimateError(ValueError):
    """A case that loads but cannot be computed (should have been caught by the loader)."""


def estimate(case: Case, catalogue: Catalogue, tariffs: Tariffs, scenario: str | None = None,
             prices: str = "mid", checks: bool = True, memo: Memo | None = None) -> Result:
    """Compute a case. ``scenario`` overrides the case's indexation scenario; ``prices`` picks
    the low end, midpoint or high end of quoted ranges. With ``checks`` the result also carries
    the contract checks (points of attention) and what is owed after the horizon. ``memo``: what
    the runs of one command share (a new one when not given)."""
    catalogue = catalogue.for_case(case)  # the products the case file adds
    _check_prices(prices)
    memo = memo if memo is not None else Memo()
    # One wide context for the whole calculation: indexation factors and exact sums keep all digits.
    with localcontext(WIDE):
        result = _assemble(_evaluate(case, catalogue, tariffs, scenario, prices, memo))
        from bcalc.core.parties import parties

        result = replace(result, parties=parties(result, tariffs))
        if any(line.rules is not None for line in case.funding):
            from bcalc.core.funders import grants, line_rows

            result = replace(result, grants=tuple(grants(case, run_months(case), line_rows(result)).values()))
        if case.benefits:
            from bcalc.core.evidence import evidence

            result = replace(result, evidence=evidence(case, result))
        from bcalc.core.finance import investment

        if not checks:
            return replace(result, investment=investment(result))
        from bcalc.core.checks import contract_checks, discount_notices, owed_after_horizon

        def run(c: Case, p: str, s: str | None) -> Summary:
            return _summarise(_evaluate(c, catalogue, tariffs, s, p, memo, notices_too=False))

        result = replace(result, owed_after_horizon=owed_after_horizon(case, catalogue, tariffs, result, run),
                         investment=investment(result, lambda c: run(c, prices, scenario)))
        from bcalc.core.funders import funder_notices

        extra = contract_checks(case, catalogue, tariffs, result, run) + discount_notices(case, tariffs, result) + \
            funder_notices(case, tariffs, result)
        result = replace(result, warnings=result.warnings + extra)
        if any(p.gate is not None for p in case.phases):
            from bcalc.core.gates import gates

            def full(c: Case) -> Result:
                return _assemble(_evaluate(c, catalogue, tariffs, scenario, prices, memo, notices_too=False))

            result = replace(result, gates=gates(case, result, full))
        return result


def totals(case: Case, catalogue: Catalogue, tariffs: Tariffs, scenario: str | None = None, prices: str = "mid",
           memo: Memo | None = None) -> "Summary":
    """The totals of ``estimate(..., checks=False)`` to the cent, without building its lines."""
    catalogue = catalogue.for_case(case)  # the products the case file adds
    _check_prices(prices)
    with localcontext(WIDE):
        return _summarise(_evaluate(case, catalogue, tariffs, scenario, prices,
                                    memo if memo is not None else Memo(), notices_too=False))


def run_months(case: Case):
    """The months of a case's horizon."""
    return horizon(case.start_year, case.start_month, case.years)


def _check_prices(prices: str) -> None:
    if prices not in PRICE_ENDS:
        raise EstimateError(f"prices must be one of {PRICE_ENDS}")


# ---- one evaluation -----------------------------------------------------------------------


@dataclass
class Evaluation:
    """One run of the engine over a case, before it is assembled into a Result or a Summary."""

    run: Run
    plans: list[DeploymentPlan]  # as kept in the memo: ``_numbered`` gives each its own number
    lines: list[DeploymentLines]
    funding: list[FundingResult]
    benefits: list[BenefitResult]
    flows: list                  # the Flows of the funding lines and benefits
    funding_flows: int = 0       # how many of ``flows`` are funding lines'; the rest are the benefits, in order


def _start(case: Case, catalogue: Catalogue, tariffs: Tariffs, scenario: str | None, prices: str,
           memo: Memo) -> Run:
    scenario_name = scenario or case.scenario
    if scenario_name not in tariffs.scenarios:
        raise EstimateError(f"unknown scenario {scenario_name!r}")
    series = effective_series(case, tariffs.scenarios[scenario_name])
    key = (case.start_year, case.start_month, case.years, case.phase_starts) + \
        tuple(series_key(series[k]) for k in series)
    months, segs, by_k, wage_f, tariff_f, price_cal = memo.get(memo.horizons, key, lambda: _horizon(case, series))
    return Run(case, catalogue, tariffs, scenario_name, prices, months, segs, series, wage_f, tariff_f, price_cal,
               Notices(), by_k)


def _horizon(case: Case, series: dict) -> tuple:
    """The months, segments (also per contract year) and the wage, tariff and price factors per
    calendar year of a horizon under a set of rate series."""
    months = horizon(case.start_year, case.start_month, case.years)
    years = calendar_years(months)
    segs = segments(months, case.phase_starts)
    by_k: list[list] = [[] for _ in range(case.years)]
    for s, seg in enumerate(segs):
        by_k[seg.contract_year].append((s, seg))
    return (months, segs, tuple(tuple(x) for x in by_k), calendar_factors(years[0], years[-1], series["wages"]),
            calendar_factors(years[0], years[-1], series["tariffs"]),
            calendar_factors(years[0], years[-1], series["prices"]))


def _evaluate(case: Case, catalogue: Catalogue, tariffs: Tariffs, scenario: str | None, prices: str,
              memo: Memo, notices_too: bool = True) -> Evaluation:
    """One run. ``notices_too``: gather the warnings (a run for totals only has no use for them)."""
    run = _start(case, catalogue, tariffs, scenario, prices, memo)
    notices = run.notices
    plans: list[DeploymentPlan] = []
    evaluated: list[DeploymentLines] = []
    deployment = _deployments(run, memo)
    for d_index in range(len(case.deployments)):
        plan, lines, said = deployment(d_index)
        if notices_too:
            notices.extend(said)
        plans.append(plan)
        evaluated.append(lines)
    amounts = None
    if any(line.rules is not None for line in case.funding):   # a subsidy worked out from the costs
        from bcalc.core.funders import grants

        rows = [(r.category, r.year, r.excl_vat, r.vat, r.supplier) for dl in evaluated for r in dl.rows]
        amounts = {i: g.amount for i, g in grants(case, run.months, rows).items()}
    funding, funding_flows = funding_of(run, memo, amounts=amounts)
    if case.funding:
        stop = funding_stop(case)
        if stop is not None:
            notices.funding_stop(stop)
        elif any(d.contract.exit_year is not None for d in case.deployments) and any(
                line.deployment is None and line.clients for line in case.funding):
            notices.funding_exit()
        if notices_too:
            for f_index, k, own, in_use in over_counted(case):
                notices.funding_over(case.funding[f_index], f_index, k, own, in_use)
    benefits, benefit_flows, said = benefits_of(run, memo)
    notices.extend(said)
    return Evaluation(run, plans, evaluated, funding, benefits, funding_flows + benefit_flows, len(funding_flows))


def _deployments(run: Run, memo: Memo):
    """A function of a deployment's number that gives its plan, its evaluated lines and its notices
    (the "shared" notice of a later deployment of a product first), through the memo."""
    case, catalogue, tariffs = run.case, run.catalogue, run.tariffs
    carried: list[frozenset[str]] = []   # per deployment, the organisation-wide counts charged with it

    def carries(d_index: int) -> frozenset[str]:
        if not carried:
            carried.extend(memo.carried(case, selection.carried))
        return carried[d_index]
    context = (case.start_year, case.start_month, case.years, case.phase_starts, run.end, case.teams, staff_key(case),
               tuple(sorted(case.fx.items())), tariffs.vat_standard, case.catalogue_prices,
               tuple(sorted(case.catalogue_index.items())), tuple(sorted(tariffs.catalogue_index.items())))
    lines_context = (series_key(run.series["prices"]), tuple(run.wage_f.items()), case.vat_recoverable)
    tokens: dict[str, int] = {}

    def deployment(d_index: int) -> tuple[DeploymentPlan, DeploymentLines, tuple]:
        dep = case.deployments[d_index]
        product = catalogue.products[dep.product]
        mine = carries(d_index)
        token = tokens.get(dep.product)
        if token is None:
            token = tokens[dep.product] = memo.product(product)
        key = (context, deployment_key(dep), token, mine)
        plan, said = memo.get(memo.plans, key, lambda: _plan(run, d_index, dep, product, mine, memo))
        if selection.ORGANISATION not in mine:
            here = memo.get(memo.shared, key, lambda: tuple(sorted(selection.drivers_here(product, dep, mine))))
            said = ((Message("shared_own", {"product": product.name, "deployment": d_index + 1,
                                            "counts": ", ".join(here)}) if here
                     else Message("shared", {"product": product.name})),) + said
        return plan, memo.get(memo.deployments, (key, lines_context), lambda: evaluate(run, plan, memo)), said

    return deployment


def _numbered(plan: DeploymentPlan, d_index: int, dep: Deployment) -> DeploymentPlan:
    """A plan kept in the memo, as the plan of deployment ``d_index`` (an identical deployment's)."""
    if plan.index != d_index or plan.deployment is not dep:
        return replace(plan, index=d_index, deployment=dep)
    return plan


def partial(case: Case, catalogue: Catalogue, tariffs: Tariffs, scenario: str | None = None, prices: str = "mid",
            memo: Memo | None = None, deployments=(), benefits=(), funding=()) -> dict[int, list[Decimal]]:
    """Per calendar year [cost, benefits, funding] of some parts of a case only: the lines of
    ``deployments``, the benefits ``benefits`` and the funding lines ``funding`` (their numbers).
    Each part is evaluated as in the whole case (a later deployment of a product is not its
    first), so a whole run's totals are the sums of its parts."""
    return partial_run(case, catalogue, tariffs, scenario, prices, memo, deployments, benefits, funding).per_year()


@record
class PartialRun:
    """The lines of some parts of a case, each evaluated as in the whole case (``partial_run``): the
    rounded lines of the deployments asked for, and the benefits and funding lines asked for."""

    years: tuple[int, ...]                 # the calendar years of the horizon
    parts: dict[int, DeploymentLines]
    benefits: tuple[BenefitResult, ...]
    funding: tuple[FundingResult, ...]

    def per_year(self) -> dict[int, list[Decimal]]:
        """Per calendar year [cost, benefits, funding] of these parts (what ``partial`` gives)."""
        out = {y: [ZERO, ZERO, ZERO] for y in self.years}
        for lines in self.parts.values():
            for y, acc in out.items():
                acc[0] += lines.cost(y)
        for b in self.benefits:
            out[b.year][1] += b.amount
        for f in self.funding:
            out[f.year][2] += f.amount
        return out

    def rows(self):
        """(deployment, Row) of every line of the deployments asked for, as ``Summary.rows``."""
        for d_index in sorted(self.parts):
            for row in self.parts[d_index].ordered:
                yield d_index, row


def partial_run(case: Case, catalogue: Catalogue, tariffs: Tariffs, scenario: str | None = None, prices: str = "mid",
                memo: Memo | None = None, deployments=(), benefits=(), funding=()) -> PartialRun:
    """The lines of some parts of a case only (as ``partial``, which totals them): what an input
    that changes only those parts changes, for the simulation's response per line."""
    catalogue = catalogue.for_case(case)  # the products the case file adds
    _check_prices(prices)
    memo = memo if memo is not None else Memo()
    with localcontext(WIDE):
        run = _start(case, catalogue, tariffs, scenario, prices, memo)
        deployment = _deployments(run, memo)
        parts = {d_index: deployment(d_index)[1] for d_index in deployments}
        got_benefits: tuple = ()
        if benefits:
            got_benefits = tuple(benefits_of(run, memo, set(benefits))[0])
        got_funding: tuple = ()
        if funding:
            wanted = set(funding)
            amounts = None
            if any(case.funding[i].rules is not None for i in wanted):   # worked out from all the costs
                from bcalc.core.funders import grants

                rows = [(r.category, r.year, r.excl_vat, r.vat, r.supplier)
                        for d in range(len(case.deployments)) for r in deployment(d)[1].rows]
                amounts = {i: g.amount for i, g in grants(case, run.months, rows).items()}
            got_funding = tuple(funding_of(run, memo, wanted, amounts=amounts)[0])
        return PartialRun(years=tuple(run.years), parts=parts, benefits=got_benefits, funding=got_funding)


def evaluation(case: Case, catalogue: Catalogue, tariffs: Tariffs, scenario: str | None = None, prices: str = "mid",
               memo: Memo | None = None) -> Evaluation:
    """One run of the engine over a case before it is totalled (its horizon, plans, evaluated lines,
    funding and their flows), for what spreads the lines over their months (bcalc.core.monthly).
    Run inside the wide context (``localcontext(WIDE)``), as the engine's own runs are."""
    catalogue = catalogue.for_case(case)  # the products the case file adds
    _check_prices(prices)
    return _evaluate(case, catalogue, tariffs, scenario, prices, memo if memo is not None else Memo(),
                     notices_too=False)


def _plan(run: Run, d_index: int, dep: Deployment, product: Product, carries: frozenset[str], memo: Memo):
    """A deployment's plan, with the notices of planning it and of its product's items."""
    said = Notices()
    plan = plan_deployment(run.case, d_index, product, run.months, run.end, said, run.tariffs, carries, memo.hours)
    _product_notices(product, dep, said)
    return plan, said.all()


def _product_notices(product: Product, dep: Deployment, notices: Notices) -> None:
    for item in selection.active_items(product, dep):
        if item.id in dep.prices:
            continue
        if item.ambiguous:
            notices.ambiguous(product, item.id, item.label, item.note, item.source)
        if item.vat == "not_stated" and not item.included and item.has_amount:
            if item.vat_read is None:
                notices.vat_not_stated(product, item)
            else:
                notices.vat_read(product, item)
        if item.price is not None and item.price.bound:
            notices.bound(product, item, item.price.bound)
    for line in selection.active_time(product, dep, counted_only=False):
        if line.ambiguous and line.counted:
            notices.ambiguous(product, line.id, line.label, line.note, line.source)
        if line.id in dep.count_time:
            notices.own_time(product, line, dep)


# ---- the full result ------------------------------------------------------------------------


def _totals(lines, funding_amount: Decimal = ZERO, benefits=()) -> Totals:
    sums = {"one_off": ZERO, "recurring": ZERO, "training": ZERO, "internal": ZERO}
    vat_total = ZERO
    for ln in lines:
        sums[ln.category] += ln.excl_vat
        vat_total += ln.vat
    return _with_inflows(sums, vat_total, funding_amount, benefits)


def _with_inflows(sums: dict, vat_total: Decimal, funding_amount: Decimal, benefits) -> Totals:
    value = sum((b.amount for b in benefits), ZERO)
    cashable = sum((b.amount for b in benefits if b.cashable), ZERO)
    return Totals(vat=vat_total, funding=funding_amount, benefits=value, cashable=cashable, **sums)


def _assemble(ev: Evaluation) -> Result:
    run = ev.run
    case, catalogue, notices, months = run.case, run.catalogue, run.notices, run.months
    plans = [_numbered(plan, d, dep) for d, (plan, dep) in enumerate(zip(ev.plans, case.deployments))]
    per_dep = [dl.lines(plan) for plan, dl in zip(plans, ev.lines)]
    lines: list[Line] = []
    by_year: dict[int, list[Line]] = {}
    for y in run.years:
        year_lines = by_year[y] = []
        for dep_lines in per_dep:
            year_lines += dep_lines.get(y, ())
        lines += year_lines
    funding, benefits = ev.funding, ev.benefits
    per_year = []
    for y in run.years:
        y_funding = sum((f.amount for f in funding if f.year == y), ZERO)
        per_year.append(YearRow(year=y, months=sum(1 for m in months if m.year == y),
                                totals=_totals(by_year[y], y_funding, [b for b in benefits if b.year == y])))
    total = _totals(lines, sum((f.amount for f in funding), ZERO), benefits)
    products = []
    for d_index, dep in enumerate(case.deployments):
        product = catalogue.products[dep.product]
        dep_lines = [ln for y in run.years for ln in per_dep[d_index].get(y, ())]
        products.append(ProductTotals(d_index, product.id, product.name, _totals(dep_lines)))
    flows = run.flows()
    for dl in ev.lines:
        flows.add(dl.flows)
    cash_flows = None
    if any(not b.cashable for b in case.benefits):   # the budget view leaves out the benefits that are not cash
        cash_flows = run.flows()
        cash_flows.add(flows)
    for k, part in enumerate(ev.flows):
        flows.add(part)
        if cash_flows is not None and (k < ev.funding_flows or case.benefits[k - ev.funding_flows].cashable):
            cash_flows.add(part)
    rates = _rates(run)
    price_years, level = _case_notices(run, rates)
    result = Result(case=case, scenario=run.scenario, prices_end=run.end, per_year=tuple(per_year), total=total,
                    products=tuple(products), lines=tuple(lines), funding=tuple(funding),
                    warnings=notices.all(), rates=rates, vat_rate=run.tariffs.vat_standard, price_years=price_years,
                    benefits=tuple(benefits), monthly_net=flows.monthly(run.segs), plans=tuple(plans),
                    monthly_cash_net=cash_flows.monthly(run.segs) if cash_flows is not None else None,
                    price_level=level, staff_hours=role_hours(case, plans, months))
    if case.phases:
        from bcalc.core.phases import phase_rows

        result = replace(result, per_phase=phase_rows(run, ev, plans))
    owned = operating(result, months, run.series["prices"])
    return replace(result, operating=owned) if owned is not None else result


def _rates(run: Run) -> dict[str, dict[int, Decimal]]:
    months, series = run.months, run.series
    return {
        "prices": anniversary_rates(months, series["prices"]),
        "wages": rates_used(months, series["wages"]),
        "tariffs": rates_used(months, series["tariffs"]),
    }


def _case_notices(run: Run, rates: dict) -> tuple[tuple[int, ...], PriceLevel]:
    case, catalogue, notices = run.case, run.catalogue, run.notices
    if any(dep.index_cap is not None for dep in case.deployments):
        notices.caps(case, rates["prices"], [catalogue.products[d.product].name for d in case.deployments])
    # the price levels of the catalogue's products, and of the item versions from a newer price list that
    # have their own (the case's own products say theirs in their lines)
    years: set[int] = set()
    for d in case.deployments:
        product = catalogue.products[d.product]
        if product.origin == "catalogue":
            years.add(product.price_year)
            years |= {it.price_year for it in selection.active_items(product, d)
                      if it.origin == "catalogue" and it.price_year is not None}
    price_years = tuple(sorted(years))
    level = price_level(case, run.tariffs, price_years)
    if level.mode == "indexed":
        notices.price_level_indexed(level, run.tariffs)
    else:
        notices.price_level(price_years, case)
    return price_years, level


# ---- totals only ------------------------------------------------------------------------------


@record
class Summary:
    """The totals of one run, as a Result has them, without its lines: per calendar year and over
    the horizon (per deployment on asking); the funding and benefits lines; and the rounded figures
    of every line (``rows``), for the VAT at another recoverable share or a line item's cost."""

    case: Case
    scenario: str
    prices_end: str
    per_year: tuple[YearRow, ...]
    total: Totals
    funding: tuple[FundingResult, ...]
    benefits: tuple[BenefitResult, ...]
    parts: tuple[DeploymentLines, ...]
    names: tuple[tuple[str, str], ...]   # (product id, name) per deployment

    @property
    def products(self) -> tuple[ProductTotals, ...]:
        out = []
        for d_index, (part, (pid, name)) in enumerate(zip(self.parts, self.names)):
            out.append(ProductTotals(d_index, pid, name, _with_inflows(dict(zip(CATEGORIES, part.total[:4])),
                                                                        part.total[4], ZERO, ())))
        return tuple(out)

    def rows(self):
        """(deployment, Row) of every line, each deployment's in the order of the lines of a result."""
        for d_index, part in enumerate(self.parts):
            for row in part.ordered:
                yield d_index, row

    def vat_at(self, recoverable: Decimal) -> Decimal:
        """The VAT of the run with ``recoverable`` of it reclaimed instead of nothing (the run must
        have nothing recoverable; see ``bcalc.core.vat.recovered``)."""
        return sum((part.vat_at(recoverable) * n for part, n in _counted(self.parts)), ZERO)

    @property
    def npv(self) -> Decimal | None:
        from bcalc.core.finance import npv
        from bcalc.money import round_cents

        rate = self.case.discount_rate
        if rate is None:
            return None
        return round_cents(npv(rate, [row.totals.net for row in self.per_year]))


def _counted(parts) -> list[tuple[DeploymentLines, int]]:
    """The parts of a run with how often each occurs (identical deployments share one)."""
    counts: dict[DeploymentLines, int] = {}
    for part in parts:
        counts[part] = counts.get(part, 0) + 1
    return list(counts.items())


def _summarise(ev: Evaluation) -> Summary:
    run = ev.run
    case, catalogue = run.case, run.catalogue
    funding, benefits = ev.funding, ev.benefits
    by_year = {y: [ZERO] * 5 for y in run.years}
    total = [ZERO] * 5
    for part, n in _counted(ev.lines):
        # the sums are of cents, so exact: a deployment that occurs n times adds n times its sums
        for y, values in part.sums.items():
            acc = by_year[y]
            if n == 1:
                acc[0] += values[0]
                acc[1] += values[1]
                acc[2] += values[2]
                acc[3] += values[3]
                acc[4] += values[4]
            else:
                for i in range(5):
                    acc[i] += values[i] * n
        for i in range(5):
            total[i] += part.total[i] * n
    months: dict[int, int] = {}
    for seg in run.segs:
        months[seg.year] = months.get(seg.year, 0) + seg.n_months
    funding_of_year: dict[int, list] = {y: [] for y in run.years}
    for f in funding:
        funding_of_year[f.year].append(f.amount)
    benefits_of_year: dict[int, list] = {y: [] for y in run.years}
    for b in benefits:
        benefits_of_year[b.year].append(b)
    per_year = []
    for y in run.years:
        acc = by_year[y]
        year_benefits = benefits_of_year[y]
        # the fields of Totals in their order: the categories of CATEGORIES, VAT, funding, benefits, cashable
        totals = Totals(acc[0], acc[1], acc[2], acc[3], acc[4], sum(funding_of_year[y], ZERO),
                        sum((b.amount for b in year_benefits), ZERO),
                        sum((b.amount for b in year_benefits if b.cashable), ZERO))
        per_year.append(YearRow(y, months[y], totals))
    grand = _with_inflows(dict(zip(CATEGORIES, total[:4])), total[4], sum((f.amount for f in funding), ZERO), benefits)
    names = tuple((d.product, catalogue.products[d.product].name) for d in case.deployments)
    return Summary(case, run.scenario, run.end, tuple(per_year), grand, tuple(funding), tuple(benefits),
                   tuple(ev.lines), names)


__all__ = ["estimate", "totals", "partial", "evaluation", "Evaluation", "Summary", "EstimateError", "PRICE_ENDS", "funding_stop", "segments", "Segment",
           "Run", "Row"]
