"""The workbook: its structure, and its formulas recalculated by LibreOffice against the engine."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

import lo
from bcalc.app import report_of
from bcalc.core import estimate
from bcalc.loader import load_all
from bcalc.messages import say
from bcalc.render import xlsx

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((ROOT / "examples").glob("*.yaml")) + [ROOT / "tests" / "cases" / "kitchen-sink.yaml",
                                                      ROOT / "tests" / "cases" / "investment.yaml",
                                                      ROOT / "tests" / "cases" / "own-lines.yaml",
                                                      ROOT / "tests" / "cases" / "linked-funding.yaml",
                                                      ROOT / "tests" / "cases" / "own-time.yaml",
                                                      ROOT / "tests" / "cases" / "indexed-prices.yaml",
                                                      ROOT / "tests" / "cases" / "staff-per-district.yaml",
                                                      ROOT / "tests" / "cases" / "combined-own.yaml"]
TOTALS = ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits", "net")


def _estimate(path: Path, **kwargs):
    cat, tariffs, case = load_all(path)
    return estimate(case, cat, tariffs, **kwargs), cat, tariffs


def _write(path: Path, out: Path, lang: str = "nl", **kwargs) -> tuple[Path, object]:
    result, cat, tariffs = _estimate(path, **kwargs)
    target = out / f"{path.stem}.xlsx"
    target.write_bytes(xlsx.render(report_of(result, cat, tariffs), lang))
    return target, result


def _expected(result) -> dict[str, Decimal]:
    out = {f"total_{k}": getattr(result.total, k) for k in TOTALS}
    out["total_benefits_cashable"] = result.total.cashable
    out["total_cash_net"] = result.total.cash_net
    inv = result.investment
    if inv is not None and inv.npv is not None:
        out["npv"] = inv.npv
        out["cash_npv"] = inv.cash_npv
    if inv is not None:
        # payback months in both views; a payback beyond the horizon is text, not a number
        for name, month in (("payback_month", inv.payback_month), ("cash_payback_month", inv.cash_payback_month)):
            if month is not None:
                out[name] = Decimal(month)
        if inv.cost_per_client_month is not None:
            out["cost_per_client_month"] = inv.cost_per_client_month.quantize(Decimal("0.01"))
    for row in result.per_year:   # coverage: funding / cost, to the engine's four decimals
        if row.totals.cost:
            out[f"coverage_{row.year}"] = (row.totals.funding / row.totals.cost).quantize(Decimal("0.0001"))
    # hours and FTE per role per calendar year, to two decimals
    for r in result.staff_hours:
        out[f"hours_{r.role}"] = r.total_hours.quantize(Decimal("0.01"))
        for year, hours in zip(r.years, r.hours):
            out[f"hours_{r.role}_{year}"] = hours.quantize(Decimal("0.01"))
        if r.fte is not None:
            out[f"fte_{r.role}"] = r.average_fte.quantize(Decimal("0.01"))
            for year, fte in zip(r.years, r.fte):
                out[f"fte_{r.role}_{year}"] = fte.quantize(Decimal("0.01"))
    return out


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_workbook_structure(case, tmp_path):
    path, result = _write(case, tmp_path)
    wb = load_workbook(path)
    sheets = ["Samenvatting", "Invoer", "Berekening", "Financiering", "Baten", "Vergelijking", "Scenario's",
              "Gevoeligheid", "Simulatie", "Bronnen"]
    if result.operating is not None:   # something owned: the operating view comes last
        sheets.append("Exploitatie")
    assert wb.sheetnames == sheets
    names = set(wb.defined_names.keys())
    assert {f"total_{k}" for k in TOTALS} | {"vat_recoverable"} <= names
    summary = wb["Samenvatting"]
    assert len(summary._charts) == 2
    assert summary.freeze_panes and wb["Berekening"].freeze_panes == "A2"
    assert summary.page_setup.orientation == "landscape"
    # every calculated cell of the calculation sheet is a formula
    calc = wb["Berekening"]
    for row in calc.iter_rows(min_row=2, min_col=7, max_col=11):
        for cell in row:
            assert cell.data_type == "f" or cell.value == 0, (cell.coordinate, cell.value)
    # the sources sheet lists every warning of the estimate
    texts = {c.value for row in wb["Bronnen"].iter_rows() for c in row if isinstance(c.value, str)}
    for w in result.warnings:
        assert say(w, "nl") in texts


def test_text_from_yaml_never_becomes_a_formula(tmp_path):
    path, result = _write(ROOT / "tests" / "cases" / "kitchen-sink.yaml", tmp_path)
    wb = load_workbook(path)
    a1 = wb["Samenvatting"]["A1"]
    assert a1.data_type == "s" and a1.value == result.case.title and a1.value.startswith("=")
    org = [c for row in wb["Invoer"].iter_rows() for c in row if c.value == "+Zorggroep @Test"]
    assert org and all(c.data_type == "s" for c in org)


def test_english_sheet_names(tmp_path):
    path, _ = _write(ROOT / "examples" / "zorgrobots.yaml", tmp_path, lang="en")
    assert load_workbook(path).sheetnames == ["Summary", "Inputs", "Calculation", "Funding", "Benefits", "Comparison",
                                                     "Scenarios", "Sensitivity", "Simulation", "Sources"]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_libreoffice_totals_equal_the_engine_to_the_cent(case, tmp_path):
    lo.require_soffice()
    path, result = _write(case, tmp_path)
    values = lo.named_values(lo.recalc(path, tmp_path))
    for name, expected in _expected(result).items():
        assert name in values, f"{name} missing after recalculation"
        _same(name, values[name], expected)
    _same_irr(values, result)


def _same(name: str, value: Decimal, expected: Decimal) -> None:
    places = Decimal("0.0001") if name.startswith("coverage_") else Decimal("0.01")
    assert value.quantize(places) == expected, (name, value, expected)


def _same_irr(values: dict[str, Decimal], result) -> None:
    """IRR of both views to the engine's precision (six decimals, 0,0001 percentage point); where the
    engine finds it not meaningful, the workbook's formula shows text, not a number."""
    inv = result.investment
    for name, irr in (("irr", inv.irr), ("cash_irr", inv.cash_irr)):
        if irr is not None:
            assert abs(values[name] - irr) <= Decimal("0.000001"), (name, values[name], irr)
        else:
            assert name not in values, (name, values[name])


