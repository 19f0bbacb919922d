"""Dutch words for every message code of the core (``TEXTS``), the word lists and
sentence parts they use."""

from __future__ import annotations

WORDS = {
    "quoted": {None: "", "excl": " excl. btw", "incl": " incl. btw"},
    "quote_source": {"": "zonder bron"},
    "end": {"mid": "het midden", "low": "de onderkant", "high": "de bovenkant"},
    "prices": {"low": "onderkant", "mid": "midden", "high": "bovenkant"},
    "role": {"care_staff": "zorgmedewerkers", "key_user": "key users", "project_lead": "projectleider",
             "functional_admin": "functioneel beheerder", "data_analyst": "data-analist"},
    "index": {"prices": "prijzen", "wages": "lonen", "tariffs": "tarieven"},
    "benefit_field": {"minutes": "minuten", "hours": "uren", "amount": "bedrag", "realisation": "realisatie"},
    "funding_field": {"tariff": "tarief", "day_rate": "dagtarief", "technology_share": "deel voor technologie"},
    "none_of": {None: "geen van de opties"},
    "none": {None: "geen"},
}

# parts of a sentence that depend on the values (see bcalc.messages.DERIVED)
PIECES = {
    "price_year": ", prijspeil {year}",
    "tier_amount": "{price:money}",
    "tier_units": "vanaf {min_units} stuks",
    "tier_years": "contract vanaf {min_years} jaar",
    "tier_and": " en ",
    "tier_other": "overige gevallen",
    "pack": "{n} x {size} st.",
    "phase": "fase {phase}",
    "own_time_per_day": ", {hours:n1} uur per dag uit de case (hours_per_day)",
    "own_time_per_day_part": ", {hours:n1} uur per dagdeel uit de case (hours_per_day_part)",
    "version_from": "vanaf {valid_from}",
    "version_until": "tot en met {valid_until}",
    "version_both": "van {valid_from} tot en met {valid_until}",
}


