"""Recovery copies and file locks, without Qt: written atomically, listed when their writer is gone, removed."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.io import dumps, load_map
from argmap.io.recovery import Owner, RecoveryStore
from argmap.model import ArgumentMap, Kind, Statement


def small_map(title: str = "Trees") -> ArgumentMap:
    amap = ArgumentMap()
    amap.add_statement(Statement(id="c1", kind=Kind.CONCLUSION, title=title, text="Plant more street trees."))
    return amap


@pytest.fixture
def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.fixture
def live_pid() -> Iterator[int]:
    """The pid of another process that is running for the length of the test."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield proc.pid
    proc.kill()
    proc.wait()


def set_owner(path: Path, pid: int, field: str | None = "owner") -> None:
    """Rewrite a sidecar's (or, with field None, a lock's) owner as process ``pid`` on this host."""
    data = json.loads(path.read_text(encoding="utf-8"))
    owner = {"pid": pid, "host": socket.gethostname(), "started": ""}
    if field is None:
        data.update(owner)
    else:
        data[field] = owner
    path.write_text(json.dumps(data), encoding="utf-8")


def test_write_makes_a_normal_map_and_a_sidecar(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    amap = small_map()
    path = store.write("k1", amap, str(tmp_path / "trees.argmap.json"), "trees")
    assert path.parent == tmp_path / "recovery" and path.name.endswith(".argmap.json")
    assert dumps(load_map(path)) == dumps(amap)
    [entry] = store.entries()
    assert (entry.key, entry.original, entry.title, entry.map_path) == (
        "k1",
        str(tmp_path / "trees.argmap.json"),
        "trees",
        path,
    )
    assert entry.owner.is_current()
    assert dumps(store.load(entry)) == dumps(amap)


def test_rewriting_replaces_the_copy_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write("k1", small_map("first"), None, "Untitled")
    store.write("k1", small_map("second"), None, "Untitled")
    [entry] = store.entries()
    assert entry.original is None
    assert store.load(entry).statements["c1"].title == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k1.argmap.json", "k1.recovery.json"]


def test_remove_forgets_the_entry(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write("k1", small_map(), None, "Untitled")
    store.write("k2", small_map(), None, "Other")
    store.remove("k1")
    store.remove("missing")
    assert [e.key for e in store.entries()] == ["k2"]
    assert not store.map_path("k1").exists()


def test_remove_also_clears_what_an_interrupted_write_left(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write("k1", small_map(), None, "Untitled")
    (tmp_path / ".k1.argmap.json.4242.0.tmp").write_text("{half a ma", encoding="utf-8")
    (tmp_path / ".k2.argmap.json.4242.1.tmp").write_text("{", encoding="utf-8")
    store.remove("k1")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".k2.argmap.json.4242.1.tmp"]


def test_entries_skip_broken_sidecars_and_missing_maps(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write("good", small_map(), None, "Good")
    store.write("nomap", small_map(), None, "No map")
    store.map_path("nomap").unlink()
    (tmp_path / "junk.recovery.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "list.recovery.json").write_text("[]", encoding="utf-8")
    assert [e.key for e in store.entries()] == ["good"]
    assert RecoveryStore(tmp_path / "absent").entries() == []


def test_orphaned_lists_entries_whose_writer_is_gone(tmp_path: Path, dead_pid: int, live_pid: int) -> None:
    store = RecoveryStore(tmp_path)
    for key in ("crashed", "running", "mine"):
        store.write(key, small_map(), None, key)
    set_owner(store.sidecar_path("crashed"), dead_pid)
    set_owner(store.sidecar_path("running"), live_pid)
    assert sorted(e.key for e in store.orphaned(own_keys={"mine"})) == ["crashed"]
    # at start-up nothing is this process's own yet: an entry under this pid is from an earlier process
    assert sorted(e.key for e in store.orphaned()) == ["crashed", "mine"]


def test_a_later_process_with_the_same_pid_is_not_the_writer(tmp_path: Path) -> None:
    me = Owner.current()
    if not me.started:
        pytest.skip("process start times are read from /proc")
    assert not Owner(me.pid, me.host, "1").is_alive()
    assert Owner(me.pid, me.host, me.started).is_alive()


def test_a_lock_names_the_other_running_process(tmp_path: Path, live_pid: int) -> None:
    store = RecoveryStore(tmp_path)
    target = tmp_path / "maps" / "trees.argmap.json"
    store.take_lock(target)
    assert store.lock_holder(target) is None  # our own lock
    set_owner(store.lock_path(target), live_pid, field=None)
    holder = store.lock_holder(target)
    assert holder is not None and holder.pid == live_pid
    store.release_lock(target)  # not ours: left alone
    assert store.lock_holder(target) == holder


def test_a_stale_lock_is_ignored_and_removed(tmp_path: Path, dead_pid: int) -> None:
    store = RecoveryStore(tmp_path)
    target = tmp_path / "trees.argmap.json"
    store.take_lock(target)
    set_owner(store.lock_path(target), dead_pid, field=None)
    assert store.lock_holder(target) is None
    assert not store.lock_path(target).exists()


def test_release_drops_only_this_process_lock(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    target = tmp_path / "trees.argmap.json"
    store.take_lock(target)
    assert store.lock_path(target).exists()
    store.release_lock(target)
    assert not store.lock_path(target).exists()
    store.release_lock(target)  # nothing to release


def test_locks_are_keyed_by_absolute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    monkeypatch.chdir(tmp_path)
    assert store.lock_path("trees.argmap.json") == store.lock_path(tmp_path / "trees.argmap.json")
    assert store.lock_path("trees.argmap.json") != store.lock_path(tmp_path / "other.argmap.json")
