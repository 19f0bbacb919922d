"""Messages are data in the core and words in bcalc.messages.

The core says what it has to tell as a code with parameters; every code it can emit has words
in Dutch and English; the renderers resolve them; and the core itself holds no sentences.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bcalc.cli import app
from bcalc.core import estimate
from bcalc.core.checks import contract_tips
from bcalc.core.scenarios import scenario_table
from bcalc.core.inputs import catalogue_inputs, swing_inputs
from bcalc.core.uncertain import Model, settings
from bcalc.loader import load_case
from bcalc.messages import as_json, en, nl, say, title
from bcalc.models import Message

ROOT = Path(__file__).resolve().parents[1]
CORE = sorted((ROOT / "bcalc" / "core").glob("*.py"))
CASES = sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "tests" / "cases").glob("*.yaml"))
MESSAGE_CLASSES = {"Notice", "Message"}
COLLECTORS = {"n", "self", "notices"}      # the names a Notices collector goes by in the core


# ---- the codes the core can emit ------------------------------------------------------------------


def _codes_in(source: str, where: str) -> tuple[set[str], list[str]]:
    """Codes given as literals to Notice(...)/Message(...) and to a Notices collector's add(...);
    and the places where a code is not a literal (the scan could not see it)."""
    codes: set[str] = set()
    blind: list[str] = []

    def visit(node: ast.AST, function: str) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            function = node.name
        if isinstance(node, ast.Call):
            f = node.func
            made = isinstance(f, ast.Name) and f.id in MESSAGE_CLASSES
            added = (isinstance(f, ast.Attribute) and f.attr == "add" and isinstance(f.value, ast.Name)
                     and f.value.id in COLLECTORS) or (isinstance(f, ast.Name) and f.id == "add")
            if made or added:
                first = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "code"), None)
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    codes.add(first.value)
                elif function != "add":   # a wrapper passes its own literal code on
                    blind.append(f"{where}:{node.lineno}")
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(ast.parse(source), "")
    return codes, blind


def core_codes() -> set[str]:
    codes: set[str] = set()
    blind: list[str] = []
    for path in CORE:
        found, missed = _codes_in(path.read_text(encoding="utf-8"), path.name)
        codes |= found
        blind += missed
    assert not blind, f"message codes that are not literals, so no test can check them: {blind}"
    return codes


def test_the_scan_sees_codes_and_refuses_computed_ones():
    codes, blind = _codes_in('n.add("check_x", "001:1", a=1)\nNotice(f"check_{k}")\n', "x.py")
    assert codes == {"check_x"} and blind == ["x.py:2"]


def test_the_core_emits_the_codes_it_is_known_for():
    codes = core_codes()
    for code in ("range", "approx", "unvalued", "check_owed", "check_tier", "discount_real", "shared",
                 "funding_exit", "compare_missing", "scenario_grid", "scenarios_note_stopping", "input_staff_rate",
                 "tip_suppliers"):
        assert code in codes


@pytest.mark.parametrize("book", [nl, en], ids=["nl", "en"])
def test_every_code_of_the_core_has_words(book):
    missing = sorted(core_codes() - set(book.TEXTS))
    assert not missing, f"{book.__name__} has no text for {missing}"


def test_both_languages_know_the_same_codes_and_words():
    assert set(nl.TEXTS) == set(en.TEXTS)
    assert set(nl.TITLES) == set(en.TITLES) == {c for c in core_codes() if c.startswith("tip_")}
    for name in set(nl.WORDS) & set(en.WORDS):
        assert set(nl.WORDS[name]) == set(en.WORDS[name]), name


def test_unused_words_are_not_kept():
    assert not set(nl.TEXTS) - core_codes()


# ---- the examples ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def results(catalogue, tariffs):
    return {path.stem: estimate(load_case(path, catalogue, tariffs), catalogue, tariffs) for path in CASES}


def _resolves(message: Message) -> None:
    for lang in ("nl", "en"):
        text = say(message, lang)
        assert text and not re.search(r"\{\w*\}|\bNone\b", text), (message.code, lang, text)
    json.dumps(as_json(message, "nl"), ensure_ascii=False)


def test_every_notice_of_the_examples_resolves_in_both_languages(results, catalogue):
    seen = set()
    for result in results.values():
        for w in result.warnings + contract_tips(result, catalogue):
            _resolves(w)
            seen.add(w.code)
    assert {"range", "check_cap"} <= seen and any(code.startswith("tip_") for code in seen)


def test_scenario_rows_and_inputs_resolve(catalogue, tariffs):
    case = load_case(ROOT / "examples" / "medicijndispensers.yaml", catalogue, tariffs)
    table = scenario_table(case, catalogue, tariffs)
    for message in [r.label for r in table.rows] + list(table.notes):
        _resolves(message)
    model = Model(case, catalogue, tariffs)
    cfg = settings(tariffs)
    for inp in catalogue_inputs(model, model.result(), cfg.approx_spread) + swing_inputs(model, cfg.default_swing):
        _resolves(inp.label)


def test_a_notice_keeps_raw_values(results):
    formatted = re.compile(r"-?€ ?\d{1,3}([.,]\d{3})*[.,]\d{2}$")     # what fmt_money makes
    for result in results.values():
        for w in result.warnings:
            for value in w.params.values():
                assert not (isinstance(value, str) and formatted.match(value)), (w.code, value)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_json_notices_match_the_warnings_one_to_one(path, lang):
    out = CliRunner().invoke(app, ["estimate", str(path), "--format", "json", "--lang", lang])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert [n["text"] for n in data["notices"]] == data["warnings"]
    for n in data["notices"]:
        assert set(n) == {"code", "text", "source", "params"} and n["code"]
        assert n["code"] in nl.TEXTS


# ---- no words in the core ---------------------------------------------------------------------------

FORMATTERS = {"fmt_money", "nl_number", "en_number", "fmt_percent"}
# Dutch words a sentence of the messages uses; none belongs in the core's code
DUTCH = re.compile(r"\b(kosten|cliënten|cliënt|gebruikt|bron|niet|geen|prijzen|jaar|looptijd|leveranciers?|"
                   r"inzet|baat|baten|uur|stoppen|financiering|btw|bedrag|minder|meer|vanaf|tarief|lonen|"
                   r"het|een|van|voor|bij)\b", re.IGNORECASE)


def _sentences(source: str) -> list[str]:
    """Text in string literals and f-strings of a module, except docstrings; with what gives it away."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if DUTCH.search(node.value) or "€" in node.value:
                found.append(f"{node.lineno}: {node.value!r}")
    return found


