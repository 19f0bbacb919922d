"""``bcalc estimate --format markdown``: the estimate as Markdown tables."""

from __future__ import annotations

from decimal import Decimal

from bcalc.models import Result
from bcalc.money import ZERO, en_number, fmt_money, fmt_percent, nl_number
from bcalc.render import operating, party_rows
from bcalc.render.labels import COLUMNS, break_even_text, label, price_level, role_name
from bcalc.render.mdtext import escape
from bcalc.messages import say


def _esc(text: str) -> str:
    """Text of the case or catalogue in a heading or table cell: its Markdown and HTML escaped
    (``bcalc.render.mdtext``), ``|`` escaped, on one line."""
    return escape(text).replace("|", "\\|").replace("\n", " ")


def render(result: Result, lang: str = "nl") -> str:
    L = lambda k: label(k, lang)  # noqa: E731
    m = lambda v: fmt_money(v, lang)  # noqa: E731
    case = result.case
    out = [f"# {_esc(case.title)}", ""]
    facts = [(L("organisation"), case.organisation or "-"), (L("start"), case.start),
             (L("years"), f"{case.years} {L('years_unit')}"), (L("scenario"), result.scenario),
             (L("prices"), L(result.prices_end)),
             (L("vat_recoverable"), fmt_percent(case.vat_recoverable, lang)),
             (L("price_level"), price_level(result, lang))]
    out += [f"| {L('case')} | {_esc(case.title)} |", "|---|---|"]
    out += [f"| {k} | {_esc(str(v))} |" for k, v in facts]
    out += ["", f"## {L('per_year')}", ""]
    out.append("| " + " | ".join([L("year")] + [L(c) for c in COLUMNS]) + " |")
    out.append("|---" + "|---:" * len(COLUMNS) + "|")
    for row in result.per_year:
        out.append("| " + " | ".join([str(row.year)] + [m(getattr(row.totals, c)) for c in COLUMNS]) + " |")
    out.append("| **" + L("total") + "** | " + " | ".join(f"**{m(getattr(result.total, c))}**" for c in COLUMNS) + " |")
    partial = [r for r in result.per_year if r.months != 12]
    if partial:
        text = ", ".join(f"{r.year}: {r.months}" for r in partial)
        out += ["", ("Gedeeltelijke jaren (maanden): " if lang == "nl" else "Part years (months): ") + text]
    out += phases_md(result, lang)
    out += operating_md(result, lang)
    out += parties_md(result, lang)
    out += _benefits_and_investment(result, lang)
    out += staff_hours_md(result, lang)
    out += ["", f"## {L('per_product')}", ""]
    cols = ("one_off", "recurring", "training", "internal", "vat", "cost")
    out.append("| " + " | ".join([L("product")] + [L(c) for c in cols]) + " |")
    out.append("|---" + "|---:" * len(cols) + "|")
    for p in result.products:
        dep_label = case.deployments[p.deployment].label
        name = f"{p.deployment + 1}. {p.name}" + (f" ({dep_label})" if dep_label else "")
        out.append("| " + " | ".join([_esc(name)] + [m(getattr(p.totals, c)) for c in cols]) + " |")
    out += ["", f"## {L('funding_lines')}", ""]
    if result.funding:
        out += [f"| {L('code')} | {L('label')} | {L('year')} | {L('amount')} |", "|---|---|---|---:|"]
        out += [f"| {_esc(f.code)} | {_esc(f.label)} | {f.year} | {m(f.amount)} |" for f in result.funding]
    else:
        out.append(L("no_funding"))
    if result.warnings:
        out += ["", f"## {L('warnings')}", ""]
        out += [f"- {_esc(say(w, lang))}" for w in result.warnings]
    return "\n".join(out) + "\n"


def phases_md(result: Result, lang: str, level: str = "##") -> list[str]:
    """The figures per phase as a Markdown table, then each gate's go/no-go criteria; nothing without phases."""
    if not result.per_phase:
        return []
    from bcalc.core.phases import month_label
    from bcalc.render.phase_words import gate_lines

    L = lambda k: label(k, lang)  # noqa: E731
    m = lambda v: fmt_money(v, lang)  # noqa: E731
    case = result.case
    out = ["", f"{level} {L('per_phase')}", ""]
    months = "Maanden" if lang == "nl" else "Months"
    # the totals that matter at a gate, so that the table fits a page: cost, funding, benefits, both nets
    cols = ("cost", "funding", "benefits", "net", "cash_net") if result.benefits else ("cost", "funding", "net")
    named = {"net": "net_value_view", "cash_net": "net_budget_view"} if result.benefits else {}
    out.append("| " + " | ".join([L("phase"), months] + [L(named.get(c, c)) for c in cols]) + " |")
    out.append("|---|---" + "|---:" * len(cols) + "|")
    for row in result.per_phase:
        span = f"{month_label(case, row.first)} – {month_label(case, row.first + row.months - 1)}"
        out.append("| " + " | ".join([_esc(row.name), span] + [m(getattr(row.totals, c)) for c in cols]) + " |")
    totals = [sum((getattr(r.totals, c) for r in result.per_phase), ZERO) for c in cols]
    out.append("| **" + L("total") + "** | | " + " | ".join(f"**{m(v)}**" for v in totals) + " |")
    out += ["", L("phases_said")]
    for head, lines in gate_lines(result, lang):
        out += ["", f"{level}# {_esc(head)}", ""]
        out += [f"- {_esc(line)}" for line in lines]
    return out


