"""Warnings and points of attention, collected while computing, in Dutch and English."""

from __future__ import annotations

from decimal import Decimal

from bcalc.models import Notice
from bcalc.money import dec, en_number, fmt_money, fmt_percent, nl_number, num_str


def _m(value: Decimal, lang: str) -> str:
    return fmt_money(value, lang)


class Notices:
    def __init__(self) -> None:
        self._items: dict[tuple, Notice] = {}

    def add(self, code: str, nl: str, en: str, source: str = "") -> None:
        key = (code, nl)
        if key not in self._items:
            self._items[key] = Notice(code, nl, en, source)

    def all(self) -> tuple[Notice, ...]:
        return tuple(self._items.values())

    # -- prices ------------------------------------------------------------------------
    def price_used(self, product, item, price, end, value, source) -> None:
        where = f"{product.name}, {item.label} ({source})"
        if price.is_range:
            what = {"mid": ("het midden", "the midpoint"), "low": ("de onderkant", "the low end"),
                    "high": ("de bovenkant", "the high end")}[end]
            self.add("range", f"{where}: bron geeft {price.written}; {what[0]} {_m(value, 'nl')} gebruikt "
                              f"(--prices low|high voor de uiteinden)",
                     f"{where}: source gives {price.written}; {what[1]} {_m(value, 'en')} used "
                     f"(--prices low|high for the ends)", source)
        if price.approx:
            self.add("approx", f"{where}: bedrag is bij benadering ({price.written}); vraag een offerte",
                     f"{where}: amount is approximate ({price.written}); ask for a quote", source)

    def hours_used(self, product, line, price, end, value) -> None:
        where = f"{product.name}, {line.label} ({line.source})"
        if price.is_range:
            self.add("range", f"{where}: bron geeft {line.written}; {num_str(value)} uur per week gebruikt",
                     f"{where}: source gives {line.written}; {num_str(value)} hours per week used", line.source)
        if price.approx:
            self.add("approx", f"{where}: tijd is bij benadering ({line.written})",
                     f"{where}: time is approximate ({line.written})", line.source)

    def unvalued(self, product, line, hours) -> None:
        h, h_en = nl_number(dec(hours), 1), en_number(dec(hours), 1)
        self.add("unvalued", f"{product.name}, {line.label} ({line.source}): {h} uur {line.role} niet in de kosten; "
                             f"geef staff.{line.role}.rate (integrale kosten per uur)",
                 f"{product.name}, {line.label} ({line.source}): {h_en} hours {line.role} not in the "
                 f"cost; give staff.{line.role}.rate (loaded cost per hour)", line.source)

    def benefit_unvalued(self, benefit, hours) -> None:
        h, h_en = nl_number(hours, 1), en_number(hours, 1)
        self.add("benefit_unvalued", f"Baat '{benefit.label}': {h} uur {benefit.role} vrijgekomen maar niet in euro's; "
                                     f"geef staff.{benefit.role}.rate",
                 f"Benefit '{benefit.label}': {h_en} hours {benefit.role} freed but not valued; give "
                 f"staff.{benefit.role}.rate", benefit.source)

    def vendor_claim(self, benefit) -> None:
        self.add("vendor_claim", f"Baat '{benefit.label}' rust op een claim van de leverancier ({benefit.source}); "
                                 f"toets haar in de eigen praktijk",
                 f"Benefit '{benefit.label}' rests on a vendor claim ({benefit.source}); test it in your own practice",
                 benefit.source)

    def tier(self, product, item, tier, count) -> None:
        cond_nl, cond_en = [], []
        if tier.min_units is not None:
            cond_nl.append(f"vanaf {tier.min_units} stuks")
            cond_en.append(f"from {tier.min_units} units")
        if tier.min_years is not None:
            cond_nl.append(f"contract vanaf {tier.min_years} jaar")
            cond_en.append(f"contract of {tier.min_years} years or more")
        nl = " en ".join(cond_nl) or "overige gevallen"
        en = " and ".join(cond_en) or "all other cases"
        self.add("tier", f"{product.name}, {item.label}: staffelprijs {tier.price.written} ({nl}; "
                         f"{tier.label or ''}) bij {count} ({tier.source})".replace("; )", ")"),
                 f"{product.name}, {item.label}: tier price {tier.price.written} ({en}; {tier.label or ''}) "
                 f"at {count} ({tier.source})".replace("; )", ")"), tier.source)

    def currency(self, product, item, rate) -> None:
        self.add("fx", f"{product.name}, {item.label}: bedrag in {item.currency}, omgerekend tegen "
                       f"{nl_number(rate, 4)} euro per {item.currency} uit de case",
                 f"{product.name}, {item.label}: amount in {item.currency}, converted at {rate} euro per "
                 f"{item.currency} from the case", item.source)

    def no_quantity(self, product, item) -> None:
        self.add("quantity", f"{product.name}, {item.label} ({item.source}): niet meegeteld, de bron geeft geen "
                             f"aantal; geef het onder quantities.{item.id}",
                 f"{product.name}, {item.label} ({item.source}): not counted, the source gives no quantity; "
                 f"give it under quantities.{item.id}", item.source)

    def no_amount(self, product, item) -> None:
        self.add("no_amount", f"{product.name}, {item.label} ({item.source}): de bron noemt geen bedrag; "
                              f"niet meegeteld tot u het geeft onder prices.{item.id}",
                 f"{product.name}, {item.label} ({item.source}): the source names no amount; not counted "
                 f"until you give it under prices.{item.id}", item.source)

    def packs(self, product, item, needed, combo) -> None:
        if not combo:
            return
        nl = " + ".join(f"{n} x {size} st." for size, n in sorted(combo.items(), reverse=True))
        self.add("packs", f"{product.name}, {item.label}: {needed} stuks per periode, goedkoopst als {nl} "
                          f"({item.source})",
                 f"{product.name}, {item.label}: {needed} pieces per period, cheapest as {nl.replace('st.', 'pcs')} "
                 f"({item.source})", item.source)

    def ambiguous(self, product, item_id, label, note, source) -> None:
        self.add("ambiguous", f"{product.name}, {label} ({source}): bron is niet eenduidig. {note}".strip(),
                 f"{product.name}, {label} ({source}): the source is ambiguous; see the catalogue note "
                 f"(bcalc catalogue show {product.id}).", source)

    def vat_not_stated(self, product, item) -> None:
        self.add("vat_not_stated", f"{product.name}, {item.label} ({item.source}): btw niet vermeld; volgens de "
                                   f"documentregel (001:4084-4090) als exclusief btw gerekend",
                 f"{product.name}, {item.label} ({item.source}): VAT not stated; taken as excluding VAT by the "
                 f"document's rule (001:4084-4090)", item.source)

    def bound(self, product, item, bound) -> None:
        if bound == "max":
            self.add("bound", f"{product.name}, {item.label} ({item.source}): het bedrag is een maximum "
                              f"('maximaal'); onderhandel",
                     f"{product.name}, {item.label} ({item.source}): the amount is a maximum ('maximaal'); "
                     f"negotiate", item.source)
        else:
            self.add("bound", f"{product.name}, {item.label} ({item.source}): het bedrag is een minimum "
                              f"('vanaf'); het werkelijke bedrag kan hoger zijn",
                     f"{product.name}, {item.label} ({item.source}): the amount is a minimum ('vanaf'); the real "
                     f"amount may be higher", item.source)

    # -- case ------------------------------------------------------------------------
    def caps(self, case, rates, names) -> None:
        for dep, name in zip(case.deployments, names):
            if dep.index_cap is None:
                continue
            capped = [y for y, r in rates.items() if r > dep.index_cap]
            if capped:
                self.add("cap", f"{name}: prijsindexatie begrensd op {fmt_percent(dep.index_cap)} per jaar "
                                f"(contractafspraak, tip 001:295-297)",
                         f"{name}: price indexation capped at {fmt_percent(dep.index_cap, 'en')} a year "
                         f"(contract term, tip 001:295-297)", "001:295-297")

    def price_level(self, price_years, case) -> None:
        for y in price_years:
            if y < case.start_year:
                self.add("price_level", f"Catalogusprijzen zijn van prijspeil {y} en indicatief (001:4084-4090); "
                                        f"bcalc indexeert ze niet naar {case.start_year}. Gebruik offerteprijzen "
                                        f"(prices) waar u die hebt.",
                         f"Catalogue prices are at the {y} price level and indicative (001:4084-4090); bcalc does not "
                         f"index them to {case.start_year}. Use quoted prices (prices) where you have them.",
                         "001:4084-4090")
