"""``bcalc compare``: products for one need, and whole cases, side by side; worked by hand from the
catalogue (seed 001), checked against separate estimates, and the same numbers in every format."""

from __future__ import annotations

import json
import re
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from bcalc.money import fmt_money, money_str
from conftest import bad, invoke, ok

ROOT = Path(__file__).resolve().parents[1]
DISPENSERS = ROOT / "examples" / "medicijndispensers.yaml"
CATEGORIES = ("one_off", "recurring", "training", "internal", "vat", "cost")

def compare_json(*args) -> dict:
    return json.loads(ok("compare", *args, "--format", "json").stdout)


def by_key(data: dict) -> dict[str, dict]:
    return {a["key"]: a for a in data["alternatives"]}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# Medido for 20 clients, 3 years, no indexation, 10 care staff at EUR 40/h, 2 teams, a project lead at
# EUR 70/h. Every figure below is worked by hand from the catalogue.
HAND = """\
case: Medicijndispensers vergelijking
start: 2027-01
years: 3
scenario: none
staff:
  care_staff: {count: 10, rate: 40}
  project_lead: {count: 1, rate: 70}
  teams: 2
deployments:
  - product: medido
    clients: 20
"""

# cMed Plus (001:531-542), excl. VAT:
#   installatie   20 x 52,02                         =  1.040,40  one-off   VAT 218,48 (218,484)
#   implementatie 2.500 per organisation            =  2.500,00  one-off   VAT 525,00
#   training-zorgteams 2 teams x 800                 =  1.600,00  training  VAT 336,00
#   huur          20 x 36 months x 69,95            = 50.364,00  recurring; per calendar year
#                 20 x 12 x 69,95 = 16.788,00, VAT 3.525,48 a year, 10.576,44 over 3 years
#   training medewerkers 10 x 2,5 h x 40             =  1.000,00  training  (internal hours: no VAT)
#   projectleider 8 h/week x 4 months x 52/12 x 70   =  9.706,67  internal  (138,67 h)
#   one-off 3.540,40; recurring 50.364,00; training 2.600,00; internal 9.706,67;
#   VAT 218,48 + 525,00 + 336,00 + 10.576,44 = 11.655,92; cost 77.866,99
CMED = {"one_off": "3540.40", "recurring": "50364.00", "training": "2600.00", "internal": "9706.67",
        "vat": "11655.92", "cost": "77866.99"}
# Medido (001:562-571), excl. VAT:
#   installatie   20 x 39                            =    780,00  one-off   VAT 163,80
#   implementatie inclusief                          =      0,00
#   huur          20 x 36 x 62,40                    = 44.928,00  recurring; 14.976,00 a year, VAT 3.144,96
#                 a year, 9.434,88 over 3 years
#   training medewerkers 10 x 1 h x 40               =    400,00  training
#   projectleider 4 h/week x 4 months x 52/12 x 70   =  4.853,33  internal  (69,33 h)
#   VAT 163,80 + 9.434,88 = 9.598,68; cost 780 + 44.928 + 400 + 4.853,33 + 9.598,68 = 60.560,01
MEDIDO = {"one_off": "780.00", "recurring": "44928.00", "training": "400.00", "internal": "4853.33",
          "vat": "9598.68", "cost": "60560.01"}


# ---- the example ------------------------------------------------------------------------------------


def test_need_on_the_example_marks_the_cheapest_and_divides_by_client_months():
    data = compare_json(DISPENSERS, "--need")
    assert data["format"] == "bcalc.compare/1"
    assert data["need"] == "medication_dispenser" and data["deployment"] == 1
    alts = by_key(data)
    assert set(alts) == {"medido", "cmed-plus"}
    costs = {k: Decimal(a["cost"]) for k, a in alts.items()}
    cheapest = min(costs, key=costs.get)
    assert [k for k, a in alts.items() if a["cheapest"]] == [cheapest]
    # client-months: (20 + 40 + 40 + 40 + 40) clients x 12 months = 2.160
    for key, a in alts.items():
        assert a["client_months"] == 2160
        assert a["cost_per_client_month"] == money_str(costs[key] / 2160)
    for a in data["alternatives"]:
        for k in CATEGORIES + ("cost_per_client_month", "funding", "net"):
            assert re.fullmatch(r"-?\d+\.\d{2}", a[k]), (k, a[k])
    # the example's own deployment is the estimate of the example
    estimate = json.loads(ok("estimate", DISPENSERS, "--format", "json").stdout)
    for k in CATEGORIES + ("net",):
        assert alts["medido"][k] == estimate["total"][k]


