"""Automatic layout: pure functions from map structure and card sizes to positions. No Qt."""

from __future__ import annotations

from .engine import ASPECT, DIRECTIONS, LAYER_GAP, NODE_GAP, layout_graph, layout_records
from .map_layout import layout_map, place_new
from .metrics import crossings, overlaps

__all__ = [
    "ASPECT",
    "DIRECTIONS",
    "LAYER_GAP",
    "NODE_GAP",
    "crossings",
    "layout_graph",
    "layout_map",
    "layout_records",
    "overlaps",
    "place_new",
]
