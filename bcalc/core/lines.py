"""Evaluating a deployment's plan of charges into lines: one per (charge, calendar year).

A supplier charge is evaluated in two steps. Its quantities come first, apart from its price: in
every segment of the horizon the quantity it is charged on (``bcalc.core.plan.term``) times the
segment's months, days or once, and that times the contract year's price factor. Summed per
calendar year this is the charge's exact amount per euro of its year-1 price, so the line's exact
amount is the price times that sum; it is rounded half-up to cents once, and the VAT is computed
from the rounded amount (``bcalc.core.vat``). The quantities in the segments depend only on the
charge's timing and the units, not on the price factors, so a run under another indexation
scenario only multiplies them again; the amounts per euro per calendar year depend on those and
the price factors, so a run that changes only a price reuses them; and the rounded lines depend on
those and the price and VAT, so a run that changes neither (a price end that leaves a charge's
price as it is) takes them from the memo. A time charge sums hours x the indexed rate month by
month, exactly.

``evaluate`` gives a ``DeploymentLines``: the rounded figures of every line (``rows``, enough for
totals), their sums per calendar year, the deployment's exact flows per month, and the ``Line``
objects themselves, built only when a full result asks for them (for any deployment number).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import NamedTuple

from bcalc.core import vat
from bcalc.core.assets import bought
from bcalc.core.horizon import Flows, Run, series_key
from bcalc.core.indexation import price_factors
from bcalc.core.memo import Memo
from bcalc.core.plan import Charge, DeploymentPlan, TimeCharge, term
from bcalc.models import CLIENT_PERS, Line, Part
from bcalc.money import WIDE, ZERO, dec, round_cents

CATEGORY_ORDER = {"one_off": 0, "recurring": 1, "training": 2, "internal": 3}
CATEGORIES = ("one_off", "recurring", "training", "internal")


class Row(NamedTuple):
    """The rounded figures of one line, as totals and the VAT rule need them."""

    category: str
    year: int
    excl_vat: Decimal
    vat: Decimal
    vat_rate: Decimal | None
    quoted: str
    base_item: str
    item: str                     # the line's own id (a pack: "<item>-<size>")
    supplier: bool                # a supplier line (else internal hours)


@dataclass
class _Acc:
    """Exact running sum of one time line before rounding."""

    amount: Decimal | Fraction = ZERO
    quantity: Decimal | Fraction = ZERO
    parts: dict = field(default_factory=dict)  # unit price -> quantity


class DeploymentLines:
    """The evaluated lines of one deployment's plan, without its deployment number."""

    __slots__ = ("specs", "rows", "sums", "total", "_flow_parts", "_flows", "_lines", "_ordered", "_vat_at")

    def __init__(self, specs: list, rows: tuple[Row, ...], flow_parts: tuple):
        self.specs = specs
        self.rows = rows
        self._flow_parts = flow_parts
        self._flows: Flows | None = None
        sums: dict[int, list[Decimal]] = {}
        total = [ZERO] * 5
        for row in rows:
            acc = sums.get(row.year)
            if acc is None:
                acc = sums[row.year] = [ZERO] * 5
            i = CATEGORY_ORDER[row.category]
            acc[i] += row.excl_vat
            acc[4] += row.vat
            total[i] += row.excl_vat
            total[4] += row.vat
        self.sums = sums          # year -> [one_off, recurring, training, internal, vat]
        self.total = total
        self._lines: dict[int, dict[int, tuple[Line, ...]]] = {}
        self._ordered: tuple[Row, ...] | None = None
        self._vat_at: dict[Decimal, Decimal] = {}

    def vat_at(self, recoverable: Decimal) -> Decimal:
        """The VAT of these lines (evaluated with nothing recoverable) at another recoverable share."""
        if not recoverable:  # the share they were evaluated with: each line's VAT as it is
            return self.total[4]
        value = self._vat_at.get(recoverable)
        if value is None:
            value = self._vat_at[recoverable] = sum((vat.recovered(row, recoverable) for row in self.rows), ZERO)
        return value

    @property
    def ordered(self) -> tuple[Row, ...]:
        """The rows in the order of the lines of a result (by year, category, kind, item)."""
        if self._ordered is None:
            self._ordered = tuple(sorted(self.rows, key=lambda r: (r.year, CATEGORY_ORDER[r.category],
                                                                   not r.supplier, r.item)))
        return self._ordered

    @property
    def flows(self) -> Flows:
        """The deployment's exact flows per month, worked out when a full result asks for them."""
        if self._flows is None:
            n_months, n_segs, parts = self._flow_parts
            flows = Flows(n_months, n_segs)
            for unit_cost, entries in parts:
                if unit_cost is None:  # a time charge: amounts per month
                    for index, amount in entries.points():
                        flows.at(index, amount)
                    continue
                for s, falls, first, q_f in entries.seg_flows():
                    cost = -(q_f * unit_cost)
                    if falls == "month":
                        flows.each_month(s, cost)
                    elif falls == "day":
                        flows.each_day(s, cost)
                    else:
                        flows.at(first, cost)
            self._flows = flows
        return self._flows

    def cost(self, year: int) -> Decimal:
        acc = self.sums.get(year)
        return sum(acc, ZERO) if acc is not None else ZERO

    def lines(self, plan: DeploymentPlan) -> dict[int, tuple[Line, ...]]:
        """The ``Line`` objects of ``plan`` per calendar year, each year in the order of the result."""
        done = self._lines.get(plan.index)
        if done is not None:
            return done
        if self._lines:
            model = next(iter(self._lines.values()))
            done = {y: tuple(_renumbered(ln, plan.index) for ln in lns) for y, lns in model.items()}
        else:
            built = [_line(plan, spec) for spec in _expanded(self.specs)]
            built.sort(key=lambda ln: (ln.year, CATEGORY_ORDER[ln.category], ln.kind != "supplier", ln.item))
            done = {}
            for ln in built:
                done.setdefault(ln.year, []).append(ln)
            done = {y: tuple(lns) for y, lns in done.items()}
        self._lines[plan.index] = done
        return done


