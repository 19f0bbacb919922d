"""How message templates turn parameters into text: ``{value:money}``, ``{hours:n1}``, ``{end:end}``.

A format spec is one of the number styles below, or the name of a word list of the language
(``WORDS``), which maps a code in the parameters (``mid``, ``care_staff``) to its words.
"""

from __future__ import annotations

import string
from decimal import Decimal
from fractions import Fraction

from bcalc.money import dec, en_number, fmt_money, fmt_percent, nl_number, num_str


class Filler(string.Formatter):
    def __init__(self, lang: str, words: dict[str, dict]) -> None:
        self.lang = lang
        self.words = words

    def format_field(self, value, spec: str) -> str:
        if spec == "money":
            return fmt_money(value, self.lang)
        if spec == "pct":
            return fmt_percent(value, self.lang)
        if spec == "plain":
            return num_str(value)
        if spec == "list":
            return ", ".join(str(v) for v in value)
        if spec.startswith("list_") and spec[5:] in self.words:   # a list of codes, each in words
            return ", ".join(self.words[spec[5:]].get(v, str(v)) for v in value)
        if spec == "len":
            return str(len(value))
        if spec[:1] == "n" and spec[1:].isdigit():
            number = dec(value) if isinstance(value, (Decimal, Fraction, int)) else value
            places = int(spec[1:])
            return nl_number(number, places) if self.lang == "nl" else en_number(number, places)
        if spec in self.words:
            return self.words[spec].get(value, str(value))
        return super().format_field(value, spec)


def fill(template: str, params: dict, lang: str, words: dict[str, dict]) -> str:
    return Filler(lang, words).vformat(template, (), params)
