"""Number formats, fills and fonts of the workbook, and the small helper every sheet writes through."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

EURO = '[$€-413] #,##0.00;[Red]-[$€-413] #,##0.00'
PCT = "0.00%"
RATE = "0.000%"
QTY = "#,##0.####"
FACTOR = "0.000000"
INPUT = PatternFill("solid", start_color="FFF4CC")   # a yellow cell: an input the reader may change
HEAD = PatternFill("solid", start_color="DDE7F0")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")

# number formats of an uncertain input's value by its unit (sensitivity and simulation sheets)
UNIT_FORMATS = {"EUR": EURO, "EUR/h": EURO, "EUR/day": EURO, "USD": '"$" #,##0.00', "share": PCT, "rate": PCT,
                "clients": "0"}


def address(sheet: str, row: int, col: int) -> str:
    """An absolute reference to one cell of a sheet: 'Invoer'!$B$7."""
    return f"'{sheet}'!${get_column_letter(col)}${row}"


class Sheet:
    """A worksheet with a little help: text stays text, numbers and formulas get formats."""

    def __init__(self, ws):
        self.ws = ws

    @property
    def title(self) -> str:
        return self.ws.title

    def text(self, row: int, col: int, value: object, bold: bool = False, fill=None):
        cell = self.ws.cell(row=row, column=col)
        cell.value = "" if value is None else str(value)
        cell.data_type = "s"  # a name starting with "=" must never become a formula
        if bold:
            cell.font = BOLD
        if fill is not None:
            cell.fill = fill
        if fill is HEAD:
            cell.alignment = WRAP
        return cell

    def head(self, row: int, col: int, value: object):
        """A column head: bold on the head fill, wrapped."""
        return self.text(row, col, value, bold=True, fill=HEAD)

    def num(self, row: int, col: int, value, fmt: str | None = None, fill=None):
        cell = self.ws.cell(row=row, column=col)
        if isinstance(value, Fraction):
            value = Decimal(value.numerator) / Decimal(value.denominator)
        cell.value = value
        if fmt:
            cell.number_format = fmt
        if fill is not None:
            cell.fill = fill
        return cell

    def formula(self, row: int, col: int, expr: str, fmt: str | None = None, bold: bool = False):
        cell = self.ws.cell(row=row, column=col)
        cell.value = expr if expr.startswith("=") else "=" + expr
        if fmt:
            cell.number_format = fmt
        if bold:
            cell.font = BOLD
        return cell

    def title_line(self, text: str) -> None:
        """The sheet's title in A1."""
        self.ws.cell(row=1, column=1).font = TITLE
        self.text(1, 1, text)

    def widths(self, widths: dict[int, float]) -> None:
        for col, width in widths.items():
            self.ws.column_dimensions[get_column_letter(col)].width = width

    def printable(self) -> None:
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True


__all__ = ["EURO", "PCT", "RATE", "QTY", "FACTOR", "INPUT", "HEAD", "BOLD", "TITLE", "WRAP", "UNIT_FORMATS",
           "address", "Sheet"]
