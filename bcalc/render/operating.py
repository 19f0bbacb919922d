"""The operating view (bcalc.core.assets) as rows of a table, for every renderer that shows it."""

from __future__ import annotations

from decimal import Decimal

from bcalc.models import Result
from bcalc.money import ZERO, fmt_percent
from bcalc.render.labels import label

# (label key, field of OperatingYear, shown in bold, sign)
ROWS = (("cash_cost", "cost", False, 1), ("less_purchases", "purchases", False, -1),
        ("depreciation", "depreciation", False, 1), ("interest", "interest", False, 1),
        ("operating_cost", "operating_cost", True, 1), ("funding", "funding", False, 1),
        ("benefits", "benefits", False, 1), ("operating_net", "net", True, 1))


def rows(result: Result, lang: str) -> list[tuple[str, list[Decimal], bool]]:
    """(label, values per calendar year and the total, bold) of the operating view; [] without one.
    Purchases are shown as a negative amount (they are taken out of the cash cost)."""
    op = result.operating
    if op is None:
        return []
    out = []
    for key, name, strong, sign in ROWS:
        if name == "benefits" and not result.benefits:
            continue
        values = [getattr(r, name) for r in op.per_year] + [getattr(op.total, name)]
        if sign < 0:
            values = [ZERO - v for v in values]  # ZERO - v, not -v: no "-0,00"
        out.append((label(key, lang), values, strong))
    return out


def notes(result: Result, lang: str, money) -> list[str]:
    """The lines under the table: each owned item with its lifetime and book value, the interest,
    the convention. ``money`` formats an amount."""
    op = result.operating
    if op is None:
        return []
    out = []
    for b in op.books:
        name = result.products[b.deployment].name
        out.append(f"{b.deployment + 1}. {name}, {b.label}: "
                   + label("lifetime", lang).format(n=b.lifetime, residual=money(b.residual))
                   + f"; {label('book_value', lang).lower()}: {money(b.value)}")
    out.append(f"{label('book_value', lang)}: {money(op.book_value)}")
    if op.interest_rate is not None:
        out.append(label("interest_at", lang).format(rate=fmt_percent(op.interest_rate, lang)))
    else:
        out.append(label("no_interest", lang))
    out.append(label("owning_convention", lang))
    return out
