"""Source panel gestures: passages become anchored statements; tints, clicks and selection stay in step."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from argmap.io import dumps
from argmap.model import Anchor, ArgumentMap, Kind, Polarity, Source, Statement
from argmap.model.passages import PASSAGE_MIME, Passage
from argmap.model.text import coverage as model_coverage
from argmap.ui.document.controller import DocumentController
from argmap.ui.source.panel import SourcePanel

TEXT = (
    "Dr. Lee met the U.N. envoy at 3 p.m. on Monday. Prices rose 3.5 percent last year.\n"
    'Cycling is safer with protected lanes. "It works," she said. Shops lose nothing.\n'
    "Emoji \U0001f6b2 riders count too: bikes bring customers."
)


@pytest.fixture
def setup(qtbot):
    amap = ArgumentMap("t")
    amap.add_source(Source("src", TEXT, "Bike op-ed", "A. Writer"))
    doc = DocumentController(amap)
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.resize(520, 420)
    panel.show()
    qtbot.waitExposed(panel)
    return doc, panel, panel.views["src"]


def select_cp(view, start: int, end: int) -> None:
    """Select like a user would, through a QTextCursor in Qt (UTF-16) positions."""
    cur = QTextCursor(view.document())
    cur.setPosition(view.to_qt(start))
    cur.setPosition(view.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cur)


def char_point(view, offset: int) -> QPoint:
    """The viewport point in the middle of the character at ``offset`` (code points)."""
    cur = QTextCursor(view.document())
    cur.setPosition(view.to_qt(offset))
    left = view.cursorRect(cur)
    cur.setPosition(view.to_qt(offset + 1))
    right = view.cursorRect(cur)
    return QPoint((left.x() + right.x()) // 2, left.center().y())


def press_shortcut(qtbot, panel, view, key) -> None:
    panel.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, key, Qt.KeyboardModifier.ControlModifier)


def test_selection_becomes_premise_with_exact_range_and_undoes(qtbot, setup):
    doc, panel, view = setup
    start = TEXT.index("Cycling")
    end = TEXT.index("lanes.") + len("lanes.")
    before = dumps(doc.map)
    select_cp(view, start - 1, end + 1)  # the stray spaces around it are trimmed
    press_shortcut(qtbot, panel, view, Qt.Key.Key_2)
    (st,) = doc.map.statements.values()
    assert st.kind is Kind.PREMISE
    assert st.text == "Cycling is safer with protected lanes."
    assert st.anchors == (Anchor("src", start, end, TEXT[start:end]),)
    assert doc.selection == [st.id]
    assert st.id in doc.map.positions
    doc.undo_stack.undo()
    assert dumps(doc.map) == before
    doc.undo_stack.redo()
    assert doc.map.statements[st.id].anchors[0].quote == TEXT[start:end]


def test_each_kind_by_its_shortcut(qtbot, setup):
    doc, panel, view = setup
    made = []
    for key, kind, word in ((Qt.Key.Key_1, Kind.CONCLUSION, "Shops"), (Qt.Key.Key_3, Kind.EVIDENCE, "Prices")):
        i = TEXT.index(word)
        select_cp(view, i, i + len(word))
        press_shortcut(qtbot, panel, view, key)
        made.append((kind, word))
    assert sorted((s.kind, s.text) for s in doc.map.statements.values()) == sorted(made)


def test_anchor_offsets_are_code_points_after_an_emoji(qtbot, setup):
    doc, panel, view = setup
    start = TEXT.index("riders")
    end = TEXT.index("customers.") + len("customers.")
    select_cp(view, start, end)
    assert view.textCursor().selectionStart() == start + 1  # one more UTF-16 unit before it
    sid = panel.make_statement(Kind.EVIDENCE)
    a = doc.map.statements[sid].anchors[0]
    assert (a.start, a.end, a.quote) == (start, end, TEXT[start:end])
    # the tint sits on exactly those characters in Qt's units
    (seg,) = view.segments()
    assert seg[:2] == (start, end)


def test_mime_of_a_dragged_selection_carries_the_passage(setup):
    doc, panel, view = setup
    start = TEXT.index("\U0001f6b2")
    select_cp(view, start, start + 8)
    mime = view.createMimeDataFromSelection()
    assert mime.hasFormat(PASSAGE_MIME)  # what a drop target asks first
    data = json.loads(bytes(mime.data(PASSAGE_MIME)).decode())
    assert data == {"source": "src", "start": start, "end": start + 8, "text": TEXT[start : start + 8]}
    assert mime.text() == TEXT[start : start + 8]
    assert Passage.from_json(bytes(mime.data(PASSAGE_MIME))) == Passage(
        "src", start, start + 8, TEXT[start : start + 8]
    )


def test_clicking_a_tinted_passage_selects_its_statement(qtbot, setup):
    doc, panel, view = setup
    i = TEXT.index("Shops")
    select_cp(view, i, TEXT.index("nothing.") + 8)
    sid = panel.make_statement(Kind.PREMISE)
    doc.select([])
    focused = []
    doc.focus_requested.connect(focused.append)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, i + 2))
    assert doc.selection == [sid]
    assert focused == [sid]
    # plain text selects nothing
    doc.select([])
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_point(view, TEXT.index("envoy")))
    assert doc.selection == []


def test_overlapping_passages_stay_visible_and_clicks_cycle(qtbot, setup):
    doc, panel, view = setup
    outer = (TEXT.index("Cycling"), TEXT.index("nothing.") + 8)
    inner = (TEXT.index("protected"), TEXT.index("lanes") + 5)
    select_cp(view, *outer)
    a = panel.make_statement(Kind.CONCLUSION)
    select_cp(view, *inner)
    b = panel.make_statement(Kind.PREMISE)
    segs = {(s, e): [t.statement for t in cov] for s, e, cov in view.segments()}
    assert segs[inner] == [b, a]  # innermost first: both tints cover it
    assert segs[(outer[0], inner[0])] == [a]
    (fill_in, under_in), (fill_out, under_out) = view.tint_style_at(inner[0]), view.tint_style_at(outer[0])
    assert fill_in.alpha() > fill_out.alpha()  # the overlap is darker
    assert under_out is None and under_in is not None  # and underlined in the outer kind's colour
    assert view.tint_style_at(TEXT.index("Dr.")) is None  # unused text stays plain
    doc.select([])
    pt = char_point(view, inner[0] + 3)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pt)
    assert doc.selection == [b]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pt)
    assert doc.selection == [a]


def test_selecting_a_statement_elsewhere_scrolls_and_flashes_its_passage(qtbot):
    long_text = "\n".join(f"Paragraph {i} says something rather long about bicycles and streets." for i in range(300))
    long_text += "\nThe final claim is here."
    amap = ArgumentMap()
    amap.add_source(Source("a", "A short first source.", "First"))
    amap.add_source(Source("b", long_text, "Long"))
    q0 = long_text.index("The final claim")
    amap.add_statement(
        Statement("s", "The final claim is here.", anchors=(Anchor("b", q0, len(long_text), long_text[q0:]),))
    )
    doc = DocumentController(amap)
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.resize(480, 360)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.current_source() == "a"
    doc.select(["s"], origin=None)  # e.g. the canvas
    assert panel.current_source() == "b"
    view = panel.views["b"]
    assert view.verticalScrollBar().value() > 0
    assert view.is_visible_range(q0)
    assert view.flashing() == (q0, len(long_text))
    qtbot.waitUntil(lambda: view.flashing() is None, timeout=3000)


def test_ctrl_click_selects_the_whole_sentence(qtbot, setup):
    doc, panel, view = setup
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        char_point(view, TEXT.index("envoy")),
    )
    p = view.passage()
    assert p.text == "Dr. Lee met the U.N. envoy at 3 p.m. on Monday."
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        char_point(view, TEXT.index("3.5")),
    )
    assert view.passage().text == "Prices rose 3.5 percent last year."
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        char_point(view, TEXT.index("works")),
    )
    assert view.passage().text == '"It works," she said.'


def test_coverage_counts_sentences_some_statement_anchors(qtbot, setup):
    doc, panel, view = setup
    seen = []
    panel.coverage_changed.connect(seen.append)
    assert panel.coverage() == 0.0
    i = TEXT.index("Prices")
    select_cp(view, i, i + 6)
    panel.make_statement(Kind.EVIDENCE)
    expected = model_coverage(TEXT, [(i, i + 6)])
    assert 0 < expected < 1
    assert panel.coverage() == pytest.approx(expected)
    assert seen[-1] == pytest.approx(expected)
    assert f"{round(100 * expected)}%" in panel.coverage_text()


def test_link_option_adds_a_support_in_one_undo_step(qtbot, setup):
    doc, panel, view = setup
    i = TEXT.index("Cycling")
    select_cp(view, i, TEXT.index("lanes.") + 6)
    target = panel.make_statement(Kind.CONCLUSION)
    before = dumps(doc.map)
    j = TEXT.index("Shops")
    select_cp(view, j, j + 20)
    assert doc.selection == [target]
    assert panel.link_action.isChecked()  # on by default
    sid = panel.make_statement(Kind.PREMISE)
    (rel,) = doc.map.relations.values()
    assert (rel.polarity, rel.premises, rel.target) == (Polarity.SUPPORT, (sid,), target)
    doc.undo_stack.undo()
    assert dumps(doc.map) == before
    panel.link_action.setChecked(False)  # off: the premise stands alone
    select_cp(view, j, j + 20)
    sid = panel.make_statement(Kind.PREMISE)
    assert not doc.map.relations and doc.selection == [sid]
    doc.undo_stack.undo()
    assert dumps(doc.map) == before


def test_broken_anchor_is_listed_and_not_tinted(qtbot):
    amap = ArgumentMap()
    amap.add_source(Source("src", TEXT))
    amap.add_statement(Statement("gone", "Gone", anchors=(Anchor("src", 0, 5, "Xyzzy"),)))
    amap.add_statement(Statement("ok", "Dr.", anchors=(Anchor("src", 0, 3, "Dr."),)))
    doc = DocumentController(amap)
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    assert [st.id for st, _ in panel.broken()] == ["gone"]
    assert not panel.broken_list.isHidden()
    assert [t.statement for _, _, cov in panel.views["src"].segments() for t in cov] == ["ok"]
    panel.broken_list.itemClicked.emit(panel.broken_list.item(0))
    assert doc.selection == ["gone"]


def test_remove_source_drops_anchors_and_undo_restores(qtbot, setup, monkeypatch):
    doc, panel, view = setup
    select_cp(view, 0, 3)
    panel.make_statement(Kind.PREMISE)
    before = dumps(doc.map)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert panel.remove_source()
    assert not doc.map.sources and not panel.views
    assert all(not s.anchors for s in doc.map.statements.values())
    doc.undo_stack.undo()
    assert dumps(doc.map) == before
    panel.refresh_now()
    assert len(panel.views["src"].segments()) == 1


def test_details_and_paste(qtbot, setup):
    doc, panel, view = setup
    assert panel.edit_details(values={"title": "New title", "author": "B", "url": "https://x.org", "date": "2024"})
    assert doc.map.sources["src"].title == "New title"
    assert panel.tabs.tabText(0) == "New title"
    doc.undo_stack.undo()
    assert panel.tabs.tabText(0) == "Bike op-ed"
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("Pasted heading\r\nSecond line.")
    sid = panel.paste_source(ask=False)
    src = doc.map.sources[sid]
    assert (src.title, src.text) == ("Pasted heading", "Pasted heading\nSecond line.")
    assert panel.current_source() == sid


def test_anchors_survive_save_and_load(qtbot, setup, tmp_path):
    doc, panel, view = setup
    i = TEXT.index("riders")
    select_cp(view, i, i + 6)
    sid = panel.make_statement(Kind.PREMISE)
    path = tmp_path / "m.argmap.json"
    doc.save(str(path))
    doc2 = DocumentController.open(str(path))
    panel2 = SourcePanel(doc2)
    qtbot.addWidget(panel2)
    assert doc2.map.statements[sid].anchors == doc.map.statements[sid].anchors
    ((s, e, cov),) = panel2.views["src"].segments()
    assert (s, e, [t.statement for t in cov]) == (i, i + 6, [sid])


def drop_on(view, mime, pos, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """What a drag from the source panel delivers to the canvas: enter, move, drop."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(pos, copy, mime, left, modifiers)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(pos, copy, mime, left, modifiers))
    QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(pos), copy, mime, left, modifiers))


