"""The commented starter case written by `bcalc init`."""

STARTER = """\
# bcalc case: een business case voor de inzet van zorgtechnologie.
# Draai: bcalc estimate <dit bestand>     (JSON: --format json; Engels: --lang en)
# Producten en hun prijzen: bcalc catalogue list / bcalc catalogue show <id>
# Bedragen in euro, exclusief btw tenzij de catalogus zegt dat de prijs inclusief btw is.
# Percentages schrijft u als 3% of 0.03.

case: Mijn business case                 # titel (verplicht)
organisation: Mijn zorgorganisatie       # optioneel
start: 2027-01                           # eerste maand, JJJJ-MM (verplicht)
years: 3                                 # looptijd in jaren, 1 tot 15 (verplicht)
scenario: base                           # indexatie: none, low, base, high (data/tariffs.yaml)

# indexation:                            # eigen jaarlijkse percentages in plaats van het scenario
#   prices: 2%                           # leveranciersprijzen
#   wages: 3%                            # interne uurtarieven (per 1 januari)
#   tariffs: 2%                          # financieringstarieven (per 1 januari)

vat:
  recoverable: 0%                        # deel van de btw dat u terugvordert; zorg is vrijgesteld: meestal 0%

staff:                                   # rollen: care_staff, key_user, project_lead, functional_admin, data_analyst
  care_staff: {count: 10}                # aantal medewerkers; voeg rate: toe (integrale kosten per uur)
  project_lead: {count: 1}               # zonder rate worden de uren getoond maar niet in euro's gerekend
  teams: 1                               # aantal zorgteams (voor prijzen per team)

deployments:                             # een of meer inzetten van een product uit de catalogus
  - product: medido                      # product-id: bcalc catalogue list
    clients: 10                          # cliënten in gebruik: één getal, of één per jaar: [5, 10, 10]
    # options: [zorgcentrale]            # opties en keuzes van het product (bcalc catalogue show medido)
    # prices: {huur: 60.00}              # uw onderhandelde prijs per post (id uit catalogue show)
    # quantities: {}                     # aantallen voor posten zonder aantal in de bron
    # index_cap: 2%                      # contractuele maximale prijsstijging per jaar

# funding:                               # financiering; tarieven zijn niet openbaar: vul uw contract in
#   - code: "1062"                       # Zvw thuiszorgtechnologie (of H139, H306: Wlz MPT)
#     clients: 10
#     hours_per_month: 1
#     tariff: 0.00                       # gecontracteerd tarief per uur
#   - code: VPT                          # deel van het VPT-dagtarief
#     clients: 5
#     day_rate: 0.00                     # dagtarief uit uw contract
#     technology_share: 2%
#   - code: subsidy
#     label: Naam van de regeling
#     amount: 0
#     year: 1                            # contractjaar waarin de subsidie binnenkomt
"""
