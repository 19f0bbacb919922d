"""The catalogues in: ``suppliers.yaml`` (products, items, time lines, choices, with the source line
of every figure) and ``tariffs.yaml`` (funding codes, VAT, indexation scenarios, uncertainty), read
into frozen models. Every problem of a file is collected and reported at once as
``FILE:LINE: field: message``; ``bcalc.loader`` reads the case against them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from bcalc import fields as F
from bcalc import paths
from bcalc.models import (
    CLIENT_PERS,
    Catalogue,
    Choice,
    FundingCode,
    Item,
    Pack,
    Phase,
    Price,
    Product,
    RateSeries,
    Scenario,
    SourceDoc,
    Tariffs,
    Tier,
    TimeLine,
    SchemeRules,
)
from bcalc.reader import Reader, getter
from bcalc.yamltree import Num, read_tree

SOURCE_RE = re.compile(r"^(\d{3}):(\d+)(?:-(\d+))?$")
REF_RE = re.compile(r"^[CT]\d{2}[a-z]?$")


# ---- catalogue ------------------------------------------------------------------------


def _price(r: Reader, m: dict, path: tuple, sec: F.Section, required: bool, amount_key: str = "amount",
           low_key: str = "low", high_key: str = "high", written_from: dict | None = None,
           written_path: tuple | None = None, own: bool = False) -> Price | None:
    """A price (or an hours figure: the same shape under other key names), as section ``sec`` declares it."""
    amount = r.value(m, sec[amount_key], path)
    low = r.value(m, sec[low_key], path)
    high = r.value(m, sec[high_key], path)
    bad = any(k in m and m[k] is not None for k in (amount_key, low_key, high_key)) and \
        all(v is None for v in (amount, low, high))
    src = written_from if written_from is not None else m
    wpath = written_path if written_path is not None else path
    written = r.text(src, "written", wpath, default="")
    approx = r.boolean(src, "approx", wpath)
    bound = r.value(m, F.ITEM["bound"], path) if "bound" in m else None
    if amount is None and low is None and high is None:
        if required and not bad:
            r.error(path, f"needs {amount_key}, or {low_key} and {high_key}")
        return None
    if amount is not None and (low is not None or high is not None):
        r.error(path, f"give either {amount_key} or {low_key} and {high_key}, not both")
        return None
    if amount is None and (low is None or high is None):
        r.error(path, f"a range needs both {low_key} and {high_key}")
        return None
    if low is not None and high is not None and low > high:
        r.error(path + (low_key,), f"{low_key} {low} is above {high_key} {high}")
        return None
    if not written and written_from is None and not own:
        r.error(path + ("written",), "every figure carries the text it was copied from")
    return Price(amount=amount, low=low, high=high, approx=approx, bound=bound, written=written or "")


def _source(r: Reader, m: dict, path: tuple, docs: dict, key: str = "source", required: bool = True,
            own: bool = False) -> str:
    value = r.text(m, key, path)
    if own:  # a case file's own figure: its source is free text (a quote and its date)
        if value is None and required:
            r.error(path + (key,), "give the source of the figure: a quote and its date, a contract, or "
                                   "'eigen schatting' for the organisation's own estimate")
        return value or ""
    if value is None:
        if required:
            r.error(path + (key,), "every figure needs its source line (e.g. 001:568)")
        return ""
    match = SOURCE_RE.match(value)
    if not match:
        r.error(path + (key,), f"'{value}' is not a source line such as 001:568 or 001:531-542")
        return value
    if docs and match.group(1) not in docs:
        r.error(path + (key,), f"source document '{match.group(1)}' is not listed under sources")
    return value


def vat_rate_unknown(value: object, rate: Decimal, known: frozenset) -> str | None:
    """Why a VAT rate is not one of the rates of the tariffs file, or None."""
    if not known or rate in known:
        return None
    rates = ", ".join(F.shown(x, percent=True) for x in sorted(known, reverse=True))
    return f"{value} is not a Dutch VAT rate ({rates})"


def _item(r: Reader, m: object, path: tuple, docs: dict, vat_rates: frozenset = frozenset(),
          own: bool = False) -> Item | None:
    """An item of the catalogue, or (``own``) one a case file writes itself."""
    sec, tier_sec, pack_sec = (F.CASE_ITEM, F.CASE_TIER, F.CASE_PACK) if own else (F.ITEM, F.TIER, F.PACK)
    m = r.section(m, path, sec)
    if m is None:
        return None
    get = getter(r, m, sec, path)
    item_id = get("id")
    ref = get("ref")
    if ref is not None and not REF_RE.match(ref):
        r.error(path + ("ref",), f"'{ref}' is not a line id such as C08")
    included = get("included")
    tiers_raw = r.seq(m.get("tiers"), path + ("tiers",))
    packs_raw = r.seq(m.get("packs"), path + ("packs",))
    tiers: list[Tier] = []
    for i, t in enumerate(tiers_raw or []):
        tp = path + ("tiers", i)
        t = r.section(t, tp, tier_sec)
        if t is None:
            continue
        tget = getter(r, t, tier_sec, tp)
        price = _price(r, t, tp, tier_sec, required=True, own=own)
        tref = tget("ref")
        if tref is not None and not REF_RE.match(tref):
            r.error(tp + ("ref",), f"'{tref}' is not a line id such as C21")
        if price is not None:
            tiers.append(Tier(price=price, min_units=tget("min_units"), min_years=tget("min_years"), ref=tref,
                              source=_source(r, t, tp, docs, required=False, own=own) or "",
                              label=tget("label") or ""))
    packs: list[Pack] = []
    for i, p in enumerate(packs_raw or []):
        pp = path + ("packs", i)
        p = r.section(p, pp, pack_sec)
        if p is None:
            continue
        size = r.value(p, pack_sec["size"], pp)
        price = _price(r, p, pp, pack_sec, required=True, own=own)
        if size is not None and price is not None:
            packs.append(Pack(size=size, price=price))
    price = _price(r, m, path, sec, required=False, own=own)
    if included and (price is not None or tiers or packs):
        r.error(path + ("included",), "an included item has no price of its own")
    if sum(x is not None and x != [] for x in (price, tiers or None, packs or None)) > 1:
        r.error(path, "give one of: a price, tiers or packs")
    basis = get("basis")
    role = get("role")
    if basis == "role" and role is None and not r.has_problem(path + ("role",)):
        r.error(path + ("basis",), "basis 'role' needs a role")
    timing = get("timing")
    if timing in ("per_new_unit", "at_removal") and basis not in (None, "unit", "deployment"):
        r.error(path + ("timing",), f"timing '{timing}' counts units; basis must be unit or deployment")
    vat_rate = get("vat_rate")
    if vat_rate is not None and (why := vat_rate_unknown(m["vat_rate"], vat_rate, vat_rates)):
        r.error(path + ("vat_rate",), why)
    lifetime, residual = get("lifetime"), get("residual")
    if lifetime is not None and (get("category") != "one_off" or timing not in OUTRIGHT_TIMINGS or packs_raw
                                 or included):
        r.error(path + ("lifetime",), "only an item bought outright (category one_off, timing one_off or "
                                      "per_new_unit, with a price of its own) has a lifetime")
    if residual is not None and lifetime is None and "lifetime" not in m:
        r.error(path + ("residual",), "a residual value needs a lifetime")
    lowest = _lowest(price, tiers)
    if residual is not None and lowest is not None and residual > lowest:
        r.error(path + ("residual",), f"a residual value of {residual} is more than the price ({lowest})")
    valid_from = valid_until = None
    if not own:  # a version of a catalogue item: the months it applies
        valid_from, valid_until = get("valid_from"), get("valid_until")
        if valid_from is not None and valid_until is not None and valid_from > valid_until:
            r.error(path + ("valid_from",), f"valid_from {valid_from} is after valid_until {valid_until}")
    return Item(
        id=item_id or "",
        ref=ref,
        label=get("label") or "",
        category=get("category") or "one_off",
        basis=basis or "unit",
        timing=timing or "one_off",
        source=_source(r, m, path, docs, own=own),
        price=price,
        tiers=tuple(tiers),
        packs=tuple(sorted(packs, key=lambda p: p.size)),
        included=included,
        currency=get("currency") or "EUR",
        vat=get("vat") or "not_stated",
        vat_read=None if own else _vat_read(r, m, path, get),
        vat_rate=vat_rate,
        role=role,
        options=get("options") or (),
        quantity=get("quantity"),
        tier_on=get("tier_on") or "units",
        from_year=get("from_year") or 1,
        note=get("note") or "",
        ambiguous=get("ambiguous"),
        origin="case" if own else "catalogue",
        price_year=get("price_year"),
        lifetime=lifetime,
        residual=residual,
        valid_from=valid_from,
        valid_until=valid_until,
    )


def period(item: Item) -> str:
    """The months a version of an item applies, as a problem names them: 2027-07 to 2028-06, from 2027-07,
    until 2027-06, always."""
    if item.valid_from and item.valid_until:
        return f"{item.valid_from} to {item.valid_until}"
    if item.valid_from:
        return f"from {item.valid_from}"
    return f"until {item.valid_until}" if item.valid_until else "always"


def _overlap(a: Item, b: Item) -> bool:
    """Do the periods of two versions share a month? (A version without a bound is open on that side.)"""
    return (a.valid_from is None or b.valid_until is None or a.valid_from <= b.valid_until) and \
        (b.valid_from is None or a.valid_until is None or b.valid_from <= a.valid_until)


def _check_versions(r: Reader, path: tuple, pid: str, items: list[tuple[int, Item]],
                    time: list[tuple[int, TimeLine]]) -> None:
    """Ids are unique within a product, except that an item may have versions: entries with the same id
    whose periods (valid_from, valid_until) do not overlap."""
    def unclear(i: int) -> bool:  # a period with a problem of its own: no overlap to report on it
        return any(r.has_problem(path + ("items", i, key)) for key in ("valid_from", "valid_until"))

    versions: dict[str, list[tuple[int, Item]]] = {}
    for i, it in items:
        for k, other in versions.get(it.id, ()):
            line = r.tree.line(path + ("items", k))
            if not it.versioned and not other.versioned:
                r.error(path + ("items", i, "id"), f"id '{it.id}' is used twice in product {pid}; a new version of "
                                                   f"an item needs valid_from or valid_until, with periods that do "
                                                   f"not overlap")
                break
            if unclear(i) or unclear(k) or not _overlap(it, other):
                continue
            if not it.versioned:
                r.error(path + ("items", i, "id"), f"id '{it.id}' is used twice in product {pid}: this entry has no "
                                                   f"valid_from or valid_until, so it applies always and overlaps the "
                                                   f"version on line {line} ({period(other)})")
            else:
                where = path + ("items", i, "valid_from" if it.valid_from else "valid_until")
                also = ", which has no valid_from or valid_until (it applies always)" if not other.versioned else \
                    f" ({period(other)})"
                r.error(where, f"this version of '{it.id}' ({period(it)}) overlaps the entry on line {line}{also}; "
                               f"the periods of the versions of an item may not overlap")
            break
        versions.setdefault(it.id, []).append((i, it))
    seen: set[str] = set()
    for i, t in time:
        if t.id in versions or t.id in seen:
            r.error(path + ("time", i, "id"), f"id '{t.id}' is used twice in product {pid}")
        seen.add(t.id)


OUTRIGHT_TIMINGS = ("one_off", "per_new_unit")


def _at_its_year(item: Item, docs: dict, product_doc: str | None) -> Item:
    """A catalogue item with the price year of the document of its source line, where it gives none itself
    and that document is another than its product's (a version from a newer price list)."""
    from dataclasses import replace

    if item.price_year is not None:
        return item
    match = SOURCE_RE.match(item.source or "")
    doc = docs.get(match.group(1)) if match else None
    if doc is None or doc.id == product_doc or doc.price_year is None:
        return item
    return replace(item, price_year=doc.price_year)


