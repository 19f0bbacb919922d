"""bcalc's own Markdown, cut into blocks: what the business case's templates write and nothing more.

Headings (``#`` to ``####``), paragraphs (consecutive lines, joined as Markdown joins them), bullet
lists (``- `` with two spaces of indent per level), pipe tables (a header row, an alignment row with
``---:`` for right-aligned columns, body rows), fenced code blocks, and chart markers
``<!-- chart:NAME -->`` on a line of their own; other HTML comments are left out, and so is a chart
drawn in text between ``<!-- text-chart -->`` and ``<!-- /text-chart -->`` (the PDF draws it). Inline text
(``**bold**``, ``*italic*``, `` `code` ``, backslash escapes) is turned into reportlab's paragraph
markup by ``inline``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^( *)[-*+]\s+(.*)$")
_MARKER = re.compile(r"^\s*<!--\s*chart:([A-Za-z0-9_-]+)\s*-->\s*$")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
_TEXT_CHART = re.compile(r"^\s*<!--\s*text-chart\s*-->\s*$")       # a chart drawn in text, up to
_TEXT_CHART_END = re.compile(r"^\s*<!--\s*/text-chart\s*-->\s*$")  # its end: the PDF draws it instead
_ALIGN_CELL = re.compile(r"^\s*:?-+:?\s*$")


@dataclass
class Block:
    kind: str                      # heading, para, list, table, code, marker
    text: str = ""                 # heading, para: the raw inline text; marker: the chart's name
    level: int = 0                 # heading: 1..6
    items: list = field(default_factory=list)    # list: (depth, text); code: lines
    head: list = field(default_factory=list)     # table: header cells
    rows: list = field(default_factory=list)     # table: body rows (lists of cells)
    right: list = field(default_factory=list)    # table: per column, right-aligned


def split_row(line: str) -> list[str]:
    """The cells of a pipe-table row; ``\\|`` is a pipe inside a cell."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells, cur, i = [], [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            cur.append(body[i:i + 2])
            i += 2
            continue
        if ch == "|":
            cells.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
        i += 1
    cells.append("".join(cur).strip())
    return cells


def _is_table_start(lines: list[str], i: int) -> bool:
    if i + 1 >= len(lines) or not lines[i].lstrip().startswith("|"):
        return False
    align = split_row(lines[i + 1])
    return lines[i + 1].lstrip().startswith("|") and all(_ALIGN_CELL.match(c) for c in align)


def blocks(text: str) -> list[Block]:
    lines = text.splitlines()
    out: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.lstrip().startswith("```"):
            fence = line.lstrip()[:3]
            body = []
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith(fence):
                body.append(lines[i])
                i += 1
            out.append(Block("code", items=body))
            i += 1
            continue
        if _TEXT_CHART.match(line):
            while i < len(lines) and not _TEXT_CHART_END.match(lines[i]):
                i += 1
            i += 1
            continue
        m = _MARKER.match(line)
        if m:
            out.append(Block("marker", text=m.group(1)))
            i += 1
            continue
        if _COMMENT.match(line):
            i += 1
            continue
        m = _HEADING.match(line)
        if m:
            out.append(Block("heading", text=m.group(2), level=len(m.group(1))))
            i += 1
            continue
        if _is_table_start(lines, i):
            head = split_row(lines[i])
            align = split_row(lines[i + 1])
            right = [c.strip().endswith(":") and not c.strip().startswith(":") for c in align]
            rows = []
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(split_row(lines[i]))
                i += 1
            width = max([len(head), *(len(r) for r in rows)])
            pad = lambda cells: cells + [""] * (width - len(cells))  # noqa: E731
            out.append(Block("table", head=pad(head), rows=[pad(r) for r in rows],
                             right=right + [False] * (width - len(right))))
            continue
        if _BULLET.match(line):
            items = []
            while i < len(lines) and lines[i].strip():
                b = _BULLET.match(lines[i])
                if b:
                    items.append([len(b.group(1)) // 2, b.group(2)])
                elif items:  # a continuation line of the item before
                    items[-1][1] += " " + lines[i].strip()
                i += 1
            out.append(Block("list", items=[tuple(x) for x in items]))
            continue
        para = []
        while (i < len(lines) and lines[i].strip() and not _HEADING.match(lines[i]) and not _BULLET.match(lines[i])
               and not lines[i].lstrip().startswith("```") and not _MARKER.match(lines[i])
               and not _is_table_start(lines, i)):
            para.append(lines[i].strip())
            i += 1
        out.append(Block("para", text=" ".join(para)))
    return out


# ---- inline text ------------------------------------------------------------------------------

_ESCAPABLE = set("\\`*_{}[]()#+-.!|<>~")


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def inline(text: str, mono: str, fix=lambda s: s) -> str:
    """reportlab paragraph markup for one line of bcalc Markdown: code spans in the font ``mono``,
    ``**bold**``, ``*italic*``; ``fix`` maps text to what the fonts can show."""
    out: list[str] = []
    bold = italic = False
    i, n = 0, len(text)
    plain: list[str] = []

    def flush():
        if plain:  # an amount keeps together: no line break between the euro sign and its figure
            out.append(_xml(fix("".join(plain).replace("€ ", "€\u00a0"))))
            plain.clear()

    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            plain.append(text[i + 1])
            i += 2
            continue
        if ch == "`":
            end = text.find("`", i + 1)
            if end > i:
                flush()
                out.append(f'<font face="{mono}">{_xml(fix(text[i + 1:end]))}</font>')
                i = end + 1
                continue
        if text.startswith("**", i) and (bold or text.find("**", i + 2) > i + 2):
            flush()
            out.append("</b>" if bold else "<b>")
            bold = not bold
            i += 2
            continue
        if ch == "*" and (italic or (i + 1 < n and not text[i + 1].isspace() and text.find("*", i + 1) > i + 1)):
            flush()
            out.append("</i>" if italic else "<i>")
            italic = not italic
            i += 1
            continue
        plain.append(ch)
        i += 1
    flush()
    if italic:
        out.append("</i>")
    if bold:
        out.append("</b>")
    return "".join(out)


def plain(text: str) -> str:
    """The text of inline Markdown without its marks (for measuring and for headings' bookmarks)."""
    return re.sub(r"\\(.)", r"\1", text.replace("**", "").replace("`", ""))
