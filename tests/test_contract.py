"""Contract terms, contract checks, pricing models, comparison and scenarios in the core,
worked by hand from seed 001 prices."""

from __future__ import annotations

from decimal import Decimal as D

from conftest import line, year_row

from bcalc.core import estimate
from bcalc.core.compare import compare_products, swap
from bcalc.core.choices import choice_pricing
from bcalc.core.scenarios import scenario_table
from bcalc.messages import say

CMED = """
    case: cMed Plus met koppeling
    start: 2027-01
    years: {years}
    scenario: none
    staff: {{care_staff: {{count: 0, rate: 40}}, project_lead: {{count: 1}}, teams: 1}}
    deployments:
      - product: cmed-plus
        clients: 10
        options: [koppeling]
        {contract}
"""


def cmed(years: int, contract: str = "") -> str:
    return CMED.format(years=years, contract=contract)


def test_stopping_after_year_two_while_fixed_costs_run_to_the_end_of_the_term(run):
    # Year 1: installatie 10 x 52,02 = 520,20; implementatie 2.500; koppeling 3.000 (one-off 6.020,20);
    #         huur 10 x 12 x 69,95 = 8.394; onderhoud koppeling 1.000 (recurring 9.394); training 1 team x 800.
    # Year 2: huur 8.394 + onderhoud 1.000.
    # Year 3: no clients: ophalen 10 x 52,02 = 520,20 (001:532); onderhoud 1.000 still runs (term 4).
    # Year 4: onderhoud 1.000.
    r = run(cmed(4, "contract: {term: 4, exit_year: 2}"))
    rows = [year_row(r, y) for y in (2027, 2028, 2029, 2030)]
    assert [t.one_off for t in rows] == [D("6020.20"), D("0"), D("520.20"), D("0")]
    assert [t.recurring for t in rows] == [D("9394.00"), D("9394.00"), D("1000.00"), D("1000.00")]
    assert rows[0].training == D("800.00")
    assert line(r, "ophalen", 2029).quantity == 10
    # without a term the fixed costs stop with the organisation
    r2 = run(cmed(4, "contract: {exit_year: 2}"))
    assert year_row(r2, 2029).recurring == 0 and year_row(r2, 2030).recurring == 0


def test_minimum_volume_is_billed_during_the_term(run):
    # huur 2027: 10 x 12 x 62,40 = 7.488; 2028: 4 in use but 8 billed: 8 x 12 x 62,40 = 5.990,40;
    # 6 units collected at the start of 2028: 6 x 29 = 174 (001:564)
    r = run("""
        case: Minimum
        start: 2027-01
        years: 2
        scenario: none
        staff: {care_staff: {count: 0}, project_lead: {count: 1}}
        deployments:
          - product: medido
            clients: [10, 4]
            contract: {term: 2, min_clients: 8}
    """)
    assert line(r, "huur", 2027).excl_vat == D("7488.00")
    assert line(r, "huur", 2028).excl_vat == D("5990.40")
    assert line(r, "ophalen", 2028).excl_vat == D("174.00")
    assert any(w.code == "check_minimum" for w in r.warnings)


def test_a_term_longer_than_the_horizon_says_what_is_still_owed(run):
    # Horizon 2 years, term 4. Stopping at the end of the horizon: devices collected at the start of
    # year 3 (520,20 + 21 % = 629,44), onderhoud 1.000 + 210 in years 3 and 4: 629,44 + 2 x 1.210 = 3.049,44
    r = run(cmed(2, "contract: {term: 4}"))
    assert r.owed_after_horizon == D("3049.44")
    owed = [w for w in r.warnings if w.code == "check_owed"]
    assert owed and "€ 3.049,44" in say(owed[0], "nl") and "001:320-324" in say(owed[0], "nl")
    assert run(cmed(2)).owed_after_horizon == 0


def test_contract_checks_cite_their_tips(run):
    r = run("""
        case: Robots
        start: 2027-01
        years: 3
        scenario: none
        deployments:
          - product: tessa
            clients: 5
            options: [introductie]
          - product: paro
            clients: 1
    """)
    by_code = {w.code: w for w in r.warnings}
    # 5 Tessa's: the 6th makes the introduction project EUR 900 instead of EUR 1.550 (001:829-831)
    assert "met 1 meer (vanaf 6, nu 5) geldt €900 in plaats van €1.550; € 650,00 minder" in say(by_code["check_tier"], "nl")
    assert "001:295-297" in say(by_code["check_cap"], "nl")
    assert "2 leveranciers (Focal Meditech, Tinybots)" in say(by_code["check_suppliers"], "nl")
    # installation EUR 0-100 per placement, 5 placements: 5 x 100 = 500 between the ends
    ranges = [say(w, "nl") for w in r.warnings if w.code == "check_range"]
    assert any("Installatie kosten" in t and "€ 500,00" in t for t in ranges)
    # handling EUR 100-150: 5 x 50 = 250
    assert any("Beheer & handling" in t and "€ 250,00" in t for t in ranges)


