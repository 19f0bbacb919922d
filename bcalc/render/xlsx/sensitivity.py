"""The sensitivity sheet: each uncertain input at its low and high end with the net result (and net
present value) then, the figures of ``bcalc sensitivity`` as values, and a tornado chart of the
change in net."""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference

from bcalc.render.xlsx.book import Book
from bcalc.render.xlsx.cells import EURO, QTY, UNIT_FORMATS
from bcalc.render.xlsx.words import unit_label

TEXT_COLUMNS = ("input", "key", "unit", "origin")
VALUE_COLUMNS = ("low", "mode", "high")   # in the input's own unit; the others are euros


def write(book: Book, view: dict) -> None:
    """``view``: the sensitivity part of ``report_md.uncertainty``, as the Markdown report shows it."""
    s, w = book.sensitivity, book.words
    s.title_line(f"{w['sensitivity']}: {book.case.title}")
    s.text(2, 1, view["base"])
    s.text(3, 1, w["values_note"])
    head = 5
    keys = ["input", "key", "low", "mode", "high", "unit", "origin", "net_low", "net_high", "change_low",
            "change_high"] + (["npv_low", "npv_high"] if view["has_npv"] else []) + ["swing"]
    for col, key in enumerate(keys, 1):
        s.head(head, col, w[key])
    row = head
    for r in view["rows"]:
        row += 1
        fmt = UNIT_FORMATS.get(r["unit"], QTY)
        values = dict(r, input=r["label"], unit=unit_label(r["unit"], book.lang))
        for col, key in enumerate(keys, 1):
            value = values[key]
            if key in TEXT_COLUMNS:
                s.text(row, col, value)
            elif value is None:
                s.text(row, col, "-")
            else:
                s.num(row, col, value, fmt if key in VALUE_COLUMNS else EURO)
    first, last = head + 1, row
    row += 1
    if not view["rows"]:
        row += 1
        s.text(row, 1, view["none"])
    key = book.result.scenario   # the scenario by its label, not its key
    intro = view["intro"].replace(f"scenario {key},", f"scenario {book.scenario_label()},") if view["intro"] else ""
    for note in (intro, view["idle"], view["assumptions"]):
        if note:
            row = s.paragraph(row + 1, 1, note, 140)   # within the printed columns (48 + 30 + ...)
    s.ws.freeze_panes = f"B{head + 1}"
    s.widths({1: 48, 2: 30, 3: 12, 4: 12, 5: 12, 6: 10, 7: 30, **{c: 16 for c in range(8, len(keys) + 1)}})
    s.printable()
    if view["rows"]:
        s.ws.add_chart(_tornado(book, s.ws, keys, head, first, last, len(view["rows"])), f"A{row + 2}")


def _tornado(book: Book, ws, keys: list[str], head: int, first: int, last: int, n: int) -> BarChart:
    """Horizontal bars of the change in net at the low and the high end, per input, the largest
    swing on top."""
    low_col = keys.index("change_low") + 1
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.overlap = 100
    chart.gapWidth = 40
    chart.title = book.words["chart_tornado"]
    chart.add_data(Reference(ws, min_col=low_col, max_col=low_col + 1, min_row=head, max_row=last),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"
    chart.x_axis.tickLblPos = "low"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.crosses = "max"        # with the categories reversed: the euro axis at the bottom
    chart.y_axis.title = "EUR"
    chart.legend.position = "b"
    chart.height, chart.width = max(7.5, 2.5 + 0.8 * n), 24
    return chart


__all__ = ["write"]
