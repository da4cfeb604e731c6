"""Each Problems check finds what it names, with its ids, and its quick fix works."""

import random

from eval_maps import build

from argmap.evaluation import LiveProblems, find_problems
from argmap.model import Anchor, ArgumentMap, Kind, Polarity, Relation, Source, Statement


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
    assert _codes(amap) == [
        ("orphan", ("c",)),
        ("orphan", ("z",)),
        ("supported-evidence", ("e",)),
        ("unsupported-conclusion", ("c",)),
    ]
    fix = next(p.fix for p in find_problems(amap) if p.code == "supported-evidence")
    amap.update_statement(fix.target, **fix.changes)
    assert "supported-evidence" not in {p.code for p in find_problems(amap)}


def test_a_lone_statement_is_no_orphan():
    assert _codes(build("a")) == []


def test_duplicate_text_ignores_case_and_spacing():
    amap = ArgumentMap()
    amap.add_many(
        [Statement("a", "Trees  cool streets"), Statement("b", "trees cool\nstreets"), Statement("c", "Other")]
    )
    dup = [p for p in find_problems(amap) if p.code == "duplicate-text"]
    assert [(p.ids, p.severity) for p in dup] == [(("a", "b"), "warning")]


def test_evidence_needs_an_anchor_when_the_map_has_sources_and_a_drifted_anchor_is_an_error():
    amap = ArgumentMap()
    amap.add_source(Source("src", "Trees cool streets by three degrees."))
    amap.add_many(
        [
            Statement("e", "Cooling", Kind.EVIDENCE),
            Statement("f", "Three degrees", Kind.EVIDENCE, anchors=(Anchor("src", 0, 12, "three degrees"),)),
        ]
    )
    codes = _codes(amap)
    assert ("unanchored-evidence", ("e",)) in codes
    assert ("broken-anchor", ("f",)) in codes
    broken = next(p for p in find_problems(amap) if p.code == "broken-anchor")
    assert broken.severity == "error" and find_problems(amap)[0].code == "broken-anchor"
    amap.update_statement(broken.fix.target, **broken.fix.changes)  # the quick fix re-finds the quote
    assert amap.statements["f"].anchors[0].start == 22
    assert "broken-anchor" not in {p.code for p in find_problems(amap)}


def test_an_implicit_statement_is_never_asked_for_an_anchor():
    amap = ArgumentMap()
    amap.add_source(Source("src", "Trees cool streets by three degrees."))
    amap.add_many([Statement("e", "Shade cools", Kind.EVIDENCE, implicit=True), Statement("f", "Cool", Kind.EVIDENCE)])
    live = LiveProblems(amap)
    amap.subscribe(live.refresh)
    assert [p.ids for p in find_problems(amap) if p.code == "unanchored-evidence"] == [("f",)]
    assert [p.ids for p in live.problems() if p.code == "unanchored-evidence"] == [("f",)]
    amap.update_statement("f", implicit=True)
    assert "unanchored-evidence" not in {p.code for p in find_problems(amap)}
    assert "unanchored-evidence" not in {p.code for p in live.problems()}
    amap.update_statement("e", implicit=False)
    assert [p.ids for p in live.problems() if p.code == "unanchored-evidence"] == [("e",)]


def test_live_problems_follow_random_edits_exactly():
    rng = random.Random(5)
    amap = ArgumentMap()
    amap.add_source(Source("src", "Alpha beta gamma delta."))
    live = LiveProblems(amap)
    amap.subscribe(live.refresh)
    texts = ["Same text", "same  TEXT", "Other", "Alpha"]
    for step in range(500):
        sids, rids = list(amap.statements), list(amap.relations)
        roll = rng.random()
        if roll < 0.25 or len(sids) < 3:
            amap.add_statement(Statement(f"s{step}", rng.choice(texts), rng.choice(list(Kind))))
        elif roll < 0.5:
            premises = tuple(rng.sample(sids, rng.choice((1, 1, 2))))
            target = rng.choice(sids + rids[:4])
            if target in premises:
                continue
            pol = rng.choice(list(Polarity)) if target in amap.statements else Polarity.ATTACK
            amap.add_relation(Relation(f"r{step}", pol, premises, target))
        elif roll < 0.6:
            amap.update_statement(rng.choice(sids), text=rng.choice(texts))
        elif roll < 0.7:
            amap.update_statement(rng.choice(sids), kind=rng.choice(list(Kind)))
        elif roll < 0.78:
            quote = rng.choice(["Alpha", "beta", "nope"])
            amap.update_statement(rng.choice(sids), anchors=(Anchor("src", 0, len(quote), quote),))
        elif roll < 0.8:
            amap.update_source("src", text=rng.choice(["Alpha beta gamma delta.", "beta Alpha"]))
        elif roll < 0.88 and rids:
            rid = rng.choice(rids)
            target = rng.choice(sids)
            if target not in amap.relations[rid].premises:
                amap.retarget(rid, target)
        else:
            amap.remove([rng.choice(sids + rids)])
        assert live.problems() == find_problems(amap), step
