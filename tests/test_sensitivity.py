"""bcalc sensitivity: one input at a time to its low and high end, sorted by swing.

Hand-worked (Medido, 40 clients, one year, no indexation, 21 % VAT, nothing recoverable):
- clients -20 % (32 instead of 40): installation 8 x 39 = 312,00 + VAT 65,52; rent 8 x 12 x 62,40
  = 5.990,40 + VAT 1.257,98 (29.952,00 x 21 % = 6.289,92 and 23.961,60 x 21 % = 5.031,94);
  zorgcentrale 8 x 12 x 12,50 = 1.200,00 + VAT 252,00: together 9.077,90 less cost.
- zorgcentrale EUR 10 to 15 (001:569): 40 x 12 x 5 x 1,21 = 2.904,00 between both ends.
- care staff rate 50 +/- 20 %: 10 heads x 1 hour training x 10 = 100,00 either way.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from dataclasses import replace
from functools import partial
from decimal import Decimal
from pathlib import Path

import pytest
from rich.console import Console

from bcalc.core import estimate
from bcalc.core.sensitivity import Sensitivity, SensitivityRow, sensitivity
from bcalc.loader import load_case, load_tariffs
from bcalc.messages import say
from bcalc.models import Indexation, StaffRole
from bcalc.render import sensitivity_view
import conftest

ROOT = Path(__file__).resolve().parents[1]
# a terminal of 80 columns, as most people have
invoke = partial(conftest.invoke, env=conftest.NARROW_ENV)
ok = partial(conftest.ok, env=conftest.NARROW_ENV)

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

BENEFITS = """\
    case: Medido met baten
    start: 2027-01
    years: 3
    scenario: base
    discount_rate: 3%
    staff:
      care_staff: {count: 20, rate: 50}
      project_lead: {count: 1, rate: 70}
      teams: 2
    deployments:
      - product: medido
        clients: [20, 40, 40]
        options: [zorgcentrale]
    funding:
      - code: VPT
        clients: 5
        day_rate: 160
        technology_share: 2%
    benefits:
      - label: Minder medicatierondes
        kind: time
        per: day
        minutes: 10
        role: care_staff
        realisation: 50%
