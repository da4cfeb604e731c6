"""The application's open windows: one MainWindow per map, opening files once, quitting with care."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ...io import MapFileError, load_map
from ...io.native import EXTENSION
from ...io.recovery import RecoveryEntry, RecoveryStore
from ..document.autosave import DELAY_MS, recovery_dir
from ..document.controller import DocumentController
from . import settings
from .file_errors import show_open_error
from .main_window import MainWindow
from .start_screen import StartScreen

log = logging.getLogger(__name__)


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


class WindowManager(QObject):
    """Keeps the list of main windows (SDI: one per open map) and the start screen.

    The application makes one and hands it to every window it opens (``MainWindow.manager``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.windows: list[MainWindow] = []
        self.start_screen: StartScreen | None = None
        self.recovery = RecoveryStore(recovery_dir())
        self.autosave_delay_ms = DELAY_MS  # how long after the last edit a window writes its recovery copy

    # ------------------------------------------------------------- registry
    def register(self, window: MainWindow) -> None:
        if window not in self.windows:
            self.windows.append(window)

    def unregister(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def window_for(self, path: str) -> MainWindow | None:
        for w in self.windows:
            if w.doc.path and same_file(w.doc.path, path):
                return w
        return None

    # ---------------------------------------------------------------- opening
    def new_window(self, doc: DocumentController | None = None, near: QWidget | None = None) -> MainWindow:
        window = MainWindow(doc or DocumentController(), self)
        if near is not None and near.isVisible():
            window.move(near.pos() + QPoint(32, 32))
        window.show()
        window.raise_()
        window.activateWindow()
        self._close_start_screen()
        return window

    def new_document(self, near: QWidget | None = None) -> MainWindow:
        return self.new_window(DocumentController(), near)

    def open_path(self, path: str, near: QWidget | None = None) -> MainWindow | None:
        """Open a map (or import another format) in a window of its own; an already-open
        file just gets its window focused.  An invalid file shows one line and changes nothing."""
        existing = self.window_for(path)
        if existing is not None:
            existing.show()
            existing.raise_()
            existing.activateWindow()
            self._close_start_screen()
            return existing
        if not self._open_anyway(path, near):
            return None
        try:
            doc = DocumentController.open(path)
        except MapFileError as e:
            show_open_error(near, "Cannot open file", e)
            return None
        if doc.path:
            settings.add_recent_file(doc.path)
        window = self.new_window(doc, near)
        report = doc.import_report
        if report is not None and report.lines():
            QMessageBox.information(
                window, "Imported", f"Imported {os.path.basename(path)}:\n\n" + "\n".join(report.lines())
            )
        self._replace_pristine(near, window)
        self.recent_files_changed()
        return window

    def _open_anyway(self, path: str, near: QWidget | None) -> bool:
        """Whether to open a map file that another running argmap may have open (asked only when one has)."""
        if not path.lower().endswith(EXTENSION):
            return True  # imported, so never written back
        try:
            holder = self.recovery.lock_holder(path)
        except OSError:
            log.exception("could not read the lock of %s", path)
            return True
        if holder is None:
            return True
        answer = QMessageBox.warning(
            near,
            "File open in another argmap",
            f"{os.path.basename(path)} is open in another argmap (process {holder.pid} on {holder.host}).\n\n"
            "If both save it, one will overwrite the other's changes. Open it anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore(self, entry: RecoveryEntry, near: QWidget | None = None) -> MainWindow | None:
        """Open a recovered map as modified, in a window of its own: its path is the file it belongs to (if
        any), so Save writes there only when the user says so. The recovery copy stays until then."""
        try:
            amap = self.recovery.load(entry)
        except MapFileError as e:
            QMessageBox.critical(near, "Cannot recover map", str(e))
            return None
        doc = DocumentController(amap, entry.original)
        doc.undo_stack.resetClean()  # unsaved until the user saves it
        window = self.new_window(doc, near)
        window.autosave.adopt(entry.key)
        return window

    def open_sample(self, path: str | Path, near: QWidget | None = None) -> MainWindow | None:
        """Open a copy of a shipped sample: untitled, so Save asks for a new name."""
        try:
            amap = load_map(path)
        except MapFileError as e:
            QMessageBox.critical(near, "Cannot open sample", str(e))
            return None
        window = self.new_window(DocumentController(amap), near)
        self._replace_pristine(near, window)
        return window

    def _replace_pristine(self, old: QWidget | None, new: MainWindow) -> None:
        """Opening from an empty untitled window that was never edited replaces it."""
        if isinstance(old, MainWindow) and old is not new and old.is_pristine():
            new.move(old.pos())
            old.close()

    # ------------------------------------------------------------ start screen
    def show_start_screen(self) -> StartScreen:
        if self.start_screen is None:
            self.start_screen = StartScreen(self)
        self.start_screen.refresh()
        self.start_screen.show()
        self.start_screen.raise_()
        self.start_screen.activateWindow()
        return self.start_screen

    def _close_start_screen(self) -> None:
        if self.start_screen is not None:
            screen, self.start_screen = self.start_screen, None
            screen.close()
            screen.deleteLater()

    # ------------------------------------------------------------ recent files
    def recent_files_changed(self) -> None:
        for w in self.windows:
            w.refresh_recent_menu()
        if self.start_screen is not None:
            self.start_screen.refresh()

    def note_saved(self, path: str) -> None:
        settings.add_recent_file(path)
        self.recent_files_changed()

    # ------------------------------------------------------------------ quit
    def quit(self) -> bool:
        """Close every window, asking about unsaved changes; Cancel stops the quit."""
        for w in list(reversed(self.windows)):
            if not w.close():
                return False
        self._close_start_screen()
        app = QApplication.instance()
        if app is not None:
            app.quit()
        return True

    def flush_recovery(self) -> None:
        """Write every unsaved map's recovery copy now (the application is about to quit)."""
        for w in self.windows:
            w.autosave.flush()

    def recovery_keys(self) -> set[str]:
        """The recovery copies this process's windows look after."""
        return {w.autosave.key for w in self.windows}

    def close_all(self) -> None:
        """Close everything without asking (tests, shutdown after a fatal error)."""
        for w in list(self.windows):
            w.force_close()
        self._close_start_screen()
