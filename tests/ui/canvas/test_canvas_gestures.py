"""Canvas gestures: connecting, attaching, moving, nudging, navigating, editing text, deleting."""

from __future__ import annotations

from canvas_support import drag, point_of, small_map, state, undo_redo_check
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from argmap.model import Polarity
from argmap.ui.canvas.items import NodeItem

NO = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def _click(view, eid, mods=NO):
    QTest.mouseClick(view.viewport(), LEFT, mods, point_of(view, eid, 0, 6))


def _handle(view, eid) -> QPoint:
    item = view.map_scene.node_items[eid]
    return view.mapFromScene(item.mapToScene(item.handle_center()))


def test_drag_from_handle_with_shift_connects_as_attack(qtbot, make_view):
    view = make_view()
    before = state(view)
    rels = set(view.doc.map.relations)
    drag(qtbot, view, _handle(view, "E"), point_of(view, "O"), Qt.KeyboardModifier.ShiftModifier)
    (new,) = [view.doc.map.relations[r] for r in view.doc.map.relations if r not in rels]
    assert new.premises == ("E",) and new.target == "O" and new.polarity is Polarity.ATTACK
    assert new.id in view.doc.map.positions  # its junction has a place
    undo_redo_check(view, before)


def test_drag_from_handle_offers_support_or_attack(qtbot, make_view):
    view = make_view()
    before = state(view)
    rels = set(view.doc.map.relations)
    drag(qtbot, view, _handle(view, "E"), point_of(view, "O"))
    menu = view.interaction.menu
    assert menu is not None and menu.isVisible()
    support = [a for a in menu.actions() if a.text() == "Supports"][0]
    menu.close()
    support.trigger()
    (new,) = [view.doc.map.relations[r] for r in view.doc.map.relations if r not in rels]
    assert new.polarity is Polarity.SUPPORT and new.target == "O"
    undo_redo_check(view, before)


def test_drag_from_handle_onto_a_junction_joins_or_undercuts(qtbot, make_view):
    view = make_view()
    before = state(view)
    drag(qtbot, view, _handle(view, "O"), point_of(view, "R1"), Qt.KeyboardModifier.ControlModifier)
    assert view.doc.map.relations["R1"].premises == ("P1", "P2", "O")
    undo_redo_check(view, before)


def test_dropping_a_card_onto_another_attaches_it(qtbot, make_view):
    view = make_view()
    before = state(view)
    rels = set(view.doc.map.relations)
    drag(qtbot, view, point_of(view, "E", 0, 10), point_of(view, "O", 0, 10))
    (new,) = [view.doc.map.relations[r] for r in view.doc.map.relations if r not in rels]
    assert new.premises == ("E",) and new.target == "O" and new.polarity is Polarity.SUPPORT
    amap = view.doc.map
    assert amap.positions["E"][1] > amap.positions["O"][1]  # placed below its new target
    e_rect = view.map_scene.node_items["E"].scene_card_rect()
    assert not e_rect.intersects(view.map_scene.node_items["O"].scene_card_rect())
    assert view.doc.undo_stack.count() == 1
    undo_redo_check(view, before)


def test_rubber_band_and_ctrl_click_select_then_drag_moves_all_in_one_step(qtbot, make_view):
    view = make_view()
    before = state(view)
    # rubber band around P1 and P2 (from empty space left-above P1 to right-below P2)
    a = view.mapFromScene(QPointF(-420, 120))
    b = view.mapFromScene(QPointF(120, 220))
    drag(qtbot, view, a, b)
    assert set(view.map_scene.selected_statements()) == {"P1", "P2"}
    _click(view, "O", Qt.KeyboardModifier.ControlModifier)
    assert set(view.map_scene.selected_statements()) == {"P1", "P2", "O"}
    old = {k: view.doc.map.positions[k] for k in ("P1", "P2", "O", "R1")}
    drag(qtbot, view, point_of(view, "P2", 0, 10), point_of(view, "P2", 0, 110))
    amap = view.doc.map
    for k in ("P1", "P2", "O", "R1"):  # R1's premises all moved: its junction follows
        assert abs(amap.positions[k][1] - old[k][1] - 100) < 2, k
    assert amap.positions["C"] == (0, 0)
    assert view.doc.undo_stack.count() == 1
    undo_redo_check(view, before)


