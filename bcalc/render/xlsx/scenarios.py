"""The scenarios sheet: the case under every indexation scenario, price end and VAT setting, and
under stress, the figures of ``bcalc scenarios`` as values, from the report's scenario grid."""

from __future__ import annotations

from bcalc.render import scenarios_view
from bcalc.render.xlsx.book import Book
from bcalc.render.labels import label
from bcalc.render.xlsx.cells import EURO, PCT

AMOUNTS = ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits", "net", "spent",
           "owed")
HEADS = ("scenario_col", "key", "indexation_col", "prices_col", "recoverable", "one_off", "recurring", "training",
         "internal", "vat", "cost", "funding_col", "benefits", "net", "spent", "owed", "mark")


def write(book: Book) -> None:
    s, w = book.scenarios, book.words
    view = scenarios_view.build(book.bundle.scenarios, book.lang)
    W = scenarios_view.words(book.lang)
    s.title_line(f"{W['title']}: {book.case.title}")
    s.text(2, 1, scenarios_view.facts(dict(view, scenario=book.scenario_label())))   # by its label, not its key
    s.text(3, 1, w["values_note"])
    head = 5
    for col, key in enumerate(HEADS, 1):
        s.head(head, col, w[key])
    row = head
    for r in view["rows"]:
        row += 1
        strong = r["best"] or r["worst"]
        s.text(row, 1, r["label"], bold=strong)
        s.text(row, 2, r["key"])
        known = book.tariffs.scenarios.get(r["scenario"])
        s.text(row, 3, f"{r['scenario']}: {known.label}" if known is not None and known.label else r["scenario"])
        s.text(row, 4, label(r["prices"], book.lang) if r["prices"] in ("low", "mid", "high") else r["prices"])
        s.num(row, 5, r["recoverable"], PCT)
        for col, key in enumerate(AMOUNTS, 6):
            if r[key] is None:
                s.text(row, col, "-")
            else:
                s.num(row, col, r[key], EURO)
        s.text(row, 17, W["best"] if r["best"] else W["worst"] if r["worst"] else "", bold=strong)
    row += 2
    s.text(row, 1, scenarios_view.marks_line(view))
    for note in view["notes"]:
        row += 1
        s.text(row, 1, note)
    s.ws.freeze_panes = f"B{head + 1}"
    s.widths({1: 48, 2: 14, 3: 10, 4: 10, 5: 10, **{c: 15 for c in range(6, 17)}, 17: 12})
    s.printable()


__all__ = ["write"]
