"""Chapter 4, VAT: the non-recoverable VAT and the items quoted incl. VAT or without a word on it."""

from __future__ import annotations

from bcalc.render.report_md.format import share

WORDS = {
    "nl": {
        "h_vat": "Btw",
        "vat_total": "Niet-terugvorderbare btw over de looptijd",
        "vat_share": "Aandeel in de totale kosten",
        "vat_exempt": (
            "Zorg is vrijgesteld van btw: de zorgorganisatie kan de btw op inkopen niet verrekenen, dus btw is "
            "een echte kostenpost. Vraag daarom altijd of een prijs inclusief of exclusief btw is; dat scheelt "
            "potentieel 21 % op de businesscase (001:307-308)."),
        "vat_recoverable_text": "De case rekent met {share} terugvorderbare btw; de rest telt als kosten.",
        "vat_incl_lines": "Posten die in de bron inclusief btw zijn geoffreerd (de offerte is de prijs die u betaalt):",
        "vat_not_stated_lines": (
            "Posten waarvan de bron de btw niet vermeldt (volgens de documentregel 001:4084-4090 als exclusief "
            "btw gerekend; vraag het na):"),
        "vat_no_incl": "Geen posten zijn inclusief btw geoffreerd.",
        "vat_no_not_stated": "Bij alle gebruikte posten vermeldt de bron de btw, of de prijs komt uit de case.",
    },
    "en": {
        "h_vat": "VAT",
        "vat_total": "Non-recoverable VAT over the horizon",
        "vat_share": "Share of total cost",
        "vat_exempt": (
            "Care is exempt from VAT: a care organisation cannot reclaim the VAT on its purchases, so VAT is a "
            "real cost. Always ask whether a price includes or excludes VAT; it can make 21% difference to the "
            "business case (001:307-308)."),
        "vat_recoverable_text": "The case reckons with {share} recoverable VAT; the rest counts as cost.",
        "vat_incl_lines": "Items the source quotes including VAT (the quote is the price you pay):",
        "vat_not_stated_lines": (
            "Items whose VAT the source does not state (taken as excluding VAT by the document's rule "
            "001:4084-4090; ask the supplier):"),
        "vat_no_incl": "No items are quoted including VAT.",
        "vat_no_not_stated": "For every item used the source states the VAT, or the price comes from the case.",
    },
}


def vat(result, products, groups: dict, deployments: list[dict]) -> dict:
    incl_lines, not_stated = [], []
    for g in groups.values():
        if g.kind != "supplier":
            continue
        product = products[result.products[g.deployment].product]
        item = product.item(g.lines[0].base_item)
        where = {"deployment": deployments[g.deployment]["name"], "label": g.label, "source": g.source_text}
        if g.lines[0].quoted == "incl":
            incl_lines.append(where)
        elif (item is not None and item.vat == "not_stated" and item.vat_read is None and not item.included
              and g.origin == "catalogue"
              and g.cost):
            not_stated.append(where)
    total = result.total
    return {"total": total.vat, "share": share(total.vat, total.cost), "incl": incl_lines, "not_stated": not_stated}
