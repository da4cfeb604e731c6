"""The main window: one per open map, the canvas in the centre, dockable Outline, Inspector and Source panels."""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from ...io import MapFileError, write_any
from ...io.native import EXTENSION
from ...io.registry import FORMATS, readable_extensions
from ..canvas.minimap import Minimap
from ..canvas.view import MapView
from ..document.autosave import Autosave
from ..document.controller import DocumentController
from ..export import dialog as export_dialog
from ..export import printing
from ..panels.find_bar import FindBar
from ..panels.inspector import InspectorPanel
from ..panels.outline import OutlinePanel
from ..panels.problems import ProblemsPanel
from ..source.panel import SourcePanel
from . import settings
from .dock_layout import DockSizes
from .files import dropped_maps, file_stem, inside_samples, native_filter, open_filter, save_folder, suggested_stem
from .menus import build_menus, fill_recent_menu
from .source_dock import install_source_panel

if TYPE_CHECKING:  # pragma: no cover
    from .window_manager import WindowManager

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """One open map.  Files, docks, menus and the find bar around the canvas (``argmap.ui.canvas``)."""

    def __init__(self, doc: DocumentController, manager: WindowManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.doc = doc
        self.manager = manager  # the application's windows: opening, saving and quitting go through it
        doc.setParent(self)
        self._forced = False
        # a recovery copy while the map has unsaved changes, and the lock that tells other argmaps it is open
        self.autosave = Autosave(doc, manager.recovery, manager.autosave_delay_ms)
        self.view = MapView(doc)
        self.find_bar = FindBar(doc)
        self.find_bar.matches_changed.connect(self.view.set_find_matches)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self.outline = OutlinePanel(doc)
        self.inspector = InspectorPanel(doc)
        self.source_panel = SourcePanel(doc)
        # the source text is the core workflow: its own dock on the left, beside the map; the
        # outline above the inspector on the right (neither hides the other behind a tab)
        self.source_dock = self._dock("Source", "source-dock", self.source_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.outline_dock = self._dock("Outline", "outline-dock", self.outline, Qt.DockWidgetArea.RightDockWidgetArea)
        self.inspector_dock = self._dock(
            "Inspector", "inspector-dock", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.splitDockWidget(self.outline_dock, self.inspector_dock, Qt.Orientation.Vertical)
        # what is weak or broken in the map, below it as in an IDE; shown from View > Panels
        self.problems = ProblemsPanel(doc)
        self.problems_dock = self._dock(
            "Problems", "problems-dock", self.problems, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.problems_dock.hide()
        # the whole map small, the visible area a rectangle to drag (View > Panels > Overview)
        self.overview_dock = self._dock(
            "Overview", "overview-dock", Minimap(self.view), Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.overview_dock.hide()
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        self.named_actions: dict[str, QAction] = {}
        self._docks_balanced = False
        self.dock_sizes = DockSizes(self, self.source_dock, self.outline_dock, self.inspector_dock)
        self.canvas_actions = self.view.canvas_actions  # the canvas's edits, shown in the menus and toolbar
        self.recent_menu, self.toolbar = build_menus(self)
        self.source_menu, self.coverage_label = install_source_panel(self)
        self.setAcceptDrops(True)
        self.statusBar()
        doc.status_message.connect(lambda msg: self.statusBar().showMessage(msg, 6000))
        doc.dirty_changed.connect(self._update_title)
        doc.path_changed.connect(self._update_title)
        doc.map_changed.connect(self._on_map_changed)
        doc.focus_requested.connect(self._on_focus_requested)
        self._update_title()
        self.show_analyst_default()
        self._restore_layout()
        manager.register(self)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _restore_layout(self) -> None:
        geometry, state = settings.window_state()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1440, 900)
        # no layout of the user's: the docks get their first sizes when the window shows, at its width then
        self._fresh_layout = state is None or not self.restoreState(state)
        # a map with sources opens with its text beside it; one without starts with the canvas wide
        self.source_dock.setVisible(bool(self.doc.map.sources))
        if self.doc.map.sources:
            self.source_dock.raise_()  # in front, should a restored layout have tabbed it behind another

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._docks_balanced:
            self._docks_balanced = True
            self.dock_sizes.shown(self._fresh_layout)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._docks_balanced:  # the docks follow the window, giving way before the canvas does
            self.dock_sizes.resized()

    # ------------------------------------------------------------------ title
    def _update_title(self, *_: Any) -> None:
        self.setWindowTitle(f"{self.doc.display_name}[*] — argmap")
        self.setWindowModified(self.doc.dirty)
        if self.doc.path:
            self.setWindowFilePath(self.doc.path)

    def _on_map_changed(self, change: Any) -> None:
        if change.meta and not self.doc.path:
            self._update_title()

    def _on_focus_requested(self, eid: str) -> None:
        self.view.center_on(eid)

    def is_pristine(self) -> bool:
        """An untitled window that was never edited (opening a file may replace it)."""
        return (
            not self.doc.path
            and not self.doc.dirty
            and not self.doc.map.statements
            and self.doc.undo_stack.count() == 0
        )

    # ------------------------------------------------------------------ files
    def new_file(self) -> None:
        self.manager.new_document(near=self)

    def open_file(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Open map", self._dialog_dir(), f"{open_filter()};;All files (*)")
        for path in paths:
            self.manager.open_path(path, near=self)

    def open_path(self, path: str) -> None:
        self.manager.open_path(path, near=self)

    def save(self) -> bool:
        if not self.doc.path:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        if self.doc.path and not inside_samples(self.doc.path):
            suggested = self.doc.path
        else:
            suggested = os.path.join(self._save_dir(), self._save_stem() + EXTENSION)
        path, _ = QFileDialog.getSaveFileName(self, "Save map as", suggested, native_filter())
        if not path:
            return False
        if not path.lower().endswith(EXTENSION):
            path += EXTENSION
        other = self.manager.window_for(path)
        if other is not None and other is not self:
            QMessageBox.critical(self, "Cannot save", f"{path} is open in another window; close it first.")
            return False
        return self._save_to(path)

    def _save_to(self, path: str) -> bool:
        try:
            self.doc.save(path)
        except MapFileError as e:
            QMessageBox.critical(self, "Cannot save", str(e))
            return False
        except OSError as e:
            QMessageBox.critical(self, "Cannot save", f"{path}: {e.strerror or e}")
            return False
        self.manager.note_saved(path)
        settings.set_last_save_folder(os.path.dirname(os.path.abspath(path)))
        self.statusBar().showMessage(f"Saved {path}", 4000)
        self._update_title()
        return True

    def _save_dir(self) -> str:
        """Where a save or export dialog opens: beside the map's file, or for a map not saved yet (or
        opened from the samples of the install) the last folder saved in, else the documents folder."""
        if self.doc.path and not inside_samples(self.doc.path):
            return os.path.dirname(self.doc.path)
        return save_folder(settings.last_save_folder())

    def _save_stem(self) -> str:
        if self.doc.path:
            return file_stem(self.doc.display_name)
        return suggested_stem(self.doc.map)

    def _dialog_dir(self) -> str:
        if self.doc.path:
            return os.path.dirname(self.doc.path)
        recent = settings.recent_files()
        return os.path.dirname(recent[0]) if recent else os.path.expanduser("~")

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; True when it is fine to go on."""
        if not self.doc.dirty:
            return True
        answer = QMessageBox.warning(
            self,
            "Unsaved changes",
            f"Save the changes to “{self.doc.display_name}” before closing?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def force_close(self) -> None:
        """Close without asking (tests, shutdown)."""
        self._forced = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._forced and not self.maybe_save():
            event.ignore()
            return
        settings.save_window_state(self.saveGeometry(), self.saveState())
        # asked, the user saved or discarded the changes; closed without asking, they are kept for the next start
        self.autosave.close(keep=self._forced)
        self.manager.unregister(self)
        self.find_bar.close_bar()
        self.doc.close()
        event.accept()

    # ---------------------------------------------------------------- import/export
    def import_file(self) -> None:
        exts = " ".join(f"*{e}" for e in readable_extensions())
        path, _ = QFileDialog.getOpenFileName(self, "Import", self._dialog_dir(), f"Readable files ({exts})")
        if path:
            self.manager.open_path(path, near=self)

    def export_file(self, fmt: str | None = None) -> None:
        specs = [f for f in FORMATS if f.writer and not f.needs_qt and f.name != "argmap"]
        if fmt is not None:
            specs = [f for f in specs if f.name == fmt]
        if not specs:
            QMessageBox.information(self, "Export", "No other export formats are available yet.")
            return
        filters = [f"{f.label} ({' '.join('*' + e for e in f.extensions)})" for f in specs]
        stem = os.path.join(self._save_dir(), self._save_stem())
        path, chosen = QFileDialog.getSaveFileName(self, "Export", stem + specs[0].extensions[0], ";;".join(filters))
        if not path:
            return
        spec = specs[filters.index(chosen)] if chosen in filters else None
        if spec is not None and not any(path.lower().endswith(e) for e in spec.extensions):
            path += spec.extensions[0]
        try:
            write_any(self.doc.map, path, spec.name if spec else None)
        except MapFileError as e:
            QMessageBox.critical(self, "Cannot export", str(e))
            return
        self.statusBar().showMessage(f"Exported {path}", 4000)

    def export_image(self, kind: str) -> str | None:
        """SVG / PNG / PDF through an options dialog and ``argmap.ui.export.images`` (drawn like the canvas)."""
        stem = os.path.join(self._save_dir(), self._save_stem())
        # in Evaluate mode the export offers the labels the canvas shows
        return export_dialog.export_image(
            self, self.doc, kind, stem, labels=self.view.evaluate_mode.on, author=self.analyst()
        )

    def analyst(self) -> str:
        """Who analysed this map: the map's own analyst, else the one set in Preferences (the user's name)."""
        return str(self.doc.map.meta.get("analyst") or "").strip() or settings.analyst()

    def show_analyst_default(self) -> None:
        """Show, in the Inspector's empty Analyst field, who the PDF will name when the map names nobody."""
        self.inspector.map_analyst.setPlaceholderText(settings.analyst())

    def copy_as_image(self) -> None:
        export_dialog.copy_as_image(self, self.doc)

    def print_map(self, preview: bool = False) -> bool:
        """File > Print… (the print dialog) or Print Preview…; the selection only when statements are selected."""
        ids = export_dialog.selected_statements(self.doc.map, list(self.doc.selection)) or None
        return printing.print_map(self, self.doc.map, ids, preview=preview)

    # ------------------------------------------------------------------ recent
    def refresh_recent_menu(self) -> None:
        fill_recent_menu(self, self.recent_menu)

    # ------------------------------------------------------------- drag & drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_maps(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if dropped_maps(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_maps(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        for path in paths:
            self.manager.open_path(path, near=self)

    # ---------------------------------------------------------------- geometry
    def saved_state(self) -> tuple[QByteArray, QByteArray]:
        return self.saveGeometry(), self.saveState()
