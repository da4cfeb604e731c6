"""MapScene: mirrors a DocumentController's map as graphics items and follows its change events."""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QGraphicsScene

from ..layout import measure
from ..model import Change
from . import drawing
from .document import DocumentController
from .items import NodeItem, RelationItem
from .placement import junction_positions

SCENE_MARGIN = 2000.0


class MapScene(QGraphicsScene):
    """One item per statement (``node_items``) and per relation (``relation_items``).

    Items never change the model: the view turns gestures into commands, and the scene
    follows ``doc.map_changed``.  Positions are card centres, as in the model.
    """

    hover_changed = Signal(object)   # id of the hovered statement or None

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.doc: DocumentController | None = None
        self.node_items: dict[str, NodeItem] = {}
        self.relation_items: dict[str, RelationItem] = {}
        self.theme = drawing.theme_for(None)
        self._hover: str | None = None
        self._related: set[str] = set()
        self._found: set[str] = set()
        self._syncing = 0          # >0 while the scene itself moves items (no feedback)
        self._auto_junctions: set[str] = set()   # relations without a stored position follow their cards
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QBrush(self.theme.background))
        self.selectionChanged.connect(self._on_scene_selection_changed)

    # ------------------------------------------------------------ document
    def set_document(self, doc: DocumentController | None) -> None:
        """Connect to ``doc`` (disconnecting the previous one) and build items for its map."""
        if self.doc is not None:
            self.doc.map_changed.disconnect(self._on_map_changed)
            self.doc.selection_changed.disconnect(self._on_doc_selection_changed)
        self.clear()
        self.node_items.clear()
        self.relation_items.clear()
        self._auto_junctions.clear()
        self.doc = doc
        if doc is None:
            return
        doc.map_changed.connect(self._on_map_changed)
        doc.selection_changed.connect(self._on_doc_selection_changed)
        amap = doc.map
        self._syncing += 1
        try:
            for st in amap.statements.values():
                self._add_node(st.id)
            for rid in amap.relations:
                self._add_relation(rid, refresh=False)
            self._place_auto_junctions(self.relation_items)
            for item in self.relation_items.values():
                item.refresh()
        finally:
            self._syncing -= 1
        self._grow_scene_rect()
        self._on_doc_selection_changed(doc.selection, None)

    def set_theme(self, theme: drawing.Theme) -> None:
        self.theme = theme
        self.setBackgroundBrush(QBrush(theme.background))
        self.update()

    # ---------------------------------------------------------------- items
    def _add_node(self, sid: str) -> NodeItem:
        amap = self.doc.map
        item = NodeItem(self, amap.statements[sid])
        p = amap.positions.get(sid)
        if p is not None:
            item.setPos(QPointF(*p))
        self.addItem(item)
        self.node_items[sid] = item
        return item

    def _add_relation(self, rid: str, refresh: bool = True) -> RelationItem:
        amap = self.doc.map
        item = RelationItem(self, amap.relations[rid])
        p = amap.positions.get(rid)
        if p is None:
            self._auto_junctions.add(rid)
        else:
            item.setPos(QPointF(*p))
        self.addItem(item)
        self.relation_items[rid] = item
        if refresh:
            self._place_auto_junctions([rid])
            item.refresh()
        return item

    def node_rect(self, eid: str) -> QRectF | None:
        """The scene rectangle of a card, or of a junction for a relation id."""
        n = self.node_items.get(eid)
        if n is not None:
            return n.scene_card_rect()
        r = self.relation_items.get(eid)
        if r is not None:
            return r.junction_rect().translated(r.pos())
        return None

    def item_for(self, eid: str):
        return self.node_items.get(eid) or self.relation_items.get(eid)

    def _place_auto_junctions(self, rids: Iterable[str]) -> None:
        rids = [r for r in rids if r in self._auto_junctions and r in self.relation_items]
        if not rids:
            return
        amap = self.doc.map
        pos = {sid: (it.pos().x(), it.pos().y()) for sid, it in self.node_items.items()}
        pos.update({rid: (it.pos().x(), it.pos().y()) for rid, it in self.relation_items.items()
                    if rid not in self._auto_junctions})
        sizes = {sid: (it.metrics.width, it.metrics.height) for sid, it in self.node_items.items()}
        # undercuts need their target junction first
        rids.sort(key=lambda r: amap.relations[r].target in self.relation_items)
        placed = junction_positions(amap, pos, sizes, rids)
        self._syncing += 1
        try:
            for rid, p in placed.items():
                self.relation_items[rid].setPos(QPointF(*p))
        finally:
            self._syncing -= 1

    def relations_touching(self, ids: Iterable[str]) -> set[str]:
        """Relations whose drawing depends on where ``ids`` are (and their undercuts)."""
        amap = self.doc.map
        out: set[str] = set()
        todo: list[str] = []
        for eid in ids:
            if eid in amap.statements:
                todo.extend(r.id for r in amap.relations_from(eid))
                todo.extend(r.id for r in amap.relations_into(eid))
            elif eid in amap.relations:
                todo.append(eid)
        while todo:
            r = todo.pop()
            if r in out or r not in self.relation_items:
                continue
            out.add(r)
            todo.extend(u.id for u in amap.undercuts_of(r))
        return out

    def refresh_relations(self, rids: Iterable[str]) -> None:
        rids = list(rids)
        self._place_auto_junctions(rids)
        for rid in rids:
            item = self.relation_items.get(rid)
            if item is not None:
                item.refresh()

    def item_moved(self, eid: str) -> None:
        """An item moved (dragged live, or by the scene): its edges follow."""
        if self._syncing:
            return
        self.refresh_relations(self.relations_touching([eid]))

    # -------------------------------------------------------- model events
    def _on_map_changed(self, change: Change) -> None:
        amap = self.doc.map
        dirty: set[str] = set()
        self._syncing += 1
        try:
            for eid in change.removed:
                item = self.node_items.pop(eid, None) or self.relation_items.pop(eid, None)
                self._auto_junctions.discard(eid)
                if item is not None:
                    self.removeItem(item)
                self._found.discard(eid)
            if self._hover in change.removed:
                self.set_hover(None)
            new_rel = []
            for eid in change.added:
                if eid in amap.statements and eid not in self.node_items:
                    self._add_node(eid)
                    dirty.add(eid)
            for rid in amap.relations:  # map order, so undercut targets exist first
                if rid in change.added and rid not in self.relation_items:
                    self._add_relation(rid, refresh=False)
                    new_rel.append(rid)
            for eid in change.changed:
                if eid in self.node_items:
                    self.node_items[eid].set_statement(amap.statements[eid])
                    dirty.add(eid)
                elif eid in self.relation_items:
                    self.relation_items[eid].relation = amap.relations[eid]
                    dirty.add(eid)
            for eid in change.moved:
                item = self.item_for(eid)
                if item is None:
                    continue
                p = amap.positions.get(eid)
                if eid in self.relation_items:
                    if p is None:
                        self._auto_junctions.add(eid)
                    else:
                        self._auto_junctions.discard(eid)
                if p is not None and (item.pos().x(), item.pos().y()) != p:
                    item.setPos(QPointF(*p))
                dirty.add(eid)
            rels = self.relations_touching(dirty) | set(new_rel)
            self.refresh_relations(sorted(rels, key=lambda r: amap.relations[r].target in amap.relations))
        finally:
            self._syncing -= 1
        if change.added or change.moved:
            self._grow_scene_rect()
        if self._hover is not None:
            self.set_hover(self._hover, force=True)

    def _grow_scene_rect(self) -> None:
        rect = self.itemsBoundingRect().adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN)
        self.setSceneRect(self.sceneRect().united(rect) if not self.sceneRect().isEmpty() else rect)

    def content_rect(self) -> QRectF:
        """The bounding rectangle of the cards and edges."""
        return self.itemsBoundingRect()

    # ------------------------------------------------------------ selection
    def selected_ids(self) -> list[str]:
        """Selected statements and relations, in map order."""
        if self.doc is None:
            return []
        sel = {getattr(i, "sid", None) or getattr(i, "rid", None) for i in self.selectedItems()}
        return [eid for eid in (*self.doc.map.statements, *self.doc.map.relations) if eid in sel]

    def selected_statements(self) -> list[str]:
        return [i for i in self.selected_ids() if i in self.node_items]

    def select_ids(self, ids: Iterable[str]) -> None:
        ids = set(ids)
        self._syncing_selection = True
        self.blockSignals(True)
        try:
            for item in self.selectedItems():
                if (getattr(item, "sid", None) or getattr(item, "rid", None)) not in ids:
                    item.setSelected(False)
            for eid in ids:
                item = self.item_for(eid)
                if item is not None:
                    item.setSelected(True)
        finally:
            self.blockSignals(False)
        self._on_scene_selection_changed()

    def _on_scene_selection_changed(self) -> None:
        if self.doc is not None and not self.signalsBlocked():
            self.doc.select(self.selected_ids(), self)

    def _on_doc_selection_changed(self, ids: list, origin: object) -> None:
        if origin is self:
            return
        self.blockSignals(True)
        try:
            want = set(ids)
            for item in self.selectedItems():
                if (getattr(item, "sid", None) or getattr(item, "rid", None)) not in want:
                    item.setSelected(False)
            for eid in ids:
                item = self.item_for(eid)
                if item is not None:
                    item.setSelected(True)
        finally:
            self.blockSignals(False)

    # -------------------------------------------------------- highlighting
    def set_hover(self, sid: str | None, force: bool = False) -> None:
        """Highlight the hovered card, what it supports and what supports it."""
        if sid == self._hover and not force:
            return
        for eid in self._related:
            item = self.item_for(eid)
            if isinstance(item, NodeItem):
                item.related = False
                item.hover = False
                item.update()
            elif isinstance(item, RelationItem):
                item.highlighted = False
                item.update()
        self._related = set()
        self._hover = sid
        if sid is None or self.doc is None or sid not in self.node_items:
            self.hover_changed.emit(None)
            return
        amap = self.doc.map
        related: set[str] = {sid}
        for rel in (*amap.relations_into(sid), *amap.relations_from(sid)):
            related.add(rel.id)
            related.update(rel.premises)
            if rel.target in amap.statements:
                related.add(rel.target)
        for eid in related:
            item = self.item_for(eid)
            if isinstance(item, NodeItem):
                item.related = eid != sid
                item.hover = eid == sid
                item.update()
            elif isinstance(item, RelationItem):
                item.highlighted = True
                item.update()
        self._related = related
        self.hover_changed.emit(sid)

    def hovered(self) -> str | None:
        return self._hover

    def related_to_hover(self) -> set[str]:
        return set(self._related)

    def set_find_matches(self, ids: Iterable[str]) -> None:
        ids = {i for i in ids if i in self.node_items}
        for eid in self._found - ids:
            item = self.node_items.get(eid)
            if item is not None:
                item.found = False
                item.update()
        for eid in ids - self._found:
            self.node_items[eid].found = True
            self.node_items[eid].update()
        self._found = ids

    def find_matches(self) -> set[str]:
        return set(self._found)


__all__ = ["MapScene", "measure"]
