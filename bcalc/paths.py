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
