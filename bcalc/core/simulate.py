"""Monte Carlo over the uncertain inputs of a case: P10 / P50 / P90 of cost, benefits, funding,
net result and NPV.

No draw runs the Decimal engine. For given clients the cost is linear in the prices, so the
response is built once with the exact engine: every uncertain input is run at its low end, mode
and high end (all others at their mode), and a draw's outcome is

    base + sum over inputs of a piecewise-linear response
           (the slope below the mode from the low run, above the mode from the high run)
         + the cross terms of inputs that scale the same component.

That is exact for a single price (up to the cent rounding of the lines). Where the response is
not linear the engine is run at more points: at every whole number of clients (up to 25 points
per deployment; tiers, minimum volumes and new units make clients step-wise) and at nine points
of an indexation rate (compounding), plus the deployments' price caps. Inputs that multiply each
other (a benefit's minutes x its realisation, a deployment's clients x a unit price, a tariff x
the tariff indexation) act on the same component (a line item, a benefit, a funding line): the
runs record each component's response, and the draw adds base_c x (prod(1 + d_i/base_c) - 1 -
sum(d_i/base_c)), exact when the component is a product of those inputs. An input that changes
only some parts of the case (a price, the clients of one deployment, a benefit, a funding line:
``bcalc.core.sensitivity.local_parts``) has only those parts run at its knots; the rest keeps the
base's figures, so a case with a thousand deployments does not run all of them for each one's
clients. A seeded sample of draws is then run through the exact engine and the largest deviation
is reported with the result.

numpy is imported only when a simulation runs; ``bcalc estimate`` never loads it.

Public API::

    from bcalc.core.simulate import parse_vary, simulate
    sim = simulate(case, catalogue, tariffs, draws=10_000, seed=1, vary=["deployments[0].clients=30:45"])
    sim.stats["net"].p50, sim.probability, sim.max_deviation, sim.inputs, sim.histogram

Inputs, each triangular(low, mode, high) with mode = the value the estimate uses: what
``bcalc sensitivity`` moves, over the same ends (``bcalc.core.inputs``): every catalogue range (mode:
the midpoint), every "±" figure (the spread assumption of tariffs.yaml, 10 % by default), the
case's clients per deployment, each benefit's minutes, hours or amount and its realisation, each
staff rate and funding tariff (the default swing of tariffs.yaml, 20 % by default) and the
indexation rates (one percentage point); and the ``--vary PATH=LOW:HIGH`` / ``PATH=LOW:MODE:HIGH``
specs (see ``parse_vary``), which replace the input of the same key. ``scope="prices"`` draws only
the catalogue's ranges and "±" figures (and --vary).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from bcalc.core.inputs import (
    benefit_input,
    catalogue_inputs,
    swing_inputs,
    clients_input,
    funding_input,
    funding_mode,
    index_input,
    price_input,
    price_mode,
    staff_input,
)
from bcalc.core.uncertain import (
    Input,
    Model,
    Outcome,
    UncertaintySettings,
    apply,
    apply_all,
    index_mode,
    settings,
)
from bcalc.errors import InputError, Problem
from bcalc.models import Case, Catalogue, Result, Tariffs
from bcalc.money import CENT, ONE, ZERO
from bcalc.record import record

METRICS = ("cost", "benefits", "funding", "net", "npv")
MAX_DRAWS = 2_000_000
CHUNK = 100_000               # draws are made in chunks of this size (the same stream for any total)
CHECK_DRAWS = 20
KNOTS = 25                    # at most this many exact runs for the clients of one deployment
HISTOGRAM_BINS = 16
NUMPY_MISSING = "needs numpy, which is not installed: pip install numpy"


def require_numpy():
    """numpy, or an InputError (exit 2) that says how to install it."""
    try:
        import numpy
    except ImportError:
        raise InputError([Problem("bcalc", None, "simulate", NUMPY_MISSING)]) from None
    return numpy


# ---- --vary ----------------------------------------------------------------------------------------

_PATHS = (
    (re.compile(r"^deployments\[(\d+)\]\.clients$"), "clients"),
    (re.compile(r"^deployments\[(\d+)\]\.prices\.([A-Za-z0-9][A-Za-z0-9_-]*)$"), "price"),
    (re.compile(r"^benefits\[(\d+)\]\.(minutes|hours|realisation|amount)$"), "benefit"),
    (re.compile(r"^indexation\.(prices|wages|tariffs)$"), "indexation"),
    (re.compile(r"^funding\[(\d+)\]\.(tariff|day_rate|technology_share)$"), "funding"),
    (re.compile(r"^staff\.([A-Za-z0-9][A-Za-z0-9_-]*)\.rate$"), "staff_rate"),
)
PATH_HELP = ("deployments[i].clients, deployments[i].prices.ITEM, benefits[i].minutes|hours|realisation|amount, "
             "indexation.prices|wages|tariffs, funding[i].tariff|day_rate|technology_share, staff.ROLE.rate")


class _Bad(ValueError):
    pass


def _number(text: str, percent: bool) -> Decimal:
    t = text.strip()
    if not t:
        raise _Bad("a value is empty")
    is_pct = t.endswith("%")
    if is_pct and not percent:
        raise _Bad(f"'{t}': a percentage does not apply here; give a number")
    body = t[:-1].strip() if is_pct else t
    if "," in body:
        raise _Bad(f"'{t}' is not a number (write a decimal point, not a comma)")
    try:
        value = Decimal(body)
    except InvalidOperation:
        raise _Bad(f"'{t}' is not a number") from None
    if not value.is_finite():
        raise _Bad(f"'{t}' is not a number")
    if is_pct:
        value = value / 100
    elif percent and abs(value) > 1:
        raise _Bad(f"'{t}' reads as {value * 100:f}%; write {t}% if that is meant")
    return value


def _index(text: str, count: int, what: str) -> int:
    i = int(text)
    if i >= count:
        have = f"0..{count - 1}" if count else "none"
        raise _Bad(f"{what}[{i}] does not exist: the case has {count} {what} ({have})")
    return i


def parse_vary(spec: str, model: Model) -> Input:
    """One ``--vary PATH=LOW:HIGH`` or ``PATH=LOW:MODE:HIGH`` for this case, as an Input.

    Indices count from 0. Clients: the peak (the largest year); the other years scale with it.
    Percentages (indexation, realisation, technology_share) as ``4%`` or ``0.04``; indexation moves
    the rate of every year by the drawn value minus the mode. Without a mode, the mode is the
    case's own value clamped into the range. Raises InputError naming --vary.
    """
    try:
        return _parse_vary(spec, model)
    except _Bad as exc:
        raise InputError([Problem("bcalc", None, "--vary", f"'{spec}': {exc}")]) from None


def _parse_vary(spec: str, model: Model) -> Input:
    case = model.case
    if "=" not in spec:
        raise _Bad("expected PATH=LOW:HIGH or PATH=LOW:MODE:HIGH, e.g. deployments[0].clients=30:45")
    path, _, values = spec.partition("=")
    path = path.strip()
    for regex, kind in _PATHS:
        match = regex.match(path)
        if match:
            break
    else:
        raise _Bad(f"unknown path '{path}'; one of: {PATH_HELP}")
    groups = match.groups()
    percent = kind == "indexation" or (kind in ("benefit", "funding") and groups[-1] in ("realisation",
                                                                                          "technology_share"))
    parts = values.split(":")
    if len(parts) not in (2, 3):
        raise _Bad("expected LOW:HIGH or LOW:MODE:HIGH after '='")
    numbers = [_number(p, percent) for p in parts]
    low, high = numbers[0], numbers[-1]
    if low > high:
        raise _Bad(f"low {parts[0].strip()} is above high {parts[-1].strip()}")
    if len(numbers) == 3 and not low <= numbers[1] <= high:
        raise _Bad(f"the mode {parts[1].strip()} is outside {parts[0].strip()}..{parts[-1].strip()}")
    if kind != "indexation" and low < 0:
        raise _Bad("values must not be negative")
    if percent and kind != "indexation" and high > ONE:
        raise _Bad("a share cannot be above 100%")
    _within_declared(kind, groups, numbers, parts, percent)

    if kind == "clients":
        d = _index(groups[0], len(case.deployments), "deployments")
        dep = case.deployments[d]
        current = Decimal(max(dep.clients) if dep.clients else 0)
        if not current:
            raise _Bad(f"deployment {d} plans no clients, so there is nothing to scale")
        if any(v != v.to_integral_value() for v in numbers):
            raise _Bad("clients are whole numbers")
        make = lambda lo, mo, hi: clients_input(model, d, lo, mo, hi, "vary")  # noqa: E731
    elif kind == "price":
        d = _index(groups[0], len(case.deployments), "deployments")
        item_id = groups[1]
        product = model.catalogue.products[case.deployments[d].product]
        item = product.item(item_id)
        if item is None:
            raise _Bad(f"product {product.id} has no item '{item_id}'; items: "
                       f"{', '.join(it.id for it in product.items)}")
        if item.packs:
            raise _Bad(f"item '{item_id}' is bought in packs; its price cannot be negotiated here")
        current = price_mode(model, d, item_id)
        if current is None:
            raise _Bad(f"item '{item_id}' has no price to vary")
        make = lambda lo, mo, hi: price_input(model, d, item_id, lo, mo, hi, "vary")  # noqa: E731
    elif kind == "benefit":
        b = _index(groups[0], len(case.benefits), "benefits")
        field = groups[1]
        current = getattr(case.benefits[b], field)
        if current is None:
            benefit = case.benefits[b]
            raise _Bad(f"benefit {b} ({benefit.label}, kind {benefit.kind}) has no {field}")
        make = lambda lo, mo, hi: benefit_input(model, b, field, lo, mo, hi, "vary")  # noqa: E731
    elif kind == "indexation":
        which = groups[0]
        current = index_mode(model, which)
        make = lambda lo, mo, hi: index_input(model, which, lo, mo, hi, "vary")  # noqa: E731
    elif kind == "staff_rate":
        role = groups[0]
        staff = case.staff.get(role)
        if staff is None:
            have = ", ".join(case.staff) or "none"
            raise _Bad(f"the case has no staff role '{role}' (roles: {have})")
        if staff.rate is None:
            raise _Bad(f"staff role '{role}' has no rate to vary; give its rate in the case file")
        current = staff.rate
        make = lambda lo, mo, hi: staff_input(model, role, lo, mo, hi, "vary")  # noqa: E731
    else:
        f = _index(groups[0], len(case.funding), "funding")
        field = groups[1]
        line = case.funding[f]
        kind_of = model.tariffs.funding[line.code].kind
        applies = {"tariff": "hourly", "day_rate": "vpt", "technology_share": "vpt"}[field]
        if kind_of != applies:
            raise _Bad(f"funding {f} ({line.code}) is {kind_of}; {field} belongs to {applies} funding")
        current = funding_mode(model, f, field)
        if current is None:
            raise _Bad(f"funding {f} ({line.code}) has no {field}")
        make = lambda lo, mo, hi: funding_input(model, f, field, lo, mo, hi, "vary")  # noqa: E731
    mode = numbers[1] if len(numbers) == 3 else min(max(current, low), high)
    if kind == "indexation":
        _index_within_bounds(model, groups[0], low - current, high - current)
    inp = make(low, mode, high)
    return replace(inp, source="--vary", written=spec.strip())


def _declared(kind: str, groups: tuple):
    """The case-file field a --vary path sets: its bounds are those of the case file."""
    from bcalc import fields as F

    if kind == "clients":
        return F.CASE_DEPLOYMENT["clients"]
    if kind == "price":
        return F.CASE_DEPLOYMENT["prices"]
    if kind == "benefit":
        return F.CASE_BENEFIT[groups[1]]
    if kind == "indexation":
        return F.CASE_INDEXATION[groups[0]]
    if kind == "staff_rate":
        return F.CASE_STAFF_ROLE["rate"]
    return F.CASE_FUNDING[groups[1]]


def _within_declared(kind: str, groups: tuple, numbers: list[Decimal], parts: list[str], percent: bool) -> None:
    from bcalc.fields import bounds, outside

    lo, hi = bounds(_declared(kind, groups))
    for name, value, text in zip(("low", "mode", "high") if len(numbers) == 3 else ("low", "high"), numbers, parts):
        why = outside(value, lo, hi, percent)
        if why:
            raise _Bad(f"{name} {text.strip()} {why}, as in the case file")


def _index_within_bounds(model: Model, which: str, down: Decimal, up: Decimal) -> None:
    """A varied indexation rate moves every year's rate of its series by the same amount (see
    ``uncertain.apply``): no year of the horizon may leave the bounds of an indexation rate."""
    from bcalc import fields as F
    from bcalc.fields import bounds, shown

    case = model.case
    lo, hi = bounds(F.CASE_INDEXATION[which])
    own = getattr(case.indexation, which)
    if own is not None:
        return  # one rate for every year: the bounds of the value itself
    series = getattr(model.tariffs.scenarios[model.scenario_name], which)
    for year in range(case.start_year + 1, case.start_year + case.years + 1):
        rate = series.rate(year)
        if lo is not None and rate + down < lo:
            raise _Bad(f"moves the {year} rate of scenario {model.scenario_name} from {shown(rate, True)} to "
                       f"{shown(rate + down, True)}, below {shown(lo, True)}")
        if hi is not None and rate + up > hi:
            raise _Bad(f"moves the {year} rate of scenario {model.scenario_name} from {shown(rate, True)} to "
                       f"{shown(rate + up, True)}, above {shown(hi, True)}")


# ---- the simulation --------------------------------------------------------------------------------


@record
class Stat:
    p10: Decimal
    p50: Decimal
    p90: Decimal
    mean: Decimal


@record
class Bin:
    low: Decimal
    high: Decimal
    count: int


@record
class Simulation:
    case: Case
    scenario: str
    draws: int
    seed: int
    inputs: tuple[Input, ...]            # every uncertain input (catalogue, "±", --vary), in drawing order
    base: Outcome                        # the exact estimate with every input at its mode
    stats: dict[str, Stat]               # cost, benefits, funding, net, and npv when the case has a discount rate
    probability: float                   # share of draws with NPV >= 0 (net >= 0 without a discount rate)
    probability_of: str                  # "npv" or "net"
    histogram: tuple[Bin, ...]           # of probability_of
    check_draws: int                     # draws recomputed with the exact engine
    max_deviation: Decimal               # the largest difference in euros (any metric) between both
    settings: UncertaintySettings
    modes_moved: bool                    # a --vary mode differs from the case's own value
    scope: str = "all"                   # "all": what sensitivity moves, plus --vary; "prices": ranges, "±", --vary
    # why no chance is stated: None (the outcome varies), "no_inputs" (nothing is uncertain), or
    # "no_effect" (inputs vary, but every draw gives the same outcome of probability_of)
    settled: str | None = None

    @property
    def has_npv(self) -> bool:
        return "npv" in self.stats


def _cents(value: float) -> Decimal:
    return Decimal(repr(float(value))).quantize(CENT, rounding=ROUND_HALF_UP)


def simulate(case: Case, catalogue: Catalogue, tariffs: Tariffs, draws: int = 10_000, seed: int = 1,
             vary: list[str] | tuple[str, ...] = (), scenario: str | None = None,
             check_draws: int = CHECK_DRAWS, progress=None, base: Result | None = None, memo=None,
             scope: str = "all") -> Simulation:
    """Monte Carlo with ``draws`` draws from ``numpy.random.default_rng(seed)``.

    ``scope``: "all" draws every input ``bcalc sensitivity`` moves, each over the same low and high
    end (catalogue ranges, "±" figures, and the case's own clients, benefits, staff rates, funding
    and indexation with the default swing); "prices" draws only the catalogue's ranges and "±"
    figures. ``vary``: ``--vary`` specs, drawn in either scope; a spec replaces the input of the same
    key. ``progress(done, total)``, if given, is called as chunks of draws
    complete. ``base``: the estimate of the case at the midpoints, when the caller has it (used only
    without --vary inputs). ``memo``: what the runs of one command share (bcalc.core.memo). Raises InputError for bad specs, a bad number of draws, or a missing numpy.
    """
    catalogue = catalogue.for_case(case)  # the products the case file adds
    np = require_numpy()
    if draws < 1 or draws > MAX_DRAWS:
        raise InputError([Problem("bcalc", None, "--draws", f"must be between 1 and {MAX_DRAWS}, got {draws}")])
    if seed < 0:
        raise InputError([Problem("bcalc", None, "--seed", f"must be 0 or more, got {seed}")])
    if scope not in ("all", "prices"):
        raise ValueError(f"unknown scope {scope!r}")
    cfg = settings(tariffs)
    model = Model(case, catalogue, tariffs, scenario, "mid", memo)

    # 1. --vary inputs, and the model with each of them at its mode
    problems: list[Problem] = []
    varied: list[Input] = []
    for spec in vary:
        try:
            inp = parse_vary(spec, model)
        except InputError as exc:
            problems += exc.problems
            continue
        if any(v.key == inp.key for v in varied):
            problems.append(Problem("bcalc", None, "--vary", f"'{spec}': {inp.key} is given twice"))
            continue
        varied.append(inp)
    if problems:
        raise InputError(problems)
    moved = [v for v in varied if v.mode != _own_value(model, v)]
    # every --vary input at its mode (a negotiated price replaces the catalogue's range for that deployment)
    model = apply_all(model, [(v, v.mode) for v in varied])

    # 2. the base and the catalogue's uncertain figures
    base_result = base if base is not None and not varied else model.result()
    base = Outcome.of(base_result)
    inputs = catalogue_inputs(model, base_result, cfg.approx_spread)
    if scope == "all":
        given = {v.key for v in varied}
        inputs += [i for i in swing_inputs(model, cfg.default_swing) if i.key not in given]
    inputs += varied
    has_npv = base.npv is not None
    keys = ("cost", "benefits", "funding") + (("npv",) if has_npv else ())

    # 3. the response: exact runs at the ends and the mode of each input (more knots where it is not linear),
    #    recording the totals and every component (a line item, a benefit, a funding line)
    years = [row.year for row in base_result.per_year]
    rate = float(case.discount_rate) if has_npv else None
    base_parts = _components(base_result, keys, years, rate)

    def delta(o: Outcome) -> list[float]:
        return [float(getattr(o, k) - getattr(base, k)) for k in keys]

    active = []                           # (input, knots, response at the knots: one row per metric)
    touched: dict[tuple, list] = {}       # component -> [(input number, response of the component at the knots)]
    # An input that changes only some parts of the case (bcalc.core.sensitivity.local_parts: a price, the
    # clients of a deployment, a benefit, a funding line) has only those parts run again: the totals are the
    # base's with those parts before and after (Evaluator), and the other components keep their base value.
    from bcalc.core.sensitivity import Evaluator, local_parts

    runs = Evaluator(model, base_result)
    for inp in inputs:
        if inp.fixed:
            continue
        knots = _knots(inp, model)
        local = local_parts(model, inp)
        totals, parts = [], []
        for v in knots:
            if v == inp.mode:
                totals.append([0.0] * len(keys))
                parts.append({})
                continue
            if local is None:
                result = apply(model, inp, v).summary()
                totals.append(delta(Outcome.of(result)))
                parts.append(_components(result, keys, years, rate))
                continue
            changed = apply(model, inp, v).partial_run(*local)
            totals.append(delta(runs.outcome_with(local, changed.per_year())))
            parts.append(_components(changed, keys, years, rate))
        if local is None:
            candidates = base_parts
        else:   # only the components of the parts it changes can move: the others keep their base value
            deps, bens, funds = (set(x) for x in local)
            candidates = {c: row for c, row in base_parts.items()
                          if (c[0] == "line" and c[1] in deps) or (c[0] == "benefit" and c[1] in bens)
                          or (c[0] == "funding" and c[1] in funds)}
        j = len(active)
        active.append((inp, np.array([float(v) for v in knots]), np.array(totals).T))
        zero = [0.0] * len(keys)
        for c, base_c in candidates.items():
            rows = [[p.get(c, zero)[k] - base_c[k] if p else 0.0 for k in range(len(keys))]
                    for p in parts]
            if any(any(r) for r in rows):
                touched.setdefault(c, []).append((j, np.array(rows).T))
    # Inputs that scale the same component multiply: amount x realisation of a benefit, clients x price of
    # a line, tariff x indexation of a funding line. The additive sum misses the cross terms; add them:
    # base_c x (prod(1 + d_i / base_c) - 1 - sum(d_i / base_c)), per metric.
    products = [(base_parts[c], resp) for c, resp in touched.items() if len(resp) > 1]

    # the metrics each input moves at all (the others add nothing to any draw)
    moving = [np.flatnonzero(np.any(ys != 0.0, axis=1)) for _inp, _xs, ys in active]
    # whole-number inputs whose knots are every whole number from low to high: a draw is one of them
    steps = [bool(inp.whole and len(xs) == int(xs[-1] - xs[0]) + 1 and np.all(np.diff(xs) == 1.0))
             for inp, xs, _ys in active]

    # 4. the draws, vectorised, in fixed chunks (the same stream whatever the total)
    rng = np.random.default_rng(seed)
    checker = np.random.default_rng([seed, 1])
    n_check = min(check_draws, draws)
    picked = np.sort(checker.choice(draws, size=n_check, replace=False)) if n_check else np.array([], dtype=int)
    dev = np.zeros((len(keys), draws))
    sample = np.zeros((len(active), n_check))
    done = 0
    while done < draws:
        n = min(CHUNK, draws - done)
        in_chunk = picked[(picked >= done) & (picked < done + n)] - done
        at = np.searchsorted(picked, done)
        xs_chunk = []
        for j, (inp, xs, ys) in enumerate(active):
            x = rng.triangular(float(inp.low), float(inp.mode), float(inp.high), size=n)
            if inp.whole:
                x = np.floor(x + 0.5)
            loc = _locate(np, x, xs)
            xs_chunk.append(loc)
            moves = moving[j]
            if steps[j]:     # a whole-number input run at every whole number: the draw is a knot
                at_knot = loc[0] + loc[2]      # the knot's index (the last one included)
                if len(moves):
                    dev[moves, done:done + n] += ys[moves][:, at_knot]
            elif len(moves) == len(keys):
                dev[:, done:done + n] += _interp(np, loc, xs, ys)
            elif len(moves):
                dev[moves, done:done + n] += _interp(np, loc, xs, ys[moves])
            sample[j, at:at + len(in_chunk)] = x[in_chunk]
        for base_c, resp in products:
            for k in range(len(keys)):
                if not base_c[k]:
                    continue
                prod = np.ones(n)
                total = np.zeros(n)
                for j, ys in resp:
                    loc = xs_chunk[j]
                    if steps[j]:
                        rel = ys[k][loc[0] + loc[2]] / base_c[k]
                    else:
                        rel = _interp(np, loc, active[j][1], ys[k]) / base_c[k]
                    prod *= 1.0 + rel
                    total += rel
                dev[k, done:done + n] += base_c[k] * (prod - 1.0 - total)
        done += n
        if progress is not None:
            progress(done, draws)

    # 5. statistics
    values = {k: dev[i] for i, k in enumerate(keys)}
    values["net"] = values["funding"] + values["benefits"] - values["cost"]
    stats = {}
    for k in ("cost", "benefits", "funding", "net") + (("npv",) if has_npv else ()):
        p10, p50, p90 = np.percentile(values[k], [10, 50, 90])
        b = getattr(base, k)
        stats[k] = Stat(b + _cents(p10), b + _cents(p50), b + _cents(p90), b + _cents(values[k].mean()))
    of = "npv" if has_npv else "net"
    level = float(getattr(base, of))
    probability = float(np.count_nonzero(values[of] >= -level)) / draws
    if not active:
        settled = "no_inputs"
    elif float(values[of].max() - values[of].min()) < 0.005:
        settled = "no_effect"
    else:
        settled = None
    histogram = _histogram(np, getattr(base, of), values[of])

    # 6. the check against the exact engine
    worst = ZERO
    for c in range(n_check):
        point = apply_all(model, [(inp, _decimal(sample[j, c])) for j, (inp, *_rest) in enumerate(active)])
        exact = point.run()
        i = int(picked[c])
        for k in stats:
            predicted = getattr(base, k) + _cents(values[k][i])
            worst = max(worst, abs(getattr(exact, k) - predicted))
    return Simulation(case=case, scenario=model.scenario_name, draws=draws, seed=seed, inputs=tuple(inputs),
                      base=base, stats=stats, probability=probability, probability_of=of,
                      histogram=histogram, check_draws=n_check, max_deviation=worst, settings=cfg,
                      modes_moved=bool(moved), scope=scope, settled=settled)


def _locate(np, x, xs):
    """Where each draw ``x`` falls among the knots ``xs`` (ascending, at least two): the knot at or
    below it, the distance from that knot, and whether it is at or beyond the last knot."""
    j = np.clip(np.searchsorted(xs, x, side="right") - 1, 0, len(xs) - 2)
    return j, x - xs[j], x >= xs[-1]


def _interp(np, loc, xs, ys):
    """``numpy.interp`` at located draws, for the rows of ``ys`` at once (one row, or one per metric):
    the same arithmetic (the slope of the segment times the distance from its lower knot, plus the
    value there; the last value at or beyond the last knot), with the search done once per input."""
    j, dx, end = loc
    low, high = ys[..., j], ys[..., j + 1]
    out = (high - low) / (xs[j + 1] - xs[j]) * dx + low
    return np.where(end, ys[..., -1:] if ys.ndim > 1 else ys[-1], out)


def _components(result, keys, years, rate) -> dict[tuple, list[float]]:
    """Each line item (per deployment), benefit and funding line of a result (a Result or a
    Summary, whose rows come in the order of a result's lines), as its contribution to
    each metric in ``keys`` (cost, benefits, funding, npv); npv discounts the yearly amounts."""
    per_year: dict[tuple, dict[int, float]] = {}
    lines = result.rows() if hasattr(result, "rows") else ((ln.deployment, ln) for ln in result.lines)
    for d_index, ln in lines:
        acc = per_year.setdefault(("line", d_index, ln.base_item or ln.item), {})
        acc[ln.year] = acc.get(ln.year, 0.0) + float(ln.excl_vat + ln.vat)
    for b in result.benefits:
        acc = per_year.setdefault(("benefit", b.index), {})
        acc[b.year] = acc.get(b.year, 0.0) + float(b.amount)
    for f in result.funding:
        acc = per_year.setdefault(("funding", f.index), {})
        acc[f.year] = acc.get(f.year, 0.0) + float(f.amount)
    metric = {"line": "cost", "benefit": "benefits", "funding": "funding"}
    out = {}
    for c, amounts in per_year.items():
        total = sum(amounts.values())
        row = [total if metric[c[0]] == k else 0.0 for k in keys]
        if "npv" in keys:
            sign = -1.0 if c[0] == "line" else 1.0
            row[keys.index("npv")] = sign * sum(a / (1.0 + rate) ** years.index(y) for y, a in amounts.items())
        out[c] = row
    return out


def _knots(inp: Input, model: Model) -> list[Decimal]:
    """Where the exact engine is run for an input: its low end, mode and high end; every whole
    number for clients (up to 25 points); nine points and the mode for an indexation rate (compounding), plus
    each deployment's price cap (index_cap) inside the range of the price indexation."""
    lo, mo, hi = inp.low, inp.mode, inp.high
    points = {lo, mo, hi}
    if inp.kind == "clients":
        span = int(hi - lo)
        step = max(1, -(-span // (KNOTS - 1)))
        points |= {lo + i for i in range(0, span + 1, step)}
    elif inp.kind == "indexation":
        points |= {lo + (hi - lo) * i / 8 for i in range(1, 8)}
        if inp.target == ("prices",):
            points |= {d.index_cap for d in model.case.deployments if d.index_cap is not None and lo < d.index_cap < hi}
    return sorted(points)


def _decimal(x: float) -> Decimal:
    return Decimal(repr(float(x)))


def _own_value(model: Model, inp: Input) -> Decimal | None:
    """The value the case itself gives for a --vary input (before the mode is applied)."""
    case = model.case
    if inp.kind == "clients":
        dep = case.deployments[inp.target[0]]
        return Decimal(max(dep.clients)) if dep.clients else ZERO
    if inp.kind == "price":
        return price_mode(model, *inp.target)
    if inp.kind == "benefit":
        b, field = inp.target
        return getattr(case.benefits[b], field)
    if inp.kind == "indexation":
        return index_mode(model, inp.target[0])
    if inp.kind == "funding":
        return funding_mode(model, *inp.target)
    if inp.kind == "staff_rate":
        return case.staff[inp.target[0]].rate
    return None


def _histogram(np, base: Decimal, dev) -> tuple[Bin, ...]:
    lo, hi = float(dev.min()), float(dev.max())
    if hi - lo < 0.005:
        mid = base + _cents((lo + hi) / 2)
        return (Bin(mid, mid, int(dev.size)),)
    counts, edges = np.histogram(dev, bins=HISTOGRAM_BINS, range=(lo, hi))
    return tuple(Bin(base + _cents(edges[i]), base + _cents(edges[i + 1]), int(counts[i]))
                 for i in range(len(counts)))


__all__ = ["simulate", "parse_vary", "Simulation", "Stat", "Bin", "require_numpy", "METRICS", "MAX_DRAWS"]
