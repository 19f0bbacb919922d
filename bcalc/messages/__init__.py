"""The words of bcalc's messages, one catalogue per language.

The core says what it has to tell as a ``Message`` (a code, raw parameters and the source line
it cites); ``say`` gives its text in Dutch (``nl``) or English (any other language code, as the
renderers do). Each catalogue maps every code to a template; where a sentence takes another
form with other values, ``DERIVED`` works out that part from the catalogue's ``PIECES``.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from bcalc.messages import en, nl
from bcalc.messages.format import fill
from bcalc.money import num_str

if TYPE_CHECKING:  # the models are not needed to import the words (the help of the command line)
    from bcalc.models import Message

LANGUAGES = {"nl": nl, "en": en}


def catalogue(lang: str):
    return nl if lang == "nl" else en


def _tier(p: dict, piece) -> dict:
    cond = [piece(k) for k, field in (("tier_units", "min_units"), ("tier_years", "min_years"))
            if p[field] is not None]
    return {"cond": piece("tier_and").join(cond) or piece("tier_other"),
            "label": f"; {p['label']}" if p["label"] else "",
            "written": p["written"] or (piece("tier_amount") if p.get("price") is not None else "")}


def _price_year(p: dict, piece) -> dict:
    return {"at": piece("price_year") if p["year"] is not None else ""}


def _period(p: dict, piece) -> dict:
    if p["valid_from"] is not None and p["valid_until"] is not None:
        return {"period": piece("version_both")}
    return {"period": piece("version_from") if p["valid_from"] is not None else piece("version_until")}


def _packs(p: dict, piece) -> dict:
    return {"packs": " + ".join(piece("pack", n=n, size=size) for size, n in p["packs"])}


def _deployment_name(p: dict, piece) -> dict:
    return {"name": f"{p['product']}, {p['label']}" if p["label"] else p["product"]}


def _span(p: dict, piece) -> dict:
    """The calendar years of a portfolio's overlap: 2027, or 2027-2029."""
    return {"span": str(p["first"]) if p["first"] == p["last"] else f"{p['first']}-{p['last']}"}


# sentence parts that follow from the values: code -> function(params, piece) -> more params,
# where piece(name, **values) fills one of the language's PIECES
DERIVED = {
    "tier": _tier,
    "packs": _packs,
    "ambiguous": lambda p, piece: {"note": f" {p['note']}".rstrip()},
    "own_time": lambda p, piece: {"per_day": piece(f"own_time_per_{p['unit']}", hours=p["per_day"])
                                  if p["per_day"] is not None else ""},
    "scenario_grid": lambda p, piece: {"name": p["name"] or p["scenario"], "pct": f"{p['recovered'] * 100:.0f}"},
    "input_item": lambda p, piece: {"tier": f" ({p['tier']})" if p["tier"] else ""},
    "input_time": lambda p, piece: {"phase": f" ({piece('phase')})" if p["phase"] else ""},
    "input_clients": _deployment_name,
    "quote": _price_year,
    "own_line": _price_year,
    "catalogue_version": _period,
    "portfolio_clients_overlap": _span,
    "portfolio_clients_unlabelled": _span,
    "portfolio_staff_overlap": _span,
}


def say(message: Message, lang: str) -> str:
    """The text of a message in ``lang``."""
    book = catalogue(lang)
    params = {**message.params, "source": message.source}
    derive = DERIVED.get(message.code)
    if derive is not None:
        params.update(derive(params, lambda name, **more: fill(book.PIECES[name], {**params, **more}, lang,
                                                              book.WORDS)))
    return fill(book.TEXTS[message.code], params, lang, book.WORDS)


def title(code: str, lang: str) -> str:
    """The heading of a contract tip."""
    return catalogue(lang).TITLES[code]


def _plain(value):
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, Fraction):
        return num_str(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def as_json(message: Message, lang: str) -> dict:
    """A message for JSON output: its code, its text in ``lang``, its source and its parameters
    (numbers as text, so that no float creeps in)."""
    return {"code": message.code, "text": say(message, lang), "source": message.source,
            "params": {k: _plain(v) for k, v in message.params.items()}}


__all__ = ["say", "title", "as_json", "catalogue", "LANGUAGES"]
