"""Frozen data: the catalogue, the tariffs, a case, and the result of a calculation.

Nothing here reads files or prints; the loader builds these objects and the renderers read
the result. Every catalogue figure keeps the source line it was copied from.
"""

from __future__ import annotations

from dataclasses import field, replace
from decimal import Decimal

from bcalc.record import record

ROLES = ("care_staff", "key_user", "project_lead", "functional_admin", "data_analyst")
CATEGORIES = ("one_off", "recurring", "training", "internal")
# The parties a cost, funding or benefit line can be assigned to (bcalc.core.parties); a case names others
# (a hospital, a GP) under ``parties``.
PARTY_CODES = ("care_organisation", "zorgkantoor", "health_insurer", "gemeente", "client", "informal_carer")
# The cost categories a subsidy scheme can count as eligible: the four categories and their VAT.
ELIGIBLE = CATEGORIES + ("vat",)
VAT_STATUSES = ("excl", "incl", "not_stated")
# What one unit of the quantity is.
BASES = (
    "unit",          # one device or client in use
    "deployment",    # each placement of a unit with a client (per inzet)
    "organisation",  # once for the organisation
    "team",          # per care team (staff.teams)
    "role",          # per head of a staff role (needs `role`)
    "hour",          # per hour of supplier work
    "minute",        # per minute of use
    "pack",          # per pack of consumables
    "piece",         # per piece of consumables or hardware whose count the case gives
)
TIMINGS = ("one_off", "per_new_unit", "at_removal", "monthly", "yearly", "daily")


@record
class Price:
    """A quoted price: a point amount or a range, as written in the source."""

    amount: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    approx: bool = False          # written with "±"
    bound: str | None = None      # "max" for "(maximaal)", "min" for "vanaf"
    written: str = ""             # the amount exactly as printed in the source

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None

    def pick(self, end: str) -> Decimal:
        """The figure to use for ``--prices low|mid|high``."""
        if not self.is_range:
            assert self.amount is not None
            return self.amount
        if end == "low":
            return self.low  # type: ignore[return-value]
        if end == "high":
            return self.high  # type: ignore[return-value]
        return (self.low + self.high) / 2  # type: ignore[operator]


@record
class Tier:
    """One price of a volume or term staffel; the first tier whose conditions hold applies."""

    price: Price
    min_units: int | None = None
    min_years: int | None = None
    ref: str | None = None
    source: str = ""
    label: str = ""


@record
class Pack:
    size: int
    price: Price


@record
class Item:
    id: str
    label: str
    category: str
    basis: str
    timing: str
    source: str
    ref: str | None = None
    price: Price | None = None
    tiers: tuple[Tier, ...] = ()
    packs: tuple[Pack, ...] = ()
    included: bool = False        # "Inclusief": no separate charge
    currency: str = "EUR"
    vat: str = "not_stated"
    vat_read: str | None = None   # how a price with VAT not stated is read (incl for a shop price); None: excl.
    vat_rate: Decimal | None = None
    role: str | None = None
    options: tuple[str, ...] = ()  # included only when the case selects one of these options
    quantity: Decimal | None = None  # a quantity the source states (39 hours), per timing period
    tier_on: str = "units"        # staffel counted on "units" (peak clients) or "quantity"
    from_year: int = 1            # first contract year in which the item is charged
    note: str = ""
    ambiguous: bool = False
    origin: str = "catalogue"     # "catalogue", or "case": written in the case file (its own quote or cost)
    deployment_only: bool = False  # an item of a deployment in the case file: only that deployment has it
    price_year: int | None = None  # the price level of the item, where not its product's
    lifetime: int | None = None   # years a unit bought outright lasts (the catalogue's; a case may give it)
    residual: Decimal | None = None  # euros per unit it is worth at the end of its life, as quoted
    # A version of a catalogue item: the months (YYYY-MM, both included) in which it applies; None: open.
    # Versions of one item share its id and have periods that do not overlap (bcalc.catalogue_loader).
    valid_from: str | None = None
    valid_until: str | None = None
    # A deployment's own item restricted to phases of the case (``Case.phases``, 0-based): charged only in
    # their months; () in every month
    phases: tuple[int, ...] = ()

    @property
    def has_amount(self) -> bool:
        return self.included or self.price is not None or bool(self.tiers) or bool(self.packs)

    @property
    def versioned(self) -> bool:
        """A version of an item with a validity period (valid_from, valid_until or both)."""
        return self.valid_from is not None or self.valid_until is not None

    def valid_at(self, month: str) -> bool:
        """Does this version apply in ``month`` (YYYY-MM)? An item without a period always does."""
        return (self.valid_from is None or self.valid_from <= month) and \
            (self.valid_until is None or month <= self.valid_until)


