"""Runs bcalc on a mutated case or catalogue and checks what it did.

``run(plan, folder)`` writes the files of a plan (the case, and with a mutated catalogue both
catalogue files) into ``folder`` and runs ``bcalc estimate CASE --format json`` in this process,
with ``--catalogue`` when the catalogue was mutated; then, when that succeeded, the plan's other
command. ``check(outcome)`` raises AssertionError, with everything needed to reproduce it, when

- the exit code is not 0 or 2 (1 is an uncaught exception: a bug), or an exception escaped;
- on exit 2: a line of stderr is not ``FILE:LINE: ...`` naming one of the files written, a line
  number lies outside that file, or something was written to stdout;
- on exit 0: the JSON breaks an invariant: a total that is not the sum of its years, of its
  products or of its lines, a cost that is not the sum of its parts (one-off, recurring, training,
  internal, VAT), a net that is not funding + benefits - cost, a money figure without exactly two
  decimals, or a negative cost where no input is negative.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from fuzz.mutate import Op, apply

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
CASES = tuple(sorted((ROOT / "examples").glob("*.yaml"))) + tuple(sorted((ROOT / "tests" / "cases").glob("*.yaml")))
CATALOGUE_FILES = ("suppliers.yaml", "tariffs.yaml")
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}
# what runs after a successful JSON estimate: another rendering of the same case, or an analysis
EXTRA = ((), ("estimate", "--format", "table"), ("estimate", "--format", "csv"),
         ("estimate", "--format", "markdown"), ("estimate", "--lang", "en", "--format", "table"),
         ("scenarios", "--format", "json"), ("compare", "--deployment", "1", "--format", "json"))

PROBLEM_RE = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<rest>.*)$")
MONEY_RE = re.compile(r"^-?\d+\.\d{2}$")
PARTS = ("one_off", "recurring", "training", "internal", "vat")
COSTS = PARTS + ("cost",)
TOTALS = COSTS + ("funding", "benefits", "net", "benefits_cashable", "cash_net")
# keys whose values are money wherever they stand in the JSON (vat and funding also name sections)
MONEY_KEYS = set(TOTALS) | {"excl_vat", "amount", "npv", "cost_per_client_month", "owed_after_horizon"}


@dataclass(frozen=True)
class Plan:
    case: int                      # which of CASES
    target: str                    # "case", "suppliers.yaml" or "tariffs.yaml": the file mutated
    ops: tuple[Op, ...]
    extra: int = 0                 # which of EXTRA runs after a successful estimate

    @property
    def base(self) -> Path:
        return CASES[self.case % len(CASES)]

    @property
    def then(self) -> tuple[str, ...]:
        return EXTRA[self.extra % len(EXTRA)]

    def __str__(self) -> str:
        ops = ", ".join(str(o) for o in self.ops)
        return f"Plan(case={self.case}, target={self.target!r}, ops=({ops},), extra={self.extra})"


@dataclass
class Outcome:
    plan: Plan
    args: list[str]
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None
    files: dict[str, Path]               # name shown in messages -> the file written
    then: "Outcome | None" = None
    inputs: list[bytes] = field(default_factory=list)

    def shown(self) -> str:
        exc = "" if self.exception is None or isinstance(self.exception, SystemExit) else \
            f"\n--- exception\n{type(self.exception).__name__}: {self.exception}"
        return (f"{self.plan}\n$ bcalc {' '.join(self.args)}\nexit {self.exit_code}{exc}\n"
                f"--- stderr\n{self.stderr[:3000]}--- stdout\n{self.stdout[:600]}")


def write(plan: Plan, folder: Path) -> tuple[Path, Path | None]:
    """The files of a plan in ``folder``: the case, and the catalogue folder when it is mutated."""
    folder.mkdir(parents=True, exist_ok=True)
    case = folder / plan.base.name
    catalogue = None
    if plan.target == "case":
        case.write_bytes(apply(plan.base.read_text(encoding="utf-8"), plan.ops))
    else:
        case.write_bytes(plan.base.read_bytes())
        catalogue = folder / "catalogue"
        catalogue.mkdir(exist_ok=True)
        for name in CATALOGUE_FILES:
            source = DATA / name
            if name == plan.target:
                (catalogue / name).write_bytes(apply(source.read_text(encoding="utf-8"), plan.ops))
            else:
                shutil.copyfile(source, catalogue / name)
    return case, catalogue


def invoke(args: list[str]):
    from typer.testing import CliRunner

    from bcalc.cli import app

    return CliRunner().invoke(app, args, env=ENV)


def run(plan: Plan, folder: Path) -> Outcome:
    case, catalogue = write(plan, folder)
    files = {str(case): case}
    options: list[str] = []
    if catalogue is not None:
        options = ["--catalogue", str(catalogue)]
        files.update({str(catalogue / n): catalogue / n for n in CATALOGUE_FILES})
    args = ["estimate", str(case), "--format", "json", *options]
    result = invoke(args)
    out = Outcome(plan, args, result.exit_code, result.stdout, result.stderr, result.exception, files)
    if result.exit_code == 0 and plan.then:
        more = [plan.then[0], str(case), *plan.then[1:], *options]
        r2 = invoke(more)
        out.then = Outcome(plan, more, r2.exit_code, r2.stdout, r2.stderr, r2.exception, files)
    return out


# ---- the checks ----------------------------------------------------------------------------------

def check(out: Outcome) -> None:
    _no_crash(out)
    if out.exit_code == 2:
        check_problems(out)
    else:
        check_invariants(out)
        if out.then is not None:
            _no_crash(out.then)
            assert out.then.exit_code == 0, f"the estimate succeeded, the next command did not\n{out.then.shown()}"


def _no_crash(out: Outcome) -> None:
    escaped = out.exception is not None and not isinstance(out.exception, SystemExit)
    assert not escaped and out.exit_code in (0, 2), f"exit {out.exit_code} (a bug)\n{out.shown()}"
    assert "Traceback" not in out.stderr and "unexpected error" not in out.stderr, out.shown()


def check_problems(out: Outcome) -> None:
    """Exit 2: every line of stderr is FILE:LINE: ... with a line inside one of the files."""
    assert out.stdout == "", f"bad input, yet output on stdout\n{out.shown()}"
    lines = out.stderr.splitlines()
    assert lines, f"exit 2 without a message\n{out.shown()}"
    for ln in lines:
        m = PROBLEM_RE.match(ln)
        assert m and m.group("file") in out.files, f"not FILE:LINE: {ln!r}\n{out.shown()}"
        count = max(1, len(out.files[m.group("file")].read_bytes().splitlines()))
        assert 1 <= int(m.group("line")) <= count, f"line {m.group('line')} outside the {count} lines: {ln!r}\n{out.shown()}"


def _d(text: str) -> Decimal:
    return Decimal(text)


def _money_figures(value, key=None, path="$"):
    """Every (path, text) of a money figure in the JSON."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _money_figures(v, k, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _money_figures(v, key, f"{path}[{i}]")
    elif key in MONEY_KEYS and value is not None and not isinstance(value, bool):
        yield path, value


