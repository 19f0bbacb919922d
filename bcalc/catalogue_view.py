"""What `bcalc catalogue` and `bcalc funding` show."""

from __future__ import annotations

import json
import sys
from decimal import Decimal

from rich.markup import escape

from bcalc.errors import InputError, Problem
from bcalc.models import Item, Price, Product
from bcalc.money import nl_number, num_str


def _price_text(item: Item) -> str:
    if item.included:
        return "inclusief"
    if item.tiers:
        return " / ".join(f"{t.price.written}" + (f" (≥{t.min_units})" if t.min_units else "") for t in item.tiers)
    if item.packs:
        return " / ".join(f"{p.price.written} ({p.size} st.)" for p in item.packs)
    if item.price is None:
        return "geen bedrag"
    text = item.price.written
    if item.price.bound == "max":
        text += " (maximaal)"
    return text


def _price_json(price: Price | None) -> dict | None:
    if price is None:
        return None
    out: dict = {"written": price.written}
    if price.amount is not None:
        out["amount"] = num_str(price.amount)
    if price.is_range:
        out["low"], out["high"] = num_str(price.low), num_str(price.high)
    if price.approx:
        out["approx"] = True
    if price.bound:
        out["bound"] = price.bound
    return out


def _product_json(p: Product) -> dict:
    return {
        "id": p.id, "name": p.name, "supplier": p.supplier, "need": p.need, "category": p.category,
        "innovation": p.innovation, "source": p.source, "price_year": p.price_year, "family": p.family, "note": p.note,
        "choices": [{"id": c.id, "label": c.label, "options": list(c.options), "default": c.default,
                     "required": c.required} for c in p.choices],
        "items": [{
            "id": it.id, "ref": it.ref, "label": it.label, "category": it.category, "basis": it.basis,
            "role": it.role, "timing": it.timing, "price": _price_json(it.price), "included": it.included,
            "tiers": [{"ref": t.ref, "label": t.label, "min_units": t.min_units, "min_years": t.min_years,
                       "price": _price_json(t.price), "source": t.source} for t in it.tiers],
            "packs": [{"size": pk.size, "price": _price_json(pk.price)} for pk in it.packs],
            "currency": it.currency, "vat": it.vat, "options": list(it.options),
            "quantity": num_str(it.quantity) if it.quantity is not None else None,
            "source": it.source, "note": it.note, "ambiguous": it.ambiguous,
        } for it in p.items],
        "time": [{
            "id": t.id, "ref": t.ref, "label": t.label, "written": t.written, "role": t.role, "per": t.per,
            "category": t.category, "counted": t.counted, "source": t.source, "note": t.note,
            "ambiguous": t.ambiguous,
        } for t in p.time],
    }


def list_products(directory, category, need, fmt, console_factory) -> None:
    from bcalc.loader import load_catalogue

    cat = load_catalogue(directory)
    products = [p for p in cat.products.values()
                if (category is None or p.category.lower() == category.lower())
                and (need is None or p.need == need)]
    if not products:
        known_c = sorted({p.category for p in cat.products.values()})
        known_n = sorted({p.need for p in cat.products.values()})
        what = f"category '{category}'" if category else f"need '{need}'"
        field = "--category" if category else "--need"
        raise InputError([Problem("bcalc", None, field, f"no product with {what}; categories: "
                                  f"{', '.join(known_c)}; needs: {', '.join(known_n)}")])
    if fmt == "json":
        sys.stdout.write(json.dumps([{k: v for k, v in _product_json(p).items() if k not in ("items", "time", "choices")}
                                     for p in products], ensure_ascii=False, indent=2) + "\n")
        return
    from rich.table import Table

    table = Table(header_style="bold", title=f"{len(products)} producten (prijspeil {products[0].price_year}, "
                                             f"indicatief, excl. btw tenzij vermeld)", title_justify="left")
    for col in ("id", "product (leverancier)", "behoefte", "bron"):
        table.add_column(col)
    for p in products:
        table.add_row(p.id, f"{p.name} ({p.supplier})", p.need, p.source)
    console_factory().print(table)


