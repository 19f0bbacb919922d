"""``bcalc estimate --format csv``: the estimate as one flat table, for financial systems and pivot tables.

Every row has the same columns (docs/csv.md lists them). The first column says what the row is:
a cost line, a funding line, a benefit, the hours of a staff role in one calendar year, the
totals of one calendar year, or the grand total.
Each money column means the same on every row, so a year_total row is the sum of that year's
line, funding and benefit rows, and the total row the sum of the year_total rows.

Numbers are written as in the JSON output (decimal point, two decimals for money, no thousands
separator); only the header row follows ``lang``, so an import keyed on the codes in the cells
keeps working in either language.
"""

from __future__ import annotations

import csv
import io
from decimal import ROUND_HALF_UP

from bcalc.models import Result, Totals
from bcalc.money import ZERO, money_str, num_str
from bcalc.render.jsonout import HUNDREDTH, line_unit_price, totals_dict

# (code, Dutch header, English header, kind of cell). "text" cells may hold words from a case or
# catalogue file and get the formula guard; the other kinds are written by bcalc and stay numbers.
COLUMNS = (
    ("record", "Soort regel", "Record", "text"),
    ("year", "Jaar", "Year", "number"),
    ("months", "Maanden", "Months", "number"),
    ("deployment", "Inzet", "Deployment", "number"),
    ("deployment_label", "Naam inzet", "Deployment label", "text"),
    ("product", "Product", "Product", "text"),
    ("item", "Post", "Item", "text"),
    ("code", "Code", "Code", "text"),
    ("label", "Omschrijving", "Label", "text"),
    ("category", "Categorie", "Category", "text"),
    ("kind", "Herkomst", "Kind", "text"),
    ("role", "Rol", "Role", "text"),
    ("quantity", "Aantal", "Quantity", "number"),
    ("unit_price", "Prijs per eenheid", "Unit price", "money"),
    ("hours", "Uren", "Hours", "number"),
    ("cashable", "Kasbaat", "Cashable", "text"),
    ("one_off", "Eenmalig", "One-off", "money"),
    ("recurring", "Terugkerend", "Recurring", "money"),
    ("training", "Training", "Training", "money"),
    ("internal", "Interne uren", "Internal", "money"),
    ("excl_vat", "Excl. btw", "Excl. VAT", "money"),
    ("vat", "Btw", "VAT", "money"),
    ("cost", "Kosten", "Cost", "money"),
    ("funding", "Financiering", "Funding", "money"),
    ("benefits", "Baten", "Benefits", "money"),
    ("net", "Netto", "Net", "money"),
    ("source", "Bron", "Source", "text"),
    ("price_from", "Prijs uit", "Price from", "text"),
    ("fte", "Fte", "FTE", "number"),
)
FIELDS = tuple(c[0] for c in COLUMNS)
HEADERS = {
    "nl": tuple(c[1] for c in COLUMNS),
    "en": tuple(c[2] for c in COLUMNS),
}
TEXT_FIELDS = frozenset(c[0] for c in COLUMNS if c[3] == "text")

