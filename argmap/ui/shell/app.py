"""Start the desktop application: QApplication, palette, error reporting, windows for the files given."""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ...resources import resources_dir
from ..export.formats import register_picture_formats
from ..paint.theme import register_fonts
from . import settings
from .main_window import MainWindow
from .palette import apply_theme
from .recover_dialog import offer_recovery
from .window_manager import WindowManager

ENV_LOG_DIR = "ARGMAP_LOG_DIR"
log = logging.getLogger("argmap")


# ----------------------------------------------------------- error reporting
def log_dir() -> Path:
    """Where argmap.log goes: ``$ARGMAP_LOG_DIR`` or the user's data folder."""
    env = os.environ.get(ENV_LOG_DIR)
    if env:
        return Path(env)
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(loc or Path.home() / ".argmap")


class ErrorReporter(QObject):
    """``sys.excepthook`` for the GUI: log the traceback to a file, show one non-blocking
    message (later errors update it instead of piling up dialogs), and keep running."""

    def __init__(self, directory: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.directory = directory or log_dir()
        self.log_path = self.directory / "argmap.log"
        self.errors: list[str] = []
        self.box: QMessageBox | None = None
        self._handler: logging.Handler | None = None
        self._previous = sys.excepthook
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._handler = logging.FileHandler(self.log_path, encoding="utf-8")
            self._handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            log.addHandler(self._handler)
        except OSError:
            self._handler = None

    def install(self) -> ErrorReporter:
        self._previous = sys.excepthook
        sys.excepthook = self.handle
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous
        if self._handler is not None:
            log.removeHandler(self._handler)
            self._handler.close()
            self._handler = None

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)).rstrip())
        line = f"{exc_type.__name__}: {exc}"
        self.errors.append(line)
        if threading.current_thread() is threading.main_thread() and QApplication.instance() is not None:
            self.show(line)
        else:
            sys.stderr.write(f"argmap: {line}\n")

    def show(self, line: str) -> None:
        parent = QApplication.activeWindow()
        if self.box is None or not self.box.isVisible():
            self.box = QMessageBox(
                QMessageBox.Icon.Critical,
                "argmap: unexpected error",
                "",
                QMessageBox.StandardButton.Ok,
                parent if isinstance(parent, QWidget) else None,
            )
            self.box.setModal(False)
            self.box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.box.destroyed.connect(self._forget_box)
            self._shown_from = len(self.errors) - 1
        count = len(self.errors) - self._shown_from
        more = f"\n\n({count - 1} more since this message appeared.)" if count > 1 else ""
        self.box.setText(
            f"Something went wrong, but your map is unchanged by it and argmap keeps running.\n\n"
            f"{self.errors[self._shown_from]}{more}"
        )
        self.box.setInformativeText(f"Details are in {self.log_path}")
        self.box.show()
        self.box.raise_()

    def _forget_box(self) -> None:
        self.box = None


def install_excepthook(directory: Path | None = None) -> ErrorReporter:
    return ErrorReporter(directory).install()


# -------------------------------------------------------------------- start
def create_app(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("argmap")
    app.setOrganizationName("argmap")
    app.setApplicationDisplayName("argmap")
    app.setDesktopFileName("argmap")
    for name in ("icons/argmap.svg", "icons/argmap.png", "argmap.svg", "argmap.png"):
        icon_path = resources_dir() / name
        if icon_path.is_file():
            app.setWindowIcon(QIcon(str(icon_path)))
            break
    register_fonts()
    register_picture_formats()  # File > Export > Other format… lists them with the file formats
    apply_theme(app)
    hints = QGuiApplication.styleHints()
    if hints is not None:
        hints.colorSchemeChanged.connect(lambda _scheme: settings.theme() == "system" and apply_theme(app))
        accessibility = getattr(hints, "accessibility", None)  # Qt 6.10 and later
        if accessibility is not None:
            accessibility().contrastPreferenceChanged.connect(
                lambda _contrast: settings.theme() == "system" and apply_theme(app)
            )
    return app


def open_initial(manager: WindowManager, files: Sequence[str]) -> list[MainWindow]:
    """Open a window per file (an invalid file shows its one-line error; the rest still open),
    or the start screen when no window is open; returns the windows opened."""
    opened = [w for w in (manager.open_path(os.fspath(f)) for f in files) if w is not None]
    if not manager.windows:
        manager.show_start_screen()
    return opened


@dataclass
class Session:
    """A started editor: the application, its error reporter and its windows."""

    app: QApplication
    reporter: ErrorReporter
    manager: WindowManager


def start(files: Sequence[str]) -> Session:
    """Everything the editor does before its event loop: the application and error reporting, the maps a
    crash left unsaved (the Recover dialog), then a window per file (see :func:`open_initial`)."""
    app = create_app()
    reporter = install_excepthook()
    manager = WindowManager(app)
    app.aboutToQuit.connect(manager.flush_recovery)
    offer_recovery(manager)
    open_initial(manager, files)
    return Session(app, reporter, manager)


def run_app(files: Sequence[str]) -> int:
    """Start the GUI on ``files`` (see :func:`start`) and run until the last window closes."""
    session = start(files)
    try:
        return int(session.app.exec())
    finally:
        session.reporter.uninstall()


def main() -> int:
    """Entry point of the ``argmap-gui`` script."""
    return run_app(sys.argv[1:])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
