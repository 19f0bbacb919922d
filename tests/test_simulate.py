"""bcalc simulate: Monte Carlo over what bcalc sensitivity moves (catalogue ranges, "±" prices, the
case's clients, benefits, staff rates, funding tariffs, indexation) and --vary inputs; --prices-only
draws the catalogue's ranges and "±" prices alone.

Hand-worked figures: Medido for 40 clients, one year, no indexation, 21 % VAT, nothing recoverable.
The zorgcentrale (EUR 10-15 per unit per month, 001:569) costs 40 x 12 x price x 1,21 = 580,80 x price.
Its price is triangular(10; 12,50; 15): symmetric, so the median is 12,50, and the 10th percentile
solves (x - 10)^2 / (5 x 2,5) = 0,10, so x = 10 + sqrt(1,25) = 11,1180.
"""

from __future__ import annotations

import json
import math
import sys
import textwrap
from dataclasses import replace
from functools import partial
from decimal import Decimal

import pytest

from bcalc.core import estimate
from bcalc.core.uncertain import Model
from bcalc.core.simulate import parse_vary, simulate
from bcalc.errors import InputError
from bcalc.loader import load_case
from bcalc.models import Indexation
import conftest

np = pytest.importorskip("numpy")

# a terminal of 80 columns, as most people have
invoke = partial(conftest.invoke, env={**conftest.NARROW_ENV, **conftest.ENGLISH})  # refusals: English text
ok = partial(conftest.ok, env=conftest.NARROW_ENV)
MONEY_KEYS = ("p10", "p50", "p90", "mean")

MEDIDO_1Y = """\
    case: Medido een jaar
    start: 2027-01
    years: 1
    scenario: none
    staff:
      care_staff: {count: 10, rate: 50}
      project_lead: {count: 1, rate: 70}
      teams: 2
    deployments:
      - product: medido
        clients: 40
        options: [zorgcentrale]
"""

VIVAGO = """\
    case: Vivago zonder bereiken
    start: 2027-01
    years: 3
    scenario: base
    staff:
      care_staff: {count: 30, rate: 50}
      functional_admin: {count: 1, rate: 50}
      data_analyst: {count: 2, rate: 50}
    deployments:
      - product: vivago
        clients: [20, 25, 25]
"""

BENEFITS = """\
    case: Medido met baten
    start: 2027-01
    years: 3
    scenario: none
    discount_rate: 3%
    staff:
      care_staff: {count: 20, rate: 50}
      project_lead: {count: 1, rate: 70}
      teams: 2
    deployments:
      - product: medido
        clients: 40
        options: [zorgcentrale]
    funding:
      - code: H139
        clients: 10
        hours_per_month: 1
        tariff: 80
    benefits:
      - label: Minder medicatierondes
        kind: time
        per: day
        minutes: 10
        role: care_staff
        realisation: 50%
"""


@pytest.fixture
def case_file(tmp_path):
    def _make(text: str, name: str = "case.yaml"):
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _make


@pytest.fixture
def load(case_file, catalogue, tariffs):
    def _load(text: str):
        return load_case(case_file(text), catalogue, tariffs)

    return _load


# ---- collapsed ranges equal the estimate to the cent ----------------------------------------------


def test_no_uncertain_inputs_every_percentile_is_the_estimate(load, catalogue, tariffs):
    case = load(VIVAGO)
    exact = estimate(case, catalogue, tariffs).total
    sim = simulate(case, catalogue, tariffs, draws=5000, seed=3, scope="prices")
    assert sim.inputs == () and sim.settled == "no_inputs"
    for metric in ("cost", "benefits", "funding", "net"):
        stat = sim.stats[metric]
        for key in MONEY_KEYS:
            assert getattr(stat, key) == getattr(exact, metric), (metric, key)
    assert sim.max_deviation == Decimal("0.00")
    assert [(b.low, b.high, b.count) for b in sim.histogram] == [(exact.net, exact.net, 5000)]
    assert sim.probability == 0.0 and sim.probability_of == "net"