def bought_outright(item: Item) -> bool:
    """An item that can carry a lifetime: bought once per unit (or once), with a price of its own."""
    return item.category == "one_off" and item.timing in OUTRIGHT_TIMINGS and not item.packs and not item.included


def _lowest(price: Price | None, tiers) -> Decimal | None:
    values = [p.low if p.is_range else p.amount for p in [price] + [t.price for t in tiers] if p is not None]
    values = [v for v in values if v is not None]
    return min(values) if values else None


def lowest_price(item: Item) -> Decimal | None:
    """The lowest price an item can have in euros as quoted (a range's low end, the cheapest tier);
    None where it has none or is quoted in another currency."""
    if item.currency != "EUR":
        return None
    return _lowest(item.price, item.tiers)


def _timeline(r: Reader, m: object, path: tuple, docs: dict, own: bool = False) -> TimeLine | None:
    """A time line of the catalogue, or (``own``) one a case file writes itself: always counted."""
    sec, phase_sec = (F.CASE_TIME, F.CASE_PHASE) if own else (F.TIME, F.PHASE)
    m = r.section(m, path, sec)
    if m is None:
        return None
    get = getter(r, m, sec, path)
    counted = True if own else get("counted")
    role = get("role")
    if counted and role is None and not r.has_problem(path + ("role",)):
        r.error(path, "counted time needs a role")
    hours = None
    if any(k in m for k in ("hours", "hours_low", "hours_high")):
        hours = _price(r, m, path, sec, required=True, amount_key="hours", low_key="hours_low",
                       high_key="hours_high", own=own)
    phases: list[Phase] = []
    listed = r.seq(m.get("phases"), path + ("phases",)) or []
    for i, ph in enumerate(listed):
        pp = path + ("phases", i)
        ph = r.section(ph, pp, phase_sec)
        if ph is None:
            continue
        per_week = _price(r, ph, pp, phase_sec, required=True, amount_key="hours_per_week",
                          low_key="hours_per_week_low", high_key="hours_per_week_high", written_from=m,
                          written_path=path)
        weeks = r.value(ph, phase_sec["weeks"], pp)
        months = r.value(ph, phase_sec["months"], pp)
        if weeks is not None and months is not None:
            r.error(pp, "a phase lasts either weeks or months")
        elif weeks is None and months is None and i < len(listed) - 1:
            r.error(pp, "a phase lasts either weeks or months (only the last may run to the end of the horizon)")
        if per_week is not None:
            phases.append(Phase(hours_per_week=per_week, weeks=weeks, months=months))
    days = r.value(m, F.TIME["days"], path)
    day_parts = r.value(m, F.TIME["day_parts"], path)
    given = [k for k, v in (("hours", hours), ("phases", phases), ("days", days), ("day_parts", day_parts)) if v]
    if len(given) > 1:
        r.error(path, f"give one of hours, phases, days or day_parts, not {' and '.join(given)}")
    if counted and hours is None and not phases:
        r.error(path, "counted time needs hours or phases (time in days or dagdelen is counted by a case "
                      "that gives its hours per day)")
    per = get("per") or "organisation"
    if per in CLIENT_PERS and (phases or hours is None):
        r.error(path + ("per",), f"hours per {'client a month' if per == 'client' else 'new client'} need hours "
                                 f"(a number, or hours_low and hours_high), not phases")
    return TimeLine(
        id=get("id") or "",
        ref=None if own else get("ref"),
        label=get("label") or "",
        category=get("category") or "internal",
        source=_source(r, m, path, docs, own=own),
        role=role,
        per=per,
        hours=hours,
        phases=tuple(phases),
        days=days,
        day_parts=day_parts,
        counted=counted,
        options=get("options") or (),
        written=get("written") or "",
        note=get("note") or "",
        ambiguous=get("ambiguous"),
        origin="case" if own else "catalogue",
    )


