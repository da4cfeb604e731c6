"""A map drawn by ``draw.mapdraw`` (the one drawing code of every export), on a QPainter: for the
PNG and PDF exporters, printing and the clipboard.  Geometry as Qt value types for ``paging``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from ...draw.mapdraw import MapDrawing
from ...draw.parts import Point, meets
from ...model import ArgumentMap
from ..paint.qpicture import play
from ..paint.theme import Theme, register_fonts, theme_for


class MapRenderer:
    """Everything needed to paint a map: what to draw, where, and the rectangle it all takes.

    Coordinates are the map's (scene) coordinates; :attr:`rect` includes the margins, the title
    and the legend.  :meth:`paint` draws into a painter already transformed by the caller, and only
    what meets ``clip`` when one is given (tiled pages of a large map)."""

    def __init__(
        self,
        amap: ArgumentMap,
        ids: Iterable[str] | None = None,
        *,
        title: str | bool | None = None,
        legend: bool = True,
        margin: float = 24.0,
        theme: Theme | None = None,
        positions: Mapping[str, Point] | None = None,
        labels: Mapping[str, str] | None = None,
        numbers: Mapping[str, int] | None = None,
    ) -> None:
        register_fonts()
        self.theme = theme or theme_for(False)
        self.drawing = d = MapDrawing(
            amap,
            ids,
            title=title,
            legend=legend,
            margin=margin,
            palette=self.theme.palette,
            positions=positions,
            labels=labels,
            numbers=numbers,
        )
        self.map = amap
        self.horizontal = d.horizontal
        self.title = d.title
        self.arrivals = d.arrivals
        self.rect = QRectF(*d.rect)
        self.legend_rect = QRectF(*d.legend_box) if d.legend_box is not None else None
        self.rects = {k: QRectF(*b) for k, b in d.boxes.items()}
        self.junctions = {k: QPointF(*p) for k, p in d.junctions.items()}
        self.cards = [(QRectF(*b), st, m) for b, st, m in d.cards]

    def has_content(self, piece: QRectF) -> bool:
        """Does anything drawn (a card, an edge, the title or the legend) meet ``piece``?"""
        p = (piece.left(), piece.top(), piece.width(), piece.height())
        d = self.drawing
        if d.legend_box is not None and meets(d.legend_box, p):
            return True
        if d.title_lines and meets((*d.title_pos, d.content[2], d.title_line_height), p):
            return True
        return any(meets(b, p) for b in d.boxes.values()) or any(meets(b, p) for b in d.edge_boxes)

    def paint(self, painter: QPainter, *, clip: QRectF | None = None, background: QColor | None = None) -> None:
        """Draw the map in scene coordinates: background, edges and junctions, cards, title, legend."""
        box = (clip.left(), clip.top(), clip.width(), clip.height()) if clip is not None else None
        bg = (
            (background.red(), background.green(), background.blue(), background.alpha())
            if background is not None
            else None
        )
        play(painter, self.drawing.picture(box, bg))


def background_colour(transparent: bool) -> QColor | None:
    """White (for print) or nothing."""
    return None if transparent else QColor(Qt.GlobalColor.white)
