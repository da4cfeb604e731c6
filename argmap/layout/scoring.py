"""Crossing counts of the layout's candidate placements, remembered, and counted in a forked helper
while the layout goes on when helpers are granted (:mod:`argmap.parallel`)."""
from __future__ import annotations

from array import array

from .. import parallel
from .cross import edge_ends, place_cross
from .metrics import RowCrossings
from .structure import Structure


class Scores:
    """Crossings of x lists for fixed rows ``y``: the edges drawn straight, the cross relations'
    junctions placed first (:func:`~argmap.layout.cross.place_cross`).

    An x list is known by its identity (the layout never changes one once placed), so a count is
    made once.  With ``helpers``, :meth:`ahead` hands an x to a forked copy of the process, which
    counts while this one goes on; :meth:`score` then takes its answer (the answers come in the
    order the x were handed over).  Whatever goes wrong with the helper, the count is made here."""

    def __init__(self, s: Structure, y: list[float], along: list[float], node_gap: float,
                 helpers: bool = False) -> None:
        self.s, self.y, self.along, self.node_gap = s, y, along, node_gap
        self._known: list[list] = []  # [x, x with cross junctions placed (None until needed), count]
        self._rows: RowCrossings | None = None
        self._sent: list[list[float]] = []  # handed to the helper, answers not yet taken
        self.helper = parallel.start(lambda data: self._count(self.with_cross(_floats(data))).to_bytes(8, "little")) \
            if helpers else None

    def with_cross(self, xs: list[float]) -> list[float]:
        """A copy of ``xs`` with the cross relations' junctions placed."""
        for entry in self._known:
            if entry[0] is xs:
                if entry[1] is None:  # counted by the helper
                    entry[1] = list(xs)
                    place_cross(self.s, entry[1], self.y, self.along, self.node_gap)
                return list(entry[1])
        full = list(xs)
        place_cross(self.s, full, self.y, self.along, self.node_gap)
        return full

    def ahead(self, xs: list[float]) -> None:
        """Start counting ``xs`` in the helper (nothing without one)."""
        if self.helper is not None:
            try:
                self.helper.send(array("d", xs).tobytes())
                self._sent.append(xs)
            except parallel.HelperLost:
                self._drop()

    def score(self, xs: list[float]) -> int:
        """The crossings of ``xs``: remembered, the helper's answer, or counted here."""
        for x0, _, n_cross in self._known:
            if x0 is xs:
                return n_cross
        while self.helper is not None and any(x0 is xs for x0 in self._sent):
            try:
                n_cross = int.from_bytes(self.helper.receive(), "little")
            except parallel.HelperLost:
                self._drop()
                break
            x0 = self._sent.pop(0)
            self._known.append([x0, None, n_cross])
            if x0 is xs:
                return n_cross
        full = self.with_cross(xs)
        n_cross = self._count(full)
        self._known.append([xs, full, n_cross])
        return n_cross

    def close(self) -> None:
        """Stop the helper (its remaining answers are not needed)."""
        self._drop()

    def _drop(self) -> None:
        if self.helper is not None:
            self.helper.close()
            self.helper = None
        self._sent.clear()

    def _count(self, full: list[float]) -> int:
        # segment_crossings(segments(s, full, y)), with all that depends on y alone worked out once
        if self._rows is None:
            self._rows = RowCrossings(edge_ends(self.s), self.y)
        return self._rows.count(full)


def _floats(data: bytes) -> list[float]:
    a = array("d")
    a.frombytes(data)
    return a.tolist()
