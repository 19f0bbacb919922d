"""Every field bcalc reads from a case file, data/suppliers.yaml and data/tariffs.yaml, declared once.

The loader takes allowed keys, required keys, types, defaults and allowed values from here; the
reference in docs/case-file.md is written from it (``python -m bcalc.fields``), and a JSON Schema
can be built from ``describe()``. Pure data: nothing here reads a file.

A field's ``kind`` says what is written there:

======================  ==================================================================
``text``                free text
``id``                  lowercase letters, digits, ``-`` and ``_``
``choice``              one of ``choices``
``boolean``             true or false
``integer``             a whole number, within ``minimum`` and ``maximum`` where given
``number``              a decimal number, within ``minimum`` and ``maximum``, not negative unless ``negative``
``percent``             ``3%`` or ``0.03``, within ``minimum`` and ``maximum``, not negative unless ``negative``
``month``               a month written ``YYYY-MM``
``clients``             a whole number of clients, or a list with one per contract year, at most ``maximum``
``ids``                 a list of ids (a single id is read as a list of one)
``phase_names``         the name of a phase of the case, or a list of names
``source_line``         a source line ``DOC:LINE`` or ``DOC:FIRST-LAST``
``rate``                a percentage, or a mapping with ``default`` and ``by_year``
``section``             a mapping of the fields of section ``of``
``list``                a list whose entries are sections ``of``
``party``               a party: one of ``PARTY_CODES`` or the id of an entry of the case's ``parties``, or a
                        mapping of such parties to their shares (``{health_insurer: 50%, ziekenhuis: 50%}``)
``map``                 a mapping from ``keys`` (item ids, years, names) to values of kind ``of``, each
                        within ``minimum`` and ``maximum``
======================  ==================================================================

Bounds are written as in the file (``"100%"``, ``8784``). Where a number field declares no maximum,
the reader still refuses 10 000 000 000 and more.

``required`` fields must be present and not empty. An optional field left empty (``label:``) is read
as not given, unless ``nullable`` is false: then an empty value is an error, because leaving it
empty cannot mean anything sensible (``fx: {USD: }``). ``when`` limits a field to entries of the
given kinds (funding codes and benefits have kinds); ``missing`` is the message for a required
field that is left out, where a plain "required field is missing" would not help.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from bcalc.models import BASES, ELIGIBLE, PARTY_CODES, ROLES, TIMINGS, VAT_STATUSES
from bcalc.record import record

FUNDING_KINDS = ("hourly", "vpt", "subsidy")
BENEFIT_KINDS = ("time", "avoided_cost")
MAX_YEARS = 15
# The scenarios every tariffs file must define: a case may name any of them.
SCENARIOS_NEEDED = ("none", "low", "base", "high")
SUPPLIERS_FORMAT = "bcalc.suppliers/1"
TARIFFS_FORMAT = "bcalc.tariffs/1"

# Bounds of what is absurd. Each lies far above any real figure; together they keep the largest line
# of a 15-year case (every count, price and rate at its bound, indexation 100 % a year) within the
# digits the arithmetic carries, so a typing mistake such as 1e40 is refused, not computed.
MAX_COUNT = 1_000_000            # clients, heads of a role, teams, units, pieces
MAX_AMOUNT = "100000000"         # euros of one price, amount or subsidy
MAX_RATE = "10000"               # euros per hour or per day: hourly rates, tariffs, VPT day rates
MAX_FX = "100"                   # euros per unit of another currency
MAX_HOURS = "1000000"            # hours of one time investment
HOURS_A_YEAR = 8784              # 366 x 24: an FTE cannot work more
HOURS_A_MONTH = 744              # 31 x 24
HOURS_A_WEEK = 168
MINUTES_A_YEAR = 527_040         # 366 x 24 x 60


@record
class Field:
    name: str
    kind: str
    required: bool = False
    default: object = None          # as it would be written in the file; None: no default
    choices: tuple[str, ...] = ()
    help: str = ""
    of: str = ""                    # section name (section, list, map of sections) or value kind (map)
    keys: str = ""                  # map: what the keys are
    minimum: object = None
    maximum: object = None
    negative: bool = False
    nullable: bool = True
    when: tuple[str, ...] = ()
    missing: str = ""
    also: str = ""                  # map: a value may also be a section of this name (a quote for a price)
    per_phase: bool = False         # integer: in a case with phases also a mapping of phase name: number


@record
class Section:
    name: str                       # "case.deployment"
    file: str                       # "case", "suppliers", "tariffs"
    title: str
    fields: tuple[Field, ...]
    help: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required and not f.when)

    def __getitem__(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def applying(self, kind: str) -> tuple[str, ...]:
        """The fields an entry of this kind may have."""
        return tuple(f.name for f in self.fields if not f.when or kind in f.when)


@cache
def bounds(f: Field, kind: str | None = None) -> tuple[Decimal | None, Decimal | None]:
    """The declared minimum and maximum of a field's values, as numbers (a percentage as a fraction).
    ``kind``: how the values are read, where not the field's own kind (the values of a map)."""
    from bcalc.money import dec, parse_percent

    kind = kind or (f.of if f.kind == "map" else f.kind)
    read = parse_percent if kind in ("percent", "rate") else dec
    return (None if f.minimum is None else read(str(f.minimum)),
            None if f.maximum is None else read(str(f.maximum)))


def shown(bound: Decimal, percent: bool = False) -> str:
    """A bound or rate as a user writes it: 8784, 100%, -2.5%."""
    return f"{(bound * 100).normalize():f}%" if percent else f"{bound.normalize():f}"


def outside(value: Decimal, lo: Decimal | None, hi: Decimal | None, percent: bool = False) -> str | None:
    """Why a value is outside its bounds, or None."""
    if lo is not None and value < lo:
        return f"must be at least {shown(lo, percent)}"
    if hi is not None and value > hi:
        return f"must be at most {shown(hi, percent)}"
    return None


def _f(name: str, kind: str, help: str, **kw) -> Field:
    return Field(name=name, kind=kind, help=help, **kw)


def _req(name: str, kind: str, help: str, **kw) -> Field:
    return Field(name=name, kind=kind, help=help, required=True, **kw)


_PCT_0_100 = {"minimum": "0%", "maximum": "100%"}
# A yearly rise: a fall of more than 100 % would make prices, wages and tariffs negative.
_RATE_INDEX = {"minimum": "-100%", "maximum": "100%", "negative": True}
_MONEY = {"maximum": MAX_AMOUNT}
_COUNT = {"maximum": MAX_COUNT}

# ---- the case file --------------------------------------------------------------------------------

