"""How an edge runs, as cubic Bézier segments in plain floats: the one route the canvas and the
exporters draw (``edge_geometry`` turns it into a QPainterPath, ``render_edges`` batches it).

An edge leaves its start along the flow and reaches its end along the flow.  One that goes
mostly with the flow is a single S-curve; one that goes mostly across it (a reason far down a
column into a card one layer away) runs as a rounded elbow: along the flow to the middle of the
gap, across, and on, so that such edges into one card gather on one trunk like a bracket instead
of looping beyond their ends.
"""

from __future__ import annotations

import math

Pt = tuple[float, float]
Cubic = list[Pt]  # four control points

MAX_HANDLE = 60.0  # an S-curve's handles: at most this long ...
HANDLE_SHARE = 0.45  # ... and this share of the distance
CORNER = 20.0  # the elbow's corner radius, at most
KAPPA = 0.5523  # a cubic's handle for a quarter circle, per unit of radius


def line(a: Pt, b: Pt) -> Cubic:
    """A straight segment as a cubic."""
    return [
        a,
        (a[0] + (b[0] - a[0]) / 3, a[1] + (b[1] - a[1]) / 3),
        (a[0] + 2 * (b[0] - a[0]) / 3, a[1] + 2 * (b[1] - a[1]) / 3),
        b,
    ]


def route(
    sx: float,
    sy: float,
    d0x: float,
    d0y: float,
    ex: float,
    ey: float,
    d1x: float,
    d1y: float,
    end_straight: float = 0.0,
) -> list[Cubic]:
    """From ``(sx, sy)`` leaving along ``d0`` to ``(ex, ey)``, arriving against ``d1`` (the
    direction out of the end; the flow is ``d0`` when ``d1`` is its opposite).  ``end_straight``:
    how long the elbow's last leg is at least (room for an arrowhead)."""
    vx, vy = ex - sx, ey - sy
    dist = math.hypot(vx, vy)
    along = vx * d0x + vy * d0y
    ax, ay = vx - along * d0x, vy - along * d0y  # the part across the flow
    across = math.hypot(ax, ay)
    if along <= 0 or across <= 2 * along or (d0x + d1x, d0y + d1y) != (0.0, 0.0):
        k = min(MAX_HANDLE, dist * HANDLE_SHARE)
        return [[(sx, sy), (sx + d0x * k, sy + d0y * k), (ex + d1x * k, ey + d1y * k), (ex, ey)]]
    ux, uy = ax / across, ay / across
    last = max(along / 2, min(along, end_straight))  # the leg after the trunk: room for an arrowhead
    first = along - last
    r = max(0.0, min(CORNER, across / 2, first, last - end_straight))
    c1 = (sx + d0x * first, sy + d0y * first)
    c2 = (c1[0] + ux * across, c1[1] + uy * across)
    segs: list[Cubic] = []

    def straight(a: Pt, b: Pt) -> None:
        if abs(b[0] - a[0]) + abs(b[1] - a[1]) > 1e-9:
            segs.append(line(a, b))

    def corner(c: Pt, inx: float, iny: float, outx: float, outy: float) -> Pt:
        """A quarter turn at corner point ``c`` from heading ``in`` to heading ``out``; returns its end."""
        p0 = (c[0] - inx * r, c[1] - iny * r)
        p3 = (c[0] + outx * r, c[1] + outy * r)
        if r > 0:
            segs.append(
                [
                    p0,
                    (p0[0] + inx * r * KAPPA, p0[1] + iny * r * KAPPA),
                    (p3[0] - outx * r * KAPPA, p3[1] - outy * r * KAPPA),
                    p3,
                ]
            )
        return p3

    straight((sx, sy), (c1[0] - d0x * r, c1[1] - d0y * r))
    p = corner(c1, d0x, d0y, ux, uy)
    straight(p, (c2[0] - ux * r, c2[1] - uy * r))
    p = corner(c2, ux, uy, d0x, d0y)
    straight(p, (ex, ey))
    return segs


def bezier(p: Cubic, t: float) -> Pt:
    u = 1.0 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (
        a * p[0][0] + b * p[1][0] + c * p[2][0] + d * p[3][0],
        a * p[0][1] + b * p[1][1] + c * p[2][1] + d * p[3][1],
    )


def t_back(p: Cubic, length: float) -> float:
    """The parameter ``t`` of the point about ``length`` back from the end of a cubic, along the curve:
    a first guess from the end tangent, corrected by the chord until within half a unit (for the
    short lengths of arrowheads chord and arc agree)."""
    (x2, y2), (x3, y3) = p[2], p[3]
    speed = 3.0 * math.hypot(x3 - x2, y3 - y2)
    if speed < 1e-6:  # no end tangent (control point on the end point): use the control polygon
        speed = sum(math.hypot(p[i + 1][0] - p[i][0], p[i + 1][1] - p[i][1]) for i in range(3))
    t = max(0.0, 1.0 - length / max(speed, 1e-6))
    for _ in range(4):
        q = bezier(p, t)
        chord = math.hypot(q[0] - x3, q[1] - y3)
        if chord < 1e-6 or abs(chord - length) < 0.5:
            return t
        t = min(1.0, max(0.0, 1.0 - (1.0 - t) * length / chord))
    lo, hi = 0.0, 1.0  # a sharp bend near the end: bisect (the chord shrinks towards the end)
    for _ in range(24):
        t = (lo + hi) / 2
        q = bezier(p, t)
        chord = math.hypot(q[0] - x3, q[1] - y3)
        if abs(chord - length) < 0.25:
            break
        lo, hi = (t, hi) if chord > length else (lo, t)
    return t


def split(p: Cubic, t: float) -> Cubic:
    """The control points of the part ``[0, t]`` of a cubic (de Casteljau)."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = p
    ax, ay = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
    bx, by = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
    cx, cy = x2 + (x3 - x2) * t, y2 + (y3 - y2) * t
    abx, aby = ax + (bx - ax) * t, ay + (by - ay) * t
    bcx, bcy = bx + (cx - bx) * t, by + (cy - by) * t
    return [(x0, y0), (ax, ay), (abx, aby), (abx + (bcx - abx) * t, aby + (bcy - aby) * t)]


def head(last: Cubic, length: float, width: float, stop: float) -> tuple[float, list[Pt]]:
    """The arrowhead at the end of an edge whose last segment is ``last``: where that segment's line
    stops (``t``, ``stop`` back from the tip) and the head's three corners, pointing along the
    end tangent (so arrows that gather into one point share one head)."""
    tip = last[3]
    t = t_back(last, stop)
    dx, dy = last[2][0] - tip[0], last[2][1] - tip[1]
    if dx * dx + dy * dy < 1e-12:
        back = bezier(last, t)
        dx, dy = back[0] - tip[0], back[1] - tip[1]
    d = math.hypot(dx, dy)
    ux, uy = (dx / d, dy / d) if d > 1e-6 else (0.0, 1.0)
    bx, by = tip[0] + ux * length, tip[1] + uy * length
    nx, ny = -uy * width / 2, ux * width / 2
    return t, [tip, (bx + nx, by + ny), (bx - nx, by - ny)]
