"""Marking statements implicit (unstated premises) on the canvas: shortcut, context menu, undo, drawing."""

from __future__ import annotations

from canvas_support import point_of, state, undo_redo_check
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _click(view, eid: str, mods=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, mods, point_of(view, eid))


def test_shortcut_marks_the_selected_premises_implicit_then_stated_again(make_view):
    view = make_view()
    before = state(view)
    _click(view, "P2")
    _click(view, "O", Qt.KeyboardModifier.ControlModifier)
    assert set(view.map_scene.selected_statements()) == {"P2", "O"}
    act = view.canvas_actions.implicit
    assert not act.isChecked() and act in view.canvas_actions.structure_actions  # menus and context menu
    QTest.keyClick(view.viewport(), Qt.Key.Key_I, CTRL_SHIFT)
    amap = view.doc.map
    assert amap.statements["P2"].implicit and amap.statements["O"].implicit and not amap.statements["P1"].implicit
    assert act.isChecked()
    card = view.map_scene.item_for("P2")
    assert card.metrics.text_lines[0].startswith("[") and card.metrics.text_lines[-1].endswith("]")
    undo_redo_check(view, before)  # both in one step
    assert act.isChecked()
    QTest.keyClick(view.viewport(), Qt.Key.Key_I, CTRL_SHIFT)  # all of them implicit: stated again
    assert state(view) == before and not act.isChecked()
    assert view.doc.undo_stack.count() == 2
    assert not view.map_scene.item_for("P2").metrics.text_lines[0].startswith("[")


def test_a_mixed_selection_becomes_all_implicit(make_view):
    view = make_view()
    view.doc.map.update_statement("P1", implicit=True)
    _click(view, "P1")
    _click(view, "P2", Qt.KeyboardModifier.ControlModifier)
    assert not view.canvas_actions.implicit.isChecked()
    view.canvas_actions.implicit.trigger()
    assert view.doc.map.statements["P1"].implicit and view.doc.map.statements["P2"].implicit
    view.doc.undo_stack.undo()
    assert view.doc.map.statements["P1"].implicit and not view.doc.map.statements["P2"].implicit


def test_copy_and_paste_keeps_the_implicit_flag(make_view):
    view = make_view()
    view.doc.map.update_statement("P2", implicit=True)
    _click(view, "P2")
    QTest.keyClick(view.viewport(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view.viewport(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    (new,) = view.map_scene.selected_statements()
    assert new != "P2" and view.doc.map.statements[new].implicit is True
