"""Relations for export: drawing.py's paths, pens and arrowheads, batched into one path per style."""
from __future__ import annotations

import math
from typing import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from ..layout import measure
from ..model import Polarity, Relation
from . import drawing
from .edge_geometry import ARROW_ROOM
from .edge_route import Cubic, line, route, split
from .edge_route import head as arrowhead

# relation, premise card rects, junction, target rect, target is a junction (undercut), where the arrow
# arrives along the target's side (or None): an x (top/bottom side), in a horizontal map a y (left/right)
EdgeSpec = tuple[Relation, Sequence[QRectF], QPointF, QRectF, bool, "float | None"]


# ------------------------------------------- drawing.edge_paths in plain floats
Box = tuple[float, float, float, float]  # left, top, width, height


def _box(r: QRectF) -> Box:
    return (r.left(), r.top(), r.width(), r.height())


def _anchor(b: Box, tx: float, ty: float, spread: bool = False,
            horizontal: bool = False) -> tuple[float, float, float, float]:
    """``edge_geometry._anchor`` on floats: the point where an edge meets the box, and its direction."""
    left, top, w, h = b
    cx, cy = left + w / 2, top + h / 2
    dx, dy = tx - cx, ty - cy
    if horizontal:
        if abs(dx) > w / 2 + 8.0 or abs(dx) * h >= abs(dy) * w:
            y = cy
            if spread:
                inset = min(drawing.CARD_RADIUS + 4.0, h / 2)
                y = max(top + inset, min(top + h - inset, ty))
            return (left, y, -1.0, 0.0) if dx < 0 else (left + w, y, 1.0, 0.0)
        return (cx, top, 0.0, -1.0) if dy < 0 else (cx, top + h, 0.0, 1.0)
    if abs(dy) > h / 2 + 8.0 or abs(dy) * w >= abs(dx) * h:
        x = cx
        if spread:
            inset = min(drawing.CARD_RADIUS + 10.0, w / 2)
            x = max(left + inset, min(left + w - inset, tx))
        return (x, top, 0.0, -1.0) if dy < 0 else (x, top + h, 0.0, 1.0)
    return (left, cy, -1.0, 0.0) if dx < 0 else (left + w, cy, 1.0, 0.0)


def premise_points(b: Box, jx: float, jy: float, horizontal: bool = False) -> list[Cubic]:
    """``drawing.premise_path``'s segments."""
    sx, sy, d0x, d0y = _anchor(b, jx, jy, horizontal=horizontal)
    r = measure.JUNCTION_SIZE / 2
    return route(sx, sy, d0x, d0y, jx - d0x * r, jy - d0y * r, -d0x, -d0y)


def target_points(jx: float, jy: float, b: Box, target_is_junction: bool = False,
                  arrive_x: float | None = None, arrive_y: float | None = None,
                  horizontal: bool = False) -> list[Cubic]:
    """``drawing.target_path``'s segments (a straight line, an undercut, as the cubic along it)."""
    if target_is_junction:
        cx, cy = b[0] + b[2] / 2, b[1] + b[3] / 2
        dx, dy = cx - jx, cy - jy
        dist = math.hypot(dx, dy) or 1.0
        r = b[2] / 2 + 2.0
        ex, ey = cx - dx / dist * r, cy - dy / dist * r
        half = measure.JUNCTION_SIZE / 2
        sx, sy = jx + dx / dist * half, jy + dy / dist * half
        return [line((sx, sy), (ex, ey))]
    ex, ey, d1x, d1y = _anchor(b, jx, jy, spread=True, horizontal=horizontal)
    if arrive_x is not None and d1x == 0:
        ex = arrive_x
    elif arrive_y is not None and d1y == 0:
        ey = arrive_y
    ex, ey = ex + d1x * 1.5, ey + d1y * 1.5
    r = measure.JUNCTION_SIZE / 2
    return route(jx - d1x * r, jy - d1y * r, -d1x, -d1y, ex, ey, d1x, d1y, ARROW_ROOM)


def draw_relations(painter: QPainter, edges: Sequence[EdgeSpec], theme: drawing.Theme, *,
                   horizontal: bool = False) -> None:
    """All relations as the canvas draws them (``drawing.draw_relation``: the same paths, pens, arrowheads
    and junctions; ``horizontal``: a left-to-right map), but with one path per polarity for the lines and one for the arrowheads, so that a
    map of thousands of relations is a handful of drawing calls (and SVG/PDF elements), not thousands."""
    lines = {pol: QPainterPath() for pol in Polarity}
    heads = {pol: QPainterPath() for pol in Polarity}
    for h in heads.values():  # arrows into one point share a head: overlapping heads stay filled
        h.setFillRule(Qt.FillRule.WindingFill)
    for rel, prem, junction, target, undercut, arrive in edges:
        jx, jy = junction.x(), junction.y()
        out = lines[rel.polarity]
        for r in prem:
            segs = premise_points(_box(r), jx, jy, horizontal)
            out.moveTo(*segs[0][0])
            for p in segs:
                out.cubicTo(*p[1], *p[2], *p[3])
        segs = (target_points(jx, jy, _box(target), undercut, arrive_y=arrive, horizontal=True) if horizontal
                else target_points(jx, jy, _box(target), undercut, arrive))
        t, head = arrowhead(segs[-1], drawing.ARROW_LENGTH, drawing.ARROW_WIDTH, drawing.ARROW_LENGTH - 1.0)
        out.moveTo(*segs[0][0])
        for p in segs[:-1]:
            out.cubicTo(*p[1], *p[2], *p[3])
        p = split(segs[-1], t)
        out.cubicTo(*p[1], *p[2], *p[3])
        h = heads[rel.polarity]
        h.moveTo(*head[0])
        h.lineTo(*head[1])
        h.lineTo(*head[2])
        h.closeSubpath()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for pol in Polarity:
        if lines[pol].isEmpty():
            continue
        pen = drawing.edge_pen(pol, theme)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(lines[pol])
        painter.setPen(QPen(pen.color(), 1.0))
        painter.setBrush(pen.color())
        painter.drawPath(heads[pol])
    painter.restore()
    from .render_cards import draw_junctions, overlapping_boxes

    s = measure.JUNCTION_SIZE / 2
    if overlapping_boxes((e[2].x() - s, e[2].x() + s, e[2].y() - s, e[2].y() + s) for e in edges):
        # keep each sign on its own junction
        for rel, _, junction, _, _, _ in edges:
            drawing.draw_junction(painter, junction, rel, theme)
    else:
        draw_junctions(painter, [(e[2], e[0]) for e in edges], theme)