def _negative_input(out: Outcome) -> bool:
    """Some number written in the files is negative (a value starting with a minus sign)."""
    pattern = re.compile(rb"(?:^|[\s:\[,{])-\s*[\d.]")
    return any(pattern.search(p.read_bytes()) for p in out.files.values())


def check_invariants(out: Outcome) -> None:
    try:
        doc = json.loads(out.stdout)
    except ValueError as exc:
        raise AssertionError(f"exit 0 but the output is no JSON: {exc}\n{out.shown()}") from None
    problems = invariant_problems(doc, allow_negative=_negative_input(out))
    assert not problems, "\n".join(problems[:20]) + "\n" + out.shown()


def invariant_problems(doc: dict, allow_negative: bool = False) -> list[str]:
    bad: list[str] = []
    for path, text in _money_figures(doc):
        if not isinstance(text, str) or not MONEY_RE.match(text):
            bad.append(f"{path} = {text!r} is not money with two decimals")
    if bad:
        return bad
    total, years, products, lines = doc["total"], doc["per_year"], doc["products"], doc["lines"]
    for where, t in [("total", total)] + [(f"per_year[{r['year']}]", r) for r in years] + \
            [(f"products[{p['product']}/{p['deployment']}]", p) for p in products]:
        if _d(t["cost"]) != sum(_d(t[k]) for k in PARTS):
            bad.append(f"{where}: cost {t['cost']} is not the sum of its parts {[t[k] for k in PARTS]}")
        if "net" in t and _d(t["net"]) != _d(t["funding"]) + _d(t["benefits"]) - _d(t["cost"]):
            bad.append(f"{where}: net {t['net']} is not funding + benefits - cost")
        if _d(t["cash_net"]) != _d(t.get("funding", "0")) + _d(t["benefits_cashable"]) - _d(t["cost"]):
            bad.append(f"{where}: cash_net {t['cash_net']} is not funding + cashable benefits - cost")
        if not allow_negative:
            for k in COSTS:
                if _d(t[k]) < 0:
                    bad.append(f"{where}: {k} {t[k]} is negative, yet no input is")
    for k in TOTALS:
        if _d(total[k]) != sum((_d(r[k]) for r in years), Decimal(0)):
            bad.append(f"total.{k} {total[k]} is not the sum of the years")
    for k in COSTS:
        if _d(total[k]) != sum((_d(p[k]) for p in products), Decimal(0)):
            bad.append(f"total.{k} {total[k]} is not the sum of the products")
    # the lines: per category and year, and the VAT
    for where, t, sel in [("total", total, lambda ln: True)] + \
            [(f"per_year[{r['year']}]", r, (lambda y: lambda ln: ln["year"] == y)(r["year"])) for r in years]:
        chosen = [ln for ln in lines if sel(ln)]
        for k in PARTS[:-1]:
            s = sum((_d(ln["excl_vat"]) for ln in chosen if ln["category"] == k), Decimal(0))
            if s != _d(t[k]):
                bad.append(f"{where}.{k} {t[k]} is not the sum of its lines {s}")
        s = sum((_d(ln["vat"]) for ln in chosen), Decimal(0))
        if s != _d(t["vat"]):
            bad.append(f"{where}.vat {t['vat']} is not the VAT of its lines {s}")
        if _d(t["cost"]) != sum((_d(ln["excl_vat"]) + _d(ln["vat"]) for ln in chosen), Decimal(0)):
            bad.append(f"{where}.cost {t['cost']} is not the sum of its lines")
    if not allow_negative:
        for ln in lines:
            if _d(ln["excl_vat"]) < 0 or _d(ln["vat"]) < 0:
                bad.append(f"line {ln['product']}/{ln['item']}/{ln['year']}: negative ({ln['excl_vat']}, {ln['vat']})")
    funding = sum((_d(f["amount"]) for f in doc.get("funding") or []), Decimal(0))
    if funding != _d(total["funding"]):
        bad.append(f"total.funding {total['funding']} is not the sum of the funding lines {funding}")
    benefits = doc.get("benefits") or []
    if isinstance(benefits, list):
        s = sum((_d(b["amount"]) for b in benefits), Decimal(0))
        if s != _d(total["benefits"]):
            bad.append(f"total.benefits {total['benefits']} is not the sum of the benefit lines {s}")
    return bad
