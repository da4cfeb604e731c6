"""Main window: files, title and dirty mark, closing with unsaved changes, recent files, drops, errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget
from window_support import activate, small_map

from argmap.io import MapFileError, dumps, load_map, save_map
from argmap.model import Statement
from argmap.ui.document.commands import AddStatementCommand, UpdateStatementCommand
from argmap.ui.shell import settings

Button = QMessageBox.StandardButton


def _saved(tmp_path: Path, name: str = "soda.argmap.json") -> Path:
    path = tmp_path / name
    save_map(small_map(), path)
    return path


def test_title_shows_name_and_modified_mark(qtbot, tmp_path, manager):
    path = _saved(tmp_path)
    w = manager.open_path(str(path))
    assert w.windowTitle() == "soda[*] — argmap"
    assert not w.isWindowModified()
    w.doc.push(UpdateStatementCommand(w.doc, "c", {"text": "Changed."}))
    assert w.isWindowModified()
    w.named_actions["undo"].trigger()
    assert not w.isWindowModified()
    assert w.doc.map.statements["c"].text == "Cities should tax sugary drinks."


def test_save_as_then_save_round_trip(tmp_path, dialogs, make_window):
    w = make_window()
    w.doc.push(AddStatementCommand(w.doc, Statement("n1", "A new statement."), (10.0, 20.0)))
    target = tmp_path / "out" / "mine"
    target.parent.mkdir()
    dialogs.save_paths.append(str(target))
    w.named_actions["save"].trigger()  # untitled: Save asks for a name
    saved = Path(str(target) + ".argmap.json")
    assert saved.is_file() and w.doc.path == str(saved)
    assert dumps(load_map(saved)) == dumps(w.doc.map)
    assert not w.isWindowModified() and w.windowTitle() == "mine[*] — argmap"
    assert settings.recent_files()[0] == str(saved)
    w.doc.push(UpdateStatementCommand(w.doc, "n1", {"text": "Edited."}))
    w.named_actions["save"].trigger()  # has a name now: no dialog
    assert [d for d in dialogs.shown if d[0] == "save-dialog"] == [("save-dialog", "", "")]
    assert load_map(saved).statements["n1"].text == "Edited."


def test_open_invalid_file_shows_its_error_line_and_changes_nothing(tmp_path, dialogs, make_window, manager):
    w = make_window()
    before = dumps(w.doc.map)
    bad = tmp_path / "bad.argmap.json"
    bad.write_text('{"format": "argmap", "version": 1, "meta": {}, "statements": [{"id": 3}]}', encoding="utf-8")
    dialogs.open_paths.append(str(bad))
    w.named_actions["open"].trigger()
    errors = dialogs.of("critical")
    assert len(errors) == 1
    with pytest.raises(MapFileError) as info:
        load_map(bad)
    assert str(info.value) in errors[0][2].splitlines()  # the one-line error, whole, on a line of its own
    assert manager.windows == [w]
    assert dumps(w.doc.map) == before and not w.doc.dirty


def test_open_corrupt_file_says_it_is_damaged_and_what_to_do(tmp_path, dialogs, make_window, manager):
    # a map cut off in the middle of a string, as a failed copy or a full disk leaves it
    w = make_window()
    bad = tmp_path / "trees.argmap.json"
    bad.write_text('{\n  "format": "argmap",\n  "version": 1,\n  "meta": {"title": "Street tr', encoding="utf-8")
    dialogs.open_paths.append(str(bad))
    w.named_actions["open"].trigger()
    [(_kind, title, text)] = dialogs.of("critical")
    assert title == "Cannot open file"
    said, advice = text.split("What to do")
    assert "trees.argmap.json" in text.splitlines()[0] and "damaged" in said
    assert "line 4, column 21" in text and "no closing quote" in text
    assert not any(line.rstrip().endswith(" at") for line in text.splitlines())
    assert "backup" in advice
    assert manager.windows == [w]


def test_close_with_unsaved_changes_cancel_discard_save(qtbot, tmp_path, dialogs, manager):
    path = _saved(tmp_path)
    w = manager.open_path(str(path))
    w.doc.push(UpdateStatementCommand(w.doc, "c", {"text": "Edited once."}))
    edited = dumps(w.doc.map)
    dialogs.unsaved_answer = Button.Cancel
    assert not w.close()
    assert w.isVisible() and w in manager.windows and dumps(w.doc.map) == edited and w.doc.dirty
    assert load_map(path).statements["c"].text == "Cities should tax sugary drinks."
    dialogs.unsaved_answer = Button.Save
    assert w.close()
    assert load_map(path).statements["c"].text == "Edited once."
    assert manager.windows == []

    w2 = manager.open_path(str(path))
    w2.doc.push(UpdateStatementCommand(w2.doc, "c", {"text": "Thrown away."}))
    dialogs.unsaved_answer = Button.Discard
    assert w2.close()
    assert load_map(path).statements["c"].text == "Edited once."
    assert len(dialogs.of("warning")) == 3


def test_quit_asks_each_dirty_window_and_cancel_stops(qtbot, tmp_path, dialogs, manager):
    a = manager.open_path(str(_saved(tmp_path, "a.argmap.json")))
    b = manager.open_path(str(_saved(tmp_path, "b.argmap.json")))
    for w in (a, b):
        w.doc.push(UpdateStatementCommand(w.doc, "c", {"text": "Dirty."}))
    dialogs.unsaved_answer = Button.Cancel
    assert not manager.quit()
    assert len(dialogs.of("warning")) == 1
    assert set(manager.windows) == {a, b} and a.doc.dirty and b.doc.dirty
    dialogs.unsaved_answer = Button.Discard
    assert manager.quit()
    assert manager.windows == []


def test_opening_an_open_file_focuses_its_window(qtbot, tmp_path, manager):
    path = _saved(tmp_path)
    first = manager.open_path(str(path))
    first.doc.push(UpdateStatementCommand(first.doc, "c", {"text": "Unsaved edit."}))
    again = manager.open_path(str(tmp_path / "." / "soda.argmap.json"))
    assert again is first and len(manager.windows) == 1
    assert first.doc.map.statements["c"].text == "Unsaved edit."


def test_recent_files_persist_and_fill_the_menu(tmp_path, make_window, manager):
    paths = [_saved(tmp_path, f"m{i}.argmap.json") for i in range(3)]
    for p in paths:
        manager.open_path(str(p))
    manager.close_all()
    assert settings.recent_files() == [str(p) for p in reversed(paths)]
    ini = Path(settings.settings().fileName())
    assert ini.is_file() and "m2.argmap.json" in ini.read_text(encoding="utf-8")
    w = make_window()
    labels = [a.text() for a in w.recent_menu.actions() if a.text()]
    assert labels[:3] == ["&1 m2.argmap.json", "&2 m1.argmap.json", "&3 m0.argmap.json"]
    w.recent_menu.actions()[1].trigger()
    assert manager.window_for(str(paths[1])) is not None


def test_window_layout_persists(make_window):
    w = make_window()
    w.resize(700, 500)
    w.outline_dock.hide()
    w.force_close()
    w2 = make_window()
    assert w2.outline_dock.isHidden()
    assert (w2.width(), w2.height()) == (700, 500)


def _drop(widget, path: Path) -> QDropEvent:
    """Drag a file over ``widget`` and drop it there."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        widget.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(widget.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, drop)
    return drop


