"""Card geometry without Qt: word wrapping and sizes from the bundled font's metrics.

The GUI, the exporters and ``argmap layout`` all size and wrap cards with
:func:`card_metrics`, and the GUI draws exactly the lines it returns, so a map
laid out on the command line looks right when opened.  The widths come from
``font_metrics.json`` (regenerate with ``tools/gen_font_metrics.py``) for the
DejaVu Sans fonts shipped in ``resources/fonts``.
"""
from __future__ import annotations

import json
import marshal
import os

from .. import parallel
from ..model.record import FrozenRecord, new_object

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable


FONT_FAMILY = "DejaVu Sans"
FONT_PX = 13.0          # statement text
LABEL_PX = 9.5          # the kind label ("PREMISE") above the text
PAD_X = 10.0
PAD_Y = 8.0
LABEL_HEIGHT = 15.0     # kind label strip, including its gap to the text
TITLE_GAP = 3.0         # between the bold title and the text
MAX_TEXT_WIDTH = 230.0  # readable line length, about 35-40 characters
MIN_CARD_WIDTH = 120.0
JUNCTION_SIZE = 12.0    # relations are drawn as a small junction node
# Compact cards (a map whose ``meta.card_text`` is "titles"): the bold title alone, the kind shown by
# the marker before it and the card's colour and border instead of a label strip; the full text
# stays in the inspector, tooltips, the outline and the source panel.
CARD_TEXT_KEY = "card_text"
CARD_TEXT_FULL = "full"
CARD_TEXT_TITLES = "titles"
COMPACT_TEXT_WIDTH = 200.0
COMPACT_MIN_WIDTH = 80.0
COMPACT_PAD_Y = 5.0
MARKER_INDENT = 13.0    # room for the kind marker left of a compact card's first line
MARKER_DROP = 3.6       # the kind marker's centre sits this far above the label baseline
WORD_CACHE = 500_000    # distinct words whose widths are remembered, per font
CARD_CACHE = 100_000    # card geometries remembered
PARALLEL_CARDS = 400    # statements: from this many on, with helpers granted, a forked copy of the
                        # process measures half the cards

# os.path, not pathlib: pathlib brings urllib.parse and ipaddress, ~10 ms of every command's start-up
with open(os.path.join(os.path.dirname(__file__), "font_metrics.json"), encoding="utf-8") as _f:
    _DATA = json.load(_f)


class _Widths(dict):
    """Character advance widths; a character the font lacks gets the fallback width."""

    def __init__(self, widths: Iterable[tuple[str, float]], fallback: float) -> None:
        super().__init__(widths)
        self.fallback = fallback

    def __missing__(self, ch: str) -> float:
        return self.fallback


class _WordWidths(dict):
    """Widths of the words met so far; a new word is measured (and remembered, up to a limit)."""

    def __init__(self, table: _Widths) -> None:
        super().__init__()
        self.table = table

    def __missing__(self, word: str) -> float:
        w = sum(map(self.table.__getitem__, word))
        if len(self) < WORD_CACHE:
            self[word] = w
        return w


class _Font:
    def __init__(self, spec: dict, px: float) -> None:
        scale = px / _DATA["reference_px"]
        self.fallback = spec["fallback"] * scale
        self.line_height = spec["line_spacing"] * scale
        self.ascent = spec["ascent"] * scale
        widths = spec["widths"]
        self._table = _Widths(zip(widths, map(scale.__mul__, widths.values())), self.fallback)
        self.widths: dict[str, float] = self._table
        self._words = _WordWidths(self._table)
        self.space = self._words[" "]

    def width(self, s: str) -> float:
        """Width of ``s``, remembered (for words: a map has few distinct ones)."""
        return self._words[s]

    def measure(self, s: str) -> float:
        """Width of ``s``, not remembered (for whole lines, which rarely repeat)."""
        return sum(map(self._table.__getitem__, s))


REGULAR = _Font(_DATA["fonts"]["regular"], FONT_PX)
BOLD = _Font(_DATA["fonts"]["bold"], FONT_PX)
LABEL = _Font(_DATA["fonts"]["bold"], LABEL_PX)
LINE_HEIGHT = REGULAR.line_height


