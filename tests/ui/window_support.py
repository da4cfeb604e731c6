"""Helpers for the window tests: a small map, and making a window the active one (fixtures are in conftest.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement

__all__ = ["activate", "small_map"]


def small_map() -> ArgumentMap:
    """A conclusion with a linked reason, a single reason with evidence, an objection and an undercut."""
    amap = ArgumentMap("Small map")
    sts = [
        Statement("c", "Cities should tax sugary drinks.", Kind.CONCLUSION, title="Soda tax"),
        Statement("p1", "Sugary drinks cause obesity."),
        Statement("p2", "Taxes reduce what people buy."),
        Statement("p3", "The tax money can fund school sport."),
        Statement("e1", "A 2019 study found a 20% fall in sales.", Kind.EVIDENCE),
        Statement("o1", "The tax hits poor households hardest."),
        Statement("u1", "Poor households gain most from better health."),
    ]
    rels = [
        Relation("R1", Polarity.SUPPORT, ("p1", "p2"), "c"),
        Relation("R2", Polarity.SUPPORT, ("p3",), "c"),
        Relation("R3", Polarity.SUPPORT, ("e1",), "p2"),
        Relation("R4", Polarity.ATTACK, ("o1",), "c"),
        Relation("R5", Polarity.ATTACK, ("u1",), "R4"),
    ]
    positions = {s.id: (i * 280.0, (i % 3) * 160.0) for i, s in enumerate(sts)}
    amap.add_many(sts, rels, positions)
    return amap


def activate(qtbot: Any, window: Any) -> None:
    """Make ``window`` the active window, so that its shortcuts fire on key presses."""
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
