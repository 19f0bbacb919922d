"""Properties that hold for every case: totals are sums of parts, VAT and indexation behave."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bcalc.core import estimate
from bcalc.models import Case, Deployment, Indexation, StaffRole
from bcalc.money import round_cents

PRODUCTS = {  # product id -> options needed to make it computable
    "medido": ("zorgcentrale",),
    "cmed-plus": ("koppeling",),
    "vivago": (),
    "tessa": ("introductie",),
    "wolk-huur": (),
    "safehip": (),
    "sensara": (),
    "robot-maatje": (),
    "compaan": ("wifi-tablet",),
    "memory-lane": (),
}
STAFF = {role: StaffRole(count=c, rate=D(r)) for role, c, r in (
    ("care_staff", 12, "45.50"), ("key_user", 2, "52"), ("project_lead", 1, "70"),
    ("functional_admin", 1, "61.25"), ("data_analyst", 2, "60"))}

rates = st.decimals(min_value=D("0"), max_value=D("0.12"), places=3)


@st.composite
def cases(draw):
    years = draw(st.integers(1, 6))
    deps = []
    for pid in draw(st.lists(st.sampled_from(sorted(PRODUCTS)), min_size=1, max_size=3, unique=True)):
        clients = tuple(draw(st.lists(st.integers(0, 40), min_size=years, max_size=years)))
        cap = draw(st.one_of(st.none(), st.decimals(min_value=D("0"), max_value=D("0.05"), places=3)))
        deps.append(Deployment(product=pid, clients=clients, options=PRODUCTS[pid], index_cap=cap))
    return Case(
        title="property", start_year=draw(st.integers(2026, 2030)), start_month=draw(st.integers(1, 12)),
        years=years, deployments=tuple(deps), scenario="base",
        indexation=Indexation(draw(rates), draw(rates), draw(rates)),
        vat_recoverable=draw(st.sampled_from([D("0"), D("0.25"), D("0.5"), D("1")])),
        staff=STAFF, teams=3,
    )


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(case=cases(), end=st.sampled_from(["low", "mid", "high"]))
def test_cost_is_the_sum_of_its_parts(catalogue, tariffs, case, end):
    r = estimate(case, catalogue, tariffs, prices=end)
    for t in [r.total] + [row.totals for row in r.per_year] + [p.totals for p in r.products]:
        assert t.cost == t.one_off + t.recurring + t.training + t.internal + t.vat
    for key in ("one_off", "recurring", "training", "internal", "vat", "cost"):
        assert getattr(r.total, key) == sum((getattr(row.totals, key) for row in r.per_year), D(0))
        assert getattr(r.total, key) == sum((getattr(p.totals, key) for p in r.products), D(0))
    assert r.total.cost == sum((ln.excl_vat + ln.vat for ln in r.lines), D(0))
    for ln in r.lines:
        assert ln.excl_vat == round_cents(ln.excl_vat) and ln.vat == round_cents(ln.vat)


@SETTINGS
@given(case=cases())
def test_incl_vat_items_cost_exactly_their_quote_when_nothing_is_recoverable(catalogue, tariffs, case):
    r = estimate(replace(case, vat_recoverable=D("0")), catalogue, tariffs)
    incl = [ln for ln in r.lines if ln.quoted == "incl"]
    for ln in incl:
        quoted = sum((p.quantity * p.unit_price for p in ln.parts), D(0)) if ln.parts else ln.quantity * ln.unit_price
        assert ln.excl_vat + ln.vat == round_cents(quoted)


@SETTINGS
@given(case=cases(), extra=st.decimals(min_value=D("0.001"), max_value=D("0.05"), places=3))
def test_more_indexation_never_lowers_cost(catalogue, tariffs, case, extra):
    base = estimate(case, catalogue, tariffs)
    ix = case.indexation
    higher = replace(case, indexation=Indexation(ix.prices + extra, ix.wages + extra, ix.tariffs + extra))
    more = estimate(higher, catalogue, tariffs)
    assert more.total.cost >= base.total.cost
    for a, b in zip(base.per_year, more.per_year):
        assert b.totals.cost >= a.totals.cost


@SETTINGS
@given(case=cases())
def test_recoverable_vat(catalogue, tariffs, case):
    full = estimate(replace(case, vat_recoverable=D("1")), catalogue, tariffs)
    assert full.total.vat == 0
    none = estimate(replace(case, vat_recoverable=D("0")), catalogue, tariffs)
    half = estimate(replace(case, vat_recoverable=D("0.5")), catalogue, tariffs)
    assert none.total.vat >= half.total.vat >= full.total.vat
    # excl. amounts do not depend on what is recoverable
    assert none.total.cost - none.total.vat == full.total.cost


def test_core_imports_no_io_libraries():
    import subprocess
    import sys

    code = ("import sys, bcalc.core, bcalc.models, bcalc.money; "
            "bad = [m for m in ('yaml', 'openpyxl', 'jinja2', 'typer', 'rich', 'numpy') if m in sys.modules]; "
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_estimate_does_not_import_heavy_renderers():
    import subprocess
    import sys

    code = ("import sys, io, contextlib\n"
            "from bcalc.cli import app\n"
            "buf = io.StringIO()\n"
            "with contextlib.redirect_stdout(buf):\n"
            "    try:\n"
            "        app(['estimate', '--format', 'json'], prog_name='bcalc')\n"
            "    except SystemExit:\n"
            "        pass\n"
            "assert buf.getvalue().startswith('{')\n"
            "print('loaded=' + ','.join(m for m in ('openpyxl', 'jinja2', 'numpy', 'babel') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out.splitlines()[-1] == "loaded="
