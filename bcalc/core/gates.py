"""Gates: what must be true at the end of a phase for the rest of the route to pay off.

For each gate (the end of a phase but the last) the rest of the route is the months of the phases
after it: what was spent before the gate is sunk and left out. Its net is the sum of the case's exact
net flows in those months (``Result.monthly_net``; the budget view ``monthly_cash_net``), in the value
view (funding + all benefits - cost) and the budget view (funding + cashable benefits - cost). Three
thresholds on which that net is zero, each in both views:

* ``clients``: the least whole number of clients in use on which the rest breaks even, the same
  number for every deployment in every phase after the gate (funding lines that follow a deployment
  and benefits without clients of their own move with it); found by search, each step a run of the
  case, since tiers and fixed costs make the net a step function of clients.
* ``minutes``: the least minutes freed per client per period (the period of the case's first time
  benefit) at the case's realisation; all time benefits are scaled by one factor, so with one time
  benefit it is its minutes. The net is linear in the minutes: solved from two runs, then verified by
  a third (within a cent of zero), else found by bisection.
* ``price``: the highest price of the main item, the recurring item of deployment 1 with the largest
  cost over the horizon (the price per unit as quoted, paid over the whole route; only the rest
  counts). Linear in the price unless a tier or cap intervenes: two runs, verified as the minutes.

Where no threshold exists the code says why: ``always`` (the rest pays off with one client, or
with no minutes freed), ``never`` (no price, however low, makes it pay off; or every client costs more than it
brings), ``no_effect`` (the figure does not move this view, e.g. time not cashed in the budget view),
``no_benefit`` (no time benefit), ``no_item`` (no recurring item), ``beyond_limit`` (more clients than
``CLIENT_LIMIT``). Codes and numbers only: the renderers word them.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from bcalc.models import Case, GateResult, Result, Threshold
from bcalc.money import ZERO

CLIENT_LIMIT = 1_000_000
VIEWS = ("value", "budget")
# the precision a threshold is kept to: far below what a reader sees, well within the net's cent
PLACES = Decimal("0.000001")


def rest_nets(result: Result, first: int) -> tuple[Decimal, Decimal]:
    """The exact net of the months from ``first`` on, in the value and the budget view."""
    value = sum(result.monthly_net[first:], ZERO)
    cash = result.monthly_cash_net if result.monthly_cash_net is not None else result.monthly_net
    return value, sum(cash[first:], ZERO)


def gates(case: Case, result: Result, run) -> tuple[GateResult, ...]:
    """The gates of a case with phases. ``run``: a function of a case that gives its full Result
    (without checks), sharing the command's memo."""
    out = []
    first = 0
    for i, phase in enumerate(case.phases[:-1]):
        first += phase.months
        if phase.gate is None:
            continue
        nets = rest_nets(result, first)
        thresholds = (_clients(case, i, first, run, nets) + _minutes(case, first, run, nets)
                      + _price(case, result, first, run, nets))
        out.append(GateResult(i, phase.name, phase.gate.label, first, nets[0], nets[1], thresholds,
                              phase.gate.criteria))
    return tuple(out)


# ---- clients ------------------------------------------------------------------------------------


def with_clients(case: Case, gate_phase: int, n: int) -> Case:
    """The case with ``n`` clients in use for every deployment in every phase after ``gate_phase``."""
    phases = case.phases
    spans, at = [], 0
    for p in phases:
        spans.append((at, at + p.months))
        at += p.months
    deps = []
    for dep in case.deployments:
        own = dep.phase_clients if dep.phase_clients is not None else (None,) * len(phases)
        per_phase = tuple(own[p] if p <= gate_phase else n for p in range(len(phases)))
        per_year = []
        for k in range(case.years):
            lo, hi = 12 * k, 12 * k + 12
            per_year.append(max(per_phase[p] if per_phase[p] is not None else dep.clients[k]
                                for p, (a, b) in enumerate(spans) if a < hi and b > lo))
        deps.append(replace(dep, clients=tuple(per_year), phase_clients=per_phase, phase_base=tuple(per_year)))
    return replace(case, deployments=tuple(deps))