"""


@pytest.fixture
def load(tmp_path, catalogue, tariffs):
    def _load(text: str):
        path = tmp_path / "case.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return load_case(path, catalogue, tariffs)

    return _load


@pytest.fixture
def case_file(tmp_path):
    def _make(text: str):
        path = tmp_path / "case.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _make


def row(s: Sensitivity, key: str) -> SensitivityRow:
    return next(r for r in s.rows if r.input.key == key)


def keys(s: Sensitivity) -> list[str]:
    return [r.input.key for r in s.rows]


# ---- order and hand-worked values ----------------------------------------------------------------


def test_medido_clients_before_the_zorgcentrale_range(load, catalogue, tariffs):
    s = sensitivity(load(MEDIDO_1Y), catalogue, tariffs)
    order = keys(s)
    assert order.index("deployments[0].clients") < order.index("catalogue.medido.zorgcentrale")
    assert order[0] == "deployments[0].clients"
    clients = row(s, "deployments[0].clients")
    assert (clients.input.low, clients.input.high) == (32, 48)
    assert s.change(clients, "low") == Decimal("9077.90")
    assert s.change(clients, "high") == Decimal("-9077.90")
    assert clients.swing == Decimal("18155.80")
    central = row(s, "catalogue.medido.zorgcentrale")
    assert central.swing == Decimal("2904.00")
    assert central.input.source == "001:569" and central.input.origin == "range"
    care = row(s, "staff.care_staff.rate")
    assert (s.change(care, "low"), s.change(care, "high")) == (Decimal("100.00"), Decimal("-100.00"))
    # one year from January: indexation changes nothing and is listed as without effect
    assert {i.key for i in s.without_effect} == {"indexation.prices", "indexation.wages", "indexation.tariffs"}
    swings = [r.swing for r in s.rows]
    assert swings == sorted(swings, reverse=True)


def test_benefit_minutes_swing_is_large(load, catalogue, tariffs):
    s = sensitivity(load(BENEFITS), catalogue, tariffs)
    order = keys(s)
    assert order.index("benefits[0].minutes") < 3
    minutes = row(s, "benefits[0].minutes")
    # the benefit is about EUR 180.000 over three years: 20 % of it either way
    assert minutes.swing > Decimal("50000")
    assert minutes.swing > row(s, "catalogue.medido.zorgcentrale").swing * 5
    assert minutes.npv_low is not None and minutes.npv_low < s.base.npv < minutes.npv_high
    # realisation is capped at 100 %
    assert row(s, "benefits[0].realisation").input.high == Decimal("0.6")


def test_values_equal_separate_estimates(load, catalogue, tariffs):
    case = load(BENEFITS)
    s = sensitivity(case, catalogue, tariffs)

    def net_npv(c):
        r = estimate(c, catalogue, tariffs)
        return r.total.net, r.investment.npv

    # clients: the peak moves 20 %, the first year scales with it (20 -> 16 and 24)
    clients = row(s, "deployments[0].clients")
    for end, planned in (("low", (16, 32, 32)), ("high", (24, 48, 48))):
        dep = replace(case.deployments[0], clients=planned)
        net, npv = net_npv(replace(case, deployments=(dep,)))
        want = (clients.net_low, clients.npv_low) if end == "low" else (clients.net_high, clients.npv_high)
        assert (net, npv) == want
    # the care staff rate: 40 and 60
    rate = row(s, "staff.care_staff.rate")
    for value, net_, npv_ in ((Decimal(40), rate.net_low, rate.npv_low), (Decimal(60), rate.net_high, rate.npv_high)):
        staff = dict(case.staff)
        staff["care_staff"] = StaffRole(count=20, rate=value)
        assert net_npv(replace(case, staff=staff)) == (net_, npv_)
    # price indexation 2,41 % +/- 1 percentage point (the base scenario has one rate from 2026 on)
    index = row(s, "indexation.prices")
    assert (index.input.low, index.input.high) == (Decimal("0.0141"), Decimal("0.0341"))
    assert net_npv(replace(case, indexation=Indexation(prices=Decimal("0.0341")))) == (index.net_high, index.npv_high)
    # the VPT day rate
    day = row(s, "funding[0].day_rate")
    funding = (replace(case.funding[0], day_rate=Decimal("128.0")),)
    assert net_npv(replace(case, funding=funding)) == (day.net_low, day.npv_low)
    assert s.base.net == estimate(case, catalogue, tariffs).total.net


def test_prices_low_makes_the_low_end_the_base(load, catalogue, tariffs):
    s = sensitivity(load(MEDIDO_1Y), catalogue, tariffs, prices="low")
    central = row(s, "catalogue.medido.zorgcentrale")
    assert central.input.mode == 10 and central.net_low == s.base.net
    assert s.change(central, "high") == Decimal("-2904.00")


def test_approx_prices_use_the_spread(load, catalogue, tariffs):
    s = sensitivity(load("""\
        case: Sensara
        start: 2027-01
        years: 1
        scenario: none
        staff:
          care_staff: {count: 10, rate: 50}
          key_user: {count: 2, rate: 50}
          project_lead: {count: 1, rate: 50}
          functional_admin: {count: 1, rate: 50}
          data_analyst: {count: 1, rate: 50}
        deployments:
          - product: sensara
            clients: 20
    """), catalogue, tariffs)
    approx = [r for r in s.rows if r.input.origin == "approx"]
    assert approx, keys(s)
    inp = approx[0].input
    assert inp.low == inp.mode * Decimal("0.9") and inp.high == inp.mode * Decimal("1.1")
    assert inp.written.startswith("±")


# ---- the uncertainty settings in tariffs.yaml ------------------------------------------------------


def _catalogue_without_uncertainty(tmp_path: Path, replacement: str = "") -> Path:
    folder = tmp_path / "cat"
    folder.mkdir()
    shutil.copy(ROOT / "data" / "suppliers.yaml", folder / "suppliers.yaml")
    text = (ROOT / "data" / "tariffs.yaml").read_text(encoding="utf-8")
    cut = text.index("# Uncertainty for bcalc simulate and sensitivity")
    (folder / "tariffs.yaml").write_text(text[:cut] + replacement, encoding="utf-8")
    return folder


def test_settings_are_read_from_tariffs_yaml(tariffs):
    assert tariffs.uncertainty["approx_spread"] == Decimal("0.10")
    assert tariffs.uncertainty["default_swing"] == Decimal("0.20")
    assert "Aannames" in tariffs.uncertainty["basis"]


def test_without_the_block_defaults_are_used_and_said(tmp_path, case_file):
    folder = _catalogue_without_uncertainty(tmp_path)
    assert load_tariffs(folder).uncertainty == {}
    path = case_file(MEDIDO_1Y)
    data = json.loads(ok("sensitivity", path, "-f", "json", "--catalogue", folder).stdout)
    assert data["assumptions"] == {"approx_spread": "0.1", "default_swing": "0.2", "stated": False, "basis": ""}
    out = " ".join(ok("sensitivity", path, "--catalogue", folder).stdout.split())
    assert "standaardwaarden van bcalc" in out


def test_other_settings_change_the_swing(tmp_path, case_file):
    block = "uncertainty:\n  approx_spread: 5%\n  default_swing: 50%\n  basis: Aanname.\n"
    folder = _catalogue_without_uncertainty(tmp_path, block)
    data = json.loads(ok("sensitivity", case_file(MEDIDO_1Y), "-f", "json", "--catalogue", folder).stdout)
    clients = next(r for r in data["inputs"] if r["input"] == "deployments[0].clients")
    assert (clients["low"], clients["high"]) == ("20", "60")


def test_bad_settings_are_reported_with_their_line(tmp_path, case_file):
    block = "uncertainty:\n  approx_spread: 150%\n  default_swing: 20%\n  basis: Aanname.\n"
    folder = _catalogue_without_uncertainty(tmp_path, block)
    result = invoke("sensitivity", case_file(MEDIDO_1Y), "--catalogue", folder)
    assert result.exit_code == 2
    assert "tariffs.yaml:" in result.stderr and "uncertainty.approx_spread" in result.stderr


# ---- output ----------------------------------------------------------------------------------------


def test_json_shape(case_file):
    data = json.loads(ok("sensitivity", case_file(BENEFITS), "--format", "json").stdout)
    assert data["format"] == "bcalc.sensitivity/1"
    assert set(data["base"]) == {"net", "npv"} and data["base"]["npv"] is not None
    assert data["inputs"]
    want = {"input", "label", "low", "high", "net_low", "net_high", "npv_low", "npv_high", "swing"}
    for entry in data["inputs"]:
        assert want <= set(entry)
        for k in ("net_low", "net_high", "npv_low", "npv_high", "swing"):
            assert len(entry[k].split(".")[1]) == 2
        assert Decimal(entry["swing"]) == abs(Decimal(entry["net_high"]) - Decimal(entry["net_low"]))
    swings = [Decimal(e["swing"]) for e in data["inputs"]]
    assert swings == sorted(swings, reverse=True)


def test_json_without_discount_rate_has_no_npv(case_file):
    data = json.loads(ok("sensitivity", case_file(MEDIDO_1Y), "-f", "json", "--lang", "en").stdout)
    assert data["base"]["npv"] is None
    assert all(e["npv_low"] is None and e["npv_high"] is None for e in data["inputs"])
    assert data["inputs"][0]["label"].startswith("Clients deployment 1")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("which", ["benefits", "kitchen-sink", "medicijndispensers"])
def test_table_fits_80_columns(load, catalogue, tariffs, lang, which):
    if which == "benefits":
        case = load(BENEFITS)
    elif which == "kitchen-sink":
        case = load_case(ROOT / "tests" / "cases" / "kitchen-sink.yaml", catalogue, tariffs)
    else:
        case = load_case(ROOT / "examples" / "medicijndispensers.yaml", catalogue, tariffs)
    s = sensitivity(case, catalogue, tariffs)
    console = Console(width=80, record=True)
    sensitivity_view.render_console(s, console, lang, "data/tariffs.yaml")
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "│" in text and ("█" in text or "░" in text)
    assert "…" not in text                       # nothing cut short
    first = say(s.rows[0].input.label, lang).split()[0]
    assert first in text


def test_cli_table_and_errors(case_file):
    out = ok("sensitivity", case_file(MEDIDO_1Y)).stdout
    assert "Gevoeligheid" in out and "Cliënten inzet 1" in out
    result = invoke("sensitivity", case_file(MEDIDO_1Y), "--scenario", "nope")
    assert result.exit_code == 2 and "--scenario" in result.stderr
    result = invoke("sensitivity", "does-not-exist.yaml")
    assert result.exit_code == 2


def test_sensitivity_is_pure_and_frozen(load, catalogue, tariffs):
    import dataclasses

    case = load(MEDIDO_1Y)
    s = sensitivity(case, catalogue, tariffs)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.rows[0].input.low = Decimal(1)  # type: ignore[misc]
    assert sensitivity(case, catalogue, tariffs) == s


def test_every_row_equals_a_full_engine_run(catalogue, tariffs):
    """Inputs that touch only some deployments are computed on those deployments alone; the result
    must be the full engine's to the cent (net and NPV), also with contracts, tiers and funding."""
    from bcalc.core.uncertain import Model, apply

    case = load_case(ROOT / "tests" / "cases" / "kitchen-sink.yaml", catalogue, tariffs)
    case = replace(case, discount_rate=Decimal("0.04"))
    s = sensitivity(case, catalogue, tariffs)
    model = Model(case, catalogue, tariffs)
    assert len(s.rows) > 15
    for r in s.rows:
        for end, got in (("low", r.low), ("high", r.high)):
            value = getattr(r.input, end)
            if value == r.input.mode:
                continue
            full = apply(model, r.input, value).run()
            assert (got.cost, got.net, got.npv) == (full.cost, full.net, full.npv), (r.input.key, end)