@pytest.mark.parametrize("prices", ["low", "high"])
def test_libreoffice_with_price_ends_and_another_scenario(prices, tmp_path):
    lo.require_soffice()
    case = ROOT / "tests" / "cases" / "kitchen-sink.yaml"
    path, result = _write(case, tmp_path, prices=prices, scenario="high")
    values = lo.named_values(lo.recalc(path, tmp_path))
    for name, expected in _expected(result).items():
        _same(name, values[name], expected)


def _set_named(wb, name: str, value, index: int = 0) -> None:
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    cells = wb[sheet][ref.replace("$", "")]
    if isinstance(cells, tuple):  # a range: a row of cells
        cells = cells[0][index] if isinstance(cells[0], tuple) else cells[index]
    cells.value = value


def test_changed_inputs_follow_through_like_an_equally_changed_case(tmp_path):
    """Change clients in year 2, recoverable VAT and a price in the saved workbook; LibreOffice
    must then agree with `bcalc estimate` on the case changed the same way."""
    lo.require_soffice()
    original = ROOT / "tests" / "cases" / "kitchen-sink.yaml"
    path, _ = _write(original, tmp_path)
    wb = load_workbook(path)
    _set_named(wb, "clients_1", 30, index=1)           # cMed Plus, contract year 2: 20 -> 30
    _set_named(wb, "clients_3", 0, index=2)            # WOLK rent, contract year 3: 2 -> 0
    _set_named(wb, "vat_recoverable", 1)               # 30 % -> 100 %
    _set_named(wb, "price_1_huur", 65)                 # cMed Plus rent negotiated at 65
    _set_named(wb, "rate_data_analyst", 55)            # an hourly rate given later
    _set_named(wb, "tariff_1", 80)                     # 1062 tariff
    changed = tmp_path / "changed.xlsx"
    wb.save(changed)
    values = lo.named_values(lo.recalc(changed, tmp_path))

    text = original.read_text(encoding="utf-8")
    text = text.replace("clients: [12, 20, 15]", "clients: [12, 30, 15]\n    prices: {huur: 65}")
    text = text.replace("clients: [3, 5, 2]", "clients: [3, 5, 0]")
    text = text.replace("vat: {recoverable: 30%}", "vat: {recoverable: 100%}")
    text = text.replace("data_analyst: {count: 2}", "data_analyst: {count: 2, rate: 55}")
    text = text.replace("tariff: 77.13", "tariff: 80")
    case2 = tmp_path / "changed.yaml"
    case2.write_text(text, encoding="utf-8")
    result, _, _ = _estimate(case2)
    assert result.total.vat == 0
    for name, expected in _expected(result).items():
        _same(name, values[name], expected)


