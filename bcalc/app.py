"""The application layer: load once, compute once, hand renderers finished figures.

The CLI parses options, calls one function here, gives what it returns to a renderer and decides
the exit code. Nothing here prints or formats: these functions return core objects (a Result, a
Comparison, a ScenarioTable, a Sensitivity, a Simulation) and plain codes. Every analysis that a
document shows is computed once, in ``report``, and the workbook and the Markdown both read that
one ``Report``. Each command makes one ``Memo`` (bcalc.core.memo) that all its engine runs share.
"""

from __future__ import annotations

from pathlib import Path

from bcalc.core.memo import Memo
from bcalc.errors import InputError, Problem
from bcalc.models import Case, Catalogue, Result, Tariffs
from bcalc.record import record

# The report's simulation: a fixed number of draws and a fixed seed, so the same case gives the
# same document.
REPORT_DRAWS = 20_000
REPORT_SEED = 2027


@record
class Loaded:
    """A case with the catalogues it was checked against."""

    catalogue: Catalogue
    tariffs: Tariffs
    case: Case


def load(case_path: Path, catalogue_dir: Path | None = None, shown: str | None = None) -> Loaded:
    from bcalc.loader import load_all

    catalogue, tariffs, case = load_all(case_path, catalogue_dir, shown=shown)
    return Loaded(catalogue, tariffs, case)


def load_catalogues(catalogue_dir: Path | None = None) -> tuple[Catalogue, Tariffs]:
    from bcalc.loader import load_catalogues as load_both

    return load_both(catalogue_dir)


def check_scenario(scenario: str | None, tariffs: Tariffs) -> None:
    """An unknown --scenario is bad input (exit 2), named with the scenarios there are."""
    if scenario is not None and scenario not in tariffs.scenarios:
        raise InputError([Problem("bcalc", None, "--scenario",
                                  f"unknown scenario '{scenario}'; known: {', '.join(tariffs.scenarios)}")])


def estimate(loaded: Loaded, scenario: str | None = None, prices: str = "mid", memo: Memo | None = None) -> Result:
    from bcalc.core.engine import estimate as compute

    check_scenario(scenario, loaded.tariffs)
    return compute(loaded.case, loaded.catalogue, loaded.tariffs, scenario=scenario, prices=prices,
                   memo=memo if memo is not None else Memo())


# ---- comparing products for one need -----------------------------------------------------------


@record
class NeedComparison:
    """One deployment's product against others, with what the choice of products implies."""

    comparison: object                       # bcalc.core.compare.Comparison
    need: str                                # the need of the deployment's own product
    own: str                                 # the deployment's own product
    alone: bool                              # no other product was compared
    other_need: tuple[str, ...] = ()         # products asked for that serve another need
    failed: tuple[tuple[str, str], ...] = ()  # (product, error) of alternatives that could not be computed


def need_products(catalogue: Catalogue, need: str) -> list[str]:
    return [p.id for p in catalogue.products.values() if p.need == need]


def unknown_product(option: str, product_id: str, catalogue: Catalogue) -> Problem:
    from bcalc.reader import near

    hint = near(product_id, catalogue.products, n=3, cutoff=0.6)
    tail = "; did you mean " + ", ".join(f"'{h}'" for h in hint) + "?" if hint else "; see `bcalc catalogue list`"
    return Problem("bcalc", None, option, f"unknown product '{product_id}'{tail}")


def choose_deployment(case: Case, deployment: int | None) -> int:
    """The 0-based deployment that ``--deployment N`` (1-based) names; required when there are several."""
    n = len(case.deployments)
    if deployment is None:
        if n > 1:
            raise InputError([Problem("bcalc", None, "--deployment",
                                      f"the case has {n} deployments; choose one with --deployment 1..{n}")])
        return 0
    if deployment < 1:
        raise InputError([Problem("bcalc", None, "--deployment",
                                  f"{deployment}: deployments are numbered from 1; choose 1..{n}")])
    if deployment > n:
        raise InputError([Problem("bcalc", None, "--deployment",
                                  f"{deployment} is not a deployment of the case; choose 1..{n}")])
    return deployment - 1


