"""Evaluation labels on cards, without Qt: a colour band, an icon and a word, for the canvas and every export.

The colour tells in, out and undecided apart at a glance; the icon (a tick, a cross, a question
mark) and the word say the same without colour, so the label survives greyscale printing and
colour-blindness.  The word sits on a tab across the card's top edge, at its right, where no
text and no edge is; the band runs down the card's left side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import style
from .picture import Path, Picture
from .style import Colour, Palette, Pen, rgb

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from .parts import Box, Card

LABELS = ("in", "out", "undecided")
WORDS = {"in": "IN", "out": "OUT", "undecided": "UNDECIDED"}
COLOURS: dict[bool, dict[str, Colour]] = {  # by palette.dark
    False: {"in": rgb("#2e7d32"), "out": rgb("#c62828"), "undecided": rgb("#8d5a00")},
    True: {"in": rgb("#66bb6a"), "out": rgb("#ef6c6c"), "undecided": rgb("#ffb74d")},
}
BAND = 4.5  # width of the band down the card's left side
TAB_HEIGHT = 14.0  # the tab with the icon and the word
TAB_PAD = 5.0
TAB_INSET = 12.0  # from the card's right edge to the tab's
ICON = 7.0
ICON_GAP = 4.0
VEIL = 150  # alpha of the background-coloured veil over an out card, so it recedes


def colour(label: str, pal: Palette) -> Colour:
    return COLOURS[pal.dark][label]


def ink(pal: Palette) -> Colour:
    """The colour of the icon and the word on a tab."""
    return style.WHITE if not pal.dark else pal.background


def tab_width(label: str) -> float:
    return 2 * TAB_PAD + ICON + ICON_GAP + style.LABEL.width(WORDS[label])


def tab_box(card: Box, label: str) -> Box:
    """The tab of a card's label: right-aligned across its top edge."""
    x, y, w, _h = card
    tw = tab_width(label)
    return (x + w - TAB_INSET - tw, y - TAB_HEIGHT / 2, tw, TAB_HEIGHT)


def icon(path: Path, label: str, cx: float, cy: float, size: float = ICON) -> None:
    """A tick (in) or a cross (out) centred on (cx, cy); undecided has a question mark, drawn as text."""
    h = size / 2
    if label == "in":
        path.move(cx - h, cy)
        path.line(cx - h / 3, cy + h * 0.8)
        path.line(cx + h, cy - h * 0.8)
    elif label == "out":
        path.segment(cx - h * 0.8, cy - h * 0.8, cx + h * 0.8, cy + h * 0.8)
        path.segment(cx - h * 0.8, cy + h * 0.8, cx + h * 0.8, cy - h * 0.8)


def draw_verdicts(
    pic: Picture, cards: Sequence[Card], labels: Mapping[str, str], pal: Palette, veil: bool = True
) -> None:
    """Each card's label (cards without one are left alone); ``veil``: out cards recede under a veil
    of the background colour (the canvas makes them translucent instead)."""
    groups: dict[str, list[Box]] = {lab: [] for lab in LABELS}
    for box, st, _m in cards:
        lab = labels.get(st.id)
        if lab in groups:
            groups[str(lab)].append(box)
    if veil and groups["out"]:
        shade = Path()
        for x, y, w, h in groups["out"]:
            shade.rect(x, y, w, h, style.CARD_RADIUS)
        bg = pal.background
        pic.path(shade, None, (bg[0], bg[1], bg[2], VEIL))
    r = style.CARD_RADIUS
    for lab, boxes in groups.items():
        if boxes:
            bands = Path()
            for x, y, _w, h in boxes:
                bands.rect(x + 1.2, y + r, BAND, max(0.0, h - 2 * r), BAND / 2)
            pic.path(bands, None, colour(lab, pal))
            draw_tabs(pic, lab, [tab_box(b, lab) for b in boxes], pal)


