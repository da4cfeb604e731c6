"""Adding sources from files (txt, md, html), UTF-16 offsets, and the source text dialog path."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QMessageBox

from argmap.model import ArgumentMap, Kind
from argmap.ui.document.controller import DocumentController
from argmap.ui.source.panel import SourcePanel
from argmap.ui.source.tints import Tint, tint_segments
from argmap.ui.source.source_text import Passage, SourceFileError, Utf16Map, html_to_text, read_source_file, trim_range

HTML = """<!doctype html><html><head><title>Lanes &amp; Shops</title>
<style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
<body><h1>Protected   lanes</h1><p>Shops gain&nbsp;customers &mdash; really.</p>
<ul><li>One</li><li>Two &lt;3</li></ul><p>Last<br>line</p></body></html>"""


def test_html_is_reduced_to_its_text():
    text, title = html_to_text(HTML)
    assert title == "Lanes & Shops"
    assert text == "Protected lanes\n\nShops gain customers \u2014 really.\n\nOne\nTwo <3\n\nLast\nline"


def test_reading_files(tmp_path):
    (tmp_path / "op-ed.md").write_bytes("# Title\r\nBody \u00e9\r\n".encode())
    assert read_source_file(str(tmp_path / "op-ed.md")) == ("op-ed", "# Title\nBody \u00e9")
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    assert read_source_file(str(tmp_path / "page.html"))[0] == "Lanes & Shops"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"fine\nline two \xff here\n")
    with pytest.raises(SourceFileError) as e:
        read_source_file(str(bad))
    msg = str(e.value)
    assert str(bad) in msg and "line 2" in msg and "\n" not in msg


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


@given(st.text(alphabet=st.sampled_from(["a", " ", "\n", "\u00e9", "\U0001F600", "\U00010348"]), max_size=30))
def test_utf16_offsets_round_trip(text):
    m = Utf16Map(text)
    encoded = text.encode("utf-16-le")
    for i in range(len(text) + 1):
        u = m.to_utf16(i)
        assert u == len(text[:i].encode("utf-16-le")) // 2
        assert m.to_cp(u) == i
    for u in range(len(encoded) // 2 + 1):
        lo, hi = m.to_cp(u), m.to_cp(u, round_up=True)
        assert m.to_utf16(lo) <= u <= m.to_utf16(hi) and hi - lo <= 1


def test_trim_and_payload():
    assert trim_range("  ab c \n", 0, 8) == (2, 6)
    assert trim_range("   ", 0, 3) == (3, 3)
    assert Passage.from_json(b'{"source": "s", "start": 4, "end": 2, "text": ""}') is None
    assert Passage.from_json(b"not json") is None
    p = Passage("s", 1, 3, "\u00e9\U0001F600", "evidence")
    assert Passage.from_json(p.to_json()) == p


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
