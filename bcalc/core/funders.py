"""Funders' conditions, checked: a subsidy's grant worked out from its scheme's rules, who pays a
funding line, the co-funding question, double funding and the condition of 1062.

A subsidy with rules counts as eligible the cost lines of its eligible categories (and their VAT
where ``vat`` is eligible) in the calendar years that lie wholly inside the funded project's period:
``months`` (the line's, else the scheme's, else 12) from the first month of the subsidy's contract
year. A calendar year only partly inside is left out (said so): the grant is then, if anything, too
low, never too high. Devices are the supplier lines of categories one_off and recurring (the
technology bought, rented or subscribed to); with a cap on their share, they count only up to
``cap / (1 - cap)`` times the other eligible costs, so that they are at most ``cap`` of what counts.
Grant = share x what counts, rounded half-up to cents, cut to the maximum; below the minimum the
application does not qualify and there is no grant. With an amount given, that amount is used and
checked against what the rules allow. Pure: codes and numbers; the words are in bcalc.messages.
"""

from __future__ import annotations

from decimal import Decimal

from bcalc.core.notices import Notices
from bcalc.core.parties import unknown_givers
from bcalc.models import ELIGIBLE, Case, Message, Result, Tariffs
from bcalc.money import ZERO, round_cents
from bcalc.record import record

DEVICE_CATEGORIES = ("one_off", "recurring")
PRESTATIE_KINDS = ("hourly", "vpt")
# the insurer's conditions for 1062 (Coöperatie VGZ), as the shared reference gives them
CONDITION_1062 = "000:898-903"


@record
class Grant:
    """What a subsidy's rules make of the case."""

    index: int                    # the funding line
    months: int                   # the project's months
    years: tuple[int, ...]        # calendar years wholly inside its period: their costs count
    partial: tuple[int, ...]      # calendar years only partly inside: left out
    categories: tuple[str, ...]   # eligible categories
    eligible: Decimal             # eligible costs before the device cap
    devices: Decimal              # of which devices
    counted: Decimal              # what counts after the device cap
    computed: Decimal | None      # share x counted, rounded; None without a share
    allowed: Decimal | None       # what the rules allow: computed cut to max (or max alone); None: no limit known
    amount: Decimal               # the grant bcalc counts
    capped: bool = False          # computed above max, cut to it
    below_min: bool = False       # below the scheme's minimum: no grant
    over: bool = False            # the amount given is more than allowed
    device_over: bool = False     # devices above their cap

    @property
    def device_share(self) -> Decimal | None:
        return self.devices / self.eligible if self.eligible else None


def period_years(case: Case, months, line) -> tuple[int, tuple[int, ...], tuple[int, ...]]:
    """A subsidy's project: its months, the calendar years wholly inside its period, those partly inside."""
    rules = line.rules
    n = line.months or (rules.months if rules is not None else None) or 12
    first = case.subsidy_month(line)
    inside = range(first, first + n)
    whole, part = [], []
    for year in sorted({m.year for m in months}):
        of_year = [m.index for m in months if m.year == year]
        hits = sum(1 for i in of_year if i in inside)
        if hits == len(of_year):
            whole.append(year)
        elif hits:
            part.append(year)
    return n, tuple(whole), tuple(part)


def grant(case: Case, months, index: int, rows) -> Grant:
    """Funding line ``index`` (a subsidy with rules) worked out from the cost lines ``rows``:
    (category, calendar year, excl. VAT, VAT, supplier line) each."""
    line = case.funding[index]
    rules = line.rules
    n, years, partial = period_years(case, months, line)
    cats = rules.eligible or ELIGIBLE
    with_vat = "vat" in cats
    eligible = devices = ZERO
    for category, year, excl, vat, supplier in rows:
        if year not in years or category not in cats:
            continue
        cost = excl + (vat if with_vat else ZERO)
        eligible += cost
        if supplier and category in DEVICE_CATEGORIES:
            devices += cost
    counted, device_over = eligible, False
    cap = rules.device_share_max
    if cap is not None and eligible and devices > cap * eligible:
        device_over = True
        others = eligible - devices
        counted = others + (round_cents(others * cap / (1 - cap)) if cap < 1 else devices)
    computed = round_cents(rules.share * counted) if rules.share is not None else None
    allowed = computed
    capped = False
    if rules.maximum is not None:
        if allowed is None or allowed > rules.maximum:
            capped = allowed is not None
            allowed = rules.maximum
    amount = line.amount if line.amount is not None else allowed
    assert amount is not None, "the loader lets no subsidy through without an amount or a share"
    over = line.amount is not None and allowed is not None and line.amount > allowed
    below_min = rules.minimum is not None and amount < rules.minimum
    if below_min:
        amount = ZERO
    return Grant(index, n, years, partial, tuple(c for c in ELIGIBLE if c in cats), eligible, devices, counted,
                 computed, allowed, round_cents(amount), capped and line.amount is None, below_min, over, device_over)


def grants(case: Case, months, rows) -> dict[int, Grant]:
    """Every subsidy with rules, worked out from the cost lines ``rows`` (see ``grant``)."""
    rows = list(rows)
    return {i: grant(case, months, i, rows) for i, line in enumerate(case.funding) if line.rules is not None}


