"""The layout engine applied to an argument map: the whole map, a selected part of it, or new elements
placed without moving the others."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from .. import measure
from .engine import LAYER_GAP, NODE_GAP, layout_records
from .reading import reading_ranks
from .rows import Blocks

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from ..model import ArgumentMap


Point = tuple[float, float]
Size = tuple[float, float]
COMPACT_NODE_GAP = 12.0  # compact (titles-only) cards sit closer: their rows are a third as tall
COMPACT_LAYER_GAP = 40.0  # still room for a junction and an arrowhead between layers


def gaps(amap: ArgumentMap) -> tuple[float, float]:
    """The gap between neighbouring cards and between layers that ``amap``'s cards call for."""
    return (COMPACT_NODE_GAP, COMPACT_LAYER_GAP) if measure.compact_cards(amap) else (NODE_GAP, LAYER_GAP)


def layout_map(
    amap: ArgumentMap, *, direction: str = "TB", only: Iterable[str] | None = None, aspect: float | None = None
) -> dict[str, Point]:
    """Auto-arrange ``amap``: new centres for every statement and relation.

    Card sizes come from :func:`measure.map_sizes`, so the command line and
    the GUI agree.  Pinned elements keep their positions.  A full layout keeps
    the map's top-left corner where it was.  With ``only`` (a selected
    subtree) just those elements are laid out: their top stays where it was,
    everything else stays put, and the part slides sideways to the nearest
    place where it overlaps nothing.  ``aspect`` is the width / height the
    drawing is compacted towards (see :func:`layout_graph`; None, the
    default: not compacted).  The reasons under each target follow the
    order of their anchors in the sources.  Reads the map's records, never
    its networkx graph.
    """
    sizes = measure.map_sizes(amap)
    node_gap, layer_gap = gaps(amap)
    old = amap.positions
    pins = {i: old[i] for i in amap.pinned if i in old}
    reading = reading_ranks(amap)
    if only is None:
        new = layout_records(
            amap.statements,
            amap.relations.values(),
            sizes,
            direction=direction,
            pinned=pins,
            aspect=aspect,
            node_gap=node_gap,
            layer_gap=layer_gap,
            reading=reading,
        )
        if not pins and new:
            placed = [i for i in new if i in old]
            if placed:
                ox, oy = _top_left(old, sizes, placed)
                nx_, ny = _top_left(new, sizes, new)
                new = {i: (x + ox - nx_, y + oy - ny) for i, (x, y) in new.items()}
        return new
    movable = {i for i in only if (i in amap.statements or i in amap.relations) and i not in pins}
    if not movable:
        return {}
    new = layout_records(
        [i for i in amap.statements if i in movable],
        [r for i, r in amap.relations.items() if i in movable],
        sizes,
        direction=direction,
        aspect=aspect,
        node_gap=node_gap,
        layer_gap=layer_gap,
        reading=reading,
    )
    flows: dict[str, Callable[[Point], float]] = {"TB": lambda p: p[1], "BT": lambda p: -p[1], "LR": lambda p: p[0]}
    flow = flows[direction]
    anchored = [i for i in new if i in old]
    if anchored:
        a = min(anchored, key=lambda i: (flow(new[i]), flow(old[i])))
        dx, dy = old[a][0] - new[a][0], old[a][1] - new[a][1]
    else:
        others = [i for i in old if i not in movable]
        if others:  # below (or beside) the rest of the map
            left, top = _top_left(old, sizes, others)
            right, bottom = _bottom_right(old, sizes, others)
            nl, nt = _top_left(new, sizes, new)
            if direction == "LR":
                dx, dy = left - nl, bottom + LAYER_GAP - nt
            else:
                dx, dy = right + LAYER_GAP - nl, top - nt
        else:
            dx = dy = 0.0
    new = {i: (x + dx, y + dy) for i, (x, y) in new.items()}
    fixed = {i: p for i, p in old.items() if i not in movable}
    shift = _rigid_free_shift(new, fixed, sizes, along_x=direction != "LR", gap=NODE_GAP)
    if shift:
        new = {i: (x + shift, y) if direction != "LR" else (x, y + shift) for i, (x, y) in new.items()}
    return new