def _product(r: Reader, m: object, path: tuple, docs: dict, vat_rates: frozenset = frozenset(),
             own_year: int | None = None) -> Product | None:
    """A catalogue product, or (``own_year`` given: the case's start year) one a case file writes itself."""
    own = own_year is not None
    sec, choice_sec = (F.CASE_PRODUCT, F.CASE_CHOICE) if own else (F.PRODUCT, F.CHOICE)
    m = r.section(m, path, sec)
    if m is None:
        return None
    get = getter(r, m, sec, path)
    pid = get("id") or ""
    source = _source(r, m, path, docs, own=own)
    match = None if own else SOURCE_RE.match(source or "")
    doc = docs.get(match.group(1)) if match else None
    price_year = get("price_year", doc.price_year if doc else own_year)
    if price_year is None and not own:
        r.error(path + ("price_year",), "price year unknown: give price_year here or on the source document")
    item_at = [(i, x) for i, it in enumerate(r.seq(m.get("items"), path + ("items",), allow_empty=False) or [])
               if (x := _item(r, it, path + ("items", i), docs, vat_rates, own=own)) is not None]
    if not own:  # an item from another document than the product's (a new price list) is at its price year
        item_at = [(i, _at_its_year(it, docs, match.group(1) if match else None)) for i, it in item_at]
    items = [x for _, x in item_at]
    time_at = [(i, x) for i, t in enumerate(r.seq(m.get("time"), path + ("time",)) or [])
               if (x := _timeline(r, t, path + ("time", i), docs, own=own)) is not None]
    time = [x for _, x in time_at]
    choices: list[Choice] = []
    for i, c in enumerate(r.seq(m.get("choices"), path + ("choices",)) or []):
        cp = path + ("choices", i)
        c = r.section(c, cp, choice_sec)
        if c is None:
            continue
        cget = getter(r, c, choice_sec, cp)
        options = cget("options") or ()
        default = cget("default")
        if default is not None and default not in options:
            r.error(cp + ("default",), f"default '{default}' is not one of the options {', '.join(options)}")
        choices.append(Choice(id=cget("id") or "", options=options, default=default,
                              label=cget("label") or "", required=cget("required")))
    if own:
        seen: set[str] = set()
        for kind, entries in (("items", item_at), ("time", time_at)):
            for i, e in entries:
                if e.id in seen:
                    r.error(path + (kind, i, "id"), f"id '{e.id}' is used twice in product {pid}")
                seen.add(e.id)
    else:
        _check_versions(r, path, pid, item_at, time_at)
    used = {o for e in items for o in e.options} | {o for t in time for o in t.options}
    for i, c in enumerate(choices):
        for o in c.options:
            if o not in used:
                r.error(path + ("choices", i, "options"), f"option '{o}' is not used by any item")
    return Product(
        id=pid,
        name=get("name") or "",
        supplier=get("supplier") or "",
        need=get("need") or "",
        category=get("category") or "",
        innovation=get("innovation") or "",
        source=source,
        price_year=price_year or 0,
        items=tuple(items),
        time=tuple(time),
        choices=tuple(choices),
        family=get("family"),
        note=get("note") or "",
        origin="case" if own else "catalogue",
    )


