"""A small declarative reader: checks one YAML mapping at a time and collects every problem.

Each check names the path of the field so that the problem can point at ``FILE:LINE``.
Values come back converted (Decimal, int, tuples); a field with a problem comes back as None
and the problem is recorded, so one pass finds every mistake in a file. The bounds of a value
(``minimum``, ``maximum``) are those its field declares in bcalc/fields.py.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bcalc.errors import InputError, Problem
from bcalc.fields import Field, Section, bounds, outside
from bcalc.money import dec, parse_percent
from bcalc.yamltree import Num, Tree, dotted

_MISSING = object()
# Far beyond any real amount, count or rate; stops typos like 1e24 before they reach the arithmetic
# where a field declares no maximum of its own.
LIMIT = Decimal("1e10")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
YEAR_RE = re.compile(r"^[0-9]{4}$")
MONTH_RE = re.compile(r"^([0-9]{4})-([0-9]{1,2})$")
DATE_RE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, Num):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


class Reader:
    def __init__(self, tree: Tree):
        self.tree = tree
        self.problems: list[Problem] = list(tree.problems)
        self.reported: set[tuple] = set()

    # -- reporting -----------------------------------------------------------------------
    def error(self, path: tuple, message: str) -> None:
        self.reported.add(path)
        self.problems.append(Problem(self.tree.file, self.tree.line(path), dotted(path), message))

    def has_problem(self, path: tuple) -> bool:
        """A problem was reported for this field: a rule that depends on it says nothing more."""
        return path in self.reported

    def raise_if_any(self) -> None:
        if self.problems:
            raise InputError(sorted(self.problems, key=lambda p: (p.line or 0, p.field)))

    # -- structure -----------------------------------------------------------------------
    def mapping(self, value: object, path: tuple, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict | None:
        if not isinstance(value, dict):
            self.error(path, f"expected a mapping of fields, got {_kind(value)}")
            return None
        for key in value:
            if key not in allowed:
                hint = closest(key, allowed)
                extra = f"; did you mean '{hint}'?" if hint else f"; allowed: {', '.join(allowed)}"
                self.error(path + (key,), f"unknown field{extra}")
        for key in required:
            if key not in value or value[key] is None:
                self.error(path + (key,), "required field is missing" if key not in value else "must not be empty")
        return value

    def section(self, value: object, path: tuple, sec: Section) -> dict | None:
        """A mapping checked against its declared fields: unknown keys, missing and empty ones."""
        m = self.mapping(value, path, sec.names, sec.required)
        if m is None:
            return None
        for f in sec.fields:
            if not f.when and not f.required and not f.nullable and f.name in m and m[f.name] is None:
                self.error(path + (f.name,), "must not be empty")
        return m

    def kind_fields(self, m: dict, path: tuple, sec: Section, kind: str, **names: str) -> None:
        """The fields that only entries of some kinds have: required ones present, none left empty."""
        for f in sec.fields:
            if not f.when or kind not in f.when:
                continue
            if f.name not in m:
                if f.required:
                    self.error(path, f.missing.format(**names) if f.missing else f"needs {f.name}")
            elif m[f.name] is None and (f.required or not f.nullable):
                self.error(path + (f.name,), "must not be empty")

    def value(self, m: dict, f: Field, path: tuple, default=_MISSING):
        """A scalar field read as its declared kind, with its declared default and bounds."""
        d = f.default if default is _MISSING else default
        if f.kind == "text":
            return self.text(m, f.name, path, default=d, required=f.required)
        if f.kind == "id":
            return self.ident(m, f.name, path, default=d)
        if f.kind == "choice":
            return self.choice(m, f.name, path, f.choices, default=d)
        if f.kind == "boolean":
            return self.boolean(m, f.name, path, default=bool(d))
        if f.kind == "integer":
            return self.integer(m, f.name, path, default=d, lo=f.minimum, hi=f.maximum)  # type: ignore[arg-type]
        if f.kind == "number":
            lo, hi = bounds(f)
            return self.number(m, f.name, path, default=None if d is None else dec(str(d)), negative=f.negative,
                               lo=lo, hi=hi)
        if f.kind == "percent":
            lo, hi = bounds(f)
            return self.percent(m, f.name, path, default=None if d is None else parse_percent(d),
                                hi=hi, negative=f.negative, lo=lo)
        if f.kind == "ids":
            return self.id_list(m, f.name, path)
        if f.kind == "month":
            return self.month(m, f.name, path, default=d)
        raise ValueError(f"{f.name}: {f.kind} is not a scalar kind")

    def entry(self, value: object, f: Field, path: tuple):
        """One value written at ``path`` for field ``f``: an entry of a map (its kind is the map's
        ``of``) or one year of a list of clients, within the field's declared bounds."""
        kind = f.of if f.kind == "map" else f.kind
        lo, hi = bounds(f, kind)
        if kind in ("integer", "clients"):
            return self.int_value(value, path, lo=0 if lo is None else int(lo), hi=None if hi is None else int(hi))
        if kind == "number":
            return self.number_value(value, path, f.negative, lo=lo, hi=hi)
        if kind == "percent":
            return self.percent_value(value, path, hi=hi, negative=f.negative, lo=lo)
        raise ValueError(f"{f.name}: {kind} is not a kind of entry")

    def seq(self, value: object, path: tuple, allow_empty: bool = True) -> list | None:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, f"expected a list, got {_kind(value)}")
            return None
        if not value and not allow_empty:
            self.error(path, "the list is empty")
        return value

    # -- scalars -------------------------------------------------------------------------
    def text(self, m: dict, key: str, path: tuple, default=None, required: bool = False) -> str | None:
        value = m.get(key, _MISSING)
        if value is _MISSING or value is None:
            return default
        if isinstance(value, (dict, list)) or isinstance(value, bool):
            self.error(path + (key,), f"expected text, got {_kind(value)}")
            return None
        text = str(value).strip()
        if required and not text:
            self.error(path + (key,), "must not be empty")
            return None
        return text

    def ident(self, m: dict, key: str, path: tuple, default=None) -> str | None:
        value = self.text(m, key, path, default)
        if value is not None and value is not default and not ID_RE.match(value):
            self.error(path + (key,), f"'{value}' is not an id (lowercase letters, digits, - and _)")
            return None
        return value

    def choice(self, m: dict, key: str, path: tuple, choices: tuple[str, ...], default=None) -> str | None:
        value = self.text(m, key, path, default)
        if value is not None and value not in choices:
            self.error(path + (key,), f"'{value}' is not one of: {', '.join(choices)}")
            return None
        return value

    def boolean(self, m: dict, key: str, path: tuple, default: bool = False) -> bool:
        value = m.get(key, _MISSING)
        if value is _MISSING or value is None:
            return default
        if not isinstance(value, bool):
            self.error(path + (key,), f"expected true or false, got {_kind(value)}")
            return default
        return value

    def integer(self, m: dict, key: str, path: tuple, default=None, lo: int | None = None, hi: int | None = None):
        value = m.get(key, _MISSING)
        if value is _MISSING or value is None:
            return default
        return self.int_value(value, path + (key,), lo, hi)

    def int_value(self, value: object, path: tuple, lo: int | None = None, hi: int | None = None) -> int | None:
        if isinstance(value, bool) or not isinstance(value, str):
            self.error(path, f"expected a whole number, got {_kind(value)}")
            return None
        try:
            number = dec(value)
        except ValueError:
            self.error(path, f"expected a whole number, got {_kind(value)}")
            return None
        if number != number.to_integral_value():
            self.error(path, f"expected a whole number, got {value}")
            return None
        if lo is not None and number < lo:
            self.error(path, f"must be at least {lo}, got {value}")
            return None
        if hi is not None and number > hi:
            self.error(path, f"must be at most {hi}, got {value}")
            return None
        if abs(number) >= LIMIT:
            self.error(path, f"{value} is too large")
            return None
        return int(number)

    def number(self, m: dict, key: str, path: tuple, default=None, negative: bool = False,
               lo: Decimal | None = None, hi: Decimal | None = None):
        value = m.get(key, _MISSING)
        if value is _MISSING or value is None:
            return default
        return self.number_value(value, path + (key,), negative, lo=lo, hi=hi)

    def number_value(self, value: object, path: tuple, negative: bool = False,
                     lo: Decimal | None = None, hi: Decimal | None = None) -> Decimal | None:
        if isinstance(value, bool) or not isinstance(value, str):
            self.error(path, f"expected a number, got {_kind(value)}")
            return None
        if not isinstance(value, Num):
            hint = " (write a decimal point, not a comma)" if "," in value else ""
            try:
                result = dec(value)
            except ValueError:
                self.error(path, f"expected a number, got {_kind(value)}{hint}")
                return None
        else:
            try:
                result = dec(value)
            except ValueError:
                self.error(path, f"expected a number, got {value}")
                return None
        if result < 0 and not negative and lo is None:
            self.error(path, f"must not be negative, got {value}")
            return None
        why = outside(result, lo, hi)
        if why:
            self.error(path, f"{why}, got {value}")
            return None
        if abs(result) >= LIMIT:
            self.error(path, f"{value} is too large")
            return None
        return result

    def percent(self, m: dict, key: str, path: tuple, default=None, hi: Decimal | None = None, negative: bool = False,
                lo: Decimal | None = None):
        value = m.get(key, _MISSING)
        if value is _MISSING or value is None:
            return default
        return self.percent_value(value, path + (key,), hi, negative, lo=lo)

    def percent_value(self, value: object, path: tuple, hi: Decimal | None = None, negative: bool = False,
                      lo: Decimal | None = None):
        if isinstance(value, bool) or not isinstance(value, str):
            self.error(path, f"expected a percentage such as 3% or 0.03, got {_kind(value)}")
            return None
        try:
            result = parse_percent(value)
        except ValueError:
            self.error(path, f"expected a percentage such as 3% or 0.03, got {_kind(value)}")
            return None
        if abs(result) >= LIMIT:
            self.error(path, f"{value} is too large")
            return None
        if result < 0 and not negative and (lo is None or lo >= 0):
            self.error(path, f"must not be negative, got {value}")
            return None
        why = outside(result, lo, hi, percent=True)
        if why:
            self.error(path, f"{why}, got {value}")
            return None
        if not str(value).strip().endswith("%") and result > 1:
            self.error(path, f"{value} reads as {result * 100:f}%; write {value}% if that is meant")
            return None
        return result

    def month(self, m: dict, key: str, path: tuple, default=None) -> str | None:
        """A month written YYYY-MM (year 1990-2100), given back as YYYY-MM with two digits for the month."""
        value = m.get(key, _MISSING)
        if value is _MISSING or value is None:
            return default
        text = value.strip() if isinstance(value, str) and not isinstance(value, Num) else None
        match = MONTH_RE.match(text) if text is not None else None
        if match is None:
            date = DATE_RE.match(text) if text is not None else None
            if date is not None:
                self.error(path + (key,), f"'{text}' is a date; bcalc works in whole months: write the month, "
                                          f"{date.group(1)}-{int(date.group(2)):02d}")
            else:
                self.error(path + (key,), f"expected a month written YYYY-MM, such as 2027-07, got {_kind(value)}")
            return None
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            self.error(path + (key,), f"month {month} does not exist (1 to 12)")
            return None
        if not 1990 <= year <= 2100:
            self.error(path + (key,), f"year {year} is outside 1990-2100")
            return None
        return f"{year:04d}-{month:02d}"

    def id_list(self, m: dict, key: str, path: tuple) -> tuple[str, ...] | None:
        value = m.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        items = self.seq(value, path + (key,))
        if items is None:
            return None
        out: list[str] = []
        for i, v in enumerate(items):
            if not isinstance(v, str) or isinstance(v, Num):
                self.error(path + (key, i), f"expected an id, got {_kind(v)}")
                continue
            if v.strip() in out:
                self.error(path + (key, i), f"'{v.strip()}' is listed twice")
                continue
            out.append(v.strip())
        return tuple(out)

    def year_key(self, key: object, path: tuple) -> int | None:
        """A calendar year used as a mapping key (2025: 4.948%)."""
        text = str(key).strip()
        if not YEAR_RE.match(text) or not 1990 <= int(text) <= 2100:
            self.error(path, f"'{text}' is not a calendar year (1990-2100)")
            return None
        return int(text)


def near(word: str, options, n: int = 1, cutoff: float = 0.75) -> list[str]:
    """The options nearest to a mistyped word (at most ``n``, nearest first), compared in small letters."""
    import difflib

    folded = {o.casefold(): o for o in options}
    return [folded[f] for f in difflib.get_close_matches(str(word).strip().casefold(), list(folded), n=n,
                                                         cutoff=cutoff)]


def closest(word: str, options: tuple[str, ...]) -> str | None:
    """The option nearest to a mistyped word, or None when none is near."""
    found = near(word, options)
    return found[0] if found else None


def getter(r: Reader, m: dict, sec: Section, path: tuple):
    """Reads the scalar fields of one mapping by name, as the section declares them."""
    def get(name: str, *default):
        return r.value(m, sec[name], path, *default)
    return get
