"""A card's number badge on a QPainter (View > Show Card Numbers), drawn by ``draw.numbers`` as exports draw it."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from ...draw import numbers
from ...draw.picture import Picture
from ...measure import CardMetrics
from ...model import Statement
from .qpicture import play
from .theme import Theme

_BADGES: dict[tuple[int, int, int], Picture] = {}  # (number, palette, corner) -> a badge at that corner's point


def draw_number(
    painter: QPainter,
    rect: QRectF,
    statement: Statement,
    metrics: CardMetrics,
    n: int,
    theme: Theme,
    corner: int = numbers.TOP_LEFT,
) -> None:
    """Card ``rect``'s number ``n`` on its badge, on ``corner`` (``draw.numbers``; made once per
    number, corner and palette, at the corner's point)."""
    key = (n, id(theme.palette), corner)  # palettes are module constants
    pic = _BADGES.get(key)
    if pic is None:
        pic = Picture()
        numbers.draw_numbers(
            pic, [((0.0, 0.0, 0.0, 0.0), statement, metrics)], {statement.id: n}, theme.palette, {statement.id: corner}
        )
        if len(_BADGES) < 20_000:
            _BADGES[key] = pic
    right = corner in (numbers.BOTTOM_RIGHT, numbers.TOP_RIGHT)
    low = corner in (numbers.BOTTOM_LEFT, numbers.BOTTOM_RIGHT)
    painter.save()
    painter.translate(rect.right() if right else rect.left(), rect.bottom() if low else rect.top())
    play(painter, pic)
    painter.restore()
