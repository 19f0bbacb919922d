"""Funding that follows a deployment (``deployment: N`` on an hourly or VPT funding line).

The tariffs of 1062 and H139 are not in the sources (data/tariffs.yaml has none): every case here
gives its own ``tariff``, a case input made up for the test.

Hand-worked, tests/cases/linked-funding.yaml: start 2027-07, 3 years, no price indexation, tariffs
+2 % each 1 January (2027: 1, 2028: 1,02, 2029: 1,0404, 2030: 1,061208).
- 1062 follows Medido, 20 clients, exit after contract year 2: funded July 2027 to June 2029 only.
  2027 (Jul-Dec, contract year 1): 6 x 20 x 1,5 = 180 h x 60,00 = 10.800,00
  2028 (Jan-Jun year 1, Jul-Dec year 2): 12 x 20 x 1,5 = 360 h x 61,20 = 22.032,00
  2029 (Jan-Jun year 2; year 3 is after the exit): 180 h x 62,424 = 11.236,32
  2030: nothing. Total 44.068,32.
- H139 follows Sensara, clients [5, 10, 10] per contract year, 0,5 h a month at 80,00:
  2027: 6 x 5 x 0,5 = 15 h x 80 = 1.200,00; 2028: (6 x 5 + 6 x 10) x 0,5 = 45 h x 81,60 = 3.672,00;
  2029: 60 h x 83,232 = 4.993,92; 2030: 30 h x 84,89664 = 2.546,8992 -> 2.546,90. Total 12.412,82.
- VPT follows Sensara: 150,00 a day x 2 % = 3,00 a client-day.
  2027: 184 days x 5 = 920 x 3 = 2.760,00; 2028: 182 x 5 + 184 x 10 = 2.750 x 3,06 = 8.415,00;
  2029: 3.650 x 3,1212 = 11.392,38; 2030: 181 x 10 = 1.810 x 3,183624 = 5.762,359... -> 5.762,36.
  Total 28.329,74. All funding: 84.810,88.
"""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import pytest

from bcalc.core.engine import estimate
from bcalc.core.memo import Memo
from bcalc.core.scenarios import scenario_table
from bcalc.core.sensitivity import sensitivity
from bcalc.core.simulate import simulate
from bcalc.loader import load_case
from conftest import ok

ROOT = Path(__file__).resolve().parents[1]
LINKED = ROOT / "tests" / "cases" / "linked-funding.yaml"


@pytest.fixture(scope="module")
def linked(catalogue, tariffs):
    return load_case(LINKED, catalogue, tariffs)


def by_line(result) -> dict[int, dict[int, D]]:
    out: dict[int, dict[int, D]] = {}
    for f in result.funding:
        out.setdefault(f.index, {})[f.year] = f.amount
    return out


def test_funding_follows_its_deployment_through_an_exit_by_hand(linked, catalogue, tariffs):
    r = estimate(linked, catalogue, tariffs)
    lines = by_line(r)
    assert lines[0] == {2027: D("10800.00"), 2028: D("22032.00"), 2029: D("11236.32")}
    assert lines[1] == {2027: D("1200.00"), 2028: D("3672.00"), 2029: D("4993.92"), 2030: D("2546.90")}
    assert lines[2] == {2027: D("2760.00"), 2028: D("8415.00"), 2029: D("11392.38"), 2030: D("5762.36")}
    assert r.total.funding == D("84810.88")
    hours = {f.year: f.quantity for f in r.funding if f.index == 0}
    assert hours == {2027: D("180"), 2028: D("360"), 2029: D("180")}
    assert {f.deployment for f in r.funding} == {0, 1}
    # linked lines count no more clients than are in use: no over-count warning
    assert not [w for w in r.warnings if w.code == "funding_over_clients"]
    # every deployment has not stopped, but no line keeps clients of its own: no funding_exit notice
    assert not [w for w in r.warnings if w.code == "funding_exit"]