def test_without_with_or_need_it_behaves_as_need():
    assert compare_json(DISPENSERS) == compare_json(DISPENSERS, "--need")


# ---- worked by hand ------------------------------------------------------------------------------


def test_medido_against_cmed_plus_by_hand(tmp_path):
    data = compare_json(write(tmp_path, "case.yaml", HAND), "--with", "cmed-plus")
    alts = by_key(data)
    for k, v in CMED.items():
        assert alts["cmed-plus"][k] == v, k
    for k, v in MEDIDO.items():
        assert alts["medido"][k] == v, k
    assert alts["medido"]["cheapest"] and not alts["cmed-plus"]["cheapest"]
    # 20 clients x 36 months = 720 client-months: 60.560,01 / 720 = 84,111; 77.866,99 / 720 = 108,149
    assert alts["medido"]["cost_per_client_month"] == "84.11"
    assert alts["cmed-plus"]["cost_per_client_month"] == "108.15"
    assert alts["medido"]["net"] == "-60560.01" and alts["medido"]["funding"] == "0.00"

    (diff,) = data["differences"]
    assert (diff["alternative"], diff["cheapest"], diff["delta"]) == ("cmed-plus", "medido", "17306.98")
    # recurring 50.364 - 44.928 = 5.436; internal 9.706,67 - 4.853,33 = 4.853,34 (then one-off 2.760,40,
    # training 2.200, VAT 2.057,24)
    assert diff["categories"] == [{"category": "recurring", "delta": "5436.00"},
                                  {"category": "internal", "delta": "4853.34"}]
    # per item incl. VAT: huur 50.364 x 1,21 = 60.940,44 against 44.928 x 1,21 = 54.362,88;
    # project lead 9.706,67 against 4.853,33; implementation 2.500 x 1,21 = 3.025 against included
    assert [(ln["alternative"], ln["cheapest"], ln["delta"]) for ln in diff["lines"]] == [
        ("60940.44", "54362.88", "6577.56"), ("9706.67", "4853.33", "4853.34"), ("3025.00", "0.00", "3025.00")]

    (included,) = data["included"]
    assert (included["included_in"], included["charged_by"], included["amount"]) == ("medido", "cmed-plus", "3025.00")
    assert included["text"] == ("Medido: Implementatie door leverancier inclusief; cMed Plus rekent €2.500 "
                                "(001:533): € 3.025,00 incl. btw")

    # pricing: the optional zorgcentrale. Medido 20 x 36 x 12,50 (midpoint of €10-€15) = 9.000 + 21 % =
    # 10.890 on top: 71.450,01; cMed Plus 20 x 36 x 9,95 = 7.164 + 21 % = 8.668,44 on top: 86.535,43
    pricing = {p["product"]: p for p in data["pricing"]}
    assert {o["option"]: (o["cost"], o["active"]) for o in pricing["medido"]["options"]} == {
        "zorgcentrale": ("71450.01", False), None: ("60560.01", True)}
    assert {o["option"]: o["cost"] for o in pricing["cmed-plus"]["options"]} == {
        "zorgcentrale": "86535.43", None: "77866.99"}


