"""Where cards and junctions go when the map does not say: the whole map laid out in its own flow, a
junction between its premises and target, a free spot for a new premise."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import measure
from ..model import ArgumentMap
from . import map_layout
from .engine import DIRECTIONS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


Point = tuple[float, float]
GAP_X = 28.0
GAP_Y = 70.0


def layout_positions(amap: ArgumentMap, only: Iterable[str] | None = None) -> dict[str, Point]:
    """Positions for the whole map (or the subtree ``only``) from :func:`map_layout.layout_map`, in the map's
    own flow (its ``layout_direction`` meta, default TB)."""
    direction = amap.meta.get("layout_direction", "TB")
    result = map_layout.layout_map(
        amap, only=set(only) if only is not None else None, direction=direction if direction in DIRECTIONS else "TB"
    )
    return {k: (float(v[0]), float(v[1])) for k, v in result.items()}


def junction_positions(
    amap: ArgumentMap, pos: Mapping[str, Point], sizes: Mapping[str, tuple[float, float]], rids: Iterable[str]
) -> dict[str, Point]:
    """A junction between the top of its premises and the bottom of its target."""
    out: dict[str, Point] = {}
    for rid in rids:
        rel = amap.relations[rid]
        ps = [pos[p] for p in rel.premises if p in pos]
        if not ps:
            continue
        px = sum(p[0] for p in ps) / len(ps)
        ptop = min(p[1] - sizes.get(q, (0, 0))[1] / 2 for p, q in zip(ps, rel.premises))
        t = pos.get(rel.target) or out.get(rel.target)
        if t is None:
            out[rid] = (px, ptop - 30.0)
            continue
        tb = t[1] + sizes.get(rel.target, (measure.JUNCTION_SIZE,) * 2)[1] / 2
        if rel.target in amap.relations:  # undercut: beside the attacked junction
            out[rid] = ((px + t[0]) / 2, (ptop + t[1]) / 2)
        elif ptop > tb:
            out[rid] = ((px + t[0]) / 2 if len(ps) == 1 else px, (ptop + tb) / 2)
        else:
            out[rid] = ((px + t[0]) / 2, (ps[0][1] + t[1]) / 2)
    return out


def too_close(rect: tuple[float, float, float, float], others: list[tuple[float, float, float, float]]) -> bool:
    """Whether a card ``(x, y, width, height)`` centred at ``x, y`` comes closer to any of ``others``
    than the gaps between placed cards."""
    x, y, w, h = rect
    for ox, oy, ow, oh in others:
        if abs(x - ox) * 2 < w + ow + GAP_X and abs(y - oy) * 2 < h + oh + 20:
            return True
    return False


def place_below(
    amap: ArgumentMap,
    target: str,
    size: tuple[float, float],
    nearby: list[tuple[float, float, float, float]] | None = None,
) -> Point:
    """A free spot for a new premise of ``target``: one row below it, right of its other premises,
    overlapping no card.  ``target`` may be a relation (an undercut goes beside its junction).
    ``nearby`` (centre x, y, width, height of the cards around the target, e.g. from the scene's
    spatial index) saves looking at every card of a big map."""
    tp = amap.positions.get(target, (0.0, 0.0))
    if nearby is None:
        rects = []
        statements = amap.statements
        for sid, p in amap.positions.items():
            if sid in statements:
                w, h = measure.statement_size(amap, sid)
                rects.append((p[0], p[1], w, h))
    else:
        rects = list(nearby)
    th = measure.statement_size(amap, target)[1] if target in amap.statements else measure.JUNCTION_SIZE
    w, h = size
    y = tp[1] + th / 2 + GAP_Y + h / 2
    if target in amap.relations:
        y = tp[1]
        x = tp[0] + 60.0 + w / 2
    else:
        siblings = [
            amap.positions[p] for rel in amap.relations_into(target) for p in rel.premises if p in amap.positions
        ]
        x = tp[0] if not siblings else max(s[0] for s in siblings)
    step = w / 2 + GAP_X / 2
    for i in range(400):
        cand = (x + (i % 40) * step, y)
        if not too_close((cand[0], cand[1], w, h), rects):
            return cand
        if i % 40 == 39:
            y += h + 20
    return (x, y)


def place_new(amap: ArgumentMap, ids: Iterable[str]) -> dict[str, Point]:
    """Positions for new elements already in the map, moving nothing else (:func:`map_layout.place_new`)."""
    return {k: (float(v[0]), float(v[1])) for k, v in map_layout.place_new(amap, list(ids)).items()}
