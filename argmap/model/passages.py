"""Passages of a source text without Qt: ranges, UTF-16 offsets, drag payloads, and anchors kept through edits."""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from .argument_map import ArgumentMap, ModelError
from .elements import Anchor
from .text import refind_anchor

# the clipboard and drag-and-drop type of a passage's JSON payload (:meth:`Passage.to_json`)
PASSAGE_MIME = "application/x-argmap-passage"
REFIND_WINDOW = 2000  # characters either side (plus the change in length) searched for a moved quote


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
    def from_json(cls, raw: bytes | str) -> Passage | None:
        """The passage in a drag payload, or None when it is not one."""
        try:
            data = json.loads(raw)
            p = cls(
                str(data["source"]),
                int(data["start"]),
                int(data["end"]),
                str(data["text"]),
                str(data["kind"]) if data.get("kind") else None,
            )
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


def _in_word(c: str) -> bool:
    """A letter or digit of a script that spaces its words (in CJK, Thai and the like a word has no
    visible end, so a selection there is kept as made)."""
    o = ord(c)
    unspaced = 0x0E00 <= o <= 0x0EFF or 0x1000 <= o <= 0x109F or 0x1780 <= o <= 0x17FF or o >= 0x2E80
    return c.isalnum() and not unspaced


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` grown to whole words where an end falls inside one: a mouse drag rarely
    starts and stops exactly between words, and a statement that begins "en North Korea" is a slip."""
    if start < end:
        while 0 < start < len(text) and _in_word(text[start - 1]) and _in_word(text[start]):
            start -= 1
        while 0 < end < len(text) and _in_word(text[end - 1]) and _in_word(text[end]):
            end += 1
    return start, end


def statement_text(quote: str) -> str:
    """The text of a statement made from a passage: white space collapsed."""
    return " ".join(quote.split())


# ------------------------------------------------------------------ anchors
def passage_anchor(amap: ArgumentMap, passage: Passage) -> Anchor:
    """The anchor for a passage: its range trimmed of white space, its quote read from the
    source itself (not trusted from the drag payload); raises ModelError when it is not there."""
    src = amap.source(passage.source)
    start, end = trim_range(src.text, passage.start, passage.end)
    if end <= start:
        raise ModelError("the passage holds no text")
    return Anchor(src.id, start, end, src.text[start:end])


class OffsetShift:
    """Where an old offset of a text probably went in its new version: lines that are
    unchanged (matched with difflib) and the shared start and end carry their offsets over
    exactly; an offset in an edited line moves with the unchanged line before it."""

    def __init__(self, old: str, new: str) -> None:
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        o_start, n_start = _line_starts(old_lines), _line_starts(new_lines)
        sm = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        # (old char start, old char end, delta) of every unchanged run of lines
        self._runs = [
            (o_start[i], o_start[i + n], n_start[j] - o_start[i]) for i, j, n in sm.get_matching_blocks() if n
        ]
        self._starts = [r[0] for r in self._runs]
        # characters the texts share at both ends: exact for a single edit anywhere
        limit = min(len(old), len(new))
        p = 0
        while p < limit and old[p] == new[p]:
            p += 1
        q = 0
        while q < limit - p and old[-1 - q] == new[-1 - q]:
            q += 1
        self._prefix, self._suffix_start, self._delta = p, len(old) - q, len(new) - len(old)

    def __call__(self, offset: int) -> int:
        if offset < self._prefix:
            return offset
        if offset >= self._suffix_start:
            return offset + self._delta
        k = bisect_right(self._starts, offset) - 1
        return offset + self._runs[k][2] if k >= 0 else offset


def _line_starts(lines: list[str]) -> list[int]:
    out, pos = [0], 0
    for line in lines:
        pos += len(line)
        out.append(pos)
    return out


def refound_anchors(
    amap: ArgumentMap, source_id: str, new_text: str, window: int | None = None
) -> tuple[dict[str, tuple[Anchor, ...]], list[str]]:
    """For a source text about to become ``new_text``: the statements whose anchors move
    (id -> new anchors) and the ids of statements with an anchor that cannot be found
    again (kept unchanged, so it shows as broken).  Each quote is searched for near where
    the edit moved it (:class:`OffsetShift`), the nearest occurrence winning."""
    old_text = amap.source(source_id).text
    if window is None:
        window = REFIND_WINDOW
    shift = OffsetShift(old_text, new_text)
    moved: dict[str, tuple[Anchor, ...]] = {}
    broken: list[str] = []
    for st in amap.statements.values():
        if not any(a.source_id == source_id for a in st.anchors):
            continue
        new: list[Anchor] = []
        for a in st.anchors:
            if a.source_id != source_id:
                new.append(a)
                continue
            was_good = a.matches(old_text)
            guess = shift(a.start) if was_good else a.start
            found = refind_anchor(new_text, a.replace(start=guess, end=guess + (a.end - a.start)), window)
            if found is None:
                new.append(a)
                if st.id not in broken:
                    broken.append(st.id)
            else:
                new.append(found)
        if tuple(new) != st.anchors:
            moved[st.id] = tuple(new)
    return moved, broken


def is_broken(amap: ArgumentMap, anchor: Anchor) -> bool:
    src = amap.sources.get(anchor.source_id)
    return src is None or not anchor.matches(src.text)
