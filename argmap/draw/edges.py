"""Where a relation's edges meet cards, in plain floats: the anchors, the premise and target
routes, and how several arrows into one side of a card spread out (or gather into one point).

The canvas (``ui.paint.edge_geometry``, on Qt value types) and the exporters (``draw.mapdraw``) call
these, so both draw the same edges.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .. import measure
from .route import Cubic, line, route
from .style import CARD_RADIUS

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

Box = tuple[float, float, float, float]  # left, top, width, height
ARROW_ROOM = 12.0  # an elbow's last leg is at least this long: the arrowhead sits on a straight line
MIN_SPREAD = 7.0  # arrows closer than this on one side of a card share one arrowhead instead


def horizontal_flow(meta: Mapping[str, object]) -> bool:
    """Whether a map's metadata says it was laid out left to right (``layout_direction`` "LR"),
    so its edges leave and reach cards at their sides; absent, "TB" and "BT" are vertical."""
    return meta.get("layout_direction", "TB") == "LR"


def anchor(
    b: Box, tx: float, ty: float, spread: bool = False, horizontal: bool = False
) -> tuple[float, float, float, float]:
    """Where an edge meets box ``b`` coming from ``(tx, ty)``, and the unit direction it leaves in:
    the top/bottom side for mostly vertical edges (its middle, or with ``spread`` the point nearest
    ``tx`` so several arrows into one card do not pile up), a side otherwise.  With ``horizontal``
    flow (a left-to-right map) the mirror rule: the left/right side facing the point unless it is
    within the card's horizontal span and mostly above or below."""
    left, top, w, h = b
    cx, cy = left + w / 2, top + h / 2
    dx, dy = tx - cx, ty - cy
    if horizontal:
        if abs(dx) > w / 2 + 8.0 or abs(dx) * h >= abs(dy) * w:
            y = cy
            if spread:
                inset = min(CARD_RADIUS + 4.0, h / 2)
                y = max(top + inset, min(top + h - inset, ty))
            return (left, y, -1.0, 0.0) if dx < 0 else (left + w, y, 1.0, 0.0)
        return (cx, top, 0.0, -1.0) if dy < 0 else (cx, top + h, 0.0, 1.0)
    if abs(dy) > h / 2 + 8.0 or abs(dy) * w >= abs(dx) * h:
        x = cx
        if spread:
            inset = min(CARD_RADIUS + 10.0, w / 2)
            x = max(left + inset, min(left + w - inset, tx))
        return (x, top, 0.0, -1.0) if dy < 0 else (x, top + h, 0.0, 1.0)
    return (left, cy, -1.0, 0.0) if dx < 0 else (left + w, cy, 1.0, 0.0)


def premise_points(b: Box, jx: float, jy: float, horizontal: bool = False) -> list[Cubic]:
    """From a premise card (box ``b``) to its relation's junction at ``(jx, jy)``: cubic segments."""
    sx, sy, d0x, d0y = anchor(b, jx, jy, horizontal=horizontal)
    r = measure.JUNCTION_SIZE / 2
    return route(sx, sy, d0x, d0y, jx - d0x * r, jy - d0y * r, -d0x, -d0y)


def target_points(
    jx: float,
    jy: float,
    b: Box,
    target_is_junction: bool = False,
    arrive_x: float | None = None,
    arrive_y: float | None = None,
    horizontal: bool = False,
) -> list[Cubic]:
    """From a junction to its target: a card's edge, or (an undercut, ``target_is_junction``) another
    junction's rim, as a straight line.  The last point is where the arrowhead's tip goes.
    ``arrive_x`` (``arrive_y``) moves the end along a top/bottom (left/right) side."""
    if target_is_junction:
        cx, cy = b[0] + b[2] / 2, b[1] + b[3] / 2
        dx, dy = cx - jx, cy - jy
        dist = math.hypot(dx, dy) or 1.0
        r = b[2] / 2 + 2.0
        ex, ey = cx - dx / dist * r, cy - dy / dist * r
        half = measure.JUNCTION_SIZE / 2
        sx, sy = jx + dx / dist * half, jy + dy / dist * half
        return [line((sx, sy), (ex, ey))]
    ex, ey, d1x, d1y = anchor(b, jx, jy, spread=True, horizontal=horizontal)
    if arrive_x is not None and d1x == 0:
        ex = arrive_x
    elif arrive_y is not None and d1y == 0:
        ey = arrive_y
    ex, ey = ex + d1x * 1.5, ey + d1y * 1.5  # leave room for the tip's pen
    r = measure.JUNCTION_SIZE / 2
    return route(jx - d1x * r, jy - d1y * r, -d1x, -d1y, ex, ey, d1x, d1y, ARROW_ROOM)


def spread_along(lo: float, hi: float, wanted: Sequence[float], gap: float) -> list[float]:
    """Points in ``[lo, hi]``, each as near its wanted place as it can be, kept ``gap`` apart; when
    the side is too short to keep them :data:`MIN_SPREAD` apart, all at its middle (the arrows
    then gather into one, like a bracket, instead of piling their heads up)."""
    order = sorted(range(len(wanted)), key=wanted.__getitem__)
    n = len(order)
    if n > 1 and (hi - lo) / (n - 1) < MIN_SPREAD:
        return [(lo + hi) / 2] * n
    gap = min(gap, (hi - lo) / max(1, n - 1)) if n > 1 else gap
    xs = [max(lo, min(hi, wanted[i])) for i in order]
    for k in range(1, n):  # push right to keep the gap ...
        xs[k] = max(xs[k], xs[k - 1] + gap)
    if n and xs[-1] > hi:  # ... and back left when that ran off the edge
        xs[-1] = hi
        for k in range(n - 2, -1, -1):
            xs[k] = min(xs[k], xs[k + 1] - gap)
    out = [0.0] * n
    for k, i in enumerate(order):
        out[i] = xs[k]
    return out


def arrival_xs(left: float, width: float, junction_xs: Sequence[float], gap: float = 16.0) -> list[float]:
    """Where several arrows reach the top or bottom of a card spanning ``left .. left + width``:
    each below its junction when it can be, kept ``gap`` apart and inside the rounded corners."""
    inset = min(CARD_RADIUS + 10.0, width / 2)
    return spread_along(left + inset, left + width - inset, junction_xs, gap)


def arrival_ys(top: float, height: float, junction_ys: Sequence[float], gap: float = 12.0) -> list[float]:
    """:func:`arrival_xs` for a left-to-right map: where several arrows reach one card's left or
    right side, each level with its junction when it can be, kept ``gap`` apart (same order)."""
    inset = min(CARD_RADIUS + 4.0, height / 2)
    return spread_along(top + inset, top + height - inset, junction_ys, gap)
