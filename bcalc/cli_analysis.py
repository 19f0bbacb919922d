"""``bcalc simulate`` and ``bcalc sensitivity``: registered on the main app when bcalc.cli imports
this module (the last line of cli.py). Thin: parse options, call the application layer (bcalc.app), render.

numpy is imported only when ``simulate`` runs.
"""


import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from bcalc.cli import CatalogueOpt, DebugOpt, Lang, LangOpt, PriceEnd, ScenarioOpt, _console, _guard, app

PROGRESS_ABOVE = 200_000     # draws; below this a simulation takes well under a second


class TableJson(str, Enum):
    table = "table"
    json = "json"


def _tariffs_file(catalogue: Path | None) -> str:
    return str(catalogue / "tariffs.yaml") if catalogue is not None else "data/tariffs.yaml"


@app.command()
def simulate(
    case: Annotated[Path, typer.Argument(help="Case file (YAML).")],
    draws: Annotated[int, typer.Option("--draws", "-n", help="Number of draws.")] = 10_000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the random generator (same seed, same result).")] = 1,
    vary: Annotated[Optional[list[str]], typer.Option(
        "--vary", help="An input to vary, PATH=LOW:HIGH or PATH=LOW:MODE:HIGH (repeatable), e.g. "
                       "'deployments[0].clients=30:45', 'benefits[0].minutes=5:10:15', 'indexation.prices=1%:4%', "
                       "'funding[0].tariff=70:90', 'benefits[0].realisation=40%:80%', "
                       "'deployments[0].prices.huur=55:62.40'. Indices count from 0.",
        show_default=False)] = None,
    format: Annotated[TableJson, typer.Option("--format", "-f", help="Output format.")] = TableJson.table,
    scenario: ScenarioOpt = None,
    lang: LangOpt = Lang.nl,
    catalogue: CatalogueOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Monte Carlo over the quoted price ranges, '±' prices and --vary inputs: P10/P50/P90."""

    def run():
        from bcalc import app as bcalc_app

        loaded = bcalc_app.load(case, catalogue)
        spec = list(vary or [])
        if draws > PROGRESS_ABOVE:
            from rich.console import Console
            from rich.progress import Progress

            with Progress(console=Console(stderr=True), transient=True) as bar:
                task = bar.add_task("simulate", total=draws)
                sim = bcalc_app.simulate(loaded, draws, seed, spec, scenario,
                                         progress=lambda done, total: bar.update(task, completed=done))
        else:
            sim = bcalc_app.simulate(loaded, draws, seed, spec, scenario)
        from bcalc.render import simulate_view

        if format is TableJson.json:
            sys.stdout.write(simulate_view.render_json(sim, lang.value))
        else:
            simulate_view.render_console(sim, _console(), lang.value, _tariffs_file(catalogue))

    _guard(run, debug)


@app.command()
def sensitivity(
    case: Annotated[Path, typer.Argument(help="Case file (YAML).")],
    format: Annotated[TableJson, typer.Option("--format", "-f", help="Output format.")] = TableJson.table,
    scenario: ScenarioOpt = None,
    prices: Annotated[PriceEnd, typer.Option(help="Which figure of a quoted price range the base uses.")] = \
        PriceEnd.mid,
    lang: LangOpt = Lang.nl,
    catalogue: CatalogueOpt = None,
    debug: DebugOpt = False,
) -> None:
    """One input at a time to its low and high end: a tornado of the net result."""

    def run():
        from bcalc import app as bcalc_app
        from bcalc.render import sensitivity_view

        result = bcalc_app.sensitivity(bcalc_app.load(case, catalogue), scenario, prices.value)
        if format is TableJson.json:
            sys.stdout.write(sensitivity_view.render_json(result, lang.value))
        else:
            sensitivity_view.render_console(result, _console(), lang.value, _tariffs_file(catalogue))

    _guard(run, debug)
