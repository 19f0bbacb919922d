"""The field declaration (bcalc/fields.py): the loader reads exactly what it declares, an empty
required value is reported like a missing one, the reference page cannot drift, and a case that
loads cleanly gives the engine every tariff it needs."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest
from conftest import line_of
from typer.testing import CliRunner

from bcalc import fields
from bcalc.cli import app
from bcalc.loader import load_case, load_catalogues
from bcalc.reader import Reader
from bcalc.rules import CASE_CHECKS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
runner = CliRunner()

# Enough staff for every product used below, so that only the mistake under test is reported.
HEAD = """\
case: T
start: 2027-01
years: 2
staff:
  care_staff: {count: 60, rate: 40}
  project_lead: {count: 1, rate: 60}
  teams: 5
"""
MEDIDO = """\
deployments:
  - product: medido
    clients: 5
"""


def estimate(tmp_path: Path, text: str, *extra: str):
    path = tmp_path / "case.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path, runner.invoke(app, ["estimate", str(path), "--format", "json", *extra],
                               env={"COLUMNS": "200", "BCALC_LANG": "en"})



def assert_problem(path: Path, result, line: int, field: str, fragment: str) -> None:
    assert result.exit_code == 2, f"exit {result.exit_code}\n{result.stderr}\n{result.stdout}"
    assert "Traceback" not in result.stderr
    expected = f"{path}:{line}: {field}: "
    hits = [ln for ln in result.stderr.splitlines() if ln.startswith(expected)]
    assert hits and any(fragment in h for h in hits), result.stderr


# ---- empty values are reported like missing ones ----------------------------------------------

EMPTY = [
    ("staff-role", HEAD.replace("care_staff: {count: 60, rate: 40}", "care_staff:") + MEDIDO,
     "care_staff:", "staff.care_staff"),
    ("teams", HEAD.replace("teams: 5", "teams:") + MEDIDO, "teams:", "staff.teams"),
    ("product", HEAD + 'deployments:\n  - product: ""\n    clients: 5\n', 'product: ""', "deployments[0].product"),
    ("clients", HEAD + "deployments:\n  - product: medido\n    clients:\n", "clients:", "deployments[0].clients"),
    ("minutes", HEAD + MEDIDO + "benefits:\n  - label: x\n    kind: time\n    per: day\n    minutes:\n"
     "    role: care_staff\n", "minutes:", "benefits[0].minutes"),
    ("avoided-amount", HEAD + MEDIDO + "benefits:\n  - label: x\n    kind: avoided_cost\n    per: day\n"
     "    amount:\n", "amount:", "benefits[0].amount"),
    ("fx", HEAD + "fx:\n  USD:\n" + MEDIDO, "USD:", "fx.USD"),
    ("hours-per-month", HEAD + MEDIDO + "funding:\n  - code: H139\n    clients: 3\n    hours_per_month:\n"
     "    tariff: 80\n", "hours_per_month:", "funding[0].hours_per_month"),
    ("hourly-tariff", HEAD + MEDIDO + "funding:\n  - code: H139\n    clients: 3\n    hours_per_month: 2\n"
     "    tariff:\n", "tariff:", "funding[0].tariff"),
    ("day-rate", HEAD + MEDIDO + "funding:\n  - code: VPT\n    clients: 3\n    day_rate:\n"
     "    technology_share: 2%\n", "day_rate:", "funding[0].day_rate"),
    ("subsidy-amount", HEAD + MEDIDO + "funding:\n  - code: subsidy\n    amount:\n    year: 1\n",
     "amount:", "funding[0].amount"),
    ("subsidy-year", HEAD + MEDIDO + "funding:\n  - code: subsidy\n    amount: 100\n    year:\n",
     "year:", "funding[0].year"),
    ("funding-code", HEAD + MEDIDO + "funding:\n  - code:\n    amount: 100\n    year: 1\n",
     "code:", "funding[0].code"),
]


@pytest.mark.parametrize("text,fragment,field", [e[1:] for e in EMPTY], ids=[e[0] for e in EMPTY])
def test_empty_value_is_reported_with_its_line(tmp_path, text, fragment, field):
    path, result = estimate(tmp_path, text)
    assert_problem(path, result, line_of(path, fragment), field, "must not be empty")


def test_the_same_case_with_values_loads(tmp_path):
    """The cases above differ from a good one only by the empty value."""
    text = HEAD + MEDIDO + "funding:\n  - code: subsidy\n    amount: 100\n    year: 1\n"
    _, result = estimate(tmp_path, text)
    assert result.exit_code == 0, result.stderr


def test_missing_kind_field_keeps_its_message(tmp_path):
    path, result = estimate(tmp_path, HEAD + MEDIDO + "funding:\n  - code: VPT\n    clients: 3\n"
                                                      "    technology_share: 2%\n")
    assert_problem(path, result, line_of(path, "- code: VPT"), "funding[0]", "VPT needs day_rate")


# ---- a funding tariff for the case's first year ------------------------------------------------

def tariffs_with_h139(tmp_path: Path, years: dict[int, str]) -> Path:
    folder = tmp_path / "catalogue"
    shutil.copytree(DATA, folder)
    path = folder / "tariffs.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - code: H139")
    at = text.index("tariff: null", start)
    given = "tariff:\n" + "".join(f"      {y}: {v}\n" for y, v in years.items())
    path.write_text(text[:at] + given.rstrip("\n") + text[at + len("tariff: null"):], encoding="utf-8")
    return folder


FUND_H139 = HEAD.replace("start: 2027-01", "start: 2027-03") + MEDIDO + \
    "funding:\n  - code: H139\n    clients: 3\n    hours_per_month: 2\n"


def test_tariff_only_for_another_year_is_an_input_problem(tmp_path):
    folder = tariffs_with_h139(tmp_path, {2024: "80.00"})
    path, result = estimate(tmp_path, FUND_H139, "--catalogue", str(folder))
    assert_problem(path, result, line_of(path, "- code: H139"), "funding[0]", "H139 has no tariff for 2027")
    assert "(it has 2024)" in result.stderr
    assert "unexpected error" not in result.stderr


def test_tariff_for_the_first_year_is_used(tmp_path):
    folder = tariffs_with_h139(tmp_path, {2026: "78.00", 2027: "80.00"})
    _, result = estimate(tmp_path, FUND_H139, "--catalogue", str(folder))
    assert result.exit_code == 0, result.stderr
    funding = json.loads(result.stdout)["funding"]
    assert funding and funding[0]["code"] == "H139"


def test_own_tariff_needs_no_tariff_in_the_file(tmp_path):
    folder = tariffs_with_h139(tmp_path, {2024: "80.00"})
    _, result = estimate(tmp_path, FUND_H139 + "    tariff: 75\n", "--catalogue", str(folder))
    assert result.exit_code == 0, result.stderr


# ---- the declaration and the loader agree ------------------------------------------------------

def test_describe_is_plain_data():
    described = fields.describe()
    assert json.loads(json.dumps(described)) == described
    names = [s["name"] for s in described]
    assert names == list(fields.SECTIONS) and len(names) == len(set(names))
    for s in described:
        assert s["fields"], s["name"]
        for f in s["fields"]:
            assert f["help"] and f["kind"], (s["name"], f["name"])
            if f["kind"] in ("section", "list"):
                # a list of sections, or of plain values (the case files of a portfolio)
                assert f["of"] in fields.SECTIONS or f["of"] == "text", (s["name"], f["name"])
            if f["kind"] == "choice":
                assert f["choices"], (s["name"], f["name"])
    assert {s["file"] for s in described} == {"case", "suppliers", "tariffs", "portfolio", "actuals"}


def test_every_section_is_reached_from_its_file():
    reached = set()

    def walk(name):
        if name in reached:
            return
        reached.add(name)
        for f in fields.SECTIONS[name].fields:
            for of in (f.of, f.also):
                if of in fields.SECTIONS:
                    walk(of)

    for root in fields.ROOTS.values():
        walk(root.name)
    walk("case.staff.role")  # reached through each role of case.staff
    assert reached == set(fields.SECTIONS)


ALL_CASE_FIELDS = """\
case: Every field
organisation: Zorggroep
description: Every field of the case file at least once.
start: 2027-01
years: 5
scenario: base
indexation: {prices: 3%, wages: 2.5%, tariffs: 2%}
vat: {recoverable: 0%}
staff:
  care_staff: {count: 60, rate: 45}
  key_user: {count: 6, rate: 50}
  project_lead: {count: 1, rate: 70}
  functional_admin: {count: 1, rate: 60}
  data_analyst: {count: 1, rate: 60}
  teams: 5
