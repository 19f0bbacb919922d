"""``bcalc scenarios``: the grid of indexation x price end x recoverable VAT, the stress rows, stopping
early worked by hand, and the same numbers in JSON, Markdown, the terminal, the report and the workbook."""

from __future__ import annotations

import json
import re
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from bcalc.money import fmt_money, money_str
from conftest import invoke, ok

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DISPENSERS = ROOT / "examples" / "medicijndispensers.yaml"
KITCHEN_SINK = ROOT / "tests" / "cases" / "kitchen-sink.yaml"
SCENARIOS = ("none", "low", "base", "high")
ENDS = ("low", "mid", "high")

def scenarios_json(*args) -> dict:
    return json.loads(ok("scenarios", *args, "--format", "json").stdout)


def cost(row: dict) -> Decimal:
    return Decimal(row["cost"])


def grid(data: dict) -> dict[tuple[str, str, str], dict]:
    return {(r["scenario"], r["prices"], r["recoverable"]): r for r in data["rows"] if r["group"] == "grid"}


# cMed Plus with the option koppeling, 10 clients, 3 years, no indexation, one team, a 4-year contract.
STOP = """\
case: cMed Plus met koppeling
start: 2027-01
years: 3
scenario: none
staff: {care_staff: {count: 0, rate: 40}, project_lead: {count: 1}, teams: 1}
deployments:
  - product: cmed-plus
    clients: 10
    options: [koppeling]
    contract: {term: 4}
"""


@pytest.mark.parametrize("path", EXAMPLES + [KITCHEN_SINK], ids=lambda p: p.stem)
def test_the_grid_is_monotone(path):
    data = scenarios_json(path)
    assert data["format"] == "bcalc.scenarios/1"
    g = grid(data)
    recoverables = sorted({k[2] for k in g}, key=Decimal)
    assert recoverables[0] == "0" and recoverables[-1] == "1"
    assert len(g) == len(SCENARIOS) * len(ENDS) * len(recoverables)
    for end in ENDS:
        for rec in recoverables:
            costs = [cost(g[(s, end, rec)]) for s in SCENARIOS]
            assert costs == sorted(costs), (end, rec, costs)              # none <= low <= base <= high
    for s in SCENARIOS:
        for rec in recoverables:
            costs = [cost(g[(s, end, rec)]) for end in ENDS]
            assert costs == sorted(costs), (s, rec, costs)                # low <= mid <= high
        for end in ENDS:
            assert cost(g[(s, end, "1")]) <= cost(g[(s, end, "0")])       # 100 % recovered never costs more
            assert g[(s, end, "1")]["vat"] == "0.00"
    # none of this is trivially equal: indexation and price ranges do move the example
    if path == DISPENSERS:
        assert cost(g[("none", "mid", "0")]) < cost(g[("low", "mid", "0")]) < cost(g[("base", "mid", "0")])
        assert cost(g[("base", "low", "0")]) < cost(g[("base", "mid", "0")]) < cost(g[("base", "high", "0")])
        assert cost(g[("base", "mid", "1")]) < cost(g[("base", "mid", "0")])
        # the case's own setting is the estimate
        estimate = json.loads(ok("estimate", path, "--format", "json").stdout)
        assert g[("base", "mid", "0")]["cost"] == estimate["total"]["cost"]


@pytest.mark.parametrize("path", EXAMPLES + [KITCHEN_SINK], ids=lambda p: p.stem)
def test_best_and_worst_are_the_rows_with_the_highest_and_lowest_net(path):
    rows = scenarios_json(path)["rows"]
    assert [r["best"] for r in rows].count(True) == 1 and [r["worst"] for r in rows].count(True) == 1
    best = next(r for r in rows if r["best"])
    worst = next(r for r in rows if r["worst"])
    # stopping rows answer another question (what leaving costs): best and worst are chosen among the rest
    ranked = [Decimal(r["net"]) for r in rows if not r["key"].startswith("exit-")]
    assert Decimal(best["net"]) == max(ranked) and Decimal(worst["net"]) == min(ranked)
    assert not best["key"].startswith("exit-") and not worst["key"].startswith("exit-")
    for r in rows:
        for k in ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "net"):
            assert re.fullmatch(r"-?\d+\.\d{2}", r[k]), (k, r[k])
        assert Decimal(r["net"]) == Decimal(r["funding"]) + Decimal(r["benefits"]) - cost(r)


