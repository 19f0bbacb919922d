"""Contract checks: points of attention a purchaser should see, each citing the tip of the source
it comes from (seed 001, cost tips 281-315 and contract tips 316-340)."""

from __future__ import annotations

import math
from dataclasses import replace
from decimal import Decimal

from bcalc.core.selection import (active_items, is_consumable, is_unit_based, level_year, tier_index, tier_years,
                                  usage_quantity)
from bcalc.core.notices import Notices
from bcalc.core.choices import choice_pricing
from bcalc.models import Case, Catalogue, Contract, Notice, Result, Tariffs
from bcalc.core.tips import cite, tip_source
from bcalc.money import ZERO, round_cents

PERIODS = {"monthly": 12, "yearly": 1, "daily": 365}


def owed_after_horizon(case: Case, catalogue: Catalogue, tariffs: Tariffs, result: Result, run) -> Decimal:
    """What stopping at the end of the horizon still costs under contracts that run longer."""
    catalogue = catalogue.for_case(case)  # the products the case file adds
    terms = [d.contract.term or 0 for d in case.deployments]
    if max(terms) <= case.years:
        return ZERO
    longest = max(terms)
    extra = longest - case.years
    deps = []
    for dep in case.deployments:
        c = dep.contract
        deps.append(replace(dep, clients=dep.clients + (0,) * extra,
                            contract=Contract(term=c.term, min_clients=c.min_clients,
                                              exit_year=min(c.exit_year or case.years, case.years))))
    # only the cost counts; funding and benefits (whose clients per year end with the horizon) are left out
    extended = replace(case, years=longest, deployments=tuple(deps), funding=(), benefits=())
    return run(extended, result.prices_end, result.scenario).total.cost - result.total.cost


def contract_checks(case: Case, catalogue: Catalogue, tariffs: Tariffs, result: Result, run) -> tuple[Notice, ...]:
    catalogue = catalogue.for_case(case)  # the products the case file adds
    n = Notices()
    products = [catalogue.products[d.product] for d in case.deployments]

    # Fixed costs that run on without clients (tip fixed): their yearly amount at year-1 prices.
    first_price: dict[tuple[int, str], Decimal] = {}
    for ln in sorted(result.lines, key=lambda ln: ln.year):
        key = (ln.deployment, ln.base_item)
        if key not in first_price and ln.kind == "supplier":
            first_price[key] = ln.parts[0].unit_price if ln.parts else (ln.unit_price or ZERO)
    for d_index, (dep, product) in enumerate(zip(case.deployments, products)):
        fixed = ZERO
        names = []
        for item in active_items(product, dep):
            if item.category != "recurring" or item.timing not in PERIODS:
                continue
            if is_unit_based(item, dep) or is_consumable(item):  # consumables stop when use stops
                continue
            q = usage_quantity(item, dep, case)
            price = first_price.get((d_index, item.id))
            if q is None or price is None:
                continue
            fixed += q * price * PERIODS[item.timing]
            names.append(item.label)
        minimum = dep.contract.min_clients
        if fixed:
            n.add("check_fixed", cite("fixed"), product=product.name, amount=round_cents(fixed), items=tuple(names))
        if minimum:
            n.add("check_minimum", cite("fixed"), product=product.name, minimum=minimum)

    # Recurring prices indexed without a cap (tip cap).
    if case.years > 1:
        recurring_of: dict[int, Decimal] = {}
        for p in result.products:
            recurring_of[p.deployment] = recurring_of.get(p.deployment, ZERO) + p.totals.recurring
        for d_index, (dep, product) in enumerate(zip(case.deployments, products)):
            recurring = recurring_of.get(d_index, ZERO)
            if dep.index_cap is None and recurring:
                n.add("check_cap", cite("cap"), product=product.name, amount=round_cents(recurring),
                      years=case.years)

    # A tier threshold within reach (tip tier).
    for dep, product in zip(case.deployments, products):
        peak = max(dep.clients) if dep.clients else 0
        for item in active_items(product, dep):
            if not item.tiers or item.id in dep.prices or item.tier_on != "units":
                continue
            years = tier_years(dep, case)
            index = tier_index(item, peak, years)
            if index is None:
                continue
            applied = item.tiers[index]
            for tier in item.tiers:
                if tier is applied:
                    break
                if tier.min_units is None or tier.min_units <= peak:
                    continue
                if tier.min_years is not None and years < tier.min_years:
                    continue
                gap = tier.min_units - peak
                if gap <= max(1, math.ceil(tier.min_units * Decimal("0.2"))):
                    saving = applied.price.pick(result.prices_end) - tier.price.pick(result.prices_end)
                    level = result.price_level
                    if level is not None and level.mode == "indexed":  # at the case's price level
                        saving *= level.factors.get(level_year(item, product), 1)
                    n.add("check_tier", tier.source, product=product.name, item=item.label, gap=gap,
                          min_units=tier.min_units, peak=peak, written=tier.price.written,
                          current=applied.price.written, saving=round_cents(saving), tip=cite("tier"))

    # A cheaper way to buy for this case's counts (tips pricing and tier).
    for cp in choice_pricing(case, catalogue, tariffs, lambda c, p: run(c, p, result.scenario), result.prices_end,
                             break_even=False, named_only=True):
        # only ways to buy the same thing: leaving a service out is not a cheaper pricing model
        named = [o for o in cp.options if o.option is not None]
        if len(named) < 2 or not any(o.active for o in named):
            continue
        cheapest = min(named, key=lambda o: (o.cost, not o.active))
        current = next(o for o in named if o.active)
        if cheapest.cost < current.cost:
            product = catalogue.products[cp.product]
            n.add("check_pricing", cite("pricing"), product=product.name, choice=cp.choice.label or cp.choice.id,
                  cheapest=cheapest.option, cheapest_cost=round_cents(cheapest.cost), current=current.option,
                  current_cost=round_cents(current.cost))

    # The number of suppliers (tip suppliers).
    suppliers = sorted({p.supplier for p in products})
    if len(suppliers) > 1:
        n.add("check_suppliers", cite("suppliers"), suppliers=tuple(suppliers))

    # Price ranges worth negotiating: the spread between the ends over the horizon.
    spread: dict[tuple, Decimal] = {}
    for ln in result.lines:
        if ln.range_spread:
            key = (ln.deployment, ln.base_item, ln.label, ln.written)
            spread[key] = spread.get(key, ZERO) + ln.range_spread
    for (d, _, label, written), amount in sorted(spread.items(), key=lambda kv: -kv[1]):
        n.add("check_range", cite("indicative"), product=products[d].name, item=label, written=written,
              amount=round_cents(amount))

    # Contracts that outlast the horizon.
    if result.owed_after_horizon:
        longest = max(d.contract.term or 0 for d in case.deployments)
        n.add("check_owed", cite("fixed"), term=longest, years=case.years,
              amount=round_cents(result.owed_after_horizon))
    return n.all()


