"""The workbook: its structure, and its formulas recalculated by LibreOffice against the engine."""

from __future__ import annotations

import re
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string

import lo
from bcalc.app import report_of
from bcalc.core import estimate
from bcalc.loader import load_all
from bcalc.messages import say
from bcalc.money import round_cents
from bcalc.render import xlsx

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((ROOT / "examples").glob("*.yaml")) + [ROOT / "tests" / "cases" / "kitchen-sink.yaml",
                                                      ROOT / "tests" / "cases" / "investment.yaml",
                                                      ROOT / "tests" / "cases" / "own-lines.yaml",
                                                      ROOT / "tests" / "cases" / "linked-funding.yaml",
                                                      ROOT / "tests" / "cases" / "own-time.yaml",
                                                      ROOT / "tests" / "cases" / "indexed-prices.yaml",
                                                      ROOT / "tests" / "cases" / "staff-per-district.yaml",
                                                      ROOT / "tests" / "cases" / "combined-own.yaml",
                                                      ROOT / "tests" / "cases" / "phases.yaml",
                                                      ROOT / "tests" / "cases" / "phases-timings.yaml",
                                                      ROOT / "tests" / "cases" / "parties.yaml",
                                                      ROOT / "tests" / "cases" / "phase-teams.yaml"]
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
    if result.parties is not None and result.parties.several:   # the per-party sheet
        for v in result.parties.parties:
            out[f"party_net_{v.party}"] = v.total.net
        out["parties_whole_net"] = result.parties.whole_total.net
    for ph in result.per_phase:   # a phase's net: its exact months summed, rounded once (the phases sheet)
        out[f"phase_net_{ph.index + 1}"] = round_cents(sum(result.monthly_net[ph.first:ph.first + ph.months],
                                                           Decimal(0)))
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
    sheets = ["Samenvatting", "Invoer", "Berekening", "Financiering", "Baten", "Per maand", "Vergelijking",
              "Scenario's", "Gevoeligheid", "Simulatie", "Bronnen"]
    if result.operating is not None:   # something owned: the operating view comes last
        sheets.append("Exploitatie")
    if result.per_phase:               # a case with phases: the phases after that
        sheets.append("Fasen")
    if result.parties.several:   # more than one party pays or gains: the per-party sheet
        sheets.append("Per partij")
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
    assert load_workbook(path).sheetnames == ["Summary", "Inputs", "Calculation", "Funding", "Benefits", "Per month",
                                              "Comparison", "Scenarios", "Sensitivity", "Simulation", "Sources"]


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


TWO_VIEWS = ROOT / "tests" / "cases" / "two-views.yaml"


def _changed_two_views(tmp_path: Path, cells: list[tuple[str, object, int]], replace: list[tuple[str, str]]):
    """The two-views workbook with ``cells`` (name, value, index in its range) changed and recalculated
    by LibreOffice, and the engine's result on the case changed the same way."""
    path, _ = _write(TWO_VIEWS, tmp_path)
    wb = load_workbook(path)
    for name, value, index in cells:
        _set_named(wb, name, value, index=index)
    changed = tmp_path / "changed.xlsx"
    wb.save(changed)
    values = lo.named_values(lo.recalc(changed, tmp_path))
    text = TWO_VIEWS.read_text(encoding="utf-8")
    for old, new in replace:
        assert old in text, old
        text = text.replace(old, new)
    case2 = tmp_path / "changed.yaml"
    case2.write_text(text, encoding="utf-8")
    result, _, _ = _estimate(case2)
    return values, result


