"""The written business case (``bcalc report CASE --md FILE``): templates, numbers, tables, errors.

Golden files: ``tests/golden/<example>.md`` (Dutch) and ``<example>.en.md``. After a deliberate
change to the report, regenerate them with ``BCALC_UPDATE_GOLDEN=1 python -m pytest
tests/test_report_md.py`` and read the diff before committing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import VIVAGO
from typer.testing import CliRunner

from bcalc.app import report_of
from bcalc.cli import app
from bcalc.core import estimate
from bcalc.errors import InputError
from bcalc.loader import load_all
from bcalc.money import fmt_money
from bcalc.render import jsonout, report_md

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
EN_EXAMPLE = "medicijndispensers"
UPDATE = os.environ.get("BCALC_UPDATE_GOLDEN") == "1"



# ---- helpers ---------------------------------------------------------------------------------


def compute(path: Path):
    catalogue, tariffs, case = load_all(path)
    return estimate(case, catalogue, tariffs), catalogue, tariffs


def inline_case(tmp_path: Path, text: str, name: str = "case.yaml"):
    """Write an inline YAML case and compute it: (result, catalogue, tariffs)."""
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return compute(path)


def report(tmp_path: Path, text: str, lang: str = "nl", templates: Path | None = None) -> str:
    result, catalogue, tariffs = inline_case(tmp_path, text)
    return report_md.render(report_of(result, catalogue, tariffs), lang, templates)


def flat(text: str) -> str:
    """The report's prose as one run of words: prose is folded at 96 characters, so a sentence may
    span lines."""
    return re.sub(r"\s+", " ", text)


def split_row(line: str) -> list[str]:
    """Cells of a GFM pipe-table row; ``\\|`` is a literal pipe inside a cell."""
    assert line.startswith("|") and line.endswith("|"), line
    return [c.strip() for c in re.split(r"(?<!\\)\|", line[1:-1])]


def tables(text: str) -> list[list[list[str]]]:
    """Every pipe table as a list of rows (header, separator, body), checked for shape on the way."""
    out: list[list[list[str]]] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].startswith("|"):
            i += 1
            continue
        assert i == 0 or lines[i - 1] == "", f"table must follow a blank line: {lines[i - 1]!r}"
        block = []
        while i < len(lines) and lines[i].startswith("|"):
            block.append(lines[i])
            i += 1
        assert i == len(lines) or lines[i] == "", f"table must be followed by a blank line: {lines[i]!r}"
        assert len(block) >= 2, block
        assert re.fullmatch(r"\|(?:(?:---|---:|:---:)\|)+", block[1]), f"bad separator row {block[1]!r}"
        out.append([split_row(row) for row in block])
    return out


def table_after(text: str, heading: str) -> list[list[str]]:
    """The first table after a heading line."""
    rest = text[text.index(heading + "\n"):]
    return tables(rest[rest.index("\n|") + 1:])[0]


def money(value: str, lang: str = "nl") -> str:
    return fmt_money(Decimal(value), lang)


def row_with(table: list[list[str]], first: str) -> list[str]:
    found = [r for r in table if r[0].strip("* ") == first]
    assert len(found) == 1, f"no single row {first!r} in {table}"
    return found[0]


# ---- golden files -------------------------------------------------------------------------------

GOLDEN_CASES = [(p, "nl") for p in EXAMPLES] + [(p, "en") for p in EXAMPLES if p.stem == EN_EXAMPLE]


@pytest.mark.parametrize("path,lang", GOLDEN_CASES, ids=[f"{p.stem}-{lang}" for p, lang in GOLDEN_CASES])
def test_golden(path: Path, lang: str):
    result, catalogue, tariffs = compute(path)
    text = report_md.render(report_of(result, catalogue, tariffs), lang)
    golden = GOLDEN / (f"{path.stem}.md" if lang == "nl" else f"{path.stem}.{lang}.md")
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
        return
    assert golden.exists(), f"missing {golden}; run with BCALC_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8"), f"{golden.name} differs; regenerate with BCALC_UPDATE_GOLDEN=1"


def test_every_example_has_a_golden_file():
    assert EXAMPLES, "no examples found"
    if UPDATE:
        return
    for path, lang in GOLDEN_CASES:
        name = f"{path.stem}.md" if lang == "nl" else f"{path.stem}.{lang}.md"
        assert (GOLDEN / name).exists(), name


# ---- numbers --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_summary_numbers_equal_json_totals(path: Path, lang: str):
    result, catalogue, tariffs = compute(path)
    total = jsonout.to_dict(result, lang)["total"]
    text = report_md.render(report_of(result, catalogue, tariffs), lang)
    L = report_md.TEXT[lang]
    summary = table_after(text, f"## 1. {L['h_summary']}")
    assert row_with(summary, L["total_cost"])[1] == money(total["cost"], lang)
    assert row_with(summary, L["total_funding"])[1] == money(total["funding"], lang)
    assert row_with(summary, L["net_result"])[1].strip("*") == money(total["net"], lang)
    # The per-year cost table agrees with the JSON rows, and its total with the summary.
    per_year = table_after(text, f"### {L['h_cost_year']}")
    rows = {r[0]: r for r in per_year[2:]}
    for y in jsonout.to_dict(result, lang)["per_year"]:
        assert rows[str(y["year"])][7] == money(y["cost"], lang)
        assert rows[str(y["year"])][6] == money(y["vat"], lang)
    assert row_with(per_year, report_md.LABELS[lang]["total"])[7].strip("*") == money(total["cost"], lang)
    # Per deployment: the table and the summed cost lines agree with the JSON products.
    per_dep = table_after(text, f"### {L['h_cost_deployment']}")
    for row, product in zip(per_dep[2:], jsonout.to_dict(result, lang)["products"]):
        assert row[6] == money(product["cost"], lang)
        assert row[5] == money(product["vat"], lang)
        lines = table_after(text, f"#### {row[0]}")
        assert row_with(lines, L["lines_total"])[4].strip("*") == money(product["cost"], lang)


def test_cost_per_client_month(tmp_path):
    text = report(tmp_path, VIVAGO)
    summary = table_after(text, "## 1. Samenvatting")
    # 22.446,50 / (25 clients x 12 months) = 74,8216... -> 74,82
    assert row_with(summary, "Kosten per cliënt per maand")[1] == "€ 74,82"
    assert "(300 cliëntmaanden)" in flat(text)


def test_coverage_with_a_subsidy_by_hand(tmp_path):
    text = report(tmp_path, VIVAGO + """\