def test_json_says_which_deployment_a_funding_line_follows():
    out = json.loads(ok("estimate", LINKED, "--format", "json").stdout)
    follows = {(f["code"], f["year"]): f["deployment"] for f in out["funding"]}
    assert follows[("1062", 2027)] == 1 and follows[("H139", 2030)] == 2 and follows[("VPT", 2028)] == 2
    assert out["total"]["funding"] == "84810.88"


def test_a_scenario_stress_row_moves_linked_funding(linked, catalogue, tariffs):
    rows = {row.key: row for row in scenario_table(linked, catalogue, tariffs).rows}
    # exit-1: every deployment stops after contract year 1 (July 2027 - June 2028):
    # 1062: 10.800,00 + 6 x 20 x 1,5 = 180 h x 61,20 = 11.016,00 -> 21.816,00
    # H139: 1.200,00 + 15 h x 81,60 = 1.224,00 -> 2.424,00
    # VPT:  2.760,00 + 182 x 5 = 910 x 3,06 = 2.784,60 -> 5.544,60; together 29.784,60
    assert rows["exit-1"].totals.funding == D("29784.60")
    # half: Medido 10 clients, Sensara [2, 5, 5]
    # 1062: 5.400,00 + 11.016,00 + 5.618,16 = 22.034,16
    # H139: 6 h x 80 = 480,00; 21 h x 81,60 = 1.713,60; 30 h x 83,232 = 2.496,96; 15 h x 84,89664 = 1.273,45
    #       -> 5.964,01
    # VPT:  368 x 3 = 1.104,00; (364 + 920) x 3,06 = 3.929,04; 1.825 x 3,1212 = 5.696,19;
    #       905 x 3,183624 = 2.881,18 -> 13.610,41; together 41.608,58
    assert rows["half"].totals.funding == D("41608.58")


def test_a_sensitivity_client_swing_moves_linked_funding(linked, catalogue, tariffs):
    memo = Memo()
    base = estimate(linked, catalogue, tariffs, memo=memo)
    s = sensitivity(linked, catalogue, tariffs, base=base, memo=memo)
    row = next(r for r in s.rows if r.input.key == "deployments[0].clients")
    assert (row.input.low, row.input.high) == (16, 24)
    # 1062 at 16 Medido clients: 144 h x 60 = 8.640,00; 288 h x 61,20 = 17.625,60; 144 h x 62,424 = 8.989,06
    # -> 35.254,66; the Sensara lines (40.742,56) stay
    assert row.low.funding == D("75997.22")
    # at 24: 216 h x 60 = 12.960,00; 432 h x 61,20 = 26.438,40; 216 h x 62,424 = 13.483,58 -> 52.881,98
    assert row.high.funding == D("93624.54")


def test_simulate_moves_linked_funding_with_the_clients(linked, catalogue, tariffs):
    sim = simulate(linked, catalogue, tariffs, draws=200, seed=3, scope="prices",
                   vary=["deployments[0].clients=16:16:16"])
    stat = sim.stats["funding"]
    assert stat.p10 == stat.p50 == stat.p90 == D("75997.22")  # as the sensitivity's low end above


OVER = """\
    case: Financiering zonder cliënten
    start: 2027-01
    years: 2
    scenario: none
    staff:
      care_staff: {{count: 10, rate: 50}}
      project_lead: {{count: 1, rate: 70}}
    deployments:
      - product: medido
        clients: {clients}
    funding:
      - code: H139
        clients: {funded}
        hours_per_month: 1.5
        tariff: 80
"""


def test_funding_for_more_clients_than_are_in_use_is_flagged(run):
    r = run(OVER.format(clients=0, funded=120))
    # still booked as the case says: 120 x 1,5 x 12 x 80,00 = 172.800,00 a year, flagged
    assert r.total.funding == D("345600.00")
    (w,) = [w for w in r.warnings if w.code == "funding_over_clients"]
    assert w.params == {"funding": 1, "label": "H139", "year": 1, "clients": 120, "in_use": 0}


