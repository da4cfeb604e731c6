"""Relations for export: drawing.py's paths, pens and arrowheads, batched into one path per style."""
from __future__ import annotations

import math
from typing import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF

from ..layout import measure
from ..model import Polarity, Relation
from . import drawing

# relation, premise card rects, junction, target rect, target is a junction (undercut), where the arrow
# arrives along the target's side (or None): an x (top/bottom side), in a horizontal map a y (left/right)
EdgeSpec = tuple[Relation, Sequence[QRectF], QPointF, QRectF, bool, "float | None"]


def _bezier(p: list[tuple[float, float]], t: float) -> tuple[float, float]:
    u = 1.0 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * p[0][0] + b * p[1][0] + c * p[2][0] + d * p[3][0], a * p[0][1] + b * p[1][1] + c * p[2][1] + d * p[3][1])


def _t_back(p: list[tuple[float, float]], length: float) -> float:
    """The parameter ``t`` of the point about ``length`` back from the end of a cubic, along the curve:
    a first-order guess from the end tangent, corrected once by the chord (arrowheads are short)."""
    (x2, y2), (x3, y3) = p[2], p[3]
    speed = 3.0 * ((x3 - x2) ** 2 + (y3 - y2) ** 2) ** 0.5
    if speed < 1e-6:  # no end tangent (control point on the end point): use the control polygon
        speed = sum(((p[i + 1][0] - p[i][0]) ** 2 + (p[i + 1][1] - p[i][1]) ** 2) ** 0.5 for i in range(3))
    t = max(0.0, 1.0 - length / max(speed, 1e-6))
    q = _bezier(p, t)
    chord = ((q[0] - x3) ** 2 + (q[1] - y3) ** 2) ** 0.5
    if chord > 1e-6 and 0.25 < length / chord < 4.0:
        t = max(0.0, 1.0 - (1.0 - t) * length / chord)
    return t


def _split(p: list[tuple[float, float]], t: float) -> QPainterPath:
    """The part ``[0, t]`` of a cubic (de Casteljau)."""
    def lerp(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
        return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)

    p01, p12, p23 = lerp(p[0], p[1]), lerp(p[1], p[2]), lerp(p[2], p[3])
    p012, p123 = lerp(p01, p12), lerp(p12, p23)
    end = lerp(p012, p123)
    path = QPainterPath(QPointF(*p[0]))
    path.cubicTo(QPointF(*p01), QPointF(*p012), QPointF(*end))
    return path


def _cubic(path: QPainterPath) -> list[tuple[float, float]] | None:
    """The control points of a path that is one cubic or one straight line (what drawing makes)."""
    n = path.elementCount()
    if n == 4 and path.elementAt(1).isCurveTo():
        return [(path.elementAt(i).x, path.elementAt(i).y) for i in range(4)]
    if n == 2 and path.elementAt(1).isLineTo():
        a, b = path.elementAt(0), path.elementAt(1)
        return [(a.x, a.y), (a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3),
                (a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3), (b.x, b.y)]
    return None


def arrow_parts(path: QPainterPath) -> tuple[QPainterPath, QPolygonF]:
    """What ``drawing.draw_edge(..., arrow=True)`` draws, as the line stopped at the arrowhead's base and
    the arrowhead; in closed form for a cubic or a line (what drawing makes), else by drawing's own way."""
    p = _cubic(path)
    if p is None:
        plen = path.length()
        cut = path.percentAtLength(max(0.0, plen - drawing.ARROW_LENGTH + 1.0)) if plen > 0 else 1.0
        line = QPainterPath(path.pointAtPercent(0.0))
        steps = max(4, int(plen / 6))
        for i in range(1, steps + 1):
            line.lineTo(path.pointAtPercent(cut * i / steps))
        return line, drawing.arrowhead(path)
    tip = p[3]
    t = _t_back(p, drawing.ARROW_LENGTH - 1.0)  # the line stops here, under the arrowhead's base
    back = _bezier(p, t)
    dx, dy = back[0] - tip[0], back[1] - tip[1]
    d = (dx * dx + dy * dy) ** 0.5
    ux, uy = (dx / d, dy / d) if d > 1e-6 else (0.0, 1.0)
    length, width = drawing.ARROW_LENGTH, drawing.ARROW_WIDTH
    bx, by = tip[0] + ux * length, tip[1] + uy * length
    nx, ny = -uy * width / 2, ux * width / 2
    head = QPolygonF([QPointF(*tip), QPointF(bx + nx, by + ny), QPointF(bx - nx, by - ny)])
    return _split(p, t), head


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


def _curve(sx: float, sy: float, d0x: float, d0y: float, ex: float, ey: float, d1x: float,
           d1y: float) -> list[tuple[float, float]]:
    """``edge_geometry._curve``'s control points."""
    k = min(60.0, math.hypot(ex - sx, ey - sy) * 0.45)
    return [(sx, sy), (sx + d0x * k, sy + d0y * k), (ex + d1x * k, ey + d1y * k), (ex, ey)]


