"""Adding sources from files in the source panel, and the tints of anchored passages."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMessageBox

from argmap.model import ArgumentMap, Kind, Source
from argmap.ui.document.controller import DocumentController
from argmap.ui.source.panel import SourcePanel
from argmap.ui.source.tints import Tint, tint_segments

HTML = """<!doctype html><html><head><title>Lanes &amp; Shops</title>
<style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
<body><h1>Protected   lanes</h1><p>Shops gain&nbsp;customers &mdash; really.</p>
<ul><li>One</li><li>Two &lt;3</li></ul><p>Last<br>line</p></body></html>"""


def test_add_source_from_file_in_the_panel(qtbot, tmp_path, monkeypatch):
    doc = DocumentController(ArgumentMap())
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    assert panel.stack.currentIndex() == 0  # the empty state invites adding a source
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    sid = panel.add_source_from_file(str(tmp_path / "page.html"), ask=False)
    src = doc.map.sources[sid]
    assert src.title == "Lanes & Shops" and src.text.startswith("Protected lanes")
    assert panel.views[sid].toPlainText() == src.text
    assert panel.stack.currentIndex() == 1
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    (tmp_path / "bad.txt").write_bytes(b"\xfe\xfe")
    assert panel.add_source_from_file(str(tmp_path / "bad.txt"), ask=False) is None
    assert len(warned) == 1 and "bad.txt" in warned[0]
    doc.undo_stack.undo()
    assert not doc.map.sources and panel.stack.currentIndex() == 0


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 12), st.sampled_from(list(Kind))), max_size=12))
def test_tint_segments_cover_exactly_the_anchored_characters(spans):
    tints = [Tint(f"s{i}", kind, a, a + n) for i, (a, n, kind) in enumerate(spans)]
    segs = tint_segments(tints)
    for pos in range(45):
        expected = {t.statement for t in tints if t.start <= pos < t.end}
        found = [cov for a, b, cov in segs if a <= pos < b]
        assert len(found) <= 1
        got = found[0] if found else []
        assert {t.statement for t in got} == expected
        # innermost (shortest) first
        assert [t.end - t.start for t in got] == sorted(t.end - t.start for t in got)


def test_keyboard_focus_in_the_source_text_is_visible(qtbot):
    amap = ArgumentMap()
    amap.add_source(Source("src", "Sugar taxes work. Sales fell by a fifth in two years.", "Op-ed"))
    doc = DocumentController(amap)
    panel = SourcePanel(doc)
    qtbot.addWidget(panel)
    panel.resize(500, 300)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.views["src"]
    highlight = view.palette().color(QPalette.ColorRole.Highlight)

    def left_edge():
        image = view.viewport().grab().toImage()
        return image.pixelColor(0, image.height() // 2)

    panel.toolbar.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    assert left_edge() != highlight
    with qtbot.waitActive(panel):
        panel.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert left_edge() == highlight  # a focus frame, though the text is read-only
    # and the keys select text, for Ctrl+1/2/3
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.passage() is not None and view.passage().text == "Sugar"
