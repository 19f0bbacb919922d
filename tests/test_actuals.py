"""Actuals against the plan (bcalc evaluate): the monthly plan, a hand-worked evaluation, the CSV
form, the JSON shape, gate criteria, and bad input for every key."""

from __future__ import annotations

import json
import textwrap
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from bcalc import app
from bcalc.core import vat
from bcalc.core.actuals import MET, NOT_MEASURED, NOT_MET, case_criteria, check, split
from bcalc.core.monthly import monthly_plan
from bcalc.money import ZERO, round_cents
from tests.conftest import ENGLISH, WIDE_ENV, bad, invoke, line_of, ok

ROOT = Path(__file__).resolve().parents[1]
D = Decimal

# No indexation, VAT 21 %, nothing recoverable. Medido for 10 clients in contract year 1 and 20 in
# year 2; catalogue prices (001:563-568): installatie EUR 39 per new unit, huur EUR 62,40 a month;
# training 1 h per care staff head in month 1 (10 h x EUR 50); the project lead 4 h a week for 4
# months (4 x 52/12 = 17,33 h a month in months 1-4, x EUR 80); H139: 10 clients x 1,5 h x EUR 80 =
# EUR 1.200 a month in 2027, 20 clients: EUR 2.400 a month in 2028.
CASE = """\
case: Pilot toets
start: 2027-01
years: 2
scenario: none
staff:
  care_staff: {count: 10, rate: 50}
  project_lead: {count: 1, rate: 80}
  teams: 1
deployments:
  - product: medido
    clients: [10, 20]
funding:
  - code: H139
    clients: [10, 20]
    hours_per_month: 1.5
    tariff: 80
"""

# The first quarter of 2027. Plan per month (from the catalogue prices above): installatie 390,00
# in January (10 new units), huur 624,00 a month (10 x 62,40), training 500,00 in January, project
# lead 17,33 h (1.386,67) a month, H139 1.200,00 a month.
ACTUALS = """\
actuals: Eerste kwartaal
months:
  - month: 2027-01
    clients: 8
    invoices:
      - {item: installatie, amount: 312.00, quantity: 8}
      - {item: huur, amount: 499.20, quantity: 8}
    hours: {care_staff: 9, project_lead: 20}
    funding: {H139: {amount: 960, quantity: 12}}
  - month: 2027-02
    clients: 10
    invoices:
      - {item: installatie, amount: 78.00, quantity: 2}
      - {item: huur, amount: 650.00, quantity: 10}
    hours: {project_lead: 16}
    funding: {H139: {amount: 1200, quantity: 15}}
    time_freed: {hours: 56}
  - month: 2027-03
    clients: 10
    invoices:
      - {item: huur, amount_incl: 786.50, quantity: 10}
    hours: {project_lead: 18}
    funding: {H139: {amount: 1200, quantity: 15}}
    time_freed: {minutes_per_client_per_day: 12}
    kpis: {tevredenheid: 8.1}
"""

# The same actuals as CSV, one row per month per measure (no title: the CSV form has none).
ACTUALS_CSV = """\
month,measure,name,deployment,value,quantity,vat,note
2027-01,clients,,,8,,,
2027-01,invoice,installatie,,312.00,8,,
2027-01,invoice,huur,,499.20,8,excl,
2027-01,hours,care_staff,,9,,,
2027-01,hours,project_lead,,20,,,
2027-01,funding,H139,,960,12,,
2027-02,clients,,,10,,,
2027-02,invoice,installatie,,78.00,2,,
2027-02,invoice,huur,,650.00,10,,
2027-02,hours,project_lead,,16,,,
2027-02,funding,H139,,1200,15,,
2027-02,time_freed,hours,,56,,,
2027-03,clients,medido,,10,,,
2027-03,invoice,huur,1,786.50,10,incl,factuur 2027-031
2027-03,hours,project_lead,,18,,,
2027-03,funding,H139,,1200,15,,
2027-03,time_freed,minutes_per_client_per_day,,12,,,
2027-03,kpi,tevredenheid,,8.1,,,
"""


def _files(tmp_path, actuals: str = ACTUALS, case: str = CASE, name: str = "actuals.yaml"):
    case_path = tmp_path / "case.yaml"
    case_path.write_text(textwrap.dedent(case), encoding="utf-8")
    actuals_path = tmp_path / name
    actuals_path.write_text(actuals, encoding="utf-8")
    return case_path, actuals_path


def _evaluate(tmp_path, actuals: str = ACTUALS, name: str = "actuals.yaml"):
    case_path, actuals_path = _files(tmp_path, actuals, name=name)
    return app.evaluate(app.load(case_path), actuals_path)


def _line(ev, kind: str, name: str):
    return next(ln for ln in ev.lines if ln.kind == kind and ln.name == name)


# ---- the monthly plan is the engine's plan ------------------------------------------------------


