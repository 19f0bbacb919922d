"""The workbook being written: the report it shows, its sheets, its defined names, and the
addresses of the input cells that the formulas of the other sheets refer to."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName

from bcalc.core.calendar import horizon
from bcalc.core.plan import Charge
from bcalc.models import Benefit, Case, Deployment, FundingCode, FundingLine, Item, Product, TimeLine
from bcalc.render.xlsx.cells import Sheet, StyleIds, address
from bcalc.render.xlsx.formulas import segments
from bcalc.render.xlsx.words import WORDS

if TYPE_CHECKING:
    from bcalc.app import Report


class Book:
    """One report as a workbook: the sheets in their order and what every sheet module needs."""

    def __init__(self, bundle: Report, lang: str):
        self.bundle = bundle
        self.result = bundle.result
        self.case: Case = bundle.result.case
        self.catalogue = bundle.catalogue
        self.tariffs = bundle.tariffs
        self.lang = lang
        self.words = WORDS[lang]
        self.months = horizon(self.case.start_year, self.case.start_month, self.case.years)
        self.segments = segments(self.months, self.case.phase_starts)
        # the segment each month lies in (its block and phase, in a case with phases)
        self.month_seg = {i: seg for segs in self.segments.values() for seg in segs for i in seg.months}
        self.years = sorted(self.segments)
        self._year_months = {y: sum(seg.n_months for seg in segs) for y, segs in self.segments.items()}
        self.wb = Workbook()
        w = self.words
        first = self.wb.active
        first.title = w["summary"]
        self.styles = StyleIds(first)
        self.summary = Sheet(first, self.styles)
        self.inputs = self._add(w["inputs"])
        self.calculation = self._add(w["calculation"])
        self.funding = self._add(w["funding"])
        self.benefits = self._add(w["benefits_sheet"])
        self.monthly = self._add(w["monthly"])
        self.comparison = self._add(w["compare"])
        self.scenarios = self._add(w["scenarios"])
        self.sensitivity = self._add(w["sensitivity"])
        self.simulation = self._add(w["simulation"])
        self.sources = self._add(w["sources"])
        # only for a case that owns items with a lifetime, so every other workbook stays as it was
        self.operating = self._add(w["operating"]) if self.result.operating is not None else None
        # only for a case with phases
        self.phases = self._add(w["phases_sheet"]) if self.result.per_phase else None
        self.year_rows: dict[int, int] = {}   # calendar year -> its row on the summary sheet
        # only where more than one party pays or gains (bcalc.render.party_rows), so every other workbook stays
        from bcalc.render.party_rows import shown

        self.parties = self._add(w["parties_sheet"]) if shown(self.result) else None
        # only with actuals, last (bcalc report --actuals)
        self.evaluation = None
        if getattr(bundle, "evaluation", None) is not None:
            from bcalc.render.xlsx.evaluation import sheet_title

            self.evaluation = self._add(sheet_title(lang))
        # the rows the sheets write, for the per-party sheet: (row, year, deployment, line id, item id, supplier),
        # (row, year, funding line), (row, year, benefit)
        self.calc_rows: list[tuple] = []
        self.funding_rows: list[tuple] = []
        self.benefit_rows: list[tuple] = []

    def year_name(self, year: int) -> str:
        """A calendar year as a label: a part year with its months ("2027 (6 mnd)"), as the Markdown heads it."""
        n = self._year_months[year]
        return f"{year} ({n} {self.words['part_months']})" if n < 12 else str(year)

    @property
    def year_width(self) -> float:
        """The width of a column of year cells: room for "2027 (6 mnd)" where a year is a part year."""
        return 13 if any(n < 12 for n in self._year_months.values()) else 7

    def year_format(self, year: int) -> str | None:
        """The number format of a year cell that formulas use: the number stays, a part year shows
        its months; a whole year keeps the general format."""
        n = self._year_months[year]
        return f'0" ({n} {self.words["part_months"]})"' if n < 12 else None

    def source_text(self, source: str) -> str:
        """A source as a cell shows it: "case" (the case gives the figure) in words."""
        return self.words["from_case"] if source == "case" else source

    def scenario_label(self) -> str:
        """The indexation scenario by its label ("Basis (NZa 2025)") rather than its key."""
        scenario = self.tariffs.scenarios.get(self.result.scenario)
        return scenario.label if scenario is not None and scenario.label else self.result.scenario

    def _add(self, title: str) -> Sheet:
        return Sheet(self.wb.create_sheet(title), self.styles)

    def name(self, name: str, sheet: str, row: int, col: int, row2: int | None = None,
             col2: int | None = None) -> None:
        """A defined name for a cell (or a range up to row2, col2), e.g. ``total_net``; other
        characters than letters and digits become "_"."""
        ref = address(sheet, row, col)
        if row2 is not None:
            ref += ":" + address(sheet, row2, col2)[len(f"'{sheet}'!"):]
        safe = "".join(ch if ch.isalnum() else "_" for ch in name)
        self.wb.defined_names[safe] = DefinedName(safe, attr_text=ref)

    def sheets(self) -> list[Sheet]:
        return [self.summary, self.inputs, self.calculation, self.funding, self.benefits, self.monthly,
                self.comparison,
                self.scenarios, self.sensitivity, self.simulation, self.sources] + (
                    [self.operating] if self.operating is not None else []) + (
                    [self.phases] if self.phases is not None else []) + (
                    [self.parties] if self.parties is not None else []) + (
                    [self.evaluation] if self.evaluation is not None else [])

    def finish(self) -> None:
        """Widths and print set-up of every sheet, once all cells are written."""
        for sheet in self.sheets():
            sheet.finish()

    def save(self) -> bytes:
        """The workbook as xlsx bytes. openpyxl writes the workbook with every sheet's frame (widths,
        panes, filter, page setup, charts) around an empty <sheetData>; the cells of each sheet are
        then written into that part in one pass (``Sheet.sheet_data``), with the styles openpyxl
        registered for them as they were written."""
        frame = io.BytesIO()
        self.wb.save(frame)
        parts = {sheet.ws.path.lstrip("/"): sheet for sheet in self.sheets()}
        out = io.BytesIO()
        with zipfile.ZipFile(frame) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                data = src.read(info)
                sheet = parts.pop(info.filename, None)
                if sheet is None:
                    dst.writestr(info, data)
                    continue
                head, tail = _split_frame(data.decode("utf-8"), sheet.dimension(), info.filename)
                with dst.open(info, "w") as part:
                    part.write(head.encode("utf-8"))
                    for piece in sheet.sheet_data():
                        part.write(piece.encode("utf-8"))
                    part.write(tail.encode("utf-8"))
        if parts:
            raise RuntimeError(f"the workbook has no part {', '.join(parts)}")
        return out.getvalue()


_DIMENSION = re.compile(r'<dimension ref="A1:A1"\s*/>')
_SHEET_DATA = re.compile(r"<sheetData\s*/>|<sheetData>\s*</sheetData>")


def _split_frame(xml: str, dimension: str, name: str) -> tuple[str, str]:
    """A sheet's XML as openpyxl wrote it without cells, cut where its cells go: (before, after),
    with the dimension of the cells put in."""
    found = _SHEET_DATA.findall(xml)
    if len(_DIMENSION.findall(xml)) != 1 or len(found) != 1:
        raise RuntimeError(f"{name}: no single empty <dimension> and <sheetData> in the sheet openpyxl wrote")
    xml = _DIMENSION.sub(f'<dimension ref="{dimension}" />', xml)
    head, tail = xml.split(found[0])
    return head, tail


# -- the input cells, as the inputs sheet writes them ----------------------------------------------
# Every field holding a str is a cell address ('Invoer'!$B$7) or a formula term over such cells.

@dataclass
class ItemCells:
    """One charge of the plan on the inputs sheet (a pack size is a charge of its own)."""

    charge: Charge
    item: Item
    id: str                     # the id its lines carry
    label: str
    price: str                  # the year-1 unit price as quoted
    vat_rate: str
    fixed: str | None           # the fixed quantity; None when the quantity follows the units
    source: str                 # "case" when the case sets the price, else the item's source line


@dataclass
class TimeCells:
    """A time line of a deployment: heads, and hours per head per calendar year."""

    line: TimeLine
    heads: str
    hours: dict[int, str]       # calendar year -> its hours cell
    nonzero: set[int]           # calendar years with hours
    share: dict[int, Fraction] = field(default_factory=dict)   # month index -> its part of its year's hours


@dataclass
class DeploymentCells:
    """A deployment's units per contract year (0-based lists), price factors, items and time lines."""

    product: Product
    deployment: Deployment
    clients: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    billed: list[str] = field(default_factory=list)    # the clients, or the contract minimum while it holds
    peak: str = ""
    factor: list[str] = field(default_factory=list)    # price indexation factor per contract year
    items: list[ItemCells] = field(default_factory=list)
    time: list[TimeCells] = field(default_factory=list)
    bought: dict[str, list[str]] = field(default_factory=dict)  # owned item -> units bought per contract year
    staff_count: dict[str, str] = field(default_factory=dict)   # its own heads per role, where it names them
    teams: str | None = None                                    # its own teams, where it gives them
    # a case with phases: the units per block (a contract year within one phase); empty without phases
    block_clients: list[str] = field(default_factory=list)
    block_new: list[str] = field(default_factory=list)
    block_removed: list[str] = field(default_factory=list)
    block_billed: list[str] = field(default_factory=list)
    block_clients_row: int = 0


