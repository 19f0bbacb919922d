"""The investment view: NPV, IRR, payback and break-even clients.

Conventions (stated in every output): the first calendar year of the case is the base year;
the net flow of year k (k = 1, 2, ...) is divided by (1 + r)^(k - 1), as `flow_1 + NPV(r; flow_2..)`
in a spreadsheet. Payback is the first month from which the cumulative net flow stays at or above
zero until the end of the horizon; the discounted payback discounts each month with its year's
factor.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, localcontext

from bcalc.models import Case, Investment, Result
from bcalc.money import ONE, WIDE, ZERO, round_cents

BREAK_EVEN_LIMIT = 1000


def npv(rate: Decimal, flows: list[Decimal]) -> Decimal:
    with localcontext(WIDE):
        total = ZERO
        factor = ONE
        for flow in flows:
            total += flow / factor
            factor *= ONE + rate
    return total


def sign_changes(flows: list[Decimal]) -> int:
    signs = [f > 0 for f in flows if f != 0]
    return sum(1 for a, b in zip(signs, signs[1:]) if a != b)


def irr(flows: list[Decimal]) -> tuple[Decimal | None, str]:
    """The rate at which NPV is zero, or None with the reason it is not meaningful."""
    changes = sign_changes(flows)
    if changes == 0:
        return None, "never_changes_sign"
    if changes > 1:
        return None, "changes_sign_more_than_once"
    lo, hi = Decimal("-0.99"), Decimal("10")
    f_lo, f_hi = npv(lo, flows), npv(hi, flows)
    if (f_lo > 0) == (f_hi > 0):
        return None, "outside_range"
    with localcontext(WIDE):
        for _ in range(200):
            mid = (lo + hi) / 2
            f_mid = npv(mid, flows)
            if (f_mid > 0) == (f_lo > 0):
                lo, f_lo = mid, f_mid
            else:
                hi = mid
            if hi - lo < Decimal("1e-12"):
                break
    return ((lo + hi) / 2).quantize(Decimal("0.000001")), ""


def payback_month(monthly: list[Decimal]) -> int | None:
    """1-based month from which the cumulative flow stays >= 0; None if it ends below zero."""
    cumulative = ZERO
    start = None
    for index, flow in enumerate(monthly):
        cumulative += flow
        if cumulative >= 0:
            if start is None:
                start = index + 1
        else:
            start = None
    return start


def discounted(monthly: list[Decimal], month_rows: list[int], rate: Decimal) -> list[Decimal]:
    with localcontext(WIDE):
        return [flow / (ONE + rate) ** row for flow, row in zip(monthly, month_rows)]


def break_even_clients(case: Case, run, limit: int = BREAK_EVEN_LIMIT) -> int | None:
    """The smallest number of clients per year (the same in every deployment and year) at which
    the net result over the horizon is >= 0; None when there is none up to ``limit``."""

    def net(n: int) -> Decimal:
        deps = tuple(replace(d, clients=tuple(n for _ in d.clients)) for d in case.deployments)
        return run(replace(case, deployments=deps)).total.net

    at_zero = net(0)
    if at_zero >= 0:
        return 0
    at_limit = net(limit)
    if at_limit < 0:
        return None
    # Net is close to linear in the clients: aim with the straight line, then narrow down exactly.
    guess = min(limit, int(-at_zero * limit / (at_limit - at_zero)) + 1)
    if net(guess) >= 0:
        if guess == 1 or net(guess - 1) < 0:
            return guess  # the straight line was right: two runs
    lo, hi = max(0, guess - 2), min(limit, guess + 2)
    if net(hi) < 0:
        lo, hi = hi, limit
    elif net(lo) >= 0:
        lo, hi = 0, lo
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if net(mid) >= 0:
            hi = mid
        else:
            lo = mid
    return hi


def investment(result: Result, run=None) -> Investment:
    case = result.case
    flows = [row.totals.net for row in result.per_year]
    rate = case.discount_rate
    value = round_cents(npv(rate, flows)) if rate is not None else None
    rate_irr, note = irr(flows)
    monthly = list(result.monthly_net)
    years = [row.year for row in result.per_year]
    from bcalc.core.calendar import horizon

    months = horizon(case.start_year, case.start_month, case.years)
    rows = [years.index(m.year) for m in months]
    pay = payback_month(monthly)
    disc_pay = payback_month(discounted(monthly, rows, rate)) if rate is not None else None
    from bcalc.core.selection import client_months

    cm = client_months(case.deployments)
    break_even = break_even_clients(case, run) if run is not None else None
    return Investment(discount_rate=rate, npv=value, irr=rate_irr, irr_note=note, payback_month=pay,
                      discounted_payback_month=disc_pay, break_even_clients=break_even,
                      break_even_limit=BREAK_EVEN_LIMIT,
                      cost_per_client_month=(result.total.cost / cm) if cm else None, flows=tuple(flows))