@record
class Phase:
    hours_per_week: Price
    weeks: Decimal | None = None
    months: Decimal | None = None  # neither (the last phase only): until the end of the horizon


@record
class TimeLine:
    id: str
    label: str
    category: str                 # training or internal
    source: str
    ref: str | None = None
    role: str | None = None
    per: str = "organisation"     # head (of the role), organisation, team, client (a month), new_client
    hours: Price | None = None    # a fixed number of hours
    phases: tuple[Phase, ...] = ()
    days: Decimal | None = None       # working days; hours only with the case's hours_per_day
    day_parts: Decimal | None = None  # dagdelen; hours only with the case's hours_per_day_part
    counted: bool = True          # False: supplier time already in a price, kept for the record
    options: tuple[str, ...] = ()
    written: str = ""
    note: str = ""
    ambiguous: bool = False
    origin: str = "catalogue"     # "catalogue", or "case": written in the case file
    deployment_only: bool = False  # a time line of a deployment in the case file: only that deployment has it
    # a deployment's own time line restricted to phases of the case (``Case.phases``, 0-based); (): all
    case_phases: tuple[int, ...] = ()


# Time lines whose hours follow the clients: per client in use per month, per new client.
CLIENT_PERS = ("client", "new_client")


@record
class Choice:
    id: str
    options: tuple[str, ...]
    default: str | None = None
    label: str = ""
    required: bool = False        # the case must pick one (no default, no "none of these")


@record
class Product:
    id: str
    name: str
    supplier: str
    need: str
    category: str
    innovation: str
    source: str
    price_year: int
    items: tuple[Item, ...]
    time: tuple[TimeLine, ...] = ()
    choices: tuple[Choice, ...] = ()
    family: str | None = None
    note: str = ""
    origin: str = "catalogue"     # "catalogue", or "case": a product the case file describes itself
    # After ``at(month)``: the versions of the items none of whose versions applies in that month (the
    # loader refuses a case that would charge one, bcalc.rules)
    lapsed: tuple[Item, ...] = ()

    def item(self, item_id: str) -> Item | None:
        for it in self.items:
            if it.id == item_id:
                return it
        return None

    def at(self, month: str | None) -> "Product":
        """The product as a case starting in ``month`` (YYYY-MM) uses it: of each item with versions the
        version that applies in that month, in the place of the item's first version; an item none of
        whose versions applies is left out (and kept in ``lapsed``). Items without a period stay as they
        are. ``month`` None (a case whose start is not known): the first version of each item."""
        if not any(it.versioned for it in self.items):
            return self
        if month is not None and all(it.valid_at(month) for it in self.items) and \
                len({it.id for it in self.items}) == len(self.items):
            return self  # holds one version of each item already, the one of this month
        versions: dict[str, list[Item]] = {}
        for it in self.items:
            versions.setdefault(it.id, []).append(it)
        kept, lapsed = [], []
        for item_id, found in versions.items():
            valid = found[:1] if month is None else [v for v in found if v.valid_at(month)]
            if valid:
                kept.append(valid[0])
            else:
                lapsed += found
        return replace(self, items=tuple(kept), lapsed=self.lapsed + tuple(lapsed))

    @property
    def option_names(self) -> set[str]:
        names = {o for it in self.items + self.lapsed for o in it.options}
        names |= {o for t in self.time for o in t.options}
        for ch in self.choices:
            names |= set(ch.options)
        return names


@record
class SourceDoc:
    id: str
    title: str
    file: str
    price_year: int | None
    rule: str = ""