def _expanded(specs: list):
    """The specs of single lines: a charge's entries one by one."""
    for spec in specs:
        if spec[0] == "supplier":
            charge = spec[1]
            profile, entries = spec[2]
            details = profile.details()
            for year, per_euro, excl, vat_due in entries:
                quantity, parts = details[year]
                yield "supplier", charge, year, per_euro, quantity, parts, excl, vat_due
        else:
            yield spec


def _renumbered(line: Line, d_index: int) -> Line:
    """The same line for another deployment with the same plan (identical deployments)."""
    new = object.__new__(Line)
    new.__dict__.update(line.__dict__)
    new.__dict__["deployment"] = d_index
    return new


def evaluate(run: Run, plan: DeploymentPlan, memo: Memo) -> DeploymentLines:
    cap = plan.deployment.index_cap
    prices = run.series["prices"]
    p_factors = memo.get(memo.factors, (series_key(prices), cap, run.horizon_key),
                         lambda: tuple(price_factors(run.months, prices, cap)))
    recoverable = run.case.vat_recoverable
    specs: list = []
    rows: list[Row] = []
    flow_parts: list[tuple] = []
    # the units and horizon, and the price factors, stand for small numbers in the keys of each charge
    shaped = memo.token((plan.units, plan.year_units, run.horizon_key))
    factored = memo.token(p_factors)
    for charge in plan.charges:
        item = charge.item
        shape_key = (charge.timing, charge.unit_based, charge.quantity, item.from_year, charge.runs, charge.lifetime,
                     shaped, item.phases, charge.phase_qty)
        key = (shape_key, factored)
        # the rounded figures of the charge's lines follow from its quantities, price, VAT and
        # what it is called: charges with the same values (a price end that leaves the price
        # where it is) share them
        priced = (key, charge.price, charge.vat_rate, charge.quoted, recoverable, item.category, item.id,
                  charge.line_id)
        entries, charge_rows, flow_part = memo.get(
            memo.charges, priced, lambda charge=charge, key=key: _priced(run, charge, plan, p_factors, memo, key,
                                                                         recoverable))
        specs.append(("supplier", charge, entries))  # entries: (its profile, (year, per euro, excl, VAT)...)
        rows += charge_rows
        if flow_part is not None:
            flow_parts.append(flow_part)
    wage_key = tuple(run.wage_f.items())
    for tc in plan.time:
        # the hours per month follow from the time line and the price end (bcalc.core.plan.phase_hours)
        # (hours that follow the clients also follow the deployment's units)
        follows = tc.hours if tc.line.per in CLIENT_PERS or tc.phased else None
        key = (tc.line, tc.heads, tc.rate, run.end, wage_key, run.horizon_key, follows)
        hours_key = (tc.line, tc.heads, run.end, run.horizon_key, follows)
        accs, points = memo.get(memo.times, key, lambda tc=tc, hours_key=hours_key: _time(run, tc, memo, hours_key))
        for year, acc in accs.items():
            specs.append(("time", tc, year, acc))
            rows.append(Row("training" if tc.line.category == "training" else "internal", year,
                            round_cents(acc.amount), ZERO, None, "excl", tc.line.id, tc.line.id, False))
        if points:
            flow_parts.append((None, points))
    return DeploymentLines(specs, tuple(rows), (len(run.months), len(run.segs), tuple(flow_parts)))


