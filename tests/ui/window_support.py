"""Fixtures for the window tests: isolated settings and logs, scripted dialogs, windows closed afterwards."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement
from argmap.ui.document import DocumentController

__all__ = ["Dialogs", "activate", "dialogs", "isolated_app_state", "make_window", "small_map"]


@pytest.fixture(autouse=True)
def isolated_app_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> Any:
    """Never touch the real user's settings or log folder; close every window afterwards."""
    monkeypatch.setenv("ARGMAP_SETTINGS_FILE", str(tmp_path / "settings" / "argmap.ini"))
    monkeypatch.setenv("ARGMAP_LOG_DIR", str(tmp_path / "logs"))
    from argmap.ui.window_manager import window_manager

    yield
    window_manager().close_all()
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

    from argmap.ui.export_dialog import ExportDialog

    def export_exec(dialog: Any) -> int:
        d.shown.append(("export-options", dialog.windowTitle(), ""))
        ok = d.export_options(dialog) if d.export_options is not None else True
        return int(QDialog.DialogCode.Accepted if ok is not False else QDialog.DialogCode.Rejected)

    monkeypatch.setattr(ExportDialog, "exec", export_exec)
    return d


def small_map() -> ArgumentMap:
    """A conclusion with a linked reason, a single reason with evidence, an objection and an undercut."""
    amap = ArgumentMap("Small map")
    sts = [
        Statement("c", "Cities should tax sugary drinks.", Kind.CONCLUSION, title="Soda tax"),
        Statement("p1", "Sugary drinks cause obesity."),
        Statement("p2", "Taxes reduce what people buy."),
        Statement("p3", "The tax money can fund school sport."),
        Statement("e1", "A 2019 study found a 20% fall in sales.", Kind.EVIDENCE),
        Statement("o1", "The tax hits poor households hardest."),
        Statement("u1", "Poor households gain most from better health."),
    ]
    rels = [
        Relation("R1", Polarity.SUPPORT, ("p1", "p2"), "c"),
        Relation("R2", Polarity.SUPPORT, ("p3",), "c"),
        Relation("R3", Polarity.SUPPORT, ("e1",), "p2"),
        Relation("R4", Polarity.ATTACK, ("o1",), "c"),
        Relation("R5", Polarity.ATTACK, ("u1",), "R4"),
    ]
    positions = {s.id: (i * 280.0, (i % 3) * 160.0) for i, s in enumerate(sts)}
    amap.add_many(sts, rels, positions)
    return amap


def make_window(qtbot: Any, amap: ArgumentMap | None = None, path: str | None = None) -> Any:
    """A shown MainWindow on ``amap`` (registered with the window manager)."""
    from argmap.ui.main_window import MainWindow

    window = MainWindow(DocumentController(amap if amap is not None else small_map(), path))
    window.show()  # closed (without asking) by isolated_app_state
    qtbot.waitExposed(window)
    return window


def activate(qtbot: Any, window: Any) -> None:
    """Make ``window`` the active window, so that its shortcuts fire on key presses."""
    from PySide6.QtWidgets import QApplication

    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
