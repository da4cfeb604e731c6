"""Compact (titles-only) cards are measured to hold the title alone, on balanced lines."""

from __future__ import annotations

from argmap import measure


def test_a_compact_card_holds_the_title_alone_on_balanced_lines() -> None:
    text = "North Korea has made clear that it has no intention of curtailing its missile capabilities."
    full = measure.card_metrics(text, "A seventh nuclear test is likelier")
    compact = measure.card_metrics(text, "A seventh nuclear test is likelier", True)
    assert compact.compact and not full.compact
    assert compact.text_lines == () and " ".join(compact.title_lines) == "A seventh nuclear test is likelier"
    assert compact.height < full.height / 2 and compact.width <= measure.COMPACT_TEXT_WIDTH
    # balanced: the two lines are about as long as each other, no word left alone on the last
    a, b = (measure.BOLD.measure(line) for line in compact.title_lines)
    assert len(compact.title_lines) == 2 and abs(a - b) < 0.5 * max(a, b)
    assert compact.text_x > measure.PAD_X  # room for the kind marker before the first line


def test_an_untitled_statement_shows_its_text_on_a_compact_card() -> None:
    m = measure.card_metrics("Trees cool streets.", "", True)
    assert m.title_lines == () and m.text_lines == ("Trees cool streets.",)
