"""The workbook's own words: sheet names, column heads and labels, in Dutch and English.

One flat table per language; a sheet module looks a word up by its key (``book.words["year"]``).
The texts of the analyses shown as values (comparison, scenarios, sensitivity, simulation) come
from their view modules; warnings from ``bcalc.messages``.
"""

from __future__ import annotations

WORDS = {
    "nl": {
        "quote": "Offerte", "own_price": "Eigen prijs", "from_case": "uit de case", "subsidy": "Subsidie",
        "monthly": "Per maand", "month": "Maand", "cashable_benefits": "Kasbaten",
        "net_value": "Netto (waarde)", "net_budget": "Netto (begroting)", "cum_value": "Cumulatief netto (waarde)",
        "cum_budget": "Cumulatief netto (begroting)", "below_zero_value": "Onder nul (waarde)",
        "below_zero_budget": "Onder nul (begroting)", "coverage": "Dekking (financiering / kosten)",
        "sign_value": "Teken netto (waarde)", "change_value": "Tekenwissel (waarde)",
        "sign_budget": "Teken netto (begroting)", "change_budget": "Tekenwissel (begroting)",
        "period": "Periode", "value_view": "Waardeweergave (alle baten)",
        "budget_view": "Begrotingsweergave (alleen kasbaten)", "payback": "Terugverdientijd",
        "month_format": '"maand "0', "cpcm": "Kosten per cliënt per maand", "part_months": "mnd", "not_meaningful": "niet zinvol",
        "payback_convention": ("Terugverdientijd: de eerste maand vanaf welke het cumulatieve netto resultaat tot "
                               "het einde van de looptijd niet meer onder nul komt (blad Per maand). Interne "
                               "rentevoet: alleen als de jaarlijkse netto stromen precies één keer van teken "
                               "wisselen (tekenwissels rechts in de tabel)."),
        "parties_sheet": "Per partij", "parties_note": "Formules over de bladen Berekening, Financiering en Baten: "
        "een regel die partijen delen geeft elke partij haar aandeel afgerond op centen, de laatste de rest.",
        "operating": "Exploitatie", "operating_title": "Exploitatie per kalenderjaar: eigendom afgeschreven",
        "interest_rate": "Rente per jaar over de boekwaarde", "owned_item": "Eigendom",
        "lifetime_years": "Levensduur (jaren)", "residual": "Restwaarde per eenheid",
        "bought_units": "Gekocht (nieuw en vervangen)", "depreciation": "Afschrijving", "interest": "Rente",
        "book_value": "Boekwaarde aan het einde van de looptijd", "cash_cost": "Kosten (kasstroom)",
        "less_purchases": "min aanschaf in eigendom", "operating_cost": "Exploitatiekosten",
        "operating_net": "Netto (exploitatie)",
        "summary": "Samenvatting", "inputs": "Invoer", "calculation": "Berekening", "funding": "Financiering",
        "sources": "Bronnen", "year": "Jaar", "one_off": "Eenmalig", "recurring": "Terugkerend",
        "training": "Training", "internal": "Interne uren", "vat": "Btw", "cost": "Kosten",
        "funding_col": "Financiering", "benefits": "Baten", "net": "Netto", "total": "Totaal",
        "cum_cost": "Cumulatieve kosten", "cum_funding": "Cumulatieve financiering",
        "inputs_title": "Invoer: wijzig de gele cellen; alle berekeningen volgen",
        "general": "Algemeen", "case": "Case", "organisation": "Organisatie", "start": "Startmaand",
        "years": "Looptijd (jaren)", "scenario": "Indexatiescenario", "prices_end": "Prijzen uit bereiken",
        "vat_standard": "Btw-tarief (standaard)", "vat_recoverable": "Terugvorderbare btw (deel)",
        "indexation": "Indexatie per kalenderjaar", "prices": "Prijzen", "wages": "Lonen",
        "tariffs": "Tarieven", "wage_factor": "Loonfactor", "tariff_factor": "Tarieffactor",
        "staff": "Personeel", "role": "Rol", "count": "Aantal", "rate": "Uurtarief (integraal)",
        "teams": "Aantal teams", "per_phase_values": "Per fase (in de berekening als waarden; dit veld is het hoogste)", "per_phase_hours": "uren van alle personen of teams, per fase toegevoegd (waarden)", "own_staff": "Eigen personeel van deze inzet", "fx": "Wisselkoers (euro per dollar)",
        "deployment": "Inzet", "contract_year": "Contractjaar", "clients": "Cliënten in gebruik",
        "phase": "Fase", "phase_clients": "Cliënten in gebruik per fase", "block": "Contractjaar · fase",
        "block_clients": "Cliënten in gebruik (contractjaar · fase)", "phases_sheet": "Fasen",
        "first_month": "Eerste maand", "last_month": "Laatste maand", "months_col": "Maanden",
        "rest_from": "Rest van de route vanaf maand",
        "phases_note": "Per fase: de exacte maandstromen van het blad Per maand opgeteld en eenmaal afgerond; bcalc "
                       "rondt per regel per fase af, dus enkele centen verschil zijn mogelijk.",
        "new_units": "Nieuwe eenheden", "min_clients": "Minimale afname (contract)",
        "billed_units": "Gefactureerde eenheden", "removed_units": "Opgehaalde eenheden",
        "cap": "Maximum prijsstijging per jaar",
        "price_factor": "Prijsfactor (indexatie)", "peak": "Hoogste aantal in gebruik",
        "item": "Post", "label": "Omschrijving", "price": "Prijs (zoals geoffreerd)", "quoted": "Btw in prijs",
        "vat_rate": "Btw-tarief", "fixed_qty": "Vast aantal", "source": "Bron", "note": "Toelichting",
        "time": "Tijdsinvestering", "hours_per_head": "Uren per persoon in", "heads": "Personen",
        "category": "Soort", "quantity": "Aantal", "quoted_amount": "Bedrag zoals geoffreerd",
        "excl_vat": "Excl. btw", "code": "Code", "amount": "Bedrag", "hours_per_month": "Uren per cliënt per maand",
        "tariff": "Tarief", "day_rate": "Dagtarief", "share": "Deel voor technologie",
        "subsidy_amount": "Subsidiebedrag", "subsidy_year": "In contractjaar",
        "rule_share": "Regels: aandeel subsidiabele kosten", "rule_min": "Regels: minimum", "rule_max": "Regels: maximum",
        "rule_device_cap": "Regels: apparatuur ten hoogste", "rule_eligible": "Subsidiabele kosten ({years}; {cats})",
        "rule_devices": "waarvan apparatuur", "rule_counted": "Telt mee (na de grens voor apparatuur)",
        "rule_computed": "Aandeel x wat meetelt, afgerond",
        "written": "Bedrag in de bron", "vat_written": "Btw volgens bron", "price_year": "Prijspeil",
        "figures": "Gebruikte catalogusbedragen", "warnings": "Aandachtspunten", "assumptions": "Aannames",
        "chart_cost": "Kosten per soort per jaar", "chart_cum": "Cumulatieve kosten en financiering",
        "vat_incl": "incl.", "vat_excl": "excl.", "case_price": "prijs uit de case",
        "vat_not_stated": "niet vermeld (als excl.)", "vat_read_incl": "niet vermeld (gelezen als incl.)",
        "deployment_col": "Inzet", "product": "Product", "included": "inclusief",
        "tier": "staffel", "packs_note": "goedkoopste verpakkingen voor het aantal uit de case",
        "range_note": "bereik in de bron", "usd": "bedrag in USD", "structure": (
            "Start, looptijd en de lijst van posten liggen vast in dit werkboek; wijzig die in de case en draai "
            "bcalc report opnieuw."),
        "convention": ("Rekenwijze: per maand over de looptijd, per kalenderjaar opgeteld en per regel eenmaal "
                       "half-naar-boven afgerond op centen; btw per regel over het afgeronde bedrag; totalen zijn "
                       "sommen van regels. Prijzen indexeren op elke verjaardag van de start (met het maximum per "
                       "inzet), lonen en tarieven op 1 januari."),
        "hours": "uren",
        "benefits_sheet": "Baten", "price_factor_jan": "Prijsfactor (1 januari)", "level_title": "Catalogusprijzen naar prijspeil {to_year} (catalogue_prices: indexed)",
        "level_rate": "Prijsstijging catalogus", "level_case": "uit de case (catalogue_index)",
        "level_missing": "geen gepubliceerd cijfer: 0 %; geef het onder catalogue_index",
        "level_factor": "Factor prijspeil {year} naar {to_year}", "discount_rate": "Discontovoet",
        "hours_per_fte": "Uren per fte per jaar", "fte": "fte", "staff_hours": "Uren en fte per rol",
        "unvalued": "niet gewaardeerd: geen uurtarief",
        "staff_hours_note": ("Uren: aantal x uren per persoon van de tijdsposten op het invoerblad (ook rollen zonder "
                             "uurtarief; vrijgekomen tijd telt niet mee). Fte: uren / uren per fte, over de maanden "
                             "van het jaar binnen de looptijd; totaal: gemiddelde per jaar."),
        "staff_hours_no_fte": ("Uren: aantal x uren per persoon van de tijdsposten op het invoerblad (ook rollen "
                               "zonder uurtarief; vrijgekomen tijd telt niet mee). Geen fte: de case geeft geen "
                               "hours_per_fte; bcalc neemt geen norm aan."),
        "benefit": "Baat", "follows": "Volgt de cliënten van", "per_client_per": "Per cliënt per",
        "per_day": "dag", "per_week": "week", "per_month": "maand", "per_year": "jaar", "unit_minutes": "minuten",
        "unit_hours": "uren", "realisation": "Realisatie (deel)", "cashable": "Kasbaat", "yes": "ja",
        "no": "nee", "npv": "Netto contante waarde", "irr": "Interne rentevoet",
        "break_even": "Break-even cliënten per jaar (berekend door bcalc, geen formule)",
        "no_rate": "geen discontovoet in de case", "irr_not_meaningful": "niet zinvol (stromen wisselen niet precies "
        "één keer van teken)", "npv_convention": "Jaar 1 is het basisjaar: netto stroom jaar k / (1 + r)^(k - 1), "
        "dus stroom 1 + NPV(r; stromen 2..n).",
        "compare": "Vergelijking", "scenarios": "Scenario's",
        "values_note": "Waarden, geen formules: berekend door bcalc bij het schrijven van dit werkboek.",
        "alternative": "Alternatief", "cheapest": "Goedkoopst", "delta": "Verschil", "mostly": "Vooral",
        "then": "Daarna", "included_in": "Inclusief bij", "charged_by": "Apart bij", "over_horizon": "Over de looptijd",
        "choice": "Keuze", "option": "Optie", "active": "Huidig", "key": "Sleutel", "recoverable": "Btw terug",
        "mark": "Markering", "spent": "Uitgegeven", "owed": "Nog verschuldigd", "scenario_col": "Scenario",
        "prices_col": "Prijzen", "indexation_col": "Indexatie",
        "sensitivity": "Gevoeligheid", "simulation": "Simulatie", "input": "Invoer", "low": "Laag",
        "mode": "Modus", "high": "Hoog", "unit": "Eenheid", "origin": "Herkomst", "net_low": "Netto bij laag",
        "net_high": "Netto bij hoog", "change_low": "Verandering netto bij laag",
        "change_high": "Verandering netto bij hoog", "npv_low": "NCW bij laag", "npv_high": "NCW bij hoog",
        "swing": "Bereik (netto)", "chart_tornado": "Verandering van het netto resultaat (laag en hoog)",
        "prob_npv": "Kans dat de netto contante waarde ≥ 0 is",
        "prob_net": "Kans dat het netto resultaat ≥ 0 is (geen discontovoet in de case)",
        "max_deviation": "Grootste afwijking van de exacte rekenkern", "check_draws": "Gecontroleerde trekkingen",
        "draws": "Trekkingen", "seed": "Seed",
    },
    "en": {
        "quote": "Quote", "own_price": "Own price", "from_case": "from the case", "subsidy": "Subsidy",
        "monthly": "Per month", "month": "Month", "cashable_benefits": "Cashable benefits",
        "net_value": "Net (value)", "net_budget": "Net (budget)", "cum_value": "Cumulative net (value)",
        "cum_budget": "Cumulative net (budget)", "below_zero_value": "Below zero (value)",
        "below_zero_budget": "Below zero (budget)", "coverage": "Coverage (funding / cost)",
        "sign_value": "Sign of net (value)", "change_value": "Sign change (value)",
        "sign_budget": "Sign of net (budget)", "change_budget": "Sign change (budget)",
        "period": "Period", "value_view": "Value view (all benefits)",
        "budget_view": "Budget view (cashable benefits only)", "payback": "Payback",
        "month_format": '"month "0', "cpcm": "Cost per client per month", "part_months": "mo.", "not_meaningful": "not meaningful",
        "payback_convention": ("Payback: the first month from which the cumulative net stays at or above zero "
                               "until the end of the horizon (sheet Per month). Internal rate of return: only when "
                               "the yearly net flows change sign exactly once (sign changes to the right of the "
                               "table)."),
        "parties_sheet": "Per party", "parties_note": "Formulas over the sheets Calculation, Funding and Benefits: a "
        "line that parties share gives each party its share rounded to cents, the last one the rest.",
        "operating": "Operating", "operating_title": "Operating view per calendar year: owned items depreciated",
        "interest_rate": "Interest a year on the book value", "owned_item": "Owned item",
        "lifetime_years": "Lifetime (years)", "residual": "Residual value per unit",
        "bought_units": "Bought (new and replaced)", "depreciation": "Depreciation", "interest": "Interest",
        "book_value": "Book value at the end of the horizon", "cash_cost": "Cost (cash)",
        "less_purchases": "less purchases of owned items", "operating_cost": "Operating cost",
        "operating_net": "Net (operating)",
        "summary": "Summary", "inputs": "Inputs", "calculation": "Calculation", "funding": "Funding",
        "sources": "Sources", "year": "Year", "one_off": "One-off", "recurring": "Recurring",
        "training": "Training", "internal": "Internal hours", "vat": "VAT", "cost": "Cost",
        "funding_col": "Funding", "benefits": "Benefits", "net": "Net", "total": "Total",
        "cum_cost": "Cumulative cost", "cum_funding": "Cumulative funding",
        "inputs_title": "Inputs: change the yellow cells; every calculation follows",
        "general": "General", "case": "Case", "organisation": "Organisation", "start": "Start month",
        "years": "Horizon (years)", "scenario": "Indexation scenario", "prices_end": "Prices from ranges",
        "vat_standard": "VAT rate (standard)", "vat_recoverable": "Recoverable VAT (share)",
        "indexation": "Indexation per calendar year", "prices": "Prices", "wages": "Wages",
        "tariffs": "Tariffs", "wage_factor": "Wage factor", "tariff_factor": "Tariff factor",
        "staff": "Staff", "role": "Role", "count": "Count", "rate": "Hourly rate (loaded)",
        "teams": "Number of teams", "per_phase_values": "Per phase (written as values in the calculation; this cell is the most)", "per_phase_hours": "hours of all heads or teams, added per phase (values)", "own_staff": "This deployment's own staff", "fx": "Exchange rate (euros per dollar)",
        "deployment": "Deployment", "contract_year": "Contract year", "clients": "Clients in use",
        "phase": "Phase", "phase_clients": "Clients in use per phase", "block": "Contract year · phase",
        "block_clients": "Clients in use (contract year · phase)", "phases_sheet": "Phases",
        "first_month": "First month", "last_month": "Last month", "months_col": "Months",
        "rest_from": "Rest of the route from month",
        "phases_note": "Per phase: the exact monthly flows of the monthly sheet summed and rounded once; bcalc "
                       "rounds each line once per phase, so a few cents of difference are possible.",
        "new_units": "New units", "min_clients": "Minimum volume (contract)",
        "billed_units": "Billed units", "removed_units": "Removed units", "cap": "Maximum price increase a year",
        "price_factor": "Price factor (indexation)", "peak": "Highest number in use",
        "item": "Item", "label": "Description", "price": "Price (as quoted)", "quoted": "VAT in price",
        "vat_rate": "VAT rate", "fixed_qty": "Fixed quantity", "source": "Source", "note": "Note",
        "time": "Time investment", "hours_per_head": "Hours per person in", "heads": "Persons",
        "category": "Category", "quantity": "Quantity", "quoted_amount": "Amount as quoted",
        "excl_vat": "Excl. VAT", "code": "Code", "amount": "Amount", "hours_per_month": "Hours per client per month",
        "tariff": "Tariff", "day_rate": "Day rate", "share": "Share for technology",
        "subsidy_amount": "Subsidy amount", "subsidy_year": "In contract year",
        "rule_share": "Rules: share of eligible costs", "rule_min": "Rules: minimum", "rule_max": "Rules: maximum",
        "rule_device_cap": "Rules: devices at most", "rule_eligible": "Eligible costs ({years}; {cats})",
        "rule_devices": "of which devices", "rule_counted": "Counted (after the device cap)",
        "rule_computed": "Share x counted, rounded",
        "written": "Amount in the source", "vat_written": "VAT per source", "price_year": "Price level",
        "figures": "Catalogue figures used", "warnings": "Points of attention", "assumptions": "Assumptions",
        "chart_cost": "Cost per category per year", "chart_cum": "Cumulative cost and funding",
        "vat_incl": "incl.", "vat_excl": "excl.", "case_price": "price from the case",
        "vat_not_stated": "not stated (as excl.)", "vat_read_incl": "not stated (read as incl.)",
        "deployment_col": "Deployment", "product": "Product", "included": "included",
        "tier": "tier", "packs_note": "cheapest packs for the quantity in the case",
        "range_note": "range in the source", "usd": "amount in USD", "structure": (
            "Start, horizon and the list of items are fixed in this workbook; change them in the case and run "
            "bcalc report again."),
        "convention": ("Method: monthly over the horizon, summed per calendar year and rounded half-up to cents "
                       "once per line; VAT per line from the rounded amount; totals are sums of lines. Prices "
                       "index at each anniversary of the start (capped per deployment), wages and tariffs on "
                       "1 January."),
        "hours": "hours",
        "benefits_sheet": "Benefits", "price_factor_jan": "Price factor (1 January)", "level_title": "Catalogue prices to the {to_year} price level (catalogue_prices: indexed)",
        "level_rate": "Catalogue price rise", "level_case": "from the case (catalogue_index)",
        "level_missing": "no published figure: 0 %; give it under catalogue_index",
        "level_factor": "Factor from price level {year} to {to_year}", "discount_rate": "Discount rate",
        "hours_per_fte": "Hours per FTE a year", "fte": "FTE", "staff_hours": "Hours and FTE per role",
        "unvalued": "not valued: no hourly rate",
        "staff_hours_note": ("Hours: heads x hours per head of the time lines on the inputs sheet (also roles without "
                             "an hourly rate; time freed is not included). FTE: hours / hours per FTE, over the "
                             "months of the year within the horizon; total: the yearly average."),
        "staff_hours_no_fte": ("Hours: heads x hours per head of the time lines on the inputs sheet (also roles "
                               "without an hourly rate; time freed is not included). No FTE: the case gives no "
                               "hours_per_fte; bcalc assumes no norm."),
        "benefit": "Benefit", "follows": "Follows the clients of", "per_client_per": "Per client per",
        "per_day": "day", "per_week": "week", "per_month": "month", "per_year": "year", "unit_minutes": "minutes",
        "unit_hours": "hours", "realisation": "Realisation (share)", "cashable": "Cashable", "yes": "yes",
        "no": "no", "npv": "Net present value", "irr": "Internal rate of return",
        "break_even": "Break-even clients per year (computed by bcalc, not a formula)",
        "no_rate": "no discount rate in the case", "irr_not_meaningful": "not meaningful (the flows do not change "
        "sign exactly once)", "npv_convention": "Year 1 is the base year: net flow of year k / (1 + r)^(k - 1), "
        "i.e. flow 1 + NPV(r; flows 2..n).",
        "compare": "Comparison", "scenarios": "Scenarios",
        "values_note": "Values, not formulas: computed by bcalc when this workbook was written.",
        "alternative": "Alternative", "cheapest": "Cheapest", "delta": "Difference", "mostly": "Mostly",
        "then": "Then", "included_in": "Included by", "charged_by": "Charged by", "over_horizon": "Over the horizon",
        "choice": "Choice", "option": "Option", "active": "Current", "key": "Key", "recoverable": "VAT recovered",
        "mark": "Mark", "spent": "Spent", "owed": "Still owed", "scenario_col": "Scenario",
        "prices_col": "Prices", "indexation_col": "Indexation",
        "sensitivity": "Sensitivity", "simulation": "Simulation", "input": "Input", "low": "Low",
        "mode": "Mode", "high": "High", "unit": "Unit", "origin": "Origin", "net_low": "Net at low",
        "net_high": "Net at high", "change_low": "Change of net at low", "change_high": "Change of net at high",
        "npv_low": "NPV at low", "npv_high": "NPV at high", "swing": "Swing (net)",
        "chart_tornado": "Change of the net result (low and high)",
        "prob_npv": "Probability that the net present value is ≥ 0",
        "prob_net": "Probability that the net result is ≥ 0 (no discount rate in the case)",
        "max_deviation": "Max deviation from the exact engine", "check_draws": "Draws checked",
        "draws": "Draws", "seed": "Seed",
    },
}


