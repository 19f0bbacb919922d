"""Funders' conditions (bcalc.core.funders): a subsidy's grant worked out by hand from its rules (share,
maximum and minimum, eligible categories, device cap, period), broken rules warned, double funding, the
1062 condition, and bad input for every new key (exit 2, FILE:LINE)."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import WIDE_ENV
from typer.testing import CliRunner

from bcalc.cli import app
from bcalc.core.engine import estimate, partial, totals
from bcalc.loader import load_all

runner = CliRunner()
EN = {**WIDE_ENV, "BCALC_LANG": "en"}

# Round prices excl. VAT (21 %), no indexation. For 10 clients from January 2027:
#   aanschaf 10 x 1000 = 10000.00 (2027 only), VAT 2100.00
#   huur     10 x 10 x 12 = 1200.00 a year, VAT 252.00
#   training 2000.00 once (2027), VAT 420.00
HEAD = """\
case: Subsidie
start: 2027-01
years: 3
scenario: none
staff:
  care_staff: {count: 10, rate: 40}
products:
  - id: sensor
    name: Sensor
    supplier: Leverancier X
    need: monitoring
    source: "Offerte X 2026-10-01"
    items:
      - {id: aanschaf, label: Aanschaf, amount: 1000, vat: excl, basis: unit, timing: per_new_unit,
         category: one_off, source: Offerte X}
      - {id: huur, label: Huur, amount: 10, vat: excl, basis: unit, timing: monthly, category: recurring,
         source: Offerte X}
      - {id: training, label: Training, amount: 2000, vat: excl, basis: organisation, timing: one_off,
         category: training, source: Offerte X}
deployments:
  - product: sensor
    clients: 10
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def run(tmp_path: Path, funding: str, benefits: str = ""):
    path = write(tmp_path, HEAD + "funding:\n" + funding + (("benefits:\n" + benefits) if benefits else ""))
    catalogue, tariffs, case = load_all(path)
    return estimate(case, catalogue, tariffs), (case, catalogue, tariffs)


def subsidy(result) -> Decimal:
    return sum((f.amount for f in result.funding if f.code == "subsidy"), Decimal(0))


def notices(result, code: str) -> list[dict]:
    return [w.params for w in result.warnings if w.code == code]


def test_share_of_eligible_categories_cut_to_the_maximum(tmp_path):
    result, _ = run(tmp_path, """\
  - {code: subsidy, label: SET, year: 1, months: 24, rules: {share: 50%, max: 5000, eligible: [one_off, training]}}
""")
    # 2027-2028 wholly inside 24 months: one_off 10000 + training 2000 = 12000; 50 % = 6000, cut to max 5000
    assert subsidy(result) == Decimal("5000.00")
    assert [f.year for f in result.funding] == [2027]
    assert notices(result, "subsidy_capped") == [{"line": 1, "label": "SET", "computed": Decimal("6000.00"),
                                                  "maximum": Decimal("5000")}]
    assert notices(result, "subsidy_computed")[0]["eligible"] == Decimal("12000.00")


def test_vat_counts_where_eligible(tmp_path):
    result, _ = run(tmp_path, """\
  - {code: subsidy, year: 1, rules: {share: 50%, eligible: [one_off, vat]}}
""")
    # 12 months (no months given, none in the rules): 2027: aanschaf 10000 + its VAT 2100 = 12100; 50 % = 6050
    assert subsidy(result) == Decimal("6050.00")


def test_device_share_cap(tmp_path):
    result, _ = run(tmp_path, """\
  - {code: subsidy, label: SET, year: 1, months: 24,
     rules: {share: 50%, eligible: [one_off, recurring, training], device_share_max: 30%}}
""")
    # 2027-2028: aanschaf 10000 + huur 2 x 1200 = 12400 devices, training 2000 the rest: 14400 eligible;
    # devices 12400 / 14400 = 86.1 % > 30 %: they count 2000 x 30/70 = 857.14, so 2857.14 counts; 50 % = 1428.57
    assert subsidy(result) == Decimal("1428.57")
    said = notices(result, "subsidy_device_share")
    assert said == [{"line": 1, "label": "SET", "share": Decimal("0.861"), "cap": Decimal("0.3")}]


def test_a_period_that_covers_a_year_in_part(tmp_path):
    result, _ = run(tmp_path, """\
  - {code: subsidy, label: S, year: 1, months: 18, rules: {share: 50%, eligible: [recurring]}}
""")
    # January 2027 to June 2028: 2027 wholly (huur 1200), 2028 in part (left out): 50 % of 1200 = 600
    assert subsidy(result) == Decimal("600.00")
    assert notices(result, "subsidy_period_partial") == [{"line": 1, "label": "S", "years": (2028,)}]


