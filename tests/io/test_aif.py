"""AIF JSON import and export: node types, dialogue metadata, OVA layouts, round trips, hostile input."""

import json
import os
from pathlib import Path

import pytest

from argmap.io import MapFileError, read_any, write_any
from argmap.io.aif import loads, read_aif, sniff
from argmap.io.aif_export import dumps
from argmap.model import Anchor, ArgumentMap, Kind, Polarity, Relation, RelationKind, Source, Statement

FIXTURES = Path(__file__).parent / "fixtures"


def test_mixed_nodeset_maps_every_scheme_node_type():
    result = read_aif(FIXTURES / "aif_mixed.json")
    m = result.map
    assert set(m.statements) == {"1", "2", "3", "4", "5", "6", "7", "8"}
    assert set(m.relations) == {"10", "11", "12", "13", "14", "15"}
    linked = m.relations["10"]
    assert linked.premises == ("2", "8") and linked.target == "1" and linked.polarity is Polarity.SUPPORT
    assert m.relations["12"].target == "11" and m.is_undercut(m.relations["12"])
    assert m.relations["13"].polarity is Polarity.ATTACK and m.relations["13"].target == "1"
    assert m.relations["14"].kind is RelationKind.REPHRASE and m.relations["14"].polarity is Polarity.SUPPORT
    assert m.relations["15"].kind is RelationKind.PREFERENCE
    assert m.relations["11"].scheme == "Example"
    assert m.relations["11"].meta["aif"]["schemeID"] == "3"
    assert m.statements["1"].meta["aif"]["timestamp"] == "2024-01-02 10:00:00"


def test_kinds_follow_the_documented_rule():
    m = read_aif(FIXTURES / "aif_mixed.json").map
    assert m.statements["1"].kind is Kind.CONCLUSION  # target of relations, premise of none
    assert m.statements["3"].kind is Kind.EVIDENCE  # premise only of an argument from example
    assert m.statements["2"].kind is Kind.PREMISE
    assert m.statements["5"].kind is Kind.PREMISE  # premise of an attack


def test_what_cannot_be_represented_is_dropped_and_reported():
    report = read_aif(FIXTURES / "aif_mixed.json").report
    text = "\n".join(report.lines())
    assert "no I-node premise: 16" in text
    assert "no conclusion: 17" in text
    assert "1 duplicate edge" in text
    assert "type 'XX'" in text
    assert "not in the file" in text  # the edge from node 99
    assert report.counts["statements"] == 8 and report.counts["relations"] == 6


def test_dialogue_nodes_become_locution_metadata():
    m = read_aif(FIXTURES / "aif_mixed.json").map
    (loc,) = m.statements["1"].meta["aif"]["locutions"]
    assert loc["speaker"] == "Ann Lee" and loc["illocution"] == "Asserting" and loc["l"] == "20"
    assert m.statements["5"].meta["aif"]["locutions"][0]["speaker"] == "Bob Roy"
    (arguing,) = m.relations["13"].meta["aif"]["locutions"]
    assert arguing["illocution"] == "Arguing" and arguing["ta"] == "23"


def test_ova3_layout_positions_and_text():
    result = read_aif(FIXTURES / "ova3_small.json")
    m = result.map
    assert len(m.statements) == 3 and len(m.relations) == 2
    assert m.positions["1"] == (400.0, 50.0) and m.positions["4"] == (250.0, 180.0)
    (src,) = m.sources.values()
    assert "<span" not in src.text and "&amp;" not in src.text and "pavements & kerbs" in src.text
    (a,) = m.statements["2"].anchors
    assert src.text[a.start : a.end] == "trees cool streets in summer"
    assert any("OVA text" in line for line in result.report.lines())


def _sample_map() -> ArgumentMap:
    m = ArgumentMap("Trees", "a test map")
    src = Source("s", "Plant trees. They cool streets. Roots break pavements.", "op-ed")
    m.add_many(
        [
            Statement("c", "Plant trees.", Kind.CONCLUSION, anchors=(Anchor("s", 0, 12, "Plant trees."),)),
            Statement("p1", "They cool streets.", Kind.PREMISE, title="Cooling", tags=("climate",)),
            Statement("p2", "Shade is pleasant.", Kind.PREMISE, implicit=True),
            Statement("e", "Paris measured 3 degrees.", Kind.EVIDENCE, notes="from a report"),
            Statement("o", "Roots break pavements.", Kind.PREMISE),
            Statement("u", "Modern pits contain roots.", Kind.PREMISE),
            Statement("k", "Trees cool cities.", Kind.CONCLUSION),
        ],
        [
            Relation("r1", Polarity.SUPPORT, ("p1", "p2"), "c", scheme="Consequences"),
            Relation("r2", Polarity.SUPPORT, ("e",), "p1"),
            Relation("r3", Polarity.ATTACK, ("o",), "c"),
            Relation("r4", Polarity.ATTACK, ("u",), "r3"),
            Relation("r5", Polarity.SUPPORT, ("k",), "p1", kind=RelationKind.REPHRASE),
        ],
        {"c": (10.0, 20.0), "r1": (10.0, 80.0)},
        sources=[src],
    )
    return m


def _shape(m: ArgumentMap):
    sts = {s.id: (s.text, s.kind, s.title, s.notes, s.tags, s.implicit) for s in m.statements.values()}
    rels = {r.id: (r.polarity, r.premises, r.target, r.kind, r.scheme) for r in m.relations.values()}
    return sts, rels


