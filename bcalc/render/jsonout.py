"""``bcalc estimate --format json``: the public JSON shape (interface section 4), plus extra fields."""

from __future__ import annotations

import json

from bcalc.models import Result, Totals
from bcalc.money import money_str, num_str


def _totals(t: Totals) -> dict:
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
    }


def to_dict(result: Result, lang: str = "nl") -> dict:
    case = result.case
    lines = []
    for ln in result.lines:
        entry = {
            "product": ln.product,
            "item": ln.item,
            "category": ln.category,
            "year": ln.year,
            "quantity": num_str(ln.quantity),
            "unit_price": money_str(ln.unit_price) if ln.unit_price is not None else None,
            "excl_vat": money_str(ln.excl_vat),
            "vat": money_str(ln.vat),
            "source": ln.source,
            "deployment": ln.deployment + 1,
            "label": ln.label,
            "kind": ln.kind,
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
        "per_year": [{"year": row.year, "months": row.months, **_totals(row.totals)} for row in result.per_year],
        "total": _totals(result.total),
        "products": [{"product": p.product, "deployment": p.deployment + 1, "name": p.name,
                      **{k: v for k, v in _totals(p.totals).items() if k not in ("funding", "benefits", "net")}}
                     for p in result.products],
        "lines": lines,
        "funding": [{"code": f.code, "label": f.label, "year": f.year, "amount": money_str(f.amount),
                     "quantity": num_str(f.quantity), "rate": num_str(f.rate) if f.rate is not None else None,
                     "source": f.source} for f in result.funding],
        "warnings": [w.text(lang) for w in result.warnings],
    }


def render(result: Result, lang: str = "nl") -> str:
    return json.dumps(to_dict(result, lang), ensure_ascii=False, indent=2) + "\n"
