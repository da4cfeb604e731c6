"""Statement text on a QPainter: cached static text on screen, plain text for vector devices."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPaintEngine, QPainter, QStaticText, QTextOption

from ... import measure
from .theme import text_font

_static_texts: dict[tuple[str, bool], QStaticText] = {}
STATIC_TEXT_LIMIT = 60_000


def static_text(line: str, bold: bool) -> QStaticText:
    """A line as QStaticText, laid out once and kept (the canvas repaints the same lines often)."""
    key = (line, bold)
    st = _static_texts.get(key)
    if st is None:
        if len(_static_texts) > STATIC_TEXT_LIMIT:
            _static_texts.clear()
        st = QStaticText(line)
        st.setTextFormat(Qt.TextFormat.PlainText)
        opt = QTextOption()
        opt.setWrapMode(QTextOption.WrapMode.NoWrap)
        st.setTextOption(opt)
        st.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
        _static_texts[key] = st
    return st


def is_raster(painter: QPainter) -> bool:
    """Whether ``painter`` paints pixels (screen, PNG), not vectors (SVG, PDF, print)."""
    engine = painter.paintEngine()
    return engine is not None and engine.type() in (QPaintEngine.Type.Raster, QPaintEngine.Type.OpenGL2)


def draw_lines(
    painter: QPainter, lines: Sequence[str], left: float, top: float, line_height: float, bold: bool
) -> None:
    """Draw wrapped lines, the first with its top at ``top``; cached static text on screen, plain text
    for vector devices (SVG, PDF) so exported text stays selectable."""
    font = text_font(bold)
    painter.setFont(font)
    if is_raster(painter):
        # QStaticText puts the top of the font's ascent at y; measure's lines start at the line top
        for i, line in enumerate(lines):
            if line:
                painter.drawStaticText(QPointF(left, top + i * line_height), static_text(line, bold))
        return
    ascent = measure.REGULAR.ascent
    for i, line in enumerate(lines):
        if line:
            painter.drawText(QPointF(left, top + i * line_height + ascent), line)
