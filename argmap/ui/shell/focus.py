"""Keyboard focus after a dialog: the keys go back to the window beneath it, to the widget that had them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


def give_keys_back(window: QWidget, widget: QWidget | None = None) -> None:
    """Make ``window`` the active window again, with the keys on ``widget`` (else on the widget of
    ``window`` that had them last).  Without a window manager nothing else does it: a dialog closes
    and the keys go nowhere, so the next Enter acts on nothing or on the wrong widget."""
    if not window.isVisible():
        return
    window.raise_()
    window.activateWindow()
    target = widget if widget is not None and widget.isVisible() and widget.window() is window else None
    target = target or window.focusWidget()
    if target is not None:
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


def keeping_focus(window: QWidget, slot: Callable[[], Any]) -> Callable[[], Any]:
    """``slot`` (a command that opens a dialog over ``window``), after which the keys go back to where
    they were; or, when it opened a window of its own (Open, Import), to that window."""

    def run() -> Any:
        had = window.focusWidget()
        before = set(QApplication.topLevelWidgets())
        try:
            return slot()
        finally:
            opened = [
                t
                for t in QApplication.topLevelWidgets()
                if t not in before and isinstance(t, QMainWindow) and t.isVisible()
            ]
            if opened:
                give_keys_back(opened[-1])
            else:
                give_keys_back(window, had)

    return run