def named(mapping: dict, name: str):
    """The entry of ``mapping`` whose key is ``name``, or is ``name`` in other capitals (``h139`` for
    H139, ``Medido`` for medido); None when there is none."""
    if name in mapping:
        return mapping[name]
    folded = str(name).strip().casefold()
    for key, value in mapping.items():
        if key.casefold() == folded:
            return value
    return None


@record
class Catalogue:
    products: dict[str, Product]
    sources: dict[str, SourceDoc]
    path: str = ""

    def product(self, name: str) -> Product | None:
        """A product by its id, in any capitals."""
        return named(self.products, name)

    def for_case(self, case: "Case") -> "Catalogue":
        """This catalogue as the case uses it: of each item with versions the one that applies in the
        case's start month (``at``), with the products the case file adds (its own, and products with the
        lines it gives its deployments), where it does not hold them yet. A product that already has the
        case's own lines (the loader's, or one an analysis varies) stays as it is."""
        base = self.at(case.start)
        missing = []
        for p in case.products:
            held = base.products.get(p.id)
            own = {x.id for x in p.items + p.time if x.origin == "case"}
            if held is None or not own <= {x.id for x in held.items + held.time}:
                missing.append(p)
        return base.with_products(missing)

    def at(self, month: str | None) -> "Catalogue":
        """This catalogue with, of each item with versions, the version that applies in ``month``
        (``Product.at``); itself where no product changes."""
        products = {pid: p.at(month) for pid, p in self.products.items()}
        if all(products[pid] is p for pid, p in self.products.items()):
            return self
        return Catalogue(products=products, sources=self.sources, path=self.path)

    def with_products(self, products) -> "Catalogue":
        """This catalogue with products added, or put in the place of those with the same id (a case's own
        products, and products with the lines a case gives its deployments)."""
        products = tuple(products)
        if not products:
            return self
        return Catalogue(products={**self.products, **{p.id: p for p in products}}, sources=self.sources,
                         path=self.path)


@record
class RateSeries:
    """A yearly rate: specific calendar years, and a rate for every other year."""

    default: Decimal
    by_year: dict[int, Decimal] = field(default_factory=dict)

    def rate(self, year: int) -> Decimal:
        return self.by_year.get(year, self.default)


@record
class Scenario:
    name: str
    label: str
    prices: RateSeries
    wages: RateSeries
    tariffs: RateSeries
    basis: str = ""


@record
class FundingCode:
    code: str
    kind: str                     # hourly, vpt, subsidy
    domain: str
    name: str
    unit: str
    definition: str
    source: str
    tariffs: dict[int, Decimal] = field(default_factory=dict)
    note: str = ""
    financier: str | None = None  # the party that pays the prestatie (bcalc.core.parties); None: not known


@record
class Tariffs:
    funding: dict[str, FundingCode]
    vat_standard: Decimal
    vat_rates: dict[str, Decimal]
    vat_source: str
    scenarios: dict[str, Scenario]
    path: str = ""
    discount_reference: Decimal | None = None   # a reference discount rate (real), with its source
    discount_source: str = ""
    # simulate/sensitivity assumptions: approx_spread, default_swing (Decimal), basis (str); {} when not stated
    uncertainty: dict = field(default_factory=dict)
    # yearly rise of catalogue prices to a case's start (catalogue_prices: indexed), each with its source
    catalogue_index: dict[int, Decimal] = field(default_factory=dict)
    catalogue_index_sources: dict[int, str] = field(default_factory=dict)
    catalogue_index_basis: str = ""
    catalogue_index_label: str = ""
    schemes: dict[str, "SchemeRules"] = field(default_factory=dict)  # public subsidy schemes' rules, by id

    def code(self, name: str) -> FundingCode | None:
        """A funding code by its name, in any capitals (h139 is H139)."""
        return named(self.funding, name)


@record
class StaffRole:
    count: int
    rate: Decimal | None = None   # loaded cost per hour; None: hours are counted but not valued
    # heads per phase of the case (``Case.phases``), where the case gives them per phase; ``count`` then
    # holds the most of them (bcalc.core.selection.phase_counts)
    phase_count: tuple[int, ...] | None = None


