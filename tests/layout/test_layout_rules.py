"""The layout's reading rules on small hand-made maps, the quality counters, and ``argmap layout``."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from argmap.cli import main
from argmap.io import load_map, save_map
from argmap.layout import crossings, layout_graph, layout_map, overlaps
from argmap.measure import map_sizes
from argmap.model import ArgumentMap, Polarity, Relation, Statement, main_conclusions

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.argmap.json"))
S, A = Polarity.SUPPORT, Polarity.ATTACK


def make(relations: list[tuple[str, Polarity, tuple[str, ...], str]], extra: tuple[str, ...] = ()) -> ArgumentMap:
    names = set(extra)
    for _, _, prem, target in relations:
        names.update(prem)
        names.add(target)
    rel_ids = {r[0] for r in relations}
    amap = ArgumentMap()
    amap.add_many(
        [Statement(n, f"Statement {n} " * 3) for n in sorted(names - rel_ids)],
        [Relation(rid, pol, prem, t) for rid, pol, prem, t in relations],
    )
    return amap


def test_crossings_counts_proper_crossings_only():
    g = nx.DiGraph([("a", "b"), ("c", "d"), ("a", "e")])
    pos = {"a": (0, 0), "b": (10, 10), "c": (10, 0), "d": (0, 10), "e": (-5, 10)}
    assert crossings(g, pos) == 1  # a-b crosses c-d; a-e shares a's end with a-b
    pos["d"] = (20, 10)
    assert crossings(g, pos) == 0


def test_overlaps_ignores_boxes_that_only_touch():
    sizes = {"a": (10, 10), "b": (10, 10), "c": (4, 4)}
    assert overlaps({"a": (0, 0), "b": (10, 0)}, sizes) == 0
    assert overlaps({"a": (0, 0), "b": (9, 3)}, sizes) == 1
    assert overlaps({"a": (0, 0), "b": (30, 0), "c": (1, 1)}, sizes) == 1  # contained


def test_objections_stand_right_of_supports():
    amap = make([("r1", A, ("a1",), "c"), ("r2", S, ("s1",), "c"), ("r3", A, ("a2",), "c"), ("r4", S, ("s2",), "c")])
    pos = layout_graph(amap.graph, map_sizes(amap))
    assert max(pos[r][0] for r in ("r2", "r4")) < min(pos[r][0] for r in ("r1", "r3"))
    assert max(pos[s][0] for s in ("s1", "s2")) < min(pos[a][0] for a in ("a1", "a2"))


def test_a_premise_serving_two_conclusions_sits_below_both():
    amap = make([("r1", S, ("p",), "c1"), ("r2", S, ("p",), "c2"), ("r3", S, ("q",), "c1")])
    pos = layout_graph(amap.graph, map_sizes(amap))
    assert pos["p"][1] > pos["r1"][1] > pos["c1"][1]
    assert pos["p"][1] > pos["r2"][1] > pos["c2"][1]
    assert pos["c1"][1] == pos["c2"][1]


def test_an_undercut_junction_sits_beside_the_junction_it_attacks():
    amap = make([("r1", S, ("p",), "c"), ("u", A, ("q",), "r1")])
    pos = layout_graph(amap.graph, map_sizes(amap))
    assert pos["u"][1] == pos["r1"][1]
    assert pos["q"][1] == pos["p"][1]
    assert overlaps(pos, map_sizes(amap)) == 0


def test_disconnected_parts_are_packed_side_by_side():
    amap = make([("r1", S, ("a",), "c1"), ("r2", S, ("b",), "c2"), ("r3", A, ("d",), "c2")], extra=("lonely",))
    sizes = map_sizes(amap)
    pos = layout_graph(amap.graph, sizes)
    parts = [{"c1", "a", "r1"}, {"c2", "b", "d", "r2", "r3"}, {"lonely"}]
    spans = sorted(
        (min(pos[i][0] - sizes[i][0] / 2 for i in p), max(pos[i][0] + sizes[i][0] / 2 for i in p)) for p in parts
    )
    assert all(spans[k][1] <= spans[k + 1][0] for k in range(len(spans) - 1))
    assert {pos[c][1] for c in ("c1", "c2", "lonely")} == {pos["c1"][1]}


def test_layout_is_deterministic_and_rejects_unknown_directions():
    amap = make([("r1", S, ("a", "b"), "c"), ("r2", A, ("d",), "a"), ("r3", S, ("e",), "c")])
    sizes = map_sizes(amap)
    assert layout_graph(amap.graph, sizes) == layout_graph(amap.graph, sizes)
    assert layout_graph(nx.DiGraph(), {}) == {}
    with pytest.raises(ValueError, match="direction"):
        layout_graph(amap.graph, sizes, direction="RL")


def test_full_auto_arrange_keeps_the_map_where_it_was():
    amap = make([("r1", S, ("a",), "c"), ("r2", S, ("b",), "c")])
    amap.move({"c": (500.0, 300.0), "a": (900.0, 700.0), "b": (420.0, 650.0)})
    sizes = map_sizes(amap)
    new = layout_map(amap)
    left = min(new[i][0] - sizes[i][0] / 2 for i in new)
    top = min(new[i][1] - sizes[i][1] / 2 for i in new)
    assert (round(left, 6), round(top, 6)) == (round(420.0 - sizes["b"][0] / 2, 6), round(300.0 - sizes["c"][1] / 2, 6))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("direction", ["TB", "BT", "LR"])
def test_samples_lay_out_cleanly(path, direction):
    amap = load_map(path)
    pos = layout_map(amap, direction=direction)
    assert set(pos) == set(amap.statements) | set(amap.relations)
    assert overlaps(pos, map_sizes(amap)) == 0
    if direction == "TB":
        tops = {s.id for s in main_conclusions(amap) if amap.relations_into(s.id)}
        top_y = min(p[1] for p in pos.values())
        assert all(pos[t][1] - top_y < 1e-6 for t in tops)


def test_layout_command_writes_a_laid_out_map(tmp_path, capsys):
    if not SAMPLES:
        pytest.skip("no sample maps")
    out = tmp_path / "out.argmap.json"
    assert main(["layout", str(SAMPLES[0]), "-o", str(out), "--direction", "LR"]) == 0
    amap = load_map(out)
    assert set(amap.positions) == set(amap.statements) | set(amap.relations)
    assert overlaps(amap.positions, map_sizes(amap)) == 0
    for rel in amap.relations.values():
        if rel.target in amap.statements:
            assert all(amap.positions[p][0] > amap.positions[rel.target][0] for p in rel.premises)
    json.loads(out.read_text(encoding="utf-8"))


def test_layout_command_keeps_the_maps_own_direction_unless_told(tmp_path):
    src = tmp_path / "lr.argmap.json"
    m = load_map(SAMPLES[0]) if SAMPLES else None
    if m is None:
        pytest.skip("no sample maps")
    m.set_meta(layout_direction="LR")
    save_map(m, src)
    out = tmp_path / "out.argmap.json"
    assert main(["layout", str(src), "-o", str(out), "-q"]) == 0
    assert load_map(out).meta["layout_direction"] == "LR"
    assert main(["layout", str(src), "-o", str(out), "--direction", "TB", "-q"]) == 0
    assert load_map(out).meta["layout_direction"] == "TB"


def test_layout_command_reports_a_missing_file_in_one_line(tmp_path, capsys):
    assert main(["layout", str(tmp_path / "nope.argmap.json"), "-o", str(tmp_path / "x.argmap.json")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope.argmap.json" in err[0]
