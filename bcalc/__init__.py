"""bcalc: business cases and financing for care technology in Dutch care organisations."""

__version__ = "0.2.0.dev0"
