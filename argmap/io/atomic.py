"""Atomic file writes: temporary file in the same folder, flush, fsync, rename."""

from __future__ import annotations

import os
import time
from itertools import count

from .errors import MapFileError

# temporary names are ".<name>.<pid>.<n>.tmp" (made with O_EXCL, so never someone else's file): a
# hidden file beside the target, on the same file system, so that os.replace() is atomic
_serial = count()
_ATTEMPTS = 100
_ABANDONED_AFTER = 24 * 3600  # seconds: a temporary file this old is left over, whoever made it


def _abandoned(entry: os.DirEntry[str], pid: int) -> bool:
    """Whether a temporary file of ours was left by a save that never finished (its process is
    gone, or it is a day old); one of this process's own is never abandoned."""
    if pid == os.getpid():
        return False
    try:
        if time.time() - entry.stat().st_mtime > _ABANDONED_AFTER:
            return True
    except OSError:
        return False
    if os.name != "posix":  # elsewhere os.kill() does not just ask whether a process exists
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # there, but another user's
        return False
    return False


def remove_leftovers(folder: str, name: str) -> None:
    """Remove the temporary files that saves of ``name`` killed half-way left in ``folder``."""
    prefix = f".{name}."
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
                    continue
                pid, _, serial = entry.name[len(prefix) : -4].partition(".")
                if pid.isdigit() and serial.isdigit() and _abandoned(entry, int(pid)):
                    try:
                        os.unlink(entry.path)
                    except OSError:
                        pass
    except OSError:
        pass


def _create_temp(folder: str, name: str) -> tuple[int, str]:
    """A new, empty file beside the target, open for writing (mode 0600, like ``tempfile.mkstemp``)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(_ATTEMPTS):
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.{next(_serial)}.tmp")
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:  # left over by a crashed process that had the same pid
            continue
    raise FileExistsError(f"no free temporary name for {name} in {folder}")


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new one, never half."""
    p = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(p))
    fd = -1
    tmp = ""
    try:
        fd, tmp = _create_temp(folder, os.path.basename(p))
        with os.fdopen(fd, "wb") as f:
            fd = -1
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if os.path.exists(p):
            try:
                os.chmod(tmp, os.stat(p).st_mode & 0o7777)
            except OSError:
                pass
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, p)
        tmp = ""
        remove_leftovers(folder, os.path.basename(p))
        try:
            dfd = os.open(folder, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(dfd)
        except OSError:
            pass
        finally:
            os.close(dfd)
    except OSError as e:
        raise MapFileError(p, "", f"cannot write: {e.strerror or e}") from None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp and os.path.exists(tmp):
            try:
                os.unlink(tmp)
            except OSError:
                pass


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
