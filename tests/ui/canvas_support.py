"""Helpers for the canvas tests: a small map, real gestures at item positions, undo and redo checks
(the make_view fixture is in conftest.py)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from argmap.io import dumps
from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement
from argmap.ui.canvas.view import MapView

__all__ = ["drag", "point_of", "small_map", "state", "undo_redo_check"]


def small_map() -> ArgumentMap:
    """C <- (P1 + P2 linked, support) ; C <- O (attack); P1 <- E (support)."""
    m = ArgumentMap("small")
    m.add_many(
        [
            Statement("C", "We should do it.", Kind.CONCLUSION, title="Do it"),
            Statement("P1", "It is cheap."),
            Statement("P2", "Cheap things are worth doing."),
            Statement("O", "It is risky."),
            Statement("E", "The quote came in at 10 euros.", Kind.EVIDENCE),
        ],
        [
            Relation("R1", Polarity.SUPPORT, ("P1", "P2"), "C"),
            Relation("R2", Polarity.ATTACK, ("O",), "C"),
            Relation("R3", Polarity.SUPPORT, ("E",), "P1"),
        ],
        {
            "C": (0, 0),
            "P1": (-260, 170),
            "P2": (-20, 170),
            "O": (260, 170),
            "E": (-260, 340),
            "R1": (-140, 90),
            "R2": (260, 80),
            "R3": (-260, 255),
        },
    )
    return m


def point_of(view: MapView, eid: str, dx: float = 0.0, dy: float = 0.0) -> QPoint:
    """Viewport coordinates of an element's centre (plus an offset in scene units)."""
    item = view.map_scene.item_for(eid)
    return view.mapFromScene(item.pos() + QPointF(dx, dy))


def state(view: MapView) -> str:
    return dumps(view.doc.map)


def drag(
    qtbot, view: MapView, start: QPoint, end: QPoint, modifiers=Qt.KeyboardModifier.NoModifier, steps: int = 6
) -> None:
    """A real left-button drag on the viewport, in small steps."""
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, modifiers, start)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        QTest.mouseMove(vp, p)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, modifiers, end)


def undo_redo_check(view: MapView, before: str, steps: int = 1) -> None:
    """Undo ``steps`` steps: the map is exactly as before; redo them: it is as after."""
    doc = view.doc
    after = state(view)
    assert after != before
    for _ in range(steps):
        doc.undo_stack.undo()
    assert state(view) == before
    for _ in range(steps):
        doc.undo_stack.redo()
    assert state(view) == after
    doc.map.check_invariants()
