"""Export a map as SVG, PNG or PDF, or to the clipboard, drawn by the same code as the canvas."""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QMimeData, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from ... import __version__, measure
from ...draw import svg
from ...draw.svg import write_output
from ...io.errors import MapFileError
from ...io.outline import markdown_outline, text_outline
from ...model import ArgumentMap
from ..paint.theme import register_fonts, theme_of
from .paging import MAX_FIT_SCALE, SCREEN_DPI, fit_scale, paint_pages, tiles
from .render import MapRenderer

log = logging.getLogger(__name__)

MAX_PNG_PIXELS = 64_000_000  # 256 MB of image memory; bigger PNGs help nobody
MAX_PNG_SIDE = 32_000
PAGE_MARGIN_MM = 12.0
# QPageSize.PageSizeId names (looked up when needed: PySide6 builds that big enum on first use)
PAGE_SIZES = {"A3": "A3", "A4": "A4", "A5": "A5", "LETTER": "Letter", "LEGAL": "Legal", "TABLOID": "Tabloid"}
RENDER_OPTIONS = ("ids", "title", "legend", "margin", "theme", "positions", "labels", "numbers")


def ensure_app() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (enough for drawing, no widgets);
    offscreen when there is no display, so ``argmap convert``/``export`` work headless."""
    app = QGuiApplication.instance()
    if app is None:
        if not any(os.environ.get(k) for k in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen: draw anyway (scripts, servers)
        app = QGuiApplication(["argmap"])
    register_fonts()
    return app  # type: ignore[return-value]


def renderer(amap: ArgumentMap, **opts: Any) -> MapRenderer:
    """The renderer for these export options (a ``draw.style`` ``palette``, as the command line
    gives it, stands for its theme)."""
    ensure_app()
    palette = opts.pop("palette", None)
    if palette is not None and opts.get("theme") is None:
        opts["theme"] = theme_of(palette)
    return MapRenderer(amap, **{k: v for k, v in opts.items() if k in RENDER_OPTIONS})


# -------------------------------------------------------------------- SVG
def svg_bytes(amap: ArgumentMap, **opts: Any) -> bytes:
    """The map as an SVG document (``draw.svg``: written without Qt, drawn by the same code)."""
    theme = opts.pop("theme", None)
    if theme is not None:
        opts["palette"] = theme.palette
    return svg.svg_bytes(amap, **opts)


def export_svg(amap: ArgumentMap, path: str | os.PathLike[str], **opts: Any) -> None:
    write_output(path, svg_bytes(amap, **opts))


# -------------------------------------------------------------------- PNG
def render_image(
    amap: ArgumentMap, *, scale: float | None = None, dpi: float | None = None, transparent: bool = False, **opts: Any
) -> QImage:
    """The map as an image at ``scale`` pixels per map unit (default 2) or at ``dpi``."""
    r = renderer(amap, **opts)
    s = dpi / SCREEN_DPI if dpi else (scale if scale else 2.0)
    rect = r.rect
    limit = min(
        MAX_PNG_SIDE / max(rect.width(), rect.height()),
        math.sqrt(MAX_PNG_PIXELS / max(1.0, rect.width() * rect.height())),
    )
    if s > limit:
        log.warning(
            "image of %.0f x %.0f map units is too large at scale %.2g; drawn at scale %.2g",
            rect.width(),
            rect.height(),
            s,
            limit,
        )
        s = limit
    img = QImage(
        max(1, math.ceil(rect.width() * s)),
        max(1, math.ceil(rect.height() * s)),
        QImage.Format.Format_ARGB32_Premultiplied if transparent else QImage.Format.Format_RGB32,
    )
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
    if not img.save(buf, fmt, 80):  # light zlib compression: much faster, files ~15 % larger
        raise MapFileError(None, "", f"cannot encode the image as {fmt}")
    buf.close()
    return bytes(ba.data())


def export_png(amap: ArgumentMap, path: str | os.PathLike[str], **opts: Any) -> None:
    write_output(path, _image_bytes(render_image(amap, **opts)))


# -------------------------------------------------------------------- PDF
def page_size(name: str) -> QPageSize:
    sid = PAGE_SIZES.get(name.upper())
    if sid is None:
        raise ValueError(f"unknown page size {name!r}; use one of {', '.join(PAGE_SIZES)}")
    return QPageSize(getattr(QPageSize.PageSizeId, sid))


PDF_RESOLUTION = 96  # a map unit is a CSS pixel, as in the SVG


def page_layout(page: str, landscape: bool) -> QPageLayout:
    """A page of size ``page`` (A4, Letter, ...) turned as asked, with argmap's margins."""
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    m = PAGE_MARGIN_MM
    return QPageLayout(page_size(page), orientation, QMarginsF(m, m, m, m), QPageLayout.Unit.Millimeter)


