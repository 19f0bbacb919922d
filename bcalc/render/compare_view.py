"""``bcalc compare``: products for one need, or whole cases, side by side.

One view is built from the core's ``Comparison`` (Decimals, texts in the chosen language), and
every output reads that view: the terminal table, JSON, Markdown, and the business-case report
and workbook. So all of them show the same numbers.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from bcalc.render.mdtext import escape
from bcalc.models import Catalogue
from bcalc.money import en_number, fmt_money, money_str, nl_number, round_cents
from bcalc.messages import as_json, say

# Rows of the comparison, in order; "case_cost" only when the case has other deployments too.
ROWS = ("one_off", "recurring", "training", "internal", "vat", "cost", "cost_per_client_month", "funding",
        "benefits", "case_cost", "net")
MONEY_KEYS = ("one_off", "recurring", "training", "internal", "vat", "cost", "cost_per_client_month", "funding",
              "benefits", "case_cost", "net")

WORDS = {
    "nl": {
        "title": "Vergelijking",
        "one_off": "Eenmalig",
        "recurring": "Terugkerend",
        "training": "Training",
        "internal": "Interne uren",
        "vat": "Btw",
        "cost": "Kosten over de looptijd",
        "cost_per_client_month": "Kosten per cliënt per maand",
        "funding": "Financiering",
        "benefits": "Baten",
        "case_cost": "Kosten hele case",
        "net": "Netto",
        "net_case": "Netto (hele case)",
        "cat": {"one_off": "eenmalig", "recurring": "terugkerend", "training": "training",
                "internal": "interne uren", "vat": "btw"},
        "need": "behoefte",
        "deployment": "inzet",
        "scenario": "indexatiescenario",
        "own_scenario": "van elke case",
        "prices": "prijzen uit bereiken",
        "ends": {"low": "onderkant", "mid": "midden", "high": "bovenkant"},
        "amounts": "bedragen in euro",
        "cheapest_is": "Goedkoopst: {name}, {cost} over de looptijd.",
        "none_computed": "Geen van de alternatieven kon worden berekend.",
        "not_computed": "niet berekend",
        "alternative": "Alternatief",
        "per_alternative": "Per alternatief",
        "h_differences": "Waar het verschil zit",
        "h_included": "Inclusief bij de een, apart berekend bij de ander",
        "h_pricing": "Prijsmodellen",
        "h_assumptions": "Aannames per alternatief",
        "h_warnings": "Aandachtspunten per alternatief",
        "h_notes": "Let op",
        "option": "Optie",
        "choice": "Keuze",
        "diff": "{name} kost {delta} meer dan {cheapest} (goedkoopst) over de looptijd",
        "diff_same": "{name} kost evenveel als {cheapest}",
        "mostly": "; vooral {parts} (per soort excl. btw, btw apart; de posten hieronder incl. btw)",
        "and": " en ",
        "line": "{label}: {a_name} {a}, {b_name} {b} ({delta})",
        "included": "{inc}: {label} inclusief; {by} rekent {written} ({source}): {amount} {vat}",
        "incl_vat": "incl. btw",
        "incl_nonrec": "incl. niet-terugvorderbare btw",
        "none_option": "geen",
        "active": "huidig",
        "cheapest_option": "goedkoopst",
        "break_even": "vanaf {count} {driver} is '{cheaper}' goedkoper dan '{than}'",
        "clients": "cliënten",
        "roles": {"care_staff": "zorgmedewerkers", "key_user": "key users", "project_lead": "projectleiders",
                  "functional_admin": "functioneel beheerders", "data_analyst": "data-analisten"},
        "other_need": "{name} ({key}) dient behoefte {need}, niet {case_need}; toch meegenomen omdat u "
                      "erom vroeg met --with",
        "alone": "Geen andere producten in de catalogus voor behoefte {need}; noem er een met --with.",
        "failed": "kon niet worden doorgerekend",
        "no_assumptions": "Geen: elk alternatief rekent met de opties, prijzen en aantallen van de case.",
    },
    "en": {
        "title": "Comparison",
        "one_off": "One-off",
        "recurring": "Recurring",
        "training": "Training",
        "internal": "Internal hours",
        "vat": "VAT",
        "cost": "Cost over the horizon",
        "cost_per_client_month": "Cost per client per month",
        "funding": "Funding",
        "benefits": "Benefits",
        "case_cost": "Cost of the whole case",
        "net": "Net",
        "net_case": "Net (whole case)",
        "cat": {"one_off": "one-off", "recurring": "recurring", "training": "training",
                "internal": "internal hours", "vat": "VAT"},
        "need": "need",
        "deployment": "deployment",
        "scenario": "indexation scenario",
        "own_scenario": "each case's own",
        "prices": "prices from ranges",
        "ends": {"low": "low end", "mid": "midpoint", "high": "high end"},
        "amounts": "amounts in euros",
        "cheapest_is": "Cheapest: {name}, {cost} over the horizon.",
        "none_computed": "None of the alternatives could be computed.",
        "not_computed": "not computed",
        "alternative": "Alternative",
        "per_alternative": "Per alternative",
        "h_differences": "Where the difference lies",
        "h_included": "Included by one, charged by another",
        "h_pricing": "Pricing models",
        "h_assumptions": "Assumptions per alternative",
        "h_warnings": "Points of attention per alternative",
        "h_notes": "Note",
        "option": "Option",
        "choice": "Choice",
        "diff": "{name} costs {delta} more than {cheapest} (cheapest) over the horizon",
        "diff_same": "{name} costs the same as {cheapest}",
        "mostly": ", mostly {parts} (categories excl. VAT, VAT separate; the items below incl. VAT)",
        "and": " and ",
        "line": "{label}: {a_name} {a}, {b_name} {b} ({delta})",
        "included": "{inc}: {label} included; {by} charges {written} ({source}): {amount} {vat}",
        "incl_vat": "incl. VAT",
        "incl_nonrec": "incl. non-recoverable VAT",
        "none_option": "none",
        "active": "current",
        "cheapest_option": "cheapest",
        "break_even": "from {count} {driver} on, '{cheaper}' is cheaper than '{than}'",
        "clients": "clients",
        "roles": {"care_staff": "care staff", "key_user": "key users", "project_lead": "project leads",
                  "functional_admin": "functional administrators", "data_analyst": "data analysts"},
        "other_need": "{name} ({key}) serves need {need}, not {case_need}; included because you asked for it "
                      "with --with",
        "alone": "No other product in the catalogue serves need {need}; name one with --with.",
        "failed": "could not be computed",
        "no_assumptions": "None: every alternative uses the options, prices and quantities of the case.",
    },
}


def words(lang: str) -> dict:
    return WORDS[lang]


# ---- the view ----------------------------------------------------------------------------------


def signed(value: Decimal, lang: str) -> str:
    """Money with a sign: ``+€ 1.234,56`` / ``-€ 1.234,56``."""
    text = fmt_money(value, lang)
    return "+" + text if round_cents(value) > 0 else text


def option_name(option: str | None, lang: str) -> str:
    return WORDS[lang]["none_option"] if option is None else option


def _driver(driver: str, lang: str) -> str:
    W = WORDS[lang]
    if driver == "clients":
        return W["clients"]
    return f"{W['roles'].get(driver, driver)} ({driver})"


def build(cmp, catalogue: Catalogue | None, lang: str = "nl", *, scenario: str | None = None,
          prices: str = "mid", notes: list[str] | None = None,
          failed: list[tuple[str, str]] | None = None) -> dict:
    """Everything the outputs show, computed once: Decimals for amounts, texts in ``lang``. ``failed``:
    products whose calculation raised (see ``compare_need``), shown as alternatives not computed."""
    W = WORDS[lang]
    alts = list(cmp.alternatives)
    cheapest = cmp.cheapest
    # the compared deployment has siblings: its cost is not the whole case's cost
    multi = any(a.result is not None and a.deployment is not None and len(a.result.products) > 1 for a in alts)
    if cmp.deployment is None:
        # whole cases: the file names head the columns (titles are long), the titles are listed
        stems = [Path(a.key).stem for a in alts]
        columns = [stem if stems.count(stem) == 1 else a.key for stem, a in zip(stems, alts)]
    else:
        columns = [a.name for a in alts]

    out_alts = []
    for i, a in enumerate(alts):
        t = a.totals
        entry: dict = {"key": a.key, "name": a.name, "column": columns[i], "computed": a.result is not None,
                       "problem": say(a.problem, lang) if a.problem is not None else "", "cheapest": i == cheapest,
                       "scenario": a.result.scenario if a.result is not None else None,
                       "client_months": a.client_months,
                       "assumptions": [say(n, lang) for n in a.assumptions],
                       "warnings": [say(w, lang) for w in a.result.warnings] if a.result is not None else [],
                       "problem_notice": as_json(a.problem, lang) if a.problem is not None else None,
                       "assumption_notices": [as_json(n, lang) for n in a.assumptions],
                       "notices": [as_json(w, lang) for w in a.result.warnings] if a.result is not None else []}
        if t is None:
            for k in MONEY_KEYS:
                entry[k] = None
        else:
            for k in ("one_off", "recurring", "training", "internal", "vat", "cost", "funding"):
                entry[k] = getattr(t, k)
            entry["benefits"] = a.result.total.benefits  # like funding: the whole case's
            per_month = a.cost_per_client_month
            entry["cost_per_client_month"] = round_cents(per_month) if per_month is not None else None
            entry["case_cost"] = a.result.total.cost
            entry["net"] = a.result.total.net      # the whole case's net, funding included
        out_alts.append(entry)

    for pid, message in failed or []:
        name = catalogue.products[pid].name if catalogue is not None and pid in catalogue.products else pid
        entry = {"key": pid, "name": name, "column": name, "computed": False,
                 "problem": f"{W['failed']} ({message})", "cheapest": False, "scenario": None, "client_months": 0,
                 "assumptions": [], "warnings": [], "problem_notice": None, "assumption_notices": [],
                 "notices": []}
        entry.update({k: None for k in MONEY_KEYS})
        out_alts.append(entry)

    differences = []
    for pair in cmp.pairs:
        a, b = out_alts[pair.a], out_alts[pair.b]
        cats = [(c, d) for c, d in pair.categories if d][:2]
        lines = [{"label": ln.label, "alternative": ln.a, "cheapest": ln.b, "delta": ln.delta} for ln in pair.lines]
        if pair.delta:
            text = W["diff"].format(name=a["name"], delta=fmt_money(pair.delta, lang), cheapest=b["name"])
        else:
            text = W["diff_same"].format(name=a["name"], cheapest=b["name"])
        if cats:
            parts = W["and"].join(f"{W['cat'][c]} ({signed(d, lang)})" for c, d in cats)
            text += W["mostly"].format(parts=parts)
        line_texts = [W["line"].format(label=ln["label"], a_name=a["name"], a=fmt_money(ln["alternative"], lang),
                                       b_name=b["name"], b=fmt_money(ln["cheapest"], lang),
                                       delta=signed(ln["delta"], lang)) for ln in lines]
        differences.append({"alternative": a["key"], "name": a["name"], "cheapest": b["key"],
                            "cheapest_name": b["name"], "delta": pair.delta,
                            "categories": [{"category": c, "delta": d} for c, d in cats],
                            "lines": lines, "text": text + ".", "line_texts": line_texts})

    recoverable = Decimal(0)
    for a in alts:
        if a.result is not None:
            recoverable = a.result.case.vat_recoverable
            break
    included = []
    for inc in cmp.included:
        a, b = out_alts[inc.included_in], out_alts[inc.charged_by]
        vat = W["incl_vat"] if not recoverable else W["incl_nonrec"]
        text = W["included"].format(inc=a["name"], label=inc.label, by=b["name"], written=inc.written or "-",
                                    source=inc.source or "-", amount=fmt_money(inc.amount, lang), vat=vat)
        included.append({"label": inc.label, "included_in": a["key"], "charged_by": b["key"],
                         "amount": inc.amount, "written": inc.written, "source": inc.source, "text": text})

    pricing = []
    for cp in cmp.pricing:
        product = catalogue.products.get(cp.product) if catalogue is not None else None
        best = cp.cheapest
        options = [{"option": o.option, "name": option_name(o.option, lang), "cost": o.cost, "active": o.active,
                    "cheapest": o is best} for o in cp.options]
        evens = []
        for be in cp.break_evens:
            text = W["break_even"].format(count=be.count, driver=_driver(be.driver, lang),
                                          cheaper=option_name(be.cheaper, lang), than=option_name(be.than, lang))
            evens.append({"cheaper": be.cheaper, "than": be.than, "driver": be.driver, "count": be.count,
                          "text": text})
        name = product.name if product is not None else cp.product
        marks = []
        for o in options:
            tags = [W["active"]] if o["active"] else []
            if o["cheapest"]:
                tags.append(W["cheapest_option"])
            marks.append(f"{o['name']} {fmt_money(o['cost'], lang)}" + (f" ({', '.join(tags)})" if tags else ""))
        pricing.append({"product": cp.product, "name": name, "choice": cp.choice.id,
                        "label": cp.choice.label or cp.choice.id, "options": options, "break_evens": evens,
                        "text": f"{name}, {cp.choice.label or cp.choice.id}: " + " · ".join(marks)})

    if scenario is None:
        used = {a["scenario"] for a in out_alts if a["computed"]}
        scenario = used.pop() if len(used) == 1 else None
    return {
        "lang": lang,
        "title": cmp.title,
        "need": cmp.need,
        "deployment": cmp.deployment + 1 if cmp.deployment is not None else None,
        "scenario": scenario,
        "prices": prices,
        "multi": multi,
        "alternatives": out_alts,
        "cheapest": cheapest,
        "differences": differences,
        "included": included,
        "pricing": pricing,
        "notes": list(notes or []),
        "legend": [f"{c}: {a.name}" for c, a in zip(columns, alts)] if cmp.deployment is None else [],
    }


def rows(view: dict) -> list[tuple[str, str, bool]]:
    """(key, label, strong) of the rows to show: benefits only when there are any, the whole case's cost
    only when the compared deployment is one of several."""
    W = WORDS[view["lang"]]
    out = []
    for key in ROWS:
        if key == "benefits" and not any(a["benefits"] for a in view["alternatives"] if a["computed"]):
            continue
        if key == "case_cost" and not view["multi"]:
            continue
        label = W["net_case"] if key == "net" and view["multi"] else W[key]
        out.append((key, label, key in ("cost", "net")))
    return out


def assumptions(view: dict) -> list[str]:
    """What was assumed to let each alternative take the deployment's place (each names its product)."""
    out = [text for a in view["alternatives"] for text in a["assumptions"]]
    return out or [WORDS[view["lang"]]["no_assumptions"]]