def test_dragged_passage_dropped_on_the_canvas(qtbot, setup):
    from argmap.ui.canvas.view import MapView

    doc, panel, source_view = setup
    canvas = MapView(doc)
    qtbot.addWidget(canvas)
    canvas.resize(600, 400)
    canvas.show()
    before = dumps(doc.map)
    i = TEXT.index("Shops")
    select_cp(source_view, i - 1, i + 19)  # with a stray space in front: trimmed
    mime = source_view.createMimeDataFromSelection()
    messages = []
    doc.status_message.connect(messages.append)
    drop_on(canvas, mime, QPoint(300, 200))
    assert messages == []
    (st,) = doc.map.statements.values()
    assert st.anchors == (Anchor("src", i, i + 19, "Shops lose nothing."),)
    x, y = doc.map.positions[st.id]
    drop_point = canvas.mapToScene(QPoint(300, 200))
    assert abs(x - drop_point.x()) < 150 and abs(y - drop_point.y()) < 150
    panel.refresh_now()
    assert [t.statement for _, _, cov in source_view.segments() for t in cov] == [st.id]
    # dropping another passage on that card anchors the card to it too
    j = TEXT.index("Cycling")
    select_cp(source_view, j, j + 7)
    card = canvas.mapFromScene(*doc.map.positions[st.id])
    drop_on(canvas, source_view.createMimeDataFromSelection(), card)
    assert [a.start for a in doc.map.statements[st.id].anchors] == [i, j]
    assert len(doc.map.statements) == 1
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert dumps(doc.map) == before


