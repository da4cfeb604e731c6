"""Transposition of neighbouring reasons: swap two sibling subtrees when that removes edge crossings.

After the barycentre rounds, every pair of neighbouring reasons under a
statement (supports with supports, objections with objections) is tried the
other way round.  The change in crossings is counted exactly for the edges
touching the two subtrees, with the subtrees moved rigidly into each other's
place (what the tidy pass then does, up to the interlocking of contours);
a sweep of swaps is kept only when the exact count of the re-placed drawing
confirms it.
"""
from __future__ import annotations

from typing import Callable

from .structure import Structure, reason_units

Seg = tuple[int, int]


def transpose(s: Structure, x: list[float], y: list[float], along: list[float], gap: float,
              place: Callable[[], list[float]], full: Callable[[list[float]], list[float]],
              score: Callable[[list[float]], int], group_attacks: bool, sweeps: int = 2,
              limit: int = 80, work: int = 200_000) -> list[float]:
    """Better x after up to ``sweeps`` sweeps (``s.children`` left in the order that gave it).

    ``place`` re-places the tree for the current order, ``full`` adds the cross
    junctions to an x, ``score`` counts crossings; swaps touching more than
    ``limit`` edges are not tried, and a sweep stops after about ``work``
    edge-pair tests.
    """
    ns = s.ns
    best = score(x)
    edges = None
    for _ in range(sweeps):
        if not best:
            break
        saved = [list(c) for c in s.children[:ns]]
        if edges is None:
            edges = _Edges(s, y)
        if not _sweep(s, edges, full(x), y, along, gap, group_attacks, limit, work):
            break
        x2 = place()
        sc = score(x2)
        if sc < best:
            best, x = sc, x2
        else:
            s.children[:ns] = saved
            break
    return x


class _Edges:
    """What the sweeps share: the edges (premise -> junction, junction -> target) as node pairs,
    which are a cross relation's, the edges at every node, and the edges grouped by the rows they
    span (the rows do not change while transposing)."""

    def __init__(self, s: Structure, y: list[float]) -> None:
        ns, n = s.ns, s.n
        premises, target = s.premises, s.target
        cross = set(s.cross)
        segs: list[Seg] = []
        is_cross: list[bool] = []
        for r in range(ns, n):
            t = target[r]
            for p in premises[r]:
                segs.append((p, r))
                is_cross.append(r in cross)
            if t >= 0:
                segs.append((r, t))
                is_cross.append(r in cross)
        at: list[list[int]] = [[] for _ in range(n)]
        for k, (a, b) in enumerate(segs):
            at[a].append(k)
            at[b].append(k)
        rows: dict[tuple[float, float], tuple[list[int], list[int]]] = {}
        for k, (a, b) in enumerate(segs):
            ya, yb = y[a], y[b]
            every, crossing = rows.setdefault((min(ya, yb), max(ya, yb)), ([], []))
            every.append(k)
            if is_cross[k]:
                crossing.append(k)
        self.segs, self.is_cross, self.at, self.y = segs, is_cross, at, y
        self.n_cross = sum(is_cross)
        self.bands = [(lo, hi, every, crossing) for (lo, hi), (every, crossing) in sorted(rows.items())]
        self.near: dict[tuple[float, float], tuple[list[int], list[int]]] = {}  # see _Index.delta


