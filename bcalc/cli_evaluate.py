"""``bcalc evaluate CASE ACTUALS``: the pilot's actuals against the plan. Registered on the main app
when bcalc.cli imports this module. Thin: parse options, call bcalc.app.evaluate, render.
"""


import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from bcalc.cli import CatalogueOpt, DebugOpt, LangOpt, PriceEnd, PricesOpt, ScenarioOpt, _console, _guard, _lang, app
from bcalc.cli_words import say


class EvaluateFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


@app.command()
def evaluate(
    case: Annotated[Path, typer.Argument()],
    actuals: Annotated[Path, typer.Argument()],
    format: Annotated[EvaluateFormat, typer.Option("--format", "-f")] = EvaluateFormat.table,
    xlsx: Annotated[Optional[Path], typer.Option("--xlsx")] = None,
    scenario: ScenarioOpt = None,
    prices: PricesOpt = PriceEnd.mid,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOpt = None,
    catalogue: CatalogueOpt = None,
    debug: DebugOpt = False,
) -> None:
    lang = _lang(lang)

    def run():
        from bcalc import app as bcalc_app
        from bcalc.render import evaluate_view as view
        from bcalc.writefile import check_writable, write_all

        if xlsx is not None:
            check_writable(xlsx, force)
        loaded = bcalc_app.load(case, catalogue, shown=str(case))
        ev = bcalc_app.evaluate(loaded, actuals, scenario, prices.value, shown=str(actuals))
        documents = []
        if xlsx is not None:
            from bcalc.render.xlsx.evaluation import render_book

            documents.append((xlsx, render_book(ev, lang)))
        write_all(documents, force=force)
        if format is EvaluateFormat.json:
            sys.stdout.write(view.render_json(ev))
        elif format is EvaluateFormat.markdown:
            sys.stdout.write(view.render_markdown(ev, lang))
        elif format is EvaluateFormat.csv:
            sys.stdout.write(view.render_csv(ev, lang))
        else:
            view.render_console(ev, _console(), lang)
        for target, _ in documents:
            print(say("written", lang, path=target), file=sys.stderr if format is not EvaluateFormat.table else sys.stdout)

    _guard(run, debug)