funding:
  - code: subsidy
    label: SET-subsidie
    amount: 10000
    year: 1
""")
    summary = table_after(text, "## 1. Samenvatting")
    assert row_with(summary, "Totale kosten")[1] == "€ 22.446,50"
    assert row_with(summary, "Totale financiering")[1] == "€ 10.000,00"
    assert row_with(summary, "Netto resultaat")[1] == "**-€ 12.446,50**"
    # 10.000 / 22.446,50 = 0,44550... -> 44,6 %
    coverage = table_after(text, "### Dekking van de kosten")
    assert coverage[2] == ["2027", "€ 22.446,50", "€ 10.000,00", "44,6 %"]
    assert row_with(coverage, "Totaal")[3] == "**44,6 %**"
    assert "44,6 % van de kosten" in text
    lines = table_after(text, "### Financieringsregels")
    assert lines[2] == ["2027", "subsidy", "SET-subsidie", "vast bedrag", "€ 10.000,00"]


def test_coverage_is_a_dash_where_the_cost_is_zero(tmp_path):
    # Paro is a one-off purchase: no cost in the second year.
    text = report(tmp_path, """\
case: Paro zonder vervolgkosten
start: 2027-01
years: 2
scenario: none
deployments:
  - product: paro
    clients: 1
funding:
  - code: subsidy
    amount: 1000
    year: 2
""")
    coverage = table_after(text, "### Dekking van de kosten")
    assert coverage[2] == ["2027", "€ 6.019,75", "€ 0,00", "0,0 %"]
    assert coverage[3] == ["2028", "€ 0,00", "€ 1.000,00", "-"]


def test_vpt_cost_and_available_share_per_client_per_day_by_hand(tmp_path):
    text = report(tmp_path, VIVAGO + """\
funding:
  - code: VPT
    clients: 10
    day_rate: 165
    technology_share: 2%
