"""New and grown cards keep clear of their neighbours' cards, junctions and lines, before any arranging."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest
from window_support import activate

from argmap.draw.numbers import badge_box
from argmap.model import ArgumentMap, Kind, Statement

CS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def add(view, target: str, key: Qt.Key, text: str) -> str:
    """Select ``target``, press Ctrl+Shift+``key``, type ``text`` and Enter; the new statement's id."""
    view.map_scene.select_ids([target])
    before = set(view.doc.map.statements)
    QTest.keyClick(view.viewport(), key, CS)
    assert view.interaction.editor is not None
    QTest.keyClicks(view.viewport(), text)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    (sid,) = [s for s in view.doc.map.statements if s not in before]
    return sid


def new_map() -> ArgumentMap:
    amap = ArgumentMap("op-ed")
    amap.add_statement(
        Statement("C", "So when Kim and Putin sat down together, the West rightly watched with fear.", Kind.CONCLUSION),
        (0.0, 0.0),
    )
    return amap


def covered(view) -> list[tuple[str, str]]:
    """Pairs of a card and a card or junction (as the canvas draws them) that overlap, and pairs of
    junctions whose markers overlap."""
    sc, amap = view.map_scene, view.doc.map
    cards = {sid: sc.node_rect(sid) for sid in amap.statements}
    junctions = {rid: sc.node_rect(rid) for rid in amap.relations}
    hits = []
    for sid, r in cards.items():
        hits += [(sid, o) for o, q in cards.items() if o < sid and r.intersects(q)]
        hits += [(sid, j) for j, q in junctions.items() if r.intersects(q)]
    for rid, r in junctions.items():
        hits += [(rid, o) for o, q in junctions.items() if o < rid and r.adjusted(-2, -2, 2, 2).intersects(q)]
    return hits


def between(view, a: str, b: str) -> list[str]:
    """Cards and junctions in the band between cards ``a`` and ``b`` of one row."""
    sc, amap = view.map_scene, view.doc.map
    ra, rb = sc.node_rect(a), sc.node_rect(b)
    left, right = min(ra.right(), rb.right()), max(ra.left(), rb.left())
    band = QRectF(left, min(ra.top(), rb.top()), right - left, max(ra.bottom(), rb.bottom()) - min(ra.top(), rb.top()))
    return [e for e in (*amap.statements, *amap.relations) if e not in (a, b) and sc.node_rect(e).intersects(band)]


def test_a_co_premise_goes_beside_its_partner_away_from_an_objection(make_view):
    view = make_view(new_map())
    danger = add(view, "C", Qt.Key.Key_P, "North Korea has made clear it will not curb its missiles")
    add(view, danger, Qt.Key.Key_E, "Likewise, the Kremlin shows no intention of ending its war")
    add(view, "C", Qt.Key.Key_O, "The summit may produce no deal at all")
    before = dict(view.doc.map.positions)
    steps = view.doc.undo_stack.count()
    co = add(view, danger, Qt.Key.Key_L, "North Korea and Russia are among the most dangerous states")
    amap = view.doc.map

    (rel,) = amap.relations_from(co)
    assert rel.premises == (danger, co)
    assert not covered(view)
    assert between(view, danger, co) == []  # beside its partner: nothing between them
    assert abs(amap.positions[co][1] - amap.positions[danger][1]) < 1
    moved = [k for k, p in before.items() if k != rel.id and amap.positions.get(k) != p]
    assert moved == []  # nothing the user placed was shifted
    assert view.doc.undo_stack.count() == steps + 1


def student_map(view) -> dict[str, str]:
    ids = {"claim": "C"}
    ids["danger"] = add(view, "C", Qt.Key.Key_P, "North Korea will not curb its missiles")
    ids["tests"] = add(view, ids["danger"], Qt.Key.Key_E, "Missile tests during the talks")
    ids["no deal"] = add(view, "C", Qt.Key.Key_O, "There may be no deal at all")
    ids["not so"] = add(view, ids["danger"], Qt.Key.Key_O, "Tests may be routine")
    return ids


