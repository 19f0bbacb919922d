"""The command line: parses options, calls the application layer (bcalc.app), picks a renderer and
decides the exit code.

Exit codes: 0 success, 2 bad input (case, catalogue or option, a file that cannot be written),
1 unexpected failure; 141 when the output pipe closes early, and SIGINT/SIGTERM/SIGHUP end bcalc as
the signal does (see _guard).

The help of every command and option is not written here: it is in bcalc/messages/cli_en.py and
cli_nl.py, and bcalc/cli_words.py gives each command its help in the language of the run.
"""


import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from bcalc.cli_words import BcalcGroup, current, say
from bcalc.errors import InputError, Problem

app = typer.Typer(
    cls=BcalcGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class EstimateFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


class ListFormat(str, Enum):
    table = "table"
    json = "json"


class Lang(str, Enum):
    nl = "nl"
    en = "en"


class PriceEnd(str, Enum):
    low = "low"
    mid = "mid"
    high = "high"


CatalogueOpt = Annotated[Optional[Path], typer.Option("--catalogue", file_okay=False)]
DebugOpt = Annotated[bool, typer.Option("--debug")]
ScenarioOpt = Annotated[Optional[str], typer.Option()]
PricesOpt = Annotated[PriceEnd, typer.Option()]
# no default of its own: without --lang a command speaks the language of the run (bcalc.lang)
LangOpt = Annotated[Optional[Lang], typer.Option(show_default=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-f")]


def _print_version(asked: bool) -> None:
    if asked:
        from bcalc import __version__

        print(f"bcalc {__version__}")
        raise typer.Exit(0)


@app.callback()
def _top(
    version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_print_version)] = False,
    lang: LangOpt = None,
) -> None:
    pass  # --lang before the command is read before parsing (bcalc.lang), as after it


def _lang(given: Lang | None) -> str:
    """The language a command speaks: its --lang, else the run's (the environment's)."""
    return given.value if given is not None else current()


def _fail(problems: list[Problem]) -> None:
    from bcalc.cli_words import problem_line
    from bcalc.terminal import clean

    for p in problems:
        print(clean(problem_line(p)), file=sys.stderr)
    raise typer.Exit(2)


def _guard(fn, debug: bool = False):
    """Run one command: its output cleaned of control characters (bcalc.terminal), its failures
    turned into exit codes (0 done, 2 bad input, 1 a bug; a closed pipe and a signal as below)."""
    import signal

    from bcalc.terminal import CleanWriter, clean
    from bcalc.writefile import Interrupted

    stdout = sys.stdout
    if not isinstance(stdout, CleanWriter):
        sys.stdout = CleanWriter(stdout)
    try:
        done = fn()
        sys.stdout.flush()  # a closed pipe shows here rather than at Python's exit
        return done
    except InputError as exc:
        _fail(exc.problems)
    except typer.Exit:
        raise
    except BrokenPipeError:
        _pipe_closed()
    except Interrupted as exc:
        _die(exc.signum)
    except KeyboardInterrupt:
        _die(signal.SIGINT)
    except Exception as exc:  # the last line of defence: no traceback unless asked
        if debug:
            raise
        from bcalc.cli_words import say

        print(clean(say("unexpected", error=f"{type(exc).__name__}: {exc}")), file=sys.stderr)
        raise typer.Exit(1)
    finally:
        sys.stdout = stdout


def _pipe_closed() -> None:
    """The reader of the output went away (`bcalc estimate | head -1`). Stop quietly with status
    141 (128 + SIGPIPE), the status a shell reports for cat, seq or sort ended by a closed pipe.
    What is still buffered goes to /dev/null, so that Python's last flush meets no closed pipe."""
    import os
    import signal

    from bcalc.terminal import raw

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, raw(sys.stdout).fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests); nothing to redirect
        pass
    raise typer.Exit(128 + signal.SIGPIPE)


def _die(signum: int) -> None:
    """SIGINT, SIGTERM or SIGHUP arrived (the files being written are cleaned up already). End as
    that signal ends a program, so that the shell sees it and a script stops on Ctrl-C (status
    130, 143, 129); should the signal not end the process, exit with 128 + its number."""
    import os
    import signal

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
    raise typer.Exit(128 + signum)


def _console():
    from bcalc.render.console import make_console
    from bcalc.terminal import raw

    # rich cleans the text itself and adds its own escape sequences for colour: give it the stream
    return make_console(raw(sys.stdout))


