"""The business case as an Excel workbook whose figures are live formulas.

Inputs (clients per contract year, unit prices, VAT, indexation rates, hourly rates, funding
tariffs) stand on their own sheet; every calculated cell is a formula over them, following the
same arithmetic as the engine: per line and calendar year the exact sum is rounded half-up to
cents once (ROUND(...; 2)), VAT is computed from the rounded line, totals are sums of lines.
The structure (start month, horizon, which items exist) is fixed when the workbook is written;
change it by running `bcalc report` again.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName

from bcalc.core import vat
from bcalc.core.calendar import Month, horizon
from bcalc.core.engine import funding_stop
from bcalc.core.plan import phase_hours, term
from bcalc.core.selection import USAGE_BASES, active_time, effective_clients, minimum_years
from bcalc.core.indexation import effective_series
from bcalc.core.notices import Notices
from bcalc.models import Case, Deployment, Item, Product
from bcalc.messages import say

if TYPE_CHECKING:
    from bcalc.app import Report

EURO = '[$€-413] #,##0.00;[Red]-[$€-413] #,##0.00'
PCT = "0.00%"
RATE = "0.000%"
QTY = "#,##0.####"
FACTOR = "0.000000"
INPUT = PatternFill("solid", start_color="FFF4CC")
HEAD = PatternFill("solid", start_color="DDE7F0")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)

WORDS = {
    "nl": {
        "summary": "Samenvatting", "inputs": "Invoer", "calc": "Berekening", "funding": "Financiering",
        "sources": "Bronnen", "year": "Jaar", "one_off": "Eenmalig", "recurring": "Terugkerend",
        "training": "Training", "internal": "Interne uren", "vat": "Btw", "cost": "Kosten",
        "funding_col": "Financiering", "benefits": "Baten", "net": "Netto", "total": "Totaal",
        "cum_cost": "Cumulatieve kosten", "cum_funding": "Cumulatieve financiering",
        "inputs_title": "Invoer: wijzig de gele cellen; alle berekeningen volgen",
        "general": "Algemeen", "case": "Case", "organisation": "Organisatie", "start": "Startmaand",
        "years": "Looptijd (jaren)", "scenario": "Indexatiescenario", "prices_end": "Prijzen uit bereiken",
        "vat_standard": "Btw-tarief (standaard)", "vat_recoverable": "Terugvorderbare btw (deel)",
        "indexation": "Indexatie per kalenderjaar", "prices": "Prijzen", "wages": "Lonen",
        "tariffs": "Tarieven", "wage_factor": "Loonfactor", "tariff_factor": "Tarieffactor",
        "staff": "Personeel", "role": "Rol", "count": "Aantal", "rate": "Uurtarief (integraal)",
        "teams": "Aantal teams", "fx": "Wisselkoers (euro per dollar)",
        "deployment": "Inzet", "contract_year": "Contractjaar", "clients": "Cliënten in gebruik",
        "new_units": "Nieuwe eenheden", "min_clients": "Minimale afname (contract)",
        "billed_units": "Gefactureerde eenheden", "removed_units": "Opgehaalde eenheden", "cap": "Maximum prijsstijging per jaar",
        "price_factor": "Prijsfactor (indexatie)", "peak": "Hoogste aantal in gebruik",
        "item": "Post", "label": "Omschrijving", "price": "Prijs (zoals geoffreerd)", "quoted": "Btw in prijs",
        "vat_rate": "Btw-tarief", "fixed_qty": "Vast aantal", "source": "Bron", "note": "Toelichting",
        "time": "Tijdsinvestering", "hours_per_head": "Uren per persoon in", "heads": "Personen",
        "category": "Soort", "quantity": "Aantal", "quoted_amount": "Bedrag zoals geoffreerd",
        "excl": "Excl. btw", "code": "Code", "amount": "Bedrag", "hours_per_month": "Uren per cliënt per maand",
        "tariff": "Tarief", "day_rate": "Dagtarief", "share": "Deel voor technologie",
        "subsidy_amount": "Subsidiebedrag", "subsidy_year": "In contractjaar",
        "written": "Bedrag in de bron", "vat_written": "Btw volgens bron", "price_year": "Prijspeil",
        "figures": "Gebruikte catalogusbedragen", "warnings": "Aandachtspunten", "assumptions": "Aannames",
        "chart_cost": "Kosten per soort per jaar", "chart_cum": "Cumulatieve kosten en financiering",
        "incl": "incl.", "excl_word": "excl.", "case_price": "prijs uit de case",
        "deployment_col": "Inzet", "product": "Product", "included": "inclusief",
        "tier": "staffel", "packs_note": "goedkoopste verpakkingen voor het aantal uit de case",
        "range_note": "bereik in de bron", "usd": "bedrag in USD", "structure": (
            "Start, looptijd en de lijst van posten liggen vast in dit werkboek; wijzig die in de case en draai "
            "bcalc report opnieuw."),
        "convention": ("Rekenwijze: per maand over de looptijd, per kalenderjaar opgeteld en per regel eenmaal "
                       "half-naar-boven afgerond op centen; btw per regel over het afgeronde bedrag; totalen zijn "
                       "sommen van regels. Prijzen indexeren op elke verjaardag van de start (met het maximum per "
                       "inzet), lonen en tarieven op 1 januari."),
        "none": "geen", "hours": "uren",
        "benefits_sheet": "Baten", "price_factor_jan": "Prijsfactor (1 januari)", "discount_rate": "Discontovoet",
        "benefit": "Baat", "follows": "Volgt de cliënten van", "per_client_per": "Per cliënt per",
        "per_day": "dag", "per_week": "week", "per_month": "maand", "per_year": "jaar", "minutes": "minuten",
        "hours_word": "uren", "realisation": "Realisatie (deel)", "cashable_word": "Kasbaat", "yes": "ja",
        "no": "nee", "npv": "Netto contante waarde", "irr": "Interne rentevoet",
        "no_rate": "geen discontovoet in de case", "irr_not_meaningful": "niet zinvol (stromen wisselen niet precies "
        "één keer van teken)", "npv_convention": "Jaar 1 is het basisjaar: netto stroom jaar k / (1 + r)^(k - 1), "
        "dus stroom 1 + NPV(r; stromen 2..n).",
        "compare": "Vergelijking", "scenarios": "Scenario's",
        "values_note": "Waarden, geen formules: berekend door bcalc bij het schrijven van dit werkboek.",
        "alternative": "Alternatief", "cheapest": "Goedkoopst", "delta": "Verschil", "mostly": "Vooral",
        "then": "Daarna", "included_in": "Inclusief bij", "charged_by": "Apart bij", "over_horizon": "Over de looptijd",
        "choice": "Keuze", "option": "Optie", "active": "Huidig", "key": "Sleutel", "recoverable": "Btw terug",
        "mark": "Markering", "spent": "Uitgegeven", "owed": "Nog verschuldigd", "scenario_col": "Scenario",
        "prices_col": "Prijzen", "indexation_col": "Indexatie", "yes": "ja",
        "sensitivity": "Gevoeligheid", "simulation": "Simulatie", "input": "Invoer", "low": "Laag",
        "mode": "Modus", "high": "Hoog", "unit": "Eenheid", "origin": "Herkomst", "net_low": "Netto bij laag",
        "net_high": "Netto bij hoog", "change_low": "Verandering netto bij laag",
        "change_high": "Verandering netto bij hoog", "npv_low": "NCW bij laag", "npv_high": "NCW bij hoog",
        "swing": "Bereik (netto)", "chart_tornado": "Verandering van het netto resultaat (laag en hoog)",
        "prob_npv": "Kans dat de netto contante waarde ≥ 0 is",
        "prob_net": "Kans dat het netto resultaat ≥ 0 is (geen discontovoet in de case)",
        "max_deviation": "Grootste afwijking van de exacte rekenkern", "check_draws": "Gecontroleerde trekkingen",
        "draws": "Trekkingen", "seed": "Seed",
    },
    "en": {
        "summary": "Summary", "inputs": "Inputs", "calc": "Calculation", "funding": "Funding",
        "sources": "Sources", "year": "Year", "one_off": "One-off", "recurring": "Recurring",
        "training": "Training", "internal": "Internal hours", "vat": "VAT", "cost": "Cost",
        "funding_col": "Funding", "benefits": "Benefits", "net": "Net", "total": "Total",
        "cum_cost": "Cumulative cost", "cum_funding": "Cumulative funding",
        "inputs_title": "Inputs: change the yellow cells; every calculation follows",
        "general": "General", "case": "Case", "organisation": "Organisation", "start": "Start month",
        "years": "Horizon (years)", "scenario": "Indexation scenario", "prices_end": "Prices from ranges",
        "vat_standard": "VAT rate (standard)", "vat_recoverable": "Recoverable VAT (share)",
        "indexation": "Indexation per calendar year", "prices": "Prices", "wages": "Wages",
        "tariffs": "Tariffs", "wage_factor": "Wage factor", "tariff_factor": "Tariff factor",
        "staff": "Staff", "role": "Role", "count": "Count", "rate": "Hourly rate (loaded)",
        "teams": "Number of teams", "fx": "Exchange rate (euros per dollar)",
        "deployment": "Deployment", "contract_year": "Contract year", "clients": "Clients in use",
        "new_units": "New units", "min_clients": "Minimum volume (contract)",
        "billed_units": "Billed units", "removed_units": "Removed units", "cap": "Maximum price increase a year",
        "price_factor": "Price factor (indexation)", "peak": "Highest number in use",
        "item": "Item", "label": "Description", "price": "Price (as quoted)", "quoted": "VAT in price",
        "vat_rate": "VAT rate", "fixed_qty": "Fixed quantity", "source": "Source", "note": "Note",
        "time": "Time investment", "hours_per_head": "Hours per person in", "heads": "Persons",
        "category": "Category", "quantity": "Quantity", "quoted_amount": "Amount as quoted",
        "excl": "Excl. VAT", "code": "Code", "amount": "Amount", "hours_per_month": "Hours per client per month",
        "tariff": "Tariff", "day_rate": "Day rate", "share": "Share for technology",
        "subsidy_amount": "Subsidy amount", "subsidy_year": "In contract year",
        "written": "Amount in the source", "vat_written": "VAT per source", "price_year": "Price level",
        "figures": "Catalogue figures used", "warnings": "Points of attention", "assumptions": "Assumptions",
        "chart_cost": "Cost per category per year", "chart_cum": "Cumulative cost and funding",
        "incl": "incl.", "excl_word": "excl.", "case_price": "price from the case",
        "deployment_col": "Deployment", "product": "Product", "included": "included",
        "tier": "tier", "packs_note": "cheapest packs for the quantity in the case",
        "range_note": "range in the source", "usd": "amount in USD", "structure": (
            "Start, horizon and the list of items are fixed in this workbook; change them in the case and run "
            "bcalc report again."),
        "convention": ("Method: monthly over the horizon, summed per calendar year and rounded half-up to cents "
                       "once per line; VAT per line from the rounded amount; totals are sums of lines. Prices "
                       "index at each anniversary of the start (capped per deployment), wages and tariffs on "
                       "1 January."),
        "none": "none", "hours": "hours",
        "benefits_sheet": "Benefits", "price_factor_jan": "Price factor (1 January)", "discount_rate": "Discount rate",
        "benefit": "Benefit", "follows": "Follows the clients of", "per_client_per": "Per client per",
        "per_day": "day", "per_week": "week", "per_month": "month", "per_year": "year", "minutes": "minutes",
        "hours_word": "hours", "realisation": "Realisation (share)", "cashable_word": "Cashable", "yes": "yes",
        "no": "no", "npv": "Net present value", "irr": "Internal rate of return",
        "no_rate": "no discount rate in the case", "irr_not_meaningful": "not meaningful (the flows do not change "
        "sign exactly once)", "npv_convention": "Year 1 is the base year: net flow of year k / (1 + r)^(k - 1), "
        "i.e. flow 1 + NPV(r; flows 2..n).",
        "compare": "Comparison", "scenarios": "Scenarios",
        "values_note": "Values, not formulas: computed by bcalc when this workbook was written.",
        "alternative": "Alternative", "cheapest": "Cheapest", "delta": "Difference", "mostly": "Mostly",
        "then": "Then", "included_in": "Included by", "charged_by": "Charged by", "over_horizon": "Over the horizon",
        "choice": "Choice", "option": "Option", "active": "Current", "key": "Key", "recoverable": "VAT recovered",
        "mark": "Mark", "spent": "Spent", "owed": "Still owed", "scenario_col": "Scenario",
        "prices_col": "Prices", "indexation_col": "Indexation", "yes": "yes",
        "sensitivity": "Sensitivity", "simulation": "Simulation", "input": "Input", "low": "Low",
        "mode": "Mode", "high": "High", "unit": "Unit", "origin": "Origin", "net_low": "Net at low",
        "net_high": "Net at high", "change_low": "Change of net at low", "change_high": "Change of net at high",
        "npv_low": "NPV at low", "npv_high": "NPV at high", "swing": "Swing (net)",
        "chart_tornado": "Change of the net result (low and high)",
        "prob_npv": "Probability that the net present value is ≥ 0",
        "prob_net": "Probability that the net result is ≥ 0 (no discount rate in the case)",
        "max_deviation": "Max deviation from the exact engine", "check_draws": "Draws checked",
        "draws": "Draws", "seed": "Seed",
    },
}
CATEGORIES = ("one_off", "recurring", "training", "internal")
# number formats of an uncertain input's value by its unit (sensitivity and simulation sheets)
_UNIT_FORMATS = {"EUR": EURO, "EUR/h": EURO, "EUR/day": EURO, "USD": '"$" #,##0.00', "share": PCT, "rate": PCT,
                 "clients": "0"}


def _addr(sheet: str, row: int, col: int) -> str:
    return f"'{sheet}'!${get_column_letter(col)}${row}"


def _frac(value: Fraction | Decimal) -> str:
    """An exact number as a formula term: 208/3 rather than 69.333..."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    return f"({value.numerator}/{value.denominator})"


