"""In-place text editing of a card: Enter commits, Shift+Enter breaks the line, Escape cancels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyle, QStyleOptionGraphicsItem, QWidget

from ... import measure
from ..paint.theme import text_font
from .items import NodeItem


class CardEditor(QGraphicsTextItem):
    """A text editor laid over a card while it is being edited (a child of the card item)."""

    def __init__(
        self,
        node: NodeItem,
        text: str,
        on_commit: Callable[[str], None],
        on_cancel: Callable[[], None],
        select_all: bool = True,
    ) -> None:
        super().__init__(node)
        self.node = node
        self._on_commit = on_commit
        self._on_cancel = on_cancel
        self._done = False
        self.setFont(text_font())
        self.setDefaultTextColor(node.map_scene.theme.text)
        self.document().setDocumentMargin(0)
        self.setTextWidth(measure.MAX_TEXT_WIDTH + 2)
        self.setPlainText(text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        rect = node.card_rect()
        m = node.metrics
        if m.compact:  # the card shows only its title: the full text is edited over it
            self.setPos(rect.left() + m.text_x, rect.top() + m.title_y)
        else:
            self.setPos(
                rect.left() + measure.PAD_X,
                rect.top()
                + m.title_y
                + (len(m.title_lines) * m.line_height + measure.TITLE_GAP if m.title_lines else 0.0),
            )
        self.setZValue(5)
        cursor = self.textCursor()
        if select_all:
            cursor.select(QTextCursor.SelectionType.Document)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.End)
        self.setTextCursor(cursor)

    def text(self) -> str:
        return self.toPlainText().replace("\u2029", "\n").replace("\u2028", "\n")

    def boundingRect(self) -> QRectF:
        return super().boundingRect().adjusted(-measure.PAD_X + 2, -4, 4, 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme = self.node.map_scene.theme
        r = self.boundingRect()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(theme.selection, 1.5))
        painter.setBrush(theme.card[self.node.statement.kind])
        painter.drawRoundedRect(r, 4, 4)
        painter.restore()
        option.state = option.state & ~(QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected)
        super().paint(painter, option, widget)

    # --------------------------------------------------------------- keys
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")
            else:
                self.commit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        super().keyPressEvent(event)
        event.accept()  # keys typed here never reach the canvas

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if event.reason() not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
            self.commit()

    def commit(self) -> None:
        if self._done:
            return
        self._done = True
        self._on_commit(self.text().strip())

    def cancel(self) -> None:
        if self._done:
            return
        self._done = True
        self._on_cancel()
