"""Chapter 7, part three: the case under every scenario and under stress, as ``bcalc scenarios``
shows it (the figures come from the bundle's scenario table). The chapter shows four rows (best,
the case itself, worst, the hardest stress test); the full grid goes to the appendix and the workbook."""

from __future__ import annotations

import re
from decimal import Decimal

from bcalc.render.report_md.format import plain

WORDS = {
    "nl": {
        "h_scenarios": "Scenario's en stresstests",
        "scenarios_intro": (
            "De case is doorgerekend onder elk indexatiescenario, met de onderkant, het midden en de bovenkant "
            "van de prijsbereiken en met 0 %, de eigen en 100 % terugvorderbare btw ({n} rijen), en onder "
            "stresstests. Hieronder de uitersten; alle rijen staan in bijlage B en in het rekenblad."),
        "sc_case": "Deze case",
        "sc_best": "Beste",
        "sc_worst": "Slechtste",
        "sc_stress": "Zwaarste stresstest",
        "sc_exit": "Vroegst stoppen",
        "sc_which": "Welke rij",
        "h_appendix_grid": "Alle scenario's",
        "appendix_grid_intro": "Vet: de beste en de slechtste rij naar netto resultaat.",
        "h_appendix": "Bijlagen",
        "appendix_a": "A",
        "appendix_b": "B",
        "h_reproduce": "De cijfers nagaan",
        "reproduce_intro": (
            "Dit document is gemaakt met bcalc uit het casebestand (CASE). Met deze opdrachten rekent u elk "
            "hoofdstuk na; invoer zoals uurtarieven (staff.ROL.rate) staat in het casebestand."),
        "reproduce_prices": (
            "Prijzen uit bereiken: --prices low, mid of high kiest de onderkant, het midden of de bovenkant "
            "van elk bereik in de bron; --scenario kiest het indexatiescenario."),
    },
    "en": {
        "h_scenarios": "Scenarios and stress tests",
        "scenarios_intro": (
            "The case was worked out under every indexation scenario, with the low end, midpoint and high end "
            "of price ranges and with 0%, the case's own and 100% recoverable VAT ({n} rows), and under stress "
            "tests. Below are the extremes; every row is in appendix B and in the workbook."),
        "sc_case": "This case",
        "sc_best": "Best",
        "sc_worst": "Worst",
        "sc_stress": "Hardest stress test",
        "sc_exit": "Earliest stop",
        "sc_which": "Which row",
        "h_appendix_grid": "All scenarios",
        "appendix_grid_intro": "In bold: the best and the worst row by net result.",
        "h_appendix": "Appendices",
        "appendix_a": "A",
        "appendix_b": "B",
        "h_reproduce": "Checking the figures",
        "reproduce_intro": (
            "This document was made with bcalc from the case file (CASE). These commands work out each chapter "
            "again; inputs such as hourly rates (staff.ROLE.rate) are in the case file."),
        "reproduce_prices": (
            "Prices from ranges: --prices low, mid or high takes the low end, midpoint or high end of each "
            "range in the source; --scenario chooses the indexation scenario."),
    },
}


def scenarios(bundle, lang: str, L: dict) -> dict:
    from bcalc.render import scenarios_view

    view = scenarios_view.build(bundle.scenarios, lang)
    W = {**scenarios_view.words(lang), **WORDS[lang]}
    case = bundle.result.case

    def table(rows, keys):
        return {"heads": [W[k] for k in keys],
                "rows": [{"label": r["shown"], "strong": r["best"] or r["worst"], "values": [r[k] for k in keys]}
                         for r in rows]}

    rows = view["rows"]
    grid = scenarios_view.grid(view)
    stress = scenarios_view.stress(view)
    own = Decimal(str(case.vat_recoverable))
    mine = next((r for r in grid if r["scenario"] == case.scenario and r["prices"] == bundle.result.prices_end
                 and Decimal(str(r["recoverable"])) == own), None)
    summary = []

    def add(what, r):
        summary.append({"what": what, "label": r["label"], "net": r["net"], "cost": r["cost"]})

    add(W["sc_best"], rows[view["best"]])
    if mine is not None:
        add(W["sc_case"], mine)
    add(W["sc_worst"], rows[view["worst"]])
    # stopping rows answer another question (what leaving costs): the engine ranks without them, and
    # so does the hardest stress test; the earliest stop gets its own row
    ranked = [r for r in stress if not r["key"].startswith("exit-")]
    if ranked:
        add(W["sc_stress"], min(ranked, key=lambda r: r["net"]))
    stops = [r for r in stress if r["key"].startswith("exit-")]
    if stops:
        add(W["sc_exit"], stops[0])
    keys = scenarios_view.columns(view, False)
    return {**view, "W": W, "intro": W["scenarios_intro"].format(n=len(grid)),
            "summary": summary,
            "summary_heads": [W["sc_which"], W["scenario"], W["cost"], W["net"]],
            "low": rows[view["worst"]]["net"], "high": rows[view["best"]]["net"],
            "grid_table": table(grid, keys),
            "stress_table": table(stress, scenarios_view.columns(view, True)),
            "marks_line": scenarios_view.marks_line(view),
            "notes": [plain(n, lang) for n in view["notes"]]}


def reproduce(bundle, lang: str) -> list[str]:
    """The commands that give this document's figures again, for the appendix."""
    from bcalc.app import REPORT_DRAWS, REPORT_SEED

    result = bundle.result
    # a scenario name is the user's text: named only when it is a plain word
    name = result.scenario if re.fullmatch(r"[A-Za-z0-9_.-]+", result.scenario) else "SCENARIO"
    opts = f" --scenario {name}"
    if result.prices_end != "mid":
        opts += f" --prices {result.prices_end}"
    lang_opt = "" if lang == "nl" else f" --lang {lang}"
    lines = [f"bcalc report CASE --md FILE{opts}{lang_opt}",
             f"bcalc scenarios CASE{' --lang ' + lang if lang != 'nl' else ''}",
             f"bcalc sensitivity CASE{opts}",
             f"bcalc simulate CASE --draws {REPORT_DRAWS} --seed {REPORT_SEED} --scenario {name}"]
    n = len(result.case.deployments)
    lines.append(f"bcalc compare CASE --deployment 1{opts}" + (f"  (1 t/m {n})" if lang == "nl" and n > 1 else
                                                         f"  (1 to {n})" if n > 1 else ""))
    return lines
