"""The comparison of ``bcalc compare`` as JSON, Markdown and a terminal table: each reads the view
that ``bcalc.render.compare_view.build`` or ``build_need`` made, and only formats it."""

from __future__ import annotations

import json
from decimal import Decimal

from bcalc.money import fmt_money, money_str, num_str
from bcalc.render.compare_view import (assumptions, cheapest_line, facts, hours_line, incomplete, number, operating_rows,
                                       operating_value, problems, rows)
from bcalc.render.compare_words import WORDS
from bcalc.render.mdtext import escape


# ---- JSON ------------------------------------------------------------------------------------------


def _m(value: Decimal | None) -> str | None:
    return None if value is None else money_str(value)


def to_dict(view: dict, case: str | None = None) -> dict:
    alts = []
    for a in view["alternatives"]:
        entry = {"key": a["key"], "name": a["name"], "computed": a["computed"], "problem": a["problem"]}
        for k in ("one_off", "recurring", "training", "internal", "vat", "cost", "cost_per_client_month",
                  "funding", "benefits", "net", "case_cost"):
            entry[k] = _m(a[k])
        entry.update({"client_months": a["client_months"], "scenario": a["scenario"], "cheapest": a["cheapest"],
                      "assumptions": a["assumptions"], "warnings": a["warnings"],
                      "problem_notice": a["problem_notice"], "assumption_notices": a["assumption_notices"],
                      "notices": a["notices"], "complete": a["computed"] and not a["gaps"], "gaps": a["gaps"],
                      "hours": {r: num_str(h) for r, h in a["hours"].items()},
                      "hours_total": None if a["hours_total"] is None else num_str(a["hours_total"])})
        alts.append(entry)
    return {
        "format": "bcalc.compare/1",
        "case": case if case is not None else view["title"],
        "need": view["need"],
        "deployment": view["deployment"],
        "scenario": view["scenario"],
        "prices": view["prices"],
        "currency": "EUR",
        "alternatives": alts,
        "differences": [{"alternative": d["alternative"], "cheapest": d["cheapest"], "delta": money_str(d["delta"]),
                         "categories": [{"category": c["category"], "delta": money_str(c["delta"])}
                                        for c in d["categories"]],
                         "lines": [{"label": ln["label"], "alternative": money_str(ln["alternative"]),
                                    "cheapest": money_str(ln["cheapest"]), "delta": money_str(ln["delta"])}
                                   for ln in d["lines"]],
                         "text": d["text"]} for d in view["differences"]],
        "included": [{"label": i["label"], "included_in": i["included_in"], "charged_by": i["charged_by"],
                      "amount": money_str(i["amount"]), "written": i["written"], "source": i["source"],
                      "text": i["text"]} for i in view["included"]],
        "pricing": [{"product": p["product"], "name": p["name"], "choice": p["choice"], "label": p["label"],
                     "options": [{"option": o["option"], "cost": money_str(o["cost"]), "active": o["active"],
                                  "cheapest": o["cheapest"]} for o in p["options"]],
                     "break_evens": [{"cheaper": b["cheaper"], "than": b["than"], "driver": b["driver"],
                                      "count": b["count"], "text": b["text"]} for b in p["break_evens"]]}
                    for p in view["pricing"]],
        "notes": view["notes"],
        **({"operating": [{"key": a["key"], **{k[3:]: _m(v) for k, v in op.items()}}
                          for a, op in zip(view["alternatives"], view["operating"])]}
           if view.get("operating") else {}),
    }


def render_json(view: dict, case: str | None = None) -> str:
    return json.dumps(to_dict(view, case), ensure_ascii=False, indent=2) + "\n"


# ---- Markdown -----------------------------------------------------------------------------------------


def _esc(text: str) -> str:
    """Text in a table cell: one line, ``|`` escaped."""
    return _one(text).replace("|", "\\|")


