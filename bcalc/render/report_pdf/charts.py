"""The business case's charts, drawn with reportlab.graphics from the report's figures (never from
the Markdown text): cost per calendar year by category, cumulative net in the budget and the value
view, the tornado of the sensitivity analysis, and the range of the scenario grid.

Amounts become floats here only as coordinates of a picture; every figure printed on a chart is
formatted from the Decimal.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from bcalc.money import en_number, nl_number

NAMES = ("costs_per_year", "cumulative", "tornado", "scenario_range")

WORDS = {
    "nl": {
        "costs_per_year": "Kosten per kalenderjaar, naar soort (incl. niet-terugvorderbare btw)",
        "cumulative": "Cumulatief netto resultaat",
        "budget_view": "Begrotingsweergave (alleen kasbaten)",
        "value_view": "Waardeweergave (alle baten)",
        "tornado": "Verandering van het netto resultaat ten opzichte van de schatting (euro)",
        "at_low": "bij laag",
        "at_high": "bij hoog",
        "scenario_range": "Bereik over de scenario's (indexatie, prijzen, btw)",
        "lowest": "laagste",
        "estimate": "schatting",
        "highest": "hoogste",
        "cost": "Kosten",
        "net": "Netto (waarde)",
        "cash_net": "Netto (begroting)",
        "euro": "euro",
    },
    "en": {
        "costs_per_year": "Cost per calendar year, by category (incl. non-recoverable VAT)",
        "cumulative": "Cumulative net result",
        "budget_view": "Budget view (cashable benefits only)",
        "value_view": "Value view (all benefits)",
        "tornado": "Change of the net result against the estimate (euros)",
        "at_low": "at low",
        "at_high": "at high",
        "scenario_range": "Range over the scenarios (indexation, prices, VAT)",
        "lowest": "lowest",
        "estimate": "estimate",
        "highest": "highest",
        "cost": "Cost",
        "net": "Net (value)",
        "cash_net": "Net (budget)",
        "euro": "euros",
    },
}

CATEGORIES = ("one_off", "recurring", "training", "internal", "vat")
PALETTE = [colors.HexColor(c) for c in ("#1f4e79", "#5b9bd5", "#70ad47", "#ffc000", "#c55a11")]
LOW_COLOUR = colors.HexColor("#9dc3e6")
HIGH_COLOUR = colors.HexColor("#1f4e79")
GRID = colors.HexColor("#d9d9d9")


def _euros(value: float, lang: str) -> str:
    d = Decimal(str(round(value)))
    text = nl_number(d, 0) if lang == "nl" else en_number(d, 0)
    return text


def _axis_format(lang: str):
    return lambda v: _euros(v, lang)


def _title(d: Drawing, text: str, font: str, bold: str, width: float) -> None:
    d.add(String(0, d.height - 12, text, fontName=bold, fontSize=9.5))


def _legend(d: Drawing, x: float, y: float, pairs, font: str) -> None:
    lg = Legend()
    lg.x, lg.y = x, y
    lg.alignment = "right"
    lg.fontName, lg.fontSize = font, 7.5
    lg.columnMaximum = 1
    lg.deltax = 0
    lg.dx = lg.dy = 7
    lg.dxTextSpace = 4
    lg.colorNamePairs = pairs
    lg.boxAnchor = "nw"
    # the legend in one row: each entry as wide as its label
    lg.deltax = max(stringWidth(name, font, 7.5) for _, name in pairs) + 22
    d.add(lg)


def costs_per_year(result, year_names: dict, L: dict, lang: str, width: float, fonts) -> Drawing:
    font, bold = fonts
    W = WORDS[lang]
    rows = result.per_year
    d = Drawing(width, 210)
    _title(d, W["costs_per_year"], font, bold, width)
    bc = VerticalBarChart()
    bc.x, bc.y, bc.width, bc.height = 58, 48, width - 70, 125
    bc.data = [[float(getattr(r.totals, k)) for r in rows] for k in CATEGORIES]
    bc.categoryAxis.style = "stacked"
    bc.categoryAxis.categoryNames = [year_names.get(r.year, str(r.year)) for r in rows]
    bc.categoryAxis.labels.fontName = font
    bc.categoryAxis.labels.fontSize = 7.5 if len(rows) <= 10 else 6
    if len(rows) > 8:
        bc.categoryAxis.labels.angle = 30
        bc.categoryAxis.labels.boxAnchor = "ne"
    bc.valueAxis.labels.fontName = font
    bc.valueAxis.labels.fontSize = 7.5
    bc.valueAxis.labelTextFormat = _axis_format(lang)
    bc.valueAxis.valueMin = 0
    bc.valueAxis.visibleGrid = True
    bc.valueAxis.gridStrokeColor = GRID
    bc.barWidth = 10
    bc.groupSpacing = 10
    for i, c in enumerate(PALETTE):
        bc.bars[i].fillColor = c
        bc.bars[i].strokeColor = None
    d.add(bc)
    _legend(d, 58, 18, [(PALETTE[i], L[k]) for i, k in enumerate(CATEGORIES)], font)
    d.add(String(0, d.height - 24, W["euro"], fontName=font, fontSize=7))
    return d


def cumulative(result, year_names: dict, L: dict, lang: str, width: float, fonts) -> Drawing:
    font, bold = fonts
    W = WORDS[lang]
    rows = result.per_year
    value, budget, v, b = [], [], Decimal(0), Decimal(0)
    for r in rows:
        v += r.totals.net
        b += r.totals.cash_net
        value.append(float(v))
        budget.append(float(b))
    d = Drawing(width, 200)
    _title(d, W["cumulative"], font, bold, width)
    lc = HorizontalLineChart()
    lc.x, lc.y, lc.width, lc.height = 62, 42, width - 74, 120
    lc.data = [budget, value]
    lc.categoryAxis.categoryNames = [year_names.get(r.year, str(r.year)) for r in rows]
    lc.categoryAxis.labels.fontName = font
    lc.categoryAxis.labels.fontSize = 7.5 if len(rows) <= 10 else 6
    lc.categoryAxis.labels.dy = -4
    lo, hi = _padded(min(0.0, *value, *budget), max(0.0, *value, *budget))
    lc.valueAxis.valueMin, lc.valueAxis.valueMax = lo, hi
    lc.valueAxis.labels.fontName = font
    lc.valueAxis.labels.fontSize = 7.5
    lc.valueAxis.labelTextFormat = _axis_format(lang)
    lc.valueAxis.visibleGrid = True
    lc.valueAxis.gridStrokeColor = GRID
    lc.categoryAxis.joinAxisMode = "bottom"  # the years along the bottom, also below a negative line
    lc.lines[0].strokeColor = colors.HexColor("#c55a11")
    lc.lines[0].strokeWidth = 2
    lc.lines[1].strokeColor = HIGH_COLOUR
    lc.lines[1].strokeWidth = 2
    lc.lines[1].strokeDashArray = (4, 2)
    from reportlab.graphics.widgets.markers import makeMarker

    lc.lines[0].symbol = makeMarker("FilledCircle", size=4)
    lc.lines[1].symbol = makeMarker("FilledSquare", size=4)
    d.add(lc)
    if lo < 0 < hi:  # the zero line
        y0 = lc.y + lc.height * (0 - lo) / (hi - lo)
        d.add(Line(lc.x, y0, lc.x + lc.width, y0, strokeColor=colors.black, strokeWidth=0.6))
    _legend(d, 62, 14, [(colors.HexColor("#c55a11"), W["budget_view"]), (HIGH_COLOUR, W["value_view"])], font)
    d.add(String(0, d.height - 24, W["euro"], fontName=font, fontSize=7))
    return d


def _padded(lo: float, hi: float) -> tuple[float, float]:
    """Room above and below the values for the labels on the bars."""
    if hi <= lo:
        return lo, lo + 1
    pad = (hi - lo) * 0.1
    return (lo - pad if lo < 0 else lo), (hi + pad if hi > 0 else hi)


def _fit(text: str, font: str, size: float, room: float) -> str:
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def tornado(rows: list[dict], lang: str, width: float, fonts) -> Drawing | None:
    """``rows``: the sensitivity rows as the report shows them (label, change_low, change_high)."""
    if not rows:
        return None
    font, bold = fonts
    W = WORDS[lang]
    size, bar_h, gap = 7.5, 11, 5
    label_w = min(width * 0.36, max(stringWidth(r["label"], font, size) for r in rows) + 6)
    chart_x, chart_w = label_w + 4, width - label_w - 10
    top_pad, bottom_pad = 30, 40
    h = top_pad + bottom_pad + len(rows) * (bar_h + gap)
    d = Drawing(width, h)
    _title(d, W["tornado"], font, bold, width)
    span = max(max(abs(r["change_low"]), abs(r["change_high"])) for r in rows) or Decimal(1)
    scale = (chart_w / 2 - 4) / float(span)
    mid = chart_x + chart_w / 2
    y = h - top_pad - bar_h
    for r in rows:
        d.add(String(label_w, y + 2.5, _fit(r["label"], font, size, label_w - 2), fontName=font, fontSize=size,
                     textAnchor="end"))
        for change, colour in ((r["change_low"], LOW_COLOUR), (r["change_high"], HIGH_COLOUR)):
            w = float(change) * scale
            if w:
                d.add(Rect(min(mid, mid + w), y + (bar_h / 2 if colour is LOW_COLOUR else 0), abs(w), bar_h / 2,
                           fillColor=colour, strokeColor=None))
        y -= bar_h + gap
    axis_y = y + bar_h + gap - 3
    d.add(Line(mid, axis_y, mid, h - top_pad + 2, strokeColor=colors.black, strokeWidth=0.6))
    d.add(Line(chart_x, axis_y, chart_x + chart_w, axis_y, strokeColor=colors.black, strokeWidth=0.6))
    for f in (-1, -0.5, 0, 0.5, 1):
        x = mid + f * (chart_w / 2 - 4)
        d.add(Line(x, axis_y, x, axis_y - 3, strokeColor=colors.black, strokeWidth=0.6))
        value = float(span) * f
        text = _euros(value, lang)
        if value > 0:
            text = "+" + text
        d.add(String(x, axis_y - 11, text, fontName=font, fontSize=6.5, textAnchor="middle"))
    _legend(d, chart_x, axis_y - 18, [(LOW_COLOUR, W["at_low"]), (HIGH_COLOUR, W["at_high"])], font)
    return d


def scenario_range(bundle, lang: str, width: float, fonts) -> Drawing | None:
    """The lowest, the estimated and the highest cost and net of the scenario grid (indexation
    scenarios x price ends x recoverable VAT), the budget view's net too where it differs."""
    font, bold = fonts
    W = WORDS[lang]
    grid = [r.totals for r in bundle.scenarios.rows if r.group == "grid"]
    if not grid:
        return None
    total = bundle.result.total
    measures = [("cost", lambda t: t.cost), ("net", lambda t: t.net)]
    if any(t.cash_net != t.net for t in grid) or total.cash_net != total.net:
        measures.append(("cash_net", lambda t: t.cash_net))
    data = [[float(min(get(t) for t in grid)) for _, get in measures],
            [float(get(total)) for _, get in measures],
            [float(max(get(t) for t in grid)) for _, get in measures]]
    d = Drawing(width, 200)
    _title(d, W["scenario_range"], font, bold, width)
    bc = VerticalBarChart()
    bc.x, bc.y, bc.width, bc.height = 62, 42, width - 74, 120
    bc.data = data
    bc.categoryAxis.categoryNames = [W[k] for k, _ in measures]
    bc.categoryAxis.labels.fontName = font
    bc.categoryAxis.labels.fontSize = 8
    bc.categoryAxis.joinAxisMode = "bottom"
    lo, hi = _padded(min(0.0, *(v for s in data for v in s)), max(0.0, *(v for s in data for v in s)))
    bc.valueAxis.valueMin, bc.valueAxis.valueMax = lo, hi
    bc.valueAxis.labels.fontName = font
    bc.valueAxis.labels.fontSize = 7.5
    bc.valueAxis.labelTextFormat = _axis_format(lang)
    bc.valueAxis.visibleGrid = True
    bc.valueAxis.gridStrokeColor = GRID
    bc.groupSpacing = 24
    bc.barSpacing = 2
    shades = (LOW_COLOUR, colors.HexColor("#ffc000"), HIGH_COLOUR)
    for i, c in enumerate(shades):
        bc.bars[i].fillColor = c
        bc.bars[i].strokeColor = None
    bc.barLabelFormat = _axis_format(lang)
    bc.barLabels.fontName = font
    bc.barLabels.fontSize = 6
    bc.barLabels.nudge = 6
    d.add(bc)
    if lo < 0 < hi:
        y0 = bc.y + bc.height * (0 - lo) / (hi - lo)
        d.add(Line(bc.x, y0, bc.x + bc.width, y0, strokeColor=colors.black, strokeWidth=0.6))
    _legend(d, 62, 14, [(shades[0], W["lowest"]), (shades[1], W["estimate"]), (shades[2], W["highest"])], font)
    d.add(String(0, d.height - 24, W["euro"], fontName=font, fontSize=7))
    return d
