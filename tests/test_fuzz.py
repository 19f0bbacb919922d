"""An adversarial fuzzer: mutated examples, test cases and catalogues never make bcalc fail.

Each example takes a case (examples/*.yaml, tests/cases/*.yaml) or a copy of a catalogue
(data/suppliers.yaml, data/tariffs.yaml, given with --catalogue), mutates it (tests/fuzz/mutate.py:
scalars replaced by huge, tiny, negative, empty or non-ASCII numbers, text, lists, maps, dates and
percentages; keys deleted, duplicated and renamed; values swapped; deep nesting; aliases; control
characters, line separators, bytes that are not UTF-8 and broken lines) and runs
``bcalc estimate --format json`` in this process, then sometimes another output format or analysis.
tests/fuzz/harness.py says what must hold: exit 0 or 2 only; on 2 every message line is FILE:LINE
within the file; on 0 the totals add up and every money figure has two decimals.

The run is derandomized and keeps no database, so CI sees the same examples every time; set
BCALC_FUZZ_EXAMPLES=N for a longer run, or use ``python tests/fuzz/explore.py`` to collect every
failure of a long exploration with its reproducer.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from fuzz.harness import CASES, Plan, check, run
from fuzz.mutate import Op
from fuzz.strategies import plans

EXAMPLES = int(os.environ.get("BCALC_FUZZ_EXAMPLES", "110"))


@settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None, print_blob=False,
          suppress_health_check=list(HealthCheck))
@given(plan=plans)
def test_mutated_input_is_refused_with_file_and_line_or_computed_consistently(plan: Plan):
    with tempfile.TemporaryDirectory(prefix="bcalc-fuzz-") as folder:
        check(run(plan, Path(folder)))


def test_the_unmutated_inputs_pass_the_checks(tmp_path):
    """The checks themselves accept every base case as it is, with each follow-up command."""
    for i in range(len(CASES)):
        for extra in range(7):
            check(run(Plan(case=i, target="case", ops=(), extra=extra), tmp_path / f"{i}-{extra}"))


def test_a_mutation_reaches_the_checks(tmp_path):
    """A value replaced by one beyond its bound is refused, and the check sees FILE:LINE."""
    out = run(Plan(case=0, target="case", ops=(Op("scalar", 0, 0),)), tmp_path)
    check(out)
    assert out.exit_code in (0, 2)
    out = run(Plan(case=2, target="tariffs.yaml", ops=(Op("truncate", 1),)), tmp_path / "t")
    check(out)
    assert out.exit_code == 2 and "tariffs.yaml:1: " in out.stderr
