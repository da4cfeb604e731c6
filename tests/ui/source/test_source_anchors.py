"""Editing a source's text: anchors are found again, or marked broken (never silently wrong), undoably."""

from __future__ import annotations

from argmap.io import dumps
from argmap.model import Anchor, ArgumentMap, Source, Statement, broken_anchors, stats
from argmap.ui.document.controller import DocumentController
from argmap.ui.source.panel import SourcePanel

TEXT = "Bikes are good. Lanes save lives. Shops gain customers. Cars are loud."


def make(qtbot):
    amap = ArgumentMap()
    amap.add_source(Source("src", TEXT, "Op-ed"))
    amap.add_source(Source("other", "Lanes save lives. Elsewhere.", "Other"))
    for sid, quote in (("lanes", "Lanes save lives."), ("shops", "Shops gain customers."), ("cars", "Cars are loud.")):
        i = TEXT.index(quote)
        amap.add_statement(Statement(sid, quote, anchors=(Anchor("src", i, i + len(quote), quote),)))
    # an anchor into another source must not move when this one changes
    amap.update_statement(
        "lanes", anchors=amap.statements["lanes"].anchors + (Anchor("other", 0, 17, "Lanes save lives."),)
    )
    doc = DocumentController(amap)
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    return doc, panel


def test_edit_text_refinds_moved_passages_and_marks_lost_ones(qtbot):
    doc, panel = make(qtbot)
    before = dumps(doc.map)
    new = "Intro added here. Bikes are good. Lanes save lives. Cars are really loud."
    broken = panel.edit_text("src", new)
    amap = doc.map
    assert broken == ["shops", "cars"]
    lanes = amap.statements["lanes"].anchors
    assert lanes[0] == Anchor("src", new.index("Lanes"), new.index("Lanes") + 17, "Lanes save lives.")
    assert lanes[1] == Anchor("other", 0, 17, "Lanes save lives.")
    # the lost anchors are kept as they were, so they show as broken
    assert {st.id for st, _ in broken_anchors(amap)} == {"shops", "cars"}
    assert stats(amap)["broken_anchors"] == 2
    panel.refresh_now()
    assert {st.id for st, _ in panel.broken("src")} == {"shops", "cars"}
    assert [t.statement for _, _, cov in panel.views["src"].segments() for t in cov] == ["lanes"]
    assert panel.views["src"].toPlainText() == new
    # one undo step puts everything back exactly
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert dumps(doc.map) == before
    panel.refresh_now()
    assert panel.broken("src") == [] and panel.broken_list.isHidden()
    doc.undo_stack.redo()
    assert stats(doc.map)["broken_anchors"] == 2


def test_repeated_quote_goes_to_the_nearest_occurrence(qtbot):
    doc, panel = make(qtbot)
    new = "Lanes save lives. " + "x" * 40 + " Bikes are good. Lanes save lives. Shops gain customers. Cars are loud."
    panel.edit_text("src", new)
    a = doc.map.statements["lanes"].anchors[0]
    assert a.start == new.rindex("Lanes save lives.") and a.matches(new)


def test_edits_in_several_paragraphs_keep_repeated_quotes_apart(qtbot):
    paras = [f"Paragraph {i}. The same sentence." for i in range(6)]
    text = "\n".join(paras)
    amap = ArgumentMap()
    amap.add_source(Source("src", text))
    starts = [text.index("The same", text.index(f"Paragraph {i}")) for i in range(6)]
    for i, s in enumerate(starts):
        amap.add_statement(Statement(f"s{i}", "x", anchors=(Anchor("src", s, s + 18, "The same sentence."),)))
    doc = DocumentController(amap)
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    new_paras = list(paras)
    new_paras[1] = "Paragraph 1, now much longer than before. The same sentence."
    new_paras[4] = "New words. " + paras[4]
    new_paras.insert(0, "The same sentence.")  # a decoy at the very start
    new = "\n".join(new_paras)
    assert panel.edit_text("src", new) == []
    for i in range(6):
        a = doc.map.statements[f"s{i}"].anchors[0]
        line = new[: a.start].count("\n")
        assert f"Paragraph {i}" in new.split("\n")[line]
        assert a.matches(new)


def test_a_broken_anchor_is_re_anchored_to_a_new_selection_or_removed(qtbot):
    doc, panel = make(qtbot)
    new = "Bikes are good. Lanes save lives. Shops win customers. Cars are loud."
    panel.edit_text("src", new)
    panel.refresh_now()
    assert [st.id for st, _ in panel.broken("src")] == ["shops"]
    before = dumps(doc.map)
    view = panel.views["src"]
    i = new.index("Shops")
    view.select_range(i, i + len("Shops win customers."))
    assert panel.reanchor_broken(0)
    assert doc.map.statements["shops"].anchors == (Anchor("src", i, i + 20, "Shops win customers."),)
    assert panel.broken("src") == [] and stats(doc.map)["broken_anchors"] == 0
    doc.undo_stack.undo()
    assert dumps(doc.map) == before
    panel.refresh_now()
    assert panel.reanchor_broken(0, remove=True)
    assert doc.map.statements["shops"].anchors == ()
