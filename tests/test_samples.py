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
    # one main conclusion: every other statement is a premise of something
    tops = [s for s in amap.statements.values() if not amap.relations_from(s.id)]
    assert [s.kind for s in tops] == [Kind.CONCLUSION]
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
    # every statement is anchored, and the anchors reach every part of the op-ed's argument
    assert all(s.anchors for s in amap.statements.values())
    quoted = " ".join(a.quote for s in amap.statements.values() for a in s.anchors)
    for fact in (
        "ballistic missile tests",
        "Vostochny Cosmodrome",
        "shopping list",
        "Security Council will veto",
        "seventh nuclear test",
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
