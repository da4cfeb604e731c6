"""The Argdown lexer's guard against patterns that scan far for a missing closer."""

from __future__ import annotations

import random

from argmap.io.argdown_guard import NEAR, OPENERS, Closers


def test_the_quick_look_at_brackets_closed_near_agrees_with_the_look_at_every_pattern():
    """Brackets closed close by on their line are passed over before the look at each far-reaching
    pattern; that look must find nothing there either."""
    rng = random.Random(14)
    passed = 0
    for _ in range(400):
        # a few line breaks or many, so that lines are short or longer than NEAR
        alphabet = "[]<>:()!-ab " + "\n" * rng.choice((0, 1, 4))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 4 * NEAR)))
        closers = Closers(text)
        for pos, c in enumerate(text):
            if c in OPENERS:
                expected = closers._far(pos) & closers._hopeless(pos)
                assert closers.hopeless(pos) == expected, (text, pos)
                passed += not expected
    assert passed > 1000
