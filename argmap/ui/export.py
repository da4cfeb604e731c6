"""Export a map as SVG, PNG or PDF, or to the clipboard, drawn by the same code as the canvas."""
from __future__ import annotations

import logging
import math
import os
import re
from typing import Any, Iterable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QMimeData, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
)

from ..io.atomic import atomic_write_bytes
from ..io.errors import MapFileError
from ..layout import measure
from ..model import ArgumentMap
from . import drawing
from .render import MapRenderer, background_colour

log = logging.getLogger(__name__)

SCREEN_DPI = 96.0             # one map unit is one CSS pixel
MAX_PNG_PIXELS = 120_000_000  # about 480 MB of image memory
MAX_PNG_SIDE = 32_000
READABLE_SCALE = 1.0          # tiled PDF pages: statement text at 13 px = 9.75 pt
MAX_FIT_SCALE = 1.5           # a small map is not blown up to fill a page
TILE_OVERLAP = 24.0           # map units repeated on neighbouring tiles
PAGE_MARGIN_MM = 12.0
PAGE_LABEL_PT = 7.5
PAGE_SIZES = {"A3": QPageSize.PageSizeId.A3, "A4": QPageSize.PageSizeId.A4, "A5": QPageSize.PageSizeId.A5,
              "LETTER": QPageSize.PageSizeId.Letter, "LEGAL": QPageSize.PageSizeId.Legal,
              "TABLOID": QPageSize.PageSizeId.Tabloid}
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

RENDER_OPTIONS = ("ids", "title", "legend", "margin", "theme", "positions")


