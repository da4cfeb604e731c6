"""A card zoomed too far out to read its text: its kind marker and first words, at a size one can read."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from ... import measure
from ...model import Statement
from .drawing import kind_marker_path
from .theme import Theme, register_fonts

GLANCE_PX = 10  # the words' size on screen, whatever the zoom
PAD_PX = 3.0  # inside the card, on screen
MARKER_PX = 6.0  # the kind marker's size on screen
MIN_MARKER_CARD_PX = 14.0  # a card narrower than this on screen shows no marker either
MIN_WORDS_CARD_PX = 40.0  # ... and one narrower than this no words
_fonts: list[QFont] = []


def glance_font() -> QFont:
    """The card font's family, bold, at ``GLANCE_PX`` screen pixels (hinted: it is only for the screen)."""
    if not _fonts:
        register_fonts()
        font = QFont(measure.FONT_FAMILY)
        font.setPixelSize(GLANCE_PX)
        font.setBold(True)
        _fonts.append(font)
    return _fonts[0]


def glance_words(statement: Statement) -> str:
    """The title, or the text when there is none: the words a reader most needs to tell cards apart."""
    return " ".join((statement.title or statement.text).split())


@lru_cache(maxsize=8192)
def glance_lines(words: str, first_width: float, width: float, max_lines: int) -> tuple[str, ...]:
    """``words`` wrapped in the glance font to ``first_width`` pixels on the first line (beside the
    marker) and ``width`` on the others, at most ``max_lines`` lines; a line that is still too
    long, or the last one when words are left over, ends in an ellipsis."""
    if max_lines < 1 or first_width < 1 or not words:
        return ()
    fm = QFontMetricsF(glance_font())
    lines: list[str] = []
    rest = words.split(" ")
    while rest and len(lines) < max_lines:
        room = first_width if not lines else width
        line = rest.pop(0)
        while rest and fm.horizontalAdvance(f"{line} {rest[0]}") <= room:
            line = f"{line} {rest.pop(0)}"
        if len(lines) == max_lines - 1 and rest:
            line = " ".join([line, *rest])
            rest = []
        if fm.horizontalAdvance(line) > room:
            line = fm.elidedText(line, Qt.TextElideMode.ElideRight, room)
        lines.append(line)
    return tuple(line for line in lines if line)


def glance_fits(rect: QRectF, lod: float) -> bool:
    """Whether a card ``rect`` (map units) is big enough on screen at ``lod`` for its marker."""
    return rect.width() * lod >= MIN_MARKER_CARD_PX


def draw_glance(painter: QPainter, rect: QRectF, statement: Statement, theme: Theme, lod: float) -> None:
    """Over a card drawn as a plain box: its kind marker and as many of its first words as fit, drawn
    at ``GLANCE_PX`` on screen (``lod`` is the painter's scale: screen pixels per map unit)."""
    if lod <= 0 or not glance_fits(rect, lod):
        return
    w, h = rect.width() * lod, rect.height() * lod
    fm = QFontMetricsF(glance_font())
    line_h = fm.lineSpacing()
    painter.save()
    painter.translate(rect.topLeft())
    painter.scale(1 / lod, 1 / lod)  # from here on, screen pixels
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    marker_x = PAD_PX + MARKER_PX / 2
    left = 2 * PAD_PX + MARKER_PX
    lines: tuple[str, ...] = ()
    if w >= MIN_WORDS_CARD_PX:
        max_lines = int((h - 2 * PAD_PX) // line_h)
        lines = glance_lines(glance_words(statement), w - left - PAD_PX, w - 2 * PAD_PX, max_lines)
    top = (h - len(lines) * line_h) / 2 if lines else h / 2 - line_h / 2
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.kind[statement.kind])
    marker_y = top + line_h / 2 if lines else h / 2
    painter.drawPath(kind_marker_path(statement.kind, QPointF(marker_x, marker_y), MARKER_PX))
    if lines:
        painter.setFont(glance_font())
        painter.setPen(theme.text)
        for i, line in enumerate(lines):
            painter.drawText(QPointF(left if i == 0 else PAD_PX, top + i * line_h + fm.ascent()), line)
    painter.restore()
