"""Work on a spare core: forked copies of this process that compute while this one goes on.

Only for a command that owns its process (``argmap export`` of one map), which says so with
:func:`grant`; library calls, the GUI and the tests' own process never fork.  A child is a copy
of this process made with ``os.fork``: it sees the data of the moment it was made and hands its
answers back through a pipe.  Anything that goes wrong on that side (no ``fork`` on the
platform, no second core, a failed fork, a child that dies or answers short) makes this process
do the work itself, so a result never depends on whether a child helped.

- :func:`both` runs two functions that return strings at once (the SVG writer's two layers).
- :class:`Helper` answers a stream of requests in order (the layout's crossing counts and
  compaction trials), while this process goes on and collects the answers when it needs them.
"""
from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, TypeVar

    T = TypeVar("T")


_HEADER = 8  # bytes: the length of an answer or request, so that a child cut short is noticed
_granted = False


class HelperLost(Exception):
    """A helper process died, closed its pipe or answered short: do its work here."""


def grant(on: bool = True) -> bool:
    """Let (or stop letting) this process fork helpers; returns the previous setting.  Only the
    owner of the whole process may grant it: ``argmap export`` of one map does."""
    global _granted
    old, _granted = _granted, on
    return old


def fork_safe() -> bool:
    """Can this process fork a helper: ``os.fork`` exists, a second core is there, and no other
    thread runs (Qt's, a test runner's) whose locks a forked child could inherit held."""
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return False
    threading = sys.modules.get("threading")
    return "PySide6.QtCore" not in sys.modules and (threading is None or threading.active_count() == 1)


def usable() -> bool:
    """Helpers are granted and safe to fork now."""
    return _granted and fork_safe()


def both(first: Callable[[], str], second: Callable[[], T]) -> tuple[str, T]:
    """``(first(), second())``, with ``first`` run in a forked child while this process runs
    ``second``; whatever goes wrong with the child, ``first`` runs here instead."""
    try:
        r, w = os.pipe()
    except OSError:
        return first(), second()
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return first(), second()
    if pid == 0:  # the child: answer through the pipe and leave at once (no atexit, no stdio flush)
        status = 1
        try:
            os.close(r)
            data = first().encode("utf-8", "surrogatepass")
            with os.fdopen(w, "wb") as out:
                out.write(len(data).to_bytes(_HEADER, "little"))
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(w)
    try:
        mine = second()
    except BaseException:
        os.close(r)  # a child still writing gets a broken pipe and leaves
        os.waitpid(pid, 0)
        raise
    with os.fdopen(r, "rb") as inp:
        data = inp.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or len(data) < _HEADER or int.from_bytes(data[:_HEADER], "little") != len(data) - _HEADER:
        return first(), mine
    return data[_HEADER:].decode("utf-8", "surrogatepass"), mine


