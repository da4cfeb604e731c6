"""Source files and passages without Qt: reading .txt/.md/.html, UTF-16 offsets, trimming, drag payloads."""
from __future__ import annotations

import json
import os
import re
from bisect import bisect_left
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from ...model.text import normalise_newlines

PASSAGE_MIME = "application/x-argmap-passage"
SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml")


class SourceFileError(ValueError):
    """A source file could not be read; the message is one line naming the file."""


# ------------------------------------------------------------------ offsets
class Utf16Map:
    """Converts between Python string indices (code points) and Qt positions (UTF-16 units).

    Only characters outside the Basic Multilingual Plane (emoji, some CJK) take
    two UTF-16 units, so the map keeps their code point indices and bisects.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        # UTF-16 index of each astral character's first unit
        self._astral16 = [i + k for k, i in enumerate(self._astral)]

    def to_utf16(self, cp: int) -> int:
        return cp + bisect_left(self._astral, cp)

    def to_cp(self, u16: int, round_up: bool = False) -> int:
        """The code point index at UTF-16 position ``u16``; a position inside a
        surrogate pair goes to the character's start (or its end with ``round_up``)."""
        k = bisect_left(self._astral16, u16)  # astral characters starting before u16
        if k and u16 == self._astral16[k - 1] + 1:  # between the two halves of a pair
            return self._astral[k - 1] + (1 if round_up else 0)
        return u16 - k


# ----------------------------------------------------------------- passages
@dataclass(frozen=True)
class Passage:
    """A range ``[start, end)`` of a source text in code points, and its exact text."""

    source: str
    start: int
    end: int
    text: str
    kind: str | None = None

    def to_json(self) -> bytes:
        data: dict[str, Any] = {"source": self.source, "start": self.start, "end": self.end, "text": self.text}
        if self.kind:
            data["kind"] = self.kind
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes | str) -> "Passage | None":
        """The passage in a drag payload, or None when it is not one."""
        try:
            data = json.loads(raw)
            p = cls(str(data["source"]), int(data["start"]), int(data["end"]), str(data["text"]),
                    str(data["kind"]) if data.get("kind") else None)
        except (ValueError, KeyError, TypeError):
            return None
        return p if 0 <= p.start <= p.end else None


def trim_range(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without leading and trailing white space."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def statement_text(quote: str) -> str:
    """The text of a statement made from a passage: white space collapsed."""
    return " ".join(quote.split())


# ------------------------------------------------------------ reading files
_BLOCK_TAGS = frozenset("""address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4
    h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul""".split())
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
        raise SourceFileError(f"{path}: line {line}: not UTF-8 text (byte 0x{data[e.start]:02x} at offset "
                              f"{e.start})") from None
    title = os.path.splitext(name)[0]
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        text, html_title = html_to_text(raw)
        title = html_title or title
    else:
        text = normalise_newlines(raw).strip("\n")
    if not text.strip():
        raise SourceFileError(f"{path}: the file has no text")
    return title, text