def test_stopping_early_by_hand(tmp_path):
    # Per year excl. VAT (001:531-542), VAT 21 % per line:
    #   year 1: installatie 10 x 52,02 = 520,20 (VAT 109,24); implementatie 2.500 (525); koppeling 3.000 (630);
    #           huur 10 x 12 x 69,95 = 8.394 (1.762,74); onderhoud koppeling 1.000 (210); training 1 team x
    #           800 (168): 16.214,20 + 3.404,98 = 19.619,18
    #   year 2, 3 with clients: huur 8.394 + onderhoud 1.000 = 9.394 + 1.972,74 = 11.366,74
    #   the year after stopping: ophalen 10 x 52,02 = 520,20 + 109,24 = 629,44 (001:532)
    #   onderhoud koppeling runs to the end of the 4-year term: 1.000 + 210 = 1.210 a year
    # Stop after year 1: spent 19.619,18 + 629,44 = 20.248,62; still owed onderhoud years 2, 3 and 4
    #   (year 4 beyond the horizon) = 3 x 1.210 = 3.630,00; cost within the horizon 20.248,62 + 2 x 1.210
    #   = 22.668,62.
    # Stop after year 2: spent 19.619,18 + 11.366,74 + 629,44 = 31.615,36; owed 2 x 1.210 = 2.420,00;
    #   cost within the horizon 31.615,36 + 1.210 = 32.825,36.
    path = tmp_path / "stop.yaml"
    path.write_text(STOP, encoding="utf-8")
    data = scenarios_json(path)
    rows = {r["key"]: r for r in data["rows"]}
    assert (rows["exit-1"]["spent"], rows["exit-1"]["owed"], rows["exit-1"]["cost"]) == ("20248.62", "3630.00",
                                                                                         "22668.62")
    assert (rows["exit-2"]["spent"], rows["exit-2"]["owed"], rows["exit-2"]["cost"]) == ("31615.36", "2420.00",
                                                                                         "32825.36")
    assert "exit-3" not in rows                        # stopping after the last year is the case itself
    for r in data["rows"]:
        if not r["key"].startswith("exit-"):
            assert r["spent"] is None and r["owed"] is None
    # the full case: 19.619,18 + 2 x 11.366,74 = 42.352,66
    assert grid(data)[("none", "mid", "0")]["cost"] == "42352.66"
    # half the clients: 5 units; no contract cap in the case, so no cap row and a note saying so
    assert "half" in rows and "cap" not in rows
    assert any("Geen contractplafond" in n for n in data["notes"])

    md = ok("scenarios", path, "--format", "markdown").stdout
    # stopping rows are not ranked as best or worst
    assert ("| stoppen na contractjaar 1 | € 22.668,62 | € 0,00 | -€ 22.668,62 | € 20.248,62 | "
            "€ 3.630,00 |") in md
    assert ("| stoppen na contractjaar 2 | € 32.825,36 | € 0,00 | -€ 32.825,36 | € 31.615,36 | € 2.420,00 |"
            in md)
    table = ok("scenarios", path, env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    assert max(len(line) for line in table.split("\n")) <= 80
    assert "20.248,62" in table and "3.630,00" in table and "Nog verschuldigd" in table


def _md_rows(text: str) -> dict[str, list[str]]:
    out = {}
    for line in text.split("\n"):
        if line.startswith("| ") and not line.startswith("| Scenario"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line[1:-1])]
            out[cells[0].strip("*")] = cells[1:]
    return out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_markdown_and_table_show_the_json_numbers(lang):
    data = scenarios_json(DISPENSERS, "--lang", lang)
    md = ok("scenarios", DISPENSERS, "--format", "markdown", "--lang", lang).stdout
    assert md.startswith("# Scenario's: " if lang == "nl" else "# Scenarios: ")
    rows = _md_rows(md)
    mark = {"nl": ("beste", "slechtste"), "en": ("best", "worst")}[lang]
    for r in data["rows"]:
        label = r["label"] + (f" ({mark[0]})" if r["best"] else f" ({mark[1]})" if r["worst"] else "")
        cells = rows[label]
        # a benefits column stands between funding and net when the case has benefits
        keys = ("cost", "funding", "benefits", "net") if any(Decimal(x["benefits"]) for x in data["rows"]) \
            else ("cost", "funding", "net")
        assert cells[:len(keys)] == [fmt_money(Decimal(r[k]), lang) for k in keys], label
        if r["spent"] is not None:
            assert cells[len(keys):] == [fmt_money(Decimal(r["spent"]), lang), fmt_money(Decimal(r["owed"]), lang)]
    table = ok("scenarios", DISPENSERS, "--lang", lang, env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    assert max(len(line) for line in table.split("\n")) <= 80
    flat = " ".join(table.split())
    for r in data["rows"]:
        for k in ("cost", "net"):
            amount = fmt_money(Decimal(r[k]), lang).replace("€ ", "").replace("€", "")
            assert amount in flat, (r["key"], k)
    for note in data["notes"]:
        assert " ".join(note.split()) in flat


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_markdown_and_workbook_show_the_scenarios_json(tmp_path, lang):
    from openpyxl import load_workbook

    data = scenarios_json(DISPENSERS, "--lang", lang)
    md, xlsx = tmp_path / "case.md", tmp_path / "case.xlsx"
    ok("report", DISPENSERS, "--md", md, "--xlsx", xlsx, "--lang", lang)
    text = md.read_text(encoding="utf-8")
    # the full grid is in the appendix; chapter 7 shows its extremes
    section = text[text.index("\n## Bijlagen" if lang == "nl" else "\n## Appendices"):]
    rows = _md_rows(section)
    mark = {"nl": ("beste", "slechtste"), "en": ("best", "worst")}[lang]
    for r in data["rows"]:
        label = r["label"] + (f" ({mark[0]})" if r["best"] else f" ({mark[1]})" if r["worst"] else "")
        cols = ("cost", "funding", "benefits", "net") if any(Decimal(x["benefits"]) for x in data["rows"]) \
            else ("cost", "funding", "net")
        assert rows[label][:len(cols)] == [fmt_money(Decimal(r[k]), lang) for k in cols], label

    sheet = load_workbook(xlsx)["Scenario's" if lang == "nl" else "Scenarios"]
    wanted = {r["key"] for r in data["rows"]}
    by_key = {r[1]: r for r in sheet.iter_rows(values_only=True) if r[1] in wanted}
    keys = ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits", "net", "spent",
            "owed")
    assert set(by_key) == wanted
    for r in data["rows"]:
        cells = by_key[r["key"]]
        assert cells[0] == r["label"]
        assert Decimal(str(cells[4])) == Decimal(r["recoverable"])
        for j, k in enumerate(keys):
            value = cells[5 + j]
            shown = None if value == "-" else money_str(Decimal(str(value)))
            assert shown == r[k], (r["key"], k)
        assert (cells[16] or "") == (mark[0] if r["best"] else mark[1] if r["worst"] else ""), r["key"]
    for row in sheet.iter_rows():
        for c in row:
            assert c.data_type != "f", c.coordinate


