"""Every shortcut of the analyses gives the figures of a fresh full estimate with the same inputs.

The analyses share a memo between their engine runs, run totals only (no lines), re-evaluate only
the parts of a case an input touches, take a scenario row's VAT settings from one run with nothing
recoverable, and reuse what a stopping row has before its stop. Each test here redoes a shortcut's
figures with ``estimate`` on the changed case, with a memo of its own, and asks for the same cents.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from bcalc import app
from bcalc.core.checks import owed_after_horizon
from bcalc.core.choices import _single, _with_option
from bcalc.core.compare import swap
from bcalc.core.engine import estimate, totals
from bcalc.core.finance import break_even_clients
from bcalc.core.memo import Memo
from bcalc.core.scenarios import _halve, _stop_after, scenario_table
from bcalc.core.inputs import catalogue_inputs
from bcalc.core.sensitivity import sensitivity
from bcalc.core.uncertain import Model, Outcome, apply, apply_all, settings
from bcalc.core.simulate import _components, _knots
from bcalc.loader import load_case

ROOT = Path(__file__).resolve().parents[1]
CASES = (sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "tests" / "cases").glob("*.yaml"))
         + [ROOT / "bench" / "large-case.yaml"] + sorted((ROOT / "tests" / "reuse").glob("*.yaml")))
IDS = [f"{p.parent.name}/{p.stem}" for p in CASES]


@pytest.fixture(scope="module", params=CASES, ids=IDS)
def case(request, catalogue, tariffs):
    return load_case(request.param, catalogue, tariffs)


def fresh(case, catalogue, tariffs, scenario=None, prices="mid", checks=False):
    """The full estimate, with nothing taken from another run."""
    return estimate(case, catalogue, tariffs, scenario=scenario, prices=prices, checks=checks, memo=Memo())


def outcome(model: Model) -> Outcome:
    return Outcome.of(replace(model, memo=Memo()).result())


def test_totals_agree_with_the_full_estimate(case, catalogue, tariffs):
    memo = Memo()
    for prices in ("low", "mid", "high"):
        full = fresh(case, catalogue, tariffs, prices=prices)
        summary = totals(case, catalogue, tariffs, prices=prices, memo=memo)
        assert summary.total == full.total
        assert summary.per_year == full.per_year
        assert summary.products == full.products
        assert summary.funding == full.funding and summary.benefits == full.benefits
        assert summary.npv == full.investment.npv
        assert sorted((d, r.item, r.year, r.excl_vat, r.vat) for d, r in summary.rows()) == \
               sorted((ln.deployment, ln.item, ln.year, ln.excl_vat, ln.vat) for ln in full.lines)


def test_a_second_run_from_the_memo_is_the_first(case, catalogue, tariffs):
    memo = Memo()
    first = estimate(case, catalogue, tariffs, memo=memo)
    again = estimate(case, catalogue, tariffs, memo=memo)
    assert memo.hits > 0
    assert again == first
    assert again == fresh(case, catalogue, tariffs, checks=True)


def test_break_even_and_what_is_owed_after_the_horizon(case, catalogue, tariffs):
    result = estimate(case, catalogue, tariffs, memo=Memo())
    full = fresh(case, catalogue, tariffs)

    def run(c, p, s):
        return fresh(c, catalogue, tariffs, scenario=s, prices=p)

    assert result.owed_after_horizon == owed_after_horizon(case, catalogue, tariffs, full, run)
    assert result.investment.break_even_clients == break_even_clients(case, lambda c: run(c, "mid", None))


def test_every_scenario_row(case, catalogue, tariffs):
    table = scenario_table(case, catalogue, tariffs, memo=Memo())
    caps = [d.index_cap for d in case.deployments if d.index_cap is not None]
    for row in table.rows:
        if row.group == "grid":
            full = fresh(replace(case, vat_recoverable=row.recoverable), catalogue, tariffs, row.scenario, row.prices)
            assert row.totals == full.total, row.key
        elif row.key == "cap":
            capped = replace(case, indexation=replace(case.indexation, prices=max(caps)))
            assert row.totals == fresh(capped, catalogue, tariffs, case.scenario).total
        elif row.key == "half":
            assert row.totals == fresh(_halve(case), catalogue, tariffs, case.scenario).total
        else:
            k = int(row.key.removeprefix("exit-"))
            stopped = fresh(_stop_after(case, k, keep_term=True), catalogue, tariffs, case.scenario)
            free = fresh(_stop_after(case, k, keep_term=False), catalogue, tariffs, case.scenario)
            after = owed_after_horizon(stopped.case, catalogue, tariffs, stopped,
                                       lambda c, p, s: fresh(c, catalogue, tariffs, s, p))
            assert row.totals == stopped.total, row.key
            assert row.spent == free.total.cost, row.key
            assert row.owed == stopped.total.cost + after - free.total.cost, row.key


def test_every_sensitivity_swing(case, catalogue, tariffs):
    memo = Memo()
    base = estimate(case, catalogue, tariffs, memo=memo)
    s = sensitivity(case, catalogue, tariffs, base=base, memo=memo)
    model = Model(case, catalogue.for_case(case), tariffs)
    assert s.base == outcome(model)
    for row in s.rows:
        assert row.low == outcome(apply(model, row.input, row.input.low)), (row.input.key, "low")
        assert row.high == outcome(apply(model, row.input, row.input.high)), (row.input.key, "high")
    for inp in s.without_effect:
        assert outcome(apply(model, inp, inp.low)) == s.base == outcome(apply(model, inp, inp.high)), inp.key


def test_simulate_knots_and_a_seeded_sample_of_draws(case, catalogue, tariffs):
    memo = Memo()
    model = Model(case, catalogue.for_case(case), tariffs, memo=memo)
    base = model.result()
    inputs = [inp for inp in catalogue_inputs(model, base, settings(tariffs).approx_spread) if not inp.fixed]
    keys = ("cost", "benefits", "funding") + (("npv",) if base.investment.npv is not None else ())
    years = [row.year for row in base.per_year]
    rate = float(case.discount_rate) if case.discount_rate is not None else None
    for inp in inputs[:6]:
        for value in _knots(inp, model):
            shortcut = apply(model, inp, value).summary()
            full = replace(apply(model, inp, value), memo=Memo()).result()
            assert Outcome.of(shortcut) == Outcome.of(full), (inp.key, value)
            assert _components(shortcut, keys, years, rate) == _components(full, keys, years, rate), (inp.key, value)
    draw = random.Random(7)
    for _ in range(3):
        values = [(inp, Decimal(repr(draw.triangular(float(inp.low), float(inp.high), float(inp.mode)))))
                  for inp in inputs]
        point = apply_all(model, values)
        assert point.run() == outcome(point)


def test_compare_rows(case, catalogue, tariffs):
    memo = Memo()
    own = estimate(case, catalogue, tariffs, memo=memo)
    need = catalogue.products[case.deployments[0].product].need
    found = app.compare_need(case, catalogue, tariffs, 0, app.need_products(catalogue, need), own_result=own,
                             memo=memo)
    for alt in found.comparison.alternatives:
        if alt.result is None:
            continue
        changed = swap(case, catalogue, 0, alt.key)[0]
        full = fresh(changed, catalogue, tariffs, checks=True)
        assert alt.result == full, alt.key
    for cp in found.comparison.pricing:
        alt = next(a for a in found.comparison.alternatives if a.key == cp.product)
        dep = alt.result.case.deployments[0]
        for option in cp.options:
            single = _single(alt.result.case, _with_option(dep, cp.choice, option.option))
            assert option.cost == fresh(single, catalogue, tariffs).total.cost, (cp.product, option.option)
    alone = app.compare_need(case, catalogue, tariffs, 0, app.need_products(catalogue, need))
    assert alone.comparison == found.comparison


# ---- the cases that once went wrong ----------------------------------------------------------------


def test_the_second_tessa_moves_without_moving_the_introduction_project(catalogue, tariffs):
    """The introduction project is charged with the first Tessa deployment, on its peak (10: EUR
    900). Six robots instead of five in the second deployment cost more robots, not another
    introduction price; a shortcut that ran the second deployment alone priced it at EUR 1.550 for
    five robots and EUR 900 for six, and was EUR 786,50 (650 + 21 % VAT) too cheap at the high end."""
    case = load_case(ROOT / "tests" / "reuse" / "two-tessa.yaml", catalogue, tariffs)
    s = sensitivity(case, catalogue, tariffs, memo=Memo())
    row = next(r for r in s.rows if r.input.key == "deployments[1].clients")
    assert (row.input.mode, row.input.high) == (Decimal(5), Decimal(6))
    model = Model(case, catalogue.for_case(case), tariffs)
    full = replace(apply(model, row.input, row.input.high), memo=Memo()).result()
    intro = [ln for ln in full.lines if ln.item == "introductieproject"]
    assert [(ln.deployment, ln.excl_vat) for ln in intro] == [(0, Decimal("900.00"))]
    assert row.high == Outcome.of(full)


def test_a_term_beyond_the_horizon_with_a_benefit_that_counts_its_clients(catalogue, tariffs):
    """Three years of Medido under a five-year term: after the horizon 20 dispensers are collected at
    the start of contract year 4, at EUR 29 indexed three times by 2.41 %: 20 x 29 x 1.0241^3 =
    622.95, plus 21 % VAT 130.82 = 753.77. The benefit's own clients end with the horizon."""
    case = load_case(ROOT / "tests" / "reuse" / "term-beyond-horizon.yaml", catalogue, tariffs)
    result = estimate(case, catalogue, tariffs)
    assert result.owed_after_horizon == Decimal("753.77")