@record
class Contract:
    """Contract terms of a deployment (all optional)."""

    term: int | None = None          # contract years; fixed costs and minimum volumes run until its end
    min_clients: int | None = None   # minimum number of units billed for recurring per-unit items
    exit_year: int | None = None     # the organisation stops after this contract year

    @property
    def given(self) -> bool:
        return any(v is not None for v in (self.term, self.min_clients, self.exit_year))


@record
class Quote:
    """What a quote says about a price the case gives for an item (the amount is the deployment's
    ``prices`` entry)."""

    vat: str | None = None        # "excl" or "incl"; None: as the item's price is quoted
    source: str = ""              # the quote and its date ("Offerte Vitavanti 2026-09-30")
    price_year: int | None = None


@record
class Asset:
    """An item bought outright that lasts ``lifetime`` years and is then worth ``residual`` euros a unit."""

    lifetime: int
    residual: Decimal = Decimal("0")


@record
class Deployment:
    product: str
    clients: tuple[int, ...]      # per contract year
    options: tuple[str, ...] = ()
    prices: dict[str, Decimal] = field(default_factory=dict)
    quantities: dict[str, Decimal] = field(default_factory=dict)
    vat_rates: dict[str, Decimal] = field(default_factory=dict)
    index_cap: Decimal | None = None
    label: str | None = None
    contract: Contract = Contract()
    count_time: dict[str, str] = field(default_factory=dict)  # time line id -> role: own staff's time
    hours_per_day: Decimal | None = None       # for time lines in days that the case counts
    hours_per_day_part: Decimal | None = None  # for time lines in dagdelen that the case counts
    # its own heads per role and teams (a district): lines per head or team of those are charged with
    # it, on these counts (bcalc.core.selection); empty / None: the organisation's
    staff: dict[str, int] = field(default_factory=dict)
    teams: int | None = None
    # its own heads and teams per phase of the case, where it gives them per phase (``staff`` and ``teams``
    # then hold the most of them)
    phase_staff: dict[str, tuple[int, ...]] = field(default_factory=dict)
    phase_teams: tuple[int, ...] | None = None
    where: tuple = field(default=(), compare=False, repr=False)  # its path in the case file, for problems
    own: tuple[str, ...] = ()     # ids of the items and time lines the case file gives this deployment
    quotes: dict[str, Quote] = field(default_factory=dict)  # prices given with their VAT, source or year
    assets: dict[str, Asset] = field(default_factory=dict)       # the case's lifetimes, per item id
    # who pays its supplier lines (bcalc.core.parties): (party, share) pairs; () the care organisation
    party: tuple[tuple[str, Decimal], ...] = ()
    item_parties: dict[str, tuple[tuple[str, Decimal], ...]] = field(default_factory=dict)  # own items' payers
    # clients in use per phase of the case (``Case.phases``), where the case gives them per phase; None: per
    # contract year (``clients``). An entry None: that phase follows ``clients`` (an analysis may set some
    # phases only). With it ``clients`` holds, per contract year, the most clients in use in it.
    phase_clients: tuple[int | None, ...] | None = None
    # ``clients`` as it was when phase_clients were given: an analysis that changes ``clients`` alone (half the
    # clients, break-even, a sensitivity) moves the phases' clients in proportion (bcalc.core.selection)
    phase_base: tuple[int, ...] | None = None


@record
class FundingLine:
    code: str
    label: str | None = None
    clients: tuple[int, ...] | None = None
    hours_per_month: Decimal | None = None
    tariff: Decimal | None = None
    day_rate: Decimal | None = None
    technology_share: Decimal | None = None
    amount: Decimal | None = None
    year: int | None = None
    deployment: int | None = None           # 0-based: the deployment whose units in use it counts as its clients
    where: tuple = field(default=(), compare=False, repr=False)  # its path in the case file, for problems
    party: tuple[tuple[str, Decimal], ...] = ()   # who pays it (the financier); (): the code's financier
    rules: "SchemeRules | None" = None      # a subsidy's scheme rules (the case's over the scheme's)
    scheme: str | None = None               # a subsidy's scheme id from data/tariffs.yaml
    months: int | None = None               # a subsidy: months of the funded project from its year's first month
    baseline_hours_per_month: Decimal | None = None  # hourly: care hours per client per month without the technology
    phases: tuple[int, ...] = ()            # only in the months of these phases of the case (0-based); (): all