@app.command()
def estimate(
    case: Annotated[Optional[Path], typer.Argument(show_default=False)] = None,
    format: Annotated[EstimateFormat, typer.Option("--format", "-f")] = EstimateFormat.table,
    scenario: ScenarioOpt = None,
    prices: PricesOpt = PriceEnd.mid,
    lang: LangOpt = None,
    catalogue: CatalogueOpt = None,
    debug: DebugOpt = False,
) -> None:
    lang = _lang(lang)

    def run():
        from bcalc import app as bcalc_app, paths

        case_path = case if case is not None else paths.default_case()
        loaded = bcalc_app.load(case_path, catalogue, shown=str(case) if case is not None else None)
        result = bcalc_app.estimate(loaded, scenario, prices.value)
        if format is EstimateFormat.json:
            from bcalc.render import jsonout

            sys.stdout.write(jsonout.render(result, lang))
        elif format is EstimateFormat.markdown:
            from bcalc.render import estimate_md as markdown

            sys.stdout.write(markdown.render(result, lang))
        elif format is EstimateFormat.csv:
            from bcalc.render import csvout

            sys.stdout.write(csvout.render(result, lang))
        else:
            from bcalc.render import console

            console.render(result, _console(), lang)

    _guard(run, debug)


@app.command()
def report(
    case: Annotated[Path, typer.Argument()],
    xlsx: Annotated[Optional[Path], typer.Option("--xlsx")] = None,
    md: Annotated[Optional[Path], typer.Option("--md")] = None,
    pdf: Annotated[Optional[Path], typer.Option("--pdf")] = None,
    scenario: ScenarioOpt = None,
    prices: PricesOpt = PriceEnd.mid,
    lang: LangOpt = None,
    templates: Annotated[Optional[Path], typer.Option("--templates", file_okay=False)] = None,
    actuals: Annotated[Optional[Path], typer.Option("--actuals")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    catalogue: CatalogueOpt = None,
    debug: DebugOpt = False,
) -> None:
    lang = _lang(lang)

    def run():
        from bcalc import app as bcalc_app
        from bcalc.writefile import check_writable, write_all

        if xlsx is None and md is None and pdf is None:
            raise InputError([Problem("bcalc", None, "--xlsx/--md/--pdf", "name at least one document to write")])
        targets = [p for p in (xlsx, md, pdf) if p is not None]
        if len({t.resolve() for t in targets}) < len(targets):
            raise InputError([Problem("bcalc", None, "--xlsx/--md/--pdf", "the documents need different files")])
        for target in targets:
            check_writable(target, force)
        if pdf is not None:  # reportlab is optional: say how to install it before any work is done
            from bcalc.render.report_pdf import require

            require()
        loaded = bcalc_app.load(case, catalogue)
        side = None
        if xlsx is not None and (md is not None or pdf is not None):  # the workbook on a second core (bcalc.sidecar)
            from bcalc import sidecar

            side = sidecar.start(lang)
        try:
            bundle = bcalc_app.report(loaded, scenario, prices.value, actuals,
                                      str(actuals) if actuals is not None else None)
            if side is not None:
                side.send(bundle)
            # Everything is rendered before anything is written: a failure leaves no file behind.
            # The Markdown first, while a sidecar renders the workbook; the PDF is made of the Markdown.
            text = workbook = document = None
            if md is not None or pdf is not None:
                from bcalc.render import report_md

                context = report_md.context(bundle, lang)
                text = report_md.render_context(context, lang, templates)
            if pdf is not None:
                from bcalc.render import report_pdf

                document = report_pdf.render(text, bundle, context, lang)
            if xlsx is not None:
                workbook = side.workbook() if side is not None else None
                if workbook is None:
                    from bcalc.render import xlsx as xlsx_render

                    workbook = xlsx_render.render(bundle, lang)
            documents = [(path, content) for path, content in ((xlsx, workbook), (md, text), (pdf, document))
                         if path is not None]
        finally:
            if side is not None:
                side.close()
        write_all(documents, force=force)
        for target, _ in documents:
            print(say("written", lang, path=target))

    _guard(run, debug)


# ---- compare and scenarios -----------------------------------------------------------


@app.command()
def compare(
    cases: Annotated[list[Path], typer.Argument(show_default=False)],
    with_: Annotated[Optional[list[str]], typer.Option("--with", show_default=False)] = None,
    need: Annotated[bool, typer.Option("--need")] = False,
    deployment: Annotated[Optional[int], typer.Option("--deployment", show_default=False)] = None,
    format: FormatOpt = Format.table,
    scenario: ScenarioOpt = None,
    prices: PricesOpt = PriceEnd.mid,
    lang: LangOpt = None,
    catalogue: CatalogueOpt = None,
    debug: DebugOpt = False,
) -> None:
    lang = _lang(lang)

    def run():
        from bcalc import app as bcalc_app
        from bcalc.render import compare_out, compare_view

        products = list(with_ or [])
        if len(cases) > 1 and (products or need or deployment is not None):
            used = "--with" if products else "--need" if need else "--deployment"
            raise InputError([Problem("bcalc", None, used, "compares products within one case; give one case file, "
                                                           "or leave it out to compare whole cases")])
        if len(cases) > 1:
            result, cat = bcalc_app.compare_files(list(cases), catalogue, scenario, prices.value)
            view = compare_view.build(result, cat, lang, scenario=scenario, prices=prices.value)
            title = None
        else:
            loaded = bcalc_app.load(cases[0], catalogue, shown=str(cases[0]))
            found = bcalc_app.compare_within(loaded, products, need, deployment, scenario, prices.value,
                                             strict=debug)
            view = compare_view.build_need(found, loaded.catalogue, lang, scenario=scenario,
                                           prices=prices.value)
            title = loaded.case.title
        if format is Format.json:
            sys.stdout.write(compare_out.render_json(view, title))
        elif format is Format.markdown:
            sys.stdout.write(compare_out.render_markdown(view))
        else:
            compare_out.render_console(view, _console())

    _guard(run, debug)


@app.command()
def scenarios(
    case: Annotated[Path, typer.Argument()],
    format: FormatOpt = Format.table,
    lang: LangOpt = None,
    catalogue: CatalogueOpt = None,
    debug: DebugOpt = False,
) -> None:
    lang = _lang(lang)

    def run():
        from bcalc import app as bcalc_app
        from bcalc.render import scenarios_view

        view = scenarios_view.build(bcalc_app.scenarios(bcalc_app.load(case, catalogue)), lang)
        if format is Format.json:
            sys.stdout.write(scenarios_view.render_json(view))
        elif format is Format.markdown:
            sys.stdout.write(scenarios_view.render_markdown(view))
        else:
            scenarios_view.render_console(view, _console())

    _guard(run, debug)


# ---- init -----------------------------------------------------------------------------


@app.command()
def init(
    file: Annotated[Path, typer.Argument()] = Path("case.yaml"),
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOpt = None,
) -> None:
    lang = _lang(lang)

    def run():
        from bcalc import paths, schema
        from bcalc.writefile import write_all


        starter = (paths.templates_dir() / "starter-case.yaml").read_text(encoding="utf-8")
        # the first line tells an editor's YAML language server where the schema is (bcalc schema)
        starter = f"# yaml-language-server: $schema={schema.FILE_NAME}\n" + starter
        beside = file.parent / schema.FILE_NAME
        documents = [(file, starter)]
        try:
            present = beside.exists()
        except OSError:  # a folder that cannot be reached: writing the case says why
            present = True
        if not present:  # an existing one is kept (bcalc schema --output ... --force renews it)
            documents.append((beside, _schema_text()))
        write_all(documents, force=force)
        for path, _ in documents:
            print(say("written", lang, path=path))
        print(say("next", lang, file=file))

    _guard(run)


@app.command("schema")
def schema_command(
    output: Annotated[Optional[Path], typer.Option("--output", "-o")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOpt = None,
) -> None:
    lang = _lang(lang)

    def run():
        text = _schema_text()
        if output is None:
            sys.stdout.write(text)
            return
        from bcalc.writefile import write_atomic

        write_atomic(output, text, force=force)
        print(say("written", lang, path=output))

    _guard(run)


def _schema_text() -> str:
    import json

    from bcalc.schema import case_schema

    return json.dumps(case_schema(), ensure_ascii=False, indent=2) + "\n"


def _single(name: str) -> typer.Typer | None:
    """The app with only the top-level command ``name``, or None when ``name`` is none of them.
    typer builds the options of every registered command before it runs one; a run of one command
    needs only its own."""
    for info in app.registered_commands:
        if (info.name or info.callback.__name__) == name:
            single = typer.Typer(cls=BcalcGroup, add_completion=False, pretty_exceptions_enable=False,
                                 rich_markup_mode=None)
            single.registered_commands = [info]
            single.callback()(_no_options)  # keeps it a group, so the command name is still read
            return single
    return None


def _no_options() -> None:
    pass


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else ""
    stdout = sys.stdout
    try:
        (_single(name) or app)(prog_name="bcalc")
    except SystemExit:
        # typer ends a closed pipe met outside a command (the help, a usage error) with status 1,
        # after swapping in a stream that swallows the last flush; end it as a command would
        if sys.stdout is not stdout:
            sys.stdout = stdout
            try:
                _pipe_closed()
            except typer.Exit as done:
                raise SystemExit(done.exit_code) from None
        raise


# simulate and sensitivity, evaluate, portfolio, and the catalogue and funding groups, live in their own modules, which
# register them on `app`
from bcalc import cli_analysis, cli_catalogue, cli_evaluate, cli_portfolio  # noqa: E402,F401
