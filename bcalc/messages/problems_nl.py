"""Dutch for the messages of problems (``FILE:LINE: field: message``, bcalc/errors.py).

The loader, the rules, the reader and the writers write their messages in English; when bcalc
speaks Dutch the command line prints each message through this table (``dutch``), and leaves the
place (``FILE:LINE: field:``) as it is. How a pair is written: bcalc/messages/patterns.py.

A new message needs its pair here: tests/test_problems_nl.py runs the corpus of bad input in
Dutch, and tests/conftest.py checks every problem any test makes bcalc raise; both fail on a
message that no pair matches. Imported only when there is a problem to print.
"""

from __future__ import annotations

from bcalc.messages.patterns import compile_table, translate

# ---- parts of sentences ----------------------------------------------------------------------------

# what a value is (bcalc.reader._kind)
KIND = [
    ("nothing", "niets"),
    ("true/false", "true/false"),
    ("the number {value}", "het getal {value}"),
    ("the text {value}", "de tekst {value}"),
    ("a list", "een lijst"),
    ("a mapping", "een mapping"),
]

# a number outside its bounds (bcalc.fields.outside)
BOUND = [
    ("must be at least {bound}", "moet minstens {bound} zijn"),
    ("must be at most {bound}", "mag hoogstens {bound} zijn"),
]

# control characters in a text (bcalc.yamltree._control)
CONTROL = [
    ("control characters {codes}", "stuurtekens {codes}"),
    ("control character {code}", "stuurteken {code}"),
]

AND = [
    ("{one:word} and {rest:and}", "{one} en {rest}"),
    ("{one:word}", "{one}"),
]

OR = [
    ("{one:word} or {rest:or}", "{one} of {rest}"),
    ("{one:word}", "{one}"),
]

END = [("low", "laag"), ("mode", "modus"), ("high", "hoog")]

# the months a version of a catalogue item applies (catalogue_loader.period), and a list of them
PERIOD = [
    ("{start:word} to {end:word}", "{start} tot en met {end}"),
    ("from {start:word}", "vanaf {start}"),
    ("until {end:word}", "tot en met {end}"),
    ("always", "altijd"),
]
VERSIONS = [
    ("{period:period} ({source}); {rest:versions}", "{period} ({source}); {rest}"),
    ("{period:period} ({source})", "{period} ({source})"),
]

PER = [("client a month", "cliënt per maand"), ("new client", "nieuwe cliënt")]

# ---- the messages ----------------------------------------------------------------------------------

