"""Reads an actuals file (YAML, or CSV with one row per month per measure) against a case's plan.

The keys are declared in bcalc/fields.py (``ACTUALS`` and its sections); docs/actuals.md describes
both forms. A CSV file is turned into the same tree as the YAML file, each value keeping the line
of its row, and read by the same checks, so the two forms give the same actuals and the same
problems, each as ``FILE:LINE: field: message`` (for CSV the field is the column). Every problem of
the file is reported at once.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bcalc import fields as F
from bcalc.core.actuals import BUILT_IN_KPIS, KINDS, Actuals, Invoice, MonthActuals
from bcalc.core.monthly import MonthlyPlan
from bcalc.errors import InputError, Problem
from bcalc.models import ROLES, Tariffs
from bcalc.reader import Reader, near
from bcalc.yamltree import Num, Tree, dotted, read_tree

MEASURES = ("clients", "invoice", "hours", "funding", "time_freed", "kpi")
COLUMNS = ("month", "measure", "name", "deployment", "value", "quantity", "vat", "note")
NEEDED = ("month", "measure", "value")


class _CsvReader(Reader):
    """A reader whose problems name the CSV column a value came from instead of its place in the tree."""

    def key_error(self, path: tuple, message: str) -> None:
        """A problem with the name of an entry (a role, a deployment, a funding line), not its value."""
        self.reported.add(path)
        column = getattr(self.tree, "key_columns", {}).get(path, "name")
        self.problems.append(Problem(self.tree.file, self.tree.line(path), column, message))

    def error(self, path: tuple, message: str) -> None:
        self.reported.add(path)
        columns = getattr(self.tree, "columns", {})
        field = None
        probe = path
        while probe:
            if probe in columns:
                field = columns[probe]
                break
            probe = probe[:-1]
        self.problems.append(Problem(self.tree.file, self.tree.line(path), field or dotted(path), message))


def _key_error(r: Reader, path: tuple, message: str) -> None:
    """A problem with the name of an entry: in YAML at the entry, in CSV in the column of the name."""
    if isinstance(r, _CsvReader):
        r.key_error(path, message)
    else:
        r.error(path, message)


def load_actuals(path: Path, plan: MonthlyPlan, tariffs: Tariffs, shown: str | None = None) -> Actuals:
    """The actuals of ``path`` checked against the plan, or InputError with every problem."""
    shown = shown or str(path)
    if path.suffix.lower() == ".csv":
        tree = csv_tree(path, shown)
        r: Reader = _CsvReader(tree)
    else:
        tree = read_tree(path, shown)
        r = Reader(tree)
    actuals = _read(r, tree, plan, tariffs)
    r.raise_if_any()
    return actuals


# ---- CSV into a tree ------------------------------------------------------------------------------


def csv_tree(path: Path, shown: str) -> Tree:
    """The rows of a CSV file as the tree of the same actuals written in YAML."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(shown, None, "", "file not found")]) from None
    except IsADirectoryError:
        raise InputError([Problem(shown, None, "", "is a directory, not a file")]) from None
    except OSError as exc:
        raise InputError([Problem(shown, None, "", f"cannot read: {exc.strerror}")]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from bcalc.yamltree import _undecodable

        raise InputError([_undecodable(data, exc, shown)]) from None
    rows = list(csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n"))))
    problems: list[Problem] = []
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise InputError([Problem(shown, 1, "", "the file is empty")])
    header = [h.strip().lower() for h in rows[0]]
    for h in header:
        if h not in COLUMNS:
            hint = near(h, COLUMNS)
            problems.append(Problem(shown, 1, h, "unknown column" + (f"; did you mean '{hint[0]}'?" if hint else
                                                                      f"; columns: {', '.join(COLUMNS)}")))
    missing = [c for c in NEEDED if c not in header]
    if missing:
        problems.append(Problem(shown, 1, "", f"the header needs the columns {', '.join(missing)}"))
    if problems:
        raise InputError(problems)
    lines: dict[tuple, int] = {(): 1, ("months",): 2}
    columns: dict[tuple, str] = {}
    key_columns: dict[tuple, str] = {}      # where the name of an entry came from (name or deployment)
    months: list[dict] = []
    at: dict[str, int] = {}
    for n, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        month, measure, name = cells.get("month", ""), cells.get("measure", "").lower(), cells.get("name", "")
        if len(row) > len(header):
            problems.append(Problem(shown, n, "", f"the row has {len(row)} cells but the header {len(header)}"))
            continue
        if not month:
            problems.append(Problem(shown, n, "month", "required field is missing"))
            continue
        if month not in at:
            at[month] = len(months)
            months.append({"month": month})
            base = ("months", at[month])
            lines[base] = n
            lines[base + ("month",)] = n
            columns[base + ("month",)] = "month"
        i = at[month]
        entry = months[i]
        base = ("months", i)
        if measure not in MEASURES:
            hint = near(measure, MEASURES)
            problems.append(Problem(shown, n, "measure", f"unknown measure '{measure}'" + (
                f"; did you mean '{hint[0]}'?" if hint else f"; measures: {', '.join(MEASURES)}")))
            continue
        value = _num(cells.get("value", ""))
        quantity = _num(cells.get("quantity", ""))
        deployment = cells.get("deployment", "")

        def put(container: dict, key, val, path: tuple, column: str = "value") -> None:
            if key in container:
                problems.append(Problem(shown, n, column if column != "value" else "name", "duplicate key"))
                return
            container[key] = val
            lines[path] = n
            columns[path] = column

        if measure == "clients":
            key = deployment or name
            if not key:
                if "clients" in entry:
                    problems.append(Problem(shown, n, "name", "duplicate key"))
                    continue
                entry["clients"] = value
                lines[base + ("clients",)] = n
                columns[base + ("clients",)] = "value"
            else:
                target = entry.setdefault("clients", {})
                if not isinstance(target, dict):
                    problems.append(Problem(shown, n, "name", "duplicate key"))
                    continue
                lines.setdefault(base + ("clients",), n)
                put(target, key, value, base + ("clients", key), "value")
                key_columns[base + ("clients", key)] = "deployment" if deployment else "name"
                columns[base + ("clients",)] = "name"
        elif measure == "invoice":
            invoices = entry.setdefault("invoices", [])
            j = len(invoices)
            where = base + ("invoices", j)
            invoice: dict = {"item": name or None}
            lines.setdefault(base + ("invoices",), n)
            lines[where] = n
            columns[where] = "name"
            for key, column in (("item", "name"), ("deployment", "deployment"), ("quantity", "quantity"),
                                ("note", "note"), ("amount", "value"), ("amount_incl", "value")):
                lines[where + (key,)] = n
                columns[where + (key,)] = column
            vat = cells.get("vat", "").lower()
            if vat not in ("", "excl", "incl"):
                problems.append(Problem(shown, n, "vat", f"'{vat}' is not one of: excl, incl"))
            invoice["amount_incl" if vat == "incl" else "amount"] = value
            if deployment:
                invoice["deployment"] = deployment
            if quantity is not None:
                invoice["quantity"] = quantity
            if cells.get("note"):
                invoice["note"] = cells["note"]
            invoices.append(invoice)
        elif measure in ("hours", "funding", "kpi"):
            key = {"kpi": "kpis"}.get(measure, measure)
            target = entry.setdefault(key, {})
            lines.setdefault(base + (key,), n)
            columns.setdefault(base + (key,), "name")
            if not name:
                problems.append(Problem(shown, n, "name", "required field is missing"))
                continue
            val = value
            if measure == "funding" and quantity is not None:
                val = {"amount": value, "quantity": quantity}
                for k, column in (("amount", "value"), ("quantity", "quantity")):
                    lines[base + (key, name, k)] = n
                    columns[base + (key, name, k)] = column
            put(target, name, val, base + (key, name))
        else:  # time_freed
            target = entry.setdefault("time_freed", {})
            lines.setdefault(base + ("time_freed",), n)
            columns.setdefault(base + ("time_freed",), "name")
            put(target, name, value, base + ("time_freed", name))
            columns[base + ("time_freed", name)] = "value" if name in F.ACTUALS_TIME.names else "name"
    if problems:
        raise InputError(problems)
    if not months:
        raise InputError([Problem(shown, 1, "", "the file has no rows")])
    tree = Tree(shown, {"months": months}, lines)
    tree.columns = columns  # type: ignore[attr-defined]
    tree.key_columns = key_columns  # type: ignore[attr-defined]
    return tree


def _num(text: str):
    """A cell as the reader takes a written value: empty is not given; else its text."""
    if not text:
        return None
    return Num(text) if _looks_numeric(text) else text


def _looks_numeric(text: str) -> bool:
    try:
        float(text)   # only to tell a number from text, as YAML would; the value stays text
    except ValueError:
        return False
    return True


# ---- checking against the plan --------------------------------------------------------------------


def _read(r: Reader, tree: Tree, plan: MonthlyPlan, tariffs: Tariffs) -> Actuals:
    root = r.section(tree.data, (), F.ACTUALS)
    if root is None:
        return Actuals("", tree.file, ())
    title = r.value(root, F.ACTUALS["actuals"], ()) or ""
    r.value(root, F.ACTUALS["case"], ())
    entries = r.seq(root.get("months"), ("months",), allow_empty=False) if root.get("months") is not None else []
    index_of = {f"{m.year:04d}-{m.month:02d}": m.index for m in plan.months}
    first, last = plan.months[0], plan.months[-1]
    span = (f"{first.year:04d}-{first.month:02d}", f"{last.year:04d}-{last.month:02d}")
    seen: dict[int, int | None] = {}
    out: list[MonthActuals] = []
    measured: set[str] = set()
    for i, entry in enumerate(entries or []):
        path = ("months", i)
        m = r.section(entry, path, F.ACTUALS_MONTH)
        if m is None:
            continue
        month = r.value(m, F.ACTUALS_MONTH["month"], path)
        index = None
        if month is not None:
            index = index_of.get(month)
            if index is None:
                r.error(path + ("month",), f"{month} is outside the case's horizon ({span[0]} to {span[1]})")
            elif index in seen:
                r.error(path + ("month",), f"{month} is given twice (first at line {seen[index]})")
                index = None
            else:
                seen[index] = tree.line(path + ("month",))
        for kind, key in (("invoices", "invoices"), ("hours", "hours"), ("funding", "funding")):
            if m.get(key) is not None:
                measured.add(kind)
        clients = _clients(r, m.get("clients"), path + ("clients",), plan)
        invoices = _invoices(r, m.get("invoices"), path + ("invoices",), plan)
        hours = _hours(r, m.get("hours"), path + ("hours",))
        funding = _funding(r, m.get("funding"), path + ("funding",), plan, tariffs)
        minutes = freed = None
        if m.get("time_freed") is not None:
            tm = r.section(m["time_freed"], path + ("time_freed",), F.ACTUALS_TIME)
            if tm is not None:
                minutes = r.value(tm, F.ACTUALS_TIME["minutes_per_client_per_day"], path + ("time_freed",))
                freed = r.value(tm, F.ACTUALS_TIME["hours"], path + ("time_freed",))
                given = [k for k in F.ACTUALS_TIME.names if tm.get(k) is not None]
                if len(given) > 1:
                    r.error(path + ("time_freed",), "give minutes_per_client_per_day or hours, not both")
                elif not given:
                    r.error(path + ("time_freed",), "needs minutes_per_client_per_day or hours")
                elif m.get("clients") is None:
                    r.error(path + ("time_freed",), "time freed needs the clients in use of the same month")
        kpis = _kpis(r, m.get("kpis"), path + ("kpis",))
        r.value(m, F.ACTUALS_MONTH["note"], path)
        if index is None or any(x is None for x in (clients, invoices, hours, funding, kpis)):
            continue
        out.append(MonthActuals(index, month, clients, invoices, hours, funding, minutes, freed, kpis))
    out.sort(key=lambda m: m.index)
    return Actuals(title, tree.file, tuple(out), frozenset(k for k in KINDS if k in measured))


def _deployment(r: Reader, key, path: tuple, plan: MonthlyPlan, as_key: bool = False) -> int | None:
    """A deployment named by its number (1-based) or by its product id (when only one deployment has it);
    ``as_key``: it is the name of an entry (clients per deployment), not a field's value."""
    say = (lambda p, m: _key_error(r, p, m)) if as_key else r.error
    text = str(key).strip()
    n = len(plan.products)
    if text.isdigit():
        number = int(text)
        if not 1 <= number <= n:
            say(path, f"deployment {number} does not exist; the case has {n} (1..{n})")
            return None
        return number - 1
    found = [i for i, p in enumerate(plan.products) if p == text]
    if len(found) == 1:
        return found[0]
    if found:
        say(path, f"the case has {len(found)} deployments of '{text}'; give the deployment's number "
                      f"({', '.join(str(i + 1) for i in found)})")
        return None
    hint = near(text, plan.products)
    say(path, f"no deployment of '{text}'" + (f"; did you mean '{hint[0]}'?" if hint else
                                                  f"; deployments: {_listed(plan)}"))
    return None


def _listed(plan: MonthlyPlan) -> str:
    return ", ".join(f"{i + 1} ({p})" for i, p in enumerate(plan.products))


def _clients(r: Reader, value, path: tuple, plan: MonthlyPlan):
    f = F.ACTUALS_MONTH["clients"]
    if value is None:
        return ()
    if not isinstance(value, dict):
        if len(plan.products) > 1 and not isinstance(value, (list, bool)):
            r.error(path, f"the case has {len(plan.products)} deployments; give the clients per deployment "
                          f"({_listed(plan)})")
            return None
        n = r.entry(value, f, path)
        return None if n is None else ((0, n),)
    out: dict[int, int] = {}
    bad = False
    for key, v in value.items():
        d = _deployment(r, key, path + (key,), plan, as_key=True)
        n = r.entry(v, f, path + (key,))
        if d is None or n is None:
            bad = True
            continue
        if d in out:
            _key_error(r, path + (key,), f"deployment {d + 1} is given twice")
            bad = True
            continue
        out[d] = n
    return None if bad else tuple(sorted(out.items()))


def _invoices(r: Reader, value, path: tuple, plan: MonthlyPlan):
    items = r.seq(value, path)
    if items is None:
        return None
    out = []
    bad = False
    sec = F.ACTUALS_INVOICE
    for j, entry in enumerate(items):
        where = path + (j,)
        m = r.section(entry, where, sec)
        if m is None:
            bad = True
            continue
        item = r.value(m, sec["item"], where)
        excl = r.value(m, sec["amount"], where)
        incl = r.value(m, sec["amount_incl"], where)
        quantity = r.value(m, sec["quantity"], where)
        r.value(m, sec["note"], where)
        if m.get("amount") is not None and m.get("amount_incl") is not None:
            r.error(where, "give amount (excl. VAT) or amount_incl, not both")
            bad = True
        elif m.get("amount") is None and m.get("amount_incl") is None:
            r.error(where + ("amount",), "needs amount (excl. VAT) or amount_incl")
            bad = True
        d = None
        if m.get("deployment") is not None:
            d = _deployment(r, m["deployment"], where + ("deployment",), plan)
            if d is None:
                bad = True
                continue
        if item is None:
            bad = True
            continue
        lines = [set(ln.name for ln in plan.lines if ln.kind == "item" and ln.deployment == k)
                 for k in range(len(plan.products))]
        having = [k for k, names in enumerate(lines) if item in names]
        if d is None:
            if len(having) == 1:
                d = having[0]
            elif len(having) > 1:
                r.error(where + ("item",), f"'{item}' is in deployments {', '.join(str(k + 1) for k in having)}; "
                                           f"give deployment")
                bad = True
                continue
            else:
                d = 0 if len(plan.products) == 1 else None
        if d is None or item not in lines[d]:
            options = sorted(set().union(*lines)) if d is None else sorted(lines[d])
            hint = near(item, options)
            where_text = "in the plan" if d is None else f"in the plan of deployment {d + 1} ({plan.products[d]})"
            if options:
                tail = f"; did you mean '{hint[0]}'?" if hint else f"; items: {', '.join(options)}"
            else:
                tail = "; it has no supplier lines"
            r.error(where + ("item",), f"'{item}' is not an item {where_text}{tail}")
            bad = True
            continue
        if bad:
            continue
        if excl is None and incl is None:
            bad = True
            continue
        out.append(Invoice(d, item, excl if excl is not None else incl, "excl" if excl is not None else "incl",
                           quantity))
    return None if bad else tuple(out)


def _hours(r: Reader, value, path: tuple):
    if value is None:
        return ()
    if not isinstance(value, dict):
        r.error(path, "expected a mapping of role: hours (care_staff: 12)")
        return None
    f = F.ACTUALS_MONTH["hours"]
    out = []
    bad = False
    for role, v in value.items():
        if role not in ROLES:
            hint = near(role, ROLES)
            _key_error(r, path + (role,), f"unknown role '{role}'" + (f"; did you mean '{hint[0]}'?" if hint else
                                                                 f"; roles: {', '.join(ROLES)}"))
            bad = True
            continue
        h = r.entry(v, f, path + (role,))
        if h is None:
            bad = True
            continue
        out.append((role, h))
    return None if bad else tuple(out)


def _funding(r: Reader, value, path: tuple, plan: MonthlyPlan, tariffs: Tariffs):
    if value is None:
        return ()
    if not isinstance(value, dict):
        r.error(path, "expected a mapping of funding line: amount (H139: 1200)")
        return None
    case = plan.case
    f = F.ACTUALS_MONTH["funding"]
    out = []
    bad = False
    for key, v in value.items():
        where = path + (key,)
        index = _funding_line(r, str(key).strip(), where, plan, tariffs)
        quantity = None
        if isinstance(v, dict):
            m = r.section(v, where, F.ACTUALS_FUNDING)
            amount = r.value(m, F.ACTUALS_FUNDING["amount"], where) if m is not None else None
            quantity = r.value(m, F.ACTUALS_FUNDING["quantity"], where) if m is not None else None
        else:
            amount = r.entry(v, f, where)
        if index is None or amount is None:
            bad = True
            continue
        if any(i == index for i, _, _ in out):
            _key_error(r, where, f"funding line {index + 1} ({case.funding[index].code}) is given twice")
            bad = True
            continue
        out.append((index, amount, quantity))
    return None if bad else tuple(out)


def _funding_line(r: Reader, key: str, where: tuple, plan: MonthlyPlan, tariffs: Tariffs) -> int | None:
    case = plan.case
    if not case.funding:
        _key_error(r, where, "the case has no funding lines")
        return None
    labels = [ln.label for ln in plan.lines if ln.kind == "funding"]
    by_label = [i for i, ln in enumerate(case.funding) if (ln.label or "").casefold() == key.casefold()
                or labels[i].casefold() == key.casefold()]
    if len(by_label) == 1:
        return by_label[0]
    by_code = [i for i, ln in enumerate(case.funding) if ln.code.casefold() == key.casefold()]
    if len(by_code) == 1:
        return by_code[0]
    if by_code or by_label:
        found = by_code or by_label
        _key_error(r, where, f"the case has {len(found)} funding lines named '{key}'; name one by its label: "
                       + ", ".join(f"'{labels[i]}'" for i in found))
        return None
    options = list(dict.fromkeys([ln.code for ln in case.funding] + [labels[i] for i in range(len(case.funding))]))
    hint = near(key, options)
    _key_error(r, where, f"no funding line '{key}' in the case" + (f"; did you mean '{hint[0]}'?" if hint else
                                                             f"; funding lines: {', '.join(options)}"))
    return None


def _kpis(r: Reader, value, path: tuple):
    if value is None:
        return ()
    if not isinstance(value, dict):
        r.error(path, "expected a mapping of name: value (tevredenheid: 8.1)")
        return None
    f = F.ACTUALS_MONTH["kpis"]
    out = []
    bad = False
    for name, v in value.items():
        if str(name) in BUILT_IN_KPIS or str(name).startswith("price:"):
            _key_error(r, path + (name,), f"'{name}' is measured by bcalc from the other figures; give your KPI another name")
            bad = True
            continue
        x = r.entry(v, f, path + (name,))
        if x is None:
            bad = True
            continue
        out.append((str(name), x))
    return None if bad else tuple(out)


__all__ = ["load_actuals", "csv_tree", "MEASURES", "COLUMNS"]
