"""Contract checks: points of attention a purchaser should see, each citing the tip of the source
it comes from (seed 001, cost tips 281-315 and contract tips 316-340)."""

from __future__ import annotations

import math
from dataclasses import replace
from decimal import Decimal

from bcalc.core.selection import active_items, is_unit_based, tier_index, usage_quantity
from bcalc.core.notices import Notices
from bcalc.core.pricing import choice_pricing
from bcalc.models import Case, Catalogue, Contract, Notice, Result, Tariffs
from bcalc.money import ZERO, fmt_money, round_cents

PERIODS = {"monthly": 12, "yearly": 1, "daily": 365}


def _m(value: Decimal, lang: str) -> str:
    return fmt_money(round_cents(value), lang)


def owed_after_horizon(case: Case, catalogue: Catalogue, tariffs: Tariffs, result: Result, run) -> Decimal:
    """What stopping at the end of the horizon still costs under contracts that run longer."""
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
    extended = replace(case, years=longest, deployments=tuple(deps), funding=())
    return run(extended, result.prices_end, result.scenario).total.cost - result.total.cost


def contract_checks(case: Case, catalogue: Catalogue, tariffs: Tariffs, result: Result, run) -> tuple[Notice, ...]:
    n = Notices()
    products = [catalogue.products[d.product] for d in case.deployments]

    # Fixed costs that run on without clients (001:320-324): their yearly amount at year-1 prices.
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
            if is_unit_based(item, dep):
                continue
            q = usage_quantity(item, dep, case)
            price = first_price.get((d_index, item.id))
            if q is None or price is None:
                continue
            fixed += q * price * PERIODS[item.timing]
            names.append(item.label)
        minimum = dep.contract.min_clients
        if fixed:
            n.add("check_fixed", f"{product.name}: vaste kosten die ook zonder cliënten doorlopen: {_m(fixed, 'nl')} "
                                 f"per jaar excl. btw ({', '.join(names)}); ga na hoe lang het contract loopt "
                                 f"(tip 001:320-324)",
                  f"{product.name}: fixed costs that run on without clients: {_m(fixed, 'en')} a year excl. VAT "
                  f"({', '.join(names)}); check how long the contract runs (tip 001:320-324)", "001:320-324")
        if minimum:
            n.add("check_minimum", f"{product.name}: minimale afname van {minimum} eenheden wordt ook bij minder "
                                   f"cliënten gefactureerd (tip 001:320-324)",
                  f"{product.name}: a minimum of {minimum} units is billed even with fewer clients "
                  f"(tip 001:320-324)", "001:320-324")

    # Recurring prices indexed without a cap (001:295-297).
    if case.years > 1:
        for d_index, (dep, product) in enumerate(zip(case.deployments, products)):
            recurring = sum((p.totals.recurring for p in result.products if p.deployment == d_index), ZERO)
            if dep.index_cap is None and recurring:
                n.add("check_cap", f"{product.name}: terugkerende kosten ({_m(recurring, 'nl')} over {case.years} jaar) "
                                   f"stijgen zonder afgesproken maximum; spreek een maximale jaarlijkse indexatie af "
                                   f"(tip 001:295-297)",
                      f"{product.name}: recurring costs ({_m(recurring, 'en')} over {case.years} years) rise with no "
                      f"agreed maximum; agree a maximum yearly indexation (tip 001:295-297)", "001:295-297")

    # A tier threshold within reach (001:312-313).
    for dep, product in zip(case.deployments, products):
        peak = max(dep.clients) if dep.clients else 0
        for item in active_items(product, dep):
            if not item.tiers or item.id in dep.prices or item.tier_on != "units":
                continue
            index = tier_index(item, peak, case.years)
            if index is None:
                continue
            applied = item.tiers[index]
            for tier in item.tiers:
                if tier is applied:
                    break
                if tier.min_units is None or tier.min_units <= peak:
                    continue
                if tier.min_years is not None and case.years < tier.min_years:
                    continue
                gap = tier.min_units - peak
                if gap <= max(1, math.ceil(tier.min_units * Decimal("0.2"))):
                    saving = applied.price.pick(result.prices_end) - tier.price.pick(result.prices_end)
                    n.add("check_tier", f"{product.name}, {item.label}: met {gap} meer (vanaf {tier.min_units}, nu "
                                        f"{peak}) geldt {tier.price.written} in plaats van {applied.price.written}; "
                                        f"{_m(saving, 'nl')} minder (staffel, tip 001:312-313; {tier.source})",
                          f"{product.name}, {item.label}: {gap} more (from {tier.min_units}, now {peak}) brings "
                          f"{tier.price.written} instead of {applied.price.written}; {_m(saving, 'en')} less "
                          f"(tier, tip 001:312-313; {tier.source})", tier.source)

    # A cheaper way to buy for this case's counts (001:288-291, 312-313).
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
            name_nl = cheapest.option or "geen van de opties"
            name_en = cheapest.option or "none of the options"
            cur_nl = current.option or "geen"
            cur_en = current.option or "none"
            n.add("check_pricing", f"{product.name}, {cp.choice.label or cp.choice.id}: '{name_nl}' kost over de "
                                   f"looptijd {_m(cheapest.cost, 'nl')}, '{cur_nl}' {_m(current.cost, 'nl')} "
                                   f"(prijsmodel, tip 001:288-291)",
                  f"{product.name}, {cp.choice.label or cp.choice.id}: '{name_en}' costs {_m(cheapest.cost, 'en')} "
                  f"over the horizon, '{cur_en}' {_m(current.cost, 'en')} (pricing model, tip 001:288-291)",
                  "001:288-291")

    # The number of suppliers (001:336-338).
    suppliers = sorted({p.supplier for p in products})
    if len(suppliers) > 1:
        n.add("check_suppliers", f"{len(suppliers)} leveranciers ({', '.join(suppliers)}): elk contract vraagt "
                                 f"leveranciersmanagement; beperk het aantal (tip 001:336-338)",
              f"{len(suppliers)} suppliers ({', '.join(suppliers)}): each contract needs supplier management; "
              f"limit their number (tip 001:336-338)", "001:336-338")

    # Price ranges worth negotiating: the spread between the ends over the horizon.
    spread: dict[tuple, Decimal] = {}
    for ln in result.lines:
        if ln.range_spread:
            key = (ln.deployment, ln.base_item, ln.label, ln.written)
            spread[key] = spread.get(key, ZERO) + ln.range_spread
    for (d, _, label, written), amount in sorted(spread.items(), key=lambda kv: -kv[1]):
        name = products[d].name
        n.add("check_range", f"{name}, {label}: de bron geeft {written}; tussen onder- en bovenkant zit over de "
                             f"looptijd {_m(amount, 'nl')} excl. btw: onderhandel (prijzen zijn indicatief, "
                             f"001:4084-4090)",
              f"{name}, {label}: the source gives {written}; low and high end differ by {_m(amount, 'en')} excl. "
              f"VAT over the horizon: negotiate (prices are indicative, 001:4084-4090)", "001:4084-4090")

    # Contracts that outlast the horizon.
    if result.owed_after_horizon:
        longest = max(d.contract.term or 0 for d in case.deployments)
        n.add("check_owed", f"Het contract loopt {longest} jaar, de case {case.years} jaar: wie aan het eind van de "
                            f"looptijd stopt, betaalt daarna nog {_m(result.owed_after_horizon, 'nl')} (vaste kosten, "
                            f"minimale afname en ophalen tot het einde van het contract; tip 001:320-324)",
              f"The contract runs {longest} years, the case {case.years}: stopping at the end of the horizon still "
              f"costs {_m(result.owed_after_horizon, 'en')} after it (fixed costs, minimum volumes and collection "
              f"until the contract ends; tip 001:320-324)", "001:320-324")
    return n.all()


def discount_notices(case: Case, tariffs: Tariffs, result: Result) -> tuple[Notice, ...]:
    """A real discount rate meeting indexed (nominal) flows is flagged."""
    n = Notices()
    rate = case.discount_rate
    indexed = any(r for rates in result.rates.values() for r in rates.values())
    if rate is not None and tariffs.discount_reference is not None and rate == tariffs.discount_reference and indexed:
        n.add("discount_real", "De discontovoet van 2,25 % is een reële voet (stromen in constante prijzen), maar deze "
                               "case indexeert prijzen, lonen of tarieven: de stromen zijn nominaal. Gebruik scenario "
                               "none, of een nominale voet (bijvoorbeeld het eigen rendementsvereiste).",
              "The 2.25% discount rate is a real rate (flows at constant prices), but this case indexes prices, "
              "wages or tariffs: its flows are nominal. Use scenario none, or a nominal rate (such as your own "
              "required return).", "tariffs: discount")
    return n.all()
