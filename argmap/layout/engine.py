"""layout_graph: layered tidy layout of an argument graph, map structure and card sizes in, centres out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

from .compact import compact
from .cross import cross_crossings, place_cross, through_cards
from .order import reorder
from .reading import order_by_reading, set_reading
from .rows import Blocks
from .scoring import Scores
from .structure import Structure, assign_layers, build_tree, extract, extract_records, preorder
from .tidy import place_x
from .transpose import transpose

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Mapping

    from ..model import Relation


Point = tuple[float, float]
N = TypeVar("N", bound="Hashable")  # a node id: a statement's or relation's
DIRECTIONS = ("TB", "BT", "LR")
NODE_GAP = 24.0
LAYER_GAP = 56.0
REORDER_LIMIT = 2500  # statements; above it the first tidy pass is kept (reordering would take too long)
TRANSPOSE_LIMIT = 1000  # statements; up to it neighbouring reasons are also tried swapped (crossings)
ASPECT = 1.4  # width / height of an A4 landscape page, for compaction when it is asked for
CROSS_SCORED = 1500  # nodes; up to this size compaction also weighs edge crossings
THOROUGH = 200  # nodes; up to this size compaction takes the best change of each round
COMPACT_WORK = 40_000  # statements times compaction trials: bounds the time spent on compaction


def layout_graph(
    graph: Any,
    sizes: Mapping[N, tuple[float, float]],
    *,
    direction: str = "TB",
    pinned: Mapping[N, Point] | None = None,
    node_gap: float = NODE_GAP,
    layer_gap: float = LAYER_GAP,
    group_attacks: bool = True,
    aspect: float | None = None,
    reading: Mapping[N, int] | None = None,
) -> dict[N, Point]:
    """Centre positions for every statement and relation junction of ``graph``.

    ``graph`` is the map's DiGraph (``premise -> relation -> target``),
    ``sizes`` the (width, height) of every node.  Main conclusions go on top
    (``"TB"``), at the bottom (``"BT"``) or on the left (``"LR"``); pinned
    nodes keep the centres given in ``pinned`` and nothing else overlaps them.
    With ``group_attacks`` the objections to a target stand to the right of
    its supports.  Every reason stands in the row just below what it
    supports or attacks, unless it is also a reason for something deeper
    (then it stands below the deepest of its targets, and its edge to the
    other is longer) or a linked partner is held deeper; an undercut's
    premises stand beside the premises of the step it attacks.  With
    ``aspect`` (width / height of the drawing wanted) the reasons of a
    target with a wide fan of them wrap into bands, one below the other,
    until the drawing fits a page of that shape best: rows then no longer
    tell how far a reason is from its conclusion, so it is done only on
    request; ``None`` (the default) keeps every target's reasons in one
    row.  ``reading``
    (statement -> rank, see :mod:`.reading`) puts the reasons under each
    target in that order; crossing reduction then reorders only reasons of
    equal rank.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown layout direction {direction!r} (expected TB, BT or LR)")
    return _run(lambda: extract(graph, sizes), direction, pinned, node_gap, layer_gap, group_attacks, aspect, reading)


def layout_records(
    statements: Iterable[str],
    relations: Iterable[Relation],
    sizes: Mapping[str, tuple[float, float]],
    *,
    direction: str = "TB",
    pinned: Mapping[str, Point] | None = None,
    node_gap: float = NODE_GAP,
    layer_gap: float = LAYER_GAP,
    group_attacks: bool = True,
    aspect: float | None = None,
    reading: Mapping[str, int] | None = None,
) -> dict[str, Point]:
    """:func:`layout_graph` from a map's records (statement ids, Relation records), without networkx."""
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown layout direction {direction!r} (expected TB, BT or LR)")
    return _run(
        lambda: extract_records(statements, relations, sizes),
        direction,
        pinned,
        node_gap,
        layer_gap,
        group_attacks,
        aspect,
        reading,
    )


def _run(
    structure: Callable[[], Structure],
    direction: str,
    pinned: Mapping[N, Point] | None,
    node_gap: float,
    layer_gap: float,
    group_attacks: bool,
    aspect: float | None,
    reading: Mapping[N, int] | None,
) -> dict[N, Point]:
    s = structure()
    if reading:
        set_reading(s, reading)
    return _layout(s, direction, pinned, node_gap, layer_gap, group_attacks, aspect)


