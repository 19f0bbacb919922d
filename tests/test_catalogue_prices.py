"""Catalogue prices brought from their price year to the year before the start (catalogue_prices:
indexed), worked by hand with the CBS CPI figures of data/tariffs.yaml: 2022 10,0 %, 2023 3,8 %,
2024 3,3 %, 2025 3,3 % (sources in the file); 2026 has no published figure."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

from typer.testing import CliRunner

from conftest import line
from bcalc.cli import app
from bcalc.messages import say

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

MEDIDO = """\
case: Medido
start: 2027-01
years: 1
scenario: none
staff:
  care_staff: {count: 10, rate: 50}
  project_lead: {count: 1, rate: 70}
deployments:
  - product: medido
    clients: 1
"""
# 1,10 x 1,038 x 1,033 x 1,033 = 1,2184022202 (2022-2025); x 1,021 (the case's 2026) = 1,2439886668242
FACTOR_2025 = D("1.2184022202")
FACTOR_2026 = D("1.2439886668242")


def test_a_case_without_the_key_uses_the_2021_prices(run):
    # 62,40 x 12 = 748,80 (001:568), installation 39,00 (001:563)
    r = run(MEDIDO)
    assert line(r, "huur", 2027).excl_vat == D("748.80")
    assert line(r, "installatie", 2027).excl_vat == D("39.00")
    assert r.price_level.mode == "as_quoted"
    assert "price_level" in [w.code for w in r.warnings]


def test_medido_rent_indexed_from_2021_to_2026_with_the_case_figure_for_2026(run):
    # 748,80 x 1,2439886668242 = 931,4987... -> 931,50; installation 39 x 1,24398866... = 48,5155... -> 48,52
    r = run(MEDIDO + "catalogue_prices: indexed\ncatalogue_index: {2026: 2.1%}\n")
    assert r.price_level.factors[2021] == FACTOR_2026
    assert line(r, "huur", 2027).excl_vat == D("931.50")
    assert line(r, "installatie", 2027).excl_vat == D("48.52")
    codes = [w.code for w in r.warnings]
    assert "price_level_indexed" in codes and "catalogue_index_case" in codes
    assert "catalogue_index_missing" not in codes and "price_level" not in codes


def test_a_year_without_a_source_counts_0_percent_and_is_said(run):
    # 748,80 x 1,2184022202 = 912,3395... -> 912,34; 2026 is named as missing
    r = run(MEDIDO + "catalogue_prices: indexed\n")
    assert r.price_level.origins[2026] == "missing" and r.price_level.rates[2026] == 0
    assert line(r, "huur", 2027).excl_vat == D("912.34")
    missing = [w for w in r.warnings if w.code == "catalogue_index_missing"]
    assert [w.params["year"] for w in missing] == [2026]
    assert "catalogue_index" in say(missing[0], "nl") and "catalogue_index" in say(missing[0], "en")


def test_the_case_price_is_never_indexed(run):
    # prices: {huur: 60}: 60 x 12 = 720,00, whatever the catalogue level; installation still indexed
    r = run(MEDIDO.replace("    clients: 1\n", "    clients: 1\n    prices: {huur: 60}\n")
            + "catalogue_prices: indexed\ncatalogue_index: {2026: 2.1%}\n")
    assert line(r, "huur", 2027).excl_vat == D("720.00")
    assert line(r, "installatie", 2027).excl_vat == D("48.52")


def test_indexation_in_the_horizon_compounds_on_the_start_level(run):
    # base scenario 2,41 % at the first anniversary (2028): 748,80 x 1,2439886668242 x 1,0241 = 953,9478... -> 953,95
    r = run(MEDIDO.replace("years: 1", "years: 2").replace("scenario: none", "scenario: base")
            + "catalogue_prices: indexed\ncatalogue_index: {2026: 2.1%}\n")
    assert line(r, "huur", 2027).excl_vat == D("931.50")
    assert line(r, "huur", 2028).excl_vat == D("953.95")


def test_every_output_says_the_price_level(tmp_path):
    case = tmp_path / "case.yaml"
    case.write_text(MEDIDO + "catalogue_prices: indexed\n", encoding="utf-8")
    data = json.loads(runner.invoke(app, ["estimate", str(case), "--format", "json"]).stdout)
    level = data["catalogue_prices"]
    assert level["mode"] == "indexed" and level["to_year"] == 2026
    assert level["rates"] == {"2022": "0.1", "2023": "0.038", "2024": "0.033", "2025": "0.033", "2026": "0"}
    assert level["origins"]["2026"] == "missing" and level["factors"]["2021"] == "1.2184022202"
    table = runner.invoke(app, ["estimate", str(case)]).stdout
    assert "geïndexeerd naar 2026" in " ".join(table.split())
    md = runner.invoke(app, ["estimate", str(case), "--format", "markdown"]).stdout
    assert "| Prijspeil catalogus | 2021, geïndexeerd naar 2026 |" in md
    en = runner.invoke(app, ["estimate", str(case), "--format", "markdown", "--lang", "en"]).stdout
    assert "2021, indexed to 2026" in en
    plain = tmp_path / "plain.yaml"
    plain.write_text(MEDIDO, encoding="utf-8")
    data = json.loads(runner.invoke(app, ["estimate", str(plain), "--format", "json"]).stdout)
    assert data["catalogue_prices"] == {"mode": "as_quoted", "price_years": [2021]}


def test_the_tariffs_file_gives_each_figure_its_source(tariffs):
    assert tariffs.catalogue_index == {2022: D("0.100"), 2023: D("0.038"), 2024: D("0.033"), 2025: D("0.033")}
    assert all("CBS" in tariffs.catalogue_index_sources[y] for y in tariffs.catalogue_index)
    assert 2026 not in tariffs.catalogue_index
