"""The horizon of a case in segments, the net flow per month, and what one evaluation works with.

A segment is the part of a contract year that falls in one calendar year: in it the units, the
price factor and the wage and tariff factors are constant, so a monthly charge costs its quantity
times the segment's months, a daily one times its days, and yearly, one-off, new-unit and removal
charges fall in its first month when it starts a contract year.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bcalc.core.calendar import Month
from bcalc.core.notices import Notices
from bcalc.models import Case, Catalogue, RateSeries, Tariffs
from bcalc.money import ZERO
from bcalc.record import record


@record
class Segment:
    """The months of one contract year that fall in one calendar year."""

    contract_year: int            # 0-based
    year: int                     # calendar year
    months: tuple[int, ...]       # indices into the horizon
    days: tuple[int, ...]         # days of each of those months
    starts: bool                  # holds the first month of its contract year
    # with phases (Case.phases): a block is the part of a contract year within one phase, where the units
    # in use are constant; without phases the blocks are the contract years
    block: int = -1               # 0-based; -1: the contract year
    phase: int = 0                # 0-based phase of the case
    opens: bool | None = None     # holds the first month of its block; None: as ``starts``
    phase_opens: bool = False     # holds the first month of its phase (after the first)

    def __post_init__(self) -> None:
        if self.block < 0:
            object.__setattr__(self, "block", self.contract_year)
        if self.opens is None:
            object.__setattr__(self, "opens", self.starts)

    @property
    def first(self) -> int:
        return self.months[0]

    @property
    def n_months(self) -> int:
        return len(self.months)

    @property
    def n_days(self) -> int:
        return sum(self.days)


def segments(months: tuple[Month, ...], phase_starts: tuple[int, ...] = ()) -> tuple[Segment, ...]:
    """The segments of the horizon; with ``phase_starts`` (the first month of each phase after the first)
    also cut where a phase starts, each segment knowing its phase and its block."""
    out: list[Segment] = []
    group: list[Month] = []
    starts = set(phase_starts)
    if not starts:
        for m in months:
            if group and (m.contract_year != group[0].contract_year or m.year != group[0].year):
                out.append(_segment(group))
                group = []
            group.append(m)
        if group:
            out.append(_segment(group))
        return tuple(out)
    phase, block, opens = 0, -1, False
    for m in months:
        if m.index in starts:
            phase += 1
        new_block = m.index % 12 == 0 or m.index in starts
        if group and (m.contract_year != group[0].contract_year or m.year != group[0].year or new_block):
            out.append(_segment(group, block, phase_of, opens, group[0].index in starts))
            group = []
        if not group:
            phase_of = phase
            opens = new_block
            if new_block:
                block += 1
        group.append(m)
    if group:
        out.append(_segment(group, block, phase_of, opens, group[0].index in starts))
    return tuple(out)


def _segment(group: list[Month], block: int = -1, phase: int = 0, opens: bool | None = None,
             phase_opens: bool = False) -> Segment:
    return Segment(group[0].contract_year, group[0].year, tuple(m.index for m in group), tuple(m.days for m in group),
                   group[0].index % 12 == 0, block, phase, opens, phase_opens)


def blocks(segs: tuple[Segment, ...]) -> tuple[tuple[int, int, int], ...]:
    """(contract year, phase, first month) of each block of the horizon, in order."""
    out: dict[int, tuple[int, int, int]] = {}
    for seg in segs:
        out.setdefault(seg.block, (seg.contract_year, seg.phase, seg.first))
    return tuple(out[b] for b in sorted(out))


class Flows:
    """The exact net flow per month (for payback), gathered per segment: an amount in one month, an
    amount in every month of a segment, or an amount per day of it. A part of the case (one
    deployment, one funding line) can gather its own flows and be added to the whole with ``add``."""

    def __init__(self, n_months: int, n_segs: int):
        self._point = [ZERO] * n_months
        self._monthly = [ZERO] * n_segs
        self._daily = [ZERO] * n_segs
        self._empty = True

    def at(self, index: int, amount) -> None:
        self._point[index] += amount
        self._empty = False

    def each_month(self, seg: int, amount) -> None:
        self._monthly[seg] += amount
        self._empty = False

    def each_day(self, seg: int, amount) -> None:
        self._daily[seg] += amount
        self._empty = False

    def add(self, other: "Flows") -> None:
        if other._empty:
            return
        self._empty = False
        for target, source in ((self._point, other._point), (self._monthly, other._monthly),
                               (self._daily, other._daily)):
            for i, amount in enumerate(source):
                if amount:
                    target[i] += amount

    def monthly(self, segs: tuple[Segment, ...]) -> tuple[Decimal, ...]:
        out = list(self._point)
        for s, seg in enumerate(segs):
            per_month, per_day = self._monthly[s], self._daily[s]
            if not per_month and not per_day:
                continue
            for index, days in zip(seg.months, seg.days):
                out[index] += per_month + per_day * days
        return tuple(out)


def series_key(series: RateSeries) -> tuple:
    """A rate series as a value that can key a memo (its ``by_year`` is a dict)."""
    return series.default, tuple(sorted(series.by_year.items()))


@dataclass
class Run:
    """What one evaluation of a case works with: the case, its horizon and factors, and what it gathers."""

    case: Case
    catalogue: Catalogue
    tariffs: Tariffs
    scenario: str
    end: str                      # price end: low, mid, high
    months: tuple[Month, ...]
    segs: tuple[Segment, ...]
    series: dict[str, RateSeries]
    wage_f: dict[int, Decimal]
    tariff_f: dict[int, Decimal]
    price_cal: dict[int, Decimal]
    notices: Notices
    by_contract_year: tuple       # the segments (number, segment) of each contract year

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted(self.wage_f))

    def flows(self) -> Flows:
        return Flows(len(self.months), len(self.segs))

    @property
    def horizon_key(self) -> tuple:
        c = self.case
        if c.phases:
            return c.start_year, c.start_month, c.years, c.phase_starts
        return c.start_year, c.start_month, c.years

    @property
    def blocks(self) -> tuple[tuple[int, int, int], ...]:
        return blocks(self.segs)

    def phase_of(self, index: int) -> int:
        """The phase (0-based) of a month of the horizon."""
        return self.case.phase_of(index)


__all__ = ["Segment", "segments", "blocks", "Flows", "Run", "series_key"]
