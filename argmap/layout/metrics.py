"""Quality figures of a drawing: overlapping boxes and crossing edges."""

from __future__ import annotations

from bisect import bisect_right
from operator import itemgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Hashable, Mapping


Point = tuple[float, float]
EPS = 1e-6


def overlaps(
    positions: Mapping[Hashable, Point],
    sizes: Mapping[Hashable, tuple[float, float]],
    ignore: set[tuple[Hashable, Hashable]] | None = None,
) -> int:
    """Number of pairs of boxes (centre ``positions``, ``sizes``) whose interiors
    intersect; boxes that only touch do not count.  Pairs in ``ignore``
    (either order) are skipped."""
    boxes = []
    for nid, (cx, cy) in positions.items():
        s = sizes.get(nid)
        if s is None:
            continue
        hw, hh = s[0] / 2, s[1] / 2
        boxes.append((cx - hw, cy - hh, cx + hw, cy + hh, nid))
    if not boxes:
        return 0
    cell = max(max(b[2] - b[0], b[3] - b[1]) for b in boxes) or 1.0
    grid: dict[tuple[int, int], list[int]] = {}
    for k, (x0, y0, x1, y1, _) in enumerate(boxes):
        for gx in range(int(x0 // cell), int(x1 // cell) + 1):
            for gy in range(int(y0 // cell), int(y1 // cell) + 1):
                grid.setdefault((gx, gy), []).append(k)
    seen: set[tuple[int, int]] = set()
    count = 0
    for members in grid.values():
        for a_i in range(len(members)):
            a = boxes[members[a_i]]
            for b_i in range(a_i + 1, len(members)):
                b = boxes[members[b_i]]
                if a[0] < b[2] - EPS and b[0] < a[2] - EPS and a[1] < b[3] - EPS and b[1] < a[3] - EPS:
                    pair = (members[a_i], members[b_i])
                    if pair in seen:
                        continue
                    seen.add(pair)
                    if ignore and ((a[4], b[4]) in ignore or (b[4], a[4]) in ignore):
                        continue
                    count += 1
    return count


def crossings(graph: Any, positions: Mapping[Hashable, Point]) -> int:
    """Number of pairs of edges of ``graph``, drawn as straight segments between
    centres, that cross at a point inside both.  Edges sharing an end never
    count; horizontal edges are left out.

    The plane is cut into horizontal bands at every end point's y; inside a
    band each segment is a straight piece, and two pieces cross exactly when
    their order at the top differs from their order at the bottom.
    """
    segs = []
    for u, v in graph.edges():
        p, q = positions.get(u), positions.get(v)
        if p is not None and q is not None:
            segs.append((p[0], p[1], q[0], q[1]))
    return segment_crossings(segs)


def segment_crossings(segs: list[tuple[float, float, float, float]]) -> int:
    """Crossings among segments ``(x0, y0, x1, y1)`` as counted by :func:`crossings`."""
    down = [(x0, y0, x1, y1) if y0 < y1 else (x1, y1, x0, y0) for x0, y0, x1, y1 in segs if y0 != y1]
    ys = set(map(itemgetter(1), down))
    ys.update(map(itemgetter(3), down))
    cuts = sorted(ys)
    where = {yv: k for k, yv in enumerate(cuts)}
    bands: list[list[tuple[float, float]]] = [[] for _ in cuts]
    for x0, y0, x1, y1 in down:
        a, b = where[y0], where[y1]
        if b == a + 1:  # most edges join neighbouring rows: one piece
            bands[a].append((x0, x1))
            continue
        slope = (x1 - x0) / (y1 - y0)
        top = x0
        for k in range(a, b - 1):
            bottom = x0 + slope * (cuts[k + 1] - y0)
            bands[k].append((top, bottom))
            top = bottom
        bands[b - 1].append((top, x1))
    return _band_crossings(bands)


def _band_crossings(bands: list[list[tuple[float, float]]]) -> int:
    """Pairs of pieces, in every band, whose order at the band's top differs from that at its bottom."""
    total = 0
    for pieces in bands:
        if len(pieces) > 1:
            pieces.sort()
            total += _flips(pieces)
    return total


def _flips(pieces: list[tuple[float, float]]) -> int:
    """Pairs of the pieces ``(top, bottom)``, sorted, whose order at the bottom is the reverse of that at
    the top: the i-th piece crosses the earlier ones that end right of it, i minus those ending at or
    left of it, summed as m (m - 1) / 2 minus the sum of the insertion points."""
    m = len(pieces)
    after = bisect_right
    seen: list[float] = []
    put = seen.insert
    below = 0
    for _, bottom in pieces:
        k = after(seen, bottom)
        below += k
        put(k, bottom)
    return m * (m - 1) // 2 - below


class RowCrossings:
    """:func:`segment_crossings` of the edges ``ends`` (pairs of point indices) for points whose
    y stay fixed while their x change (the crossing-reduction passes score many x for one y).

    Everything that depends on y alone is worked out once: which way each edge runs, the bands
    between the rows, the cut offsets of the edges that pass several rows, and which points every
    band's pieces join.  A point is one of the given x or, after them, a long edge's x at a row it
    passes (edge after edge, both ends included), so :meth:`count` gathers a band's pieces with
    one :func:`~operator.itemgetter` call for their tops and one for their bottoms, builds exactly
    the pieces :func:`segment_crossings` would build (the same floating-point operations on the
    same numbers) and counts them the same way.
    """

    def __init__(self, ends: list[tuple[int, int]], y: list[float]) -> None:
        down = []
        for u, v in ends:
            y0, y1 = y[u], y[v]
            if y0 != y1:
                down.append((u, v, y0, y1) if y0 < y1 else (v, u, y1, y0))
        cuts = sorted({d[2] for d in down} | {d[3] for d in down})
        where = {yv: k for k, yv in enumerate(cuts)}
        tops: list[list[int]] = [[] for _ in cuts]  # per band: the points its pieces start at
        bottoms: list[list[int]] = [[] for _ in cuts]  # and end at
        long: list[tuple[int, int, float, list[float]]] = []  # top end, bottom end, y1 - y0, cut offsets from y0
        first = len(y)  # the next long edge's first point
        for u, v, y0, y1 in down:
            a, b = where[y0], where[y1]
            if b == a + 1:  # most edges join neighbouring rows: one piece
                tops[a].append(u)
                bottoms[a].append(v)
                continue
            long.append((u, v, y1 - y0, [cuts[k + 1] - y0 for k in range(a, b - 1)]))
            for i, k in enumerate(range(a, b), first):
                tops[k].append(i)
                bottoms[k].append(i + 1)
            first += b - a + 1
        self.long, self.n_points = long, len(y)
        # (a band of fewer than two pieces has nothing to cross; itemgetter of one index gives no tuple)
        self.bands = [(itemgetter(*t), itemgetter(*b)) for t, b in zip(tops, bottoms) if len(t) > 1]

    def count(self, x: list[float]) -> int:
        """The crossings with the points at ``x`` (one x per point of ``y``)."""
        if len(x) != self.n_points:  # (the long edges' points are numbered after them)
            raise ValueError(f"{len(x)} x for {self.n_points} points")
        points = list(x)
        for u, v, dy, offs in self.long:
            x0, x1 = x[u], x[v]
            slope = (x1 - x0) / dy
            points.append(x0)
            points += [x0 + slope * off for off in offs]
            points.append(x1)
        total = 0
        for top, bottom in self.bands:
            total += _flips(sorted(zip(top(points), bottom(points))))
        return total
