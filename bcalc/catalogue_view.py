"""What `bcalc catalogue` and `bcalc funding` show."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

from rich.markup import escape

from bcalc.errors import InputError, Problem
from bcalc.models import Item, Price, Product
from bcalc.money import en_number, nl_number, num_str

WORDS = {
    "nl": {
        "included": "inclusief", "pieces": "st.", "no_amount": "geen bedrag", "max": "maximaal",
        "list_title": "{n} producten (prijspeil {year}, indicatief, excl. btw tenzij vermeld)",
        "list_cols": ("id", "product (leverancier)", "behoefte", "bron"),
        "need": "behoefte", "innovation": "innovatie", "source": "bron", "price_year": "prijspeil",
        "costs": "Kosten", "costs_note": "(bedrag zoals in de bron; btw zoals vermeld)",
        "vat": {"excl": "excl. btw", "incl": "incl. btw", "not_stated": "btw niet vermeld"},
        "ambiguous": "niet eenduidig", "from_year": "vanaf contractjaar {year}", "option": "optie",
        "time": "Tijdsinvestering", "not_counted": "niet meegeteld",
        "choices": "Keuzes", "choices_note": "(in de case onder options)",
        "default": "standaard {option}", "required": "verplicht", "optional": "optioneel",
        "notes": "Toelichting",
        "unit": {"hour": "uur", "day": "dag", "amount": "bedrag"},
        "basis": {"unit": "per stuk/cliënt", "deployment": "per inzet", "organisation": "per organisatie",
                  "team": "per team", "role": "per medewerker", "hour": "per uur", "minute": "per minuut",
                  "pack": "per verpakking", "piece": "per stuk (aantal in de case)"},
        "timing": {"one_off": "eenmalig", "per_new_unit": "bij elke nieuwe plaatsing", "at_removal": "bij ophalen",
                   "monthly": "per maand", "yearly": "per jaar", "daily": "per dag"},
        "category": {"one_off": "eenmalige kosten", "recurring": "terugkerende kosten", "training": "training",
                     "internal": "interne uren"},
        "per": {"head": "per persoon", "organisation": "per organisatie", "team": "per team"},
        "funding_title": "Financieringsroutes",
        "funding_cols": ("code", "domein", "naam", "eenheid", "tarief", "bron"),
        "subsidy_tariff": "bedrag uit de subsidiebeschikking: geef het in de case",
        "no_tariff": "geen publiek tarief: geef het gecontracteerde tarief in de case",
        "unit_line": "Eenheid", "tariff_line": "Tarief", "source_line": "Bron", "in_a_case": "In een case:",
        "contracted_tariff": "<gecontracteerd tarief per uur>", "day_rate": "<dagtarief>",
        "scheme": "<naam regeling>", "amount": "<bedrag>",
        "diff_title": "Verschillen tussen {old} en {new}",
        "diff_none": "Geen verschillen tussen {old} en {new}.",
        "diff_cols": ("product", "wat", "id", "veld", "oud", "nieuw"),
        "diff_what": {"added": "nieuw", "removed": "weg", "changed": "gewijzigd", "version": "nieuwe versie"},
        "diff_part": {"product": "product", "item": "kostenpost", "time": "tijdregel"},
        "yes": "ja", "no": "nee", "per_week": "u/week",
        "valid": {"from": "geldig vanaf {valid_from}", "until": "geldig t/m {valid_until}",
                  "both": "geldig {valid_from} t/m {valid_until}"},
        "no_version": "(geen eerdere versie)",
    },
    "en": {
        "included": "included", "pieces": "pcs", "no_amount": "no amount", "max": "at most",
        "list_title": "{n} products (prices of {year}, indicative, excl. VAT unless stated)",
        "list_cols": ("id", "product (supplier)", "need", "source"),
        "need": "need", "innovation": "innovation", "source": "source", "price_year": "price year",
        "costs": "Costs", "costs_note": "(amount as in the source; VAT as stated)",
        "vat": {"excl": "excl. VAT", "incl": "incl. VAT", "not_stated": "VAT not stated"},
        "ambiguous": "ambiguous", "from_year": "from contract year {year}", "option": "option",
        "time": "Time investment", "not_counted": "not counted",
        "choices": "Choices", "choices_note": "(in the case under options)",
        "default": "default {option}", "required": "required", "optional": "optional",
        "notes": "Notes",
        "unit": {"hour": "hour", "day": "day", "amount": "amount"},
        "basis": {"unit": "per unit/client", "deployment": "per placement", "organisation": "per organisation",
                  "team": "per team", "role": "per employee", "hour": "per hour", "minute": "per minute",
                  "pack": "per pack", "piece": "per piece (count in the case)"},
        "timing": {"one_off": "one-off", "per_new_unit": "at each new placement", "at_removal": "at collection",
                   "monthly": "per month", "yearly": "per year", "daily": "per day"},
        "category": {"one_off": "one-off costs", "recurring": "recurring costs", "training": "training",
                     "internal": "internal hours"},
        "per": {"head": "per person", "organisation": "per organisation", "team": "per team"},
        "funding_title": "Funding routes",
        "funding_cols": ("code", "domain", "name", "unit", "tariff", "source"),
        "subsidy_tariff": "amount from the grant decision: give it in the case",
        "no_tariff": "no public tariff: give the contracted tariff in the case",
        "unit_line": "Unit", "tariff_line": "Tariff", "source_line": "Source", "in_a_case": "In a case:",
        "contracted_tariff": "<contracted tariff per hour>", "day_rate": "<day rate>",
        "scheme": "<name of the scheme>", "amount": "<amount>",
        "diff_title": "Differences between {old} and {new}",
        "diff_none": "No differences between {old} and {new}.",
        "diff_cols": ("product", "what", "id", "field", "old", "new"),
        "diff_what": {"added": "added", "removed": "removed", "changed": "changed", "version": "new version"},
        "diff_part": {"product": "product", "item": "cost item", "time": "time line"},
        "yes": "yes", "no": "no", "per_week": "h/week",
        "valid": {"from": "valid from {valid_from}", "until": "valid until {valid_until}",
                  "both": "valid {valid_from} to {valid_until}"},
        "no_version": "(no earlier version)",
    },
}



def _price_text(item: Item, W: dict) -> str:
    if item.included:
        return W["included"]
    if item.tiers:
        return " / ".join(f"{t.price.written}" + (f" (≥{t.min_units})" if t.min_units else "") for t in item.tiers)
    if item.packs:
        return " / ".join(f"{p.price.written} ({p.size} {W['pieces']})" for p in item.packs)
    if item.price is None:
        return W["no_amount"]
    text = item.price.written
    if item.price.bound == "max":
        text += f" ({W['max']})"
    return text


def _valid_text(item: Item, W: dict) -> str:
    """The period of a version of an item ("geldig vanaf 2027-07"); "" for an item without one."""
    if not item.versioned:
        return ""
    key = "both" if item.valid_from and item.valid_until else "from" if item.valid_from else "until"
    return W["valid"][key].format(valid_from=item.valid_from, valid_until=item.valid_until)


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


def _tier_json(t) -> dict:
    return {"ref": t.ref, "label": t.label, "min_units": t.min_units, "min_years": t.min_years,
            "price": _price_json(t.price), "source": t.source}


def _pack_json(pk) -> dict:
    return {"size": pk.size, "price": _price_json(pk.price)}


def _item_json(it: Item) -> dict:
    return {
        "id": it.id, "ref": it.ref, "label": it.label, "category": it.category, "basis": it.basis,
        "role": it.role, "timing": it.timing, "price": _price_json(it.price), "included": it.included,
        "tiers": [_tier_json(t) for t in it.tiers], "packs": [_pack_json(pk) for pk in it.packs],
        "currency": it.currency, "vat": it.vat, "options": list(it.options),
        "quantity": num_str(it.quantity) if it.quantity is not None else None,
        "source": it.source, "note": it.note, "ambiguous": it.ambiguous,
        "price_year": it.price_year, "valid_from": it.valid_from, "valid_until": it.valid_until,
    }


def _time_json(t) -> dict:
    return {"id": t.id, "ref": t.ref, "label": t.label, "written": t.written, "role": t.role, "per": t.per,
            "category": t.category, "counted": t.counted, "hours": _hours_json(t.hours),
            "phases": [{"hours_per_week": _hours_json(ph.hours_per_week),
                        "weeks": num_str(ph.weeks) if ph.weeks is not None else None,
                        "months": num_str(ph.months) if ph.months is not None else None} for ph in t.phases],
            "days": num_str(t.days) if t.days is not None else None,
            "day_parts": num_str(t.day_parts) if t.day_parts is not None else None,
            "source": t.source, "note": t.note, "ambiguous": t.ambiguous}


def _hours_json(price) -> dict | None:
    """Hours (or hours a week) as the catalogue gives them: a figure or a range."""
    if price is None:
        return None
    if price.is_range:
        return {"low": num_str(price.low), "high": num_str(price.high)}
    return {"amount": num_str(price.amount)}


def _product_json(p: Product) -> dict:
    return {
        "id": p.id, "name": p.name, "supplier": p.supplier, "need": p.need, "category": p.category,
        "innovation": p.innovation, "source": p.source, "price_year": p.price_year, "family": p.family, "note": p.note,
        "choices": [{"id": c.id, "label": c.label, "options": list(c.options), "default": c.default,
                     "required": c.required} for c in p.choices],
        "items": [_item_json(it) for it in p.items],
        "time": [_time_json(t) for t in p.time],
    }


def list_products(directory, category, need, fmt, console_factory, lang: str = "nl") -> None:
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

    W = WORDS[lang]
    table = Table(header_style="bold", title=W["list_title"].format(n=len(products), year=products[0].price_year),
                  title_justify="left")
    for col in W["list_cols"]:
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


def show_product(directory, product_id, fmt, console_factory, lang: str = "nl") -> None:
    from bcalc.loader import load_catalogue

    cat = load_catalogue(directory)
    p = _find_product(cat, product_id)
    if fmt == "json":
        sys.stdout.write(json.dumps(_product_json(p), ensure_ascii=False, indent=2) + "\n")
        return
    W = WORDS[lang]
    console = console_factory()
    console.print(f"[bold]{escape(p.name)}[/bold] " + escape(f"({p.supplier}) · {p.category} · {W['need']} {p.need} · "
                  f"{W['innovation']} {p.innovation} · {W['source']} {p.source} · {W['price_year']} {p.price_year}"),
                  highlight=False)
    if p.note:
        console.print(p.note, style="dim", markup=False, highlight=False)
    console.print(f"\n[bold]{W['costs']}[/bold] {W['costs_note']}")
    for it in p.items:
        amount = _price_text(it, W) + ("" if it.currency == "EUR" else f" {it.currency}")
        head = f"  {it.id:<24} {amount:<22} {W['vat'][it.vat]}"
        console.print(head + (f"  ⚠ {W['ambiguous']}" if it.ambiguous else ""), markup=False, highlight=False)
        what = (f"{W['basis'].get(it.basis, it.basis)}{' (' + it.role + ')' if it.role else ''}, "
                f"{W['timing'].get(it.timing, it.timing)}")
        extra = " · " + W["from_year"].format(year=it.from_year) if it.from_year > 1 else ""
        opt = f" · {W['option']} {', '.join(it.options)}" if it.options else ""
        version = f" · {_valid_text(it, W)}" if it.versioned else ""
        year = f" · {W['price_year']} {it.price_year}" if it.price_year and it.price_year != p.price_year else ""
        console.print(f"      {it.label} · {what} · {W['category'][it.category]}{extra}{opt} · "
                      f"{it.ref or ''} {it.source}{year}{version}", style="dim", markup=False, highlight=False)
    if p.time:
        console.print(f"\n[bold]{W['time']}[/bold]")
        for t in p.time:
            who = f"{t.role or '-'}, {W['per'][t.per]}"
            counted = "" if t.counted else f" · {W['not_counted']}"
            console.print(f"  {t.id:<24} {t.written}" + (f"  ⚠ {W['ambiguous']}" if t.ambiguous else ""),
                          markup=False, highlight=False)
            console.print(f"      {t.label} · {who} · {W['category'][t.category]}{counted} · {t.ref or ''} "
                          f"{t.source}", style="dim", markup=False, highlight=False)
    if p.choices:
        console.print(f"\n[bold]{W['choices']}[/bold] {W['choices_note']}")
        for c in p.choices:
            extra = W["default"].format(option=c.default) if c.default else (W["required"] if c.required
                                                                               else W["optional"])
            console.print(f"  {c.id}: {' | '.join(c.options)} ({extra}) · {c.label}", markup=False, highlight=False)
    notes = [(it.id, it.note) for it in p.items if it.note] + [(t.id, t.note) for t in p.time if t.note]
    if notes:
        console.print(f"\n[bold]{W['notes']}[/bold]")
        for key, note in notes:
            console.print(f" • {key}: {note}", markup=False, highlight=False)


def list_funding(directory, fmt, console_factory, lang: str = "nl") -> None:
    from bcalc.loader import load_tariffs

    tariffs = load_tariffs(directory)
    codes = list(tariffs.funding.values())
    if fmt == "json":
        sys.stdout.write(json.dumps([_code_json(c) for c in codes], ensure_ascii=False, indent=2) + "\n")
        return
    from rich.table import Table

    W = WORDS[lang]
    table = Table(header_style="bold", title=W["funding_title"], title_justify="left")
    for col in W["funding_cols"]:
        table.add_column(col)
    for c in codes:
        table.add_row(c.code, c.domain, c.name, W["unit"].get(c.unit, c.unit), _tariff_text(c.tariffs, W, lang, c.kind),
                      c.source)
    console_factory().print(table)


def _tariff_text(tariffs: dict[int, Decimal], W: dict, lang: str, kind: str = "hourly") -> str:
    if not tariffs and kind == "subsidy":
        return W["subsidy_tariff"]
    if not tariffs:
        return W["no_tariff"]
    number = nl_number if lang == "nl" else en_number
    return ", ".join(f"{y}: € {number(v)}" for y, v in sorted(tariffs.items()))


def _code_json(c) -> dict:
    return {"code": c.code, "kind": c.kind, "domain": c.domain, "name": c.name, "unit": c.unit,
            "definition": c.definition, "tariff": {str(y): num_str(v) for y, v in c.tariffs.items()} or None,
            "source": c.source, "note": c.note}


def show_funding(directory, code, fmt, console_factory, lang: str = "nl") -> None:
    from bcalc.loader import load_tariffs

    tariffs = load_tariffs(directory)
    match = tariffs.code(code)
    if match is None:
        from bcalc.reader import closest

        hint = closest(code, tuple(tariffs.funding))
        known = ", ".join(tariffs.funding)
        raise InputError([Problem("bcalc", None, "code", f"unknown funding code '{code}'"
                                  + (f"; did you mean '{hint}'? (known: {known})" if hint else f"; known: {known}"))])
    if fmt == "json":
        sys.stdout.write(json.dumps(_code_json(match), ensure_ascii=False, indent=2) + "\n")
        return
    W = WORDS[lang]
    console = console_factory()
    console.print(f"[bold]{escape(match.code)}[/bold] " + escape(f"· {match.name} · {match.domain}"))
    console.print(f"{W['unit_line']}: {W['unit'].get(match.unit, match.unit)}", markup=False)
    console.print(f"{W['tariff_line']}: {_tariff_text(match.tariffs, W, lang, match.kind)}", markup=False)
    console.print(f"\n{match.definition}", markup=False)
    if match.note:
        console.print(f"\n{match.note}", style="dim", markup=False)
    console.print(f"\n{W['source_line']}: {match.source}", markup=False)
    usage = {"hourly": f"  funding:\n    - code: {match.code}\n      clients: 20\n      hours_per_month: 1.5\n"
                       f"      tariff: {W['contracted_tariff']}",
             "vpt": f"  funding:\n    - code: VPT\n      clients: 10\n      day_rate: {W['day_rate']}\n"
                    "      technology_share: 2%",
             "subsidy": f"  funding:\n    - code: subsidy\n      label: {W['scheme']}\n"
                        f"      amount: {W['amount']}\n      year: 1"}[match.kind]
    console.print(f"\n{W['in_a_case']}\n{usage}", markup=False, style="dim")


# ---- catalogue diff ---------------------------------------------------------------------------------


def _catalogue_dir(path: Path) -> Path:
    """A catalogue folder, or the folder of a suppliers.yaml named directly."""
    path = Path(path)
    return path.parent if path.suffix in (".yaml", ".yml") else path


def _shown(value, W: dict) -> str:
    """A changed value as a reader wants to see it: a price as written in the source, with its amount."""
    from bcalc.models import Pack, Phase, Price, Tier

    if value is None:
        return "-"
    if isinstance(value, bool):
        return W["yes"] if value else W["no"]
    if isinstance(value, Decimal):
        return num_str(value)
    if isinstance(value, Price):
        figure = value.amount if value.amount is not None else (f"{num_str(value.low)}-{num_str(value.high)}"
                                                                if value.is_range else None)
        figure = num_str(figure) if isinstance(figure, Decimal) else figure
        return " ".join(x for x in (value.written, f"({figure})" if figure is not None else "") if x) or "-"
    if isinstance(value, Tier):
        cond = [f"≥{value.min_units}" if value.min_units else "", f"≥{value.min_years}j" if value.min_years else ""]
        return _shown(value.price, W) + (f" ({', '.join(c for c in cond if c)})" if any(cond) else "")
    if isinstance(value, Pack):
        return f"{_shown(value.price, W)} ({value.size} {W['pieces']})"
    if isinstance(value, Phase):
        span = value.weeks if value.weeks is not None else value.months
        return f"{_shown(value.hours_per_week, W)} {W['per_week']}" + (f" x {num_str(span)}" if span is not None else "")
    if isinstance(value, tuple):
        return " / ".join(_shown(v, W) for v in value) or "-"
    return str(value)


def _version_text(version, W: dict) -> str:
    """A version of an item in the diff: its amount as written and as a number, price year, source line
    and period."""
    if version is None:
        return W["no_version"]
    it = version.item
    figure = _shown(it.price, W) if it.price is not None else _price_text(it, W)
    parts = [figure, f"{W['price_year']} {version.price_year}", it.source, _valid_text(it, W)]
    return " · ".join(x for x in parts if x)


def _version_json(version) -> dict | None:
    if version is None:
        return None
    return {**_item_json(version.item), "price_year": version.price_year}


def _entry_text(change, W: dict) -> str:
    entry = change.new if change.what == "added" else change.old
    if change.part == "product":
        return f"{entry.name} ({entry.supplier}) · {W['price_year']} {entry.price_year} · {entry.source}"
    if change.part == "item":
        valid = f" · {_valid_text(entry, W)}" if entry.versioned else ""
        return f"{entry.label} · {_price_text(entry, W)} · {entry.source}{valid}"
    return f"{entry.label} · {entry.written or _shown(entry.hours, W)} · {entry.source}"


def _plain(value):
    """A changed value for JSON, as `catalogue show --format json` writes it: numbers as text,
    prices, tiers and packs as mappings."""
    from bcalc.models import Pack, Phase, Tier

    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, Decimal):
        return num_str(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Price):
        return _price_json(value)
    if isinstance(value, Tier):
        return _tier_json(value)
    if isinstance(value, Pack):
        return _pack_json(value)
    if isinstance(value, Phase):
        return {"hours_per_week": _price_json(value.hours_per_week), "weeks": _plain(value.weeks),
                "months": _plain(value.months)}
    return str(value)


def _entry_json(change) -> dict:
    """An added or removed product, item or time line, as `catalogue show --format json` writes it."""
    entry = change.new if change.what == "added" else change.old
    return {"product": _product_json, "item": _item_json, "time": _time_json}[change.part](entry)


def diff_catalogues(old, new, fmt, console_factory, lang: str = "nl") -> None:
    from bcalc.core.catalogue_diff import catalogue_diff
    from bcalc.loader import load_catalogue

    old_dir, new_dir = _catalogue_dir(old), _catalogue_dir(new)
    problems = []
    loaded = []
    for folder in (old_dir, new_dir):
        try:
            loaded.append(load_catalogue(folder))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    changes = catalogue_diff(*loaded)
    if fmt == "json":
        rows = [{"what": c.what, "product": c.product, "part": c.part, "id": c.id, "field": c.field or None,
                 "old": _version_json(c.old) if c.what == "version" else _entry_json(c) if c.what == "removed"
                 else _plain(c.old),
                 "new": _version_json(c.new) if c.what == "version" else _entry_json(c) if c.what == "added"
                 else _plain(c.new)} for c in changes]
        sys.stdout.write(json.dumps({"format": "bcalc.catalogue-diff/1", "old": str(old_dir), "new": str(new_dir),
                                     "changes": rows}, ensure_ascii=False, indent=2) + "\n")
        return
    W = WORDS[lang]
    console = console_factory()
    if not changes:
        console.print(W["diff_none"].format(old=old_dir, new=new_dir), markup=False, highlight=False)
        return
    from rich.table import Table

    table = Table(header_style="bold", title=W["diff_title"].format(old=old_dir, new=new_dir), title_justify="left")
    for col in W["diff_cols"]:
        table.add_column(col, overflow="fold")
    for c in changes:
        what = f"{W['diff_what'][c.what]} {W['diff_part'][c.part]}"
        if c.what == "changed":
            old_text, new_text = _shown(c.old, W), _shown(c.new, W)
        elif c.what == "version":
            old_text, new_text = _version_text(c.old, W), _version_text(c.new, W)
        elif c.what == "added":
            old_text, new_text = "", _entry_text(c, W)
        else:
            old_text, new_text = _entry_text(c, W), ""
        table.add_row(escape(c.product), what, escape(c.id), c.field, escape(old_text), escape(new_text))
    console.print(table)
