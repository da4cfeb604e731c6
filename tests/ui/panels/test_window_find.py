"""Find (Ctrl+F): highlights the matches on the canvas, steps through them, centres and selects each."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from window_support import activate, small_map

from argmap.ui.panels.find_bar import find_matches


def test_find_matches_every_word_in_text_title_notes_and_tags():
    amap = small_map()
    assert find_matches(amap, "tax") == ["c", "p2", "p3", "o1"]
    assert find_matches(amap, "SODA") == ["c"]  # the title, case-insensitively
    assert find_matches(amap, "tax poor") == ["o1"]
    assert find_matches(amap, "   ") == []


def test_find_bar_highlights_steps_and_centres(qtbot, make_window):
    w = make_window(small_map())
    activate(qtbot, w)
    view, scene = w.view, w.view.map_scene
    view.zoom_reset()
    for _ in range(3):
        view.zoom_in()  # zoomed in, so centring has somewhere to scroll
    centred: list[str] = []
    real_center = view.center_on
    view.center_on = lambda eid: (centred.append(eid), real_center(eid))  # type: ignore[method-assign]
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = w.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    qtbot.keyClicks(bar.edit, "tax")
    assert scene.find_matches() == {"c", "p2", "p3", "o1"}
    assert bar.count_label.text() == "4 matches"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert w.doc.selection == ["c"] and centred == ["c"] and bar.count_label.text() == "1 of 4"
    centre = view.mapToScene(view.viewport().rect().center())
    card = scene.item_for("c").sceneBoundingRect().center()
    assert (QPointF(centre) - card).manhattanLength() < 4
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert w.doc.selection == ["p3"] and bar.count_label.text() == "3 of 4"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert w.doc.selection == ["p2"] and centred == ["c", "p2", "p3", "p2"]
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and scene.find_matches() == set()


def test_no_match_says_so(qtbot, make_window):
    w = make_window()
    w.find_bar.open_bar()
    qtbot.keyClicks(w.find_bar.edit, "zebra")
    assert w.find_bar.count_label.text() == "No matches"
    qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_Return)
    assert w.doc.selection == []
