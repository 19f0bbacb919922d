"""Formatting shared by the chapters and the templates: numbers, money, percentages, month names,
and text from the case or catalogue on one line or in a table cell, escaped."""

from __future__ import annotations

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
