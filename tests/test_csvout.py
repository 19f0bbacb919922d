"""The CSV output of an estimate: read back with the csv module and checked against figures worked
out by hand, against the JSON output, and against its own totals."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT, VIVAGO

from bcalc.core import estimate
from bcalc.loader import load_all
from bcalc.render import csvout, jsonout

CASES = sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "tests" / "cases").glob("*.yaml"))

MONEY = ("unit_price", "one_off", "recurring", "training", "internal", "excl_vat", "vat", "cost", "funding",
         "benefits", "net")
SUMMED = ("one_off", "recurring", "training", "internal", "excl_vat", "vat", "cost", "funding", "benefits", "net")
DETAIL = ("line", "funding", "benefit")

EN_HEADER = ["Record", "Year", "Months", "Deployment", "Deployment label", "Product", "Item", "Code", "Label",
             "Category", "Kind", "Role", "Quantity", "Unit price", "Hours", "Cashable", "One-off", "Recurring",
             "Training", "Internal", "Excl. VAT", "VAT", "Cost", "Funding", "Benefits", "Net", "Source", "Price from", "FTE"]
NL_HEADER = ["Soort regel", "Jaar", "Maanden", "Inzet", "Naam inzet", "Product", "Post", "Code", "Omschrijving",
             "Categorie", "Herkomst", "Rol", "Aantal", "Prijs per eenheid", "Uren", "Kasbaat", "Eenmalig",
             "Terugkerend", "Training", "Interne uren", "Excl. btw", "Btw", "Kosten", "Financiering", "Baten",
             "Netto", "Bron", "Prijs uit", "Fte"]


def parse(text: str) -> tuple[list[str], list[dict]]:
    """Header and rows; each row keyed by column code, in the order of docs/csv.md."""
    table = list(csv.reader(io.StringIO(text, newline="")))
    header, body = table[0], table[1:]
    assert all(len(r) == len(header) for r in body), "every row has every column"
    return header, [dict(zip(csvout.FIELDS, r)) for r in body]


def records(rows: list[dict], kind: str) -> list[dict]:
    return [r for r in rows if r["record"] == kind]


def amount(cell: str) -> Decimal:
    return Decimal(cell) if cell else Decimal("0")


def compute(path: Path):
    catalogue, tariffs, case = load_all(path)
    return estimate(case, catalogue, tariffs)


@pytest.fixture(scope="module", params=CASES, ids=lambda p: p.stem)
def example(request):
    return compute(request.param)


# ---- the worked check -------------------------------------------------------------------------


def test_vivago_worked_check_by_hand(run):
    _, rows = parse(csvout.render(run(VIVAGO)))
    [year] = records(rows, "year_total")
    assert year["year"] == "2027" and year["months"] == "12"
    assert year["one_off"] == "8250.00"       # 25 x 330
    assert year["recurring"] == "8400.00"     # 25 x 28 x 12
    assert year["training"] == "2300.00"      # (30 x 1 h + 8 h + 2 x 4 h) x 50
    assert year["internal"] == "0.00"
    assert year["excl_vat"] == "18950.00"     # 8250 + 8400 + 2300
    assert year["vat"] == "3496.50"           # (8250 + 8400) x 21 %
    assert year["cost"] == "22446.50"
    assert year["funding"] == "0.00" and year["benefits"] == "0.00"
    assert year["net"] == "-22446.50"
    [total] = records(rows, "total")
    assert total["year"] == "" and total["cost"] == "22446.50" and total["net"] == "-22446.50"


def test_vivago_lines_by_hand(run):
    _, rows = parse(csvout.render(run(VIVAGO)))
    lines = {r["item"]: r for r in records(rows, "line")}
    assert set(lines) == {"aanschaf", "maandelijks", "uitleg-zorgteam", "training-functioneel-beheerder",
                          "training-data-analyse"}
    purchase = lines["aanschaf"]
    assert (purchase["deployment"], purchase["product"], purchase["category"], purchase["kind"]) == \
        ("1", "vivago", "one_off", "supplier")
    assert (purchase["quantity"], purchase["unit_price"]) == ("25", "330.00")
    # 8250.00 excl. + 21 % VAT 1732.50 = 9982.50, a cost: -9982.50 on the net
    assert (purchase["one_off"], purchase["excl_vat"], purchase["vat"], purchase["cost"], purchase["net"]) == \
        ("8250.00", "8250.00", "1732.50", "9982.50", "-9982.50")
    assert purchase["recurring"] == purchase["training"] == purchase["funding"] == purchase["role"] == ""
    assert purchase["source"] == "001:1127"
    monthly = lines["maandelijks"]
    assert (monthly["quantity"], monthly["unit_price"], monthly["recurring"], monthly["vat"]) == \
        ("300", "28.00", "8400.00", "1764.00")     # 25 clients x 12 months; 8400 x 21 %
    team = lines["uitleg-zorgteam"]
    assert (team["kind"], team["role"], team["quantity"], team["unit_price"]) == \
        ("internal", "care_staff", "30", "50.00")
    assert (team["training"], team["vat"], team["cost"]) == ("1500.00", "0.00", "1500.00")


def test_funding_and_benefit_rows_by_hand(run):
    result = run(VIVAGO + """\