def compare_need(case: Case, catalogue: Catalogue, tariffs: Tariffs, d_index: int, products: list[str],
                 scenario: str | None = None, prices: str = "mid", strict: bool = False,
                 own_result: Result | None = None, memo: Memo | None = None) -> NeedComparison:
    """The deployment against ``products``. One alternative whose calculation raises does not take the
    others down: it is left out and listed in ``failed``. The deployment's own product is never left
    out: if it fails, the error is raised. ``strict``: raise at once (``--debug``). ``own_result``: the
    case's own estimate, when the caller has it already. ``memo``: shared by the runs of the command."""
    from bcalc.core.compare import compare_products

    memo = memo if memo is not None else Memo()

    own = case.deployments[d_index].product
    need = catalogue.products[own].need
    chosen = list(dict.fromkeys(products))
    other_need = tuple(p for p in chosen if catalogue.products[p].need != need)
    alone = not [p for p in chosen if p != own]
    known = {own: own_result} if own_result is not None else {}

    def run(pids: list[str]):
        return compare_products(case, catalogue, tariffs, d_index, pids, scenario=scenario, prices=prices,
                                known=known, memo=memo)

    try:
        return NeedComparison(run(chosen), need, own, alone, other_need)
    except Exception:
        if strict:
            raise
    kept, failed = [], []
    for pid in chosen:
        if pid == own:
            continue
        try:
            run([pid])
            kept.append(pid)
        except Exception as exc:
            failed.append((pid, f"{type(exc).__name__}: {exc}"))
    return NeedComparison(run(kept), need, own, alone, other_need, tuple(failed))


def compare_within(loaded: Loaded, products: list[str], need: bool, deployment: int | None,
                   scenario: str | None = None, prices: str = "mid", strict: bool = False) -> NeedComparison:
    """``bcalc compare CASE [--with P]... [--need] [--deployment N]``."""
    cat = loaded.catalogue
    check_scenario(scenario, loaded.tariffs)
    problems = [unknown_product("--with", pid, cat) for pid in products if cat.product(pid) is None]
    if problems:
        raise InputError(problems)
    products = [cat.product(pid).id for pid in products]  # Medido is medido
    index = choose_deployment(loaded.case, deployment)
    own = loaded.case.deployments[index].product
    chosen: list[str] = []
    if need or not products:
        chosen += need_products(cat, cat.products[own].need)
    chosen += products
    return compare_need(loaded.case, cat, loaded.tariffs, index, chosen, scenario=scenario, prices=prices,
                        strict=strict)


def compare_files(paths: list[Path], catalogue_dir: Path | None, scenario: str | None = None,
                  prices: str = "mid"):
    """``bcalc compare A.yaml B.yaml ...``: whole cases side by side; every bad file is reported."""
    from bcalc.core.compare import compare_cases
    from bcalc.loader import load_case

    cat, tariffs = load_catalogues(catalogue_dir)
    check_scenario(scenario, tariffs)
    problems: list[Problem] = []
    loaded = []
    for path in paths:
        try:
            loaded.append((str(path), load_case(path, cat, tariffs, shown=str(path))))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return compare_cases(loaded, cat, tariffs, scenario=scenario, prices=prices, memo=Memo()), cat


# ---- scenarios, sensitivity, simulation ----------------------------------------------------------


def scenarios(loaded: Loaded):
    from bcalc.core.scenarios import scenario_table

    return scenario_table(loaded.case, loaded.catalogue, loaded.tariffs, memo=Memo())


def sensitivity(loaded: Loaded, scenario: str | None = None, prices: str = "mid"):
    from bcalc.core.sensitivity import sensitivity as compute

    check_scenario(scenario, loaded.tariffs)
    return compute(loaded.case, loaded.catalogue, loaded.tariffs, scenario=scenario, prices=prices, memo=Memo())


def simulate(loaded: Loaded, draws: int, seed: int, vary: list[str], scenario: str | None = None, progress=None,
             scope: str = "all"):
    from bcalc.core.simulate import require_numpy, simulate as compute

    require_numpy()
    check_scenario(scenario, loaded.tariffs)
    return compute(loaded.case, loaded.catalogue, loaded.tariffs, draws=draws, seed=seed, vary=vary,
                   scenario=scenario, progress=progress, memo=Memo(), scope=scope)


# ---- the business case documents ----------------------------------------------------------------


