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
    """The smallest number of clients per year at which the net result is >= 0 (``break_even``)."""
    return break_even(case, run, limit)[0]


def break_even(case: Case, run, limit: int = BREAK_EVEN_LIMIT) -> tuple[int | None, str]:
    """The smallest number of clients per year (the same in every deployment and year) at which
    the net result over the horizon is >= 0, with "" as note; or None with why there is none:
    "loses_per_client" when no number of clients up to ``limit`` does better than none (each extra
    client costs more than it brings in), "beyond_limit" when more clients help but not enough.

    Funding that follows a deployment moves with its clients; a funding line with clients of its
    own pays for no more clients than are in use (``inflows.capped``): funding per client needs a
    client in use. Such a line stops growing where the clients in use reach its own; there the net
    may turn from rising to falling, so each of those points is tried before ``limit``."""
    from bcalc.core.inflows import capped

    def net(n: int) -> Decimal:
        deps = tuple(replace(d, clients=tuple(n for _ in d.clients)) for d in case.deployments)
        return run(capped(replace(case, deployments=deps))).total.net

    at_zero = net(0)
    if at_zero >= 0:
        return 0, ""
    best, lo, at_lo = at_zero, 0, at_zero
    for point in _kinks(case, limit) + [limit]:
        at_point = net(point)
        if at_point >= 0:
            return _first(net, lo, at_lo, point, at_point), ""
        best = max(best, at_point)
        lo, at_lo = point, at_point
    return None, "loses_per_client" if best <= at_zero else "beyond_limit"


def _kinks(case: Case, limit: int) -> list[int]:
    """The numbers of clients per deployment at which the units in use reach the own clients of a
    funding line in some contract year (below ``limit``)."""
    points = set()
    for line in case.funding:
        if line.deployment is not None or not line.clients:
            continue
        for k, own in enumerate(line.clients):
            active = sum(1 for d in case.deployments if d.contract.exit_year is None or k < d.contract.exit_year)
            if active and own:
                points.add(-(-own // active))
    return sorted(p for p in points if 0 < p < limit)


def _first(net, lo: int, at_lo: Decimal, hi: int, at_hi: Decimal) -> int:
    """The smallest n in (lo, hi] with net(n) >= 0, given net(lo) < 0 <= net(hi)."""
    # Net is close to linear in the clients: aim with the straight line, then narrow down exactly.
    guess = min(hi, lo + int(-at_lo * (hi - lo) / (at_hi - at_lo)) + 1)
    if net(guess) >= 0:
        if guess == lo + 1 or net(guess - 1) < 0:
            return guess  # the straight line was right: two runs
    a, b = max(lo, guess - 2), min(hi, guess + 2)
    if net(b) < 0:
        a, b = b, hi
    elif net(a) >= 0:
        a, b = lo, a
    while b - a > 1:
        mid = (a + b) // 2
        if net(mid) >= 0:
            b = mid
        else:
            a = mid
    return b


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

    cm = client_months(case.deployments, case)
    even, even_note = break_even(case, run) if run is not None else (None, "")
    # the budget view: without the benefits that are not cash (the same as the value view without them)
    cash = [row.totals.cash_net for row in result.per_year]
    if cash == flows:
        cash_value, cash_irr, cash_note, cash_pay = value, rate_irr, note, pay
    else:
        cash_value = round_cents(npv(rate, cash)) if rate is not None else None
        cash_irr, cash_note = irr(cash)
        monthly_cash = result.monthly_cash_net if result.monthly_cash_net is not None else result.monthly_net
        cash_pay = payback_month(list(monthly_cash))
    return Investment(discount_rate=rate, npv=value, irr=rate_irr, irr_note=note, payback_month=pay,
                      discounted_payback_month=disc_pay, break_even_clients=even,
                      break_even_limit=BREAK_EVEN_LIMIT, break_even_note=even_note,
                      cost_per_client_month=(result.total.cost / cm) if cm else None, flows=tuple(flows),
                      cash_npv=cash_value, cash_irr=cash_irr, cash_irr_note=cash_note, cash_payback_month=cash_pay,
                      cash_flows=tuple(cash))
