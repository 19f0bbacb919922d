"""``bcalc portfolio``: the consolidated budget of several cases. Registered on the main app when
bcalc.cli imports this module (its last line). Thin: parse options, call bcalc.app.portfolio, render.
"""


import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from bcalc.cli import CatalogueOpt, DebugOpt, LangOpt, ScenarioOpt, _console, _guard, _lang, app
from bcalc.cli_words import say
from bcalc.errors import InputError, Problem


class PortfolioFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


@app.command()
def portfolio(
    paths: Annotated[list[Path], typer.Argument(show_default=False)],
    format: Annotated[PortfolioFormat, typer.Option("--format", "-f")] = PortfolioFormat.table,
    year: Annotated[Optional[int], typer.Option("--year", min=2000, max=2100)] = None,
    scenario: ScenarioOpt = None,
    xlsx: Annotated[Optional[Path], typer.Option("--xlsx")] = None,
    md: Annotated[Optional[Path], typer.Option("--md")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, max=64)] = None,
    lang: LangOpt = None,
    catalogue: CatalogueOpt = None,
    debug: DebugOpt = False,
) -> None:
    lang = _lang(lang)

    def run():
        from bcalc import app as bcalc_app
        from bcalc.render import portfolio_out
        from bcalc.writefile import check_writable, write_all

        targets = [p for p in (xlsx, md) if p is not None]
        if xlsx is not None and md is not None and xlsx.resolve() == md.resolve():
            raise InputError([Problem("bcalc", None, "--xlsx/--md", "the two documents need different files")])
        for target in targets:
            check_writable(target, force)
        result = bcalc_app.portfolio(list(paths), catalogue, scenario=scenario, budget_year=year, jobs=jobs)
        documents = []
        if xlsx is not None:
            from bcalc.render import portfolio_xlsx

            documents.append((xlsx, portfolio_xlsx.render(result, lang)))
        if md is not None:
            documents.append((md, portfolio_out.render_markdown(result, lang)))
        write_all(documents, force=force)
        if format is PortfolioFormat.json:
            sys.stdout.write(portfolio_out.render_json(result, lang))
        elif format is PortfolioFormat.csv:
            sys.stdout.write(portfolio_out.render_csv(result, lang))
        elif format is PortfolioFormat.markdown:
            sys.stdout.write(portfolio_out.render_markdown(result, lang))
        else:
            portfolio_out.render_console(result, _console(), lang)
        for target, _ in documents:
            print(say("written", lang, path=target), file=sys.stderr if format is not PortfolioFormat.table else sys.stdout)

    _guard(run, debug)
