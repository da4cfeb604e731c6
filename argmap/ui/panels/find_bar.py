"""The find bar (Ctrl+F): highlights matching statements on the canvas and steps through them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from ...model import ArgumentMap, Change
from ..document.controller import DocumentController


def find_matches(amap: ArgumentMap, query: str) -> list[str]:
    """Ids of statements (then relations with a title, scheme or notes) containing every
    word of ``query``, case-insensitively, in map order."""
    words = query.casefold().split()
    if not words:
        return []
    out = []
    for st in amap.statements.values():
        hay = " ".join((st.text, st.title, st.notes, " ".join(st.tags))).casefold()
        if all(w in hay for w in words):
            out.append(st.id)
    for rel in amap.relations.values():
        hay = " ".join((rel.title, rel.scheme, rel.notes)).casefold()
        if hay.strip() and all(w in hay for w in words):
            out.append(rel.id)
    return out


class FindBar(QWidget):
    """A slim bar above the canvas.  Typing highlights all matches (``matches_changed``, which the
    window connects to the canvas); Enter / F3 go to the next match, Shift+Enter / Shift+F3 to the
    previous one, selecting it and asking the document to bring it into view; Escape closes the
    bar and clears the highlight."""

    closed = Signal()
    matches_changed = Signal(list)  # the ids to highlight (empty: none)

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find-bar")
        self.doc = doc
        self.matches: list[str] = []
        self.current = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find statements")
        self.edit.setAccessibleName("Find statements")
        self.edit.setClearButtonEnabled(True)
        for clear in self.edit.findChildren(QToolButton):  # the clear button Qt adds has no name of its own
            clear.setAccessibleName("Clear")
        self.edit.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(90)
        self.prev_button = QToolButton(text="▲", toolTip="Previous match (Shift+F3)", autoRaise=True)
        self.next_button = QToolButton(text="▼", toolTip="Next match (F3)", autoRaise=True)
        self.close_button = QToolButton(text="✕", toolTip="Close (Esc)", autoRaise=True)
        # the arrows and the cross are symbols: a screen reader says what they do instead
        for button, name in (
            (self.prev_button, "Previous match"),
            (self.next_button, "Next match"),
            (self.close_button, "Close find bar"),
        ):
            button.setAccessibleName(name)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.returnPressed.connect(self.find_next)
        self.prev_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        self._refind = QTimer(self, singleShot=True, interval=150)
        self._refind.timeout.connect(self._update_matches)
        doc.map_changed.connect(self._on_map_changed)
        self.hide()

    # --------------------------------------------------------------- public
    def open_bar(self) -> None:
        """Show the bar and focus the query, selected, so typing replaces it."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self._update_matches()

    def close_bar(self) -> None:
        self.hide()
        self.matches = []
        self.current = -1
        self._highlight([])
        self.closed.emit()

    def find_next(self) -> None:
        self._step(+1)

    def find_previous(self) -> None:
        self._step(-1)

    # ------------------------------------------------------------- internals
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def eventFilter(self, obj: Any, event: Any) -> bool:
        if obj is self.edit and event.type() == event.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if (
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.find_previous()
                return True
            if event.matches(QKeySequence.StandardKey.FindNext):
                self.find_next()
                return True
            if event.matches(QKeySequence.StandardKey.FindPrevious):
                self.find_previous()
                return True
        return super().eventFilter(obj, event)

    def _on_text_changed(self, _text: str) -> None:
        self.current = -1
        self._update_matches()

    def _on_map_changed(self, change: Change) -> None:
        if self.isVisible() and self.edit.text().strip():
            self._refind.start()

    def _update_matches(self) -> None:
        previous = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        self.matches = find_matches(self.doc.map, self.edit.text())
        self.current = self.matches.index(previous) if previous in self.matches else -1
        self._highlight(self.matches)
        self._update_label()

    def _update_label(self) -> None:
        if not self.edit.text().strip():
            self.count_label.setText("")
        elif not self.matches:
            self.count_label.setText("No matches")
        elif self.current < 0:
            self.count_label.setText(f"{len(self.matches)} match{'es' if len(self.matches) != 1 else ''}")
        else:
            self.count_label.setText(f"{self.current + 1} of {len(self.matches)}")
        self.prev_button.setEnabled(bool(self.matches))
        self.next_button.setEnabled(bool(self.matches))

    def _highlight(self, ids: list[str]) -> None:
        self.matches_changed.emit(list(ids))

    def _step(self, delta: int) -> None:
        if not self.isVisible():
            self.open_bar()
        if not self.matches:
            self._update_matches()
            if not self.matches:
                return
        if self.current < 0:
            self.current = 0 if delta > 0 else len(self.matches) - 1
        else:
            self.current = (self.current + delta) % len(self.matches)
        eid = self.matches[self.current]
        self.doc.select([eid], origin=self)
        self.doc.focus_requested.emit(eid)
        self._update_label()
