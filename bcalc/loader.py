"""The only way in: reads a case file, against the catalogues (``bcalc.catalogue_loader``), into
frozen models.

Every problem in a file is collected and reported at once as ``FILE:LINE: field: message``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from bcalc import fields as F
from bcalc import paths
from bcalc.catalogue_loader import (_item, _product, _timeline, bought_outright, load_catalogue, load_tariffs,
                               lowest_price, vat_rate_unknown)
from bcalc.errors import InputError
from bcalc.models import (
    GATE_KPIS,
    ROLES,
    Asset,
    Benefit,
    Case,
    CasePhase,
    Gate,
    GateCriterion,
    Catalogue,
    Contract,
    Deployment,
    FundingLine,
    Indexation,
    Product,
    Quote,
    StaffRole,
    Tariffs,
)
from bcalc.reader import ID_RE, Reader, getter
from bcalc.rules import Loaded, run_checks
from bcalc.yamltree import read_tree


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
    get = getter(r, root, F.CASE, ())
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

    phases = _phases(r, root.get("phases"), years)
    staff: dict[str, StaffRole] = {}
    teams = None
    phase_teams = None
    given: set[str] = set()  # inputs written in the file, valid or not: no follow-on errors
    if root.get("staff") is not None:
        sm = r.section(root["staff"], ("staff",), F.CASE_STAFF)
        if sm is not None:
            given = {f"staff.{k}" for k in sm}
            teams, phase_teams = _phase_count(r, sm, F.CASE_STAFF["teams"], ("staff",), phases, "teams")
            for role in ROLES:
                if role not in sm or sm[role] is None:
                    continue
                rp = ("staff", role)
                rm = r.section(sm[role], rp, F.CASE_STAFF_ROLE)
                if rm is None:
                    continue
                count, phase_count = _phase_count(r, rm, F.CASE_STAFF_ROLE["count"], rp, phases, "heads")
                rate = r.value(rm, F.CASE_STAFF_ROLE["rate"], rp)
                if count is not None:
                    staff[role] = StaffRole(count=count, rate=rate, phase_count=phase_count)

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

    parties = _parties(r, root.get("parties"))
    known = F.PARTY_CODES + tuple(parties)
    vat_known = frozenset(tariffs.vat_rates.values())
    # of each catalogue item with versions, the one that applies in the start month (bcalc.rules says
    # where a deployment would charge an item that has none)
    catalogue = catalogue.at(f"{start_year:04d}-{start_month:02d}" if start_year and start_month else None)
    own_products = _own_products(r, root.get("products"), catalogue, vat_known, start_year)
    catalogue = catalogue.with_products(own_products)
    deployments: list[Deployment] = []
    own_lines: list[tuple[int, Deployment, tuple, tuple]] = []  # (index, deployment, items, time lines)
    for i, d in enumerate(r.seq(root.get("deployments"), ("deployments",), allow_empty=False) or []):
        got = _deployment(r, d, ("deployments", i), years, catalogue, vat_known, phases)
        if got is not None:
            dep, items, time = got
            dep = _deployment_parties(r, d, ("deployments", i), dep, known)
            if items or time:
                own_lines.append((len(deployments), dep, items, time))
            deployments.append(dep)
    additions = _with_own_lines(r, catalogue, own_lines)
    catalogue = catalogue.with_products(additions)

    funding: list[FundingLine] = []
    for i, f in enumerate(r.seq(root.get("funding"), ("funding",)) or []):
        line = _funding(r, f, ("funding", i), years, tariffs, phases)
        if line is not None:
            line = _funding_extras(r, f, ("funding", i), line, tariffs, known)
            funding.append(line)

    benefits: list[Benefit] = []
    for i, b in enumerate(r.seq(root.get("benefits"), ("benefits",)) or []):
        benefit = _benefit(r, b, ("benefits", i), years, phases)
        if benefit is not None and isinstance(b, dict) and b.get("party") is not None:
            benefit = replace(benefit, party=party_shares(r, b["party"], ("benefits", i, "party"), known) or ())
        if benefit is not None:
            benefits.append(benefit)
    discount_rate = get("discount_rate")
    hours_per_fte = get("hours_per_fte")
    catalogue_prices = get("catalogue_prices")
    catalogue_index = _catalogue_index(r, root.get("catalogue_index"))

    case = Case(title=title or "", organisation=get("organisation"), start_year=start_year or 0,
                start_month=start_month or 0, years=years or 0, deployments=tuple(deployments),
                scenario=scenario if scenario is not None else "base", indexation=indexation,
                vat_recoverable=recoverable if recoverable is not None else Decimal(0),
                staff=staff, teams=teams, phase_teams=phase_teams, funding=tuple(funding), fx=fx, file=tree.file, benefits=tuple(benefits),
                discount_rate=discount_rate, hours_per_fte=hours_per_fte,
                products=tuple({**{p.id: p for p in own_products}, **{p.id: p for p in additions}}.values()),
                catalogue_prices=catalogue_prices or "as_quoted", catalogue_index=catalogue_index,
                interest_rate=get("interest_rate"), parties=parties,
                item_parties=_product_item_parties(r, root.get("products"), known), phases=phases)
    r.problems += run_checks(Loaded(case, catalogue, tariffs, tree, frozenset(given)))
    r.raise_if_any()
    return case


def _own_products(r: Reader, raw: object, catalogue: Catalogue, vat_known: frozenset,
                  start_year: int | None) -> list[Product]:
    """The case's own products (``products:``), read as catalogue products with free-text sources."""
    out: list[Product] = []
    for i, pm in enumerate(r.seq(raw, ("products",)) or []):
        pp = ("products", i)
        for j, it in enumerate(pm.get("items") or [] if isinstance(pm, dict) else []):
            if isinstance(it, dict) and "phase" in it:
                r.error(pp + ("items", j, "phase"), "only a deployment's own items take phase; give the item "
                                                     "under deployments[].items")
        for j, t in enumerate(pm.get("time") or [] if isinstance(pm, dict) else []):
            if isinstance(t, dict) and "phase" in t:
                r.error(pp + ("time", j, "phase"), "only a deployment's own time lines take phase; give the line "
                                                    "under deployments[].time")
        product = _product(r, pm, pp, {}, vat_known, own_year=start_year or 0)
        if product is None:
            continue
        if catalogue.product(product.id) is not None:
            r.error(pp + ("id",), f"'{product.id}' is a catalogue product; give your own product another id")
            continue
        if any(p.id.casefold() == product.id.casefold() for p in out):
            r.error(pp + ("id",), f"product id '{product.id}' is used twice")
            continue
        out.append(product)
    return out


