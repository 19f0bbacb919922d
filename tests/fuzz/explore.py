"""A long fuzz exploration that collects every failure instead of stopping at the first.

    python tests/fuzz/explore.py [--examples 5000] [--seed 1] [--out DIR]

Plans are drawn from a seeded random generator (the same plans for the same seed). Each failing
plan is grouped by its kind (the first line of the assertion, with numbers and paths taken out);
for each kind the first plan is printed as a reproducer and its files are kept under --out, with
the command to run. Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fuzz.harness import check, run  # noqa: E402
from fuzz.strategies import random_plan  # noqa: E402


def kind_of(message: str) -> str:
    first = message.splitlines()[0] if message else "?"
    first = re.sub(r"/tmp/\S+", "FILE", first)
    first = re.sub(r"'[^']*'", "'…'", first)
    return re.sub(r"-?\d+(\.\d+)?", "N", first)[:160]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "bcalc-fuzz-findings")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    kinds: dict[str, tuple[str, str]] = {}
    counts: Counter[str] = Counter()
    exits: Counter[int] = Counter()
    started = time.monotonic()
    for n in range(args.examples):
        plan = random_plan(rng)
        with tempfile.TemporaryDirectory(prefix="bcalc-fuzz-") as folder:
            try:
                out = run(plan, Path(folder))
                exits[out.exit_code] += 1
                check(out)
            except Exception as exc:  # AssertionError: a finding; anything else: the fuzzer's own
                text = str(exc) if isinstance(exc, AssertionError) else f"fuzzer error {type(exc).__name__}: {exc}\n{plan}"
                kind = kind_of(text)
                counts[kind] += 1
                if kind not in kinds:
                    kept = args.out / f"{len(kinds) + 1:03d}"
                    shutil.rmtree(kept, ignore_errors=True)
                    shutil.copytree(folder, kept)
                    kinds[kind] = (str(plan), text.replace(folder, str(kept)))
                    print(f"[{n}] new failure {len(kinds)}: {kind}", flush=True)
        if (n + 1) % 500 == 0:
            print(f"... {n + 1} examples, {time.monotonic() - started:.0f} s, exits {dict(exits)}", flush=True)
    print(f"\n{args.examples} examples in {time.monotonic() - started:.0f} s; exits {dict(exits)}; "
          f"{sum(counts.values())} failures of {len(kinds)} kinds")
    for i, (kind, (plan, message)) in enumerate(kinds.items(), 1):
        print(f"\n=== {i}. {kind}  ({counts[kind]}x)\n{message[:2500]}")
    return 1 if kinds else 0


if __name__ == "__main__":
    sys.exit(main())
