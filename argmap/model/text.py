"""Source-text helpers: newline normalisation, sentence boundaries, anchor checks and re-finding."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .elements import Anchor

# Words after which a full stop does not end a sentence, unless a common
# sentence opener follows ("at 5 p.m. The next day" ends; "the U.S. Army" does not).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft vs etc e.g i.e cf al approx dept est fig gen gov gov't
    lt col capt sgt rep sen pres no nos vol vols pp p ed eds inc ltd co corp jan feb mar apr jun jul
    aug sep sept oct nov dec mon tue wed thu fri sat sun a.m p.m u.s u.k u.n u.s.a e.u d.c ph.d
    b.a m.a n.b vs. op cit ibid""".split()
)
# Titles stand before a name: they never end a sentence.
TITLES = frozenset("mr mrs ms dr prof st mt ft gen gov lt col capt sgt rep sen pres rev hon".split())
# Closed-class words that open sentences; after an abbreviation they signal a new sentence.
SENTENCE_OPENERS = frozenset(
    """a an the this that these those it its he she they we i you his her their our my your
    there here but and or so yet then however in on at for if when while after before as
    what who why how where one some many most all both each every nobody everyone nothing
    with by from of not still also even only although though because since until once
    meanwhile today yesterday tomorrow now later next finally first instead indeed thus
    therefore yes no""".split()
)

_TERMINATORS = re.compile(r"[.!?\u2026]+")
_CLOSERS = "\"'\u201d\u2019)]}"
_OPENERS = "\"'(\u201c\u2018["


def normalise_newlines(text: str) -> str:
    """Sources keep ``\\n`` newlines only, so offsets mean the same everywhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in _OPENERS:
        j -= 1
    return text[j:i]


def _word_after(text: str, k: int) -> str:
    while k < len(text) and text[k] in _OPENERS:
        k += 1
    j = k
    while j < len(text) and (text[j].isalnum() or text[j] in "'\u2019-"):
        j += 1
    return text[k:j]


def _hard_wrapped(text: str) -> bool:
    """Is the text wrapped at a fixed width (many line breaks inside sentences)?

    Then a single line break is just a space; otherwise each line is a
    paragraph, a heading or a caption, and its end ends a sentence.
    """
    breaks = [m.end() for m in re.finditer(r"(?<!\n)\n(?!\n)", text)]
    if not breaks:
        return False
    inside = sum(1 for k in breaks if _word_after(text, k)[:1].islower())
    return inside * 4 > len(breaks)


def _abbreviation_ends(text: str, i: int, k: int) -> bool | None:
    """After a full stop at ``i`` with the next word at ``k``: True if an
    abbreviation before it still ends the sentence, False if it does not,
    None if the word before is no abbreviation."""
    word = _word_before(text, i).lower().rstrip(".")
    is_initial = len(word) == 1 and word.isalpha()
    if word not in ABBREVIATIONS and not is_initial:
        if word.isdigit() and text.rfind("\n", 0, i) + 1 == i - len(word):
            return False  # "1. " opening a numbered line
        return None
    if word in TITLES:
        return False
    nxt = _word_after(text, k)
    if word == "etc" and nxt[:1].isupper():
        return True
    return nxt[:1].isupper() and nxt.lower() in SENTENCE_OPENERS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences of ``text``, trimmed of surrounding space.

    A sentence ends at ``.``, ``!``, ``?`` or an ellipsis followed by space (and
    any closing quotes or brackets), at a blank line, and at a line break when
    the text is not hard-wrapped (captions, headings, one paragraph a line).
    It is not ended by abbreviations ("Dr.", "U.N.", "p.m.") or initials unless
    a common sentence opener follows ("at 5 p.m. The next day"), nor by
    decimals ("3.5") or a terminator inside a quotation that the sentence
    continues after in lower case.
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    lines_end = not _hard_wrapped(text)

    def push(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))

    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            blank = i + 1 < n and text[i + 1] == "\n"
            if blank or (lines_end and not _word_after(text, i + 1)[:1].islower()):
                push(start, i)
                while i < n and text[i] == "\n":
                    i += 1
                start = i
                continue
            i += 1
            continue
        m = _TERMINATORS.match(text, i) if ch in ".!?\u2026" else None
        if not m:
            i += 1
            continue
        end = m.end()
        while end < n and text[end] in _CLOSERS:
            end += 1
        if end < n and not text[end].isspace():
            i = m.end()  # "3.5", "U.N.", "example.com"
            continue
        k = end
        while k < n and text[k] in " \t":
            k += 1
        if ch == "." and m.end() - i == 1:
            ends = _abbreviation_ends(text, i, k)
            if ends is False:
                i = m.end()
                continue
            if ends:
                push(start, end)
                start = i = end
                continue
        # the next sentence must start with something sentence-like
        if k < n and text[k].islower():
            i = m.end()  # "he said "no." and left" style continuation
            continue
        push(start, end)
        start = end
        i = end
    push(start, n)
    return spans


def sentence_at(text: str, offset: int) -> tuple[int, int] | None:
    """The sentence containing ``offset``, or None in the space between sentences."""
    for a, b in sentence_spans(text):
        if a <= offset < b:
            return a, b
    return None


def coverage(text: str, ranges: Iterable[tuple[int, int]]) -> float:
    """Share of the text's sentences that some range overlaps (0.0 .. 1.0)."""
    spans = sentence_spans(text)
    if not spans:
        return 0.0
    rs = sorted(ranges)
    covered = 0
    for a, b in spans:
        if any(s < b and e > a for s, e in rs):
            covered += 1
    return covered / len(spans)


