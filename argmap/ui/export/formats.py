"""The picture formats (SVG, PNG, PDF), which the layers above io draw, for the file-format registry.

The application registers them when it starts (the command line and the editor alike).  This module
loads no Qt: the command line lists and picks formats without it, and each writer imports what
draws its format when it is called (SVG is drawn without Qt).
"""

from __future__ import annotations

from typing import Any

from ...io.registry import FormatSpec, register
from ...model import ArgumentMap


def _write_svg(amap: ArgumentMap, path: str, **options: Any) -> None:
    from ...draw.svg import export_svg

    export_svg(amap, path, **options)


def _write_png(amap: ArgumentMap, path: str, **options: Any) -> None:
    from .images import export_png

    export_png(amap, path, **options)


def _write_pdf(amap: ArgumentMap, path: str, **options: Any) -> None:
    from .images import export_pdf

    export_pdf(amap, path, **options)


PICTURE_FORMATS = (
    FormatSpec("svg", "SVG image", (".svg",), writer=_write_svg),
    FormatSpec("png", "PNG image", (".png",), writer=_write_png, needs_qt=True),
    FormatSpec("pdf", "PDF document", (".pdf",), writer=_write_pdf, needs_qt=True),
)


def register_picture_formats() -> None:
    """Register the formats of :data:`PICTURE_FORMATS` after argmap.io's own (again: no change)."""
    for spec in PICTURE_FORMATS:
        register(spec)