def _layout(
    s: Structure,
    direction: str,
    pinned: Mapping[N, Point] | None,
    node_gap: float,
    layer_gap: float,
    group_attacks: bool,
    aspect: float | None,
) -> dict[N, Point]:
    if not s.n_nodes:
        return {}
    assign_layers(s)
    build_tree(s, group_attacks)
    order_by_reading(s, group_attacks)
    lr = direction == "LR"
    along, across = (s.h, s.w) if lr else (s.w, s.h)
    gaps = (node_gap, node_gap * 1.5, node_gap * 2.0)
    # placed again (reorder, transpose, compaction) only up to REORDER_LIMIT: then place_x remembers
    again = s.n_statements <= REORDER_LIMIT and bool(s.cross or (aspect and 2 < s.n_statements))
    x = place_x(s, along, *gaps, remember=again)
    ys, gap = _rows(s, across, layer_gap)
    y = [ys[lv] for lv in s.level]

    trials = min(250, COMPACT_WORK // s.n_nodes) if aspect and 2 < s.n_statements <= REORDER_LIMIT else 0
    half = [a / 2 for a in along[: s.n_statements]]

    def measure(xs: list[float] | None = None) -> tuple[float, float, list[float], int, int]:
        if xs is None:
            xs = place_x(s, along, *gaps)
        w, h, ys = _extent(s, xs, along, across, layer_gap, half)
        cross = through = 0
        if s.cross and s.n_nodes <= CROSS_SCORED:
            yy = [ys[lv] for lv in s.level]
            xs2 = list(xs)
            place_cross(s, xs2, yy, along, node_gap)
            cross = cross_crossings(s, xs2, yy)
            if s.n_nodes <= THOROUGH:
                through = through_cards(s, xs2, yy, along, across)
        return w, h, xs, cross, through

    scores = None
    if s.cross and s.n_statements <= REORDER_LIMIT:
        # every x scored is remembered: transpose starts from the x reorder kept, scored already
        scores = Scores(s, y, along, node_gap)
        x = reorder(s, x, along, gaps, scores.score, group_attacks)
        if s.n_statements <= TRANSPOSE_LIMIT:
            x = transpose(
                s,
                x,
                y,
                along,
                gaps[1],
                lambda: place_x(s, along, *gaps),
                scores.with_cross,
                scores.score,
                group_attacks,
            )
    if trials and aspect:
        kept = compact(s, measure, 1 / aspect if lr else aspect, trials, thorough=s.n_nodes <= THOROUGH, x=x)
        if kept is not None:  # the tidy x of the layers kept (measure placed them)
            x = kept
            ys, gap = _rows(s, across, layer_gap)
            y = [ys[lv] for lv in s.level]
            scores = None  # (its rows are no longer these)
    if scores is not None:  # the cross junctions of the x kept were placed when it was scored
        x = scores.with_cross(x)
    else:
        place_cross(s, x, y, along, node_gap)
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
    ids = cast("list[N]", s.ids)  # the ids the caller gave, in the structure's order
    if lr:
        return dict(zip(ids, zip(y, x)))
    if direction == "BT":
        return {nid: (xi, -yi) for nid, xi, yi in zip(ids, x, y)}
    return dict(zip(ids, zip(x, y)))


def _extent(
    s: Structure,
    x: list[float],
    along: list[float],
    across: list[float],
    layer_gap: float,
    half: list[float] | None = None,
) -> tuple[float, float, dict[int, float]]:
    """Width and height (along and across the rows) of the statements' cards, and the rows' centres.

    ``half``: the statements' half extents along the rows, when known.  Across the rows the
    outermost card edges of a layer are those of its tallest card (rounding is monotonic, so
    taking the tallest first gives the same numbers as comparing every card)."""
    ys, _, height = _rows_heights(s, across, layer_gap)
    if half is None:
        half = [a / 2 for a in along[: s.n_statements]]
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


def _rows(s: Structure, across: list[float], layer_gap: float) -> tuple[dict[int, float], float]:
    """Centre of every row: statement layers stacked with ``layer_gap`` between
    them, junction rows in the middle of each gap."""
    ys, gap, _ = _rows_heights(s, across, layer_gap)
    return ys, gap


def _rows_heights(s: Structure, across: list[float], layer_gap: float) -> tuple[dict[int, float], float, list[float]]:
    """:func:`_rows`, and the height of every statement layer (its tallest card)."""
    ns = s.n_statements
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


def _honour_pins(
    s: Structure,
    x: list[float],
    y: list[float],
    along: list[float],
    across: list[float],
    pins: dict[int, Point],
    ys: dict[int, float],
    gap: float,
    node_gap: float,
) -> None:
    """Shift each tree part so its first pinned node lands on its pin, put the
    pinned nodes on their pins, and push every other node in a row right past
    pinned cards that reach into the row."""
    n = s.n_nodes
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
            spot = blocks.free_spot(want, hw, node_gap, rightwards=True)  # keeps the row's order
            x[i] = spot
            cursor = spot + hw + (node_gap if i < s.n_statements else node_gap / 2)
