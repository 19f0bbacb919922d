"""The compiled bundled templates are kept between runs; the report is the same with, without and
despite a broken cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from bcalc import app
from bcalc.render import report_md

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "medicijndispensers.yaml"


@pytest.fixture(scope="module")
def bundle():
    return app.report(app.load(EXAMPLE))


def _cached(root: Path) -> list[Path]:
    return sorted(root.glob("bcalc/templates-*/__jinja2_*.cache"))


def test_the_cache_is_filled_once_and_gives_the_same_report(bundle, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("BCALC_CACHE", raising=False)
    first = report_md.render(bundle, "nl")
    files = _cached(tmp_path)
    templates = sorted((Path(__file__).resolve().parents[1] / "templates").glob("report*.md.j2"))
    assert len(files) == len(templates) == 14       # report.md.j2, its twelve chapters and the appendix
    stamps = [f.stat().st_mtime_ns for f in files]
    second = report_md.render(bundle, "nl")
    assert second == first
    assert [f.stat().st_mtime_ns for f in _cached(tmp_path)] == stamps   # read, not written again
    monkeypatch.setenv("BCALC_CACHE", "off")
    assert report_md.render(bundle, "nl") == first


def test_a_damaged_or_unwritable_cache_is_passed_by(bundle, tmp_path, monkeypatch):
    monkeypatch.setenv("BCALC_CACHE", "off")
    expected = report_md.render(bundle, "en")
    monkeypatch.delenv("BCALC_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    report_md.render(bundle, "en")
    for f in _cached(tmp_path):
        f.write_bytes(b"j2 not a compiled template")
    assert report_md.render(bundle, "en") == expected
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert report_md.render(bundle, "en") == expected
