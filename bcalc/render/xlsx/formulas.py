"""The engine's arithmetic written as spreadsheet formulas over the input cells.

The engine (bcalc.core.engine) works per segment: the months of one contract year that fall in one
calendar year, where clients and price factors are constant. A line of the workbook is a calendar
year, so its formula is a sum over that year's segments, rounded half-up to cents once
(ROUND(...;2)), as the engine rounds the exact sum of a line once. What a charge is charged on in a
segment is the engine's own rule (``bcalc.core.plan.term``); the VAT of a line is
``bcalc.core.vat.formulas``. Every function returns formula text; the sheet modules place it.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from bcalc.core.calendar import Month
from bcalc.core.engine import Segment
from bcalc.core.engine import segments as engine_segments
from bcalc.core.plan import Charge, term

if TYPE_CHECKING:
    from bcalc.render.xlsx.book import BenefitCells, DeploymentCells, FundingCells


def exact(value: Fraction | Decimal) -> str:
    """An exact number as a formula term: 208/3 rather than 69.333..."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    return f"({value.numerator}/{value.denominator})"


def segments(months: tuple[Month, ...], phase_starts: tuple[int, ...] = ()) -> dict[int, list[Segment]]:
    """The engine's segments of the horizon, per calendar year, in order (cut at the phase starts too)."""
    out: dict[int, list[Segment]] = {}
    for seg in engine_segments(months, phase_starts):
        out.setdefault(seg.year, []).append(seg)
    return out


# -- supplier charges and time (the calculation sheet) --------------------------------------------

def charge_terms(charge: Charge, fixed: str | None, dep: DeploymentCells,
                 segs: list[Segment]) -> list[tuple[str, int]]:
    """(quantity term, contract year) per segment of one calendar year in which the charge is
    charged; empty when it is not charged in that year. ``fixed`` is the charge's fixed quantity."""
    terms = []
    phased = bool(dep.block_clients)
    billed, new, removed = (dep.block_billed, dep.block_new, dep.block_removed) if phased else \
        (dep.billed, dep.new, dep.removed)
    for seg in segs:
        k = seg.contract_year
        b = seg.block if phased else k
        rule = term(charge, k, seg.starts, seg.opens, seg.first > 0, seg.phase, seg.phase_opens) if phased \
            else term(charge, k, seg.starts)
        if rule is None:
            continue
        count, per = rule
        if count == "billed":
            q = billed[b]
        elif count == "new":
            q = new[b]
        elif count == "removed":
            q = removed[b]
        elif count == "bought":
            q = dep.bought[charge.line_id][k]
        elif count == "fixed":
            q = fixed if charge.phase_qty is None else exact(charge.phase_qty[seg.phase])
        elif count == "phase":  # teams or heads per phase: written as values (the inputs sheet lists them)
            q = exact(charge.phase_qty[seg.phase])
        elif count == "phase_added":
            q = exact(charge.phase_added[seg.phase])
        else:  # fixed_if_removed
            q = f"{fixed}*({removed[b]}>0)"
        if per == "month":
            q = f"{seg.n_months}*{q}"
        elif per == "day":
            q = f"{seg.n_days}*{q}"
        terms.append((q, k))
    return terms


def charge_quantity(terms: list[tuple[str, int]]) -> str:
    return "=" + "+".join(f"({q})" for q, _ in terms)


def charge_amount(terms: list[tuple[str, int]], price: str, factors: list[str]) -> str:
    """The line as quoted: quantity x year-1 price x the price factor of each segment's contract year."""
    amount = "+".join(f"({q})*{price}*{factors[k]}" for q, k in terms)
    return f"=ROUND({amount},2)"


def time_quantity(hours: str, heads: str) -> str:
    return f"={hours}*{heads}"


def time_amount(hours: str, heads: str, rate: str, wage_factor: str) -> str:
    return f"=ROUND({hours}*{heads}*{rate}*{wage_factor},2)"


def tier_price(conditions: list[tuple[list[str], str]], count: str) -> str:
    """The price of a tiered item: the first tier whose conditions all hold, nested IFs from the
    top; ``conditions`` are (conditions with ``{count}`` for the counted quantity, price cell)."""
    expr = "0"
    for conds, value in reversed(conditions):
        expr = value if not conds else f"IF(AND({','.join(conds)}),{value},{expr})"
    return "=" + expr.replace("{count}", count)