fx: {USD: 0.92}
parties: {ziekenhuis: Ziekenhuis Jeroen Bosch}
phases:
  - name: pilot
    months: 6
    gate:
      label: Go/no-go
      criteria:
        - {kpi: clients, min: 10, label: Cliënten in gebruik, unit: cliënten}
        - {kpi: tevredenheid, max: 3}
  - {name: rest, months: 54}
deployments:
  - product: medido
    label: Medido
    party: {ziekenhuis: 50%, care_organisation: 50%}
    clients: [20, 40, 40, 40, 40]
    options: [zorgcentrale]
    prices: {huur: {amount: 58.00, vat: excl, source: "Offerte Vitavanti 2026-09-30", price_year: 2026}}
    quantities: {}
    vat_rates: {}
    index_cap: 2%
    contract: {term: 5, min_clients: 10, exit_year: 5}
    staff:
      care_staff: {count: 12}
      key_user: {count: 2}
      project_lead: {count: 1}
      functional_admin: {count: 1}
      data_analyst: {count: 0}
      teams: 2
    assets: {installatie: {lifetime: 3, residual: 0}}
    items:
      - {id: ecd, label: ECD-koppeling, basis: organisation, timing: one_off, category: one_off, amount: 4500,
         lifetime: 5, residual: 0, party: care_organisation,
         source: "Offerte Nedap 2026-10-14"}
      - {id: pakket, label: Pilotpakket, basis: organisation, timing: one_off, category: one_off, amount: 1000,
         phase: pilot, source: "Offerte Nedap 2026-10-14"}
    time:
      - {id: uitleg, label: Uitleg, role: care_staff, per: new_client, hours: 1, category: internal,
         source: eigen schatting, phase: [pilot, rest]}
  - product: mobilea
    clients: 10
    count_time: {technische-implementatie-duur: functional_admin}
    hours_per_day: 8
    hours_per_day_part: 4
