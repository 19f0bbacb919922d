"""Which language bcalc speaks in a run: its output, its help, and its messages about mistakes.

The first of these that names Dutch or English decides:

1. ``--lang nl|en`` on the command line (the last one given, before a ``--``);
2. the environment variable ``BCALC_LANG`` (``nl`` or ``en``; also a locale name such as
   ``en_GB.UTF-8``); a value that names neither is passed over;
3. the locale, as POSIX orders its variables: the first of ``LC_ALL``, ``LC_MESSAGES`` and
   ``LANG`` that is set and not empty is the locale, and it says English (``en_GB.UTF-8``,
   ``en_US``, ``en``) or Dutch (``nl_NL.UTF-8``, ``nl_BE``); any other locale, ``C`` and ``POSIX``
   among them, names no language bcalc has, and so gives the default;
4. Dutch, the default.

Cheap to import: bcalc reads it before it builds its commands.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

LANGUAGES = ("nl", "en")
DEFAULT = "nl"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_LANGUAGE_PART = re.compile(r"[_.@-]")


def of_locale(value: str) -> str | None:
    """``nl`` or ``en`` when the locale name ``value`` (``nl_NL.UTF-8``) is of that language."""
    code = _LANGUAGE_PART.split(value.strip(), maxsplit=1)[0].lower()
    return code if code in LANGUAGES else None


def of_environment(environ: Mapping[str, str]) -> str:
    """The language the environment asks for: BCALC_LANG, else the locale, else the default."""
    chosen = of_locale(environ.get("BCALC_LANG", ""))
    if chosen is not None:
        return chosen
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            return of_locale(value) or DEFAULT
    return DEFAULT


def of_arguments(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` or ``--lang=X`` in ``args`` (up to ``--``) that names a
    language bcalc has; None when there is none."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg[len("--lang="):]
        else:
            continue
        if value in LANGUAGES:
            found = value
    return found


def choose(args: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of a run of bcalc with the arguments ``args``."""
    return of_arguments(args) or of_environment(environ)
