"""Chapter 7, part three: the case under every scenario and under stress, as ``bcalc scenarios``
shows it (the figures come from the bundle's scenario table)."""

from __future__ import annotations

WORDS = {
    "nl": {
        "h_scenarios": "Scenario's en stresstests",
        "scenarios_intro": (
            "De case onder elk indexatiescenario, met de onderkant, het midden en de bovenkant van de "
            "prijsbereiken en met 0 %, de eigen en 100 % terugvorderbare btw; daarna de stresstests. Vet: de "
            "beste en de slechtste rij naar netto resultaat. Zelf doen: `bcalc scenarios CASE`."),
    },
    "en": {
        "h_scenarios": "Scenarios and stress tests",
        "scenarios_intro": (
            "The case under every indexation scenario, with the low end, midpoint and high end of price ranges "
            "and with 0%, the case's own and 100% recoverable VAT; then the stress tests. In bold: the best "
            "and the worst row by net result. To run it yourself: `bcalc scenarios CASE`."),
    },
}


def scenarios(bundle, lang: str, L: dict) -> dict:
    from bcalc.render import scenarios_view

    view = scenarios_view.build(bundle.scenarios, lang)
    W = scenarios_view.words(lang)

    def table(rows, keys):
        return {"heads": [W[k] for k in keys],
                "rows": [{"label": r["shown"], "strong": r["best"] or r["worst"], "values": [r[k] for k in keys]}
                         for r in rows]}

    return {**view, "W": W, "intro": L["scenarios_intro"],
            "grid_table": table(scenarios_view.grid(view), scenarios_view.columns(view, False)),
            "stress_table": table(scenarios_view.stress(view), scenarios_view.columns(view, True)),
            "marks_line": scenarios_view.marks_line(view)}