CASE = Section("case", "case", "Top level", (
    _req("case", "text", "Title of the business case, shown above every output."),
    _f("organisation", "text", "The care organisation the case is for."),
    _req("start", "month", "First month of the first contract year, written YYYY-MM (2027-01); "
         "year 2000-2100."),
    _req("years", "integer", "Horizon in contract years.", minimum=1, maximum=MAX_YEARS),
    _f("scenario", "text", "Indexation scenario from data/tariffs.yaml: none, low, base or high "
       "(none: no indexation).", default="base"),
    _f("indexation", "section", "Yearly rates that replace the scenario's.", of="case.indexation"),
    _f("vat", "section", "How much of the VAT paid the organisation reclaims.", of="case.vat"),
    _f("staff", "section", "Staff counts and hourly rates: internal hours are counted per role and "
       "valued at the role's rate.", of="case.staff"),
    _req("deployments", "list", "The products deployed, at least one.", of="case.deployment"),
    _f("funding", "list", "Funding that pays for the technology: hourly prestaties, VPT, subsidies.",
       of="case.funding"),
    _f("fx", "section", "Exchange rates for prices quoted in another currency.", of="case.fx"),
    _f("description", "text", "Free text about the case; not used in the calculation."),
    _f("benefits", "list", "Time freed or costs avoided per client.", of="case.benefit"),
    _f("discount_rate", "percent", "Discount rate for the net present value; year 1 is the base year. "
       "Without it no NPV is shown.", **_PCT_0_100),
    _f("hours_per_fte", "number", "Hours in one FTE a year, to show staff hours per role and freed time as FTE. "
       "Without it hours are shown without FTE; bcalc assumes no norm.", minimum=1,
       maximum=HOURS_A_YEAR),
    _f("products", "list", "The organisation's own products, written as catalogue products (a quote, an "
       "innovation the catalogue has no prices for); a deployment selects one by its id.", of="case.product"),
    _f("catalogue_prices", "choice", "`as_quoted`: catalogue prices at their price year (2021 for seed 001), "
       "unindexed; `indexed`: brought to the year before the start with the yearly figures in "
       "data/tariffs.yaml (`catalogue_index`) and the case's own. Prices under a deployment's `prices` are "
       "never indexed.", default="as_quoted", choices=("as_quoted", "indexed")),
    _f("catalogue_index", "map", "Yearly rise of catalogue prices for years data/tariffs.yaml gives no "
       "sourced figure for (or to replace one), e.g. `{2026: 2.1%}`; used with `catalogue_prices: indexed`.",
       keys="year", of="percent", **_RATE_INDEX),
    _f("interest_rate", "percent", "Yearly interest on the book value of devices bought outright (those with "
       "a lifetime), in the operating view; without it no interest is counted. There is no default rate.",
       **_PCT_0_100),
    _f("parties", "map", "Parties other than " + ", ".join(PARTY_CODES) + " that pay or gain (a hospital, a GP, "
       "a supplier that buys back): party id: name, e.g. `{ziekenhuis: Ziekenhuis Jeroen Bosch}`. A `party` "
       "field names one by its id.", keys="party id", of="text"),
    _f("phases", "list", "Named phases of the horizon (pilot, scale-up, structural), in order, each with a gate "
       "at its end but the last; every output shows figures per phase beside the calendar years. Without it the "
       "case is one phase.", of="case.route_phase"),
))

CASE_ROUTE_PHASE = Section("case.route_phase", "case", "Phase (`phases[]`)", (
    _req("name", "text", "Name of the phase (pilot, opschaling, structureel); unique in the case. Deployments' "
         "`clients` and the `phase` of funding lines, benefits and own items use it."),
    _f("months", "integer", "Months the phase lasts, from the end of the one before. Required for every phase "
       "but the last, which runs to the end of the horizon (years x 12 months); if the last gives months they "
       "must be exactly the months left.", minimum=1, maximum=MAX_YEARS * 12),
    _f("gate", "section", "The go/no-go moment at the end of the phase (not on the last): bcalc computes what "
       "the rest of the route needs to break even, and lists the case's own criteria.", of="case.gate"),
), "A phase's figures are the sums of each line's exact monthly amounts in its months, rounded half-up to cents "
   "once per line per phase; the phases of a line may therefore differ from its calendar years by half a cent "
   "per period. A deployment gives clients per phase as a mapping `{pilot: 12, opschaling: 40, structureel: 60}`: "
   "units added at a phase's start pay their per-new-unit items (and yearly items) in that month. Funding lines, "
   "benefits and a deployment's own items and time lines take `phase:` (a name or a list) to count only in those "
   "phases' months. "
   "Items bought outright (with a lifetime) are bought at each contract year's start for the most clients in use "
   "in that contract year, and are not restricted to phases. "
   "Teams (`staff.teams`, a deployment's `staff.teams`) and a role's heads (`count`) may be given per phase the "
   "same way, `{pilot: 1, opschaling: 3, structureel: 3}`: items per team or per head that recur (monthly, "
   "daily) are charged for the teams or heads of each month's phase, yearly ones at each contract year's start "
   "for the phase's and, when a phase opens within a contract year, for the teams or heads it adds; one-off and "
   "per-new-unit items per team or head are charged for those a phase adds, in its first month (the first "
   "phase: all of them). Time per team or per head (training hours) counts the teams or heads a phase adds, "
   "their hours starting in its first month as the time line's own schedule runs from its start. Where teams or "
   "heads go down nothing is refunded or counted back: recurring items follow the lower number, and those added "
   "again later pay and train again. Items with a lifetime per team or head are bought on the most of them.")

CASE_GATE = Section("case.gate", "case", "Gate (`phases[].gate`)", (
    _f("label", "text", "Name of the go/no-go moment (\"Go/no-go opschaling\")."),
    _f("criteria", "list", "The case's own criteria: a KPI with a minimum or a maximum, reported beside the "
       "thresholds bcalc computes.", of="case.gate.criterion"),
), "For each gate bcalc computes, in the value and the budget view, the figures on which the phases after the "
   "gate break even (the costs of the phases before it are sunk): the least clients in use (the same number for "
   "every deployment in every phase after the gate), the least minutes freed per client (all time benefits "
   "scaled together, at their realisation) and the highest price of the main item (the recurring item of "
   "deployment 1 with the largest cost over the horizon).")

CASE_GATE_CRITERION = Section("case.gate.criterion", "case", "Gate criterion (`phases[].gate.criteria[]`)", (
    _req("kpi", "text", "What is measured: `clients` (clients in use at the end of the phase), `minutes_per_day` "
         "(time freed per client per day), `cost_per_client_month` (a maximum), or a name of the case's own "
         "(with label and unit)."),
    _f("min", "number", "The least value that passes the gate. Give min or max.", nullable=False,
       maximum=MAX_AMOUNT, negative=True),
    _f("max", "number", "The highest value that passes the gate. Give min or max.", nullable=False,
       maximum=MAX_AMOUNT, negative=True),
    _f("label", "text", "What the KPI is, in words (for a KPI of the case's own)."),
    _f("unit", "text", "Its unit (%, minutes, clients, ...)."),
))

CASE_INDEXATION = Section("case.indexation", "case", "Indexation (`indexation`)", (
    _f("prices", "percent", "Yearly rise of supplier prices; replaces the scenario's.", **_RATE_INDEX),
    _f("wages", "percent", "Yearly rise of internal hourly rates.", **_RATE_INDEX),
    _f("tariffs", "percent", "Yearly rise of funding tariffs.", **_RATE_INDEX),
), "Each rate given replaces the scenario's rate for every year; the others follow the scenario.")

CASE_VAT = Section("case.vat", "case", "VAT (`vat`)", (
    _f("recoverable", "percent", "Share of the VAT paid that is reclaimed. Care is mostly exempt from "
       "VAT, so VAT is usually a cost.", default="0%", **_PCT_0_100),
))

CASE_STAFF = Section("case.staff", "case", "Staff (`staff`)", tuple(
    _f(role, "section", f"Staff in the role {role}.", of="case.staff.role", nullable=False) for role in ROLES
) + (
    _f("teams", "integer", "Number of care teams, for items and time priced per team. In a case with phases also a mapping of phase name: number, every phase given (`{pilot: 1, opschaling: 3, structureel: 3}`): see Phase (`phases[]`).", minimum=0,
       nullable=False, per_phase=True, **_COUNT),
), "A role is needed where a product prices per head of that role or counts time for it; "
   "bcalc says which roles a case lacks.")

