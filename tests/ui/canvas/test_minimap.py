"""The Overview dock: the whole map with the visible area as a rectangle to drag or click to pan."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from argmap.io import load_map
from argmap.model import Statement
from argmap.resources import sample_paths
from argmap.ui.document.commands import AddStatementCommand

LEFT = Qt.MouseButton.LeftButton
NO = Qt.KeyboardModifier.NoModifier


def _window(qtbot, make_window):
    w = make_window(load_map(next(p for p in sample_paths() if "congestion" in p.name)))
    qtbot.waitUntil(lambda: not w.view.opening_view_pending())
    toggle = w.overview_dock.toggleViewAction()
    panels = next(a.menu() for a in w.menuBar().actions() if a.text() == "&View").actions()
    assert any(a.menu() is not None and toggle in a.menu().actions() for a in panels)  # View > Panels > Overview
    toggle.trigger()
    assert w.overview_dock.isVisible()
    w.overview_dock.widget().resize(300, 220)
    QApplication.processEvents()
    return w, w.overview_dock.widget()


def _view_centre(view) -> QPointF:
    return view.mapToScene(view.viewport().rect().center())


def test_dragging_the_rectangle_scrolls_the_canvas(qtbot, make_window):
    w, mini = _window(qtbot, make_window)
    view = w.view
    view.zoom_reset()  # at 100 % the visible area is a small part of the map
    view.center_on_point(view.map_scene.content_rect().center())
    QApplication.processEvents()
    start = _view_centre(view)
    vis = mini.visible_rect()
    assert mini.rect().contains(vis.toRect())
    grab = vis.center().toPoint() + QPoint(2, 1)  # off centre: the rectangle keeps its hold
    QTest.mousePress(mini, LEFT, NO, grab)
    for step in range(1, 6):
        QTest.mouseMove(mini, grab + QPoint(-8 * step, -5 * step))
    QTest.mouseRelease(mini, LEFT, NO, grab + QPoint(-40, -25))
    moved = _view_centre(view) - start
    s = mini.visible_rect().width() / (view.viewport().width() / view.zoom())  # minimap pixels per map unit
    assert abs(moved.x() * s + 40) < 3 and abs(moved.y() * s + 25) < 3  # the canvas followed the drag
    assert abs(mini.visible_rect().center().x() - (vis.center().x() - 40)) < 3


def test_a_click_beside_the_rectangle_centres_the_canvas_there(qtbot, make_window):
    w, mini = _window(qtbot, make_window)
    view = w.view
    view.zoom_reset()
    view.center_on_point(view.map_scene.content_rect().center())
    QApplication.processEvents()
    top = next(iter(w.doc.map.statements))
    target = mini.to_widget(view.map_scene.node_rect(top).center()).toPoint()
    assert not mini.visible_rect().contains(QPointF(target))
    QTest.mouseClick(mini, LEFT, NO, target)
    card = view.mapFromScene(view.map_scene.node_rect(top)).boundingRect()
    assert view.viewport().rect().contains(card.center())


def test_the_rectangle_follows_zoom_and_scrolling(qtbot, make_window):
    w, mini = _window(qtbot, make_window)
    view = w.view
    view.zoom_fit()
    QApplication.processEvents()
    fitted = mini.visible_rect()
    view.zoom_in()
    view.zoom_in()
    smaller = mini.visible_rect()
    assert smaller.width() < fitted.width() / 1.3 and smaller.height() < fitted.height() / 1.3
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 200)
    assert mini.visible_rect().left() > smaller.left()


def test_the_minimap_follows_map_changes_and_the_theme(qtbot, make_window):
    w, mini = _window(qtbot, make_window)
    before = mini.grab().toImage()
    rect = w.view.map_scene.content_rect()
    w.doc.push(AddStatementCommand(w.doc, Statement("far", "Far away."), (rect.right() + 3000, rect.bottom() + 3000)))
    QApplication.processEvents()
    after = mini.grab().toImage()
    assert after != before  # the map grew: drawn again, smaller
    from argmap.ui.shell.palette import apply_theme

    light_bg = after.pixelColor(2, 2)
    apply_theme(QApplication.instance(), "dark")
    try:
        QApplication.processEvents()
        qtbot.waitUntil(lambda: mini.grab().toImage().pixelColor(2, 2) != light_bg)
        assert mini.grab().toImage().pixelColor(2, 2).lightness() < 100  # the dark theme's background
    finally:
        apply_theme(QApplication.instance(), "light")
