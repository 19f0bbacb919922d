"""Who pays and who gains (bcalc.core.parties) as rows of a table and sentences, for every renderer."""

from __future__ import annotations

from decimal import Decimal

from bcalc.models import Result

NAMES = {
    "nl": {"care_organisation": "Zorgorganisatie", "zorgkantoor": "Zorgkantoor", "health_insurer": "Zorgverzekeraar",
           "gemeente": "Gemeente", "client": "Cliënt", "informal_carer": "Mantelzorger",
           "unknown": "Verstrekker niet genoemd"},
    "en": {"care_organisation": "Care organisation", "zorgkantoor": "Zorgkantoor", "health_insurer": "Health insurer",
           "gemeente": "Municipality (gemeente)", "client": "Client", "informal_carer": "Informal carer",
           "unknown": "Giver not named"},
}
WORDS = {
    "nl": {"title": "Wie betaalt en wie wint, per kalenderjaar", "cost": "kosten", "benefits": "baten",
           "received": "financiering ontvangen", "paid": "financiering betaald", "net": "netto",
           "whole": "Alle partijen samen: netto",
           "convention": "Financiering is inkomsten voor de zorgorganisatie en kosten voor de financier: over alle "
                         "partijen valt zij weg, dus tellen de netto's van de partijen op tot baten min kosten (het "
                         "geheel), niet tot het netto resultaat van de case. Uren van medewerkers zijn van de "
                         "zorgorganisatie.",
           "co_funding": "Cofinanciering: {parties} {verb} over de looptijd negatief terwijl het geheel positief is "
                         "({whole}).", "verb_one": "staat", "verb_many": "staan"},
    "en": {"title": "Who pays and who gains, per calendar year", "cost": "cost", "benefits": "benefits",
           "received": "funding received", "paid": "funding paid", "net": "net", "whole": "All parties: net",
           "convention": "Funding is income to the care organisation and a cost to its financier: over all parties "
                         "it cancels out, so the parties' nets add up to benefits minus cost (the whole), not to the "
                         "case's net. Staff hours are the care organisation's.",
           "co_funding": "Co-funding: {parties} {verb} negative over the horizon while the whole is positive "
                         "({whole}).", "verb_one": "is", "verb_many": "are"},
}


def _lang(lang: str) -> str:
    return "nl" if lang == "nl" else "en"


def party_name(view, lang: str) -> str:
    """A party in words: the case's name for one it names, else the word for the code."""
    return view.name or NAMES[_lang(lang)].get(view.party, view.party)


def word(key: str, lang: str) -> str:
    return WORDS[_lang(lang)][key]


def shown(result: Result) -> bool:
    """The per-party view is shown where more than one party pays or gains."""
    return result.parties is not None and result.parties.several


def rows(result: Result, lang: str) -> list[tuple[str, list[Decimal], bool]]:
    """(label, values per calendar year and the total, bold): per party its cost, benefits, funding
    received and paid (rows that are zero throughout left out) and its net; then the whole's net."""
    view = result.parties
    if view is None:
        return []
    out = []
    for v in view.parties:
        name = party_name(v, lang)
        cells = list(v.per_year) + [v.total]
        for key in ("cost", "benefits", "received", "paid"):
            values = [getattr(c, key) for c in cells]
            if any(values):
                out.append((f"{name}: {word(key, lang)}", values, False))
        out.append((f"{name}: {word('net', lang)}", [c.net for c in cells], True))
    out.append((word("whole", lang), [c.net for c in list(view.whole) + [view.whole_total]], True))
    return out


def co_funding_sentence(result: Result, lang: str, money) -> str | None:
    """The co-funding question in words, or None; ``money`` formats an amount."""
    view = result.parties
    if view is None or not view.co_funding:
        return None
    names = [party_name(v, lang) for v in view.parties if v.party in view.co_funding]
    joiner = " en " if lang == "nl" else " and "
    text = ", ".join(names[:-1]) + joiner + names[-1] if len(names) > 1 else names[0]
    return word("co_funding", lang).format(parties=text, verb=word("verb_many" if len(names) > 1 else "verb_one", lang),
                                           whole=money(view.whole_total.net))


__all__ = ["rows", "shown", "party_name", "co_funding_sentence", "word"]