CASE_STAFF_ROLE = Section("case.staff.role", "case", "Staff role (`staff.<role>`)", (
    _req("count", "integer", "Heads in the role. In a case with phases also a mapping of phase name: number, every phase given (`{pilot: 1, opschaling: 3, structureel: 3}`): see Phase (`phases[]`).", minimum=0, per_phase=True, **_COUNT),
    _f("rate", "number", "Loaded cost per hour (EUR). Without it the hours are counted but not valued.",
       maximum=MAX_RATE),
))

CASE_FX = Section("case.fx", "case", "Exchange rates (`fx`)", (
    _f("USD", "number", "Euros per US dollar; not 0.", nullable=False, maximum=MAX_FX),
))

CASE_DEPLOYMENT = Section("case.deployment", "case", "Deployment (`deployments[]`)", (
    _req("product", "text", "A product id from data/suppliers.yaml (see `bcalc catalogue list`)."),
    _req("clients", "clients", "Clients (units) in use: one number, or one per contract year "
         "([20, 40, 40]); in a case with phases also a mapping of phase name: clients in use throughout that "
         "phase ({pilot: 12, opschaling: 40, structureel: 60}).", **_COUNT),
    _f("options", "ids", "Optional items to include, and which alternative of a choice to take."),
    _f("prices", "map", "Negotiated prices for this case, EUR per item id; replace the catalogue's. A number, "
       "or a quote: amount with vat, source and price_year.", keys="item id", of="number", also="case.quote",
       **_MONEY),
    _f("quantities", "map", "Quantities per item id (or time-line id) where the product needs a count.",
       keys="item id", of="number", **_COUNT),
    _f("vat_rates", "map", "VAT rate per item id where the quote does not say (a Dutch rate: 21%, 9%, 0%).",
       keys="item id", of="percent", **_PCT_0_100),
    _f("index_cap", "percent", "Contract cap on the yearly price rise.", **_PCT_0_100),
    _f("label", "text", "Name for this deployment in tables (default: the product's name)."),
    _f("contract", "section", "Contract terms.", of="case.deployment.contract"),
    _f("items", "list", "The deployment's own cost lines, written as catalogue items, with their source "
       "(an ECD link, an extra licence).", of="case.item"),
    _f("time", "list", "The deployment's own staff hours, written as catalogue time lines; per client or "
       "per new client for client support.", of="case.time"),
    _f("count_time", "map", "Time lines the catalogue does not count (supplier time, or time whose payer the "
       "source leaves open) that are this organisation's own staff's time here: time-line id: role (a role "
       "in `staff`), e.g. `buurtcirkelcoach-jaar-1: care_staff`.", keys="time-line id", of="choice",
       choices=ROLES),
    _f("hours_per_day", "number", "Hours of one working day, for counted time lines the source gives in days.",
       minimum=0, maximum=24),
    _f("hours_per_day_part", "number", "Hours of one dagdeel, for counted time lines the source gives in "
       "dagdelen.", minimum=0, maximum=24),
    _f("assets", "map", "Items bought outright that last a number of years, per item id: replaced at the end "
       "of their life within the horizon and depreciated in the operating view. Replaces the catalogue's "
       "lifetime and residual.", keys="item id", of="case.deployment.asset"),
    _f("staff", "section", "The deployment's own staff (a district, a location): heads per role and teams. "
       "Items and time lines per head of a role it names, or per team when it gives teams, are charged "
       "with this deployment on its counts; without it, the case's staff.", of="case.deployment.staff"),
    _f("party", "party", "Who pays this deployment's supplier lines (and their VAT): a party, or shares of "
       "parties that add up to 100% (`{ziekenhuis: 50%, care_organisation: 50%}`). Default care_organisation. "
       "Its staff hours stay the care organisation's; an own item's `party` takes precedence."),
))

CASE_DEPLOYMENT_STAFF = Section("case.deployment.staff", "case", "Staff of a deployment (`deployments[].staff`)", tuple(
    _f(role, "section", f"This deployment's heads in the role {role}.", of="case.deployment.staff.role",
       nullable=False) for role in ROLES
) + (
    _f("teams", "integer", "This deployment's care teams, for items and time priced per team. In a case with phases also a mapping of phase name: number, every phase given (`{pilot: 1, opschaling: 3, structureel: 3}`): see Phase (`phases[]`).", minimum=0,
       nullable=False, per_phase=True, **_COUNT),
), "Written as the case's `staff`, without rates: the hours are valued at the case's `staff.<role>.rate`, "
   "so a role named here must be in the case's `staff` too. Costs per organisation stay with the first "
   "deployment of a product. The case's count of a role (and its `teams`) stands for the staff that no "
   "deployment of the product names: what is charged on it is counted once, with the first deployment of "
   "the product that does not name that role (or give teams).")

CASE_DEPLOYMENT_STAFF_ROLE = Section("case.deployment.staff.role", "case",
                                     "Staff role of a deployment (`deployments[].staff.<role>`)", (
    _req("count", "integer", "Heads in the role in this deployment. In a case with phases also a mapping of phase name: number, every phase given (`{pilot: 1, opschaling: 3, structureel: 3}`): see Phase (`phases[]`).", minimum=0, per_phase=True,
         **_COUNT),
))

CASE_QUOTE = Section("case.quote", "case", "Quote (`deployments[].prices.<item>`)", (
    _req("amount", "number", "The quoted price (EUR).", **_MONEY),
    _f("vat", "choice", "VAT as quoted: excl or incl (default: as the catalogue quotes the item).",
       choices=("excl", "incl")),
    _f("source", "text", "The quote and its date (\"Offerte Vitavanti 2026-09-30\")."),
    _f("price_year", "integer", "The year the price is quoted in.", minimum=1990, maximum=2100),
), "A negotiated price with what the quote says; it replaces the catalogue's price and VAT status.")

MAX_LIFETIME = 50               # years a device bought outright lasts: far above any real one

CASE_ASSET = Section("case.deployment.asset", "case", "Asset (`deployments[].assets.<item>`)", (
    _req("lifetime", "integer", "Whole years a unit lasts: it is bought again that many years after its "
         "purchase while it is in use, and depreciated straight-line over them.", minimum=1, maximum=MAX_LIFETIME),
    _f("residual", "number", "Euros per unit it is still worth at the end of its life, as the item's price "
       "is quoted; not more than the price. Not indexed.", default=0, **_MONEY),
), "Only for items bought outright: category one_off, timing one_off or per_new_unit. The sources give "
   "no lifetimes, so a case supplies them (see docs/owning.md).")

CASE_CONTRACT = Section("case.deployment.contract", "case", "Contract (`deployments[].contract`)", (
    _f("term", "integer", "Contract years; fixed costs and minimum volumes run until its end.",
       minimum=1, maximum=MAX_YEARS),
    _f("min_clients", "integer", "Minimum number of units billed for recurring per-unit items.", minimum=0,
       **_COUNT),
    _f("exit_year", "integer", "The organisation stops after this contract year; within the case's years "
       "and the term.", minimum=1, maximum=MAX_YEARS),
))

