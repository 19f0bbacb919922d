"""bcalc portfolio: the cases of an organisation added up, worked by hand (tests/portfolio/).

Catalogue lines (seed 001, price level 2021, no indexation: scenario none in both cases):
- Medido (case Noord, 10 clients from 2027-01, 2 years): installatie EUR 39 per new placement
  (001:563), huur EUR 62,40 a month (001:568), training 1 uur per medewerker (001:566),
  projectleider 4 uur per week gedurende 4 maanden (001:567).
- Vivago (case Zuid, 8 clients from 2027-07, 2 years): aanschaf EUR 330 (001:1127), EUR 28 a month
  (001:1131), uitleg zorgteam 1 uur per zorgprofessional (001:1128), functioneel beheerder 8 uur
  (001:1129), data analyse 4 uur (001:1130).
Rates (care staff 50, project lead 70, functional admin and data analyst 60), the subsidy of
EUR 5.000 and hours_per_fte 1.500 are test inputs. VAT 21 %, nothing recovered unless said.

Noord 2027: installatie 390 + 81,90; huur 62,40 x 10 x 12 = 7.488 + 1.572,48; training 10 x 1 h x 50
= 500; project lead 4 x 52/12 x 4 = 69,33 h x 70 = 4.853,33 -> cost 14.885,71. 2028: 9.060,48.
Zuid 2027 (6 months): aanschaf 2.640 + 554,40; 28 x 8 x 6 = 1.344 + 282,24; training 240 + 480 + 500
-> cost 6.040,64, funding 5.000. 2028: 2.688 + 564,48 = 3.252,48. 2029: 1.344 + 282,24 = 1.626,24.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest

from conftest import WIDE_ENV, invoke
from bcalc import app
from bcalc.core.engine import estimate
from bcalc.errors import InputError
from bcalc.loader import load_all

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "tests" / "portfolio"
FILE = HERE / "portfolio.yaml"
NOORD = HERE / "wijken" / "noord-medido.yaml"
ZUID = HERE / "wijken" / "zuid-vivago.yaml"


@pytest.fixture(scope="module")
def pf():
    return app.portfolio([FILE])


def test_budget_per_year_worked_by_hand(pf):
    assert pf.title == "Begroting zorgtechnologie 2028" and pf.budget_year == 2028
    assert pf.years == (2027, 2028, 2029) and pf.active == (2, 2, 1)
    y27, y28, y29 = pf.per_year
    # 14.885,71 + 6.040,64 = 20.926,35; VAT 81,90 + 1.572,48 + 554,40 + 282,24 = 2.491,02
    assert (y27.cost, y27.vat, y27.funding) == (D("20926.35"), D("2491.02"), D("5000"))
    # budget view 2027: 5.000 - 20.926,35 = -15.926,35; no benefits, so the value view is the same
    assert y27.cash_net == y27.net == D("-15926.35")
    # training 500 + 240 + 480 + 500 = 1.720; internal: the project lead's 4.853,33
    assert (y27.training, y27.internal) == (D("1720.00"), D("4853.33"))
    # 2028: 9.060,48 + 3.252,48 = 12.312,96 ; 2029: 1.626,24
    assert (y28.cost, y29.cost) == (D("12312.96"), D("1626.24"))
    assert pf.year(2028).cost == D("12312.96")
    assert pf.total.cost == D("34865.55") and pf.total.funding == D("5000")


def test_portfolio_equals_the_sum_of_separate_estimates():
    """The bundled examples as a folder: every category of every year equals the sum of the
    examples' own estimates, to the cent."""
    paths = sorted((ROOT / "examples").glob("*.yaml"))
    pf = app.portfolio([ROOT / "examples"])
    results = [_estimate(p) for p in paths]
    assert len(pf.cases) == len(paths)
    for year, totals in zip(pf.years, pf.per_year):
        for key in ("one_off", "recurring", "training", "internal", "vat", "funding", "benefits", "cashable"):
            expected = sum((getattr(r.totals, key) for res in results for r in res.per_year if r.year == year), D(0))
            assert getattr(totals, key) == expected, (year, key)
    assert pf.total.cost == sum((r.total.cost for r in results), D(0))
    assert pf.total.net == sum((r.total.net for r in results), D(0))


def _estimate(path: Path):
    catalogue, tariffs, case = load_all(path)
    return estimate(case, catalogue, tariffs)


def test_needs_codes_and_hours(pf):
    needs = {r.key: r for r in pf.needs}
    assert needs["medication_dispenser"].values == (D("14885.71"), D("9060.48"), D("0"))
    assert needs["lifestyle_monitoring"].values == (D("6040.64"), D("3252.48"), D("1626.24"))
    assert [(r.key, r.total) for r in pf.codes] == [("subsidy", D("5000"))]
    roles = {r.role: r for r in pf.roles}
    # care staff: 10 h in each case (1 h per head, 10 heads) = 20 h in 2027; FTE 20 / 1.500 = 0,01333..
    assert roles["care_staff"].hours == (D("20"), D("0"), D("0"))
    assert roles["care_staff"].fte[0].quantize(D("0.00001")) == D("0.01333")
    assert round(roles["project_lead"].total, 2) == D("69.33")
    assert roles["functional_admin"].total == D("8") and roles["data_analyst"].total == D("4")
    assert [r.role for r in pf.roles] == ["care_staff", "project_lead", "functional_admin", "data_analyst"]


