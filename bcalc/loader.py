"""The only way in: reads the catalogues and a case file into frozen models.

Every problem in a file is collected and reported at once as ``FILE:LINE: field: message``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from bcalc import fields as F
from bcalc import paths
from bcalc.errors import InputError
from bcalc.models import (
    ROLES,
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
from bcalc.rules import Loaded, run_checks
from bcalc.yamltree import Num, read_tree

SOURCE_RE = re.compile(r"^(\d{3}):(\d+)(?:-(\d+))?$")
REF_RE = re.compile(r"^[CT]\d{2}[a-z]?$")
MAX_YEARS = F.MAX_YEARS


def _getter(r: Reader, m: dict, sec: F.Section, path: tuple):
    """Reads the scalar fields of one mapping by name, as the section declares them."""
    def get(name: str, *default):
        return r.value(m, sec[name], path, *default)
    return get


# ---- catalogue ------------------------------------------------------------------------


def _price(r: Reader, m: dict, path: tuple, sec: F.Section, required: bool, amount_key: str = "amount",
           low_key: str = "low", high_key: str = "high", written_from: dict | None = None,
           written_path: tuple | None = None) -> Price | None:
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


def _vat_rate_unknown(value: object, rate: Decimal, known: frozenset) -> str | None:
    """Why a VAT rate is not one of the rates of the tariffs file, or None."""
    if not known or rate in known:
        return None
    rates = ", ".join(F.shown(x, percent=True) for x in sorted(known, reverse=True))
    return f"{value} is not a Dutch VAT rate ({rates})"


def _item(r: Reader, m: object, path: tuple, docs: dict, vat_rates: frozenset = frozenset()) -> Item | None:
    m = r.section(m, path, F.ITEM)
    if m is None:
        return None
    get = _getter(r, m, F.ITEM, path)
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
        t = r.section(t, tp, F.TIER)
        if t is None:
            continue
        tget = _getter(r, t, F.TIER, tp)
        price = _price(r, t, tp, F.TIER, required=True)
        tref = tget("ref")
        if tref is not None and not REF_RE.match(tref):
            r.error(tp + ("ref",), f"'{tref}' is not a line id such as C21")
        if price is not None:
            tiers.append(Tier(price=price, min_units=tget("min_units"), min_years=tget("min_years"), ref=tref,
                              source=_source(r, t, tp, docs, required=False) or "",
                              label=tget("label") or ""))
    packs: list[Pack] = []
    for i, p in enumerate(packs_raw or []):
        pp = path + ("packs", i)
        p = r.section(p, pp, F.PACK)
        if p is None:
            continue
        size = r.value(p, F.PACK["size"], pp)
        price = _price(r, p, pp, F.PACK, required=True)
        if size is not None and price is not None:
            packs.append(Pack(size=size, price=price))
    price = _price(r, m, path, F.ITEM, required=False)
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
    if vat_rate is not None and (why := _vat_rate_unknown(m["vat_rate"], vat_rate, vat_rates)):
        r.error(path + ("vat_rate",), why)
    return Item(
        id=item_id or "",
        ref=ref,
        label=get("label") or "",
        category=get("category") or "one_off",
        basis=basis or "unit",
        timing=timing or "one_off",
        source=_source(r, m, path, docs),
        price=price,
        tiers=tuple(tiers),
        packs=tuple(sorted(packs, key=lambda p: p.size)),
        included=included,
        currency=get("currency") or "EUR",
        vat=get("vat") or "not_stated",
        vat_rate=vat_rate,
        role=role,
        options=get("options") or (),
        quantity=get("quantity"),
        tier_on=get("tier_on") or "units",
        from_year=get("from_year") or 1,
        note=get("note") or "",
        ambiguous=get("ambiguous"),
    )


def _timeline(r: Reader, m: object, path: tuple, docs: dict) -> TimeLine | None:
    m = r.section(m, path, F.TIME)
    if m is None:
        return None
    get = _getter(r, m, F.TIME, path)
    counted = get("counted")
    role = get("role")
    if counted and role is None and not r.has_problem(path + ("role",)):
        r.error(path, "counted time needs a role")
    hours = None
    if any(k in m for k in ("hours", "hours_low", "hours_high")):
        hours = _price(r, m, path, F.TIME, required=True, amount_key="hours", low_key="hours_low",
                       high_key="hours_high")
    phases: list[Phase] = []
    for i, ph in enumerate(r.seq(m.get("phases"), path + ("phases",)) or []):
        pp = path + ("phases", i)
        ph = r.section(ph, pp, F.PHASE)
        if ph is None:
            continue
        per_week = _price(r, ph, pp, F.PHASE, required=True, amount_key="hours_per_week", low_key="hours_per_week_low",
                          high_key="hours_per_week_high", written_from=m, written_path=path)
        weeks = r.value(ph, F.PHASE["weeks"], pp)
        months = r.value(ph, F.PHASE["months"], pp)
        if (weeks is None) == (months is None):
            r.error(pp, "a phase lasts either weeks or months")
        if per_week is not None:
            phases.append(Phase(hours_per_week=per_week, weeks=weeks, months=months))
    if counted and hours is None and not phases:
        r.error(path, "counted time needs hours or phases")
    return TimeLine(
        id=get("id") or "",
        ref=get("ref"),
        label=get("label") or "",
        category=get("category") or "internal",
        source=_source(r, m, path, docs),
        role=role,
        per=get("per") or "organisation",
        hours=hours,
        phases=tuple(phases),
        counted=counted,
        options=get("options") or (),
        written=get("written") or "",
        note=get("note") or "",
        ambiguous=get("ambiguous"),
    )


def _product(r: Reader, m: object, path: tuple, docs: dict, vat_rates: frozenset = frozenset()) -> Product | None:
    m = r.section(m, path, F.PRODUCT)
    if m is None:
        return None
    get = _getter(r, m, F.PRODUCT, path)
    pid = get("id") or ""
    source = _source(r, m, path, docs)
    match = SOURCE_RE.match(source or "")
    doc = docs.get(match.group(1)) if match else None
    price_year = get("price_year", doc.price_year if doc else None)
    if price_year is None:
        r.error(path + ("price_year",), "price year unknown: give price_year here or on the source document")
    items = [x for i, it in enumerate(r.seq(m.get("items"), path + ("items",), allow_empty=False) or [])
             if (x := _item(r, it, path + ("items", i), docs, vat_rates)) is not None]
    time = [x for i, t in enumerate(r.seq(m.get("time"), path + ("time",)) or [])
            if (x := _timeline(r, t, path + ("time", i), docs)) is not None]
    choices: list[Choice] = []
    for i, c in enumerate(r.seq(m.get("choices"), path + ("choices",)) or []):
        cp = path + ("choices", i)
        c = r.section(c, cp, F.CHOICE)
        if c is None:
            continue
        cget = _getter(r, c, F.CHOICE, cp)
        options = cget("options") or ()
        default = cget("default")
        if default is not None and default not in options:
            r.error(cp + ("default",), f"default '{default}' is not one of the options {', '.join(options)}")
        choices.append(Choice(id=cget("id") or "", options=options, default=default,
                              label=cget("label") or "", required=cget("required")))
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
            sget = _getter(r, value, F.SOURCE, sp)
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
        get = _getter(r, f, F.FUNDING_CODE, fp)
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
                                    tariffs=tariffs, note=get("note") or "")
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
            dget = _getter(r, dm, F.DISCOUNT, ("discount",))
            reference = dget("reference_rate")
            reference_source = dget("source") or ""
            dget("real")
    uncertainty: dict = {}
    if root.get("uncertainty") is not None:  # assumptions of bcalc simulate / sensitivity
        um = r.section(root["uncertainty"], ("uncertainty",), F.UNCERTAINTY)
        if um is not None:
            uget = _getter(r, um, F.UNCERTAINTY, ("uncertainty",))
            for key in ("approx_spread", "default_swing"):
                value = uget(key)
                if value is not None:
                    uncertainty[key] = value
            uncertainty["basis"] = uget("basis") or ""
    r.raise_if_any()
    return Tariffs(funding=funding, vat_standard=standard, vat_rates=rates,
                   vat_source=vat_source, scenarios=scenarios, path=str(path),
                   discount_reference=reference, discount_source=reference_source, uncertainty=uncertainty)


# ---- case -----------------------------------------------------------------------------

START_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


def _per_year(r: Reader, value: object, path: tuple, years: int | None, f: F.Field) -> tuple[int, ...] | None:
    """Clients: one number, or one per contract year, within the bounds of field ``f``."""
    if isinstance(value, list):
        out = []
        for i, v in enumerate(value):
            n = r.entry(v, f, path + (i,))
            out.append(n)
        if years is not None and len(value) != years:
            r.error(path, f"has {len(value)} entries but the case runs {years} years; give one per year or a single number")
            return None
        if any(n is None for n in out):
            return None
        return tuple(out)  # type: ignore[arg-type]
    n = r.entry(value, f, path)
    if n is None:
        return None
    return tuple([n] * (years or 1))


def _start(r: Reader, start: object) -> tuple[int | None, int | None]:
    if isinstance(start, (list, dict, bool)):
        r.error(("start",), "expected a month written YYYY-MM, such as 2027-01")
        return None, None
    if start is None:
        return None, None
    text = str(start).strip()
    match = START_RE.match(text)
    if not match:
        r.error(("start",), f"'{text}' is not a month written YYYY-MM, such as 2027-01")
        return None, None
    start_year, start_month = int(match.group(1)), int(match.group(2))
    if not 1 <= start_month <= 12:
        r.error(("start",), f"month {start_month} does not exist (1 to 12)")
        start_month = None
    if not 2000 <= start_year <= 2100:
        r.error(("start",), f"year {start_year} is outside 2000-2100")
        start_year = None
    return start_year, start_month


def load_case(path: Path, catalogue: Catalogue, tariffs: Tariffs, shown: str | None = None) -> Case:
    tree = read_tree(Path(path), shown)
    r = Reader(tree)
    root = r.section(tree.data, (), F.CASE)
    if root is None:
        r.raise_if_any()
    get = _getter(r, root, F.CASE, ())
    title = get("case")
    start_year, start_month = _start(r, root.get("start"))
    years = get("years")
    scenario = get("scenario")

    indexation = Indexation()
    if root.get("indexation") is not None:
        im = r.section(root["indexation"], ("indexation",), F.CASE_INDEXATION)
        if im is not None:
            indexation = Indexation(*(r.value(im, F.CASE_INDEXATION[k], ("indexation",))
                                      for k in ("prices", "wages", "tariffs")))
    recoverable = Decimal(0)
    if root.get("vat") is not None:
        vm = r.section(root["vat"], ("vat",), F.CASE_VAT)
        if vm is not None:
            recoverable = r.value(vm, F.CASE_VAT["recoverable"], ("vat",))

    staff: dict[str, StaffRole] = {}
    teams = None
    given: set[str] = set()  # inputs written in the file, valid or not: no follow-on errors
    if root.get("staff") is not None:
        sm = r.section(root["staff"], ("staff",), F.CASE_STAFF)
        if sm is not None:
            given = {f"staff.{k}" for k in sm}
            teams = r.value(sm, F.CASE_STAFF["teams"], ("staff",))
            for role in ROLES:
                if role not in sm or sm[role] is None:
                    continue
                rp = ("staff", role)
                rm = r.section(sm[role], rp, F.CASE_STAFF_ROLE)
                if rm is None:
                    continue
                count = r.value(rm, F.CASE_STAFF_ROLE["count"], rp)
                rate = r.value(rm, F.CASE_STAFF_ROLE["rate"], rp)
                if count is not None:
                    staff[role] = StaffRole(count=count, rate=rate)

    fx: dict[str, Decimal] = {}
    if root.get("fx") is not None:
        fm = r.section(root["fx"], ("fx",), F.CASE_FX)
        if fm is not None:
            given |= {f"fx.{k}" for k in fm}
            usd = r.value(fm, F.CASE_FX["USD"], ("fx",))
            if usd is not None:
                if usd == 0:
                    r.error(("fx", "USD"), "an exchange rate cannot be 0")
                else:
                    fx["USD"] = usd

    deployments: list[Deployment] = []
    for i, d in enumerate(r.seq(root.get("deployments"), ("deployments",), allow_empty=False) or []):
        dep = _deployment(r, d, ("deployments", i), years, catalogue, frozenset(tariffs.vat_rates.values()))
        if dep is not None:
            deployments.append(dep)

    funding: list[FundingLine] = []
    for i, f in enumerate(r.seq(root.get("funding"), ("funding",)) or []):
        line = _funding(r, f, ("funding", i), years, tariffs)
        if line is not None:
            funding.append(line)

    benefits: list[Benefit] = []
    for i, b in enumerate(r.seq(root.get("benefits"), ("benefits",)) or []):
        benefit = _benefit(r, b, ("benefits", i), years)
        if benefit is not None:
            benefits.append(benefit)
    discount_rate = get("discount_rate")
    hours_per_fte = get("hours_per_fte")

    case = Case(title=title or "", organisation=get("organisation"), start_year=start_year or 0,
                start_month=start_month or 0, years=years or 0, deployments=tuple(deployments),
                scenario=scenario if scenario is not None else "base", indexation=indexation,
                vat_recoverable=recoverable if recoverable is not None else Decimal(0),
                staff=staff, teams=teams, funding=tuple(funding), fx=fx, file=tree.file, benefits=tuple(benefits),
                discount_rate=discount_rate, hours_per_fte=hours_per_fte)
    r.problems += run_checks(Loaded(case, catalogue, tariffs, tree, frozenset(given)))
    r.raise_if_any()
    return case


def _deployment(r: Reader, d: object, path: tuple, years, catalogue: Catalogue,
                vat_rates_known: frozenset = frozenset()) -> Deployment | None:
    d = r.section(d, path, F.CASE_DEPLOYMENT)
    if d is None:
        return None
    get = _getter(r, d, F.CASE_DEPLOYMENT, path)
    pid = get("product")
    product = catalogue.products.get(pid) if pid else None
    if pid and product is None:
        from bcalc.reader import closest

        hint = closest(pid, tuple(catalogue.products))
        r.error(path + ("product",), f"unknown product '{pid}'" + (f"; did you mean '{hint}'?" if hint else
                                                                    "; see `bcalc catalogue list`"))
    clients = _per_year(r, d.get("clients"), path + ("clients",), years, F.CASE_DEPLOYMENT["clients"]) \
        if d.get("clients") is not None else None
    options = get("options") or ()
    index_cap = get("index_cap")
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
            v = r.entry(value, F.CASE_DEPLOYMENT[key], ip)
            if key == "vat_rates" and v is not None and (why := _vat_rate_unknown(value, v, vat_rates_known)):
                r.error(ip, why)
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
    contract = Contract()
    if d.get("contract") is not None:
        cp = path + ("contract",)
        cm = r.section(d["contract"], cp, F.CASE_CONTRACT)
        if cm is not None:
            cget = _getter(r, cm, F.CASE_CONTRACT, cp)
            contract = Contract(term=cget("term"), min_clients=cget("min_clients"), exit_year=cget("exit_year"))
    return Deployment(product=pid or "", clients=clients or (), options=options, prices=prices,
                      quantities=quantities, vat_rates=vat_rates, index_cap=index_cap, label=get("label"),
                      contract=contract, where=path)


def _benefit(r: Reader, b: object, path: tuple, years) -> Benefit | None:
    b = r.section(b, path, F.CASE_BENEFIT)
    if b is None:
        return None
    get = _getter(r, b, F.CASE_BENEFIT, path)
    kind = get("kind")
    per = get("per")
    dep = get("deployment")
    minutes = get("minutes")
    hours = get("hours")
    amount = get("amount")
    role = get("role")
    if kind is not None:
        r.kind_fields(b, path, F.CASE_BENEFIT, kind)
    if kind == "time":
        if ("minutes" in b) == ("hours" in b):
            r.error(path, "time freed needs either minutes or hours per client per period")
        if "role" not in b:
            r.error(path + ("role",), "time freed needs the role whose time it is (e.g. care_staff)")
        if "amount" in b:
            r.error(path + ("amount",), "an amount belongs to kind avoided_cost")
    elif kind == "avoided_cost":
        if "amount" not in b:
            r.error(path, "an avoided cost needs amount (euros per client per period)")
        for key in ("minutes", "hours", "role"):
            if key in b:
                r.error(path + (key,), f"{key} belongs to kind time")
    realisation = get("realisation")
    clients = _per_year(r, b["clients"], path + ("clients",), years, F.CASE_BENEFIT["clients"]) \
        if b.get("clients") is not None else None
    return Benefit(label=get("label") or "", kind=kind or "time",
                   deployment=(dep or 1) - 1, per=per or "month", minutes=minutes, hours=hours, role=role,
                   amount=amount, realisation=realisation if realisation is not None else Decimal(1),
                   cashable=get("cashable"), clients=clients, source=get("source") or "",
                   vendor_claim=get("vendor_claim"), where=path)


def _funding(r: Reader, f: object, path: tuple, years, tariffs: Tariffs) -> FundingLine | None:
    f = r.section(f, path, F.CASE_FUNDING)
    if f is None:
        return None
    get = _getter(r, f, F.CASE_FUNDING, path)
    code = get("code")
    fc = tariffs.funding.get(code) if code else None
    if code and fc is None:
        r.error(path + ("code",), f"unknown funding code '{code}'; known: {', '.join(tariffs.funding)}")
        return None
    if fc is None:
        return None
    allowed = F.CASE_FUNDING.applying(fc.kind)
    for key in f:
        if key not in allowed:
            r.error(path + (key,), f"does not apply to {code} ({fc.kind}); fields: {', '.join(allowed)}")
    r.kind_fields(f, path, F.CASE_FUNDING, fc.kind, code=code)
    clients = None
    if fc.kind in ("hourly", "vpt") and f.get("clients") is not None:
        clients = _per_year(r, f["clients"], path + ("clients",), years, F.CASE_FUNDING["clients"])
    values = {name: get(name) if name in allowed else None
              for name in ("hours_per_month", "tariff", "day_rate", "technology_share", "amount", "year")}
    return FundingLine(code=code, label=get("label"), clients=clients, where=path, **values)


def load_catalogues(directory: Path | None = None) -> tuple[Catalogue, Tariffs]:
    """Both catalogues, with the problems of both reported together; a clean load is kept between
    runs (bcalc.loadcache)."""
    from bcalc import loadcache

    directory = Path(directory) if directory else paths.data_dir()
    stamp, kept = loadcache.get(directory)
    if kept is not None:
        return kept
    loaded = _load_catalogues(directory)
    loadcache.put(directory, stamp, loaded)
    return loaded


def _load_catalogues(directory: Path) -> tuple[Catalogue, Tariffs]:
    catalogue = tariffs = None
    tariff_problems = []
    try:
        tariffs = load_tariffs(directory)
    except InputError as exc:
        tariff_problems = exc.problems
    problems = []
    try:
        catalogue = load_catalogue(directory, frozenset(tariffs.vat_rates.values()) if tariffs else frozenset())
    except InputError as exc:
        problems += exc.problems
    problems += tariff_problems
    if problems:
        raise InputError(problems)
    return catalogue, tariffs  # type: ignore[return-value]


def load_all(case_path: Path, catalogue_dir: Path | None = None, shown: str | None = None):
    catalogue, tariffs = load_catalogues(catalogue_dir)
    case = load_case(case_path, catalogue, tariffs, shown)
    return catalogue, tariffs, case


__all__ = ["load_catalogue", "load_tariffs", "load_case", "load_all", "InputError"]
