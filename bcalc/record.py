"""Frozen records: the models of bcalc are immutable values with fields, defaults, equality, a
hash and a readable repr, as ``@dataclass(frozen=True)`` makes them.

``record`` gives exactly those classes (``dataclasses.fields`` and ``dataclasses.replace`` work on
them), but it writes their methods itself: the dataclass machinery compiles six functions per class
every time bcalc starts, which for the some fifty classes a run loads cost as much as all the
rest of reading a case. Here the methods of a class are one piece of source, compiled once and kept
between runs in ``$XDG_CACHE_HOME/bcalc`` (as Python keeps its .pyc files), keyed by that source,
so that a changed class is compiled again. ``BCALC_CACHE=off`` (or a cache that cannot be read or
written) compiles them at every start, which gives the same classes.
"""

from __future__ import annotations

import dataclasses
import marshal
import os
import sys
from dataclasses import FrozenInstanceError
from pathlib import Path

_CACHE_NAME = f"records-{sys.implementation.cache_tag}.marshal"
_codes: dict[str, object] | None = None  # source -> compiled code, read from the cache on first use
_used: set[str] = set()  # the sources of this run
_added = False
_KEEP = 400  # more kept than this (old versions of changed classes): keep only this run's


def record(cls=None, /, *, init: bool = True):
    """``@record`` or ``@record(init=False)`` (the class writes its own ``__init__``)."""

    def wrap(c):
        return _make(c, init)

    return wrap if cls is None else wrap(cls)


def _make(cls, init: bool):
    for name in ("__setattr__", "__delattr__", "__eq__", "__hash__", "__repr__"):
        if name in cls.__dict__:
            raise TypeError(f"{cls.__name__}: a record defines no {name} of its own")
    if init and "__init__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: use @record(init=False) for a class with its own __init__")
    if not cls.__doc__:  # spares the dataclass machinery working one out from the signature
        cls.__doc__ = f"{cls.__name__}({', '.join(cls.__dict__.get('__annotations__', {}))})"
    # The field bookkeeping (order, defaults, factories, options) is the dataclass one; no method
    # is generated there, all of them are made below.
    cls = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    fields = dataclasses.fields(cls)
    source, names = _source(cls.__qualname__, fields, init, hasattr(cls, "__post_init__"))
    env = {"_set": object.__setattr__, "_Frozen": FrozenInstanceError, "_NO": dataclasses.MISSING}
    for f in fields:
        if f.default is not dataclasses.MISSING:
            env[f"_d_{f.name}"] = f.default
        if f.default_factory is not dataclasses.MISSING:
            env[f"_f_{f.name}"] = f.default_factory
    namespace: dict = {}
    exec(_compiled(source), env, namespace)  # noqa: S102 (our own generated source, see _source)
    for name, fn in zip(names, namespace["__make__"](cls)):
        fn.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, fn)
    return cls


def _source(qualname: str, fields, init: bool, post_init: bool) -> tuple[str, list[str]]:
    """The methods of a record as Python source: one factory ``__make__(cls)`` returning them."""
    compared = [f.name for f in fields if f.compare]
    shown = [f.name for f in fields if f.repr]
    own = tuple(f"self.{n}" for n in compared)
    other = tuple(f"other.{n}" for n in compared)
    key_self = f"({', '.join(own)},)" if own else "()"
    key_other = f"({', '.join(other)},)" if other else "()"
    body = ["def __make__(cls):"]
    names = []
    if init:
        params, lines = [], []
        for f in fields:
            if f.default is not dataclasses.MISSING:
                params.append(f"{f.name}=_d_{f.name}")
            elif f.default_factory is not dataclasses.MISSING:
                params.append(f"{f.name}=_NO")
                lines.append(f"        if {f.name} is _NO: {f.name} = _f_{f.name}()")
            else:
                params.append(f.name)
            lines.append(f"        _set(self, {f.name!r}, {f.name})")
        if post_init:  # as a dataclass does: after the fields are set
            lines.append("        self.__post_init__()")
        body += [f"    def __init__(self, {', '.join(params)}):" if params else "    def __init__(self):",
                 *(lines or ["        pass"])]
        names.append("__init__")
    parts = " + ', ' + ".join(f"{n!r} + '=' + repr(self.{n})" for n in shown) or "''"
    body += [
        "    def __repr__(self):",
        f"        return {qualname!r} + '(' + {parts} + ')'",
        "    def __eq__(self, other):",
        "        if other.__class__ is self.__class__:",
        f"            return {key_self} == {key_other}",
        "        return NotImplemented",
        "    def __hash__(self):",
        f"        return hash({key_self})",
        "    def __setattr__(self, name, value):",
        "        raise _Frozen(f'cannot assign to field {name!r}')",
        "    def __delattr__(self, name):",
        "        raise _Frozen(f'cannot delete field {name!r}')",
    ]
    names += ["__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"]
    body.append(f"    return {', '.join(names)}")
    return "\n".join(body) + "\n", names


# ---- the compiled methods, kept between runs ------------------------------------------------------


def _cache_file() -> Path | None:
    from bcalc.paths import cache_dir

    folder = cache_dir()
    return None if folder is None else folder / _CACHE_NAME


def _compiled(source: str):
    global _codes, _added
    if _codes is None:
        _codes = _read()
    _used.add(source)
    code = _codes.get(source)
    if code is None:
        code = compile(source, "<bcalc record>", "exec")
        _codes[source] = code
        if not _added:
            import atexit

            atexit.register(_write)
        _added = True
    return code


def _read() -> dict:
    path = _cache_file()
    if path is None:
        return {}
    try:
        codes = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):  # none yet, unreadable or damaged
        return {}
    return codes if isinstance(codes, dict) else {}


def _write() -> None:
    """Keep what this run compiled (with what the cache held), replacing the file in one step."""
    path = _cache_file()
    if path is None or not _codes:
        return
    codes = _codes if len(_codes) <= _KEEP else {s: c for s, c in _codes.items() if s in _used}
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        temporary.write_bytes(marshal.dumps(codes))
        os.replace(temporary, path)
    except (OSError, ValueError):
        try:
            temporary.unlink()
        except OSError:
            pass
