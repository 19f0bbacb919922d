"""The catalogue and tariffs as last loaded, kept between runs.

Reading and checking ``suppliers.yaml`` and ``tariffs.yaml`` costs more than computing a case, and
the catalogues rarely change. A clean load is kept in ``$XDG_CACHE_HOME/bcalc`` (see
``bcalc.paths.cache_dir``), one file per catalogue folder, together with what it was made from:
the exact bytes of both files (by their SHA-256), bcalc's version and the state of the modules that
read them. Any difference, a damaged file or ``BCALC_CACHE=off`` and the folder is read as usual; a
catalogue with problems is never kept, so its problems are reported at every run.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

FILES = ("suppliers.yaml", "tariffs.yaml")
# The modules whose code decides what a load gives.
_READERS = ("catalogue_loader.py", "loader.py", "fields.py", "reader.py", "yamltree.py", "models.py", "rules.py",
            "errors.py", "record.py", "money.py", "loadcache.py")


def _stamp(directory: Path) -> bytes | None:
    """What a load of ``directory`` is made from; None when a file cannot be read (the load reports it)."""
    from bcalc import __version__

    digest = hashlib.sha256()
    digest.update(repr((__version__, sys.implementation.cache_tag, pickle.HIGHEST_PROTOCOL, str(directory))).encode())
    try:
        for name in FILES:
            digest.update(name.encode() + b"\0" + (directory / name).read_bytes())
        package = Path(__file__).resolve().parent
        for name in _READERS:
            state = os.stat(package / name)
            digest.update(f"{name}:{state.st_size}:{state.st_mtime_ns}".encode())
    except OSError:
        return None
    return digest.digest()


def _file(directory: Path) -> Path | None:
    from bcalc.paths import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    # the folder as given: the catalogue keeps that spelling of its path for the outputs
    name = hashlib.sha256(os.fsencode(os.path.abspath(directory)) + b"\0" + os.fsencode(directory)).hexdigest()[:16]
    return folder / f"catalogue-{name}.pickle"


def get(directory: Path):
    """``(stamp, loaded)``: the kept load of ``directory`` if it is still what the files say
    (else None), and the stamp to keep a new load under."""
    stamp = _stamp(directory)
    path = _file(directory) if stamp is not None else None
    if path is None:
        return stamp, None
    try:
        with open(path, "rb") as handle:
            kept_stamp, loaded = pickle.load(handle)
    except Exception:  # none yet, unreadable, damaged or from classes that changed: read the files
        return stamp, None
    return stamp, (loaded if kept_stamp == stamp else None)


def put(directory: Path, stamp: bytes | None, loaded) -> None:
    """Keep a clean load, replacing the kept one in one step; a cache that cannot be written is passed by."""
    path = _file(directory) if stamp is not None else None
    if path is None:
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        with open(temporary, "wb") as handle:
            pickle.dump((stamp, loaded), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:
        try:
            temporary.unlink()
        except OSError:
            pass
