"""``bcalc scenarios``: the case under every indexation scenario, price end and VAT setting, and under
stress (prices at the cap, half the clients, stopping early).

One view is built from the core's ``ScenarioTable``; the terminal table, JSON, Markdown, the report
and the workbook all read it, so they show the same numbers.
"""

from __future__ import annotations

import json
from decimal import Decimal

from bcalc.render.mdtext import escape
from bcalc.money import fmt_money, money_str, num_str
from bcalc.messages import as_json, say

AMOUNTS = ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits", "net")

WORDS = {
    "nl": {
        "title": "Scenario's",
        "h_grid": "Indexatie, prijzen uit bereiken en terugvorderbare btw",
        "h_stress": "Stresstests",
        "h_stops": "Stoppen: uitgegeven en nog verschuldigd",
        "scenario": "Scenario",
        "cost": "Kosten",
        "funding": "Financiering",
        "benefits": "Baten",
        "net": "Netto",
        "spent": "Uitgegeven",
        "owed": "Nog verschuldigd",
        "best": "beste",
        "worst": "slechtste",
        "amounts": "bedragen in euro",
        "facts": "{start}, {years} jaar · eigen indexatiescenario {scenario} · terugvorderbare btw {recoverable}",
        "marks": "Beste en slechtste rij naar netto resultaat: {best} / {worst}.",
    },
    "en": {
        "title": "Scenarios",
        "h_grid": "Indexation, prices from ranges and recoverable VAT",
        "h_stress": "Stress tests",
        "h_stops": "Stopping: spent and still owed",
        "scenario": "Scenario",
        "cost": "Cost",
        "funding": "Funding",
        "benefits": "Benefits",
        "net": "Net",
        "spent": "Spent",
        "owed": "Still owed",
        "best": "best",
        "worst": "worst",
        "amounts": "amounts in euros",
        "facts": "{start}, {years} years · the case's own indexation scenario {scenario} · recoverable VAT "
                 "{recoverable}",
        "marks": "Best and worst row by net result: {best} / {worst}.",
    },
}


def words(lang: str) -> dict:
    return WORDS[lang]


def _pct(value: Decimal, lang: str) -> str:
    text = num_str(value * 100)
    return f"{text.replace('.', ',')} %" if lang == "nl" else f"{text}%"


def build(table, lang: str = "nl") -> dict:
    """Rows with Decimals and labels in ``lang``; the best and worst row (by net) marked."""
    W = WORDS[lang]
    best, worst = table.best, table.worst
    rows = []
    for i, r in enumerate(table.rows):
        t = r.totals
        label = say(r.label, lang)
        mark = W["best"] if i == best else W["worst"] if i == worst else ""
        entry = {"group": r.group, "key": r.key, "label": label, "shown": f"{label} ({mark})" if mark else label,
                 "scenario": r.scenario, "prices": r.prices, "recoverable": r.recoverable,
                 "spent": r.spent, "owed": r.owed, "best": i == best, "worst": i == worst}
        for k in AMOUNTS:
            entry[k] = getattr(t, k)
        rows.append(entry)
    case = table.case
    return {
        "lang": lang,
        "case": case.title,
        "start": case.start,
        "years": case.years,
        "scenario": case.scenario,
        "recoverable": case.vat_recoverable,
        "rows": rows,
        "best": best,
        "worst": worst,
        "benefits": any(r["benefits"] for r in rows),
        "notes": [say(n, lang) for n in table.notes],
        "note_notices": [as_json(n, lang) for n in table.notes],
    }


def grid(view: dict) -> list[dict]:
    return [r for r in view["rows"] if r["group"] == "grid"]


def stress(view: dict) -> list[dict]:
    return [r for r in view["rows"] if r["group"] != "grid"]


def columns(view: dict, stress_rows: bool) -> list[str]:
    """The amount columns of a table: cost, funding, (benefits,) net, and for stress rows spent and owed."""
    keys = ["cost", "funding"] + (["benefits"] if view["benefits"] else []) + ["net"]
    if stress_rows and any(r["spent"] is not None for r in stress(view)):
        keys += ["spent", "owed"]
    return keys


def facts(view: dict) -> str:
    lang = view["lang"]
    return WORDS[lang]["facts"].format(start=view["start"], years=view["years"], scenario=view["scenario"],
                                       recoverable=_pct(view["recoverable"], lang))


def marks_line(view: dict) -> str:
    rows = view["rows"]
    return WORDS[view["lang"]]["marks"].format(best=rows[view["best"]]["label"], worst=rows[view["worst"]]["label"])


