"""Creating statements on the canvas with real gestures: double-click, keyboard, structure edits."""

from __future__ import annotations

from canvas_support import point_of, state, undo_redo_check
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from argmap.model import Kind, Polarity


def _type(view, text: str) -> None:
    QTest.keyClicks(view.viewport(), text)


def _enter(view, mods=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return, mods)


def _new_ids(view, before_ids):
    return [s for s in view.doc.map.statements if s not in before_ids]


def test_double_click_on_empty_canvas_creates_a_statement_open_for_typing(make_view):
    view = make_view()
    before = state(view)
    ids = set(view.doc.map.statements)
    spot = view.mapFromScene(600, -200)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    assert view.interaction.editor is not None
    _type(view, "A brand new claim")
    _enter(view)
    new = _new_ids(view, ids)
    assert len(new) == 1
    st = view.doc.map.statements[new[0]]
    assert st.text == "A brand new claim" and st.kind is Kind.PREMISE
    x, y = view.doc.map.positions[new[0]]
    assert abs(x - 600) < 1 and abs(y + 200) < 1
    assert view.doc.undo_stack.count() == 1  # creation and its first text: one step
    undo_redo_check(view, before)


def test_escape_on_a_new_empty_card_removes_it_without_an_undo_step(make_view):
    view = make_view()
    before = state(view)
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, view.mapFromScene(600, -200)
    )
    assert len(view.doc.map.statements) == 6
    QTest.keyClick(view.viewport(), Qt.Key.Key_Escape)
    assert state(view) == before
    assert view.doc.undo_stack.count() == 0


def test_keyboard_new_statement(make_view):
    view = make_view()
    before = state(view)
    QTest.keyClick(
        view.viewport(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert view.interaction.editor is not None
    _type(view, "From the keyboard")
    _enter(view)
    assert any(s.text == "From the keyboard" for s in view.doc.map.statements.values())
    undo_redo_check(view, before)


def _select(qtbot, view, eid):
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point_of(view, eid, 0, 6)
    )
    assert view.map_scene.selected_ids() == [eid]


CS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _structure(qtbot, view, eid, key, text):
    _select(qtbot, view, eid)
    before = state(view)
    ids = set(view.doc.map.statements)
    rels = set(view.doc.map.relations)
    QTest.keyClick(view.viewport(), key, CS)
    assert view.interaction.editor is not None
    _type(view, text)
    _enter(view)
    new = _new_ids(view, ids)
    assert len(new) == 1
    new_rels = [r for r in view.doc.map.relations if r not in rels]
    return before, new[0], new_rels


def test_add_supporting_premise(qtbot, make_view):
    view = make_view()
    before, sid, rels = _structure(qtbot, view, "O", Qt.Key.Key_P, "Risk is low")
    amap = view.doc.map
    assert amap.statements[sid].text == "Risk is low"
    (rel,) = [amap.relations[r] for r in rels]
    assert rel.premises == (sid,) and rel.target == "O" and rel.polarity is Polarity.SUPPORT
    # placed below its target, overlapping no other card
    assert amap.positions[sid][1] > amap.positions["O"][1]
    r_new = view.map_scene.node_items[sid].scene_card_rect()
    for other, item in view.map_scene.node_items.items():
        if other != sid:
            assert not r_new.intersects(item.scene_card_rect())
    assert view.doc.undo_stack.count() == 1
    undo_redo_check(view, before)


def test_add_objection_and_evidence(qtbot, make_view):
    view = make_view()
    before, sid, rels = _structure(qtbot, view, "P2", Qt.Key.Key_O, "Not all cheap things")
    rel = view.doc.map.relations[rels[0]]
    assert rel.polarity is Polarity.ATTACK and rel.target == "P2" and rel.premises == (sid,)
    undo_redo_check(view, before)
    before, sid, rels = _structure(qtbot, view, "O", Qt.Key.Key_E, "Accident statistics")
    assert view.doc.map.statements[sid].kind is Kind.EVIDENCE
    rel = view.doc.map.relations[rels[0]]
    assert rel.polarity is Polarity.SUPPORT and rel.target == "O"
    undo_redo_check(view, before)


def test_add_co_premise_joins_the_linked_relation(qtbot, make_view):
    view = make_view()
    before, sid, rels = _structure(qtbot, view, "P2", Qt.Key.Key_L, "And it is easy")
    assert rels == []
    assert view.doc.map.relations["R1"].premises == ("P1", "P2", sid)
    undo_redo_check(view, before)


def test_add_undercut_attacks_the_relation(qtbot, make_view):
    view = make_view()
    before, sid, rels = _structure(qtbot, view, "O", Qt.Key.Key_U, "Risk does not matter here")
    rel = view.doc.map.relations[rels[0]]
    assert rel.target == "R2" and rel.polarity is Polarity.ATTACK
    # the undercut's arrow ends on the attacked junction
    item = view.map_scene.relation_items[rel.id]
    tip = item.mapToScene(item.paths()[1].pointAtPercent(1.0))
    junction = view.map_scene.relation_items["R2"].pos()
    assert (tip - junction).manhattanLength() < 14
    undo_redo_check(view, before)


def test_change_kind_and_polarity_from_the_keyboard(qtbot, make_view):
    view = make_view()
    _select(qtbot, view, "P1")
    before = state(view)
    QTest.keyClick(view.viewport(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert view.doc.map.statements["P1"].kind is Kind.EVIDENCE
    undo_redo_check(view, before)
    _select(qtbot, view, "O")
    before = state(view)
    QTest.keyClick(view.viewport(), Qt.Key.Key_T, CS)
    assert view.doc.map.relations["R2"].polarity is Polarity.SUPPORT
    undo_redo_check(view, before)


def test_context_menu_offers_the_structure_actions(make_view):
    view = make_view()
    before = state(view)
    pos = point_of(view, "O")
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    ev = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), ev)
    menu = view.interaction.menu
    assert menu is not None and menu.isVisible()
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Add Objection" in texts
    action = [a for a in menu.actions() if a.text().replace("&", "") == "Add Objection"][0]
    menu.close()
    action.trigger()
    assert view.interaction.editor is not None
    _type(view, "Objection from the menu")
    _enter(view)
    assert any(s.text == "Objection from the menu" for s in view.doc.map.statements.values())
    undo_redo_check(view, before)


def test_a_card_opened_for_typing_near_the_edge_shows_all_of_its_editor(make_view):
    view = make_view()
    vp = view.viewport().rect()
    spot = vp.center()
    spot.setX(vp.right() - 70)  # a new card by the right edge: its editor is wider than the empty card
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot)
    editor = view.interaction.editor
    assert editor is not None
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.contains(editor.sceneBoundingRect())
