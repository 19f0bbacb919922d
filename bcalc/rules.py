"""Rules across fields of a case file, and between the case and the catalogues.

The field declaration (bcalc/fields.py) says what each field may hold; these rules say what the
fields must be together, so that a case that loads cleanly gives the engine everything it needs.
Each rule is a plain function from the loaded case to a list of problems; ``CASE_CHECKS`` lists
them in the order they are reported. They also run on a case whose fields had problems (those
fields are then left out), so every problem of a file is reported in one run.
"""

from __future__ import annotations


from bcalc.core.requirements import needs
from bcalc.errors import Problem
from bcalc.models import Case, Catalogue, Deployment, Product, Tariffs
from bcalc.record import record
from bcalc.yamltree import Tree, dotted

_NOT_WRITTEN = object()


@record
class Loaded:
    case: Case
    catalogue: Catalogue
    tariffs: Tariffs
    tree: Tree                  # the case file as written, for lines and for what was left out
    given: frozenset[str]       # inputs written (staff.<role>, staff.teams, fx.<cur>), valid or not

    def problem(self, path: tuple, message: str) -> Problem:
        return Problem(self.tree.file, self.tree.line(path), dotted(path), message)

    def raw(self, path: tuple, missing: object = None) -> object:
        """The value as written at path; ``missing`` where the file does not write it."""
        value = self.tree.data
        for part in path:
            if isinstance(value, dict) and part in value:
                value = value[part]
            elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
                value = value[part]
            else:
                return missing
        return value

    def written(self, path: tuple) -> bool:
        return self.raw(path, _NOT_WRITTEN) is not _NOT_WRITTEN

    def deployed(self) -> list[tuple[Deployment, Product]]:
        """The deployments whose product is known (an unknown one is reported where it is read)."""
        products = self.catalogue.products
        return [(d, products[d.product]) for d in self.case.deployments if d.product in products]


def check_scenario_known(ctx: Loaded) -> list[Problem]:
    scenario = ctx.case.scenario
    if scenario not in ctx.tariffs.scenarios:
        return [ctx.problem(("scenario",), f"unknown scenario '{scenario}'; known: {', '.join(ctx.tariffs.scenarios)}")]
    return []


def check_options_of_product(ctx: Loaded) -> list[Problem]:
    """Options exist on the product; alternatives of one choice exclude each other; required choices are made."""
    out = []
    for dep, product in ctx.deployed():
        path = dep.where + ("options",)
        known = product.option_names
        for j, o in enumerate(dep.options):
            if o not in known:
                out.append(ctx.problem(path + (j,), f"product {product.id} has no option '{o}'"
                                       + (f"; options: {', '.join(sorted(known))}" if known else "; it has no options")))
        for ch in product.choices:
            picked = [o for o in dep.options if o in ch.options]
            if len(picked) > 1:
                out.append(ctx.problem(path, f"options {' and '.join(picked)} exclude each other ({ch.id}); pick one"))
            if not picked and ch.default is None and ch.required:
                out.append(ctx.problem(path, f"product {product.id} needs one of: {', '.join(ch.options)} "
                                             f"({ch.label or ch.id})"))
    return out


_NEED_MESSAGES = {
    ("item", "role"): "item '{id}' is priced per {what}: give {input}.count",
    ("item", "team"): "item '{id}' is priced per team: give {input}",
    ("item", "currency"): "item '{id}' is quoted in {what}: give {input} (euros per {what}) or a euro price "
                          "under prices.{id}",
    ("time", "role"): "time line '{id}' needs {input} (a count; a rate per hour to value the hours)",
    ("time", "team"): "time line '{id}' counts per team: give {input}",
}


def check_roles_have_staff(ctx: Loaded) -> list[Problem]:
    """Every staff role, team count and exchange rate the deployed products price or count with is given."""
    out = []
    for dep, product in ctx.deployed():
        for need in needs(product, dep, set(ctx.given)):
            if need.line == "time" and need.reason == "role" and need.id in dep.count_time:
                continue  # check_count_time says it where the case names the role
            message = _NEED_MESSAGES[need.line, need.reason].format(id=need.id, input=need.input,
                                                                    what=need.input.split(".", 1)[1])
            out.append(ctx.problem(dep.where + ("product",), message))
    return out


