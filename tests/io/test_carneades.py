"""Carneades YAML import: statements, arguments, undercutters, assumptions, expected labels, bad input."""

from pathlib import Path

import pytest

from argmap.io import MapFileError, read_any
from argmap.model import Kind, Polarity

FIXTURES = Path(__file__).parent / "fixtures"


def test_statements_arguments_and_undercutters():
    result = read_any(FIXTURES / "carneades_small.yml")
    m = result.map
    assert m.title == "Small Carneades graph"
    assert m.statements["unsafe"].text == "The bridge is unsafe."
    a1 = m.relations["a1"]
    assert a1.polarity is Polarity.SUPPORT and a1.premises == ("report",) and a1.target == "unsafe"
    assert a1.scheme == "expert_opinion" and a1.meta["carneades"]["premise_roles"] == {"source": "report"}
    assert m.relations["a2"].premises == ("unsafe", "cheap")
    (under,) = m.relations_into("a1")
    assert under.polarity is Polarity.ATTACK and under.premises == ("u1",) and m.is_undercut(under)
    assert m.statements["claim"].kind is Kind.CONCLUSION and m.statements["unsafe"].kind is Kind.PREMISE


def test_assumptions_labels_and_issues_are_kept():
    m = read_any(FIXTURES / "carneades_small.yml").map
    assert m.statements["report"].meta["carneades"]["assumed"] is True
    assert m.statements["report"].tags == ("assumption",)
    assert m.statements["claim"].meta["carneades"]["expected"] == "in"
    assert m.statements["u1"].meta["carneades"]["expected"] == "out"
    assert m.statements["money"].meta["carneades"]["expected"] == "undecided"
    assert m.statements["¬claim"].meta["carneades"]["issue"] == "i1"
    assert m.meta["carneades"]["note"] == "written for argmap's tests"


def test_argument_without_premises_gets_a_reported_placeholder():
    result = read_any(FIXTURES / "carneades_small.yml")
    a5 = result.map.relations["a5"]
    (placeholder,) = a5.premises
    assert result.map.statements[placeholder].meta["carneades"]["placeholder_for"] == "a5"
    assert any("placeholder" in line for line in result.report.lines())


@pytest.mark.parametrize(
    "text, place",
    [
        ("statements:\n  a: [unclosed\n", "line 3"),
        ("- just\n- a list\n", ""),
        ("statements:\n  a: A\narguments:\n  x:\n    premises: [a]\n", "line 4"),
        ("statements:\n  a: A\narguments:\n  x:\n    conclusion: a\n    premises: [[1, 2]]\n", "line 6"),
        ("statements: 7\n", "line 1"),
        ("a: &x [1, 2]\nb: *x\n", "line 2"),
    ],
)
def test_malformed_yaml_names_the_line(tmp_path, text, place):
    path = tmp_path / "bad.yml"
    path.write_text(text)
    with pytest.raises(MapFileError) as err:
        read_any(path)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith(str(path)) and place in msg
