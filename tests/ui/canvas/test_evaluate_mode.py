"""The canvas's Evaluate mode: labels on cards, faded out cards and inapplicable relations, what-if with undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_support import activate, small_map

from argmap.draw import verdicts
from argmap.evaluation import evaluate
from argmap.model import ArgumentMap, Polarity, Relation, Statement
from argmap.ui.canvas.evaluate import HINT, INAPPLICABLE_OPACITY
from argmap.ui.paint import drawing


def _tab_click(qtbot, view, sid):
    item = view.map_scene.node_items[sid]
    view.center_on(sid)
    tab = item.verdict_tab()
    point = view.mapFromScene(item.mapToScene(tab.center()))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_evaluate_is_a_toggle_in_the_view_menu_and_the_toolbar(make_window):
    w = make_window()
    act = w.canvas_actions.evaluate
    assert act.isCheckable() and act in w.toolbar.actions()
    view_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&View")
    assert act in view_menu.actions()
    nodes = w.view.map_scene.node_items
    assert all(n.verdict is None for n in nodes.values())
    act.trigger()
    assert w.view.evaluate_mode.on
    ev = evaluate(w.doc.map)
    assert {sid: n.verdict for sid, n in nodes.items()} == {sid: lab.value for sid, lab in ev.statements.items()}
    act.trigger()
    assert all(n.verdict is None and n.opacity() == 1.0 for n in nodes.values())


def test_out_cards_and_inapplicable_relations_recede_and_hover_tells_why(make_window):
    w = make_window()
    w.doc.map.update_statement("u1", assessment="rejected")  # the undercut goes: the objection now holds
    w.canvas_actions.evaluate.trigger()
    scene = w.view.map_scene
    c = scene.node_items["c"]
    assert c.verdict == "out" and c.opacity() < 1.0
    assert c.toolTip() == "out: attacked by “The tax hits poor households hardest.”, which is in"
    assert scene.relation_items["R5"].opacity() == INAPPLICABLE_OPACITY
    assert scene.relation_items["R4"].opacity() == 1.0
    assert scene.node_items["o1"].opacity() == 1.0


def test_clicking_a_label_cycles_accepted_rejected_open_through_the_undo_stack(make_window, qtbot):
    w = make_window()
    w.canvas_actions.evaluate.trigger()
    doc, nodes = w.doc, w.view.map_scene.node_items
    assert nodes["c"].verdict == "in"
    _tab_click(qtbot, w.view, "u1")
    assert doc.map.statements["u1"].assessment == "accepted"
    _tab_click(qtbot, w.view, "u1")
    assert doc.map.statements["u1"].assessment == "rejected"
    assert nodes["u1"].verdict == "out" and nodes["c"].verdict == "out"  # labels follow at once
    _tab_click(qtbot, w.view, "u1")
    assert doc.map.statements["u1"].assessment is None and nodes["c"].verdict == "in"
    assert doc.undo_stack.undoText().startswith("What if: reopen")
    doc.undo_stack.undo()
    assert doc.map.statements["u1"].assessment == "rejected" and nodes["c"].verdict == "out"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.map.statements["u1"].assessment is None and nodes["c"].verdict == "in"


def test_a_key_cycles_the_selected_statements(make_window, qtbot):
    w = make_window()
    activate(qtbot, w)
    w.canvas_actions.evaluate.trigger()
    w.doc.select(["o1"])
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.doc.map.statements["o1"].assessment == "accepted"
    assert w.doc.undo_stack.count() == 1


def test_new_statements_get_labels_while_the_mode_is_on(make_window):
    w = make_window()
    w.canvas_actions.evaluate.trigger()
    w.doc.map.add_statement(Statement("n", "A new thought."), (0.0, 600.0))
    assert w.view.map_scene.node_items["n"].verdict == "in"


def test_the_legend_shows_in_evaluate_mode(make_window, qtbot):
    w = make_window(small_map())
    view = w.view
    h = drawing.verdict_legend_size(HINT).height()
    tab = verdicts.tab_width("in")
    # inside the right end of the legend's first tab (IN), past its word, in viewport pixels
    x, y = int(12 + verdicts.LEGEND_PAD + tab - 3), int(view.viewport().height() - h - 12 + verdicts.LEGEND_PAD + 28)

    def in_green() -> bool:
        c = view.viewport().grab().toImage().pixelColor(x, y)
        return c.green() > c.red() + 40 and c.green() > c.blue() + 40

    assert not in_green()
    w.canvas_actions.evaluate.trigger()
    qtbot.waitUntil(in_green)


def test_zoomed_far_out_a_big_map_shows_labels_as_coloured_bands(make_window, qtbot):
    amap = ArgumentMap("Big")
    n = 450
    amap.add_many(
        [Statement(f"s{i}", f"Statement {i}") for i in range(n)],
        [Relation(f"r{i}", Polarity.SUPPORT, (f"s{i}",), f"s{(i - 1) // 4}") for i in range(1, n)],
    )
    w = make_window(amap)
    view = w.view
    view.zoom_fit()
    qtbot.waitUntil(lambda: view.map_scene.overview.isVisible())  # the cards themselves draw nothing
    green = verdicts.colour("in", view.map_scene.theme.palette)[:3]

    above_legend = int(view.viewport().height() - drawing.verdict_legend_size(HINT).height() - 14)

    def greens() -> int:
        img = view.viewport().grab().toImage()
        return sum(img.pixelColor(x, y).getRgb()[:3] == green for x in range(img.width()) for y in range(above_legend))

    assert greens() == 0
    w.canvas_actions.evaluate.trigger()
    qtbot.waitUntil(lambda: greens() > 0)