@record
class SchemeRules:
    """A subsidy scheme's rules (all optional): the share of eligible costs it pays, the least and most
    it grants, which cost categories count, the most the devices may be of the eligible costs, and its
    longest duration in months."""

    share: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    eligible: tuple[str, ...] | None = None   # of one_off, recurring, training, internal, vat; None: all
    device_share_max: Decimal | None = None
    months: int | None = None
    source: str = ""                          # where a shipped scheme's rules come from
    name: str = ""                            # a shipped scheme's name
    giver: str | None = None                  # the party that grants it, where a source names it


@record
class Benefit:
    """A benefit the case declares: time freed for a role, or a cost avoided, per client."""

    label: str
    kind: str                               # "time" or "avoided_cost"
    deployment: int                         # 0-based: whose clients it follows
    per: str = "month"                      # day, week, month, year (per client)
    minutes: Decimal | None = None          # time: minutes per client per period
    hours: Decimal | None = None            # time: hours per client per period
    role: str | None = None                 # time: valued at this role's rate
    amount: Decimal | None = None           # avoided cost: euros per client per period
    realisation: Decimal = Decimal("1")     # the share really gained
    cashable: bool = False                  # money that leaves the budget, or time reinvested in care
    clients: tuple[int, ...] | None = None  # clients per contract year, if not the deployment's
    source: str = ""
    vendor_claim: bool = False
    evidence: str | None = None             # what it rests on (bcalc.core.evidence.LEVELS); None: not stated
    where: tuple = field(default=(), compare=False, repr=False)  # its path in the case file, for problems
    party: tuple[tuple[str, Decimal], ...] = ()   # who gains it; (): the care organisation
    phases: tuple[int, ...] = ()            # only in the months of these phases of the case (0-based); (): all


@record
class GateCriterion:
    """A criterion of a gate: a KPI with a minimum or a maximum. ``kpi`` is a built-in code (``GATE_KPIS``)
    or the case's own name (with its label and unit, reported beside the computed thresholds)."""

    kpi: str
    min: Decimal | None = None
    max: Decimal | None = None
    label: str = ""
    unit: str = ""
    where: tuple = field(default=(), compare=False, repr=False)


# The KPIs bcalc computes a threshold for: clients in use at the end of the phase, minutes freed per
# client per day, cost per client per month.
GATE_KPIS = ("clients", "minutes_per_day", "cost_per_client_month")


@record
class Gate:
    """The go/no-go moment at the end of a phase."""

    label: str = ""
    criteria: tuple[GateCriterion, ...] = ()


@record
class CasePhase:
    """A named part of the horizon (pilot, scale-up, structural): ``months`` long from the end of the
    one before; the last runs to the end of the horizon. A gate ends every phase but the last."""

    name: str
    months: int
    gate: Gate | None = None
    where: tuple = field(default=(), compare=False, repr=False)


@record
class Indexation:
    prices: Decimal | None = None
    wages: Decimal | None = None
    tariffs: Decimal | None = None