def test_an_amount_above_what_the_rules_allow_is_warned_and_kept(tmp_path):
    result, _ = run(tmp_path, """\
  - {code: subsidy, label: S, amount: 7000, year: 1, months: 24, rules: {share: 50%, max: 10000, eligible: [one_off, training]}}
""")
    # allowed 50 % of 12000 = 6000 (under max 10000); 7000 given: counted as given, warned
    assert subsidy(result) == Decimal("7000.00")
    assert notices(result, "subsidy_over_rules") == [{"line": 1, "label": "S", "given": Decimal("7000"),
                                                      "allowed": Decimal("6000.00")}]
    assert not notices(result, "subsidy_capped")


def test_an_amount_given_within_the_maximum_alone(tmp_path):
    result, _ = run(tmp_path, "  - {code: subsidy, amount: 4000, year: 1, rules: {max: 3000}}\n")
    assert subsidy(result) == Decimal("4000.00")
    assert notices(result, "subsidy_over_rules")[0]["allowed"] == Decimal("3000")


def test_the_shipped_scheme_below_its_minimum_grants_nothing(tmp_path):
    result, _ = run(tmp_path, """\
  - {code: subsidy, label: SET, year: 1, scheme: set-2022, rules: {eligible: [one_off, training]}}
""")
    # set-2022: 50 %, EUR 50.000 to 750.000, 36 months: 2027-2029, one_off 10000 + training 2000 = 12000;
    # 50 % = 6000 < 50000: the application does not qualify
    assert subsidy(result) == Decimal("0.00")
    assert notices(result, "subsidy_below_min") == [{"line": 1, "label": "SET", "given": Decimal("6000.00"),
                                                     "minimum": Decimal("50000")}]
    said = [w for w in result.warnings if w.code == "subsidy_computed"]
    assert said and "Stcrt. 2022, 18679" in said[0].source


def test_the_shipped_scheme_above_its_minimum(tmp_path):
    result, _ = run(tmp_path.joinpath(), """\
  - {code: subsidy, label: SET, year: 1, scheme: set-2022, months: 40, rules: {eligible: [one_off, training]}}
""".replace("clients: 10", "clients: 100"))
    # the replace above does not touch HEAD; 10 clients: below min as before, and 40 months > 36 warned
    assert notices(result, "subsidy_months_over") == [{"line": 1, "label": "SET", "months": 40, "maximum": 36}]
    big = HEAD.replace("clients: 10", "clients: 100")
    path = write(tmp_path, big + "funding:\n  - {code: subsidy, year: 1, scheme: set-2022, rules: {eligible: [one_off, training]}}\n")
    catalogue, tariffs, case = load_all(path)
    # 100 clients: aanschaf 100000 + training 2000 = 102000; 50 % = 51000, within 50000-750000
    assert subsidy(estimate(case, catalogue, tariffs)) == Decimal("51000.00")


def test_shortcuts_count_the_same_grant(tmp_path):
    result, (case, catalogue, tariffs) = run(tmp_path, """\
  - {code: subsidy, year: 1, months: 24, rules: {share: 50%, eligible: [one_off, recurring, training], device_share_max: 30%}}
""")
    assert totals(case, catalogue, tariffs).total.funding == result.total.funding == Decimal("1428.57")
    assert partial(case, catalogue, tariffs, funding=(0,))[2027][2] == Decimal("1428.57")


def test_double_funding(tmp_path):
    both = """\
  - {code: subsidy, label: SET, year: 1, rules: {share: 50%}}
  - {code: H139, clients: 10, hours_per_month: 1, tariff: 50}
"""
    result, _ = run(tmp_path, both)
    # the subsidy counts every category, recurring too, in 2027; H139 pays in 2027 as well
    assert notices(result, "double_funding") == [{"subsidy": 1, "label": "SET", "prestatie": 2, "prestatie_code": "H139",
                                                  "categories": ("one_off", "recurring", "training", "internal", "vat"),
                                                  "years": (2027,)}]
    start_up = both.replace("{share: 50%}", "{share: 50%, eligible: [one_off, training]}")
    result, _ = run(tmp_path, start_up)
    assert not notices(result, "double_funding")   # start-up costs only: the prestatie pays the regular costs


