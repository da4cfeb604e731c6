"""Why an element stays undecided: the cycle it sits in, or the undecided element it waits for."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from ..model import Polarity
from .labels import Label, Why

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..model import ArgumentMap
    from .result import Evaluation


def find_cycle(
    amap: ArgumentMap, ev: Evaluation, eid: str, inputs: Callable[[ArgumentMap, str], list[str]]
) -> list[str] | None:
    """Undecided elements on a shortest cycle of dependencies through ``eid``, or None."""
    parent: dict[str, str] = {}
    queue = deque([eid])
    seen = {eid}
    while queue:
        x = queue.popleft()
        for y in inputs(amap, x):
            if ev.label(y) is not Label.UNDECIDED:
                continue
            if y == eid:
                path = [x]
                while path[-1] != eid:
                    path.append(parent[path[-1]])
                return path
            if y not in seen:
                seen.add(y)
                parent[y] = x
                queue.append(y)
    return None


def explain_open(amap: ArgumentMap, ev: Evaluation, eid: str, inputs: Callable[[ArgumentMap, str], list[str]]) -> Why:
    cycle = find_cycle(amap, ev, eid, inputs)
    if cycle is not None:
        attacks = sum(1 for e in cycle if e in amap.relations and amap.relations[e].polarity is Polarity.ATTACK)
        others = list(dict.fromkeys(e for e in cycle if e in amap.statements and e != eid))
        if not others:  # a relation's own cycle: name its statements
            others = list(dict.fromkeys(e for e in cycle if e in amap.statements))
        code = "cycle-support" if not attacks else "cycle-odd" if attacks % 2 else "cycle-even"
        return Why(code, tuple(others))
    for y in inputs(amap, eid):
        if ev.label(y) is Label.UNDECIDED:
            if y in amap.relations:  # name the statement the relation waits for, if any
                z = next((p for p in inputs(amap, y) if p in amap.statements and ev.label(p) is Label.UNDECIDED), None)
                return Why("depends", (z or y,))
            return Why("depends", (y,))
    return Why("depends", ())
