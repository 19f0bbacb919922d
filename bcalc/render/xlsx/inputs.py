"""The inputs sheet: every number the formulas start from, in yellow cells the reader may change.

General facts and rates, indexation per calendar year (with the factors compounded from it), staff,
then one block per deployment (``deployment_inputs``), per funding line and per benefit. Returns the
addresses of those cells (``InputCells``) for the formulas of the other sheets.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from bcalc.core.indexation import effective_series
from bcalc.models import ROLES
from bcalc.render.xlsx import deployment_inputs
from bcalc.render.xlsx.book import BenefitCells, Book, FundingCells, InputCells
from bcalc.render.xlsx.cells import EURO, FACTOR, INPUT, PCT, RATE, address
from bcalc.render.labels import label
from bcalc.render.xlsx.words import role_label


def write(book: Book) -> InputCells:
    s, w, case, result = book.inputs, book.words, book.case, book.result
    sheet = s.title
    cells = InputCells()
    s.title_line(w["inputs_title"])
    s.text(2, 1, w["structure"])
    row = 4
    s.text(row, 1, w["general"], bold=True)
    facts = [("case", case.title), ("organisation", case.organisation or ""), ("start", case.start),
             ("scenario", book.scenario_label()), ("prices_end", label(result.prices_end, book.lang))]
    for key, value in facts:
        row += 1
        s.text(row, 1, w[key])
        s.text(row, 2, value)
    row += 1
    s.text(row, 1, w["years"])
    s.num(row, 2, case.years)
    cells.years = address(sheet, row, 2)
    for key, value in (("vat_standard", book.tariffs.vat_standard), ("vat_recoverable", case.vat_recoverable),
                       ("discount_rate", case.discount_rate)):
        row += 1
        s.text(row, 1, w[key])
        s.num(row, 2, value, PCT, INPUT)
        setattr(cells, key, address(sheet, row, 2))
        book.name(key, sheet, row, 2)
    row += 1
    s.text(row, 1, w["hours_per_fte"])
    s.num(row, 2, case.hours_per_fte, "#,##0.##", INPUT)
    cells.hours_per_fte = address(sheet, row, 2)
    book.name("hours_per_fte", sheet, row, 2)

    # indexation per calendar year; the factors compound from the first year
    row += 2
    s.text(row, 1, w["indexation"], bold=True)
    row += 1
    for col, key in enumerate(("year", "prices", "wages", "tariffs", "wage_factor", "tariff_factor",
                               "price_factor_jan"), start=1):
        s.head(row, col, w[key])
    series = effective_series(case, book.tariffs.scenarios[result.scenario])
    for i, year in enumerate(book.years):
        row += 1
        s.num(row, 1, year, book.year_format(year))
        for col, kind in ((2, "prices"), (3, "wages"), (4, "tariffs")):
            s.num(row, col, series[kind].rate(year), RATE, INPUT)
        cells.price_rate[year] = address(sheet, row, 2)
        if i == 0:
            for col in (5, 6, 7):
                s.num(row, col, 1, FACTOR)
        else:
            s.formula(row, 5, f"=E{row - 1}*(1+C{row})", FACTOR)
            s.formula(row, 6, f"=F{row - 1}*(1+D{row})", FACTOR)
            s.formula(row, 7, f"=G{row - 1}*(1+B{row})", FACTOR)
        cells.wage_factor[year] = address(sheet, row, 5)
        cells.tariff_factor[year] = address(sheet, row, 6)
        cells.price_factor_jan[year] = address(sheet, row, 7)
        book.name(f"index_{year}", sheet, row, 2, row, 4)

    row = _price_level(book, cells, row)

    # staff
    row += 2
    s.text(row, 1, w["staff"], bold=True)
    row += 1
    for col, key in enumerate(("role", "count", "rate"), start=1):
        s.head(row, col, w[key])
    for role in ROLES:
        row += 1
        s.text(row, 1, role_label(role, book.lang))
        staff = case.staff.get(role)
        s.num(row, 2, staff.count if staff else 0, "0", INPUT)
        s.num(row, 3, staff.rate if staff and staff.rate is not None else None, EURO, INPUT)
        cells.staff_count[role] = address(sheet, row, 2)
        cells.staff_rate[role] = address(sheet, row, 3)
        if staff is not None and staff.phase_count is not None:
            s.text(row, 4, deployment_inputs.phase_note(case, staff.phase_count, w))
        book.name(f"rate_{role}", sheet, row, 3)
        book.name(f"count_{role}", sheet, row, 2)
    row += 1
    s.text(row, 1, w["teams"])
    s.num(row, 2, case.teams if case.teams is not None else 0, "0", INPUT)
    cells.teams = address(sheet, row, 2)
    book.name("teams", sheet, row, 2)
    if case.phase_teams is not None:
        s.text(row, 4, deployment_inputs.phase_note(case, case.phase_teams, w))
    if case.fx:
        row += 1
        s.text(row, 1, w["fx"])
        s.num(row, 2, case.fx.get("USD"), "0.0000", INPUT)
        cells.fx = address(sheet, row, 2)
        book.name("fx_usd", sheet, row, 2)

    for d_index, dep in enumerate(case.deployments):
        row = deployment_inputs.write(book, cells, row + 2, d_index, dep)
    for f_index, line in enumerate(case.funding):
        row = _funding(book, cells, row + 2, f_index, line)
    for b_index, benefit in enumerate(case.benefits):
        row = _benefit(book, cells, row + 2, b_index, benefit)
    s.widths({1: 38, 2: 30, 3: 16, 4: 12, 5: 12, 6: 12, 7: 14, 8: 60})
    for col in range(9, 9 + len(book.years) + 2):
        s.ws.column_dimensions[get_column_letter(col)].width = 14
    s.printable(title_rows=1)
    return cells


def _contract_years(book: Book, row: int) -> None:
    """A head row of contract years 1..n from column B."""
    s = book.inputs
    s.head(row, 1, book.words["contract_year"])
    for k in range(book.case.years):
        s.num(row, 2 + k, k + 1, bold=True)


def _per_contract_year(book: Book, row: int, values) -> list[str]:
    """One input per contract year from column B; their addresses."""
    s = book.inputs
    for k in range(book.case.years):
        s.num(row, 2 + k, values[k], "0", INPUT)
    return [address(s.title, row, 2 + k) for k in range(book.case.years)]


def _by_block(book: Book, per_year: list[str]) -> list[str]:
    """Cells per contract year as cells per block, in a case with phases (empty without)."""
    if not book.case.phases:
        return []
    from bcalc.core.horizon import blocks

    segs = tuple(seg for year in book.years for seg in book.segments[year])
    return [per_year[k] for k, _, _ in blocks(segs)]


def _funding(book: Book, cells: InputCells, row: int, f_index: int, line) -> int:
    s, w = book.inputs, book.words
    sheet = s.title
    code = book.tariffs.funding[line.code]
    s.text(row, 1, f"{w['funding']} {f_index + 1}: {line.label or code.name} ({w['subsidy'] if code.kind == 'subsidy' else code.code})", bold=True)
    refs = FundingCells(line, code)
    if code.kind in ("hourly", "vpt") and line.deployment is not None:
        # the deployment's clients cells: changing them moves this funding too
        refs.clients = cells.deployments[line.deployment].clients
        refs.block_clients = cells.deployments[line.deployment].block_clients
        row += 1
        s.text(row, 1, w["follows"])
        s.text(row, 2, f"{w['deployment']} {line.deployment + 1}")
    elif code.kind in ("hourly", "vpt"):
        row += 1
        _contract_years(book, row)
        row += 1
        s.text(row, 1, w["clients"])
        refs.clients = _per_contract_year(book, row, line.clients)
        refs.block_clients = _by_block(book, refs.clients)
    if code.kind == "hourly":
        row += 1
        s.text(row, 1, w["hours_per_month"])
        s.num(row, 2, line.hours_per_month, "0.00", INPUT)
        refs.hours_per_month = address(sheet, row, 2)
        row += 1
        s.text(row, 1, w["tariff"])
        s.num(row, 2, line.tariff, EURO, INPUT)
        refs.tariff = address(sheet, row, 2)
        book.name(f"tariff_{f_index + 1}", sheet, row, 2)
    elif code.kind == "vpt":
        row += 1
        s.text(row, 1, w["day_rate"])
        s.num(row, 2, line.day_rate, EURO, INPUT)
        refs.day_rate = address(sheet, row, 2)
        book.name(f"day_rate_{f_index + 1}", sheet, row, 2)
        row += 1
        s.text(row, 1, w["share"])
        s.num(row, 2, line.technology_share, PCT, INPUT)
        refs.share = address(sheet, row, 2)
    else:
        row += 1
        s.text(row, 1, w["subsidy_amount"])
        if line.amount is not None or line.rules is None:   # else a formula over the rules (xlsx.grants)
            s.num(row, 2, line.amount, EURO, INPUT)
        refs.amount = address(sheet, row, 2)
        refs.month = book.case.subsidy_month(line)
        if line.year is not None:
            row += 1
            s.text(row, 1, w["subsidy_year"])
            s.num(row, 2, line.year)
        else:   # with phases and no year: the first month of its first phase
            row += 1
            s.text(row, 1, w["phase"])
            s.text(row, 2, book.case.phases[line.phases[0]].name)
        if line.amount is None and line.rules is not None:   # the amount is worked out below (xlsx.grants)
            for key, value, fmt in (("rule_share", line.rules.share, PCT), ("rule_min", line.rules.minimum, EURO),
                                    ("rule_max", line.rules.maximum, EURO),
                                    ("rule_device_cap", line.rules.device_share_max, PCT)):
                row += 1
                s.text(row, 1, w[key])
                s.num(row, 2, value, fmt, INPUT)
                refs.rule_rows[key] = row
            for key in ("rule_eligible", "rule_devices", "rule_counted", "rule_computed"):
                row += 1
                s.text(row, 1, w[key])
                refs.rule_rows[key] = row
    if line.phases and code.kind != "subsidy":
        row += 1
        s.text(row, 1, w["phase"])
        s.text(row, 2, ", ".join(book.case.phases[p].name for p in line.phases))
    cells.funding.append(refs)
    return row


def _benefit(book: Book, cells: InputCells, row: int, b_index: int, b) -> int:
    s, w = book.inputs, book.words
    sheet = s.title
    s.text(row, 1, f"{w['benefit']} {b_index + 1}: {b.label}", bold=True)
    if b.clients is not None:
        row += 1
        s.text(row, 1, w["clients"])
        refs = BenefitCells(b, _per_contract_year(book, row, b.clients))
        refs.block_clients = _by_block(book, refs.clients)
    else:
        refs = BenefitCells(b, cells.deployments[b.deployment].clients)
        refs.block_clients = cells.deployments[b.deployment].block_clients
        row += 1
        s.text(row, 1, w["follows"])
        s.text(row, 2, f"{w['deployment']} {b.deployment + 1}")
    row += 1
    s.text(row, 1, w["per_client_per"] + " " + w[f"per_{b.per}"])
    if b.kind == "time":
        minutes = b.minutes is not None
        s.num(row, 2, b.minutes if minutes else b.hours, "0.00", INPUT)
        s.text(row, 3, w["unit_minutes"] if minutes else w["unit_hours"])
        refs.hours = f"{address(sheet, row, 2)}/60" if minutes else address(sheet, row, 2)
        s.text(row, 4, role_label(b.role, book.lang))
    else:
        s.num(row, 2, b.amount, EURO, INPUT)
        refs.amount = address(sheet, row, 2)
    row += 1
    s.text(row, 1, w["realisation"])
    s.num(row, 2, b.realisation, PCT, INPUT)
    refs.share = address(sheet, row, 2)
    book.name(f"benefit_{b_index + 1}_share", sheet, row, 2)
    row += 1
    s.text(row, 1, w["cashable"])
    s.text(row, 2, w["yes"] if b.cashable else w["no"])
    if b.source:
        row += 1
        s.text(row, 1, w["source"])
        s.text(row, 2, b.source)
    cells.benefits.append(refs)
    return row


__all__ = ["write"]


def _price_level(book: Book, cells: InputCells, row: int) -> int:
    """Catalogue prices brought to the year before the start (catalogue_prices: indexed): the rate
    of each year (an input), where it comes from, and per price year the factor compounded from it."""
    level = book.result.price_level
    if level is None or level.mode != "indexed":
        return row
    s, w = book.inputs, book.words
    sheet = s.title
    row += 2
    s.text(row, 1, w["level_title"].format(to_year=level.to_year), bold=True)
    row += 1
    for col, key in enumerate(("year", "level_rate", "source"), start=1):
        s.head(row, col, w[key])
    rate_cell: dict[int, str] = {}
    for year in sorted(level.rates):
        row += 1
        s.num(row, 1, year)
        s.num(row, 2, level.rates[year], RATE, INPUT)
        origin = level.origins[year]
        s.text(row, 3, book.tariffs.catalogue_index_sources.get(year, "") if origin == "source"
               else w[f"level_{origin}"], wrap=False)
        rate_cell[year] = address(sheet, row, 2)
    for price_year in sorted(level.factors):
        row += 1
        s.text(row, 1, w["level_factor"].format(year=price_year, to_year=level.to_year))
        terms = [f"(1+{rate_cell[y]})" for y in sorted(rate_cell) if y > price_year]
        s.formula(row, 2, "=" + ("*".join(terms) if terms else "1"), FACTOR)
        cells.level_factor[price_year] = address(sheet, row, 2)
        book.name(f"level_{price_year}", sheet, row, 2)
    return row
