"""Commands that add statements or relations and place them in the same undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ... import measure
from ...layout import placement
from ...model import ArgumentMap, ModelError, Point, Polarity, Relation, Statement
from .commands import MapCommand

if TYPE_CHECKING:  # pragma: no cover
    from .controller import DocumentController


# argmap.layout.place_new looks at the whole map; beyond this size the local rule below is used
# so that adding a statement stays well under a frame (see benchmarks/bench_gui.py)
ENGINE_PLACEMENT_UP_TO = 1500


class NewStatementCommand(MapCommand):
    """Add a statement and, optionally, the relation that ties it in (a new relation, or a new
    premise of an existing linked relation), as one undo step.  The first text typed into the
    new card is folded into this step by :meth:`amend_text`."""

    def __init__(
        self,
        doc: DocumentController,
        statement: Statement,
        position: Point | None,
        relation: Relation | None = None,
        co_premise_of: str | None = None,
        text: str = "New statement",
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.statement = statement
        self.position = position
        self.relation = relation
        self.co_premise_of = co_premise_of
        self.moves: dict[str, Point | None] = {}  # positions for new elements, then others
        self.old_moves: dict[str, Point | None] = {}

    @property
    def sid(self) -> str:
        return self.statement.id

    def apply(self) -> None:
        amap = self.map
        amap.add_statement(self.statement, self.position)
        try:
            if self.relation is not None:
                amap.add_relation(self.relation)
            elif self.co_premise_of is not None:
                amap.add_premise(self.co_premise_of, self.statement.id)
            if not self._done_once:
                self.moves = self._placement()
            if self.moves:
                self.old_moves = amap.move(self.moves)
        except ModelError:
            amap.remove([self.statement.id])
            raise

    def _placement(self) -> dict[str, Point | None]:
        amap = self.map
        if self.relation is None and self.co_premise_of is None:
            return {}  # a free statement stays where the user put it
        new_ids = [self.statement.id] + ([self.relation.id] if self.relation is not None else [])
        engine: dict[str, Point] = {}
        if len(amap.statements) <= ENGINE_PLACEMENT_UP_TO:
            engine = placement.place_new(amap, new_ids)
        moves: dict[str, Point | None] = dict(engine)
        rids = [self.relation.id] if self.relation is not None else []
        if self.co_premise_of is not None:
            rids.append(self.co_premise_of)
        for rid in rids:
            if rid in engine:
                continue
            rel = amap.relations[rid]
            ends = (*rel.premises, rel.target)
            pos = {e: moves.get(e) or amap.positions.get(e) for e in ends}
            pos = {e: p for e, p in pos.items() if p is not None}
            sizes = {e: measure.statement_size(amap, e) for e in ends if e in amap.statements}
            p = placement.junction_positions(amap, pos, sizes, [rid]).get(rid)
            if p is not None:
                moves[rid] = p
        return moves

    def revert(self) -> None:
        amap = self.map
        keep = {k: v for k, v in self.old_moves.items() if k in amap.positions or v is not None}
        others = {
            k: v for k, v in keep.items() if k != self.statement.id and (self.relation is None or k != self.relation.id)
        }
        if others:
            amap.move(others)
        amap.remove([self.statement.id])

    def amend_text(self, text: str) -> None:
        """Give the just-created statement its first text without a second undo step.

        The card was placed while it was empty; with its text it is larger (wider, and in a
        left-to-right map it reaches back towards its target), so it is placed again for its
        real size: it must not cover its own junction or its neighbours."""
        amap = self.map
        amap.update_statement(self.statement.id, text=text)
        self.statement = self.statement.replace(text=text)
        moves = self._placement()
        if moves and moves != self.moves:
            for k, old in amap.move(moves).items():
                self.old_moves.setdefault(k, old)
            self.moves = moves


class ConnectCommand(MapCommand):
    """A new relation between cards already on the map, its junction placed between its ends
    unless a position is given."""

    def __init__(self, doc: DocumentController, rel: Relation, position: Point | None) -> None:
        super().__init__(doc, "Connect" if rel.polarity is Polarity.SUPPORT else "Connect (attack)")
        self.relation = rel
        self.position = position

    def apply(self) -> None:
        amap = self.map
        if self.position is None:
            amap.add_relation(self.relation)
            rid = self.relation.id
            p = placement.junction_positions(amap, amap.positions, relation_end_sizes(amap, rid), [rid]).get(rid)
            if p is not None:
                self.position = p
                amap.move({self.relation.id: p})
        else:
            amap.add_relation(self.relation, self.position)

    def revert(self) -> None:
        self.map.remove([self.relation.id])


def relation_end_sizes(amap: ArgumentMap, rid: str) -> dict[str, tuple[float, float]]:
    """Card sizes of a relation's premises and target (not the whole map's: big maps stay fast)."""
    rel = amap.relations[rid]
    return {e: measure.statement_size(amap, e) for e in (*rel.premises, rel.target) if e in amap.statements}
