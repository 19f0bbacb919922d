"""Chapter 2, starting points: the case's facts, its staff and its deployments."""

from __future__ import annotations

from bcalc.models import ROLES, Product, TimeLine
from bcalc.core.vat import quoted as vat_quoted
from bcalc.render.report_md.format import money, num, pct, places

WORDS = {
    "nl": {
        "h_basis": "Uitgangspunten",
        "h_staff": "Medewerkers",
        "h_deployments": "Inzetten",
        "fact": "Uitgangspunt",
        "organisation_none": "niet opgegeven",
        "scenario_text": "{name}: {label}",
        "scenario_basis": "Grondslag van het scenario",
        "indexation_used": "Indexatie gebruikt",
        "override": "eigen percentage uit de case",
        "prices_end": "Prijzen uit bereiken",
        "prices_end_text": "{end}",
        "vat_rate": "Btw-tarief",
        "vat_recoverable": "Terugvorderbaar deel van de btw",
        "price_level_text": "{years}; catalogusprijzen worden niet geïndexeerd naar de start",
        "price_level_indexed_text": "{years}; catalogusprijzen geïndexeerd naar {to_year} (factor {factor})",
        "source_rule": "Regel van de bron",
        "role": "Rol",
        "count": "Aantal",
        "hourly_rate": "Uurtarief (integraal, startjaar)",
        "not_given_hint": "niet opgegeven (uren niet gewaardeerd)",
        "teams": "Teams",
        "staff_note": "Uurtarieven stijgen elk 1 januari met de loonindexatie (hoofdstuk {n}).",
        "no_staff": "De case noemt geen medewerkers.",
        "deployment": "Inzet",
        "supplier": "Leverancier",
        "clients_per_year": "Cliënten per contractjaar",
        "options": "Opties",
        "default_option": "standaard",
        "case_prices": "Eigen prijzen en aantallen",
        "index_cap": "Indexatieplafond",
        "no_cap": "geen",
        "cap_text": "max. {cap} per jaar",
        "h_contract_terms": "Contractvoorwaarden",
        "ct_term": "Contractduur",
        "ct_minimum": "Minimale afname",
        "ct_exit": "Stoppen",
        "ct_term_text": "{n} jaar",
        "ct_term_none": "gelijk aan de looptijd",
        "ct_minimum_text": "{n} eenheden per jaar gefactureerd",
        "ct_exit_text": "na contractjaar {n}",
        "ct_none": "geen",
        "ct_note": (
            "Vaste kosten en de minimale afname lopen tot het einde van het contract, ook na het stoppen. "
            "Een opzegtermijn kent de case niet: neem die over uit het contract."),
        "incl_vat_short": "incl. btw",
        "quantity_short": "aantal",
        "own_staff_short": "eigen personeel",
        "vat_rate_short": "btw",
        "none": "geen",
    },
    "en": {
        "h_basis": "Starting points",
        "h_staff": "Staff",
        "h_deployments": "Deployments",
        "fact": "Starting point",
        "organisation_none": "not given",
        "scenario_text": "{name}: {label}",
        "scenario_basis": "Basis of the scenario",
        "indexation_used": "Indexation used",
        "override": "own rate from the case",
        "prices_end": "Prices from ranges",
        "prices_end_text": "{end}",
        "vat_rate": "VAT rate",
        "vat_recoverable": "Recoverable share of VAT",
        "price_level_text": "{years}; catalogue prices are not indexed to the start",
        "price_level_indexed_text": "{years}; catalogue prices indexed to {to_year} (factor {factor})",
        "source_rule": "Rule of the source",
        "role": "Role",
        "count": "Count",
        "hourly_rate": "Hourly rate (loaded, start year)",
        "not_given_hint": "not given (hours not valued)",
        "teams": "Teams",
        "staff_note": "Hourly rates rise each 1 January with wage indexation (chapter {n}).",
        "no_staff": "The case names no staff.",
        "deployment": "Deployment",
        "supplier": "Supplier",
        "clients_per_year": "Clients per contract year",
        "options": "Options",
        "default_option": "default",
        "case_prices": "Own prices and quantities",
        "index_cap": "Index cap",
        "no_cap": "none",
        "cap_text": "max. {cap} a year",
        "h_contract_terms": "Contract terms",
        "ct_term": "Term",
        "ct_minimum": "Minimum commitment",
        "ct_exit": "Exit",
        "ct_term_text": "{n} years",
        "ct_term_none": "same as the horizon",
        "ct_minimum_text": "{n} units billed a year",
        "ct_exit_text": "after contract year {n}",
        "ct_none": "none",
        "ct_note": (
            "Fixed costs and the minimum commitment run until the end of the contract, also after an exit. "
            "The case has no notice period: take it from the contract."),
        "incl_vat_short": "incl. VAT",
        "quantity_short": "quantity",
        "own_staff_short": "own staff",
        "vat_rate_short": "VAT",
        "none": "none",
    },
}

ROLE_NAMES = {
    "nl": {"care_staff": "Zorgmedewerkers", "key_user": "Key-users", "project_lead": "Projectleider",
           "functional_admin": "Functioneel beheerder", "data_analyst": "Data-analist"},
    "en": {"care_staff": "Care staff", "key_user": "Key users", "project_lead": "Project lead",
           "functional_admin": "Functional administrator", "data_analyst": "Data analyst"},
}


