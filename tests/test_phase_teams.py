"""Teams and a role's heads per phase (``staff.teams``, ``staff.<role>.count``, a deployment's ``staff``).

Every figure is worked out by hand: scenario none (no indexation), VAT 21 % and nothing recoverable, so a
supplier line is quantity x price and its VAT 21 % of that. The phases: pilot months 0-5 (2027-01..06),
opschaling months 6-14 (2027-07..2028-03), structureel months 15-23 (2028-04..12).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import bad, line, line_of, ok, year_row

D = Decimal
CASE = Path(__file__).resolve().parent / "cases" / "phase-teams.yaml"
TEXT = CASE.read_text(encoding="utf-8")


def _phases(r):
    return [(p.name, p.totals.one_off, p.totals.recurring, p.totals.training, p.totals.internal, p.totals.vat)
            for p in r.per_phase]


def test_teams_and_heads_per_phase_by_hand(run):
    # teams {pilot: 1, opschaling: 3, structureel: 3}; key users {pilot: 2, opschaling: 4, structureel: 6}
    r = run(TEXT)
    # inrichting, EUR 500 one-off per team: the teams a phase adds, in its first month:
    # month 0: 1 x 500 = 500; month 6: (3 - 1) x 500 = 1.000; month 15: 0 added. 2027: 3 teams, 1.500
    assert (line(r, "inrichting", 2027).quantity, line(r, "inrichting", 2027).excl_vat) == (D(3), D("1500.00"))
    assert not [ln for ln in r.lines if ln.item == "inrichting" and ln.year == 2028]
    # licentie, EUR 100 per team per month, the teams of the month's phase:
    # 2027: 6 x 1 + 6 x 3 = 24 team-months = 2.400; 2028: 3 x 3 + 9 x 3 = 36 = 3.600
    assert (line(r, "licentie", 2027).quantity, line(r, "licentie", 2027).excl_vat) == (D(24), D("2400.00"))
    assert (line(r, "licentie", 2028).quantity, line(r, "licentie", 2028).excl_vat) == (D(36), D("3600.00"))
    # jaar, EUR 120 per team per contract year: month 0 1 team (120), month 6 the 2 added (240),
    # month 12 (contract year 2, opschaling) 3 teams (360), month 15 none added: 2027 360, 2028 360
    assert (line(r, "jaar", 2027).quantity, line(r, "jaar", 2027).excl_vat) == (D(3), D("360.00"))
    assert (line(r, "jaar", 2028).quantity, line(r, "jaar", 2028).excl_vat) == (D(3), D("360.00"))
    # gebruiker, EUR 10 per key user per month: 2027 6 x 2 + 6 x 4 = 36 = 360; 2028 3 x 4 + 9 x 6 = 66 = 660
    assert (line(r, "gebruiker", 2027).quantity, line(r, "gebruiker", 2027).excl_vat) == (D(36), D("360.00"))
    assert (line(r, "gebruiker", 2028).quantity, line(r, "gebruiker", 2028).excl_vat) == (D(66), D("660.00"))
    # teamtraining, 4 h per team at EUR 50 (care staff): 1 team in month 0, the 2 added in month 6:
    # 12 h = 600, all in 2027
    assert (line(r, "teamtraining", 2027).quantity, line(r, "teamtraining", 2027).excl_vat) == (D(12), D("600.00"))
    assert not [ln for ln in r.lines if ln.item == "teamtraining" and ln.year == 2028]
    # kg-training, 2 h per key user at EUR 40: 2 in month 0 (4 h), 2 added in month 6 (4 h), 2 added in
    # month 15 (4 h): 2027 8 h = 320, 2028 4 h = 160
    assert (line(r, "kg-training", 2027).quantity, line(r, "kg-training", 2027).excl_vat) == (D(8), D("320.00"))
    assert (line(r, "kg-training", 2028).quantity, line(r, "kg-training", 2028).excl_vat) == (D(4), D("160.00"))
    # coaching, 3 h a week for 2 months per team (3 x 52 / 12 = 13 h a month), internal at EUR 50: the first
    # team in months 0-1 (26 h), the 2 added from month 6 in months 6-7 (2 x 26 = 52 h): 78 h = 3.900
    assert (line(r, "coaching", 2027).quantity, line(r, "coaching", 2027).excl_vat) == (D(78), D("3900.00"))
    # per year: one-off 1.500 / 0; recurring 2.400 + 360 + 360 = 3.120 / 3.600 + 360 + 660 = 4.620;
    # training 600 + 320 = 920 / 160; internal 3.900 / 0; VAT 21 % of (1.500 + 3.120) = 970,20 / of 4.620 = 970,20
    y1, y2 = year_row(r, 2027), year_row(r, 2028)
    assert (y1.one_off, y1.recurring, y1.training, y1.internal, y1.vat, y1.cost) == (
        D("1500.00"), D("3120.00"), D("920.00"), D("3900.00"), D("970.20"), D("10410.20"))
    assert (y2.one_off, y2.recurring, y2.training, y2.internal, y2.vat, y2.cost) == (
        D("0.00"), D("4620.00"), D("160.00"), D("0.00"), D("970.20"), D("5750.20"))
    # per phase: pilot one-off 500; recurring licentie 600 + jaar 120 + gebruiker 120 = 840; training 200 + 160;
    # internal 26 h = 1.300; VAT 21 % of 1.340 = 281,40.
    # opschaling one-off 1.000; recurring 9 x 3 x 100 = 2.700 + jaar 240 + 360 + gebruiker 9 x 4 x 10 = 360:
    # 3.660; training 400 + 160 = 560; internal 52 h = 2.600; VAT 21 % of 4.660 = 978,60.
    # structureel recurring 2.700 + 9 x 6 x 10 = 540: 3.240; training 160; VAT 680,40
    assert _phases(r) == [
        ("pilot", D("500.00"), D("840.00"), D("360.00"), D("1300.00"), D("281.40")),
        ("opschaling", D("1000.00"), D("3660.00"), D("560.00"), D("2600.00"), D("978.60")),
        ("structureel", D("0.00"), D("3240.00"), D("160.00"), D("0.00"), D("680.40")),
    ]
    # hours per role: care staff 12 + 78 = 90 h in 2027; key users 8 h in 2027, 4 h in 2028
    hours = {h.role: tuple(h.hours) for h in r.staff_hours}
    assert hours == {"care_staff": (D(90), D(0)), "key_user": (D(8), D(4))}


DOWN = TEXT.replace("  key_user: {count: {pilot: 2, opschaling: 4, structureel: 6}, rate: 40}\n"
                    "  teams: {pilot: 1, opschaling: 3, structureel: 3}\n",
                    "  key_user: {count: 1, rate: 40}\n").replace(
    "    clients: 0\n",
    "    clients: 0\n"
    "    staff:\n"
    "      key_user: {count: {pilot: 2, opschaling: 1, structureel: 3}}\n"
    "      teams: {pilot: 3, opschaling: 1, structureel: 2}\n")


def test_a_deployments_own_teams_and_heads_going_down_and_up(run):
    # the deployment's own teams {pilot: 3, opschaling: 1, structureel: 2}, key users {2, 1, 3}
    r = run(DOWN)
    # inrichting: 3 x 500 in month 0; none added in month 6 (nothing refunded); 1 added in month 15: 500
    assert line(r, "inrichting", 2027).excl_vat == D("1500.00")
    assert line(r, "inrichting", 2028).excl_vat == D("500.00")
    # licentie: 2027 6 x 3 + 6 x 1 = 24 team-months = 2.400; 2028 3 x 1 + 9 x 2 = 21 = 2.100
    assert line(r, "licentie", 2027).excl_vat == D("2400.00")
    assert line(r, "licentie", 2028).excl_vat == D("2100.00")
    # jaar: month 0 3 x 120 = 360; month 6 none added; month 12 1 x 120; month 15 1 added x 120: 2028 240
    assert line(r, "jaar", 2027).excl_vat == D("360.00")
    assert line(r, "jaar", 2028).excl_vat == D("240.00")
    # gebruiker: 2027 6 x 2 + 6 x 1 = 18 = 180; 2028 3 x 1 + 9 x 3 = 30 = 300
    assert line(r, "gebruiker", 2027).excl_vat == D("180.00")
    assert line(r, "gebruiker", 2028).excl_vat == D("300.00")
    # teamtraining 4 h per team: 3 teams in month 0 (12 h = 600), 1 added in month 15 (4 h = 200)
    assert line(r, "teamtraining", 2027).excl_vat == D("600.00")
    assert line(r, "teamtraining", 2028).excl_vat == D("200.00")
    # kg-training 2 h per key user: 2 in month 0 (160), 0 in month 6, 3 - 1 = 2 added in month 15 (160)
    assert line(r, "kg-training", 2027).excl_vat == D("160.00")
    assert line(r, "kg-training", 2028).excl_vat == D("160.00")
    # coaching 13 h a month for 2 months per team: 3 teams in months 0-1 (78 h = 3.900); 1 added in
    # months 15-16 (26 h = 1.300)
    assert line(r, "coaching", 2027).excl_vat == D("3900.00")
    assert line(r, "coaching", 2028).excl_vat == D("1300.00")


def test_the_same_number_in_every_phase_computes_as_one_number(run):
    flat = run(TEXT.replace("{count: {pilot: 2, opschaling: 4, structureel: 6}, rate: 40}", "{count: 4, rate: 40}")
               .replace("teams: {pilot: 1, opschaling: 3, structureel: 3}", "teams: 3"))
    mapped = run(TEXT.replace("{pilot: 2, opschaling: 4, structureel: 6}", "{pilot: 4, opschaling: 4, structureel: 4}")
                 .replace("teams: {pilot: 1, opschaling: 3, structureel: 3}",
                          "teams: {pilot: 3, opschaling: 3, structureel: 3}"))
    assert mapped.total == flat.total
    assert [(ln.item, ln.year, ln.quantity, ln.excl_vat) for ln in mapped.lines] == \
        [(ln.item, ln.year, ln.quantity, ln.excl_vat) for ln in flat.lines]
    # 3 teams x 500 + ...: the one-off per team is 1.500 in 2027 either way
    assert line(flat, "inrichting", 2027).excl_vat == D("1500.00")


def test_every_output_of_a_case_with_teams_per_phase(tmp_path):
    data = json.loads(ok("estimate", CASE, "--format", "json").stdout)
    assert data["total"]["cost"] == "16160.40"   # 10.410,20 + 5.750,20
    assert "16.160,40" in ok("estimate", CASE).stdout
    assert "16.160,40" in ok("estimate", CASE, "--format", "markdown").stdout
    assert "inrichting" in ok("estimate", CASE, "--format", "csv").stdout
    ok("scenarios", CASE)
    ok("sensitivity", CASE)
    ok("report", CASE, "--md", tmp_path / "c.md", "--xlsx", tmp_path / "c.xlsx")
    assert "16.160,40" in (tmp_path / "c.md").read_text(encoding="utf-8")


def _bad(tmp_path, text: str, fragment: str, field: str, message: str):
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    result = bad("estimate", path)
    assert f"{path}:{line_of(path, fragment)}: {field}: " in result.stderr, result.stderr
    assert message in result.stderr, result.stderr


@pytest.mark.parametrize("old, new, fragment, field, message", [
    ("teams: {pilot: 1,", "teams: {pilto: 1,", "pilto", "staff.teams.pilto",
     "unknown phase 'pilto'; did you mean 'pilot'?"),
    ("teams: {pilot: 1, opschaling: 3, structureel: 3}", "teams: {pilot: 1, opschaling: 3}", "teams:",
     "staff.teams", "gives no teams for phase structureel; give every phase its teams"),
    ("teams: {pilot: 1,", "teams: {pilot: -1,", "teams:", "staff.teams.pilot", "must be at least 0"),
    ("{count: {pilot: 2, opschaling: 4, structureel: 6}", "{count: {pilot: 2, opschaling: 4}", "key_user:",
     "staff.key_user.count", "gives no heads for phase structureel; give every phase its heads"),
    ("{count: {pilot: 2, opschaling: 4, structureel: 6}", "{count: {pilot: 2, opschaling: 4, eind: 6}",
     "key_user:", "staff.key_user.count.eind", "unknown phase 'eind'"),
])
def test_bad_counts_per_phase(tmp_path, old, new, fragment, field, message):
    assert old in TEXT
    _bad(tmp_path, TEXT.replace(old, new), fragment, field, message)


def test_counts_per_phase_need_phases(tmp_path):
    text = TEXT.split("phases:\n")[0] + "deployments:" + TEXT.split("deployments:")[1]
    _bad(tmp_path, text, "teams:", "staff.teams",
         "teams per phase needs phases: at the top of the case; give one number")
    _bad(tmp_path, text, "key_user:", "staff.key_user.count",
         "heads per phase needs phases: at the top of the case; give one number")
    own = DOWN.split("phases:\n")[0] + "deployments:" + DOWN.split("deployments:")[1]
    _bad(tmp_path, own, "      teams:", "deployments[0].staff.teams",
         "teams per phase needs phases: at the top of the case; give one number")
