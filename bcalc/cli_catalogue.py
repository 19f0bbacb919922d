"""``bcalc catalogue`` (list, show, validate, diff) and ``bcalc funding`` (list, show): registered on
the main app when bcalc.cli imports this module (its last line). Thin: parse options, call
bcalc.catalogue_view, which reads the catalogues and formats them.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

from bcalc.cli import CatalogueOpt, Lang, LangOpt, ListFormat, _console, _guard, app

catalogue_app = typer.Typer(help="Browse and check the supplier catalogue.", no_args_is_help=True)
funding_app = typer.Typer(help="Browse the funding codes (Zvw, Wlz, subsidy).", no_args_is_help=True)
app.add_typer(catalogue_app, name="catalogue")
app.add_typer(funding_app, name="funding")


# ---- catalogue ------------------------------------------------------------------------


@catalogue_app.command("list")
def catalogue_list(
    category: Annotated[Optional[str], typer.Option(help="Only this category (e.g. Medicijndispenser).")] = None,
    need: Annotated[Optional[str], typer.Option(help="Only products for this need (e.g. medication_dispenser).")] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = Lang.nl,
) -> None:
    """List the products in the catalogue."""

    def run():
        from bcalc.catalogue_view import list_products

        list_products(catalogue, category, need, format.value, _console, lang.value)

    _guard(run)


@catalogue_app.command("show")
def catalogue_show(
    product: Annotated[str, typer.Argument(help="Product id, e.g. medido.")],
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = Lang.nl,
) -> None:
    """Every cost and time line of one product, with its source line."""

    def run():
        from bcalc.catalogue_view import show_product

        show_product(catalogue, product, format.value, _console, lang.value)

    _guard(run)


@catalogue_app.command("validate")
def catalogue_validate(
    directory: Annotated[Optional[Path], typer.Argument(help="Folder with suppliers.yaml and tariffs.yaml "
                                                             "(default: the bundled catalogues).",
                                                        file_okay=False, show_default=False)] = None,
) -> None:
    """Check the catalogues; every problem is reported as FILE:LINE: field: message."""

    def run():
        from bcalc.loader import load_catalogues

        cat, tariffs = load_catalogues(directory)
        items = sum(len(p.items) for p in cat.products.values())
        times = sum(len(p.time) for p in cat.products.values())
        print(f"ok: {len(cat.products)} products, {items} items, {times} time lines; "
              f"{len(tariffs.funding)} funding codes, {len(tariffs.scenarios)} scenarios")

    _guard(run)


@catalogue_app.command("diff")
def catalogue_diff(
    old: Annotated[Path, typer.Argument(help="The old catalogue: a folder with suppliers.yaml, or the file.")],
    new: Annotated[Path, typer.Argument(help="The new catalogue: a folder with suppliers.yaml, or the file.")],
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    lang: LangOpt = Lang.nl,
) -> None:
    """What changed between two catalogues: products, items and time lines added, removed or changed,
    with the old and new amount, price year and source line."""

    def run():
        from bcalc.catalogue_view import diff_catalogues

        diff_catalogues(old, new, format.value, _console, lang.value)

    _guard(run)


# ---- funding --------------------------------------------------------------------------


@funding_app.command("list")
def funding_list(
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = Lang.nl,
) -> None:
    """List the funding codes."""

    def run():
        from bcalc.catalogue_view import list_funding

        list_funding(catalogue, format.value, _console, lang.value)

    _guard(run)


@funding_app.command("show")
def funding_show(
    code: Annotated[str, typer.Argument(help="Funding code, e.g. 1062, H139, H306, VPT, subsidy.")],
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    catalogue: CatalogueOpt = None,
    lang: LangOpt = Lang.nl,
) -> None:
    """Definition, unit, tariff and source of one funding code."""

    def run():
        from bcalc.catalogue_view import show_funding

        show_funding(catalogue, code, format.value, _console, lang.value)

    _guard(run)
