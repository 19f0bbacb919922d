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

import json
import os
import tempfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

from fuzz.harness import CASES, EXTRA, Plan, check, invariant_problems, run
from fuzz.mutate import Op, apply
from fuzz.strategies import plans

EXAMPLES = int(os.environ.get("BCALC_FUZZ_EXAMPLES", "110"))


# the example the replayed defects and these checks are written against (32 lines): by name, not by its place among the cases
ZORGROBOTS = next(i for i, p in enumerate(CASES) if Path(p).name == "zorgrobots.yaml")


@settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None, print_blob=False,
          suppress_health_check=list(HealthCheck))
@given(plan=plans)
# defects the fuzzer found, replayed in every run: a line break in a key split the message over two
# lines; nesting 500 levels deep ended in a RecursionError; a NEL (U+0085) shifted the line numbers
@example(plan=Plan(case=ZORGROBOTS, target="case", ops=(Op("linebreak", 30, 16, 0),)))
@example(plan=Plan(case=ZORGROBOTS, target="case", ops=(Op("nest", 32, 5, 1),)))
@example(plan=Plan(case=ZORGROBOTS, target="case", ops=(Op("insert_char", 667, 7, 0), Op("truncate", 944, 0, 0))))
def test_mutated_input_is_refused_with_file_and_line_or_computed_consistently(plan: Plan):
    with tempfile.TemporaryDirectory(prefix="bcalc-fuzz-") as folder:
        check(run(plan, Path(folder)))


def test_the_unmutated_inputs_pass_the_checks(tmp_path):
    """The checks themselves accept every base case as it is, with each follow-up command."""
    for i in range(len(CASES)):
        check(run(Plan(case=i, target="case", ops=()), tmp_path / f"case-{i}"))
    for extra in range(1, len(EXTRA)):  # the follow-up commands on a case with two deployments
        out = run(Plan(case=2, target="case", ops=(), extra=extra), tmp_path / f"extra-{extra}")
        check(out)
        assert out.then is not None and out.then.exit_code == 0


TEXT = "a: 1\nb: {c: 2, d: 3}\nl:\n  - x\n  - y\nm:\n  k: v\n"


@pytest.mark.parametrize("op, expected", [
    (Op("delete_key", 0), "\nb: {c: 2, d: 3}\nl:\n  - x\n  - y\nm:\n  k: v\n"),
    (Op("delete_key", 4), "a: 1\nb: {d: 3}\nl:\n  - x\n  - y\nm:\n  k: v\n"),
    (Op("duplicate_key", 0), "a: 1\na: 1\nb: {c: 2, d: 3}\nl:\n  - x\n  - y\nm:\n  k: v\n"),
    (Op("duplicate_key", 2), "a: 1\nb: {c: 2, d: 3}\nl:\n  - x\n  - y\nl: [x, y]\nm:\n  k: v\n"),
    (Op("rename_key", 0, 0), "case: 1\nb: {c: 2, d: 3}\nl:\n  - x\n  - y\nm:\n  k: v\n"),
    (Op("swap", 0, 1), "a: 2\nb: {c: 1, d: 3}\nl:\n  - x\n  - y\nm:\n  k: v\n"),
    (Op("nest", 0, 1, 1), "a: [[1]]\nb: {c: 2, d: 3}\nl:\n  - x\n  - y\nm:\n  k: v\n"),
    (Op("entry_duplicate", 1), "a: 1\nb: {c: 2, d: 3}\nl:\n  - x\n  - y\n  - y\nm:\n  k: v\n"),
    (Op("alias", 0, 1), "a: &fz 1\nb: *fz\nl:\n  - x\n  - y\nm:\n  k: v\n"),
    (Op("collection", 7, 0), "a: 1\nb: {c: 2, d: 3}\nl:\n  - x\n  - y\nm:\n  []\n"),
    (Op("line_swap", 0, 1), "b: {c: 2, d: 3}\na: 1\nl:\n  - x\n  - y\nm:\n  k: v\n"),
])
def test_the_mutations_splice_the_text_where_the_node_stands(op, expected):
    assert apply(TEXT, (op,)).decode("utf-8") == expected


def test_byte_mutations_come_last_and_leave_the_text_not_utf8():
    data = apply(TEXT, (Op("bytes", 0, 0), Op("delete_key", 0)))
    assert data == b"\xff\nb: {c: 2, d: 3}\nl:\n  - x\n  - y\nm:\n  k: v\n"


def test_the_checks_refuse_a_bug_a_broken_message_and_a_line_outside_the_file(tmp_path):
    out = run(Plan(case=ZORGROBOTS, target="case", ops=()), tmp_path)
    case = next(iter(out.files))
    fake = replace(out, exit_code=2, stdout="")
    with pytest.raises(AssertionError, match="a bug"):
        check(replace(out, exit_code=1))
    with pytest.raises(AssertionError, match="not FILE:LINE"):
        check(replace(fake, stderr=f"{case}:3: product: unknown 'a\nb'\n"))
    with pytest.raises(AssertionError, match="outside the 32 lines"):
        check(replace(fake, stderr=f"{case}:33: years: too many\n"))
    check(replace(fake, stderr=f"{case}:32: years: fine\n"))


def test_the_checks_refuse_totals_that_do_not_add_up(tmp_path):
    out = run(Plan(case=ZORGROBOTS, target="case", ops=()), tmp_path)
    doc = json.loads(out.stdout)
    assert invariant_problems(doc) == []
    doc["per_year"][0]["vat"] = str(Decimal(doc["per_year"][0]["vat"]) + Decimal("0.01"))
    found = invariant_problems(doc)
    assert any("per_year[2027]: cost" in p for p in found) and any("total.vat" in p for p in found), found
    doc = json.loads(out.stdout)
    doc["lines"][0]["excl_vat"] = "1375.0"
    assert invariant_problems(doc) == ["$.lines[0].excl_vat = '1375.0' is not money with two decimals"]


def test_a_mutated_catalogue_is_read_through_the_catalogue_option(tmp_path):
    out = run(Plan(case=ZORGROBOTS, target="tariffs.yaml", ops=(Op("truncate", 1),)), tmp_path)
    check(out)
    assert out.args[-2] == "--catalogue"
    assert out.exit_code == 2 and out.stderr.startswith(f"{tmp_path / 'catalogue' / 'tariffs.yaml'}:1: "), out.stderr
