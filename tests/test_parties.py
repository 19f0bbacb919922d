"""Who pays and who gains (bcalc.core.parties): figures per party worked by hand, that add up to the
whole; and the party fields' bad input (exit 2, FILE:LINE)."""

from __future__ import annotations

import json
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import WIDE_ENV
from typer.testing import CliRunner

from bcalc.cli import app
from bcalc.core.engine import estimate
from bcalc.core.parties import split
from bcalc.loader import load_all

runner = CliRunner()
EN = {**WIDE_ENV, "BCALC_LANG": "en"}

# An own product with two round prices, so every line can be worked by hand (scenario none: no indexation).
PRODUCT = """\
products:
  - id: sensor
    name: Sensor
    supplier: Leverancier X
    need: monitoring
    source: "Offerte X 2026-10-01"
    items:
      - {id: aanschaf, label: Aanschaf, amount: 100, vat: excl, basis: unit, timing: per_new_unit,
         category: one_off, source: "Offerte X 2026-10-01", party: client}
      - {id: huur, label: Huur, amount: 10, vat: excl, basis: unit, timing: monthly, category: recurring,
         source: "Offerte X 2026-10-01"}
"""
CASE = """\
case: Wie betaalt
start: 2027-01
years: 1
scenario: none
staff:
  care_staff: {count: 10, rate: 40}
parties: {ziekenhuis: Ziekenhuis Jeroen Bosch}
""" + PRODUCT + """\
deployments:
  - product: sensor
    clients: 4
    party: {ziekenhuis: 30%, care_organisation: 70%}
funding:
  - {code: H139, clients: 4, hours_per_month: 1, tariff: 50}
  - {code: subsidy, amount: 300, year: 1, party: gemeente}
benefits:
  - {label: Tijd, kind: time, per: month, minutes: 30, role: care_staff}
  - {label: Opname voorkomen, kind: avoided_cost, per: month, amount: 5, cashable: true, party: health_insurer}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def run(path: Path):
    catalogue, tariffs, case = load_all(path)
    return estimate(case, catalogue, tariffs)


def test_per_party_figures_worked_by_hand(tmp_path):
    result = run(write(tmp_path, CASE))
    view = {v.party: v.total for v in result.parties.parties}
    # aanschaf 4 x 100 = 400 + 21 % VAT 84 = 484.00, the client's (the item's party)
    # huur 4 x 10 x 12 = 480 + VAT 100.80 = 580.80: ziekenhuis 30 % = 174.24, care organisation the rest 406.56
    assert view["client"].cost == Decimal("484.00")
    assert view["ziekenhuis"].cost == Decimal("174.24")
    assert view["care_organisation"].cost == Decimal("406.56")
    # time: 30 min x 4 clients x 12 months = 24 h x 40 = 960.00, the care organisation's
    # avoided cost 5 x 4 x 12 = 240.00, the health insurer's (cashable)
    assert view["care_organisation"].benefits == Decimal("960.00")
    assert view["health_insurer"].benefits == view["health_insurer"].cashable == Decimal("240.00")
    # H139 4 x 1 h x 12 x 50 = 2400.00 paid by the zorgkantoor (the code's financier), the subsidy 300 by the gemeente;
    # the care organisation receives both
    assert view["zorgkantoor"].paid == Decimal("2400.00") and view["gemeente"].paid == Decimal("300.00")
    assert view["care_organisation"].received == Decimal("2700.00")
    # nets: 960 + 2700 - 406.56 = 3253.44; -2400; -300; -484; 240; -174.24
    assert [(v.party, v.total.net) for v in result.parties.parties] == [
        ("care_organisation", Decimal("3253.44")), ("zorgkantoor", Decimal("-2400.00")),
        ("health_insurer", Decimal("240.00")), ("gemeente", Decimal("-300.00")), ("client", Decimal("-484.00")),
        ("ziekenhuis", Decimal("-174.24"))]
    # the parties add up to the whole: 3253.44 - 2400 + 240 - 300 - 484 - 174.24 = 135.20 = benefits 1200 - cost 1064.80
    assert result.parties.whole_total.net == Decimal("135.20") == result.total.benefits - result.total.cost
    assert sum((v.total.cost for v in result.parties.parties), Decimal(0)) == result.total.cost == Decimal("1064.80")
    assert sum((v.total.received for v in result.parties.parties), Decimal(0)) == result.total.funding
    assert sum((v.total.paid for v in result.parties.parties), Decimal(0)) == result.total.funding
    # the whole is positive, so every party with a negative net is a co-funding question
    assert result.parties.co_funding == ("zorgkantoor", "gemeente", "client", "ziekenhuis")
    codes = [w.code for w in result.warnings]
    assert codes.count("co_funding") == 4 and "party_giver_unknown" not in codes


def test_per_party_sums_to_the_whole_every_year(tmp_path):
    """Three years, clients growing, a split in thirds: each year the parts add up to the whole."""
    text = CASE.replace("years: 1", "years: 3").replace("clients: 4\n    party: {ziekenhuis: 30%, care_organisation: 70%}",
                                                        "clients: [3, 5, 7]\n    party: {ziekenhuis: 33.33%, "
                                                        "client: 33.33%, care_organisation: 33.34%}")
    result = run(write(tmp_path, text))
    for k, row in enumerate(result.per_year):
        parts = [v.per_year[k] for v in result.parties.parties]
        assert sum((p.cost for p in parts), Decimal(0)) == row.totals.cost
        assert sum((p.benefits for p in parts), Decimal(0)) == row.totals.benefits
        assert sum((p.net for p in parts), Decimal(0)) == row.totals.benefits - row.totals.cost
        assert result.parties.whole[k].net == row.totals.benefits - row.totals.cost


def test_split_gives_the_last_party_the_rest():
    # 100.00 in thirds: 33.33 (rounded), 33.33, and the rest 33.34
    third = Decimal("0.3333")
    assert split(Decimal("100.00"), (("a", third), ("b", third), ("c", Decimal("0.3334")))) == [
        ("a", Decimal("33.33")), ("b", Decimal("33.33")), ("c", Decimal("33.34"))]
    # 0.05 half and half: 0.03 (half-up) and the rest 0.02
    assert split(Decimal("0.05"), (("a", Decimal("0.5")), ("b", Decimal("0.5")))) == [
        ("a", Decimal("0.03")), ("b", Decimal("0.02"))]


def test_a_subsidy_without_a_giver_is_said(tmp_path):
    result = run(write(tmp_path, CASE.replace(", party: gemeente}", "}")))
    view = {v.party: v.total for v in result.parties.parties}
    assert view["unknown"].paid == Decimal("300.00")
    assert "unknown" not in result.parties.co_funding
    assert [w.params["line"] for w in result.warnings if w.code == "party_giver_unknown"] == [2]


def test_json_table_and_words(tmp_path):
    path = write(tmp_path, CASE)
    out = runner.invoke(app, ["estimate", str(path), "--format", "json"], env=EN)
    assert out.exit_code == 0, out.stderr
    data = json.loads(out.stdout)["per_party"]
    assert [p["party"] for p in data["parties"]][-1] == "ziekenhuis"
    assert data["parties"][-1]["name"] == "Ziekenhuis Jeroen Bosch"
    assert data["parties"][0]["total"]["net"] == "3253.44"
    assert data["whole"]["total"]["net"] == "135.20"
    assert data["co_funding"] == ["zorgkantoor", "gemeente", "client", "ziekenhuis"]
    table = runner.invoke(app, ["estimate", str(path)], env=EN)
    assert "Who pays and who gains" in table.stdout and "Ziekenhuis Jeroen Bosch: cost" in table.stdout
    assert "Client is €484.00 short" not in table.stdout  # the words name the party, lowercase in a sentence
    assert "the client is €484.00 short over the horizon" in table.stdout
    dutch = runner.invoke(app, ["estimate", str(path)], env=WIDE_ENV)
    assert "Wie betaalt en wie wint" in dutch.stdout and "de cliënt komt over de looptijd € 484,00 tekort" in dutch.stdout


def test_a_case_without_parties_has_one_party(tmp_path):
    text = CASE.split("funding:")[0].replace("    party: {ziekenhuis: 30%, care_organisation: 70%}\n", "") \
        .replace("parties: {ziekenhuis: Ziekenhuis Jeroen Bosch}\n", "").replace(", party: client", "")
    result = run(write(tmp_path, text))
    assert [v.party for v in result.parties.parties] == ["care_organisation"]
    assert not result.parties.several
    table = runner.invoke(app, ["estimate", str(write(tmp_path, text))], env=EN)
    assert "Who pays" not in table.stdout


# ---- bad input ------------------------------------------------------------------------------------

def _line(text: str, fragment: str) -> int:
    return next(i for i, ln in enumerate(textwrap.dedent(text).splitlines(), 1) if fragment in ln)


BAD = [
    ("party: {ziekenhuis: 30%, care_organisation: 70%}", "party: {ziekenhuis: 30%, care_organisation: 60%}",
     "deployments[0].party", "add up to 90%, not 100%"),
    ("party: {ziekenhuis: 30%, care_organisation: 70%}", "party: hospital", "deployments[0].party",
     "unknown party 'hospital'"),
    ("party: {ziekenhuis: 30%, care_organisation: 70%}", "party: [client]", "deployments[0].party",
     "expected a party"),
    ("party: {ziekenhuis: 30%, care_organisation: 70%}", "party: {ziekenhuis: 130%, care_organisation: 70%}",
     "deployments[0].party.ziekenhuis", "at most 100%"),
    ("parties: {ziekenhuis: Ziekenhuis Jeroen Bosch}", "parties: {client: De cliënt, ziekenhuis: Z}", "parties.client",
     "is a party bcalc knows"),
    ("parties: {ziekenhuis: Ziekenhuis Jeroen Bosch}", "parties: [ziekenhuis]", "parties", "expected a mapping"),
    ("parties: {ziekenhuis: Ziekenhuis Jeroen Bosch}", "parties: {ziekenhuis: Z, Huis Arts: H}", "parties.Huis Arts",
     "is not an id"),
    ("party: gemeente}", "party: gemeent}", "funding[1].party", "did you mean 'gemeente'?"),
    ("party: health_insurer}", "party: insurer}", "benefits[1].party", "unknown party 'insurer'"),
    ("party: client}", "party: {client: 50%}}", "products[0].items[0].party", "add up to 50%, not 100%"),
]


@pytest.mark.parametrize("old, new, field, fragment", BAD, ids=[b[2] + ":" + b[3][:12] for b in BAD])
def test_bad_party_input(tmp_path, old, new, field, fragment):
    text = CASE.replace(old, new)
    assert text != CASE
    path = write(tmp_path, text)
    result = runner.invoke(app, ["estimate", str(path)], env=EN)
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr
    line = _line(text, new.split(":")[0] if field == "parties" or field.startswith("parties.") else new)
    if field == "parties.Huis Arts":
        line = _line(text, "parties:")
    assert f"{path}:{line}: {field}: " in result.stderr and fragment in result.stderr, result.stderr
    dutch = runner.invoke(app, ["estimate", str(path)], env=WIDE_ENV)
    assert dutch.exit_code == 2


def test_the_csv_has_a_row_per_party_and_year_and_the_parties_add_up_to_the_whole():
    """tests/cases/parties.yaml: the care organisation pays 11.717,23, receives H139 10.200,00 and the
    subsidy 778,38 (10.978,38) and keeps 4.080,00 of the 5.100,00 benefits (1.020,00, the avoided
    admission, goes to the health insurer); the zorgkantoor pays 10.200,00, the gemeente 778,38.
    Over all parties funding cancels out: the nets add up to benefits - cost = 5.100,00 - 22.567,95
    = -17.467,95."""
    import csv
    import io
    from decimal import Decimal

    import conftest

    root = Path(__file__).resolve().parents[1]
    text = conftest.ok("estimate", root / "tests" / "cases" / "parties.yaml", "--format", "csv", "--lang", "en").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    totals = {r["Code"]: r for r in rows if r["Record"] == "party_total"}
    org = totals["care_organisation"]
    assert (org["Cost"], org["Funding"], org["Benefits"], org["Net"]) == ("11717.23", "10978.38", "4080.00", "3341.15")
    assert (totals["zorgkantoor"]["Funding"], totals["gemeente"]["Funding"]) == ("-10200.00", "-778.38")
    assert totals["health_insurer"]["Benefits"] == "1020.00"
    whole = next(r for r in rows if r["Record"] == "total")
    nets = sum(Decimal(r["Net"]) for r in totals.values())
    assert nets == Decimal(whole["Benefits"]) - Decimal(whole["Cost"]) == Decimal("-17467.95")
    assert sum(Decimal(r["Funding"]) for r in totals.values()) == 0
    years = [r for r in rows if r["Record"] == "party_year" and r["Code"] == "care_organisation"]
    assert sum(Decimal(r["Net"]) for r in years) == Decimal(org["Net"])
    # a case with one party has no party rows
    single = conftest.ok("estimate", root / "examples" / "medicijndispensers.yaml", "--format", "csv").stdout
    assert "party_year" not in single
