"""``bcalc catalogue`` (list, show, validate, diff) and ``bcalc funding`` (list, show): registered on
the main app when bcalc.cli imports this module (its last line). Thin: parse options, call
bcalc.catalogue_view, which reads the catalogues and formats them.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from bcalc.cli import CatalogueOpt, LangOpt, ListFormat, _console, _guard, _lang, app

catalogue_app = typer.Typer(no_args_is_help=True)
funding_app = typer.Typer(no_args_is_help=True)
app.add_typer(catalogue_app, name="catalogue")
app.add_typer(funding_app, name="funding")


# ---- catalogue ------------------------------------------------------------------------


@catalogue_app.command("list")
def catalogue_list(
    category: Annotated[Optional[str], typer.Option()] = None,
    need: Annotated[Optional[str], typer.Option()] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = None,
) -> None:
    def run():
        from bcalc.catalogue_view import list_products

        list_products(catalogue, category, need, format.value, _console, _lang(lang))

    _guard(run)


@catalogue_app.command("show")
def catalogue_show(
    product: Annotated[str, typer.Argument()],
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = None,
) -> None:
    def run():
        from bcalc.catalogue_view import show_product

        show_product(catalogue, product, format.value, _console, _lang(lang))

    _guard(run)


@catalogue_app.command("validate")
def catalogue_validate(
    directory: Annotated[Optional[Path], typer.Argument(file_okay=False, show_default=False)] = None,
    lang: LangOpt = None,
) -> None:
    def run():
        from bcalc.cli_words import say
        from bcalc.loader import load_catalogues

        cat, tariffs = load_catalogues(directory)
        items = sum(len(p.items) for p in cat.products.values())
        times = sum(len(p.time) for p in cat.products.values())
        print(say("validated", _lang(lang), products=len(cat.products), items=items, times=times,
                  funding=len(tariffs.funding), scenarios=len(tariffs.scenarios)))

    _guard(run)


@catalogue_app.command("diff")
def catalogue_diff(
    old: Annotated[Path, typer.Argument()],
    new: Annotated[Path, typer.Argument()],
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    lang: LangOpt = None,
) -> None:
    def run():
        from bcalc.catalogue_view import diff_catalogues

        diff_catalogues(old, new, format.value, _console, _lang(lang))

    _guard(run)


# ---- funding --------------------------------------------------------------------------


@funding_app.command("list")
def funding_list(
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = None,
) -> None:
    def run():
        from bcalc.catalogue_view import list_funding

        list_funding(catalogue, format.value, _console, _lang(lang))

    _guard(run)


@funding_app.command("show")
def funding_show(
    code: Annotated[str, typer.Argument()],
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = None,
) -> None:
    def run():
        from bcalc.catalogue_view import show_funding

        show_funding(catalogue, code, format.value, _console, _lang(lang))

    _guard(run)
