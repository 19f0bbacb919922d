"""bcalc portfolio at its edges: odd and hostile inputs, outputs that must stay inert, years that do
not overlap, and the figures against separate estimates (tests/portfolio/edge/).

Figures worked by hand (seed 001, price level 2021, scenario none, VAT 21 % not recovered):
- Medido Noord (tests/portfolio/wijken/noord-medido.yaml), 10 clients from 2027-01, 2 years:
  2027 14.885,71 and 2028 9.060,48 (worked out in tests/test_portfolio.py).
- The same from 2035-03 (edge/later.yaml): 2035 has 10 months: installatie 10 x 39 = 390 + 81,90;
  huur 62,40 x 10 x 10 = 6.240 + 1.310,40; training 10 x 1 h x 50 = 500; project lead
  4 h x 52/12 x 4 months = 69,33 h x 70 = 4.853,33 -> 13.375,63. 2036: 7.488 + 1.572,48 = 9.060,48.
  2037 (2 months): 62,40 x 10 x 2 = 1.248 + 262,08 = 1.510,08.
- Own product eigen-x (edge/eigen-a.yaml, EUR 10 a month, test input) for 5 clients:
  10 x 5 x 12 = 600 + 126 VAT = 726 a year; edge/eigen-b.yaml at EUR 20: 1.452 a year.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import time
from decimal import Decimal as D
from pathlib import Path

import pytest

from conftest import bad, invoke, ok
from bcalc import app
from bcalc.errors import InputError
from bcalc.loader import load_all
from bcalc.core.engine import estimate

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "tests" / "portfolio"
EDGE = HERE / "edge"
NOORD = HERE / "wijken" / "noord-medido.yaml"
ZUID = HERE / "wijken" / "zuid-vivago.yaml"
LATER = EDGE / "later.yaml"
OWN_A = EDGE / "eigen-a.yaml"
OWN_B = EDGE / "eigen-b.yaml"
NARROW = {"COLUMNS": "60", "NO_COLOR": "1"}


def _portfolio_file(folder: Path, text: str, name: str = "p.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _copy(src: Path, dst: Path, **replace: str) -> Path:
    text = src.read_text(encoding="utf-8")
    for old, new in replace.items():
        text = text.replace(old, new)
    dst.write_text(text, encoding="utf-8")
    return dst


# ---- which files: the portfolio file and its cases -----------------------------------------------


def test_a_portfolio_file_naming_itself_or_another_portfolio_file(tmp_path):
    _copy(NOORD, tmp_path / "noord.yaml")
    p = _portfolio_file(tmp_path, "portfolio: X\ncases:\n  - noord.yaml\n  - p.yaml\n  - q.yaml\n")
    _portfolio_file(tmp_path, "portfolio: Y\ncases: [noord.yaml]\n", "q.yaml")
    out = tmp_path / "p.md"
    res = bad("portfolio", p, "--md", out)
    assert f"{p}:4: cases[1]: 'p.yaml': is this portfolio file itself" in res.output
    assert f"{p}:5: cases[2]: 'q.yaml': is a portfolio file, not a case file" in res.output
    # not read as a case file (which would say "portfolio: unknown field")
    assert "unknown field" not in res.output and not out.exists()
    # a folder holding the portfolio file itself is fine: the portfolio file is no case
    _portfolio_file(tmp_path, "portfolio: X\ncases: [.]\n")
    (tmp_path / "q.yaml").unlink()
    assert app.portfolio([p]).total.cost == D("23946.19")


def test_the_same_portfolio_file_twice_counts_once(tmp_path):
    _copy(NOORD, tmp_path / "noord.yaml")
    p = _portfolio_file(tmp_path, "portfolio: X\ncases: [noord.yaml, ./noord.yaml, ../" + tmp_path.name +
                        "/noord.yaml]\n")
    # named, found again in its folder, and under another spelling: one portfolio file, one case
    pf = app.portfolio([p, tmp_path, tmp_path / "." / "p.yaml"])
    assert pf.title == "X" and len(pf.cases) == 1 and pf.total.cost == D("23946.19")
    # a file named three times is listed once among the repeated ones
    assert pf.repeated == (str(tmp_path / "noord.yaml"),)


def test_an_empty_list_of_cases_is_reported_on_its_line(tmp_path):
    p = _portfolio_file(tmp_path, "portfolio: X\ncases: []\n")
    res = bad("portfolio", p)
    assert f"{p}:2: cases: the list is empty" in res.output


def test_a_portfolio_file_saved_by_a_windows_editor_is_recognised(tmp_path):
    """A byte order mark and CRLF line ends (Notepad), or a quoted key: still the portfolio file."""
    (tmp_path / "wijken").mkdir()
    _copy(NOORD, tmp_path / "wijken" / "noord.yaml")
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbfportfolio: Begroting\r\nbudget_year: 2028\r\n"
                                        b"cases:\r\n  - wijken\r\n")
    pf = app.portfolio([tmp_path / "bom.yaml"])
    assert pf.title == "Begroting" and pf.budget_year == 2028 and pf.year(2028).cost == D("9060.48")
    _portfolio_file(tmp_path, '"portfolio": Q\ncases: [wijken]\n', "bom.yaml")
    assert app.portfolio([tmp_path / "bom.yaml"]).title == "Q"


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"- portfolio: x\n", "expected a mapping of fields, got a list"),
    (b"portfolio: X\ncases:\n  - \xff.yaml\n", "not UTF-8 text"),
    (b"foo: [unclosed\n", "not valid YAML"),
])
def test_a_bad_file_in_a_folder_is_reported_with_the_good_ones_and_nothing_written(tmp_path, content, message):
    _copy(NOORD, tmp_path / "noord.yaml")
    (tmp_path / "schema.yaml").write_bytes(content)
    out = tmp_path / "out.xlsx"
    res = bad("portfolio", tmp_path, "--xlsx", out)
    assert f"{tmp_path / 'schema.yaml'}:" in res.output and message in res.output
    assert "noord.yaml" not in res.output and not out.exists()


def test_a_symlink_loop_in_a_folder_is_not_followed(tmp_path):
    (tmp_path / "sub").mkdir()
    _copy(NOORD, tmp_path / "noord.yaml")
    os.symlink("..", tmp_path / "sub" / "loop")
    os.symlink("../noord.yaml", tmp_path / "sub" / "again.yaml")   # the same file under another name
    pf = app.portfolio([tmp_path])
    assert len(pf.cases) == 1 and pf.total.cost == D("23946.19") and len(pf.repeated) == 1


def test_file_names_that_are_not_utf8_or_hold_control_characters(tmp_path):
    """A file system may hold any bytes in a name: every output still works, and shows the name with
    U+FFFD for a byte that is not UTF-8 and a visible picture for a control character."""
    weird = tmp_path / os.fsdecode(b"wijk-\xff.yaml")
    ctl = tmp_path / "wijk-\x01.yaml"
    try:
        _copy(NOORD, weird)
        _copy(ZUID, ctl)
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system takes no such names")
    xlsx, md = tmp_path / "p.xlsx", tmp_path / "p.md"
    res = ok("portfolio", tmp_path, "--xlsx", xlsx, "--md", md, "--format", "json")
    files = [c["file"] for c in json.loads(res.stdout)["cases"]]
    assert files == [str(tmp_path / "wijk-\u2401.yaml"), str(tmp_path / "wijk-\ufffd.yaml")]
    assert "wijk-\ufffd.yaml" in md.read_text(encoding="utf-8")
    from openpyxl import load_workbook

    names = [c.value for c in load_workbook(xlsx)["Cases"]["A"][1:]]
    assert str(tmp_path / "wijk-\u2401.yaml") in names


# ---- overlaps ------------------------------------------------------------------------------------


def test_overlaps_are_flagged_per_organisation(tmp_path):
    # eigen-a (Zorggroep Test) and eigen-b (Andere Zorg): the same need, no labels, the same years,
    # but two organisations: nothing to flag
    pf = app.portfolio([OWN_A, OWN_B])
    assert pf.flags == ()
    # a second case of Zorggroep Test for the need without a label: flagged, in 2027-2028
    _copy(OWN_A, tmp_path / "a2.yaml", **{"Eigen product a": "Eigen product a2"})
    pf = app.portfolio([OWN_A, OWN_B, tmp_path / "a2.yaml"])
    (flag,) = pf.flags
    assert flag.code == "portfolio_clients_unlabelled"
    assert flag.params["cases"] == (str(OWN_A), str(tmp_path / "a2.yaml"))
    assert (flag.params["first"], flag.params["last"]) == (2027, 2028)


def test_an_overlap_in_one_year_says_that_year():
    pf = app.portfolio([HERE / "portfolio.yaml"])
    (flag,) = pf.flags            # both cases train the organisation's care staff in 2027 only
    res = ok("portfolio", HERE / "portfolio.yaml", "--lang", "en", "--format", "json")
    text = json.loads(res.stdout)["flags"][0]["message"]
    assert "head count in 2027 (10, 10;" in text and "2027-2027" not in text


def test_a_thousand_unlabelled_cases_give_one_flag_fast():
    """Overlaps are found by sorting, not by comparing every pair: 20,000 summaries of one need
    without labels, all in 2027-2028, give one flag naming them all, in well under a second."""
    import dataclasses

    from bcalc.core.portfolio import consolidate, summarise

    catalogue, tariffs, case = load_all(OWN_A)
    one = summarise(estimate(case, catalogue, tariffs, checks=False), catalogue, "a.yaml")
    many = [dataclasses.replace(one, file=f"case-{i}.yaml") for i in range(20_000)]
    started = time.perf_counter()
    pf = consolidate(many)
    took = time.perf_counter() - started
    assert [f.code for f in pf.flags] == ["portfolio_clients_unlabelled"]
    assert len(pf.flags[0].params["cases"]) == 20_000
    assert pf.total.cost == 20_000 * D("1452")       # 726 + 726 each
    assert took < 5, took


# ---- years ---------------------------------------------------------------------------------------


def test_years_without_cases_stay_in_the_budget():
    pf = app.portfolio([NOORD, LATER])
    # later.yaml runs 2035-03 to 2037-02; the years between the cases are there, with no case running
    assert pf.years == tuple(range(2027, 2038)) and pf.active == (1, 1) + (0,) * 6 + (1, 1, 1)
    assert [t.cost for t in pf.per_year] == ([D("14885.71"), D("9060.48")] + [D(0)] * 6 +
                                             [D("13375.63"), D("9060.48"), D("1510.08")])
    assert pf.total.cost == D("23946.19") * 2
    assert pf.flags == ()                # same need and label, but years apart


@pytest.mark.parametrize("year", ["2032", "2040"])
def test_a_budget_year_in_which_no_case_runs(year):
    res = ok("portfolio", NOORD, LATER, "--year", year, "--lang", "en", "--format", "json")
    data = json.loads(res.stdout)
    assert data["budget_year"] == int(year) and data["budget"]["cost"] == "0.00"
    assert data["flags"][-1]["code"] == "portfolio_budget_year_empty"
    res = ok("portfolio", NOORD, LATER, "--year", year, "--lang", "en", "--format", "markdown")
    assert f"None of the cases runs in {year}: no cost, funding or benefits in that year." in res.stdout
    assert "the 0 cases" not in res.stdout


def test_one_case_reads_as_one_case():
    res = ok("portfolio", NOORD, "--lang", "en")
    assert "Portfolio: 1 case\n" in res.stdout and "1 cases" not in res.stdout
    assert "In 2027 the one case that runs costs €14,885.71" in res.stdout


# ---- figures against the separate estimates -------------------------------------------------------


def _separate(path: Path):
    catalogue, tariffs, case = load_all(path)
    return estimate(case, catalogue, tariffs)


def test_test_cases_add_up_to_their_separate_estimates_to_the_cent():
    """Every test case at once (own products, owned items, linked funding, quotes, own time, a
    currency), computed with one shared memo: each case's years equal its own estimate, the
    portfolio's years their sums, the needs add up to the cost and the codes to the funding."""
    paths = sorted((ROOT / "tests" / "cases").glob("*.yaml")) + [OWN_A, OWN_B]
    pf = app.portfolio(paths, jobs=1)
    keys = ("one_off", "recurring", "training", "internal", "vat", "funding", "benefits", "cashable")
    alone = {str(p): _separate(p) for p in paths}
    assert len(pf.cases) == len(paths)
    for c in pf.cases:
        assert c.per_year == alone[c.file].per_year, c.file
    for year, totals in zip(pf.years, pf.per_year):
        for key in keys:
            want = sum((getattr(r.totals, key) for res in alone.values() for r in res.per_year if r.year == year),
                       D(0))
            assert getattr(totals, key) == want, (year, key)
        assert sum((r.values[pf.years.index(year)] for r in pf.needs), D(0)) == totals.cost
        assert sum((r.values[pf.years.index(year)] for r in pf.codes), D(0)) == totals.funding
    # the own product with the same id in two cases at two prices: 726 and 1.452 a year
    by_file = {c.file: c for c in pf.cases}
    assert [r.totals.cost for r in by_file[str(OWN_A)].per_year] == [D("726.00")] * 2
    assert [r.totals.cost for r in by_file[str(OWN_B)].per_year] == [D("1452.00")] * 2


