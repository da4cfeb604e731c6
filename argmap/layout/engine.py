"""layout_graph: layered tidy layout of an argument graph, map structure and card sizes in, centres out."""
from __future__ import annotations

import gc
import marshal
from array import array

from .. import parallel
from .compact import compact
from .metrics import RowCrossings, segment_crossings
from .order import reorder
from .rows import Blocks, Row
from .structure import Structure, assign_layers, build_tree, extract, extract_records, preorder
from .tidy import place_x
from .transpose import Edges, transpose

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Hashable, Iterable, Mapping


Point = tuple[float, float]
DIRECTIONS = ("TB", "BT", "LR")
NODE_GAP = 24.0
LAYER_GAP = 56.0
REORDER_LIMIT = 2500  # statements; above it the first tidy pass is kept (speed)
TRANSPOSE_LIMIT = 1000 # statements; up to it neighbouring reasons are also tried swapped (crossings)
ASPECT = 1.4          # width / height of the page a layout is compacted for (A4 landscape)
CROSS_SCORED = 1500    # nodes; up to this size compaction also weighs edge crossings
THOROUGH = 200         # nodes; up to this size compaction takes the best change of each round
COMPACT_WORK = 40_000  # statements times compaction trials: bounds the time spent on compaction
HELPER_MIN = 600      # nodes; from this size on, with helpers granted, a forked copy of the process
                      # counts crossings and measures compaction trials while this one goes on


def layout_graph(graph: Any, sizes: Mapping[Hashable, tuple[float, float]], *, direction: str = "TB",
                 pinned: Mapping[Hashable, Point] | None = None, node_gap: float = NODE_GAP,
                 layer_gap: float = LAYER_GAP, group_attacks: bool = True,
                 aspect: float | None = ASPECT) -> dict[Hashable, Point]:
    """Centre positions for every statement and relation junction of ``graph``.

    ``graph`` is the map's DiGraph (``premise -> relation -> target``),
    ``sizes`` the (width, height) of every node.  Main conclusions go on top
    (``"TB"``), at the bottom (``"BT"``) or on the left (``"LR"``); pinned
    nodes keep the centres given in ``pinned`` and nothing else overlaps them.
    With ``group_attacks`` the objections to a target stand to the right of
    its supports.  With ``aspect`` (width / height of the drawing wanted)
    the reasons of a target with a wide fan of them wrap into bands, one
    below the other, until the drawing fits a page of that shape best;
    ``None`` keeps every target's reasons in one row.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown layout direction {direction!r} (expected TB, BT or LR)")
    return _run(lambda: extract(graph, sizes), direction, pinned, node_gap, layer_gap, group_attacks, aspect)


def layout_records(statements: Iterable[Hashable], relations: Iterable[Any],
                   sizes: Mapping[Hashable, tuple[float, float]], *, direction: str = "TB",
                   pinned: Mapping[Hashable, Point] | None = None, node_gap: float = NODE_GAP,
                   layer_gap: float = LAYER_GAP, group_attacks: bool = True,
                   aspect: float | None = ASPECT) -> dict[Hashable, Point]:
    """:func:`layout_graph` from a map's records (statement ids, Relation records), without networkx."""
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown layout direction {direction!r} (expected TB, BT or LR)")
    return _run(lambda: extract_records(statements, relations, sizes), direction, pinned, node_gap, layer_gap,
                group_attacks, aspect)


def _run(structure: Callable[[], Structure], direction: str, pinned: Mapping[Hashable, Point] | None,
         node_gap: float, layer_gap: float, group_attacks: bool, aspect: float | None) -> dict[Hashable, Point]:
    collecting = gc.isenabled()
    gc.disable()  # many small lists, no cycles: the collector would only rescan the map's graph
    try:
        return _layout(structure(), direction, pinned, node_gap, layer_gap, group_attacks, aspect)
    finally:
        if collecting:
            gc.enable()


