"""The A4 document: Markdown blocks as reportlab flowables, tables fitted to the page, the charts in
their places, the case title and page numbers in the footer, chapters as PDF bookmarks."""

from __future__ import annotations

import io
import os
import re
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    CondPageBreak, KeepTogether, ListFlowable, ListItem, Paragraph, Preformatted, SimpleDocTemplate, Spacer, Table,
    TableStyle,
)

from bcalc.render.report_pdf import charts
from bcalc.render.report_pdf.mdblocks import Block, blocks, inline, plain

FONT, BOLD, ITALIC, BOLD_ITALIC, MONO = "BcalcSans", "BcalcSans-Bold", "BcalcSans-Italic", "BcalcSans-BoldItalic", "Courier"
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
CELL_PAD = 3

FOOTER = {"nl": "pagina {page} van {pages}", "en": "page {page} of {pages}"}
# what the fonts lack, as near as they come (the code font is Courier, Latin-1 and a few more)
STAND_IN = {"░": ".", "█": "#", "│": "|", "✓": "v", "≥": ">=", "≤": "<=", "−": "-", "…": "..."}


def _fonts() -> None:
    """The Bitstream Vera family that reportlab ships: Unicode TrueType (€, ≥, ë, –), embedded."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    for name, file in ((FONT, "Vera.ttf"), (BOLD, "VeraBd.ttf"), (ITALIC, "VeraIt.ttf"), (BOLD_ITALIC, "VeraBI.ttf")):
        pdfmetrics.registerFont(TTFont(name, os.path.join(folder, file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)


def _fixer():
    shown = set(pdfmetrics.getFont(FONT).face.charToGlyph)

    def fix(text: str) -> str:
        return "".join(ch if ord(ch) in shown else STAND_IN.get(ch, "?") for ch in text)
    return fix


def _mono_fix(text: str) -> str:
    out = []
    for ch in text:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            out.append(STAND_IN.get(ch, "?")[:1])  # one character for one: the columns stay in line
    return "".join(out)


def _styles() -> dict:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, spaceAfter=5)
    return {
        "body": base,
        "h1": ParagraphStyle("h1", base, fontName=BOLD, fontSize=17, leading=21, spaceAfter=10,
                             textColor=colors.HexColor("#1f4e79")),
        "h2": ParagraphStyle("h2", base, fontName=BOLD, fontSize=13.5, leading=17, spaceBefore=12, spaceAfter=6,
                             textColor=colors.HexColor("#1f4e79")),
        "h3": ParagraphStyle("h3", base, fontName=BOLD, fontSize=11, leading=14, spaceBefore=9, spaceAfter=4),
        "h4": ParagraphStyle("h4", base, fontName=BOLD_ITALIC, fontSize=10, leading=13, spaceBefore=6,
                             spaceAfter=3),
        "item": ParagraphStyle("item", base, spaceAfter=2),
        "code": ParagraphStyle("code", base, fontName=MONO, fontSize=6.6, leading=8.2, spaceAfter=6),
    }


# ---- tables ------------------------------------------------------------------------------------


def _widths(cells: list[list[str]], size: float, room: float) -> list[float] | None:
    """Column widths that fit ``room`` at font size ``size``: each column at least its longest word,
    the rest shared out by how much more its longest cell would take; None if the words alone do
    not fit."""
    n = len(cells[0][0])
    least, most = [0.0] * n, [0.0] * n
    for row, strong in cells:
        for j, text in enumerate(row):
            font = BOLD if strong or "**" in text else FONT
            shown = plain(text)
            words = shown.replace("\u00a0", "\x00").split() or [""]
            least[j] = max(least[j], *(stringWidth(w.replace("\x00", " "), font, size) for w in words))
            most[j] = max(most[j], stringWidth(shown, font, size))
    least = [w + 2 * CELL_PAD + 1 for w in least]
    most = [w + 2 * CELL_PAD + 1 for w in most]
    if sum(least) > room:
        return None
    if sum(most) <= room:
        return most
    spare = room - sum(least)
    extra = [m - lo for m, lo in zip(most, least)]
    total = sum(extra) or 1
    return [lo + spare * e / total for lo, e in zip(least, extra)]


def _table(block: Block, st: dict, fix) -> Table:
    head = [(block.head, True)]
    rows = [(r, False) for r in block.rows]
    # money keeps together ("€ 1.234,56" does not break after the euro sign), and so does a
    # deployment's number with the first word of its name ("1. Medido")
    nb = lambda t: re.sub(r"^(\d+\.) ", "\\1\u00a0", t.replace("€ ", "€\u00a0"))  # noqa: E731
    every = [([nb(c) for c in r], s) for r, s in head + rows]
    for size in (8.5, 8, 7.5, 7, 6.5, 6):
        widths = _widths(every, size, WIDTH)
        if widths is not None:
            break
    else:
        size = 6
        widths = [WIDTH / len(block.head)] * len(block.head)
    cell_style = ParagraphStyle("cell", st["body"], fontSize=size, leading=size * 1.22, spaceAfter=0)
    right_style = ParagraphStyle("cell_r", cell_style, alignment=TA_RIGHT)
    head_style = ParagraphStyle("head", cell_style, fontName=BOLD)
    head_right = ParagraphStyle("head_r", head_style, alignment=TA_RIGHT)
    data = []
    for k, (row, strong) in enumerate(every):
        line = []
        for j, text in enumerate(row):
            right = block.right[j]
            style = (head_right if right else head_style) if strong else (right_style if right else cell_style)
            line.append(Paragraph(inline(text, MONO, fix), style))
        data.append(line)
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde7f1")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#1f4e79")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#bfbfbf")),
        *[("BACKGROUND", (0, i), (-1, i), colors.HexColor("#f5f8fb")) for i in range(2, len(data), 2)],
    ]))
    return table


# ---- the document ------------------------------------------------------------------------------


class _Doc(SimpleDocTemplate):
    def afterFlowable(self, flowable):
        level = getattr(flowable, "_bcalc_outline", None)
        if level is not None:
            # an outline may not skip a level (a text that starts at ###)
            level = min(level, getattr(self, "_outline_level", -1) + 1)
            self._outline_level = level
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable._bcalc_title, key, level=level, closed=level > 0)


def _footer_canvas(title: str, lang: str, fix):
    """A canvas that writes every page's footer once the number of pages is known."""

    class Footed(pdfcanvas.Canvas):
        def __init__(self, *args, **kw):
            super().__init__(*args, **kw)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._foot(total)
                super().showPage()
            super().save()

        def _foot(self, total: int):
            self.saveState()
            self.setStrokeColor(colors.HexColor("#bfbfbf"))
            self.setLineWidth(0.5)
            self.line(MARGIN, 13 * mm, A4[0] - MARGIN, 13 * mm)
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.HexColor("#404040"))
            page = FOOTER[lang].format(page=self._pageNumber, pages=total)
            room = WIDTH - stringWidth(page, FONT, 7.5) - 12
            shown = fix(title)
            while shown and stringWidth(shown, FONT, 7.5) > room:
                shown = shown[:-2] + "…"
            self.drawString(MARGIN, 9 * mm, shown)
            self.drawRightString(A4[0] - MARGIN, 9 * mm, page)
            self.restoreState()

    return Footed


