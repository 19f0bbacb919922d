"""The command line, driven in-process through typer's CliRunner (interface.md, sections 1 and 4)."""

from __future__ import annotations

import json
import sys
import re
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import bad, invoke, ok

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DISPENSERS = ROOT / "examples" / "medicijndispensers.yaml"
MONEY_RE = re.compile(r"^-?\d+\.\d{2}$")
SOURCE_RE = re.compile(r"^\d{3}:\d+(?:-\d+)?$")

def flat(text: str) -> str:
    """Whitespace collapsed, so that wrapped help and table text can be searched."""
    return " ".join(text.split())


def estimate_json(*args: str) -> dict:
    return json.loads(ok("estimate", "--format", "json", *args).stdout)


# ---- help ----------------------------------------------------------------------------------------

HELP = [
    ((), "business case and financing of care technology"),
    (("estimate",), "Costs, VAT, funding and net result per year for one case"),
    (("catalogue",), "Browse and check the supplier catalogue"),
    (("catalogue", "list"), "List the products in the catalogue"),
    (("catalogue", "show"), "Every cost and time line of one product"),
    (("catalogue", "validate"), "Check the catalogues"),
    (("funding",), "Browse the funding codes"),
    (("funding", "list"), "List the funding codes"),
    (("funding", "show"), "Definition, unit, tariff and source of one funding code"),
    (("init",), "Write a commented starter case file"),
    (("report",), "Write the business case documents"),
    (("compare",), "The same need served by several products side by side"),
    (("scenarios",), "The case under every indexation scenario"),
    (("sensitivity",), "One input at a time to its low and high end"),
    (("simulate",), "Monte Carlo over everything sensitivity moves"),
]


@pytest.mark.parametrize("command,purpose", HELP, ids=[" ".join(c) or "bcalc" for c, _ in HELP])
def test_help(command, purpose):
    result = ok("--lang", "en", *command, "--help")
    text = flat(result.stdout)
    assert "Usage:" in text
    assert purpose in text, text


def test_top_level_help_lists_every_command():
    text = ok("--help").stdout
    for name in ("estimate", "report", "compare", "scenarios", "sensitivity", "simulate", "catalogue", "funding",
                 "init"):
        assert name in text


# ---- estimate ------------------------------------------------------------------------------------


def test_estimate_without_argument_runs_bundled_example():
    result = ok("estimate")
    assert "Medicijndispensers wijkteams Noord" in result.stdout
    assert result.stderr == ""


def test_estimate_json_shape():
    data = estimate_json()
    assert data["format"] == "bcalc.estimate/1"
    assert data["case"] == "Medicijndispensers wijkteams Noord"
    assert data["currency"] == "EUR"
    assert data["start"] == "2027-01" and data["years"] == 5
    assert [row["year"] for row in data["per_year"]] == [2027, 2028, 2029, 2030, 2031]
    assert MONEY_RE.match(data["total"]["cost"])
    assert Decimal(data["total"]["cost"]) > 0
    assert data["lines"], "no cost lines"
    for line in data["lines"]:
        assert SOURCE_RE.match(line["source"]), line
        assert line["product"] == "medido"
    assert {ln["source"] for ln in data["lines"]} >= {"001:568", "001:563"}


def test_estimate_json_totals_add_up():
    """cost = one_off + recurring + training + internal + vat; every total is the sum of its years."""
    data = estimate_json()
    keys = ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits", "net")
    for row in data["per_year"] + [data["total"]]:
        parts = sum(Decimal(row[k]) for k in ("one_off", "recurring", "training", "internal", "vat"))
        assert parts == Decimal(row["cost"]), row
        assert Decimal(row["net"]) == Decimal(row["funding"]) + Decimal(row["benefits"]) - Decimal(row["cost"])
    for k in keys:
        assert sum(Decimal(r[k]) for r in data["per_year"]) == Decimal(data["total"][k]), k


