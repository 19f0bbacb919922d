"""bcalc catalogue diff: what a new price list changes, field by field, with old and new figures."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pytest

from bcalc.core.catalogue_diff import catalogue_diff
from bcalc.loader import load_catalogue
from conftest import ROOT, bad, ok, line_of

MEDIDO_INSTALL = '''      - id: installatie
        ref: C08
        label: Installatie
        written: "€39"
        amount: 39
'''
MEDIDO_PICKUP = '''      - id: ophalen
        ref: C09
        label: Ophalen (de installatie)
        written: "€29"
        amount: 29
        vat: excl
        basis: unit
        timing: at_removal
        category: one_off
        source: "001:564"
'''


@pytest.fixture
def folders(tmp_path, monkeypatch):
    monkeypatch.setenv("BCALC_CACHE", "off")
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(ROOT / "data", old)
    shutil.copytree(ROOT / "data", new)
    text = (new / "suppliers.yaml").read_text(encoding="utf-8")
    assert text.count(MEDIDO_INSTALL) == 1 and text.count(MEDIDO_PICKUP) == 1
    # a new quote for the Medido installation (EUR 39 -> EUR 45, from another source line), the
    # pick-up item dropped, and the Medido entry as a new product under another id
    text = text.replace(MEDIDO_INSTALL, MEDIDO_INSTALL.replace('"€39"', '"€45"').replace("amount: 39", "amount: 45"))
    text = text.replace(MEDIDO_PICKUP, "")
    text = text.replace('    source: "001:562-571"\n', '    source: "001:562-572"\n', 1)
    (new / "suppliers.yaml").write_text(text, encoding="utf-8")
    return old, new


def test_the_changes_field_by_field(folders):
    old, new = folders
    changes = catalogue_diff(load_catalogue(old), load_catalogue(new))
    shown = [(c.what, c.product, c.part, c.id, c.field) for c in changes]
    assert shown == [
        ("changed", "medido", "product", "medido", "source"),
        ("removed", "medido", "item", "ophalen", ""),
        ("changed", "medido", "item", "installatie", "price"),
    ]
    price = changes[2]
    assert (price.old.written, str(price.old.amount), price.new.written, str(price.new.amount)) == \
           ("€39", "39", "€45", "45")
    assert (changes[0].old, changes[0].new) == ("001:562-571", "001:562-572")


def test_json_and_table(folders):
    old, new = folders
    data = json.loads(ok("catalogue", "diff", old, new, "--format", "json").stdout)
    assert data["format"] == "bcalc.catalogue-diff/1"
    install = data["changes"][2]
    assert (install["old"]["written"], install["old"]["amount"], install["new"]["amount"]) == ("€39", "39", "45")
    assert data["changes"][1]["old"]["source"] == "001:564"  # the removed item with its source line
    table = " ".join(ok("catalogue", "diff", old / "suppliers.yaml", new, "--lang", "en").stdout.split())
    assert "€39 (39) │ €45 (45)" in table
    assert "Ophalen (de installatie) · €29 · 001:564" in table


def test_no_differences(tmp_path):
    assert "Geen verschillen" in ok("catalogue", "diff", ROOT / "data", ROOT / "data").stdout


def test_a_broken_catalogue_is_reported_with_its_line(folders):
    old, new = folders
    path = new / "suppliers.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("amount: 45", "amount: veertig", 1), encoding="utf-8")
    line = line_of(path, "amount: veertig")
    assert f"{path}:{line}: " in bad("catalogue", "diff", old, new).stderr


# ---- versions of an item: a new price list beside the old one -------------------------------------

VERSIONS = ROOT / "tests" / "catalogues" / "versions"  # the Medido rent in two versions; EUR 65,00 is made up


def _with_versions(folder):
    """data/ with the Medido of the test catalogue (its rent until 2027-06, and from 2027-07 at a made-up
    EUR 65,00 of document 900) in the place of the bundled one."""
    test = (VERSIONS / "suppliers.yaml").read_text(encoding="utf-8")
    path = folder / "suppliers.yaml"
    text = path.read_text(encoding="utf-8")
    doc = test[test.index('  "900":'):test.index("\nproducts:")]
    at = text.index("\nproducts:")
    text = text[:at] + "\n" + doc + text[at:]
    start, end = text.index("  - id: medido\n"), text.index("  # ---- 1.2 zorgrobots")
    text = text[:start] + test[test.index("  - id: medido\n"):] + "\n" + text[end:]
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def versioned(tmp_path, monkeypatch):
    monkeypatch.setenv("BCALC_CACHE", "off")
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(ROOT / "data", old)
    shutil.copytree(ROOT / "data", new)
    _with_versions(new)
    return old, new


def test_a_new_version_is_not_a_change_in_place(versioned):
    old, new = versioned
    changes = catalogue_diff(load_catalogue(old), load_catalogue(new))
    assert [(c.what, c.product, c.part, c.id, c.field) for c in changes] == [
        ("changed", "medido", "item", "huur", "valid_until"),   # the old price list closed
        ("version", "medido", "item", "huur", ""),              # the new one beside it
    ]
    closed, version = changes
    assert (closed.old, closed.new) == (None, "2027-06")
    was, now = version.old, version.new
    assert (was.item.price.written, was.item.price.amount, was.price_year, was.item.source, was.item.valid_until) == \
           ("€62,40", Decimal("62.40"), 2021, "001:568", "2027-06")
    assert (now.item.price.written, now.item.price.amount, now.price_year, now.item.source, now.item.valid_from) == \
           ("€65,00", Decimal("65.00"), 2027, "900:3", "2027-07")


def test_a_new_version_in_json_and_table(versioned):
    old, new = versioned
    data = json.loads(ok("catalogue", "diff", old, new, "--format", "json").stdout)
    version = data["changes"][1]
    assert (version["what"], version["id"], version["field"]) == ("version", "huur", None)
    assert {k: version["old"][k] for k in ("source", "price_year", "valid_from", "valid_until")} == \
           {"source": "001:568", "price_year": 2021, "valid_from": None, "valid_until": "2027-06"}
    assert (version["old"]["price"]["amount"], version["new"]["price"]["amount"]) == ("62.4", "65")
    assert {k: version["new"][k] for k in ("source", "price_year", "valid_from", "valid_until")} == \
           {"source": "900:3", "price_year": 2027, "valid_from": "2027-07", "valid_until": None}
    table = " ".join(ok("catalogue", "diff", old, new).stdout.split())
    assert "gewijzigd kostenpost │ huur │ valid_until │ - │ 2027-06 │" in table
    assert ("nieuwe versie kostenpost │ huur │ │ €62,40 (62.4) · prijspeil 2021 · 001:568 · geldig t/m 2027-06 │ "
            "€65,00 (65) · prijspeil 2027 · 900:3 · geldig vanaf 2027-07 │") in table


def test_a_third_version_follows_the_one_it_closes(versioned, tmp_path):
    """From the two versions to three: the 2027-07 version closed at 2027-12, a new one from 2028-01
    (a made-up EUR 67,00)."""
    _, before = versioned
    after = tmp_path / "after"
    shutil.copytree(before, after)
    path = after / "suppliers.yaml"
    text = path.read_text(encoding="utf-8")
    third = ('      - id: huur\n        ref: C11\n        label: Maandelijkse huur\n        written: "€67,00"\n'
             '        amount: 67.00\n        vat: excl\n        basis: unit\n        timing: monthly\n'
             '        category: recurring\n        source: "900:4"\n        valid_from: 2028-01\n')
    text = text.replace('        source: "900:3"\n        valid_from: 2027-07\n',
                        '        source: "900:3"\n        valid_from: 2027-07\n        valid_until: 2027-12\n' + third)
    path.write_text(text, encoding="utf-8")
    changes = catalogue_diff(load_catalogue(before), load_catalogue(after))
    assert [(c.what, c.id, c.field) for c in changes] == [("changed", "huur", "valid_until"), ("version", "huur", "")]
    assert (changes[0].old, changes[0].new) == (None, "2027-12")
    assert (changes[1].old.item.source, changes[1].old.item.valid_until, changes[1].new.item.source) == \
           ("900:3", "2027-12", "900:4")


def test_a_changed_amount_of_one_version_is_a_change_in_place(versioned, tmp_path):
    _, before = versioned
    after = tmp_path / "after"
    shutil.copytree(before, after)
    path = after / "suppliers.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('        written: "€65,00"\n        amount: 65.00\n',
                                 '        written: "€66,00"\n        amount: 66.00\n'), encoding="utf-8")
    changes = catalogue_diff(load_catalogue(before), load_catalogue(after))
    assert [(c.what, c.id, c.field) for c in changes] == [("changed", "huur", "price")]
    assert (changes[0].old.amount, changes[0].new.amount) == (Decimal("65.00"), Decimal("66.00"))
