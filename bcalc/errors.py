"""Problems in input files, carried as data with their place of origin."""

from __future__ import annotations

from bcalc.record import record

# A problem is printed as one line: a line break in a value it quotes (a product id written
# "medido\nx") is shown as a visible symbol, as bcalc/terminal.py shows control characters, so that
# every line of the report starts with FILE:LINE.
_ONE_LINE = str.maketrans({"\n": "\u240a", "\r": "\u240d", "\x0b": "\u240b", "\x0c": "\u240c",
                           "\x1c": "\u241c", "\x1d": "\u241d", "\x1e": "\u241e", "\x85": "\u2424",
                           "\u2028": "\u2424", "\u2029": "\u2424"})


@record
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return text.translate(_ONE_LINE)


class InputError(Exception):
    """Bad input: one or more problems, all reported together (exit code 2)."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
