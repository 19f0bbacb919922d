"""Chapter 7, the result per year: cost, funding, benefits and net with the cumulative net, the
benefits the case names and the investment figures (NPV, IRR, payback, break-even)."""

from __future__ import annotations

from bcalc.money import ZERO
from bcalc.render.labels import break_even_text, evidence_name, role_name
from bcalc.render.report_md.format import money, num, pct, share

WORDS = {
    "nl": {
        "h_result": "Resultaat per jaar",
        "cumulative": "Cumulatief netto",
        "result_note_negative": "Het cumulatieve netto resultaat is aan het eind van de looptijd negatief.",
        "result_note_turns": "Het cumulatieve netto resultaat wordt positief in {year}.",
        "result_note_positive": "Het cumulatieve netto resultaat is vanaf het eerste jaar positief.",
        "h_benefits": "Baten",
        "b_minutes": "minuten",
        "b_hours": "uur",
        "b_per_day": "per cliënt per dag",
        "b_per_week": "per cliënt per week",
        "b_per_month": "per cliënt per maand",
        "b_per_year": "per cliënt per jaar",
        "b_no_source": "geen bron opgegeven",
        "b_benefit": "Baat",
        "b_what": "Omvang",
        "b_realisation": "Realisatie",
        "b_cash": "Kasbaat",
        "b_hours_col": "Uren",
        "b_fte": "Fte per jaar",
        "b_amount": "Waarde",
        "b_source": "Bron",
        "b_yes": "ja",
        "b_no": "nee",
        "b_note": (
            "Alleen kasbaten verlagen het budget; vrijgekomen tijd die in zorg wordt geherinvesteerd is een "
            "baat, geen besparing. Bedenk vooraf wat u met de vrijgekomen tijd doet (001:236-237)."),
        "h_investment": "Investering",
        "i_npv": "Netto contante waarde",
        "i_irr": "Interne rentevoet",
        "i_payback": "Terugverdientijd",
        "i_dpayback": "Verdisconteerde terugverdientijd",
        "i_break_even": "Break-even cliënten per jaar",
        "i_cash": "Netto kasstroom (financiering + kasbaten - kosten)",
        "i_value_view": "Waardeweergave (alle baten)",
        "i_budget_view": "Begrotingsweergave (alleen kasbaten)",
        "i_only_value": "alleen waardeweergave",
        "i_owed": "Nog verschuldigd na de looptijd",
        "i_no_rate": "geen discontovoet in de case",
        "i_convention": (
            "Conventie: het eerste kalenderjaar van de case is het basisjaar; de netto stroom van jaar k wordt "
            "gedeeld door (1 + r)^(k - 1). Terugverdientijd: de eerste maand vanaf welke het cumulatieve netto "
            "resultaat tot het einde van de looptijd niet meer onder nul komt. Break-even: het kleinste aantal "
            "cliënten per jaar (in elke inzet en elk jaar gelijk) waarbij het netto resultaat over de looptijd "
            "niet negatief is."),
    },
    "en": {
        "h_result": "Result per year",
        "cumulative": "Cumulative net",
        "result_note_negative": "The cumulative net result is negative at the end of the horizon.",
        "result_note_turns": "The cumulative net result turns positive in {year}.",
        "result_note_positive": "The cumulative net result is positive from the first year.",
        "h_benefits": "Benefits",
        "b_minutes": "minutes",
        "b_hours": "hours",
        "b_per_day": "per client per day",
        "b_per_week": "per client per week",
        "b_per_month": "per client per month",
        "b_per_year": "per client per year",
        "b_no_source": "no source given",
        "b_benefit": "Benefit",
        "b_what": "Size",
        "b_realisation": "Realisation",
        "b_cash": "Cashable",
        "b_hours_col": "Hours",
        "b_fte": "FTE a year",
        "b_amount": "Value",
        "b_source": "Source",
        "b_yes": "yes",
        "b_no": "no",
        "b_note": (
            "Only cashable benefits lower the budget; freed time reinvested in care is a benefit, not a "
            "saving. Decide beforehand what to do with the freed time (001:236-237)."),
        "h_investment": "Investment",
        "i_npv": "Net present value",
        "i_irr": "Internal rate of return",
        "i_payback": "Payback",
        "i_dpayback": "Discounted payback",
        "i_break_even": "Break-even clients per year",
        "i_cash": "Net cash flow (funding + cashable benefits - cost)",
        "i_value_view": "Value view (all benefits)",
        "i_budget_view": "Budget view (cashable benefits only)",
        "i_only_value": "value view only",
        "i_owed": "Still owed after the horizon",
        "i_no_rate": "no discount rate in the case",
        "i_convention": (
            "Convention: the first calendar year of the case is the base year; the net flow of year k is "
            "divided by (1 + r)^(k - 1). Payback: the first month from which the cumulative net result stays "
            "at or above zero to the end of the horizon. Break-even: the smallest number of clients per year "
            "(the same in every deployment and year) at which the net result over the horizon is not negative."),
    },
}


