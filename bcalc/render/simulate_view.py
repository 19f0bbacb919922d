"""``bcalc simulate``: percentiles, the chance of breaking even, a histogram in text bars (80
columns), what was drawn and the uncertain inputs with their origin, and the check against the exact
engine; or JSON. With nothing uncertain it says so instead of stating a chance.
"""

from __future__ import annotations

import json
from decimal import Decimal

from bcalc.money import fmt_money, fmt_percent, money_str, num_str
from bcalc.render.sensitivity_view import assumptions_dict, assumptions_text, fmt_value, origin_text, whole_euros
from bcalc.messages import say

WORDS = {
    "nl": {
        "title": "Monte Carlo",
        "facts": "{draws} trekkingen, seed {seed}, indexatiescenario {scenario}, {inputs} onzekere invoer",
        "scope_all": ("Getrokken wordt wat ook de gevoeligheid beweegt, over dezelfde uitersten: {kinds}."),
        "scope_prices": ("Getrokken worden alleen de prijsbereiken en '±'-bedragen van de catalogus{vary} "
                         "(--prices-only); cliënten, baten, tarieven en indexatie staan zoals geschat."),
        "scope_vary": " en de --vary-invoer",
        "kinds": {"item": "prijsbereiken en '±'-bedragen", "time": "tijdsbereiken",
                  "clients": "aantallen cliënten", "benefit": "de baten (minuten, uren, bedragen en realisatie)",
                  "staff_rate": "uurtarieven", "funding": "financieringstarieven", "indexation": "indexatie",
                  "price": "eigen prijzen (--vary)"},
        "and": "en",
        "settled_no_inputs": ("Niets in deze case is onzeker (geen bereik, geen '±'-bedrag en niets om te "
                              "variëren): elke trekking is gelijk aan de schatting, dus een kans zegt hier niets."),
        "settled_no_effect": ("De onzekere invoer verandert {what} niet: elke trekking geeft {value}, dus een "
                              "kans zegt hier niets."),
        "stats": "Over de looptijd (bedragen in euro)",
        "metric": "",
        "estimate": "schatting",
        "mean": "gemiddeld",
        "cost": "Kosten",
        "benefits": "Baten",
        "funding": "Financiering",
        "net": "Netto",
        "npv": "NCW",
        "npv_long": "netto contante waarde",
        "prob_npv": "Kans dat de netto contante waarde ≥ 0 is (discontovoet {rate}): {p}",
        "prob_net": "Kans dat het netto resultaat ≥ 0 is (geen discontovoet in de case, dus zonder NCW): {p}",
        "hist": "Verdeling van {what} (aantal trekkingen per klasse, bedragen in euro)",
        "hist_net": "het netto resultaat",
        "inputs": "Onzekere invoer (driehoeksverdeling laag / modus / hoog)",
        "input": "Invoer",
        "low": "laag",
        "mode": "modus",
        "high": "hoog",
        "origin": "herkomst",
        "no_inputs": "Geen onzekere invoer: elke trekking is gelijk aan de schatting.",
        "check": "Controle tegen de exacte rekenkern: grootste afwijking {dev} op {n} trekkingen.",
        "method": "Methode: de rekenkern rekent elke invoer door op laag, modus en hoog (cliënten: elk "
                  "geheel aantal; indexatie: negen punten); een trekking telt de uitkomsten stuksgewijs lineair "
                  "op, met de kruistermen van invoer die dezelfde post vermenigvuldigt (minuten maal realisatie, "
                  "cliënten maal prijs). Overige samenhang is benaderd; de controle hierboven meet het verschil.",
        "moved": "De schatting hier is de case met elke --vary-invoer op zijn modus.",
    },
    "en": {
        "title": "Monte Carlo",
        "facts": "{draws} draws, seed {seed}, indexation scenario {scenario}, {inputs} uncertain inputs",
        "scope_all": "Drawn is what sensitivity also moves, over the same ends: {kinds}.",
        "scope_prices": ("Drawn are only the catalogue's price ranges and '±' figures{vary} (--prices-only); "
                         "clients, benefits, tariffs and indexation stay as estimated."),
        "scope_vary": " and the --vary inputs",
        "kinds": {"item": "price ranges and '±' figures", "time": "time ranges", "clients": "numbers of clients",
                  "benefit": "the benefits (minutes, hours, amounts and realisation)", "staff_rate": "staff rates",
                  "funding": "funding tariffs", "indexation": "indexation", "price": "own prices (--vary)"},
        "and": "and",
        "settled_no_inputs": ("Nothing in this case is uncertain (no range, no '±' figure and nothing to vary): "
                              "every draw equals the estimate, so a probability says nothing here."),
        "settled_no_effect": ("The uncertain inputs do not change {what}: every draw gives {value}, so a "
                              "probability says nothing here."),
        "stats": "Over the horizon (amounts in euros)",
        "metric": "",
        "estimate": "estimate",
        "mean": "mean",
        "cost": "Cost",
        "benefits": "Benefits",
        "funding": "Funding",
        "net": "Net",
        "npv": "NPV",
        "npv_long": "net present value",
        "prob_npv": "Probability that the net present value is ≥ 0 (discount rate {rate}): {p}",
        "prob_net": "Probability that the net result is ≥ 0 (no discount rate in the case, so no NPV): {p}",
        "hist": "Distribution of {what} (draws per class, amounts in euros)",
        "hist_net": "the net result",
        "inputs": "Uncertain inputs (triangular distribution low / mode / high)",
        "input": "Input",
        "low": "low",
        "mode": "mode",
        "high": "high",
        "origin": "origin",
        "no_inputs": "No uncertain inputs: every draw equals the estimate.",
        "check": "Check against the exact engine: max deviation {dev} on {n} draws.",
        "method": "Method: the engine computes each input at its low end, mode and high end (clients: every "
                  "whole number; indexation: nine points); a draw adds up the responses piecewise-linearly, with "
                  "the cross terms of inputs that multiply the same item (minutes times realisation, clients "
                  "times a price). Other interactions are approximated; the check above measures the difference.",
        "moved": "The estimate here is the case with every --vary input at its mode.",
    },
}


