"""Autosave and the Recover dialog in one process: recovery copies follow the unsaved changes, and the dialog
restores, keeps or discards them."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from window_support import small_map

from argmap.io import dumps, load_map, save_map
from argmap.io.recovery import RecoveryEntry, RecoveryStore
from argmap.ui.document.commands import SetMetaCommand, UpdateStatementCommand
from argmap.ui.document.controller import DocumentController
from argmap.ui.shell.main_window import MainWindow
from argmap.ui.shell.recover_dialog import DISCARD, KEEP, RESTORE, RecoverDialog, offer_recovery
from argmap.ui.shell.window_manager import WindowManager

Button = QMessageBox.StandardButton


@pytest.fixture
def fast(manager: WindowManager) -> WindowManager:
    """The window manager, with windows that write their recovery copy soon after an edit."""
    manager.autosave_delay_ms = 20
    return manager


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    """The recovery folder the tests' windows use (conftest points ARGMAP_RECOVERY_DIR at it)."""
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "maps" / "soda.argmap.json"
    path.parent.mkdir()
    save_map(small_map(), path)
    return path


def edit(window: MainWindow, text: str = "Edited text.") -> None:
    window.doc.push(UpdateStatementCommand(window.doc, "c", {"text": text}))


def wait_written(qtbot: Any, window: MainWindow) -> Path:
    with qtbot.waitSignal(window.autosave.written, timeout=5000) as blocker:
        pass
    return Path(blocker.args[0])


