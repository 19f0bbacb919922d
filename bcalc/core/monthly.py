"""The plan month by month: each line's exact amounts and quantities in every month of the horizon.

The engine rounds a line once per calendar year (bcalc.core.lines); a comparison with actuals needs
the same plan for some months only. ``monthly_plan`` runs the engine's own evaluation and spreads
each line over its months from the same quantities the engine sums (a charge's segments, a time
line's hours per month, a funding line's flows), so that the months of a calendar year, summed
and rounded as the engine rounds them, give the engine's line to the cent (tests/test_actuals.py
checks this for every example). Nothing here changes a figure of the estimate.

Lines of the monthly plan:

- ``item``: one per (deployment, supplier line): the amount as quoted (excl. or incl. VAT, as the
  charge is quoted) and the quantity charged in each month, with the charge's VAT rate;
- ``hours``: one per role over all deployments: the counted hours per month, valued at the role's
  rate indexed with wages (training and other internal hours together: a time sheet does not
  tell them apart); a role without a rate has hours and no amounts;
- ``funding``: one per funding line of the case: the amount and the quantity it is paid on
  (client-hours, client-days, or 1 for a subsidy) in each month.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

from bcalc.core.calendar import Month
from bcalc.core.inflows import funded_clients, funding_stop
from bcalc.models import ROLES, Case, Catalogue, Tariffs
from bcalc.money import WIDE, ZERO, dec
from bcalc.record import record


@record
class PlanLine:
    """One line of the plan, month by month (amounts exact, not rounded)."""

    kind: str                         # item, hours, funding
    name: str                         # the supplier line's id, the role, the funding code
    label: str
    category: str                     # one_off, recurring, training, hours, funding
    amounts: tuple                    # per month of the horizon: Decimal or Fraction (exact)
    quantities: tuple                 # per month of the horizon: units, hours, client-hours or client-days
    deployment: int | None = None     # 0-based (items); funding: the line's number (0-based) in ``index``
    index: int | None = None          # funding: the line's number in the case (0-based)
    vat_rate: Decimal | None = None   # items
    quoted: str = "excl"              # items: how the amounts are quoted
    valued: bool = True               # hours: False for a role without a rate
    base_item: str = ""               # items: the catalogue item (a pack line: the item of its packs)
    parts: tuple = ()                 # hours: the amounts per month of each time line of the role, which
                                      # the engine rounds one by one per calendar year (``amounts`` is their sum)

    @property
    def key(self) -> tuple:
        if self.kind == "item":
            return ("item", self.deployment, self.name)
        if self.kind == "hours":
            return ("hours", self.name)
        return ("funding", self.index)


@record
class MonthlyPlan:
    case: Case
    months: tuple[Month, ...]
    lines: tuple[PlanLine, ...]
    clients: tuple[tuple[int, ...], ...]      # per deployment, units in use per month
    products: tuple[str, ...]                  # per deployment, its product id
    rates: dict                                # role -> {calendar year: indexed hourly rate} (valued roles)
    recoverable: Decimal
    items: tuple[tuple[str, ...], ...] = ()    # per deployment, every active item and line id (for the loader)

    def line(self, key: tuple) -> PlanLine | None:
        for ln in self.lines:
            if ln.key == key:
                return ln
        return None


def monthly_plan(case: Case, catalogue: Catalogue, tariffs: Tariffs, scenario: str | None = None,
                 prices: str = "mid", memo=None) -> MonthlyPlan:
    """The case's plan month by month, from the engine's own evaluation (see the module's doc)."""
    from bcalc.core import selection
    from bcalc.core.engine import evaluation
    from bcalc.core.lines import hours_by_year

    with localcontext(WIDE):
        ev = evaluation(case, catalogue, tariffs, scenario, prices, memo)
        catalogue = catalogue.for_case(case)
        run = ev.run
        months = run.months
        n = len(months)
        out: list[PlanLine] = []
        hours: dict[str, list] = {}
        parts: dict[str, list] = {}
        for d_index, (plan, dl) in enumerate(zip(ev.plans, ev.lines)):
            for spec in dl.specs:
                if spec[0] != "supplier":
                    continue
                charge, (profile, _entries) = spec[1], spec[2]
                amounts = [ZERO] * n
                qty = [ZERO] * n
                for k, s, year, total, falls, first, q in profile.shape:
                    price = charge.price * profile.factors[k]
                    seg = run.segs[s]
                    if falls == "month":
                        for m in seg.months:
                            amounts[m] += q * price
                            qty[m] += q
                    elif falls == "day":
                        for m, days in zip(seg.months, seg.days):
                            amounts[m] += q * days * price
                            qty[m] += q * days
                    else:
                        amounts[first] += q * price
                        qty[first] += q
                out.append(PlanLine("item", charge.line_id, charge.label, charge.item.category, tuple(amounts),
                                    tuple(dec(x) for x in qty), deployment=d_index, vat_rate=charge.vat_rate,
                                    quoted=charge.quoted, base_item=charge.item.id))
            for tc in plan.counted_time:
                acc = hours.setdefault(tc.line.role, [Fraction(0)] * n)
                own = [Fraction(0)] * n
                for index, _year, h in hours_by_year(run, tc)[1]:
                    acc[index] += h
                    own[index] += h
                parts.setdefault(tc.line.role, []).append(own)
        rates: dict[str, dict[int, Decimal]] = {}
        for role in ROLES:
            if role not in hours:
                continue
            staff = case.staff.get(role)
            rate = staff.rate if staff is not None else None
            if rate is not None:
                rates[role] = {y: rate * run.wage_f[y] for y in run.years}
                factor = [Fraction(rates[role][m.year]) for m in months]
                valued = tuple(tuple(h * f for h, f in zip(own, factor)) for own in parts[role])
            else:
                valued = tuple(tuple(Fraction(0) for _ in months) for _own in parts[role])
            amounts = tuple(sum(column, Fraction(0)) for column in zip(*valued))
            out.append(PlanLine("hours", role, role, "hours", amounts, tuple(hours[role]), valued=rate is not None,
                                parts=valued))
        # valued roles the case has but whose hours the plan does not count: actual hours are still valued
        for role, staff in case.staff.items():
            if role not in rates and staff.rate is not None:
                rates[role] = {y: staff.rate * run.wage_f[y] for y in run.years}
        out += _funding_lines(case, tariffs, run, ev)
        clients = []
        # units in use are per contract year, or per block (a contract year within a phase) with phases
        block_of = [m.contract_year for m in months]
        if case.phases:
            for seg in run.segs:
                for i in seg.months:
                    block_of[i] = seg.block
        for d_index, plan in enumerate(ev.plans):
            in_use = plan.units.in_use
            clients.append(tuple(in_use[block_of[m.index]] for m in months))
        items = tuple(tuple(dict.fromkeys([it.id for it in selection.active_items(catalogue.products[d.product], d)]
                                          + [ln.name for ln in out if ln.kind == "item" and ln.deployment == i]))
                      for i, d in enumerate(case.deployments))
        return MonthlyPlan(case, months, tuple(out), tuple(clients), tuple(d.product for d in case.deployments),
                           rates, case.vat_recoverable, items)


def _funding_lines(case: Case, tariffs: Tariffs, run, ev) -> list[PlanLine]:
    months = run.months
    n = len(months)
    stop = funding_stop(case)
    flows = iter(ev.flows[:ev.funding_flows])
    labels = {f.index: f.label for f in ev.funding}
    out = []
    for f_index, line in enumerate(case.funding):
        code = tariffs.funding[line.code]
        if stop is not None and line.year is not None and line.year > stop:
            amounts = (ZERO,) * n     # a subsidy that lapses: the engine leaves it out
            qty = (ZERO,) * n
        else:
            amounts = next(flows).monthly(run.segs)
            qty_list = [ZERO] * n
            if code.kind == "subsidy":
                qty_list[case.subsidy_month(line)] = Decimal(1)
            else:
                clients = funded_clients(case, line, run.blocks if case.phases else ())
                for seg in run.segs:
                    c = clients[seg.block] if clients else 0
                    if not c or (stop is not None and seg.contract_year >= stop):
                        continue
                    if line.phases and seg.phase not in line.phases:
                        continue
                    for i in seg.months:
                        m = months[i]
                        qty_list[i] = (c * line.hours_per_month if code.kind == "hourly" else dec(c * m.days))
            qty = tuple(qty_list)
        label = labels.get(f_index) or line.label or (code.name if code.kind == "subsidy" else f"{code.code} {code.name}")
        out.append(PlanLine("funding", code.code, label, "funding", tuple(amounts), qty, index=f_index))
    return out


__all__ = ["PlanLine", "MonthlyPlan", "monthly_plan"]
