"""Canvas view: clipboard, zoom and pan, find, layout of unplaced maps, passage drops, rendering."""

from __future__ import annotations

import json

from canvas_support import point_of, small_map, state, undo_redo_check
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from argmap.model import ArgumentMap, Kind, Polarity, Source
from argmap.model.passages import PASSAGE_MIME
from argmap.ui.canvas.clipboard import FRAGMENT_MIME
from argmap.ui.document.commands import AddSourceCommand

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def _select(view, *ids):
    QTest.mouseClick(view.viewport(), LEFT, NO, point_of(view, ids[0], 0, 6))
    for eid in ids[1:]:
        QTest.mouseClick(view.viewport(), LEFT, CTRL, point_of(view, eid, 0, 6))
    assert set(view.map_scene.selected_ids()) == set(ids)


def test_copy_paste_brings_statements_and_the_relations_among_them(make_view):
    view = make_view()
    _select(view, "P1", "E")
    QTest.keyClick(view.viewport(), Qt.Key.Key_C, CTRL)
    md = QGuiApplication.clipboard().mimeData()
    assert md.hasFormat(FRAGMENT_MIME) and "It is cheap." in md.text()
    before = state(view)
    QTest.keyClick(view.viewport(), Qt.Key.Key_V, CTRL)
    amap = view.doc.map
    assert len(amap.statements) == 7 and len(amap.relations) == 4
    new = set(view.map_scene.selected_ids())
    assert len(new) == 2 and not new & {"P1", "E"}
    (rel,) = [r for r in amap.relations.values() if r.target in new]
    assert set(rel.premises) <= new and rel.polarity is Polarity.SUPPORT
    assert view.doc.undo_stack.count() == 1
    undo_redo_check(view, before)


def test_cut_and_paste_into_another_window(make_view):
    view = make_view()
    _select(view, "C", "O")
    before = state(view)
    QTest.keyClick(view.viewport(), Qt.Key.Key_X, CTRL)
    assert "C" not in view.doc.map.statements and "R2" not in view.doc.map.relations
    undo_redo_check(view, before)
    other = make_view(ArgumentMap("empty"))
    other_before = state(other)
    QTest.keyClick(other.viewport(), Qt.Key.Key_V, CTRL)
    texts = sorted(s.text for s in other.doc.map.statements.values())
    assert texts == ["It is risky.", "We should do it."]
    (rel,) = other.doc.map.relations.values()
    assert rel.polarity is Polarity.ATTACK
    undo_redo_check(other, other_before)


def test_wheel_zooms_around_the_cursor(make_view):
    view = make_view()
    at = point_of(view, "O")
    scene_before = view.mapToScene(at)
    z = view.zoom()
    QTest.mouseMove(view.viewport(), at)
    from PySide6.QtGui import QWheelEvent

    ev = QWheelEvent(
        QPointF(at),
        QPointF(view.viewport().mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        NO,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), ev)
    assert view.zoom() > z * 1.3
    after = view.mapToScene(at)
    assert (after - scene_before).manhattanLength() < 3


def test_middle_button_drag_pans(make_view):
    view = make_view()
    view.zoom_in()
    view.zoom_in()
    vp = view.viewport()
    start = QPoint(500, 400)
    before = view.mapToScene(start)
    QTest.mousePress(vp, Qt.MouseButton.MiddleButton, NO, start)
    for i in range(1, 6):
        QTest.mouseMove(vp, start + QPoint(-20 * i, -10 * i))
    QTest.mouseRelease(vp, Qt.MouseButton.MiddleButton, NO, start + QPoint(-100, -50))
    assert view.mapToScene(start + QPoint(-100, -50)).x() == before.x()
    assert (view.mapToScene(start) - before).manhattanLength() > 50
    assert view.doc.undo_stack.count() == 0


def test_fit_and_zoom_to_selection(make_view):
    view = make_view()
    view.zoom_fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for item in view.map_scene.node_items.values():
        assert visible.contains(item.scene_card_rect())
    _select(view, "E")
    view.zoom_to_selection()
    assert view.zoom() > 1.2
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(view.map_scene.node_items["E"].pos())


def test_find_highlights_and_centres(make_view):
    view = make_view()
    view.set_find_matches(["O", "E"])
    assert view.map_scene.node_items["O"].found and not view.map_scene.node_items["C"].found
    view.center_on("E")
    centre = view.mapToScene(view.viewport().rect().center())
    assert (centre - view.map_scene.node_items["E"].pos()).manhattanLength() < 8
    view.set_find_matches([])
    assert not view.map_scene.node_items["O"].found


def test_a_map_without_positions_is_laid_out_without_overlap(make_view):
    m = small_map()
    m.move({k: None for k in list(m.positions)})
    view = make_view(m)
    rects = [it.scene_card_rect() for it in view.map_scene.node_items.values()]
    assert len({(r.x(), r.y()) for r in rects}) == len(rects)
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b)
    # the conclusion is above its reasons
    assert view.doc.map.positions["C"][1] < view.doc.map.positions["P1"][1]