def _pct(p: float, lang: str) -> str:
    text = f"{p * 100:.1f}"
    return f"{text.replace('.', ',')} %" if lang == "nl" else f"{text}%"


KIND_ORDER = ("item", "time", "price", "clients", "benefit", "staff_rate", "funding", "indexation")


def scope_text(sim, lang: str) -> str:
    """What the simulation drew, in one sentence."""
    W = WORDS[lang]
    if sim.scope == "prices":
        return W["scope_prices"].format(vary=W["scope_vary"] if any(i.origin == "vary" for i in sim.inputs) else "")
    listed = kinds_text(sim, lang)
    return W["scope_all"].format(kinds=listed) if listed else ""


def kinds_text(sim, lang: str) -> str:
    """The kinds of input the simulation drew, as a list in words ("" when none)."""
    W = WORDS[lang]
    names = [W["kinds"][k] for k in KIND_ORDER if any(i.kind == k and not i.fixed for i in sim.inputs)]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {W['and']} " + names[-1]


def probability_text(sim, lang: str) -> str:
    """The chance of breaking even, or why there is none to state."""
    W = WORDS[lang]
    if sim.settled == "no_inputs":
        return W["settled_no_inputs"]
    if sim.settled == "no_effect":
        what = W["npv_long"] if sim.probability_of == "npv" else W["hist_net"]
        return W["settled_no_effect"].format(what=what, value=fmt_money(getattr(sim.base, sim.probability_of), lang))
    if sim.probability_of == "npv":
        return W["prob_npv"].format(rate=fmt_percent(sim.case.discount_rate, lang), p=_pct(sim.probability, lang))
    return W["prob_net"].format(p=_pct(sim.probability, lang))


def _int(n: int, lang: str) -> str:
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "nl" else text


# ---- JSON ------------------------------------------------------------------------------------------


def to_dict(sim, lang: str = "nl") -> dict:
    stats = {k: ({"p10": money_str(s.p10), "p50": money_str(s.p50), "p90": money_str(s.p90),
                  "mean": money_str(s.mean)}) for k, s in sim.stats.items()}
    if "npv" not in stats:
        stats["npv"] = None
    inputs = [{"input": i.key, "label": say(i.label, lang), "low": num_str(i.low), "mode": num_str(i.mode),
               "high": num_str(i.high), "unit": i.unit, "origin": i.origin, "source": i.source,
               "written": i.written} for i in sim.inputs]
    base = {k: money_str(getattr(sim.base, k)) for k in ("cost", "benefits", "funding", "net")}
    base["npv"] = money_str(sim.base.npv) if sim.base.npv is not None else None
    out = {
        "format": "bcalc.simulate/1",
        "case": sim.case.title,
        "scenario": sim.scenario,
        "currency": "EUR",
        "draws": sim.draws,
        "seed": sim.seed,
        "discount_rate": num_str(sim.case.discount_rate) if sim.case.discount_rate is not None else None,
        "base": base,
        "inputs": inputs,
        "stats": stats,
        "scope": sim.scope,
        "settled": sim.settled,
        f"probability_{sim.probability_of}_nonnegative": round(sim.probability, 6) if sim.settled is None else None,
        "histogram_of": sim.probability_of,
        "histogram": [{"from": money_str(b.low), "to": money_str(b.high), "count": b.count} for b in sim.histogram],
        "check": {"draws": sim.check_draws, "max_deviation": money_str(sim.max_deviation)},
        "assumptions": assumptions_dict(sim.settings),
    }
    return out