UNITS = {
    "nl": {"EUR": "euro", "USD": "dollar", "EUR/h": "euro per uur", "EUR/day": "euro per dag", "share": "deel",
           "rate": "percentage per jaar", "clients": "cliënten", "hours": "uren", "minutes": "minuten",
           "hours_per_week": "uren per week"},
    "en": {"EUR": "euro", "USD": "dollar", "EUR/h": "euro an hour", "EUR/day": "euro a day", "share": "share",
           "rate": "percentage a year", "clients": "clients", "hours": "hours", "minutes": "minutes",
           "hours_per_week": "hours a week"},
}


def unit_label(unit: str, lang: str) -> str:
    """The unit of an uncertain input in words ("uren per week", not hours_per_week)."""
    return UNITS[lang].get(unit, unit)


def role_label(role: str | None, lang: str) -> str:
    """A staff role in words, capitalised, for a cell ("Zorgmedewerkers"); "" for none."""
    if not role:
        return ""
    from bcalc.render.labels import role_name

    name = role_name(role, lang)
    return name[:1].upper() + name[1:]


def vat_label(status: str, words: dict, read: str | None = None) -> str:
    """How a price treats VAT, in words: incl., excl., or not stated (and how it is read)."""
    if status == "not_stated":
        return words["vat_read_incl"] if read == "incl" else words["vat_not_stated"]
    return words.get(f"vat_{status}", status)