def _find_product(cat, product_id):
    if cat.product(product_id) is None:
        from bcalc.reader import closest

        hint = closest(product_id, tuple(cat.products))
        raise InputError([Problem("bcalc", None, "product", f"unknown product '{product_id}'"
                                  + (f"; did you mean '{hint}'?" if hint else "; see `bcalc catalogue list`"))])
    return cat.product(product_id)


def show_product(directory, product_id, fmt, console_factory) -> None:
    from bcalc.loader import load_catalogue

    cat = load_catalogue(directory)
    p = _find_product(cat, product_id)
    if fmt == "json":
        sys.stdout.write(json.dumps(_product_json(p), ensure_ascii=False, indent=2) + "\n")
        return
    console = console_factory()
    console.print(f"[bold]{escape(p.name)}[/bold] " + escape(f"({p.supplier}) · {p.category} · behoefte {p.need} · "
                  f"innovatie {p.innovation} · bron {p.source} · prijspeil {p.price_year}"), highlight=False)
    if p.note:
        console.print(p.note, style="dim", markup=False, highlight=False)
    console.print("\n[bold]Kosten[/bold] (bedrag zoals in de bron; btw zoals vermeld)")
    for it in p.items:
        amount = _price_text(it) + ("" if it.currency == "EUR" else f" {it.currency}")
        vat = {"excl": "excl. btw", "incl": "incl. btw", "not_stated": "btw niet vermeld"}[it.vat]
        head = f"  {it.id:<24} {amount:<22} {vat}"
        console.print(head + ("  ⚠ niet eenduidig" if it.ambiguous else ""), markup=False, highlight=False)
        what = f"{BASIS_NL.get(it.basis, it.basis)}{' (' + it.role + ')' if it.role else ''}, {TIMING_NL.get(it.timing, it.timing)}"
        extra = f" · vanaf contractjaar {it.from_year}" if it.from_year > 1 else ""
        opt = f" · optie {', '.join(it.options)}" if it.options else ""
        console.print(f"      {it.label} · {what} · {CATEGORY_NL[it.category]}{extra}{opt} · "
                      f"{it.ref or ''} {it.source}", style="dim", markup=False, highlight=False)
    if p.time:
        console.print("\n[bold]Tijdsinvestering[/bold]")
        for t in p.time:
            who = f"{t.role or '-'}, {PER_NL[t.per]}"
            counted = "" if t.counted else " · niet meegeteld"
            console.print(f"  {t.id:<24} {t.written}" + ("  ⚠ niet eenduidig" if t.ambiguous else ""),
                          markup=False, highlight=False)
            console.print(f"      {t.label} · {who} · {CATEGORY_NL[t.category]}{counted} · {t.ref or ''} "
                          f"{t.source}", style="dim", markup=False, highlight=False)
    if p.choices:
        console.print("\n[bold]Keuzes[/bold] (in de case onder options)")
        for c in p.choices:
            extra = f"standaard {c.default}" if c.default else ("verplicht" if c.required else "optioneel")
            console.print(f"  {c.id}: {' | '.join(c.options)} ({extra}) · {c.label}", markup=False, highlight=False)
    notes = [(it.id, it.note) for it in p.items if it.note] + [(t.id, t.note) for t in p.time if t.note]
    if notes:
        console.print("\n[bold]Toelichting[/bold]")
        for key, note in notes:
            console.print(f" • {key}: {note}", markup=False, highlight=False)


UNIT_NL = {"hour": "uur", "day": "dag", "amount": "bedrag"}
BASIS_NL = {"unit": "per stuk/cliënt", "deployment": "per inzet", "organisation": "per organisatie",
            "team": "per team", "role": "per medewerker", "hour": "per uur", "minute": "per minuut",
            "pack": "per verpakking", "piece": "per stuk (aantal in de case)"}
