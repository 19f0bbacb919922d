"""Money and numbers: one way in, one way to round, one way out.

Amounts are ``decimal.Decimal`` built from text, never from float. Lines are rounded to
cents half-up once; totals are sums of rounded lines.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from fractions import Fraction
from math import gcd

CENT = Decimal("0.01")
ZERO = Decimal("0")
ONE = Decimal("1")
HUNDRED = Decimal("100")

# Indexation factors over 15 years and exact month sums need more than the default 28 digits.
WIDE = Context(prec=60, rounding=ROUND_HALF_UP)


def dec(value: object) -> Decimal:
    """The one constructor for numbers that enter the calculation.

    Accepts Decimal, int and text; refuses float so that no binary rounding slips in.
    """
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(f"refusing {type(value).__name__} {value!r} as a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Fraction):
        with localcontext(WIDE):
            return Decimal(value.numerator) / Decimal(value.denominator)
    text = str(value).strip().replace("_", "")
    try:
        result = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}") from None
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


def parse_percent(value: object) -> Decimal:
    """``3%`` or ``3 %`` or ``0.03`` -> Decimal('0.03')."""
    if isinstance(value, str) and value.strip().endswith("%"):
        return dec(value.strip()[:-1].strip()) / HUNDRED
    return dec(value)


def round_cents(value: Decimal | Fraction) -> Decimal:
    """Round half-up to cents. Exact for Fractions (no intermediate rounding)."""
    if value.__class__ is Decimal:  # the common case, without the slower isinstance of an ABC
        return value.quantize(CENT, rounding=ROUND_HALF_UP)
    if isinstance(value, Fraction):
        return round_ratio(value.numerator, value.denominator)
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def round_ratio(numerator: int, denominator: int) -> Decimal:
    """``numerator / denominator`` (denominator > 0) rounded half-up to cents, exactly: floor(x*100 +
    1/2) for x >= 0, symmetric for negatives (half away from zero)."""
    sign = -1 if numerator < 0 else 1
    whole = (abs(numerator) * 200 + denominator) // (2 * denominator)
    return (Decimal(sign * whole) / HUNDRED).quantize(CENT)


def dec_ratio(numerator: int, denominator: int) -> Decimal:
    """``numerator / denominator`` (denominator > 0) as ``dec`` gives the Fraction of it: in lowest
    terms, divided in the wide context."""
    g = gcd(numerator, denominator)
    with localcontext(WIDE):
        return Decimal(numerator // g) / Decimal(denominator // g)



def money_str(value: Decimal) -> str:
    """Money as JSON text: exactly two decimals, no exponent."""
    return f"{round_cents(value):.2f}"


def num_str(value: Decimal | Fraction) -> str:
    """A quantity as plain text without exponent or trailing zeros."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        value = dec(value)
    if value.as_tuple().exponent < -6:  # hours of a phase in weeks are repeating decimals
        value = value.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def nl_number(value: Decimal, places: int = 2) -> str:
    """Dutch notation: 1.234,56 (thousands with a dot, decimal comma)."""
    q = Decimal(1).scaleb(-places)
    value = value.quantize(q, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    text = f"{abs(value):,.{places}f}"  # 1,234.56
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return sign + text


def en_number(value: Decimal, places: int = 2) -> str:
    q = Decimal(1).scaleb(-places)
    value = value.quantize(q, rounding=ROUND_HALF_UP)
    return f"{value:,.{places}f}"


def fmt_money(value: Decimal, lang: str = "nl") -> str:
    """``€ 1.234,56`` in Dutch, ``€1,234.56`` in English."""
    if lang == "nl":
        text = nl_number(value)
        return f"-€ {text[1:]}" if text.startswith("-") else f"€ {text}"
    text = en_number(value)
    return f"-€{text[1:]}" if text.startswith("-") else f"€{text}"


def fmt_percent(value: Decimal, lang: str = "nl") -> str:
    pct = (value * HUNDRED).normalize()
    text = f"{pct:f}"
    if lang == "nl":
        text = text.replace(".", ",")
        return f"{text} %"
    return f"{text}%"
