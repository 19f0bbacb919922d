"""What changed between two supplier catalogues: products, items and time lines added, removed or
changed, field by field, with the old and the new value (amount, price year, source line, ...).

For a new price list or a new source document: the purchaser reviews the difference before the new
catalogue replaces the old one. Pure: compares two loaded catalogues, returns codes and values.
"""

from __future__ import annotations

from bcalc.models import Catalogue, Product
from bcalc.record import record

# The fields compared, in the order they are shown; a note's wording is left out.
PRODUCT_FIELDS = ("name", "supplier", "need", "category", "innovation", "price_year", "source", "family")
ITEM_FIELDS = ("label", "category", "basis", "timing", "price", "tiers", "packs", "included", "currency", "vat",
               "vat_rate", "role", "options", "quantity", "tier_on", "from_year", "source", "ref", "ambiguous")
TIME_FIELDS = ("label", "category", "role", "per", "hours", "phases", "counted", "options", "written", "source",
               "ref", "ambiguous")


@record
class Change:
    what: str            # added, removed, changed
    product: str
    part: str            # product, item, time
    id: str              # the product's, item's or time line's id
    field: str = ""      # changed: which field
    old: object = None   # changed: the old value (a Price, Decimal, text, ...); removed: the old entry
    new: object = None   # changed: the new value; added: the new entry


def _fields(part: str, product: str, key: str, old, new, names) -> list[Change]:
    return [Change("changed", product, part, key, name, getattr(old, name), getattr(new, name))
            for name in names if getattr(old, name) != getattr(new, name)]


def _entries(part: str, product: str, old: tuple, new: tuple, names) -> list[Change]:
    before, after = {e.id: e for e in old}, {e.id: e for e in new}
    out = [Change("removed", product, part, key, old=entry) for key, entry in before.items() if key not in after]
    for key, entry in after.items():
        if key not in before:
            out.append(Change("added", product, part, key, new=entry))
        else:
            out += _fields(part, product, key, before[key], entry, names)
    return out


def catalogue_diff(old: Catalogue, new: Catalogue) -> tuple[Change, ...]:
    """Every difference, product by product in the new catalogue's order (removed products last)."""
    out: list[Change] = []
    for pid, product in new.products.items():
        was: Product | None = old.products.get(pid)
        if was is None:
            out.append(Change("added", pid, "product", pid, new=product))
            continue
        out += _fields("product", pid, pid, was, product, PRODUCT_FIELDS)
        out += _entries("item", pid, was.items, product.items, ITEM_FIELDS)
        out += _entries("time", pid, was.time, product.time, TIME_FIELDS)
    out += [Change("removed", pid, "product", pid, old=p) for pid, p in old.products.items() if pid not in new.products]
    return tuple(out)


__all__ = ["Change", "catalogue_diff"]
