"""bcalc report CASE --pdf FILE: the business case as an A4 PDF with its charts (reportlab).

Looked at as a reader would: pdftoppm rasterises every page (none may be blank), pdftotext reads
the headline figures back, formatted as the Markdown formats them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ENGLISH, WIDE_ENV, invoke

pytest.importorskip("reportlab")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
POPPLER = shutil.which("pdftoppm") and shutil.which("pdftotext") and shutil.which("pdfinfo")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftoppm, pdftotext) not installed")

# Headline figures, worked out from the yearly cost table of each example (chapter 3):
# medicijndispensers: 26.771,16 + 45.334,64 + 45.259,39 + 46.164,58 + 47.087,87 = 210.617,64 total cost;
#   benefits 835.523,82 (all time freed, nothing cashable), no funding: value net 835.523,82 - 210.617,64
#   = 624.906,18; budget net (funding + cashable - cost) = 0 + 0 - 210.617,64.
# zorgrobots: 18.059,25 + 7.311,06 + 4.631,94 = 30.002,25 total cost; value net 126.600,63; nothing
#   cashable, no funding: budget net -30.002,25.
HEADLINES = {
    ("medicijndispensers", "nl"): ["€ 210.617,64", "€ 624.906,18", "-€ 210.617,64"],
    ("medicijndispensers", "en"): ["€210,617.64", "€624,906.18", "-€210,617.64"],
    ("zorgrobots", "nl"): ["€ 30.002,25", "€ 126.600,63", "-€ 30.002,25"],
    ("zorgrobots", "en"): ["€30,002.25", "€126,600.63", "-€30,002.25"],
}
# A floor of pages: nine chapters at 9.5 pt, the 24-row scenario grid, the sensitivity and the
# simulation tables and four charts of 7 cm each do not fit on fewer than 8 A4 pages for the five-year
# medicijndispensers case (it takes 10) nor on fewer than 7 for the three-year zorgrobots (it takes 9).
FLOOR = {"medicijndispensers": 8, "zorgrobots": 7}


def _pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def _ink(pgm: bytes) -> int:
    """Non-white pixels of a binary greyscale PGM (P5) image."""
    assert pgm[:2] == b"P5"
    parts, pos = [], 2
    while len(parts) < 3:  # width, height, maximum value
        while pgm[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not pgm[end:end + 1].isspace():
            end += 1
        parts.append(int(pgm[pos:end]))
        pos = end
    pixels = pgm[pos + 1:]
    assert len(pixels) == parts[0] * parts[1]
    return sum(1 for p in pixels if p < 235)


@needs_poppler
@pytest.mark.parametrize("name", ["medicijndispensers", "zorgrobots"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdf_pages_have_content_and_headline_figures(tmp_path, name, lang):
    pdf = tmp_path / f"{name}.pdf"
    res = invoke("report", EXAMPLES / f"{name}.yaml", "--pdf", pdf, "--lang", lang)
    assert res.exit_code == 0, res.output
    assert pdf.read_bytes()[:5] == b"%PDF-"
    pages = _pages(pdf)
    assert pages >= FLOOR[name]
    subprocess.run(["pdftoppm", "-gray", "-r", "50", str(pdf), str(tmp_path / "pg")], check=True)
    images = sorted(tmp_path.glob("pg-*.pgm"))
    assert len(images) == pages
    for image in images:
        # the footer alone (title and page number) is some 600 pixels at 50 dpi; a page of text has
        # thousands more
        assert _ink(image.read_bytes()) > 2000, image.name
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\u00a0", " ")
    for figure in HEADLINES[(name, lang)]:
        assert figure in text, figure
    # the footer: the case title and "page N of M" on every page
    word = "pagina" if lang == "nl" else "page"
    assert text.count(f"{word} 1 van {pages}" if lang == "nl" else f"{word} 1 of {pages}") == 1
    last = f"{word} {pages} van {pages}" if lang == "nl" else f"{word} {pages} of {pages}"
    assert last in text


def _bundle(name: str, lang: str):
    from bcalc import app as bcalc_app
    from bcalc.render import report_md

    bundle = bcalc_app.report(bcalc_app.load(EXAMPLES / f"{name}.yaml"))
    ctx = report_md.context(bundle, lang)
    return bundle, ctx, report_md.render_context(ctx, lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_chart_is_drawn_at_its_marker_or_under_its_heading(lang):
    import re

    from bcalc.render import report_pdf

    bundle, ctx, text = _bundle("medicijndispensers", lang)
    markers = re.findall(r"<!-- chart:(\w+) -->", text)
    assert sorted(markers) == ["costs_per_year", "cumulative", "scenario_range", "tornado"]
    data, placed = report_pdf.build(text, bundle, ctx, lang)
    assert placed == markers
    assert data[:5] == b"%PDF-"
    # a template without markers still gets every chart, under the heading of its chapter
    bare = re.sub(r"<!-- chart:\w+ -->\n?", "", text)
    _, placed = report_pdf.build(bare, bundle, ctx, lang)
    assert sorted(placed) == sorted(markers)


def test_markers_place_the_charts():
    from bcalc.render import report_pdf

    bundle, ctx, _ = _bundle("zorgrobots", "en")
    text = ("# Case\n\n<!-- chart:tornado -->\n\nSome text.\n\n<!-- chart:costs_per_year -->\n\n"
            "<!-- a plain comment -->\n\n<!-- chart:scenario_range -->\n<!-- chart:cumulative -->\n")
    _, placed = report_pdf.build(text, bundle, ctx, "en")
    assert placed == ["tornado", "costs_per_year", "scenario_range", "cumulative"]
    # a marker the text has is used instead of the heading: no chart twice
    _, placed = report_pdf.build("## 3. Costs\n\n### Cost per calendar year\n\n<!-- chart:costs_per_year -->\n",
                                 bundle, ctx, "en")
    assert placed == ["costs_per_year"]


def test_chart_data_come_from_the_report(tmp_path):
    """The cost chart stacks the five categories per calendar year; a July start has part years
    named with their months."""
    from bcalc.render.report_pdf import charts, document

    case = (EXAMPLES / "medicijndispensers.yaml").read_text(encoding="utf-8")
    assert "start: 2027-01" in case
    path = tmp_path / "july.yaml"
    path.write_text(case.replace("start: 2027-01", "start: 2027-07"), encoding="utf-8")
    from bcalc import app as bcalc_app
    from bcalc.render import report_md

    bundle = bcalc_app.report(bcalc_app.load(path))
    ctx = report_md.context(bundle, "nl")
    document._fonts()
    d = charts.costs_per_year(bundle.result, ctx["year_names"], ctx["L"], "nl", 480, (document.FONT, document.BOLD))
    bar = next(c for c in d.contents if c.__class__.__name__ == "VerticalBarChart")
    # five contract years from July 2027: six calendar years, the first and the last of 6 months
    assert bar.categoryAxis.categoryNames == ["2027 (6 mnd)", "2028", "2029", "2030", "2031", "2032 (6 mnd)"]
    first = bundle.result.per_year[0].totals
    assert [series[0] for series in bar.data] == [float(first.one_off), float(first.recurring), float(first.training),
                                                 float(first.internal), float(first.vat)]
    # the stacks add up to each year's cost
    for k, row in enumerate(bundle.result.per_year):
        assert sum(series[k] for series in bar.data) == pytest.approx(float(row.totals.cost), abs=0.01)


def test_tornado_bars_follow_the_sensitivity():
    from reportlab.graphics.shapes import Rect

    from bcalc.render.report_pdf import charts, document

    bundle, ctx, _ = _bundle("medicijndispensers", "nl")
    rows = ctx["uncertainty"]["sensitivity"]["rows"]
    document._fonts()
    d = charts.tornado(rows, "nl", 480, (document.FONT, document.BOLD))
    bars = [c for c in d.contents if isinstance(c, Rect)]
    # one bar per end that moves the net; "Indexatie prijzen" has no change at its high end
    assert len(bars) == sum((r["change_low"] != 0) + (r["change_high"] != 0) for r in rows)
    # the widest bar is the largest change: benefit minutes at its low end, -167.104,76 (the Markdown's
    # -167.105); indexation of prices at its low end moves the net +2.660,82, so its bar is
    # 2.660,82 / 167.104,76 = 1,59 % as wide
    widest = max(abs(r["change_low"]) for r in rows)
    assert str(widest) == "167104.76"
    w = max(b.width for b in bars)
    assert any(abs(b.width - w * 2660.82 / 167104.76) < 0.01 for b in bars)


def test_without_reportlab_exit_2_and_nothing_written(tmp_path):
    pdf = tmp_path / "case.pdf"
    md = tmp_path / "case.md"
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'reportlab' or name.startswith('reportlab.'):\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from bcalc.cli import main\n"
        "sys.argv = ['bcalc', 'report', sys.argv[1], '--pdf', sys.argv[2], '--md', sys.argv[3]]\n"
        "main()\n"
    )
    env = {**os.environ, **WIDE_ENV, **ENGLISH}
    res = subprocess.run([sys.executable, "-c", code, str(EXAMPLES / "zorgrobots.yaml"), str(pdf), str(md)],
                         capture_output=True, text=True, env=env, cwd=tmp_path)
    assert res.returncode == 2, res.stderr
    assert "writing a PDF needs reportlab, which is not installed: pip install 'bcalc[pdf]'" in res.stderr
    assert "Traceback" not in res.stderr
    assert list(tmp_path.iterdir()) == []
    # in Dutch too
    res = subprocess.run([sys.executable, "-c", code, str(EXAMPLES / "zorgrobots.yaml"), str(pdf), str(md)],
                         capture_output=True, text=True, env={**env, "BCALC_LANG": "nl"}, cwd=tmp_path)
    assert res.returncode == 2
    assert "een PDF schrijven vraagt reportlab, dat niet geïnstalleerd is: pip install 'bcalc[pdf]'" in res.stderr


def test_cli_import_does_not_load_reportlab():
    code = "import sys, bcalc.cli; print(any(m.split('.')[0] == 'reportlab' for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_bad_pdf_path(tmp_path):
    res = invoke("report", EXAMPLES / "zorgrobots.yaml", "--pdf", tmp_path / "missing" / "x.pdf",
                 env={**WIDE_ENV, **ENGLISH})
    assert res.exit_code == 2
    assert "does not exist" in res.output
    res = invoke("report", EXAMPLES / "zorgrobots.yaml", "--pdf", tmp_path, env={**WIDE_ENV, **ENGLISH})
    assert res.exit_code == 2 and "is a directory" in res.output
    same = tmp_path / "same"
    res = invoke("report", EXAMPLES / "zorgrobots.yaml", "--pdf", same, "--md", same, env={**WIDE_ENV, **ENGLISH})
    assert res.exit_code == 2 and "the documents need different files" in res.output
    assert list(tmp_path.iterdir()) == []


def test_existing_pdf_needs_force_and_all_three_documents(tmp_path):
    pdf, md, xlsx = tmp_path / "c.pdf", tmp_path / "c.md", tmp_path / "c.xlsx"
    pdf.write_text("old")
    res = invoke("report", EXAMPLES / "zorgrobots.yaml", "--pdf", pdf, env={**WIDE_ENV, **ENGLISH})
    assert res.exit_code == 2 and "exists already; use --force" in res.output
    assert pdf.read_text() == "old"
    res = invoke("report", EXAMPLES / "zorgrobots.yaml", "--pdf", pdf, "--md", md, "--xlsx", xlsx, "--force",
                 env={**WIDE_ENV, **ENGLISH})
    assert res.exit_code == 0, res.output
    assert pdf.read_bytes()[:5] == b"%PDF-" and md.read_text(encoding="utf-8").startswith("# ")
    assert xlsx.read_bytes()[:2] == b"PK"


def test_an_amount_is_not_broken_after_its_euro_sign():
    from bcalc.render.report_pdf.mdblocks import inline

    assert inline("netto -€ 30.002,25 en € 5,00", "Courier") == "netto -€\u00a030.002,25 en €\u00a05,00"
    assert inline("**€ 1,00**", "Courier") == "<b>€\u00a01,00</b>"


def test_a_chart_drawn_in_text_is_left_out_where_the_pdf_draws_it():
    from bcalc.render.report_pdf.mdblocks import blocks

    text = ("## T\n\n<!-- chart:tornado -->\n<!-- text-chart -->\n\n| a | b |\n|---|---|\n| ░ | █ |\n\n"
            "Key: ░ low.\n\n<!-- /text-chart -->\n\nAfter.\n")
    kinds = [(b.kind, b.text) for b in blocks(text)]
    assert kinds == [("heading", "T"), ("marker", "tornado"), ("para", "After.")]
    _, ctx, md = _bundle("medicijndispensers", "nl")
    assert "<!-- text-chart -->" in md and "░" in md       # the Markdown keeps its text chart
    assert not any("░" in (b.text or "") or any("░" in c for r in b.rows for c in r) for b in blocks(md))
