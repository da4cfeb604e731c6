"""Recovery copies of unsaved maps and the locks of open files, kept in one folder of the user's data.

A recovery entry is a normal ``.argmap.json`` file plus a small sidecar JSON (which file the map belongs to,
its name, when it was written, and which process wrote it), so the file format knows nothing of recovery.
A lock says which process has a map file open. Both name their owner by pid, host and process start time:
an entry or lock whose owner is gone is left over from a crash (entries) or stale (locks).
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import socket
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import ArgumentMap
from .atomic import atomic_write_text
from .native import EXTENSION, dumps, load_map

SIDECAR = ".recovery.json"
LOCK = ".lock"
SIDECAR_FORMAT = "argmap-recovery"


def _started(pid: int) -> str:
    """When the process started, as the kernel counts it (Linux), or "" where that cannot be read: with
    the pid it tells a process from a later one that was given the same pid."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            stat = fh.read()
    except OSError:
        return ""
    # the command name (field 2) is in parentheses and may hold spaces; the start time is field 22
    fields = stat[stat.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else ""


def _pid_running(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        # os.kill(pid, 0) would end the process on Windows: ask the kernel for its exit code instead
        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            ok = kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class Owner:
    """The process that wrote a recovery entry or holds a lock."""

    pid: int
    host: str
    started: str = ""

    @classmethod
    def current(cls) -> Owner:
        return cls(os.getpid(), socket.gethostname(), _started(os.getpid()))

    def is_current(self) -> bool:
        me = Owner.current()
        return self.pid == me.pid and self.host == me.host and (not self.started or self.started == me.started)

    def is_alive(self) -> bool:
        """Whether the process may still be running. A process on another host cannot be asked, so it
        counts as running: its entries and locks are left to that host's argmap."""
        if self.host != socket.gethostname():
            return True
        if not _pid_running(self.pid):
            return False
        return not self.started or self.started == _started(self.pid)

    def to_json(self) -> dict[str, Any]:
        return {"pid": self.pid, "host": self.host, "started": self.started}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Owner:
        pid, host, started = data.get("pid"), data.get("host"), data.get("started", "")
        if (
            not isinstance(pid, int)
            or isinstance(pid, bool)
            or not isinstance(host, str)
            or not isinstance(started, str)
        ):
            raise ValueError("owner needs an integer pid and a host name")
        return cls(pid, host, started)


@dataclass(frozen=True)
class RecoveryEntry:
    """One recovery copy: the map file and what its sidecar says about it."""

    key: str
    map_path: Path
    original: str | None  # the map's own file, or None for an untitled map
    title: str
    saved: float  # seconds since the epoch
    owner: Owner


def _read_json(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return data


class RecoveryStore:
    """The recovery folder: ``<key>.argmap.json`` with ``<key>.recovery.json`` per unsaved map, and
    ``locks/<hash>.lock`` per open map file."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    @staticmethod
    def new_key() -> str:
        return uuid.uuid4().hex

    def map_path(self, key: str) -> Path:
        return self.directory / f"{key}{EXTENSION}"

    def sidecar_path(self, key: str) -> Path:
        return self.directory / f"{key}{SIDECAR}"

    # ------------------------------------------------------------ entries
    def write(self, key: str, amap: ArgumentMap, original: str | None, title: str) -> Path:
        """Write (or replace) the recovery copy ``key`` atomically; returns the copy's path.
        Raises MapFileError or OSError when the folder cannot be written."""
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.map_path(key)
        # the map first: a sidecar always describes a complete copy
        atomic_write_text(path, dumps(amap))
        sidecar = {
            "format": SIDECAR_FORMAT,
            "version": 1,
            "original": original,
            "title": title,
            "saved": time.time(),
            "owner": Owner.current().to_json(),
        }
        atomic_write_text(self.sidecar_path(key), json.dumps(sidecar, ensure_ascii=False, indent=2) + "\n")
        return path

    def remove(self, key: str) -> None:
        """Forget the recovery copy ``key`` (nothing happens when there is none), with any temporary file a
        write of it that was interrupted (the process killed) left behind; no other process writes ``key``."""
        leftovers = (
            [
                p
                for name in (self.sidecar_path(key).name, self.map_path(key).name)
                for p in self.directory.glob(f".{name}.*.tmp")
            ]
            if self.directory.is_dir()
            else []
        )
        for path in (self.sidecar_path(key), self.map_path(key), *leftovers):
            try:
                path.unlink()
            except FileNotFoundError:
                pass

    def entry(self, key: str) -> RecoveryEntry | None:
        """The entry ``key``, or None when it is missing or its sidecar cannot be read."""
        sidecar, path = self.sidecar_path(key), self.map_path(key)
        try:
            data = _read_json(sidecar)
            if data.get("format") != SIDECAR_FORMAT or not path.is_file():
                return None
            original, title, saved = data.get("original"), data.get("title"), data.get("saved")
            if original is not None and not isinstance(original, str):
                return None
            if not isinstance(title, str) or not isinstance(saved, (int, float)) or isinstance(saved, bool):
                return None
            owner = data.get("owner")
            return RecoveryEntry(
                key, path, original, title, float(saved), Owner.from_json(owner if isinstance(owner, dict) else {})
            )
        except (OSError, ValueError):
            return None

    def entries(self) -> list[RecoveryEntry]:
        """Every readable entry, newest first."""
        try:
            names = sorted(p.name for p in self.directory.iterdir() if p.name.endswith(SIDECAR))
        except OSError:
            return []
        found = [e for e in (self.entry(n[: -len(SIDECAR)]) for n in names) if e is not None]
        return sorted(found, key=lambda e: e.saved, reverse=True)

    def orphaned(self, own_keys: frozenset[str] | set[str] = frozenset()) -> list[RecoveryEntry]:
        """The entries no running argmap looks after: their writer crashed, was killed, or was kept for
        later by an earlier start. ``own_keys`` are this process's own entries."""
        return [e for e in self.entries() if e.key not in own_keys and (e.owner.is_current() or not e.owner.is_alive())]

    def load(self, entry: RecoveryEntry) -> ArgumentMap:
        """The recovered map; raises MapFileError when the copy cannot be read."""
        return load_map(entry.map_path)

    # -------------------------------------------------------------- locks
    def lock_path(self, path: str | os.PathLike[str]) -> Path:
        name = os.path.normcase(os.path.abspath(os.fspath(path))).encode("utf-8", "surrogatepass")
        return self.directory / "locks" / (hashlib.sha256(name).hexdigest()[:32] + LOCK)

    def lock_holder(self, path: str | os.PathLike[str]) -> Owner | None:
        """The other running process that has ``path`` open, or None. A stale lock (its process is gone)
        is removed on the way."""
        lock = self.lock_path(path)
        try:
            owner = Owner.from_json(_read_json(lock))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            owner = None
        if owner is not None and owner.is_current():
            return None
        if owner is not None and owner.is_alive():
            return owner
        try:
            lock.unlink()
        except OSError:
            pass
        return None

    def take_lock(self, path: str | os.PathLike[str]) -> None:
        """Mark ``path`` as open in this process; raises MapFileError or OSError."""
        lock = self.lock_path(path)
        lock.parent.mkdir(parents=True, exist_ok=True)
        record = {"path": os.path.abspath(os.fspath(path)), **Owner.current().to_json()}
        atomic_write_text(lock, json.dumps(record, ensure_ascii=False) + "\n")

    def release_lock(self, path: str | os.PathLike[str]) -> None:
        """Drop this process's lock on ``path``; another process's lock is left alone."""
        lock = self.lock_path(path)
        try:
            owner = Owner.from_json(_read_json(lock))
        except (OSError, ValueError):
            return
        if owner.is_current():
            try:
                lock.unlink()
            except OSError:
                pass


__all__ = ["Owner", "RecoveryEntry", "RecoveryStore"]
