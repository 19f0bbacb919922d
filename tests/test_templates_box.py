"""Templates from ``bcalc report --templates DIR`` are boxed: read only from inside DIR, as UTF-8
text, and stopped with exit 2 naming the file when they run too long, write too much or build a value
too large; a copy of the bundled templates still renders the bundled report byte for byte."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bcalc.cli import app
from bcalc.render.report_md import env

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "zorgrobots.yaml"
runner = CliRunner()


def _report(tmp_path: Path, folder: Path, lang: str = "en"):
    """The report (in English unless told: the refusals are checked by the messages' English text)."""
    out = tmp_path / "out.md"
    started = time.monotonic()
    result = runner.invoke(app, ["report", str(CASE), "--md", str(out), "--templates", str(folder), "--lang", lang])
    return result, out, time.monotonic() - started


def _refused(tmp_path: Path, folder: Path, file: Path, *words: str, line: int | None = None) -> float:
    result, out, took = _report(tmp_path, folder)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    where = f"{file}:{line}: template:" if line is not None else f"{file}: template:"
    assert where in result.output, result.output
    for word in words:
        assert word in result.output, result.output
    assert not out.exists()
    return took


def _folder(tmp_path: Path, text: str | bytes, name: str = "report_summary.md.j2") -> tuple[Path, Path]:
    folder = tmp_path / "tpl"
    folder.mkdir()
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return folder, path


def test_a_copy_of_the_bundled_templates_renders_the_bundled_report(tmp_path):
    folder = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", folder)
    result, out, _ = _report(tmp_path, folder, "nl")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == (ROOT / "tests" / "golden" / "zorgrobots.md").read_text(encoding="utf-8")


# ---- reading ----------------------------------------------------------------------------------


def test_a_template_that_is_not_utf8_names_file_and_line(tmp_path):
    folder, path = _folder(tmp_path, "## 1. Samenvatting\n\nok\nCaf\xe9\n".encode("latin-1"))
    _refused(tmp_path, folder, path, "not UTF-8", "0xe9", "column 4", line=4)


def test_a_link_out_of_the_folder_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET\n", encoding="utf-8")
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "report_summary.md.j2").symlink_to(secret)
    _refused(tmp_path, folder, folder / "report_summary.md.j2", "link", "out of the templates folder")


def test_an_include_of_a_link_out_of_the_folder_is_refused(tmp_path):
    folder, _ = _folder(tmp_path, '## 1. Samenvatting\n\n{% include "leak.md.j2" %}\n')
    (folder / "leak.md.j2").symlink_to("/etc/hostname" if Path("/etc/hostname").exists() else sys.executable)
    _refused(tmp_path, folder, folder / "leak.md.j2", "out of the templates folder")


def test_a_link_inside_the_folder_is_followed(tmp_path):
    folder, _ = _folder(tmp_path, "## 1. Mijn samenvatting\n", name="mine.md.j2")
    (folder / "report_summary.md.j2").symlink_to("mine.md.j2")
    result, out, _ = _report(tmp_path, folder)
    assert result.exit_code == 0, result.output
    assert "\n## 1. Mijn samenvatting\n" in out.read_text(encoding="utf-8")


def test_a_template_that_is_no_regular_file_is_refused(tmp_path):
    folder = tmp_path / "tpl"
    (folder / "report_summary.md.j2").mkdir(parents=True)
    _refused(tmp_path, folder, folder / "report_summary.md.j2", "not a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_does_not_hang_the_report(tmp_path):
    folder = tmp_path / "tpl"
    folder.mkdir()
    os.mkfifo(folder / "report_summary.md.j2")
    assert _refused(tmp_path, folder, folder / "report_summary.md.j2", "not a regular file") < 30


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_template_names_the_file(tmp_path):
    folder, path = _folder(tmp_path, "## 1. Samenvatting\n")
    path.chmod(0)
    try:
        _refused(tmp_path, folder, path, "cannot read")
    finally:
        path.chmod(0o644)


def test_a_template_too_large_is_refused(tmp_path):
    folder, path = _folder(tmp_path, "x" * (env.MAX_TEMPLATE_BYTES + 1))
    _refused(tmp_path, folder, path, "larger than 1 MiB")


# ---- running ----------------------------------------------------------------------------------

# Generous against a slow machine: the bound is MAX_SECONDS of rendering after the computation.
WITHIN = env.MAX_SECONDS + 20


def test_nested_loops_stop_after_the_time_limit(tmp_path):
    loops = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    folder, path = _folder(tmp_path, f"## 1. Samenvatting\n\n{loops}\n")
    took = _refused(tmp_path, folder, path, f"longer than {env.MAX_SECONDS} s", line=3)
    assert env.MAX_SECONDS <= took < WITHIN


def test_lipsum_stops_after_the_time_limit(tmp_path):
    # text made and thrown away: nothing grows, so only the clock can stop it
    folder, path = _folder(tmp_path, "## 1. Samenvatting\n\n{% for i in range(100000) %}{% for j in range(100000) %}"
                                     "{% if lipsum(5) %}{% endif %}{% endfor %}{% endfor %}\n")
    took = _refused(tmp_path, folder, path, f"longer than {env.MAX_SECONDS} s", line=3)
    assert took < WITHIN


def test_output_stops_at_the_size_limit(tmp_path):
    folder, path = _folder(tmp_path, '## 1. Samenvatting\n\n{% for i in range(100000) %}{{ "x" * 1000 }}\n{% endfor %}\n')
    took = _refused(tmp_path, folder, path, "more than 10 MiB", line=3)
    assert took < WITHIN


def test_template_text_in_a_loop_stops_at_the_size_limit(tmp_path):
    loops = "{% for a in range(100000) %}{% for b in range(100000) %}" + "x" * 50 + "{% endfor %}{% endfor %}"
    folder, _ = _folder(tmp_path, f"## 1. Samenvatting\n\n{loops}\n")
    result, out, took = _report(tmp_path, folder)
    assert result.exit_code == 2 and "more than 10 MiB" in result.output, result.output
    assert not out.exists() and took < WITHIN


@pytest.mark.parametrize("expression", ['"x" * 10**9', "2 ** 1000000000", '"x"|center(10**9)', '"x".ljust(10**9)',
                                        '"%0999999999d" % 1'])
def test_a_value_too_large_is_refused_before_it_is_built(tmp_path, expression):
    folder, path = _folder(tmp_path, f"## 1. Samenvatting\n\n{{{{ {expression} }}}}\n")
    took = _refused(tmp_path, folder, path, "stopped", line=3)
    assert took < env.MAX_SECONDS  # refused at once, not stopped by the clock


def test_doubling_in_a_loop_is_stopped(tmp_path):
    text = ('{% set ns = namespace(s="ab") %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}'
            "{{ ns.s|length }}")
    folder, path = _folder(tmp_path, f"## 1. Samenvatting\n\n{text}\n")
    _refused(tmp_path, folder, path, "stopped", line=3)


def test_deep_recursion_is_stopped(tmp_path):
    folder, path = _folder(tmp_path, "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(1) }}\n")
    _refused(tmp_path, folder, path, "nest too deep", line=1)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the memory cap is Linux's RLIMIT_AS")
def test_a_huge_join_fails_on_the_memory_cap(tmp_path):
    parts = " ~ ".join(["x"] * 130)  # 130 x 10 million characters: more than the 1 GiB allowed
    folder, path = _folder(tmp_path, f'## 1. Samenvatting\n\n{{% set x = "a" * 10000000 %}}{{{{ ({parts})|length }}}}\n')
    _refused(tmp_path, folder, path, "memory", line=3)
