"""The comparison sheet: deployment 1 against the other products of its need, the figures of
``bcalc compare`` as values (the totals per product, the differences, what is included where, the
pricing choices), from the report's comparison."""

from __future__ import annotations

from bcalc.render import compare_view
from bcalc.render.xlsx.book import Book
from bcalc.render.xlsx.cells import BOLD, EURO, HEAD, PLAIN


def write(book: Book) -> None:
    s, w, result = book.comparison, book.words, book.result
    view = compare_view.build_need(book.bundle.comparison, book.catalogue, book.lang, scenario=result.scenario,
                                   prices=result.prices_end)
    W = compare_view.words(book.lang)
    s.title_line(f"{W['title']}: {book.case.title}")
    # the need by the catalogue's name for its products ("Medicijndispenser"), not its key
    names = {p.need: p.category for p in book.catalogue.products.values() if p.category}
    s.text(2, 1, compare_view.facts(dict(view, need=names.get(view["need"], view["need"]),
                                         scenario=book.scenario_label())))
    s.text(3, 1, w["values_note"])
    row = 5
    alts = view["alternatives"]
    s.text(row, 1, "", fill=HEAD)
    for i, a in enumerate(alts):
        s.head(row, 2 + i, a["column"] + (" *" if a["cheapest"] else ""))
    for key, label, strong in compare_view.rows(view):
        row += 1
        s.text(row, 1, label, bold=strong)
        for i, a in enumerate(alts):
            if a[key] is None:
                s.text(row, 2 + i, "-")
            else:
                s.num(row, 2 + i, a[key], EURO, font=BOLD if strong else PLAIN)
    row += 2
    s.text(row, 1, ("* " if view["cheapest"] is not None else "") + compare_view.cheapest_line(view))
    row += 1
    s.text(row, 1, compare_view.hours_line(view))
    for text in compare_view.incomplete(view):
        row += 1
        s.text(row, 1, text)
    for text in compare_view.problems(view) + view["notes"]:
        row += 1
        s.text(row, 1, text)
    if view["differences"]:
        row += 2
        s.text(row, 1, W["h_differences"], bold=True)
        row += 1
        for col, key in enumerate(("alternative", "cheapest", "delta", "mostly", "delta", "then", "delta"), 1):
            s.head(row, col, w[key])
        for d in view["differences"]:
            row += 1
            s.text(row, 1, d["name"])
            s.text(row, 2, d["cheapest_name"])
            s.num(row, 3, d["delta"], EURO)
            for j, c in enumerate(d["categories"]):
                s.text(row, 4 + 2 * j, W["cat"][c["category"]])
                s.num(row, 5 + 2 * j, c["delta"], EURO)
        row += 2
        for col, key in enumerate(("alternative", "item", "alternative", "cheapest", "delta"), 1):
            s.head(row, col, w[key])
        for d in view["differences"]:
            for ln in d["lines"]:
                row += 1
                s.text(row, 1, d["name"])
                s.text(row, 2, ln["label"])
                s.num(row, 3, ln["alternative"], EURO)
                s.num(row, 4, ln["cheapest"], EURO)
                s.num(row, 5, ln["delta"], EURO)
    if view["included"]:
        row += 2
        s.text(row, 1, W["h_included"], bold=True)
        row += 1
        for col, key in enumerate(("item", "included_in", "charged_by", "written", "source", "over_horizon"), 1):
            s.head(row, col, w[key])
        names = {a["key"]: a["name"] for a in alts}
        for inc in view["included"]:
            row += 1
            s.text(row, 1, inc["label"])
            s.text(row, 2, names[inc["included_in"]])
            s.text(row, 3, names[inc["charged_by"]])
            s.text(row, 4, inc["written"])
            s.text(row, 5, inc["source"])
            s.num(row, 6, inc["amount"], EURO)
    if view["pricing"]:
        row += 2
        s.text(row, 1, W["h_pricing"], bold=True)
        row += 1
        for col, key in enumerate(("product", "choice", "option", "over_horizon", "active", "cheapest"), 1):
            s.head(row, col, w[key])
        for p in view["pricing"]:
            for o in p["options"]:
                row += 1
                s.text(row, 1, p["name"])
                s.text(row, 2, p["label"])
                s.text(row, 3, o["name"])
                s.num(row, 4, o["cost"], EURO)
                s.text(row, 5, w["yes"] if o["active"] else "")
                s.text(row, 6, w["yes"] if o["cheapest"] else "")
            for b in p["break_evens"]:
                row += 1
                s.text(row, 1, f"{p['name']}, {p['label']}: {b['text']}")
    row += 2
    s.text(row, 1, W["h_assumptions"], bold=True)
    for text in compare_view.assumptions(view):
        row += 1
        s.text(row, 1, text)
    row += 2
    s.text(row, 1, W["h_warnings"], bold=True)
    for a in alts:
        for text in a["warnings"]:
            row += 1
            s.text(row, 1, f"{a['name']}: {text}")
    s.widths({1: 34, **{c: 18 for c in range(2, 2 + max(len(alts), 6))}})
    s.printable(title_rows=5)


__all__ = ["write"]