def test_dropping_a_map_file_opens_it(tmp_path, make_window, manager):
    w = make_window()
    path = _saved(tmp_path, "dropped.argmap.json")
    _drop(w, path)
    opened = manager.window_for(str(path))
    assert opened is not None and opened is not w
    assert dumps(opened.doc.map) == dumps(load_map(path))
    # a file that is not a map is refused
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    enter = QDragEnterEvent(
        w.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(w, enter)
    assert not enter.isAccepted()


def test_standard_shortcuts_are_set_and_none_is_ambiguous(make_window):
    w = make_window()
    acts = w.named_actions
    for name, key in [
        ("new", QKeySequence.StandardKey.New),
        ("open", QKeySequence.StandardKey.Open),
        ("save", QKeySequence.StandardKey.Save),
        ("save_as", QKeySequence.StandardKey.SaveAs),
        ("close", QKeySequence.StandardKey.Close),
        ("quit", QKeySequence.StandardKey.Quit),
        ("undo", QKeySequence.StandardKey.Undo),
        ("redo", QKeySequence.StandardKey.Redo),
        ("find", QKeySequence.StandardKey.Find),
    ]:
        platform = QKeySequence(key)  # empty where the platform binds none: then argmap's fallback
        assert acts[name].shortcut() == platform if not platform.isEmpty() else not acts[name].shortcut().isEmpty()
    # Qt fires nothing for a key two live actions claim in the same place: window-wide keys must be
    # unique among all live actions, and a panel's own keys unique within that panel
    live = [a for a in w.findChildren(QAction) if a.associatedObjects() and a.shortcuts()]
    window_wide = [
        a
        for a in live
        if a.shortcutContext() in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    ]
    seen: dict[str, str] = {}
    for act in window_wide:
        for seq in act.shortcuts():
            key = seq.toString()
            assert key not in seen, f"{key} on {seen.get(key)!r} and {act.text()!r}"
            seen[key] = act.text()
    scoped: dict[tuple[int, str], str] = {}
    for act in live:
        if act in window_wide:
            continue
        for seq in act.shortcuts():
            key = seq.toString()
            assert key not in seen, f"{key} is window-wide ({seen[key]!r}) and on {act.text()!r}"
            for owner in act.associatedObjects():
                if isinstance(owner, QWidget) and not isinstance(owner, QMenu):
                    slot = (id(owner), key)
                    assert slot not in scoped, f"{key} on {scoped[slot]!r} and {act.text()!r}"
                    scoped[slot] = act.text()
    all_keys = set(seen) | {k for _, k in scoped}
    for std in (
        QKeySequence.StandardKey.Cut,
        QKeySequence.StandardKey.Copy,
        QKeySequence.StandardKey.Paste,
        QKeySequence.StandardKey.SelectAll,
        QKeySequence.StandardKey.ZoomIn,
        QKeySequence.StandardKey.ZoomOut,
    ):
        assert QKeySequence(std).toString() in all_keys, std


def test_undo_redo_by_key_press(qtbot, make_window):
    w = make_window()
    activate(qtbot, w)
    before = dumps(w.doc.map)
    w.doc.push(UpdateStatementCommand(w.doc, "p1", {"text": "Changed by a command."}))
    after = dumps(w.doc.map)
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dumps(w.doc.map) == before
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert dumps(w.doc.map) == after


def test_ctrl_y_redoes_as_well_as_ctrl_shift_z(qtbot, make_window, monkeypatch):
    """Most editors on Windows and Linux redo with Ctrl+Y, but Qt's standard Redo binding under X11
    (GNOME conventions) is Ctrl+Shift+Z alone: the window adds Ctrl+Y whatever the platform says."""
    standard = QKeySequence.keyBindings

    def x11_bindings(key):
        if key == QKeySequence.StandardKey.Redo:
            return [QKeySequence("Ctrl+Shift+Z")]
        return standard(key)

    monkeypatch.setattr(QKeySequence, "keyBindings", staticmethod(x11_bindings))
    w = make_window()
    activate(qtbot, w)
    before = dumps(w.doc.map)
    w.doc.push(UpdateStatementCommand(w.doc, "p1", {"text": "Changed by a command."}))
    after = dumps(w.doc.map)
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dumps(w.doc.map) == before
    qtbot.keyClick(w.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert dumps(w.doc.map) == after


def test_samples_open_as_untitled_copies(tmp_path, dialogs, make_window, manager):
    from argmap.resources import sample_paths

    sample = sample_paths()[0]
    original = sample.read_bytes()
    w = make_window()
    menu_actions = [a for a in w.menuBar().actions() if a.text() == "&File"][0].menu().actions()
    samples_menu = [a for a in menu_actions if a.text() == "Open Sa&mple"][0].menu()
    assert len(samples_menu.actions()) == len(sample_paths())
    samples_menu.actions()[0].trigger()
    copy = manager.windows[-1]
    assert copy is not w and copy.doc.path is None and not copy.doc.dirty
    shipped = load_map(sample)  # (the canvas may lay out a map without positions)
    assert dict(copy.doc.map.statements) == dict(shipped.statements)
    assert dict(copy.doc.map.relations) == dict(shipped.relations)
    copy.doc.push(UpdateStatementCommand(copy.doc, next(iter(copy.doc.map.statements)), {"text": "Mine."}))
    dialogs.save_paths.append(str(tmp_path / "my-copy.argmap.json"))
    assert copy.save()
    assert dialogs.of("save-dialog") and sample.read_bytes() == original
    assert copy.doc.path == str(tmp_path / "my-copy.argmap.json")


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_shown_and_logged_and_the_map_survives(tmp_path, monkeypatch, make_window):
    from argmap.ui.shell.app import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    reporter = install_excepthook(tmp_path / "logs")
    try:
        w = make_window()
        w.doc.push(UpdateStatementCommand(w.doc, "c", {"text": "Kept."}))
        before = dumps(w.doc.map)

        def broken() -> None:
            raise RuntimeError("slot exploded")

        w.named_actions["about"].triggered.disconnect()
        w.named_actions["about"].triggered.connect(broken)
        w.named_actions["about"].trigger()
        w.named_actions["about"].trigger()
        assert reporter.box is not None and reporter.box.isVisible()
        assert not reporter.box.isModal()
        assert "RuntimeError: slot exploded" in reporter.box.text() and "1 more" in reporter.box.text()
        log = (tmp_path / "logs" / "argmap.log").read_text(encoding="utf-8")
        assert "slot exploded" in log and "Traceback" in log
        assert dumps(w.doc.map) == before and w.isVisible()
        w.named_actions["undo"].trigger()
        assert w.doc.map.statements["c"].text == "Cities should tax sugary drinks."
        reporter.box.close()
    finally:
        reporter.uninstall()
