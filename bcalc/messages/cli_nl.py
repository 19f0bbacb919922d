"""Nederlandse woorden van de opdrachtregel: de hulp bij elk commando en elke optie, en de regels
die de commando's zelf schrijven. Dezelfde sleutels als bcalc/messages/cli_en.py (daar staat hoe
de tabellen werken)."""

LANG = "Taal van uitvoer, hulp en meldingen (standaard: BCALC_LANG, anders de locale, anders nl)."

COMMANDS = {
    "": "bcalc: businesscase en financiering van zorgtechnologie voor Nederlandse zorgorganisaties.",
    "estimate": "Kosten, btw, financiering en nettoresultaat per jaar voor één case.",
    "report": "Schrijf de documenten van de businesscase: een Excel-werkmap, een Markdown-rapport en/of een pdf.",
    "compare": "Dezelfde behoefte gediend door verschillende producten naast elkaar, of hele cases naast elkaar.",
    "scenarios": "De case onder elk indexatiescenario, lage/midden/hoge prijzen en btw-instelling, en onder "
                 "stress.",
    "init": "Schrijf een startbestand voor een case, met uitleg, dat `bcalc estimate` accepteert zoals het er "
            "staat.",
    "schema": "Het JSON Schema van een casebestand, voor editors die YAML aanvullen en controleren tijdens het "
              "typen.",
    "simulate": "Monte Carlo over alles wat de gevoeligheid beweegt (prijsbereiken, '±'-prijzen, cliënten, baten, "
                "uurtarieven, financieringstarieven, indexatie) en --vary-invoer: P10/P50/P90.",
    "sensitivity": "Eén invoer tegelijk naar zijn onder- en bovenkant: een tornado van het nettoresultaat.",
    "catalogue": "Blader door de leverancierscatalogus en controleer hem.",
    "catalogue list": "De producten in de catalogus.",
    "catalogue show": "Elke kosten- en tijdspost van één product, met de bronregel.",
    "catalogue validate": "Controleer de catalogi; elk probleem wordt gemeld als BESTAND:REGEL: veld: melding.",
    "catalogue diff": "Wat er veranderd is tussen twee catalogi: producten, posten en tijdsposten die erbij zijn "
                      "gekomen, verdwenen of gewijzigd, met het oude en nieuwe bedrag, prijsjaar en bronregel.",
    "funding": "Blader door de financieringscodes (Zvw, Wlz, subsidie).",
    "funding list": "De financieringscodes.",
    "funding show": "Definitie, eenheid, tarief en bron van één financieringscode.",
    "portfolio": "Tel de cases van een organisatie op: begroting per kalenderjaar en soort, per case, per behoefte, "
                 "per financieringscode, en uren en fte per rol, in de waardeweergave en de begrotingsweergave.",
    "evaluate": "De werkelijke cijfers van een pilot tegen het plan: per regel, categorie, maand en jaar tot nu toe, "
                "het verschil gesplitst in volume en prijs, de prognose tot het eind van de horizon en de gemeten "
                "KPI's.",
}