@dataclass
class FundingCells:
    """A funding line: clients per contract year and the cells of its kind (hourly, vpt or subsidy)."""

    line: FundingLine
    code: FundingCode
    clients: list[str] = field(default_factory=list)
    hours_per_month: str = ""   # hourly
    tariff: str = ""            # hourly
    day_rate: str = ""          # vpt
    share: str = ""             # vpt: the share for technology
    amount: str = ""            # subsidy
    # a subsidy worked out from its rules (bcalc.core.funders): the rows of the inputs sheet that hold its
    # rules (share, min, max, device cap) and the formulas over the calculation sheet; {} otherwise
    rule_rows: dict = field(default_factory=dict)
    month: int = 0              # subsidy: the month (0-based) it comes in
    block_clients: list[str] = field(default_factory=list)   # a case with phases: clients per block


@dataclass
class BenefitCells:
    """A benefit: the clients it follows, its size per client and period, and its realisation."""

    benefit: Benefit
    clients: list[str]
    hours: str = ""             # a time benefit: hours (a term: minutes become "cell/60")
    amount: str = ""            # a money benefit
    share: str = ""
    block_clients: list[str] = field(default_factory=list)   # a case with phases: clients per block


@dataclass
class InputCells:
    """What the inputs sheet holds for the formulas of the other sheets."""

    years: str = ""             # the horizon in years
    vat_standard: str = ""
    vat_recoverable: str = ""
    discount_rate: str = ""
    hours_per_fte: str = ""     # empty when the case gives none: no FTE
    teams: str = ""
    fx: str | None = None       # euros per dollar, when the case gives it
    price_rate: dict[int, str] = field(default_factory=dict)         # calendar year -> price indexation
    wage_factor: dict[int, str] = field(default_factory=dict)        # calendar year -> wage factor
    tariff_factor: dict[int, str] = field(default_factory=dict)
    price_factor_jan: dict[int, str] = field(default_factory=dict)   # prices indexed on 1 January
    level_factor: dict[int, str] = field(default_factory=dict)       # price year -> factor to the case's level
    staff_count: dict[str, str] = field(default_factory=dict)        # role -> persons
    staff_rate: dict[str, str] = field(default_factory=dict)         # role -> hourly rate
    deployments: list[DeploymentCells] = field(default_factory=list)
    funding: list[FundingCells] = field(default_factory=list)
    benefits: list[BenefitCells] = field(default_factory=list)


__all__ = ["Book", "ItemCells", "TimeCells", "DeploymentCells", "FundingCells", "BenefitCells", "InputCells"]
