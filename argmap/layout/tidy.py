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

from itertools import compress
from operator import ne, sub

from .structure import Structure

# a subtree's left and right edges per layer below its top, and its offset
Contour = tuple[list[float], list[float], float]


def place_x(
    s: Structure, size: list[float], gap_premise: float, gap_reason: float, gap_part: float, remember: bool = True
) -> list[float]:
    """Centre x of every tree node (statements and tree relations); cross relations get 0.

    ``size`` is the extent of each node along a row.  Premises of one relation
    are ``gap_premise`` apart, neighbouring reasons under one target
    ``gap_reason``, disconnected parts ``gap_part``.

    The contours of the subtrees are remembered on ``s`` (see :class:`ContourMemo`):
    a later call recomputes only the subtrees in which a children order or a
    layer difference changed, and their ancestors; the result is exactly what a
    fresh pass would give.  Remembering costs a copy of every contour: pass
    ``remember=False`` when the structure is placed only once.
    """
    if not remember:
        s.tidy = None
        return _place_once(s, size, gap_premise, gap_reason, gap_part)
    ns, n = s.n_statements, s.n_nodes
    children = s.children
    gaps = (gap_premise, gap_reason, gap_part)
    memo = s.tidy
    todo = None
    if memo is not None and memo.fits(s, size, gaps):
        todo = memo.refresh(s)
    if memo is None or todo is None:  # everything
        memo = ContourMemo(s, size, gaps)
        s.tidy = memo
        buckets, groups = memo.buckets, memo.groups
    else:
        buckets = [[] for _ in range(memo.depth)]
        groups = [[] for _ in range(memo.depth)]
        layer, top = s.layer, memo.top
        for u in todo:
            if u < ns:
                buckets[layer[u]].append(u)
            elif len(children[u]) > 1:
                groups[top[u]].append(u)
    top, snap, rel = memo.top, memo.snap, memo.rel
    depth = memo.depth
    cont: list[Contour | None] = [None] * n

    def fetch(i: int) -> Contour:
        """A remembered contour, as lists the merge may change."""
        remembered = snap[i]
        assert remembered is not None
        a, b, o = remembered
        return list(a), list(b), o

    def reason(r: int) -> Contour:
        """The contour a tree relation hands to its parent: its premises' (merged when linked)."""
        if len(children[r]) > 1:
            return fetch(r)  # a linked relation computed in this call has its contour set already
        got = cont[children[r][0]]
        return got if got is not None else fetch(children[r][0])

    for L in range(depth - 1, -1, -1):
        for v in buckets[L]:
            hw = size[v] * 0.5
            ch = children[v]
            if not ch:
                cont[v] = ([-hw], [hw], 0.0)
                snap[v] = ((-hw,), (hw,), 0.0)
                continue
            for r in ch:
                if cont[r] is None:  # what reason(r) gives, the usual single premise written out
                    below = children[r]
                    if len(below) == 1:
                        got = cont[below[0]]
                        cont[r] = got if got is not None else fetch(below[0])
                    else:
                        cont[r] = fetch(r)
            cL, cR, off, xs = _merge(ch, cont, top, L, gap_reason)
            p = (xs[0] + xs[-1]) * 0.5
            for c, xc in zip(ch, xs):
                rel[c] = xc - p
                cont[c] = None
            off -= p
            cL.append(-hw - off)
            cR.append(hw - off)
            cont[v] = (cL, cR, off)
            snap[v] = (tuple(cL), tuple(cR), off)
        for r in groups[L]:
            ch = children[r]
            for c in ch:
                if cont[c] is None:
                    cont[c] = fetch(c)
            cL, cR, off, xs = _merge(ch, cont, top, L - 1, gap_premise)
            p = (xs[0] + xs[-1]) * 0.5
            for c, xc in zip(ch, xs):
                rel[c] = xc - p
                cont[c] = None
            cont[r] = (cL, cR, off - p)
            snap[r] = (tuple(cL), tuple(cR), off - p)
    roots = s.roots
    x = [0.0] * n
    for r in roots:
        if cont[r] is None:
            cont[r] = fetch(r) if r < ns else reason(r)
    _place_parts(memo.parts(s), cont, top, gap_reason, gap_part, x)
    for c, v in memo.down:
        x[c] = x[v] + rel[c]
    return x


