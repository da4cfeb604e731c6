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
    for _ in range(sweeps):
        if not best:
            break
        saved = [list(c) for c in s.children[:ns]]
        if not _sweep(s, full(x), y, along, gap, group_attacks, limit, work):
            break
        x2 = place()
        sc = score(x2)
        if sc < best:
            best, x = sc, x2
        else:
            s.children[:ns] = saved
            break
    return x


def _sweep(s: Structure, x: list[float], y: list[float], along: list[float], gap: float,
           group_attacks: bool, limit: int, work: int) -> bool:
    """One pass over all neighbouring reasons, bottom-up; True when something was swapped."""
    ns, n = s.ns, s.n
    children, premises, target, attack = s.children, s.premises, s.target, s.attack
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
    if not any(is_cross):
        return False
    at: list[list[int]] = [[] for _ in range(n)]
    for k, (a, b) in enumerate(segs):
        at[a].append(k)
        at[b].append(k)
    cross_segs = [k for k, c in enumerate(is_cross) if c]
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
            work -= len(moved) * len(cross_segs) + n_cross * len(segs)
            if work < 0:
                return swapped
            la = min(x[u] - along[u] / 2 for u in na)
            lb = min(x[u] - along[u] / 2 for u in nb)
            rb = max(x[u] + along[u] / 2 for u in nb)
            shift = {u: rb - lb + gap for u in na}
            shift.update({u: la - lb for u in nb})
            if _delta(segs, is_cross, cross_segs, moved, x, y, shift) < 0:
                for u, d in shift.items():
                    x[u] += d
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


def _delta(segs: list[Seg], is_cross: list[bool], cross_segs: list[int], moved: set[int],
           x: list[float], y: list[float], shift: dict[int, float]) -> int:
    """Crossings after minus before, for the edges in ``moved`` when ``shift`` is applied."""
    def coords(k: int, after: bool) -> tuple[float, float, float, float]:
        a, b = segs[k]
        xa, xb = x[a], x[b]
        if after:
            xa += shift.get(a, 0.0)
            xb += shift.get(b, 0.0)
        return xa, y[a], xb, y[b]

    before = {m: coords(m, False) for m in moved}
    after = {m: coords(m, True) for m in moved}
    lo = min(min(c[0], c[2]) for c in (*before.values(), *after.values()))
    hi = max(max(c[0], c[2]) for c in (*before.values(), *after.values()))
    fixed_cross = []
    for o in cross_segs:
        if o not in moved:
            a, b = segs[o]
            if max(x[a], x[b]) > lo and min(x[a], x[b]) < hi:
                fixed_cross.append(o)
    total = 0
    ordered = sorted(moved)
    for m in ordered:
        ends = segs[m]
        m0, m1 = before[m], after[m]
        if is_cross[m]:  # against every edge it may reach, moved or not
            span_lo = min(m0[0], m0[2], m1[0], m1[2])
            span_hi = max(m0[0], m0[2], m1[0], m1[2])
            others = []
            for o, (a, b) in enumerate(segs):
                if o not in moved and max(x[a], x[b]) > span_lo and min(x[a], x[b]) < span_hi:
                    others.append(o)
        else:
            others = fixed_cross
        b0 = (min(m0[0], m0[2]), max(m0[0], m0[2]), min(m0[1], m0[3]), max(m0[1], m0[3]))
        b1 = (min(m1[0], m1[2]), max(m1[0], m1[2]), b0[2], b0[3])
        for o in others:
            a, b = segs[o]
            if a in ends or b in ends:
                continue
            ya, yb = y[a], y[b]
            if (ya <= b0[2] and yb <= b0[2]) or (ya >= b0[3] and yb >= b0[3]):
                continue
            xa, xb = x[a], x[b]
            q = (xa, ya, xb, yb)
            hit0 = not ((xa <= b0[0] and xb <= b0[0]) or (xa >= b0[1] and xb >= b0[1])) and _cross(m0, q)
            hit1 = not ((xa <= b1[0] and xb <= b1[0]) or (xa >= b1[1] and xb >= b1[1])) and _cross(m1, q)
            total += hit1 - hit0
        for o in ordered:  # pairs of moved edges, once each, one of them a cross relation's
            if o <= m or not (is_cross[m] or is_cross[o]):
                continue
            e = segs[o]
            if e[0] in ends or e[1] in ends:
                continue
            total += _cross(m1, after[o]) - _cross(m0, before[o])
    return total


def _cross(p: tuple[float, float, float, float], q: tuple[float, float, float, float]) -> int:
    ax, ay, bx, by = p
    cx, cy, dx, dy = q
    if max(ax, bx) <= min(cx, dx) or max(cx, dx) <= min(ax, bx):
        return 0
    if max(ay, by) <= min(cy, dy) or max(cy, dy) <= min(ay, by):
        return 0
    d1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    d2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax)
    d3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)
    d4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx)
    return 1 if d1 * d2 < 0 and d3 * d4 < 0 else 0