def test_decision_figures_follow_changed_inputs_and_the_irr_becomes_meaningful(tmp_path):
    """Clients 8 -> 10, the monthly fee 28 -> 30 and the time benefit (not cash) realised 0 % in the
    saved workbook: both views become the same, so the value view's IRR turns from "niet zinvol"
    into a rate by formula; LibreOffice agrees with the engine on the case changed the same way."""
    lo.require_soffice()
    values, result = _changed_two_views(
        tmp_path, [("clients_1", 10, 0), ("clients_1", 10, 1), ("price_1_maandelijks", 30, 0),
                   ("benefit_2_share", 0, 0)],
        [("clients: 8", "clients: 10\n    prices: {maandelijks: 30}"),
         ("minutes: 30, role: care_staff,", "minutes: 30, realisation: 0%, role: care_staff,")])
    inv = result.investment
    # 2027: aanschaf 10 x 330 = 3.300 + 21 % 693; fee 10 x 12 x 30 = 3.600 + 756; training 1.220:
    # cost 9.569,00; cashable benefit 70 x 12 x 10 = 8.400: net -1.169,00. 2028: 3.600 + 756 = 4.356;
    # net 8.400 - 4.356 = 4.044,00
    assert [row.totals.net for row in result.per_year] == [Decimal("-1169.00"), Decimal("4044.00")]
    # NPV: -1.169 + 4.044 / 1,03 = -1.169 + 3.926,21 = 2.757,21
    assert inv.npv == inv.cash_npv == Decimal("2757.21")
    # IRR: 1 + r = 4.044 / 1.169 = 3,459367: r = 245,9367 %
    assert inv.irr == inv.cash_irr == Decimal("2.459367")
    # payback: month 1 -3.993 (aanschaf) - 363 (fee) - 1.220 (training) + 700 = -4.876; then
    # +700 - 363 = +337 a month: after month 15 -4.876 + 14 x 337 = -158, after month 16 +179
    assert inv.payback_month == inv.cash_payback_month == 16
    # cost per client per month: (9.569 + 4.356) / (10 x 24) = 58,02
    assert inv.cost_per_client_month.quantize(Decimal("0.01")) == Decimal("58.02")
    for name, expected in _expected(result).items():
        _same(name, values[name], expected)
    _same_irr(values, result)
    assert values["payback_month"] == values["cash_payback_month"] == 16
    assert abs(values["irr"] - Decimal("2.459367")) <= Decimal("0.000001")


def test_decision_figures_when_the_budget_view_loses_its_irr(tmp_path):
    """The cashable benefit realised 0 %: the budget view's flows never change sign, so its IRR
    turns from 266,20 % into "niet zinvol" by formula and its payback is not within the horizon."""
    lo.require_soffice()
    path, before = _write(TWO_VIEWS, tmp_path)
    # the case as it stands: budget view NPV 2.419,64, IRR 266,2048 %, payback month 16; value view
    # NPV 22.916,73, no IRR (its flows never change sign), payback month 4
    assert (before.investment.cash_npv, before.investment.cash_irr, before.investment.cash_payback_month) == (
        Decimal("2419.64"), Decimal("2.662048"), 16)
    assert (before.investment.npv, before.investment.irr, before.investment.payback_month) == (
        Decimal("22916.73"), None, 4)
    values, result = _changed_two_views(
        tmp_path, [("benefit_1_share", 0, 0)],
        [("amount: 70, cashable: true,", "amount: 70, realisation: 0%, cashable: true,")])
    inv = result.investment
    # budget view: -7.666,88 and -3.252,48; NPV -7.666,88 - 3.252,48 / 1,03 = -7.666,88 - 3.157,75
    assert inv.cash_npv == Decimal("-10824.63") and inv.cash_irr is None and inv.cash_payback_month is None
    # value view: 10.400 - 7.666,88 = 2.733,12 and 10.400 - 3.252,48 = 7.147,52, both positive: no IRR;
    # month 1: -3.194,40 (aanschaf) - 271,04 (fee) - 1.220 (training) + 866,67 = -3.818,77, then
    # +866,67 - 271,04 = +595,63 a month: after month 7 -244,99, after month 8 +350,64: payback month 8
    assert inv.irr is None and inv.payback_month == 8
    for name, expected in _expected(result).items():
        _same(name, values[name], expected)
    _same_irr(values, result)
    assert "cash_irr" not in values and "cash_payback_month" not in values
    wb = load_workbook(lo.recalc(tmp_path / "changed.xlsx", tmp_path / "again"), data_only=True)
    sheet, ref = next(iter(wb.defined_names["cash_irr"].destinations))
    assert wb[sheet][ref.replace("$", "")].value == "niet zinvol"


