"""The source panel in the real window: the op-ed opens beside its map, keys act where the focus is,
coverage in the status bar, the Source menu, the dock following the selection, anchors revealed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_support import activate, small_map

from argmap.io import dumps
from argmap.model import Kind, Source
from argmap.model.text import sentence_spans
from argmap.resources import sample_paths


def _op_ed() -> Path:
    return next(p for p in sample_paths() if "kim-putin" in p.name)


def _open_op_ed(qtbot, manager):
    w = manager.open_sample(_op_ed())
    qtbot.waitExposed(w)
    activate(qtbot, w)
    return w


def _uncovered_sentence(w) -> tuple[str, int, int]:
    """A sentence of the op-ed no statement is anchored to yet."""
    ((sid, src),) = w.doc.map.sources.items()
    view = w.source_panel.views[sid]
    for a, b in sentence_spans(src.text):
        if not any(view.statements_at(i) for i in range(a, b)):
            return sid, a, b
    raise AssertionError("every sentence of the op-ed is already used")


def _shown(dock) -> bool:
    """On screen and not covered by another dock's tab."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def test_op_ed_opens_with_its_text_beside_the_map(qtbot, manager):
    w = _open_op_ed(qtbot, manager)
    assert _shown(w.source_dock) and _shown(w.inspector_dock) and _shown(w.outline_dock)
    # the text is left of the canvas, wide enough to read, and the canvas keeps most of the width
    src_geo, canvas = w.source_dock.geometry(), w.view.geometry()
    assert src_geo.right() < w.view.mapTo(w, canvas.topLeft()).x()
    assert 300 <= src_geo.width() <= w.width() // 2
    assert w.view.width() >= w.width() * 0.4
    assert not w.tabifiedDockWidgets(w.source_dock)


def test_map_without_sources_keeps_the_canvas_wide_until_a_source_is_added(dialogs, tmp_path, monkeypatch, make_window):
    from argmap.ui.source.dialogs import SourceDetailsDialog

    monkeypatch.setattr(
        SourceDetailsDialog, "ask", staticmethod(lambda info, *_a, **_k: {**info, "title": "Soda op-ed"})
    )
    w = make_window()
    assert w.source_dock.isHidden()
    article = tmp_path / "article.txt"
    article.write_text("Soda taxes work. Sales fell by a fifth.\n", encoding="utf-8")
    dialogs.open_paths.append(str(article))
    before = dumps(w.doc.map)
    add = next(a for a in w.source_menu.actions() if a is w.source_panel.add_file_action)
    add.trigger()
    assert [s.title for s in w.doc.map.sources.values()] == ["Soda op-ed"]
    assert _shown(w.source_dock)
    w.named_actions["undo"].trigger()
    assert dumps(w.doc.map) == before


def test_coverage_in_the_status_bar_follows_new_statements(qtbot, manager):
    w = _open_op_ed(qtbot, manager)
    label = w.coverage_label
    assert label.isVisible() and label.text() == w.source_panel.coverage_text()
    assert label.text().startswith("Source coverage ") and "%" in label.text()
    assert not w.source_panel.coverage_label.isVisible()  # not twice on screen
    before_text, before_map = label.text(), dumps(w.doc.map)
    sid, a, b = _uncovered_sentence(w)
    view = w.source_panel.views[sid]
    view.select_range(a, b)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: label.text() != before_text)
    assert label.text() == w.source_panel.coverage_text()
    w.named_actions["undo"].trigger()
    qtbot.waitUntil(lambda: label.text() == before_text)
    assert dumps(w.doc.map) == before_map


