"""The live argument map: records kept in order, mirrored in a networkx graph.

The graph is built on first use of ``ArgumentMap.graph`` and kept live from then
on, so that commands that never ask for it (``argmap --version``, a headless
export) do not pay for importing networkx.

Every change goes through one of the operations below.  Each checks the
invariants first and raises :class:`ModelError` without touching anything
when the change would corrupt the map; otherwise it applies the change and
emits exactly one :class:`Change` (none when nothing changed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .elements import Anchor, Kind, Polarity, Relation, Source, Statement
from .events import Change
from .store import MapStore, ModelError, Point, Snapshot, as_kind, as_polarity, insert_ordered

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["ArgumentMap", "ModelError", "Point", "Snapshot"]


class ArgumentMap(MapStore):
    """Sources, statements and relations with positions and pins: the operations.

    Reading, validation and the graph live in :class:`MapStore`.
    """

    # -------------------------------------------------------------- metadata
    def set_meta(self, **changes: Any) -> dict[str, Any]:
        """Change map metadata (``title``, ``description``, ...); returns the old values."""
        old = {k: self._meta.get(k) for k in changes}
        if all(self._meta.get(k) == v for k, v in changes.items()):
            return old
        for k, v in changes.items():
            if v is None:
                self._meta.pop(k, None)
            else:
                self._meta[k] = v
        self._emit(Change("set_meta", meta=True))
        return old

    # --------------------------------------------------------------- sources
    def add_source(self, src: Source, index: int | None = None) -> Source:
        self._check_new_id(src.id)
        if not isinstance(src.text, str):
            raise ModelError(f"source {src.id!r}: text must be a string")
        if index is None:
            self._sources[src.id] = src
        else:
            self._sources = insert_ordered(self._sources, [(index, src)])
        self._emit(Change("add_source", added=frozenset({src.id})))
        return src

    def update_source(self, sid: str, **changes: Any) -> Source:
        """Replace fields of a source; returns the old record."""
        old = self.source(sid)
        new = old.replace(**changes)
        if new.id != sid:
            raise ModelError("a source's id cannot change")
        if new == old:
            return old
        self._sources[sid] = new
        self._emit(Change("update_source", changed=frozenset({sid})))
        return old

    def remove_source(self, sid: str) -> Snapshot:
        """Remove a source and the anchors into it; returns what undo needs."""
        self.source(sid)
        snap = Snapshot(sources=[(list(self._sources).index(sid), self._sources[sid])])
        changed = set()
        for st in self._statements.values():
            if any(a.source_id == sid for a in st.anchors):
                snap.changed_statements.append(st)
        for st in snap.changed_statements:
            new = st.replace(anchors=tuple(a for a in st.anchors if a.source_id != sid))
            self._statements[st.id] = new
            self._graph_set_record(new)
            changed.add(st.id)
        del self._sources[sid]
        self._emit(Change("remove_source", removed=frozenset({sid}), changed=frozenset(changed)))
        return snap

    # ------------------------------------------------------------ statements
    def add_statement(self, st: Statement, position: Point | None = None, index: int | None = None) -> Statement:
        """Add a statement (optionally at a position, or at an index in map order)."""
        self._check_new_id(st.id)
        st = self._check_statement(st)
        pos = self._check_point(st.id, position) if position is not None else None
        if index is None:
            self._statements[st.id] = st
        else:
            self._statements = insert_ordered(self._statements, [(index, st)])
        self._graph_add_statement(st)
        moved: frozenset[str] = frozenset()
        if pos is not None:
            self._positions[st.id] = pos
            moved = frozenset({st.id})
        self._emit(Change("add_statement", added=frozenset({st.id}), moved=moved))
        return st

    def update_statement(self, sid: str, **changes: Any) -> Statement:
        """Replace fields of a statement (text, title, kind, notes, tags,
        anchors, assessment, meta, implicit); returns the old record."""
        old = self.statement(sid)
        if "id" in changes and changes["id"] != sid:
            raise ModelError("a statement's id cannot change")
        try:
            new = old.replace(**changes)
        except TypeError as e:
            raise ModelError(str(e)) from None
        new = self._check_statement(new)
        if new == old:
            return old
        self._statements[sid] = new
        self._graph_set_record(new)
        self._emit(Change("update_statement", changed=frozenset({sid})))
        return old

    def set_text(self, sid: str, text: str) -> Statement:
        return self.update_statement(sid, text=text)

    def set_kind(self, sid: str, kind: Kind | str) -> Statement:
        return self.update_statement(sid, kind=as_kind(kind))

    def set_anchors(self, sid: str, anchors: Iterable[Anchor]) -> Statement:
        return self.update_statement(sid, anchors=tuple(anchors))

    def remove_statement(self, sid: str) -> Snapshot:
        self.statement(sid)
        return self.remove([sid])

    # ------------------------------------------------------------- relations
    def add_relation(self, rel: Relation, position: Point | None = None, index: int | None = None) -> Relation:
        self._check_new_id(rel.id)
        rel = self._check_relation(rel)
        pos = self._check_point(rel.id, position) if position is not None else None
        if index is None:
            self._relations[rel.id] = rel
        else:
            self._relations = insert_ordered(self._relations, [(index, rel)])
        self._graph_add_relation(rel)
        if index is not None:
            self._sort_adjacency()
        moved: frozenset[str] = frozenset()
        if pos is not None:
            self._positions[rel.id] = pos
            moved = frozenset({rel.id})
        self._emit(Change("add_relation", added=frozenset({rel.id}), moved=moved))
        return rel

    def update_relation(self, rid: str, **changes: Any) -> Relation:
        """Replace fields of a relation (polarity, premises, target, kind,
        title, notes, scheme, assessment, meta); returns the old record."""
        old = self.relation(rid)
        if "id" in changes and changes["id"] != rid:
            raise ModelError("a relation's id cannot change")
        try:
            new = old.replace(**changes)
        except TypeError as e:
            raise ModelError(str(e)) from None
        # validate against the map without this relation's current edges
        new = self._check_relation(new, pending_relations={rid: new})
        if new == old:
            return old
        self._replace_relation(new)
        self._emit(Change("update_relation", changed=frozenset({rid})))
        return old

    def set_polarity(self, rid: str, polarity: Polarity | str) -> Relation:
        return self.update_relation(rid, polarity=as_polarity(polarity))

    def retarget(self, rid: str, target: str) -> Relation:
        return self.update_relation(rid, target=target)

    def add_premise(self, rid: str, sid: str, index: int | None = None) -> Relation:
        """Make ``sid`` one more premise of the linked relation ``rid``."""
        rel = self.relation(rid)
        if sid in rel.premises:
            raise ModelError(f"statement {sid!r} is already a premise of relation {rid!r}")
        premises = list(rel.premises)
        premises.insert(len(premises) if index is None else index, sid)
        return self.update_relation(rid, premises=tuple(premises))

    def remove_premise(self, rid: str, sid: str) -> Relation:
        rel = self.relation(rid)
        if sid not in rel.premises:
            raise ModelError(f"statement {sid!r} is not a premise of relation {rid!r}")
        if len(rel.premises) == 1:
            raise ModelError(f"cannot remove the last premise of relation {rid!r}; remove the relation instead")
        return self.update_relation(rid, premises=tuple(p for p in rel.premises if p != sid))

    def remove_relation(self, rid: str) -> Snapshot:
        self.relation(rid)
        return self.remove([rid])

    # ------------------------------------------------------------ bulk edits
    def add_many(
        self,
        statements: Iterable[Statement] = (),
        relations: Iterable[Relation] = (),
        positions: Mapping[str, Point] | None = None,
        pinned: Iterable[str] = (),
        sources: Iterable[Source] = (),
    ) -> None:
        """Add many elements at once (loading, paste, import): all are checked
        before any is added, and one event is emitted."""
        sources = list(sources)
        statements = list(statements)
        relations = list(relations)
        pending = self._new_ids([*sources, *statements, *relations])
        for src in sources:
            if not isinstance(src.text, str):
                raise ModelError(f"source {src.id!r}: text must be a string")
        # anchors may refer to the new sources
        saved_sources = self._sources
        self._sources = {**self._sources, **{s.id: s for s in sources}}
        try:
            statements = [self._check_statement(s) for s in statements]
        finally:
            self._sources = saved_sources
        st_ids = {s.id for s in statements}
        rel_map = {r.id: r for r in relations}
        grounded: set[str] = set()
        relations = [self._check_relation(r, st_ids, rel_map, grounded) for r in relations]
        pts = {eid: self._check_point(eid, p) for eid, p in (positions or {}).items()}
        placed = list(pts) + list(pinned)
        if placed:
            known = pending | set(self._statements) | set(self._relations)
            for eid in placed:
                if eid not in known:
                    raise ModelError(f"position or pin for unknown element {eid!r}")
        for src in sources:
            self._sources[src.id] = src
        for st in statements:
            self._statements[st.id] = st
            self._graph_add_statement(st)
        for rel in relations:  # every relation first: an undercut may come before the relation it attacks
            self._relations[rel.id] = rel
            self._into.setdefault(rel.id, [])
        for rel in relations:
            self._graph_add_relation(rel)
        self._positions.update(pts)
        self._pinned.update(pinned)
        self._emit(Change("add_many", added=frozenset(pending), moved=frozenset(pts) | frozenset(pinned)))

    def _removal_closure(self, ids: Iterable[str]) -> tuple[list[str], list[str], dict[str, tuple[str, ...]]]:
        """Statements and relations that go, and linked relations that lose premises."""
        st_gone: list[str] = []
        rel_gone: list[str] = []
        seen: set[str] = set()
        todo: list[str] = []
        for eid in ids:
            if eid in self._statements:
                if eid not in seen:
                    seen.add(eid)
                    st_gone.append(eid)
            elif eid in self._relations:
                todo.append(eid)
            else:
                raise ModelError(f"no statement or relation with id {eid!r}")
        # relations that lose their target or all premises go, and so do their undercuts
        for sid in st_gone:
            for r in self._into[sid]:
                todo.append(r)
            for r in self._from[sid]:
                rel = self._relations[r]
                if all(p in seen for p in rel.premises):
                    todo.append(r)
        rel_seen: set[str] = set()
        while todo:
            r = todo.pop()
            if r in rel_seen:
                continue
            rel_seen.add(r)
            rel_gone.append(r)
            todo.extend(self._into[r])
        shrunk: dict[str, tuple[str, ...]] = {}
        for sid in st_gone:
            for r in self._from[sid]:
                if r not in rel_seen:
                    rel = self._relations[r]
                    shrunk[r] = tuple(p for p in rel.premises if p not in seen)
        return st_gone, rel_gone, shrunk

    def remove(self, ids: Iterable[str]) -> Snapshot:
        """Remove statements and relations, with the relations that can no
        longer stand (a relation loses its target or all its premises; its
        undercuts go too; a linked relation that keeps a premise stays).
        Returns the snapshot that :meth:`restore` puts back exactly."""
        st_gone, rel_gone, shrunk = self._removal_closure(ids)
        st_index = {sid: i for i, sid in enumerate(self._statements)}
        rel_index = {rid: i for i, rid in enumerate(self._relations)}
        snap = Snapshot(
            statements=sorted(((st_index[s], self._statements[s]) for s in st_gone), key=lambda t: t[0]),
            relations=sorted(((rel_index[r], self._relations[r]) for r in rel_gone), key=lambda t: t[0]),
            changed_relations=[self._relations[r] for r in shrunk],
        )
        gone = set(st_gone) | set(rel_gone)
        snap.positions = {e: self._positions[e] for e in gone if e in self._positions}
        snap.pinned = {e for e in gone if e in self._pinned}
        for r in rel_gone:
            self._graph_drop_relation_edges(self._relations[r])
        for r, premises in shrunk.items():
            self._replace_relation(self._relations[r].replace(premises=premises))
        for r in rel_gone:
            del self._relations[r]
            self._graph_remove_node(r)
        for s in st_gone:
            del self._statements[s]
            self._graph_remove_node(s)
        for e in gone:
            self._positions.pop(e, None)
            self._pinned.discard(e)
        self._emit(Change("remove", removed=frozenset(gone), changed=frozenset(shrunk)))
        return snap

    def restore(self, snap: Snapshot) -> None:
        """Put back what a removal took away, at the same places in map order."""
        restored: list[Statement | Relation | Source] = [st for _, st in snap.statements]
        restored += [rel for _, rel in snap.relations]
        restored += [src for _, src in snap.sources]
        for el in restored:
            if el.id in self:
                raise ModelError(f"cannot restore {el.id!r}: an element with that id exists")
        # what comes back must fit the map as it is now (undo out of order would corrupt it)
        pending_st = {s.id for _, s in snap.statements}
        pending_rel = {r.id: r for _, r in snap.relations}
        pending_rel.update({r.id: r for r in snap.changed_relations})
        for rel in pending_rel.values():
            self._check_relation(rel, pending_st, pending_rel)
        sources = set(self._sources) | {s.id for _, s in snap.sources}
        for st in [s for _, s in snap.statements] + snap.changed_statements:
            if any(a.source_id not in sources for a in st.anchors):
                raise ModelError(f"cannot restore {st.id!r}: its anchor's source is gone")
        self._sources = insert_ordered(self._sources, snap.sources)
        self._statements = insert_ordered(self._statements, snap.statements)
        for _, st in snap.statements:
            self._graph_add_statement(st)
        for st in snap.changed_statements:
            self._statements[st.id] = st
            self._graph_set_record(st)
        self._relations = insert_ordered(self._relations, snap.relations)
        for _, rel in snap.relations:
            self._graph_add_relation(rel)
        for rel in snap.changed_relations:
            self._replace_relation(rel)
        self._sort_adjacency()
        self._positions.update(snap.positions)
        self._pinned.update(snap.pinned)
        self._emit(
            Change(
                "restore",
                added=frozenset(snap.removed_ids),
                changed=frozenset(r.id for r in snap.changed_relations)
                | frozenset(s.id for s in snap.changed_statements),
                moved=frozenset(snap.positions) | frozenset(snap.pinned),
            )
        )

    # ----------------------------------------------------- positions and pins
    def move(self, positions: Mapping[str, Point | None]) -> dict[str, Point | None]:
        """Set (or with ``None`` clear) positions; returns the old ones for undo."""
        new: dict[str, Point | None] = {}
        for eid, p in positions.items():
            if eid not in self._statements and eid not in self._relations:
                raise ModelError(f"cannot position unknown element {eid!r}")
            new[eid] = None if p is None else self._check_point(eid, p)
        old = {eid: self._positions.get(eid) for eid in new}
        moved = frozenset(eid for eid in new if old[eid] != new[eid])
        if not moved:
            return old
        for eid in moved:
            if new[eid] is None:
                del self._positions[eid]
            else:
                self._positions[eid] = new[eid]  # type: ignore[assignment]
        self._emit(Change("move", moved=moved))
        return old

    def set_pinned(self, ids: Iterable[str], pinned: bool = True) -> set[str]:
        """Pin or unpin elements; returns the ids whose pin changed."""
        ids = list(ids)
        for eid in ids:
            if eid not in self._statements and eid not in self._relations:
                raise ModelError(f"cannot pin unknown element {eid!r}")
        changed = {eid for eid in ids if (eid in self._pinned) != pinned}
        if not changed:
            return changed
        if pinned:
            self._pinned |= changed
        else:
            self._pinned -= changed
        self._emit(Change("pin", moved=frozenset(changed)))
        return changed
