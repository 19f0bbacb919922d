"""What the benefits of a case rest on, and what the result is without the unmeasured ones.

A benefit may say its evidence (``evidence`` in the case file, weakest first): an assumption of the
organisation, a supplier's claim, a practice example measured elsewhere, a measurement in the
organisation's own pilot, a published study, a measurement in its own practice. The first two, and
a benefit that does not say, are unmeasured: a headline that rests on them is named as such, with
the net result without them (both views: all benefits, and cashable benefits only).
"""

from __future__ import annotations

from decimal import Decimal

from bcalc.models import Case, Evidence, Result

LEVELS = ("assumption", "supplier_claim", "practice_example", "pilot_measurement", "study", "own_measurement")
UNMEASURED = (None, "assumption", "supplier_claim")
ZERO = Decimal("0")


def evidence(case: Case, result: Result) -> Evidence | None:
    """The benefits' amounts over the horizon per evidence level, and the nets without the unmeasured
    ones; None for a case without benefits."""
    if not case.benefits:
        return None
    per_level: dict[str | None, Decimal] = {}
    unmeasured = unmeasured_cash = ZERO
    for b in result.benefits:
        level = case.benefits[b.index].evidence
        per_level[level] = per_level.get(level, ZERO) + b.amount
        if level in UNMEASURED:
            unmeasured += b.amount
            if b.cashable:
                unmeasured_cash += b.amount
    order = [None] + list(LEVELS)
    total = result.total
    return Evidence(levels=tuple((lv, per_level[lv]) for lv in order if lv in per_level),
                    unmeasured=unmeasured, unmeasured_cashable=unmeasured_cash,
                    net_without=total.net - unmeasured, cash_net_without=total.cash_net - unmeasured_cash,
                    levels_of=tuple(b.evidence for b in case.benefits))


__all__ = ["LEVELS", "UNMEASURED", "evidence"]
