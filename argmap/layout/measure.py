"""Card geometry without Qt: word wrapping and sizes from the bundled font's metrics.

The GUI, the exporters and ``argmap layout`` all size and wrap cards with
:func:`card_metrics`, and the GUI draws exactly the lines it returns, so a map
laid out on the command line looks right when opened.  The widths come from
``font_metrics.json`` (regenerate with ``tools/gen_font_metrics.py``) for the
DejaVu Sans fonts shipped in ``resources/fonts``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FONT_FAMILY = "DejaVu Sans"
FONT_PX = 13.0          # statement text
LABEL_PX = 9.5          # the kind label ("PREMISE") above the text
PAD_X = 10.0
PAD_Y = 8.0
LABEL_HEIGHT = 15.0     # kind label strip, including its gap to the text
TITLE_GAP = 3.0         # between the bold title and the text
MAX_TEXT_WIDTH = 230.0  # readable line length, about 35-40 characters
MIN_CARD_WIDTH = 120.0
JUNCTION_SIZE = 12.0    # relations are drawn as a small junction node

_DATA = json.loads((Path(__file__).with_name("font_metrics.json")).read_text(encoding="utf-8"))


class _Font:
    def __init__(self, spec: dict, px: float) -> None:
        scale = px / _DATA["reference_px"]
        self.widths = {ch: w * scale for ch, w in spec["widths"].items()}
        self.fallback = spec["fallback"] * scale
        self.line_height = spec["line_spacing"] * scale
        self.ascent = spec["ascent"] * scale
        self._words: dict[str, float] = {}

    def width(self, s: str) -> float:
        w = self._words.get(s)
        if w is None:
            get = self.widths.get
            fb = self.fallback
            w = sum(get(c, fb) for c in s)
            if len(self._words) < 200_000:
                self._words[s] = w
        return w


REGULAR = _Font(_DATA["fonts"]["regular"], FONT_PX)
BOLD = _Font(_DATA["fonts"]["bold"], FONT_PX)
LABEL = _Font(_DATA["fonts"]["bold"], LABEL_PX)
LINE_HEIGHT = REGULAR.line_height


def wrap(text: str, font: _Font = REGULAR, max_width: float = MAX_TEXT_WIDTH) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``max_width``.

    Explicit newlines are kept; a word longer than a line is broken.
    """
    lines: list[str] = []
    space = font.width(" ")
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        cur: list[str] = []
        cur_w = 0.0
        for word in words:
            ww = font.width(word)
            if ww > max_width:  # break an over-long word by characters
                if cur:
                    lines.append(" ".join(cur))
                    cur, cur_w = [], 0.0
                piece = ""
                for ch in word:
                    if font.width(piece + ch) > max_width and piece:
                        lines.append(piece)
                        piece = ""
                    piece += ch
                cur, cur_w = [piece], font.width(piece)
                continue
            add = ww if not cur else cur_w + space + ww
            if add <= max_width or not cur:
                cur.append(word)
                cur_w = add
            else:
                lines.append(" ".join(cur))
                cur, cur_w = [word], ww
        lines.append(" ".join(cur))
    return lines


@dataclass(frozen=True)
class CardMetrics:
    """Where everything goes inside a card; offsets are from its top-left corner."""

    width: float
    height: float
    title_lines: tuple[str, ...]
    text_lines: tuple[str, ...]
    line_height: float
    label_y: float      # baseline of the kind label
    title_y: float      # top of the first title line
    text_y: float       # top of the first text line

    @property
    def size(self) -> tuple[float, float]:
        return (self.width, self.height)


@lru_cache(maxsize=100_000)
def card_metrics(text: str, title: str = "") -> CardMetrics:
    """Geometry of a statement card holding ``title`` (bold, optional) and ``text``."""
    title_lines = tuple(wrap(title, BOLD)) if title.strip() else ()
    text_lines = tuple(wrap(text or " ", REGULAR))
    widest = max([BOLD.width(t) for t in title_lines] + [REGULAR.width(t) for t in text_lines] + [0.0])
    width = max(MIN_CARD_WIDTH, min(MAX_TEXT_WIDTH, widest) + 2 * PAD_X)
    lh = LINE_HEIGHT
    label_y = PAD_Y + LABEL.ascent
    title_y = PAD_Y + LABEL_HEIGHT
    text_y = title_y + (len(title_lines) * lh + TITLE_GAP if title_lines else 0.0)
    height = text_y + len(text_lines) * lh + PAD_Y
    return CardMetrics(round(width, 2), round(height, 2), title_lines, text_lines, lh, label_y, title_y, text_y)


def card_size(statement) -> tuple[float, float]:
    """Width and height of the card for a Statement (anything with ``text`` and ``title``)."""
    return card_metrics(statement.text, statement.title).size


def map_sizes(amap) -> dict[str, tuple[float, float]]:
    """Sizes of every statement and relation of ``amap``: cards for statements, junctions for relations."""
    sizes = {sid: card_size(st) for sid, st in amap.statements.items()}
    for rid in amap.relations:
        sizes[rid] = (JUNCTION_SIZE, JUNCTION_SIZE)
    return sizes