# Spreadsheets read a cell that starts with one of these as a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard(text: str) -> str:
    """A text cell as a spreadsheet will show it, never as a formula: a leading quote where needed."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _totals_cells(t: Totals) -> dict:
    cells = {name: text for name, text in totals_dict(t).items() if name in FIELDS}
    cells["excl_vat"] = money_str(t.one_off + t.recurring + t.training + t.internal)
    return cells


def rows(result: Result) -> list[dict]:
    """The table as dicts keyed by column code, cells already text; absent keys are empty cells."""
    deployments = result.case.deployments
    out: list[dict] = []
    for ln in result.lines:
        out.append({
            "record": "line",
            "year": str(ln.year),
            "deployment": str(ln.deployment + 1),
            "deployment_label": deployments[ln.deployment].label or "",
            "product": ln.product,
            "item": ln.item,
            "label": ln.label,
            "category": ln.category,
            "kind": ln.kind,
            "role": ln.role or "",
            "quantity": num_str(ln.quantity),
            "unit_price": line_unit_price(ln) or "",
            # the line's amount excl. VAT also stands in its category's column, so that column sums
            # to the category total
            ln.category: money_str(ln.excl_vat),
            "excl_vat": money_str(ln.excl_vat),
            "vat": money_str(ln.vat),
            "cost": money_str(ln.cost),
            "net": money_str(ZERO - ln.cost),  # ZERO - x, not -x: no "-0.00" for a free line
            "source": ln.source,
            "price_from": ln.origin,
        })
    for f in result.funding:
        out.append({
            "record": "funding",
            "year": str(f.year),
            "code": f.code,
            "label": f.label,
            "quantity": num_str(f.quantity),
            "unit_price": money_str(f.rate) if f.rate is not None else "",
            "funding": money_str(f.amount),
            "net": money_str(f.amount),
            "source": f.source,
        })
    for b in result.benefits:
        d_index = result.case.benefits[b.index].deployment
        out.append({
            "record": "benefit",
            "year": str(b.year),
            "deployment": str(d_index + 1),
            "deployment_label": deployments[d_index].label or "",
            "product": deployments[d_index].product,
            "label": b.label,
            "hours": num_str(b.hours),
            "cashable": "true" if b.cashable else "false",
            "benefits": money_str(b.amount),
            "net": money_str(b.amount),
            "source": b.source,
        })
    months = {row.year: row.months for row in result.per_year}
    for r in result.staff_hours:
        for k, year in enumerate(r.years):
            out.append({"record": "staff_hours", "year": str(year), "months": str(months[year]), "role": r.role,
                        "hours": num_str(r.hours[k]),
                        "fte": num_str(r.fte[k].quantize(HUNDREDTH, rounding=ROUND_HALF_UP)) if r.fte is not None
                        else ""})
    for row in result.per_year:
        out.append({"record": "year_total", "year": str(row.year), "months": str(row.months),
                    **_totals_cells(row.totals)})
    out.append({"record": "total", **_totals_cells(result.total)})
    return out + phase_rows(result) + party_rows(result) + operating_rows(result)


def phase_rows(result: Result) -> list[dict]:
    """A case with phases: one ``phase_total`` row per phase (its name in ``label``, its months in ``months``,
    its first and last month in ``code`` as 2027-01..2027-06), each line's amounts in the phase rounded once
    per line per phase; another view of the same horizon, so keep them out of a sum of the other records."""
    from bcalc.core.phases import month_label

    case = result.case
    return [{"record": "phase_total", "months": str(row.months), "label": row.name,
             "code": f"{month_label(case, row.first)}..{month_label(case, row.first + row.months - 1)}",
             **_totals_cells(row.totals)} for row in result.per_phase]


def party_rows(result: Result) -> list[dict]:
    """Where more than one party pays or gains (bcalc.core.parties): one ``party_year`` row per party
    and calendar year and one ``party_total`` row per party, the party in ``code`` (a party code, or
    the id of a party the case names, whose name goes in ``label``). ``cost``: the cost lines it pays;
    ``funding``: the funding it receives minus the funding it pays (a financier pays); ``benefits``:
    the benefits it gains; ``net`` = ``funding`` + ``benefits`` - ``cost``. Funding cancels out over
    the parties, so their nets add up to benefits - cost, not to the case's net: another view of the
    same horizon, so keep these rows out of a sum of the other records."""
    view = result.parties
    if view is None or not view.several:
        return []

    def cells(row) -> dict:
        return {"cost": money_str(row.cost), "funding": money_str(row.received - row.paid),
                "benefits": money_str(row.benefits), "net": money_str(row.net)}

    out: list[dict] = []
    for v in view.parties:
        for row in v.per_year:
            out.append({"record": "party_year", "year": str(row.year), "code": v.party, "label": v.name,
                        **cells(row)})
        out.append({"record": "party_total", "code": v.party, "label": v.name, **cells(v.total)})
    return out


def operating_rows(result: Result) -> list[dict]:
    """The operating view (bcalc.core.assets), only for a case that owns items with a lifetime: the
    depreciation and interest of each owned item per calendar year, the operating totals per year
    and over the horizon, and each owned item's book value at the end of the horizon (in ``cost``:
    what is still to be depreciated after it)."""
    op = result.operating
    if op is None:
        return []
    deployments = result.case.deployments
    out: list[dict] = []
    for record in ("depreciation", "interest"):
        for ln in op.lines:
            amount = getattr(ln, record)
            out.append({"record": record, "year": str(ln.year), "deployment": str(ln.deployment + 1),
                        "deployment_label": deployments[ln.deployment].label or "", "product": ln.product,
                        "item": ln.item, "label": ln.label, "quantity": num_str(ln.bought),
                        "cost": money_str(amount), "net": money_str(ZERO - amount)})
    for row in op.per_year:
        out.append({"record": "operating_year_total", "year": str(row.year),
                    "months": next(str(r.months) for r in result.per_year if r.year == row.year),
                    **_operating_cells(row)})
    out.append({"record": "operating_total", **_operating_cells(op.total)})
    for b in op.books:
        out.append({"record": "book_value", "deployment": str(b.deployment + 1),
                    "deployment_label": deployments[b.deployment].label or "", "product": b.product,
                    "item": b.item, "label": b.label, "cost": money_str(b.value)})
    return out


def _operating_cells(row) -> dict:
    return {"cost": money_str(row.operating_cost), "funding": money_str(row.funding),
            "benefits": money_str(row.benefits), "net": money_str(row.net)}


def render(result: Result, lang: str = "nl") -> str:
    """The estimate as CSV text: comma-separated, RFC 4180 quoting, ``\\n`` line ends, a header row in ``lang``."""
    if lang not in HEADERS:
        raise ValueError(f"no CSV headers for language {lang!r}; use one of {', '.join(HEADERS)}")
    buffer = io.StringIO()
    # "\n" rather than RFC 4180's "\r\n": the text goes through text-mode stdout, which on Windows
    # turns every "\n" into "\r\n" and would make "\r\r\n" of a CRLF.
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADERS[lang])
    for row in rows(result):
        writer.writerow([guard(row.get(name, "")) if name in TEXT_FIELDS else row.get(name, "")
                         for name in FIELDS])
    return buffer.getvalue()
