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
    ns, n = s.n_statements, s.n_nodes
    premises, target, children, anchor = s.premises, s.target, s.children, s.anchor
    order = _bottom_up(s)
    best = score(x)
    best_x = x
    best_order = (children[:ns], list(s.roots))
    for _ in range(passes):
        if not best:
            break
        pull = [0.0] * n
        count = [0] * n
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
        for v in order:
            for c in children[v]:
                pull[v] += pull[c]
                count[v] += count[c]
        key = [(pull[i] + x[i]) / (count[i] + 1) for i in range(n)]
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


def _bottom_up(s: Structure) -> list[int]:
    level = s.level
    nodes = list(range(s.n_statements)) + [r for r in range(s.n_statements, s.n_nodes) if s.children[r]]
    nodes.sort(key=level.__getitem__, reverse=True)
    return nodes