def check_count_time(ctx: Loaded) -> list[Problem]:
    """A time line the case counts (``count_time``) is one the catalogue does not count, applies to
    the deployment's options, has hours (for days or dagdelen: the case's hours per day or dagdeel),
    and its role is in staff."""
    from bcalc.core.selection import active_options, is_active

    out = []
    for dep, product in ctx.deployed():
        lines = {t.id: t for t in product.time}
        active = active_options(product, dep)
        for line_id, role in dep.count_time.items():
            path = dep.where + ("count_time", line_id)
            line = lines[line_id]
            if line.counted:
                out.append(ctx.problem(path, f"time line '{line_id}' is counted already (role {line.role}); "
                                             f"count_time is for lines the catalogue does not count"))
                continue
            if not is_active(line, active):
                out.append(ctx.problem(path, f"time line '{line_id}' applies only with option "
                                             f"{' or '.join(line.options)}"))
                continue
            if line.days is not None and dep.hours_per_day is None:
                out.append(ctx.problem(path, f"time line '{line_id}' is {line.days.normalize():f} day(s) "
                                             f"('{line.written}') and no source says how many hours a day has: "
                                             f"give hours_per_day"))
            elif line.day_parts is not None and dep.hours_per_day_part is None:
                out.append(ctx.problem(path, f"time line '{line_id}' is {line.day_parts.normalize():f} dagdeel/dagdelen "
                                             f"('{line.written}') and no source says how many hours a dagdeel has: "
                                             f"give hours_per_day_part"))
            elif line.hours is None and not line.phases and line.days is None and line.day_parts is None:
                out.append(ctx.problem(path, f"time line '{line_id}' has no hours in the source ('{line.written}'); "
                                             f"it cannot be counted"))
            if f"staff.{role}" not in ctx.given:
                out.append(ctx.problem(path, f"role {role} is not in staff: give staff.{role} (a count; a rate per "
                                             f"hour to value the hours)"))
    return out


def check_item_versions_at_start(ctx: Loaded) -> list[Problem]:
    """Every catalogue item a deployment would charge has a version that applies in the case's start
    month: a price list that ends before the start, or begins after it, leaves no price, and dropping the
    cost without a word would understate the case."""
    from bcalc.catalogue_loader import period
    from bcalc.core.selection import active_options, is_active

    out = []
    for dep, product in ctx.deployed():
        if not product.lapsed:
            continue
        active = active_options(product, dep)
        versions: dict[str, list] = {}
        for it in product.lapsed:
            versions.setdefault(it.id, []).append(it)
        for item_id, found in versions.items():
            if not any(is_active(v, active) for v in found):
                continue  # an option the deployment does not take: not charged
            periods = "; ".join(f"{period(v)} ({v.source})" for v in found)
            out.append(ctx.problem(dep.where + ("product",),
                                   f"item '{item_id}' of {product.id} has no version for the start {ctx.case.start} "
                                   f"(its versions: {periods}); start the case within one of these periods, or "
                                   f"use a catalogue (--catalogue) with a version that applies in {ctx.case.start}"))
    return out


def check_catalogue_index(ctx: Loaded) -> list[Problem]:
    """The case's catalogue_index is used (catalogue_prices: indexed) and gives years between a price
    year of its products and its start."""
    case = ctx.case
    if not case.catalogue_index:
        return []
    if case.catalogue_prices != "indexed":
        return [ctx.problem(("catalogue_index",), "is used only with catalogue_prices: indexed")]
    years = [p.price_year for _, p in ctx.deployed()]
    first = min(years, default=None)
    written = ctx.raw(("catalogue_index",))
    keys = {str(k).strip(): k for k in written} if isinstance(written, dict) else {}
    out = []
    for year in sorted(case.catalogue_index):
        path = ("catalogue_index", keys.get(str(year), year))
        if case.start_year and year >= case.start_year:
            out.append(ctx.problem(path, f"{year} is not before the start ({case.start_year}); "
                                   f"catalogue prices are brought to {case.start_year - 1}, later years follow the "
                                   f"scenario's indexation"))
        elif first is not None and year <= first:
            out.append(ctx.problem(path, f"{year} is not after the price year of the catalogue "
                                   f"prices ({first})"))
    return out


