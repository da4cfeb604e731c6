"""Edit › Preferences: the settings a user chooses (who the analyst is), stored with ``settings``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from . import settings

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow


class PreferencesDialog(QDialog):
    """The analyst's name: the author of the PDFs exported from maps that do not name their own analyst."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences — argmap")
        self.analyst = QLineEdit(settings.analyst())
        self.analyst.setPlaceholderText(settings.login_name() or "Your name")
        self.analyst.setAccessibleName("Analyst")
        note = QLabel(
            "The analyst is named as the author of exported PDFs. A map can name its own analyst "
            "(Inspector, with nothing selected); the authors of its sources go in the PDF's title."
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Analyst (your name)", self.analyst)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def apply(self) -> None:
        settings.set_analyst(self.analyst.text())


def edit_preferences(w: MainWindow) -> bool:
    """Show the dialog; on OK store the choices and show them in every window. True when stored."""
    dialog = PreferencesDialog(w)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        dialog.apply()
    finally:
        dialog.deleteLater()
    for win in w.manager.windows:
        win.show_analyst_default()
    return True