def operating_md(result: Result, lang: str, level: str = "##") -> list[str]:
    """The operating view as a Markdown table with its notes; nothing without one."""
    table = operating.rows(result, lang)
    if not table:
        return []
    m = lambda v: fmt_money(v, lang)  # noqa: E731
    years = [str(r.year) for r in result.per_year]
    out = ["", f"{level} {label('operating', lang)}", ""]
    out.append("| " + " | ".join([""] + years + [label("total", lang)]) + " |")
    out.append("|---" + "|---:" * (len(years) + 1) + "|")
    for name, values, strong in table:
        cells = [m(v) for v in values]
        if strong:
            name, cells = f"**{name}**", [f"**{c}**" for c in cells]
        out.append("| " + " | ".join([name] + cells) + " |")
    out.append("")
    out += [f"- {_esc(note)}" for note in operating.notes(result, lang, m)]
    return out


def parties_md(result: Result, lang: str, level: str = "##") -> list[str]:
    """Who pays and who gains per party per calendar year, as a Markdown table with the co-funding
    question; nothing where one party pays and gains everything."""
    if not party_rows.shown(result):
        return []
    m = lambda v: fmt_money(v, lang)  # noqa: E731
    years = [str(r.year) for r in result.per_year]
    out = ["", f"{level} {party_rows.word('title', lang)}", ""]
    out.append("| " + " | ".join([""] + years + [label("total", lang)]) + " |")
    out.append("|---" + "|---:" * (len(years) + 1) + "|")
    for name, values, strong in party_rows.rows(result, lang):
        cells = [m(v) for v in values]
        name = _esc(name)
        if strong:
            name, cells = f"**{name}**", [f"**{c}**" for c in cells]
        out.append("| " + " | ".join([name] + cells) + " |")
    out.append("")
    said = party_rows.co_funding_sentence(result, lang, m)
    if said:
        out += [f"**{_esc(said)}**", ""]
    out.append(_esc(party_rows.word("convention", lang)))
    return out


def staff_hours_md(result: Result, lang: str) -> list[str]:
    """The hours (and FTE) per role per calendar year, as a Markdown section; none without counted hours."""
    if not result.staff_hours:
        return []
    L = lambda k: label(k, lang)  # noqa: E731
    n = nl_number if lang == "nl" else en_number
    years = result.staff_hours[0].years
    out = ["", f"## {L('staff_hours_title')}", ""]
    out.append("| " + " | ".join([L("role"), ""] + [str(y) for y in years] + [L("total")]) + " |")
    out.append("|---|---" + "|---:" * (len(years) + 1) + "|")
    for r in result.staff_hours:
        name = role_name(r.role, lang)
        name = name[:1].upper() + name[1:] + ("" if r.valued else f" ({L('unvalued')})")
        out.append("| " + " | ".join([_esc(name), L("hours")] + [n(h) for h in r.hours] + [n(r.total_hours)]) + " |")
        if r.fte is not None:
            out.append("| " + " | ".join(["", L("fte")] + [n(f) for f in r.fte] + [n(r.average_fte)]) + " |")
    out += ["", L("fte_note")]
    if result.case.hours_per_fte is None:
        out += ["", L("no_fte")]
    return out


def _benefits_and_investment(result: Result, lang: str) -> list[str]:
    from bcalc.render.jsonout import IRR_NOTES

    L = lambda k: label(k, lang)  # noqa: E731
    m = lambda v: fmt_money(v, lang)  # noqa: E731
    out: list[str] = []
    if result.benefits:
        years = [r.year for r in result.per_year]
        out += ["", f"## {L('benefits_title')}", ""]
        out.append("| " + " | ".join([L("label")] + [str(y) for y in years] + [L("total")]) + " |")
        out.append("|---" + "|---:" * (len(years) + 1) + "|")
        for index in sorted({b.index for b in result.benefits}):
            mine = {b.year: b for b in result.benefits if b.index == index}
            first = next(iter(mine.values()))
            name = first.label + (f" ({L('cashable')})" if first.cashable else "")
            cells = [m(mine[y].amount) if y in mine else m(ZERO) for y in years]
            total = sum((b.amount for b in mine.values()), ZERO)
            out.append("| " + " | ".join([_esc(name)] + cells + [m(total)]) + " |")
        out.append("| " + " | ".join([L("cash_net")] + [m(r.totals.cash_net) for r in result.per_year]
                                     + [m(result.total.cash_net)]) + " |")
    inv = result.investment
    if inv is not None:
        month = (lambda n: L("not_within") if n is None else L("month_n").format(n=n))
        irr = (fmt_percent(inv.irr.quantize(Decimal("0.0001")), lang) if inv.irr is not None
               else L(f"irr_{inv.irr_note}") if inv.irr_note else IRR_NOTES.get(inv.irr_note, ""))
        rows = [(L("npv"), f"{m(inv.npv)} ({fmt_percent(inv.discount_rate, lang)})" if inv.discount_rate is not None
                 else L("no_rate")), (L("irr"), irr), (L("payback"), month(inv.payback_month))]
        if inv.discount_rate is not None:
            rows.append((L("discounted_payback"), month(inv.discounted_payback_month)))
        rows.append((L("break_even"), break_even_text(inv, lang)))
        if inv.cost_per_client_month is not None:
            rows.append((L("cpcm"), m(inv.cost_per_client_month)))
        out += ["", f"## {L('investment')}", "", f"| {L('investment')} | |", "|---|---:|"]
        out += [f"| {k} | {_esc(v)} |" for k, v in rows]
        if inv.discount_rate is not None:
            out += ["", L("convention")]
    return out
