"""The map's storage: records in order, adjacency indexes, the lazy networkx mirror, validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, Any, TypeVar

from .elements import (
    KIND_BY_VALUE,
    POLARITY_BY_VALUE,
    RELATION_ASSESSMENTS,
    RELATION_KIND_BY_VALUE,
    STATEMENT_ASSESSMENTS,
    Kind,
    Polarity,
    Relation,
    RelationKind,
    Source,
    Statement,
)
from .events import Emitter

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    import networkx as nx

Point = tuple[float, float]
T = TypeVar("T")


class ModelError(ValueError):
    """An operation would break an invariant of the map; nothing was changed."""


@dataclass(slots=True)
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
        return {s.id for _, s in self.statements} | {r.id for _, r in self.relations} | {s.id for _, s in self.sources}


def insert_ordered(d: dict[str, Any], items: list[tuple[int, Any]]) -> dict[str, Any]:
    """Return ``d`` with each ``(index, record)`` put back at its old index."""
    if not items:
        return d
    order = list(d.items())
    for index, rec in sorted(items, key=lambda t: t[0]):
        order.insert(min(index, len(order)), (rec.id, rec))
    return dict(order)


def _member(table: dict[Any, T], value: Any) -> T | None:
    try:
        return table.get(value)
    except TypeError:  # unhashable
        return None


def as_kind(value: Any) -> Kind:
    kind = _member(KIND_BY_VALUE, value)
    if kind is None:
        raise ModelError(f"unknown statement kind {value!r} (expected conclusion, premise or evidence)")
    return kind


def as_polarity(value: Any) -> Polarity:
    pol = _member(POLARITY_BY_VALUE, value)
    if pol is None:
        raise ModelError(f"unknown polarity {value!r} (expected support or attack)")
    return pol


class MapStore(Emitter):
    """Sources, statements and relations with positions and pins.

    ``graph`` is a networkx DiGraph ``premise -> relation -> target`` whose
    nodes carry ``sort`` ("statement" or "relation"), ``record`` and, for
    convenience, ``kind`` or ``polarity``.  Read it freely; change the map
    only through the operations.
    """

    def __init__(self, title: str = "", description: str = "") -> None:
        super().__init__()
        self._graph: nx.DiGraph[str] | None = None  # made when first asked for
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
    def graph(self) -> nx.DiGraph[str]:
        """The networkx DiGraph ``premise -> relation -> target`` (read it, don't change it)."""
        if self._graph is None:
            import networkx as nx

            g: nx.DiGraph[str] = nx.DiGraph()
            g.add_nodes_from(
                (st.id, {"sort": "statement", "kind": st.kind.value, "record": st}) for st in self._statements.values()
            )
            g.add_nodes_from(
                (rel.id, {"sort": "relation", "polarity": rel.polarity.value, "record": rel})
                for rel in self._relations.values()
            )
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
        title: str = self._meta.get("title", "")
        return title

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

    def _new_ids(self, elements: list[Any]) -> set[str]:
        """The ids of elements to add, when all are new non-empty strings (else the first problem
        :meth:`_check_new_id` finds is raised)."""
        ids = [el.id for el in elements]
        try:
            pending = set(ids)
        except TypeError:  # an unhashable id
            pending = None
        if (
            pending is None
            or len(pending) != len(ids)
            or "" in pending
            or not all(map(isinstance, pending, repeat(str)))
            or ((self._statements or self._relations or self._sources) and any(map(self.__contains__, pending)))
        ):
            pending = set()
            for eid in ids:
                self._check_new_id(eid, pending)
                pending.add(eid)
        return pending

    def _check_statement(self, st: Statement) -> Statement:
        kind = st.kind
        if kind.__class__ is not Kind:  # a member passes as it is; a value is looked up
            kind = as_kind(kind)
        if not isinstance(st.text, str):
            raise ModelError(f"statement {st.id!r}: text must be a string")
        if st.assessment is not None and st.assessment not in STATEMENT_ASSESSMENTS:
            raise ModelError(
                f"statement {st.id!r}: unknown assessment {st.assessment!r} "
                f"(expected one of {', '.join(STATEMENT_ASSESSMENTS)})"
            )
        if st.implicit is not True and st.implicit is not False:
            raise ModelError(f"statement {st.id!r}: implicit must be true or false, got {st.implicit!r}")
        anchors = st.anchors
        if anchors.__class__ is not tuple:
            anchors = tuple(anchors)
        for a in anchors:
            if a.source_id not in self._sources:
                raise ModelError(f"statement {st.id!r}: anchor refers to unknown source {a.source_id!r}")
            if not (0 <= a.start <= a.end):
                raise ModelError(f"statement {st.id!r}: anchor range {a.start}..{a.end} is not a valid range")
        tags = st.tags
        if tags.__class__ is not tuple:
            tags = tuple(tags)
        if kind is not st.kind or anchors is not st.anchors or tags is not st.tags:
            st = st.replace(kind=kind, anchors=anchors, tags=tags)
        return st

    def _check_relation(
        self,
        rel: Relation,
        pending_statements: Iterable[str] = (),
        pending_relations: Mapping[str, Relation] | None = None,
        grounded: set[str] | None = None,
    ) -> Relation:
        """``rel`` as the map keeps it, or a ModelError.  ``pending_*``: what ``add_many`` adds with
        it, in any order; ``grounded``: relations whose chain of targets is known to end, which the
        walk along an undercut's chain may stop at (and to which it adds the relations it walked)."""
        pol = rel.polarity
        if pol.__class__ is not Polarity:  # a member passes as it is; a value is looked up
            pol = as_polarity(pol)
        rkind = rel.kind
        if rkind.__class__ is not RelationKind:
            found = _member(RELATION_KIND_BY_VALUE, rkind)
            if found is None:
                raise ModelError(f"relation {rel.id!r}: unknown relation kind {rel.kind!r}")
            rkind = found
        premises = rel.premises
        if premises.__class__ is not tuple:
            premises = tuple(premises)
        if not premises:
            raise ModelError(f"relation {rel.id!r} has no premise (a relation needs at least one)")
        if len(premises) > 1 and len(set(premises)) != len(premises):
            raise ModelError(f"relation {rel.id!r} lists a premise twice")
        # a set passed in (add_many) is used as is: copying it per relation made bulk loads quadratic
        pending_st = pending_statements if isinstance(pending_statements, (set, frozenset)) else set(pending_statements)
        rels = pending_relations or {}
        statements, relations, target = self._statements, self._relations, rel.target
        for p in premises:
            if p not in statements and p not in pending_st:
                raise ModelError(f"relation {rel.id!r}: premise {p!r} is not a statement of this map")
        if not isinstance(target, str):
            raise ModelError(f"relation {rel.id!r} must have exactly one target")
        if target == rel.id:
            raise ModelError(f"relation {rel.id!r} cannot target itself")
        if target in premises:
            raise ModelError(f"statement {target!r} cannot be a premise of a relation into itself")
        if target in relations or target in rels:
            # an undercut: walk the chain of relation targets; it must end at a statement
            seen = {rel.id}
            t = target
            while (t in relations or t in rels) and (grounded is None or t not in grounded):
                if t in seen:
                    raise ModelError(f"relation {rel.id!r}: its chain of undercut targets is circular")
                seen.add(t)
                t = rels[t].target if t in rels else relations[t].target
            if grounded is not None:  # a long chain of undercuts is walked once, not once per link
                grounded |= seen
        elif target not in statements and target not in pending_st:
            raise ModelError(f"relation {rel.id!r}: target {target!r} is neither a statement nor a relation")
        if rel.assessment is not None and rel.assessment not in RELATION_ASSESSMENTS:
            raise ModelError(
                f"relation {rel.id!r}: unknown assessment {rel.assessment!r} "
                f"(expected one of {', '.join(RELATION_ASSESSMENTS)})"
            )
        if pol is not rel.polarity or rkind is not rel.kind or premises is not rel.premises:
            rel = rel.replace(polarity=pol, kind=rkind, premises=premises)
        return rel

    @staticmethod
    def _check_point(eid: str, p: Any) -> Point:
        try:
            x, y = float(p[0]), float(p[1])
        except (TypeError, ValueError, IndexError, OverflowError):
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
            assert dict(live.nodes.items()) == dict(fresh.nodes.items())
            assert set(live.edges) == set(fresh.edges)
