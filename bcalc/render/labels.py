"""Words shown to people, in Dutch (default) and English."""

from __future__ import annotations

LABELS = {
    "nl": {
        "year": "Jaar",
        "months": "Mnd",
        "one_off": "Eenmalig",
        "recurring": "Terugkerend",
        "training": "Training",
        "internal": "Interne uren",
        "vat": "Btw",
        "cost": "Kosten",
        "funding": "Financiering",
        "benefits": "Baten",
        "net": "Netto",
        "total": "Totaal",
        "product": "Product",
        "per_year": "Per kalenderjaar",
        "per_phase": "Per fase",
        "phase": "Fase",
        "phases_said": "Per fase: de exacte maandbedragen van elke regel in de fase opgeteld en eenmaal per regel per "
                       "fase op centen afgerond; de fasen van een regel kunnen daardoor een halve cent per periode "
                       "afwijken van de kalenderjaren.",
        "per_product": "Per inzet",
        "funding_lines": "Financiering",
        "warnings": "Aandachtspunten",
        "case": "Case",
        "organisation": "Organisatie",
        "start": "Start",
        "years": "Looptijd",
        "years_unit": "jaar",
        "scenario": "Indexatiescenario",
        "prices": "Prijzen uit bereiken",
        "vat_recoverable": "Terugvorderbare btw",
        "price_level": "Prijspeil catalogus",
        "indexation": "Indexatie",
        "code": "Code",
        "label": "Omschrijving",
        "amount": "Bedrag",
        "item": "Post",
        "category": "Soort",
        "quantity": "Aantal",
        "unit_price": "Prijs",
        "excl_vat": "Excl. btw",
        "source": "Bron",
        "mid": "midden",
        "low": "onderkant",
        "high": "bovenkant",
        "wages": "lonen",
        "tariffs": "tarieven",
        "prices_idx": "prijzen",
        "no_funding": "Geen financiering opgegeven.",
        "lines": "Regels",
        "cashable": "waarvan kasbaten",
        "cash_net": "Netto kasstroom",
        "net_value_view": "Netto, waardeweergave",
        "net_budget_view": "Netto, begrotingsweergave",
        "views_said": "Waardeweergave: financiering plus alle baten min kosten. Begrotingsweergave: "
                      "financiering plus kasbaten (geld dat de begroting werkelijk ontvangt of bespaart) "
                      "min kosten; dat is wat de begroting ziet.",
        "investment": "Investering",
        "budget_view": "begrotingsweergave (alleen kasbaten)",
        "npv": "Netto contante waarde",
        "irr": "Interne rentevoet",
        "payback": "Terugverdientijd",
        "discounted_payback": "Verdisconteerde terugverdientijd",
        "break_even": "Break-even cliënten per jaar",
        "cpcm": "Kosten per cliënt per maand",
        "not_within": "niet binnen de looptijd",
        "month_n": "maand {n}",
        "none_up_to": "geen tot {n}",
        "none_loses": "geen: elke extra cliënt kost meer dan hij oplevert",
        "no_rate": "geen discontovoet in de case (discount_rate)",
        "convention": "Jaar 1 is het basisjaar: de netto stroom van jaar k wordt gedeeld door (1 + r)^(k - 1).",
        "irr_never_changes_sign": "niet zinvol: de jaarlijkse netto stromen wisselen nooit van teken",
        "irr_changes_sign_more_than_once": "niet zinvol: de jaarlijkse netto stromen wisselen meer dan eens van teken",
        "irr_outside_range": "niet zinvol: geen rentevoet tussen -99 % en 1000 %",
        "benefits_title": "Baten",
        "hours": "Uren",
        "fte": "Fte",
        "operating": "Exploitatie per kalenderjaar (eigendom afgeschreven)",
        "cash_cost": "Kosten (kasstroom)",
        "less_purchases": "min aanschaf in eigendom",
        "depreciation": "Afschrijving",
        "interest": "Rente",
        "operating_cost": "Exploitatiekosten",
        "operating_net": "Netto (exploitatie)",
        "book_value": "Boekwaarde aan het einde van de looptijd",
        "bought_units": "Gekocht (nieuw en vervangen)",
        "lifetime": "levensduur {n} jaar, restwaarde {residual}",
        "interest_at": "rente {rate} per jaar over de boekwaarde",
        "no_interest": "geen rente (geen interest_rate in de case)",
        "owning_convention": "Eenheden worden vervangen aan het begin van het contractjaar waarin hun levensduur "
                             "eindigt, zolang ze in gebruik zijn. Afschrijving lineair per maand vanaf de aanschaf, "
                             "over de kosten incl. niet-terugvorderbare btw min de restwaarde; een verkoop wordt "
                             "niet geboekt.",
        "staff_hours_title": "Uren en fte per rol",
        "role": "Rol",
        "no_fte": "Fte: geef hours_per_fte (uren in één fte per jaar); bcalc neemt geen norm aan.",
        "fte_note": "Uren van de getelde tijdsposten (training en interne uren), ook van rollen zonder uurtarief; "
                    "vrijgekomen tijd (baten) telt niet mee. Fte over de maanden van elk jaar binnen de looptijd; "
                    "totaalkolom: gemiddelde per jaar.",
        "unvalued": "niet gewaardeerd: geen uurtarief",
    },
    "en": {
        "year": "Year",
        "months": "Mths",
        "one_off": "One-off",
        "recurring": "Recurring",
        "training": "Training",
        "internal": "Internal hours",
        "vat": "VAT",
        "cost": "Cost",
        "funding": "Funding",
        "benefits": "Benefits",
        "net": "Net",
        "total": "Total",
        "product": "Product",
        "per_year": "Per calendar year",
        "per_phase": "Per phase",
        "phase": "Phase",
        "phases_said": "Per phase: each line's exact monthly amounts in the phase summed and rounded to cents once "
                       "per line per phase; a line's phases may therefore differ from its calendar years by half a "
                       "cent per period.",
        "per_product": "Per deployment",
        "funding_lines": "Funding",
        "warnings": "Points of attention",
        "case": "Case",
        "organisation": "Organisation",
        "start": "Start",
        "years": "Horizon",
        "years_unit": "years",
        "scenario": "Indexation scenario",
        "prices": "Prices from ranges",
        "vat_recoverable": "Recoverable VAT",
        "price_level": "Catalogue price level",
        "indexation": "Indexation",
        "code": "Code",
        "label": "Description",
        "amount": "Amount",
        "item": "Item",
        "category": "Category",
        "quantity": "Quantity",
        "unit_price": "Price",
        "excl_vat": "Excl. VAT",
        "source": "Source",
        "mid": "midpoint",
        "low": "low end",
        "high": "high end",
        "wages": "wages",
        "tariffs": "tariffs",
        "prices_idx": "prices",
        "no_funding": "No funding given.",
        "lines": "Lines",
        "cashable": "of which cashable",
        "cash_net": "Net cash flow",
        "net_value_view": "Net, value view",
        "net_budget_view": "Net, budget view",
        "views_said": "Value view: funding plus all benefits minus cost. Budget view: funding plus cashable "
                      "benefits (money the budget really receives or saves) minus cost; what the budget sees.",
        "investment": "Investment",
        "budget_view": "budget view (cashable benefits only)",
        "npv": "Net present value",
        "irr": "Internal rate of return",
        "payback": "Payback",
        "discounted_payback": "Discounted payback",
        "break_even": "Break-even clients per year",
        "cpcm": "Cost per client per month",
        "not_within": "not within the horizon",
        "month_n": "month {n}",
        "none_up_to": "none up to {n}",
        "none_loses": "none: each extra client costs more than it brings in",
        "no_rate": "no discount rate in the case (discount_rate)",
        "convention": "Year 1 is the base year: the net flow of year k is divided by (1 + r)^(k - 1).",
        "irr_never_changes_sign": "not meaningful: the yearly net flows never change sign",
        "irr_changes_sign_more_than_once": "not meaningful: the yearly net flows change sign more than once",
        "irr_outside_range": "not meaningful: no rate between -99% and 1000%",
        "benefits_title": "Benefits",
        "hours": "Hours",
        "fte": "FTE",
        "operating": "Operating view per calendar year (owned items depreciated)",
        "cash_cost": "Cost (cash)",
        "less_purchases": "less purchases of owned items",
        "depreciation": "Depreciation",
        "interest": "Interest",
        "operating_cost": "Operating cost",
        "operating_net": "Net (operating)",
        "book_value": "Book value at the end of the horizon",
        "bought_units": "Bought (new and replaced)",
        "lifetime": "lifetime {n} years, residual value {residual}",
        "interest_at": "interest {rate} a year on the book value",
        "no_interest": "no interest (no interest_rate in the case)",
        "owning_convention": "Units are replaced at the start of the contract year in which their lifetime ends, "
                             "while in use. Depreciation straight-line by month from the purchase, of the cost "
                             "incl. VAT not recovered less the residual value; no sale is booked.",
        "staff_hours_title": "Hours and FTE per role",
        "role": "Role",
        "no_fte": "FTE: give hours_per_fte (hours in one FTE a year); bcalc assumes no norm.",
        "fte_note": "Hours of the counted time lines (training and internal hours), also of roles without an hourly "
                    "rate; time freed (benefits) is not included. FTE over the months of each year within the horizon; "
                    "total column: the yearly average.",
        "unvalued": "not valued: no hourly rate",
    },
}

