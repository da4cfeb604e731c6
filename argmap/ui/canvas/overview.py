"""OverviewItem: the whole map drawn in a few batched calls when zoomed far out (level of detail)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...draw import verdicts
from ...model import Kind, Polarity
from ..paint import drawing
from ..paint.glance import draw_glance, glance_fits
from ..paint.qpicture import qcolour
from ..paint.theme import Theme

if TYPE_CHECKING:  # pragma: no cover
    from .scene import MapScene


class OverviewItem(QGraphicsItem):
    """Cards as plain boxes and relations as straight lines, in one ``drawRects``/``drawLines``
    per colour, so thousands of statements pan and zoom smoothly; over the boxes in view, each
    card's kind marker and first words at a legible size when the cards are big enough on screen.
    Shown only while the cards themselves draw nothing (``ItemHasNoContents``); they stay
    selectable underneath."""

    def __init__(self, map_scene: MapScene) -> None:
        super().__init__()
        self.map_scene = map_scene
        self.setZValue(-5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # paint() reads exposedRect
        self._cache: dict | None = None
        self._bounds = QRectF()

    def invalidate(self) -> None:
        self._cache = None
        if not self.map_scene.overview_mode:
            return
        rect = self.map_scene.sceneRect()
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._cache is None:
            self._cache = overview_shapes(self.map_scene)
        c = self._cache
        theme = self.map_scene.theme
        paint_shapes(painter, c, theme)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        cards = c["cards"]
        if c["widest"] is not None and glance_fits(c["widest"], lod):
            exposed = option.exposedRect
            for r, statement in cards:
                if exposed.intersects(r):
                    draw_glance(painter, r, statement, theme, lod)


def overview_shapes(sc: MapScene) -> dict:
    """The map as plain shapes in scene units: card boxes by kind, straight relation lines by polarity,
    selected and found outlines, Evaluate bands; and the cards with their statements."""
    rects: dict[Kind, list[QRectF]] = {k: [] for k in Kind}
    cards = []
    bands: dict[str, list[QRectF]] = {}  # Evaluate mode: a band in each card's label colour
    selected, found = [], []
    pos = sc.pos
    for item in sc.node_items.values():
        r = item.scene_card_rect()
        rects[item.statement.kind].append(r)
        cards.append((r, item.statement))
        if item.verdict is not None:
            bands.setdefault(item.verdict, []).append(QRectF(r.left(), r.top(), r.width() / 4, r.height()))
        if item.isSelected():
            selected.append(r)
        if item.found:
            found.append(r)
    lines: dict[Polarity, list[QLineF]] = {Polarity.SUPPORT: [], Polarity.ATTACK: []}
    rels = sc.relation_items
    for rid, item in rels.items():
        jx, jy = pos[rid]
        rel = item.relation
        out = lines[rel.polarity]
        for p in rel.premises:
            q = pos.get(p)
            if q is not None:
                out.append(QLineF(q[0], q[1], jx, jy))
        t = pos.get(rel.target)
        if t is not None:
            out.append(QLineF(jx, jy, t[0], t[1]))
        if item.isSelected():
            selected.append(item.junction_rect().translated(jx, jy))
    return {
        "rects": rects,
        "lines": lines,
        "selected": selected,
        "found": found,
        "bands": bands,
        "cards": cards,
        "widest": max((r for r, _ in cards), key=QRectF.width, default=None),
    }


def paint_shapes(painter: QPainter, c: dict, theme: Theme) -> None:
    """Draw :func:`overview_shapes` in a few batched calls per colour."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for pol, lines in c["lines"].items():
        colour = theme.support if pol is Polarity.SUPPORT else theme.attack
        pen = QPen(colour, 0, Qt.PenStyle.SolidLine if pol is Polarity.SUPPORT else Qt.PenStyle.DashLine)
        painter.setPen(pen)
        if lines:
            painter.drawLines(lines)
    for kind, rects in c["rects"].items():
        if rects:
            painter.setPen(QPen(theme.kind[kind], 0))
            painter.setBrush(theme.card[kind])
            painter.drawRects(rects)
    for label, bands in c["bands"].items():
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolour(verdicts.colour(label, theme.palette)))
        painter.drawRects(bands)
    if c["found"]:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.find)
        painter.drawRects(c["found"])
    if c["selected"]:
        pen = QPen(theme.selection, 3)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRects(c["selected"])


NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
CARD_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
CARD_FLAGS_OVERVIEW = CARD_FLAGS | NO_CONTENTS
__all__ = [
    "CARD_FLAGS",
    "CARD_FLAGS_OVERVIEW",
    "NO_CONTENTS",
    "OverviewItem",
    "drawing",
    "overview_shapes",
    "paint_shapes",
]
