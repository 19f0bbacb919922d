"""Phases and gates in words: the columns of the per-phase tables and the go/no-go criteria.

The core gives codes and numbers (``bcalc.core.gates``); the sentences are here, in Dutch and English.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from bcalc.core.phases import month_label
from bcalc.models import GATE_KPIS, Result
from bcalc.money import fmt_money, fmt_percent, nl_number, en_number

PER = {"nl": {"day": "dag", "week": "week", "month": "maand", "year": "jaar"},
       "en": {"day": "day", "week": "week", "month": "month", "year": "year"}}
TIMING = {"nl": {"monthly": "per maand", "yearly": "per jaar", "daily": "per dag"},
          "en": {"monthly": "a month", "yearly": "a year", "daily": "a day"}}
VIEW = {"nl": {"value": "waardeweergave", "budget": "begrotingsweergave"},
        "en": {"value": "value view", "budget": "budget view"}}
KPI = {"nl": {"clients": "cliënten in gebruik aan het eind van de fase", "minutes_per_day":
              "minuten vrijgemaakt per cliënt per dag", "cost_per_client_month": "kosten per cliënt per maand"},
       "en": {"clients": "clients in use at the end of the phase", "minutes_per_day":
              "minutes freed per client per day", "cost_per_client_month": "cost per client per month"}}


def phase_column(result: Result, row) -> str:
    """A phase's column head: its name and months (2027-01..2027-06)."""
    case = result.case
    return f"{row.name} {month_label(case, row.first)}..{month_label(case, row.first + row.months - 1)}"


def _number(value: Decimal, lang: str, places: int = 1) -> str:
    text = nl_number(value, places) if lang == "nl" else en_number(value, places)
    return text


def minutes_shown(value: Decimal) -> Decimal:
    """Minutes as shown: rounded up to a tenth, so that the figure said is enough."""
    return value.quantize(Decimal("0.1"), rounding=ROUND_CEILING)


def _plain(value: Decimal, lang: str) -> str:
    text = f"{value.normalize():f}"
    return text.replace(".", ",") if lang == "nl" else text


def threshold_sentence(result: Result, gate, t, lang: str) -> str:
    """One computed threshold of a gate as a go/no-go criterion."""
    phases = result.case.phases
    nxt = phases[gate.phase + 1].name
    Nxt = nxt[:1].upper() + nxt[1:]
    now = gate.name
    view = VIEW[lang][t.view]
    nl = lang == "nl"
    if t.kpi == "clients":
        if t.code == "always":
            return (f"{Nxt} loont ({view}) al met 1 cliënt in gebruik per inzet (het plan: {t.current})." if nl else
                    f"{Nxt} pays off ({view}) with a single client in use per deployment (the plan: {t.current}).")
        if t.code == "ok":
            return (f"{Nxt} loont ({view}) met minstens {t.value} cliënten in gebruik per inzet (het plan: "
                    f"{t.current})." if nl else
                    f"{Nxt} pays off ({view}) with at least {t.value} clients in use per deployment (the plan: "
                    f"{t.current}).")
        if t.code == "beyond_limit":
            return (f"{Nxt} loont ({view}) pas boven een miljoen cliënten: in de praktijk niet." if nl else
                    f"{Nxt} pays off ({view}) only beyond a million clients: in practice not.")
        return (f"{Nxt} loont ({view}) bij geen enkel aantal cliënten: elke cliënt kost meer dan hij oplevert."
                if nl else f"{Nxt} does not pay off ({view}) at any number of clients: each client costs more "
                           f"than it brings in.")
    if t.kpi == "minutes":
        per = PER[lang].get(t.per, t.per)
        if t.code == "ok":
            shown = _number(minutes_shown(t.value), lang)
            return (f"{Nxt} loont ({view}) als de {now} minstens {shown} minuten per cliënt per {per} vrijmaakt "
                    f"(het plan: {_plain(t.current, lang)})." if nl else
                    f"{Nxt} pays off ({view}) if the {now} shows at least {shown} minutes freed per client per {per} "
                    f"(the plan: {_plain(t.current, lang)}).")
        if t.code == "always":
            return (f"{Nxt} loont ({view}) ook zonder vrijgemaakte tijd." if nl else
                    f"{Nxt} pays off ({view}) even without time freed.")
        if t.code == "no_benefit":
            return (f"De case noemt geen vrijgemaakte tijd: geen drempel in minuten ({view})." if nl else
                    f"The case states no time freed: no threshold in minutes ({view}).")
        return (f"Vrijgemaakte tijd verandert de {view} niet (tijd die in de zorg blijft is geen geld in het "
                f"budget): {nxt} loont daar niet door meer minuten." if nl else
                f"Time freed does not change the {view} (time kept in care is no money in the budget): more "
                f"minutes do not make {nxt} pay off there.")
    # price of the main item
    timing = TIMING[lang].get(t.per, "")
    if t.code == "ok":
        return (f"{Nxt} loont ({view}) als de prijs van {t.label} hoogstens {fmt_money(t.value, lang)} {timing} is "
                f"(het plan: {fmt_money(t.current, lang)})." if nl else
                f"{Nxt} pays off ({view}) if the price of {t.label} is at most {fmt_money(t.value, lang)} {timing} "
                f"(the plan: {fmt_money(t.current, lang)}).")
    if t.code == "never":
        return (f"{Nxt} loont ({view}) ook niet als {t.label} niets kost." if nl else
                f"{Nxt} does not pay off ({view}) even if {t.label} cost nothing.")
    if t.code == "no_item":
        return (f"Inzet 1 heeft geen terugkerende post: geen drempel voor de prijs ({view})." if nl else
                f"Deployment 1 has no recurring item: no price threshold ({view}).")
    return (f"De prijs van {t.label} verandert de {view} na de gate niet." if nl else
            f"The price of {t.label} does not change the {view} after the gate.")


