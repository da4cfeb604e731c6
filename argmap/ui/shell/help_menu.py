"""The Help menu's own commands: Keyboard Shortcuts (F1, Ctrl+/), Quick Start and Documentation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from ...resources import readme_path
from .quick_start import start_quick_start
from .shortcut_sheet import show_shortcuts

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow

SHORTCUT_KEYS = ("F1", "Ctrl+/")


def documentation_url() -> QUrl | None:
    """The user guide to open: the README shipped with argmap (it links the rest of the docs), or None."""
    path = readme_path()
    return QUrl.fromLocalFile(str(path)) if path is not None else None


def open_documentation(w: MainWindow) -> bool:
    """Open the user guide in the desktop's viewer; say where it is when nothing could open it."""
    url = documentation_url()
    if url is not None and QDesktopServices.openUrl(url):
        return True
    where = url.toLocalFile() if url is not None else "not installed with this copy of argmap"
    QMessageBox.information(w, "Documentation", f"No program opened the documentation.\n\nThe user guide: {where}")
    return False


def add_help_actions(w: MainWindow, menu: QMenu) -> None:
    """Put the help commands at the top of the Help menu, each in ``w.named_actions``."""
    for name, text, slot, keys, tip in (
        (
            "shortcuts",
            "&Keyboard Shortcuts",
            lambda: show_shortcuts(w),
            SHORTCUT_KEYS,
            "Every key of the menus and the map, searchable",
        ),
        (
            "quick_start",
            "&Quick Start",
            lambda: start_quick_start(w),
            (),
            "Open the teaching sample and walk through its parts",
        ),
        ("documentation", "&Documentation", lambda: open_documentation(w), (), "Open the user guide"),
    ):
        act = QAction(text, w)
        act.setObjectName(name)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setStatusTip(tip)
        act.triggered.connect(lambda _checked=False, s=slot: s())
        w.named_actions[name] = act
        menu.addAction(act)
    menu.addSeparator()