@pytest.mark.parametrize("layout", ["aifdb", "ova3"])
def test_argmap_aif_argmap_round_trip(layout):
    m = _sample_map()
    back = loads(dumps(m, layout)).map
    assert _shape(back) == _shape(m)
    assert back.positions["c"] == (10.0, 20.0) and back.positions["r1"] == (10.0, 80.0)
    assert back.statements["c"].anchors == m.statements["c"].anchors
    assert back.sources["s"].text == m.sources["s"].text
    assert back.title == "Trees"


def test_export_is_plain_aif_for_other_tools():
    doc = json.loads(dumps(_sample_map()))
    types = {n["nodeID"]: n["type"] for n in doc["nodes"]}
    assert types["c"] == "I" and types["r1"] == "RA" and types["r3"] == "CA" and types["r5"] == "MA"
    pairs = {(e["fromID"], e["toID"]) for e in doc["edges"]}
    assert {("p1", "r1"), ("p2", "r1"), ("r1", "c"), ("u", "r4"), ("r4", "r3")} <= pairs
    nodes = {n["nodeID"]: n for n in doc["nodes"]}
    # an implicit premise is an ordinary I-node to other tools; the flag is in argmap's own block
    assert set(nodes["p2"]) == {"nodeID", "text", "type", "argmap"} and nodes["p2"]["argmap"]["implicit"] is True
    assert "implicit" not in nodes["p1"]["argmap"]


def test_aif_round_trip_keeps_dialogue_nodes(tmp_path):
    first = read_aif(FIXTURES / "aif_mixed.json").map
    out = tmp_path / "again.json"
    write_any(first, out, "aif")
    doc = json.loads(out.read_text())
    assert sum(n["type"] == "L" for n in doc["nodes"]) == 2
    again = read_aif(out).map
    assert _shape(again) == _shape(first)
    assert again.statements["1"].meta["aif"]["locutions"][0]["speaker"] == "Ann Lee"


def test_registry_sends_argmap_json_to_argmap_and_other_json_to_aif(tmp_path):
    from argmap.io import save_map
    from argmap.io.registry import detect_reader

    save_map(_sample_map(), tmp_path / "m.argmap.json")
    assert detect_reader(str(tmp_path / "m.argmap.json")).name == "argmap"
    assert detect_reader(str(FIXTURES / "aif_mixed.json")).name == "aif"
    assert read_any(tmp_path / "m.argmap.json").map.statements["c"].text == "Plant trees."
    (tmp_path / "copy.json").write_text((tmp_path / "m.argmap.json").read_text())
    assert len(read_any(tmp_path / "copy.json").map.relations) == 5  # an argmap map named .json still reads
    assert sniff('{"nodes": [{"nodeID": "1"') and not sniff('{"format": "argmap", "nodes": []')


@pytest.mark.parametrize(
    "text, place",
    [
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": "a"', "line 1"),
        ("[1, 2]", "$"),
        ('{"nodes": "many", "edges": []}', "nodes"),
        ('{"nodes": [{"nodeID": true, "type": "I"}], "edges": []}', "nodes[0].nodeID"),
        ('{"nodes": [{"nodeID": "1", "type": 5}], "edges": []}', "nodes[0].type"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": ["x"]}], "edges": []}', "nodes[0].text"),
        ('{"nodes": [], "edges": [{"fromID": "1"}]}', "edges[0]"),
        ('{"AIF": {"nodes": [7], "edges": []}}', "AIF.nodes[0]"),
        ('{"AIF": []}', "AIF"),
        ('{"something": 1}', "$"),
    ],
)
def test_malformed_aif_gives_one_line_with_the_json_path(tmp_path, text, place):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(MapFileError) as err:
        read_any(path)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith(str(path)) and f": {place}" in msg


def test_strange_graphs_never_crash():
    doc = {
        "nodes": [
            {"nodeID": i, "type": t, "text": str(i)}
            for i, t in [(1, "I"), (2, "I"), (3, "RA"), (4, "RA"), (5, "CA"), (6, "CA"), (7, "I"), (8, "RA")]
        ],
        "edges": [
            {"fromID": a, "toID": b}
            for a, b in [(1, 3), (3, 4), (4, 3), (2, 4), (5, 6), (6, 5), (7, 5), (7, 6), (1, 2), (1, 8), (8, 1), (3, 3)]
        ],
    }
    result = loads(json.dumps(doc))
    assert set(result.map.statements) == {"1", "2", "7"}
    assert not result.map.relations  # circular chains and self-targets are dropped, and said so
    assert any("circular" in line for line in result.report.lines())
    assert any("I-node straight to an I-node" in line for line in result.report.lines())


def test_huge_and_deep_files_are_refused_cleanly(tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(300 * 1024 * 1024)  # sparse: no real disk used
    with pytest.raises(MapFileError, match="over the limit"):
        read_any(big)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100000 + "]" * 100000)
    with pytest.raises(MapFileError):
        read_any(deep)


def test_many_nodes_import(tmp_path):
    """A 10,000-node chain imports whole (speed is measured by benchmarks, not here)."""
    n = 10000
    nodes = [{"nodeID": i, "type": "I", "text": f"claim {i}"} for i in range(n)]
    nodes += [{"nodeID": n + i, "type": "RA", "text": "RA"} for i in range(n - 1)]
    edges = [{"fromID": i + 1, "toID": n + i} for i in range(n - 1)] + [
        {"fromID": n + i, "toID": i} for i in range(n - 1)
    ]
    path = tmp_path / "many.json"
    path.write_text(json.dumps({"nodes": nodes, "edges": edges}))
    m = read_any(path).map
    assert len(m.statements) == n and len(m.relations) == n - 1
    assert os.path.getsize(path) > 1_000_000
