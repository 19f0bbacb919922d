"""The catalogues kept between runs (bcalc.loadcache): the same load as from the files, and never a stale one."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from bcalc import loadcache, loader
from bcalc.errors import InputError
from conftest import ROOT


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A copy of the bundled catalogues and an empty cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("BCALC_CACHE", raising=False)
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def _no_reading(directory):
    raise AssertionError("read the YAML files although a kept load is current")


def medido_rent(catalogue) -> Decimal:
    item = next(i for i in catalogue.products["medido"].items if i.id == "huur")
    return item.price.amount


def test_a_second_load_is_the_kept_one_and_equal_to_a_fresh_one(folder, monkeypatch):
    first = loader.load_catalogues(folder)
    assert list((folder.parent / "cache" / "bcalc").glob("catalogue-*.pickle"))
    monkeypatch.setattr(loader, "_load_catalogues", _no_reading)
    kept = loader.load_catalogues(folder)
    assert kept == first  # every product, item, price, tier, source line and tariff
    assert medido_rent(kept[0]) == Decimal("62.40")  # 001:568, as read from the file
    assert kept[0].path == first[0].path == str(folder / "suppliers.yaml")


def test_an_edited_catalogue_is_read_again(folder):
    loader.load_catalogues(folder)
    suppliers = folder / "suppliers.yaml"
    text = suppliers.read_text(encoding="utf-8")
    assert text.count("62.40") >= 1
    suppliers.write_text(text.replace("amount: 62.40", "amount: 63.40", 1), encoding="utf-8")
    assert medido_rent(loader.load_catalogues(folder)[0]) == Decimal("63.40")


def test_a_catalogue_with_problems_is_never_kept(folder):
    tariffs = folder / "tariffs.yaml"
    good = tariffs.read_text(encoding="utf-8")
    tariffs.write_text(good + "\nnonsense_key: 1\n", encoding="utf-8")
    for _ in range(2):  # reported at every run
        with pytest.raises(InputError) as caught:
            loader.load_catalogues(folder)
        assert "nonsense_key" in str(caught.value)
    assert not list((folder.parent / "cache" / "bcalc").glob("catalogue-*.pickle"))


def test_a_damaged_kept_load_is_passed_by(folder):
    first = loader.load_catalogues(folder)
    for kept in (folder.parent / "cache" / "bcalc").glob("catalogue-*.pickle"):
        kept.write_bytes(b"not a pickle")
    assert loader.load_catalogues(folder) == first


def test_switched_off(folder, monkeypatch):
    monkeypatch.setenv("BCALC_CACHE", "off")
    loader.load_catalogues(folder)
    assert not (folder.parent / "cache" / "bcalc").exists()
    assert loadcache.get(folder)[1] is None
