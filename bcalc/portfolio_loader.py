"""Which case files a portfolio holds, and the settings that hold for all of them.

``bcalc portfolio`` takes case files, folders of case files and at most one portfolio file (a YAML
file whose top level has ``portfolio:``, declared in bcalc/fields.py as ``PORTFOLIO``). A folder
stands for every ``.yaml`` and ``.yml`` file in it and its subfolders, in sorted order; a portfolio
file found in a folder is read as the portfolio file, not as a case. A file named twice counts once.
Every problem is reported at once, as ``FILE:LINE: field: message``.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path

from bcalc import fields as F
from bcalc.errors import InputError, Problem
from bcalc.record import record

# a top-level key `portfolio:`, also quoted or after the byte order mark that Windows editors write
_PORTFOLIO_RE = re.compile(r"^\ufeff?(?:portfolio|\"portfolio\"|'portfolio')[ \t]*:", re.MULTILINE)


@record
class Settings:
    """What a portfolio file says for every case; all None without one."""

    title: str | None = None
    organisation: str | None = None
    budget_year: int | None = None
    scenario: str | None = None
    vat_recoverable: Decimal | None = None
    hours_per_fte: Decimal | None = None
    file: str | None = None
    scenario_line: int | None = None         # where the portfolio file sets the scenario


@record
class Gathered:
    settings: Settings
    cases: tuple[tuple[Path, str], ...]      # (path, as shown in messages), in the order given
    repeated: tuple[str, ...] = ()           # files named more than once, counted once


def is_portfolio_file(path: Path) -> bool:
    try:
        head = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return bool(_PORTFOLIO_RE.search(head))


# a top-level key `months:`: an actuals file (docs/actuals.md), which a case file never has
_ACTUALS_RE = re.compile(r"^\ufeff?(?:months|\"months\"|'months')[ \t]*:", re.MULTILINE)


def is_actuals_file(path: Path) -> bool:
    """An actuals file (``bcalc evaluate``), which a folder of cases may hold beside its cases."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return bool(_ACTUALS_RE.search(head))


def shown_name(path) -> str:
    """A path as messages and documents show it: a name that is not UTF-8 (bytes the file system
    gives as surrogates) with U+FFFD in their place, control characters made visible, so that no
    output fails on it or is steered by it."""
    from bcalc.terminal import clean

    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return clean(text)


def _in_folder(folder: Path) -> list[Path]:
    """The YAML files of a folder and its subfolders, sorted, without the actuals files among them."""
    found = [p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file() and not is_actuals_file(p)]
    return sorted(found)


def _read_settings(path: Path, shown: str) -> tuple[Settings, list[tuple[Path, str, int | None]], list[Problem]]:
    """The portfolio file's settings and the paths it names (with the line each stands on)."""
    from bcalc.reader import Reader, getter
    from bcalc.yamltree import Num, read_tree

    tree = read_tree(path, shown)
    r = Reader(tree)
    root = r.section(tree.data, (), F.PORTFOLIO)
    if root is None:
        return Settings(file=shown), [], r.problems
    get = getter(r, root, F.PORTFOLIO, ())
    recoverable = None
    if root.get("vat") is not None:
        vm = r.section(root["vat"], ("vat",), F.PORTFOLIO_VAT)
        if vm is not None:
            recoverable = r.value(vm, F.PORTFOLIO_VAT["recoverable"], ("vat",))
    settings = Settings(title=get("portfolio"), organisation=get("organisation"), budget_year=get("budget_year"),
                        scenario=get("scenario"), vat_recoverable=recoverable, hours_per_fte=get("hours_per_fte"),
                        file=shown, scenario_line=tree.line(("scenario",)))
    named: list[tuple[Path, str, int | None]] = []
    items = r.seq(root.get("cases"), ("cases",), allow_empty=False) if root.get("cases") is not None else None
    itself = path.resolve()
    for i, entry in enumerate(items or []):
        where = ("cases", i)
        if not isinstance(entry, str) or isinstance(entry, Num) or not entry.strip():
            r.error(where, "expected the path of a case file or folder")
            continue
        target = (path.parent / entry.strip())
        if not target.exists():
            r.error(where, f"'{entry}': no such file or folder (paths are relative to the portfolio file)")
            continue
        if target.is_file() and target.resolve() == itself:
            r.error(where, f"'{entry}': is this portfolio file itself; name the case files")
            continue
        if target.is_file() and is_portfolio_file(target):
            r.error(where, f"'{entry}': is a portfolio file, not a case file; a portfolio cannot take in another")
            continue
        named.append((target, entry.strip(), tree.line(where)))
    return settings, named, r.problems


def gather(paths: list[Path]) -> Gathered:
    """The case files of the portfolio and its settings, or InputError with every problem."""
    problems: list[Problem] = []
    settings = Settings()
    portfolio_file: str | None = None
    portfolio_path: Path | None = None
    cases: list[tuple[Path, str]] = []
    seen: dict[Path, str] = {}
    repeated: dict[str, None] = {}          # each file named more than once, once, as first shown

    def add_case(p: Path, shown: str) -> None:
        key = p.resolve()
        if key in seen:
            repeated.setdefault(seen[key])
            return
        seen[key] = shown
        cases.append((p, shown))

    def add_portfolio(p: Path, shown: str) -> None:
        nonlocal settings, portfolio_file, portfolio_path
        if portfolio_path is not None and p.resolve() == portfolio_path:
            return                          # the same portfolio file again (named and in a folder)
        if portfolio_file is not None:
            problems.append(Problem(shown, None, "", f"a second portfolio file; the first is {portfolio_file}"))
            return
        portfolio_file, portfolio_path = shown, p.resolve()
        try:
            settings, named, found = _read_settings(p, shown)
        except InputError as e:
            problems.extend(e.problems)
            return
        problems.extend(found)
        for target, entry, line in named:
            if target.is_dir():
                files = [f for f in _in_folder(target) if not is_portfolio_file(f)]
                if not files:
                    problems.append(Problem(shown, line, "cases", f"'{entry}': the folder holds no .yaml case files"))
                for f in files:
                    add_case(f, shown_name(os.path.normpath(f)))
            else:
                add_case(target, shown_name(os.path.normpath(target)))

    for given in paths:
        shown = shown_name(given)
        if given.is_dir():
            files = _in_folder(given)
            if not files:
                problems.append(Problem(shown, None, "", "the folder holds no .yaml case files"))
            for f in files:
                (add_portfolio if is_portfolio_file(f) else add_case)(f, shown_name(f))
        elif not given.exists():
            problems.append(Problem(shown, None, "", "file not found"))
        elif is_portfolio_file(given):
            add_portfolio(given, shown)
        else:
            add_case(given, shown)
    if not cases and not problems:
        problems.append(Problem(", ".join(shown_name(p) for p in paths) or "bcalc", None, "",
                                "no case files to add up"))
    if problems:
        raise InputError(problems)
    return Gathered(settings, tuple(cases), tuple(repeated))


__all__ = ["Gathered", "Settings", "gather", "is_portfolio_file", "is_actuals_file", "shown_name"]
