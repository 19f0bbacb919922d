"""The shape of the workbook: its sheets, how many formulas each holds, its defined names and charts,
and a calculation row for every line of the engine, so that no sheet, formula or line is lost
without a test failing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bcalc.app import report_of
from bcalc.core import estimate
from bcalc.loader import load_all
from bcalc.render import xlsx

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((ROOT / "examples").glob("*.yaml")) + [ROOT / "tests" / "cases" / "kitchen-sink.yaml",
                                                      ROOT / "tests" / "cases" / "investment.yaml",
                                                      ROOT / "tests" / "cases" / "own-time.yaml",
                                                      ROOT / "tests" / "cases" / "indexed-prices.yaml",
                                                      ROOT / "tests" / "cases" / "staff-per-district.yaml"]


def _workbook(path: Path, lang: str = "nl"):
    catalogue, tariffs, case = load_all(path)
    result = estimate(case, catalogue, tariffs)
    return load_workbook(io.BytesIO(xlsx.render(report_of(result, catalogue, tariffs), lang))), result


def _formulas(ws) -> int:
    return sum(1 for row in ws.iter_rows() for c in row if c.data_type == "f")


# examples/medicijndispensers.yaml: 5 years from 2027-01 (calendar years 2027-2031), one deployment
# (Medido for 20, then 40 clients; 5 charges: installatie, ophalen, implementatie, huur,
# zorgcentrale; 2 time lines: training of the care staff, the project lead's hours), no funding,
# one time benefit, a discount rate, and flows that do not change sign exactly once (no IRR).
MEDIDO_FORMULAS = {
    # 5 years x 14 formula columns (B-O: 4 categories, VAT, cost, funding, benefits, net, two
    # cumulatives, cashable benefits, the budget view's net, coverage) = 70; the IRR's sign helpers:
    # the two signs of 2027 (its two changes are the number 0) and two signs and two changes in each
    # of 2028-2031 = 2 + 16 = 18; the total row B-J, M, N and the coverage = 12; both views' NPV, IRR
    # and payback = 6, the cost per client per month = 1, the two IRR reasons = 2; the hours per role:
    # care staff and project lead, each their hours in 2027 (the other years are 0) and their total
    # = 4 (no FTE: the example gives no hours_per_fte): 70 + 18 + 12 + 9 + 4 = 113
    "Samenvatting": 113,
    # wage, tariff and price factors for the 4 years after the first: 12; the deployment's new units
    # (5 contract years), removed units (years 2-5: 4), the peak (1) and the price factor (years 2-5:
    # 4): 14; the standard VAT rate of the 5 charges: 5; the training's heads (the care staff count)
    # and the hours of both time lines in 2027: 3
    "Invoer": 34,
    # 22 rows: 2027 has installatie, implementatie, huur, zorgcentrale and the 2 time lines; 2028-2031
    # have installatie, ophalen, huur, zorgcentrale (4 x 4); a charge row has 5 formulas (quantity,
    # as quoted, excl. VAT, VAT, cost): 20 x 5 = 100, a time row 4 (its VAT is the number 0): 2 x 4 = 8
    "Berekening": 108,
    "Financiering": 0,
    "Baten": 10,            # 5 years x (hours, their value)
    # 60 months x (the deployment's cost, the benefit, and the ten columns that sum them: cost,
    # funding, benefits, cashable, both nets, both cumulatives, both marks below zero) = 60 x 12
    "Per maand": 720,
    # the analyses are values, not formulas
    "Vergelijking": 0, "Scenario's": 0, "Gevoeligheid": 0, "Simulatie": 0, "Bronnen": 0,
}
MEDIDO_NAMES = (
    {f"total_{k}" for k in ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits",
                            "net")}
    | {"cash_irr", "cash_npv", "irr", "payback_month", "cash_payback_month", "cost_per_client_month",
       "total_benefits_cashable", "total_cash_net"}
    | {f"coverage_{year}" for year in range(2027, 2032)}
    | {"npv", "vat_standard", "vat_recoverable", "discount_rate", "teams", "clients_1", "benefit_1_share"}
    | {f"index_{year}" for year in range(2027, 2032)}
    | {f"{kind}_{role}" for kind in ("rate", "count")
       for role in ("care_staff", "key_user", "project_lead", "functional_admin", "data_analyst")}
    | {f"price_1_{item}" for item in ("installatie", "ophalen", "implementatie", "huur", "zorgcentrale")}
    | {"hours_per_fte", "hours_care_staff", "hours_project_lead"}
    | {f"hours_{role}_{year}" for role in ("care_staff", "project_lead") for year in range(2027, 2032)}
)


def test_medicijndispensers_sheets_formulas_and_names():
    wb, result = _workbook(ROOT / "examples" / "medicijndispensers.yaml")
    assert result.investment.irr is None      # the IRR formulas show "niet zinvol"
    assert wb.sheetnames == list(MEDIDO_FORMULAS)
    assert {ws.title: _formulas(ws) for ws in wb.worksheets} == MEDIDO_FORMULAS
    assert set(wb.defined_names.keys()) == MEDIDO_NAMES
    assert {ws.title: len(ws._charts) for ws in wb.worksheets if ws._charts} == {"Samenvatting": 2,
                                                                                  "Gevoeligheid": 1}


def test_english_workbook_has_the_same_formulas_per_sheet():
    nl, _ = _workbook(ROOT / "examples" / "medicijndispensers.yaml")
    en, _ = _workbook(ROOT / "examples" / "medicijndispensers.yaml", "en")
    assert [_formulas(ws) for ws in en.worksheets] == [_formulas(ws) for ws in nl.worksheets]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_every_engine_line_has_a_calculation_row(case):
    """Each line the engine charges (deployment, item or time line, calendar year) is a formula row
    of the calculation sheet; the sheet may hold more rows (a quantity that is 0 in that year)."""
    wb, result = _workbook(case)
    rows = {(r[0], r[1], r[3]): r for r in wb["Berekening"].iter_rows(min_row=2, values_only=True)}
    for line in result.lines:
        key = (line.year, line.deployment + 1, line.item)
        assert key in rows, key
        assert all(isinstance(v, str) and v.startswith("=") for v in (rows[key][6], rows[key][7])), rows[key]