@record
class Case:
    title: str
    start_year: int
    start_month: int
    years: int
    deployments: tuple[Deployment, ...]
    scenario: str = "base"
    organisation: str | None = None
    indexation: Indexation = Indexation()
    vat_recoverable: Decimal = Decimal("0")
    staff: dict[str, StaffRole] = field(default_factory=dict)
    teams: int | None = None
    phase_teams: tuple[int, ...] | None = None   # teams per phase, where given per phase (``teams``: the most)
    funding: tuple[FundingLine, ...] = ()
    fx: dict[str, Decimal] = field(default_factory=dict)
    file: str = ""
    benefits: tuple[Benefit, ...] = ()
    discount_rate: Decimal | None = None    # for NPV; year 1 is the base year
    hours_per_fte: Decimal | None = None    # to show freed time in FTE
    # the products the case file adds to the catalogue: its own, and catalogue products with the lines
    # it gives its deployments (Catalogue.with_products; bcalc.loader)
    products: tuple[Product, ...] = ()
    catalogue_prices: str = "as_quoted"     # or "indexed": catalogue prices to the year before the start
    catalogue_index: dict[int, Decimal] = field(default_factory=dict)  # the case's yearly figures
    interest_rate: Decimal | None = None    # yearly, on the book value of owned devices (operating view)
    parties: dict[str, str] = field(default_factory=dict)  # other parties the case names: id -> name
    # payers of own products' items: (product id, item id) -> (party, share) pairs
    item_parties: dict[tuple[str, str], tuple[tuple[str, Decimal], ...]] = field(default_factory=dict)
    # named phases of the horizon (pilot, scale-up, ...); (): one phase, the case as it always was. The
    # months of each are resolved: the last one's run to the end of the horizon.
    phases: tuple[CasePhase, ...] = ()

    @property
    def start(self) -> str:
        return f"{self.start_year:04d}-{self.start_month:02d}"

    @property
    def phase_starts(self) -> tuple[int, ...]:
        """The month (0-based, of the horizon) each phase after the first starts in; () without phases."""
        out, at = [], 0
        for p in self.phases[:-1]:
            at += p.months
            out.append(at)
        return tuple(out)

    def phase_start(self, phase: int) -> int:
        """The first month (0-based) of phase ``phase`` (0-based)."""
        return 0 if phase == 0 else self.phase_starts[phase - 1]

    def phase_of(self, month: int) -> int:
        """The phase (0-based) of a month of the horizon (0-based); 0 without phases."""
        return sum(1 for s in self.phase_starts if s <= month)

    def subsidy_month(self, line: "FundingLine") -> int:
        """The month (0-based) a subsidy comes in: the first of its contract year, or, with phases
        and no year, the first of its (first) phase."""
        return (line.year - 1) * 12 if line.year is not None else self.phase_start(line.phases[0])


# ---- result -------------------------------------------------------------------------------


@record(init=False)
class Message:
    """Something to tell the reader, as data: a message code, the values it speaks of, and the
    source line it cites where it has one. ``bcalc.messages`` gives the words in each language.

    Parameters are raw values (Decimal, int, names and labels from the data, codes such as
    "mid"); sequences are tuples so that a message stays hashable and can be compared.
    """

    code: str
    pairs: tuple[tuple[str, object], ...]
    source: str

    def __init__(self, code: str, params: dict[str, object] | None = None, source: str = "") -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "pairs", tuple((params or {}).items()))
        object.__setattr__(self, "source", source)

    @property
    def params(self) -> dict[str, object]:
        return dict(self.pairs)


# A warning or point of attention of a calculation is a message; the name says what it is for.
Notice = Message


@record
class Part:
    quantity: Decimal
    unit_price: Decimal


@record
class Line:
    deployment: int
    product: str
    item: str
    label: str
    category: str
    year: int
    quantity: Decimal
    unit_price: Decimal | None
    excl_vat: Decimal
    vat: Decimal
    source: str
    kind: str = "supplier"       # supplier or internal
    role: str | None = None
    vat_rate: Decimal | None = None
    quoted: str = "excl"          # how the price was quoted: excl or incl
    parts: tuple[Part, ...] = ()
    written: str = ""             # the price or time as printed in the source ("" for a case price)
    base_item: str = ""           # the catalogue item or time line (pack lines: the item of the packs)
    vat_written: str = ""         # VAT as the source states it: excl, incl, not_stated
    tier_label: str = ""          # the staffel tier the price came from, if any
    range_spread: Decimal = Decimal("0")  # excl. VAT: this line at the high end minus at the low end
    origin: str = "catalogue"     # catalogue: a catalogue price; quote: the case's price; case: the case's own item

    @property
    def cost(self) -> Decimal:
        return self.excl_vat + self.vat


@record
class FundingResult:
    index: int
    code: str
    label: str
    year: int
    amount: Decimal
    quantity: Decimal
    rate: Decimal | None
    source: str
    deployment: int | None = None   # 0-based: the deployment whose units in use it follows, if linked


@record
class BenefitResult:
    index: int
    label: str
    year: int
    amount: Decimal               # euros, rounded per benefit and calendar year
    hours: Decimal                # freed hours (time benefits), exact
    cashable: bool
    source: str


