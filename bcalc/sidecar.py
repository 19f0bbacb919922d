"""The workbook written on a second core while the first computes and writes the Markdown.

``bcalc report`` with both documents spends as long importing openpyxl and writing the workbook as
on all its analyses. Where the system can fork (Linux, macOS), a child process is started before the
analyses: it imports the workbook renderer while the parent computes, receives the finished report
bundle (pickled, through a pipe), renders the workbook and sends its bytes back while the parent
renders the Markdown. The child computes nothing itself, writes no file and prints nothing; the
parent writes both documents as before. Whatever goes wrong in the child (it dies, a renderer
raises), the parent renders the workbook itself, so the outcome is the same as without it.
``BCALC_PARALLEL=off`` switches it off.
"""

from __future__ import annotations

import os
import pickle


class Sidecar:
    """A child that renders one workbook; ``send`` the bundle, then ``workbook()`` for its bytes
    (None when the child could not deliver: render it yourself)."""

    def __init__(self, lang: str):
        self.lang = lang
        self.pid = None
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for fd in (to_child_r, self._to_child, self._from_child, from_child_w):
                os.close(fd)
            self._to_child = self._from_child = None
            return
        if pid == 0:  # the child: never returns
            os.close(self._to_child)
            os.close(self._from_child)
            _child(to_child_r, from_child_w, lang)
        os.close(to_child_r)
        os.close(from_child_w)
        self.pid = pid

    def send(self, bundle) -> None:
        if self.pid is None or self._to_child is None:
            return
        try:
            with os.fdopen(self._to_child, "wb") as pipe:
                pickle.dump(bundle, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # the child is gone: the parent renders the workbook
            pass
        self._to_child = None

    def workbook(self) -> bytes | None:
        if self.pid is None or self._from_child is None:
            return None
        try:
            with os.fdopen(self._from_child, "rb") as pipe:
                self._from_child = None
                answer = pickle.load(pipe)
        except Exception:
            answer = None
        self._reap()
        return answer if isinstance(answer, bytes) else None

    def close(self) -> None:
        """Stop the child if it is still waiting (the parent failed before sending)."""
        for name in ("_to_child", "_from_child"):
            fd = getattr(self, name)
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
                setattr(self, name, None)
        self._reap()

    def _reap(self) -> None:
        if self.pid is not None:
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            self.pid = None


def _child(inbox: int, outbox: int, lang: str) -> None:
    """Import the renderer, wait for the bundle, render, answer; exit without running any of the
    parent's exit handlers or flushing its buffers."""
    code = 1
    try:
        from bcalc.render import xlsx as xlsx_render  # the import is what runs while the parent computes

        with os.fdopen(inbox, "rb") as pipe:
            data = pipe.read()
        if data:
            content = xlsx_render.render(pickle.loads(data), lang)
            with os.fdopen(outbox, "wb") as pipe:
                pickle.dump(content, pipe, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
    except BaseException:  # the parent renders it again and reports what goes wrong
        pass
    os._exit(code)


def start(lang: str) -> Sidecar | None:
    """A sidecar where the system can fork and it is not switched off; None otherwise."""
    if not hasattr(os, "fork") or os.environ.get("BCALC_PARALLEL", "").lower() == "off":
        return None
    side = Sidecar(lang)
    return side if side.pid is not None else None
