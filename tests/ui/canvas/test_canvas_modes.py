"""Canvas modes: level of detail when zoomed out, theme from the palette, keys while editing text."""

from __future__ import annotations

from canvas_support import point_of, state
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem

NO = Qt.KeyboardModifier.NoModifier


def test_far_zoom_switches_to_the_batched_overview_and_back(make_view):
    view = make_view()
    for _ in range(8):
        view.zoom_out()
    sc = view.map_scene
    assert sc.overview_mode and sc.overview.isVisible()
    card = sc.node_items["C"]
    assert card.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    img = view.grab().toImage()
    c = view.mapFromScene(card.pos())
    assert img.pixelColor(c) != view.theme().background  # the overview drew the card
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NO, c)
    assert view.map_scene.selected_ids() == ["C"]  # cards stay selectable
    view.zoom_reset()
    assert not sc.overview_mode and not (card.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)


def test_theme_follows_a_dark_palette(make_view):
    view = make_view()
    assert not view.theme().dark
    pal = view.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    view.setPalette(pal)
    assert view.theme().dark
    view.set_theme(False)
    assert not view.theme().dark


def test_delete_and_copy_keys_while_editing_act_on_the_text(make_view):
    view = make_view()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NO, point_of(view, "O", 0, 6))
    before = state(view)
    QTest.keyClick(view.viewport(), Qt.Key.Key_F2)
    QTest.keyClick(view.viewport(), Qt.Key.Key_End)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Backspace)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Home)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    QTest.keyClick(view.viewport(), Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert "O" in view.doc.map.statements
    assert view.doc.map.statements["O"].text == "t is risky"
    assert len(view.doc.map.statements) == 5 and state(view) != before