def load_catalogue(directory: Path | None = None, vat_rates: frozenset = frozenset()) -> Catalogue:
    """The supplier catalogue. ``vat_rates``: the rates of the tariffs file, which an item's vat_rate
    must be one of (as a case's vat_rates must)."""
    directory = Path(directory) if directory else paths.data_dir()
    path = directory / "suppliers.yaml"
    tree = read_tree(path)
    r = Reader(tree)
    root = r.section(tree.data, (), F.SUPPLIERS)
    if root is None:
        r.raise_if_any()
    fmt = r.text(root, "format", ())
    if fmt is not None and fmt != F.SUPPLIERS_FORMAT:
        r.error(("format",), f"unknown format '{fmt}', expected {F.SUPPLIERS_FORMAT}")
    docs: dict[str, SourceDoc] = {}
    sources = root.get("sources")
    if isinstance(sources, dict):
        for key, value in sources.items():
            sp = ("sources", key)
            value = r.section(value, sp, F.SOURCE)
            if value is None:
                continue
            sget = getter(r, value, F.SOURCE, sp)
            docs[str(key)] = SourceDoc(id=str(key), title=sget("title") or "", file=sget("file") or "",
                                       price_year=sget("price_year"), rule=sget("rule") or "")
    elif sources is not None:
        r.error(("sources",), "expected a mapping of source documents")
    products: dict[str, Product] = {}
    for i, pm in enumerate(r.seq(root.get("products"), ("products",), allow_empty=False) or []):
        product = _product(r, pm, ("products", i), docs, vat_rates)
        if product is None:
            continue
        if product.id in products:
            r.error(("products", i, "id"), f"product id '{product.id}' is used twice")
        products[product.id] = product
    r.raise_if_any()
    return Catalogue(products=products, sources=docs, path=str(path))