def place_new(amap: ArgumentMap, new_ids: Iterable[str]) -> dict[str, Point]:
    """Positions for newly added statements and relations that move nothing
    else and overlap nothing: a new premise goes below its target beside the
    target's other reasons, a new conclusion above its premise, a junction
    between its premises and its target."""
    new_ids = [i for i in dict.fromkeys(new_ids) if i in amap.statements or i in amap.relations]
    if not new_ids:
        return {}
    sizes = measure.map_sizes(amap)
    fresh = set(new_ids)
    direction = _infer_direction(amap, fresh)
    to_c, from_c = _transforms(direction)
    pos: dict[str, Point] = {i: to_c(p) for i, p in amap.positions.items() if i not in fresh}
    sz = {i: _canon_size(s, direction) for i, s in sizes.items()}
    out: dict[str, Point] = {}
    statements = [i for i in new_ids if i in amap.statements]
    relations = [i for i in new_ids if i in amap.relations]
    pending = list(statements)
    for _ in range(len(pending) + 1):  # statements next to placed ones first
        later = []
        for sid in pending:
            p = _statement_spot(amap, sid, pos, sz, final=False)
            if p is None:
                later.append(sid)
            else:
                pos[sid] = out[sid] = _free(p, sz[sid], pos, sz)
        if len(later) == len(pending):
            break
        pending = later
    for sid in pending:
        spot = _statement_spot(amap, sid, pos, sz, final=True)
        assert spot is not None  # a final spot is always found
        pos[sid] = out[sid] = _free(spot, sz[sid], pos, sz)
    for rid in sorted(relations, key=lambda r: amap.relations[r].target in amap.relations):
        pos[rid] = out[rid] = _free(_junction_spot(amap, rid, pos, sz), sz[rid], pos, sz, gap=NODE_GAP / 2)
    return {i: from_c(p) for i, p in out.items()}


# ---------------------------------------------------------------- helpers
def _top_left(pos: Mapping[str, Point], sizes: Mapping[str, Size], ids: Iterable[str]) -> Point:
    return (min(pos[i][0] - sizes[i][0] / 2 for i in ids), min(pos[i][1] - sizes[i][1] / 2 for i in ids))


def _bottom_right(pos: Mapping[str, Point], sizes: Mapping[str, Size], ids: Iterable[str]) -> Point:
    return (max(pos[i][0] + sizes[i][0] / 2 for i in ids), max(pos[i][1] + sizes[i][1] / 2 for i in ids))


def _rigid_free_shift(
    block: Mapping[str, Point], fixed: Mapping[str, Point], sizes: Mapping[str, Size], along_x: bool, gap: float
) -> float:
    """The smallest sideways shift of the whole ``block`` that clears every fixed box by ``gap``."""
    a, b = (0, 1) if along_x else (1, 0)
    obstacles = []
    for i, p in fixed.items():
        s = sizes.get(i)
        if s is not None:
            obstacles.append((p[b] - s[b] / 2, p[b] + s[b] / 2, p[a] - s[a] / 2, p[a] + s[a] / 2))
    if not obstacles:
        return 0.0
    obstacles.sort()
    tops = [o[0] for o in obstacles]
    tallest = max(o[1] - o[0] for o in obstacles)
    spans = []
    for i, p in block.items():
        s = sizes[i]
        lo, hi = p[b] - s[b] / 2, p[b] + s[b] / 2
        left, right = p[a] - s[a] / 2, p[a] + s[a] / 2
        for k in range(bisect_left(tops, lo - tallest), bisect_right(tops, hi)):
            t0, t1, o0, o1 = obstacles[k]
            if t0 < hi and t1 > lo:
                spans.append((o0 - right - gap, o1 - left + gap))
    if not spans:
        return 0.0
    return Blocks(spans).free_spot(0.0, 0.0, 0.0)


def _infer_direction(amap: ArgumentMap, fresh: set[str]) -> str:
    """TB, BT or LR: the side on which premises sit relative to their targets in the map so far."""
    pos = amap.positions
    votes = {"TB": 0, "BT": 0, "LR": 0}
    for k, rel in enumerate(amap.relations.values()):
        if k > 400:
            break
        t = pos.get(rel.target)
        if t is None or rel.target in fresh or rel.target in amap.relations:
            continue
        for p in rel.premises:
            q = pos.get(p)
            if q is not None and p not in fresh:
                votes["TB"] += q[1] > t[1]
                votes["BT"] += q[1] < t[1]
                votes["LR"] += q[0] > t[0]
    return max(("TB", "BT", "LR"), key=lambda d: (votes[d], d == "TB"))


def _transforms(direction: str) -> tuple[Callable[[Point], Point], Callable[[Point], Point]]:
    """To top-down coordinates and back, for a map that flows in ``direction``."""
    if direction == "LR":
        return (lambda p: (p[1], p[0])), (lambda p: (p[1], p[0]))
    if direction == "BT":
        return (lambda p: (p[0], -p[1])), (lambda p: (p[0], -p[1]))
    return (lambda p: (p[0], p[1])), (lambda p: (p[0], p[1]))


def _canon_size(s: Size, direction: str) -> Size:
    return (s[1], s[0]) if direction == "LR" else (s[0], s[1])


