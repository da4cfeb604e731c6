"""Property tests of the automatic layout on random argument maps (no Qt)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from random_maps import SETTINGS, below, dags

from argmap.layout import layout_graph, layout_map, overlaps, place_new
from argmap.measure import map_sizes
from argmap.model import ArgumentMap, Polarity, Relation, Statement


@SETTINGS
@given(dags(), st.sampled_from(["TB", "BT", "LR"]))
def test_random_dags_never_overlap_and_premises_lie_below_targets(case, direction):
    amap, sizes = case
    pos = layout_graph(amap.graph, sizes, direction=direction)
    assert set(pos) == set(amap.graph)
    assert overlaps(pos, sizes) == 0
    for rel in amap.relations.values():
        end = rel.target
        while end in amap.relations:
            end = amap.relations[end].target
        if end == rel.target:
            assert below(pos[rel.id], pos[end], direction)
        for p in rel.premises:
            assert below(pos[p], pos[end], direction)
            if end == rel.target:
                assert below(pos[p], pos[rel.id], direction)


@SETTINGS
@given(dags())
def test_linked_premises_sit_side_by_side_under_their_junction(case):
    amap, sizes = case
    pos = layout_graph(amap.graph, sizes)
    for rel in amap.relations.values():
        if len(rel.premises) < 2:
            continue
        ys = {pos[p][1] for p in rel.premises}
        assert len(ys) == 1, "linked premises share a row"
        xs = sorted(pos[p][0] for p in rel.premises)
        between = [
            s for s in amap.statements if s not in rel.premises and pos[s][1] in ys and xs[0] < pos[s][0] < xs[-1]
        ]
        assert not between, "nothing sits between linked premises"
        assert xs[0] <= pos[rel.id][0] <= xs[-1]


@SETTINGS
@given(dags(), st.data())
def test_pinned_cards_do_not_move_and_nothing_overlaps_them(case, data):
    amap, sizes = case
    ids = sorted(amap.graph)
    chosen = data.draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))
    pins = {i: (data.draw(st.floats(-800, 800)), data.draw(st.floats(-800, 800))) for i in chosen}
    direction = data.draw(st.sampled_from(["TB", "BT", "LR"]))
    pos = layout_graph(amap.graph, sizes, direction=direction, pinned=pins)
    for i, p in pins.items():
        assert pos[i] == p
    pinned_pairs = {(a, b) for a in pins for b in pins}
    assert overlaps(pos, sizes, ignore=pinned_pairs) == 0


@SETTINGS
@given(dags(), st.data())
def test_adding_a_leaf_moves_nothing_and_lands_below_its_target(case, data):
    amap, _ = case
    amap.move(layout_map(amap))
    before = dict(amap.positions)
    target = data.draw(st.sampled_from(sorted(amap.statements)))
    pol = data.draw(st.sampled_from([Polarity.SUPPORT, Polarity.ATTACK]))
    text = data.draw(st.text(min_size=1, max_size=200))
    amap.add_statement(Statement("new", text))
    amap.add_relation(Relation("new-r", pol, ("new",), target))
    placed = place_new(amap, ["new", "new-r"])
    assert set(placed) == {"new", "new-r"}
    assert dict(amap.positions) == before
    amap.move(placed)
    assert overlaps(amap.positions, map_sizes(amap)) == 0
    assert placed["new"][1] > placed["new-r"][1] > before[target][1]


@SETTINGS
@given(dags(), st.data())
def test_laying_out_a_subtree_keeps_the_rest_in_place(case, data):
    amap, _ = case
    amap.move(layout_map(amap))
    before = dict(amap.positions)
    root = data.draw(st.sampled_from(sorted(amap.statements)))
    part = {root}
    todo = [root]
    while todo:
        for rel in amap.relations_into(todo.pop()):
            part.add(rel.id)
            for p in rel.premises:
                if p not in part:
                    part.add(p)
                    todo.append(p)
    new = layout_map(amap, only=part)
    assert set(new) == part
    amap.move(new)
    assert all(amap.positions[i] == before[i] for i in before if i not in part)
    assert overlaps(amap.positions, map_sizes(amap)) == 0


@SETTINGS
@given(st.integers(2, 14), st.data())
def test_circular_reasoning_does_not_break_the_layout(n, data):
    statements = [Statement(f"s{i}", "x" * data.draw(st.integers(1, 120))) for i in range(n)]
    relations = []
    for k in range(data.draw(st.integers(1, 3 * n))):
        t = data.draw(st.integers(0, n - 1))
        p = data.draw(st.integers(0, n - 1).filter(lambda i, t=t: i != t))
        relations.append(Relation(f"r{k}", Polarity.SUPPORT, (f"s{p}",), f"s{t}"))
    amap = ArgumentMap()
    amap.add_many(statements, relations)
    sizes = map_sizes(amap)
    for direction in ("TB", "LR"):
        pos = layout_graph(amap.graph, sizes, direction=direction)
        assert set(pos) == set(amap.graph)
        assert overlaps(pos, sizes) == 0