def test_csv_rows_sum_to_the_json_totals():
    args = (ROOT / "tests" / "cases", OWN_A)
    data = json.loads(ok("portfolio", *args, "--format", "json").stdout)
    rows = list(csv.DictReader(io.StringIO(ok("portfolio", *args, "--format", "csv").stdout)))
    for key in ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits", "net",
                "cash_net"):
        for record in ("year", "case_year"):
            got = sum(D(r["value"]) for r in rows if r["record"] == record and r["key"] == key)
            assert got == D(data["total"][key]), (record, key)
    assert sum(D(r["value"]) for r in rows if r["record"] == "need") == D(data["total"]["cost"])
    assert sum(D(r["value"]) for r in rows if r["record"] == "funding_code") == D(data["total"]["funding"])


def test_cases_without_hours_leave_the_fte_norm_to_the_others():
    # eigen-a says 1.600 hours per FTE but counts no hours; Noord counts hours at 1.500
    pf = app.portfolio([NOORD, OWN_A])
    assert pf.hours_per_fte == D("1500") and not [f for f in pf.flags if f.code == "portfolio_fte_norms"]
    # project lead 69,33 h / 1.500 = 0,0462 FTE in 2027
    lead = {r.role: r for r in pf.roles}["project_lead"]
    assert lead.fte[0].quantize(D("0.0001")) == D("0.0462")


