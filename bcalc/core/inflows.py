"""Money coming in: funding per line and calendar year, and the benefits a case declares.

Both follow the segments of the horizon (bcalc.core.horizon), where clients and the wage, tariff
and price factors are constant; each line is summed exactly and rounded to cents once per
calendar year. Each funding line and each benefit is computed on its own and kept in the memo
under the values it depends on, so a run that changes something else takes it from there.
"""

from __future__ import annotations

from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, Inexact, InvalidOperation, Overflow
from dataclasses import replace
from fractions import Fraction

from bcalc.core import selection
from bcalc.core.horizon import Flows, Run
from bcalc.core.memo import Memo
from bcalc.core.notices import Notices
from bcalc.core.plan import WEEKS_PER_MONTH
from bcalc.models import BenefitResult, Case, FundingResult, Message
from bcalc.money import ONE, ZERO, dec, dec_ratio, round_cents, round_ratio

MINUTES = Fraction(60)
PERIODS_PER_MONTH = {"week": WEEKS_PER_MONTH, "year": Fraction(1, 12), "month": Fraction(1)}


def funding_stop(case: Case) -> int | None:
    """The contract year after which the organisation has stopped everywhere (every deployment has
    an exit year): funding per client stops then and later subsidies lapse."""
    exits = [d.contract.exit_year for d in case.deployments]
    if exits and all(e is not None for e in exits):
        return max(exits)  # type: ignore[type-var]
    return None


def funding(run: Run, memo: Memo, only: set[int] | None = None,
            amounts: dict[int, Decimal] | None = None) -> tuple[list[FundingResult], list[Flows]]:
    """Funding per line and calendar year: an hourly code pays clients x hours per month x tariff in
    every month, VPT a share of the day rate for every day in use, a subsidy its amount in the first
    month of its contract year. Tariffs index each 1 January. ``only``: just these lines (numbers).
    ``amounts``: the grants of subsidies with rules, worked out from the costs (bcalc.core.funders)."""
    case, tariffs = run.case, run.tariffs
    out: list[FundingResult] = []
    flows: list[Flows] = []
    stop = funding_stop(case)
    tariff_key = tuple(run.tariff_f.items())
    for f_index, line in enumerate(case.funding):
        if only is not None and f_index not in only:
            continue
        if stop is not None and line.year is not None and line.year > stop:
            continue
        if amounts is not None and f_index in amounts:
            line = replace(line, amount=amounts[f_index])
        code = tariffs.funding[line.code]
        sourced = _sourced_tariff(code, case) if code.kind == "hourly" and line.tariff is None else None
        clients = funded_clients(case, line, run.blocks if case.phases else ())
        key = (f_index, line, clients, code.code, code.kind, code.name, code.source, sourced, stop, tariff_key,
               run.horizon_key)
        results, part = memo.get(memo.funding, key,
                                 lambda: _funding_line(run, f_index, line, clients, code, sourced, stop))
        out += results
        flows.append(part)
    return out, flows


def funded_clients(case: Case, line, blocks: tuple = ()) -> tuple[int, ...] | None:
    """The clients per contract year a funding line pays for: those of the deployment it follows
    (its units in use, none after the contract's exit year), or its own; None for a subsidy. With
    ``blocks`` (a case with phases) per block (``bcalc.core.horizon.blocks``)."""
    if line.deployment is not None:
        return selection.block_clients(case.deployments[line.deployment], blocks)
    if blocks and line.clients is not None:
        return tuple(line.clients[k] for k, _, _ in blocks)
    return line.clients


def units_in_use(case: Case) -> tuple[int, ...]:
    """Units in use per contract year over all deployments (none after a contract's exit year)."""
    per = [selection.effective_clients(d) for d in case.deployments]
    return tuple(sum(c[k] for c in per if k < len(c)) for k in range(case.years))


def over_counted(case: Case) -> list[tuple[int, int, int, int]]:
    """Funding lines with clients of their own that exceed the units in use: (line number, first
    contract year (0-based) where they do, the line's clients then, the units in use then). Years
    after every deployment has stopped (no funding then) do not count."""
    stop = funding_stop(case)
    in_use = units_in_use(case)
    out = []
    for f_index, line in enumerate(case.funding):
        if line.deployment is not None or not line.clients:
            continue
        for k, n in enumerate(line.clients):
            if (stop is None or k < stop) and n > in_use[k]:
                out.append((f_index, k, n, in_use[k]))
                break
    return out


def capped(case: Case) -> Case:
    """The case with each funding line's own clients no more than the units in use in each contract
    year: what break-even counts, since funding per client needs a client in use."""
    from dataclasses import replace

    in_use = units_in_use(case)
    lines = tuple(replace(line, clients=tuple(min(n, in_use[k]) for k, n in enumerate(line.clients)))
                  if line.deployment is None and line.clients else line for line in case.funding)
    return replace(case, funding=lines) if lines != case.funding else case


