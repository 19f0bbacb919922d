"""Mutations of a YAML file, driven by plain integers so that a plan can be drawn, shrunk and replayed.

A mutation is an ``Op``: a name and three integers. The integers pick, modulo what there is, the
node, key, value, position or character the mutation works on, so every plan applies to every
file. Structural mutations find their place through the YAML node tree (``yaml.compose`` keeps
where each node stands in the text) and splice text there, so that comments, layout and the rest
of the file stay as they were; when an earlier mutation left the file unreadable as YAML they fall
back to a mutation of the raw text. Byte mutations (bytes that are not UTF-8, a byte order mark,
carriage returns) work on the encoded file and come last.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import yaml

try:
    _Loader = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


@dataclass(frozen=True)
class Op:
    name: str
    a: int = 0
    b: int = 0
    c: int = 0

    def __str__(self) -> str:
        return f"Op({self.name!r}, {self.a}, {self.b}, {self.c})"


# Values written in place of a scalar, as YAML text. Numbers at and beyond every bound, numbers
# written as text, percentages, months and dates, digits that are not ASCII, empty values, other
# types, tags, aliases and text with line breaks and control characters.
VALUES = (
    "0", "-1", "-0.01", "1", "2", "0.5", "1e400", "-1e400", "1e-400", "0.000000001", "1e9", "9999999999",
    "99999999999999999999999999999999", "1" * 80, "123456789.123456789", "+5", "5.", ".5", "1_000", "0x1F",
    "0o17", "0b101", "1:30", ".inf", "-.inf", ".nan", "1e3", "-0",
    "", "~", "null", '""', "' '", "abc", '"12"', "'3%'", "150%", "-150%", "100%", "0%", "-100%", "100.0001%",
    "3 %", "%", "3%%", "1,5", "1.234,56", "\u0663", "\uff11\uff12", "\u00b2", "\u0665%", "2\u20070",
    "2027-13", "2027-00", "2027-1", "2027-01-01", "1999-01", "2101-01", "27-01", "2027/01", "20270",
    "9999", "1990", "2100", "2101", "true", "no", "on", "[]", "{}", "[1, 2]", "[[1]]", "{a: 1}", "{count: 1}",
    '"x\\ny"', '"medido\\nmedido"', '"\\x07"', '"\\e[2J"', '"\\u2028"', '"\\x85"', '"\\t"', '"\\0"',
    '"\\r"', '"\\u202e"', '"\\ud800"', "!!binary aGVsbG8=", "!!float 1", "!!str 5", "!!int 3.5", "!!null x",
    "!!python/object:os.system x", "!foo bar", "*nothing", "&a 1", "? x", "- x", "|\n  a\n  b\n", ">-\n  a\n",
    '"' + "x" * 3000 + '"', "medido", "tessa", "cmed-plus", "paro", "huur", "aanschaf", "care_staff",
    "H139", "VPT", "1062", "subsidy", "base", "high", "time", "avoided_cost", "day", "unit", "monthly",
)

# Plausible numbers, to keep a case computable and reach the engine: halves of a cent, many
# decimals, zero, large but within bounds.
NUMBERS = ("0", "1", "3", "0.005", "0.015", "0.125", "0.333333", "1.005", "2.675", "12.345", "99.995", "1000",
           "65535", "999999", "1000000", "99999999", "0%", "0.5%", "33.3333%", "99.9%", "100%", "-0.5%", "-99%",
           "15", "16", "2027-12", "2000-01", "2100-12")
# Ids of the bundled catalogue: products, items, options, roles, funding codes, scenarios.
IDS = ("medido", "cmed-plus", "tessa", "paro", "vivago", "sensara", "compaan", "safehip", "memory-lane",
       "robot-maatje", "billy-billy", "wolk-huur", "huur", "aanschaf", "installatie", "ophalen", "implementatie",
       "zorgcentrale", "koppeling", "introductie", "wifi-tablet", "care_staff", "key_user", "project_lead",
       "functional_admin", "data_analyst", "H139", "H306", "VPT", "1062", "subsidy", "none", "low", "base",
       "high", "unit", "organisation", "team", "role", "monthly", "yearly", "daily", "one_off", "per_new_unit",
       "at_removal", "recurring", "training", "internal", "excl", "incl", "exempt", "time", "avoided_cost")

# Keys written in place of another (a rename) or added.
KEYS = (
    "case", "start", "years", "product", "clients", "options", "prices", "quantities", "vat_rates",
    "index_cap", "contract", "term", "exit_year", "min_clients", "code", "tariff", "amount", "year",
    "hours_per_month", "day_rate", "technology_share", "kind", "per", "minutes", "hours", "role", "count",
    "rate", "teams", "id", "items", "basis", "timing", "written", "source", "low", "high", "vat", "vat_rate",
    "tiers", "packs", "size", "min_units", "by_year", "default", "indexation", "prices ", "Case", "<<",
    "", "1", "2027", "\u0662\u0660\u0662\u0667", "caSe", "product\u200b", '"\\e"', "[a]", "? [a, b]",
)

# Characters put into the text, raw: controls, line and paragraph separators, a byte order mark,
# a right-to-left override, digits that are not ASCII, YAML's own marks.
CHARS = (
    "\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\ufeff",
    "\u202e", "\u200b", "\t", "\n", "\r", "\u0663", "\uff15", "\u00b2", "\ud800", "\U0001f600",
    "#", ":", "-", "[", "{", "'", '"', "&", "*", "!", "|", ">", "%", "@", "`", " ", "\u00a0",
)

# Replacements for an ASCII digit: Arabic-Indic, fullwidth, superscript, Devanagari, mathematical.
DIGITS = ("\u0660", "\uff10", "\u2070", "\u0966", "\U0001d7ce")

BYTES = (b"\xff", b"\xfe", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf", b"\xef\xbb\xbf", b"\x80",
         b"\xf8\x88\x80\x80\x80", b"\r", b"\r\n", b"\x00")

TEXT_OPS = ("insert_char", "digit", "line_delete", "line_duplicate", "line_swap", "indent", "truncate",
            "line_insert")
TREE_OPS = ("scalar", "number", "number", "ident", "linebreak", "related", "collection", "delete_key", "duplicate_key", "rename_key", "add_key",
            "swap", "nest", "entry_delete", "entry_duplicate", "alias")
BYTE_OPS = ("bytes", "crlf", "bom")
OPS = TREE_OPS + TEXT_OPS + BYTE_OPS


# ---- the node tree -------------------------------------------------------------------------------

@dataclass
class _Pair:
    mapping: yaml.MappingNode
    key: yaml.Node
    value: yaml.Node


class _Nodes:
    """The nodes of a composed document, in document order."""

    def __init__(self, root: yaml.Node):
        self.values: list[yaml.Node] = []    # every node but the root and keys
        self.scalars: list[yaml.ScalarNode] = []
        self.pairs: list[_Pair] = []
        self.entries: list[tuple[yaml.SequenceNode, int]] = []
        self.mappings: list[yaml.MappingNode] = []
        seen: set[int] = set()
        stack: list[tuple[yaml.Node, bool]] = [(root, True)]  # without recursion: nesting may be deep
        while stack:
            node, is_root = stack.pop()
            if id(node) in seen:  # an alias: the node is listed once
                continue
            seen.add(id(node))
            if not is_root:
                self.values.append(node)
            if isinstance(node, yaml.ScalarNode):
                if not is_root:
                    self.scalars.append(node)
                continue
            children: list[yaml.Node] = []
            if isinstance(node, yaml.MappingNode):
                self.mappings.append(node)
                for k, v in node.value:
                    self.pairs.append(_Pair(node, k, v))
                    children.append(v)
            else:
                for i, v in enumerate(node.value):
                    self.entries.append((node, i))
                    children.append(v)
            stack.extend((c, False) for c in reversed(children))


def _compose(text: str) -> _Nodes | None:
    try:
        root = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    if root is None:
        return None
    return _Nodes(root)


def _span(node: yaml.Node, text: str) -> tuple[int, int]:
    """Where the node stands in the text; a block collection's end mark stands at the next token,
    so trailing line breaks and spaces are left out."""
    start, end = node.start_mark.index, node.end_mark.index
    return start, start + len(text[start:end].rstrip())


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _pick(seq, n: int):
    return seq[n % len(seq)] if seq else None


def _inline(node: yaml.Node, text: str) -> str:
    """The node's text, written so that it fits on one line (a block collection as flow)."""
    raw = text[slice(*_span(node, text))]
    if "\n" not in raw.strip():
        return raw.strip()
    try:  # read at the column it stands at, so that a block collection keeps its indentation
        value = yaml.load(" " * node.start_mark.column + raw, Loader=_Loader)
        return yaml.safe_dump(value, default_flow_style=True, width=10**9).strip().removesuffix("...").strip()
    except yaml.YAMLError:
        return raw.strip().replace("\n", " ")


