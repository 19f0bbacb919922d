"""Warnings and points of attention, collected while computing, as codes with parameters.

Each method names one situation; the words for every code are in ``bcalc.messages``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from bcalc.core.tips import cite
from bcalc.models import Notice


class Notices:
    def __init__(self) -> None:
        self._items: dict[Notice, None] = {}

    def add(self, code: str, source: str = "", **params) -> None:
        """One notice; the same notice twice (same code, values and source) is kept once."""
        self._items.setdefault(Notice(code, params, source), None)

    def extend(self, notices) -> None:
        """Notices gathered elsewhere (a deployment planned in an earlier run), in their order."""
        for notice in notices:
            self._items.setdefault(notice, None)

    def all(self) -> tuple[Notice, ...]:
        return tuple(self._items)

    # -- prices ------------------------------------------------------------------------
    def price_used(self, product, item, price, end, value, source) -> None:
        if price.is_range:
            self.add("range", source, product=product.name, item=item.label, written=price.written, end=end,
                     value=value)
        if price.approx:
            self.add("approx", source, product=product.name, item=item.label, written=price.written)

    def hours_used(self, product, line, price, end, value) -> None:
        if price.is_range:
            self.add("range_hours", line.source, product=product.name, item=line.label, written=line.written,
                     end=end, value=value)
        if price.approx:
            self.add("approx_hours", line.source, product=product.name, item=line.label, written=line.written)

    def own_time(self, product, line, dep) -> None:
        """A time line the catalogue does not count, counted by the case as its own staff's time."""
        unit = "day" if line.days is not None else "day_part" if line.day_parts is not None else None
        per_day = dep.hours_per_day if unit == "day" else dep.hours_per_day_part if unit else None
        self.add("own_time", line.source, product=product.name, item=line.label, role=line.role,
                 written=line.written, per_day=per_day, unit=unit)

    def unvalued(self, product, line, hours) -> None:
        self.add("unvalued", line.source, product=product.name, item=line.label, hours=hours, role=line.role)

    def benefit_unvalued(self, benefit, hours) -> None:
        self.add("benefit_unvalued", benefit.source, benefit=benefit.label, hours=hours, role=benefit.role)

    def vendor_claim(self, benefit) -> None:
        self.add("vendor_claim", benefit.source, benefit=benefit.label)

    def tier(self, product, item, tier, count) -> None:
        self.add("tier", tier.source or item.source, product=product.name, item=item.label,
                 written=tier.price.written, price=tier.price.amount, min_units=tier.min_units,
                 min_years=tier.min_years, label=tier.label, count=count)

    def quote(self, product, item, dep, amount) -> None:
        """A price the case gives for a catalogue item: a quote, with what it says."""
        quote = dep.quotes.get(item.id)
        self.add("quote", quote.source if quote is not None else "", product=product.name, item=item.label,
                 price=amount, quoted=quote.vat if quote is not None and quote.vat else None,
                 year=quote.price_year if quote is not None else None)

    def own_line(self, product, line, year) -> None:
        """A cost line or time line the case file writes itself, with its source and price level."""
        self.add("own_line", line.source, product=product.name, item=line.label, year=year)

    def version(self, product, item, start, year) -> None:
        """A catalogue item with versions (a price list with a validity period): the version that applies in
        the case's start month, with its period, source line and price year."""
        self.add("catalogue_version", item.source, product=product.name, item=item.label, item_id=item.id,
                 valid_from=item.valid_from, valid_until=item.valid_until, start=start, year=year)

    def currency(self, product, item, rate) -> None:
        self.add("fx", item.source, product=product.name, item=item.label, currency=item.currency, rate=rate)

    def no_quantity(self, product, item) -> None:
        self.add("quantity", item.source, product=product.name, item=item.label, item_id=item.id)

    def no_amount(self, product, item) -> None:
        self.add("no_amount", item.source, product=product.name, item=item.label, item_id=item.id)

    def packs(self, product, item, needed, combo) -> None:
        if not combo:
            return
        self.add("packs", item.source, product=product.name, item=item.label, needed=needed,
                 packs=tuple((size, n) for size, n in sorted(combo.items(), reverse=True)))

    def ambiguous(self, product, item_id, label, note, source) -> None:
        self.add("ambiguous", source, product=product.name, product_id=product.id, item=label, note=note)

    def vat_not_stated(self, product, item) -> None:
        self.add("vat_not_stated", item.source, product=product.name, item=item.label, rule=cite("indicative"))

    def vat_read(self, product, item) -> None:
        self.add("vat_read", item.source, product=product.name, item=item.label, read=item.vat_read)

    def bound(self, product, item, bound) -> None:
        if bound == "max":
            self.add("bound_max", item.source, product=product.name, item=item.label)
        else:
            self.add("bound_min", item.source, product=product.name, item=item.label)

    # -- case ------------------------------------------------------------------------
    def caps(self, case, rates, names) -> None:
        for dep, name in zip(case.deployments, names):
            if dep.index_cap is None:
                continue
            capped = [y for y, r in rates.items() if r > dep.index_cap]
            if capped:
                self.add("cap", cite("cap"), deployment=name, cap=dep.index_cap)

    def price_level(self, price_years, case) -> None:
        for y in price_years:
            if y < case.start_year:
                self.add("price_level", cite("indicative"), year=y, start_year=case.start_year)

    def price_level_indexed(self, level, tariffs) -> None:
        """Catalogue prices brought to the year before the start; each year without a figure said."""
        sourced = [y for y in sorted(level.rates) if level.origins[y] == "source"]
        source = f"{tariffs.catalogue_index_label} {_span(sourced)}, {Path(tariffs.path or 'tariffs.yaml').name}" \
            if sourced else ""
        for p, factor in sorted(level.factors.items()):
            self.add("price_level_indexed", source, year=p, to_year=level.to_year, factor=factor,
                     rise=(factor - 1).quantize(Decimal("0.0001")))
        for y in sorted(level.rates):
            if level.origins[y] == "missing":
                self.add("catalogue_index_missing", year=y, to_year=level.to_year)
            elif level.origins[y] == "case":
                self.add("catalogue_index_case", year=y, rate=level.rates[y])

    def shared(self, product) -> None:
        self.add("shared", product=product.name)

    def funding_stop(self, year) -> None:
        self.add("funding_stop", year=year)

    def funding_exit(self) -> None:
        self.add("funding_exit")

    def funding_over(self, line, f_index: int, k: int, clients: int, in_use: int) -> None:
        """A funding line's own clients exceed the units in use in contract year ``k`` (0-based)."""
        self.add("funding_over_clients", funding=f_index + 1, label=line.label or line.code,
                 year=k + 1, clients=clients, in_use=in_use)


def _span(years) -> str:
    """2022-2025 for consecutive years, else 2022, 2024."""
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(str(y) for y in years)
