"""Atomic writes: the new file appears whole, keeps the old one's mode, and leaves no temporary file."""

import itertools
import os
import stat

import pytest

from argmap.io import MapFileError, atomic


def test_new_file_gets_the_usual_mode(tmp_path):
    p = tmp_path / "out.svg"
    atomic.atomic_write_bytes(p, b"data")
    umask = os.umask(0)
    os.umask(umask)
    assert p.read_bytes() == b"data"
    assert stat.S_IMODE(p.stat().st_mode) == 0o666 & ~umask
    assert [f.name for f in tmp_path.iterdir()] == ["out.svg"]


def test_replacing_keeps_the_mode(tmp_path):
    p = tmp_path / "out.txt"
    p.write_text("old")
    p.chmod(0o640)
    atomic.atomic_write_text(p, "néw")
    assert p.read_text(encoding="utf-8") == "néw" and stat.S_IMODE(p.stat().st_mode) == 0o640


def test_a_stale_temporary_file_is_stepped_over_and_left_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "_serial", itertools.count(7))
    stale = tmp_path / f".out.txt.{os.getpid()}.7.tmp"
    stale.write_text("someone's")
    atomic.atomic_write_text(tmp_path / "out.txt", "new")
    assert (tmp_path / "out.txt").read_text() == "new" and stale.read_text() == "someone's"
    assert sorted(f.name for f in tmp_path.iterdir()) == [stale.name, "out.txt"]


def test_failure_is_one_line_and_cleans_up(tmp_path, monkeypatch):
    def boom(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(MapFileError, match="cannot write: Input/output error"):
        atomic.atomic_write_bytes(tmp_path / "out.svg", b"data")
    assert list(tmp_path.iterdir()) == []


def test_temporary_files_of_a_killed_save_are_removed_by_the_next_save(tmp_path):
    import subprocess
    import sys

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)
    left = tmp_path / f".out.txt.{dead}.3.tmp"  # a save killed half-way
    alive = tmp_path / f".out.txt.{os.getppid()}.0.tmp"  # a save of another process still running
    other = tmp_path / f".other.txt.{dead}.0.tmp"  # another file's
    for f in (left, alive, other):
        f.write_text("half")
    atomic.atomic_write_text(tmp_path / "out.txt", "new")
    assert sorted(f.name for f in tmp_path.iterdir()) == sorted([alive.name, other.name, "out.txt"])
