"""The pilot's actuals against the gate ahead of them: the case's own criteria (with the gate KPIs
``clients``, ``minutes_per_day`` and ``cost_per_client_month`` read as the measured KPIs) and the
thresholds bcalc computes for the gate, each checked against what the pilot measured.

Hand-worked, examples/pilot-opschaling.yaml with examples/actuals/pilot-opschaling-pilot.yaml
(January to April 2027, inside the pilot, whose gate is "Go/no-go opschaling"):
- clients in use in the last month (April): 11; the case's criterion is at least 10: met;
- minutes freed per client per day, weighted by client-days: (7 x 10 x 31 + 8,5 x 12 x 28 +
  9 x 12 x 31 + 9,5 x 11 x 30) / (10 x 31 + 12 x 28 + 12 x 31 + 11 x 30) = 11.509 / 1.348 = 8,5378;
- the price paid for huur: 624,00 + 748,80 + 768,00 + 704,00 = 2.844,80 for 10 + 12 + 12 + 11 = 45
  unit-months: 63,2178 per unit; planned 48 x 62,40 = 2.995,20, variance -150,40 = volume
  (45 - 48) x 62,40 = -187,20 + price 36,80.
"""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

from bcalc import app
from bcalc.core.actuals import GATE_KPI_MEASURED, check, case_criteria
import conftest

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "pilot-opschaling.yaml"
ACTUALS = ROOT / "examples" / "actuals" / "pilot-opschaling-pilot.yaml"


def _evaluation():
    loaded = app.load(CASE, None)
    return loaded, app.evaluate(loaded, ACTUALS)


def test_the_case_criterion_and_the_computed_thresholds_are_checked():
    loaded, ev = _evaluation()
    estimate = app.estimate(loaded)
    gate = next(g for g in estimate.gates if g.phase == 0)
    by = {(c.source, c.kpi): c for c in ev.criteria}
    own = by[("case", "clients_in_use")]
    assert (own.gate, own.minimum, own.value, own.status) == ("Go/no-go opschaling", 10, 11, "met")
    minutes = next(t for t in gate.thresholds if t.kpi == "minutes" and t.view == "value")
    got = by[("value", "minutes_freed_per_client_per_day")]
    assert got.minimum == minutes.value and got.status == "met"
    assert round(got.value, 12) == round(D(11509) / D(1348), 12)
    price = next(t for t in gate.thresholds if t.kpi == "price" and t.view == "value")
    paid = by[("value", "price:huur")]
    assert paid.maximum == price.value and paid.status == "met"
    assert round(paid.value, 12) == round(D("2844.80") / 45, 12)
    # the budget view has no threshold here (time freed stays in care: no money), so no criterion for it
    assert not [c for c in ev.criteria if c.source == "budget"]
    huur = next(ln for ln in ev.lines if ln.name == "huur")
    assert (huur.plan, huur.actual, huur.volume, huur.price) == (D("2995.20"), D("2844.80"), D("-187.20"),
                                                                  D("36.80"))


def test_a_gate_kpi_code_is_read_as_the_measured_kpi():
    loaded = app.load(CASE, None)
    criteria = case_criteria(loaded.case)
    assert criteria == [{"gate": "Go/no-go opschaling", "kpi": "clients_in_use", "min": 10, "max": None}]
    assert GATE_KPI_MEASURED["minutes_per_day"] == "minutes_freed_per_client_per_day"
    results = check([{"kpi": GATE_KPI_MEASURED["minutes_per_day"], "min": D(9)}],
                    {"minutes_freed_per_client_per_day": D("8.54")})
    assert results[0].status == "not_met"


def test_every_format_says_which_criteria_bcalc_computed():
    table = conftest.ok("evaluate", CASE, ACTUALS, env={**conftest.WIDE_ENV, "BCALC_LANG": "en"}).stdout
    assert table.count("Go/no-go opschaling (computed,") == 2     # minutes and price; the table folds the rest
    assert "value view)" in table
    data = json.loads(conftest.ok("evaluate", CASE, ACTUALS, "--format", "json").stdout)
    sources = sorted({c["source"] for c in data["criteria"]})
    assert sources == ["case", "value"]
    md = conftest.ok("evaluate", CASE, ACTUALS, "--format", "markdown").stdout
    assert md.count("| Go/no-go opschaling (berekend, waardeweergave) |") == 2
    en = conftest.ok("evaluate", CASE, ACTUALS, "--format", "markdown", "--lang", "en").stdout
    assert "| Go/no-go opschaling (computed, value view) | Minutes freed per client per day |" in en