CASE_FUNDING = Section("case.funding", "case", "Funding line (`funding[]`)", (
    _req("code", "text", "A funding code from data/tariffs.yaml (1062, H139, H306, VPT, subsidy); its "
         "kind (hourly, vpt, subsidy) decides the other fields."),
    _f("label", "text", "Name for this line in tables."),
    _f("clients", "clients", "Clients funded: one number, or one per contract year. Give either clients or "
       "deployment.", when=("hourly", "vpt"), nullable=False, **_COUNT),
    _f("deployment", "integer", "Follow deployment 1, 2, ...: its units in use per month are the clients funded "
       "(its clients per contract year, none after its contract's exit_year), so the line moves with them in "
       "break-even, sensitivity, simulate and the scenarios. Instead of clients.", when=("hourly", "vpt"),
       nullable=False, minimum=1),
    _f("hours_per_month", "number", "Hours declared per client per month.", when=("hourly",), required=True,
       missing="{code} needs hours_per_month", maximum=HOURS_A_MONTH),
    _f("tariff", "number", "Contracted tariff, EUR per hour. Needed where data/tariffs.yaml has no tariff "
       "for the code in the case's first year.", when=("hourly",), nullable=False, maximum=MAX_RATE),
    _f("day_rate", "number", "The VPT day rate (EUR per day) of the care profile, from the contract.",
       when=("vpt",), required=True, maximum=MAX_RATE,
       missing="VPT needs day_rate: the VPT day rate (EUR per day) of the care profile, from your contract"),
    _f("technology_share", "percent", "Part of the day rate available for technology.", when=("vpt",),
       required=True, missing="VPT needs technology_share: the part of the day rate available for technology",
       **_PCT_0_100),
    _f("amount", "number", "Subsidy amount, EUR. Needed unless the line gives its scheme's rules or scheme; "
       "with them, the amount applied for, checked against what the rules allow.", when=("subsidy",),
       nullable=False, **_MONEY),
    _f("year", "integer", "Contract year the subsidy comes in (1, 2, ...), within the case's years. In a case "
       "with phases a subsidy with `phase` and no year comes in the first month of its (first) phase.",
       when=("subsidy",), nullable=False, minimum=1, maximum=MAX_YEARS),
    _f("party", "party", "Who pays it (the financier), a party or shares of parties. Default: the code's "
       "financier in data/tariffs.yaml (1062 health_insurer, H139, H306 and VPT zorgkantoor); a subsidy's giver "
       "is its scheme's where the source names one, else not known (bcalc says so). The care organisation "
       "receives it."),
    _f("scheme", "text", "A subsidy scheme whose rules data/tariffs.yaml ships (`set-2022`); the line's own "
       "`rules` replace single rules of it.", when=("subsidy",), nullable=False),
    _f("rules", "section", "The subsidy scheme's rules: bcalc computes the grant from the case and warns where "
       "a rule is broken.", when=("subsidy",), of="case.funding.rules", nullable=False),
    _f("months", "integer", "Months the funded project runs from the first month of the subsidy's `year`: the "
       "period whose costs count as eligible (default: the scheme's months, else 12).", when=("subsidy",),
       minimum=1, maximum=MAX_YEARS * 12, nullable=False),
    _f("baseline_hours_per_month", "number", "Care hours per client per month without the technology. For "
       "1062 bcalc shows the change in care hours per client per month that the case's time benefits imply "
       "(the insurer's condition: fewer hours per client per month).", when=("hourly",), nullable=False,
       maximum=HOURS_A_MONTH),
    _f("phase", "phase_names", "Only in these phases of the case (a name or a list): the line pays nothing "
       "in other months (a subsidy for start-up costs that ends with the pilot)."),
), help="A funding line of kind hourly or vpt either counts clients of its own (`clients`) or follows a "
   "deployment (`deployment: N`, 1-based). A line that follows a deployment pays for that deployment's units "
   "in use: its clients per contract year, none after its contract's `exit_year`; the scenarios' half-clients "
   "and stopping rows, the sensitivity and simulation of its clients, break-even and the workbook's client "
   "cells move it too. A line with clients of its own keeps them as written, with a warning where they exceed "
   "the units in use of all deployments in a contract year; break-even counts such a line for no more clients "
   "than are in use. Tariffs of 1062, H139 and H306 are not public: the case gives the contracted `tariff`.")

CASE_BENEFIT = Section("case.benefit", "case", "Benefit (`benefits[]`)", (
    _req("label", "text", "What the benefit is."),
    _req("kind", "choice", "time: time freed for a role; avoided_cost: a cost that no longer arises.",
         choices=BENEFIT_KINDS),
    _f("deployment", "integer", "Whose clients it follows: deployment 1, 2, ... Needed when the case has "
       "several deployments and the benefit gives no clients of its own.", default=1, minimum=1),
    _req("per", "choice", "The period of minutes, hours or amount, per client.",
         choices=("day", "week", "month", "year")),
    _f("minutes", "number", "Minutes freed per client per period (or give hours).", when=("time",),
       nullable=False, maximum=MINUTES_A_YEAR),
    _f("hours", "number", "Hours freed per client per period (or give minutes).", when=("time",),
       nullable=False, maximum=HOURS_A_YEAR),
    _f("role", "choice", "The role whose time is freed; valued at its rate.", choices=ROLES, when=("time",),
       nullable=False),
    _f("amount", "number", "Euros avoided per client per period.", when=("avoided_cost",), nullable=False,
       **_MONEY),
    _f("realisation", "percent", "The share really gained.", default="100%", **_PCT_0_100),
    _f("cashable", "boolean", "Money that leaves the budget (true), or time put back into care (false).",
       default=False),
    _f("clients", "clients", "Clients it applies to, if not the deployment's.", **_COUNT),
    _f("source", "text", "Where the figure comes from."),
    _f("vendor_claim", "boolean", "The figure is the supplier's own claim: the same as evidence supplier_claim.",
       default=False),
    _f("evidence", "choice", "What the figure rests on, weakest first: assumption (the organisation's own "
       "estimate, not measured), supplier_claim, practice_example (measured elsewhere: another organisation, a "
       "report), pilot_measurement (measured in the organisation's own pilot), study (a published study with a "
       "method), own_measurement (measured in the organisation's own practice at scale). Without it: not stated, "
       "read as unmeasured.", choices=("assumption", "supplier_claim", "practice_example", "pilot_measurement",
                                      "study", "own_measurement")),
    _f("party", "party", "Who gains it, a party or shares of parties (an avoided hospital stay: the "
       "health_insurer). Default care_organisation."),
    _f("phase", "phase_names", "Only in these phases of the case (a name or a list of names)."),
))

CASE_SCHEME_RULES = Section("case.funding.rules", "case", "Subsidy rules (`funding[].rules`)", (
    _f("share", "percent", "Share of the eligible costs the scheme pays.", nullable=False, **_PCT_0_100),
    _f("min", "number", "Least grant of the scheme: below it the application does not qualify and bcalc counts "
       "no grant.", nullable=False, **_MONEY),
    _f("max", "number", "Most the scheme grants: a larger share of the costs is cut to it.", nullable=False,
       **_MONEY),
    _f("eligible", "ids", "Cost categories that count as eligible, of " + ", ".join(ELIGIBLE) + " (vat: the "
       "VAT of the eligible lines). Default: all.", nullable=False),
    _f("device_share_max", "percent", "Most the devices (supplier lines of categories one_off and recurring: "
       "the technology bought, rented or subscribed to) may be of the eligible costs; beyond it they count "
       "only up to that share.", nullable=False, **_PCT_0_100),
    _f("months", "integer", "Longest duration of the scheme in months; a line's `months` beyond it is warned.",
       minimum=1, maximum=MAX_YEARS * 12, nullable=False),
), "The eligible costs are those of the calendar years (rows of the result) wholly inside the project's period "
   "(`months` from the first month of the subsidy's `year`); a year only partly inside is left out, and bcalc "
   "says so. Grant = share x eligible costs, cut to max; without share, the amount given (checked against max). "
   "It is paid, as any subsidy, in the first month of its year.")

