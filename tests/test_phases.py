"""Phases of a case (pilot, scale-up, structural) and the gates between them.

Every figure is worked out by hand in the comments: scenario none (no indexation), VAT 21 % and nothing
recoverable, so a supplier line is quantity x price and its VAT 21 % of that.
"""

from __future__ import annotations

import json
from decimal import Decimal

from bcalc.core.engine import estimate
from bcalc.core.gates import rest_nets, with_clients, with_minutes, with_price
from bcalc.loader import load_case
from conftest import ENGLISH, WIDE_ENV, bad, line_of, ok, year_row

D = Decimal

# Vivago: EUR 330 per new unit (one-off), EUR 28 per unit per month (001:1127, 001:1131); its training is
# 1 h per care staff head (10 x 50 = 500), 8 h functional admin (x 60 = 480), 4 h per data analyst
# (x 60 = 240): 1.220,00 in the first month.
THREE = """\
case: Drie fasen
start: 2027-01
years: 2
scenario: none
staff:
  care_staff: {count: 10, rate: 50}
  functional_admin: {count: 1, rate: 60}
  data_analyst: {count: 1, rate: 60}
phases:
  - name: pilot
    months: 6
    gate: {label: Go/no-go opschaling}
  - name: opschaling
    months: 9
  - name: structureel
deployments:
  - product: vivago
    clients: {pilot: 10, opschaling: 25, structureel: 40}
funding:
  - {code: subsidy, label: Startsubsidie, amount: 2000, phase: pilot}
  - {code: H139, label: Ondersteuning, deployment: 1, hours_per_month: 1, tariff: 10, phase: [opschaling, structureel]}
benefits:
  - {label: Minder materiaal, kind: avoided_cost, per: month, amount: 5, cashable: true, phase: structureel}
"""


def _totals(row):
    t = row.totals
    return (t.one_off, t.recurring, t.training, t.vat, t.cost, t.funding, t.benefits, t.net)


def test_three_phases_by_hand(run):
    r = run(THREE)
    pilot, up, structural = r.per_phase
    assert [(p.name, p.first, p.months) for p in r.per_phase] == [("pilot", 0, 6), ("opschaling", 6, 9),
                                                                   ("structureel", 15, 9)]
    # pilot, 2027-01..06, 10 clients: 10 x 330 = 3.300; 10 x 28 x 6 = 1.680; training 1.220;
    # VAT (3.300 + 1.680) x 21 % = 1.045,80; cost 7.245,80; the subsidy 2.000 in month 1; net -5.245,80
    assert _totals(pilot) == (D("3300.00"), D("1680.00"), D("1220.00"), D("1045.80"), D("7245.80"), D("2000.00"),
                              D("0"), D("-5245.80"))
    # opschaling, 2027-07..2028-03, 25 clients: 15 new x 330 = 4.950 in 2027-07; 25 x 28 x 9 = 6.300;
    # VAT 11.250 x 21 % = 2.362,50; cost 13.612,50; H139 25 x 1 h x 10 x 9 = 2.250; net -11.362,50
    assert _totals(up) == (D("4950.00"), D("6300.00"), D("0"), D("2362.50"), D("13612.50"), D("2250.00"),
                           D("0"), D("-11362.50"))
    # structureel, 2028-04..12, 40 clients: 15 new x 330 = 4.950; 40 x 28 x 9 = 10.080; VAT 15.030 x 21 %
    # = 3.156,30; cost 18.186,30; H139 40 x 10 x 9 = 3.600; avoided 40 x 5 x 9 = 1.800 (cashable);
    # net 3.600 + 1.800 - 18.186,30 = -12.786,30
    assert _totals(structural) == (D("4950.00"), D("10080.00"), D("0"), D("3156.30"), D("18186.30"), D("3600.00"),
                                   D("1800.00"), D("-12786.30"))
    assert structural.totals.cash_net == D("-12786.30")
    # per calendar year: 2027 one-off 3.300 + 4.950 = 8.250, VAT 1.732,50; recurring 1.680 + 25 x 28 x 6
    # = 5.880, VAT 1.234,80; cost 8.250 + 5.880 + 1.220 + 2.967,30 = 18.317,30; funding 2.000 + 25 x 10 x 6
    # = 3.500
    y27 = year_row(r, 2027)
    assert (y27.one_off, y27.recurring, y27.vat, y27.cost, y27.funding) == (
        D("8250.00"), D("5880.00"), D("2967.30"), D("18317.30"), D("3500.00"))
    # 2028: one-off 4.950 (VAT 1.039,50); recurring 25 x 28 x 3 + 40 x 28 x 9 = 2.100 + 10.080 = 12.180
    # (VAT 2.557,80); cost 20.727,30; funding 25 x 10 x 3 + 3.600 = 4.350; benefits 1.800
    y28 = year_row(r, 2028)
    assert (y28.one_off, y28.recurring, y28.vat, y28.cost, y28.funding, y28.benefits) == (
        D("4950.00"), D("12180.00"), D("3597.30"), D("20727.30"), D("4350.00"), D("1800.00"))
    # the phases add up to the horizon: 7.245,80 + 13.612,50 + 18.186,30 = 39.044,60 = 18.317,30 + 20.727,30
    assert sum((p.totals.cost for p in r.per_phase), D(0)) == r.total.cost == D("39044.60")
    assert sum((p.totals.net for p in r.per_phase), D(0)) == r.total.net
    # client-months per phase: 10 x 6 + 25 x 9 + 40 x 9 = 645; cost per client month 39.044,60 / 645 = 60,53...
    assert r.investment.cost_per_client_month.quantize(D("0.01")) == D("60.53")


