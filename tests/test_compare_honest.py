"""An honest comparison: a product whose source leaves a cost kind out is not called cheapest, and
staff hours are compared even when no role has a rate (seed 001).

- Billy-Billy: only a purchase of EUR 495 per robot (001:840), no
  recurring price and no time lines. Tessa and Robot-maatje have recurring prices; none of the three
  has time lines, so a missing time investment does not set one apart.
- Medido: training 1 uur per medewerker (001:566), project lead 4 uur per week gedurende 4 maanden
  (001:567); cMed Plus: training 2,5 uur per medewerker (001:535), project lead 8 uur per week
  gedurende 4 maanden (001:536). Weeks per month 52/12.
"""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from conftest import invoke
from bcalc import app


def _case(tmp_path, text: str):
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    return path


ROBOTS = ("case: Robots\nstart: 2027-01\nyears: 3\nscenario: none\nstaff:\n  care_staff: {count: 20}\n"
          "  key_user: {count: 2}\n  project_lead: {count: 1}\ndeployments:\n  - product: tessa\n    clients: 10\n")
DISPENSERS = ("case: Dispensers\nstart: 2027-01\nyears: 2\nscenario: none\nstaff:\n  care_staff: {count: 20}\n"
              "  project_lead: {count: 1}\n  teams: 2\ndeployments:\n  - product: medido\n    clients: 10\n")


def test_a_purchase_only_source_is_not_called_cheapest(tmp_path):
    loaded = app.load(_case(tmp_path, ROBOTS))
    found = app.compare_need(loaded.case, loaded.catalogue, loaded.tariffs, 0, ["tessa", "billy-billy", "robot-maatje"])
    cmp = found.comparison
    by_key = {a.key: i for i, a in enumerate(cmp.alternatives)}
    billy = cmp.alternatives[by_key["billy-billy"]]
    assert billy.gaps == ("recurring", "time")
    # 10 robots x EUR 495 = 4.950,00 + 21 % VAT 1.039,50 = 5.989,50: the lowest known cost ...
    assert billy.totals.cost == D("5989.50")
    assert all(a.totals.cost > billy.totals.cost for a in cmp.alternatives if a is not billy)
    # ... but not the cheapest: Tessa is, of the two whose sources give recurring costs
    assert cmp.cheapest == by_key["tessa"]
    assert cmp.alternatives[by_key["tessa"]].gaps == ("time",)
    assert cmp.cheaper_incomplete == (by_key["billy-billy"],)
    res = invoke("compare", tmp_path / "case.yaml", "--with", "billy-billy", "--with", "robot-maatje",
                 "--format", "json")
    data = json.loads(res.stdout)
    marks = {a["key"]: (a["cheapest"], a["complete"], a["gaps"]) for a in data["alternatives"]}
    assert marks["billy-billy"] == (False, False, ["recurring", "time"])
    assert marks["tessa"][0] is True
    text = invoke("compare", tmp_path / "case.yaml", "--with", "billy-billy").stdout
    assert "Goedkoopst: Tessa" in text and "Billy-Billy lijkt goedkoper (€ 5.989,50)" in text
    assert "Billy-Billy: onvolledig: de bron noemt geen terugkerende kosten" in text


def test_hours_are_compared_without_rates(tmp_path):
    loaded = app.load(_case(tmp_path, DISPENSERS))
    found = app.compare_need(loaded.case, loaded.catalogue, loaded.tariffs, 0, ["medido", "cmed-plus"])
    hours = {a.key: dict(a.hours) for a in found.comparison.alternatives}
    # Medido: 20 x 1 h = 20 h care staff; 4 x 52/12 x 4 = 69,33.. h project lead
    assert hours["medido"]["care_staff"] == D("20")
    assert round(hours["medido"]["project_lead"], 2) == D("69.33")
    # cMed Plus: 20 x 2,5 h = 50 h; 8 x 52/12 x 4 = 138,66.. h
    assert hours["cmed-plus"]["care_staff"] == D("50")
    assert round(hours["cmed-plus"]["project_lead"], 2) == D("138.67")
    # no rates: the internal costs are 0,00 for both, the hours still differ
    assert all(a.totals.internal == 0 for a in found.comparison.alternatives)
    text = invoke("compare", tmp_path / "case.yaml", "--with", "cmed-plus").stdout
    assert "Medido 89,33 · cMed Plus 188,67" in " ".join(text.split())
