"""Minimap: the whole map small, with the canvas's visible area as a rectangle to drag or click to pan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from .overview import overview_shapes, paint_shapes

if TYPE_CHECKING:  # pragma: no cover
    from .view import MapView

MARGIN = 6.0  # pixels around the map


class Minimap(QWidget):
    """Follows the view's map (drawn as the far-out overview draws it), scrolling and zoom; a press
    inside the visible-area rectangle drags it, a press elsewhere centres the view there."""

    def __init__(self, view: MapView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setObjectName("minimap")
        self._picture: QPixmap | None = None
        self._grab: QPointF | None = None  # where in the visible rectangle the drag holds it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 80)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("The whole map: drag the rectangle, or click, to move the view")
        view.horizontalScrollBar().valueChanged.connect(self.update)
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.zoom_changed.connect(self.update)
        view.viewport().installEventFilter(self)  # a resized canvas shows more or less of the map
        view.doc.map_changed.connect(self.invalidate)
        view.doc.selection_changed.connect(self.invalidate)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.update()
        return False

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(260, 180)

    def invalidate(self, *_: object) -> None:
        """The map (or its look) changed: draw it again on the next paint."""
        self._picture = None
        self.update()

    # ----------------------------------------------------------- geometry
    def map_rect(self) -> QRectF:
        """What the minimap shows, in scene units: the map's content."""
        return self.view.map_scene.content_rect()

    def _scale(self) -> tuple[float, QPointF]:
        """Scene-to-widget scale and the widget point of the map's top left."""
        rect = self.map_rect()
        if rect.isEmpty():
            return 1.0, QPointF(MARGIN, MARGIN)
        w, h = self.width() - 2 * MARGIN, self.height() - 2 * MARGIN
        s = max(1e-6, min(w / rect.width(), h / rect.height()))
        return s, QPointF(MARGIN + (w - rect.width() * s) / 2, MARGIN + (h - rect.height() * s) / 2)

    def to_widget(self, p: QPointF) -> QPointF:
        s, origin = self._scale()
        return origin + (p - self.map_rect().topLeft()) * s

    def to_scene(self, p: QPointF) -> QPointF:
        s, origin = self._scale()
        return self.map_rect().topLeft() + (p - origin) / s

    def visible_rect(self) -> QRectF:
        """The canvas's visible area, in minimap (widget) coordinates."""
        view = self.view
        area = view.mapToScene(view.viewport().rect()).boundingRect()
        return QRectF(self.to_widget(area.topLeft()), self.to_widget(area.bottomRight()))

    # --------------------------------------------------------------- paint
    def _draw_map(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pm = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pm.setDevicePixelRatio(ratio)
        theme = self.view.theme()
        pm.fill(theme.background)
        rect = self.map_rect()
        if not rect.isEmpty():
            s, origin = self._scale()
            p = QPainter(pm)
            p.translate(origin)
            p.scale(s, s)
            p.translate(-rect.topLeft())
            paint_shapes(p, overview_shapes(self.view.map_scene), theme)
            p.end()
        return pm

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self._picture is None or self._picture.deviceIndependentSize().toSize() != self.size():
            self._picture = self._draw_map()
        p = QPainter(self)
        p.drawPixmap(0, 0, self._picture)
        if not self.map_rect().isEmpty():
            theme = self.view.theme()
            fill = QColor(theme.selection)
            fill.setAlpha(40)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(QPen(theme.selection, 1.5))
            p.setBrush(fill)
            p.drawRect(self.visible_rect().intersected(QRectF(self.rect()).adjusted(1, 1, -1, -1)))
        p.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._picture = None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: the canvas follows it too
            self.invalidate()
        super().changeEvent(event)

    # --------------------------------------------------------------- mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton or self.map_rect().isEmpty():
            super().mousePressEvent(event)
            return
        at = event.position()
        vis = self.visible_rect()
        self._grab = at - vis.center() if vis.contains(at) else QPointF(0, 0)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self._pan_to(at)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._grab is None:
            super().mouseMoveEvent(event)
            return
        self._pan_to(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._grab is None:
            super().mouseReleaseEvent(event)
            return
        self._pan_to(event.position())
        self._grab = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        event.accept()

    def _pan_to(self, at: QPointF) -> None:
        self.view.center_on_point(self.to_scene(at - (self._grab or QPointF())))