# -- owned items (bcalc.core.assets) -------------------------------------------------------------

def bought(k: int, lifetime: int, new: list[str], clients: list[str], cells: list[str]) -> str:
    """Units bought at the start of contract year k: the new ones and those kept in use beyond the
    ones bought in the last lifetime - 1 years (``bcalc.core.assets.bought``)."""
    if k == 0:
        return f"={new[0]}"
    window = cells[max(0, k - lifetime + 1):k]
    younger = f"-({'+'.join(window)})" if window else ""
    return f"={new[k]}+MAX(0,MIN({clients[k - 1]},{clients[k]}){younger})"


def unit_cost(price: str, factor: str, rate: str, recoverable: str, quoted: str) -> str:
    """What one unit bought in a contract year costs, VAT not recovered included (``vat.cost_factor``)."""
    keep = f"(1+{rate}*(1-{recoverable}))"
    return f"{price}*{factor}*{keep}/(1+{rate})" if quoted == "incl" else f"{price}*{factor}*{keep}"


def depreciation(cohorts: list[tuple[str, str, int]], residual: str, lifetime: int) -> str:
    """A year's depreciation of an owned item: cohorts are (units, unit cost, months of life in the year)."""
    terms = [f"{q}*MAX(0,{c}-{residual})*{n}/{12 * lifetime}" for q, c, n in cohorts]
    return f"=ROUND({'+'.join(terms) or '0'},2)"


def interest(cohorts: list[tuple[str, str, int, int]], residual: str, lifetime: int, rate: str) -> str:
    """A year's interest: cohorts are (units, unit cost, months n, sum of months since purchase s):
    units x rate / 12 x (n x cost - s x monthly depreciation)."""
    terms = [f"{q}*{rate}/12*({n}*{c}-{s}*MAX(0,{c}-{residual})/{12 * lifetime})" for q, c, n, s in cohorts]
    return f"=ROUND({'+'.join(terms) or '0'},2)"


def book_value(cohorts: list[tuple[str, str, int]], residual: str, lifetime: int) -> str:
    """Book value at the end of the horizon: cohorts are (units, unit cost, months since purchase)."""
    terms = [f"{q}*({c}-{m}*MAX(0,{c}-{residual})/{12 * lifetime})" for q, c, m in cohorts]
    return f"=ROUND({'+'.join(terms) or '0'},2)"


# -- funding and benefits ------------------------------------------------------------------------

def funding(cells: FundingCells, year: int, segs: list[Segment], months: tuple[Month, ...], stop: int | None,
            tariff_factor: str) -> tuple[str, str] | None:
    """(quantity, amount) of a funding line in one calendar year (``segs`` are its segments), or None
    when it pays nothing then: a subsidy pays in the first month of its contract year; nothing is
    paid after contract year ``stop`` (``engine.funding_stop``)."""
    line, code = cells.line, cells.code
    if code.kind == "subsidy":
        if months[cells.month].year != year or (stop is not None and line.year is not None and line.year > stop):
            return None
        return "=1", f"=ROUND({cells.amount},2)"
    segs = [seg for seg in segs if (stop is None or seg.contract_year < stop) and
            (not line.phases or seg.phase in line.phases)]
    if not segs:
        return None
    if code.kind == "hourly":
        qty = "+".join(f"{seg.n_months}*{clients_in(cells, seg)}" for seg in segs)
        qty = f"({qty})*{cells.hours_per_month}"
        return "=" + qty, f"=ROUND({qty}*{cells.tariff}*{tariff_factor},2)"
    qty = "+".join(f"{seg.n_days}*{clients_in(cells, seg)}" for seg in segs)  # vpt: days in use
    return "=" + qty, f"=ROUND(({qty})*{cells.day_rate}*{tariff_factor}*{cells.share},2)"


_PERIODS = {"day": lambda seg: str(seg.n_days), "week": lambda seg: f"{seg.n_months}*52/12",
            "month": lambda seg: str(seg.n_months), "year": lambda seg: f"{seg.n_months}/12"}