@record
class Report:
    """Everything the business case documents show, computed once."""

    result: Result
    catalogue: Catalogue
    tariffs: Tariffs
    comparison: NeedComparison
    scenarios: object                        # bcalc.core.scenarios.ScenarioTable
    sensitivity: object                      # bcalc.core.sensitivity.Sensitivity
    simulation: object | None                # bcalc.core.simulate.Simulation; None without numpy
    evaluation: object | None = None         # bcalc.core.actuals.Evaluation, with --actuals


def report(loaded: Loaded, scenario: str | None = None, prices: str = "mid", actuals: Path | None = None,
           actuals_shown: str | None = None) -> Report:
    """The estimate, deployment 1 against the other products of its need, the scenario table, the
    sensitivity and the simulation (when numpy is there) of one case, all sharing one memo; with
    ``actuals``, also the actuals of that file against the plan (``evaluate``)."""
    from dataclasses import replace

    memo = Memo()
    result = estimate(loaded, scenario, prices, memo)
    evaluation = None
    if actuals is not None:  # bad actuals are reported before the analyses run
        evaluation = evaluate(loaded, actuals, scenario, prices, memo, shown=actuals_shown, result=result)
    bundle = report_of(result, loaded.catalogue, loaded.tariffs, memo)
    return replace(bundle, evaluation=evaluation) if evaluation is not None else bundle


def report_of(result: Result, catalogue: Catalogue, tariffs: Tariffs, memo: Memo | None = None) -> Report:
    """The analyses of ``report`` around an estimate already made (its scenario and price end).
    ``memo``: the one the estimate was made with, if any; the analyses share it."""
    memo = memo if memo is not None else Memo()
    from bcalc.core.scenarios import scenario_table
    from bcalc.core.sensitivity import sensitivity as sensitivity_of
    from bcalc.core.simulate import require_numpy, simulate as simulate_of

    case = result.case
    catalogue = catalogue.for_case(case)  # each item in the version of the case's start (as the estimate used)
    own = case.deployments[0].product
    comparison = compare_need(case, catalogue, tariffs, 0, need_products(catalogue, catalogue.products[own].need),
                              scenario=result.scenario, prices=result.prices_end, own_result=result, memo=memo)
    table = scenario_table(case, catalogue, tariffs, memo=memo)
    sens = sensitivity_of(case, catalogue, tariffs, scenario=result.scenario, prices=result.prices_end, base=result,
                          memo=memo)
    try:
        require_numpy()
    except InputError:
        sim = None
    else:
        sim = simulate_of(case, catalogue, tariffs, draws=REPORT_DRAWS, seed=REPORT_SEED, scenario=result.scenario,
                          base=result if result.prices_end == "mid" else None, memo=memo)
    return Report(result, catalogue, tariffs, comparison, table, sens, sim)


# ---- a portfolio of cases ---------------------------------------------------------------------

PARALLEL_FROM = 40     # cases: fewer are added up in one process (starting workers costs more)


def _case_summary(task, memo: Memo):
    """One case of a portfolio: its summary, or the problems of its file (a list). The totals are
    those of ``bcalc estimate`` (the contract checks, which add only points of attention, are left
    out); ``memo`` is shared by the cases of one worker, as by the runs of one command."""
    import dataclasses

    from bcalc.core.engine import estimate as compute
    from bcalc.core.portfolio import summarise
    from bcalc.loader import load_all

    path, shown, catalogue_dir, scenario, recoverable = task
    try:
        catalogue, tariffs, case = load_all(Path(path), catalogue_dir, shown=shown)
        if recoverable is not None:
            case = dataclasses.replace(case, vat_recoverable=recoverable)
        result = compute(case, catalogue, tariffs, scenario=scenario, checks=False, memo=memo)
    except InputError as e:
        return list(e.problems)
    return summarise(result, catalogue, shown)


def _chunk(tasks):
    memo = Memo()
    return [_case_summary(t, memo) for t in tasks]


def _workers(jobs: int | None, n: int) -> int:
    import os

    if jobs is not None:
        return max(1, min(jobs, n))
    if n < PARALLEL_FROM or os.environ.get("BCALC_PARALLEL", "").lower() == "off" or not hasattr(os, "fork"):
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, n // 20))


