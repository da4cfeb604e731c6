"""Compaction of wide fan-outs, on request: reasons wrapped into bands, with clear vertical channels for their edges."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from random_maps import SETTINGS, below, dags

from argmap.layout import ASPECT, layout_graph, layout_map, overlaps, place_new
from argmap.layout.structure import assign_layers, build_tree, extract
from argmap.measure import map_sizes
from argmap.model import ArgumentMap, Polarity, Relation, Statement

S, A = Polarity.SUPPORT, Polarity.ATTACK


def fan(n: int = 12, attacks: int = 3) -> ArgumentMap:
    """A conclusion with ``n`` reasons (the last ``attacks`` of them objections), each backed by evidence."""
    statements = [Statement("c", "The conclusion of a long op-ed " * 2)]
    relations = []
    for i in range(n):
        statements += [
            Statement(f"p{i}", f"Reason number {i} for the conclusion " * 3),
            Statement(f"e{i}", f"Evidence {i} " * (3 + i % 4)),
        ]
        relations += [
            Relation(f"r{i}", A if i >= n - attacks else S, (f"p{i}",), "c"),
            Relation(f"q{i}", S, (f"e{i}",), f"p{i}"),
        ]
    amap = ArgumentMap()
    amap.add_many(statements, relations)
    return amap


def bbox(pos, sizes):
    xs = [pos[i][0] - sizes[i][0] / 2 for i in pos] + [pos[i][0] + sizes[i][0] / 2 for i in pos]
    ys = [pos[i][1] - sizes[i][1] / 2 for i in pos] + [pos[i][1] + sizes[i][1] / 2 for i in pos]
    return max(xs) - min(xs), max(ys) - min(ys)


def tree_relations(amap: ArgumentMap, sizes) -> set[str]:
    """The relations the layout hangs premises under (its spanning tree); the others (a premise's
    further relations, "cross" relations) get a junction placed afterwards."""
    s = extract(amap.graph, sizes)
    assign_layers(s)
    build_tree(s)
    cross = {s.ids[r] for r in s.cross}
    return {rid for rid in amap.relations if rid not in cross}


def channels_clear(amap: ArgumentMap, pos, sizes) -> list[tuple[str, str]]:
    """Relations whose premise edge is a long vertical line (a reason wrapped into a lower band),
    and any card on it.  Only the tree's relations wrap; the edges of cross relations are not
    routed around cards (a known limit, counted by ``benchmarks/bench_layout.py``)."""
    hits = []
    tree = tree_relations(amap, sizes)
    for rel in amap.relations.values():
        if len(rel.premises) != 1 or rel.target not in amap.statements or rel.id not in tree:
            continue
        p = rel.premises[0]
        (px, py), (jx, jy) = pos[p], pos[rel.id]
        top = py - sizes[p][1] / 2
        if abs(px - jx) > 1e-6 or top - jy < 120:
            continue
        for sid in amap.statements:
            if sid == p:
                continue
            (x, y), (w, h) = pos[sid], sizes[sid]
            if x - w / 2 < px < x + w / 2 and y + h / 2 > jy and y - h / 2 < top:
                hits.append((rel.id, sid))
    return hits


def test_a_wide_fan_wraps_into_bands_near_the_wanted_aspect():
    amap = fan()
    sizes = map_sizes(amap)
    flat = layout_graph(amap.graph, sizes)  # by default every reason stays in the row below its target
    wrapped = layout_graph(amap.graph, sizes, aspect=ASPECT)
    fw, fh = bbox(flat, sizes)
    w, h = bbox(wrapped, sizes)
    assert fw / fh > 5
    assert w / h < fw / fh / 2.5 and w < fw * 0.7
    assert overlaps(wrapped, sizes) == 0
    wrapped_reasons = [i for i in range(12) if wrapped[f"p{i}"][1] > wrapped["p0"][1] + 1]
    assert wrapped_reasons, "some reasons hang in a lower band"
    for i in range(12):  # premises below their junction, junctions below the target, evidence below
        assert wrapped[f"e{i}"][1] > wrapped[f"p{i}"][1] > wrapped[f"r{i}"][1] > wrapped["c"][1]
    assert len({round(wrapped[f"r{i}"][1], 6) for i in range(12)}) == 1, "all junctions in the target's row"
    assert not channels_clear(amap, wrapped, sizes)
    xs = [wrapped[f"r{i}"][0] for i in range(12)]
    assert xs == sorted(xs), "reasons keep their order, supports before objections"


def test_aspect_steers_the_shape_and_lr_wraps_the_other_way():
    amap = fan(16, 4)
    sizes = map_sizes(amap)
    flat = layout_graph(amap.graph, sizes, aspect=None)
    fw, fh = bbox(flat, sizes)
    assert layout_graph(amap.graph, sizes, aspect=fw / fh * 1.1) == flat  # wide enough already
    w, h = bbox(layout_graph(amap.graph, sizes, aspect=1.0), sizes)
    assert w / h < fw / fh / 2.5
    lr_flat = bbox(layout_graph(amap.graph, sizes, direction="LR", aspect=None), sizes)
    lr = bbox(layout_graph(amap.graph, sizes, direction="LR", aspect=ASPECT), sizes)
    assert lr[1] < lr_flat[1] * 0.7 and lr[0] > lr_flat[0]


def test_layout_map_and_the_command_take_an_aspect(tmp_path):
    from argmap.cli import main
    from argmap.io import load_map, save_map

    amap = fan()
    sizes = map_sizes(amap)
    assert bbox(layout_map(amap), sizes)[0] > bbox(layout_map(amap, aspect=ASPECT), sizes)[0]
    src, out = tmp_path / "fan.argmap.json", tmp_path / "out.argmap.json"
    save_map(amap, src)
    assert main(["layout", str(src), "-o", str(out), "--aspect", "0", "-q"]) == 0
    w0, h0 = bbox(load_map(out).positions, sizes)
    assert main(["layout", str(src), "-o", str(out), "--aspect", "1", "-q"]) == 0
    w1, h1 = bbox(load_map(out).positions, sizes)
    assert w0 / h0 > w1 / h1 * 2  # 0: one row
    assert main(["layout", str(src), "-o", str(out), "-q"]) == 0
    assert bbox(load_map(out).positions, sizes) == (w0, h0)  # the default: one row too


def test_a_new_reason_joins_the_first_band():
    amap = fan()
    amap.move(layout_map(amap, aspect=ASPECT))
    before = dict(amap.positions)
    amap.add_statement(Statement("new", "One more reason"))
    amap.add_relation(Relation("new-r", S, ("new",), "c"))
    placed = place_new(amap, ["new", "new-r"])
    assert placed["new"][1] == before["p0"][1]
    amap.move(placed)
    assert overlaps(amap.positions, map_sizes(amap)) == 0


@SETTINGS
@given(dags(), st.sampled_from([0.3, 1.0, 1.4]), st.sampled_from(["TB", "BT", "LR"]))
def test_wrapped_random_dags_never_overlap_and_premises_staybelow(case, aspect, direction):
    amap, sizes = case
    pos = layout_graph(amap.graph, sizes, direction=direction, aspect=aspect)
    assert overlaps(pos, sizes) == 0
    for rel in amap.relations.values():
        end = rel.target
        while end in amap.relations:
            end = amap.relations[end].target
        for p in rel.premises:
            assert below(pos[p], pos[end], direction)
            if end == rel.target:
                assert below(pos[p], pos[rel.id], direction)
                assert below(pos[rel.id], pos[end], direction)
        if len(rel.premises) > 1:
            assert len({pos[p][1] for p in rel.premises}) == 1 or direction == "LR"
    if direction == "TB":
        assert not channels_clear(amap, pos, sizes)


def test_laying_out_a_map_never_imports_networkx():
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "from argmap.layout import layout_map, place_new\n"
        "from argmap.model import ArgumentMap, Polarity, Relation, Statement\n"
        "m = ArgumentMap()\n"
        "m.add_many([Statement('c', 'c'), Statement('p', 'p'), Statement('q', 'q')],\n"
        "           [Relation('r', Polarity.SUPPORT, ('p',), 'c'), Relation('u', Polarity.ATTACK, ('q',), 'r')])\n"
        "m.move(layout_map(m))\n"
        "m.move(layout_map(m, only={'p', 'r'}))\n"
        "m.add_statement(Statement('n', 'n'))\n"
        "m.add_relation(Relation('rn', Polarity.SUPPORT, ('n',), 'c'))\n"
        "assert set(place_new(m, ['n', 'rn'])) == {'n', 'rn'}\n"
        "print('networkx' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert out.stdout.strip() == "False"


def test_records_and_graph_give_the_same_layout():
    from argmap.layout import layout_records

    amap = fan(8, 2)
    amap.add_statement(Statement("x", "Shared evidence"))
    amap.add_relation(Relation("rx1", S, ("x",), "p1"))
    amap.add_relation(Relation("rx2", S, ("x",), "p5"))
    sizes = map_sizes(amap)
    assert layout_records(amap.statements, amap.relations.values(), sizes) == layout_graph(amap.graph, sizes)


@SETTINGS
@given(dags())
def test_swapping_neighbouring_reasons_never_adds_crossings_nor_mixes_objections(case):
    from argmap.layout import crossings, engine

    amap, sizes = case
    with_swaps = layout_graph(amap.graph, sizes, aspect=None)
    limit = engine.TRANSPOSE_LIMIT
    engine.TRANSPOSE_LIMIT = 0
    try:
        without = layout_graph(amap.graph, sizes, aspect=None)
    finally:
        engine.TRANSPOSE_LIMIT = limit
    assert crossings(amap.graph, with_swaps) <= crossings(amap.graph, without)
    for sid in amap.statements:  # objections right of supports, under every target
        rels = [r for r in amap.relations_into(sid) if with_swaps[r.id][1] > with_swaps[sid][1]]
        rows = {round(with_swaps[r.id][1], 6) for r in rels}
        for row in rows:
            same = [
                r
                for r in rels
                if round(with_swaps[r.id][1], 6) == row
                and len(r.premises) == 1
                and amap.relations_from(r.premises[0]) == [r]
            ]
            sup = [with_swaps[r.id][0] for r in same if r.polarity is S]
            att = [with_swaps[r.id][0] for r in same if r.polarity is A]
            if sup and att:
                assert max(sup) < min(att)
