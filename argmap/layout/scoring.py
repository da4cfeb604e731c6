"""Crossing counts of the layout's candidate placements, each counted once and remembered."""

from __future__ import annotations

from .cross import edge_ends, place_cross
from .metrics import RowCrossings
from .structure import Structure


class Scores:
    """Crossings of x lists for fixed rows ``y``: the edges drawn straight, the cross relations'
    junctions placed first (:func:`~argmap.layout.cross.place_cross`).

    An x list is known by its identity (the layout never changes one once placed), so a count is
    made once: reordering and transposition score many of the same placements."""

    def __init__(self, s: Structure, y: list[float], along: list[float], node_gap: float) -> None:
        self.s, self.y, self.along, self.node_gap = s, y, along, node_gap
        self._known: list[tuple[list[float], list[float], int]] = []  # x, x with cross junctions, count
        self._rows: RowCrossings | None = None

    def with_cross(self, xs: list[float]) -> list[float]:
        """A copy of ``xs`` with the cross relations' junctions placed."""
        for x0, full, _ in self._known:
            if x0 is xs:
                return list(full)
        full = list(xs)
        place_cross(self.s, full, self.y, self.along, self.node_gap)
        return full

    def score(self, xs: list[float]) -> int:
        """The crossings of ``xs``: remembered, or counted now."""
        for x0, _, n_cross in self._known:
            if x0 is xs:
                return n_cross
        full = self.with_cross(xs)
        n_cross = self._count(full)
        self._known.append((xs, full, n_cross))
        return n_cross

    def _count(self, full: list[float]) -> int:
        # segment_crossings(segments(s, full, y)), with all that depends on y alone worked out once
        if self._rows is None:
            self._rows = RowCrossings(edge_ends(self.s), self.y)
        return self._rows.count(full)