def clients_in(cells, seg: Segment) -> str:
    """The cell of the clients a funding line or benefit counts in a segment: per block in a case with
    phases, else per contract year."""
    return cells.block_clients[seg.block] if cells.block_clients else cells.clients[seg.contract_year]


def benefit_periods(cells: BenefitCells, segs: list[Segment]) -> str:
    """Client-periods (days, weeks, months or years times clients) of a benefit in one calendar year."""
    per = _PERIODS[cells.benefit.per]
    only = cells.benefit.phases
    return "+".join(f"{per(seg)}*{clients_in(cells, seg)}" for seg in segs if not only or seg.phase in only) or "0"


def benefit_hours(cells: BenefitCells, periods: str) -> str:
    return f"=({periods})*{cells.hours}*{cells.share}"


def benefit_time_value(hours: str, rate: str, wage_factor: str) -> str:
    return f"=ROUND({hours}*{rate}*{wage_factor},2)"


def benefit_amount(cells: BenefitCells, periods: str, price_factor_jan: str) -> str:
    return f"=ROUND(({periods})*{cells.amount}*{cells.share}*{price_factor_jan},2)"


# -- the exact flows of one month (the monthly sheet, for payback) -----------------------------------

def month_segment(month: Month, seg: Segment | None = None) -> Segment:
    """One month of the horizon as a segment of its own: it starts its contract year when it is its first;
    ``seg``: the engine's segment it lies in (a case with phases: its block and phase)."""
    if seg is None or seg.block == seg.contract_year and not seg.phase:
        return Segment(month.contract_year, month.year, (month.index,), (month.days,), month.index % 12 == 0)
    first = month.index == seg.first
    return Segment(month.contract_year, month.year, (month.index,), (month.days,), month.index % 12 == 0,
                   seg.block, seg.phase, seg.opens and first, seg.phase_opens and first)


def charge_month(it, dep: DeploymentCells, seg: Segment, recoverable: str) -> str | None:
    """A charge's exact cost in one month (VAT not recovered included, as ``vat.cost_factor``), or
    None when nothing is charged then."""
    terms = charge_terms(it.charge, it.fixed, dep, [seg])
    if not terms:
        return None
    return "+".join(f"({q})*{unit_cost(it.price, dep.factor[k], it.vat_rate, recoverable, it.charge.quoted)}"
                    for q, k in terms)


def funding_month(cells: FundingCells, seg: Segment, stop: int | None, tariff_factor: str) -> str | None:
    """What a funding line pays in one month, exactly, or None: a subsidy in the first month of its
    contract year, hourly funding per month, VPT per day in use; nothing after contract year ``stop``."""
    line, code = cells.line, cells.code
    if code.kind == "subsidy":
        if seg.first != cells.month or (stop is not None and line.year is not None and line.year > stop):
            return None
        return cells.amount
    if stop is not None and seg.contract_year >= stop:
        return None
    if line.phases and seg.phase not in line.phases:
        return None
    clients = clients_in(cells, seg)
    if code.kind == "hourly":
        return f"{clients}*{cells.hours_per_month}*{cells.tariff}*{tariff_factor}"
    return f"{seg.n_days}*{clients}*{cells.day_rate}*{tariff_factor}*{cells.share}"


def benefit_month(cells: BenefitCells, seg: Segment, rate: str | None, wage_factor: str,
                  price_factor_jan: str) -> str:
    """A benefit's exact value in one month: time at the hourly rate, or the cost avoided."""
    periods = benefit_periods(cells, [seg])
    if cells.benefit.kind == "time":
        if rate is None:
            return "0"
        return f"({periods})*{cells.hours}*{cells.share}*{rate}*{wage_factor}"
    return f"({periods})*{cells.amount}*{cells.share}*{price_factor_jan}"


__all__ = ["clients_in", "month_segment", "charge_month", "funding_month", "benefit_month", "exact", "segments", "charge_terms", "charge_quantity", "charge_amount", "time_quantity", "time_amount",
           "tier_price", "bought", "unit_cost", "depreciation", "interest", "book_value", "funding", "benefit_periods", "benefit_hours", "benefit_time_value", "benefit_amount"]