def test_ctrl_2_makes_one_premise_in_the_text_and_sets_the_kind_on_the_canvas(qtbot, manager):
    w = _open_op_ed(qtbot, manager)
    amap = w.doc.map
    sid, a, b = _uncovered_sentence(w)
    view = w.source_panel.views[sid]
    view.select_range(a, b)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    before_ids, before = set(amap.statements), dumps(amap)
    qtbot.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    new = set(amap.statements) - before_ids
    assert len(new) == 1
    st = amap.statements[new.pop()]
    assert st.kind is Kind.PREMISE and (st.anchors[0].start, st.anchors[0].end) == (a, b)
    assert dumps(amap).count('"kind": "conclusion"') == before.count('"kind": "conclusion"')  # no kind changed
    w.named_actions["undo"].trigger()
    assert dumps(amap) == before
    w.named_actions["redo"].trigger()
    assert st.id in amap.statements

    # a card selected on the canvas, focus on the canvas: Ctrl+2 changes its kind, makes nothing
    evidence = next(s for s in amap.statements.values() if s.kind is Kind.EVIDENCE)
    w.view.center_on(evidence.id)
    pos = w.view.mapFromScene(w.view.map_scene.item_for(evidence.id).pos())
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert w.doc.selection == [evidence.id]
    w.view.setFocus()
    qtbot.waitUntil(w.view.hasFocus)
    n, before = len(amap.statements), dumps(amap)
    qtbot.keyClick(w.view.viewport(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert amap.statements[evidence.id].kind is Kind.PREMISE and len(amap.statements) == n
    w.named_actions["undo"].trigger()
    assert dumps(amap) == before


def test_source_menu_holds_the_panel_actions_and_makes_statements(qtbot, manager):
    w = _open_op_ed(qtbot, manager)
    panel = w.source_panel
    menu_actions = w.source_menu.actions()
    assert all(a in menu_actions for a in panel.make_actions.values())
    assert all(a in menu_actions for a in panel.source_actions)
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles.index("&Source") < titles.index("&Help")
    # the same key is not shown for two commands with the same name
    texts = [a.text() for a in menu_actions]
    assert "Make &Evidence from Passage" in texts and w.canvas_actions.kind_evidence.text() not in texts
    sid, a, b = _uncovered_sentence(w)
    panel.views[sid].select_range(a, b)
    n = len(w.doc.map.statements)
    panel.make_actions[Kind.EVIDENCE].trigger()
    (new,) = [
        s for s in w.doc.map.statements.values() if s.anchors and s.anchors[0].start == a and s.anchors[0].end == b
    ]
    assert new.kind is Kind.EVIDENCE and len(w.doc.map.statements) == n + 1


def test_selecting_an_anchored_statement_brings_the_source_dock_forward(qtbot, manager):
    w = _open_op_ed(qtbot, manager)
    w.tabifyDockWidget(w.inspector_dock, w.source_dock)  # the user stacked them
    w.inspector_dock.raise_()
    qtbot.waitUntil(lambda: not _shown(w.source_dock))
    amap = w.doc.map
    anchored = next(s for s in amap.statements.values() if s.anchors)
    w.view.center_on(anchored.id)
    pos = w.view.mapFromScene(w.view.map_scene.item_for(anchored.id).pos())
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert w.doc.selection == [anchored.id]
    qtbot.waitUntil(lambda: _shown(w.source_dock))
    view = w.source_panel.current_view()
    a = anchored.anchors[0]
    assert view.flashing() == (a.start, a.end) or view.is_visible_range(a.start)
    # a dock the user closed stays closed
    w.source_dock.close()
    w.doc.select([])
    w.doc.select([anchored.id])
    assert w.source_dock.isHidden()


def test_activating_an_anchor_in_the_inspector_reveals_its_passage(qtbot, manager):
    w = _open_op_ed(qtbot, manager)
    amap = w.doc.map
    st = [s for s in amap.statements.values() if s.anchors][-1]
    w.doc.select([st.id])
    lst = w.inspector.st_anchors
    qtbot.waitUntil(lambda: lst.count() >= 1 and lst.isVisible())
    panel = w.source_panel
    view = panel.current_view()
    view.scroll_to(0, 1)
    view.end_flash()  # forget the flash of the selection
    a = st.anchors[0]
    w.inspector.ensureWidgetVisible(lst)  # the user scrolls the inspector to it
    rect = lst.visualItemRect(lst.item(0))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's
    qtbot.mouseDClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.flashing() == (a.start, a.end)
    assert view.is_visible_range(a.start) and _shown(w.source_dock)
    # Enter on the item does the same
    view.end_flash()
    lst.setCurrentRow(0)
    lst.setFocus()
    qtbot.keyClick(lst, Qt.Key.Key_Return)
    assert view.flashing() == (a.start, a.end)


def test_panel_keys_never_fire_twice_in_a_window_without_focus_in_the_text(qtbot, make_window):
    amap = small_map()
    text = "Sugar taxes work. Sales fell by a fifth in two years."
    amap.add_source(Source("src", text, "Op-ed"))
    w = make_window(amap)
    activate(qtbot, w)
    view = w.source_panel.views["src"]
    view.select_range(0, text.index(".") + 1)
    w.outline.setFocus()
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is not None and not w.source_panel.isAncestorOf(QApplication.focusWidget())
    )
    w.doc.select(["p1"])
    n = len(w.doc.map.statements)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    # outside the source text the key is the canvas's: the selected card's kind, no new statement
    assert len(w.doc.map.statements) == n
    assert w.doc.map.statements["p1"].kind is Kind.CONCLUSION


def test_a_restored_layout_with_the_source_tabbed_away_still_opens_with_the_text_in_front(qtbot, manager):
    first = _open_op_ed(qtbot, manager)
    first.tabifyDockWidget(first.inspector_dock, first.source_dock)
    first.inspector_dock.raise_()
    first.force_close()  # saves this layout
    w = _open_op_ed(qtbot, manager)
    assert w.tabifiedDockWidgets(w.source_dock)  # the user's layout is kept ...
    qtbot.waitUntil(lambda: _shown(w.source_dock))  # ... with the text in front


def test_panel_keys_work_with_the_focus_anywhere_in_the_panel(qtbot, manager):
    w = _open_op_ed(qtbot, manager)
    panel = w.source_panel
    sid, a, b = _uncovered_sentence(w)
    panel.views[sid].select_range(a, b)
    panel.tabs.tabBar().setFocus()  # e.g. after picking the source's tab with the keyboard
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.tabs.tabBar())
    w.doc.select([])
    n = len(w.doc.map.statements)
    qtbot.keyClick(panel.tabs.tabBar(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert len(w.doc.map.statements) == n + 1
    (new,) = [
        s for s in w.doc.map.statements.values() if s.anchors and (s.anchors[0].start, s.anchors[0].end) == (a, b)
    ]
    assert new.kind is Kind.EVIDENCE
