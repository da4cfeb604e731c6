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

from bisect import bisect_left
from typing import TYPE_CHECKING

from .structure import Structure, preorder, reason_units

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable


Seg = tuple[int, int]


def transpose(
    s: Structure,
    x: list[float],
    y: list[float],
    along: list[float],
    gap: float,
    place: Callable[[], list[float]],
    full: Callable[[list[float]], list[float]],
    score: Callable[[list[float]], int],
    group_attacks: bool,
    sweeps: int = 2,
    limit: int = 80,
    work: int = 200_000,
) -> list[float]:
    """Better x after up to ``sweeps`` sweeps (``s.children`` left in the order that gave it).

    ``place`` re-places the tree for the current order, ``full`` adds the cross
    junctions to an x, ``score`` counts crossings; swaps touching more than
    ``limit`` edges are not tried, and a sweep stops after about ``work``
    edge-pair tests.
    """
    ns = s.n_statements
    best = score(x)
    edges = None
    for _ in range(sweeps):
        if not best:
            break
        saved = s.children[:ns]
        if edges is None:
            edges = Edges(s, y)
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


class Edges:
    """What the sweeps share: the edges (premise -> junction, junction -> target) as node pairs,
    which are a cross relation's, the edges at every node, and the edges grouped by the rows they
    span (the rows do not change while transposing).

    A tree edge between two neighbouring rows ("short") is filed under the band between them;
    every other edge (a cross relation's, or a tree edge over several rows) under its span of
    rows.  A moved edge of a cross relation meets the short edges of each band it passes only
    near its own piece of that band, which :class:`_Index` finds by bisection."""

    def __init__(self, s: Structure, y: list[float]) -> None:
        ns, n = s.n_statements, s.n_nodes
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
        rows = sorted({y[a] for a, _ in segs} | {y[b] for _, b in segs})
        where = {yv: k for k, yv in enumerate(rows)}
        short: list[list[int]] = [[] for _ in rows]  # per band (between rows k and k + 1)
        spans: dict[tuple[float, float], tuple[list[int], list[int]]] = {}
        for k, (a, b) in enumerate(segs):
            ya, yb = y[a], y[b]
            lo, hi = (ya, yb) if ya < yb else (yb, ya)
            if not is_cross[k] and where[hi] == where[lo] + 1:
                short[where[lo]].append(k)
                continue
            every, crossing = spans.setdefault((lo, hi), ([], []))
            every.append(k)
            if is_cross[k]:
                crossing.append(k)
        self.segs, self.is_cross, self.at, self.y = segs, is_cross, at, y
        self.n_cross = sum(is_cross)
        self.rows, self.where, self.short = rows, where, short
        self.bands = [(lo, hi, every, crossing) for (lo, hi), (every, crossing) in sorted(spans.items())]
        self.near: dict[tuple[float, float], tuple[list[int], list[int]]] = {}  # see _Index.delta


def _sweep(
    s: Structure,
    edges: Edges,
    x: list[float],
    y: list[float],
    along: list[float],
    gap: float,
    group_attacks: bool,
    limit: int,
    work: int,
) -> bool:
    """One pass over all neighbouring reasons, bottom-up; True when something was swapped."""
    ns, n = s.n_statements, s.n_nodes
    children, premises, target, attack, read = s.children, s.premises, s.target, s.attack, s.read
    segs, is_cross, at = edges.segs, edges.is_cross, edges.at
    if not edges.n_cross:
        return False
    n_cross_segs = edges.n_cross
    index = _Index(edges, x)
    # depth-first order of the tree; a cross junction rides with what it hangs under
    tin = [-1] * n
    by_tin, size = preorder(s)
    for k, v in enumerate(by_tin):
        tin[v] = k
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
            if (group_attacks and attack[a[0]] != attack[b[0]]) or (read is not None and read[a[0]] != read[b[0]]):
                i += 1  # supports stay before objections, reasons in reading order
                continue
            # every node of the two subtrees brings its own edge to its parent into ``moved``: when
            # they are too many, so are the moved edges, and the subtrees need not be listed
            if sum([size[r] for r in a]) + sum([size[r] for r in b]) > limit:
                i += 1
                continue
            na = [by_tin[k] for r in a for k in range(tin[r], tin[r] + size[r])]
            nb = [by_tin[k] for r in b for k in range(tin[r], tin[r] + size[r])]
            na += [q for u in na for q in riders.get(u, ())]
            nb += [q for u in nb for q in riders.get(u, ())]
            moved = {k for u in na + nb for k in at[u]}
            n_cross = sum([is_cross[k] for k in moved])
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
                index.moved(moved)
                units[i], units[i + 1] = b, a
                # the depth-first numbers of both subtrees follow the new order
                lo = min(tin[r] for r in a)
                seq = [by_tin[k] for r in b + a for k in range(tin[r], tin[r] + size[r])]
                by_tin[lo : lo + len(seq)] = seq
                for k, u in enumerate(seq, lo):
                    tin[u] = k
                swapped = True
            i += 1
        children[v] = [r for u in units for r in u]
    return swapped


