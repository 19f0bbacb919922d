"""Sensitivity: one input at a time to its low and its high end, everything else as estimated.

What ``bcalc simulate`` shares with it lives apart: one engine run and how an input is set to a
value (``bcalc.core.uncertain``), and which inputs of a case are uncertain (``bcalc.core.inputs``).

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

from decimal import Decimal

from bcalc.core.inputs import catalogue_inputs, held_notes, index_room, swing_inputs
from bcalc.core.uncertain import Input, Model, Outcome, UncertaintySettings, apply, apply_all, scaled_clients, settings
from bcalc.models import Case, Catalogue, Message, Result, Tariffs
from bcalc.money import ZERO
from bcalc.record import record


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
    # a subsidy worked out from its rules follows the costs of every deployment (bcalc.core.funders)
    ruled = tuple(f for f, line in enumerate(case.funding) if line.rules is not None)
    if inp.kind in ("item", "time"):
        return tuple(d for d, dep in enumerate(case.deployments) if dep.product == inp.target[0]), (), ruled
    if inp.kind == "price":
        return (inp.target[0],), (), ruled
    if inp.kind == "clients":
        d = inp.target[0]
        return ((d,), tuple(b for b, ben in enumerate(case.benefits) if ben.clients is None and ben.deployment == d),
                tuple(f for f, line in enumerate(case.funding) if line.deployment == d or line.rules is not None))
    if inp.kind == "benefit":
        return (), (inp.target[0],), ()
    if inp.kind == "funding":
        return (), (), (inp.target[0],)
    return None


class Evaluator:
    """Exact outcomes of a model with one input changed, re-evaluating only what the input touches.

    An input that changes only some parts of the case (a catalogue price: the deployments of its
    product; a negotiated price or the clients of a deployment: that deployment, and the benefits
    and funding lines that follow its clients; a benefit or a funding line: just that) has those
    parts evaluated as they are in the whole case, before and after: the totals are sums of rounded
    lines, so the outcome is the base minus those parts before plus those parts after, to the cent,
    and the NPV is computed from the yearly net flows as the engine does. Staff rates and indexation
    reach every part: they run the whole case (the memo still keeps what they leave unchanged).
    """

    def __init__(self, model: Model, base: Result):
        self.model = model
        self.base = base
        self._before: dict[tuple, dict[int, list[Decimal]]] = {}
        self._by_part: dict[tuple, dict[int, Decimal]] | None = None

    def _before_of(self, parts) -> dict[int, list[Decimal]]:
        """Per calendar year [cost, benefits, funding] of ``parts`` in the base: the sums of the
        base's own rounded lines of those parts (what ``Model.parts`` would run the engine for)."""
        if parts in self._before:
            return self._before[parts]
        if self._by_part is None:
            by: dict[tuple, dict[int, Decimal]] = {}
            for ln in self.base.lines:
                acc = by.setdefault(("line", ln.deployment), {})
                acc[ln.year] = acc.get(ln.year, ZERO) + ln.excl_vat + ln.vat
            for kind, results in (("benefit", self.base.benefits), ("funding", self.base.funding)):
                for r in results:
                    acc = by.setdefault((kind, r.index), {})
                    acc[r.year] = acc.get(r.year, ZERO) + r.amount
            self._by_part = by
        out = {row.year: [ZERO, ZERO, ZERO] for row in self.base.per_year}
        for slot, (kind, numbers) in enumerate(zip(("line", "benefit", "funding"), parts)):
            for n in numbers:
                for year, amount in self._by_part.get((kind, n), {}).items():
                    out[year][slot] += amount
        self._before[parts] = out
        return out

    def outcome(self, inp: Input, value: Decimal) -> Outcome:
        changed = apply(self.model, inp, value)
        parts = local_parts(self.model, inp)
        if parts is None:
            return changed.run()
        return self.outcome_with(parts, changed.parts(*parts))

    def outcome_with(self, parts, after: dict[int, list[Decimal]]) -> Outcome:
        """The outcome of the case with ``parts`` (deployments, benefits, funding lines) evaluated
        to ``after``: per calendar year [cost, benefits, funding] of those parts once changed."""
        before = self._before_of(parts)
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
    catalogue = catalogue.for_case(case)  # the products the case file adds
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