# ---- the supplier catalogue -----------------------------------------------------------------------

_PRICE = (
    _f("written", "text", "The figure exactly as printed in the source (\"€62,40 per maand\")."),
    _f("amount", "number", "The price (EUR, or the item's currency).", **_MONEY),
    _f("low", "number", "Low end of a range (with high).", **_MONEY),
    _f("high", "number", "High end of a range (with low).", **_MONEY),
    _f("approx", "boolean", "Written with ± in the source.", default=False),
    _f("bound", "choice", "max for \"maximaal\", min for \"vanaf\".", choices=("max", "min")),
)
PRICE_KEYS = tuple(f.name for f in _PRICE)

SUPPLIERS = Section("suppliers", "suppliers", "Top level", (
    _req("format", "choice", "Always bcalc.suppliers/1.", choices=(SUPPLIERS_FORMAT,)),
    _req("sources", "map", "Source documents by id (\"001\").", keys="document id", of="suppliers.source"),
    _req("products", "list", "The products, at least one.", of="suppliers.product"),
))

SOURCE = Section("suppliers.source", "suppliers", "Source document (`sources.<id>`)", (
    _req("title", "text", "Title of the document."),
    _req("file", "text", "File the line numbers refer to."),
    _f("price_year", "integer", "The year its prices are quoted in; products inherit it.",
       minimum=1990, maximum=2100),
    _f("rule", "text", "The document's general price rule."),
))

PRODUCT = Section("suppliers.product", "suppliers", "Product (`products[]`)", (
    _req("id", "id", "Unique id; a case selects it with product: <id>."),
    _req("name", "text", "Display name."),
    _req("supplier", "text", "Supplier's name."),
    _req("need", "id", "The care need it serves; products with the same need are alternatives."),
    _req("category", "text", "Display category."),
    _f("innovation", "text", "Section number in the source."),
    _req("source", "source_line", "The product's cost block in the source."),
    _f("price_year", "integer", "Overrides the source document's price year; one of the two is needed.",
       minimum=1990, maximum=2100),
    _req("items", "list", "The priced lines, at least one.", of="suppliers.item"),
    _f("time", "list", "Time investments (staff hours).", of="suppliers.time"),
    _f("choices", "list", "Groups of options that exclude each other.", of="suppliers.choice"),
    _f("family", "text", "Groups variants of one product."),
    _f("note", "text", "Free text."),
))

ITEM = Section("suppliers.item", "suppliers", "Item (`items[]`)", _PRICE + (
    _req("id", "id", "Unique within the product; the case's prices, quantities and vat_rates use it."),
    _f("ref", "text", "Line id in the structured extraction (C08)."),
    _req("label", "text", "Label, close to the source."),
    _f("included", "boolean", "Included in another price: no charge of its own.", default=False),
    _f("currency", "choice", "Currency of the price.", default="EUR", choices=("EUR", "USD")),
    _f("vat", "choice", "VAT as quoted: excl, incl or not_stated.", default="not_stated", choices=VAT_STATUSES),
    _f("vat_read", "choice", "Only with vat not_stated: how bcalc reads the price where the source says nothing "
       "and the document's rule (excl.) does not fit, e.g. `incl` for a Dutch consumer shop price; the note "
       "says why.", choices=("excl", "incl")),
    _f("vat_rate", "percent", "VAT rate of the item, where not the standard rate.", **_PCT_0_100),
    _req("basis", "choice", "What one unit of quantity is.", choices=BASES),
    _f("role", "choice", "The staff role for basis role.", choices=ROLES),
    _req("timing", "choice", "When it is charged.", choices=TIMINGS),
    _req("category", "choice", "Cost category.", choices=("one_off", "recurring", "training")),
    _f("options", "ids", "Included only when the case selects one of these options."),
    _f("quantity", "number", "A quantity the source states, per timing period.", **_COUNT),
    _f("tier_on", "choice", "What tiers count: peak units or the quantity.", default="units",
       choices=("units", "quantity")),
    _f("tiers", "list", "Volume or term tiers; the first whose conditions hold applies.", of="suppliers.tier"),
    _f("packs", "list", "Pack sizes and their prices.", of="suppliers.pack"),
    _req("source", "source_line", "The source line of the figure."),
    _f("note", "text", "Free text."),
    _f("ambiguous", "boolean", "The source can be read more than one way.", default=False),
    _f("from_year", "integer", "First contract year in which the item is charged.", default=1,
       minimum=1, maximum=MAX_YEARS),
    _f("lifetime", "integer", "Whole years a unit bought outright lasts (category one_off, timing one_off or "
       "per_new_unit); a case's assets replace it.", minimum=1, maximum=MAX_LIFETIME),
    _f("residual", "number", "Euros per unit still worth at the end of its life (with lifetime), as the "
       "price is quoted.", **_MONEY),
    _f("price_year", "integer", "The year its price is quoted in, where not its product's (default: the price "
       "year of the document of its source line, where that is another document than the product's).",
       minimum=1990, maximum=2100),
    _f("valid_from", "month", "First month this version of the item applies, written YYYY-MM (2027-07); a case "
       "takes the version that applies in its start month. Without it: from the start of the catalogue."),
    _f("valid_until", "month", "Last month this version applies (included), written YYYY-MM (2027-06). Without "
       "it: until further notice. Versions of one item share its id; their periods may not overlap."),
))

TIER = Section("suppliers.tier", "suppliers", "Tier (`items[].tiers[]`)", _PRICE + (
    _f("min_units", "integer", "Applies from this many units.", minimum=0),
    _f("min_years", "integer", "Applies from this contract length.", minimum=0),
    _f("ref", "text", "Line id in the structured extraction."),
    _f("source", "source_line", "Source line, where not the item's."),
    _f("label", "text", "Label of the tier."),
))

PACK = Section("suppliers.pack", "suppliers", "Pack (`items[].packs[]`)", _PRICE + (
    _req("size", "integer", "Pieces in the pack.", minimum=1),
))

TIME = Section("suppliers.time", "suppliers", "Time line (`time[]`)", (
    _req("id", "id", "Unique within the product."),
    _f("ref", "text", "Line id in the structured extraction (T03)."),
    _req("label", "text", "Label, close to the source."),
    _req("written", "text", "The hours exactly as printed in the source."),
    _f("role", "choice", "The staff role whose time it is; needed when counted.", choices=ROLES),
    _f("per", "choice", "Hours per head of the role, for the organisation, or per team.",
       default="organisation", choices=("head", "organisation", "team")),
    _f("hours", "number", "A fixed number of hours.", maximum=MAX_HOURS),
    _f("hours_low", "number", "Low end of a range of hours.", maximum=MAX_HOURS),
    _f("hours_high", "number", "High end of a range of hours.", maximum=MAX_HOURS),
    _f("approx", "boolean", "Written with ± in the source.", default=False),
    _f("phases", "list", "Hours per week for a number of weeks or months.", of="suppliers.phase"),
    _f("days", "number", "Working days, as the source gives them; counted only when the case gives "
       "`hours_per_day` (no source says how many hours a day has).", minimum=0, maximum=MAX_YEARS * 366),
    _f("day_parts", "number", "Dagdelen (parts of a day), as the source gives them; counted only when the case "
       "gives `hours_per_day_part`.", minimum=0, maximum=MAX_YEARS * 732),
    _req("category", "choice", "training or internal.", choices=("training", "internal")),
    _f("counted", "boolean", "false: supplier time already in a price, kept for the record.", default=True),
    _f("options", "ids", "Counted only when the case selects one of these options."),
    _req("source", "source_line", "The source line."),
    _f("note", "text", "Free text."),
    _f("ambiguous", "boolean", "The source can be read more than one way.", default=False),
))

