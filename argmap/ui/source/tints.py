"""Kind-coloured tints of anchored passages, painted under the visible text only (fast with thousands)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QTextEdit

from ...model import Kind
from ..paint.theme import Theme


@dataclass(frozen=True)
class Tint:
    """One anchored passage to colour: ``[start, end)`` in code points."""

    statement: str
    kind: Kind
    start: int
    end: int


def tint_segments(tints: list[Tint]) -> list[tuple[int, int, list[Tint]]]:
    """Cut the text at every tint boundary: ``(start, end, covering tints innermost first)``
    for each stretch that some tint covers."""
    bounds = sorted({t.start for t in tints} | {t.end for t in tints})
    by_start = sorted(tints, key=lambda t: t.start)
    out: list[tuple[int, int, list[Tint]]] = []
    active: list[Tint] = []
    k = 0
    for a, b in zip(bounds, bounds[1:]):
        while k < len(by_start) and by_start[k].start <= a:
            active.append(by_start[k])
            k += 1
        active = [t for t in active if t.end > a]
        if active:
            out.append((a, b, sorted(active, key=lambda t: (t.end - t.start, t.start))))
    return out


def tint_style(covering: list[Tint], selected: bool, theme: Theme) -> tuple[QColor, QColor | None]:
    """Background in the innermost passage's kind colour, stronger where passages overlap
    or belong to a selected statement; a nested passage gets an underline in the outer one's colour."""
    colour = QColor(theme.kind[covering[0].kind])
    alpha = (80 if theme.dark else 52) + 34 * min(len(covering) - 1, 3) + (70 if selected else 0)
    colour.setAlpha(min(alpha, 220))
    return colour, QColor(theme.kind[covering[-1].kind]) if len(covering) > 1 else None


class TintLayer:
    """Paints the segments under a text edit's text, for the visible part only, so the cost
    does not grow with the number of passages or the length of the source.  Segments are
    kept in Qt (UTF-16) positions."""

    def __init__(self, edit: QTextEdit, theme: Callable[[], Theme]) -> None:
        self.edit = edit
        self._theme = theme
        self.segs: list[tuple[int, int, list[Tint]]] = []
        self._ends: list[int] = []
        self.selected: set[str] = set()

    def set_segments(self, segs: list[tuple[int, int, list[Tint]]]) -> None:
        self.segs = segs
        self._ends = [b for _, b, _ in segs]
        self.edit.viewport().update()

    def segment_at(self, pos: int) -> tuple[int, int, list[Tint]] | None:
        k = bisect_right(self._ends, pos)
        if k < len(self.segs) and self.segs[k][0] <= pos:
            return self.segs[k]
        return None

    def style_at(self, pos: int) -> tuple[QColor, QColor | None] | None:
        seg = self.segment_at(pos)
        if seg is None:
            return None
        return tint_style(seg[2], any(t.statement in self.selected for t in seg[2]), self._theme())

    def paint(self, painter: QPainter, clip: QRect) -> None:
        if not self.segs:
            return
        edit = self.edit
        doc = edit.document()
        layout = doc.documentLayout()
        dx, dy = edit.horizontalScrollBar().value(), edit.verticalScrollBar().value()
        first = edit.cursorForPosition(clip.topLeft()).position()
        last = edit.cursorForPosition(clip.bottomRight()).position()
        lo = doc.findBlock(first).position()
        last_block = doc.findBlock(last)
        hi = last_block.position() + last_block.length()
        theme = self._theme()
        k = bisect_right(self._ends, lo)
        while k < len(self.segs) and self.segs[k][0] < hi:
            a, b, covering = self.segs[k]
            k += 1
            fill, underline = tint_style(covering, any(t.statement in self.selected for t in covering), theme)
            block = doc.findBlock(a)
            while block.isValid() and block.position() < b:
                bl = block.layout()
                top = layout.blockBoundingRect(block).topLeft()
                start, end = max(a, block.position()) - block.position(), min(b, hi) - block.position()
                for i in range(bl.lineCount()):
                    line = bl.lineAt(i)
                    s, e = max(start, line.textStart()), min(end, line.textStart() + line.textLength())
                    if e <= s:
                        continue
                    x0, _ = line.cursorToX(s)
                    x1, _ = line.cursorToX(e)
                    r = QRectF(top.x() + min(x0, x1) - dx, top.y() + line.y() - dy, abs(x1 - x0), line.height())
                    painter.fillRect(r, fill)
                    if underline is not None:
                        painter.fillRect(QRectF(r.left(), r.bottom() - 2, r.width(), 2), underline)
                block = block.next()
