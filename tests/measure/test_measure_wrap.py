"""The fast word wrap and card sizes give exactly what the straightforward version gave."""

from __future__ import annotations

import json
import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import measure
from argmap.measure import cards

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.argmap.json"))


def old_width(font, s: str) -> float:
    get = font.widths.get
    fb = font.fallback
    return sum(get(c, fb) for c in s)


def old_wrap(text: str, font=measure.REGULAR, max_width: float = measure.MAX_TEXT_WIDTH) -> list[str]:
    """measure.wrap as it was before it was made fast (character sums, no caches)."""
    lines: list[str] = []
    space = old_width(font, " ")
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        cur: list[str] = []
        cur_w = 0.0
        for word in words:
            ww = old_width(font, word)
            if ww > max_width:
                if cur:
                    lines.append(" ".join(cur))
                    cur, cur_w = [], 0.0
                piece = ""
                for ch in word:
                    if old_width(font, piece + ch) > max_width and piece:
                        lines.append(piece)
                        piece = ""
                    piece += ch
                cur, cur_w = [piece], old_width(font, piece)
                continue
            add = ww if not cur else cur_w + space + ww
            if add <= max_width or not cur:
                cur.append(word)
                cur_w = add
            else:
                lines.append(" ".join(cur))
                cur, cur_w = [word], ww
        lines.append(" ".join(cur))
    return lines


def old_size(text: str, title: str) -> tuple[float, float]:
    title_lines = old_wrap(title, measure.BOLD) if title.strip() else []
    text_lines = old_wrap(text or " ", measure.REGULAR)
    widest = max(
        [old_width(measure.BOLD, t) for t in title_lines] + [old_width(measure.REGULAR, t) for t in text_lines] + [0.0]
    )
    width = max(measure.MIN_CARD_WIDTH, min(measure.MAX_TEXT_WIDTH, widest) + 2 * measure.PAD_X)
    text_y = (
        measure.PAD_Y
        + measure.LABEL_HEIGHT
        + (len(title_lines) * measure.LINE_HEIGHT + measure.TITLE_GAP if title_lines else 0.0)
    )
    return round(width, 2), round(text_y + len(text_lines) * measure.LINE_HEIGHT + measure.PAD_Y, 2)


def corpus() -> list[tuple[str, str]]:
    texts = []
    for path in SAMPLES:
        doc = json.loads(path.read_text(encoding="utf-8"))
        texts += [(s.get("text", ""), s.get("title", "")) for s in doc["statements"]]
        texts += [(src.get("text", "")[:3000], "") for src in doc.get("sources", [])]
    rng = random.Random(5)
    alphabet = "abcdefghijklmnopqrstuvwxyz   ,.;'-\u00e9\u00fc\u4e2d\u2014W\n"
    for _ in range(400):
        words = [
            "".join(rng.choice(alphabet) for _ in range(rng.choice([1, 3, 6, 12, 40, 90])))
            for _ in range(rng.randint(0, 40))
        ]
        texts.append((" ".join(words), " ".join(words[: rng.randint(0, 6)])))
    return texts


def test_wrap_and_sizes_match_the_plain_version_on_samples_and_random_texts():
    texts = corpus()
    assert len(texts) > 400
    for text, title in texts:
        assert measure.wrap(text) == old_wrap(text)
        assert measure.wrap(title, measure.BOLD) == old_wrap(title, measure.BOLD)
        assert measure.card_metrics(text, title).size == old_size(text, title)


@settings(max_examples=150)
@given(st.text(max_size=300), st.text(max_size=40))
def test_wrap_matches_the_plain_version_on_any_text(text, title):
    assert measure.wrap(text) == old_wrap(text)
    assert measure.card_metrics(text, title).size == old_size(text, title)


def test_widths_from_word_sums_are_the_widths_of_lines_measured_exactly(monkeypatch):
    """A card's width comes from its lines' word-by-word sums unless it lies near a point where
    rounding it to hundredths turns; measuring every card's lines character by character gives the
    same widths."""
    texts = corpus()
    from_sums = [measure.card_metrics(text, title).width for text, title in texts]
    monkeypatch.setattr(cards, "_cards", {})  # measure afresh
    monkeypatch.setattr(cards, "NEAR_HALF", 1.0)  # every card near a turning point
    assert [measure.card_metrics(text, title).width for text, title in texts] == from_sums