def cheapest_line(view: dict) -> str:
    W = WORDS[view["lang"]]
    if view["cheapest"] is None:
        return W["none_computed"]
    best = view["alternatives"][view["cheapest"]]
    return W["cheapest_is"].format(name=best["name"], cost=fmt_money(best["cost"], view["lang"]))


def problems(view: dict) -> list[str]:
    W = WORDS[view["lang"]]
    return [f"{a['name']}: {W['not_computed']}: {a['problem']}" for a in view["alternatives"] if not a["computed"]]


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
                      "notices": a["notices"]})
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


def facts(view: dict) -> str:
    W = WORDS[view["lang"]]
    parts = []
    if view["deployment"] is not None:
        parts.append(f"{W['deployment']} {view['deployment']}")
    if view["need"]:
        parts.append(f"{W['need']} {view['need']}")
    parts.append(f"{W['scenario']} {view['scenario'] or W['own_scenario']}")
    parts.append(f"{W['prices']}: {W['ends'].get(view['prices'], view['prices'])}")
    return " · ".join(parts)


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


def markdown_body(view: dict, level: int = 2) -> list[str]:
    """Everything below the title: table, cheapest, differences, included, pricing, assumptions, warnings."""
    W = WORDS[view["lang"]]
    h = "#" * level
    out = [facts(view) + f" ({W['amounts']})", ""]
    if view["legend"]:
        out += [f"- {_one(x)}" for x in view["legend"]] + [""]
    out += markdown_table(view) + [""]
    out.append(("\\* " if view["cheapest"] is not None else "") + cheapest_line(view))
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


