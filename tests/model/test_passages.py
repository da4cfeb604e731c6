"""Passages without Qt: UTF-16 offsets, trimming, drag payloads, and anchors that follow a text edit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.model import Anchor, ArgumentMap, ModelError, Source, Statement
from argmap.model.passages import (
    OffsetShift,
    Passage,
    Utf16Map,
    passage_anchor,
    refound_anchors,
    snap_to_words,
    trim_range,
)


@given(st.text(alphabet=st.sampled_from(["a", " ", "\n", "\u00e9", "\U0001f600", "\U00010348"]), max_size=30))
def test_utf16_offsets_round_trip(text):
    m = Utf16Map(text)
    encoded = text.encode("utf-16-le")
    for i in range(len(text) + 1):
        u = m.to_utf16(i)
        assert u == len(text[:i].encode("utf-16-le")) // 2
        assert m.to_cp(u) == i
    for u in range(len(encoded) // 2 + 1):
        lo, hi = m.to_cp(u), m.to_cp(u, round_up=True)
        assert m.to_utf16(lo) <= u <= m.to_utf16(hi) and hi - lo <= 1


def test_trim_and_payload():
    assert trim_range("  ab c \n", 0, 8) == (2, 6)
    assert trim_range("   ", 0, 3) == (3, 3)
    assert Passage.from_json(b'{"source": "s", "start": 4, "end": 2, "text": ""}') is None
    assert Passage.from_json(b"not json") is None
    p = Passage("s", 1, 3, "\u00e9\U0001f600", "evidence")
    assert Passage.from_json(p.to_json()) == p


def test_passage_anchor_is_trimmed_and_quotes_the_source():
    amap = ArgumentMap()
    amap.add_source(Source("src", "One.  Two words here. "))
    anchor = passage_anchor(amap, Passage("src", 4, 22, "ignored payload text"))
    assert anchor == Anchor("src", 6, 21, "Two words here.")
    with pytest.raises(ModelError):
        passage_anchor(amap, Passage("src", 4, 6, "  "))


def test_offsets_follow_an_edit_before_them():
    shift = OffsetShift("Lanes save lives.\nShops gain.", "Protected lanes save lives.\nShops gain.")
    assert shift(0) == 0
    assert shift(18) == 28  # the start of the unchanged second line


def test_anchors_are_found_again_after_an_edit_or_reported_broken():
    text = "Lanes save lives. Shops gain customers."
    amap = ArgumentMap()
    amap.add_source(Source("src", text))
    amap.add_statement(Statement("a", "Shops gain", anchors=(Anchor("src", 18, 38, "Shops gain customers"),)))
    amap.add_statement(Statement("b", "Lanes", anchors=(Anchor("src", 0, 17, "Lanes save lives."),)))
    moved, broken = refound_anchors(amap, "src", "Bikes. Shops gain customers. Cars.")
    assert moved == {"a": (Anchor("src", 7, 27, "Shops gain customers"),)}
    assert broken == ["b"]


def test_a_range_inside_words_grows_to_whole_words():
    text = "So when North Korea’s Kim met Putin. 北朝鮮とロシア"
    i = text.index("North")
    assert snap_to_words(text, i + 2, text.index("Kim") + 1) == (i, text.index("Kim") + 3)
    assert snap_to_words(text, i, i + 5) == (i, i + 5)  # whole words already
    assert snap_to_words(text, i - 1, i + 5) == (i - 1, i + 5)  # a space at an end is trimmed elsewhere
    j = text.index("朝")  # no spaces between words: characters are kept as selected
    assert snap_to_words(text, j, j + 2) == (j, j + 2)