OPTIONS = {
    "*": {
        "case": "Casebestand (YAML).",
        "format": "Uitvoerformaat.",
        "scenario": "Indexatiescenario: none, low, base, high (standaard: dat van de case).",
        "prices": "Welk bedrag van een geoffreerd prijsbereik te gebruiken.",
        "lang": LANG,
        "catalogue": "Map met suppliers.yaml en tariffs.yaml (standaard: de meegeleverde catalogi).",
        "debug": "Toon een traceback bij onverwachte fouten.",
        "force": "Overschrijf een bestaand bestand.",
    },
    "": {
        "version": "Toon de versie van bcalc en stop.",
    },
    "estimate": {
        "case": "Casebestand (YAML). Standaard: de meegeleverde voorbeeldcase.",
        "format": "Uitvoerformaat (csv: een rij per regel en kalenderjaar, en de totalen).",
    },
    "report": {
        "xlsx": "Schrijf de Excel-werkmap (met werkende formules) hierheen.",
        "md": "Schrijf de businesscase in Markdown hierheen.",
        "pdf": "Schrijf de businesscase als A4-pdf hierheen, met de grafieken (vraagt reportlab: pip install 'bcalc[pdf]').",
        "lang": "Taal van documenten, hulp en meldingen (standaard: BCALC_LANG, anders de locale, anders nl).",
        "templates": "Map met templates die de meegeleverde templates met dezelfde naam vervangen.",
        "actuals": "Een bestand met werkelijke cijfers (docs/actuals.md): voegt de evaluatie tegen het plan toe aan "
                   "de documenten, als hoofdstuk van de Markdown en de pdf en als blad van de werkmap.",
        "force": "Overschrijf bestaande bestanden.",
    },
    "compare": {
        "cases": "Eén casebestand om producten binnen te vergelijken, of twee of meer casebestanden om naast "
                 "elkaar te zetten.",
        "with_": "Een product om mee te vergelijken (herhaalbaar).",
        "need": "Vergelijk met elk product voor dezelfde behoefte (de standaard zonder --with).",
        "deployment": "Welke inzet (1, 2, ...) als de case er meerdere heeft.",
    },
    "init": {
        "file": "Waar het startbestand komt.",
    },
    "schema": {
        "output": "Schrijf het schema naar dit bestand in plaats van het te tonen.",
    },
    "simulate": {
        "draws": "Aantal trekkingen.",
        "seed": "Startwaarde van de toevalsgenerator (zelfde startwaarde, zelfde uitkomst).",
        "vary": "Een invoer om te variëren, PAD=LAAG:HOOG of PAD=LAAG:MODUS:HOOG (herhaalbaar), bijv. "
                "'deployments[0].clients=30:45', 'benefits[0].minutes=5:10:15', 'indexation.prices=1%:4%', "
                "'funding[0].tariff=70:90', 'benefits[0].realisation=40%:80%', "
                "'deployments[0].prices.huur=55:62.40', 'staff.care_staff.rate=60:75'. Indices tellen vanaf 0. Vervangt de standaardspreiding "
                "van die invoer.",
        "prices_only": "Trek alleen de prijsbereiken en '±'-prijzen van de catalogus (en --vary), niet de "
                       "eigen invoer van de case.",
    },
    "sensitivity": {
        "prices": "Welk bedrag van een geoffreerd prijsbereik de basis gebruikt.",
    },
    "catalogue list": {
        "category": "Alleen deze categorie (bijv. Medicijndispenser).",
        "need": "Alleen producten voor deze behoefte (bijv. medication_dispenser).",
    },
    "catalogue show": {
        "product": "Product-id, bijv. medido.",
    },
    "catalogue validate": {
        "directory": "Map met suppliers.yaml en tariffs.yaml (standaard: de meegeleverde catalogi).",
    },
    "catalogue diff": {
        "old": "De oude catalogus: een map met suppliers.yaml, of het bestand.",
        "new": "De nieuwe catalogus: een map met suppliers.yaml, of het bestand.",
    },
    "funding show": {
        "code": "Financieringscode, bijv. 1062, H139, H306, VPT, subsidy.",
    },
    "portfolio": {
        "paths": "Casebestanden, mappen met casebestanden (elk .yaml- en .yml-bestand erin en in hun submappen) en "
                 "hoogstens één portefeuillebestand (sleutel `portfolio:` bovenaan) met instellingen voor alle cases.",
        "format": "Uitvoervorm (csv: lange rijen voor een draaitabel).",
        "year": "Het begrotingsjaar dat voorop staat (standaard: budget_year van het portefeuillebestand, anders het "
                "eerste kalenderjaar waarin een case loopt).",
        "xlsx": "Schrijf hier ook de portefeuillewerkmap (de consolidatie als formules over de rijen van de cases).",
        "md": "Schrijf hier ook het Markdown-document van de portefeuille.",
        "force": "Overschrijf bestaande bestanden.",
        "jobs": "Werkprocessen (standaard: zoveel als er kernen zijn, bij 40 cases of meer).",
    },
    "evaluate": {
        "actuals": "Bestand met werkelijke cijfers: YAML, of CSV met één rij per maand per meting (docs/actuals.md).",
        "format": "Uitvoervorm (csv: één rij per regel, categorie, maand en KPI).",
        "xlsx": "Schrijf de evaluatie hier ook als Excel-werkmap.",
        "prices": "Welk bedrag van een geoffreerd prijsbereik het plan gebruikt.",
    },
}

WORDS = {
    "written": "geschreven: {path}",
    "next": "volgende stap: bcalc estimate {file}",
    "validated": "in orde: {products} producten, {items} posten, {times} tijdsposten; {funding} "
                 "financieringscodes, {scenarios} scenario's",
    "unexpected": "bcalc: onverwachte fout: {error} (voer het commando opnieuw uit met --debug voor details)",
    "simulating": "simuleren",
}
