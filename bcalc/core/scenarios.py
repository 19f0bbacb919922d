"""A case under a grid of assumptions and under stress: what a contract costs at best and worst.

Grid: indexation scenario x price end (low, mid, high of quoted ranges) x recoverable VAT (0 %,
the case's, 100 %). Stress rows: prices at the contract cap every year, half the planned
clients, and stopping after each contract year (what has been spent, plus what is still owed
under the contract).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from bcalc.core.checks import owed_after_horizon
from bcalc.core.engine import Summary, totals as run_totals
from bcalc.core.memo import Memo
from bcalc.models import Case, Catalogue, Contract, Message, Tariffs, Totals
from bcalc.record import record

PRICE_ENDS = ("low", "mid", "high")


@record
class ScenarioRow:
    group: str                    # "grid" or "stress"
    key: str                      # machine-readable: "base/mid/0", "cap", "half", "exit-2"
    label: Message                # what the row shows, in words of bcalc.messages
    scenario: str
    prices: str
    recoverable: Decimal
    totals: Totals
    spent: Decimal | None = None  # stopping rows: cost up to and including the stop
    owed: Decimal | None = None   # stopping rows: still payable under the contract after the stop


@record
class ScenarioTable:
    case: Case
    rows: tuple[ScenarioRow, ...]
    notes: tuple[Message, ...]

    def _ranked(self) -> list[int]:
        # stopping rows answer another question (what leaving costs), so best and worst are
        # chosen among the grid and the cap and half-clients rows
        return [i for i, row in enumerate(self.rows) if not row.key.startswith("exit-")]

    @property
    def best(self) -> int:
        return max(self._ranked(), key=lambda i: (self.rows[i].totals.net, -i))

    @property
    def worst(self) -> int:
        return min(self._ranked(), key=lambda i: (self.rows[i].totals.net, i))


def _halve(case: Case) -> Case:
    deps = tuple(replace(d, clients=tuple(c // 2 for c in d.clients)) for d in case.deployments)
    funding = tuple(replace(f, clients=tuple(c // 2 for c in f.clients)) if f.clients else f for f in case.funding)
    return replace(case, deployments=deps, funding=funding)


def _stop_after(case: Case, k: int, keep_term: bool) -> Case:
    deps = []
    for d in case.deployments:
        c = d.contract
        term = c.term if keep_term else None
        deps.append(replace(d, contract=Contract(term=term, min_clients=c.min_clients if keep_term else None,
                                                 exit_year=k)))
    funding = []
    for f in case.funding:
        if f.clients:
            funding.append(replace(f, clients=tuple(n if i < k else 0 for i, n in enumerate(f.clients))))
        elif f.year is None or f.year <= k:
            funding.append(f)
    return replace(case, deployments=tuple(deps), funding=tuple(funding))


def scenario_table(case: Case, catalogue: Catalogue, tariffs: Tariffs, memo: Memo | None = None) -> ScenarioTable:
    """Every row is the totals of an engine run (``bcalc.core.engine.totals``); the runs share
    ``memo``, so a row takes from the runs before it what its inputs leave unchanged (a stopping
    row everything before its stop)."""
    catalogue = catalogue.for_case(case)  # the products the case file adds
    memo = memo if memo is not None else Memo()

    def run(c: Case, scenario: str, prices: str) -> Summary:
        return run_totals(c, catalogue, tariffs, scenario=scenario, prices=prices, memo=memo)

    rows: list[ScenarioRow] = []
    # the price ends move every range of the source: amounts and hours ("4-6 uur per week") alike
    notes: list[Message] = [Message("scenarios_note_price_ends")]
    recoverables = sorted({Decimal(0), case.vat_recoverable, Decimal(1)})
    vat_moves_funding = any(line.rules is not None and "vat" in (line.rules.eligible or ("vat",))
                            for line in case.funding)
    for scenario in [s for s in ("none", "low", "base", "high") if s in tariffs.scenarios]:
        for end in PRICE_ENDS:
            # one run with nothing recoverable; the other VAT settings change only each line's VAT
            at_zero = run(replace(case, vat_recoverable=Decimal(0)), scenario, end)
            for rec in recoverables:
                if vat_moves_funding:   # a subsidy that counts the VAT paid: a run of its own
                    totals = run(replace(case, vat_recoverable=rec), scenario, end).total
                else:
                    totals = replace(at_zero.total, vat=at_zero.vat_at(rec))
                pct = f"{rec * 100:.0f}"
                label = Message("scenario_grid", {"scenario": scenario, "name": tariffs.scenarios[scenario].label,
                                                  "prices": end, "recovered": rec})
                rows.append(ScenarioRow("grid", f"{scenario}/{end}/{pct}", label, scenario, end, rec, totals))

    caps = [d.index_cap for d in case.deployments if d.index_cap is not None]
    if caps:
        at_cap = replace(case, indexation=replace(case.indexation, prices=max(caps)))
        result = run(at_cap, case.scenario, "mid")
        rows.append(ScenarioRow("stress", "cap", Message("scenario_cap"), case.scenario, "mid", case.vat_recoverable,
                                result.total))
        if len(caps) < len(case.deployments):
            notes.append(Message("scenarios_note_uncapped"))
    else:
        notes.append(Message("scenarios_note_no_cap"))

    half = run(_halve(case), case.scenario, "mid")
    rows.append(ScenarioRow("stress", "half", Message("scenario_half"), case.scenario, "mid", case.vat_recoverable,
                            half.total))

    for k in range(1, case.years):
        stopped = _stop_after(case, k, keep_term=True)
        full = run(stopped, case.scenario, "mid")
        free = _stop_after(case, k, keep_term=False)
        # without contract terms the two cases are the same: what is owed is then nothing
        spent = full if free == stopped else run(free, case.scenario, "mid")
        after = owed_after_horizon(stopped, catalogue, tariffs, full, lambda c, p, s: run(c, s, p))
        owed = full.total.cost + after - spent.total.cost
        totals = full.total
        rows.append(ScenarioRow("stress", f"exit-{k}", Message("scenario_exit", {"year": k}), case.scenario, "mid",
                                case.vat_recoverable, totals, spent=spent.total.cost, owed=owed))
    if case.years > 1:
        notes.append(Message("scenarios_note_stopping"))
    return ScenarioTable(case, tuple(rows), tuple(notes))


__all__ = ["scenario_table", "ScenarioTable", "ScenarioRow"]
