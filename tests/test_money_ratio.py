"""Rounding and converting a ratio of whole numbers, as the exact sums of benefits need them."""

from decimal import Decimal
from fractions import Fraction

from bcalc.money import dec, dec_ratio, round_cents, round_ratio


def test_round_ratio_is_half_up_away_from_zero():
    assert round_ratio(1, 8) == Decimal("0.13")      # 0.125
    assert round_ratio(-1, 8) == Decimal("-0.13")
    assert round_ratio(1, 3) == Decimal("0.33")
    assert round_ratio(2, 3) == Decimal("0.67")
    assert round_ratio(-2, 3) == Decimal("-0.67")
    assert str(round_ratio(0, 720)) == "0.00"
    assert str(round_ratio(1_234_567, 720)) == "1714.68"   # 1714.6763...


def test_round_cents_of_a_fraction_goes_the_same_way():
    assert round_cents(Fraction(1, 8)) == Decimal("0.13")
    assert str(round_cents(Fraction(-5, 1000))) == "-0.01"
    assert str(round_cents(Fraction(52, 12))) == "4.33"


def test_dec_ratio_is_dec_of_the_fraction_in_lowest_terms():
    assert str(dec_ratio(360, 720)) == "0.5"
    assert str(dec_ratio(1440, 720)) == "2"
    assert str(dec_ratio(0, 720)) == "0"
    assert str(dec_ratio(-90, 720)) == "-0.125"
    third = dec_ratio(240, 720)
    assert third == dec(Fraction(1, 3))
    assert str(third) == "0." + "3" * 60
