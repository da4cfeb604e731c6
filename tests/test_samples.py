"""The shipped sample maps: valid, anchored exactly, round-tripping byte for byte, and as rich as promised."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.io import dumps, load_map, loads
from argmap.model import Kind, Polarity, main_conclusions
from argmap.model.text import normalise_newlines
from argmap.resources import sample_paths

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "oped-kim-putin-summit.txt"
PATHS = sample_paths()
OPED = next((p for p in PATHS if p.name == "kim-putin-summit.argmap.json"), None)


def test_samples_are_shipped():
    names = {p.name for p in PATHS}
    assert {
        "kim-putin-summit.argmap.json",
        "teaching-street-trees.argmap.json",
        "congestion-charging.argmap.json",
    } <= names


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_sample_validates_and_round_trips(path):
    text = path.read_text(encoding="utf-8")
    amap = load_map(path)
    amap.check_invariants()
    assert dumps(amap) == text  # save of a load is the committed file, byte for byte
    assert dumps(loads(dumps(amap))) == text
    assert amap.title and len(main_conclusions(amap)) >= 1
    # a thesis (and at most a practical conclusion beside it): every other statement is a premise of something
    tops = [s for s in amap.statements.values() if not amap.relations_from(s.id)]
    assert 1 <= len(tops) <= 2 and all(s.kind is Kind.CONCLUSION for s in tops)
    assert all(s.title for s in amap.statements.values())


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_every_anchor_quotes_its_source_exactly(path):
    amap = load_map(path)
    for st in amap.statements.values():
        for a in st.anchors:
            src = amap.sources[a.source_id]
            assert src.text[a.start : a.end] == a.quote, f"{st.title}: anchor {a.start}..{a.end}"
            assert a.quote and a.quote == a.quote.strip()
    for src in amap.sources.values():
        assert normalise_newlines(src.text) == src.text


def test_info_reports_no_broken_anchors():
    out = subprocess.run(
        [sys.executable, "-m", "argmap", "info", "--json", *map(str, PATHS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    infos = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(infos) == len(PATHS)
    for info in infos:
        assert info["broken_anchors"] == 0, info["file"]
        assert info["statements"] >= 6


def test_oped_map_is_complete():
    assert OPED is not None
    amap = load_map(OPED)
    rels = list(amap.relations.values())
    assert len(amap.statements) >= 20
    assert any(r.linked and r.polarity is Polarity.SUPPORT for r in rels)
    assert any(r.polarity is Polarity.ATTACK for r in rels)
    assert any(amap.is_undercut(r) for r in rels)
    assert sum(s.kind is Kind.EVIDENCE for s in amap.statements.values()) >= 5
    (src,) = amap.sources.values()
    # every statement the author makes is anchored (the analyst's unstated ones quote nothing), and the
    # anchors reach every part of the op-ed's argument, the author's links back to the thesis included
    for s in amap.statements.values():
        assert bool(s.anchors) != s.implicit, s.title
    quoted = " ".join(a.quote for s in amap.statements.values() for a in s.anchors)
    for fact in (
        "ballistic missile tests",
        "Vostochny Cosmodrome",
        "shopping list",
        "Security Council will veto",
        "seventh nuclear test",
        "It came as a surprise when the bulletproof train",
        "This is extremely important.",
        "but terrifying for the rest of the world",
        "Even more troubling",
        "Equally worrying",
        "Deal or no deal",
    ):
        assert fact in quoted, fact
    assert src.author and src.date.startswith("2023-09")


def test_oped_source_is_the_seed(shared_dir):
    amap = load_map(OPED)
    (src,) = amap.sources.values()
    assert src.text == normalise_newlines(SEED.read_text(encoding="utf-8"))


def test_broken_anchor_is_counted_not_hidden(tmp_path):
    doc = json.loads(OPED.read_text(encoding="utf-8"))
    text = doc["sources"][0]["text"]
    doc["sources"][0]["text"] = text = text.replace("Vostochny Cosmodrome", "Vostochny spaceport")
    edited = tmp_path / "edited.argmap.json"
    edited.write_text(json.dumps(doc), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "argmap", "info", "--json", str(edited)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    info = json.loads(out.stdout)
    anchors = [a for s in doc["statements"] for a in s.get("anchors", [])]
    drifted = sum(1 for a in anchors if text[a["start"] : a["end"]] != a["quote"])
    assert drifted > 0 and info["broken_anchors"] == drifted


def test_oped_anchors_are_found_again_after_an_edit():
    from argmap.model.text import refind_anchor

    amap = load_map(OPED)
    (src,) = amap.sources.values()
    edited = "Opinion\n\n" + src.text.replace("dirty war", "brutal war")
    for st in amap.statements.values():
        for a in st.anchors:
            b = refind_anchor(edited, a, window=200)
            if "dirty war" in a.quote:
                assert b is None  # the quoted words are gone: broken, not guessed
            else:
                assert b is not None and edited[b.start : b.end] == a.quote
                assert b.start - a.start in (9, 10)  # the prefix, and the longer word before it


def test_builder_reproduces_the_committed_samples():
    out = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_samples.py"), "--check", "--ignore-positions"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr


# ------------------------------------------------------------------ the op-ed, as a teacher reads it


def _oped():
    amap = load_map(OPED)
    by_title = {s.title: s for s in amap.statements.values()}
    return amap, by_title


def _quoting(amap, words):
    """The one statement with an anchor quoting ``words``."""
    (st,) = [s for s in amap.statements.values() if any(words in a.quote for a in s.anchors)]
    return st


def _supports(amap, premise, target):
    return any(
        r.polarity is Polarity.SUPPORT and premise.id in r.premises and r.target == target.id
        for r in amap.relations.values()
    )


def test_oped_conclusions_follow_one_rule_stated_in_the_description():
    amap, by_title = _oped()
    tops = [s for s in amap.statements.values() if not amap.relations_from(s.id)]
    assert [s.title for s in tops] == [
        "The West is right to fear the summit",
        "The West must be proactive and vigilant",
    ]
    assert main_conclusions(amap)[0].title == "The West is right to fear the summit"
    top_ids = {s.id for s in tops}
    supported = {r.target for r in amap.relations.values() if r.polarity is Polarity.SUPPORT}
    # conclusion: a top, or the head of a branch (a reason for a top on its own that has reasons of its own)
    heads = {
        r.premises[0]
        for r in amap.relations.values()
        if r.polarity is Polarity.SUPPORT and r.target in top_ids and not r.linked and r.premises[0] in supported
    }
    for s in amap.statements.values():
        assert (s.kind is Kind.CONCLUSION) == (s.id in top_ids | heads), s.title
    # the equally supported claims deeper in a branch are premises
    assert by_title["The direction of travel is clear"].kind is Kind.PREMISE
    assert by_title["Not North Korea's first attempted arms deal"].kind is Kind.PREMISE
    assert "CONCLUSIONS are the thesis" in amap.meta["description"]


def test_oped_evidence_is_what_the_author_reports_not_his_claims():
    amap, _ = _oped()
    # Beijing 'steered' the earlier summits (an interpretation), 'mastering the art of the illegal deal' (a
    # sweeping description) and 'will veto' (a prediction) are premises
    for words in ("Singapore and Hanoi", "mastering the art of the illegal deal", "Security Council will veto"):
        assert _quoting(amap, words).kind is Kind.PREMISE, words
    veto = _quoting(amap, "Security Council will veto")
    assert "will veto" in veto.text and "lets it" not in veto.text
    for s in amap.statements.values():
        if s.kind is Kind.EVIDENCE:
            assert not amap.relations_into(s.id), s.title
            words = set(s.text.lower().replace(",", " ").split())
            assert not words & {"will", "would", "likely", "could", "might", "may", "if"}, s.title


def test_oped_objection_there_may_be_no_deal_has_both_replies():
    amap, by_title = _oped()
    no_deal = by_title["There may be no deal"]
    (objection,) = amap.relations_from(no_deal.id)
    assert objection.polarity is Polarity.ATTACK
    # a rebuttal, 'a deal is likely', from the arms-trading record and 'they' not caring
    (rebuttal,) = amap.relations_into(no_deal.id)
    assert rebuttal.polarity is Polarity.ATTACK
    likely = amap.statements[rebuttal.premises[0]]
    assert likely.title == "A deal is likely"
    assert _supports(amap, by_title["Not North Korea's first attempted arms deal"], likely)
    assert _supports(amap, by_title["They likely don't care"], likely)
    # and an undercut, 'deal or no deal', Kim gains either way
    (undercut,) = amap.relations_into(objection.id)
    assert undercut.polarity is Polarity.ATTACK and amap.is_undercut(undercut)
    assert amap.statements[undercut.premises[0]].title == "Deal or no deal, Kim gains"


def test_oped_china_needs_friends_is_a_reason_and_the_aversion_is_conceded():
    amap, by_title = _oped()
    beijing, friends = (
        by_title["Beijing very likely brokered the summit"],
        by_title["China needs friends on the Korean Peninsula"],
    )
    aversion = by_title["China does not want a nuclear North Korea"]
    assert _supports(amap, friends, beijing)
    assert all(r.polarity is Polarity.SUPPORT for r in amap.relations_from(friends.id))
    (attack,) = amap.relations_from(aversion.id)
    assert attack.polarity is Polarity.ATTACK and attack.target == beijing.id
    # conceded: granted as true, and outweighed
    assert aversion.assessment == "accepted" and "conceded" in aversion.tags
    assert attack.assessment == "weak"


def test_oped_missing_links_are_mapped():
    amap, by_title = _oped()
    assert _supports(amap, _quoting(amap, "Security Council will veto"), by_title["The UN is increasingly powerless"])
    # paragraph 2 supports the unstated premise that these are among the most dangerous states
    dangerous = by_title["North Korea and Russia are among the most dangerous states"]
    assert dangerous.implicit
    assert _supports(amap, _quoting(amap, "no intention of curtailing"), dangerous)
    assert _supports(amap, _quoting(amap, "dirty war in Ukraine"), dangerous)
    # the seventh test needs the technology to be (nearly) ready
    ready = by_title["The technology is (nearly) ready"]
    test = _quoting(amap, "seventh nuclear test")
    (linked,) = [r for r in amap.relations_into(test.id) if ready.id in r.premises]
    assert linked.linked and ready.implicit
    # the practical conclusion, from the author's conditional warning
    practical = by_title["The West must be proactive and vigilant"]
    assert _supports(amap, _quoting(amap, "If the West is not proactive and vigilant"), practical)


def test_oped_titles_are_claims_that_keep_the_hedges_and_conditions():
    amap, by_title = _oped()
    for title in (
        "North Korea and Russia are among the most dangerous states",
        "Not North Korea's first attempted arms deal",
        "They likely don't care",
    ):
        assert title in by_title, title
    hedges = ("if", "likely", "reportedly", "appear", "could", "might", "may", "would", "unless")
    for s in amap.statements.values():
        title, text = s.title.lower().split(), s.text.lower()
        if text.startswith("if "):  # a conditional stays conditional
            assert {"if", "would", "could", "unless"} & set(title), s.title
        if any(f" {h} " in f" {text} " for h in hedges):
            assert set(hedges) & {w.strip(",") for w in title}, s.title
    # an interpretation of the author's 'they' is marked as the analyst's
    dont_care = by_title["They likely don't care"]
    assert "[Russia and North Korea]" in dont_care.text and "Interpretation" in dont_care.notes
    venue = _quoting(amap, "This is extremely important.")
    assert "[" in venue.text and "interpretation" in venue.notes


def test_oped_evaluates_as_the_author_intends_and_checks_clean():
    from argmap.evaluation import Label, evaluate, find_problems

    amap, by_title = _oped()
    ev = evaluate(amap)
    for s in main_conclusions(amap):
        assert ev.statements[s.id] is Label.IN, s.title
    assert ev.statements[by_title["Beijing very likely brokered the summit"].id] is Label.IN
    assert ev.statements[by_title["There may be no deal"].id] is Label.OUT
    assert [p.code for p in find_problems(amap) if p.severity != "info"] == []
