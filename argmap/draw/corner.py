"""Where a map's legend can go inside the drawing: a corner that no card, junction or edge comes near."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..model import ArgumentMap
    from .parts import Box, Point

LEGEND_GAP = 24.0  # between the legend and the title, and around a legend in a corner of the map


def free_corner(
    amap: ArgumentMap,
    content: Box,
    size: tuple[float, float],
    boxes: Mapping[str, Box],
    junctions: Mapping[str, Point],
    relations: list[str],
) -> Point | None:
    """The top-left point for a legend of ``size`` in a corner of ``content`` (top right, bottom
    right, bottom left, top left, the first that is clear), or None.  ``boxes``: the drawn cards and
    junctions by id; ``junctions``: the relations' centres; ``relations``: the relations drawn."""
    cl, ct, cw, ch = content
    w, h = size
    if w + LEGEND_GAP > cw / 2 or h + LEGEND_GAP > ch / 2:
        return None
    g = LEGEND_GAP
    corners = [
        (x, y, x - g, y - g, x + w + g, y + h + g)
        for x, y in ((cl + cw - w, ct), (cl + cw - w, ct + ch - h), (cl, ct + ch - h), (cl, ct))
    ]
    # a box between these two columns, or between these two rows, meets no corner
    mid_l, mid_r, mid_t, mid_b = cl + w + g, cl + cw - w - g, ct + h + g, ct + ch - h - g

    def clear(left: float, top: float, right: float, bottom: float) -> bool:
        """Drop the corners the box meets; are any left?"""
        corners[:] = [c for c in corners if not (left < c[4] and c[2] < right and top < c[5] and c[3] < bottom)]
        return bool(corners)

    beside: list[str] = []  # the cards and junctions not between the columns
    for eid, (left, top, bw, bh) in boxes.items():
        right, bottom = left + bw, top + bh
        if not (mid_l <= left and right <= mid_r):
            beside.append(eid)
            if not (mid_t <= top and bottom <= mid_b) and not clear(left, top, right, bottom):
                return None
    # an edge runs within its card and its junction (around their centres): between the columns
    # when both are, so only the relations with an end beside them can reach a corner
    by_id = amap.relations
    near: set[str] = set()
    for eid in beside:
        if eid in by_id:
            near.add(eid)
        else:
            near.update(r.id for r in amap.relations_from(eid))
        near.update(r.id for r in amap.relations_into(eid))
    for rid in relations:  # each edge within the box from a card's centre to its junction
        if rid not in near:
            continue
        rel = by_id[rid]
        if rel.target not in boxes or not any(p in boxes for p in rel.premises):
            continue  # not drawn
        jx, jy = junctions[rid]
        for e in rel.premises + (rel.target,):
            b = boxes.get(e)
            if b is not None:
                cx, cy = b[0] + b[2] / 2, b[1] + b[3] / 2
                left, right = (cx - 1, jx + 1) if cx < jx else (jx - 1, cx + 1)
                top, bottom = (cy - 1, jy + 1) if cy < jy else (jy - 1, cy + 1)
                if not ((mid_l <= left and right <= mid_r) or (mid_t <= top and bottom <= mid_b)) and not clear(
                    left, top, right, bottom
                ):
                    return None
    return (corners[0][0], corners[0][1])
