"""VAT: the one place where bcalc decides what VAT a line carries.

Care is VAT-exempt, so the VAT a care organisation pays is a cost; the case may reclaim a share
(``vat.recoverable``). The rule, per line (deployment, item, category, calendar year), after the
exact amounts of the line are summed and rounded to cents once:

- quoted excl. VAT: excl = the rounded amount; VAT = round(excl x rate x (1 - recoverable));
- quoted incl. VAT: excl = round(amount / (1 + rate)); VAT = round((amount - excl) x (1 - recoverable)),
  so with nothing recoverable the line costs exactly the quote.

The engine evaluates this rule with ``split``; the workbook writes the same rule as formulas with
``formulas``; the scenario grid re-applies it to other recoverable shares with ``recovered``.
Change the rule here and all three follow (the LibreOffice tests prove the workbook agrees).
"""

from __future__ import annotations

from decimal import Decimal

from bcalc.models import Deployment, Item, Line, Tariffs
from bcalc.money import ONE, round_cents


def quoted(item: Item, dep: Deployment) -> str:
    """How an item's price is quoted for VAT: "incl" or "excl" (not stated counts as excl.,
    by the source document's rule 001:4084-4090, unless the catalogue reads it otherwise: vat_read). A quote in the case that says how it is quoted
    decides for its item."""
    quote = dep.quotes.get(item.id)
    if quote is not None and quote.vat is not None:
        return quote.vat
    if item.vat == "not_stated" and item.vat_read is not None:
        return item.vat_read
    return "incl" if item.vat == "incl" else "excl"


def item_rate(item: Item, dep: Deployment, tariffs: Tariffs) -> Decimal:
    """The VAT rate of an item in a deployment: the case's rate for it, else the catalogue's, else
    the standard rate."""
    if item.id in dep.vat_rates:
        return dep.vat_rates[item.id]
    return item.vat_rate if item.vat_rate is not None else tariffs.vat_standard


def rate_is_own(item: Item, dep: Deployment) -> bool:
    """True when the item's rate is set for it (case or catalogue), not the standard rate."""
    return item.id in dep.vat_rates or item.vat_rate is not None


def split(amount: Decimal, rate: Decimal, how: str, recoverable: Decimal) -> tuple[Decimal, Decimal]:
    """(excl. VAT, non-recoverable VAT) of a line whose exact amount, as quoted, is ``amount``."""
    keep = ONE - recoverable
    if how == "incl":
        gross = round_cents(amount)
        excl = round_cents(gross / (ONE + rate))
        return excl, round_cents((gross - excl) * keep)
    excl = round_cents(amount)
    return excl, round_cents(excl * rate * keep)


def cost_factor(how: str, rate: Decimal, recoverable: Decimal) -> Decimal:
    """Cost incl. non-recoverable VAT per euro of the quoted price (exact, for the monthly flows)."""
    keep = ONE - recoverable
    if how == "incl":
        return (ONE + rate * keep) / (ONE + rate)
    return ONE + rate * keep


def recovered(line: Line, recoverable: Decimal) -> Decimal:
    """The VAT of a line computed with nothing recoverable, at another recoverable share: the same
    rounding as ``split`` (the excl. amount does not depend on what is recovered)."""
    if line.vat_rate is None:
        return line.vat
    keep = ONE - recoverable
    if line.quoted == "incl":
        return round_cents(line.vat * keep)    # line.vat is gross - excl here
    return round_cents(line.excl_vat * line.vat_rate * keep)


def formulas(amount: str, excl: str, rate: str, recoverable: str, how: str) -> tuple[str, str]:
    """The rule of ``split`` as spreadsheet formulas: (excl. VAT, VAT), given the cell of the rounded
    amount as quoted, the cell the excl. formula goes in, and the cells of the rate and the share
    recoverable."""
    if how == "incl":
        return f"=ROUND({amount}/(1+{rate}),2)", f"=ROUND(({amount}-{excl})*(1-{recoverable}),2)"
    return f"={amount}", f"=ROUND({excl}*{rate}*(1-{recoverable}),2)"


__all__ = ["quoted", "item_rate", "rate_is_own", "split", "cost_factor", "recovered", "formulas"]