def wrap(text: str, font: _Font = REGULAR, max_width: float = MAX_TEXT_WIDTH) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``max_width``.

    Explicit newlines are kept; a word longer than a line is broken.
    """
    return _wrap(text, font, max_width)[0]


def _wrap(text: str, font: _Font, max_width: float) -> tuple[list[str], list[float]]:
    """The lines, and each line's width summed word by word (equal to the line's
    width up to rounding in the last bits)."""
    lines: list[str] = []
    widths: list[float] = []
    space = font.space
    known = font._words.__getitem__
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            widths.append(0.0)
            continue
        if len(words) == 1:  # a title, say
            ww = known(words[0])
            if ww <= max_width:
                lines.append(words[0])
                widths.append(ww)
                continue
        ws = list(map(known, words))
        i = 0
        cur = ws[0]
        start = len(lines)
        if cur <= max_width:
            for j, ww in enumerate(ws[1:], 1):
                add = cur + space + ww
                if add <= max_width:
                    cur = add
                elif ww <= max_width:  # (a word wider than a line always lands here)
                    lines.append(" ".join(words[i:j]))
                    widths.append(cur)
                    i, cur = j, ww
                else:
                    break
            else:
                lines.append(" ".join(words[i:]))
                widths.append(cur)
                continue
        del lines[start:], widths[start:]
        _wrap_long(words, ws, font, max_width, space, lines, widths)
    return lines, widths


def _wrap_long(words: list[str], ws: list[float], font: _Font, max_width: float, space: float, lines: list[str],
               widths: list[float]) -> None:
    """Wrap a paragraph with a word longer than a line: that word is broken by characters."""
    n = len(ws)
    head = ""   # the last piece of a broken word, starting the current line
    i = j = 0   # the current line holds head and words[i:j]
    cur = 0.0
    while j < n:
        ww = ws[j]
        if ww > max_width:  # break an over-long word by characters
            if head or j > i:
                lines.append(" ".join(([head] if head else []) + words[i:j]))
                widths.append(cur)
            piece = ""
            for ch in words[j]:
                if font.measure(piece + ch) > max_width and piece:
                    lines.append(piece)
                    widths.append(font.measure(piece))
                    piece = ""
                piece += ch
            head, cur = piece, font.measure(piece)
            j += 1
            i = j
            continue
        if not head and j == i:
            cur = ww
        else:
            add = cur + space + ww
            if add <= max_width:
                cur = add
            else:
                lines.append(" ".join(([head] if head else []) + words[i:j]))
                widths.append(cur)
                head, i, cur = "", j, ww
        j += 1
    lines.append(" ".join(([head] if head else []) + words[i:j]))
    widths.append(cur)


def _widest(font: _Font, lines: list[str], sums: list[float]) -> float:
    """The exact width of the widest line: only lines whose word sum is (nearly) the largest are measured."""
    if len(lines) < 2:
        return font.measure(lines[0]) if lines else 0.0
    top = max(sums) - 1e-6
    return max(font.measure(line) for line, w in zip(lines, sums) if w >= top)


class CardMetrics(FrozenRecord):
    """Where everything goes inside a card; offsets are from its top-left corner."""

    __slots__ = ("width", "height", "title_lines", "text_lines", "line_height", "label_y", "title_y", "text_y",
                 "compact", "text_x")
    width: float
    height: float
    title_lines: tuple[str, ...]
    text_lines: tuple[str, ...]
    line_height: float
    label_y: float      # baseline of the kind label (compact: of the first line, where the marker sits)
    title_y: float      # top of the first title line
    text_y: float       # top of the first text line
    compact: bool
    text_x: float       # left of the title and text lines

    def __new__(cls, width: float, height: float, title_lines: tuple[str, ...], text_lines: tuple[str, ...],
                line_height: float, label_y: float, title_y: float, text_y: float, compact: bool = False,
                text_x: float = PAD_X) -> CardMetrics:
        self = new_object(cls._Draft)
        self.width = width
        self.height = height
        self.title_lines = title_lines
        self.text_lines = text_lines
        self.line_height = line_height
        self.label_y = label_y
        self.title_y = title_y
        self.text_y = text_y
        self.compact = compact
        self.text_x = text_x
        self.__class__ = cls
        return self

    @property
    def size(self) -> tuple[float, float]:
        return (self.width, self.height)


SUM_ERROR = 1e-9  # far above the rounding difference of two sums of a line's ~40 character widths


_cards: dict[tuple[str, str, bool], CardMetrics] = {}


def card_metrics(text: str, title: str = "", compact: bool = False) -> CardMetrics:
    """Geometry of a statement card holding ``title`` (bold, optional) and ``text``; ``compact``: the
    title alone (the text when there is no title), without the kind label strip.  Remembered."""
    key = (text, title, bool(compact))
    m = _cards.get(key)
    if m is None:
        if _ahead:  # a helper is measuring cards: take its answers first
            _collect()
            m = _cards.get(key)
            if m is not None:
                return m
        m = _card_metrics(*key)
        if len(_cards) >= CARD_CACHE:
            _cards.clear()
        _cards[key] = m
    return m


def _card_metrics(text: str, title: str, compact: bool) -> CardMetrics:
    if compact:
        return _compact_metrics(text, title)
    title_lines: tuple[str, ...] = ()
    title_sums: list[float] = []
    if title.strip():
        lines, title_sums = _wrap(title, BOLD, MAX_TEXT_WIDTH)
        title_lines = tuple(lines)
    lines, sums = _wrap(text or " ", REGULAR, MAX_TEXT_WIDTH)
    text_lines = tuple(lines)
    # The widest line's word-by-word sum differs from its exact width (the sum of its characters) by
    # rounding in the last bits only (~1e-12): when the card's width, rounded, is the same on both
    # sides of the sum, it is the exact width's too, and no line needs measuring.
    approx = max(max(title_sums, default=0.0), max(sums))
    width = _card_width(approx - SUM_ERROR)
    if width != _card_width(approx + SUM_ERROR):
        widest = max(_widest(BOLD, list(title_lines), title_sums) if title_lines else 0.0,
                     _widest(REGULAR, lines, sums))
        width = _card_width(widest)
    lh = LINE_HEIGHT
    label_y = PAD_Y + LABEL.ascent
    title_y = PAD_Y + LABEL_HEIGHT
    text_y = title_y + (len(title_lines) * lh + TITLE_GAP if title_lines else 0.0)
    height = text_y + len(text_lines) * lh + PAD_Y
    return CardMetrics(width, round(height, 2), title_lines, text_lines, lh, label_y, title_y, text_y)


def _card_width(widest: float) -> float:
    """A full card's width (rounded) for its widest line."""
    return round(max(MIN_CARD_WIDTH, min(MAX_TEXT_WIDTH, widest) + 2 * PAD_X), 2)


