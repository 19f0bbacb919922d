"""``bcalc compare``: products for one need, or whole cases, side by side.

One view is built from the core's ``Comparison`` (Decimals, texts in the chosen language), and
every output reads that view: the terminal table, JSON and Markdown (``compare_out``), and the
business-case report and workbook. So all of them show the same numbers. The words are in
``compare_words``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from bcalc.core.compare import comparable
from bcalc.models import Catalogue
from bcalc.money import en_number, fmt_money, nl_number, round_cents
from bcalc.messages import as_json, say
from bcalc.render.compare_words import WORDS

# Rows of the comparison, in order; "case_cost" only when the case has other deployments too.
ROWS = ("one_off", "recurring", "training", "internal", "vat", "cost", "cost_per_client_month", "funding",
        "benefits", "case_cost", "net")
MONEY_KEYS = ("one_off", "recurring", "training", "internal", "vat", "cost", "cost_per_client_month", "funding",
              "benefits", "case_cost", "net")

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
                       "notices": [as_json(w, lang) for w in a.result.warnings] if a.result is not None else [],
                       "gaps": list(a.gaps), "hours": dict(a.hours),
                       "hours_total": sum((h for _, h in a.hours), Decimal(0)) if a.result is not None else None}
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
                 "notices": [], "gaps": [], "hours": {}, "hours_total": None}
        entry.update({k: None for k in MONEY_KEYS})
        out_alts.append(entry)

    differences = []
    for pair in cmp.pairs:
        a, b = out_alts[pair.a], out_alts[pair.b]
        cats = [(c, d) for c, d in pair.categories if d][:2]
        lines = [{"label": ln.label, "alternative": ln.a, "cheapest": ln.b, "delta": ln.delta} for ln in pair.lines]
        if pair.delta < 0:
            text = W["diff_less"].format(name=a["name"], delta=fmt_money(-pair.delta, lang), cheapest=b["name"])
        elif pair.delta:
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

    operating = _operating(alts) if cmp.deployment is None else None
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
        "operating": operating,
        "cheaper_incomplete": list(cmp.cheaper_incomplete),
        "complete_cheapest": cheapest is not None and comparable(alts, cheapest),
    }


OPERATING_ROWS = ("op_cash_cost", "op_purchases", "op_depreciation", "op_interest", "op_cost", "op_net",
                  "op_book_value")


def _operating(alts) -> list[dict] | None:
    """The operating view of each whole case (bcalc.core.assets), when one of them owns items with a
    lifetime: a case without them has the cash cost as its operating cost. None when none has."""
    if not any(a.result is not None and a.result.operating is not None for a in alts):
        return None
    out = []
    for a in alts:
        if a.result is None:
            out.append({k: None for k in OPERATING_ROWS})
            continue
        op, total = a.result.operating, a.result.total
        if op is None:
            out.append({"op_cash_cost": total.cost, "op_purchases": Decimal(0), "op_depreciation": Decimal(0),
                        "op_interest": Decimal(0), "op_cost": total.cost, "op_net": total.net,
                        "op_book_value": Decimal(0)})
            continue
        t = op.total
        out.append({"op_cash_cost": t.cost, "op_purchases": t.purchases, "op_depreciation": t.depreciation,
                    "op_interest": t.interest, "op_cost": t.operating_cost, "op_net": t.net,
                    "op_book_value": op.book_value})
    return out


def operating_value(op: dict, key: str) -> Decimal | None:
    """A cell of the operating table as shown: purchases with a minus (they leave the cash cost)."""
    value = op[key]
    return Decimal(0) - value if key == "op_purchases" and value is not None else value


def operating_rows(view: dict) -> list[tuple[str, str, bool]]:
    """(key, label, strong) of the operating table; [] when no case owns items with a lifetime."""
    if not view.get("operating"):
        return []
    W = WORDS[view["lang"]]
    return [(key, W[key], key in ("op_cost", "op_net")) for key in OPERATING_ROWS]


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
    """The cheapest alternative with complete figures; an incomplete one that looks cheaper is named
    as not comparable, and without any complete alternative the line says so."""
    W, lang = WORDS[view["lang"]], view["lang"]
    if view["cheapest"] is None:
        return W["none_computed"]
    best = view["alternatives"][view["cheapest"]]
    key = "cheapest_is" if view.get("complete_cheapest", True) else "cheapest_incomplete"
    text = W[key].format(name=best["name"], cost=fmt_money(best["cost"], lang))
    for i in view.get("cheaper_incomplete", []):
        a = view["alternatives"][i]
        text += " " + W["cheaper_incomplete"].format(name=a["name"], cost=fmt_money(a["cost"], lang))
    return text


def incomplete(view: dict) -> list[str]:
    """One sentence per computed alternative whose source leaves a cost kind out."""
    W = WORDS[view["lang"]]
    return [W["incomplete"].format(name=a["name"], gaps="; ".join(W["gaps"][g] for g in a["gaps"]))
            for a in view["alternatives"] if a["computed"] and a["gaps"]]


def hours_line(view: dict) -> str:
    """The counted hours of own staff per alternative, also where no role has a rate."""
    W, lang = WORDS[view["lang"]], view["lang"]
    fmt = nl_number if lang == "nl" else en_number
    parts = [f"{a['name']} {fmt(a['hours_total']) if a['hours_total'] else W['hours_none']}"
             for a in view["alternatives"] if a["computed"]]
    return W["hours_line"].format(parts=" · ".join(parts))


def problems(view: dict) -> list[str]:
    W = WORDS[view["lang"]]
    return [f"{a['name']}: {W['not_computed']}: {a['problem']}" for a in view["alternatives"] if not a["computed"]]



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


def number(value: Decimal | None, lang: str) -> str:
    if value is None:
        return "-"
    return nl_number(value) if lang == "nl" else en_number(value)


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
    "build", "build_need", "rows", "operating_rows", "operating_value", "assumptions", "cheapest_line", "problems", "facts",
    "other_need_notes", "alone_note", "number", "words", "signed",
]
