"""Small dialogs of the source panel: a source's details (title, author, URL, date) and its text."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

DETAIL_FIELDS = ("title", "author", "url", "date")


class SourceDetailsDialog(QDialog):
    """Title, author, URL and date of a source (all optional, all free text)."""

    def __init__(self, details: dict[str, str], parent: QWidget | None = None, heading: str = "Source details") -> None:
        super().__init__(parent)
        self.setWindowTitle(heading)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        placeholders = {
            "title": "Title of the article",
            "author": "Who wrote it",
            "url": "https://…",
            "date": "e.g. 2023-09-14",
        }
        for name in DETAIL_FIELDS:
            edit = QLineEdit(details.get(name, ""))
            edit.setPlaceholderText(placeholders[name])
            edit.setObjectName(f"source_{name}")
            edit.setMinimumWidth(360)
            self.edits[name] = edit
            form.addRow({"url": "&URL:"}.get(name, f"&{name.capitalize()}:"), edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.edits.items()}

    @classmethod
    def ask(
        cls, details: dict[str, str], parent: QWidget | None = None, heading: str = "Source details"
    ) -> dict[str, str] | None:
        dlg = cls(details, parent, heading)
        return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None


class SourceTextDialog(QDialog):
    """The full text of a source, editable; anchors are found again after the change."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit text of “{title}”" if title else "Edit source text")
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(text)
        self.editor.setMinimumSize(560, 420)
        note = QLabel(
            "Passages used by statements are found again after your edit; a passage that is gone is marked broken."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.editor.toPlainText()

    @classmethod
    def ask(cls, title: str, text: str, parent: QWidget | None = None) -> str | None:
        dlg = cls(title, text, parent)
        return dlg.text() if dlg.exec() == QDialog.DialogCode.Accepted else None