TEXTS = {
    # -- prices and time of the catalogue
    "range": "{product}, {item} ({source}): bron geeft {written}; {end:end} {value:money} gebruikt "
             "(--prices low|high voor de uiteinden)",
    "approx": "{product}, {item} ({source}): bedrag is bij benadering ({written}); vraag een offerte",
    "range_hours": "{product}, {item} ({source}): bron geeft {written}; {value:plain} uur per week gebruikt",
    "approx_hours": "{product}, {item} ({source}): tijd is bij benadering ({written})",
    "own_time": "{product}, {item} ({source}): '{written}' telt mee als eigen tijd van {role} (count_time){per_day}",
    "unvalued": "{product}, {item} ({source}): {hours:n1} uur {role} niet in de kosten; geef staff.{role}.rate "
                "(integrale kosten per uur)",
    "benefit_unvalued": "Baat '{benefit}': {hours:n1} uur {role} vrijgekomen maar niet in euro's; geef "
                        "staff.{role}.rate",
    "vendor_claim": "Baat '{benefit}' rust op een claim van de leverancier ({source}); toets haar in de eigen praktijk",
    "tier": "{product}, {item}: staffelprijs {written} ({cond}{label}) bij {count} ({source})",
    "quote": "{product}, {item}: prijs uit de case{quoted:quoted}, {price:money}{at} ({source:quote_source})",
    "own_line": "{product}, {item}: eigen regel van de case{at} ({source})",
    "fx": "{product}, {item}: bedrag in {currency}, omgerekend tegen {rate:n4} euro per {currency} uit de case",
    "quantity": "{product}, {item} ({source}): niet meegeteld, de bron geeft geen aantal; geef het onder "
                "quantities.{item_id}",
    "no_amount": "{product}, {item} ({source}): de bron noemt geen bedrag; niet meegeteld tot u het geeft onder "
                 "prices.{item_id}",
    "packs": "{product}, {item}: {needed} stuks per periode, goedkoopst als {packs} ({source})",
    "ambiguous": "{product}, {item} ({source}): bron is niet eenduidig.{note}",
    "vat_not_stated": "{product}, {item} ({source}): btw niet vermeld; volgens de documentregel ({rule}) als "
                      "exclusief btw gerekend",
    "vat_read": "{product}, {item} ({source}): btw niet vermeld; gelezen als{read:quoted} (toelichting in de "
                "catalogus)",
    "bound_max": "{product}, {item} ({source}): het bedrag is een maximum ('maximaal'); onderhandel",
    "bound_min": "{product}, {item} ({source}): het bedrag is een minimum ('vanaf'); het werkelijke bedrag kan "
                 "hoger zijn",
    # -- the case
    "cap": "{deployment}: prijsindexatie begrensd op {cap:pct} per jaar (contractafspraak, tip {source})",
    "price_level": "Catalogusprijzen zijn van prijspeil {year} en indicatief ({source}); bcalc indexeert ze niet "
                   "naar {start_year}. Gebruik offerteprijzen (prices) waar u die hebt.",
    "price_level_indexed": "Catalogusprijzen van prijspeil {year} zijn geïndexeerd naar {to_year} (catalogue_prices: "
                           "indexed): factor {factor:n6}, {rise:pct} hoger ({source}). Prijzen die de case zelf geeft "
                           "(prices) worden niet geïndexeerd.",
    "catalogue_index_missing": "Voor {year} staat geen gepubliceerd indexcijfer in data/tariffs.yaml: de catalogusprijzen "
                               "stijgen dat jaar met 0 %; geef het cijfer onder catalogue_index ({year}: ...%)",
    "catalogue_index_case": "Indexcijfer {year} voor catalogusprijzen uit de case (catalogue_index): {rate:pct}",
    "shared": "{product} komt vaker voor: kosten per organisatie, team of medewerker en de interne uren staan bij "
              "de eerste inzet van dit product",
    "shared_own": "{product} komt vaker voor: kosten per organisatie staan bij de eerste inzet van dit product; "
                  "inzet {deployment} draagt de kosten en uren per medewerker of team van {counts} (met de eigen "
                  "aantallen waar de inzet die geeft, anders die van de organisatie)",
    "funding_stop": "Alle inzetten stoppen na contractjaar {year}: financiering per cliënt stopt dan en latere "
                    "subsidies vervallen",
    "funding_exit": "Een inzet stopt eerder (exit_year), maar de financieringsregels houden hun eigen aantallen "
                    "cliënten: controleer of die financiering doorloopt",
    "funding_over_clients": "Financieringsregel {funding} ({label}) telt {clients} cliënten in contractjaar {year}, "
                            "maar dan zijn er maar {in_use} eenheden in gebruik: financiering per cliënt vraagt een "
                            "cliënt in gebruik (schrijf deployment: N in plaats van clients om de cliënten van een "
                            "inzet te volgen)",
    # -- contract checks
    "check_fixed": "{product}: vaste kosten die ook zonder cliënten doorlopen: {amount:money} per jaar excl. btw "
                   "({items:list}); ga na hoe lang het contract loopt (tip {source})",
    "check_minimum": "{product}: minimale afname van {minimum} eenheden wordt ook bij minder cliënten gefactureerd "
                     "(tip {source})",
    "check_cap": "{product}: terugkerende kosten ({amount:money} over {years} jaar) stijgen zonder afgesproken "
                 "maximum; spreek een maximale jaarlijkse indexatie af (tip {source})",
    "check_tier": "{product}, {item}: met {gap} meer (vanaf {min_units}, nu {peak}) geldt {written} in plaats van "
                  "{current}; {saving:money} minder (staffel, tip {tip}; {source})",
    "check_pricing": "{product}, {choice}: '{cheapest:none_of}' kost over de looptijd {cheapest_cost:money}, "
                     "'{current:none}' {current_cost:money} (prijsmodel, tip {source})",
    "check_suppliers": "{suppliers:len} leveranciers ({suppliers:list}): elk contract vraagt "
                       "leveranciersmanagement; beperk het aantal (tip {source})",
    "check_range": "{product}, {item}: de bron geeft {written}; tussen onder- en bovenkant zit over de looptijd "
                   "{amount:money} excl. btw: onderhandel (prijzen zijn indicatief, {source})",
    "check_owed": "Het contract loopt {term} jaar, de case {years} jaar: wie aan het eind van de looptijd stopt, "
                  "betaalt daarna nog {amount:money} (vaste kosten, minimale afname en ophalen tot het einde van "
                  "het contract; tip {source})",
    "discount_real": "De discontovoet van {rate:pct} is een reële voet (stromen in constante prijzen), maar deze "
                     "case indexeert prijzen, lonen of tarieven: de stromen zijn nominaal. Gebruik scenario none, "
                     "of een nominale voet (bijvoorbeeld het eigen rendementsvereiste).",
    # -- contract tips of source 001 (the report gives their title, text and citation)
    "tip_fixed": "Spreek de contractduur af en ga na of u deze vaste kosten elk jaar kwijt bent als de oplossing "
                 "(even) niet wordt gebruikt.",
    "tip_cap": "Spreek af dat de leverancier de prijzen jaarlijks met ten hoogste een vast percentage mag "
               "indexeren; nu volgt de berekening het scenario.",
    "tip_vat": "Niet bij alle posten staat 'exclusief btw': sommige zijn inclusief btw geoffreerd of de bron noemt "
               "de btw niet. Omdat btw voor een zorgorganisatie een kostenpost is, scheelt dit tot 21 %; laat in de "
               "offerte vastleggen of bedragen inclusief of exclusief btw zijn.",
    "tip_pricing": "Er zijn posten per medewerker. Vergelijk voor uw eigen aantallen een prijs per cliënt, per "
                   "medewerker en een vast bedrag, en vraag naar staffelkorting bij opschaling.",
    "tip_implementation": "Laat vastleggen wat het bedrag omvat, zoals ingerichte processen en training van "
                          "medewerkers.",
    "tip_suppliers": "Deze case gebruikt {n} leveranciers; elk contract vraagt leveranciersmanagement.",
    # -- comparison
    "compare_options": "{product}: opties {options:list} van {old} bestaan hier niet",
    "compare_choice": "{product}: keuze {choice} aangenomen als '{option}'",
    "compare_prices": "{product}: de onderhandelde prijzen van {old} gelden niet; catalogusprijzen gebruikt",
    "compare_assets": "{product}: de levensduur en restwaarde van {old} ({items:list}) gelden niet; zonder levensduur gerekend",
    "compare_benefits": "{product}: baten van {old} ({benefits:list}) niet meegenomen",
    "compare_missing": "de case mist {missing:list}",
    "compare_horizon": "looptijd {years} jaar: de cases hebben verschillende looptijden; vergelijk de kosten per "
                       "cliënt per maand",
    # -- scenarios
    "scenario_grid": "{name}; prijzen {prices:prices}; btw terug {pct} %",
    "scenario_cap": "prijzen elk jaar op het contractplafond",
    "scenario_half": "de helft van de geplande cliënten (afgerond naar beneden)",
    "scenario_exit": "stoppen na contractjaar {year}",
    "scenarios_note_price_ends": "Prijzen uit bereiken (onderkant, midden, bovenkant; --prices low|mid|high): elk "
                                 "bereik in de bron schuift mee, bedragen (€35.000-€40.000) én uren (\"4-6 uur per "
                                 "week\"), zodat een bovenkant ook de meeste uren rekent.",
    "scenarios_note_uncapped": "Inzetten zonder plafond stijgen in de plafondrij met het hoogste plafond van de case.",
    "scenarios_note_no_cap": "Geen contractplafond in de case: de prijzen volgen het indexatiescenario; het "
                             "hoogste scenario geeft de hoogste prijsstijging.",
    "scenarios_note_stopping": "Stoppen: na het stopjaar geen cliënten meer (apparaten opgehaald); vaste kosten en "
                               "minimale afname lopen tot het einde van het contract; financiering per cliënt "
                               "stopt, subsidies na het stopjaar vervallen. Nog verschuldigd = wat het contract "
                               "daarna nog kost, ook na de looptijd.",
    # -- uncertain inputs (sensitivity, simulation)
    "input_item": "{product}: {item}{tier}",
    "input_time": "{product}: {item}{phase}",
    "input_clients": "Cliënten inzet {deployment} ({name})",
    "input_benefit": "Baat {benefit} ({label}): {field:benefit_field}",
    "sensitivity_index_held": "Indexatie {kind:index}: {end:end} is gehouden op {value:pct}; een stap van "
                              "{step:pct} zou een jaar voorbij {bound:pct} brengen, de grens van een "
                              "indexatiepercentage.",
    "input_indexation": "Indexatie {kind:index}",
    "input_funding": "Financiering {funding} ({name}): {field:funding_field}",
    "input_price": "Prijs inzet {deployment} ({product}): {item}",
    "input_staff_rate": "Uurtarief {role:role}",
    "portfolio_clients_overlap": "Behoefte {need}, inzet {label}: {cases:len} cases zetten in {span} "
                                 "een product in voor dezelfde behoefte onder dezelfde naam ({cases:list}); "
                                 "tellen ze dezelfde cliënten dubbel?",
    "portfolio_clients_unlabelled": "Behoefte {need}: {cases:len} cases zetten in {span} een product in "
                                    "voor dezelfde behoefte zonder naam van de inzet ({cases:list}); tellen ze "
                                    "dezelfde cliënten dubbel? Geef elke inzet een label (wijk, team) als het om "
                                    "andere cliënten gaat.",
    "portfolio_staff_overlap": "Rol {role:role}: {cases:len} cases rekenen in {span} met het aantal van de "
                               "organisatie ({counts:list}; {cases:list}); zijn het dezelfde medewerkers, dan telt "
                               "hun tijd dubbel. Geef een inzet haar eigen personeel (deployments[].staff) als het "
                               "om andere medewerkers gaat.",
    "portfolio_fte_norms": "Geen fte per rol: de cases rekenen met verschillende uren per fte ({norms:list}) of "
                           "geven er geen; geef hours_per_fte in het portefeuillebestand.",
    "portfolio_budget_year_empty": "In {year} loopt geen van de cases: de begroting van dat jaar is leeg.",
    # -- versions of catalogue items (a new price list beside the old one)
    "catalogue_version": "{product}, {item}: prijs van de catalogusversie die geldt {period} ({source}, prijspeil "
                         "{year}), want de case begint in {start}",
}

TITLES = {
    "tip_fixed": "Vaste kosten lopen door, ook zonder cliënten.",
    "tip_cap": "Geen plafond op prijsstijgingen.",
    "tip_vat": "Inclusief of exclusief btw?",
    "tip_pricing": "Prijsmodel per medewerker of per cliënt?",
    "tip_implementation": "Implementatiekosten: wat krijgt u ervoor?",
    "tip_suppliers": "Beperk het aantal leveranciers.",
}
