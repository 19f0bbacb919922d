"""Products for one need side by side, or whole cases side by side.

Each alternative takes the deployment's place with the same clients, staff, horizon, VAT and
indexation; what cannot carry over (another supplier's negotiated prices, options the product
does not have) is dropped and said so.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from bcalc.core.engine import estimate, totals
from bcalc.core.memo import Memo
from bcalc.core.choices import ChoicePricing, choice_pricing
from bcalc.core.requirements import missing_inputs
from bcalc.core.selection import client_months
from bcalc.models import Case, Catalogue, Notice, Result, Tariffs, Totals
from bcalc.money import ZERO
from bcalc.record import record

CATEGORIES = ("one_off", "recurring", "training", "internal", "vat")


@record
class Alternative:
    key: str                      # product id, or the case file
    name: str
    result: Result | None         # None: it could not be computed for this case
    problem: Notice | None = None   # why it could not be computed
    assumptions: tuple[Notice, ...] = ()
    deployment: int | None = None  # the deployment compared; None for whole cases
    client_months: int = 0

    @property
    def totals(self) -> Totals | None:
        if self.result is None:
            return None
        if self.deployment is None:
            return self.result.total
        part = next(p.totals for p in self.result.products if p.deployment == self.deployment)
        funding = self.result.total.funding
        return replace(part, funding=funding)

    @property
    def cost_per_client_month(self) -> Decimal | None:
        t = self.totals
        if t is None or not self.client_months:
            return None
        return t.cost / self.client_months


@record
class LineDiff:
    label: str
    a: Decimal
    b: Decimal

    @property
    def delta(self) -> Decimal:
        return self.a - self.b


@record
class Pair:
    a: int                        # index of an alternative
    b: int                        # index of the cheapest
    delta: Decimal                # cost of a minus cost of b
    categories: tuple[tuple[str, Decimal], ...]
    lines: tuple[LineDiff, ...]


@record
class IncludedDiff:
    label: str
    included_in: int              # alternative that includes it at no charge
    charged_by: int               # alternative that charges for it
    amount: Decimal               # what the latter charges over the horizon, incl. VAT
    written: str
    source: str


@record
class Comparison:
    title: str
    need: str | None
    deployment: int | None
    alternatives: tuple[Alternative, ...]
    pairs: tuple[Pair, ...]
    included: tuple[IncludedDiff, ...]
    pricing: tuple[ChoicePricing, ...] = ()

    @property
    def cheapest(self) -> int | None:
        done = [(a.totals.cost, i) for i, a in enumerate(self.alternatives) if a.result is not None]
        return min(done)[1] if done else None


def swap(case: Case, catalogue: Catalogue, d_index: int, product_id: str) -> tuple[Case, list[Notice], list[str]]:
    """The case with deployment ``d_index`` served by another product."""
    dep = case.deployments[d_index]
    old = catalogue.products[dep.product]
    new = catalogue.products[product_id]
    notes: list[Notice] = []
    if product_id == dep.product:
        return case, notes, missing_inputs(new, dep, case)
    known = new.option_names
    options = [o for o in dep.options if o in known]
    dropped = [o for o in dep.options if o not in known]
    if dropped:
        notes.append(Notice("compare_options", {"product": new.name, "options": tuple(dropped), "old": old.name}))
    for ch in new.choices:
        if ch.required and not any(o in ch.options for o in options):
            options.append(ch.options[0])
            notes.append(Notice("compare_choice", {"product": new.name, "choice": ch.id, "option": ch.options[0]}))
    if dep.prices:
        notes.append(Notice("compare_prices", {"product": new.name, "old": old.name}))
    if dep.assets:  # a lifetime is the case's assumption about one supplier's device
        notes.append(Notice("compare_assets", {"product": new.name, "old": old.name, "items": tuple(dep.assets)}))
    ids = {it.id for it in new.items} | {t.id for t in new.time}
    # a benefit carries over to a product for the same need (another dispenser frees the same
    # medication rounds), not to a product for another need (Tessa's claim is not Paro's)
    following = [b for b in case.benefits if b.clients is None and b.deployment == d_index] \
        if new.need != old.need else []
    if following:
        notes.append(Notice("compare_benefits", {"product": new.name, "old": old.name,
                                                 "benefits": tuple(b.label for b in following)}))
    alt = replace(dep, product=product_id, options=tuple(options), prices={}, assets={},
                  quantities={k: v for k, v in dep.quantities.items() if k in ids},
                  vat_rates={k: v for k, v in dep.vat_rates.items() if k in ids})
    deployments = list(case.deployments)
    deployments[d_index] = alt
    new_case = replace(case, deployments=tuple(deployments),
                       benefits=tuple(b for b in case.benefits if b not in following))
    return new_case, notes, missing_inputs(new, alt, new_case)


def _line_costs(result: Result, deployment: int | None) -> dict[str, tuple[str, Decimal]]:
    """Cost per item over the horizon (incl. VAT), keyed by item (and product for whole cases)."""
    out: dict[str, tuple[str, Decimal]] = {}
    for ln in result.lines:
        if deployment is not None and ln.deployment != deployment:
            continue
        key = ln.base_item if deployment is not None else f"{ln.product}:{ln.base_item}"
        label, amount = out.get(key, (ln.label, ZERO))
        out[key] = (label, amount + ln.cost)
    return out


def _explain(alts: list[Alternative], cheapest: int, top: int = 3) -> list[Pair]:
    pairs = []
    base = alts[cheapest]
    for i, alt in enumerate(alts):
        if i == cheapest or alt.result is None:
            continue
        ta, tb = alt.totals, base.totals
        cats = sorted(((c, getattr(ta, c) - getattr(tb, c)) for c in CATEGORIES), key=lambda kv: -abs(kv[1]))
        la, lb = _line_costs(alt.result, alt.deployment), _line_costs(base.result, base.deployment)
        diffs = []
        for key in set(la) | set(lb):
            label = (la.get(key) or lb.get(key))[0]
            diffs.append(LineDiff(label, la.get(key, ("", ZERO))[1], lb.get(key, ("", ZERO))[1]))
        diffs.sort(key=lambda d: (-abs(d.delta), d.label))
        pairs.append(Pair(i, cheapest, ta.cost - tb.cost, tuple(cats), tuple(d for d in diffs[:top] if d.delta)))
    return pairs


def _included(alts: list[Alternative], catalogue: Catalogue) -> list[IncludedDiff]:
    out = []
    for i, a in enumerate(alts):
        if a.result is None or a.deployment is None:
            continue
        pa = catalogue.products[a.key]
        for item in pa.items:
            if not item.included:
                continue
            for j, b in enumerate(alts):
                if j == i or b.result is None:
                    continue
                costs = _line_costs(b.result, b.deployment)
                if item.id in costs and costs[item.id][1] > 0:
                    pb = catalogue.products[b.key]
                    other = pb.item(item.id)
                    out.append(IncludedDiff(item.label, i, j, costs[item.id][1],
                                            other.price.written if other and other.price else "",
                                            other.source if other else ""))
    return out


def compare_products(case: Case, catalogue: Catalogue, tariffs: Tariffs, d_index: int, products: list[str],
                     scenario: str | None = None, prices: str = "mid",
                     known: dict[str, Result] | None = None, memo: Memo | None = None) -> Comparison:
    """The deployment as it is, then served by each of ``products``. ``known``: the estimate of the
    case as it is, under its own product id, when the caller has it (same scenario and price end).
    ``memo``: what the runs of one command share (bcalc.core.memo)."""
    catalogue = catalogue.for_case(case)  # the products the case file adds
    memo = memo if memo is not None else Memo()
    dep = case.deployments[d_index]
    order = [dep.product] + [p for p in products if p != dep.product]
    alts: list[Alternative] = []
    for pid in dict.fromkeys(order):
        new_case, notes, missing = swap(case, catalogue, d_index, pid)
        product = catalogue.products[pid]
        months = client_months([new_case.deployments[d_index]])
        if missing:
            alts.append(Alternative(pid, product.name, None, Notice("compare_missing", {"missing": tuple(missing)}),
                                    tuple(notes), d_index, months))
            continue
        if known and pid == dep.product and pid in known:
            result = known[pid]
        else:
            result = estimate(new_case, catalogue, tariffs, scenario=scenario, prices=prices, memo=memo)
        alts.append(Alternative(pid, product.name, result, None, tuple(notes), d_index, months))
    cheapest = min(((a.totals.cost, i) for i, a in enumerate(alts) if a.result is not None), default=(None, None))[1]
    pricing: list[ChoicePricing] = []
    for alt in alts:
        if alt.result is None:
            continue
        alt_case = alt.result.case
        single = replace(alt_case, deployments=(alt_case.deployments[d_index],), funding=(), benefits=())
        pricing += choice_pricing(single, catalogue, tariffs,
                                  lambda c, p: totals(c, catalogue, tariffs, scenario=scenario, prices=p,
                                                      memo=memo), prices)
    product = catalogue.products[dep.product]
    return Comparison(title=case.title, need=product.need, deployment=d_index, alternatives=tuple(alts),
                      pairs=tuple(_explain(alts, cheapest)) if cheapest is not None else (),
                      included=tuple(_included(alts, catalogue)), pricing=tuple(pricing))


def compare_cases(cases: list[tuple[str, Case]], catalogue: Catalogue, tariffs: Tariffs,
                  scenario: str | None = None, prices: str = "mid", memo: Memo | None = None) -> Comparison:
    """Whole case files side by side."""
    memo = memo if memo is not None else Memo()
    alts = []
    horizons = {case.years for _, case in cases}
    for key, case in cases:
        result = estimate(case, catalogue.with_products(case.products), tariffs, scenario=scenario, prices=prices,
                          memo=memo)
        notes = ()
        if len(horizons) > 1:
            notes = (Notice("compare_horizon", {"years": case.years}),)
        alts.append(Alternative(key, case.title, result, None, notes, None, client_months(case.deployments)))
    cheapest = min(((a.totals.cost, i) for i, a in enumerate(alts)), default=(None, None))[1]
    return Comparison(title=" / ".join(a.name for a in alts), need=None, deployment=None, alternatives=tuple(alts),
                      pairs=tuple(_explain(alts, cheapest)) if cheapest is not None else (), included=())
