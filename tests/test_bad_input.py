"""Malformed input: every mistake in the corpus under tests/bad/ is reported the way the contract says.

The error contract (shared/design/interface.md, sections 1 and 2): problems go to stderr as
``FILE:LINE: field: message``, all of them in one run, exit code 2, nothing on stdout, no traceback.

Each corpus file states what it expects in its first lines::

    # expect: 5 years: must be at least 1
    # expect: 7 deployments[0].clients: expected a whole number

The number is the expected LINE, the text before the first ": " is the field, and the rest a
fragment that must appear in the message. The field ``-`` means a problem with the whole file,
reported without a field (``FILE:LINE: message``), such as invalid YAML or an empty file.

Case files (``tests/bad/cases/*.yaml``) run through ``bcalc estimate FILE`` with the bundled
catalogue; catalogue folders (``tests/bad/catalogues/NN-name/``, each with ``suppliers.yaml`` and
``tariffs.yaml``) run through ``bcalc catalogue validate DIR``; there each file carries the
expectations for the problems in that file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = Path(__file__).resolve().parent / "bad"
CASES = sorted((BAD / "cases").glob("*.yaml"))
CATALOGUES = sorted(p for p in (BAD / "catalogues").iterdir() if p.is_dir())

EXPECT_RE = re.compile(r"^#\s*expect:\s*(\d+)\s+(\S+?):\s+(.+?)\s*$")
PROBLEM_RE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<rest>.*)$")


@dataclass(frozen=True)
class Expect:
    file: str  # as the CLI shows it: the path given on the command line (case) or DIR/NAME (catalogue)
    line: int
    field: str  # "-" for a problem with the whole file
    fragment: str

    def matches(self, stderr_line: str) -> bool:
        prefix = f"{self.file}:{self.line}: "
        if not stderr_line.startswith(prefix):
            return False
        rest = stderr_line[len(prefix):]
        if self.field == "-":
            return self.fragment in rest
        field_prefix = f"{self.field}: "
        return rest.startswith(field_prefix) and self.fragment in rest[len(field_prefix):]

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {'' if self.field == '-' else self.field + ': '}...{self.fragment}..."


def read_expects(path: Path, shown: str) -> list[Expect]:
    """The ``# expect:`` lines of the leading comment block of a corpus file."""
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.startswith("#"):
            break
        if raw.lstrip("# ").startswith("expect"):
            match = EXPECT_RE.match(raw)
            assert match, f"{path}: malformed expect header: {raw!r}"
            out.append(Expect(shown, int(match.group(1)), match.group(2), match.group(3)))
    return out


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


# the expected fragments are the English source text of the messages (their Dutch: test_problems_nl.py)
ENGLISH_ENV = {**os.environ, "BCALC_LANG": "en"}


def run_bcalc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bcalc", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env=ENGLISH_ENV)


def check_bad(proc: subprocess.CompletedProcess, expects: list[Expect], shown_files: set[str]) -> None:
    err_lines = proc.stderr.splitlines()
    report = f"\n--- stderr ---\n{proc.stderr}--- stdout ---\n{proc.stdout}"
    assert "Traceback" not in proc.stderr, report
    assert proc.returncode == 2, f"exit code {proc.returncode}, expected 2{report}"
    assert proc.stdout == "", f"stdout must stay empty on bad input{report}"
    assert err_lines, f"no problem reported{report}"
    # Every line names its file and line: FILE:LINE: ...
    for ln in err_lines:
        match = PROBLEM_RE.match(ln)
        assert match and match.group("file") in shown_files, f"not a FILE:LINE: problem line: {ln!r}{report}"
    missing = [str(e) for e in expects if not any(e.matches(ln) for ln in err_lines)]
    assert not missing, "expected problems not reported:\n  " + "\n  ".join(missing) + report


# ---- the corpus -----------------------------------------------------------------------------------


def test_corpus_size():
    """The corpus cannot shrink silently."""
    assert len(CASES) >= 30, [p.name for p in CASES]
    assert len(CATALOGUES) >= 8, [p.name for p in CATALOGUES]
    for d in CATALOGUES:
        assert (d / "suppliers.yaml").is_file() and (d / "tariffs.yaml").is_file(), d