def _balanced(text: str, font: _Font, room: float) -> tuple[list[str], float]:
    """Wrap ``text`` into as few lines as fit ``room``, as evenly long as possible (no lone last
    word): the narrowest width that still needs no more lines.  Returns the lines and their width."""
    lines, sums = _wrap(text, font, room)
    best, width = lines, _widest(font, lines, sums)
    if len(lines) > 1:
        lo, hi = max(sums) / len(lines), width
        for _ in range(12):
            mid = (lo + hi) / 2
            cand, csums = _wrap(text, font, mid)
            if len(cand) <= len(lines):
                best, width, hi = cand, _widest(font, cand, csums), mid
            else:
                lo = mid
            if hi - lo < 1.0:
                break
    return best, width


def _compact_metrics(text: str, title: str) -> CardMetrics:
    room = COMPACT_TEXT_WIDTH - MARKER_INDENT
    if title.strip():
        lines, widest = _balanced(title.strip(), BOLD, room)
        title_lines, text_lines = tuple(lines), ()
    else:
        lines, widest = _balanced(text.strip() or " ", REGULAR, room)
        title_lines, text_lines = (), tuple(lines)
    lh = LINE_HEIGHT
    width = max(COMPACT_MIN_WIDTH, min(room, widest) + MARKER_INDENT + 2 * PAD_X)
    top = COMPACT_PAD_Y
    height = top + (len(title_lines) + len(text_lines)) * lh + COMPACT_PAD_Y
    label_y = top + lh / 2 + MARKER_DROP  # so that the marker (drawn MARKER_DROP above it) centres on line one
    return CardMetrics(round(width, 2), round(height, 2), title_lines, text_lines, lh, label_y, top, top,
                       compact=True, text_x=PAD_X + MARKER_INDENT)


def compact_cards(amap_or_meta) -> bool:
    """Whether a map (or its ``meta`` mapping) shows compact, titles-only cards (``meta.card_text``)."""
    meta = getattr(amap_or_meta, "meta", amap_or_meta)
    return meta.get(CARD_TEXT_KEY, CARD_TEXT_FULL) == CARD_TEXT_TITLES


def card_size_in(amap, statement) -> tuple[float, float]:
    """Width and height of ``statement``'s card as ``amap`` shows cards (full or compact, from its
    meta), whether or not the statement is in the map yet."""
    return card_metrics(statement.text, statement.title, compact_cards(amap)).size


def statement_size(amap, sid: str) -> tuple[float, float]:
    """Width and height of statement ``sid``'s card in ``amap``."""
    return card_size_in(amap, amap.statements[sid])


