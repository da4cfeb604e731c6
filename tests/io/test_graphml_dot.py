"""GraphML round trip (and networkx/yEd readability), DOT export for Graphviz, hostile GraphML."""

import re
import shutil
import subprocess

import networkx as nx
import pytest

from argmap import measure
from argmap.io import MapFileError, read_any, write_any
from argmap.io.dot import dumps as dot_dumps
from argmap.io.dot import quote
from argmap.model import Anchor, ArgumentMap, Kind, Polarity, Relation, RelationKind, Source, Statement


def _sample() -> ArgumentMap:
    m = ArgumentMap('Street <trees> & "shade"')
    m.add_many(
        [
            Statement(
                "c", "Plant trees.", Kind.CONCLUSION, anchors=(Anchor("s", 0, 12, "Plant trees."),), meta={"x": [1, 2]}
            ),
            Statement("p1", 'They cool\nstreets "a lot" \\ really.', Kind.PREMISE, title="Cooling", tags=("a", "b")),
            Statement("p2", "Shade is pleasant.", Kind.PREMISE, assessment="accepted"),
            Statement("e", "Paris measured 3 degrees.", Kind.EVIDENCE),
            Statement("o", "Roots break pavements.", Kind.PREMISE),
            Statement("u", "Modern pits contain roots.", Kind.PREMISE),
        ],
        [
            Relation("r1", Polarity.SUPPORT, ("p2", "p1"), "c", scheme="Consequences", assessment="strong"),
            Relation("r2", Polarity.SUPPORT, ("e",), "p1", kind=RelationKind.REPHRASE),
            Relation("r3", Polarity.ATTACK, ("o",), "c"),
            Relation("r4", Polarity.ATTACK, ("u",), "r3"),
        ],
        {"c": (10.5, -20.0), "r1": (10.0, 80.0), "p1": (0.0, 200.0)},
        sources=[Source("s", "Plant trees. They cool streets.", "op-ed")],
    )
    return m


def _shape(m):
    return (
        {s.id: (s.text, s.kind, s.title, s.tags, s.anchors, s.assessment, dict(s.meta)) for s in m.statements.values()},
        {r.id: (r.polarity, r.premises, r.target, r.kind, r.scheme, r.assessment) for r in m.relations.values()},
    )


def test_graphml_round_trip_keeps_everything(tmp_path):
    m = _sample()
    path = tmp_path / "m.graphml"
    write_any(m, path)
    back = read_any(path).map
    assert _shape(back) == _shape(m)
    assert dict(back.positions) == dict(m.positions)
    assert back.sources["s"].text == m.sources["s"].text and back.title == m.title


def test_graphml_is_readable_by_networkx_with_labels_for_gephi_and_yed(tmp_path):
    path = tmp_path / "m.graphml"
    write_any(_sample(), path)
    g = nx.read_graphml(path)
    assert g.nodes["c"]["sort"] == "statement" and g.nodes["c"]["kind"] == "conclusion"
    assert g.nodes["c"]["label"] == "Plant trees." and g.nodes["r3"]["polarity"] == "attack"
    assert g.has_edge("p1", "r1") and g.has_edge("r1", "c") and g.has_edge("r4", "r3")
    text = path.read_text()
    assert "y:ShapeNode" in text and "y:NodeLabel" in text


def test_graphml_edited_in_yed_without_data_still_imports(tmp_path):
    path = tmp_path / "m.graphml"
    write_any(_sample(), path)
    text = path.read_text()
    # yEd-like file: drop our text attribute, keep the yFiles label and geometry
    g = nx.read_graphml(path)
    key = [line for line in text.splitlines() if 'attr.name="text"' in line][0].split('id="')[1].split('"')[0]
    stripped = re.sub(f'<data key="{key}">.*?</data>', "", text, flags=re.S)
    path.write_text(stripped)
    back = read_any(path).map
    assert back.statements["c"].text == g.nodes["c"]["label"]
    assert back.statements["p1"].text.startswith("Cooling")  # the yEd label shows the title
    x = _geometry(stripped, "c")["x"]
    moved = stripped.replace(f'<y:Geometry x="{x}"', f'<y:Geometry x="{float(x) + 500:.2f}"', 1)
    assert _geometry(moved, "c")["x"] != x
    path.write_text(moved)
    assert read_any(path).map.positions["c"] == (510.5, -20.0)  # moved in yEd: its geometry wins


