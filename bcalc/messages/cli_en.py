"""English words of the command line: the help of every command and option, and the lines the
commands print themselves. bcalc/messages/cli_nl.py has the same keys in Dutch.

``COMMANDS`` maps a command's path (``""`` for bcalc itself, ``"catalogue list"``) to its help:
the first sentence is its line in the list of commands. ``OPTIONS`` maps a command's path to
the help of its parameters by their Python name; under ``"*"`` the help of a parameter that
several commands share, for every command that has no text of its own for it. A new command adds
its entries to both files; tests/test_cli_lang.py walks the commands and fails on a command or
parameter without help in either language, and on an entry that no command uses.
"""

LANG = "Language of the output, help and messages (default: BCALC_LANG, else the locale, else nl)."

COMMANDS = {
    "": "bcalc: business case and financing of care technology for Dutch care organisations.",
    "estimate": "Costs, VAT, funding and net result per year for one case.",
    "report": "Write the business case documents: an Excel workbook, a Markdown report and/or a PDF.",
    "compare": "The same need served by several products side by side, or whole cases side by side.",
    "scenarios": "The case under every indexation scenario, low/mid/high prices and VAT setting, and under stress.",
    "init": "Write a commented starter case file that `bcalc estimate` accepts as written.",
    "schema": "The JSON Schema of a case file, for editors that complete and check YAML as it is typed.",
    "simulate": "Monte Carlo over everything sensitivity moves (price ranges, '±' prices, clients, benefits, "
                "staff rates, funding tariffs, indexation) and --vary inputs: P10/P50/P90.",
    "sensitivity": "One input at a time to its low and high end: a tornado of the net result.",
    "catalogue": "Browse and check the supplier catalogue.",
    "catalogue list": "List the products in the catalogue.",
    "catalogue show": "Every cost and time line of one product, with its source line.",
    "catalogue validate": "Check the catalogues; every problem is reported as FILE:LINE: field: message.",
    "catalogue diff": "What changed between two catalogues: products, items and time lines added, removed or "
                      "changed, with the old and new amount, price year and source line.",
    "funding": "Browse the funding codes (Zvw, Wlz, subsidy).",
    "funding list": "List the funding codes.",
    "funding show": "Definition, unit, tariff and source of one funding code.",
    "portfolio": "Add up the cases of an organisation: budget per calendar year and category, per case, per need, "
                 "per funding code, and hours and FTE per role, in the value view and the budget view.",
    "evaluate": "A pilot's actuals against the plan: per line, category, month and year to date, the variance split "
                "into volume and price, the forecast to the end of the horizon and the measured KPIs.",
}

OPTIONS = {
    "*": {
        "case": "Case file (YAML).",
        "format": "Output format.",
        "scenario": "Indexation scenario: none, low, base, high (default: the case's own).",
        "prices": "Which figure of a quoted price range to use.",
        "lang": LANG,
        "catalogue": "Folder with suppliers.yaml and tariffs.yaml (default: the bundled catalogues).",
        "debug": "Show a traceback on unexpected errors.",
        "force": "Overwrite an existing file.",
    },
    "": {
        "version": "Print bcalc's version and stop.",
    },
    "estimate": {
        "case": "Case file (YAML). Default: the bundled example case.",
        "format": "Output format (csv: one row per line and calendar year, and totals).",
    },
    "report": {
        "xlsx": "Write the Excel workbook (live formulas) here.",
        "md": "Write the Markdown business case here.",
        "pdf": "Write the business case as an A4 PDF here, with its charts (needs reportlab: pip install 'bcalc[pdf]').",
        "lang": "Language of the documents, help and messages (default: BCALC_LANG, else the locale, else nl).",
        "templates": "Folder whose templates replace the bundled ones of the same name.",
        "actuals": "An actuals file (docs/actuals.md): adds the evaluation against the plan to the documents, "
                   "as a chapter of the Markdown and PDF and as a sheet of the workbook.",
        "force": "Overwrite existing files.",
    },
    "compare": {
        "cases": "One case file to compare products within, or two or more case files to compare side by side.",
        "with_": "A product to compare with (repeatable).",
        "need": "Compare with every product for the same need (the default without --with).",
        "deployment": "Which deployment (1, 2, ...) when the case has several.",
    },
    "init": {
        "file": "Where to write the starter case.",
    },
    "schema": {
        "output": "Write the schema to this file instead of printing it.",
    },
    "simulate": {
        "draws": "Number of draws.",
        "seed": "Seed of the random generator (same seed, same result).",
        "vary": "An input to vary, PATH=LOW:HIGH or PATH=LOW:MODE:HIGH (repeatable), e.g. "
                "'deployments[0].clients=30:45', 'benefits[0].minutes=5:10:15', 'indexation.prices=1%:4%', "
                "'funding[0].tariff=70:90', 'benefits[0].realisation=40%:80%', "
                "'deployments[0].prices.huur=55:62.40', 'staff.care_staff.rate=60:75'. Indices count from 0. Replaces that input's default "
                "spread.",
        "prices_only": "Draw only the catalogue's price ranges and '±' prices (and --vary), not the case's own "
                       "inputs.",
    },
    "sensitivity": {
        "prices": "Which figure of a quoted price range the base uses.",
    },
    "catalogue list": {
        "category": "Only this category (e.g. Medicijndispenser).",
        "need": "Only products for this need (e.g. medication_dispenser).",
    },
    "catalogue show": {
        "product": "Product id, e.g. medido.",
    },
    "catalogue validate": {
        "directory": "Folder with suppliers.yaml and tariffs.yaml (default: the bundled catalogues).",
    },
    "catalogue diff": {
        "old": "The old catalogue: a folder with suppliers.yaml, or the file.",
        "new": "The new catalogue: a folder with suppliers.yaml, or the file.",
    },
    "funding show": {
        "code": "Funding code, e.g. 1062, H139, H306, VPT, subsidy.",
    },
    "portfolio": {
        "paths": "Case files, folders of case files (every .yaml and .yml in them and their subfolders) and at most "
                 "one portfolio file (top-level key `portfolio:`) with settings for all cases.",
        "format": "Output format (csv: long rows for a pivot table).",
        "year": "The budget year shown first (default: the portfolio file's budget_year, else the first calendar "
                "year any case runs in).",
        "xlsx": "Also write the portfolio workbook here (the consolidation as formulas over the cases' rows).",
        "md": "Also write the Markdown portfolio document here.",
        "force": "Overwrite existing files.",
        "jobs": "Worker processes (default: the cores there are, for 40 cases or more).",
    },
    "evaluate": {
        "actuals": "Actuals file: YAML, or CSV with one row per month per measure (docs/actuals.md).",
        "format": "Output format (csv: one row per line, category, month and KPI).",
        "xlsx": "Also write the evaluation as an Excel workbook here.",
        "prices": "Which figure of a quoted price range the plan uses.",
    },
}

# what the commands print themselves
WORDS = {
    "written": "written: {path}",
    "next": "next: bcalc estimate {file}",
    "validated": "ok: {products} products, {items} items, {times} time lines; {funding} funding codes, "
                 "{scenarios} scenarios",
    "unexpected": "bcalc: unexpected error: {error} (run again with --debug for details)",
    "simulating": "simulate",
}
