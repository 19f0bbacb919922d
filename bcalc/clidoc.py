"""docs/cli.md (English) and docs/cli.nl.md (Dutch): the help of every command, written from the
commands themselves, under a short account of the language, colour and shell completion.

    python -m bcalc.clidoc en > docs/cli.md
    python -m bcalc.clidoc nl > docs/cli.nl.md

A test compares the pages with what this gives, so the reference cannot drift from ``--help``.
"""

from __future__ import annotations

WIDTH = 100

HEADER = {
    "en": """\
# Command reference

Every command of bcalc with its options, as `bcalc COMMAND --help` prints them. Written by
`python -m bcalc.clidoc en` from the commands themselves; a test keeps it equal to them. In Dutch:
[cli.nl.md](cli.nl.md).

## Language

bcalc speaks Dutch or English: its output, its help and its messages, including the problems of
bad input (`FILE:LINE: field: message`; the place stays as it is, the message is translated). The
first of these that names a language decides:

1. `--lang nl` or `--lang en`, on any command or before it (`bcalc --lang en estimate --help`);
2. the environment variable `BCALC_LANG` (`nl` or `en`);
3. the locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty, when it is
   English (`en_GB.UTF-8`, `en_US`) or Dutch (`nl_NL.UTF-8`, `nl_BE`); any other locale, `C` and
   `POSIX` among them, names no language of bcalc;
4. Dutch.

The JSON Schema of `bcalc schema` describes the fields in English, as docs/case-file.md does.

## Colour

On a terminal bcalc's tables show titles and totals in bold and notes dimmed or in italics. With
the environment variable `NO_COLOR` set to anything but the empty string (https://no-color.org)
they are plain text, without any escape sequence. Output to a file or a pipe is plain too, unless
`FORCE_COLOR` asks for styles there.

## Shell completion

bcalc completes its commands, options and their values (`bcalc est` TAB gives `bcalc estimate`).
Load the completion in the shell's start-up file:

| shell | line | in |
|---|---|---|
| bash | `eval "$(_BCALC_COMPLETE=source_bash bcalc)"` | `~/.bashrc` |
| zsh | `eval "$(_BCALC_COMPLETE=source_zsh bcalc)"` | `~/.zshrc`, after `compinit` |
| fish | `env _BCALC_COMPLETE=source_fish bcalc \\| source` | `~/.config/fish/completions/bcalc.fish` |

Each line asks bcalc for the completion script of that shell; `bcalc` must be on the `PATH`. The
descriptions that zsh and fish show are in the language of the environment.
""",
    "nl": """\
# Commando's

Elk commando van bcalc met zijn opties, zoals `bcalc COMMANDO --help` ze toont. Geschreven door
`python -m bcalc.clidoc nl` uit de commando's zelf; een test houdt de pagina gelijk aan ze. In het
Engels: [cli.md](cli.md).

## Taal

bcalc spreekt Nederlands of Engels: de uitvoer, de hulp en de meldingen, ook de problemen in de
invoer (`BESTAND:REGEL: veld: melding`; de plaats blijft zoals hij is, de melding wordt vertaald).
De eerste van deze die een taal noemt, beslist:

1. `--lang nl` of `--lang en`, bij elk commando of ervoor (`bcalc --lang en estimate --help`);
2. de omgevingsvariabele `BCALC_LANG` (`nl` of `en`);
3. de locale: de eerste van `LC_ALL`, `LC_MESSAGES` en `LANG` die gezet en niet leeg is, als die
   Engels is (`en_GB.UTF-8`, `en_US`) of Nederlands (`nl_NL.UTF-8`, `nl_BE`); een andere locale,
   ook `C` en `POSIX`, noemt geen taal van bcalc;
4. Nederlands.

Het JSON Schema van `bcalc schema` beschrijft de velden in het Engels, zoals docs/case-file.md.

## Kleur

Op een terminal tonen de tabellen van bcalc titels en totalen vet en toelichtingen gedimd of
cursief. Met de omgevingsvariabele `NO_COLOR` gezet op iets anders dan de lege tekst
(https://no-color.org) zijn ze platte tekst, zonder escapereeksen. Uitvoer naar een bestand of een
pipe is ook plat, tenzij `FORCE_COLOR` daar om opmaak vraagt.

## Aanvullen in de shell

bcalc vult zijn commando's, opties en hun waarden aan (`bcalc est` TAB geeft `bcalc estimate`).
Laad de aanvulling in het opstartbestand van de shell:

| shell | regel | in |
|---|---|---|
| bash | `eval "$(_BCALC_COMPLETE=source_bash bcalc)"` | `~/.bashrc` |
| zsh | `eval "$(_BCALC_COMPLETE=source_zsh bcalc)"` | `~/.zshrc`, na `compinit` |
| fish | `env _BCALC_COMPLETE=source_fish bcalc \\| source` | `~/.config/fish/completions/bcalc.fish` |

Elke regel vraagt bcalc om het aanvulscript voor die shell; `bcalc` moet op het `PATH` staan. De
beschrijvingen die zsh en fish tonen, zijn in de taal van de omgeving.
""",
}

HEADING = {"en": "Commands", "nl": "Commando's"}


def _commands(typer_app, path: list[str]):
    """The command paths of a typer app, in the order they are registered (groups after commands)."""
    for info in typer_app.registered_commands:
        yield path + [info.name or info.callback.__name__.replace("_", "-")]
    for group in typer_app.registered_groups:
        yield path + [group.name]
        yield from _commands(group.typer_instance, path + [group.name])


def reference(lang: str = "en") -> str:
    from typer.testing import CliRunner

    from bcalc.cli import app

    runner = CliRunner()
    out = [HEADER[lang], f"## {HEADING[lang]}", ""]
    for path in [[], *_commands(app, [])]:
        done = runner.invoke(app, [*path, "--help"], prog_name="bcalc",
                             env={"COLUMNS": str(WIDTH), "NO_COLOR": "1", "TERM": "dumb", "BCALC_LANG": lang})
        if done.exit_code != 0:
            raise RuntimeError(f"bcalc {' '.join(path)} --help failed: {done.output}")
        out += [f"### `{' '.join(['bcalc', *path])}`", "", "```", done.stdout.rstrip(), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    import sys

    sys.stdout.write(reference(sys.argv[1] if len(sys.argv) > 1 else "en"))
