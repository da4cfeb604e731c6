"""Graphics items of the canvas: statement cards and relations (junction plus edges), painted by paint.drawing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ... import measure
from ...draw import verdicts
from ...draw.labels import role_word
from ...draw.style import ARROW_WIDTH, CARD_RADIUS
from ...measure import CardMetrics
from ...model import Relation, Statement
from ..paint import badges, drawing
from ..paint.edge_geometry import edge_paths
from ..paint.glance import draw_glance

if TYPE_CHECKING:  # pragma: no cover
    from .scene import MapScene

SIMPLIFY_BELOW = 0.4  # level of detail under which cards are boxes with their first words at a legible size
HANDLE_RADIUS = 6.0  # the connect handle on a card's top edge
_PAD = drawing.SELECTION_MARGIN + 6.0

NODE_Z = 10.0
OUT_OPACITY = 0.45  # an out card in Evaluate mode recedes
RELATION_Z = 0.0
_CARD_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
_CURVE_REACH = 64.0  # how far an edge's curve can bulge beyond its end points
_EMPTY = QRectF()
_RECTS: dict[tuple[float, float], tuple[QRectF, QRectF]] = {}


def _rects_for(m: CardMetrics) -> tuple[QRectF, QRectF]:
    """Card rectangle and bounding rectangle (item coordinates) for a card size, shared by all
    cards of that size (QRectF is a value type: callers get copies)."""
    key = (m.width, m.height)
    r = _RECTS.get(key)
    if r is None:
        rect = QRectF(-m.width / 2, -m.height / 2, m.width, m.height)
        r = (rect, rect.adjusted(-_PAD, -_PAD - HANDLE_RADIUS, _PAD, _PAD + 1))  # room for a number badge below
        if len(_RECTS) < 50_000:
            _RECTS[key] = r
    return r


class NodeItem(QGraphicsItem):
    """A statement card centred on its position; its geometry comes from ``measure.statement_metrics``."""

    def __init__(self, map_scene: MapScene, statement: Statement, flags=None) -> None:
        super().__init__()
        self.map_scene = map_scene
        self.sid = statement.id
        self.statement = statement
        self.metrics: CardMetrics = measure.statement_metrics(statement, map_scene.compact_cards())
        self.hover = False
        self.found = False
        self.drop_target = False
        self.related = False  # highlighted because the hovered card is connected to it
        self.editing = False
        # no ItemSendsGeometryChanges: a Python itemChange() costs ~10 us per call and Qt makes
        # dozens per item while building; the interaction refreshes edges during drags instead
        self.setFlags(_CARD_FLAGS if flags is None else flags)
        self.setAcceptHoverEvents(True)
        self.setZValue(NODE_Z)
        self._rect, self._bounds = _rects_for(self.metrics)
        self._tip = False
        self.verdict: str | None = None  # the evaluation's label, shown in Evaluate mode (canvas.evaluate)
        self.reason = ""
        self._word: str | None = None  # OBJECTION, UNDERCUT (draw.labels), worked out when first painted
        self._word_known = False
        if self.metrics.compact:
            self._update_tooltip()

    def set_statement(self, statement: Statement) -> None:
        self.statement = statement
        metrics = measure.statement_metrics(statement, self.map_scene.compact_cards())
        if metrics != self.metrics:
            self.prepareGeometryChange()
            self.metrics = metrics
            self._rect, self._bounds = _rects_for(metrics)
        if metrics.compact or self._tip or self.verdict is not None:
            self._update_tooltip()
        self.update()

    def word(self) -> str | None:
        """The role the card's label names instead of its kind, if any (``draw.labels.role_word``)."""
        if not self._word_known:
            self._word = role_word(self.map_scene.doc.map, self.sid)
            self._word_known = True
        return self._word

    def relations_changed(self) -> None:
        """The relations the statement is a premise of changed: its role may have."""
        self._word_known = False
        self.update()

    def _update_tooltip(self) -> None:
        """A compact card shows its title alone: its full text is the tooltip; in Evaluate mode
        the reason for its label comes first."""
        st = self.statement
        self._tip = self.metrics.compact and bool(st.title.strip()) and bool(st.text.strip())
        text = st.text if self._tip else ""
        if self.verdict is not None:
            text = f"{self.reason}\n\n{text}" if text else self.reason
        self.setToolTip(text)

    def set_verdict(self, label: str | None, reason: str = "") -> None:
        """Show an evaluation label (in, out, undecided) and its reason, or none; an out card recedes."""
        if (label, reason) == (self.verdict, self.reason):
            return
        self.verdict, self.reason = label, reason
        self.setOpacity(OUT_OPACITY if label == "out" else 1.0)
        self._update_tooltip()
        self.update()

    def verdict_tab(self) -> QRectF | None:
        """The tab that shows the label (item coordinates), or None without one."""
        if self.verdict is None:
            return None
        r = self._rect
        return QRectF(*verdicts.tab_box((r.x(), r.y(), r.width(), r.height()), self.verdict))

    # ---------------------------------------------------------- geometry
    def card_rect(self) -> QRectF:
        """The card in item coordinates."""
        return QRectF(self._rect)

    def scene_card_rect(self) -> QRectF:
        x, y = self.map_scene.pos[self.sid]
        return self._rect.translated(x, y)

    def handle_center(self) -> QPointF:
        """The connect handle (item coordinates): the middle of the card's top edge."""
        return QPointF(0.0, self._rect.top())

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self._rect, CARD_RADIUS, CARD_RADIUS)
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
        # while the in-place editor is open the card shows no text of its own under it
        metrics = self.metrics.replace(text_lines=()) if self.editing else self.metrics
        drawing.draw_card(
            painter,
            self._rect,
            self.statement,
            metrics,
            theme,
            selected=selected,
            hover=self.hover or self.related,
            simplified=lod < SIMPLIFY_BELOW,
            found=self.found,
            drop_target=self.drop_target,
            word=None if self.metrics.compact else self.word(),
        )
        if lod < SIMPLIFY_BELOW:
            draw_glance(painter, self._rect, self.statement, theme, lod)
        if self.verdict is not None:
            drawing.draw_verdict(painter, self._rect, self.statement, self.metrics, self.verdict, theme)
        number = self.map_scene.numbers.get(self.sid)
        if number is not None and lod >= SIMPLIFY_BELOW:
            corner = self.map_scene.badge_corners.get(self.sid, 0)
            badges.draw_number(painter, self._rect, self.statement, self.metrics, number, theme, corner)
        if (self.hover or selected) and lod >= SIMPLIFY_BELOW and not self.editing:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(theme.selection, 1.5))
            painter.setBrush(theme.background)
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS, HANDLE_RADIUS)
            painter.setBrush(theme.selection)
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS / 2.5, HANDLE_RADIUS / 2.5)

    # ------------------------------------------------------------ events
    def hoverEnterEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.map_scene.set_hover(self.sid)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self.map_scene.set_hover(None)
        super().hoverLeaveEvent(event)


