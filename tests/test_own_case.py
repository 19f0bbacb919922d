"""The organisation's own case: its own products and cost lines, quotes, and hours per client.

Every figure is worked out by hand in the comments; the case has no indexation (scenario none) and
nothing recoverable, so a line is its quantity times its price, and the VAT 21 % of it (or the part
of an incl. quote above the excl. amount).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from bcalc.core.engine import estimate
from bcalc.loader import load_all
from conftest import bad, ok

ROOT = Path(__file__).resolve().parents[1]
OWN = ROOT / "tests" / "cases" / "own-lines.yaml"
D = Decimal


def _lines(result, item):
    return {ln.year: ln for ln in result.lines if ln.item == item}


def test_own_case_to_the_cent():
    catalogue, tariffs, case = load_all(OWN)
    r = estimate(case, catalogue, tariffs)
    # Medido's rent from a quote of EUR 75,50 incl. VAT a month, 10 clients: 75,50 x 10 x 12 = 9.060,00 a
    # year as quoted; excl. = round(9.060,00 / 1,21) = 7.487,60 (7.487,603...), VAT 9.060,00 - 7.487,60.
    rent = {ln.year: ln for ln in r.lines if ln.item == "huur" and ln.product == "medido"}
    for year in (2027, 2028, 2029):
        ln = rent[year]
        assert (ln.excl_vat, ln.vat, ln.quoted, ln.origin) == (D("7487.60"), D("1572.40"), "incl", "quote")
        assert ln.source == "Offerte Vitavanti 2026-09-30" and ln.vat_written == "incl"
    # the deployment's own one-off ECD link, EUR 4.500 excl. for the organisation: 4.500,00 + 945,00 VAT
    ecd = _lines(r, "ecd-koppeling")
    assert list(ecd) == [2027]
    assert (ecd[2027].excl_vat, ecd[2027].vat, ecd[2027].origin) == (D("4500.00"), D("945.00"), "case")
    assert ecd[2027].source == "Offerte Nedap 2026-10-14"
    # own hours per new client: 1,5 h x 10 new clients (all in month 1) x EUR 40 = 600,00 in 2027; no new
    # clients later, so no hours
    onboarding = _lines(r, "onboarding")
    assert list(onboarding) == [2027]
    assert (onboarding[2027].quantity, onboarding[2027].excl_vat, onboarding[2027].vat) == (D("15"), D("600.00"), 0)
    assert onboarding[2027].kind == "internal" and onboarding[2027].role == "care_staff"
    # the case's own product with a tier: 12 robots >= 10, so EUR 45 (not 50) a month:
    # 12 x 45 x 12 = 6.480,00 a year, VAT 1.360,80
    robot = {ln.year: ln for ln in r.lines if ln.product == "tessa-eigen"}
    for year in (2027, 2028, 2029):
        assert (robot[year].excl_vat, robot[year].vat, robot[year].unit_price) == (D("6480.00"), D("1360.80"), 45)
    # the price level header counts the catalogue's products only (Medido, 2021)
    assert r.price_years == (2021,)
    codes = [w.code for w in r.warnings]
    assert codes.count("quote") == 1 and codes.count("own_line") == 3


def test_own_lines_belong_to_their_deployment_only(tmp_path):
    # two Medido deployments: the second's own licence (organisation, one-off EUR 1.000) is charged with the
    # second even though organisation-wide catalogue costs go with the first; the first has none
    path = tmp_path / "two.yaml"
    path.write_text("""\
case: Twee wijken
start: 2027-01
years: 1
scenario: none
staff: {project_lead: {count: 1}, care_staff: {count: 10}}
deployments:
  - {product: medido, clients: 5, label: Noord}
  - product: medido
    clients: 5
    label: Zuid
    items:
      - {id: licentie-zuid, label: Extra licentie, category: one_off, basis: organisation, timing: one_off,
         amount: 1000, vat: excl, source: "Offerte 2026-11-02"}
""", encoding="utf-8")
    catalogue, tariffs, case = load_all(path)
    r = estimate(case, catalogue, tariffs)
    own = [ln for ln in r.lines if ln.item == "licentie-zuid"]
    assert [(ln.deployment, ln.excl_vat, ln.vat) for ln in own] == [(1, D("1000.00"), D("210.00"))]


def test_json_and_report_name_the_quote_and_the_own_lines(tmp_path):
    doc = json.loads(ok("estimate", str(OWN), "--format", "json").stdout)
    origins = {(ln["item"], ln["origin"]) for ln in doc["lines"]}
    assert {("huur", "quote"), ("ecd-koppeling", "case"), ("onboarding", "case")} <= origins
    md = tmp_path / "r.md"
    ok("report", str(OWN), "--md", str(md))
    text = md.read_text(encoding="utf-8")
    assert "offerte: Offerte Vitavanti 2026-09-30" in text
    assert "eigen regel: Offerte Nedap 2026-10-14" in text


CASE_HEAD = """\
case: Fout
start: 2027-01
years: 2
staff: {care_staff: {count: 5, rate: 40}, project_lead: {count: 1}}
"""


def _bad(tmp_path, body: str, *expected: str) -> str:
    path = tmp_path / "case.yaml"
    path.write_text(CASE_HEAD + body, encoding="utf-8")
    err = bad("estimate", str(path)).stderr
    for e in expected:
        assert e in err, err
    for line in err.splitlines():
        assert line.startswith(f"{path}:"), line
    return err


def test_bad_own_lines(tmp_path):
    # an own item without a source, and one that takes an id of the product's own lines
    _bad(tmp_path, """\
