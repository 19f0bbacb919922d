"""Product ids and funding codes are matched in any capitals, and a near miss gets a suggestion."""

from __future__ import annotations

import json
import textwrap

from conftest import bad, ok

CASE = """\
case: Hoofdletters
start: 2027-01
years: 2
scenario: none
staff:
  care_staff: {count: 10, rate: 40}
  key_user: {count: 1, rate: 40}
  project_lead: {count: 1, rate: 70}
deployments:
  - product: PRODUCT
    clients: 10
funding:
  - {code: CODE, clients: 10, hours_per_month: 1, tariff: 80}
"""


def _estimate(tmp_path, product: str, code: str):
    path = tmp_path / f"{product}-{code}.yaml"
    path.write_text(textwrap.dedent(CASE.replace("PRODUCT", product).replace("CODE", code)), encoding="utf-8")
    return path


def test_other_capitals_give_the_same_case(tmp_path):
    plain = json.loads(ok("estimate", "--format", "json", _estimate(tmp_path, "medido", "H139")).stdout)
    shouted = json.loads(ok("estimate", "--format", "json", _estimate(tmp_path, "Medido", "h139")).stdout)
    assert shouted["total"] == plain["total"]
    # H139 for 10 clients, 1 hour a month at EUR 80, 24 months, no indexation: 10 x 80 x 24 = 19.200,00
    assert plain["total"]["funding"] == "19200.00"
    assert {f["code"] for f in shouted["funding"]} == {"H139"}


def test_a_near_miss_is_answered_with_the_nearest(tmp_path):
    path = _estimate(tmp_path, "medidoo", "H193")
    lines = bad("estimate", path).stderr.strip().splitlines()
    assert lines == [
        f"{path}:10: deployments[0].product: unknown product 'medidoo'; did you mean 'medido'?",
        f"{path}:13: funding[0].code: unknown funding code 'H193'; did you mean 'H139'? "
        "(known: 1062, H139, H306, VPT, subsidy)",
    ]


def test_the_catalogue_commands_take_other_capitals_too():
    assert "Medido (Vitavanti)" in ok("catalogue", "show", "MEDIDO").stdout
    assert json.loads(ok("funding", "show", "vpt", "--format", "json").stdout)["code"] == "VPT"
    assert "did you mean 'H139'?" in bad("funding", "show", "h193").stderr


def test_compare_with_a_product_in_other_capitals():
    from conftest import ROOT

    case = ROOT / "examples" / "medicijndispensers.yaml"
    plain = json.loads(ok("compare", case, "--with", "cmed-plus", "--format", "json").stdout)
    shouted = json.loads(ok("compare", case, "--with", "CMed-Plus", "--format", "json").stdout)
    assert [a["key"] for a in shouted["alternatives"]] == [a["key"] for a in plain["alternatives"]]
    assert [a["cost"] for a in shouted["alternatives"]] == [a["cost"] for a in plain["alternatives"]]
    assert "did you mean 'cmed-plus'" in bad("compare", case, "--with", "CMed-Pluss").stderr
