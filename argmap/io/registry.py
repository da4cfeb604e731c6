"""Which formats argmap reads and writes, found by extension and, where that is ambiguous, by content.

Each format is a :class:`FormatSpec` given to :func:`register`.  ``argmap.io`` registers the formats
it reads and writes itself (:mod:`argmap.io.formats`); the picture formats are drawn by the layers
above io, and the application registers them when it starts (:mod:`argmap.ui.export.formats`).

A reader is ``f(path) -> ImportResult``; a writer is ``f(amap, path, **options) -> None``.
Both raise :class:`MapFileError` for anything wrong with the file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..model import ArgumentMap
from .errors import MapFileError


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


Reader = Callable[[str], ImportResult]
Sniffer = Callable[[str], bool]


class Writer(Protocol):
    """Writes a map to a file; takes the options it understands and ignores the rest."""

    def __call__(self, amap: ArgumentMap, path: str, **options: Any) -> None: ...


@dataclass(frozen=True, slots=True)
class FormatSpec:
    """A format: its name, label and extensions, how to read and write it, and (for extensions
    several formats share) how to tell it from the start of a file."""

    name: str
    label: str
    extensions: tuple[str, ...]
    reader: Reader | None = None
    writer: Writer | None = None
    sniff: Sniffer | None = None
    needs_qt: bool = False  # its writer draws with Qt: the caller makes the application first


FORMATS: list[FormatSpec] = []


def register(spec: FormatSpec) -> None:
    """Add a format after those registered before it, which win where extensions are shared.
    Registering the same format again changes nothing; another format of the same name is an error."""
    if spec in FORMATS:
        return
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
    matches = [
        (max(len(e) for e in f.extensions if low.endswith(e)), f)
        for f in FORMATS
        if any(low.endswith(e) for e in f.extensions)
    ]
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
        raise MapFileError(
            path,
            "",
            f"unknown input format {output_extension(path) or '(no extension)'!r}; "
            f"argmap reads {', '.join(readable_extensions())}",
        )
    if len(cands) == 1:
        return cands[0]
    if not os.path.exists(path):
        raise MapFileError(path, "", "no such file")
    head = _head(path)
    for f in cands:
        if f.sniff is not None and f.sniff(head):
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
    raise MapFileError(
        path,
        "",
        f"unknown output format {output_extension(path) or '(no extension)'!r}; "
        f"argmap writes {', '.join(writable_extensions())}",
    )


def read_any(path: str | os.PathLike[str], fmt: str | None = None) -> ImportResult:
    """Read any format argmap knows; raises :class:`MapFileError` only."""
    p = os.fspath(path)
    spec = by_name(fmt) if fmt else detect_reader(p)
    if spec is None or spec.reader is None:
        raise MapFileError(p, "", f"cannot read format {fmt!r}")
    return spec.reader(p)


def write_any(amap: ArgumentMap, path: str | os.PathLike[str], fmt: str | None = None, **options: Any) -> FormatSpec:
    p = os.fspath(path)
    spec = detect_writer(p, fmt)
    assert spec.writer is not None  # detect_writer finds only formats with a writer
    spec.writer(amap, p, **options)
    return spec


def readable_extensions() -> list[str]:
    return [e for f in FORMATS if f.reader for e in f.extensions]


def writable_extensions() -> list[str]:
    return [e for f in FORMATS if f.writer for e in f.extensions]


def writable_names() -> list[str]:
    return [f.name for f in FORMATS if f.writer]
