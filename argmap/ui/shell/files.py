"""File names and file drops for the windows: which files open as maps, and the filters and names offered."""

from __future__ import annotations

from PySide6.QtGui import QDropEvent

from ...io.native import EXTENSION
from ...io.registry import readable_extensions

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
    """A map's name made safe as a file name (without extension) to offer in a save dialog."""
    stem = "".join("-" if c in UNSAFE_IN_NAMES else c for c in name).strip() or "Untitled"
    return stem[:80]
