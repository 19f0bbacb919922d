"""The business case as a board reads it: the decision first, no command-line text before the
appendix, lines that fit an A4 page, the scenario extremes equal to the scenario engine's."""

import json
import re
import subprocess
import sys
from decimal import Decimal

import pytest

from tests.conftest import WIDE_ENV  # noqa: F401  (same environment as the other CLI tests)


def _run(*args, lang="nl"):
    env = {**WIDE_ENV, "BCALC_LANG": lang}
    return subprocess.run([sys.executable, "-m", "bcalc", *args], capture_output=True, text=True, env=env)


def _report(tmp_path, case, lang="nl"):
    out = tmp_path / f"r.{lang}.md"
    r = _run("report", case, "--md", str(out), "--lang", lang, "--force", lang=lang)
    assert r.returncode == 0, r.stderr
    return out.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_first_half_page_has_both_views_and_the_evidence_warning(tmp_path, lang):
    lines = _report(tmp_path, "examples/zorgrobots.yaml", lang)
    head = re.sub(r"\s+", " ", " ".join(lines[:25]))
    # zorgrobots: value net 156.602,88 - 30.002,25 = 126.600,63; no cash benefits, no funding:
    # budget net = 0 - 30.002,25
    if lang == "nl":
        assert "€ 126.600,63" in head and "-€ 30.002,25" in head
        assert "claim van de leverancier" in head
    else:
        assert "€126,600.63" in head and "-€30,002.25" in head
        assert "supplier" in head


@pytest.mark.parametrize("case", ["zorgrobots", "medicijndispensers", "leefstijlmonitoring", "eigen-case"])
def test_no_command_line_text_before_the_appendix_and_lines_fit(tmp_path, case):
    lines = _report(tmp_path, f"examples/{case}.yaml")
    app = lines.index("## Bijlagen")
    body = lines[:app]
    for line in body:
        assert "`" not in line, line
        assert not re.search(r"bcalc (report|compare|scenarios|sensitivity|simulate)\b", line), line
        assert not re.search(r"(?<![<!-])--[a-z]", line), line
        assert "staff." not in line and not re.search(r"\([a-z]+_[a-z_]+\)", line), line   # no field names
    for line in lines:
        if not line.startswith("|"):
            assert len(line) <= 100, line
    start = body.index(next(x for x in body if x.startswith("#### Tornado")))
    for line in body[start:start + 20]:
        if line.startswith("|"):
            assert len(line) <= 80, line


def test_scenario_summary_equals_the_engine(tmp_path):
    lines = _report(tmp_path, "examples/zorgrobots.yaml")
    r = _run("scenarios", "examples/zorgrobots.yaml", "--format", "json")
    rows = json.loads(r.stdout)["rows"]
    # the engine ranks best and worst without the stopping rows (they say what leaving costs)
    ranked = [x for x in rows if not x["key"].startswith("exit-")]
    nets = [Decimal(x["net"]) for x in ranked]
    stress = [Decimal(x["net"]) for x in ranked if x["group"] != "grid"]
    first_stop = next(Decimal(x["net"]) for x in rows if x["key"] == "exit-1")
    base = next(Decimal(x["net"]) for x in rows if x["key"] == "base/mid/0")

    def fig(d):
        s = f"{abs(d):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
        return ("-" if d < 0 else "") + "€ " + s

    def row(label):
        return next(x for x in lines if x.startswith(f"| {label} |"))
    # engine: best 134.719,26 (high, low prices, VAT back), worst 59.239,52 (half the clients)
    assert fig(max(nets)) in row("Beste") and fig(max(nets)) == "€ 134.719,26"
    assert fig(min(nets)) in row("Slechtste") and fig(min(nets)) == "€ 59.239,52"
    assert fig(base) in row("Deze case") and fig(base) == "€ 126.600,63"
    assert fig(min(stress)) in row("Zwaarste stresstest")
    assert fig(first_stop) in row("Vroegst stoppen") and fig(first_stop) == "€ 11.381,42"


def test_contract_terms_in_the_starting_points(tmp_path):
    text = open("examples/medicijndispensers.yaml", encoding="utf-8").read()
    case = tmp_path / "c.yaml"
    # the first deployment gets a contract of 4 years, 2 units minimum, exit after year 2
    text = re.sub(r"(\n  - product: [^\n]+\n)", r"\1    contract: {term: 4, min_clients: 2, exit_year: 2}\n", text,
                  count=1)
    case.write_text(text, encoding="utf-8")
    lines = _report(tmp_path, str(case))
    i = lines.index("#### Contractvoorwaarden")
    table = "\n".join(lines[i:i + 6])
    assert "4 jaar" in table and "2 eenheden per jaar gefactureerd" in table and "na contractjaar 2" in table


def test_plain_drops_command_line_and_field_text():
    from bcalc.render.report_md.format import plain

    roles = {"project_lead": "Projectleider"}
    assert plain("het midden € 50,00 gebruikt (--prices low|high voor de uiteinden)") == "het midden € 50,00 gebruikt"
    assert plain("Prijzen uit bereiken (onderkant, midden, bovenkant; --prices low|mid|high): elk") == \
        "Prijzen uit bereiken (onderkant, midden, bovenkant): elk"
    assert plain("69,3 uur project_lead niet in de kosten; geef staff.project_lead.rate (integrale kosten per uur)",
                 "nl", roles) == "69,3 uur projectleider niet in de kosten; de case geeft voor deze rol geen uurtarief"
    assert plain("Use quoted prices (prices) where you have them.", "en") == "Use quoted prices where you have them."
