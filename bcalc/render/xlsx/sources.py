"""The sources sheet: every catalogue figure the workbook uses with its source line, the warnings
of the estimate, and the assumptions (scenario, VAT, source documents, funding codes, method)."""

from __future__ import annotations

from bcalc.core.selection import price_year
from bcalc.messages import say
from bcalc.render.xlsx.book import Book, InputCells
from bcalc.render.xlsx.words import vat_label


def write(book: Book, cells: InputCells) -> None:
    s, w, result = book.sources, book.words, book.result
    s.title_line(w["figures"])
    heads = ("deployment_col", "product", "item", "label", "written", "vat_written", "source", "price_year", "note")
    for col, key in enumerate(heads, start=1):
        s.head(2, col, w[key])
    row = 2
    for d_index, dep in enumerate(cells.deployments):
        product = dep.product
        for it in dep.items:
            item = it.item
            row += 1
            s.num(row, 1, d_index + 1)
            s.text(row, 2, product.name)
            s.text(row, 3, it.id)
            s.text(row, 4, it.label)
            quote = dep.deployment.quotes.get(item.id)
            if item.id in dep.deployment.prices:
                written = w["case_price"]
            elif item.included:
                written = w["included"]
            elif item.tiers:
                written = " / ".join(t.price.written for t in item.tiers)
            elif item.packs:
                written = " / ".join(f"{p.price.written} ({p.size})" for p in item.packs)
            else:
                written = item.price.written if item.price else ""
            s.text(row, 5, written)
            s.text(row, 6, vat_label(quote.vat, w) if quote is not None and quote.vat
                   else vat_label(item.vat, w, item.vat_read))
            s.text(row, 7, book.source_text(it.source))
            _price_level(book, row, item, product, dep.deployment)
            s.text(row, 9, item.note, wrap=True)
        for t in dep.time:
            line = t.line
            row += 1
            s.num(row, 1, d_index + 1)
            s.text(row, 2, product.name)
            s.text(row, 3, line.id)
            s.text(row, 4, line.label)
            s.text(row, 5, line.written)
            s.text(row, 6, "-")
            s.text(row, 7, book.source_text(line.source))
            _price_level(book, row, line, product, dep.deployment)
            s.text(row, 9, line.note, wrap=True)
    row += 2
    s.text(row, 1, w["warnings"], bold=True)
    for warning in result.warnings:
        row += 1
        s.text(row, 1, say(warning, book.lang))
    row += 2
    s.text(row, 1, w["assumptions"], bold=True)
    scenario = book.tariffs.scenarios[result.scenario]
    notes = [f"{w['scenario']} {scenario.label}: {scenario.basis}",
             f"{w['vat']}: {book.tariffs.vat_source}"]
    for doc in book.catalogue.sources.values():
        notes.append(f"{doc.id}: {doc.title} ({doc.file}); {doc.rule}")
    for refs in cells.funding:
        code = refs.code
        notes.append(f"{code.code} {code.name} ({code.domain}): {code.definition} [{code.source}]")
    notes += [w["convention"], w["structure"]]
    for note in notes:
        row += 1
        s.text(row, 1, note)
    s.ws.freeze_panes = "A3"
    s.widths({1: 10, 2: 22, 3: 24, 4: 40, 5: 22, 6: 12, 7: 14, 8: 10, 9: 80})
    s.printable()


def _price_level(book: Book, row: int, line, product, dep) -> None:
    """The price level of a line: a quote as a quote ("Offerte 2025"), a price the case writes
    itself as its own ("Eigen prijs 2025"), a catalogue figure as its year."""
    w, s = book.words, book.sources
    year = price_year(line, product, dep)
    if line.id in dep.prices:
        s.text(row, 8, f"{w['quote']} {year}" if year is not None else w["quote"])
    elif getattr(line, "origin", None) == "case":
        s.text(row, 8, f"{w['own_price']} {year}" if year is not None else w["own_price"])
    elif year is not None:
        s.num(row, 8, year)


__all__ = ["write"]