PHASE = Section("suppliers.phase", "suppliers", "Phase (`time[].phases[]`)", (
    _f("hours_per_week", "number", "Hours per week.", maximum=HOURS_A_WEEK),
    _f("hours_per_week_low", "number", "Low end of a range.", maximum=HOURS_A_WEEK),
    _f("hours_per_week_high", "number", "High end of a range.", maximum=HOURS_A_WEEK),
    _f("weeks", "number", "Duration in weeks (or months).", maximum=MAX_YEARS * 53),
    _f("months", "number", "Duration in months (or weeks). The last phase may give neither: it runs to the "
       "end of the horizon.", maximum=MAX_YEARS * 12),
))

CHOICE = Section("suppliers.choice", "suppliers", "Choice (`choices[]`)", (
    _req("id", "id", "Id of the choice."),
    _f("label", "text", "What is chosen."),
    _req("options", "ids", "The options that exclude each other."),
    _f("default", "text", "The option taken when the case picks none."),
    _f("required", "boolean", "The case must pick one.", default=False),
))

# ---- what a case file writes as the catalogue does -------------------------------------------------
# Its own products, items and time lines: the catalogue's fields, with a source that is free text (a
# quote and its date) and the figure's text optional.

_OWN_SOURCE = _req("source", "text", "Where the figure comes from: a quote and its date (\"Offerte Nedap "
                   "2026-10-14\"), a contract, or the organisation's own estimate.")


def _own(sec: Section, name: str, title: str, replace: dict, extra: tuple = ()) -> Section:
    fields = tuple(replace.get(f.name, f) for f in sec.fields if replace.get(f.name, f) is not None)
    return Section(name, "case", title, fields + extra, sec.help)


CASE_TIER = _own(TIER, "case.tier", "Own tier (`items[].tiers[]`)", {
    "source": _f("source", "text", "Where the tier comes from, where not the item's source."),
})
CASE_PACK = _own(PACK, "case.pack", "Own pack (`items[].packs[]`)", {})
CASE_PHASE = _own(PHASE, "case.phase", "Own phase (`time[].phases[]`)", {})
CASE_CHOICE = _own(CHOICE, "case.choice", "Own choice (`choices[]`)", {})

CASE_PRODUCT = _own(PRODUCT, "case.product", "Own product (`products[]`)", {
    "source": _OWN_SOURCE,
    "category": _f("category", "text", "Display category."),
    "price_year": _f("price_year", "integer", "The year its prices are quoted in (default: the case's start "
                     "year). Prices apply in contract year 1 and index from there, as catalogue prices do.",
                     minimum=1990, maximum=2100),
    "items": _req("items", "list", "The priced lines, at least one.", of="case.item"),
    "time": _f("time", "list", "Time investments (staff hours).", of="case.time"),
    "choices": _f("choices", "list", "Groups of options that exclude each other.", of="case.choice"),
})

CASE_ITEM = _own(ITEM, "case.item", "Own item (`items[]`)", {
    "source": _OWN_SOURCE,
    "written": _f("written", "text", "The figure as the quote writes it (optional)."),
    "id": _req("id", "id", "Unique within the product and the case; prices, quantities and vat_rates use it."),
    "tiers": _f("tiers", "list", "Volume or term tiers; the first whose conditions hold applies.", of="case.tier"),
    "packs": _f("packs", "list", "Pack sizes and their prices.", of="case.pack"),
    "price_year": _f("price_year", "integer", "The year the price is quoted in (default: the product's price year, "
                     "or the case's start year).", minimum=1990, maximum=2100),
    "valid_from": None,     # a case file has one start: its own lines have no versions
    "vat_read": None,       # an own line says itself whether its price is incl. or excl. VAT
    "valid_until": None,
}, extra=(
    _f("party", "party", "Who pays this line (and its VAT), a party or shares of parties; replaces the "
       "deployment's `party`. Default: the deployment's, else care_organisation."),
    _f("phase", "phase_names", "Only on a deployment's own items, in a case with phases: charged only in these "
       "phases (a name or a list), e.g. a pilot package; a one-off item in the first month of its first phase."),
))

CASE_TIME = _own(TIME, "case.time", "Own time line (`time[]`)", {
    "source": _OWN_SOURCE,
    "written": _f("written", "text", "The hours as the source writes them (optional)."),
    "per": _f("per", "choice", "Hours per head of the role, for the organisation, per team, per client in "
              "use per month (client) or per new client (new_client).", default="organisation",
              choices=("head", "organisation", "team", "client", "new_client")),
    "counted": None,
    "ref": None,
    "days": None,           # the case writes its own time in hours
    "day_parts": None,
    "phases": _f("phases", "list", "Hours per week for a number of weeks or months.", of="case.phase"),
}, (_f("phase", "phase_names", "Only on a deployment's own time lines, in a case with phases: counted only in "
       "these phases (a name or a list); its hours start at the first month of its first phase (a fixed number "
       "of hours falls there, hours per week run from there), hours per client count only in its phases."),))

# ---- the tariffs file -----------------------------------------------------------------------------

TARIFFS = Section("tariffs", "tariffs", "Top level", (
    _req("format", "choice", "Always bcalc.tariffs/1.", choices=(TARIFFS_FORMAT,)),
    _req("funding", "list", "The funding codes.", of="tariffs.funding"),
    _req("vat", "section", "VAT rates.", of="tariffs.vat"),
    _req("indexation", "map", "Indexation scenarios by name; none, low, base and high are needed.",
         keys="scenario name", of="tariffs.scenario"),
    _f("discount", "section", "Reference discount rate.", of="tariffs.discount"),
    _f("uncertainty", "section", "Assumptions of bcalc simulate and sensitivity.", of="tariffs.uncertainty"),
    _f("catalogue_index", "section", "Yearly rise of catalogue prices, to bring them from their price year to a "
       "case's start (`catalogue_prices: indexed`).", of="tariffs.catalogue_index"),
    _f("schemes", "list", "Public subsidy schemes whose rules a source states.", of="tariffs.scheme"),
))

CATALOGUE_INDEX = Section("tariffs.catalogue_index", "tariffs", "Catalogue index (`catalogue_index`)", (
    _req("label", "text", "Name of the series."),
    _req("basis", "text", "What the figures are and where they come from."),
    _req("by_year", "map", "The published rise of each calendar year; a year without a published figure is "
         "left out.", keys="year", of="percent", **_RATE_INDEX),
    _req("sources", "map", "The source of each year's figure (a URL or document); every year of by_year needs "
         "one.", keys="year", of="text"),
))

