"""Rendering grows linearly with the number of deployments, and its fast paths give what the slow
ones gave.

No test here times anything: the work of a renderer is counted as the lines of Python it runs in
bcalc/render and templates/ (sys.settrace), which is the same on a busy machine as on an idle one.
Work done inside a builtin (list.index, a C-level scan) is not counted, and a quadratic part too
small to show at 36 deployments passes; bench/scale_case.py --time measures the real thing. The
cases are those of bench/scale_case.py: N Medido deployments over 15 years.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell as OpenpyxlCell
from openpyxl.styles import Alignment, Font, PatternFill

from bcalc.app import report_of
from bcalc.core import estimate
from bcalc.loader import load_all, load_case
from bcalc.render import console, report_md, xlsx
from bcalc.render.xlsx import book as book_module
from bcalc.render.xlsx import cells

ROOT = Path(__file__).resolve().parents[1]
RENDER = str(ROOT / "bcalc" / "render")
TEMPLATES = str(ROOT / "templates")
SIZES = (4, 12, 36)        # deployments
SMALL, LARGE = 4, 12


def _scale_case():
    spec = importlib.util.spec_from_file_location("scale_case", ROOT / "bench" / "scale_case.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reports(tmp_path_factory, catalogue, tariffs):
    """The report of the scale case for each of SIZES deployments."""
    folder = tmp_path_factory.mktemp("scale")
    out = {}
    for n in SIZES:
        path = folder / f"scale-{n}.yaml"
        path.write_text(_scale_case().case_text(n), encoding="utf-8")
        result = estimate(load_case(path, catalogue, tariffs), catalogue, tariffs)
        out[n] = report_of(result, catalogue, tariffs)
    return out


def _lines_run(render) -> int:
    """The lines of bcalc/render and of the templates that ``render()`` runs."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        name = frame.f_code.co_filename
        if name.startswith(RENDER) or name.startswith(TEMPLATES):
            return local
        return None

    sys.settrace(calls)
    try:
        render()
    finally:
        sys.settrace(None)
    return count