def test_collapsed_vary_equals_estimate_of_that_case(load, catalogue, tariffs):
    case = load(BENEFITS)
    sim = simulate(case, catalogue, tariffs, draws=2000, seed=1, scope="prices",
                   vary=["indexation.prices=3%:3%", "benefits[0].minutes=8:8"])
    changed = replace(case, indexation=Indexation(prices=Decimal("0.03")),
                      benefits=(replace(case.benefits[0], minutes=Decimal(8)),))
    exact = estimate(changed, catalogue, tariffs)
    # the zorgcentrale range still varies: its mode run is the exact estimate of the changed case
    assert sim.base.net == exact.total.net and sim.base.npv == exact.investment.npv
    assert sim.modes_moved
    # collapse the range too (a negotiated price at one point): every percentile is the estimate
    point = simulate(case, catalogue, tariffs, draws=2000, seed=1, scope="prices",
                     vary=["indexation.prices=3%:3%", "benefits[0].minutes=8:8",
                           "deployments[0].prices.zorgcentrale=12.5:12.5"])
    assert point.inputs[-1].fixed
    for metric in ("cost", "benefits", "funding", "net", "npv"):
        want = exact.investment.npv if metric == "npv" else getattr(exact.total, metric)
        for key in MONEY_KEYS:
            assert getattr(point.stats[metric], key) == want, (metric, key)


def test_collapsed_through_the_cli_json(case_file, catalogue, tariffs):
    path = case_file(VIVAGO)
    est = json.loads(ok("estimate", path, "--format", "json").stdout)
    sim = json.loads(ok("simulate", path, "--format", "json", "--draws", "1000", "--prices-only",
                        "--vary", "deployments[0].clients=25:25").stdout)
    for metric in ("cost", "benefits", "funding", "net"):
        assert set(sim["stats"][metric].values()) == {est["total"][metric]}
    assert sim["check"] == {"draws": 20, "max_deviation": "0.00"}


# ---- the distribution ----------------------------------------------------------------------------


def test_p50_and_p10_of_the_zorgcentrale_range_are_hand_worked(load, catalogue, tariffs):
    case = load(MEDIDO_1Y)
    mid = estimate(case, catalogue, tariffs).total.cost
    sim = simulate(case, catalogue, tariffs, draws=50_000, seed=2027, scope="prices")
    assert [i.key for i in sim.inputs] == ["catalogue.medido.zorgcentrale"]
    per_euro = Decimal("580.80")            # 40 x 12 x 1,21
    assert abs(sim.stats["cost"].p50 - mid) < Decimal("15")          # 3 standard errors is about EUR 10
    p10 = mid + (Decimal(10 + math.sqrt(1.25)) - Decimal("12.5")) * per_euro   # = mid - 802,7
    assert abs(sim.stats["cost"].p10 - p10) < Decimal("20")
    p90 = mid + (Decimal(15 - math.sqrt(1.25)) - Decimal("12.5")) * per_euro
    assert abs(sim.stats["cost"].p90 - p90) < Decimal("20")
    assert abs(sim.stats["cost"].mean - mid) < Decimal("10")
    assert sim.stats["net"].p10 == -sim.stats["cost"].p90          # no funding, no benefits


def test_low_high_vary_takes_the_case_value_as_mode_clamped(load, catalogue, tariffs):
    case = load(MEDIDO_1Y)
    model = Model(case, catalogue, tariffs)
    inside = parse_vary("deployments[0].clients=30:45", model)
    assert (inside.low, inside.mode, inside.high) == (30, 40, 45)
    above = parse_vary("deployments[0].clients=20:30", model)
    assert above.mode == 30
    explicit = parse_vary("benefits[0].minutes=5:10:15", Model(load(BENEFITS), catalogue, tariffs))
    assert (explicit.low, explicit.mode, explicit.high) == (5, 10, 15)
    rate = parse_vary("indexation.prices=1%:4%", model)
    assert (rate.low, rate.mode, rate.high) == (Decimal("0.01"), Decimal("0.01"), Decimal("0.04"))  # none: 0 -> 1 %


