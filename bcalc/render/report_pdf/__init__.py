"""``bcalc report CASE --pdf FILE``: the business case as an A4 PDF, drawn with reportlab.

The PDF shows what the Markdown business case shows: the text is the Markdown that
``bcalc.render.report_md`` renders from the one ``Report`` bundle, turned into reportlab flowables
by a small converter of bcalc's own Markdown (``mdblocks``); the charts are drawn from the bundle's
figures (``charts``). A chart goes where the Markdown has its marker ``<!-- chart:NAME -->``; a
chart whose marker is missing goes at the end of the text under its chapter's heading (the tornado
takes the place of the text tornado there).

reportlab is an optional dependency (``pip install 'bcalc[pdf]'``): it is imported only here, and
only this package imports it.
"""

from __future__ import annotations

from bcalc.errors import InputError, Problem

INSTALL = "pip install 'bcalc[pdf]'"


def require() -> None:
    """InputError (exit 2) when reportlab cannot be imported."""
    try:
        import reportlab  # noqa: F401
        import reportlab.platypus  # noqa: F401
    except ImportError:
        raise InputError([Problem("bcalc", None, "--pdf",
                                  f"writing a PDF needs reportlab, which is not installed: {INSTALL}")]) from None


def render(text: str, bundle, context: dict, lang: str = "nl") -> bytes:
    """The PDF of the Markdown business case ``text`` with the charts of ``bundle``."""
    return build(text, bundle, context, lang)[0]


def build(text: str, bundle, context: dict, lang: str = "nl") -> tuple[bytes, list[str]]:
    """The PDF and the names of the charts it holds, in the order they appear."""
    from bcalc.render.report_pdf import document

    return document.build(text, bundle, context, lang)
