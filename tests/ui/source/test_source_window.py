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
