"""Versions of a catalogue item: a new price list beside the old one (valid_from / valid_until).

The test catalogue tests/catalogues/versions holds the Medido of data/suppliers.yaml with its rent in
two versions: the catalogue's own EUR 62,40 (001:568, price year 2021) until 2027-06, and EUR 65,00
from 2027-07 (document 900, price year 2027). The EUR 65,00 is a made-up test figure, no price of any
source. A case takes the version that applies in its start month, for its whole horizon.

Every case below: scenario none (no indexation), 10 clients, 10 care staff at EUR 50/h, a project
lead without a rate (hours counted, not valued), VAT 21 % with nothing recoverable. The Medido's
other lines (001:563-567): installation EUR 39 per new unit (10 x 39 = 390,00, VAT 81,90), training
1 hour per care worker (10 x 1 x 50 = 500,00, no VAT), implementation included (0,00).
"""

from __future__ import annotations

import json
import shutil
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from bcalc.core import estimate
from bcalc.loader import load_all, load_catalogue
from bcalc.messages import say
from conftest import ROOT, bad, line_of, ok

VERSIONS = ROOT / "tests" / "catalogues" / "versions"
OLD_END = "        valid_until: 2027-06             # the old price list stops when the new one starts\n"

CASE = """\
case: Versies
start: {start}
years: {years}
scenario: none
staff:
  care_staff: {{count: 10, rate: 50}}
  project_lead: {{count: 1}}
deployments:
  - product: medido
    clients: 10
{more}"""


@pytest.fixture(autouse=True)
def _fresh_catalogues(monkeypatch):
    monkeypatch.setenv("BCALC_CACHE", "off")  # read the test catalogues each time, not a kept load


def write_case(tmp_path: Path, start: str, years: int = 1, more: str = "") -> Path:
    path = tmp_path / f"case-{start}.yaml"
    path.write_text(CASE.format(start=start, years=years, more=textwrap.indent(more, "    ") if more else ""),
                    encoding="utf-8")
    return path


def run_json(path: Path, folder: Path = VERSIONS) -> dict:
    return json.loads(ok("estimate", path, "--catalogue", folder, "--format", "json").stdout)


def rent(data: dict) -> list[tuple]:
    return [(ln["year"], ln["quantity"], ln["unit_price"], ln["excl_vat"], ln["vat"], ln["source"])
            for ln in data["lines"] if ln["item"] == "huur"]


def version_notices(data: dict) -> list[dict]:
    return [w for w in data["notices"] if w["code"] == "catalogue_version"]