deployments:
  - product: medido
    clients: 5
    items:
      - {id: ecd, label: ECD, category: one_off, basis: organisation, timing: one_off, amount: 10}
      - {id: huur, label: Huur, category: recurring, basis: unit, timing: monthly, amount: 1, source: x}
""", ":9: deployments[0].items[0].source: give the source", ":10: deployments[0].items[1].id: product medido "
         "already has a line 'huur'")


def test_bad_own_product(tmp_path):
    _bad(tmp_path, """\
products:
  - id: medido
    name: Mijn Medido
    supplier: X
    need: x
    source: Offerte
    items: [{id: a, label: A, category: one_off, basis: unit, timing: per_new_unit, amount: 1, source: s}]
deployments:
  - {product: medido, clients: 5}
""", ":6: products[0].id: 'medido' is a catalogue product")


def test_bad_quote(tmp_path):
    _bad(tmp_path, """\
deployments:
  - product: medido
    clients: 5
    prices:
      huur: {amount: 60, vat: inclusief}
      zorgcentrale: {vat: incl}
""", ":9: deployments[0].prices.huur.vat: 'inclusief' is not one of: excl, incl",
         ":10: deployments[0].prices.zorgcentrale.amount: required field is missing")


def test_bad_hours_per_client(tmp_path):
    _bad(tmp_path, """\
deployments:
  - product: medido
    clients: 5
    time:
      - id: steun
        label: Steun
        category: internal
        role: care_staff
        per: client
        phases: [{hours_per_week: 1, weeks: 4}]
        source: eigen schatting
""", ":13: deployments[0].time[0].per: hours per client a month need hours")


def _uncomment_own_blocks(text: str) -> str:
    """The starter with its commented quote, own items, own hours and own product switched on."""
    import re

    out, on = [], False
    for line in text.splitlines():
        body = line.strip()
        if re.match(r"# (prices:\s+#|items:|time:|products:)", body):
            on = True
        elif re.match(r"# (funding|quantities|discount_rate|benefits)", body) or not body.startswith("#"):
            on = False
        out.append(re.sub(r"^(\s*)# ?", r"\1", line, count=1) if on else line)
    return "\n".join(out) + "\n"


def test_the_starters_own_line_examples_are_valid(tmp_path):
    starter = tmp_path / "case.yaml"
    ok("init", str(starter))
    text = _uncomment_own_blocks(starter.read_text(encoding="utf-8"))
    assert "\n    items:" in text and "\nproducts:" in text and "huur: {amount: 0.00, vat: excl" in text
    starter.write_text(text, encoding="utf-8")
    doc = json.loads(ok("estimate", str(starter), "--format", "json").stdout)
    origins = {ln["item"]: ln["origin"] for ln in doc["lines"]}
    assert origins["ecd-koppeling"] == "case" and origins["huur"] == "quote"
    # the own hours per new client have no rate in the starter: counted as hours, noted, not valued
    assert any(n["code"] == "unvalued" and "instructie" in json.dumps(n).lower() for n in doc["notices"])


def test_own_lines_and_quotes_are_never_brought_to_the_price_level(tmp_path):
    # the own-lines case with catalogue prices indexed: the quote (75,50 incl.), the own ECD link (4.500)
    # and the own product's tier (45) stay as written; Medido's catalogue one-off (installation, 001:569)
    # moves by the catalogue factor
    text = OWN.read_text(encoding="utf-8").replace("scenario: none\n", "scenario: none\ncatalogue_prices: indexed\n"
                                                   "catalogue_index: {2026: 2.1%}\n")
    path = tmp_path / "indexed.yaml"
    path.write_text(text, encoding="utf-8")
    catalogue, tariffs, case = load_all(path)
    r = estimate(case, catalogue, tariffs)
    lines = {(ln.product, ln.item, ln.year): ln for ln in r.lines}
    assert lines[("medido", "huur", 2027)].excl_vat == D("7487.60")
    assert lines[("medido", "ecd-koppeling", 2027)].excl_vat == D("4500.00")
    assert lines[("tessa-eigen", "huur", 2027)].excl_vat == D("6480.00")
    base = {(ln.product, ln.item, ln.year): ln for ln in estimate(*_loaded(OWN)).lines}
    moved = [k for k, ln in lines.items() if ln.kind == "supplier" and ln.excl_vat != base[k].excl_vat]
    assert moved and all(k[0] == "medido" and k[1] not in ("huur", "ecd-koppeling") for k in moved)


def _loaded(path):
    catalogue, tariffs, case = load_all(path)
    return case, catalogue, tariffs


def test_two_deployments_that_differ_only_in_a_quotes_vat_are_priced_apart(tmp_path):
    # the same Medido twice at 75,50 a month for 10 clients: once quoted excl. (10 x 75,50 x 12 = 9.060,00
    # excl.), once incl. (excl. round(9.060,00 / 1,21) = 7.487,60); the memo must not take one for the other
    path = tmp_path / "two.yaml"
    path.write_text("""\
case: Twee offertes
start: 2027-01
years: 1
scenario: none
staff: {project_lead: {count: 1}, care_staff: {count: 10}}
deployments:
  - {product: medido, clients: 10, prices: {huur: {amount: 75.50, vat: excl}}}
  - {product: medido, clients: 10, prices: {huur: {amount: 75.50, vat: incl}}}
""", encoding="utf-8")
    r = estimate(*_loaded(path))
    rent = {ln.deployment: ln.excl_vat for ln in r.lines if ln.item == "huur"}
    assert rent == {0: D("9060.00"), 1: D("7487.60")}
