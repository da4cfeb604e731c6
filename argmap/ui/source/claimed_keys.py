"""A widget mixin that takes the keys of some of its actions ahead of window-wide shortcuts."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence


class ClaimsKeys:
    """Mixin for a QWidget (list it before the Qt base): while the focus is inside the widget,
    a key bound to one of ``_claimable()``'s enabled actions triggers that action, even when a
    window-wide action has the same key (Ctrl+1/2/3 also set the kind of cards on the canvas)."""

    def _claimable(self) -> Iterable[QAction]:
        return ()

    def claimed_actions(self) -> list[QAction]:
        """The actions whose keys this widget takes while the focus is inside it."""
        return list(self._claimable())

    def _claimed_action(self, event: QKeyEvent) -> QAction | None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        seq = QKeySequence(QKeyCombination(mods, Qt.Key(event.key())))
        return next((a for a in self._claimable() if a.isEnabled() and a.shortcut() == seq), None)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._claimed_action(event) is not None:
            event.accept()  # deliver the key here instead of to an ambiguous shortcut
            return True
        return super().event(event)  # type: ignore[misc]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        act = self._claimed_action(event)
        if act is not None:
            act.trigger()
            event.accept()
            return
        super().keyPressEvent(event)  # type: ignore[misc]