def criterion_sentence(c, lang: str, gate=None) -> str:
    """One of the case's own gate criteria; for a built-in KPI with the threshold bcalc computed beside it."""
    nl = lang == "nl"
    what = c.label or KPI[lang].get(c.kpi, c.kpi)
    unit = f" {c.unit}" if c.unit else ""
    if c.min is not None:
        text = (f"Eigen criterium: {what} minstens {_plain(c.min, lang)}{unit}" if nl else
                f"Own criterion: {what} at least {_plain(c.min, lang)}{unit}")
    else:
        text = (f"Eigen criterium: {what} hoogstens {_plain(c.max, lang)}{unit}" if nl else
                f"Own criterion: {what} at most {_plain(c.max, lang)}{unit}")
    computed = _computed(c, gate, lang)
    return text + (f" ({computed})." if computed else ".")


def _computed(c, gate, lang: str) -> str:
    """What bcalc computed for the criterion's KPI in the value view, in words ("" where nothing)."""
    if gate is None:
        return ""
    view = VIEW[lang]["value"]
    for t in gate.thresholds:
        if t.view != "value" or t.code not in ("ok", "always"):
            continue
        if c.kpi == "clients" and t.kpi == "clients":
            return (f"berekend, {view}: minstens {t.value} nodig" if lang == "nl" else
                    f"computed, {view}: at least {t.value} needed")
        if c.kpi == "minutes_per_day" and t.kpi == "minutes" and t.per == "day":
            shown = _number(minutes_shown(t.value), lang)
            return (f"berekend, {view}: minstens {shown} nodig" if lang == "nl" else
                    f"computed, {view}: at least {shown} needed")
    return ""


def gate_head(result: Result, gate, lang: str) -> str:
    name = gate.label or (f"einde {gate.name}" if lang == "nl" else f"end of {gate.name}")
    return f"Go/no-go: {name}"


def rest_sentence(result: Result, gate, lang: str) -> str:
    from bcalc.money import ZERO

    since = month_label(result.case, gate.rest_first)
    # the phases after the gate as the table above shows them (each line rounded once per phase), so the
    # sentence and the table agree; the thresholds are worked out on the exact months
    rest = result.per_phase[gate.phase + 1:]
    v = fmt_money(sum((p.totals.net for p in rest), ZERO), lang)
    b = fmt_money(sum((p.totals.cash_net for p in rest), ZERO), lang)
    if lang == "nl":
        return (f"De rest van de route vanaf {since} (wat vóór de gate is uitgegeven telt niet mee) levert volgens "
                f"plan {v} op in de waardeweergave en {b} in de begrotingsweergave.")
    return (f"The rest of the route from {since} (what was spent before the gate does not count) yields {v} in the "
            f"value view and {b} in the budget view, as planned.")


def gate_summary(result: Result, lang: str) -> list[dict]:
    """Per gate one sentence for the summary of the business case: what the phase must show in the value
    view (the minutes freed where the case has time benefits, else the clients), with where the rest is."""
    out = []
    for gate in result.gates:
        pick = None
        for kpi in ("minutes", "clients", "price"):
            pick = next((t for t in gate.thresholds if t.kpi == kpi and t.view == "value" and t.code == "ok"), None)
            if pick is not None:
                break
        if pick is None:
            continue
        head = gate.label or (f"Go/no-go na de {gate.name}" if lang == "nl" else f"Go/no-go after the {gate.name}")
        out.append({"head": head, "text": threshold_sentence(result, gate, pick, lang)})
    return out


def gate_lines(result: Result, lang: str) -> list[tuple[str, list[str]]]:
    """Per gate: its head and its sentences (the rest's net, the computed criteria, the case's own)."""
    out = []
    for gate in result.gates:
        lines = [rest_sentence(result, gate, lang)]
        lines += [threshold_sentence(result, gate, t, lang) for t in gate.thresholds]
        lines += [criterion_sentence(c, lang, gate) for c in gate.criteria]
        out.append((gate_head(result, gate, lang), lines))
    return out


__all__ = ["phase_column", "gate_lines", "gate_head", "rest_sentence", "threshold_sentence", "criterion_sentence",
           "minutes_shown", "GATE_KPIS", "fmt_percent"]