def _geometry(text: str, node: str) -> dict[str, str]:
    """The yFiles geometry attributes of ``node`` in GraphML ``text``."""
    found = re.search(f'<node id="{node}">.*?<y:Geometry ([^>]*)/>', text, flags=re.S)
    assert found is not None
    return dict(re.findall(r'(\w+)="([^"]*)"', found.group(1)))


def test_graphml_boxes_for_yed_are_the_cards_argmap_draws(tmp_path):
    m = _sample()
    path = tmp_path / "m.graphml"
    write_any(m, path)
    text = path.read_text()
    sizes = measure.map_sizes(m)
    for sid in ("c", "p1", "r1"):
        box = _geometry(text, sid)
        w, h = sizes[sid]
        assert (float(box["width"]), float(box["height"])) == (round(w, 2), round(h, 2))
    c = _geometry(text, "c")  # centred on the card's position
    assert float(c["x"]) + float(c["width"]) / 2 == pytest.approx(10.5, abs=0.01)
    assert float(c["y"]) + float(c["height"]) / 2 == pytest.approx(-20.0, abs=0.01)


def test_generic_graphml_imports_as_supports(tmp_path):
    path = tmp_path / "g.graphml"
    nx.write_graphml(nx.DiGraph([("a", "b"), ("c", "b")]), path)
    result = read_any(path)
    assert len(result.map.statements) == 3 and len(result.map.relations) == 2
    assert any("not an argmap GraphML" in line for line in result.report.lines())


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
<node id="n0"><data key="d0">&d;</data></node></graph></graphml>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="n0"><data key="d0">&x;</data></node>
</graph></graphml>"""
NS = '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'


@pytest.mark.parametrize(
    "text, words",
    [
        (BILLION_LAUGHS, "entities"),
        (EXTERNAL, "entit"),
        (NS + "<graph><node id='a'>", "line"),
        ("<svg/>", "not GraphML"),
        (NS + "</graphml>", "has no <graph>"),
        (NS + "<graph><node id='a'/><node id='a'/></graph></graphml>", '<node id="a">'),
        (NS + "<graph><node id='a'/><edge source='a' target='zz'/></graph></graphml>", "zz"),
        (
            NS + "<key id='k' for='node' attr.name='x' attr.type='double'/><graph><node id='a'><data key='k'>far</data>"
            "</node></graph></graphml>",
            '<node id="a">: x must be a finite double',
        ),
    ],
)
def test_hostile_graphml_gives_one_line(tmp_path, text, words):
    path = tmp_path / "bad.graphml"
    path.write_text(text)
    with pytest.raises(MapFileError) as err:
        read_any(path)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith(str(path)) and words in msg


def test_dot_quotes_and_styles():
    assert quote('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c\\nd"'
    text = dot_dumps(_sample())
    assert '"r3" [shape=point' in text and "style=dashed" in text and "#2E7D32" in text
    assert '"p2" -> "r1"' in text and '"r1" -> "c"' in text and '"r4" -> "r3"' in text
    assert 'dashed"' not in text
    m = _sample()
    m.update_statement("u", implicit=True)
    (line,) = [x for x in dot_dumps(m).splitlines() if x.startswith('  "u" [')]
    assert 'style="rounded,filled,dashed"' in line and "[Modern pits contain roots.]" in line


@pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz is not installed")
def test_graphviz_accepts_the_dot_file(tmp_path):
    path = tmp_path / "m.gv"
    write_any(_sample(), path)
    done = subprocess.run(["dot", "-Tsvg", str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Plant trees." in done.stdout and not done.stderr.strip()


def test_graphml_keeps_an_implicit_premise_as_a_data_key_and_yed_draws_it_dashed(tmp_path):
    m = _sample()
    m.update_statement("u", implicit=True)
    path = tmp_path / "m.graphml"
    write_any(m, path)
    back = read_any(path).map
    assert [s.id for s in back.statements.values() if s.implicit] == ["u"]
    g = nx.read_graphml(path)
    assert g.nodes["u"]["implicit"] is True and "implicit" not in g.nodes["o"]
    text = path.read_text()
    assert text.count('<y:BorderStyle color="#555555" type="dashed"') == 1 and "[Modern pits contain roots.]" in text
    assert 'attr.name="implicit" attr.type="boolean"' in text
