"""How the docks share the main window's width with the canvas: their first sizes, and giving way as it narrows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea

# the first layout, as shares of the window's width: the source text to read on the left, the
# Outline above the Inspector on the right, and the larger share for the map between them
SOURCE_SHARE = 0.26
SIDE_SHARE = 0.2
SOURCE_WIDTHS = (240, 480)  # the least and the most the Source dock starts with, in pixels
SIDE_WIDTHS = (280, 360)
# the least share of the width the canvas keeps when the window narrows or a layout saved in a
# wider window is restored: the docks shrink in proportion, down to what their panels need
CANVAS_SHARE = 0.45
LEAST_DOCK_WIDTH = 240

HORIZONTAL = Qt.Orientation.Horizontal
SIDES = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)


def _clamp(value: float, bounds: tuple[int, int]) -> int:
    return int(min(max(value, bounds[0]), bounds[1]))


def set_default_sizes(window: QMainWindow, source: QDockWidget, side: QDockWidget, below: QDockWidget) -> list[int]:
    """The first layout of a window: ``source`` on the left, ``side`` above ``below`` on the right;
    returns the widths given to ``source`` and ``side`` (the window's layout applies them later)."""
    width = window.width()
    widths = [_clamp(width * SOURCE_SHARE, SOURCE_WIDTHS), _clamp(width * SIDE_SHARE, SIDE_WIDTHS)]
    window.resizeDocks([source, side], widths, HORIZONTAL)
    window.resizeDocks([side, below], [2, 3], Qt.Orientation.Vertical)
    return widths


def dock_columns(window: QMainWindow) -> list[list[QDockWidget]]:
    """The docks that take width from the canvas, column by column (stacked or tabbed docks share one)."""
    columns: dict[tuple[Qt.DockWidgetArea, int], list[QDockWidget]] = {}
    for dock in window.findChildren(QDockWidget):
        area = window.dockWidgetArea(dock)
        if not dock.isHidden() and not dock.isFloating() and area in SIDES:
            columns.setdefault((area, dock.geometry().left()), []).append(dock)
    return list(columns.values())


def least_width(dock: QDockWidget) -> int:
    """How narrow ``dock`` can be and still show its panel whole (a scrolling form unclipped)."""
    panel = dock.widget()
    need = panel.minimumSizeHint().width()
    if isinstance(panel, QScrollArea) and panel.widget() is not None:
        inner = panel.widget().minimumSizeHint().width()
        need = max(need, inner + 2 * panel.frameWidth() + panel.verticalScrollBar().sizeHint().width())
    return max(LEAST_DOCK_WIDTH, need + dock.width() - panel.width())


def give_canvas_room(window: QMainWindow, canvas_share: float = CANVAS_SHARE) -> None:
    """Keep at least ``canvas_share`` of the window's width for the canvas: wider docks shrink in
    proportion, never below what their panels need, so the map is never squeezed to a sliver."""
    columns = dock_columns(window)
    taken = sum(column[0].width() for column in columns)
    room = window.width() * (1 - canvas_share)
    if not columns or taken <= room:
        return
    factor = room / taken
    widths = [max(max(least_width(d) for d in column), int(column[0].width() * factor)) for column in columns]
    window.resizeDocks([column[0] for column in columns], widths, HORIZONTAL)


class DockSizes:
    """The dock widths of one window: the first layout when the user has none saved, following the
    window's width until the user drags a dock's edge; then only giving way as the window narrows."""

    def __init__(self, window: QMainWindow, source: QDockWidget, side: QDockWidget, below: QDockWidget) -> None:
        self.window = window
        self.docks = (source, side, below)
        self.first: list[int] | None = None  # the first layout's widths, while the docks keep them

    def _widths(self) -> list[int]:
        return [d.width() for d in self.docks[:2]]

    def shown(self, fresh: bool) -> None:
        """The window shows: the first layout (``fresh``, no layout of the user's), or the restored one
        with room for the canvas."""
        if fresh:
            self.first = set_default_sizes(self.window, *self.docks)
        else:
            give_canvas_room(self.window)

    def resized(self) -> None:
        if self.first is not None and self._widths() == self.first:  # as first laid out: follow the window
            self.first = set_default_sizes(self.window, *self.docks)
            return
        self.first = None  # the user's own widths from now on
        give_canvas_room(self.window)
