"""Which inputs of a case are uncertain, and how far each moves: catalogue ranges and prices written
with "±", the case's own values without a range (clients, benefits, staff rates, funding), and the
indexation rates (one percentage point, held at the bounds of an indexation rate)."""

from __future__ import annotations

from decimal import Decimal

from bcalc.core.uncertain import INDEX_STEP, Input, Model, half_up, index_mode
from bcalc.models import Case, Message, Price, Result
from bcalc.money import ONE, ZERO


# ---- which inputs are uncertain ----------------------------------------------------------------------


def _used_price(item, dep, case: Case) -> tuple[Price | None, int | None]:
    """The quoted price the engine takes for an item (a tier's, if the item has a staffel)."""
    from bcalc.core.selection import tier_count, tier_index, tier_years

    if not item.tiers:
        return item.price, None
    i = tier_index(item, tier_count(item, dep, case), tier_years(dep, case))
    return (item.tiers[i].price, i) if i is not None else (item.price, None)


def _ends(price: Price, end: str, spread: Decimal) -> tuple[Decimal, Decimal, Decimal, str] | None:
    """(low, mode, high, origin) of a quoted figure, or None when it is a plain point."""
    if price.is_range:
        return price.low, price.pick(end), price.high, "range"  # type: ignore[return-value]
    if price.approx and price.amount:
        a = price.amount
        return a * (ONE - spread), a, a * (ONE + spread), "approx"
    return None


def catalogue_inputs(model: Model, base: Result, spread: Decimal) -> list[Input]:
    """Catalogue ranges and "±" figures of every priced item and time line the case uses.

    An item counts when the base result has a line for it; an item with a negotiated price in the
    case (``prices:``) does not. A product used by several deployments gives one input per figure
    (the same quoted price, so the same draw).
    """
    from bcalc.core.selection import active_options, active_time

    case, end = model.case, model.prices
    used = {(ln.deployment, ln.base_item or ln.item) for ln in base.lines}
    found: dict[str, Input] = {}
    for d, dep in enumerate(case.deployments):
        product = model.catalogue.products[dep.product]
        active = active_options(product, dep)
        for item in product.items:
            if (d, item.id) not in used or item.id in dep.prices or item.included or item.packs:
                continue
            if item.options and not active.intersection(item.options):
                continue
            price, tier = _used_price(item, dep, case)
            if price is None:
                continue
            ends = _ends(price, end, spread)
            if ends is None:
                continue
            key = f"catalogue.{product.id}.{item.id}" + (f".tiers[{tier}]" if tier is not None else "")
            if key in found:
                continue
            low, mode, high, origin = ends
            tier_obj = item.tiers[tier] if tier is not None else None
            source = (tier_obj.source if tier_obj is not None and tier_obj.source else item.source)
            label = Message("input_item", {"product": product.name, "item": item.label,
                                           "tier": tier_obj.label if tier_obj is not None else None})
            found[key] = Input(key=key, kind="item", target=(product.id, item.id, tier), low=low, mode=mode,
                               high=high, unit=item.currency, origin=origin, source=source, label=label,
                               written=price.written)
        for line in active_time(product, dep):
            if (d, line.id) not in used:
                continue
            figures = [(None, line.hours, "hours")] if line.hours is not None else []
            figures += [(j, ph.hours_per_week, "hours_per_week") for j, ph in enumerate(line.phases)]
            for j, price, unit in figures:
                ends = _ends(price, end, spread)
                if ends is None:
                    continue
                key = f"catalogue.{product.id}.time.{line.id}" + (f".phases[{j}]" if j is not None else "")
                if key in found:
                    continue
                low, mode, high, origin = ends
                phase = j + 1 if j is not None and len(line.phases) > 1 else None
                label = Message("input_time", {"product": product.name, "item": line.label, "phase": phase})
                found[key] = Input(key=key, kind="time", target=(product.id, line.id, j), low=low, mode=mode,
                                   high=high, unit=unit, origin=origin, source=line.source, label=label,
                                   written=line.written)
    return list(found.values())


def clients_input(model: Model, d: int, low: Decimal, mode: Decimal, high: Decimal, origin: str) -> Input:
    dep = model.case.deployments[d]
    label = Message("input_clients", {"deployment": d + 1, "product": model.catalogue.products[dep.product].name,
                                      "label": dep.label})
    return Input(key=f"deployments[{d}].clients", kind="clients", target=(d,), low=low, mode=mode, high=high,
                 unit="clients", origin=origin, label=label)


def benefit_input(model: Model, b: int, field: str, low, mode, high, origin: str) -> Input:
    benefit = model.case.benefits[b]
    unit = {"minutes": "minutes", "hours": "hours", "amount": "EUR", "realisation": "share"}[field]
    return Input(key=f"benefits[{b}].{field}", kind="benefit", target=(b, field), low=low, mode=mode, high=high,
                 unit=unit, origin=origin,
                 label=Message("input_benefit", {"benefit": b + 1, "label": benefit.label, "field": field}))


def index_input(model: Model, kind: str, low, mode, high, origin: str) -> Input:
    return Input(key=f"indexation.{kind}", kind="indexation", target=(kind,), low=low, mode=mode, high=high,
                 unit="rate", origin=origin, label=Message("input_indexation", {"kind": kind}))


def funding_mode(model: Model, f: int, field: str) -> Decimal | None:
    line = model.case.funding[f]
    value = getattr(line, field)
    if value is None and field == "tariff":
        code = model.tariffs.funding[line.code]
        value = code.tariffs.get(model.case.start_year)
    return value


