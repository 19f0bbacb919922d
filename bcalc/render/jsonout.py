"""``bcalc estimate --format json``: the public JSON shape (interface section 4), plus extra fields."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

from bcalc.models import GATE_KPIS, Line, OperatingYear, Result, Totals
from bcalc.money import money_str, num_str
from bcalc.messages import as_json, say


def totals_dict(t: Totals) -> dict:
    """A Totals as JSON text, money with two decimals."""
    return {
        "one_off": money_str(t.one_off),
        "recurring": money_str(t.recurring),
        "training": money_str(t.training),
        "internal": money_str(t.internal),
        "vat": money_str(t.vat),
        "cost": money_str(t.cost),
        "funding": money_str(t.funding),
        "benefits": money_str(t.benefits),
        "net": money_str(t.net),
        "benefits_cashable": money_str(t.cashable),
        "cash_net": money_str(t.cash_net),
    }


IRR_NOTES = {
    "never_changes_sign": "not meaningful: the yearly net flows never change sign",
    "changes_sign_more_than_once": "not meaningful: the yearly net flows change sign more than once",
    "outside_range": "not meaningful: no rate between -99% and 1000% makes the NPV zero",
}
CONVENTION = ("The first calendar year of the case is the base year: the net flow of year k is divided by "
              "(1 + r)^(k - 1). Payback: the first month from which the cumulative net stays at or above zero.")


def investment_dict(result: Result) -> dict | None:
    inv = result.investment
    if inv is None:
        return None
    coverage = [{"year": row.year, "share": num_str((row.totals.funding / row.totals.cost).quantize(Decimal("0.0001")))
                 if row.totals.cost else None} for row in result.per_year]
    return {
        "discount_rate": num_str(inv.discount_rate) if inv.discount_rate is not None else None,
        "convention": CONVENTION,
        "npv": money_str(inv.npv) if inv.npv is not None else None,
        "irr": num_str(inv.irr) if inv.irr is not None else None,
        "irr_note": IRR_NOTES.get(inv.irr_note, inv.irr_note) or None,
        "payback_month": inv.payback_month,
        "discounted_payback_month": inv.discounted_payback_month,
        "break_even_clients": inv.break_even_clients,
        "break_even_limit": inv.break_even_limit,
        "break_even_note": inv.break_even_note or None,
        "cost_per_client_month": money_str(inv.cost_per_client_month) if inv.cost_per_client_month is not None
        else None,
        "coverage": coverage,
        "budget_view": {
            "npv": money_str(inv.cash_npv) if inv.cash_npv is not None else None,
            "irr": num_str(inv.cash_irr) if inv.cash_irr is not None else None,
            "irr_note": IRR_NOTES.get(inv.cash_irr_note, inv.cash_irr_note) or None,
            "payback_month": inv.cash_payback_month,
        },
    }


def _operating_year(row: OperatingYear) -> dict:
    return {"cost": money_str(row.cost), "purchases": money_str(row.purchases),
            "depreciation": money_str(row.depreciation), "interest": money_str(row.interest),
            "operating_cost": money_str(row.operating_cost), "funding": money_str(row.funding),
            "benefits": money_str(row.benefits), "net": money_str(row.net)}


def operating_dict(result: Result) -> dict | None:
    """The operating view (bcalc.core.assets), or None when the case owns no item with a lifetime."""
    op = result.operating
    if op is None:
        return None
    return {
        "convention": OPERATING_CONVENTION,
        "interest_rate": num_str(op.interest_rate) if op.interest_rate is not None else None,
        "per_year": [{"year": row.year, **_operating_year(row)} for row in op.per_year],
        "total": _operating_year(op.total),
        "book_value": money_str(op.book_value),
        "assets": [{"deployment": b.deployment + 1, "product": b.product, "item": b.item, "label": b.label,
                    "lifetime": b.lifetime, "residual": money_str(b.residual), "book_value": money_str(b.value),
                    "per_year": [{"year": ln.year, "bought": num_str(ln.bought), "purchases": money_str(ln.purchases),
                                  "depreciation": money_str(ln.depreciation), "interest": money_str(ln.interest)}
                                 for ln in op.lines if (ln.deployment, ln.item) == (b.deployment, b.item)]}
                   for b in op.books],
    }


OPERATING_CONVENTION = ("Units bought outright are bought again at the start of the contract year in which their "
                        "lifetime ends, while in use (oldest out of use first). Operating cost = cost - purchases of "
                        "owned items (incl. VAT) + depreciation + interest. Depreciation: straight-line over the "
                        "lifetime from the month of purchase, of the cost incl. VAT not recovered minus the residual "
                        "value. Interest: interest_rate / 12 on the book value at the start of each month. Book value: "
                        "units whose life has not ended before the end of the horizon; no sale is booked.")


def line_unit_price(ln: Line) -> str | None:
    """The unit price as text; with a price change inside the calendar year, the price at its start."""
    price = ln.unit_price if ln.unit_price is not None else (ln.parts[0].unit_price if ln.parts else None)
    if price is None:
        return None
    return money_str(price)


def to_dict(result: Result, lang: str = "nl") -> dict:
    case = result.case
    months = {row.year: row.months for row in result.per_year}
    lines = []
    for ln in result.lines:
        entry = {
            "product": ln.product,
            "item": ln.item,
            "category": ln.category,
            "year": ln.year,
            "quantity": num_str(ln.quantity),
            # with a price change inside the calendar year: the price at its start; `parts` has each price
            "unit_price": line_unit_price(ln),
            "excl_vat": money_str(ln.excl_vat),
            "vat": money_str(ln.vat),
            "source": ln.source,
            "deployment": ln.deployment + 1,
            "label": ln.label,
            "kind": ln.kind,
            "origin": ln.origin,
        }
        if ln.kind == "internal":
            entry["role"] = ln.role
        else:
            entry["quoted"] = ln.quoted
            entry["vat_rate"] = num_str(ln.vat_rate) if ln.vat_rate is not None else None
        if ln.parts:
            entry["parts"] = [{"quantity": num_str(p.quantity), "unit_price": num_str(p.unit_price)} for p in ln.parts]
        lines.append(entry)
    return {
        "format": "bcalc.estimate/1",
        "case": case.title,
        "organisation": case.organisation,
        "scenario": result.scenario,
        "prices": result.prices_end,
        "currency": "EUR",
        "start": case.start,
        "years": case.years,
        "vat": {"rate": num_str(result.vat_rate), "recoverable": num_str(case.vat_recoverable)},
        "indexation": {k: {str(y): num_str(r) for y, r in v.items()} for k, v in result.rates.items()},
        "price_level": list(result.price_years),
        "catalogue_prices": _catalogue_prices(result),
        "per_year": [{"year": row.year, "months": row.months, **totals_dict(row.totals)} for row in result.per_year],
        "total": totals_dict(result.total),
        "products": [{"product": p.product, "deployment": p.deployment + 1, "name": p.name,
                      **{k: v for k, v in totals_dict(p.totals).items() if k not in ("funding", "benefits", "net")}}
                     for p in result.products],
        "lines": lines,
        "funding": [{"code": f.code, "label": f.label, "year": f.year, "amount": money_str(f.amount),
                     "quantity": num_str(f.quantity), "rate": money_str(f.rate) if f.rate is not None else None,
                     "source": f.source, "deployment": f.deployment + 1 if f.deployment is not None else None}
                    for f in result.funding],
        "benefits": [{"label": b.label, "year": b.year, "amount": money_str(b.amount), "hours": num_str(b.hours),
                      "fte": num_str((b.hours / case.hours_per_fte * 12 / months[b.year]).quantize(Decimal("0.01")))
                      if case.hours_per_fte else None,
                      "cashable": b.cashable, "source": b.source,
                      "evidence": case.benefits[b.index].evidence} for b in result.benefits],
        "evidence": evidence_dict(result),
        "staff_hours": staff_hours_dict(result),
        "investment": investment_dict(result),
        "owed_after_horizon": money_str(result.owed_after_horizon),
        **({"operating": operating_dict(result)} if result.operating is not None else {}),
        "per_party": per_party_dict(result),
        "subsidy_rules": [grant_dict(g, case) for g in result.grants],
        **({"phases_convention": PHASES_CONVENTION, "per_phase": per_phase_list(result),
            "gates": gates_list(result)} if result.per_phase else {}),
        "warnings": [say(w, lang) for w in result.warnings],
        "notices": [as_json(w, lang) for w in result.warnings],
    }


HUNDREDTH = Decimal("0.01")

PARTY_CONVENTION = ("A funding line is income to the care organisation (received) and a cost to its financier "
                    "(paid); over all parties it cancels out, so the parties' nets add up to benefits - cost "
                    "(the whole), not to the case's net. Staff hours are the care organisation's.")


def _party_year(row) -> dict:
    return {"cost": money_str(row.cost), "benefits": money_str(row.benefits),
            "benefits_cashable": money_str(row.cashable), "funding_received": money_str(row.received),
            "funding_paid": money_str(row.paid), "net": money_str(row.net), "cash_net": money_str(row.cash_net)}


def grant_dict(g, case) -> dict:
    """A subsidy worked out from its rules (bcalc.core.funders.Grant)."""
    rules = case.funding[g.index].rules
    num = lambda v: num_str(v) if v is not None else None  # noqa: E731
    return {"line": g.index + 1, "label": case.funding[g.index].label,
            "rules": {"share": num(rules.share), "min": num(rules.minimum), "max": num(rules.maximum),
                      "eligible": list(g.categories), "device_share_max": num(rules.device_share_max),
                      "months": rules.months, "source": rules.source or None},
            "months": g.months, "years": list(g.years), "years_left_out": list(g.partial),
            "eligible": money_str(g.eligible), "devices": money_str(g.devices), "counted": money_str(g.counted),
            "computed": money_str(g.computed) if g.computed is not None else None,
            "allowed": money_str(g.allowed) if g.allowed is not None else None, "amount": money_str(g.amount),
            "capped": g.capped, "below_min": g.below_min, "over_rules": g.over, "device_share_over": g.device_over}


def per_party_dict(result: Result) -> dict | None:
    """Costs, benefits, funding and net per party per calendar year (bcalc.core.parties)."""
    view = result.parties
    if view is None:
        return None
    return {
        "convention": PARTY_CONVENTION,
        "parties": [{"party": v.party, "name": v.name or None,
                     "per_year": [{"year": row.year, **_party_year(row)} for row in v.per_year],
                     "total": _party_year(v.total)} for v in view.parties],
        "whole": {"per_year": [{"year": row.year, **_party_year(row)} for row in view.whole],
                  "total": _party_year(view.whole_total)},
        "co_funding": list(view.co_funding),
    }
PHASES_CONVENTION = ("A phase's amount of a line is the sum of the line's exact monthly amounts in the phase's "
                     "months, rounded half-up to cents once per line per phase (VAT from the rounded amount, as per "
                     "calendar year). Per line the phases add up to the horizon total within half a cent per phase "
                     "and per calendar year.")


def per_phase_list(result: Result) -> list[dict]:
    """Per phase: its name, first and last month (YYYY-MM), months and totals in both views."""
    from bcalc.core.phases import month_label

    case = result.case
    return [{"phase": row.name, "first": month_label(case, row.first),
             "last": month_label(case, row.first + row.months - 1), "months": row.months,
             **totals_dict(row.totals)} for row in result.per_phase]


def _threshold(t) -> dict:
    value = None
    if t.value is not None:
        value = str(t.value) if t.kpi == "clients" else money_str(t.value) if t.kpi == "price" else num_str(t.value)
    current = None
    if t.current is not None:
        current = str(t.current) if t.kpi == "clients" else money_str(t.current) if t.kpi == "price" \
            else num_str(t.current)
    out = {"kpi": t.kpi, "view": t.view, "code": t.code, "value": value, "current": current}
    if t.per:
        out["per"] = t.per
    if t.item:
        out["item"] = t.item
        out["label"] = t.label
    return out


def gates_list(result: Result) -> list[dict]:
    """Per gate: the rest of the route after it, its exact nets (to cents) and the thresholds on which it breaks
    even, and the case's own criteria."""
    from bcalc.core.phases import month_label
    from bcalc.money import round_cents

    return [{"phase": g.name, "label": g.label, "rest_from": month_label(result.case, g.rest_first),
             "rest_net": money_str(round_cents(g.rest_net)), "rest_cash_net": money_str(round_cents(g.rest_cash_net)),
             "thresholds": [_threshold(t) for t in g.thresholds],
             "criteria": [{"kpi": c.kpi, "min": num_str(c.min) if c.min is not None else None,
                           "max": num_str(c.max) if c.max is not None else None, "label": c.label or None,
                           "unit": c.unit or None, "computed": c.kpi in GATE_KPIS} for c in g.criteria]}
            for g in result.gates]


