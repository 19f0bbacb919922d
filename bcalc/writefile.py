"""Writing output files: atomically, and never over an existing file without --force.

Each document is written to a hidden temporary file in its own folder and then put in place:
without --force by a hard link, which fails when the name exists (so of two runs that write the
same new file, exactly one succeeds and the other is told the file exists), with --force by a
rename over the old file, which keeps the old file's permissions. Only regular files are written
or replaced: a directory, a device, a pipe or a symbolic link at the name is refused. SIGINT, SIGTERM and SIGHUP during the writing remove the temporary files before bcalc
stops; putting the files in place is not interrupted halfway.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import threading
from contextlib import contextmanager
from pathlib import Path

from bcalc.errors import InputError, Problem

_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# Hard links are not supported everywhere (some network and FAT file systems); then the name is
# claimed with an exclusive create and the temporary file renamed over it.
_NO_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV, errno.ENOSYS)


class Interrupted(BaseException):
    """A signal arrived while files were written; the temporary files are gone."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _problem(path: Path, message: str) -> InputError:
    return InputError([Problem(str(path), None, "", message)])


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _inspect(path: Path, force: bool) -> os.stat_result | None:
    """What is at `path` now, refused when bcalc may not write there; None when nothing is."""
    try:
        found = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        found = None
    except OSError as exc:  # a name too long, a folder that may not be searched
        raise _problem(path, f"cannot write here: {exc.strerror}") from None
    if found is not None:
        if stat.S_ISLNK(found.st_mode):
            # never written through nor replaced: a link may lead anywhere (/dev/stdout, a planted
            # link in a shared folder)
            raise _problem(path, "is a symbolic link; name the file itself")
        if stat.S_ISDIR(found.st_mode):
            raise _problem(path, "is a directory")
        if not stat.S_ISREG(found.st_mode):
            raise _problem(path, "is not a regular file (a device, pipe or socket); bcalc writes regular files only")
        if not force:
            raise _problem(path, "exists already; use --force to overwrite it")
    folder = _folder(path)
    if not folder.is_dir():
        raise _problem(path, f"folder {folder} does not exist")
    return found


def check_writable(path: Path, force: bool = False) -> None:
    """Refuse early: an existing file without --force, a directory, a device, a link, a missing folder."""
    _inspect(Path(path), force)


class _Signals:
    """While writing, SIGINT, SIGTERM and SIGHUP become Interrupted, so that the temporary files are
    removed on the way out. Some steps must not stop halfway (creating a temporary file and
    remembering it; putting the files in place; removing the temporary files): a signal during
    one of them is raised when it is done. Python runs signal handlers in the main thread only, so
    elsewhere this does nothing; a signal that was ignored (nohup) stays ignored."""

    def __init__(self):
        self.depth = 0
        self.pending: int | None = None
        self.raised = False  # once on the way out, a second signal must not cut the cleaning short
        self.before: dict = {}

    def _raise(self, signum: int):
        self.raised = True
        raise Interrupted(signum)

    def _handler(self, signum, frame):
        if self.depth or self.raised:
            self.pending = self.pending or signum
        else:
            self._raise(signum)

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            for sig in _SIGNALS:
                if signal.getsignal(sig) is not signal.SIG_IGN:
                    self.before[sig] = signal.signal(sig, self._handler)
        return self

    def __exit__(self, *exc):
        for sig, old in self.before.items():
            signal.signal(sig, old)
        return False

    @contextmanager
    def held(self):
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            if not self.depth and self.pending:
                self._raise(self.pending)


def _temp_name(path: Path) -> Path:
    # the temporary name starts with the target's name, cut short so that it fits in 255 bytes
    stem = os.fsdecode(os.fsencode(path.name)[:100])
    return _folder(path) / f".{stem}.{os.urandom(4).hex()}.tmp"


def _create_temp(path: Path, temps: list[Path], signals: _Signals) -> int:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        tmp = _temp_name(path)
        with signals.held():
            try:
                fd = os.open(tmp, flags, 0o666)  # the mode a new file gets under the umask
            except FileExistsError:
                continue
            except OSError as exc:
                raise _problem(path, f"cannot write here: {exc.strerror}") from None
            temps.append(tmp)
            return fd


def _write_data(fd: int, data: bytes, keep_mode: int | None) -> None:
    if keep_mode is not None:
        os.fchmod(fd, keep_mode)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)


def _place(tmp: Path, path: Path, force: bool) -> None:
    """Put the written temporary file at `path`; without force only if the name is still free."""
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise _problem(path, "exists already; use --force to overwrite it") from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise _problem(path, "exists already; use --force to overwrite it") from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def write_all(documents: list[tuple[Path, str | bytes]], force: bool = False) -> None:
    """Write every document through a temporary file in its own folder, then put them all in place.
    If any of them cannot be written, none of the new files appears."""
    documents = [(Path(path), content) for path, content in documents]
    found = {path: _inspect(path, force) for path, _ in documents}
    temps: list[Path] = []
    written: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    with _Signals() as signals:
        try:
            for path, content in documents:
                data = content.encode("utf-8") if isinstance(content, str) else content
                keep = stat.S_IMODE(found[path].st_mode) & 0o777 if found[path] is not None else None
                fd = _create_temp(path, temps, signals)
                try:
                    _write_data(fd, data, keep)
                except OSError as exc:
                    raise _problem(path, f"cannot write: {exc.strerror}") from None
                finally:
                    os.close(fd)
                written.append((temps[-1], path))
            with signals.held():
                for tmp, path in written:
                    try:
                        _place(tmp, path, force)
                    except OSError as exc:
                        raise _problem(path, f"cannot write: {exc.strerror}") from None
                    temps.remove(tmp)
                    if not force:  # a replaced file cannot be given back; a new one can be taken back
                        placed.append(path)
                placed.clear()
        finally:
            with signals.held():
                for path in placed:  # a later document failed: take back the new files made before it
                    _remove(path)
                for tmp in temps:
                    _remove(tmp)


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def write_atomic(path: Path, content: str | bytes, force: bool = False) -> None:
    """One document, written atomically."""
    write_all([(Path(path), content)], force)
