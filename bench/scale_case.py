"""A case of N Medido deployments over 15 years, and the time each renderer takes for it.

    python bench/scale_case.py 1000 > /tmp/scale-1000.yaml      # write the case file
    python bench/scale_case.py --time 100 500 1000             # time the renderers in-process

The case is built like examples/medicijndispensers.yaml, but with N deployments of one product:
each deployment its own team with its own clients per contract year (growing in the first years,
some shrinking later, so that units are placed and removed), every third one with the zorgcentrale
option, every fifth one with an index cap, and two benefits that follow the first deployments.
Funding: one 1062 hourly line and a subsidy. The tariff and the subsidy are made-up inputs for
timing only, not published figures.

``--time`` computes the report (``bcalc.app.report``) of each size once, then times on that one
report, separately: the workbook (``bcalc.render.xlsx.render``), the Markdown business case
(``bcalc.render.report_md.render``) and the estimate table (``bcalc.render.console.render`` into
a file of 100 columns, as ``bcalc estimate`` prints it). The engine's own time is shown apart.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

YEARS = 15


def clients(i: int) -> list[int]:
    """Clients per contract year of deployment i (0-based): a ramp up, then a plateau, for some a
    dip later on, so that every deployment places and removes units in its own years."""
    base = 5 + (i * 7) % 31
    ramp = [base * (k + 1) // 3 for k in range(3)]
    plateau = [base + (i + k) % 4 for k in range(YEARS - 3)]
    if i % 4 == 1:
        plateau[6] = max(1, plateau[6] - 3)
    return (ramp + plateau)[:YEARS]


def case_text(n: int) -> str:
    """The case file of ``n`` Medido deployments, as YAML text."""
    out = [
        f"# Scale case: {n} Medido deployments over {YEARS} years (bench/scale_case.py).",
        "# The funding tariff and the subsidy are made-up inputs for timing only, not published figures.",
        f"case: Schaalcase, {n} inzetten Medido",
        "organisation: Zorggroep Schaal",
        "start: 2027-03",
        f"years: {YEARS}",
        "scenario: base",
        "vat: {recoverable: 0%}",
        "staff:",
        "  care_staff: {count: 400, rate: 67.94}",
        "  key_user: {count: 20, rate: 88.35}",
        "  project_lead: {count: 2}",
        f"  teams: {max(1, n // 4)}",
        "deployments:",
    ]
    for i in range(n):
        out.append("  - product: medido")
        out.append(f"    label: Team {i + 1}")
        out.append(f"    clients: [{', '.join(str(c) for c in clients(i))}]")
        if i % 3 == 0:
            out.append("    options: [zorgcentrale]")
        if i % 5 == 0:
            out.append("    index_cap: 2%")
    out += [
        "funding:",
        '  - code: "1062"',
        f"    clients: {10 * n}",
        "    hours_per_month: 1.25",
        "    tariff: 77.13",
        "  - code: subsidy",
        "    label: Startsubsidie",
        "    amount: 25000",
        "    year: 1",
        "discount_rate: 2.25%",
        "benefits:",
        "  - label: Minder medicatierondes",
        "    kind: time",
        "    deployment: 1",
        "    per: day",
        "    minutes: 10",
        "    role: care_staff",
        "    realisation: 100%",
        "    cashable: false",
        '    source: "Zorg voor Beter via VIG 2022: ca. 10 minuten per cliënt per dag"',
    ]
    if n > 1:
        out += [
            "  - label: Minder medicatierondes, team 2",
            "    kind: time",
            "    deployment: 2",
            "    per: day",
            "    minutes: 10",
            "    role: care_staff",
            "    realisation: 50%",
            "    cashable: false",
            '    source: "Zorg voor Beter via VIG 2022: ca. 10 minuten per cliënt per dag"',
        ]
    return "\n".join(out) + "\n"


def report_of(n: int):
    """The case file of n deployments (written to a temporary folder) and its report."""
    from bcalc import app

    folder = Path(tempfile.mkdtemp(prefix="bcalc-scale-"))
    path = folder / f"scale-{n}.yaml"
    path.write_text(case_text(n), encoding="utf-8")
    loaded = app.load(path)
    return loaded, app.report(loaded)


def time_renderers(bundle, lang: str = "nl") -> dict[str, float]:
    """Seconds of each renderer on one report: xlsx, md, console (the estimate table)."""
    from bcalc.render import console, report_md, xlsx

    out = {}
    start = time.perf_counter()
    xlsx.render(bundle, lang)
    out["xlsx"] = time.perf_counter() - start
    start = time.perf_counter()
    report_md.render(bundle, lang)
    out["md"] = time.perf_counter() - start
    buf = io.StringIO()
    start = time.perf_counter()
    console.render(bundle.result, console.make_console(file=buf, width=100), lang)
    out["console"] = time.perf_counter() - start
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int, help="number of deployments")
    parser.add_argument("--time", action="store_true", help="time the renderers instead of writing the case")
    parser.add_argument("--lang", default="nl")
    args = parser.parse_args()
    if not args.time:
        for n in args.sizes:
            sys.stdout.write(case_text(n))
        return
    print(f"{'deployments':>11} {'report':>8} {'xlsx':>8} {'md':>8} {'console':>8}  (seconds)")
    for n in args.sizes:
        start = time.perf_counter()
        _, bundle = report_of(n)
        engine = time.perf_counter() - start
        t = time_renderers(bundle, args.lang)
        print(f"{n:>11} {engine:>8.2f} {t['xlsx']:>8.2f} {t['md']:>8.2f} {t['console']:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