def find_time(product: Product, line_id: str) -> TimeLine | None:
    return next((t for t in product.time if t.id == line_id), None)


def _active_options(product: Product, dep) -> list[tuple[str, bool]]:
    """Options of a deployment: (name, taken by default)."""
    out = [(o, False) for o in dep.options]
    for ch in product.choices:
        if ch.default and not set(dep.options).intersection(ch.options):
            out.append((ch.default, True))
    return out


def deployments(result, products, L: dict, lang: str) -> list[dict]:
    """One row per deployment: name, supplier, clients, options and the case's own prices."""
    case = result.case
    out = []
    for p_tot in result.products:
        d = p_tot.deployment
        dep = case.deployments[d]
        product = products[dep.product]
        name = f"{d + 1}. {product.name}" + (f" ({dep.label})" if dep.label else "")
        own = []
        for item_id, price in dep.prices.items():
            it = product.item(item_id)
            text = f"{it.label if it else item_id}: {money(price, lang)}"
            if it is not None and vat_quoted(it, dep) == "incl":
                text += f" ({L['incl_vat_short']})"
            quote = dep.quotes.get(item_id)
            if quote is not None and quote.source:
                text += f" ({quote.source})"
            own.append(text)
        for item_id, qty in dep.quantities.items():
            it = product.item(item_id) or find_time(product, item_id)
            own.append(f"{it.label if it else item_id}: {L['quantity_short']} {num(qty, lang, places(qty))}")
        for item_id, rate in dep.vat_rates.items():
            it = product.item(item_id)
            own.append(f"{it.label if it else item_id}: {L['vat_rate_short']} {pct(rate, lang)}")
        counts = [f"{ROLE_NAMES[lang][role].lower()} {n}" if role not in dep.phase_staff else
                  f"{ROLE_NAMES[lang][role].lower()} {count_text(case, n, dep.phase_staff[role], lang)}"
                  for role, n in dep.staff.items()]
        if dep.teams is not None:
            counts.append(f"{L['teams'].lower()} {dep.teams}" if dep.phase_teams is None else
                          f"{L['teams'].lower()} {count_text(case, dep.teams, dep.phase_teams, lang)}")
        if counts:
            own.append(f"{L['own_staff_short']}: {', '.join(counts)}")
        options = [f"{o} ({L['default_option']})" if dflt else o for o, dflt in _active_options(product, dep)]
        out.append({
            "index": d + 1,
            "name": name,
            "deployment": dep,
            "product": product,
            "supplier": product.supplier,
            "label": dep.label,
            "clients": list(dep.clients),
            "clients_text": ", ".join(str(c) for c in dep.clients),
            "options_text": ", ".join(options) or L["none"],
            "own_text": "; ".join(own) or L["none"],
            "index_cap": dep.index_cap,
            "totals": p_tot.totals,
        })
    return out


def staff(case, lang: str) -> list[dict]:
    """The roles the case names, in the fixed order of roles."""
    out = []
    for role in ROLES:
        if role in case.staff:
            s = case.staff[role]
            out.append({"role": role, "name": ROLE_NAMES[lang][role], "count": s.count, "rate": s.rate,
                        "count_text": count_text(case, s.count, s.phase_count, lang)})
    return out


def count_text(case, count: int, per_phase: tuple | None, lang: str) -> str:
    """Heads or teams as the business case writes them: one number, or per phase ("pilot 1 · opschaling 3")."""
    if per_phase is None:
        return num(count, lang, 0)
    return " · ".join(f"{p.name} {num(n, lang, 0)}" for p, n in zip(case.phases, per_phase))


def price_level_text(result, L: dict, lang: str) -> str:
    """The price level of the catalogue prices: their price year, unindexed or indexed to the year
    before the start (with the factor of each price year)."""
    years = ", ".join(str(y) for y in result.price_years)
    level = result.price_level
    if level is None or level.mode != "indexed":
        return L["price_level_text"].format(years=years)
    factor = "; ".join(f"{y}: {num(f, lang, 6)}" for y, f in sorted(level.factors.items())) \
        if len(level.factors) > 1 else num(next(iter(level.factors.values()), 1), lang, 6)
    return L["price_level_indexed_text"].format(years=years, to_year=level.to_year, factor=factor)


def contract_terms(case, deployments: list[dict], L: dict, lang: str) -> list[dict]:
    """The contract terms of every deployment (term, minimum commitment, exit, index cap), as the
    starting points show them; a deployment without any says so in each column."""
    from bcalc.money import fmt_percent

    rows = []
    for d in deployments:
        dep = case.deployments[d["index"] - 1]
        c = dep.contract
        rows.append({
            "name": d["name"],
            "term": L["ct_term_text"].format(n=c.term) if c.term else L["ct_term_none"],
            "minimum": L["ct_minimum_text"].format(n=c.min_clients) if c.min_clients else L["ct_none"],
            "exit": L["ct_exit_text"].format(n=c.exit_year) if c.exit_year else L["ct_none"],
            "cap": L["cap_text"].format(cap=fmt_percent(dep.index_cap, lang)) if dep.index_cap is not None
            else L["no_cap"],
        })
    return rows
