"""The read-only text of one source: tinted passages, click to select, Ctrl+click for a sentence, drag a passage."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFocusEvent,
    QFont,
    QFontDatabase,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QFrame, QTextEdit, QWidget

from ...model import Kind, Source
from ...model.passages import PASSAGE_MIME, Passage, Utf16Map, snap_to_words, trim_range
from ...model.text import sentence_at
from ..paint.theme import theme_for
from .claimed_keys import ClaimsKeys
from .tints import Tint, TintLayer, tint_segments

SERIF_FAMILIES = ("Charter", "Georgia", "Source Serif 4", "Noto Serif", "DejaVu Serif", "Liberation Serif")
TEXT_POINT_SIZE = 12
FLASH_MS = 1400
FOCUS_FRAME = 2  # pixels: the frame around the text while it has the keyboard focus


def reading_font() -> QFont:
    families = set(QFontDatabase.families())
    family = next((f for f in SERIF_FAMILIES if f in families), None)
    font = QFont(family) if family else QFont()
    if not family:
        font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSize(TEXT_POINT_SIZE)
    return font


class SourceTextView(ClaimsKeys, QTextEdit):
    """Shows one source read-only.  ``statements_clicked(ids)`` when a tinted passage is
    clicked (innermost first); the selection is a :class:`Passage` (``passage()``)."""

    statements_clicked = Signal(list)
    passage_changed = Signal()

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_id = source.id
        self._text = ""
        self._map = Utf16Map("")
        self._tints: list[Tint] = []
        self._segments: list[tuple[int, int, list[Tint]]] = []
        self._selected: set[str] = set()
        self._flash: QTextEdit.ExtraSelection | None = None
        self._press: QPoint | None = None
        self._sentence_press = False
        self._claimed: list[QAction] = []
        self._anim = QVariantAnimation(self)
        self._anim.setDuration(FLASH_MS)
        self._anim.setStartValue(210)
        self._anim.setEndValue(0)
        self._anim.valueChanged.connect(self._on_flash_step)
        self._anim.finished.connect(self._on_flash_finished)
        self.setReadOnly(True)
        self.setCursorWidth(2)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFont(reading_font())
        self.document().setDocumentMargin(16)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.selectionChanged.connect(self.passage_changed)
        self.tint_layer = TintLayer(self, lambda: theme_for(self.palette()))
        self.set_source(source)

    # ------------------------------------------------------------- content
    @property
    def text(self) -> str:
        return self._text

    def set_source(self, source: Source) -> None:
        if source.text == self._text and self.document().characterCount() > 1:
            return
        self._text = source.text
        self._map = Utf16Map(source.text)
        self.setPlainText(source.text)
        cur = QTextCursor(self.document())
        cur.select(QTextCursor.SelectionType.Document)
        fmt = QTextBlockFormat()
        fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(9)
        cur.mergeBlockFormat(fmt)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._tints, self._segments = [], []
        self.tint_layer.reset()
        self._apply_extra()

    # ----------------------------------------------------------- positions
    def to_qt(self, cp: int) -> int:
        return self._map.to_utf16(cp)

    def to_cp(self, pos: int, round_up: bool = False) -> int:
        return self._map.to_cp(pos, round_up)

    def passage(self) -> Passage | None:
        """The selected passage in code points, trimmed of white space at its ends and grown to whole
        words (so a drag and the make actions anchor the same range), or None."""
        cur = self.textCursor()
        if not cur.hasSelection():
            return None
        start, end = trim_range(
            self._text, self.to_cp(cur.selectionStart()), self.to_cp(cur.selectionEnd(), round_up=True)
        )
        start, end = snap_to_words(self._text, start, end)
        if end <= start:
            return None
        return Passage(self.source_id, start, end, self._text[start:end])

    def select_range(self, start: int, end: int, *, scroll: bool = True) -> None:
        """Select ``[start, end)`` (code points)."""
        cur = QTextCursor(self.document())
        cur.setPosition(self.to_qt(start))
        cur.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)
        if scroll:
            self.ensureCursorVisible()

    def offset_at(self, pos: QPoint) -> int | None:
        """The code point offset of the character under a viewport point (None off the text)."""
        q = (
            self.document()
            .documentLayout()
            .hitTest(
                pos + QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value()),
                Qt.HitTestAccuracy.ExactHit,
            )
        )
        if q < 0:
            return None
        cur = self.cursorForPosition(pos)
        p = cur.position()
        # hitTest(ExactHit) gives the boundary nearest the click: use the character the click is on
        if p > 0 and pos.x() < self.cursorRect(cur).x():
            p -= 1
        return min(self.to_cp(p), max(0, len(self._text) - 1))

    def statements_at(self, offset: int) -> list[str]:
        for a, b, covering in self._segments:
            if a <= offset < b:
                return [t.statement for t in covering]
        return []

    def scroll_to(self, start: int, end: int) -> None:
        """Scroll so that ``[start, end)`` sits in the upper middle of the view."""
        cur = QTextCursor(self.document())
        cur.setPosition(self.to_qt(start))
        top = self.cursorRect(cur).top() + self.verticalScrollBar().value()
        cur.setPosition(self.to_qt(end))
        bottom = self.cursorRect(cur).bottom() + self.verticalScrollBar().value()
        height = self.viewport().height()
        target = top - max(20, (height - (bottom - top)) // 3)
        self.verticalScrollBar().setValue(max(0, target))

    def is_visible_range(self, start: int) -> bool:
        cur = QTextCursor(self.document())
        cur.setPosition(self.to_qt(start))
        r = self.cursorRect(cur)
        return 0 <= r.top() and r.bottom() <= self.viewport().height()

    # --------------------------------------------------------------- tints
    def set_tints(self, tints: list[Tint], selected: set[str] | None = None) -> None:
        self._tints = tints
        self._segments = tint_segments(tints)
        if selected is not None:
            self._selected = set(selected)
            self.tint_layer.selected = self._selected
        self.tint_layer.set_segments([(self.to_qt(a), self.to_qt(b), cov) for a, b, cov in self._segments])
        self._apply_extra()

    def set_selected(self, ids: set[str]) -> None:
        if ids == self._selected:
            return
        touched = self._selected ^ ids
        self._selected = set(ids)
        self.tint_layer.selected = self._selected
        if any(t.statement in touched for t in self._tints):
            self.tint_layer.restyle()
            self._apply_extra()

    def segments(self) -> list[tuple[int, int, list[Tint]]]:
        return list(self._segments)

    def tint_style_at(self, offset: int) -> tuple[QColor, QColor | None] | None:
        """``(fill, underline or None)`` of the tint on the character at ``offset`` (code
        points), or None where the text is plain."""
        return self.tint_layer.style_at(self.to_qt(offset))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)  # the text, and its tints as extra selections
        if self.hasFocus():  # read-only text shows no caret by itself: frame the view that has the keys
            painter = QPainter(self.viewport())
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_FRAME))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = FOCUS_FRAME // 2
            painter.drawRect(self.viewport().rect().adjusted(half, half, -half - 1, -half - 1))
            painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.viewport().update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: tints in its colours
            self.tint_layer.restyle(theme=True)
            self._apply_extra()
        super().changeEvent(event)

    def _apply_extra(self) -> None:
        """The tints, and the fading flash over them."""
        tints = self.tint_layer.selections()
        self.setExtraSelections([*tints, self._flash] if self._flash is not None else tints)

    # --------------------------------------------------------------- flash
    def flash(self, start: int, end: int, kind: Kind | None = None) -> None:
        """Draw attention to ``[start, end)`` with a strong tint that fades."""
        theme = theme_for(self.palette())
        sel = QTextEdit.ExtraSelection()
        sel.cursor = QTextCursor(self.document())
        sel.cursor.setPosition(self.to_qt(start))
        sel.cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel.format = QTextCharFormat()
        self._flash_colour = QColor(theme.find if kind is None else theme.kind[kind])
        self._flash = sel
        self._anim.stop()
        self._anim.start()

    def flashing(self) -> tuple[int, int] | None:
        """The range being flashed (code points), for tests and the status line."""
        if self._flash is None:
            return None
        c = self._flash.cursor
        return self.to_cp(c.selectionStart()), self.to_cp(c.selectionEnd(), True)

    def end_flash(self) -> None:
        """Stop the flash now and take its tint away, as when it has faded."""
        self._anim.stop()
        self._on_flash_finished()

    def _on_flash_step(self, alpha: int) -> None:
        if self._flash is None:
            return
        colour = QColor(self._flash_colour)
        colour.setAlpha(int(alpha))
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        self._flash.format = fmt
        self._apply_extra()

    def _on_flash_finished(self) -> None:
        self._flash = None
        self._apply_extra()

    # ------------------------------------------------------------- gestures
    def claim_shortcuts(self, actions: list[QAction]) -> None:
        """Keys these actions answer while the text has focus, even if a window-wide action
        has the same key (Ctrl+1/2/3 also set the kind of the selected cards on the canvas)."""
        self._claimed = list(actions)

    def _claimable(self) -> list[QAction]:
        return self._claimed

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        self._sentence_press = False
        if event.button() == Qt.MouseButton.LeftButton and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            offset = self.offset_at(event.position().toPoint())
            span = sentence_at(self._text, offset) if offset is not None else None
            if span is not None:
                self._sentence_press = True
                self.select_range(*span, scroll=False)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._sentence_press:
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._sentence_press:
            self._sentence_press = False
            event.accept()
            return
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        pos = event.position().toPoint()
        if (
            press is None
            or event.button() != Qt.MouseButton.LeftButton
            or (pos - press).manhattanLength() >= QApplication.startDragDistance()
            or self.textCursor().hasSelection()
        ):
            return
        offset = self.offset_at(pos)
        ids = self.statements_at(offset) if offset is not None else []
        if ids:
            self.statements_clicked.emit(ids)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Plain text as usual, plus the passage for the canvas (dragging a selection)."""
        mime = super().createMimeDataFromSelection()
        # Qt's text-edit mime data lists only its own formats until it has built them:
        # build them now so hasFormat() sees the passage too
        mime.text()
        p = self.passage()
        if p is not None:
            mime.setData(PASSAGE_MIME, p.to_json())
        return mime