def _money_fields(data: dict):
    """(where, value) for every money field of the estimate JSON."""
    totals = ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits", "net")
    for i, row in enumerate(data["per_year"]):
        for k in totals:
            yield f"per_year[{i}].{k}", row[k]
    for k in totals:
        yield f"total.{k}", data["total"][k]
    for i, p in enumerate(data["products"]):
        for k in ("one_off", "recurring", "training", "internal", "vat", "cost"):
            yield f"products[{i}].{k}", p[k]
    for i, ln in enumerate(data["lines"]):
        for k in ("excl_vat", "vat"):
            yield f"lines[{i}].{k}", ln[k]
        if ln.get("unit_price") is not None:
            yield f"lines[{i}].unit_price", ln["unit_price"]
    for i, f in enumerate(data.get("funding", [])):
        yield f"funding[{i}].amount", f["amount"]


def _assert_money(data: dict) -> int:
    n = 0
    for where, value in _money_fields(data):
        assert isinstance(value, str) and MONEY_RE.match(value), f"{where}: {value!r} is not money text with two decimals"
        n += 1
    return n


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_money_is_text_with_two_decimals(example):
    data = estimate_json(str(example))
    assert _assert_money(data) > 20


def test_money_with_funding_lines(tmp_path):
    case = tmp_path / "funded.yaml"
    case.write_text(DISPENSERS.read_text(encoding="utf-8") + """
funding:
  - code: "1062"
    clients: 40
    hours_per_month: 1.5
    tariff: 80.00
  - code: VPT
    clients: 10
    day_rate: 165.00
    technology_share: 2%
  - code: subsidy
    label: SET-subsidie
    amount: 25000
    year: 1
""", encoding="utf-8")
    data = estimate_json(str(case))
    assert {f["code"] for f in data["funding"]} == {"1062", "VPT", "subsidy"}
    _assert_money(data)
    assert Decimal(data["total"]["funding"]) > Decimal(25000)


def test_examples_exist():
    assert {p.name for p in EXAMPLES} >= {"medicijndispensers.yaml", "leefstijlmonitoring.yaml", "zorgrobots.yaml"}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_run(example, fmt, lang):
    """Every format of every example shows the same total cost as the JSON, written the language's way."""
    result = ok("estimate", str(example), "--format", fmt, "--lang", lang)
    total = estimate_json(str(example))["total"]["cost"]
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["format"] == "bcalc.estimate/1" and data["total"]["cost"] == total
        return
    whole, cents = total.split(".")
    grouped = f"{int(whole):,}"
    shown = f"{grouped.replace(',', '.')},{cents}" if lang == "nl" else f"{grouped}.{cents}"
    assert shown in flat(result.stdout), (shown, total)


def test_prices_low_mid_high_order():
    cost = {end: Decimal(estimate_json(str(DISPENSERS), "--prices", end)["total"]["cost"])
            for end in ("low", "mid", "high")}
    assert cost["low"] <= cost["mid"] <= cost["high"], cost
    assert cost["low"] < cost["high"], "the zorgcentrale range EUR 10-15 must make a difference"


def test_scenarios_order():
    cost = {s: Decimal(estimate_json(str(DISPENSERS), "--scenario", s)["total"]["cost"])
            for s in ("none", "base", "high")}
    assert cost["none"] <= cost["base"] <= cost["high"], cost
    assert cost["none"] < cost["base"], "indexation must raise the cost of a 5-year case"


def test_scenario_reported_in_json():
    assert estimate_json("--scenario", "none")["scenario"] == "none"


def test_unknown_scenario_option():
    result = bad("estimate", "--scenario", "nope")
    assert result.stdout == ""
    assert "nope" in result.stderr


def test_estimate_missing_file():
    result = bad("estimate", "no-such-case.yaml")
    assert "no-such-case.yaml" in result.stderr and "file not found" in result.stderr


def test_estimate_bad_format_option():
    bad("estimate", "--format", "pdf")


# ---- catalogue -----------------------------------------------------------------------------------


