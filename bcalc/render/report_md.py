"""``bcalc report CASE --md FILE``: the written business case, rendered with jinja2 from templates/.

The numbers come from one ``bcalc.app.Report`` (the estimate and every analysis, computed once);
this module arranges them for the templates (shares, groups, the horizon's months), and the
templates only place them and format them through the filters ``money``, ``pct`` and ``num`` (built on bcalc.money: round first,
then format). Words come from ``L``, a labels dict in the chosen language, so one set of templates
serves Dutch and English.

Chapter 7 ends with the uncertainty of the result: the sensitivity (as ``bcalc sensitivity``) and a
Monte Carlo with a fixed number of draws and seed (as ``bcalc simulate --draws 20000 --seed 2027``);
``uncertainty()`` arranges both as the views of those commands, and the workbook shows the same.

Templates: the bundled folder (``bcalc.paths.templates_dir()``), entry ``report.md.j2`` with one
partial per section (``report_*.md.j2``). A user folder given with ``--templates DIR`` replaces
bundled templates of the same name and is rendered in a sandbox. Template mistakes become
``InputError`` naming the template file and line (exit code 2, no traceback).
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from typing import TYPE_CHECKING

from bcalc.core.checks import contract_tips
from bcalc.errors import InputError, Problem
from bcalc.messages import say, title
from bcalc.models import ROLES, Product, Result, Tariffs, TimeLine
from bcalc.money import ZERO, en_number, fmt_money, fmt_percent, nl_number, round_cents
from bcalc.render.labels import LABELS

if TYPE_CHECKING:
    from bcalc.app import Report

ENTRY = "report.md.j2"
# Warnings that mean a cost is missing from the totals.
NOT_COUNTED = ("unvalued", "quantity", "no_amount")
CATEGORY_ORDER = ("one_off", "recurring", "training", "internal")
COST_COLUMNS = ("one_off", "recurring", "training", "internal", "vat", "cost")

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}

# Words of the report, on top of the short estimate's labels (bcalc.render.labels).
TEXT = {
    "nl": {
        "title": "Businesscase",
        "h_summary": "Samenvatting",
        "h_basis": "Uitgangspunten",
        "h_costs": "Kosten",
        "h_vat": "Btw",
        "h_indexation": "Indexatie",
        "h_funding": "Financiering en dekking",
        "h_result": "Resultaat per jaar",
        "h_attention": "Aandachtspunten",
        "h_sources": "Bronnen",
        "h_staff": "Medewerkers",
        "h_deployments": "Inzetten",
        "h_cost_year": "Kosten per kalenderjaar",
        "h_cost_deployment": "Kosten per inzet",
        "h_cost_lines": "Waar het geld naartoe gaat",
        "h_funding_lines": "Financieringsregels",
        "h_coverage": "Dekking van de kosten",
        "h_vpt": "VPT: technologiekosten naast het beschikbare deel van het dagtarief",
        "h_routes": "Mogelijke financieringsroutes",
        "h_warnings": "Waarschuwingen bij de berekening",
        "h_tips": "Contracttips die voor deze case gelden",
        "h_checks": "Contractpunten, doorgerekend voor deze case",
        "h_benefits": "Baten",
        "h_investment": "Investering",
        "b_minutes": "minuten", "b_hours": "uur", "b_per_day": "per cliënt per dag",
        "b_per_week": "per cliënt per week", "b_per_month": "per cliënt per maand", "b_per_year": "per cliënt per jaar",
        "b_no_source": "geen bron opgegeven",
        "b_benefit": "Baat", "b_what": "Omvang", "b_realisation": "Realisatie", "b_cash": "Kasbaat",
        "b_hours_col": "Uren", "b_fte": "Fte per jaar", "b_amount": "Waarde", "b_source": "Bron",
        "b_vendor": " (claim van de leverancier)", "b_yes": "ja", "b_no": "nee",
        "b_note": ("Alleen kasbaten verlagen het budget; vrijgekomen tijd die in zorg wordt geherinvesteerd is een "
                   "baat, geen besparing. Bedenk vooraf wat u met de vrijgekomen tijd doet (001:236-237)."),
        "i_npv": "Netto contante waarde", "i_irr": "Interne rentevoet", "i_payback": "Terugverdientijd",
        "i_dpayback": "Verdisconteerde terugverdientijd", "i_break_even": "Break-even cliënten per jaar",
        "i_cash": "Netto kasstroom (financiering + kasbaten - kosten)", "i_owed": "Nog verschuldigd na de looptijd",
        "i_no_rate": "geen discontovoet in de case (discount_rate)",
        "i_convention": ("Conventie: het eerste kalenderjaar van de case is het basisjaar; de netto stroom van jaar k "
                         "wordt gedeeld door (1 + r)^(k - 1). Terugverdientijd: de eerste maand vanaf welke het "
                         "cumulatieve netto resultaat tot het einde van de looptijd niet meer onder nul komt. "
                         "Break-even: het kleinste aantal cliënten per jaar (in elke inzet en elk jaar gelijk) waarbij "
                         "het netto resultaat over de looptijd niet negatief is."),
        "not_within": "niet binnen de looptijd", "month_n": "maand {n}", "none_up_to": "geen tot {n}",
        "irr_never_changes_sign": "niet zinvol: de jaarlijkse netto stromen wisselen nooit van teken",
        "irr_changes_sign_more_than_once": "niet zinvol: de jaarlijkse netto stromen wisselen meer dan eens van teken",
        "irr_outside_range": "niet zinvol: geen rentevoet tussen -99 % en 1000 %",

        "h_figures": "Gebruikte catalogusbedragen",
        "h_documents": "Brondocumenten",
        "h_funding_sources": "Bronnen van de financiering",
        "h_other_sources": "Overige uitgangspunten",
        "h_method": "Rekenwijze",
        "key_figure": "Kengetal",
        "value": "Waarde",
        "total_cost": "Totale kosten",
        "total_funding": "Totale financiering",
        "net_result": "Netto resultaat",
        "cost_per_client_month": "Kosten per cliënt per maand",
        "net_per_client_month": "Netto kosten per cliënt per maand",
        "horizon": "Looptijd",
        "horizon_text": "{years} jaar ({months} maanden): {first} t/m {last}",
        "client_months": "Cliëntmaanden",
        "summary_cpm": (
            "Kosten per cliënt per maand zijn de totale kosten gedeeld door het aantal cliëntmaanden: de som "
            "over alle inzetten van het aantal cliënten in gebruik per contractjaar maal 12 maanden "
            "({client_months} cliëntmaanden)."),
        "summary_no_clients": "Er zijn geen cliënten in gebruik; kosten per cliënt per maand zijn niet te berekenen.",
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
        "total_benefits": "Totale baten",
        "fact": "Uitgangspunt",
        "organisation_none": "niet opgegeven",
        "scenario_text": "{name}: {label}",
        "scenario_basis": "Grondslag van het scenario",
        "indexation_used": "Indexatie gebruikt",
        "override": "eigen percentage uit de case",
        "prices_end": "Prijzen uit bereiken",
        "prices_end_text": "{end} (--prices {code})",
        "vat_rate": "Btw-tarief",
        "vat_recoverable": "Terugvorderbaar deel van de btw",
        "price_level": "Prijspeil catalogus",
        "price_level_text": "{years}; catalogusprijzen worden niet geïndexeerd naar de start",
        "source_rule": "Regel van de bron",
        "role": "Rol",
        "count": "Aantal",
        "hourly_rate": "Uurtarief (integraal, startjaar)",
        "not_given": "niet opgegeven",
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
        "incl_vat_short": "incl. btw",
        "quantity_short": "aantal",
        "vat_rate_short": "btw",
        "none": "geen",
        "cost_year_note": "Bedragen exclusief btw per soort; de btw-kolom is de niet-terugvorderbare btw; Kosten is het totaal.",
        "partial_years": "Het eerste en/of laatste kalenderjaar is gedeeltelijk (kolom {months}).",
        "lines_note": "Per inzet de kostenposten opgeteld over de looptijd.",
        "lines_total": "Totaal inzet",
        "not_counted": (
            "Niet in de kosten opgenomen (de kosten zijn hierdoor te laag tot u de ontbrekende gegevens in de "
            "case invult):"),
        "vat_total": "Niet-terugvorderbare btw over de looptijd",
        "vat_share": "Aandeel in de totale kosten",
        "vat_exempt": (
            "Zorg is vrijgesteld van btw: de zorgorganisatie kan de btw op inkopen niet verrekenen, dus btw "
            "is een echte kostenpost. Vraag daarom altijd of een prijs inclusief of exclusief btw is; dat "
            "scheelt potentieel 21 % op de businesscase (001:307-308)."),
        "vat_recoverable_text": "De case rekent met {share} terugvorderbare btw; de rest telt als kosten.",
        "vat_incl_lines": "Posten die in de bron inclusief btw zijn geoffreerd (de offerte is de prijs die u betaalt):",
        "vat_not_stated_lines": (
            "Posten waarvan de bron de btw niet vermeldt (volgens de documentregel 001:4084-4090 als "
            "exclusief btw gerekend; vraag het na):"),
        "vat_no_incl": "Geen posten zijn inclusief btw geoffreerd.",
        "vat_no_not_stated": "Bij alle gebruikte posten vermeldt de bron de btw, of de prijs komt uit de case.",
        "rates_intro": "Percentages per kalenderjaar in scenario {scenario}; het startjaar {first} is het basisjaar (bedragen zoals opgegeven).",
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
        "no_caps": (
            "Geen inzet heeft een contractueel plafond op prijsstijgingen; de prijzen volgen het scenario."),
        "scenario_basis_label": "Grondslag van scenario {scenario}",
        "overrides": "De case overschrijft het scenario voor: {kinds}.",
        "kind_prices": "prijzen",
        "kind_wages": "lonen",
        "kind_tariffs": "tarieven",
        "code": "Code",
        "basis": "Grondslag",
        "fixed_amount": "vast bedrag",
        "hours_x": "{q} uur × {rate}",
        "days_x": "{q} cliëntdagen × {rate}",
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
        "cumulative": "Cumulatief netto",
        "result_note_negative": "Het cumulatieve netto resultaat is aan het eind van de looptijd negatief.",
        "result_note_turns": "Het cumulatieve netto resultaat wordt positief in {year}.",
        "result_note_positive": "Het cumulatieve netto resultaat is vanaf het eerste jaar positief.",
        "no_warnings": "De berekening gaf geen waarschuwingen.",
        "no_tips": "Geen van de contracttips van bron 001 is specifiek voor deze case.",
        "applies_to": "Geldt hier voor",
        "figures_note": "Elk catalogusbedrag dat de case gebruikt, zoals het in de bron staat.",
        "written": "Bedrag in bron",
        "vat_written": "Btw in bron",
        "source_line": "Bronregel",
        "price_year": "Prijspeil",
        "from_case": "prijs uit de case",
        "included": "inclusief",
        "rate_from_case": "× uurtarief uit de case",
        "vat_excl": "exclusief btw",
        "vat_incl": "inclusief btw",
        "vat_not_stated": "niet vermeld (als excl. gerekend)",
        "na": "n.v.t.",
        "document": "Document",
        "file": "Bestand",
        "funding_source": "definitie",
        "tariff_source": "Tarief",
        "tariff_from_case": "uit de case (contract)",
        "amount_from_case": "bedrag uit de case",
        "vat_source": "Btw",
        "method": (
            "Berekend met bcalc in Decimal-rekenkunde (geen binaire drijvende komma): maand voor maand over de "
            "looptijd, gerapporteerd per kalenderjaar. Elke regel (inzet, post, soort, kalenderjaar) is één "
            "keer half-up op centen afgerond; de btw per regel uit het afgeronde bedrag; elk totaal is de som "
            "van afgeronde regels. Bereiken in de bron: {end}."),
    },
    "en": {
        "title": "Business case",
        "h_summary": "Summary",
        "h_basis": "Starting points",
        "h_costs": "Costs",
        "h_vat": "VAT",
        "h_indexation": "Indexation",
        "h_funding": "Funding and coverage",
        "h_result": "Result per year",
        "h_attention": "Points of attention",
        "h_sources": "Sources",
        "h_staff": "Staff",
        "h_deployments": "Deployments",
        "h_cost_year": "Cost per calendar year",
        "h_cost_deployment": "Cost per deployment",
        "h_cost_lines": "What the money is for",
        "h_funding_lines": "Funding lines",
        "h_coverage": "Coverage of the cost",
        "h_vpt": "VPT: technology cost next to the available share of the day rate",
        "h_routes": "Possible funding routes",
        "h_warnings": "Warnings from the calculation",
        "h_tips": "Contract tips that apply to this case",
        "h_checks": "Contract points, worked out for this case",
        "h_benefits": "Benefits",
        "h_investment": "Investment",
        "b_minutes": "minutes", "b_hours": "hours", "b_per_day": "per client per day",
        "b_per_week": "per client per week", "b_per_month": "per client per month", "b_per_year": "per client per year",
        "b_no_source": "no source given",
        "b_benefit": "Benefit", "b_what": "Size", "b_realisation": "Realisation", "b_cash": "Cashable",
        "b_hours_col": "Hours", "b_fte": "FTE a year", "b_amount": "Value", "b_source": "Source",
        "b_vendor": " (vendor claim)", "b_yes": "yes", "b_no": "no",
        "b_note": ("Only cashable benefits lower the budget; freed time reinvested in care is a benefit, not a saving. "
                   "Decide beforehand what to do with the freed time (001:236-237)."),
        "i_npv": "Net present value", "i_irr": "Internal rate of return", "i_payback": "Payback",
        "i_dpayback": "Discounted payback", "i_break_even": "Break-even clients per year",
        "i_cash": "Net cash flow (funding + cashable benefits - cost)", "i_owed": "Still owed after the horizon",
        "i_no_rate": "no discount rate in the case (discount_rate)",
        "i_convention": ("Convention: the first calendar year of the case is the base year; the net flow of year k is "
                         "divided by (1 + r)^(k - 1). Payback: the first month from which the cumulative net result "
                         "stays at or above zero to the end of the horizon. Break-even: the smallest number of clients "
                         "per year (the same in every deployment and year) at which the net result over the horizon "
                         "is not negative."),
        "not_within": "not within the horizon", "month_n": "month {n}", "none_up_to": "none up to {n}",
        "irr_never_changes_sign": "not meaningful: the yearly net flows never change sign",
        "irr_changes_sign_more_than_once": "not meaningful: the yearly net flows change sign more than once",
        "irr_outside_range": "not meaningful: no rate between -99% and 1000%",

        "h_figures": "Catalogue figures used",
        "h_documents": "Source documents",
        "h_funding_sources": "Funding sources",
        "h_other_sources": "Other starting points",
        "h_method": "Method",
        "key_figure": "Key figure",
        "value": "Value",
        "total_cost": "Total cost",
        "total_funding": "Total funding",
        "net_result": "Net result",
        "cost_per_client_month": "Cost per client per month",
        "net_per_client_month": "Net cost per client per month",
        "horizon": "Horizon",
        "horizon_text": "{years} years ({months} months): {first} to {last}",
        "client_months": "Client-months",
        "summary_cpm": (
            "Cost per client per month is the total cost divided by the number of client-months: the sum over "
            "all deployments of the clients in use per contract year times 12 months ({client_months} "
            "client-months)."),
        "summary_no_clients": "No clients are in use; cost per client per month cannot be computed.",
        "horizon_short": "{years} years ({first} to {last})",
        "summary_sentence": (
            "Over {horizon} this deployment of care technology costs {cost}, including non-recoverable VAT "
            "and valued internal hours."),
        "summary_funding": (
            "Funding of {funding} stands against it, {share} of the cost; the net result is {net}."),
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
        "total_benefits": "Total benefits",
        "fact": "Starting point",
        "organisation_none": "not given",
        "scenario_text": "{name}: {label}",
        "scenario_basis": "Basis of the scenario",
        "indexation_used": "Indexation used",
        "override": "own rate from the case",
        "prices_end": "Prices from ranges",
        "prices_end_text": "{end} (--prices {code})",
        "vat_rate": "VAT rate",
        "vat_recoverable": "Recoverable share of VAT",
        "price_level": "Catalogue price level",
        "price_level_text": "{years}; catalogue prices are not indexed to the start",
        "source_rule": "Rule of the source",
        "role": "Role",
        "count": "Count",
        "hourly_rate": "Hourly rate (loaded, start year)",
        "not_given": "not given",
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
        "incl_vat_short": "incl. VAT",
        "quantity_short": "quantity",
        "vat_rate_short": "VAT",
        "none": "none",
        "cost_year_note": "Amounts excluding VAT per category; the VAT column is the non-recoverable VAT; Cost is the total.",
        "partial_years": "The first and/or last calendar year is partial (column {months}).",
        "lines_note": "Per deployment, the cost items summed over the horizon.",
        "lines_total": "Deployment total",
        "not_counted": "Not in the cost, so the cost is understated until the case gives the missing data:",
        "vat_total": "Non-recoverable VAT over the horizon",
        "vat_share": "Share of total cost",
        "vat_exempt": (
            "Care is exempt from VAT: a care organisation cannot reclaim the VAT on its purchases, so VAT is a "
            "real cost. Always ask whether a price includes or excludes VAT; it can make 21% difference to "
            "the business case (001:307-308)."),
        "vat_recoverable_text": "The case reckons with {share} recoverable VAT; the rest counts as cost.",
        "vat_incl_lines": "Items the source quotes including VAT (the quote is the price you pay):",
        "vat_not_stated_lines": (
            "Items whose VAT the source does not state (taken as excluding VAT by the document's rule "
            "001:4084-4090; ask the supplier):"),
        "vat_no_incl": "No items are quoted including VAT.",
        "vat_no_not_stated": "For every item used the source states the VAT, or the price comes from the case.",
        "rates_intro": "Rates per calendar year in scenario {scenario}; the start year {first} is the base year (amounts as given).",
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
        "code": "Code",
        "basis": "Basis",
        "fixed_amount": "fixed amount",
        "hours_x": "{q} hours × {rate}",
        "days_x": "{q} client-days × {rate}",
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
        "cumulative": "Cumulative net",
        "result_note_negative": "The cumulative net result is negative at the end of the horizon.",
        "result_note_turns": "The cumulative net result turns positive in {year}.",
        "result_note_positive": "The cumulative net result is positive from the first year.",
        "no_warnings": "The calculation gave no warnings.",
        "no_tips": "None of the contract tips of source 001 is specific to this case.",
        "applies_to": "Applies here to",
        "figures_note": "Every catalogue figure the case uses, as written in the source.",
        "written": "Amount in source",
        "vat_written": "VAT in source",
        "source_line": "Source line",
        "price_year": "Price level",
        "from_case": "price from the case",
        "included": "included",
        "rate_from_case": "× hourly rate from the case",
        "vat_excl": "excluding VAT",
        "vat_incl": "including VAT",
        "vat_not_stated": "not stated (taken as excl.)",
        "na": "n/a",
        "document": "Document",
        "file": "File",
        "funding_source": "definition",
        "tariff_source": "Tariff",
        "tariff_from_case": "from the case (contract)",
        "amount_from_case": "amount from the case",
        "vat_source": "VAT",
        "method": (
            "Computed with bcalc in Decimal arithmetic (no binary floating point): month by month over the "
            "horizon, reported per calendar year. Each line (deployment, item, category, calendar year) is "
            "rounded half-up to cents once; VAT per line from the rounded amount; every total is the sum of "
            "rounded lines. Ranges in the source: {end}."),
    },
}

ROLE_NAMES = {
    "nl": {"care_staff": "Zorgmedewerkers", "key_user": "Key-users", "project_lead": "Projectleider",
           "functional_admin": "Functioneel beheerder", "data_analyst": "Data-analist"},
    "en": {"care_staff": "Care staff", "key_user": "Key users", "project_lead": "Project lead",
           "functional_admin": "Functional administrator", "data_analyst": "Data analyst"},
}

# Words of the sections on other products and on scenarios (chapter "result").
ANALYSIS_TEXT = {
    "nl": {
        "h_compare": "Vergelijking met andere producten",
        "h_scenarios": "Scenario's en stresstests",
        "compare_intro": (
            "Inzet {n} ({name}) naast de andere producten in de catalogus voor dezelfde behoefte ({need}), "
            "met dezelfde cliënten, medewerkers, looptijd, btw en indexatie (scenario {scenario}, prijzen "
            "{end}). De kosten zijn die van deze inzet over de looptijd, inclusief niet-terugvorderbare btw; "
            "netto is het resultaat van de hele case. Zelf doen: `bcalc compare CASE --deployment {n}`."),
        "compare_other_deployments": "De andere inzetten vergelijkt u met `bcalc compare CASE --deployment N`.",
        "scenarios_intro": (
            "De case onder elk indexatiescenario, met de onderkant, het midden en de bovenkant van de "
            "prijsbereiken en met 0 %, de eigen en 100 % terugvorderbare btw; daarna de stresstests. Vet: de "
            "beste en de slechtste rij naar netto resultaat. Zelf doen: `bcalc scenarios CASE`."),
    },
    "en": {
        "h_compare": "Comparison with other products",
        "h_scenarios": "Scenarios and stress tests",
        "compare_intro": (
            "Deployment {n} ({name}) next to the other products in the catalogue for the same need ({need}), "
            "with the same clients, staff, horizon, VAT and indexation (scenario {scenario}, prices {end}). "
            "Costs are this deployment's over the horizon, including non-recoverable VAT; net is the result "
            "of the whole case. To run it yourself: `bcalc compare CASE --deployment {n}`."),
        "compare_other_deployments": "Compare the other deployments with `bcalc compare CASE --deployment N`.",
        "scenarios_intro": (
            "The case under every indexation scenario, with the low end, midpoint and high end of price "
            "ranges and with 0%, the case's own and 100% recoverable VAT; then the stress tests. In bold: "
            "the best and the worst row by net result. To run it yourself: `bcalc scenarios CASE`."),
    },
}

# Words of the sections on uncertainty (chapter "result"): sensitivity and simulation. The views of
# `bcalc sensitivity` and `bcalc simulate` (sensitivity_view, simulate_view) supply the rest.
UNCERTAINTY_TEXT = {
    "nl": {
        "h_sensitivity": "Onzekerheid: gevoeligheid",
        "h_simulation": "Onzekerheid: simulatie",
        "h_tornado": "Tornadodiagram",
        "sens_intro": (
            "Eén invoer tegelijk naar zijn lage en zijn hoge waarde, al het andere zoals geschat (scenario "
            "{scenario}, prijzen {end}). Gesorteerd op bereik: het verschil tussen het netto resultaat bij hoog "
            "en bij laag. Zelf doen: `bcalc sensitivity CASE`."),
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
            "de lage waarde, █ bij de hoge waarde; links van │ lager, rechts hoger."),
        "sens_index": "Indexatiepercentages bewegen 1 procentpunt naar beide kanten.",
        "sens_low": "bij laag",
        "sens_high": "bij hoog",
        "sim_intro": (
            "Een Monte Carlo-simulatie met een vast aantal van {draws} trekkingen en een vaste seed {seed}, "
            "zodat dit rapport bij elke run dezelfde uitkomsten geeft. Getrokken worden de onzekere "
            "catalogusbedragen (bereiken in de bron en '±'-bedragen), elk uit een driehoeksverdeling laag / "
            "modus / hoog; al het andere staat zoals geschat. Zelf doen: "
            "`bcalc simulate CASE --draws {plain} --seed {seed}`."),
        "sim_outcome": "Uitkomst",
        "sim_percentiles": (
            "P10, P50 en P90: in 10 %, 50 % en 90 % van de trekkingen is de uitkomst dit bedrag of lager; "
            "gemiddeld is het gemiddelde over alle trekkingen, schatting de case zelf."),
        "sim_prices_mid": (
            "De simulatie gaat uit van het midden van elk prijsbereik (de modus), ook nu dit rapport met de "
            "{end} van de bereiken rekent; de kolom schatting is daarom de case met middenprijzen."),
        "sim_missing": "De simulatie is overgeslagen: installeer numpy voor de simulatie (`pip install numpy`).",
    },
    "en": {
        "h_sensitivity": "Uncertainty: sensitivity",
        "h_simulation": "Uncertainty: simulation",
        "h_tornado": "Tornado chart",
        "sens_intro": (
            "One input at a time at its low and at its high value, everything else as estimated (scenario "
            "{scenario}, prices {end}). Sorted by swing: the difference between the net result at high and at "
            "low. To run it yourself: `bcalc sensitivity CASE`."),
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
            "the high value; left of │ lower, right of it higher."),
        "sens_index": "Indexation rates move 1 percentage point either way.",
        "sens_low": "at low",
        "sens_high": "at high",
        "sim_intro": (
            "A Monte Carlo simulation with a fixed number of {draws} draws and a fixed seed {seed}, so that "
            "this report gives the same outcomes at every run. Drawn are the uncertain catalogue figures "
            "(ranges in the source and '±' figures), each from a triangular distribution low / mode / high; "
            "everything else stays as estimated. To run it yourself: "
            "`bcalc simulate CASE --draws {plain} --seed {seed}`."),
        "sim_outcome": "Outcome",
        "sim_percentiles": (
            "P10, P50 and P90: in 10%, 50% and 90% of the draws the outcome is this amount or lower; mean is "
            "the average over all draws, estimate the case itself."),
        "sim_prices_mid": (
            "The simulation takes the midpoint of each price range (the mode), although this report uses the "
            "{end} of the ranges; the estimate column is therefore the case at midpoint prices."),
        "sim_missing": "The simulation was skipped: install numpy for the simulation (`pip install numpy`).",
    },
}

# ---- formatting -------------------------------------------------------------------------


def _num(value, lang: str, places: int = 0) -> str:
    if value is None:
        return "-"
    value = Decimal(value)
    return nl_number(value, places) if lang == "nl" else en_number(value, places)


def _money(value, lang: str) -> str:
    return "-" if value is None else fmt_money(Decimal(value), lang)


def _pct(value, lang: str, places: int | None = None) -> str:
    """A fraction as a percentage: exact (``4,948 %``) or rounded to ``places`` (``44,6 %``)."""
    if value is None:
        return "-"
    value = Decimal(value)
    if places is None:
        return fmt_percent(value, lang)
    text = _num(value * 100, lang, places)
    return f"{text} %" if lang == "nl" else f"{text}%"


def cell(text) -> str:
    """User text inside a table cell: one line, ``|`` escaped."""
    return inline(text).replace("|", "\\|")


def inline(text) -> str:
    """User text on one line (headings, list items)."""
    return " ".join(str(text if text is not None else "").split())


# ---- the numbers --------------------------------------------------------------------------


@dataclass
class _Group:
    """Cost lines of one deployment and item summed over the horizon."""

    deployment: int
    item: str
    label: str
    category: str
    source: str
    kind: str
    excl_vat: Decimal = ZERO
    vat: Decimal = ZERO
    quantity: Decimal = ZERO
    lines: list = field(default_factory=list)
    display: str = ""             # label with the hours of internal lines
    source_text: str = ""         # the source line, or "price from the case"

    @property
    def cost(self) -> Decimal:
        return self.excl_vat + self.vat


def _share(part: Decimal, whole: Decimal) -> Decimal | None:
    return None if not whole else part / whole


def _month_name(year: int, month: int, lang: str) -> str:
    return f"{MONTHS[lang][month - 1]} {year}"


def _find_time(product: Product, line_id: str) -> TimeLine | None:
    return next((t for t in product.time if t.id == line_id), None)


def _active_options(product: Product, dep) -> list[tuple[str, bool]]:
    """Options of a deployment: (name, taken by default)."""
    out = [(o, False) for o in dep.options]
    for ch in product.choices:
        if ch.default and not set(dep.options).intersection(ch.options):
            out.append((ch.default, True))
    return out


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


def context(bundle: Report, lang: str = "nl") -> dict:
    """Everything the templates show, as plain data (Decimals stay Decimals), from the figures of
    one ``bcalc.app.report``."""
    result, catalogue, tariffs = bundle.result, bundle.catalogue, bundle.tariffs
    if lang not in TEXT:
        raise InputError([Problem("bcalc", None, "--lang", f"unknown language '{lang}'; known: nl, en")])
    L = {**LABELS[lang], **TEXT[lang], **ANALYSIS_TEXT[lang], **UNCERTAINTY_TEXT[lang]}
    case = result.case
    products = catalogue.products
    total = result.total
    years = [row.year for row in result.per_year]

    # -- horizon ------------------------------------------------------------------------
    n_months = case.years * 12
    last_index = case.start_month - 1 + n_months - 1
    last_year, last_month = case.start_year + last_index // 12, last_index % 12 + 1
    first_month = _month_name(case.start_year, case.start_month, lang)
    last_month_name = _month_name(last_year, last_month, lang)
    horizon_text = L["horizon_text"].format(years=case.years, months=n_months, first=first_month,
                                            last=last_month_name)
    horizon_short = L["horizon_short"].format(years=case.years, first=first_month, last=last_month_name)

    # -- deployments ----------------------------------------------------------------------
    deployments = []
    client_months = 0
    for p_tot in result.products:
        d = p_tot.deployment
        dep = case.deployments[d]
        product = products[dep.product]
        client_months += sum(dep.clients) * 12
        name = f"{d + 1}. {product.name}" + (f" ({dep.label})" if dep.label else "")
        own = []
        for item_id, price in dep.prices.items():
            it = product.item(item_id)
            text = f"{it.label if it else item_id}: {_money(price, lang)}"
            if it is not None and it.vat == "incl":
                text += f" ({L['incl_vat_short']})"
            own.append(text)
        for item_id, qty in dep.quantities.items():
            it = product.item(item_id) or _find_time(product, item_id)
            own.append(f"{it.label if it else item_id}: {L['quantity_short']} {_num(qty, lang, _places(qty))}")
        for item_id, rate in dep.vat_rates.items():
            it = product.item(item_id)
            own.append(f"{it.label if it else item_id}: {L['vat_rate_short']} {_pct(rate, lang)}")
        options = [f"{o} ({L['default_option']})" if dflt else o for o, dflt in _active_options(product, dep)]
        deployments.append({
            "index": d + 1,
            "name": name,
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

    # -- cost lines per deployment summed over the horizon -----------------------------
    groups: dict[tuple, _Group] = {}
    for ln in result.lines:
        key = (ln.deployment, ln.item, ln.category)
        g = groups.get(key)
        if g is None:
            g = groups[key] = _Group(ln.deployment, ln.item, ln.label, ln.category, ln.source, ln.kind)
        g.excl_vat += ln.excl_vat
        g.vat += ln.vat
        g.quantity += ln.quantity
        g.lines.append(ln)
    for dep in deployments:
        mine = [g for g in groups.values() if g.deployment == dep["index"] - 1]
        first_seen = {id(g): i for i, g in enumerate(mine)}
        mine.sort(key=lambda g: (CATEGORY_ORDER.index(g.category), g.kind != "supplier", first_seen[id(g)]))
        dep["groups"] = mine
        for g in mine:
            g.display = g.label
            g.source_text = L["from_case"] if g.source == "case" else g.source
            if g.kind == "internal":
                hours = _num(g.quantity, lang, 0 if _places(g.quantity) == 0 else 1)
                g.display = f"{g.label} ({hours} {'uur' if lang == 'nl' else 'hours'})"

    # -- VAT --------------------------------------------------------------------------
    incl_lines, not_stated = [], []
    for g in groups.values():
        if g.kind != "supplier":
            continue
        product = products[result.products[g.deployment].product]
        item = product.item(g.lines[0].base_item)
        where = {"deployment": deployments[g.deployment]["name"], "label": g.label, "source": g.source_text}
        if g.lines[0].quoted == "incl":
            incl_lines.append(where)
        elif (item is not None and item.vat == "not_stated" and not item.included and g.source != "case"
              and g.cost):
            not_stated.append(where)

    # -- indexation -------------------------------------------------------------------
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
    scenario = tariffs.scenarios[result.scenario]
    overrides = [L[f"kind_{k}"] for k in ("prices", "wages", "tariffs") if getattr(case.indexation, k) is not None]
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
                deployment=dep["name"], cap=_pct(cap, lang),
                applied=", ".join(f"{a if a == b else f'{a}-{b}'} {_pct(r, lang)}" for a, b, r in applied))
        else:
            text = L["cap_not_binding"].format(deployment=dep["name"], cap=_pct(cap, lang))
        caps.append(text)

    def rate_summary(kind: str) -> str:
        rates = result.rates[kind]
        ys = [y for y in years if kind != "prices" or y in anniversary_years]
        parts = []
        for first, last, r in _rate_groups(rates, ys):
            span = str(first) if first == last else f"{first}-{last}"
            parts.append(f"{span} {_pct(r, lang)}")
        return ", ".join(parts) or "-"

    indexation_used = "; ".join(f"{L['kind_' + k]} {rate_summary(k)}" for k in ("prices", "wages", "tariffs"))

    # -- per year: funding, coverage, result ------------------------------------------
    year_rows = []
    cumulative = ZERO
    for row in result.per_year:
        t = row.totals
        cumulative += t.net
        year_rows.append({"year": row.year, "months": row.months, "totals": t, "cumulative": cumulative,
                          "coverage": _share(t.funding, t.cost)})
    if cumulative <= 0:
        result_note = L["result_note_negative"]
    elif all(r["cumulative"] > 0 for r in year_rows):
        result_note = L["result_note_positive"]
    else:
        last_negative = max(r["year"] for r in year_rows if r["cumulative"] <= 0)
        result_note = L["result_note_turns"].format(year=last_negative + 1)

    cost_by_year = {row.year: row.totals.cost for row in result.per_year}
    funding_rows = []
    vpt_rows = []
    for f in result.funding:
        code = tariffs.funding.get(f.code)
        kind = code.kind if code else "subsidy"
        if kind == "hourly":
            basis = L["hours_x"].format(q=_num(f.quantity, lang, _places(f.quantity)), rate=_money(f.rate, lang))
        elif kind == "vpt":
            basis = L["days_x"].format(q=_num(f.quantity, lang, _places(f.quantity)),
                                       rate=_money(round_cents(f.rate), lang) if f.rate is not None else "-")
        else:
            basis = L["fixed_amount"]
        funding_rows.append({"index": f.index, "year": f.year, "code": f.code, "label": f.label, "basis": basis, "amount": f.amount})
        if kind == "vpt" and f.quantity:
            cost_pd = round_cents(cost_by_year.get(f.year, ZERO) / f.quantity)
            avail_pd = round_cents(f.amount / f.quantity)
            vpt_rows.append({"index": f.index, "year": f.year, "label": f.label, "client_days": f.quantity, "cost_per_day": cost_pd,
                             "available_per_day": avail_pd, "gap_per_day": avail_pd - cost_pd})

    funding_rows.sort(key=lambda r: (r["year"], r["index"]))
    vpt_rows.sort(key=lambda r: (r["year"], r["index"]))
    routes = []
    for code in tariffs.funding.values():
        if code.kind == "subsidy":
            tariff = L["tariff_subsidy"]
        elif code.tariffs:
            tariff = ", ".join(f"{y}: {_money(v, lang)}" for y, v in sorted(code.tariffs.items()))
        else:
            tariff = L["tariff_not_public"]
        routes.append({"code": code.code, "name": code.name, "domain": code.domain, "unit": code.unit,
                       "tariff": tariff, "source": code.source})

    # -- summary ------------------------------------------------------------------------
    cpm = total.cost / client_months if client_months else None
    net_cpm = -total.net / client_months if client_months else None
    summary = {
        "cost": total.cost, "funding": total.funding, "benefits": total.benefits, "net": total.net,
        "coverage": _share(total.funding, total.cost),
        "client_months": client_months,
        "cost_per_client_month": cpm,
        "net_cost_per_client_month": net_cpm,
        "horizon": horizon_text,
        "horizon_short": horizon_short,
    }

    # -- staff ---------------------------------------------------------------------------
    staff = []
    for role in ROLES:
        if role in case.staff:
            s = case.staff[role]
            staff.append({"role": role, "name": ROLE_NAMES[lang][role], "count": s.count, "rate": s.rate})

    # -- tips -----------------------------------------------------------------------------
    tips = _tips(result, catalogue, deployments, lang)

    # -- sources ----------------------------------------------------------------------------
    figures, doc_ids = _figures(result, catalogue, groups, deployments, L, lang)
    documents = [catalogue.sources[i] for i in sorted(doc_ids) if i in catalogue.sources]
    funding_sources = []
    seen = set()
    for f in result.funding:
        if f.code in seen:
            continue
        seen.add(f.code)
        code = tariffs.funding.get(f.code)
        if code is None:
            continue
        if code.kind == "subsidy":
            tariff = L["amount_from_case"]
        elif f.source == "case":
            tariff = L["tariff_from_case"]
        else:
            tariff = f.source
        funding_sources.append({"code": code.code, "name": code.name, "source": code.source, "tariff": tariff})

    source_docs = list(catalogue.sources.values())
    old_levels = [y for y in result.price_years if y < case.start_year]
    summary["price_level_note"] = (
        L["summary_price_level"].format(years=", ".join(str(y) for y in old_levels))
        if old_levels and any(f["source"] != L["from_case"] for f in figures) else "")
    return {
        "lang": lang,
        "L": L,
        "case": case,
        "result": result,
        "scenario": scenario,
        "scenario_name": result.scenario,
        "overrides": overrides,
        "indexation_used": indexation_used,
        "prices_end": result.prices_end,
        "vat_rate": result.vat_rate,
        "vat_recoverable": case.vat_recoverable,
        "vat_source": tariffs.vat_source,
        "price_years": ", ".join(str(y) for y in result.price_years),
        "source_rules": [d.rule for d in (documents or source_docs) if d.rule],
        "staff": staff,
        "teams": case.teams,
        "deployments": deployments,
        "summary": summary,
        "total": total,
        "years": year_rows,
        "partial_years": any(r["months"] != 12 for r in year_rows),
        "vat": {"total": total.vat, "share": _share(total.vat, total.cost), "incl": incl_lines,
                "not_stated": not_stated},
        "rate_rows": rate_rows,
        "caps": caps,
        "funding_rows": funding_rows,
        "vpt_rows": vpt_rows,
        "routes": routes,
        "result_note": result_note,
        "benefit_rows": _benefit_rows(result, L, lang),
        "investment": _investment(result, L, lang),
        "warnings": [inline(say(w, lang)) for w in result.warnings if not w.code.startswith("check_")],
        "checks": [inline(say(w, lang)) for w in result.warnings if w.code.startswith("check_")],
        "not_counted": [inline(say(w, lang)) for w in result.warnings if w.code in NOT_COUNTED],
        "tips": tips,
        "figures": figures,
        "documents": documents,
        "funding_sources": funding_sources,
        "comparison": comparison_view(bundle, lang, L),
        "scenarios": scenarios_view_of(bundle, lang, L),
        "uncertainty": uncertainty(bundle, lang),
        "method": L["method"].format(end=L[result.prices_end] + f" (--prices {result.prices_end})"),
        "chapter": {"summary": 1, "basis": 2, "costs": 3, "vat": 4, "indexation": 5, "funding": 6, "result": 7,
                    "attention": 8, "sources": 9},
    }


def comparison_view(bundle: Report, lang: str, L: dict | None = None) -> dict:
    """Deployment 1 against the other products of its need, as ``bcalc compare`` shows it."""
    from bcalc.render import compare_view

    result, catalogue = bundle.result, bundle.catalogue
    L = L or {**LABELS[lang], **TEXT[lang], **ANALYSIS_TEXT[lang]}
    view = compare_view.build_need(bundle.comparison, catalogue, lang, scenario=result.scenario,
                                   prices=result.prices_end)
    case = result.case
    dep = case.deployments[0]
    intro = L["compare_intro"].format(n=1, name=catalogue.products[dep.product].name, need=view["need"],
                                      scenario=result.scenario, end=L[result.prices_end])
    if len(case.deployments) > 1:
        intro += " " + L["compare_other_deployments"]
    rows = [{"label": label, "strong": strong, "values": [a[key] for a in view["alternatives"]]}
            for key, label, strong in compare_view.rows(view)]
    heads = [cell(a["column"]) + (" \\*" if a["cheapest"] else "") for a in view["alternatives"]]
    return {**view, "W": compare_view.words(lang), "intro": intro, "heads": heads, "rows": rows,
            "cheapest_line": ("\\* " if view["cheapest"] is not None else "") + compare_view.cheapest_line(view),
            "problems": compare_view.problems(view), "assumptions": compare_view.assumptions(view)}


def scenarios_view_of(bundle: Report, lang: str, L: dict | None = None) -> dict:
    """The case under every scenario and under stress, as ``bcalc scenarios`` shows it."""
    from bcalc.render import scenarios_view

    L = L or {**TEXT[lang], **ANALYSIS_TEXT[lang]}
    view = scenarios_view.build(bundle.scenarios, lang)
    W = scenarios_view.words(lang)

    def table(rows, keys):
        return {"heads": [W[k] for k in keys],
                "rows": [{"label": r["shown"], "strong": r["best"] or r["worst"], "values": [r[k] for k in keys]}
                         for r in rows]}

    return {**view, "W": W, "intro": L["scenarios_intro"],
            "grid_table": table(scenarios_view.grid(view), scenarios_view.columns(view, False)),
            "stress_table": table(scenarios_view.stress(view), scenarios_view.columns(view, True)),
            "marks_line": scenarios_view.marks_line(view)}


# ---- uncertainty: sensitivity and simulation ------------------------------------------------

CHART_LABEL = 40              # the tornado chart in text: label width (longer labels are cut) ...
CHART_BAR = 31                # ... and bar width (odd: the middle column is the estimate)


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
    text = inline(text)
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


def _sensitivity_view(sens, result: Result, lang: str, tariffs_file: str) -> dict:
    """The rows of ``bcalc sensitivity --format json`` (the same figures), with what the report shows."""
    from bcalc.render import sensitivity_view as view

    W, U = view.WORDS[lang], UNCERTAINTY_TEXT[lang]
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
        "intro": U["sens_intro"].format(scenario=sens.scenario, end=LABELS[lang].get(sens.prices, sens.prices)),
        "base": base + ".",
        "has_npv": has_npv,
        "heads": heads,
        "rows": rows,
        "none": W["none"],
        "chart": chart,
        "fence": _fence(chart),
        "chart_note": U["sens_chart_note"],
        "idle": W["idle"].format(names=", ".join(say(i.label, lang) for i in sens.without_effect))
        if sens.without_effect else "",
        "assumptions": view.assumptions_text(sens.settings, tariffs_file, lang) + " " + U["sens_index"],
        "settings": view.assumptions_dict(sens.settings),
    }


def _simulation_view(sim, result: Result, lang: str, tariffs_file: str) -> dict:
    """The figures of ``bcalc simulate --format json`` with the report's draws and seed."""
    U = UNCERTAINTY_TEXT[lang]
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
    if of == "npv":
        prob_text = W["prob_npv"].format(rate=fmt_percent(result.case.discount_rate, lang),
                                         p=view._pct(probability, lang))
    else:
        prob_text = W["prob_net"].format(p=view._pct(probability, lang))
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
        "facts": W["facts"].format(draws=view._int(sim.draws, lang), seed=sim.seed, scenario=sim.scenario,
                                   inputs=len(sim.inputs)),
        "stats_title": W["stats"],
        "heads": [U["sim_outcome"], "P10", "P50", "P90", _capital(W["mean"]), _capital(W["estimate"])],
        "stats": stats,
        "probability": probability,
        "probability_of": of,
        "probability_text": prob_text,
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


