"""Outline panel: the tree of reasons and objections, selection sync with the canvas, editing text with undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem, QTreeWidgetItemIterator
from window_support import small_map

from argmap.io import dumps
from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement
from argmap.ui.document.commands import AddStatementCommand, UpdateStatementCommand
from argmap.ui.document.controller import DocumentController
from argmap.ui.panels.outline import ROLE_ID, OutlinePanel


def _tree(item) -> tuple:
    children = tuple(_tree(item.child(i)) for i in range(item.childCount()))
    return (item.data(0, ROLE_ID), children) if children else item.data(0, ROLE_ID)


def _outline(panel: OutlinePanel) -> list:
    return [_tree(panel.topLevelItem(i)) for i in range(panel.topLevelItemCount())]


def _rows(panel: OutlinePanel) -> dict[str, list[QTreeWidgetItem]]:
    """The rows of the outline by the id of the element each shows, in the tree's order."""
    rows: dict[str, list[QTreeWidgetItem]] = {}
    it = QTreeWidgetItemIterator(panel)
    while it.value() is not None:
        rows.setdefault(it.value().data(0, ROLE_ID), []).append(it.value())
        it += 1
    return rows


def _click(qtbot, panel: OutlinePanel, item, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    panel.scrollToItem(item)
    rect = panel.visualItemRect(item)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_outline_runs_from_the_conclusion_through_reasons_and_objections(qtbot):
    panel = OutlinePanel(DocumentController(small_map()))
    qtbot.addWidget(panel)
    # R1 is linked (a group with its two premises), R2 a single reason shown as its premise,
    # R4 an objection with an undercut (a group holding its premise and the undercut's premise)
    assert _outline(panel) == [
        ("c", (("R1", ("p1", ("p2", ("e1",)))), "p3", ("R4", ("o1", "u1")))),
    ]
    labels = {_rows(panel)[i][0].text(0) for i in ("R1", "R4")}
    assert labels == {"Reason (premises together)", "Objection"}
    tip = panel.tooltip_for(_rows(panel)["e1"][0])
    assert "Evidence" in tip and "Reason" in tip


def test_shared_premises_and_cycles_are_listed_without_looping(qtbot):
    amap = ArgumentMap()
    amap.add_many(
        [
            Statement("a", "A", Kind.CONCLUSION),
            Statement("b", "B"),
            Statement("c", "C"),
            Statement("x", "X"),
            Statement("y", "Y"),
        ],
        [
            Relation("r1", Polarity.SUPPORT, ("b",), "a"),
            Relation("r2", Polarity.SUPPORT, ("c",), "b"),
            Relation("r3", Polarity.ATTACK, ("b",), "c"),  # b -> a, c -> b, b -> c: a cycle under a
            Relation("r4", Polarity.SUPPORT, ("x",), "y"),
            Relation("r5", Polarity.SUPPORT, ("y",), "x"),
        ],
    )
    panel = OutlinePanel(DocumentController(amap))
    qtbot.addWidget(panel)
    tree = _outline(panel)
    assert tree[0] == ("a", (("b", (("c", ("b",)),)),))  # b again, without its subtree
    assert {t[0] for t in tree[1:]} <= {"x", "y"} and len(tree) == 2  # a pure cycle still shows up


def test_selecting_in_the_outline_selects_on_the_canvas_and_back(qtbot, make_window):
    w = make_window()
    panel, scene = w.outline, w.view.map_scene
    _click(qtbot, panel, _rows(panel)["p3"][0])
    assert w.doc.selection == ["p3"]
    assert scene.selected_ids() == ["p3"]
    _click(qtbot, panel, _rows(panel)["e1"][0], Qt.KeyboardModifier.ControlModifier)
    assert w.doc.selection == ["p3", "e1"] and sorted(scene.selected_ids()) == ["e1", "p3"]
    # canvas -> outline: a click on a card
    qtbot.mouseClick(
        w.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        w.view.mapFromScene(scene.item_for("o1").sceneBoundingRect().center()),
    )
    assert w.doc.selection == ["o1"]
    assert [it.data(0, ROLE_ID) for it in panel.selectedItems()] == ["o1"]
    # a relation selected elsewhere selects its group (or, for a one-premise reason, its premise)
    w.doc.select(["R2"], origin=None)
    assert [it.data(0, ROLE_ID) for it in panel.selectedItems()] == ["p3"]


def test_editing_text_in_the_outline_is_one_undo_step(qtbot, make_window):
    w = make_window()
    panel = w.outline
    before = dumps(w.doc.map)
    item = _rows(panel)["p1"][0]
    _click(qtbot, panel, item)
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    editor = panel.focusWidget()
    assert editor is not panel and editor.metaObject().className() == "QExpandingLineEdit"
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Sugar makes people fat.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event-loop turn
    qtbot.waitUntil(lambda: w.doc.map.statements["p1"].text == "Sugar makes people fat.")
    after = dumps(w.doc.map)
    assert w.doc.undo_stack.count() == 1
    w.named_actions["undo"].trigger()
    assert dumps(w.doc.map) == before
    assert _rows(panel)["p1"][0].text(0) == "Sugary drinks cause obesity."
    w.named_actions["redo"].trigger()
    assert dumps(w.doc.map) == after


def test_text_changes_update_in_place_and_structure_changes_rebuild(qtbot):
    doc = DocumentController(small_map())
    panel = OutlinePanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    item = _rows(panel)["p3"][0]
    doc.push(UpdateStatementCommand(doc, "p3", {"text": "Sport money."}))
    assert _rows(panel)["p3"][0] is item and item.text(0) == "Sport money."
    doc.push(AddStatementCommand(doc, Statement("n", "New and alone.")))
    qtbot.waitUntil(lambda: "n" in _rows(panel))
    assert panel.topLevelItem(panel.topLevelItemCount() - 1).data(0, ROLE_ID) == "n"
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: "n" not in _rows(panel))


