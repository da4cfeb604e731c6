"""One DocumentController per open map: the model, its undo stack, its file, its selection."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ...evaluation import LiveEvaluation
from ...io import ImportReport, MapFileError, load_map, read_any, save_map
from ...io.native import EXTENSION
from ...model import ArgumentMap, Change, ModelError
from .commands import MapCommand


class DocumentController(QObject):
    """Owns the :class:`ArgumentMap`, the ``QUndoStack``, the path and the dirty flag.

    Only the controller pushes commands (``push``); views listen to
    ``map_changed`` (one Qt signal per model event) and to ``selection_changed``.
    Selection is UI state shared by the canvas, outline, inspector and source panel:
    ``select(ids, origin)`` sets it, and widgets ignore the echo of their own change.
    """

    map_changed = Signal(object)  # argmap.model.Change
    selection_changed = Signal(list, object)  # ids, origin (the widget that set it, or None)
    path_changed = Signal(str)
    dirty_changed = Signal(bool)
    status_message = Signal(str)  # a short message for the status bar
    focus_requested = Signal(str)  # centre the canvas on this element
    evaluation_changed = Signal(object)  # ids whose evaluation label or reason changed (see evaluation())

    def __init__(self, amap: ArgumentMap | None = None, path: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.map = amap if amap is not None else ArgumentMap()
        self.path = path
        # what importing another format did (None for a map read from its own file format)
        self.import_report: ImportReport | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._selection: list[str] = []
        self._live: LiveEvaluation | None = None
        self._unsubscribe = self.map.subscribe(self._on_model_changed)

    # ---------------------------------------------------------------- files
    @classmethod
    def open(cls, path: str, parent: QObject | None = None) -> DocumentController:
        """Load a map file; raises MapFileError (nothing else) when it cannot."""
        p = os.path.abspath(path)
        if p.lower().endswith(EXTENSION):
            return cls(load_map(p), p, parent)
        # another format: imported, so it has no path of its own until saved
        result = read_any(p)
        doc = cls(result.map, None, parent)
        doc.import_report = result.report
        return doc

    def save(self, path: str | None = None) -> None:
        """Save atomically to ``path`` (or the current path); raises MapFileError."""
        target = path or self.path
        if not target:
            raise MapFileError(None, "", "this map has no file name yet; use Save As")
        save_map(self.map, target)
        self.undo_stack.setClean()
        if os.path.abspath(target) != self.path:
            self.path = os.path.abspath(target)
            self.path_changed.emit(self.path)

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        if self.path:
            name = os.path.basename(self.path)
            return name[: -len(EXTENSION)] if name.lower().endswith(EXTENSION) else name
        return self.map.title or "Untitled"

    def close(self) -> None:
        self._unsubscribe()

    def __del__(self) -> None:
        # Empty the undo stack while every command's Python object still exists: the garbage
        # collector may otherwise free command wrappers before ~QUndoStack deletes them (a crash)
        try:
            self.undo_stack.clear()
        except (RuntimeError, AttributeError):  # already deleted on the C++ side
            pass

    # ---------------------------------------------------------------- edits
    def push(self, command: MapCommand) -> MapCommand:
        """Run a command through the undo stack; raises its ModelError if it failed
        (then nothing changed and nothing was pushed)."""
        self.undo_stack.push(command)
        if command.error is not None:
            raise command.error
        return command

    def try_push(self, command: MapCommand) -> bool:
        """Like ``push`` but reports a failure on the status bar instead of raising."""
        try:
            self.push(command)
        except ModelError as e:
            self.status_message.emit(f"Cannot {command.text().lower()}: {e}")
            return False
        return True

    @contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """Group the commands pushed inside into one undo step."""
        self.undo_stack.beginMacro(text)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    # ------------------------------------------------------------- selection
    @property
    def selection(self) -> list[str]:
        return list(self._selection)

    def select(self, ids: Iterable[str], origin: object = None) -> None:
        ids = [i for i in dict.fromkeys(ids) if i in self.map]
        if ids == self._selection:
            return
        self._selection = ids
        self.selection_changed.emit(list(ids), origin)

    # ---------------------------------------------------------------- events
    def _on_clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    def _on_model_changed(self, change: Change) -> None:
        # labels first (pure Python, no signal), so views that rebuild on map_changed can read them
        relabelled = self._live.refresh(change) if self._live is not None else None
        if change.removed and any(i in change.removed for i in self._selection):
            self._selection = [i for i in self._selection if i not in change.removed]
            self.map_changed.emit(change)
            self.selection_changed.emit(list(self._selection), None)
        else:
            self.map_changed.emit(change)
        if relabelled:
            self.evaluation_changed.emit(relabelled)

    # ------------------------------------------------------------ evaluation
    def evaluation(self) -> LiveEvaluation:
        """The map's labels and reasons (``argmap.evaluation``), made on first use and kept current
        after every change from then on."""
        if self._live is None:
            self._live = LiveEvaluation(self.map)
        return self._live
