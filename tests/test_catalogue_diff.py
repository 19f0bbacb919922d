"""bcalc catalogue diff: what a new price list changes, field by field, with old and new figures."""

from __future__ import annotations

import json
import shutil

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
