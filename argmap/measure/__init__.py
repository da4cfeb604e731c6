"""Card measurement without Qt: the bundled fonts' metrics, word wrap and card geometry.

Shared by the layout, the drawing and the editor, so that every one of them sizes a card alike.
"""
from .cards import (
    CARD_CACHE,
    CARD_TEXT_FULL,
    CARD_TEXT_KEY,
    CARD_TEXT_TITLES,
    COMPACT_MIN_WIDTH,
    COMPACT_PAD_Y,
    COMPACT_TEXT_WIDTH,
    JUNCTION_SIZE,
    LABEL_HEIGHT,
    MARKER_DROP,
    MARKER_INDENT,
    MIN_CARD_WIDTH,
    PAD_X,
    PAD_Y,
    TITLE_GAP,
    CardMetrics,
    card_metrics,
    card_size_in,
    compact_cards,
    map_sizes,
    statement_size,
)
from .fonts import (
    BOLD,
    FONT_FAMILY,
    FONT_PX,
    LABEL,
    LABEL_PX,
    LINE_HEIGHT,
    MAX_TEXT_WIDTH,
    REGULAR,
    Font,
    font,
    widest,
    wrap,
    wrap_widths,
)

__all__ = [
    "BOLD", "CARD_CACHE", "CARD_TEXT_FULL", "CARD_TEXT_KEY", "CARD_TEXT_TITLES", "COMPACT_MIN_WIDTH",
    "COMPACT_PAD_Y", "COMPACT_TEXT_WIDTH", "FONT_FAMILY", "FONT_PX", "JUNCTION_SIZE", "LABEL", "LABEL_HEIGHT",
    "LABEL_PX", "LINE_HEIGHT", "MARKER_DROP", "MARKER_INDENT", "MAX_TEXT_WIDTH", "MIN_CARD_WIDTH", "PAD_X",
    "PAD_Y", "REGULAR", "TITLE_GAP", "CardMetrics", "Font", "card_metrics", "card_size_in", "compact_cards",
    "font", "map_sizes", "statement_size", "widest", "wrap", "wrap_widths",
]
