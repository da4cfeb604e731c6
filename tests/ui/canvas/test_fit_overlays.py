"""Fit keeps the map clear of the keys drawn over the canvas's bottom corners."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from argmap.io import read_any
from argmap.resources import sample_paths


def _op_ed():
    (path,) = [p for p in sample_paths() if "kim-putin" in p.name]
    return read_any(path).map


def _cards_on_screen(view) -> list[QRectF]:  # noqa: ANN001
    rects = []
    for sid in view.doc.map.statements:
        r = view.map_scene.node_rect(sid)
        poly = view.mapFromScene(r)
        rects.append(QRectF(poly.boundingRect()))
    return rects


def _bottom_band(view) -> QRectF:  # noqa: ANN001
    vp = view.viewport().rect()
    top = vp.height() - view.overlay_height()
    return QRectF(QPointF(0, top), QPointF(vp.width(), vp.height()))


def test_fit_leaves_the_legend_its_corner(make_view, qtbot) -> None:  # noqa: ANN001
    view = make_view(_op_ed())
    view.set_legend_visible(True)
    view.zoom_fit()
    qtbot.wait(0)
    vp = view.viewport().rect()
    legend = view.legend_rect()
    cards = _cards_on_screen(view)
    assert all(QRectF(vp).contains(c) for c in cards)  # the whole map is in view
    assert not any(c.intersects(legend) for c in cards)
    assert not any(c.intersects(_bottom_band(view)) for c in cards)


def test_fit_in_evaluate_mode_leaves_the_labels_key_its_corner(make_view, qtbot) -> None:  # noqa: ANN001
    view = make_view(_op_ed())
    view.evaluate_mode.set_enabled(True)
    view.zoom_fit()
    vp = view.viewport().rect()
    h = view.evaluate_mode.legend_height()
    assert h > 0
    key = QRectF(0, vp.height() - h - 12, vp.width() / 2, h)
    cards = _cards_on_screen(view)
    assert all(QRectF(vp).contains(c) for c in cards)
    assert not any(c.intersects(key) for c in cards)