def _own_lines(r: Reader, d: dict, path: tuple, product: Product | None, vat_known: frozenset,
               phases: tuple = ()) -> tuple:
    """A deployment's own items and time lines (``items:``, ``time:``): each only for this deployment."""
    from dataclasses import replace

    items = []
    for i, it in enumerate(r.seq(d.get("items"), path + ("items",)) or []):
        x = _item(r, it, path + ("items", i), {}, vat_known, own=True)
        if x is not None and isinstance(it, dict) and it.get("phase") is not None:
            only = _phase_refs(r, it["phase"], path + ("items", i, "phase"), phases)
            if only and x.lifetime is not None:
                r.error(path + ("items", i, "phase"), "an item with a lifetime is not restricted to phases; "
                                                      "leave out lifetime or phase")
            x = replace(x, phases=only)
        if x is not None:
            items.append(x)
    time = []
    for i, t in enumerate(r.seq(d.get("time"), path + ("time",)) or []):
        x = _timeline(r, t, path + ("time", i), {}, own=True)
        if x is not None and isinstance(t, dict) and t.get("phase") is not None:
            x = replace(x, case_phases=_phase_refs(r, t["phase"], path + ("time", i, "phase"), phases))
        if x is not None:
            time.append(x)
    taken = {it.id for it in product.items} | {t.id for t in product.time} if product is not None else set()
    seen: set[str] = set()
    for kind, entries in (("items", items), ("time", time)):
        for i, e in enumerate(entries):
            if e.id in taken:
                r.error(path + (kind, i, "id"), f"product {product.id} already has a line '{e.id}'; give your own "
                                                f"line another id")
            elif e.id in seen:
                r.error(path + (kind, i, "id"), f"id '{e.id}' is used twice in this deployment")
            seen.add(e.id)
    return (tuple(replace(it, deployment_only=True) for it in items),
            tuple(replace(t, deployment_only=True) for t in time))


def _with_own_lines(r: Reader, catalogue: Catalogue, own_lines: list) -> list[Product]:
    """The products of deployments with lines of their own, with those lines added (each marked as its
    deployment's only). An id two deployments of one product both use must mean the same line."""
    from dataclasses import replace

    added: dict[str, list] = {}
    for index, dep, items, time in own_lines:
        product = catalogue.product(dep.product)
        if product is None:
            continue
        entry = added.setdefault(product.id, [product, {}, {}])
        for kind, lines, kept in (("items", items, entry[1]), ("time", time, entry[2])):
            for i, line in enumerate(lines):
                if line.id in kept and kept[line.id] != line:
                    r.error(dep.where + (kind, i, "id"), f"another deployment of {product.id} has an own line "
                                                         f"'{line.id}' that differs; give each its own id")
                kept.setdefault(line.id, line)
    return [replace(product, items=product.items + tuple(items.values()), time=product.time + tuple(time.values()))
            for product, items, time in added.values()]


