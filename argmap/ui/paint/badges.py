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

_BADGES: dict[tuple[int, int], Picture] = {}  # (number, palette) -> the badge of a card at the origin


def draw_number(
    painter: QPainter, rect: QRectF, statement: Statement, metrics: CardMetrics, n: int, theme: Theme
) -> None:
    """Card ``rect``'s number ``n`` on its badge (made once per number and palette)."""
    key = (n, id(theme.palette))  # palettes are module constants
    pic = _BADGES.get(key)
    if pic is None:
        pic = Picture()
        numbers.draw_numbers(
            pic, [((0.0, 0.0, rect.width(), rect.height()), statement, metrics)], {statement.id: n}, theme.palette
        )
        if len(_BADGES) < 20_000:
            _BADGES[key] = pic
    painter.save()
    painter.translate(rect.topLeft())
    play(painter, pic)
    painter.restore()