PROBLEMS = [
    # -- the actuals file (bcalc/actuals_loader.py)
    ("unknown column; did you mean '{hint}'?", "onbekende kolom; bedoelt u '{hint}'?"),
    ("unknown column; columns: {columns}", "onbekende kolom; kolommen: {columns}"),
    ("the header needs the columns {columns}", "de kopregel heeft de kolommen {columns} nodig"),
    ("the row has {n:word} cells but the header {m:word}", "de rij heeft {n} cellen, maar de kopregel {m}"),
    ("unknown measure '{measure}'; did you mean '{hint}'?", "onbekende meting '{measure}'; bedoelt u '{hint}'?"),
    ("unknown measure '{measure}'; measures: {measures}", "onbekende meting '{measure}'; metingen: {measures}"),
    ("the file has no rows", "het bestand heeft geen rijen"),
    ("{month:word} is outside the case's horizon ({first:word} to {last:word})",
     "{month} ligt buiten de horizon van de case ({first} t/m {last})"),
    ("{month:word} is given twice (first at line {line:word})", "{month} staat er twee keer (eerst op regel {line})"),
    ("give minutes_per_client_per_day or hours, not both", "geef minutes_per_client_per_day of hours, niet allebei"),
    ("needs minutes_per_client_per_day or hours", "heeft minutes_per_client_per_day of hours nodig"),
    ("time freed needs the clients in use of the same month",
     "vrijgekomen tijd heeft de cliënten in gebruik van dezelfde maand nodig"),
    ("deployment {number:word} does not exist; the case has {n:word} (1..{m:word})",
     "inzet {number} bestaat niet; de case heeft er {n} (1..{m})"),
    ("the case has {n:word} deployments of '{product}'; give the deployment's number ({numbers})",
     "de case heeft {n} inzetten van '{product}'; geef het nummer van de inzet ({numbers})"),
    ("no deployment of '{product}'; did you mean '{hint}'?", "geen inzet van '{product}'; bedoelt u '{hint}'?"),
    ("no deployment of '{product}'; deployments: {list}", "geen inzet van '{product}'; inzetten: {list}"),
    ("the case has {n:word} deployments; give the clients per deployment ({list})",
     "de case heeft {n} inzetten; geef de cliënten per inzet ({list})"),
    ("deployment {n:word} is given twice", "inzet {n} staat er twee keer"),
    ("give amount (excl. VAT) or amount_incl, not both", "geef amount (excl. btw) of amount_incl, niet allebei"),
    ("needs amount (excl. VAT) or amount_incl", "heeft amount (excl. btw) of amount_incl nodig"),
    ("'{item}' is in deployments {numbers}; give deployment", "'{item}' zit in inzetten {numbers}; geef deployment"),
    ("'{item}' is not an item in the plan of deployment {n:word} ({product}); did you mean '{hint}'?",
     "'{item}' is geen post in het plan van inzet {n} ({product}); bedoelt u '{hint}'?"),
    ("'{item}' is not an item in the plan of deployment {n:word} ({product}); items: {items}",
     "'{item}' is geen post in het plan van inzet {n} ({product}); posten: {items}"),
    ("'{item}' is not an item in the plan of deployment {n:word} ({product}); it has no supplier lines",
     "'{item}' is geen post in het plan van inzet {n} ({product}); die heeft geen leveranciersposten"),
    ("'{item}' is not an item in the plan; did you mean '{hint}'?",
     "'{item}' is geen post in het plan; bedoelt u '{hint}'?"),
    ("'{item}' is not an item in the plan; items: {items}", "'{item}' is geen post in het plan; posten: {items}"),
    ("'{item}' is not an item in the plan; it has no supplier lines",
     "'{item}' is geen post in het plan; dat heeft geen leveranciersposten"),
    ("expected a mapping of role: hours (care_staff: 12)", "verwacht een mapping van rol: uren (care_staff: 12)"),
    ("unknown role '{role}'; did you mean '{hint}'?", "onbekende rol '{role}'; bedoelt u '{hint}'?"),
    ("unknown role '{role}'; roles: {roles}", "onbekende rol '{role}'; rollen: {roles}"),
    ("expected a mapping of funding line: amount (H139: 1200)",
     "verwacht een mapping van financieringsregel: bedrag (H139: 1200)"),
    ("funding line {n:word} ({code}) is given twice", "financieringsregel {n} ({code}) staat er twee keer"),
    ("the case has no funding lines", "de case heeft geen financieringsregels"),
    ("the case has {n:word} funding lines named '{key}'; name one by its label: {labels}",
     "de case heeft {n} financieringsregels met de naam '{key}'; noem er één bij zijn label: {labels}"),
    ("no funding line '{key}' in the case; did you mean '{hint}'?",
     "geen financieringsregel '{key}' in de case; bedoelt u '{hint}'?"),
    ("no funding line '{key}' in the case; funding lines: {lines}",
     "geen financieringsregel '{key}' in de case; financieringsregels: {lines}"),
    ("expected a mapping of name: value (tevredenheid: 8.1)", "verwacht een mapping van naam: waarde (tevredenheid: 8.1)"),
    ("'{name}' is measured by bcalc from the other figures; give your KPI another name",
     "'{name}' meet bcalc zelf uit de andere cijfers; geef uw KPI een andere naam"),
    # -- reading YAML and files (bcalc/yamltree.py)
    ("file not found", "bestand niet gevonden"),
    ("is a directory, not a file", "is een map, geen bestand"),
    ("cannot read: {reason}", "kan niet lezen: {reason}"),
    ("not UTF-8 text (byte 0x{byte} at column {column}: {reason}); save the file as UTF-8",
     "geen UTF-8-tekst (byte 0x{byte} in kolom {column}: {reason}); sla het bestand op als UTF-8"),
    ("the file is empty", "het bestand is leeg"),
    ("not valid YAML: {count:word} more such characters", "geen geldige YAML: nog {count} van zulke tekens"),
    ("not valid YAML: control character U+{code:word} at column {column:word}",
     "geen geldige YAML: stuurteken U+{code} in kolom {column}"),
    ("not valid YAML: character U+{code:word} at column {column:word}",
     "geen geldige YAML: teken U+{code} in kolom {column}"),
    ("not valid YAML: a character that YAML does not allow", "geen geldige YAML: een teken dat YAML niet toestaat"),
    # the YAML parser's own account (PyYAML's words) stays as it is written
    ("not valid YAML: {detail} (noticed at line {line:word})", "geen geldige YAML: {detail} (opgemerkt op regel {line})"),
    ("not valid YAML: {detail}", "geen geldige YAML: {detail}"),
    ("more than {count} values (aliases expanding too far?)", "meer dan {count} waarden (aliassen die te ver uitdijen?)"),
    ("nested more than {depth:word} levels deep", "meer dan {depth} niveaus diep genest"),
    ("an alias refers to itself", "een alias verwijst naar zichzelf"),
    ("{what:control} in the text; only tab and line breaks are allowed",
     "{what} in de tekst; alleen tabs en regeleinden zijn toegestaan"),
    ("keys must be plain names", "sleutels moeten gewone namen zijn"),
    ("a key holds the {what:control}", "een sleutel bevat {what}"),
    ("merge keys (<<) are not supported", "merge-sleutels (<<) worden niet ondersteund"),
    ("duplicate key", "dubbele sleutel"),

    # -- who pays and who gains; a subsidy's rules (bcalc/loader.py, bcalc/catalogue_loader.py)
    ("expected a mapping of party id: name (ziekenhuis: Ziekenhuis Jeroen Bosch)",
     "verwacht een mapping van partij-id: naam (ziekenhuis: Ziekenhuis Jeroen Bosch)"),
    ("'{value}' is a party bcalc knows; name only other parties here",
     "'{value}' is een partij die bcalc kent; noem hier alleen andere partijen"),
    ("expected a party or a mapping of party: share", "verwacht een partij of een mapping van partij: aandeel"),
    ("unknown party '{id}'; did you mean '{hint}'?", "onbekende partij '{id}'; bedoelt u '{hint}'?"),
    ("unknown party '{id}'; one of {codes}, or a party named under parties",
     "onbekende partij '{id}'; een van {codes}, of een partij genoemd onder parties"),
    ("expected a party (one of {codes}, or a party named under parties) or a mapping of party: share",
     "verwacht een partij (een van {codes}, of een partij genoemd onder parties) of een mapping van partij: aandeel"),
    ("the shares add up to {total}%, not 100%", "de aandelen tellen op tot {total}%, niet tot 100%"),
    ("'{value}' is not a cost category; choose from {choices}", "'{value}' is geen kostensoort; kies uit {choices}"),
    ("min {low} is more than max {high}", "min {low} is meer dan max {high}"),
    ("scheme '{id}' is listed twice", "regeling '{id}' staat er twee keer in"),
    ("unknown scheme '{id}'; schemes in data/tariffs.yaml: {known}",
     "onbekende regeling '{id}'; regelingen in data/tariffs.yaml: {known}"),
    ("expected a mapping of rules (share, min, max, eligible, device_share_max, months)",
     "verwacht een mapping van regels (share, min, max, eligible, device_share_max, months)"),
    ("a subsidy needs amount, or rules with a share of the eligible costs (or a scheme that has one)",
     "een subsidie heeft amount nodig, of rules met een aandeel van de subsidiabele kosten (of een regeling die "
     "dat heeft)"),

    # -- fields and values (bcalc/reader.py, bcalc/fields.py)
    ("expected a mapping of fields, got {kind:kind}", "verwacht een mapping van velden, maar dit is {kind}"),
    ("unknown field; did you mean '{hint}'?", "onbekend veld; bedoelt u '{hint}'?"),
    ("unknown field; allowed: {allowed}", "onbekend veld; toegestaan: {allowed}"),
    ("required field is missing", "verplicht veld ontbreekt"),
    ("must not be empty", "mag niet leeg zijn"),
    ("expected a list, got {kind:kind}", "verwacht een lijst, maar dit is {kind}"),
    ("the list is empty", "de lijst is leeg"),
    ("expected text, got {kind:kind}", "verwacht tekst, maar dit is {kind}"),
    ("'{value}' is not an id (lowercase letters, digits, - and _)",
     "'{value}' is geen id (kleine letters, cijfers, - en _)"),
    ("'{value}' is not one of: {choices}", "'{value}' is niet een van: {choices}"),
    ("expected true or false, got {kind:kind}", "verwacht true of false, maar dit is {kind}"),
    ("expected a whole number, got {kind:kind}", "verwacht een geheel getal, maar dit is {kind}"),
    ("expected a whole number, got {value}", "verwacht een geheel getal, maar dit is {value}"),
    ("{why:bound}, got {value}", "{why}, maar is {value}"),
    ("{value:word} is too large", "{value} is te groot"),
    ("expected a number, got {kind:kind} (write a decimal point, not a comma)",
     "verwacht een getal, maar dit is {kind} (schrijf een decimale punt, geen komma)"),
    ("expected a number, got {kind:kind}", "verwacht een getal, maar dit is {kind}"),
    ("expected a number, got {value}", "verwacht een getal, maar dit is {value}"),
    ("must not be negative, got {value}", "mag niet negatief zijn, maar is {value}"),
    ("expected a percentage such as 3% or 0.03, got {kind:kind}",
     "verwacht een percentage zoals 3% of 0.03, maar dit is {kind}"),
    ("{value} reads as {percent}%; write {value}% if that is meant",
     "{value} leest als {percent}%; schrijf {value}% als dat bedoeld is"),
    ("expected an id, got {kind:kind}", "verwacht een id, maar dit is {kind}"),
    ("'{value}' is listed twice", "'{value}' staat er twee keer"),
    ("'{value}' is not a calendar year (1990-2100)", "'{value}' is geen kalenderjaar (1990-2100)"),
    # months of a catalogue item's versions (valid_from, valid_until)
    ("'{value}' is a date; bcalc works in whole months: write the month, {month:word}",
     "'{value}' is een datum; bcalc rekent in hele maanden: schrijf de maand, {month}"),
    ("expected a month written YYYY-MM, such as 2027-07, got {kind:kind}",
     "verwacht een maand geschreven als JJJJ-MM, zoals 2027-07, maar dit is {kind}"),
    ("year {year:word} is outside 1990-2100", "jaar {year} ligt buiten 1990-2100"),
    # fields that one kind of funding needs (the ``missing`` of bcalc/fields.py)
    ("{code:word} needs hours_per_month", "{code} heeft hours_per_month nodig"),
    ("VPT needs day_rate: the VPT day rate (EUR per day) of the care profile, from your contract",
     "VPT heeft day_rate nodig: het VPT-dagtarief (EUR per dag) van het zorgprofiel, uit uw contract"),
    ("VPT needs technology_share: the part of the day rate available for technology",
     "VPT heeft technology_share nodig: het deel van het dagtarief dat beschikbaar is voor technologie"),
    ("a subsidy needs amount", "een subsidie heeft amount nodig"),
    ("a subsidy needs year (contract year 1, 2, ...)", "een subsidie heeft year nodig (contractjaar 1, 2, ...)"),
    ("needs {field:word}", "heeft {field} nodig"),

    # -- the case file (bcalc/loader.py)
    ("has {count:word} entries but the case runs {years:word} years; give one per year or a single number",
     "heeft {count} waarden, maar de case loopt {years} jaar; geef er één per jaar of één getal"),
    ("expected a month written YYYY-MM, such as 2027-01", "verwacht een maand geschreven als JJJJ-MM, zoals 2027-01"),
    ("'{value}' is not a month written YYYY-MM, such as 2027-01",
     "'{value}' is geen maand geschreven als JJJJ-MM, zoals 2027-01"),
    ("month {month:word} does not exist (1 to 12)", "maand {month} bestaat niet (1 tot en met 12)"),
    ("year {year:word} is outside 2000-2100", "jaar {year} ligt buiten 2000-2100"),
    ("an exchange rate cannot be 0", "een wisselkoers kan niet 0 zijn"),
    ("'{id}' is a catalogue product; give your own product another id",
     "'{id}' is een product uit de catalogus; geef uw eigen product een andere id"),
    ("product id '{id}' is used twice", "product-id '{id}' komt twee keer voor"),
    ("product {product:word} already has a line '{id}'; give your own line another id",
     "product {product} heeft al een regel '{id}'; geef uw eigen regel een andere id"),
    ("id '{id}' is used twice in this deployment", "id '{id}' komt twee keer voor in deze inzet"),
    ("another deployment of {product:word} has an own line '{id}' that differs; give each its own id",
     "een andere inzet van {product} heeft een eigen regel '{id}' die afwijkt; geef elk een eigen id"),
    ("unknown product '{id}'; did you mean {hints}?", "onbekend product '{id}'; bedoelt u {hints}?"),
    ("unknown product '{id}'; see `bcalc catalogue list`", "onbekend product '{id}'; zie `bcalc catalogue list`"),
    ("expected a mapping of item id: value", "verwacht een mapping van post-id: waarde"),
    ("product {product:word} has no item '{item}'; items bought outright: none",
     "product {product} heeft geen post '{item}'; in één keer gekochte posten: geen"),
    ("product {product:word} has no item '{item}'; items bought outright: {items}",
     "product {product} heeft geen post '{item}'; in één keer gekochte posten: {items}"),
    ("product {product:word} has no item '{item}'; items: {items}",
     "product {product} heeft geen post '{item}'; posten: {items}"),
    ("must be a whole number of pieces ({label}), got {value}",
     "moet een geheel aantal stuks zijn ({label}), maar is {value}"),
    ("{count:word} pieces is more than bcalc buys in packs (100000)",
     "{count} stuks is meer dan bcalc in verpakkingen inkoopt (100000)"),
    ("expected a mapping of year: rate (2026: 2.1%)", "verwacht een mapping van jaar: percentage (2026: 2.1%)"),
    ("expected a mapping of time-line id: role", "verwacht een mapping van tijdspost-id: rol"),
    ("product {product:word} has no time line '{line}'; time lines: {lines}",
     "product {product} heeft geen tijdspost '{line}'; tijdsposten: {lines}"),
    ("needs a role", "heeft een rol nodig"),
    ("expected a mapping of item id: {lifetime, residual}", "verwacht een mapping van post-id: {lifetime, residual}"),
    ("'{id}' is not bought outright ({category}, {timing}); only items of category one_off with timing one_off "
     "or per_new_unit, not in packs, have a lifetime",
     "'{id}' wordt niet in één keer gekocht ({category}, {timing}); alleen posten met category one_off en "
     "timing one_off of per_new_unit, niet in verpakkingen, hebben een levensduur"),
    ("a residual value of {residual} is more than the price of '{id}' ({price})",
     "een restwaarde van {residual} is meer dan de prijs van '{id}' ({price})"),
    ("rates stay the case's: give staff.{role}.rate at the top of the case",
     "uurtarieven blijven die van de case: geef staff.{role}.rate bovenaan in de case"),
    ("time freed needs either minutes or hours per client per period",
     "vrijgekomen tijd heeft minutes of hours per cliënt per periode nodig"),
    ("time freed needs the role whose time it is (e.g. care_staff)",
     "vrijgekomen tijd heeft de rol nodig van wie de tijd is (bijv. care_staff)"),
    ("an amount belongs to kind avoided_cost", "amount hoort bij kind avoided_cost"),
    ("an avoided cost needs amount (euros per client per period)",
     "een vermeden kostenpost heeft amount nodig (euro per cliënt per periode)"),
    ("{field:word} belongs to kind time", "{field} hoort bij kind time"),
    ("unknown funding code '{code}'; did you mean '{hint}'? (known: {known})",
     "onbekende financieringscode '{code}'; bedoelt u '{hint}'? (bekend: {known})"),
    ("unknown funding code '{code}'; known: {known}", "onbekende financieringscode '{code}'; bekend: {known}"),
    ("does not apply to {code} ({kind}); fields: {fields}", "geldt niet voor {code} ({kind}); velden: {fields}"),
    ("give either clients or deployment (follow that deployment's clients), not both",
     "geef clients of deployment (de cliënten van die inzet volgen), niet allebei"),
    ("{code:word} needs clients, or deployment: N to follow the clients of deployment N",
     "{code} heeft clients nodig, of deployment: N om de cliënten van inzet N te volgen"),
    ("{value} is not a Dutch VAT rate ({rates})", "{value} is geen Nederlands btw-tarief ({rates})"),

    # -- phases and gates (bcalc/loader.py)
    ("needs months: only the last phase runs to the end of the horizon",
     "heeft months nodig: alleen de laatste fase loopt door tot het eind van de looptijd"),
    ("phase '{name}' is named twice; give each phase its own name",
     "fase '{name}' komt twee keer voor; geef elke fase een eigen naam"),
    ("the last phase has no gate: the route ends with it",
     "de laatste fase heeft geen gate: de route eindigt ermee"),
    ("the last phase runs to the end of the horizon: {left:word} months are left after the phases before it, "
     "not {months:word}",
     "de laatste fase loopt door tot het eind van de looptijd: na de fasen ervoor blijven {left} maanden over, "
     "niet {months}"),
    ("the phases before the last run {used:word} months, but the horizon has {horizon:word} ({years:word} years): "
     "the last phase needs at least one month",
     "de fasen vóór de laatste duren {used} maanden, maar de looptijd is {horizon} maanden ({years} jaar): de "
     "laatste fase heeft minstens één maand nodig"),
    ("give either min or max", "geef min of max"),
    ("{kpi:word} is a minimum: give min", "{kpi} is een minimum: geef min"),
    ("{kpi:word} is a maximum: give max", "{kpi} is een maximum: geef max"),
    ("unknown kpi '{kpi}'; did you mean '{hint}'? (or give a label for a kpi of your own)",
     "onbekende kpi '{kpi}'; bedoelt u '{hint}'? (of geef een label voor een eigen kpi)"),
    ("the case has no phases; add phases: at the top of the case, or leave out phase",
     "de case heeft geen fasen; voeg phases: toe bovenaan de case, of laat phase weg"),
    ("expected the name of a phase", "verwacht de naam van een fase"),
    ("unknown phase '{name}'; did you mean '{hint}'? (phases: {known})",
     "onbekende fase '{name}'; bedoelt u '{hint}'? (fasen: {known})"),
    ("unknown phase '{name}' (phases: {known})", "onbekende fase '{name}' (fasen: {known})"),
    ("clients per phase needs phases: at the top of the case; give a number or one per year",
     "cliënten per fase vraagt om phases: bovenaan de case; geef een getal of één per jaar"),
    ("gives no clients for phase {names}; give every phase its clients",
     "geeft geen cliënten voor fase {names}; geef elke fase zijn cliënten"),
    ("teams per phase needs phases: at the top of the case; give one number",
     "teams per fase vraagt om phases: bovenaan de case; geef één getal"),
    ("heads per phase needs phases: at the top of the case; give one number",
     "een aantal per fase vraagt om phases: bovenaan de case; geef één getal"),
    ("gives no teams for phase {names}; give every phase its teams",
     "geeft geen teams voor fase {names}; geef elke fase zijn teams"),
    ("gives no heads for phase {names}; give every phase its heads",
     "geeft geen aantal voor fase {names}; geef elke fase zijn aantal"),
    ("contract year {year:word} starts in phase {phase}, not in {phases}; leave out year to have it come in at "
     "the start of its phase",
     "contractjaar {year} begint in fase {phase}, niet in {phases}; laat year weg, dan komt de subsidie aan het "
     "begin van zijn fase binnen"),
    ("a subsidy needs year (contract year 1, 2, ...), or phase",
     "een subsidie heeft year nodig (contractjaar 1, 2, ...), of phase"),
    ("only a deployment's own time lines take phase; give the line under deployments[].time",
     "alleen eigen tijdsposten van een inzet hebben phase; geef de post onder deployments[].time"),
    ("only a deployment's own items take phase; give the item under deployments[].items",
     "alleen eigen posten van een inzet hebben phase; geef de post onder deployments[].items"),
    ("an item with a lifetime is not restricted to phases; leave out lifetime or phase",
     "een post met een levensduur is niet tot fasen te beperken; laat lifetime of phase weg"),

    # -- the catalogues (bcalc/catalogue_loader.py)
    ("needs {amount:word}, or {low:word} and {high:word}", "heeft {amount} nodig, of {low} en {high}"),
    ("give either {amount:word} or {low:word} and {high:word}, not both", "geef {amount} of {low} en {high}, niet allebei"),
    ("a range needs both {low:word} and {high:word}", "een bereik heeft zowel {low} als {high} nodig"),
    ("low {low:word} is above high {high:word}", "laag {low} ligt boven hoog {high}"),  # --vary LOW:HIGH
    ("{low_key:word} {low:word} is above {high_key:word} {high:word}", "{low_key} {low} ligt boven {high_key} {high}"),
    ("every figure carries the text it was copied from", "bij elk bedrag hoort de tekst waaruit het is overgenomen"),
    ("give the source of the figure: a quote and its date, a contract, or 'eigen schatting' for the "
     "organisation's own estimate",
     "geef de bron van het bedrag: een offerte en de datum ervan, een contract, of 'eigen schatting' voor een "
     "schatting van de organisatie zelf"),
    ("every figure needs its source line (e.g. 001:568)", "elk bedrag heeft een bronregel nodig (bijv. 001:568)"),
    ("'{value}' is not a source line such as 001:568 or 001:531-542",
     "'{value}' is geen bronregel zoals 001:568 of 001:531-542"),
    ("source document '{doc}' is not listed under sources", "brondocument '{doc}' staat niet onder sources"),
    ("'{value}' is not a line id such as {example:word}", "'{value}' is geen regel-id zoals {example}"),
    ("an included item has no price of its own", "een inbegrepen post heeft geen eigen prijs"),
    ("give one of: a price, tiers or packs", "geef één van: een prijs, tiers of packs"),
    ("basis 'role' needs a role", "basis 'role' heeft een rol nodig"),
    ("timing '{timing}' counts units; basis must be unit or deployment",
     "timing '{timing}' telt eenheden; basis moet unit of deployment zijn"),
    ("only an item bought outright (category one_off, timing one_off or per_new_unit, with a price of its own) "
     "has a lifetime",
     "alleen een post die in één keer gekocht wordt (category one_off, timing one_off of per_new_unit, met een "
     "eigen prijs) heeft een levensduur"),
    ("a residual value needs a lifetime", "een restwaarde heeft een levensduur nodig"),
    ("a residual value of {residual} is more than the price ({price})",
     "een restwaarde van {residual} is meer dan de prijs ({price})"),
    ("counted time needs a role", "getelde tijd heeft een rol nodig"),
    ("a phase lasts either weeks or months (only the last may run to the end of the horizon)",
     "een fase duurt weken of maanden (alleen de laatste mag doorlopen tot het einde van de looptijd)"),
    ("a phase lasts either weeks or months", "een fase duurt weken of maanden"),
    ("give one of hours, phases, days or day_parts, not {given:and}",
     "geef één van hours, phases, days of day_parts, niet {given}"),
    ("counted time needs hours or phases (time in days or dagdelen is counted by a case that gives its hours "
     "per day)",
     "getelde tijd heeft hours of phases nodig (tijd in dagen of dagdelen telt een case die de uren per dag "
     "geeft)"),
    ("hours per {per:per} need hours (a number, or hours_low and hours_high), not phases",
     "uren per {per} hebben hours nodig (een getal, of hours_low en hours_high), geen phases"),
    ("price year unknown: give price_year here or on the source document",
     "prijsjaar onbekend: geef price_year hier of bij het brondocument"),
    ("default '{default}' is not one of the options {options}", "default '{default}' is niet een van de opties {options}"),
    ("id '{id}' is used twice in product {product:word}; a new version of an item needs valid_from or "
     "valid_until, with periods that do not overlap",
     "id '{id}' komt twee keer voor in product {product}; een nieuwe versie van een post heeft valid_from of "
     "valid_until nodig, met perioden die elkaar niet overlappen"),
    ("id '{id}' is used twice in product {product:word}: this entry has no valid_from or valid_until, so it "
     "applies always and overlaps the version on line {line:word} ({period:period})",
     "id '{id}' komt twee keer voor in product {product}: deze post heeft geen valid_from of valid_until, "
     "geldt dus altijd en overlapt de versie op regel {line} ({period})"),
    ("this version of '{id}' ({period:period}) overlaps the entry on line {line:word}, which has no valid_from "
     "or valid_until (it applies always); the periods of the versions of an item may not overlap",
     "deze versie van '{id}' ({period}) overlapt de post op regel {line}, die geen valid_from of valid_until "
     "heeft (en dus altijd geldt); de perioden van de versies van een post mogen elkaar niet overlappen"),
    ("this version of '{id}' ({period:period}) overlaps the entry on line {line:word} ({other:period}); the "
     "periods of the versions of an item may not overlap",
     "deze versie van '{id}' ({period}) overlapt de post op regel {line} ({other}); de perioden van de "
     "versies van een post mogen elkaar niet overlappen"),
    ("valid_from {start:word} is after valid_until {end:word}", "valid_from {start} ligt na valid_until {end}"),
    ("only for an item whose VAT the source does not state (vat: not_stated); this item says vat: {vat}",
     "alleen voor een post waarvan de bron de btw niet noemt (vat: not_stated); deze post zegt vat: {vat}"),
    ("'{entry}': is this portfolio file itself; name the case files",
     "'{entry}': is dit portefeuillebestand zelf; noem de casebestanden"),
    ("'{entry}': is a portfolio file, not a case file; a portfolio cannot take in another",
     "'{entry}': is een portefeuillebestand, geen casebestand; een portefeuille neemt geen andere op"),
    ("'{evidence}' contradicts vendor_claim: true (a supplier's claim); keep one of the two",
     "'{evidence}' spreekt vendor_claim: true (een claim van de leverancier) tegen; houd een van de twee"),
    ("id '{id}' is used twice in product {product:word}", "id '{id}' komt twee keer voor in product {product}"),
    ("option '{option}' is not used by any item", "optie '{option}' wordt door geen enkele post gebruikt"),
    ("unknown format '{format}', expected {expected}", "onbekend formaat '{format}', verwacht {expected}"),
    ("expected a mapping of source documents", "verwacht een mapping van brondocumenten"),
    ("expected a mapping of year: rate", "verwacht een mapping van jaar: percentage"),
    ("funding code '{code}' is listed twice", "financieringscode '{code}' staat er twee keer"),
    ("expected null or a mapping of year: amount", "verwacht null of een mapping van jaar: bedrag"),
    ("needs at least one rate (standard: 21%, ...)", "heeft minstens één tarief nodig (standard: 21%, ...)"),
    ("expected a mapping of rate name: rate (standard: 21%)", "verwacht een mapping van tariefnaam: tarief (standard: 21%)"),
    ("{value} is not one of the rates under vat.rates", "{value} is niet een van de tarieven onder vat.rates"),
    ("expected a mapping of scenarios", "verwacht een mapping van scenario's"),
    ("scenario '{name}' is missing", "scenario '{name}' ontbreekt"),
    ("expected a mapping of year: value", "verwacht een mapping van jaar: waarde"),
    ("the figure of {year:word} needs its source under catalogue_index.sources",
     "het cijfer van {year} heeft een bron nodig onder catalogue_index.sources"),

    # -- rules across fields (bcalc/rules.py)
    ("unknown scenario '{name}'; known: {known}", "onbekend scenario '{name}'; bekend: {known}"),
    ("product {product:word} has no option '{option}'; options: {options}",
     "product {product} heeft geen optie '{option}'; opties: {options}"),
    ("product {product:word} has no option '{option}'; it has no options",
     "product {product} heeft geen optie '{option}'; het heeft geen opties"),
    ("options {picked:and} exclude each other ({choice}); pick one", "opties {picked} sluiten elkaar uit ({choice}); kies er één"),
    ("product {product:word} needs one of: {options} ({label})", "product {product} heeft een van deze nodig: {options} ({label})"),
    ("item '{id}' is priced per {what}: give {input}.count", "post '{id}' is geprijsd per {what}: geef {input}.count"),
    ("item '{id}' is priced per team: give {input}", "post '{id}' is geprijsd per team: geef {input}"),
    ("item '{id}' is quoted in {what}: give {input} (euros per {what}) or a euro price under prices.{id}",
     "post '{id}' is geoffreerd in {what}: geef {input} (euro per {what}) of een europrijs onder prices.{id}"),
    ("time line '{id}' needs {input} (a count; a rate per hour to value the hours)",
     "tijdspost '{id}' heeft {input} nodig (een aantal; een uurtarief om de uren te waarderen)"),
    ("time line '{id}' counts per team: give {input}", "tijdspost '{id}' telt per team: geef {input}"),
    ("time line '{id}' is counted already (role {role}); count_time is for lines the catalogue does not count",
     "tijdspost '{id}' wordt al geteld (rol {role}); count_time is voor posten die de catalogus niet telt"),
    ("time line '{id}' applies only with option {options:or}", "tijdspost '{id}' geldt alleen met optie {options}"),
    ("time line '{id}' is {days} day(s) ('{written}') and no source says how many hours a day has: give "
     "hours_per_day",
     "tijdspost '{id}' is {days} dag(en) ('{written}') en geen bron zegt hoeveel uur een dag heeft: geef "
     "hours_per_day"),
    ("time line '{id}' is {parts} dagdeel/dagdelen ('{written}') and no source says how many hours a dagdeel "
     "has: give hours_per_day_part",
     "tijdspost '{id}' is {parts} dagdeel/dagdelen ('{written}') en geen bron zegt hoeveel uur een dagdeel "
     "heeft: geef hours_per_day_part"),
    ("time line '{id}' has no hours in the source ('{written}'); it cannot be counted",
     "tijdspost '{id}' heeft geen uren in de bron ('{written}'); hij kan niet geteld worden"),
    ("role {role:word} is not in staff: give staff.{role} (a count; a rate per hour to value the hours)",
     "rol {role} staat niet in staff: geef staff.{role} (een aantal; een uurtarief om de uren te waarderen)"),
    ("is used only with catalogue_prices: indexed", "geldt alleen bij catalogue_prices: indexed"),
    ("{year:word} is not before the start ({start}); catalogue prices are brought to {before}, later years "
     "follow the scenario's indexation",
     "{year} ligt niet voor de start ({start}); catalogusprijzen worden naar {before} gebracht, latere jaren "
     "volgen de indexatie van het scenario"),
    ("{year:word} is not after the price year of the catalogue prices ({first})",
     "{year} ligt niet na het prijsjaar van de catalogusprijzen ({first})"),
    ("the case's staff has no {role:word}: give staff.{role} (its rate per hour; its count: the heads no "
     "deployment of the product names, 0 if none)",
     "de staff van de case heeft geen {role}: geef staff.{role} (het uurtarief; het aantal: de mensen die geen "
     "inzet van het product noemt, 0 als er geen zijn)"),
    ("year {year:word} is after the case's last year {last}", "jaar {year} valt na het laatste jaar van de case ({last})"),
    ("stopping after year {year:word} is after the end of the {term:word}-year term",
     "stoppen na jaar {year} valt na het einde van de contractduur van {term} jaar"),
    ("{code:word} has no public tariff in {where}: give the contracted tariff (tariff: EUR per hour)",
     "{code} heeft geen openbaar tarief in {where}: geef het gecontracteerde tarief (tariff: EUR per uur)"),
    ("{code:word} has no tariff for {year:word} in {where} (it has {years}): give the contracted tariff "
     "(tariff: EUR per hour)",
     "{code} heeft geen tarief voor {year} in {where} (wel voor {years}): geef het gecontracteerde tarief "
     "(tariff: EUR per uur)"),
    ("the case has several deployments: say whose clients it follows (deployment: 1, 2, ...)",
     "de case heeft meerdere inzetten: zeg van welke inzet de cliënten gevolgd worden (deployment: 1, 2, ...)"),
    ("there is no deployment {number:word}; the case has {count}", "er is geen inzet {number}; de case heeft er {count}"),
    ("item '{item}' of {product:word} has no version for the start {start:word} (its versions: "
     "{versions:versions}); start the case within one of these periods, or use a catalogue (--catalogue) with a "
     "version that applies in {start}",
     "post '{item}' van {product} heeft geen versie voor de start {start} (versies: {versions}); laat de case "
     "binnen een van deze perioden beginnen, of gebruik een catalogus (--catalogue) met een versie die geldt in "
     "{start}"),
    ("needs staff.{role:word} (count, and rate to value the time)",
     "heeft staff.{role} nodig (aantal, en uurtarief om de tijd te waarderen)"),

    # -- options of the command line (bcalc/app.py, bcalc/cli.py, bcalc/catalogue_view.py)
    ("the case has {count:word} deployments; choose one with --deployment 1..{count}",
     "de case heeft {count} inzetten; kies er een met --deployment 1..{count}"),
    ("{number:word}: deployments are numbered from 1; choose 1..{count}",
     "{number}: inzetten zijn genummerd vanaf 1; kies 1..{count}"),
    ("{number:word} is not a deployment of the case; choose 1..{count}",
     "{number} is geen inzet van de case; kies 1..{count}"),
    ("no product with category '{value}'; categories: {categories}; needs: {needs}",
     "geen product met categorie '{value}'; categorieën: {categories}; behoeften: {needs}"),
    ("no product with need '{value}'; categories: {categories}; needs: {needs}",
     "geen product met behoefte '{value}'; categorieën: {categories}; behoeften: {needs}"),
    ("name at least one document to write", "noem ten minste één document om te schrijven"),
    ("the two documents need different files", "de twee documenten hebben elk een eigen bestand nodig"),
    ("the documents need different files", "de documenten hebben elk een eigen bestand nodig"),
    ("writing a PDF needs reportlab, which is not installed: {command}",
     "een PDF schrijven vraagt reportlab, dat niet geïnstalleerd is: {command}"),
    ("compares products within one case; give one case file, or leave it out to compare whole cases",
     "vergelijkt producten binnen één case; geef één casebestand, of laat het weg om hele cases te vergelijken"),

    # -- the cases of a portfolio (bcalc/portfolio_loader.py)
    ("expected the path of a case file or folder", "verwacht het pad van een casebestand of een map"),
    ("no case files to add up", "geen casebestanden om op te tellen"),
    ("the folder holds no .yaml case files", "de map bevat geen .yaml-casebestanden"),
    ("'{entry}': the folder holds no .yaml case files", "'{entry}': de map bevat geen .yaml-casebestanden"),
    ("'{entry}': no such file or folder (paths are relative to the portfolio file)",
     "'{entry}': bestand of map bestaat niet (paden gelden vanaf het portfoliobestand)"),
    ("a second portfolio file; the first is {first}", "een tweede portfoliobestand; het eerste is {first}"),

    # -- writing files (bcalc/writefile.py)
    ("cannot write here: {reason}", "kan hier niet schrijven: {reason}"),
    ("cannot write: {reason}", "kan niet schrijven: {reason}"),
    ("is a symbolic link; name the file itself", "is een symbolische koppeling; noem het bestand zelf"),
    ("is a directory", "is een map"),
    ("is not a regular file (a device, pipe or socket); bcalc writes regular files only",
     "is geen gewoon bestand (een apparaat, pipe of socket); bcalc schrijft alleen gewone bestanden"),
    ("exists already; use --force to overwrite it", "bestaat al; gebruik --force om het te overschrijven"),
    ("folder {folder} does not exist", "map {folder} bestaat niet"),

    # -- simulate and --vary (bcalc/core/simulate.py)
    ("needs numpy, which is not installed: pip install numpy",
     "heeft numpy nodig, dat niet geïnstalleerd is: pip install numpy"),
    ("must be between 1 and {most:word}, got {value}", "moet tussen 1 en {most} liggen, maar is {value}"),
    ("must be 0 or more, got {value}", "moet 0 of meer zijn, maar is {value}"),
    ("'{spec}': {why:problem}", "'{spec}': {why}"),
    ("{key:word} is given twice", "{key} staat er twee keer"),
    ("a value is empty", "een waarde is leeg"),
    ("'{value}': a percentage does not apply here; give a number",
     "'{value}': een percentage past hier niet; geef een getal"),
    ("'{value}' is not a number (write a decimal point, not a comma)",
     "'{value}' is geen getal (schrijf een decimale punt, geen komma)"),
    ("'{value}' is not a number", "'{value}' is geen getal"),
    ("'{value}' reads as {percent}%; write {value}% if that is meant",
     "'{value}' leest als {percent}%; schrijf {value}% als dat bedoeld is"),
    ("{what:word}[{index:word}] does not exist: the case has {count:word} {what} (none)",
     "{what}[{index}] bestaat niet: de case heeft {count} {what} (geen)"),
    ("{what:word}[{index:word}] does not exist: the case has {count:word} {what} ({have})",
     "{what}[{index}] bestaat niet: de case heeft {count} {what} ({have})"),
    ("expected PATH=LOW:HIGH or PATH=LOW:MODE:HIGH, e.g. deployments[0].clients=30:45",
     "verwacht PAD=LAAG:HOOG of PAD=LAAG:MODUS:HOOG, bijv. deployments[0].clients=30:45"),
    ("unknown path '{path}'; one of: {paths}", "onbekend pad '{path}'; een van: {paths}"),
    ("expected LOW:HIGH or LOW:MODE:HIGH after '='", "verwacht LAAG:HOOG of LAAG:MODUS:HOOG na '='"),
    ("the mode {mode} is outside {low}..{high}", "de modus {mode} ligt buiten {low}..{high}"),
    ("values must not be negative", "waarden mogen niet negatief zijn"),
    ("a share cannot be above 100%", "een aandeel kan niet boven 100% liggen"),
    ("deployment {number:word} plans no clients, so there is nothing to scale",
     "inzet {number} plant geen cliënten, dus er valt niets te schalen"),
    ("clients are whole numbers", "cliënten zijn hele aantallen"),
    ("item '{item}' is bought in packs; its price cannot be negotiated here",
     "post '{item}' wordt in verpakkingen gekocht; de prijs kan hier niet onderhandeld worden"),
    ("item '{item}' has no price to vary", "post '{item}' heeft geen prijs om te variëren"),
    ("benefit {number:word} ({label}, kind {kind}) has no {field:word}",
     "baat {number} ({label}, kind {kind}) heeft geen {field}"),
    ("funding {number:word} ({code}) is {kind:word}; {field:word} belongs to {applies:word} funding",
     "financiering {number} ({code}) is {kind}; {field} hoort bij financiering van het type {applies}"),
    ("funding {number:word} ({code}) has no {field:word}", "financiering {number} ({code}) heeft geen {field}"),
    ("the case has no staff role '{role:word}' (roles: {have})",
     "de case heeft geen personeelsrol '{role}' (rollen: {have})"),
    ("staff role '{role:word}' has no rate to vary; give its rate in the case file",
     "personeelsrol '{role}' heeft geen uurtarief om te variëren; geef het uurtarief in het casebestand"),
    ("{end:end} {value} {why:bound}, as in the case file", "{end} {value} {why}, zoals in het casebestand"),
    ("moves the {year:word} rate of scenario {name} from {rate} to {moved}, below {bound}",
     "brengt het percentage van {year} in scenario {name} van {rate} naar {moved}, onder {bound}"),
    ("moves the {year:word} rate of scenario {name} from {rate} to {moved}, above {bound}",
     "brengt het percentage van {year} in scenario {name} van {rate} naar {moved}, boven {bound}"),

    # -- templates of the report (bcalc/render/report_md/)
    ("unknown language '{lang}'; known: nl, en", "onbekende taal '{lang}'; bekend: nl, en"),
    ("is not a folder", "is geen map"),
    ("is a link that leads out of the templates folder; copy the file into it instead",
     "is een koppeling die buiten de map met templates leidt; kopieer het bestand in plaats daarvan naar die map"),
    ("is not a regular file", "is geen gewoon bestand"),
    ("is larger than {size:word} MiB", "is groter dan {size} MiB"),
    ("not UTF-8 text: byte 0x{byte} at column {column}; save the file as UTF-8",
     "geen UTF-8-tekst: byte 0x{byte} in kolom {column}; sla het bestand op als UTF-8"),
    ("{what:big} would exceed the limit of {size:word} MiB for templates from --templates; stopped",
     "{what} zou de grens van {size} MiB voor templates uit --templates overschrijden; gestopt"),
    ("'**' would make an integer of more than {bits:word} bits; stopped",
     "'**' zou een geheel getal van meer dan {bits} bits maken; gestopt"),
    ("the templates write more than {size:word} MiB, the limit for templates from --templates; stopped",
     "de templates schrijven meer dan {size} MiB, de grens voor templates uit --templates; gestopt"),
    ("the templates took longer than {seconds:word} s to render, the limit for templates from --templates; stopped",
     "de templates deden er langer dan {seconds} s over, de grens voor templates uit --templates; gestopt"),
    ("the templates nest too deep, the limit for templates from --templates; stopped",
     "de templates zijn te diep genest, de grens voor templates uit --templates; gestopt"),
    ("the templates need more than {size:word} GiB of memory, the limit for templates from --templates; stopped",
     "de templates hebben meer dan {size} GiB geheugen nodig, de grens voor templates uit --templates; gestopt"),
    ("template not found: {name}", "template niet gevonden: {name}"),
    # the sandbox's reason is jinja's own text
    ("refused by the sandbox: {reason}", "geweigerd door de sandbox: {reason}"),
]

# what would grow too big in a user's template (bcalc/render/report_md/env.py)
BIG = [
    ("'*' on a sequence of {length:word} times {times:word}", "'*' op een reeks van {length} maal {times}"),
    ("a '%' width", "een breedte bij '%'"),
    ("an argument of {value}", "een argument van {value}"),
    ("a value", "een waarde"),
]

_compiled: dict | None = None


def _tables() -> dict:
    global _compiled
    if _compiled is None:
        _compiled = {name: compile_table(pairs) for name, pairs in (
            ("problem", PROBLEMS), ("kind", KIND), ("bound", BOUND), ("control", CONTROL), ("and", AND),
            ("or", OR), ("end", END), ("per", PER), ("big", BIG), ("period", PERIOD), ("versions", VERSIONS))}
    return _compiled


def dutch(message: str, field: str = "") -> str | None:
    """The Dutch of a problem's message; None when no pair of the table matches it. A message about
    a template (field ``template``) that no pair matches is the template engine's own (jinja's
    "'x' is undefined", a Python error in a user's template): it is given as written."""
    tables = _tables()
    found = translate(message, tables["problem"], tables)
    if found is None and field == "template":
        return message
    return found