def portfolio(paths: list[Path], catalogue_dir: Path | None = None, scenario: str | None = None,
              budget_year: int | None = None, jobs: int | None = None):
    """The consolidated budget of the cases ``paths`` name (files, folders, a portfolio file): a
    ``bcalc.core.portfolio.Portfolio``. Every bad case file is reported at once (InputError); no
    case is left out. ``scenario`` and ``budget_year`` (the options) replace the portfolio file's.
    With many cases they are computed in worker processes (``jobs``; default: the cores there are,
    ``BCALC_PARALLEL=off``: one process); the result is the same either way."""
    from bcalc.core.portfolio import consolidate
    from bcalc.portfolio_loader import gather

    got = gather(paths)
    settings = got.settings
    _, tariffs = load_catalogues(catalogue_dir)
    if scenario is None and settings.scenario is not None:
        if settings.scenario not in tariffs.scenarios:
            raise InputError([Problem(settings.file or "bcalc", settings.scenario_line, "scenario",
                                      f"unknown scenario '{settings.scenario}'; known: {', '.join(tariffs.scenarios)}")])
        scenario = settings.scenario
    else:
        check_scenario(scenario, tariffs)
    tasks = [(str(p), shown, catalogue_dir, scenario, settings.vat_recoverable) for p, shown in got.cases]
    workers = _workers(jobs, len(tasks))
    if workers == 1:
        done = _chunk(tasks)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        size = max(1, -(-len(tasks) // (workers * 4)))
        chunks = [tasks[i:i + size] for i in range(0, len(tasks), size)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            done = [s for part in pool.map(_chunk, chunks) for s in part]
    problems = [p for d in done if isinstance(d, list) for p in d]
    if problems:
        raise InputError(problems)
    return consolidate(done, title=settings.title, organisation=settings.organisation,
                       budget_year=budget_year if budget_year is not None else settings.budget_year,
                       scenario=scenario, vat_recoverable=settings.vat_recoverable,
                       hours_per_fte=settings.hours_per_fte,
                       code_names={c: f.name for c, f in tariffs.funding.items()}, repeated=got.repeated)


__all__ = ["Loaded", "load", "load_catalogues", "check_scenario", "estimate", "NeedComparison", "need_products",
           "unknown_product", "choose_deployment", "compare_need", "compare_within", "compare_files", "scenarios",
           "sensitivity", "simulate", "Report", "report", "report_of", "REPORT_DRAWS", "REPORT_SEED",
           "portfolio"]


# ---- actuals against the plan -------------------------------------------------------------------


def evaluate(loaded: Loaded, actuals_path: Path, scenario: str | None = None, prices: str = "mid",
             memo: Memo | None = None, shown: str | None = None, criteria=(), result: Result | None = None):
    """The case's plan month by month against the actuals of ``actuals_path`` (bcalc.core.actuals),
    with the case's gate criteria where it has phases with gates, and a second forecast with the
    latest clients in use carried forward (where the actuals give clients). ``criteria``: more
    criteria to check (each with kpi, min, max and optionally gate), such as computed gate thresholds.
    ``result``: the estimate of the case with this scenario and price end, when the caller has it (its
    gates give the thresholds for the gate ahead)."""
    from bcalc.actuals_loader import load_actuals
    from bcalc.core.actuals import carried_case, case_criteria
    from bcalc.core.actuals import evaluate as compare
    from bcalc.core.monthly import monthly_plan

    check_scenario(scenario, loaded.tariffs)
    memo = memo if memo is not None else Memo()
    plan = monthly_plan(loaded.case, loaded.catalogue, loaded.tariffs, scenario=scenario, prices=prices, memo=memo)
    actuals = load_actuals(actuals_path, plan, loaded.tariffs, shown=shown)
    other = carried_case(loaded.case, actuals)
    carried = (monthly_plan(other, loaded.catalogue, loaded.tariffs, scenario=scenario, prices=prices, memo=memo)
               if other is not None else None)
    computed = []
    if any(p.gate is not None for p in loaded.case.phases) and actuals.months:
        from bcalc.core.actuals import threshold_criteria

        if result is None:
            result = estimate(loaded, scenario, prices, memo)
        computed = threshold_criteria(loaded.case, result.gates, max(m.index for m in actuals.months))
    return compare(plan, actuals, list(case_criteria(loaded.case)) + computed + list(criteria), carried)
