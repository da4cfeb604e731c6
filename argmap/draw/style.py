"""How a map looks, without Qt: the light, dark and high-contrast palettes, pens and fonts of every drawing.

The canvas (``ui.paint.theme`` turns these colours into QColors) and the exporters
(``draw.mapdraw``) read the same tables, so an export looks like the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import measure
from ..model import Kind, Polarity

Colour = tuple[int, int, int, int]  # red, green, blue, alpha (0-255)
EDGE_WIDTH = 2.0  # relation lines (map units)


def rgb(hex_: str, alpha: int = 255) -> Colour:
    """``"#rrggbb"`` (and an alpha) as a colour."""
    return int(hex_[1:3], 16), int(hex_[3:5], 16), int(hex_[5:7], 16), alpha


def hex_of(c: Colour) -> str:
    return "#%02x%02x%02x" % c[:3]


@dataclass(frozen=True, slots=True)
class Palette:
    """Colours for one theme.  Kinds differ by colour, label and marker shape; polarities by
    colour, dashes and the junction's shape and sign.  So that a map printed in greyscale keeps its
    meaning, the kinds' card fills also differ in lightness (conclusion darkest in light themes,
    lightest in the dark one), and text and kind labels keep WCAG AA contrast on every fill."""

    dark: bool
    background: Colour
    text: Colour
    muted: Colour
    card: dict  # Kind -> card fill
    kind: dict  # Kind -> accent (border, label, marker)
    support: Colour
    attack: Colour
    rim: dict  # Polarity -> a junction's outline: its colour, darker (lighter on dark)
    selection: Colour
    hover: Colour
    find: Colour
    drop: Colour
    legend_background: Colour
    grid: Colour
    edge_width: float = EDGE_WIDTH  # high contrast draws relation lines heavier

    def relation(self, polarity: Polarity) -> Colour:
        return self.support if polarity is Polarity.SUPPORT else self.attack


LIGHT = Palette(
    dark=False,
    background=rgb("#f7f7f5"),
    text=rgb("#1b1b1b"),
    muted=rgb("#6b6b6b"),
    card={Kind.CONCLUSION: rgb("#d0dff8"), Kind.PREMISE: rgb("#ffffff"), Kind.EVIDENCE: rgb("#fbecd0")},
    kind={Kind.CONCLUSION: rgb("#1f4e9c"), Kind.PREMISE: rgb("#5a6472"), Kind.EVIDENCE: rgb("#8f5600")},
    support=rgb("#2e8b3e"),
    attack=rgb("#c62828"),
    rim={Polarity.SUPPORT: rgb("#236b30"), Polarity.ATTACK: rgb("#981f1f")},  # QColor.darker(130)
    selection=rgb("#1a73e8"),
    hover=rgb("#8ab4f8", 120),
    find=rgb("#f9c513"),
    drop=rgb("#7b1fa2"),
    legend_background=rgb("#ffffff"),
    grid=rgb("#e9e9e6"),
)

DARK = Palette(
    dark=True,
    background=rgb("#1e1f22"),
    text=rgb("#e8e8e8"),
    muted=rgb("#a0a0a0"),
    card={Kind.CONCLUSION: rgb("#2f4a78"), Kind.PREMISE: rgb("#2b2d31"), Kind.EVIDENCE: rgb("#46392a")},
    kind={Kind.CONCLUSION: rgb("#a9c5f5"), Kind.PREMISE: rgb("#a3adbb"), Kind.EVIDENCE: rgb("#e8ac50")},
    support=rgb("#3f9f50"),  # dark enough that a junction's white "+" stands out
    attack=rgb("#ef5350"),
    rim={Polarity.SUPPORT: rgb("#4bbf60"), Polarity.ATTACK: rgb("#ff7875")},  # QColor.lighter(120)
    selection=rgb("#4c9aff"),
    hover=rgb("#ffd666", 90),
    find=rgb("#e0b000"),
    drop=rgb("#ce93d8"),
    legend_background=rgb("#2b2d31"),
    grid=rgb("#26282c"),
)

HIGH_CONTRAST = Palette(  # black on white, deep colours: for low vision, glare and greyscale printing
    dark=False,
    background=rgb("#ffffff"),
    text=rgb("#000000"),
    muted=rgb("#333333"),
    card={Kind.CONCLUSION: rgb("#bcd4ff"), Kind.PREMISE: rgb("#ffffff"), Kind.EVIDENCE: rgb("#ffe39a")},
    kind={Kind.CONCLUSION: rgb("#002b80"), Kind.PREMISE: rgb("#000000"), Kind.EVIDENCE: rgb("#6b3a00")},
    support=rgb("#006b1e"),
    attack=rgb("#b3000c"),
    rim={Polarity.SUPPORT: rgb("#003d11"), Polarity.ATTACK: rgb("#6b0007")},
    selection=rgb("#0047d6"),
    hover=rgb("#0047d6", 90),
    find=rgb("#ffb000"),
    drop=rgb("#6a0dad"),
    legend_background=rgb("#ffffff"),
    grid=rgb("#d0d0d0"),
    edge_width=3.0,
)

PALETTES = {"light": LIGHT, "dark": DARK, "high-contrast": HIGH_CONTRAST}
"""The palettes by theme name (as the settings and the command line spell them)."""

WHITE: Colour = (255, 255, 255, 255)


# ------------------------------------------------------------------ pens
@dataclass(frozen=True, slots=True)
class Pen:
    """A stroke: colour, width, dashes (lengths in map units, or None for solid), cap and join
    ("flat"/"square"/"round", "bevel"/"miter"/"round"; Qt's defaults are square and bevel)."""

    colour: Colour
    width: float = 1.0
    dashes: tuple[float, ...] | None = None
    cap: str = "square"
    join: str = "bevel"


ATTACK_DASHES = (5.0, 3.0)  # in pen widths
ARROW_LENGTH = 11.0
ARROW_WIDTH = 9.0
CARD_RADIUS = 7.0


IMPLICIT_DASHES = (4.0, 3.0)  # in pen widths: the outline of an implicit (unstated) statement's card


def card_border(kind: Kind) -> float:
    return 2.4 if kind is Kind.CONCLUSION else 1.3


def card_pen(kind: Kind, palette: Palette, implicit: bool = False) -> Pen:
    """A card's outline: solid, or dashed (flat ends) for an implicit statement the analyst supplied."""
    width = card_border(kind)
    if implicit:
        return Pen(palette.kind[kind], width, tuple(d * width for d in IMPLICIT_DASHES), "flat")
    return Pen(palette.kind[kind], width)


def edge_pen(polarity: Polarity, palette: Palette, width: float | None = None) -> Pen:
    """Support solid, attack dashed; flat ends and round joins; the palette's width unless given."""
    width = palette.edge_width if width is None else width
    dashes = tuple(d * width for d in ATTACK_DASHES) if polarity is Polarity.ATTACK else None
    return Pen(palette.relation(polarity), width, dashes, "flat", "round")


def evidence_pen(palette: Palette) -> Pen:
    """Evidence cards' inner dotted line (Qt's DotLine: dots one pen width long, two apart)."""
    return Pen(palette.kind[Kind.EVIDENCE], 0.8, (0.8, 1.6))


# ------------------------------------------------------------------ fonts
@dataclass(frozen=True, slots=True)
class Font:
    """A size of the bundled font (``measure.FONT_FAMILY``): pixels, bold, extra letter spacing."""

    px: float
    bold: bool = False
    spacing: float = 0.0

    @property
    def ascent(self) -> float:
        return _metrics(self).ascent

    @property
    def line_height(self) -> float:
        return _metrics(self).line_height

    def width(self, s: str) -> float:
        """Advance width of ``s`` (no kerning, as every device draws it)."""
        return _metrics(self).measure(s) + self.spacing * len(s)


@cache
def _metrics(font: Font) -> measure.Font:
    if font.px == measure.FONT_PX and not font.spacing:
        return measure.BOLD if font.bold else measure.REGULAR
    return measure.font(font.px, font.bold)


TEXT = Font(measure.FONT_PX)
TEXT_BOLD = Font(measure.FONT_PX, True)
LABEL_FONT_PX = 10
LABEL = Font(LABEL_FONT_PX, True, 0.6)  # the kind label ("PREMISE") of a card
TITLE = Font(20, True)  # a drawing's title
LEGEND = Font(12)
LEGEND_HEADING = Font(12, True)

KIND_LABELS = {Kind.CONCLUSION: "CONCLUSION", Kind.PREMISE: "PREMISE", Kind.EVIDENCE: "EVIDENCE"}
