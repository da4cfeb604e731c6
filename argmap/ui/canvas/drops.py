"""Drops on the canvas: source passages (new or anchored statements) and map fragments (paste)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt

from ... import measure
from ...layout import placement
from ...model import Anchor, Kind, Point, Polarity, Relation, Statement, new_id
from ...model.passages import PASSAGE_MIME
from ..document.commands import UpdateStatementCommand
from ..document.placing_commands import NewStatementCommand
from . import clipboard
from .items import NodeItem

if TYPE_CHECKING:  # pragma: no cover
    from .view import MapView


def drag_enter(view: MapView, event) -> bool:
    md = event.mimeData()
    if md.hasFormat(PASSAGE_MIME) or md.hasFormat(clipboard.FRAGMENT_MIME):
        event.acceptProposedAction()
        return True
    return False


def drop(view: MapView, event, target) -> bool:
    """A passage dropped on empty canvas makes a statement anchored to it; on a card it anchors
    that card, or with Shift adds a supporting statement; a fragment is pasted where it lands."""
    md = event.mimeData()
    at = view.mapToScene(event.position().toPoint())
    if md.hasFormat(clipboard.FRAGMENT_MIME):
        clipboard.paste_mime(view, md, at)
        event.acceptProposedAction()
        return True
    if not md.hasFormat(PASSAGE_MIME):
        return False
    doc = view.doc
    try:
        data = json.loads(bytes(md.data(PASSAGE_MIME)).decode("utf-8"))
        anchor = Anchor(str(data["source"]), int(data["start"]), int(data["end"]), str(data["text"]))
    except (ValueError, KeyError, TypeError) as e:
        doc.status_message.emit(f"Cannot drop this passage: {e}")
        return True
    if isinstance(target, NodeItem):
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            _new_statement(view, anchor, data, at, target.sid)
        else:
            st = doc.map.statements[target.sid]
            doc.try_push(
                UpdateStatementCommand(doc, target.sid, {"anchors": st.anchors + (anchor,)}, text="Anchor to passage")
            )
    else:
        _new_statement(view, anchor, data, at, None)
    event.acceptProposedAction()
    return True


def _new_statement(view: MapView, anchor: Anchor, data: dict, at: QPointF, supports: str | None) -> None:
    try:
        kind = Kind(data.get("kind", "evidence" if supports else "premise"))
    except ValueError:
        kind = Kind.PREMISE
    st = Statement(new_id(), anchor.quote.strip(), kind, anchors=(anchor,))
    rel = None
    pos: Point = (round(at.x(), 1), round(at.y(), 1))
    if supports is not None:
        rel = Relation(new_id(), Polarity.SUPPORT, (st.id,), supports)
        pos = placement.place_below(
            view.doc.map, supports, measure.card_size_in(view.doc.map, st), view.edits.nearby_cards(supports)
        )
    cmd = NewStatementCommand(view.doc, st, pos, relation=rel, text="Add statement from passage")
    if view.doc.try_push(cmd):
        view.map_scene.select_ids([st.id])
