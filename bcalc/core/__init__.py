"""The calculation core: pure functions over frozen models, Decimal only, no IO."""

from bcalc.core.engine import estimate

__all__ = ["estimate"]
