"""Inspector: every field of the selected statement or relation, edited by typing and clicking, with undo/redo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_support import activate

from argmap.io import dumps
from argmap.model import Anchor, Kind, Polarity, Source
from argmap.ui.document.commands import AddSourceCommand, UpdateStatementCommand


def _choose(qtbot, combo, label: str) -> None:
    """Pick an entry of a combo box with the keyboard, as a user would."""
    combo.setFocus()
    index = combo.findText(label)
    assert index >= 0, label
    while combo.currentIndex() != index:
        key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def _undo_redo_round_trip(w, before: str, after: str) -> None:
    w.named_actions["undo"].trigger()
    assert dumps(w.doc.map) == before
    w.named_actions["redo"].trigger()
    assert dumps(w.doc.map) == after


def test_typing_statement_text_is_live_and_one_undo_step(qtbot, make_window):
    w = make_window()
    activate(qtbot, w)  # focus events (which end an editing session) need an active window
    insp = w.inspector
    w.doc.select(["p1"])
    assert insp.pages.currentWidget() is insp.statement_page
    assert insp.st_text.toPlainText() == "Sugary drinks cause obesity."
    before = dumps(w.doc.map)
    insp.st_text.setFocus()
    qtbot.keyClick(insp.st_text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(insp.st_text, " And tooth decay.")
    assert w.doc.map.statements["p1"].text == "Sugary drinks cause obesity. And tooth decay."
    assert w.doc.undo_stack.count() == 1  # every keystroke merged into one step
    after = dumps(w.doc.map)
    # a second editing session (after the focus left the field) is a second step
    w.view.setFocus()
    insp.st_text.setFocus()
    qtbot.keyClicks(insp.st_text, "!")
    assert w.doc.undo_stack.count() == 2
    w.named_actions["undo"].trigger()
    assert dumps(w.doc.map) == after
    _undo_redo_round_trip(w, before, after)


def test_title_kind_tags_notes_and_assessment_edits(qtbot, make_window):
    w = make_window()
    insp = w.inspector
    w.doc.select(["p3"])
    before = dumps(w.doc.map)
    insp.st_title.setFocus()
    qtbot.keyClicks(insp.st_title, "School sport")
    qtbot.keyClick(insp.st_title, Qt.Key.Key_Return)
    _choose(qtbot, insp.st_kind, "Evidence")
    insp.st_tags.setFocus()
    qtbot.keyClicks(insp.st_tags, "money, schools,  money")
    qtbot.keyClick(insp.st_tags, Qt.Key.Key_Return)
    insp.st_notes.setFocus()
    qtbot.keyClicks(insp.st_notes, "Check the budget.")
    _choose(qtbot, insp.st_assessment, "Accepted")
    st = w.doc.map.statements["p3"]
    assert (st.title, st.kind, st.tags, st.notes, st.assessment) == (
        "School sport",
        Kind.EVIDENCE,
        ("money", "schools"),
        "Check the budget.",
        "accepted",
    )
    assert w.doc.undo_stack.count() == 5
    after = dumps(w.doc.map)
    for _ in range(5):
        w.named_actions["undo"].trigger()
    assert dumps(w.doc.map) == before
    for _ in range(5):
        w.named_actions["redo"].trigger()
    assert dumps(w.doc.map) == after
    assert insp.st_kind.currentText() == "Evidence" and insp.st_tags.text() == "money, schools"


def test_relation_fields_and_summary(qtbot, make_window):
    w = make_window()
    insp = w.inspector
    w.doc.select(["R1"])
    assert insp.pages.currentWidget() is insp.relation_page
    summary = insp.rel_summary.text()
    assert "supports" in summary and "Soda tax" in summary and "linked" in summary
    before = dumps(w.doc.map)
    _choose(qtbot, insp.rel_polarity, "Attack")
    insp.rel_scheme.setFocus()
    qtbot.keyClicks(insp.rel_scheme, "cause to effect")
    qtbot.keyClick(insp.rel_scheme, Qt.Key.Key_Return)
    _choose(qtbot, insp.rel_assessment, "Weak")
    rel = w.doc.map.relations["R1"]
    assert (rel.polarity, rel.scheme, rel.assessment) == (Polarity.ATTACK, "cause to effect", "weak")
    assert "attacks" in insp.rel_summary.text()
    after = dumps(w.doc.map)
    steps = w.doc.undo_stack.count()  # (each arrow key on a combo box is a choice, so a step)
    for _ in range(steps):
        w.named_actions["undo"].trigger()
    assert dumps(w.doc.map) == before
    for _ in range(steps):
        w.named_actions["redo"].trigger()
    assert dumps(w.doc.map) == after


def test_anchors_are_listed_and_broken_ones_flagged(make_window):
    w = make_window()
    doc = w.doc
    doc.push(AddSourceCommand(doc, Source("s", "Sugar is bad. Taxes work.", title="Op-ed")))
    doc.push(
        UpdateStatementCommand(
            doc, "p1", {"anchors": (Anchor("s", 0, 13, "Sugar is bad."), Anchor("s", 14, 25, "Taxes fail."))}
        )
    )
    doc.select(["p1"])
    rows = [w.inspector.st_anchors.item(i).text() for i in range(w.inspector.st_anchors.count())]
    assert len(rows) == 2
    assert rows[0].startswith("Op-ed [0–13]") and "broken" not in rows[0]
    assert "broken" in rows[1] and "Taxes fail." in rows[1]


def test_with_nothing_selected_the_map_title_is_editable(qtbot, make_window):
    w = make_window()
    insp = w.inspector
    w.doc.select([])
    assert insp.pages.currentWidget() is insp.empty_page
    before = dumps(w.doc.map)
    insp.map_title.setFocus()
    insp.map_title.selectAll()
    qtbot.keyClicks(insp.map_title, "Soda taxes")
    qtbot.keyClick(insp.map_title, Qt.Key.Key_Return)
    assert w.doc.map.title == "Soda taxes"
    _undo_redo_round_trip(w, before, dumps(w.doc.map))
    w.doc.select(["c", "p1"])
    assert "2 elements selected" in insp.empty_label.text()


def test_implicit_checkbox_marks_an_unstated_premise_in_one_undo_step(qtbot, make_window):
    w = make_window()
    insp = w.inspector
    w.doc.select(["p1"])
    assert not insp.st_implicit.isChecked()
    before = dumps(w.doc.map)
    assert insp.st_anchors.item(0).text() == "(none)"
    qtbot.mouseClick(insp.st_implicit, Qt.MouseButton.LeftButton)
    assert w.doc.map.statements["p1"].implicit is True
    assert insp.st_anchors.item(0).text() == "(none needed: an unstated premise)"  # not asked for one
    assert w.doc.undo_stack.count() == 1
    after = dumps(w.doc.map)
    w.named_actions["undo"].trigger()
    assert not insp.st_implicit.isChecked()  # the box follows the model
    assert dumps(w.doc.map) == before
    w.named_actions["redo"].trigger()
    assert insp.st_implicit.isChecked() and dumps(w.doc.map) == after
    w.doc.select(["p3"])
    assert not insp.st_implicit.isChecked()
