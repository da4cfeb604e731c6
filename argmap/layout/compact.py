"""Compaction of wide fan-outs: a target's reasons wrapped into bands, each band below the one before.

A statement with many reasons lays them out in one very wide row.  Each of
its reasons gets a band (0: the usual row); the reasons keep their
left-to-right order (supports before objections), but a reason of band
``j`` hangs below the deepest rows of its nearest neighbours of earlier
bands.  A wrapped reason keeps its junction in the target's junction row,
straight above its premise, so the edge between them is a vertical line;
the tidy pass reserves that line as a channel through the rows it crosses
(a subtree whose top lies deeper than the row below its parent gets a
zero-width contour there), so no card is ever on it.  Only single-premise
reasons whose subtree nothing outside points into can be wrapped: shifting
such a subtree down keeps every premise below its target.  An undercut of a
wrapped reason (hanging under the same target) wraps with it: its junction
stays beside the attacked one, its premise's edge is a channel of its own.
Bands are chosen by hill climbing on how large the drawing comes out on a
page of the wanted aspect ratio.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING

from .structure import Structure, preorder, reason_units

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    Measure = Callable[
        ..., tuple[float, float, list[float], int, int]
    ]  # ([x]) -> w, h, x, crossings, edges through cards


MAX_BANDS = 3
PATIENCE = 8  # on big maps, changes tried per round before giving up


class Bands:
    """The wrappable reasons of a laid-out structure and the layers for a choice of bands."""

    def __init__(self, s: Structure) -> None:
        self.s = s
        self.base = list(s.layer)
        ns = s.n_statements
        self.order = sorted(range(ns), key=self.base.__getitem__, reverse=True)  # children first
        self.units: dict[int, list[list[int]]] = {}
        self.eligible: dict[int, list[bool]] = {}
        bad = self._closed()
        target, premises, children = s.target, s.premises, s.children
        aimed: dict[int, list[int]] = {}  # relation -> the undercuts attacking it
        for r in range(ns, s.n_nodes):
            if target[r] >= ns:
                aimed.setdefault(target[r], []).append(r)
        for v in range(ns):
            ch = children[v]
            if len(ch) < 2:
                continue
            units = reason_units(ch, target, v)
            ok = [
                all(
                    len(premises[r]) == 1
                    and len(children[r]) == 1
                    and not bad[children[r][0]]
                    and all(a in u for a in aimed.get(r, ()))
                    for r in u
                )
                for u in units
            ]
            if len(units) > 1 and any(ok[1:]):
                self.units[v], self.eligible[v] = units, ok
        # for apply, which runs once per trial: each statement's place in the order and statement
        # grandparent, every statement's subtree as a slice of a preorder, the reach without bands,
        # and every relation's first premise (-1: none)
        self.rank = [0] * ns
        for k, v in enumerate(self.order):
            self.rank[v] = k
        parent = s.parent
        self.up = [parent[parent[v]] if parent[v] >= 0 else -1 for v in range(ns)]
        pre: list[int] = []
        stack = [v for v in reversed(range(ns)) if self.up[v] < 0]
        while stack:
            v = stack.pop()
            pre.append(v)
            for r in reversed(children[v]):
                stack.extend(reversed(children[r]))
        tin, end = [0] * ns, [1] * ns  # end: subtree sizes first
        for v in reversed(pre):
            g = self.up[v]
            if g >= 0:
                end[g] += end[v]
        for k, v in enumerate(pre):
            tin[v] = k
            end[v] += k
        self.pre, self.tin, self.end = pre, tin, end
        self.first = [ch[0] if ch else -1 for ch in children[ns:]]
        self.level0 = [2 * L for L in self.base]  # rows with no bands, before cross relations'
        self.level0 += [2 * self.base[c] - 1 if c >= 0 else 0 for c in self.first]
        self.cross_plan = self._plan_cross()
        self.reach0 = [0] * ns
        self._reach({}, self.order, self.reach0, {}, set())

    def _closed(self) -> list[bool]:
        """Per statement: does a relation from outside its subtree point into it (or share a linked
        premise row with it)?  Such a subtree cannot move down on its own.  (An undercut hanging
        under the same statement as the relation it attacks is part of the same unit: not counted.)"""
        s = self.s
        ns, n = s.n_statements, s.n_nodes
        parent, children, premises, target = s.parent, s.children, s.premises, s.target
        # depth-first entry numbers from 1 (0: not in the tree), and the last number in each subtree
        tin, tout = [0] * n, [0] * n
        order, size = preorder(s)
        for k, v in enumerate(order, 1):
            tin[v] = k
            tout[v] = k + size[v] - 1
        bad = [False] * ns

        def mark(t: int, qs: list[int]) -> None:
            u = t
            if len(qs) == 1:  # the usual single premise, without a generator per step
                tq = tin[qs[0]]
                while u >= 0 and not tin[u] <= tq <= tout[u]:
                    if u < ns:
                        bad[u] = True
                    u = parent[u]
                return
            while u >= 0 and not all(tin[u] <= tin[q] <= tout[u] for q in qs):
                if u < ns:
                    bad[u] = True
                u = parent[u]

        for r in range(ns, n):
            prem = premises[r]
            if not prem:
                continue
            t = target[r]
            if t >= ns:  # an undercut: it keeps to the premises of the relation it attacks
                if children[r] and children[t] and parent[r] == parent[t]:
                    continue  # both hang under one statement: they move as one unit or not at all
                t = premises[t][0] if premises[t] else s.anchor[r]
            if t >= 0:
                mark(t, prem)
            if len(prem) > 1:
                for q in prem:
                    mark(q, prem)
        return bad

    def _reach(
        self, bands: dict[int, list[int]], order: list[int], reach: list[int], delta: dict[int, int], wrapped: set[int]
    ) -> None:
        """For the statements ``order`` (children first): how many layers each one's tree reaches
        below it with ``bands``, into ``reach``; the layers the wrapped premises move down, into
        ``delta``, and their relations, into ``wrapped``."""
        base, children = self.base, self.s.children
        for v in order:
            band = bands.get(v)
            bv = base[v]
            if band is None:
                deep = 0
                for r in children[v]:
                    for c in children[r]:
                        d = base[c] - bv + reach[c]
                        if d > deep:
                            deep = d
                reach[v] = deep
                continue
            units = self.units[v]
            m = len(units)
            bottom = [0] * m  # deepest row of each unit, relative to v
            for j in sorted(set(band)):
                for i in range(m):
                    if band[i] != j:
                        continue
                    floor = 0
                    if j:  # below the nearest units of earlier bands on either side
                        for step in (-1, 1):
                            i2 = i + step
                            while 0 <= i2 < m and band[i2] >= j:
                                i2 += step
                            if 0 <= i2 < m and bottom[i2] > floor:
                                floor = bottom[i2]
                    here = 0
                    for r in units[i]:
                        for c in children[r]:
                            rel = base[c] - bv
                            if j:
                                new = max(rel, floor + 1)
                                delta[c] = new - rel
                                wrapped.add(r)
                                rel = new
                            here = max(here, rel + reach[c])
                    bottom[i] = here
            reach[v] = max(bottom)

    def apply(self, bands: dict[int, list[int]]) -> set[int]:
        """Set ``s.layer`` and ``s.level`` for ``bands`` (statement -> band of each of its reasons);
        returns the wrapped relations.

        Only the statements with bands and their ancestors reach differently than with no bands
        (``reach0``), and a premise that moves down takes its whole subtree (a preorder slice)
        along: the same layers as working through every statement, for a fraction of the work."""
        s = self.s
        parent, up, layer = s.parent, self.up, list(self.base)
        touched: set[int] = set()
        for v in bands:
            while v >= 0 and v not in touched:
                touched.add(v)
                v = up[v]
        reach = list(self.reach0)
        delta: dict[int, int] = {}
        wrapped: set[int] = set()
        self._reach(bands, sorted(touched, key=self.rank.__getitem__), reach, delta, wrapped)
        pre, tin, end = self.pre, self.tin, self.end
        moved = []
        for c, d in delta.items():
            if d:
                part = pre[tin[c] : end[c]]
                for v in part:
                    layer[v] += d
                moved.append(part)
        # the rows without bands, changed where statements moved: a statement's and, when it is
        # its relation's first premise, that relation's (structure._cross_level for cross ones)
        level = list(self.level0)
        ns, first = s.n_statements, self.first
        for part in moved:
            for v in part:
                lv = 2 * layer[v]
                level[v] = lv
                r = parent[v]
                if r >= 0 and first[r - ns] == v:
                    level[r] = lv - 1
        for r in wrapped:
            level[r] = 2 * layer[parent[r]] + 1
        s.layer, s.level = layer, level
        for r, how, ref in self.cross_plan:
            if how == 0:
                level[r] = 2 * layer[ref] - 1
            elif how == 1:
                level[r] = 2 * layer[ref] + 1
            elif how == 2:
                level[r] = level[ref]
            else:
                level[r] = -1
        return wrapped

    def _plan_cross(self) -> list[tuple[int, int, int]]:
        """How :func:`structure._cross_level` sets every cross relation's row, in an order that puts
        an attacked cross relation before its undercuts: (relation, 0: a row above its first premise
        / 1: below its target / 2: its target's / 3: -1, the node that row comes from)."""
        s = self.s
        ns, target, premises = s.n_statements, s.target, s.premises
        cross = set(s.cross)
        plan: list[tuple[int, int, int]] = []
        seen: set[int] = set()
        for r0 in s.cross:
            stack = [r0]  # the chain of attacked cross relations, worked from its far end
            while stack[-1] not in seen and target[stack[-1]] >= ns and target[stack[-1]] in cross:
                seen.add(stack[-1])
                stack.append(target[stack[-1]])
            for r in reversed(stack):
                seen.add(r)
                t = target[r]
                if t < 0:
                    plan.append((r, 0, premises[r][0]) if premises[r] else (r, 3, -1))
                elif t < ns:
                    plan.append((r, 1, t))
                else:
                    plan.append((r, 2, t))
        return plan


def compact(
    s: Structure, measure: Measure, aspect: float, trials: int, thorough: bool = False, x: list[float] | None = None
) -> list[float] | None:
    """Choose bands by hill climbing: wrap the reasons of the statements whose trees span most,
    then move single reasons a band down or up, keeping each change that lets the drawing fit
    a page of ``aspect`` (width / height along the rows) at a larger scale, adds few edge
    crossings and sends no edge of a cross relation through a card.  ``thorough``: take the best
    change of each round, not the first good one.  Returns the x ``measure`` gave for the layers
    kept (None when nothing could wrap), so they need not be placed again.

    ``measure`` measures the drawing for the current ``s.layer`` (``measure(x)``: with the x of
    those layers, already placed, as ``x`` is for the layers ``s`` has on the way in).  A change
    that gives the bands there are already is not measured again."""
    b = Bands(s)
    if not b.units:
        return None
    bands: dict[int, list[int]] = {}
    w, h, x, cross, through = measure(x)
    edges = max(1, sum(len(p) + 1 for p in s.premises[s.n_statements :]))

    def cost(w: float, h: float, cross: int) -> float:  # an extra crossing per edge costs the size
        return max(w / aspect, h) * (1.0 + cross / edges)

    best = cost(w, h, cross)
    saved = (list(s.layer), list(s.level))
    while trials > 0 and w / aspect > h:
        span = _spans(s, x, b.order)
        # the changes this round may try: each costs a trial, and a quick round stops after
        # PATIENCE of them (the generator reads ``bands``, so it is drawn before any change)
        changes = list(islice(_moves(b, bands, span), trials if thorough else min(PATIENCE, trials)))
        # the best change of this round (the first good one when trials are few): statement, its bands,
        # the drawing's width and height, the x, layers and rows it gives
        found: tuple[int, list[int], float, float, list[float], list[int], list[int]] | None = None
        for v, band in changes:
            trials -= 1
            if band == bands.get(v, [0] * len(band)):  # nothing would change: nothing gained
                continue
            b.apply({**bands, v: band})
            w2, h2, x2, cross2, through2 = measure()
            c = cost(w2, h2, cross2)
            if c < best * 0.995 and through2 <= through:  # never an edge through a card more
                best, found = c, (v, band, w2, h2, x2, list(s.layer), list(s.level))
                if not thorough:
                    break
        if found is None:
            break
        v, bands[v], w, h, x, layer, level = found
        saved = (layer, level)
    s.layer, s.level = saved
    return x


def _moves(b: Bands, bands: dict[int, list[int]], span: list[float]) -> Iterator[tuple[int, list[int]]]:
    """Changes to try, most promising first: a statement's reasons wrapped into one more band
    (every k-th reason down), then one reason at a time a band down or up."""
    cands = sorted(b.units, key=lambda v: (-span[v] * (1 - 1 / len(b.units[v])), v))
    for v in cands:
        units, ok = b.units[v], b.eligible[v]
        k = max(bands.get(v, [0])) + 2
        if k <= min(len(units), MAX_BANDS):
            for phase in range(k - 1):
                yield v, [((i + phase) % k) if ok[i] else 0 for i in range(len(units))]
    for v in cands:
        band = bands.get(v) or [0] * len(b.units[v])
        ok = b.eligible[v]
        for i in range(len(band)):
            if not ok[i]:
                continue
            for d in (1, -1):
                if 0 <= band[i] + d < min(len(band), MAX_BANDS):
                    new = list(band)
                    new[i] += d
                    yield v, new


def _spans(s: Structure, x: list[float], order: list[int]) -> list[float]:
    """Width of every statement's tree below it (centre to centre of its outermost descendants)."""
    ns = s.n_statements
    lo = x[:ns]
    hi = x[:ns]
    children = s.children
    for v in order:
        a = b = x[v]
        for r in children[v]:
            for c in children[r]:
                if lo[c] < a:
                    a = lo[c]
                if hi[c] > b:
                    b = hi[c]
        lo[v], hi[v] = a, b
    return [hi[v] - lo[v] for v in range(ns)]
