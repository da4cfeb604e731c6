"""Source-text helpers: sentence boundaries on tricky text, coverage, re-finding drifted anchors."""

import pytest

from argmap.model import Anchor
from argmap.model.text import coverage, normalise_newlines, refind_anchor, sentence_at, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # abbreviations inside a sentence do not end it
        ("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
        ("Dr. Howell teaches at Oxford. He wrote it.", ["Dr. Howell teaches at Oxford.", "He wrote it."]),
        ("He met Mr. Jones and Mrs. Smith. They talked.", ["He met Mr. Jones and Mrs. Smith.", "They talked."]),
        ("It voted at 3 p.m. on Monday. Nobody came.", ["It voted at 3 p.m. on Monday.", "Nobody came."]),
        ("The U.S. Army arrived. It stayed.", ["The U.S. Army arrived.", "It stayed."]),
        ("See e.g. the report. It is long.", ["See e.g. the report.", "It is long."]),
        ("J. R. R. Tolkien wrote it. It sold well.", ["J. R. R. Tolkien wrote it.", "It sold well."]),
        ("The results (see Fig. 3) were clear. Good.", ["The results (see Fig. 3) were clear.", "Good."]),
        # ... but an abbreviation at a real sentence end does end it
        ("Talks ended at 5 p.m. The next day they resumed.", ["Talks ended at 5 p.m.", "The next day they resumed."]),
        (
            "She works in the U.S. Her brother lives in France.",
            ["She works in the U.S.", "Her brother lives in France."],
        ),
        ("Apples, pears, etc. Nothing else.", ["Apples, pears, etc.", "Nothing else."]),
        ("He said no. Then he left.", ["He said no.", "Then he left."]),
        # decimals, amounts, web addresses
        ("Inflation rose 3.5% last year. Prices fell.", ["Inflation rose 3.5% last year.", "Prices fell."]),
        ("It cost $4.5 billion. That is a lot.", ["It cost $4.5 billion.", "That is a lot."]),
        ("Visit example.com for more. Then stop.", ["Visit example.com for more.", "Then stop."]),
        # quotations
        ('He said "Stop!" and left. Then he came back.', ['He said "Stop!" and left.', "Then he came back."]),
        ('He said, "It is over." Then he left.', ['He said, "It is over."', "Then he left."]),
        ("\u201cWho knows?\u201d she asked. Nobody did.", ["\u201cWho knows?\u201d she asked.", "Nobody did."]),
        ("(This is an aside.) Then the text goes on.", ["(This is an aside.)", "Then the text goes on."]),
        # ellipses, questions, exclamations
        ("Wait... what happened? Nobody knew! Really.", ["Wait... what happened?", "Nobody knew!", "Really."]),
        ("He waited\u2026 Then he left.", ["He waited\u2026", "Then he left."]),
        ("Is it? Yes. No!", ["Is it?", "Yes.", "No!"]),
        ("Really?! Yes.", ["Really?!", "Yes."]),
    ],
)
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


def test_paragraphs_and_lines():
    # a blank line ends a sentence even without a full stop
    assert sentences("A heading\n\nBody text. More.") == ["A heading", "Body text.", "More."]
    # one paragraph (or caption) a line: each line ends a sentence
    text = "Leaders shake hands on September 13, 2023\nKim steps off his train. He waves."
    assert sentences(text) == ["Leaders shake hands on September 13, 2023", "Kim steps off his train.", "He waves."]
    # a numbered list is not split after its numbers
    assert sentences("Steps:\n1. Mix the flour.\n2. Add water.") == ["Steps:", "1. Mix the flour.", "2. Add water."]


def test_hard_wrapped_text_joins_lines():
    text = "The talks were held in\nMoscow and lasted\nthree days. Nobody\nexpected a deal. The\nWest was worried."
    assert sentences(text) == [
        "The talks were held in\nMoscow and lasted\nthree days.",
        "Nobody\nexpected a deal.",
        "The\nWest was worried.",
    ]


def test_spans_are_trimmed_and_in_order():
    text = "  First one.   Second one!\n\n  Third?  "
    spans = sentence_spans(text)
    assert sentences(text) == ["First one.", "Second one!", "Third?"]
    assert all(a < b <= c for (a, b), (c, _) in zip(spans, spans[1:]))
    assert sentence_spans("") == [] and sentence_spans("   \n\n ") == []


def test_sentence_at():
    text = "One sentence. Another one."
    assert text[slice(*sentence_at(text, 2))] == "One sentence."
    assert text[slice(*sentence_at(text, text.index("Another")))] == "Another one."
    assert sentence_at(text, text.index(" Another")) is None  # the space between
    assert sentence_at(text, len(text)) is None


def test_normalise_newlines():
    assert normalise_newlines("a\r\nb\rc\nd") == "a\nb\nc\nd"


def test_coverage():
    text = "One. Two. Three. Four."
    assert coverage(text, []) == 0.0
    assert coverage(text, [(0, 4)]) == 0.25
    # a range overlapping two sentences covers both; duplicates count once
    assert coverage(text, [(2, 7), (0, 2)]) == 0.5
    assert coverage(text, [(0, len(text))]) == 1.0
    assert coverage("", [(0, 1)]) == 0.0


def anchor_for(text: str, quote: str) -> Anchor:
    i = text.index(quote)
    return Anchor("s", i, i + len(quote), quote)


def test_refind_unchanged_anchor_is_kept():
    text = "Kim met Putin. They talked about missiles."
    a = anchor_for(text, "talked about missiles")
    assert refind_anchor(text, a) is a


def test_refind_moved_text():
    old = "Kim met Putin. They talked about missiles."
    a = anchor_for(old, "talked about missiles")
    new = "This week, Kim met Putin in Russia. They talked about missiles."
    b = refind_anchor(new, a)
    assert b is not None and new[b.start : b.end] == a.quote and b.source_id == "s"
    assert b.start == new.index("talked")


def test_refind_deleted_text_is_broken():
    old = "Kim met Putin. They talked about missiles."
    a = anchor_for(old, "talked about missiles")
    assert refind_anchor("Kim met Putin. They talked about food.", a) is None
    assert refind_anchor("", a) is None


def test_refind_edited_quote_is_broken():
    old = "Kim met Putin. They talked about missiles."
    a = anchor_for(old, "They talked")
    assert refind_anchor("Kim met Putin. They spoke about missiles.", a) is None


def test_refind_chooses_nearest_occurrence():
    new = "the deal. " + "x" * 50 + " the deal. " + "y" * 50 + " the deal."
    starts = [i for i in range(len(new)) if new.startswith("the deal", i)]
    for old_start in (starts[1] + 3, starts[2] - 4, 0):
        a = Anchor("s", old_start, old_start + len("the deal"), "the deal")
        b = refind_anchor(new, a)
        assert b.start == min(starts, key=lambda s: abs(s - old_start))


def test_refind_respects_window():
    new = "the deal. " + "x" * 200
    a = Anchor("s", 150, 158, "the deal")
    assert refind_anchor(new, a, window=20) is None
    assert refind_anchor(new, a, window=200).start == 0
    assert refind_anchor(new, a).start == 0


def test_refind_empty_quote_that_no_longer_fits_is_broken():
    assert refind_anchor("short", Anchor("s", 10, 10, "")) is None
