"""Undo commands: each calls model operations in redo()/undo() and never touches graphics items."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from ... import measure
from ...layout import placement
from ...model import ArgumentMap, ModelError, Point, Relation, Snapshot, Source, Statement

if TYPE_CHECKING:  # pragma: no cover
    from .controller import DocumentController

# ids for mergeWith(): commands of the same id and target merge into one undo step
MERGE_TEXT = 1001
MERGE_NUDGE = 1002


class MapCommand(QUndoCommand):
    """Base: remembers the map; a ModelError in the first redo() marks the
    command obsolete (so QUndoStack.push drops it) and keeps the error for the caller."""

    def __init__(self, doc: DocumentController, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.doc = doc
        self.error: ModelError | None = None
        self._done_once = False

    @property
    def map(self) -> ArgumentMap:
        return self.doc.map

    def redo(self) -> None:
        try:
            self.apply()
        except ModelError as e:
            if self._done_once:
                raise
            self.error = e
            self.setObsolete(True)
            return
        self._done_once = True

    def undo(self) -> None:
        self.revert()

    def apply(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def revert(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class AddStatementCommand(MapCommand):
    def __init__(
        self,
        doc: DocumentController,
        statement: Statement,
        position: Point | None = None,
        text: str = "Add statement",
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.statement = statement
        self.position = position

    def apply(self) -> None:
        self.map.add_statement(self.statement, self.position)

    def revert(self) -> None:
        self.map.remove([self.statement.id])


class AddRelationCommand(MapCommand):
    def __init__(
        self,
        doc: DocumentController,
        relation: Relation,
        position: Point | None = None,
        text: str = "Add relation",
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.relation = relation
        self.position = position

    def apply(self) -> None:
        self.map.add_relation(self.relation, self.position)

    def revert(self) -> None:
        self.map.remove([self.relation.id])


class AddManyCommand(MapCommand):
    """Paste, import into a map, statements made from a source passage: all in one step."""

    def __init__(
        self,
        doc: DocumentController,
        statements: Iterable[Statement] = (),
        relations: Iterable[Relation] = (),
        positions: Mapping[str, Point] | None = None,
        sources: Iterable[Source] = (),
        text: str = "Add",
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.statements = list(statements)
        self.relations = list(relations)
        self.positions = dict(positions or {})
        self.sources = list(sources)

    def apply(self) -> None:
        self.map.add_many(self.statements, self.relations, self.positions, (), self.sources)

    def revert(self) -> None:
        ids = [r.id for r in self.relations] + [s.id for s in self.statements]
        if ids:
            self.map.remove(ids)
        for src in reversed(self.sources):
            self.map.remove_source(src.id)


class RemoveCommand(MapCommand):
    """Delete statements and relations; what can no longer stand goes too and comes back on undo."""

    def __init__(
        self, doc: DocumentController, ids: Iterable[str], text: str = "Delete", parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(doc, text, parent)
        self.ids = list(ids)
        self.snapshot: Snapshot | None = None

    def apply(self) -> None:
        self.snapshot = self.map.remove(self.ids)

    def revert(self) -> None:
        assert self.snapshot is not None
        self.map.restore(self.snapshot)


class UpdateStatementCommand(MapCommand):
    """Change fields of a statement.  With ``merge=True`` consecutive edits of the
    same fields of the same statement (typing) merge into one undo step.  A card that grows
    (a longer text, a title, another kind) keeps clear of its neighbours: what it would cover
    moves aside in the same step (:func:`placement.make_room`)."""

    def __init__(
        self,
        doc: DocumentController,
        sid: str,
        changes: Mapping[str, Any],
        text: str = "Edit statement",
        merge: bool = False,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.sid = sid
        self.new = dict(changes)
        self.old: dict[str, Any] = {}
        self.merge = merge
        self.moves: dict[str, Point] = {}  # what moved aside for the grown card, and from where
        self.old_moves: dict[str, Point | None] = {}

    def apply(self) -> None:
        amap = self.map
        size = measure.statement_size(amap, self.sid) if self.sid in amap.statements else None
        before = amap.update_statement(self.sid, **self.new)
        if not self.old:
            self.old = {k: getattr(before, k) for k in self.new}
        if not self._done_once and size is not None:
            self.moves = placement.make_room(amap, self.sid, size)
        if self.moves:
            for k, v in amap.move(self.moves).items():
                self.old_moves.setdefault(k, v)

    def revert(self) -> None:
        if self.old_moves:
            self.map.move(self.old_moves)
        self.map.update_statement(self.sid, **self.old)

    def id(self) -> int:
        return MERGE_TEXT if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, UpdateStatementCommand)
            and other.merge
            and other.sid == self.sid
            and set(other.new) == set(self.new)
        ):
            return False
        self.new = dict(other.new)
        self.moves.update(other.moves)
        for k, v in other.old_moves.items():
            self.old_moves.setdefault(k, v)
        return True


class UpdateRelationCommand(MapCommand):
    def __init__(
        self,
        doc: DocumentController,
        rid: str,
        changes: Mapping[str, Any],
        text: str = "Edit relation",
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.rid = rid
        self.new = dict(changes)
        self.old: dict[str, Any] = {}

    def apply(self) -> None:
        before = self.map.update_relation(self.rid, **self.new)
        if not self.old:
            self.old = {k: getattr(before, k) for k in self.new}

    def revert(self) -> None:
        self.map.update_relation(self.rid, **self.old)


class MoveCommand(MapCommand):
    """Set positions of several elements (a drag, an auto-arrange); nudges merge."""

    def __init__(
        self,
        doc: DocumentController,
        positions: Mapping[str, Point | None],
        text: str = "Move",
        nudge: bool = False,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.new = dict(positions)
        self.old: dict[str, Point | None] | None = None
        self.nudge = nudge

    def apply(self) -> None:
        old = self.map.move(self.new)
        if self.old is None:
            self.old = old

    def revert(self) -> None:
        assert self.old is not None
        self.map.move(self.old)

    def id(self) -> int:
        return MERGE_NUDGE if self.nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, MoveCommand) and other.nudge and set(other.new) == set(self.new)):
            return False
        self.new = dict(other.new)
        return True


class PinCommand(MapCommand):
    def __init__(
        self, doc: DocumentController, ids: Iterable[str], pinned: bool, parent: QUndoCommand | None = None
    ) -> None:
        super().__init__(doc, "Pin" if pinned else "Unpin", parent)
        self.ids = list(ids)
        self.pinned = pinned
        self.changed: set[str] = set()

    def apply(self) -> None:
        self.changed = self.map.set_pinned(self.ids, self.pinned)

    def revert(self) -> None:
        self.map.set_pinned(self.changed, not self.pinned)


class AddSourceCommand(MapCommand):
    def __init__(self, doc: DocumentController, source: Source, parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, "Add source", parent)
        self.source = source

    def apply(self) -> None:
        self.map.add_source(self.source)

    def revert(self) -> None:
        self.map.remove_source(self.source.id)


class UpdateSourceCommand(MapCommand):
    def __init__(
        self,
        doc: DocumentController,
        sid: str,
        changes: Mapping[str, Any],
        text: str = "Edit source",
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.sid = sid
        self.new = dict(changes)
        self.old: dict[str, Any] = {}

    def apply(self) -> None:
        before = self.map.update_source(self.sid, **self.new)
        if not self.old:
            self.old = {k: getattr(before, k) for k in self.new}

    def revert(self) -> None:
        self.map.update_source(self.sid, **self.old)


class RemoveSourceCommand(MapCommand):
    def __init__(self, doc: DocumentController, sid: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(doc, "Remove source", parent)
        self.sid = sid
        self.snapshot: Snapshot | None = None

    def apply(self) -> None:
        self.snapshot = self.map.remove_source(self.sid)

    def revert(self) -> None:
        assert self.snapshot is not None
        self.map.restore(self.snapshot)


class SetMetaCommand(MapCommand):
    def __init__(
        self,
        doc: DocumentController,
        changes: Mapping[str, Any],
        text: str = "Edit map properties",
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(doc, text, parent)
        self.new = dict(changes)
        self.old: dict[str, Any] | None = None

    def apply(self) -> None:
        old = self.map.set_meta(**self.new)
        if self.old is None:
            self.old = old

    def revert(self) -> None:
        assert self.old is not None
        self.map.set_meta(**self.old)
