"""layout_graph: layered tidy layout of an argument graph, map structure and card sizes in, centres out."""
from __future__ import annotations

import gc
from typing import Any, Hashable, Mapping

from .metrics import segment_crossings
from .order import reorder
from .rows import Blocks, Row
from .structure import Structure, assign_layers, build_tree, extract
from .tidy import place_x

Point = tuple[float, float]
DIRECTIONS = ("TB", "BT", "LR")
NODE_GAP = 24.0
LAYER_GAP = 56.0
REORDER_LIMIT = 2500  # statements; above it the first tidy pass is kept (speed)


def layout_graph(graph: Any, sizes: Mapping[Hashable, tuple[float, float]], *, direction: str = "TB",
                 pinned: Mapping[Hashable, Point] | None = None, node_gap: float = NODE_GAP,
                 layer_gap: float = LAYER_GAP, group_attacks: bool = True) -> dict[Hashable, Point]:
    """Centre positions for every statement and relation junction of ``graph``.

    ``graph`` is the map's DiGraph (``premise -> relation -> target``),
    ``sizes`` the (width, height) of every node.  Main conclusions go on top
    (``"TB"``), at the bottom (``"BT"``) or on the left (``"LR"``); pinned
    nodes keep the centres given in ``pinned`` and nothing else overlaps them.
    With ``group_attacks`` the objections to a target stand to the right of
    its supports.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown layout direction {direction!r} (expected TB, BT or LR)")
    collecting = gc.isenabled()
    gc.disable()  # many small lists, no cycles: the collector would only rescan the map's graph
    try:
        return _layout(graph, sizes, direction, pinned, node_gap, layer_gap, group_attacks)
    finally:
        if collecting:
            gc.enable()


def _layout(graph: Any, sizes: Mapping[Hashable, tuple[float, float]], direction: str,
            pinned: Mapping[Hashable, Point] | None, node_gap: float, layer_gap: float,
            group_attacks: bool) -> dict[Hashable, Point]:
    s = extract(graph, sizes)
    if not s.n:
        return {}
    assign_layers(s)
    build_tree(s, group_attacks)
    lr = direction == "LR"
    along, across = (s.h, s.w) if lr else (s.w, s.h)
    gaps = (node_gap, node_gap * 1.5, node_gap * 2.0)
    x = place_x(s, along, *gaps)
    ys, gap = _rows(s, across, layer_gap)
    y = [ys[lv] for lv in s.level]
    if s.cross and s.ns <= REORDER_LIMIT:
        def score(xs: list[float]) -> int:
            xs = list(xs)
            _place_cross(s, xs, y, along, node_gap)
            return segment_crossings(_segments(s, xs, y))

        x = reorder(s, x, along, gaps, score, group_attacks)
    _place_cross(s, x, y, along, node_gap)
    pins: dict[int, Point] = {}
    if pinned:
        index = {nid: i for i, nid in enumerate(s.ids)}
        for nid, p in pinned.items():
            i = index.get(nid)
            if i is not None:
                px, py = float(p[0]), float(p[1])
                pins[i] = (py, px) if lr else (px, -py if direction == "BT" else py)
        if pins:
            _honour_pins(s, x, y, along, across, pins, ys, gap, node_gap)
    ids = s.ids
    if lr:
        return dict(zip(ids, zip(y, x)))
    if direction == "BT":
        return {nid: (xi, -yi) for nid, xi, yi in zip(ids, x, y)}
    return dict(zip(ids, zip(x, y)))


def _segments(s: Structure, x: list[float], y: list[float]) -> list[tuple[float, float, float, float]]:
    segs = []
    for r in range(s.ns, s.n):
        xr, yr = x[r], y[r]
        for p in s.premises[r]:
            segs.append((x[p], y[p], xr, yr))
        t = s.target[r]
        if t >= 0:
            segs.append((xr, yr, x[t], y[t]))
    return segs


def _rows(s: Structure, across: list[float], layer_gap: float) -> tuple[dict[int, float], float]:
    """Centre of every row: statement layers stacked with ``layer_gap`` between
    them, junction rows in the middle of each gap."""
    ns = s.ns
    top_layer = max(s.layer) if ns else 0
    height = [0.0] * (top_layer + 1)
    for i in range(ns):
        L = s.layer[i]
        if across[i] > height[L]:
            height[L] = across[i]
    junction = max(across[ns:], default=0.0)
    gap = max(layer_gap, junction + 8.0)
    ys: dict[int, float] = {-1: -gap / 2}
    top = 0.0
    for L in range(top_layer + 1):
        ys[2 * L] = top + height[L] / 2
        top += height[L] + gap
        ys[2 * L + 1] = top - gap / 2
    for lv in set(s.level):
        if lv not in ys:  # only rows with nothing in them
            ys[lv] = top + gap * lv
    return ys, gap


def _place_cross(s: Structure, x: list[float], y: list[float], along: list[float], node_gap: float) -> None:
    """Junctions of relations outside the tree: in the row below their target,
    on the line towards their premises, in the nearest free spot."""
    ns = s.ns
    if not s.cross:
        return
    level = s.level
    rows: dict[int, Row] = {level[r]: Row() for r in s.cross}
    children = s.children
    for r in range(ns, s.n):
        row = rows.get(level[r])
        if row is not None and children[r]:
            hw = along[r] / 2
            row.lefts.append(x[r] - hw)
            row.rights.append(x[r] + hw)
    for row in rows.values():
        pairs = sorted(zip(row.lefts, row.rights))
        row.lefts = [a for a, _ in pairs]
        row.rights = [b for _, b in pairs]
    done: set[int] = set()
    jgap = node_gap / 2

    def place(r: int) -> None:
        done.add(r)
        t = s.target[r]
        if t >= ns and t in cross_set and t not in done:
            place(t)
        prem = s.premises[r]
        yr = y[r]
        if prem:
            px = sum(x[p] for p in prem) / len(prem)
            py = sum(y[p] for p in prem) / len(prem)
        if t < 0:
            want = px if prem else 0.0
        elif not prem:
            want = x[t]
        elif t >= ns:  # beside the junction it attacks, towards its premises
            want = x[t] + (along[t] + along[r]) / 2 + jgap if px >= x[t] else x[t] - (along[t] + along[r]) / 2 - jgap
        elif py != y[t]:
            want = x[t] + (px - x[t]) * (yr - y[t]) / (py - y[t])
        else:
            want = (px + x[t]) / 2
        row = rows.get(level[r])
        if row is None:
            row = rows[level[r]] = Row()
        hw = along[r] / 2
        c = row.free_spot(want, hw, jgap)
        x[r] = c
        row.add(c - hw, c + hw)

    cross_set = set(s.cross)
    for r in s.cross:
        if r not in done:
            place(r)


def _honour_pins(s: Structure, x: list[float], y: list[float], along: list[float], across: list[float],
                 pins: dict[int, Point], ys: dict[int, float], gap: float, node_gap: float) -> None:
    """Shift each tree part so its first pinned node lands on its pin, put the
    pinned nodes on their pins, and push every other node in a row right past
    pinned cards that reach into the row."""
    n = s.n
    part = list(range(n))
    for v in _preorder(s):
        for c in s.children[v]:
            part[c] = part[v]
    for r in s.cross:  # a cross junction moves with what it hangs under
        a = s.anchor[r] if s.anchor[r] >= 0 else (s.premises[r][0] if s.premises[r] else r)
        part[r] = part[a]
    shift: dict[int, float] = {}
    for i in sorted(pins):
        shift.setdefault(part[i], pins[i][0] - x[i])
    for i in range(n):
        d = shift.get(part[i])
        if d:
            x[i] += d
    for i, (px, py) in pins.items():
        x[i], y[i] = px, py
    by_row: dict[int, list[int]] = {}
    for i in range(n):
        if i not in pins:
            by_row.setdefault(s.level[i], []).append(i)
    rects = [(y[i] - across[i] / 2, y[i] + across[i] / 2, x[i] - along[i] / 2, x[i] + along[i] / 2) for i in pins]
    for lv, members in by_row.items():
        half = max(across[i] for i in members) / 2
        top, bottom = ys[lv] - half, ys[lv] + half
        blocks = Blocks([(a, b) for t, btm, a, b in rects if t < bottom and btm > top])
        members.sort(key=x.__getitem__)
        cursor = -float("inf")
        for i in members:
            hw = along[i] / 2
            want = max(x[i], cursor + hw)
            c = blocks.free_spot(want, hw, node_gap, rightwards=True)  # keeps the row's order
            x[i] = c
            cursor = c + hw + (node_gap if i < s.ns else node_gap / 2)


def _preorder(s: Structure) -> list[int]:
    out: list[int] = []
    stack = list(reversed(s.roots))
    children = s.children
    while stack:
        v = stack.pop()
        out.append(v)
        stack.extend(reversed(children[v]))
    return out
