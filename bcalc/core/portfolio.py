"""A portfolio: the estimates of several cases of one organisation added up per calendar year.

``summarise`` reduces one case's full ``Result`` to what the consolidation needs (its totals per
calendar year, its cost per need, its funding per code, its counted hours per role, when its
deployments have clients and which roles it counts on the organisation's head count); the
summaries are small, so that they travel cheaply from a worker process. ``consolidate`` adds them
up. Every figure is a sum of rounded figures of the cases, so the portfolio equals the sum of the
separate estimates to the cent. Overlaps between cases (the same need for the same clients, the
same staff counted twice) are flagged as messages; the core never writes their words.
"""

from __future__ import annotations

from decimal import Decimal

from bcalc.core import selection
from bcalc.models import ROLES, Catalogue, Message, Result, Totals, YearRow
from bcalc.record import record

ZERO = Decimal("0")
CATEGORIES = ("one_off", "recurring", "training", "internal", "vat", "funding", "benefits", "cashable")


@record
class ClientUse:
    """A deployment's clients in the calendar years it has any: what two cases may share."""

    need: str
    product: str
    label: str | None
    first_year: int
    last_year: int


@record
class CaseSummary:
    file: str                                       # as shown in messages
    title: str
    organisation: str | None
    start: str                                      # YYYY-MM
    years: int
    scenario: str
    vat_recoverable: Decimal
    per_year: tuple[YearRow, ...]
    total: Totals
    needs: tuple[tuple[str, int, Decimal], ...]     # (need, calendar year, cost incl. VAT)
    codes: tuple[tuple[str, int, Decimal], ...]     # (funding code, calendar year, amount)
    hours: tuple[tuple[str, int, Decimal], ...]     # (role, calendar year, counted hours)
    hours_per_fte: Decimal | None
    clients: tuple[ClientUse, ...]
    org_roles: tuple[tuple[str, int], ...]          # (role, head count) the case counts organisation-wide
    need_names: tuple[tuple[str, str], ...] = ()    # (need, the catalogue's category of its products)


@record
class Row:
    """One key (a need, a funding code, a role) per calendar year of the portfolio, and its total."""

    key: str
    values: tuple[Decimal, ...]
    total: Decimal


@record
class RoleRow:
    role: str
    hours: tuple[Decimal, ...]
    total: Decimal
    fte: tuple[Decimal, ...] | None                 # hours / hours_per_fte per calendar year
    average_fte: Decimal | None = None              # over the portfolio's calendar years


@record
class Portfolio:
    title: str | None
    organisation: str | None
    budget_year: int
    scenario: str | None                            # the portfolio's scenario for every case, if it sets one
    vat_recoverable: Decimal | None                 # the portfolio's VAT position, if it sets one
    cases: tuple[CaseSummary, ...]
    years: tuple[int, ...]
    per_year: tuple[Totals, ...]                    # per calendar year of ``years``
    total: Totals
    active: tuple[int, ...]                         # per calendar year: how many cases run in it
    needs: tuple[Row, ...]
    codes: tuple[Row, ...]
    roles: tuple[RoleRow, ...]
    hours_per_fte: Decimal | None
    flags: tuple[Message, ...]
    need_names: dict[str, str]                      # need -> the catalogue's category ("Medicijndispenser")
    code_names: dict[str, str]                      # funding code -> its name in data/tariffs.yaml
    repeated: tuple[str, ...] = ()                  # files named more than once, counted once

    def year(self, year: int) -> Totals:
        if year in self.years:
            return self.per_year[self.years.index(year)]
        return Totals(ZERO, ZERO, ZERO, ZERO, ZERO)


def _calendar_years(start_year: int, start_month: int, contract_year: int) -> tuple[int, int]:
    first = (start_month - 1) + (contract_year - 1) * 12
    return start_year + first // 12, start_year + (first + 11) // 12