def test_clients_scale_every_year_with_the_peak(load, catalogue, tariffs):
    case = load(VIVAGO)
    from bcalc.core.uncertain import apply

    model = Model(case, catalogue, tariffs)
    inp = parse_vary("deployments[0].clients=20:30", model)
    assert apply(model, inp, Decimal(30)).case.deployments[0].clients == (24, 30, 30)
    assert apply(model, inp, Decimal(20)).case.deployments[0].clients == (16, 20, 20)


def test_same_seed_same_json_other_seed_other_json(case_file):
    path = case_file(BENEFITS)
    args = ("simulate", path, "--format", "json", "--draws", "3000", "--vary", "benefits[0].realisation=30%:70%")
    one = ok(*args, "--seed", "7").stdout
    two = ok(*args, "--seed", "7").stdout
    other = ok(*args, "--seed", "8").stdout
    assert one == two
    assert one != other


def test_json_shape(case_file):
    path = case_file(BENEFITS)
    data = json.loads(ok("simulate", path, "-f", "json", "--draws", "4000", "--seed", "5", "--prices-only",
                         "--vary", "benefits[0].minutes=5:10:15").stdout)
    assert data["format"] == "bcalc.simulate/1"
    assert data["draws"] == 4000 and data["seed"] == 5
    assert set(data["stats"]) == {"cost", "benefits", "funding", "net", "npv"}
    for stat in data["stats"].values():
        assert set(stat) == set(MONEY_KEYS)
        for value in stat.values():
            assert value.count(".") == 1 and len(value.split(".")[1]) == 2
    assert 0 <= data["probability_npv_nonnegative"] <= 1
    assert "probability_net_nonnegative" not in data
    assert sum(b["count"] for b in data["histogram"]) == 4000
    assert all(set(b) == {"from", "to", "count"} for b in data["histogram"])
    assert [i["input"] for i in data["inputs"]] == ["catalogue.medido.zorgcentrale", "benefits[0].minutes"]
    assert data["inputs"][0]["source"] == "001:569" and data["inputs"][1]["origin"] == "vary"
    assert data["check"]["draws"] == 20
    assert data["scope"] == "prices" and data["settled"] is None


# ---- by default: what the sensitivity moves ------------------------------------------------------


def test_without_ranges_it_draws_what_the_sensitivity_moves(load, catalogue, tariffs):
    """Vivago has no range in the catalogue: the simulation still varies the clients (peak 25,
    20 % either way: 20..30), the three staff rates (50, 20 % either way: 40..60) and the indexation
    rates (scenario base, one percentage point either way), each over the sensitivity's own ends."""
    from bcalc.core.sensitivity import sensitivity

    case = load(VIVAGO)
    sim = simulate(case, catalogue, tariffs, draws=4000, seed=3)
    sens = sensitivity(case, catalogue, tariffs)
    moved = {r.input.key: (r.input.low, r.input.mode, r.input.high) for r in sens.rows}
    moved |= {i.key: (i.low, i.mode, i.high) for i in sens.without_effect}
    assert {i.key: (i.low, i.mode, i.high) for i in sim.inputs} == moved
    ends = {i.key: (i.low, i.mode, i.high) for i in sim.inputs}
    assert ends["deployments[0].clients"] == (20, 25, 30)
    for role in ("care_staff", "functional_admin", "data_analyst"):
        assert ends[f"staff.{role}.rate"] == (40, 50, 60)
    rate = tariffs.scenarios["base"].prices.rate(2028)
    assert ends["indexation.prices"] == (rate - Decimal("0.01"), rate, rate + Decimal("0.01"))
    assert sim.scope == "all" and sim.settled is None
    assert sim.stats["cost"].p10 < sim.stats["cost"].p50 < sim.stats["cost"].p90


