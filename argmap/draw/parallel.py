"""Two pieces of work at once on a machine with a spare core: one in a forked child process.

Only for a command that owns its process (``argmap export`` of one map): the child is a copy
of this process made with ``os.fork``, computes one string and hands it back through a pipe.
Anything that goes wrong on that side (no ``fork`` on the platform, no second core, a failed
fork, a child that dies or answers short) makes this process do the work itself, so the result
never depends on whether the child helped.
"""
from __future__ import annotations

import os
import sys
from typing import Callable

_HEADER = 8  # bytes: the length of the answer, so that a child cut short is noticed


def fork_safe() -> bool:
    """Can this process fork a helper: ``os.fork`` exists, a second core is there, and no other
    thread runs (Qt's, a test runner's) whose locks a forked child could inherit held."""
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return False
    threading = sys.modules.get("threading")
    return "PySide6.QtCore" not in sys.modules and (threading is None or threading.active_count() == 1)


def both(first: Callable[[], str], second: Callable[[], str]) -> tuple[str, str]:
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