def test_alt_arrow_keys_nudge_and_merge_into_one_step(make_view):
    view = make_view()
    _click(view, "O")
    before = state(view)
    alt = Qt.KeyboardModifier.AltModifier
    for _ in range(3):
        QTest.keyClick(view.viewport(), Qt.Key.Key_Right, alt)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Down, alt | Qt.KeyboardModifier.ShiftModifier)
    assert view.doc.map.positions["O"] == (290, 220)
    assert view.doc.undo_stack.count() == 1
    undo_redo_check(view, before)


def _visible(view, eid) -> bool:
    rect = view.mapFromScene(view.map_scene.item_for(eid).sceneBoundingRect()).boundingRect()
    return view.viewport().rect().contains(rect)


def test_arrow_keys_move_the_selection_along_the_map(make_view):
    view = make_view()
    _click(view, "E")
    before = state(view)
    keys = view.viewport()
    walk = [
        (Qt.Key.Key_Up, "P1"),  # up to the target
        (Qt.Key.Key_Right, "P2"),  # across to the siblings, in their order on the canvas
        (Qt.Key.Key_Right, "O"),
        (Qt.Key.Key_Right, "O"),  # no sibling further right
        (Qt.Key.Key_Up, "C"),
        (Qt.Key.Key_Down, "O"),  # back down to the reason it came up from
        (Qt.Key.Key_Left, "P2"),
        (Qt.Key.Key_Down, "P2"),  # P2 has no reasons
        (Qt.Key.Key_Left, "P1"),
        (Qt.Key.Key_Down, "E"),
    ]
    for key, expected in walk:
        QTest.keyClick(keys, key)
        assert view.map_scene.selected_ids() == [expected], (key, expected)
    assert state(view) == before and view.doc.undo_stack.count() == 0  # nothing moved


def test_down_from_a_card_goes_to_its_first_reason_in_reading_order(make_view):
    view = make_view()
    _click(view, "C")  # P2 sits right under C, but P1 is the first reason from the left
    QTest.keyClick(view.viewport(), Qt.Key.Key_Down)
    assert view.map_scene.selected_ids() == ["P1"]
    QTest.keyClick(view.viewport(), Qt.Key.Key_Right)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Up)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Down)  # unless coming back down to where it went up from
    assert view.map_scene.selected_ids() == ["P2"]


def test_down_goes_to_the_topmost_reason_in_a_left_to_right_map(make_view):
    amap = small_map()
    amap.set_meta(layout_direction="LR")
    amap.move({eid: (y, x) for eid, (x, y) in amap.positions.items()})
    view = make_view(amap)
    _click(view, "C")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Right)  # reasons lie to the right: the top one first
    assert view.map_scene.selected_ids() == ["P1"]


def test_arrow_keys_bring_the_new_selection_into_view(make_view):
    view = make_view()
    view.scale(2.0, 2.0)
    _click(view, "E")
    view.centerOn(view.map_scene.item_for("E"))
    assert not _visible(view, "C")
    for _ in range(2):
        QTest.keyClick(view.viewport(), Qt.Key.Key_Up)
    assert view.map_scene.selected_ids() == ["C"] and _visible(view, "C")


def test_arrow_keys_follow_a_left_to_right_map(make_view):
    amap = small_map()
    amap.set_meta(layout_direction="LR")
    # reasons to the right of their targets, siblings one above another
    amap.move({eid: (y, x) for eid, (x, y) in amap.positions.items()})
    view = make_view(amap)
    _click(view, "E")
    keys = view.viewport()
    for key, expected in [
        (Qt.Key.Key_Left, "P1"),
        (Qt.Key.Key_Down, "P2"),
        (Qt.Key.Key_Left, "C"),
        (Qt.Key.Key_Right, "P2"),
        (Qt.Key.Key_Up, "P1"),
        (Qt.Key.Key_Right, "E"),
    ]:
        QTest.keyClick(keys, key)
        assert view.map_scene.selected_ids() == [expected], (key, expected)


