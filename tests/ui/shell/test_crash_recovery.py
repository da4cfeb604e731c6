"""A real argmap killed with SIGKILL after an edit: the next start offers the map with the edit in it; and a
file open in another running argmap warns before it opens."""

from __future__ import annotations

import os
import selectors
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from argmap.io import load_map
from argmap.resources import sample_paths
from argmap.ui.shell.app import open_initial
from argmap.ui.shell.recover_dialog import RESTORE, RecoverDialog, offer_recovery

DRIVER = Path(__file__).with_name("autosave_driver.py")
Button = QMessageBox.StandardButton


@pytest.fixture
def trees(tmp_path: Path) -> Path:
    """A copy of a sample map, as a file of the user's own."""
    [sample] = [p for p in sample_paths() if p.name == "teaching-street-trees.argmap.json"]
    path = tmp_path / "maps" / "trees.argmap.json"
    path.parent.mkdir()
    shutil.copyfile(sample, path)
    return path


@pytest.fixture
def other_argmap(tmp_path: Path, repo_root: Path) -> Iterator[list[subprocess.Popen[str]]]:
    """Starts other argmap processes (with this test's recovery, settings and log folders); kills them after."""
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for proc in procs:
        proc.kill()
        proc.wait()
        assert proc.stdout is not None
        proc.stdout.close()


def start_other(procs: list[subprocess.Popen[str]], repo_root: Path, log: Path, *args: str) -> str:
    """Run the driver as another argmap and return the line it prints once it is ready."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(filter(None, [str(repo_root), os.environ.get("PYTHONPATH")])),
    )
    with open(log, "w", encoding="utf-8") as err:
        proc = subprocess.Popen(
            [sys.executable, str(DRIVER), *args], stdout=subprocess.PIPE, stderr=err, text=True, env=env, cwd=repo_root
        )
    procs.append(proc)
    assert proc.stdout is not None
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + 120  # a generous bound on a busy machine, not a measurement
        while time.monotonic() < deadline and proc.poll() is None:
            if sel.select(timeout=1.0):
                line = proc.stdout.readline()
                if line.startswith("ready"):
                    return line.strip()
    pytest.fail(f"the other argmap never got ready (exit {proc.poll()}):\n{log.read_text(encoding='utf-8')}")


def test_a_killed_argmap_offers_its_edit_at_the_next_start(
    trees, tmp_path, repo_root, other_argmap, manager, monkeypatch
):
    before = trees.read_bytes()
    first = next(iter(load_map(trees).statements))
    ready = start_other(other_argmap, repo_root, tmp_path / "other.log", str(trees), "Edited before the crash.")
    copy = Path(ready.split(" ", 1)[1])
    assert copy.parent == tmp_path / "recovery"
    proc = other_argmap[0]
    proc.kill()  # SIGKILL: no clean-up of any kind
    proc.wait()
    assert trees.read_bytes() == before  # the edit was never saved to the user's file

    seen: list[RecoverDialog] = []

    def restore_all(dialog: RecoverDialog) -> int:
        seen.append(dialog)
        for row in range(len(dialog.entries)):
            dialog.set_choice(row, RESTORE)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(RecoverDialog, "exec", restore_all)
    # the next start, as app.start does it: recovery first, then the files named on the command line
    restored = offer_recovery(manager)
    open_initial(manager, [str(trees)])
    [dialog] = seen
    assert "Recover" in dialog.windowTitle()
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in (0, 2)] == ["trees", str(trees)]
    [window] = restored
    assert manager.windows == [window]  # the file named again is the restored window, not a second one
    assert window.doc.path == str(trees) and window.doc.dirty and window.isWindowModified()
    assert window.doc.map.statements[first].text == "Edited before the crash."
    assert trees.read_bytes() == before


def test_opening_a_file_open_in_another_argmap_warns(trees, tmp_path, repo_root, other_argmap, manager, dialogs):
    start_other(other_argmap, repo_root, tmp_path / "other.log", str(trees))
    proc = other_argmap[0]
    dialogs.unsaved_answer = Button.No
    assert manager.open_path(str(trees)) is None
    [(_, title, text)] = dialogs.of("warning")
    assert "another argmap" in title and f"process {proc.pid}" in text and "trees.argmap.json" in text
    proc.kill()
    proc.wait()
    # its lock is stale now: opening goes ahead without asking
    window = manager.open_path(str(trees))
    assert window is not None and len(dialogs.of("warning")) == 1