products:
  - id: eigen-robot
    name: Eigen robot
    supplier: Leverancier X
    need: eigen_behoefte
    category: Zorgrobot
    innovation: "9.9"
    source: "Offerte X 2026-10-01"
    price_year: 2026
    family: eigen
    note: vrij
    choices:
      - {id: model, label: Model, options: [klein, groot], default: klein, required: false}
    items:
      - {id: huur-klein, label: Huur klein, written: "38 tot 42 euro", low: 38, high: 42, approx: false,
         bound: max, ref: C99, currency: EUR, vat: excl, vat_rate: 21%, basis: unit, timing: monthly,
         category: recurring, options: [klein], source: Offerte X, note: vrij, ambiguous: false, from_year: 1,
         price_year: 2026}
      - id: huur-groot
        label: Huur groot
        basis: unit
        timing: monthly
        category: recurring
        options: [groot]
        tier_on: units
        tiers:
          - {written: "45 euro", amount: 45, min_units: 10, min_years: 1, ref: C98, source: Offerte X,
             label: vanaf 10}
          - {low: 48, high: 52, approx: true, bound: max}
        source: Offerte X
      - {id: pads, label: Pads, basis: pack, timing: yearly, category: recurring, quantity: 10,
         packs: [{size: 10, amount: 20, written: "20 euro"}, {size: 50, low: 80, high: 90, approx: true,
         bound: min}], source: Offerte X}
      - {id: inbegrepen, label: Service, basis: organisation, timing: one_off, category: one_off,
         included: true, source: Offerte X}
      - {id: training, label: Training, basis: role, role: care_staff, timing: one_off, category: training,
         amount: 50, source: Offerte X}
    time:
      - id: inwerken
        label: Inwerken
        written: "2 uur per week, 4 weken"
        role: key_user
        per: head
        phases:
          - {hours_per_week: 2, weeks: 4}
          - {hours_per_week_low: 1, hours_per_week_high: 2, months: 1}
        category: training
        options: [groot]
        source: eigen schatting
        note: vrij
        ambiguous: false
      - {id: steun, label: Steun, role: care_staff, per: client, hours_low: 0.5, hours_high: 1, approx: false,
         category: internal, source: eigen schatting}