def test_a_card_whose_text_grows_pushes_its_neighbours_aside_in_the_same_step(make_view):
    view = make_view(new_map())
    ids = student_map(view)
    assert not covered(view)
    before = dict(view.doc.map.positions)
    steps = view.doc.undo_stack.count()
    sc = view.map_scene
    (evidence,) = [r.id for r in view.doc.map.relations_into(ids["danger"]) if ids["tests"] in r.premises]
    room = sc.node_rect(evidence).top() - sc.node_rect(ids["danger"]).bottom()
    top = sc.node_rect(ids["danger"]).top()
    view.map_scene.select_ids([ids["danger"]])
    QTest.keyClick(view.viewport(), Qt.Key.Key_F2)
    assert view.interaction.editor is not None
    QTest.keyClick(view.viewport(), Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(view.viewport(), ": it even launched two ballistic missiles while Kim was in talks with Putin" * 2)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert view.doc.map.statements[ids["danger"]].text.endswith("Putin")
    assert not covered(view)
    assert abs(sc.node_rect(ids["danger"]).top() - top) < 1  # grown away from its target ...
    assert abs(sc.node_rect(evidence).top() - sc.node_rect(ids["danger"]).bottom() - room) < 1  # ... its reasons along
    assert view.doc.undo_stack.count() == steps + 1
    view.doc.undo_stack.undo()
    assert dict(view.doc.map.positions) == before


@pytest.mark.parametrize("titles_only", [False, True])
def test_titles_typed_in_the_inspector_grow_cards_clear_of_their_neighbours(qtbot, make_window, titles_only):
    w = make_window(new_map())
    view, insp = w.view, w.inspector
    activate(qtbot, w)
    view.setFocus()
    ids = student_map(view)
    if titles_only:
        QTest.keyClick(view.viewport(), Qt.Key.Key_H, CS)
        assert view.canvas_actions.titles_only.isChecked()
    titles = {
        "claim": "The West is right to fear the summit",
        "danger": "North Korea won't curb its arms",
        "tests": "Missile tests during the talks",
        "no deal": "There may be no deal at all",
        "not so": "Tests during talks may be routine, not a signal",
    }
    before = dict(w.doc.map.positions)
    start = w.doc.undo_stack.count()
    for name, title in titles.items():
        w.doc.select([ids[name]])
        steps = w.doc.undo_stack.count()
        insp.st_title.setFocus()
        qtbot.keyClicks(insp.st_title, title)
        qtbot.keyClick(insp.st_title, Qt.Key.Key_Return)
        assert w.doc.map.statements[ids[name]].title == title
        assert w.doc.undo_stack.count() == steps + 1
        assert not covered(view), name
    while w.doc.undo_stack.index() > start:  # each title and what it moved aside: one step
        w.doc.undo_stack.undo()
    assert dict(w.doc.map.positions) == before
    assert not any(st.title for st in w.doc.map.statements.values())


def badges_on_lines(view) -> list[str]:
    """The cards whose number badge (where the canvas paints it) a relation's line runs through."""
    sc, numbers = view.map_scene, view.map_scene.numbers
    corners = getattr(sc, "badge_corners", {})
    points = []
    for item in sc.relation_items.values():
        premise_paths, target_path = item.paths()
        for path in (*premise_paths, target_path):
            points += [item.mapToScene(path.pointAtPercent(k / 400)) for k in range(401)]
    hit = []
    for sid, n in numbers.items():
        r = sc.node_items[sid].scene_card_rect()
        corner = [corners[sid]] if sid in corners else []  # on its top left unless moved
        bx, by, bw, bh = badge_box((r.x(), r.y(), r.width(), r.height()), n, *corner)
        badge = QRectF(bx, by, bw, bh).adjusted(1, 1, -1, -1)
        if any(badge.contains(p) for p in points):
            hit.append(sid)
    return hit


@pytest.mark.parametrize("titles_only", [False, True])
def test_card_numbers_keep_off_the_lines_of_linked_premises_after_arranging(qtbot, make_window, titles_only):
    w = make_window(new_map())
    view = w.view
    activate(qtbot, w)
    view.setFocus()
    danger = add(view, "C", Qt.Key.Key_P, "North Korea has made clear that it has no intention of curbing its arms")
    tests = add(view, danger, Qt.Key.Key_E, "Likewise, the Kremlin shows no intention of ending its war")
    add(view, "C", Qt.Key.Key_O, "The summit may produce no deal at all")
    add(view, danger, Qt.Key.Key_L, "North Korea and Russia are among the most dangerous states")
    add(view, tests, Qt.Key.Key_O, "Russia's war says nothing about its plans in Asia")
    if titles_only:
        QTest.keyClick(view.viewport(), Qt.Key.Key_H, CS)
    QTest.keyClick(view.viewport(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    w.canvas_actions.show_numbers.trigger()
    assert len(view.map_scene.numbers) == 6
    assert badges_on_lines(view) == []
