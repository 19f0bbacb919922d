"""The language of the command line (bcalc/lang.py, bcalc/cli_words.py): where it comes from, help
of every command and option in both languages, click's own words in Dutch, the lines the commands
print, NO_COLOR, and shell completion."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import typer.testing

from bcalc import lang as languages
from bcalc.cli import app
from bcalc.cli_words import help_of, localize
from bcalc.messages import cli_en, cli_nl
from conftest import WIDE_ENV, invoke, ok

ROOT = Path(__file__).resolve().parents[1]
DISPENSERS = ROOT / "examples" / "medicijndispensers.yaml"
LOCALE = ("BCALC_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def env_without_language(**more: str) -> dict:
    return {**{k: v for k, v in os.environ.items() if k not in LOCALE}, **more}


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    """bcalc as a process, with only the language variables given here."""
    return subprocess.run([sys.executable, "-m", "bcalc", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env=env_without_language(COLUMNS="100", **env))


# ---- where the language comes from -----------------------------------------------------------------


@pytest.mark.parametrize("environ,expected", [
    ({}, "nl"),
    ({"LANG": "nl_NL.UTF-8"}, "nl"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "en_US"}, "en"),
    ({"LANG": "en"}, "en"),
    ({"LANG": "C"}, "nl"),                                     # C and POSIX name no language
    ({"LANG": "POSIX"}, "nl"),
    ({"LANG": "C.UTF-8"}, "nl"),
    ({"LANG": "de_DE.UTF-8"}, "nl"),                           # a language bcalc does not have
    ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
    ({"LC_ALL": "nl_BE.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "nl"),
    ({"LC_ALL": "C", "LANG": "en_US.UTF-8"}, "nl"),            # LC_ALL decides, and names no language
    ({"LC_ALL": "", "LANG": "en_US.UTF-8"}, "en"),             # empty counts as not set
    ({"BCALC_LANG": "en", "LC_ALL": "nl_NL.UTF-8"}, "en"),
    ({"BCALC_LANG": "nl", "LANG": "en_GB.UTF-8"}, "nl"),
    ({"BCALC_LANG": "EN"}, "en"),
    ({"BCALC_LANG": "fr", "LANG": "en_GB.UTF-8"}, "en"),       # a BCALC_LANG of no language is passed over
    ({"LANG": "en_GB.UTF-8@euro"}, "en"),
])
def test_the_environment_names_the_language(environ, expected):
    assert languages.of_environment(environ) == expected


@pytest.mark.parametrize("args,expected", [
    (["estimate", "--lang", "en"], "en"),
    (["estimate", "--lang=en"], "en"),
    (["--lang", "en", "estimate", "--lang", "nl"], "nl"),        # the last one, as click reads it
    (["estimate", "--lang", "xx"], None),                        # click refuses it, in the environment's language
    (["estimate", "--", "--lang", "en"], None),
    (["estimate", "--lang"], None),
])
def test_the_command_line_names_the_language(args, expected):
    assert languages.of_arguments(args) == expected
    assert languages.choose(args, {"LANG": "nl_NL.UTF-8"}) == (expected or "nl")


# ---- help in both languages ------------------------------------------------------------------------


def commands(command, path: str = ""):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from commands(sub, f"{path} {name}".strip())


@pytest.mark.parametrize("words", [cli_en, cli_nl], ids=["en", "nl"])
def test_every_command_and_option_has_help_and_every_entry_is_used(words):
    tree = typer.main.get_command(app)
    missing, used_commands, used_options = [], set(), set()
    for path, command in commands(tree):
        if path not in words.COMMANDS:
            missing.append(f"COMMANDS[{path!r}]")
        used_commands.add(path)
        for param in command.params:
            if getattr(param, "hidden", False):
                continue
            text = help_of(words, path, param.name)
            if not text:
                missing.append(f"OPTIONS[{path!r}][{param.name!r}]")
            own = words.OPTIONS.get(path, {})
            used_options.add((path, param.name) if param.name in own else ("*", param.name))
    assert not missing, f"no help in {words.__name__}: {missing}"
    assert set(words.COMMANDS) == used_commands
    entries = {(path, name) for path, own in words.OPTIONS.items() for name in own}
    assert entries == used_options, f"entries no command uses: {entries - used_options}"
    assert set(cli_en.WORDS) == set(cli_nl.WORDS)


def test_the_two_languages_have_the_same_entries_and_different_words():
    assert cli_en.COMMANDS.keys() == cli_nl.COMMANDS.keys()
    assert {k: v.keys() for k, v in cli_en.OPTIONS.items()} == {k: v.keys() for k, v in cli_nl.OPTIONS.items()}
    for path, text in cli_en.COMMANDS.items():
        assert cli_nl.COMMANDS[path] != text, path
    for path, own in cli_en.OPTIONS.items():
        for name, text in own.items():
            assert cli_nl.OPTIONS[path][name] != text, (path, name)


def test_localize_gives_the_help_of_the_language():
    tree = typer.main.get_command(app)
    localize(tree, "nl")
    assert tree.commands["estimate"].help == cli_nl.COMMANDS["estimate"]
    assert next(p for p in tree.commands["report"].params if p.name == "lang").help == cli_nl.OPTIONS["report"]["lang"]
    localize(tree, "en")
    assert tree.commands["catalogue"].commands["show"].help == cli_en.COMMANDS["catalogue show"]


def test_every_command_that_prints_takes_lang():
    tree = typer.main.get_command(app)
    leaves = [(path, c) for path, c in commands(tree) if not hasattr(c, "commands")]
    assert len(leaves) >= 13
    for path, command in leaves:
        assert "lang" in {p.name for p in command.params}, path


def test_english_help_with_lang_and_dutch_help_from_the_locale():
    english = run("--lang", "en", "estimate", "--help")
    assert english.returncode == 0
    assert english.stdout.startswith("Usage: bcalc estimate [OPTIONS] [case]")
    assert "Costs, VAT, funding and net result per year for one case." in english.stdout
    assert "Options:" in english.stdout and "Show this message and exit." in english.stdout
    dutch = run("estimate", "--help", LANG="nl_NL.UTF-8")
    assert dutch.returncode == 0
    assert dutch.stdout.startswith("Gebruik: bcalc estimate [OPTIES] [case]")
    assert "Kosten, btw, financiering en nettoresultaat per jaar voor één case." in dutch.stdout
    for words in ("Argumenten:", "Opties:", "Toon deze hulp en stop.", "[standaard: mid]", "--scenario <tekst>",
                  "--catalogue <map>"):
        assert words in dutch.stdout, words
    assert "Usage" not in dutch.stdout and "Options" not in dutch.stdout
    assert run("estimate", "--help", LANG="en_US.UTF-8").stdout.startswith("Usage:")
    assert run("estimate", "--help", LANG="C").stdout.startswith("Gebruik:")
    assert run("estimate", "--help", BCALC_LANG="en", LANG="nl_NL.UTF-8").stdout.startswith("Usage:")
    assert run("estimate", "--help", "--lang", "nl", BCALC_LANG="en").stdout.startswith("Gebruik:")


def test_the_list_of_commands_and_a_required_argument_in_dutch():
    top = flat(ok("--help", env={**WIDE_ENV, "BCALC_LANG": "nl"}).stdout)
    assert "Gebruik: root [OPTIES] COMMANDO [ARGUMENTEN]..." in top
    assert "Commando's: estimate Kosten, btw, financiering" in top
    report = flat(ok("report", "--help", env={**WIDE_ENV, "BCALC_LANG": "nl"}).stdout)
    assert "case Casebestand (YAML). [verplicht]" in report


def flat(text: str) -> str:
    return " ".join(text.split())


# ---- click's messages ------------------------------------------------------------------------------


@pytest.mark.parametrize("args,english,dutch", [
    (["estimate", "--format", "pdf"],
     "Error: Invalid value for '--format' / '-f': 'pdf' is not one of 'table', 'json', 'markdown', 'csv'.",
     "Fout: Ongeldige waarde voor '--format' / '-f': 'pdf' is niet een van 'table', 'json', 'markdown', 'csv'."),
    (["estimate", "--nope"], "Error: No such option: --nope", "Fout: Onbekende optie: --nope"),
    (["report"], "Error: Missing argument 'case'.", "Fout: Argument 'case' ontbreekt."),
    (["estimat"], "Error: No such command 'estimat'. Did you mean 'estimate', 'simulate'?",
     "Fout: Onbekend commando 'estimat'. Bedoelt u 'estimate', 'simulate'?"),
    (["simulate", "x.yaml", "--draws", "veel"], "Error: Invalid value for '--draws' / '-n': 'veel' is not a valid int.",
     "Fout: Ongeldige waarde voor '--draws' / '-n': 'veel' is geen geldig geheel getal."),
    (["estimate", "--catalogue", "README.md"], "Error: Invalid value for '--catalogue': Directory 'README.md' is a file.",
     "Fout: Ongeldige waarde voor '--catalogue': Map 'README.md' is een bestand."),
    (["estimate", "a.yaml", "b.yaml"], "Error: Got unexpected extra argument(s) (b.yaml)",
     "Fout: Onverwachte extra argumenten (b.yaml)"),
    (["estimate", "--debug=1"], "Error: Option '--debug' does not take a value.",
     "Fout: Optie '--debug' neemt geen waarde."),
])
def test_usage_errors_in_both_languages(args, english, dutch):
    en = run(*args, BCALC_LANG="en")
    nl = run(*args, LANG="nl_NL.UTF-8")
    assert en.returncode == nl.returncode == 2
    assert en.stdout == nl.stdout == ""
    assert english in en.stderr.splitlines(), en.stderr
    assert dutch in nl.stderr.splitlines(), nl.stderr
    if "Usage:" in en.stderr:
        assert "Gebruik: bcalc" in nl.stderr and "voor hulp." in nl.stderr


# ---- what the commands print themselves ------------------------------------------------------------


def test_validate_and_init_speak_the_language(tmp_path):
    # 27 products and 23 time lines, as the English test in test_cli.py counts them; 5 funding codes
    # (1062, H139, H306, VPT, subsidy) and 4 scenarios (none, low, base, high)
    text = ok("catalogue", "validate", env={**WIDE_ENV, "BCALC_LANG": "nl"}).stdout
    assert re.fullmatch(r"in orde: 27 producten, \d+ posten, 23 tijdsposten; 5 financieringscodes, 4 scenario's\n",
                        text), text
    done = ok("init", tmp_path / "case.yaml", "--lang", "nl").stdout.splitlines()
    assert done == [f"geschreven: {tmp_path / 'case.yaml'}", f"geschreven: {tmp_path / 'bcalc-case.schema.json'}",
                    f"volgende stap: bcalc estimate {tmp_path / 'case.yaml'}"]
    written = ok("schema", "-o", tmp_path / "s.json", "--lang", "en").stdout
    assert written == f"written: {tmp_path / 's.json'}\n"


def test_an_unexpected_error_in_dutch(monkeypatch):
    from bcalc import app as bcalc_app

    def broken(*args, **kwargs):
        raise ZeroDivisionError("x")

    monkeypatch.setattr(bcalc_app, "estimate", broken)
    result = invoke("estimate", "--lang", "nl")
    assert result.exit_code == 1
    assert result.stderr == ("bcalc: onverwachte fout: ZeroDivisionError: x (voer het commando opnieuw uit met "
                             "--debug voor details)\n")


# ---- NO_COLOR --------------------------------------------------------------------------------------


def test_no_color_leaves_out_every_escape_sequence():
    forced = {"FORCE_COLOR": "1", "TERM": "xterm-256color"}
    styled = run("estimate", **forced)
    assert styled.returncode == 0 and "\x1b[" in styled.stdout     # bold titles, dimmed notes
    plain = run("estimate", NO_COLOR="1", **forced)
    assert plain.returncode == 0 and "\x1b" not in plain.stdout
    assert "Medicijndispensers wijkteams Noord" in plain.stdout
    assert "\x1b[" in run("estimate", NO_COLOR="", **forced).stdout  # empty: not set (no-color.org)
    assert "\x1b" not in run("catalogue", "show", "medido", NO_COLOR="yes", **forced).stdout


# ---- shell completion ------------------------------------------------------------------------------


def complete(**env: str):
    return typer.testing.CliRunner().invoke(app, [], prog_name="bcalc", env=env)


def test_the_completion_scripts_are_given():
    for shell, words in (("bash", "complete -o default -F _bcalc_completion bcalc"),
                         ("zsh", "compdef _bcalc_completion bcalc"), ("fish", "complete --command bcalc")):
        done = complete(_BCALC_COMPLETE=f"source_{shell}")
        assert done.exit_code == 0 and words in done.stdout, done.output
    assert "_bcalc_completion() {" in complete(_BCALC_COMPLETE="source_bash").stdout


def test_bcalc_est_completes_to_estimate():
    done = complete(_BCALC_COMPLETE="complete_bash", COMP_WORDS="bcalc est", COMP_CWORD="1")
    assert done.stdout.split() == ["estimate"]
    done = complete(_BCALC_COMPLETE="complete_bash", COMP_WORDS="bcalc estimate --format ", COMP_CWORD="3")
    assert done.stdout.split() == ["table", "json", "markdown", "csv"]
    done = complete(_BCALC_COMPLETE="complete_bash", COMP_WORDS="bcalc catalogue s", COMP_CWORD="2")
    assert done.stdout.split() == ["show"]


def _shell_env() -> dict:
    return env_without_language(PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("bcalc", path=str(Path(sys.executable).parent)) is None,
                    reason="needs bash and the bcalc script")
def test_bash_completes_with_the_documented_line():
    script = ('eval "$(_BCALC_COMPLETE=source_bash bcalc)"; COMP_WORDS=(bcalc est); COMP_CWORD=1; '
              '_bcalc_completion bcalc; echo "${COMPREPLY[@]}"')
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=_shell_env(), timeout=60)
    assert done.stdout.strip() == "estimate", done.stderr


@pytest.mark.skipif(shutil.which("fish") is None or shutil.which("bcalc", path=str(Path(sys.executable).parent)) is None,
                    reason="needs fish and the bcalc script")
def test_fish_completes_with_the_documented_line():
    script = 'env _BCALC_COMPLETE=source_fish bcalc | source; complete -C "bcalc est"'
    done = subprocess.run(["fish", "-c", script], capture_output=True, text=True, env=_shell_env(), timeout=60)
    assert done.stdout.split("\t")[0] == "estimate", done.stderr


@pytest.mark.skipif(shutil.which("zsh") is None or shutil.which("bcalc", path=str(Path(sys.executable).parent)) is None,
                    reason="needs zsh and the bcalc script")
def test_zsh_gives_estimate_for_est():
    # what the zsh script asks bcalc for when TAB is pressed after "bcalc est"
    done = subprocess.run(["zsh", "-c", '_TYPER_COMPLETE_ARGS="bcalc est" _BCALC_COMPLETE=complete_zsh bcalc'],
                          capture_output=True, text=True, env=_shell_env(), timeout=60)
    assert '"estimate":' in done.stdout, done.stderr
    loaded = subprocess.run(["zsh", "-f", "-c", 'autoload -Uz compinit; compinit -u; '
                                                 'eval "$(_BCALC_COMPLETE=source_zsh bcalc)"; '
                                                 'print -r -- $_comps[bcalc]'],
                            capture_output=True, text=True, env=_shell_env(), timeout=60)
    assert loaded.stdout.strip() == "_bcalc_completion", loaded.stderr


# ---- the reference pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang,page", [("en", "cli.md"), ("nl", "cli.nl.md")])
def test_the_command_reference_is_what_the_commands_say(lang, page):
    from bcalc.clidoc import reference

    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert text == reference(lang), f"run: python -m bcalc.clidoc {lang} > docs/{page}"
    for shell_line in ('eval "$(_BCALC_COMPLETE=source_bash bcalc)"', 'eval "$(_BCALC_COMPLETE=source_zsh bcalc)"',
                       "env _BCALC_COMPLETE=source_fish bcalc \\| source"):
        assert shell_line in text
