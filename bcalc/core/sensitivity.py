"""Sensitivity: one input at a time to its low and its high end, everything else as estimated.

This module also holds what ``bcalc simulate`` shares with it: the uncertain inputs of a case
(catalogue ranges, prices written with "±", values the case gives without a range), and how one
input is set to a value before an exact engine run.

Public API (pure: no IO, Decimal only; the report may call it directly)::

    from bcalc.core.sensitivity import sensitivity
    s = sensitivity(case, catalogue, tariffs, scenario=None, prices="mid")
    s.base.net, s.base.npv            # the estimate itself (npv is None without case.discount_rate)
    for row in s.rows:                # largest swing first
        row.input.key                 # "deployments[0].clients", "catalogue.medido.zorgcentrale", ...
        say(row.input.label, "nl")    # what to show (bcalc.messages.say)
        row.input.low, row.input.high # the input's ends (Decimal; percentages as fractions)
        row.net_low, row.net_high     # net result over the horizon with the input at that end
        row.npv_low, row.npv_high     # NPV at that end, or None
        row.swing                     # |net_high - net_low|
    s.without_effect                  # inputs that change nothing (left out of rows)
    s.settings                        # the spread and swing used, and whether tariffs.yaml states them

Every row comes from two runs of the exact engine (``estimate(checks=False)``) on the case with
that one input changed, so ``row.net_low`` is exactly ``estimate(changed case).total.net``.

Which inputs move, and how far:
- a catalogue price or time given as a range (low-high): its ends;
- a price or time written with "±": ``approx_spread`` either way (tariffs.yaml, ``uncertainty``);
- without a range, ``default_swing`` either way: clients per deployment (the peak; other years
  scale with it, at least one client either way), each benefit's minutes, hours or amount and its
  realisation (capped at 100 %), each staff rate that is given, each funding tariff, day rate and
  technology share;
- the indexation rates for prices, wages and tariffs: 1 percentage point either way (every year).
"""

from __future__ import annotations

from dataclasses import field, replace
from decimal import ROUND_HALF_UP, Decimal

from bcalc.models import Case, Catalogue, Message, Price, RateSeries, Result, Tariffs
from bcalc.money import ONE, ZERO
from bcalc.record import record

DEFAULT_APPROX_SPREAD = Decimal("0.10")
DEFAULT_SWING = Decimal("0.20")
INDEX_STEP = Decimal("0.01")          # indexation rates move one percentage point


# ---- settings ------------------------------------------------------------------------------------


@record
class UncertaintySettings:
    approx_spread: Decimal        # a "±" figure varies this share either way
    default_swing: Decimal        # sensitivity: inputs without a range move this share either way
    basis: str                    # the text in tariffs.yaml (Dutch)
    stated: bool                  # False: tariffs.yaml has no `uncertainty` block; bcalc's defaults used


def settings(tariffs: Tariffs) -> UncertaintySettings:
    u = getattr(tariffs, "uncertainty", None) or {}
    return UncertaintySettings(approx_spread=u.get("approx_spread", DEFAULT_APPROX_SPREAD),
                               default_swing=u.get("default_swing", DEFAULT_SWING),
                               basis=u.get("basis", ""), stated=bool(u))


# ---- one engine run --------------------------------------------------------------------------------


@record
class Outcome:
    """The totals over the horizon that simulate and sensitivity report."""

    cost: Decimal
    benefits: Decimal
    funding: Decimal
    net: Decimal
    npv: Decimal | None           # None without a discount rate in the case

    @classmethod
    def of(cls, result) -> "Outcome":
        """Of a Result, or of a Summary (bcalc.core.engine.totals)."""
        t = result.total
        if isinstance(result, Result):
            npv = result.investment.npv if result.investment is not None else None
        else:
            npv = result.npv
        return cls(cost=t.cost, benefits=t.benefits, funding=t.funding, net=t.net, npv=npv)

    def get(self, metric: str) -> Decimal | None:
        return getattr(self, metric)


