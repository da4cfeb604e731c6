"""Edits the source panel makes through the document: statements from passages, anchoring, text changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...layout import placement
from ...model import Anchor, Kind, ModelError, Point, Polarity, Relation, Statement, new_id
from ...model.passages import Passage, passage_anchor, refound_anchors, statement_text
from ...model.text import normalise_newlines
from ..document.commands import (
    AddRelationCommand,
    AddStatementCommand,
    MoveCommand,
    UpdateSourceCommand,
    UpdateStatementCommand,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..document.controller import DocumentController


# ------------------------------------------------------------------- edits
def make_statement(
    doc: DocumentController,
    passage: Passage,
    kind: Kind,
    *,
    support_target: str | None = None,
    position: Point | None = None,
    origin: object = None,
) -> str:
    """Make a statement of ``kind`` from a passage, anchored to its exact range, in one
    undo step.  Alone, it is selected and the canvas shows it; with ``support_target`` it
    becomes a reason for that statement, which stays selected and in view (so the next
    passage becomes another of its reasons).  Returns its id; raises ModelError."""
    amap = doc.map
    anchor = passage_anchor(amap, passage)
    if support_target is not None and support_target not in amap.statements:
        raise ModelError(f"no statement with id {support_target!r} to support")
    st = Statement(new_id(), statement_text(anchor.quote), Kind(kind), anchors=(anchor,))
    label = f"New {Kind(kind).value} from source"
    new_ids = [st.id]
    with doc.macro(label):
        doc.push(AddStatementCommand(doc, st, position, text=label))
        if support_target is not None:
            rel = Relation(new_id(), Polarity.SUPPORT, (st.id,), support_target)
            doc.push(AddRelationCommand(doc, rel, text="Add support"))
            new_ids.append(rel.id)  # its junction gets a place of its own: later cards keep clear of it
        if position is None:
            placed = placement.place_new(amap, new_ids)
            if placed:
                doc.push(MoveCommand(doc, dict(placed), text="Place"))
    shown = st.id if support_target is None else support_target
    doc.select([shown], origin)
    doc.focus_requested.emit(shown)
    return st.id


def anchor_statement(doc: DocumentController, sid: str, passage: Passage) -> bool:
    """Anchor an existing statement to a passage too (one undo step); False if it already was."""
    anchor = passage_anchor(doc.map, passage)
    st = doc.map.statement(sid)
    if anchor in st.anchors:
        return False
    doc.push(UpdateStatementCommand(doc, sid, {"anchors": st.anchors + (anchor,)}, text="Anchor to passage"))
    return True


def replace_anchor(doc: DocumentController, sid: str, old: Anchor, new: Anchor | None) -> bool:
    """Swap one anchor of a statement for another (a broken one re-anchored), or drop it
    with ``new=None``; one undo step.  False when the statement does not have ``old``."""
    st = doc.map.statement(sid)
    if old not in st.anchors:
        return False
    anchors = (
        tuple(new if a == old else a for a in st.anchors)
        if new is not None
        else tuple(a for a in st.anchors if a != old)
    )
    label = "Re-anchor to passage" if new is not None else "Remove anchor"
    doc.push(UpdateStatementCommand(doc, sid, {"anchors": tuple(dict.fromkeys(anchors))}, text=label))
    return True


def replace_source_text(doc: DocumentController, source_id: str, new_text: str) -> list[str]:
    """Change a source's text and re-find the anchors into it, in one undo step.
    Returns the ids of statements left with a broken anchor."""
    new_text = normalise_newlines(new_text)
    moved, broken = refound_anchors(doc.map, source_id, new_text)
    if new_text == doc.map.source(source_id).text:
        return broken
    with doc.macro("Edit source text"):
        doc.push(UpdateSourceCommand(doc, source_id, {"text": new_text}, text="Edit source text"))
        for sid, anchors in moved.items():
            doc.push(UpdateStatementCommand(doc, sid, {"anchors": anchors}, text="Re-anchor"))
    return broken