def _chart(name: str, bundle, context: dict, lang: str):
    fonts = (FONT, BOLD)
    result, L = bundle.result, context["L"]
    if name == "costs_per_year":
        return charts.costs_per_year(result, context["year_names"], L, lang, WIDTH, fonts)
    if name == "cumulative":
        return charts.cumulative(result, context["year_names"], L, lang, WIDTH, fonts)
    if name == "tornado":
        return charts.tornado(context["uncertainty"]["sensitivity"]["rows"], lang, WIDTH, fonts)
    if name == "scenario_range":
        return charts.scenario_range(bundle, lang, WIDTH, fonts)
    return None


def _headings(context: dict) -> dict[str, str]:
    """Without its marker, each chart goes under the heading of its part of the business case."""
    L = context["L"]
    return {"costs_per_year": L["h_cost_year"], "cumulative": L["h_result"], "tornado": L["h_tornado"],
            "scenario_range": L["h_scenarios"]}


def _place_charts(found: list[Block], context: dict) -> list[Block]:
    """The blocks with a marker for every chart: those the text has, and for the others one at the
    end of the text under their heading (for the tornado: in place of its text chart)."""
    have = {b.text for b in found if b.kind == "marker"}
    wanted = {name: heading for name, heading in _headings(context).items() if name not in have}
    out = list(found)
    for name, heading in wanted.items():
        at = next((i for i, b in enumerate(out) if b.kind == "heading"
                   and (plain(b.text) == heading or plain(b.text).endswith(". " + heading))), None)
        if at is None:
            continue
        end = next((i for i in range(at + 1, len(out)) if out[i].kind == "heading"), len(out))
        code = next((i for i in range(at + 1, end) if out[i].kind == "code"), None)
        if name == "tornado" and code is not None:
            out[code] = Block("marker", text=name)
            after = code + 1
            if after < end and out[after].kind == "para" and any(c in out[after].text for c in "░█│"):
                del out[after]  # the key to the text chart's signs goes with it
        else:
            out.insert(end, Block("marker", text=name))
    return out


