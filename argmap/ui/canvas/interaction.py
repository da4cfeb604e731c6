"""Mouse and keyboard gestures on the canvas, turned into edits (the view forwards its events here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QPainter, QPen
from PySide6.QtWidgets import QMenu

from ...model import Kind, Point, Polarity
from . import drops
from .editor import CardEditor
from .items import NodeItem, RelationItem
from .navigation import NOWHERE, Navigator, nearest_to, step_for

if TYPE_CHECKING:  # pragma: no cover
    from .view import MapView

NUDGE = 10.0
BIG_NUDGE = 50.0
_ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}


class Interaction:
    """State of the gesture in progress: panning, connecting, dragging cards, editing text."""

    def __init__(self, view: MapView) -> None:
        self.view = view
        self.editor: CardEditor | None = None
        self.editing_sid: str | None = None
        self._editing_new = False
        self._pan_from: QPoint | None = None
        self._space = False
        self.connect_from: str | None = None
        self._connect_point: QPointF | None = None
        self._connect_target = None
        self._pressed = False
        self._drag_start: dict[str, Point] | None = None
        self._followers: dict[str, Point] = {}
        self._touched: list[str] = []
        self._drop_target: NodeItem | None = None
        self.menu: QMenu | None = None
        self._retired: list[CardEditor] = []
        self.navigator = Navigator()

    @property
    def scene(self):
        return self.view.map_scene

    def _card_at(self, pos: QPoint, exclude=()) -> NodeItem | RelationItem | None:
        for it in self.view.items(pos):
            if isinstance(it, (NodeItem, RelationItem)) and it not in exclude:
                return it
            if isinstance(it, CardEditor):
                return it.node
        return None

    def _handle_at(self, pos: QPoint) -> NodeItem | None:
        sp = self.view.mapToScene(pos)
        for it in self.view.items(QRect(pos.x() - 8, pos.y() - 8, 16, 16)):
            if isinstance(it, NodeItem) and it.on_handle(it.mapFromScene(sp)):
                return it
        return None

    # -------------------------------------------------------------- mouse
    def mouse_press(self, event) -> bool:
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space
        ):
            self._pan_from = pos
            self.view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return True
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if self.editor is not None and self._card_at(pos) is not self.editor.node:
            self.editor.commit()
        handle = self._handle_at(pos)
        if handle is not None:
            self.connect_from = handle.sid
            self._connect_point = self.view.mapToScene(pos)
            return True
        self._pressed = self._card_at(pos) is not None
        self._drag_start = None
        return False

    def mouse_move(self, event) -> bool:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            d = pos - self._pan_from
            self._pan_from = pos
            self.view.horizontalScrollBar().setValue(self.view.horizontalScrollBar().value() - d.x())
            self.view.verticalScrollBar().setValue(self.view.verticalScrollBar().value() - d.y())
            return True
        if self.connect_from is not None:
            self._connect_point = self.view.mapToScene(pos)
            src = self.scene.node_items.get(self.connect_from)
            target = self._card_at(pos, exclude=(src,))
            self._set_drop_target(target if isinstance(target, NodeItem) else None)
            self._connect_target = target
            self.view.viewport().update()
            return True
        if self._pressed and event.buttons() & Qt.MouseButton.LeftButton and self._drag_start is None:
            self._begin_drag()
        return False

    def after_move(self, event) -> None:
        """After Qt moved the dragged items: junctions of the dragged reasons follow, drop target shows."""
        if self._drag_start is None:
            return
        sc = self.scene
        sc.note_moved(self._drag_start)
        anchor = next(iter(self._drag_start))
        if anchor not in sc.pos:
            return
        dx = sc.pos[anchor][0] - self._drag_start[anchor][0]
        dy = sc.pos[anchor][1] - self._drag_start[anchor][1]
        for rid, (x, y) in self._followers.items():
            sc.set_item_pos(rid, x + dx, y + dy)
        sc.refresh_relations(self._touched)
        sc.overview.invalidate()
        nodes = [i for i in self._drag_start if i in self.scene.node_items]
        target = None
        if len(nodes) == 1:
            dragged = self.scene.node_items[nodes[0]]
            under = self._card_at(event.position().toPoint(), exclude=(dragged,))
            target = under if isinstance(under, NodeItem) else None
        self._set_drop_target(target)

    def _begin_drag(self) -> None:
        sc = self.scene
        start = {}
        for eid in sc.selected_ids():
            start[eid] = sc.pos[eid]
        self._drag_start = start
        amap = self.view.doc.map
        moving = set(start)
        self._followers = {}
        for rid, rel in amap.relations.items():
            if rid not in moving and rid in amap.positions and all(p in moving for p in rel.premises):
                self._followers[rid] = sc.pos[rid]
        self._touched = sorted(
            sc.relations_touching(moving | set(self._followers)),
            key=lambda r: amap.relations[r].target in amap.relations,
        )

    def _set_drop_target(self, item: NodeItem | None) -> None:
        if item is self._drop_target:
            return
        if self._drop_target is not None:
            self._drop_target.drop_target = False
            self._drop_target.update()
        self._drop_target = item
        if item is not None:
            item.drop_target = True
            item.update()

    def mouse_release(self, event) -> bool:
        if self._pan_from is not None and event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._pan_from = None
            self.view.viewport().unsetCursor()
            return True
        if self.connect_from is not None and event.button() == Qt.MouseButton.LeftButton:
            src, target = self.connect_from, self._connect_target
            self.connect_from = None
            self._connect_target = None
            self._set_drop_target(None)
            self.view.viewport().update()
            if target is not None:
                self._finish_connect(src, target, event.modifiers(), event.globalPosition().toPoint())
            return True
        return False

    def _finish_connect(self, src: str, target, mods, global_pos: QPoint) -> None:
        edits = self.view.edits
        tid = target.sid if isinstance(target, NodeItem) else target.rid
        if mods & Qt.KeyboardModifier.ShiftModifier:
            edits.connect(src, tid, Polarity.ATTACK)
            return
        if mods & Qt.KeyboardModifier.ControlModifier:
            if isinstance(target, RelationItem):
                edits.join_linked(src, tid)
            else:
                edits.connect(src, tid, Polarity.SUPPORT)
            return
        menu = QMenu(self.view)
        if isinstance(target, RelationItem):
            menu.addAction("Join as linked co-premise", lambda: edits.join_linked(src, tid))
            menu.addAction("Undercut this relation (attack)", lambda: edits.connect(src, tid, Polarity.ATTACK))
        else:
            menu.addAction("Supports", lambda: edits.connect(src, tid, Polarity.SUPPORT))
            menu.addAction("Attacks", lambda: edits.connect(src, tid, Polarity.ATTACK))
        self.menu = menu
        menu.popup(global_pos)

    def after_release(self, event) -> None:
        start, self._drag_start = self._drag_start, None
        self._pressed = False
        drop, followers = self._drop_target, self._followers
        self._set_drop_target(None)
        self._followers = {}
        if not start:
            return
        sc = self.scene
        sc.note_moved(start)
        moves: dict[str, Point] = {}
        for eid in (*start, *followers):
            if eid in sc.pos:
                moves[eid] = (round(sc.pos[eid][0], 1), round(sc.pos[eid][1], 1))
        if all(moves.get(k) == (round(v[0], 1), round(v[1], 1)) for k, v in start.items()):
            return
        if drop is not None and len(start) == 1 and next(iter(start)) in sc.node_items:
            self.view.edits.attach(next(iter(start)), drop.sid, start)
        else:
            self.view.edits.move(moves)

    def double_click(self, event) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.position().toPoint()
        item = self._card_at(pos)
        if isinstance(item, NodeItem):
            self.start_edit(item.sid)
            return True
        if item is None:
            self.view.edits.create_statement(Kind.PREMISE, self.view.mapToScene(pos))
            return True
        return False

    # ------------------------------------------------------------ editing
    def edit_selected(self) -> None:
        sid = self.view.edits.current_statement()
        if sid is not None:
            self.start_edit(sid)

    def start_edit(self, sid: str, new: bool = False, initial: str | None = None) -> None:
        if self.editor is not None:
            self.editor.commit()
        node = self.scene.node_items.get(sid)
        if node is None:
            return
        self.scene.select_ids([sid])
        node.editing = True
        text = initial if initial is not None else node.statement.text
        self.editor = CardEditor(
            node, text, lambda t: self._commit(sid, t), lambda: self._cancel(sid), select_all=initial is None
        )
        self.editing_sid = sid
        self._editing_new = new
        self.view.setFocus()
        self.scene.setFocusItem(self.editor)
        # the editor is as wide as a full card, wider than a new empty one: show all of it
        self.view.ensureVisible(node.sceneBoundingRect().united(self.editor.sceneBoundingRect()), 40, 40)

    def _close_editor(self, sid: str) -> None:
        editor, self.editor = self.editor, None
        self.editing_sid = None
        node = self.scene.node_items.get(sid)
        if node is not None:
            node.editing = False
            node.update()
        if editor is not None:
            # called from inside the editor's own key or focus handler: retire it now, delete it later
            editor.hide()
            editor.setParentItem(None)
            if editor.scene() is not None:
                editor.scene().removeItem(editor)
            self._retired.append(editor)
            QTimer.singleShot(0, self._retired.clear)

    def _commit(self, sid: str, text: str) -> None:
        new = self._editing_new
        self._close_editor(sid)
        if sid not in self.view.doc.map.statements:
            return
        if not text and new and self.view.edits.discard_fresh(sid):
            return
        self.view.edits.set_text(sid, text)

    def _cancel(self, sid: str) -> None:
        new = self._editing_new
        self._close_editor(sid)
        if new and sid in self.view.doc.map.statements:
            self.view.edits.discard_fresh(sid)

    # --------------------------------------------------------------- keys
    def key_press(self, event) -> bool:
        if self.editor is not None:
            return False
        key, mods = event.key(), event.modifiers()
        M = Qt.KeyboardModifier
        if key == Qt.Key.Key_Space and not event.isAutoRepeat() and not self.scene.selected_statements():
            self._space = True
            return True
        if key in _ARROWS and not mods & (M.ControlModifier | M.MetaModifier):
            dx, dy = _ARROWS[key]
            if mods & M.AltModifier:  # Alt+arrows move the selected cards (Shift: further)
                step = BIG_NUDGE if mods & M.ShiftModifier else NUDGE
                self.view.edits.nudge(dx * step, dy * step)
                return True
            if not mods & M.ShiftModifier:
                return self.navigate(dx, dy)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and not mods & M.ControlModifier:
            self.edit_selected()
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not mods:
            self.view.edits.delete_selection()
            return True
        if key == Qt.Key.Key_Escape:
            self.scene.select_ids([])
            return True
        if key == Qt.Key.Key_F10 and mods == M.ShiftModifier:  # as the Menu key (X11 makes no menu event of it)
            centre = self.view.viewport().rect().center()
            where = self.view.viewport().mapToGlobal(centre)
            self.context_menu(QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, centre, where))
            return True
        text = event.text()
        if text and text.isprintable() and not mods & (M.ControlModifier | M.AltModifier | M.MetaModifier):
            sel = self.scene.selected_statements()
            if len(sel) == 1:
                self.start_edit(sel[0], initial=text)
                return True
        return False

    def key_release(self, event) -> bool:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space:
            self._space = False
            return True
        return False

    def navigate(self, dx: int, dy: int) -> bool:
        """An arrow key moves the selection along the map as its direction has it (up to the target, down
        to a reason, across to a sibling), or selects the card in the middle.  False if there are no cards."""
        sc = self.scene
        doc = self.view.doc
        sel = sc.selected_ids()
        if not sel:
            middle = self.view.mapToScene(self.view.viewport().rect().center())
            dest = nearest_to(sc.pos, sc.node_items, (middle.x(), middle.y()))
            if dest is None:
                return False
        else:
            direction = str(doc.map.meta.get("layout_direction", "TB"))
            step = step_for(direction, dx, dy)
            dest = self.navigator.step(doc.map, sc.pos, sel[0], step, direction)
            if dest is None:
                doc.status_message.emit(NOWHERE[step])
                return True
        item = sc.item_for(dest)
        if item is not None:
            sc.select_ids([dest])
            self.view.ensureVisible(item, 40, 40)
        return True

    # -------------------------------------------------------- context menu
    def context_menu(self, event) -> None:
        item = self._card_at(event.pos())
        where = event.globalPos()
        sel = self.scene.selected_ids()
        if event.reason() == QContextMenuEvent.Reason.Keyboard and sel:  # the Menu key: the selected card's menu
            item = self.scene.item_for(sel[0])
            where = self.view.viewport().mapToGlobal(self.view.mapFromScene(item.sceneBoundingRect().center()))
        acts = self.view.canvas_actions
        menu = QMenu(self.view)
        if item is not None:
            if not item.isSelected():
                eid = item.sid if isinstance(item, NodeItem) else item.rid
                self.scene.select_ids([eid])
            for a in acts.structure_actions:
                menu.addAction(a)
            menu.addSeparator()
            for a in acts.edit_actions:
                menu.addAction(a)
        else:
            at = self.view.mapToScene(event.pos())
            menu.addAction("&New Statement Here", lambda: self.view.edits.create_statement(Kind.PREMISE, at))
            menu.addAction(acts.paste)
            menu.addSeparator()
            for a in acts.view_actions:
                menu.addAction(a)
        self.menu = menu
        menu.popup(where)

    # ---------------------------------------------------------- overlays
    def draw_overlay(self, painter: QPainter) -> None:
        if self.connect_from is None or self._connect_point is None:
            return
        src = self.scene.node_items.get(self.connect_from)
        if src is None:
            return
        pen = QPen(self.scene.theme.selection, 2.0, Qt.PenStyle.DashLine)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(pen)
        painter.drawLine(src.mapToScene(src.handle_center()), self._connect_point)
        painter.restore()

    # ------------------------------------------------------- drag and drop
    def drag_enter(self, event) -> bool:
        return drops.drag_enter(self.view, event)

    def drag_move(self, event) -> bool:
        return drops.drag_enter(self.view, event)

    def drop(self, event) -> bool:
        return drops.drop(self.view, event, self._card_at(event.position().toPoint()))