def _clients(case: Case, i: int, first: int, run, nets) -> tuple[Threshold, ...]:
    seen: dict[int, tuple[Decimal, Decimal]] = {}

    def net(n: int) -> tuple[Decimal, Decimal]:
        if n not in seen:
            seen[n] = rest_nets(run(with_clients(case, i, n)), first)
        return seen[n]

    current = _clients_now(case, i + 1)
    out = []
    for v, view in enumerate(VIEWS):
        code, value = _search(lambda n: net(n)[v])
        out.append(Threshold("clients", view, code, Decimal(value) if value is not None else None,
                             Decimal(current) if current is not None else None))
    return tuple(out)


def _clients_now(case: Case, phase: int) -> int | None:
    """Clients in use of deployment 1 in the phase after the gate, as the case has them."""
    dep = case.deployments[0]
    if dep.phase_clients is not None and dep.phase_clients[phase] is not None:
        return dep.phase_clients[phase]
    start = sum(p.months for p in case.phases[:phase])
    return dep.clients[min(start // 12, len(dep.clients) - 1)]


def _search(f) -> tuple[str, int | None]:
    """The least whole n >= 1 with f(n) >= 0, for a net that grows with n (zero clients is no route:
    with nothing in use a rest without fixed costs nets zero)."""
    if f(1) >= 0:
        return "always", 1
    hi = 2
    while f(hi) < 0:
        if hi >= CLIENT_LIMIT:
            return ("never" if f(CLIENT_LIMIT) <= f(1) else "beyond_limit"), None
        if f(hi) <= f(hi // 2):
            return "never", None   # the net does not grow with clients: each costs at least what it brings
        hi = min(hi * 2, CLIENT_LIMIT)
    lo = hi // 2   # f(lo) < 0 <= f(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if f(mid) >= 0:
            hi = mid
        else:
            lo = mid
    return "ok", hi


# ---- minutes freed --------------------------------------------------------------------------------


def time_benefits(case: Case) -> list[int]:
    return [b for b, benefit in enumerate(case.benefits) if benefit.kind == "time"]


def minutes_of(benefit) -> Decimal:
    """Minutes freed per client per period as the case writes them (hours x 60)."""
    return benefit.minutes if benefit.minutes is not None else benefit.hours * 60


def with_minutes(case: Case, minutes: Decimal) -> Case:
    """The case with its first time benefit freeing ``minutes`` per client per period and every other
    time benefit scaled by the same factor."""
    chosen = time_benefits(case)
    base = minutes_of(case.benefits[chosen[0]])
    benefits = list(case.benefits)
    for b in chosen:
        old = benefits[b]
        new = minutes if b == chosen[0] else (minutes_of(old) * minutes / base if base else minutes_of(old))
        benefits[b] = replace(old, minutes=new, hours=None)
    return replace(case, benefits=tuple(benefits))


def _minutes(case: Case, first: int, run, nets) -> tuple[Threshold, ...]:
    chosen = time_benefits(case)
    if not chosen:
        return tuple(Threshold("minutes", view, "no_benefit") for view in VIEWS)
    lead = case.benefits[chosen[0]]
    current = minutes_of(lead)
    net = _memo(lambda x: rest_nets(run(with_minutes(case, x)), first))
    at_zero = net(ZERO)
    step = current if current else Decimal(60)
    at_step = nets if current else rest_nets(run(with_minutes(case, step)), first)
    out = []
    for v, view in enumerate(VIEWS):
        slope = (at_step[v] - at_zero[v]) / step
        if slope <= 0:
            code, value = ("always", ZERO) if at_zero[v] >= 0 else ("no_effect", None)
        elif at_zero[v] >= 0:
            code, value = "always", ZERO
        else:
            code, value = "ok", _settle(lambda x, v=v: net(x)[v], _up(-at_zero[v] / slope), rising=True)
        out.append(Threshold("minutes", view, code, value, current, per=lead.per))
    return tuple(out)


TOLERANCE = Decimal("0.01")   # a threshold is taken when the rest's exact net there is within a cent of zero


def _memo(f):
    seen: dict = {}

    def g(x):
        if x not in seen:
            seen[x] = f(x)
        return seen[x]
    return g


def _settle(f, x: Decimal, rising: bool) -> Decimal:
    """The threshold ``x`` solved as if the net were linear, verified by a run: taken when the rest's net
    there is within a cent of zero; otherwise (a tier or a cap makes the net a step function) found by
    bisection, ``f`` growing with its argument (``rising``: the least value with a net not below zero) or
    falling (the highest such value). ``f(0)`` is known to be below zero (rising) or not (falling)."""
    if abs(f(x)) <= TOLERANCE:
        return x
    lo, hi = ZERO, x if x > 0 else Decimal(1)
    for _ in range(60):   # the other side of the threshold
        if (f(hi) >= 0) == rising:
            break
        lo, hi = hi, hi * 2
    for _ in range(80):
        if hi - lo <= PLACES:
            break
        mid = ((lo + hi) / 2).quantize(PLACES)
        if mid in (lo, hi):
            break
        if (f(mid) >= 0) == rising:
            hi = mid
        else:
            lo = mid
    return _up(hi) if rising else _down(lo)


def _up(value: Decimal) -> Decimal:
    """A threshold that must be reached, kept to PLACES, rounded up (the net is then not below zero)."""
    from decimal import ROUND_CEILING

    return value.quantize(PLACES, rounding=ROUND_CEILING)


def _down(value: Decimal) -> Decimal:
    from decimal import ROUND_FLOOR

    return value.quantize(PLACES, rounding=ROUND_FLOOR)


# ---- price of the main item -----------------------------------------------------------------------


def main_charge(result: Result):
    """The recurring charge of deployment 1 with the largest cost over the horizon (not sold in packs),
    or None."""
    if not result.plans:
        return None
    plan = result.plans[0]
    cost: dict[str, Decimal] = {}
    for ln in result.lines:
        if ln.deployment == 0 and ln.category == "recurring" and ln.kind == "supplier":
            cost[ln.item] = cost.get(ln.item, ZERO) + ln.cost
    best = None
    for charge in plan.charges:
        if charge.category != "recurring" or charge.pack is not None or charge.line_id not in cost:
            continue
        if best is None or cost[charge.line_id] > cost[best.line_id]:
            best = charge
    return best


def with_price(case: Case, item: str, price: Decimal) -> Case:
    dep = case.deployments[0]
    dep = replace(dep, prices={**dep.prices, item: price})
    return replace(case, deployments=(dep,) + case.deployments[1:])


def _price(case: Case, result: Result, first: int, run, nets) -> tuple[Threshold, ...]:
    charge = main_charge(result)
    if charge is None:
        return tuple(Threshold("price", view, "no_item") for view in VIEWS)
    item, current = charge.item.id, charge.price
    net = _memo(lambda p: rest_nets(run(with_price(case, item, p)), first))
    at_zero = net(ZERO)
    step = current if current else Decimal(1)
    at_step = net(step)
    out = []
    for v, view in enumerate(VIEWS):
        slope = (at_step[v] - at_zero[v]) / step
        if slope >= 0:
            code, value = ("no_effect", None)
        elif at_zero[v] < 0:
            code, value = "never", None
        else:
            code, value = "ok", _settle(lambda p, v=v: net(p)[v], _down(at_zero[v] / -slope), rising=False)
        out.append(Threshold("price", view, code, value, current, per=charge.timing, item=item, label=charge.label))
    return tuple(out)


__all__ = ["gates", "rest_nets", "with_clients", "with_minutes", "with_price", "main_charge", "CLIENT_LIMIT"]
