"""A map opens with its passages tinted in the source text: every anchor, from the first paint, without a click."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication

from argmap.resources import sample_paths
from argmap.ui.paint.theme import theme_for


def _opened(qtbot, manager, tmp_path):
    sample = next(p for p in sample_paths() if "kim-putin" in p.name)
    path = tmp_path / sample.name
    shutil.copy(sample, path)  # reopening a saved map, as a user does
    w = manager.open_path(str(path))
    qtbot.waitExposed(w)
    QApplication.processEvents()
    (sid,) = list(w.source_panel.views)
    return w, w.source_panel.views[sid], sid


def _anchored(w, sid):
    """(statement, start, end) of every good anchor into the source, in code points."""
    amap = w.doc.map
    text = amap.sources[sid].text
    return [
        (st, a.start, a.end)
        for st in amap.statements.values()
        for a in st.anchors
        if a.source_id == sid and a.matches(text) and a.end > a.start
    ]


def _tinted(view) -> dict[int, QColor]:
    """Qt position -> background colour of the extra selections the text edit draws with its text."""
    out: dict[int, QColor] = {}
    for sel in view.extraSelections():
        brush = sel.format.background()
        colour = brush.color()
        if brush.style() != Qt.BrushStyle.NoBrush and colour.alpha():
            for pos in range(sel.cursor.selectionStart(), sel.cursor.selectionEnd()):
                out[pos] = colour
    return out


def test_every_anchored_passage_is_tinted_when_the_map_opens(qtbot, manager, tmp_path):
    w, view, sid = _opened(qtbot, manager, tmp_path)
    anchored = _anchored(w, sid)
    assert len(anchored) > 20
    tinted = _tinted(view)
    theme = theme_for(view.palette())
    for st, start, end in anchored:
        positions = range(view.to_qt(start), view.to_qt(end))
        missing = [p for p in positions if p not in tinted]
        assert not missing, f"{st.title or st.text!r}: {len(missing)} of {len(positions)} characters untinted"
        assert any(tinted[p].rgb() == theme.kind[st.kind].rgb() for p in positions)  # the kind's colour somewhere


def _line_pixels(view, pos: int):
    """Colours along the middle of the text line at Qt position ``pos``, a little right of its start."""
    cur = QTextCursor(view.document())
    cur.setPosition(pos)
    r = view.cursorRect(cur)
    img = view.viewport().grab().toImage()
    y = r.top() + 2  # above the glyphs' x-height: the tint, not ink
    return [img.pixelColor(x, y) for x in range(r.left() + 1, min(r.left() + 12, img.width()))]


def test_the_tints_are_drawn_all_down_the_text(qtbot, manager, tmp_path):
    w, view, sid = _opened(qtbot, manager, tmp_path)
    base = view.viewport().palette().color(view.viewport().backgroundRole())
    scroll = view.verticalScrollBar()
    assert scroll.maximum() > 0  # a long text: scrolled through, passage by passage
    for st, start, end in sorted(_anchored(w, sid), key=lambda t: t[1]):
        view.scroll_to(start, end)
        QApplication.processEvents()
        pixels = _line_pixels(view, view.to_qt(start))
        assert all(p != base for p in pixels), f"{st.title!r} at {start} is not tinted on screen"


def test_selecting_a_statement_strengthens_its_tint(qtbot, manager, tmp_path):
    w, view, sid = _opened(qtbot, manager, tmp_path)
    st, start, _end = sorted(_anchored(w, sid), key=lambda t: t[1])[-1]
    before = _tinted(view)[view.to_qt(start)].alpha()
    w.doc.select([st.id])
    view.end_flash()  # selecting it on the canvas flashes the passage: the lasting tint is what is left
    assert _tinted(view)[view.to_qt(start)].alpha() > before
    w.doc.select([])
    assert _tinted(view)[view.to_qt(start)].alpha() == before
