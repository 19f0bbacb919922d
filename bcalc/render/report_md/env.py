"""The jinja environment of the report: the bundled templates, or a user's folder in front of them
rendered in a sandbox; the filters; template mistakes as ``InputError`` naming file and line."""

from __future__ import annotations

import re
import traceback
from pathlib import Path

from bcalc.errors import InputError, Problem
from bcalc.render.report_md.format import cell, inline, money, num, pct

ENTRY = "report.md.j2"


def _filters(lang: str) -> dict:
    return {
        "money": lambda v: money(v, lang),
        "pct": lambda v, places=None: pct(v, lang, places),
        "num": lambda v, places=0: num(v, lang, places),
        "cell": cell,
        "inline": inline,
    }


def _template_frame(exc: BaseException, folders: list[Path]) -> tuple[str | None, int | None]:
    """The innermost traceback frame that lies in a template file (jinja rewrites frames to them)."""
    found: tuple[str | None, int | None] = (None, None)
    roots = [str(f.resolve()) for f in folders]
    for frame in traceback.extract_tb(exc.__traceback__):
        name = frame.filename
        if name.endswith(".j2") or any(name.startswith(r) for r in roots):
            found = (name, frame.lineno)
    return found


def _problem(file: str | None, line: int | None, message: str, fallback: str) -> InputError:
    return InputError([Problem(file or fallback, line, "template", message)])


def _is_under(file: str, folder: Path) -> bool:
    try:
        Path(file).resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def _tidy(text: str) -> str:
    """At most one blank line in a row, no trailing spaces, one newline at the end."""
    text = "\n".join(line.rstrip() for line in text.splitlines())
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n"


def render(ctx: dict, lang: str, templates: Path | None = None) -> str:
    """The templates rendered with ``ctx``. ``templates``: a folder whose templates replace the bundled ones."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    from bcalc.paths import templates_dir

    bundled = templates_dir()
    folders = [bundled]
    options = dict(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
                   trim_blocks=True, lstrip_blocks=True)
    if templates is not None:
        user = Path(templates)
        if not user.is_dir():
            raise InputError([Problem(str(user), None, "--templates", "is not a folder")])
        folders = [user, bundled]
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(user)), jinja2.FileSystemLoader(str(bundled))])
        env = SandboxedEnvironment(loader=loader, **options)
    else:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(bundled)), **options)
    env.filters.update(_filters(lang))

    where = str((folders[0] / ENTRY))
    try:
        template = env.get_template(ENTRY)
        where = template.filename or where
        text = template.render(**ctx)
    except jinja2.TemplateSyntaxError as exc:
        raise _problem(exc.filename or exc.name, exc.lineno, exc.message or str(exc), where) from None
    except jinja2.TemplateNotFound as exc:
        file, line = _template_frame(exc, folders)
        raise _problem(file, line, f"template not found: {exc.name}", where) from None
    except jinja2.TemplateError as exc:  # undefined variables, sandbox violations
        file, line = _template_frame(exc, folders)
        message = str(exc)
        if isinstance(exc, jinja2.exceptions.SecurityError):
            message = f"refused by the sandbox: {message}"
        raise _problem(file, line, message, where) from None
    except Exception as exc:
        # A user's template calling a filter or method wrongly is a mistake in input, not in bcalc.
        file, line = _template_frame(exc, folders)
        if templates is None or file is None or not _is_under(file, Path(templates)):
            raise
        raise _problem(file, line, f"{type(exc).__name__}: {exc}", where) from None
    return _tidy(text)
