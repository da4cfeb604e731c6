"""Card geometry without Qt: where the kind label, title and text lines go, and how big a card is.

The GUI, the exporters and ``argmap layout`` all size and wrap cards with :func:`card_metrics`, and
every device draws exactly the lines it returns, so a map laid out on the command line looks right
when opened.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from .fonts import BOLD, LABEL, LINE_HEIGHT, MAX_TEXT_WIDTH, REGULAR, Font, widest, wrap_widths

if TYPE_CHECKING:
    from typing import Any

    from ..model import ArgumentMap, Statement

PAD_X = 10.0
PAD_Y = 8.0
LABEL_HEIGHT = 15.0  # kind label strip, including its gap to the text
TITLE_GAP = 3.0  # between the bold title and the text
MIN_CARD_WIDTH = 120.0
JUNCTION_SIZE = 12.0  # relations are drawn as a small junction node
# Compact cards (a map whose ``meta.card_text`` is "titles"): the bold title alone, the kind shown by
# the marker before it and the card's colour and border instead of a label strip; the full text
# stays in the inspector, tooltips, the outline and the source panel.
CARD_TEXT_KEY = "card_text"
CARD_TEXT_FULL = "full"
CARD_TEXT_TITLES = "titles"
COMPACT_TEXT_WIDTH = 200.0
COMPACT_MIN_WIDTH = 80.0
COMPACT_PAD_Y = 5.0
MARKER_INDENT = 13.0  # room for the kind marker left of a compact card's first line
MARKER_DROP = 3.6  # the kind marker's centre sits this far above the label baseline
CARD_CACHE = 100_000  # card geometries remembered
LABEL_Y = PAD_Y + LABEL.ascent  # a full card's kind label: its baseline
TITLE_Y = PAD_Y + LABEL_HEIGHT  # a full card's first title line: its top


class CardMetrics(NamedTuple):
    """Where everything goes inside a card; offsets are from its top-left corner.

    Immutable, as the cache shares it; a named tuple rather than a frozen dataclass, as a map makes
    one per card and a frozen dataclass sets each field through ``object.__setattr__``."""

    width: float
    height: float
    title_lines: tuple[str, ...]
    text_lines: tuple[str, ...]
    line_height: float
    label_y: float  # baseline of the kind label (compact: of the first line, where the marker sits)
    title_y: float  # top of the first title line
    text_y: float  # top of the first text line
    compact: bool = False
    text_x: float = PAD_X  # left of the title and text lines

    @property
    def size(self) -> tuple[float, float]:
        return (self.width, self.height)

    def replace(self, **changes: Any) -> CardMetrics:
        """A copy with ``changes`` (field name -> value)."""
        return self._replace(**changes)


# how near (in hundredths) a width may come to a half hundredth before the line is measured exactly:
# far above the rounding difference of two sums of a line's ~40 character widths
NEAR_HALF = 1e-6


_cards: dict[tuple[str, str, bool], CardMetrics] = {}


def card_metrics(text: str, title: str = "", compact: bool = False) -> CardMetrics:
    """Geometry of a statement card holding ``title`` (bold, optional) and ``text``; ``compact``: the
    title alone (the text when there is no title), without the kind label strip.  Remembered."""
    key = (text, title, bool(compact))
    m = _cards.get(key)
    if m is None:
        m = _card_metrics(*key)
        if len(_cards) >= CARD_CACHE:
            _cards.clear()
        _cards[key] = m
    return m


def statement_metrics(statement: Statement, compact: bool = False) -> CardMetrics:
    """Geometry of ``statement``'s card: its title and text as cards show them (an implicit
    statement's in brackets)."""
    return card_metrics(statement.shown_text, statement.shown_title, compact)


def _card_metrics(text: str, title: str, compact: bool) -> CardMetrics:
    if compact:
        return _compact_metrics(text, title)
    title_lines: tuple[str, ...] = ()
    title_sums: list[float] = []
    if title.strip():
        lines, title_sums = wrap_widths(title, BOLD, MAX_TEXT_WIDTH)
        title_lines = tuple(lines)
    lines, sums = wrap_widths(text or " ", REGULAR, MAX_TEXT_WIDTH)
    text_lines = tuple(lines)
    # The widest line's word-by-word sum differs from its exact width (the sum of its characters) by
    # rounding in the last bits only (~1e-12): unless the card's width lies that close to a point
    # where rounding it to hundredths goes the other way, the sum's rounded width is the exact
    # width's too, and no line needs measuring.
    approx = max(title_sums + sums)
    unrounded = _card_width(approx)
    width = round(unrounded, 2)
    if abs(unrounded * 100.0 % 1.0 - 0.5) < NEAR_HALF:
        wide = max(widest(BOLD, list(title_lines), title_sums) if title_lines else 0.0, widest(REGULAR, lines, sums))
        width = round(_card_width(wide), 2)
    text_y, height = _rows(len(title_lines), len(text_lines))
    return CardMetrics(width, height, title_lines, text_lines, LINE_HEIGHT, LABEL_Y, TITLE_Y, text_y)


