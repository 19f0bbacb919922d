"""Funders' conditions, checked: who pays a funding line, the co-funding question, a subsidy's scheme
rules, double funding and the condition of 1062. Notices as codes with values; the words are in
bcalc.messages."""

from __future__ import annotations

from bcalc.core.notices import Notices
from bcalc.core.parties import ORGANISATION, unknown_givers
from bcalc.models import Case, Message, Result, Tariffs


def funder_notices(case: Case, tariffs: Tariffs, result: Result) -> tuple[Message, ...]:
    notices = Notices()
    for index in unknown_givers(case, tariffs):
        line = case.funding[index]
        notices.add("party_giver_unknown", funding=index + 1, label=line.label or line.code)
    view = result.parties
    if view is not None:
        names = {v.party: v.name or v.party for v in view.parties}
        for party in view.co_funding:
            total = next(v.total for v in view.parties if v.party == party)
            notices.add("co_funding", party=names[party], short=-total.net, whole=view.whole_total.net,
                        organisation=party == ORGANISATION)
    return notices.all()


__all__ = ["funder_notices"]
