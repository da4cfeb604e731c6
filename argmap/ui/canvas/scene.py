"""MapScene: mirrors a DocumentController's map as graphics items and follows its change events."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QGraphicsScene

from ... import measure
from ...draw.edges import horizontal_flow
from ...layout.placement import junction_positions
from ...model import Change
from ..document.controller import DocumentController
from ..paint.edge_geometry import arrival_xs, arrival_ys
from ..paint.theme import Theme, theme_for
from .items import NodeItem, RelationItem
from .overview import CARD_FLAGS, CARD_FLAGS_OVERVIEW, OverviewItem
from .selection import SelectionMixin

SCENE_MARGIN = 2000.0
OVERVIEW_FROM = 400  # maps this big open zoomed out: build their items in overview mode

Point = tuple[float, float]


class MapScene(SelectionMixin, QGraphicsScene):
    """One item per statement (``node_items``) and per relation (``relation_items``).

    Items never change the model: the view turns gestures into commands, and the scene
    follows ``doc.map_changed``.  Positions are card centres, as in the model; ``pos``
    mirrors every item's position in plain floats (reading ``QGraphicsItem.pos()`` from
    Python costs microseconds, and the scene reads positions a lot).
    """

    hover_changed = Signal(object)  # id of the hovered statement or None

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.doc: DocumentController | None = None
        self.node_items: dict[str, NodeItem] = {}
        self.relation_items: dict[str, RelationItem] = {}
        self.pos: dict[str, Point] = {}
        self.theme = theme_for(None)
        self._hover: str | None = None
        self._related: set[str] = set()
        self._found: set[str] = set()
        self._auto_junctions: set[str] = set()  # relations without a stored position follow their cards
        self._horizontal = False  # the flow the edges were drawn for (see horizontal())
        self._compact = False  # whether cards are drawn compact (see compact_cards())
        self.overview_mode = False
        self.numbers: dict[str, int] = {}  # card numbers shown on the cards (View > Show Card Numbers)
        self.badge_corners: dict[str, int] = {}  # the cards whose number is not on their top left (draw.numbers)
        self._bounds_cache: QRectF | None = None
        self.overview = OverviewItem(self)
        self.addItem(self.overview)
        self.overview.hide()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QBrush(self.theme.background))
        self.selectionChanged.connect(self._on_scene_selection_changed)

    # ------------------------------------------------------------ document
    def set_document(self, doc: DocumentController | None) -> None:
        """Connect to ``doc`` (disconnecting the previous one) and build items for its map."""
        if self.doc is not None:
            self.doc.map_changed.disconnect(self._on_map_changed)
            self.doc.selection_changed.disconnect(self._on_doc_selection_changed)
        self.removeItem(self.overview)
        self.clear()
        self.addItem(self.overview)
        self.node_items.clear()
        self.relation_items.clear()
        self.pos.clear()
        self._auto_junctions.clear()
        self._found.clear()
        self._related.clear()
        self._hover = None
        self.doc = doc
        self._bounds_cache = None
        if doc is None:
            return
        doc.map_changed.connect(self._on_map_changed)
        doc.selection_changed.connect(self._on_doc_selection_changed)
        amap = doc.map
        self._horizontal = self.horizontal()
        self._compact = self.compact_cards()
        if len(amap.statements) >= OVERVIEW_FROM:
            self.overview_mode = True
            self.overview.show()
        # build every item first and add them at the end: geometry changes of items that are
        # not in a scene yet cost nothing
        for st in amap.statements.values():
            self._add_node(st.id, add=False)
        for rid in amap.relations:
            self._add_relation(rid, refresh=False, add=False)
        self._place_auto_junctions(self.relation_items)
        for item in self.relation_items.values():
            item.refresh()
        for item in self.relation_items.values():
            self.addItem(item)
        for item in self.node_items.values():
            self.addItem(item)
        self._grow_scene_rect(None)
        self._on_doc_selection_changed(doc.selection, None)
        self.overview.invalidate()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setBackgroundBrush(QBrush(theme.background))
        self.update()

    # ---------------------------------------------------------------- items
    def _flags(self):
        return CARD_FLAGS_OVERVIEW if self.overview_mode else CARD_FLAGS

    def _add_node(self, sid: str, add: bool = True) -> NodeItem:
        amap = self.doc.map
        item = NodeItem(self, amap.statements[sid], self._flags())
        p = amap.positions.get(sid)
        if p is not None:
            item.setPos(p[0], p[1])
        self.pos[sid] = p if p is not None else (0.0, 0.0)
        if add:
            self.addItem(item)
        self.node_items[sid] = item
        return item

    def _add_relation(self, rid: str, refresh: bool = True, add: bool = True) -> RelationItem:
        amap = self.doc.map
        item = RelationItem(self, amap.relations[rid], self._flags())
        p = amap.positions.get(rid)
        if p is None:
            self._auto_junctions.add(rid)
            self.pos[rid] = (0.0, 0.0)
        else:
            item.setPos(p[0], p[1])
            self.pos[rid] = p
        self.relation_items[rid] = item
        if refresh:
            self._place_auto_junctions([rid])
            item.refresh()
        if add:
            self.addItem(item)
        return item

    def set_item_pos(self, eid: str, x: float, y: float) -> None:
        """Move an item (and its mirror); edges are refreshed by the caller."""
        item = self.item_for(eid)
        if item is not None:
            self.pos[eid] = (x, y)
            item.setPos(x, y)

    def note_moved(self, ids: Iterable[str]) -> None:
        """Qt moved these items (a mouse drag): read their positions back into the mirror."""
        for eid in ids:
            item = self.item_for(eid)
            if item is not None:
                p = item.pos()
                self.pos[eid] = (p.x(), p.y())
        self._bounds_cache = None

    def node_rect(self, eid: str) -> QRectF | None:
        """The scene rectangle of a card, or of a junction for a relation id."""
        n = self.node_items.get(eid)
        if n is not None:
            x, y = self.pos[eid]
            m = n.metrics
            return QRectF(x - m.width / 2, y - m.height / 2, m.width, m.height)
        r = self.relation_items.get(eid)
        if r is not None:
            x, y = self.pos[eid]
            return r.junction_rect().translated(x, y)
        return None

    def item_for(self, eid: str):
        return self.node_items.get(eid) or self.relation_items.get(eid)

    def _place_auto_junctions(self, rids: Iterable[str]) -> None:
        rids = [r for r in rids if r in self._auto_junctions and r in self.relation_items]
        if not rids:
            return
        amap = self.doc.map
        sizes = {}
        for r in rids:
            for eid in (*amap.relations[r].premises, amap.relations[r].target):
                n = self.node_items.get(eid)
                if n is not None:
                    sizes[eid] = (n.metrics.width, n.metrics.height)
        # undercuts need their target junction first
        rids.sort(key=lambda r: amap.relations[r].target in self.relation_items)
        known = {k: v for k, v in self.pos.items() if k not in self._auto_junctions} if len(rids) > 50 else None
        for rid in rids:
            rel = amap.relations[rid]
            pos = (
                known
                if known is not None
                else {
                    e: self.pos[e]
                    for e in (*rel.premises, rel.target)
                    if e in self.pos and e not in self._auto_junctions
                }
            )
            p = junction_positions(amap, pos, sizes, [rid]).get(rid)
            if p is not None:
                self.set_item_pos(rid, p[0], p[1])
                if known is not None:
                    known[rid] = p

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

    def compact_cards(self) -> bool:
        """Whether the map shows compact, titles-only cards (its ``card_text`` meta)."""
        return self.doc is not None and measure.compact_cards(self.doc.map)

    def horizontal(self) -> bool:
        """Whether the map flows left to right (its ``layout_direction`` meta): edges at card sides."""
        return self.doc is not None and horizontal_flow(self.doc.map.meta)

    def arrival_x(self, rid: str) -> float | None:
        """Where relation ``rid``'s arrow meets its target card, spread among the other arrows
        reaching the same side of that card: an x on its top or bottom side, or in a left-to-right
        map (:meth:`horizontal`) a y on its left or right side."""
        amap = self.doc.map
        rel = amap.relations.get(rid)
        rect = self.node_rect(rel.target) if rel is not None else None
        if rect is None or rel.target not in self.node_items:
            return None
        axis = 0 if self.horizontal() else 1  # which coordinate tells the side the arrows come from
        mid = rect.center().x() if axis == 0 else rect.center().y()
        beyond = self.pos[rid][axis] > mid
        sibs = [
            r.id for r in amap.relations_into(rel.target) if r.id in self.pos and (self.pos[r.id][axis] > mid) == beyond
        ]
        if len(sibs) < 2:
            return None
        spread = arrival_ys if axis == 0 else arrival_xs
        xs = spread(rect, [self.pos[r][1 - axis] for r in sibs])
        return xs[sibs.index(rid)]

    def refresh_relations(self, rids: Iterable[str]) -> None:
        amap = self.doc.map
        rids = set(rids)
        for r in list(rids):  # arrows into the same card share its edge: refresh them together
            rel = amap.relations.get(r)
            if rel is not None and rel.target in self.node_items:
                rids.update(x.id for x in amap.relations_into(rel.target))
        rids = sorted(rids, key=lambda r: r in amap.relations and amap.relations[r].target in amap.relations)
        self._place_auto_junctions(rids)
        for rid in rids:
            item = self.relation_items.get(rid)
            if item is not None:
                item.refresh()

    # -------------------------------------------------------- model events
    def _on_map_changed(self, change: Change) -> None:
        amap = self.doc.map
        self._bounds_cache = None
        dirty: set[str] = set()
        roles: set[str] = set()  # premises of relations added, removed or changed: their role may change
        for eid in change.removed:
            item = self.node_items.pop(eid, None) or self.relation_items.pop(eid, None)
            if isinstance(item, RelationItem):
                roles.update(item.relation.premises)
            self._auto_junctions.discard(eid)
            self.pos.pop(eid, None)
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
        for rid in change.added & amap.relations.keys():
            if rid not in self.relation_items:
                self._add_relation(rid, refresh=False)
                new_rel.append(rid)
                roles.update(amap.relations[rid].premises)
        for eid in change.changed:
            if eid in self.node_items:
                self.node_items[eid].set_statement(amap.statements[eid])
                dirty.add(eid)
            elif eid in self.relation_items:
                roles.update(self.relation_items[eid].relation.premises)
                self.relation_items[eid].relation = amap.relations[eid]
                roles.update(amap.relations[eid].premises)
                dirty.add(eid)
        for sid in roles:
            node = self.node_items.get(sid)
            if node is not None:
                node.relations_changed()
        for eid in change.moved:
            if self.item_for(eid) is None:
                continue
            p = amap.positions.get(eid)
            if eid in self.relation_items:
                if p is None:
                    self._auto_junctions.add(eid)
                else:
                    self._auto_junctions.discard(eid)
            if p is not None and self.pos.get(eid) != p:
                self.set_item_pos(eid, p[0], p[1])
            dirty.add(eid)
        rels = self.relations_touching(dirty) | set(new_rel)
        if change.meta and self.compact_cards() != self._compact:  # every card changes size
            self._compact = self.compact_cards()
            for eid, item in self.node_items.items():
                item.set_statement(amap.statements[eid])
            self._bounds_cache = None
            rels |= self.relation_items.keys()
        if change.meta and self.horizontal() != self._horizontal:  # the flow changed: every edge's ends move
            self._horizontal = self.horizontal()
            rels |= self.relation_items.keys()
        self.refresh_relations(rels)
        if change.added or change.moved:
            self._grow_scene_rect(change.added | change.moved)
        self.overview.invalidate()
        if self._hover is not None:
            self.set_hover(self._hover, force=True)

    def _grow_scene_rect(self, ids: Iterable[str] | None) -> None:
        """Let the scene rectangle grow (never shrink while editing) to hold the items ``ids``
        (all when None) with a margin to scroll into."""
        if ids is None:
            rect = self.content_bounds()
        else:
            rect = QRectF()
            for eid in ids:
                r = self.node_rect(eid)
                if r is not None:
                    rect = rect.united(r)
            if rect.isEmpty():
                return
        rect = rect.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN)
        if ids is None:
            self.setSceneRect(rect)
            return
        cur = self.sceneRect()
        if not cur.contains(rect):
            self.setSceneRect(cur.united(rect))

    def content_bounds(self) -> QRectF:
        """The rectangle around all the cards and junctions (from positions and sizes; cached)."""
        if self._bounds_cache is None:
            self._bounds_cache = self._compute_bounds()
        return QRectF(self._bounds_cache)

    def _compute_bounds(self) -> QRectF:
        if not self.pos:
            return QRectF()
        x0 = y0 = float("inf")
        x1 = y1 = float("-inf")
        nodes = self.node_items
        for eid, (x, y) in self.pos.items():
            n = nodes.get(eid)
            w, h = (n.metrics.width / 2, n.metrics.height / 2) if n is not None else (8.0, 8.0)
            x0, x1 = min(x0, x - w), max(x1, x + w)
            y0, y1 = min(y0, y - h), max(y1, y + h)
        return QRectF(x0, y0, x1 - x0, y1 - y0).adjusted(-20, -20, 20, 20)

    def content_rect(self) -> QRectF:
        """The bounding rectangle of the cards and edges."""
        return self.content_bounds()

    def set_overview(self, on: bool) -> None:
        """Far zoomed out: cards draw nothing themselves and the overview draws them all at once."""
        if on == self.overview_mode:
            return
        self.overview_mode = on
        flags = self._flags()
        for item in (*self.node_items.values(), *self.relation_items.values()):
            item.setFlags(flags)
        self.overview.setVisible(on)
        self.overview.invalidate()
        self.update()


__all__ = ["MapScene", "QPointF"]
