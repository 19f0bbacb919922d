"""Chapter 1, the summary: the decision in three numbers, the horizon and the cost per client per
month (also the title of the report)."""

from __future__ import annotations

from bcalc.render.report_md.format import month_name, share
from bcalc.core.selection import client_months as in_use
from bcalc.render.phase_words import gate_summary
from bcalc.money import fmt_money as money
from bcalc.render.labels import unmeasured_sentence

WORDS = {
    "nl": {
        "title": "Businesscase",
        "h_summary": "Samenvatting",
        "key_figure": "Kengetal",
        "value": "Waarde",
        "total_cost": "Totale kosten",
        "total_funding": "Totale financiering",
        "total_benefits": "Totale baten",
        "net_result": "Netto resultaat",
        "cost_per_client_month": "Kosten per cliënt per maand",
        "horizon": "Looptijd",
        "horizon_text": "{years} jaar ({months} maanden): {first} t/m {last}",
        "horizon_short": "{years} jaar ({first} t/m {last})",
        "summary_sentence": (
            "In {horizon} kost deze inzet van zorgtechnologie {cost}, inclusief niet-terugvorderbare btw en "
            "gewaardeerde interne uren."),
        "summary_funding": (
            "Daar staat {funding} aan financiering tegenover, {share} van de kosten; het netto resultaat is "
            "{net}."),
        "summary_no_funding": (
            "De case noemt geen financiering, dus het netto resultaat is {net}; hoofdstuk {n} noemt de "
            "mogelijke financieringsroutes."),
        "summary_no_funding_benefits": (
            "De case noemt geen financiering (hoofdstuk {n} noemt de mogelijke routes); met {benefits} aan "
            "gewaardeerde baten is het netto resultaat {net}, waarvan {cashable} kasbaten: de begroting zelf "
            "ziet netto {cash_net}."),
        "summary_price_level": (
            "Let op: de bedragen rusten op indicatieve catalogusprijzen van prijspeil {years}, opgegeven door "
            "de leveranciers (001:4084-4090); vraag offertes voordat u besluit."),
        "h_decision": "Het besluit",
        "d_figure": "Netto over de looptijd",
        "d_budget": "financiering plus kasbaten min kosten",
        "d_budget_net": "Netto voor de begroting",
        "d_value": "waarde: financiering plus alle baten min kosten",
        "d_range": "Netto in de scenario's, slechtste tot beste",
        "d_range_text": "{low} tot {high}",
        "d_sure": "Hoe zeker",
        "d_word": "Op wiens woord",
        "d_sure_scope": "; daarin variëren {kinds}",
        "d_measured": "de case noemt geen baten die op een claim of aanname rusten.",
        "d_no_benefits": "de case waardeert geen baten; het netto resultaat is kosten min financiering.",
        "summary_views": (
            "Waardeweergave (financiering plus alle baten min kosten): netto {net}. Begrotingsweergave "
            "(financiering plus alleen kasbaten min kosten): netto {cash}; dat ziet de begroting."),
        "summary_cpm": (
            "Kosten per cliënt per maand zijn de totale kosten gedeeld door het aantal cliëntmaanden: de som "
            "over alle inzetten van het aantal cliënten in gebruik per contractjaar maal 12 maanden "
            "({client_months} cliëntmaanden)."),
        "summary_cpm_phases": (
            "Kosten per cliënt per maand zijn de totale kosten gedeeld door het aantal cliëntmaanden: de som "
            "over alle inzetten van het aantal cliënten in gebruik in elke fase (per contractjaar) maal de "
            "maanden daarvan ({client_months} cliëntmaanden)."),
        "summary_no_clients": "Er zijn geen cliënten in gebruik; kosten per cliënt per maand zijn niet te berekenen.",
        "summary_benefits": (
            "Baten (bespaarde uren, vermeden kosten) zijn nog niet in geld uitgedrukt. Het netto resultaat is "
            "daarmee het bedrag dat de baten over de looptijd moeten opleveren om quitte te spelen: "
            "{per_month} per cliënt per maand."),
        "summary_benefits_positive": (
            "Baten (bespaarde uren, vermeden kosten) zijn nog niet in geld uitgedrukt; ze komen bovenop het "
            "netto resultaat."),
        "summary_benefits_valued": "De baten zijn gewaardeerd op {benefits} over de looptijd.",
        "summary_bc": (
            "Een businesscase weegt doelen, kosten, baten en risico's voordat een project breder wordt "
            "uitgerold (000:879-885). Dit document geeft de kosten en de financiering; doelen, baten en "
            "risico's vult de organisatie zelf aan. Alle bedragen in euro's."),
        "summary_bc_benefits": (
            "Een businesscase weegt doelen, kosten, baten en risico's voordat een project breder wordt "
            "uitgerold (000:879-885). Dit document geeft de kosten, de financiering en de baten die de case "
            "noemt, met hun bron; doelen en risico's vult de organisatie zelf aan. Alle bedragen in euro's."),
    },
    "en": {
        "title": "Business case",
        "h_summary": "Summary",
        "key_figure": "Key figure",
        "value": "Value",
        "total_cost": "Total cost",
        "total_funding": "Total funding",
        "total_benefits": "Total benefits",
        "net_result": "Net result",
        "cost_per_client_month": "Cost per client per month",
        "horizon": "Horizon",
        "horizon_text": "{years} years ({months} months): {first} to {last}",
        "horizon_short": "{years} years ({first} to {last})",
        "summary_sentence": (
            "Over {horizon} this deployment of care technology costs {cost}, including non-recoverable VAT and "
            "valued internal hours."),
        "summary_funding": "Funding of {funding} stands against it, {share} of the cost; the net result is {net}.",
        "summary_no_funding": (
            "The case names no funding, so the net result is {net}; chapter {n} lists the possible funding "
            "routes."),
        "summary_no_funding_benefits": (
            "The case names no funding (chapter {n} lists the possible routes); with {benefits} of valued "
            "benefits the net result is {net}, of which {cashable} cashable: the budget itself sees a net "
            "{cash_net}."),
        "summary_price_level": (
            "Note: the amounts rest on indicative catalogue prices at the {years} price level, supplied by the "
            "suppliers (001:4084-4090); ask for quotes before deciding."),
        "h_decision": "The decision",
        "d_figure": "Net over the horizon",
        "d_budget": "funding plus cash benefits minus costs",
        "d_budget_net": "Net for the budget",
        "d_value": "value: funding plus all benefits minus costs",
        "d_range": "Net across the scenarios, worst to best",
        "d_range_text": "{low} to {high}",
        "d_sure": "How sure",
        "d_word": "On whose word",
        "d_sure_scope": "; the draws vary {kinds}",
        "d_measured": "the case names no benefits that rest on a claim or an assumption.",
        "d_no_benefits": "the case values no benefits; the net result is costs less funding.",
        "summary_views": (
            "Value view (funding plus all benefits minus cost): net {net}. Budget view (funding plus cashable "
            "benefits only, minus cost): net {cash}; this is what the budget sees."),
        "summary_cpm": (
            "Cost per client per month is the total cost divided by the number of client-months: the sum over "
            "all deployments of the clients in use per contract year times 12 months ({client_months} "
            "client-months)."),
        "summary_cpm_phases": (
            "Cost per client per month is the total cost divided by the number of client-months: the sum over "
            "all deployments of the clients in use in each phase (per contract year) times its months "
            "({client_months} client-months)."),
        "summary_no_clients": "No clients are in use; cost per client per month cannot be computed.",
        "summary_benefits": (
            "Benefits (hours saved, costs avoided) are not yet valued in money. The net result is therefore "
            "what the benefits must yield over the horizon to break even: {per_month} per client per month."),
        "summary_benefits_positive": (
            "Benefits (hours saved, costs avoided) are not yet valued in money; they come on top of the net "
            "result."),
        "summary_benefits_valued": "Benefits are valued at {benefits} over the horizon.",
        "summary_bc": (
            "A business case weighs objectives, costs, benefits and risks before a project is rolled out more "
            "widely (000:879-885). This document gives the costs and the funding; objectives, benefits and "
            "risks are for the organisation to add. All amounts in euros."),
        "summary_bc_benefits": (
            "A business case weighs objectives, costs, benefits and risks before a project is rolled out more "
            "widely (000:879-885). This document gives the costs, the funding and the benefits the case names, "
            "with their sources; objectives and risks are for the organisation to add. All amounts in euros."),
    },
}


