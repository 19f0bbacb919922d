"""What changed between two supplier catalogues: products, items and time lines added, removed or
changed, field by field, with the old and the new value (amount, price year, source line, ...).

For a new price list or a new source document: the purchaser reviews the difference before the new
catalogue replaces the old one. An item may have versions (the same id, periods valid_from /
valid_until that do not overlap): a version with a new period is a new version (``version``), shown
beside the version it follows, not a change in place; a version whose period alone changed (the old
price list closed with valid_until) is a change of that field. Pure: compares two loaded catalogues,
returns codes and values.
"""

from __future__ import annotations

from bcalc.models import Catalogue, Item, Product
from bcalc.record import record

# The fields compared, in the order they are shown; a note's wording is left out.
PRODUCT_FIELDS = ("name", "supplier", "need", "category", "innovation", "price_year", "source", "family")
ITEM_FIELDS = ("label", "category", "basis", "timing", "price", "tiers", "packs", "included", "currency", "vat",
               "vat_rate", "role", "options", "quantity", "tier_on", "from_year", "source", "ref", "ambiguous",
               "price_year", "valid_from", "valid_until")
# What makes two versions of an item the same figures: a version whose period alone changed
FIGURES = ("price", "tiers", "packs", "included", "currency", "source")
TIME_FIELDS = ("label", "category", "role", "per", "hours", "phases", "counted", "options", "written", "source",
               "ref", "ambiguous")


@record
class Change:
    what: str            # added, removed, changed, version (a new version of an item)
    product: str
    part: str            # product, item, time
    id: str              # the product's, item's or time line's id
    field: str = ""      # changed: which field
    old: object = None   # changed: the old value (a Price, Decimal, text, ...); removed: the old entry;
    #                      version: the Version it follows (None: none)
    new: object = None   # changed: the new value; added: the new entry; version: the new Version


@record
class Version:
    """A version of an item with the price year its figures are at (its own, else its product's)."""

    item: Item
    price_year: int


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


def _versions(items: tuple) -> dict[str, list[Item]]:
    out: dict[str, list[Item]] = {}
    for it in items:
        out.setdefault(it.id, []).append(it)
    return out


def _period(it: Item) -> tuple:
    return it.valid_from, it.valid_until


def _same_figures(a: Item, b: Item) -> bool:
    return all(getattr(a, name) == getattr(b, name) for name in FIGURES)


def _before(it: Item, others: list[Item]) -> Item | None:
    """The version among ``others`` that applies in the month before ``it`` begins."""
    if it.valid_from is None:
        return None
    year, month = int(it.valid_from[:4]), int(it.valid_from[5:])
    last = f"{year - 1:04d}-12" if month == 1 else f"{year:04d}-{month - 1:02d}"
    return next((o for o in others if o is not it and o.valid_at(last)), None)


def _items(pid: str, was: Product, product: Product) -> list[Change]:
    """The items of a product in both catalogues: added, removed or changed in place, and new versions.
    Versions of one id are paired by their period, then by their figures (the old price list, closed);
    a version left over in the new catalogue is a new version, shown with the one it follows."""
    before, after = _versions(was.items), _versions(product.items)
    out = [Change("removed", pid, "item", key, old=it) for key, found in before.items() if key not in after
           for it in found]
    for key, found in after.items():
        if key not in before:
            out += [Change("added", pid, "item", key, new=it) for it in found]
            continue
        left = list(before[key])
        pairs: list[tuple[Item, Item]] = []
        new_versions: list[Item] = []
        for it in found:
            same = next((o for o in left if _period(o) == _period(it)), None)
            if same is None:
                same = next((o for o in left if _same_figures(o, it)), None)
            if same is None:
                new_versions.append(it)
            else:
                left.remove(same)
                pairs.append((same, it))
        for o, it in pairs:
            out += _fields("item", pid, key, o, it, ITEM_FIELDS)
        for it in new_versions:
            prior = _before(it, found)  # in the new catalogue: with its period as it is now
            if prior is not None:
                follows = Version(prior, prior.price_year or product.price_year)
            elif left:  # an old version the new catalogue no longer has
                gone = left.pop(0)
                follows = Version(gone, gone.price_year or was.price_year)
            else:
                follows = None
            out.append(Change("version", pid, "item", key, old=follows,
                              new=Version(it, it.price_year or product.price_year)))
        out += [Change("removed", pid, "item", key, old=o) for o in left]
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
        out += _items(pid, was, product)
        out += _entries("time", pid, was.time, product.time, TIME_FIELDS)
    out += [Change("removed", pid, "product", pid, old=p) for pid, p in old.products.items() if pid not in new.products]
    return tuple(out)


__all__ = ["Change", "Version", "catalogue_diff"]