class RelationItem(QGraphicsItem):
    """A relation: edges from each premise to the junction (the item's position) and an arrow
    from the junction to the target card or, for an undercut, to the target's junction."""

    def __init__(self, map_scene: MapScene, relation: Relation, flags=None) -> None:
        super().__init__()
        self.map_scene = map_scene
        self.rid = relation.id
        self.relation = relation
        self.hover = False
        self.highlighted = False
        # Qt value objects cost ~10 us each to create from Python: paths come when first painted
        self.premise_paths: list[QPainterPath] = []
        self.target_path: QPainterPath | None = None
        self._bounds: QRectF = _EMPTY
        self._shape: QPainterPath | None = None
        self._paths_dirty = True
        self._parts: dict = {}
        self.setFlags(_CARD_FLAGS if flags is None else flags)
        self.setAcceptHoverEvents(True)
        self.setZValue(RELATION_Z)

    def set_relation(self, relation: Relation) -> None:
        self.relation = relation
        self.refresh()

    def junction_rect(self) -> QRectF:
        s = measure.JUNCTION_SIZE
        return QRectF(-s / 2, -s / 2, s, s)

    def refresh(self) -> None:
        """Note that the premises, the target or the junction moved: new bounds now, paths when painted."""
        sc = self.map_scene
        pos = sc.pos
        hx, hy = pos[self.rid]
        x0, y0, x1, y1 = hx - 10, hy - 10, hx + 10, hy + 10
        nodes = sc.node_items
        for eid in (*self.relation.premises, self.relation.target):
            p = pos.get(eid)
            if p is None:
                continue
            n = nodes.get(eid)
            w, h = (n.metrics.width / 2, n.metrics.height / 2) if n is not None else (8.0, 8.0)
            x0, x1 = min(x0, p[0] - w), max(x1, p[0] + w)
            y0, y1 = min(y0, p[1] - h), max(y1, p[1] + h)
        m = _CURVE_REACH + ARROW_WIDTH
        self.prepareGeometryChange()
        self._bounds = QRectF(x0 - hx - m, y0 - hy - m, x1 - x0 + 2 * m, y1 - y0 + 2 * m)
        self._paths_dirty = True
        self._shape = None
        self.update()

    def _ensure_paths(self) -> None:
        if not self._paths_dirty:
            return
        sc = self.map_scene
        here = QPointF(*sc.pos[self.rid])
        rects = [r for r in (sc.node_rect(p) for p in self.relation.premises) if r is not None]
        target = sc.node_rect(self.relation.target)
        if target is None:
            target = QRectF(here.x() - 1, here.y() - 60, 2, 2)
        is_junction = self.relation.target in sc.relation_items
        horizontal = sc.horizontal()
        arrive = None if is_junction else sc.arrival_x(self.rid)
        premises, tpath = edge_paths(
            rects,
            here,
            target,
            target_is_junction=is_junction,
            arrive_x=None if horizontal else arrive,
            arrive_y=arrive if horizontal else None,
            horizontal=horizontal,
        )
        off = QPointF(-here.x(), -here.y())
        self.premise_paths = [p.translated(off) for p in premises]
        self.target_path = tpath.translated(off)
        self._parts = {}
        self._paths_dirty = False

    def _arrow(self, highlighted: bool):
        parts = self._parts.get(highlighted)
        if parts is None:
            parts = self._parts[highlighted] = drawing.edge_parts(self.target_path, highlighted=highlighted)
        return parts

    def paths(self) -> tuple[list[QPainterPath], QPainterPath]:
        """The premise paths and the target arrow's path, in item coordinates."""
        self._ensure_paths()
        return self.premise_paths, self.target_path

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            self._ensure_paths()
            shape = QPainterPath()
            shape.addEllipse(self.junction_rect().adjusted(-4, -4, 4, 4))
            for p in (*self.premise_paths, self.target_path):
                shape.addPath(drawing.edge_shape(p))
            self._shape = shape
        return self._shape

    def on_junction(self, item_point: QPointF) -> bool:
        return self.junction_rect().adjusted(-5, -5, 5, 5).contains(item_point)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self.map_scene.theme
        pol = self.relation.polarity
        self._ensure_paths()
        hl = self.highlighted or self.hover
        for p in self.premise_paths:
            drawing.draw_edge(painter, p, pol, theme, arrow=False, highlighted=hl)
        line, head = self._arrow(hl)
        drawing.draw_edge_parts(painter, line, head, pol, theme, highlighted=hl)
        drawing.draw_junction(
            painter, QPointF(0, 0), self.relation, theme, selected=self.isSelected(), hover=self.hover
        )

    def hoverEnterEvent(self, event) -> None:  # noqa: N802
        self.hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802
        self.hover = False
        self.update()
        super().hoverLeaveEvent(event)
