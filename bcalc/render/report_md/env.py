"""The jinja environment of the report: the bundled templates, or a user's folder in front of them;
the filters; template mistakes as ``InputError`` naming file and line.

Templates from ``--templates DIR`` are someone's input, so they are boxed: rendered in jinja's
sandbox; read only from inside DIR (a link that leads out of it is refused, as is a file that is not
a regular file, not UTF-8 text or larger than ``MAX_TEMPLATE_BYTES``); stopped after ``MAX_SECONDS``
or once they have written ``MAX_OUTPUT_CHARS``; an operator or call that would build a value larger
than that (``"x" * 10**9``, ``2 ** 10**9``, ``"x"|center(10**9)``) is refused before it runs, and
on Linux the memory they may take is capped.
The bundled templates are part of bcalc and are not bounded.
"""

from __future__ import annotations

import functools
import os
import re
import signal
import stat
import threading
import time
import traceback
from contextlib import contextmanager
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from bcalc.errors import InputError, Problem
from bcalc.render.report_md.format import cell, inline, money, num, pct

ENTRY = "report.md.j2"

MAX_SECONDS = 5                     # a user's templates: time to compile and render ...
MAX_OUTPUT_CHARS = 10 * 2**20       # ... characters written (10 MiB), and any one value built
MAX_TEMPLATE_BYTES = 2**20          # ... size of one template file (1 MiB)
MAX_POWER_BITS = 4096               # ... size of an integer that ``**`` makes
MAX_MEMORY_BYTES = 2**30            # ... memory on top of what bcalc holds (1 GiB; where the system lets us)


class Runaway(Exception):
    """A user's template went past a bound; raised where it runs, so the message names its line."""


# ---- filters ----------------------------------------------------------------------------------


def _filters(lang: str) -> dict:
    return {
        "money": lambda v: money(v, lang),
        "pct": lambda v, places=None: pct(v, lang, places),
        "num": lambda v, places=0: num(v, lang, places),
        "cell": cell,
        "inline": inline,
    }


# ---- reading a user's folder ---------------------------------------------------------------------