def _deployment(r: Reader, d: object, path: tuple, years, catalogue: Catalogue,
                vat_rates_known: frozenset = frozenset(), phases: tuple = ()) -> tuple[Deployment, tuple, tuple] | None:
    d = r.section(d, path, F.CASE_DEPLOYMENT)
    if d is None:
        return None
    get = getter(r, d, F.CASE_DEPLOYMENT, path)
    pid = get("product")
    product = catalogue.product(pid) if pid else None
    if product is not None:
        pid = product.id  # written in other capitals: the catalogue's id from here on
    if pid and product is None:
        from bcalc.reader import closest

        hint = closest(pid, tuple(catalogue.products))
        r.error(path + ("product",), f"unknown product '{pid}'" + (f"; did you mean '{hint}'?" if hint else
                                                                    "; see `bcalc catalogue list`"))
    phase_clients = None
    if isinstance(d.get("clients"), dict):
        clients, phase_clients = _phase_clients(r, d["clients"], path + ("clients",), years, phases)
    else:
        clients = _per_year(r, d.get("clients"), path + ("clients",), years, F.CASE_DEPLOYMENT["clients"]) \
            if d.get("clients") is not None else None
    own_items, own_time = _own_lines(r, d, path, product, vat_rates_known, phases)
    if product is not None and (own_items or own_time):
        from dataclasses import replace

        product = replace(product, items=product.items + own_items, time=product.time + own_time)
    quotes: dict[str, Quote] = {}
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
            if key == "prices" and isinstance(value, dict):
                v, quote = _quote(r, value, ip)
                if quote is None:
                    continue
                quotes[str(item_id)] = quote
            else:
                v = r.entry(value, F.CASE_DEPLOYMENT[key], ip)
            if key == "vat_rates" and v is not None and (why := vat_rate_unknown(value, v, vat_rates_known)):
                r.error(ip, why)
                continue
            if product is not None and any(it.id == str(item_id) for it in product.lapsed):
                continue  # an item without a version at the start: bcalc.rules says so
            if product is not None and product.item(str(item_id)) is None and not (
                    key == "quantities" and any(t.id == item_id for t in product.time)):
                r.error(ip, f"product {product.id} has no item '{item_id}'; items: "
                            f"{', '.join(it.id for it in product.items)}")
                continue
            if v is None:
                quotes.pop(str(item_id), None)
                continue
            item = product.item(str(item_id)) if product is not None else None
            if key == "quantities" and item is not None and item.packs and v != v.to_integral_value():
                r.error(ip, f"must be a whole number of pieces ({item.label}), got {value}")
                continue
            if key == "quantities" and item is not None and item.packs and v > 100_000:
                r.error(ip, f"{v} pieces is more than bcalc buys in packs (100000)")
                continue
            target[str(item_id)] = v
    count_time = _count_time(r, d.get("count_time"), path + ("count_time",), product)
    assets = _assets(r, d, path, product, prices)
    contract = Contract()
    if d.get("contract") is not None:
        cp = path + ("contract",)
        cm = r.section(d["contract"], cp, F.CASE_CONTRACT)
        if cm is not None:
            cget = getter(r, cm, F.CASE_CONTRACT, cp)
            contract = Contract(term=cget("term"), min_clients=cget("min_clients"), exit_year=cget("exit_year"))
    own_staff, own_teams, phase_staff, phase_teams = _deployment_staff(r, d.get("staff"), path + ("staff",),
                                                                       phases)
    dep = Deployment(product=pid or "", clients=clients or (), options=options, prices=prices,
                     quantities=quantities, vat_rates=vat_rates, index_cap=index_cap, label=get("label"),
                     contract=contract, count_time=count_time, hours_per_day=get("hours_per_day"),
                     hours_per_day_part=get("hours_per_day_part"), where=path,
                     own=tuple(x.id for x in own_items + own_time), quotes=quotes, assets=assets,
                     staff=own_staff, teams=own_teams, phase_staff=phase_staff, phase_teams=phase_teams,
                     phase_clients=phase_clients,
                     phase_base=clients if phase_clients is not None else None)
    return dep, own_items, own_time