# ---- tariffs --------------------------------------------------------------------------


def _series(r: Reader, m: object, path: tuple) -> RateSeries | None:
    if isinstance(m, (str, Num)):
        rate = r.entry(m, F.SERIES["default"], path)
        return RateSeries(default=rate) if rate is not None else None
    m = r.section(m, path, F.SERIES)
    if m is None:
        return None
    default = r.value(m, F.SERIES["default"], path)
    by_year: dict[int, Decimal] = {}
    raw = m.get("by_year") or {}
    if not isinstance(raw, dict):
        r.error(path + ("by_year",), "expected a mapping of year: rate")
    else:
        for year, rate in raw.items():
            y = r.year_key(year, path + ("by_year", year))
            v = r.entry(rate, F.SERIES["by_year"], path + ("by_year", year))
            if y is not None and v is not None:
                by_year[y] = v
    return RateSeries(default=default, by_year=by_year) if default is not None else None


def load_tariffs(directory: Path | None = None) -> Tariffs:
    directory = Path(directory) if directory else paths.data_dir()
    path = directory / "tariffs.yaml"
    tree = read_tree(path)
    r = Reader(tree)
    root = r.section(tree.data, (), F.TARIFFS)
    if root is None:
        r.raise_if_any()
    fmt = r.text(root, "format", ())
    if fmt is not None and fmt != F.TARIFFS_FORMAT:
        r.error(("format",), f"unknown format '{fmt}', expected {F.TARIFFS_FORMAT}")
    funding: dict[str, FundingCode] = {}
    for i, f in enumerate(r.seq(root.get("funding"), ("funding",)) or []):
        fp = ("funding", i)
        f = r.section(f, fp, F.FUNDING_CODE)
        if f is None:
            continue
        get = getter(r, f, F.FUNDING_CODE, fp)
        code = get("code") or ""
        if code in funding:
            r.error(fp + ("code",), f"funding code '{code}' is listed twice")
        tariffs: dict[int, Decimal] = {}
        raw = f.get("tariff")
        if raw is not None:
            if not isinstance(raw, dict):
                r.error(fp + ("tariff",), "expected null or a mapping of year: amount")
            else:
                for year, amount in raw.items():
                    y = r.year_key(year, fp + ("tariff", year))
                    v = r.entry(amount, F.FUNDING_CODE["tariff"], fp + ("tariff", year))
                    if y is not None and v is not None:
                        tariffs[y] = v
        funding[code] = FundingCode(code=code, kind=get("kind") or "", domain=get("domain") or "",
                                    name=get("name") or "", unit=get("unit") or "",
                                    definition=get("definition") or "", source=get("source") or "",
                                    tariffs=tariffs, note=get("note") or "", financier=get("financier"))
    schemes = _schemes(r, root.get("schemes"))
    vat = r.section(root.get("vat"), ("vat",), F.VAT) or {}
    standard = r.value(vat, F.VAT["standard"], ("vat",)) or Decimal("0")
    vat_source = r.value(vat, F.VAT["source"], ("vat",)) or ""
    rates: dict[str, Decimal] = {}
    raw_rates = vat.get("rates")
    if isinstance(raw_rates, dict):
        if not raw_rates:
            r.error(("vat", "rates"), "needs at least one rate (standard: 21%, ...)")
        for name, rate in raw_rates.items():
            v = r.entry(rate, F.VAT["rates"], ("vat", "rates", name))
            if v is not None:
                rates[str(name)] = v
    elif raw_rates is not None:
        r.error(("vat", "rates"), "expected a mapping of rate name: rate (standard: 21%)")
    if rates and "standard" in vat and not r.has_problem(("vat", "standard")) and standard not in rates.values():
        r.error(("vat", "standard"), f"{vat['standard']} is not one of the rates under vat.rates")
    scenarios: dict[str, Scenario] = {}
    idx = root.get("indexation")
    if idx is None:
        pass  # reported as missing above
    elif not isinstance(idx, dict):
        r.error(("indexation",), "expected a mapping of scenarios")
    else:
        for name, s in idx.items():
            sp = ("indexation", name)
            s = r.section(s, sp, F.SCENARIO)
            if s is None:
                continue
            series = {k: _series(r, s.get(k), sp + (k,)) for k in ("prices", "wages", "tariffs")}
            if all(series.values()):
                scenarios[str(name)] = Scenario(name=str(name), label=r.value(s, F.SCENARIO["label"], sp) or "",
                                                basis=r.value(s, F.SCENARIO["basis"], sp) or "", **series)  # type: ignore[arg-type]
        for needed in F.SCENARIOS_NEEDED:
            if needed not in idx:
                r.error(("indexation",), f"scenario '{needed}' is missing")
    reference, reference_source = None, ""
    if root.get("discount") is not None:
        dm = r.section(root["discount"], ("discount",), F.DISCOUNT)
        if dm is not None:
            dget = getter(r, dm, F.DISCOUNT, ("discount",))
            reference = dget("reference_rate")
            reference_source = dget("source") or ""
            dget("real")
    uncertainty: dict = {}
    if root.get("uncertainty") is not None:  # assumptions of bcalc simulate / sensitivity
        um = r.section(root["uncertainty"], ("uncertainty",), F.UNCERTAINTY)
        if um is not None:
            uget = getter(r, um, F.UNCERTAINTY, ("uncertainty",))
            for key in ("approx_spread", "default_swing"):
                value = uget(key)
                if value is not None:
                    uncertainty[key] = value
            uncertainty["basis"] = uget("basis") or ""
    index, index_sources, index_basis, index_label = _catalogue_index(r, root.get("catalogue_index"))
    r.raise_if_any()
    return Tariffs(funding=funding, vat_standard=standard, vat_rates=rates,
                   vat_source=vat_source, scenarios=scenarios, path=str(path),
                   discount_reference=reference, discount_source=reference_source, uncertainty=uncertainty,
                   catalogue_index=index, catalogue_index_sources=index_sources, catalogue_index_basis=index_basis,
                   catalogue_index_label=index_label, schemes=schemes)