def test_a_districts_own_staff_and_the_hours_follow_changed_counts(tmp_path):
    """Change the care staff of district Noord (deployment 1) and the organisation's teams and
    hours per FTE in the saved workbook; LibreOffice must agree with the case changed the same way."""
    lo.require_soffice()
    original = ROOT / "tests" / "cases" / "staff-per-district.yaml"
    path, _ = _write(original, tmp_path)
    wb = load_workbook(path)
    _set_named(wb, "count_1_care_staff", 20)           # Noord: 12 -> 20 care staff
    _set_named(wb, "teams_3", 3)                       # Oost: 2 -> 3 teams
    _set_named(wb, "teams", 6)                         # the organisation (West carries it): 5 -> 6
    _set_named(wb, "hours_per_fte", 1500)
    changed = tmp_path / "changed.xlsx"
    wb.save(changed)
    values = lo.named_values(lo.recalc(changed, tmp_path))

    text = original.read_text(encoding="utf-8")
    text = text.replace("staff: {care_staff: {count: 12}}", "staff: {care_staff: {count: 20}}")
    text = text.replace("teams: 2}", "teams: 3}").replace("  teams: 5\n", "  teams: 6\n")
    text = text.replace("hours_per_fte: 1600", "hours_per_fte: 1500")
    case2 = tmp_path / "changed.yaml"
    case2.write_text(text, encoding="utf-8")
    result, _, _ = _estimate(case2)
    # care staff 2027: 20 + 18 + 20 + 75 = 133 h; 133 / 1.500 FTE
    assert result.staff_hours[0].hours[0] == 133
    # training: 20 x 50 + 18 x 50 + 1.000 + 3 x 800 + 3.750 + 6 x 800 = 13.850,00
    assert result.total.training == Decimal("13850.00")
    for name, expected in _expected(result).items():
        _same(name, values[name], expected)


def test_report_command_writes_both_documents_atomically(tmp_path):
    from typer.testing import CliRunner

    from bcalc.cli import app

    runner = CliRunner()
    x, m = tmp_path / "case.xlsx", tmp_path / "case.md"
    res = runner.invoke(app, ["report", str(ROOT / "examples" / "zorgrobots.yaml"), "--xlsx", str(x), "--md", str(m)])
    assert res.exit_code == 0, res.output
    assert x.stat().st_size > 5000 and m.read_text(encoding="utf-8").startswith("#")
    before = x.read_bytes()
    res = runner.invoke(app, ["report", str(ROOT / "examples" / "zorgrobots.yaml"), "--xlsx", str(x)])
    assert res.exit_code == 2 and x.read_bytes() == before
    # a bad case writes nothing at all
    bad = tmp_path / "bad.yaml"
    bad.write_text(textwrap.dedent("""
        case: kapot
        start: 2027-13
        years: 1
        deployments: [{product: medido, clients: 1}]
    """), encoding="utf-8")
    y = tmp_path / "new.xlsx"
    res = runner.invoke(app, ["report", str(bad), "--xlsx", str(y)])
    assert res.exit_code == 2 and not y.exists()
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("case", [ROOT / "examples" / "medicijndispensers.yaml",
                                  ROOT / "tests" / "cases" / "combined-own.yaml"], ids=lambda p: p.stem)
def test_no_sheet_shows_a_raw_code(case, tmp_path):
    """Roles, VAT statuses and price ends are shown in words on every sheet, not as the codes of the
    case file (care_staff, not_stated, mid)."""
    path, _ = _write(case, tmp_path)
    codes = {"care_staff", "key_user", "project_lead", "functional_admin", "data_analyst", "not_stated", "mid",
             "low", "high", "excl", "incl"}
    found = [(ws.title, c.coordinate, c.value) for ws in load_workbook(path).worksheets for row in ws.iter_rows()
             for c in row if isinstance(c.value, str) and c.value.strip() in codes]
    assert not found, found[:10]
