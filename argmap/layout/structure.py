"""Map graph to a compact integer structure: layers (longest path, cycles broken) and a spanning forest."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..measure import JUNCTION_SIZE, MIN_CARD_WIDTH

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterable, Mapping, Sequence

    from ..model import Relation
    from .tidy import ContourMemo

# per row of a cross junction: the tree junctions in that row and their half extents
CrossRows = dict[int, tuple[list[int], list[float]]]


DEFAULT_CARD = (MIN_CARD_WIDTH, 60.0)


class Structure:
    """Nodes are integers: statements ``[0, n_statements)``, relations ``[n_statements, n_nodes)``, in
    graph order.

    ``level`` is the row of a node: statement layer ``L`` is row ``2L``; a
    relation junction sits in an odd row, in the gap above its premises
    (tree relations) or just below its target (cross relations).
    """

    __slots__ = (
        "ids",
        "n_statements",
        "w",
        "h",
        "attack",
        "premises",
        "target",
        "layer",
        "level",
        "parent",
        "children",
        "roots",
        "cross",
        "anchor",
        "junctions",
        "tidy",
        "cross_rows",
        "read",
    )

    def __init__(
        self,
        ids: Sequence[Hashable],
        n_statements: int,
        w: list[float],
        h: list[float],
        attack: list[bool],
        premises: list[list[int]],
        target: list[int],
    ) -> None:
        self.ids = ids
        self.n_statements = n_statements
        self.w = w
        self.h = h
        self.attack = attack  # per node (False for statements)
        self.premises = premises  # per node ([] for statements)
        self.target = target  # per node (-1 for statements / none)
        self.layer: list[int] = []  # statements only
        self.level: list[int] = []
        self.parent: list[int] = []  # tree parent or -1
        # per node, its tree children in order; a new list whenever an order changes, never one changed
        # in place once the tree is built (the passes remember earlier orders by reference)
        self.children: list[list[int]] = []
        self.roots: list[int] = []
        self.cross: list[int] = []  # relations outside the tree
        self.anchor: list[int] = []  # relation -> statement it hangs under
        self.junctions: list[int] | None = None  # relations in the tree (with children), set by build_tree
        self.tidy: ContourMemo | None = None  # place_x's memo of contours
        # what cross.py worked out for a level list and the extents along the rows
        self.cross_rows: tuple[list[int], list[float], CrossRows] | None = None
        self.read: list[int] | None = None  # reading ranks per node (reading.py), when the map has anchors

    @property
    def n_nodes(self) -> int:
        return len(self.ids)


def extract(graph: Any, sizes: Mapping[Any, tuple[float, float]]) -> Structure:
    """Read the networkx graph (``premise -> relation -> target``) into integer arrays."""
    st_ids: list[Hashable] = []
    rels: list[tuple[Hashable, Any, Any]] = []
    for nid, attr in graph.nodes(data=True):
        if attr.get("sort") == "relation":
            rec = attr.get("record")
            if rec is None:  # a bare graph: the relation's ends from its edges
                outs = list(graph.succ[nid])
                rels.append((nid, (list(graph.pred[nid]), outs[0] if outs else None), attr.get("polarity")))
            else:
                rels.append((nid, rec, attr.get("polarity") or getattr(rec.polarity, "value", rec.polarity)))
        else:
            st_ids.append(nid)
    return _build(st_ids, rels, sizes)


def extract_records(
    statements: Iterable[str], relations: Iterable[Relation], sizes: Mapping[str, tuple[float, float]]
) -> Structure:
    """The same from a map's records: statement ids and Relation records (``id``, ``premises``,
    ``target``, ``polarity``), no graph needed.  Ends outside ``statements``/``relations`` are dropped."""
    rels: list[tuple[Hashable, Any, Any]] = [
        (rel.id, rel, getattr(rel.polarity, "value", rel.polarity)) for rel in relations
    ]
    return _build(list(statements), rels, sizes)


def _build(
    st_ids: list[Hashable], rels: list[tuple[Hashable, Any, Any]], sizes: Mapping[Any, tuple[float, float]]
) -> Structure:
    """``rels``: (id, record or (premises, target), polarity) per relation."""
    rel_ids = [r[0] for r in rels]
    ids = st_ids + rel_ids
    ns = len(st_ids)
    index = {nid: i for i, nid in enumerate(ids)}
    get = sizes.get
    wh = [get(nid) or DEFAULT_CARD for nid in st_ids]
    junction = (JUNCTION_SIZE, JUNCTION_SIZE)
    wh += [get(nid) or junction for nid in rel_ids]
    w = [a for a, _ in wh]
    h = [b for _, b in wh]
    attack = [False] * ns
    premises: list[list[int]] = [[] for _ in range(ns)]
    target = [-1] * len(ids)
    ix = index.get
    k = ns
    for _, rec, pol in rels:
        if isinstance(rec, tuple):
            ps, t = rec
        else:
            ps, t = rec.premises, rec.target
        if len(ps) == 1:
            p = ix(ps[0], ns)
            prem = [p] if p < ns else []
        else:
            prem = [q for q in (ix(p, ns) for p in ps) if q < ns]
        target[k] = ix(t, -1) if t is not None else -1
        premises.append(prem)
        attack.append(pol == "attack")
        k += 1
    return Structure(ids, ns, w, h, attack, premises, target)


def _find(uf: list[int], a: int) -> int:
    while uf[a] != a:
        uf[a] = uf[uf[a]]
        a = uf[a]
    return a


def assign_layers(s: Structure) -> None:
    """Longest-path layers from the tops down; linked premises share a layer.

    A premise lies at least one layer below its target; an undercut's premises
    lie no higher than the premises of the relation they attack (dropped when
    it cannot be had).  Linked premises that also stand one above another
    cannot share a row and are left apart.  Circular reasoning is broken at
    the first statement (in map order) of the cycle.
    """
    ns, premises = s.n_statements, s.premises
    linked = [prem for prem in premises[ns:] if len(prem) > 1]
    tries = 0
    while True:
        cls = _classes(ns, linked) if linked else None
        layer, stuck = _longest_path(s, cls, strict=bool(linked))
        if stuck is None:
            break
        tries += 1
        caught = [k for k, prem in enumerate(linked) if stuck.intersection(prem)]
        if not caught:  # circular reasoning no linked group is part of: broken as without linked groups
            layer, _ = _longest_path(s, cls, strict=False)
            break
        if tries <= 8:  # give up one linked group at a time, the last one in map order
            del linked[caught[-1]]
        else:
            linked = [prem for k, prem in enumerate(linked) if k not in set(caught)]
    s.layer = layer


def _classes(ns: int, linked: list[list[int]]) -> list[int]:
    uf = list(range(ns))
    for prem in linked:
        a = _find(uf, prem[0])
        for p in prem[1:]:
            b = _find(uf, p)
            if a != b:
                uf[b] = a
    return [_find(uf, i) for i in range(ns)]


def _longest_path(s: Structure, cls: list[int] | None, strict: bool) -> tuple[list[int], set[int] | None]:
    """Layers by Kahn's algorithm over the classes; with ``strict``, the
    statements still unresolved when a cycle stops it, instead of layers."""
    ns, premises, target = s.n_statements, s.premises, s.target
    out = [0] * ns  # unresolved targets, hard (one layer up) and soft (undercut: same layer)
    soft = [0] * ns
    rev: list[list[int]] = [[] for _ in range(ns)]  # ~c marks a soft edge
    for prem, t in zip(premises[ns:], target[ns:]):
        if not prem:
            continue
        if t >= ns:  # an undercut: wished beside the relation it attacks, surely below its end
            a = t
            while a >= ns and not premises[a]:
                a = target[a]
            if a >= ns:
                d = premises[a][0]
                if cls is not None:
                    d = cls[d]
                for c in prem if cls is None else {cls[p] for p in prem}:
                    if c != d:
                        soft[c] += 1
                        rev[d].append(~c)
            while t >= ns:
                t = target[t]
        if t < 0:
            continue
        if cls is None:
            for c in prem:
                if c != t:
                    out[c] += 1
                    rev[t].append(c)
            continue
        d = cls[t]
        for p in prem:
            c = cls[p]
            if c != d:
                out[c] += 1
                rev[d].append(c)
            elif strict and p != t:
                return [], {p, t}
    layer = [0] * ns
    done = [False] * ns
    heads = range(ns) if cls is None else [c for c in range(ns) if cls[c] == c]
    stack = [c for c in heads if not out[c] and not soft[c]]
    hard_ready = [c for c in heads if not out[c] and soft[c]]
    pending = len(heads)
    stack.reverse()
    ptr = 0
    while pending:
        if not stack:
            while hard_ready and done[hard_ready[-1]]:
                hard_ready.pop()
            if hard_ready:  # only "beside the attacked relation" wishes are left: drop them
                stack.append(hard_ready.pop())
            else:
                if strict:
                    return [], {i for i in range(ns) if not done[cls[i] if cls else i]}
                while done[ptr] or (cls is not None and cls[ptr] != ptr):
                    ptr += 1
                stack.append(ptr)  # circular reasoning: force the first unresolved statement
        c = stack.pop()
        if done[c]:
            continue
        done[c] = True
        pending -= 1
        lc = layer[c] + 1
        for c2 in rev[c]:
            if c2 < 0:
                c2 = ~c2
                if done[c2]:
                    continue
                if lc - 1 > layer[c2]:
                    layer[c2] = lc - 1
                soft[c2] -= 1
            else:
                if done[c2]:
                    continue
                if lc > layer[c2]:
                    layer[c2] = lc
                out[c2] -= 1
                if not out[c2] and soft[c2]:
                    hard_ready.append(c2)
            if not out[c2] and not soft[c2]:
                stack.append(c2)
    return (layer if cls is None else [layer[c] for c in cls]), None


def preorder(s: Structure) -> tuple[list[int], list[int]]:
    """The tree's nodes depth first from the roots (each before its children, in their order), and
    every node's subtree size (1 for a node outside the tree)."""
    order: list[int] = []
    children = s.children
    stack = list(reversed(s.roots))
    while stack:
        v = stack.pop()
        order.append(v)
        stack.extend(reversed(children[v]))
    size = [1] * s.n_nodes
    for v in reversed(order):
        for c in children[v]:
            size[v] += size[c]
    return order, size