def _sweep(s: Structure, edges: _Edges, x: list[float], y: list[float], along: list[float], gap: float,
           group_attacks: bool, limit: int, work: int) -> bool:
    """One pass over all neighbouring reasons, bottom-up; True when something was swapped."""
    ns, n = s.ns, s.n
    children, premises, target, attack = s.children, s.premises, s.target, s.attack
    segs, is_cross, at = edges.segs, edges.is_cross, edges.at
    if not edges.n_cross:
        return False
    n_cross_segs = edges.n_cross
    index = _Index(edges, x)
    # depth-first order of the tree; a cross junction rides with what it hangs under
    tin = [-1] * n
    by_tin: list[int] = []
    stack = list(reversed(s.roots))
    while stack:
        v = stack.pop()
        tin[v] = len(by_tin)
        by_tin.append(v)
        stack.extend(reversed(children[v]))
    size = [1] * n
    for v in reversed(by_tin):
        for c in children[v]:
            size[v] += size[c]
    riders: dict[int, list[int]] = {}
    for r in s.cross:
        o = r
        while o >= ns and tin[o] < 0:
            o = target[o] if target[o] >= 0 else (premises[o][0] if premises[o] else -1)
            if o < 0:
                break
        if o >= 0 and tin[o] >= 0:
            riders.setdefault(o, []).append(r)
    swapped = False
    for v in sorted(range(ns), key=lambda i: -s.layer[i]):
        ch = children[v]
        if len(ch) < 2:
            continue
        units = reason_units(ch, target, v)
        i = 0
        while i + 1 < len(units):
            a, b = units[i], units[i + 1]
            if group_attacks and attack[a[0]] != attack[b[0]]:
                i += 1
                continue
            na = [by_tin[k] for r in a for k in range(tin[r], tin[r] + size[r])]
            nb = [by_tin[k] for r in b for k in range(tin[r], tin[r] + size[r])]
            na += [q for u in na for q in riders.get(u, ())]
            nb += [q for u in nb for q in riders.get(u, ())]
            moved = {k for u in na + nb for k in at[u]}
            n_cross = sum(is_cross[k] for k in moved)
            if len(moved) > limit or not n_cross:
                i += 1
                continue
            # the budget counts the edge pairs a plain test of every pair would make (machine-independent)
            work -= len(moved) * n_cross_segs + n_cross * len(segs)
            if work < 0:
                return swapped
            la = min(x[u] - along[u] / 2 for u in na)
            lb = min(x[u] - along[u] / 2 for u in nb)
            rb = max(x[u] + along[u] / 2 for u in nb)
            shift = {u: rb - lb + gap for u in na}
            shift.update({u: la - lb for u in nb})
            if index.delta(moved, shift) < 0:
                for u, d in shift.items():
                    x[u] += d
                index.update(moved)
                units[i], units[i + 1] = b, a
                # the depth-first numbers of both subtrees follow the new order
                lo = min(tin[r] for r in a)
                seq = [by_tin[k] for r in b + a for k in range(tin[r], tin[r] + size[r])]
                by_tin[lo:lo + len(seq)] = seq
                for k, u in enumerate(seq, lo):
                    tin[u] = k
                swapped = True
            i += 1
        children[v] = [r for u in units for r in u]
    return swapped


