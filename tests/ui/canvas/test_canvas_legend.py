"""The canvas legend (View > Show Legend) lists what the map uses, and follows it as it changes."""

from __future__ import annotations

from canvas_support import small_map

from argmap.draw.parts import LEGEND_TEXTS
from argmap.model import Polarity, Relation, Statement
from argmap.ui.paint import drawing


def test_the_canvas_legend_lists_what_the_map_uses(make_window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    shown: list[tuple[str, ...]] = []
    real = drawing.draw_legend

    def spy(painter, top_left, theme, strip=False, keys=()):  # noqa: ANN001, ANN202
        shown.append(tuple(keys))
        return real(painter, top_left, theme, strip, keys)

    monkeypatch.setattr(drawing, "draw_legend", spy)
    w = make_window(small_map())
    w.canvas_actions.show_legend.setChecked(True)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[-1] == ("conclusion", "premise", "evidence", "support", "attack", "linked")
    assert all(k in LEGEND_TEXTS for k in shown[-1])
    amap = w.doc.map
    amap.add_statement(Statement("Q", "Another reason."), (300.0, 300.0))
    amap.add_relation(Relation("R4", Polarity.SUPPORT, ("Q",), "C"))
    amap.add_statement(Statement("U", "The risk is small."), (500.0, 300.0))
    amap.add_relation(Relation("R5", Polarity.ATTACK, ("U",), "R2"))
    shown.clear()
    qtbot.waitUntil(lambda: bool(shown) and "undercut_attack" in shown[-1])
    assert "convergent" in shown[-1] and "undercut" not in shown[-1]
