"""The op-ed map in greyscale, on the canvas in every theme and as an exported PNG: kinds stay apart by
lightness, and text keeps WCAG AA contrast on every card."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage

from argmap import io
from argmap.cli import main
from argmap.draw import style
from argmap.model import Kind, Polarity
from argmap.ui.export.dialog import ExportDialog
from argmap.ui.export.images import renderer
from argmap.ui.paint import drawing
from argmap.ui.paint.theme import THEMES

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "kim-putin-summit.argmap.json"
MIN_LIGHTNESS_STEP = 5.0  # CIE L*: kinds' card fills apart by at least this much in grey
AA = 4.5  # WCAG AA contrast for text
INSET = 9  # pixels inside a card's edge: past its border and evidence's inner line


def _linear(grey: int) -> float:
    c = grey / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def lightness(grey: int) -> float:
    """CIE L* of an sRGB grey level."""
    y = _linear(grey)
    return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y


def contrast(a: int, b: int) -> float:
    """WCAG contrast ratio of two grey levels."""
    la, lb = sorted((_linear(a), _linear(b)))
    return (lb + 0.05) / (la + 0.05)


def grey_cards(image: QImage, rects: dict[str, tuple[Kind, QRect]]) -> dict[str, tuple[Kind, int, int]]:
    """Each card's fill (its most common grey) and the grey of its text (the one farthest from the fill),
    read from ``image`` turned to greyscale as a printer would."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride = bytes(grey.constBits()), grey.bytesPerLine()
    out = {}
    for sid, (kind, r) in rects.items():
        inner = r.adjusted(INSET, INSET, -INSET, -INSET).intersected(grey.rect())
        values = [
            data[y * stride + x]
            for y in range(inner.top(), inner.bottom() + 1)
            for x in range(inner.left(), inner.right() + 1)
        ]
        assert values, sid
        fill = Counter(values).most_common(1)[0][0]
        text = max(values, key=lambda v: abs(v - fill))
        out[sid] = (kind, fill, text)
    return out


def check_greyscale(cards: dict[str, tuple[Kind, int, int]], what: str) -> None:
    fills: dict[Kind, set[int]] = {}
    for sid, (kind, fill, text) in cards.items():
        fills.setdefault(kind, set()).add(fill)
        assert contrast(fill, text) >= AA, (
            f"{what}: card {sid} ({kind.value}): text contrast {contrast(fill, text):.2f}"
        )
    assert set(fills) == set(Kind), what  # the op-ed has every kind
    kind_fill = {}
    for kind, values in fills.items():
        assert len(values) == 1, f"{what}: {kind.value} cards drawn in several greys {values}"
        kind_fill[kind] = values.pop()
    kinds = list(Kind)
    for i, a in enumerate(kinds):
        for b in kinds[i + 1 :]:
            step = abs(lightness(kind_fill[a]) - lightness(kind_fill[b]))
            assert step >= MIN_LIGHTNESS_STEP, f"{what}: {a.value} and {b.value} cards {step:.1f} L* apart in grey"


@pytest.mark.parametrize("name", list(THEMES))
def test_canvas_kinds_differ_in_greyscale_and_text_stays_readable(make_view, name):
    view = make_view(io.load_map(SAMPLE))
    view.set_theme(name)
    image = view.viewport().grab().toImage()
    rects = {}
    for sid, item in view.map_scene.node_items.items():
        r = view.mapFromScene(item.mapRectToScene(item.card_rect())).boundingRect()
        if image.rect().contains(r):
            rects[sid] = (view.doc.map.statement(sid).kind, r)
    assert len(rects) >= 10
    check_greyscale(grey_cards(image, rects), f"canvas, {name} theme")