def ensure_app() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (enough for drawing, no widgets);
    offscreen when there is no display, so ``argmap convert``/``export`` work headless."""
    app = QGuiApplication.instance()
    if app is None:
        if not any(os.environ.get(k) for k in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen: draw anyway (scripts, servers)
        app = QGuiApplication(["argmap"])
    drawing.register_fonts()
    return app  # type: ignore[return-value]


def renderer(amap: ArgumentMap, **opts: Any) -> MapRenderer:
    ensure_app()
    return MapRenderer(amap, **{k: v for k, v in opts.items() if k in RENDER_OPTIONS})


def _write(path: str | os.PathLike[str], data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
    except MapFileError:
        raise
    except OSError as e:
        raise MapFileError(path, "", f"cannot write: {e.strerror or e}") from None


# -------------------------------------------------------------------- SVG
def svg_bytes(amap: ArgumentMap, *, transparent: bool = False, **opts: Any) -> bytes:
    """The map as an SVG document: vector shapes, ``<text>`` elements, a viewBox and the title."""
    from PySide6.QtSvg import QSvgGenerator

    r = renderer(amap, **opts)
    rect = r.rect
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setResolution(int(SCREEN_DPI))
    w, h = math.ceil(rect.width()), math.ceil(rect.height())
    gen.setSize(QSize(w, h))
    gen.setViewBox(QRectF(0, 0, w, h))
    gen.setTitle(r.title or amap.title or "Argument map")
    desc = str(amap.meta.get("description") or "")
    gen.setDescription(" ".join(desc.split()) or "Argument map drawn by argmap")
    painter = QPainter(gen)
    painter.translate(-rect.left(), -rect.top())
    r.paint(painter, background=background_colour(transparent))
    painter.end()
    buf.close()
    data = bytes(buf.data().data())
    # Qt escapes <, >, & and quotes in text; characters XML cannot hold at all are dropped
    if _needs_cleaning(amap):
        data = _BAD_XML.sub("", data.decode("utf-8")).encode("utf-8")
    return data


def _needs_cleaning(amap: ArgumentMap) -> bool:
    texts = [amap.title, str(amap.meta.get("description") or "")]
    texts += [t for st in amap.statements.values() for t in (st.text, st.title)]
    return any(_BAD_XML.search(t) for t in texts)


def export_svg(amap: ArgumentMap, path: str | os.PathLike[str], **opts: Any) -> None:
    _write(path, svg_bytes(amap, **opts))


# -------------------------------------------------------------------- PNG
def render_image(amap: ArgumentMap, *, scale: float | None = None, dpi: float | None = None,
                 transparent: bool = False, **opts: Any) -> QImage:
    """The map as an image at ``scale`` pixels per map unit (default 2) or at ``dpi``."""
    r = renderer(amap, **opts)
    s = dpi / SCREEN_DPI if dpi else (scale if scale else 2.0)
    rect = r.rect
    limit = min(MAX_PNG_SIDE / max(rect.width(), rect.height()),
                math.sqrt(MAX_PNG_PIXELS / max(1.0, rect.width() * rect.height())))
    if s > limit:
        log.warning("image of %.0f x %.0f map units is too large at scale %.2g; drawn at scale %.2g",
                    rect.width(), rect.height(), s, limit)
        s = limit
    img = QImage(max(1, math.ceil(rect.width() * s)), max(1, math.ceil(rect.height() * s)),
                 QImage.Format.Format_ARGB32_Premultiplied)
    if img.isNull():
        raise MemoryError(f"cannot allocate a {img.width()} x {img.height()} image")
    dots = round(SCREEN_DPI * s / 0.0254)
    img.setDotsPerMeterX(dots)
    img.setDotsPerMeterY(dots)
    img.fill(Qt.GlobalColor.transparent if transparent else Qt.GlobalColor.white)
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.scale(s, s)
    painter.translate(-rect.left(), -rect.top())
    r.paint(painter)
    painter.end()
    return img


def _image_bytes(img: QImage, fmt: str = "PNG") -> bytes:
    ba = QByteArray()
    buf = QBuffer(ba)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not img.save(buf, fmt, 30):  # 30: faster compression, files a few percent larger
        raise MapFileError(None, "", f"cannot encode the image as {fmt}")
    buf.close()
    return bytes(ba.data())


def export_png(amap: ArgumentMap, path: str | os.PathLike[str], **opts: Any) -> None:
    _write(path, _image_bytes(render_image(amap, **opts)))


# -------------------------------------------------------------------- PDF
def page_size(name: str) -> QPageSize:
    sid = PAGE_SIZES.get(name.upper())
    if sid is None:
        raise ValueError(f"unknown page size {name!r}; use one of {', '.join(PAGE_SIZES)}")
    return QPageSize(sid)


def tiles(rect: QRectF, tile: QSizeF, overlap: float = TILE_OVERLAP) -> list[tuple[int, int, QRectF]]:
    """Cut ``rect`` into pieces of at most ``tile`` (map units) that overlap by ``overlap``: (row, col, piece)."""
    def cuts(length: float, step: float) -> int:
        if length <= step:
            return 1
        return math.ceil((length - overlap) / (step - overlap))

    cols, rows = cuts(rect.width(), tile.width()), cuts(rect.height(), tile.height())
    out = []
    for i in range(rows):
        for j in range(cols):
            x = rect.left() + j * (tile.width() - overlap)
            y = rect.top() + i * (tile.height() - overlap)
            out.append((i, j, QRectF(x, y, tile.width(), tile.height()).intersected(rect)))
    return out


def paint_pages(device: QPagedPaintDevice, r: MapRenderer, *, tile: bool = False, background: QColor | None = None,
                painter: QPainter | None = None) -> int:
    """Draw ``r`` on a paged device (PDF writer or printer): fitted to one page, or tiled across
    pages at a readable size with page labels.  Returns the number of pages."""
    own = painter is None
    if own:
        painter = QPainter(device)
    layout = device.pageLayout()
    dpi = device.logicalDpiX()
    paint = layout.paintRectPixels(dpi)   # relative to the paintable area's origin
    area = QRectF(0, 0, paint.width(), paint.height())
    unit = dpi / SCREEN_DPI              # device pixels per map unit at 100 %
    rect = r.rect
    fit = min(area.width() / rect.width(), area.height() / rect.height()) / unit
    if not tile or fit >= READABLE_SCALE:
        s = min(fit, MAX_FIT_SCALE) * unit
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
    s = READABLE_SCALE * unit
    pieces = [p for p in tiles(rect, QSizeF(area.width() / s, (area.height() - label_h) / s)) if _has_content(r, p[2])]
    rows = 1 + max(p[0] for p in pieces)
    cols = 1 + max(p[1] for p in pieces)
    label_font = QFont(measure.FONT_FAMILY)
    label_font.setPointSizeF(PAGE_LABEL_PT)
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
        name = r.title or "Argument map"
        painter.drawText(QRectF(area.left(), area.bottom() - label_h * 0.6, area.width(), label_h * 0.6),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         f"{name} — page {n} of {len(pieces)} (row {i + 1} of {rows}, column {j + 1} of {cols})")
        painter.restore()
    if own:
        painter.end()
    return len(pieces)


def _has_content(r: MapRenderer, piece: QRectF) -> bool:
    if r.legend_pos is not None and QRectF(r.legend_pos, drawing.legend_size()).intersects(piece):
        return True
    if r.title_lines and QRectF(r.title_pos, QSizeF(r.content.width(), r.title_line_height)).intersects(piece):
        return True
    return any(rect.intersects(piece) for rect in r.rects.values()) or any(e[5].intersects(piece) for e in r.edges)


def pdf_bytes(amap: ArgumentMap, *, page: str = "A4", landscape: bool = False, tile: bool = False,
              author: str | None = None, **opts: Any) -> tuple[bytes, int]:
    """The map as a PDF (vector, searchable text, title and author set) and its page count."""
    r = renderer(amap, **opts)
    ba = QByteArray()
    buf = QBuffer(ba)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(96)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    m = PAGE_MARGIN_MM
    writer.setPageLayout(QPageLayout(page_size(page), orientation, QMarginsF(m, m, m, m), QPageLayout.Unit.Millimeter))
    writer.setTitle(r.title or amap.title or "Argument map")
    writer.setAuthor(author if author is not None else _author(amap))
    from argmap import __version__

    writer.setCreator(f"argmap {__version__}")
    pages = paint_pages(writer, r, tile=tile)
    buf.close()
    return bytes(ba.data()), pages


def _author(amap: ArgumentMap) -> str:
    """The map's author (``meta["author"]``), else the authors of its sources."""
    a = str(amap.meta.get("author") or "").strip()
    if a:
        return a
    names = list(dict.fromkeys(s.author.strip() for s in amap.sources.values() if s.author.strip()))
    return ", ".join(names)