class Helper:
    """A forked copy of this process that answers requests (bytes) with ``handler``, one after
    the other, while this process goes on.  :meth:`send` never waits for an answer; :meth:`receive`
    returns the answers in the order of the requests.  ``handler`` and all it reads are the
    child's copies as they were at the fork.  Use :func:`start`, which returns None when no
    helper can be had, and close the helper when done (it is a context manager)."""

    def __init__(self, handler: Callable[[bytes], bytes]) -> None:
        req_r, req_w = os.pipe()
        try:
            ans_r, ans_w = os.pipe()
        except OSError:
            os.close(req_r)
            os.close(req_w)
            raise
        try:
            pid = os.fork()
        except OSError:
            for fd in (req_r, req_w, ans_r, ans_w):
                os.close(fd)
            raise
        if pid == 0:  # the child: serve until the requests end, then leave at once
            status = 1
            try:
                os.close(req_w)
                os.close(ans_r)
                _serve(req_r, ans_w, handler)
                status = 0
            finally:
                os._exit(status)
        os.close(req_r)
        os.close(ans_w)
        os.set_blocking(req_w, False)  # a full request pipe: read answers while waiting (no deadlock)
        os.set_blocking(ans_r, False)
        self.pid: int | None = pid
        self._owner = os.getpid()  # a copy of this object in a later fork is not the helper's parent
        self._req, self._ans = req_w, ans_r
        self._got = bytearray()  # answers read from the pipe, not yet taken

    def send(self, data: bytes) -> None:
        """Queue one request; raises :class:`HelperLost` when the helper is gone."""
        if self.pid is None or os.getpid() != self._owner:
            raise HelperLost("helper closed")
        view = memoryview(len(data).to_bytes(_HEADER, "little") + data)
        while view:
            try:
                view = view[os.write(self._req, view):]
            except BlockingIOError:  # the pipe is full: wait until it takes more, taking answers meanwhile
                from select import select  # (only here: the module takes a millisecond to load)

                readable, _, _ = select([self._ans], [self._req], [])
                if readable:
                    self._read()
            except OSError as e:  # a broken pipe: the child has left
                raise HelperLost(str(e)) from None

    def receive(self) -> bytes:
        """The answer to the oldest request not yet answered (waits for it); raises
        :class:`HelperLost` when the helper died or closed its pipe first."""
        if self.pid is None or os.getpid() != self._owner:
            raise HelperLost("helper closed")
        while True:
            got = self._got
            if len(got) >= _HEADER:
                n = int.from_bytes(got[:_HEADER], "little")
                if len(got) >= _HEADER + n:
                    answer = bytes(got[_HEADER:_HEADER + n])
                    del got[:_HEADER + n]
                    return answer
            self._read(wait=True)  # every request is written in full: the helper will answer

    def ready(self) -> bool:
        """Is the next answer here already (so that :meth:`receive` would not wait)?  Never waits;
        raises :class:`HelperLost` when the helper is gone."""
        if self.pid is None or os.getpid() != self._owner:
            raise HelperLost("helper closed")
        self._read()
        got = self._got
        return len(got) >= _HEADER and len(got) >= _HEADER + int.from_bytes(got[:_HEADER], "little")

    def _read(self, wait: bool = False) -> None:
        """Add what the answer pipe holds to the answers read (``wait``: at least something)."""
        try:
            if wait:
                os.set_blocking(self._ans, True)
                try:
                    chunk = os.read(self._ans, 1 << 16)
                finally:
                    os.set_blocking(self._ans, False)
            else:
                chunk = os.read(self._ans, 1 << 16)
        except BlockingIOError:
            return
        except OSError as e:
            raise HelperLost(str(e)) from None
        if not chunk:
            raise HelperLost("the helper left")
        self._got += chunk

    def close(self) -> None:
        """Stop the helper (whatever it is doing: nothing it does is needed any more) and reap it."""
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        os.close(self._req)
        os.close(self._ans)
        if os.getpid() != self._owner:  # an inherited copy: the helper is not ours to stop
            return
        try:
            os.kill(pid, 9)  # SIGKILL: the child holds nothing that needs cleaning up
        except OSError:
            pass
        os.waitpid(pid, 0)

    def __enter__(self) -> "Helper":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start(handler: Callable[[bytes], bytes]) -> Helper | None:
    """A :class:`Helper` running ``handler`` when helpers are granted and safe, else None."""
    if not usable():
        return None
    try:
        return Helper(handler)
    except OSError:
        return None


def _serve(inp: int, out: int, handler: Callable[[bytes], bytes]) -> None:
    """The child's loop: a request in, its answer out, until the parent closes the requests."""
    while True:
        head = _read_exact(inp, _HEADER)
        if head is None:
            return
        data = _read_exact(inp, int.from_bytes(head, "little"))
        if data is None:
            raise HelperLost("request cut short")
        answer = handler(data)
        view = memoryview(len(answer).to_bytes(_HEADER, "little") + answer)
        while view:
            view = view[os.write(out, view):]


def _read_exact(fd: int, n: int) -> bytes | None:
    """``n`` bytes from ``fd`` (blocking), or None at the end of the stream."""
    parts = []
    while n:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            return None
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)