@record
class Evidence:
    """What the benefits rest on (bcalc.core.evidence): euros over the horizon per level (None: not
    stated), the unmeasured part, and the nets without it."""

    levels: tuple[tuple[str | None, Decimal], ...]
    unmeasured: Decimal                    # benefits that rest on an assumption, a supplier's claim or nothing said
    unmeasured_cashable: Decimal           # the cashable part of those
    net_without: Decimal                   # value view without the unmeasured benefits
    cash_net_without: Decimal              # budget view without them
    levels_of: tuple[str | None, ...] = ()  # per benefit of the case, its level


@record
class Investment:
    """NPV, IRR, payback and break-even, with the conventions used."""

    discount_rate: Decimal | None
    npv: Decimal | None
    irr: Decimal | None
    irr_note: str                 # why the IRR is not meaningful, if it is not
    payback_month: int | None     # month of the horizon (1-based) in which cumulative net turns >= 0
    discounted_payback_month: int | None
    break_even_clients: int | None
    break_even_limit: int         # searched up to this many clients per year
    cost_per_client_month: Decimal | None
    flows: tuple[Decimal, ...]    # yearly net flows used (per calendar year of the result)
    break_even_note: str = ""     # why there is no break-even: loses_per_client, beyond_limit (finance.break_even)
    # the budget view (funding + cashable benefits - cost): the same figures over its flows
    cash_npv: Decimal | None = None
    cash_irr: Decimal | None = None
    cash_irr_note: str = ""
    cash_payback_month: int | None = None
    cash_flows: tuple[Decimal, ...] = ()


@record
class Totals:
    one_off: Decimal
    recurring: Decimal
    training: Decimal
    internal: Decimal
    vat: Decimal
    funding: Decimal = Decimal("0")
    benefits: Decimal = Decimal("0")
    cashable: Decimal = Decimal("0")        # the part of the benefits that leaves the budget

    @property
    def cost(self) -> Decimal:
        return self.one_off + self.recurring + self.training + self.internal + self.vat

    @property
    def net(self) -> Decimal:
        return self.funding + self.benefits - self.cost

    @property
    def cash_net(self) -> Decimal:
        """Funding plus cashable benefits minus cost: what happens to the budget."""
        return self.funding + self.cashable - self.cost


@record
class YearRow:
    year: int
    months: int
    totals: Totals


@record
class PhaseRow:
    """One phase of the case (``Case.phases``): its months of the horizon and its totals, each line's
    exact monthly amounts in the phase summed and rounded once per line per phase."""

    index: int                    # 0-based
    name: str
    first: int                    # its first month (0-based, of the horizon)
    months: int
    totals: Totals


@record
class Threshold:
    """A figure on which the rest of the route after a gate breaks even in one view (bcalc.core.gates).
    ``code`` says whether there is one: "ok" (``value`` is it), or why not ("never", "no_effect",
    "no_benefit", "no_item", "beyond_limit", "always")."""

    kpi: str                      # clients, minutes, price
    view: str                     # value or budget
    code: str
    value: Decimal | None = None  # clients: a whole number; minutes per client per ``per``; euros per unit
    current: Decimal | None = None   # the case's own figure
    per: str = ""                 # minutes: the period (day, week, month, year); price: the item's timing
    item: str = ""                # price: the item id
    label: str = ""               # price: the item's label


@record
class GateResult:
    """A gate: the rest of the route after it (the phases after it, sunk costs left out), its exact net in
    both views, the thresholds on which that rest breaks even, and the case's own criteria."""

    phase: int                    # 0-based: the phase the gate ends
    name: str                     # that phase's name
    label: str
    rest_first: int               # first month of the rest (0-based)
    rest_net: Decimal             # exact, value view
    rest_cash_net: Decimal        # exact, budget view
    thresholds: tuple[Threshold, ...]
    criteria: tuple[GateCriterion, ...] = ()


@record
class ProductTotals:
    deployment: int
    product: str
    name: str
    totals: Totals