def _quote(r: Reader, value: dict, path: tuple) -> tuple[Decimal | None, Quote | None]:
    """A price given as a quote: its amount (it goes with the deployment's prices), and how it is quoted
    (VAT), where it comes from and its year."""
    q = r.section(value, path, F.CASE_QUOTE)
    if q is None:
        return None, None
    get = getter(r, q, F.CASE_QUOTE, path)
    amount = get("amount")
    if amount is None:
        return None, None
    return amount, Quote(vat=get("vat"), source=get("source") or "", price_year=get("price_year"))


def _catalogue_index(r: Reader, raw: object) -> dict[int, Decimal]:
    """``catalogue_index``: the case's yearly rise of catalogue prices, by calendar year."""
    path = ("catalogue_index",)
    out: dict[int, Decimal] = {}
    if raw is None:
        return out
    if not isinstance(raw, dict):
        r.error(path, "expected a mapping of year: rate (2026: 2.1%)")
        return out
    for year, value in raw.items():
        y = r.year_key(year, path + (year,))
        v = r.entry(value, F.CASE["catalogue_index"], path + (year,))
        if y is not None and v is not None:
            out[y] = v
    return out


def _count_time(r: Reader, raw: object, path: tuple, product) -> dict[str, str]:
    """``count_time``: time-line id -> role. The line must be one of the product's; whether the
    role is in staff and the hours can be worked out is a rule of the whole case (rules.py)."""
    out: dict[str, str] = {}
    if raw is None:
        return out
    if not isinstance(raw, dict):
        r.error(path, "expected a mapping of time-line id: role")
        return out
    for line_id, role in raw.items():
        line_id = str(line_id)
        if product is not None and not any(t.id == line_id for t in product.time):
            ids = ", ".join(t.id for t in product.time) or "none"
            r.error(path + (line_id,), f"product {product.id} has no time line '{line_id}'; time lines: {ids}")
            continue
        value = r.choice({line_id: role}, line_id, path, F.CASE_DEPLOYMENT["count_time"].choices)
        if value is None:
            if role is None:
                r.error(path + (line_id,), "needs a role")
            continue
        out[line_id] = value
    return out


def _assets(r: Reader, d: dict, path: tuple, product, prices: dict[str, Decimal]) -> dict[str, Asset]:
    """The deployment's ``assets``: lifetime and residual value per item bought outright."""
    raw = d.get("assets")
    out: dict[str, Asset] = {}
    if raw is None:
        return out
    if not isinstance(raw, dict):
        r.error(path + ("assets",), "expected a mapping of item id: {lifetime, residual}")
        return out
    for item_id, value in raw.items():
        ip = path + ("assets", item_id)
        m = r.section(value, ip, F.CASE_ASSET)
        if m is None:
            continue
        lifetime = r.value(m, F.CASE_ASSET["lifetime"], ip)
        residual = r.value(m, F.CASE_ASSET["residual"], ip)
        if product is None:
            continue
        item = product.item(str(item_id))
        if item is None and any(it.id == str(item_id) for it in product.lapsed):
            continue  # an item without a version at the start: bcalc.rules says so
        if item is None:
            r.error(ip, f"product {product.id} has no item '{item_id}'; items bought outright: "
                        f"{', '.join(it.id for it in product.items if bought_outright(it)) or 'none'}")
            continue
        if not bought_outright(item):
            r.error(ip, f"'{item.id}' is not bought outright ({item.category}, {item.timing}); only items of "
                        "category one_off with timing one_off or per_new_unit, not in packs, have a lifetime")
            continue
        if lifetime is None:
            continue
        residual = residual if residual is not None else Decimal(0)
        price = prices.get(item.id, lowest_price(item))
        if price is not None and residual > price:
            r.error(ip + ("residual",), f"a residual value of {residual} is more than the price of "
                                        f"'{item.id}' ({price})")
            continue
        out[item.id] = Asset(lifetime=lifetime, residual=residual)
    return out


