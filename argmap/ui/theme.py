"""Theme colours (light and dark) and the bundled fonts the canvas and the exporters draw with."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette

from ..layout import measure
from ..model import Kind

LABEL_FONT_PX = 10


@dataclass(frozen=True)
class Theme:
    """Colours for one palette.  Kinds differ by colour, label and marker shape."""

    dark: bool
    background: QColor
    text: QColor
    muted: QColor
    card: dict           # Kind -> card fill
    kind: dict           # Kind -> accent (border, label, marker)
    support: QColor
    attack: QColor
    selection: QColor
    hover: QColor
    find: QColor
    drop: QColor
    legend_background: QColor
    grid: QColor


def _c(hex_: str) -> QColor:
    return QColor(hex_)


LIGHT = Theme(
    dark=False,
    background=_c("#f7f7f5"),
    text=_c("#1b1b1b"),
    muted=_c("#6b6b6b"),
    card={Kind.CONCLUSION: _c("#e4edfb"), Kind.PREMISE: _c("#ffffff"), Kind.EVIDENCE: _c("#fdf1dc")},
    kind={Kind.CONCLUSION: _c("#1f4e9c"), Kind.PREMISE: _c("#5a6472"), Kind.EVIDENCE: _c("#a0620a")},
    support=_c("#2e8b3e"),
    attack=_c("#c62828"),
    selection=_c("#1a73e8"),
    hover=QColor(138, 180, 248, 120),
    find=_c("#f9c513"),
    drop=_c("#7b1fa2"),
    legend_background=_c("#ffffff"),
    grid=_c("#e9e9e6"),
)

DARK = Theme(
    dark=True,
    background=_c("#1e1f22"),
    text=_c("#e8e8e8"),
    muted=_c("#a0a0a0"),
    card={Kind.CONCLUSION: _c("#1f2f4d"), Kind.PREMISE: _c("#2b2d31"), Kind.EVIDENCE: _c("#3a2e1a")},
    kind={Kind.CONCLUSION: _c("#7fa8ef"), Kind.PREMISE: _c("#a3adbb"), Kind.EVIDENCE: _c("#e0a040")},
    support=_c("#5cc06b"),
    attack=_c("#ef5350"),
    selection=_c("#4c9aff"),
    hover=QColor(255, 214, 102, 90),
    find=_c("#e0b000"),
    drop=_c("#ce93d8"),
    legend_background=_c("#2b2d31"),
    grid=_c("#26282c"),
)


def theme_for(palette_or_dark: QPalette | bool | None = None) -> Theme:
    """The theme for a palette (dark when its window colour is dark) or for ``dark=True/False``.

    With ``None`` the application's palette decides (light when there is no application)."""
    if isinstance(palette_or_dark, bool):
        return DARK if palette_or_dark else LIGHT
    if palette_or_dark is None:
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.instance() is None:
            return LIGHT
        palette_or_dark = QGuiApplication.palette()
    return DARK if palette_or_dark.color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT


# ------------------------------------------------------------------ fonts
_fonts_registered = False


def register_fonts() -> None:
    """Load the bundled DejaVu fonts once, so text is drawn with the metrics ``measure`` assumes."""
    global _fonts_registered
    if _fonts_registered:
        return
    from ..resources import resources_dir

    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    _fonts_registered = True


def _font(px: int, bold: bool) -> QFont:
    register_fonts()
    f = QFont(measure.FONT_FAMILY)
    f.setPixelSize(px)
    f.setBold(bold)
    f.setKerning(False)  # measure sums per-character advances
    # no ligatures either: measure does not know them, and in PDFs "traﬃc" would not be found by "traffic"
    f.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


_FONTS: dict[str, QFont] = {}


def text_font(bold: bool = False) -> QFont:
    """The statement font (``measure.FONT_FAMILY`` at ``measure.FONT_PX`` pixels)."""
    key = "bold" if bold else "regular"
    if key not in _FONTS:
        _FONTS[key] = _font(round(measure.FONT_PX), bold)
    return _FONTS[key]


def label_font() -> QFont:
    if "label" not in _FONTS:
        f = _font(LABEL_FONT_PX, True)
        f.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.6)
        _FONTS["label"] = f
    return _FONTS["label"]