def test_clients_alone_drawn_give_the_estimates_at_their_percentiles(load, catalogue, tariffs):
    """Medido, one year, 40 clients: with the zorgcentrale and the staff rates held by --vary (one
    year: indexation changes nothing), only the clients vary, triangular(32; 40; 48) rounded to whole
    clients. Its 10th percentile solves (x - 32)^2 / (16 x 8) = 0,10: x = 32 + sqrt(12,8) = 35,58, a
    draw that rounds to 36; P(draw <= 35) = 3,5^2 / 128 = 9,6 % and P(draw <= 36) = 4,5^2 / 128 =
    15,8 %, so P10 is 36 clients, P90 by symmetry 44, P50 40. Every whole number of clients is run
    exactly, so each percentile of the cost is the exact estimate of the case with that many clients."""
    case = load(MEDIDO_1Y)
    sim = simulate(case, catalogue, tariffs, draws=20_000, seed=11,
                   vary=["deployments[0].prices.zorgcentrale=12.5:12.5", "staff.care_staff.rate=50:50",
                         "staff.project_lead.rate=70:70"])
    drawn = [i for i in sim.inputs if not i.fixed]
    assert {i.key for i in drawn} == {"deployments[0].clients", "indexation.prices", "indexation.wages",
                                      "indexation.tariffs"}
    clients = next(i for i in drawn if i.key == "deployments[0].clients")
    assert (clients.low, clients.mode, clients.high) == (32, 40, 48)

    def cost_at(n: int) -> Decimal:
        dep = replace(case.deployments[0], clients=(n,), prices={"zorgcentrale": Decimal("12.5")})
        return estimate(replace(case, deployments=(dep,)), catalogue, tariffs).total.cost

    assert sim.stats["cost"].p10 == cost_at(36)
    assert sim.stats["cost"].p50 == cost_at(40)
    assert sim.stats["cost"].p90 == cost_at(44)
    assert sim.max_deviation == Decimal("0.00")


def test_nothing_uncertain_is_said_instead_of_a_chance(case_file):
    path = case_file(VIVAGO)
    result = invoke("simulate", path, "--draws", "500", "--prices-only")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Nothing in this case is uncertain" in text
    assert "Probability" not in text and "Distribution of" not in text
    data = json.loads(ok("simulate", path, "-f", "json", "--draws", "500", "--prices-only").stdout)
    assert data["settled"] == "no_inputs" and data["probability_net_nonnegative"] is None
    assert data["inputs"] == []


def test_inputs_that_change_nothing_give_no_chance_either(case_file):
    """One year: an indexation rate moves nothing, so every draw has the same net."""
    path = case_file(MEDIDO_1Y)
    data = json.loads(ok("simulate", path, "-f", "json", "--draws", "500", "--prices-only",
                         "--vary", "deployments[0].prices.zorgcentrale=12.5:12.5",
                         "--vary", "indexation.prices=1%:4%").stdout)
    assert data["settled"] == "no_effect" and data["probability_net_nonnegative"] is None
    result = invoke("simulate", path, "--draws", "500", "--prices-only",
                    "--vary", "deployments[0].prices.zorgcentrale=12.5:12.5", "--vary", "indexation.prices=1%:4%")
    assert "The uncertain inputs do not change the net result" in " ".join(result.stdout.split())


def test_the_table_says_what_it_drew(case_file):
    path = case_file(BENEFITS)
    text = " ".join(invoke("simulate", path, "--draws", "500").stdout.split())
    assert ("Drawn is what sensitivity also moves, over the same ends: price ranges and '±' figures, numbers "
            "of clients, the benefits (minutes, hours, amounts and realisation), staff rates, funding tariffs "
            "and indexation.") in text
    narrow = " ".join(invoke("simulate", path, "--draws", "500", "--prices-only").stdout.split())
    assert "Drawn are only the catalogue's price ranges and '±' figures (--prices-only)" in narrow


