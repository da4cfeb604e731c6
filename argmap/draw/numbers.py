"""Card numbers: one order for the canvas, every export and the report's key, and the badge that shows one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..layout.cross import segment_hits_box
from . import style
from .picture import Path, Picture
from .route import bezier
from .style import Palette, Pen

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from ..model import ArgumentMap
    from .parts import Box, Card
    from .route import Cubic, Pt

BADGE_FONT = style.Font(11, True)
BADGE_HEIGHT = 16.0
BADGE_PAD = 4.5
BADGE_RISE = 10.0  # how far a badge stands above its card's top edge (and left of its left edge, less 5)


def card_numbers(amap: ArgumentMap) -> dict[str, int]:
    """Each statement's number, from 1, in map order: the order the map keeps its statements (and
    the file lists them).  New statements go last, so adding one never renumbers the others; the
    numbers of a selection's export are the whole map's, so "7" means the same card everywhere."""
    return {sid: n for n, sid in enumerate(amap.statements, 1)}


TOP_LEFT, BOTTOM_LEFT, BOTTOM_RIGHT, TOP_RIGHT = range(4)  # the corners a badge can sit on, in the order tried


def badge_box(card: Box, number: int, corner: int = TOP_LEFT) -> Box:
    """The badge of a card's number: a pill on its top-left corner, clear of the kind marker and
    of the text (the top-right corner is the evaluation label's), or on another ``corner`` (one of
    :data:`TOP_LEFT` ... :data:`TOP_RIGHT`) when a relation's line runs over that one."""
    x, y, w, h = card
    bw = max(BADGE_HEIGHT, 2 * BADGE_PAD + BADGE_FONT.width(str(number)))
    left = x - BADGE_RISE + 5 if corner in (TOP_LEFT, BOTTOM_LEFT) else x + w + BADGE_RISE - 5 - bw
    top = y - BADGE_RISE if corner in (TOP_LEFT, TOP_RIGHT) else y + h + BADGE_RISE - BADGE_HEIGHT
    return (left, top, bw, BADGE_HEIGHT)


def badge_corners(cards: Mapping[str, Box], numbers: Mapping[str, int], lines: Iterable[Cubic]) -> dict[str, int]:
    """The corner each numbered card's badge goes on: the first of top left, bottom left, bottom right
    and top right that none of ``lines`` (the relations' drawn segments) crosses, so a badge never
    hides a line running along a card's edge (a linked premise's, just above its partners' tops).
    Cards whose badge keeps the top left corner are left out; all corners crossed: the top left."""
    cell = 64.0
    grid: dict[tuple[int, int], list[tuple[Pt, Pt]]] = {}
    for c in lines:
        pts = [bezier(c, k / 8) for k in range(9)] if c[1] != c[0] or c[2] != c[3] else [c[0], c[3]]
        for a, b in zip(pts, pts[1:]):
            for gx in range(int((min(a[0], b[0]) - 2) // cell), int((max(a[0], b[0]) + 2) // cell) + 1):
                for gy in range(int((min(a[1], b[1]) - 2) // cell), int((max(a[1], b[1]) + 2) // cell) + 1):
                    grid.setdefault((gx, gy), []).append((a, b))
    out: dict[str, int] = {}
    for sid, box in cards.items():
        n = numbers.get(sid)
        if n is None:
            continue
        for corner in (TOP_LEFT, BOTTOM_LEFT, BOTTOM_RIGHT, TOP_RIGHT):
            bx, by, bw, bh = badge_box(box, n, corner)
            r = (bx - 1.5, by - 1.5, bx + bw + 1.5, by + bh + 1.5)  # the pen's reach
            near = {
                seg
                for gx in range(int(r[0] // cell), int(r[2] // cell) + 1)
                for gy in range(int(r[1] // cell), int(r[3] // cell) + 1)
                for seg in grid.get((gx, gy), ())
            }
            if not any(segment_hits_box(*a, *b, *r) for a, b in near):
                if corner != TOP_LEFT:
                    out[sid] = corner
                break
    return out


def draw_numbers(
    pic: Picture,
    cards: Sequence[Card],
    numbers: Mapping[str, int],
    pal: Palette,
    corners: Mapping[str, int] | None = None,
) -> None:
    """Each card's number on a badge (cards without one are left alone), on the corner ``corners``
    gives it (:func:`badge_corners`; the top left by default): the text colour as the pill, the
    background colour as the digits, so it reads in any theme and in greyscale."""
    pills = Path()
    runs = []
    baseline = BADGE_FONT.ascent / 2 - 0.5
    corners = corners or {}
    for box, st, _m in cards:
        n = numbers.get(st.id)
        if n is None:
            continue
        bx, by, bw, bh = badge_box(box, n, corners.get(st.id, TOP_LEFT))
        pills.rect(bx, by, bw, bh, bh / 2)
        text = str(n)
        runs.append((bx + (bw - BADGE_FONT.width(text)) / 2, by + bh / 2 + baseline, text))
    if runs:
        pic.path(pills, Pen(pal.background, 1.5), pal.text)
        pic.text(BADGE_FONT, pal.background, runs)
