"""Every format argmap reads, from a small file the project wrote (tests/io/fixtures): what a reader of
the map relies on (statements, kinds, relations, linked premises, undercuts) and the round trips."""

from pathlib import Path

import pytest

from argmap.io import dumps, loads, read_any, write_any
from argmap.model import ArgumentMap, Kind, Polarity

FIXTURES = Path(__file__).parent / "fixtures"
ALL = [
    "aif_mixed.json",
    "ova3_small.json",
    "micro_joint.xml",
    "carneades_small.yml",
    "school_uniforms.argdown",
    "city_cycling.graphml",
    "cycling_network.graphml",
]


def name(m: ArgumentMap, sid: str) -> str:
    """A statement by its title, else its text; a relation by what it joins."""
    if sid in m.relations:
        r = m.relations[sid]
        return f"({' + '.join(name(m, p) for p in r.premises)} {r.polarity.value} {name(m, r.target)})"
    st = m.statements[sid]
    return st.title or st.text


def relations(m: ArgumentMap) -> set[str]:
    return {name(m, rid) for rid in m.relations}


def shape(m: ArgumentMap) -> tuple:
    """What a map says, independent of its ids and of the order of its elements."""
    return (
        m.meta.get("title"),
        sorted((st.title, st.text, st.kind.value, st.tags) for st in m.statements.values()),
        sorted(relations(m)),
    )


# ------------------------------------------------------------------------------------------ Argdown
def test_argdown_statements_arguments_and_kinds():
    result = read_any(FIXTURES / "school_uniforms.argdown")
    m = result.map
    assert m.meta["title"] == "Should pupils wear school uniforms?"
    kinds = {st.title: st.kind for st in m.statements.values()}
    assert kinds == {
        "Uniforms": Kind.CONCLUSION,
        "Price": Kind.PREMISE,
        "Second-hand": Kind.PREMISE,
        "No rules": Kind.PREMISE,
        "Cheap": Kind.PREMISE,
        "Pressure": Kind.PREMISE,
        "Survey": Kind.EVIDENCE,
        "One school": Kind.PREMISE,
        "Expression": Kind.PREMISE,
    }
    by_title = {st.title: st for st in m.statements.values()}
    assert by_title["Uniforms"].text == "Pupils at state schools should wear a uniform."
    assert by_title["Uniforms"].tags == ("policy",)
    assert by_title["Expression"].meta["argdown"]["argument"] is True  # an argument without premises
    assert by_title["Cheap"].meta["argdown"]["section"] == "The arguments"
    assert result.report.lines()[0].startswith("8 statement classes, 3 arguments, 5 Argdown relations")


def test_argdown_relations_linked_premises_contradiction_and_undercut():
    m = read_any(FIXTURES / "school_uniforms.argdown").map
    belonging = "(Survey support Uniforms)"
    assert relations(m) == {
        "(Cheap + Pressure support Uniforms)",  # the premise-conclusion structure: one linked support
        belonging,
        "(Expression attack Uniforms)",
        "(Price attack Uniforms)",
        "(Second-hand attack Price)",
        "(Uniforms attack No rules)",
        "(No rules attack Uniforms)",  # a contradiction: an attack each way
        f"(One school attack {belonging})",  # the undercut of the argument <Belonging>
    }
    cost = next(r for r in m.relations.values() if len(r.premises) == 2)
    assert (cost.title, cost.scheme) == ("Cost", "Practical reasoning")
    assert cost.notes == "A uniform is cheaper for families."
    undercut = next(r for r in m.relations.values() if r.target in m.relations)
    assert m.is_undercut(undercut) and undercut.polarity is Polarity.ATTACK


def test_argdown_round_trip_keeps_what_the_file_says(tmp_path):
    m = read_any(FIXTURES / "school_uniforms.argdown").map
    out = tmp_path / "again.argdown"
    write_any(m, out)
    assert shape(read_any(out).map) == shape(m)