def uncertainty(bundle: Report, lang: str = "nl") -> dict:
    """The sensitivity (as ``bcalc sensitivity``) and the simulation (as ``bcalc simulate`` with the
    report's draws and seed), for the Markdown report and the workbook."""
    result, sens, sim = bundle.result, bundle.sensitivity, bundle.simulation
    where = _tariffs_file(bundle.tariffs)
    return {"sensitivity": _sensitivity_view(sens, result, lang, where),
            "simulation": _simulation_view(sim, result, lang, where)}


def _places(value: Decimal) -> int:
    """Decimals to show for a quantity: none for whole numbers, else up to 2."""
    value = Decimal(value)
    return 0 if value == value.to_integral_value() else 2


def _tips(result, catalogue, deployments, lang: str) -> list[dict]:
    """The contract tips the core finds for this case, with what each applies to as the report names it."""
    names = {d["index"] - 1: d["name"] for d in deployments}
    tips = []
    for tip in contract_tips(result, catalogue):
        applies = tip.params["applies"]
        if tip.code == "tip_cap":
            shown = [names[d] for d in applies]
        elif tip.code == "tip_vat":
            shown = [f"{names[d]}, {label}" for d, label in applies]
        elif tip.code == "tip_suppliers":
            shown = list(applies)
        else:
            shown = [f"{product}, {label}" for product, label in applies]
        tips.append({"key": tip.code.removeprefix("tip_"), "title": title(tip.code, lang), "text": say(tip, lang),
                     "applies": shown, "source": tip.source})
    return tips


