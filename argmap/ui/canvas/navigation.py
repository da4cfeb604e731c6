"""Walking the map with the arrow keys: up to a card's target, down to its first reason, across to a sibling."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum

from ...model import ArgumentMap, Point


class Step(Enum):
    TARGET = "target"
    REASON = "reason"
    PREVIOUS = "previous"
    NEXT = "next"


# which way the arrows go in a map that flows in each direction (its ``layout_direction`` meta):
# top to bottom has reasons below their targets, bottom to top above, left to right on the right
STEPS: dict[str, dict[tuple[int, int], Step]] = {
    "TB": {(0, -1): Step.TARGET, (0, 1): Step.REASON, (-1, 0): Step.PREVIOUS, (1, 0): Step.NEXT},
    "BT": {(0, 1): Step.TARGET, (0, -1): Step.REASON, (-1, 0): Step.PREVIOUS, (1, 0): Step.NEXT},
    "LR": {(-1, 0): Step.TARGET, (1, 0): Step.REASON, (0, -1): Step.PREVIOUS, (0, 1): Step.NEXT},
}

# what the status bar says when there is nowhere to go
NOWHERE = {
    Step.TARGET: "This card supports nothing: it is a main conclusion or stands alone",
    Step.REASON: "This card has no reasons or objections yet",
    Step.PREVIOUS: "No sibling on this side",
    Step.NEXT: "No sibling on this side",
}


def step_for(direction: str, dx: int, dy: int) -> Step:
    """The step an arrow key ``(dx, dy)`` takes in a map that flows in ``direction``."""
    return STEPS.get(direction, STEPS["TB"])[(dx, dy)]


def nearest_to(pos: Mapping[str, Point], ids: Iterable[str], point: Point) -> str | None:
    """Of ``ids``, the one placed nearest ``point`` (None if there are none)."""
    x, y = point
    return min(ids, key=lambda i: (pos[i][0] - x) ** 2 + (pos[i][1] - y) ** 2, default=None)


class Navigator:
    """Finds the card an arrow key moves the selection to.  It remembers the reason it came up
    from, so going up and then down again returns to the same card."""

    def __init__(self) -> None:
        self._came_from: dict[str, str] = {}

    def step(
        self, amap: ArgumentMap, pos: Mapping[str, Point], current: str, step: Step, direction: str = "TB"
    ) -> str | None:
        """The element to select after ``step`` from ``current`` (a statement or a relation), or None."""
        across = 1 if direction == "LR" else 0  # the coordinate along which siblings lie side by side

        def spot(eid: str) -> Point:
            return pos.get(eid, (0.0, 0.0))

        def nearest(ids: list[str]) -> str:
            here = spot(current)
            return min(ids, key=lambda i: (abs(spot(i)[across] - here[across]), spot(i)[1 - across]))

        def in_order(i: str) -> tuple[float, float]:  # reading order: leftmost first (topmost in LR maps)
            return spot(i)[across], spot(i)[1 - across]

        if step is Step.TARGET:
            if current in amap.relations:
                targets = [amap.relations[current].target]
            else:
                targets = [r.target for r in amap.relations_from(current)] if current in amap.statements else []
            targets = [t for t in targets if t in amap.statements or t in amap.relations]
            if not targets:
                return None
            dest = nearest(targets)
            if current in amap.statements:
                self._came_from[dest] = current
            return dest
        if step is Step.REASON:
            reasons = list(dict.fromkeys(p for rel in amap.relations_into(current) for p in rel.premises))
            if current in amap.relations:
                reasons = reasons or list(amap.relations[current].premises)
            if not reasons:
                return None
            back = self._came_from.get(current)
            return back if back in reasons else min(reasons, key=in_order)
        if current not in amap.statements:
            return None
        out = amap.relations_from(current)
        if out:
            target = out[0].target
            back = next((r.target for r in out if self._came_from.get(r.target) == current), None)
            target = back or target
            siblings = list(dict.fromkeys(p for rel in amap.relations_into(target) for p in rel.premises))
        else:  # a main conclusion or a card on its own: the others like it
            siblings = [s for s in amap.statements if not amap.relations_from(s)]
        siblings.sort(key=in_order)
        i = siblings.index(current) + (1 if step is Step.NEXT else -1)
        if not 0 <= i < len(siblings):
            return None
        dest = siblings[i]
        if out:
            self._came_from[target] = dest
        return dest
