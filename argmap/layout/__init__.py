"""Automatic layout: pure functions from map structure and card sizes to positions. No Qt."""
from .engine import ASPECT, DIRECTIONS, LAYER_GAP, NODE_GAP, layout_graph, layout_records
from .metrics import crossings, overlaps
from .place import layout_map, place_new

__all__ = ["ASPECT", "DIRECTIONS", "LAYER_GAP", "NODE_GAP", "crossings", "layout_graph", "layout_map",
           "layout_records", "overlaps", "place_new"]
