"""Benchmarks for bcalc (not timed tests): medians and ratios against a baseline run alongside.

    python bench/run.py            # all benchmarks
    python bench/run.py --quick    # fewer repetitions

1. `bcalc estimate --format json` on the largest example, as a whole process, against the import
   floor `python -c "import typer, rich.table, yaml"` (the libraries bcalc loads for it); runs are
   interleaved so that both see the same machine load. Target: median ratio <= 1.3.
2. 1,000 estimates of the largest example in one process (the engine alone, catalogue and case
   loaded once). Target: under 2 s.
3. `bcalc report` of the largest example to both formats (workbook and Markdown), whole process
   including start-up; target under 1.5 s. Also the share of that time spent importing openpyxl
   (`import openpyxl` against a bare interpreter, same run).
5. The large case (bench/large-case.yaml: 15 years, eight deployments, funding, benefits):
   `report` to both formats and `scenarios` against one `estimate` of it, whole processes,
   interleaved (targets <= 3x and <= 2x; the report against `estimate --format json` and against
   `bcalc estimate` as it prints its table); and how many engine runs one `report` makes, and how
   many deployments those runs evaluated (the rest came from the memo, bcalc/core/memo.py).
6. Scale (bench/scale.py: 1,000 deployments of Medido over 15 years, written to a temporary
   folder): `bcalc estimate --format json` and `bcalc report` to both formats as whole processes
   (targets <= 5 s and <= 15 s), and the analyses
   of `report` (comparison, scenarios, sensitivity, simulation) in one process around its estimate
   ("a few seconds"), with the figures they give.
7. Portfolio (bench/portfolio_cases.py: 1,000 case files written to a temporary folder, variants of
   the bundled examples): `bcalc portfolio DIR --format json` as a whole process with its default
   workers and with `--jobs 1`, against 1,000 x one `estimate` in one process as the baseline of the
   same run (target <= 5 s wall on two cores); peak memory (max RSS) of the process and its workers.
4. The analysis commands against a single `bcalc estimate --format json` of the same case, runs
   interleaved: `scenarios` and `compare --need` (target <= 1.5x), `sensitivity` (<= 1.5x) and
   `simulate --draws 100000` (at most 1 s more than the estimate).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bcalc.core import estimate  # noqa: E402
from bcalc.loader import load_case, load_catalogue, load_tariffs  # noqa: E402

FLOOR = "import typer, rich.table, yaml"


def largest_example(catalogue, tariffs) -> Path:
    sizes = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        result = estimate(load_case(path, catalogue, tariffs), catalogue, tariffs)
        sizes.append((len(result.lines), path))
    return max(sizes)[1]


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd="/tmp")
    return time.perf_counter() - start


def bench_startup(case: Path, runs: int) -> dict:
    floor_cmd = [sys.executable, "-c", FLOOR]
    est_cmd = [sys.executable, "-m", "bcalc", "estimate", "--format", "json", str(case)]
    wall(floor_cmd), wall(est_cmd)  # warm the file cache
    floors, ests = [], []
    for _ in range(runs):
        floors.append(wall(floor_cmd))
        ests.append(wall(est_cmd))
    ratios = [e / f for e, f in zip(ests, floors)]
    return {"floor_median_s": statistics.median(floors), "estimate_median_s": statistics.median(ests),
            "ratio_median": statistics.median(ratios)}


def bench_engine(case_path: Path, catalogue, tariffs, n: int, rounds: int, checks: bool = False) -> dict:
    case = load_case(case_path, catalogue, tariffs)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(n):
            estimate(case, catalogue, tariffs, checks=checks)
        times.append(time.perf_counter() - start)
    return {"estimates": n, "median_s": statistics.median(times), "per_estimate_ms": statistics.median(times) / n * 1000}


def bench_report(case: Path, runs: int) -> dict:
    import tempfile

    out = Path(tempfile.mkdtemp())
    cmd = [sys.executable, "-m", "bcalc", "report", str(case), "--xlsx", str(out / "r.xlsx"), "--md",
           str(out / "r.md"), "--force"]
    bare = [sys.executable, "-c", "pass"]
    opx = [sys.executable, "-c", "import openpyxl"]
    wall(cmd)
    reports, bares, opxs = [], [], []
    for _ in range(runs):
        reports.append(wall(cmd))
        bares.append(wall(bare))
        opxs.append(wall(opx))
    report = statistics.median(reports)
    openpyxl_import = max(0.0, statistics.median(opxs) - statistics.median(bares))
    return {"report_median_s": report, "openpyxl_import_s": openpyxl_import, "openpyxl_share": openpyxl_import / report}


def bench_commands(case: Path, runs: int) -> dict:
    base = [sys.executable, "-m", "bcalc"]
    commands = {
        "estimate": base + ["estimate", "--format", "json", str(case)],
        "estimate table": base + ["estimate", str(case)],
        "scenarios": base + ["scenarios", "--format", "json", str(case)],
        "compare --need": base + ["compare", "--need", "--format", "json", str(case)],
        "sensitivity": base + ["sensitivity", "--format", "json", str(case)],
        "simulate 100k": base + ["simulate", "--draws", "100000", "--seed", "1", "--format", "json", str(case)],
    }
    return interleaved(commands, runs)


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command, the commands run in turn so that all see the same load."""
    for cmd in commands.values():
        wall(cmd)
    times: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(runs):
        for key, cmd in commands.items():
            times[key].append(wall(cmd))
    return {k: statistics.median(v) for k, v in times.items()}


