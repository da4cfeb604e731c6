"""Put a rendered map on pages (PDF writer or printer): fitted to one page, or tiled at a readable size."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPagedPaintDevice, QPainter

from ... import measure
from .render import MapRenderer

log = logging.getLogger(__name__)

SCREEN_DPI = 96.0  # one map unit is one CSS pixel
READABLE_SCALE = 1.0  # tiled pages: statement text at 13 px = 9.75 pt ...
MIN_READABLE_SCALE = 0.925  # ... or down to 9 pt when that saves a row or column of pages
MIN_FIT_TEXT_PT = 5.0  # below this a fitted page gets a hint to tile
MAX_FIT_SCALE = 1.5  # a small map is not blown up to fill a page
TILE_OVERLAP = 24.0  # map units repeated on neighbouring tiles when a cut crosses a card
PAGE_LABEL_PT = 7.5

Interval = tuple[float, float]


def _merge(intervals: Sequence[Interval]) -> list[Interval]:
    out: list[Interval] = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def cuts(
    start: float, end: float, step: float, avoid: Sequence[Interval] = (), overlap: float = TILE_OVERLAP
) -> list[Interval]:
    """Split ``[start, end]`` into pieces no longer than ``step``: cut in a gap between the ``avoid``
    intervals (cards) when one lies in the second half of a piece; else cut through, with ``overlap``."""
    blocks = _merge(avoid)
    out: list[Interval] = []
    a = start
    while end - a > step + 1e-6:
        limit = a + step
        cut, nxt = limit, limit - overlap
        for b0, b1 in blocks:
            if b0 < limit < b1:  # the limit falls inside a card: cut just before it if that is not too early
                if b0 - 2.0 > a + step / 2:
                    cut = nxt = b0 - 2.0
                break
        out.append((a, cut))
        a = nxt
    out.append((a, end))
    return out


def tiles(
    rect: QRectF,
    tile: QSizeF,
    overlap: float = TILE_OVERLAP,
    avoid_x: Sequence[Interval] = (),
    avoid_y: Sequence[Interval] = (),
) -> list[tuple[int, int, QRectF]]:
    """Cut ``rect`` into pieces of at most ``tile`` (map units), preferring cuts between cards:
    ``(row, column, piece)`` row by row."""
    xs = cuts(rect.left(), rect.right(), tile.width(), avoid_x, overlap)
    ys = cuts(rect.top(), rect.bottom(), tile.height(), avoid_y, overlap)
    return [(i, j, QRectF(x0, y0, x1 - x0, y1 - y0)) for i, (y0, y1) in enumerate(ys) for j, (x0, x1) in enumerate(xs)]


def fit_scale(rect: QRectF, area: QRectF, unit: float) -> float:
    """The scale (1 = 100 %, a map unit printing as ``unit`` units of ``area``) at which ``rect``
    just fits ``area``."""
    return min(area.width() / rect.width(), area.height() / rect.height()) / unit


def plan_tiles(r: MapRenderer, area: QSizeF) -> tuple[float, list[tuple[int, int, QRectF]]]:
    """The scale (map units to device units of ``area``) and the non-empty pieces for tiled pages: at the
    readable size, or a little smaller (never under 9 pt text) when that needs fewer pages."""
    rect = r.rect
    xs = [(c[0].left(), c[0].right()) for c in r.cards]
    ys = [(c[0].top(), c[0].bottom()) for c in r.cards]
    best: tuple[int, float, list] | None = None
    for k in range(6):
        scale = READABLE_SCALE - (READABLE_SCALE - MIN_READABLE_SCALE) * k / 5
        pieces = [
            p
            for p in tiles(rect, QSizeF(area.width() / scale, area.height() / scale), TILE_OVERLAP, xs, ys)
            if r.has_content(p[2])
        ]
        if best is None or len(pieces) < best[0]:
            best = (len(pieces), scale, pieces)
    assert best is not None
    return best[1], best[2]


def paint_pages(
    device: QPagedPaintDevice,
    r: MapRenderer,
    *,
    tile: bool = False,
    background: QColor | None = None,
    painter: QPainter | None = None,
) -> int:
    """Draw ``r`` on a paged device: fitted to one page, or tiled across pages at a readable size,
    each labelled with its place.  Returns the number of pages."""
    own = painter is None
    if own:
        painter = QPainter(device)
    dpi = device.logicalDpiX()
    paint = device.pageLayout().paintRectPixels(dpi)
    area = QRectF(0, 0, paint.width(), paint.height())
    unit = dpi / SCREEN_DPI  # device pixels per map unit at 100 %
    rect = r.rect
    fit = fit_scale(rect, area, unit)
    if not tile or fit >= READABLE_SCALE:
        scale = min(fit, MAX_FIT_SCALE)
        text_pt = measure.FONT_PX * 0.75 * scale
        if text_pt < MIN_FIT_TEXT_PT:
            log.warning(
                "the map fits the page only with %.1f pt text; tiling spreads it over pages at %.1f pt",
                text_pt,
                measure.FONT_PX * 0.75 * READABLE_SCALE,
            )
        s = scale * unit
        painter.save()
        painter.translate(area.left() + (area.width() - rect.width() * s) / 2, area.top())
        painter.scale(s, s)
        painter.translate(-rect.left(), -rect.top())
        r.paint(painter, background=background)
        painter.restore()
        if own:
            painter.end()
        return 1
    label_h = PAGE_LABEL_PT / 72.0 * dpi * 2.2
    scale, pieces = plan_tiles(r, QSizeF(area.width() / unit, (area.height() - label_h) / unit))
    s = scale * unit
    rows = 1 + max(p[0] for p in pieces)
    cols = 1 + max(p[1] for p in pieces)
    label_font = QFont(measure.FONT_FAMILY)
    label_font.setPointSizeF(PAGE_LABEL_PT)
    name = r.title or "Argument map"
    for n, (i, j, piece) in enumerate(pieces, 1):
        if n > 1:
            device.newPage()
        painter.save()
        painter.setClipRect(QRectF(area.left(), area.top(), piece.width() * s, piece.height() * s))
        painter.translate(area.left(), area.top())
        painter.scale(s, s)
        painter.translate(-piece.left(), -piece.top())
        r.paint(painter, clip=piece, background=background)
        painter.restore()
        painter.save()
        painter.setFont(label_font)
        painter.setPen(QColor("#555555"))
        painter.drawText(
            QRectF(area.left(), area.bottom() - label_h * 0.6, area.width(), label_h * 0.6),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            f"{name} — page {n} of {len(pieces)} (row {i + 1} of {rows}, column {j + 1} of {cols})",
        )
        painter.restore()
    if own:
        painter.end()
    return len(pieces)


__all__ = ["cuts", "paint_pages", "plan_tiles", "tiles"]
