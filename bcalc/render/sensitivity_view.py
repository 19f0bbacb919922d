"""``bcalc sensitivity``: a tornado chart in the terminal (text bars, 80 columns) and JSON.

Also the words and value formats that ``bcalc simulate`` shares (inputs, their origin, the
stated assumptions).
"""

from __future__ import annotations

import json
from decimal import Decimal

from bcalc.money import en_number, fmt_money, fmt_percent, money_str, nl_number, num_str
from bcalc.messages import as_json, say

WORDS = {
    "nl": {
        "title": "Gevoeligheid",
        "input": "Invoer",
        "low": "bij laag",
        "high": "bij hoog",
        "swing": "bereik",
        "base": "Schatting: netto resultaat over de looptijd {net}",
        "base_npv": "; netto contante waarde {npv} (discontovoet {rate})",
        "how": "Eén invoer tegelijk naar zijn lage (░) en hoge (█) waarde, de rest zoals geschat. Bedragen: "
               "verandering van het netto resultaat in euro; gesorteerd op bereik (|netto bij hoog - netto bij "
               "laag|).",
        "npv_line": "Tweede regel bij de bedragen: verandering van de netto contante waarde.",
        "legend": "░ laag  █ hoog",
        "none": "Geen onzekere invoer met effect op het resultaat.",
        "idle": "Zonder effect (weggelaten): {names}.",
        "range": "bereik in de bron ({source})",
        "approx": "± {spread} (aanname bij '{written}', {source})",
        "swing_o": "± {swing} (aanname)",
        "index": "± 1 procentpunt (aanname)",
        "vary": "--vary",
        "stated": "Aannames: '±'-bedragen {spread} naar beide kanten, invoer zonder bereik {swing} "
                  "(uncertainty in {file}).",
        "default": "Aannames: '±'-bedragen {spread} naar beide kanten, invoer zonder bereik {swing}; "
                   "standaardwaarden van bcalc, want {file} noemt geen uncertainty.",
        "clients": "cliënten",
        "min": "min",
        "hours": "uur",
        "hours_per_week": "uur/week",
        "per_hour": "/uur",
        "per_day": "/dag",
    },
    "en": {
        "title": "Sensitivity",
        "input": "Input",
        "low": "at low",
        "high": "at high",
        "swing": "swing",
        "base": "Estimate: net result over the horizon {net}",
        "base_npv": "; net present value {npv} (discount rate {rate})",
        "how": "One input at a time at its low (░) and its high (█) value, everything else as estimated. "
               "Amounts: change of the net result in euros; sorted by swing (|net at high - net at low|).",
        "npv_line": "Second line of the amounts: change of the net present value.",
        "legend": "░ low  █ high",
        "none": "No uncertain input changes the result.",
        "idle": "Without effect (left out): {names}.",
        "range": "range in the source ({source})",
        "approx": "± {spread} (assumption for '{written}', {source})",
        "swing_o": "± {swing} (assumption)",
        "index": "± 1 percentage point (assumption)",
        "vary": "--vary",
        "stated": "Assumptions: '±' amounts {spread} either way, inputs without a range {swing} "
                  "(uncertainty in {file}).",
        "default": "Assumptions: '±' amounts {spread} either way, inputs without a range {swing}; bcalc's "
                   "defaults, as {file} states no uncertainty.",
        "clients": "clients",
        "min": "min",
        "hours": "h",
        "hours_per_week": "h/week",
        "per_hour": "/h",
        "per_day": "/day",
    },
}

LABEL_WIDTH = 30


# ---- shared with simulate_view ---------------------------------------------------------------------


def _plain(value: Decimal, lang: str, places: int = 2) -> str:
    text = num_str(value.quantize(Decimal(1).scaleb(-places)))
    if lang == "nl":
        text = text.replace(".", ",")
    return text


def fmt_value(unit: str, value: Decimal, lang: str) -> str:
    """An input's value in its own unit, for people."""
    W = WORDS[lang]
    if unit == "EUR":
        return fmt_money(value, lang)
    if unit == "USD":
        return "$ " + _plain(value, lang) if lang == "nl" else "$" + _plain(value, lang)
    if unit in ("EUR/h", "EUR/day"):
        return fmt_money(value, lang) + (W["per_hour"] if unit == "EUR/h" else W["per_day"])
    if unit in ("share", "rate"):
        return fmt_percent(value.quantize(Decimal("0.0001")).normalize(), lang)
    if unit == "clients":
        return f"{int(value)}"
    words = {"minutes": W["min"], "hours": W["hours"], "hours_per_week": W["hours_per_week"]}
    return f"{_plain(value, lang)} {words.get(unit, unit)}"