def build_tree(s: Structure, group_attacks: bool = True) -> None:
    """Choose one tree parent per statement and order every node's children.

    A statement hangs under the relation it is a premise of, preferring a
    linked relation (so linked premises stay side by side), then one whose
    target is exactly one layer up.  A relation hangs under its target
    statement; an undercut under the statement its attacked relation ends in,
    right after that relation.  Supports come before attacks.
    """
    ns, n = s.n_statements, s.n_nodes
    premises, target, layer, attack = s.premises, s.target, s.layer, s.attack
    anchor = list(target)
    has_undercut = False
    for r in range(ns, n):
        t = target[r]
        if t >= ns:
            has_undercut = True
            while t >= ns:
                t = target[t]
            anchor[r] = t
    best = [-1] * ns
    rank = [9] * ns
    for r, prem, a in zip(range(ns, n), premises[ns:], anchor[ns:]):
        if not prem:
            continue
        p = prem[0]
        lp = layer[p]
        if len(prem) > 1:
            lp = min(layer[q] for q in prem)
            if a >= 0 and lp <= layer[a]:
                continue  # would point upwards (a broken cycle)
            for p in prem:
                if rank[p] and layer[p] == lp:  # linked premises share the top row of the group
                    rank[p] = 0
                    best[p] = r
            continue
        if a < 0:
            rk = 3
        else:
            la = layer[a]
            if lp <= la:
                continue
            t = target[r]
            if t < ns:
                rk = 1 if lp == la + 1 else 2
            else:
                rk = 1 if premises[t] and layer[premises[t][0]] == lp else 2
        if rk < rank[p]:
            rank[p] = rk
            best[p] = r
    parent = [-1] * n
    children: list[list[int]] = [[] for _ in range(n)]
    for i, r in enumerate(best):
        if r >= 0:
            parent[i] = r
            children[r].append(i)
    level = [2 * L for L in layer]
    level.extend([0] * (n - ns))
    cross: list[int] = []
    mixed: set[int] = set()
    for r, ch, a in zip(range(ns, n), children[ns:], anchor[ns:]):
        if ch:
            if len(ch) > 1:
                order = {p: k for k, p in enumerate(premises[r])}
                ch.sort(key=order.__getitem__)
            level[r] = 2 * layer[ch[0]] - 1
            if a >= 0:
                parent[r] = a
                siblings = children[a]
                if target[r] != a or (group_attacks and siblings and attack[siblings[-1]] and not attack[r]):
                    mixed.add(a)  # a support after an attack, or an undercut: needs ordering
                siblings.append(r)
        else:
            cross.append(r)
    for a in mixed:
        children[a] = _ordered_reasons(s, a, children[a], has_undercut, group_attacks)
    for r in cross:  # cross relations sit in the row just below their target
        _cross_level(s, r, level)
    s.level, s.parent, s.children, s.cross, s.anchor = level, parent, children, cross, anchor
    s.junctions = [r for r in range(ns, n) if children[r]]
    s.roots = [i for i in range(ns) if parent[i] < 0] + [r for r in range(ns, n) if parent[r] < 0 and children[r]]