@pytest.mark.parametrize("lang, part", [("nl", "6 mnd"), ("en", "6 mo.")])
def test_part_years_are_marked_in_tables_and_charts(lang, part, tmp_path):
    """examples/leefstijlmonitoring.yaml starts in July 2027 for 3 years: 2027 and 2030 hold 6 months.
    Year cells stay numbers (formulas use them) and show the months by number format; heads and the
    charts' categories carry the label."""
    path, result = _write(ROOT / "examples" / "leefstijlmonitoring.yaml", tmp_path, lang=lang)
    assert [(r.year, r.months) for r in result.per_year] == [(2027, 6), (2028, 12), (2029, 12), (2030, 6)]
    wb = load_workbook(path)
    summary = wb.worksheets[0]
    years = [(c.value, c.number_format) for c in summary["A"][4:8]]
    assert years == [(2027, f'0" ({part})"'), (2028, "General"), (2029, "General"), (2030, f'0" ({part})"')]
    for ws in wb.worksheets[2:5]:   # calculation, funding, benefits: the year column, wide enough to show it
        assert ws.column_dimensions["A"].width >= len(f"2027 ({part})"), ws.title
        for row in ws.iter_rows(min_row=2, max_col=1):
            if row[0].value == 2027:
                assert row[0].number_format == f'0" ({part})"', ws.title
    texts = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert f"2027 ({part})" in texts and f"2030 ({part})" in texts
    for chart in summary._charts:
        ref = chart.series[0].cat.strRef.f if chart.series[0].cat.strRef is not None else chart.series[0].cat.numRef.f
        col = ref.split("!")[1].split(":")[0].strip("$").rstrip("0123456789").strip("$")
        assert [summary[f"{col}{r}"].value for r in range(5, 9)] == [f"2027 ({part})", "2028", "2029",
                                                                       f"2030 ({part})"]


# the codes of the case file that a sheet must show in words; in English some codes are words too
# (share, none, case, base, rate, subsidy), so those are looked for in the Dutch workbook only
CODES = ({"care_staff", "key_user", "project_lead", "functional_admin", "data_analyst", "not_stated", "mid",
          "excl", "incl", "one_off", "per_new_unit", "at_removal", "avoided_cost", "hours_per_week", "EUR/h",
          "EUR/day", "supplier_claim", "pilot_measurement", "practice_example", "own_measurement"}
         | {"medication_dispenser", "lifestyle_monitoring", "cuddle_robot", "day_structure_robot", "hip_protection"})
