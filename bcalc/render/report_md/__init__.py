"""``bcalc report CASE --md FILE``: the written business case, rendered with jinja2 from templates/.

The numbers come from one ``bcalc.app.Report`` (the estimate and every analysis, computed once);
the modules of this package arrange them for the templates, one module per chapter (its words in
``WORDS`` and the data it hands to its template), and the templates only place them and format
them through the filters ``money``, ``pct`` and ``num`` (built on bcalc.money: round first, then
format). Words come from ``L``, a labels dict in the chosen language, so one set of templates serves
Dutch and English.

Templates: the bundled folder (``bcalc.paths.templates_dir()``), entry ``report.md.j2`` with one
partial per section (``report_*.md.j2``). A user folder given with ``--templates DIR`` replaces
bundled templates of the same name and is rendered in a sandbox (``env``). Template mistakes become
``InputError`` naming the template file and line (exit code 2, no traceback).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bcalc.errors import InputError, Problem
from bcalc.render.labels import LABELS
from bcalc.render.report_md import (
    attention, basis, compare, costs, funding, indexation, result as result_chapter, scenarios, sources,
    summary, uncertainty as uncertainty_chapter, vat,
)
from bcalc.render.report_md.format import cell, inline
from bcalc.render.report_md.uncertainty import uncertainty

if TYPE_CHECKING:
    from bcalc.app import Report

__all__ = ["LABELS", "TEXT", "cell", "context", "inline", "render", "render_context", "uncertainty"]

CHAPTERS = (summary, basis, costs, vat, indexation, funding, result_chapter, compare, scenarios,
            uncertainty_chapter, attention, sources)

# The report's words, on top of the short estimate's labels (bcalc.render.labels): every chapter's.
TEXT = {lang: {k: v for chapter in CHAPTERS for k, v in chapter.WORDS[lang].items()} for lang in ("nl", "en")}


def context(bundle: Report, lang: str = "nl") -> dict:
    """Everything the templates show, as plain data (Decimals stay Decimals), from the figures of
    one ``bcalc.app.report``."""
    result, catalogue, tariffs = bundle.result, bundle.catalogue, bundle.tariffs
    if lang not in TEXT:
        raise InputError([Problem("bcalc", None, "--lang", f"unknown language '{lang}'; known: nl, en")])
    L = {**LABELS[lang], **TEXT[lang]}
    case = result.case
    products = catalogue.products

    deployments = basis.deployments(result, products, L, lang)
    groups = costs.groups(result, deployments, L, lang)
    found = sources.sources(result, catalogue, tariffs, deployments, L, lang)
    part = "mnd" if lang == "nl" else "mo."
    return {
        "lang": lang,
        "L": L,
        # a calendar year as its column or row is headed: a part year with its months ("2027 (6 mnd)")
        "year_names": {r.year: f"{r.year} ({r.months} {part})" if r.months < 12 else str(r.year)
                       for r in result.per_year},
        "case": case,
        "result": result,
        "prices_end": result.prices_end,
        "vat_rate": result.vat_rate,
        "vat_recoverable": case.vat_recoverable,
        "price_years": ", ".join(str(y) for y in result.price_years),
        "price_level_text": basis.price_level_text(result, L, lang),
        "staff": basis.staff(case, lang),
        "teams": case.teams,
        "teams_text": basis.count_text(case, case.teams, case.phase_teams, lang) if case.teams is not None else "",
        "deployments": deployments,
        "contract_terms": basis.contract_terms(case, deployments, L, lang),
        "summary": summary.summary(result, found["figures"], L, lang),
        "total": result.total,
        **result_chapter.years(result, L),
        "not_counted": costs.not_counted(result, lang),
        "staff_hours": costs.staff_hours(result, L, lang),
        "vat": vat.vat(result, products, groups, deployments),
        **indexation.indexation(result, tariffs, deployments, L, lang),
        **funding.funding(result, tariffs, L, lang),
        "benefit_rows": result_chapter.benefit_rows(result, L, lang),
        "operating": result_chapter.operating(result, L, lang),
        "parties": result_chapter.parties(result, lang),
        "phases_md": result_chapter.phases(result, lang),
        "investment": result_chapter.investment(result, L, lang),
        "comparison": compare.comparison(bundle, lang, L),
        "scenarios": scenarios.scenarios(bundle, lang, L),
        "reproduce": scenarios.reproduce(bundle, lang),
        "uncertainty": uncertainty(bundle, lang, shown=inline),
        **attention.attention(result, catalogue, deployments, lang),
        **found,
        "chapter": _chapters(bundle),
        "evaluation": _evaluation(bundle, lang),
    }


def _chapters(bundle: Report) -> dict[str, int]:
    """The chapters' numbers: with actuals (``bcalc report --actuals``) the evaluation is chapter 8."""
    numbers = {"summary": 1, "basis": 2, "costs": 3, "vat": 4, "indexation": 5, "funding": 6, "result": 7,
               "attention": 8, "sources": 9}
    if getattr(bundle, "evaluation", None) is not None:
        numbers.update(evaluation=8, attention=9, sources=10)
    return numbers


def _evaluation(bundle: Report, lang: str) -> dict | None:
    """The evaluation chapter (its title and its sections as Markdown), or None without actuals."""
    ev = getattr(bundle, "evaluation", None)
    if ev is None:
        return None
    from bcalc.render import evaluate_view

    return {"title": evaluate_view.words(lang)["title"], "body": evaluate_view.markdown_body(ev, lang, level=3)}


def render(bundle: Report, lang: str = "nl", templates: Path | None = None) -> str:
    """The business case as Markdown. ``templates``: a folder whose templates replace the bundled ones."""
    return render_context(context(bundle, lang), lang, templates)


def render_context(ctx: dict, lang: str = "nl", templates: Path | None = None) -> str:
    """The business case as Markdown from a ``context`` already made (the PDF reads the same one)."""
    from bcalc.render.report_md import env

    return env.render(ctx, lang, templates)