@cache
def _rows(title_count: int, text_count: int) -> tuple[float, float]:
    """The top of a full card's first text line, and the card's height (rounded), for its numbers of
    title and text lines: a few pairs serve every card of a map."""
    text_y = TITLE_Y + (title_count * LINE_HEIGHT + TITLE_GAP if title_count else 0.0)
    return text_y, round(text_y + text_count * LINE_HEIGHT + PAD_Y, 2)


def _card_width(line_width: float) -> float:
    """A full card's width for its widest line (before rounding to hundredths)."""
    return max(MIN_CARD_WIDTH, min(MAX_TEXT_WIDTH, line_width) + 2 * PAD_X)


def _balanced(text: str, font: Font, room: float) -> tuple[list[str], float]:
    """Wrap ``text`` into as few lines as fit ``room``, as evenly long as possible (no lone last
    word): the narrowest width that still needs no more lines.  Returns the lines and their width."""
    lines, sums = wrap_widths(text, font, room)
    best, width = lines, widest(font, lines, sums)
    if len(lines) > 1:
        lo, hi = max(sums) / len(lines), width
        for _ in range(12):
            mid = (lo + hi) / 2
            cand, csums = wrap_widths(text, font, mid)
            if len(cand) <= len(lines):
                best, width, hi = cand, widest(font, cand, csums), mid
            else:
                lo = mid
            if hi - lo < 1.0:
                break
    return best, width


def _compact_metrics(text: str, title: str) -> CardMetrics:
    room = COMPACT_TEXT_WIDTH - MARKER_INDENT
    title_lines: tuple[str, ...]
    text_lines: tuple[str, ...]
    if title.strip():
        lines, wide = _balanced(title.strip(), BOLD, room)
        title_lines, text_lines = tuple(lines), ()
    else:
        lines, wide = _balanced(text.strip() or " ", REGULAR, room)
        title_lines, text_lines = (), tuple(lines)
    lh = LINE_HEIGHT
    width = max(COMPACT_MIN_WIDTH, min(room, wide) + MARKER_INDENT + 2 * PAD_X)
    top = COMPACT_PAD_Y
    height = top + (len(title_lines) + len(text_lines)) * lh + COMPACT_PAD_Y
    label_y = top + lh / 2 + MARKER_DROP  # so that the marker (drawn MARKER_DROP above it) centres on line one
    return CardMetrics(
        round(width, 2),
        round(height, 2),
        title_lines,
        text_lines,
        lh,
        label_y,
        top,
        top,
        compact=True,
        text_x=PAD_X + MARKER_INDENT,
    )


def compact_cards(amap_or_meta: ArgumentMap | Mapping[str, Any]) -> bool:
    """Whether a map (or its ``meta`` mapping) shows compact, titles-only cards (``meta.card_text``)."""
    meta = amap_or_meta if isinstance(amap_or_meta, Mapping) else amap_or_meta.meta
    return bool(meta.get(CARD_TEXT_KEY, CARD_TEXT_FULL) == CARD_TEXT_TITLES)


def card_size_in(amap: ArgumentMap, statement: Statement) -> tuple[float, float]:
    """Width and height of ``statement``'s card as ``amap`` shows cards (full or compact, from its
    meta), whether or not the statement is in the map yet."""
    return statement_metrics(statement, compact_cards(amap)).size


def statement_size(amap: ArgumentMap, sid: str) -> tuple[float, float]:
    """Width and height of statement ``sid``'s card in ``amap``."""
    return card_size_in(amap, amap.statements[sid])


def map_sizes(amap: ArgumentMap) -> dict[str, tuple[float, float]]:
    """Sizes of every statement and relation of ``amap``: cards for statements, junctions for relations."""
    compact = compact_cards(amap)
    sizes = {sid: statement_metrics(st, compact).size for sid, st in amap.statements.items()}
    for rid in amap.relations:
        sizes[rid] = (JUNCTION_SIZE, JUNCTION_SIZE)
    return sizes