def staff_hours_dict(result: Result) -> dict:
    """Counted hours per role per calendar year, hours and FTE to two decimals; FTE null without
    the case's hours_per_fte."""
    norm = result.case.hours_per_fte
    roles = []
    for r in result.staff_hours:
        per_year = [{"year": y, "hours": num_str(h.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)),
                     "fte": num_str(f.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)) if r.fte is not None else None}
                    for y, h, f in zip(r.years, r.hours, r.fte if r.fte is not None else [None] * len(r.years))]
        roles.append({"role": r.role, "valued": r.valued, "per_year": per_year,
                      "total_hours": num_str(r.total_hours.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)),
                      "average_fte": num_str(r.average_fte.quantize(HUNDREDTH, rounding=ROUND_HALF_UP))
                      if r.average_fte is not None else None})
    return {"hours_per_fte": num_str(norm) if norm is not None else None, "roles": roles}


def render(result: Result, lang: str = "nl") -> str:
    return json.dumps(to_dict(result, lang), ensure_ascii=False, indent=2) + "\n"


def _catalogue_prices(result) -> dict:
    """The level of the catalogue prices used: as quoted (their price year), or indexed to the year
    before the start, with each year's rate and where it comes from, and the factor per price year."""
    level = result.price_level
    if level is None or level.mode != "indexed":
        return {"mode": "as_quoted", "price_years": list(result.price_years)}
    return {"mode": "indexed", "price_years": list(result.price_years), "to_year": level.to_year,
            "rates": {str(y): num_str(r) for y, r in sorted(level.rates.items())},
            "origins": {str(y): o for y, o in sorted(level.origins.items())},
            "factors": {str(y): f"{f.normalize():f}" for y, f in sorted(level.factors.items())},
            "case_prices_indexed": False}


def evidence_dict(result) -> dict | None:
    """What the benefits rest on: euros per evidence level (null: not stated), the unmeasured part and
    the nets in both views without it; null for a case without benefits."""
    ev = result.evidence
    if ev is None:
        return None
    return {"levels": [{"level": level, "amount": money_str(amount)} for level, amount in ev.levels],
            "unmeasured": money_str(ev.unmeasured), "unmeasured_cashable": money_str(ev.unmeasured_cashable),
            "net_without_unmeasured": money_str(ev.net_without),
            "cash_net_without_unmeasured": money_str(ev.cash_net_without)}