class FolderLoader(jinja2.BaseLoader):
    """Templates from one folder and nowhere else; a template it does not have goes to the next loader."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.root = folder.resolve()

    def get_source(self, environment, template: str):
        pieces = split_template_path(template)  # refuses "..": TemplateNotFound
        shown = os.path.normpath(os.path.join(self.folder, *pieces))
        path = Path(shown)
        if not path.is_symlink() and not path.exists():
            raise jinja2.TemplateNotFound(template)
        real = path.resolve()
        if real != self.root and self.root not in real.parents:
            raise _refused(shown, "is a link that leads out of the templates folder; copy the file into it instead")
        try:
            info = real.stat()
        except OSError as exc:
            raise _refused(shown, f"cannot read: {exc.strerror or exc}") from None
        if not stat.S_ISREG(info.st_mode):
            raise _refused(shown, "is not a regular file")
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise _refused(shown, f"is larger than {MAX_TEMPLATE_BYTES // 2**20} MiB")
        try:
            data = real.read_bytes()
        except OSError as exc:
            raise _refused(shown, f"cannot read: {exc.strerror or exc}") from None
        try:
            source = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise InputError([Problem(shown, line, "template",
                                      f"not UTF-8 text: byte 0x{data[exc.start]:02x} at column {column}; "
                                      "save the file as UTF-8")]) from None
        return source, shown, lambda: True


def _refused(file: str, message: str) -> InputError:
    return InputError([Problem(file, None, "template", message)])


# ---- bounds ---------------------------------------------------------------------------------------


def _too_big(what: str) -> Runaway:
    return Runaway(f"{what} would exceed the limit of {MAX_OUTPUT_CHARS // 2**20} MiB for templates "
                   "from --templates; stopped")


_SPEC = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _check_binop(operator: str, left, right) -> None:
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_OUTPUT_CHARS:
                raise _too_big(f"'*' on a sequence of {len(seq)} times {n}")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0 \
                and right * abs(left).bit_length() > MAX_POWER_BITS:
            raise Runaway(f"'**' would make an integer of more than {MAX_POWER_BITS} bits; stopped")
    elif operator == "%" and isinstance(left, str):
        for m in _SPEC.finditer(left):
            for width in m.groups():
                if width == "*" or (width is not None and int(width) > MAX_OUTPUT_CHARS):
                    raise _too_big("a '%' width")


def _check_args(args, kwargs) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_OUTPUT_CHARS:
            raise _too_big(f"an argument of {value}")


def _check_size(value) -> None:
    if isinstance(value, (str, bytes, list, tuple, dict, set)) and len(value) > MAX_OUTPUT_CHARS:
        raise _too_big("a value")


def _bounded_filter(f):
    """A filter whose size arguments and result stay within the bound (the value itself is free)."""
    first = 2 if hasattr(f, "jinja_pass_arg") else 1  # after the context or environment, if it takes one

    @functools.wraps(f)  # keeps jinja_pass_arg
    def bounded(*args, **kwargs):
        _check_args(args[first:], kwargs)
        result = f(*args, **kwargs)
        _check_size(result)
        return result

    return bounded


class BoundedSandbox(SandboxedEnvironment):
    """jinja's sandbox, with the bounds above checked at every operator, call and attribute."""

    intercepted_binops = frozenset({"*", "**", "%"})
    deadline: float | None = None
    written = 0

    def __init__(self, **options):
        super().__init__(finalize=self._count, **options)

    def _count(self, value):
        """Every ``{{ ... }}`` the templates write passes here, inside the template: count it."""
        text = str(value)
        self.written += len(text)
        if self.written > MAX_OUTPUT_CHARS:
            raise _too_much()
        return text

    def _on_time(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise _timeout()

    def call_binop(self, context, operator, left, right):
        self._on_time()
        _check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (jinja's signature)
        __self._on_time()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, (str, bytes)):  # "x".center(10**9), "x".zfill(...)
            _check_args(args, kwargs)
        result = super().call(__context, __obj, *args, **kwargs)
        _check_size(result)
        if isinstance(owner, (list, dict, set)):  # a list that extends itself in a loop
            _check_size(owner)
        return result

    def getattr(self, obj, attribute):
        self._on_time()
        value = super().getattr(obj, attribute)
        _check_size(value)  # a namespace value doubled in a loop
        return value

    def getitem(self, obj, argument):
        self._on_time()
        value = super().getitem(obj, argument)
        _check_size(value)
        return value


def _too_much() -> Runaway:
    return Runaway(f"the templates write more than {MAX_OUTPUT_CHARS // 2**20} MiB, the limit for templates "
                   "from --templates; stopped")


def _timeout() -> Runaway:
    return Runaway(f"the templates took longer than {MAX_SECONDS} s to render, the limit for templates "
                   "from --templates; stopped")


@contextmanager
def _time_limit(env: BoundedSandbox):
    """Stop after ``MAX_SECONDS``: checked at every operator, call and attribute the template makes,
    and, where the platform has it, by an alarm a second later that also ends a loop that calls nothing
    (later, so that a template that makes calls is stopped at its own line, which the problem names)."""
    env.deadline = time.monotonic() + MAX_SECONDS
    alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if alarm:
        def on_alarm(signum, frame):
            raise _timeout()

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, MAX_SECONDS + 1)
    try:
        yield
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        env.deadline = None


@contextmanager
def _memory_limit():
    """At most ``MAX_MEMORY_BYTES`` more address space while a user's templates render (Linux): an
    expression that builds a huge string fails with MemoryError instead of exhausting the machine."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as f:
            in_use = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, OSError, ValueError, AttributeError):
        yield
        return
    limit = in_use + MAX_MEMORY_BYTES
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft != resource.RLIM_INFINITY and soft <= limit:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _render_bounded(env: BoundedSandbox, ctx: dict) -> tuple[str, str]:
    """(entry file, text) of a user's templates, within the bounds."""
    with _time_limit(env), _memory_limit():
        template = env.get_template(ENTRY)
        parts: list[str] = []
        size = 0
        stream = template.generate(**ctx)
        for chunk in stream:
            size += len(chunk)
            # {{ ... }} is counted where it is written, which names the line; this catches template text
            # repeated in a loop, a little later so that the other check speaks first
            if size > MAX_OUTPUT_CHARS + 2**20:
                stream.throw(_too_much())
            parts.append(chunk)
    return template.filename or ENTRY, "".join(parts)


# ---- errors ---------------------------------------------------------------------------------------


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


WIDTH = 96   # the longest line of prose, so that the Markdown reads on an A4 page as it is


# a word that would change what a line is if it began one: a list mark, a heading, a quote, a table row
_RISKY = re.compile(r"^(?:[-+*>#|]|\d+[.)]|#+|<!--.*)$")


