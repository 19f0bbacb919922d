"""The uncertainty sections of the business case (chapter 7, after the scenarios) and the workbook's
"Gevoeligheid" and "Simulatie" sheets: the same figures as ``bcalc sensitivity --format json`` and
``bcalc simulate --draws 20000 --seed 2027 --format json``, tables that a Markdown parser reads as
tables, a tornado chart, and one sentence instead of the simulation when numpy is missing.
"""

from __future__ import annotations

import io
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from bcalc.app import report_of
from bcalc.cli import app
from bcalc.core import estimate
from bcalc.loader import load_all
from bcalc.money import fmt_money
from bcalc.render import report_md, xlsx

markdown_it = pytest.importorskip("markdown_it")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DRAWS, SEED = 20000, 2027
# medicijndispensers has a discount rate (NPV columns, probability of NPV >= 0); zorgrobots has none
CASES = [("medicijndispensers", "nl"), ("zorgrobots", "en")]
HEAD = {
    "nl": {"sens": "### Onzekerheid: gevoeligheid", "sim": "### Onzekerheid: simulatie",
           "scenarios": "### Scenario's en stresstests", "next": "## 8. "},
    "en": {"sens": "### Uncertainty: sensitivity", "sim": "### Uncertainty: simulation",
           "scenarios": "### Scenarios and stress tests", "next": "## 8. "},
}
METRICS = {"nl": {"cost": "Kosten", "benefits": "Baten", "funding": "Financiering", "net": "Netto", "npv": "NCW"},
           "en": {"cost": "Cost", "benefits": "Benefits", "funding": "Funding", "net": "Net", "npv": "NPV"}}
runner = CliRunner()


# ---- helpers ---------------------------------------------------------------------------------------


def cli_json(*args) -> dict:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def compute(name: str):
    catalogue, tariffs, case = load_all(EXAMPLES / f"{name}.yaml")
    return estimate(case, catalogue, tariffs), catalogue, tariffs


def sections(text: str, lang: str) -> tuple[str, str]:
    """(sensitivity section, simulation section) of a report."""
    h = HEAD[lang]
    start, middle = text.index(h["sens"] + "\n"), text.index(h["sim"] + "\n")
    end = text.index("\n" + h["next"])
    return text[start:middle], text[middle:end]


def _plain(inline) -> str:
    return "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline")).strip()


def md_tables(text: str) -> list[list[list[str]]]:
    """Every table markdown-it-py (CommonMark + GFM tables) finds: rows of cell texts, header first."""
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(text)
    out: list[list[list[str]]] = []
    row: list[str] | None = None
    for prev, tok in zip([None] + tokens, tokens):
        if tok.type == "table_open":
            out.append([])
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            out[-1].append(row)
            row = None
        elif tok.type == "inline" and row is not None and prev is not None and prev.type in ("th_open", "td_open"):
            row.append(_plain(tok))
    return out


def md_fences(text: str) -> list:
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(text)
    return [t for t in tokens if t.type == "fence"]


def money(value: str | None, lang: str) -> str:
    return "-" if value is None else fmt_money(Decimal(value), lang)


def whole(value: str, lang: str) -> str:
    """Whole euros with a sign, as the tornado chart writes them (independent of bcalc's helper)."""
    d = Decimal(value).quantize(Decimal(1), rounding="ROUND_HALF_UP")
    text = f"{abs(d):,.0f}"
    if lang == "nl":
        text = text.replace(",", ".")
    return ("-" if d < 0 else "+" if d > 0 else "") + text


def percent(p: float, lang: str) -> str:
    text = f"{p * 100:.1f}"
    return f"{text.replace('.', ',')} %" if lang == "nl" else f"{text}%"


