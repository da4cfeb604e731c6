"""Tidy placement of a layered forest: Reingold-Tilford with per-layer contours, in linear time.

Every subtree keeps its left and right contour, one entry per statement
layer from its deepest layer up to its root, stored *reversed* (the root
layer last) with one shared offset, so a parent layer is an ``append`` and a
shift is a change of offset.  Merging two neighbours only touches the layers
they share, which keeps the whole pass linear.  Junction rows need no
contour: a junction is centred over its premises, which are disjoint from
every other group's premises in the layer below it.
"""
from __future__ import annotations

from operator import sub

from .structure import Structure


def place_x(s: Structure, size: list[float], gap_premise: float, gap_reason: float,
            gap_part: float) -> list[float]:
    """Centre x of every tree node (statements and tree relations); cross relations get 0.

    ``size`` is the extent of each node along a row.  Premises of one relation
    are ``gap_premise`` apart, neighbouring reasons under one target
    ``gap_reason``, disconnected parts ``gap_part``.
    """
    ns, n = s.ns, s.n
    layer, children = s.layer, s.children
    depth = max(layer) + 1 if ns else 1
    buckets: list[list[int]] = [[] for _ in range(depth)]
    for v in range(ns):
        buckets[layer[v]].append(v)
    groups: list[list[int]] = [[] for _ in range(depth)]  # linked relations by premise layer
    top = [0] * n  # layer of the first row of a node's contour
    top[:ns] = layer
    for r in range(ns, n):
        ch = children[r]
        if ch:
            top[r] = layer[ch[0]]
            if len(ch) > 1:
                groups[top[r]].append(r)
    cont: list = [None] * n
    rel = [0.0] * n
    for L in range(depth - 1, -1, -1):
        for v in buckets[L]:
            hw = size[v] * 0.5
            ch = children[v]
            if not ch:
                cont[v] = ([-hw], [hw], 0.0)
                continue
            for r in ch:
                if cont[r] is None:  # a single premise: its relation passes its contour on
                    cont[r] = cont[children[r][0]]
            cL, cR, O, xs = _merge(ch, cont, top, L, gap_reason)
            p = (xs[0] + xs[-1]) * 0.5
            for c, xc in zip(ch, xs):
                rel[c] = xc - p
                cont[c] = None
            O -= p
            cL.append(-hw - O)
            cR.append(hw - O)
            cont[v] = (cL, cR, O)
        for r in groups[L]:
            ch = children[r]
            cL, cR, O, xs = _merge(ch, cont, top, L - 1, gap_premise)
            p = (xs[0] + xs[-1]) * 0.5
            for c, xc in zip(ch, xs):
                rel[c] = xc - p
                cont[c] = None
            cont[r] = (cL, cR, O - p)
    roots = s.roots
    x = [0.0] * n
    for r in roots:
        if cont[r] is None:
            cont[r] = cont[children[r][0]]
    cursor = 0.0
    for part in _parts(s):
        # the tops of one connected part interlock; separate parts stand side by side as blocks
        cL, cR, O, xs = _merge(part, cont, top, min(top[r] for r in part) - 1, gap_reason)
        left = min(cL) + O
        base = cursor - left
        for r, xr in zip(part, xs):
            x[r] = base + xr
        cursor = base + max(cR) + O + gap_part
    for r in roots:
        if r >= ns:
            _down(r, x, rel, children)
    for bucket in buckets:
        for v in bucket:
            xv = x[v]
            for r in children[v]:
                xr = x[r] = xv + rel[r]
                for c in children[r]:
                    x[c] = xr + rel[c]
    return x


def _parts(s: Structure) -> list[list[int]]:
    """The roots grouped by connected part of the map, in order of their first root."""
    ns, roots = s.ns, s.roots
    if len(roots) < 2:
        return [roots] if roots else []
    uf = list(range(s.n))

    def find(a: int) -> int:
        while uf[a] != a:
            uf[a] = uf[uf[a]]
            a = uf[a]
        return a

    for r in range(ns, s.n):
        a = find(r)
        for p in s.premises[r]:
            b = find(p)
            if a != b:
                uf[b] = a
                a = find(r)
        t = s.target[r]
        if t >= 0:
            b = find(t)
            if a != b:
                uf[b] = a
    groups: dict[int, list[int]] = {}
    for r in roots:
        groups.setdefault(find(r), []).append(r)
    return list(groups.values())


def _down(r: int, x: list[float], rel: list[float], children: list[list[int]]) -> None:
    for c in children[r]:
        x[c] = x[r] + rel[c]


def _merge(ch: list[int], cont: list, top: list[int], lv: int, gap: float):
    """Pack the subtrees ``ch`` (all below layer ``lv``) left to right, as close as their contours allow."""
    L, R, O = cont[ch[0]]
    k = top[ch[0]] - lv - 1
    if k > 0:  # reserve the long edge's path down to a deeper child
        L.extend([-O] * k)
        R.extend([-O] * k)
    xs = [0.0]
    for c in ch[1:]:
        cL, cR, cO = cont[c]
        k = top[c] - lv - 1
        if k > 0:
            cL.extend([-cO] * k)
            cR.extend([-cO] * k)
        if len(cL) >= len(L):
            m = len(L)
            if m == 1:
                sh = R[0] - cL[-1] + O - cO + gap
                d = O - cO - sh
                a = L[0] + d
                if a < cL[-1]:
                    cL[-1] = a
                a = R[0] + d
                if a > cR[-1]:
                    cR[-1] = a
            else:
                sh = max(map(sub, R, cL[-m:])) + O - cO + gap
                d = O - cO - sh
                cL[-m:] = map(min, cL[-m:], [a + d for a in L])
                cR[-m:] = map(max, cR[-m:], [a + d for a in R])
            L, R, O = cL, cR, cO + sh
        elif len(cL) == 1:  # a leaf beside a deeper neighbour
            sh = R[-1] - cL[0] + O - cO + gap
            d = cO + sh - O
            a = cL[0] + d
            if a < L[-1]:
                L[-1] = a
            a = cR[0] + d
            if a > R[-1]:
                R[-1] = a
        else:
            m = len(cL)
            sh = max(map(sub, R[-m:], cL)) + O - cO + gap
            d = cO + sh - O
            L[-m:] = map(min, L[-m:], [a + d for a in cL])
            R[-m:] = map(max, R[-m:], [a + d for a in cR])
        xs.append(sh)
    return L, R, O, xs