""")
    # 10 clients x 365 days = 3.650 client-days; 165 x 2 % = 3,30 a day -> 12.045,00.
    lines = table_after(text, "### Financieringsregels")
    assert lines[2][3] == "3.650 cliëntdagen × € 3,30"
    assert lines[2][4] == "€ 12.045,00"
    vpt = table_after(text, "### VPT: technologiekosten naast het beschikbare deel van het dagtarief")
    # cost per client per day: 22.446,50 / 3.650 = 6,1497 -> 6,15; available 12.045 / 3.650 = 3,30.
    assert vpt[2] == ["2027", "VPT Volledig Pakket Thuis (dagtarief)", "3.650", "€ 6,15", "€ 3,30", "-€ 2,85"]
    coverage = table_after(text, "### Dekking van de kosten")
    assert coverage[2][3] == "53,7 %"  # 12.045 / 22.446,50 = 0,5366


def test_vpt_in_english(tmp_path):
    text = report(tmp_path, VIVAGO + """\
funding:
  - code: VPT
    clients: 10
    day_rate: 165
    technology_share: 2%
""", lang="en")
    vpt = table_after(text, "### VPT: technology cost next to the available share of the day rate")
    assert vpt[2][2:] == ["3,650", "€6.15", "€3.30", "-€2.85"]
    assert "€22,446.50" in text and "53.7%" in text


def test_no_funding_lists_the_routes(tmp_path):
    text = report(tmp_path, VIVAGO)
    assert "De case noemt geen financiering" in text
    routes = table_after(text, "### Mogelijke financieringsroutes")
    codes = [r[0] for r in routes[2:]]
    assert codes == ["1062", "H139", "H306", "VPT", "subsidy"]
    assert row_with(routes, "VPT")[3] == "niet openbaar; uit het contract"
    assert "niet openbaar" in text and "contract" in text


def test_user_text_is_escaped_in_tables(tmp_path):
    text = report(tmp_path, VIVAGO.replace("case: Vivago toets", 'case: "Vivago | toets"')
                  .replace("start: 2027-01", 'organisation: "Zorg | Groep"\nstart: 2027-01'))
    assert text.startswith("# Businesscase: Vivago | toets\n")
    basis = table_after(text, "## 2. Uitgangspunten")
    assert row_with(basis, "Organisatie")[1] == "Zorg \\| Groep"
    for table in tables(text):
        assert len({len(r) for r in table}) == 1


def test_tips_follow_the_case(tmp_path):
    text = report(tmp_path, """\
case: Tips
start: 2027-01
years: 2
scenario: none
staff:
  care_staff: {count: 12, rate: 50}
deployments:
  - product: cboards
    clients: 3
  - product: wolk-aanschaf
    clients: 4
    index_cap: 2%
""")
    tips = flat(text[text.index("### Contracttips"):text.index("## 9.")])
    checks = flat(text[text.index("### Contractpunten"):text.index("### Contracttips")])
    # per employee, so it runs on without clients: 12 x 19,99 x 12 = 2.878,56 a year
    assert "cBoards: vaste kosten die ook zonder cliënten doorlopen: € 2.878,56 per jaar" in checks
    assert "cBoards: terugkerende kosten" in checks and "(tip 001:295-297)" in checks
    assert "WOLK heupairbag (optie 1 aanschaffen): terugkerende kosten" not in checks   # capped
    assert "2 leveranciers (Caresharing, WOLK)" in checks and "(tip 001:336-338)" in checks
    # tips already worked out as a check are not repeated
    assert "001:320-324" not in tips and "001:295-297" not in tips and "001:336-338" not in tips
    assert "(001:307-308)" in tips                                                # quoted incl. VAT
    assert "(001:288-291, 001:312-313) Geldt hier voor: cBoards, Premium account." in tips
    assert "001:301-303" not in tips                                              # no implementation item
    vat = text[text.index("## 4. Btw"):text.index("## 5.")]
    assert "2. WOLK heupairbag (optie 1 aanschaffen): Aanschafkosten" in vat
    # The staffel tier named in the sources is the one the engine used (12 staff: the 1-employee price).
    figures = table_after(text, "### Gebruikte catalogusbedragen")
    assert row_with(figures, "1. cBoards")[2] == "€19,99 (1 medewerker)"


def test_one_year_case_without_cap_gets_no_cap_tip(tmp_path):
    text = report(tmp_path, VIVAGO)
    assert "001:295-297" not in text
    assert "001:336-338" not in text


# ---- tables ---------------------------------------------------------------------------------------


def _all_reports(tmp_path) -> list[str]:
    out = []
    for path in EXAMPLES:
        result, catalogue, tariffs = compute(path)
        for lang in ("nl", "en"):
            out.append(report_md.render(report_of(result, catalogue, tariffs), lang))
    out.append(report(tmp_path, VIVAGO + """\