def test_1062_condition_and_the_change_in_hours(tmp_path):
    line = "  - {code: \"1062\", clients: 10, hours_per_month: 1, tariff: 50%s}\n"
    result, _ = run(tmp_path, line % "")
    assert [w.source for w in result.warnings if w.code == "condition_1062"] == ["000:898-903"]
    time = "  - {label: Tijd, kind: time, per: week, minutes: 30, role: care_staff}\n"
    result, _ = run(tmp_path, line % ", baseline_hours_per_month: 8", time)
    # 30 minutes a week = 0.5 h x 52 / 12 = 2.1667 h per client per month: 8 -> 5.8333, 27.1 % fewer
    said = notices(result, "hours_1062")[0]
    assert said["baseline"] == 8 and said["freed"].quantize(Decimal("0.0001")) == Decimal("2.1667")
    assert said["after"].quantize(Decimal("0.0001")) == Decimal("5.8333") and said["change"] == Decimal("0.271")
    result, _ = run(tmp_path, line % ", baseline_hours_per_month: 8")
    assert notices(result, "hours_1062_none") == [{"line": 1, "label": "1062"}]
    out = runner.invoke(app, ["estimate", str(tmp_path / "case.yaml")], env=EN)
    assert "the case frees no care staff time per client" in out.stdout
    nl = runner.invoke(app, ["estimate", str(tmp_path / "case.yaml")], env=WIDE_ENV)
    assert "minder zorguren per cliënt per maand" in nl.stdout


def test_words_in_both_languages(tmp_path):
    result, _ = run(tmp_path, "  - {code: subsidy, label: SET, year: 1, months: 24, rules: {share: 50%, max: 5000, "
                              "eligible: [one_off, training]}}\n")
    path = tmp_path / "case.yaml"
    en = runner.invoke(app, ["estimate", str(path)], env=EN).stdout
    assert "grant €6,000.00 = 50% of €12,000.00 eligible costs (one-off, training) in 2027, 2028" in en
    assert "cut to the scheme's maximum of €5,000.00" in en
    nl = runner.invoke(app, ["estimate", str(path)], env=WIDE_ENV).stdout
    assert "subsidie € 6.000,00 = 50 % van € 12.000,00 subsidiabele kosten (eenmalig, training)" in nl


# ---- bad input ------------------------------------------------------------------------------------

GOOD = "  - {code: subsidy, label: S, year: 1, rules: {share: 50%, max: 5000, eligible: [one_off]}}\n"
BAD = [
    (GOOD.replace("share: 50%", "share: 150%"), "funding[0].rules.share", "at most 100%"),
    (GOOD.replace("[one_off]", "[devices]"), "funding[0].rules.eligible", "'devices' is not a cost category"),
    (GOOD.replace("max: 5000", "max: 5000, min: 6000"), "funding[0].rules.min", "min 6000 is more than max 5000"),
    (GOOD.replace("rules: {share: 50%, max: 5000, eligible: [one_off]}", "scheme: set-2099"), "funding[0].scheme",
     "unknown scheme 'set-2099'"),
    (GOOD.replace("rules: {share: 50%, max: 5000, eligible: [one_off]}", "rules: [share]"), "funding[0].rules",
     "expected a mapping of rules"),
    (GOOD.replace("rules: {share: 50%, max: 5000, eligible: [one_off]}", "rules: {max: 5000}"), "funding[0]",
     "a subsidy needs amount, or rules with a share"),
    (GOOD.replace("year: 1,", "year: 1, months: 0,"), "funding[0].months", "at least 1"),
    (GOOD.replace("eligible: [one_off]", "eligible: [one_off], months: 200"), "funding[0].rules.months", "at most 180"),
    (GOOD.replace("eligible: [one_off]", "zzz: 1"), "funding[0].rules.zzz", "unknown field"),
    ("  - {code: VPT, clients: 1, day_rate: 100, technology_share: 2%, baseline_hours_per_month: 5}\n",
     "funding[0].baseline_hours_per_month", "does not apply to VPT"),
    ("  - {code: \"1062\", clients: 1, hours_per_month: 1, tariff: 50, baseline_hours_per_month: -5}\n",
     "funding[0].baseline_hours_per_month", "must not be negative"),
    ("  - {code: H139, clients: 1, hours_per_month: 1, tariff: 50, scheme: set-2022}\n", "funding[0].scheme",
     "does not apply to H139"),
    ("  - {code: H139, clients: 1, hours_per_month: 1, tariff: 50, party: insurer}\n", "funding[0].party",
     "unknown party 'insurer'"),
]