def test_bad_case_exits_2(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(textwrap.dedent(STOP.replace("years: 3", "years: 16")), encoding="utf-8")
    result = invoke("scenarios", path)
    assert result.exit_code == 2 and "bad.yaml:3: years:" in result.stderr
    assert "Traceback" not in result.output


# Abena Nova's project lead: "Gedurende 3 maanden 4-6 uur per week, daarna 2 uur per week tot 12
# maanden" (001:3961-3963); the other lines have no range but Nova Wetsens "€3€5 per klant per dag".
ABENA_LEAD = """\
case: Abena projectleider
start: 2027-01
years: 1
scenario: none
staff:
  care_staff: {count: 10, rate: 50}
  project_lead: {count: 1, rate: 70}
deployments:
  - product: abena-nova
    clients: 10
    quantities: {telefoon: 1, slips: 100, inlegverband: 100}
"""


def test_price_ends_move_hour_ranges_and_the_table_says_so(tmp_path):
    case = tmp_path / "abena.yaml"
    case.write_text(ABENA_LEAD, encoding="utf-8")

    def lead(end: str) -> Decimal:
        data = json.loads(ok("estimate", str(case), "--prices", end, "--format", "json").stdout)
        return sum(Decimal(ln["excl_vat"]) for ln in data["lines"] if ln["item"] == "projectleider")

    # 3 months = 3 x 52/12 = 13 weeks at 4 or 6 h, then 9 months = 39 weeks at 2 h, at EUR 70:
    # low (13 x 4 + 39 x 2) x 70 = 130 x 70 = 9.100,00; high (13 x 6 + 78) x 70 = 156 x 70 = 10.920,00
    assert lead("low") == Decimal("9100.00")
    assert lead("high") == Decimal("10920.00")
    data = scenarios_json(str(case))
    assert data["note_notices"][0]["code"] == "scenarios_note_price_ends"
    assert "4-6 uur per week" in data["notes"][0]
    en = ok("scenarios", str(case), "--format", "markdown", "--lang", "en").stdout
    assert "amounts (€35.000-€40.000) and hours" in en
    table = " ".join(ok("scenarios", str(case)).stdout.split())
    assert "én uren" in table
