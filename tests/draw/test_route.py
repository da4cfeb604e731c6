"""Edge routes: S-curves along the flow, rounded elbows across it, one head for gathered arrows."""

from __future__ import annotations

import random

from argmap.draw import route as edge_route
from argmap.draw.edges import ARROW_ROOM
from argmap.ui.paint.edge_geometry import arrival_ys


def _points(segs, n: int = 40):
    return [edge_route.bezier(s, i / n) for s in segs for i in range(n + 1)]


def test_an_edge_with_the_flow_is_one_s_curve() -> None:
    segs = edge_route.route(0, 0, 0, 1, 80, 100, 0, -1)  # down 100, across 80
    assert len(segs) == 1 and segs[0][0] == (0, 0) and segs[0][3] == (80, 100)


def test_an_edge_across_the_flow_is_an_elbow_that_stays_between_its_ends() -> None:
    rng = random.Random(5)
    for _ in range(300):
        along = rng.uniform(5, 80)
        across = rng.uniform(2 * along + 1, 900) * rng.choice([-1, 1])
        segs = edge_route.route(0, 0, -1, 0, -along, across, 1, 0, ARROW_ROOM)  # right to left, as in LR maps
        pts = _points(segs)
        assert segs[0][0] == (0, 0) and segs[-1][3] == (-along, across)
        assert all(-along - 1e-6 <= x <= 1e-6 for x, _ in pts)  # never beyond its ends
        assert all(min(0, across) - 1e-6 <= y <= max(0, across) + 1e-6 for _, y in pts)
        last = segs[-1]
        assert last[2][1] == last[3][1]  # it arrives square to the side
        if along >= ARROW_ROOM:  # the arrowhead sits on a straight last leg
            straight = [s for s in segs if s[0][1] == s[3][1] == across]
            assert straight and straight[-1][0][0] - straight[-1][3][0] >= ARROW_ROOM - 1e-6
        for a, b in zip(segs, segs[1:]):
            assert a[3] == b[0]  # one continuous path


def test_crowded_arrivals_gather_into_one_point() -> None:
    from PySide6.QtCore import QRectF

    side = QRectF(0, 0, 140, 40)
    assert len(set(arrival_ys(side, [10, 300, 600, 900, 1200]))) == 1  # five on 40 px: one head
    ys = arrival_ys(QRectF(0, 0, 140, 120), [10, 300])
    assert ys[1] - ys[0] >= 12  # two on 120 px: spread


def test_the_head_points_along_the_end_tangent() -> None:
    seg = [(100.0, 300.0), (90.0, 300.0), (60.0, 0.0), (50.0, 0.0)]  # arrives moving left
    t, (tip, b1, b2) = edge_route.head(seg, 11.0, 9.0, 10.0)
    assert tip == (50.0, 0.0) and b1[0] == b2[0] == 61.0 and abs(b1[1] - b2[1]) == 9.0
    q = edge_route.bezier(seg, t)
    assert abs(((q[0] - 50) ** 2 + q[1] ** 2) ** 0.5 - 10.0) < 0.5