def test_shared_staff_flagged_and_own_staff_not(pf, tmp_path):
    codes = [f.code for f in pf.flags]
    # both cases train the organisation's 10 care staff in 2027: the same people?
    assert codes == ["portfolio_staff_overlap"]
    assert pf.flags[0].params["role"] == "care_staff" and pf.flags[0].params["counts"] == (10, 10)
    # with its own care staff per district, neither counts the organisation's
    for src in (NOORD, ZUID):
        text = src.read_text(encoding="utf-8").replace("    clients: ", "    staff: {care_staff: {count: 5}}\n"
                                                                        "    clients: ")
        (tmp_path / src.name).write_text(text, encoding="utf-8")
    own = app.portfolio([tmp_path])
    assert not own.flags
    assert {r.role: r.total for r in own.roles}["care_staff"] == D("10")   # 5 + 5 heads, 1 h each


def test_same_need_without_labels_is_flagged(tmp_path):
    for n in (1, 2):
        text = NOORD.read_text(encoding="utf-8").replace("    label: Noord\n", "")
        (tmp_path / f"medido-{n}.yaml").write_text(text.replace("Medido wijk Noord", f"Medido {n}"), encoding="utf-8")
    pf = app.portfolio([tmp_path])
    clients = [f for f in pf.flags if f.code == "portfolio_clients_unlabelled"]
    assert len(clients) == 1 and clients[0].params["need"] == "medication_dispenser"
    assert (clients[0].params["first"], clients[0].params["last"]) == (2027, 2028)


def test_portfolio_vat_and_scenario_replace_the_cases(tmp_path):
    text = FILE.read_text(encoding="utf-8") + "vat: {recoverable: 100%}\nscenario: base\n"
    (tmp_path / "wijken").mkdir()
    for src in (NOORD, ZUID):
        shutil.copy(src, tmp_path / "wijken" / src.name)
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    pf = app.portfolio([tmp_path / "p.yaml"])
    assert pf.vat_recoverable == D("1") and pf.scenario == "base"
    assert all(c.scenario == "base" for c in pf.cases)
    y27 = pf.per_year[0]
    # 2027 lies in contract year 1 of both cases: no indexation yet, so only the VAT goes:
    # 20.926,35 - 2.491,02 = 18.435,33
    assert y27.vat == 0 and y27.cost == D("18435.33")
    # with --scenario none the option wins over the portfolio file
    again = app.portfolio([tmp_path / "p.yaml"], scenario="none")
    assert again.scenario == "none" and again.per_year[1].cost == D("12312.96") - D("1572.48") - D("564.48")


def test_parallel_equals_one_process(tmp_path):
    for i in range(45):
        src = (NOORD, ZUID)[i % 2]
        (tmp_path / f"case-{i:02d}.yaml").write_text(src.read_text(encoding="utf-8").replace("label: ", f"label: T{i} "),
                                                     encoding="utf-8")
    one = app.portfolio([tmp_path], jobs=1)
    two = app.portfolio([tmp_path], jobs=2)
    default = app.portfolio([tmp_path])   # 45 cases: workers by default
    assert one == two == default
    # 23 Noord + 22 Zuid cases
    assert one.total.cost == 23 * D("23946.19") + 22 * D("10919.36")


EN = {**WIDE_ENV, "BCALC_LANG": "en"}


def test_every_bad_case_is_reported_and_nothing_written(tmp_path):
    out = tmp_path / "p.xlsx"
    res = invoke("portfolio", HERE / "bad", "--xlsx", out, env=EN)
    assert res.exit_code == 2, res.output
    text = res.output
    assert "kapot-een.yaml:2: start:" in text
    assert "kapot-twee.yaml:5: deployments[0].product: unknown product 'medidoo'" in text
    assert "goed.yaml" not in text and not out.exists()
    with pytest.raises(InputError) as info:
        app.portfolio([HERE / "bad"])
    assert len({p.file for p in info.value.problems}) == 2


