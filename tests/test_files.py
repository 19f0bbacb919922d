"""Output files and the terminal: names that do not fit, closed pipes, control characters in text,
permissions, concurrent writers, signals, devices, links and a full disk."""

from __future__ import annotations

import errno
import io
import json
import multiprocessing
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from rich.style import Style
from rich.text import Text

from bcalc import writefile
from bcalc.errors import InputError
from bcalc.render.console import make_console
from bcalc.terminal import CleanWriter, clean
import conftest
from conftest import ENGLISH, WIDE_ENV


def invoke(*args, env: dict | None = None):
    """bcalc in English: the refusals are checked by the English text of their messages."""
    return conftest.invoke(*args, env=env or {**WIDE_ENV, **ENGLISH})

ROOT = Path(__file__).resolve().parents[1]
DISPENSERS = ROOT / "examples" / "medicijndispensers.yaml"
BCALC = [sys.executable, "-m", "bcalc"]
# every control character but tab and newline, raw
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

def expect(result, code: int):
    assert result.exit_code == code, f"exit {result.exit_code}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.output and "unexpected error" not in result.output
    return result


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp"))


def subprocess_env() -> dict:
    return {**os.environ, **WIDE_ENV, **ENGLISH, "PYTHONPATH": str(ROOT)}


# ---- 7: a file name longer than the file system allows ---------------------------------------


@pytest.mark.parametrize("args", [("report", DISPENSERS, "--md"), ("report", DISPENSERS, "--xlsx"), ("init",)])
def test_name_too_long_is_bad_input_naming_the_file(tmp_path, args):
    target = tmp_path / ("a" * 256 + ".md")
    result = expect(invoke(*args, target), 2)
    assert f"{target}: cannot write here: File name too long" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_name_too_long_in_a_folder_name(tmp_path):
    target = tmp_path / ("d" * 300) / "case.yaml"
    result = expect(invoke("init", target), 2)
    assert str(target) in result.stderr and "File name too long" in result.stderr


@pytest.mark.parametrize("name", ["b" * 250, "é" * 125 + ".yaml"])  # 250 and 255 bytes: they fit
def test_longest_names_that_fit_are_written(tmp_path, name):
    assert len(name.encode()) <= 255
    expect(invoke("init", tmp_path / name), 0)
    assert (tmp_path / name).read_text(encoding="utf-8").startswith("#")
    assert leftovers(tmp_path) == []


# ---- 8: output into a closed pipe -----------------------------------------------------------


@pytest.mark.parametrize("args", [
    ("estimate",),
    ("estimate", "--format", "json"),
    ("compare", DISPENSERS),
    ("scenarios", DISPENSERS),
    ("catalogue", "list"),
    ("catalogue", "show", "medido"),
    ("funding", "list"),
    ("funding", "show", "H139"),
    ("--help",),
    ("estimate", "--help"),
    ("catalogue", "--help"),
])
def test_closed_pipe_ends_quietly_with_status_141(args):
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line: every write meets EPIPE
    try:
        done = subprocess.run([*BCALC, *map(str, args)], stdout=write_end, stderr=subprocess.PIPE,
                              env=subprocess_env(), timeout=120)
    finally:
        os.close(write_end)
    assert done.stderr == b""
    assert done.returncode == 141  # 128 + SIGPIPE, as a shell reports for cat or seq


