"""YAML in, with line numbers and without float.

Numbers are kept as their text (``Num``) so that ``Decimal`` sees exactly what the user wrote.
Every mapping key and list entry records the line it stands on, keyed by its path
(``("deployments", 0, "clients")``), so that problems can be reported as ``FILE:LINE``.

A file that cannot be read as YAML at all is refused at once. Mistakes in its structure (a
duplicate key, a merge key, a control character in text) are kept with the tree, so that the
loader reports them together with every other mistake of the file.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml

from bcalc.errors import InputError, Problem

try:  # libyaml's parser is an order of magnitude faster on the catalogues
    _Loader = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - pure-Python PyYAML
    _Loader = yaml.SafeLoader


class Num(str):
    """A YAML number, kept as the text it was written as."""


class Tree:
    """A parsed YAML document and where each of its parts stands."""

    def __init__(self, file: str, data: object, lines: dict[tuple, int], problems: list[Problem] | None = None):
        self.file = file
        self.data = data
        self.lines = lines
        self.problems = list(problems or [])  # mistakes in the structure, reported with the others

    def line(self, path: tuple) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


MAX_NODES = 100_000  # far above any real case or catalogue; stops alias "bombs" early
MAX_DEPTH = 64  # levels of nesting; the catalogue needs 7, and deeper would exhaust the call stack
# Control characters (C0, DEL, C1) other than tab and line feed: an escape such as "\x07" or "\e[2J"
# in quoted text. They break the workbook and reach the terminal raw, and no figure needs them.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What YAML refuses to see raw in a file: everything outside its printable set (compiled when a
# file needs it: the pattern costs more to compile than reading a case).
_NOT_PRINTABLE = r"[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


def _control(text: str) -> str:
    """``control character U+0007``, or ``control characters U+001B, U+0007``: those in the text."""
    found = list(dict.fromkeys(f"U+{ord(c):04X}" for c in CONTROL.findall(text)))
    return ("control characters " if len(found) > 1 else "control character ") + ", ".join(found)


class _Budget:
    def __init__(self) -> None:
        self.nodes = 0
        self.open: set[int] = set()  # collections being converted: an alias back into one is a cycle


class _TooBig(Exception):
    pass


def _convert(node, path: tuple, lines: dict, problems: list[Problem], file: str, budget: _Budget):
    budget.nodes += 1
    if budget.nodes > MAX_NODES:
        raise _TooBig()
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        if len(path) >= MAX_DEPTH:
            problems.append(Problem(file, node.start_mark.line + 1, _dotted(path[:3]) + "...",
                                    f"nested more than {MAX_DEPTH} levels deep"))
            return None
        if id(node) in budget.open:
            problems.append(Problem(file, node.start_mark.line + 1, _dotted(path), "an alias refers to itself"))
            return None
        budget.open.add(id(node))
        try:
            return _collection(node, path, lines, problems, file, budget)
        finally:
            budget.open.discard(id(node))
    tag = node.tag
    value = node.value
    if tag in (_INT, _FLOAT):
        return Num(value)
    if tag == _BOOL:
        return value.lower() in ("true", "yes", "on", "y")
    if tag == _NULL:
        return None
    if CONTROL.search(value):
        # Reported here; the text without them goes on, so that it causes no second problem.
        problems.append(Problem(file, node.start_mark.line + 1, _dotted(path),
                                f"{_control(value)} in the text; only tab and line breaks are allowed"))
        value = CONTROL.sub("", value)
    return value  # strings, and timestamps kept as written


def _collection(node, path: tuple, lines: dict, problems: list[Problem], file: str, budget: _Budget):
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(file, key_node.start_mark.line + 1, _dotted(path), "keys must be plain names"))
                continue
            key = key_node.value
            if CONTROL.search(key):
                problems.append(Problem(file, key_node.start_mark.line + 1, _dotted(path),
                                        f"a key holds the {_control(key)}"))
                key = CONTROL.sub("", key)
            if key == "<<":
                problems.append(Problem(file, key_node.start_mark.line + 1, _dotted(path), "merge keys (<<) are not supported"))
                continue
            sub = path + (key,)
            if key in out:
                problems.append(Problem(file, key_node.start_mark.line + 1, _dotted(sub), "duplicate key"))
                continue
            lines[sub] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, sub, lines, problems, file, budget)
        return out
    return [_convert(v, path + (i,), lines, problems, file, budget) for i, v in enumerate(node.value)]


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


dotted = _dotted


# YAML also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR; an editor, grep and wc do not.
_YAML_BREAK = re.compile("[\n\x85\u2028\u2029]")


def _line_map(text: str):
    """YAML's line number -> the number of that line as an editor counts it (line feeds only)."""
    if not re.search("[\x85\u2028\u2029]", text):
        return lambda line: line
    real = [1]  # the editor's line of YAML's line 1, 2, ...
    for match in _YAML_BREAK.finditer(text):
        real.append(real[-1] + (match.group() == "\n"))
    return lambda line: line if line is None else real[min(line, len(real)) - 1]


