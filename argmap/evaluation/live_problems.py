"""The Problems list kept current as its map changes: an edit rechecks only what it can affect."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Polarity
from .problems import (
    Problem,
    anchor_problem,
    attack_problem,
    by_severity,
    cycle_problems,
    duplicate_problem,
    statement_problems,
    support_graph,
    text_key,
)

if TYPE_CHECKING:
    from ..model import ArgumentMap, Change

Shape = tuple[tuple[str, ...], str, "Polarity | None"]  # a relation's premises, target and polarity
NO_SHAPE: Shape = ((), "", None)


class LiveProblems:
    """``find_problems`` of one map, refreshed after each change.

    A statement's own problems depend on it and the relations at it; an attack's on what
    attacks it and its premises; duplicates on texts; circular support only on the support
    relations.  So a change rechecks the statements and attacks it touches, regroups the texts
    it changed and looks for circles again only when support changed.  A change of the sources
    (anchors are checked against them) or of whether the map has more than one statement (an
    orphan needs company) rechecks everything.
    """

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self._full()

    def _full(self) -> None:
        amap = self.amap
        self._several = len(amap.statements) > 1
        self._sources = len(amap.sources)
        self._own: dict[str, list[Problem]] = {}  # statement -> its broken anchor and warnings
        self._key: dict[str, str] = {}  # statement -> its text key
        self._texts: dict[str, set[str]] = {}  # text key -> statements
        self._attacks: dict[str, Problem | None] = {}  # attack relation -> unanswered, or None
        self._rels: dict[str, Shape] = {}  # relation -> its premises, target and polarity
        for sid in amap.statements:
            self._check_statement(sid)
        for rid in amap.relations:
            self._check_relation(rid)
        self._cycles = cycle_problems(amap, support_graph(amap))

    def _check_statement(self, sid: str) -> None:
        amap = self.amap
        old = self._key.pop(sid, None)
        if old is not None:
            group = self._texts[old]
            group.discard(sid)
            if not group:
                del self._texts[old]
        st = amap.statements.get(sid)
        if st is None:
            self._own.pop(sid, None)
            return
        into, out = amap.relations_into(sid), amap.relations_from(sid)
        supported = any(r.polarity is Polarity.SUPPORT for r in into)
        anchor = anchor_problem(amap, st)
        self._own[sid] = ([anchor] if anchor is not None else []) + statement_problems(
            amap, st, supported, bool(into or out), self._several, bool(self._sources)
        )
        key = text_key(st.text)
        if key:
            self._key[sid] = key
            self._texts.setdefault(key, set()).add(sid)

    def _check_relation(self, rid: str) -> None:
        amap = self.amap
        rel = amap.relations.get(rid)
        if rel is None:
            self._attacks.pop(rid, None)
            self._rels.pop(rid, None)
            return
        self._rels[rid] = (rel.premises, rel.target, rel.polarity)
        self._attacks[rid] = attack_problem(amap, rel, self._attacked)

    def _attacked(self, eid: str) -> bool:
        return any(r.polarity is Polarity.ATTACK for r in self.amap.relations_into(eid))

    def refresh(self, change: Change) -> None:
        """Recheck what ``change`` can affect."""
        amap = self.amap
        ids = set(change.added) | set(change.changed) | set(change.removed)
        if not ids:
            return
        if (
            (len(amap.statements) > 1) != self._several
            or len(amap.sources) != self._sources
            or any(i in amap.sources for i in ids)
        ):
            self._full()
            return
        statements: set[str] = set()
        attacks: set[str] = set()
        support = False
        for eid in ids:
            if eid in amap.statements or eid in self._own:
                statements.add(eid)  # its own problems, and the messages that name it
                attacks.update(r.id for r in amap.relations_from(eid))
                attacks.update(r.id for r in amap.relations_into(eid))
                support = support or any(eid in p.ids for p in self._cycles)
                continue
            for premises, target, polarity in (self._rels.get(eid, NO_SHAPE), self._record(eid)):
                if not premises:
                    continue
                statements.update(premises)
                attacks.add(eid)
                if target in amap.statements or target in self._own:
                    statements.add(target)
                    attacks.update(r.id for r in amap.relations_from(target))
                    support = support or polarity is Polarity.SUPPORT
                else:
                    attacks.add(target)  # an undercut answers the attack it targets
        for sid in statements:
            self._check_statement(sid)
        for rid in attacks:
            self._check_relation(rid)
        if support:
            self._cycles = cycle_problems(amap, support_graph(amap))

    def _record(self, rid: str) -> Shape:
        rel = self.amap.relations.get(rid)
        return (rel.premises, rel.target, rel.polarity) if rel is not None else NO_SHAPE

    def problems(self) -> list[Problem]:
        """The list ``find_problems`` gives for the map as it is now."""
        amap = self.amap
        own = self._own
        anchors: list[Problem] = []
        warnings: list[Problem] = []
        groups: dict[str, list[str]] = {}
        for sid in amap.statements:
            for p in own.get(sid, ()):
                (anchors if p.code == "broken-anchor" else warnings).append(p)
            key = self._key.get(sid)
            if key is not None and len(self._texts[key]) > 1:
                groups.setdefault(key, []).append(sid)
        duplicates = [duplicate_problem(amap, ids) for ids in groups.values()]
        attacks = [a for rid in amap.relations if (a := self._attacks.get(rid)) is not None]
        return by_severity([*self._cycles, *anchors, *warnings, *duplicates, *attacks])