def draw_tabs(pic: Picture, lab: str, tabs: Sequence[Box], pal: Palette) -> None:
    """Tabs of one label: the pill in the label's colour, the icon and the word on it."""
    shapes, marks = Path(), Path()
    words, questions = [], []
    baseline = style.LABEL.ascent / 2 - 0.5
    for tx, ty, tw, th in tabs:
        shapes.rect(tx, ty, tw, th, th / 2)
        cx, cy = tx + TAB_PAD + ICON / 2, ty + th / 2
        if lab == "undecided":
            questions.append((cx - style.LABEL.width("?") / 2, cy + baseline, "?"))
        else:
            icon(marks, lab, cx, cy)
        words.append((tx + TAB_PAD + ICON + ICON_GAP, cy + baseline, WORDS[lab]))
    pic.path(shapes, Pen(pal.background, 1.5), colour(lab, pal))
    if marks:
        pic.path(marks, Pen(ink(pal), 1.6, cap="round", join="round"))
    if questions:
        pic.text(style.LABEL, ink(pal), questions)
    pic.text(style.LABEL, ink(pal), words)


# ------------------------------------------------------------------ legend
def draw_swatch(pic: Picture, label: str, x: float, cy: float, width: float, pal: Palette) -> None:
    """A label's entry in the map's legend: a pill ``width`` wide in its colour, with its icon."""
    pill = Path()
    pill.rect(x, cy - TAB_HEIGHT / 2, width, TAB_HEIGHT, TAB_HEIGHT / 2)
    pic.path(pill, Pen(pal.background, 1.5), colour(label, pal))
    cx = x + width / 2
    if label == "undecided":
        q = style.LABEL
        pic.text(q, ink(pal), [(cx - q.width("?") / 2, cy + q.ascent / 2 - 0.5, "?")])
    else:
        marks = Path()
        icon(marks, label, cx, cy)
        pic.path(marks, Pen(ink(pal), 1.6, cap="round", join="round"))


LEGEND_PAD = 10.0
LEGEND_ROW = 20.0
LEGEND_LINES = {
    "in": "acceptable: nothing defeats it",
    "out": "defeated, or no reason for it holds",
    "undecided": "in a cycle, or waits on one",
}
LEGEND_NOTES = ("faded arrow: does not apply", "faded card: out")


def legend_size(hint: str = "") -> tuple[float, float]:
    """The (width, height) :func:`draw_legend` takes (``hint``: a last line, e.g. how to change a label)."""
    font = style.LEGEND
    tab_w = max(tab_width(lab) for lab in LABELS)
    notes = [*LEGEND_NOTES, *([hint] if hint else [])]
    width = max(tab_w + 8 + max(font.width(t) for t in LEGEND_LINES.values()), max(font.width(t) for t in notes))
    return (2 * LEGEND_PAD + width, 2 * LEGEND_PAD + 18 + LEGEND_ROW * (len(LABELS) + len(notes)))


def draw_legend(pic: Picture, top_left: tuple[float, float], pal: Palette, hint: str = "") -> Box:
    """A key to the labels: each tab with what it means, then notes; returns the box it took."""
    w, h = legend_size(hint)
    left, top = top_left
    frame = Path()
    frame.rect(left, top, w, h, 6)
    pic.path(frame, Pen(pal.muted, 1.0), (*pal.legend_background[:3], 235))
    x, y = left + LEGEND_PAD, top + LEGEND_PAD
    pic.text(style.LEGEND_HEADING, pal.text, [(x, y + 11, "Evaluation")])
    y += 18
    tab_w = max(tab_width(lab) for lab in LABELS)
    for i, lab in enumerate(LABELS):
        cy = y + i * LEGEND_ROW + LEGEND_ROW / 2
        draw_tabs(pic, lab, [(x, cy - TAB_HEIGHT / 2, tab_width(lab), TAB_HEIGHT)], pal)
        pic.text(style.LEGEND, pal.text, [(x + tab_w + 8, cy + 4, LEGEND_LINES[lab])])
    y += LEGEND_ROW * len(LABELS)
    notes = [*LEGEND_NOTES, *([hint] if hint else [])]
    pic.text(style.LEGEND, pal.muted, [(x, y + i * LEGEND_ROW + LEGEND_ROW / 2 + 4, t) for i, t in enumerate(notes)])
    return (left, top, w, h)
