"""Graphics items of the canvas: statement cards and relations (junction plus edges), painted by drawing.py."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ..layout import measure
from ..layout.measure import CardMetrics
from ..model import Relation, Statement
from . import drawing

if TYPE_CHECKING:  # pragma: no cover
    from .scene import MapScene

SIMPLIFY_BELOW = 0.4       # level of detail under which cards are plain boxes
HANDLE_RADIUS = 6.0        # the connect handle on a card's top edge
_PAD = drawing.SELECTION_MARGIN + 6.0

NODE_Z = 10.0
RELATION_Z = 0.0


class NodeItem(QGraphicsItem):
    """A statement card centred on its position; its geometry comes from ``measure.card_metrics``."""

    def __init__(self, map_scene: "MapScene", statement: Statement) -> None:
        super().__init__()
        self.map_scene = map_scene
        self.sid = statement.id
        self.statement = statement
        self.metrics: CardMetrics = measure.card_metrics(statement.text, statement.title)
        self.hover = False
        self.found = False
        self.drop_target = False
        self.related = False       # highlighted because the hovered card is connected to it
        self.editing = False
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)
        self.setZValue(NODE_Z)
        self._rect = self._card_rect()

    def _card_rect(self) -> QRectF:
        m = self.metrics
        return QRectF(-m.width / 2, -m.height / 2, m.width, m.height)

    def set_statement(self, statement: Statement) -> None:
        self.statement = statement
        metrics = measure.card_metrics(statement.text, statement.title)
        if metrics != self.metrics:
            self.prepareGeometryChange()
            self.metrics = metrics
            self._rect = self._card_rect()
        self.update()

    # ---------------------------------------------------------- geometry
    def card_rect(self) -> QRectF:
        """The card in item coordinates."""
        return QRectF(self._rect)

    def scene_card_rect(self) -> QRectF:
        return self._rect.translated(self.pos())

    def handle_center(self) -> QPointF:
        """The connect handle (item coordinates): the middle of the card's top edge."""
        return QPointF(0.0, self._rect.top())

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-_PAD, -_PAD - HANDLE_RADIUS, _PAD, _PAD)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self._rect, drawing.CARD_RADIUS, drawing.CARD_RADIUS)
        if self.hover or self.isSelected():
            path.addEllipse(self.handle_center(), HANDLE_RADIUS + 2, HANDLE_RADIUS + 2)
        return path

    def on_handle(self, item_point: QPointF) -> bool:
        c = self.handle_center()
        r = HANDLE_RADIUS + 3
        return (item_point.x() - c.x()) ** 2 + (item_point.y() - c.y()) ** 2 <= r * r

    # ------------------------------------------------------------ paint
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        theme = self.map_scene.theme
        selected = self.isSelected()
        drawing.draw_card(painter, self._rect, self.statement, self.metrics, theme,
                          selected=selected, hover=self.hover or self.related,
                          simplified=lod < SIMPLIFY_BELOW, found=self.found, drop_target=self.drop_target)
        if (self.hover or selected) and lod >= SIMPLIFY_BELOW and not self.editing:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(theme.selection, 1.5))
            painter.setBrush(theme.background)
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS, HANDLE_RADIUS)
            painter.setBrush(theme.selection)
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS / 2.5, HANDLE_RADIUS / 2.5)

    # ------------------------------------------------------------ events
    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.map_scene.item_moved(self.sid)
        return super().itemChange(change, value)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.map_scene.set_hover(self.sid)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self.map_scene.set_hover(None)
        super().hoverLeaveEvent(event)


class RelationItem(QGraphicsItem):
    """A relation: edges from each premise to the junction (the item's position) and an arrow
    from the junction to the target card or, for an undercut, to the target's junction."""

    def __init__(self, map_scene: "MapScene", relation: Relation) -> None:
        super().__init__()
        self.map_scene = map_scene
        self.rid = relation.id
        self.relation = relation
        self.hover = False
        self.highlighted = False
        self.premise_paths: list[QPainterPath] = []
        self.target_path = QPainterPath()
        self._bounds = QRectF()
        self._shape = QPainterPath()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)
        self.setZValue(RELATION_Z)

    def set_relation(self, relation: Relation) -> None:
        self.relation = relation
        self.refresh()

    def junction_rect(self) -> QRectF:
        s = measure.JUNCTION_SIZE
        return QRectF(-s / 2, -s / 2, s, s)

    def refresh(self) -> None:
        """Recompute the paths from the current places of the premises and the target."""
        sc = self.map_scene
        here = self.pos()
        rects = [r for r in (sc.node_rect(p) for p in self.relation.premises) if r is not None]
        target = sc.node_rect(self.relation.target)
        is_junction = self.relation.target in sc.relation_items
        if target is None:
            target = QRectF(here.x() - 1, here.y() - 60, 2, 2)
        premises, tpath = drawing.edge_paths(rects, here, target, target_is_junction=is_junction)
        off = QPointF(-here.x(), -here.y())
        self.prepareGeometryChange()
        self.premise_paths = [p.translated(off) for p in premises]
        self.target_path = tpath.translated(off)
        bounds = self.junction_rect().adjusted(-6, -6, 6, 6)
        shape = QPainterPath()
        shape.addEllipse(self.junction_rect().adjusted(-4, -4, 4, 4))
        for p in (*self.premise_paths, self.target_path):
            bounds = bounds.united(p.boundingRect())
            shape.addPath(drawing.edge_shape(p))
        self._bounds = bounds.adjusted(-drawing.ARROW_WIDTH, -drawing.ARROW_WIDTH,
                                       drawing.ARROW_WIDTH, drawing.ARROW_WIDTH)
        self._shape = shape
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def on_junction(self, item_point: QPointF) -> bool:
        return self.junction_rect().adjusted(-5, -5, 5, 5).contains(item_point)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        theme = self.map_scene.theme
        pol = self.relation.polarity
        if lod < SIMPLIFY_BELOW:
            pen = drawing.edge_pen(pol, theme, width=1.0 / max(lod, 0.05))
            painter.setPen(pen)
            for p in (*self.premise_paths, self.target_path):
                painter.drawPath(p)
            return
        hl = self.highlighted or self.hover
        for p in self.premise_paths:
            drawing.draw_edge(painter, p, pol, theme, arrow=False, highlighted=hl)
        drawing.draw_edge(painter, self.target_path, pol, theme, arrow=True, highlighted=hl)
        drawing.draw_junction(painter, QPointF(0, 0), self.relation, theme,
                              selected=self.isSelected(), hover=self.hover)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.map_scene.item_moved(self.rid)
        return super().itemChange(change, value)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self.hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self.hover = False
        self.update()
        super().hoverLeaveEvent(event)


def pen_cosmetic(pen: QPen) -> QPen:
    pen.setCosmetic(True)
    return pen


__all__ = ["NodeItem", "RelationItem", "SIMPLIFY_BELOW", "HANDLE_RADIUS", "Qt"]
