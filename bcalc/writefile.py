"""Writing output files: atomically, and never over an existing file without --force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bcalc.errors import InputError, Problem


def write_atomic(path: Path, content: str | bytes, force: bool = False) -> None:
    path = Path(path)
    if path.exists() and not force:
        raise InputError([Problem(str(path), None, "", "exists already; use --force to overwrite it")])
    if path.is_dir():
        raise InputError([Problem(str(path), None, "", "is a directory")])
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError([Problem(str(path), None, "", f"folder {folder} does not exist")])
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