@pytest.fixture(scope="module")
def documents():
    """Per example and language: (report text, workbook, sensitivity JSON, simulate JSON)."""
    out = {}
    for name, lang in CASES:
        result, catalogue, tariffs = compute(name)
        text = report_md.render(report_of(result, catalogue, tariffs), lang)
        wb = load_workbook(io.BytesIO(xlsx.render(report_of(result, catalogue, tariffs), lang)))
        path = EXAMPLES / f"{name}.yaml"
        sens = cli_json("sensitivity", path, "--format", "json", "--lang", lang)
        sim = cli_json("simulate", path, "--draws", DRAWS, "--seed", SEED, "--format", "json", "--lang", lang)
        out[name, lang] = (text, wb, sens, sim)
    return out


IDS = [f"{n}-{lang}" for n, lang in CASES]


# ---- Markdown: sensitivity ---------------------------------------------------------------------------


@pytest.mark.parametrize("name,lang", CASES, ids=IDS)
def test_markdown_sensitivity_rows_equal_the_json(documents, name, lang):
    text, _, sens, _ = documents[name, lang]
    part, _ = sections(text, lang)
    table, _chart = md_tables(part)             # the inputs, then the tornado chart as a table
    has_npv = sens["discount_rate"] is not None
    assert (sens["base"]["npv"] is not None) == has_npv
    assert len(table[0]) == (8 if has_npv else 6)
    body = table[1:]
    assert sens["inputs"], "the example should have uncertain inputs"
    assert len(body) == len(sens["inputs"])
    for row, inp in zip(body, sens["inputs"]):          # the same inputs, in the same order (by swing)
        expected = [inp["label"], money(inp["net_low"], lang), money(inp["net_high"], lang)]
        got = [row[0], row[3], row[4]]
        if has_npv:
            expected += [money(inp["npv_low"], lang), money(inp["npv_high"], lang)]
            got += [row[5], row[6]]
        expected.append(money(inp["swing"], lang))
        got.append(row[-1])
        assert got == expected, inp["input"]
    swings = [Decimal(i["swing"]) for i in sens["inputs"]]
    assert swings == sorted(swings, reverse=True)
    assert fmt_money(Decimal(sens["base"]["net"]), lang) in part


@pytest.mark.parametrize("name,lang", CASES, ids=IDS)
def test_tornado_chart_is_a_narrow_table_with_the_json_changes(documents, name, lang):
    text, _, sens, _ = documents[name, lang]
    part, _ = sections(text, lang)
    assert "<!-- chart:tornado -->" in part                       # where the PDF draws the chart
    assert not md_fences(part)                                     # no code block in the body
    _, chart = md_tables(part)
    assert len(chart) == 1 + len(sens["inputs"])                   # a header row, then one row per input
    shown = [row[0] for row in chart[1:]]
    assert len(set(shown)) == len({i["label"] for i in sens["inputs"]})     # cut labels stay apart
    for row, label, inp in zip(chart[1:], shown, sens["inputs"]):
        if len(inp["label"]) <= 26:
            assert label == inp["label"], (row, inp["label"])
        else:
            assert label.startswith(inp["label"][:10]) and "…" in label, (row, inp["label"])
        assert row[3:] == [whole(inp["change_net_low"], lang), whole(inp["change_net_high"], lang)]
        low, high = Decimal(inp["change_net_low"]), Decimal(inp["change_net_high"])
        left, right = row[1], row[2]
        if low < 0 < high:          # ░ (low) where the net falls, █ (high) where it rises
            assert "░" in left and "█" in right and "█" not in left and "░" not in right, row
        if high < 0 < low:
            assert "█" in left and "░" in right and "░" not in left and "█" not in right, row
    for line in part.split("\n"):
        if line.startswith("| ") and ("█" in line or "░" in line):
            assert len(line) <= 80, line                           # fits an A4 page
    # the stated default swings, under the chart
    after = re.sub(r"\s+", " ", part[part.index("<!-- chart:tornado -->"):])
    for key in ("default_swing", "approx_spread"):
        value = f"{(Decimal(sens['assumptions'][key]) * 100).normalize():f}"
        pct = f"{value.replace('.', ',')} %" if lang == "nl" else f"{value}%"
        assert pct in after, (key, pct)
    assert ("1 procentpunt" if lang == "nl" else "1 percentage point") in after


