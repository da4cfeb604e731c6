"""After a dialog closes, the keys go back to the window beneath it: to the widget that had them."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QVBoxLayout, QWidget
from window_support import activate

from argmap.ui.shell.preferences import PreferencesDialog
from argmap.ui.shell.quick_start import start_quick_start


def _a_dialog_takes_the_keys(qtbot: Any, parent: QWidget) -> None:
    """A real window over ``parent`` takes the keys and closes, as a file dialog does (under a desktop
    without a window manager nothing hands the keys back by itself)."""
    dialog = QDialog(parent)
    QVBoxLayout(dialog).addWidget(QLabel("a dialog"))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.close()
    dialog.deleteLater()


def _has_the_keys(w: Any, widget: QWidget) -> bool:
    return QApplication.activeWindow() is w and QApplication.focusWidget() is widget


@pytest.mark.parametrize("name", ["save_as", "export_png", "export_other", "print_preview"])
def test_the_canvas_has_the_keys_after_a_dialog(qtbot, make_window, monkeypatch, tmp_path, name):
    w = make_window()
    activate(qtbot, w)
    w.view.setFocus()

    def dialog(*_a: Any, **_k: Any) -> Any:
        _a_dialog_takes_the_keys(qtbot, w)
        return 0 if name == "print_preview" else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    monkeypatch.setattr("argmap.ui.export.dialog.ExportDialog.exec", lambda _self: dialog())
    monkeypatch.setattr("argmap.ui.export.printing.print_map", lambda *a, **k: dialog())
    monkeypatch.setattr("argmap.ui.shell.main_window.printing.print_map", lambda *a, **k: dialog())
    w.named_actions[name].trigger()
    qtbot.waitUntil(lambda: _has_the_keys(w, w.view))


def test_the_keys_come_back_after_adding_a_source_is_cancelled(qtbot, make_window, monkeypatch):
    w = make_window()
    activate(qtbot, w)
    w.view.setFocus()

    def dialog(*_a: Any, **_k: Any) -> tuple[str, str]:
        _a_dialog_takes_the_keys(qtbot, w)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(dialog))
    w.source_panel.add_file_action.trigger()
    qtbot.waitUntil(lambda: _has_the_keys(w, w.view))


def test_the_widget_that_had_the_keys_gets_them_back_after_preferences(qtbot, make_window, monkeypatch):
    w = make_window()
    activate(qtbot, w)
    w.outline.setFocus()
    shown = []

    def run(dialog: PreferencesDialog) -> int:
        shown.append(dialog)
        _a_dialog_takes_the_keys(qtbot, w)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(PreferencesDialog, "exec", run)
    w.named_actions["preferences"].trigger()
    assert shown
    qtbot.waitUntil(lambda: _has_the_keys(w, w.outline))


def test_enter_in_the_quick_start_goes_to_its_next_step_not_to_the_map(qtbot, make_window):
    w = make_window()
    activate(qtbot, w)
    guide = start_quick_start(w)
    assert guide is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is guide)
    assert guide.next_button.hasFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert guide.index == 1  # the next step, and no card editor opened on the map
    assert guide.window_.view.interaction.editor is None
    guide.close()  # done: the sample's window takes the keys, on its map
    qtbot.waitUntil(lambda: _has_the_keys(guide.window_, guide.window_.view))
