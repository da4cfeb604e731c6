"""Atomic file writes: temporary file in the same folder, flush, fsync, rename."""
from __future__ import annotations

import os
from itertools import count

from .errors import MapFileError

# temporary names are ".<name>.<pid>.<n>.tmp" (made with O_EXCL, so never someone else's file): a
# hidden file beside the target, on the same file system, so that os.replace() is atomic
_serial = count()
_ATTEMPTS = 100


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