def test_corpus_headers():
    """Every corpus file or folder states at least one expected problem; names are NN-short-name."""
    for path in CASES:
        assert re.match(r"^\d{2}-[a-z0-9-]+\.yaml$", path.name), path.name
        assert read_expects(path, rel(path)), f"{path.name}: no '# expect:' header"
    for d in CATALOGUES:
        assert re.match(r"^\d{2}-[a-z0-9-]+$", d.name), d.name
        found = read_expects(d / "suppliers.yaml", "") + read_expects(d / "tariffs.yaml", "")
        assert found, f"{d.name}: no '# expect:' header in suppliers.yaml or tariffs.yaml"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_bad_case(path: Path):
    shown = rel(path)
    expects = read_expects(path, shown)
    proc = run_bcalc("estimate", shown)
    check_bad(proc, expects, {shown})


@pytest.mark.parametrize("folder", CATALOGUES, ids=[p.name for p in CATALOGUES])
def test_bad_catalogue(folder: Path):
    shown_dir = rel(folder)
    shown = {f"{shown_dir}/{name}" for name in ("suppliers.yaml", "tariffs.yaml")}
    expects = [e for name in ("suppliers.yaml", "tariffs.yaml")
               for e in read_expects(folder / name, f"{shown_dir}/{name}")]
    proc = run_bcalc("catalogue", "validate", shown_dir)
    check_bad(proc, expects, shown)


def test_many_mistakes_all_reported_in_one_run():
    """The file with several mistakes reports each of them, once, in a single run."""
    path = BAD / "cases" / "42-many-mistakes.yaml"
    shown = rel(path)
    expects = read_expects(path, shown)
    assert len(expects) >= 8
    proc = run_bcalc("estimate", shown)
    check_bad(proc, expects, {shown})
    lines = proc.stderr.splitlines()
    assert len(lines) == len(set(lines)), "a problem is reported twice:\n" + proc.stderr
    reported = sorted(int(PROBLEM_RE.match(ln).group("line")) for ln in lines)
    assert reported == sorted(e.line for e in expects), proc.stderr


# ---- the command line -----------------------------------------------------------------------------


def test_nonexistent_case_file():
    proc = run_bcalc("estimate", "tests/bad/no-such-case.yaml")
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert "tests/bad/no-such-case.yaml" in proc.stderr
    assert "file not found" in proc.stderr


def test_unknown_scenario_option():
    proc = run_bcalc("estimate", "--scenario", "nope")
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert "--scenario" in proc.stderr and "nope" in proc.stderr


def test_bad_case_with_catalogue_option():
    """--catalogue DIR with a broken catalogue reports the catalogue's problems with exit 2."""
    folder = BAD / "catalogues" / "01-amount-negative"
    proc = run_bcalc("estimate", "--catalogue", rel(folder), "examples/medicijndispensers.yaml")
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert f"{rel(folder)}/suppliers.yaml:" in proc.stderr
    assert "must not be negative" in proc.stderr


# ---- robustness: no input may end in "unexpected error" (exit 1) ----------------------------------

BASE_CASE = """\
case: Test
start: 2027-01
years: 5
staff:
  care_staff: {count: 10, rate: 50}
  project_lead: {count: 1}
"""


def test_recursive_yaml_alias(tmp_path):
    """An alias inside its own anchor is a mistake in the file (exit 2, FILE:LINE), not a crash."""
    case = tmp_path / "recursive.yaml"
    case.write_text(BASE_CASE + "deployments: &loop\n  - product: medido\n    clients: 10\n    options: *loop\n",
                    encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "bcalc", "estimate", str(case)], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=60, env=ENGLISH_ENV)
    assert "unexpected error" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert all(PROBLEM_RE.match(ln) and ln.startswith(f"{case}:") for ln in proc.stderr.splitlines()), proc.stderr


@pytest.mark.parametrize("deployment,fmt", [
    ("clients: 1000000000000000000000000", "table"),
    ("clients: 10\n    prices: {huur: 1e40}", "json"),
], ids=["clients-25-digits-table", "price-1e40-json"])
def test_absurdly_large_numbers(tmp_path, deployment, fmt):
    """Either computed (exit 0) or refused as bad input (exit 2, FILE:LINE); never exit 1."""
    case = tmp_path / "large.yaml"
    case.write_text(BASE_CASE + f"deployments:\n  - product: medido\n    {deployment}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "bcalc", "estimate", str(case), "--format", fmt], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=60, env=ENGLISH_ENV)
    assert "unexpected error" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (0, 2), proc.stderr
    if proc.returncode == 2:
        assert proc.stdout == ""
        assert all(ln.startswith(f"{case}:") for ln in proc.stderr.splitlines()), proc.stderr