def _layout(s: Structure, direction: str, pinned: Mapping[Hashable, Point] | None, node_gap: float,
            layer_gap: float, group_attacks: bool, aspect: float | None) -> dict[Hashable, Point]:
    if not s.n:
        return {}
    assign_layers(s)
    build_tree(s, group_attacks)
    lr = direction == "LR"
    along, across = (s.h, s.w) if lr else (s.w, s.h)
    gaps = (node_gap, node_gap * 1.5, node_gap * 2.0)
    # placed again (reorder, transpose, compaction) only up to REORDER_LIMIT: then place_x remembers
    again = s.ns <= REORDER_LIMIT and bool(s.cross or (aspect and 2 < s.ns))
    x = place_x(s, along, *gaps, remember=again)
    ys, gap = _rows(s, across, layer_gap)
    y = [ys[lv] for lv in s.level]

    # every x scored, with its cross junctions placed (None until needed) and its crossings:
    # transpose starts from the x reorder kept, scored already (x lists are never changed once
    # placed; y is fixed here)
    scored: list[list] = []

    def with_cross(xs: list[float], ys: list[float]) -> list[float]:
        for entry in scored:
            if entry[0] is xs:
                if entry[1] is None:  # counted by the helper
                    entry[1] = list(xs)
                    _place_cross(s, entry[1], ys, along, node_gap)
                return list(entry[1])
        xs = list(xs)
        _place_cross(s, xs, ys, along, node_gap)
        return xs

    rows: list[tuple[list[float], RowCrossings]] = []  # the y scored for and its row structure

    def count(full: list[float], ys: list[float]) -> int:  # of an x with its cross junctions placed
        if not rows or rows[0][0] is not ys:  # segment_crossings(_segments(s, full, ys)), ys worked out once
            rows[:] = [(ys, RowCrossings(_edges(s), ys))]
        return rows[0][1].count(full)

    helper: parallel.Helper | None = None
    sent: list[list[float]] = []  # x sent to the helper to count, answers not yet taken

    def ahead(xs: list[float]) -> None:  # start counting xs in the helper
        nonlocal helper
        if helper is not None:
            try:
                helper.send(array("d", xs).tobytes())
                sent.append(xs)
                return
            except parallel.HelperLost:
                helper.close()
                helper = None

    def score_layout(xs: list[float], ys: list[float]) -> int:
        nonlocal helper
        for x0, _, n_cross in scored:
            if x0 is xs:
                return n_cross
        while helper is not None and any(x0 is xs for x0 in sent):  # answers come in order
            try:
                n_cross = int.from_bytes(helper.receive(), "little")
            except parallel.HelperLost:
                helper.close()
                helper = None
                break
            scored.append([sent.pop(0), None, n_cross])
            if scored[-1][0] is xs:
                return n_cross
        full = with_cross(xs, ys)
        scored.append([xs, full, count(full, ys)])
        return scored[-1][2]

    trials = min(250, COMPACT_WORK // s.n) if aspect and 2 < s.ns <= REORDER_LIMIT else 0
    half = [a / 2 for a in along[:s.ns]]

    def measure(xs: list[float] | None = None) -> tuple[float, float, list[float], int, int]:
        if xs is None:
            xs = place_x(s, along, *gaps)
        w, h, ys = _extent(s, xs, along, across, layer_gap, half)
        cross = through = 0
        if s.cross and s.n <= CROSS_SCORED:
            yy = [ys[lv] for lv in s.level]
            xs2 = list(xs)
            _place_cross(s, xs2, yy, along, node_gap)
            cross = _cross_crossings(s, xs2, yy)
            if s.n <= THOROUGH:
                through = _through_cards(s, xs2, yy, along, across)
        return w, h, xs, cross, through

    def compaction(xs: list[float], helpers: bool) -> list[float] | None:
        """Wrap wide fans into bands (``s.layer``, ``s.level`` changed); the tidy x of the layers kept."""
        return compact(s, measure, 1 / aspect if lr else aspect, trials, thorough=s.n <= THOROUGH,  # type: ignore[operator]
                       helpers=helpers, x=xs)

    # with helpers: the compaction of the likeliest result of transposition, worked out in a forked
    # copy while transposition tries its next sweep (taken when that is the result, else dropped)
    early: list[tuple[list[float], parallel.Helper]] = []

    def guess(xs: list[float]) -> None:
        if trials and not early:
            h = parallel.start(lambda _: marshal.dumps((compaction(xs, False), s.layer, s.level)))
            if h is not None:
                early.append((xs, h))
                try:
                    h.send(b"")
                except parallel.HelperLost:
                    pass

    compacted = False
    try:
        if s.cross and s.ns <= REORDER_LIMIT:
            if s.n >= HELPER_MIN:
                helper = parallel.start(lambda data: count(with_cross(_floats(data), y), y).to_bytes(8, "little"))
            try:
                hint = ahead if helper is not None else None
                edges: list[Edges] = []  # what transposition needs of the rows, made while the helper counts
                x = reorder(s, x, along, gaps, lambda xs: score_layout(xs, y), group_attacks, ahead=hint,
                            meanwhile=(lambda: edges.append(Edges(s, y))) if s.ns <= TRANSPOSE_LIMIT else None)
                if s.ns <= TRANSPOSE_LIMIT:
                    x = transpose(s, x, y, along, gaps[1], lambda: place_x(s, along, *gaps),
                                  lambda xs: with_cross(xs, y), lambda xs: score_layout(xs, y), group_attacks,
                                  ahead=hint, edges=edges[0] if edges else None,
                                  guess=guess if helper is not None else None)
            finally:
                if helper is not None:
                    helper.close()
        if early and early[0][0] is x:  # transposition kept the x the helper compacted
            try:
                kept, layer, level = marshal.loads(early[0][1].receive())
                s.layer, s.level = layer, level
                compacted = True
            except (parallel.HelperLost, ValueError, EOFError, TypeError):
                pass
    finally:
        for _, h in early:
            h.close()
    if trials:
        if not compacted:
            kept = compaction(x, s.n >= HELPER_MIN)
        if kept is not None:  # the tidy x of the layers kept (measure placed them)
            x = kept
            ys, gap = _rows(s, across, layer_gap)
            y = [ys[lv] for lv in s.level]
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


def _floats(data: bytes) -> list[float]:
    a = array("d")
    a.frombytes(data)
    return a.tolist()


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


def _edges(s: Structure) -> list[tuple[int, int]]:
    """The ends of the segments :func:`_segments` draws, in the same order."""
    ends = []
    for r in range(s.ns, s.n):
        ends.extend((p, r) for p in s.premises[r])
        t = s.target[r]
        if t >= 0:
            ends.append((r, t))
    return ends


def _extent(s: Structure, x: list[float], along: list[float], across: list[float],
            layer_gap: float, half: list[float] | None = None) -> tuple[float, float, dict[int, float]]:
    """Width and height (along and across the rows) of the statements' cards, and the rows' centres.

    ``half``: the statements' half extents along the rows, when known.  Across the rows the
    outermost card edges of a layer are those of its tallest card (rounding is monotonic, so
    taking the tallest first gives the same numbers as comparing every card)."""
    ys, _, height = _rows_heights(s, across, layer_gap)
    if half is None:
        half = [a / 2 for a in along[:s.ns]]
    lo = top = float("inf")
    hi = bottom = -float("inf")
    for xi, a in zip(x, half):
        if xi - a < lo:
            lo = xi - a
        if xi + a > hi:
            hi = xi + a
    for L in set(s.layer):
        yi, b = ys[2 * L], height[L] / 2
        if yi - b < top:
            top = yi - b
        if yi + b > bottom:
            bottom = yi + b
    return hi - lo, bottom - top, ys


def _cross_crossings(s: Structure, x: list[float], y: list[float]) -> int:
    """Crossings that involve an edge of a cross relation (a tidy tree hardly crosses itself):
    the cheap figure compaction weighs, pair by pair, or by the sweep when there are many."""
    segs = _segments(s, x, y)
    mine = []
    for r in s.cross:
        xr, yr = x[r], y[r]
        mine.extend((x[p], y[p], xr, yr) for p in s.premises[r])
        t = s.target[r]
        if t >= 0:
            mine.append((xr, yr, x[t], y[t]))
    if len(mine) * len(segs) > 40_000:
        return segment_crossings(segs)
    count = 0
    for m in mine:
        m0, m1, m2, m3 = m
        mx0, mx1 = (m0, m2) if m0 < m2 else (m2, m0)
        my0, my1 = (m1, m3) if m1 < m3 else (m3, m1)
        for q in segs:
            a, b, c, d = q
            if (a <= mx0 and c <= mx0) or (a >= mx1 and c >= mx1) or (b <= my0 and d <= my0) \
                    or (b >= my1 and d >= my1):
                continue
            if _proper_cross(m, q):
                count += 1
    return count


def _proper_cross(p: tuple[float, float, float, float], q: tuple[float, float, float, float]) -> bool:
    """Do two segments cross at a point inside both (not at a shared end)?"""
    ax, ay, bx, by = p
    cx, cy, dx, dy = q
    d1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    d2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax)
    d3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)
    d4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx)
    return d1 * d2 < 0 and d3 * d4 < 0


