"""Views and documents edited on the canvas are freed by the garbage collector without crashing."""

from __future__ import annotations

import gc

import pytest
from canvas_support import state, undo_redo_check
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


@pytest.mark.parametrize("round_", range(4))
def test_documents_with_canvas_commands_are_collected_safely(round_, make_view):
    gc.collect()  # frees the previous round's view and document (this crashed once: QUndoStack::clear)
    view = make_view()
    before = state(view)
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, view.mapFromScene(600, -200)
    )
    QTest.keyClicks(view.viewport(), "abc")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    undo_redo_check(view, before)
