"""The workbook rendered by a child process (bcalc.sidecar) is the one the parent would render, and
the parent renders it itself when the child cannot deliver."""

from __future__ import annotations

import os
import zipfile

import pytest

from bcalc import sidecar
from conftest import ROOT, ok

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here: the report renders in one process")
CASE = ROOT / "examples" / "medicijndispensers.yaml"


def _parts(path) -> dict[str, bytes]:
    """The parts of a workbook, without the creation time openpyxl stamps in docProps/core.xml."""
    with zipfile.ZipFile(path) as book:
        return {n: book.read(n) for n in book.namelist() if n != "docProps/core.xml"}


def _report(folder, monkeypatch, parallel: str):
    monkeypatch.setenv("BCALC_PARALLEL", parallel)
    folder.mkdir()
    ok("report", CASE, "--xlsx", folder / "r.xlsx", "--md", folder / "r.md")
    return _parts(folder / "r.xlsx"), (folder / "r.md").read_text(encoding="utf-8")


def test_the_child_renders_the_same_workbook(tmp_path, monkeypatch):
    started = []
    original = sidecar.start
    monkeypatch.setattr(sidecar, "start", lambda lang: started.append(original(lang)) or started[-1])
    together = _report(tmp_path / "on", monkeypatch, "on")
    assert started and started[0] is not None  # a child did render it
    alone = _report(tmp_path / "off", monkeypatch, "off")
    assert together == alone
    assert started[1:] == [None]  # switched off: no child


def test_a_child_that_fails_leaves_the_workbook_to_the_parent(tmp_path, monkeypatch):
    monkeypatch.setattr(sidecar, "_child", lambda inbox, outbox, lang: os._exit(3))
    failed = _report(tmp_path / "failed", monkeypatch, "on")
    alone = _report(tmp_path / "off", monkeypatch, "off")
    assert failed == alone


def test_a_child_that_is_never_sent_anything_ends():
    side = sidecar.start("nl")
    assert side is not None
    pid = side.pid
    side.close()  # as when the analyses raise before the bundle is ready
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no child of that number is left
