"""Actuals against the plan: what a pilot really cost, used and received, month by month.

The actuals (``Actuals``, read by bcalc/actuals_loader.py) give per month the clients in use, the
invoices per supplier line, the hours per role, the funding received, the time freed and free KPIs.
``evaluate`` sets them against the plan month by month (bcalc.core.monthly) over the months the
actuals cover ("to date"):

- per line: plan and actual to date, the variance (actual - plan) and its split into a volume part,
  (actual quantity - planned quantity) x planned price, and a price part, (actual price - planned
  price) x actual quantity. The planned price is the line's plan to date over its planned quantity;
  the volume part is rounded to cents and the price part is the variance minus the volume part, so
  the two add up to the variance exactly (the price part is the formula's value up to that cent).
  Without a planned quantity the whole variance is volume; without an actual quantity (an invoice
  without ``quantity``) there is no split;
- the forecast to the end of the horizon: the actuals of the months covered plus the plan of every
  other month of the horizon;
- the measured KPIs, ready for gate criteria (``check``).

Rounding follows the engine: a line's plan over some months is the exact sum of those months,
rounded half-up once per line per calendar year, its VAT computed from that (bcalc.core.vat); the
actual of a supplier line is the sum of its invoices in the calendar year, its VAT by the same rule.
Hours are valued at the role's rate indexed with wages (the case's rate for that calendar year).
A kind of measure that no month of the file gives (no ``invoices``, ``hours`` or ``funding`` key
at all) is not measured: its lines count as planned and say so (``measured``).
Pure: codes and numbers, no words.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Iterable, Mapping

from bcalc.core import vat
from bcalc.core.monthly import MonthlyPlan, PlanLine
from bcalc.money import WIDE, ZERO, dec, round_cents
from bcalc.record import record

CATEGORIES = ("one_off", "recurring", "training", "hours")
KINDS = ("invoices", "hours", "funding")     # kinds of measure that make lines
KPI_CLIENTS = "clients_in_use"
KPI_MINUTES = "minutes_freed_per_client_per_day"
KPI_COST = "cost_per_client_per_month"
KPI_HOURS = "hours_per_client_per_month"
KPI_MINUTES_WEEK = "minutes_freed_per_client_per_week"
KPI_PRICE = "price:"          # + an item id (or deployment number:item id): the price paid per unit
BUILT_IN_KPIS = (KPI_CLIENTS, KPI_MINUTES, KPI_MINUTES_WEEK, KPI_COST, KPI_HOURS)
MET, NOT_MET, NOT_MEASURED = "met", "not_met", "not_measured"


# ---- the actuals as read ----------------------------------------------------------------------


@record
class Invoice:
    deployment: int              # 0-based
    item: str                    # the supplier line's id
    amount: Decimal
    quoted: str = "excl"         # "excl" or "incl": how ``amount`` is written
    quantity: Decimal | None = None


@record
class MonthActuals:
    index: int                                   # month of the horizon (0-based)
    month: str                                   # YYYY-MM
    clients: tuple[tuple[int, int], ...] = ()    # (deployment, clients in use)
    invoices: tuple[Invoice, ...] = ()
    hours: tuple[tuple[str, Decimal], ...] = ()  # (role, hours)
    funding: tuple[tuple[int, Decimal, Decimal | None], ...] = ()   # (funding line, amount, quantity)
    minutes_per_client_per_day: Decimal | None = None
    hours_freed: Decimal | None = None           # time freed this month, in hours, all clients together
    kpis: tuple[tuple[str, Decimal], ...] = ()

    @property
    def clients_total(self) -> int | None:
        return sum(n for _, n in self.clients) if self.clients else None


@record
class Actuals:
    title: str
    file: str
    months: tuple[MonthActuals, ...]             # in calendar order
    measured: frozenset = frozenset()            # the kinds of KINDS some month gives


# ---- the comparison ---------------------------------------------------------------------------


@record
class YearFigures:
    """One line (or category) in one calendar year: to date, forecast and plan for the whole year."""

    year: int
    plan: Decimal                # to date (months covered in this year), excl. VAT
    actual: Decimal
    plan_vat: Decimal
    actual_vat: Decimal
    forecast: Decimal            # actual of the months covered + plan of the other months of the year
    forecast_vat: Decimal
    plan_year: Decimal           # the plan of the whole calendar year (the engine's figure)
    plan_year_vat: Decimal
    carried: Decimal | None = None       # the forecast with the latest clients carried forward
    carried_vat: Decimal | None = None


@record
class Compared:
    """One line of the plan against its actuals over the months covered."""

    kind: str                    # item, hours, funding
    name: str                    # line id, role, funding code
    label: str
    category: str                # one_off, recurring, training, hours, funding
    deployment: int | None       # items: 0-based
    index: int | None            # funding: the line's number (0-based)
    years: tuple[YearFigures, ...]
    plan_quantity: Decimal
    actual_quantity: Decimal | None
    volume: Decimal | None
    price: Decimal | None
    measured: bool
    valued: bool = True          # hours of a role without a rate: hours only

    def _sum(self, name: str) -> Decimal:
        return sum((getattr(y, name) for y in self.years), ZERO)

    @property
    def plan(self) -> Decimal:
        return self._sum("plan")

    @property
    def actual(self) -> Decimal:
        return self._sum("actual")

    @property
    def variance(self) -> Decimal:
        return self.actual - self.plan

    @property
    def plan_vat(self) -> Decimal:
        return self._sum("plan_vat")

    @property
    def actual_vat(self) -> Decimal:
        return self._sum("actual_vat")

    @property
    def forecast(self) -> Decimal:
        return self._sum("forecast")

    @property
    def forecast_vat(self) -> Decimal:
        return self._sum("forecast_vat")

    @property
    def plan_total(self) -> Decimal:
        return self._sum("plan_year")

    @property
    def carried(self) -> Decimal | None:
        """The forecast with the latest clients in use carried forward; None when not made."""
        return None if any(y.carried is None for y in self.years) else self._sum("carried")

    @property
    def carried_vat(self) -> Decimal | None:
        return None if any(y.carried_vat is None for y in self.years) else self._sum("carried_vat")

    @property
    def plan_total_vat(self) -> Decimal:
        return self._sum("plan_year_vat")

    @property
    def plan_price(self) -> Decimal | None:
        """The planned price per unit to date (plan over planned quantity), exact; None without quantity."""
        return self.plan / self.plan_quantity if self.plan_quantity else None

    @property
    def actual_price(self) -> Decimal | None:
        return self.actual / self.actual_quantity if self.actual_quantity else None


@record
class Totals:
    """A group of lines (a category, all costs) to date, forecast and planned, per calendar year."""

    code: str                    # one_off, recurring, training, hours, vat, cost, funding, net
    years: tuple[YearFigures, ...]

    @property
    def plan(self) -> Decimal:
        return sum((y.plan for y in self.years), ZERO)

    @property
    def actual(self) -> Decimal:
        return sum((y.actual for y in self.years), ZERO)

    @property
    def variance(self) -> Decimal:
        return self.actual - self.plan

    @property
    def forecast(self) -> Decimal:
        return sum((y.forecast for y in self.years), ZERO)

    @property
    def plan_total(self) -> Decimal:
        return sum((y.plan_year for y in self.years), ZERO)

    @property
    def carried(self) -> Decimal | None:
        if any(y.carried is None for y in self.years):
            return None
        return sum((y.carried for y in self.years), ZERO)


@record
class MonthRow:
    """One month covered: cost (incl. non-recoverable VAT) and funding, plan and actual, each line
    rounded for the month alone (so twelve months may differ a cent from the year's figures)."""

    month: str
    plan_cost: Decimal
    actual_cost: Decimal
    plan_funding: Decimal
    actual_funding: Decimal
    plan_clients: int
    actual_clients: int | None
    categories: tuple[tuple[str, Decimal, Decimal], ...] = ()   # (category or vat, plan, actual) of the month


@record
class Kpi:
    code: str
    value: Decimal | None        # measured; None: not measured
    plan: Decimal | None = None  # what the plan implies for the same months, where it says


@record
class CriterionResult:
    kpi: str
    minimum: Decimal | None
    maximum: Decimal | None
    value: Decimal | None
    status: str                  # met, not_met, not_measured
    gate: str = ""               # the gate (phase) it belongs to, where known
    source: str = "case"         # "case": the case's own criterion; "value" / "budget": a threshold bcalc
                                 # computed for the gate in that view (bcalc.core.gates)


@record
class Evaluation:
    case_title: str
    actuals_title: str
    first: str                   # first month covered
    last: str                    # last month covered
    covered: tuple[str, ...]     # the months covered
    horizon_end: str
    lines: tuple[Compared, ...]
    categories: tuple[Totals, ...]   # one_off, recurring, training, hours, vat, cost, funding, net
    months: tuple[MonthRow, ...]
    kpis: tuple[Kpi, ...]
    criteria: tuple[CriterionResult, ...] = ()
    measured: frozenset = frozenset()

    def category(self, code: str) -> Totals:
        return next(t for t in self.categories if t.code == code)


# ---- evaluating -------------------------------------------------------------------------------


def evaluate(plan: MonthlyPlan, actuals: Actuals, criteria: Iterable = (),
             carried: MonthlyPlan | None = None) -> Evaluation:
    """The plan against the actuals (see the module's doc). ``criteria``: gate criteria, each with
    ``kpi``, ``min`` and ``max`` (and optionally ``gate``), checked against the measured KPIs.
    ``carried``: the plan of the case with the latest clients carried forward (``carried_case``),
    for a second forecast: the actuals so far plus that plan for the other months."""
    with localcontext(WIDE):
        covered = {m.index for m in actuals.months}
        plan = _with_roles(plan, actuals)
        if carried is not None:
            carried = _with_roles(carried, actuals)
        lines = tuple(_compare(plan, ln, actuals, covered, carried) for ln in plan.lines)
        categories = _categories(plan, lines)
        months = tuple(_month_row(plan, m, actuals) for m in actuals.months)
        kpis = measured_kpis(plan, actuals, lines)
        values = {k.code: k.value for k in kpis}
        checked = check(criteria, values)
    months_all = plan.months
    last = months_all[-1]
    return Evaluation(plan.case.title, actuals.title, actuals.months[0].month, actuals.months[-1].month,
                      tuple(m.month for m in actuals.months), f"{last.year:04d}-{last.month:02d}", lines,
                      categories, months, kpis, checked, actuals.measured)


def _with_roles(plan: MonthlyPlan, actuals: Actuals) -> MonthlyPlan:
    """The plan with an empty hours line for each role the actuals give hours for and the plan
    counts none (hours nobody planned)."""
    from dataclasses import replace

    have = {ln.name for ln in plan.lines if ln.kind == "hours"}
    extra = []
    for m in actuals.months:
        for role, _h in m.hours:
            if role not in have:
                have.add(role)
                zeros = tuple(Fraction(0) for _ in plan.months)
                extra.append(PlanLine("hours", role, role, "hours", zeros, zeros, valued=role in plan.rates,
                                      parts=(zeros,)))
    if not extra:
        return plan
    lines = list(plan.lines)
    at = max((i for i, ln in enumerate(lines) if ln.kind != "funding"), default=-1) + 1
    return replace(plan, lines=tuple(lines[:at] + extra + lines[at:]))


def _years(plan: MonthlyPlan) -> list[int]:
    return sorted({m.year for m in plan.months})


def _rounded(line: PlanLine, months: Iterable[int], plan: MonthlyPlan) -> tuple[Decimal, Decimal]:
    """(excl. VAT, VAT) of a line over ``months`` (all in one calendar year), rounded as the engine does."""
    idx = list(months)
    if line.kind == "item":
        amount = sum((line.amounts[i] for i in idx), ZERO)
        return vat.split(amount, line.vat_rate, line.quoted, plan.recoverable)
    if line.kind == "hours":
        return sum((round_cents(sum((part[i] for i in idx), Fraction(0))) for part in line.parts), ZERO), ZERO
    return round_cents(sum((line.amounts[i] for i in idx), ZERO)), ZERO


def _actual_item(plan: MonthlyPlan, line: PlanLine, invoices: list[Invoice]) -> tuple[Decimal, Decimal]:
    excl_total, vat_total = ZERO, ZERO
    for how in ("excl", "incl"):
        mine = [inv.amount for inv in invoices if inv.quoted == how]
        if mine:
            e, v = vat.split(sum(mine, ZERO), line.vat_rate, how, plan.recoverable)
            excl_total += e
            vat_total += v
    return excl_total, vat_total


def _compare(plan: MonthlyPlan, line: PlanLine, actuals: Actuals, covered: set[int],
             carried: MonthlyPlan | None = None) -> Compared:
    kind_measured = {"item": "invoices", "hours": "hours", "funding": "funding"}[line.kind] in actuals.measured
    by_year: dict[int, list] = {y: [] for y in _years(plan)}
    for m in plan.months:
        by_year[m.year].append(m.index)
    years = []
    actual_qty: Decimal | None = ZERO
    for y, idx in by_year.items():
        done = [i for i in idx if i in covered]
        rest = [i for i in idx if i not in covered]
        p, pv = _rounded(line, done, plan)
        r, rv = _rounded(line, rest, plan)
        full, full_v = _rounded(line, idx, plan)
        if not kind_measured:
            a, av = p, pv
        else:
            months = [m for m in actuals.months if m.index in set(done)]
            if line.kind == "item":
                invoices = [inv for m in months for inv in m.invoices
                            if inv.deployment == line.deployment and inv.item == line.name]
                a, av = _actual_item(plan, line, invoices)
                for inv in invoices:
                    actual_qty = None if actual_qty is None or inv.quantity is None else actual_qty + inv.quantity
            elif line.kind == "hours":
                hours = sum((h for m in months for role, h in m.hours if role == line.name), ZERO)
                rate = plan.rates.get(line.name, {}).get(y)
                a, av = (round_cents(hours * rate) if rate is not None else ZERO), ZERO
                actual_qty = actual_qty + hours if actual_qty is not None else None
            else:
                got = [(amt, q) for m in months for f, amt, q in m.funding if f == line.index]
                a, av = sum((amt for amt, _ in got), ZERO), ZERO
                for amt, q in got:
                    actual_qty = None if actual_qty is None or q is None else actual_qty + q
        c = cv = None
        if carried is not None:
            other = carried.line(line.key)
            c, cv = _rounded(other, rest, carried) if other is not None else (ZERO, ZERO)
            c, cv = a + c, av + cv
        years.append(YearFigures(y, p, a, pv, av, a + r, av + rv, full, full_v, c, cv))
    plan_qty = dec(sum((Fraction(line.quantities[i]) for i in covered), Fraction(0)))   # hours: exact sums
    if not kind_measured:
        actual_qty = plan_qty
    planned = sum((f.plan for f in years), ZERO)
    volume, price = split(sum((f.actual for f in years), ZERO) - planned, planned, plan_qty, actual_qty)
    return Compared(line.kind, line.name, line.label, line.category, line.deployment, line.index, tuple(years),
                    plan_qty, actual_qty, volume, price, kind_measured, line.valued)


def split(variance: Decimal, plan: Decimal, plan_qty: Decimal, actual_qty: Decimal | None
          ) -> tuple[Decimal | None, Decimal | None]:
    """The variance of a line split into (volume, price): volume = (actual quantity - planned
    quantity) x planned price, rounded to cents; price = the rest, so that the two add up to the
    variance exactly. Without a planned quantity the whole variance is volume; without an actual
    quantity there is no split (None, None)."""
    if actual_qty is None:
        return None, None
    if not plan_qty:
        return variance, ZERO
    with localcontext(WIDE):
        volume = round_cents((actual_qty - plan_qty) * plan / plan_qty) + ZERO   # + ZERO: no -0.00
    return volume, variance - volume


def _sum_years(groups: list[tuple[YearFigures, ...]], years: list[int], vat_only: bool = False,
               sign: int = 1) -> tuple[YearFigures, ...]:
    out = []
    for i, y in enumerate(years):
        acc = [ZERO] * 4
        carried: Decimal | None = ZERO
        for g in groups:
            f = g[i]
            if vat_only:
                vals = (f.plan_vat, f.actual_vat, f.forecast_vat, f.plan_year_vat)
                more = f.carried_vat
            else:
                vals = (f.plan, f.actual, f.forecast, f.plan_year)
                more = f.carried
            for k in range(4):
                acc[k] += vals[k]
            carried = None if carried is None or more is None else carried + more
        out.append(YearFigures(y, sign * acc[0], sign * acc[1], ZERO, ZERO, sign * acc[2], ZERO, sign * acc[3], ZERO,
                               None if carried is None else sign * carried))
    return tuple(out)


def _categories(plan: MonthlyPlan, lines: tuple[Compared, ...]) -> tuple[Totals, ...]:
    years = _years(plan)
    out = []
    costs = []
    for c in CATEGORIES:
        t = Totals(c, _sum_years([ln.years for ln in lines if ln.category == c], years))
        out.append(t)
        costs.append(t.years)
    t_vat = Totals("vat", _sum_years([ln.years for ln in lines if ln.kind == "item"], years, vat_only=True))
    out.append(t_vat)
    costs.append(t_vat.years)
    cost = Totals("cost", _sum_years(costs, years))
    funding = Totals("funding", _sum_years([ln.years for ln in lines if ln.kind == "funding"], years))
    net = Totals("net", tuple(YearFigures(y, f.plan - c.plan, f.actual - c.actual, ZERO, ZERO, f.forecast - c.forecast,
                                          ZERO, f.plan_year - c.plan_year, ZERO,
                                          None if f.carried is None or c.carried is None else f.carried - c.carried)
                              for y, f, c in zip(years, funding.years, cost.years)))
    return tuple(out) + (cost, funding, net)


def _month_row(plan: MonthlyPlan, m: MonthActuals, actuals: Actuals) -> MonthRow:
    p_cost = a_cost = p_fund = a_fund = ZERO
    by_category = {c: [ZERO, ZERO] for c in CATEGORIES + ("vat",)}
    for line in plan.lines:
        excl, v = _rounded(line, [m.index], plan)
        kind = {"item": "invoices", "hours": "hours", "funding": "funding"}[line.kind]
        if kind not in actuals.measured:
            ae, av = excl, v
        elif line.kind == "item":
            ae, av = _actual_item(plan, line, [inv for inv in m.invoices
                                               if inv.deployment == line.deployment and inv.item == line.name])
        elif line.kind == "hours":
            rate = plan.rates.get(line.name, {}).get(plan.months[m.index].year)
            hours = sum((h for role, h in m.hours if role == line.name), ZERO)
            ae, av = (round_cents(hours * rate) if rate is not None else ZERO), ZERO
        else:
            ae, av = sum((amt for f, amt, _ in m.funding if f == line.index), ZERO), ZERO
        if line.kind == "funding":
            p_fund += excl
            a_fund += ae
        else:
            p_cost += excl + v
            a_cost += ae + av
            by_category[line.category][0] += excl
            by_category[line.category][1] += ae
            by_category["vat"][0] += v
            by_category["vat"][1] += av
    planned = sum(c[m.index] for c in plan.clients)
    return MonthRow(m.month, p_cost, a_cost, p_fund, a_fund, planned, m.clients_total,
                    tuple((c, pa[0], pa[1]) for c, pa in by_category.items()))


def carried_case(case, actuals: Actuals):
    """The case with each deployment's clients from the contract year of its last measured month
    on set to the clients measured then (the latest figure carried forward), or None when no month
    gives clients. Funding lines with clients of their own keep them; linked ones follow."""
    from dataclasses import replace

    from bcalc.core.calendar import horizon

    months = horizon(case.start_year, case.start_month, case.years)
    latest: dict[int, tuple[int, int]] = {}     # deployment -> (contract year, clients)
    for m in actuals.months:
        for d, n in m.clients:
            latest[d] = (months[m.index].contract_year, n)
    if not latest:
        return None
    deployments = list(case.deployments)
    for d, (k, n) in latest.items():
        dep = deployments[d]
        clients = tuple(n if j >= k else c for j, c in enumerate(dep.clients))
        deployments[d] = replace(dep, clients=clients)
    return replace(case, deployments=tuple(deployments))


# ---- KPIs and gate criteria -------------------------------------------------------------------


def measured_kpis(plan: MonthlyPlan, actuals: Actuals, lines: tuple[Compared, ...]) -> tuple[Kpi, ...]:
    """The KPIs the actuals measure, in codes a gate criterion can name:

    - ``clients_in_use``: the clients in use in the last month that gives them (all deployments);
      plan: the clients the plan has in that month;
    - ``minutes_freed_per_client_per_day``: the minutes freed over the months that give time freed,
      over the client-days of those months (clients in use x days in the month); and the same
      per week (``minutes_freed_per_client_per_week``, x 7);
    - ``cost_per_client_per_month``: the cost to date (incl. non-recoverable VAT and valued hours)
      over the client-months to date (clients in use summed over the months covered), when every
      month covered gives its clients; plan: the plan's cost to date over its client-months;
    - ``hours_per_client_per_month``: hours spent (all roles) over the client-months to date, with
      the same condition; plan: the plan's hours over its client-months;
    - ``price:<item>`` for each supplier line with invoiced quantities: the price paid per unit to
      date (excl. VAT; ``price:<deployment>:<item>`` where several deployments have the item);
      plan: the planned price per unit to date;
    - each free KPI: its value in the last month that gives it.
    """
    out: list[Kpi] = []
    with_clients = [m for m in actuals.months if m.clients]
    last = with_clients[-1] if with_clients else None
    planned_at = (sum(c[last.index] for c in plan.clients) if last is not None else None)
    out.append(Kpi(KPI_CLIENTS, Decimal(last.clients_total) if last is not None else None,
                   Decimal(planned_at) if planned_at is not None else None))
    minutes = days = ZERO
    freed = False
    for m in actuals.months:
        if m.minutes_per_client_per_day is None and m.hours_freed is None:
            continue
        n = m.clients_total or 0
        d = plan.months[m.index].days
        freed = True
        days += n * d
        minutes += (m.minutes_per_client_per_day * n * d if m.minutes_per_client_per_day is not None
                    else m.hours_freed * 60)
    per_day = minutes / days if freed and days else None
    planned = _planned_minutes(plan)
    out.append(Kpi(KPI_MINUTES, per_day, planned))
    out.append(Kpi(KPI_MINUTES_WEEK, per_day * 7 if per_day is not None else None,
                   planned * 7 if planned is not None else None))
    all_clients = bool(actuals.months) and all(m.clients for m in actuals.months)
    client_months = sum((m.clients_total for m in actuals.months), 0) if all_clients else 0
    planned_months = sum(c[m.index] for m in actuals.months for c in plan.clients)
    cost_lines = [ln for ln in lines if ln.kind != "funding"]
    cost = sum((ln.actual + ln.actual_vat for ln in cost_lines), ZERO)
    plan_cost = sum((ln.plan + ln.plan_vat for ln in cost_lines), ZERO)
    out.append(Kpi(KPI_COST, cost / client_months if client_months else None,
                   plan_cost / planned_months if planned_months else None))
    hour_lines = [ln for ln in lines if ln.kind == "hours"]
    spent = sum((ln.actual_quantity for ln in hour_lines if ln.actual_quantity is not None), ZERO)
    planned_hours = sum((ln.plan_quantity for ln in hour_lines), ZERO)   # each line's exact sum, as Decimal
    out.append(Kpi(KPI_HOURS, spent / client_months if client_months and "hours" in actuals.measured else None,
                   planned_hours / planned_months if planned_months and hour_lines else None))
    priced = [ln for ln in lines if ln.kind == "item" and ln.measured and ln.actual_quantity]
    names = [ln.name for ln in priced]
    for ln in priced:
        code = KPI_PRICE + (ln.name if names.count(ln.name) == 1 else f"{ln.deployment + 1}:{ln.name}")
        out.append(Kpi(code, ln.actual / ln.actual_quantity, ln.plan_price))
    free: dict[str, Decimal] = {}
    for m in actuals.months:
        for name, value in m.kpis:
            free[name] = value
    out += [Kpi(name, value) for name, value in free.items()]
    return tuple(out)


def _planned_minutes(plan: MonthlyPlan) -> Decimal | None:
    """The minutes freed per client per day the case's time benefits assume, when they are all
    given per day for the clients of their deployment (else None: nothing simple to compare)."""
    case = plan.case
    time = [b for b in case.benefits if b.kind == "time"]
    if not time or any(b.per != "day" or b.clients is not None for b in time):
        return None
    total = ZERO
    for b in time:
        per = b.minutes if b.minutes is not None else b.hours * 60
        total += per * b.realisation
    return total if len({b.deployment for b in time}) == 1 else None


def check(criteria: Iterable, measured: Mapping[str, Decimal | None]) -> tuple[CriterionResult, ...]:
    """Each criterion against the measured values: ``met`` when the value is at least its ``min`` and
    at most its ``max`` (either may be None), ``not_met`` otherwise, ``not_measured`` when there is no
    value for its KPI. A criterion has ``kpi``, ``min`` and ``max`` (attributes or keys), and
    optionally ``gate`` and ``source``."""
    out = []
    for c in criteria:
        kpi = _get(c, "kpi")
        lo = _get(c, "min")
        hi = _get(c, "max")
        gate = _get(c, "gate") or ""
        source = _get(c, "source") or "case"
        value = measured.get(kpi)
        if value is None:
            status = NOT_MEASURED
        elif (lo is not None and value < lo) or (hi is not None and value > hi):
            status = NOT_MET
        else:
            status = MET
        out.append(CriterionResult(kpi, lo, hi, value, status, str(gate), str(source)))
    return tuple(out)


def _get(obj, name: str):
    return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)


