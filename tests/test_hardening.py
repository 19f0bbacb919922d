"""Mistakes in a case file or a catalogue are refused at load time as ``FILE:LINE: field: message``
with exit code 2, never an unexpected error (exit 1) later on and never a silent wrong figure.

Empty values, control characters, absurd numbers, non-ASCII digits in years, indexation below
-100 %, VAT rates a case would refuse, the numbering of --deployment, where in the file a raw
control character or a byte that is not UTF-8 stands, and every mistake next to a duplicate key.
"""

from __future__ import annotations

import copy
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from conftest import line_of
import yaml
from typer.testing import CliRunner

from bcalc import fields
from bcalc.cli import app
from bcalc.errors import InputError
from bcalc.loader import load_catalogues

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
EXAMPLE = ROOT / "examples" / "medicijndispensers.yaml"
runner = CliRunner()
LINE_RE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<rest>.*)$")

STAFF = """\
staff:
  care_staff: {count: 60, rate: 40}
  key_user: {count: 6, rate: 50}
  project_lead: {count: 1, rate: 60}
  functional_admin: {count: 1, rate: 60}
  data_analyst: {count: 1, rate: 60}
  teams: 5
fx: {USD: 0.92}
"""
HEAD = "case: T\nstart: 2027-01\nyears: 2\n" + STAFF
MEDIDO = "deployments:\n  - product: medido\n    clients: 5\n"


def invoke(*args: str):
    """bcalc in English: the fragments these tests look for are the messages' English source text."""
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200", "BCALC_LANG": "en"})


