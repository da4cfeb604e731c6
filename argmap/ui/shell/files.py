"""File names and file drops for the windows: which files open as maps, and the filters and names offered."""

from __future__ import annotations

import os
import re

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QDropEvent

from ...io.native import EXTENSION
from ...io.registry import readable_extensions
from ...model import ArgumentMap
from ...resources import samples_dir

# characters that no file system takes in a name
UNSAFE_IN_NAMES = '<>:"/\\|?*'


def native_filter() -> str:
    """The file-dialog filter of argmap's own maps."""
    return f"argmap maps (*{EXTENSION})"


def open_filter() -> str:
    """The file-dialog filters for opening: argmap maps, and every format argmap reads."""
    exts = " ".join(f"*{e}" for e in dict.fromkeys([EXTENSION, *readable_extensions()]))
    return f"{native_filter()};;All readable ({exts})"


def is_map_file(path: str) -> bool:
    """Whether a file opens as a map: an argmap map or a format argmap can import."""
    low = path.lower()
    return low.endswith(EXTENSION) or any(low.endswith(e) for e in readable_extensions())


def dropped_maps(event: QDropEvent) -> list[str]:
    """The local map files a drag carries (drag-enter, drag-move and drop events alike)."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and is_map_file(u.toLocalFile())]


def file_stem(name: str) -> str:
    """A map's name made safe as a file name (without extension) to offer in a save dialog: no character
    a file system refuses, no control character, one line, no leading or trailing dots, dashes or spaces."""
    cleaned = "".join(" " if c in UNSAFE_IN_NAMES or not c.isprintable() else c for c in name)
    stem = re.sub(r"\s+", " ", cleaned)[:80].strip(" .-") or "Untitled"
    return stem


def suggested_stem(amap: ArgumentMap) -> str:
    """The file name (without extension) offered for a map not saved yet: its title, else its first source's."""
    first_source = next((s.title for s in amap.sources.values() if s.title.strip()), "")
    return file_stem(amap.title.strip() or first_source)


def documents_folder() -> str:
    """The user's documents folder (the home folder where the platform has none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder if folder and os.path.isdir(folder) else os.path.expanduser("~")


def inside_samples(path: str) -> bool:
    """Whether ``path`` is in the shipped samples folder (a copy of the install, never a place to save)."""
    samples = os.path.realpath(samples_dir())
    try:
        return os.path.commonpath([os.path.realpath(path), samples]) == samples
    except ValueError:  # another drive on Windows
        return False


def save_folder(last_saved: str | None) -> str:
    """Where a save dialog opens for a map not saved yet: the folder the user last saved in, while it
    exists, else the documents folder; never the samples folder of the install."""
    if last_saved and os.path.isdir(last_saved) and not inside_samples(last_saved):
        return last_saved
    return documents_folder()
