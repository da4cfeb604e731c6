"""The application's look: the Fusion style with a light, dark or high-contrast palette, or the platform's choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ..paint.theme import high_contrast_palette
from . import settings


def dark_palette() -> QPalette:
    """A calm dark palette for the Fusion style."""
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#e8e8e8")
    disabled = QColor("#7a7a7a")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282c"),
        QPalette.ColorRole.ToolTipBase: QColor("#3a3d42"),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#8a8a8a"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Link: QColor("#6ea8ff"),
        QPalette.ColorRole.Highlight: QColor("#3d6db5"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Light: QColor("#3a3d42"),
        QPalette.ColorRole.Midlight: QColor("#33363b"),
        QPalette.ColorRole.Mid: QColor("#25272b"),
        QPalette.ColorRole.Dark: QColor("#18191c"),
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


def system_wants_high_contrast() -> bool:
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10 and later
    if hints is None or accessibility is None:
        return False
    return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)


def apply_theme(app: QApplication, name: str | None = None) -> bool:
    """Fusion style with a light, dark or high-contrast palette ("system" follows the platform's
    colour scheme and contrast preference); returns True for dark."""
    name = name or settings.theme()
    if name == "system" and system_wants_high_contrast():
        name = "high-contrast"
    dark = name == "dark" or (name == "system" and system_is_dark())
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    if name == "high-contrast":
        palette = high_contrast_palette()  # the canvas recognises it and draws with the high-contrast theme
    else:
        palette = dark_palette() if dark else app.style().standardPalette()
    app.setPalette(palette)
    app.setProperty("argmap_dark", dark)  # widgets (the canvas too) follow through PaletteChange events
    return dark
