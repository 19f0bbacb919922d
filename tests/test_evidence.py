"""What the benefits rest on, and both views on the summary's first lines, worked by hand.

The case: Medido for 10 clients in 2027 (one year, no indexation): installatie 10 x 39 = 390 + 81,90 VAT
(001:563); huur 62,40 x 10 x 12 = 7.488 + 1.572,48 (001:568); training 1 uur x 10 medewerkers x 50 = 500
(001:566); project lead 4 x 52/12 x 4 = 69,33.. h x 70 = 4.853,33 (001:567): cost 14.885,71. Rates, the
subsidy (EUR 5.000) and both benefits are test inputs:
- time freed: 10 minutes per client per day, care staff at EUR 50, not cashable, a supplier's claim:
  10 x 10 x 365 = 36.500 minutes = 608,33.. h x 50 = 30.416,666.. -> 30.416,67;
- avoided cost: EUR 20 per client per month, cashable, measured in the own pilot: 20 x 10 x 12 = 2.400.
Value view: 5.000 + 30.416,67 + 2.400 - 14.885,71 = 22.930,96. Budget view: 5.000 + 2.400 - 14.885,71
= -7.485,71. Without the unmeasured benefit the value view is 22.930,96 - 30.416,67 = -7.485,71.
"""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

from conftest import WIDE_ENV, invoke
from bcalc import app

CASE = """case: Bewijs
start: 2027-01
years: 1
scenario: none
staff:
  care_staff: {count: 10, rate: 50}
  project_lead: {count: 1, rate: 70}
deployments:
  - product: medido
    clients: 10
funding:
  - {code: subsidy, label: Innovatiebudget (testinvoer), amount: 5000, year: 1}
benefits:
  - label: Minder medicatierondes
    kind: time
    per: day
    minutes: 10
    role: care_staff
    cashable: false
    source: test
    vendor_claim: true
  - label: Minder verspilde medicatie
    kind: avoided_cost
    per: month
    amount: 20
    cashable: true
    source: test
    evidence: pilot_measurement
"""


def _write(tmp_path: Path, text: str = CASE) -> Path:
    path = tmp_path / "bewijs.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_both_views_and_the_result_without_unmeasured_benefits(tmp_path):
    result = app.estimate(app.load(_write(tmp_path)))
    t = result.total
    assert (t.cost, t.funding, t.benefits, t.cashable) == (D("14885.71"), D("5000"), D("32816.67"), D("2400.00"))
    assert (t.net, t.cash_net) == (D("22930.96"), D("-7485.71"))
    ev = result.evidence
    assert ev.levels == (("supplier_claim", D("30416.67")), ("pilot_measurement", D("2400.00")))
    assert (ev.unmeasured, ev.unmeasured_cashable) == (D("30416.67"), D("0"))
    assert (ev.net_without, ev.cash_net_without) == (D("-7485.71"), D("-7485.71"))


def test_every_output_says_it(tmp_path):
    path = _write(tmp_path)
    data = json.loads(invoke("estimate", path, "--format", "json").stdout)
    assert data["evidence"]["net_without_unmeasured"] == "-7485.71"
    assert [b["evidence"] for b in data["benefits"]] == ["supplier_claim", "pilot_measurement"]
    table = " ".join(invoke("estimate", path).stdout.split())
    assert "€ 30.416,67 van de baten (92,7 %) is niet gemeten (een claim van de leverancier)" in table
    md = tmp_path / "b.md"
    assert invoke("report", path, "--md", md).exit_code == 0
    head = md.read_text(encoding="utf-8").split("## 2.")[0]
    # 30.416,67 / 32.816,67 = 92,69 % of the benefits; both views in the key-figure table
    assert "| **Netto resultaat** | **€ 22.930,96** |" in head
    assert "| **Netto voor de begroting** | **-€ 7.485,71** |" in head
    assert "Zonder die baten is het netto resultaat -€ 7.485,71" in " ".join(head.split())
    assert "(meting in de eigen pilot)" in md.read_text(encoding="utf-8")


def test_no_sentence_when_every_benefit_is_measured(tmp_path):
    text = CASE.replace("    vendor_claim: true\n", "    evidence: study\n")
    result = app.estimate(app.load(_write(tmp_path, text)))
    assert result.evidence.unmeasured == 0
    assert "niet gemeten" not in invoke("estimate", tmp_path / "bewijs.yaml").stdout


def test_a_claim_that_says_it_is_a_study_is_refused(tmp_path):
    text = CASE.replace("    vendor_claim: true\n", "    vendor_claim: true\n    evidence: study\n")
    res = invoke("estimate", _write(tmp_path, text), env={**WIDE_ENV, "BCALC_LANG": "en"})
    assert res.exit_code == 2
    assert "bewijs.yaml:22: benefits[0].evidence: 'study' contradicts vendor_claim: true" in res.output
