"""Where a passage is in its source, for people: paragraph and sentence (``model.text.passage_place``)."""

from __future__ import annotations

from argmap.model.text import paragraph_spans, passage_place

ARTICLE = (
    "Cities tax many things. Drinks are next.\n"
    "Sugary drinks cause obesity. Taxes reduce what people buy. A 2019 study found a 20% fall in sales.\n"
    "Critics object."
)


def test_paragraphs_are_lines_unless_the_text_is_hard_wrapped() -> None:
    assert [ARTICLE[a:b] for a, b in paragraph_spans(ARTICLE)][2] == "Critics object."
    wrapped = "One long\nparagraph here.\n\nAnd a second\none."
    assert [wrapped[a:b] for a, b in paragraph_spans(wrapped)] == ["One long\nparagraph here.", "And a second\none."]


def test_a_passage_is_placed_by_paragraph_and_sentence() -> None:
    def place(quote: str) -> str:
        i = ARTICLE.index(quote)
        return passage_place(ARTICLE, i, i + len(quote))

    assert place("Drinks are next.") == "¶1, sentence 2"
    assert place("cause obesity") == "¶2, sentence 1"
    assert place("Taxes reduce what people buy. A 2019") == "¶2, sentences 2–3"
    assert place("Drinks are next.\nSugary") == "¶1, sentence 2 – ¶2, sentence 1"
    assert place("Critics") == "¶3, sentence 1"


def test_a_blank_source_has_no_place() -> None:
    assert passage_place("  \n ", 0, 2) == ""