def _benefit_rows(result: Result, L: dict, lang: str) -> list[dict]:
    """One row per declared benefit: what it is, where the figure comes from, hours and euros."""
    case = result.case
    rows = []
    for index, b in enumerate(case.benefits):
        mine = [x for x in result.benefits if x.index == index]
        hours = sum((x.hours for x in mine), ZERO)
        fte = None
        if case.hours_per_fte and hours:
            fte = hours / case.hours_per_fte / case.years  # a yearly average over the horizon
        if b.kind == "time":
            what = (f"{_num(b.minutes if b.minutes is not None else b.hours, lang, 1)} "
                    f"{L['b_minutes'] if b.minutes is not None else L['b_hours']} {L['b_per_' + b.per]}, {b.role}")
        else:
            what = f"{_money(b.amount, lang)} {L['b_per_' + b.per]}"
        rows.append({"label": b.label, "what": what, "realisation": b.realisation, "cashable": b.cashable,
                     "hours": hours, "fte": fte, "amount": sum((x.amount for x in mine), ZERO),
                     "source": b.source or L["b_no_source"], "vendor": b.vendor_claim})
    return rows


def _investment(result: Result, L: dict, lang: str) -> dict | None:
    inv = result.investment
    if inv is None:
        return None
    month = (lambda n: L["not_within"] if n is None else L["month_n"].format(n=n))
    irr_text = (_pct(inv.irr, lang, 2) if inv.irr is not None else L[f"irr_{inv.irr_note}"])
    return {
        "rate": _pct(inv.discount_rate, lang) if inv.discount_rate is not None else None,
        "npv": inv.npv, "irr": irr_text, "payback": month(inv.payback_month),
        "discounted_payback": month(inv.discounted_payback_month) if inv.discount_rate is not None else None,
        "break_even": (str(inv.break_even_clients) if inv.break_even_clients is not None
                       else L["none_up_to"].format(n=inv.break_even_limit)),
        "cash_net": result.total.cash_net, "cashable": result.total.cashable,
        "owed": result.owed_after_horizon,
    }


