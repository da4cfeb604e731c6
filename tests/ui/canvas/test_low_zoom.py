"""Zoomed out: cards show their kind and first words at a size one can read, not empty boxes."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from argmap.io import load_map
from argmap.layout import ASPECT, layout_map
from argmap.model import main_conclusions
from argmap.resources import sample_paths
from argmap.ui.canvas.items import SIMPLIFY_BELOW
from argmap.ui.paint.glance import glance_lines


def _congestion():
    return load_map(next(p for p in sample_paths() if "congestion" in p.name))


def _ink(img, rect, fill: QColor) -> int:
    """Pixels inside ``rect`` (a card's interior on screen) that differ clearly from the card's fill."""
    n = 0
    for x in range(rect.left(), rect.right()):
        for y in range(rect.top(), rect.bottom()):
            c = img.pixelColor(x, y)
            if abs(c.red() - fill.red()) + abs(c.green() - fill.green()) + abs(c.blue() - fill.blue()) > 120:
                n += 1
    return n


def _card_interiors(view, ids):
    for sid in ids:
        r = view.mapFromScene(view.map_scene.node_rect(sid)).boundingRect().adjusted(3, 3, -3, -3)
        if view.viewport().rect().contains(r):
            yield sid, r


def test_fit_on_the_congestion_sample_draws_words_in_the_cards(make_view):
    amap = _congestion()
    # wrapped into a page's shape, so that fitted its cards are boxes of about 40 px: the layout that
    # keeps every reason next to its claim makes this map a tall strip, fitted where only markers show
    amap.move(layout_map(amap, direction="LR", aspect=ASPECT))
    view = make_view(amap)
    view.zoom_fit()
    QApplication.processEvents()
    assert view.zoom() < SIMPLIFY_BELOW  # far out: the cards are drawn as boxes
    img = view.viewport().grab().toImage()
    theme = view.theme()
    amap = view.doc.map
    cards = list(_card_interiors(view, amap.statements))
    assert len(cards) == len(amap.statements)  # fitted: every card on screen
    inked = [sid for sid, r in cards if _ink(img, r, theme.card[amap.statements[sid].kind]) > 25]
    assert len(inked) == len(cards)  # each card shows its marker and words, none is blank
    # the main conclusion's first words are among what it shows
    top = main_conclusions(amap)[0]
    rect = view.mapFromScene(view.map_scene.node_rect(top.id)).boundingRect()
    assert _ink(img, rect.adjusted(3, 3, -3, -3), theme.card[top.kind]) > 60


def test_glance_words_wrap_elide_and_never_overflow():
    from PySide6.QtGui import QFontMetricsF

    from argmap.ui.paint.glance import glance_font

    fm = QFontMetricsF(glance_font())
    lines = glance_lines("Congestion charging works in London and Stockholm", 50, 60, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert fm.horizontalAdvance(lines[0]) <= 50 and fm.horizontalAdvance(lines[1]) <= 60
    assert glance_lines("Short", 50, 60, 3) == ("Short",)
    assert glance_lines("Internationalisation", 30, 30, 1)[0].endswith("…")
    assert glance_lines("Anything", 50, 60, 0) == ()


def test_far_out_cards_show_only_their_marker(make_view):
    view = make_view(_congestion())
    for _ in range(12):
        view.zoom_out()
    QApplication.processEvents()
    img = view.viewport().grab().toImage()
    assert not img.isNull()  # nothing to read at this size: boxes and markers, drawn without error