CASES = sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "tests" / "cases").glob("*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_the_months_of_a_year_give_the_engines_lines(path):
    """Every line of the monthly plan, its months of a calendar year summed and rounded as the
    engine rounds, is the engine's line to the cent: supplier lines (with their VAT), hours per role
    (the role's time lines) and funding lines."""
    loaded = app.load(path)
    result = app.estimate(loaded)
    plan = monthly_plan(loaded.case, loaded.catalogue, loaded.tariffs)
    years = sorted({m.year for m in plan.months})
    for ln in result.lines:
        if ln.kind != "supplier":
            continue
        mine = plan.line(("item", ln.deployment, ln.item))
        amount = sum((a for a, m in zip(mine.amounts, plan.months) if m.year == ln.year), ZERO)
        assert vat.split(amount, mine.vat_rate, mine.quoted, plan.recoverable) == (ln.excl_vat, ln.vat), ln
    for y in years:
        for role in {ln.role for ln in result.lines if ln.kind == "internal"}:
            engine = sum((ln.excl_vat for ln in result.lines if ln.role == role and ln.year == y), ZERO)
            mine = plan.line(("hours", role))
            ours = sum((round_cents(sum((p[m.index] for m in plan.months if m.year == y), 0)) for p in mine.parts),
                       ZERO)
            assert ours == engine, (role, y)
    for f in result.funding:
        mine = plan.line(("funding", f.index))
        assert round_cents(sum((a for a, m in zip(mine.amounts, plan.months) if m.year == f.year), ZERO)) == f.amount


def test_a_full_evaluation_with_nothing_measured_is_the_plan(tmp_path):
    """Actuals of all 24 months with no invoices, hours or funding key measure nothing: every line
    counts as planned, and the forecast is the estimate's cost and funding to the cent."""
    months = "".join(f"  - month: {y}-{m:02d}\n    clients: 10\n" for y in (2027, 2028) for m in range(1, 13))
    ev = _evaluate(tmp_path, "months:\n" + months)
    result = app.estimate(app.load(tmp_path / "case.yaml"))
    assert ev.category("cost").forecast == ev.category("cost").plan == result.total.cost
    assert ev.category("funding").forecast == result.total.funding
    assert all(not ln.measured and ln.variance == 0 for ln in ev.lines)


# ---- a hand-worked evaluation ---------------------------------------------------------------------


def test_variances_worked_by_hand(tmp_path):
    ev = _evaluate(tmp_path)
    assert ev.covered == ("2027-01", "2027-02", "2027-03") and ev.horizon_end == "2028-12"
    # installatie: plan 10 x 39 = 390,00 in January; actual 312,00 + 78,00 = 390,00 for 8 + 2 units
    inst = _line(ev, "item", "installatie")
    assert (inst.plan, inst.actual, inst.variance, inst.volume, inst.price) == (D("390.00"), D("390.00"), 0, 0, 0)
    assert (inst.plan_vat, inst.actual_vat) == (D("81.90"), D("81.90"))          # 390 x 21 %
    # huur: plan 3 x 624,00 = 1.872,00 on 30 unit-months; actual 499,20 + 650,00 + 650,00 (786,50 incl.
    # / 1,21) = 1.799,20 on 28 unit-months. Variance -72,80; planned price 1.872 / 30 = 62,40;
    # volume (28 - 30) x 62,40 = -124,80; price -72,80 - -124,80 = 52,00 = (1.799,20 / 28 - 62,40) x 28
    huur = _line(ev, "item", "huur")
    assert (huur.plan_quantity, huur.actual_quantity) == (30, 28)
    assert (huur.plan, huur.actual, huur.variance) == (D("1872.00"), D("1799.20"), D("-72.80"))
    assert (huur.volume, huur.price) == (D("-124.80"), D("52.00"))
    assert huur.volume + huur.price == huur.variance
    # VAT: plan 1.872,00 x 21 % = 393,12; actual: the invoices excl. 1.149,20 x 21 % = 241,33 (241,332),
    # the one incl.: 786,50 - 650,00 = 136,50; together 377,83
    assert (huur.plan_vat, huur.actual_vat) == (D("393.12"), D("377.83"))
    # forecast: 1.799,20 + the plan of April-December (9 x 624,00 = 5.616,00) = 7.415,20 in 2027, and
    # 2028 as planned: 20 x 62,40 x 12 = 14.976,00; together 22.391,20 against 22.464,00 planned
    assert [y.forecast for y in huur.years] == [D("7415.20"), D("14976.00")]
    assert (huur.forecast, huur.plan_total) == (D("22391.20"), D("22464.00"))
    # care staff: plan 10 h x 50 = 500,00 (training, January); actual 9 h = 450,00; all volume
    care = _line(ev, "hours", "care_staff")
    assert (care.plan, care.actual, care.volume, care.price) == (D("500.00"), D("450.00"), D("-50.00"), 0)
    # project lead: plan 3 x 4 x 52/12 = 52 h x 80 = 4.160,00; actual 20 + 16 + 18 = 54 h = 4.320,00.
    # Forecast: 4.320,00 + April (17,33 h x 80 = 1.386,67) = 5.706,67; plan 69,33 h x 80 = 5.546,67
    lead = _line(ev, "hours", "project_lead")
    assert (lead.plan_quantity, lead.actual_quantity) == (52, 54)
    assert (lead.plan, lead.actual, lead.variance, lead.volume, lead.price) == (
        D("4160.00"), D("4320.00"), D("160.00"), D("160.00"), 0)
    assert (lead.forecast, lead.plan_total) == (D("5706.67"), D("5546.67"))
    # H139: plan 3 x 1.200 = 3.600,00 on 45 client-hours; actual 3.360,00 on 42: volume (42 - 45) x 80
    h139 = _line(ev, "funding", "H139")
    assert (h139.plan, h139.actual, h139.volume, h139.price) == (D("3600.00"), D("3360.00"), D("-240.00"), 0)
    # forecast 3.360 + 9 x 1.200 = 14.160,00 in 2027 and 12 x 2.400 = 28.800,00 in 2028
    assert h139.forecast == D("42960.00")
    # categories to date: one-off 390,00 / 390,00; recurring 1.872,00 / 1.799,20; hours 4.660,00 /
    # 4.770,00; VAT 81,90 + 393,12 = 475,02 / 81,90 + 377,83 = 459,73; cost 7.397,02 / 7.418,93
    cat = {t.code: t for t in ev.categories}
    assert (cat["one_off"].plan, cat["one_off"].actual) == (D("390.00"), D("390.00"))
    assert (cat["recurring"].plan, cat["recurring"].actual) == (D("1872.00"), D("1799.20"))
    assert (cat["hours"].plan, cat["hours"].actual) == (D("4660.00"), D("4770.00"))
    assert (cat["vat"].plan, cat["vat"].actual) == (D("475.02"), D("459.73"))
    assert (cat["cost"].plan, cat["cost"].actual, cat["cost"].variance) == (D("7397.02"), D("7418.93"), D("21.91"))
    assert (cat["funding"].plan, cat["funding"].actual) == (D("3600.00"), D("3360.00"))
    assert (cat["net"].plan, cat["net"].actual) == (D("-3797.02"), D("-4058.93"))
    # the forecast of the cost is the plan of the horizon plus the variances to date
    assert cat["cost"].forecast == cat["cost"].plan_total + cat["cost"].variance


def test_forecast_with_the_latest_clients_carried_forward(tmp_path):
    """The last month measured (March 2027) has 10 clients; carried forward, 2028 has 10 instead of
    20: huur 1.799,20 + 9 x 624,00 + 12 x 10 x 62,40 = 1.799,20 + 5.616,00 + 7.488,00 = 14.903,20;
    installatie: no new units in 2028, so 390,00 (the actuals) instead of 780,00; its VAT 377,83 +
    5.616 x 21 % (1.179,36) + 7.488 x 21 % (1.572,48) = 3.129,67. H139 has clients of its own and
    keeps them (42.960,00); hours follow no clients."""
    ev = _evaluate(tmp_path)
    assert _line(ev, "item", "huur").carried == D("14903.20")
    assert _line(ev, "item", "huur").carried_vat == D("3129.67")
    assert _line(ev, "item", "installatie").carried == D("390.00")
    assert _line(ev, "funding", "H139").carried == D("42960.00")
    assert _line(ev, "hours", "project_lead").carried == D("5706.67")
    cost = ev.category("cost")
    # one-off 390 + recurring 14.903,20 + hours 450 + 5.706,67 + VAT 81,90 + 3.129,67 = 24.661,44
    assert cost.carried == D("24661.44")
    assert ev.category("net").carried == D("42960.00") - D("24661.44")


def test_kpis_worked_by_hand(tmp_path):
    ev = _evaluate(tmp_path)
    kpis = {k.code: k for k in ev.kpis}
    assert (kpis["clients_in_use"].value, kpis["clients_in_use"].plan) == (10, 10)
    # February 56 h = 3.360 min over 10 x 28 client-days, March 12 min x 10 x 31 = 3.720 min over 310:
    # 7.080 / 590 = 12 minutes per client per day
    assert kpis["minutes_freed_per_client_per_day"].value == 12
    # cost to date 7.418,93 over 8 + 10 + 10 = 28 client-months = 264,96...; plan 7.397,02 / 30
    assert round_cents(kpis["cost_per_client_per_month"].value) == D("264.96")
    assert round_cents(kpis["cost_per_client_per_month"].plan) == D("246.57")
    # hours: 9 + 54 = 63 over 28 client-months = 2,25; plan (10 + 52) / 30
    assert kpis["hours_per_client_per_month"].value == D("2.25")
    assert kpis["tevredenheid"].value == D("8.1")
    assert kpis["minutes_freed_per_client_per_week"].value == 84                  # 12 x 7
    # the price paid per unit to date: huur 1.799,20 / 28 = 64,257...; plan 1.872 / 30 = 62,40
    assert round_cents(kpis["price:huur"].value) == D("64.26") and kpis["price:huur"].plan == D("62.40")
    assert kpis["price:installatie"].value == D("39")


def test_months_are_rounded_per_month(tmp_path):
    ev = _evaluate(tmp_path)
    jan = ev.months[0]
    # plan January: installatie 390 + VAT 81,90, huur 624 + 131,04, training 500, project lead
    # 17,33 h x 80 = 1.386,67; together 3.113,61
    assert jan.plan_cost == D("3113.61")
    # actual January: 312 + 65,52 + 499,20 + 104,83 + 9 x 50 + 20 x 80 = 3.031,55
    assert jan.actual_cost == D("3031.55")
    assert (jan.plan_funding, jan.actual_funding, jan.plan_clients, jan.actual_clients) == (
        D("1200.00"), D("960"), 10, 8)


def test_csv_gives_the_same_evaluation_as_yaml(tmp_path):
    from bcalc.render.evaluate_view import as_dict

    from_yaml = as_dict(_evaluate(tmp_path))
    from_csv = as_dict(_evaluate(tmp_path, ACTUALS_CSV, name="actuals.csv"))
    from_yaml.pop("actuals")
    from_csv.pop("actuals")
    assert from_csv == from_yaml


def test_split_adds_up_to_the_variance():
    # plan 100,00 on 3 units (33,33...), actual 110,00 on 4: volume 1 x 33,333 = 33,33, price 10 - 33,33
    assert split(D("10.00"), D("100.00"), D("3"), D("4")) == (D("33.33"), D("-23.33"))
    assert split(D("50.00"), ZERO, ZERO, D("2")) == (D("50.00"), 0)       # nothing planned: all volume
    assert split(D("5.00"), D("10.00"), D("1"), None) == (None, None)      # no actual quantity: no split


# ---- gate criteria -------------------------------------------------------------------------------


def test_gate_criteria_met_not_met_not_measured():
    criteria = [SimpleNamespace(kpi="minutes_freed_per_client_per_day", min=D("10"), max=None),
                {"kpi": "cost_per_client_per_month", "min": None, "max": D("250")},
                {"kpi": "clients_in_use", "min": D("10"), "max": D("15"), "gate": "pilot"},
                {"kpi": "tevredenheid", "min": D("7")}]
    measured = {"minutes_freed_per_client_per_day": D("12"), "cost_per_client_per_month": D("264.96"),
                "clients_in_use": D("10")}
    got = check(criteria, measured)
    assert [c.status for c in got] == [MET, NOT_MET, MET, NOT_MEASURED]
    assert got[2].gate == "pilot" and got[3].value is None
    # a value on the threshold meets it
    assert check([{"kpi": "x", "max": D("5")}], {"x": D("5")})[0].status == MET


def test_criteria_from_a_case_with_phases(tmp_path):
    """A case without phases has no criteria; one with phases and gates gives theirs, checked in evaluate."""
    from bcalc.models import CasePhase, Gate, GateCriterion

    assert case_criteria(SimpleNamespace(phases=())) == []
    gate = Gate(label="go/no-go", criteria=(GateCriterion(kpi="minutes_freed_per_client_per_day", min=D("10")),
                                            GateCriterion(kpi="clients_in_use", min=D("12"))))
    phases = (CasePhase(name="pilot", months=6, gate=gate), CasePhase(name="opschaling", months=6))
    assert case_criteria(SimpleNamespace(phases=phases)) == [
        {"gate": "go/no-go", "kpi": "minutes_freed_per_client_per_day", "min": D("10"), "max": None},
        {"gate": "go/no-go", "kpi": "clients_in_use", "min": D("12"), "max": None}]
    from bcalc.actuals_loader import load_actuals
    from bcalc.core.actuals import evaluate

    case_path, actuals_path = _files(tmp_path)
    loaded = app.load(case_path)
    plan = monthly_plan(loaded.case, loaded.catalogue, loaded.tariffs)
    ev = evaluate(plan, load_actuals(actuals_path, plan, loaded.tariffs), case_criteria(SimpleNamespace(phases=phases)))
    # 12 minutes against at least 10: met; 10 clients against at least 12: not met
    assert [(c.kpi, c.status) for c in ev.criteria] == [("minutes_freed_per_client_per_day", MET),
                                                        ("clients_in_use", NOT_MET)]


# ---- the command ---------------------------------------------------------------------------------


def test_json_shape(tmp_path):
    case_path, actuals_path = _files(tmp_path)
    data = json.loads(ok("evaluate", case_path, actuals_path, "--format", "json").stdout)
    assert data["format"] == "bcalc.evaluate/1" and data["case"] == "Pilot toets" and data["currency"] == "EUR"
    assert data["months_covered"] == ["2027-01", "2027-02", "2027-03"] and data["horizon_end"] == "2028-12"
    assert data["measured"] == ["invoices", "hours", "funding"]
    huur = next(ln for ln in data["lines"] if ln["name"] == "huur")
    assert {k: huur[k] for k in ("kind", "category", "deployment", "plan", "actual", "variance", "volume", "price",
                                 "plan_quantity", "actual_quantity", "forecast", "plan_total")} == {
        "kind": "item", "category": "recurring", "deployment": 1, "plan": "1872.00", "actual": "1799.20",
        "variance": "-72.80", "volume": "-124.80", "price": "52.00", "plan_quantity": "30", "actual_quantity": "28",
        "forecast": "22391.20", "plan_total": "22464.00"}
    assert huur["forecast_latest_clients"] == "14903.20"
    assert [y["year"] for y in huur["per_year"]] == [2027, 2028]
    assert [c["category"] for c in data["categories"]] == ["one_off", "recurring", "training", "hours", "vat", "cost",
                                                           "funding", "net"]
    cost = next(c for c in data["categories"] if c["category"] == "cost")
    assert (cost["plan"], cost["actual"], cost["variance"]) == ("7397.02", "7418.93", "21.91")
    jan = data["months"][0]
    assert {k: v for k, v in jan.items() if k != "categories"} == {
        "month": "2027-01", "plan_cost": "3113.61", "actual_cost": "3031.55", "variance_cost": "-82.06",
        "plan_funding": "1200.00", "actual_funding": "960.00", "plan_clients": 10, "actual_clients": 8}
    # January per category: one-off 390 / 312, recurring 624 / 499,20, hours 500 + 1.386,67 / 450 + 1.600,
    # VAT 81,90 + 131,04 / 65,52 + 104,83
    assert jan["categories"] == [
        {"category": "one_off", "plan": "390.00", "actual": "312.00"},
        {"category": "recurring", "plan": "624.00", "actual": "499.20"},
        {"category": "training", "plan": "0.00", "actual": "0.00"},
        {"category": "hours", "plan": "1886.67", "actual": "2050.00"},
        {"category": "vat", "plan": "212.94", "actual": "170.35"}]
    kpis = {k["kpi"]: k for k in data["kpis"]}
    assert kpis["minutes_freed_per_client_per_day"]["value"] == "12.00"
    assert kpis["cost_per_client_per_month"] == {"kpi": "cost_per_client_per_month", "value": "264.96",
                                                 "plan": "246.57"}
    assert data["criteria"] == []


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_format_shows_the_figures(tmp_path, fmt, lang):
    case_path, actuals_path = _files(tmp_path)
    out = ok("evaluate", case_path, actuals_path, "--format", fmt, "--lang", lang).stdout
    if fmt == "csv":
        assert "-124.80" in out and "52.00" in out and "22391.20" in out
        header = out.splitlines()[0]
        assert header.startswith("Soort regel," if lang == "nl" else "Record,")
    else:
        assert ("-124,80" if lang == "nl" else "-124.80") in out
        assert ("22.391,20" if lang == "nl" else "22,391.20") in out
        assert ("Prognose" if lang == "nl" else "Forecast") in out


def test_the_example_actuals_evaluate():
    out = ok("evaluate", ROOT / "examples" / "medicijndispensers.yaml", ROOT / "examples" / "actuals" / "medicijndispensers-pilot.yaml",
             "--format", "json").stdout
    data = json.loads(out)
    huur = next(ln for ln in data["lines"] if ln["name"] == "huur")
    # plan: 3 x 20 x 62,40 = 3.744,00; actual 1.123,20 + 1.248,00 + 1.280,00 = 3.651,20 on 58 unit-months:
    # volume (58 - 60) x 62,40 = -124,80, price (March at 64,00) 20 x 1,60 = 32,00
    assert (huur["plan"], huur["actual"], huur["volume"], huur["price"]) == ("3744.00", "3651.20", "-124.80", "32.00")


# ---- bad input: every key, FILE:LINE and field ----------------------------------------------------


BAD = [
    # (actuals text, the line of the problem, the field, a part of the message)
    ("months: []\n", 1, "months", "the list is empty"),
    ("actuals: x\n", 1, "months", "required field is missing"),
    ("months:\n  - month: 2027-01\n    clientz: 3\n", 3, "months[0].clientz", "did you mean 'clients'"),
    ("months:\n  - month: 2026-12\n", 2, "months[0].month", "outside the case's horizon (2027-01 to 2028-12)"),
    ("months:\n  - month: 2027-13\n", 2, "months[0].month", "month 13 does not exist"),
    ("months:\n  - month: 2027-01-05\n", 2, "months[0].month", "is a date"),
    ("months:\n  - month: 2027-01\n  - month: 2027-01\n", 3, "months[1].month", "given twice (first at line 2)"),
    ("months:\n  - month: 2027-01\n    clients: -1\n", 3, "months[0].clients", "must be at least 0"),
    ("months:\n  - month: 2027-01\n    clients: 2.5\n", 3, "months[0].clients", "expected a whole number"),
    ("months:\n  - month: 2027-01\n    clients: {medidoo: 3}\n", 3, "months[0].clients.medidoo",
     "did you mean 'medido'"),
    ("months:\n  - month: 2027-01\n    clients: {2: 3}\n", 3, "months[0].clients.2", "deployment 2 does not exist"),
    ("months:\n  - month: 2027-01\n    invoices:\n      - {item: hur, amount: 5}\n", 4,
     "months[0].invoices[0].item", "did you mean 'huur'"),
    ("months:\n  - month: 2027-01\n    invoices:\n      - {item: huur}\n", 4,
     "months[0].invoices[0].amount", "needs amount (excl. VAT) or amount_incl"),
    ("months:\n  - month: 2027-01\n    invoices:\n      - {item: huur, amount: 5, amount_incl: 6}\n", 4,
     "months[0].invoices[0]", "not both"),
    ("months:\n  - month: 2027-01\n    invoices:\n      - {item: huur, amount: 5,0}\n", 4,
     "months[0].invoices[0]", ""),
    ("months:\n  - month: 2027-01\n    invoices:\n      - {item: huur, amount: abc}\n", 4,
     "months[0].invoices[0].amount", "expected a number"),
    ("months:\n  - month: 2027-01\n    invoices:\n      - {item: huur, amount: 5, quantity: x}\n", 4,
     "months[0].invoices[0].quantity", "expected a number"),
    ("months:\n  - month: 2027-01\n    invoices:\n      - {item: huur, amount: 5, deployment: 3}\n", 4,
     "months[0].invoices[0].deployment", "deployment 3 does not exist"),
    ("months:\n  - month: 2027-01\n    invoices:\n      - {item: huur, amount: 5, prijs: 3}\n", 4,
     "months[0].invoices[0].prijs", "unknown field"),
    ("months:\n  - month: 2027-01\n    invoices: {item: huur}\n", 3, "months[0].invoices", "expected a list"),
    ("months:\n  - month: 2027-01\n    hours: {care_staf: 3}\n", 3, "months[0].hours.care_staf",
     "did you mean 'care_staff'"),
    ("months:\n  - month: 2027-01\n    hours: {care_staff: -3}\n", 3, "months[0].hours.care_staff",
     "must not be negative"),
    ("months:\n  - month: 2027-01\n    hours: 12\n", 3, "months[0].hours", "expected a mapping of role: hours"),
    ("months:\n  - month: 2027-01\n    funding: {h193: 5}\n", 3, "months[0].funding.h193", "did you mean 'H139'"),
    ("months:\n  - month: 2027-01\n    funding: {H139: {amount: 5, aantal: 3}}\n", 3,
     "months[0].funding.H139.aantal", "unknown field"),
    ("months:\n  - month: 2027-01\n    funding: {H139: {quantity: 3}}\n", 3, "months[0].funding.H139.amount",
     "required field is missing"),
    ("months:\n  - month: 2027-01\n    funding: {H139: x}\n", 3, "months[0].funding.H139", "expected a number"),
    ("months:\n  - month: 2027-01\n    time_freed: {minutes_per_client_per_day: 5}\n", 3, "months[0].time_freed",
     "needs the clients in use"),
    ("months:\n  - month: 2027-01\n    clients: 5\n    time_freed: {minutes: 5}\n", 4,
     "months[0].time_freed.minutes", "unknown field; allowed: minutes_per_client_per_day, hours"),
    ("months:\n  - month: 2027-01\n    clients: 5\n    time_freed: {}\n", 4, "months[0].time_freed",
     "needs minutes_per_client_per_day or hours"),
    ("months:\n  - month: 2027-01\n    clients: 5\n    time_freed: {hours: 3, minutes_per_client_per_day: 5}\n", 4,
     "months[0].time_freed", "not both"),
    ("months:\n  - month: 2027-01\n    clients: 5\n    time_freed: {minutes_per_client_per_day: 2000}\n", 4,
     "months[0].time_freed.minutes_per_client_per_day", "must be at most 1440"),
    ("months:\n  - month: 2027-01\n    kpis: {clients_in_use: 5}\n", 3, "months[0].kpis.clients_in_use",
     "measured by bcalc"),
    ("months:\n  - month: 2027-01\n    kpis: {\"price:huur\": 5}\n", 3, "months[0].kpis.price:huur",
     "measured by bcalc"),
    ("months:\n  - month: 2027-01\n    kpis: {score: hoog}\n", 3, "months[0].kpis.score", "expected a number"),
    ("months:\n  - month: 2027-01\n    kpis: [score]\n", 3, "months[0].kpis", "expected a mapping of name: value"),
    ("months:\n  - month: 2027-01\n    note: [x]\n", 3, "months[0].note", "expected text"),
    ("actuals: [x]\nmonths:\n  - month: 2027-01\n", 1, "actuals", "expected text"),
]


@pytest.mark.parametrize("text,line,field,message", BAD, ids=[b[2] + ":" + b[3][:20] for b in BAD])
def test_bad_actuals(tmp_path, text, line, field, message):
    case_path, actuals_path = _files(tmp_path, text)
    result = bad("evaluate", case_path, actuals_path)
    assert f"{actuals_path}:{line}: {field}" in result.stderr, result.stderr
    assert message in result.stderr, result.stderr


def test_every_problem_of_the_file_at_once(tmp_path):
    text = ("months:\n  - month: 2026-01\n  - month: 2027-02\n    hours: {care_staf: 3}\n"
            "    invoices:\n      - {item: hur, amount: 1}\n")
    case_path, actuals_path = _files(tmp_path, text)
    err = bad("evaluate", case_path, actuals_path).stderr
    assert f"{actuals_path}:2:" in err and f"{actuals_path}:4:" in err and f"{actuals_path}:6:" in err


def test_bad_actuals_in_dutch(tmp_path):
    case_path, actuals_path = _files(tmp_path, "months:\n  - month: 2027-01\n    funding: {h193: 5}\n")
    result = invoke("evaluate", case_path, actuals_path, env={**WIDE_ENV, "BCALC_LANG": "nl"})
    assert result.exit_code == 2
    assert f"{actuals_path}:3: months[0].funding.h193: geen financieringsregel 'h193' in de case; bedoelt u 'H139'?" \
        in result.stderr


BAD_CSV = [
    ("month,measure,value\n2027-01,klients,3\n", 2, "measure", "did you mean 'clients'"),
    ("month,measure,value,prijs\n", 1, "prijs", "unknown column"),
    ("month,measure\n2027-01,clients\n", 1, "", "the header needs the columns value"),
    ("month,measure,name,value\n2027-01,invoice,hur,3\n", 2, "name", "did you mean 'huur'"),
    ("month,measure,name,value\n2027-01,invoice,huur,abc\n", 2, "value", "expected a number"),
    ("month,measure,name,value,vat\n2027-01,invoice,huur,3,btw\n", 2, "vat", "is not one of: excl, incl"),
    ("month,measure,name,value\n2027-01,hours,care_staff,3\n2027-01,hours,care_staff,4\n", 3, "name",
     "duplicate key"),
    ("month,measure,name,value\n2026-01,hours,care_staff,3\n", 2, "month", "outside the case's horizon"),
    ("month,measure,name,value\n2027-01,funding,h193,3\n", 2, "name", "did you mean 'H139'"),
    ("month,measure,name,value\n2027-01,hours,care_staf,3\n", 2, "name", "did you mean 'care_staff'"),
    ("month,measure,name,value\n2027-01,clients,medidoo,3\n", 2, "name", "did you mean 'medido'"),
    ("month,measure,name,deployment,value\n2027-01,clients,,4,3\n", 2, "deployment", "deployment 4 does not exist"),
    ("month,measure,name,value\n2027-01,kpi,clients_in_use,3\n", 2, "name", "measured by bcalc"),
    ("month,measure,name,value\n2027-01,time_freed,minutes,3\n", 2, "name", "unknown field"),
    ("month,measure,name,value\n2027-01,kpi,score,x\n", 2, "value", "expected a number"),
    ("month,measure,name,value\n2027-01,clients,,x\n", 2, "value", "expected a whole number"),
    ("month,measure,name,value\n,clients,,3\n", 2, "month", "required field is missing"),
    ("", 1, "", "the file is empty"),
]


@pytest.mark.parametrize("text,line,field,message", BAD_CSV, ids=[b[3][:30] for b in BAD_CSV])
def test_bad_actuals_csv(tmp_path, text, line, field, message):
    case_path, actuals_path = _files(tmp_path, text, name="actuals.csv")
    result = bad("evaluate", case_path, actuals_path)
    where = f"{actuals_path}:{line}: {field}:" if field else f"{actuals_path}:{line}:"
    assert where in result.stderr, result.stderr
    assert message in result.stderr, result.stderr


def test_a_missing_actuals_file(tmp_path):
    case_path, _ = _files(tmp_path)
    result = bad("evaluate", case_path, tmp_path / "nope.yaml")
    assert "nope.yaml: file not found" in result.stderr


def test_several_deployments_need_their_clients_named(tmp_path):
    case = CASE.replace("deployments:\n  - product: medido\n    clients: [10, 20]\n",
                        "deployments:\n  - product: medido\n    clients: [10, 20]\n  - product: cmed-plus\n"
                        "    clients: 5\n")
    case_path, actuals_path = _files(tmp_path, "months:\n  - month: 2027-01\n    clients: 3\n", case=case)
    result = bad("evaluate", case_path, actuals_path)
    assert f"{actuals_path}:3: months[0].clients: the case has 2 deployments; give the clients per deployment " \
           "(1 (medido), 2 (cmed-plus))" in result.stderr
    actuals_path.write_text("months:\n  - month: 2027-01\n    clients: {medido: 3, 2: 4}\n", encoding="utf-8")
    data = json.loads(ok("evaluate", case_path, actuals_path, "--format", "json").stdout)
    assert data["months"][0]["actual_clients"] == 7


def test_funding_by_label_and_code_with_linked_deployments():
    ev = app.evaluate(app.load(ROOT / "tests" / "cases" / "linked-funding.yaml"),
                      ROOT / "tests" / "actuals" / "linked-funding.yaml")
    by_line = {ln.index: ln for ln in ev.lines if ln.kind == "funding"}
    # 1062 follows the Medido's 20 clients: 20 x 1,5 h x 60 = 1.800,00 on 30 client-hours, as planned
    assert (by_line[0].plan, by_line[0].actual, by_line[0].variance) == (D("1800.00"), D("1800.00"), 0)
    # H139 follows sensara's 5 clients: 5 x 0,5 x 80 = 200,00; no quantity given, so no split
    assert (by_line[1].plan, by_line[1].actual, by_line[1].volume) == (D("200.00"), D("200"), None)
    # VPT: 5 clients x 31 days x 150 x 2 % = 465,00 on 155 client-days; received 400,00 on 124:
    # volume (124 - 155) x 3,00 = -93,00, price -65,00 - -93,00 = 28,00
    assert (by_line[2].plan, by_line[2].variance, by_line[2].volume, by_line[2].price) == (
        D("465.00"), D("-65.00"), D("-93.00"), D("28.00"))
    assert ev.months[0].actual_clients == 25


# ---- the workbook ---------------------------------------------------------------------------------


def test_the_evaluation_workbook_recalculates_to_the_core(tmp_path):
    """bcalc evaluate --xlsx: LibreOffice recalculates the formulas (variance, volume, price,
    forecast, category totals) to the core's cents."""
    from tests.lo import named_values, recalc

    case_path, actuals_path = _files(tmp_path)
    target = tmp_path / "evaluatie.xlsx"
    ok("evaluate", case_path, actuals_path, "--xlsx", target)
    values = named_values(recalc(target, tmp_path))
    ev = _evaluate(tmp_path)
    for t in ev.categories:
        for what in ("plan", "actual", "variance", "forecast", "plan_total"):
            # a spreadsheet subtracts in binary floating point: compared to the cent
            assert round_cents(values[f"eval_{t.code}_{what}"]) == getattr(t, what), (t.code, what)
        assert round_cents(values[f"eval_{t.code}_carried"]) == t.carried, t.code
    assert round_cents(values["eval_cost_variance"]) == D("21.91")
    assert round_cents(values["eval_cost_per_client_per_month"]) == D("264.96")


def test_the_workbook_is_not_overwritten_without_force(tmp_path):
    case_path, actuals_path = _files(tmp_path)
    target = tmp_path / "evaluatie.xlsx"
    target.write_text("keep", encoding="utf-8")
    bad("evaluate", case_path, actuals_path, "--xlsx", target)
    assert target.read_text(encoding="utf-8") == "keep"
    ok("evaluate", case_path, actuals_path, "--xlsx", target, "--force")
    assert target.read_bytes()[:2] == b"PK"


# ---- the business case documents with actuals ---------------------------------------------------


def test_report_with_actuals_adds_a_chapter_and_a_sheet(tmp_path):
    from openpyxl import load_workbook

    case_path, actuals_path = _files(tmp_path)
    md, xlsx = tmp_path / "r.md", tmp_path / "r.xlsx"
    ok("report", case_path, "--actuals", actuals_path, "--md", md, "--xlsx", xlsx, "--lang", "en")
    text = md.read_text(encoding="utf-8")
    # the evaluation is chapter 8; attention and sources move to 9 and 10
    assert "## 8. Evaluation: actuals against the plan" in text
    assert "## 9. " in text and "## 10. " in text
    assert "| Maandelijkse huur (huur) | Recurring | 30 | 28 | 1,872.00 | 1,799.20 | -72.80 | -124.80 | 52.00 |" in text
    wb = load_workbook(xlsx)
    assert wb.sheetnames[-1] == "Evaluation"
    assert "eval_cost_forecast" in wb.defined_names
    # without actuals the documents are as they were: no chapter, no sheet
    ok("report", case_path, "--md", md, "--xlsx", xlsx, "--force")
    assert "Evaluatie" not in md.read_text(encoding="utf-8")
    assert "Evaluatie" not in load_workbook(xlsx).sheetnames


def test_report_with_bad_actuals_writes_nothing(tmp_path):
    case_path, actuals_path = _files(tmp_path, "months:\n  - month: 2030-01\n")
    md = tmp_path / "r.md"
    result = bad("report", case_path, "--actuals", actuals_path, "--md", md)
    assert f"{actuals_path}:2: months[0].month: 2030-01 is outside the case's horizon" in result.stderr
    assert not md.exists()


def test_the_page_names_every_key_and_measure():
    from bcalc import fields
    from bcalc.actuals_loader import COLUMNS, MEASURES

    page = (ROOT / "docs" / "actuals.md").read_text(encoding="utf-8")
    for sec in fields.SECTIONS.values():
        if sec.file == "actuals":
            for f in sec.fields:
                assert f"`{f.name}`" in page, (sec.name, f.name)
    for word in MEASURES + COLUMNS:
        assert f"`{word}`" in page, word


def test_a_folder_of_cases_may_hold_actuals_files(tmp_path):
    """bcalc portfolio over a folder leaves the actuals files in it aside (they are not cases)."""
    from bcalc.portfolio_loader import gather

    case_path, actuals_path = _files(tmp_path)
    found = gather([tmp_path])
    assert [p for p, _ in found.cases] == [case_path]


def test_the_example_in_csv_is_the_example_in_yaml():
    from bcalc.render.evaluate_view import as_dict

    loaded = app.load(ROOT / "examples" / "medicijndispensers.yaml")
    folder = ROOT / "examples" / "actuals"
    from_yaml = as_dict(app.evaluate(loaded, folder / "medicijndispensers-pilot.yaml"))
    from_csv = as_dict(app.evaluate(loaded, folder / "medicijndispensers-pilot.csv"))
    assert from_yaml.pop("actuals") and not from_csv.pop("actuals")
    assert from_csv == from_yaml


def test_hours_of_a_role_the_plan_does_not_count(tmp_path):
    """Hours of a role with no planned time: valued at its rate where the case gives one (a key user
    at EUR 55 is added to the case: 6 h x 55 = 330,00, all volume), else hours only."""
    case = CASE.replace("  teams: 1\n", "  key_user: {count: 2, rate: 55}\n  teams: 1\n")
    case_path, actuals_path = _files(tmp_path, "months:\n  - month: 2027-01\n    hours: {key_user: 6, "
                                               "data_analyst: 2}\n", case=case)
    ev = app.evaluate(app.load(case_path), actuals_path)
    key = _line(ev, "hours", "key_user")
    assert (key.plan, key.actual, key.volume, key.price, key.valued) == (0, D("330.00"), D("330.00"), 0, True)
    analyst = _line(ev, "hours", "data_analyst")
    assert (analyst.actual, analyst.actual_quantity, analyst.valued) == (0, 2, False)


# ---- golden Markdown of the example --------------------------------------------------------------

GOLDEN = ROOT / "tests" / "golden" / "evaluate"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_golden_markdown_of_the_example(lang):
    """`bcalc evaluate --format markdown` of the example pilot; regenerate after a deliberate change
    with BCALC_UPDATE_GOLDEN=1 python -m pytest tests/test_actuals.py."""
    import os

    text = ok("evaluate", ROOT / "examples" / "medicijndispensers.yaml",
              ROOT / "examples" / "actuals" / "medicijndispensers-pilot.yaml", "--format", "markdown",
              "--lang", lang).stdout
    golden = GOLDEN / f"medicijndispensers-pilot.{lang}.md"
    if os.environ.get("BCALC_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"missing {golden}; run with BCALC_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


# ---- invariants ------------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

CENTS = st.integers(min_value=0, max_value=500_000).map(lambda n: D(n) / 100)
COUNTS = st.integers(min_value=0, max_value=60)


@settings(max_examples=200, deadline=None)
@given(plan=CENTS, actual=CENTS, plan_qty=COUNTS, actual_qty=COUNTS)
def test_volume_and_price_always_add_up_to_the_variance(plan, actual, plan_qty, actual_qty):
    volume, price = split(actual - plan, plan, D(plan_qty), D(actual_qty))
    assert volume + price == actual - plan
    assert volume == round_cents(volume) and price == round_cents(price)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(months=st.lists(st.tuples(st.integers(0, 23), COUNTS, CENTS, COUNTS, CENTS), min_size=1, max_size=6,
                       unique_by=lambda t: t[0]))
def test_totals_are_sums_of_lines_and_the_forecast_holds_the_actuals(tmp_path_factory, months):
    """Random months of actuals (month, clients, huur invoice, its quantity, funding): every category
    is the sum of its lines, cost the sum of the categories, the forecast of a line its actuals plus the
    plan of the months not covered, and every volume and price part adds up to its variance."""
    tmp = tmp_path_factory.mktemp("inv")
    text = "months:\n" + "".join(
        f"  - month: {2027 + i // 12}-{i % 12 + 1:02d}\n    clients: {n}\n"
        f"    invoices:\n      - {{item: huur, amount: {amount}, quantity: {q}}}\n"
        f"    funding: {{H139: {funding}}}\n" for i, n, amount, q, funding in months)
    ev = _evaluate(tmp, text)
    for t in ev.categories[:4]:
        assert t.plan == sum((ln.plan for ln in ev.lines if ln.category == t.code and ln.kind != "funding"), ZERO)
        assert t.actual == sum((ln.actual for ln in ev.lines if ln.category == t.code and ln.kind != "funding"), ZERO)
    cost = ev.category("cost")
    assert cost.actual == sum((ev.category(c).actual for c in ("one_off", "recurring", "training", "hours", "vat")),
                              ZERO)
    assert ev.category("net").forecast == ev.category("funding").forecast - cost.forecast
    huur = _line(ev, "item", "huur")
    assert huur.actual == sum((amount for _, _, amount, _, _ in months), ZERO)
    assert huur.volume + huur.price == huur.variance
    covered = {i for i, *_ in months}
    rest = sum((D("624.00") if i < 12 else D("1248.00") for i in range(24) if i not in covered), ZERO)
    assert huur.forecast == huur.actual + rest       # 10 x 62,40 a month in 2027, 20 x in 2028


def test_criteria_given_to_evaluate_in_every_format(tmp_path):
    from bcalc.render.evaluate_view import as_dict, render_markdown

    case_path, actuals_path = _files(tmp_path)
    ev = app.evaluate(app.load(case_path), actuals_path,
                      criteria=[{"gate": "opschaling", "kpi": "cost_per_client_per_month", "max": D("250")},
                                {"gate": "opschaling", "kpi": "price:huur", "max": D("65")}])
    # 264,96 a client-month against at most 250: not met; huur at 64,26 against at most 65: met
    assert [(c["kpi"], c["status"], c["value"]) for c in as_dict(ev)["criteria"]] == [
        ("cost_per_client_per_month", "not_met", "264.96"), ("price:huur", "met", "64.26")]
    text = render_markdown(ev, "nl")
    assert "| opschaling | Kosten per cliënt per maand | hoogstens € 250,00 | € 264,96 | niet gehaald |" in text


def test_a_narrow_terminal_gets_the_table_in_parts():
    from tests.conftest import NARROW_ENV

    out = ok("evaluate", ROOT / "examples" / "medicijndispensers.yaml",
             ROOT / "examples" / "actuals" / "medicijndispensers-pilot.yaml", "--lang", "en",
             env={**NARROW_ENV, **ENGLISH}).stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    # the figures stay whole (no number folded over two lines)
    assert "140,802.61" in out and "-124.80" in out and "3,651.20" in out
