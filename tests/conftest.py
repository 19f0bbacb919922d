from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from bcalc.core import estimate
from bcalc.loader import load_case, load_catalogue, load_tariffs

ROOT = Path(__file__).resolve().parents[1]


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
