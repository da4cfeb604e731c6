"""Card numbers: one order for the canvas, every export and the report's key, and the badge that shows one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import style
from .picture import Path, Picture
from .style import Palette, Pen

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..model import ArgumentMap
    from .parts import Box, Card

BADGE_FONT = style.Font(11, True)
BADGE_HEIGHT = 16.0
BADGE_PAD = 4.5
BADGE_RISE = 10.0  # how far a badge stands above its card's top edge (and left of its left edge, less 5)


def card_numbers(amap: ArgumentMap) -> dict[str, int]:
    """Each statement's number, from 1, in map order: the order the map keeps its statements (and
    the file lists them).  New statements go last, so adding one never renumbers the others; the
    numbers of a selection's export are the whole map's, so "7" means the same card everywhere."""
    return {sid: n for n, sid in enumerate(amap.statements, 1)}


def badge_box(card: Box, number: int) -> Box:
    """The badge of a card's number: a pill on its top-left corner, clear of the kind marker and
    of the text (the top-right corner is the evaluation label's)."""
    x, y, _w, _h = card
    w = max(BADGE_HEIGHT, 2 * BADGE_PAD + BADGE_FONT.width(str(number)))
    return (x - BADGE_RISE + 5, y - BADGE_RISE, w, BADGE_HEIGHT)


def draw_numbers(pic: Picture, cards: Sequence[Card], numbers: Mapping[str, int], pal: Palette) -> None:
    """Each card's number on a badge (cards without one are left alone): the text colour as the
    pill, the background colour as the digits, so it reads in any theme and in greyscale."""
    pills = Path()
    runs = []
    baseline = BADGE_FONT.ascent / 2 - 0.5
    for box, st, _m in cards:
        n = numbers.get(st.id)
        if n is None:
            continue
        bx, by, bw, bh = badge_box(box, n)
        pills.rect(bx, by, bw, bh, bh / 2)
        text = str(n)
        runs.append((bx + (bw - BADGE_FONT.width(text)) / 2, by + bh / 2 + baseline, text))
    if runs:
        pic.path(pills, Pen(pal.background, 1.5), pal.text)
        pic.text(BADGE_FONT, pal.background, runs)