def export_pdf(amap: ArgumentMap, path: str | os.PathLike[str], **opts: Any) -> None:
    data, _ = pdf_bytes(amap, **opts)
    _write(path, data)


# --------------------------------------------------------------- clipboard
def clipboard_mime(amap: ArgumentMap, ids: Iterable[str] | None = None) -> QMimeData:
    """The selection (or the map) as PNG image, SVG (``image/svg+xml``) and a plain-text outline."""
    from ..io.outline import markdown_outline, text_outline

    ids = list(ids) if ids is not None else None
    sel = ids if ids else None
    mime = QMimeData()
    mime.setImageData(render_image(amap, ids=sel, scale=2.0, title=False if sel else None, legend=False))
    mime.setData("image/svg+xml", QByteArray(svg_bytes(amap, ids=sel, title=False if sel else None, legend=False)))
    mime.setData("text/markdown", QByteArray(markdown_outline(amap, sel).encode("utf-8")))
    mime.setText(text_outline(amap, sel))
    return mime


def to_clipboard(amap: ArgumentMap, ids: Iterable[str] | None = None) -> QMimeData:
    """Put :func:`clipboard_mime` on the system clipboard (the clipboard takes ownership)."""
    mime = clipboard_mime(amap, ids)
    QGuiApplication.clipboard().setMimeData(mime)
    return mime


__all__ = ["clipboard_mime", "ensure_app", "export_pdf", "export_png", "export_svg", "paint_pages", "pdf_bytes",
           "render_image", "svg_bytes", "tiles", "to_clipboard"]
