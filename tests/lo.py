"""Recalculate a workbook in LibreOffice headless and read back the values of its defined names."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest

_PROFILE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """LibreOffice, or a skip with the reason; under CI a missing LibreOffice is a failure."""
    path = soffice()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required under CI: .ci/run installs libreoffice-calc-nogui")
        pytest.skip("LibreOffice (soffice) is not installed; apt-get install libreoffice-calc-nogui")
    return path


def recalc(xlsx: Path, workdir: Path) -> Path:
    """Open the workbook in LibreOffice with 'always recalculate', save it again, return the new file."""
    exe = require_soffice()
    profile = workdir / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE_XCU, encoding="utf-8")
    out = workdir / "recalculated"
    out.mkdir(exist_ok=True)
    cmd = [exe, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
           "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(xlsx)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    result = out / xlsx.name
    assert result.exists(), f"LibreOffice did not write {result}: {proc.stdout}\n{proc.stderr}"
    return result


def named_values(xlsx: Path) -> dict[str, Decimal]:
    """The value of every single-cell defined name, as Decimal rounded to cents where numeric."""
    from openpyxl import load_workbook

    wb = load_workbook(xlsx, data_only=True)
    out: dict[str, Decimal] = {}
    for name, dn in wb.defined_names.items():
        dests = list(dn.destinations)
        if len(dests) != 1:
            continue
        sheet, ref = dests[0]
        if ":" in ref:
            continue
        value = wb[sheet][ref.replace("$", "")].value
        if isinstance(value, (int, float)):
            out[name] = Decimal(repr(value))
    return out