def test_every_alternative_equals_an_estimate_of_the_case_with_the_product_swapped(tmp_path):
    case = write(tmp_path, "case.yaml", HAND)
    swapped = write(tmp_path, "swapped.yaml", HAND.replace("product: medido", "product: cmed-plus"))
    data = compare_json(case, "--with", "cmed-plus")
    for key, path in (("medido", case), ("cmed-plus", swapped)):
        estimate = json.loads(ok("estimate", path, "--format", "json").stdout)
        for k in CATEGORIES + ("funding", "net"):
            assert by_key(data)[key][k] == estimate["total"][k], (key, k)
    # and the other way round: comparing from the cMed Plus case gives the same figures
    other = by_key(compare_json(swapped, "--with", "medido"))
    for key in ("medido", "cmed-plus"):
        for k in CATEGORIES:
            assert other[key][k] == by_key(data)[key][k]


def test_break_even_of_a_pricing_model_by_hand(tmp_path):
    # cContact (001:2200-2203), 2 years, no indexation, 30 care staff, 100 call minutes a month:
    #   enterprise 500 x 24 months = 12.000 + calls 100 x 0,049 x 24 = 117,60 -> 12.117,60 + 21 % = 14.662,30
    #   essential 30 x 9,50 x 24 = 6.840 + 117,60 = 6.957,60 + 21 % = 8.418,70
    #   equal where 9,50 x n x 24 = 12.000, n = 52,6: from 53 staff on enterprise is cheaper
    case = write(tmp_path, "cc.yaml", """\
        case: Beeldzorg
        start: 2027-01
        years: 2
        scenario: none
        staff:
          care_staff: {count: 30, rate: 40}
        deployments:
          - product: ccontact
            clients: 10
            options: [essential]
            quantities: {gesprekskosten: 100}
    """)
    data = compare_json(case, "--with", "ccontact")
    (pricing,) = [p for p in data["pricing"] if p["product"] == "ccontact"]
    assert {o["option"]: (o["cost"], o["active"], o["cheapest"]) for o in pricing["options"]} == {
        "enterprise": ("14662.30", False, False), "essential": ("8418.70", True, True)}
    (even,) = pricing["break_evens"]
    assert (even["cheaper"], even["than"], even["driver"], even["count"]) == ("enterprise", "essential",
                                                                             "care_staff", 53)
    table = ok("compare", case, "--with", "ccontact").stdout
    assert "vanaf 53 zorgmedewerkers (care_staff) is 'enterprise' goedkoper dan 'essential'" in " ".join(table.split())


# ---- choosing products, and mistakes ---------------------------------------------------------------


def test_unknown_product_exits_2_with_a_hint():
    result = bad("compare", DISPENSERS, "--with", "medidoo")
    assert "bcalc: --with: unknown product 'medidoo'; did you mean 'medido'?" in result.stderr
    assert result.stdout == ""


def test_a_product_of_another_need_is_compared_with_a_warning():
    data = compare_json(DISPENSERS, "--with", "robothond", "--lang", "en")
    assert set(by_key(data)) == {"medido", "robothond"}       # --with alone: no other products of the need
    assert any("serves need cuddle_robot, not medication_dispenser" in n for n in data["notes"])
    table = " ".join(ok("compare", DISPENSERS, "--with", "robothond").stdout.split())
    assert "Interactieve robothond (robothond) dient behoefte cuddle_robot, niet medication_dispenser" in table
    both = compare_json(DISPENSERS, "--need", "--with", "robothond")
    assert set(by_key(both)) == {"medido", "cmed-plus", "robothond"}


def test_a_bad_case_exits_2_with_file_and_line(tmp_path):
    case = write(tmp_path, "case.yaml", HAND.replace("years: 3", "years: 0"))
    result = bad("compare", case)
    assert re.search(r"case\.yaml:3: years: must be at least 1, got 0", result.stderr), result.stderr


def test_several_deployments_need_deployment(tmp_path):
    case = write(tmp_path, "two.yaml", HAND + "  - product: paro\n    clients: 2\n")
    assert "--deployment" in bad("compare", case).stderr
    assert "choose 1..2" in bad("compare", case, "--deployment", "3").stderr
    data = compare_json(case, "--deployment", "1", "--with", "cmed-plus")
    assert data["deployment"] == 1
    alts = by_key(data)
    # costs are the compared deployment's; net is the whole case's (Paro's one-off purchase included)
    assert alts["cmed-plus"]["cost"] == CMED["cost"]
    assert Decimal(alts["cmed-plus"]["case_cost"]) > Decimal(CMED["cost"])
    assert alts["cmed-plus"]["net"] == money_str(-Decimal(alts["cmed-plus"]["case_cost"]))


