"""Start the desktop application: QApplication, palette, error reporting, windows for the files given."""
from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Sequence

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from . import settings
from .formats import register_picture_formats

ENV_LOG_DIR = "ARGMAP_LOG_DIR"
log = logging.getLogger("argmap")


# ------------------------------------------------------------------- palette
def dark_palette() -> QPalette:
    """A calm dark palette for the Fusion style."""
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#e8e8e8")
    disabled = QColor("#7a7a7a")
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base, QPalette.ColorRole.AlternateBase: QColor("#26282c"),
        QPalette.ColorRole.ToolTipBase: QColor("#3a3d42"), QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#8a8a8a"), QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window, QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"), QPalette.ColorRole.Link: QColor("#6ea8ff"),
        QPalette.ColorRole.Highlight: QColor("#3d6db5"), QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Light: QColor("#3a3d42"), QPalette.ColorRole.Midlight: QColor("#33363b"),
        QPalette.ColorRole.Mid: QColor("#25272b"), QPalette.ColorRole.Dark: QColor("#18191c"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, name: str | None = None) -> bool:
    """Fusion style with a light or dark palette ("system" follows the platform); returns True for dark."""
    name = name or settings.theme()
    dark = name == "dark" or (name == "system" and system_is_dark())
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    app.setProperty("argmap_dark", dark)  # widgets (the canvas too) follow through PaletteChange events
    return dark


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

    def install(self) -> "ErrorReporter":
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
            self.box = QMessageBox(QMessageBox.Icon.Critical, "argmap: unexpected error", "",
                                   QMessageBox.StandardButton.Ok, parent if isinstance(parent, QWidget) else None)
            self.box.setModal(False)
            self.box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.box.destroyed.connect(self._forget_box)
            self._shown_from = len(self.errors) - 1
        count = len(self.errors) - self._shown_from
        more = f"\n\n({count - 1} more since this message appeared.)" if count > 1 else ""
        self.box.setText(f"Something went wrong, but your map is unchanged by it and argmap keeps running.\n\n"
                         f"{self.errors[self._shown_from]}{more}")
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
    from ...resources import resources_dir

    for name in ("icons/argmap.svg", "icons/argmap.png", "argmap.svg", "argmap.png"):
        icon_path = resources_dir() / name
        if icon_path.is_file():
            app.setWindowIcon(QIcon(str(icon_path)))
            break
    try:
        from ..paint.drawing import register_fonts
    except ModuleNotFoundError:  # pragma: no cover - drawing.py is part of the package
        pass
    else:
        register_fonts()
    register_picture_formats()  # File > Export > Other format… lists them with the file formats
    apply_theme(app)
    hints = QGuiApplication.styleHints()
    if hints is not None:
        hints.colorSchemeChanged.connect(lambda _scheme: settings.theme() == "system" and apply_theme(app))
    return app


def open_initial(files: Sequence[str]) -> list:
    """Open a window per file (an invalid file shows its one-line error; the rest still open),
    or the start screen when none opened; returns the windows opened."""
    from .window_manager import window_manager

    manager = window_manager()
    opened = [w for w in (manager.open_path(os.fspath(f)) for f in files) if w is not None]
    if not opened:
        manager.show_start_screen()
    return opened


def run_app(files: Sequence[str]) -> int:
    """Start the GUI on ``files`` (see :func:`open_initial`) and run until the last window closes."""
    app = create_app()
    reporter = install_excepthook()
    open_initial(files)
    try:
        return int(app.exec())
    finally:
        reporter.uninstall()


def main() -> int:
    """Entry point of the ``argmap-gui`` script."""
    return run_app(sys.argv[1:])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
