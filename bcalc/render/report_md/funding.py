"""Chapter 6, funding and coverage: the funding lines, the coverage per year, the VPT day rate
next to the technology cost per client-day, or, without funding, the possible routes."""

from __future__ import annotations

from bcalc.money import ZERO, round_cents
from bcalc.render.report_md.format import money, num, places

WORDS = {
    "nl": {
        "h_funding": "Financiering en dekking",
        "h_funding_lines": "Financieringsregels",
        "h_coverage": "Dekking van de kosten",
        "h_vpt": "VPT: technologiekosten naast het beschikbare deel van het dagtarief",
        "h_routes": "Mogelijke financieringsroutes",
        "basis": "Grondslag",
        "fixed_amount": "vast bedrag",
        "from_rules": "{share} van {eligible} subsidiabele kosten",
        "from_rules_max": "{share} van {eligible} subsidiabele kosten, afgetopt op {maximum}",
        "from_rules_min": "onder het minimum van de regeling ({minimum}): geen subsidie",
        "hours_x": "{q} uur × {rate}",
        "days_x": "{q} cliëntdagen × {rate}",
        "follows_deployment": "{basis}; cliënten van inzet {n}",
        "coverage": "Dekking",
        "coverage_note": "Dekking is financiering gedeeld door kosten; '-' waar de kosten nul zijn.",
        "vpt_intro": (
            "Het VPT betaalt technologie uit het dagtarief. Technologiekosten per cliënt per dag zijn de "
            "totale kosten van het jaar (alle inzetten) gedeeld door het aantal VPT-cliëntdagen van dat jaar "
            "in de looptijd; beschikbaar per cliënt per dag is het technologiedeel van het dagtarief "
            "(financiering gedeeld door cliëntdagen)."),
        "client_days": "Cliëntdagen",
        "cost_per_day": "Kosten per cliënt per dag",
        "available_per_day": "Beschikbaar per cliënt per dag",
        "gap_per_day": "Verschil per cliënt per dag",
        "no_funding_text": "De case noemt geen financiering: de kosten zijn volledig voor rekening van de organisatie.",
        "routes_intro": "Mogelijke routes uit de tarieventabel (data/tariffs.yaml):",
        "name": "Naam",
        "domain": "Domein",
        "tariff": "Tarief",
        "tariff_not_public": "niet openbaar; uit het contract",
        "tariff_subsidy": "bedrag uit de subsidiebeschikking",
        "routes_note": (
            "De tarieven van deze prestaties zijn niet openbaar: het tarief volgt uit het contract met de "
            "zorgverzekeraar (Zvw) of het zorgkantoor (Wlz), een subsidiebedrag uit de beschikking. Voeg ze "
            "toe onder funding in de case."),
    },
    "en": {
        "h_funding": "Funding and coverage",
        "h_funding_lines": "Funding lines",
        "h_coverage": "Coverage of the cost",
        "h_vpt": "VPT: technology cost next to the available share of the day rate",
        "h_routes": "Possible funding routes",
        "basis": "Basis",
        "fixed_amount": "fixed amount",
        "from_rules": "{share} of {eligible} eligible costs",
        "from_rules_max": "{share} of {eligible} eligible costs, cut to {maximum}",
        "from_rules_min": "below the scheme's minimum ({minimum}): no grant",
        "hours_x": "{q} hours × {rate}",
        "days_x": "{q} client-days × {rate}",
        "follows_deployment": "{basis}; clients of deployment {n}",
        "coverage": "Coverage",
        "coverage_note": "Coverage is funding divided by cost; '-' where the cost is zero.",
        "vpt_intro": (
            "The VPT pays for technology out of the day rate. Technology cost per client per day is the total "
            "cost of the year (all deployments) divided by the VPT client-days of that year in the horizon; "
            "available per client per day is the technology share of the day rate (funding divided by "
            "client-days)."),
        "client_days": "Client-days",
        "cost_per_day": "Cost per client per day",
        "available_per_day": "Available per client per day",
        "gap_per_day": "Difference per client per day",
        "no_funding_text": "The case names no funding: the organisation bears the full cost.",
        "routes_intro": "Possible routes from the tariff table (data/tariffs.yaml):",
        "name": "Name",
        "domain": "Domain",
        "tariff": "Tariff",
        "tariff_not_public": "not public; from the contract",
        "tariff_subsidy": "amount from the grant decision",
        "routes_note": (
            "The tariffs of these services are not public: the tariff follows from the contract with the "
            "health insurer (Zvw) or the care office (Wlz), a subsidy amount from the grant decision. Add them "
            "under funding in the case."),
    },
}


def _subsidy_basis(result, index: int, L: dict, lang: str) -> str:
    """A subsidy's basis: a fixed amount, or what its rules make of the case (bcalc.core.funders)."""
    from bcalc.money import fmt_percent

    line = result.case.funding[index]
    g = next((g for g in result.grants if g.index == index), None)
    if g is None or line.amount is not None or g.computed is None:
        return L["fixed_amount"]
    rules = line.rules
    if g.below_min:
        return L["from_rules_min"].format(minimum=money(rules.minimum, lang))
    key = "from_rules_max" if g.capped else "from_rules"
    return L[key].format(share=fmt_percent(rules.share, lang), eligible=money(g.counted, lang),
                         maximum=money(rules.maximum, lang) if rules.maximum is not None else "")


def funding(result, tariffs, L: dict, lang: str) -> dict:
    cost_by_year = {row.year: row.totals.cost for row in result.per_year}
    funding_rows = []
    vpt_rows = []
    for f in result.funding:
        code = tariffs.funding.get(f.code)
        kind = code.kind if code else "subsidy"
        if kind == "hourly":
            basis = L["hours_x"].format(q=num(f.quantity, lang, places(f.quantity)), rate=money(f.rate, lang))
        elif kind == "vpt":
            basis = L["days_x"].format(q=num(f.quantity, lang, places(f.quantity)),
                                       rate=money(round_cents(f.rate), lang) if f.rate is not None else "-")
        else:
            basis = _subsidy_basis(result, f.index, L, lang)
        if f.deployment is not None:
            basis = L["follows_deployment"].format(basis=basis, n=f.deployment + 1)
        funding_rows.append({"index": f.index, "year": f.year, "code": f.code, "label": f.label, "basis": basis,
                             "amount": f.amount})
        if kind == "vpt" and f.quantity:
            cost_pd = round_cents(cost_by_year.get(f.year, ZERO) / f.quantity)
            avail_pd = round_cents(f.amount / f.quantity)
            vpt_rows.append({"index": f.index, "year": f.year, "label": f.label, "client_days": f.quantity,
                             "cost_per_day": cost_pd, "available_per_day": avail_pd, "gap_per_day": avail_pd - cost_pd})
    funding_rows.sort(key=lambda r: (r["year"], r["index"]))
    vpt_rows.sort(key=lambda r: (r["year"], r["index"]))
    routes = []
    for code in tariffs.funding.values():
        if code.kind == "subsidy":
            tariff = L["tariff_subsidy"]
        elif code.tariffs:
            tariff = ", ".join(f"{y}: {money(v, lang)}" for y, v in sorted(code.tariffs.items()))
        else:
            tariff = L["tariff_not_public"]
        routes.append({"code": code.code, "name": code.name, "domain": code.domain, "unit": code.unit,
                       "tariff": tariff, "source": code.source})
    return {"funding_rows": funding_rows, "vpt_rows": vpt_rows, "routes": routes}
