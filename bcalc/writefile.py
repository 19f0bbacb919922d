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


def _mode() -> int:
    # mkstemp creates files readable by the owner only; give the file the usual permissions
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_all(documents: list[tuple[Path, str | bytes]], force: bool = False) -> None:
    """Write every document through a temporary file in its own folder, then rename them all into
    place. If any temporary file cannot be written, none of the documents appears."""
    for path, _ in documents:
        check_writable(path, force)
    temps: list[tuple[str, Path]] = []
    try:
        for path, content in documents:
            path = Path(path)
            folder = path.parent if str(path.parent) else Path(".")
            data = content.encode("utf-8") if isinstance(content, str) else content
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
            except OSError as exc:
                raise InputError([Problem(str(path), None, "", f"cannot write here: {exc.strerror}")]) from None
            temps.append((tmp, path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, _mode())
        for tmp, path in temps:
            os.replace(tmp, path)
        temps.clear()
    except OSError as exc:
        raise InputError([Problem(str(exc.filename or ""), None, "", f"cannot write: {exc.strerror}")]) from None
    finally:
        for tmp, _ in temps:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass


def write_atomic(path: Path, content: str | bytes, force: bool = False) -> None:
    """One document, written atomically."""
    write_all([(Path(path), content)], force)
