"""Cards and junctions for export: drawn as drawing.py draws them, batched by style for speed.

``drawing.draw_card`` sets pens, brushes and fonts for every card; on an SVG or
PDF device each change becomes a new group of attributes, and each call costs
microseconds in Python.  Here every style is set once and all the cards (or
junctions) that use it are drawn together: bodies as one path per kind, then
markers, labels, titles and text.  That changes what lies on top of what only
where cards overlap, so :func:`overlapping` lets the caller draw such maps one
card at a time.  ``tests/ui/test_render_cards.py`` checks the pictures match.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from ..layout import measure
from ..layout.measure import CardMetrics
from ..model import Kind, Polarity, Relation, Statement
from . import drawing

Card = tuple[QRectF, Statement, CardMetrics]


def overlapping(rects: Sequence[QRectF]) -> bool:
    """Do any two of ``rects`` overlap (sweep along x)?"""
    return overlapping_boxes((r.left(), r.right(), r.top(), r.bottom()) for r in rects)


def overlapping_boxes(boxes: Iterable[tuple[float, float, float, float]]) -> bool:
    """:func:`overlapping` for ``(left, right, top, bottom)`` tuples."""
    boxes = sorted(boxes)
    active: list[tuple[float, float, float, float]] = []
    for box in boxes:
        x0 = box[0]
        active = [a for a in active if a[1] > x0]
        for a in active:
            if a[2] < box[3] and box[2] < a[3]:
                return True
        active.append(box)
    return False


def _lines(painter: QPainter, raster: bool, bold: bool, runs: list[tuple[float, float, float, Sequence[str]]]) -> None:
    """Text lines of many cards in one font: ``(left, top, line height, lines)`` per card."""
    painter.setFont(drawing.text_font(bold))
    if raster:  # as drawing._draw_lines: cached static text on screen-like devices
        static = drawing._static
        for left, top, lh, lines in runs:
            for i, line in enumerate(lines):
                if line:
                    painter.drawStaticText(QPointF(left, top + i * lh), static(line, bold))
        return
    ascent = measure.REGULAR.ascent
    draw = painter.drawText
    for left, top, lh, lines in runs:
        for i, line in enumerate(lines):
            if line:
                draw(QPointF(left, top + i * lh + ascent), line)


def draw_cards(painter: QPainter, cards: Sequence[Card], theme: drawing.Theme) -> None:
    """Cards as ``drawing.draw_card`` draws them (not selected), style by style; they must not overlap."""
    by_kind: dict[Kind, list[Card]] = {k: [] for k in Kind}
    for card in cards:
        by_kind[card[1].kind].append(card)
    raster = drawing._raster(painter)
    pad = measure.PAD_X
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for kind, group in by_kind.items():  # bodies
        if not group:
            continue
        accent = theme.kind[kind]
        border = 2.4 if kind is Kind.CONCLUSION else 1.3
        h = border / 2
        r = drawing.CARD_RADIUS
        body = QPainterPath()
        for rect, _, _ in group:
            body.addRoundedRect(rect.adjusted(h, h, -h, -h), r, r)
        painter.setPen(QPen(accent, border))
        painter.setBrush(theme.card[kind])
        painter.drawPath(body)
        if kind is Kind.EVIDENCE:  # one by one: dots start where draw_card's start
            painter.setPen(QPen(accent, 0.8, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect, _, _ in group:
                painter.drawRoundedRect(rect.adjusted(h + 2.5, h + 2.5, -h - 2.5, -h - 2.5), r - 2, r - 2)
    painter.setPen(Qt.PenStyle.NoPen)
    for kind, group in by_kind.items():  # kind markers
        if group:
            painter.setBrush(theme.kind[kind])
            painter.drawPath(_markers(kind, [(rect.left() + pad + 3.5, rect.top() + m.label_y - measure.MARKER_DROP)
                                             for rect, _, m in group]))
    painter.setFont(drawing.label_font())
    for kind, group in by_kind.items():  # kind labels
        if group:
            painter.setPen(theme.kind[kind])
            label = drawing.KIND_LABELS[kind]
            for rect, _, m in group:
                if not m.compact:
                    painter.drawText(QPointF(rect.left() + pad + 11.0, rect.top() + m.label_y), label)
    painter.setPen(theme.text)
    titled = [(rect.left() + m.text_x, rect.top() + m.title_y, m.line_height, m.title_lines)
              for rect, _, m in cards if m.title_lines]
    if titled:
        _lines(painter, raster, True, titled)
    _lines(painter, raster, False, [(rect.left() + m.text_x, rect.top() + m.text_y, m.line_height, m.text_lines)
                                    for rect, _, m in cards if m.text_lines])
    painter.restore()


def _markers(kind: Kind, centres: list[tuple[float, float]], size: float = 7.0) -> QPainterPath:
    """``drawing.kind_marker_path`` at every centre, as one path (the same shapes, added directly)."""
    path = QPainterPath()
    h = size / 2
    if kind is Kind.CONCLUSION:
        k = h + 0.8
        for x, y in centres:
            path.addPolygon(QPolygonF([QPointF(x, y - k), QPointF(x + k, y), QPointF(x, y + k), QPointF(x - k, y)]))
            path.closeSubpath()
    elif kind is Kind.EVIDENCE:
        for x, y in centres:
            path.addRect(x - h, y - h, size, size)
    else:
        for x, y in centres:
            path.addEllipse(QPointF(x, y), h, h)
    return path


def draw_junctions(painter: QPainter, junctions: Sequence[tuple[QPointF, Relation]], theme: drawing.Theme) -> None:
    """Junctions as ``drawing.draw_junction`` draws them (not selected): shapes, then their signs."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    sign = QPainterPath()
    size = measure.JUNCTION_SIZE
    half = size / 2
    for pol in Polarity:
        shapes = QPainterPath()
        support = pol is Polarity.SUPPORT
        for c, rel in junctions:
            if rel.polarity is not pol:
                continue
            x, y = c.x(), c.y()
            r = QRectF(x - half, y - half, size, size)  # drawing.junction_rect
            if support:
                shapes.addEllipse(r)
            else:
                shapes.addRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
            k = r.width() * 0.28
            sign.moveTo(x - k, y)
            sign.lineTo(x + k, y)
            if support:
                sign.moveTo(x, y - k)
                sign.lineTo(x, y + k)
        if shapes.isEmpty():
            continue
        colour = theme.support if pol is Polarity.SUPPORT else theme.attack
        painter.setPen(QPen(colour.darker(130) if not theme.dark else colour.lighter(120), 1.0))
        painter.setBrush(colour)
        painter.drawPath(shapes)
    if not sign.isEmpty():
        painter.setPen(QPen(QColor("#ffffff"), 1.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(sign)
    painter.restore()