def _indent_of(text: str, index: int) -> str:
    start = text.rfind("\n", 0, index) + 1
    line = text[start:index]
    return " " * (len(line) - len(line.lstrip(" -")))


# ---- the value written in place of another ---------------------------------------------------------

def _related(original: str, n: int) -> str:
    """A value made from the one written: negated, scaled, as a percentage, with a line break in it,
    with non-ASCII digits, quoted, repeated, with spaces or a comma."""
    o = original.strip()
    forms = (
        f"-{o}", f"{o}0000000000", f"{o}%", f"{o}e30", f"{o}e-30", json.dumps(o + "\n" + o), json.dumps(o + "\n"),
        json.dumps("\n" + o), json.dumps(o), f"'{o}'", o * 3, f" {o} ", o.replace(".", ","), o + ".000001",
        "".join(DIGITS[n % len(DIGITS)] if c == "0" else c for c in o), o.upper(), o[:-1], o + "_", f"[{o}]",
        f"{{{o}: {o}}}", f"[{o}, {o}]", json.dumps(o + "\t"), json.dumps(o + "\x1b[31m"), f"{o} # note",
    )
    return forms[n % len(forms)]


def _collection(n: int, m: int) -> str:
    forms = (
        "[]", "{}", "[1, 2, 3]", "[[]]", "{a: 1}", "[{a: 1}]", "{count: {count: 1}}", "[null]", "[~, ~]",
        "[" + ", ".join(["1"] * (m % 40 + 1)) + "]", "[" + ", ".join(["1e400"] * 3) + "]",
        "{" + ", ".join(f"k{i}: {i}" for i in range(m % 30 + 1)) + "}", "[" * 30 + "]" * 30,
        "{a: " * 30 + "1" + "}" * 30, '["a\\nb"]', "[medido, tessa]", "{huur: 1e400}", "{2027: 5%}",
    )
    return forms[n % len(forms)]


