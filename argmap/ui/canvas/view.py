"""MapView: the canvas widget — zoom, pan, legend, theme, and the editing entry points the window's menus call."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QGraphicsView, QWidget

from ...draw.mapdraw import MapDrawing
from ...draw.numbers import card_numbers
from ...draw.parts import legend_keys
from ...layout.placement import layout_positions
from ...model import Change, Kind, main_conclusions
from ..document.controller import DocumentController
from ..paint import drawing
from ..paint.theme import Theme, register_fonts, theme_for
from . import clipboard
from .accessible import CanvasAccessibility
from .actions import CanvasActions
from .edits import CanvasEdits
from .evaluate import EvaluateMode
from .interaction import Interaction
from .items import SIMPLIFY_BELOW
from .scene import MapScene

ZOOM_STEP = 1.2
MIN_ZOOM = 0.02
MAX_ZOOM = 6.0
# Opening a map: fitted whole (never above 100 %) when its card text (13 px) stays legible, at least
# 6.5 px on screen; a larger map opens a little bigger than that, on its main conclusion
READABLE_ZOOM = 0.5
FIT_MARGIN = 30.0  # scene units left around a fitted map
OVERLAY_GAP = 12.0  # viewport pixels between a corner key and the viewport's edge
OPEN_ZOOM = 0.6
OPEN_TOP_GAP = 36.0  # viewport pixels above the main conclusion's card
EMPTY_HINT = (
    "Double-click to write a statement.\n\nOr add the article you are mapping (Source > Add Source "
    "from File… or Paste as Source), select a passage and make it a conclusion, premise or evidence."
)
SOURCE_HINT = (
    "Select a passage in the source and press Ctrl+1 to make it the conclusion (Ctrl+2 a premise, "
    "Ctrl+3 evidence).\n\nOr double-click here to write a statement."
)


class MapView(QGraphicsView):
    """A QGraphicsView owning its :class:`MapScene` for one document."""

    zoom_changed = Signal(float)

    def __init__(self, doc: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        register_fonts()
        self.doc = doc
        self.map_scene = MapScene(self)
        self.setScene(self.map_scene)
        self.legend_visible = False
        self._legend_keys: tuple[str, ...] | None = None  # what the map uses (draw.parts.legend_keys)
        self.paste_count = 0  # pastes of the same clipboard since the last copy: each lands a step further
        self._theme_forced: Theme | None = None
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self._apply_theme()
        self.edits = CanvasEdits(self)
        self.interaction = Interaction(self)
        self.ensure_positions()
        self.map_scene.set_document(doc)
        self.evaluate_mode = EvaluateMode(self)
        self.canvas_actions = CanvasActions(self, self)
        self.accessibility = CanvasAccessibility(self)
        # the opening view follows the viewport's size until the user zooms, scrolls or clicks
        self._auto_view = True
        self._auto_timer = QTimer(self)
        self._auto_timer.setSingleShot(True)
        self._auto_timer.setInterval(0)
        self._auto_timer.timeout.connect(self._apply_opening_view)
        self._was_empty = not doc.map.statements
        self._show_scroll_bars(not self._was_empty)
        doc.map_changed.connect(self._on_map_changed)

    # --------------------------------------------------------------- layout
    def ensure_positions(self) -> None:
        """Lay out a map whose statements have no positions, so nothing piles up at (0, 0).

        This is part of opening a map (like normalising newlines), so it is not an undo step."""
        amap = self.doc.map
        missing = [s for s in amap.statements if s not in amap.positions]
        if not missing:
            return
        if len(missing) == len(amap.statements):
            pos = layout_positions(amap)
        else:
            pos = layout_positions(amap, only=missing)
            pos = {k: v for k, v in pos.items() if k in missing}
        if pos:
            amap.move({k: v for k, v in pos.items() if k in amap.statements or k in amap.relations})

    # ---------------------------------------------------------------- theme
    def set_theme(self, theme: Theme | bool | str | None = None) -> None:
        """Use a theme (or ``dark=True/False``, or a theme's name); ``None`` follows the widget's palette."""
        self._theme_forced = theme if theme is None or isinstance(theme, Theme) else theme_for(theme)
        self._apply_theme()

    def _apply_theme(self) -> None:
        theme = self._theme_forced or theme_for(self.palette())
        self.map_scene.set_theme(theme)
        self.viewport().update()

    def theme(self) -> Theme:
        return self.map_scene.theme

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange and self._theme_forced is None:
            self._apply_theme()
        super().changeEvent(event)

    # --------------------------------------------------------------- legend
    def set_legend_visible(self, visible: bool) -> None:
        self.legend_visible = bool(visible)
        self.viewport().update()

    def set_numbers_visible(self, visible: bool) -> None:
        """Show each card's number (``draw.numbers``: map order, as the report's key has them) on a badge."""
        scene = self.map_scene
        scene.numbers = card_numbers(self.doc.map) if visible else {}
        scene.badge_corners = self._badge_corners()
        for item in scene.node_items.values():
            item.update()

    def _badge_corners(self) -> dict[str, int]:
        """Where the number badges go: off the corners that relations' lines run over, as exports have them."""
        numbers = self.map_scene.numbers
        return MapDrawing(self.doc.map, numbers=numbers, title=False, legend=False).badge_corners if numbers else {}

    def _on_map_changed(self, change: Change) -> None:
        if self.legend_visible:  # the legend lists what the map uses: redrawn when that changes
            keys = legend_keys(self.doc.map)
            if keys != self._legend_keys:
                self._legend_keys = keys
                self.viewport().update()
        else:
            self._legend_keys = None
        if self.map_scene.numbers and (change.added or change.removed):  # cards after a removed one move up
            self.set_numbers_visible(True)
        elif self.map_scene.numbers:  # lines moved or cards grew: badges move off the lines
            scene, corners = self.map_scene, self._badge_corners()
            for sid in set(corners.items()) ^ set(scene.badge_corners.items()):
                item = scene.node_items.get(sid[0])
                if item is not None:
                    item.update()
            scene.badge_corners = corners
        empty = not self.doc.map.statements
        if empty or empty != self._was_empty:  # the empty-map hint comes, goes or changes: repaint all of it
            self._was_empty = empty
            self._show_scroll_bars(not empty)
            self.viewport().update()

    def _show_scroll_bars(self, on: bool) -> None:
        """An empty map has nothing to scroll to: no scroll bars until it has a card."""
        policy = Qt.ScrollBarPolicy.ScrollBarAsNeeded if on else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def empty_hint(self) -> str:
        """What the empty canvas suggests: the next step (a passage, once the map has a source)."""
        return SOURCE_HINT if self.doc.map.sources else EMPTY_HINT

    def _draw_empty_hint(self, painter: QPainter) -> None:
        painter.save()
        painter.resetTransform()
        vp = self.viewport().rect().adjusted(40, 40, -40, -40)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        painter.setFont(font)
        painter.drawText(vp, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_hint())
        painter.restore()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        if not self.doc.map.statements:
            self._draw_empty_hint(painter)
        self.interaction.draw_overlay(painter)
        if self.evaluate_mode.on:
            self.evaluate_mode.draw_legend(painter)
        if self.legend_visible:
            painter.save()
            painter.resetTransform()
            drawing.draw_legend(painter, self.legend_rect().topLeft(), self.map_scene.theme, False, self.legend_keys())
            painter.restore()

    def legend_keys(self) -> tuple[str, ...]:
        """What the legend lists: the constructs the map uses."""
        if self._legend_keys is None:
            self._legend_keys = legend_keys(self.doc.map)
        return self._legend_keys

    def legend_rect(self) -> QRectF:
        """Where the legend is drawn, in viewport pixels: the bottom-right corner."""
        size = drawing.legend_size(False, self.legend_keys())
        vp = self.viewport()
        return QRectF(QPointF(vp.width() - size.width() - OVERLAY_GAP, vp.height() - size.height() - OVERLAY_GAP), size)

    # ----------------------------------------------------------------- zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def _scale_by(self, factor: float) -> None:
        z = self.zoom()
        factor = max(MIN_ZOOM / z, min(MAX_ZOOM / z, factor))
        self.scale(factor, factor)
        self._on_zoom_changed()

    def _on_zoom_changed(self) -> None:
        self.map_scene.set_overview(self.zoom() < SIMPLIFY_BELOW)
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self._auto_view = False
        self._scale_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._auto_view = False
        self._scale_by(1 / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self._auto_view = False
        self._scale_by(1.0 / self.zoom())

    def overlay_height(self) -> float:
        """Viewport pixels the keys drawn over the bottom corners take (the legend, Evaluate's
        labels), with their gaps: a fitted map keeps above them instead of under them."""
        h = 0.0
        if self.legend_visible:
            h = self.legend_rect().height()
        if self.evaluate_mode.on:
            h = max(h, self.evaluate_mode.legend_height())
        return h + 2 * OVERLAY_GAP if h else 0.0

    def _fit_scale(self, rect: QRectF) -> float:
        """The zoom that shows ``rect`` whole in the viewport above the bottom overlays."""
        vp = self.viewport().rect()
        free_h = max(vp.height() - self.overlay_height(), vp.height() / 2)
        if rect.isEmpty() or vp.width() < 2 or free_h < 2:
            return 1.0
        return min((vp.width() - 2) / rect.width(), (free_h - 2) / rect.height())

    def _fit(self, rect: QRectF, max_zoom: float = 1.0) -> None:
        if rect.isEmpty():
            return
        rect = rect.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)
        self._scale_by(min(self._fit_scale(rect), max_zoom) / self.zoom())
        # the rectangle's centre in the middle of the part of the viewport the overlays leave free
        below = min(self.overlay_height(), self.viewport().height() / 2)
        self.centerOn(rect.center() + QPointF(0, below / 2 / self.zoom()))
        self._on_zoom_changed()

    def zoom_fit(self) -> None:
        self._auto_view = False
        self._fit(self.map_scene.content_rect())

    def fit_zoom(self) -> float:
        """The zoom at which the whole map fits the viewport (with the margin ``zoom_fit`` leaves)."""
        return self._fit_scale(self.map_scene.content_rect().adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN))

    def show_opening_view(self) -> None:
        """How a map opens: the whole map fitted when its text stays readable (never above 100 %);
        a large map at a readable zoom with its main conclusion at the top centre (at the left
        middle when the map reads left to right) instead."""
        rect = self.map_scene.content_rect()
        if rect.isEmpty():
            return
        if self.fit_zoom() >= READABLE_ZOOM:
            self._fit(rect)
            return
        tops = main_conclusions(self.doc.map)
        top_rect = self.map_scene.node_rect(tops[0].id) if tops else None
        self._scale_by(OPEN_ZOOM / self.zoom())
        if top_rect is None:
            self.centerOn(rect.center())
            return
        if self.map_scene.horizontal():  # a left-to-right map: the conclusion at the left middle
            half_w = self.viewport().width() / 2 / self.zoom()
            self.centerOn(QPointF(top_rect.left() - OPEN_TOP_GAP / self.zoom() + half_w, top_rect.center().y()))
            return
        half_h = self.viewport().height() / 2 / self.zoom()
        self.centerOn(QPointF(top_rect.center().x(), top_rect.top() - OPEN_TOP_GAP / self.zoom() + half_h))

    def _apply_opening_view(self) -> None:
        if self._auto_view and self.isVisible():
            self.show_opening_view()

    def _schedule_opening_view(self) -> None:
        if self._auto_view:
            self._auto_timer.start()

    def opening_view_pending(self) -> bool:
        """Whether the opening view waits to be applied (it follows the viewport's size on the next turn
        of the event loop)."""
        return self._auto_timer.isActive()

    def zoom_to_selection(self) -> None:
        self._auto_view = False
        rect = QRectF()
        for item in self.map_scene.selectedItems():
            rect = rect.united(item.sceneBoundingRect())
        if not rect.isEmpty():
            self._fit(rect, max_zoom=1.5)

    def center_on(self, eid: str) -> None:
        item = self.map_scene.item_for(eid)
        if item is not None:
            self._auto_view = False
            self.centerOn(item)

    def center_on_point(self, point: QPointF) -> None:
        """Centre the view on a scene point (the minimap pans this way); the user's view from now on."""
        self._auto_view = False
        self.centerOn(point)

    def set_find_matches(self, ids: Iterable[str]) -> None:
        self.map_scene.set_find_matches(ids)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._schedule_opening_view()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._schedule_opening_view()

    def wheelEvent(self, event) -> None:  # noqa: N802
        self._auto_view = False
        delta = event.angleDelta().y() or event.angleDelta().x()
        if not delta:
            return
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._scale_by(ZOOM_STEP ** (delta / 120.0))
        event.accept()

    # ------------------------------------------------- edits the menus call
    def create_statement(self, kind: Kind = Kind.PREMISE, at: QPointF | None = None) -> str | None:
        return self.edits.create_statement(kind, at)

    def add_support(self) -> str | None:
        return self.edits.add_reason("support")

    def add_objection(self) -> str | None:
        return self.edits.add_reason("attack")

    def add_evidence(self) -> str | None:
        return self.edits.add_reason("evidence")

    def add_co_premise(self) -> str | None:
        return self.edits.add_co_premise()

    def add_undercut(self) -> str | None:
        return self.edits.add_undercut()

    def set_kind(self, kind: Kind | str) -> None:
        self.edits.set_kind(Kind(kind))

    def toggle_polarity(self) -> None:
        self.edits.toggle_polarity()

    def toggle_implicit(self) -> None:
        self.edits.toggle_implicit()

    def edit_selected(self) -> None:
        self.interaction.edit_selected()

    def delete_selection(self) -> None:
        self.edits.delete_selection()

    def select_all(self) -> None:
        self.map_scene.select_ids(list(self.map_scene.node_items) + list(self.map_scene.relation_items))

    def auto_arrange(self, selection_only: bool = False) -> None:
        self.edits.auto_arrange(selection_only)

    def set_compact_cards(self, on: bool) -> None:
        self.edits.set_compact_cards(on)

    def cut(self) -> None:
        clipboard.cut(self)

    def copy(self) -> None:
        clipboard.copy(self)

    def paste(self) -> None:
        clipboard.paste(self)

    # --------------------------------------------------------- mouse / keys
    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._auto_view = False
        if self.evaluate_mode.mouse_press(event):  # a click on a card's label: a what-if step
            return
        if not self.interaction.mouse_press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if not self.interaction.mouse_move(event):
            super().mouseMoveEvent(event)
            self.interaction.after_move(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        handled = self.interaction.mouse_release(event)
        if not handled:
            super().mouseReleaseEvent(event)
            self.interaction.after_release(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        if not self.interaction.double_click(event):
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        self._auto_view = False
        if not self.interaction.key_press(event):
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:  # noqa: N802
        if not self.interaction.key_release(event):
            super().keyReleaseEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        self.interaction.context_menu(event)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if not self.interaction.drag_enter(event):
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if not self.interaction.drag_move(event):
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        if not self.interaction.drop(event):
            super().dropEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