# ---- JSON -------------------------------------------------------------------------------------------


def _m(value):
    return None if value is None else money_str(value)


def to_dict(view: dict) -> dict:
    rows = []
    for r in view["rows"]:
        entry = {"group": r["group"], "key": r["key"], "label": r["label"], "scenario": r["scenario"],
                 "prices": r["prices"], "recoverable": num_str(r["recoverable"])}
        for k in AMOUNTS:
            entry[k] = money_str(r[k])
        entry.update({"spent": _m(r["spent"]), "owed": _m(r["owed"]), "best": r["best"], "worst": r["worst"]})
        rows.append(entry)
    return {"format": "bcalc.scenarios/1", "case": view["case"], "start": view["start"], "years": view["years"],
            "scenario": view["scenario"], "recoverable": num_str(view["recoverable"]), "currency": "EUR",
            "rows": rows, "notes": view["notes"], "note_notices": view["note_notices"]}


def render_json(view: dict) -> str:
    return json.dumps(to_dict(view), ensure_ascii=False, indent=2) + "\n"


# ---- Markdown ----------------------------------------------------------------------------------------


def _esc(text: str) -> str:
    """Text from words or data in a table cell or line: one line, markup of data escaped, ``|`` escaped."""
    return escape(" ".join(str(text).split())).replace("|", "\\|")


def _md_table(view: dict, rows: list[dict], stress_rows: bool) -> list[str]:
    lang = view["lang"]
    W = WORDS[lang]
    keys = columns(view, stress_rows)
    out = [f"| {W['scenario']} | " + " | ".join(W[k] for k in keys) + " |", "|---" + "|---:" * len(keys) + "|"]
    for r in rows:
        cells = ["-" if r[k] is None else fmt_money(r[k], lang) for k in keys]
        label = _esc(r["shown"])
        if r["best"] or r["worst"]:
            label = f"**{label}**"
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    return out


def markdown_body(view: dict, level: int = 2) -> list[str]:
    W = WORDS[view["lang"]]
    h = "#" * level
    out = [f"{facts(view)} ({W['amounts']})", "", f"{h} {W['h_grid']}", ""]
    out += _md_table(view, grid(view), False)
    if stress(view):
        out += ["", f"{h} {W['h_stress']}", ""] + _md_table(view, stress(view), True)
    out += ["", marks_line(view)]
    for note in view["notes"]:
        out += ["", _esc(note)]
    return out


def render_markdown(view: dict) -> str:
    W = WORDS[view["lang"]]
    return "\n".join([f"# {W['title']}: {_esc(view['case'])}", ""] + markdown_body(view)) + "\n"


# ---- terminal ------------------------------------------------------------------------------------------


def _console_table(console, title: str, view: dict, rows: list[dict], keys: list[str]) -> None:
    from rich import box
    from rich.table import Table

    from bcalc.render.compare_view import number

    lang = view["lang"]
    W = WORDS[lang]
    t = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, header_style="bold",
              pad_edge=False, padding=(0, 1))
    t.add_column(W["scenario"], overflow="fold", min_width=20)
    for k in keys:
        t.add_column(W[k], justify="right", no_wrap=True)
    for r in rows:
        t.add_row(r["shown"], *(number(r[k], lang) for k in keys), style="bold" if r["best"] or r["worst"] else None)
    console.print(t)


def render_console(view: dict, console) -> None:
    """Three tables that fit 80 columns: the grid, the stress rows, and what stopping has cost and still
    costs (the same figures as the stress table of the Markdown and JSON)."""
    from rich.text import Text

    W = WORDS[view["lang"]]
    head = Text()
    head.append(f"{W['title']}: {view['case']}", style="bold")
    console.print(head)
    console.print(facts(view), style="dim", highlight=False)
    keys = columns(view, False)
    _console_table(console, f"{W['h_grid']} ({W['amounts']})", view, grid(view), keys)
    if stress(view):
        _console_table(console, f"{W['h_stress']} ({W['amounts']})", view, stress(view), keys)
    stops = [r for r in stress(view) if r["spent"] is not None]
    if stops:
        _console_table(console, f"{W['h_stops']} ({W['amounts']})", view, stops, ["spent", "owed"])
    console.print(marks_line(view), highlight=False, markup=False)
    for note in view["notes"]:
        console.print(f" • {note}", style="dim", highlight=False, markup=False)


__all__ = [
    "build", "to_dict", "render_json", "render_markdown", "render_console", "markdown_body", "grid",
    "stress", "columns", "facts", "marks_line", "words",
]