def test_staff_rate_vary_errors_name_the_role(case_file):
    path = case_file(MEDIDO_1Y.replace("project_lead: {count: 1, rate: 70}", "project_lead: {count: 1}"))
    bad = invoke("simulate", path, "--vary", "staff.zorg.rate=40:60")
    assert bad.exit_code == 2 and "no staff role 'zorg' (roles: care_staff, project_lead)" in bad.stderr
    none = invoke("simulate", path, "--vary", "staff.project_lead.rate=40:60")
    assert none.exit_code == 2 and "staff role 'project_lead' has no rate to vary" in none.stderr


def test_without_discount_rate_the_probability_is_of_the_net(case_file):
    path = case_file(MEDIDO_1Y)
    data = json.loads(ok("simulate", path, "-f", "json", "--draws", "500").stdout)
    assert data["probability_net_nonnegative"] == 0
    assert data["stats"]["npv"] is None and data["histogram_of"] == "net"


# ---- the check against the exact engine -----------------------------------------------------------


def test_check_is_small_for_prices_and_for_multiplying_inputs(load, catalogue, tariffs):
    sim = simulate(load(MEDIDO_1Y), catalogue, tariffs, draws=20_000, seed=1)
    assert sim.check_draws == 20 and sim.max_deviation <= Decimal("0.05")
    # minutes x realisation x clients of one benefit multiply; the cross terms are modelled
    sim = simulate(load(BENEFITS), catalogue, tariffs, draws=20_000, seed=1,
                   vary=["benefits[0].minutes=5:15", "benefits[0].realisation=30%:70%",
                         "deployments[0].clients=30:50", "funding[0].tariff=70:90"])
    assert sim.max_deviation <= Decimal("1.00")


def test_check_really_compares_with_the_engine(load, catalogue, tariffs, monkeypatch):
    """Break the response model on purpose: the check must see it."""
    import bcalc.core.simulate as sim_module

    real_apply = sim_module.apply
    # the response runs see twice the change; the check (through sensitivity.apply_all) sees the truth
    monkeypatch.setattr(sim_module, "apply", lambda model, inp, v: real_apply(model, inp, 2 * v - inp.mode))
    sim = simulate(load(MEDIDO_1Y), catalogue, tariffs, draws=2000, seed=1)
    assert sim.max_deviation > Decimal("100")


def test_reported_in_the_table(case_file):
    out = ok("simulate", case_file(MEDIDO_1Y), "--draws", "2000").stdout
    assert "Controle tegen de exacte rekenkern: grootste afwijking € 0,0" in out
    assert "op 20 trekkingen" in out
    out = ok("simulate", case_file(MEDIDO_1Y), "--draws", "2000", "--lang", "en").stdout
    assert "Check against the exact engine: max deviation €0.0" in out
    assert "001:569" in out and "P50" in out


def test_table_fits_80_columns(load, catalogue, tariffs):
    from rich.console import Console

    from bcalc.render import simulate_view

    sim = simulate(load(BENEFITS), catalogue, tariffs, draws=3000, seed=1,
                   vary=["benefits[0].minutes=5:15", "funding[0].tariff=70:90"])
    for lang in ("nl", "en"):
        console = Console(width=80, record=True)
        simulate_view.render_console(sim, console, lang, "data/tariffs.yaml")
        text = console.export_text()
        assert max(len(line) for line in text.splitlines()) <= 80
        assert "█" in text


# ---- bad input -------------------------------------------------------------------------------------

