"""Text from case files, catalogues and tariff tables, made safe to place in Markdown.

Such text is data: a product name, an organisation, a note. Placed in Markdown as it is, ``<script>``
would be live HTML, ``![x](https://...)`` a remote image and ``[x](https://...)`` a link in every
viewer that renders the report. ``escape`` puts a backslash before each character that Markdown or
HTML would read as markup, so that a CommonMark or GitHub renderer shows the text exactly as
written: ``\\ ` * _ [ ] < > ~``, an ``&`` that would start an entity (``&lt;``), and the pieces
from which GitHub makes a link of bare text (``https://``, ``www.``, ``name@host``). An underscore
inside a word (``project_lead``) is no markup and stays as it is.

Only data is escaped; the words and the Markdown of bcalc itself (bold rows, the code spans of the
commands to run) are written around it.
"""

from __future__ import annotations

import re

# Characters that are markup wherever they stand; "_" only at the edge of a word (below).
_ALWAYS = frozenset("\\`*[]<>~")
# Where GitHub's autolinks start in plain text: a scheme before "://", "www." at the start of a word,
# the "@" of an e-mail address; and an "&" that would begin an entity or character reference.
_LINKS = re.compile(r"(?<=[A-Za-z0-9]):(?=//)|(?<=(?<![\w.])www)\.|(?<=[\w.+-])@(?=[\w-]+\.)|&(?=#?\w+;)",
                    re.IGNORECASE)


def escape(text: str) -> str:
    """``text`` with its Markdown and HTML markup escaped; whitespace and line breaks unchanged."""
    out = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch in _ALWAYS:
            out.append("\\" + ch)
        elif ch == "_" and not (0 < i < last and text[i - 1].isalnum() and text[i + 1].isalnum()):
            out.append("\\_")
        else:
            out.append(ch)
    escaped = "".join(out)
    return _LINKS.sub(r"\\\g<0>", escaped)
