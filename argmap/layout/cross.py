"""Relations outside the layout's spanning tree ("cross" relations): where their junctions go, and
the crossings and card overlaps their edges make (what the layout's passes weigh)."""

from __future__ import annotations

from .metrics import segment_crossings
from .rows import Row
from .structure import CrossRows, Structure


def segments(s: Structure, x: list[float], y: list[float]) -> list[tuple[float, float, float, float]]:
    segs = []
    for r in range(s.n_statements, s.n_nodes):
        xr, yr = x[r], y[r]
        for p in s.premises[r]:
            segs.append((x[p], y[p], xr, yr))
        t = s.target[r]
        if t >= 0:
            segs.append((xr, yr, x[t], y[t]))
    return segs


def edge_ends(s: Structure) -> list[tuple[int, int]]:
    """The ends of the segments :func:`segments` draws, in the same order."""
    ends: list[tuple[int, int]] = []
    for r in range(s.n_statements, s.n_nodes):
        ends.extend((p, r) for p in s.premises[r])
        t = s.target[r]
        if t >= 0:
            ends.append((r, t))
    return ends


def cross_crossings(s: Structure, x: list[float], y: list[float]) -> int:
    """Crossings that involve an edge of a cross relation (a tidy tree hardly crosses itself):
    the cheap figure compaction weighs, pair by pair, or by the sweep when there are many."""
    segs = segments(s, x, y)
    mine: list[tuple[float, float, float, float]] = []
    for r in s.cross:
        xr, yr = x[r], y[r]
        mine.extend((x[p], y[p], xr, yr) for p in s.premises[r])
        t = s.target[r]
        if t >= 0:
            mine.append((xr, yr, x[t], y[t]))
    if len(mine) * len(segs) > 40_000:
        return segment_crossings(segs)
    count = 0
    for m in mine:
        m0, m1, m2, m3 = m
        mx0, mx1 = (m0, m2) if m0 < m2 else (m2, m0)
        my0, my1 = (m1, m3) if m1 < m3 else (m3, m1)
        for q in segs:
            a, b, c, d = q
            if (a <= mx0 and c <= mx0) or (a >= mx1 and c >= mx1) or (b <= my0 and d <= my0) or (b >= my1 and d >= my1):
                continue
            if _proper_cross(m, q):
                count += 1
    return count


def _proper_cross(p: tuple[float, float, float, float], q: tuple[float, float, float, float]) -> bool:
    """Do two segments cross at a point inside both (not at a shared end)?"""
    ax, ay, bx, by = p
    cx, cy, dx, dy = q
    d1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    d2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax)
    d3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)
    d4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx)
    return d1 * d2 < 0 and d3 * d4 < 0


def through_cards(s: Structure, x: list[float], y: list[float], along: list[float], across: list[float]) -> int:
    """Edges of cross relations (straight, from a card's near side to the junction) through other cards."""
    ns = s.n_statements
    boxes = [(x[i] - along[i] / 2, y[i] - across[i] / 2, x[i] + along[i] / 2, y[i] + across[i] / 2) for i in range(ns)]
    count = 0
    for r in s.cross:
        ends = [(p, x[p], y[p] - across[p] / 2 if y[p] > y[r] else y[p] + across[p] / 2) for p in s.premises[r]]
        t = s.target[r]
        if 0 <= t < ns:
            ends.append((t, x[t], y[t] + across[t] / 2 if y[t] < y[r] else y[t] - across[t] / 2))
        for e, x0, y0 in ends:
            x1, y1 = x[r], y[r]
            # the drawn curve leaves both ends straight along the flow: its control polygon
            k = min(60.0, 0.45 * ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5) * (1.0 if y1 > y0 else -1.0)
            pts = ((x0, y0), (x0, y0 + k), (x1, y1 - k), (x1, y1))
            lo_x, hi_x, lo_y, hi_y = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
            for i, (bx0, by0, bx1, by1) in enumerate(boxes):
                if i == e or bx0 >= hi_x or bx1 <= lo_x or by0 >= hi_y or by1 <= lo_y:
                    continue
                if any(segment_hits_box(*a, *b, bx0, by0, bx1, by1) for a, b in zip(pts, pts[1:])):
                    count += 1
                    break
    return count


def segment_hits_box(
    x0: float, y0: float, x1: float, y1: float, bx0: float, by0: float, bx1: float, by1: float
) -> bool:
    """Does the segment pass through the box's interior (Liang-Barsky clipping)?"""
    t0, t1 = 0.0, 1.0
    dx, dy = x1 - x0, y1 - y0
    for p, q in ((-dx, x0 - bx0), (dx, bx1 - x0), (-dy, y0 - by0), (dy, by1 - y0)):
        if p == 0:
            if q <= 0:
                return False
        else:
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
            if t0 >= t1:
                return False
    return True


def place_cross(s: Structure, x: list[float], y: list[float], along: list[float], node_gap: float) -> None:
    """Junctions of relations outside the tree: in the row below their target,
    on the line towards their premises, in the nearest free spot."""
    ns = s.n_statements
    if not s.cross:
        return
    level = s.level
    rows: dict[int, Row] = {}
    for lv, (members, hws) in _cross_rows(s, along).items():  # the tree junctions in those rows
        sp = sorted([(x[r] - hw, x[r] + hw) for r, hw in zip(members, hws)])
        row = rows[lv] = Row()
        row.lefts = [a for a, _ in sp]
        row.rights = [b for _, b in sp]
    done: set[int] = set()
    jgap = node_gap / 2

    def place(r: int) -> None:
        done.add(r)
        t = s.target[r]
        if t >= ns and t in cross_set and t not in done:
            place(t)
        prem = s.premises[r]
        yr = y[r]
        if len(prem) == 1:  # (the mean of one: the same number)
            px, py = x[prem[0]], y[prem[0]]
        elif prem:
            px = sum([x[p] for p in prem]) / len(prem)
            py = sum([y[p] for p in prem]) / len(prem)
        if t < 0:
            want = px if prem else 0.0
        elif not prem:
            want = x[t]
        elif t >= ns:  # beside the junction it attacks, towards its premises
            want = x[t] + (along[t] + along[r]) / 2 + jgap if px >= x[t] else x[t] - (along[t] + along[r]) / 2 - jgap
        elif py != y[t]:
            want = x[t] + (px - x[t]) * (yr - y[t]) / (py - y[t])
        else:
            want = (px + x[t]) / 2
        row = rows.get(level[r])
        if row is None:
            row = rows[level[r]] = Row()
        hw = along[r] / 2
        c = row.free_spot(want, hw, jgap)
        x[r] = c
        row.add(c - hw, c + hw)

    cross_set = set(s.cross)
    for r in s.cross:
        if r not in done:
            place(r)


def _cross_rows(s: Structure, along: list[float]) -> CrossRows:
    """Every row that holds a cross junction, with the tree junctions in it and their half extents:
    they depend on the rows alone, so they are worked out once for each ``s.level`` (a new list
    whenever the rows change) and remembered on ``s``."""
    memo = s.cross_rows
    if memo is not None and memo[0] is s.level and memo[1] is along:
        return memo[2]
    level = s.level
    rows: CrossRows = {level[r]: ([], []) for r in s.cross}
    tree = s.junctions
    if tree is None:
        tree = [r for r in range(s.n_statements, s.n_nodes) if s.children[r]]
    for r in tree:
        row = rows.get(level[r])
        if row is not None:
            row[0].append(r)
            row[1].append(along[r] / 2)
    s.cross_rows = (level, along, rows)
    return rows