funding:
  - code: subsidy
    label: SET-subsidie
    amount: 25000
    year: 1
  - code: H139
    clients: 10
    hours_per_month: 1.5
    tariff: 80
benefits:
  - label: Minder nachtrondes
    kind: time
    per: month
    minutes: 30
    role: care_staff
    source: eigen meting
  - label: Vermeden materiaal
    kind: avoided_cost
    per: month
    amount: 2
    cashable: true
""")
    _, rows = parse(csvout.render(result))
    subsidy, hourly = records(rows, "funding")
    assert (subsidy["year"], subsidy["code"], subsidy["label"], subsidy["funding"], subsidy["net"]) == \
        ("2027", "subsidy", "SET-subsidie", "25000.00", "25000.00")
    assert subsidy["cost"] == subsidy["vat"] == subsidy["category"] == subsidy["deployment"] == ""
    # 10 clients x 1.5 h a month x 12 months = 180 h, x EUR 80 = 14400.00
    assert (hourly["code"], hourly["quantity"], hourly["unit_price"], hourly["funding"]) == \
        ("H139", "180", "80.00", "14400.00")
    time, avoided = records(rows, "benefit")
    # 25 clients x 30 minutes x 12 months = 150 h, at the care staff rate of EUR 50 = 7500.00
    assert (time["label"], time["year"], time["deployment"], time["product"]) == \
        ("Minder nachtrondes", "2027", "1", "vivago")
    assert (time["hours"], time["benefits"], time["cashable"], time["source"]) == \
        ("150", "7500.00", "false", "eigen meting")
    # 25 clients x EUR 2 x 12 months = 600.00, money that leaves the budget
    assert (avoided["hours"], avoided["benefits"], avoided["net"], avoided["cashable"]) == \
        ("0", "600.00", "600.00", "true")
    [year] = records(rows, "year_total")
    assert (year["funding"], year["benefits"]) == ("39400.00", "8100.00")
    # 25000 + 14400 + 7500 + 600 - 22446.50 = 47500 - 22446.50
    assert year["net"] == "25053.50"


def test_a_year_total_row_per_calendar_year_with_its_months(run):
    text = VIVAGO.replace("start: 2027-01", "start: 2027-07").replace("years: 1", "years: 2")
    _, rows = parse(csvout.render(run(text)))
    assert [(r["year"], r["months"]) for r in records(rows, "year_total")] == \
        [("2027", "6"), ("2028", "12"), ("2029", "6")]
    assert [r["record"] for r in rows][-4:] == ["year_total", "year_total", "year_total", "total"]


# ---- headers and layout ---------------------------------------------------------------------


def test_dutch_headers_by_default_and_english_on_request(run):
    result = run(VIVAGO)
    assert parse(csvout.render(result))[0] == NL_HEADER
    assert parse(csvout.render(result, "en"))[0] == EN_HEADER


def test_codes_in_the_cells_do_not_follow_the_language(run):
    result = run(VIVAGO)
    assert parse(csvout.render(result, "nl"))[1] == parse(csvout.render(result, "en"))[1]


def test_an_unknown_language_is_refused(run):
    with pytest.raises(ValueError, match="fr"):
        csvout.render(run(VIVAGO), "fr")


def test_line_ends_and_separator(run):
    text = csvout.render(run(VIVAGO))
    assert "\r" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert text.splitlines()[0].count(",") == len(EN_HEADER) - 1


def test_commas_quotes_and_line_breaks_in_text_are_quoted(run):
    text = VIVAGO.replace("clients: 25", 'clients: 25\n    label: "Noord, team \\"A\\"\\nnacht"')
    raw = csvout.render(run(text))
    assert '"Noord, team ""A""\nnacht"' in raw
    _, rows = parse(raw)
    assert {r["deployment_label"] for r in records(rows, "line")} == {'Noord, team "A"\nnacht'}


# ---- formulas ------------------------------------------------------------------------------


def test_text_that_looks_like_a_formula_stays_text(run):
    labelled = VIVAGO.replace("clients: 25", """clients: 25\n    label: '=HYPERLINK("http://example.invalid","klik")'""")
    result = run(labelled + """\
funding:
  - code: subsidy
    label: "@SUM(A1:A9)"
    amount: 1000
    year: 1
benefits:
  - label: "+1"
    kind: time
    per: month
    minutes: 6
    role: care_staff
    source: "-2+3"
  - label: "-10% korting"
    kind: avoided_cost
    per: month
    amount: 1
