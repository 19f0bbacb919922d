"""bcalc.record: records behave as frozen dataclasses, and their compiled methods are kept between runs."""

from __future__ import annotations

import dataclasses
from dataclasses import FrozenInstanceError, dataclass, field
from decimal import Decimal

import pytest

from bcalc import record as record_module
from bcalc.record import record


def _declare(decorator):
    @decorator
    class Line:
        item: str
        amount: Decimal
        year: int = 2027
        parts: dict = field(default_factory=dict)
        where: tuple = field(default=(), compare=False, repr=False)

    return Line


Rec = _declare(record)
Ref = _declare(dataclass(frozen=True))


def test_repr_equality_and_hash_as_a_frozen_dataclass():
    a = Rec("huur", Decimal("62.40"), where=("deployments", 0))
    ref = Ref("huur", Decimal("62.40"), where=("deployments", 0))
    assert repr(a) == repr(ref).replace("Ref", "Rec") == "_declare.<locals>.Line(item='huur', amount=Decimal('62.40'), year=2027, parts={})"
    assert a == Rec("huur", Decimal("62.40"), where=("elsewhere",))  # `where` is not compared
    assert a != Rec("huur", Decimal("62.41"))
    assert a != ref  # another class is never equal, as with dataclasses
    b = Rec("huur", Decimal("62.40"), 2028, {}, ())
    assert a != b and b.year == 2028


def test_hash_is_the_hash_of_the_compared_fields():
    @record
    class Key:
        code: str
        year: int
        note: str = field(default="", compare=False)

    assert hash(Key("H139", 2027, "a")) == hash(("H139", 2027)) == hash(Key("H139", 2027, "b"))
    with pytest.raises(TypeError):  # a dict inside makes it unhashable, as with dataclasses
        hash(Rec("huur", Decimal(1)))


def test_frozen():
    a = Rec("huur", Decimal(1))
    with pytest.raises(FrozenInstanceError):
        a.amount = Decimal(2)
    with pytest.raises(FrozenInstanceError):
        del a.item
    with pytest.raises(FrozenInstanceError):
        a.extra = 1


def test_defaults_factories_replace_and_fields():
    a, b = Rec("x", Decimal(1)), Rec("y", Decimal(2))
    assert a.parts == {} and a.parts is not b.parts  # a fresh dict for each
    c = dataclasses.replace(a, amount=Decimal(5))
    assert (c.item, c.amount, c.year) == ("x", Decimal(5), 2027)
    assert [f.name for f in dataclasses.fields(Rec)] == ["item", "amount", "year", "parts", "where"]
    assert Rec.__match_args__ == ("item", "amount", "year", "parts", "where")
    with pytest.raises(TypeError):
        Rec("x")  # amount has no default


def test_a_class_with_its_own_init():
    @record(init=False)
    class Message:
        code: str
        pairs: tuple

        def __init__(self, code: str, **params) -> None:
            object.__setattr__(self, "code", code)
            object.__setattr__(self, "pairs", tuple(params.items()))

    assert Message("m", a=1) == Message("m", a=1) != Message("m", a=2)
    assert repr(Message("m", a=1)) == "test_a_class_with_its_own_init.<locals>.Message(code='m', pairs=(('a', 1),))"


def test_methods_a_record_makes_itself_are_refused():
    with pytest.raises(TypeError, match="__eq__"):
        @record
        class Own:
            a: int

            def __eq__(self, other):
                return True

    with pytest.raises(TypeError, match="init=False"):
        @record
        class Init:
            a: int

            def __init__(self):
                pass


# ---- the cache of compiled methods -------------------------------------------------------------


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder and nothing read from it yet."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("BCALC_CACHE", raising=False)
    monkeypatch.setattr(record_module, "_codes", None)
    monkeypatch.setattr(record_module, "_added", True)  # no exit hook in the test process
    return tmp_path / "bcalc" / record_module._CACHE_NAME


def _no_compiling(*args, **kwargs):
    raise AssertionError("compiled although the cache holds the source")


def test_a_second_start_takes_the_methods_from_the_cache(fresh_cache, monkeypatch):
    _declare(record)
    record_module._write()
    assert fresh_cache.is_file()
    monkeypatch.setattr(record_module, "_codes", None)  # as a new process: read the file again
    monkeypatch.setattr(record_module, "compile", _no_compiling, raising=False)
    again = _declare(record)
    assert again("a", Decimal(1)) == again("a", Decimal(1))


def test_a_changed_class_is_compiled_again(fresh_cache, monkeypatch):
    _declare(record)
    record_module._write()
    monkeypatch.setattr(record_module, "_codes", None)
    monkeypatch.setattr(record_module, "compile", _no_compiling, raising=False)
    with pytest.raises(AssertionError, match="compiled"):
        @record
        class Other:  # a class the cache has not seen
            a: int


def test_a_damaged_cache_is_passed_by(fresh_cache):
    fresh_cache.parent.mkdir(parents=True)
    fresh_cache.write_bytes(b"\x00not marshal data")
    cls = _declare(record)
    assert cls("a", Decimal(1)).year == 2027
    record_module._write()  # and replaced by a good one
    assert record_module._read().keys() == record_module._codes.keys()


def test_no_cache_when_switched_off(fresh_cache, monkeypatch):
    monkeypatch.setenv("BCALC_CACHE", "off")
    _declare(record)
    record_module._write()
    assert not fresh_cache.exists()


def test_old_versions_are_dropped_when_the_cache_grows(fresh_cache, monkeypatch):
    monkeypatch.setattr(record_module, "_KEEP", 3)
    monkeypatch.setattr(record_module, "_used", set())
    for n in range(5):  # five versions of a class, as after five edits
        record(type(f"Edited{n}", (), {"__annotations__": {f"f{n}": "int"}}))
    record_module._write()
    assert len(record_module._read()) == 5  # five used in this run: all kept
    monkeypatch.setattr(record_module, "_codes", None)
    monkeypatch.setattr(record_module, "_used", set())
    record(type("Edited4", (), {"__annotations__": {"f4": "int"}}))
    record_module._write()
    assert len(record_module._read()) == 1  # over the limit: only what this run used


def test_post_init_runs_after_the_fields_are_set():
    @record
    class Model:
        case: str
        memo: object = field(default=None, compare=False, repr=False)

        def __post_init__(self) -> None:
            if self.memo is None:
                object.__setattr__(self, "memo", {"case": self.case})

    assert Model("a").memo == {"case": "a"}
    assert Model("a", memo=[1]).memo == [1]
    assert Model("a") == Model("a", memo=[2]) and repr(Model("a")) == "test_post_init_runs_after_the_fields_are_set.<locals>.Model(case='a')"
