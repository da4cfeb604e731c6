"""Arranging keeps every reason one row below what it answers; new cards cover nothing; cards name their role."""

from __future__ import annotations

from pathlib import Path

import pytest
from canvas_support import state
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from argmap import measure
from argmap.io import load_map
from argmap.model import ArgumentMap, Kind, Polarity, Source, Statement
from argmap.ui.document.controller import DocumentController
from argmap.ui.paint import drawing
from argmap.ui.source.panel import SourcePanel

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
CS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def add(view, target: str, key: Qt.Key, text: str) -> str:
    """Select ``target``, press Ctrl+Shift+``key`` (a supporting premise, an objection, evidence, an
    undercut, a co-premise), type ``text`` and Enter; the new statement's id."""
    view.map_scene.select_ids([target])
    before = set(view.doc.map.statements)
    QTest.keyClick(view.viewport(), key, CS)
    assert view.interaction.editor is not None
    QTest.keyClicks(view.viewport(), text)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    (sid,) = [s for s in view.doc.map.statements if s not in before]
    return sid


def student_map(view) -> dict[str, str]:
    """What a student builds first, card by card: a claim, reasons, objections, evidence, an undercut."""
    ids = {"claim": "C"}
    ids["danger"] = add(view, "C", Qt.Key.Key_P, "Two of the most dangerous states are meeting")
    ids["no deal"] = add(view, "C", Qt.Key.Key_O, "There may be no deal at all")
    ids["disaster"] = add(view, "C", Qt.Key.Key_P, "A deal would spell disaster")
    ids["tests"] = add(view, ids["danger"], Qt.Key.Key_E, "Missile tests during the talks")
    ids["not so"] = add(view, ids["danger"], Qt.Key.Key_O, "Not every meeting is dangerous")
    ids["either way"] = add(view, ids["no deal"], Qt.Key.Key_U, "Deal or no deal, Kim gains")
    return ids


def new_map() -> ArgumentMap:
    amap = ArgumentMap("op-ed")
    amap.add_statement(Statement("C", "The summit is rightly feared", Kind.CONCLUSION), (0.0, 0.0))
    return amap


def rows(view) -> dict[str, int]:
    """Every card's row: the rank of its centre's height (a row's cards share it)."""
    sc = view.map_scene
    ys = {sid: round(sc.pos[sid][1], 3) for sid in view.doc.map.statements}
    levels = sorted(set(ys.values()))
    return {sid: levels.index(y) for sid, y in ys.items()}


def covered(view) -> list[tuple[str, str]]:
    """Pairs of a card and a card or junction (as the canvas draws them) that overlap."""
    sc, amap = view.map_scene, view.doc.map
    cards = {sid: sc.node_rect(sid) for sid in amap.statements}
    junctions = {rid: sc.node_rect(rid) for rid in amap.relations}
    hits = []
    for sid, r in cards.items():
        hits += [(sid, o) for o, q in cards.items() if o < sid and r.intersects(q)]
        hits += [(sid, j) for j, q in junctions.items() if r.intersects(q)]
    return hits


