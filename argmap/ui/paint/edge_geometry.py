"""Where a relation's edges run, on Qt value types: ``draw.edges`` (the exporters' geometry, in
plain floats) turned into QPainterPaths for the canvas items (through ``drawing``, which
re-exports these names)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from ...draw import edges
from ...draw.route import Cubic


def _box(r: QRectF) -> edges.Box:
    return (r.left(), r.top(), r.width(), r.height())


def _path(segs: Sequence[Cubic]) -> QPainterPath:
    path = QPainterPath(QPointF(*segs[0][0]))
    for p in segs:
        path.cubicTo(*p[1], *p[2], *p[3])
    return path


def premise_path(premise_rect: QRectF, junction: QPointF, *, horizontal: bool = False) -> QPainterPath:
    """From a premise card's edge to its relation's junction (``horizontal``: a left-to-right map)."""
    return _path(edges.premise_points(_box(premise_rect), junction.x(), junction.y(), horizontal))


def arrival_xs(target_rect: QRectF, junction_xs: Sequence[float], gap: float = 16.0) -> list[float]:
    """Where several arrows reach one card's edge: each below its junction when it can be,
    kept ``gap`` apart and inside the rounded corners (same order as ``junction_xs``)."""
    return edges.arrival_xs(target_rect.left(), target_rect.width(), junction_xs, gap)


def arrival_ys(target_rect: QRectF, junction_ys: Sequence[float], gap: float = 12.0) -> list[float]:
    """:func:`arrival_xs` for a left-to-right map: where several arrows reach one card's left or
    right side, each level with its junction when it can be, kept ``gap`` apart (same order)."""
    return edges.arrival_ys(target_rect.top(), target_rect.height(), junction_ys, gap)


def target_path(
    junction: QPointF,
    target_rect: QRectF,
    *,
    target_is_junction: bool = False,
    arrive_x: float | None = None,
    arrive_y: float | None = None,
    horizontal: bool = False,
) -> QPainterPath:
    """From a junction to its target: a card's edge, or (an undercut) another junction's rim.
    The path ends where the arrowhead's tip goes. ``arrive_x`` (``arrive_y``) moves the end along
    a top/bottom (left/right) side; ``horizontal``: a left-to-right map."""
    segs = edges.target_points(
        junction.x(), junction.y(), _box(target_rect), target_is_junction, arrive_x, arrive_y, horizontal
    )
    if target_is_junction:  # a straight line
        path = QPainterPath(QPointF(*segs[0][0]))
        path.lineTo(QPointF(*segs[0][3]))
        return path
    return _path(segs)


def edge_paths(
    premise_rects: Sequence[QRectF],
    junction: QPointF,
    target_rect: QRectF,
    *,
    target_is_junction: bool = False,
    arrive_x: float | None = None,
    arrive_y: float | None = None,
    horizontal: bool = False,
) -> tuple[list[QPainterPath], QPainterPath]:
    """All the paths of one relation: one per premise (to the junction) and the target arrow
    (``arrive_x`` from :func:`arrival_xs`, or in a left-to-right map, ``horizontal``, ``arrive_y``
    from :func:`arrival_ys`, when several arrows reach the same card)."""
    return (
        [premise_path(r, junction, horizontal=horizontal) for r in premise_rects],
        target_path(
            junction,
            target_rect,
            target_is_junction=target_is_junction,
            arrive_x=arrive_x,
            arrive_y=arrive_y,
            horizontal=horizontal,
        ),
    )