class _Index:
    """The edges of one sweep as plain coordinates, grouped by the rows they span, for exact
    crossing deltas that look only at edges able to cross the moved ones."""

    def __init__(self, edges: Edges, x: list[float]) -> None:
        self.segs, self.is_cross, self.x, self.y = edges.segs, edges.is_cross, x, edges.y
        # per edge: its x extent, its ends, the ends' differences (dx - cx, dy - cy), its end nodes
        self.geo: list[tuple[float, float, float, float, float, float, float, float, int, int]] = [
            (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0, 0)
        ] * len(self.segs)
        self.left = [0.0] * len(self.segs)  # the x extents again, for the quick test alone
        self.right = [0.0] * len(self.segs)
        self.update(range(len(self.segs)))
        self.near, self.bands = edges.near, edges.bands
        self.rows, self.where, self.short = edges.rows, edges.where, edges.short
        self.filed: list[tuple[list[float], list[int], float, list[int]] | None] = [None] * len(self.rows)
        for k in range(len(self.rows)):
            self._file(k)

    def update(self, ks: Iterable[int]) -> None:
        """Refresh the coordinates of edges ``ks`` after their ends moved."""
        segs, x, y, geo, left, right = self.segs, self.x, self.y, self.geo, self.left, self.right
        for k in ks:
            a, b = segs[k]
            xa, xb = x[a], x[b]
            ya, yb = y[a], y[b]
            lo, hi = (xa, xb) if xa < xb else (xb, xa)
            geo[k] = (lo, hi, xa, ya, xb, yb, xb - xa, yb - ya, a, b)
            left[k], right[k] = lo, hi

    def moved(self, ks: set[int]) -> None:
        """:meth:`update` after a swap, and the bands of the moved short edges filed again."""
        self.update(ks)
        y, where, segs = self.y, self.where, self.segs
        again = set()
        for k in ks:
            if not self.is_cross[k]:
                a, b = segs[k]
                ya, yb = y[a], y[b]
                lo, hi = (ya, yb) if ya < yb else (yb, ya)
                if where[hi] == where[lo] + 1:
                    again.add(where[lo])
        for k in again:
            self._file(k)

    def _file(self, k: int) -> None:
        """Band ``k``'s short edges sorted by their left ends, with the widest of them (the
        narrowest four fifths; the wider ones are kept apart and always looked at)."""
        ids = self.short[k]
        if not ids:
            self.filed[k] = None
            return
        left, right = self.left, self.right
        cap = sorted(right[o] - left[o] for o in ids)[len(ids) * 4 // 5]
        narrow = sorted((o for o in ids if right[o] - left[o] <= cap), key=left.__getitem__)
        self.filed[k] = ([left[o] for o in narrow], narrow, cap, [o for o in ids if right[o] - left[o] > cap])

    def _near_short(self, ty: float, tx0: float, tx1: float, hy: float, hx0: float, hx1: float) -> list[int]:
        """The short edges of the bands between rows ``ty`` and ``hy`` that come near an edge from
        ``(tx0, ty)`` to ``(hx0, hy)`` or from ``(tx1, ty)`` to ``(hx1, hy)``: whose x extent reaches
        (within half a unit, far more than rounding) the edge's piece of their band.  Any edge one
        of the two crosses is among them."""
        rows, filed = self.rows, self.filed
        k0, k1 = self.where[ty], self.where[hy]
        out: list[int] = []
        if k1 <= k0:  # a level edge: no band lies strictly between its rows
            return out
        dy = hy - ty
        s0, s1 = (hx0 - tx0) / dy, (hx1 - tx1) / dy
        p0, p1 = tx0, tx1
        for k in range(k0, k1):
            if k + 1 < k1:
                off = rows[k + 1] - ty
                q0, q1 = tx0 + s0 * off, tx1 + s1 * off
            else:
                q0, q1 = hx0, hx1
            f = filed[k]
            if f is not None:
                lefts, ids, reach, wide = f
                lo0, hi0 = (p0 - 0.5, q0 + 0.5) if p0 < q0 else (q0 - 0.5, p0 + 0.5)
                lo1, hi1 = (p1 - 0.5, q1 + 0.5) if p1 < q1 else (q1 - 0.5, p1 + 0.5)
                i0, e0 = bisect_left(lefts, lo0 - reach), bisect_left(lefts, hi0)
                i1, e1 = bisect_left(lefts, lo1 - reach), bisect_left(lefts, hi1)
                if i1 <= e0 and i0 <= e1:
                    out += ids[i0 if i0 < i1 else i1 : e0 if e0 > e1 else e1]
                else:
                    out += ids[i0:e0]
                    out += ids[i1:e1]
                if wide:
                    out += wide
            p0, p1 = q0, q1
        return out

    def delta(self, moved: set[int], shift: dict[int, float]) -> int:
        """Crossings after minus before when ``shift`` is applied, counted for every pair of edges
        with at least one edge in ``moved`` and at least one of a cross relation (tree edges move
        rigidly with their subtrees and do not cross one another).

        The rows are fixed for the whole sweep, so the long edges an edge spanning ``[ylo, yhi]``
        can meet are gathered into one list once per such span and remembered; the short tree edges
        a moved cross relation's edge can meet are found band by band (:meth:`_near_short`).  The
        crossing test is :func:`_cross`'s (its boxes known to overlap) written out, with the moved
        edge's differences computed once: the same floating-point operations on the same numbers,
        so the same answers."""
        segs, is_cross, x, y, geo = self.segs, self.is_cross, self.x, self.y, self.geo
        near, left, right = self.near, self.left, self.right
        before: dict[int, tuple[float, float, float, float]] = {}
        after: dict[int, tuple[float, float, float, float]] = {}
        box: dict[int, tuple[float, float, float, float, float, float]] = {}  # x extents before, after; y
        for m in moved:
            a, b = segs[m]
            xa, xb, ya, yb = x[a], x[b], y[a], y[b]
            before[m] = (xa, ya, xb, yb)
            xa1, xb1 = xa + shift.get(a, 0.0), xb + shift.get(b, 0.0)
            after[m] = (xa1, ya, xb1, yb)
            box[m] = (
                ((xa, xb) if xa < xb else (xb, xa))
                + ((xa1, xb1) if xa1 < xb1 else (xb1, xa1))
                + ((ya, yb) if ya < yb else (yb, ya))
            )
        total = 0
        ordered = sorted(moved)
        # the moved edges after each one, all of them and only the cross relations' ones
        later = {m: ordered[i + 1 :] for i, m in enumerate(ordered)}
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
            if mine:
                if ay < by:
                    others = self._near_short(ay, ax0, ax1, by, bx0, bx1)
                else:
                    others = self._near_short(by, bx0, bx1, ay, ax0, ax1)
                others += spans[0]
            else:
                others = spans[1]
            for o in others:
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
            for o in later[m] if mine else later_cross[m]:
                olo0, ohi0, olo1, ohi1, oylo, oyhi = box[o]
                if oyhi <= ylo or oylo >= yhi:
                    continue  # rows apart: _cross would say 0
                a, b = segs[o]
                if a == a_m or a == b_m or b == a_m or b == b_m:
                    continue
                if olo1 < hi1 and lo1 < ohi1:
                    total += _cross(m1, after[o])
                if olo0 < hi0 and lo0 < ohi0:
                    total -= _cross(m0, before[o])
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
