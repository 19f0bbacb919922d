"""Writing output files: atomically, and never over an existing file without --force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bcalc.errors import InputError, Problem


def check_writable(path: Path, force: bool = False) -> None:
    """Refuse early: an existing file without --force, a directory, a missing folder."""
    path = Path(path)
    if path.is_dir():
        raise InputError([Problem(str(path), None, "", "is a directory")])
    if path.exists() and not force:
        raise InputError([Problem(str(path), None, "", "exists already; use --force to overwrite it")])
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError([Problem(str(path), None, "", f"folder {folder} does not exist")])


def write_atomic(path: Path, content: str | bytes, force: bool = False) -> None:
    """Write through a temporary file in the same folder, renamed into place."""
    path = Path(path)
    check_writable(path, force)
    folder = path.parent if str(path.parent) else Path(".")
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