def test_unknown_scenario_exits_2():
    assert "unknown scenario 'extreme'" in bad("compare", DISPENSERS, "--scenario", "extreme").stderr


def test_scenario_and_prices_are_passed_on():
    data = compare_json(DISPENSERS, "--scenario", "none", "--prices", "high")
    estimate = json.loads(ok("estimate", DISPENSERS, "--format", "json", "--scenario", "none",
                             "--prices", "high").stdout)
    assert (data["scenario"], data["prices"]) == ("none", "high")
    assert by_key(data)["medido"]["cost"] == estimate["total"]["cost"]


def test_an_alternative_that_raises_is_shown_not_computed(monkeypatch):
    import bcalc.core.compare as core_compare

    real = core_compare.estimate

    def fragile(case, *args, **kwargs):
        if any(d.product == "cmed-plus" for d in case.deployments):
            raise RuntimeError("boom")
        return real(case, *args, **kwargs)

    monkeypatch.setattr(core_compare, "estimate", fragile)
    data = compare_json(DISPENSERS)
    alts = by_key(data)
    assert alts["medido"]["computed"] and alts["medido"]["cheapest"]
    assert not alts["cmed-plus"]["computed"] and "RuntimeError: boom" in alts["cmed-plus"]["problem"]
    assert alts["cmed-plus"]["cost"] is None
    # --debug shows the failure instead
    assert invoke("compare", DISPENSERS, "--debug").exit_code != 0


# ---- whole cases ------------------------------------------------------------------------------------