def _priced(run: Run, charge: Charge, plan: DeploymentPlan, p_factors: tuple, memo: Memo, key: tuple,
            recoverable: Decimal) -> tuple:
    """A charge's lines at its price: per calendar year (year, amount per euro, quantity, {price factor:
    quantity}, excl. VAT, VAT), their ``Row``s and the part of the monthly flows (or None)."""
    profile = memo.get(memo.profiles, key, lambda: _Profile(memo.get(memo.shapes, key[0],
                                                                     lambda: _shape(run, charge, plan)), p_factors))
    entries = []
    rows = []
    for year, per_euro in profile.per_euro.items():
        excl, vat_due = vat.split(charge.price * per_euro, charge.vat_rate, charge.quoted, recoverable)
        entries.append((year, per_euro, excl, vat_due))
        rows.append(Row(charge.item.category, year, excl, vat_due, charge.vat_rate, charge.quoted, charge.item.id,
                        charge.line_id, True))
    flow_part = None
    if profile.shape:
        flow_part = (charge.price * vat.cost_factor(charge.quoted, charge.vat_rate, recoverable), profile)
    return (profile, tuple(entries)), tuple(rows), flow_part


# ---- a charge's quantities, apart from its price ------------------------------------------


class _Profile:
    """A charge's exact amount per euro of its year-1 price per calendar year under a set of price
    factors; its quantities per year and price factor, and per segment, worked out when a full
    result asks for them."""

    __slots__ = ("shape", "factors", "per_euro", "_details", "_seg_flows")

    def __init__(self, shape: tuple, p_factors: tuple):
        self.shape = shape
        self.factors = p_factors
        per_euro: dict[int, Decimal] = {}
        for k, s, year, total, falls, first, q in shape:
            per_euro[year] = per_euro.get(year, ZERO) + total * p_factors[k]
        self.per_euro = per_euro
        self._details: dict | None = None
        self._seg_flows: tuple | None = None

    def details(self) -> dict[int, tuple]:
        """Per calendar year: (quantity, {price factor: quantity})."""
        if self._details is None:
            out: dict[int, tuple] = {}
            with localcontext(WIDE):
                for k, s, year, total, falls, first, q in self.shape:
                    f = self.factors[k]
                    acc = out.get(year)
                    if acc is None:
                        acc = out[year] = [ZERO, {}]
                    acc[0] += total
                    acc[1][f] = acc[1].get(f, ZERO) + total
            self._details = {year: tuple(acc) for year, acc in out.items()}
        return self._details

    def seg_flows(self) -> tuple:
        """Per segment with a quantity: (segment, how it falls, its first month, quantity x factor)."""
        if self._seg_flows is None:
            with localcontext(WIDE):
                self._seg_flows = tuple((s, falls, first, q * self.factors[k])
                                        for k, s, year, total, falls, first, q in self.shape)
        return self._seg_flows


def _shape(run: Run, charge: Charge, plan: DeploymentPlan) -> tuple:
    """The charge in the segments of the horizon, apart from price factors: (contract year, segment,
    calendar year, quantity, how it falls, first month, quantity per month or day)."""
    u = plan.units
    per_unit = bought(plan.contract_units, charge.lifetime) if charge.lifetime is not None and charge.unit_based \
        else None
    out = []
    phased = bool(run.case.phases)
    for k, segs_k in enumerate(run.by_contract_year):
        for s, seg in segs_k:
            b = seg.block
            billed, new, removed = u.billed[b], u.new[b], u.removed[b]
            rule = term(charge, k, seg.starts, seg.opens, seg.first > 0, seg.phase, seg.phase_opens) if phased \
                else term(charge, k, seg.starts)
            if rule is None:
                continue
            count, falls = rule
            if count == "billed":
                q = billed
            elif count == "new":
                q = new
            elif count == "removed":
                q = removed
            elif count == "bought":
                q = per_unit[k]
            elif count == "fixed":
                q = charge.quantity if charge.phase_qty is None else charge.phase_qty[seg.phase]
            elif count == "phase":
                q = charge.phase_qty[seg.phase]
            elif count == "phase_added":
                q = charge.phase_added[seg.phase]
            else:  # fixed_if_removed
                q = charge.quantity if removed else 0
            if not q:
                continue
            total = q * seg.n_months if falls == "month" else q * seg.n_days if falls == "day" else q
            out.append((k, s, seg.year, total, falls, seg.first, q))
    return tuple(out)