""")
    raw = csvout.render(result)
    _, rows = parse(raw)
    assert {r["deployment_label"] for r in records(rows, "line")} == \
        {"'=HYPERLINK(\"http://example.invalid\",\"klik\")"}
    assert records(rows, "funding")[0]["label"] == "'@SUM(A1:A9)"
    time, avoided = records(rows, "benefit")
    assert (time["label"], time["source"], time["deployment_label"]) == \
        ("'+1", "'-2+3", "'=HYPERLINK(\"http://example.invalid\",\"klik\")")
    assert avoided["label"] == "'-10% korting"
    # numbers stay numbers, minus sign and all: 1000 + 1500 (25 x 6 min x 12 = 30 h x 50) + 300 - 22446.50
    assert records(rows, "year_total")[0]["net"] == "-19646.50"
    assert "\n" + ",".join(["year_total", "2027", "12"]) in raw
    assert ",-19646.50," in raw and ",-9982.50," in raw


def test_only_the_formula_characters_get_a_quote():
    assert [csvout.guard(t) for t in ("=1", "+1", "-1", "@a", "\tx", "\rx", "a=1", " =1", "", "'x")] == \
        ["'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", "a=1", " =1", "", "'x"]


# ---- every example: the CSV agrees with itself and with the JSON ----------------------------


def test_numbers_are_plain_with_a_decimal_point(example):
    _, rows = parse(csvout.render(example))
    for row in rows:
        for name in MONEY:
            assert re.fullmatch(r"(-?\d+\.\d\d)?", row[name]), (name, row)
        for name in ("quantity", "hours"):
            assert re.fullmatch(r"(-?\d+(\.\d{0,5}[1-9])?)?", row[name]), (name, row)
        for name in ("year", "months", "deployment"):
            assert re.fullmatch(r"(\d+)?", row[name]), (name, row)


def test_the_rows_of_a_year_sum_to_its_total_in_every_column(example):
    _, rows = parse(csvout.render(example))
    years = records(rows, "year_total")
    assert [r["year"] for r in years] == [str(row.year) for row in example.per_year]
    for year in years:
        detail = [r for r in rows if r["record"] in DETAIL and r["year"] == year["year"]]
        for name in SUMMED:
            assert sum(amount(r[name]) for r in detail) == Decimal(year[name]), (year["year"], name)
    [total] = records(rows, "total")
    for name in SUMMED:
        assert sum(Decimal(r[name]) for r in years) == Decimal(total[name]), name
        assert sum(amount(r[name]) for r in rows if r["record"] in DETAIL) == Decimal(total[name]), name


def test_a_line_splits_its_cost_into_its_category_and_vat(example):
    _, rows = parse(csvout.render(example))
    for row in records(rows, "line"):
        assert row[row["category"]] == row["excl_vat"]
        assert Decimal(row["excl_vat"]) + Decimal(row["vat"]) == Decimal(row["cost"]) == -Decimal(row["net"])


def test_csv_and_json_agree_on_every_line_and_total(example):
    _, rows = parse(csvout.render(example))
    data = json.loads(jsonout.render(example))
    lines = records(rows, "line")
    assert len(lines) == len(data["lines"])
    for row, entry in zip(lines, data["lines"]):
        for name in ("product", "item", "category", "quantity", "excl_vat", "vat", "source", "label", "kind"):
            assert row[name] == csvout.guard(entry[name]), (name, entry)
        assert row["year"] == str(entry["year"]) and row["deployment"] == str(entry["deployment"])
        assert row["unit_price"] == (entry["unit_price"] or "")
        assert row["role"] == (entry.get("role") or "")
    funding = records(rows, "funding")
    assert [(r["code"], r["year"], r["funding"], r["quantity"]) for r in funding] == \
        [(f["code"], str(f["year"]), f["amount"], f["quantity"]) for f in data["funding"]]
    benefits = records(rows, "benefit")
    assert [(r["label"], r["year"], r["benefits"], r["hours"]) for r in benefits] == \
        [(csvout.guard(b["label"]), str(b["year"]), b["amount"], b["hours"]) for b in data["benefits"]]
    for row, entry in zip(records(rows, "year_total"), data["per_year"]):
        assert row["year"] == str(entry["year"]) and row["months"] == str(entry["months"])
        for name in SUMMED:
            if name != "excl_vat":
                assert row[name] == entry[name], name
    [total] = records(rows, "total")
    for name in SUMMED:
        if name != "excl_vat":
            assert total[name] == data["total"][name], name


def test_the_examples_have_funding_and_benefit_rows_to_check():
    kinds = set()
    for path in CASES:
        _, rows = parse(csvout.render(compute(path)))
        kinds |= {r["record"] for r in rows}
    assert kinds == {"line", "funding", "benefit", "year_total", "total", "staff_hours", "depreciation", "interest",
                     "operating_year_total", "operating_total", "book_value", "phase_total", "party_year", "party_total"}
