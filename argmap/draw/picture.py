"""A drawing as a list of shapes and text runs, in map units, that any device can play back.

``draw.mapdraw`` draws a map into a :class:`Picture` once; ``draw.svg`` writes it as
SVG without Qt, and ``ui.paint.qpicture`` plays it on a QPainter (PNG, PDF, print, the clipboard,
the canvas legend).  So every export is drawn by one piece of code, whatever the device.

Items, in drawing order (later ones on top):

* ``("path", ops, pen, fill, winding)``: a path, stroked with ``pen`` (a ``style.Pen``, or
  None) and filled with ``fill`` (a colour, or None); ``winding``: the non-zero fill rule
  instead of even-odd.
* ``("text", font, colour, runs)``: text in one ``style.Font`` and colour; ``runs`` are
  ``(x, baseline y, text)``.

Path ``ops`` are tuples: ``("M", x, y)``, ``("L", x, y)``, ``("C", x1, y1, x2, y2, x, y)``,
``("Z",)``, and whole subpaths ``("P", x1, y1, ..., xn, yn)`` (a closed polygon),
``("B", x0, y0, x1, y1, ..., xn, yn)`` (an open run of cubic segments from ``(x0, y0)``: two
control points and an end point each), ``("S", x1, y1, x2, y2)`` (a line segment),
``("R", x, y, w, h, radius)`` (a rectangle, rounded when ``radius`` > 0) and
``("E", cx, cy, rx, ry)`` (an ellipse).  A whole subpath is one op, so an edge costs one tuple
to draw and one template to write, however many segments it has.
"""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING

from .style import Colour, Font, Pen

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

Pt = tuple[float, float]


class Path:
    """Path ops under construction (see the module docstring)."""

    __slots__ = ("ops",)

    def __init__(self) -> None:
        self.ops: list[tuple] = []

    def __bool__(self) -> bool:
        return bool(self.ops)

    def move(self, x: float, y: float) -> None:
        self.ops.append(("M", x, y))

    def line(self, x: float, y: float) -> None:
        self.ops.append(("L", x, y))

    def cubic(self, x1: float, y1: float, x2: float, y2: float, x: float, y: float) -> None:
        self.ops.append(("C", x1, y1, x2, y2, x, y))

    def close(self) -> None:
        self.ops.append(("Z",))

    def polygon(self, points: Sequence[Pt]) -> None:
        self.ops.append(("P", *chain.from_iterable(points)))

    def segment(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.ops.append(("S", x1, y1, x2, y2))

    def rect(self, x: float, y: float, w: float, h: float, radius: float = 0.0) -> None:
        self.ops.append(("R", x, y, w, h, radius))

    def ellipse(self, cx: float, cy: float, rx: float, ry: float | None = None) -> None:
        self.ops.append(("E", cx, cy, rx, rx if ry is None else ry))

    def segments(self, segs: Sequence[Sequence[Pt]]) -> None:
        """Cubic segments (four points each, each starting where the one before ends) as one subpath."""
        flat = [*segs[0][0]]
        for _, c1, c2, end in segs:
            flat += c1
            flat += c2
            flat += end
        self.ops.append(("B", *flat))


class Picture:
    """Shapes and text runs in drawing order, in map units (see the module docstring)."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[tuple] = []

    def path(self, path: Path, pen: Pen | None = None, fill: Colour | None = None, winding: bool = False) -> None:
        if path.ops and (pen is not None or fill is not None):
            self.items.append(("path", path.ops, pen, fill, winding))

    def text(self, font: Font, colour: Colour, runs: Iterable[tuple[float, float, str]]) -> None:
        runs = [r for r in runs if r[2]]
        if runs:
            self.items.append(("text", font, colour, runs))

    def texts(self) -> list[str]:
        """Every text run, in drawing order (what a reader of the export can select and search)."""
        return [t for item in self.items if item[0] == "text" for _, _, t in item[3]]