DUTCH_CODES = CODES | {"case", "subsidy", "base", "none", "share", "rate", "assumption", "low", "high"}


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_no_sheet_shows_a_raw_code(case, tmp_path):
    """Roles, VAT statuses, price ends, sources, scenarios, needs and units are shown in words on every
    sheet, not as the codes of the case file: no cell is a code, nor holds one in brackets or after
    "behoefte". The sensitivity and simulation sheets' key column is the path in the case file."""
    for lang in ("nl", "en"):
        path, result = _write(case, tmp_path, lang=lang)
        # the estimate's warnings (bcalc.messages, as every output says them) may name a key of the case file
        warnings = [say(w, lang) for w in result.warnings]
        found = []
        for ws in load_workbook(path).worksheets:
            keys = ws.title in ("Gevoeligheid", "Simulatie", "Sensitivity", "Simulation")
            for row in ws.iter_rows():
                for c in row:
                    if not isinstance(c.value, str) or c.data_type == "f" or (keys and c.column == 2):
                        continue
                    v = c.value.strip()
                    if any(text in v for text in warnings):
                        continue
                    codes = DUTCH_CODES if lang == "nl" else CODES
                    if v in codes or any(f"({code})" in v or f"behoefte {code}" in v or f"need {code}" in v
                                         or re.search(rf"scenario {re.escape(code)}\b", v) for code in codes):
                        found.append((lang, ws.title, c.coordinate, v[:80]))
        assert not found, found[:10]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_every_sheet_prints_fitted_with_its_heads(case, tmp_path):
    """A4, fitted to one page wide, landscape only where the columns are wider than a portrait page,
    head rows repeated on every page; no text cut off by a filled cell to its right."""
    path, _ = _write(case, tmp_path)
    wb = load_workbook(path)
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (setup.fitToWidth, setup.fitToHeight, str(setup.paperSize)) == (1, 0, str(ws.PAPERSIZE_A4)), ws.title
        printed = (column_index_from_string(ws.print_area.split(":")[1].strip("$0123456789"))
                   if ws.print_area else ws.max_column)
        widths = {col: ws.column_dimensions[col].width or 8.43 for col in
                  {c.column_letter for row in ws.iter_rows(max_col=printed) for c in row if c.value is not None}}
        assert setup.orientation == ("landscape" if sum(widths.values()) > 100 else "portrait"), ws.title
        if ws.max_row > 1:
            assert ws.print_title_rows and ws.print_title_rows.startswith("$1:$"), ws.title
    for name in ("Samenvatting", "Berekening", "Per maand"):
        assert wb[name].page_setup.orientation == "landscape"
    assert wb["Samenvatting"].print_title_rows == "$1:$4"   # title, facts and the table's heads
    # the summary prints its table and charts, not the helper columns of the IRR and chart labels
    summary = wb["Samenvatting"]
    area = summary.print_area.replace("$", "").split("!")[-1]
    assert area.startswith("A1:O")
    assert any(c.value is not None for row in summary.iter_rows(min_col=17) for c in row)  # helpers exist
    chart_rows = [int(ch.anchor._from.row) + 1 for ch in summary._charts]
    assert chart_rows and int(area.split(":O")[1]) >= max(chart_rows) + 14  # a chart is ~14 rows high
    # the calculation sheet's description column is as wide as its longest description (to 70)
    calc = wb["Berekening"]
    longest = max(len(c.value) for c in calc["E"][1:] if isinstance(c.value, str))
    assert calc.column_dimensions["E"].width >= min(70, longest)


def test_a_subsidy_from_its_rules_and_the_parties_follow_changed_clients(tmp_path):
    """The parties case: 3 -> 30 sensors in the workbook. The grant's formula (50 % of the eligible costs
    of 2027, cut to max 1000) and the per-party sheet must then agree with the engine on the same change:
    eligible 156 + 32.76 + 400 (Medido) + 3000 + 630 + 500 + 105 (sensors) = 4823.76, 50 % = 2411.88 -> 1000."""
    lo.require_soffice()
    original = ROOT / "tests" / "cases" / "parties.yaml"
    path, before = _write(original, tmp_path)
    assert before.total.funding - sum(f.amount for f in before.funding if f.code != "subsidy") == Decimal("778.38")
    wb = load_workbook(path)
    _set_named(wb, "clients_2", 30, index=0)
    _set_named(wb, "clients_2", 30, index=1)
    _set_named(wb, "clients_2", 30, index=2)
    changed = tmp_path / "changed.xlsx"
    wb.save(changed)
    values = lo.named_values(lo.recalc(changed, tmp_path))
    case2 = tmp_path / "changed.yaml"
    case2.write_text(original.read_text(encoding="utf-8").replace("clients: 3", "clients: 30"), encoding="utf-8")
    result, _, _ = _estimate(case2)
    assert [f.amount for f in result.funding if f.code == "subsidy"] == [Decimal("1000.00")]
    for name, expected in _expected(result).items():
        assert name in values, f"{name} missing after recalculation"
        _same(name, values[name], expected)
