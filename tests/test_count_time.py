"""Time lines the catalogue records but does not count, counted by a case as its own staff's time
(``count_time``), worked by hand from seed 001."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from conftest import line
from bcalc.core import estimate
from bcalc.messages import say
from bcalc.loader import load_all

ROOT = Path(__file__).resolve().parents[1]

COACH = """\
case: Coach
start: 2027-01
years: 3
scenario: none
staff:
  care_staff: {count: 10, rate: 50}
  project_lead: {count: 1, rate: 80}
deployments:
  - product: buurtcirkel
    clients: 12
    prices: {facilitering: 1000}
"""


def test_coach_is_not_counted_unless_the_case_says_so(run):
    # the catalogue's own count: project lead 200 h x 80 = 16.000 (001:2874); no coach hours
    r = run(COACH)
    assert r.total.internal == D("16000.00")
    assert not [ln for ln in r.lines if ln.item.startswith("buurtcirkelcoach")]


def test_own_buurtcirkelcoach_12_then_8_hours_a_week(run):
    # 001:2874-2875: "gedurende 6 maanden gemiddeld 12 uur per week en daarna gemiddeld 8 uur per week";
    # a month is 52/12 weeks: year 1 = 12 x 26 + 8 x 26 = 312 + 208 = 520 h x 50 = 26.000,00.
    # 001:2878 (vervolgjaren): 8 h x 52 weeks = 416 h x 50 = 20.800,00 in 2028 and in 2029.
    r = run(COACH + """\
    count_time: {buurtcirkelcoach-jaar-1: care_staff, buurtcirkelcoach-vervolgjaren: care_staff}
""")
    assert line(r, "buurtcirkelcoach-jaar-1", 2027).excl_vat == D("26000.00")
    assert not [ln for ln in r.lines if ln.item == "buurtcirkelcoach-vervolgjaren" and ln.year == 2027]
    assert line(r, "buurtcirkelcoach-vervolgjaren", 2028).excl_vat == D("20800.00")
    assert line(r, "buurtcirkelcoach-vervolgjaren", 2029).excl_vat == D("20800.00")
    assert r.total.internal == D("16000.00") + D("26000.00") + 2 * D("20800.00")


def test_in_balans_course_days_at_the_case_hours_per_day(run):
    # 001:1372 "3-daagse scholing ... per deelnemer": 3 days x 7,5 h (the case's hours_per_day)
    # x 2 key users x 60 = 2.700,00 of training time, beside the course fee 2 x 585 = 1.170,00.
    r = run("""\
case: In Balans
start: 2027-01
years: 1
scenario: none
staff:
  key_user: {count: 2, rate: 60}
deployments:
  - product: in-balans
    clients: 10
    count_time: {scholing-deelnemers: key_user}
    hours_per_day: 7.5
""")
    assert line(r, "scholing-deelnemers", 2027).excl_vat == D("2700.00")
    assert r.total.training == D("1170.00") + D("2700.00")
    own = [w for w in r.warnings if w.code == "own_time"]
    assert len(own) == 1 and own[0].params["role"] == "key_user" and own[0].source == "001:1372"
    assert "7,5 uur per dag" in say(own[0], "nl") and "7.5 hours a day" in say(own[0], "en")


def test_tom_buddies_day_part_in_a_named_role(run):
    # 001:1381-1382 "een dagdeel basistraining TOM voor TOM-maatjes": 1 dagdeel x 4 h (the case's
    # hours_per_day_part) x 5 care staff (the role the case names) x 40 = 800,00.
    r = run("""\
case: TOM
start: 2027-01
years: 1
scenario: none
staff:
  care_staff: {count: 5, rate: 40}
deployments:
  - product: tom
    clients: 10
    count_time: {basistraining-tom-maatjes: care_staff}
    hours_per_day_part: 4
""")
    assert line(r, "basistraining-tom-maatjes", 2027).excl_vat == D("800.00")
    assert r.total.training == D("800.00")


def test_own_time_case_totals():
    cat, tariffs, case = load_all(ROOT / "tests" / "cases" / "own-time.yaml")
    r = estimate(case, cat, tariffs)
    # 2027: project lead 16.000 + coach 26.000 = 42.000; 2028 and 2029: coach 20.800 each
    assert r.total.internal == D("83600.00")
    # training: 2 x 585 + 3 x 7,5 x 2 x 60 = 1.170 + 2.700 = 3.870
    assert r.total.training == D("3870.00")
