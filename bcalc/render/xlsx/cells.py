"""Number formats, fills and fonts of the workbook, and the small helper every sheet writes through.

A sheet module writes its cells through ``Sheet`` (``text``, ``num``, ``formula``), once per cell.
They are not kept as openpyxl cells: each is turned into the XML openpyxl would write for it at
once, and the sheet's XML is put together when the workbook is saved (``sheet_data``, ``Book.save``).
A workbook of a thousand deployments holds close to a million cells; an openpyxl cell and its
serialisation take some 30 microseconds each, these a few. Values, types and styles follow
openpyxl's rules: text is cut and checked as openpyxl does (``check_string``), a value that is not
text or a plain number goes through an openpyxl cell, and each distinct combination of number
format, font, fill and alignment is registered in the workbook's own style table once
(``StyleIds``).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from openpyxl.cell import Cell as OpenpyxlCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.utils.exceptions import IllegalCharacterError

EURO = '[$€-413] #,##0.00;[Red]-[$€-413] #,##0.00'
PCT = "0.00%"
RATE = "0.000%"
QTY = "#,##0.####"
FACTOR = "0.000000"
INPUT = PatternFill("solid", start_color="FFF4CC")   # a yellow cell: an input the reader may change
HEAD = PatternFill("solid", start_color="DDE7F0")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
PLAIN = Font()                                       # a font with nothing set
WRAP = Alignment(wrap_text=True, vertical="top")

# number formats of an uncertain input's value by its unit (sensitivity and simulation sheets)
UNIT_FORMATS = {"EUR": EURO, "EUR/h": EURO, "EUR/day": EURO, "USD": '"$" #,##0.00', "share": PCT, "rate": PCT,
                "clients": "0"}

MAX_TEXT = 32767        # the longest text a cell holds (openpyxl cuts there too)
MAX_WIDTH = 70          # the widest a column is made for its texts
LINE_HEIGHT = 12.75     # points per line of text
PORTRAIT_WIDTH = 100    # the width of columns (in characters) that an A4 portrait page prints readably


def address(sheet: str, row: int, col: int) -> str:
    """An absolute reference to one cell of a sheet: 'Invoer'!$B$7."""
    return f"'{sheet}'!${get_column_letter(col)}${row}"


def _text(value: str) -> str:
    """Text as a cell holds it: cut at MAX_TEXT characters; a control character is an error, as in openpyxl."""
    value = value[:MAX_TEXT]
    if ILLEGAL_CHARACTERS_RE.search(value):
        raise IllegalCharacterError(f"{value} cannot be used in worksheets.")
    return value


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _inline(value: str) -> str:
    """The <is> element of a text, with its spaces kept as openpyxl keeps them."""
    stripped = value.strip()
    space = ' xml:space="preserve"' if stripped and stripped != value else ""
    return f"<is><t{space}>{_escape(value)}</t></is>"


class StyleIds:
    """The style attribute (' s="3"') of each combination of number format, font, fill and alignment
    the cells use, registered in openpyxl's style table once per combination; "" for no style.
    Fonts, fills and alignments are told apart by identity (they are the constants of this
    module, or kept alive here while their ids are in use)."""

    def __init__(self, ws):
        self.ws = ws
        self.known: dict[tuple, str] = {}
        self.formats: dict[str | None, str] = {}    # the attribute of a number format alone
        self.keep: list = []

    def of_format(self, fmt: str | None) -> str:
        found = self.formats.get(fmt)
        if found is None:
            found = self.formats[fmt] = self.attr(fmt)
        return found

    def attr(self, fmt: str | None, font=None, fill=None, alignment=None) -> str:
        key = (fmt, id(font), id(fill), id(alignment))
        found = self.known.get(key)
        if found is None:
            probe = OpenpyxlCell(self.ws)
            if fmt:
                probe.number_format = fmt
            if font is not None:
                probe.font = font
            if fill is not None:
                probe.fill = fill
            if alignment is not None:
                probe.alignment = alignment
            found = self.known[key] = f' s="{probe.style_id}"' if probe.has_style else ""
            self.keep.append((font, fill, alignment))
        return found


class Sheet:
    """A worksheet with a little help: text stays text, numbers and formulas get formats.

    Each cell is written once, as the XML openpyxl would write for it (``rows``: row -> column ->
    <c> element; "" for an empty cell without style, which openpyxl leaves out); ``sheet_data``
    puts them in order when the workbook is saved. The worksheet itself (``ws``) carries the rest:
    title, widths, panes, filter, page setup, charts."""

    def __init__(self, ws, styles: StyleIds | None = None):
        self.ws = ws
        self.styles = styles if styles is not None else StyleIds(ws)
        self.rows: dict[int, dict[int, str]] = {}
        self._texts: dict[str, str] = {}    # a text -> the end of its <c> element (texts repeat a lot)
        self.lengths: dict[int, dict[int, int]] = {}   # row -> column -> the width its text needs
        self.wrapped: dict[int, dict[int, int]] = {}   # row -> column -> the length of a text that wraps
        self.heights: dict[int, float] = {}            # row -> its height, where its wrapped texts need more
        self.base_widths: dict[int, float] = {}
        self.title_rows: int | None = None            # head rows repeated on every printed page
        self.print_columns: int | None = None         # columns printed (the rest are helpers), or all

    @property
    def title(self) -> str:
        return self.ws.title

    def _row(self, row: int) -> dict[int, str]:
        cells = self.rows.get(row)
        if cells is None:
            cells = self.rows[row] = {}
        return cells

    def text(self, row: int, col: int, value: object, bold: bool = False, fill=None, font=None,
             wrap: bool = False) -> None:
        """Text, never a formula (a name starting with "=" stays text). ``bold`` (or another
        ``font``), ``fill``; a head fill or ``wrap`` wraps the text at the top of the cell."""
        if type(value) is not str:
            value = "" if value is None else str(value)
        body = self._texts.get(value)
        if body is None:
            shown = _text(value)
            body = self._texts[value] = f' t="inlineStr">{_inline(shown)}</c>' if shown else ' t="inlineStr"/>'
        if bold or font is not None or fill is not None or wrap:
            style = self.styles.attr(None, BOLD if bold else font, fill, WRAP if wrap or fill is HEAD else None)
        else:
            style = ""
        cells = self.rows.get(row)
        if cells is None:
            cells = self.rows[row] = {}
        cells[col] = f'<c r="{get_column_letter(col)}{row}"{style}{body}'
        self.note_length(row, col, value, wrap or fill is HEAD)

    def note_length(self, row: int, col: int, value: str, wrapped: bool) -> None:
        """Remember how wide a text needs its column: all of it, or its longest word when it wraps."""
        if not value:
            return
        words = value.split()
        if not words:
            return
        need = max(map(len, words)) if wrapped else len(value)
        found = self.lengths.get(row)
        if found is None:
            found = self.lengths[row] = {}
        found[col] = need
        if wrapped:
            self.wrapped.setdefault(row, {})[col] = len(value)

    def paragraph(self, row: int, col: int, value: str, width: int) -> int:
        """A long text folded at ``width`` characters into the rows from ``row`` down, so that it
        stays within the printed columns; the last row written."""
        import textwrap

        lines = textwrap.wrap(value, width, break_long_words=False, break_on_hyphens=False) or [""]
        for i, line in enumerate(lines):
            self.text(row + i, col, line)
        return row + len(lines) - 1

    def head(self, row: int, col: int, value: object) -> None:
        """A column head: bold on the head fill, wrapped."""
        self.text(row, col, value, bold=True, fill=HEAD)

    def num(self, row: int, col: int, value, fmt: str | None = None, fill=None, bold: bool = False,
            font=None) -> None:
        """A number (int, Decimal, Fraction, float) or None for an empty cell; other values are
        stored as openpyxl would store them. ``bold`` (or another ``font``)."""
        t = type(value)
        if t is Fraction:
            value = Decimal(value.numerator) / Decimal(value.denominator)
        elif not (t is int or t is Decimal or t is float or value is None):
            if isinstance(value, Fraction):
                value = Decimal(value.numerator) / Decimal(value.denominator)
            else:
                self._other(row, col, value, fmt, fill, BOLD if bold else font)
                return
        if bold or font is not None or fill is not None:
            style = self.styles.attr(fmt, BOLD if bold else font, fill)
        else:
            style = self.styles.of_format(fmt)
        cells = self.rows.get(row)
        if cells is None:
            cells = self.rows[row] = {}
        if value is None:
            cells[col] = f'<c r="{get_column_letter(col)}{row}"{style} t="n"/>' if style else ""
        else:
            cells[col] = f'<c r="{get_column_letter(col)}{row}"{style} t="n"><v>{safe_string(value)}</v></c>'

    def _other(self, row: int, col: int, value, fmt, fill, font) -> None:
        """A value of another type: its type, text and format as an openpyxl cell gives them."""
        probe = OpenpyxlCell(self.ws, value=value)
        dt, value = probe.data_type, probe.value
        if not fmt and probe.number_format != "General":
            fmt = probe.number_format
        style = self.styles.attr(fmt, font, fill)
        ref = f"{get_column_letter(col)}{row}"
        cells = self._row(row)
        if dt == "f":
            cells[col] = f'<c r="{ref}"{style}><f>{_escape(value[1:])}</f><v/></c>'
        elif value is None or value == "":
            cells[col] = (f'<c r="{ref}"{style} t="{"inlineStr" if dt == "s" else dt}"/>'
                          if style or value is not None else "")
        elif dt == "s":
            cells[col] = f'<c r="{ref}"{style} t="inlineStr">{_inline(value)}</c>'
        else:
            cells[col] = f'<c r="{ref}"{style} t="{dt}"><v>{_escape(safe_string(value))}</v></c>'

    def formula(self, row: int, col: int, expr: str, fmt: str | None = None, bold: bool = False) -> None:
        expr = _text(expr if expr.startswith("=") else "=" + expr)
        style = self.styles.attr(fmt, BOLD) if bold else self.styles.of_format(fmt)
        cells = self.rows.get(row)
        if cells is None:
            cells = self.rows[row] = {}
        if len(expr) > 1:
            cells[col] = f'<c r="{get_column_letter(col)}{row}"{style}><f>{_escape(expr[1:])}</f><v/></c>'
        else:
            cells[col] = f'<c r="{get_column_letter(col)}{row}"{style} t="inlineStr">{_inline(expr)}</c>'

    def title_line(self, text: str) -> None:
        """The sheet's title in A1."""
        self.text(1, 1, text, font=TITLE)

    def widths(self, widths: dict[int, float]) -> None:
        """The least width of columns; ``finish`` widens a column its texts need more of."""
        self.base_widths.update(widths)
        for col, width in widths.items():
            self.ws.column_dimensions[get_column_letter(col)].width = width

    def printable(self, title_rows: int | None = None, columns: int | None = None) -> None:
        """Print set-up (``finish`` completes it): ``title_rows`` head rows repeat on every page;
        only the first ``columns`` columns are printed when given (helper columns stay off paper)."""
        if title_rows is not None:
            self.title_rows = title_rows
        if columns is not None:
            self.print_columns = columns

    def finish(self) -> None:
        """Widths from the content and the print set-up, once every cell is written.

        A text that has a filled cell to its right must fit its column (else it is cut off): the
        column is widened to it, up to MAX_WIDTH (a longer text there wraps in its row height
        only where it was written to wrap). A text with nothing to its right may run on over the
        empty cells and does not widen its column. Every sheet prints fitted to the page width,
        landscape when its columns are wider than a portrait page, with its head rows (those above
        the frozen pane, or ``title_rows``) repeated on every page."""
        ws = self.ws
        need: dict[int, int] = {}
        for row, lengths in self.lengths.items():
            for col, n in lengths.items():
                if n > need.get(col, 0) and self.filled(row, col + 1):
                    need[col] = n
        for col, n in need.items():
            width = min(MAX_WIDTH, n * 1.1 + 2)
            if width > self.base_widths.get(col, 8.43):
                self.base_widths[col] = round(width, 1)
                ws.column_dimensions[get_column_letter(col)].width = round(width, 1)
        # a row with wrapped texts is as high as its longest needs (a spreadsheet does not do it on opening)
        for row, texts in self.wrapped.items():
            lines = max(-(-n * 1.15 // max(1.0, self.base_widths.get(col, 8.43) - 1)) for col, n in texts.items())
            if lines > 1:
                self.heights[row] = min(LINE_HEIGHT * lines, 409)
        printed = sorted(col for col in self.columns() if self.print_columns is None or col <= self.print_columns)
        total = sum(self.base_widths.get(col, 8.43) for col in printed)
        if self.print_columns is not None and self.rows:
            last = max(self.rows)
            for chart in ws._charts:  # a chart below the cells is printed whole (a row is 0.53 cm high)
                top = chart.anchor if isinstance(chart.anchor, str) else f"A{chart.anchor._from.row + 1}"
                last = max(last, coordinate_from_string(top)[1] + int(chart.height / 0.53) + 1)
            ws.print_area = f"A1:{get_column_letter(self.print_columns)}{last}"
        ws.page_setup.orientation = "landscape" if total > PORTRAIT_WIDTH else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        rows = self.title_rows
        if rows is None and ws.freeze_panes:
            rows = int("".join(ch for ch in ws.freeze_panes if ch.isdigit())) - 1
        if rows:
            ws.print_title_rows = f"1:{rows}"

    def filled(self, row: int, col: int) -> bool:
        """Whether a cell was written (a text next to it cannot run on over it)."""
        cells = self.rows.get(row)
        return bool(cells and cells.get(col))

    def columns(self) -> set[int]:
        """The columns that hold a cell."""
        return {col for cells in self.rows.values() for col in cells}

    def dimension(self) -> str:
        """The range the cells cover (A1:L40), as openpyxl states it; A1:A1 when there are none."""
        if not self.rows:
            return "A1:A1"
        cols = {col for cells in self.rows.values() for col in cells}
        return (f"{get_column_letter(min(cols))}{min(self.rows)}:"
                f"{get_column_letter(max(cols))}{max(self.rows)}")

    def sheet_data(self, chunk_rows: int = 2000):
        """The <sheetData> element of the cells, in pieces of ``chunk_rows`` rows."""
        parts = ["<sheetData>"]
        for n, row in enumerate(sorted(self.rows), start=1):
            cells = self.rows[row]
            height = self.heights.get(row)
            parts.append(f'<row r="{row}" ht="{height}" customHeight="1">' if height else f'<row r="{row}">')
            parts.extend(cells[col] for col in sorted(cells))
            parts.append("</row>")
            if n % chunk_rows == 0:
                yield "".join(parts)
                parts = []
        parts.append("</sheetData>")
        yield "".join(parts)


__all__ = ["EURO", "PCT", "RATE", "QTY", "FACTOR", "INPUT", "HEAD", "BOLD", "TITLE", "WRAP", "UNIT_FORMATS",
           "PLAIN", "address", "StyleIds", "Sheet"]
