"""Reading order: the reasons under a target, and the main conclusions, in the order the source text gives them.

A map analysed from a text reads best when its branches follow the text: the
reason the author gives first stands first.  Every statement gets a rank (its
place in the text, from the map's anchors); a relation takes the smallest
rank of its premises.  Siblings are put in rank order when the tree is built,
and crossing reduction may then reorder only siblings of equal rank: those
without an anchor (ranked after the anchored ones) or anchored at one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .structure import Structure, reason_units

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..model import ArgumentMap

UNREAD = 1 << 62  # the rank of a statement without an anchor: after every anchored one


def reading_ranks(amap: ArgumentMap) -> dict[str, int]:
    """Each statement's place in the reading of the map's sources (in their order in the map): the
    start of its first anchor.  A statement without an anchor (an unstated premise, an analyst's
    intermediate conclusion) stands where its earliest reason is read, when one is.  Empty when
    nothing is anchored."""
    sources = {sid: k for k, sid in enumerate(amap.sources)}
    if not sources:
        return {}
    key: dict[str, tuple[int, int]] = {}
    for sid, st in amap.statements.items():
        places = [(sources[a.source_id], a.start) for a in st.anchors if a.source_id in sources]
        if places:
            key[sid] = min(places)
    if not key:
        return {}
    for sid in amap.statements:
        if sid not in key:
            found = _earliest_reason(amap, sid, key)
            if found is not None:
                key[sid] = found
    order = sorted(set(key.values()))
    rank = {k: i for i, k in enumerate(order)}
    return {sid: rank[k] for sid, k in key.items()}


def _earliest_reason(amap: ArgumentMap, sid: str, key: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    """The earliest anchor among the reasons below ``sid`` (breadth first, each statement once)."""
    best: tuple[int, int] | None = None
    seen = {sid}
    frontier = [sid]
    while frontier and best is None:
        nxt = []
        for v in frontier:
            for rel in amap.relations_into(v):
                for p in rel.premises:
                    if p in seen:
                        continue
                    seen.add(p)
                    k = key.get(p)
                    if k is not None:
                        best = k if best is None or k < best else best
                    else:
                        nxt.append(p)
        frontier = nxt
    return best


def set_reading(s: Structure, reading: Mapping[Any, int]) -> None:
    """Give ``s`` the ranks of ``reading`` (statement id -> rank); ``s.read`` stays None when no
    statement of ``s`` has one."""
    ns = s.n_statements
    get = reading.get
    read = [get(nid, UNREAD) for nid in s.ids[:ns]]
    if all(r == UNREAD for r in read):
        return
    for prem in s.premises[ns:]:
        read.append(min([read[p] for p in prem], default=UNREAD))
    s.read = read


def order_by_reading(s: Structure, group_attacks: bool) -> None:
    """Put every statement's reasons (supports before objections with ``group_attacks``; an undercut
    stays after the relation it attacks) and the main conclusions in reading order, keeping the
    order the tree had between equal ranks."""
    read = s.read
    if read is None:
        return
    attack, target, children = s.attack, s.target, s.children
    for v in range(s.n_statements):
        ch = children[v]
        if len(ch) < 2:
            continue
        units = reason_units(ch, target, v)
        if group_attacks:
            units.sort(key=lambda u: (attack[u[0]], read[u[0]]))
        else:
            units.sort(key=lambda u: read[u[0]])
        children[v] = [r for u in units for r in u]
    s.roots.sort(key=read.__getitem__)