# ---- Markdown: simulation ----------------------------------------------------------------------------


@pytest.mark.parametrize("name,lang", CASES, ids=IDS)
def test_markdown_simulation_equals_simulate_json(documents, name, lang):
    text, _, _, sim = documents[name, lang]
    _, raw = sections(text, lang)
    part = re.sub(r"[ \n]+", " ", raw)           # prose is folded: a sentence may span lines
    assert sim["draws"] == DRAWS and sim["seed"] == SEED
    draws = "20.000" if lang == "nl" else "20,000"
    assert f"{draws} " in part and "seed 2027" in part
    assert "--draws 20000 --seed 2027" in text[text.index("\n## " + ("Bijlagen" if lang == "nl" else "Appendices")):]
    stats, inputs = md_tables(raw)
    assert stats[0][1:4] == ["P10", "P50", "P90"]
    rows = {r[0]: r[1:] for r in stats[1:]}
    names = METRICS[lang]
    expected_keys = [k for k in ("cost", "benefits", "funding", "net", "npv") if sim["stats"].get(k)]
    assert list(rows) == [names[k] for k in expected_keys]
    for k in expected_keys:
        s = sim["stats"][k]
        assert rows[names[k]] == [money(s[p], lang) for p in ("p10", "p50", "p90", "mean")] + \
            [money(sim["base"][k], lang)], k
    # the probability: of NPV >= 0 with a discount rate, else of net >= 0, and the text says which
    if sim["discount_rate"] is not None:
        p = sim["probability_npv_nonnegative"]
        assert ("netto contante waarde ≥ 0" if lang == "nl" else "net present value is ≥ 0") in part
    else:
        p = sim["probability_net_nonnegative"]
        assert ("netto resultaat ≥ 0" if lang == "nl" else "net result is ≥ 0") in part
        assert "npv" not in sim["stats"] or sim["stats"]["npv"] is None
    assert f": {percent(p, lang)}." in part
    # the uncertain inputs and where they come from
    assert [r[0] for r in inputs[1:]] == [i["label"] for i in sim["inputs"]]
    assert all(r[4] for r in inputs[1:])
    for row, i in zip(inputs[1:], sim["inputs"]):
        if i["origin"] == "range":
            assert i["source"] in row[4]
    # the check against the exact engine
    check = fmt_money(Decimal(sim["check"]["max_deviation"]), lang)
    assert f"{check} " in part and f" {sim['check']['draws']} " in part


# ---- parsing: proper tables, in chapter 7 --------------------------------------------------------------


@pytest.mark.parametrize("name,lang", CASES, ids=IDS)
def test_section_renders_as_tables_in_chapter_7(documents, name, lang):
    text, *_ = documents[name, lang]
    h = HEAD[lang]
    assert text.index(h["scenarios"] + "\n") < text.index(h["sens"] + "\n") < text.index(h["sim"] + "\n") \
        < text.index("\n" + h["next"])
    assert text.index("\n## 7. ") < text.index(h["sens"])
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(text)
    assert html.count("<h2>") == 10                # nine chapters and the appendices
    sens_part, sim_part = sections(text, lang)
    for part, tables, fences in ((sens_part, 2, 0), (sim_part, 2, 0)):
        rendered = markdown_it.MarkdownIt("commonmark").enable("table").render(part)
        assert rendered.count("<table>") == tables
        assert rendered.count('<pre><code class="language-text">') == fences
        for table in md_tables(part):
            assert len({len(r) for r in table}) == 1, table      # every row as wide as the header
        # no line of a pipe table leaks out as a paragraph
        assert "<p>|" not in rendered


# ---- workbook ----------------------------------------------------------------------------------------


def _header_row(ws, first: str) -> int:
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == first:
            return row[0].row
    raise AssertionError(f"no header {first!r} on {ws.title}")


