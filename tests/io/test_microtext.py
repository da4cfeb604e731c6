"""Argumentative microtext import: anchors exact to the source, joints, exa/add/reb/und, hostile XML."""

import shutil
from pathlib import Path

import pytest

from argmap.io import MapFileError, read_any
from argmap.model import Kind, Polarity, broken_anchors

FIXTURES = Path(__file__).parent / "fixtures"


def test_joint_crlf_and_whitespace_are_anchored_exactly():
    result = read_any(FIXTURES / "micro_joint.xml")
    m = result.map
    (src,) = m.sources.values()
    assert "\r" not in src.text
    assert not broken_anchors(m)
    joint = m.statements["a2"]
    (a,) = joint.anchors  # adjacent EDUs of a joint: one anchor over both
    assert src.text[a.start : a.end] == "The  charge cut traffic\nby a fifth in Stockholm,\nfor example."
    assert joint.text == "The charge cut traffic by a fifth in Stockholm, for example."
    assert joint.meta["microtext"] == {"role": "pro", "edus": ["e2", "e3"]}
    for st in m.statements.values():
        for anc in st.anchors:
            assert " ".join(src.text[anc.start : anc.end].split()) == st.text


def test_relations_kinds_and_central_claim():
    m = read_any(FIXTURES / "micro_joint.xml").map
    assert [s.id for s in m.statements.values() if s.kind is Kind.CONCLUSION] == ["a1"]
    assert m.statements["a2"].kind is Kind.EVIDENCE
    exa = m.relations["c10"]
    assert exa.polarity is Polarity.SUPPORT and exa.premises == ("a2",) and exa.target == "a1"
    assert m.relations["c11"].polarity is Polarity.ATTACK and m.relations["c12"].target == "a4"
    und = m.relations["c14"]
    assert und.polarity is Polarity.ATTACK and und.target == "c13" and m.is_undercut(und)
    assert m.meta["stance"] == "pro" and m.meta["topic_id"] == "congestion"


def test_add_makes_a_linked_premise(tmp_path):
    xml = (
        (FIXTURES / "micro_joint.xml")
        .read_text()
        .replace('<edge id="c14" src="a7" trg="c13" type="und"/>', '<edge id="c14" src="a7" trg="c13" type="add"/>')
    )
    (tmp_path / "m.xml").write_text(xml)
    shutil.copy(FIXTURES / "micro_joint.txt", tmp_path / "m.txt")
    m = read_any(tmp_path / "m.xml").map
    assert m.relations["c13"].premises == ("a6", "a7")
    assert "c14" not in m.relations


def test_missing_source_text_is_rebuilt_and_reported(tmp_path):
    shutil.copy(FIXTURES / "micro_joint.xml", tmp_path / "alone.xml")
    result = read_any(tmp_path / "alone.xml")
    assert any("no source text" in line for line in result.report.lines())
    assert not broken_anchors(result.map)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE arggraph [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<arggraph id="x"><edu id="e1">&lol9;</edu><adu id="a1" type="pro"/></arggraph>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE arggraph [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<arggraph id="x"><edu id="e1">&secret;</edu><adu id="a1" type="pro"/></arggraph>
"""


@pytest.mark.parametrize(
    "text, words",
    [
        (BILLION_LAUGHS, "entities"),
        (EXTERNAL, "entit"),
        ('<arggraph id="x"><edu id="e1">cut', "line"),
        ("<other/>", "<other>"),
        ('<arggraph id="x"><edu id="e1">a</edu><adu id="a1" type="maybe"/></arggraph>', '<adu id="a1">'),
        (
            '<arggraph id="x"><edu id="e1">a</edu><adu id="a1" type="pro"/>'
            '<edge id="c1" src="e1" trg="a9" type="seg"/></arggraph>',
            '<edge id="c1">',
        ),
        (
            '<arggraph id="x"><edu id="e1">a</edu><adu id="a1" type="pro"/>'
            '<edge id="c1" src="a1" trg="a1" type="boo"/></arggraph>',
            '<edge id="c1">',
        ),
        ('<arggraph id="x"><edu id="e1">a</edu><edu id="e1">b</edu><adu id="a1" type="pro"/></arggraph>', "twice"),
    ],
)
def test_hostile_or_malformed_xml_gives_one_line(tmp_path, text, words):
    path = tmp_path / "bad.xml"
    path.write_text(text)
    with pytest.raises(MapFileError) as err:
        read_any(path)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith(str(path)) and words in msg
    assert "root:" not in msg
