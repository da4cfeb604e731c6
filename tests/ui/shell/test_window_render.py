"""The whole window rendered with a sample map: not blank, and every card drawn where the scene says it is."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage

from argmap.io import load_map
from argmap.resources import sample_paths


def _close(a: QColor, b: QColor, tol: int = 4) -> bool:
    return abs(a.red() - b.red()) <= tol and abs(a.green() - b.green()) <= tol and abs(a.blue() - b.blue()) <= tol


def _fraction(img: QImage, points: list[QPoint], colour: QColor) -> float:
    inside = [p for p in points if img.rect().contains(p)]
    return sum(_close(img.pixelColor(p), colour) for p in inside) / max(1, len(inside))


def _area(r: QRect, step: int = 2) -> list[QPoint]:
    return [QPoint(x, y) for x in range(r.left(), r.right() + 1, step) for y in range(r.top(), r.bottom() + 1, step)]


def _ring(r: QRect, d: int) -> list[list[QPoint]]:
    """The four sides of a frame ``d`` pixels outside ``r``."""
    out = r.adjusted(-d, -d, d, d)
    return [
        [QPoint(x, out.top()) for x in range(out.left(), out.right() + 1)],
        [QPoint(x, out.bottom()) for x in range(out.left(), out.right() + 1)],
        [QPoint(out.left(), y) for y in range(out.top(), out.bottom() + 1)],
        [QPoint(out.right(), y) for y in range(out.top(), out.bottom() + 1)],
    ]


def test_window_with_a_sample_map_draws_each_card_where_the_scene_puts_it(qtbot, make_window):
    path = min(sample_paths(), key=lambda p: len(load_map(p).statements))
    w = make_window(load_map(path))
    w.resize(1280, 800)
    qtbot.waitUntil(lambda: not w.view.opening_view_pending())
    w.view.zoom_fit()
    img = w.grab().toImage()
    assert img.width() >= 1000
    assert len({img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}) > 50

    scene, view = w.view.map_scene, w.view
    theme = view.theme()
    origin = view.viewport().mapTo(w, QPoint(0, 0))
    checked = 0
    for sid, st in w.doc.map.statements.items():
        scene_rect = scene.node_rect(sid)
        assert scene_rect is not None
        r: QRect = view.mapFromScene(scene_rect).boundingRect().translated(origin)
        assert view.viewport().rect().translated(origin).contains(r), f"card {sid} is outside the canvas"
        assert r.width() > 40 and r.height() > 20
        fill = theme.card[st.kind]
        inner = r.adjusted(4, 4, -4, -4)
        assert _fraction(img, _area(inner), fill) > 0.5, f"card {sid} is not drawn at {r}"
        others = [
            view.mapFromScene(scene.node_rect(o)).boundingRect().translated(origin)
            for o in w.doc.map.statements
            if o != sid
        ]
        for side in _ring(r, 5):
            free = [p for p in side if not any(o.adjusted(-3, -3, 3, 3).contains(p) for o in others)]
            assert _fraction(img, free, fill) < 0.3, f"card {sid} is drawn beyond {r}"
        checked += 1
    assert checked == len(w.doc.map.statements) >= 3