def test_the_over_count_names_the_first_contract_year_it_happens(run):
    r = run(OVER.format(clients="[20, 10]", funded=15))
    (w,) = [w for w in r.warnings if w.code == "funding_over_clients"]
    assert (w.params["year"], w.params["clients"], w.params["in_use"]) == (2, 15, 10)
    assert not [w for w in run(OVER.format(clients=20, funded=20)).warnings if w.code == "funding_over_clients"]


def test_the_over_count_warning_in_both_languages(tmp_path):
    import textwrap

    path = tmp_path / "case.yaml"
    path.write_text(textwrap.dedent(OVER.format(clients=0, funded=120)), encoding="utf-8")
    nl = ok("estimate", path).stdout
    en = ok("estimate", path, "--lang", "en").stdout
    assert "telt 120 cliënten in contractjaar 1" in " ".join(nl.split())
    assert "counts 120 clients in contract year 1, but only 0 units are in use" in " ".join(en.split())


SENSARA_1062 = """\
    case: Sensara via 1062
    start: 2027-01
    years: 3
    scenario: none
    staff:
      care_staff: {{count: 30, rate: 50}}
      key_user: {{count: 3, rate: 50}}
      project_lead: {{count: 1, rate: 70}}
    deployments:
      - product: sensara
        clients: 120
        prices: {{abonnement: 65}}
    funding:
      - code: 1062
        {follow}
        hours_per_month: 0.5
        tariff: 123
"""


@pytest.mark.parametrize("follow", ["deployment: 1", "clients: 120"])
def test_break_even_is_none_when_each_client_costs_more_than_it_brings(run, follow):
    # A Sensara system at 65,00 a month (a case price, VAT not stated: excl.) costs 65 x 1,21 x 12 = 943,80
    # a client-year; 1062 brings 0,5 h x 123,00 x 12 = 738,00. Fixed: training 30 x 2 h x 50 + 3 x 4 h x 50
    # = 3.600,00, project lead (8 h x 6 + 4 h x 6 weeks) x 70 = 5.040,00.
    # net(n) = -8.640,00 - 3 x 205,80 n: below zero for every n, and falling.
    r = run(SENSARA_1062.format(follow=follow))
    assert r.total.cost == D("348408.00")   # 3 x 120 x 943,80 + 8.640,00
    assert r.total.funding == D("265680.00")  # 3 x 120 x 738,00
    assert r.total.net == D("-82728.00")
    inv = r.investment
    # Before, the line with clients of its own kept its 120 clients at any number of clients in use and
    # break-even said 0 (88.560,00 a year of funding against 8.640,00 of fixed costs at no clients at all).
    assert inv.break_even_clients is None and inv.break_even_note == "loses_per_client"