def premise_points(b: Box, jx: float, jy: float, horizontal: bool = False) -> list[tuple[float, float]]:
    """``drawing.premise_path``'s control points."""
    sx, sy, d0x, d0y = _anchor(b, jx, jy, horizontal=horizontal)
    r = measure.JUNCTION_SIZE / 2
    return _curve(sx, sy, d0x, d0y, jx - d0x * r, jy - d0y * r, -d0x, -d0y)


def target_points(jx: float, jy: float, b: Box, target_is_junction: bool = False,
                  arrive_x: float | None = None, arrive_y: float | None = None,
                  horizontal: bool = False) -> list[tuple[float, float]]:
    """``drawing.target_path``'s control points (a straight line, an undercut, as the cubic along it)."""
    if target_is_junction:
        cx, cy = b[0] + b[2] / 2, b[1] + b[3] / 2
        dx, dy = cx - jx, cy - jy
        dist = math.hypot(dx, dy) or 1.0
        r = b[2] / 2 + 2.0
        ex, ey = cx - dx / dist * r, cy - dy / dist * r
        half = measure.JUNCTION_SIZE / 2
        sx, sy = jx + dx / dist * half, jy + dy / dist * half
        return [(sx, sy), (sx + (ex - sx) / 3, sy + (ey - sy) / 3), (sx + 2 * (ex - sx) / 3, sy + 2 * (ey - sy) / 3),
                (ex, ey)]
    ex, ey, d1x, d1y = _anchor(b, jx, jy, spread=True, horizontal=horizontal)
    if arrive_x is not None and d1x == 0:
        ex = arrive_x
    elif arrive_y is not None and d1y == 0:
        ey = arrive_y
    ex, ey = ex + d1x * 1.5, ey + d1y * 1.5
    r = measure.JUNCTION_SIZE / 2
    return _curve(jx - d1x * r, jy - d1y * r, -d1x, -d1y, ex, ey, d1x, d1y)


def _head(p: list[tuple[float, float]]) -> tuple[float, list[tuple[float, float]]]:
    """As :func:`arrow_parts` for control points: where the line stops (``t``) and the arrowhead."""
    tip = p[3]
    t = _t_back(p, drawing.ARROW_LENGTH - 1.0)
    back = _bezier(p, t)
    dx, dy = back[0] - tip[0], back[1] - tip[1]
    d = (dx * dx + dy * dy) ** 0.5
    ux, uy = (dx / d, dy / d) if d > 1e-6 else (0.0, 1.0)
    length, width = drawing.ARROW_LENGTH, drawing.ARROW_WIDTH
    bx, by = tip[0] + ux * length, tip[1] + uy * length
    nx, ny = -uy * width / 2, ux * width / 2
    return t, [tip, (bx + nx, by + ny), (bx - nx, by - ny)]


def _add_part(path: QPainterPath, p: list[tuple[float, float]], t: float) -> None:
    """The part ``[0, t]`` of a cubic, appended as ``_split`` makes it."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = p
    ax, ay = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
    bx, by = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
    cx, cy = x2 + (x3 - x2) * t, y2 + (y3 - y2) * t
    abx, aby = ax + (bx - ax) * t, ay + (by - ay) * t
    bcx, bcy = bx + (cx - bx) * t, by + (cy - by) * t
    path.moveTo(x0, y0)
    path.cubicTo(ax, ay, abx, aby, abx + (bcx - abx) * t, aby + (bcy - aby) * t)


def draw_relations(painter: QPainter, edges: Sequence[EdgeSpec], theme: drawing.Theme, *,
                   horizontal: bool = False) -> None:
    """All relations as the canvas draws them (``drawing.draw_relation``: the same paths, pens, arrowheads
    and junctions; ``horizontal``: a left-to-right map), but with one path per polarity for the lines and one for the arrowheads, so that a
    map of thousands of relations is a handful of drawing calls (and SVG/PDF elements), not thousands."""
    lines = {pol: QPainterPath() for pol in Polarity}
    heads = {pol: QPainterPath() for pol in Polarity}
    for rel, prem, junction, target, undercut, arrive in edges:
        jx, jy = junction.x(), junction.y()
        out = lines[rel.polarity]
        for r in prem:
            p = premise_points(_box(r), jx, jy, horizontal)
            out.moveTo(*p[0])
            out.cubicTo(*p[1], *p[2], *p[3])
        p = (target_points(jx, jy, _box(target), undercut, arrive_y=arrive, horizontal=True) if horizontal
             else target_points(jx, jy, _box(target), undercut, arrive))
        t, head = _head(p)
        _add_part(out, p, t)
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
    from .render_cards import draw_junctions, overlapping

    if overlapping([drawing.junction_rect(e[2]) for e in edges]):  # keep each sign on its own junction
        for rel, _, junction, _, _, _ in edges:
            drawing.draw_junction(painter, junction, rel, theme)
    else:
        draw_junctions(painter, [(e[2], e[0]) for e in edges], theme)