funding:
  - code: subsidy
    amount: 10000
    year: 1
  - code: VPT
    clients: 10
    day_rate: 165
    technology_share: 2%
  - code: H139
    clients: 5
    hours_per_month: 1.5
    tariff: 80
"""))
    return out


def test_tables_are_well_formed_gfm(tmp_path):
    for text in _all_reports(tmp_path):
        found = tables(text)
        assert len(found) >= 8
        for table in found:
            width = len(table[0])
            for row in table:
                assert len(row) == width, f"row {row} has {len(row)} cells, header has {width}"
        assert "\n\n\n" not in text
        assert text.endswith("\n") and not text.endswith("\n\n")
        for line in text.split("\n"):
            assert line == line.rstrip()
            if line.startswith("#"):
                assert re.fullmatch(r"#{1,4} \S.*", line), line


def test_numbers_right_aligned(tmp_path):
    text = report(tmp_path, VIVAGO)
    per_year = table_after(text, "### Kosten per kalenderjaar")
    assert per_year[1] == ["---"] + ["---:"] * 7


def test_headings_in_both_languages(tmp_path):
    nl = report(tmp_path, VIVAGO)
    en = report(tmp_path, VIVAGO, lang="en")
    for n, (h_nl, h_en) in enumerate([("Samenvatting", "Summary"), ("Uitgangspunten", "Starting points"),
                                       ("Kosten", "Costs"), ("Btw", "VAT"), ("Indexatie", "Indexation"),
                                       ("Financiering en dekking", "Funding and coverage"),
                                       ("Resultaat per jaar", "Result per year"),
                                       ("Aandachtspunten", "Points of attention"), ("Bronnen", "Sources")], 1):
        assert f"\n## {n}. {h_nl}\n" in nl
        assert f"\n## {n}. {h_en}\n" in en
    assert "€ 22.446,50" in nl and "€22,446.50" in en
    assert "21 %" in nl and "21%" in en


# ---- user templates -------------------------------------------------------------------------------


def test_user_template_overrides_the_report(tmp_path):
    user = tmp_path / "tpl"
    user.mkdir()
    (user / "report.md.j2").write_text("Eigen: {{ case.title }} kost {{ summary.cost|money }}.\n", encoding="utf-8")
    assert report(tmp_path, VIVAGO, templates=user) == "Eigen: Vivago toets kost € 22.446,50.\n"


def test_user_template_overrides_one_partial(tmp_path):
    user = tmp_path / "tpl"
    user.mkdir()
    (user / "report_vat.md.j2").write_text("## 4. Btw op maat\n\n{{ vat.total|money }}\n", encoding="utf-8")
    text = report(tmp_path, VIVAGO, templates=user)
    assert "## 4. Btw op maat\n\n€ 3.496,50\n" in text
    assert "## 1. Samenvatting" in text and "## 9. Bronnen" in text


def _template_error(tmp_path, name: str, body: str) -> InputError:
    user = tmp_path / "tpl"
    user.mkdir(exist_ok=True)
    (user / name).write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as info:
        report(tmp_path, VIVAGO, templates=user)
    (problem,) = info.value.problems
    assert problem.field == "template"
    return info.value


def test_undefined_variable_names_file_and_line(tmp_path):
    err = _template_error(tmp_path, "report.md.j2", "# Titel\n\n{{ no_such_thing }}\n")
    (problem,) = err.problems
    assert Path(problem.file) == tmp_path / "tpl" / "report.md.j2"
    assert problem.line == 3
    assert "no_such_thing" in problem.message


def test_undefined_variable_in_a_partial(tmp_path):
    err = _template_error(tmp_path, "report_result.md.j2", "## 7\n{{ result.nope }}\n")
    (problem,) = err.problems
    assert Path(problem.file) == tmp_path / "tpl" / "report_result.md.j2"
    assert problem.line == 2


def test_syntax_error_names_file_and_line(tmp_path):
    err = _template_error(tmp_path, "report.md.j2", "a\nb\n{% for x in %}\n")
    (problem,) = err.problems
    assert Path(problem.file) == tmp_path / "tpl" / "report.md.j2"
    assert problem.line == 3


def test_sandbox_refuses_dunder_access(tmp_path):
    err = _template_error(tmp_path, "report.md.j2", "ok\n{{ ''.__class__.__mro__ }}\n")
    (problem,) = err.problems
    assert Path(problem.file) == tmp_path / "tpl" / "report.md.j2"
    assert problem.line == 2
    assert "sandbox" in problem.message and "unsafe" in problem.message


def test_jinja_is_not_imported_with_bcalc():
    code = ("import sys, bcalc.cli, bcalc.render.report_md, bcalc.render.estimate_md; "
            "print('jinja2' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---- the command line -----------------------------------------------------------------------------

runner = CliRunner()


def test_cli_report_md_writes_refuses_and_forces(tmp_path):
    out = tmp_path / "out.md"
    case = ROOT / "examples" / "zorgrobots.yaml"
    first = runner.invoke(app, ["report", str(case), "--md", str(out)])
    assert first.exit_code == 0, first.output
    written = out.read_text(encoding="utf-8")
    assert written.startswith("# Businesscase: Zorgrobots dagstructuur en dagbesteding\n")
    assert written == (GOLDEN / "zorgrobots.md").read_text(encoding="utf-8")

    out.write_text("mine\n", encoding="utf-8")
    second = runner.invoke(app, ["report", str(case), "--md", str(out)])
    assert second.exit_code == 2
    assert "Traceback" not in second.output
    assert "--force" in second.output
    assert out.read_text(encoding="utf-8") == "mine\n"

    third = runner.invoke(app, ["report", str(case), "--md", str(out), "--force", "--lang", "en"])
    assert third.exit_code == 0, third.output
    assert out.read_text(encoding="utf-8").startswith("# Business case: Zorgrobots")


def test_cli_bad_template_exits_2_and_writes_nothing(tmp_path):
    user = tmp_path / "tpl"
    user.mkdir()
    (user / "report.md.j2").write_text("{{ nope }}\n", encoding="utf-8")
    out = tmp_path / "out.md"
    result = runner.invoke(app, ["report", str(ROOT / "examples" / "zorgrobots.yaml"), "--md", str(out),
                                 "--templates", str(user)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"{user / 'report.md.j2'}:1: template:" in result.output
    assert not out.exists()


def test_tables_convert_to_html(tmp_path):
    """A CommonMark parser with GFM tables (markdown-it-py, which rich already needs) finds every table."""
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark").enable("table")
    for text in _all_reports(tmp_path):
        html = md.render(text)
        assert html.count("<table>") == len(tables(text))
        assert html.count("<h2>") == 10     # nine chapters and the appendices
    text = report(tmp_path, VIVAGO.replace("start: 2027-01", 'organisation: "Zorg | Groep"\nstart: 2027-01'))
    assert "<td>Zorg | Groep</td>" in md.render(text)


def _euros(cell: str) -> Decimal:
    """'€ 1.234,56' / '-€ 1.234,56' / '**€ 5,00**' -> Decimal."""
    text = cell.strip("*").replace("€", "").replace(" ", "").replace(".", "").replace(",", ".")
    return Decimal(text)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_cost_lines_add_up_to_the_deployment_total(path: Path):
    result, catalogue, tariffs = compute(path)
    text = report_md.render(report_of(result, catalogue, tariffs), "nl")
    for p in result.products:
        heading = f"#### {p.deployment + 1}. {p.name}"
        name = next(line for line in text.split("\n") if line.startswith(heading))
        lines = table_after(text, name)
        body = [r for r in lines[2:] if not r[0].startswith("**")]
        total = row_with(lines, "Totaal inzet")
        for col in (2, 3, 4):
            assert sum((_euros(r[col]) for r in body), Decimal(0)) == _euros(total[col])
        assert _euros(total[4]) == p.totals.cost
    # Result per year: cumulative net is the running sum of net.
    res = table_after(text, "## 7. Resultaat per jaar")
    running = Decimal(0)
    for r in res[2:-1]:
        running += _euros(r[4])
        assert _euros(r[5]) == running
    assert running == result.total.net



def test_part_years_are_marked_with_their_months(tmp_path):
    # a July start over 2 years runs 6 months in 2027, 12 in 2028 and 6 in 2029
    july = VIVAGO.replace("start: 2027-01", "start: 2027-07")
    text = report(tmp_path, july.replace("years: 1", "years: 2"))
    years = [row[0] for row in table_after(text, "## 7. Resultaat per jaar")[2:5]]
    assert years == ["2027 (6 mnd)", "2028", "2029 (6 mnd)"]
    english = report(tmp_path, july, lang="en")
    years = [row[0] for row in table_after(english, "## 7. Result per year")[2:4]]
    assert years == ["2027 (6 mo.)", "2028 (6 mo.)"]
