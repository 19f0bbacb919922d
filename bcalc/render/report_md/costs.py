"""Chapter 3, costs: per calendar year, per deployment and per cost item of each deployment."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from bcalc.messages import say
from bcalc.money import ZERO
from bcalc.render.report_md.format import inline, num, places, plain

WORDS = {
    "nl": {
        "h_costs": "Kosten",
        "h_cost_year": "Kosten per kalenderjaar",
        "h_cost_deployment": "Kosten per inzet",
        "h_cost_lines": "Waar het geld naartoe gaat",
        "cost_year_note": (
            "Bedragen exclusief btw per soort; de btw-kolom is de niet-terugvorderbare btw; Kosten is het "
            "totaal."),
        "partial_years": "Het eerste en/of laatste kalenderjaar is gedeeltelijk (kolom {months}).",
        "lines_note": "Per inzet de kostenposten opgeteld over de looptijd.",
        "lines_total": "Totaal inzet",
        "not_counted": (
            "Niet in de kosten opgenomen (de kosten zijn hierdoor te laag tot u de ontbrekende gegevens in de "
            "case invult):"),
        "h_staff_hours": "Uren en fte per rol",
        "sh_hours": "uren",
        "sh_fte": "fte",
        "sh_unvalued": "niet gewaardeerd: geen uurtarief",
        "sh_note": (
            "De uren van de getelde tijdsposten (training en interne uren) per kalenderjaar, ook van rollen zonder "
            "uurtarief; vrijgekomen tijd (baten) telt niet mee. Fte: de uren gedeeld door {norm} uur per fte, over "
            "de maanden van het jaar binnen de looptijd; de totaalkolom geeft het gemiddelde per jaar."),
        "sh_no_fte": (
            "De uren per kalenderjaar van de getelde tijdsposten (training en interne uren), ook van rollen zonder "
            "uurtarief; vrijgekomen tijd (baten) telt niet mee. Geen fte: de case geeft niet hoeveel uren "
            "één fte per jaar telt, en bcalc neemt geen norm aan."),
    },
    "en": {
        "h_costs": "Costs",
        "h_cost_year": "Cost per calendar year",
        "h_cost_deployment": "Cost per deployment",
        "h_cost_lines": "What the money is for",
        "cost_year_note": (
            "Amounts excluding VAT per category; the VAT column is the non-recoverable VAT; Cost is the total."),
        "partial_years": "The first and/or last calendar year is partial (column {months}).",
        "lines_note": "Per deployment, the cost items summed over the horizon.",
        "lines_total": "Deployment total",
        "not_counted": "Not in the cost, so the cost is understated until the case gives the missing data:",
        "h_staff_hours": "Hours and FTE per role",
        "sh_hours": "hours",
        "sh_fte": "FTE",
        "sh_unvalued": "not valued: no hourly rate",
        "sh_note": (
            "The hours of the counted time lines (training and internal hours) per calendar year, also of roles "
            "without an hourly rate; time freed (benefits) is not included. FTE: the hours divided by {norm} hours "
            "per FTE, over the months of the year within the horizon; the total column gives the yearly average."),
        "sh_no_fte": (
            "The hours per calendar year of the counted time lines (training and internal hours), also of roles "
            "without an hourly rate; time freed (benefits) is not included. No FTE: the case does not give how many "
            "hours one FTE works in a year, and bcalc assumes no norm."),
    },
}

# Warnings that mean a cost is missing from the totals.
NOT_COUNTED = ("unvalued", "quantity", "no_amount")
CATEGORY_ORDER = ("one_off", "recurring", "training", "internal")


@dataclass
class Group:
    """Cost lines of one deployment and item summed over the horizon."""

    deployment: int
    item: str
    label: str
    category: str
    source: str
    kind: str
    excl_vat: Decimal = ZERO
    vat: Decimal = ZERO
    quantity: Decimal = ZERO
    lines: list = field(default_factory=list)
    origin: str = "catalogue"     # catalogue, quote (the case's price) or case (the case's own line)
    display: str = ""             # label with the hours of internal lines
    source_text: str = ""         # the source line, or "price from the case"

    @property
    def cost(self) -> Decimal:
        return self.excl_vat + self.vat


def staff_hours(result, L: dict, lang: str) -> dict | None:
    """The hours (and FTE) per role per calendar year: the rows of the table, its years and its note."""
    from bcalc.render.report_md.basis import ROLE_NAMES

    if not result.staff_hours:
        return None
    rows = []
    for r in result.staff_hours:
        name = ROLE_NAMES[lang][r.role] + ("" if r.valued else f" ({L['sh_unvalued']})")
        rows.append({"role": r.role, "name": name, "hours": list(r.hours), "total_hours": r.total_hours,
                     "fte": list(r.fte) if r.fte is not None else None, "average_fte": r.average_fte})
    norm = result.case.hours_per_fte
    note = L["sh_note"].format(norm=num(norm, lang, places(norm))) if norm is not None else L["sh_no_fte"]
    return {"years": list(result.staff_hours[0].years), "rows": rows, "note": note}


def groups(result, deployments: list[dict], L: dict, lang: str) -> dict[tuple, Group]:
    """The cost lines summed per (deployment, item, category); each deployment row gets its groups
    under ``groups``, one-off first, supplier items before internal hours."""
    found: dict[tuple, Group] = {}
    for ln in result.lines:
        key = (ln.deployment, ln.item, ln.category)
        g = found.get(key)
        if g is None:
            g = found[key] = Group(ln.deployment, ln.item, ln.label, ln.category, ln.source, ln.kind,
                                   origin=ln.origin)
        g.excl_vat += ln.excl_vat
        g.vat += ln.vat
        g.quantity += ln.quantity
        g.lines.append(ln)
    by_deployment: dict[int, list[Group]] = {}
    for g in found.values():
        by_deployment.setdefault(g.deployment, []).append(g)
    for dep in deployments:
        mine = by_deployment.get(dep["index"] - 1, [])
        first_seen = {id(g): i for i, g in enumerate(mine)}
        mine.sort(key=lambda g: (CATEGORY_ORDER.index(g.category), g.kind != "supplier", first_seen[id(g)]))
        dep["groups"] = mine
        for g in mine:
            g.display = g.label
            g.source_text = source_text(g, L)
            if g.kind == "internal":
                hours = num(g.quantity, lang, 0 if places(g.quantity) == 0 else 1)
                g.display = f"{g.label} ({hours} {'uur' if lang == 'nl' else 'hours'})"
    return found


def source_text(g: Group, L: dict) -> str:
    """Where a group's figure comes from, in words: the source line, the case's quote, its own line."""
    if g.source == "case":
        return L["from_case"]
    if g.origin == "quote":
        return L["quote_from"].format(source=g.source)
    if g.origin == "case":
        return L["own_from"].format(source=g.source)
    return g.source


def not_counted(result, lang: str) -> list[str]:
    """The warnings about costs that are missing from the totals."""
    from bcalc.render.report_md.basis import ROLE_NAMES

    return [inline(plain(say(w, lang), lang, ROLE_NAMES[lang])) for w in result.warnings if w.code in NOT_COUNTED]
