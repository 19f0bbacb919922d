from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from bcalc.core import estimate
from bcalc.loader import load_case, load_catalogue, load_tariffs

ROOT = Path(__file__).resolve().parents[1]

# Vivago for 25 clients, 1 year, no indexation, all rates EUR 50/h: the worked check of the
# interface (section 5): cost 22.446,50.
VIVAGO = """\
case: Vivago toets
start: 2027-01
years: 1
scenario: none
staff:
  care_staff: {count: 30, rate: 50}
  functional_admin: {count: 1, rate: 50}
  data_analyst: {count: 2, rate: 50}
deployments:
  - product: vivago
    clients: 25
"""


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="session")
def tariffs():
    return load_tariffs()


@pytest.fixture
def run(tmp_path, catalogue, tariffs):
    """Estimate an inline YAML case: run(yaml_text, **estimate_kwargs) -> Result."""

    def _run(text: str, **kwargs):
        path = tmp_path / "case.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        case = load_case(path, catalogue, tariffs)
        return estimate(case, catalogue, tariffs, **kwargs)

    return _run


def D(text: str) -> Decimal:
    return Decimal(text)


def line(result, item: str, year: int, deployment: int = 0):
    found = [ln for ln in result.lines if ln.item == item and ln.year == year and ln.deployment == deployment]
    assert len(found) == 1, f"expected one line {item}/{year}, got {found}"
    return found[0]


def year_row(result, year: int):
    return next(r.totals for r in result.per_year if r.year == year)


def line_of(path: Path, fragment: str) -> int:
    """The number of the first line of ``path`` that contains ``fragment``."""
    for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if fragment in text:
            return n
    raise AssertionError(fragment)
