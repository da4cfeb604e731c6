"""Opening a map: the whole map fitted when it stays readable, else readable on the main conclusion."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from window_support import small_map

from argmap.io import load_map
from argmap.layout import layout_map
from argmap.model import main_conclusions
from argmap.resources import sample_paths
from argmap.ui.canvas import view as view_module


def _visible(w, sid: str) -> bool:
    view = w.view
    rect = view.mapFromScene(view.map_scene.node_rect(sid)).boundingRect()
    return view.viewport().rect().contains(rect)


def _settle(qtbot, w) -> None:
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not w.view.opening_view_pending())  # applied once the window has its size


def test_a_small_map_opens_whole_and_not_blown_up(qtbot, make_window):
    amap = small_map()
    amap.remove(["p3", "e1", "o1", "u1"])  # a conclusion and its linked reason: small enough to fit
    w = make_window(amap)
    _settle(qtbot, w)
    assert all(_visible(w, sid) for sid in w.doc.map.statements)
    assert view_module.READABLE_ZOOM <= w.view.zoom() <= 1.0


def _opening(qtbot, w):
    _settle(qtbot, w)
    view = w.view
    assert view.fit_zoom() < view_module.READABLE_ZOOM  # too big to show whole and readable
    assert abs(view.zoom() - view_module.OPEN_ZOOM) < 1e-6
    top = main_conclusions(w.doc.map)[0].id
    assert _visible(w, top)
    return view.mapFromScene(view.map_scene.node_rect(top)).boundingRect(), view.viewport().rect()


def test_a_large_map_opens_readable_with_its_main_conclusion_first(qtbot, make_window, manager):
    # the congestion sample reads left to right: the main conclusion at the left, in the middle
    path = next(p for p in sample_paths() if "congestion" in p.name)
    w = manager.open_sample(path)
    assert w.doc.map.meta.get("layout_direction") == "LR"
    card, vp = _opening(qtbot, w)
    assert abs(card.center().y() - vp.center().y()) < 4  # centred down ...
    assert card.left() < vp.width() * 0.2  # ... and at the left, its reasons right of it
    w.force_close()
    # the same map laid out top-down: the main conclusion at the top, centred across
    amap = load_map(path)
    amap.set_meta(layout_direction="TB")
    amap.move(layout_map(amap, direction="TB"))
    w = make_window(amap)
    w.resize(1000, 700)
    card, vp = _opening(qtbot, w)
    assert abs(card.center().x() - vp.center().x()) < 4  # centred across ...
    assert card.top() < vp.height() * 0.2  # ... and at the top, its reasons below it


def test_every_sample_opens_with_cards_on_screen(qtbot, manager):
    for path in sample_paths():  # each after the last one's window state was saved and restored
        w = manager.open_sample(path)
        w.resize(1280, 800)  # a laptop screen (the offscreen screen is 800 x 800)
        _settle(qtbot, w)
        assert w.view.width() >= 0.4 * w.width(), path.name
        shown = [sid for sid in w.doc.map.statements if _visible(w, sid)]
        assert len(shown) >= min(4, len(w.doc.map.statements)), path.name
        assert w.view.zoom() >= view_module.READABLE_ZOOM, path.name
        w.force_close()


def test_opening_view_follows_the_window_size_until_the_user_zooms(qtbot, make_window):
    w = make_window(load_map(min(sample_paths(), key=lambda p: len(load_map(p).statements))))
    _settle(qtbot, w)
    w.resize(w.width() + 300, w.height() + 100)
    _settle(qtbot, w)
    fitted = w.view.zoom()
    assert all(_visible(w, sid) for sid in w.doc.map.statements) or fitted >= view_module.OPEN_ZOOM - 1e-6
    # the user zooms in with the wheel: a later resize keeps the user's zoom
    vp = w.view.viewport()
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = vp.rect().center()
    wheel = QWheelEvent(
        centre.toPointF(),
        vp.mapToGlobal(centre).toPointF(),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(vp, wheel)
    zoomed = w.view.zoom()
    assert zoomed > fitted * 1.1
    w.resize(w.width() - 400, w.height() - 150)
    _settle(qtbot, w)
    assert abs(w.view.zoom() - zoomed) < 1e-6


def test_an_empty_map_says_how_to_start_until_it_has_a_statement(qtbot, make_window):
    from argmap.model import ArgumentMap, Statement
    from argmap.ui.document.commands import AddStatementCommand

    w = make_window(ArgumentMap())
    _settle(qtbot, w)
    vp = w.view.viewport()

    def ink() -> int:
        img = vp.grab().toImage()
        bg = img.pixelColor(5, 5)
        return sum(
            img.pixelColor(x, y) != bg
            for x in range(0, img.width(), 3)
            for y in range(img.height() // 3, 2 * img.height() // 3, 3)
        )

    assert ink() > 50  # the hint is drawn in the middle of the canvas
    w.doc.push(AddStatementCommand(w.doc, Statement("far", "Far away."), (20000.0, 20000.0)))
    qtbot.waitUntil(lambda: ink() == 0)  # gone, and nothing of it left behind
    w.named_actions["undo"].trigger()
    qtbot.waitUntil(lambda: ink() > 50)