def funding_input(model: Model, f: int, field: str, low, mode, high, origin: str) -> Input:
    line = model.case.funding[f]
    name = line.label or line.code
    unit = {"tariff": "EUR/h", "day_rate": "EUR/day", "technology_share": "share"}[field]
    return Input(key=f"funding[{f}].{field}", kind="funding", target=(f, field), low=low, mode=mode, high=high,
                 unit=unit, origin=origin,
                 label=Message("input_funding", {"funding": f + 1, "name": name, "field": field}))


def price_mode(model: Model, d: int, item_id: str) -> Decimal | None:
    """The unit price (euros, as quoted) the estimate uses for an item of a deployment."""
    from bcalc.core.indexation import level_factor
    from bcalc.core.plan import unit_price

    case = model.case
    dep = case.deployments[d]
    if item_id in dep.prices:
        return dep.prices[item_id]
    product = model.catalogue.products[dep.product]
    item = product.item(item_id)
    if item is None:
        return None
    from bcalc.core.selection import level_year

    return unit_price(item, dep, case, model.prices, product,
                      level_factor(case, model.tariffs, level_year(item, product)))


def price_input(model: Model, d: int, item_id: str, low, mode, high, origin: str) -> Input:
    product = model.catalogue.products[model.case.deployments[d].product]
    item = product.item(item_id)
    label = item.label if item is not None else item_id
    return Input(key=f"deployments[{d}].prices.{item_id}", kind="price", target=(d, item_id), low=low, mode=mode,
                 high=high, unit="EUR", origin=origin, source=item.source if item is not None else "",
                 label=Message("input_price", {"deployment": d + 1, "product": product.name, "item": label}))


def staff_input(model: Model, role: str, low, mode, high, origin: str) -> Input:
    return Input(key=f"staff.{role}.rate", kind="staff_rate", target=(role,), low=low, mode=mode, high=high,
                 unit="EUR/h", origin=origin, label=Message("input_staff_rate", {"role": role}))


def swing_inputs(model: Model, swing: Decimal) -> list[Input]:
    """Inputs the case gives without a range, each moved ``swing`` either way (indexation: 1 pp)."""
    case = model.case
    down, up = ONE - swing, ONE + swing
    out: list[Input] = []
    for d, dep in enumerate(case.deployments):
        peak = max(dep.clients) if dep.clients else 0
        if peak:
            low = min(half_up(peak * down), peak - 1)
            high = max(half_up(peak * up), peak + 1)
            out.append(clients_input(model, d, Decimal(max(low, 0)), Decimal(peak), Decimal(high), "swing"))
    for b, benefit in enumerate(case.benefits):
        for field in ("minutes", "hours", "amount"):
            value = getattr(benefit, field)
            if value:
                out.append(benefit_input(model, b, field, value * down, value, value * up, "swing"))
        r = benefit.realisation
        if r:
            out.append(benefit_input(model, b, "realisation", r * down, r, min(r * up, ONE), "swing"))
    for role, staff in case.staff.items():
        if staff.rate:
            out.append(staff_input(model, role, staff.rate * down, staff.rate, staff.rate * up, "swing"))
    for f, line in enumerate(case.funding):
        for field in ("tariff", "day_rate", "technology_share"):
            if field == "tariff" and model.tariffs.funding[line.code].kind != "hourly":
                continue
            value = funding_mode(model, f, field)
            if value:
                out.append(funding_input(model, f, field, value * down, value, value * up, "swing"))
    for kind in ("prices", "wages", "tariffs"):
        rate = index_mode(model, kind)
        down, up = index_room(model, kind)
        out.append(index_input(model, kind, rate - min(INDEX_STEP, down), rate, rate + min(INDEX_STEP, up), "index"))
    return out


def index_rates(model: Model, kind: str) -> list[Decimal]:
    """The rates of one indexation series in the years of the horizon after the first."""
    case = model.case
    own = getattr(case.indexation, kind)
    if own is not None:
        return [own]
    series = getattr(model.tariffs.scenarios[model.scenario_name], kind)
    return [series.rate(year) for year in range(case.start_year + 1, case.start_year + case.years + 1)]


def index_room(model: Model, kind: str) -> tuple[Decimal, Decimal]:
    """How far every year's rate of a series can move down and up before one of them leaves the
    bounds that the case file declares for an indexation rate (bcalc.fields)."""
    from bcalc import fields as F
    from bcalc.fields import bounds

    lo, hi = bounds(F.CASE_INDEXATION[kind])
    rates = index_rates(model, kind)
    down = min(rates) - lo if lo is not None else INDEX_STEP
    up = hi - max(rates) if hi is not None else INDEX_STEP
    return max(down, ZERO), max(up, ZERO)


def held_notes(model: Model, inputs: list[Input]) -> list[Message]:
    """A note for every indexation swing that the bounds of an indexation rate held short of one
    percentage point, with the end and the bound that held it."""
    from bcalc import fields as F
    from bcalc.fields import bounds

    notes = []
    for inp in inputs:
        if inp.kind != "indexation" or inp.origin != "index":
            continue
        (kind,) = inp.target
        lo, hi = bounds(F.CASE_INDEXATION[kind])
        down, up = index_room(model, kind)
        if down < INDEX_STEP:
            notes.append(Message("sensitivity_index_held", {"kind": kind, "end": "low", "bound": lo,
                                                             "step": INDEX_STEP, "value": inp.low}))
        if up < INDEX_STEP:
            notes.append(Message("sensitivity_index_held", {"kind": kind, "end": "high", "bound": hi,
                                                             "step": INDEX_STEP, "value": inp.high}))
    return notes
