"""``bcalc simulate`` and ``bcalc sensitivity``: registered on the main app when bcalc.cli imports
this module (the last line of cli.py). Thin: parse options, call the application layer (bcalc.app), render.

numpy is imported only when ``simulate`` runs.
"""


import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from bcalc.cli import CatalogueOpt, DebugOpt, LangOpt, PriceEnd, ScenarioOpt, _console, _guard, _lang, app

PROGRESS_ABOVE = 200_000     # draws; below this a simulation takes well under a second


class TableJson(str, Enum):
    table = "table"
    json = "json"


def _tariffs_file(catalogue: Path | None) -> str:
    return str(catalogue / "tariffs.yaml") if catalogue is not None else "data/tariffs.yaml"


@app.command()
def simulate(
    case: Annotated[Path, typer.Argument()],
    draws: Annotated[int, typer.Option("--draws", "-n")] = 10_000,
    seed: Annotated[int, typer.Option("--seed")] = 1,
    vary: Annotated[Optional[list[str]], typer.Option("--vary", show_default=False)] = None,
    prices_only: Annotated[bool, typer.Option("--prices-only")] = False,
    format: Annotated[TableJson, typer.Option("--format", "-f")] = TableJson.table,
    scenario: ScenarioOpt = None,
    lang: LangOpt = None,
    catalogue: CatalogueOpt = None,
    debug: DebugOpt = False,
) -> None:
    lang = _lang(lang)
    scope = "prices" if prices_only else "all"

    def run():
        from bcalc import app as bcalc_app

        loaded = bcalc_app.load(case, catalogue)
        spec = list(vary or [])
        if draws > PROGRESS_ABOVE:
            from rich.progress import Progress

            from bcalc.cli_words import say
            from bcalc.render.console import make_console

            with Progress(console=make_console(sys.stderr), transient=True) as bar:
                task = bar.add_task(say("simulating", lang), total=draws)
                sim = bcalc_app.simulate(loaded, draws, seed, spec, scenario,
                                         progress=lambda done, total: bar.update(task, completed=done), scope=scope)
        else:
            sim = bcalc_app.simulate(loaded, draws, seed, spec, scenario, scope=scope)
        from bcalc.render import simulate_view

        if format is TableJson.json:
            sys.stdout.write(simulate_view.render_json(sim, lang))
        else:
            simulate_view.render_console(sim, _console(), lang, _tariffs_file(catalogue))

    _guard(run, debug)


@app.command()
def sensitivity(
    case: Annotated[Path, typer.Argument()],
    format: Annotated[TableJson, typer.Option("--format", "-f")] = TableJson.table,
    scenario: ScenarioOpt = None,
    prices: Annotated[PriceEnd, typer.Option()] = PriceEnd.mid,
    lang: LangOpt = None,
    catalogue: CatalogueOpt = None,
    debug: DebugOpt = False,
) -> None:
    lang = _lang(lang)

    def run():
        from bcalc import app as bcalc_app
        from bcalc.render import sensitivity_view

        result = bcalc_app.sensitivity(bcalc_app.load(case, catalogue), scenario, prices.value)
        if format is TableJson.json:
            sys.stdout.write(sensitivity_view.render_json(result, lang))
        else:
            sensitivity_view.render_console(result, _console(), lang, _tariffs_file(catalogue))

    _guard(run, debug)