def _statement_spot(
    amap: ArgumentMap, sid: str, pos: dict[str, Point], sz: dict[str, Size], final: bool
) -> Point | None:
    """Where a new statement wants to go (canonical top-down coordinates), or None if nothing near is placed."""
    w, h = sz[sid]
    for rel in amap.relations_from(sid):
        t = pos.get(rel.target)
        if t is None:
            continue
        row = [p for p in rel.premises if p != sid and p in pos]  # linked partners first
        if row and max(pos[p][1] for p in row) > t[1]:
            return _beside_partners(amap, rel.target, row, (w, h), pos, sz)
        if not row:
            row = [p for r in amap.relations_into(rel.target) for p in r.premises if p != sid and p in pos]
            if row:  # the first band of reasons (wrapped ones hang further down)
                top = min(pos[p][1] for p in row)
                row = [p for p in row if pos[p][1] <= top + 1.0]
        low = t[1] + sz[rel.target][1] / 2 + LAYER_GAP + h / 2  # clear of the target, room for the junction
        if row:
            last = max(row, key=lambda p: pos[p][0] + sz[p][0] / 2)
            y = pos[last][1]
            if y > t[1]:
                return (pos[last][0] + sz[last][0] / 2 + NODE_GAP * 1.5 + w / 2, max(y, low))
        return (t[0], low)
    for rel in amap.relations_into(sid):
        for p in rel.premises:
            q = pos.get(p)
            if q is not None:
                return (q[0], q[1] - sz[p][1] / 2 - LAYER_GAP - h / 2)
    if not final:
        return None
    others = [i for i in pos if i in sz]
    if not others:
        return (w / 2, h / 2)
    right = max(pos[i][0] + sz[i][0] / 2 for i in others)
    top = min(pos[i][1] - sz[i][1] / 2 for i in others)
    return (right + NODE_GAP * 2 + w / 2, top + h / 2)


def _beside_partners(
    amap: ArgumentMap, target: str, row: list[str], size: Size, pos: Mapping[str, Point], sz: Mapping[str, Size]
) -> Point:
    """A new linked premise's spot: level with its partners ``row``, next to them on the side away from
    the target's other reasons (the right when that is a tie), so its lines and junction cross no
    other relation's; the other side when this one has no room for it, and when neither has, the
    nearest free spot further out on the first side (never on a card or a junction)."""
    w, h = size
    left = min(pos[p][0] - sz[p][0] / 2 for p in row)
    right = max(pos[p][0] + sz[p][0] / 2 for p in row)
    y = pos[max(row, key=lambda p: pos[p][0] + sz[p][0] / 2)][1]
    mid = (left + right) / 2
    partners = set(row)
    others = [p for r in amap.relations_into(target) for p in (r.id, *r.premises) if p not in partners and p in pos]
    right_side = sum(1 for p in others if pos[p][0] > mid)
    left_side = len(others) - right_side
    gap = NODE_GAP * 1.5
    spots = [(right + gap + w / 2, y), (left - gap - w / 2, y)]
    if left_side < right_side:
        spots.reverse()
    for spot in spots:
        if _fits(spot, size, pos, sz):
            return spot
    x, y = spots[0]
    step = (w / 2 + NODE_GAP) * (1.0 if x > mid else -1.0)
    for _ in range(200):  # no room on either side: further out on the chosen one
        x += step
        if _fits((x, y), size, pos, sz):
            return (x, y)
    return spots[0]


def _fits(spot: Point, size: Size, pos: Mapping[str, Point], sz: Mapping[str, Size], gap: float = NODE_GAP) -> bool:
    """Whether a box of ``size`` at ``spot`` clears every placed box by ``gap``."""
    x, y = spot
    w, h = size
    for i, p in pos.items():
        s = sz.get(i)
        if s is not None and abs(p[0] - x) * 2 < w + s[0] + 2 * gap and abs(p[1] - y) * 2 < h + s[1] + gap:
            return False
    return True


def _junction_spot(amap: ArgumentMap, rid: str, pos: dict[str, Point], sz: dict[str, Size]) -> Point:
    rel = amap.relations[rid]
    prem = [p for p in rel.premises if p in pos]
    t = pos.get(rel.target)
    if prem:
        px = sum(pos[p][0] for p in prem) / len(prem)
        top = min(pos[p][1] - sz[p][1] / 2 for p in prem)
    if t is not None and rel.target in amap.relations:  # an undercut: beside the junction it attacks
        side = 1.0 if not prem or px >= t[0] else -1.0
        return (t[0] + side * (sz[rel.target][0] + sz[rid][0]) / 2 + side * NODE_GAP / 2, t[1])
    if t is not None and prem:
        bottom = t[1] + sz[rel.target][1] / 2
        if top > bottom:
            return (px, (top + bottom) / 2)
        return ((px + t[0]) / 2, (t[1] + sum(pos[p][1] for p in prem) / len(prem)) / 2)
    if t is not None:
        return (t[0], t[1] + sz[rel.target][1] / 2 + LAYER_GAP / 2)
    if prem:
        return (px, top - LAYER_GAP / 2)
    return (0.0, 0.0)


def _free(want: Point, size: Size, pos: Mapping[str, Point], sz: Mapping[str, Size], gap: float = NODE_GAP) -> Point:
    """``want`` slid sideways to the nearest spot where a box of ``size`` clears every placed box."""
    w, h = size
    y = want[1]
    lo, hi = y - h / 2 - gap / 2, y + h / 2 + gap / 2
    spans = []
    for i, p in pos.items():
        s = sz.get(i)
        if s is None:
            continue
        if p[1] - s[1] / 2 < hi and p[1] + s[1] / 2 > lo:
            spans.append((p[0] - s[0] / 2, p[0] + s[0] / 2))
    if not spans:
        return want
    return (Blocks(spans).free_spot(want[0], w / 2, gap), y)
