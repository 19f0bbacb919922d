"""English words for every message code of the core (``TEXTS``), the word lists and
sentence parts they use."""

from __future__ import annotations

WORDS = {
    "quoted": {None: "", "excl": " excl. VAT", "incl": " incl. VAT"},
    "quote_source": {"": "no source given"},
    "end": {"mid": "the midpoint", "low": "the low end", "high": "the high end"},
    "role": {"care_staff": "care staff", "key_user": "key users", "project_lead": "project lead",
             "functional_admin": "functional administrator", "data_analyst": "data analyst"},
    "index": {"prices": "prices", "wages": "wages", "tariffs": "tariffs"},
    "benefit_field": {"minutes": "minutes", "hours": "hours", "amount": "amount", "realisation": "realisation"},
    "funding_field": {"tariff": "tariff", "day_rate": "day rate", "technology_share": "technology share"},
    "none_of": {None: "none of the options"},
    "none": {None: "none"},
}

# parts of a sentence that depend on the values (see bcalc.messages.DERIVED)
PIECES = {
    "price_year": ", price level {year}",
    "tier_amount": "{price:money}",
    "tier_units": "from {min_units} units",
    "tier_years": "contract of {min_years} years or more",
    "tier_and": " and ",
    "tier_other": "all other cases",
    "pack": "{n} x {size} pcs",
    "phase": "phase {phase}",
    "own_time_per_day": ", {hours:n1} hours a day from the case (hours_per_day)",
    "own_time_per_day_part": ", {hours:n1} hours a dagdeel from the case (hours_per_day_part)",
    "version_from": "from {valid_from}",
    "version_until": "until {valid_until}",
    "version_both": "from {valid_from} to {valid_until}",
}


