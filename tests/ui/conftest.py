"""Fixtures for the GUI tests: an application with argmap's fonts, isolated settings and logs, scripted
dialogs, and shown windows and canvases that are closed afterwards."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from canvas_support import small_map as canvas_map
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from window_support import small_map as window_map

from argmap.model import ArgumentMap
from argmap.ui.canvas.view import MapView
from argmap.ui.document.controller import DocumentController
from argmap.ui.export.dialog import ExportDialog
from argmap.ui.export.formats import register_picture_formats
from argmap.ui.export.images import ensure_app
from argmap.ui.shell.main_window import MainWindow
from argmap.ui.shell.window_manager import WindowManager


@pytest.fixture(autouse=True)
def isolated_app_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[None]:
    """A Qt application with argmap's fonts and the picture formats it registers when it starts; never the
    real user's settings, log or recovery folder."""
    monkeypatch.setenv("ARGMAP_SETTINGS_FILE", str(tmp_path / "settings" / "argmap.ini"))
    monkeypatch.setenv("ARGMAP_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("ARGMAP_RECOVERY_DIR", str(tmp_path / "recovery"))
    ensure_app()
    register_picture_formats()
    yield
    qapp.processEvents()


@pytest.fixture
def manager(qapp: QApplication) -> Iterator[WindowManager]:
    """The application's window manager; every window it opened is closed afterwards, without asking."""
    windows = WindowManager()
    yield windows
    windows.close_all()
    qapp.processEvents()


@dataclass
class Dialogs:
    """What the monkeypatched QMessageBox / QFileDialog statics were asked, and what they answer."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    unsaved_answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Cancel
    save_paths: list[str] = field(default_factory=list)
    open_paths: list[str] = field(default_factory=list)
    # File > Export options: called with the dialog to set its fields; return False to cancel
    export_options: Any = None

    def of(self, kind: str) -> list[tuple[str, str, str]]:
        return [d for d in self.shown if d[0] == kind]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """Message boxes, file dialogs and the export options dialog answer from a script instead of blocking."""
    d = Dialogs()

    def box(kind: str, answer: Any = QMessageBox.StandardButton.Ok) -> Any:
        def show(_parent: Any, title: str, text: str, *args: Any, **kw: Any) -> Any:
            d.shown.append((kind, title, text))
            return d.unsaved_answer if kind == "warning" else answer

        return staticmethod(show)

    monkeypatch.setattr(QMessageBox, "critical", box("critical"))
    monkeypatch.setattr(QMessageBox, "information", box("information"))
    monkeypatch.setattr(QMessageBox, "warning", box("warning"))
    monkeypatch.setattr(QMessageBox, "question", box("question", QMessageBox.StandardButton.No))
    monkeypatch.setattr(QMessageBox, "about", box("about"))

    def get_save(*_a: Any, **_k: Any) -> tuple[str, str]:
        d.shown.append(("save-dialog", "", ""))
        return (d.save_paths.pop(0) if d.save_paths else "", "")

    def get_open(*_a: Any, **_k: Any) -> tuple[list[str], str]:
        d.shown.append(("open-dialog", "", ""))
        paths, d.open_paths = d.open_paths, []
        return (paths, "")

    def get_open_one(*_a: Any, **_k: Any) -> tuple[str, str]:
        d.shown.append(("open-dialog", "", ""))
        return (d.open_paths.pop(0) if d.open_paths else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(get_open))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_one))

    def export_exec(dialog: Any) -> int:
        d.shown.append(("export-options", dialog.windowTitle(), ""))
        ok = d.export_options(dialog) if d.export_options is not None else True
        return int(QDialog.DialogCode.Accepted if ok is not False else QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ExportDialog, "exec", export_exec)
    return d


@pytest.fixture
def make_window(qtbot: Any, manager: WindowManager) -> Callable[..., MainWindow]:
    """Makes a shown MainWindow on a map (window_support's small map by default), registered with the
    window manager and so closed, without asking, after the test."""

    def make(amap: ArgumentMap | None = None, path: str | None = None) -> MainWindow:
        window = MainWindow(DocumentController(amap if amap is not None else window_map(), path), manager)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def make_view(qtbot: Any) -> Callable[..., MapView]:
    """Makes a shown, active, focused MapView on a map (canvas_support's small map by default), at 100%
    zoom and centred on the map's content."""

    def make(amap: ArgumentMap | None = None) -> MapView:
        view = MapView(DocumentController(amap if amap is not None else canvas_map()))
        qtbot.addWidget(view)
        view.resize(1100, 800)
        view.show()
        qtbot.waitExposed(view)
        with qtbot.waitActive(view):
            view.activateWindow()
        view.zoom_reset()
        view.centerOn(view.map_scene.content_rect().center())
        view.setFocus()
        return view

    return make
