"""Benefits and the investment view, worked by hand."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from conftest import year_row

from bcalc.core.finance import irr, npv, payback_month

MEDIDO_BENEFIT = """
    case: Medido baten
    start: {start}
    years: {years}
    scenario: none
    indexation: {{prices: 0%, wages: {wages}, tariffs: 0%}}
    staff: {{care_staff: {{count: 10, rate: 45}}, project_lead: {{count: 1}}}}
    deployments:
      - product: medido
        clients: 40
    benefits:
      - label: Minder medicatierondes
        kind: time
        per: day
        minutes: 10
        role: care_staff
        realisation: {realisation}
        source: "Zorg voor Beter via VIG 2022 (domain facts 4)"
"""


def test_time_freed_counts_calendar_days_and_indexes_with_wages(run):
    # 40 clients x 10 minutes a day: 2027 has 365 days: 40 x 10 x 365 / 60 = 2.433,33 h x 45 = 109.500,00
    # 2028 is a leap year: 40 x 10 x 366 / 60 = 2.440 h x 45 x 1,05 (wages +5 % on 1 January) = 115.290,00
    r = run(MEDIDO_BENEFIT.format(start="2027-01", years=2, wages="5%", realisation="100%"))
    assert year_row(r, 2027).benefits == D("109500.00")
    assert year_row(r, 2028).benefits == D("115290.00")
    assert [b.hours.quantize(D("0.0001")) for b in r.benefits] == [D("2433.3333"), D("2440.0000")]
    assert r.total.net == r.total.funding + r.total.benefits - r.total.cost
    assert r.total.cashable == 0 and r.total.cash_net == -r.total.cost
    # only half of the freed time is really gained (Vilans: only visits that exist for the medication)
    half = run(MEDIDO_BENEFIT.format(start="2027-01", years=1, wages="0%", realisation="50%"))
    assert half.total.benefits == D("54750.00")


def test_avoided_cost_is_cashable_and_indexed_with_prices(run):
    # EUR 55 per client per month (domain facts 4), 40 clients: 26.400 a year; prices +2 % on 1 January 2028
    r = run("""
        case: Vermeden kosten
        start: 2027-01
        years: 2
        scenario: none
        indexation: {prices: 2%, wages: 0%, tariffs: 0%}
        staff: {care_staff: {count: 0}, project_lead: {count: 1}}
        deployments:
          - product: medido
            clients: 40
        benefits:
          - label: Netto besparing
            kind: avoided_cost
            per: month
            amount: 55
            cashable: true
            source: "Zorg voor Beter via VIG 2022"
    """)
    assert year_row(r, 2027).benefits == D("26400.00") == year_row(r, 2027).cashable
    assert year_row(r, 2028).benefits == D("26928.00")
    assert r.total.cash_net == r.total.funding + r.total.cashable - r.total.cost


def test_npv_irr_and_payback_on_hand_worked_flows():
    flows = [D(-1000), D(600), D(600)]
    # -1000 + 600 / 1,1 + 600 / 1,21 = 41,32
    assert npv(D("0.10"), flows).quantize(D("0.01")) == D("41.32")
    # 600 x^2 + 600 x - 1000 = 0 with x = 1 / (1 + r): x = 0,884437..., r = 13,0662 %
    rate, note = irr(flows)
    assert note == "" and abs(rate - D("0.130662")) < D("0.000002")
    assert irr([D(100), D(200)]) == (None, "never_changes_sign")
    assert irr([D(-100), D(250), D(-160)]) == (None, "changes_sign_more_than_once")
    assert payback_month([D(-100), D(30), D(30), D(30), D(30)]) == 5
    assert payback_month([D(-100), D(150), D(-80), D(40)]) == 4      # dips below zero again in month 3
    assert payback_month([D(-100), D(50)]) is None


def test_investment_in_the_estimate(run):
    r = run(MEDIDO_BENEFIT.format(start="2027-01", years=3, wages="0%", realisation="100%")
            .replace("scenario: none", "scenario: none\n    discount_rate: 4%"))
    inv = r.investment
    flows = [row.totals.net for row in r.per_year]
    assert inv.flows == tuple(flows)
    expected = flows[0] + flows[1] / D("1.04") + flows[2] / D("1.04") ** 2
    assert inv.npv == expected.quantize(D("0.01"))
    assert inv.irr is None and inv.irr_note == "never_changes_sign"
    assert inv.payback_month == 1
    assert inv.cost_per_client_month.quantize(D("0.0001")) == (r.total.cost / (40 * 36)).quantize(D("0.0001"))


def test_break_even_clients(run):
    # Vivago per client: 330 + 28 x 12 = 666 excl. VAT, 805,86 incl.; a fixed 10 h x 50 = 500 of training.
    # Avoided cost 70 a month = 840 per client: net(n) = 34,14 n - 500 -> 15 clients (14: -22,04; 15: +12,10)
    r = run("""
        case: Break-even
        start: 2027-01
        years: 1
        scenario: none
        staff:
          care_staff: {count: 10, rate: 50}
          functional_admin: {count: 0}
          data_analyst: {count: 0}
        deployments:
          - product: vivago
            clients: 5
        benefits:
          - label: Vermeden kosten
            kind: avoided_cost
            per: month
            amount: 70
    """)
    assert r.investment.break_even_clients == 15


def test_a_real_discount_rate_on_indexed_flows_is_flagged(run):
    r = run(MEDIDO_BENEFIT.format(start="2027-01", years=2, wages="5%", realisation="100%")
            .replace("scenario: none", "scenario: none\n    discount_rate: 2.25%"))
    assert any(w.code == "discount_real" for w in r.warnings)
    plain = run(MEDIDO_BENEFIT.format(start="2027-01", years=2, wages="0%", realisation="100%")
                .replace("scenario: none", "scenario: none\n    discount_rate: 2.25%"))
    assert not any(w.code == "discount_real" for w in plain.warnings)


@pytest.mark.parametrize("bad, message", [
    ("minutes: -5", "must not be negative"),
    ("realisation: 120%", "must be at most 100"),
    ("role: nurse", "is not one of"),
    ("deployment: 3", "there is no deployment 3"),
])
def test_bad_benefit_input_is_refused_with_its_line(tmp_path, catalogue, tariffs, bad, message):
    from bcalc.errors import InputError
    from bcalc.loader import load_case

    text = MEDIDO_BENEFIT.format(start="2027-01", years=1, wages="0%", realisation="100%")
    key = bad.split(":")[0]
    lines = [ln for ln in text.splitlines() if not ln.strip().startswith(key + ":")]
    lines.append(f"        {bad}")
    path = tmp_path / "case.yaml"
    import textwrap

    path.write_text(textwrap.dedent("\n".join(lines)), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_case(path, catalogue, tariffs)
    problems = [str(p) for p in exc.value.problems]
    assert any(f"benefits[0].{key}" in p and message in p and f"{path}:" in p for p in problems), problems