def bench_large(runs: int) -> dict:
    import tempfile

    case = ROOT / "bench" / "large-case.yaml"
    out = Path(tempfile.mkdtemp())
    base = [sys.executable, "-m", "bcalc"]
    commands = {
        "estimate": base + ["estimate", "--format", "json", str(case)],
        "estimate table": base + ["estimate", str(case)],
        "scenarios": base + ["scenarios", "--format", "json", str(case)],
        "report": base + ["report", str(case), "--xlsx", str(out / "r.xlsx"), "--md", str(out / "r.md"), "--force"],
    }
    return {**interleaved(commands, runs), **report_engine_runs(case)}


def report_engine_runs(case: Path) -> dict:
    """Engine runs (one evaluation of a case, full or totals only) that one ``bcalc report`` of
    ``case`` makes, and how many deployments they evaluated rather than took from the memo."""
    from bcalc import app
    from bcalc.core import engine

    count = {"runs": 0, "deployments": 0}
    real_run, real_lines = engine._evaluate, engine.evaluate

    def counted_run(*args, **kwargs):
        count["runs"] += 1
        return real_run(*args, **kwargs)

    def counted_lines(*args, **kwargs):
        count["deployments"] += 1
        return real_lines(*args, **kwargs)

    engine._evaluate, engine.evaluate = counted_run, counted_lines
    try:
        app.report(app.load(case))
    finally:
        engine._evaluate, engine.evaluate = real_run, real_lines
    return count


