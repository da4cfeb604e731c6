"""Source texts from files: plain text, Markdown and HTML read as the text a map is made from."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser

from ..model.text import normalise_newlines


class SourceFileError(ValueError):
    """A source file could not be read; the message is one line naming the file."""


_BLOCK_TAGS = frozenset(
    """address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4
    h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul""".split()
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})


_PARAGRAPH_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 blockquote pre table ul ol dl figure".split())


class _TextExtractor(HTMLParser):
    """Collects the text; block elements ask for line breaks that are written only
    before the next real text, so nested blocks do not pile up blank lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False
        self._pre = 0
        self._pending = 0

    def _block(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._pending = max(self._pending, 2 if tag in _PARAGRAPH_TAGS else 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "pre":
            self._pre += 1
        self._block(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._block(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        elif tag == "pre" and self._pre:
            self._pre -= 1
        self._block(tag)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        if self._skip:
            return
        text = data if self._pre else re.sub(r"\s+", " ", data)
        if self._pending:
            if not text.strip():
                return
            if self.parts:
                self.parts.append("\n" * self._pending)
            self._pending = 0
            text = text if self._pre else text.lstrip()
        self.parts.append(text)


def html_to_text(html: str) -> tuple[str, str]:
    """The readable text of an HTML page and its <title>: scripts and styles
    dropped, block elements on their own lines, entities decoded."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    raw = normalise_newlines("".join(parser.parts)).replace("\xa0", " ")
    lines = [line.strip() for line in raw.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, " ".join("".join(parser.title).split())


def read_source_file(path: str) -> tuple[str, str]:
    """``(title, text)`` of a .txt, .md or .html file; raises SourceFileError."""
    name = os.path.basename(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise SourceFileError(f"{path}: cannot read the file ({e.strerror or e})") from None
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise SourceFileError(
            f"{path}: line {line}: not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})"
        ) from None
    title = os.path.splitext(name)[0]
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        text, html_title = html_to_text(raw)
        title = html_title or title
    else:
        text = normalise_newlines(raw).strip("\n")
    if not text.strip():
        raise SourceFileError(f"{path}: the file has no text")
    return title, text