@record
class PriceLevel:
    """The price level of the catalogue prices a case uses (bcalc.core.indexation.price_level)."""

    mode: str                                   # "as_quoted" (the catalogue's price year) or "indexed"
    to_year: int                                # indexed: the year the prices are brought to (start - 1)
    rates: dict[int, Decimal] = field(default_factory=dict)    # indexed: the rate of each year used
    origins: dict[int, str] = field(default_factory=dict)      # per year: "source", "case" or "missing" (0 %)
    factors: dict[int, Decimal] = field(default_factory=dict)  # price year -> factor (exact)


@record
class AssetLine:
    """An owned item of one deployment in one calendar year of the operating view (bcalc.core.assets)."""

    deployment: int
    product: str
    item: str
    label: str
    year: int
    lifetime: int
    residual: Decimal
    bought: Decimal               # units bought in the year (new and replaced)
    purchases: Decimal            # their cash: the year's purchase lines incl. VAT
    depreciation: Decimal         # rounded once per line
    interest: Decimal             # rounded once per line; 0 without an interest rate


@record
class AssetBook:
    """An owned item's book value at the end of the horizon."""

    deployment: int
    product: str
    item: str
    label: str
    lifetime: int
    residual: Decimal
    value: Decimal


@record
class OperatingYear:
    """One calendar year of the operating view (``year`` 0: the whole horizon)."""

    year: int
    cost: Decimal                 # the cash view's cost
    purchases: Decimal            # of which purchases of owned items (incl. VAT)
    depreciation: Decimal
    interest: Decimal
    funding: Decimal
    benefits: Decimal

    @property
    def operating_cost(self) -> Decimal:
        return self.cost - self.purchases + self.depreciation + self.interest

    @property
    def net(self) -> Decimal:
        return self.funding + self.benefits - self.operating_cost


@record
class Operating:
    """The operating (P&L) view beside the cash view: owned items depreciated instead of paid at once."""

    per_year: tuple[OperatingYear, ...]
    total: OperatingYear
    lines: tuple[AssetLine, ...]
    books: tuple[AssetBook, ...]
    book_value: Decimal           # at the end of the horizon, the sum of ``books``
    interest_rate: Decimal | None


@record
class RoleHours:
    """The counted hours of one staff role per calendar year (bcalc.core.staffing)."""

    role: str
    valued: bool                          # the case gives the role a rate: its hours are costed
    years: tuple[int, ...]                # the calendar years of the horizon
    hours: tuple[Decimal, ...]            # per calendar year, exact
    total_hours: Decimal
    fte: tuple[Decimal, ...] | None       # per calendar year, over its months in the horizon; None: no hours_per_fte
    average_fte: Decimal | None           # over the horizon: total hours / hours_per_fte / years


@record
class Result:
    case: Case
    scenario: str
    prices_end: str
    per_year: tuple[YearRow, ...]
    total: Totals
    products: tuple[ProductTotals, ...]
    lines: tuple[Line, ...]
    funding: tuple[FundingResult, ...]
    warnings: tuple[Notice, ...]
    rates: dict[str, dict[int, Decimal]]   # indexation rate used per calendar year
    vat_rate: Decimal
    price_years: tuple[int, ...]
    owed_after_horizon: Decimal = Decimal("0")   # still payable after the horizon under longer contracts
    benefits: tuple[BenefitResult, ...] = ()
    monthly_net: tuple[Decimal, ...] = ()        # exact (unrounded) net flow per month of the horizon
    investment: Investment | None = None
    plans: tuple = ()                            # the charges per deployment (bcalc.core.plan.DeploymentPlan)
    price_level: PriceLevel | None = None        # the level of the catalogue prices used
    operating: Operating | None = None           # only when the case owns items with a lifetime
    staff_hours: tuple[RoleHours, ...] = ()      # counted hours (and FTE) per role per calendar year
    evidence: "Evidence | None" = None           # what the benefits rest on; None without benefits
    monthly_cash_net: tuple[Decimal, ...] | None = None  # the budget view per month; None: same as monthly_net
    parties: "object | None" = None              # who pays and who gains (bcalc.core.parties.Parties)
    grants: tuple = ()                           # subsidies worked out from their rules (bcalc.core.funders.Grant)
    per_phase: tuple[PhaseRow, ...] = ()         # per phase of the case; () without phases
    gates: tuple[GateResult, ...] = ()           # per gate (bcalc.core.gates); () without gates
