"""Which formats argmap reads and writes, found by extension and, where that is ambiguous, by content.

Readers and writers are named as ``"module:function"`` strings and imported
only when used, so that starting the command line stays fast and formats
that draw with Qt (SVG, PNG, PDF) keep Qt out of this layer.

A reader is ``f(path) -> ImportResult``; a writer is ``f(amap, path, **options) -> None``.
Both raise :class:`MapFileError` for anything wrong with the file.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field

from ..model import ArgumentMap
from .errors import MapFileError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable


@dataclass(slots=True)
class ImportReport:
    """What an import did: counts, and everything dropped or approximated."""

    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def note(self, message: str) -> None:
        self.notes.append(message)

    def lines(self) -> list[str]:
        out = []
        if self.counts:
            out.append(", ".join(f"{v} {k}" for k, v in self.counts.items()))
        out.extend(self.notes)
        return out


@dataclass(slots=True)
class ImportResult:
    """A map read from a file, and the report of what reading it did."""

    map: ArgumentMap
    report: ImportReport = field(default_factory=ImportReport)


@dataclass(frozen=True, slots=True)
class FormatSpec:
    """A format: its name, label and extensions, and its reader, writer and sniffer as "module:function"."""

    name: str
    label: str
    extensions: tuple[str, ...]
    reader: str | None = None
    writer: str | None = None
    sniff: str | None = None  # "module:function(head: str) -> bool" for shared extensions
    needs_qt: bool = False

    def load(self, which: str) -> Callable[..., Any]:
        target = getattr(self, which)
        if target is None:
            raise KeyError(which)
        module, _, func = target.partition(":")
        return getattr(importlib.import_module(module), func)


FORMATS: list[FormatSpec] = [
    FormatSpec("argmap", "argmap map", (".argmap.json",),
               "argmap.io.native:read_result", "argmap.io.native:save_map", "argmap.io.native:sniff"),
    FormatSpec("aif", "AIF JSON (AIFdb, OVA)", (".aif.json", ".json"),
               "argmap.io.aif:read_aif", "argmap.io.aif_export:write_aif", "argmap.io.aif:sniff"),
    FormatSpec("microtext", "Argumentative microtext (arggraph XML)", (".xml",), "argmap.io.microtext:read_microtext"),
    FormatSpec("carneades", "Carneades YAML", (".yml", ".yaml"), "argmap.io.carneades:read_carneades"),
    FormatSpec("graphml", "GraphML (yEd, Gephi)", (".graphml",),
               "argmap.io.graphml:read_graphml", "argmap.io.graphml:write_graphml"),
    FormatSpec("dot", "Graphviz DOT", (".dot", ".gv"), None, "argmap.io.dot:write_dot"),
    FormatSpec("argdown", "Argdown", (".argdown", ".ad"), "argmap.io.argdown:read_result",
               "argmap.io.argdown:save_argdown"),
    # outlines and pictures of a map: written, never read
    FormatSpec("markdown", "Markdown outline", (".md", ".markdown"), writer="argmap.io.outline:write_markdown"),
    FormatSpec("text", "plain-text outline", (".txt",), writer="argmap.io.outline:write_text"),
    FormatSpec("svg", "SVG image", (".svg",), writer="argmap.draw.svg:export_svg"),
    FormatSpec("png", "PNG image", (".png",), writer="argmap.ui.export:export_png", needs_qt=True),
    FormatSpec("pdf", "PDF document", (".pdf",), writer="argmap.ui.export:export_pdf", needs_qt=True),
]


def register(spec: FormatSpec) -> None:
    """Add a format (later entries never shadow earlier ones for the same name)."""
    if any(f.name == spec.name for f in FORMATS):
        raise ValueError(f"format {spec.name!r} is already registered")
    FORMATS.append(spec)


def by_name(name: str) -> FormatSpec | None:
    key = name.lower().lstrip(".")
    for f in FORMATS:
        if f.name == key:
            return f
    for f in FORMATS:
        if any(e.lstrip(".") == key for e in f.extensions):
            return f
    return None


def _candidates(path: str) -> list[FormatSpec]:
    low = os.path.basename(path).lower()
    matches = [(max(len(e) for e in f.extensions if low.endswith(e)), f)
               for f in FORMATS if any(low.endswith(e) for e in f.extensions)]
    if not matches:
        return []
    best = max(n for n, _ in matches)
    longest = [f for n, f in matches if n == best]
    # a longer extension (".argmap.json") wins over a shorter one (".json") unless content says otherwise
    return longest + [f for n, f in matches if n < best]


def _head(path: str, size: int = 65536) -> str:
    try:
        with open(path, "rb") as fh:
            return fh.read(size).decode("utf-8", errors="replace")
    except OSError as e:
        raise MapFileError(path, "", f"cannot read: {e.strerror or e}") from None


def output_extension(path: str) -> str:
    low = os.path.basename(path).lower()
    for f in FORMATS:
        for e in sorted(f.extensions, key=len, reverse=True):
            if low.endswith(e):
                return e
    return os.path.splitext(low)[1]


def detect_reader(path: str) -> FormatSpec:
    """The format to read ``path`` with: by extension, and by content when several share it."""
    cands = [f for f in _candidates(path) if f.reader]
    if not cands:
        raise MapFileError(path, "", f"unknown input format {output_extension(path) or '(no extension)'!r}; "
                                     f"argmap reads {', '.join(readable_extensions())}")
    if len(cands) == 1:
        return cands[0]
    if not os.path.exists(path):
        raise MapFileError(path, "", "no such file")
    head = _head(path)
    for f in cands:
        if f.sniff and f.load("sniff")(head):
            return f
    return cands[0]


def detect_writer(path: str, fmt: str | None = None) -> FormatSpec:
    if fmt:
        spec = by_name(fmt)
        if spec is None or not spec.writer:
            raise MapFileError(path, "", f"unknown output format {fmt!r}; argmap writes {', '.join(writable_names())}")
        return spec
    for f in _candidates(path):
        if f.writer:
            return f
    raise MapFileError(path, "", f"unknown output format {output_extension(path) or '(no extension)'!r}; "
                                 f"argmap writes {', '.join(writable_extensions())}")


def read_any(path: str | os.PathLike[str], fmt: str | None = None) -> ImportResult:
    """Read any format argmap knows; raises :class:`MapFileError` only."""
    p = os.fspath(path)
    spec = by_name(fmt) if fmt else detect_reader(p)
    if spec is None or not spec.reader:
        raise MapFileError(p, "", f"cannot read format {fmt!r}")
    return spec.load("reader")(p)


def write_any(amap: ArgumentMap, path: str | os.PathLike[str], fmt: str | None = None, **options: Any) -> FormatSpec:
    p = os.fspath(path)
    spec = detect_writer(p, fmt)
    spec.load("writer")(amap, p, **options)
    return spec


def readable_extensions() -> list[str]:
    return [e for f in FORMATS if f.reader for e in f.extensions]


def writable_extensions() -> list[str]:
    return [e for f in FORMATS if f.writer for e in f.extensions]


def writable_names() -> list[str]:
    return [f.name for f in FORMATS if f.writer]
