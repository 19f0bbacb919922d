"""A case of N Medido deployments over 15 years, and the time each renderer takes for it.

    python bench/scale_case.py 1000 > /tmp/scale-1000.yaml      # write the case file
    python bench/scale_case.py --time 100 500 1000             # time the renderers in-process

The case is the one of bench/scale.py (the benchmarks use the same): N deployments of one
product with their own clients per contract year, options, caps and terms, funding and a benefit.

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
sys.path.insert(0, str(ROOT / "bench"))

YEARS = 15


def case_text(n: int) -> str:
    """The case file of ``n`` Medido deployments, as YAML text (bench/scale.py writes it)."""
    from scale import scale_case_text

    return scale_case_text(n)


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
