"""Where a relation's edges run: the side of a card they meet, their curves, spread arrivals.

Pure geometry on Qt value types, shared by the canvas items and the exporter (through
``drawing``, which re-exports these names)."""
from __future__ import annotations

import math
from typing import Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from ..layout import measure
from .edge_route import route

CARD_RADIUS = 7.0


def horizontal_flow(meta: Mapping[str, object]) -> bool:
    """Whether a map's metadata says it was laid out left to right (``layout_direction`` "LR"),
    so its edges leave and reach cards at their sides; absent, "TB" and "BT" are vertical."""
    return meta.get("layout_direction", "TB") == "LR"


def _anchor(rect: QRectF, toward: QPointF, spread: bool = False,
            horizontal: bool = False) -> tuple[QPointF, QPointF]:
    """Where an edge meets ``rect`` coming from a point, and the unit direction it leaves in:
    the top/bottom side for mostly vertical edges (its middle, or with ``spread`` the point
    nearest ``toward`` so several arrows into one card do not pile up), a side otherwise.
    With ``horizontal`` flow (a left-to-right map) the mirror rule: the left/right side facing
    ``toward`` unless it is within the card's horizontal span and mostly above or below."""
    c = rect.center()
    dx, dy = toward.x() - c.x(), toward.y() - c.y()
    if horizontal:
        if abs(dx) > rect.width() / 2 + 8.0 or abs(dx) * rect.height() >= abs(dy) * rect.width():
            y = c.y()
            if spread:
                inset = min(CARD_RADIUS + 4.0, rect.height() / 2)
                y = max(rect.top() + inset, min(rect.bottom() - inset, toward.y()))
            if dx < 0:
                return QPointF(rect.left(), y), QPointF(-1, 0)
            return QPointF(rect.right(), y), QPointF(1, 0)
        if dy < 0:
            return QPointF(c.x(), rect.top()), QPointF(0, -1)
        return QPointF(c.x(), rect.bottom()), QPointF(0, 1)
    if abs(dy) > rect.height() / 2 + 8.0 or abs(dy) * rect.width() >= abs(dx) * rect.height():
        x = c.x()
        if spread:
            inset = min(CARD_RADIUS + 10.0, rect.width() / 2)
            x = max(rect.left() + inset, min(rect.right() - inset, toward.x()))
        if dy < 0:
            return QPointF(x, rect.top()), QPointF(0, -1)
        return QPointF(x, rect.bottom()), QPointF(0, 1)
    if dx < 0:
        return QPointF(rect.left(), c.y()), QPointF(-1, 0)
    return QPointF(rect.right(), c.y()), QPointF(1, 0)


ARROW_ROOM = 12.0  # an elbow's last leg is at least this long: the arrowhead sits on a straight line


def _curve(start: QPointF, d0: QPointF, end: QPointF, d1: QPointF, end_straight: float = 0.0) -> QPainterPath:
    """The path of :func:`edge_route.route`: an S-curve, or a rounded elbow for an edge that runs
    mostly across the flow."""
    segs = route(start.x(), start.y(), d0.x(), d0.y(), end.x(), end.y(), d1.x(), d1.y(), end_straight)
    path = QPainterPath(start)
    for p in segs:
        path.cubicTo(*p[1], *p[2], *p[3])
    return path


def premise_path(premise_rect: QRectF, junction: QPointF, *, horizontal: bool = False) -> QPainterPath:
    """From a premise card's edge to its relation's junction (``horizontal``: a left-to-right map)."""
    start, d0 = _anchor(premise_rect, junction, horizontal=horizontal)
    r = measure.JUNCTION_SIZE / 2
    d1 = QPointF(-d0.x(), -d0.y())
    end = QPointF(junction.x() + d1.x() * r, junction.y() + d1.y() * r)
    return _curve(start, d0, end, d1)


MIN_SPREAD = 7.0  # arrows closer than this on one side of a card share one arrowhead instead


