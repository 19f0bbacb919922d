"""Indexation factors.

Supplier prices change at each anniversary of the start (contract year 2 onwards), limited by
the deployment's cap; wages and funding tariffs change every 1 January by that calendar year's
rate. Year 1 uses the figures as given.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from bcalc.core.calendar import Month
from bcalc.models import Case, RateSeries, Scenario
from bcalc.money import ONE, WIDE


def effective_series(case: Case, scenario: Scenario) -> dict[str, RateSeries]:
    """The scenario's yearly rates, with the case's own rates where it gives them."""
    out = {}
    for kind in ("prices", "wages", "tariffs"):
        override = getattr(case.indexation, kind)
        out[kind] = RateSeries(default=override) if override is not None else getattr(scenario, kind)
    return out


def price_factors(months: tuple[Month, ...], series: RateSeries, cap: Decimal | None) -> list[Decimal]:
    """Factor per contract year (0-based): the product of capped rates of years 2..k."""
    contract_years = months[-1].contract_year + 1 if months else 0
    factors = [ONE]
    with localcontext(WIDE):
        for k in range(1, contract_years):
            year = months[k * 12].year  # calendar year in which the anniversary falls
            rate = series.rate(year)
            if cap is not None and rate > cap:
                rate = cap
            factors.append(factors[-1] * (ONE + rate))
    return factors


def calendar_factors(first_year: int, last_year: int, series: RateSeries) -> dict[int, Decimal]:
    """Factor per calendar year for wages and tariffs: 1 in the first year, then each 1 January."""
    factors = {first_year: ONE}
    with localcontext(WIDE):
        for year in range(first_year + 1, last_year + 1):
            factors[year] = factors[year - 1] * (ONE + series.rate(year))
    return factors


def rates_used(months: tuple[Month, ...], series: RateSeries) -> dict[int, Decimal]:
    """Wages and tariffs: the rate of each calendar year after the first (applied on 1 January)."""
    years = sorted({m.year for m in months})
    return {y: series.rate(y) for y in years[1:]}


def anniversary_rates(months: tuple[Month, ...], series: RateSeries) -> dict[int, Decimal]:
    """Supplier prices: the scenario's rate in each calendar year that holds an anniversary of the
    start (before any deployment's cap)."""
    out = {}
    for k in range(1, len(months) // 12):
        year = months[k * 12].year
        out[year] = series.rate(year)
    return out


__all__ = ["effective_series", "price_factors", "calendar_factors", "rates_used", "anniversary_rates"]