class _Index:
    """The edges of one sweep as plain coordinates, grouped by the rows they span, for exact
    crossing deltas that look only at edges able to cross the moved ones."""

    def __init__(self, edges: _Edges, x: list[float]) -> None:
        self.segs, self.is_cross, self.x, self.y = edges.segs, edges.is_cross, x, edges.y
        # per edge: its x extent, its ends, the ends' differences (dx - cx, dy - cy), its end nodes
        self.geo: list[tuple] = [(0.0,) * 10] * len(self.segs)
        self.left = [0.0] * len(self.segs)  # the x extents again, for the quick test alone
        self.right = [0.0] * len(self.segs)
        self.update(range(len(self.segs)))
        self.near, self.bands = edges.near, edges.bands

    def update(self, ks: object) -> None:
        """Refresh the coordinates of edges ``ks`` after their ends moved."""
        segs, x, y, geo, left, right = self.segs, self.x, self.y, self.geo, self.left, self.right
        for k in ks:  # type: ignore[attr-defined]
            a, b = segs[k]
            xa, xb = x[a], x[b]
            ya, yb = y[a], y[b]
            lo, hi = (xa, xb) if xa < xb else (xb, xa)
            geo[k] = (lo, hi, xa, ya, xb, yb, xb - xa, yb - ya, a, b)
            left[k], right[k] = lo, hi

    def delta(self, moved: set[int], shift: dict[int, float]) -> int:
        """Crossings after minus before when ``shift`` is applied, counted for every pair of edges
        with at least one edge in ``moved`` and at least one of a cross relation (tree edges move
        rigidly with their subtrees and do not cross one another).

        The rows are fixed for the whole sweep, so the edges of the bands an edge spanning
        ``[ylo, yhi]`` can meet are gathered into one list once per such span and remembered.  The crossing test is
        :func:`_cross`'s (its boxes known to overlap) written out, with the moved edge's differences computed
        once: the same floating-point operations on the same numbers, so the same answers."""
        segs, is_cross, x, y, geo = self.segs, self.is_cross, self.x, self.y, self.geo
        near, left, right = self.near, self.left, self.right
        before: dict[int, tuple[float, float, float, float]] = {}
        after: dict[int, tuple[float, float, float, float]] = {}
        for m in moved:
            a, b = segs[m]
            xa, xb = x[a], x[b]
            before[m] = (xa, y[a], xb, y[b])
            after[m] = (xa + shift.get(a, 0.0), y[a], xb + shift.get(b, 0.0), y[b])
        total = 0
        ordered = sorted(moved)
        # the moved edges after each one, all of them and only the cross relations' ones
        later = {m: ordered[i + 1:] for i, m in enumerate(ordered)}
        later_cross = {}
        rest: list[int] = []
        for m in reversed(ordered):
            later_cross[m] = rest
            if is_cross[m]:
                rest = [m] + rest
        for m in ordered:
            a_m, b_m = segs[m]
            m0, m1 = before[m], after[m]
            ax0, ay, bx0, by = m0
            ax1, bx1 = m1[0], m1[2]
            lo0, hi0 = (ax0, bx0) if ax0 < bx0 else (bx0, ax0)
            lo1, hi1 = (ax1, bx1) if ax1 < bx1 else (bx1, ax1)
            ylo, yhi = (ay, by) if ay < by else (by, ay)
            span_lo = lo1 if lo1 < lo0 else lo0
            span_hi = hi1 if hi1 > hi0 else hi0
            ex0, ex1, ey = bx0 - ax0, bx1 - ax1, by - ay
            mine = is_cross[m]
            spans = near.get((ylo, yhi))
            if spans is None:
                every: list[int] = []
                crossing: list[int] = []
                for blo, bhi, e, c in self.bands:
                    if not (bhi <= ylo or blo >= yhi):
                        every += e
                        crossing += c
                spans = near[(ylo, yhi)] = (every, crossing)
            for o in spans[0] if mine else spans[1]:
                if right[o] <= span_lo or left[o] >= span_hi or o in moved:
                    continue
                glo, ghi, cx, cy, dx, dy, gx, gy, a, b = geo[o]
                if a == a_m or a == b_m or b == a_m or b == b_m:
                    continue
                cya, dya = cy - ay, dy - ay
                hit0 = False
                if glo < hi0 and ghi > lo0:
                    d1 = ex0 * cya - ey * (cx - ax0)
                    d2 = ex0 * dya - ey * (dx - ax0)
                    if d1 * d2 < 0:
                        d3 = gx * (ay - cy) - gy * (ax0 - cx)
                        d4 = gx * (by - cy) - gy * (bx0 - cx)
                        hit0 = d3 * d4 < 0
                hit1 = False
                if glo < hi1 and ghi > lo1:
                    d1 = ex1 * cya - ey * (cx - ax1)
                    d2 = ex1 * dya - ey * (dx - ax1)
                    if d1 * d2 < 0:
                        d3 = gx * (ay - cy) - gy * (ax1 - cx)
                        d4 = gx * (by - cy) - gy * (bx1 - cx)
                        hit1 = d3 * d4 < 0
                if hit0 != hit1:
                    total += 1 if hit1 else -1
            # pairs of moved edges, once each, one of them a cross relation's
            for o in (later[m] if mine else later_cross[m]):
                a, b = segs[o]
                if a == a_m or a == b_m or b == a_m or b == b_m:
                    continue
                total += _cross(m1, after[o]) - _cross(m0, before[o])
        return total


def _cross(p: tuple[float, float, float, float], q: tuple[float, float, float, float]) -> int:
    ax, ay, bx, by = p
    cx, cy, dx, dy = q
    lo1, hi1 = (ax, bx) if ax < bx else (bx, ax)
    lo2, hi2 = (cx, dx) if cx < dx else (dx, cx)
    if hi1 <= lo2 or hi2 <= lo1:
        return 0
    lo1, hi1 = (ay, by) if ay < by else (by, ay)
    lo2, hi2 = (cy, dy) if cy < dy else (dy, cy)
    if hi1 <= lo2 or hi2 <= lo1:
        return 0
    d1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    d2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax)
    d3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)
    d4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx)
    return 1 if d1 * d2 < 0 and d3 * d4 < 0 else 0
