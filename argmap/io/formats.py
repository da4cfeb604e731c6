"""The file formats argmap.io reads and writes, as the registry lists them.

Each format's module is imported when a file of that format is read or written: reading an
Argdown file needs neither the XML nor the YAML libraries, and starting the command line needs none.
"""

from __future__ import annotations

from typing import Any

from ..model import ArgumentMap
from . import native
from .registry import FormatSpec, ImportResult, register


def _read_aif(path: str) -> ImportResult:
    from .aif import read_aif

    return read_aif(path)


def _write_aif(amap: ArgumentMap, path: str, **options: Any) -> None:
    from .aif_export import write_aif

    write_aif(amap, path, **options)


def _sniff_aif(head: str) -> bool:
    from .aif import sniff

    return sniff(head)


def _read_microtext(path: str) -> ImportResult:
    from .microtext import read_microtext

    return read_microtext(path)


def _read_carneades(path: str) -> ImportResult:
    from .carneades import read_carneades

    return read_carneades(path)


def _read_graphml(path: str) -> ImportResult:
    from .graphml import read_graphml

    return read_graphml(path)


def _write_graphml(amap: ArgumentMap, path: str, **options: Any) -> None:
    from .graphml import write_graphml

    write_graphml(amap, path, **options)


def _write_dot(amap: ArgumentMap, path: str, **options: Any) -> None:
    from .dot import write_dot

    write_dot(amap, path, **options)


def _read_argdown(path: str) -> ImportResult:
    from .argdown import read_result

    return read_result(path)


def _write_argdown(amap: ArgumentMap, path: str, **options: Any) -> None:
    from .argdown_writer import save_argdown

    save_argdown(amap, path, **options)


def _write_markdown(amap: ArgumentMap, path: str, **options: Any) -> None:
    from .outline import write_markdown

    write_markdown(amap, path, **options)


def _write_text(amap: ArgumentMap, path: str, **options: Any) -> None:
    from .outline import write_text

    write_text(amap, path, **options)


# in this order: where formats share an extension, the first whose content matches reads the file
FILE_FORMATS = (
    FormatSpec("argmap", "argmap map", (".argmap.json",), native.read_result, native.save_map, native.sniff),
    FormatSpec("aif", "AIF JSON (AIFdb, OVA)", (".aif.json", ".json"), _read_aif, _write_aif, _sniff_aif),
    FormatSpec("microtext", "Argumentative microtext (arggraph XML)", (".xml",), _read_microtext),
    FormatSpec("carneades", "Carneades YAML", (".yml", ".yaml"), _read_carneades),
    FormatSpec("graphml", "GraphML (yEd, Gephi)", (".graphml",), _read_graphml, _write_graphml),
    FormatSpec("dot", "Graphviz DOT", (".dot", ".gv"), writer=_write_dot),
    FormatSpec("argdown", "Argdown", (".argdown", ".ad"), _read_argdown, _write_argdown),
    # outlines of a map: written, never read
    FormatSpec("markdown", "Markdown outline", (".md", ".markdown"), writer=_write_markdown),
    FormatSpec("text", "plain-text outline", (".txt",), writer=_write_text),
)


def register_file_formats() -> None:
    """Register the formats of :data:`FILE_FORMATS` (again: no change)."""
    for spec in FILE_FORMATS:
        register(spec)