def test_pipe_read_in_part_then_closed():
    with subprocess.Popen([*BCALC, "catalogue", "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=subprocess_env()) as proc:
        first = proc.stdout.readline()
        proc.stdout.close()
        errors = proc.stderr.read()
        code = proc.wait(timeout=120)
    assert first.strip()
    assert errors == b""
    assert code in (0, 141)  # 0 when everything fitted in the pipe before it was closed


# ---- 15: control characters in text reach the terminal as visible characters -----------------


def test_clean_replaces_each_control_character_by_one_visible_one():
    assert clean("a\x1b]0;title\x07b\x1b[2J") == "a␛]0;title␇b␛[2J"
    assert clean("x\x00\r\x08\x0b\x0c\x7f\x9b\x85y") == "x␀␍␈␋␌␡\ufffd\ufffdy"
    normal = "Zorggroep Noord · € 1.234,56\tcliënt\nregel 2 – ±"
    assert clean(normal) is normal


def test_clean_writer_cleans_and_passes_the_rest_through():
    out = io.StringIO()
    w = CleanWriter(out)
    print("T\x1b[2J", file=w)
    w.writelines(["\x9b", "ok\n"])
    w.flush()
    assert out.getvalue() == "T␛[2J\n\ufffdok\n"
    assert w.getvalue() == out.getvalue()  # other attributes are the stream's


def test_rich_console_shows_no_escape_but_its_own_colours():
    out = io.StringIO()
    console = make_console(out, force_terminal=True, color_system="standard")  # rich adds its colours
    console.print(Text("title\x1b]0;pwned\x1b\\ and \x9b2J", style="bold"))
    console.print("[link=https://example.org]click[/link] \x1b[2J")
    console.print(Text("linked", style=Style(link="https://example.org")))
    shown = out.getvalue()
    escapes = re.findall(r"\x1b[^A-Za-z]*[A-Za-z]?", shown)
    assert escapes and all(re.fullmatch(r"\x1b\[[0-9;]*m", e) for e in escapes), escapes
    assert "]8;" not in shown  # no hyperlink
    assert "title␛]0;pwned␛\\ and \ufffd2J" in shown and "click ␛[2J" in shown


EVIL = {
    "case: Medicijndispensers wijkteams Noord": 'case: "Noord\\e]0;pwned\\a"',
    "organisation: Zorggroep Voorbeeld": 'organisation: "Zorggroep\\e[2J"',
    "- label: Minder medicatierondes": '- label: "Minder\\x9b2J rondes\\x7f"',
}
SHOWN = {  # the same texts as they are shown: one visible character for each control character
    "case: Medicijndispensers wijkteams Noord": 'case: "Noord␛]0;pwned␇"',
    "organisation: Zorggroep Voorbeeld": 'organisation: "Zorggroep␛[2J"',
    "- label: Minder medicatierondes": '- label: "Minder\ufffd2J rondes␡"',
}


def _case(tmp_path: Path, name: str, swaps: dict) -> Path:
    text = DISPENSERS.read_text(encoding="utf-8")
    for old, new in swaps.items():
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_control_characters_in_case_text_never_reach_the_terminal(tmp_path, fmt):
    evil = _case(tmp_path, "evil.yaml", EVIL)
    shown = _case(tmp_path, "shown.yaml", SHOWN)
    got = invoke("estimate", evil, "--format", fmt)
    if got.exit_code == 2:  # refusing the text with its line is the other safe answer
        assert re.search(rf"{re.escape(str(evil))}:\d+: ", got.stderr)
        assert not CONTROL.search(got.stderr)
        return
    expect(got, 0)
    assert not CONTROL.search(got.stdout)
    want = expect(invoke("estimate", shown, "--format", fmt), 0).stdout.replace(str(shown), str(evil))
    if fmt == "table":  # rich drops BEL from the title itself; the rest is the same, figures and all
        assert "Noord␛]0;pwned" in got.stdout.splitlines()[0]
        assert got.stdout.splitlines()[1:] == want.splitlines()[1:]
    elif fmt == "json":  # JSON writes C0 as \u001b by its own rules, which keeps the text as it was
        data = json.loads(got.stdout)
        assert data["case"] == "Noord\x1b]0;pwned\x07"
        assert _cleaned(data) == json.loads(want)
    else:
        assert got.stdout == want


def _cleaned(value):
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {k: _cleaned(v) for k, v in value.items()}
    return value


def test_markup_in_case_text_is_shown_as_written(tmp_path):
    # rich reads [..] as markup: "[/x]" was an error (exit 1), "[link=..]" a hyperlink
    label = "Minder [/x] rondes [red]rood [link=https://example.org]hier[/link]"
    case = _case(tmp_path, "markup.yaml", {"- label: Minder medicatierondes": f'- label: "{label}"'})
    got = expect(invoke("estimate", case), 0)
    assert label in got.stdout


def test_control_characters_in_catalogue_text_never_reach_the_terminal(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "tariffs.yaml").write_text((ROOT / "data" / "tariffs.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    suppliers = (ROOT / "data" / "suppliers.yaml").read_text(encoding="utf-8")
    assert "    name: Medido\n" in suppliers
    (data / "suppliers.yaml").write_text(suppliers.replace("    name: Medido\n", '    name: "Medido\\e]0;x\\a"\n'),
                                         encoding="utf-8")
    for args in (("catalogue", "list"), ("catalogue", "show", "medido"), ("catalogue", "list", "-f", "json"),
                 ("estimate", DISPENSERS), ("estimate", DISPENSERS, "-f", "markdown")):
        got = invoke(*args, "--catalogue", data)
        if got.exit_code == 2:
            assert re.search(rf"suppliers.yaml:\d+: ", got.stderr) and not CONTROL.search(got.stderr)
            continue
        expect(got, 0)
        assert not CONTROL.search(got.stdout), args
        # Markdown output also escapes the bracket (bcalc.render.mdtext)
        assert any(shown in got.stdout for shown in ("Medido␛]0;x", "Medido\\u001b]0;x", "Medido␛\\]0;x")), args


def test_control_characters_in_file_names_are_shown_not_obeyed(tmp_path):
    missing = tmp_path / "no\x1b[2J.yaml"
    got = expect(invoke("estimate", missing), 2)
    assert not CONTROL.search(got.stderr) and "no␛[2J.yaml" in got.stderr
    target = tmp_path / "case\x1b]0;x\x07.md"
    got = expect(invoke("report", DISPENSERS, "--md", target), 0)
    assert target.exists()
    assert not CONTROL.search(got.stdout) and "case␛]0;x␇.md" in got.stdout


# ---- 17: --force keeps the permissions of the file it replaces --------------------------------


@pytest.fixture
def umask022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_force_keeps_the_mode_of_the_replaced_file(tmp_path, umask022, mode):
    for args, name in ((("init",), "case.yaml"), (("report", DISPENSERS, "--md"), "case.md")):
        target = tmp_path / name
        target.write_text("old\n")
        target.chmod(mode)
        expect(invoke(*args, target, "--force"), 0)
        assert target.read_text(encoding="utf-8") != "old\n"
        assert stat.S_IMODE(target.stat().st_mode) == mode, (name, oct(target.stat().st_mode))


def test_a_new_file_gets_the_mode_of_the_umask(tmp_path, umask022):
    expect(invoke("init", tmp_path / "case.yaml"), 0)
    assert stat.S_IMODE((tmp_path / "case.yaml").stat().st_mode) == 0o644
    os.umask(0o077)
    expect(invoke("init", tmp_path / "private.yaml"), 0)
    assert stat.S_IMODE((tmp_path / "private.yaml").stat().st_mode) == 0o600


# ---- 18: two writers of the same new file: exactly one wins ----------------------------------

BIG = 4_000_000  # large enough that writing takes longer than checking the name (without an exclusive create about half the rounds end with two winners)


def _race_thread(target: Path, rounds: int):
    for n in range(rounds):
        target.unlink(missing_ok=True)
        barrier = threading.Barrier(2)
        outcome: dict[str, str] = {}

        def write(who: str):
            barrier.wait()
            try:
                writefile.write_atomic(target, who.encode() * (BIG // len(who)))
                outcome[who] = "ok"
            except InputError as exc:
                outcome[who] = str(exc)

        threads = [threading.Thread(target=write, args=(who,)) for who in ("first", "second")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        winners = [who for who, said in outcome.items() if said == "ok"]
        assert len(winners) == 1, (n, outcome)
        loser = "second" if winners == ["first"] else "first"
        assert outcome[loser] == f"{target}: exists already; use --force to overwrite it"
        assert target.read_bytes() == winners[0].encode() * (BIG // len(winners[0]))
        assert leftovers(target.parent) == []


def test_two_threads_writing_one_new_file(tmp_path):
    _race_thread(tmp_path / "report.md", 25)


def _race_process(target: str, who: str, barrier, results):
    barrier.wait()
    try:
        writefile.write_atomic(Path(target), who.encode() * (BIG // len(who)))
        results.put((who, "ok"))
    except InputError as exc:
        results.put((who, str(exc)))


def test_two_processes_writing_one_new_file(tmp_path):
    ctx = multiprocessing.get_context("fork")
    target = tmp_path / "report.md"
    for n in range(10):
        target.unlink(missing_ok=True)
        barrier, results = ctx.Barrier(2), ctx.Queue()
        procs = [ctx.Process(target=_race_process, args=(str(target), who, barrier, results))
                 for who in ("first", "second")]
        for p in procs:
            p.start()
        outcome = dict(results.get(timeout=60) for _ in procs)
        for p in procs:
            p.join(timeout=60)
        winners = [who for who, said in outcome.items() if said == "ok"]
        assert len(winners) == 1, (n, outcome)
        assert target.read_bytes() == winners[0].encode() * (BIG // len(winners[0]))
        assert leftovers(tmp_path) == []


def test_force_writers_both_succeed_and_one_whole_file_remains(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old")
    errors = []

    def write(who: str):
        try:
            writefile.write_atomic(target, who.encode() * (BIG // len(who)), force=True)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(who,)) for who in ("first", "second")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert target.read_bytes() in (b"first" * (BIG // 5), b"second" * (BIG // 6))
    assert leftovers(tmp_path) == []


# ---- 19: a signal while writing leaves no temporary file -------------------------------------

# The child sends itself the signal right after a temporary file is created, the moment at which
# the file exists but may not yet be known to the code that cleans up.
SIGNAL_CHILD = """
import os, signal, sys
real_open = os.open
def open_then_signal(path, flags, mode=0o777, **kw):
    fd = real_open(path, flags, mode, **kw)
    name = os.path.basename(os.fsdecode(path))
    if name.startswith(".") and name.endswith(".tmp"):
        os.kill(os.getpid(), signal.{sig})
    return fd
os.open = open_then_signal
sys.argv = ["bcalc", *sys.argv[1:]]
from bcalc.cli import main
main()
"""


def _signals_as_in_a_terminal():
    # a shell starts background jobs with SIGINT ignored, and bcalc keeps an ignored signal
    # ignored: give the child the disposition an interactive user has
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT", "SIGHUP"])
@pytest.mark.parametrize("args", [("init",), ("report", DISPENSERS, "--md")], ids=["init", "report"])
def test_signal_while_writing_removes_the_temporary_file(tmp_path, sig, args):
    target = tmp_path / "out.md"
    done = subprocess.run([sys.executable, "-c", SIGNAL_CHILD.format(sig=sig), *map(str, args), str(target)],
                          capture_output=True, env=subprocess_env(), timeout=120, cwd=tmp_path,
                          preexec_fn=_signals_as_in_a_terminal)
    signum = getattr(signal, sig)
    assert done.returncode in (-signum, 128 + signum), (done.returncode, done.stderr)
    assert b"Traceback" not in done.stderr and b"unexpected error" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # neither the temporary file nor the target


def test_an_ignored_hangup_stays_ignored(tmp_path):
    target = tmp_path / "out.yaml"
    child = "import signal; signal.signal(signal.SIGHUP, signal.SIG_IGN)\n" + SIGNAL_CHILD.format(sig="SIGHUP")
    done = subprocess.run([sys.executable, "-c", child, "init", str(target)], capture_output=True,
                          env=subprocess_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert target.exists() and leftovers(tmp_path) == []


def test_ctrl_c_while_computing_ends_as_sigint_without_a_word():
    child = """
import os, signal, sys
import bcalc.app
def estimate(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)
bcalc.app.estimate = estimate
sys.argv = ["bcalc", "estimate"]
from bcalc.cli import main
main()
"""
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, env=subprocess_env(), timeout=120,
                          preexec_fn=_signals_as_in_a_terminal)
    assert done.returncode == -signal.SIGINT, (done.returncode, done.stderr)
    assert done.stderr == b""  # no traceback, no "Aborted!"


# ---- 20: devices, pipes, sockets and links are not replaced ----------------------------------


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.md"
    os.mkfifo(path)
    return path


def _socket(folder: Path) -> Path:
    path = folder / "sock.md"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(path))
    s.close()
    return path


@pytest.mark.parametrize("make", [_fifo, _socket], ids=["fifo", "socket"])
@pytest.mark.parametrize("force", [False, True])
def test_special_files_are_refused(tmp_path, make, force):
    target = make(tmp_path)
    kind = stat.S_IFMT(target.lstat().st_mode)
    for args in (("report", DISPENSERS, "--md"), ("init",)):
        got = expect(invoke(*args, target, *(["--force"] if force else [])), 2)
        assert f"{target}: is not a regular file" in got.stderr
        assert stat.S_IFMT(target.lstat().st_mode) == kind  # still the pipe or socket it was
    assert leftovers(tmp_path) == []


def test_a_character_device_is_refused_before_anything_is_written():
    # checked, not written: the refusal comes before any temporary file in the device's folder
    with pytest.raises(InputError) as caught:
        writefile.check_writable(Path(os.devnull), force=True)
    assert str(caught.value) == f"{os.devnull}: is not a regular file (a device, pipe or socket); " \
                                "bcalc writes regular files only"


@pytest.mark.parametrize("force", [False, True])
def test_a_symbolic_link_is_neither_followed_nor_replaced(tmp_path, force):
    real = tmp_path / "real.md"
    real.write_text("mine")
    for link_to in (real, tmp_path / "missing.md"):
        link = tmp_path / "link.md"
        link.unlink(missing_ok=True)
        link.symlink_to(link_to)
        got = expect(invoke("report", DISPENSERS, "--md", link, *(["--force"] if force else [])), 2)
        assert f"{link}: is a symbolic link" in got.stderr
        assert link.is_symlink() and real.read_text() == "mine"
        assert not (tmp_path / "missing.md").exists()
    assert leftovers(tmp_path) == []


# ---- 21: a full disk names the file ----------------------------------------------------------


def test_disk_full_names_the_file_and_leaves_nothing(tmp_path, monkeypatch):
    calls = []

    def full(fd, data):
        calls.append(fd)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(writefile.os, "write", full)
    md, xlsx = tmp_path / "case.md", tmp_path / "case.xlsx"
    got = expect(invoke("report", DISPENSERS, "--md", md, "--xlsx", xlsx), 2)
    assert calls
    assert got.stderr.strip() == f"{xlsx}: cannot write: No space left on device"
    assert list(tmp_path.iterdir()) == []


def test_second_document_fails_none_appears(tmp_path, monkeypatch):
    real_write = os.write
    seen = []

    def second_fails(fd, data):
        inode = os.fstat(fd).st_ino
        if inode not in seen:
            seen.append(inode)
        if len(seen) > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(writefile.os, "write", second_fails)
    md, xlsx = tmp_path / "case.md", tmp_path / "case.xlsx"
    got = expect(invoke("report", DISPENSERS, "--xlsx", xlsx, "--md", md), 2)
    assert got.stderr.strip() == f"{md}: cannot write: No space left on device"
    assert list(tmp_path.iterdir()) == []


def test_file_size_limit_names_the_file(tmp_path):
    # a real write error from the kernel: the file may not grow past 4 KiB (EFBIG)
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    target = tmp_path / "case.md"
    done = subprocess.run([*BCALC, "report", str(DISPENSERS), "--md", str(target)], capture_output=True, text=True,
                          env=subprocess_env(), timeout=120, preexec_fn=limit)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == f"{target}: cannot write: File too large"
    assert list(tmp_path.iterdir()) == []
