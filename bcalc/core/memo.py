"""What the engine runs of one command share: work whose inputs have not changed is done once.

An analysis runs the engine many times on cases that differ in one input (a scenario, a price
end, the clients of one deployment, stopping after a contract year). Most of each run is then the
same as a run before it: the plan of a deployment whose inputs are the same, the lines of a plan
under the same price factors, the part of a charge in a contract year with the same units. A
``Memo`` keeps those, keyed on the values that determine them (never on object identity), so that
a later run with the same values takes them instead of computing them again. Identical
deployments of one case share their plan and lines the same way, each keeping its own number.

The memo holds no global state: the application layer makes one per command and passes it to
every analysis of that command; a run without one gets a memo of its own. Everything kept is
immutable or never changed after it is kept, so a run cannot alter what another run reads.

Tables (what each holds is decided by the module that fills it):

- ``products``: a catalogue product (by value) -> a small number, so that keys stay cheap to hash;
- ``horizons``: a horizon's months, segments and wage, tariff and price factors (bcalc.core.engine);
- ``plans``: a deployment's plan of charges and the notices of planning (bcalc.core.engine);
- ``deployments``: a plan's evaluated lines and monthly flows (bcalc.core.lines);
- ``factors``: the price factors per contract year of a price series under a cap (bcalc.core.lines);
- ``profiles``: a charge's quantities per calendar year, apart from its price (bcalc.core.lines);
- ``charges``: a charge's rounded lines at its price and VAT, and its part of the flows (bcalc.core.lines);
- ``tokens``: a value (a deployment's units with its horizon, price factors) -> a small number;
- ``shapes``: a charge's quantities in the segments of the horizon, before price factors (bcalc.core.lines);
- ``times``: a time charge's hours and amounts (bcalc.core.lines);
- ``time_hours``: a time charge's hours per calendar year and per month, before its rate (bcalc.core.lines);
- ``hours``: a time line's hours per month for one head under a price end (bcalc.core.plan);
- ``funding`` and ``benefits``: one funding line's or benefit's amounts (bcalc.core.inflows);
- ``shared``: the teams and roles a later deployment of a product is charged for (bcalc.core.engine).
"""

from __future__ import annotations

from operator import is_


class Memo:
    def __init__(self) -> None:
        self.products: dict = {}
        self.horizons: dict = {}
        self.plans: dict = {}
        self.deployments: dict = {}
        self.factors: dict = {}
        self.profiles: dict = {}
        self.charges: dict = {}
        self.tokens: dict = {}
        self.shapes: dict = {}
        self.times: dict = {}
        self.time_hours: dict = {}
        self.hours: dict = {}
        self.funding: dict = {}
        self.benefits: dict = {}
        self.shared: dict = {}
        self.carried_last: tuple | None = None
        self.hits = 0
        self.misses = 0

    def product(self, product) -> int:
        """A number for a product that stands for its whole value in keys."""
        token = self.products.get(product)
        if token is None:
            token = self.products[product] = len(self.products)
        return token

    def token(self, value) -> int:
        """A number that stands for ``value`` in keys (hashing it once)."""
        token = self.tokens.get(value)
        if token is None:
            token = self.tokens[value] = len(self.tokens)
        return token

    def get(self, table: dict, key, make):
        """The value kept under ``key``, or ``make()`` kept there."""
        value = table.get(key)
        if value is None:
            self.misses += 1
            value = table[key] = make()
        else:
            self.hits += 1
        return value

    def carried(self, case, make) -> list:
        """Per deployment, the organisation-wide counts charged with it (``make(case)``), taken over from
        the run before when its deployments are the same products with the same own staff and teams
        (an analysis moves clients or prices, rarely who counts which staff)."""
        deployments = case.deployments
        last = self.carried_last
        if last is not None and len(last[0]) == len(deployments):
            before, value = last
            if all(map(is_, before, deployments)) or all(
                    a is b or (a.product == b.product and a.staff.keys() == b.staff.keys()
                               and (a.teams is None) == (b.teams is None))
                    for a, b in zip(before, deployments)):
                return value
        value = make(case)
        self.carried_last = (deployments, value)
        return value


def deployment_key(dep) -> tuple:
    """A deployment as a value, leaving out what no figure depends on (its label, its place in the file)."""
    return (dep.product, dep.clients, dep.options, tuple(sorted(dep.prices.items())),
            tuple(sorted(dep.quantities.items())), tuple(sorted(dep.vat_rates.items())), dep.index_cap, dep.contract,
            tuple(sorted(dep.count_time.items())), dep.hours_per_day, dep.hours_per_day_part,
            tuple(sorted(dep.assets.items())), dep.own, tuple(sorted(dep.quotes.items())),
            tuple(sorted(dep.staff.items())), dep.teams, dep.phase_clients, dep.phase_base)


def staff_key(case) -> tuple:
    return tuple(sorted((role, s.count, s.rate) for role, s in case.staff.items()))


__all__ = ["Memo", "deployment_key", "staff_key"]
