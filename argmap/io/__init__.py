"""The file boundary: the .argmap.json format, importers and exporters. No Qt."""

from .errors import MapFileError
from .formats import register_file_formats
from .native import EXTENSION, dumps, load_map, loads, save_map
from .registry import FORMATS, FormatSpec, ImportReport, ImportResult, read_any, register, write_any

register_file_formats()

__all__ = [
    "EXTENSION",
    "FORMATS",
    "FormatSpec",
    "ImportReport",
    "ImportResult",
    "MapFileError",
    "dumps",
    "load_map",
    "loads",
    "read_any",
    "register",
    "save_map",
    "write_any",
]