def test_two_case_files_side_by_side(tmp_path):
    a = write(tmp_path, "medido.yaml", HAND)
    b = write(tmp_path, "cmed.yaml", HAND.replace("product: medido", "product: cmed-plus"))
    data = compare_json(a, b)
    assert data["need"] is None and data["deployment"] is None
    alts = by_key(data)
    assert set(alts) == {str(a), str(b)}
    for k, v in MEDIDO.items():
        assert alts[str(a)][k] == v
    for k, v in CMED.items():
        assert alts[str(b)][k] == v
    assert alts[str(a)]["cheapest"] and not alts[str(b)]["cheapest"]
    (diff,) = data["differences"]
    assert (diff["alternative"], diff["cheapest"], diff["delta"]) == (str(b), str(a), "17306.98")
    table = ok("compare", a, b, env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    assert "medido *" in table and "60.560,01" in table and "77.866,99" in table


def test_errors_in_several_case_files_are_all_reported(tmp_path):
    a = write(tmp_path, "a.yaml", HAND.replace("years: 3", "years: 0"))
    b = write(tmp_path, "b.yaml", HAND.replace("start: 2027-01", "start: 2027-13"))
    result = bad("compare", a, b, tmp_path / "missing.yaml")
    assert "a.yaml:3: years:" in result.stderr
    assert "b.yaml:2: start:" in result.stderr
    assert "missing.yaml: file not found" in result.stderr


def test_with_and_several_cases_do_not_mix(tmp_path):
    a = write(tmp_path, "a.yaml", HAND)
    assert "--with" in bad("compare", a, a, "--with", "medido").stderr
    assert "--need" in bad("compare", a, a, "--need").stderr


# ---- the same numbers in every format -----------------------------------------------------------------


def _table_rows(text: str, heading_line: str) -> list[list[str]]:
    lines = text.split("\n")
    start = lines.index(heading_line)
    first = next(i for i in range(start, len(lines)) if lines[i].startswith("|"))
    block = []
    for line in lines[first:]:
        if not line.startswith("|"):
            break
        block.append([c.strip() for c in re.split(r"(?<!\\)\|", line[1:-1])])
    return block


ROW_LABELS = {"one_off": "Eenmalig", "recurring": "Terugkerend", "training": "Training", "internal": "Interne uren",
              "vat": "Btw", "cost": "Kosten over de looptijd", "cost_per_client_month": "Kosten per cliënt per maand",
              "funding": "Financiering", "net": "Netto"}


def _check_md_table(rows: list[list[str]], data: dict) -> None:
    head = rows[0][1:]
    assert [h.replace(" \\*", "") for h in head] == [a["name"] for a in data["alternatives"]]
    assert [h.endswith("\\*") for h in head] == [a["cheapest"] for a in data["alternatives"]]
    found = {r[0].strip("*"): [c.strip("*") for c in r[1:]] for r in rows[2:]}
    for key, label in ROW_LABELS.items():
        assert found[label] == [fmt_money(Decimal(a[key])) for a in data["alternatives"]], key


def test_markdown_and_table_show_the_json_numbers(tmp_path):
    case = write(tmp_path, "case.yaml", HAND)
    data = compare_json(case, "--with", "cmed-plus")
    md = ok("compare", case, "--with", "cmed-plus", "--format", "markdown").stdout
    assert md.startswith("# Vergelijking: Medicijndispensers vergelijking\n")
    first_table = next(line for line in md.split("\n") if line.startswith("|"))
    _check_md_table(_table_rows(md, first_table), data)
    assert "\\* Goedkoopst: Medido, € 60.560,01 over de looptijd." in md
    assert "## Waar het verschil zit" in md and "## Inclusief bij de een, apart berekend bij de ander" in md
    assert "- Medido: Implementatie door leverancier inclusief; cMed Plus rekent €2.500 (001:533)" in md

    table = ok("compare", case, "--with", "cmed-plus", env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    assert max(len(line) for line in table.split("\n")) <= 80
    for a in data["alternatives"]:
        for key in ROW_LABELS:
            assert fmt_money(Decimal(a[key])).replace("€ ", "") in table, (a["key"], key)
    assert "Medido *" in table and "* Goedkoopst: Medido" in table
    english = ok("compare", case, "--with", "cmed-plus", "--lang", "en").stdout
    assert "77,866.99" in english and "Cost per client per month" in english


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_markdown_and_workbook_show_the_compare_json(tmp_path, lang):
    from openpyxl import load_workbook

    data = compare_json(DISPENSERS, "--lang", lang)
    md, xlsx = tmp_path / "case.md", tmp_path / "case.xlsx"
    ok("report", DISPENSERS, "--md", md, "--xlsx", xlsx, "--lang", lang)
    text = md.read_text(encoding="utf-8")
    heading = "### Vergelijking met andere producten" if lang == "nl" else "### Comparison with other products"
    rows = _table_rows(text, heading)
    found = {r[0].strip("*"): [c.strip("*") for c in r[1:]] for r in rows[2:]}
    from bcalc.render.compare_view import WORDS

    for key in ROW_LABELS:
        assert found[WORDS[lang][key]] == [fmt_money(Decimal(a[key]), lang) for a in data["alternatives"]], key
    flat = " ".join(text.split())          # prose is folded at 96 characters
    for d in data["differences"]:
        assert d["text"] in flat
    for i in data["included"]:
        assert i["text"] in flat

    sheet = load_workbook(xlsx)["Vergelijking" if lang == "nl" else "Comparison"]
    values = {r[0]: r[1:] for r in sheet.iter_rows(values_only=True) if r[0]}
    heads = next(r for r in sheet.iter_rows(values_only=True) if r[1] and str(r[1]).startswith("Medido"))
    assert [h for h in heads[1:] if h] == [a["name"] + (" *" if a["cheapest"] else "") for a in data["alternatives"]]
    for key in ROW_LABELS:
        cells = values[WORDS[lang][key]][:len(data["alternatives"])]
        assert [money_str(Decimal(str(c))) for c in cells] == [a[key] for a in data["alternatives"]], key
    for cell in sheet.iter_rows():
        for c in cell:
            assert c.data_type != "f", c.coordinate         # values, not formulas