COLUMNS = ("one_off", "recurring", "training", "internal", "vat", "cost", "funding", "benefits", "net")


def label(key: str, lang: str) -> str:
    return LABELS[lang][key]


def break_even_text(inv, lang: str) -> str:
    """Break-even clients as shown: the number, or why there is none (finance.break_even)."""
    if inv.break_even_clients is not None:
        return str(inv.break_even_clients)
    if inv.break_even_note == "loses_per_client":
        return LABELS[lang]["none_loses"]
    return LABELS[lang]["none_up_to"].format(n=inv.break_even_limit)


_LEVEL = {
    "nl": {"indexed": "{years}, geïndexeerd naar {to_year}", "factor": "factor"},
    "en": {"indexed": "{years}, indexed to {to_year}", "factor": "factor"},
}


def price_level(result, lang: str) -> str:
    """The price level of the catalogue prices: "2021", or "2021, geïndexeerd naar 2026"."""
    years = ", ".join(str(y) for y in result.price_years)
    level = result.price_level
    if level is None or level.mode != "indexed":
        return years
    return _LEVEL["nl" if lang == "nl" else "en"]["indexed"].format(years=years, to_year=level.to_year)


def role_name(role: str, lang: str) -> str:
    """A staff role in words (the messages' words for it)."""
    from bcalc.messages import catalogue

    return catalogue(lang).WORDS["role"].get(role, role)