def test_catalogue_list_shows_27_products():
    result = ok("catalogue", "list")
    assert "27" in result.stdout
    for pid in ("cmed-plus", "medido", "robot-maatje", "tessa", "billy-billy", "robothond", "joy-for-all",
                "justocat", "paro", "sensara", "vivago", "abena-nova"):
        assert pid in result.stdout, pid
    products = json.loads(ok("catalogue", "list", "--format", "json").stdout)
    assert len(products) == 27
    assert len({p["id"] for p in products}) == 27


def test_catalogue_list_by_need():
    products = json.loads(ok("catalogue", "list", "--need", "medication_dispenser", "--format", "json").stdout)
    assert sorted(p["id"] for p in products) == ["cmed-plus", "medido"]


def test_catalogue_list_unknown_need():
    result = bad("catalogue", "list", "--need", "teleportation")
    assert "--need" in result.stderr and "medication_dispenser" in result.stderr
    assert result.stdout == ""


def test_catalogue_show_medido():
    text = ok("catalogue", "show", "medido").stdout
    assert "001:568" in text
    assert "€62,40" in text
    assert "Medido" in text


def test_catalogue_show_json():
    data = json.loads(ok("catalogue", "show", "medido", "--format", "json").stdout)
    assert data["id"] == "medido"
    huur = next(it for it in data["items"] if it["id"] == "huur")
    assert huur["source"] == "001:568" and huur["price"]["written"] == "€62,40" and huur["price"]["amount"] == "62.4"


def test_catalogue_show_unknown_product():
    result = bad("catalogue", "show", "nope")
    assert "unknown product 'nope'" in result.stderr
    assert "bcalc catalogue list" in result.stderr  # the suggestion when nothing is close
    result = bad("catalogue", "show", "medid")
    assert "did you mean 'medido'" in result.stderr
    assert result.stdout == ""


def test_catalogue_validate():
    text = ok("catalogue", "validate", "--lang", "en").stdout
    assert text.startswith("ok")
    assert re.search(r"\b27 products, \d+ items, 23 time lines; 5 funding codes, 4 scenarios\b", text), text


def test_catalogue_validate_bundled_dir_explicitly():
    text = ok("catalogue", "validate", str(ROOT / "data"), "--lang", "en").stdout
    assert text.startswith("ok: 27 products")


def test_catalogue_validate_missing_dir(tmp_path):
    result = bad("catalogue", "validate", str(tmp_path / "nowhere"))
    assert "file not found" in result.stderr


# ---- funding -------------------------------------------------------------------------------------


def test_funding_list():
    text = ok("funding", "list").stdout
    for code in ("1062", "H139", "H306", "VPT", "subsidy"):
        assert code in text, code
    codes = json.loads(ok("funding", "list", "--format", "json").stdout)
    assert [c["code"] for c in codes] == ["1062", "H139", "H306", "VPT", "subsidy"]


def test_funding_show_h139():
    text = ok("funding", "show", "H139").stdout
    assert "000:905-913" in text
    assert "H139" in text


def test_funding_show_unknown():
    result = bad("funding", "show", "H999")
    assert "H999" in result.stderr and "H139" in result.stderr


# ---- init ----------------------------------------------------------------------------------------


def test_init_writes_a_case_that_estimate_accepts(tmp_path):
    case = tmp_path / "case.yaml"
    result = ok("init", str(case), "--lang", "en")
    assert case.is_file()
    assert "written" in result.stdout
    starter = case.read_bytes()
    assert b"case:" in starter and b"deployments:" in starter
    ok("estimate", str(case))
    data = estimate_json(str(case))
    assert data["format"] == "bcalc.estimate/1"

    # A second init without --force refuses and leaves the file as it is.
    case.write_text(starter.decode("utf-8") + "# edited by hand\n", encoding="utf-8")
    edited = case.read_bytes()
    result = bad("init", str(case))
    assert "--force" in result.stderr
    assert case.read_bytes() == edited

    # --force overwrites it with the starter again.
    ok("init", str(case), "--force")
    assert case.read_bytes() == starter
    ok("estimate", str(case))


