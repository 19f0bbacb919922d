"""Who pays and who gains: the costs, funding and benefits of a result per party and calendar year.

Every cost line belongs to a party: a deployment's supplier lines (with their VAT) to the deployment's
``party``, or an own item's, else to the care organisation; staff hours always to the care organisation,
whose staff they are. A funding line is income to the care organisation and a cost to its financier (the
line's ``party``, else the code's financier in data/tariffs.yaml, else a subsidy scheme's giver, else
not known). A benefit goes to its ``party``, else to the care organisation. A line split between parties
(``{ziekenhuis: 50%, care_organisation: 50%}``) gives each party its share of the line's rounded amount,
rounded half-up to cents, the last party the rest: the parts add up to the line to the cent.

Funding moves money from one party to another, so over all parties it cancels out: the parties' nets add
up to the benefits minus the costs (the whole, for society), not to the case's net (which counts the
funding as income). Pure: codes and numbers, no words.
"""

from __future__ import annotations

from decimal import Decimal

from bcalc.models import PARTY_CODES, Case, Result, Tariffs
from bcalc.money import ZERO, round_cents
from bcalc.record import record

ORGANISATION = "care_organisation"
UNKNOWN = "unknown"          # the financier of a subsidy whose giver neither the case nor a source names


@record
class PartyYear:
    """One party's figures in one calendar year (``year`` 0: over the horizon)."""

    year: int
    cost: Decimal = ZERO          # the cost lines it pays (incl. VAT)
    benefits: Decimal = ZERO      # the benefits it gains
    cashable: Decimal = ZERO      # of which cash
    received: Decimal = ZERO      # funding it receives (the care organisation)
    paid: Decimal = ZERO          # funding it pays (the financiers)

    @property
    def net(self) -> Decimal:
        return self.benefits + self.received - self.cost - self.paid

    @property
    def cash_net(self) -> Decimal:
        return self.cashable + self.received - self.cost - self.paid


@record
class PartyView:
    party: str                    # a code of PARTY_CODES, the id of a party the case names, or UNKNOWN
    name: str                     # the case's name for a party it names; "" for a code
    per_year: tuple[PartyYear, ...]
    total: PartyYear


@record
class Parties:
    parties: tuple[PartyView, ...]
    whole: tuple[PartyYear, ...]  # all parties together per calendar year
    whole_total: PartyYear
    co_funding: tuple[str, ...]   # parties whose net over the horizon is negative while the whole's is positive

    @property
    def several(self) -> bool:
        """More than one party pays or gains: the per-party view says more than the totals."""
        return len(self.parties) > 1


Shares = tuple[tuple[str, Decimal], ...]
_ALONE: Shares = ((ORGANISATION, Decimal(1)),)


def split(amount: Decimal, shares: Shares) -> list[tuple[str, Decimal]]:
    """``amount`` (cents) shared out: each party its share rounded half-up to cents, the last the rest."""
    out, given = [], ZERO
    for i, (party, share) in enumerate(shares):
        part = amount - given if i == len(shares) - 1 else round_cents(amount * share)
        given += part
        out.append((party, part))
    return out


def line_payer(case: Case, line) -> Shares:
    """Who pays a cost line: an own item's party, else (supplier lines) the deployment's, else the
    care organisation."""
    if line.kind != "supplier":
        return _ALONE
    dep = case.deployments[line.deployment]
    item = line.base_item or line.item
    return (dep.item_parties.get(item) or case.item_parties.get((dep.product, item)) or dep.party or _ALONE)


def funding_payer(case: Case, tariffs: Tariffs, index: int) -> Shares:
    """Who pays funding line ``index``: its party, else its code's financier, else its scheme's giver."""
    line = case.funding[index]
    if line.party:
        return line.party
    code = tariffs.funding[line.code]
    if code.financier:
        return ((code.financier, Decimal(1)),)
    if line.rules is not None and line.rules.giver:
        return ((line.rules.giver, Decimal(1)),)
    return ((UNKNOWN, Decimal(1)),)


def unknown_givers(case: Case, tariffs: Tariffs) -> list[int]:
    """The funding lines whose financier is not known (a subsidy without party or a giver in its scheme)."""
    return [i for i in range(len(case.funding)) if funding_payer(case, tariffs, i) == ((UNKNOWN, Decimal(1)),)]


def parties(result: Result, tariffs: Tariffs) -> Parties:
    """The result per party and calendar year, and the co-funding question."""
    case = result.case
    years = [row.year for row in result.per_year]
    acc: dict[str, dict[int, list[Decimal]]] = {}   # party -> year -> [cost, benefits, cashable, received, paid]

    def put(party: str, year: int, slot: int, amount: Decimal) -> None:
        row = acc.setdefault(party, {y: [ZERO] * 5 for y in years})[year]
        row[slot] += amount

    put(ORGANISATION, years[0], 0, ZERO)   # the care organisation is always shown
    for line in result.lines:
        for party, part in split(line.excl_vat + line.vat, line_payer(case, line)):
            put(party, line.year, 0, part)
    for f in result.funding:
        put(ORGANISATION, f.year, 3, f.amount)
        for party, part in split(f.amount, funding_payer(case, tariffs, f.index)):
            put(party, f.year, 4, part)
    for b in result.benefits:
        benefit = case.benefits[b.index]
        for party, part in split(b.amount, benefit.party or _ALONE):
            put(party, b.year, 1, part)
            if b.cashable:
                put(party, b.year, 2, part)
    order = list(PARTY_CODES) + list(case.parties) + [UNKNOWN]
    views = []
    for party in sorted(acc, key=order.index):
        rows = tuple(PartyYear(y, *acc[party][y]) for y in years)
        views.append(PartyView(party, case.parties.get(party, ""), rows, _sum(0, rows)))
    whole = tuple(_sum(y, [v.per_year[k] for v in views]) for k, y in enumerate(years))
    whole_total = _sum(0, whole)
    co_funding = tuple(v.party for v in views if v.total.net < 0 and v.party != UNKNOWN) if whole_total.net > 0 else ()
    return Parties(tuple(views), whole, whole_total, co_funding)


def _sum(year: int, rows) -> PartyYear:
    return PartyYear(year, *(sum((getattr(r, k) for r in rows), ZERO)
                             for k in ("cost", "benefits", "cashable", "received", "paid")))


__all__ = ["parties", "Parties", "PartyView", "PartyYear", "split", "line_payer", "funding_payer", "unknown_givers",
           "ORGANISATION", "UNKNOWN"]