def write(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path



def assert_input_error(result, files: set[str]) -> None:
    """Exit 2, nothing on stdout, and every line of stderr names one of ``files`` and a line in it."""
    report = f"exit {result.exit_code}\n--- stderr\n{result.stderr}--- stdout\n{result.stdout}"
    assert result.exit_code == 2, report
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr, report
    assert result.stdout == "", report
    lines = result.stderr.splitlines()
    assert lines, report
    for ln in lines:
        match = LINE_RE.match(ln)
        assert match and match.group("file") in files, f"not FILE:LINE: {ln!r}\n{report}"
        length = len(Path(match.group("file")).read_bytes().splitlines())
        assert 1 <= int(match.group("line")) <= length, f"line outside the file: {ln!r}"


def assert_problem(result, path: Path, line: int, field: str, fragment: str) -> None:
    assert_input_error(result, {str(path)})
    prefix = f"{path}:{line}: {field}: "
    hits = [ln for ln in result.stderr.splitlines() if ln.startswith(prefix)]
    assert hits and any(fragment in h for h in hits), f"no {prefix}...{fragment}...\n{result.stderr}"


def catalogue_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "catalogue"
    shutil.copytree(DATA, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def validate(folder: Path):
    return invoke("catalogue", "validate", folder)


# ---- 1. a key present but empty --------------------------------------------------------------------

EMPTY_CASES = [
    ("staff-role", HEAD.replace("care_staff: {count: 60, rate: 40}", "care_staff:") + MEDIDO, "care_staff:",
     "staff.care_staff"),
    ("product", HEAD + 'deployments:\n  - product: ""\n    clients: 5\n', 'product: ""', "deployments[0].product"),
    ("minutes", HEAD + MEDIDO + "benefits:\n  - {label: x, kind: time, per: day, minutes: , role: care_staff}\n",
     "minutes", "benefits[0].minutes"),
    ("amount", HEAD + MEDIDO + "benefits:\n  - {label: x, kind: avoided_cost, per: day, amount: }\n",
     "amount", "benefits[0].amount"),
    ("fx", HEAD.replace("fx: {USD: 0.92}", "fx: {USD: }") + MEDIDO, "USD", "fx.USD"),
    ("hours-per-month", HEAD + MEDIDO + "funding:\n  - {code: H139, clients: 3, hours_per_month: , tariff: 80}\n",
     "H139", "funding[0].hours_per_month"),
    ("tariff", HEAD + MEDIDO + "funding:\n  - {code: H139, clients: 3, hours_per_month: 2, tariff: }\n",
     "H139", "funding[0].tariff"),
    ("day-rate", HEAD + MEDIDO + "funding:\n  - {code: VPT, clients: 3, day_rate: , technology_share: 2%}\n",
     "VPT", "funding[0].day_rate"),
    ("subsidy-amount", HEAD + MEDIDO + "funding:\n  - {code: subsidy, amount: , year: 1}\n", "subsidy",
     "funding[0].amount"),
    ("subsidy-year", HEAD + MEDIDO + "funding:\n  - {code: subsidy, amount: 100, year: }\n", "subsidy",
     "funding[0].year"),
]


@pytest.mark.parametrize("text,fragment,field", [c[1:] for c in EMPTY_CASES], ids=[c[0] for c in EMPTY_CASES])
def test_the_empty_values_of_the_issue_are_input_problems(tmp_path, text, fragment, field):
    path = write(tmp_path, text)
    assert_problem(invoke("estimate", path), path, line_of(path, fragment), field, "must not be empty")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def test_an_empty_benefit_deployment_with_several_deployments_is_not_read_as_the_first(tmp_path):
    text = HEAD + MEDIDO + "  - product: vivago\n    clients: 5\n" + \
        "benefits:\n  - {label: x, kind: avoided_cost, per: day, amount: 1, deployment: }\n"
    path = write(tmp_path, text)
    assert_problem(invoke("estimate", path), path, line_of(path, "label: x"), "benefits[0]",
                   "say whose clients it follows")


def _paths(value, path=()):
    if isinstance(value, dict):
        for key, v in value.items():
            yield path + (key,)
            yield from _paths(v, path + (key,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield path + (i,)
            yield from _paths(v, path + (i,))


def _set(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def test_every_case_field_left_empty_is_refused_or_means_not_given(tmp_path):
    """The class, not the instances: each value of a case that uses every field, left empty in turn
    (``key:``, and ``key: ""`` for text), either loads and computes or is an input problem at its line."""
    from bcalc.core import estimate
    from bcalc.loader import load_case
    from bcalc.render import jsonout
    from tests.test_fields import ALL_CASE_FIELDS

    catalogue, tariffs = load_catalogues()
    base = yaml.safe_load(ALL_CASE_FIELDS)
    path = tmp_path / "case.yaml"
    for where in list(_paths(base)):
        written = base
        for part in where:
            written = written[part]
        for empty in (None, "") if isinstance(written, str) else (None,):
            data = copy.deepcopy(base)
            _set(data, where, empty)
            path.write_text(yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True), encoding="utf-8")
            try:
                case = load_case(path, catalogue, tariffs)
            except InputError as exc:
                assert exc.problems and all(p.file == str(path) and p.line for p in exc.problems), (where, exc)
                continue
            jsonout.render(estimate(case, catalogue, tariffs))


def _occurrences(data, sec: fields.Section, path=()):
    """(section, path) of every mapping of the bundled file, with the section that declares it."""
    yield sec, path
    for key, value in (data or {}).items():
        if key not in sec.names:
            continue
        f = sec[key]
        if f.kind == "section" and isinstance(value, dict):
            yield from _occurrences(value, fields.SECTIONS[f.of], path + (key,))
        elif f.kind == "list" and isinstance(value, list):
            for i, entry in enumerate(value):
                if isinstance(entry, dict):
                    yield from _occurrences(entry, fields.SECTIONS[f.of], path + (key, i))
        elif f.kind == "map" and f.of in fields.SECTIONS and isinstance(value, dict):
            for k, entry in value.items():
                yield from _occurrences(entry, fields.SECTIONS[f.of], path + (key, k))
        elif f.kind == "rate" and isinstance(value, dict):
            yield from _occurrences(value, fields.SECTIONS[f.of], path + (key,))


def _case_for(product) -> str:
    options = []
    for choice in product.choices:
        if choice.default is None and choice.required:
            options.append(choice.options[0])
    return (HEAD.replace("years: 2", "years: 3") + f"deployments:\n  - product: {product.id}\n"
            f"    clients: [5, 8, 3]\n    options: {options}\n")


def test_every_catalogue_field_left_empty_is_refused_or_means_not_given(tmp_path):
    """Each declared field of the catalogue, at its first place in the bundled files, left empty: the
    catalogue is refused at that line, or it loads and a case using the product computes."""
    from bcalc.core import estimate
    from bcalc.loader import load_case
    from bcalc.render import jsonout

    folder = catalogue_copy(tmp_path)
    case = tmp_path / "case.yaml"
    for name, root in (("suppliers.yaml", fields.SUPPLIERS), ("tariffs.yaml", fields.TARIFFS)):
        original = (DATA / name).read_text(encoding="utf-8")
        data = yaml.load(original, Loader=_LOADER)
        seen: set[tuple[str, str]] = set()
        for sec, where in _occurrences(data, root):
            mapping = data
            for part in where:
                mapping = mapping[part]
            for key in mapping:
                if (sec.name, key) in seen:
                    continue
                seen.add((sec.name, key))
                changed = copy.deepcopy(data)
                _set(changed, where + (key,), None)
                (folder / name).write_text(yaml.dump(changed, Dumper=_DUMPER, sort_keys=False, allow_unicode=True),
                                           encoding="utf-8")
                try:
                    catalogue, tariffs = load_catalogues(folder)
                except InputError as exc:
                    assert all(p.line for p in exc.problems), (name, where, key, exc)
                    continue
                in_product = name == "suppliers.yaml" and where[:1] == ("products",) and len(where) > 1
                product = catalogue.products[data["products"][where[1]]["id"] if in_product else "medido"]
                case.write_text(_case_for(product), encoding="utf-8")
                try:
                    loaded = load_case(case, catalogue, tariffs)
                except InputError as exc:
                    assert all(p.line for p in exc.problems), (name, where, key, exc)
                    continue
                jsonout.render(estimate(loaded, catalogue, tariffs))
        (folder / name).write_text(original, encoding="utf-8")


def test_a_counted_time_line_with_an_empty_role_is_refused(tmp_path):
    folder = catalogue_copy(tmp_path)
    path = folder / "suppliers.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("role: project_lead", text.index("time:"))
    path.write_text(text[:at] + "role:" + text[at + len("role: project_lead"):], encoding="utf-8")
    result = validate(folder)
    assert_input_error(result, {f"{folder}/suppliers.yaml", f"{folder}/tariffs.yaml"})
    assert "counted time needs a role" in result.stderr


# ---- 2. control characters in text ----------------------------------------------------------------

def test_a_control_character_in_case_text_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, HEAD.replace("case: T", 'case: T\norganisation: "Zorg\\x07groep"') + MEDIDO)
    result = invoke("estimate", path)
    assert_problem(result, path, line_of(path, "organisation"), "organisation", "control character")
    assert "\x07" not in result.stderr


@pytest.mark.parametrize("char", ["\\x07", "\\0", "\\e", "\\x1b[2J", "\\x85", "\\x7f", "\\r"])
def test_every_control_character_in_a_label_is_refused(tmp_path, char):
    path = write(tmp_path, HEAD + f'deployments:\n  - product: medido\n    clients: 5\n    label: "a{char}b"\n')
    assert_problem(invoke("estimate", path), path, line_of(path, "label:"), "deployments[0].label",
                   "control character")


def test_a_control_character_in_a_key_is_reported_and_the_key_read_without_it(tmp_path):
    path = write(tmp_path, HEAD.replace("years: 2", '"ye\\x07ars": 2') + MEDIDO)
    result = invoke("estimate", path)
    assert_input_error(result, {str(path)})
    assert result.stderr == f"{path}:3: a key holds the control character U+0007\n", result.stderr


def test_tab_and_newline_in_multi_line_text_are_kept(tmp_path):
    text = HEAD + 'description: "kolom\\tkolom\\nregel twee"\n' + MEDIDO + \
        "benefits:\n  - label: x\n    kind: avoided_cost\n    per: month\n    amount: 5\n" \
        "    source: |\n      eerste regel\n      tweede\tregel\n"
    path = write(tmp_path, text)
    result = invoke("estimate", path, "--format", "json")
    assert result.exit_code == 0, result.stderr


def test_a_control_character_in_catalogue_text_is_refused(tmp_path):
    folder = catalogue_copy(tmp_path)
    edit(folder / "suppliers.yaml", "label: Maandelijkse huur", 'label: "Maandelijkse\\x07 huur"')
    result = validate(folder)
    shown = f"{folder}/suppliers.yaml"
    assert_input_error(result, {shown, f"{folder}/tariffs.yaml"})
    line = line_of(folder / "suppliers.yaml", "Maandelijkse\\x07")
    assert re.search(rf"^{re.escape(shown)}:{line}: products\[\d+\]\.items\[\d+\]\.label: .*control character",
                     result.stderr, re.M), result.stderr


def test_report_of_a_case_with_a_control_character_writes_nothing(tmp_path):
    path = write(tmp_path, HEAD.replace("case: T", 'case: "T\\x07"') + MEDIDO)
    target = tmp_path / "out.xlsx"
    result = invoke("report", path, "--xlsx", target)
    assert_problem(result, path, 1, "case", "control character")
    assert not target.exists()


# ---- 3. absurd numbers ------------------------------------------------------------------------------

def test_hours_per_fte_far_below_an_hour_is_refused(tmp_path):
    path = write(tmp_path, HEAD + MEDIDO + "hours_per_fte: 1e-30\n")
    assert_problem(invoke("estimate", path), path, line_of(path, "hours_per_fte"), "hours_per_fte",
                   "must be at least 1")


def test_hours_per_fte_above_the_hours_of_a_year_is_refused(tmp_path):
    path = write(tmp_path, HEAD + MEDIDO + "hours_per_fte: 10000\n")
    assert_problem(invoke("estimate", path), path, line_of(path, "hours_per_fte"), "hours_per_fte",
                   "must be at most 8784")


@pytest.mark.parametrize("spec,fragment", [
    ("deployments[0].clients=1e400:1e401", "must be at most 1000000"),
    ("deployments[0].prices.huur=1:1e30", "must be at most"),
    ("benefits[0].minutes=5:1e12", "must be at most"),
])
def test_vary_values_have_the_bounds_of_the_case_field(tmp_path, spec, fragment):
    path = write(tmp_path, HEAD + MEDIDO + "benefits:\n  - {label: x, kind: time, per: day, minutes: 5, "
                                           "role: care_staff}\n")
    result = invoke("simulate", path, "--draws", "50", "--vary", spec)
    assert result.exit_code == 2, result.stderr
    assert "unexpected error" not in result.stderr
    assert "--vary" in result.stderr and fragment in result.stderr, result.stderr


def test_clients_above_the_bound_are_refused_in_the_case_file(tmp_path):
    path = write(tmp_path, HEAD + "deployments:\n  - product: medido\n    clients: [5, 10000001]\n")
    assert_problem(invoke("estimate", path), path, line_of(path, "clients:"), "deployments[0].clients[1]",
                   "must be at most 1000000, got 10000001")


def test_a_catalogue_wage_rate_of_999999_percent_is_refused(tmp_path):
    folder = catalogue_copy(tmp_path)
    edit(folder / "tariffs.yaml", "    wages: 6.56%", "    wages: 999999%")
    result = validate(folder)
    tariffs = folder / "tariffs.yaml"
    assert_problem(result, tariffs, line_of(tariffs, "999999%"), "indexation.high.wages", "must be at most 100%")
    case = write(tmp_path, HEAD.replace("years: 2", "years: 15") + MEDIDO +
                 "benefits:\n  - {label: x, kind: time, per: day, minutes: 10, role: care_staff}\n")
    result = invoke("estimate", case, "--catalogue", folder, "--scenario", "high")
    assert_input_error(result, {str(tariffs), f"{folder}/suppliers.yaml"})


def test_every_figure_at_its_bound_at_once_still_computes(tmp_path):
    """Bounds are chosen so that the arithmetic never runs out of digits: a 15-year case with every
    count, price, rate and hour at the largest value its field accepts computes in every command."""
    dep, fund, ben, staff = fields.CASE_DEPLOYMENT, fields.CASE_FUNDING, fields.CASE_BENEFIT, fields.CASE_STAFF_ROLE
    count, rate = staff["count"].maximum, staff["rate"].maximum
    clients, price, quantity = dep["clients"].maximum, dep["prices"].maximum, dep["quantities"].maximum
    text = f"""\
    case: Every bound
    start: 2027-07
    years: 15
    indexation: {{prices: 100%, wages: 100%, tariffs: 100%}}
    staff:
      care_staff: {{count: {count}, rate: {rate}}}
      key_user: {{count: {count}, rate: {rate}}}
      project_lead: {{count: {count}, rate: {rate}}}
      functional_admin: {{count: {count}, rate: {rate}}}
      data_analyst: {{count: {count}, rate: {rate}}}
      teams: {fields.CASE_STAFF['teams'].maximum}
    fx: {{USD: {fields.CASE_FX['USD'].maximum}}}
    deployments:
      - product: medido
        clients: {clients}
        options: [zorgcentrale]
        prices: {{huur: {price}, zorgcentrale: {price}}}
      - product: tessa
        clients: {clients}
        options: [introductie, plug-and-play]
        prices: {{aanschaf: {price}}}
      - product: abena-nova
        clients: {clients}
        quantities: {{telefoon: {quantity}}}
      - product: vivago
        clients: {clients}
        vat_rates: {{aanschaf: 9%}}
    funding:
      - {{code: H139, clients: {fund['clients'].maximum}, hours_per_month: {fund['hours_per_month'].maximum},
         tariff: {fund['tariff'].maximum}}}
      - {{code: VPT, clients: {fund['clients'].maximum}, day_rate: {fund['day_rate'].maximum}, technology_share: 100%}}
      - {{code: subsidy, amount: {fund['amount'].maximum}, year: 15}}
    benefits:
      - {{label: a, kind: time, deployment: 1, per: day, minutes: {ben['minutes'].maximum}, role: care_staff}}
      - {{label: b, kind: time, deployment: 1, per: year, hours: {ben['hours'].maximum}, role: care_staff}}
      - {{label: c, kind: avoided_cost, deployment: 1, per: day, amount: {ben['amount'].maximum},
         clients: {ben['clients'].maximum}}}
    discount_rate: 100%
    hours_per_fte: {fields.CASE['hours_per_fte'].minimum}
    """
    path = write(tmp_path, text)
    for args in (("estimate",), ("estimate", "--format", "json"), ("estimate", "--format", "markdown"),
                 ("estimate", "--format", "csv"), ("scenarios",), ("sensitivity",), ("compare",),
                 ("simulate", "--draws", "100", "--vary", f"deployments[0].clients=1:{clients}")):
        cmd, *rest = args
        extra = ("--deployment", "1") if cmd == "compare" else ()
        result = invoke(cmd, path, *rest, *extra)
        assert result.exit_code == 0, (args, result.stderr[-2000:])


def test_every_catalogue_figure_at_its_bound_still_computes(tmp_path):
    """Every price, hour and quantity of the catalogue at its declared maximum, every product deployed
    for the largest number of clients with every option, staff and exchange rate at their bounds."""
    folder = catalogue_copy(tmp_path)
    suppliers = folder / "suppliers.yaml"
    text = suppliers.read_text(encoding="utf-8")
    for sec, keys in ((fields.ITEM, ("amount", "low", "high", "quantity")),
                      (fields.TIME, ("hours", "hours_low", "hours_high")),
                      (fields.PHASE, ("hours_per_week", "hours_per_week_low", "hours_per_week_high", "weeks", "months"))):
        for key in keys:
            text = re.sub(rf"^(\s+(?:- )?{key}): [0-9.]+$", rf"\g<1>: {sec[key].maximum}", text, flags=re.M)
            text = re.sub(rf"([{{,]\s*{key}): [0-9.]+(?=[,}}])", rf"\g<1>: {sec[key].maximum}", text)
    suppliers.write_text(text, encoding="utf-8")
    catalogue, _ = load_catalogues(folder)
    assert str(catalogue.products["medido"].item("huur").price.amount) == fields.ITEM["amount"].maximum
    medido = catalogue.products["medido"]
    assert str(medido.time[0].hours.amount) == fields.TIME["hours"].maximum
    assert medido.time[1].phases[0].hours_per_week.amount == fields.PHASE["hours_per_week"].maximum
    staff, most = fields.CASE_STAFF_ROLE, fields.CASE_DEPLOYMENT["clients"].maximum
    lines = ["case: Every catalogue bound", "start: 2027-07", "years: 15",
             "indexation: {prices: 100%, wages: 100%, tariffs: 100%}", "staff:"]
    lines += [f"  {role}: {{count: {staff['count'].maximum}, rate: {staff['rate'].maximum}}}" for role in fields.ROLES]
    lines += [f"  teams: {fields.CASE_STAFF['teams'].maximum}", f"fx: {{USD: {fields.CASE_FX['USD'].maximum}}}",
              "deployments:"]
    for product in catalogue.products.values():
        exclusive = {o for c in product.choices for o in c.options}
        options = sorted(product.option_names - exclusive) + [c.options[0] for c in product.choices if c.required
                                                               and c.default is None]
        lines += [f"  - product: {product.id}", f"    clients: {most}", f"    options: {options}"]
    case = write(tmp_path, "\n".join(lines) + "\n")
    for args in (("estimate", "--format", "json"), ("scenarios",)):
        result = invoke(args[0], case, "--catalogue", folder, *args[1:])
        assert result.exit_code == 0, (args, result.stderr[-2000:])


# ---- 4. a year key written with a digit that is not ASCII -----------------------------------------

@pytest.mark.parametrize("old,new,field", [
    ("by_year: {2024: 4.62%, 2025: 2.41%}", 'by_year: {2024: 4.62%, "2027²": 2.41%}',
     "indexation.base.prices.by_year.2027²"),
    ("by_year: {2024: 4.62%, 2025: 2.41%}", 'by_year: {2024: 4.62%, "２０２７": 2.41%}',
     "indexation.base.prices.by_year.２０２７"),
])
def test_a_year_key_with_a_non_ascii_digit_is_refused(tmp_path, old, new, field):
    folder = catalogue_copy(tmp_path)
    edit(folder / "tariffs.yaml", old, new)
    tariffs = folder / "tariffs.yaml"
    for result in (validate(folder), invoke("estimate", EXAMPLE, "--catalogue", folder),
                   invoke("funding", "list", "--catalogue", folder)):
        assert_problem(result, tariffs, line_of(tariffs, new[:20]), field, "is not a calendar year")


def test_a_funding_tariff_year_with_a_superscript_digit_is_refused(tmp_path):
    folder = catalogue_copy(tmp_path)
    tariffs = folder / "tariffs.yaml"
    text = tariffs.read_text(encoding="utf-8")
    at = text.index("tariff: null", text.index("  - code: H139"))
    tariffs.write_text(text[:at] + 'tariff: {"2027²": 80.00}' + text[at + len("tariff: null"):], encoding="utf-8")
    assert_problem(validate(folder), tariffs, line_of(tariffs, "2027²"), "funding[1].tariff.2027²",
                   "is not a calendar year")


# ---- 10. indexation below -100 % -----------------------------------------------------------------

def test_case_indexation_below_minus_100_percent_is_refused(tmp_path):
    path = write(tmp_path, HEAD + "indexation: {prices: -150%, wages: -100%}\n" + MEDIDO)
    result = invoke("estimate", path)
    assert_problem(result, path, line_of(path, "indexation"), "indexation.prices", "must be at least -100%")
    assert "indexation.wages" not in result.stderr


def test_scenario_indexation_below_minus_100_percent_is_refused(tmp_path):
    folder = catalogue_copy(tmp_path)
    tariffs = folder / "tariffs.yaml"
    edit(tariffs, "    prices: 4.62%", "    prices: -150%")
    edit(tariffs, "by_year: {2024: 6.56%, 2025: 5.23%}", "by_year: {2024: -2, 2025: 5.23%}")
    result = validate(folder)
    assert_problem(result, tariffs, line_of(tariffs, "-150%"), "indexation.high.prices", "must be at least -100%")
    assert_problem(result, tariffs, line_of(tariffs, "2024: -2,"), "indexation.base.wages.by_year.2024",
                   "must be at least -100%")


@pytest.mark.parametrize("spec", ["indexation.prices=-150%:0%", "indexation.wages=-100%:3%"])
def test_vary_indexation_below_minus_100_percent_is_refused(tmp_path, spec):
    """A --vary rate moves every year's rate of the series; none may fall below -100 %. The base
    scenario's wages are 6.56 % in 2024 and 5.23 % after, so -100 % for the first year's 5.23 % is fine,
    but -150 % is not."""
    path = write(tmp_path, HEAD + MEDIDO)
    result = invoke("simulate", path, "--draws", "50", "--vary", spec)
    if spec.startswith("indexation.wages"):
        assert result.exit_code == 0, result.stderr
        return
    assert result.exit_code == 2, result.stderr
    assert "--vary" in result.stderr and "-100%" in result.stderr


def test_vary_indexation_that_moves_another_year_below_minus_100_percent_is_refused(tmp_path):
    """A varied rate moves every year's rate of the scenario by the same amount. A case starting in 2023
    under base indexes prices by 4.62 % in 2024 and 2.41 % after: -100 % for 2024 moves 2025 to -102.21 %."""
    path = write(tmp_path, HEAD.replace("start: 2027-01", "start: 2023-01").replace("years: 2", "years: 3") + MEDIDO)
    result = invoke("simulate", path, "--draws", "50", "--vary", "indexation.prices=-100%:5%")
    assert result.exit_code == 2, result.stderr
    assert "--vary" in result.stderr and "2025" in result.stderr and "-102.21%, below -100%" in result.stderr
    assert invoke("simulate", path, "--draws", "50", "--vary", "indexation.prices=-97%:5%").exit_code == 0


# ---- 11. catalogue validation agrees with what a case accepts ------------------------------------

@pytest.mark.parametrize("old,new,fragment,field", [
    ("  standard: 21%\n  rates:", "  standard: 150%\n  rates:", "must be at most 100%", "vat.standard"),
    ("  standard: 21%\n  rates:", "  standard: 19%\n  rates:", "is not one of the rates", "vat.standard"),
    ("  rates:\n    standard: 21%\n    reduced: 9%\n    zero: 0%\n", "  rates: [21%, 9%, 0%]\n",
     "expected a mapping", "vat.rates"),
    ("  rates:\n    standard: 21%\n    reduced: 9%\n    zero: 0%\n", "  rates: {}\n", "at least one rate",
     "vat.rates"),
    ("    reduced: 9%\n", "    reduced: 109%\n", "must be at most 100%", "vat.rates.reduced"),
])
def test_catalogue_vat_is_checked_like_a_case_would(tmp_path, old, new, fragment, field):
    folder = catalogue_copy(tmp_path)
    tariffs = folder / "tariffs.yaml"
    edit(tariffs, old, new)
    first = new.strip().splitlines()[0].strip()
    assert_problem(validate(folder), tariffs, line_of(tariffs, first), field, fragment)


def test_an_item_vat_rate_that_is_not_a_dutch_rate_is_refused_by_catalogue_validate(tmp_path):
    folder = catalogue_copy(tmp_path)
    suppliers = folder / "suppliers.yaml"
    edit(suppliers, "label: Maandelijkse huur", "label: Maandelijkse huur\n        vat_rate: 13%")
    result = validate(folder)
    assert_input_error(result, {str(suppliers), f"{folder}/tariffs.yaml"})
    line = line_of(suppliers, "vat_rate: 13%")
    assert re.search(rf":{line}: products\[\d+\]\.items\[\d+\]\.vat_rate: 13% is not a Dutch VAT rate \(21%, 9%, 0%\)",
                     result.stderr), result.stderr


def test_the_bundled_catalogue_still_validates():
    result = invoke("catalogue", "validate")
    assert result.exit_code == 0, result.stderr


# ---- 12. organisation of the wrong type ----------------------------------------------------------

@pytest.mark.parametrize("value,kind", [("[a, b]", "a list"), ("{a: 1}", "a mapping"), ("true", "true/false")])
def test_organisation_of_the_wrong_type_is_refused(tmp_path, value, kind):
    path = write(tmp_path, HEAD.replace("case: T", f"case: T\norganisation: {value}") + MEDIDO)
    assert_problem(invoke("estimate", path), path, 2, "organisation", f"expected text, got {kind}")


# ---- 13. --deployment counts from 1 ---------------------------------------------------------------

@pytest.mark.parametrize("number", ["0", "-1"])
def test_compare_deployment_0_is_refused(number):
    result = invoke("compare", EXAMPLE, "--deployment", number)
    assert result.exit_code == 2, result.stdout
    assert "--deployment" in result.stderr and "deployments are numbered from 1" in result.stderr


def test_compare_deployment_1_is_the_first():
    assert invoke("compare", EXAMPLE, "--deployment", "1").exit_code == 0


# ---- 22. where a raw control character or a byte that is not UTF-8 stands ------------------------

@pytest.mark.parametrize("char,name", [("\x07", "U+0007"), ("\x00", "U+0000"), ("\x1b", "U+001B")])
def test_a_raw_control_character_is_reported_with_line_and_column(tmp_path, char, name):
    path = tmp_path / "case.yaml"
    path.write_text(HEAD + f"organisation: Zorg{char}groep\n" + MEDIDO, encoding="utf-8")
    result = invoke("estimate", path)
    assert_input_error(result, {str(path)})
    line = HEAD.count("\n") + 1
    assert result.stderr.startswith(f"{path}:{line}: "), result.stderr
    assert f"column {len('organisation: Zorg') + 1}" in result.stderr and name in result.stderr, result.stderr
    assert "position" not in result.stderr and char not in result.stderr


def test_a_byte_that_is_not_utf8_is_reported_with_line_and_column(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_bytes((HEAD + "organisation: Caf\xe9 Noord\n" + MEDIDO).encode("latin-1"))
    result = invoke("estimate", path)
    assert_input_error(result, {str(path)})
    line = HEAD.count("\n") + 1
    assert result.stderr.startswith(f"{path}:{line}: not UTF-8 text"), result.stderr
    assert f"column {len('organisation: Caf') + 1}" in result.stderr, result.stderr


def test_a_byte_that_is_not_utf8_after_multibyte_text_counts_characters(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_bytes(HEAD.encode() + "organisation: cliënt ".encode() + b"\xff\n" + MEDIDO.encode())
    result = invoke("estimate", path)
    assert f"{path}:{HEAD.count(chr(10)) + 1}: " in result.stderr
    assert f"column {len('organisation: cliënt ') + 1}" in result.stderr, result.stderr


def test_a_byte_that_is_not_utf8_in_the_catalogue_names_its_line(tmp_path):
    folder = catalogue_copy(tmp_path)
    suppliers = folder / "suppliers.yaml"
    raw = suppliers.read_bytes().replace(b"label: Maandelijkse huur", b"label: Maandelijkse h\xe9ur", 1)
    suppliers.write_bytes(raw)
    line = raw[:raw.index(b"h\xe9ur")].count(b"\n") + 1
    result = validate(folder)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{suppliers}:{line}: not UTF-8 text"), result.stderr


# ---- 23. a duplicate key does not hide the other mistakes -----------------------------------------

def test_a_duplicate_key_and_the_other_mistakes_are_reported_at_once(tmp_path):
    text = HEAD.replace("years: 2", "years: 2\nyears: 3") + \
        "deployments:\n  - product: medido\n    clients: abc\n    clients: 4\n    label: ok\n" \
        "funding:\n  - {code: nope}\n"
    path = write(tmp_path, text)
    result = invoke("estimate", path)
    assert_problem(result, path, 4, "years", "duplicate key")
    assert_problem(result, path, line_of(path, "clients: abc"), "deployments[0].clients", "expected a whole number")
    assert_problem(result, path, line_of(path, "clients: 4"), "deployments[0].clients", "duplicate key")
    assert_problem(result, path, line_of(path, "code: nope"), "funding[0].code", "unknown funding code")


def test_a_duplicate_key_in_the_catalogue_and_its_other_mistakes(tmp_path):
    folder = catalogue_copy(tmp_path)
    suppliers = folder / "suppliers.yaml"
    edit(suppliers, "label: Maandelijkse huur", "label: Maandelijkse huur\n        label: Huur")
    edit(suppliers, "timing: monthly", "timing: maandelijks")
    result = validate(folder)
    assert "duplicate key" in result.stderr and "'maandelijks' is not one of" in result.stderr, result.stderr


@pytest.mark.parametrize("text, line", [
    ("case: Kort\nstart: 2027-01\nyears: 1\nscen", 4),              # no final newline
    ("case: Kort\nstart: 2027-01\nyears: [\n", 3),                  # a bracket left open at the end
    ("case: Kort\nstart: 2027-01\nstaff: {care_staff: {count:", 3),
])
def test_a_yaml_mistake_at_the_end_of_a_file_names_its_last_line(tmp_path, text, line):
    path = write(tmp_path, text)
    result = invoke("estimate", path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:{line}: not valid YAML"), result.stderr


# ---- found by the fuzzer (tests/test_fuzz.py), replayed -------------------------------------------

@pytest.mark.parametrize("written, shown", [
    ('"medido\\nmedido"', "medido\u240amedido"),
    ('"sensara\\u2028vivago"', "sensara\u2424vivago"),
    ("|\n      medido\n      tessa", "medido\u240atessa"),
])
def test_a_line_break_in_a_value_keeps_the_problem_on_one_line(tmp_path, written, shown):
    path = write(tmp_path, HEAD + f"deployments:\n  - product: {written}\n    clients: 5\n")
    result = invoke("estimate", path)
    assert_input_error(result, {str(path)})
    line = line_of(path, "product:")
    assert result.stderr == f"{path}:{line}: deployments[0].product: unknown product '{shown}'; " \
                            "see `bcalc catalogue list`\n", result.stderr


def test_a_line_break_in_a_key_keeps_the_problem_on_one_line(tmp_path):
    path = write(tmp_path, HEAD + MEDIDO + '"label\\nx": 1\n')
    result = invoke("estimate", path)
    assert_input_error(result, {str(path)})
    assert f"{path}:{line_of(path, 'label')}: label\u240ax: unknown field" in result.stderr, result.stderr


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"])
def test_lines_are_counted_as_an_editor_counts_them_past_a_unicode_line_separator(tmp_path, separator):
    """YAML also breaks lines at NEL, LS and PS; editors, grep and wc count line feeds only."""
    path = tmp_path / "case.yaml"
    path.write_text(HEAD.replace("case: T", f'case: "T{separator}U"') + "deployments:\n  - product: medidoo\n"
                    "    clients: 5\nyears: 3\n", encoding="utf-8")
    result = invoke("estimate", path)
    assert_input_error(result, {str(path)})
    lines = path.read_text(encoding="utf-8").split("\n")  # str.splitlines would split at them too
    assert f"{path}:{lines.index('  - product: medidoo') + 1}: deployments[0].product: unknown product" \
        in result.stderr, result.stderr
    assert f"{path}:{lines.index('years: 3') + 1}: years: duplicate key" in result.stderr, result.stderr


def test_a_yaml_mistake_past_a_unicode_line_separator_names_the_editors_line(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(f'case: "T\u2028U"\nstart: 2027-01\nyears: [\n', encoding="utf-8")
    result = invoke("estimate", path)
    assert_input_error(result, {str(path)})
    assert result.stderr.startswith(f"{path}:3: not valid YAML"), result.stderr


@pytest.mark.parametrize("depth", [65, 300, 999])
def test_deep_nesting_is_refused_at_its_line_not_a_recursion_error(tmp_path, depth):
    path = write(tmp_path, HEAD + MEDIDO + "organisation:\n  " + "[" * depth + "x" + "]" * depth + "\n")
    result = invoke("estimate", path)
    assert_input_error(result, {str(path)})
    assert f"{path}:{line_of(path, '[[[')}: organisation" in result.stderr
    assert "nested more than 64 levels deep" in result.stderr, result.stderr


def test_nesting_within_the_limit_is_read(tmp_path):
    path = write(tmp_path, HEAD + MEDIDO + "organisation: " + "[" * 60 + "x" + "]" * 60 + "\n")
    result = invoke("estimate", path)
    assert_problem(result, path, line_of(path, "organisation"), "organisation", "expected text, got a list")
    assert "nested" not in result.stderr