FUNDING_CODE = Section("tariffs.funding", "tariffs", "Funding code (`funding[]`)", (
    _req("code", "text", "The code a case names (H139)."),
    _req("kind", "choice", "hourly, vpt or subsidy.", choices=FUNDING_KINDS),
    _req("domain", "text", "Zvw, Wlz, ..."),
    _req("name", "text", "Name of the prestatie."),
    _req("unit", "text", "The unit declared."),
    _req("definition", "text", "What the code pays for."),
    _req("source", "text", "Where the definition comes from."),
    _f("tariff", "map", "Public tariff per calendar year (EUR), or null where none is public.",
       keys="year", of="number", maximum=MAX_RATE),
    _f("note", "text", "Free text."),
    _f("financier", "choice", "The party that pays the prestatie (a case's `party` replaces it).",
       choices=PARTY_CODES),
))

TARIFFS_SCHEME = Section("tariffs.scheme", "tariffs", "Subsidy scheme (`schemes[]`)", (
    _req("id", "id", "The id a case names (`scheme: set-2022`)."),
    _req("name", "text", "Name of the scheme."),
    _req("source", "text", "Where its rules are stated."),
    _f("share", "percent", "Share of the eligible costs it pays.", **_PCT_0_100),
    _f("min", "number", "Least grant.", **_MONEY),
    _f("max", "number", "Most it grants.", **_MONEY),
    _f("eligible", "ids", "Eligible cost categories."),
    _f("device_share_max", "percent", "Most devices may be of the eligible costs.", **_PCT_0_100),
    _f("months", "integer", "Longest duration in months.", minimum=1, maximum=MAX_YEARS * 12),
    _f("giver", "choice", "The party that grants it, where the source names it.", choices=PARTY_CODES),
    _f("note", "text", "Free text."),
))

VAT = Section("tariffs.vat", "tariffs", "VAT (`vat`)", (
    _req("standard", "percent", "The standard rate (21%); one of the rates.", **_PCT_0_100),
    _req("rates", "map", "Rates by name, at least one; a case's vat_rates and an item's vat_rate must be "
         "one of them.", keys="rate name", of="percent", **_PCT_0_100),
    _req("source", "text", "Where the rates come from."),
))

SCENARIO = Section("tariffs.scenario", "tariffs", "Scenario (`indexation.<name>`)", (
    _req("label", "text", "Name of the scenario."),
    _req("basis", "text", "Where its rates come from."),
    _req("prices", "rate", "Yearly rise of supplier prices.", of="tariffs.series"),
    _req("wages", "rate", "Yearly rise of hourly rates.", of="tariffs.series"),
    _req("tariffs", "rate", "Yearly rise of funding tariffs.", of="tariffs.series"),
))

SERIES = Section("tariffs.series", "tariffs", "Rate by year", (
    _req("default", "percent", "Rate for every year not listed.", **_RATE_INDEX),
    _f("by_year", "map", "Rates of given calendar years.", keys="year", of="percent", **_RATE_INDEX),
))

DISCOUNT = Section("tariffs.discount", "tariffs", "Discount (`discount`)", (
    _req("reference_rate", "percent", "Reference discount rate.", **_PCT_0_100),
    _f("real", "boolean", "The rate is real (without inflation).", default=False),
    _req("source", "text", "Where the rate comes from."),
))

UNCERTAINTY = Section("tariffs.uncertainty", "tariffs", "Uncertainty (`uncertainty`)", (
    _req("approx_spread", "percent", "Spread assumed for a figure written with ±.", **_PCT_0_100),
    _req("default_swing", "percent", "Swing used by sensitivity where no range is given.", **_PCT_0_100),
    _req("basis", "text", "Why these assumptions."),
))

PORTFOLIO = Section("portfolio", "portfolio", "Portfolio file (top level)", (
    _req("portfolio", "text", "Title of the portfolio (the organisation's budget), shown above every output."),
    _f("organisation", "text", "The care organisation whose cases these are."),
    _req("cases", "list", "Case files and folders of case files, relative to the portfolio file; a folder "
         "stands for every `.yaml` and `.yml` file in it and its subfolders.", of="text"),
    _f("budget_year", "integer", "The calendar year whose budget the summary gives first (begroting); "
       "without it, the first calendar year any case runs in.", minimum=2000, maximum=2100),
    _f("scenario", "text", "Indexation scenario for every case, replacing each case's own (none, low, base, high)."),
    _f("vat", "section", "One VAT position for every case, replacing each case's own.", of="portfolio.vat"),
    _f("hours_per_fte", "number", "Hours in one FTE a year, for the FTE per role across the cases; without it "
       "the cases' own figure where they all give the same one.", minimum=1, maximum=HOURS_A_YEAR),
), "A portfolio file names the cases whose figures are added up and the settings that hold for all of them. "
   "`bcalc portfolio` takes one, or case files and folders directly.")

PORTFOLIO_VAT = Section("portfolio.vat", "portfolio", "VAT of the portfolio (`vat`)", (
    _req("recoverable", "percent", "Share of the VAT paid that the organisation reclaims, for every case.",
         **_PCT_0_100),
))

ACTUALS = Section("actuals", "actuals", "Actuals file (top level)", (
    _f("actuals", "text", "Title of the actuals (the pilot, the period), shown above the evaluation."),
    _f("case", "text", "The case file these actuals belong to, for the reader; `bcalc evaluate` takes the case "
       "from its command line."),
    _req("months", "list", "The months measured, one entry each, in any order; each month must lie within the "
         "case's horizon and may be given once.", of="actuals.month"),
), "An actuals file gives what a pilot really used, paid, spent and received, month by month, for "
   "`bcalc evaluate CASE ACTUALS` (docs/actuals.md). A CSV file with one row per month per measure is read too.")

ACTUALS_MONTH = Section("actuals.month", "actuals", "Month (`months[]`)", (
    _req("month", "month", "The calendar month, YYYY-MM."),
    _f("clients", "map", "Clients in use this month per deployment: a product id or a deployment number (1, 2, ...) "
       "with its clients; one number when the case has one deployment.", keys="product id or deployment number",
       of="integer", minimum=0, maximum=MAX_COUNT),
    _f("invoices", "list", "The supplier invoices of this month, one entry per item or own cost line; an empty "
       "list says there were none. An item without an invoice in a month that has `invoices` cost nothing.",
       of="actuals.invoice"),
    _f("hours", "map", "Hours spent this month per role (training and other internal hours together), valued at "
       "the case's rate of the role for that calendar year.", keys="role", of="number", maximum=MAX_HOURS),
    _f("funding", "map", "Funding received this month per funding line of the case: its code (where the case has "
       "one line of that code) or its label, with the amount in euros or a mapping with amount and quantity.",
       keys="funding code or label", of="number", maximum=MAX_AMOUNT, also="actuals.funding"),
    _f("time_freed", "section", "Time freed as measured this month.", of="actuals.time_freed"),
    _f("kpis", "map", "Other measured values, by a name of your own (a gate criterion may name it).",
       keys="name", of="number", negative=True),
    _f("note", "text", "A note for the reader."),
))

ACTUALS_INVOICE = Section("actuals.invoice", "actuals", "Invoice (`months[].invoices[]`)", (
    _req("item", "text", "The item id or own cost line of the deployment (as `bcalc estimate` lists its lines)."),
    _f("deployment", "text", "The deployment: its product id or number (1, 2, ...); needed only when the item is in "
       "more than one deployment."),
    _f("amount", "number", "The amount excl. VAT; VAT follows the item's rate and the case's recoverable share.",
       maximum=MAX_AMOUNT, negative=True),
    _f("amount_incl", "number", "The amount incl. VAT, instead of amount.", maximum=MAX_AMOUNT, negative=True),
    _f("quantity", "number", "The quantity invoiced (units, unit-months, pieces), so the price can be derived and the "
       "variance split into volume and price.", maximum=MAX_COUNT * 1000, negative=True),
    _f("note", "text", "A note, such as the invoice number."),
))

