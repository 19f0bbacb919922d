"""The uncertain inputs of a case, as ``bcalc sensitivity`` and ``bcalc simulate`` move them: the
settings of tariffs.yaml (``uncertainty``), one engine run (``Model``, ``Outcome``), one input and its
ends (``Input``) and how an input is set to a value before an exact engine run (``apply``). Which
inputs a case has is in ``bcalc.core.inputs``."""

from __future__ import annotations

from dataclasses import field, replace
from decimal import ROUND_HALF_UP, Decimal

from bcalc.models import Case, Catalogue, Message, Price, RateSeries, Result, Tariffs
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

    def partial_run(self, deployments=(), benefits=(), funding=()):
        """The lines of these parts of the case only (bcalc.core.engine.PartialRun)."""
        from bcalc.core.engine import partial_run

        return partial_run(self.case, self.catalogue, self.tariffs, scenario=self.scenario, prices=self.prices,
                           memo=self.memo, deployments=deployments, benefits=benefits, funding=funding)

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


def half_up(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


def scaled_clients(planned: tuple[int, ...], peak: int) -> tuple[int, ...]:
    """The planned clients per year scaled so that the largest year has ``peak`` clients."""
    top = max(planned) if planned else 0
    if top == peak:
        return planned
    if top == 0:
        raise ValueError("no clients to scale")
    return tuple(half_up(Decimal(c) * Decimal(peak) / Decimal(top)) for c in planned)


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


# inputs that set a field of one deployment (its clients, a negotiated price)
DEPLOYMENT_KINDS = ("clients", "price")


def _set_deployment(dep, inp: Input, value: Decimal):
    """A deployment with a clients or price input set to ``value``."""
    if inp.kind == "clients":
        return replace(dep, clients=scaled_clients(dep.clients, half_up(value)))
    prices = dict(dep.prices)
    prices[inp.target[1]] = value
    return replace(dep, prices=prices)


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
    if kind in DEPLOYMENT_KINDS:
        deps = list(case.deployments)
        d = target[0]
        deps[d] = _set_deployment(deps[d], inp, value)
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
    if kind == "staff_rate":
        (role,) = target
        staff = dict(case.staff)
        staff[role] = replace(staff[role], rate=value)
        return replace(model, case=replace(case, staff=staff))
    raise ValueError(f"unknown input kind {kind!r}")


def apply_all(model: Model, values) -> Model:
    """The model with several inputs set: ``values`` is a sequence of (Input, value). The clients
    and negotiated prices of deployments are set in one pass over the deployments (as ``apply`` sets
    them one at a time), so a case with many deployments is not copied once per input."""
    values = list(values)
    batch = [(inp, value) for inp, value in values if inp.kind in DEPLOYMENT_KINDS]
    if len(batch) > 1:
        case = model.case
        deps = list(case.deployments)
        for inp, value in batch:
            deps[inp.target[0]] = _set_deployment(deps[inp.target[0]], inp, value)
        model = replace(model, case=replace(case, deployments=tuple(deps)))
        values = [(inp, value) for inp, value in values if inp.kind not in DEPLOYMENT_KINDS]
    for inp, value in values:
        model = apply(model, inp, value)
    return model
