"""The legend: a key to card kinds and relation styles, drawn with the same primitives as the map."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from ..model import Kind, Polarity, Relation
from .drawing import draw_edge, draw_junction, kind_marker_path
from .theme import Theme, _font

_LEGEND_FONT: QFont | None = None
_LEGEND_PAD = 10.0
_LEGEND_ROW = 20.0
_LEGEND_ITEMS = ("Conclusion", "Premise", "Evidence", "Supports", "Attacks", "Undercut (attacks a relation)")


_STRIP_PAD = 6.0
_STRIP_SWATCH = 36.0   # a card swatch or a short edge
_STRIP_GAP = 16.0      # between one item's text and the next swatch


def legend_size(strip: bool = False) -> QSizeF:
    """The size :func:`draw_legend` takes: a box with a heading and one row per item, or with
    ``strip`` a single row (for a page header)."""
    fm = QFontMetricsF(_legend_font())
    if strip:
        texts = sum(fm.horizontalAdvance(t) for t in _LEGEND_ITEMS)
        n = len(_LEGEND_ITEMS)
        return QSizeF(2 * _STRIP_PAD + n * (_STRIP_SWATCH + 6) + texts + (n - 1) * _STRIP_GAP,
                      2 * _STRIP_PAD + _LEGEND_ROW)
    text_w = max(fm.horizontalAdvance(t) for t in _LEGEND_ITEMS)
    return QSizeF(2 * _LEGEND_PAD + _STRIP_SWATCH + 8 + text_w, 2 * _LEGEND_PAD + _LEGEND_ROW * len(_LEGEND_ITEMS) + 16)


def _legend_font() -> QFont:
    global _LEGEND_FONT
    if _LEGEND_FONT is None:
        _LEGEND_FONT = _font(12, False)
    return _LEGEND_FONT


def _swatch(painter: QPainter, i: int, x: float, cy: float, theme: Theme) -> None:
    """Legend item ``i``'s picture in ``[x, x + _STRIP_SWATCH]`` around the line ``cy``."""
    w = _STRIP_SWATCH
    if i < 3:
        kind = (Kind.CONCLUSION, Kind.PREMISE, Kind.EVIDENCE)[i]
        box = QRectF(x, cy - 7, w, 14)
        painter.setPen(QPen(theme.kind[kind], 2.0 if kind is Kind.CONCLUSION else 1.2))
        painter.setBrush(theme.card[kind])
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.kind[kind])
        painter.drawPath(kind_marker_path(kind, QPointF(x + 9, cy), 6.0))
    elif i < 5:
        path = QPainterPath(QPointF(x, cy))
        path.lineTo(QPointF(x + w, cy))
        draw_edge(painter, path, Polarity.SUPPORT if i == 3 else Polarity.ATTACK, theme)
    else:
        path = QPainterPath(QPointF(x, cy))
        path.lineTo(QPointF(x + w - 14, cy))
        draw_edge(painter, path, Polarity.ATTACK, theme)
        draw_junction(painter, QPointF(x + w - 6, cy), Relation("legend", Polarity.SUPPORT, ("a",), "b"), theme)


def draw_legend(painter: QPainter, top_left: QPointF, theme: Theme, strip: bool = False) -> QRectF:
    """A key to kinds and relation styles (a box, or with ``strip`` one row); returns the rectangle it took."""
    size = legend_size(strip)
    rect = QRectF(top_left, size)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(theme.muted, 1.0))
    bg = QColor(theme.legend_background)
    bg.setAlpha(235)
    painter.setBrush(bg)
    painter.drawRoundedRect(rect, 6, 6)
    font = _legend_font()
    if strip:
        fm = QFontMetricsF(font)
        x, cy = rect.left() + _STRIP_PAD, rect.center().y()
        for i, text in enumerate(_LEGEND_ITEMS):
            _swatch(painter, i, x, cy, theme)
            x += _STRIP_SWATCH + 6
            painter.setPen(theme.text)
            painter.setFont(font)
            painter.drawText(QPointF(x, cy + 4), text)
            x += fm.horizontalAdvance(text) + _STRIP_GAP
        painter.restore()
        return rect
    title_font = _font(12, True)
    painter.setFont(title_font)
    painter.setPen(theme.text)
    x, y = rect.left() + _LEGEND_PAD, rect.top() + _LEGEND_PAD
    painter.drawText(QPointF(x, y + 11), "Legend")
    y += 18
    for i, text in enumerate(_LEGEND_ITEMS):
        cy = y + i * _LEGEND_ROW + _LEGEND_ROW / 2
        _swatch(painter, i, x, cy, theme)
        painter.setPen(theme.text)
        painter.setFont(font)
        painter.drawText(QPointF(x + _STRIP_SWATCH + 8, cy + 4), text)
    painter.restore()
    return rect