def crashed(store: RecoveryStore, key: str) -> None:
    """Make entry ``key`` look written by an argmap that has since died."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    sidecar = store.sidecar_path(key)
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    data["owner"] = {"pid": proc.pid, "host": socket.gethostname(), "started": ""}
    sidecar.write_text(json.dumps(data), encoding="utf-8")


def left_unsaved(fast: WindowManager, qtbot: Any, store: RecoveryStore, path: Path | None, text: str) -> RecoveryEntry:
    """A map with an unsaved edit whose argmap crashed: its recovery copy is all that is left."""
    window = fast.open_path(str(path)) if path is not None else fast.new_window(DocumentController(small_map()))
    assert window is not None
    edit(window, text)
    wait_written(qtbot, window)
    key = window.autosave.key
    window.force_close()
    crashed(store, key)
    entry = store.entry(key)
    assert entry is not None
    return entry


def answer_recover(monkeypatch: pytest.MonkeyPatch, actions: dict[str, str] | None, seen: list[RecoverDialog]) -> None:
    """The Recover dialog answers with ``actions`` (by map title; None cancels) instead of blocking."""

    def exec_(dialog: RecoverDialog) -> int:
        seen.append(dialog)
        if actions is None:
            return int(QDialog.DialogCode.Rejected)
        for row, entry in enumerate(dialog.entries):
            dialog.set_choice(row, actions[entry.title])
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(RecoverDialog, "exec", exec_)


# --------------------------------------------------------------- autosave
def test_an_edit_writes_a_recovery_copy_after_a_pause(qtbot, fast, store, saved, tmp_path):
    window = fast.open_path(str(saved))
    edit(window)
    assert store.entries() == []  # not on every keystroke: after the pause
    copy = wait_written(qtbot, window)
    [entry] = store.entries()
    assert copy == entry.map_path and copy.parent == tmp_path / "recovery"
    assert load_map(copy).statements["c"].text == "Edited text."
    assert (entry.original, entry.title) == (str(saved), "soda")
    assert sorted(p.name for p in saved.parent.iterdir()) == ["soda.argmap.json"]  # nothing beside the file
    assert dumps(load_map(saved)) == dumps(small_map())  # nor over it


def test_every_edit_restarts_the_pause(qtbot, fast, store, saved):
    window = fast.open_path(str(saved))
    window.autosave.timer.setInterval(60_000)
    edit(window, "one")
    assert window.autosave.timer.isActive()
    window.autosave.timer.stop()
    edit(window, "two")
    assert window.autosave.timer.isActive()


def test_saving_removes_the_recovery_copy(qtbot, fast, store, saved):
    window = fast.open_path(str(saved))
    edit(window)
    wait_written(qtbot, window)
    assert window.save()
    assert store.entries() == []
    assert load_map(saved).statements["c"].text == "Edited text."


def test_undoing_to_the_saved_state_removes_the_copy(qtbot, fast, store, saved):
    window = fast.open_path(str(saved))
    edit(window)
    wait_written(qtbot, window)
    window.named_actions["undo"].trigger()
    assert not window.doc.dirty and store.entries() == []


def test_closing_with_discard_removes_the_copy(qtbot, fast, store, saved, dialogs):
    window = fast.open_path(str(saved))
    edit(window)
    wait_written(qtbot, window)
    dialogs.unsaved_answer = Button.Discard
    assert window.close()
    assert store.entries() == []
    assert dumps(load_map(saved)) == dumps(small_map())


def test_cancelling_the_close_keeps_the_copy(qtbot, fast, store, saved, dialogs):
    window = fast.open_path(str(saved))
    edit(window)
    wait_written(qtbot, window)
    dialogs.unsaved_answer = Button.Cancel
    assert not window.close()
    assert [e.key for e in store.entries()] == [window.autosave.key]


def test_an_untitled_map_is_covered_too(qtbot, fast, store):
    window = fast.new_document()
    window.doc.push(SetMetaCommand(window.doc, {"title": "Street trees"}))
    wait_written(qtbot, window)
    [entry] = store.entries()
    assert entry.original is None and entry.title == "Street trees"
    assert load_map(entry.map_path).title == "Street trees"


def test_a_forced_close_keeps_the_copy_with_the_last_edit(qtbot, fast, store, saved):
    window = fast.open_path(str(saved))
    window.autosave.timer.setInterval(60_000)
    edit(window, "Last words.")
    window.force_close()  # e.g. the application quits on an error: nothing asked, nothing lost
    [entry] = store.entries()
    assert load_map(entry.map_path).statements["c"].text == "Last words."


def test_a_recovery_folder_that_cannot_be_written_does_not_stop_editing(qtbot, fast, saved, tmp_path, caplog):
    (tmp_path / "recovery").write_text("a file where the folder should be", encoding="utf-8")
    window = fast.open_path(str(saved))
    edit(window)
    window.autosave.flush()
    assert "could not write the recovery copy" in caplog.text
    edit(window, "Still editing.")
    assert window.doc.map.statements["c"].text == "Still editing."


# ------------------------------------------------------------ the dialog
def test_nothing_to_recover_shows_no_dialog(qtbot, manager, monkeypatch):
    seen: list[RecoverDialog] = []
    answer_recover(monkeypatch, {}, seen)
    assert offer_recovery(manager) == [] and seen == []


def test_the_recover_dialog_lists_name_time_and_file(qtbot, fast, store, saved, monkeypatch):
    titled = left_unsaved(fast, qtbot, store, saved, "Changed in the file.")
    untitled = left_unsaved(fast, qtbot, store, None, "Changed untitled.")
    seen: list[RecoverDialog] = []
    answer_recover(monkeypatch, None, seen)
    offer_recovery(fast)
    [dialog] = seen
    assert "Recover" in dialog.windowTitle()
    rows = {
        dialog.table.item(r, 0).text(): [dialog.table.item(r, c).text() for c in (1, 2)]
        for r in range(dialog.table.rowCount())
    }
    assert set(rows) == {titled.title, untitled.title} == {"soda", "Small map"}
    assert rows["soda"][1] == str(saved) and "untitled" in rows["Small map"][1]
    assert all(len(when) == len("2026-01-01 12:00") for when, _ in rows.values())


def test_restore_opens_the_map_modified_at_its_own_file(qtbot, fast, store, saved, monkeypatch):
    entry = left_unsaved(fast, qtbot, store, saved, "Recovered text.")
    answer_recover(monkeypatch, {"soda": RESTORE}, [])
    [window] = offer_recovery(fast)
    assert window.doc.path == str(saved) and window.doc.dirty and window.isWindowModified()
    assert window.doc.map.statements["c"].text == "Recovered text."
    assert dumps(load_map(saved)) == dumps(small_map())  # the user decides when to save over it
    # the restored window looks after the copy now: saving removes it
    assert [e.key for e in store.entries()] == [entry.key] and window.autosave.key == entry.key
    assert store.orphaned(fast.recovery_keys()) == []
    assert window.save()
    assert store.entries() == [] and load_map(saved).statements["c"].text == "Recovered text."


def test_restoring_an_untitled_map_asks_where_to_save(qtbot, fast, store, monkeypatch, dialogs, tmp_path):
    left_unsaved(fast, qtbot, store, None, "Never saved.")
    answer_recover(monkeypatch, {"Small map": RESTORE}, [])
    [window] = offer_recovery(fast)
    assert window.doc.path is None and window.doc.dirty
    target = tmp_path / "saved-at-last.argmap.json"
    dialogs.save_paths.append(str(target))
    assert window.save()
    assert load_map(target).statements["c"].text == "Never saved."
    assert store.entries() == []


def test_keep_for_later_keeps_the_copy_for_the_next_start(qtbot, fast, store, saved, monkeypatch):
    entry = left_unsaved(fast, qtbot, store, saved, "Kept.")
    answer_recover(monkeypatch, {"soda": KEEP}, [])
    assert offer_recovery(fast) == [] and fast.windows == []
    assert [e.key for e in store.orphaned()] == [entry.key]
    seen: list[RecoverDialog] = []
    answer_recover(monkeypatch, None, seen)  # Decide Later keeps everything too
    offer_recovery(fast)
    assert len(seen) == 1 and [e.key for e in store.orphaned()] == [entry.key]


def test_discard_removes_the_copy(qtbot, fast, store, saved, monkeypatch):
    left_unsaved(fast, qtbot, store, saved, "Thrown away.")
    kept = left_unsaved(fast, qtbot, store, None, "Kept.")
    answer_recover(monkeypatch, {"soda": DISCARD, "Small map": KEEP}, [])
    assert offer_recovery(fast) == []
    assert [e.key for e in store.entries()] == [kept.key]
    assert dumps(load_map(saved)) == dumps(small_map())


# ------------------------------------------------------------------ locks
def test_a_file_locked_by_another_argmap_can_be_opened_anyway(qtbot, manager, store, saved, dialogs, tmp_path):
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        store.take_lock(saved)
        lock = store.lock_path(saved)
        record = json.loads(lock.read_text(encoding="utf-8"))
        lock.write_text(json.dumps({**record, "pid": other.pid, "started": ""}), encoding="utf-8")
        dialogs.unsaved_answer = Button.Yes
        window = manager.open_path(str(saved))
        assert window is not None and len(dialogs.of("warning")) == 1
    finally:
        other.kill()
        other.wait()
    # the window holds the file's lock, follows Save As to the new file, and lets go when it closes
    assert json.loads(lock.read_text(encoding="utf-8"))["pid"] == os.getpid()
    moved = tmp_path / "moved.argmap.json"
    dialogs.save_paths.append(str(moved))
    assert window.save_as()
    assert not lock.exists() and store.lock_path(moved).exists()
    window.close()
    assert not store.lock_path(moved).exists()