def test_an_arrow_key_with_nothing_selected_selects_the_card_in_the_middle(make_view):
    view = make_view()
    view.centerOn(view.map_scene.item_for("O"))
    view.map_scene.select_ids([])
    QTest.keyClick(view.viewport(), Qt.Key.Key_Down)
    assert view.map_scene.selected_ids() == ["O"]


def test_f2_edit_enter_commits_shift_enter_breaks_escape_cancels(make_view):
    view = make_view()
    _click(view, "P1")
    before = state(view)
    QTest.keyClick(view.viewport(), Qt.Key.Key_F2)
    assert view.interaction.editor is not None
    QTest.keyClicks(view.viewport(), "First line")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(view.viewport(), "second line")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert view.doc.map.statements["P1"].text == "First line\nsecond line"
    assert view.doc.undo_stack.count() == 1
    undo_redo_check(view, before)
    after = state(view)
    QTest.mouseDClick(view.viewport(), LEFT, NO, point_of(view, "P1", 0, 6))
    assert view.interaction.editor is not None
    QTest.keyClicks(view.viewport(), "thrown away")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Escape)
    assert state(view) == after and view.interaction.editor is None


def test_typing_on_a_selected_card_starts_editing(make_view):
    view = make_view()
    _click(view, "O")
    before = state(view)
    QTest.keyClicks(view.viewport(), "Quite risky")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Enter)
    assert view.doc.map.statements["O"].text == "Quite risky"
    assert view.doc.undo_stack.count() == 1
    undo_redo_check(view, before)


def test_delete_takes_relations_that_cannot_stand_and_undo_brings_them_back(make_view):
    view = make_view()
    _click(view, "C")
    before = state(view)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    amap = view.doc.map
    assert "C" not in amap.statements and "R1" not in amap.relations and "R2" not in amap.relations
    assert "R3" in amap.relations
    assert "C" not in view.map_scene.node_items and "R1" not in view.map_scene.relation_items
    undo_redo_check(view, before)
    view.doc.undo_stack.undo()
    assert set(view.map_scene.relation_items) == {"R1", "R2", "R3"}


def test_delete_a_relation_by_clicking_its_junction(make_view):
    view = make_view()
    QTest.mouseClick(view.viewport(), LEFT, NO, point_of(view, "R2"))
    assert view.map_scene.selected_ids() == ["R2"]
    before = state(view)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert "R2" not in view.doc.map.relations and "O" in view.doc.map.statements
    undo_redo_check(view, before)


def test_hover_highlights_what_a_card_supports_and_what_supports_it(qtbot, make_view):
    view = make_view()
    QTest.mouseMove(view.viewport(), point_of(view, "P1", 0, 5))
    qtbot.waitUntil(lambda: view.map_scene.hovered() == "P1")
    related = view.map_scene.related_to_hover()
    assert {"C", "R1", "E", "R3", "P2"} <= related and "O" not in related
    assert view.map_scene.node_items["C"].related


def test_selection_follows_the_document_both_ways(make_view):
    view = make_view()
    _click(view, "P2")
    assert view.doc.selection == ["P2"]
    view.doc.select(["O", "R1"], origin=None)
    assert set(view.map_scene.selected_ids()) == {"O", "R1"}
    assert isinstance(view.map_scene.item_for("O"), NodeItem) and view.map_scene.item_for("O").isSelected()


def test_shift_f10_opens_the_selected_cards_menu(make_view, qtbot):
    view = make_view()
    _click(view, "E")
    qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)  # X11 makes no menu event of it
    menu = view.interaction.menu
    assert menu is not None and view.canvas_actions.add_support in menu.actions()
    assert view.map_scene.selected_ids() == ["E"]
    menu.close()


def test_the_menu_key_opens_the_selected_cards_menu(make_view):
    view = make_view()
    _click(view, "E")
    corner = QPoint(3, 3)  # the Menu key's event names a point of the widget, not of the card
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, corner, view.viewport().mapToGlobal(corner))
    QApplication.sendEvent(view.viewport(), event)
    menu = view.interaction.menu
    assert menu is not None and view.canvas_actions.add_support in menu.actions()
    assert view.map_scene.selected_ids() == ["E"]
    menu.close()