def _place_once(s: Structure, size: list[float], gap_premise: float, gap_reason: float, gap_part: float) -> list[float]:
    """:func:`place_x` in one pass that remembers nothing (for a structure placed only once)."""
    ns, n = s.n_statements, s.n_nodes
    children = s.children
    depth, buckets, groups, top = _rows(s)
    cont: list[Contour | None] = [None] * n
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
            cL, cR, off, xs = _merge(ch, cont, top, L, gap_reason)
            p = (xs[0] + xs[-1]) * 0.5
            for c, xc in zip(ch, xs):
                rel[c] = xc - p
                cont[c] = None
            off -= p
            cL.append(-hw - off)
            cR.append(hw - off)
            cont[v] = (cL, cR, off)
        for r in groups[L]:
            ch = children[r]
            cL, cR, off, xs = _merge(ch, cont, top, L - 1, gap_premise)
            p = (xs[0] + xs[-1]) * 0.5
            for c, xc in zip(ch, xs):
                rel[c] = xc - p
                cont[c] = None
            cont[r] = (cL, cR, off - p)
    roots = s.roots
    x = [0.0] * n
    for r in roots:
        if cont[r] is None:
            cont[r] = cont[children[r][0]]
    _place_parts(_parts(s), cont, top, gap_reason, gap_part, x)
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


class ContourMemo:
    """What :func:`place_x` keeps on a structure between calls.

    The layout engine places the same tree some twenty times while it reorders
    reasons, swaps neighbours and wraps wide fan-outs, and each time little
    changes.  A subtree's contour (and the offsets of the nodes inside it)
    depends only on the sizes and gaps, the children orders inside it and the
    layer *differences* between its nodes (a subtree moved down whole keeps
    its contour).  So ``snap`` holds the finished contour of every statement
    and linked relation as last computed, ``rel`` every node's offset from its
    parent, and :meth:`refresh` compares the structure with the children
    orders and layers they were computed for: only nodes where something of
    that changed, and their ancestors, are merged again; the others hand over
    copies of their remembered contours.  The merges are the same operations
    on the same numbers, so the positions are exactly those of a fresh pass.
    """

    def __init__(self, s: Structure, size: list[float], gaps: tuple[float, float, float]) -> None:
        n = s.n_nodes
        self.n_nodes, self.n_statements = n, s.n_statements
        self.size = list(size)
        self.gaps = gaps
        self.children = list(s.children)
        self.snap: list[tuple[tuple[float, ...], tuple[float, ...], float] | None] = [None] * n
        self.rel = [0.0] * n
        up = [-1] * n  # tree parent, from the children lists
        for v, ch in enumerate(s.children):
            if ch:
                for c in ch:
                    up[c] = v
        self.up = up
        # (node, tree parent) with every parent before its children: the order x is handed down in
        down: list[tuple[int, int]] = []
        queue = [r for r in range(n) if up[r] < 0]
        children = s.children
        for v in queue:  # (breadth first: the queue grows while it is read)
            for c in children[v]:
                down.append((c, v))
                queue.append(c)
        self.down = down
        # for refresh: every statement's statement grandparent (itself when none), the linked
        # relations, and every relation's first premise (n: none; its top row stays 0)
        self.grand = [up[up[q]] if up[q] >= 0 and up[up[q]] >= 0 else q for q in range(s.n_statements)]
        self.linked = [r for r in range(s.n_statements, n) if len(s.children[r]) > 1]
        self.first = [ch[0] if ch else s.n_statements for ch in s.children[s.n_statements :]]
        self.part_of: dict[int, int] | None = None
        self.layer = list(s.layer)
        self.depth, self.buckets, self.groups, self.top = _rows(s)

    def fits(self, s: Structure, size: list[float], gaps: tuple[float, float, float]) -> bool:
        return (
            self.n_nodes == s.n_nodes
            and self.n_statements == s.n_statements
            and gaps == self.gaps
            and size == self.size
        )

    def refresh(self, s: Structure) -> list[int] | None:
        """Bring the remembered orders and layers up to date; the nodes to merge again
        (children before parents not guaranteed), or None when a fresh pass is needed."""
        children, saved, up = s.children, self.children, self.up
        ns = self.n_statements
        marks: list[int] = []
        top = self.top
        if children != saved:
            for i in compress(range(self.n_nodes), map(ne, children, saved)):
                ch = children[i]
                if sorted(ch) != sorted(saved[i]):
                    return None  # not just a new order: the tree itself changed
                saved[i] = ch
                marks.append(i)
                if i >= ns and ch:
                    top[i] = s.layer[ch[0]]
                    self.first[i - ns] = ch[0]
        layer, old = s.layer, self.layer
        if layer != old:
            if len(layer) != ns:
                return None
            # a statement's contour changes when a grandchild moved down by another number of layers
            # than it did (the edge between them changes length), a linked relation's when its
            # premises moved apart; a subtree moved down whole keeps its contour
            dl = list(map(sub, layer, old))
            grand = self.grand
            marks += [grand[q] for q in compress(range(ns), map(ne, dl, [dl[g] for g in grand]))]
            for r in self.linked:
                ch = children[r]
                d = dl[ch[0]]
                for q in ch:
                    if dl[q] != d:
                        marks.append(r)
                        break
            top[:ns] = layer
            ext = layer + [0]
            top[ns:] = [ext[c] for c in self.first]
            self.layer = list(layer)
            self.depth = max(layer) + 1
        todo: list[int] = []
        seen = bytearray(self.n_nodes)
        for u in marks:
            while u >= 0 and not seen[u]:
                seen[u] = 1
                todo.append(u)
                u = up[u]
        return todo

    def parts(self, s: Structure) -> list[list[int]]:
        """:func:`_parts`, with the connected part of every root remembered."""
        roots = s.roots
        if len(roots) < 2:
            return [roots] if roots else []
        part_of = self.part_of
        if part_of is None or any(r not in part_of for r in roots):
            part_of = self.part_of = {r: k for k, part in enumerate(_parts(s)) for r in part}
        groups: dict[int, list[int]] = {}
        for r in roots:
            groups.setdefault(part_of[r], []).append(r)
        return list(groups.values())