RENDERERS = {
    "xlsx": lambda bundle: xlsx.render(bundle, "nl"),
    "md": lambda bundle: report_md.render(bundle, "nl"),
    "console": lambda bundle: console.render(bundle.result, console.make_console(file=io.StringIO(), width=100),
                                             "nl"),
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_render_work_grows_linearly_with_deployments(reports, name):
    # each deployment added costs about as many lines at 36 deployments as at 12: a renderer that
    # scans every deployment's lines for each deployment (as the cost groups of the Markdown did),
    # or a list per row, costs three times as much per deployment from 12 to 36 as from 4 to 12
    render = RENDERERS[name]
    render(reports[SIZES[0]])      # once before counting: the modules it imports are not its work
    lines = {n: _lines_run(lambda: render(reports[n])) for n in SIZES}
    small, middle, large = SIZES
    first = (lines[middle] - lines[small]) / (middle - small)
    then = (lines[large] - lines[middle]) / (large - middle)
    assert first > 100
    assert then <= 1.1 * first, f"{name}: {lines}"


def test_workbook_cells_are_not_openpyxl_cells(reports, monkeypatch):
    # openpyxl's cell objects took some 30 microseconds per cell; the workbook makes one only per
    # combination of format, font, fill and alignment, so as many for 12 deployments as for 4
    made = []
    init = OpenpyxlCell.__init__

    def counted(self, *args, **kwargs):
        made.append(1)
        init(self, *args, **kwargs)

    monkeypatch.setattr(OpenpyxlCell, "__init__", counted)
    counts = []
    for n in (SMALL, LARGE):
        made.clear()
        xlsx.render(reports[n], "nl")
        counts.append(len(made))
    assert counts[0] == counts[1]
    assert counts[0] < 40


# -- the cells written as XML are the cells openpyxl would have written --------------------------

class OpenpyxlSheet(cells.Sheet):
    """The sheet helper as it was, writing every cell through openpyxl: the reference."""

    def text(self, row, col, value, bold=False, fill=None, font=None, wrap=False):
        cell = self.ws.cell(row=row, column=col)
        cell.value = "" if value is None else str(value)
        cell.data_type = "s"
        if bold:
            cell.font = cells.BOLD
        elif font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if fill is cells.HEAD or wrap:
            cell.alignment = cells.WRAP
        self.note_length(row, col, cell.value, fill is cells.HEAD or wrap)   # what the widths follow

    def filled(self, row, col):
        cell = self.ws._cells.get((row, col))
        return cell is not None and (cell.value is not None or cell.has_style)

    def columns(self):
        return {col for _, col in self.ws._cells}

    def num(self, row, col, value, fmt=None, fill=None, bold=False, font=None):
        cell = self.ws.cell(row=row, column=col)
        if isinstance(value, Fraction):
            value = Decimal(value.numerator) / Decimal(value.denominator)
        cell.value = value
        if fmt:
            cell.number_format = fmt
        if fill is not None:
            cell.fill = fill
        if bold:
            cell.font = cells.BOLD
        elif font is not None:
            cell.font = font

    def formula(self, row, col, expr, fmt=None, bold=False):
        cell = self.ws.cell(row=row, column=col)
        cell.value = expr if expr.startswith("=") else "=" + expr
        if fmt:
            cell.number_format = fmt
        if bold:
            cell.font = cells.BOLD


def _openpyxl_save(self) -> bytes:
    buf = io.BytesIO()
    self.wb.save(buf)
    return buf.getvalue()


def _dump(data: bytes) -> list[tuple]:
    wb = load_workbook(io.BytesIO(data))
    out = [("names", tuple(sorted((n, d.attr_text) for n, d in wb.defined_names.items())))]
    for ws in wb.worksheets:
        out.append((ws.title, ws.dimensions, ws.freeze_panes, ws.auto_filter.ref, len(ws._charts),
                    tuple(sorted((k, d.width) for k, d in ws.column_dimensions.items() if d.width))))
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                out.append((ws.title, c.coordinate, c.data_type, c.value, c.number_format, c.font.b, c.font.sz,
                            c.fill.fill_type, c.fill.start_color.rgb if c.fill.fill_type else None,
                            c.alignment.wrap_text, c.alignment.vertical))
    return out


CASES = sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "tests" / "cases").glob("*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_workbook_cells_as_openpyxl_writes_them(path, monkeypatch):
    catalogue, tariffs, case = load_all(path)
    bundle = report_of(estimate(case, catalogue, tariffs), catalogue, tariffs)
    for lang in ("nl", "en"):
        fast = xlsx.render(bundle, lang)
        with monkeypatch.context() as m:
            m.setattr(book_module, "Sheet", OpenpyxlSheet)
            m.setattr(book_module.Book, "save", _openpyxl_save)
            reference = xlsx.render(bundle, lang)
        got, want = _dump(fast), _dump(reference)
        assert len(got) == len(want)
        assert [g for g, w in zip(got, want) if g != w] == []
        assert got[1][4] >= 1          # the summary's charts came along


def test_values_of_every_kind_as_openpyxl_stores_them():
    # text with markup characters and spaces at the ends, a text that looks like a formula or an
    # error, numbers of each type, an empty styled cell, a bool, a formula, an empty text
    wb = Workbook()
    fast = cells.Sheet(wb.active)
    ref_book = Workbook()
    ref = OpenpyxlSheet(ref_book.active)
    values = [" a <b> & c ", "=SUM(A1)", "#N/A", "", None, 3, Decimal("1.10"), Fraction(208, 3), 2.5, True,
              10**20, "x" * 40000]
    for sheet in (fast, ref):
        for i, value in enumerate(values, start=1):
            sheet.text(i, 1, value, bold=i % 2 == 0)
            sheet.num(i, 2, value if not isinstance(value, str) else None, cells.EURO if i % 3 else None,
                      fill=cells.INPUT if i % 4 == 0 else None)
        sheet.formula(1, 3, "A1&B1", cells.QTY, bold=True)
        sheet.text(2, 3, "wrapped", fill=PatternFill("solid", start_color="112233"), wrap=True)
        sheet.num(3, 3, 7, font=Font(italic=True))
    book = book_module.Book.__new__(book_module.Book)
    book.wb = wb
    book.summary, book.styles = fast, fast.styles
    book.sheets = lambda: [fast]
    got = _dump(book.save())
    buf = io.BytesIO()
    ref_book.save(buf)
    want = _dump(buf.getvalue())
    assert got == want
    long_text = [g for g in got[2:] if g[1] == "A12"]
    assert long_text[0][2:4] == ("s", "x" * 32767)


def test_control_character_in_text_is_refused_as_by_openpyxl():
    from openpyxl.utils.exceptions import IllegalCharacterError

    sheet = cells.Sheet(Workbook().active)
    with pytest.raises(IllegalCharacterError):
        sheet.text(1, 1, "bel\x07")
    with pytest.raises(IllegalCharacterError):
        OpenpyxlSheet(Workbook().active).text(1, 1, "bel\x07")


# -- the estimate table splits as rich measures it ------------------------------------------------

def _rich_chunks(con, columns, rows, lang):
    """The split as it was made: rich measures every trial table."""
    chunks = [[]]
    wide = con.options.update_width(10_000)
    for i in range(len(columns)):
        trial = chunks[-1] + [i]
        width = con.measure(console._table(None, columns, rows, trial, lang), options=wide).maximum
        if chunks[-1] and width > con.width:
            chunks.append([i])
        else:
            chunks[-1] = trial
    return chunks


@pytest.mark.parametrize("width", [20, 40, 61, 80, 100, 137, 400])
def test_estimate_table_splits_where_rich_measures(width):
    rows = [("Eenmalig", [Decimal("429.00"), Decimal("-1234567.89"), Decimal(0)] * 3, False),
            ("Een label van meer dan vierentwintig tekens lang", [Decimal("5.5")] * 9, True),
            ("Netto", [Decimal("98765432.10")] * 9, True)]
    columns = ["2027*", "1. Medido (Team 1)", ":thumbs_up: team", "[bold]x[/bold]", "漢字 wide 😀",
               "Heel lange naam van een team " * 5, "2030", "3. cMed Plus", "Totaal"]
    for lang in ("nl", "en"):
        con = console.make_console(file=io.StringIO(), width=width)
        assert console._chunks(con, columns, rows, lang) == _rich_chunks(con, columns, rows, lang)
        assert console._chunks(con, columns, [], lang) == _rich_chunks(con, columns, [], lang)


def test_estimate_table_per_product_splits_where_rich_measures(reports):
    result = reports[LARGE].result
    cols = [f"{p.deployment + 1}. {p.name}" + (f" ({dep.label})" if dep.label else "")
            for p, dep in zip(result.products, result.case.deployments)]
    rows = [(k, [getattr(p.totals, k) for p in result.products], k == "cost") for k in ("one_off", "vat", "cost")]
    con = console.make_console(file=io.StringIO(), width=100)
    chunks = console._chunks(con, cols, rows, "nl")
    assert chunks == _rich_chunks(con, cols, rows, "nl")
    assert len(chunks) > 1 and sum(chunks, []) == list(range(LARGE))


def test_scale_case_has_the_deployments_asked_for(catalogue, tariffs, tmp_path):
    path = tmp_path / "scale.yaml"
    path.write_text(_scale_case().case_text(7), encoding="utf-8")
    case = load_case(path, catalogue, tariffs)
    assert len(case.deployments) == 7 and case.years == 15
    assert {d.product for d in case.deployments} == {"medido"}
    assert [len(d.clients) for d in case.deployments] == [15] * 7