def test_fixed_costs_check_gives_the_yearly_amount(run):
    r = run(cmed(2))
    fixed = next(w for w in r.warnings if w.code == "check_fixed")
    assert "€ 1.000,00 per jaar" in say(fixed, "nl") and "Onderhoud & beheer koppeling" in say(fixed, "nl")


def test_pricing_model_break_even_for_ccontact(catalogue, tariffs, run):
    # enterprise EUR 500 a month for the organisation (001:2201) against essential EUR 9,50 per active
    # employee a month (001:2202): equal at 500 / 9,5 = 52,6 employees, so enterprise is cheaper from 53.
    r = run("""
        case: Beeldzorg
        start: 2027-01
        years: 1
        scenario: none
        staff: {care_staff: {count: 30}}
        deployments:
          - product: ccontact
            clients: 10
            options: [enterprise]
    """)
    from bcalc.core.engine import estimate as full

    pricing = choice_pricing(r.case, catalogue, tariffs,
                             lambda c, p: full(c, catalogue, tariffs, prices=p, checks=False))
    cp = next(p for p in pricing if p.choice.id == "licentie")
    costs = {o.option: o.cost for o in cp.options}
    assert costs["enterprise"] == D("7260.00")        # 500 x 12 x 1,21
    assert costs["essential"] == D("4138.20")         # 30 x 9,50 x 12 x 1,21
    (be,) = cp.break_evens
    assert (be.cheaper, be.than, be.driver, be.count) == ("enterprise", "essential", "care_staff", 53)
    check = next(w for w in r.warnings if w.code == "check_pricing")
    assert "'essential' kost over de looptijd € 4.138,20, 'enterprise' € 7.260,00" in say(check, "nl")


def test_compare_equals_separate_estimates_of_the_swapped_cases(catalogue, tariffs, run):
    r = run("""
        case: Dispensers
        start: 2027-03
        years: 3
        scenario: base
        staff: {care_staff: {count: 10, rate: 40}, project_lead: {count: 1, rate: 70}, teams: 2}
        deployments:
          - product: medido
            clients: [20, 25, 25]
            options: [zorgcentrale]
            prices: {huur: 58}
    """)
    cmp = compare_products(r.case, catalogue, tariffs, 0, ["cmed-plus"])
    medido, cmed_plus = cmp.alternatives
    assert medido.totals.cost == r.total.cost
    swapped, notes, missing = swap(r.case, catalogue, 0, "cmed-plus")
    assert not missing and swapped.deployments[0].prices == {}          # Medido's negotiated price dropped
    assert any(n.code == "compare_prices" for n in cmed_plus.assumptions)
    assert cmed_plus.totals.cost == estimate(swapped, catalogue, tariffs).total.cost
    assert cmp.cheapest == 0
    assert cmp.pairs[0].delta == cmed_plus.totals.cost - medido.totals.cost
    # Medido's implementation is included (001:565); cMed Plus charges EUR 2.500 (001:533) + 21 %
    inc = cmp.included[0]
    assert (inc.label, inc.amount, inc.source) == ("Implementatie door leverancier", D("3025.00"), "001:533")


def test_scenario_grid_and_the_stopping_rows(catalogue, tariffs, run):
    r = run(cmed(4, "contract: {term: 4}\n        index_cap: 2%").replace("scenario: none", "scenario: base"))
    table = scenario_table(r.case, catalogue, tariffs)
    grid = {row.key: row.totals.cost for row in table.rows if row.group == "grid"}
    for end in ("low", "mid", "high"):
        for rec in ("0", "100"):
            costs = [grid[f"{s}/{end}/{rec}"] for s in ("none", "low", "base", "high")]
            assert costs == sorted(costs)
            assert grid[f"base/{end}/100"] <= grid[f"base/{end}/0"]
    # stop after year 1, scenario base, cap 2 %:
    # spent: year 1 excl 16.214,20 (520,20 + 2.500 + 3.000 + 800 + 8.394 + 1.000) + VAT 3.404,98,
    #        devices collected at the start of year 2: 10 x 52,02 x 1,02 = 530,60 + 111,43 VAT
    # owed:  onderhoud in years 2-4 under the term, per line rounded, then 21 % VAT per line:
    #        1.020,00 + 214,20; 1.040,40 + 218,48; 1.061,21 + 222,85 = 3.777,14
    stop1 = next(row for row in table.rows if row.key == "exit-1")
    assert stop1.spent == D("20261.21")
    assert stop1.owed == D("1234.20") + D("1258.88") + D("1284.06")
    ranked = [row.totals.net for row in table.rows if not row.key.startswith("exit-")]
    assert table.rows[table.best].totals.net == max(ranked) and table.rows[table.worst].totals.net == min(ranked)


# ---- a staffel on the contract's length is measured on the term, not the horizon ---------------