def fit_text_pt(amap: ArgumentMap, page: str = "A4", landscape: bool | None = None, **opts: Any) -> float:
    """How large (in points) statement text prints when the map is fitted to one page, as
    :func:`pdf_bytes` fits it (``landscape=None``: turned the way the map is wider)."""
    r = renderer(amap, **opts)
    if landscape is None:
        landscape = r.rect.width() > r.rect.height()
    area = page_layout(page, landscape).paintRect(QPageLayout.Unit.Point)
    scale = fit_scale(r.rect, area, 72.0 / SCREEN_DPI)  # a map unit is a CSS pixel: 0.75 pt
    return measure.FONT_PX * 0.75 * min(scale, MAX_FIT_SCALE)


def pdf_bytes(
    amap: ArgumentMap,
    *,
    page: str = "A4",
    landscape: bool | None = None,
    tile: bool = False,
    author: str | None = None,
    **opts: Any,
) -> tuple[bytes, int]:
    """The map as a PDF (vector, searchable text, title and author set) and its page count.
    ``landscape=None`` turns the page the way the map is wider."""
    r = renderer(amap, **opts)
    if landscape is None:
        landscape = r.rect.width() > r.rect.height()
    ba = QByteArray()
    buf = QBuffer(ba)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf_writer(buf, amap, page_layout(page, landscape), opts.get("title"), author)
    pages = paint_pages(writer, r, tile=tile)
    buf.close()
    return bytes(ba.data()), pages


def pdf_writer(buf: QBuffer, amap: ArgumentMap, layout: QPageLayout, title: Any, author: str | None) -> QPdfWriter:
    """A PDF writer into ``buf`` with the map's metadata: the title given (else :func:`pdf_title`), the
    author given (else the map's analyst, :func:`author_of`) and argmap as the creator."""
    writer = QPdfWriter(buf)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(layout)
    writer.setTitle(title if isinstance(title, str) and title else pdf_title(amap))
    writer.setAuthor(author if author is not None else author_of(amap))
    writer.setCreator(f"argmap {__version__}")
    return writer


def author_of(amap: ArgumentMap) -> str:
    """Who made the map: its analyst (``meta["analyst"]``, or ``meta["author"]`` as older maps and imports
    name them). The authors of its sources wrote the text analysed, not the map: they go in the title."""
    for key in ("analyst", "author"):
        name = str(amap.meta.get(key) or "").strip()
        if name:
            return name
    return ""


def pdf_title(amap: ArgumentMap) -> str:
    """The PDF's title: the map's, followed by what it analyses (each source's title and author)."""
    title = amap.title.strip() or "Argument map"
    analysed = []
    for src in amap.sources.values():
        name = f"“{src.title.strip()}”" if src.title.strip() else ""
        by = f"by {src.author.strip()}" if src.author.strip() else ""
        if name or by:
            analysed.append(" ".join(p for p in (name, by) if p))
    return f"{title} — an analysis of {'; '.join(analysed)}" if analysed else title


def export_pdf(amap: ArgumentMap, path: str | os.PathLike[str], **opts: Any) -> None:
    data, _ = pdf_bytes(amap, **opts)
    write_output(path, data)


# --------------------------------------------------------------- clipboard
def clipboard_mime(amap: ArgumentMap, ids: Iterable[str] | None = None) -> QMimeData:
    """The selection (or the map) as PNG image, SVG (``image/svg+xml``) and a plain-text outline."""
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


__all__ = [
    "clipboard_mime",
    "ensure_app",
    "export_pdf",
    "export_png",
    "export_svg",
    "paint_pages",
    "pdf_bytes",
    "pdf_title",
    "render_image",
    "svg_bytes",
    "tiles",
    "to_clipboard",
]
