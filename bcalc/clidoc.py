"""docs/cli.md: the help of every command, written from the commands themselves.

    python -m bcalc.clidoc > docs/cli.md

A test compares the page with what this gives, so the reference cannot drift from ``--help``.
"""

from __future__ import annotations

WIDTH = 100


def _commands(typer_app, path: list[str]):
    """The command paths of a typer app, in the order they are registered (groups after commands)."""
    for info in typer_app.registered_commands:
        yield path + [info.name or info.callback.__name__.replace("_", "-")]
    for group in typer_app.registered_groups:
        yield path + [group.name]
        yield from _commands(group.typer_instance, path + [group.name])


def reference() -> str:
    from typer.testing import CliRunner

    from bcalc.cli import app

    runner = CliRunner()
    out = ["# Command reference", "",
           "Every command of bcalc with its options, as `bcalc COMMAND --help` prints them. Written by",
           "`python -m bcalc.clidoc` from the commands themselves; a test keeps it equal to them.", ""]
    for path in [[], *_commands(app, [])]:
        done = runner.invoke(app, [*path, "--help"], prog_name="bcalc",
                             env={"COLUMNS": str(WIDTH), "NO_COLOR": "1", "TERM": "dumb"})
        if done.exit_code != 0:
            raise RuntimeError(f"bcalc {' '.join(path)} --help failed: {done.output}")
        out += [f"## `{' '.join(['bcalc', *path])}`", "", "```", done.stdout.rstrip(), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    import sys

    sys.stdout.write(reference())