def summarise(result: Result, catalogue: Catalogue, file: str) -> CaseSummary:
    """What the portfolio needs of one case's estimate."""
    case = result.case
    products = catalogue.products
    own = {p.id: p for p in case.products}

    def need_of(product_id: str) -> str:
        p = own.get(product_id) or products.get(product_id)
        return p.need if p is not None else product_id

    needs: dict[tuple[str, int], Decimal] = {}
    names: dict[str, str] = {}
    for dep in case.deployments:
        p = own.get(dep.product) or products.get(dep.product)
        if p is not None:
            names.setdefault(p.need, p.category)
    org_roles: dict[str, int] = {}
    for ln in result.lines:
        key = (need_of(ln.product), ln.year)
        needs[key] = needs.get(key, ZERO) + ln.excl_vat + ln.vat
        if ln.role and ln.role in case.staff and ln.role not in case.deployments[ln.deployment].staff:
            org_roles[ln.role] = case.staff[ln.role].count
    codes: dict[tuple[str, int], Decimal] = {}
    for f in result.funding:
        codes[(f.code, f.year)] = codes.get((f.code, f.year), ZERO) + f.amount
    hours = tuple((r.role, y, h) for r in result.staff_hours for y, h in zip(r.years, r.hours) if h)
    clients = []
    for dep in case.deployments:
        used = [k + 1 for k, c in enumerate(selection.effective_clients(dep)) if c > 0]
        if not used:
            continue
        first = _calendar_years(case.start_year, case.start_month, used[0])[0]
        last = _calendar_years(case.start_year, case.start_month, used[-1])[1]
        clients.append(ClientUse(need_of(dep.product), dep.product, dep.label, first, last))
    return CaseSummary(
        file=file, title=case.title, organisation=case.organisation, start=case.start, years=case.years,
        scenario=result.scenario, vat_recoverable=case.vat_recoverable, per_year=result.per_year, total=result.total,
        needs=tuple((n, y, a) for (n, y), a in needs.items()),
        codes=tuple((c, y, a) for (c, y), a in codes.items()),
        hours=hours, hours_per_fte=case.hours_per_fte, clients=tuple(clients),
        org_roles=tuple(sorted(org_roles.items())),
        need_names=tuple(sorted(names.items())))


def plus(a: Totals, b: Totals) -> Totals:
    return Totals(*(getattr(a, k) + getattr(b, k) for k in CATEGORIES[:5]),
                  funding=a.funding + b.funding, benefits=a.benefits + b.benefits, cashable=a.cashable + b.cashable)


EMPTY = Totals(ZERO, ZERO, ZERO, ZERO, ZERO)


def _rows(entries, years: tuple[int, ...]) -> tuple[Row, ...]:
    place = {y: i for i, y in enumerate(years)}
    sums: dict[str, list[Decimal]] = {}
    for key, year, amount in entries:
        values = sums.setdefault(key, [ZERO] * len(years))
        values[place[year]] += amount
    return tuple(Row(k, tuple(v), sum(v, ZERO)) for k, v in sorted(sums.items()))


def consolidate(cases: list[CaseSummary], title: str | None = None, organisation: str | None = None,
                budget_year: int | None = None, scenario: str | None = None,
                vat_recoverable: Decimal | None = None, hours_per_fte: Decimal | None = None,
                code_names: dict[str, str] | None = None, repeated: tuple[str, ...] = ()) -> Portfolio:
    run = {r.year for c in cases for r in c.per_year}
    # every calendar year from the first to the last, also one in which no case runs (a budget over
    # the years has no holes; that year shows 0 cases running)
    years = tuple(range(min(run), max(run) + 1)) if run else ()
    place = {y: i for i, y in enumerate(years)}
    per_year = [EMPTY] * len(years)
    active = [0] * len(years)
    total = EMPTY
    for c in cases:
        for r in c.per_year:
            i = place[r.year]
            per_year[i] = plus(per_year[i], r.totals)
            active[i] += 1
        total = plus(total, c.total)
    needs = _rows((e for c in cases for e in c.needs), years)
    codes = _rows((e for c in cases for e in c.codes), years)
    role_rows = sorted(_rows((e for c in cases for e in c.hours), years),
                       key=lambda r: ROLES.index(r.key) if r.key in ROLES else len(ROLES))
    flags: list[Message] = []
    fte_norm = hours_per_fte
    if fte_norm is None:
        norms = {c.hours_per_fte for c in cases if c.hours}
        if len(norms) == 1:
            fte_norm = norms.pop()
        elif len(norms) > 1 and role_rows:
            given = sorted(n for n in norms if n is not None)
            flags.append(Message("portfolio_fte_norms", {"norms": tuple(given)}))
    roles = tuple(RoleRow(r.key, r.values, r.total,
                          None if fte_norm is None else tuple(h / fte_norm for h in r.values),
                          None if fte_norm is None else r.total / fte_norm / len(years)) for r in role_rows)
    flags += _client_overlaps(cases) + _staff_overlaps(cases)
    if budget_year is None:
        budget_year = years[0] if years else 0
    elif budget_year not in years or not active[place[budget_year]]:
        flags.append(Message("portfolio_budget_year_empty", {"year": budget_year}))
    need_names: dict[str, str] = {}
    for c in cases:
        for need, name in c.need_names:
            need_names.setdefault(need, name)
    return Portfolio(title, organisation, budget_year, scenario, vat_recoverable, tuple(cases), years,
                     tuple(per_year), total, tuple(active), needs, codes, roles, fte_norm, tuple(flags),
                     need_names, {r.key: (code_names or {}).get(r.key, r.key) for r in codes}, repeated)