def build(text: str, bundle, context: dict, lang: str) -> tuple[bytes, list[str]]:
    _fonts()
    fix = _fixer()
    st = _styles()
    story = []
    placed: list[str] = []
    title = context["case"].title if hasattr(context["case"], "title") else ""
    items = _place_charts(blocks(text), context)
    for k, b in enumerate(items):
        if b.kind == "heading":
            level = min(b.level, 4)
            p = Paragraph(inline(b.text, MONO, fix), st[f"h{level}"])
            if level <= 3:
                p._bcalc_outline = level - 1
                p._bcalc_title = fix(plain(b.text))
            if level == 2 and k > 0:
                story.append(CondPageBreak(60 * mm))  # a chapter does not start at the foot of a page
            else:
                story.append(CondPageBreak(30 * mm))
            story.append(p)
        elif b.kind == "para":
            story.append(Paragraph(inline(b.text, MONO, fix), st["body"]))
        elif b.kind == "list":
            story.append(_list(b.items, st, fix))
        elif b.kind == "table":
            story.append(_table(b, st, fix))
            story.append(Spacer(1, 6))
        elif b.kind == "code":
            story.append(Preformatted(escape("\n".join(_mono_fix(x) for x in b.items)), st["code"]))
        elif b.kind == "marker":
            drawing = _chart(b.text, bundle, context, lang)
            if drawing is not None:
                story.append(KeepTogether([Spacer(1, 4), drawing, Spacer(1, 8)]))
                placed.append(b.text)
    out = io.BytesIO()
    doc = _Doc(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=16 * mm, bottomMargin=20 * mm,
               title=fix(context.get("pdf_title") or title), author="bcalc", creator="bcalc", subject=fix(title),
               invariant=1)
    doc.build(story, canvasmaker=_footer_canvas(title, lang, fix))
    return out.getvalue(), placed


def _list(items, st: dict, fix):
    """Bullets, nested by their indent."""
    def level(start: int, depth: int):
        flow, i = [], start
        while i < len(items):
            d, text = items[i]
            if d < depth:
                break
            if d > depth:
                sub, i = level(i, d)
                if flow:
                    flow[-1].append(sub)
                else:
                    flow.append([sub])
                continue
            flow.append([Paragraph(inline(text, MONO, fix), st["item"])])
            i += 1
        lf = ListFlowable([ListItem(x if len(x) > 1 else x[0], leftIndent=12) for x in flow], bulletType="bullet",
                          start="•" if depth == 0 else "–", leftIndent=12, bulletFontName=FONT, bulletFontSize=8)
        return lf, i

    return level(0, 0)[0]