TIMING_NL = {"one_off": "eenmalig", "per_new_unit": "bij elke nieuwe plaatsing", "at_removal": "bij ophalen",
             "monthly": "per maand", "yearly": "per jaar", "daily": "per dag"}
CATEGORY_NL = {"one_off": "eenmalige kosten", "recurring": "terugkerende kosten", "training": "training", "internal": "interne uren"}
PER_NL = {"head": "per persoon", "organisation": "per organisatie", "team": "per team"}


def list_funding(directory, fmt, console_factory) -> None:
    from bcalc.loader import load_tariffs

    tariffs = load_tariffs(directory)
    codes = list(tariffs.funding.values())
    if fmt == "json":
        sys.stdout.write(json.dumps([_code_json(c) for c in codes], ensure_ascii=False, indent=2) + "\n")
        return
    from rich.table import Table

    table = Table(header_style="bold", title="Financieringsroutes", title_justify="left")
    for col in ("code", "domein", "naam", "eenheid", "tarief", "bron"):
        table.add_column(col)
    for c in codes:
        table.add_row(c.code, c.domain, c.name, UNIT_NL.get(c.unit, c.unit), _tariff_text(c.tariffs, c.kind), c.source)
    console_factory().print(table)


def _tariff_text(tariffs: dict[int, Decimal], kind: str = "hourly") -> str:
    if not tariffs and kind == "subsidy":
        return "bedrag uit de subsidiebeschikking: geef het in de case"
    if not tariffs:
        return "geen publiek tarief: geef het gecontracteerde tarief in de case"
    return ", ".join(f"{y}: € {nl_number(v)}" for y, v in sorted(tariffs.items()))


def _code_json(c) -> dict:
    return {"code": c.code, "kind": c.kind, "domain": c.domain, "name": c.name, "unit": c.unit,
            "definition": c.definition, "tariff": {str(y): num_str(v) for y, v in c.tariffs.items()} or None,
            "source": c.source, "note": c.note}


def show_funding(directory, code, fmt, console_factory) -> None:
    from bcalc.loader import load_tariffs
    from bcalc.models import named

    tariffs = load_tariffs(directory)
    match = named(tariffs.funding, code)
    if match is None:
        from bcalc.reader import closest

        hint = closest(code, tuple(tariffs.funding))
        known = ", ".join(tariffs.funding)
        raise InputError([Problem("bcalc", None, "code", f"unknown funding code '{code}'"
                                  + (f"; did you mean '{hint}'? (known: {known})" if hint else f"; known: {known}"))])
    if fmt == "json":
        sys.stdout.write(json.dumps(_code_json(match), ensure_ascii=False, indent=2) + "\n")
        return
    console = console_factory()
    console.print(f"[bold]{escape(match.code)}[/bold] " + escape(f"· {match.name} · {match.domain}"))
    console.print(f"Eenheid: {UNIT_NL.get(match.unit, match.unit)}", markup=False)
    console.print(f"Tarief: {_tariff_text(match.tariffs, match.kind)}", markup=False)
    console.print(f"\n{match.definition}", markup=False)
    if match.note:
        console.print(f"\n{match.note}", style="dim", markup=False)
    console.print(f"\nBron: {match.source}", markup=False)
    usage = {"hourly": f"In een case:\n  funding:\n    - code: {match.code}\n      clients: 20\n      hours_per_month: 1.5\n"
                       f"      tariff: <gecontracteerd tarief per uur>",
             "vpt": "In een case:\n  funding:\n    - code: VPT\n      clients: 10\n      day_rate: <dagtarief>\n"
                    "      technology_share: 2%",
             "subsidy": "In een case:\n  funding:\n    - code: subsidy\n      label: <naam regeling>\n"
                        "      amount: <bedrag>\n      year: 1"}[match.kind]
    console.print(f"\n{usage}", markup=False, style="dim")
