"""Owning: items bought outright that last a number of years.

An item bought outright (category one_off, timing one_off or per_new_unit) may have a lifetime of
L whole years and a residual value R (euros per unit, as its price is quoted; not indexed), from
the case's ``assets`` or the catalogue. Without a lifetime nothing here applies and a purchase is
a one-off cost, as before. The conventions (also in docs/owning.md):

Cash view (replacement). Units are bought at the start of a contract year (month 12k of the
horizon). A unit bought at the start of contract year j is bought again at the start of contract
year j + L, if that lies within the horizon and the unit is still in use then. Units leave use
oldest first (a drop in clients returns the oldest devices), so the units in use are always the
most recently bought ones, and at the start of contract year k >= 1

    kept[k]     = min(in_use[k-1], in_use[k])            units carried on from year k-1
    replaced[k] = max(0, kept[k] - (bought[k-L+1] + ... + bought[k-1]))
    bought[k]   = new[k] + replaced[k]                    (bought[0] = new[0])

(the units kept beyond those bought in the last L-1 years are exactly L years old). The purchase
charge counts ``bought`` instead of ``new``: each replacement is priced at its own contract
year's price factor and carries the item's VAT, like the first purchase. Units added by a ramp-up
have their own replacement dates; after an exit year nothing is replaced. A fixed quantity (not
per unit) is bought at the start and again every L contract years while the organisation is
committed.

Operating view. Each unit bought in contract year k costs c_k = price x price factor of year k x
the cost factor of its VAT (what is not recovered is part of the cost), the amount of its cash
line before rounding. It is depreciated straight-line by (c_k - R) / (12 L) a month for the
12 L months from the month of purchase (that month included), as far as the horizon runs (never
below zero: a price indexed below R depreciates nothing). At the end of its life it leaves the
books at R; bcalc books no sale (neither proceeds in cash nor a result). A unit taken out of use
before the end of its life stays on the books and is depreciated to the end of its life. With
the case's ``interest_rate`` r (no default), each month costs r / 12 x the unit's book value at
the start of that month (after a purchase in that month, before that month's depreciation). The
book value at the end of the horizon holds the units whose life has not ended before it.

Rounding: a depreciation line and an interest line per (deployment, item, calendar year), each
the exact sum of its months rounded half-up to cents once; the book value per (deployment,
item), rounded once. The operating cost of a year is the cash cost minus the purchases of owned
items (their cash lines incl. VAT) plus depreciation plus interest, all rounded figures, so the
workbook writes the same sums.

For the workbook: in calendar year y a cohort bought at month 12k has n months of its life and
the months since purchase add up to s (0 + 1 + ... for the months in y), so its depreciation is
q (c - R) n / (12 L) and its interest q r / 12 (n c - s (c - R) / (12 L)); ``months_in`` gives
n and s.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from bcalc.core import vat
from bcalc.core.calendar import Month
from bcalc.core.indexation import price_factors
from bcalc.core.plan import Charge, DeploymentPlan, Units, term
from bcalc.models import AssetBook, AssetLine, Line, Operating, OperatingYear, Result
from bcalc.money import ZERO, round_cents


def bought(units: Units, lifetime: int) -> tuple[int, ...]:
    """Units bought at the start of each contract year: new ones and those replaced at the end of
    their life (see the module's docstring)."""
    out: list[int] = []
    for k, new in enumerate(units.new):
        replaced = 0
        if k > 0:
            kept = min(units.in_use[k - 1], units.in_use[k])
            younger = sum(out[max(0, k - lifetime + 1):k])
            replaced = max(0, kept - younger)
        out.append(new + replaced)
    return tuple(out)


def is_asset(charge: Charge) -> bool:
    return charge.lifetime is not None and charge.timing in ("per_new_unit", "one_off")


def cohorts(charge: Charge, plan: DeploymentPlan, years: int) -> tuple[tuple[int, Decimal], ...]:
    """(contract year, units) of each purchase of an owned item over the horizon, as the cash view
    charges them (``bcalc.core.plan.term``)."""
    per_unit = bought(plan.contract_units, charge.lifetime) if charge.unit_based else None
    out = []
    for k in range(years):
        rule = term(charge, k, True)
        if rule is None:
            continue
        q = Decimal(per_unit[k]) if rule[0] == "bought" else charge.quantity
        if q:
            out.append((k, q))
    return tuple(out)


def months_in(first: int, lifetime: int, months: tuple[Month, ...]) -> dict[int, tuple[int, int]]:
    """Per calendar year, (n, s) of a unit bought at month ``first``: the months of its life in that
    year within the horizon, and the sum of the months since its purchase over them."""
    out: dict[int, tuple[int, int]] = {}
    for t in range(first, min(first + 12 * lifetime, len(months))):
        n, s = out.get(months[t].year, (0, 0))
        out[months[t].year] = (n + 1, s + t - first)
    return out


def operating(result: Result, months: tuple[Month, ...], series) -> Operating | None:
    """The operating view of a full result, or None when no deployment owns an item with a lifetime.
    ``series``: the run's price rate series (for the price factors of each deployment)."""
    case = result.case
    assets = [(plan, charge) for plan in result.plans for charge in plan.charges if is_asset(charge)]
    if not assets:
        return None
    rate = case.interest_rate
    n_total = len(months)
    years = [row.year for row in result.per_year]
    lines: list[AssetLine] = []
    books: list[AssetBook] = []
    purchases_of = _purchases(result.lines, {(plan.index, charge.line_id) for plan, charge in assets})
    factors_of: dict = {}
    for plan, charge in assets:
        cap = plan.deployment.index_cap
        if cap not in factors_of:
            factors_of[cap] = price_factors(months, series, cap)
        factors = factors_of[cap]
        cost_factor = Fraction(vat.cost_factor(charge.quoted, charge.vat_rate, case.vat_recoverable))
        life = 12 * charge.lifetime
        residual = Fraction(charge.residual)
        dep = {y: Fraction(0) for y in years}
        interest = {y: Fraction(0) for y in years}
        units = {y: ZERO for y in years}
        book = Fraction(0)
        for k, q in cohorts(charge, plan, case.years):
            first = 12 * k
            c = Fraction(charge.price) * Fraction(factors[k]) * cost_factor
            per_month = max(c - residual, Fraction(0)) / life
            units[months[first].year] += q
            for y, (n, s) in months_in(first, charge.lifetime, months).items():
                dep[y] += Fraction(q) * per_month * n
                if rate is not None:
                    interest[y] += Fraction(q) * Fraction(rate) / 12 * (n * c - s * per_month)
            if first + life >= n_total:
                book += Fraction(q) * (c - per_month * (n_total - first))
        for y in years:
            lines.append(AssetLine(plan.index, plan.product.id, charge.line_id, charge.label, y, charge.lifetime,
                                   charge.residual, units[y], purchases_of.get((plan.index, charge.line_id, y), ZERO),
                                   round_cents(dep[y]), round_cents(interest[y])))
        books.append(AssetBook(plan.index, plan.product.id, charge.line_id, charge.label, charge.lifetime,
                               charge.residual, round_cents(book)))
    per_year = []
    for row in result.per_year:
        mine = [ln for ln in lines if ln.year == row.year]
        per_year.append(OperatingYear(row.year, row.totals.cost, sum((ln.purchases for ln in mine), ZERO),
                                      sum((ln.depreciation for ln in mine), ZERO),
                                      sum((ln.interest for ln in mine), ZERO), row.totals.funding,
                                      row.totals.benefits))
    total = OperatingYear(0, *(sum((getattr(r, f) for r in per_year), ZERO)
                               for f in ("cost", "purchases", "depreciation", "interest", "funding", "benefits")))
    return Operating(tuple(per_year), total, tuple(lines), tuple(books), sum((b.value for b in books), ZERO), rate)


def _purchases(lines: tuple[Line, ...], owned: set) -> dict[tuple, Decimal]:
    """The cash of the purchase lines of owned items, incl. VAT, per (deployment, item, year)."""
    out: dict[tuple, Decimal] = {}
    for ln in lines:
        key = (ln.deployment, ln.item)
        if key in owned:
            out[key + (ln.year,)] = out.get(key + (ln.year,), ZERO) + ln.excl_vat + ln.vat
    return out


__all__ = ["bought", "is_asset", "cohorts", "months_in", "operating"]
