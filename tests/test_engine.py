"""Hand-worked cases, one per pricing feature, with catalogue prices from seed 001."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from conftest import VIVAGO, line, year_row
from bcalc.messages import say



def test_vivago_worked_check_from_the_interface(run):
    # 25 x 330 = 8.250; 25 x 28 x 12 = 8.400; (30 x 1 + 8 + 2 x 4) h x 50 = 2.300;
    # VAT 16.650 x 21 % = 3.496,50; cost 22.446,50 (interface section 5)
    r = run(VIVAGO)
    t = r.total
    assert (t.one_off, t.recurring, t.training, t.internal) == (D("8250.00"), D("8400.00"), D("2300.00"), D("0"))
    assert t.vat == D("3496.50")
    assert t.cost == D("22446.50")
    assert line(r, "aanschaf", 2027).source == "001:1127"
    assert line(r, "maandelijks", 2027).quantity == 300  # unit-months


def test_medido_new_units_and_removals(run):
    # clients 20 -> 40 -> 30, no indexation.
    # 2027: installatie 20 x 39 = 780; huur 20 x 12 x 62,40 = 14.976
    # 2028: installatie 20 x 39 = 780; huur 40 x 12 x 62,40 = 29.952
    # 2029: ophalen 10 x 29 = 290;    huur 30 x 12 x 62,40 = 22.464
    r = run("""
        case: Medido
        start: 2027-01
        years: 3
        scenario: none
        staff: {care_staff: {count: 10, rate: 40}, project_lead: {count: 1, rate: 70}}
        deployments:
          - product: medido
            clients: [20, 40, 30]
    """)
    assert line(r, "installatie", 2027).excl_vat == D("780.00")
    assert line(r, "installatie", 2028).excl_vat == D("780.00")
    assert line(r, "ophalen", 2029).excl_vat == D("290.00")
    assert not [ln for ln in r.lines if ln.item == "ophalen" and ln.year != 2029]
    assert line(r, "huur", 2027).excl_vat == D("14976.00")
    assert line(r, "huur", 2028).excl_vat == D("29952.00")
    assert line(r, "huur", 2029).excl_vat == D("22464.00")
    # VAT per line, half-up: 14.976 x 0,21 = 3.144,96
    assert line(r, "huur", 2027).vat == D("3144.96")
    # Implementation is "Inclusief" (001:565): a zero line, no charge.
    assert line(r, "implementatie", 2027).excl_vat == D("0.00")
    # Training 10 x 1 h x 40 = 400; project lead 4 h/week x 4 months x 52/12 = 69,33 h x 70 = 4.853,33
    assert line(r, "training-medewerkers", 2027).excl_vat == D("400.00")
    assert line(r, "projectleider", 2027).excl_vat == D("4853.33")
    assert year_row(r, 2027).internal == D("4853.33")


def test_price_indexation_with_contract_cap(run):
    # huur 10 x 12 x 62,40 = 7.488 a year; prices +3 % a year, capped at 2 %:
    # year 2: 7.488 x 1,02 = 7.637,76; year 3: 7.488 x 1,0404 = 7.790,5152 -> 7.790,52
    case = """
        case: Cap
        start: 2027-01
        years: 3
        indexation: {prices: 3%, wages: 0%, tariffs: 0%}
        staff: {care_staff: {count: 0, rate: 40}, project_lead: {count: 1}}
        deployments:
          - product: medido
            clients: 10
            {cap}
    """
    capped = run(case.replace("{cap}", "index_cap: 2%"))
    assert [line(capped, "huur", y).excl_vat for y in (2027, 2028, 2029)] == [D("7488.00"), D("7637.76"), D("7790.52")]
    free = run(case.replace("{cap}", ""))
    # 7.488 x 1,03 = 7.712,64; x 1,0609 = 7.944,0192 -> 7.944,02
    assert [line(free, "huur", y).excl_vat for y in (2027, 2028, 2029)] == [D("7488.00"), D("7712.64"), D("7944.02")]
    assert any(w.code == "cap" for w in capped.warnings)


def test_mid_year_start_splits_calendar_years_and_indexes_at_the_anniversary(run):
    # Start July 2027, 2 years: 2027 has 6 months, 2028 has 12 (6 at the old, 6 at the new price),
    # 2029 has 6. huur 10 units: 6 x 10 x 62,40 = 3.744; indexed 3 %: 6 x 10 x 64,272 = 3.856,32
    r = run("""
        case: Juli
        start: 2027-07
        years: 2
        indexation: {prices: 3%, wages: 0%, tariffs: 0%}
        staff: {care_staff: {count: 0}, project_lead: {count: 1}}
        deployments:
          - product: medido
            clients: 10
    """)
    assert [row.year for row in r.per_year] == [2027, 2028, 2029]
    assert [row.months for row in r.per_year] == [6, 12, 6]
    assert line(r, "huur", 2027).excl_vat == D("3744.00")
    mixed = line(r, "huur", 2028)
    assert mixed.excl_vat == D("7600.32")
    assert mixed.unit_price is None and len(mixed.parts) == 2
    assert line(r, "huur", 2029).excl_vat == D("3856.32")


def test_wages_index_each_first_of_january(run):
    # Sensara project lead: 8 h/week for 6 weeks then 4 h/week for 6 weeks = 72 h, all in 2027.
    # Training care staff 2 h x 10 heads, key users 4 h x 2. Rate 70 (PL), 50 (others).
    r = run("""
        case: Sensara
        start: 2027-01
        years: 2
        indexation: {prices: 0%, wages: 10%, tariffs: 0%}
        staff:
          care_staff: {count: 10, rate: 50}
          key_user: {count: 2, rate: 50}
          project_lead: {count: 1, rate: 70}
        deployments:
          - product: sensara
            clients: 25
            prices: {abonnement: 150}
    """)
    assert line(r, "projectleider", 2027).excl_vat == D("5040.00")   # 72 x 70
    assert line(r, "projectleider", 2027).quantity == 72
    assert line(r, "training-medewerkers", 2027).excl_vat == D("1000.00")
    assert line(r, "training-key-users", 2027).excl_vat == D("400.00")
    assert year_row(r, 2028).training == 0


def test_project_lead_phase_across_new_year_uses_next_years_wage(run):
    # cMed Plus PL 8 h/week for 4 months from November 2027: Nov + Dec 2027, Jan + Feb 2028.
    # Hours per month 8 x 52/12 = 34,666...; 2027: 69,333 h x 70 = 4.853,33;
    # 2028: 69,333 h x 70 x 1,10 = 5.338,67
    r = run("""
        case: Nov
        start: 2027-11
        years: 1
        indexation: {prices: 0%, wages: 10%, tariffs: 0%}
        staff:
          care_staff: {count: 0}
          project_lead: {count: 1, rate: 70}
          teams: 1
        deployments:
          - product: cmed-plus
            clients: 1
    """)
    assert line(r, "projectleider", 2027).excl_vat == D("4853.33")
    assert line(r, "projectleider", 2028).excl_vat == D("5338.67")


def test_incl_vat_item_costs_exactly_its_quote(run):
    # WOLK all-in rent EUR 80 per client per month incl. VAT (001:1399): 5 x 12 x 80 = 4.800 incl.
    # excl = 4.800 / 1,21 = 3.966,94; VAT = 833,06; with nothing recoverable cost = 4.800,00.
    case = """
        case: Wolk
        start: 2027-01
        years: 1
        scenario: none
        vat: {recoverable: %s}
        deployments:
          - product: wolk-huur
            clients: 5
    """
    r0 = run(case % "0%")
    ln = line(r0, "huur", 2027)
    assert ln.quoted == "incl"
    assert ln.excl_vat == D("3966.94") and ln.vat == D("833.06")
    assert r0.total.cost == D("4800.00")
    r100 = run(case % "100%")
    assert r100.total.vat == 0 and r100.total.cost == D("3966.94")
    r50 = run(case % "50%")
    assert r50.total.vat == D("416.53")   # 833,06 x 0,5 = 416,53


def test_tessa_volume_tier_for_the_introduction_project(run):
    # Introductie project EUR 900 from 6 Tessa's (001:829), EUR 1.550 otherwise (001:831).
    case = """
        case: Tessa
        start: 2027-01
        years: 1
        scenario: none
        deployments:
          - product: tessa
            clients: %d
            options: [introductie]
    """
    assert line(run(case % 5), "introductieproject", 2027).excl_vat == D("1550.00")
    six = run(case % 6)
    intro = line(six, "introductieproject", 2027)
    assert intro.excl_vat == D("900.00") and intro.source == "001:829"
    # 6 robots: aanschaf 6 x 275, handling 6 x 125 (midpoint of 100-150), installation 6 x 50 (0-100),
    # system 6 x 365; one-off = 1.650 + 750 + 300 + 900 = 3.600
    assert six.total.one_off == D("3600.00")
    assert six.total.recurring == D("2190.00")


def test_price_ranges_low_mid_high(run):
    # Medido zorgcentrale EUR 10-15 per unit per month (001:569), 10 units for a year.
    case = """
        case: Zorgcentrale
        start: 2027-01
        years: 1
        scenario: none
        staff: {care_staff: {count: 0}, project_lead: {count: 1}}
        deployments:
          - product: medido
            clients: 10
            options: [zorgcentrale]
    """
    got = {end: line(run(case, prices=end), "zorgcentrale", 2027).excl_vat for end in ("low", "mid", "high")}
    assert got == {"low": D("1200.00"), "mid": D("1500.00"), "high": D("1800.00")}
    mid = run(case)
    assert any(w.code == "range" and "001:569" in say(w, "nl") for w in mid.warnings)


def test_negotiated_price_replaces_the_catalogue(run):
    r = run("""
        case: Offerte
        start: 2027-01
        years: 1
        scenario: none
        staff: {care_staff: {count: 0}, project_lead: {count: 1}}
        deployments:
          - product: medido
            clients: 10
            prices: {huur: 58.00}
    """)
    ln = line(r, "huur", 2027)
    assert ln.excl_vat == D("6960.00") and ln.source == "case"


def test_funding_hourly_vpt_and_subsidy(run):
    # H139: 20 x 1,5 h x 80 x 12 = 28.800; tariffs +2 % on 1 January 2028: 29.376.
    # VPT: 10 clients x 365 days x 165 x 2 % = 12.045 (2027); 2028 is a leap year:
    # 10 x 366 x 165 x 1,02 x 2 % = 12.319,56. Subsidy 25.000 in contract year 1.
    r = run("""
        case: Funding
        start: 2027-01
        years: 2
        indexation: {prices: 0%, wages: 0%, tariffs: 2%}
        staff: {care_staff: {count: 0}, project_lead: {count: 1}}
        deployments:
          - product: medido
            clients: 10
        funding:
          - code: H139
            clients: 20
            hours_per_month: 1.5
            tariff: 80.00
          - code: VPT
            clients: 10
            day_rate: 165.00
            technology_share: 2%
          - code: subsidy
            label: SET-subsidie
            amount: 25000
            year: 1
    """)
    amounts = {(f.code, f.year): f.amount for f in r.funding}
    assert amounts[("H139", 2027)] == D("28800.00")
    assert amounts[("H139", 2028)] == D("29376.00")
    assert amounts[("VPT", 2027)] == D("12045.00")
    assert amounts[("VPT", 2028)] == D("12319.56")
    assert amounts[("subsidy", 2027)] == D("25000.00")
    assert year_row(r, 2027).funding == D("65845.00")
    assert r.total.net == r.total.funding - r.total.cost


def test_cheapest_packs_of_cartridges(run):
    # WOLK cartridges EUR 75 (1), 175 (5), 250 (10) incl. VAT (001:1394): 4 a year -> one pack of 5.
    r = run("""
        case: Patronen
        start: 2027-01
        years: 1
        scenario: none
        deployments:
          - product: wolk-aanschaf
            clients: 1
            quantities: {patronen: 4}
    """)
    ln = line(r, "patronen-5", 2027)
    assert ln.quantity == 1 and ln.vat + ln.excl_vat == D("175.00")
    assert not [l for l in r.lines if l.item in ("patronen-1", "patronen-10")]


def test_daily_item_counts_calendar_days(run):
    # Abena Nova Wetsens EUR 3-5 per client per day (001:3966, garbled "€3€5"): midpoint 4.
    # 2028 is a leap year: 2 clients x 366 x 4 = 2.928
    r = run("""
        case: Nova
        start: 2028-01
        years: 1
        scenario: none
        staff: {care_staff: {count: 0}, project_lead: {count: 1}, teams: 1}
        deployments:
          - product: abena-nova
            clients: 2
    """)
    items = [l for l in r.lines if l.source == "001:3966"]
    assert len(items) == 1 and items[0].excl_vat == D("2928.00") and items[0].quantity == 732


def test_usd_price_needs_and_uses_an_exchange_rate(run):
    # Joy for all $99.99 via Amazon (001:847) at 0,90 EUR/USD: 2 x 89,991 = 179,982 -> 179,98
    r = run("""
        case: Kat
        start: 2027-01
        years: 1
        scenario: none
        fx: {USD: 0.90}
        deployments:
          - product: joy-for-all
            clients: 2
            options: [amazon]
    """)
    assert r.total.one_off == D("179.98")
    assert any(w.code == "fx" for w in r.warnings)


def test_follow_up_years_start_in_contract_year_two(run):
    # Buurtcirkel: year 1 EUR 35.000-40.000 one-off (001:2871); follow-up years EUR 22.500-27.500
    # a year from year 2 (001:2877). Midpoints: 37.500 and 25.000.
    r = run("""
        case: Buurtcirkel
        start: 2027-01
        years: 3
        scenario: none
        staff: {project_lead: {count: 1}}
        deployments:
          - product: buurtcirkel
            clients: 1
    """)
    assert year_row(r, 2027).one_off == D("37500.00") and year_row(r, 2027).recurring == 0
    assert year_row(r, 2028).recurring == D("25000.00")
    assert year_row(r, 2029).recurring == D("25000.00")
    assert any(w.code == "no_amount" for w in r.warnings)   # maatwerk facilitation (001:2879-2880)


def test_unvalued_hours_are_reported_not_hidden(run):
    r = run("""
        case: Uren
        start: 2027-01
        years: 1
        scenario: none
        staff: {care_staff: {count: 10}, project_lead: {count: 1}}
        deployments:
          - product: medido
            clients: 1
    """)
    assert r.total.training == 0 and r.total.internal == 0
    texts = " ".join(say(w, "nl") for w in r.warnings if w.code == "unvalued")
    assert "10,0 uur care_staff" in texts and "69,3 uur project_lead" in texts


@pytest.mark.parametrize("scenario", ["none", "low", "base", "high"])
def test_every_example_totals_are_sums_of_lines(scenario, catalogue, tariffs):
    from conftest import ROOT
    from bcalc.core import estimate
    from bcalc.loader import load_case

    for path in sorted((ROOT / "examples").glob("*.yaml")):
        r = estimate(load_case(path, catalogue, tariffs), catalogue, tariffs, scenario=scenario)
        assert r.total.cost == sum((row.totals.cost for row in r.per_year), D(0))
        assert r.total.cost == sum((ln.excl_vat + ln.vat for ln in r.lines), D(0))
        assert r.total.cost == sum((p.totals.cost for p in r.products), D(0))