def scheme_rules(r: Reader, m: dict, path: tuple, sec) -> SchemeRules:
    """The rules of a subsidy scheme (``share``, ``min``, ``max``, ``eligible``, ``device_share_max``,
    ``months``) from a mapping declared by ``sec``, with min not above max and known categories."""
    from bcalc.models import ELIGIBLE

    get = getter(r, m, sec, path)
    eligible = get("eligible") if "eligible" in m else None
    if eligible:
        for i, cat in enumerate(eligible):
            if cat not in ELIGIBLE:
                r.error(path + ("eligible",), f"'{cat}' is not a cost category; choose from {', '.join(ELIGIBLE)}")
                eligible = None
                break
    lo, hi = get("min"), get("max")
    if lo is not None and hi is not None and lo > hi:
        r.error(path + ("min",), f"min {lo} is more than max {hi}")
    return SchemeRules(share=get("share"), minimum=lo, maximum=hi, eligible=tuple(eligible) if eligible else None,
                       device_share_max=get("device_share_max"), months=get("months"))


def _schemes(r: Reader, raw: object) -> dict[str, SchemeRules]:
    """Public subsidy schemes: each one's rules, with the source that states them."""
    from dataclasses import replace

    out: dict[str, SchemeRules] = {}
    for i, sm in enumerate(r.seq(raw, ("schemes",)) or []):
        sp = ("schemes", i)
        sm = r.section(sm, sp, F.TARIFFS_SCHEME)
        if sm is None:
            continue
        get = getter(r, sm, F.TARIFFS_SCHEME, sp)
        sid = get("id")
        rules = scheme_rules(r, sm, sp, F.TARIFFS_SCHEME)
        get("note")
        if sid in out:
            r.error(sp + ("id",), f"scheme '{sid}' is listed twice")
        if sid:
            out[sid] = replace(rules, source=get("source") or "", name=get("name") or "", giver=get("giver"))
    return out


