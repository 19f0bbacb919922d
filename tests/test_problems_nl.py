"""Problems of bad input in Dutch: the command line prints ``FILE:LINE: field: message`` with the
place as it is and the message through bcalc/messages/problems_nl.py.

Every file of the corpus of bad input (tests/bad/) runs here in both languages; a message without
Dutch fails. (tests/conftest.py checks the same for every problem any other test makes bcalc raise.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bcalc import app as bcalc_app
from bcalc.cli_words import problem_line
from bcalc.errors import InputError, Problem
from bcalc.messages.patterns import compile_table, translate
from bcalc.messages.problems_nl import dutch
from bcalc.terminal import clean
from conftest import WIDE_ENV, invoke

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "bad"
CORPUS = sorted((BAD / "cases").glob("*.yaml")) + sorted(p for p in (BAD / "catalogues").iterdir() if p.is_dir())


def problems_of(target: Path) -> list[Problem]:
    """The problems bcalc reports for a corpus file (estimate) or folder (catalogue validate)."""
    try:
        if target.is_dir():
            bcalc_app.load_catalogues(target)
        else:
            bcalc_app.estimate(bcalc_app.load(target, None, shown=str(target)))
    except InputError as exc:
        return exc.problems
    raise AssertionError(f"{target}: no problem")


def command(target: Path) -> list[str]:
    return ["catalogue", "validate", str(target)] if target.is_dir() else ["estimate", str(target)]


@pytest.mark.parametrize("target", CORPUS, ids=[p.name for p in CORPUS])
def test_the_corpus_of_bad_input_in_dutch(target):
    problems = problems_of(target)
    untranslated = [p.message for p in problems if dutch(p.message, p.field) is None]
    assert not untranslated, f"add these to bcalc/messages/problems_nl.py: {untranslated}"
    english = invoke(*command(target), env={**WIDE_ENV, "BCALC_LANG": "en"})
    shown = invoke(*command(target), env={**WIDE_ENV, "BCALC_LANG": "nl"})
    assert english.exit_code == shown.exit_code == 2
    en_lines, nl_lines = english.stderr.splitlines(), shown.stderr.splitlines()
    assert en_lines == [clean(str(p)) for p in problems]
    assert len(nl_lines) == len(problems)
    for en, nl, p in zip(en_lines, nl_lines, problems):
        place = clean(str(replace(p, message="")))  # FILE:LINE: field: (or FILE:LINE: for a whole file)
        assert en.startswith(place) and nl.startswith(place), (en, nl)
        assert nl != en, f"not translated: {en}"
        assert nl == clean(str(replace(p, message=dutch(p.message, p.field))))


def test_the_corpus_is_all_there():
    assert len(CORPUS) >= 75
    assert sum(len(problems_of(t)) for t in CORPUS) >= 120


# ---- sentences worked out by hand -------------------------------------------------------------------


def test_one_corpus_file_word_for_word():
    path = BAD / "cases" / "04-start-month-13.yaml"  # line 4: start: 2027-13
    shown = invoke("estimate", path, env={**WIDE_ENV, "BCALC_LANG": "nl"})
    assert shown.exit_code == 2
    assert f"{path}:4: start: maand 13 bestaat niet (1 tot en met 12)" in shown.stderr.splitlines()


@pytest.mark.parametrize("english,expected", [
    # a part that is a sentence of its own (bcalc.reader._kind), the quoted value as written
    ("expected a whole number, got the text 'abc'", "verwacht een geheel getal, maar dit is de tekst 'abc'"),
    ("expected a mapping of fields, got nothing", "verwacht een mapping van velden, maar dit is niets"),
    # a bound (bcalc.fields.outside) before the value
    ("must be at most 15, got 16", "mag hoogstens 15 zijn, maar is 16"),
    ("must be at least -100%, got -150%", "moet minstens -100% zijn, maar is -150%"),
    # the same value twice
    ("20 reads as 2000%; write 20% if that is meant", "20 leest als 2000%; schrijf 20% als dat bedoeld is"),
    ("item 'huur' is quoted in USD: give fx.USD (euros per USD) or a euro price under prices.huur",
     "post 'huur' is geoffreerd in USD: geef fx.USD (euro per USD) of een europrijs onder prices.huur"),
    # lists joined in English
    ("options klein and groot exclude each other (maat); pick one",
     "opties klein en groot sluiten elkaar uit (maat); kies er één"),
    ("time line 'x' applies only with option a or b or c", "tijdspost 'x' geldt alleen met optie a of b of c"),
    # a --vary problem: the spec, then the reason in its own words
    ("'deployments[0].clients=2:1': low 2 is above high 1", "'deployments[0].clients=2:1': laag 2 ligt boven hoog 1"),
    ("'benefits[0].minutes=5:1e12': high 1e12 must be at most 527040, as in the case file",
     "'benefits[0].minutes=5:1e12': hoog 1e12 mag hoogstens 527040 zijn, zoals in het casebestand"),
    # the YAML parser's own account stays as PyYAML writes it
    ("not valid YAML: mapping values are not allowed in this context (noticed at line 4)",
     "geen geldige YAML: mapping values are not allowed in this context (opgemerkt op regel 4)"),
    # braces that are no field
    ("expected a mapping of item id: {lifetime, residual}", "verwacht een mapping van post-id: {lifetime, residual}"),
])
def test_messages_in_dutch(english, expected):
    assert dutch(english) == expected


def test_a_message_the_table_does_not_know_has_no_dutch():
    assert dutch("a brand new message") is None
    assert dutch("must be at least 1, got 0 and more") == "moet minstens 1 zijn, maar is 0 and more"
    assert dutch("needs two things") is None          # {field:word} takes no spaces
    assert dutch("expected text, got a tuple") is None  # not one of the kinds
    # the template engine's own words stay as they are, for a template
    assert dutch("'nope' is undefined", "template") == "'nope' is undefined"
    assert dutch("'nope' is undefined") is None


def test_the_line_keeps_its_place_and_stays_english_in_english():
    p = Problem("case.yaml", 7, "deployments[0].clients", "must be at least 0, got -1")
    assert problem_line(p, "en") == "case.yaml:7: deployments[0].clients: must be at least 0, got -1"
    assert problem_line(p, "nl") == "case.yaml:7: deployments[0].clients: moet minstens 0 zijn, maar is -1"
    whole = Problem("case.yaml", 1, "", "the file is empty")
    assert problem_line(whole, "nl") == "case.yaml:1: het bestand is leeg"
    unknown = Problem("case.yaml", 2, "x", "a brand new message")
    assert problem_line(unknown, "nl") == "case.yaml:2: x: a brand new message"  # English rather than nothing


def test_patterns():
    rules = compile_table([("{a:word} and {b:and}", "{a} en {b}"), ("{a:word}", "{a}")])
    assert translate("x and y and z", rules, {"and": rules}) == "x en y en z"
    assert translate("x y", rules, {"and": rules}) is None
    twice = compile_table([("{v} is {v}", "{v} blijft {v}")])
    assert translate("a is a", twice) == "a blijft a"
    assert translate("a is b", twice) is None


# ---- the default ------------------------------------------------------------------------------------


def _run(env: dict, *args: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("BCALC_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run([sys.executable, "-m", "bcalc", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env={**base, **env})


def test_bad_input_is_reported_in_the_language_of_the_environment():
    case = "tests/bad/cases/07-years-zero.yaml"
    for env, text in (({"LANG": "C.UTF-8"}, "years: moet minstens 1 zijn, maar is 0"),
                      ({}, "years: moet minstens 1 zijn, maar is 0"),
                      ({"LANG": "en_GB.UTF-8"}, "years: must be at least 1, got 0"),
                      ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, "years: must be at least 1, got 0"),
                      ({"BCALC_LANG": "en", "LANG": "nl_NL.UTF-8"}, "years: must be at least 1, got 0")):
        done = _run(env, "estimate", case)
        assert done.returncode == 2 and done.stdout == "", done.stderr
        assert f"{case}:" in done.stderr and text in done.stderr, (env, done.stderr)
    done = _run({"BCALC_LANG": "en"}, "estimate", case, "--lang", "nl")
    assert "years: moet minstens 1 zijn, maar is 0" in done.stderr
