"""The JSON Schema of a case file, built from the declaration the loader reads (bcalc.fields), so the
two cannot drift. An editor with a YAML language server completes and checks a case file with it as
it is typed (``bcalc schema``, and the first line ``bcalc init`` writes).

The schema checks what one field can check: names, types, allowed values, bounds of numbers written
as numbers, required fields. What involves several fields or the catalogues (a product id that
exists, a role a product needs, a funding code's kind) stays with ``bcalc estimate``, which reports
it as ``FILE:LINE``. Pure: builds a dict, reads and writes nothing.
"""

from __future__ import annotations

from decimal import Decimal

from bcalc import fields as F

SCHEMA_ID = "https://bcalc.invalid/schema/case-1.json"  # a name, not an address: the file travels with the case
FILE_NAME = "bcalc-case.schema.json"

NUMBER_TEXT = r"^\s*-?[0-9]+(\.[0-9]+)?\s*$"        # "62.40" quoted, as the loader accepts it
PERCENT_TEXT = r"^\s*-?[0-9]+(\.[0-9]+)?\s*%\s*$"   # "3%", "2.5 %"
MONTH_TEXT = r"^[0-9]{4}-[0-9]{1,2}$"
ID_TEXT = r"^[a-z0-9][a-z0-9_-]*$"
SOURCE_TEXT = r"^[0-9]{3}:[0-9]+(-[0-9]+)?$"


def _num(value) -> int | float:
    """A bound as JSON has numbers (the schema is advice for an editor; the loader checks exactly)."""
    d = Decimal(str(value))
    return int(d) if d == d.to_integral_value() else float(d)


def _bounds(f: F.Field, kind: str, schema: dict) -> dict:
    lo, hi = F.bounds(f, kind)
    if lo is None and kind in ("number", "percent", "integer", "clients") and not f.negative:
        lo = Decimal(0)
    if lo is not None:
        schema["minimum"] = _num(lo)
    if hi is not None:
        schema["maximum"] = _num(hi)
    return schema


def _value(f: F.Field, kind: str) -> dict:
    """The schema of one value of kind ``kind`` (a field's own kind, or the values of a map)."""
    if kind == "text":
        return {"type": "string"}
    if kind == "id":
        return {"type": "string", "pattern": ID_TEXT}
    if kind == "choice":
        return {"enum": list(f.choices)}
    if kind == "boolean":
        return {"type": "boolean"}
    if kind == "integer":
        one = _bounds(f, kind, {"type": "integer"})
        if f.per_phase:
            return {"anyOf": [one, {"type": "object", "additionalProperties": one}]}
        return one
    if kind == "number":
        return {"anyOf": [_bounds(f, kind, {"type": "number"}), {"type": "string", "pattern": NUMBER_TEXT}]}
    if kind == "percent":
        return {"anyOf": [_bounds(f, kind, {"type": "number"}), {"type": "string", "pattern": PERCENT_TEXT}]}
    if kind == "month":
        return {"type": "string", "pattern": MONTH_TEXT}
    if kind == "clients":
        one = _bounds(f, kind, {"type": "integer"})
        return {"anyOf": [one, {"type": "array", "items": one, "minItems": 1, "maxItems": F.MAX_YEARS},
                          {"type": "object", "additionalProperties": one}]}
    if kind == "phase_names":
        return {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}, "minItems": 1}]}
    if kind == "ids":
        one = {"type": "string", "pattern": ID_TEXT}
        return {"anyOf": [one, {"type": "array", "items": one, "uniqueItems": True}]}
    if kind == "source_line":
        return {"type": "string", "pattern": SOURCE_TEXT}
    if kind == "section":
        return {"$ref": f"#/$defs/{f.of}"}
    if kind == "list":
        return {"type": "array", "items": {"$ref": f"#/$defs/{f.of}"}}
    if kind == "map":
        if f.of in F.SECTIONS:  # a mapping of sections, such as a deployment's assets
            return {"type": "object", "additionalProperties": {"$ref": f"#/$defs/{f.of}"}}
        one = _value(f, f.of)
        if f.also:
            one = {"anyOf": [one, {"$ref": f"#/$defs/{f.also}"}]}
        return {"type": "object", "additionalProperties": one}
    if kind == "party":
        one = {"type": "string", "pattern": ID_TEXT}
        share = {"anyOf": [{"type": "number", "minimum": 0, "maximum": 1}, {"type": "string", "pattern": PERCENT_TEXT}]}
        return {"anyOf": [one, {"type": "object", "minProperties": 1, "additionalProperties": share}]}
    raise ValueError(f"no schema for the kind {kind!r} of {f.name}")  # a new kind needs a line above


def _or_null(schema: dict) -> dict:
    """Also an empty value (``label:``), which reads as not given; widened where the schema says what
    it is, so an editor still points at the mistake inside a list or a mapping."""
    if "type" in schema:
        return {**schema, "type": [schema["type"], "null"]}
    if "enum" in schema:
        return {**schema, "enum": schema["enum"] + [None]}
    if "anyOf" in schema:
        return {**schema, "anyOf": schema["anyOf"] + [{"type": "null"}]}
    return {"anyOf": [schema, {"type": "null"}]}


def _field(f: F.Field) -> dict:
    schema = _value(f, f.kind)
    if f.nullable and not f.required:
        schema = _or_null(schema)
    schema["description"] = f.help
    if f.default is not None:
        schema["default"] = f.default
    return schema


def _section(s: F.Section) -> dict:
    out: dict = {"type": "object", "title": s.title, "additionalProperties": False,
                 "properties": {f.name: _field(f) for f in s.fields}}
    if s.help:
        out["description"] = s.help
    if s.required:
        out["required"] = list(s.required)
    return out


def case_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a case file."""
    sections = {s.name: _section(s) for s in F.SECTIONS.values() if s.file == "case"}
    top = sections.pop("case")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            **top, "title": "bcalc case file", "$defs": sections}


__all__ = ["case_schema", "FILE_NAME", "SCHEMA_ID"]