TEXTS = {
    # -- prices and time of the catalogue
    "range": "{product}, {item} ({source}): source gives {written}; {end:end} {value:money} used "
             "(--prices low|high for the ends)",
    "approx": "{product}, {item} ({source}): amount is approximate ({written}); ask for a quote",
    "range_hours": "{product}, {item} ({source}): source gives {written}; {value:plain} hours per week used",
    "approx_hours": "{product}, {item} ({source}): time is approximate ({written})",
    "own_time": "{product}, {item} ({source}): '{written}' is counted as the organisation's own time of {role} "
                "(count_time){per_day}",
    "unvalued": "{product}, {item} ({source}): {hours:n1} hours {role} not in the cost; give staff.{role}.rate "
                "(loaded cost per hour)",
    "benefit_unvalued": "Benefit '{benefit}': {hours:n1} hours {role} freed but not valued; give staff.{role}.rate",
    "vendor_claim": "Benefit '{benefit}' rests on a vendor claim ({source}); test it in your own practice",
    "tier": "{product}, {item}: tier price {written} ({cond}{label}) at {count} ({source})",
    "quote": "{product}, {item}: price from the case{quoted:quoted}, {price:money}{at} ({source:quote_source})",
    "own_line": "{product}, {item}: the case's own line{at} ({source})",
    "fx": "{product}, {item}: amount in {currency}, converted at {rate} euro per {currency} from the case",
    "quantity": "{product}, {item} ({source}): not counted, the source gives no quantity; give it under "
                "quantities.{item_id}",
    "no_amount": "{product}, {item} ({source}): the source names no amount; not counted until you give it under "
                 "prices.{item_id}",
    "packs": "{product}, {item}: {needed} pieces per period, cheapest as {packs} ({source})",
    "ambiguous": "{product}, {item} ({source}): the source is ambiguous; see the catalogue note "
                 "(bcalc catalogue show {product_id}).",
    "vat_not_stated": "{product}, {item} ({source}): VAT not stated; taken as excluding VAT by the document's rule "
                      "({rule})",
    "vat_read": "{product}, {item} ({source}): VAT not stated; read as{read:quoted} (see the catalogue note)",
    "bound_max": "{product}, {item} ({source}): the amount is a maximum ('maximaal'); negotiate",
    "bound_min": "{product}, {item} ({source}): the amount is a minimum ('vanaf'); the real amount may be higher",
    # -- the case
    "cap": "{deployment}: price indexation capped at {cap:pct} a year (contract term, tip {source})",
    "price_level": "Catalogue prices are at the {year} price level and indicative ({source}); bcalc does not index "
                   "them to {start_year}. Use quoted prices (prices) where you have them.",
    "price_level_indexed": "Catalogue prices at the {year} price level are indexed to {to_year} (catalogue_prices: "
                           "indexed): factor {factor:n6}, {rise:pct} higher ({source}). Prices the case gives itself "
                           "(prices) are not indexed.",
    "catalogue_index_missing": "No published index figure for {year} is in data/tariffs.yaml: catalogue prices rise 0 % "
                               "that year; give the figure under catalogue_index ({year}: ...%)",
    "catalogue_index_case": "Index figure {year} for catalogue prices from the case (catalogue_index): {rate:pct}",
    "shared": "{product} appears more than once: costs per organisation, team or employee and the internal hours "
              "are counted with its first deployment",
    "shared_own": "{product} appears more than once: costs per organisation are counted with its first deployment; "
                  "deployment {deployment} is charged the costs and hours per employee or team of {counts} (on its own "
                  "counts where it gives them, else the organisation's)",
    "funding_stop": "Every deployment stops after contract year {year}: funding per client stops then and later "
                    "subsidies lapse",
    "funding_exit": "A deployment stops early (exit_year), but the funding lines keep their own client counts: "
                    "check whether that funding continues",
    "funding_over_clients": "Funding line {funding} ({label}) counts {clients} clients in contract year {year}, "
                            "but only {in_use} units are in use then: funding per client needs a client in use "
                            "(to follow a deployment's clients, write deployment: N instead of clients)",
    # -- contract checks
    "check_fixed": "{product}: fixed costs that run on without clients: {amount:money} a year excl. VAT "
                   "({items:list}); check how long the contract runs (tip {source})",
    "check_minimum": "{product}: a minimum of {minimum} units is billed even with fewer clients (tip {source})",
    "check_cap": "{product}: recurring costs ({amount:money} over {years} years) rise with no agreed maximum; agree "
                 "a maximum yearly indexation (tip {source})",
    "check_tier": "{product}, {item}: {gap} more (from {min_units}, now {peak}) brings {written} instead of "
                  "{current}; {saving:money} less (tier, tip {tip}; {source})",
    "check_pricing": "{product}, {choice}: '{cheapest:none_of}' costs {cheapest_cost:money} over the horizon, "
                     "'{current:none}' {current_cost:money} (pricing model, tip {source})",
    "check_suppliers": "{suppliers:len} suppliers ({suppliers:list}): each contract needs supplier management; "
                       "limit their number (tip {source})",
    "check_range": "{product}, {item}: the source gives {written}; low and high end differ by {amount:money} excl. "
                   "VAT over the horizon: negotiate (prices are indicative, {source})",
    "check_owed": "The contract runs {term} years, the case {years}: stopping at the end of the horizon still costs "
                  "{amount:money} after it (fixed costs, minimum volumes and collection until the contract ends; "
                  "tip {source})",
    "discount_real": "The {rate:pct} discount rate is a real rate (flows at constant prices), but this case indexes "
                     "prices, wages or tariffs: its flows are nominal. Use scenario none, or a nominal rate (such "
                     "as your own required return).",
    # -- contract tips of source 001 (the report gives their title, text and citation)
    "tip_fixed": "Agree the contract term and check whether you pay these fixed costs every year even when the "
                 "solution is (temporarily) not used.",
    "tip_cap": "Agree that the supplier may index prices yearly by at most a fixed percentage; the calculation now "
               "follows the scenario.",
    "tip_vat": "Not every item says 'excluding VAT': some are quoted including VAT or the source does not state the "
               "VAT. As VAT is a cost for a care organisation this can make up to 21% difference; have the quote "
               "state whether amounts include or exclude VAT.",
    "tip_pricing": "Some items are charged per employee. Compare a price per client, per employee and a flat fee "
                   "for your own numbers, and ask for volume discounts when scaling up.",
    "tip_implementation": "Have it written down what the fee covers, such as configured processes and staff "
                          "training.",
    "tip_suppliers": "This case uses {n} suppliers; each contract needs supplier management.",
    # -- comparison
    "compare_options": "{product}: options {options:list} of {old} do not exist here",
    "compare_choice": "{product}: choice {choice} taken as '{option}'",
    "compare_prices": "{product}: the negotiated prices of {old} do not apply; catalogue prices used",
    "compare_assets": "{product}: the lifetimes and residual values of {old} ({items:list}) do not apply; computed without a lifetime",
    "compare_benefits": "{product}: benefits of {old} ({benefits:list}) not carried over",
    "compare_missing": "the case lacks {missing:list}",
    "compare_horizon": "horizon {years} years: the cases differ in horizon; compare the cost per client per month",
    # -- scenarios
    "scenario_grid": "indexation {scenario}; prices {prices}; VAT recovered {pct}%",
    "scenario_cap": "prices at the contract cap every year",
    "scenario_half": "half the planned clients (rounded down)",
    "scenario_exit": "stopping after contract year {year}",
    "scenarios_note_price_ends": "Prices from ranges (low end, midpoint, high end; --prices low|mid|high): every "
                                 "range in the source moves, amounts (€35.000-€40.000) and hours (\"4-6 uur per "
                                 "week\") alike, so a high end also counts the most hours.",
    "scenarios_note_uncapped": "Deployments without a cap rise with the highest cap of the case in the cap row.",
    "scenarios_note_no_cap": "No contract cap in the case: prices follow the indexation scenario; the highest "
                             "scenario gives the highest price rise.",
    "scenarios_note_stopping": "Stopping: no clients after the year of stopping (devices collected); fixed costs "
                               "and minimum volumes run until the contract ends; funding per client stops, later "
                               "subsidies lapse. Still owed = what the contract costs after that, also beyond the "
                               "horizon.",
    # -- uncertain inputs (sensitivity, simulation)
    "input_item": "{product}: {item}{tier}",
    "input_time": "{product}: {item}{phase}",
    "input_clients": "Clients deployment {deployment} ({name})",
    "input_benefit": "Benefit {benefit} ({label}): {field:benefit_field}",
    "sensitivity_index_held": "Indexation of {kind:index}: {end:end} is held at {value:pct}; a step of {step:pct} "
                              "would take a year past {bound:pct}, the bound of an indexation rate.",
    "input_indexation": "Indexation of {kind:index}",
    "input_funding": "Funding {funding} ({name}): {field:funding_field}",
    "input_price": "Price deployment {deployment} ({product}): {item}",
    "input_staff_rate": "Hourly rate {role:role}",
    "portfolio_clients_overlap": "Need {need}, deployment {label}: {cases:len} cases deploy a product for the "
                                 "same need under the same name in {span} ({cases:list}); do they count "
                                 "the same clients twice?",
    "portfolio_clients_unlabelled": "Need {need}: {cases:len} cases deploy a product for the same need in "
                                    "{span} without naming the deployment ({cases:list}); do they count "
                                    "the same clients twice? Give each deployment a label (district, team) if the "
                                    "clients differ.",
    "portfolio_staff_overlap": "Role {role:role}: {cases:len} cases count the organisation's head count in "
                               "{span} ({counts:list}; {cases:list}); if these are the same people, their "
                               "time is counted twice. Give a deployment its own staff (deployments[].staff) if "
                               "the people differ.",
    "portfolio_fte_norms": "No FTE per role: the cases use different hours per FTE ({norms:list}) or give none; "
                           "set hours_per_fte in the portfolio file.",
    "portfolio_budget_year_empty": "None of the cases runs in {year}: that year's budget is empty.",
    # -- versions of catalogue items (a new price list beside the old one)
    "catalogue_version": "{product}, {item}: price of the catalogue version that applies {period} ({source}, price "
                         "level {year}), as the case starts in {start}",
}

TITLES = {
    "tip_fixed": "Fixed costs run on, even without clients.",
    "tip_cap": "No cap on price increases.",
    "tip_vat": "Including or excluding VAT?",
    "tip_pricing": "Pricing per employee or per client?",
    "tip_implementation": "Implementation costs: what do you get?",
    "tip_suppliers": "Limit the number of suppliers.",
}
