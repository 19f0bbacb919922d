"""What a case must give before a product can be priced for it."""

from __future__ import annotations

from bcalc.models import Case, Deployment, Product


def missing_inputs(product: Product, dep: Deployment, case: Case) -> list[str]:
    """What the case lacks to price this product (the loader reports the same with line numbers)."""
    from bcalc.core.selection import active_options

    active = active_options(product, dep)
    out = []
    for it in product.items:
        if it.options and not active.intersection(it.options):
            continue
        if it.basis == "role" and it.role and it.id not in dep.quantities and it.role not in case.staff:
            out.append(f"staff.{it.role}")
        if it.basis == "team" and case.teams is None and it.id not in dep.quantities:
            out.append("staff.teams")
        if it.currency != "EUR" and it.currency not in case.fx and it.id not in dep.prices:
            out.append(f"fx.{it.currency}")
    for t in product.time:
        if not t.counted or (t.options and not active.intersection(t.options)):
            continue
        if t.role and t.role not in case.staff:
            out.append(f"staff.{t.role}")
        if t.per == "team" and case.teams is None:
            out.append("staff.teams")
    return sorted(set(out))