def discount_notices(case: Case, tariffs: Tariffs, result: Result) -> tuple[Notice, ...]:
    """A real discount rate meeting indexed (nominal) flows is flagged."""
    n = Notices()
    rate = case.discount_rate
    indexed = any(r for rates in result.rates.values() for r in rates.values())
    if rate is not None and tariffs.discount_reference is not None and rate == tariffs.discount_reference and indexed:
        n.add("discount_real", "tariffs: discount", rate=rate)
    return n.all()


def contract_tips(result: Result, catalogue: Catalogue) -> tuple[Notice, ...]:
    """The general contract tips of source 001 that apply to this case, each with what it applies to.

    A tip that a contract check of ``result.warnings`` already works out in euros is left out.
    ``applies`` names cost lines as (product name, line label), or for VAT as (deployment index,
    line label); deployments by their index; suppliers by name.
    """
    catalogue = catalogue.for_case(result.case)  # the products the case file adds
    case = result.case
    checked = {w.code.removeprefix("check_") for w in result.warnings if w.code.startswith("check_")}
    # one entry per deployment, item and category, in the order the lines come
    first_lines = {}
    costs: dict[tuple, Decimal] = {}
    for ln in result.lines:
        key = (ln.deployment, ln.item, ln.category)
        first_lines.setdefault(key, ln)
        costs[key] = costs.get(key, ZERO) + ln.excl_vat + ln.vat
    fixed, role_based, implementation, incl, not_stated = [], [], [], [], []
    for key, ln in first_lines.items():
        if ln.kind != "supplier":
            continue
        product = catalogue.products[result.products[ln.deployment].product]
        item = product.item(ln.base_item)
        if ln.quoted == "incl":
            incl.append((ln.deployment, ln.label))
        elif (item is not None and item.vat == "not_stated" and item.vat_read is None and not item.included
              and ln.origin == "catalogue"
              and costs[key]):
            not_stated.append((ln.deployment, ln.label))
        where = (product.name, ln.label)
        if item is None:
            continue
        if ln.category == "recurring" and item.basis in ("organisation", "team", "role"):
            fixed.append(where)
        if item.basis == "role":
            role_based.append(where)
        if item.category == "one_off" and item.basis == "organisation" and item.timing == "one_off":
            implementation.append(where)
    n = Notices()

    def add(code: str, applies: list, **params) -> None:
        tip = code.removeprefix("tip_")
        if tip not in checked:
            n.add(code, tip_source(tip), applies=tuple(dict.fromkeys(applies)), **params)

    if fixed:
        add("tip_fixed", fixed)
    uncapped = [p.deployment for p in result.products if case.deployments[p.deployment].index_cap is None]
    if uncapped and case.years > 1:
        add("tip_cap", uncapped)
    if incl or not_stated:
        add("tip_vat", incl + not_stated)
    if role_based:
        add("tip_pricing", role_based)
    if implementation:
        add("tip_implementation", implementation)
    suppliers = sorted({catalogue.products[p.product].supplier for p in result.products})
    if len(suppliers) > 1:
        add("tip_suppliers", suppliers, n=len(suppliers))
    return n.all()
