"""Kind-coloured tints of anchored passages, drawn by the text edit with its text (as extra selections)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
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
    """The segments as the text edit's extra selections, so Qt draws them under the text in the same
    pass and from the same layout as the text: they are there from the first paint, whatever the
    edit's size, wrapping or scrolling, with no painting of our own to fall out of step.  Segments
    are kept in Qt (UTF-16) positions; the selections are rebuilt only when the segments, the
    selected statements or the theme change."""

    def __init__(self, edit: QTextEdit, theme: Callable[[], Theme]) -> None:
        self.edit = edit
        self._theme = theme
        self.segs: list[tuple[int, int, list[Tint]]] = []
        self._ends: list[int] = []
        self.selected: set[str] = set()
        self._selections: list[QTextEdit.ExtraSelection] | None = None
        self._by_key: dict[tuple, QTextEdit.ExtraSelection] = {}

    def set_segments(self, segs: list[tuple[int, int, list[Tint]]]) -> None:
        self.segs = segs
        self._ends = [b for _, b, _ in segs]
        self._selections = None

    def reset(self) -> None:
        """The text changed: no segments, and no selection kept (their cursors were in the old text)."""
        self.set_segments([])
        self._by_key = {}

    def restyle(self, theme: bool = False) -> None:
        """The selected statements (or, with ``theme``, the colours) changed: build the selections again."""
        self._selections = None
        if theme:
            self._by_key = {}

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

    def selections(self) -> list[QTextEdit.ExtraSelection]:
        """One extra selection per segment: its tint as the background, a nested passage underlined in
        the outer one's colour.  Segments whose range and look are unchanged keep their selection."""
        if self._selections is None:
            theme = self._theme()
            doc = self.edit.document()
            formats: dict[tuple[Kind, Kind, int, bool], QTextCharFormat] = {}
            old, self._by_key = self._by_key, {}
            out = []
            # inside an (empty) edit block a cursor does not lay its block out to find its x
            block = QTextCursor(doc)
            block.beginEditBlock()
            for a, b, covering in self.segs:
                selected = any(t.statement in self.selected for t in covering)
                look = (covering[0].kind, covering[-1].kind, min(len(covering), 4), selected)
                key = (a, b, look)
                sel = old.get(key)
                if sel is None:
                    fmt = formats.get(look)
                    if fmt is None:
                        fill, underline = tint_style(covering, selected, theme)
                        fmt = QTextCharFormat()
                        fmt.setBackground(fill)
                        if underline is not None:
                            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                            fmt.setUnderlineColor(underline)
                        formats[look] = fmt
                    sel = QTextEdit.ExtraSelection()
                    cursor = QTextCursor(doc)
                    cursor.setPosition(a)
                    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
                    sel.cursor = cursor
                    sel.format = fmt
                self._by_key[key] = sel
                out.append(sel)
            block.endEditBlock()
            self._selections = out
        return self._selections