def origin_text(inp, settings, lang: str) -> str:
    W = WORDS[lang]
    if inp.origin == "range":
        return W["range"].format(source=inp.source)
    if inp.origin == "approx":
        return W["approx"].format(spread=fmt_percent(settings.approx_spread, lang), written=inp.written,
                                  source=inp.source)
    if inp.origin == "swing":
        return W["swing_o"].format(swing=fmt_percent(settings.default_swing, lang))
    if inp.origin == "index":
        return W["index"]
    return W["vary"]


def origin_short(inp, settings, lang: str) -> str:
    """Where an input's ends come from, in a few words (the footnote gives the assumptions)."""
    nl = lang == "nl"
    if inp.origin == "range":
        return ("bron " if nl else "source ") + inp.source
    if inp.origin == "approx":
        return f"± {fmt_percent(settings.approx_spread, lang)}" + (" aanname, " if nl else " assumed, ") + inp.source
    if inp.origin == "swing":
        return f"± {fmt_percent(settings.default_swing, lang)}" + (" aanname" if nl else " assumed")
    if inp.origin == "index":
        return "± 1 procentpunt" if nl else "± 1 percentage point"
    return "--vary"


def assumptions_text(settings, tariffs_file: str, lang: str) -> str:
    W = WORDS[lang]
    key = "stated" if settings.stated else "default"
    return W[key].format(spread=fmt_percent(settings.approx_spread, lang),
                         swing=fmt_percent(settings.default_swing, lang), file=tariffs_file or "tariffs.yaml")


def assumptions_dict(settings) -> dict:
    return {"approx_spread": num_str(settings.approx_spread), "default_swing": num_str(settings.default_swing),
            "stated": settings.stated, "basis": settings.basis}


def whole_euros(value: Decimal, lang: str, sign: bool = True) -> str:
    text = nl_number(value, 0) if lang == "nl" else en_number(value, 0)
    if sign and value > 0 and text != "0":
        text = "+" + text
    return text


def _m(value):
    return None if value is None else money_str(value)


# ---- JSON ------------------------------------------------------------------------------------------


def to_dict(s, lang: str = "nl") -> dict:
    rows = []
    for r in s.rows:
        inp = r.input
        rows.append({
            "input": inp.key,
            "label": say(inp.label, lang),
            "low": num_str(inp.low),
            "mode": num_str(inp.mode),
            "high": num_str(inp.high),
            "unit": inp.unit,
            "origin": inp.origin,
            "source": inp.source,
            "net_low": money_str(r.net_low),
            "net_high": money_str(r.net_high),
            "npv_low": _m(r.npv_low),
            "npv_high": _m(r.npv_high),
            "change_net_low": money_str(s.change(r, "low")),
            "change_net_high": money_str(s.change(r, "high")),
            "swing": money_str(r.swing),
        })
    case = s.case
    return {
        "format": "bcalc.sensitivity/1",
        "case": case.title,
        "scenario": s.scenario,
        "prices": s.prices,
        "currency": "EUR",
        "start": case.start,
        "years": case.years,
        "discount_rate": num_str(case.discount_rate) if case.discount_rate is not None else None,
        "base": {"net": money_str(s.base.net), "npv": _m(s.base.npv)},
        "swing_of": "net",
        "inputs": rows,
        "without_effect": [i.key for i in s.without_effect],
        "notes": [as_json(n, lang) for n in s.notes],
        "assumptions": assumptions_dict(s.settings),
    }


def render_json(s, lang: str = "nl") -> str:
    return json.dumps(to_dict(s, lang), ensure_ascii=False, indent=2) + "\n"


# ---- terminal --------------------------------------------------------------------------------------


