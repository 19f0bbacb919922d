"""The catalogue and tariffs as last loaded, kept between runs.

Reading and checking ``suppliers.yaml`` and ``tariffs.yaml`` costs more than computing a case, and
the catalogues rarely change. A clean load is kept in ``$XDG_CACHE_HOME/bcalc`` (see
``bcalc.paths.cache_dir``), one file per catalogue folder, together with what it was made from:
the exact bytes of both files, bcalc's version and the state of the modules that read them. Any difference, a damaged file or ``BCALC_CACHE=off`` and the folder is read as usual; a
catalogue with problems is never kept, so its problems are reported at every run.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from pathlib import Path

FILES = ("suppliers.yaml", "tariffs.yaml")
# The modules whose code decides what a load gives.
_READERS = ("catalogue_loader.py", "loader.py", "fields.py", "reader.py", "yamltree.py", "models.py", "rules.py",
            "errors.py", "record.py", "money.py", "loadcache.py")


def _stamp(directory: Path) -> tuple | None:
    """What a load of ``directory`` is made from: the bytes of both files, the versions and the
    state of the modules that read them; None when a file cannot be read (the load reports it)."""
    from bcalc import __version__

    try:
        files = tuple((directory / name).read_bytes() for name in FILES)
        package = Path(__file__).resolve().parent
        modules = tuple((name, os.stat(package / name).st_size, os.stat(package / name).st_mtime_ns)
                        for name in _READERS)
    except OSError:
        return None
    return (__version__, sys.implementation.cache_tag, str(directory), modules, files)


def _file(directory: Path) -> Path | None:
    from bcalc.paths import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    # one file per folder as given (the catalogue keeps that spelling of its path for the outputs);
    # a name that two folders might share is harmless: the kept stamp holds the folder too
    given = os.fsencode(os.path.abspath(directory)) + b"\0" + os.fsencode(directory)
    return folder / f"catalogue-{zlib.crc32(given):08x}-{len(given)}.pickle"


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
