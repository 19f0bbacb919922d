"""The value view and the budget view with NPV, IRR and payback each (tests/cases/two-views.yaml).

Vivago for 8 clients, 2027-2028, no indexation (seed 001): aanschaf 8 x 330 = 2.640 + 554,40 VAT in
month 1 (001:1127); EUR 28 a month (001:1131): 8 x 28 = 224 + 47,04 = 271,04 a month; training in
month 1: 10 care staff x 1 h x 50 (001:1128) + 8 h x 60 (001:1129) + 4 h x 60 (001:1130) = 1.220.
Benefits (test inputs): avoided cost EUR 70 per client per month, cashable: 560 a month = 6.720 a
year; time freed 30 minutes per client per week at EUR 50, not cashable: 0,5 x 8 x 50 x 52 = 10.400 a year.

Budget view (cashable only): 2027 -3.194,40 - 1.220 - 12 x 271,04 + 6.720 = -946,88; 2028 -3.252,48
+ 6.720 = 3.467,52. NPV at 3 %: -946,88 + 3.467,52 / 1,03 = 2.419,64. IRR: 3.467,52 / 946,88 - 1 =
2,662048 (266,20 %). Payback: month 1 -4.125,44, then +288,96 a month: the cumulative turns >= 0 in
month 16 (-4.125,44 + 15 x 288,96 = 208,96; month 15: -80,00).
Value view: 2027 9.453,12; 2028 13.867,52; NPV 9.453,12 + 13.867,52 / 1,03 = 22.916,73; the flows never
change sign, so no IRR.
"""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

from conftest import invoke
from bcalc import app

CASE = Path(__file__).resolve().parent / "cases" / "two-views.yaml"


def test_budget_and_value_view_worked_by_hand():
    inv = app.estimate(app.load(CASE)).investment
    assert inv.flows == (D("9453.12"), D("13867.52"))
    assert inv.cash_flows == (D("-946.88"), D("3467.52"))
    assert (inv.npv, inv.cash_npv) == (D("22916.73"), D("2419.64"))
    assert inv.irr is None and inv.irr_note == "never_changes_sign"
    assert inv.cash_irr.quantize(D("0.000001")) == D("2.662048")
    assert inv.cash_payback_month == 16
    assert inv.payback_month < inv.cash_payback_month


def test_every_output_shows_the_budget_view(tmp_path):
    data = json.loads(invoke("estimate", CASE, "--format", "json").stdout)
    assert data["investment"]["budget_view"] == {"npv": "2419.64", "irr": "2.662048", "irr_note": None,
                                                 "payback_month": 16}
    text = " ".join(invoke("estimate", CASE).stdout.split())
    assert "Netto contante waarde, begrotingsweergave (alleen kasbaten): € 2.419,64" in text
    assert "Terugverdientijd, begrotingsweergave (alleen kasbaten): maand 16" in text
    md = tmp_path / "v.md"
    assert invoke("report", CASE, "--md", md).exit_code == 0
    body = md.read_text(encoding="utf-8")
    assert "| Netto contante waarde | € 22.916,73 (3 %) | € 2.419,64 |" in body
    assert "| Terugverdientijd | maand 4 | maand 16 |" in body


def test_the_terminal_names_both_views_and_says_which_is_which():
    # cost 10.919,36; all benefits 34.240,00 of which cashable 13.440,00, no funding:
    # value view 34.240,00 - 10.919,36 = 23.320,64; budget view 13.440,00 - 10.919,36 = 2.520,64
    lines = invoke("estimate", CASE).stdout.splitlines()
    value = next(line for line in lines if line.startswith("Netto, waardeweergave"))
    budget = next(line for line in lines if line.startswith("Netto, begrotingsweergave"))
    assert value.split()[-1] == "23.320,64" and budget.split()[-1] == "2.520,64"
    assert budget.split()[2:4] == ["-946,88", "3.467,52"]
    text = " ".join(invoke("estimate", CASE).stdout.split())
    assert "Begrotingsweergave: financiering plus kasbaten" in text
    english = " ".join(invoke("estimate", CASE, "--lang", "en").stdout.split())
    assert "Net, budget view -946.88 3,467.52 2,520.64" in english
    assert "Budget view: funding plus cashable benefits" in english
