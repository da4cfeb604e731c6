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

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping

from .elements import (
    RELATION_ASSESSMENTS,
    STATEMENT_ASSESSMENTS,
    Anchor,
    Kind,
    Polarity,
    Relation,
    RelationKind,
    Source,
    Statement,
)
from .events import Change, Emitter

Point = tuple[float, float]


class ModelError(ValueError):
    """An operation would break an invariant of the map; nothing was changed."""


@dataclass
class Snapshot:
    """What :meth:`ArgumentMap.restore` needs to undo a removal exactly."""

    statements: list[tuple[int, Statement]] = field(default_factory=list)
    relations: list[tuple[int, Relation]] = field(default_factory=list)
    sources: list[tuple[int, Source]] = field(default_factory=list)
    changed_relations: list[Relation] = field(default_factory=list)
    changed_statements: list[Statement] = field(default_factory=list)
    positions: dict[str, Point] = field(default_factory=dict)
    pinned: set[str] = field(default_factory=set)

    @property
    def removed_ids(self) -> set[str]:
        return {s.id for _, s in self.statements} | {r.id for _, r in self.relations} | {
            s.id for _, s in self.sources
        }


def _insert_ordered(d: dict[str, Any], items: list[tuple[int, Any]]) -> dict[str, Any]:
    """Return ``d`` with each ``(index, record)`` put back at its old index."""
    if not items:
        return d
    order = list(d.items())
    for index, rec in sorted(items, key=lambda t: t[0]):
        order.insert(min(index, len(order)), (rec.id, rec))
    return dict(order)


def _as_kind(value: Any) -> Kind:
    try:
        return Kind(value)
    except ValueError:
        raise ModelError(f"unknown statement kind {value!r} (expected conclusion, premise or evidence)") from None


def _as_polarity(value: Any) -> Polarity:
    try:
        return Polarity(value)
    except ValueError:
        raise ModelError(f"unknown polarity {value!r} (expected support or attack)") from None


