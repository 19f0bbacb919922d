"""The parts of the organisation's own case together, worked by hand (tests/cases/combined-own.yaml).

Catalogue lines used (data/suppliers.yaml, seed 001, price level 2021, not indexed to the start):
- Medido: installatie EUR 39 per new placement (001:563), huur EUR 62,40 a month (001:568),
  training 1 uur per medewerker (001:566), projectleider 4 uur per week gedurende 4 maanden (001:567).
- Vivago: aanschaf EUR 330 per new unit (001:1127), EUR 28 a month (001:1131), uitleg zorgteam 1 uur
  per zorgprofessional (001:1128), functioneel beheerder 8 uur (001:1129), data analyse 4 uur (001:1130).
Scenario base: prices +2,41 % per contract year from year 2, tariffs +4,948 % per calendar year from
2028. Start 2027-03, so 2027 holds 10 months of contract year 1 and 2028 two months of year 1 and ten
of year 2. VAT 21 %, nothing recovered.
"""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from bcalc.core import estimate
from bcalc.loader import load_all

CASE = Path(__file__).resolve().parent / "cases" / "combined-own.yaml"


@pytest.fixture(scope="module")
def result():
    catalogue, tariffs, case = load_all(CASE)
    return estimate(case, catalogue, tariffs)


def year(result, y):
    return next(r for r in result.per_year if r.year == y)


def test_first_year_costs(result):
    r = year(result, 2027)
    # one-off: own ECD link 3.500 (once, Noord only) + installatie 39 x (15 + 10) + Vivago 10 x 330
    #   = 3.500 + 975 + 3.300 = 7.775,00
    assert r.totals.one_off == D("7775.00")
    # recurring, 10 months: Noord quote 60,00 x 15 = 9.000; Zuid 62,40 x 10 = 6.240; Vivago 28 x 10 = 2.800
    assert r.totals.recurring == D("18040.00")
    # training: care staff 1 h x (14 Noord + 9 Zuid, their own) + 1 h x 40 (Vivago, the organisation's)
    #   = 63 h x 48 = 3.024; functioneel beheerder 8 h x 60 = 480; data-analist 4 h x 60 = 240 -> 3.744
    assert r.totals.training == D("3744.00")
    # project lead 4 x 52/12 x 4 = 69,33.. h x 72 = 4.992,00 (once: Zuid is Medido's second deployment)
    assert r.totals.internal == D("4992.00")


def test_second_year_prices_and_linked_funding(result):
    r = year(result, 2028)
    # Jan-Feb of year 1, Mar-Dec of year 2 at x 1,0241:
    #   Noord 2 x 15 x 60 + 10 x 25 x 60 x 1,0241 = 1.800 + 15.361,50 = 17.161,50
    #   Zuid  2 x 10 x 62,40 + 10 x 10 x 62,40 x 1,0241 = 1.248 + 6.390,384 -> 7.638,38
    #   Vivago 2 x 10 x 28 + 10 x 20 x 28 x 1,0241 = 560 + 5.734,96 = 6.294,96   -> 31.094,84
    assert r.totals.recurring == D("31094.84")
    # 1062 follows Noord's clients: 2027 10 x 15 x 1 h x 65 = 9.750,00;
    # 2028 at 65 x 1,04948 = 68,2162: (2 x 15 + 10 x 25) x 68,2162 = 280 x 68,2162 = 19.100,536 -> 19.100,54
    assert year(result, 2027).totals.funding == D("9750.00")
    assert r.totals.funding == D("19100.54")


def test_vivago_owned_replaced_depreciated_with_interest(result):
    buys = [(ln.year, ln.quantity, ln.excl_vat) for ln in result.lines if ln.item == "aanschaf"]
    # 10 in 2027; 10 new in 2028 (year 2 has 20 clients) at 330 x 1,0241 = 337,953 -> 3.379,53;
    # the 2027 units end their 3-year life: replaced at the start of year 4 (2030-03), 330 x 1,0241^3
    #   = 354,4387.. x 10 -> 3.544,39
    assert buys == [(2027, D(10), D("3300.00")), (2028, D(10), D("3379.53")), (2030, D(10), D("3544.39"))]
    op = result.operating
    # depreciation 2027: 3.993,00 incl. VAT / 36 months x 10 months = 1.109,1666 -> 1.109,17
    assert op.per_year[0].depreciation == D("1109.17")
    # interest 3 % a year on the book value at the start of each month, Mar-Dec 2027:
    #   0,0025 x (10 x 3.993 - 45 x 110,9166..) = 0,0025 x 34.938,75 = 87,346.. -> 87,35
    assert op.per_year[0].interest == D("87.35")


def test_hours_per_role(result):
    hours = {r.role: r for r in result.staff_hours}
    assert hours["care_staff"].hours[0] == D("63")
    # FTE 2027 over its 10 months: 63 / (1.536 x 10/12) = 0,04921..
    assert hours["care_staff"].fte[0].quantize(D("0.0001")) == D("0.0492")
    assert round(hours["project_lead"].total_hours, 2) == D("69.33")
