"""Translating finished English sentences by pattern: the Dutch of a problem's message and of
click's own messages, at the edge where the command line prints them.

A table is a list of pairs ``(english, dutch)``. The English side is the message as the code
writes it, each value it fills in written as ``{name}``; the Dutch side uses the same names, in
the order Dutch needs. On the English side ``{name:word}`` is a value without spaces (an id, a
number), and ``{name:table}`` a value that is itself a sentence of the sub-table ``table``,
translated before it is put in. A name given twice stands for the same text both times. Only
``{name}`` and ``{name:kind}`` are fields; other braces are text (``{lifetime, residual}``). The
first pair whose English matches the whole message gives the Dutch; the values are copied as they
stand (ids, field names, numbers and quoted text stay as written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FIELD = re.compile(r"\{(\w+)(?::(\w+))?\}")
_CLASSES = {None: ".*?", "word": r"\S+?"}


@dataclass(frozen=True)
class Rule:
    english: str
    dutch: str
    pattern: re.Pattern
    tables: dict  # field name -> name of the sub-table its value is a sentence of


def _regex(english: str) -> tuple[re.Pattern, dict]:
    parts, tables, pos = [], {}, 0
    seen = set()
    for m in _FIELD.finditer(english):
        name, kind = m.groups()
        parts.append(re.escape(english[pos:m.start()]))
        if name in seen:
            parts.append(f"(?P={name})")
        else:
            parts.append(f"(?P<{name}>{_CLASSES.get(kind, '.*?')})")
            seen.add(name)
        if kind not in _CLASSES:
            tables[name] = kind
        pos = m.end()
    parts.append(re.escape(english[pos:]))
    return re.compile("".join(parts) + r"\Z", re.DOTALL), tables


def compile_table(pairs: list[tuple[str, str]]) -> list[Rule]:
    out = []
    for english, dutch in pairs:
        pattern, tables = _regex(english)
        out.append(Rule(english, dutch, pattern, tables))
    return out


def fill(template: str, values: dict[str, str]) -> str:
    return _FIELD.sub(lambda m: values[m.group(1)] if m.group(1) in values else m.group(0), template)


def translate(message: str, rules: list[Rule], tables: dict[str, list[Rule]] | None = None) -> str | None:
    """The Dutch of ``message`` by the first rule that matches it whole; None when none does (or a
    value that must be a sentence of a sub-table is none of them)."""
    for rule in rules:
        m = rule.pattern.match(message)
        if m is None:
            continue
        values = m.groupdict()
        for name, table in rule.tables.items():
            inner = translate(values[name], (tables or {})[table], tables)
            if inner is None:
                break
            values[name] = inner
        else:
            return fill(rule.dutch, values)
    return None