def number(value: Decimal | None, lang: str) -> str:
    if value is None:
        return "-"
    return nl_number(value) if lang == "nl" else en_number(value)


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


# ---- the notes that go with a choice of products --------------------------------------------------


def other_need_notes(catalogue: Catalogue, case_product: str, products, lang: str) -> list[str]:
    """A note for every product asked for that serves another need than the deployment's product."""
    W = WORDS[lang]
    need = catalogue.products[case_product].need
    notes = []
    for pid in products:
        p = catalogue.products[pid]
        if p.need != need:
            notes.append(W["other_need"].format(name=p.name, key=pid, need=p.need, case_need=need))
    return notes


def alone_note(need: str, lang: str) -> str:
    return WORDS[lang]["alone"].format(need=need)


def build_need(found, catalogue: Catalogue, lang: str = "nl", *, scenario: str | None = None,
               prices: str = "mid") -> dict:
    """The view of a comparison of products for one deployment (``bcalc.app.NeedComparison``)."""
    notes = other_need_notes(catalogue, found.own, found.other_need, lang)
    if found.alone:
        notes.append(alone_note(found.need, lang))
    return build(found.comparison, catalogue, lang, scenario=scenario, prices=prices, notes=notes,
                 failed=list(found.failed))


__all__ = [
    "build", "build_need", "rows", "assumptions", "cheapest_line", "problems", "facts", "to_dict",
    "render_json", "render_markdown", "render_console", "markdown_body", "markdown_table",
    "other_need_notes", "alone_note", "text_matrix", "number", "words", "signed",
]
