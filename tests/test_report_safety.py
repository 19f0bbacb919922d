"""Text from case files and catalogues is data in the Markdown outputs: no live HTML, no image, no
link that the author of a case or catalogue wrote; it reads as written."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bcalc.cli import app
from bcalc.render.mdtext import escape

markdown_it = pytest.importorskip("markdown_it")

ROOT = Path(__file__).resolve().parents[1]
MD = markdown_it.MarkdownIt("commonmark").enable("table")
runner = CliRunner()

# The elements the Markdown of bcalc itself makes; anything else in the HTML came from data.
OWN_TAGS = {"h1", "h2", "h3", "h4", "p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "strong",
            "code", "pre"}

SCRIPT = "<script>alert(1)</script>"
IMAGE = "![logo](https://evil.example/p.png)"
LINK = "[klik hier](https://evil.example/x)"
TAG = '<img src="x" onerror="alert(2)">'
AUTOLINK = "<https://evil.example/a>"
BARE = "zie https://evil.example/b of www.evil.example of piet@evil.example"
SCENARIO = "<u>eigen</u> [x](https://evil.example/s)"
MARKS = "**vet** _schuin_ `code` ~~weg~~ &lt;b&gt; a\\[b"


def q(text: str) -> str:
    """A YAML scalar in double quotes (JSON's are valid YAML)."""
    return json.dumps(text)


CASE_NAME = f"Zorg {SCRIPT} {IMAGE}"
CASE = f"""\
case: {q(f"Zorg {SCRIPT} {IMAGE}")}
organisation: {q(f"Org {LINK} | {TAG}")}
description: {q(AUTOLINK)}
start: 2027-01
years: 3
scenario: base
discount_rate: 4%
hours_per_fte: 1500
staff:
  care_staff: {{count: 30, rate: 50}}
  functional_admin: {{count: 1, rate: 50}}
  data_analyst: {{count: 2, rate: 50}}
  project_lead: {{count: 1}}
deployments:
  - product: vivago
    clients: 25
    label: {q(f"Oost {LINK} {SCRIPT}")}
  - product: medido
    clients: [10, 20, 20]
    label: {q(f"{TAG} {AUTOLINK}")}
funding:
  - code: subsidy
    label: {q(f"Fonds {IMAGE} {SCRIPT}")}
    amount: 5000
    year: 1
benefits:
  - label: {q(f"Minder rondes {MARKS} {TAG}")}
    kind: time
    per: day
    minutes: 5
    role: care_staff
    deployment: 2
    source: {q(f"{BARE} {LINK}")}
"""

PAYLOADS = [SCRIPT, IMAGE, LINK, TAG, AUTOLINK]


def _foreign_tags(rendered: str) -> set[str]:
    return {t.lower() for t in re.findall(r"<\s*([a-zA-Z][a-zA-Z0-9]*)", rendered)} - OWN_TAGS


def _assert_inert(markdown: str, payloads: list[str]) -> None:
    rendered = MD.render(markdown)
    assert not _foreign_tags(rendered), _foreign_tags(rendered)
    assert 'href="' not in rendered and 'src="' not in rendered
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    for payload in payloads:  # shown as written
        assert payload in text, payload
    # bare addresses that GitHub would turn into links are broken up by a backslash
    for bare in ("https://evil", "www.evil", "piet@evil"):
        assert bare not in markdown
        assert bare not in markdown.replace("\\", "") or bare.replace("\\", "") in text


def _write(tmp_path: Path, text: str = CASE) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_case_text_is_inert_in_the_report(tmp_path, lang):
    out = tmp_path / "case.md"
    done = runner.invoke(app, ["report", str(_write(tmp_path)), "--md", str(out), "--lang", lang])
    assert done.exit_code == 0, done.output
    markdown = out.read_text(encoding="utf-8")
    _assert_inert(markdown, PAYLOADS)
    assert f"Minder rondes {MARKS}" in html.unescape(re.sub(r"<[^>]+>", "", MD.render(markdown)))
    assert "evil.example/b" in markdown  # the benefit's source is in the report, escaped
    # the report's own Markdown still works around the escaped text
    rendered = MD.render(markdown)
    assert rendered.count("<h2>") == 10 and "<strong>" in rendered and "<pre><code" in rendered


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_case_text_is_inert_in_estimate_markdown(tmp_path, lang):
    done = runner.invoke(app, ["estimate", str(_write(tmp_path)), "--format", "markdown", "--lang", lang])
    assert done.exit_code == 0, done.output
    _assert_inert(done.output, PAYLOADS)


@pytest.mark.parametrize("command", ["compare", "scenarios"])
def test_case_text_is_inert_in_compare_and_scenarios_markdown(tmp_path, command):
    extra = ["--deployment", "1"] if command == "compare" else []
    done = runner.invoke(app, [command, str(_write(tmp_path)), "--format", "markdown", *extra])
    assert done.exit_code == 0, done.output
    rendered = MD.render(done.output)
    assert not _foreign_tags(rendered), _foreign_tags(rendered)
    assert 'href="' not in rendered and 'src="' not in rendered
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert CASE_NAME in text  # the case's name, in the title, reads as written


def test_catalogue_text_is_inert(tmp_path):
    """Names and labels of products, items, sources, scenarios and funding from a catalogue folder."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    suppliers = (data / "suppliers.yaml").read_text(encoding="utf-8")
    for old, new in [("    name: Medido\n", f"    name: {q('Medido ' + TAG)}\n"),
                     ("        label: Implementatie door leverancier\n", f"        label: {q('Implementatie ' + LINK)}\n"),
                     ('    title: "Zilveren Kruis', f'    title: "{SCRIPT} Zilveren Kruis')]:
        assert suppliers.count(old) == 1, old
        suppliers = suppliers.replace(old, new)
    (data / "suppliers.yaml").write_text(suppliers, encoding="utf-8")
    tariffs = (data / "tariffs.yaml").read_text(encoding="utf-8")
    for old, new in [("    label: Basis (NZa 2025)\n", f"    label: {q('Basis ' + IMAGE)}\n"),
                     ("    name: Subsidie\n", f"    name: {q('Subsidie ' + AUTOLINK)}\n"),
                     ("indexation:\n  none:\n", f"indexation:\n  {q(SCENARIO)}:\n    label: Eigen\n    basis: Eigen.\n"
                      "    prices: 1%\n    wages: 1%\n    tariffs: 1%\n  none:\n")]:
        assert tariffs.count(old) == 1, old
        tariffs = tariffs.replace(old, new)
    (data / "tariffs.yaml").write_text(tariffs, encoding="utf-8")

    case = _write(tmp_path, CASE.replace("scenario: base", f"scenario: {q(SCENARIO)}"))
    out = tmp_path / "case.md"
    done = runner.invoke(app, ["report", str(case), "--md", str(out), "--catalogue", str(data)])
    assert done.exit_code == 0, done.output
    markdown = out.read_text(encoding="utf-8")
    _assert_inert(markdown, [f"Medido {TAG}", f"Implementatie {LINK}", f"{SCRIPT} Zilveren Kruis", f"Basis {IMAGE}",
                             f"Subsidie {AUTOLINK}", SCENARIO])
    done = runner.invoke(app, ["estimate", str(case), "--format", "markdown", "--catalogue", str(data)])
    assert done.exit_code == 0, done.output
    _assert_inert(done.output, [f"Medido {TAG}"])


def test_escape_marks_only_what_is_markup():
    assert escape("project_lead ICT&health Beheer & handling 2027-01 a | b") == \
        "project_lead ICT&health Beheer & handling 2027-01 a | b"
    assert escape(SCRIPT) == "\\<script\\>alert(1)\\</script\\>"
    assert escape(IMAGE) == "!\\[logo\\](https\\://evil.example/p.png)"
    assert escape("www.x.nl piet@x.nl &amp; _a_ *b*") == "www\\.x.nl piet\\@x.nl \\&amp; \\_a\\_ \\*b\\*"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40))
def test_escaped_text_renders_as_written(text):
    """Whatever the text, CommonMark shows the escaped text exactly as written, with no element."""
    text = " ".join(text.split())
    if not text:
        return
    rendered = MD.renderInline(escape(text))
    assert "<" not in rendered.replace("&lt;", "")
    assert html.unescape(rendered) == text