def test_bad_portfolio_files(tmp_path):
    p = tmp_path / "p.yaml"
    p.write_text("portfolio: X\nbudgetyear: 2028\ncases:\n  - nergens.yaml\n  - 12\nscenario: hoog\n", encoding="utf-8")
    res = invoke("portfolio", p, env=EN)
    assert res.exit_code == 2
    assert f"{p}:2: budgetyear: unknown field; did you mean 'budget_year'?" in res.output
    assert f"{p}:4: cases[0]: 'nergens.yaml': no such file or folder" in res.output
    assert f"{p}:5: cases[1]: expected the path of a case file or folder" in res.output
    p.write_text(f"portfolio: X\nscenario: hoog\ncases:\n  - {NOORD}\n", encoding="utf-8")
    res = invoke("portfolio", p, env=EN)
    assert res.exit_code == 2 and f"{p}:2: scenario: unknown scenario 'hoog'" in res.output
    q = tmp_path / "q.yaml"
    q.write_text(f"portfolio: Y\ncases:\n  - {NOORD}\n", encoding="utf-8")
    p.write_text(f"portfolio: X\ncases:\n  - {ZUID}\n", encoding="utf-8")
    res = invoke("portfolio", p, q, env=EN)
    assert res.exit_code == 2 and "a second portfolio file" in res.output
    res = invoke("portfolio", tmp_path / "leeg", env=EN)
    assert res.exit_code == 2 and "file not found" in res.output
    (tmp_path / "leeg").mkdir()
    res = invoke("portfolio", tmp_path / "leeg", env=EN)
    assert res.exit_code == 2 and "holds no .yaml case files" in res.output


def test_a_file_named_twice_counts_once(pf):
    twice = app.portfolio([FILE, NOORD])
    assert twice.total == pf.total and twice.repeated == (str(NOORD),)


def test_outputs_agree(tmp_path):
    res = invoke("portfolio", FILE, "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["budget_year"] == 2028 and data["budget"]["cost"] == "12312.96"
    assert data["per_year"][0]["cash_net"] == "-15926.35" and data["total"]["cost"] == "34865.55"
    assert [c["case"] for c in data["cases"]] == ["Medido wijk Noord", "Vivago wijk Zuid"]
    assert data["staff"][0]["fte"]["2027"] == "0.0133"
    assert data["flags"][0]["code"] == "portfolio_staff_overlap"
    res = invoke("portfolio", FILE, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    by_case = sum(D(r["value"]) for r in rows if r["record"] == "case_year" and r["year"] == "2027" and r["key"] == "cost")
    assert by_case == D("20926.35")
    needs = sum(D(r["value"]) for r in rows if r["record"] == "need")
    assert needs == D("34865.55")    # the cost per need adds up to the cost
    res = invoke("portfolio", FILE, "--format", "markdown")
    assert "## Begroting 2028" in res.stdout and "| Kosten | € 12.312,96 |" in res.stdout
    assert "Netto, begrotingsweergave" in res.stdout
    res = invoke("portfolio", FILE, "--lang", "en", "--year", "2027")
    assert res.exit_code == 0 and "In 2027 the 2 cases together cost €20,926.35" in res.stdout


def test_workbook_consolidation_recalculated_in_libreoffice(tmp_path, pf):
    from lo import recalc, require_soffice
    from openpyxl import load_workbook

    require_soffice()
    out = tmp_path / "p.xlsx"
    res = invoke("portfolio", FILE, "--xlsx", out, "--md", tmp_path / "p.md")
    assert res.exit_code == 0, res.output
    assert invoke("portfolio", FILE, "--xlsx", out).exit_code == 2   # exists: --force needed
    calc = recalc(out, tmp_path)
    wb = load_workbook(calc, data_only=True)
    ws = wb["Portefeuille"]
    labels: dict = {}
    for r in range(1, ws.max_row + 1):    # the first row of each label: the table per year
        labels.setdefault(ws.cell(r, 1).value, r)
    for key, label in (("cost", "Kosten"), ("funding", "Financiering"), ("vat", "Btw"),
                       ("cash_net", "Netto, begrotingsweergave"), ("net", "Netto, waardeweergave")):
        row = labels[label]
        got = [D(str(ws.cell(row, 2 + j).value)).quantize(D("0.01")) for j in range(len(pf.years) + 1)]
        want = [getattr(t, key) for t in pf.per_year] + [getattr(pf.total, key)]
        assert got == [w.quantize(D("0.01")) for w in want], key
    # change one case's cost in the cases sheet: the consolidation follows
    from openpyxl import load_workbook as load
    wb2 = load(out)
    cases = wb2["Cases"]
    cases["F2"] = float(cases["F2"].value) + 100     # recurring of the first case-year
    wb2.save(tmp_path / "changed.xlsx")
    calc2 = recalc(tmp_path / "changed.xlsx", tmp_path)
    ws2 = load_workbook(calc2, data_only=True)["Portefeuille"]
    total_col = 2 + len(pf.years)
    assert D(str(ws2.cell(labels["Kosten"], total_col).value)).quantize(D("0.01")) == pf.total.cost + 100


def test_a_case_without_an_organisation_is_compared_with_every_other(tmp_path):
    """Told apart by organisation only when every case names one: a case without may be any's."""
    base = NOORD.read_text(encoding="utf-8").replace("    label: Noord\n", "")
    (tmp_path / "a.yaml").write_text(base, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(base.replace("organisation: Zorggroep Test\n", ""), encoding="utf-8")
    assert "portfolio_clients_unlabelled" in [f.code for f in app.portfolio([tmp_path]).flags]
    (tmp_path / "b.yaml").write_text(base.replace("Zorggroep Test", "Zorggroep Ander"), encoding="utf-8")
    assert "portfolio_clients_unlabelled" not in [f.code for f in app.portfolio([tmp_path]).flags]
