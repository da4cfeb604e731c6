"""The file boundary: the .argmap.json format, importers and exporters. No Qt."""
from .errors import MapFileError
from .native import EXTENSION, dumps, load_map, loads, save_map
from .registry import FORMATS, FormatSpec, ImportReport, ImportResult, read_any, write_any

__all__ = ["EXTENSION", "FORMATS", "FormatSpec", "ImportReport", "ImportResult", "MapFileError", "dumps",
           "load_map", "loads", "read_any", "save_map", "write_any"]
