"""Play a :class:`~argmap.draw.picture.Picture` on a QPainter: PNG, PDF, print, the clipboard image
and the canvas legend are drawn by the same code as the SVG (``draw.mapdraw``)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from ... import measure
from ...draw import style
from ...draw.picture import Picture
from ...draw.style import Colour, Font, Pen
from .text import is_raster, static_text
from .theme import pixel_font, text_font

_CAPS = {"flat": Qt.PenCapStyle.FlatCap, "square": Qt.PenCapStyle.SquareCap, "round": Qt.PenCapStyle.RoundCap}
_JOINS = {"bevel": Qt.PenJoinStyle.BevelJoin, "miter": Qt.PenJoinStyle.MiterJoin, "round": Qt.PenJoinStyle.RoundJoin}
_FONTS: dict[Font, QFont] = {}


def qcolour(c: Colour) -> QColor:
    return QColor(c[0], c[1], c[2], c[3])


def qpen(pen: Pen) -> QPen:
    q = QPen(qcolour(pen.colour), pen.width)
    q.setCapStyle(_CAPS[pen.cap])
    q.setJoinStyle(_JOINS[pen.join])
    if pen.dashes:
        q.setDashPattern([d / pen.width for d in pen.dashes])  # Qt's dashes are in pen widths
    return q


def qfont(font: Font) -> QFont:
    """The QFont for a picture font (the bundled family; no kerning, shaping or hinting)."""
    got = _FONTS.get(font)
    if got is None:
        if font == style.TEXT or font == style.TEXT_BOLD:
            q = text_font(font.bold)
        else:
            q = QFont(pixel_font(round(font.px), font.bold))  # every picture font is a whole number of pixels
            if font.spacing:
                q.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, font.spacing)
        got = _FONTS[font] = q
    return got


def qpath(ops: list[tuple], winding: bool = False) -> QPainterPath:
    path = QPainterPath()
    if winding:
        path.setFillRule(Qt.FillRule.WindingFill)
    move, line, cubic = path.moveTo, path.lineTo, path.cubicTo
    for op in ops:
        c = op[0]
        if c == "B":
            move(op[1], op[2])
            for i in range(3, len(op), 6):
                cubic(op[i], op[i + 1], op[i + 2], op[i + 3], op[i + 4], op[i + 5])
        elif c == "C":
            cubic(op[1], op[2], op[3], op[4], op[5], op[6])
        elif c == "M":
            move(op[1], op[2])
        elif c == "L":
            line(op[1], op[2])
        elif c == "S":
            move(op[1], op[2])
            line(op[3], op[4])
        elif c == "P":
            move(op[1], op[2])
            for i in range(3, len(op), 2):
                line(op[i], op[i + 1])
            path.closeSubpath()
        elif c == "Z":
            path.closeSubpath()
        elif c == "R":
            if op[5] > 0:
                path.addRoundedRect(op[1], op[2], op[3], op[4], op[5], op[5])
            else:
                path.addRect(op[1], op[2], op[3], op[4])
        elif c == "E":
            path.addEllipse(QPointF(op[1], op[2]), op[3], op[4])
    return path


def play(painter: QPainter, pic: Picture) -> None:
    """Draw ``pic`` with ``painter`` (in the painter's current coordinates, which are the map's)."""
    raster = is_raster(painter)
    static = static_text
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for item in pic.items:
        if item[0] == "path":
            _, ops, pen, fill, winding = item
            painter.setPen(qpen(pen) if pen is not None else Qt.PenStyle.NoPen)
            painter.setBrush(qcolour(fill) if fill is not None else Qt.BrushStyle.NoBrush)
            if len(ops) == 1 and ops[0][0] == "R":  # one rectangle: as the canvas draws it (dashes start alike)
                _, x, y, w, h, radius = ops[0]
                if radius > 0:
                    painter.drawRoundedRect(QRectF(x, y, w, h), radius, radius)
                else:
                    painter.drawRect(QRectF(x, y, w, h))
                continue
            painter.drawPath(qpath(ops, winding))
            continue
        _, font, colour, runs = item
        qf = qfont(font)
        painter.setFont(qf)
        painter.setPen(qcolour(colour))
        if raster and (font == style.TEXT or font == style.TEXT_BOLD):
            # cached static text on screen-like devices, as the canvas draws card text: it puts the
            # top of the line (measure's ascent above the baseline) at y
            bold, up = font.bold, measure.REGULAR.ascent
            for x, y, t in runs:
                painter.drawStaticText(QPointF(x, y - up), static(t, bold))
        else:  # plain text on vector devices (PDF, print), so it stays searchable
            draw = painter.drawText
            for x, y, t in runs:
                draw(QPointF(x, y), t)
    painter.restore()