@dataclass
class _Seg:
    k: int            # contract year, 0-based
    months: int
    days: int
    anniv: bool       # the first month of contract year k falls in this calendar year


def _segments(months: tuple[Month, ...]) -> dict[int, list[_Seg]]:
    out: dict[int, dict[int, _Seg]] = {}
    for m in months:
        seg = out.setdefault(m.year, {}).setdefault(m.contract_year, _Seg(m.contract_year, 0, 0, False))
        seg.months += 1
        seg.days += m.days
        if m.index % 12 == 0:
            seg.anniv = True
    return {y: list(s.values()) for y, s in out.items()}


class _Sheet:
    """A worksheet with a little help: text stays text, numbers and formulas get formats."""

    def __init__(self, ws):
        self.ws = ws

    def text(self, row: int, col: int, value: object, bold: bool = False, fill=None):
        cell = self.ws.cell(row=row, column=col)
        cell.value = "" if value is None else str(value)
        cell.data_type = "s"  # a name starting with "=" must never become a formula
        if bold:
            cell.font = BOLD
        if fill is not None:
            cell.fill = fill
        if fill is HEAD:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return cell

    def num(self, row: int, col: int, value, fmt: str | None = None, fill=None):
        cell = self.ws.cell(row=row, column=col)
        if isinstance(value, Fraction):
            value = Decimal(value.numerator) / Decimal(value.denominator)
        cell.value = value
        if fmt:
            cell.number_format = fmt
        if fill is not None:
            cell.fill = fill
        return cell

    def formula(self, row: int, col: int, expr: str, fmt: str | None = None, bold: bool = False):
        cell = self.ws.cell(row=row, column=col)
        cell.value = expr if expr.startswith("=") else "=" + expr
        if fmt:
            cell.number_format = fmt
        if bold:
            cell.font = BOLD
        return cell

    def widths(self, widths: dict[int, float]) -> None:
        for col, width in widths.items():
            self.ws.column_dimensions[get_column_letter(col)].width = width

    def printable(self) -> None:
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True