def test_phase_totals_add_up_to_the_horizon_within_the_rounding_rule(run):
    # a July start with daily VPT and a benefit per week: amounts that do not fall on cents. Per line
    # the phases differ from the calendar years by at most half a cent per phase and per year.
    r = run("""\
        case: Afronding
        start: 2027-07
        years: 3
        scenario: base
        staff:
          care_staff: {count: 7, rate: 47.13}
          functional_admin: {count: 1, rate: 61.07}
          data_analyst: {count: 1, rate: 58.9}
        phases:
          - {name: pilot, months: 5}
          - {name: opschaling, months: 13}
          - {name: structureel}
        deployments:
          - product: vivago
            clients: {pilot: 7, opschaling: 19, structureel: 23}
        funding:
          - {code: VPT, deployment: 1, day_rate: 163.37, technology_share: 1.7%}
        benefits:
          - {label: Tijd, kind: time, per: week, minutes: 13, role: care_staff, realisation: 65%}
        """)
    lines = 2 + 3 + 1 + 1    # two supplier lines, three time lines, one funding line, one benefit
    bound = D("0.005") * (len(r.per_phase) + len(r.per_year)) * lines
    for key in ("cost", "funding", "benefits", "net"):
        phased = sum((getattr(p.totals, key) for p in r.per_phase), D(0))
        assert abs(phased - getattr(r.total, key)) <= bound, key
    assert sum((p.months for p in r.per_phase), 0) == 36


def test_a_case_without_phases_computes_as_before(run):
    # the interface's worked check (section 5): Vivago for 25 clients, one year
    plain = run("""\
        case: Vivago
        start: 2027-01
        years: 1
        scenario: none
        staff:
          care_staff: {count: 30, rate: 50}
          functional_admin: {count: 1, rate: 50}
          data_analyst: {count: 2, rate: 50}
        deployments:
          - product: vivago
            clients: 25
        """)
    assert plain.per_phase == () and plain.gates == ()
    assert (plain.total.one_off, plain.total.recurring, plain.total.training, plain.total.vat, plain.total.cost) == (
        D("8250.00"), D("8400.00"), D("2300.00"), D("3496.50"), D("22446.50"))
    # one phase over the whole horizon changes no figure, and has the same totals
    phased = run("""\
        case: Vivago
        start: 2027-01
        years: 1
        scenario: none
        staff:
          care_staff: {count: 30, rate: 50}
          functional_admin: {count: 1, rate: 50}
          data_analyst: {count: 2, rate: 50}
        phases:
          - {name: alles}
        deployments:
          - product: vivago
            clients: 25
        """)
    assert phased.total == plain.total and phased.per_year == plain.per_year
    assert phased.per_phase[0].totals == plain.total