def _overlapping(spans: list[tuple[int, int, int]]) -> tuple[int, ...]:
    """The cases whose year span (first, last, case) overlaps a span of another case. Two sweeps over
    the spans sorted by their first year: one keeps the latest end of the spans before, one the earliest
    start of the spans after, each as the best two of different cases."""
    spans = sorted(spans)
    hit: set[int] = set()

    def sweep(order, reach, better, meets):
        first = second = None                    # the best (reach, case), and the best of another case
        for span in order:
            case = span[2]
            other = first if first is not None and first[1] != case else second
            if other is not None and meets(span, other[0]):
                hit.add(case)
            mine = (reach(span), case)
            if first is None or better(mine[0]) > better(first[0]):
                if first is not None and first[1] != case:
                    second = first
                first = mine
            elif case != first[1] and (second is None or better(mine[0]) > better(second[0])):
                second = mine

    sweep(spans, lambda s: s[1], lambda v: v, lambda s, end: s[0] <= end)            # an earlier span reaches it
    sweep(spans[::-1], lambda s: s[0], lambda v: -v, lambda s, start: start <= s[1])  # a later span starts in it
    return tuple(sorted(hit))


def _groups(cases: list[CaseSummary], entries) -> list[tuple]:
    """Entries (key, first, last, case number) grouped by key within one organisation: per key the
    cases whose spans overlap and the years of those spans."""
    named = all(c.organisation for c in cases)
    by_key: dict[tuple, list[tuple[int, int, int]]] = {}
    for key, first, last, ci in entries:
        # cases are told apart by organisation only when every case names one: a case without one may
        # belong to any of them
        org = cases[ci].organisation if named else ""
        by_key.setdefault((org,) + key, []).append((first, last, ci))
    out = []
    for key, spans in sorted(by_key.items()):
        if len({c for _, _, c in spans}) < 2:
            continue
        hit = _overlapping(spans)
        if hit:
            chosen = set(hit)
            years = (min(f for f, _, c in spans if c in chosen), max(l for _, l, c in spans if c in chosen))
            out.append((key[1:], hit, years))
    return out


def _client_overlaps(cases: list[CaseSummary]) -> list[Message]:
    """Cases with a deployment for the same need in the same years, under the same label (district) or
    without one: they may count the same clients twice."""
    entries = [((u.need, u.label or ""), u.first_year, u.last_year, ci)
               for ci, c in enumerate(cases) for u in c.clients]
    out = []
    for (need, label), hit, (first, last) in _groups(cases, entries):
        files = tuple(cases[i].file for i in hit)
        if label:
            out.append(Message("portfolio_clients_overlap", {"need": need, "label": label, "cases": files,
                                                             "first": first, "last": last}))
        else:
            out.append(Message("portfolio_clients_unlabelled", {"need": need, "cases": files,
                                                                "first": first, "last": last}))
    return out


def _staff_overlaps(cases: list[CaseSummary]) -> list[Message]:
    """Cases that count the same role on the organisation's head count in the same years: the same
    people may be trained or counted twice."""
    entries = []
    for ci, c in enumerate(cases):
        years = sorted({y for role, y, _ in c.hours})
        if not years:
            continue
        for role, count in c.org_roles:
            role_years = sorted({y for r, y, _ in c.hours if r == role}) or years
            entries.append(((role,), role_years[0], role_years[-1], ci))
    out = []
    for (role,), hit, (first, last) in _groups(cases, entries):
        counts = tuple(dict(cases[i].org_roles).get(role) for i in hit)
        out.append(Message("portfolio_staff_overlap", {
            "role": role, "cases": tuple(cases[i].file for i in hit), "counts": counts,
            "first": first, "last": last}))
    return out


__all__ = ["CaseSummary", "ClientUse", "Portfolio", "Row", "RoleRow", "consolidate", "summarise", "plus"]
