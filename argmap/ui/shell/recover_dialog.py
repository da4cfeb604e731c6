"""The Recover dialog at start-up: maps left unsaved by a crash or kill, to restore, keep for later or discard."""

from __future__ import annotations

import logging
import os
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...io.recovery import RecoveryEntry

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow
    from .window_manager import WindowManager

RESTORE, KEEP, DISCARD = "restore", "keep", "discard"
ACTIONS = ((RESTORE, "Restore"), (KEEP, "Keep for later"), (DISCARD, "Discard"))
COLUMNS = ("Map", "Last change", "Belongs to", "What to do")

log = logging.getLogger(__name__)


def when(seconds: float) -> str:
    """A recovery copy's time as the user reads it: local date and time to the minute."""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(seconds))


def belongs_to(entry: RecoveryEntry) -> str:
    """The file a recovered map belongs to, with the home folder as ``~``, or a word for an untitled map."""
    if not entry.original:
        return "not saved yet (untitled)"
    home = os.path.expanduser("~")
    if home not in ("", "~", os.sep) and entry.original.startswith(home + os.sep):
        return "~" + entry.original[len(home) :]
    return entry.original


class RecoverDialog(QDialog):
    """Lists the recovered maps, one row each, with a choice per map (restore by default)."""

    def __init__(self, entries: list[RecoveryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = list(entries)
        self.setWindowTitle("Recover unsaved maps — argmap")
        self.setModal(True)
        layout = QVBoxLayout(self)
        count = len(self.entries)
        heading = QLabel(f"<b>Recover {'an unsaved map' if count == 1 else f'{count} unsaved maps'}</b>")
        layout.addWidget(heading)
        intro = QLabel(
            "argmap did not close properly last time, and these changes were never saved. "
            "<b>Restore</b> opens a map with its changes, to save when you are ready; "
            "<b>Keep for later</b> asks again at the next start; <b>Discard</b> throws the changes away."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(count, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.combos: list[QComboBox] = []
        for row, entry in enumerate(self.entries):
            for col, text in enumerate((entry.title, when(entry.saved), belongs_to(entry))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
            combo = QComboBox(self.table)
            for value, label in ACTIONS:
                combo.addItem(label, value)
            combo.setAccessibleName(f"What to do with {entry.title}")
            self.table.setCellWidget(row, len(COLUMNS) - 1, combo)
            self.combos.append(combo)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        # as tall as its rows (a long list scrolls); the choices, not the cells, take the keyboard focus
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText("Apply")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText("Decide Later")
            cancel.setToolTip("Keep every map for the next start")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, min(self.sizeHint().height(), 560))

    def set_choice(self, row: int, action: str) -> None:
        combo = self.combos[row]
        combo.setCurrentIndex(combo.findData(action))

    def choices(self) -> list[tuple[RecoveryEntry, str]]:
        """Each map with what the user chose for it."""
        return [(entry, str(combo.currentData())) for entry, combo in zip(self.entries, self.combos)]


def offer_recovery(manager: WindowManager, parent: QWidget | None = None) -> list[MainWindow]:
    """At start-up: when maps were left unsaved by an argmap that is no longer running, ask what to do with
    each and do it; returns the windows of the restored maps. Cancel keeps every map for the next start."""
    entries = manager.recovery.orphaned(manager.recovery_keys())
    if not entries:
        return []
    dialog = RecoverDialog(entries, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    choices = dialog.choices() if accepted else []
    dialog.deleteLater()
    restored: list[MainWindow] = []
    for entry, action in choices:
        if action == RESTORE:
            window = manager.restore(entry)
            if window is not None:
                restored.append(window)
        elif action == DISCARD:
            try:
                manager.recovery.remove(entry.key)
            except OSError:
                log.exception("could not discard the recovery copy of %s", entry.title)
    log.info("recovery: %s", ", ".join(f"{os.path.basename(e.map_path)} {a}" for e, a in choices) or "decided later")
    return restored
