"""Each Problems check finds what it names, with its ids, and its quick fix works."""
from eval_maps import build

from argmap.evaluation import find_problems
from argmap.model import Anchor, ArgumentMap, Kind, Source, Statement


def _codes(amap):
    return sorted((p.code, p.ids) for p in find_problems(amap))


def test_a_sound_small_map_has_no_problems_but_its_unanswered_objection():
    amap = build("a > c\nb x a\nd x b", {"c": Kind.CONCLUSION})
    assert _codes(amap) == [("unanswered-attack", ("d x b", "d"))]
    (p,) = find_problems(amap)
    assert p.severity == "info" and p.message == "nothing answers the objection “D”"


def test_circular_support_is_an_error_naming_the_circle():
    amap = build("a > b\nb > c\nc > a\nc > d")
    (p,) = [p for p in find_problems(amap) if p.code == "circular-support"]
    assert p.severity == "error" and p.ids == ("a", "b", "c")
    assert p.message == "“A”, “B” and “C” support each other in a circle"


def test_unsupported_conclusion_orphan_and_supported_evidence():
    amap = build("c\ne\nx > e\nz", {"c": Kind.CONCLUSION, "e": Kind.EVIDENCE})
    assert _codes(amap) == [("orphan", ("c",)), ("orphan", ("z",)), ("supported-evidence", ("e",)),
                            ("unsupported-conclusion", ("c",))]
    fix = next(p.fix for p in find_problems(amap) if p.code == "supported-evidence")
    amap.update_statement(fix.target, **fix.changes)
    assert "supported-evidence" not in {p.code for p in find_problems(amap)}


def test_a_lone_statement_is_no_orphan():
    assert _codes(build("a")) == []


def test_duplicate_text_ignores_case_and_spacing():
    amap = ArgumentMap()
    amap.add_many([Statement("a", "Trees  cool streets"), Statement("b", "trees cool\nstreets"),
                   Statement("c", "Other")])
    dup = [p for p in find_problems(amap) if p.code == "duplicate-text"]
    assert [(p.ids, p.severity) for p in dup] == [(("a", "b"), "warning")]


def test_evidence_needs_an_anchor_when_the_map_has_sources_and_a_drifted_anchor_is_an_error():
    amap = ArgumentMap()
    amap.add_source(Source("src", "Trees cool streets by three degrees."))
    amap.add_many([Statement("e", "Cooling", Kind.EVIDENCE),
                   Statement("f", "Three degrees", Kind.EVIDENCE, anchors=(Anchor("src", 0, 12, "three degrees"),))])
    codes = _codes(amap)
    assert ("unanchored-evidence", ("e",)) in codes
    assert ("broken-anchor", ("f",)) in codes
    broken = next(p for p in find_problems(amap) if p.code == "broken-anchor")
    assert broken.severity == "error" and find_problems(amap)[0].code == "broken-anchor"
    amap.update_statement(broken.fix.target, **broken.fix.changes)  # the quick fix re-finds the quote
    assert amap.statements["f"].anchors[0].start == 22
    assert "broken-anchor" not in {p.code for p in find_problems(amap)}
