"""The message shown when a file cannot be opened: what is wrong, in full, and what the user can do."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox, QWidget

from ...io import MapFileError

DAMAGED_ADVICE = (
    "What to do: open a backup or an earlier copy of the file (from a backup drive, a cloud folder's "
    "version history or version control). If argmap was editing this map when something went wrong, "
    "argmap offers its recovery copy when it next starts. To repair the file by hand, open it in a text "
    "editor at the place named above."
)
MISSING_ADVICE = "What to do: the file was moved, renamed or deleted; open it from where it is now."


def open_error_text(error: MapFileError) -> str:
    """The dialog's text: a plain first sentence, the error line in full (file, place, problem), and advice."""
    name = os.path.basename(error.path) or error.path
    if not os.path.exists(error.path):
        return f"“{name}” cannot be opened: it is not there.\n\n{error}\n\n{MISSING_ADVICE}"
    if os.path.isdir(error.path) or error.message.startswith("cannot read"):
        return f"“{name}” cannot be opened.\n\n{error}"
    # the error line says "damaged" itself when the file is not JSON; say it first otherwise
    why = "" if "damaged" in error.message else ": the file is damaged or is not a map argmap reads"
    return f"“{name}” cannot be opened{why}.\n\n{error}\n\n{DAMAGED_ADVICE}"


def show_open_error(parent: QWidget | None, title: str, error: MapFileError) -> None:
    """Tell the user, in a message box, why a file did not open (nothing else changes)."""
    QMessageBox.critical(parent, title, open_error_text(error))