def _lines_in(text: str) -> int:
    """The number of lines as an editor counts them (at least 1)."""
    return max(1, text.count("\n") + (not text.endswith("\n")))


def parse_text(text: str, file: str) -> Tree:
    problems: list[Problem] = []
    real = _line_map(text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        # Where a construct was opened (a bracket, a quote) is where the mistake usually is;
        # where the parser gave up is said as well.
        opened = exc.context and ("flow" in exc.context or "quoted" in exc.context)
        # at the end of the text the parser's marks stand on the line after the last one
        last = _lines_in(text)
        start = min(real(exc.context_mark.line + 1), last) if exc.context_mark and opened else None
        stop = min(real(exc.problem_mark.line + 1), last) if exc.problem_mark else None
        line = start or stop
        message = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        if start and stop and stop != start:  # the bracket or quote opened earlier
            message += f" (noticed at line {stop})"
        raise _input_error([Problem(file, line, "", f"not valid YAML: {message}")]) from None
    except yaml.reader.ReaderError:
        raise _input_error(_unprintable(text, file)) from None
    except yaml.YAMLError as exc:
        raise _input_error([Problem(file, None, "", f"not valid YAML: {exc}")]) from None
    if node is None:
        raise _input_error([Problem(file, 1, "", "the file is empty")])
    lines: dict[tuple, int] = {}
    try:
        data = _convert(node, (), lines, problems, file, _Budget())
    except _TooBig:
        raise _input_error([Problem(file, None, "", f"more than {MAX_NODES:,} values (aliases expanding too far?)")]) from None
    lines = {path: real(line) for path, line in lines.items()}
    problems = [replace(p, line=real(p.line)) for p in problems]
    return Tree(file, data, lines, problems)


def _unprintable(text: str, file: str) -> list[Problem]:
    """Each character YAML refuses to read raw, at its line and column."""
    out: list[Problem] = []
    not_printable = re.compile(_NOT_PRINTABLE)
    for match in not_printable.finditer(text):
        if len(out) == 20:
            rest = len(not_printable.findall(text, match.start()))
            out.append(Problem(file, text.count("\n", 0, match.start()) + 1, "",
                               f"not valid YAML: {rest} more such characters"))
            break
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        what = "control character" if CONTROL.match(match.group()) else "character"
        out.append(Problem(file, line, "", f"not valid YAML: {what} U+{ord(match.group()):04X} at column {column}"))
    return out or [Problem(file, None, "", "not valid YAML: a character that YAML does not allow")]


def _undecodable(data: bytes, exc: UnicodeDecodeError, file: str) -> Problem:
    """Where the first byte that is not UTF-8 stands: its line, and its column in characters."""
    start = data.rfind(b"\n", 0, exc.start) + 1
    line = data.count(b"\n", 0, exc.start) + 1
    column = len(data[start:exc.start].decode("utf-8", errors="replace")) + 1
    return Problem(file, line, "", f"not UTF-8 text (byte 0x{data[exc.start]:02X} at column {column}: {exc.reason}); "
                                   f"save the file as UTF-8")


def read_tree(path: Path, shown: str | None = None) -> Tree:
    shown = shown or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _input_error([Problem(shown, None, "", "file not found")]) from None
    except IsADirectoryError:
        raise _input_error([Problem(shown, None, "", "is a directory, not a file")]) from None
    except OSError as exc:
        raise _input_error([Problem(shown, None, "", f"cannot read: {exc.strerror}")]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _input_error([_undecodable(data, exc, shown)]) from None
    # Line breaks as reading in text mode gives them.
    return parse_text(text.replace("\r\n", "\n").replace("\r", "\n"), shown)


def _input_error(problems):
    return InputError(problems)
