"""Persistent user settings (QSettings): recent files, window geometry and dock layout, theme, the analyst."""

from __future__ import annotations

import getpass
import os

try:
    import pwd  # the full name in the user database, where the platform has one
except ImportError:  # pragma: no cover - Windows
    pwd = None  # type: ignore[assignment]

from PySide6.QtCore import QByteArray, QSettings

# Tests (and anyone who wants a portable set-up) point this at an .ini file
# so that the real user's settings are never read or written.
ENV_SETTINGS_FILE = "ARGMAP_SETTINGS_FILE"
MAX_RECENT = 10
THEMES = ("system", "light", "dark", "high-contrast")


def settings() -> QSettings:
    """The application's settings store: ``QSettings("argmap", "argmap")`` unless
    ``$ARGMAP_SETTINGS_FILE`` names an ini file to use instead."""
    path = os.environ.get(ENV_SETTINGS_FILE)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("argmap", "argmap")


def _norm(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def recent_files() -> list[str]:
    """Recently opened or saved maps, newest first, only those that still exist."""
    value = settings().value("recent_files", [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-element list
        value = [value]
    return [p for p in (value or []) if isinstance(p, str) and os.path.isfile(p)]


def add_recent_file(path: str) -> list[str]:
    """Put ``path`` at the top of the recent files; returns the new list."""
    path = os.path.abspath(path)
    items = [path] + [p for p in recent_files() if _norm(p) != _norm(path)]
    items = items[:MAX_RECENT]
    s = settings()
    s.setValue("recent_files", items)
    s.sync()
    return items


def clear_recent_files() -> None:
    s = settings()
    s.setValue("recent_files", [])
    s.sync()


def window_state() -> tuple[QByteArray | None, QByteArray | None]:
    """Saved (geometry, dock/toolbar state) of the main window, or Nones."""
    s = settings()
    geometry = s.value("window/geometry")
    state = s.value("window/state")
    return (geometry if isinstance(geometry, QByteArray) else None, state if isinstance(state, QByteArray) else None)


def save_window_state(geometry: QByteArray, state: QByteArray) -> None:
    s = settings()
    s.setValue("window/geometry", geometry)
    s.setValue("window/state", state)
    s.sync()


def theme() -> str:
    """ "system", "light", "dark" or "high-contrast"."""
    value = settings().value("theme", "system")
    return value if value in THEMES else "system"


def set_theme(value: str) -> None:
    if value not in THEMES:
        raise ValueError(f"unknown theme {value!r}")
    s = settings()
    s.setValue("theme", value)
    s.sync()


def legend_visible() -> bool:
    value = settings().value("view/legend", True)
    return value not in (False, "false", "0", 0)


def set_legend_visible(on: bool) -> None:
    s = settings()
    s.setValue("view/legend", bool(on))
    s.sync()


def last_save_folder() -> str | None:
    """The folder the user last saved a map in, or None."""
    value = settings().value("files/last_save_folder")
    return value if isinstance(value, str) and value else None


def set_last_save_folder(folder: str) -> None:
    s = settings()
    s.setValue("files/last_save_folder", os.path.abspath(folder))
    s.sync()


def login_name() -> str:
    """The user's name as the system knows it: the full name from the user database, else the login."""
    if pwd is not None:
        try:
            full = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        except (KeyError, OSError):
            full = ""
        if full:
            return full
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        return ""


def analyst() -> str:
    """Who analyses the maps made here (the author of their PDFs): set in Preferences, else the user's name."""
    value = settings().value("analyst")
    return value.strip() if isinstance(value, str) and value.strip() else login_name()


def set_analyst(name: str) -> None:
    s = settings()
    s.setValue("analyst", name.strip())
    s.sync()
