"""Automatic layout: pure functions from map structure and card sizes to positions. No Qt.

The engine is imported when first used (``from argmap.layout import layout_map``), so that
``argmap.measure`` (card sizes, needed by every drawing) comes without it.
"""
from __future__ import annotations

_LAZY = {
    "ASPECT": "engine", "DIRECTIONS": "engine", "LAYER_GAP": "engine", "NODE_GAP": "engine",
    "layout_graph": "engine", "layout_records": "engine",
    "crossings": "metrics", "overlaps": "metrics",
    "layout_map": "place", "place_new": "place",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