def _through_cards(s: Structure, x: list[float], y: list[float], along: list[float], across: list[float]) -> int:
    """Edges of cross relations (straight, from a card's near side to the junction) through other cards."""
    ns = s.ns
    boxes = [(x[i] - along[i] / 2, y[i] - across[i] / 2, x[i] + along[i] / 2, y[i] + across[i] / 2)
             for i in range(ns)]
    count = 0
    for r in s.cross:
        ends = [(p, x[p], y[p] - across[p] / 2 if y[p] > y[r] else y[p] + across[p] / 2) for p in s.premises[r]]
        t = s.target[r]
        if 0 <= t < ns:
            ends.append((t, x[t], y[t] + across[t] / 2 if y[t] < y[r] else y[t] - across[t] / 2))
        for e, x0, y0 in ends:
            x1, y1 = x[r], y[r]
            # the drawn curve leaves both ends straight along the flow: its control polygon
            k = min(60.0, 0.45 * ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5) * (1.0 if y1 > y0 else -1.0)
            pts = ((x0, y0), (x0, y0 + k), (x1, y1 - k), (x1, y1))
            lo_x, hi_x, lo_y, hi_y = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
            for i, (bx0, by0, bx1, by1) in enumerate(boxes):
                if i == e or bx0 >= hi_x or bx1 <= lo_x or by0 >= hi_y or by1 <= lo_y:
                    continue
                if any(_segment_hits_box(*a, *b, bx0, by0, bx1, by1) for a, b in zip(pts, pts[1:])):
                    count += 1
                    break
    return count


