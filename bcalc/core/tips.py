"""The tips of source 001 that bcalc applies, each with the lines it cites.

A citation is data the reader can look up, so the core carries it on a notice's ``source``;
the words of each tip are in ``bcalc.messages``. Every citation of these tips is taken from here.
"""

from __future__ import annotations

CITES = {
    "pricing": "001:288-291",          # price per employee, per client or a flat fee
    "cap": "001:295-297",              # a maximum yearly indexation
    "implementation": "001:301-303",   # what an implementation fee covers
    "vat": "001:307-308",              # including or excluding VAT
    "tier": "001:312-313",             # volume discounts
    "fixed": "001:320-324",            # fixed costs, minimum volumes, contract term
    "suppliers": "001:336-338",        # the number of suppliers
    "indicative": "001:4084-4090",     # the document's rule: prices indicative, excl. VAT unless stated
    "freed_time": "001:236-237",       # freed time is a benefit, not a saving
}

# a tip shown in the report cites every line it rests on
TIP_CITES = {
    "fixed": ("fixed",),
    "cap": ("cap",),
    "vat": ("vat",),
    "pricing": ("pricing", "tier"),
    "implementation": ("implementation",),
    "suppliers": ("suppliers",),
}


def cite(*keys: str) -> str:
    """The citation of one or more tips, as the source prints line numbers: ``001:288-291, 001:312-313``."""
    return ", ".join(CITES[k] for k in keys)


def tip_source(tip: str) -> str:
    return cite(*TIP_CITES[tip])