def _ordered_reasons(s: Structure, a: int, rs: list[int], has_undercut: bool, group_attacks: bool) -> list[int]:
    """Supports, then attacks; each undercut right after the relation it attacks."""
    target, attack = s.target, s.attack
    direct = [r for r in rs if target[r] == a]
    if group_attacks:
        direct.sort(key=attack.__getitem__)
    if not has_undercut or len(direct) == len(rs):
        return direct
    undercuts: dict[int, list[int]] = {}
    for r in rs:
        if target[r] != a:
            undercuts.setdefault(target[r], []).append(r)
    out: list[int] = []
    placed: set[int] = set()
    for r in direct:  # each relation, then its undercuts (depth first: a chain of them may be long)
        stack = [r]
        while stack:
            x = stack.pop()
            out.append(x)
            placed.add(x)
            stack.extend(reversed(undercuts.get(x, ())))
    out.extend(r for r in rs if r not in placed)
    return out


def _cross_level(s: Structure, r: int, level: list[int]) -> int:
    ns, target = s.n_statements, s.target
    chain = []  # undercuts of cross relations, each taking the level of the relation it attacks
    while target[r] >= ns and level[target[r]] == 0:
        chain.append(r)
        r = target[r]
    t = target[r]
    if t < 0:
        prem = s.premises[r]
        level[r] = 2 * s.layer[prem[0]] - 1 if prem else -1
    elif t < ns:
        level[r] = 2 * s.layer[t] + 1
    else:
        level[r] = level[t]
    for u in reversed(chain):
        level[u] = level[target[u]]
    return level[chain[0] if chain else r]


def reason_units(children: list[int], target: list[int], v: int) -> list[list[int]]:
    """The reasons under statement ``v`` as units that move together: each reason with the
    undercuts hung right after it (children not aimed at ``v`` join the unit before them)."""
    units: list[list[int]] = []
    for r in children:
        if target[r] != v and units:
            units[-1].append(r)
        else:
            units.append([r])
    return units
