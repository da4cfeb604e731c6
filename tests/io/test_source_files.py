"""Reading source texts from plain text, Markdown and HTML files."""

from __future__ import annotations

import pytest

from argmap.io.source_files import SourceFileError, html_to_text, read_source_file

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