def test_json_has_the_phases(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(THREE, encoding="utf-8")
    data = json.loads(ok("estimate", path, "--format", "json").stdout)
    assert [(p["phase"], p["first"], p["last"], p["months"]) for p in data["per_phase"]] == [
        ("pilot", "2027-01", "2027-06", 6), ("opschaling", "2027-07", "2028-03", 9),
        ("structureel", "2028-04", "2028-12", 9)]
    assert data["per_phase"][1]["cost"] == "13612.50" and data["per_phase"][2]["cash_net"] == "-12786.30"
    assert "per_phase" not in json.loads(ok("estimate", "--format", "json").stdout)


def test_table_has_the_phases(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(THREE, encoding="utf-8")
    out = ok("estimate", path, env={**WIDE_ENV, **ENGLISH}).stdout
    assert "Per phase" in out and "opschaling 2027-07..2028-03" in out and "13,612.50" in out
    assert "Per fase" in ok("estimate", path).stdout


# ---- gates ----------------------------------------------------------------------------------------

# An own sensor at EUR 30 a unit a month and EUR 100 a month for the organisation (both excl. VAT);
# 10 clients in the pilot (months 1-6), 20 after it (months 7-12). One hour freed per client per month
# for care staff at EUR 50 (not cashable): EUR 50 per client per month.
GATED = """\
case: Gate
start: 2027-01
years: 1
scenario: none
staff:
  care_staff: {count: 10, rate: 50}
products:
  - id: sensor
    name: Sensor
    supplier: Leverancier X
    need: monitoring
    source: "Offerte X 2026-10-01"
    items:
      - {id: huur, label: Huur sensor, amount: 30, vat: excl, basis: unit, timing: monthly, category: recurring,
         source: "Offerte X 2026-10-01"}
      - {id: beheer, label: Beheer, amount: 100, vat: excl, basis: organisation, timing: monthly,
         category: recurring, source: "Offerte X 2026-10-01"}
phases:
  - name: pilot
    months: 6
    gate:
      label: Go/no-go
      criteria:
        - {kpi: clients, min: 12}
        - {kpi: tevredenheid, min: 7.5, label: Tevredenheid, unit: cijfer}
  - name: opschaling
deployments:
  - product: sensor
    clients: {pilot: 10, opschaling: 20}
funding:
  - {code: subsidy, label: Pilotsubsidie, amount: 3000, phase: pilot}
benefits:
  - {label: Tijd, kind: time, per: month, minutes: 60, role: care_staff}
"""


def _threshold(result, kpi, view):
    return next(t for t in result.gates[0].thresholds if (t.kpi, t.view) == (kpi, view))


def _rest(catalogue, tariffs, case):
    return rest_nets(estimate(case, catalogue, tariffs, checks=False), 6)


def test_gate_thresholds_by_hand_and_by_running_again(tmp_path, catalogue, tariffs):
    path = tmp_path / "case.yaml"
    path.write_text(GATED, encoding="utf-8")
    case = load_case(path, catalogue, tariffs)
    r = estimate(case, catalogue, tariffs)
    gate = r.gates[0]
    # the rest (months 7-12, the subsidy and the pilot are sunk): per client 6 x (50 - 30 x 1,21) = 82,20,
    # fixed 6 x 100 x 1,21 = 726: value net 20 x 82,20 - 726 = 918; budget (time is not cash) -(20 x 217,80
    # + 726) = -5.082
    assert (gate.name, gate.label, gate.rest_first) == ("pilot", "Go/no-go", 6)
    assert (gate.rest_net, gate.rest_cash_net) == (D("918"), D("-5082"))
    # clients: 82,20 N >= 726 from N = 9 (739,80); 8 gives 657,60 - 726 < 0
    clients = _threshold(r, "clients", "value")
    assert (clients.code, clients.value, clients.current) == ("ok", D(9), D(20))
    assert _rest(catalogue, tariffs, with_clients(case, 0, 9))[0] == D("13.8")
    assert _rest(catalogue, tariffs, with_clients(case, 0, 8))[0] == D("-68.4")
    assert _threshold(r, "clients", "budget").code == "never"
    # minutes: 20 clients x 6 months x m/60 h x 50 = 100 m against 20 x 6 x 36,30 + 726 = 5.082: m = 50,82
    minutes = _threshold(r, "minutes", "value")
    assert (minutes.code, minutes.value, minutes.per, minutes.current) == ("ok", D("50.82"), "month", D(60))
    assert abs(_rest(catalogue, tariffs, with_minutes(case, minutes.value))[0]) < D("0.01")
    assert _rest(catalogue, tariffs, with_minutes(case, minutes.value - D("0.1")))[0] < 0   # 10 short
    assert _threshold(r, "minutes", "budget").code == "no_effect"
    # price of the rent (the largest recurring item): 20 x 6 x 50 - 726 - 20 x 6 x 1,21 p = 0, so
    # p = 5.274 / 145,20 = 36,3223140..., kept to six places rounded down
    price = _threshold(r, "price", "value")
    assert (price.code, price.item, price.value, price.current) == ("ok", "huur", D("36.322314"), D(30))
    assert D(0) <= _rest(catalogue, tariffs, with_price(case, "huur", price.value))[0] < D("0.01")
    assert _rest(catalogue, tariffs, with_price(case, "huur", price.value + D("0.01")))[0] < 0
    assert _threshold(r, "price", "budget").code == "never"   # the budget loses 726 even with free sensors
    assert [c.kpi for c in gate.criteria] == ["clients", "tevredenheid"]


def test_gate_in_words(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(GATED, encoding="utf-8")
    nl = ok("estimate", path).stdout
    assert "Opschaling loont (waardeweergave) als de pilot minstens 50,9 minuten per cliënt per maand vrijmaakt" in nl
    assert "Opschaling loont (waardeweergave) met minstens 9 cliënten in gebruik per inzet" in nl
    assert "Eigen criterium: Tevredenheid minstens 7,5 cijfer." in nl
    # the case's own clients criterion beside the 9 clients computed above
    assert "Eigen criterium: cliënten in gebruik aan het eind van de fase minstens 12 (berekend, waardeweergave: " \
           "minstens 9 nodig)." in nl
    en = ok("estimate", path, env={**WIDE_ENV, **ENGLISH}).stdout
    assert "Opschaling pays off (value view) if the price of Huur sensor is at most €36.32 a month" in en
    data = json.loads(ok("estimate", path, "--format", "json").stdout)
    gate = data["gates"][0]
    assert gate["rest_net"] == "918.00" and gate["thresholds"][0] == {
        "kpi": "clients", "view": "value", "code": "ok", "value": "9", "current": "20"}
    assert gate["criteria"][1] == {"kpi": "tevredenheid", "min": "7.5", "max": None, "label": "Tevredenheid",
                                   "unit": "cijfer", "computed": False}


# ---- bad input ------------------------------------------------------------------------------------

BASE = """\
case: Fout
start: 2027-01
years: 2
phases:
  - name: pilot
    months: 6
    gate: {label: Go}
  - name: rest
deployments:
  - product: vivago
    clients: {pilot: 10, rest: 20}
"""


def _bad(tmp_path, text: str, fragment: str, field: str, message: str):
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    result = bad("estimate", path)
    line = line_of(path, fragment)
    assert f"{path}:{line}: {field}: " in result.stderr, result.stderr
    assert message in result.stderr, result.stderr
    return result


def test_bad_phases(tmp_path):
    _bad(tmp_path, BASE.replace("    months: 6\n", ""), "- name: pilot", "phases[0]",
         "needs months: only the last phase runs to the end of the horizon")
    _bad(tmp_path, BASE.replace("  - name: rest", "  - name: Pilot"), "- name: Pilot", "phases[1].name",
         "phase 'Pilot' is named twice")
    _bad(tmp_path, BASE.replace("months: 6", "months: 30"), "phases:", "phases",
         "the last phase needs at least one month")
    _bad(tmp_path, BASE.replace("  - name: rest", "  - name: rest\n    months: 12"), "months: 12",
         "phases[1].months", "18 months are left")
    _bad(tmp_path, BASE.replace("  - name: rest", "  - name: rest\n    gate: {}"), "gate: {}",
         "phases[1].gate", "the last phase has no gate")
    _bad(tmp_path, BASE.replace("months: 6", "months: zes"), "months: zes", "phases[0].months", "")
    _bad(tmp_path, BASE.replace("    months: 6\n", "    months: 6\n    duur: 3\n"), "duur: 3",
         "phases[0].duur", "unknown field")


def test_bad_gate_criteria(tmp_path):
    def with_criteria(text):
        return BASE.replace("gate: {label: Go}", "gate:\n      criteria:\n        - " + text)
    _bad(tmp_path, with_criteria("{kpi: clients, min: 10, max: 20}"), "kpi: clients", "phases[0].gate.criteria[0]",
         "give either min or max")
    _bad(tmp_path, with_criteria("{kpi: clients, max: 20}"), "kpi: clients", "phases[0].gate.criteria[0].max",
         "clients is a minimum: give min")
    _bad(tmp_path, with_criteria("{kpi: cost_per_client_month, min: 20}"), "kpi: cost",
         "phases[0].gate.criteria[0].min", "cost_per_client_month is a maximum: give max")
    _bad(tmp_path, with_criteria("{kpi: client, min: 20}"), "kpi: client", "phases[0].gate.criteria[0].kpi",
         "unknown kpi 'client'; did you mean 'clients'?")
    _bad(tmp_path, with_criteria("{min: 20}"), "min: 20", "phases[0].gate.criteria[0].kpi",
         "required field is missing")


def test_bad_phase_names(tmp_path):
    _bad(tmp_path, BASE.replace("{pilot: 10, rest: 20}", "{pilto: 10, rest: 20}"), "pilto",
         "deployments[0].clients.pilto", "unknown phase 'pilto'; did you mean 'pilot'?")
    _bad(tmp_path, BASE.replace("{pilot: 10, rest: 20}", "{pilot: 10}"), "{pilot: 10}",
         "deployments[0].clients", "gives no clients for phase rest")
    _bad(tmp_path, BASE.replace("{pilot: 10, rest: 20}", "{pilot: 10, rest: -2}"), "rest: -2",
         "deployments[0].clients.rest", "")
    _bad(tmp_path, BASE + "funding:\n  - {code: subsidy, amount: 100, phase: pliot}\n", "phase: pliot",
         "funding[0].phase", "unknown phase 'pliot'; did you mean 'pilot'?")
    _bad(tmp_path, BASE + "funding:\n  - {code: subsidy, amount: 100}\n", "code: subsidy", "funding[0]",
         "a subsidy needs year (contract year 1, 2, ...), or phase")
    _bad(tmp_path, BASE + "funding:\n  - {code: subsidy, amount: 100, year: 2, phase: pilot}\n", "year: 2",
         "funding[0].year", "contract year 2 starts in phase rest, not in pilot")
    _bad(tmp_path, BASE + "benefits:\n  - {label: T, kind: avoided_cost, per: month, amount: 1,\n"
                          "     phase: [pilot, strucureel]}\n", "phase: [pilot",
         "benefits[0].phase[1]", "unknown phase 'strucureel'")
    _bad(tmp_path, BASE.replace("    clients: {pilot: 10, rest: 20}", "    clients: {pilot: 10, rest: 20}\n"
                                "    items:\n      - {id: pakket, label: P, amount: 5, basis: organisation,\n"
                                "         timing: one_off, category: one_off, source: x, phase: nul}"),
         "phase: nul", "deployments[0].items[0].phase", "unknown phase 'nul'")


def test_phase_keys_without_phases(tmp_path):
    plain = "case: Fout\nstart: 2027-01\nyears: 2\ndeployments:\n  - product: vivago\n    clients: {pilot: 10}\n"
    _bad(tmp_path, plain, "clients:", "deployments[0].clients", "clients per phase needs phases:")
    plain = ("case: Fout\nstart: 2027-01\nyears: 2\ndeployments:\n  - product: vivago\n    clients: 10\n"
             "funding:\n  - {code: subsidy, amount: 100, year: 1, phase: pilot}\n")
    _bad(tmp_path, plain, "phase: pilot", "funding[0].phase", "the case has no phases")


def test_csv_has_a_row_per_phase(tmp_path):
    import csv
    import io

    path = tmp_path / "case.yaml"
    path.write_text(THREE, encoding="utf-8")
    text = ok("estimate", path, "--format", "csv", env={**WIDE_ENV, **ENGLISH}).stdout
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["Record"] == "phase_total"]
    # the figures of test_three_phases_by_hand
    assert [(r["Label"], r["Code"], r["Months"], r["Cost"], r["Net"]) for r in rows] == [
        ("pilot", "2027-01..2027-06", "6", "7245.80", "-5245.80"),
        ("opschaling", "2027-07..2028-03", "9", "13612.50", "-11362.50"),
        ("structureel", "2028-04..2028-12", "9", "18186.30", "-12786.30")]


def test_yearly_and_removal_charges_at_phase_starts(catalogue, tariffs):
    from pathlib import Path

    case = load_case(Path(__file__).parent / "cases" / "phases-timings.yaml", catalogue, tariffs)
    r = estimate(case, catalogue, tariffs)
    # scenario base: prices rise 2,41 % at the anniversary (2028-07); the avoided cost indexes each 1 January
    # by the same 2,41 %. Start 2027-07: pilot 2027-07..12, opschaling 2028-01..12, afbouw 2029-01..06.
    # Vivago: 330 per new unit, 28 per unit a month; the case's own yearly 120 per unit, 50 per unit removed,
    # 40 a month for the organisation. Staff without rates: no training cost.
    pilot, up, down = r.per_phase
    # pilot: 10 x 330 = 3.300; yearly 10 x 120 = 1.200 in 2027-07, licence 6 x 40 = 240, rent 10 x 28 x 6
    # = 1.680: recurring 3.120
    assert (pilot.totals.one_off, pilot.totals.recurring) == (D("3300.00"), D("3120.00"))
    # opschaling: 20 new x 330 (contract year 1) = 6.600 in 2028-01; the 20 added units pay the yearly item
    # then: 20 x 120 = 2.400; contract year 2 (2028-07): 30 x 122,892 = 3.686,76, so 6.086,76; licence
    # 6 x 40 + 6 x 40,964 = 485,78; rent 30 x 28 x 6 + 30 x 28,6748 x 6 = 10.201,46: 16.774,00;
    # avoided 30 x 3 x 52 (weeks) x 1,0241 = 4.792,788 -> 4.792,79
    assert (up.totals.one_off, up.totals.recurring, up.totals.benefits) == (
        D("6600.00"), D("16774.00"), D("4792.79"))
    # afbouw: 10 units removed in 2029-01: 10 x 50 x 1,0241 = 512,05; licence 6 x 40,964 = 245,78; rent
    # 20 x 28,6748 x 6 = 3.440,98: 3.686,76; avoided 20 x 3 x 26 x 1,0241^2 = 1.636,097... -> 1.636,10
    assert (down.totals.one_off, down.totals.recurring, down.totals.benefits) == (
        D("512.05"), D("3686.76"), D("1636.10"))
    # the calendar years hold the same lines: 2028 is the opschaling exactly, 2029 the afbouw
    assert year_row(r, 2028).recurring == D("16774.00") and year_row(r, 2029).one_off == D("512.05")


def test_bad_phase_on_items(tmp_path):
    own = BASE + """\
products:
  - id: eigen
    name: Eigen
    supplier: X
    need: monitoring
    source: x
    items:
      - {id: huur, label: Huur, amount: 5, basis: unit, timing: monthly, category: recurring, source: x,
         phase: pilot}
"""
    _bad(tmp_path, own, "phase: pilot}", "products[0].items[0].phase", "only a deployment's own items take phase")
    _bad(tmp_path, BASE + "funding:\n  - {code: subsidy, amount: 100, phase: []}\n", "phase: []",
         "funding[0].phase", "the list is empty")
    _bad(tmp_path, BASE.replace("    clients: {pilot: 10, rest: 20}", "    clients: {pilot: 10, rest: 20}\n"
                                "    items:\n      - {id: kast, label: K, amount: 5, basis: unit, lifetime: 3,\n"
                                "         timing: per_new_unit, category: one_off, source: x, phase: rest}"),
         "phase: rest}", "deployments[0].items[0].phase", "an item with a lifetime is not restricted to phases")


def test_a_threshold_the_linear_solution_misses_is_found_by_bisection():
    from bcalc.core.gates import _settle

    # a net that jumps (a tier, a cap): -10 below 3,7 minutes, +5 from there; the linear guess 2 is off
    assert _settle(lambda x: D(-10) if x < D("3.7") else D(5), D(2), rising=True) == D("3.7")
    # a price: the net is 5 up to 12,50 and -3 above it; the guess 20 is off, the highest price is 12,50
    assert _settle(lambda p: D(5) if p <= D("12.5") else D(-3), D(20), rising=False) == D("12.5")
    # a guess within a cent of zero is taken as it is
    assert _settle(lambda x: (x - D("4.25")) * 100, D("4.25"), rising=True) == D("4.25")


def test_own_time_lines_restricted_to_phases(catalogue, tariffs):
    from pathlib import Path

    case = load_case(Path(__file__).parent / "cases" / "phases.yaml", catalogue, tariffs)
    r = estimate(case, catalogue, tariffs)
    # coordination, 4 h a week for 6 months from the start of the opschaling (2027-07): 4 x 52/12 x 6 = 104 h
    # x 50 = 5.200 in 2027-07..12; the evaluation, 10 h once, in the first month of the structural phase
    # (2028-04): 10 x 50 = 500. Scenario none: no wage indexation.
    assert [p.totals.internal for p in r.per_phase] == [D("0"), D("5200.00"), D("500.00")]
    assert (year_row(r, 2027).internal, year_row(r, 2028).internal) == (D("5200.00"), D("500.00"))
    care = next(h for h in r.staff_hours if h.role == "care_staff")
    assert care.hours == (D(10) + D(104), D(10))   # the Vivago training of 10 heads x 1 h, then the evaluation


def test_bad_phase_on_time_lines(tmp_path):
    _bad(tmp_path, BASE.replace("    clients: {pilot: 10, rest: 20}", "    clients: {pilot: 10, rest: 20}\n"
                                "    time:\n      - {id: coord, label: C, role: care_staff, hours: 5,\n"
                                "         category: internal, source: x, phase: pilto}"),
         "phase: pilto", "deployments[0].time[0].phase", "unknown phase 'pilto'; did you mean 'pilot'?")