class ArgumentMap(Emitter):
    """Sources, statements and relations with positions and pins.

    ``graph`` is a networkx DiGraph ``premise -> relation -> target`` whose
    nodes carry ``sort`` ("statement" or "relation"), ``record`` and, for
    convenience, ``kind`` or ``polarity``.  Read it freely; change the map
    only through the operations.
    """

    def __init__(self, title: str = "", description: str = "") -> None:
        super().__init__()
        self._graph: Any = None  # networkx.DiGraph once asked for
        self._into: dict[str, list[str]] = {}  # element id -> ids of relations targeting it
        self._from: dict[str, list[str]] = {}  # statement id -> ids of relations it is a premise of
        self._statements: dict[str, Statement] = {}
        self._relations: dict[str, Relation] = {}
        self._sources: dict[str, Source] = {}
        self._positions: dict[str, Point] = {}
        self._pinned: set[str] = set()
        self._meta: dict[str, Any] = {"title": title, "description": description}

    # ------------------------------------------------------------------ reading
    @property
    def graph(self) -> Any:
        """The networkx DiGraph ``premise -> relation -> target`` (read it, don't change it)."""
        if self._graph is None:
            import networkx as nx

            g = nx.DiGraph()
            g.add_nodes_from((st.id, {"sort": "statement", "kind": st.kind.value, "record": st})
                             for st in self._statements.values())
            g.add_nodes_from((rel.id, {"sort": "relation", "polarity": rel.polarity.value, "record": rel})
                             for rel in self._relations.values())
            g.add_edges_from(((p, rel.id) for rel in self._relations.values() for p in rel.premises), role="premise")
            g.add_edges_from(((rel.id, rel.target) for rel in self._relations.values()), role="target")
            self._graph = g
        return self._graph

    @property
    def statements(self) -> Mapping[str, Statement]:
        return self._statements

    @property
    def relations(self) -> Mapping[str, Relation]:
        return self._relations

    @property
    def sources(self) -> Mapping[str, Source]:
        return self._sources

    @property
    def positions(self) -> Mapping[str, Point]:
        return self._positions

    @property
    def pinned(self) -> frozenset[str]:
        return frozenset(self._pinned)

    @property
    def meta(self) -> Mapping[str, Any]:
        return self._meta

    @property
    def title(self) -> str:
        return self._meta.get("title", "")

    def statement(self, sid: str) -> Statement:
        try:
            return self._statements[sid]
        except KeyError:
            raise ModelError(f"no statement with id {sid!r}") from None

    def relation(self, rid: str) -> Relation:
        try:
            return self._relations[rid]
        except KeyError:
            raise ModelError(f"no relation with id {rid!r}") from None

    def source(self, sid: str) -> Source:
        try:
            return self._sources[sid]
        except KeyError:
            raise ModelError(f"no source with id {sid!r}") from None

    def __contains__(self, eid: object) -> bool:
        return eid in self._statements or eid in self._relations or eid in self._sources

    def relations_into(self, eid: str) -> list[Relation]:
        """Relations whose target is ``eid`` (a statement or a relation), in map order."""
        return [self._relations[r] for r in self._into.get(eid, ())]

    def relations_from(self, sid: str) -> list[Relation]:
        """Relations in which statement ``sid`` is a premise."""
        return [self._relations[r] for r in self._from.get(sid, ())]

    def undercuts_of(self, rid: str) -> list[Relation]:
        return self.relations_into(rid)

    def is_undercut(self, rel: Relation) -> bool:
        return rel.target in self._relations and rel.polarity is Polarity.ATTACK

    def iter_ids(self) -> Iterator[str]:
        yield from self._sources
        yield from self._statements
        yield from self._relations

    # -------------------------------------------------------------- validation
    def _check_new_id(self, eid: str, pending: set[str] | None = None) -> None:
        if not isinstance(eid, str) or not eid:
            raise ModelError(f"id must be a non-empty string, got {eid!r}")
        if eid in self or (pending is not None and eid in pending):
            raise ModelError(f"duplicate id {eid!r}")

    def _check_statement(self, st: Statement) -> Statement:
        kind = _as_kind(st.kind)
        if not isinstance(st.text, str):
            raise ModelError(f"statement {st.id!r}: text must be a string")
        if st.assessment is not None and st.assessment not in STATEMENT_ASSESSMENTS:
            raise ModelError(
                f"statement {st.id!r}: unknown assessment {st.assessment!r} "
                f"(expected one of {', '.join(STATEMENT_ASSESSMENTS)})"
            )
        anchors = tuple(st.anchors)
        for a in anchors:
            if a.source_id not in self._sources:
                raise ModelError(f"statement {st.id!r}: anchor refers to unknown source {a.source_id!r}")
            if not (0 <= a.start <= a.end):
                raise ModelError(f"statement {st.id!r}: anchor range {a.start}..{a.end} is not a valid range")
        tags = tuple(st.tags)
        if kind is not st.kind or anchors is not st.anchors or tags is not st.tags:
            st = dataclasses.replace(st, kind=kind, anchors=anchors, tags=tags)
        return st

    def _check_relation(self, rel: Relation, pending_statements: Iterable[str] = (),
                        pending_relations: Mapping[str, Relation] | None = None) -> Relation:
        pol = _as_polarity(rel.polarity)
        try:
            rkind = RelationKind(rel.kind)
        except ValueError:
            raise ModelError(f"relation {rel.id!r}: unknown relation kind {rel.kind!r}") from None
        premises = tuple(rel.premises)
        if not premises:
            raise ModelError(f"relation {rel.id!r} has no premise (a relation needs at least one)")
        if len(set(premises)) != len(premises):
            raise ModelError(f"relation {rel.id!r} lists a premise twice")
        # a set passed in (add_many) is used as is: copying it per relation made bulk loads quadratic
        pending_st = pending_statements if isinstance(pending_statements, (set, frozenset)) else set(pending_statements)
        rels = pending_relations or {}
        for p in premises:
            if p not in self._statements and p not in pending_st:
                raise ModelError(f"relation {rel.id!r}: premise {p!r} is not a statement of this map")
        if not isinstance(rel.target, str):
            raise ModelError(f"relation {rel.id!r} must have exactly one target")
        if rel.target == rel.id:
            raise ModelError(f"relation {rel.id!r} cannot target itself")
        if rel.target in premises:
            raise ModelError(f"statement {rel.target!r} cannot be a premise of a relation into itself")
        if rel.target in self._relations or rel.target in rels:
            # an undercut: walk the chain of relation targets; it must end at a statement
            seen = {rel.id}
            t = rel.target
            while t in self._relations or t in rels:
                if t in seen:
                    raise ModelError(f"relation {rel.id!r}: its chain of undercut targets is circular")
                seen.add(t)
                t = rels[t].target if t in rels else self._relations[t].target
        elif rel.target not in self._statements and rel.target not in pending_st:
            raise ModelError(f"relation {rel.id!r}: target {rel.target!r} is neither a statement nor a relation")
        if rel.assessment is not None and rel.assessment not in RELATION_ASSESSMENTS:
            raise ModelError(
                f"relation {rel.id!r}: unknown assessment {rel.assessment!r} "
                f"(expected one of {', '.join(RELATION_ASSESSMENTS)})"
            )
        if pol is not rel.polarity or rkind is not rel.kind or premises is not rel.premises:
            rel = dataclasses.replace(rel, polarity=pol, kind=rkind, premises=premises)
        return rel

    @staticmethod
    def _check_point(eid: str, p: Any) -> Point:
        try:
            x, y = float(p[0]), float(p[1])
        except (TypeError, ValueError, IndexError):
            raise ModelError(f"position of {eid!r} must be two numbers, got {p!r}") from None
        if x != x or y != y or abs(x) == float("inf") or abs(y) == float("inf"):
            raise ModelError(f"position of {eid!r} must be finite, got {p!r}")
        return (x, y)

    # ---------------------------------------------------------- graph mirror
    def _graph_add_statement(self, st: Statement) -> None:
        self._into.setdefault(st.id, [])
        self._from.setdefault(st.id, [])
        if self._graph is not None:
            self._graph.add_node(st.id, sort="statement", kind=st.kind.value, record=st)

    def _graph_set_record(self, st: Statement) -> None:
        if self._graph is not None:
            node = self._graph.nodes[st.id]
            node["record"] = st
            node["kind"] = st.kind.value

    def _graph_add_relation(self, rel: Relation) -> None:
        self._into.setdefault(rel.id, [])
        for p in rel.premises:
            self._from[p].append(rel.id)
        self._into[rel.target].append(rel.id)
        g = self._graph
        if g is not None:
            g.add_node(rel.id, sort="relation", polarity=rel.polarity.value, record=rel)
            for p in rel.premises:
                g.add_edge(p, rel.id, role="premise")
            g.add_edge(rel.id, rel.target, role="target")

    def _graph_drop_relation_edges(self, rel: Relation) -> None:
        for p in rel.premises:
            lst = self._from.get(p)
            if lst is not None and rel.id in lst:
                lst.remove(rel.id)
        lst = self._into.get(rel.target)
        if lst is not None and rel.id in lst:
            lst.remove(rel.id)
        g = self._graph
        if g is not None:
            for p in rel.premises:
                if g.has_edge(p, rel.id):
                    g.remove_edge(p, rel.id)
            if g.has_edge(rel.id, rel.target):
                g.remove_edge(rel.id, rel.target)

    def _graph_remove_node(self, eid: str) -> None:
        self._into.pop(eid, None)
        self._from.pop(eid, None)
        if self._graph is not None:
            self._graph.remove_node(eid)

    def _sort_adjacency(self) -> None:
        """Keep adjacency lists in map order after elements were put back mid-order."""
        order = {rid: i for i, rid in enumerate(self._relations)}
        for lst in (*self._into.values(), *self._from.values()):
            if len(lst) > 1:
                lst.sort(key=order.__getitem__)

    def _replace_relation(self, new: Relation) -> None:
        old = self._relations[new.id]
        self._relations[new.id] = new
        if old.premises == new.premises and old.target == new.target:
            if self._graph is not None:
                node = self._graph.nodes[new.id]
                node["record"] = new
                node["polarity"] = new.polarity.value
            return
        self._graph_drop_relation_edges(old)
        self._graph_add_relation(new)
        order = {rid: i for i, rid in enumerate(self._relations)}
        for lst in [self._into[new.target]] + [self._from[p] for p in new.premises]:
            lst.sort(key=order.__getitem__)

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
            self._sources = _insert_ordered(self._sources, [(index, src)])
        self._emit(Change("add_source", added=frozenset({src.id})))
        return src

    def update_source(self, sid: str, **changes: Any) -> Source:
        """Replace fields of a source; returns the old record."""
        old = self.source(sid)
        new = dataclasses.replace(old, **changes)
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
            new = dataclasses.replace(st, anchors=tuple(a for a in st.anchors if a.source_id != sid))
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
            self._statements = _insert_ordered(self._statements, [(index, st)])
        self._graph_add_statement(st)
        moved = frozenset()
        if pos is not None:
            self._positions[st.id] = pos
            moved = frozenset({st.id})
        self._emit(Change("add_statement", added=frozenset({st.id}), moved=moved))
        return st

    def update_statement(self, sid: str, **changes: Any) -> Statement:
        """Replace fields of a statement (text, title, kind, notes, tags,
        anchors, assessment, meta); returns the old record."""
        old = self.statement(sid)
        if "id" in changes and changes["id"] != sid:
            raise ModelError("a statement's id cannot change")
        try:
            new = dataclasses.replace(old, **changes)
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
        return self.update_statement(sid, kind=_as_kind(kind))

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
            self._relations = _insert_ordered(self._relations, [(index, rel)])
        self._graph_add_relation(rel)
        if index is not None:
            self._sort_adjacency()
        moved = frozenset()
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
            new = dataclasses.replace(old, **changes)
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
        return self.update_relation(rid, polarity=_as_polarity(polarity))

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
    def add_many(self, statements: Iterable[Statement] = (), relations: Iterable[Relation] = (),
                 positions: Mapping[str, Point] | None = None, pinned: Iterable[str] = (),
                 sources: Iterable[Source] = ()) -> None:
        """Add many elements at once (loading, paste, import): all are checked
        before any is added, and one event is emitted."""
        sources = list(sources)
        statements = list(statements)
        relations = list(relations)
        pending: set[str] = set()
        for el in (*sources, *statements, *relations):
            self._check_new_id(el.id, pending)
            pending.add(el.id)
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
        relations = [self._check_relation(r, st_ids, rel_map) for r in relations]
        pts = {eid: self._check_point(eid, p) for eid, p in (positions or {}).items()}
        known = pending | set(self._statements) | set(self._relations)
        for eid in list(pts) + list(pinned):
            if eid not in known:
                raise ModelError(f"position or pin for unknown element {eid!r}")
        for src in sources:
            self._sources[src.id] = src
        for st in statements:
            self._statements[st.id] = st
            self._graph_add_statement(st)
        for rel in relations:
            self._relations[rel.id] = rel
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
            self._replace_relation(dataclasses.replace(self._relations[r], premises=premises))
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
        for _, el in (*snap.statements, *snap.relations, *snap.sources):
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
        self._sources = _insert_ordered(self._sources, snap.sources)
        self._statements = _insert_ordered(self._statements, snap.statements)
        for _, st in snap.statements:
            self._graph_add_statement(st)
        for st in snap.changed_statements:
            self._statements[st.id] = st
            self._graph_set_record(st)
        self._relations = _insert_ordered(self._relations, snap.relations)
        for _, rel in snap.relations:
            self._graph_add_relation(rel)
        for rel in snap.changed_relations:
            self._replace_relation(rel)
        self._sort_adjacency()
        self._positions.update(snap.positions)
        self._pinned.update(snap.pinned)
        self._emit(Change(
            "restore",
            added=frozenset(snap.removed_ids),
            changed=frozenset(r.id for r in snap.changed_relations) | frozenset(s.id for s in snap.changed_statements),
            moved=frozenset(snap.positions) | frozenset(snap.pinned),
        ))

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

    # ------------------------------------------------------------- checking
    def check_invariants(self) -> None:
        """Raise AssertionError if records, adjacency and graph disagree (for tests)."""
        ids = list(self._sources) + list(self._statements) + list(self._relations)
        assert len(ids) == len(set(ids)), "ids are not unique"
        order = {rid: i for i, rid in enumerate(self._relations)}
        into: dict[str, list[str]] = {e: [] for e in (*self._statements, *self._relations)}
        frm: dict[str, list[str]] = {e: [] for e in self._statements}
        for st in self._statements.values():
            for a in st.anchors:
                assert a.source_id in self._sources
        for rel in self._relations.values():
            assert rel.premises and len(set(rel.premises)) == len(rel.premises)
            assert all(p in self._statements for p in rel.premises)
            assert rel.target in self._statements or rel.target in self._relations
            assert rel.target not in rel.premises
            into[rel.target].append(rel.id)
            for p in rel.premises:
                frm[p].append(rel.id)
        assert into == self._into, "relations-into index is stale"
        assert frm == self._from, "premise-of index is stale"
        for lst in (*self._into.values(), *self._from.values()):
            assert lst == sorted(lst, key=order.__getitem__), "adjacency out of map order"
        for eid in list(self._positions) + list(self._pinned):
            assert eid in self._statements or eid in self._relations
        if self._graph is not None:  # the live graph must equal one built afresh
            live = self._graph
            self._graph = None
            fresh = self.graph
            self._graph = live
            assert dict(live.nodes(data=True)) == dict(fresh.nodes(data=True))
            assert set(live.edges) == set(fresh.edges)