def _deployment_staff(r: Reader, raw: object, path: tuple, phases: tuple = ()) -> tuple:
    """A deployment's own heads per role and teams (rates stay the case's), and those given per phase:
    (heads per role, teams, heads per role per phase, teams per phase)."""
    staff: dict[str, int] = {}
    phase_staff: dict[str, tuple[int, ...]] = {}
    if raw is None:
        return staff, None, phase_staff, None
    sm = r.section(raw, path, F.CASE_DEPLOYMENT_STAFF)
    if sm is None:
        return staff, None, phase_staff, None
    teams, phase_teams = _phase_count(r, sm, F.CASE_DEPLOYMENT_STAFF["teams"], path, phases, "teams")
    for role in ROLES:
        if role not in sm or sm[role] is None:
            continue
        rp = path + (role,)
        if isinstance(sm[role], dict) and "rate" in sm[role]:
            r.error(rp + ("rate",), f"rates stay the case's: give staff.{role}.rate at the top of the case")
            sm = dict(sm)
            sm[role] = {k: v for k, v in sm[role].items() if k != "rate"}
        rm = r.section(sm[role], rp, F.CASE_DEPLOYMENT_STAFF_ROLE)
        if rm is None:
            continue
        count, per_phase = _phase_count(r, rm, F.CASE_DEPLOYMENT_STAFF_ROLE["count"], rp, phases, "heads")
        if count is not None:
            staff[role] = count
            if per_phase is not None:
                phase_staff[role] = per_phase
    return staff, teams, phase_staff, phase_teams


def _phase_count(r: Reader, m: dict, f, path: tuple, phases: tuple, what: str) -> tuple:
    """Teams or a role's heads: one number, or in a case with phases a mapping of phase name: number.
    (the number, or the most of the phases'; the numbers per phase, or None)."""
    raw = m.get(f.name)
    if not isinstance(raw, dict):
        return r.value(m, f, path), None
    p = path + (f.name,)
    if not phases:
        r.error(p, f"{what} per phase needs phases: at the top of the case; give one number")
        return None, None
    got: dict[int, int] = {}
    for name, value in raw.items():
        index = _phase_index(r, name, p + (name,), phases)
        n = r.entry(value, f, p + (name,))
        if index is not None and n is not None:
            got[index] = n
    missing = [ph.name for i, ph in enumerate(phases) if i not in got]
    if missing:
        r.error(p, f"gives no {what} for phase {', '.join(missing)}; give every phase its {what}")
    if len(got) != len(phases):
        return None, None
    per_phase = tuple(got[i] for i in range(len(phases)))
    return max(per_phase), per_phase


def _benefit(r: Reader, b: object, path: tuple, years, phases: tuple = ()) -> Benefit | None:
    b = r.section(b, path, F.CASE_BENEFIT)
    if b is None:
        return None
    get = getter(r, b, F.CASE_BENEFIT, path)
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
                   vendor_claim=get("vendor_claim"), evidence=_evidence(r, path, get), where=path,
                   phases=_phase_refs(r, b.get("phase"), path + ("phase",), phases))


def _evidence(r: Reader, path: tuple, get) -> str | None:
    """A benefit's evidence level; ``vendor_claim: true`` is the same as ``evidence: supplier_claim``."""
    evidence, claim = get("evidence"), get("vendor_claim")
    if claim and evidence not in (None, "supplier_claim"):
        r.error(path + ("evidence",), f"'{evidence}' contradicts vendor_claim: true (a supplier's claim); "
                                      "keep one of the two")
        return None
    return "supplier_claim" if claim else evidence


def _funding(r: Reader, f: object, path: tuple, years, tariffs: Tariffs, phases: tuple = ()) -> FundingLine | None:
    f = r.section(f, path, F.CASE_FUNDING)
    if f is None:
        return None
    get = getter(r, f, F.CASE_FUNDING, path)
    code = get("code")
    fc = tariffs.code(code) if code else None
    if fc is not None:
        code = fc.code  # h139 is H139
    if code and fc is None:
        from bcalc.reader import closest

        hint = closest(code, tuple(tariffs.funding))
        known = ", ".join(tariffs.funding)
        r.error(path + ("code",), f"unknown funding code '{code}'" + (f"; did you mean '{hint}'? (known: {known})"
                                                                       if hint else f"; known: {known}"))
        return None
    if fc is None:
        return None
    allowed = F.CASE_FUNDING.applying(fc.kind)
    for key in f:
        if key not in allowed:
            r.error(path + (key,), f"does not apply to {code} ({fc.kind}); fields: {', '.join(allowed)}")
    r.kind_fields(f, path, F.CASE_FUNDING, fc.kind, code=code)
    clients = deployment = None
    if fc.kind in ("hourly", "vpt"):
        if f.get("clients") is not None:
            clients = _per_year(r, f["clients"], path + ("clients",), years, F.CASE_FUNDING["clients"])
        if f.get("deployment") is not None:
            deployment = get("deployment")
        if "clients" in f and "deployment" in f:
            r.error(path + ("deployment",), "give either clients or deployment (follow that deployment's "
                                            "clients), not both")
        elif "clients" not in f and "deployment" not in f:
            r.error(path, f"{code} needs clients, or deployment: N to follow the clients of deployment N")
    values = {name: get(name) if name in allowed else None
              for name in ("hours_per_month", "tariff", "day_rate", "technology_share", "amount", "year")}
    only = _phase_refs(r, f.get("phase"), path + ("phase",), phases)
    if fc.kind == "subsidy" and "year" not in f and not only:
        r.error(path, "a subsidy needs year (contract year 1, 2, ...)" + (", or phase" if phases else ""))
    year = values.get("year")
    if fc.kind == "subsidy" and only and year is not None and years and 1 <= year <= years:
        month, at, inside = (year - 1) * 12, 0, None
        for i, p in enumerate(phases):
            if at <= month < at + p.months:
                inside = i
            at += p.months
        if inside is not None and inside not in only:
            r.error(path + ("year",), f"contract year {year} starts in phase {phases[inside].name}, not in "
                                      f"{', '.join(phases[i].name for i in only)}; leave out year to have it come "
                                      "in at the start of its phase")
    return FundingLine(code=code, label=get("label"), clients=clients, where=path,
                       deployment=deployment - 1 if deployment is not None else None, phases=only, **values)