def _figures(result, catalogue, groups, deployments, L, lang) -> tuple[list[dict], set[str]]:
    """One row per catalogue figure the case used (deployment, item), in the order of the cost lines."""
    rows = []
    docs: set[str] = set()
    vat_words = {"excl": L["vat_excl"], "incl": L["vat_incl"], "not_stated": L["vat_not_stated"]}
    for dep in deployments:
        product: Product = dep["product"]
        for g in dep["groups"]:
            line = g.lines[0]
            row = {"deployment": dep["name"], "label": g.label, "source": g.source, "price_year": None,
                   "vat": L["na"], "written": ""}
            if g.source == "case":
                row["written"] = f"{_money(line.unit_price, lang)} ({L['from_case']})" if line.unit_price is not None \
                    else L["from_case"]
                item = product.item(g.lines[0].base_item)
                if item is not None:
                    row["vat"] = vat_words.get(item.vat, item.vat)
                row["source"] = L["from_case"]
                rows.append(row)
                continue
            docs.add(g.source.split(":", 1)[0])
            row["price_year"] = product.price_year
            if g.kind == "internal":
                t = _find_time(product, g.item)
                row["written"] = f"{t.written if t and t.written else '-'} {L['rate_from_case']}"
                rows.append(row)
                continue
            item = product.item(line.base_item)
            if item is not None and item.included:
                row["written"] = L["included"]
            else:
                row["written"] = line.written or "-"
                if line.tier_label:
                    row["written"] += f" ({line.tier_label})"
            if item is not None:
                row["vat"] = L["na"] if item.included else vat_words.get(item.vat, item.vat)
                if item.currency != "EUR":
                    row["written"] += f" ({item.currency})"
            rows.append(row)
    return rows, docs


