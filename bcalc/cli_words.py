"""The language of a run of the command line (bcalc/lang.py) and the words it puts in.

typer builds the click commands from the decorated functions when bcalc runs; ``BcalcGroup``, the
class of bcalc's top command, then reads the language from the arguments and the environment
before it parses anything, gives every command and option its help from the table of that
language (bcalc/messages/cli_en.py, cli_nl.py), and in Dutch lets click write its help with Dutch
headings and its usage errors in Dutch (bcalc/messages/click_nl.py). The commands print their own
lines (``say``) and the problems of bad input (``problem_line``, through
bcalc/messages/problems_nl.py) in the same language.
"""

from __future__ import annotations

import os
import re
import sys

import typer
from typer import _click
from typer.core import TyperGroup

from bcalc import lang as languages

_run = {"lang": None}


def current() -> str:
    """The language of this run: the one the command line was started with, else the
    environment's."""
    return _run["lang"] or languages.of_environment(os.environ)


def book(lang: str):
    if lang == "nl":
        from bcalc.messages import cli_nl as words
    else:
        from bcalc.messages import cli_en as words
    return words


def say(key: str, lang: str | None = None, **values) -> str:
    """A line the command line prints itself (``written: PATH``)."""
    return book(lang or current()).WORDS[key].format(**values)


def problem_line(problem, lang: str | None = None) -> str:
    """A problem as ``FILE:LINE: field: message``, the message in the run's language (the place
    as it is; a message the Dutch table does not know stays English)."""
    if (lang or current()) != "nl":
        return str(problem)
    from bcalc.errors import Problem
    from bcalc.messages.problems_nl import dutch

    text = dutch(problem.message, problem.field)
    return str(Problem(problem.file, problem.line, problem.field, text if text is not None else problem.message))


# ---- help ---------------------------------------------------------------------------------------


def help_of(words, path: str, param: str) -> str | None:
    own = words.OPTIONS.get(path, {})
    return own[param] if param in own else words.OPTIONS["*"].get(param)


def localize(command, lang: str, path: str = "") -> None:
    """Give ``command`` and every command under it the help of ``lang``."""
    words = book(lang)
    if path in words.COMMANDS:
        command.help = words.COMMANDS[path]
        command.short_help = None
    for param in command.params:
        text = help_of(words, path, param.name)
        if text is not None:
            param.help = text
    if lang == "nl":
        command.context_class = DutchContext
    for name, sub in getattr(command, "commands", {}).items():
        localize(sub, lang, f"{path} {name}".strip())


class DutchFormatter(_click.formatting.HelpFormatter):
    """click's help with Dutch headings, notes and kinds of values."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        from bcalc.messages import click_nl

        for english, dutch in click_nl.USAGE_WORDS.items():
            args = args.replace(english, dutch)
        super().write_usage(prog, args, click_nl.USAGE if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        from bcalc.messages import click_nl

        super().write_heading(click_nl.HEADINGS.get(heading, heading))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(_term(term), _help(text)) for term, text in rows], col_max, col_spacing)


_NOTE = re.compile(r"^(?P<help>.*?)(?P<gap>\s*)\[(?P<note>[^\[\]]*)\]$", re.DOTALL)
_METAVAR = re.compile(r"<[a-z]+>")


def _term(term: str) -> str:
    from bcalc.messages import click_nl

    return _METAVAR.sub(lambda m: click_nl.METAVARS.get(m.group(), m.group()), term)


def _help(text: str) -> str:
    from bcalc.messages import click_nl

    english, dutch = click_nl.HELP_OPTION
    if text == english:
        return dutch
    m = _NOTE.match(text)
    if m is None:
        return text
    return f"{m.group('help')}{m.group('gap')}[{click_nl.note(m.group('note'))}]"


class DutchContext(_click.core.Context):
    formatter_class = DutchFormatter


# ---- running ------------------------------------------------------------------------------------


class BcalcGroup(TyperGroup):
    """bcalc's top command: decides the language before parsing, shows click's errors in it."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        argv = sys.argv[1:] if args is None else list(args)
        lang = _run["lang"] = languages.choose(argv, os.environ)
        localize(self, lang)
        if os.environ.get(f"_{(prog_name or 'bcalc').upper()}_COMPLETE"):
            from typer.completion import completion_init

            completion_init()  # the shells typer completes for (bash, zsh, fish, PowerShell)
        try:
            done = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _click.exceptions.ClickException as exc:
            if not standalone_mode:
                raise
            show_error(exc, lang)
            sys.exit(exc.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            from bcalc.messages import click_nl

            _click.echo(click_nl.ABORTED if lang == "nl" else "Aborted!", file=sys.stderr)
            sys.exit(1)
        if standalone_mode:
            sys.exit(done if isinstance(done, int) else 0)
        return done


def show_error(exc, lang: str) -> None:
    """What click prints for a command line it cannot use (usage, hint, ``Error: ...``), in ``lang``."""
    if lang != "nl" or isinstance(exc, _click.exceptions.NoArgsIsHelpError):
        exc.show()  # the help itself is in the language already
        return
    from bcalc.messages import click_nl

    stderr = sys.stderr
    ctx = getattr(exc, "ctx", None)
    color = None
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = click_nl.TRY.format(command=ctx.command_path, option=ctx.help_option_names[0]) + "\n"
        color = ctx.color
        _click.echo(f"{ctx.get_usage()}\n{hint}", file=stderr, color=color)
    message = exc.format_message()
    _click.echo(click_nl.ERROR + (click_nl.dutch(message) or message), file=stderr, color=color)
