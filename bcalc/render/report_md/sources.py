"""Chapter 9, sources: every catalogue figure the case used as the source writes it, the source
documents, the definitions of the funding, the other starting points and the method."""

from __future__ import annotations

from bcalc.core.selection import price_year
from bcalc.models import Product
from bcalc.render.report_md.basis import find_time
from bcalc.render.report_md.format import money

WORDS = {
    "nl": {
        "h_sources": "Bronnen",
        "h_figures": "Gebruikte catalogusbedragen",
        "h_documents": "Brondocumenten",
        "h_funding_sources": "Bronnen van de financiering",
        "h_other_sources": "Overige uitgangspunten",
        "h_method": "Rekenwijze",
        "figures_note": "Elk catalogusbedrag dat de case gebruikt, zoals het in de bron staat.",
        "written": "Bedrag in bron",
        "vat_written": "Btw in bron",
        "source_line": "Bronregel",
        "price_year": "Prijspeil",
        "from_case": "prijs uit de case",
        "quote_from": "offerte: {source}",
        "own_from": "eigen regel: {source}",
        "included": "inclusief",
        "rate_from_case": "× uurtarief uit de case",
        "vat_excl": "exclusief btw",
        "vat_incl": "inclusief btw",
        "vat_not_stated": "niet vermeld (als excl. gerekend)",
        "vat_read_incl": "niet vermeld (gelezen als incl.)",
        "na": "n.v.t.",
        "file": "Bestand",
        "funding_source": "definitie",
        "tariff_source": "Tarief",
        "tariff_from_case": "uit de case (contract)",
        "amount_from_case": "bedrag uit de case",
        "vat_source": "Btw",
        "method": (
            "Berekend met bcalc in Decimal-rekenkunde (geen binaire drijvende komma): maand voor maand over de "
            "looptijd, gerapporteerd per kalenderjaar. Elke regel (inzet, post, soort, kalenderjaar) is één "
            "keer half-up op centen afgerond; de btw per regel uit het afgeronde bedrag; elk totaal is de som "
            "van afgeronde regels. Bereiken in de bron: {end}."),
    },
    "en": {
        "h_sources": "Sources",
        "h_figures": "Catalogue figures used",
        "h_documents": "Source documents",
        "h_funding_sources": "Funding sources",
        "h_other_sources": "Other starting points",
        "h_method": "Method",
        "figures_note": "Every catalogue figure the case uses, as written in the source.",
        "written": "Amount in source",
        "vat_written": "VAT in source",
        "source_line": "Source line",
        "price_year": "Price level",
        "from_case": "price from the case",
        "quote_from": "quote: {source}",
        "own_from": "own line: {source}",
        "included": "included",
        "rate_from_case": "× hourly rate from the case",
        "vat_excl": "excluding VAT",
        "vat_incl": "including VAT",
        "vat_not_stated": "not stated (taken as excl.)",
        "vat_read_incl": "not stated (read as incl.)",
        "na": "n/a",
        "file": "File",
        "funding_source": "definition",
        "tariff_source": "Tariff",
        "tariff_from_case": "from the case (contract)",
        "amount_from_case": "amount from the case",
        "vat_source": "VAT",
        "method": (
            "Computed with bcalc in Decimal arithmetic (no binary floating point): month by month over the "
            "horizon, reported per calendar year. Each line (deployment, item, category, calendar year) is "
            "rounded half-up to cents once; VAT per line from the rounded amount; every total is the sum of "
            "rounded lines. Ranges in the source: {end}."),
    },
}


def _figures(deployments: list[dict], L: dict, lang: str) -> tuple[list[dict], set[str]]:
    """One row per catalogue figure the case used (deployment, item), in the order of the cost lines,
    and the ids of the documents they come from."""
    rows = []
    docs: set[str] = set()
    vat_words = {"excl": L["vat_excl"], "incl": L["vat_incl"], "not_stated": L["vat_not_stated"]}
    for dep in deployments:
        product: Product = dep["product"]
        for g in dep["groups"]:
            line = g.lines[0]
            row = {"deployment": dep["name"], "label": g.label, "source": g.source, "price_year": None,
                   "vat": L["na"], "written": ""}
            if g.origin != "catalogue":  # the case's quote, or a line the case writes itself
                item = product.item(line.base_item)
                if g.origin == "quote" or not line.written:
                    row["written"] = money(line.unit_price, lang) if line.unit_price is not None else "-"
                else:
                    row["written"] = line.written
                if g.kind == "supplier":
                    row["vat"] = vat_words.get(line.vat_written, line.vat_written)
                row["source"] = g.source_text
                if item is not None:
                    row["price_year"] = price_year(item, product, dep["deployment"])
                rows.append(row)
                continue
            docs.add(g.source.split(":", 1)[0])
            row["price_year"] = product.price_year
            if g.kind == "internal":
                t = find_time(product, g.item)
                row["written"] = f"{t.written if t and t.written else '-'} {L['rate_from_case']}"
                rows.append(row)
                continue
            item = product.item(line.base_item)
            if item is not None and item.included:
                row["written"] = L["included"]
            else:
                row["written"] = line.written or "-"
                if line.tier_label:
                    row["written"] += f" ({line.tier_label})"
            if item is not None:
                row["price_year"] = price_year(item, product, dep["deployment"])  # a version's own, if any
                row["vat"] = (L["na"] if item.included else L["vat_read_incl"] if item.vat_read == "incl"
                              else vat_words.get(item.vat, item.vat))
                if item.currency != "EUR":
                    row["written"] += f" ({item.currency})"
            rows.append(row)
    return rows, docs


def _funding_sources(result, tariffs, L: dict) -> list[dict]:
    """One row per funding code the case uses: its definition and where its tariff comes from."""
    out = []
    seen = set()
    for f in result.funding:
        if f.code in seen:
            continue
        seen.add(f.code)
        code = tariffs.funding.get(f.code)
        if code is None:
            continue
        if code.kind == "subsidy":
            tariff = L["amount_from_case"]
        elif f.source == "case":
            tariff = L["tariff_from_case"]
        else:
            tariff = f.source
        out.append({"code": code.code, "name": code.name, "source": code.source, "tariff": tariff})
    return out


def sources(result, catalogue, tariffs, deployments: list[dict], L: dict, lang: str) -> dict:
    figures, doc_ids = _figures(deployments, L, lang)
    documents = [catalogue.sources[i] for i in sorted(doc_ids) if i in catalogue.sources]
    return {
        "figures": figures,
        "documents": documents,
        # the rule of the documents used (of every document when the case uses none), for chapter 2
        "source_rules": [d.rule for d in (documents or list(catalogue.sources.values())) if d.rule],
        "funding_sources": _funding_sources(result, tariffs, L),
        "vat_source": tariffs.vat_source,
        "method": L["method"].format(end=L[result.prices_end]),
    }
