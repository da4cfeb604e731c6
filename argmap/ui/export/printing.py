"""Print a map (or the selection) with Qt's print dialog and preview, paged like the PDF export."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QCheckBox, QToolBar, QWidget

from ...model import ArgumentMap
from .images import renderer
from .paging import paint_pages
from .render import background_colour


class MapPrinter:
    """Paints a map on a printer: fitted on one page, or tiled at a readable size."""

    def __init__(
        self, amap: ArgumentMap, ids: Iterable[str] | None = None, *, legend: bool = True, tile: bool = False
    ) -> None:
        self.map = amap
        self.ids = list(ids) if ids else None
        self.legend = legend
        self.tile = tile

    def paint(self, printer: QPrinter) -> int:
        r = renderer(self.map, ids=self.ids, legend=self.legend, title=None if self.ids is None else False)
        return paint_pages(printer, r, tile=self.tile, background=background_colour(False))


def make_printer(amap: ArgumentMap) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(amap.title or "Argument map")
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def print_map(
    parent: QWidget | None, amap: ArgumentMap, ids: Iterable[str] | None = None, *, preview: bool = True
) -> bool:
    """Show the print preview (or the print dialog) for the map or the selection ``ids``; True when printed."""
    printer = make_printer(amap)
    job = MapPrinter(amap, ids)
    if not preview:
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        job.paint(printer)
        return True
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print preview — {amap.title or 'argument map'}")
    tile = QCheckBox("Spread over pages at a readable size", dialog)
    tile.setToolTip("Large maps: tile the map across several pages instead of shrinking it onto one")
    tile.toggled.connect(lambda on: (setattr(job, "tile", on), _refresh(dialog)))
    _add_to_toolbar(dialog, tile)
    dialog.paintRequested.connect(job.paint)
    return dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted


def _add_to_toolbar(dialog: QPrintPreviewDialog, widget: QWidget) -> None:
    bars = dialog.findChildren(QToolBar)
    if bars:
        bars[0].addSeparator()
        bars[0].addWidget(widget)


def _refresh(dialog: QPrintPreviewDialog) -> None:
    for w in dialog.findChildren(QPrintPreviewWidget):
        w.updatePreview()