# ---- phases ---------------------------------------------------------------------------------------


def _phases(r: Reader, raw: object, years: int | None) -> tuple[CasePhase, ...]:
    """``phases``: the named phases of the horizon, each but the last with its months (the last's are
    resolved to the months left) and maybe a gate."""
    entries = r.seq(raw, ("phases",), allow_empty=False) if raw is not None else []
    if not entries:
        return ()
    horizon = (years or 0) * 12
    out: list[CasePhase] = []
    seen: dict[str, int] = {}
    used = 0
    for i, pm in enumerate(entries):
        pp = ("phases", i)
        m = r.section(pm, pp, F.CASE_ROUTE_PHASE)
        if m is None:
            continue
        get = getter(r, m, F.CASE_ROUTE_PHASE, pp)
        name, months = get("name"), get("months")
        last = i == len(entries) - 1
        if name is not None:
            name = str(name).strip()
            if name.casefold() in seen:
                r.error(pp + ("name",), f"phase '{name}' is named twice; give each phase its own name")
            seen[name.casefold()] = i
        if months is None and not last and "months" not in m:
            r.error(pp, "needs months: only the last phase runs to the end of the horizon")
        gate = None
        if m.get("gate") is not None:
            if last:
                r.error(pp + ("gate",), "the last phase has no gate: the route ends with it")
            else:
                gate = _gate(r, m["gate"], pp + ("gate",))
        if last:
            rest = horizon - used
            if months is not None and years and months != rest:
                r.error(pp + ("months",), f"the last phase runs to the end of the horizon: {rest} months are left "
                                          f"after the phases before it, not {months}")
            months = rest
        used += months or 0
        out.append(CasePhase(name=name or "", months=months or 0, gate=gate, where=pp))
    if years and len(out) == len(entries) and out[-1].months < 1:
        r.error(("phases",), f"the phases before the last run {used - out[-1].months} months, but the horizon has "
                             f"{horizon} ({years} years): the last phase needs at least one month")
    return tuple(out)


def _gate(r: Reader, raw: object, path: tuple) -> Gate | None:
    m = r.section(raw, path, F.CASE_GATE)
    if m is None:
        return None
    criteria = []
    for j, cm in enumerate(r.seq(m.get("criteria"), path + ("criteria",)) or []):
        cp = path + ("criteria", j)
        c = r.section(cm, cp, F.CASE_GATE_CRITERION)
        if c is None:
            continue
        get = getter(r, c, F.CASE_GATE_CRITERION, cp)
        kpi, lo, hi = get("kpi"), get("min"), get("max")
        if ("min" in c) == ("max" in c):
            r.error(cp, "give either min or max")
        elif kpi in ("clients", "minutes_per_day") and "max" in c:
            r.error(cp + ("max",), f"{kpi} is a minimum: give min")
        elif kpi == "cost_per_client_month" and "min" in c:
            r.error(cp + ("min",), "cost_per_client_month is a maximum: give max")
        if kpi is not None:
            from bcalc.reader import near

            hint = near(str(kpi), GATE_KPIS, cutoff=0.8)
            if kpi not in GATE_KPIS and hint and not c.get("label"):
                r.error(cp + ("kpi",), f"unknown kpi '{kpi}'; did you mean '{hint[0]}'? (or give a label for a "
                                       f"kpi of your own)")
        criteria.append(GateCriterion(kpi=str(kpi or ""), min=lo, max=hi, label=get("label") or "",
                                      unit=get("unit") or "", where=cp))
    return Gate(label=m.get("label") and str(m.get("label")) or "", criteria=tuple(criteria))


