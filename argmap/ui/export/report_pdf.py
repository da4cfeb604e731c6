"""The report (``draw.report``) as a PDF: the numbered map fitted to page 1, then the key as text pages."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QTextDocument

from ... import measure
from ...draw.numbers import card_numbers
from ...draw.report import KEY_TABLE, report_parts
from ...draw.svg import write_output
from ...model import ArgumentMap
from .images import PDF_RESOLUTION, page_layout, pdf_writer, renderer
from .paging import PAGE_LABEL_PT, paint_pages

TEXT_PT = 10.0  # the key's text: a book's size


def report_pdf_bytes(
    amap: ArgumentMap,
    *,
    page: str = "A4",
    landscape: bool | None = None,
    author: str | None = None,
    **opts: Any,
) -> tuple[bytes, int]:
    """The report as a PDF and its page count.  Page 1: the map, every card numbered, fitted to the
    page (``landscape=None``: turned the way the map is wider).  Then, on portrait pages, the key and
    the relations as real text (searchable, selectable), each page footed with its number."""
    r = renderer(amap, numbers=card_numbers(amap), **opts)
    if landscape is None:
        landscape = r.rect.width() > r.rect.height()
    ba = QByteArray()
    buf = QBuffer(ba)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf_writer(buf, amap, page_layout(page, landscape), opts.get("title"), author)  # as the map's PDF
    title = r.title or amap.title or "Argument map"  # each key page's footer
    painter = QPainter(writer)
    paint_pages(writer, r, painter=painter)
    writer.setPageLayout(page_layout(page, False))  # the key reads best in columns of text: portrait
    writer.newPage()
    font = QFont(measure.FONT_FAMILY)
    font.setPointSizeF(TEXT_PT)
    font.setFeature(QFont.Tag("liga"), 0)  # "fi" stays two letters: a search for "field" finds it
    area = writer.pageLayout().paintRectPixels(PDF_RESOLUTION)
    footer = PAGE_LABEL_PT / 72.0 * PDF_RESOLUTION * 2.4
    height = area.height() - footer

    def document(text: str) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(writer)
        doc.setDefaultFont(font)
        doc.setHtml(text)
        doc.setTextWidth(area.width())
        return doc

    head, rows, rest = report_parts(amap, ids=opts.get("ids"), labels=opts.get("labels"), for_pdf=True)
    blocks = [
        f"{head}{KEY_TABLE}{row}</table>" if i == 0 else f"{KEY_TABLE}{row}</table>" for i, row in enumerate(rows)
    ]
    pages = plan([document(b) for b in [*blocks, rest] if b], height)
    label_font = QFont(measure.FONT_FAMILY)
    label_font.setPointSizeF(PAGE_LABEL_PT)
    for i, placed in enumerate(pages):
        if i:
            writer.newPage()
        for doc, y, top, h in placed:
            painter.save()
            painter.translate(0, y - top)
            doc.drawContents(painter, QRectF(0, top, area.width(), h))
            painter.restore()
        painter.save()
        painter.setFont(label_font)
        painter.setPen(QColor("#555555"))
        painter.drawText(
            QRectF(0, area.height() - footer * 0.6, area.width(), footer * 0.6),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            f"{title} — key, page {i + 2} of {len(pages) + 1}",
        )
        painter.restore()
    painter.end()
    buf.close()
    return bytes(ba.data()), len(pages) + 1


Placed = tuple[QTextDocument, float, float, float]  # a document, where on the page, from where in it, how much


def plan(docs: list[QTextDocument], height: float) -> list[list[Placed]]:
    """Documents down pages of ``height``: each whole on the page it starts on when it fits there
    (a card's entry is never cut in two), else from a fresh page; one taller than a page is cut
    between lines, by its own pagination, over as many pages as it takes."""
    pages: list[list[Placed]] = [[]]
    y = 0.0
    for doc in docs:
        h = doc.size().height()
        if y + h > height and y > 0:
            pages.append([])
            y = 0.0
        if h <= height:
            pages[-1].append((doc, y, 0.0, h))
            y += h
            continue
        doc.setPageSize(QSizeF(doc.textWidth(), height))
        n = doc.pageCount()
        for k in range(n):
            if k:
                pages.append([])
            pages[-1].append((doc, 0.0, k * height, height))
        y = doc.size().height() - (n - 1) * height
    return pages


def export_report_pdf(amap: ArgumentMap, path: str | os.PathLike[str], **opts: Any) -> None:
    data, _ = report_pdf_bytes(amap, **opts)
    write_output(path, data)