def _funding_line(run: Run, f_index: int, line, clients_of, code, sourced,
                  stop) -> tuple[tuple[FundingResult, ...], Flows]:
    flows = run.flows()
    label = line.label or (code.name if code.kind == "subsidy" else f"{code.code} {code.name}")
    if code.kind == "subsidy":
        month = run.months[run.case.subsidy_month(line)]
        flows.at(month.index, line.amount)
        return (FundingResult(f_index, code.code, label, month.year, round_cents(line.amount), ONE, None, "case"),), flows
    per_year: dict[int, list] = {}
    for s, seg in enumerate(run.segs):
        clients = clients_of[seg.block]
        if not clients or (stop is not None and seg.contract_year >= stop):
            continue
        if line.phases and seg.phase not in line.phases:
            continue
        if code.kind == "hourly":
            base = line.tariff if line.tariff is not None else sourced
            per_month = clients * line.hours_per_month
            rate = base * run.tariff_f[seg.year]
            qty = per_month * seg.n_months
            flows.each_month(s, per_month * rate)
        else:  # vpt: a share of the day rate for every day in use
            rate = line.day_rate * run.tariff_f[seg.year] * line.technology_share
            qty = dec(clients * seg.n_days)
            flows.each_day(s, clients * rate)
        acc = per_year.setdefault(seg.year, [ZERO, ZERO, rate])
        acc[0] += qty * rate
        acc[1] += qty
    source = "case" if line.tariff is not None or code.kind == "vpt" else code.source
    return tuple(FundingResult(f_index, code.code, label, year, round_cents(amount), qty, rate, source,
                               line.deployment) for year, (amount, qty, rate) in sorted(per_year.items())), flows


def _sourced_tariff(code, case: Case) -> Decimal:
    year = case.start_year
    assert year in code.tariffs, f"the loader lets no case through without a tariff for {code.code} in {year}"
    return code.tariffs[year]


def benefits(run: Run, memo: Memo, only: set[int] | None = None) -> tuple[list[BenefitResult], list[Flows], list[Message]]:
    """Benefits per benefit and calendar year: time valued at the role's rate (indexed with wages),
    or avoided cost (indexed with prices each 1 January), times the clients it follows and the
    share realised; one rounding per benefit and year. Exact sums are taken per segment, where
    clients and factors are constant. ``only``: just these benefits (numbers)."""
    case = run.case
    out: list[BenefitResult] = []
    flows: list[Flows] = []
    notices: list[Message] = []
    for b_index, b in enumerate(case.benefits):
        if only is not None and b_index not in only:
            continue
        blocks = run.blocks if case.phases else ()
        if b.clients is not None:
            clients = tuple(b.clients[k] for k, _, _ in blocks) if blocks else b.clients
        else:
            clients = selection.block_clients(case.deployments[b.deployment], blocks)
        role = case.staff.get(b.role or "") if b.kind == "time" else None
        rate = role.rate if role is not None else None
        factors = tuple(run.wage_f.items()) if b.kind == "time" else tuple(run.price_cal.items())
        key = (b_index, b, clients, b.kind != "time" or rate is not None, rate, factors, run.horizon_key)
        results, part, said = memo.get(memo.benefits, key, lambda: _benefit(run, b_index, b, clients, rate))
        out += results
        flows.append(part)
        notices += said
    return out, flows, notices


# A benefit's exact sums are kept as Decimals times SCALE, so that every quantity is a whole number
# of 1/12 periods and 1/60 hours (weeks per month 52/12, a year 1/12, minutes 1/60): the products
# and sums are then exact in EXACT, and each year's sum is divided by SCALE once, as a Fraction.
SCALE = 720
PERIODS_X12 = {"week": 52, "year": 1, "month": 12}   # periods per month x 12
EXACT = Context(prec=1000, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[Inexact, InvalidOperation, Overflow])


def _over_scale(value: Decimal) -> tuple[int, int]:
    """An exact sum kept times SCALE as (numerator, denominator) of its value."""
    numerator, denominator = value.as_integer_ratio()
    return numerator, denominator * SCALE


def _benefit(run: Run, b_index: int, b, clients: tuple[int, ...], rate: Decimal | None):
    notices = Notices()
    flows = run.flows()
    share = Fraction(b.realisation)
    valued = b.kind != "time" or rate is not None
    if b.kind == "time":
        per_period = Fraction(b.minutes) / MINUTES if b.minutes is not None else Fraction(b.hours)
        per_period_x60 = b.minutes if b.minutes is not None else EXACT.multiply(b.hours, 60)
    else:
        per_period = Fraction(b.amount)
        per_period_x60 = EXACT.multiply(b.amount, 60)
    unit = dec(share * per_period)
    fixed = None if b.per == "day" else dec(PERIODS_PER_MONTH[b.per])
    scaled_unit = EXACT.multiply(b.realisation, per_period_x60)   # quantity x SCALE per period x 12
    times, plus = EXACT.multiply, EXACT.add
    per_year: dict[int, list] = {}
    for s, seg in enumerate(run.segs):
        n = clients[seg.block]
        if not n or (b.phases and seg.phase not in b.phases):
            continue
        periods_x12 = seg.n_days * 12 if b.per == "day" else seg.n_months * PERIODS_X12[b.per]
        acc = per_year.setdefault(seg.year, [ZERO, ZERO])
        quantity = times(scaled_unit, periods_x12 * n)  # hours, or euros before indexation, x SCALE
        factor = None
        if b.kind == "time":
            acc[1] = plus(acc[1], quantity)
            if valued:
                factor = rate * run.wage_f[seg.year]
        else:
            factor = run.price_cal[seg.year]
        if factor is None:
            continue
        acc[0] = plus(acc[0], times(quantity, factor))
        if fixed is None:
            flows.each_day(s, n * unit * factor)
        else:
            flows.each_month(s, fixed * n * unit * factor)
    results = tuple(BenefitResult(b_index, b.label, year, round_ratio(*_over_scale(value)),
                                  dec_ratio(*_over_scale(hours)), b.cashable, b.source)
                    for year, (value, hours) in sorted(per_year.items()))
    if not valued:
        notices.benefit_unvalued(b, sum((dec_ratio(*_over_scale(h)) for _, h in per_year.values()), ZERO))
    if b.vendor_claim:
        notices.vendor_claim(b)
    return results, flows, notices.all()


__all__ = ["funding", "benefits", "funding_stop", "funded_clients", "units_in_use", "over_counted", "capped"]
