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
from bcalc.core.selection import active_items, active_time, client_months
from bcalc.models import ROLES, Case, Catalogue, Deployment, Notice, Product, Result, Tariffs, Totals
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
    # what the source leaves out, so that the cost is not complete: "recurring" (no priced recurring
    # cost), "time" (no time investment), "unpriced" (an item without an amount the case does not price)
    gaps: tuple[str, ...] = ()
    hours: tuple[tuple[str, Decimal], ...] = ()   # counted staff hours per role over the horizon, valued or not

    @property
    def complete(self) -> bool:
        return not self.gaps

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
        return cheapest_of(self.alternatives)

    @property
    def cheaper_incomplete(self) -> tuple[int, ...]:
        """Alternatives whose known cost is below the cheapest comparable one's, but whose source leaves
        out a cost kind that another alternative's source gives."""
        best = self.cheapest
        if best is None or not comparable(self.alternatives, best):
            return ()
        cost = self.alternatives[best].totals.cost
        return tuple(i for i, a in enumerate(self.alternatives)
                     if a.result is not None and not comparable(self.alternatives, i) and a.totals.cost < cost)


def comparable(alts, i: int) -> bool:
    """Alternative ``i`` leaves out no cost kind that another computed alternative's source gives
    (a gap that all share, such as no time investment anywhere, does not set one apart)."""
    done = [a for a in alts if a.result is not None]
    common = set.intersection(*(set(a.gaps) for a in done)) if done else set()
    return set(alts[i].gaps) <= common


def cheapest_of(alts) -> int | None:
    """The cheapest computed alternative that is comparable (see ``comparable``); only when none is,
    the cheapest of those computed."""
    done = [(a.totals.cost, i) for i, a in enumerate(alts) if a.result is not None]
    pool = [(c, i) for c, i in done if comparable(alts, i)] or done
    return min(pool)[1] if pool else None


def gaps(product: Product, dep: Deployment) -> tuple[str, ...]:
    """The cost kinds the product's source leaves out for this deployment (see Alternative.gaps)."""
    items = active_items(product, dep)

    def priced(it) -> bool:
        return it.included or it.has_amount or it.id in dep.prices

    out = []
    if not any(it.category == "recurring" and priced(it) for it in items):
        out.append("recurring")
    if not active_time(product, dep, counted_only=False):
        out.append("time")
    if any(not priced(it) for it in items):
        out.append("unpriced")
    return tuple(out)


def hours_of(result: Result, deployment: int | None) -> tuple[tuple[str, Decimal], ...]:
    """Counted staff hours per role over the horizon of one deployment (all for None), valued or not."""
    from bcalc.money import dec

    per: dict[str, object] = {}
    for plan in result.plans:
        if deployment is not None and plan.index != deployment:
            continue
        for tc in plan.counted_time:
            per[tc.line.role] = per.get(tc.line.role, 0) + sum(tc.hours) * tc.heads
    return tuple((r, dec(per[r])) for r in ROLES if r in per)


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
        months = client_months([new_case.deployments[d_index]], new_case)
        if missing:
            alts.append(Alternative(pid, product.name, None, Notice("compare_missing", {"missing": tuple(missing)}),
                                    tuple(notes), d_index, months))
            continue
        if known and pid == dep.product and pid in known:
            result = known[pid]
        else:
            result = estimate(new_case, catalogue, tariffs, scenario=scenario, prices=prices, memo=memo)
        alts.append(Alternative(pid, product.name, result, None, tuple(notes), d_index, months,
                                gaps(product, new_case.deployments[d_index]), hours_of(result, d_index)))
    cheapest = cheapest_of(alts)
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
        products = catalogue.with_products(case.products).products
        found = tuple(dict.fromkeys(g for d in case.deployments for g in gaps(products[d.product], d)))
        alts.append(Alternative(key, case.title, result, None, notes, None, client_months(case.deployments, case),
                                found, hours_of(result, None)))
    cheapest = cheapest_of(alts)
    return Comparison(title=" / ".join(a.name for a in alts), need=None, deployment=None, alternatives=tuple(alts),
                      pairs=tuple(_explain(alts, cheapest)) if cheapest is not None else (), included=())