@pytest.mark.parametrize("name", ["light", "high-contrast"])
def test_exported_png_keeps_its_meaning_in_greyscale(tmp_path, name):
    path = tmp_path / "op-ed.png"
    assert main(["export", "-q", str(SAMPLE), "-o", str(path), "--scale", "2", "--theme", name]) == 0
    image = QImage(str(path))
    amap = io.load_map(SAMPLE)
    r = renderer(amap, palette=style.PALETTES[name])
    rects = {}
    for box, st, _metrics in r.cards:
        b = box.translated(-r.rect.left(), -r.rect.top())
        rects[st.id] = (
            st.kind,
            QRect(round(b.left() * 2), round(b.top() * 2), round(b.width() * 2), round(b.height() * 2)),
        )
    assert len(rects) == len(amap.statements)
    cards = grey_cards(image, rects)
    check_greyscale(cards, f"exported PNG, {name}")
    conclusion = next(sid for sid, (kind, _) in rects.items() if kind is Kind.CONCLUSION)
    centre = rects[conclusion][1].adjusted(INSET, INSET, -INSET, -INSET)
    colours = Counter(
        image.pixel(x, y) for x in range(centre.left(), centre.right()) for y in range(centre.top(), centre.bottom())
    )
    assert QColor(colours.most_common(1)[0][0]) == QColor(*style.PALETTES[name].card[Kind.CONCLUSION])


def test_high_contrast_svg_and_export_dialog(tmp_path, qtbot):
    svg = tmp_path / "op-ed.svg"
    assert main(["export", "-q", str(SAMPLE), "-o", str(svg), "--theme", "high-contrast"]) == 0
    assert style.hex_of(style.HIGH_CONTRAST.card[Kind.CONCLUSION]) in svg.read_text(encoding="utf-8")
    dialog = ExportDialog("pdf", False, theme="high-contrast")
    qtbot.addWidget(dialog)
    options = dialog.options()
    assert options.theme == "high-contrast" and options.kwargs(None)["theme"] is THEMES["high-contrast"]
    dialog.colours.setCurrentIndex(dialog.colours.findData("light"))
    assert "theme" not in dialog.options().kwargs(None)  # the standard export, as before


@pytest.mark.parametrize("palette", list(style.PALETTES.values()), ids=list(style.PALETTES))
def test_every_palette_meets_wcag_contrast(palette):
    """Text and kind labels on each card fill (AA), card borders, relation lines and junction signs
    against what they sit on (3:1 for graphics)."""

    def ratio(a: style.Colour, b: style.Colour) -> float:
        def lum(c: style.Colour) -> float:
            r, g, b_ = (_linear(v) for v in c[:3])
            return 0.2126 * r + 0.7152 * g + 0.0722 * b_

        la, lb = sorted((lum(a), lum(b)))
        return (lb + 0.05) / (la + 0.05)

    for kind in Kind:
        assert ratio(palette.text, palette.card[kind]) >= AA, kind
        assert ratio(palette.kind[kind], palette.card[kind]) >= AA, kind  # the kind label
        assert ratio(palette.kind[kind], palette.background) >= 3, kind
    for polarity in palette.rim:
        assert ratio(palette.relation(polarity), palette.background) >= 3, polarity
        assert ratio(style.WHITE, palette.relation(polarity)) >= 3, polarity  # the junction's sign


def test_kinds_and_polarities_differ_in_more_than_colour():
    """A word on each card, a heavier border for conclusions (evidence has its inner line), attacks dashed."""
    assert len(set(style.KIND_LABELS.values())) == len(Kind)
    assert style.card_border(Kind.CONCLUSION) > style.card_border(Kind.PREMISE)
    for palette in style.PALETTES.values():
        support, attack = (style.edge_pen(p, palette) for p in (Polarity.SUPPORT, Polarity.ATTACK))
        assert support.dashes is None and attack.dashes is not None


def test_high_contrast_draws_heavier_relation_lines_on_the_canvas_and_in_exports():
    for name, theme in THEMES.items():
        for polarity in Polarity:
            export_pen = style.edge_pen(polarity, style.PALETTES[name])
            assert drawing.edge_pen(polarity, theme).widthF() == export_pen.width, (name, polarity)
    assert (
        style.edge_pen(Polarity.SUPPORT, style.HIGH_CONTRAST).width
        > style.edge_pen(Polarity.SUPPORT, style.LIGHT).width
    )
