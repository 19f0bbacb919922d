"""The simulation sheet: percentiles of cost, net and the other outcomes over random draws of the
uncertain inputs, the probability of a non-negative result and the check against the exact engine,
the figures of ``bcalc simulate`` (with the report's draws and seed) as values."""

from __future__ import annotations

from bcalc.render.xlsx.book import Book
from bcalc.render.xlsx.cells import EURO, QTY, UNIT_FORMATS
from bcalc.render.xlsx.words import unit_label

NOTE_WIDTH = 140              # characters of a note line: within the printed columns (48 + 30 + 5 x 16)


def write(book: Book, view: dict) -> None:
    """``view``: the simulation part of ``report_md.uncertainty``, as the Markdown report shows it."""
    s, w = book.simulation, book.words
    if not view["available"]:
        s.text(1, 1, view["missing"])
        s.widths({1: 100})
        return
    s.title_line(f"{w['simulation']}: {book.case.title}")
    key = book.result.scenario   # the scenario by its label, not its key
    s.text(2, 1, view["facts"].replace(f"scenario {key},", f"scenario {book.scenario_label()},"))
    s.text(3, 1, w["values_note"])
    head = 5
    for col, text in enumerate(view["heads"], 1):
        s.head(head, col, text)
    row = head
    for stat in view["stats"]:
        row += 1
        s.text(row, 1, stat["label"], bold=stat["strong"])
        for col, value in enumerate(stat["values"], 2):
            s.num(row, col, value, EURO)
    row += 2
    if view["settled"]:
        row = s.paragraph(row, 1, view["probability_text"] + ".", NOTE_WIDTH)
    else:
        s.text(row, 1, w["prob_npv"] if view["probability_of"] == "npv" else w["prob_net"], bold=True)
        s.num(row, 2, view["probability"], "0.0%")
    for key, fmt in (("max_deviation", EURO), ("check_draws", None), ("draws", None), ("seed", None)):
        row += 1
        s.text(row, 1, w[key])
        s.num(row, 2, view[key], fmt)
    row += 2
    s.text(row, 1, view["inputs_title"], bold=True)
    row += 1
    if view["inputs"]:
        for col, key in enumerate(("input", "key", "low", "mode", "high", "unit", "origin"), 1):
            s.head(row, col, w[key])
        for i in view["inputs"]:
            row += 1
            fmt = UNIT_FORMATS.get(i["unit"], QTY)
            s.text(row, 1, i["label"])
            s.text(row, 2, i["key"])
            s.num(row, 3, i["low"], fmt)
            s.num(row, 4, i["mode"], fmt)
            s.num(row, 5, i["high"], fmt)
            s.text(row, 6, unit_label(i["unit"], book.lang))
            s.text(row, 7, i["origin"])
    else:
        s.text(row, 1, view["no_inputs"])
    row += 1
    for note in (view["intro"], view["scope"], view["percentiles"], view["prices_note"], view["method"],
                 view["assumptions"]):
        if note:
            row = s.paragraph(row + 1, 1, note, NOTE_WIDTH)
    s.widths({1: 48, 2: 30, **{c: 16 for c in range(3, 7)}, 7: 30})
    s.printable(title_rows=5)


__all__ = ["write"]