def test_init_default_file_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ok("init")
    assert (tmp_path / "case.yaml").is_file()
    ok("estimate", "case.yaml")
    bad("init")


@pytest.mark.parametrize("command", ["estimate", "report", "compare", "scenarios", "init", "simulate", "sensitivity"])
def test_a_single_command_run_parses_as_the_whole_app(command, monkeypatch, capsys):
    """``bcalc CMD`` builds only CMD's options; its help, and its refusal of an unknown option,
    must be what the whole app gives."""
    import typer

    from bcalc import cli

    monkeypatch.setenv("BCALC_LANG", "en")
    outputs = []
    for build in (lambda: cli._single(command), lambda: cli.app):
        for argv in ([command, "--help"], [command, "--no-such-option"]):
            monkeypatch.setattr(sys, "argv", ["bcalc", *argv])
            with pytest.raises(SystemExit) as exc:
                typer.main.get_command(build())(prog_name="bcalc")
            captured = capsys.readouterr()
            outputs.append((argv[1], exc.value.code, captured.out, captured.err))
    single, whole = outputs[:2], outputs[2:]
    assert single == whole
    assert single[0][1] == 0 and f"Usage: bcalc {command}" in single[0][2]
    assert single[1][1] == 2 and "No such option" in single[1][3]
    assert cli._single("catalogue") is None and cli._single("--help") is None


def test_catalogue_text_with_markup_is_shown_as_written(tmp_path):
    """A product name such as '[/x] [link=...]' is text: shown literally, never read as rich markup."""
    import shutil

    root = Path(__file__).resolve().parents[1]
    for name in ("suppliers.yaml", "tariffs.yaml"):
        shutil.copy(root / "data" / name, tmp_path / name)
    text = (tmp_path / "suppliers.yaml").read_text(encoding="utf-8")
    (tmp_path / "suppliers.yaml").write_text(text.replace("    name: cMed Plus", "    name: '[/x] [link=http://e.vil]X'", 1),
                                             encoding="utf-8")
    out = ok("catalogue", "show", "cmed-plus", "--catalogue", str(tmp_path))
    assert "[/x] [link=http://e.vil]X (FocusCura)" in flat(out.output)


def test_catalogue_and_funding_in_english():
    listed = flat(ok("catalogue", "list", "--lang", "en").stdout)
    assert listed.startswith("27 products (prices of 2021, indicative, excl. VAT unless stated)")
    shown = flat(ok("catalogue", "show", "cmed-plus", "--lang", "en").stdout)
    assert "need medication_dispenser · innovation 1.1 · source 001:531-542 · price year 2021" in shown
    assert "installatie €52,02 excl. VAT Installatie · per unit/client, at each new placement · one-off costs · " \
           "C01 001:532" in shown
    funding = flat(ok("funding", "show", "VPT", "--lang", "en").stdout)
    assert "In a case: funding: - code: VPT clients: 10 day_rate: <day rate> technology_share: 2%" in funding
    assert "Funding routes" in ok("funding", "list", "--lang", "en").stdout
    dutch = flat(ok("catalogue", "show", "cmed-plus").stdout)
    assert "installatie €52,02 excl. btw Installatie · per stuk/cliënt, bij elke nieuwe plaatsing · eenmalige " \
           "kosten · C01 001:532" in dutch


def test_version():
    from bcalc import __version__

    assert ok("--version").stdout.strip() == f"bcalc {__version__}"


def test_the_command_reference_is_what_the_commands_say():
    """docs/cli.md is written by `python -m bcalc.clidoc`; a changed option or help text without a new
    page fails here."""
    from bcalc.clidoc import reference

    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert page == reference(), "run: python -m bcalc.clidoc > docs/cli.md"
    for command in ("estimate", "report", "compare", "scenarios", "sensitivity", "simulate", "init", "schema",
                    "catalogue list", "catalogue show", "catalogue validate", "funding list", "funding show"):
        assert f"## `bcalc {command}`" in page
    assert "--lang <nl|en>" in page.split("## `bcalc funding show`")[1]
