"""What a case must give before a product can be priced for it.

One rule, read twice: the loader reports each need with its line in the case file, and
``bcalc compare`` and choice pricing use ``missing_inputs`` to skip alternatives a case cannot price.
"""

from __future__ import annotations


from bcalc.models import Case, Deployment, Product
from bcalc.record import record


@record
class Need:
    """An input a product line needs: ``staff.<role>``, ``staff.teams`` or ``fx.<currency>``."""

    line: str        # "item" or "time"
    id: str          # the item's or time line's id
    input: str
    reason: str      # "role", "team" or "currency"


def case_inputs(case: Case) -> set[str]:
    """The inputs a loaded case gives, named as in ``Need.input``."""
    have = {f"staff.{role}" for role in case.staff} | {f"fx.{cur}" for cur in case.fx}
    if case.teams is not None:
        have.add("staff.teams")
    return have


def needs(product: Product, dep: Deployment, have: set[str]) -> list[Need]:
    """The inputs the active lines of this deployment need and ``have`` lacks, in catalogue order."""
    from bcalc.core.selection import active_items, active_time

    # the deployment's own counts (a role it names must also be in the case's staff, for its rate:
    # bcalc.rules reports that where the deployment names it)
    have = have | {f"staff.{role}" for role in dep.staff} | ({"staff.teams"} if dep.teams is not None else set())
    out = []
    for it in active_items(product, dep):
        if it.basis == "role" and it.role and it.id not in dep.quantities and f"staff.{it.role}" not in have:
            out.append(Need("item", it.id, f"staff.{it.role}", "role"))
        if it.basis == "team" and "staff.teams" not in have and it.id not in dep.quantities:
            out.append(Need("item", it.id, "staff.teams", "team"))
        if it.currency != "EUR" and f"fx.{it.currency}" not in have and it.id not in dep.prices:
            out.append(Need("item", it.id, f"fx.{it.currency}", "currency"))
    for t in active_time(product, dep):
        if t.role and f"staff.{t.role}" not in have:
            out.append(Need("time", t.id, f"staff.{t.role}", "role"))
        if t.per == "team" and "staff.teams" not in have:
            out.append(Need("time", t.id, "staff.teams", "team"))
    return out


def missing_inputs(product: Product, dep: Deployment, case: Case) -> list[str]:
    """What the case lacks to price this product (the loader reports the same with line numbers)."""
    return sorted({n.input for n in needs(product, dep, case_inputs(case))})
