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
    """The number of the first line of ``path`` that contains ``fragment``, counting line feeds only
    (as an editor and bcalc do, not the other breaks of str.splitlines)."""
    for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if fragment in text:
            return n
    raise AssertionError(fragment)


# ---- running the command line in-process ------------------------------------------------------

# A wide terminal without colour, so that rich does not cut ids or source lines short in tables.
WIDE_ENV = {"COLUMNS": "200", "NO_COLOR": "1"}
NARROW_ENV = {"COLUMNS": "80", "NO_COLOR": "1"}
# bcalc speaks Dutch unless told otherwise (bcalc/lang.py); the tests of bad input check the English
# source text of the messages, their Dutch is checked in tests/test_problems_nl.py
ENGLISH = {"BCALC_LANG": "en"}


def invoke(*args, env: dict | None = None):
    """Run bcalc with ``args`` in this process; the typer result (exit code, stdout, stderr)."""
    from typer.testing import CliRunner

    from bcalc.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], env=env or WIDE_ENV)


def _shown(result) -> str:
    return f"exit {result.exit_code}\n--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"


def ok(*args, env: dict | None = None):
    """Run bcalc and require exit 0 with no exception escaping."""
    result = invoke(*args, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 0, _shown(result)
    return result


def bad(*args, code: int = 2, env: dict | None = None):
    """Run bcalc in English and require exit ``code`` (2: bad input) without a traceback."""
    result = invoke(*args, env=env or {**WIDE_ENV, **ENGLISH})
    assert result.exit_code == code, _shown(result)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


# ---- every problem has its Dutch ----------------------------------------------------------------


@pytest.fixture(autouse=True)
def _every_problem_has_dutch(monkeypatch):
    """Every problem that bcalc raises in any test must have a Dutch message: the command line prints
    problems in Dutch by default, through the table in bcalc/messages/problems_nl.py. A test that
    makes bcalc raise a message the table does not know fails at its teardown, naming the message."""
    from bcalc.errors import InputError

    raised = []
    init = InputError.__init__

    def recording(self, problems):
        init(self, problems)
        raised.extend(self.problems)

    monkeypatch.setattr(InputError, "__init__", recording)
    yield
    from bcalc.messages.problems_nl import dutch

    missing = sorted({p.message for p in raised if dutch(p.message, p.field) is None})
    assert not missing, ("messages without Dutch: add a pair to bcalc/messages/problems_nl.py:\n  "
                         + "\n  ".join(missing))