def years(result, L: dict) -> dict:
    """One row per calendar year with the cumulative net and the coverage, and the sentence on
    when the cumulative net turns positive."""
    rows = []
    cumulative = ZERO
    for row in result.per_year:
        t = row.totals
        cumulative += t.net
        rows.append({"year": row.year, "months": row.months, "totals": t, "cumulative": cumulative,
                     "coverage": share(t.funding, t.cost)})
    if cumulative <= 0:
        note = L["result_note_negative"]
    elif all(r["cumulative"] > 0 for r in rows):
        note = L["result_note_positive"]
    else:
        last_negative = max(r["year"] for r in rows if r["cumulative"] <= 0)
        note = L["result_note_turns"].format(year=last_negative + 1)
    return {"years": rows, "partial_years": any(r["months"] != 12 for r in rows), "result_note": note}


def operating(result, L: dict, lang: str) -> dict | None:
    """The operating view beside the cash result (bcalc.core.assets); None when the case owns no
    item with a lifetime, so the chapter stays as it was."""
    from bcalc.render import operating as view

    table = view.rows(result, lang)
    if not table:
        return None
    return {"years": [r.year for r in result.per_year],
            "rows": [{"label": name, "cells": values, "strong": strong} for name, values, strong in table],
            "notes": view.notes(result, lang, lambda v: money(v, lang))}


def parties(result, lang: str) -> dict | None:
    """Who pays and who gains per party per calendar year (bcalc.core.parties); None where one party pays
    and gains everything, so the chapter stays as it was."""
    from bcalc.render import party_rows

    if not party_rows.shown(result):
        return None
    return {"title": party_rows.word("title", lang), "years": [r.year for r in result.per_year],
            "rows": [{"label": name, "cells": values, "strong": strong}
                     for name, values, strong in party_rows.rows(result, lang)],
            "co_funding": party_rows.co_funding_sentence(result, lang, lambda v: money(v, lang)),
            "convention": party_rows.word("convention", lang)}


def benefit_rows(result, L: dict, lang: str) -> list[dict]:
    """One row per declared benefit: what it is, where the figure comes from, hours and euros."""
    case = result.case
    rows = []
    by_index: dict[int, list] = {}
    for x in result.benefits:
        by_index.setdefault(x.index, []).append(x)
    for index, b in enumerate(case.benefits):
        mine = by_index.get(index, [])
        hours = sum((x.hours for x in mine), ZERO)
        fte = None
        if case.hours_per_fte and hours:
            fte = hours / case.hours_per_fte / case.years  # a yearly average over the horizon
        if b.kind == "time":
            what = (f"{num(b.minutes if b.minutes is not None else b.hours, lang, 1)} "
                    f"{L['b_minutes'] if b.minutes is not None else L['b_hours']} {L['b_per_' + b.per]}, "
                    f"{role_name(b.role, lang)}")
        else:
            what = f"{money(b.amount, lang)} {L['b_per_' + b.per]}"
        rows.append({"label": b.label, "what": what, "realisation": b.realisation, "cashable": b.cashable,
                     "hours": hours, "fte": fte, "amount": sum((x.amount for x in mine), ZERO),
                     "source": b.source or L["b_no_source"],
                     "evidence": evidence_name(b.evidence, lang)})
    return rows


def investment(result, L: dict, lang: str) -> dict | None:
    inv = result.investment
    if inv is None:
        return None
    month = (lambda n: L["not_within"] if n is None else L["month_n"].format(n=n))
    irr_text = (pct(inv.irr, lang, 2) if inv.irr is not None else L[f"irr_{inv.irr_note}"])
    two = list(inv.cash_flows) != list(inv.flows)   # benefits that are not cash: the budget view differs
    cash = None
    if two:
        cash = {"npv": inv.cash_npv, "irr": pct(inv.cash_irr, lang, 2) if inv.cash_irr is not None
                else L[f"irr_{inv.cash_irr_note}"], "payback": month(inv.cash_payback_month)}
    return {
        "two_views": two, "cash": cash,
        "rate": pct(inv.discount_rate, lang) if inv.discount_rate is not None else None,
        "npv": inv.npv, "irr": irr_text, "payback": month(inv.payback_month),
        "discounted_payback": month(inv.discounted_payback_month) if inv.discount_rate is not None else None,
        "break_even": break_even_text(inv, lang),
        "cash_net": result.total.cash_net, "cashable": result.total.cashable,
        "owed": result.owed_after_horizon,
    }


def phases(result, lang: str) -> str:
    """The figures per phase and the go/no-go criteria of the gates, as Markdown ("" without phases)."""
    if not result.per_phase:
        return ""
    from bcalc.render.estimate_md import phases_md

    return "\n".join(phases_md(result, lang, "###")).strip("\n")