def _phase_refs(r: Reader, raw: object, path: tuple, phases: tuple) -> tuple[int, ...]:
    """``phase:`` of a funding line, benefit or own item: a name or a list of names, as phase numbers."""
    if raw is None:
        return ()
    if not phases:
        r.error(path, "the case has no phases; add phases: at the top of the case, or leave out phase")
        return ()
    names = raw if isinstance(raw, list) else [raw]
    if isinstance(raw, list) and not raw:
        r.error(path, "the list is empty")
    out: list[int] = []
    for j, name in enumerate(names):
        p = path + (j,) if isinstance(raw, list) else path
        index = _phase_index(r, name, p, phases)
        if index is not None and index not in out:
            out.append(index)
    return tuple(sorted(out))


def _phase_index(r: Reader, name: object, path: tuple, phases: tuple) -> int | None:
    if isinstance(name, (dict, list)) or name is None:
        r.error(path, "expected the name of a phase")
        return None
    text = str(name).strip()
    for i, p in enumerate(phases):
        if p.name.casefold() == text.casefold():
            return i
    from bcalc.reader import closest

    known = tuple(p.name for p in phases)
    hint = closest(text, known)
    r.error(path, f"unknown phase '{text}'" + (f"; did you mean '{hint}'?" if hint else "") +
            f" (phases: {', '.join(known)})")
    return None


def _phase_clients(r: Reader, raw: dict, path: tuple, years: int | None,
                   phases: tuple) -> tuple[tuple[int, ...] | None, tuple[int, ...] | None]:
    """A deployment's clients per phase: (the most in use per contract year, the clients per phase)."""
    if not phases:
        r.error(path, "clients per phase needs phases: at the top of the case; give a number or one per year")
        return None, None
    f = F.CASE_DEPLOYMENT["clients"]
    got: dict[int, int] = {}
    for name, value in raw.items():
        index = _phase_index(r, name, path + (name,), phases)
        n = r.entry(value, f, path + (name,))
        if index is not None and n is not None:
            got[index] = n
    missing = [p.name for i, p in enumerate(phases) if i not in got]
    if missing:
        r.error(path, f"gives no clients for phase {', '.join(missing)}; give every phase its clients")
    if len(got) != len(phases) or not years:
        return None, None
    per_phase = tuple(got[i] for i in range(len(phases)))
    starts, at = [], 0
    for p in phases:
        starts.append(at)
        at += p.months
    per_year = []
    for k in range(years):
        lo, hi = 12 * k, 12 * k + 12
        per_year.append(max(per_phase[i] for i, s in enumerate(starts)
                            if s < hi and s + phases[i].months > lo))
    return tuple(per_year), per_phase


# ---- who pays and who gains; a subsidy's rules ----------------------------------------------------


def _parties(r: Reader, raw: object) -> dict[str, str]:
    """``parties``: the other parties the case names, id -> name."""
    path = ("parties",)
    out: dict[str, str] = {}
    if raw is None:
        return out
    if not isinstance(raw, dict):
        r.error(path, "expected a mapping of party id: name (ziekenhuis: Ziekenhuis Jeroen Bosch)")
        return out
    for key, name in raw.items():
        pid = str(key).strip()
        if not ID_RE.match(pid):
            r.error(path + (key,), f"'{pid}' is not an id (lowercase letters, digits, - and _)")
            continue
        if pid in F.PARTY_CODES:
            r.error(path + (key,), f"'{pid}' is a party bcalc knows; name only other parties here")
            continue
        text = r.text({pid: name}, pid, path, required=True)
        if text:
            out[pid] = text
    return out