def _dec(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


@pytest.mark.parametrize("name,lang", CASES, ids=IDS)
def test_workbook_sheets_hold_the_json_numbers(documents, name, lang):
    _, wb, sens, sim = documents[name, lang]
    names = wb.sheetnames
    sens_name, sim_name = ("Gevoeligheid", "Simulatie") if lang == "nl" else ("Sensitivity", "Simulation")
    assert names.index(sens_name) == names.index("Scenario's" if lang == "nl" else "Scenarios") + 1
    assert names.index(sim_name) == names.index(sens_name) + 1
    assert names[names.index(sim_name) + 1] == ("Bronnen" if lang == "nl" else "Sources")

    ws = wb[sens_name]
    head = _header_row(ws, "Invoer" if lang == "nl" else "Input")
    cols = {c.value: c.column for c in ws[head] if c.value}
    words = xlsx.WORDS[lang]
    fields = ["net_low", "net_high", "change_low", "change_high", "swing"]
    json_key = {"change_low": "change_net_low", "change_high": "change_net_high"}
    if sens["discount_rate"] is not None:
        fields += ["npv_low", "npv_high"]
    for offset, inp in enumerate(sens["inputs"], 1):
        r = head + offset
        assert ws.cell(r, cols[words["key"]]).value == inp["input"]
        assert ws.cell(r, 1).value == inp["label"]
        for f in fields:
            cell = ws.cell(r, cols[words[f]])
            assert cell.data_type == "n", (f, cell.value)
            assert _dec(cell.value) == Decimal(inp[json_key.get(f, f)]), (inp["input"], f)
        for f in ("low", "mode", "high"):
            assert Decimal(str(ws.cell(r, cols[words[f]]).value)) == Decimal(inp[f])
    assert ws.cell(head + len(sens["inputs"]) + 1, 1).value in (None, "")

    ws = wb[sim_name]
    head = _header_row(ws, "Uitkomst" if lang == "nl" else "Outcome")
    assert [c.value for c in ws[head]][:6] == ["Uitkomst" if lang == "nl" else "Outcome", "P10", "P50", "P90",
                                              "Gemiddeld" if lang == "nl" else "Mean",
                                              "Schatting" if lang == "nl" else "Estimate"]
    labels = {ws.cell(r, 1).value: r for r in range(head + 1, head + 6)}
    for k, label in METRICS[lang].items():
        s = sim["stats"].get(k)
        if s is None:
            assert label not in labels
            continue
        r = labels[label]
        got = [_dec(ws.cell(r, c).value) for c in range(2, 7)]
        assert got == [Decimal(s[p]) for p in ("p10", "p50", "p90", "mean")] + [Decimal(sim["base"][k])], k
    of = "npv" if sim["discount_rate"] is not None else "net"
    prob_label = words["prob_npv"] if of == "npv" else words["prob_net"]
    r = _header_row(ws, prob_label)
    assert ws.cell(r, 2).value == pytest.approx(sim[f"probability_{of}_nonnegative"], abs=1e-9)
    r = _header_row(ws, words["max_deviation"])
    assert _dec(ws.cell(r, 2).value) == Decimal(sim["check"]["max_deviation"])
    assert ws.cell(_header_row(ws, words["draws"]), 2).value == DRAWS
    assert ws.cell(_header_row(ws, words["seed"]), 2).value == SEED
    r = _header_row(ws, words["input"])
    keys = [ws.cell(r + 1 + i, 2).value for i in range(len(sim["inputs"]))]
    assert keys == [i["input"] for i in sim["inputs"]]


@pytest.mark.parametrize("name,lang", CASES, ids=IDS)
def test_workbook_has_a_tornado_chart(documents, name, lang):
    _, wb, sens, _ = documents[name, lang]
    ws = wb["Gevoeligheid" if lang == "nl" else "Sensitivity"]
    assert len(ws._charts) == 1
    chart = ws._charts[0]
    assert chart.tagname == "barChart" and chart.type == "bar"      # horizontal bars
    assert len(chart.series) == 2                                    # change at low, change at high
    refs = [s.val.numRef.f for s in chart.series]
    words = xlsx.WORDS[lang]
    head = _header_row(ws, words["input"])
    cols = {c.value: c.column_letter for c in ws[head] if c.value}
    last = head + len(sens["inputs"])
    for ref, key in zip(refs, ("change_low", "change_high")):
        assert ref.endswith(f"${cols[words[key]]}${head + 1}:${cols[words[key]]}${last}"), ref


def test_text_in_the_new_sheets_never_becomes_a_formula(documents):
    _, wb, _, _ = documents["medicijndispensers", "nl"]
    for name in ("Gevoeligheid", "Simulatie"):
        for row in wb[name].iter_rows():
            for cell in row:
                assert cell.data_type != "f", (name, cell.coordinate, cell.value)


# ---- the command line --------------------------------------------------------------------------------


def test_report_command_writes_both_with_the_same_simulation(tmp_path):
    path = EXAMPLES / "medicijndispensers.yaml"
    md, book = tmp_path / "case.md", tmp_path / "case.xlsx"
    res = runner.invoke(app, ["report", str(path), "--md", str(md), "--xlsx", str(book)])
    assert res.exit_code == 0, res.output
    sim = cli_json("simulate", path, "--draws", DRAWS, "--seed", SEED, "--format", "json")
    text = md.read_text(encoding="utf-8")
    _, part = sections(text, "nl")
    net = next(r for r in md_tables(part)[0] if r[0] == "Netto")
    assert net[1:4] == [money(sim["stats"]["net"][p], "nl") for p in ("p10", "p50", "p90")]
    ws = load_workbook(book)["Simulatie"]
    r = _header_row(ws, "Netto")
    assert [_dec(ws.cell(r, c).value) for c in (2, 3, 4)] == [Decimal(sim["stats"]["net"][p])
                                                               for p in ("p10", "p50", "p90")]


# ---- without numpy -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_without_numpy_one_sentence_and_no_exception(monkeypatch, lang):
    monkeypatch.setitem(sys.modules, "numpy", None)      # `import numpy` now raises ImportError
    with pytest.raises(ImportError):
        import numpy  # noqa: F401
    result, catalogue, tariffs = compute("medicijndispensers")
    text = report_md.render(report_of(result, catalogue, tariffs), lang)
    sentence = ("De simulatie is overgeslagen: daarvoor is het pakket numpy nodig."
                if lang == "nl" else
                "The simulation was skipped: it needs the numpy package.")
    sens_part, sim_part = sections(text, lang)
    assert sim_part.strip().split("\n") == [HEAD[lang]["sim"], "", sentence]
    assert text.count("numpy") == 1                      # the one sentence
    assert len(md_tables(sens_part)) == 2                # the sensitivity (table and chart) needs no numpy
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(text)
    assert html.count("<h2>") == 10

    wb = load_workbook(io.BytesIO(xlsx.render(report_of(result, catalogue, tariffs), lang)))
    ws = wb["Simulatie" if lang == "nl" else "Simulation"]
    cells = [c.value for row in ws.iter_rows() for c in row if c.value not in (None, "")]
    assert cells == [sentence]
    assert len(wb["Gevoeligheid" if lang == "nl" else "Sensitivity"]._charts) == 1


def test_without_numpy_the_report_command_succeeds(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "numpy", None)
    md, book = tmp_path / "case.md", tmp_path / "case.xlsx"
    res = runner.invoke(app, ["report", str(EXAMPLES / "zorgrobots.yaml"), "--md", str(md), "--xlsx", str(book)])
    assert res.exit_code == 0, res.output
    assert "daarvoor is het pakket numpy nodig" in md.read_text(encoding="utf-8")
    assert book.stat().st_size > 5000
