"""Property tests of the automatic layout on random argument maps (no Qt)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.layout import layout_graph, layout_map, overlaps, place_new
from argmap.measure import JUNCTION_SIZE, map_sizes
from argmap.model import ArgumentMap, Polarity, Relation, Statement

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def dags(draw, max_statements: int = 24):
    """A random acyclic map (premises always come after their target), with
    linked relations (whose premises serve nothing else), undercuts, attacks,
    statements serving several targets, loose statements, and random card sizes."""
    n = draw(st.integers(1, max_statements))
    statements = [Statement(f"s{i}", f"text {i}") for i in range(n)]
    relations: list[Relation] = []
    by_id: dict[str, Relation] = {}
    in_linked: set[int] = set()  # premises of a linked relation are premises of nothing else
    used: set[int] = set()
    for k in range(draw(st.integers(0, 2 * n))):
        if n < 2:
            break
        t = draw(st.integers(0, n - 2))
        pol = draw(st.sampled_from([Polarity.SUPPORT, Polarity.ATTACK]))
        free = [i for i in range(t + 1, n) if i not in used]
        others = [i for i in range(t + 1, n) if i not in in_linked]
        linked = draw(st.booleans()) and len(free) >= 2 and draw(st.integers(0, 3)) == 0
        if linked:
            prem = draw(st.lists(st.sampled_from(free), min_size=2, max_size=3, unique=True))
            in_linked.update(prem)
        elif others:
            prem = [draw(st.sampled_from(others))]
        else:
            continue
        target = f"s{t}"
        if relations and draw(st.integers(0, 6)) == 0:  # an undercut of an earlier relation
            attacked = draw(st.sampled_from(relations))
            end = attacked.target
            while end.startswith("r"):
                end = by_id[end].target
            others = [i for i in range(int(end[1:]) + 1, n) if i not in in_linked]
            if others:
                prem = [draw(st.sampled_from(others))]
                target, pol = attacked.id, Polarity.ATTACK
        relations.append(Relation(f"r{k}", pol, tuple(f"s{i}" for i in prem), target))
        by_id[relations[-1].id] = relations[-1]
        used.update(prem)
    amap = ArgumentMap()
    amap.add_many(statements, relations)
    sizes = {f"s{i}": (draw(st.floats(40, 320)), draw(st.floats(20, 260))) for i in range(n)}
    sizes.update({r.id: (JUNCTION_SIZE, JUNCTION_SIZE) for r in relations})
    return amap, sizes


def _below(a, b, direction):
    """Is point ``a`` further along the flow (further from the conclusions) than ``b``?"""
    if direction == "TB":
        return a[1] > b[1]
    if direction == "BT":
        return a[1] < b[1]
    return a[0] > b[0]


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
            assert _below(pos[rel.id], pos[end], direction)
        for p in rel.premises:
            assert _below(pos[p], pos[end], direction)
            if end == rel.target:
                assert _below(pos[p], pos[rel.id], direction)


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
        between = [s for s in amap.statements if s not in rel.premises and pos[s][1] in ys
                   and xs[0] < pos[s][0] < xs[-1]]
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
        p = data.draw(st.integers(0, n - 1).filter(lambda i: i != t))
        relations.append(Relation(f"r{k}", Polarity.SUPPORT, (f"s{p}",), f"s{t}"))
    amap = ArgumentMap()
    amap.add_many(statements, relations)
    sizes = map_sizes(amap)
    for direction in ("TB", "LR"):
        pos = layout_graph(amap.graph, sizes, direction=direction)
        assert set(pos) == set(amap.graph)
        assert overlaps(pos, sizes) == 0