def _wrap(line: str, width: int = WIDTH) -> list[str]:
    """A long line of prose (a paragraph or a list item) as lines of at most ``width`` characters where
    the words allow, continuation lines of a list item indented under its text. Words are never cut."""
    m = re.match(r"^(\s*(?:[-*+] |\d+\. )?)", line)
    lead = m.group(1) if m else ""
    indent = " " * len(lead)
    words = line[len(lead):].split(" ")
    lines, cur = [], lead
    for w in words:
        if cur.strip() and len(cur) + 1 + len(w) > width:
            if _RISKY.match(w):          # keep such a word behind the one before it
                cur, _, prev = cur.rpartition(" ")
                lines.append(cur)
                cur = indent + prev + " " + w
                continue
            lines.append(cur)
            cur = indent + w
        else:
            cur = cur + (" " if len(cur) > len(lead) else "") + w
    lines.append(cur)
    return lines


def _fold(text: str) -> str:
    """Prose lines wrapped at ``WIDTH``; tables, headings, code blocks and comments stay as they are."""
    out, fence = [], ""
    for line in text.splitlines():
        s = line.lstrip()
        if fence:
            out.append(line)
            if s.startswith(fence):
                fence = ""
            continue
        if s.startswith("```"):
            fence = re.match(r"`+", s).group(0)
            out.append(line)
        elif len(line) <= WIDTH or s.startswith(("|", "#", "<!--")) or "  " in s.strip():
            out.append(line)
        else:
            out.extend(_wrap(line))
    return "\n".join(out)


def _tidy(text: str) -> str:
    """At most one blank line in a row, no trailing spaces, one newline at the end; prose folded at
    ``WIDTH`` characters."""
    text = "\n".join(line.rstrip() for line in text.splitlines())
    text = _fold(text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n"


# ---- rendering ------------------------------------------------------------------------------------


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """The bundled templates compiled, kept between runs as Python keeps its .pyc files (compiling
    the report's templates costs more than rendering them). Keyed by each template's source, so an
    edited template is compiled again; a cache that cannot be read or written is passed by."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unreadable or damaged: compile as if there were no cache
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode_cache(options: dict) -> jinja2.BytecodeCache | None:
    """A folder in bcalc's cache (``bcalc.paths.cache_dir``; None when that is off). The folder name
    carries the versions and options the code was compiled with."""
    import hashlib

    from bcalc import __version__
    from bcalc.paths import cache_dir

    base = cache_dir()
    if base is None:
        return None
    stamp = hashlib.sha1(repr((__version__, jinja2.__version__, sorted(options.items(), key=str))).encode())
    folder = base / f"templates-{stamp.hexdigest()[:12]}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return _CompiledTemplates(str(folder))


def render(ctx: dict, lang: str, templates: Path | None = None) -> str:
    """The templates rendered with ``ctx``. ``templates``: a folder whose templates replace the bundled ones."""
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
        loader = jinja2.ChoiceLoader([FolderLoader(user), jinja2.FileSystemLoader(str(bundled))])
        env: jinja2.Environment = BoundedSandbox(loader=loader, **options)
        env.filters.update(_filters(lang))
        env.filters = {name: _bounded_filter(f) for name, f in env.filters.items()}
    else:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(bundled)), bytecode_cache=_bytecode_cache(options),
                                 **options)
        env.filters.update(_filters(lang))

    where = str((folders[0] / ENTRY))
    try:
        if isinstance(env, BoundedSandbox):
            where, text = _render_bounded(env, ctx)
        else:
            template = env.get_template(ENTRY)
            where = template.filename or where
            text = template.render(**ctx)
    except InputError:
        raise
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
    except Runaway as exc:
        file, line = _template_frame(exc, folders)
        raise _problem(file, line, str(exc), where) from None
    except (RecursionError, MemoryError) as exc:
        if templates is None:
            raise
        file, line = _template_frame(exc, folders)
        what = "nest too deep" if isinstance(exc, RecursionError) else \
            f"need more than {MAX_MEMORY_BYTES // 2**30} GiB of memory"
        raise _problem(file, line, f"the templates {what}, the limit for templates from --templates; stopped",
                       where) from None
    except Exception as exc:
        # A user's template calling a filter or method wrongly is a mistake in input, not in bcalc.
        file, line = _template_frame(exc, folders)
        if templates is None or file is None or not _is_under(file, Path(templates)):
            raise
        raise _problem(file, line, f"{type(exc).__name__}: {exc}", where) from None
    return _tidy(text)