def tornado_bar(d_low: Decimal, d_high: Decimal, scale: Decimal, width: int) -> str:
    half = (width - 1) // 2
    cells = [" "] * width
    center = half
    cells[center] = "│"

    def reach(d: Decimal) -> int:
        return int((abs(d) / scale * half).to_integral_value()) if scale else 0

    # the longer bar first, so that the shorter one stays visible on top of it
    for d, ch in sorted(((d_low, "░"), (d_high, "█")), key=lambda p: -abs(p[0])):
        n = reach(d)
        if d == 0:
            continue
        n = max(n, 1)
        if d > 0:
            for i in range(center + 1, min(width, center + 1 + n)):
                cells[i] = ch
        else:
            for i in range(max(0, center - n), center):
                cells[i] = ch
    return "".join(cells)


def render_console(s, console, lang: str = "nl", tariffs_file: str = "") -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    W = WORDS[lang]
    head = Text()
    head.append(f"{W['title']}: {s.case.title}", style="bold")
    console.print(head)
    base = W["base"].format(net=fmt_money(s.base.net, lang))
    if s.has_npv:
        base += W["base_npv"].format(npv=fmt_money(s.base.npv, lang), rate=fmt_percent(s.case.discount_rate, lang))
    console.print(base, highlight=False, markup=False)
    console.print(W["how"], style="dim", highlight=False, markup=False)
    if not s.rows:
        console.print(W["none"], highlight=False, markup=False)
    else:
        amounts = [(s.change(r, "low"), s.change(r, "high"), r.swing) for r in s.rows]
        money_w = max(len(whole_euros(v, lang)) for trio in amounts for v in trio)
        money_w = max(money_w, len(W["low"]), len(W["high"]), len(W["swing"]), 7)
        if s.has_npv:
            npv_w = max(len(whole_euros(s.change(r, e, "npv"), lang)) for r in s.rows for e in ("low", "high"))
            money_w = max(money_w, npv_w)
        label_w = min(LABEL_WIDTH, max(20, console.width * 3 // 8))
        bar_w = max(9, console.width - label_w - 3 * money_w - 2 * 4)  # 4 gaps of 2 (divider and padding)
        scale = max((max(abs(a), abs(b)) for a, b, _ in amounts), default=Decimal(0))
        t = Table(box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", pad_edge=False, padding=(0, 1),
                  collapse_padding=True)
        t.add_column(W["input"], width=label_w, overflow="fold")
        t.add_column(W["legend"] if len(W["legend"]) <= bar_w else "", width=bar_w, no_wrap=True)
        t.add_column(W["low"], justify="right", width=money_w, no_wrap=True)
        t.add_column(W["high"], justify="right", width=money_w, no_wrap=True)
        t.add_column(W["swing"], justify="right", width=money_w, no_wrap=True)
        for r, (d_low, d_high, swing) in zip(s.rows, amounts):
            inp = r.input
            label = Text(say(inp.label, lang))
            label.append("\n" + f"{fmt_value(inp.unit, inp.low, lang)} – {fmt_value(inp.unit, inp.high, lang)}"
                         f" · {origin_short(inp, s.settings, lang)}", style="dim")
            low_cell, high_cell = Text(whole_euros(d_low, lang)), Text(whole_euros(d_high, lang))
            if s.has_npv:
                low_cell.append("\n" + whole_euros(s.change(r, "low", "npv"), lang), style="dim")
                high_cell.append("\n" + whole_euros(s.change(r, "high", "npv"), lang), style="dim")
            t.add_row(label, tornado_bar(d_low, d_high, scale, bar_w), low_cell, high_cell,
                      whole_euros(swing, lang, sign=False))
        console.print(t)
        if len(W["legend"]) > bar_w:
            console.print(W["legend"], highlight=False, markup=False)
        if s.has_npv:
            console.print(W["npv_line"], style="dim", highlight=False, markup=False)
    if s.without_effect:
        names = ", ".join(say(i.label, lang) for i in s.without_effect)
        console.print(W["idle"].format(names=names), style="dim", highlight=False, markup=False)
    for note in s.notes:
        console.print(say(note, lang), style="dim", highlight=False, markup=False)
    console.print(assumptions_text(s.settings, tariffs_file, lang), style="dim", highlight=False, markup=False)


__all__ = ["to_dict", "render_json", "render_console", "fmt_value", "origin_text", "assumptions_text",
           "assumptions_dict", "whole_euros", "origin_short", "WORDS"]
