"""The picture formats (SVG, PNG, PDF), which the layers above io draw, for the file-format registry;
and the report's formats (PDF, Markdown, HTML), which ``argmap export --report`` and the Export
Report dialog pick by extension.

The application registers them when it starts (the command line and the editor alike).  This module
loads no Qt: the command line lists and picks formats without it, and each writer imports what
draws its format when it is called (SVG is drawn without Qt).
"""

from __future__ import annotations

import os
from typing import Any

from ...io.errors import MapFileError
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


def _write_report_pdf(amap: ArgumentMap, path: str, **options: Any) -> None:
    from .report_pdf import export_report_pdf

    export_report_pdf(amap, path, **options)


def _write_report_markdown(amap: ArgumentMap, path: str, **options: Any) -> None:
    from ...draw.report import write_report_markdown

    write_report_markdown(amap, path, **options)


def _write_report_html(amap: ArgumentMap, path: str, **options: Any) -> None:
    from ...draw.report import write_report_html

    write_report_html(amap, path, **options)


PICTURE_FORMATS = (
    FormatSpec("svg", "SVG image", (".svg",), writer=_write_svg),
    FormatSpec("png", "PNG image", (".png",), writer=_write_png, needs_qt=True),
    FormatSpec("pdf", "PDF document", (".pdf",), writer=_write_pdf, needs_qt=True),
)


# not in the registry: a report is an export of its own, asked for by name (``--report``)
REPORT_FORMATS = (
    FormatSpec("pdf", "Report (PDF)", (".pdf",), writer=_write_report_pdf, needs_qt=True),
    FormatSpec(
        "md", "Report (Markdown, the map as SVG beside it)", (".md", ".markdown"), writer=_write_report_markdown
    ),
    FormatSpec("html", "Report (HTML)", (".html", ".htm"), writer=_write_report_html),
)


def report_format(path: str, fmt: str | None = None) -> FormatSpec:
    """The report format named ``fmt`` (pdf, md, html), else the one of ``path``'s extension."""
    wanted = fmt.lower().lstrip(".") if fmt else ""
    for spec in REPORT_FORMATS:
        exts = spec.extensions
        if wanted in (spec.name, *(e[1:] for e in exts)) if wanted else path.lower().endswith(exts):
            return spec
    names = ", ".join(s.name for s in REPORT_FORMATS)
    what = repr(fmt) if fmt else f"for {os.path.basename(path) or path!r}"
    raise MapFileError(path, "", f"no report format {what}; a report is written as {names}")


def register_picture_formats() -> None:
    """Register the formats of :data:`PICTURE_FORMATS` after argmap.io's own (again: no change)."""
    for spec in PICTURE_FORMATS:
        register(spec)
