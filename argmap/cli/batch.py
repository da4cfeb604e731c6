"""Many files in one command: whatever goes wrong with one file is one line naming it, and the rest go on."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

from .errors import CommandError

DEFAULT_TIMEOUT = 120.0  # seconds per file: minutes more than the largest real map takes
MESSAGE_LIMIT = 300  # characters of an unexpected exception's message in its line


class FileTimeout(Exception):
    """One file of a batch took longer than its time limit."""


def _expired(signum: int, frame: FrameType | None) -> None:
    raise FileTimeout()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`FileTimeout` in the block after ``seconds`` (0: no limit).  Where there is no
    interval timer (Windows) or outside the main thread the block runs without a limit."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return
    try:
        old = signal.signal(signal.SIGALRM, _expired)
    except ValueError:  # not the main thread
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def failure_line(src: str, error: BaseException, timeout: float) -> str:
    """The one line that says why ``src`` failed."""
    from argmap.io.errors import MapFileError

    if isinstance(error, MapFileError):
        return str(error)
    if isinstance(error, CommandError):
        return f"{src}: {error}"
    if isinstance(error, FileTimeout):
        return f"{src}: not done after {timeout:g} s, given up (--timeout sets the limit)"
    return f"{src}: {internal_error(error)}"


def internal_error(error: BaseException) -> str:
    """``internal error: TYPE: message (...)`` on one line, the message shortened to a few lines' worth."""
    message = " ".join(str(error).split())
    if len(message) > MESSAGE_LIMIT:
        message = message[: MESSAGE_LIMIT - 1] + "…"
    return f"internal error: {type(error).__name__}: {message} (run with --debug for details)"


def attempt(src: str, work: Callable[[], None], timeout: float = DEFAULT_TIMEOUT, debug: bool = False) -> str | None:
    """``work()`` for the file ``src`` within ``timeout`` seconds: None when it finished, else the one
    line that says why not.  With ``debug`` an unexpected exception propagates with its traceback."""
    from argmap.io.errors import MapFileError  # the file layer loads when a command runs, not for --help

    try:
        with time_limit(timeout):
            work()
    except (MapFileError, CommandError, FileTimeout) as e:
        return failure_line(src, e, timeout)
    except Exception as e:  # noqa: BLE001 - any failure of one file must not stop the others
        if debug:
            raise
        return failure_line(src, e, timeout)
    return None


def run_each(
    jobs: Sequence[tuple[str, str]],
    work: Callable[[str, str], None],
    timeout: float = DEFAULT_TIMEOUT,
    debug: bool = False,
    noun: str = "files",
) -> int:
    """``work(src, dst)`` for each job, each within ``timeout`` seconds; a failure is printed as one
    line naming the file and the next job runs.  Returns 1 when any failed (after a line counting
    them), else 0."""
    failed = 0
    for src, dst in jobs:
        line = attempt(src, lambda: work(src, dst), timeout, debug)  # noqa: B023 - called at once
        if line is not None:
            print(f"argmap: {line}", file=sys.stderr)
            failed += 1
    if failed:
        print(f"argmap: {failed} of {len(jobs)} {noun} failed", file=sys.stderr)
    return 1 if failed else 0


def add_timeout_option(p: argparse.ArgumentParser) -> None:
    """``--timeout SECONDS`` on a batch command's parser."""
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"give up a file after S seconds and go on with the next (default {DEFAULT_TIMEOUT:g}; 0: no limit)",
    )


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 or a positive number of seconds: {text!r}")
    return value