def party_shares(r: Reader, value: object, path: tuple, known: tuple[str, ...]) -> tuple | None:
    """A ``party`` field: one party, or a mapping of parties to shares that add up to 100 %, as
    (party, share) pairs; None when it is wrong (and said so)."""
    hint = f"one of {', '.join(F.PARTY_CODES)}, or a party named under parties"
    if isinstance(value, dict):
        if not value:
            r.error(path, "expected a party or a mapping of party: share")
            return None
        pairs, ok = [], True
        for key, share in value.items():
            pid = str(key).strip()
            if pid not in known:
                r.error(path + (key,), f"unknown party '{pid}'; {hint}")
                ok = False
                continue
            v = r.percent_value(share, path + (key,), hi=Decimal(1))
            if v is None:
                ok = False
                continue
            pairs.append((pid, v))
        if not ok:
            return None
        total = sum((v for _, v in pairs), Decimal(0))
        if total != 1:
            r.error(path, f"the shares add up to {(total * 100).normalize():f}%, not 100%")
            return None
        return tuple(pairs)
    if value is None or isinstance(value, (list, bool)) or not isinstance(value, str):
        r.error(path, f"expected a party ({hint}) or a mapping of party: share")
        return None
    pid = value.strip()
    if pid not in known:
        from bcalc.reader import closest

        near = closest(pid, known)
        r.error(path, f"unknown party '{pid}'" + (f"; did you mean '{near}'?" if near else f"; {hint}"))
        return None
    return ((pid, Decimal(1)),)


def _deployment_parties(r: Reader, d: object, path: tuple, dep: Deployment, known) -> Deployment:
    """A deployment's ``party`` and its own items' ``party``."""
    if not isinstance(d, dict):
        return dep
    party = party_shares(r, d["party"], path + ("party",), known) if d.get("party") is not None else None
    items: dict = {}
    for i, it in enumerate(d.get("items") or [] if isinstance(d.get("items"), list) else []):
        if isinstance(it, dict) and it.get("party") is not None and it.get("id") is not None:
            got = party_shares(r, it["party"], path + ("items", i, "party"), known)
            if got is not None:
                items[str(it["id"])] = got
    if party is None and not items:
        return dep
    return replace(dep, party=party or (), item_parties=items)


def _product_item_parties(r: Reader, raw: object, known) -> dict:
    """The ``party`` of the items of the case's own products, per (product id, item id)."""
    out: dict = {}
    for i, pm in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(pm, dict):
            continue
        for j, it in enumerate(pm.get("items") if isinstance(pm.get("items"), list) else []):
            if isinstance(it, dict) and it.get("party") is not None and it.get("id") is not None:
                got = party_shares(r, it["party"], ("products", i, "items", j, "party"), known)
                if got is not None:
                    out[(str(pm.get("id")), str(it["id"]))] = got
    return out


def _funding_extras(r: Reader, f: dict, path: tuple, line: FundingLine, tariffs: Tariffs, known) -> FundingLine:
    """A funding line's ``party``, and a subsidy's ``scheme``, ``rules`` and ``months``; a subsidy needs an
    amount or rules to work it out from."""
    from bcalc.catalogue_loader import scheme_rules

    fc = tariffs.funding[line.code]
    party = party_shares(r, f["party"], path + ("party",), known) if f.get("party") is not None else None
    get = getter(r, f, F.CASE_FUNDING, path)
    baseline = get("baseline_hours_per_month") if fc.kind == "hourly" else None
    if fc.kind != "subsidy":
        return replace(line, party=party or (), baseline_hours_per_month=baseline)
    scheme_id = get("scheme")
    base = None
    if scheme_id is not None:
        base = tariffs.schemes.get(scheme_id.strip().lower())
        if base is None:
            known_ids = ", ".join(tariffs.schemes) or "none"
            r.error(path + ("scheme",), f"unknown scheme '{scheme_id}'; schemes in data/tariffs.yaml: {known_ids}")
    rules = base
    if isinstance(f.get("rules"), dict):
        rm = r.section(f["rules"], path + ("rules",), F.CASE_SCHEME_RULES)
        if rm is not None:
            own = scheme_rules(r, rm, path + ("rules",), F.CASE_SCHEME_RULES)
            if base is None:
                rules = own
            else:   # the line's own rules replace single rules of the scheme
                rules = replace(base, **{k: getattr(own, k) for k in ("share", "minimum", "maximum", "eligible",
                                                                      "device_share_max", "months")
                                         if getattr(own, k) is not None})
    elif f.get("rules") is not None:
        r.error(path + ("rules",), "expected a mapping of rules (share, min, max, eligible, device_share_max, months)")
    months = get("months")
    if line.amount is None and not r.has_problem(path + ("amount",)) and (rules is None or rules.share is None) and \
            not r.has_problem(path + ("rules",)) and not r.has_problem(path + ("scheme",)):
        r.error(path, "a subsidy needs amount, or rules with a share of the eligible costs (or a scheme that has one)")
    return replace(line, party=party or (), rules=rules, scheme=scheme_id, months=months)


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
    return catalogue.at(case.start).with_products(case.products), tariffs, case


__all__ = ["load_catalogue", "load_tariffs", "load_catalogues", "load_case", "load_all", "InputError"]
