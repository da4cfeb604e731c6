"""File > Export as SVG/PNG/PDF or a report from the window: an options dialog, a file dialog, then
``argmap.ui.export.images`` (or the report's writer, ``formats.report_format``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...io import MapFileError
from ...model import ArgumentMap
from ..paint.theme import HIGH_CONTRAST, THEMES, theme_for
from . import images
from .formats import report_format

if TYPE_CHECKING:  # pragma: no cover
    from ..document.controller import DocumentController

KINDS = {
    "svg": ("SVG image", "SVG image (*.svg)"),
    "png": ("PNG image", "PNG image (*.png)"),
    "pdf": ("PDF document", "PDF document (*.pdf)"),
    "report": ("Report", "Report (*.pdf *.md *.html)"),
}
# a report's formats: (label in the dialog, extension, the file dialog's filter)
REPORT_KINDS = [
    ("PDF: the map, then the key as text pages", "pdf", "PDF document (*.pdf)"),
    ("Markdown: the map as an SVG file beside it", "md", "Markdown (*.md)"),
    ("HTML: one page, the map inline", "html", "HTML page (*.html)"),
]
PNG_SCALES = [(1.0, "1× (screen)"), (2.0, "2× (sharp on high-DPI screens)"), (3.0, "3×"), (4.0, "4× (print)")]
PAGES = ["A4", "Letter", "A3"]


def selected_statements(amap: ArgumentMap, ids: list[str]) -> list[str]:
    """The statements a selection stands for: selected statements, and the premises and target of
    selected relations (so a selected arrow exports with its ends)."""
    out: dict[str, None] = {}
    for eid in ids:
        if eid in amap.statements:
            out[eid] = None
        elif eid in amap.relations:
            rel = amap.relations[eid]
            for s in (*rel.premises, rel.target):
                if s in amap.statements:
                    out[s] = None
    return list(out)


@dataclass(slots=True)
class ExportOptions:
    """What the dialog asks; ``kwargs()`` turns it into ``argmap.ui.export.images`` keyword arguments."""

    kind: str
    selection: bool = False
    title: bool = True
    legend: bool = True
    transparent: bool = False
    scale: float = 2.0
    page: str = "A4"
    landscape: bool | None = None  # None: the way the map is wider
    tile: bool = False
    labels: bool = False  # each statement's evaluation label (argmap.evaluation) on its card
    theme: str = "light"  # a name in paint.theme.THEMES drawn on white: light or high-contrast
    report: str = "pdf"  # a report's format (kind "report"): pdf, md or html

    def kwargs(self, ids: list[str] | None) -> dict[str, Any]:
        opts: dict[str, Any] = {
            "ids": ids if self.selection else None,
            "legend": self.legend,
            "title": None if self.title else False,
        }
        if self.theme != "light":
            opts["theme"] = THEMES[self.theme]
        if self.kind in ("svg", "png"):
            opts["transparent"] = self.transparent
        if self.kind == "png":
            opts["scale"] = self.scale
        if self.kind == "pdf":
            opts.update(page=self.page.upper(), landscape=self.landscape, tile=self.tile)
        if self.kind == "report" and self.report == "pdf":
            opts.update(page=self.page.upper(), landscape=self.landscape)
        return opts


class ExportDialog(QDialog):
    """The options of one export: scope, title, legend, and per format background, scale or pages."""

    def __init__(
        self,
        kind: str,
        has_selection: bool,
        parent: QWidget | None = None,
        labels: bool = False,
        theme: str = "light",
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(f"Export {KINDS[kind][0]}")
        form = QFormLayout()
        self.whole = QRadioButton("Whole map")
        self.selection = QRadioButton("Selection")
        self.selection.setEnabled(has_selection)
        self.selection.setToolTip(
            "The selected statements and the relations among them"
            if has_selection
            else "Select statements on the canvas to export only them"
        )
        self.whole.setChecked(True)
        scope = QHBoxLayout()
        self._scope = QButtonGroup(self)
        for b in (self.whole, self.selection):
            self._scope.addButton(b)
            scope.addWidget(b)
        scope.addStretch(1)
        form.addRow("Export", scope)
        self.report = QComboBox()
        for label, ext, _ in REPORT_KINDS:
            self.report.addItem(label, ext)
        self.report.setToolTip(
            "The map with every card numbered, then a key: each number with its kind, title, full text "
            "and the source passage it is anchored to; then the relations in outline"
        )
        if kind == "report":
            form.addRow("Format", self.report)
        self.title = QCheckBox("Include the map's title")
        self.title.setChecked(True)
        self.legend = QCheckBox("Include the legend")
        self.legend.setChecked(True)
        self.labels = QCheckBox("Show the evaluation: in, out or undecided")
        self.labels.setToolTip("Each statement's label as Evaluate mode shows it")
        self.labels.setChecked(labels)
        form.addRow("", self.title)
        form.addRow("", self.legend)
        form.addRow("", self.labels)
        self.colours = QComboBox()
        self.colours.addItem("Standard", "light")
        self.colours.addItem("High contrast (for low vision and greyscale printing)", "high-contrast")
        self.colours.setCurrentIndex(max(0, self.colours.findData(theme)))
        form.addRow("Colours", self.colours)
        self.background = QComboBox()
        self.background.addItem("White", False)
        self.background.addItem("Transparent", True)
        if kind in ("svg", "png"):
            form.addRow("Background", self.background)
        self.scale = QComboBox()
        for value, label in PNG_SCALES:
            self.scale.addItem(label, value)
        self.scale.setCurrentIndex(1)
        if kind == "png":
            form.addRow("Resolution", self.scale)
        self.page = QComboBox()
        self.page.addItems(PAGES)
        self.orientation = QComboBox()
        for label, value in (("Automatic (the way the map is wider)", None), ("Portrait", False), ("Landscape", True)):
            self.orientation.addItem(label, value)
        self.fit = QRadioButton("Fit to one page")
        self.tile = QRadioButton("Spread over pages at a readable size")
        self.fit.setChecked(True)
        self._paging = QButtonGroup(self)
        self._paging.addButton(self.fit)
        self._paging.addButton(self.tile)
        if kind in ("pdf", "report"):
            form.addRow("Page size", self.page)
            form.addRow("Orientation", self.orientation)
        if kind == "pdf":
            form.addRow("Pages", self.fit)
            form.addRow("", self.tile)
        if kind == "report":  # page and turn are the PDF's: its map page (its key is portrait)
            self.report.currentIndexChanged.connect(self._follow_format)
            self.orientation.setItemText(0, "Automatic (the map's page the way the map is wider)")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _follow_format(self) -> None:
        pdf = self.report.currentData() == "pdf"
        self.page.setEnabled(pdf)
        self.orientation.setEnabled(pdf)

    def options(self) -> ExportOptions:
        return ExportOptions(
            self.kind,
            selection=self.selection.isChecked() and self.selection.isEnabled(),
            title=self.title.isChecked(),
            legend=self.legend.isChecked(),
            transparent=bool(self.background.currentData()),
            scale=float(self.scale.currentData()),
            page=self.page.currentText(),
            landscape=self.orientation.currentData(),
            tile=self.tile.isChecked(),
            labels=self.labels.isChecked(),
            theme=str(self.colours.currentData()),
            report=str(self.report.currentData()),
        )


def export_image(
    w: QMainWindow, doc: DocumentController, kind: str, stem: str, labels: bool = False, author: str | None = None
) -> str | None:
    """Ask for the options and a file (offered as ``stem`` plus the extension), then write it;
    returns the path written (None if cancelled or failed, after a one-line error).  ``labels``:
    whether the evaluation labels are offered checked (as they are in Evaluate mode); ``author``:
    the author of a PDF, the map's or the report's (None: the map's analyst)."""
    ids = selected_statements(doc.map, list(doc.selection))
    theme = "high-contrast" if theme_for(w.palette()) is HIGH_CONTRAST else "light"  # as the user works
    dialog = ExportDialog(kind, bool(ids), w, labels, theme)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        opts = dialog.options()
    finally:
        dialog.deleteLater()
    filters = {ext: filt for _, ext, filt in REPORT_KINDS}
    ext, filt = (opts.report, filters[opts.report]) if kind == "report" else (kind, KINDS[kind][1])
    if kind == "report":  # beside the map's own PDF, not over it
        stem += "-report"
    path, _ = QFileDialog.getSaveFileName(w, f"Export {KINDS[kind][0]}", f"{stem}.{ext}", filt)
    if not path:
        return None
    if not path.lower().endswith("." + ext):
        path += "." + ext
    kwargs = opts.kwargs(ids)
    if author is not None and (kind == "pdf" or (kind == "report" and ext == "pdf")):
        kwargs["author"] = author
    if opts.labels:
        kwargs["labels"] = {sid: lab.value for sid, lab in doc.evaluation().evaluation.statements.items()}
    try:
        if kind == "report":
            report_format(path, ext).writer(doc.map, path, **kwargs)  # type: ignore[misc]
        else:
            getattr(images, f"export_{kind}")(doc.map, path, **kwargs)
    except MapFileError as e:
        QMessageBox.critical(w, "Cannot export", str(e))
        return None
    except (OSError, ValueError, MemoryError) as e:
        QMessageBox.critical(w, "Cannot export", f"{path}: {e}")
        return None
    w.statusBar().showMessage(f"Exported {path}", 4000)
    return path


def copy_as_image(w: QMainWindow, doc: DocumentController) -> None:
    """Edit > Copy as Image: the selection (or the whole map) as PNG, SVG and an outline on the clipboard."""
    ids = selected_statements(doc.map, list(doc.selection))
    if not doc.map.statements:
        w.statusBar().showMessage("The map is empty: nothing to copy.", 4000)
        return
    images.to_clipboard(doc.map, ids or None)
    what = f"{len(ids)} statement{'s' if len(ids) != 1 else ''}" if ids else "the map"
    w.statusBar().showMessage(f"Copied {what} as an image", 4000)
