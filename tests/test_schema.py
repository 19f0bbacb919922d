"""The JSON Schema of a case file (bcalc schema): built from the loader's declaration, every bundled
case passes it, and broken cases fail it as they fail the loader."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from bcalc import fields as F
from bcalc.schema import FILE_NAME, case_schema
from conftest import ROOT, bad, ok

SCHEMA = case_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
CASES = (sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "tests" / "cases").glob("*.yaml"))
         + sorted((ROOT / "tests" / "reuse").glob("*.yaml")) + [ROOT / "templates" / "starter-case.yaml",
                                                                ROOT / "bench" / "large-case.yaml"])


def errors(data) -> list[str]:
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.validator}" for e in VALIDATOR.iter_errors(data))


def test_it_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["title"] == "bcalc case file"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_every_bundled_case_passes(path):
    assert errors(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_it_holds_every_declared_field_and_no_other():
    """Built from bcalc.fields: a field added to the declaration is in the schema without more work."""
    for section in F.SECTIONS.values():
        if section.file != "case":
            continue
        node = SCHEMA if section.name == "case" else SCHEMA["$defs"][section.name]
        assert list(node["properties"]) == list(section.names), section.name
        assert node["additionalProperties"] is False
        assert node.get("required", []) == list(section.required)
    assert SCHEMA["$defs"]["case.deployment"]["properties"]["clients"]["anyOf"][1]["maxItems"] == 15


MINIMAL = """\
case: Toets
start: 2027-01
years: 3
deployments:
  - product: medido
    clients: 20
"""


@pytest.mark.parametrize("change, where, rule", [
    (("years: 3", "years: 16"), "years", "maximum"),               # the horizon is at most 15 years
    (("years: 3", "years: drie"), "years", "type"),
    (("start: 2027-01", "start: 2027/01"), "start", "pattern"),
    (("deployments:", "deploymentz:"), "", "additionalProperties|required"),  # a typo in a key
    (("    clients: 20", "    clients: -1"), "deployments/0/clients", "anyOf"),
    (("    clients: 20", "    clients: [" + ", ".join(["20"] * 16) + "]"), "deployments/0/clients", "anyOf"),
    (("  - product: medido\n", "  - product: medido\n    index_cap: 3 procent\n"), "deployments/0/index_cap", "anyOf"),
    (("case: Toets\n", ""), "", "required"),
])
def test_a_broken_case_fails_the_schema_and_the_loader(tmp_path, change, where, rule):
    text = MINIMAL.replace(*change)
    assert text != MINIMAL
    found = errors(yaml.safe_load(text))
    assert found == [f"{where}: {r}" for r in rule.split("|")], found
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    bad("estimate", path)  # the loader refuses the same case, with FILE:LINE


def test_a_benefit_kind_outside_the_choices_fails():
    data = yaml.safe_load(MINIMAL + textwrap.dedent("""\
        benefits:
          - {label: Minder rondes, kind: tijd, per: day, minutes: 10}
        """))
    assert errors(data) == ["benefits/0/kind: enum"]


def test_the_command_prints_and_writes_the_schema(tmp_path):
    assert json.loads(ok("schema").stdout) == SCHEMA
    target = tmp_path / "s.json"
    ok("schema", "--output", target)
    assert json.loads(target.read_text(encoding="utf-8")) == SCHEMA
    assert "exists already" in bad("schema", "--output", target).stderr  # kept without --force
    ok("schema", "--output", target, "--force")


def test_init_points_the_editor_at_the_schema_and_writes_it_beside(tmp_path):
    case = tmp_path / "case.yaml"
    ok("init", case)
    first = case.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={FILE_NAME}"
    assert json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8")) == SCHEMA
    assert errors(yaml.safe_load(case.read_text(encoding="utf-8"))) == []
    ok("estimate", case)
    (tmp_path / FILE_NAME).write_text("{}", encoding="utf-8")  # one of the user's own is kept
    ok("init", tmp_path / "second.yaml")
    assert (tmp_path / FILE_NAME).read_text(encoding="utf-8") == "{}"