def _catalogue_index(r: Reader, raw: object) -> tuple[dict[int, Decimal], dict[int, str], str, str]:
    """The yearly rise of catalogue prices: each year's figure with its source."""
    path = ("catalogue_index",)
    if raw is None:
        return {}, {}, "", ""
    m = r.section(raw, path, F.CATALOGUE_INDEX)
    if m is None:
        return {}, {}, "", ""
    get = getter(r, m, F.CATALOGUE_INDEX, path)
    label = get("label") or ""
    basis = get("basis") or ""
    rates: dict[int, Decimal] = {}
    sources: dict[int, str] = {}
    written: dict[int, object] = {}  # year -> the key as written, for the line of a problem
    for key, target in (("by_year", rates), ("sources", sources)):
        given = m.get(key)
        if given is None:
            continue
        if not isinstance(given, dict):
            r.error(path + (key,), "expected a mapping of year: value")
            continue
        for year, value in given.items():
            yp = path + (key, year)
            y = r.year_key(year, yp)
            if key == "by_year":
                v = r.entry(value, F.CATALOGUE_INDEX["by_year"], yp)
            else:
                v = r.text({year: value}, year, path + (key,), required=True)
            if y is not None and v is not None:
                target[y] = v
                if key == "by_year":
                    written[y] = year
    for y in sorted(rates):
        if y not in sources:
            r.error(path + ("by_year", written[y]), f"the figure of {y} needs its source under catalogue_index.sources")
    return rates, sources, basis, label


def _vat_read(r, m: dict, path: tuple, get) -> str | None:
    """How an item whose source states no VAT is read (``vat_read``); only with vat not_stated."""
    read = get("vat_read")
    if read is not None and (get("vat") or "not_stated") != "not_stated":
        r.error(path + ("vat_read",), "only for an item whose VAT the source does not state (vat: not_stated); "
                                      "this item says vat: " + str(get("vat")))
        return None
    return read