def _one(text: str) -> str:
    """Text on one line (list items, headings), markup of data escaped."""
    return escape(" ".join(str(text).split()))




def markdown_table(view: dict) -> list[str]:
    """The comparison as a GFM table: alternatives across, categories down; the cheapest marked with *."""
    lang = view["lang"]
    heads = [_esc(a["column"]) + (" \\*" if a["cheapest"] else "") for a in view["alternatives"]]
    out = ["| | " + " | ".join(heads) + " |", "|---" + "|---:" * len(heads) + "|"]
    for key, label, strong in rows(view):
        cells = []
        for a in view["alternatives"]:
            value = a[key]
            text = "-" if value is None else fmt_money(value, lang)
            cells.append(f"**{text}**" if strong and value is not None else text)
        name = f"**{label}**" if strong else label
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return out


def markdown_operating(view: dict) -> list[str]:
    """The operating view of the cases as a GFM table; nothing when no case owns items with a lifetime."""
    table = operating_rows(view)
    if not table:
        return []
    lang = view["lang"]
    heads = [_esc(a["column"]) for a in view["alternatives"]]
    out = ["| | " + " | ".join(heads) + " |", "|---" + "|---:" * len(heads) + "|"]
    for key, label, strong in table:
        cells = ["-" if op[key] is None else fmt_money(operating_value(op, key), lang) for op in view["operating"]]
        if strong:
            label, cells = f"**{label}**", [f"**{c}**" for c in cells]
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    return out


def markdown_body(view: dict, level: int = 2) -> list[str]:
    """Everything below the title: table, cheapest, differences, included, pricing, assumptions, warnings."""
    W = WORDS[view["lang"]]
    h = "#" * level
    out = [facts(view) + f" ({W['amounts']})", ""]
    if view["legend"]:
        out += [f"- {_one(x)}" for x in view["legend"]] + [""]
    out += markdown_table(view) + [""]
    out.append(("\\* " if view["cheapest"] is not None else "") + cheapest_line(view))
    out += ["", hours_line(view)]
    if incomplete(view):
        out += ["", f"{h} {W['h_incomplete']}", ""] + [f"- {_one(x)}" for x in incomplete(view)]
    if operating_rows(view):
        out += ["", f"{h} {W['h_operating']}", ""] + markdown_operating(view)
    if problems(view):
        out += [""] + [f"- {_one(p)}" for p in problems(view)]
    if view["notes"]:
        out += ["", f"{h} {W['h_notes']}", ""] + [f"- {_one(n)}" for n in view["notes"]]
    if view["differences"]:
        out += ["", f"{h} {W['h_differences']}", ""]
        for d in view["differences"]:
            out.append(f"- {_one(d['text'])}")
            out += [f"  - {_one(t)}" for t in d["line_texts"]]
    if view["included"]:
        out += ["", f"{h} {W['h_included']}", ""] + [f"- {_one(i['text'])}" for i in view["included"]]
    if view["pricing"]:
        out += ["", f"{h} {W['h_pricing']}", ""]
        for p in view["pricing"]:
            out.append(f"- {_one(p['text'])}")
            out += [f"  - {_one(b['text'])}" for b in p["break_evens"]]
    out += ["", f"{h} {W['h_assumptions']}", ""] + [f"- {_one(t)}" for t in assumptions(view)]
    out += ["", f"{h} {W['h_warnings']}", ""]
    for a in view["alternatives"]:
        out.append(f"- {_one(a['name'])} ({len(a['warnings'])})")
        out += [f"  - {_one(w)}" for w in a["warnings"]]
    return out


def render_markdown(view: dict) -> str:
    W = WORDS[view["lang"]]
    out = [f"# {W['title']}: {_one(view['title'])}", ""] + markdown_body(view, level=2)
    return "\n".join(out) + "\n"


# ---- terminal ----------------------------------------------------------------------------------------