def line_rows(result: Result):
    """The cost lines of a result as ``grant`` takes them."""
    return [(ln.category, ln.year, ln.excl_vat, ln.vat, ln.kind == "supplier") for ln in result.lines]


def funder_notices(case: Case, tariffs: Tariffs, result: Result) -> tuple[Message, ...]:
    from bcalc.core.calendar import horizon

    notices = Notices()
    months = horizon(case.start_year, case.start_month, case.years)
    for g in result.grants:
        _grant_notices(notices, case.funding[g.index], g)
    _double_funding(notices, case, tariffs, result, months)
    _condition_1062(notices, case, result)
    for index in unknown_givers(case, tariffs):
        line = case.funding[index]
        notices.add("party_giver_unknown", line=index + 1, label=line.label or line.code)
    view = result.parties
    if view is not None:
        names = {v.party: v.name or v.party for v in view.parties}
        for party in view.co_funding:
            total = next(v.total for v in view.parties if v.party == party)
            notices.add("co_funding", party=names[party], short=-total.net, whole=view.whole_total.net)
    return notices.all()


def _grant_notices(notices: Notices, line, g: Grant) -> None:
    rules, said = line.rules, {"line": g.index + 1, "label": line.label or line.code}
    source = rules.source
    if g.computed is not None:
        notices.add("subsidy_computed", source, **said, grant=g.computed, share=rules.share, eligible=g.counted,
                    categories=g.categories, years=g.years)
    if not g.years:
        notices.add("subsidy_period_none", source, **said)
    elif g.partial:
        notices.add("subsidy_period_partial", source, **said, years=g.partial)
    if g.device_over:
        notices.add("subsidy_device_share", source, **said, share=_pct(g.device_share), cap=rules.device_share_max)
    if g.capped:
        notices.add("subsidy_capped", source, **said, computed=g.computed, maximum=rules.maximum)
    if g.over:
        notices.add("subsidy_over_rules", source, **said, given=line.amount, allowed=g.allowed)
    if g.below_min:
        notices.add("subsidy_below_min", source, **said, given=line.amount if line.amount is not None else g.allowed,
                    minimum=rules.minimum)
    if line.months is not None and rules.months is not None and line.months > rules.months:
        notices.add("subsidy_months_over", source, **said, months=line.months, maximum=rules.months)


def _double_funding(notices: Notices, case: Case, tariffs: Tariffs, result: Result, months) -> None:
    """A subsidy whose eligible costs include recurring costs (what a prestatie pays for) while a prestatie
    pays in a calendar year of the subsidy's period: the same cost funded twice. A subsidy without rules
    says nothing of what it covers, so it is not checked."""
    paying: dict[int, set[int]] = {}
    for f in result.funding:
        if tariffs.funding[f.code].kind in PRESTATIE_KINDS and f.amount:
            paying.setdefault(f.index, set()).add(f.year)
    for index, line in enumerate(case.funding):
        rules = line.rules
        if rules is None or "recurring" not in (rules.eligible or ELIGIBLE):
            continue
        _, whole, partial = period_years(case, months, line)
        period = set(whole) | set(partial)
        for other, years in paying.items():
            both = tuple(sorted(period & years))
            if both:
                notices.add("double_funding", subsidy=index + 1, label=line.label or line.code, prestatie=other + 1,
                            prestatie_code=case.funding[other].code, categories=tuple(c for c in ELIGIBLE
                                                                            if c in (rules.eligible or ELIGIBLE)),
                            years=both)


def freed_hours_per_client_month(case: Case, deployment: int | None) -> Decimal:
    """Care staff hours freed per client per month by the case's time benefits (at their realisation) that
    follow ``deployment`` (None: any), a month counted as 52/12 weeks, 365/12 days."""
    from fractions import Fraction

    from bcalc.money import dec

    per_month = {"day": Fraction(365, 12), "week": Fraction(52, 12), "month": Fraction(1), "year": Fraction(1, 12)}
    total = Fraction(0)
    for b in case.benefits:
        if b.kind != "time" or b.role != "care_staff" or b.clients is not None:
            continue
        if deployment is not None and b.deployment != deployment:
            continue
        hours = Fraction(b.minutes) / 60 if b.minutes is not None else Fraction(b.hours)
        total += hours * per_month[b.per] * Fraction(b.realisation)
    return dec(total)


def _condition_1062(notices: Notices, case: Case, result: Result) -> None:
    for index, line in enumerate(case.funding):
        if line.code != "1062":
            continue
        said = {"line": index + 1, "label": line.label or line.code}
        baseline = line.baseline_hours_per_month
        if baseline is None:
            notices.add("condition_1062", CONDITION_1062, **said)
            continue
        freed = freed_hours_per_client_month(case, line.deployment)
        if not freed:
            notices.add("hours_1062_none", CONDITION_1062, **said)
            continue
        after = baseline - freed
        notices.add("hours_1062", CONDITION_1062, **said, baseline=baseline, freed=freed, after=after,
                    change=_pct(freed / baseline) if baseline else None)


def _pct(share: Decimal | None) -> Decimal | None:
    """A share to a tenth of a percent, half-up, as the messages show it."""
    from decimal import ROUND_HALF_UP

    return share.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP) if share is not None else None


__all__ = ["funder_notices", "grant", "grants", "Grant", "period_years", "line_rows", "freed_hours_per_client_month"]