def test_break_even_none_is_worded_everywhere(tmp_path):
    import textwrap

    path = tmp_path / "case.yaml"
    path.write_text(textwrap.dedent(SENSARA_1062.format(follow="deployment: 1")), encoding="utf-8")
    assert "geen: elke extra cliënt kost meer dan hij oplevert" in ok("estimate", path).stdout
    assert "none: each extra client costs more than it brings in" in ok("estimate", path, "--lang", "en").stdout
    assert "geen: elke extra cliënt kost meer dan hij oplevert" in ok("estimate", path, "--format", "markdown").stdout
    inv = json.loads(ok("estimate", path, "--format", "json").stdout)["investment"]
    assert inv["break_even_clients"] is None and inv["break_even_note"] == "loses_per_client"
    md, xlsx = tmp_path / "r.md", tmp_path / "r.xlsx"
    ok("report", path, "--md", md, "--xlsx", xlsx, "--lang", "en")
    assert "none: each extra client costs more than it brings in" in md.read_text(encoding="utf-8")
    from openpyxl import load_workbook

    texts = {c.value for ws in load_workbook(xlsx) for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert "none: each extra client costs more than it brings in" in texts


MEDIDO_1062 = """\
    case: Medido via 1062
    start: 2027-01
    years: 1
    scenario: none
    staff:
      care_staff: {{count: 10, rate: 50}}
      project_lead: {{count: 1, rate: 0}}
    deployments:
      - product: medido
        clients: 40
    funding:
      - code: 1062
        {follow}
        hours_per_month: 1.5
        tariff: 60
"""


@pytest.mark.parametrize("follow", ["deployment: 1", "clients: 40"])
def test_break_even_moves_funding_with_the_clients(run, follow):
    # A Medido client-year: rent 12 x 62,40 and installation 39,00, plus 21 % VAT; 1062 brings
    # 1,5 x 12 x 60,00 = 1.080,00. Fixed: training 10 x 1 h x 50 = 500,00 (the project lead at rate 0).
    # 3 clients: rent 2.246,40 + VAT 471,74, installation 117,00 + 24,57, training 500: 3.359,71 > 3.240,00
    # 4 clients: rent 2.995,20 + VAT 628,99, installation 156,00 + 32,76, training 500: 4.312,95 < 4.320,00
    r = run(MEDIDO_1062.format(follow=follow))
    assert r.investment.break_even_clients == 4


def test_the_workbook_keeps_linked_funding_live(tmp_path):
    """The linked lines' client counts are the deployment's client cells: no input of their own."""
    from openpyxl import load_workbook

    xlsx = tmp_path / "r.xlsx"
    ok("report", LINKED, "--xlsx", xlsx, "--lang", "en")
    book = load_workbook(xlsx)
    funding = book[next(n for n in book.sheetnames if n.lower().startswith("funding"))]
    formulas = [funding.cell(row, 4).value for row in range(2, funding.max_row + 1)]
    sheet, cells = book.defined_names["clients_1"].attr_text.split("!")
    first = f"{sheet}!{cells.split(':')[0]}"   # the Medido clients of contract year 1
    assert formulas[0].startswith(f"=(6*{first})*"), formulas[0]


def test_changed_clients_in_the_workbook_move_linked_funding_like_the_engine(tmp_path):
    """Change the clients of both deployments in the saved workbook; LibreOffice must then agree to
    the cent with the estimate of the case changed the same way, funding included."""
    import lo
    from openpyxl import load_workbook
    from test_report_xlsx import _estimate, _expected, _same, _set_named, _write

    lo.require_soffice()
    path, before = _write(LINKED, tmp_path)
    wb = load_workbook(path)
    _set_named(wb, "clients_1", 30, index=0)   # Medido, contract year 1: 20 -> 30
    _set_named(wb, "clients_2", 4, index=1)    # Sensara, contract year 2: 10 -> 4
    changed = tmp_path / "changed.xlsx"
    wb.save(changed)
    values = lo.named_values(lo.recalc(changed, tmp_path))

    text = LINKED.read_text(encoding="utf-8")
    text = text.replace("    clients: 20\n", "    clients: [30, 20, 20]\n").replace("[5, 10, 10]", "[5, 4, 10]")
    case2 = tmp_path / "changed.yaml"
    case2.write_text(text, encoding="utf-8")
    result, _, _ = _estimate(case2)
    # 1062 now: 2027 6 x 30 x 1,5 = 270 h x 60 = 16.200,00; 2028 (6 x 30 + 6 x 20) x 1,5 = 450 h x 61,20
    # = 27.540,00; 2029 6 x 20 x 1,5 = 180 h x 62,424 = 11.236,32
    assert [f.amount for f in result.funding if f.index == 0] == [D("16200.00"), D("27540.00"), D("11236.32")]
    assert result.total.funding != before.total.funding
    for name, expected in _expected(result).items():
        _same(name, values[name], expected)


def test_the_report_says_whose_clients_a_funding_line_counts(tmp_path):
    md = tmp_path / "r.md"
    ok("report", LINKED, "--md", md, "--lang", "en")
    text = md.read_text(encoding="utf-8")
    assert "| 2027 | 1062 | Thuiszorgtechnologie Medido | 180 hours × €60.00; clients of deployment 1 |" in text
