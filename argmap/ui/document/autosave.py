"""Autosave: a recovery copy of a map with unsaved changes a few seconds after its last edit, and its file's lock."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from ...io.recovery import RecoveryStore
from .controller import DocumentController

# Tests (and portable set-ups) point this at a folder so that the user's own recovery data is never touched
ENV_RECOVERY_DIR = "ARGMAP_RECOVERY_DIR"
# long enough that typing does not write on every key, short enough that a crash loses little
DELAY_MS = 3000

log = logging.getLogger(__name__)


def recovery_dir() -> Path:
    """Where recovery copies and locks go: ``$ARGMAP_RECOVERY_DIR`` or ``recovery`` in the user's data folder."""
    env = os.environ.get(ENV_RECOVERY_DIR)
    if env:
        return Path(env)
    loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(loc or Path.home() / ".argmap") / "recovery"


class Autosave(QObject):
    """Looks after one document's recovery copy and the lock on its file.

    Every change to the undo stack restarts a single-shot timer; when it fires and the map has unsaved
    changes, the map is written to the recovery folder. Saving (or undoing back to the saved state)
    removes the copy. Nothing here raises into the editor: a recovery folder that cannot be written is
    logged and the editor carries on."""

    written = Signal(str)  # the recovery copy's path, after each write

    def __init__(
        self, doc: DocumentController, store: RecoveryStore, delay_ms: int = DELAY_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent if parent is not None else doc)
        self.doc = doc
        self.store = store
        self.key = store.new_key()
        self._closed = False
        self._locked: str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)
        doc.undo_stack.indexChanged.connect(self._on_edit)
        doc.undo_stack.cleanChanged.connect(self._on_clean_changed)
        doc.path_changed.connect(self._follow_path)
        self._follow_path()

    # ------------------------------------------------------------ the copy
    def _on_edit(self, *_: object) -> None:
        if self.doc.dirty:
            self.timer.start()

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:  # saved, or undone back to what is on disk
            self.discard()
        else:
            self.timer.start()

    def flush(self) -> None:
        """Write the recovery copy now if the map has unsaved changes."""
        self.timer.stop()
        if self._closed or not self.doc.dirty:
            return
        try:
            path = self.store.write(self.key, self.doc.map, self.doc.path, self.doc.display_name)
        except Exception:  # noqa: BLE001 - whatever goes wrong here must not reach the user's editing
            log.exception("could not write the recovery copy of %s", self.doc.display_name)
            return
        self.written.emit(str(path))

    def discard(self) -> None:
        """Remove the recovery copy: the map is saved, or its changes were given up on purpose."""
        self.timer.stop()
        try:
            self.store.remove(self.key)
        except OSError:
            log.exception("could not remove the recovery copy of %s", self.doc.display_name)

    def adopt(self, key: str) -> None:
        """Take over an earlier recovery copy (a map restored from it) and rewrite it as this process's own."""
        if key != self.key:
            self.discard()
            self.key = key
        self.flush()

    def close(self, keep: bool) -> None:
        """The window closes: drop the copy (``keep`` False: saved or discarded on purpose) or write it now
        and leave it for the next start; either way release the file's lock and stop following the document
        (whose undo stack signals again while it is destroyed)."""
        if self._closed:
            return
        if keep:
            self.flush()
        else:
            self.discard()
        self._closed = True
        self.doc.undo_stack.indexChanged.disconnect(self._on_edit)
        self.doc.undo_stack.cleanChanged.disconnect(self._on_clean_changed)
        self.doc.path_changed.disconnect(self._follow_path)
        self._release()

    # ----------------------------------------------------------------- lock
    def _follow_path(self, *_: object) -> None:
        path = self.doc.path
        if path == self._locked:
            return
        self._release()
        if path:
            try:
                self.store.take_lock(path)
            except Exception:  # noqa: BLE001 - a lock that cannot be written only loses the warning
                log.exception("could not lock %s", path)
                return
            self._locked = path

    def _release(self) -> None:
        if self._locked is None:
            return
        path, self._locked = self._locked, None
        try:
            self.store.release_lock(path)
        except OSError:
            log.exception("could not unlock %s", path)