BAD_SPECS = [
    ("deployments[0].clients", "PATH=LOW:HIGH"),
    ("deployments[3].clients=1:2", "deployments[3] does not exist"),
    ("deployments[0].clients=45:30", "above high"),
    ("deployments[0].clients=30.5:40", "whole numbers"),
    ("deployments[0].clients=3,5:40", "decimal point"),
    ("deployments[0].clients=30:x", "not a number"),
    ("deployments[0].clients=1:2:3:4", "LOW:MODE:HIGH"),
    ("deployments[0].clients=10:50:40", "outside"),
    ("deployments[0].clients=-5:40", "negative"),
    ("deployments[0].clients=30%:40%", "percentage does not apply"),
    ("deployments[0].prices.nope=1:2", "no item 'nope'"),
    ("benefits[0].minutes=5:10", "benefits[0] does not exist"),
    ("funding[0].tariff=70:90", "funding[0] does not exist"),
    ("indexation.prices=10:20", "reads as 1000%"),
    ("indexation.costs=1%:2%", "unknown path"),
    ("staff.care_staff.count=5:9", "unknown path"),
]


@pytest.mark.parametrize("spec,message", BAD_SPECS)
def test_bad_vary_exits_2(case_file, spec, message):
    result = invoke("simulate", case_file(MEDIDO_1Y), "--vary", spec)
    assert result.exit_code == 2, result.stdout
    assert "--vary" in result.stderr and message in result.stderr
    assert "Traceback" not in result.output


def test_bad_vary_for_the_kind_of_benefit_or_funding(case_file):
    path = case_file(BENEFITS)
    for spec, message in (("benefits[0].amount=1:2", "has no amount"),
                          ("benefits[0].realisation=40%:120%", "above 100%"),
                          ("funding[0].day_rate=100:200", "belongs to vpt funding")):
        result = invoke("simulate", path, "--vary", spec)
        assert result.exit_code == 2 and message in result.stderr, (spec, result.stderr)


def test_all_bad_specs_reported_at_once_and_twice_given(case_file):
    result = invoke("simulate", case_file(MEDIDO_1Y), "--vary", "x=1:2", "--vary", "deployments[0].clients=2:1")
    assert result.exit_code == 2 and result.stderr.count("--vary") == 2
    result = invoke("simulate", case_file(MEDIDO_1Y), "--vary", "deployments[0].clients=30:45",
                    "--vary", "deployments[0].clients=20:45")
    assert result.exit_code == 2 and "given twice" in result.stderr


def test_bad_draws_and_scenario_exit_2(case_file):
    path = case_file(MEDIDO_1Y)
    assert invoke("simulate", path, "--draws", "0").exit_code == 2
    result = invoke("simulate", path, "--seed", "-1")
    assert result.exit_code == 2 and "--seed" in result.stderr
    result = invoke("simulate", path, "--scenario", "nope")
    assert result.exit_code == 2 and "--scenario" in result.stderr


def test_parse_vary_raises_input_error(load, catalogue, tariffs):
    with pytest.raises(InputError) as info:
        parse_vary("deployments[0].clients=abc", Model(load(MEDIDO_1Y), catalogue, tariffs))
    assert info.value.problems[0].field == "--vary"


def test_without_numpy_a_clear_message_and_exit_2(case_file, monkeypatch):
    monkeypatch.setitem(sys.modules, "numpy", None)     # `import numpy` now raises ImportError
    result = invoke("simulate", case_file(MEDIDO_1Y))
    assert result.exit_code == 2
    assert "pip install numpy" in result.stderr
    assert "Traceback" not in result.output


def test_estimate_and_sensitivity_do_not_import_numpy():
    import subprocess

    code = ("import sys, io, contextlib\n"
            "from bcalc.cli import app\n"
            "for args in (['estimate', '--format', 'json'],\n"
            "             ['sensitivity', 'examples/zorgrobots.yaml', '-f', 'json']):\n"
            "    buf = io.StringIO()\n"
            "    with contextlib.redirect_stdout(buf):\n"
            "        try:\n"
            "            app(args, prog_name='bcalc')\n"
            "        except SystemExit:\n"
            "            pass\n"
            "    assert buf.getvalue().startswith('{'), args\n"
            "print('numpy' in sys.modules)")
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_progress_bar_stays_off_stdout(case_file):
    path = case_file(VIVAGO)
    result = ok("simulate", path, "--format", "json", "--draws", "250000")
    data = json.loads(result.stdout)
    assert data["draws"] == 250000