# ---- outputs -------------------------------------------------------------------------------------

HOSTILE = '=HYPERLINK("https://evil.example/x","klik") <script>alert(1)</script> ![i](https://evil.example/p.png)'


def _hostile(tmp_path: Path) -> Path:
    return _copy(NOORD, tmp_path / "=cmd.yaml", **{"case: Medido wijk Noord": "case: " + json.dumps(HOSTILE)})


def test_a_case_title_is_never_a_formula_in_the_workbook_or_the_csv(tmp_path):
    from openpyxl import load_workbook

    path = _hostile(tmp_path)
    out = tmp_path / "p.xlsx"
    ok("portfolio", path, "--xlsx", out)
    ws = load_workbook(out)["Cases"]
    assert ws["B2"].value == HOSTILE and ws["B2"].data_type == "s"
    assert ws["A2"].value == str(path) and ws["A2"].data_type == "s"
    assert ws["M2"].data_type == "f"                     # bcalc's own formulas stay formulas
    rows = list(csv.DictReader(io.StringIO(ok("portfolio", path, "--format", "csv").stdout)))
    titles = {r["case"] for r in rows if r["record"] == "case_year"}
    assert titles == {"'" + HOSTILE}


def test_case_text_is_inert_in_the_markdown(tmp_path):
    markdown_it = pytest.importorskip("markdown_it")
    path = _hostile(tmp_path)
    md = tmp_path / "p.md"
    ok("portfolio", path, "--md", md)
    text = md.read_text(encoding="utf-8")
    rendered = markdown_it.MarkdownIt("commonmark").enable("table").render(text)
    assert "<script" not in rendered and "<img" not in rendered and 'href="' not in rendered
    assert "https://evil" not in text                   # broken up, so no viewer links it


