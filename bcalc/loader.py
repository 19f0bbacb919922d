"""The only way in: reads the catalogues and a case file into frozen models.

Every problem in a file is collected and reported at once as ``FILE:LINE: field: message``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from bcalc import paths
from bcalc.errors import InputError
from bcalc.models import (
    BASES,
    ROLES,
    TIMINGS,
    VAT_STATUSES,
    Case,
    Catalogue,
    Benefit,
    Choice,
    Contract,
    Deployment,
    FundingCode,
    FundingLine,
    Indexation,
    Item,
    Pack,
    Phase,
    Price,
    Product,
    RateSeries,
    Scenario,
    SourceDoc,
    StaffRole,
    Tariffs,
    Tier,
    TimeLine,
)
from bcalc.reader import Reader
from bcalc.yamltree import Num, read_tree

SOURCE_RE = re.compile(r"^(\d{3}):(\d+)(?:-(\d+))?$")
REF_RE = re.compile(r"^[CT]\d{2}[a-z]?$")
PRICE_KEYS = ("written", "amount", "low", "high", "approx", "bound")
MAX_YEARS = 15


# ---- catalogue ------------------------------------------------------------------------


def _price(r: Reader, m: dict, path: tuple, required: bool, amount_key: str = "amount", low_key: str = "low",
           high_key: str = "high", written_from: dict | None = None, written_path: tuple | None = None) -> Price | None:
    """A price (or an hours figure: the same shape under other key names)."""
    amount = r.number(m, amount_key, path)
    low = r.number(m, low_key, path)
    high = r.number(m, high_key, path)
    bad = any(k in m and m[k] is not None for k in (amount_key, low_key, high_key)) and \
        all(v is None for v in (amount, low, high))
    src = written_from if written_from is not None else m
    wpath = written_path if written_path is not None else path
    written = r.text(src, "written", wpath, default="")
    approx = r.boolean(src, "approx", wpath)
    bound = r.choice(m, "bound", path, ("max", "min")) if "bound" in m else None
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
    if not written and written_from is None:
        r.error(path + ("written",), "every figure carries the text it was copied from")
    return Price(amount=amount, low=low, high=high, approx=approx, bound=bound, written=written or "")


def _source(r: Reader, m: dict, path: tuple, docs: dict, key: str = "source", required: bool = True) -> str:
    value = r.text(m, key, path)
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


def _item(r: Reader, m: object, path: tuple, docs: dict) -> Item | None:
    allowed = PRICE_KEYS + (
        "id", "ref", "label", "included", "currency", "vat", "vat_rate", "basis", "role", "timing",
        "category", "options", "quantity", "tier_on", "tiers", "packs", "source", "note", "ambiguous",
        "from_year",
    )
    m = r.mapping(m, path, allowed, ("id", "label", "basis", "timing", "category", "source"))
    if m is None:
        return None
    item_id = r.ident(m, "id", path)
    ref = r.text(m, "ref", path)
    if ref is not None and not REF_RE.match(ref):
        r.error(path + ("ref",), f"'{ref}' is not a line id such as C08")
    included = r.boolean(m, "included", path)
    tiers_raw = r.seq(m.get("tiers"), path + ("tiers",))
    packs_raw = r.seq(m.get("packs"), path + ("packs",))
    tiers: list[Tier] = []
    for i, t in enumerate(tiers_raw or []):
        tp = path + ("tiers", i)
        t = r.mapping(t, tp, PRICE_KEYS + ("min_units", "min_years", "ref", "source", "label"))
        if t is None:
            continue
        price = _price(r, t, tp, required=True)
        tref = r.text(t, "ref", tp)
        if tref is not None and not REF_RE.match(tref):
            r.error(tp + ("ref",), f"'{tref}' is not a line id such as C21")
        if price is not None:
            tiers.append(Tier(price=price, min_units=r.integer(t, "min_units", tp, lo=0),
                              min_years=r.integer(t, "min_years", tp, lo=0), ref=tref,
                              source=_source(r, t, tp, docs, required=False) or "",
                              label=r.text(t, "label", tp, default="") or ""))
    packs: list[Pack] = []
    for i, p in enumerate(packs_raw or []):
        pp = path + ("packs", i)
        p = r.mapping(p, pp, PRICE_KEYS + ("size",), ("size",))
        if p is None:
            continue
        size = r.integer(p, "size", pp, lo=1)
        price = _price(r, p, pp, required=True)
        if size is not None and price is not None:
            packs.append(Pack(size=size, price=price))
    price = _price(r, m, path, required=False)
    if included and (price is not None or tiers or packs):
        r.error(path + ("included",), "an included item has no price of its own")
    if sum(x is not None and x != [] for x in (price, tiers or None, packs or None)) > 1:
        r.error(path, "give one of: a price, tiers or packs")
    basis = r.choice(m, "basis", path, BASES)
    role = r.choice(m, "role", path, ROLES)
    if basis == "role" and role is None and "role" not in m:
        r.error(path + ("basis",), "basis 'role' needs a role")
    timing = r.choice(m, "timing", path, TIMINGS)
    if timing in ("per_new_unit", "at_removal") and basis not in (None, "unit", "deployment"):
        r.error(path + ("timing",), f"timing '{timing}' counts units; basis must be unit or deployment")
    vat_rate = r.percent(m, "vat_rate", path, hi=Decimal(1))
    return Item(
        id=item_id or "",
        ref=ref,
        label=r.text(m, "label", path, default="") or "",
        category=r.choice(m, "category", path, ("one_off", "recurring", "training")) or "one_off",
        basis=basis or "unit",
        timing=timing or "one_off",
        source=_source(r, m, path, docs),
        price=price,
        tiers=tuple(tiers),
        packs=tuple(sorted(packs, key=lambda p: p.size)),
        included=included,
        currency=r.choice(m, "currency", path, ("EUR", "USD"), default="EUR") or "EUR",
        vat=r.choice(m, "vat", path, VAT_STATUSES, default="not_stated") or "not_stated",
        vat_rate=vat_rate,
        role=role,
        options=r.id_list(m, "options", path) or (),
        quantity=r.number(m, "quantity", path),
        tier_on=r.choice(m, "tier_on", path, ("units", "quantity"), default="units") or "units",
        from_year=r.integer(m, "from_year", path, default=1, lo=1, hi=MAX_YEARS) or 1,
        note=r.text(m, "note", path, default="") or "",
        ambiguous=r.boolean(m, "ambiguous", path),
    )


def _timeline(r: Reader, m: object, path: tuple, docs: dict) -> TimeLine | None:
    allowed = ("id", "ref", "label", "written", "role", "per", "hours", "hours_low", "hours_high", "approx",
               "phases", "category", "counted", "options", "source", "note", "ambiguous")
    m = r.mapping(m, path, allowed, ("id", "label", "category", "source", "written"))
    if m is None:
        return None
    counted = r.boolean(m, "counted", path, default=True)
    role = r.choice(m, "role", path, ROLES)
    if counted and role is None and "role" not in m:
        r.error(path, "counted time needs a role")
    hours = None
    if any(k in m for k in ("hours", "hours_low", "hours_high")):
        hours = _price(r, m, path, required=True, amount_key="hours", low_key="hours_low", high_key="hours_high")
    phases: list[Phase] = []
    for i, ph in enumerate(r.seq(m.get("phases"), path + ("phases",)) or []):
        pp = path + ("phases", i)
        ph = r.mapping(ph, pp, ("hours_per_week", "hours_per_week_low", "hours_per_week_high", "weeks", "months"))
        if ph is None:
            continue
        per_week = _price(r, ph, pp, required=True, amount_key="hours_per_week", low_key="hours_per_week_low",
                          high_key="hours_per_week_high", written_from=m, written_path=path)
        weeks = r.number(ph, "weeks", pp)
        months = r.number(ph, "months", pp)
        if (weeks is None) == (months is None):
            r.error(pp, "a phase lasts either weeks or months")
        if per_week is not None:
            phases.append(Phase(hours_per_week=per_week, weeks=weeks, months=months))
    if counted and hours is None and not phases:
        r.error(path, "counted time needs hours or phases")
    return TimeLine(
        id=r.ident(m, "id", path) or "",
        ref=r.text(m, "ref", path),
        label=r.text(m, "label", path, default="") or "",
        category=r.choice(m, "category", path, ("training", "internal")) or "internal",
        source=_source(r, m, path, docs),
        role=role,
        per=r.choice(m, "per", path, ("head", "organisation", "team"), default="organisation") or "organisation",
        hours=hours,
        phases=tuple(phases),
        counted=counted,
        options=r.id_list(m, "options", path) or (),
        written=r.text(m, "written", path, default="") or "",
        note=r.text(m, "note", path, default="") or "",
        ambiguous=r.boolean(m, "ambiguous", path),
    )


def _product(r: Reader, m: object, path: tuple, docs: dict) -> Product | None:
    allowed = ("id", "name", "supplier", "need", "category", "innovation", "source", "price_year", "items",
               "time", "choices", "family", "note")
    m = r.mapping(m, path, allowed, ("id", "name", "supplier", "need", "category", "source", "items"))
    if m is None:
        return None
    pid = r.ident(m, "id", path) or ""
    source = _source(r, m, path, docs)
    match = SOURCE_RE.match(source or "")
    doc = docs.get(match.group(1)) if match else None
    price_year = r.integer(m, "price_year", path, default=doc.price_year if doc else None, lo=1990, hi=2100)
    if price_year is None:
        r.error(path + ("price_year",), "price year unknown: give price_year here or on the source document")
    items = [x for i, it in enumerate(r.seq(m.get("items"), path + ("items",), allow_empty=False) or [])
             if (x := _item(r, it, path + ("items", i), docs)) is not None]
    time = [x for i, t in enumerate(r.seq(m.get("time"), path + ("time",)) or [])
            if (x := _timeline(r, t, path + ("time", i), docs)) is not None]
    choices: list[Choice] = []
    for i, c in enumerate(r.seq(m.get("choices"), path + ("choices",)) or []):
        cp = path + ("choices", i)
        c = r.mapping(c, cp, ("id", "label", "options", "default", "required"), ("id", "options"))
        if c is None:
            continue
        options = r.id_list(c, "options", cp) or ()
        default = r.text(c, "default", cp)
        if default is not None and default not in options:
            r.error(cp + ("default",), f"default '{default}' is not one of the options {', '.join(options)}")
        choices.append(Choice(id=r.ident(c, "id", cp) or "", options=options, default=default,
                              label=r.text(c, "label", cp, default="") or "",
                              required=r.boolean(c, "required", cp)))
    seen: set[str] = set()
    for kind, entries in (("items", items), ("time", time)):
        for i, e in enumerate(entries):
            if e.id in seen:
                r.error(path + (kind, i, "id"), f"id '{e.id}' is used twice in product {pid}")
            seen.add(e.id)
    used = {o for e in items for o in e.options} | {o for t in time for o in t.options}
    for i, c in enumerate(choices):
        for o in c.options:
            if o not in used:
                r.error(path + ("choices", i, "options"), f"option '{o}' is not used by any item")
    return Product(
        id=pid,
        name=r.text(m, "name", path, default="") or "",
        supplier=r.text(m, "supplier", path, default="") or "",
        need=r.ident(m, "need", path) or "",
        category=r.text(m, "category", path, default="") or "",
        innovation=r.text(m, "innovation", path, default="") or "",
        source=source,
        price_year=price_year or 0,
        items=tuple(items),
        time=tuple(time),
        choices=tuple(choices),
        family=r.text(m, "family", path),
        note=r.text(m, "note", path, default="") or "",
    )


def load_catalogue(directory: Path | None = None) -> Catalogue:
    directory = Path(directory) if directory else paths.data_dir()
    path = directory / "suppliers.yaml"
    tree = read_tree(path)
    r = Reader(tree)
    root = r.mapping(tree.data, (), ("format", "sources", "products"), ("format", "sources", "products"))
    if root is None:
        r.raise_if_any()
    fmt = r.text(root, "format", ())
    if fmt is not None and fmt != "bcalc.suppliers/1":
        r.error(("format",), f"unknown format '{fmt}', expected bcalc.suppliers/1")
    docs: dict[str, SourceDoc] = {}
    sources = root.get("sources")
    if isinstance(sources, dict):
        for key, value in sources.items():
            sp = ("sources", key)
            value = r.mapping(value, sp, ("title", "file", "price_year", "rule"), ("title", "file"))
            if value is None:
                continue
            docs[str(key)] = SourceDoc(id=str(key), title=r.text(value, "title", sp, default="") or "",
                                       file=r.text(value, "file", sp, default="") or "",
                                       price_year=r.integer(value, "price_year", sp, lo=1990, hi=2100),
                                       rule=r.text(value, "rule", sp, default="") or "")
    elif sources is not None:
        r.error(("sources",), "expected a mapping of source documents")
    products: dict[str, Product] = {}
    for i, pm in enumerate(r.seq(root.get("products"), ("products",), allow_empty=False) or []):
        product = _product(r, pm, ("products", i), docs)
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
        rate = r.percent_value(m, path, negative=True)
        return RateSeries(default=rate) if rate is not None else None
    m = r.mapping(m, path, ("default", "by_year"), ("default",))
    if m is None:
        return None
    default = r.percent(m, "default", path, negative=True)
    by_year: dict[int, Decimal] = {}
    raw = m.get("by_year") or {}
    if not isinstance(raw, dict):
        r.error(path + ("by_year",), "expected a mapping of year: rate")
    else:
        for year, rate in raw.items():
            y = r.year_key(year, path + ("by_year", year))
            v = r.percent_value(rate, path + ("by_year", year), negative=True)
            if y is not None and v is not None:
                by_year[y] = v
    return RateSeries(default=default, by_year=by_year) if default is not None else None


def load_tariffs(directory: Path | None = None) -> Tariffs:
    directory = Path(directory) if directory else paths.data_dir()
    path = directory / "tariffs.yaml"
    tree = read_tree(path)
    r = Reader(tree)
    root = r.mapping(tree.data, (), ("format", "funding", "vat", "indexation", "discount", "uncertainty"),
                     ("format", "funding", "vat", "indexation"))
    if root is None:
        r.raise_if_any()
    fmt = r.text(root, "format", ())
    if fmt is not None and fmt != "bcalc.tariffs/1":
        r.error(("format",), f"unknown format '{fmt}', expected bcalc.tariffs/1")
    funding: dict[str, FundingCode] = {}
    for i, f in enumerate(r.seq(root.get("funding"), ("funding",)) or []):
        fp = ("funding", i)
        f = r.mapping(f, fp, ("code", "kind", "domain", "name", "unit", "definition", "source", "tariff", "note"),
                      ("code", "kind", "domain", "name", "unit", "definition", "source"))
        if f is None:
            continue
        code = r.text(f, "code", fp) or ""
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
                    v = r.number_value(amount, fp + ("tariff", year))
                    if y is not None and v is not None:
                        tariffs[y] = v
        funding[code] = FundingCode(code=code, kind=r.choice(f, "kind", fp, ("hourly", "vpt", "subsidy")) or "",
                                    domain=r.text(f, "domain", fp, default="") or "",
                                    name=r.text(f, "name", fp, default="") or "",
                                    unit=r.text(f, "unit", fp, default="") or "",
                                    definition=r.text(f, "definition", fp, default="") or "",
                                    source=r.text(f, "source", fp, default="") or "", tariffs=tariffs,
                                    note=r.text(f, "note", fp, default="") or "")
    vat = r.mapping(root.get("vat"), ("vat",), ("standard", "rates", "source"), ("standard", "rates", "source")) or {}
    standard = r.percent(vat, "standard", ("vat",)) or Decimal("0")
    rates: dict[str, Decimal] = {}
    raw_rates = vat.get("rates")
    if isinstance(raw_rates, dict):
        for name, rate in raw_rates.items():
            v = r.percent_value(rate, ("vat", "rates", name))
            if v is not None:
                rates[str(name)] = v
    scenarios: dict[str, Scenario] = {}
    idx = root.get("indexation")
    if idx is None:
        pass  # reported as missing above
    elif not isinstance(idx, dict):
        r.error(("indexation",), "expected a mapping of scenarios")
    else:
        for name, s in idx.items():
            sp = ("indexation", name)
            s = r.mapping(s, sp, ("label", "basis", "prices", "wages", "tariffs"), ("label", "basis", "prices", "wages", "tariffs"))
            if s is None:
                continue
            series = {k: _series(r, s.get(k), sp + (k,)) for k in ("prices", "wages", "tariffs")}
            if all(series.values()):
                scenarios[str(name)] = Scenario(name=str(name), label=r.text(s, "label", sp, default="") or "",
                                                basis=r.text(s, "basis", sp, default="") or "", **series)  # type: ignore[arg-type]
        for needed in ("none", "low", "base", "high"):
            if needed not in idx:
                r.error(("indexation",), f"scenario '{needed}' is missing")
    reference, reference_source = None, ""
    if root.get("discount") is not None:
        dm = r.mapping(root["discount"], ("discount",), ("reference_rate", "real", "source"), ("reference_rate", "source"))
        if dm is not None:
            reference = r.percent(dm, "reference_rate", ("discount",), hi=Decimal(1))
            reference_source = r.text(dm, "source", ("discount",), default="") or ""
            r.boolean(dm, "real", ("discount",))
    uncertainty: dict = {}
    if root.get("uncertainty") is not None:  # assumptions of bcalc simulate / sensitivity
        um = r.mapping(root["uncertainty"], ("uncertainty",), ("approx_spread", "default_swing", "basis"),
                       ("approx_spread", "default_swing", "basis"))
        if um is not None:
            for key in ("approx_spread", "default_swing"):
                value = r.percent(um, key, ("uncertainty",), hi=Decimal(1))
                if value is not None:
                    uncertainty[key] = value
            uncertainty["basis"] = r.text(um, "basis", ("uncertainty",), default="") or ""
    r.raise_if_any()
    return Tariffs(funding=funding, vat_standard=standard, vat_rates=rates,
                   vat_source=r.text(vat, "source", ("vat",), default="") or "", scenarios=scenarios, path=str(path),
                   discount_reference=reference, discount_source=reference_source, uncertainty=uncertainty)


# ---- case -----------------------------------------------------------------------------

CASE_KEYS = ("case", "organisation", "start", "years", "scenario", "indexation", "vat", "staff", "deployments",
             "funding", "fx", "description", "benefits", "discount_rate", "hours_per_fte")
BENEFIT_KEYS = ("label", "kind", "deployment", "per", "minutes", "hours", "role", "amount", "realisation", "cashable",
                "clients", "source", "vendor_claim")
START_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


def _per_year(r: Reader, value: object, path: tuple, years: int | None) -> tuple[int, ...] | None:
    if isinstance(value, list):
        out = []
        for i, v in enumerate(value):
            n = r.int_value(v, path + (i,), lo=0)
            out.append(n)
        if years is not None and len(value) != years:
            r.error(path, f"has {len(value)} entries but the case runs {years} years; give one per year or a single number")
            return None
        if any(n is None for n in out):
            return None
        return tuple(out)  # type: ignore[arg-type]
    n = r.int_value(value, path, lo=0)
    if n is None:
        return None
    return tuple([n] * (years or 1))


def load_case(path: Path, catalogue: Catalogue, tariffs: Tariffs, shown: str | None = None) -> Case:
    tree = read_tree(Path(path), shown)
    r = Reader(tree)
    root = r.mapping(tree.data, (), CASE_KEYS, ("case", "start", "years", "deployments"))
    if root is None:
        r.raise_if_any()
    title = r.text(root, "case", (), required=True)
    start_year = start_month = None
    start = root.get("start")
    if isinstance(start, (list, dict, bool)):
        r.error(("start",), "expected a month written YYYY-MM, such as 2027-01")
        start = None
    if start is not None:
        text = str(start).strip()
        match = START_RE.match(text)
        if not match:
            r.error(("start",), f"'{text}' is not a month written YYYY-MM, such as 2027-01")
        else:
            start_year, start_month = int(match.group(1)), int(match.group(2))
            if not 1 <= start_month <= 12:
                r.error(("start",), f"month {start_month} does not exist (1 to 12)")
                start_month = None
            if not 2000 <= start_year <= 2100:
                r.error(("start",), f"year {start_year} is outside 2000-2100")
                start_year = None
    years = r.integer(root, "years", (), lo=1, hi=MAX_YEARS)
    scenario = r.text(root, "scenario", (), default="base")
    if scenario is not None and scenario not in tariffs.scenarios:
        r.error(("scenario",), f"unknown scenario '{scenario}'; known: {', '.join(tariffs.scenarios)}")

    indexation = Indexation()
    if root.get("indexation") is not None:
        im = r.mapping(root["indexation"], ("indexation",), ("prices", "wages", "tariffs"))
        if im is not None:
            indexation = Indexation(*(r.percent(im, k, ("indexation",), hi=Decimal(1), negative=True)
                                      for k in ("prices", "wages", "tariffs")))
    recoverable = Decimal(0)
    if root.get("vat") is not None:
        vm = r.mapping(root["vat"], ("vat",), ("recoverable",))
        if vm is not None:
            recoverable = r.percent(vm, "recoverable", ("vat",), default=Decimal(0), hi=Decimal(1))

    staff: dict[str, StaffRole] = {}
    teams = None
    declared: set[str] = set()  # roles written in the file, valid or not: no follow-on errors
    if root.get("staff") is not None:
        sm = r.mapping(root["staff"], ("staff",), ROLES + ("teams",))
        if sm is not None:
            declared = set(sm)
            teams = r.integer(sm, "teams", ("staff",), lo=0)
            for role in ROLES:
                if role not in sm or sm[role] is None:
                    continue
                rp = ("staff", role)
                rm = r.mapping(sm[role], rp, ("count", "rate"), ("count",))
                if rm is None:
                    continue
                count = r.integer(rm, "count", rp, lo=0)
                rate = r.number(rm, "rate", rp)
                if count is not None:
                    staff[role] = StaffRole(count=count, rate=rate)

    fx: dict[str, Decimal] = {}
    if root.get("fx") is not None:
        fm = r.mapping(root["fx"], ("fx",), ("USD",))
        if fm is not None:
            declared |= {f"fx.{k}" for k in fm}
            usd = r.number(fm, "USD", ("fx",))
            if usd is not None:
                if usd == 0:
                    r.error(("fx", "USD"), "an exchange rate cannot be 0")
                else:
                    fx["USD"] = usd

    deployments: list[Deployment] = []
    for i, d in enumerate(r.seq(root.get("deployments"), ("deployments",), allow_empty=False) or []):
        dep = _deployment(r, d, ("deployments", i), years, catalogue, staff, teams, fx, declared,
                          frozenset(tariffs.vat_rates.values()))
        if dep is not None:
            deployments.append(dep)

    funding: list[FundingLine] = []
    for i, f in enumerate(r.seq(root.get("funding"), ("funding",)) or []):
        line = _funding(r, f, ("funding", i), years, tariffs)
        if line is not None:
            funding.append(line)

    benefits: list[Benefit] = []
    for i, b in enumerate(r.seq(root.get("benefits"), ("benefits",)) or []):
        benefit = _benefit(r, b, ("benefits", i), years, len(deployments) if deployments else 0, declared, staff)
        if benefit is not None:
            benefits.append(benefit)
    discount_rate = r.percent(root, "discount_rate", (), hi=Decimal(1))
    hours_per_fte = r.number(root, "hours_per_fte", ())
    if hours_per_fte is not None and hours_per_fte == 0:
        r.error(("hours_per_fte",), "must be more than 0")

    r.raise_if_any()
    return Case(title=title or "", organisation=r.text(root, "organisation", ()), start_year=start_year or 0,
                start_month=start_month or 0, years=years or 0, deployments=tuple(deployments),
                scenario=scenario or "base", indexation=indexation, vat_recoverable=recoverable or Decimal(0),
                staff=staff, teams=teams, funding=tuple(funding), fx=fx, file=tree.file, benefits=tuple(benefits),
                discount_rate=discount_rate, hours_per_fte=hours_per_fte)


def _deployment(r: Reader, d: object, path: tuple, years, catalogue: Catalogue, staff, teams, fx,
                declared: set[str], vat_rates_known: frozenset = frozenset()) -> Deployment | None:
    d = r.mapping(d, path, ("product", "clients", "options", "prices", "quantities", "vat_rates", "index_cap", "label",
                            "contract"), ("product", "clients"))
    if d is None:
        return None
    pid = r.text(d, "product", path)
    product = catalogue.products.get(pid) if pid else None
    if pid and product is None:
        from bcalc.reader import closest

        hint = closest(pid, tuple(catalogue.products))
        r.error(path + ("product",), f"unknown product '{pid}'" + (f"; did you mean '{hint}'?" if hint else
                                                                    "; see `bcalc catalogue list`"))
    clients = _per_year(r, d.get("clients"), path + ("clients",), years) if "clients" in d and d["clients"] is not None else None
    options = r.id_list(d, "options", path) or ()
    index_cap = r.percent(d, "index_cap", path, hi=Decimal(1))
    prices: dict[str, Decimal] = {}
    quantities: dict[str, Decimal] = {}
    vat_rates: dict[str, Decimal] = {}
    for key, target in (("prices", prices), ("quantities", quantities), ("vat_rates", vat_rates)):
        raw = d.get(key)
        if raw is None:
            continue
        if not isinstance(raw, dict):
            r.error(path + (key,), "expected a mapping of item id: value")
            continue
        for item_id, value in raw.items():
            ip = path + (key, item_id)
            v = r.percent_value(value, ip, hi=Decimal(1)) if key == "vat_rates" else r.number_value(value, ip)
            if key == "vat_rates" and v is not None and vat_rates_known and v not in vat_rates_known:
                known = ", ".join(f"{x * 100:g}%" for x in sorted(vat_rates_known, reverse=True))
                r.error(ip, f"{value} is not a Dutch VAT rate ({known})")
                continue
            if product is not None and product.item(str(item_id)) is None and not (
                    key == "quantities" and any(t.id == item_id for t in product.time)):
                r.error(ip, f"product {product.id} has no item '{item_id}'; items: "
                            f"{', '.join(it.id for it in product.items)}")
                continue
            if v is None:
                continue
            item = product.item(str(item_id)) if product is not None else None
            if key == "quantities" and item is not None and item.packs and v != v.to_integral_value():
                r.error(ip, f"must be a whole number of pieces ({item.label}), got {value}")
                continue
            if key == "quantities" and item is not None and item.packs and v > 100_000:
                r.error(ip, f"{v} pieces is more than bcalc buys in packs (100000)")
                continue
            target[str(item_id)] = v
    if product is not None:
        known = product.option_names
        for j, o in enumerate(options):
            if o not in known:
                r.error(path + ("options", j), f"product {product.id} has no option '{o}'"
                        + (f"; options: {', '.join(sorted(known))}" if known else "; it has no options"))
        for ch in product.choices:
            picked = [o for o in options if o in ch.options]
            if len(picked) > 1:
                r.error(path + ("options",), f"options {' and '.join(picked)} exclude each other ({ch.id}); pick one")
            if not picked and ch.default is None and ch.required:
                r.error(path + ("options",), f"product {product.id} needs one of: {', '.join(ch.options)} ({ch.label or ch.id})")
        active = set(options) | {ch.default for ch in product.choices
                                 if ch.default and not any(o in ch.options for o in options)}
        for it in product.items:
            if it.options and not active.intersection(it.options):
                continue
            if it.basis == "role" and it.role and it.id not in quantities and it.role not in declared:
                r.error(path + ("product",), f"item '{it.id}' is priced per {it.role}: give staff.{it.role}.count")
            if it.basis == "team" and "teams" not in declared and it.id not in quantities:
                r.error(path + ("product",), f"item '{it.id}' is priced per team: give staff.teams")
            if it.currency != "EUR" and it.currency not in fx and it.id not in prices \
                    and f"fx.{it.currency}" not in declared:
                r.error(path + ("product",), f"item '{it.id}' is quoted in {it.currency}: give fx.{it.currency} "
                        f"(euros per {it.currency}) or a euro price under prices.{it.id}")
        for t in product.time:
            if not t.counted or (t.options and not active.intersection(t.options)):
                continue
            if t.role and t.role not in declared:
                r.error(path + ("product",), f"time line '{t.id}' needs staff.{t.role} (a count; a rate per hour to value the hours)")
            if t.per == "team" and "teams" not in declared:
                r.error(path + ("product",), f"time line '{t.id}' counts per team: give staff.teams")
    contract = Contract()
    if d.get("contract") is not None:
        cp = path + ("contract",)
        cm = r.mapping(d["contract"], cp, ("term", "min_clients", "exit_year"))
        if cm is not None:
            contract = Contract(term=r.integer(cm, "term", cp, lo=1, hi=MAX_YEARS),
                                min_clients=r.integer(cm, "min_clients", cp, lo=0),
                                exit_year=r.integer(cm, "exit_year", cp, lo=1, hi=MAX_YEARS))
            if contract.exit_year is not None and years is not None and contract.exit_year > years:
                r.error(cp + ("exit_year",), f"year {contract.exit_year} is after the case's last year {years}")
            if contract.exit_year is not None and contract.term is not None and contract.exit_year > contract.term:
                r.error(cp + ("exit_year",), f"stopping after year {contract.exit_year} is after the end of the "
                                             f"{contract.term}-year term")
    return Deployment(product=pid or "", clients=clients or (), options=options, prices=prices,
                      quantities=quantities, vat_rates=vat_rates, index_cap=index_cap, label=r.text(d, "label", path),
                      contract=contract)


def _benefit(r: Reader, b: object, path: tuple, years, n_deployments: int, declared: set[str], staff) -> Benefit | None:
    b = r.mapping(b, path, BENEFIT_KEYS, ("label", "kind", "per"))
    if b is None:
        return None
    kind = r.choice(b, "kind", path, ("time", "avoided_cost"))
    per = r.choice(b, "per", path, ("day", "week", "month", "year"))
    dep = r.integer(b, "deployment", path, lo=1)
    if dep is None and "deployment" not in b:
        if n_deployments > 1 and b.get("clients") is None:
            r.error(path, "the case has several deployments: say whose clients it follows (deployment: 1, 2, ...)")
        dep = 1
    elif dep is not None and n_deployments and dep > n_deployments:
        r.error(path + ("deployment",), f"there is no deployment {dep}; the case has {n_deployments}")
        dep = None
    minutes = r.number(b, "minutes", path)
    hours = r.number(b, "hours", path)
    amount = r.number(b, "amount", path)
    role = r.choice(b, "role", path, ROLES)
    if kind == "time":
        if ("minutes" in b) == ("hours" in b):
            r.error(path, "time freed needs either minutes or hours per client per period")
        if "role" not in b:
            r.error(path + ("role",), "time freed needs the role whose time it is (e.g. care_staff)")
        elif role is not None and role not in declared:
            r.error(path + ("role",), f"needs staff.{role} (count, and rate to value the time)")
        if "amount" in b:
            r.error(path + ("amount",), "an amount belongs to kind avoided_cost")
    elif kind == "avoided_cost":
        if "amount" not in b:
            r.error(path, "an avoided cost needs amount (euros per client per period)")
        for key in ("minutes", "hours", "role"):
            if key in b:
                r.error(path + (key,), f"{key} belongs to kind time")
    realisation = r.percent(b, "realisation", path, default=Decimal(1), hi=Decimal(1))
    clients = _per_year(r, b["clients"], path + ("clients",), years) if b.get("clients") is not None else None
    source = r.text(b, "source", path, default="") or ""
    return Benefit(label=r.text(b, "label", path, default="") or "", kind=kind or "time",
                   deployment=(dep or 1) - 1, per=per or "month", minutes=minutes, hours=hours, role=role,
                   amount=amount, realisation=realisation if realisation is not None else Decimal(1),
                   cashable=r.boolean(b, "cashable", path), clients=clients, source=source,
                   vendor_claim=r.boolean(b, "vendor_claim", path))


def _funding(r: Reader, f: object, path: tuple, years, tariffs: Tariffs) -> FundingLine | None:
    f = r.mapping(f, path, ("code", "label", "clients", "hours_per_month", "tariff", "day_rate", "technology_share",
                            "amount", "year"), ("code",))
    if f is None:
        return None
    code = r.text(f, "code", path)
    fc = tariffs.funding.get(code) if code else None
    if code and fc is None:
        r.error(path + ("code",), f"unknown funding code '{code}'; known: {', '.join(tariffs.funding)}")
        return None
    if fc is None:
        return None
    allowed = {"hourly": ("code", "label", "clients", "hours_per_month", "tariff"),
               "vpt": ("code", "label", "clients", "day_rate", "technology_share"),
               "subsidy": ("code", "label", "amount", "year")}[fc.kind]
    for key in f:
        if key not in allowed:
            r.error(path + (key,), f"does not apply to {code} ({fc.kind}); fields: {', '.join(allowed)}")
    clients = None
    if fc.kind in ("hourly", "vpt"):
        if f.get("clients") is None:
            r.error(path, f"{code} needs clients")
        else:
            clients = _per_year(r, f["clients"], path + ("clients",), years)
    line = FundingLine(code=code, label=r.text(f, "label", path), clients=clients,
                       hours_per_month=r.number(f, "hours_per_month", path) if "hours_per_month" in allowed else None,
                       tariff=r.number(f, "tariff", path) if "tariff" in allowed else None,
                       day_rate=r.number(f, "day_rate", path) if "day_rate" in allowed else None,
                       technology_share=r.percent(f, "technology_share", path, hi=Decimal(1)) if "technology_share" in allowed else None,
                       amount=r.number(f, "amount", path) if "amount" in allowed else None,
                       year=r.integer(f, "year", path, lo=1, hi=MAX_YEARS) if "year" in allowed else None)
    if fc.kind == "hourly":
        if "hours_per_month" not in f:
            r.error(path, f"{code} needs hours_per_month")
        if line.tariff is None and "tariff" not in f and not fc.tariffs:
            r.error(path, f"{code} has no public tariff in {tariffs.path or 'the tariffs catalogue'}: "
                          f"give the contracted tariff (tariff: EUR per hour)")
    elif fc.kind == "vpt":
        if "day_rate" not in f:
            r.error(path, "VPT needs day_rate: the VPT day rate (EUR per day) of the care profile, from your contract")
        if "technology_share" not in f:
            r.error(path, "VPT needs technology_share: the part of the day rate available for technology")
    else:
        if "amount" not in f:
            r.error(path, "a subsidy needs amount")
        if "year" not in f:
            r.error(path, "a subsidy needs year (contract year 1, 2, ...)")
        elif years is not None and line.year is not None and line.year > years:
            r.error(path + ("year",), f"year {line.year} is after the case's last year {years}")
    return line


def load_catalogues(directory: Path | None = None) -> tuple[Catalogue, Tariffs]:
    """Both catalogues, with the problems of both reported together."""
    problems = []
    catalogue = tariffs = None
    try:
        catalogue = load_catalogue(directory)
    except InputError as exc:
        problems += exc.problems
    try:
        tariffs = load_tariffs(directory)
    except InputError as exc:
        problems += exc.problems
    if problems:
        raise InputError(problems)
    return catalogue, tariffs  # type: ignore[return-value]


def load_all(case_path: Path, catalogue_dir: Path | None = None, shown: str | None = None):
    catalogue, tariffs = load_catalogues(catalogue_dir)
    case = load_case(case_path, catalogue, tariffs, shown)
    return catalogue, tariffs, case


__all__ = ["load_catalogue", "load_tariffs", "load_case", "load_all", "InputError"]