def test_a_big_map_lists_every_statement_once_and_follows_edits(qtbot):
    """Speed is measured by benchmarks/bench_outline.py, not here."""
    amap = ArgumentMap()
    n = 5000
    sts = [Statement(f"s{i}", f"Statement number {i}", Kind.CONCLUSION if i == 0 else Kind.PREMISE) for i in range(n)]
    rels = [
        Relation(f"r{i}", Polarity.SUPPORT if i % 3 else Polarity.ATTACK, (f"s{i}",), f"s{(i - 1) // 3}")
        for i in range(1, n)
    ]
    amap.add_many(sts, rels)
    doc = DocumentController(amap)
    panel = OutlinePanel(doc)
    qtbot.addWidget(panel)
    rows = _rows(panel)  # every statement once under the one conclusion, no relation groups
    assert sorted(rows) == sorted(amap.statements) and all(len(r) == 1 for r in rows.values())
    assert panel.topLevelItemCount() == 1
    for i in range(50):
        doc.push(UpdateStatementCommand(doc, f"s{i}", {"text": f"Edited {i}"}, merge=False))
    assert _rows(panel)["s7"][0].text(0) == "Edited 7"


def test_an_implicit_premise_is_bracketed_and_edited_without_its_brackets(qtbot, make_window):
    w = make_window()
    panel = w.outline
    w.doc.push(UpdateStatementCommand(w.doc, "p1", {"implicit": True}))
    item = _rows(panel)["p1"][0]
    assert item.text(0) == "[Sugary drinks cause obesity.]"
    assert "implicit (unstated)" in panel.tooltip_for(item)
    _click(qtbot, panel, item)
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_F2)
    editor = panel.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClick(editor, Qt.Key.Key_Left)  # before the closing bracket
    qtbot.keyClicks(editor, " Often")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.doc.map.statements["p1"].text == "Sugary drinks cause obesity. Often")
    assert _rows(panel)["p1"][0].text(0) == "[Sugary drinks cause obesity. Often]"
    w.doc.undo_stack.undo()
    assert _rows(panel)["p1"][0].text(0) == "[Sugary drinks cause obesity.]"
