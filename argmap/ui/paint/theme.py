"""Theme colours (light, dark, high contrast) and the bundled fonts the canvas and the exporters draw with."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette

from ... import measure
from ...draw import style
from ...draw.style import LABEL_FONT_PX, Colour, Palette
from ...resources import resources_dir


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours for one palette (``draw.style``'s, as QColors).  Kinds differ by colour, label and
    marker shape."""

    palette: Palette
    dark: bool
    background: QColor
    text: QColor
    muted: QColor
    card: dict  # Kind -> card fill
    kind: dict  # Kind -> accent (border, label, marker)
    support: QColor
    attack: QColor
    rim: dict  # Polarity -> junction outline
    selection: QColor
    hover: QColor
    find: QColor
    drop: QColor
    legend_background: QColor
    grid: QColor


def _q(c: Colour) -> QColor:
    return QColor(c[0], c[1], c[2], c[3])


def _theme(p: Palette) -> Theme:
    return Theme(
        palette=p,
        dark=p.dark,
        background=_q(p.background),
        text=_q(p.text),
        muted=_q(p.muted),
        card={k: _q(c) for k, c in p.card.items()},
        kind={k: _q(c) for k, c in p.kind.items()},
        support=_q(p.support),
        attack=_q(p.attack),
        rim={k: _q(c) for k, c in p.rim.items()},
        selection=_q(p.selection),
        hover=_q(p.hover),
        find=_q(p.find),
        drop=_q(p.drop),
        legend_background=_q(p.legend_background),
        grid=_q(p.grid),
    )


LIGHT = _theme(style.LIGHT)
DARK = _theme(style.DARK)
HIGH_CONTRAST = _theme(style.HIGH_CONTRAST)
THEMES = {"light": LIGHT, "dark": DARK, "high-contrast": HIGH_CONTRAST}


def theme_of(palette: Palette) -> Theme:
    """The theme that draws with ``palette`` (one of ``draw.style``'s, or any other)."""
    for theme in THEMES.values():
        if theme.palette is palette:
            return theme
    return _theme(palette)


def high_contrast_palette() -> QPalette:
    """The widgets' palette of the high-contrast theme: black on white, strong frames and selection.

    ``theme_for`` knows it by its pure white window and pure black text."""
    p = QPalette()
    white, black, blue = QColor("#ffffff"), QColor("#000000"), _q(style.HIGH_CONTRAST.selection)
    roles = {
        QPalette.ColorRole.Window: white,
        QPalette.ColorRole.WindowText: black,
        QPalette.ColorRole.Base: white,
        QPalette.ColorRole.AlternateBase: QColor("#eeeeee"),
        QPalette.ColorRole.ToolTipBase: QColor("#ffffe0"),
        QPalette.ColorRole.ToolTipText: black,
        QPalette.ColorRole.PlaceholderText: QColor("#4a4a4a"),
        QPalette.ColorRole.Text: black,
        QPalette.ColorRole.Button: white,
        QPalette.ColorRole.ButtonText: black,
        QPalette.ColorRole.BrightText: QColor("#b3000c"),
        QPalette.ColorRole.Link: QColor("#0033a0"),
        QPalette.ColorRole.Highlight: blue,
        QPalette.ColorRole.HighlightedText: white,
        QPalette.ColorRole.Light: white,
        QPalette.ColorRole.Midlight: QColor("#bdbdbd"),
        QPalette.ColorRole.Mid: QColor("#4a4a4a"),
        QPalette.ColorRole.Dark: black,
        QPalette.ColorRole.Shadow: black,
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        # the lightest grey still readable (4.5:1 on white) and as far from black: disabled stands apart
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#767676"))
    return p


def is_high_contrast(palette: QPalette) -> bool:
    """Whether a palette is the high-contrast one (or a platform's black-on-white high-contrast palette)."""
    window, text = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.WindowText)
    return window.rgb() == 0xFFFFFFFF and text.rgb() == 0xFF000000


def theme_for(palette_or_dark: QPalette | bool | str | None = None) -> Theme:
    """The theme for a palette (dark when its window colour is dark, high contrast for
    ``high_contrast_palette()``), for ``dark=True/False`` or for a theme's name (``THEMES``).

    With ``None`` the application's palette decides (light when there is no application)."""
    if isinstance(palette_or_dark, bool):
        return DARK if palette_or_dark else LIGHT
    if isinstance(palette_or_dark, str):
        return THEMES[palette_or_dark]
    if palette_or_dark is None:
        if QGuiApplication.instance() is None:
            return LIGHT
        palette_or_dark = QGuiApplication.palette()
    if is_high_contrast(palette_or_dark):
        return HIGH_CONTRAST
    return DARK if palette_or_dark.color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT


# ------------------------------------------------------------------ fonts
_fonts_registered = False


def register_fonts() -> None:
    """Load the bundled DejaVu fonts once, so text is drawn with the metrics ``measure`` assumes."""
    global _fonts_registered
    if _fonts_registered:
        return
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    _fonts_registered = True


def pixel_font(px: int, bold: bool) -> QFont:
    """The bundled family at ``px`` pixels, laid out as ``measure`` measures it."""
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
        _FONTS[key] = pixel_font(round(measure.FONT_PX), bold)
    return _FONTS[key]


def label_font() -> QFont:
    if "label" not in _FONTS:
        f = pixel_font(LABEL_FONT_PX, True)
        f.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.6)
        _FONTS["label"] = f
    return _FONTS["label"]