@record
class Model:
    """Everything one engine run needs; inputs are applied by replacing parts of it. The runs of
    a model and of the models made from it share ``memo`` (bcalc.core.memo)."""

    case: Case
    catalogue: Catalogue
    tariffs: Tariffs
    scenario: str | None = None
    prices: str = "mid"
    memo: object = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.memo is None:
            from bcalc.core.memo import Memo

            object.__setattr__(self, "memo", Memo())

    @property
    def scenario_name(self) -> str:
        return self.scenario or self.case.scenario

    def result(self) -> Result:
        """The full estimate (every line), without the contract checks."""
        from bcalc.core.engine import estimate

        return estimate(self.case, self.catalogue, self.tariffs, scenario=self.scenario, prices=self.prices,
                        checks=False, memo=self.memo)

    def summary(self):
        """The totals of ``result()`` to the cent, without its lines (bcalc.core.engine.Summary)."""
        from bcalc.core.engine import totals

        return totals(self.case, self.catalogue, self.tariffs, scenario=self.scenario, prices=self.prices,
                      memo=self.memo)

    def run(self) -> Outcome:
        return Outcome.of(self.summary())

    def parts(self, deployments=(), benefits=(), funding=()) -> dict[int, list[Decimal]]:
        """Per calendar year [cost, benefits, funding] of these parts of the case only."""
        from bcalc.core.engine import partial

        return partial(self.case, self.catalogue, self.tariffs, scenario=self.scenario, prices=self.prices,
                       memo=self.memo, deployments=deployments, benefits=benefits, funding=funding)


# ---- inputs ----------------------------------------------------------------------------------------


@record
class Input:
    """One uncertain input: where its value goes, its low / mode / high, and where they come from.

    ``kind`` and ``target`` say where the value goes (see ``apply``):
    item (product, item, tier index or None), time (product, line, phase index or None),
    clients (deployment,), benefit (benefit, field), indexation (kind,), funding (line, field),
    price (deployment, item) for a negotiated price, staff_rate (role,).
    """

    key: str                      # a stable name: deployments[0].clients, catalogue.medido.zorgcentrale, ...
    kind: str
    target: tuple
    low: Decimal
    mode: Decimal                 # the value the estimate uses
    high: Decimal
    unit: str                     # EUR, USD, clients, minutes, hours, hours_per_week, share, rate, EUR/h, EUR/day
    origin: str                   # range, approx (the spread assumption), swing (default swing), index (1 pp), vary
    source: str = ""              # the catalogue's source line, if any
    label: Message | None = None  # what to show, in words of bcalc.messages
    written: str = ""             # the figure as the source prints it

    @property
    def fixed(self) -> bool:
        return self.low == self.high

    @property
    def whole(self) -> bool:
        """The value is a count (clients): drawn values are rounded to whole numbers."""
        return self.kind == "clients"