def test_an_indexation_swing_stops_at_minus_100_percent(catalogue, tariffs):
    """Prices fall 99.5 % a year; one percentage point lower would be -100.5 %, below the declared
    bound of an indexation rate: the low end is -100 % and a note says so."""
    case = load_case(ROOT / "tests" / "reuse" / "deflation.yaml", catalogue, tariffs)
    s = sensitivity(case, catalogue, tariffs, memo=Memo())
    inp = next(r.input for r in s.rows if r.input.key == "indexation.prices")
    assert (inp.low, inp.mode, inp.high) == (Decimal("-1"), Decimal("-0.995"), Decimal("-0.985"))
    assert [(n.code, n.params["kind"], n.params["end"], n.params["bound"]) for n in s.notes] == \
           [("sensitivity_index_held", "prices", "low", Decimal("-1"))]
    # at -100 % every price after the first contract year is nothing: only year 1 is paid for
    low = next(r.low for r in s.rows if r.input.key == "indexation.prices")
    full = replace(apply(Model(case, catalogue.for_case(case), tariffs), inp, inp.low), memo=Memo()).result()
    supplier_later = [ln for ln in full.lines if ln.kind == "supplier" and ln.year > 2027 and ln.cost]
    assert supplier_later == [] and low.cost == full.total.cost


