"""Where the bundled catalogues, templates and examples live.

From a checkout (``pip install -e .``) they sit next to the package at the top of the
repository; in an installed wheel they are packed under ``bcalc/_bundled``.
"""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    bundled = _PKG / "_bundled" / name
    if bundled.is_dir():
        return bundled
    return _PKG.parent / name


def data_dir() -> Path:
    return _find("data")


def templates_dir() -> Path:
    return _find("templates")


def examples_dir() -> Path:
    return _find("examples")


def default_case() -> Path:
    return examples_dir() / "medicijndispensers.yaml"


def cache_dir() -> Path | None:
    """Where bcalc keeps what it compiled, between runs: ``$XDG_CACHE_HOME/bcalc`` (or
    ``~/.cache/bcalc``), made private to the user. None when ``BCALC_CACHE=off`` or when the folder
    cannot be made; bcalc then compiles at every start."""
    import os

    if os.environ.get("BCALC_CACHE", "").lower() == "off":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "bcalc"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return folder
