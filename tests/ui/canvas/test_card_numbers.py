"""View > Show Card Numbers: the report's numbers on the canvas."""

from __future__ import annotations

from canvas_support import small_map

from argmap.draw.numbers import badge_box, card_numbers
from argmap.model import Statement


def _badge_pixel(view, sid: str):  # noqa: ANN001, ANN202
    """The colour at the middle of card ``sid``'s number badge, in viewport pixels."""
    item = view.map_scene.node_items[sid]
    r = item.scene_card_rect()
    n = card_numbers(view.doc.map)[sid]
    bx, by, bw, bh = badge_box((r.x(), r.y(), r.width(), r.height()), n)
    p = view.mapFromScene(bx + 2, by + bh / 2)  # the pill's left end: away from its digits
    return view.viewport().grab().toImage().pixelColor(p.x(), p.y())


def test_show_card_numbers_puts_each_cards_number_on_it(make_window, qtbot) -> None:  # noqa: ANN001
    w = make_window(small_map())
    view = w.view
    act = w.canvas_actions.show_numbers
    assert act in w.canvas_actions.view_actions and act.isCheckable() and not act.isChecked()
    view_menu = next(a.menu() for a in w.menuBar().actions() if a.text().replace("&", "") == "View")
    assert act in view_menu.actions()
    dark = view.map_scene.theme.palette.text[:3]
    assert _badge_pixel(view, "P2").getRgb()[:3] != dark
    act.trigger()
    assert view.map_scene.numbers == {"C": 1, "P1": 2, "P2": 3, "O": 4, "E": 5}
    qtbot.waitUntil(lambda: _badge_pixel(view, "P2").getRgb()[:3] == dark)
    act.trigger()
    assert view.map_scene.numbers == {}
    qtbot.waitUntil(lambda: _badge_pixel(view, "P2").getRgb()[:3] != dark)


def test_card_numbers_follow_the_map(make_window) -> None:  # noqa: ANN001
    w = make_window(small_map())
    w.canvas_actions.show_numbers.trigger()
    w.doc.map.add_statement(Statement("N", "A new card."), (400.0, 400.0))
    assert w.view.map_scene.numbers["N"] == 6
    w.doc.map.remove(["P1"])
    assert w.view.map_scene.numbers == card_numbers(w.doc.map) == {"C": 1, "P2": 2, "O": 3, "E": 4, "N": 5}


def test_undoing_a_delete_gives_the_card_its_number_back(make_window) -> None:  # noqa: ANN001
    w = make_window(small_map())
    w.canvas_actions.show_numbers.trigger()
    before = dict(w.view.map_scene.numbers)
    w.doc.select(["P1"], None)
    w.canvas_actions.delete.trigger()
    assert "P1" not in w.view.map_scene.numbers and w.view.map_scene.numbers["E"] == 4
    w.doc.undo_stack.undo()
    assert w.view.map_scene.numbers == before
