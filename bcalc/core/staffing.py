"""Hours and FTE per staff role per calendar year: what the deployments ask of the organisation's staff.

The hours are those of the counted time lines charged with each deployment (its plan's time
charges: training and internal hours, per head, per team or per organisation, as
``bcalc.core.selection`` decides), also of a role without an hourly rate (counted, not valued).
Time freed by benefits is no part of them: that is a benefit (``bcalc.core.inflows``).

FTE is the hours divided by the case's ``hours_per_fte``, over the months of the calendar year
that lie in the horizon (as freed time is shown): 650 hours in the six months of a part year at
1.300 hours per FTE is 1 FTE during those months. Without ``hours_per_fte`` there is no FTE: bcalc
assumes no norm.
"""

from __future__ import annotations

from fractions import Fraction

from bcalc.models import ROLES, Case, RoleHours
from bcalc.money import ZERO, dec


def role_hours(case: Case, plans, months) -> tuple[RoleHours, ...]:
    """Per role with counted hours (in the order of ``ROLES``), its hours per calendar year of the
    horizon and, when the case gives ``hours_per_fte``, its FTE. ``plans``: the deployments' plans
    (bcalc.core.plan.DeploymentPlan); ``months``: the months of the horizon (bcalc.core.calendar)."""
    years = sorted({m.year for m in months})
    in_year = {y: sum(1 for m in months if m.year == y) for y in years}
    hours: dict[str, dict[int, Fraction]] = {}
    for plan in plans:
        for tc in plan.counted_time:
            mine = hours.setdefault(tc.line.role, {y: Fraction(0) for y in years})
            for m in months:
                per_head = tc.hours[m.index]
                if per_head:
                    mine[m.year] += per_head * tc.heads
    norm = case.hours_per_fte
    out = []
    for role in ROLES:
        if role not in hours:
            continue
        per_year = tuple(dec(hours[role][y]) for y in years)
        total = sum(per_year, ZERO)
        fte = average = None
        if norm:
            fte = tuple(h / norm * 12 / in_year[y] for h, y in zip(per_year, years))
            average = total / norm / case.years
        staff = case.staff.get(role)
        out.append(RoleHours(role=role, valued=staff is not None and staff.rate is not None, years=tuple(years),
                             hours=per_year, total_hours=total, fte=fte, average_fte=average))
    return tuple(out)


__all__ = ["role_hours"]