def _cells(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line.replace("\\\\", ""))) - 1


def test_markdown_tables_have_as_many_cells_as_columns(tmp_path):
    _copy(NOORD, tmp_path / "a.yaml", **{"case: Medido wijk Noord": 'case: "A | B \\\\ C |"',
                                         "label: Noord": 'label: "L|1"'})
    _copy(NOORD, tmp_path / "b|c.yaml")
    text = ok("portfolio", tmp_path, ROOT / "tests" / "cases", "--format", "markdown").stdout
    head = None
    for line in text.splitlines():
        if not line.startswith("|"):
            head = None
            continue
        if head is None:
            head = _cells(line)
        assert _cells(line) == head, line


def test_the_workbook_recalculated_equals_the_json_with_one_case_and_with_years_apart(tmp_path):
    """LibreOffice recalculates the consolidation: one case without funding (its funding sheet totals
    0, not an error), and cases whose years do not meet (2027-2028 and 2035-2037, the years between
    at 0), with the FTE as hours over the hours-per-FTE cell."""
    from lo import recalc, require_soffice
    from openpyxl import load_workbook

    require_soffice()
    for n, args in enumerate(([NOORD], [NOORD, LATER, ZUID])):
        out = tmp_path / f"p{n}.xlsx"
        data = json.loads(ok("portfolio", *args, "--xlsx", out, "--format", "json").stdout)
        (tmp_path / str(n)).mkdir()
        wb = load_workbook(recalc(out, tmp_path / str(n)), data_only=True)
        ws = wb["Portefeuille"]
        years = data["years"]
        keys = ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits", "cashable",
                "net", "cash_net")
        for i, key in enumerate(keys):
            got = [D(str(ws.cell(7 + i, 2 + j).value)).quantize(D("0.01")) for j in range(len(years) + 1)]
            assert got == [D(y[key]) for y in data["per_year"]] + [D(data["total"][key])], (n, key)
        for sheet, rows, total in (("Behoeften", data["needs"], data["total"]["cost"]),
                                   ("Financiering", data["funding_codes"], data["total"]["funding"])):
            last = wb[sheet].max_row
            values = [wb[sheet].cell(last, 2 + j).value for j in range(len(years) + 1)]
            assert all(isinstance(v, (int, float)) for v in values), (sheet, values)
            assert D(str(values[-1])).quantize(D("0.01")) == D(total)
        hours = wb["Uren"]
        lead = next(r for r in range(3, hours.max_row + 1) if hours.cell(r, 1).value == "Projectleider, uren")
        want = next(s for s in data["staff"] if s["role"] == "project_lead")["fte"][str(years[0])]
        assert D(str(hours.cell(lead + 1, 2).value)).quantize(D("0.0001")) == D(want)
    # 69,33 h / 1.500 in 2027: 0,0462 FTE (want, from the JSON, checked by hand here)
    assert D(want) == D("0.0462")


