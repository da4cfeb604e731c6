"""Crossing reduction: reorder sibling subtrees by the barycentre of their cross relations.

In a tidy drawing of the spanning tree only the relations outside the tree
can cross anything, so every subtree is pulled towards the far ends of the
cross relations that leave it, and the reasons under each target are sorted
by that pull (supports still before attacks when ``group_attacks``, an
undercut still right after the relation it attacks, reasons of different
reading ranks still in reading order).  Each round is scored
with an exact crossing count and the best round wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .structure import Structure, reason_units
from .tidy import place_x

if TYPE_CHECKING:
    from collections.abc import Callable


def reorder(
    s: Structure,
    x: list[float],
    size: list[float],
    gaps: tuple[float, float, float],
    score: Callable[[list[float]], float],
    group_attacks: bool = True,
    passes: int = 5,
) -> list[float]:
    """Improve the sibling order in up to ``passes`` rounds; returns the best x.

    ``s.children`` and ``s.roots`` are left in the order that gave it.
    """
    if not s.cross or passes <= 0:
        return x
    ns = s.n_statements
    children = s.children
    order = pulled(s)
    best = score(x)
    best_x = x
    best_order = (children[:ns], list(s.roots))
    for _ in range(passes):
        if not best:
            break
        key = barycentres(s, x, order)
        changed = False
        for v in range(ns):
            ch = children[v]
            if len(ch) > 1:
                new = _sorted_reasons(s, v, ch, key, group_attacks)
                if new != ch:
                    children[v] = new
                    changed = True
        if s.read is None:
            roots = sorted(s.roots, key=key.__getitem__)
        else:
            roots = sorted(s.roots, key=list(zip(s.read, key)).__getitem__)
        if roots != s.roots:
            s.roots = roots
            changed = True
        if not changed:
            break
        x = place_x(s, size, *gaps)
        sc = score(x)
        if sc < best:
            best, best_x = sc, x
            best_order = (children[:ns], list(s.roots))
    children[:ns], s.roots = best_order
    return best_x


def _sorted_reasons(s: Structure, v: int, ch: list[int], key: list[float], group_attacks: bool) -> list[int]:
    """Children of statement ``v`` sorted by key: supports, then attacks, each in reading order when the
    map has one (:mod:`.reading`); undercuts follow their relation."""
    target, attack, read = s.target, s.attack, s.read
    if read is not None:
        ranked = reason_units(ch, target, v)
        ranked.sort(key=lambda u: (group_attacks and attack[u[0]], read[u[0]], sum(key[r] for r in u) / len(u)))
        return [r for u in ranked for r in u]
    units: list[list[int]] = []
    for r in ch:
        if target[r] != v and units:  # an undercut: stays with the relation before it
            units[-1].append(r)
        else:
            units.append([r])
    if len(units) == len(ch):  # no undercuts: the same keys without a mean per unit
        if group_attacks:
            return sorted(ch, key=lambda r: (attack[r], key[r]))
        return sorted(ch, key=key.__getitem__)
    if group_attacks:
        units.sort(key=lambda u: (attack[u[0]], sum(key[r] for r in u) / len(u)))
    else:
        units.sort(key=lambda u: sum(key[r] for r in u) / len(u))
    return [r for u in units for r in u]


def barycentres(s: Structure, x: list[float], order: list[int]) -> list[float]:
    """Every node's sort key: the mean of its own x and the far ends' x of the cross relations that
    leave its subtree (each once per premise or target it has in the subtree).  ``order``: the
    nodes pulled at all, children before parents (:func:`pulled`); any other node's key is its x."""
    ns, premises, target, anchor, children = s.n_statements, s.premises, s.target, s.anchor, s.children
    pull = [0.0] * s.n_nodes
    count = [0] * s.n_nodes
    for r in s.cross:
        prem = premises[r]
        t = anchor[r] if target[r] >= ns else target[r]
        if not prem or t < 0:
            continue
        if len(prem) == 1:  # (the mean of one: the same number)
            p = prem[0]
            px = x[p]
            pull[p] += x[t]
            count[p] += 1
        else:
            px = sum([x[p] for p in prem]) / len(prem)
            for p in prem:
                pull[p] += x[t]
                count[p] += 1
        pull[t] += px
        count[t] += 1
    key = list(x)  # (a node nothing pulls: (0.0 + x) / 1, the same number but for the sign of a zero)
    for v in order:
        for c in children[v]:
            pull[v] += pull[c]
            count[v] += count[c]
        key[v] = (pull[v] + x[v]) / (count[v] + 1)
    return key


def pulled(s: Structure) -> list[int]:
    """The nodes the cross relations pull, children before parents: the relations' ends and every
    tree node above them.  The others have no pull, and adding theirs (0.0) would change nothing."""
    ns, premises, target, anchor, parent = s.n_statements, s.premises, s.target, s.anchor, s.parent
    pulled = bytearray(s.n_nodes)
    for r in s.cross:
        t = anchor[r] if target[r] >= ns else target[r]
        if premises[r] and t >= 0:
            for u in [*premises[r], t]:
                while u >= 0 and not pulled[u]:
                    pulled[u] = 1
                    u = parent[u]
    nodes = [v for v in range(s.n_nodes) if pulled[v]]
    nodes.sort(key=s.level.__getitem__, reverse=True)
    return nodes
