"""Chapter 5, indexation: the rates per calendar year of the scenario, the contractual caps, and
the short summary of the rates that chapter 2 shows."""

from __future__ import annotations

from decimal import Decimal

from bcalc.render.report_md.format import pct

WORDS = {
    "nl": {
        "h_indexation": "Indexatie",
        "rates_intro": (
            "Percentages per kalenderjaar in scenario {scenario}; het startjaar {first} is het basisjaar "
            "(bedragen zoals opgegeven)."),
        "prices_col": "Leveranciersprijzen",
        "wages_col": "Lonen",
        "tariffs_col": "Tarieven",
        "base_year": "basisjaar",
        "no_anniversary": "geen verjaardag",
        "rates_rules": (
            "Leveranciersprijzen stijgen op elke verjaardag van de start (vanaf contractjaar 2), begrensd door "
            "het plafond van een inzet; de prijskolom geeft het percentage van het jaar waarin de verjaardag "
            "valt. Lonen (uurtarieven) en financieringstarieven stijgen elk 1 januari met het percentage van "
            "dat kalenderjaar, zoals NZa-tarieven en cao-lonen."),
        "caps_intro": "Plafonds uit de contracten:",
        "cap_line": "{deployment}: maximaal {cap} per jaar; toegepast: {applied}",
        "cap_not_binding": "{deployment}: maximaal {cap} per jaar; het scenario blijft eronder",
        "no_caps": "Geen inzet heeft een contractueel plafond op prijsstijgingen; de prijzen volgen het scenario.",
        "scenario_basis_label": "Grondslag van scenario {scenario}",
        "overrides": "De case overschrijft het scenario voor: {kinds}.",
        "kind_prices": "prijzen",
        "kind_wages": "lonen",
        "kind_tariffs": "tarieven",
    },
    "en": {
        "h_indexation": "Indexation",
        "rates_intro": (
            "Rates per calendar year in scenario {scenario}; the start year {first} is the base year (amounts "
            "as given)."),
        "prices_col": "Supplier prices",
        "wages_col": "Wages",
        "tariffs_col": "Tariffs",
        "base_year": "base year",
        "no_anniversary": "no anniversary",
        "rates_rules": (
            "Supplier prices change at each anniversary of the start (contract year 2 onwards), limited by a "
            "deployment's cap; the prices column gives the rate of the year in which the anniversary falls. "
            "Wages (hourly rates) and funding tariffs change each 1 January by that calendar year's rate, as "
            "NZa tariffs and collective wage agreements do."),
        "caps_intro": "Caps from the contracts:",
        "cap_line": "{deployment}: at most {cap} a year; applied: {applied}",
        "cap_not_binding": "{deployment}: at most {cap} a year; the scenario stays below it",
        "no_caps": "No deployment has a contractual cap on price increases; prices follow the scenario.",
        "scenario_basis_label": "Basis of scenario {scenario}",
        "overrides": "The case overrides the scenario for: {kinds}.",
        "kind_prices": "prices",
        "kind_wages": "wages",
        "kind_tariffs": "tariffs",
    },
}

KINDS = ("prices", "wages", "tariffs")


def _rate_groups(rates: dict[int, Decimal], years: list[int]) -> list[tuple[int, int, Decimal]]:
    """Consecutive years with the same rate: (first, last, rate)."""
    out: list[list] = []
    for y in years:
        if y not in rates:
            continue
        r = rates[y]
        if out and out[-1][2] == r and out[-1][1] == y - 1:
            out[-1][1] = y
        else:
            out.append([y, y, r])
    return [tuple(g) for g in out]


def indexation(result, tariffs, deployments: list[dict], L: dict, lang: str) -> dict:
    case = result.case
    years = [row.year for row in result.per_year]
    anniversary_years = {case.start_year + k for k in range(1, case.years)}
    rate_rows = []
    for y in years:
        if y == years[0]:
            rate_rows.append({"year": y, "base": True})
            continue
        rate_rows.append({
            "year": y, "base": False,
            "prices": result.rates["prices"].get(y) if y in anniversary_years else None,
            "wages": result.rates["wages"].get(y),
            "tariffs": result.rates["tariffs"].get(y),
        })
    caps = []
    for dep in deployments:
        cap = dep["index_cap"]
        if cap is None:
            continue
        applied = _rate_groups({y: min(r, cap) for y, r in result.rates["prices"].items()},
                               sorted(anniversary_years))
        binding = any(r > cap for y, r in result.rates["prices"].items() if y in anniversary_years)
        if binding:
            text = L["cap_line"].format(
                deployment=dep["name"], cap=pct(cap, lang),
                applied=", ".join(f"{a if a == b else f'{a}-{b}'} {pct(r, lang)}" for a, b, r in applied))
        else:
            text = L["cap_not_binding"].format(deployment=dep["name"], cap=pct(cap, lang))
        caps.append(text)

    def rate_summary(kind: str) -> str:
        ys = [y for y in years if kind != "prices" or y in anniversary_years]
        parts = []
        for first, last, r in _rate_groups(result.rates[kind], ys):
            span = str(first) if first == last else f"{first}-{last}"
            parts.append(f"{span} {pct(r, lang)}")
        return ", ".join(parts) or "-"

    return {
        "scenario": tariffs.scenarios[result.scenario],
        "scenario_name": result.scenario,
        "overrides": [L[f"kind_{k}"] for k in KINDS if getattr(case.indexation, k) is not None],
        "indexation_used": "; ".join(f"{L['kind_' + k]} {rate_summary(k)}" for k in KINDS),
        "rate_rows": rate_rows,
        "caps": caps,
    }