ACTUALS_FUNDING = Section("actuals.funding", "actuals", "Funding received (`months[].funding.<line>`)", (
    _req("amount", "number", "The amount received in euros.", maximum=MAX_AMOUNT, negative=True),
    _f("quantity", "number", "What it was paid on: client-hours (hourly codes), client-days (VPT), 1 (a subsidy).",
       maximum=MAX_COUNT * 1000, negative=True),
))

ACTUALS_TIME = Section("actuals.time_freed", "actuals", "Time freed (`months[].time_freed`)", (
    _f("minutes_per_client_per_day", "number", "Minutes freed per client per day, as measured.", maximum=1440),
    _f("hours", "number", "Hours freed this month, all clients together.", maximum=MAX_HOURS),
), "Give one of the two. Either needs the month's clients, to weigh the months.")

SECTIONS: dict[str, Section] = {s.name: s for s in (
    CASE, CASE_INDEXATION, CASE_VAT, CASE_STAFF, CASE_STAFF_ROLE, CASE_FX, CASE_DEPLOYMENT, CASE_CONTRACT, CASE_ASSET,
    CASE_DEPLOYMENT_STAFF, CASE_DEPLOYMENT_STAFF_ROLE,
    CASE_FUNDING, CASE_SCHEME_RULES, CASE_BENEFIT, CASE_QUOTE, CASE_PRODUCT, CASE_ITEM, CASE_TIME,
    CASE_TIER, CASE_PACK, CASE_PHASE, CASE_CHOICE, CASE_ROUTE_PHASE, CASE_GATE, CASE_GATE_CRITERION,
    SUPPLIERS, SOURCE, PRODUCT, ITEM, TIER, PACK, TIME, PHASE, CHOICE,
    TARIFFS, FUNDING_CODE, TARIFFS_SCHEME, VAT, SCENARIO, SERIES, DISCOUNT, UNCERTAINTY, CATALOGUE_INDEX,
    PORTFOLIO, PORTFOLIO_VAT,
    ACTUALS, ACTUALS_MONTH, ACTUALS_INVOICE, ACTUALS_FUNDING, ACTUALS_TIME,
)}
ROOTS = {"case": CASE, "suppliers": SUPPLIERS, "tariffs": TARIFFS, "portfolio": PORTFOLIO, "actuals": ACTUALS}


def describe(file: str | None = None) -> list[dict]:
    """The declaration as plain data (lists, dicts, text, numbers): one dict per section, in order."""
    out = []
    for s in SECTIONS.values():
        if file is not None and s.file != file:
            continue
        fields = []
        for f in s.fields:
            d: dict = {"name": f.name, "kind": f.kind, "required": f.required, "nullable": f.nullable and not f.required,
                       "help": f.help}
            for key in ("default", "minimum", "maximum"):
                if getattr(f, key) is not None:
                    d[key] = getattr(f, key)
            for key in ("of", "keys", "missing", "also"):
                if getattr(f, key):
                    d[key] = getattr(f, key)
            if f.choices:
                d["choices"] = list(f.choices)
            if f.when:
                d["when"] = list(f.when)
            if f.negative:
                d["negative"] = True
            if f.per_phase:
                d["per_phase"] = True
            fields.append(d)
        out.append({"name": s.name, "file": s.file, "title": s.title, "help": s.help, "fields": fields})
    return out


# ---- the reference page ---------------------------------------------------------------------------

_KIND_TEXT = {
    "text": "text", "id": "id", "choice": "one of", "boolean": "true / false", "integer": "whole number",
    "number": "number", "percent": "percentage", "month": "YYYY-MM", "clients": "number or list per year",
    "ids": "list of ids", "phase_names": "phase name or list of names", "source_line": "source line",
    "rate": "rate", "section": "mapping", "list": "list", "map": "mapping", "party": "party, or mapping of party: share",
}


def _type(f: Field) -> str:
    if f.kind == "choice":
        return "one of " + ", ".join(f"`{c}`" for c in f.choices)
    if f.kind == "list":
        return f"list of {SECTIONS[f.of].title.split(' (')[0].lower()}"
    text = f"mapping of {f.keys}: {f.of}" if f.kind == "map" else _KIND_TEXT[f.kind]
    if f.also:
        text += f" or {SECTIONS[f.also].title.split(' (')[0].lower()}"
    if f.minimum is not None and f.maximum is not None:
        text += f", {f.minimum} to {f.maximum}"
    elif f.minimum is not None:
        text += f", at least {f.minimum}"
    elif f.maximum is not None:
        text += f", at most {f.maximum}"
    if f.negative and f.minimum is None:
        text += ", may be negative"
    if f.per_phase:
        text += "; or per phase"
    return text


def _needed(f: Field) -> str:
    if f.required and f.when:
        return "for " + " / ".join(f.when)
    if f.required:
        return "yes"
    if f.when:
        return "only " + " / ".join(f.when)
    return "no"


def case_file_markdown() -> str:
    """docs/case-file.md, written from the declaration."""
    lines = [
        "# The case file",
        "",
        "A case file describes one business case: when it starts, how long it runs, which products are",
        "deployed for how many clients, the staff whose time counts, the funding and the benefits.",
        "`bcalc init` writes a commented starter file; `bcalc estimate CASE` reads it.",
        "",
        "This page is written from the field declaration in `bcalc/fields.py` (`python -m bcalc.fields`);",
        "a test fails when the two differ. bcalc reports every problem in the file at once, as",
        "`FILE:LINE: field: message`, and exits with code 2.",
        "",
        "* Percentages are written `3%` or `0.03`; numbers with a decimal point (`62.40`), never a comma.",
        "* Unknown fields are errors, and so are duplicate keys.",
        "* Text may hold tabs and line breaks, but no other control characters (such as `\"\\x07\"`).",
        f"* Numbers have bounds far above any real figure (at most {MAX_COUNT} clients, {MAX_AMOUNT} euros for one",
        f"  price, {MAX_RATE} euros an hour); a number beyond its bound is refused as a typing mistake.",
        "* A required field left empty (`product:`) counts as missing. An optional field left empty is read",
        "  as not given, except where the table says \"not empty\".",
        "* Fields marked \"for hourly\" (or another kind) belong to funding lines or benefits of that kind only.",
        "",
    ]
    for s in SECTIONS.values():
        if s.file != "case":
            continue
        lines += [f"## {s.title}", ""]
        if s.help:
            lines += [s.help, ""]
        lines += ["| field | type | required | default | meaning |", "|---|---|---|---|---|"]
        for f in s.fields:
            default = "" if f.default is None else f"`{str(f.default).lower() if isinstance(f.default, bool) else f.default}`"
            help = f.help + ("" if f.nullable or f.required else " Not empty.")
            if f.kind == "section":
                help += f" See {SECTIONS[f.of].title}."
            lines.append(f"| `{f.name}` | {_type(f)} | {_needed(f)} | {default} | {help} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - writes the reference page
    import sys
    from pathlib import Path

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "case-file.md"
    target.write_text(case_file_markdown(), encoding="utf-8")
    print(f"wrote {target}")