class _Workbook:
    def __init__(self, bundle: Report, lang: str):
        result, catalogue, tariffs = bundle.result, bundle.catalogue, bundle.tariffs
        self.bundle = bundle
        self.r = result
        self.case: Case = result.case
        self.cat = catalogue
        self.tariffs = tariffs
        self.w = WORDS[lang]
        self.lang = lang
        self.months = horizon(self.case.start_year, self.case.start_month, self.case.years)
        self.segs = _segments(self.months)
        self.years = sorted(self.segs)
        self.wb = Workbook()
        first = self.wb.active
        first.title = self.w["summary"]
        self.summary = _Sheet(first)
        self.inputs = _Sheet(self.wb.create_sheet(self.w["inputs"]))
        self.calc = _Sheet(self.wb.create_sheet(self.w["calc"]))
        self.fund = _Sheet(self.wb.create_sheet(self.w["funding"]))
        self.ben = _Sheet(self.wb.create_sheet(self.w["benefits_sheet"]))
        self.cmp = _Sheet(self.wb.create_sheet(self.w["compare"]))
        self.scn = _Sheet(self.wb.create_sheet(self.w["scenarios"]))
        self.sens = _Sheet(self.wb.create_sheet(self.w["sensitivity"]))
        self.sim = _Sheet(self.wb.create_sheet(self.w["simulation"]))
        self.src = _Sheet(self.wb.create_sheet(self.w["sources"]))
        self.names: dict[str, str] = {}

    # -- names ---------------------------------------------------------------------------
    def name(self, name: str, sheet: str, row: int, col: int, row2: int | None = None, col2: int | None = None):
        ref = _addr(sheet, row, col)
        if row2 is not None:
            ref += ":" + _addr(sheet, row2, col2)[len(f"'{sheet}'!"):]
        safe = "".join(ch if ch.isalnum() else "_" for ch in name)
        self.names[safe] = ref
        self.wb.defined_names[safe] = DefinedName(safe, attr_text=ref)

    # -- inputs --------------------------------------------------------------------------
    def write_inputs(self) -> None:
        s, w, case = self.inputs, self.w, self.case
        sheet = s.ws.title
        s.ws.cell(row=1, column=1).font = TITLE
        s.text(1, 1, w["inputs_title"])
        s.text(2, 1, w["structure"])
        row = 4
        s.text(row, 1, w["general"], bold=True)
        facts = [("case", case.title), ("organisation", case.organisation or ""), ("start", case.start),
                 ("scenario", self.r.scenario), ("prices_end", self.r.prices_end)]
        for key, value in facts:
            row += 1
            s.text(row, 1, w[key])
            s.text(row, 2, value)
        row += 1
        s.text(row, 1, w["years"])
        s.num(row, 2, case.years)
        self.years_cell = _addr(sheet, row, 2)
        row += 1
        s.text(row, 1, w["vat_standard"])
        s.num(row, 2, self.tariffs.vat_standard, PCT, INPUT)
        self.vat_standard = _addr(sheet, row, 2)
        self.name("vat_standard", sheet, row, 2)
        row += 1
        s.text(row, 1, w["vat_recoverable"])
        s.num(row, 2, case.vat_recoverable, PCT, INPUT)
        self.vat_recoverable = _addr(sheet, row, 2)
        self.name("vat_recoverable", sheet, row, 2)
        row += 1
        s.text(row, 1, w["discount_rate"])
        s.num(row, 2, case.discount_rate, PCT, INPUT)
        self.discount_rate = _addr(sheet, row, 2)
        self.name("discount_rate", sheet, row, 2)

        # indexation per calendar year
        row += 2
        s.text(row, 1, w["indexation"], bold=True)
        row += 1
        for col, key in enumerate(("year", "prices", "wages", "tariffs", "wage_factor", "tariff_factor",
                                   "price_factor_jan"), start=1):
            s.text(row, col, w[key], bold=True, fill=HEAD)
        series = effective_series(case, self.tariffs.scenarios[self.r.scenario])
        self.price_rate: dict[int, str] = {}
        self.wage_factor: dict[int, str] = {}
        self.tariff_factor: dict[int, str] = {}
        self.price_factor_jan: dict[int, str] = {}
        for i, year in enumerate(self.years):
            row += 1
            s.num(row, 1, year)
            for col, kind in ((2, "prices"), (3, "wages"), (4, "tariffs")):
                s.num(row, col, series[kind].rate(year), RATE, INPUT)
            self.price_rate[year] = _addr(sheet, row, 2)
            if i == 0:
                s.num(row, 5, 1, FACTOR)
                s.num(row, 6, 1, FACTOR)
                s.num(row, 7, 1, FACTOR)
            else:
                s.formula(row, 5, f"=E{row - 1}*(1+C{row})", FACTOR)
                s.formula(row, 6, f"=F{row - 1}*(1+D{row})", FACTOR)
                s.formula(row, 7, f"=G{row - 1}*(1+B{row})", FACTOR)
            self.wage_factor[year] = _addr(sheet, row, 5)
            self.tariff_factor[year] = _addr(sheet, row, 6)
            self.price_factor_jan[year] = _addr(sheet, row, 7)
            self.name(f"index_{year}", sheet, row, 2, row, 4)

        # staff
        row += 2
        s.text(row, 1, w["staff"], bold=True)
        row += 1
        for col, key in enumerate(("role", "count", "rate"), start=1):
            s.text(row, col, w[key], bold=True, fill=HEAD)
        self.staff_count: dict[str, str] = {}
        self.staff_rate: dict[str, str] = {}
        from bcalc.models import ROLES

        for role in ROLES:
            row += 1
            s.text(row, 1, role)
            staff = case.staff.get(role)
            s.num(row, 2, staff.count if staff else 0, "0", INPUT)
            cell = s.num(row, 3, staff.rate if staff and staff.rate is not None else None, EURO, INPUT)
            cell.number_format = EURO
            self.staff_count[role] = _addr(sheet, row, 2)
            self.staff_rate[role] = _addr(sheet, row, 3)
            self.name(f"rate_{role}", sheet, row, 3)
            self.name(f"count_{role}", sheet, row, 2)
        row += 1
        s.text(row, 1, w["teams"])
        s.num(row, 2, case.teams if case.teams is not None else 0, "0", INPUT)
        self.teams = _addr(sheet, row, 2)
        self.name("teams", sheet, row, 2)
        self.fx = None
        if case.fx:
            row += 1
            s.text(row, 1, w["fx"])
            s.num(row, 2, case.fx.get("USD"), "0.0000", INPUT)
            self.fx = _addr(sheet, row, 2)
            self.name("fx_usd", sheet, row, 2)

        # deployments
        self.dep_refs: list[dict] = []
        for d_index, dep in enumerate(case.deployments):
            row = self._deployment_inputs(row + 2, d_index, dep)
        # funding
        self.fund_refs: list[dict] = []
        for f_index, line in enumerate(case.funding):
            row = self._funding_inputs(row + 2, f_index, line)
        self.ben_refs: list[dict] = []
        for b_index, benefit in enumerate(case.benefits):
            row = self._benefit_inputs(row + 2, b_index, benefit)
        s.widths({1: 38, 2: 30, 3: 16, 4: 12, 5: 12, 6: 12, 7: 14, 8: 60})
        for col in range(9, 9 + len(self.years) + 2):
            s.ws.column_dimensions[get_column_letter(col)].width = 14
        s.printable()

    def _deployment_inputs(self, row: int, d_index: int, dep: Deployment) -> int:
        s, w, case = self.inputs, self.w, self.case
        sheet = s.ws.title
        product = self.cat.products[dep.product]
        n = case.years
        refs: dict = {"product": product, "dep": dep, "items": [], "time": []}
        title = f"{w['deployment']} {d_index + 1}: {product.name} ({product.supplier})"
        if dep.label:
            title += f" · {dep.label}"
        s.text(row, 1, title, bold=True)
        row += 1
        s.text(row, 1, w["contract_year"], bold=True, fill=HEAD)
        for k in range(n):
            s.num(row, 2 + k, k + 1).font = BOLD
        row += 1
        s.text(row, 1, w["clients"])
        clients = effective_clients(dep)
        for k in range(n):
            s.num(row, 2 + k, clients[k], "0", INPUT)
        clients_row = row
        refs["clients"] = [_addr(sheet, row, 2 + k) for k in range(n)]
        self.name(f"clients_{d_index + 1}", sheet, row, 2, row, 1 + n)
        row += 1
        s.text(row, 1, w["new_units"])
        for k in range(n):
            col = get_column_letter(2 + k)
            if k == 0:
                s.formula(row, 2, f"={col}{clients_row}", "0")
            else:
                prev = get_column_letter(1 + k)
                s.formula(row, 2 + k, f"=MAX(0,{col}{clients_row}-{prev}{clients_row})", "0")
        refs["new"] = [_addr(sheet, row, 2 + k) for k in range(n)]
        row += 1
        s.text(row, 1, w["removed_units"])
        for k in range(n):
            col = get_column_letter(2 + k)
            if k == 0:
                s.num(row, 2, 0, "0")
            else:
                prev = get_column_letter(1 + k)
                s.formula(row, 2 + k, f"=MAX(0,{prev}{clients_row}-{col}{clients_row})", "0")
        refs["removed"] = [_addr(sheet, row, 2 + k) for k in range(n)]
        refs["billed"] = refs["clients"]
        if dep.contract.min_clients is not None:
            row += 1
            s.text(row, 1, w["min_clients"])
            s.num(row, 2, dep.contract.min_clients, "0", INPUT)
            minimum = f"$B${row}"
            row += 1
            s.text(row, 1, w["billed_units"])
            until = minimum_years(dep, n)
            for k in range(n):
                col = get_column_letter(2 + k)
                if k < until:
                    s.formula(row, 2 + k, f"=MAX({col}{clients_row},{minimum})", "0")
                else:
                    s.formula(row, 2 + k, f"={col}{clients_row}", "0")
            refs["billed"] = [_addr(sheet, row, 2 + k) for k in range(n)]
        row += 1
        s.text(row, 1, w["peak"])
        s.formula(row, 2, f"=MAX(B{clients_row}:{get_column_letter(1 + n)}{clients_row})", "0")
        refs["peak"] = _addr(sheet, row, 2)
        row += 1
        s.text(row, 1, w["cap"])
        s.num(row, 2, dep.index_cap, PCT, INPUT)
        cap = f"$B${row}"
        row += 1
        s.text(row, 1, w["price_factor"])
        for k in range(n):
            if k == 0:
                s.num(row, 2, 1, FACTOR)
                continue
            year = self.months[k * 12].year
            rate = self.price_rate[year]
            prev = get_column_letter(1 + k)
            s.formula(row, 2 + k, f"={prev}{row}*(1+IF({cap}=\"\",{rate},MIN({rate},{cap})))", FACTOR)
        refs["factor"] = [_addr(sheet, row, 2 + k) for k in range(n)]

        # items
        row += 2
        heads = ("item", "label", "price", "quoted", "vat_rate", "fixed_qty", "source", "note")
        for col, key in enumerate(heads, start=1):
            s.text(row, col, w[key], bold=True, fill=HEAD)
        plan = self.r.plans[d_index]
        first = plan.first
        for charge in plan.charges:  # what the engine charges, as the engine planned it
            row += 1
            refs["items"].append(self._item_row(row, d_index, charge.item, self._entry(charge, dep), refs))
        # time
        counted = active_time(product, dep) if first else []
        if counted:
            row += 2
            s.text(row, 1, w["time"], bold=True, fill=HEAD)
            s.text(row, 2, w["label"], bold=True, fill=HEAD)
            s.text(row, 3, w["role"], bold=True, fill=HEAD)
            s.text(row, 4, w["heads"], bold=True, fill=HEAD)
            for i, year in enumerate(self.years):
                s.text(row, 5 + i, f"{w['hours_per_head']} {year}", bold=True, fill=HEAD)
            s.text(row, 5 + len(self.years), w["source"], bold=True, fill=HEAD)
            for t in counted:
                per_month = phase_hours(t, self.r.prices_end, Notices(), product, len(self.months))
                per_year = {y: sum((per_month[m.index] for m in self.months if m.year == y), Fraction(0))
                            for y in self.years}
                row += 1
                s.text(row, 1, t.id)
                s.text(row, 2, t.label)
                s.text(row, 3, t.role or "")
                if t.id in dep.quantities:
                    s.num(row, 4, dep.quantities[t.id], QTY, INPUT)
                elif t.per == "head":
                    s.formula(row, 4, f"={self.staff_count[t.role]}", QTY)
                elif t.per == "team":
                    s.formula(row, 4, f"={self.teams}", QTY)
                else:
                    s.num(row, 4, 1, QTY)
                hours = {}
                for i, year in enumerate(self.years):
                    if per_year[year]:
                        s.formula(row, 5 + i, f"={_frac(per_year[year])}", QTY)
                    else:
                        s.num(row, 5 + i, 0, QTY)
                    hours[year] = _addr(sheet, row, 5 + i)
                s.text(row, 5 + len(self.years), t.source)
                refs["time"].append({"line": t, "heads": _addr(sheet, row, 4), "hours": hours,
                                     "nonzero": {y for y in self.years if per_year[y]}})
        self.dep_refs.append(refs)
        return row

    def _entry(self, charge, dep: Deployment) -> dict:
        """The workbook's row for one charge of the plan (a pack size gets its own price row)."""
        item = charge.item
        entry = {"id": charge.line_id, "label": charge.label, "fixed": charge.quantity, "unit_based": charge.unit_based,
                 "fixed_input": item.id in dep.quantities or item.basis in USAGE_BASES, "charge": charge}
        if charge.pack is not None:
            entry.update(price=charge.price, written=charge.written, fixed_input=True, note=self.w["packs_note"])
        return entry

    def _item_row(self, row: int, d_index: int, item: Item, entry: dict, refs: dict) -> dict:
        s, w, dep = self.inputs, self.w, refs["dep"]
        sheet = s.ws.title
        s.text(row, 1, entry["id"])
        s.text(row, 2, entry["label"])
        note = ""
        source = item.source
        if "price" in entry:  # a pack
            s.num(row, 3, entry["price"], EURO, INPUT)
            note = f"{entry['written']} · {entry['note']}"
        elif item.id in dep.prices:
            s.num(row, 3, dep.prices[item.id], EURO, INPUT)
            source = "case"
            note = w["case_price"]
        elif item.included:
            s.num(row, 3, 0, EURO, INPUT)
            note = w["included"]
        elif item.tiers:
            count = refs["peak"]
            if item.tier_on == "quantity":
                count = None  # set after the quantity cell exists
            branches = []
            for i, tier in enumerate(item.tiers):
                col = 9 + i
                s.num(row, col, tier.price.pick(self.r.prices_end), EURO, INPUT)
                conds = []
                if tier.min_units is not None:
                    conds.append(f"{{count}}>={tier.min_units}")
                if tier.min_years is not None:
                    conds.append(f"{self.years_cell}>={tier.min_years}")
                branches.append((conds, f"{get_column_letter(col)}{row}"))
            expr = "0"
            for conds, value in reversed(branches):
                expr = value if not conds else f"IF(AND({','.join(conds)}),{value},{expr})"
            refs.setdefault("_tier_rows", []).append((row, expr, count))
            note = " / ".join(f"{w['tier']} {t.price.written}" + (f" ≥{t.min_units}" if t.min_units else "")
                              + (f" ≥{t.min_years}j" if t.min_years else "") for t in item.tiers)
        else:
            value = item.price.pick(self.r.prices_end)
            if item.currency != "EUR":
                s.num(row, 9, value, "#,##0.00", INPUT)
                s.formula(row, 3, f"=I{row}*{self.fx}", EURO)
                note = f"{w['usd']} {item.price.written}"
            else:
                s.num(row, 3, value, EURO, INPUT)
                if item.price.is_range:
                    note = f"{w['range_note']} {item.price.written}"
        s.text(row, 4, w["incl"] if item.vat == "incl" else w["excl_word"])
        if vat.rate_is_own(item, dep):
            s.num(row, 5, vat.item_rate(item, dep, self.tariffs), PCT, INPUT)
        else:
            s.formula(row, 5, f"={self.vat_standard}", PCT)
        fixed_ref = None
        if not entry["unit_based"]:
            if entry.get("fixed_input"):
                s.num(row, 6, entry["fixed"], QTY, INPUT)
            elif item.basis == "team":
                s.formula(row, 6, f"={self.teams}", QTY)
            elif item.basis == "role":
                s.formula(row, 6, f"={self.staff_count[item.role]}", QTY)
            else:
                s.num(row, 6, entry["fixed"], QTY)
            fixed_ref = _addr(sheet, row, 6)
        for tier_row, expr, count in refs.pop("_tier_rows", []):
            s.formula(tier_row, 3, "=" + expr.replace("{count}", count or fixed_ref or refs["peak"]), EURO)
        s.text(row, 7, source)
        s.text(row, 8, note + (f" · {item.note}" if item.note and item.ambiguous else "")).alignment = \
            Alignment(wrap_text=True, vertical="top")
        safe = entry["id"].replace("-", "_")
        self.name(f"price_{d_index + 1}_{safe}", sheet, row, 3)
        return {"item": item, "id": entry["id"], "label": entry["label"], "price": _addr(sheet, row, 3),
                "vat_rate": _addr(sheet, row, 5), "fixed": fixed_ref, "unit_based": entry["unit_based"],
                "charge": entry["charge"],
                "source": source}

    def _funding_inputs(self, row: int, f_index: int, line) -> int:
        s, w = self.inputs, self.w
        sheet = s.ws.title
        code = self.tariffs.funding[line.code]
        s.text(row, 1, f"{w['funding']} {f_index + 1}: {line.label or code.name} ({code.code})", bold=True)
        refs = {"line": line, "code": code}
        if code.kind in ("hourly", "vpt"):
            row += 1
            s.text(row, 1, w["contract_year"], bold=True, fill=HEAD)
            for k in range(self.case.years):
                s.num(row, 2 + k, k + 1).font = BOLD
            row += 1
            s.text(row, 1, w["clients"])
            for k in range(self.case.years):
                s.num(row, 2 + k, line.clients[k], "0", INPUT)
            refs["clients"] = [_addr(sheet, row, 2 + k) for k in range(self.case.years)]
        if code.kind == "hourly":
            row += 1
            s.text(row, 1, w["hours_per_month"])
            s.num(row, 2, line.hours_per_month, "0.00", INPUT)
            refs["hpm"] = _addr(sheet, row, 2)
            row += 1
            s.text(row, 1, w["tariff"])
            s.num(row, 2, line.tariff, EURO, INPUT)
            refs["tariff"] = _addr(sheet, row, 2)
            self.name(f"tariff_{f_index + 1}", sheet, row, 2)
        elif code.kind == "vpt":
            row += 1
            s.text(row, 1, w["day_rate"])
            s.num(row, 2, line.day_rate, EURO, INPUT)
            refs["day_rate"] = _addr(sheet, row, 2)
            self.name(f"day_rate_{f_index + 1}", sheet, row, 2)
            row += 1
            s.text(row, 1, w["share"])
            s.num(row, 2, line.technology_share, PCT, INPUT)
            refs["share"] = _addr(sheet, row, 2)
        else:
            row += 1
            s.text(row, 1, w["subsidy_amount"])
            s.num(row, 2, line.amount, EURO, INPUT)
            refs["amount"] = _addr(sheet, row, 2)
            row += 1
            s.text(row, 1, w["subsidy_year"])
            s.num(row, 2, line.year)
        self.fund_refs.append(refs)
        return row

    def _benefit_inputs(self, row: int, b_index: int, b) -> int:
        s, w = self.inputs, self.w
        sheet = s.ws.title
        s.text(row, 1, f"{w['benefit']} {b_index + 1}: {b.label}", bold=True)
        refs: dict = {"benefit": b}
        if b.clients is not None:
            row += 1
            s.text(row, 1, w["clients"])
            for k in range(self.case.years):
                s.num(row, 2 + k, b.clients[k], "0", INPUT)
            refs["clients"] = [_addr(sheet, row, 2 + k) for k in range(self.case.years)]
        else:
            refs["clients"] = self.dep_refs[b.deployment]["clients"]
            row += 1
            s.text(row, 1, w["follows"])
            s.text(row, 2, f"{w['deployment']} {b.deployment + 1}")
        row += 1
        s.text(row, 1, w["per_client_per"] + " " + w[f"per_{b.per}"])
        if b.kind == "time":
            minutes = b.minutes is not None
            s.num(row, 2, b.minutes if minutes else b.hours, "0.00", INPUT)
            s.text(row, 3, w["minutes"] if minutes else w["hours_word"])
            refs["hours"] = f"{_addr(sheet, row, 2)}/60" if minutes else _addr(sheet, row, 2)
            s.text(row, 4, b.role or "")
        else:
            s.num(row, 2, b.amount, EURO, INPUT)
            refs["amount"] = _addr(sheet, row, 2)
        row += 1
        s.text(row, 1, w["realisation"])
        s.num(row, 2, b.realisation, PCT, INPUT)
        refs["share"] = _addr(sheet, row, 2)
        self.name(f"benefit_{b_index + 1}_share", sheet, row, 2)
        row += 1
        s.text(row, 1, w["cashable_word"])
        s.text(row, 2, w["yes"] if b.cashable else w["no"])
        if b.source:
            row += 1
            s.text(row, 1, w["source"])
            s.text(row, 2, b.source)
        self.ben_refs.append(refs)
        return row

    def write_benefits(self) -> None:
        s, w = self.ben, self.w
        heads = ("year", "label", "hours", "amount", "cashable_word", "source")
        for col, key in enumerate(heads, start=1):
            s.text(1, col, w[key], bold=True, fill=HEAD)
        row = 1
        periods = {"day": lambda seg: str(seg.days), "week": lambda seg: f"{seg.months}*52/12",
                   "month": lambda seg: str(seg.months), "year": lambda seg: f"{seg.months}/12"}
        for year in self.years:
            for refs in self.ben_refs:
                b = refs["benefit"]
                count = "+".join(f"{periods[b.per](seg)}*{refs['clients'][seg.k]}" for seg in self.segs[year])
                row += 1
                s.num(row, 1, year)
                s.text(row, 2, b.label)
                if b.kind == "time":
                    s.formula(row, 3, f"=({count})*{refs['hours']}*{refs['share']}", QTY)
                    rate = self.staff_rate[b.role]
                    s.formula(row, 4, f"=ROUND(C{row}*{rate}*{self.wage_factor[year]},2)", EURO)
                else:
                    s.num(row, 3, 0, QTY)
                    s.formula(row, 4, f"=ROUND(({count})*{refs['amount']}*{refs['share']}*"
                                      f"{self.price_factor_jan[year]},2)", EURO)
                s.text(row, 5, w["yes"] if b.cashable else w["no"])
                s.text(row, 6, b.source)
        self.ben_last = max(row, 2)
        s.ws.freeze_panes = "A2"
        s.widths({1: 7, 2: 40, 3: 12, 4: 16, 5: 8, 6: 60})
        s.printable()

    # -- calculation -----------------------------------------------------------------------
    def write_calc(self) -> None:
        s, w = self.calc, self.w
        heads = ("year", "deployment_col", "product", "item", "label", "category", "quantity", "quoted_amount",
                 "excl", "vat", "cost", "source")
        for col, key in enumerate(heads, start=1):
            s.text(1, col, w[key], bold=True, fill=HEAD)
        row = 1
        for year in self.years:
            for d_index, refs in enumerate(self.dep_refs):
                for it in refs["items"]:
                    terms = self._item_terms(it, refs, year)
                    if terms is None:
                        continue
                    row += 1
                    self._calc_row(row, year, d_index, refs, it, terms)
                for t in refs["time"]:
                    if year not in t["nonzero"]:
                        continue
                    row += 1
                    self._time_row(row, year, d_index, refs, t)
        self.calc_last = max(row, 2)
        s.ws.freeze_panes = "A2"
        s.ws.auto_filter.ref = f"A1:L{self.calc_last}"
        s.widths({1: 7, 2: 7, 3: 20, 4: 24, 5: 40, 6: 14, 7: 12, 8: 16, 9: 16, 10: 14, 11: 16, 12: 14})
        s.printable()

    def _item_terms(self, it: dict, refs: dict, year: int) -> list[tuple[str, int]] | None:
        """(quantity expression, contract year) per segment of this calendar year, by the engine's rule
        (``bcalc.core.plan.term``) written with cell references; None if never charged."""
        terms = []
        for seg in self.segs[year]:
            k = seg.k
            rule = term(it["charge"], k, seg.anniv)
            if rule is None:
                continue
            count, per = rule
            f = it["fixed"]
            q = {"billed": refs["billed"][k], "new": refs["new"][k], "removed": refs["removed"][k], "fixed": f,
                 "fixed_if_removed": f"{f}*({refs['removed'][k]}>0)"}[count]
            if per == "month":
                q = f"{seg.months}*{q}"
            elif per == "day":
                q = f"{seg.days}*{q}"
            terms.append((q, k))
        return terms or None

    def _calc_row(self, row: int, year: int, d_index: int, refs: dict, it: dict, terms) -> None:
        s, w = self.calc, self.w
        item: Item = it["item"]
        product: Product = refs["product"]
        s.num(row, 1, year)
        s.num(row, 2, d_index + 1)
        s.text(row, 3, product.name)
        s.text(row, 4, it["id"])
        s.text(row, 5, it["label"])
        s.text(row, 6, w[item.category])
        s.formula(row, 7, "=" + "+".join(f"({q})" for q, _ in terms), QTY)
        amount = "+".join(f"({q})*{it['price']}*{refs['factor'][k]}" for q, k in terms)
        s.formula(row, 8, f"=ROUND({amount},2)", EURO)
        excl, vat_due = vat.formulas(f"H{row}", f"I{row}", it["vat_rate"], self.vat_recoverable, vat.quoted(item))
        s.formula(row, 9, excl, EURO)
        s.formula(row, 10, vat_due, EURO)
        s.formula(row, 11, f"=I{row}+J{row}", EURO)
        s.text(row, 12, it["source"])

    def _time_row(self, row: int, year: int, d_index: int, refs: dict, t: dict) -> None:
        s, w = self.calc, self.w
        line = t["line"]
        s.num(row, 1, year)
        s.num(row, 2, d_index + 1)
        s.text(row, 3, refs["product"].name)
        s.text(row, 4, line.id)
        s.text(row, 5, f"{line.label} ({line.role})")
        s.text(row, 6, w["training"] if line.category == "training" else w["internal"])
        hours = t["hours"][year]
        s.formula(row, 7, f"={hours}*{t['heads']}", QTY)
        rate = self.staff_rate[line.role]
        s.formula(row, 8, f"=ROUND({hours}*{t['heads']}*{rate}*{self.wage_factor[year]},2)", EURO)
        s.formula(row, 9, f"=H{row}", EURO)
        s.num(row, 10, 0, EURO)
        s.formula(row, 11, f"=I{row}+J{row}", EURO)
        s.text(row, 12, line.source)

    # -- funding ---------------------------------------------------------------------------
    def write_funding(self) -> None:
        s, w = self.fund, self.w
        heads = ("year", "code", "label", "quantity", "amount", "source")
        for col, key in enumerate(heads, start=1):
            s.text(1, col, w[key], bold=True, fill=HEAD)
        row = 1
        stop = funding_stop(self.case)
        for year in self.years:
            for refs in self.fund_refs:
                line, code = refs["line"], refs["code"]
                if code.kind == "subsidy":
                    if self.months[(line.year - 1) * 12].year != year or (stop is not None and line.year > stop):
                        continue
                    qty, amount = "1", f"ROUND({refs['amount']},2)"
                else:
                    segs = [seg for seg in self.segs[year] if stop is None or seg.k < stop]
                    if not segs:
                        continue
                    per = "months" if code.kind == "hourly" else "days"
                    qty = "+".join(f"{getattr(seg, per)}*{refs['clients'][seg.k]}" for seg in segs)
                    if code.kind == "hourly":
                        qty = f"({qty})*{refs['hpm']}"
                        amount = f"ROUND({qty}*{refs['tariff']}*{self.tariff_factor[year]},2)"
                    else:
                        amount = (f"ROUND(({qty})*{refs['day_rate']}*{self.tariff_factor[year]}*{refs['share']},2)")
                row += 1
                s.num(row, 1, year)
                s.text(row, 2, code.code)
                s.text(row, 3, line.label or f"{code.code} {code.name}")
                s.formula(row, 4, "=" + qty, QTY)
                s.formula(row, 5, "=" + amount, EURO)
                s.text(row, 6, code.source if line.tariff is None and code.kind == "hourly" else "case")
        self.fund_last = max(row, 2)
        s.ws.freeze_panes = "A2"
        s.widths({1: 7, 2: 10, 3: 40, 4: 14, 5: 16, 6: 30})
        s.printable()

    # -- summary ---------------------------------------------------------------------------
    def write_summary(self) -> None:
        s, w, case = self.summary, self.w, self.case
        calc = self.calc.ws.title
        fund = self.fund.ws.title
        s.ws.cell(row=1, column=1).font = TITLE
        s.text(1, 1, case.title)
        s.text(2, 1, f"{w['organisation']}: {case.organisation or '-'} · {w['start']}: {case.start} · "
                     f"{w['years']}: {case.years} · {w['scenario']}: {self.r.scenario} · "
                     f"{w['prices_end']}: {self.r.prices_end}")
        head_row = 4
        cols = ("year", "one_off", "recurring", "training", "internal", "vat", "cost", "funding_col", "benefits",
                "net", "cum_cost", "cum_funding")
        for col, key in enumerate(cols, start=1):
            s.text(head_row, col, w[key], bold=True, fill=HEAD)
        last_calc, last_fund = self.calc_last, self.fund_last

        def calc_range(col: str) -> str:
            return f"'{calc}'!${col}$2:${col}${last_calc}"

        row = head_row
        for year in self.years:
            row += 1
            s.num(row, 1, year)
            for col, cat in zip(range(2, 6), CATEGORIES):
                s.formula(row, col, f"=SUMIFS({calc_range('I')},{calc_range('A')},$A{row},{calc_range('F')},"
                                    f"\"{w[cat]}\")", EURO)
            s.formula(row, 6, f"=SUMIFS({calc_range('J')},{calc_range('A')},$A{row})", EURO)
            s.formula(row, 7, f"=SUM(B{row}:F{row})", EURO, bold=True)
            s.formula(row, 8, f"=SUMIFS('{fund}'!$E$2:$E${last_fund},'{fund}'!$A$2:$A${last_fund},$A{row})", EURO)
            ben = self.ben.ws.title
            s.formula(row, 9, f"=SUMIFS('{ben}'!$D$2:$D${self.ben_last},'{ben}'!$A$2:$A${self.ben_last},$A{row})",
                      EURO)
            s.formula(row, 10, f"=H{row}+I{row}-G{row}", EURO, bold=True)
            s.formula(row, 11, f"=G{row}" if row == head_row + 1 else f"=K{row - 1}+G{row}", EURO)
            s.formula(row, 12, f"=H{row}" if row == head_row + 1 else f"=L{row - 1}+H{row}", EURO)
        first, last = head_row + 1, row
        row += 1
        s.text(row, 1, w["total"], bold=True)
        for col in range(2, 11):
            letter = get_column_letter(col)
            s.formula(row, col, f"=SUM({letter}{first}:{letter}{last})", EURO, bold=True)
        totals = dict(zip(("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits",
                           "net"), range(2, 11)))
        sheet = s.ws.title
        for key, col in totals.items():
            self.name(f"total_{key}", sheet, row, col)
        # the investment view: year 1 is the base year, so NPV = flow 1 + NPV(r; flows 2..n)
        inv = self.r.investment
        total_row = row
        row += 2
        s.text(row, 1, w["npv"], bold=True)
        rest = f",J{first + 1}:J{last}" if last > first else ""
        if self.case.discount_rate is not None:
            s.formula(row, 2, f"=ROUND(J{first}+NPV({self.discount_rate}{rest}),2)" if rest
                      else f"=ROUND(J{first},2)", EURO, bold=True)
        else:
            s.text(row, 2, w["no_rate"])
        self.name("npv", sheet, row, 2)
        row += 1
        s.text(row, 1, w["irr"], bold=True)
        if inv is not None and inv.irr is not None:
            # the starting guess only helps the spreadsheet's iteration find the root far from 10 %
            guess = inv.irr.quantize(Decimal("0.01"))
            s.formula(row, 2, f"=IRR(J{first}:J{last},{guess})", PCT, bold=True)
            self.name("irr", sheet, row, 2)
        else:
            s.text(row, 2, w["irr_not_meaningful"])
        row += 1
        s.text(row, 1, w["npv_convention"])
        row = max(row, total_row)
        s.ws.freeze_panes = f"B{head_row + 1}"
        s.widths({1: 12, **{c: 15 for c in range(2, 13)}})
        s.printable()
        # charts
        bar = BarChart()
        bar.type = "col"
        bar.grouping = "stacked"
        bar.overlap = 100
        bar.title = w["chart_cost"]
        bar.y_axis.title = "EUR"
        bar.add_data(Reference(s.ws, min_col=2, max_col=6, min_row=head_row, max_row=last), titles_from_data=True)
        bar.set_categories(Reference(s.ws, min_col=1, min_row=first, max_row=last))
        bar.height, bar.width = 8, 16
        s.ws.add_chart(bar, f"A{row + 3}")
        line = LineChart()
        line.title = w["chart_cum"]
        line.y_axis.title = "EUR"
        line.add_data(Reference(s.ws, min_col=11, max_col=12, min_row=head_row, max_row=last), titles_from_data=True)
        line.set_categories(Reference(s.ws, min_col=1, min_row=first, max_row=last))
        line.height, line.width = 8, 16
        s.ws.add_chart(line, f"G{row + 3}")

    # -- sources ---------------------------------------------------------------------------
    def write_sources(self) -> None:
        s, w = self.src, self.w
        s.ws.cell(row=1, column=1).font = TITLE
        s.text(1, 1, w["figures"])
        heads = ("deployment_col", "product", "item", "label", "written", "vat_written", "source", "price_year", "note")
        for col, key in enumerate(heads, start=1):
            s.text(2, col, w[key], bold=True, fill=HEAD)
        row = 2
        for d_index, refs in enumerate(self.dep_refs):
            product = refs["product"]
            for it in refs["items"]:
                item: Item = it["item"]
                row += 1
                s.num(row, 1, d_index + 1)
                s.text(row, 2, product.name)
                s.text(row, 3, it["id"])
                s.text(row, 4, it["label"])
                if it["source"] == "case":
                    written = w["case_price"]
                elif item.included:
                    written = w["included"]
                elif item.tiers:
                    written = " / ".join(t.price.written for t in item.tiers)
                elif item.packs:
                    written = " / ".join(f"{p.price.written} ({p.size})" for p in item.packs)
                else:
                    written = item.price.written if item.price else ""
                s.text(row, 5, written)
                s.text(row, 6, item.vat)
                s.text(row, 7, it["source"] if it["source"] == "case" else item.source)
                s.num(row, 8, product.price_year)
                s.text(row, 9, item.note).alignment = Alignment(wrap_text=True, vertical="top")
            for t in refs["time"]:
                line = t["line"]
                row += 1
                s.num(row, 1, d_index + 1)
                s.text(row, 2, product.name)
                s.text(row, 3, line.id)
                s.text(row, 4, line.label)
                s.text(row, 5, line.written)
                s.text(row, 6, "-")
                s.text(row, 7, line.source)
                s.num(row, 8, product.price_year)
                s.text(row, 9, line.note).alignment = Alignment(wrap_text=True, vertical="top")
        row += 2
        s.text(row, 1, w["warnings"], bold=True)
        for warning in self.r.warnings:
            row += 1
            s.text(row, 1, say(warning, self.lang))
        row += 2
        s.text(row, 1, w["assumptions"], bold=True)
        scenario = self.tariffs.scenarios[self.r.scenario]
        notes = [f"{w['scenario']} {scenario.name} ({scenario.label}): {scenario.basis}",
                 f"{w['vat']}: {self.tariffs.vat_source}"]
        for doc in self.cat.sources.values():
            notes.append(f"{doc.id}: {doc.title} ({doc.file}); {doc.rule}")
        for refs in self.fund_refs:
            code = refs["code"]
            notes.append(f"{code.code} {code.name} ({code.domain}): {code.definition} [{code.source}]")
        notes += [w["convention"], w["structure"]]
        for note in notes:
            row += 1
            s.text(row, 1, note)
        s.ws.freeze_panes = "A3"
        s.widths({1: 10, 2: 22, 3: 24, 4: 40, 5: 22, 6: 12, 7: 14, 8: 10, 9: 80})
        s.printable()

    # -- comparison and scenarios (values) -----------------------------------------------------
    def write_compare(self) -> None:
        """Deployment 1 against the other products of its need: the figures of `bcalc compare`, as values."""
        from bcalc.render import compare_view

        s, w = self.cmp, self.w
        view = compare_view.build_need(self.bundle.comparison, self.cat, self.lang, scenario=self.r.scenario,
                                       prices=self.r.prices_end)
        W = compare_view.words(self.lang)
        s.ws.cell(row=1, column=1).font = TITLE
        s.text(1, 1, f"{W['title']}: {self.case.title}")
        s.text(2, 1, compare_view.facts(view))
        s.text(3, 1, w["values_note"])
        row = 5
        alts = view["alternatives"]
        s.text(row, 1, "", fill=HEAD)
        for i, a in enumerate(alts):
            s.text(row, 2 + i, a["column"] + (" *" if a["cheapest"] else ""), bold=True, fill=HEAD)
        for key, label, strong in compare_view.rows(view):
            row += 1
            s.text(row, 1, label, bold=strong)
            for i, a in enumerate(alts):
                if a[key] is None:
                    s.text(row, 2 + i, "-")
                else:
                    s.num(row, 2 + i, a[key], EURO).font = BOLD if strong else Font()
        row += 2
        s.text(row, 1, ("* " if view["cheapest"] is not None else "") + compare_view.cheapest_line(view))
        for text in compare_view.problems(view) + view["notes"]:
            row += 1
            s.text(row, 1, text)
        if view["differences"]:
            row += 2
            s.text(row, 1, W["h_differences"], bold=True)
            row += 1
            for col, key in enumerate(("alternative", "cheapest", "delta", "mostly", "delta", "then", "delta"), 1):
                s.text(row, col, w[key], bold=True, fill=HEAD)
            for d in view["differences"]:
                row += 1
                s.text(row, 1, d["name"])
                s.text(row, 2, d["cheapest_name"])
                s.num(row, 3, d["delta"], EURO)
                for j, c in enumerate(d["categories"]):
                    s.text(row, 4 + 2 * j, W["cat"][c["category"]])
                    s.num(row, 5 + 2 * j, c["delta"], EURO)
            row += 2
            for col, key in enumerate(("alternative", "item", "alternative", "cheapest", "delta"), 1):
                s.text(row, col, w[key], bold=True, fill=HEAD)
            for d in view["differences"]:
                for ln in d["lines"]:
                    row += 1
                    s.text(row, 1, d["name"])
                    s.text(row, 2, ln["label"])
                    s.num(row, 3, ln["alternative"], EURO)
                    s.num(row, 4, ln["cheapest"], EURO)
                    s.num(row, 5, ln["delta"], EURO)
        if view["included"]:
            row += 2
            s.text(row, 1, W["h_included"], bold=True)
            row += 1
            for col, key in enumerate(("item", "included_in", "charged_by", "written", "source", "over_horizon"), 1):
                s.text(row, col, w[key], bold=True, fill=HEAD)
            names = {a["key"]: a["name"] for a in alts}
            for inc in view["included"]:
                row += 1
                s.text(row, 1, inc["label"])
                s.text(row, 2, names[inc["included_in"]])
                s.text(row, 3, names[inc["charged_by"]])
                s.text(row, 4, inc["written"])
                s.text(row, 5, inc["source"])
                s.num(row, 6, inc["amount"], EURO)
        if view["pricing"]:
            row += 2
            s.text(row, 1, W["h_pricing"], bold=True)
            row += 1
            for col, key in enumerate(("product", "choice", "option", "over_horizon", "active", "cheapest"), 1):
                s.text(row, col, w[key], bold=True, fill=HEAD)
            for p in view["pricing"]:
                for o in p["options"]:
                    row += 1
                    s.text(row, 1, p["name"])
                    s.text(row, 2, p["label"])
                    s.text(row, 3, o["name"])
                    s.num(row, 4, o["cost"], EURO)
                    s.text(row, 5, w["yes"] if o["active"] else "")
                    s.text(row, 6, w["yes"] if o["cheapest"] else "")
                for b in p["break_evens"]:
                    row += 1
                    s.text(row, 1, f"{p['name']}, {p['label']}: {b['text']}")
        row += 2
        s.text(row, 1, W["h_assumptions"], bold=True)
        for text in compare_view.assumptions(view):
            row += 1
            s.text(row, 1, text)
        row += 2
        s.text(row, 1, W["h_warnings"], bold=True)
        for a in alts:
            for text in a["warnings"]:
                row += 1
                s.text(row, 1, f"{a['name']}: {text}")
        s.widths({1: 34, **{c: 18 for c in range(2, 2 + max(len(alts), 6))}})
        s.printable()

    def write_scenarios(self) -> None:
        """The case under every scenario and under stress: the figures of `bcalc scenarios`, as values."""
        from bcalc.render import scenarios_view

        s, w = self.scn, self.w
        view = scenarios_view.build(self.bundle.scenarios, self.lang)
        W = scenarios_view.words(self.lang)
        s.ws.cell(row=1, column=1).font = TITLE
        s.text(1, 1, f"{W['title']}: {self.case.title}")
        s.text(2, 1, scenarios_view.facts(view))
        s.text(3, 1, w["values_note"])
        head = 5
        amounts = ("one_off", "recurring", "training", "internal", "vat", "cost", "funding_col", "benefits", "net")
        heads = ("scenario_col", "key", "indexation_col", "prices_col", "recoverable") + amounts + ("spent", "owed",
                                                                                                  "mark")
        for col, key in enumerate(heads, 1):
            s.text(head, col, w[key], bold=True, fill=HEAD)
        row = head
        for r in view["rows"]:
            row += 1
            strong = r["best"] or r["worst"]
            s.text(row, 1, r["label"], bold=strong)
            s.text(row, 2, r["key"])
            s.text(row, 3, r["scenario"])
            s.text(row, 4, r["prices"])
            s.num(row, 5, r["recoverable"], PCT)
            for j, key in enumerate(("one_off", "recurring", "training", "internal", "vat", "cost", "funding",
                                     "benefits", "net", "spent", "owed")):
                if r[key] is None:
                    s.text(row, 6 + j, "-")
                else:
                    s.num(row, 6 + j, r[key], EURO)
            s.text(row, 17, W["best"] if r["best"] else W["worst"] if r["worst"] else "", bold=strong)
        row += 2
        s.text(row, 1, scenarios_view.marks_line(view))
        for note in view["notes"]:
            row += 1
            s.text(row, 1, note)
        s.ws.freeze_panes = f"B{head + 1}"
        s.widths({1: 48, 2: 14, 3: 10, 4: 10, 5: 10, **{c: 15 for c in range(6, 17)}, 17: 12})
        s.printable()

    # -- sensitivity and simulation (values) ----------------------------------------------------
    def write_uncertainty(self) -> None:
        """The figures of `bcalc sensitivity` and of `bcalc simulate` with the report's draws and seed
        (the same as the Markdown report), as values; a tornado chart of the change in net."""
        from bcalc.render.report_md import uncertainty

        view = uncertainty(self.bundle, self.lang)
        self._write_sensitivity(view["sensitivity"])
        self._write_simulation(view["simulation"])

    def _write_sensitivity(self, view: dict) -> None:
        s, w = self.sens, self.w
        s.ws.cell(row=1, column=1).font = TITLE
        s.text(1, 1, f"{w['sensitivity']}: {self.case.title}")
        s.text(2, 1, view["base"])
        s.text(3, 1, w["values_note"])
        head = 5
        keys = ["input", "key", "low", "mode", "high", "unit", "origin", "net_low", "net_high", "change_low",
                "change_high"] + (["npv_low", "npv_high"] if view["has_npv"] else []) + ["swing"]
        for col, key in enumerate(keys, 1):
            s.text(head, col, w[key], bold=True, fill=HEAD)
        row = head
        for r in view["rows"]:
            row += 1
            fmt = _UNIT_FORMATS.get(r["unit"], QTY)
            values = {"input": r["label"], "key": r["key"], "low": r["low"], "mode": r["mode"], "high": r["high"],
                      "unit": r["unit"], "origin": r["origin"], "net_low": r["net_low"], "net_high": r["net_high"],
                      "change_low": r["change_low"], "change_high": r["change_high"], "npv_low": r["npv_low"],
                      "npv_high": r["npv_high"], "swing": r["swing"]}
            for col, key in enumerate(keys, 1):
                value = values[key]
                if key in ("input", "key", "unit", "origin"):
                    s.text(row, col, value)
                elif value is None:
                    s.text(row, col, "-")
                else:
                    s.num(row, col, value, fmt if key in ("low", "mode", "high") else EURO)
        first, last = head + 1, row
        row += 1
        if not view["rows"]:
            row += 1
            s.text(row, 1, view["none"])
        notes = [view["intro"], view["idle"], view["assumptions"]]
        for note in notes:
            if note:
                row += 1
                s.text(row, 1, note)
        s.ws.freeze_panes = f"B{head + 1}"
        s.widths({1: 48, 2: 30, 3: 12, 4: 12, 5: 12, 6: 10, 7: 30, **{c: 16 for c in range(8, len(keys) + 1)}})
        s.printable()
        if view["rows"]:
            # a tornado: horizontal bars of the change in net at the low and the high end, per input,
            # the largest swing on top
            low_col = keys.index("change_low") + 1
            chart = BarChart()
            chart.type = "bar"
            chart.grouping = "clustered"
            chart.overlap = 100
            chart.gapWidth = 40
            chart.title = w["chart_tornado"]
            chart.add_data(Reference(s.ws, min_col=low_col, max_col=low_col + 1, min_row=head, max_row=last),
                           titles_from_data=True)
            chart.set_categories(Reference(s.ws, min_col=1, min_row=first, max_row=last))
            chart.x_axis.scaling.orientation = "maxMin"
            chart.x_axis.tickLblPos = "low"
            chart.x_axis.delete = False
            chart.y_axis.delete = False
            chart.y_axis.crosses = "max"        # with the categories reversed: the euro axis at the bottom
            chart.y_axis.title = "EUR"
            chart.legend.position = "b"
            chart.height, chart.width = max(7.5, 2.5 + 0.8 * len(view["rows"])), 24
            s.ws.add_chart(chart, f"A{row + 2}")

    def _write_simulation(self, view: dict) -> None:
        s, w = self.sim, self.w
        if not view["available"]:
            s.text(1, 1, view["missing"])
            s.widths({1: 100})
            return
        s.ws.cell(row=1, column=1).font = TITLE
        s.text(1, 1, f"{w['simulation']}: {self.case.title}")
        s.text(2, 1, view["facts"])
        s.text(3, 1, w["values_note"])
        head = 5
        for col, text in enumerate(view["heads"], 1):
            s.text(head, col, text, bold=True, fill=HEAD)
        row = head
        for stat in view["stats"]:
            row += 1
            s.text(row, 1, stat["label"], bold=stat["strong"])
            for col, value in enumerate(stat["values"], 2):
                s.num(row, col, value, EURO)
        row += 2
        s.text(row, 1, w["prob_npv"] if view["probability_of"] == "npv" else w["prob_net"], bold=True)
        s.num(row, 2, view["probability"], "0.0%")
        row += 1
        s.text(row, 1, w["max_deviation"])
        s.num(row, 2, view["max_deviation"], EURO)
        row += 1
        s.text(row, 1, w["check_draws"])
        s.num(row, 2, view["check_draws"])
        row += 1
        s.text(row, 1, w["draws"])
        s.num(row, 2, view["draws"])
        row += 1
        s.text(row, 1, w["seed"])
        s.num(row, 2, view["seed"])
        row += 2
        s.text(row, 1, view["inputs_title"], bold=True)
        row += 1
        if view["inputs"]:
            for col, key in enumerate(("input", "key", "low", "mode", "high", "unit", "origin"), 1):
                s.text(row, col, w[key], bold=True, fill=HEAD)
            for i in view["inputs"]:
                row += 1
                fmt = _UNIT_FORMATS.get(i["unit"], QTY)
                s.text(row, 1, i["label"])
                s.text(row, 2, i["key"])
                s.num(row, 3, i["low"], fmt)
                s.num(row, 4, i["mode"], fmt)
                s.num(row, 5, i["high"], fmt)
                s.text(row, 6, i["unit"])
                s.text(row, 7, i["origin"])
        else:
            s.text(row, 1, view["no_inputs"])
        row += 1
        for note in (view["intro"], view["percentiles"], view["prices_note"], view["method"], view["assumptions"]):
            if note:
                row += 1
                s.text(row, 1, note)
        s.widths({1: 48, 2: 30, **{c: 16 for c in range(3, 8)}})
        s.printable()

    def render(self) -> bytes:
        self.write_inputs()
        self.write_calc()
        self.write_funding()
        self.write_benefits()
        self.write_summary()
        self.write_compare()
        self.write_scenarios()
        self.write_uncertainty()
        self.write_sources()
        buf = io.BytesIO()
        self.wb.save(buf)
        return buf.getvalue()


def render(bundle: Report, lang: str = "nl") -> bytes:
    """The workbook of one ``bcalc.app.report`` as bytes (xlsx)."""
    return _Workbook(bundle, lang).render()


__all__ = ["render"]