def _spread_along(lo: float, hi: float, wanted: Sequence[float], gap: float) -> list[float]:
    """Points in ``[lo, hi]``, each as near its wanted place as it can be, kept ``gap`` apart; when
    the side is too short to keep them :data:`MIN_SPREAD` apart, all at its middle (the arrows
    then gather into one, like a bracket, instead of piling their heads up)."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    n = len(order)
    if n > 1 and (hi - lo) / (n - 1) < MIN_SPREAD:
        return [(lo + hi) / 2] * n
    gap = min(gap, (hi - lo) / max(1, n - 1)) if n > 1 else gap
    xs = [max(lo, min(hi, wanted[i])) for i in order]
    for k in range(1, n):                       # push right to keep the gap ...
        xs[k] = max(xs[k], xs[k - 1] + gap)
    if n and xs[-1] > hi:                       # ... and back left when that ran off the edge
        xs[-1] = hi
        for k in range(n - 2, -1, -1):
            xs[k] = min(xs[k], xs[k + 1] - gap)
    out = [0.0] * n
    for k, i in enumerate(order):
        out[i] = xs[k]
    return out


def arrival_xs(target_rect: QRectF, junction_xs: Sequence[float], gap: float = 16.0) -> list[float]:
    """Where several arrows reach one card's edge: each below its junction when it can be,
    kept ``gap`` apart and inside the rounded corners (same order as ``junction_xs``)."""
    inset = min(CARD_RADIUS + 10.0, target_rect.width() / 2)
    return _spread_along(target_rect.left() + inset, target_rect.right() - inset, junction_xs, gap)


def arrival_ys(target_rect: QRectF, junction_ys: Sequence[float], gap: float = 12.0) -> list[float]:
    """:func:`arrival_xs` for a left-to-right map: where several arrows reach one card's left or
    right side, each level with its junction when it can be, kept ``gap`` apart (same order)."""
    inset = min(CARD_RADIUS + 4.0, target_rect.height() / 2)
    return _spread_along(target_rect.top() + inset, target_rect.bottom() - inset, junction_ys, gap)


def target_path(junction: QPointF, target_rect: QRectF, *, target_is_junction: bool = False,
                arrive_x: float | None = None, arrive_y: float | None = None,
                horizontal: bool = False) -> QPainterPath:
    """From a junction to its target: a card's edge, or (an undercut) another junction's rim.
    The path ends where the arrowhead's tip goes. ``arrive_x`` (``arrive_y``) moves the end along
    a top/bottom (left/right) side; ``horizontal``: a left-to-right map."""
    if target_is_junction:
        c = target_rect.center()
        dx, dy = c.x() - junction.x(), c.y() - junction.y()
        dist = math.hypot(dx, dy) or 1.0
        r = target_rect.width() / 2 + 2.0
        end = QPointF(c.x() - dx / dist * r, c.y() - dy / dist * r)
        start = QPointF(junction.x() + dx / dist * measure.JUNCTION_SIZE / 2,
                        junction.y() + dy / dist * measure.JUNCTION_SIZE / 2)
        path = QPainterPath(start)
        path.lineTo(end)
        return path
    end, d1 = _anchor(target_rect, junction, spread=True, horizontal=horizontal)
    if arrive_x is not None and d1.x() == 0:
        end = QPointF(arrive_x, end.y())
    elif arrive_y is not None and d1.y() == 0:
        end = QPointF(end.x(), arrive_y)
    end = end + d1 * 1.5  # leave room for the tip's pen
    d0 = QPointF(-d1.x(), -d1.y())
    r = measure.JUNCTION_SIZE / 2
    start = QPointF(junction.x() + d0.x() * r, junction.y() + d0.y() * r)
    return _curve(start, d0, end, d1, ARROW_ROOM)


def edge_paths(premise_rects: Sequence[QRectF], junction: QPointF, target_rect: QRectF, *,
               target_is_junction: bool = False, arrive_x: float | None = None,
               arrive_y: float | None = None,
               horizontal: bool = False) -> tuple[list[QPainterPath], QPainterPath]:
    """All the paths of one relation: one per premise (to the junction) and the target arrow
    (``arrive_x`` from :func:`arrival_xs`, or in a left-to-right map, ``horizontal``, ``arrive_y``
    from :func:`arrival_ys`, when several arrows reach the same card)."""
    return ([premise_path(r, junction, horizontal=horizontal) for r in premise_rects],
            target_path(junction, target_rect, target_is_junction=target_is_junction, arrive_x=arrive_x,
                        arrive_y=arrive_y, horizontal=horizontal))
