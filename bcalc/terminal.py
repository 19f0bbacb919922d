"""Text on its way to a terminal: control characters made visible instead of obeyed.

A case or catalogue may carry control characters in its text (YAML's "\\e" is ESC). Printed raw,
ESC ] 0 ; sets the window title and ESC [ 2 J clears the screen. Every text bcalc prints goes
through `clean`: a C0 control (other than tab and newline) becomes its Control Pictures symbol
(ESC shows as ␛, BEL as ␇), DEL becomes ␡ and a C1 control (U+0080-U+009F, which some terminals
read as ESC [) becomes U+FFFD. Each is replaced by one character, so the rest of the text and every
figure stays as it was. JSON escapes C0 by its own rules (\\u001b); DEL and C1 it leaves raw, so
they are replaced there too, which keeps the JSON valid.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

_TABLE = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_TABLE[0x7F] = 0x2421
_TABLE.update({c: 0xFFFD for c in range(0x80, 0xA0)})
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """The text with every control character but tab and newline replaced by a visible one."""
    return text.translate(_TABLE) if _CONTROL.search(text) else text


class CleanWriter:
    """A text stream that cleans what is written to it and passes everything else through."""

    def __init__(self, stream: TextIO):
        self.raw = stream

    def write(self, text: str) -> int:
        self.raw.write(clean(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def raw(stream: TextIO) -> TextIO:
    """The stream under a CleanWriter (for rich, which cleans the text itself and adds its own
    escape sequences for colour)."""
    return stream.raw if isinstance(stream, CleanWriter) else stream
