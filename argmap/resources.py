"""Where the bundled samples and resources are, in a checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    installed = _PKG / "_data" / name
    if installed.is_dir():
        return installed
    return _PKG.parent / name  # a checkout or an editable install


def samples_dir() -> Path:
    return _find("samples")


def resources_dir() -> Path:
    return _find("resources")


def readme_path() -> Path | None:
    """The user guide (the README, which links the rest of the docs): shipped in a wheel, or the checkout's."""
    for path in (_PKG / "_data" / "README.md", _PKG.parent / "README.md"):
        if path.is_file():
            return path
    return None


def sample_paths() -> list[Path]:
    """The shipped sample maps, in a stable order."""
    return sorted(samples_dir().glob("*.argmap.json"))