# ------------------------------------------------------------------------------------------ GraphML
def test_graphml_statements_relations_and_undercut():
    result = read_any(FIXTURES / "city_cycling.graphml")
    m = result.map
    assert (m.meta["title"], m.meta["description"]) == (
        "Should the city build protected cycle lanes?",
        "A council debate, in brief.",
    )
    lanes = m.statement("lanes")
    assert lanes.kind is Kind.CONCLUSION and lanes.title == "Build the lanes" and lanes.tags == ("transport",)
    assert m.statement("counts").kind is Kind.EVIDENCE and m.statement("shops").kind is Kind.PREMISE
    safety = m.relation("r-safety")
    assert safety.premises == ("safer", "main-roads") and safety.scheme == "Practical reasoning"  # linked, in order
    assert relations(m) == {
        "(Kerbs between cars and bikes prevent the worst crashes. + Most cycling injuries in the city happen on its "
        "main roads. support Build the lanes)",
        "(After the lanes on Bridge Road opened, the number of cyclists there doubled. support Kerbs between cars "
        "and bikes prevent the worst crashes.)",
        "(Shops on the main roads lose trade when parking goes. attack Build the lanes)",
        "(Most customers of those shops arrive on foot or by bus. attack (Shops on the main roads lose trade when "
        "parking goes. attack Build the lanes))",
    }
    assert m.is_undercut(m.relation("r-walk-in"))
    assert result.report.counts == {"statements": 6, "relations": 4, "undercuts": 1}


def test_graphml_positions_from_data_or_from_yed_geometry():
    m = read_any(FIXTURES / "city_cycling.graphml").map
    assert m.positions["lanes"] == (300.0, 40.0) and m.positions["r-safety"] == (300.0, 150.0)
    assert m.positions["walk-in"] == (700.0, 330.0)  # the centre of the box yEd drew
    assert "counts" not in m.positions and "r-counts" not in m.positions  # left for the layout


def test_graphml_round_trip_keeps_the_map(tmp_path):
    m = read_any(FIXTURES / "city_cycling.graphml").map
    out = tmp_path / "again.graphml"
    write_any(m, out)
    back = read_any(out).map
    assert shape(back) == shape(m) and dict(back.positions) == dict(m.positions)
    assert back.meta["description"] == m.meta["description"]


def test_any_other_graphml_becomes_premises_and_supports():
    result = read_any(FIXTURES / "cycling_network.graphml")
    assert relations(result.map) == {
        "(A congestion charge support Fewer cars in the centre)",
        "(Better buses support Fewer cars in the centre)",
    }
    assert {st.kind for st in result.map.statements.values()} == {Kind.PREMISE}
    assert any("not an argmap GraphML" in line for line in result.report.lines())


# ------------------------------------------------------------------------------------------ every format
@pytest.mark.parametrize("fixture", ALL)
def test_every_fixture_survives_the_argmap_format(fixture):
    """Imported once, a map is argmap's: saving and loading it changes nothing."""
    m = read_any(FIXTURES / fixture).map
    assert m.statements and m.relations
    text = dumps(m)
    back = loads(text)
    assert shape(back) == shape(m)
    assert list(back.statements.items()) == list(m.statements.items())
    assert list(back.relations.items()) == list(m.relations.items())
    assert dict(back.positions) == dict(m.positions) and list(back.sources.items()) == list(m.sources.items())
    assert dumps(back) == text


@pytest.mark.parametrize(
    "fixture",
    ["aif_mixed.json", "micro_joint.xml", "carneades_small.yml", "school_uniforms.argdown", "city_cycling.graphml"],
)
def test_every_fixture_survives_aif_and_graphml(fixture, tmp_path):
    """The exchange formats argmap writes carry statements, kinds, linked premises and undercuts."""
    m = read_any(FIXTURES / fixture).map
    for ext in ("aif.json", "graphml"):
        out = tmp_path / f"again.{ext}"
        write_any(m, out)
        assert shape(read_any(out).map) == shape(m), ext
