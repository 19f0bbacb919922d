"""Figures per phase of a case (``Case.phases``: pilot, scale-up, structural).

A phase is a run of months of the horizon, cut at the phase starts as well as at contract and
calendar years (``bcalc.core.horizon.segments``), so every segment lies in one phase. A line's amount
in a phase is the sum of its exact monthly amounts in the phase's months, rounded half-up to cents
once per line per phase, and its VAT is worked out from that rounded amount as for a calendar year
(``bcalc.core.vat``); a phase's totals are sums of those rounded lines. The phases of a line thus need
not add up to its calendar years to the cent: over the horizon they differ by at most half a cent per
phase and per calendar year of the line (each side rounds once per period).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from bcalc.core import vat
from bcalc.models import PhaseRow, Totals
from bcalc.money import ZERO, round_cents


def phase_spans(case) -> tuple[tuple[int, int], ...]:
    """(first month, months) of each phase of the case, 0-based months of the horizon."""
    out, at = [], 0
    for p in case.phases:
        out.append((at, p.months))
        at += p.months
    return tuple(out)


def phase_rows(run, ev, plans) -> tuple[PhaseRow, ...]:
    """The totals of each phase of the run's case (``ev``: the engine's evaluation; ``plans``: its plans)."""
    case = run.case
    n = len(case.phases)
    recoverable = case.vat_recoverable
    sums = [{"one_off": ZERO, "recurring": ZERO, "training": ZERO, "internal": ZERO, "vat": ZERO} for _ in range(n)]
    phase_of_seg = [seg.phase for seg in run.segs]
    for plan, dl in zip(plans, ev.lines):
        for spec in dl.specs:
            if spec[0] != "supplier":
                continue
            charge, (profile, _entries) = spec[1], spec[2]
            per_euro = [ZERO] * n
            for k, s, _year, total, _falls, _first, _q in profile.shape:
                per_euro[phase_of_seg[s]] += total * profile.factors[k]
            for p in range(n):
                if not per_euro[p]:
                    continue
                excl, vat_due = vat.split(charge.price * per_euro[p], charge.vat_rate, charge.quoted, recoverable)
                sums[p][charge.item.category] += excl
                sums[p]["vat"] += vat_due
        for tc in plan.time:
            amounts = [Fraction(0)] * n
            rate = Fraction(tc.rate)
            for m in run.months:
                h = tc.hours[m.index]
                if h:
                    amounts[run.phase_of(m.index)] += h * tc.heads * rate * Fraction(run.wage_f[m.year])
            category = "training" if tc.line.category == "training" else "internal"
            for p in range(n):
                if amounts[p]:
                    sums[p][category] += round_cents(amounts[p])
    funding = [ZERO] * n
    benefits = [ZERO] * n
    cashable = [ZERO] * n
    spans = phase_spans(case)
    for k, part in enumerate(ev.flows):
        monthly = part.monthly(run.segs)
        for p, (first, months) in enumerate(spans):
            amount = round_cents(sum(monthly[first:first + months], ZERO))
            if k < ev.funding_flows:
                funding[p] += amount
            else:
                benefits[p] += amount
                if case.benefits[k - ev.funding_flows].cashable:
                    cashable[p] += amount
    out = []
    for p, (phase, (first, months)) in enumerate(zip(case.phases, spans)):
        acc = sums[p]
        out.append(PhaseRow(p, phase.name, first, months,
                            Totals(acc["one_off"], acc["recurring"], acc["training"], acc["internal"], acc["vat"],
                                   funding[p], benefits[p], cashable[p])))
    return tuple(out)


def month_label(case, index: int) -> str:
    """A month of the horizon (0-based) written YYYY-MM."""
    zero_based = case.start_month - 1 + index
    return f"{case.start_year + zero_based // 12:04d}-{zero_based % 12 + 1:02d}"


def rest_net(monthly: tuple[Decimal, ...], first: int) -> Decimal:
    """The exact net of the months from ``first`` to the end of the horizon."""
    return sum(monthly[first:], ZERO)


__all__ = ["phase_rows", "phase_spans", "month_label", "rest_net"]