EVIDENCE = {
    "nl": {None: "bewijs niet opgegeven", "assumption": "eigen aanname, niet gemeten",
           "supplier_claim": "claim van de leverancier", "practice_example": "praktijkvoorbeeld elders",
           "pilot_measurement": "meting in de eigen pilot", "study": "onderzoek",
           "own_measurement": "eigen meting"},
    "en": {None: "evidence not stated", "assumption": "own assumption, not measured",
           "supplier_claim": "supplier's claim", "practice_example": "practice example elsewhere",
           "pilot_measurement": "measured in the own pilot", "study": "study",
           "own_measurement": "own measurement"},
}

# the unmeasured levels as a sentence names them
RESTS_ON = {
    "nl": {None: "de case noemt geen bewijs", "assumption": "een eigen aanname",
           "supplier_claim": "een claim van de leverancier"},
    "en": {None: "the case states no evidence", "assumption": "an own assumption",
           "supplier_claim": "a supplier's claim"},
}

UNMEASURED_TEXT = {
    "nl": ("Let op: {amount} van de baten ({share}) is niet gemeten ({kinds}). Zonder die baten is het netto "
           "resultaat {net} en ziet de begroting netto {cash}."),
    "en": ("Note: {amount} of the benefits ({share}) is not measured ({kinds}). Without those benefits the net "
           "result is {net} and the budget sees a net {cash}."),
}


def evidence_name(level: str | None, lang: str) -> str:
    """A benefit's evidence level in words (bcalc.core.evidence.LEVELS; None: not stated)."""
    return EVIDENCE["nl" if lang == "nl" else "en"].get(level, level or "")


def unmeasured_sentence(result, lang: str) -> str | None:
    """The sentence for the first lines of every output when benefits rest on no measurement: how much,
    on what, and the nets in both views without them; None when every benefit is measured."""
    ev = result.evidence
    if ev is None or not ev.unmeasured:
        return None
    from decimal import Decimal

    from bcalc.core.evidence import UNMEASURED
    from bcalc.money import fmt_money, fmt_percent

    kinds = [RESTS_ON["nl" if lang == "nl" else "en"][level] for level, amount in ev.levels
             if level in UNMEASURED and amount]
    joiner = " en " if lang == "nl" else " and "
    share = (ev.unmeasured / result.total.benefits) if result.total.benefits else None
    share_text = fmt_percent(share.quantize(Decimal("0.001")), lang) if share is not None else "-"
    return UNMEASURED_TEXT["nl" if lang == "nl" else "en"].format(
        amount=fmt_money(ev.unmeasured, lang), share=share_text, kinds=joiner.join(kinds),
        net=fmt_money(ev.net_without, lang), cash=fmt_money(ev.cash_net_without, lang))
