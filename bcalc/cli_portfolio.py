"""``bcalc portfolio``: the consolidated budget of several cases. Registered on the main app when
bcalc.cli imports this module (its last line). Thin: parse options, call bcalc.app.portfolio, render.
"""


import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from bcalc.cli import CatalogueOpt, DebugOpt, LangOpt, Lang, ScenarioOpt, _console, _guard, app
from bcalc.errors import InputError, Problem


class PortfolioFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


@app.command()
def portfolio(
    paths: Annotated[list[Path], typer.Argument(
        help="Case files, folders of case files (every .yaml and .yml in them and their subfolders) and at "
             "most one portfolio file (top-level key `portfolio:`) with settings for all cases.",
        show_default=False)],
    format: Annotated[PortfolioFormat, typer.Option("--format", "-f", help="Output format (csv: long rows "
                                                                           "for a pivot table).")] = PortfolioFormat.table,
    year: Annotated[Optional[int], typer.Option("--year", help="The budget year shown first (default: the "
                                                               "portfolio file's budget_year, else the first "
                                                               "calendar year any case runs in).",
                                                min=2000, max=2100)] = None,
    scenario: ScenarioOpt = None,
    xlsx: Annotated[Optional[Path], typer.Option("--xlsx", help="Also write the portfolio workbook here "
                                                                "(consolidation as formulas over the cases' rows).")] = None,
    md: Annotated[Optional[Path], typer.Option("--md", help="Also write the Markdown portfolio document here.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, max=64,
                                                help="Worker processes (default: the cores there are, for 40 "
                                                     "cases or more).")] = None,
    lang: LangOpt = Lang.nl,
    catalogue: CatalogueOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Add up the cases of an organisation: budget per calendar year and category, per case, per need,
    per funding code, and hours and FTE per role, in the value view and the budget view."""

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

            documents.append((xlsx, portfolio_xlsx.render(result, lang.value)))
        if md is not None:
            documents.append((md, portfolio_out.render_markdown(result, lang.value)))
        write_all(documents, force=force)
        if format is PortfolioFormat.json:
            sys.stdout.write(portfolio_out.render_json(result, lang.value))
        elif format is PortfolioFormat.csv:
            sys.stdout.write(portfolio_out.render_csv(result, lang.value))
        elif format is PortfolioFormat.markdown:
            sys.stdout.write(portfolio_out.render_markdown(result, lang.value))
        else:
            portfolio_out.render_console(result, _console(), lang.value)
        for target, _ in documents:
            print(f"written: {target}", file=sys.stderr if format is not PortfolioFormat.table else sys.stdout)

    _guard(run, debug)