def _rows(s: Structure) -> tuple[int, list[list[int]], list[list[int]], list[int]]:
    """The number of statement layers, the statements of each layer, the linked relations by the
    layer of their premises, and the layer of the first row of every node's contour."""
    ns, n = s.n_statements, s.n_nodes
    layer, children = s.layer, s.children
    depth = max(layer) + 1 if ns else 1
    buckets: list[list[int]] = [[] for _ in range(depth)]
    for v in range(ns):
        buckets[layer[v]].append(v)
    groups: list[list[int]] = [[] for _ in range(depth)]
    top = [0] * n
    top[:ns] = layer
    for r in range(ns, n):
        ch = children[r]
        if ch:
            top[r] = layer[ch[0]]
            if len(ch) > 1:
                groups[top[r]].append(r)
    return depth, buckets, groups, top


def _place_parts(
    parts: list[list[int]],
    cont: list[Contour | None],
    top: list[int],
    gap_reason: float,
    gap_part: float,
    x: list[float],
) -> None:
    """The roots' x: the tops of one connected part interlock; separate parts stand side by side
    as blocks, ``gap_part`` apart."""
    cursor = 0.0
    for part in parts:
        cL, cR, off, xs = _merge(part, cont, top, min(top[r] for r in part) - 1, gap_reason)
        base = cursor - (min(cL) + off)
        for r, xr in zip(part, xs):
            x[r] = base + xr
        cursor = base + max(cR) + off + gap_part


def _parts(s: Structure) -> list[list[int]]:
    """The roots grouped by connected part of the map, in order of their first root."""
    ns, roots = s.n_statements, s.roots
    if len(roots) < 2:
        return [roots] if roots else []
    uf = list(range(s.n_nodes))

    def find(a: int) -> int:
        while uf[a] != a:
            uf[a] = uf[uf[a]]
            a = uf[a]
        return a

    for r in range(ns, s.n_nodes):
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


def _merge(
    ch: list[int], cont: list[Contour | None], top: list[int], lv: int, gap: float
) -> tuple[list[float], list[float], float, list[float]]:
    """Pack the subtrees ``ch`` (all below layer ``lv``) left to right, as close as their contours allow.
    Every one of ``ch`` has its contour in ``cont``; returns the merged contour and the children's x."""
    first = cont[ch[0]]
    assert first is not None
    L, R, off = first
    k = top[ch[0]] - lv - 1
    if k > 0:  # reserve the long edge's path down to a deeper child
        L.extend([-off] * k)
        R.extend([-off] * k)
    xs = [0.0]
    for c in ch[1:]:
        contour = cont[c]
        assert contour is not None
        cL, cR, cO = contour
        k = top[c] - lv - 1
        if k > 0:
            cL.extend([-cO] * k)
            cR.extend([-cO] * k)
        if len(cL) >= len(L):
            m = len(L)
            if m == 1:
                sh = R[0] - cL[-1] + off - cO + gap
                d = off - cO - sh
                a = L[0] + d
                if a < cL[-1]:
                    cL[-1] = a
                a = R[0] + d
                if a > cR[-1]:
                    cR[-1] = a
            else:
                sh = max(map(sub, R, cL[-m:])) + off - cO + gap
                d = off - cO - sh
                cL[-m:] = map(min, cL[-m:], [a + d for a in L])
                cR[-m:] = map(max, cR[-m:], [a + d for a in R])
            L, R, off = cL, cR, cO + sh
        elif len(cL) == 1:  # a leaf beside a deeper neighbour
            sh = R[-1] - cL[0] + off - cO + gap
            d = cO + sh - off
            a = cL[0] + d
            if a < L[-1]:
                L[-1] = a
            a = cR[0] + d
            if a > R[-1]:
                R[-1] = a
        else:
            m = len(cL)
            sh = max(map(sub, R[-m:], cL)) + off - cO + gap
            d = cO + sh - off
            L[-m:] = map(min, L[-m:], [a + d for a in cL])
            R[-m:] = map(max, R[-m:], [a + d for a in cR])
        xs.append(sh)
    return L, R, off, xs
