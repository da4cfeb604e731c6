"""Data read from outside, checked at the boundary: plain types, finite numbers, Unicode text.

Everything a reader keeps as it found it (metadata, front matter, AIF's locutions) must be
what argmap can write back: JSON's types, numbers that are finite, strings that are Unicode
(a ``"\\ud800"`` escape in JSON or YAML makes a lone surrogate, which no file can hold).
"""

from __future__ import annotations

import math
from typing import Any

_SURROGATES = frozenset(map(chr, range(0xD800, 0xE000)))


def _bad_text(s: str) -> bool:
    if s.isascii():
        return False
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def describe(value: Any) -> str | None:
    """What is wrong with one value that is not a list or a mapping, or None."""
    if value is None or value is True or value is False:
        return None
    t = type(value)
    if t is str:
        if _bad_text(value):
            bad = next(c for c in value if c in _SURROGATES)
            return f"text holds a lone surrogate (\\u{ord(bad):04x}), which is not Unicode text"
        return None
    if t is float:
        if math.isfinite(value):
            return None
        return "NaN is not a number" if value != value else "Infinity (or a number past 1.8e308) is not a finite number"
    if t is int:
        return None
    return f"a {t.__name__} is not plain data (text, a number, true, false, null, a list or a mapping)"


def first_problem(value: Any) -> tuple[tuple[Any, ...], str] | None:
    """Where (a JSON path as a tuple) and what the first value in ``value`` is that argmap could
    not write back; None when all is plain data."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(value, ())]
    while stack:
        v, loc = stack.pop()
        t = type(v)
        if t is dict:
            items = list(v.items())
            for k, _x in items:
                if type(k) is not str:
                    return loc, f"key {k!r} is not text"
                if _bad_text(k):
                    return loc, f"key {describe(k)}"
            stack.extend((x, (*loc, k)) for k, x in reversed(items))
        elif t is list:
            stack.extend((x, (*loc, i)) for i, x in reversed(list(enumerate(v))))
        else:
            what = describe(v)
            if what is not None:
                return loc, what
    return None