def edited(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    """A copy of the test catalogue with some text replaced."""
    folder = tmp_path / "catalogue"
    shutil.copytree(VERSIONS, folder)
    path = folder / "suppliers.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return folder


# ---- the catalogue ------------------------------------------------------------------------------

def test_the_test_catalogue_holds_both_versions():
    product = load_catalogue(VERSIONS).products["medido"]
    versions = [it for it in product.items if it.id == "huur"]
    assert [(v.price.amount, v.source, v.price_year, v.valid_from, v.valid_until) for v in versions] == [
        (Decimal("62.40"), "001:568", None, None, "2027-06"),   # the product's price year (2021)
        (Decimal("65.00"), "900:3", 2027, "2027-07", None),     # its document's price year
    ]
    assert [it.id for it in product.at("2027-06").items] == ["installatie", "ophalen", "implementatie", "huur",
                                                             "zorgcentrale"]
    assert product.at("2027-06").item("huur").price.amount == Decimal("62.40")
    assert product.at("2027-07").item("huur").price.amount == Decimal("65.00")


def test_the_bundled_catalogue_has_no_versions_and_stays_as_it_is():
    catalogue = load_catalogue()
    assert not any(it.versioned or it.price_year for p in catalogue.products.values() for it in p.items)
    assert catalogue.at("2027-01") is catalogue  # items without a period: nothing to pick


# ---- a case takes the version of its start month ------------------------------------------------

def test_a_case_before_the_switch_pays_the_old_rent(tmp_path):
    data = run_json(write_case(tmp_path, "2027-01"))
    # 62,40 x 12 months x 10 clients = 7.488,00 excl. VAT; VAT 7.488,00 x 21 % = 1.572,48
    assert rent(data) == [(2027, "120", "62.40", "7488.00", "1572.48", "001:568")]
    # one_off 390,00; recurring 7.488,00; training 500,00; VAT 81,90 + 1.572,48 = 1.654,38;
    # cost 390,00 + 7.488,00 + 500,00 + 1.654,38 = 10.032,38
    total = data["total"]
    assert (total["one_off"], total["recurring"], total["training"], total["vat"], total["cost"]) == \
           ("390.00", "7488.00", "500.00", "1654.38", "10032.38")
    [notice] = version_notices(data)
    assert notice["source"] == "001:568"
    assert notice["params"] == {"product": "Medido", "item": "Maandelijkse huur", "item_id": "huur",
                                "valid_from": None, "valid_until": "2027-06", "start": "2027-01", "year": 2021}
    assert notice["text"] == ("Medido, Maandelijkse huur: prijs van de catalogusversie die geldt tot en met 2027-06 "
                              "(001:568, prijspeil 2021), want de case begint in 2027-01")


def test_the_last_month_of_the_old_version_still_takes_it(tmp_path):
    data = run_json(write_case(tmp_path, "2027-06"))
    # 2027-06 .. 2027-12: 7 months x 10 x 62,40 = 4.368,00; 2028-01 .. 2028-05: 5 x 10 x 62,40 = 3.120,00
    assert rent(data) == [(2027, "70", "62.40", "4368.00", "917.28", "001:568"),
                          (2028, "50", "62.40", "3120.00", "655.20", "001:568")]


def test_a_case_after_the_switch_pays_the_new_rent(tmp_path):
    data = run_json(write_case(tmp_path, "2027-07"))
    # 65,00 x 6 months x 10 clients = 3.900,00 in 2027 (July-December) and again in 2028 (January-June);
    # VAT 3.900,00 x 21 % = 819,00 each: rent 7.800,00, its VAT 1.638,00
    assert rent(data) == [(2027, "60", "65.00", "3900.00", "819.00", "900:3"),
                          (2028, "60", "65.00", "3900.00", "819.00", "900:3")]
    # VAT 81,90 + 1.638,00 = 1.719,90; cost 390,00 + 7.800,00 + 500,00 + 1.719,90 = 10.409,90
    total = data["total"]
    assert (total["recurring"], total["vat"], total["cost"]) == ("7800.00", "1719.90", "10409.90")
    [notice] = version_notices(data)
    assert (notice["source"], notice["params"]["valid_from"], notice["params"]["year"]) == ("900:3", "2027-07", 2027)
    assert "die geldt vanaf 2027-07 (900:3, prijspeil 2027)" in notice["text"]
    assert 2027 in data["price_level"] and 2021 in data["price_level"]


def test_the_version_of_the_start_holds_for_the_whole_horizon(tmp_path):
    """The price list of the contract's start applies to the contract; later years follow the indexation,
    not a later price list."""
    data = run_json(write_case(tmp_path, "2027-01", years=2))
    # two contract years, both at 62,40: 12 x 10 x 62,40 = 7.488,00 a year
    assert rent(data) == [(2027, "120", "62.40", "7488.00", "1572.48", "001:568"),
                          (2028, "120", "62.40", "7488.00", "1572.48", "001:568")]


def test_the_notice_has_words_in_english(tmp_path):
    data = json.loads(ok("estimate", write_case(tmp_path, "2027-07"), "--catalogue", VERSIONS, "--format", "json",
                         "--lang", "en").stdout)
    [notice] = version_notices(data)
    assert notice["text"] == ("Medido, Maandelijkse huur: price of the catalogue version that applies from 2027-07 "
                              "(900:3, price level 2027), as the case starts in 2027-07")


def test_both_bounds_in_the_notice(tmp_path):
    folder = edited(tmp_path, ("        valid_from: 2027-07\n", "        valid_from: 2027-07\n        valid_until: 2028-06\n"))
    path = write_case(tmp_path, "2027-07")
    cat, tariffs, case = load_all(path, folder)
    [notice] = [w for w in estimate(case, cat, tariffs).warnings if w.code == "catalogue_version"]
    assert "die geldt van 2027-07 tot en met 2028-06 (900:3" in say(notice, "nl")
    assert "that applies from 2027-07 to 2028-06 (900:3" in say(notice, "en")


def test_a_version_at_its_own_price_year_under_indexed_prices(tmp_path):
    """catalogue_prices: indexed brings each figure from its own price year to the year before the start."""
    more = ""
    path = write_case(tmp_path, "2028-01", more=more)
    path.write_text(path.read_text(encoding="utf-8") + "catalogue_prices: indexed\n"
                    "catalogue_index: {2026: 2%, 2027: 2%}\n", encoding="utf-8")
    data = run_json(path)
    # the 2027 rent is at the level of 2027 already (factor 1): 65,00 x 12 x 10 = 7.800,00
    assert rent(data) == [(2028, "120", "65.00", "7800.00", "1638.00", "900:3")]
    # the 2021 installation is brought to 2027: 1,10 x 1,038 x 1,033 x 1,033 (CPI 2022-2025, data/tariffs.yaml)
    # x 1,02 x 1,02 (the case's 2026 and 2027) = 1,26762567; 10 x 39 x 1,26762567 = 494,37
    [install] = [ln for ln in data["lines"] if ln["item"] == "installatie"]
    assert install["excl_vat"] == "494.37"
    assert data["catalogue_prices"]["factors"] == {"2021": "1.26762566989608", "2027": "1"}


# ---- no version at the start ----------------------------------------------------------------------

def test_no_version_at_the_start_is_an_input_error(tmp_path):
    folder = edited(tmp_path, (OLD_END, "        valid_from: 2026-01\n        valid_until: 2027-06\n"))
    path = write_case(tmp_path, "2025-06")
    result = bad("estimate", path, "--catalogue", folder)
    line = line_of(path, "- product: medido")
    assert result.stderr.strip() == (
        f"{path}:{line}: deployments[0].product: item 'huur' of medido has no version for the start 2025-06 (its "
        f"versions: 2026-01 to 2027-06 (001:568); from 2027-07 (900:3)); start the case within one of these periods, "
        f"or use a catalogue (--catalogue) with a version that applies in 2025-06")
    assert result.stdout == ""


def test_a_price_for_an_item_without_a_version_adds_no_second_problem(tmp_path):
    folder = edited(tmp_path, (OLD_END, "        valid_from: 2026-01\n        valid_until: 2027-06\n"))
    path = write_case(tmp_path, "2025-06", more="prices: {huur: 58}\n")
    lines = bad("estimate", path, "--catalogue", folder).stderr.strip().splitlines()
    assert len(lines) == 1 and "item 'huur' of medido has no version for the start 2025-06" in lines[0]


def test_an_option_without_a_version_counts_only_when_taken(tmp_path):
    folder = edited(tmp_path, ('        options: [zorgcentrale]\n        source: "001:569"\n',
                               '        options: [zorgcentrale]\n        source: "001:569"\n'
                               '        valid_from: 2028-01\n'))
    data = run_json(write_case(tmp_path, "2027-01"), folder)
    assert not [ln for ln in data["lines"] if ln["item"] == "zorgcentrale"]  # not taken: not charged
    path = write_case(tmp_path, "2027-01", more="options: [zorgcentrale]\n")
    result = bad("estimate", path, "--catalogue", folder)
    assert f"{path}:{line_of(path, '- product: medido')}: deployments[0].product: item 'zorgcentrale' of medido " \
           f"has no version for the start 2027-01 (its versions: from 2028-01 (001:569))" in result.stderr
    assert "has no option" not in result.stderr


def test_overlapping_versions_stop_every_command(tmp_path):
    folder = ROOT / "tests" / "bad" / "catalogues" / "23-item-versions-overlap"
    result = bad("estimate", write_case(tmp_path, "2027-01"), "--catalogue", folder)
    path = folder / "suppliers.yaml"
    assert f"{path}:{line_of(path, 'valid_from: 2027-06')}: products[0].items[4].valid_from: this version of " \
           f"'huur' (from 2027-06) overlaps the entry on line 63 (until 2027-06)" in result.stderr


def test_a_version_after_an_entry_without_a_period(tmp_path):
    folder = edited(tmp_path, (OLD_END, ""))
    result = bad("catalogue", "validate", folder)
    path = folder / "suppliers.yaml"
    assert f"{path}:{line_of(path, 'valid_from: 2027-07')}: products[0].items[4].valid_from: this version of " \
           f"'huur' (from 2027-07) overlaps the entry on line {line_of(path, '- id: huur')}, which has no valid_from " \
           f"or valid_until (it applies always)" in result.stderr


def test_a_case_file_writes_no_versions_of_its_own_lines(tmp_path):
    more = ("items:\n  - {id: extra, label: Extra, basis: unit, timing: monthly, category: recurring, amount: 1,\n"
            "     source: eigen schatting, valid_from: 2027-01}\n")
    path = write_case(tmp_path, "2027-01", more=more)
    result = bad("estimate", path)
    assert f"{path}:{line_of(path, 'valid_from')}: deployments[0].items[0].valid_from: unknown field" in result.stderr


# ---- the documents name the version's source -----------------------------------------------------

def test_the_sources_chapter_names_the_version_used(tmp_path):
    after, before = tmp_path / "after.md", tmp_path / "before.md"
    ok("report", write_case(tmp_path, "2027-07"), "--catalogue", VERSIONS, "--md", after)
    ok("report", write_case(tmp_path, "2027-01"), "--catalogue", VERSIONS, "--md", before)
    text = after.read_text(encoding="utf-8")
    assert "| 1. Medido | Maandelijkse huur | €65,00 | exclusief btw | 900:3 | 2027 |" in text
    assert "- 900: Testprijslijst Vitavanti 2027" in text
    assert "001:568" not in text
    text = before.read_text(encoding="utf-8")
    assert "| 1. Medido | Maandelijkse huur | €62,40 | exclusief btw | 001:568 | 2021 |" in text
    assert "900:" not in text and "€65,00" not in text


def test_the_workbook_sources_sheet_names_the_version_used(tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "after.xlsx"
    ok("report", write_case(tmp_path, "2027-07"), "--catalogue", VERSIONS, "--xlsx", target)
    sheet = load_workbook(target)["Bronnen"]
    rows = [r for r in sheet.iter_rows(values_only=True) if r[2] == "huur"]
    assert rows == [(1, "Medido", "huur", "Maandelijkse huur", "€65,00", "excl.", "900:3", 2027, None)]


@pytest.mark.parametrize("start,indexed", [("2027-07", False), ("2028-01", True)])
def test_libreoffice_totals_equal_the_engine_with_versions(tmp_path, start, indexed):
    import lo
    from bcalc.app import report_of
    from bcalc.render import xlsx

    lo.require_soffice()
    path = write_case(tmp_path, start, years=2)
    if indexed:
        path.write_text(path.read_text(encoding="utf-8") + "catalogue_prices: indexed\n"
                        "catalogue_index: {2026: 2%, 2027: 2%}\n", encoding="utf-8")
    cat, tariffs, case = load_all(path, VERSIONS)
    result = estimate(case, cat, tariffs)
    target = tmp_path / "versions.xlsx"
    target.write_bytes(xlsx.render(report_of(result, cat, tariffs), "nl"))
    values = lo.named_values(lo.recalc(target, tmp_path))
    for key in ("one_off", "recurring", "training", "internal", "vat", "cost"):
        assert values[f"total_{key}"].quantize(Decimal("0.01")) == getattr(result.total, key), key
