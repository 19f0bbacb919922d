"""Owning versus leasing (bcalc.core.assets): units bought outright are bought again at the end of
their life, and an operating view (depreciation, interest, book value) stands beside the cash view.
Every figure here is worked out by hand in the comments."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import lo
from bcalc.app import report_of
from bcalc.cli import app
from bcalc.core import estimate
from bcalc.core.assets import bought
from bcalc.core.plan import Units
from bcalc.loader import load_all, load_case, load_catalogues
from bcalc.render import csvout, jsonout, xlsx

ROOT = Path(__file__).resolve().parents[1]
BUY = ROOT / "tests" / "cases" / "wolk-buy.yaml"
RENT = ROOT / "tests" / "cases" / "wolk-rent.yaml"
MIXED = ROOT / "tests" / "cases" / "owned-mixed.yaml"
D = Decimal
runner = CliRunner()


def _run(path: Path):
    cat, tariffs, case = load_all(path)
    return estimate(case, cat, tariffs), cat, tariffs


def _units(clients: list[int]) -> Units:
    new = [clients[0]] + [max(0, b - a) for a, b in zip(clients, clients[1:])]
    removed = [0] + [max(0, a - b) for a, b in zip(clients, clients[1:])]
    return Units(tuple(clients), tuple(clients), tuple(new), tuple(removed))


def test_units_bought_follow_ramp_up_and_drops_oldest_first():
    # constant 10, lifetime 2: bought in contract years 1, 3 and 5
    assert bought(_units([10] * 5), 2) == (10, 0, 10, 0, 10)
    # 10 then 20 then 30, lifetime 1: every unit is bought again each year, and the new ones on top
    assert bought(_units([10, 20, 30]), 1) == (10, 20, 30)
    # 10, 20, 30, 30, 30, lifetime 2: the first 10 again in year 3 (with 10 new), the second 10 in
    # year 4, the 20 of year 3 in year 5
    assert bought(_units([10, 20, 30, 30, 30]), 2) == (10, 10, 20, 10, 20)
    # 10, 20, 5, 5, lifetime 2: the drop to 5 returns the oldest (year 1's), so the 5 kept are year
    # 2's and are replaced in year 4, not in year 3
    assert bought(_units([10, 20, 5, 5]), 2) == (10, 10, 0, 5)
    # 10, 5, 10, lifetime 2: 5 of year 1's are still in use in year 3 and replaced, 5 new beside them
    assert bought(_units([10, 5, 10]), 2) == (10, 0, 10)
    # after an exit (no clients) nothing is bought again
    assert bought(_units([4, 4, 0, 0]), 2) == (4, 0, 0, 0)


def test_bought_wolk_replaced_after_its_lifetime_with_depreciation_and_interest(tmp_path):
    """WOLK bought outright, EUR 649 incl. VAT (001:1393), lifetime 2, residual EUR 49; clients
    10, 10, 15, 15, 15; prices +10 % a year; nothing recovered, so a unit costs the quoted price
    times the price factor; interest 6 % a year."""
    result, _, _ = _run(BUY)
    buys = [(ln.year, ln.quantity, ln.excl_vat + ln.vat) for ln in result.lines if ln.item == "aanschaf"]
    # 2027: 10 x 649 = 6.490,00; 2029 (year 3): 10 replaced + 5 new = 15 x 649 x 1,21 = 11.779,35;
    # 2031 (year 5): all 15 replaced, 15 x 649 x 1,4641 = 14.253,0135 -> 14.253,01
    assert buys == [(2027, D(10), D("6490.00")), (2029, D(15), D("11779.35")), (2031, D(15), D("14253.01"))]
    # without the lifetime the same case buys 10 in 2027 and 5 new in 2029: 6.490,00 + 3.926,45
    cat, tariffs = load_catalogues()
    text = BUY.read_text(encoding="utf-8").replace("    assets:\n      aanschaf: {lifetime: 2, residual: 49}\n", "")
    assert "assets" not in text
    plain = tmp_path / "plain.yaml"
    plain.write_text(text, encoding="utf-8")
    cash_only = estimate(load_case(plain, cat, tariffs), cat, tariffs)
    assert cash_only.total.cost == D("10416.45") and cash_only.operating is None

    op = result.operating
    # depreciation a month per unit = (cost - 49) / 24:
    #   bought 2027: (649 - 49) / 24 = 25,00 x 10 units x 12 months = 3.000,00 in 2027 and in 2028
    #   bought 2029: (785,29 - 49) / 24 = 30,67875 x 15 x 12 = 5.522,175 -> 5.522,18 in 2029 and 2030
    #   bought 2031: (950,2009 - 49) / 24 = 37,5500375 x 15 x 12 = 6.759,00675 -> 6.759,01 in 2031
    assert [r.depreciation for r in op.per_year] == [D("3000.00"), D("3000.00"), D("5522.18"), D("5522.18"),
                                                      D("6759.01")]
    # interest = units x 0,06 / 12 x (months x cost - (sum of months since purchase) x monthly depreciation):
    #   2027: 10 x 0,005 x (12 x 649 - 66 x 25) = 0,05 x 6.138 = 306,90
    #   2028: 0,05 x (7.788 - 210 x 25) = 0,05 x 2.538 = 126,90
    #   2029: 15 x 0,005 x (12 x 785,29 - 66 x 30,67875) = 0,075 x 7.398,6825 = 554,901... -> 554,90
    #   2030: 0,075 x (9.423,48 - 210 x 30,67875) = 0,075 x 2.980,9425 = 223,570... -> 223,57
    #   2031: 0,075 x (11.402,4108 - 66 x 37,5500375) = 0,075 x 8.924,108325 = 669,308... -> 669,31
    assert [r.interest for r in op.per_year] == [D("306.90"), D("126.90"), D("554.90"), D("223.57"), D("669.31")]
    # book value at the end (month 60): only the units of 2031 are still within their life:
    # 15 x (950,2009 - 12 x 37,5500375) = 15 x 499,60045 = 7.494,00675 -> 7.494,01
    assert op.book_value == D("7494.01")
    # operating cost 2027 = 6.490,00 - 6.490,00 + 3.000,00 + 306,90 = 3.306,90; 2028 = 0 + 3.000 + 126,90
    assert [r.operating_cost for r in op.per_year][:2] == [D("3306.90"), D("3126.90")]
    # over the horizon: depreciation 3.000 x 2 + 5.522,18 x 2 + 6.759,01 = 23.803,37; interest 1.881,58;
    # the purchases (32.522,36) leave, so the operating cost is 23.803,37 + 1.881,58 = 25.684,95
    assert (op.total.depreciation, op.total.interest, op.total.operating_cost) == \
        (D("23803.37"), D("1881.58"), D("25684.95"))
    assert op.total.purchases == result.total.cost == D("32522.36")


def test_part_years_recovered_vat_and_a_fixed_asset():
    """owned-mixed: start July 2027, 30 % of the VAT recovered, Vivago EUR 330 excl. (001:1127),
    lifetime 3, residual 30; the Abena Nova implementation EUR 10.000 (001:3951) as a 4-year asset."""
    result, _, _ = _run(MIXED)
    op = result.operating
    lines = {(ln.product, ln.year): ln for ln in op.lines}
    # Vivago clients 10, 25, 25, 15, 15, 20: bought 10 (2027-07), 15 (2028-07), none in year 3, none in
    # year 4 (the drop to 15 returns year 1's ten, due then), year 2's 15 again in year 5 (2031-07),
    # and 5 new in year 6 (2032-07)
    assert [lines[("vivago", y)].bought for y in range(2027, 2034)] == [10, 15, 0, 0, 15, 5, 0]
    # a unit bought in 2027 costs 330 x (1 + 21 % x 70 %) = 378,51; depreciated (378,51 - 30) / 36 a
    # month, for 10 units over July-December: 348,51 x 10 x 6 / 36 = 580,85
    assert lines[("vivago", 2027)].depreciation == D("580.85")
    # Abena Nova implementation: 10.000 x 1,147 = 11.470,00, 1/48 a month: 6 months in 2027 = 1.433,75,
    # 12 months in 2028 = 2.867,50; bought again at the start of contract year 5 (July 2031)
    assert lines[("abena-nova", 2027)].purchases == D("11470.00")
    assert (lines[("abena-nova", 2027)].depreciation, lines[("abena-nova", 2028)].depreciation) == \
        (D("1433.75"), D("2867.50"))
    assert [lines[("abena-nova", y)].bought for y in range(2027, 2034)] == [1, 0, 0, 0, 1, 0, 0]
    # no interest rate: no interest
    assert op.interest_rate is None and op.total.interest == 0


def test_outputs_show_the_operating_view_only_when_something_is_owned():
    result, _, _ = _run(BUY)
    data = jsonout.to_dict(result)
    assert data["operating"]["book_value"] == "7494.01"
    assert data["operating"]["total"]["operating_cost"] == "25684.95"
    records = {row["record"] for row in csvout.rows(result)}
    assert {"depreciation", "interest", "operating_year_total", "operating_total", "book_value"} <= records
    rent, _, _ = _run(RENT)
    assert rent.operating is None and "operating" not in jsonout.to_dict(rent)
    assert not {"depreciation", "operating_total"} & {row["record"] for row in csvout.rows(rent)}
    for fmt in ("table", "markdown"):
        res = runner.invoke(app, ["estimate", str(BUY), "--format", fmt, "--lang", "en"])
        assert res.exit_code == 0 and "Depreciation" in res.output and "7,494.01" in res.output, res.output
        res = runner.invoke(app, ["estimate", str(RENT), "--format", fmt, "--lang", "en"])
        assert res.exit_code == 0 and "Depreciation" not in res.output


def test_compare_buy_and_rent_shows_both_views():
    res = runner.invoke(app, ["compare", str(BUY), str(RENT), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    buy, rent = data["alternatives"]
    # rent: EUR 80 incl. a month (001:1399): 10 x 12 x 80 = 9.600; x 1,1 = 10.560; 15 x 12 x 80 x 1,21 =
    # 17.424; x 1,331 = 19.166,40; x 1,4641 = 21.083,04; together 77.833,44, all of it operating cost
    assert (buy["cost"], rent["cost"]) == ("32522.36", "77833.44")
    op_buy, op_rent = data["operating"]
    assert (op_buy["cost"], op_buy["depreciation"], op_buy["interest"], op_buy["book_value"]) == \
        ("25684.95", "23803.37", "1881.58", "7494.01")
    assert (op_rent["cost"], op_rent["depreciation"], op_rent["book_value"]) == ("77833.44", "0.00", "0.00")
    res = runner.invoke(app, ["compare", str(BUY), str(RENT), "--format", "markdown", "--lang", "en"])
    assert "Operating view over the horizon" in res.output and "€25,684.95" in res.output


def test_a_lifetime_in_the_catalogue_and_the_case_that_replaces_it(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    text = (data / "suppliers.yaml").read_text(encoding="utf-8")
    anchor = '        written: "€649"\n'
    assert text.count(anchor) == 1
    (data / "suppliers.yaml").write_text(text.replace(anchor, anchor + "        lifetime: 1\n"), encoding="utf-8")
    cat, tariffs = load_catalogues(data)
    case_text = BUY.read_text(encoding="utf-8").replace("    assets:\n      aanschaf: {lifetime: 2, residual: 49}\n", "")
    path = tmp_path / "case.yaml"
    path.write_text(case_text, encoding="utf-8")
    result = estimate(load_case(path, cat, tariffs), cat, tariffs)
    # lifetime 1 from the catalogue: every unit in use is bought each year, 10, 10, 15, 15, 15
    assert [ln.quantity for ln in result.lines if ln.item == "aanschaf"] == [10, 10, 15, 15, 15]
    # 649 a unit, no residual: 649 / 12 a month, so 10 units in 2027 depreciate 6.490,00
    assert result.operating.per_year[0].depreciation == D("6490.00")
    # the case's lifetime 2 replaces the catalogue's
    path.write_text(BUY.read_text(encoding="utf-8"), encoding="utf-8")
    result = estimate(load_case(path, cat, tariffs), cat, tariffs)
    assert [ln.quantity for ln in result.lines if ln.item == "aanschaf"] == [10, 15, 15]


@pytest.mark.parametrize("case", [BUY, MIXED, ROOT / "tests" / "cases" / "owned-quote-incl.yaml"],
                         ids=lambda p: p.stem)
def test_libreoffice_operating_view_equals_the_engine_to_the_cent(case, tmp_path):
    lo.require_soffice()
    result, cat, tariffs = _run(case)
    target = tmp_path / f"{case.stem}.xlsx"
    target.write_bytes(xlsx.render(report_of(result, cat, tariffs), "nl"))
    values = lo.named_values(lo.recalc(target, tmp_path))
    op = result.operating
    expected = {"total_cost": result.total.cost, "operating_book_value": op.book_value,
                "operating_total_cost": op.total.operating_cost, "operating_total_net": op.total.net,
                "operating_total_depreciation": op.total.depreciation, "operating_total_interest": op.total.interest,
                "operating_total_purchases": -op.total.purchases}
    for row in op.per_year:
        expected[f"operating_depreciation_{row.year}"] = row.depreciation
        expected[f"operating_interest_{row.year}"] = row.interest
        expected[f"operating_cost_{row.year}"] = row.operating_cost
    for name, value in expected.items():
        assert name in values, name
        assert values[name].quantize(D("0.01")) == value, (name, values[name], value)


def test_compare_within_a_case_drops_the_lifetime_for_another_product():
    """A lifetime is the case's assumption about its own device: another product is computed without it."""
    res = runner.invoke(app, ["compare", str(BUY), "--with", "wolk-huur", "--format", "json", "--lang", "en"])
    assert res.exit_code == 0, res.output
    own, rent = json.loads(res.output)["alternatives"]
    assert own["cost"] == "32522.36" and rent["cost"] == "77833.44"   # as worked out above
    assert any("lifetimes and residual values" in a for a in rent["assumptions"])
