"""The source panel inside the main window: its Ctrl+1/2/3 make statements, the canvas's set kinds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_support import activate, small_map

from argmap.model import Kind, Source


def test_shortcuts_act_where_the_focus_is(qtbot, make_window):
    amap = small_map()
    text = "Sugar taxes work. Sales fell by a fifth in two years."
    amap.add_source(Source("src", text, "Op-ed"))
    w = make_window(amap)
    if w.source_dock is None:  # the window builds the dock when the panel exists; it must here
        raise AssertionError("the main window has no source dock")
    w.source_dock.show()
    w.source_dock.raise_()
    activate(qtbot, w)
    panel = w.source_panel
    view = panel.views["src"]
    start = text.index("Sales")
    view.select_range(start, len(text))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    n = len(w.doc.map.statements)
    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert len(w.doc.map.statements) == n + 1
    (new,) = [s for s in w.doc.map.statements.values() if s.anchors]
    assert (new.kind, new.anchors[0].start, new.anchors[0].end) == (Kind.EVIDENCE, start, len(text))
    assert w.doc.map.statements["p1"].kind is Kind.PREMISE  # the canvas's Ctrl+3 did not fire


def _visible_on_canvas(w, eid) -> bool:
    view = w.view
    rect = view.mapFromScene(view.map_scene.item_for(eid).sceneBoundingRect()).boundingRect()
    return view.viewport().rect().contains(rect)


def test_ctrl_2_with_a_card_selected_adds_a_reason_for_it(qtbot, make_window):
    amap = small_map()
    text = "Sugar taxes work. Sales fell by a fifth in two years."
    amap.add_source(Source("src", text, "Op-ed"))
    w = make_window(amap)
    w.resize(1400, 900)
    w.source_dock.show()
    activate(qtbot, w)
    w.doc.select(["c"])
    w.view.center_on("c")
    assert _visible_on_canvas(w, "c")
    before_rels, before_sts = set(w.doc.map.relations), set(w.doc.map.statements)
    undo_count = w.doc.undo_stack.count()
    view = w.source_panel.views["src"]
    view.select_range(text.index("Sales"), len(text))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    amap = w.doc.map
    (new,) = [amap.statements[s] for s in amap.statements if s not in before_sts]
    (rel,) = [amap.relations[r] for r in amap.relations if r not in before_rels]
    assert (new.kind, rel.premises, rel.target) == (Kind.PREMISE, (new.id,), "c")
    assert w.doc.selection == ["c"]  # the next passage becomes another reason for it
    assert _visible_on_canvas(w, "c")
    message = w.statusBar().currentMessage()
    assert message.startswith("Premise “Sales fell") and "as a reason for “Soda tax”" in message
    assert w.doc.undo_stack.count() == undo_count + 1
    w.doc.undo_stack.undo()  # one step takes away the card and its link
    assert set(w.doc.map.statements) == before_sts and set(w.doc.map.relations) == before_rels


def test_ctrl_1_makes_a_conclusion_that_later_passages_support(qtbot, make_window):
    amap = small_map()
    text = "Sugar taxes work. Sales fell by a fifth in two years."
    amap.add_source(Source("src", text, "Op-ed"))
    w = make_window(amap)
    w.source_dock.show()
    activate(qtbot, w)
    w.doc.select(["c"])
    view = w.source_panel.views["src"]
    view.select_range(0, text.index(" Sales"))
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    rels = set(w.doc.map.relations)
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    (claim,) = w.doc.selection
    assert w.doc.map.statements[claim].kind is Kind.CONCLUSION
    assert set(w.doc.map.relations) == rels  # a conclusion is not anyone's reason
    view.select_range(text.index("Sales"), len(text))
    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    (rel,) = [w.doc.map.relations[r] for r in w.doc.map.relations if r not in rels]
    assert rel.target == claim and w.doc.map.statements[rel.premises[0]].kind is Kind.EVIDENCE
    assert "added as evidence for" in w.statusBar().currentMessage()