def _formatter_imports(source: str) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "bcalc.money":
            out += [a.name for a in node.names if a.name in FORMATTERS]
        if isinstance(node, ast.Attribute) and node.attr in FORMATTERS:
            out.append(node.attr)
    return out


def test_the_word_checks_catch_a_sentence():
    bad = '"""Uit de bron."""\nfrom bcalc.money import fmt_money\nx = f"{name}: vaste kosten {fmt_money(v)}"\n'
    assert _formatter_imports(bad) == ["fmt_money"]
    assert len(_sentences(bad)) == 1


@pytest.mark.parametrize("path", CORE, ids=[p.stem for p in CORE])
def test_the_core_holds_no_sentences(path):
    source = path.read_text(encoding="utf-8")
    assert not _formatter_imports(source), "the core formats numbers for reading; leave that to bcalc.messages"
    assert not _sentences(source), "Dutch words in the core; give a code and parameters instead"


def test_the_tips_cite_from_one_table(catalogue, results):
    from bcalc.core.tips import CITES

    for path in CORE + sorted((ROOT / "bcalc" / "render" / "report_md").glob("*.py")):
        if path.name == "tips.py":
            continue
        code = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.lstrip().startswith("#"))
        for line in CITES.values():
            assert f'"{line}"' not in code and f"tip {line}" not in code, (path.name, line)
    for result in results.values():
        for tip in contract_tips(result, catalogue):
            assert title(tip.code, "nl") and tip.source.startswith("001:")