def test_context_menu_offers_the_same_actions_and_linking(qtbot, setup):
    doc, panel, view = setup
    i = TEXT.index("Cycling")
    select_cp(view, i, TEXT.index("lanes.") + 6)
    target = panel.make_statement(Kind.CONCLUSION)
    j = TEXT.index("Shops")
    select_cp(view, j, j + 19)
    menu = panel.build_menu(view, char_point(view, j + 2))
    texts = [a.text() for a in menu.actions()]
    for act in panel.make_actions.values():
        assert act in menu.actions()
    link = next(a for a in menu.actions() if a.text().startswith("Make Premise &Supporting"))
    assert "Cycling is safer" in link.text() and "Select Se&ntence" in texts
    link.trigger()
    (rel,) = doc.map.relations.values()
    new = doc.map.statements[rel.premises[0]]
    assert (rel.target, new.kind, new.anchors[0].quote) == (target, Kind.PREMISE, "Shops lose nothing.")
    # on a tinted passage the menu offers to show its statement
    menu = panel.build_menu(view, char_point(view, j + 2))
    show = [a for a in menu.actions() if "Show Premise" in a.text()]
    assert len(show) == 1
    doc.select([])
    show[0].trigger()
    assert doc.selection == [new.id]


def test_details_dialog_edits_title_author_url_date(qtbot):
    from argmap.ui.source.dialogs import SourceDetailsDialog

    dlg = SourceDetailsDialog({"title": "Old", "author": "A"})
    qtbot.addWidget(dlg)
    dlg.edits["title"].clear()
    qtbot.keyClicks(dlg.edits["title"], "  New title ")
    qtbot.keyClicks(dlg.edits["url"], "https://example.org/a")
    assert dlg.values() == {"title": "New title", "author": "A", "url": "https://example.org/a", "date": ""}


def test_a_selection_that_cuts_words_takes_them_whole(qtbot, setup):
    doc, panel, view = setup
    start = TEXT.index("Cycling")
    end = TEXT.index("lanes.") + len("lanes.")
    select_cp(view, start + 2, end - 4)  # a drag that starts in "Cycling" and stops in "lanes"
    press_shortcut(qtbot, panel, view, Qt.Key.Key_2)
    (st,) = doc.map.statements.values()
    assert st.text == "Cycling is safer with protected lanes"
    assert st.anchors[0].start == start
