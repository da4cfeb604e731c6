"""The Problems panel: lists the map's problems, shows them on the canvas, quick-fixes them in one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement
from argmap.ui.panels.problems import ProblemsPanel


def _problem_map() -> ArgumentMap:
    amap = ArgumentMap("Problems")
    amap.add_many(
        [
            Statement("c", "Conclusion.", Kind.CONCLUSION),
            Statement("e", "Evidence.", Kind.EVIDENCE),
            Statement("x", "A reason for the evidence."),
            Statement("z", "Alone."),
        ],
        [Relation("r1", Polarity.SUPPORT, ("e",), "c"), Relation("r2", Polarity.SUPPORT, ("x",), "e")],
        {"c": (0.0, 0.0), "e": (0.0, 200.0), "x": (0.0, 400.0), "z": (400.0, 0.0)},
    )
    return amap


def _codes(panel):
    return [(p.code, p.ids) for p in panel.problems]


def test_the_panel_is_a_dock_of_the_window_listing_the_problems(make_window):
    w = make_window(_problem_map())
    action = w.problems_dock.toggleViewAction()
    assert action.text() == "&Problems" and not w.problems_dock.isVisible()
    view = next(a.menu() for a in w.menuBar().actions() if a.text() == "&View")
    panels = next(a.menu() for a in view.actions() if a.menu() is not None and a.text() == "&Panels")
    assert action in panels.actions()
    action.trigger()
    panel = w.problems
    assert isinstance(panel, ProblemsPanel)
    assert _codes(panel) == [("supported-evidence", ("e",)), ("orphan", ("z",))]
    assert panel.tree.topLevelItemCount() == 2
    assert panel.summary.text() == "0 errors, 2 warnings, 0 notes"


def test_clicking_a_problem_selects_and_centres_its_statements(make_window, qtbot):
    w = make_window(_problem_map())
    w.problems_dock.show()
    panel = w.problems
    centred = []
    w.doc.focus_requested.connect(centred.append)
    item = panel.tree.topLevelItem(0)
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert w.doc.selection == ["e"]
    assert centred == ["e"]
    assert w.view.map_scene.node_items["e"].isSelected()


def test_a_quick_fix_is_one_undo_step_and_the_list_follows(make_window, qtbot):
    w = make_window(_problem_map())
    w.problems_dock.show()
    panel = w.problems
    problem = next(p for p in panel.problems if p.code == "supported-evidence")
    assert panel.apply_fix(problem)
    assert w.doc.map.statements["e"].kind is Kind.PREMISE
    assert w.doc.undo_stack.count() == 1 and w.doc.undo_stack.undoText() == "Quick fix: Make it a premise"
    assert _codes(panel) == [("orphan", ("z",))]
    w.doc.undo_stack.undo()
    assert w.doc.map.statements["e"].kind is Kind.EVIDENCE
    qtbot.waitUntil(lambda: ("supported-evidence", ("e",)) in _codes(panel))


def test_the_list_updates_as_the_map_changes(make_window, qtbot):
    w = make_window(_problem_map())
    w.problems_dock.show()
    panel = w.problems
    w.doc.map.add_relation(Relation("r3", Polarity.SUPPORT, ("z",), "c"))
    qtbot.waitUntil(lambda: ("orphan", ("z",)) not in _codes(panel))
    w.doc.map.add_relation(Relation("r4", Polarity.SUPPORT, ("c",), "x"))
    qtbot.waitUntil(lambda: any(code == "circular-support" for code, _ in _codes(panel)))
    assert panel.problems[0].severity == "error"