def test_the_documents_are_refused_before_anything_is_computed_or_written(tmp_path):
    existing = tmp_path / "p.xlsx"
    existing.write_bytes(b"old")
    res = bad("portfolio", NOORD, "--xlsx", existing, "--md", tmp_path / "p.md")
    assert "exists already; use --force" in res.output
    assert existing.read_bytes() == b"old" and not (tmp_path / "p.md").exists()
    res = bad("portfolio", NOORD, "--xlsx", tmp_path / "x", "--md", tmp_path / "." / "x")
    assert "the two documents need different files" in res.output and not (tmp_path / "x").exists()
    res = bad("portfolio", NOORD, "--md", tmp_path / "nergens" / "p.md")
    assert "does not exist" in res.output


def test_a_narrow_terminal_and_200_cases(tmp_path):
    for i in range(200):
        _copy(NOORD, tmp_path / f"c{i:03d}.yaml", **{"label: Noord": f"label: N{i}",
                                                     "Medido wijk Noord": f"Medido met een lange naam {i}"})
    res = ok("portfolio", tmp_path, env=NARROW)
    assert "Portefeuille: 200 cases" in res.stdout
    # 200 x 23.946,19
    assert "4.789.238,00" in res.stdout


def test_english_output_has_no_dutch_words_of_bcalc(tmp_path):
    """The words of the portfolio output are English with --lang en (names from the case files and
    the catalogue stay as written)."""
    from bcalc.render.portfolio_out import WORDS

    dutch = {w for v in WORDS["nl"].values() for w in re.findall(r"[a-zë]{6,}", v.lower())}
    dutch -= {w for v in WORDS["en"].values() for w in re.findall(r"[a-zë]{6,}", v.lower())}
    dutch |= {"kalenderjaar", "medewerkers", "dezelfde", "cliënten", "aantal", "behoefte", "begroting"}
    for fmt in ("table", "markdown", "json"):
        text = ok("portfolio", HERE / "portfolio.yaml", NOORD, "--year", "2040", "--lang", "en",
                  "--format", fmt).stdout.lower()
        text = text.replace("begroting zorgtechnologie 2028", "")     # the portfolio's own title
        found = sorted(w for w in dutch if re.search(rf"\b{w}\b", text))
        assert not found, (fmt, found)