def render_json(sim, lang: str = "nl") -> str:
    return json.dumps(to_dict(sim, lang), ensure_ascii=False, indent=2) + "\n"


# ---- terminal --------------------------------------------------------------------------------------


def _stats_table(sim, lang: str, cents: bool):
    from rich import box
    from rich.table import Table

    from bcalc.money import en_number, nl_number

    W = WORDS[lang]

    def num(v: Decimal) -> str:
        if cents:
            return nl_number(v) if lang == "nl" else en_number(v)
        return whole_euros(v, lang, sign=False)

    t = Table(title=W["stats"], title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, header_style="bold",
              pad_edge=False, padding=(0, 1))
    t.add_column(W["metric"])
    for head in ("P10", "P50", "P90", W["mean"], W["estimate"]):
        t.add_column(head, justify="right", no_wrap=True)
    for k, s in sim.stats.items():
        t.add_row(W[k], num(s.p10), num(s.p50), num(s.p90), num(s.mean), num(getattr(sim.base, k)),
                  style="bold" if k in ("net", "npv") else None)
    return t


def _histogram(sim, console, lang: str) -> None:
    from rich.text import Text

    W = WORDS[lang]
    bins = sim.histogram
    what = W["npv_long"] if sim.probability_of == "npv" else W["hist_net"]
    console.print(W["hist"].format(what=what), style="bold", highlight=False, markup=False)
    lows = [whole_euros(b.low, lang, sign=False) for b in bins]
    highs = [whole_euros(b.high, lang, sign=False) for b in bins]
    counts = [_int(b.count, lang) for b in bins]
    wl, wh, wc = max(map(len, lows)), max(map(len, highs)), max(map(len, counts))
    bar_w = max(10, console.width - wl - wh - wc - 7)
    top = max(b.count for b in bins) or 1
    for b, lo, hi, c in zip(bins, lows, highs, counts):
        n = round(b.count / top * bar_w)
        line = Text(f"{lo:>{wl}} – {hi:>{wh}} │")
        line.append("█" * n, style="green" if b.low >= 0 else None)
        line.append(" " * (bar_w - n) + f" {c:>{wc}}")
        console.print(line, highlight=False)


def render_console(sim, console, lang: str = "nl", tariffs_file: str = "") -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    W = WORDS[lang]
    head = Text()
    head.append(f"{W['title']}: {sim.case.title}", style="bold")
    console.print(head)
    console.print(W["facts"].format(draws=_int(sim.draws, lang), seed=sim.seed, scenario=sim.scenario,
                                    inputs=len(sim.inputs)), style="dim", highlight=False, markup=False)
    table = _stats_table(sim, lang, cents=True)
    if console.measure(table, options=console.options.update_width(10_000)).maximum > console.width:
        table = _stats_table(sim, lang, cents=False)
    console.print(table)
    if sim.modes_moved:
        console.print(W["moved"], style="dim", highlight=False, markup=False)
    console.print(probability_text(sim, lang), highlight=False, markup=False)
    console.print()
    if sim.settled is None:
        _histogram(sim, console, lang)
        console.print()
    scope = scope_text(sim, lang)
    if scope:
        console.print(scope, highlight=False, markup=False)
    if sim.inputs:
        t = Table(title=W["inputs"], title_justify="left", box=box.SIMPLE_HEAD, show_edge=False,
                  header_style="bold", pad_edge=False, padding=(0, 1))
        t.add_column(W["input"], ratio=3, overflow="fold")
        t.add_column(W["low"], justify="right", no_wrap=True)
        t.add_column(W["mode"], justify="right", no_wrap=True)
        t.add_column(W["high"], justify="right", no_wrap=True)
        t.add_column(W["origin"], ratio=2, overflow="fold")
        for i in sim.inputs:
            t.add_row(say(i.label, lang), fmt_value(i.unit, i.low, lang), fmt_value(i.unit, i.mode, lang),
                      fmt_value(i.unit, i.high, lang), origin_text(i, sim.settings, lang))
        console.print(t)
    else:
        console.print(W["no_inputs"], highlight=False, markup=False)
    console.print(W["check"].format(dev=fmt_money(sim.max_deviation, lang), n=sim.check_draws), highlight=False,
                  markup=False)
    console.print(W["method"], style="dim", highlight=False, markup=False)
    console.print(assumptions_text(sim.settings, tariffs_file, lang), style="dim", highlight=False, markup=False)


__all__ = ["to_dict", "render_json", "render_console", "scope_text", "kinds_text", "probability_text", "WORDS"]
