"""The docks leave the canvas the larger share of the window, at first and as the window narrows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from argmap.io import load_map
from argmap.resources import sample_paths
from argmap.ui.document.controller import DocumentController
from argmap.ui.shell.main_window import MainWindow

OP_ED = next(p for p in sample_paths() if "kim-putin" in p.name)


def _open(qtbot, manager, width: int, height: int) -> MainWindow:
    """The op-ed sample in a window of ``width`` x ``height``, with no layout of the user's saved."""
    w = MainWindow(DocumentController(load_map(OP_ED), str(OP_ED)), manager)
    w.resize(width, height)
    w.show()
    qtbot.waitExposed(w)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not w.view.opening_view_pending())
    return w


def _all_cards_visible(w: MainWindow) -> bool:
    view = w.view
    shown = view.viewport().rect()
    return all(
        shown.contains(view.mapFromScene(view.map_scene.node_rect(sid)).boundingRect()) for sid in w.doc.map.statements
    )


def test_the_canvas_has_the_larger_share_and_the_op_ed_opens_whole(qtbot, manager):
    w = _open(qtbot, manager, 1440, 900)
    assert w.source_dock.isVisible() and w.outline_dock.isVisible() and w.inspector_dock.isVisible()
    assert w.view.width() > w.width() / 2
    assert w.view.width() > w.source_dock.width() + w.outline_dock.width()
    assert w.source_dock.width() >= 300  # the source text stays readable beside it
    assert _all_cards_visible(w)  # fitted whole, not cut off at the right


def test_a_smaller_window_keeps_the_canvas_wide(qtbot, manager):
    w = _open(qtbot, manager, 1280, 800)
    assert w.view.width() > w.width() / 2
    assert w.view.zoom() >= 0.5  # legible


def test_narrowing_the_window_shrinks_the_docks_not_the_canvas_to_a_sliver(qtbot, manager):
    w = _open(qtbot, manager, 1440, 900)
    for width in (1100, 900):
        w.resize(width, 800)
        qtbot.waitUntil(lambda width=width: w.width() == width)
        QApplication.processEvents()
        assert w.view.width() >= 0.35 * width, width
        # the docks still show their panels whole: the Inspector's form is not clipped
        assert w.inspector.viewport().width() >= w.inspector.widget().minimumSizeHint().width()


def test_the_users_own_dock_sizes_come_back(qtbot, manager):
    w = _open(qtbot, manager, 1440, 900)
    w.resizeDocks([w.source_dock], [460], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    chosen = w.source_dock.width()
    assert abs(chosen - 460) <= 8
    w.force_close()
    w2 = _open(qtbot, manager, 1440, 900)
    assert abs(w2.source_dock.width() - chosen) <= 8


def test_the_first_layout_follows_the_window_until_a_dock_is_dragged(qtbot, manager):
    w = _open(qtbot, manager, 1440, 900)
    w.resize(1280, 800)  # as a window manager fits the window to a smaller screen
    QApplication.processEvents()
    fresh = _open(qtbot, manager, 1280, 800)
    assert abs(w.source_dock.width() - fresh.source_dock.width()) <= 2
    assert abs(w.outline_dock.width() - fresh.outline_dock.width()) <= 2
    w.resizeDocks([w.source_dock], [420], Qt.Orientation.Horizontal)  # the user's own width
    QApplication.processEvents()
    w.resize(1400, 800)
    QApplication.processEvents()
    assert abs(w.source_dock.width() - 420) <= 8  # kept