def _time(run: Run, tc: TimeCharge, memo: Memo, hours_key: tuple) -> tuple[dict[int, _Acc], "_Points | None"]:
    """Per calendar year the hours and their amount at the year's indexed rate (a time charge's rate
    changes each 1 January only, so a year's amount is its hours times that rate, exactly); and the
    amounts per month, worked out when a full result asks for them (None: no hours)."""
    years, months = memo.get(memo.time_hours, hours_key, lambda: hours_by_year(run, tc))
    accs: dict[int, _Acc] = {}
    rates: dict[int, Fraction] = {}
    for year, hours in years:
        rate = tc.rate * run.wage_f[year]
        rates[year] = Fraction(rate)
        accs[year] = _Acc(amount=hours * rates[year], quantity=hours, parts={rate: hours})
    return accs, (_Points(months, rates) if months else None)


def hours_by_year(run: Run, tc: TimeCharge) -> tuple[tuple, tuple]:
    """A time charge's hours (heads x hours per head) per calendar year, and per month with hours:
    (month, calendar year, hours)."""
    years: dict[int, Fraction] = {}
    months = []
    for m in run.months:
        per_head = tc.hours[m.index]
        if not per_head:
            continue
        h = per_head * tc.heads
        years[m.year] = years.get(m.year, Fraction(0)) + h
        months.append((m.index, m.year, h))
    return tuple(years.items()), tuple(months)


class _Points:
    """A time charge's amounts per month (negative: a cost), exact, made on first asking."""

    __slots__ = ("_months", "_rates", "_points")

    def __init__(self, months: tuple, rates: dict[int, Fraction]):
        self._months = months
        self._rates = rates
        self._points: tuple | None = None

    def points(self) -> tuple:
        if self._points is None:
            self._points = tuple((index, -dec(h * self._rates[year])) for index, year, h in self._months)
        return self._points


# ---- Line objects -------------------------------------------------------------------------


def _line(plan: DeploymentPlan, spec: tuple) -> Line:
    if spec[0] == "supplier":
        return _supplier_line(plan, *spec[1:])
    return _time_line(plan, *spec[1:])


def _supplier_line(plan: DeploymentPlan, charge: Charge, year: int, per_euro: Decimal, quantity, factors: dict,
                   excl: Decimal, vat_due: Decimal) -> Line:
    by_price: dict = {}
    for f, q in factors.items():
        price = charge.price * f
        by_price[price] = by_price.get(price, ZERO) + q
    parts = tuple(Part(quantity=_as_dec(q), unit_price=p) for p, q in by_price.items())
    unit_price = parts[0].unit_price if len(parts) == 1 else None
    item = charge.item
    spread = ZERO
    if charge.width:   # excl. VAT: a range quoted incl. VAT loses its VAT first
        spread = charge.width * per_euro
        spread = round_cents(spread / (1 + charge.vat_rate) if charge.quoted == "incl" else spread)
    return Line(plan.index, plan.product.id, charge.line_id, charge.label, item.category, year, _as_dec(quantity),
                unit_price, excl, vat_due, charge.source, kind="supplier", vat_rate=charge.vat_rate,
                quoted=charge.quoted, parts=parts if len(parts) > 1 else (), written=charge.written,
                base_item=item.id, vat_written=_vat_written(plan, charge), tier_label=charge.tier_label,
                range_spread=spread, origin=charge.origin)


def _vat_written(plan: DeploymentPlan, charge: Charge) -> str:
    """VAT as the price's own source states it: the case's quote where it says, else the item's."""
    quote = plan.deployment.quotes.get(charge.item.id) if charge.origin == "quote" else None
    return quote.vat if quote is not None and quote.vat else charge.item.vat


def _time_line(plan: DeploymentPlan, tc: TimeCharge, year: int, acc: _Acc) -> Line:
    parts = tuple(Part(quantity=_as_dec(q), unit_price=p) for p, q in acc.parts.items())
    unit_price = parts[0].unit_price if len(parts) == 1 else None
    line = tc.line
    return Line(plan.index, plan.product.id, line.id, line.label, "training" if line.category == "training"
                else "internal", year, _as_dec(acc.quantity), unit_price, round_cents(acc.amount), ZERO, line.source,
                kind="internal", role=line.role, parts=parts if len(parts) > 1 else (), written=line.written,
                base_item=line.id, vat_written="", tier_label="", range_spread=ZERO,
                origin="case" if line.origin == "case" else "catalogue")


def _as_dec(value) -> Decimal:
    return dec(value) if isinstance(value, Fraction) else value


__all__ = ["evaluate", "hours_by_year", "DeploymentLines", "Row", "CATEGORY_ORDER", "CATEGORIES"]