def test_after_arranging_every_reason_and_objection_is_one_row_below_its_target(make_view):
    view = make_view(new_map())
    ids = student_map(view)
    before = state(view)
    QTest.keyClick(view.viewport(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert state(view) != before and view.doc.undo_stack.count() == 7  # six cards, one arrangement
    amap, row = view.doc.map, rows(view)
    objections = [r for r in amap.relations.values() if r.polarity is Polarity.ATTACK and r.target in amap.statements]
    assert len(objections) == 2
    for rel in amap.relations.values():
        if rel.target in amap.statements:
            assert row[rel.premises[0]] == row[rel.target] + 1, amap.statements[rel.premises[0]].text
    # the undercut stands beside the objection whose step it attacks
    assert row[ids["either way"]] == row[ids["no deal"]]
    assert not covered(view)


@pytest.mark.parametrize("start", ["new TB map", "op-ed sample (LR, titles only)"])
def test_new_cards_made_before_arranging_cover_no_card_and_no_junction(make_view, start):
    if start.startswith("new"):
        view = make_view(new_map())
        student_map(view)
        targets = list(view.doc.map.statements)
    else:
        view = make_view(load_map(SAMPLES / "kim-putin-summit.argmap.json"))
        amap = view.doc.map
        targets = [sid for sid in amap.statements if amap.relations_into(sid)][1:4]  # claims with reasons
    for i, target in enumerate(targets[:4]):
        for key in (Qt.Key.Key_P, Qt.Key.Key_O, Qt.Key.Key_E):
            add(view, target, key, f"A new statement {i} with a few more words than it started with")
            assert not covered(view)


def _painted(paint) -> QImage:
    img = QImage(360, 140, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    p.translate(180, 70)
    paint(p)
    p.end()
    return img


def test_cards_that_attack_name_their_role_and_keep_their_kind(make_view, tmp_path):
    view = make_view()  # canvas_support's small map: O attacks C, E supports P1
    sc, amap = view.map_scene, view.doc.map
    u = add(view, "O", Qt.Key.Key_U, "Risk does not matter here")
    assert [sc.node_items[s].word() for s in ("O", u, "P1", "E", "C")] == ["OBJECTION", "UNDERCUT", None, None, None]

    item = sc.node_items["O"]
    theme = sc.theme

    def card(word):
        return _painted(
            lambda p: drawing.draw_card(p, item.card_rect(), item.statement, item.metrics, theme, word=word)
        )

    shown = _painted(lambda p: item.paint(p, QStyleOptionGraphicsItem(), None))
    assert shown == card("OBJECTION") and shown != card(None)  # None: the kind's word, PREMISE
    assert amap.statements["O"].kind is Kind.PREMISE  # the file keeps the kind

    before = state(view)
    view.map_scene.select_ids(["O"])
    QTest.keyClick(view.viewport(), Qt.Key.Key_T, CS)  # the objection becomes a support...
    assert item.word() is None
    view.doc.undo_stack.undo()  # ...and back
    assert state(view) == before and item.word() == "OBJECTION"
    view.doc.map.remove([amap.relations_from("O")[0].id])
    assert item.word() is None
    assert sc.node_items[u].word() is None  # its relation went with the one it attacked


def test_reasons_made_from_passages_get_a_junction_that_later_cards_keep_clear_of(qtbot):
    text = " ".join(f"Sentence number {i} says something the map needs." for i in range(6))
    amap = ArgumentMap("t")
    amap.add_source(Source("src", text))
    doc = DocumentController(amap)
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    view = panel.views["src"]

    def make(i: int, kind: Kind) -> str:
        start = text.index(f"Sentence number {i}")
        cur = QTextCursor(view.document())
        cur.setPosition(view.to_qt(start))
        cur.setPosition(view.to_qt(text.index(".", start) + 1), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cur)
        return panel.make_statement(kind)

    claim = make(0, Kind.CONCLUSION)
    panel.link_action.setChecked(True)
    for i in range(1, 6):
        doc.select([claim])
        make(i, Kind.PREMISE)
    assert len(amap.relations) == 5
    assert all(rid in amap.positions for rid in amap.relations)  # none left to be placed by the canvas
    half = measure.JUNCTION_SIZE / 2
    for sid in amap.statements:
        (x, y), (w, h) = amap.positions[sid], measure.statement_size(amap, sid)
        for rid in amap.relations:
            jx, jy = amap.positions[rid]
            assert abs(x - jx) >= w / 2 + half or abs(y - jy) >= h / 2 + half


def test_after_arranging_the_whole_map_is_in_view_and_the_step_is_named(make_view):
    view = make_view(new_map())
    student_map(view)
    view.zoom_out()
    view.zoom_out()
    view.centerOn(view.map_scene.content_rect().bottomRight() + QPointF(600, 0))  # the user had scrolled away
    QTest.keyClick(view.viewport(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    sc = view.map_scene
    assert sc.content_rect().width() < seen.width()  # it fits at this zoom...
    for sid in view.doc.map.statements:  # ...and is shown whole
        assert seen.contains(sc.node_rect(sid)), view.doc.map.statements[sid].text
    assert view.doc.undo_stack.undoText() == "Auto-arrange"