@pytest.mark.parametrize("funding, field, fragment", BAD, ids=[b[1] + ":" + b[2][:14] for b in BAD])
def test_bad_funding_input(tmp_path, funding, field, fragment):
    text = HEAD + "funding:\n" + funding
    path = write(tmp_path, text)
    result = runner.invoke(app, ["estimate", str(path)], env=EN)
    assert result.exit_code == 2, result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    line = len(textwrap.dedent(HEAD).splitlines()) + 2
    assert f"{path}:{line}: {field}: " in result.stderr and fragment in result.stderr, result.stderr
    assert runner.invoke(app, ["estimate", str(path)], env=WIDE_ENV).exit_code == 2


def test_json_shows_how_the_grant_was_worked_out(tmp_path):
    import json

    path = write(tmp_path, HEAD + "funding:\n  - {code: subsidy, label: SET, year: 1, months: 24, rules: {share: 50%, "
                                  "eligible: [one_off, recurring, training], device_share_max: 30%}}\n")
    out = runner.invoke(app, ["estimate", str(path), "--format", "json"], env=EN)
    grant = json.loads(out.stdout)["subsidy_rules"][0]
    # as test_device_share_cap: 14400 eligible, of which 12400 devices; 2857.14 counts; 50 % = 1428.57
    assert (grant["line"], grant["eligible"], grant["devices"], grant["counted"], grant["amount"]) == (
        1, "14400.00", "12400.00", "2857.14", "1428.57")
    assert grant["years"] == [2027, 2028] and grant["device_share_over"] is True


TARIFF_BAD = [
    ("    share: 50%\n", "    share: 150%\n", "schemes[0].share", "at most 100%"),
    ("    min: 50000\n", "    min: 800000\n", "schemes[0].min", "min 800000 is more than max 750000"),
    ("    months: 36\n", "    months: 36\n    eligible: [devices]\n", "schemes[0].eligible", "is not a cost category"),
    ("  - id: set-2019\n", "  - id: set-2022\n", "schemes[1].id", "scheme 'set-2022' is listed twice"),
    ("    financier: health_insurer\n", "    financier: insurer\n", "funding[0].financier", "'insurer' is not one of"),
]


@pytest.mark.parametrize("old, new, field, fragment", TARIFF_BAD, ids=[b[2] for b in TARIFF_BAD])
def test_bad_schemes_and_financiers_in_the_tariffs_file(tmp_path, old, new, field, fragment):
    import shutil

    data = Path(__file__).resolve().parents[1] / "data"
    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    text = (folder / "tariffs.yaml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    (folder / "tariffs.yaml").write_text(text, encoding="utf-8")
    path = write(tmp_path, HEAD + "funding:\n  - {code: subsidy, amount: 100, year: 1}\n")
    result = runner.invoke(app, ["estimate", str(path), "--catalogue", str(folder)], env=EN)
    assert result.exit_code == 2, result.stderr
    line = max(i for i, ln in enumerate(text.splitlines(), 1) if ln == new.splitlines()[-1])
    assert f"{folder / 'tariffs.yaml'}:{line}: {field}: " in result.stderr and fragment in result.stderr, result.stderr


def test_a_ruled_subsidy_of_a_phase_counts_its_period_from_that_phase(tmp_path):
    """A subsidy with rules, `phase:` and no year comes in at the start of its phase and counts its
    project period from there. Phases: pilot 12 months (2027), rest 24 months. The subsidy of the
    rest phase (12 months: 2028 wholly inside) counts the huur of 2028, 1.200,00, at 50 %: 600,00,
    paid in January 2028; the plan month by month has it in that month too."""
    path = write(tmp_path, HEAD.replace("    clients: 10\n", "    clients: {pilot: 10, rest: 10}\n")
                 .replace("deployments:\n", "phases:\n  - {name: pilot, months: 12}\n  - {name: rest}\n"
                          "deployments:\n", 1)
                 + "funding:\n  - {code: subsidy, label: Opschaling, phase: rest, rules: {share: 50%, "
                   "eligible: [recurring]}}\n")
    catalogue, tariffs, case = load_all(path)
    result = estimate(case, catalogue, tariffs)
    assert [(f.year, f.amount) for f in result.funding] == [(2028, Decimal("600.00"))]
    from bcalc.core.monthly import monthly_plan

    plan = monthly_plan(case, catalogue, tariffs)
    line = next(ln for ln in plan.lines if ln.kind == "funding")
    assert line.quantities[12] == 1 and sum(line.quantities) == 1