def text_matrix(console, title: str | None, columns: list[str], body: list[tuple[str, list[str], bool]],
                label_width: int = 24) -> None:
    """Rows of right-aligned cells under column heads, split over several tables when wider than the
    terminal (the layout of ``bcalc estimate``)."""
    from rich import box
    from rich.table import Table

    def table(head, chunk):
        t = Table(title=head, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, header_style="bold",
                  pad_edge=False, padding=(0, 1))
        longest = max((len(r[0]) for r in body), default=8)
        t.add_column("", min_width=min(longest, label_width), max_width=max(longest, label_width),
                     overflow="fold")
        for i in chunk:
            t.add_column(columns[i], justify="right", no_wrap=True)
        for name, cells, strong in body:
            t.add_row(name, *(cells[i] for i in chunk), style="bold" if strong else None)
        return t

    chunks: list[list[int]] = [[]]
    for i in range(len(columns)):
        trial = chunks[-1] + [i]
        wide = console.options.update_width(10_000)
        width = console.measure(table(None, trial), options=wide).maximum
        if chunks[-1] and width > console.width:
            chunks.append([i])
        else:
            chunks[-1] = trial
    for n, chunk in enumerate(chunks):
        console.print(table(title if n == 0 else None, chunk))


def _bullets(console, heading: str, items: list[str], sub: dict[int, list[str]] | None = None) -> None:
    console.print(f"\n[bold]{heading}[/bold]")
    for i, item in enumerate(items):
        console.print(f" • {item}", highlight=False, markup=False)
        for s in (sub or {}).get(i, []):
            console.print(f"     {s}", highlight=False, markup=False)


def render_console(view: dict, console) -> None:
    from rich.text import Text

    lang = view["lang"]
    W = WORDS[lang]
    head = Text()
    head.append(f"{W['title']}: {view['title']}", style="bold")
    console.print(head)
    console.print(facts(view), style="dim", highlight=False)
    for line in view["legend"]:
        console.print(f" {line}", highlight=False, markup=False)
    columns = [a["column"] + (" *" if a["cheapest"] else "") for a in view["alternatives"]]
    body = [(label, [number(a[key], lang) for a in view["alternatives"]], strong)
            for key, label, strong in rows(view)]
    text_matrix(console, f"{W['per_alternative']} ({W['amounts']})", columns, body)
    console.print(("* " if view["cheapest"] is not None else "") + cheapest_line(view), highlight=False, markup=False)
    console.print(hours_line(view), highlight=False, markup=False)
    for x in incomplete(view):
        console.print(f" • {x}", highlight=False, markup=False)
    if operating_rows(view):
        body = [(label, [number(operating_value(op, key), lang) for op in view["operating"]], strong)
                for key, label, strong in operating_rows(view)]
        text_matrix(console, f"{W['h_operating']} ({W['amounts']})", columns, body)
    for p in problems(view):
        console.print(f" • {p}", highlight=False, markup=False)
    if view["notes"]:
        _bullets(console, W["h_notes"], view["notes"])
    if view["differences"]:
        _bullets(console, W["h_differences"], [d["text"] for d in view["differences"]],
                 {i: d["line_texts"] for i, d in enumerate(view["differences"])})
    if view["included"]:
        _bullets(console, W["h_included"], [i["text"] for i in view["included"]])
    if view["pricing"]:
        _bullets(console, W["h_pricing"], [p["text"] for p in view["pricing"]],
                 {i: [b["text"] for b in p["break_evens"]] for i, p in enumerate(view["pricing"])})
    _bullets(console, W["h_assumptions"], assumptions(view))
    _bullets(console, W["h_warnings"], [f"{a['name']} ({len(a['warnings'])})" for a in view["alternatives"]],
             {i: [f"- {w}" for w in a["warnings"]] for i, a in enumerate(view["alternatives"])})


__all__ = ["to_dict", "render_json", "render_markdown", "markdown_body", "markdown_table", "render_console",
           "text_matrix"]