# ---- jinja ----------------------------------------------------------------------------


def _filters(lang: str) -> dict:
    return {
        "money": lambda v: _money(v, lang),
        "pct": lambda v, places=None: _pct(v, lang, places),
        "num": lambda v, places=0: _num(v, lang, places),
        "cell": cell,
        "inline": inline,
    }


def _template_frame(exc: BaseException, folders: list[Path]) -> tuple[str | None, int | None]:
    """The innermost traceback frame that lies in a template file (jinja rewrites frames to them)."""
    found: tuple[str | None, int | None] = (None, None)
    roots = [str(f.resolve()) for f in folders]
    for frame in traceback.extract_tb(exc.__traceback__):
        name = frame.filename
        if name.endswith(".j2") or any(name.startswith(r) for r in roots):
            found = (name, frame.lineno)
    return found


def _problem(file: str | None, line: int | None, message: str, fallback: str) -> InputError:
    return InputError([Problem(file or fallback, line, "template", message)])


def render(bundle: Report, lang: str = "nl", templates: Path | None = None) -> str:
    """The business case as Markdown. ``templates``: a folder whose templates replace the bundled ones."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    from bcalc.paths import templates_dir

    bundled = templates_dir()
    folders = [bundled]
    options = dict(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
                   trim_blocks=True, lstrip_blocks=True)
    if templates is not None:
        user = Path(templates)
        if not user.is_dir():
            raise InputError([Problem(str(user), None, "--templates", "is not a folder")])
        folders = [user, bundled]
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(user)), jinja2.FileSystemLoader(str(bundled))])
        env = SandboxedEnvironment(loader=loader, **options)
    else:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(bundled)), **options)
    env.filters.update(_filters(lang))

    ctx = context(bundle, lang)
    where = str((folders[0] / ENTRY))
    try:
        template = env.get_template(ENTRY)
        where = template.filename or where
        text = template.render(**ctx)
    except jinja2.TemplateSyntaxError as exc:
        raise _problem(exc.filename or exc.name, exc.lineno, exc.message or str(exc), where) from None
    except jinja2.TemplateNotFound as exc:
        file, line = _template_frame(exc, folders)
        raise _problem(file, line, f"template not found: {exc.name}", where) from None
    except jinja2.TemplateError as exc:  # undefined variables, sandbox violations
        file, line = _template_frame(exc, folders)
        message = str(exc)
        if isinstance(exc, jinja2.exceptions.SecurityError):
            message = f"refused by the sandbox: {message}"
        raise _problem(file, line, message, where) from None
    except Exception as exc:
        # A user's template calling a filter or method wrongly is a mistake in input, not in bcalc.
        file, line = _template_frame(exc, folders)
        if templates is None or file is None or not _is_under(file, Path(templates)):
            raise
        raise _problem(file, line, f"{type(exc).__name__}: {exc}", where) from None
    return _tidy(text)


def _is_under(file: str, folder: Path) -> bool:
    try:
        Path(file).resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def _tidy(text: str) -> str:
    """At most one blank line in a row, no trailing spaces, one newline at the end."""
    text = "\n".join(line.rstrip() for line in text.splitlines())
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n"
