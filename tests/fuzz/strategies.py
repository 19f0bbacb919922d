"""Hypothesis strategies for fuzz plans, and the same plans drawn from a seeded random generator
(for the long exploration, which collects every failure instead of stopping at the first)."""

from __future__ import annotations

import random

from hypothesis import strategies as st

from fuzz.harness import CASES, CATALOGUE_FILES, EXTRA, Plan
from fuzz.mutate import OPS, Op

TARGETS = ("case",) * 3 + CATALOGUE_FILES  # mostly the case: a catalogue costs more to load
WIDE = 2 ** 16

ops = st.builds(Op, st.sampled_from(OPS), st.integers(0, WIDE - 1), st.integers(0, WIDE - 1),
                st.integers(0, WIDE - 1))
plans = st.builds(Plan, case=st.integers(0, len(CASES) - 1), target=st.sampled_from(TARGETS),
                  ops=st.lists(ops, min_size=1, max_size=4).map(tuple), extra=st.integers(0, len(EXTRA) - 1))


def random_plan(rng: random.Random) -> Plan:
    n = rng.choice((1, 1, 1, 2, 2, 3, 4, 6))
    return Plan(case=rng.randrange(len(CASES)), target=rng.choice(TARGETS),
                ops=tuple(Op(rng.choice(OPS), rng.randrange(WIDE), rng.randrange(WIDE), rng.randrange(WIDE))
                          for _ in range(n)),
                extra=rng.randrange(len(EXTRA)))
