"""Canvas gestures and menu actions turned into undo commands: new statements, connects, moves, kinds."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt

from ... import measure
from ...layout import placement
from ...layout.metrics import overlaps
from ...model import Kind, Point, Polarity, Relation, Statement, main_conclusions, new_id
from ..document.commands import (
    MoveCommand,
    RemoveCommand,
    SetMetaCommand,
    UpdateRelationCommand,
    UpdateStatementCommand,
)
from ..document.placing_commands import ConnectCommand, NewStatementCommand, relation_end_sizes
from .items import NodeItem

if TYPE_CHECKING:  # pragma: no cover
    from ..document.controller import DocumentController
    from .view import MapView


def _pos(p: QPointF) -> Point:
    return (round(p.x(), 1), round(p.y(), 1))


class CanvasEdits:
    """Turns canvas gestures and menu actions into commands on the view's document."""

    def __init__(self, view: MapView) -> None:
        self.view = view
        # a weak reference: a second strong reference to a command the undo stack owns makes the
        # garbage collector free it twice when the document goes (a crash in QUndoStack::clear)
        self._last_new: Callable[[], NewStatementCommand | None] = lambda: None
        self._nearby_ids: list[str] = []

    @property
    def doc(self) -> DocumentController:
        return self.view.doc

    # ----------------------------------------------------------- selection
    def current_statement(self) -> str | None:
        sel = self.view.map_scene.selected_statements()
        return sel[0] if sel else None

    def current_relation(self) -> str | None:
        """The selected relation, else the one relation the selected statement is a premise of."""
        sc = self.view.map_scene
        rels = [i for i in sc.selected_ids() if i in sc.relation_items]
        if rels:
            return rels[0]
        sid = self.current_statement()
        if sid is not None:
            out = self.doc.map.relations_from(sid)
            if out:
                return out[0].id
        return None

    def _push_new(self, cmd: NewStatementCommand, edit: bool = True) -> str | None:
        if not self.doc.try_push(cmd):
            return None
        self._last_new = weakref.ref(cmd)
        self.view.map_scene.select_ids([cmd.sid])
        if edit:
            self.view.interaction.start_edit(cmd.sid, new=True)
        return cmd.sid

    @property
    def last_new(self) -> NewStatementCommand | None:
        """The last statement-creating command pushed from the canvas (while it exists)."""
        return self._last_new()

    def is_fresh(self, sid: str) -> NewStatementCommand | None:
        """The command that created ``sid`` if it is still the last step on the undo stack."""
        cmd = self._last_new()
        stack = self.doc.undo_stack
        if cmd is None or cmd.sid != sid or stack.index() == 0 or stack.command(stack.index() - 1) is not cmd:
            return None
        return cmd

    # ----------------------------------------------------------- creating
    def create_statement(self, kind: Kind = Kind.PREMISE, at: QPointF | None = None, edit: bool = True) -> str | None:
        st = Statement(new_id(), "", kind)
        size = measure.card_size_in(self.doc.map, st)
        if at is None:
            c = self.view.mapToScene(self.view.viewport().rect().center())
            at = QPointF(*self._free_spot(_pos(c), size))
        cmd = NewStatementCommand(self.doc, st, _pos(at), text="New statement")
        return self._push_new(cmd, edit)

    def nearby_cards(self, eid: str) -> list[tuple[float, float, float, float]]:
        """Cards around ``eid`` (centre, size) found through the scene's spatial index."""
        sc = self.view.map_scene
        x, y = sc.pos.get(eid, (0.0, 0.0))
        area = QRectF(x - 6000, y - 1500, 12000, 3000)
        out, ids = [], []
        for item in sc.items(area, Qt.ItemSelectionMode.IntersectsItemBoundingRect):
            if isinstance(item, NodeItem) and item.sid in sc.pos:
                out.append((*sc.pos[item.sid], item.metrics.width, item.metrics.height))
                ids.append(item.sid)
        self._nearby_ids = ids
        return out

    def _free_spot(self, p: Point, size: tuple[float, float]) -> Point:
        sc = self.view.map_scene
        rects = [(*sc.pos[sid], it.metrics.width, it.metrics.height) for sid, it in sc.node_items.items()]
        x, y = p
        for i in range(200):
            cand = (x + (i % 10) * 40.0, y + (i // 10) * 40.0)
            if not placement.too_close((cand[0], cand[1], *size), rects):
                return cand
        return p

    def add_reason(self, mode: str, target: str | None = None) -> str | None:
        """A new statement supporting (``support``/``evidence``) or attacking (``attack``) the target."""
        target = target or self.current_statement()
        if target is None:
            self.doc.status_message.emit("Select a statement first")
            return None
        kind = Kind.EVIDENCE if mode == "evidence" else Kind.PREMISE
        pol = Polarity.ATTACK if mode == "attack" else Polarity.SUPPORT
        st = Statement(new_id(), "", kind)
        pos = placement.place_below(
            self.doc.map, target, measure.card_size_in(self.doc.map, st), self.nearby_cards(target)
        )
        rel = Relation(new_id(), pol, (st.id,), target)
        label = {"support": "Add supporting premise", "attack": "Add objection", "evidence": "Add evidence"}[mode]
        return self._push_new(NewStatementCommand(self.doc, st, pos, relation=rel, text=label))

    def add_co_premise(self) -> str | None:
        rid = self.current_relation()
        if rid is None:
            self.doc.status_message.emit("Select a premise of a relation first")
            return None
        amap = self.doc.map
        rel = amap.relations[rid]
        st = Statement(new_id(), "", Kind.PREMISE)
        w, h = measure.card_size_in(amap, st)
        last = rel.premises[-1]
        lp = amap.positions.get(last, (0.0, 0.0))
        lw = measure.statement_size(amap, last)[0]
        rects = {
            s: (p[0], p[1], *measure.statement_size(amap, s)) for s, p in amap.positions.items() if s in amap.statements
        }
        x = lp[0] + lw / 2 + placement.GAP_X + w / 2
        while placement.too_close((x, lp[1], w, h), list(rects.values())):
            x += 40.0
        return self._push_new(NewStatementCommand(self.doc, st, (x, lp[1]), co_premise_of=rid, text="Add co-premise"))

    def add_undercut(self) -> str | None:
        rid = self.current_relation()
        if rid is None:
            self.doc.status_message.emit("Select a relation (or a premise of one) first")
            return None
        st = Statement(new_id(), "", Kind.PREMISE)
        pos = placement.place_below(self.doc.map, rid, measure.card_size_in(self.doc.map, st), self.nearby_cards(rid))
        rel = Relation(new_id(), Polarity.ATTACK, (st.id,), rid)
        return self._push_new(NewStatementCommand(self.doc, st, pos, relation=rel, text="Add undercut"))

    # ------------------------------------------------------------ changing
    def set_kind(self, kind: Kind) -> None:
        ids = [s for s in self.view.map_scene.selected_statements() if self.doc.map.statements[s].kind is not kind]
        if not ids:
            return
        with self.doc.macro(f"Make {kind.value}"):
            for sid in ids:
                self.doc.try_push(UpdateStatementCommand(self.doc, sid, {"kind": kind}, text=f"Make {kind.value}"))

    def toggle_implicit(self) -> None:
        """Mark the selected statements implicit (unstated premises the analyst supplies), or, when all
        of them already are, stated again: one undo step."""
        amap = self.doc.map
        ids = self.view.map_scene.selected_statements()
        if not ids:
            self.doc.status_message.emit("Select a statement first")
            return
        implicit = not all(amap.statements[s].implicit for s in ids)
        text = "Mark implicit" if implicit else "Mark stated"
        with self.doc.macro(text):
            for sid in ids:
                if amap.statements[sid].implicit is not implicit:
                    self.doc.try_push(UpdateStatementCommand(self.doc, sid, {"implicit": implicit}, text=text))
        n = len(ids)
        what = "implicit: unstated by the author" if implicit else "stated by the author"
        self.doc.status_message.emit(f"Marked {n} statement{'s' if n > 1 else ''} {what}")

    def toggle_polarity(self) -> None:
        sc = self.view.map_scene
        rids = [i for i in sc.selected_ids() if i in sc.relation_items]
        if not rids:
            rid = self.current_relation()
            rids = [rid] if rid else []
        if not rids:
            self.doc.status_message.emit("Select a relation first")
            return
        amap = self.doc.map
        with self.doc.macro("Change polarity"):
            for rid in rids:
                pol = amap.relations[rid].polarity
                new = Polarity.ATTACK if pol is Polarity.SUPPORT else Polarity.SUPPORT
                self.doc.try_push(UpdateRelationCommand(self.doc, rid, {"polarity": new}, text="Change polarity"))

    def set_text(self, sid: str, text: str) -> None:
        """Commit an in-place edit: folded into a just-created statement, else one undo step."""
        if sid not in self.doc.map.statements or self.doc.map.statements[sid].text == text:
            return
        fresh = self.is_fresh(sid)
        if fresh is not None:
            fresh.amend_text(text)
            return
        self.doc.try_push(UpdateStatementCommand(self.doc, sid, {"text": text}, text="Edit text"))

    def discard_fresh(self, sid: str) -> bool:
        """Escape on a card created a moment ago takes the card away again (no redo entry)."""
        cmd = self.is_fresh(sid)
        if cmd is None or self.doc.map.statements[sid].text:
            return False
        # Qt drops an obsolete command at undo without calling its undo(), so undo it first
        cmd.undo()
        cmd.setObsolete(True)
        self.doc.undo_stack.undo()
        self._last_new = lambda: None
        return True

    def delete_selection(self) -> None:
        ids = self.view.map_scene.selected_ids()
        if ids:
            self.doc.try_push(RemoveCommand(self.doc, ids, text="Delete"))

    def move(self, positions: Mapping[str, Point], nudge: bool = False, text: str | None = None) -> None:
        amap = self.doc.map
        changed = {k: v for k, v in positions.items() if amap.positions.get(k) != v}
        if changed:
            text = text or ("Nudge" if nudge else "Move")
            self.doc.try_push(MoveCommand(self.doc, changed, text=text, nudge=nudge))

    def nudge(self, dx: float, dy: float) -> None:
        sc = self.view.map_scene
        ids = sc.selected_ids()
        if not ids:
            return
        moves = {}
        for eid in ids:
            x, y = sc.pos[eid]
            moves[eid] = (round(x + dx, 1), round(y + dy, 1))
        self.move(moves, nudge=True)

    # -------------------------------------------------------- connecting
    def connect(self, premise: str, target: str, polarity: Polarity) -> str | None:
        """A new relation from ``premise`` to ``target`` (a statement, or a relation: an undercut)."""
        amap = self.doc.map
        if premise not in amap.statements or target not in amap:
            return None
        rel = Relation(new_id(), polarity, (premise,), target)
        if self.doc.try_push(ConnectCommand(self.doc, rel, None)):
            return rel.id
        return None

    def join_linked(self, premise: str, rid: str) -> None:
        """Make ``premise`` one more premise of the linked relation ``rid``."""
        rel = self.doc.map.relations[rid]
        if premise in rel.premises:
            return
        self.doc.try_push(
            UpdateRelationCommand(self.doc, rid, {"premises": rel.premises + (premise,)}, text="Add co-premise")
        )

    def attach(self, sid: str, target: str, start_positions: Mapping[str, Point]) -> None:
        """A card dropped onto another card becomes a supporting premise of it, placed below it."""
        amap = self.doc.map
        with self.doc.macro("Attach"):
            # the card goes back where it was, then to a free place below its new target
            x, y = start_positions.get(sid, amap.positions.get(sid, (0.0, 0.0)))
            self.view.map_scene.set_item_pos(sid, x, y)
            rid = self.connect(sid, target, Polarity.SUPPORT)
            if rid is None:
                return
            nearby = [r for r, s in zip(self.nearby_cards(target), self._nearby_ids) if s != sid]
            pos = placement.place_below(amap, target, measure.statement_size(amap, sid), nearby)
            moves = {sid: pos}
            jp = placement.junction_positions(
                amap, {**amap.positions, sid: pos}, relation_end_sizes(amap, rid), [rid]
            ).get(rid)
            if jp is not None:
                moves[rid] = jp
            self.move(moves)

    # ----------------------------------------------------------- arranging
    def auto_arrange(self, selection_only: bool = False) -> None:
        amap = self.doc.map
        only = None
        if selection_only:
            sel = self.view.map_scene.selected_statements()
            if not sel:
                return
            only = _subtree(amap, sel)
        pos = placement.layout_positions(amap, only)
        if only is not None:
            pos = self._keep_anchor(pos, only)
        if pos:
            self.move(pos, text="Arrange Subtree" if only is not None else "Auto-arrange")
        if only is None:
            self._show_arranged()

    def _show_arranged(self) -> None:
        """Every card may have moved: show the whole map when it fits at this zoom, else centre the
        selected card (or the main conclusion). The zoom stays the user's."""
        view = self.view
        rect = view.map_scene.content_rect()
        if rect.isEmpty():
            return
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        if rect.width() <= seen.width() and rect.height() <= seen.height():
            view.centerOn(rect.center())
            return
        ids = view.map_scene.selected_statements() or [s.id for s in main_conclusions(self.doc.map)[:1]]
        card = view.map_scene.node_rect(ids[0]) if ids else None
        view.centerOn(card.center() if card is not None else rect.center())

    def set_compact_cards(self, on: bool) -> None:
        """Show every card compact (its title alone) or in full: one undo step, which also
        re-arranges the map when the new card sizes would make cards overlap."""
        amap = self.doc.map
        if measure.compact_cards(amap) == bool(on):
            return
        text = "Show Titles Only" if on else "Show Full Statements"
        with self.doc.macro(text):
            value = measure.CARD_TEXT_TITLES if on else None  # full is the default: no key
            if not self.doc.try_push(SetMetaCommand(self.doc, {measure.CARD_TEXT_KEY: value}, text=text)):
                return
            placed = {s: p for s, p in amap.positions.items() if s in amap.statements}
            if overlaps(placed, {s: measure.statement_size(amap, s) for s in placed}):
                self.move(placement.layout_positions(amap))
                self.doc.status_message.emit(f"{text}: the map was re-arranged for the new card size")
            elif on:
                self.doc.status_message.emit(f"{text}: Auto-arrange (Ctrl+L) packs the smaller cards closer")

    def _keep_anchor(self, pos: dict[str, Point], only: set[str]) -> dict[str, Point]:
        """Arranging a subtree keeps its top card where it was."""
        amap = self.doc.map
        tops = [
            s
            for s in only
            if s in pos and s in amap.positions and not any(r.target in only for r in amap.relations_from(s))
        ]
        if not tops:
            return pos
        a = tops[0]
        dx = amap.positions[a][0] - pos[a][0]
        dy = amap.positions[a][1] - pos[a][1]
        return {k: (round(v[0] + dx, 1), round(v[1] + dy, 1)) for k, v in pos.items()}


def _subtree(amap, roots: Iterable[str]) -> set[str]:
    """The statements and relations under ``roots`` (their reasons, recursively)."""
    out: set[str] = set()
    todo = list(roots)
    while todo:
        eid = todo.pop()
        if eid in out:
            continue
        out.add(eid)
        for rel in amap.relations_into(eid):
            todo.append(rel.id)
            todo.extend(rel.premises)
    return out