def _segment_hits_box(x0: float, y0: float, x1: float, y1: float,
                      bx0: float, by0: float, bx1: float, by1: float) -> bool:
    """Does the segment pass through the box's interior (Liang-Barsky clipping)?"""
    t0, t1 = 0.0, 1.0
    dx, dy = x1 - x0, y1 - y0
    for p, q in ((-dx, x0 - bx0), (dx, bx1 - x0), (-dy, y0 - by0), (dy, by1 - y0)):
        if p == 0:
            if q <= 0:
                return False
        else:
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
            if t0 >= t1:
                return False
    return True


def _rows(s: Structure, across: list[float], layer_gap: float) -> tuple[dict[int, float], float]:
    """Centre of every row: statement layers stacked with ``layer_gap`` between
    them, junction rows in the middle of each gap."""
    ys, gap, _ = _rows_heights(s, across, layer_gap)
    return ys, gap


def _rows_heights(s: Structure, across: list[float], layer_gap: float) -> tuple[dict[int, float], float, list[float]]:
    """:func:`_rows`, and the height of every statement layer (its tallest card)."""
    ns = s.ns
    top_layer = max(s.layer) if ns else 0
    height = [0.0] * (top_layer + 1)
    for L, a in zip(s.layer, across):
        if a > height[L]:
            height[L] = a
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
    return ys, gap, height


def _place_cross(s: Structure, x: list[float], y: list[float], along: list[float], node_gap: float) -> None:
    """Junctions of relations outside the tree: in the row below their target,
    on the line towards their premises, in the nearest free spot."""
    ns = s.ns
    if not s.cross:
        return
    level = s.level
    rows: dict[int, Row] = {}
    for lv, (members, hws) in _cross_rows(s, along).items():  # the tree junctions in those rows
        sp = sorted([(x[r] - hw, x[r] + hw) for r, hw in zip(members, hws)])
        row = rows[lv] = Row()
        row.lefts = [a for a, _ in sp]
        row.rights = [b for _, b in sp]
    done: set[int] = set()
    jgap = node_gap / 2

    def place(r: int) -> None:
        done.add(r)
        t = s.target[r]
        if t >= ns and t in cross_set and t not in done:
            place(t)
        prem = s.premises[r]
        yr = y[r]
        if len(prem) == 1:  # (the mean of one: the same number)
            px, py = x[prem[0]], y[prem[0]]
        elif prem:
            px = sum([x[p] for p in prem]) / len(prem)
            py = sum([y[p] for p in prem]) / len(prem)
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


def _cross_rows(s: Structure, along: list[float]) -> dict[int, tuple[list[int], list[float]]]:
    """Every row that holds a cross junction, with the tree junctions in it and their half extents:
    they depend on the rows alone, so they are worked out once for each ``s.level`` (a new list
    whenever the rows change) and remembered on ``s``."""
    memo = s.cross_rows
    if memo is not None and memo[0] is s.level and memo[1] is along:
        return memo[2]
    level = s.level
    rows: dict[int, tuple[list[int], list[float]]] = {level[r]: ([], []) for r in s.cross}
    tree = s.junctions
    if tree is None:
        tree = [r for r in range(s.ns, s.n) if s.children[r]]
    for r in tree:
        row = rows.get(level[r])
        if row is not None:
            row[0].append(r)
            row[1].append(along[r] / 2)
    s.cross_rows = (level, along, rows)
    return rows


def _honour_pins(s: Structure, x: list[float], y: list[float], along: list[float], across: list[float],
                 pins: dict[int, Point], ys: dict[int, float], gap: float, node_gap: float) -> None:
    """Shift each tree part so its first pinned node lands on its pin, put the
    pinned nodes on their pins, and push every other node in a row right past
    pinned cards that reach into the row."""
    n = s.n
    part = list(range(n))
    for v in preorder(s)[0]:
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