def _nested(inner: str, depth: int, kind: int) -> str:
    if kind % 2:
        return "[" * depth + inner + "]" * depth
    return "{a: " * depth + inner + "}" * depth


# ---- applying a plan -----------------------------------------------------------------------------

def _tree_op(text: str, op: Op, nodes: _Nodes) -> str | None:
    """The text after one structural mutation, or None when the file has nothing it applies to."""
    name, a, b, c = op.name, op.a, op.b, op.c
    if name == "scalar":
        node = _pick(nodes.scalars, a)
        return None if node is None else _splice(text, *_span(node, text), _pick(VALUES, b))
    if name == "number":
        numeric = [n for n in nodes.scalars if n.value[:1].isdigit() or n.value[:1] in "-.+"]
        node = _pick(numeric, a) or _pick(nodes.scalars, a)
        if node is None:
            return None
        new = _pick(NUMBERS, b)
        if c % 3 == 0 and node.value.replace(".", "", 1).isdigit():
            new = str(float(node.value) * (0, 0.5, 2, 10, 1000, 0.01)[c % 6] if c % 2 else int(float(node.value)) + 1)
        return _splice(text, *_span(node, text), new)
    if name == "ident":
        known = [n for n in nodes.scalars if n.value in IDS] or nodes.scalars
        node = _pick(known, a)
        return None if node is None else _splice(text, *_span(node, text), _pick(IDS, b))
    if name == "linebreak":  # a line break or separator inside a word: an id, a choice, a key
        words = [n for n in nodes.scalars if n.value and n.value.replace("-", "").replace("_", "").isalnum()]
        if c % 3 == 0:
            pair = _pick(nodes.pairs, a)
            if pair is None or not isinstance(pair.key, yaml.ScalarNode):
                return None
            node = pair.key
        else:
            node = _pick(words, a) or _pick(nodes.scalars, a)
        if node is None:
            return None
        v = node.value
        cut = b % (len(v) + 1)
        return _splice(text, *_span(node, text), json.dumps(v[:cut] + ("\n", "\u2028", "\r\n", "\x85")[c % 4] + v[cut:]))
    if name == "related":
        node = _pick(nodes.scalars, a)
        if node is None:
            return None
        return _splice(text, *_span(node, text), _related(text[slice(*_span(node, text))], b))
    if name == "collection":
        node = _pick(nodes.values, a)
        return None if node is None else _splice(text, *_span(node, text), _collection(b, c))
    if name == "nest":
        node = _pick(nodes.values, a)
        if node is None:
            return None
        depths = (1, 2, 5, 20, 100, 500, 1000, 3000)
        return _splice(text, *_span(node, text), _nested(_inline(node, text), depths[b % len(depths)], c))
    if name == "swap":
        if len(nodes.scalars) < 2:
            return None
        x, y = _pick(nodes.scalars, a), _pick(nodes.scalars, b)
        if x is y:
            y = nodes.scalars[(nodes.scalars.index(x) + 1) % len(nodes.scalars)]
        (xs, xe), (ys, ye) = sorted([_span(x, text), _span(y, text)])
        tx, ty = text[xs:xe], text[ys:ye]
        return text[:xs] + ty + text[xe:ys] + tx + text[ye:]
    if name in ("delete_key", "duplicate_key", "rename_key"):
        pair = _pick(nodes.pairs, a)
        if pair is None:
            return None
        ks, _ = _span(pair.key, text)
        _, ve = _span(pair.value, text)
        if name == "rename_key":
            return _splice(text, *_span(pair.key, text), _pick(KEYS, b) or '""')
        if name == "delete_key":
            if pair.mapping.flow_style:
                rest = text[ve:]
                skip = len(rest) - len(rest.lstrip(" ,"))
                return _splice(text, ks, ve + skip, "")
            return _splice(text, ks, ve, "")
        # duplicate: the same key again, with its value or another one
        key = text[slice(*_span(pair.key, text))]
        value = _inline(pair.value, text) if b % 2 == 0 else _pick(VALUES, c)
        value = value.replace("\n", " ")
        if pair.mapping.flow_style:
            return _splice(text, ve, ve, f", {key}: {value}")
        return _splice(text, ve, ve, f"\n{_indent_of(text, ks)}{key}: {value}")
    if name == "add_key":
        mapping = _pick(nodes.mappings, a)
        if mapping is None or not mapping.value:
            return None
        k0, _ = mapping.value[0]
        ks, _ = _span(k0, text)
        key, value = _pick(KEYS, b) or '""', _pick(VALUES, c).replace("\n", " ")
        if mapping.flow_style:
            return _splice(text, ks, ks, f"{key}: {value}, ")
        return _splice(text, ks, ks, f"{key}: {value}\n{_indent_of(text, ks)}")
    if name in ("entry_delete", "entry_duplicate"):
        found = _pick(nodes.entries, a)
        if found is None:
            return None
        seq, i = found
        node = seq.value[i]
        s, e = _span(node, text)
        if seq.flow_style:
            if name == "entry_delete":
                rest = text[e:]
                skip = len(rest) - len(rest.lstrip(" ,"))
                return _splice(text, s, e + skip, "")
            return _splice(text, s, s, _inline(node, text) + ", ")
        # a block entry: from its dash to the end of its value
        dash = text.rfind("-", 0, s)
        if dash < 0:
            return None
        if name == "entry_delete":
            return _splice(text, dash, e, "")
        column = dash - (text.rfind("\n", 0, dash) + 1)
        block = text[dash:e]
        return _splice(text, e, e, "\n" + " " * column + block)
    if name == "alias":
        if len(nodes.values) < 2:
            return None
        x, y = _pick(nodes.values, a), _pick(nodes.values, b)
        if x is y:
            return None
        (xs, xe), (ys, ye) = _span(x, text), _span(y, text)
        if xs <= ys < xe or ys <= xs < ye:  # one inside the other: a cycle, or nothing
            if c % 2:
                return _splice(text, xs, xs, "&fz ") if xs < ys else None
            return None
        if xs < ys:
            return text[:xs] + "&fz " + text[xs:ys] + "*fz" + text[ye:]
        return text[:ys] + "*fz" + text[ye:xs] + "&fz " + text[xs:]
    raise ValueError(name)