def check_deployment_staff_in_case(ctx: Loaded) -> list[Problem]:
    """A role a deployment counts itself is in the case's staff, which holds its hourly rate."""
    out = []
    for dep in ctx.case.deployments:
        for role in dep.staff:
            if f"staff.{role}" not in ctx.given:
                out.append(ctx.problem(dep.where + ("staff", role),
                                       f"the case's staff has no {role}: give staff.{role} (its rate per hour; its "
                                       f"count: the heads no deployment of the product names, 0 if none)"))
    return out


def check_contract_within_case(ctx: Loaded) -> list[Problem]:
    out = []
    for dep in ctx.case.deployments:
        c = dep.contract
        path = dep.where + ("contract", "exit_year")
        if c.exit_year is not None and ctx.case.years and c.exit_year > ctx.case.years:
            out.append(ctx.problem(path, f"year {c.exit_year} is after the case's last year {ctx.case.years}"))
        if c.exit_year is not None and c.term is not None and c.exit_year > c.term:
            out.append(ctx.problem(path, f"stopping after year {c.exit_year} is after the end of the "
                                         f"{c.term}-year term"))
    return out


def check_funding_tariff_available(ctx: Loaded) -> list[Problem]:
    """An hourly funding line has a tariff for the case's first year: its own, or the tariffs file's."""
    out = []
    where = ctx.tariffs.path or "the tariffs catalogue"
    for line in ctx.case.funding:
        code = ctx.tariffs.funding.get(line.code)
        if code is None or code.kind != "hourly" or ctx.written(line.where + ("tariff",)):
            continue
        if not code.tariffs:
            out.append(ctx.problem(line.where, f"{code.code} has no public tariff in {where}: "
                                               f"give the contracted tariff (tariff: EUR per hour)"))
        elif ctx.case.start_year and ctx.case.start_year not in code.tariffs:
            years = ", ".join(str(y) for y in sorted(code.tariffs))
            out.append(ctx.problem(line.where, f"{code.code} has no tariff for {ctx.case.start_year} in {where} "
                                               f"(it has {years}): give the contracted tariff (tariff: EUR per hour)"))
    return out


def check_subsidy_within_case(ctx: Loaded) -> list[Problem]:
    out = []
    for line in ctx.case.funding:
        if line.year is not None and ctx.case.years and line.year > ctx.case.years:
            out.append(ctx.problem(line.where + ("year",), f"year {line.year} is after the case's last year "
                                                           f"{ctx.case.years}"))
    return out


def check_benefit_follows_deployment(ctx: Loaded) -> list[Problem]:
    """A benefit follows the clients of one deployment that exists, or gives its own clients."""
    out = []
    n = len(ctx.case.deployments)
    for b in ctx.case.benefits:
        if ctx.raw(b.where + ("deployment",)) is None:  # not written, or left empty
            if n > 1 and ctx.raw(b.where + ("clients",)) is None:
                out.append(ctx.problem(b.where, "the case has several deployments: say whose clients it follows "
                                                "(deployment: 1, 2, ...)"))
        elif n and b.deployment >= n:
            out.append(ctx.problem(b.where + ("deployment",), f"there is no deployment {b.deployment + 1}; "
                                                              f"the case has {n}"))
    return out


def check_funding_follows_deployment(ctx: Loaded) -> list[Problem]:
    """A funding line that follows a deployment names one that exists."""
    n = len(ctx.case.deployments)
    return [ctx.problem(line.where + ("deployment",), f"there is no deployment {line.deployment + 1}; the case has {n}")
            for line in ctx.case.funding if line.deployment is not None and n and line.deployment >= n]


def check_benefit_role_staffed(ctx: Loaded) -> list[Problem]:
    out = []
    for b in ctx.case.benefits:
        kind = ctx.raw(b.where + ("kind",))
        if str(kind).strip() == "time" and b.role is not None and f"staff.{b.role}" not in ctx.given:
            out.append(ctx.problem(b.where + ("role",), f"needs staff.{b.role} (count, and rate to value the time)"))
    return out


CASE_CHECKS = [
    check_scenario_known,
    check_options_of_product,
    check_roles_have_staff,
    check_count_time,
    check_item_versions_at_start,
    check_catalogue_index,
    check_deployment_staff_in_case,
    check_contract_within_case,
    check_funding_tariff_available,
    check_subsidy_within_case,
    check_funding_follows_deployment,
    check_benefit_follows_deployment,
    check_benefit_role_staffed,
]


def run_checks(ctx: Loaded, checks=CASE_CHECKS) -> list[Problem]:
    return [p for check in checks for p in check(ctx)]