# Three years from January 2027 without indexation, every role at EUR 50 an hour.
THREE_YEARS = """\
start: 2027-01
years: 3
scenario: none
staff:
  care_staff: {count: 10, rate: 50}
  key_user: {count: 2, rate: 50}
  project_lead: {count: 1, rate: 50}
"""

SENSARA_TERM = "case: Sensara 100 kamers\n" + THREE_YEARS + """\
deployments:
  - product: sensara
    clients: 100
    contract: {term: 5}
"""


def test_a_five_year_contract_gets_the_five_year_tier_within_a_three_year_horizon(run):
    """Sensara: about EUR 50 'bij 100 kamers met een contract van 5 jaar', else about EUR 150 (001:1124).
    100 rooms, 36 months in the horizon under a 5-year contract: 100 x 50 x 36 = 180.000,00 excl. VAT,
    21 % VAT on a price that states none: 37.800,00. Nothing is owed after the horizon: the
    subscription is per room in use."""
    result = run(SENSARA_TERM)
    assert [(ln.year, ln.excl_vat) for ln in result.lines if ln.item == "abonnement"] == \
           [(2027, D("60000.00")), (2028, D("60000.00")), (2029, D("60000.00"))]
    assert (result.total.recurring, result.total.vat) == (D("180000.00"), D("37800.00"))
    assert result.owed_after_horizon == D("0.00")  # was -435.600,00 when the tiers were read on the horizon
    without_term = run(SENSARA_TERM.replace("    contract: {term: 5}\n", ""))
    assert without_term.total.recurring == D("540000.00")  # 100 x 150 x 36: three years is no 5-year contract


def test_the_workbook_takes_the_same_tier(tmp_path):
    import lo
    from test_report_xlsx import _expected, _same, _write

    lo.require_soffice()
    case = tmp_path / "sensara-term.yaml"
    case.write_text(SENSARA_TERM, encoding="utf-8")
    path, result = _write(case, tmp_path)
    values = lo.named_values(lo.recalc(path, tmp_path))
    for name, expected in _expected(result).items():
        _same(name, values[name], expected)
    assert values["total_recurring"].quantize(D("0.01")) == D("180000.00")


# ---- consumables stop when use stops ------------------------------------------------------------

ABENA_EXIT = "case: Abena Nova slips\n" + THREE_YEARS + """\
deployments:
  - product: abena-nova
    clients: 15
    quantities: {slips: 300}
    contract: {term: 3, exit_year: 2}
"""


def test_consumables_stop_at_the_exit_year_while_the_term_runs_on(run):
    """Slips at EUR 0,99 a piece (001:3964), 300 a month: 0,99 x 300 x 12 = 3.564,00 a contract year,
    in years 1 and 2; after the exit in year 2 nobody uses them, although the term runs to year 3."""
    result = run(ABENA_EXIT)
    assert [(ln.year, ln.excl_vat) for ln in result.lines if ln.item == "slips"] == \
           [(2027, D("3564.00")), (2028, D("3564.00"))]


WOLK_CARTRIDGES = "case: WOLK\n" + THREE_YEARS + """\
deployments:
  - product: wolk-aanschaf
    clients: 10
    quantities: {patronen: 10}
"""


def test_cartridges_are_no_fixed_cost_that_runs_on_without_clients(run):
    """Ten cartridges a year are one 10-pack at EUR 250 incl. VAT (001:1394): 250 / 1,21 = 206,61 excl.
    a year. A consumable is no fixed cost that runs on without clients, so no point of attention says
    so (it once said EUR 2.500,00 a year)."""
    result = run(WOLK_CARTRIDGES)
    assert [(ln.item, ln.year, ln.excl_vat) for ln in result.lines if ln.base_item == "patronen"] == \
           [("patronen-10", y, D("206.61")) for y in (2027, 2028, 2029)]
    assert not [w for w in result.warnings if w.code == "check_fixed"]


MEDIDO_EXIT = """\
case: Medido met vertrek
start: 2027-01
years: 3
scenario: none
staff:
  care_staff: {count: 10, rate: 40}
  key_user: {count: 2, rate: 40}
  project_lead: {count: 1, rate: 70}
  teams: 2
deployments:
  - product: medido
    clients: 20
    contract: {term: 3, exit_year: 2}
"""


def test_cost_per_client_month_counts_only_the_months_in_use(run, tmp_path):
    """20 dispensers in years 1 and 2, none after the exit: 20 x 24 = 480 client-months, not the
    720 of three years."""
    result = run(MEDIDO_EXIT)
    assert result.total.cost == D("43140.85")
    # 43.140,85 / 480 = 89,88 a client-month in use (over 720 it would read 59,92)
    assert result.investment.cost_per_client_month.quantize(D("0.01")) == D("89.88")
    from conftest import ok

    case = tmp_path / "exit.yaml"
    case.write_text(MEDIDO_EXIT, encoding="utf-8")
    ok("report", case, "--md", tmp_path / "r.md")
    assert "(480 cliëntmaanden)" in " ".join((tmp_path / "r.md").read_text(encoding="utf-8").split())
