"""The start screen shown when argmap opens with no file: New, Open, recent files and the sample maps."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...io.native import EXTENSION
from ...resources import sample_paths
from . import settings
from .files import dropped_maps, open_filter

if TYPE_CHECKING:  # pragma: no cover
    from .window_manager import WindowManager

ROLE_PATH = Qt.ItemDataRole.UserRole


@lru_cache(maxsize=64)
def _sample_meta(path: str, mtime: float) -> tuple[str, str]:
    try:
        with open(path, encoding="utf-8") as fh:
            meta = json.load(fh).get("meta", {})
        return str(meta.get("title") or ""), str(meta.get("description") or "")
    except (OSError, ValueError, AttributeError):
        return "", ""


def _stem(path: Path) -> str:
    name = path.name
    return name[: -len(EXTENSION)] if name.lower().endswith(EXTENSION) else path.stem


def sample_title(path: Path | str) -> str:
    """The sample's map title, or its file name made readable."""
    p = Path(path)
    try:
        title, _ = _sample_meta(str(p), p.stat().st_mtime)
    except OSError:
        title = ""
    return title or _stem(p).replace("-", " ").replace("_", " ").capitalize()


def sample_description(path: Path | str) -> str:
    p = Path(path)
    try:
        return _sample_meta(str(p), p.stat().st_mtime)[1]
    except OSError:
        return ""


def _first_sentence(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    first = text if end < 0 else text[: end + 1]
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


class StartScreen(QWidget):
    """A small welcome window; opening anything from it closes it."""

    def __init__(self, manager: WindowManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start-screen")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.manager = manager
        self.setWindowTitle("Welcome — argmap")
        self.resize(760, 480)
        title = QLabel("argmap")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel("Map the conclusions, premises and evidence of persuasive writing.")
        subtitle.setWordWrap(True)
        self.new_button = QPushButton("New Map")
        self.open_button = QPushButton("Open…")
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self.new_map)
        self.open_button.clicked.connect(self.open_map)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recent-files")
        self.sample_list = QListWidget()
        self.sample_list.setObjectName("samples")
        self.sample_list.setWordWrap(True)
        self.recent_list.setAccessibleName("Recent maps")
        self.sample_list.setAccessibleName("Sample maps")
        for view in (self.recent_list, self.sample_list):
            view.setSpacing(4)
            view.setAlternatingRowColors(True)
        self.recent_list.itemActivated.connect(self._open_recent)
        self.sample_list.itemActivated.connect(self._open_sample)

        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(subtitle)
        left.addSpacing(12)
        left.addWidget(self.new_button)
        left.addWidget(self.open_button)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._heading("Recent maps"))
        right.addWidget(self.recent_list, 2)
        right.addWidget(self._heading("Sample maps (opened as an untitled copy)"))
        right.addWidget(self.sample_list, 3)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(24)
        layout.addLayout(left, 2)
        layout.addLayout(right, 5)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.new_map)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self, self.open_map)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Quit), self, self.close)
        self.setAcceptDrops(True)
        self.refresh()

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    def refresh(self) -> None:
        self.recent_list.clear()
        for path in settings.recent_files():
            item = QListWidgetItem(f"{os.path.basename(path)}\n{os.path.dirname(path)}")
            item.setData(ROLE_PATH, path)
            item.setToolTip(path)
            self.recent_list.addItem(item)
        if self.recent_list.count() == 0:
            item = QListWidgetItem("No recent maps yet.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(item)
        self.sample_list.clear()
        for path in sample_paths():
            desc = sample_description(path)
            item = QListWidgetItem(sample_title(path) + (f"\n{_first_sentence(desc)}" if desc else ""))
            item.setData(ROLE_PATH, str(path))
            item.setToolTip(desc or str(path))
            self.sample_list.addItem(item)

    # ----------------------------------------------------------------- actions
    def new_map(self) -> None:
        self.manager.new_document()

    def open_map(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Open map", os.path.expanduser("~"), open_filter())
        for path in paths:
            self.manager.open_path(path, near=None)

    def _open_recent(self, item: QListWidgetItem) -> None:
        path = item.data(ROLE_PATH)
        if path:
            self.manager.open_path(path, near=None)

    def _open_sample(self, item: QListWidgetItem) -> None:
        path = item.data(ROLE_PATH)
        if path:
            self.manager.open_sample(path, near=None)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.manager.start_screen is self:
            self.manager.start_screen = None
        super().closeEvent(event)

    # ------------------------------------------------------------ drag & drop
    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if dropped_maps(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        for path in dropped_maps(event):
            self.manager.open_path(path, near=None)
