"""The bundled fonts' metrics without Qt: character widths, line heights and word wrap.

The widths come from ``font_metrics.json`` (regenerate with ``tools/gen_font_metrics.py``) for the
DejaVu Sans fonts shipped in ``resources/fonts``; every device draws text with those fonts, so a
width measured here is the width drawn.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

FONT_FAMILY = "DejaVu Sans"
FONT_PX = 13.0  # statement text
LABEL_PX = 9.5  # the kind label ("PREMISE") above the text
MAX_TEXT_WIDTH = 230.0  # readable line length, about 35-40 characters
WORD_CACHE = 500_000  # distinct words whose widths are remembered, per font

with open(os.path.join(os.path.dirname(__file__), "font_metrics.json"), encoding="utf-8") as _f:
    _DATA: dict[str, Any] = json.load(_f)


class _Widths(dict[str, float]):
    """Character advance widths; a character the font lacks gets the fallback width."""

    def __init__(self, widths: Iterable[tuple[str, float]], fallback: float) -> None:
        super().__init__(widths)
        self.fallback = fallback

    def __missing__(self, ch: str) -> float:
        return self.fallback


class _WordWidths(dict[str, float]):
    """Widths of the words met so far; a new word is measured (and remembered, up to a limit)."""

    def __init__(self, table: _Widths) -> None:
        super().__init__()
        self.table = table

    def __missing__(self, word: str) -> float:
        w: float = sum(map(self.table.__getitem__, word))
        if len(self) < WORD_CACHE:
            self[word] = w
        return w


class Font:
    """One of the bundled fonts at a pixel size."""

    def __init__(self, spec: dict[str, Any], px: float) -> None:
        scale: float = px / _DATA["reference_px"]
        self.fallback: float = spec["fallback"] * scale
        self.line_height: float = spec["line_spacing"] * scale
        self.ascent: float = spec["ascent"] * scale
        widths: dict[str, float] = spec["widths"]
        self._table = _Widths(zip(widths, map(scale.__mul__, widths.values())), self.fallback)
        self.widths: dict[str, float] = self._table
        self._words = _WordWidths(self._table)
        self.space = self._words[" "]

    def width(self, s: str) -> float:
        """Width of ``s``, remembered (for words: a map has few distinct ones)."""
        return self._words[s]

    def measure(self, s: str) -> float:
        """Width of ``s``, not remembered (for whole lines, which rarely repeat)."""
        return sum(map(self._table.__getitem__, s), 0.0)


def font(px: float, bold: bool = False) -> Font:
    """The bundled regular or bold font at ``px`` pixels."""
    return Font(_DATA["fonts"]["bold" if bold else "regular"], px)


REGULAR = Font(_DATA["fonts"]["regular"], FONT_PX)
BOLD = Font(_DATA["fonts"]["bold"], FONT_PX)
LABEL = Font(_DATA["fonts"]["bold"], LABEL_PX)
LINE_HEIGHT = REGULAR.line_height


def wrap(text: str, font: Font = REGULAR, max_width: float = MAX_TEXT_WIDTH) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``max_width``.

    Explicit newlines are kept; a word longer than a line is broken.
    """
    return wrap_widths(text, font, max_width)[0]


def wrap_widths(text: str, font: Font, max_width: float) -> tuple[list[str], list[float]]:
    """The lines, and each line's width summed word by word (equal to the line's
    width up to rounding in the last bits)."""
    lines: list[str] = []
    widths: list[float] = []
    space = font.space
    known = font._words.__getitem__  # Font.width without a Python call per word
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            widths.append(0.0)
            continue
        if len(words) == 1:  # a title, say
            ww = known(words[0])
            if ww <= max_width:
                lines.append(words[0])
                widths.append(ww)
                continue
        ws = list(map(known, words))
        i = 0
        cur = ws[0]
        start = len(lines)
        if cur <= max_width:
            for j, ww in enumerate(ws[1:], 1):
                add = cur + space + ww
                if add <= max_width:
                    cur = add
                elif ww <= max_width:  # (a word wider than a line always lands here)
                    lines.append(" ".join(words[i:j]))
                    widths.append(cur)
                    i, cur = j, ww
                else:
                    break
            else:
                lines.append(" ".join(words[i:]))
                widths.append(cur)
                continue
        del lines[start:], widths[start:]
        _wrap_long(words, ws, font, max_width, space, lines, widths)
    return lines, widths


def _wrap_long(
    words: list[str], ws: list[float], font: Font, max_width: float, space: float, lines: list[str], widths: list[float]
) -> None:
    """Wrap a paragraph with a word longer than a line: that word is broken by characters."""
    n = len(ws)
    head = ""  # the last piece of a broken word, starting the current line
    i = j = 0  # the current line holds head and words[i:j]
    cur = 0.0
    while j < n:
        ww = ws[j]
        if ww > max_width:  # break an over-long word by characters
            if head or j > i:
                lines.append(" ".join(([head] if head else []) + words[i:j]))
                widths.append(cur)
            piece = ""
            for ch in words[j]:
                if font.measure(piece + ch) > max_width and piece:
                    lines.append(piece)
                    widths.append(font.measure(piece))
                    piece = ""
                piece += ch
            head, cur = piece, font.measure(piece)
            j += 1
            i = j
            continue
        if not head and j == i:
            cur = ww
        else:
            add = cur + space + ww
            if add <= max_width:
                cur = add
            else:
                lines.append(" ".join(([head] if head else []) + words[i:j]))
                widths.append(cur)
                head, i, cur = "", j, ww
        j += 1
    lines.append(" ".join(([head] if head else []) + words[i:j]))
    widths.append(cur)


def widest(font: Font, lines: list[str], sums: list[float]) -> float:
    """The exact width of the widest line: only lines whose word sum is (nearly) the largest are measured."""
    if len(lines) < 2:
        return font.measure(lines[0]) if lines else 0.0
    top = max(sums) - 1e-6
    return max(font.measure(line) for line, w in zip(lines, sums) if w >= top)