def _half_up(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


def scaled_clients(planned: tuple[int, ...], peak: int) -> tuple[int, ...]:
    """The planned clients per year scaled so that the largest year has ``peak`` clients."""
    top = max(planned) if planned else 0
    if top == peak:
        return planned
    if top == 0:
        raise ValueError("no clients to scale")
    return tuple(_half_up(Decimal(c) * Decimal(peak) / Decimal(top)) for c in planned)


def _with_product(catalogue: Catalogue, product) -> Catalogue:
    products = dict(catalogue.products)
    products[product.id] = product
    return replace(catalogue, products=products)


def _point(price: Price, value: Decimal) -> Price:
    return Price(amount=value, approx=price.approx, bound=price.bound, written=price.written)


def index_mode(model: Model, kind: str) -> Decimal:
    """The indexation rate the estimate uses: the case's own, else the scenario's in the first indexed year."""
    own = getattr(model.case.indexation, kind)
    if own is not None:
        return own
    series = getattr(model.tariffs.scenarios[model.scenario_name], kind)
    return series.rate(model.case.start_year + 1)


def _shift_index(model: Model, kind: str, delta: Decimal) -> Model:
    """Every year's rate of one indexation series moved by ``delta``."""
    if not delta:
        return model
    case = model.case
    own = getattr(case.indexation, kind)
    if own is not None:
        return replace(model, case=replace(case, indexation=replace(case.indexation, **{kind: own + delta})))
    name = model.scenario_name
    scenario = model.tariffs.scenarios[name]
    series = getattr(scenario, kind)
    moved = RateSeries(default=series.default + delta, by_year={y: r + delta for y, r in series.by_year.items()})
    scenarios = dict(model.tariffs.scenarios)
    scenarios[name] = replace(scenario, **{kind: moved})
    return replace(model, tariffs=replace(model.tariffs, scenarios=scenarios))


def apply(model: Model, inp: Input, value: Decimal) -> Model:
    """The model with one input set to ``value`` (in the input's own unit)."""
    kind, target = inp.kind, inp.target
    case = model.case
    if kind == "item":
        pid, item_id, tier = target
        product = model.catalogue.products[pid]
        items = []
        for it in product.items:
            if it.id == item_id:
                if tier is None:
                    it = replace(it, price=_point(it.price, value))
                else:
                    tiers = list(it.tiers)
                    tiers[tier] = replace(tiers[tier], price=_point(tiers[tier].price, value))
                    it = replace(it, tiers=tuple(tiers))
            items.append(it)
        return replace(model, catalogue=_with_product(model.catalogue, replace(product, items=tuple(items))))
    if kind == "time":
        pid, line_id, phase = target
        product = model.catalogue.products[pid]
        lines = []
        for ln in product.time:
            if ln.id == line_id:
                if phase is None:
                    ln = replace(ln, hours=_point(ln.hours, value))
                else:
                    phases = list(ln.phases)
                    phases[phase] = replace(phases[phase], hours_per_week=_point(phases[phase].hours_per_week, value))
                    ln = replace(ln, phases=tuple(phases))
            lines.append(ln)
        return replace(model, catalogue=_with_product(model.catalogue, replace(product, time=tuple(lines))))
    if kind == "clients":
        (d,) = target
        deps = list(case.deployments)
        deps[d] = replace(deps[d], clients=scaled_clients(deps[d].clients, _half_up(value)))
        return replace(model, case=replace(case, deployments=tuple(deps)))
    if kind == "benefit":
        b, field = target
        benefits = list(case.benefits)
        benefits[b] = replace(benefits[b], **{field: value})
        return replace(model, case=replace(case, benefits=tuple(benefits)))
    if kind == "indexation":
        (which,) = target
        return _shift_index(model, which, value - index_mode(model, which))
    if kind == "funding":
        f, field = target
        lines = list(case.funding)
        lines[f] = replace(lines[f], **{field: value})
        return replace(model, case=replace(case, funding=tuple(lines)))
    if kind == "price":
        d, item_id = target
        deps = list(case.deployments)
        prices = dict(deps[d].prices)
        prices[item_id] = value
        deps[d] = replace(deps[d], prices=prices)
        return replace(model, case=replace(case, deployments=tuple(deps)))
    if kind == "staff_rate":
        (role,) = target
        staff = dict(case.staff)
        staff[role] = replace(staff[role], rate=value)
        return replace(model, case=replace(case, staff=staff))
    raise ValueError(f"unknown input kind {kind!r}")


def apply_all(model: Model, values) -> Model:
    """The model with several inputs set: ``values`` is a sequence of (Input, value)."""
    for inp, value in values:
        model = apply(model, inp, value)
    return model


# ---- which inputs are uncertain ----------------------------------------------------------------------


def _used_price(item, dep, case: Case) -> tuple[Price | None, int | None]:
    """The quoted price the engine takes for an item (a tier's, if the item has a staffel)."""
    from bcalc.core.selection import tier_count, tier_index

    if not item.tiers:
        return item.price, None
    i = tier_index(item, tier_count(item, dep, case), case.years)
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
    from bcalc.core.selection import active_options

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
        for line in product.time:
            if (d, line.id) not in used or not line.counted:
                continue
            if line.options and not active.intersection(line.options):
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
    from bcalc.core.plan import unit_price

    case = model.case
    dep = case.deployments[d]
    if item_id in dep.prices:
        return dep.prices[item_id]
    product = model.catalogue.products[dep.product]
    item = product.item(item_id)
    if item is None:
        return None
    return unit_price(item, dep, case, model.prices, product)


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
            low = min(_half_up(peak * down), peak - 1)
            high = max(_half_up(peak * up), peak + 1)
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


# ---- sensitivity -----------------------------------------------------------------------------------


@record
class SensitivityRow:
    input: Input
    low: Outcome                  # the case with this input at its low end (all else as estimated)
    high: Outcome                 # ... at its high end

    @property
    def net_low(self) -> Decimal:
        return self.low.net

    @property
    def net_high(self) -> Decimal:
        return self.high.net

    @property
    def npv_low(self) -> Decimal | None:
        return self.low.npv

    @property
    def npv_high(self) -> Decimal | None:
        return self.high.npv

    @property
    def swing(self) -> Decimal:
        """|net at the high end - net at the low end|: the width of the tornado bar."""
        return abs(self.high.net - self.low.net)


@record
class Sensitivity:
    case: Case
    scenario: str
    prices: str                   # the price end of the base (low, mid, high)
    base: Outcome                 # the estimate itself
    rows: tuple[SensitivityRow, ...]          # largest swing first
    without_effect: tuple[Input, ...]         # moved, but net and NPV did not change
    settings: UncertaintySettings
    notes: tuple[Message, ...] = ()           # sensitivity_index_held: a swing held at a declared bound

    @property
    def has_npv(self) -> bool:
        return self.base.npv is not None

    def change(self, row: SensitivityRow, end: str, metric: str = "net") -> Decimal | None:
        """The change against the base of ``metric`` (net or npv) with the input at ``end`` (low or high)."""
        value = getattr(row.low if end == "low" else row.high, metric)
        base = getattr(self.base, metric)
        return None if value is None or base is None else value - base


def local_parts(model: Model, inp: Input) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]] | None:
    """The parts of the case an input changes, when that is all it changes: (deployments, benefits,
    funding lines), by number; None when it reaches further (staff rates, indexation)."""
    case = model.case
    if inp.kind in ("item", "time"):
        return tuple(d for d, dep in enumerate(case.deployments) if dep.product == inp.target[0]), (), ()
    if inp.kind == "price":
        return (inp.target[0],), (), ()
    if inp.kind == "clients":
        d = inp.target[0]
        return (d,), tuple(b for b, ben in enumerate(case.benefits) if ben.clients is None and ben.deployment == d), ()
    if inp.kind == "benefit":
        return (), (inp.target[0],), ()
    if inp.kind == "funding":
        return (), (), (inp.target[0],)
    return None