def test_a_held_indexation_swing_is_told_in_json_and_table():
    from conftest import ok

    path = ROOT / "tests" / "reuse" / "deflation.yaml"
    data = json.loads(ok("sensitivity", "--format", "json", "--lang", "en", path).stdout)
    assert [(n["code"], n["params"]["end"], n["params"]["bound"]) for n in data["notes"]] == \
           [("sensitivity_index_held", "low", "-1")]
    assert data["notes"][0]["text"] == ("Indexation of prices: the low end is held at -100%; a step of 1% would take "
                                        "a year past -100%, the bound of an indexation rate.")
    table = ok("sensitivity", "--lang", "en", path).stdout
    assert "the low end is held at -100%; a step of 1% would take a year past -100%" in " ".join(table.split())


def test_a_held_indexation_swing_is_told_in_the_business_case(tmp_path):
    from conftest import ok

    ok("report", ROOT / "tests" / "reuse" / "deflation.yaml", "--md", tmp_path / "r.md")
    text = " ".join((tmp_path / "r.md").read_text(encoding="utf-8").split())   # prose is folded
    assert ("Indexatie prijzen: de onderkant is gehouden op -100 %; een stap van 1 % zou een jaar voorbij -100 % "
            "brengen, de grens van een indexatiepercentage.") in text
