"""Reordering's barycentres, summed over the pulled nodes only, equal a sum over every node."""

import random

from hypothesis import given
from hypothesis import strategies as st
from random_maps import SETTINGS, dags

from argmap.layout.order import barycentres, pulled
from argmap.layout.structure import Structure, assign_layers, build_tree, extract
from argmap.layout.tidy import place_x


def _every_node(s: Structure, x: list[float]) -> list[float]:
    """The keys with every node's pull summed up the tree, children before parents."""
    ns, n = s.n_statements, s.n_nodes
    pull = [0.0] * n
    count = [0] * n
    for r in s.cross:
        prem = s.premises[r]
        t = s.anchor[r] if s.target[r] >= ns else s.target[r]
        if not prem or t < 0:
            continue
        px = sum([x[p] for p in prem]) / len(prem)
        for p in prem:
            pull[p] += x[t]
            count[p] += 1
        pull[t] += px
        count[t] += 1
    nodes = list(range(ns)) + [r for r in range(ns, n) if s.children[r]]
    nodes.sort(key=s.level.__getitem__, reverse=True)
    for v in nodes:
        for c in s.children[v]:
            pull[v] += pull[c]
            count[v] += count[c]
    return [(pull[i] + x[i]) / (count[i] + 1) for i in range(n)]


@SETTINGS
@given(dags(max_statements=40), st.integers(0, 2**32 - 1))
def test_barycentres_of_the_pulled_nodes_are_every_nodes(case, seed):
    amap, sizes = case
    s = extract(amap.graph, sizes)
    assign_layers(s)
    build_tree(s, True)
    rng = random.Random(seed)
    x = place_x(s, s.w, 24.0, 36.0, 48.0)
    for xs in (x, [rng.choice([0.0, -0.0, rng.uniform(-500, 500)]) for _ in x]):
        assert barycentres(s, xs, pulled(s)) == _every_node(s, xs)
