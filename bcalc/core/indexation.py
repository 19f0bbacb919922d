"""Indexation factors.

Supplier prices change at each anniversary of the start (contract year 2 onwards), limited by
the deployment's cap; wages and funding tariffs change every 1 January by that calendar year's
rate. Year 1 uses the figures as given.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from bcalc.core.calendar import Month
from bcalc.models import Case, PriceLevel, RateSeries, Scenario, Tariffs
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


def price_level(case: Case, tariffs: Tariffs, price_years) -> PriceLevel:
    """The level catalogue prices are used at. Unindexed (``as_quoted``) they stay at their price
    year. Indexed, a price of year p is brought to the year before the start: times the product of
    (1 + rate) for the years p+1 .. start-1, each year's rate the case's (``catalogue_index``), else
    the tariffs file's sourced figure; a year with neither counts as 0 % and is listed as missing."""
    if case.catalogue_prices != "indexed":
        return PriceLevel("as_quoted", case.start_year - 1)
    to_year = case.start_year - 1
    first = min(price_years, default=to_year)
    rates: dict[int, Decimal] = {}
    origins: dict[int, str] = {}
    for year in range(first + 1, to_year + 1):
        if year in case.catalogue_index:
            rates[year], origins[year] = case.catalogue_index[year], "case"
        elif year in tariffs.catalogue_index:
            rates[year], origins[year] = tariffs.catalogue_index[year], "source"
        else:
            rates[year], origins[year] = Decimal(0), "missing"
    factors = {}
    with localcontext(WIDE):
        for p in price_years:
            f = ONE
            for year in range(p + 1, to_year + 1):
                f *= ONE + rates[year]
            factors[p] = f
    return PriceLevel("indexed", to_year, rates, origins, factors)


def level_factor(case: Case, tariffs: Tariffs, price_year: int) -> Decimal:
    """The factor a catalogue price of ``price_year`` is multiplied by in this case (1 unindexed)."""
    if case.catalogue_prices != "indexed":
        return ONE
    return price_level(case, tariffs, (price_year,)).factors[price_year]


__all__ = ["effective_series", "price_factors", "calendar_factors", "rates_used", "anniversary_rates",
           "price_level", "level_factor"]
