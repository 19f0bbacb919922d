"""Pricing models for the case's own counts: every option of a product's choice, and where one
becomes cheaper than another (cContact per organisation or per active employee, Tessa's
introduction or pilot package, a zorgcentrale or none)."""

from __future__ import annotations

import math
from dataclasses import replace
from decimal import Decimal

from bcalc.core.requirements import missing_inputs
from bcalc.models import Case, Catalogue, Choice, Deployment, Product, StaffRole, Tariffs
from bcalc.record import record


@record
class OptionCost:
    option: str | None          # None: none of the options (for a choice that may be left out)
    cost: Decimal               # the deployment's cost over the horizon, incl. non-recoverable VAT
    active: bool


@record
class BreakEven:
    cheaper: str | None         # the option that is cheaper from `count` on
    than: str | None
    driver: str                 # "clients" or a staff role
    count: int                  # from this many on


@record
class ChoicePricing:
    deployment: int
    product: str
    choice: Choice
    options: tuple[OptionCost, ...]
    break_evens: tuple[BreakEven, ...]

    @property
    def cheapest(self) -> OptionCost:
        return min(self.options, key=lambda o: (o.cost, not o.active))

    @property
    def active(self) -> OptionCost:
        return next(o for o in self.options if o.active)


def _with_option(dep: Deployment, choice: Choice, option: str | None) -> Deployment:
    options = tuple(o for o in dep.options if o not in choice.options)
    if option is not None:
        options += (option,)
    return replace(dep, options=options)


def _single(case: Case, dep: Deployment) -> Case:
    return replace(case, deployments=(dep,), funding=(), benefits=())


def _driver(product: Product, choice: Choice) -> str | None:
    """What count makes the options' costs cross: a staff role, or the clients."""
    items = [it for it in product.items if set(it.options) & set(choice.options)]
    roles = {it.role for it in items if it.basis == "role" and it.role}
    if roles:
        return sorted(roles)[0]
    if any(it.basis in ("unit", "deployment") for it in items):
        return "clients"
    return None


def _at_count(case: Case, dep: Deployment, driver: str, n: int) -> tuple[Case, Deployment]:
    if driver == "clients":
        return case, replace(dep, clients=tuple(n for _ in dep.clients))
    if driver in dep.staff:  # the deployment counts this role itself (bcalc.core.selection)
        return case, replace(dep, staff={**dep.staff, driver: n})
    staff = dict(case.staff)
    role = staff.get(driver, StaffRole(count=0))
    staff[driver] = replace(role, count=n)
    return replace(case, staff=staff), dep


def _current(case: Case, dep: Deployment, driver: str) -> int:
    if driver == "clients":
        return max(dep.clients) if dep.clients else 0
    if driver in dep.staff:
        return dep.staff[driver]
    role = case.staff.get(driver)
    return role.count if role else 0


def choice_pricing(case: Case, catalogue: Catalogue, tariffs: Tariffs, run, prices: str = "mid",
                   break_even: bool = True, named_only: bool = False) -> list[ChoicePricing]:
    """Every choice with more than one way to buy, priced for this case. ``run(case, prices)`` is
    the engine (without checks)."""
    catalogue = catalogue.for_case(case)  # the products the case file adds
    out: list[ChoicePricing] = []
    for d_index, dep in enumerate(case.deployments):
        product = catalogue.products[dep.product]
        for choice in product.choices:
            names: list[str | None] = list(choice.options)
            if not choice.required and choice.default is None and not named_only:
                names.append(None)
            if len(names) < 2:
                continue
            picked = [o for o in dep.options if o in choice.options]
            current = picked[0] if picked else choice.default
            costs = []
            for name in names:
                alt = _with_option(dep, choice, name)
                if missing_inputs(product, alt, case):  # e.g. a USD price without an exchange rate
                    continue
                costs.append(OptionCost(name, run(_single(case, alt), prices).total.cost, name == current))
            names = [c.option for c in costs]
            if len(costs) < 2 or not any(c.active for c in costs):
                continue
            evens = _break_evens(case, dep, product, choice, names, run, prices) if break_even else []
            out.append(ChoicePricing(d_index, product.id, choice, tuple(costs), tuple(evens)))
    return out


def _break_evens(case, dep, product, choice, names, run, prices) -> list[BreakEven]:
    driver = _driver(product, choice)
    if driver is None:
        return []
    now = _current(case, dep, driver)
    hi = max(now, 1) * 4 + 40

    def cost(name, n):
        c2, d2 = _at_count(case, _with_option(dep, choice, name), driver, n)
        return run(_single(c2, d2), prices).total.cost

    found = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            lo_diff = cost(a, 1) - cost(b, 1)
            hi_diff = cost(a, hi) - cost(b, hi)
            if lo_diff == 0 or hi_diff == 0 or (lo_diff > 0) == (hi_diff > 0):
                continue
            # the costs are linear in the count between tiers; solve, then step to the first whole count
            n = 1 + (hi - 1) * float(lo_diff / (lo_diff - hi_diff))
            start = max(1, math.floor(n) - 2)
            for k in range(start, start + 6):
                d = cost(a, k) - cost(b, k)
                if (d > 0) != (lo_diff > 0) or d == 0:
                    cheaper = a if lo_diff > 0 else b  # the option that was dearer at low counts wins from k on
                    found.append(BreakEven(cheaper=cheaper, than=b if cheaper == a else a, driver=driver, count=k))
                    break
    return found
