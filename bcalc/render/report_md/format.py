"""Formatting shared by the chapters and the templates: numbers, money, percentages, month names,
and text from the case or catalogue on one line or in a table cell, escaped."""

from __future__ import annotations

import re
from decimal import Decimal

from bcalc.money import en_number, fmt_money, fmt_percent, nl_number
from bcalc.render.mdtext import escape

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}


def num(value, lang: str, places: int = 0) -> str:
    if value is None:
        return "-"
    value = Decimal(value)
    return nl_number(value, places) if lang == "nl" else en_number(value, places)


def money(value, lang: str) -> str:
    return "-" if value is None else fmt_money(Decimal(value), lang)


def pct(value, lang: str, places: int | None = None) -> str:
    """A fraction as a percentage: exact (``4,948 %``) or rounded to ``places`` (``44,6 %``)."""
    if value is None:
        return "-"
    value = Decimal(value)
    if places is None:
        return fmt_percent(value, lang)
    text = num(value * 100, lang, places)
    return f"{text} %" if lang == "nl" else f"{text}%"


def places(value: Decimal) -> int:
    """Decimals to show for a quantity: none for whole numbers, else up to 2."""
    value = Decimal(value)
    return 0 if value == value.to_integral_value() else 2


def share(part: Decimal, whole: Decimal) -> Decimal | None:
    return None if not whole else part / whole


def month_name(year: int, month: int, lang: str) -> str:
    return f"{MONTHS[lang][month - 1]} {year}"


def one_line(text) -> str:
    """Text on one line: every run of white space, line breaks included, as one space."""
    return " ".join(str(text if text is not None else "").split())


def inline(text) -> str:
    """Text from a case file or catalogue, on one line (headings, list items) with its Markdown and
    HTML escaped (``bcalc.render.mdtext``)."""
    return escape(one_line(text))


def cell(text) -> str:
    """Like ``inline``, for a table cell: ``|`` escaped as well."""
    return inline(text).replace("|", "\\|")


# Command-line and case-file text that the CLI's messages carry and the board document leaves to the
# appendix: options in brackets ("(--prices low|high voor de uiteinden)"), field names in brackets
# ("(prices)", "(count_time)") and the hint which field to fill in ("geef staff.project_lead.rate").
_HINTS = {
    "nl": [(re.compile(r"; geef staff\.[a-z_]+\.rate( \(integrale kosten per uur\))?"),
            "; de case geeft voor deze rol geen uurtarief"),
           (re.compile(r"Pas aan met quantities als"), "Pas de aantallen in de case aan als")],
    "en": [(re.compile(r"; give staff\.[a-z_]+\.rate( \(loaded cost per hour\))?"),
            "; the case gives no hourly rate for this role"),
           (re.compile(r"[Aa]djust with quantities if"), "Adjust the quantities in the case if")],
}
_OPTION = re.compile(r";\s*--[a-z-]+ [a-z|]+\)")
_OPTION_BRACKETS = re.compile(r"\s*\((?:[^()]*?\s)?--[a-z][^()]*\)")
_FIELD_BRACKETS = re.compile(r"\s*\((?:prices|quantities|[a-z]+_[a-z_]+)\)")


def plain(text: str, lang: str = "nl", roles: dict | None = None) -> str:
    """A sentence as the body of the board document shows it: without command-line options or
    case-file field names; ``roles`` maps role codes (project_lead) to their names."""
    text = _OPTION.sub(")", text)
    text = _OPTION_BRACKETS.sub("", text)
    for pattern, new in _HINTS.get(lang, []):
        text = pattern.sub(new, text)
    text = _FIELD_BRACKETS.sub("", text)
    for code, name in (roles or {}).items():
        text = re.sub(rf"\b{re.escape(code)}\b", name.lower(), text)
    return text