def test_auto_arrange_is_one_undo_step(make_view):
    view = make_view()
    view.doc.push(
        __import__("argmap.ui.document.commands", fromlist=["MoveCommand"]).MoveCommand(
            view.doc, {"O": (-250, 0), "P2": (10, 20)}
        )
    )
    before = state(view)
    view.auto_arrange()
    rects = [it.scene_card_rect() for it in view.map_scene.node_items.values()]
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b)
    undo_redo_check(view, before)


def _drop(view, data: dict, at: QPoint, mods=NO):
    md = QMimeData()
    md.setData(PASSAGE_MIME, json.dumps(data).encode())
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, md, LEFT, mods)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(at), Qt.DropAction.CopyAction, md, LEFT, mods)
    QApplication.sendEvent(view.viewport(), drop)


def _with_source():
    m = small_map()
    m.add_source(Source("S", "Cheap is good. Risk is everywhere."))
    return m


def test_dropping_a_passage_on_empty_canvas_makes_an_anchored_statement(make_view):
    view = make_view(_with_source())
    before = state(view)
    _drop(view, {"source": "S", "start": 0, "end": 14, "text": "Cheap is good."}, view.mapFromScene(700, 0))
    (st,) = [s for s in view.doc.map.statements.values() if s.id not in small_map().statements]
    assert st.text == "Cheap is good." and st.anchors[0].source_id == "S" and st.kind is Kind.PREMISE
    assert abs(view.doc.map.positions[st.id][0] - 700) < 1
    undo_redo_check(view, before)


def test_dropping_a_passage_on_a_card_anchors_it_or_adds_support(make_view):
    view = make_view(_with_source())
    before = state(view)
    data = {"source": "S", "start": 15, "end": 34, "text": "Risk is everywhere."}
    _drop(view, data, point_of(view, "O"))
    assert view.doc.map.statements["O"].anchors[0].start == 15
    undo_redo_check(view, before)
    before = state(view)
    _drop(view, data, point_of(view, "O"), Qt.KeyboardModifier.ShiftModifier)
    (rel,) = [r for r in view.doc.map.relations.values() if r.target == "O"]
    assert view.doc.map.statements[rel.premises[0]].text == "Risk is everywhere."
    undo_redo_check(view, before)


def test_rendered_view_shows_each_card_where_the_scene_says(make_view):
    view = make_view()
    view.set_theme(False)
    view.zoom_fit()
    img = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
    img.fill(QColor("black"))
    p = QPainter(img)
    view.render(p, source=view.viewport().rect())
    p.end()
    theme = view.theme()
    colours = {img.pixelColor(x, y).rgb() for x in range(0, img.width(), 37) for y in range(0, img.height(), 29)}
    assert len(colours) > 5  # not blank
    for sid, item in view.map_scene.node_items.items():
        r = item.scene_card_rect()
        inside = view.mapFromScene(QPointF(r.center().x(), r.bottom() - 4))
        outside = view.mapFromScene(QPointF(r.left() - 14, r.top() + 3))
        fill = theme.card[item.statement.kind]
        got = img.pixelColor(inside)
        assert max(abs(got.red() - fill.red()), abs(got.green() - fill.green()), abs(got.blue() - fill.blue())) < 12, (
            sid
        )
        assert img.pixelColor(outside) == theme.background, sid


def test_the_empty_canvas_hint_follows_the_source_once_one_is_added(make_view, qtbot):
    view = make_view(ArgumentMap(""))
    assert "Add Source" in view.empty_hint()
    before = view.viewport().grab().toImage()
    view.doc.push(AddSourceCommand(view.doc, Source("s1", "The summit matters. We should worry.")))
    # the next step, not the one just done: select a passage and make it a card
    hint = view.empty_hint()
    assert "Add Source" not in hint and "select a passage" in hint.lower() and "Ctrl+1" in hint
    qtbot.waitUntil(lambda: view.viewport().grab().toImage() != before)


def test_an_empty_map_shows_no_scroll_bars_until_it_has_a_card(make_view, qtbot):
    view = make_view(ArgumentMap(""))
    assert not view.horizontalScrollBar().isVisible() and not view.verticalScrollBar().isVisible()
    QTest.mouseDClick(view.viewport(), LEFT, NO, view.viewport().rect().center())  # the first card
    QTest.keyClicks(view.viewport(), "A first claim")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert len(view.doc.map.statements) == 1
    qtbot.waitUntil(lambda: view.verticalScrollBar().isVisible())  # now there is somewhere to scroll
    view.doc.undo_stack.undo()
    qtbot.waitUntil(lambda: not view.verticalScrollBar().isVisible())