def refind_anchor(text: str, anchor: Anchor, window: int | None = None) -> Anchor | None:
    """Find an anchor again in a changed text.

    Returns the anchor unchanged when its quote still matches; otherwise the
    anchor moved to the occurrence of its quote nearest to its old start
    (searching ``window`` characters either side, or the whole text), or None
    when the quote is no longer there: the anchor is broken.
    """
    if anchor.matches(text):
        return anchor
    if not anchor.quote:
        return None
    lo, hi = 0, len(text)
    if window is not None:
        lo = max(0, anchor.start - window)
        hi = min(len(text), anchor.end + window)
    best: int | None = None
    i = text.find(anchor.quote, lo, hi)
    while i != -1:
        if best is None or abs(i - anchor.start) < abs(best - anchor.start):
            best = i
        i = text.find(anchor.quote, i + 1, hi)
    if best is None:
        return None
    return anchor.replace(start=best, end=best + len(anchor.quote))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs of ``text``: blocks between blank lines when the text is
    hard-wrapped, else its lines (one paragraph a line, as web pages and word processors give them)."""
    sep = re.compile(r"\n[ \t]*\n\s*" if _hard_wrapped(text) else r"\n\s*")
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in sep.finditer(text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def passage_place(text: str, start: int, end: int) -> str:
    """Where ``text[start:end]`` is, for people: its paragraph and sentences, "¶3, sentence 2",
    "¶3, sentences 2–4", "¶3, sentence 4 – ¶4, sentence 1" (paragraphs as :func:`paragraph_spans`
    finds them, sentences as :func:`sentence_spans`, both counted from 1)."""
    paras = paragraph_spans(text)
    if not paras:  # a blank text: nowhere to point
        return ""
    sentences = sentence_spans(text)

    def where(offset: int) -> tuple[int, int]:
        """(paragraph, sentence in it) at ``offset``, or of the next sentence when between two."""
        p = next((i for i, (_, b) in enumerate(paras) if offset < b), len(paras) - 1)
        a, b = paras[p]
        inside = [s for s in sentences if a <= s[0] < b]
        k = next((i for i, (_, e) in enumerate(inside) if offset < e), len(inside) - 1)
        return p + 1, max(k, 0) + 1

    first = where(start)
    last = where(max(start, end - 1))
    if first[0] != last[0]:
        return f"¶{first[0]}, sentence {first[1]} – ¶{last[0]}, sentence {last[1]}"
    if first[1] == last[1]:
        return f"¶{first[0]}, sentence {first[1]}"
    return f"¶{first[0]}, sentences {first[1]}–{last[1]}"