funding:
  - {code: H139, label: MPT, clients: 20, hours_per_month: 1.5, tariff: 80.00}
  - {code: VPT, label: VPT, clients: 10, day_rate: 165.00, technology_share: 2%}
  - {code: subsidy, label: SET, amount: 25000, year: 1, party: gemeente, scheme: set-2022, months: 24,
     rules: {share: 50%, min: 1000, max: 30000, eligible: [one_off, training], device_share_max: 30%, months: 36},
     phase: pilot}
  - {code: "1062", deployment: 1, hours_per_month: 1, tariff: 60.00, party: health_insurer,
     baseline_hours_per_month: 10}
benefits:
  - {label: Tijd, kind: time, deployment: 1, per: day, minutes: 10, role: care_staff, realisation: 50%,
     cashable: false, clients: 10, source: x, vendor_claim: true}
  - {label: Tijd, kind: time, deployment: 1, per: week, hours: 1, role: care_staff, evidence: pilot_measurement}
  - {label: Kosten, kind: avoided_cost, deployment: 1, per: month, amount: 5, party: health_insurer,
     phase: [pilot, rest]}
discount_rate: 2.25%
hours_per_fte: 1500
catalogue_prices: indexed
catalogue_index: {2026: 2.1%}
interest_rate: 4%
"""


def test_every_declared_case_field_is_accepted(tmp_path):
    used = set()

    def collect(value, sec):
        for key, v in value.items():
            used.add((sec.name, key))
            f = sec[key]
            if f.kind == "section" and isinstance(v, dict):
                collect(v, fields.SECTIONS[f.of])
            if f.kind == "list":
                for entry in v:
                    collect(entry, fields.SECTIONS[f.of])
            if f.kind == "map" and f.also:
                for entry in v.values():
                    if isinstance(entry, dict):
                        collect(entry, fields.SECTIONS[f.also])
            if f.kind == "map" and f.of in fields.SECTIONS:
                for entry in v.values():
                    collect(entry, fields.SECTIONS[f.of])

    import yaml
    collect(yaml.safe_load(ALL_CASE_FIELDS), fields.CASE)
    declared = {(s.name, f.name) for s in fields.SECTIONS.values() if s.file == "case" for f in s.fields}
    assert used == declared
    path = tmp_path / "case.yaml"
    path.write_text(ALL_CASE_FIELDS, encoding="utf-8")
    catalogue, tariffs = load_catalogues()
    case = load_case(path, catalogue, tariffs)
    assert case.hours_per_fte == 1500 and len(case.funding) == 4 and case.funding[3].deployment == 0 and len(case.benefits) == 3
    assert [p.id for p in case.products] == ["eigen-robot", "medido"]
    assert case.deployments[0].own == ("ecd", "pakket", "uitleg") and case.deployments[0].quotes["huur"].vat == "excl"


@pytest.mark.parametrize("sec", [s for s in fields.SECTIONS.values() if s.file == "case"], ids=lambda s: s.name)
def test_an_undeclared_key_is_rejected_in_every_case_section(tmp_path, sec):
    """Each section of the case file, given one key it does not declare."""
    import yaml
    data = yaml.safe_load(ALL_CASE_FIELDS)
    target = {
        "case": data, "case.indexation": data["indexation"], "case.vat": data["vat"], "case.staff": data["staff"],
        "case.staff.role": data["staff"]["care_staff"], "case.fx": data["fx"],
        "case.deployment": data["deployments"][0], "case.deployment.contract": data["deployments"][0]["contract"],
        "case.deployment.asset": data["deployments"][0]["assets"]["installatie"],
        "case.deployment.staff": data["deployments"][0]["staff"],
        "case.deployment.staff.role": data["deployments"][0]["staff"]["care_staff"],
        "case.funding": data["funding"][2], "case.funding.rules": data["funding"][2]["rules"],
        "case.benefit": data["benefits"][2],
        "case.quote": data["deployments"][0]["prices"]["huur"], "case.product": data["products"][0],
        "case.item": data["products"][0]["items"][0], "case.time": data["products"][0]["time"][0],
        "case.tier": data["products"][0]["items"][1]["tiers"][0],
        "case.pack": data["products"][0]["items"][2]["packs"][0],
        "case.phase": data["products"][0]["time"][0]["phases"][0], "case.choice": data["products"][0]["choices"][0],
        "case.route_phase": data["phases"][0], "case.gate": data["phases"][0]["gate"],
        "case.gate.criterion": data["phases"][0]["gate"]["criteria"][0],
    }[sec.name]
    target["zzz_undeclared"] = 1
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = runner.invoke(app, ["estimate", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert "zzz_undeclared: " in result.stderr
    assert ("unknown field" in result.stderr) or ("does not apply" in result.stderr)


def test_loader_takes_its_allowed_keys_from_the_declaration(monkeypatch):
    """Every mapping the loader checks is checked against a declared section, and the bundled
    catalogues and the examples reach every section of their files."""
    seen: list[tuple] = []
    original = Reader.mapping

    def spy(self, value, path, allowed, required=()):
        seen.append((tuple(allowed), tuple(required)))
        return original(self, value, path, allowed, required)

    monkeypatch.setattr(Reader, "mapping", spy)
    monkeypatch.setenv("BCALC_CACHE", "off")  # read the files, not a load kept from an earlier run
    catalogue, tariffs = load_catalogues()
    for example in sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        load_case(example, catalogue, tariffs)
    from bcalc.portfolio_loader import gather

    gather([ROOT / "examples" / "portefeuille" / "portefeuille.yaml"])   # the bundled portfolio file reaches its sections
    from bcalc.actuals_loader import load_actuals
    from bcalc.core.monthly import monthly_plan

    pilot = load_case(ROOT / "examples" / "medicijndispensers.yaml", catalogue, tariffs)
    load_actuals(ROOT / "examples" / "actuals" / "medicijndispensers-pilot.yaml",   # and the actuals file its own
                 monthly_plan(pilot, catalogue, tariffs), tariffs)
    linked = load_case(ROOT / "tests" / "cases" / "linked-funding.yaml", catalogue, tariffs)
    load_actuals(ROOT / "tests" / "actuals" / "linked-funding.yaml", monthly_plan(linked, catalogue, tariffs), tariffs)
    by_keys = {(s.names, s.required): s.name for s in fields.SECTIONS.values()}
    unknown = {keys for keys in seen if keys not in by_keys}
    assert not unknown
    reached = {by_keys[keys] for keys in seen}
    never = {s.name for s in fields.SECTIONS.values() if s.file != "case"} - reached
    assert not never, never


def test_every_key_in_the_bundled_files_is_declared():
    import yaml

    def walk(value, sec, where):
        assert isinstance(value, dict), where
        for key, v in value.items():
            assert key in sec.names, f"{where}.{key} is not declared in {sec.name}"
            f = sec[key]
            if f.kind == "section" and isinstance(v, dict):
                walk(v, fields.SECTIONS[f.of], f"{where}.{key}")
            elif f.kind == "list":
                for i, entry in enumerate(v or []):
                    walk(entry, fields.SECTIONS[f.of], f"{where}.{key}[{i}]")
            elif f.kind == "map" and f.of in fields.SECTIONS:
                for k, entry in v.items():
                    walk(entry, fields.SECTIONS[f.of], f"{where}.{key}.{k}")
            elif f.kind == "rate" and isinstance(v, dict):
                walk(v, fields.SECTIONS[f.of], f"{where}.{key}")

    walk(yaml.safe_load((DATA / "suppliers.yaml").read_text(encoding="utf-8")), fields.SUPPLIERS, "suppliers")
    walk(yaml.safe_load((DATA / "tariffs.yaml").read_text(encoding="utf-8")), fields.TARIFFS, "tariffs")
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        walk(yaml.safe_load(example.read_text(encoding="utf-8")), fields.CASE, example.name)


def test_checks_are_plain_functions():
    assert CASE_CHECKS and all(callable(c) and c.__name__.startswith("check_") for c in CASE_CHECKS)


# ---- the reference page ------------------------------------------------------------------------

def test_case_file_reference_is_written_from_the_declaration():
    page = (ROOT / "docs" / "case-file.md").read_text(encoding="utf-8")
    assert page == fields.case_file_markdown(), "docs/case-file.md is stale: run python -m bcalc.fields"


def test_case_file_reference_lists_every_case_field():
    page = fields.case_file_markdown()
    for s in fields.SECTIONS.values():
        if s.file == "case":
            assert f"## {s.title}" in page
            for f in s.fields:
                assert f"| `{f.name}` |" in page, (s.name, f.name)