# A gate criterion's built-in KPI (bcalc.models.GATE_KPIS) and the measured KPI it is checked against.
GATE_KPI_MEASURED = {"clients": KPI_CLIENTS, "minutes_per_day": KPI_MINUTES, "cost_per_client_month": KPI_COST}


def threshold_criteria(case, gates, last_month: int | None) -> list[dict]:
    """The thresholds bcalc computed for the gate ahead of the actuals (``gates``: the estimate's
    ``bcalc.models.GateResult``; the gate of the phase that holds ``last_month``, the last month the
    actuals cover), as criteria {gate, kpi, min, max, source}: the least clients in use (one
    deployment: the threshold is per deployment), the least minutes freed per client per day or week,
    the highest price per unit of the main item; each in the view it was computed for. A threshold
    that does not exist (no number of clients makes it pay, say) gives no criterion."""
    if last_month is None:
        return []
    phase = case.phase_of(last_month)
    out: list[dict] = []
    for g in gates:
        if g.phase != phase:
            continue
        for t in g.thresholds:
            if t.code != "ok" or t.value is None:
                continue
            if t.kpi == "clients" and len(case.deployments) == 1:
                out.append({"gate": g.label or g.name, "kpi": KPI_CLIENTS, "min": t.value, "source": t.view})
            elif t.kpi == "minutes" and t.per in ("day", "week"):
                kpi = KPI_MINUTES if t.per == "day" else KPI_MINUTES_WEEK
                out.append({"gate": g.label or g.name, "kpi": kpi, "min": t.value, "source": t.view})
            elif t.kpi == "price" and t.item:
                out.append({"gate": g.label or g.name, "kpi": KPI_PRICE + t.item, "max": t.value, "source": t.view})
    return out


def case_criteria(case) -> list[dict]:
    """The gate criteria a case gives (``CasePhase.gate``; a case without phases has none): each as
    {gate, kpi, min, max}; a built-in gate KPI (``clients``, ``minutes_per_day``,
    ``cost_per_client_month``) is checked against its measured KPI."""
    return [{"gate": phase.gate.label or phase.name, "kpi": GATE_KPI_MEASURED.get(c.kpi, c.kpi), "min": c.min,
             "max": c.max}
            for phase in case.phases if phase.gate is not None for c in phase.gate.criteria]


__all__ = ["Actuals", "MonthActuals", "Invoice", "Evaluation", "Compared", "Totals", "Kpi", "CriterionResult",
           "evaluate", "check", "split", "measured_kpis", "case_criteria", "threshold_criteria", "GATE_KPI_MEASURED", "carried_case", "BUILT_IN_KPIS", "CATEGORIES", "KINDS"]
