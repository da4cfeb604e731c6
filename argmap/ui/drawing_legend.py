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


def legend_size() -> QSizeF:
    fm = QFontMetricsF(_legend_font())
    text_w = max(fm.horizontalAdvance(t) for t in _LEGEND_ITEMS)
    return QSizeF(2 * _LEGEND_PAD + 44 + 8 + text_w, 2 * _LEGEND_PAD + _LEGEND_ROW * len(_LEGEND_ITEMS) + 16)


def _legend_font() -> QFont:
    global _LEGEND_FONT
    if _LEGEND_FONT is None:
        _LEGEND_FONT = _font(12, False)
    return _LEGEND_FONT


def draw_legend(painter: QPainter, top_left: QPointF, theme: Theme) -> QRectF:
    """A key to kinds and relation styles; returns the rectangle it took."""
    size = legend_size()
    rect = QRectF(top_left, size)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(theme.muted, 1.0))
    bg = QColor(theme.legend_background)
    bg.setAlpha(235)
    painter.setBrush(bg)
    painter.drawRoundedRect(rect, 6, 6)
    title_font = _font(12, True)
    painter.setFont(title_font)
    painter.setPen(theme.text)
    x, y = rect.left() + _LEGEND_PAD, rect.top() + _LEGEND_PAD
    painter.drawText(QPointF(x, y + 11), "Legend")
    y += 18
    font = _legend_font()
    for i, kind in enumerate((Kind.CONCLUSION, Kind.PREMISE, Kind.EVIDENCE)):
        cy = y + i * _LEGEND_ROW + _LEGEND_ROW / 2
        box = QRectF(x, cy - 7, 44, 14)
        painter.setPen(QPen(theme.kind[kind], 2.0 if kind is Kind.CONCLUSION else 1.2))
        painter.setBrush(theme.card[kind])
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.kind[kind])
        painter.drawPath(kind_marker_path(kind, QPointF(x + 9, cy), 6.0))
        painter.setPen(theme.text)
        painter.setFont(font)
        painter.drawText(QPointF(x + 52, cy + 4), _LEGEND_ITEMS[i])
    for j, pol in enumerate((Polarity.SUPPORT, Polarity.ATTACK)):
        cy = y + (3 + j) * _LEGEND_ROW + _LEGEND_ROW / 2
        path = QPainterPath(QPointF(x, cy))
        path.lineTo(QPointF(x + 44, cy))
        draw_edge(painter, path, pol, theme)
        painter.setPen(theme.text)
        painter.setFont(font)
        painter.drawText(QPointF(x + 52, cy + 4), _LEGEND_ITEMS[3 + j])
    cy = y + 5 * _LEGEND_ROW + _LEGEND_ROW / 2
    jc = QPointF(x + 38, cy)
    path = QPainterPath(QPointF(x, cy))
    path.lineTo(QPointF(x + 30, cy))
    draw_edge(painter, path, Polarity.ATTACK, theme)
    draw_junction(painter, jc, Relation("legend", Polarity.SUPPORT, ("a",), "b"), theme)
    painter.setPen(theme.text)
    painter.setFont(font)
    painter.drawText(QPointF(x + 52, cy + 4), _LEGEND_ITEMS[5])
    painter.restore()
    return rect
