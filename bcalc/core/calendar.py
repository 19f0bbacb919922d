"""The horizon in months, and the calendar facts the arithmetic needs."""

from __future__ import annotations

import calendar as _cal
from functools import lru_cache

from bcalc.record import record


@record
class Month:
    index: int          # 0-based month of the horizon
    year: int           # calendar year
    month: int          # calendar month 1..12
    contract_year: int  # 0-based contract year
    days: int           # days in this calendar month


@lru_cache(maxsize=64)
def horizon(start_year: int, start_month: int, years: int) -> tuple[Month, ...]:
    """``years x 12`` months from the start month."""
    out = []
    for m in range(years * 12):
        zero_based = start_month - 1 + m
        y, mo = start_year + zero_based // 12, zero_based % 12 + 1
        out.append(Month(m, y, mo, m // 12, _cal.monthrange(y, mo)[1]))
    return tuple(out)


def calendar_years(months: tuple[Month, ...]) -> tuple[int, ...]:
    return tuple(sorted({m.year for m in months}))
