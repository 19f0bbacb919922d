"""Chapter 7, part four: the uncertainty of the result. The sensitivity (as ``bcalc sensitivity``)
and a Monte Carlo with the report's fixed number of draws and seed (as ``bcalc simulate``), arranged
as the views of those commands; the workbook shows the same figures (``uncertainty``)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from bcalc.messages import say
from bcalc.models import Result, Tariffs
from bcalc.money import ZERO, fmt_money, fmt_percent
from bcalc.render.labels import LABELS
from bcalc.render.report_md.format import one_line

WORDS = {
    "nl": {
        "h_sensitivity": "Onzekerheid: gevoeligheid",
        "h_simulation": "Onzekerheid: simulatie",
        "h_tornado": "Tornadodiagram",
        "sens_intro": (
            "Eén invoer tegelijk naar zijn lage en zijn hoge waarde, al het andere zoals geschat (scenario "
            "{scenario}, prijzen {end}). Gesorteerd op bereik: het verschil tussen het netto resultaat bij "
            "hoog en bij laag."),
        "sens_input": "Invoer",
        "sens_range": "Laag – hoog",
        "sens_origin": "Herkomst",
        "sens_net_low": "Netto bij laag",
        "sens_net_high": "Netto bij hoog",
        "sens_npv_low": "NCW bij laag",
        "sens_npv_high": "NCW bij hoog",
        "sens_swing": "Bereik (netto)",
        "sens_chart_note": (
            "Per invoer de verandering van het netto resultaat ten opzichte van de schatting, in euro: ░ bij "
            "de lage waarde, █ bij de hoge waarde; kolom lager: het netto resultaat daalt, kolom hoger: het stijgt."),
        "sens_index": "Indexatiepercentages bewegen 1 procentpunt naar beide kanten.",
        "sens_low": "bij laag",
        "sens_lower": "Lager",
        "sens_higher": "Hoger",
        "sens_high": "bij hoog",
        "sim_intro": (
            "Een Monte Carlo-simulatie met een vast aantal van {draws} trekkingen en een vaste seed {seed}, "
            "zodat dit rapport bij elke run dezelfde uitkomsten geeft. Getrokken wordt elke invoer die de "
            "gevoeligheid hierboven beweegt, elk uit een driehoeksverdeling tussen dezelfde lage en hoge waarde, "
            "met de schatting als modus; de tabel met onzekere invoer hieronder noemt ze."),
        "sim_outcome": "Uitkomst",
        "sim_percentiles": (
            "P10, P50 en P90: in 10 %, 50 % en 90 % van de trekkingen is de uitkomst dit bedrag of lager; "
            "gemiddeld is het gemiddelde over alle trekkingen, schatting de case zelf."),
        "sim_prices_mid": (
            "De simulatie gaat uit van het midden van elk prijsbereik (de modus), ook nu dit rapport met de "
            "{end} van de bereiken rekent; de kolom schatting is daarom de case met middenprijzen."),
        "sim_missing": "De simulatie is overgeslagen: daarvoor is het pakket numpy nodig.",
    },
    "en": {
        "h_sensitivity": "Uncertainty: sensitivity",
        "h_simulation": "Uncertainty: simulation",
        "h_tornado": "Tornado chart",
        "sens_intro": (
            "One input at a time at its low and at its high value, everything else as estimated (scenario "
            "{scenario}, prices {end}). Sorted by swing: the difference between the net result at high and at "
            "low."),
        "sens_input": "Input",
        "sens_range": "Low – high",
        "sens_origin": "Origin",
        "sens_net_low": "Net at low",
        "sens_net_high": "Net at high",
        "sens_npv_low": "NPV at low",
        "sens_npv_high": "NPV at high",
        "sens_swing": "Swing (net)",
        "sens_chart_note": (
            "Per input the change of the net result against the estimate, in euros: ░ at the low value, █ at "
            "the high value; column lower: the net result falls, column higher: it rises."),
        "sens_index": "Indexation rates move 1 percentage point either way.",
        "sens_low": "at low",
        "sens_lower": "Lower",
        "sens_higher": "Higher",
        "sens_high": "at high",
        "sim_intro": (
            "A Monte Carlo simulation with a fixed number of {draws} draws and a fixed seed {seed}, so that "
            "this report gives the same outcomes at every run. Drawn is every input the sensitivity above "
            "moves, each from a triangular distribution between the same low and high value, with the estimate "
            "as its mode; the table of uncertain inputs below names them."),
        "sim_outcome": "Outcome",
        "sim_percentiles": (
            "P10, P50 and P90: in 10%, 50% and 90% of the draws the outcome is this amount or lower; mean is "
            "the average over all draws, estimate the case itself."),
        "sim_prices_mid": (
            "The simulation takes the midpoint of each price range (the mode), although this report uses the "
            "{end} of the ranges; the estimate column is therefore the case at midpoint prices."),
        "sim_missing": "The simulation was skipped: it needs the numpy package.",
    },
}


CHART_LABEL = 26              # the tornado chart in text: label width (longer labels are cut) ...
CHART_BAR = 21                # ... and bar width (odd: the middle column is the estimate)


def _tariffs_file(tariffs: Tariffs) -> str:
    """How the assumptions name the tariff table: as the command line does for the bundled one."""
    from bcalc.paths import data_dir

    if not tariffs.path:
        return "data/tariffs.yaml"
    path = Path(tariffs.path)
    try:
        bundled = path.resolve() == (data_dir() / "tariffs.yaml").resolve()
    except OSError:
        bundled = False
    return "data/tariffs.yaml" if bundled else path.name


def _cut(text: str, width: int) -> str:
    """A label shortened to ``width``; a short last part after ": " (minuten, realisatie) is kept, so
    that two inputs of one benefit stay apart."""
    text = one_line(text)  # in a code block: shown as written, nothing to escape
    if len(text) <= width:
        return text
    _, sep, tail = text.rpartition(": ")
    tail = sep + tail if sep and len(sep + tail) <= width // 2 else ""
    return text[:width - 1 - len(tail)].rstrip() + "…" + tail


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fence(lines: list[str]) -> str:
    """A code fence longer than any run of backticks in the block."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    return "`" * max(3, longest + 1)


def _tornado(rows: list[dict], lang: str, U: dict) -> list[str]:
    """The tornado chart as lines of text: label, bars (░ low, █ high), change at low and at high."""
    from bcalc.render.sensitivity_view import tornado_bar, whole_euros

    scale = max((max(abs(r["change_low"]), abs(r["change_high"])) for r in rows), default=ZERO)
    labels = [_cut(r["label"], CHART_LABEL) for r in rows]
    lows = [whole_euros(r["change_low"], lang) for r in rows]
    highs = [whole_euros(r["change_high"], lang) for r in rows]
    lw = max(len(x) for x in labels)
    wl = max(len(x) for x in lows + [U["sens_low"]])
    wh = max(len(x) for x in highs + [U["sens_high"]])
    legend = "░ " + U["sens_low"] + "  █ " + U["sens_high"]
    lines = [f"{'':<{lw}}  {legend:^{CHART_BAR}}  {U['sens_low']:>{wl}}  {U['sens_high']:>{wh}}"]
    for r, label, lo, hi in zip(rows, labels, lows, highs):
        bar = tornado_bar(r["change_low"], r["change_high"], scale, CHART_BAR)
        lines.append(f"{label:<{lw}}  {bar}  {lo:>{wl}}  {hi:>{wh}}")
    return [line.rstrip() for line in lines]


def _tornado_rows(rows: list[dict], lang: str) -> list[dict]:
    """The tornado chart as table rows, for Markdown without a code block: per input the bar to the
    left of the estimate (the net lower) and to the right (higher), and the change at low and high."""
    from bcalc.render.sensitivity_view import tornado_bar, whole_euros

    scale = max((max(abs(r["change_low"]), abs(r["change_high"])) for r in rows), default=ZERO)
    out = []
    for r in rows:
        left, _, right = tornado_bar(r["change_low"], r["change_high"], scale, CHART_BAR).partition("│")
        out.append({"label": _cut(r["label"], CHART_LABEL), "left": left.strip(), "right": right.strip(),
                    "low": whole_euros(r["change_low"], lang), "high": whole_euros(r["change_high"], lang)})
    return out


def _sensitivity_view(sens, result: Result, lang: str, tariffs_file: str, shown) -> dict:
    """The rows of ``bcalc sensitivity --format json`` (the same figures), with what the report shows."""
    from bcalc.render import sensitivity_view as view

    W, U = view.WORDS[lang], WORDS[lang]
    data = view.to_dict(sens, lang)
    has_npv = data["base"]["npv"] is not None
    rows = []
    for r, d in zip(sens.rows, data["inputs"]):
        inp = r.input
        npv = {k: Decimal(d[k]) if d[k] is not None else None for k in ("npv_low", "npv_high")}
        rows.append({
            "key": d["input"], "label": d["label"], "unit": d["unit"], "origin_code": d["origin"],
            "low": Decimal(d["low"]), "mode": Decimal(d["mode"]), "high": Decimal(d["high"]),
            "range": f"{view.fmt_value(inp.unit, inp.low, lang)} – {view.fmt_value(inp.unit, inp.high, lang)}",
            "origin": view.origin_short(inp, sens.settings, lang),
            "net_low": Decimal(d["net_low"]), "net_high": Decimal(d["net_high"]), **npv,
            "change_low": Decimal(d["change_net_low"]), "change_high": Decimal(d["change_net_high"]),
            "swing": Decimal(d["swing"]),
        })
    base = W["base"].format(net=fmt_money(sens.base.net, lang))
    if has_npv:
        base += W["base_npv"].format(npv=fmt_money(sens.base.npv, lang),
                                     rate=fmt_percent(result.case.discount_rate, lang))
    heads = [U["sens_input"], U["sens_range"], U["sens_origin"], U["sens_net_low"], U["sens_net_high"]]
    heads += [U["sens_npv_low"], U["sens_npv_high"]] if has_npv else []
    heads += [U["sens_swing"]]
    chart = _tornado(rows, lang, U) if rows else []
    return {
        "intro": U["sens_intro"].format(scenario=shown(sens.scenario), end=LABELS[lang].get(sens.prices, sens.prices)),
        "base": base + ".",
        "has_npv": has_npv,
        "heads": heads,
        "rows": rows,
        "none": W["none"],
        "chart": chart,
        "chart_rows": _tornado_rows(rows, lang) if rows else [],
        "fence": _fence(chart),
        "chart_note": U["sens_chart_note"],
        "idle": W["idle"].format(names=", ".join(say(i.label, lang) for i in sens.without_effect))
        if sens.without_effect else "",
        "notes": [say(n, lang) for n in sens.notes],
        "assumptions": view.assumptions_text(sens.settings, tariffs_file, lang) + " " + U["sens_index"],
        "settings": view.assumptions_dict(sens.settings),
    }


def _simulation_view(sim, result: Result, lang: str, tariffs_file: str, shown) -> dict:
    """The figures of ``bcalc simulate --format json`` with the report's draws and seed."""
    U = WORDS[lang]
    if sim is None:
        return {"available": False, "missing": U["sim_missing"]}
    from bcalc.render import simulate_view as view
    from bcalc.render.sensitivity_view import assumptions_text, fmt_value, origin_text

    W = view.WORDS[lang]
    data = view.to_dict(sim, lang)
    stats = []
    for k in ("cost", "benefits", "funding", "net", "npv"):
        s = data["stats"].get(k)
        if s is None:
            continue
        stats.append({"key": k, "label": W[k], "strong": k in ("net", "npv"),
                      "values": [Decimal(s["p10"]), Decimal(s["p50"]), Decimal(s["p90"]), Decimal(s["mean"]),
                                 Decimal(data["base"][k])]})
    of = sim.probability_of
    probability = data[f"probability_{of}_nonnegative"]
    prob_text = view.probability_text(sim, lang)
    inputs = [{"key": i.key, "label": say(i.label, lang), "unit": i.unit, "low": i.low, "mode": i.mode, "high": i.high,
               "low_text": fmt_value(i.unit, i.low, lang), "mode_text": fmt_value(i.unit, i.mode, lang),
               "high_text": fmt_value(i.unit, i.high, lang), "origin": origin_text(i, sim.settings, lang)}
              for i in sim.inputs]
    deviation = Decimal(data["check"]["max_deviation"])
    end = LABELS[lang].get(result.prices_end, result.prices_end)
    return {
        "available": True,
        "draws": sim.draws,
        "seed": sim.seed,
        "intro": U["sim_intro"].format(draws=view._int(sim.draws, lang), seed=sim.seed, plain=sim.draws),
        "percentiles": U["sim_percentiles"],
        "facts": W["facts"].format(draws=view._int(sim.draws, lang), seed=sim.seed, scenario=shown(sim.scenario),
                                   inputs=len(sim.inputs)),
        "stats_title": W["stats"],
        "heads": [U["sim_outcome"], "P10", "P50", "P90", _capital(W["mean"]), _capital(W["estimate"])],
        "stats": stats,
        "probability": probability,
        "probability_of": of,
        "probability_text": prob_text.rstrip("."),
        "settled": sim.settled,
        "scope": view.scope_text(sim, lang),
        "kinds": view.kinds_text(sim, lang),
        "inputs_title": W["inputs"],
        "input_heads": [_capital(W[k]) for k in ("input", "low", "mode", "high", "origin")],
        "inputs": inputs,
        "no_inputs": W["no_inputs"],
        "check_draws": sim.check_draws,
        "max_deviation": deviation,
        "check": W["check"].format(dev=fmt_money(deviation, lang), n=sim.check_draws),
        "method": W["method"],
        "prices_note": (U["sim_prices_mid"].format(end=end)
                        if result.prices_end != "mid" and any(i.origin == "range" for i in sim.inputs) else ""),
        "assumptions": assumptions_text(sim.settings, tariffs_file, lang),
    }


def uncertainty(bundle, lang: str = "nl", shown=str) -> dict:
    """The sensitivity (as ``bcalc sensitivity``) and the simulation (as ``bcalc simulate`` with the
    report's draws and seed), for the Markdown report and the workbook. ``shown`` writes data text
    (the scenario's name) into the sentences that are ready to place: the Markdown escapes it."""
    result, sens, sim = bundle.result, bundle.sensitivity, bundle.simulation
    where = _tariffs_file(bundle.tariffs)
    return {"sensitivity": _sensitivity_view(sens, result, lang, where, shown),
            "simulation": _simulation_view(sim, result, lang, where, shown)}