def _text_op(text: str, op: Op) -> str:
    name, a, b, c = op.name, op.a, op.b, op.c
    lines = text.split("\n")
    if name in TREE_OPS or name == "insert_char":
        pos = a % (len(text) + 1)
        return text[:pos] + _pick(CHARS, b) + text[pos:]
    if name == "digit":
        where = [i for i, ch in enumerate(text) if ch.isascii() and ch.isdigit()]
        if not where:
            return text
        i = where[a % len(where)]
        return text[:i] + chr(ord(_pick(DIGITS, b)) + int(text[i])) + text[i + 1:]
    if name == "line_delete":
        del lines[a % len(lines)]
    elif name == "line_duplicate":
        i = a % len(lines)
        lines.insert(i, lines[i])
    elif name == "line_swap":
        i, j = a % len(lines), b % len(lines)
        lines[i], lines[j] = lines[j], lines[i]
    elif name == "indent":
        i = a % len(lines)
        shift = (b % 7) - 3
        lines[i] = " " * shift + lines[i] if shift > 0 else lines[i][-shift:]
    elif name == "truncate":
        return text[: a % (len(text) + 1)]
    elif name == "line_insert":
        i = a % (len(lines) + 1)
        lines.insert(i, f"{_pick(KEYS, b) or 'x'}: {_pick(VALUES, c)}".replace("\n", " "))
    else:
        raise ValueError(name)
    return "\n".join(lines)


def _byte_op(data: bytes, op: Op) -> bytes:
    if op.name == "bytes":
        pos = op.a % (len(data) + 1)
        return data[:pos] + _pick(BYTES, op.b) + data[pos:]
    if op.name == "crlf":
        return data.replace(b"\n", b"\r\n") if op.a % 2 else data.replace(b"\n", b"\r")
    if op.name == "bom":
        return b"\xef\xbb\xbf" + data
    raise ValueError(op.name)


def apply(text: str, ops: tuple[Op, ...]) -> bytes:
    """The file's bytes after every mutation of ``ops``, in order (byte mutations last)."""
    for op in ops:
        if op.name in BYTE_OPS:
            continue
        if op.name in TREE_OPS:
            nodes = _compose(text)
            new = _tree_op(text, op, nodes) if nodes is not None else None
            text = new if new is not None else _text_op(text, op)
        else:
            text = _text_op(text, op)
    data = text.encode("utf-8", errors="surrogatepass")
    for op in ops:
        if op.name in BYTE_OPS:
            data = _byte_op(data, op)
    return data
