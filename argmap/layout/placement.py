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


CLEARANCE = 12.0  # how far a card that grew keeps from the cards around it
JUNCTION_CLEARANCE = 16.0  # and from junctions: room for an arrowhead between the two


def make_room(amap: ArgumentMap, sid: str, old_size: tuple[float, float]) -> dict[str, Point]:
    """Moves that keep card ``sid`` clear of its neighbours after it grew from ``old_size`` (a longer
    text, a title, another kind): the card grows away from its target (or, with no target, away from
    its reasons), its reasons below it (junctions and premises) move down as far as its bottom did,
    and what it would now cover moves aside the least distance that clears it, pushing on whatever
    that in turn would cover.  Pinned elements stay; nothing moves when it did not grow."""
    if sid not in amap.positions:
        return {}
    direction = amap.meta.get("layout_direction", "TB")
    lr, bt = direction == "LR", direction == "BT"

    def canon(p: Point) -> Point:  # to top-down coordinates (premises below targets) and back
        return (p[1], p[0]) if lr else (p[0], -p[1]) if bt else p

    def size(eid: str) -> tuple[float, float]:
        w, h = measure.statement_size(amap, eid) if eid in amap.statements else (measure.JUNCTION_SIZE,) * 2
        return (h, w) if lr else (w, h)

    w, h = size(sid)
    ow, oh = (old_size[1], old_size[0]) if lr else old_size
    if w <= ow + 0.5 and h <= oh + 0.5:
        return {}
    x0, y0 = x, y = canon(amap.positions[sid])
    targets = [amap.positions.get(r.target) for r in amap.relations_from(sid)]
    reasons = amap.relations_into(sid)
    if any(t is not None and canon(t)[1] < y for t in targets):
        y += (h - oh) / 2  # its top (facing the target) stays
    elif reasons:
        y -= (h - oh) / 2  # its bottom (facing its reasons) stays
    boxes: dict[str, tuple[float, float, float, float]] = {sid: (x, y, w, h)}
    pinned = amap.pinned
    fixed = {sid} | set(pinned)
    moved = {sid}
    queue: list[tuple[str, int]] = [(sid, -1)]  # an element that moved, and the way it was pushed
    drop = y + h / 2 - (y0 + oh / 2)  # how far its bottom went down: its reasons below go as far
    for rel in reasons if drop > 0.5 else ():
        for eid in (rel.id, *rel.premises):
            p = amap.positions.get(eid)
            if p is not None and eid not in fixed and eid not in boxes and canon(p)[1] > y0 + oh / 2:
                boxes[eid] = (canon(p)[0], canon(p)[1] + drop, *size(eid))
                moved.add(eid)
                queue.append((eid, 1))
    for _ in range(2000):
        if not queue:
            break
        a, way = queue.pop(0)
        ax, ay, aw, ah = boxes[a]
        for eid, p in amap.positions.items():
            if eid in fixed or eid == a:
                continue
            bx, by = canon(p) if eid not in boxes else boxes[eid][:2]
            if abs(bx - ax) > 2000 or abs(by - ay) > 1000:
                continue
            bw, bh = boxes[eid][2:] if eid in boxes else size(eid)
            gap = CLEARANCE if a in amap.statements and eid in amap.statements else JUNCTION_CLEARANCE
            pushes = (  # right, down, left, up: how far ``eid`` must go to clear ``a``
                ax + aw / 2 + gap - (bx - bw / 2),
                ay + ah / 2 + gap - (by - bh / 2),
                bx + bw / 2 - (ax - aw / 2 - gap),
                by + bh / 2 - (ay - ah / 2 - gap),
            )
            if min(pushes) <= 0 or (way >= 0 and (bx - ax, by - ay, ax - bx, ay - by)[way] < 0):
                continue  # clear of it, or behind it (a pushed element pushes only what lies ahead)
            k = way if way >= 0 else min(range(4), key=lambda i: pushes[i])
            d = pushes[k]
            bx, by = {0: (bx + d, by), 1: (bx, by + d), 2: (bx - d, by), 3: (bx, by - d)}[k]
            boxes[eid] = (bx, by, bw, bh)
            moved.add(eid)
            queue.append((eid, k))
    out = {eid: canon(boxes[eid][:2]) for eid in moved}
    return {eid: (round(p[0], 2), round(p[1], 2)) for eid, p in out.items() if p != amap.positions.get(eid)}
