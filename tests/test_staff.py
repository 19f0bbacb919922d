"""Staff per deployment, and hours and FTE per role per calendar year, worked by hand from seed 001.

The catalogue lines used (data/suppliers.yaml):
- Medido: "Training medewerkers, 1 uur per medewerker" (001:566), care_staff per head; "Projectleider
  zorgorganisatie, 4 uur per week gedurende 4 maanden" (001:567), per organisation.
- cMed Plus: implementation EUR 2.500 per organisation (001:533); "Training zorgteams" EUR 800 per team
  (001:534); training 2,5 uur per medewerker (001:535); project lead 8 uur per week gedurende 4 maanden
  (001:536), per organisation.
- In Balans: advisering EUR 1.500 per organisation (001:1371); 3-daagse scholing EUR 585 per
  key user (001:1372).
Hours per week over months: weeks per month are 52/12, so 4 h x 4 months = 4 x 52/12 x 4 = 69,33 h.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from conftest import invoke, line
from bcalc.core import estimate
from bcalc.loader import load_all

ROOT = Path(__file__).resolve().parents[1]
DISTRICTS = ROOT / "tests" / "cases" / "staff-per-district.yaml"


def lines_of(result, item: str, deployment: int):
    return [ln for ln in result.lines if ln.item == item and ln.deployment == deployment]


@pytest.fixture(scope="module")
def districts():
    catalogue, tariffs, case = load_all(DISTRICTS)
    return estimate(case, catalogue, tariffs)


def test_each_district_trains_its_own_heads(districts):
    r = districts
    # Medido, 1 h per head at EUR 50 (scenario none: no wage indexation):
    # Noord 12 x 1 x 50 = 600,00; Zuid 18 x 1 x 50 = 900,00 (charged although not the first Medido)
    noord = line(r, "training-medewerkers", 2027, deployment=0)
    zuid = line(r, "training-medewerkers", 2027, deployment=1)
    assert (noord.quantity, noord.excl_vat) == (D("12"), D("600.00"))
    assert (zuid.quantity, zuid.excl_vat) == (D("18"), D("900.00"))
    # cMed Plus Oost, its own 8 care staff and 2 teams: 8 x 2,5 = 20 h x 50 = 1.000,00; 2 x 800 = 1.600,00
    assert line(r, "training-medewerkers", 2027, deployment=2).excl_vat == D("1000.00")
    assert (line(r, "training-zorgteams", 2027, deployment=2).quantity,
            line(r, "training-zorgteams", 2027, deployment=2).excl_vat) == (D("2"), D("1600.00"))
    # West names no staff: it carries the organisation's 30 care staff and 5 teams for cMed Plus
    # (Oost, the first, counts its own): 30 x 2,5 = 75 h x 50 = 3.750,00; 5 x 800 = 4.000,00
    assert line(r, "training-medewerkers", 2027, deployment=3).excl_vat == D("3750.00")
    assert line(r, "training-zorgteams", 2027, deployment=3).excl_vat == D("4000.00")
    # training in 2027: 600 + 900 + 1.000 + 1.600 + 3.750 + 4.000 = 11.850,00; none in 2028
    assert [row.totals.training for row in r.per_year] == [D("11850.00"), D("0")]


def test_costs_per_organisation_stay_with_the_first_deployment(districts):
    r = districts
    # cMed Plus implementation EUR 2.500 once, with Oost (deployment 3), not with West
    assert line(r, "implementatie", 2027, deployment=2).excl_vat == D("2500.00")
    assert lines_of(r, "implementatie", 3) == []
    # Medido's "implementatie" is included (EUR 0), charged once with Noord
    assert lines_of(r, "implementatie", 1) == []
    # the project leads' hours (per organisation) only with the first of each product; the case
    # gives project_lead no rate, so no cost line: their hours are counted below, not valued
    for d in range(4):
        assert lines_of(r, "projectleider", d) == []
    assert r.total.internal == D("0")
    codes = [w.code for w in r.warnings]
    assert codes.count("shared_own") == 2 and "shared" not in codes
    shared = [w for w in r.warnings if w.code == "shared_own"]
    assert [(w.params["deployment"], w.params["counts"]) for w in shared] == [(2, "care_staff"), (4, "care_staff, teams")]


def test_hours_and_fte_per_role_per_year(districts):
    hours = {x.role: x for x in districts.staff_hours}
    assert list(hours) == ["care_staff", "project_lead"]
    care, lead = hours["care_staff"], hours["project_lead"]
    # care staff 2027: 12 + 18 + 20 + 75 = 125 h; FTE at the case's 1.600 h: 125 / 1.600 = 0,078125;
    # over the two years on average 125 / 1.600 / 2 = 0,0390625
    assert care.years == (2027, 2028) and care.hours == (D("125"), D("0")) and care.total_hours == D("125")
    assert care.fte == (D("0.078125"), D("0")) and care.average_fte == D("0.0390625")
    assert care.valued
    # project lead, not valued (no rate) but counted: Medido 4 x 52/12 x 4 = 832/12 h with Noord,
    # cMed Plus 8 x 52/12 x 4 = 1.664/12 h with Oost: 2.496/12 = 208 h; 208 / 1.600 = 0,13 FTE
    assert not lead.valued
    assert lead.hours == (D("208"), D("0")) and lead.fte == (D("0.13"), D("0")) and lead.average_fte == D("0.065")


def test_hours_table_in_json_csv_markdown_and_table():
    data = json.loads(invoke("estimate", DISTRICTS, "--format", "json").stdout)
    sh = data["staff_hours"]
    assert sh["hours_per_fte"] == "1600"
    care, lead = sh["roles"]
    assert care["per_year"] == [{"year": 2027, "hours": "125", "fte": "0.08"}, {"year": 2028, "hours": "0", "fte": "0"}]
    assert (care["total_hours"], care["average_fte"]) == ("125", "0.04")
    # 0,065 rounds half up to 0,07
    assert (lead["role"], lead["valued"], lead["total_hours"], lead["average_fte"]) == ("project_lead", False, "208", "0.07")

    text = invoke("estimate", DISTRICTS, "--format", "csv", "--lang", "en").stdout
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["Record"] == "staff_hours"]
    assert [(r["Year"], r["Months"], r["Role"], r["Hours"], r["FTE"]) for r in rows] == [
        ("2027", "12", "care_staff", "125", "0.08"), ("2028", "12", "care_staff", "0", "0"),
        ("2027", "12", "project_lead", "208", "0.13"), ("2028", "12", "project_lead", "0", "0")]

    md = invoke("estimate", DISTRICTS, "--format", "markdown", "--lang", "en").stdout
    assert "## Hours and FTE per role" in md
    assert "| Care staff | Hours | 125.00 | 0.00 | 125.00 |" in md
    assert "|  | FTE | 0.13 | 0.00 | 0.07 |" in md

    table = invoke("estimate", DISTRICTS).stdout
    assert "Uren en fte per rol" in table and "125,00" in table


def test_report_shows_the_hours_and_the_districts_staff(tmp_path):
    out = tmp_path / "report.md"
    assert invoke("report", DISTRICTS, "--md", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "### Uren en fte per rol" in text
    assert "| Zorgmedewerkers | uren | 125,00 | 0,00 | 125,00 |" in text
    assert "|  | fte | 0,13 | 0,00 | 0,07 |" in text
    assert "eigen personeel: zorgmedewerkers 8, teams 2" in text


def test_without_hours_per_fte_hours_are_shown_and_fte_is_not_invented(tmp_path):
    case = tmp_path / "case.yaml"
    case.write_text(DISTRICTS.read_text(encoding="utf-8").replace("hours_per_fte: 1600\n", ""), encoding="utf-8")
    data = json.loads(invoke("estimate", case, "--format", "json").stdout)
    assert data["staff_hours"]["hours_per_fte"] is None
    assert data["staff_hours"]["roles"][0]["per_year"][0] == {"year": 2027, "hours": "125", "fte": None}
    assert data["staff_hours"]["roles"][0]["average_fte"] is None
    assert "give hours_per_fte" in invoke("estimate", case, "--lang", "en").stdout
    rows = [r for r in csv.DictReader(io.StringIO(invoke("estimate", case, "--format", "csv", "--lang", "en").stdout))
            if r["Record"] == "staff_hours"]
    assert rows and all(r["FTE"] == "" for r in rows)


def test_without_deployment_staff_the_first_deployment_carries_everything(run):
    # The same four deployments without staff of their own: as before, every per-head and per-team
    # line counts the organisation's 30 care staff and 5 teams, once, with the first of each product.
    # Medido Noord 30 x 1 x 50 = 1.500,00; cMed Plus Oost 30 x 2,5 x 50 = 3.750,00 and 5 x 800 = 4.000,00
    text = DISTRICTS.read_text(encoding="utf-8")
    for own in ("    staff: {care_staff: {count: 12}}\n", "    staff:\n      care_staff: {count: 18}\n",
                "    staff: {care_staff: {count: 8}, teams: 2}\n"):
        assert own in text
        text = text.replace(own, "")
    r = run(text)
    assert line(r, "training-medewerkers", 2027, deployment=0).excl_vat == D("1500.00")
    assert line(r, "training-medewerkers", 2027, deployment=2).excl_vat == D("3750.00")
    assert line(r, "training-zorgteams", 2027, deployment=2).excl_vat == D("4000.00")
    for d in (1, 3):
        assert lines_of(r, "training-medewerkers", d) == [] and lines_of(r, "training-zorgteams", d) == []
    assert r.total.training == D("9250.00")
    # care staff hours: 30 + 75 = 105
    assert r.staff_hours[0].hours == (D("105"), D("0"))
    assert [w.code for w in r.warnings].count("shared") == 2


def test_items_per_head_use_the_districts_key_users(run):
    # In Balans in two districts with 2 and 3 key users of their own: scholing 2 x 585 = 1.170,00 and
    # 3 x 585 = 1.755,00 (001:1372); advisering EUR 1.500 once (001:1371), with the first
    r = run("""
        case: In Balans in twee wijken
        start: 2027-01
        years: 1
        scenario: none
        staff: {key_user: {count: 0, rate: 45}}
        deployments:
          - product: in-balans
            clients: 20
            staff: {key_user: {count: 2}}
          - product: in-balans
            clients: 20
            staff: {key_user: {count: 3}}
    """)
    assert line(r, "scholing", 2027, deployment=0).excl_vat == D("1170.00")
    assert line(r, "scholing", 2027, deployment=1).excl_vat == D("1755.00")
    assert line(r, "advisering", 2027, deployment=0).excl_vat == D("1500.00")
    assert lines_of(r, "advisering", 1) == []
    # no time line of In Balans is counted (001:1372 gives no hours per day): no hours table
    assert r.staff_hours == ()


def test_a_case_without_counted_time_has_no_hours_table(run):
    r = run("""
        case: Geen uren
        start: 2027-01
        years: 1
        deployments:
          - product: in-balans
            clients: 20
            quantities: {scholing: 2}
    """)
    assert r.staff_hours == ()


def test_a_choice_break_even_counts_the_districts_own_heads(catalogue, tariffs, run):
    # cContact for a district with 30 care staff of its own (the organisation's count is 0):
    # enterprise EUR 500 a month (001:2201) against essential EUR 9,50 per employee a month
    # (001:2202): essential 30 x 9,50 x 12 x 1,21 = 4.138,20; equal at 500 / 9,5 = 52,6 employees,
    # so enterprise is cheaper from 53, counted on the district's heads
    from bcalc.core.choices import choice_pricing
    from bcalc.core.engine import estimate as full

    r = run("""
        case: Beeldzorg in een wijk
        start: 2027-01
        years: 1
        scenario: none
        staff: {care_staff: {count: 0}}
        deployments:
          - product: ccontact
            clients: 10
            options: [enterprise]
            staff: {care_staff: {count: 30}}
    """)
    pricing = choice_pricing(r.case, catalogue, tariffs,
                             lambda c, p: full(c, catalogue, tariffs, prices=p, checks=False))
    cp = next(p for p in pricing if p.choice.id == "licentie")
    costs = {o.option: o.cost for o in cp.options}
    assert costs["essential"] == D("4138.20") and costs["enterprise"] == D("7260.00")
    (be,) = cp.break_evens
    assert (be.cheaper, be.than, be.driver, be.count) == ("enterprise", "essential", "care_staff", 53)