def summary(result, figures: list[dict], L: dict, lang: str) -> dict:
    case, total = result.case, result.total
    n_months = case.years * 12
    last_index = case.start_month - 1 + n_months - 1
    first = month_name(case.start_year, case.start_month, lang)
    last = month_name(case.start_year + last_index // 12, last_index % 12 + 1, lang)
    client_months = in_use((case.deployments[p.deployment] for p in result.products), case)
    old_levels = [y for y in result.price_years if y < case.start_year]
    price_level_note = (L["summary_price_level"].format(years=", ".join(str(y) for y in old_levels))
                        if old_levels and any(f["source"] != L["from_case"] for f in figures) else "")
    return {
        "cost": total.cost, "funding": total.funding, "benefits": total.benefits, "net": total.net,
        "coverage": share(total.funding, total.cost),
        "client_months": client_months,
        "cost_per_client_month": total.cost / client_months if client_months else None,
        "net_cost_per_client_month": -total.net / client_months if client_months else None,
        "horizon": L["horizon_text"].format(years=case.years, months=n_months, first=first, last=last),
        "horizon_short": L["horizon_short"].format(years=case.years, first=first, last=last),
        "price_level_note": price_level_note,
        "unmeasured_note": unmeasured_sentence(result, lang) or "",
        "gates": gate_summary(result, lang) if result.gates else [],
        "views_note": (L["summary_views"].format(net=money(total.net, lang), cash=money(total.cash_net, lang))
                       if total.benefits and total.funding else ""),
    }
