"""Theme colours (light and dark) and the bundled fonts the canvas and the exporters draw with."""

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


def theme_for(palette_or_dark: QPalette | bool | None = None) -> Theme:
    """The theme for a palette (dark when its window colour is dark) or for ``dark=True/False``.

    With ``None`` the application's palette decides (light when there is no application)."""
    if isinstance(palette_or_dark, bool):
        return DARK if palette_or_dark else LIGHT
    if palette_or_dark is None:
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