def bench_scale(runs: int, deployments: int = 1000) -> dict:
    """The generated case of bench/scale.py: estimate and report as processes, and report's analyses
    in-process."""
    import tempfile

    sys.path.insert(0, str(ROOT / "bench"))
    from scale import write_scale_case

    from bcalc import app

    path = write_scale_case(Path(tempfile.mkdtemp(prefix="bcalc-scale-")), deployments)
    cmd = [sys.executable, "-m", "bcalc", "estimate", "--format", "json", str(path)]
    wall(cmd)
    estimates = [wall(cmd) for _ in range(runs)]
    out = Path(tempfile.mkdtemp(prefix="bcalc-scale-report-"))
    report_cmd = [sys.executable, "-m", "bcalc", "report", str(path), "--xlsx", str(out / "r.xlsx"),
                  "--md", str(out / "r.md"), "--force"]
    reports = [wall(report_cmd) for _ in range(max(1, runs // 2))]
    loaded = app.load(path)
    start = time.perf_counter()
    memo = app.Memo()
    result = app.estimate(loaded, memo=memo)
    estimated = time.perf_counter()
    rep = app.report_of(result, loaded.catalogue, loaded.tariffs, memo)
    done = time.perf_counter()
    return {"path": path, "deployments": deployments, "estimate_median_s": statistics.median(estimates),
            "report_median_s": statistics.median(reports),
            "estimate_in_process_s": estimated - start, "analyses_s": done - estimated, "report": rep}


def bench_portfolio(runs: int, cases: int = 1000) -> dict:
    """``bcalc portfolio`` over generated case files: wall time with its workers and with one process,
    and the peak memory of the command and its workers (resource.getrusage of the children)."""
    import tempfile

    sys.path.insert(0, str(ROOT / "bench"))
    from portfolio_cases import write_cases

    folder = write_cases(Path(tempfile.mkdtemp(prefix="bcalc-portfolio-")), cases)
    cmd = [sys.executable, "-m", "bcalc", "portfolio", str(folder), "--format", "json"]
    wall(cmd)
    parallel = [wall(cmd) for _ in range(runs)]
    single = [wall(cmd + ["--jobs", "1"]) for _ in range(max(1, runs // 2))]
    # the peak of the portfolio command alone (and of its workers): measured in a wrapper process of its own,
    # since this process's children include the other benchmarks
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    peak_kib = int(subprocess.run([sys.executable, "-c", probe] + cmd, capture_output=True, text=True,
                                  check=True).stdout.strip())
    return {"cases": cases, "parallel_s": statistics.median(parallel), "single_s": statistics.median(single),
            "peak_mib": peak_kib / 1024}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    # Byte-compile the package first, as pip does when it installs a wheel: an editable checkout
    # under PYTHONDONTWRITEBYTECODE would otherwise compile every module again in every process.
    import compileall

    import bcalc

    compileall.compile_dir(str(Path(bcalc.__file__).parent), quiet=1)
    catalogue, tariffs = load_catalogue(), load_tariffs()
    case = largest_example(catalogue, tariffs)
    runs = 7 if args.quick else 21
    print(f"largest example: {case.relative_to(ROOT)}; floor: python -c \"{FLOOR}\"")
    s = bench_startup(case, runs)
    print(f"startup ({runs} interleaved runs): floor {s['floor_median_s'] * 1000:.0f} ms, "
          f"estimate {s['estimate_median_s'] * 1000:.0f} ms, median ratio {s['ratio_median']:.2f} (target <= 1.3)")
    e = bench_engine(case, catalogue, tariffs, 1000, 3 if args.quick else 5)
    print(f"engine: {e['estimates']} estimates in {e['median_s']:.2f} s median "
          f"({e['per_estimate_ms']:.2f} ms each; target < 2 s)")
    c = bench_engine(case, catalogue, tariffs, 200, 3 if args.quick else 5, checks=True)
    print(f"estimate with contract checks and break-even (as `bcalc estimate` runs it): "
          f"{c['per_estimate_ms']:.2f} ms each")
    cmds = bench_commands(case, 5 if args.quick else 11)
    est = cmds["estimate"]
    for key in ("scenarios", "compare --need", "sensitivity"):
        print(f"{key}: {cmds[key] * 1000:.0f} ms median, {cmds[key] / est:.2f}x estimate "
              f"({est * 1000:.0f} ms; target <= 1.5x)")
    print(f"simulate 100k: {cmds['simulate 100k'] * 1000:.0f} ms median, "
          f"+{(cmds['simulate 100k'] - est) * 1000:.0f} ms over estimate (target <= +1000 ms)")
    big = bench_large(5 if args.quick else 11)
    print(f"large case: estimate {big['estimate'] * 1000:.0f} ms, scenarios {big['scenarios'] * 1000:.0f} ms "
          f"= {big['scenarios'] / big['estimate']:.2f}x (target <= 2x), report {big['report'] * 1000:.0f} ms "
          f"= {big['report'] / big['estimate']:.2f}x the JSON estimate and "
          f"{big['report'] / big['estimate table']:.2f}x `bcalc estimate` as it prints its table "
          f"({big['estimate table'] * 1000:.0f} ms; target <= 3x); engine runs in one report: {big['runs']}, "
          f"deployments evaluated in them: {big['deployments']}")
    sc = bench_scale(3 if args.quick else 5)
    rep, total = sc["report"], sc["report"].result.total
    print(f"scale ({sc['deployments']} deployments of medido, 15 years): estimate --format json "
          f"{sc['estimate_median_s']:.2f} s median (target <= 5 s); report to both formats "
          f"{sc['report_median_s']:.2f} s median (target <= 15 s); in one process the estimate "
          f"{sc['estimate_in_process_s']:.2f} s and report's analyses {sc['analyses_s']:.2f} s")
    print(f"  figures: cost {total.cost}, funding {total.funding}, benefits {total.benefits}, net {total.net}, "
          f"NPV {rep.result.investment.npv}, break-even clients {rep.result.investment.break_even_clients}; "
          f"scenarios best {rep.scenarios.rows[rep.scenarios.best].key}, worst "
          f"{rep.scenarios.rows[rep.scenarios.worst].key}; sensitivity {len(rep.sensitivity.rows)} rows, largest "
          f"{rep.sensitivity.rows[0].input.key if rep.sensitivity.rows else '-'}"
          + (f"; simulation P50 net {rep.simulation.stats['net'].p50}" if rep.simulation is not None else ""))
    pf = bench_portfolio(3 if args.quick else 5)
    print(f"portfolio ({pf['cases']} case files): {pf['parallel_s']:.2f} s median with its workers "
          f"(target <= 5 s), {pf['single_s']:.2f} s in one process (--jobs 1) = "
          f"{pf['single_s'] / pf['parallel_s']:.2f}x; peak memory of its largest process {pf['peak_mib']:.0f} MiB")
    rep = bench_report(case, 5 if args.quick else 11)
    print(f"report (xlsx + md): {rep['report_median_s']:.2f} s median (target < 1.5 s); importing openpyxl "
          f"{rep['openpyxl_import_s'] * 1000:.0f} ms = {rep['openpyxl_share'] * 100:.0f} % of it")


if __name__ == "__main__":
    main()
