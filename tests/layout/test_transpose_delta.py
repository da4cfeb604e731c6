"""The transposition's crossing delta (band-filtered candidates) equals a pair-by-pair recount."""

import random

from hypothesis import given
from hypothesis import strategies as st
from random_maps import SETTINGS

from argmap.layout.engine import _rows
from argmap.layout.structure import assign_layers, build_tree, extract
from argmap.layout.tidy import place_x
from argmap.layout.transpose import Edges, _cross, _Index
from argmap.measure import JUNCTION_SIZE
from argmap.model import ArgumentMap, Polarity, Relation, Statement


def _brute_delta(edges: Edges, x: list[float], shift: dict[int, float], moved: set[int]) -> int:
    """Crossings after minus before over every pair with a moved edge and a cross relation's edge."""
    segs, y = edges.segs, edges.y
    x1 = [xi + shift.get(i, 0.0) for i, xi in enumerate(x)]
    total = 0
    for i, (a, b) in enumerate(segs):
        for j in range(i + 1, len(segs)):
            c, d = segs[j]
            if (i not in moved and j not in moved) or not (edges.is_cross[i] or edges.is_cross[j]):
                continue
            if {a, b} & {c, d}:
                continue
            total += _cross((x1[a], y[a], x1[b], y[b]), (x1[c], y[c], x1[d], y[d])) - _cross(
                (x[a], y[a], x[b], y[b]), (x[c], y[c], x[d], y[d])
            )
    return total


def _debate(rng: random.Random, n: int) -> tuple[ArgumentMap, dict]:
    """A tree of reasons, many layers deep, and a fifth as many premises serving a second target
    (cross relations, mostly over several rows), with cards of random widths."""
    statements = [Statement(f"s{i}", f"text {i}") for i in range(n)]
    rels = [
        Relation(
            f"r{i}", rng.choice([Polarity.SUPPORT, Polarity.ATTACK]), (f"s{i}",), f"s{rng.randrange(max(0, i - 4), i)}"
        )
        for i in range(1, n)
    ]
    for k in range(n // 5):
        p = rng.randrange(2, n)
        rels.append(Relation(f"c{k}", Polarity.SUPPORT, (f"s{p}",), f"s{rng.randrange(0, p - 1)}"))
    amap = ArgumentMap()
    amap.add_many(statements, rels)
    sizes = {f"s{i}": (rng.uniform(30, 120), 20.0) for i in range(n)}
    sizes.update({r.id: (JUNCTION_SIZE, JUNCTION_SIZE) for r in rels})
    return amap, sizes


@SETTINGS
@given(st.integers(2, 60), st.integers(0, 2**32 - 1))
def test_delta_matches_a_recount_of_every_pair(n, seed):
    rng = random.Random(seed)
    amap, sizes = _debate(rng, n)
    s = extract(amap.graph, sizes)
    assign_layers(s)
    build_tree(s, True)
    assert s.cross or n < 10  # (what the test is about)
    x = place_x(s, s.w, 24.0, 36.0, 48.0)
    ys, _ = _rows(s, s.h, 56.0)
    y = [ys[lv] for lv in s.level]
    for r in s.cross:  # cross junctions somewhere along their rows
        x[r] = rng.uniform(min(x) - 50, max(x) + 50)
    edges = Edges(s, y)
    index = _Index(edges, x)
    for _ in range(5):
        nodes = rng.sample(range(s.n_nodes), rng.randint(1, min(6, s.n_nodes)))
        # subtrees swapped far apart, or nudged by less than a card: both kinds of move
        shift = {u: rng.choice([rng.uniform(-400, 400), rng.uniform(-5, 5)]) for u in nodes}
        moved = {k for u in nodes for k in edges.at[u]}
        if not moved:
            continue
        assert index.delta(moved, shift) == _brute_delta(edges, x, shift, moved)
        if rng.random() < 0.5:  # keep the move: the bands are filed again
            for u, d in shift.items():
                x[u] += d
            index.moved(moved)