def map_sizes(amap) -> dict[str, tuple[float, float]]:
    """Sizes of every statement and relation of ``amap``: cards for statements, junctions for relations."""
    compact = compact_cards(amap)
    if _ahead or len(amap.statements) >= PARALLEL_CARDS:
        measure_many([(st.text, st.title, compact) for st in amap.statements.values()])
    sizes = {sid: card_metrics(st.text, st.title, compact).size for sid, st in amap.statements.items()}
    for rid in amap.relations:
        sizes[rid] = (JUNCTION_SIZE, JUNCTION_SIZE)
    return sizes


# Measuring cards in a forked helper (:mod:`argmap.parallel`): the helper measures the cards in
# chunks from the front while this process measures chunks from the back, until they meet.  One
# started by :func:`measure_ahead` works while this process loads and prepares the layout.
_ahead: list[_Measuring] = []
CHUNK = 40  # cards per chunk


class _Measuring:
    """Cards being measured by a helper, chunk after chunk, and the chunks' answers taken so far."""

    def __init__(self, chunks: list[list[tuple[str, str, bool]]], helper: parallel.Helper) -> None:
        self.chunks, self.helper = chunks, helper
        self.keys = {k for chunk in chunks for k in chunk}
        self.front = 0  # chunks answered by the helper
        self.back = 0   # chunks measured here, from the last one

    @classmethod
    def start(cls, keys: list[tuple[str, str, bool]]) -> _Measuring | None:
        """A helper at work on ``keys`` (None when helpers are not granted or it cannot start)."""
        chunks = [keys[i:i + CHUNK] for i in range(0, len(keys), CHUNK)]
        helper = parallel.start(
            lambda data: marshal.dumps([CardMetrics._values(_card_metrics(*k)) for k in chunks[int(data)]]))
        if helper is None:
            return None
        try:
            for i in range(len(chunks)):
                helper.send(b"%d" % i)
        except parallel.HelperLost:
            helper.close()
            return None
        return cls(chunks, helper)

    def finish(self) -> None:
        """Measure chunks from the back until every chunk is measured, here or by the helper."""
        helper, n = self.helper, len(self.chunks)
        while self.front + self.back < n:
            try:
                while self.front + self.back < n and helper.ready():
                    self._take(helper.receive(), self.front)
                    self.front += 1
            except (parallel.HelperLost, ValueError, EOFError, TypeError):
                helper.close()  # what it answered stays; the rest is measured here
                while self.front + self.back < n:
                    self._measure(n - 1 - self.back)
                    self.back += 1
                break
            if self.front + self.back < n:
                self._measure(n - 1 - self.back)
                self.back += 1
        helper.close()

    def _measure(self, i: int) -> None:
        if len(_cards) + CHUNK > CARD_CACHE:
            _cards.clear()
        for k in self.chunks[i]:
            if k not in _cards:
                _cards[k] = _card_metrics(*k)

    def _take(self, data: bytes, i: int) -> None:
        if len(_cards) + CHUNK > CARD_CACHE:
            _cards.clear()
        for k, fields in zip(self.chunks[i], marshal.loads(data)):
            _cards[k] = CardMetrics(*fields)


def measure_ahead(amap) -> None:
    """Start measuring ``amap``'s cards in a forked helper (when helpers are granted and the map
    has :data:`PARALLEL_CARDS` statements or more) and return at once; this process joins in
    (from the other end) when card geometry is next asked for."""
    if _ahead or len(amap.statements) < PARALLEL_CARDS or not parallel.usable():
        return
    compact = compact_cards(amap)
    todo = list(dict.fromkeys(k for k in ((st.text, st.title, compact) for st in amap.statements.values())
                              if k not in _cards))
    job = _Measuring.start(todo) if todo else None
    if job is not None:
        _ahead.append(job)


def measure_many(keys: list[tuple[str, str, bool]]) -> None:
    """Work out (and remember) the card geometry of every ``(text, title, compact)`` in ``keys``,
    with a helper when one can be had (or is at work already)."""
    todo = list(dict.fromkeys(k for k in keys if k not in _cards))
    if _ahead:
        theirs = set().union(*(job.keys for job in _ahead))
        todo = [k for k in todo if k not in theirs]
    elif len(todo) > CHUNK:
        job = _Measuring.start(todo)
        if job is not None:
            _ahead.append(job)
            todo = []
    if len(_cards) + len(todo) > CARD_CACHE:
        _cards.clear()
    for k in todo:
        if k not in _cards:
            _cards[k] = _card_metrics(*k)
    _collect()


def _collect() -> None:
    """Finish the cards helpers are measuring (measuring from the back here meanwhile)."""
    while _ahead:
        _ahead.pop().finish()