class Evaluator:
    """Exact outcomes of a model with one input changed, re-evaluating only what the input touches.

    An input that changes only some parts of the case (a catalogue price: the deployments of its
    product; a negotiated price or the clients of a deployment: that deployment, and the benefits
    that follow its clients; a benefit or a funding line: just that) has those parts evaluated as
    they are in the whole case, before and after: the totals are sums of rounded lines, so the
    outcome is the base minus those parts before plus those parts after, to the cent, and the NPV
    is computed from the yearly net flows as the engine does. Staff rates and indexation reach
    every part: they run the whole case (the memo still keeps what they leave unchanged).
    """

    def __init__(self, model: Model, base):
        self.model = model
        self.base = base
        self._before: dict[tuple, dict[int, list[Decimal]]] = {}

    def outcome(self, inp: Input, value: Decimal) -> Outcome:
        changed = apply(self.model, inp, value)
        parts = local_parts(self.model, inp)
        if parts is None:
            return changed.run()
        if parts not in self._before:
            self._before[parts] = self.model.parts(*parts)
        before, after = self._before[parts], changed.parts(*parts)
        from bcalc.core.finance import npv
        from bcalc.money import round_cents

        t = self.base.total
        delta = [ZERO, ZERO, ZERO]
        flows = []
        for row in self.base.per_year:
            b, a = before[row.year], after[row.year]
            step = [a[i] - b[i] for i in range(3)]
            for i in range(3):
                delta[i] += step[i]
            flows.append(row.totals.net - step[0] + step[1] + step[2])
        cost, benefits, funding = t.cost + delta[0], t.benefits + delta[1], t.funding + delta[2]
        rate = self.model.case.discount_rate
        return Outcome(cost=cost, benefits=benefits, funding=funding, net=funding + benefits - cost,
                       npv=round_cents(npv(rate, flows)) if rate is not None else None)


def sensitivity(case: Case, catalogue: Catalogue, tariffs: Tariffs, scenario: str | None = None,
                prices: str = "mid", base: Result | None = None, memo=None) -> Sensitivity:
    """Every uncertain input of the case moved to its low and its high end, one at a time.
    ``base``: the estimate of the case with this scenario and price end, when the caller has it.
    ``memo``: what the runs of one command share (bcalc.core.memo)."""
    cfg = settings(tariffs)
    model = Model(case, catalogue, tariffs, scenario, prices, memo)
    base_result = base if base is not None else model.result()
    base_outcome = Outcome.of(base_result)
    swings = swing_inputs(model, cfg.default_swing)
    inputs = catalogue_inputs(model, base_result, cfg.approx_spread) + swings
    runs = Evaluator(model, base_result)
    rows: list[SensitivityRow] = []
    idle: list[Input] = []
    for inp in inputs:
        low = base_outcome if inp.low == inp.mode else runs.outcome(inp, inp.low)
        high = base_outcome if inp.high == inp.mode else runs.outcome(inp, inp.high)
        if low == base_outcome and high == base_outcome:
            idle.append(inp)
            continue
        rows.append(SensitivityRow(inp, low, high))
    rows.sort(key=lambda r: (-r.swing, -abs((r.high.npv or ZERO) - (r.low.npv or ZERO)), r.input.key))
    return Sensitivity(case=case, scenario=model.scenario_name, prices=prices, base=base_outcome, rows=tuple(rows),
                       without_effect=tuple(idle), settings=cfg, notes=tuple(held_notes(model, swings)))


__all__ = ["sensitivity", "Sensitivity", "SensitivityRow", "Input", "Outcome", "Model", "UncertaintySettings",
           "Evaluator", "local_parts", "index_room", "held_notes",
           "settings", "apply", "apply_all", "catalogue_inputs", "swing_inputs", "scaled_clients"]
