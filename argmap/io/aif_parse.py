"""Read the three layouts of AIF JSON (AIFdb nodesets, OVA2, OVA3) into one shape, or say where the file is wrong."""

from __future__ import annotations

import html
import re
from typing import Any

from ..model import Polarity, RelationKind
from ..model.text import normalise_newlines
from .errors import MapFileError

SCHEME_NODES: dict[str, tuple[Polarity, RelationKind]] = {
    "RA": (Polarity.SUPPORT, RelationKind.INFERENCE),
    "CA": (Polarity.ATTACK, RelationKind.INFERENCE),
    "MA": (Polarity.SUPPORT, RelationKind.REPHRASE),
    "PA": (Polarity.ATTACK, RelationKind.PREFERENCE),
}
DIALOGUE_NODES = ("L", "YA", "TA")
DEFAULT_TEXTS = {
    "RA",
    "CA",
    "MA",
    "PA",
    "Default Inference",
    "Default Conflict",
    "Default Rephrase",
    "Default Preference",
    "",
}
EVIDENCE_SCHEMES = re.compile(r"example|statistic|witness|testimony", re.I)
_CORE_KEYS = ("nodeID", "type", "text", "argmap")


def _fail(path: str, place: str, message: str) -> MapFileError:
    return MapFileError(path, place or "$", message)


def _ident(value: Any, path: str, place: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _fail(path, place, f"must be a string or a whole number, got {type(value).__name__}")
    s = str(value)
    if not s:
        raise _fail(path, place, "is empty")
    return s


def _text(value: Any, path: str, place: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise _fail(path, place, f"must be a string, got {type(value).__name__}")
    return str(value)


def _list(obj: dict[str, Any], key: str, path: str, prefix: str, required: bool = False) -> list[Any]:
    if key not in obj or obj[key] is None:
        if required:
            raise _fail(path, prefix + key, "is missing")
        return []
    value = obj[key]
    if not isinstance(value, list):
        raise _fail(path, prefix + key, f"must be a list, got {type(value).__name__}")
    return value


class ParsedAIF:
    """An AIF document in one shape whatever its layout."""

    def __init__(self) -> None:
        self.layout = "aifdb"
        self.nodes: list[tuple[str, str, str, dict[str, Any], str]] = []  # id, type, text, raw, place
        self.edges: list[tuple[str, str, str]] = []  # from, to, place
        self.positions: dict[str, tuple[float, float]] = {}
        self.text = ""
        self.keep: dict[str, Any] = {}  # locutions, participants, ... kept verbatim
        self.extension: dict[str, Any] = {}


def _parse_nodes(nodes: list[Any], path: str, prefix: str, out: ParsedAIF, ova2: bool = False) -> None:
    key = "id" if ova2 else "nodeID"
    for i, n in enumerate(nodes):
        place = f"{prefix}nodes[{i}]"
        if not isinstance(n, dict):
            raise _fail(path, place, f"must be an object, got {type(n).__name__}")
        if key not in n:
            raise _fail(path, place, f"has no {key}")
        nid = _ident(n[key], path, f"{place}.{key}")
        ntype = n.get("type")
        if not isinstance(ntype, str):
            raise _fail(path, f"{place}.type", f"must be a string, got {type(ntype).__name__}")
        text = _text(n.get("text"), path, f"{place}.text")
        raw = {k: v for k, v in n.items() if k not in _CORE_KEYS and not (ova2 and k in ("id", "x", "y"))}
        if isinstance(n.get("argmap"), dict):
            raw["argmap"] = n["argmap"]
        out.nodes.append((nid, ntype.strip().upper(), text, raw, place))
        if ova2 and "x" in n and "y" in n:
            _position(out, nid, n["x"], n["y"])


def _position(out: ParsedAIF, nid: str, x: Any, y: Any) -> None:
    ok = all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and v == v and abs(v) != float("inf") for v in (x, y)
    )
    if ok:
        out.positions[nid] = (float(x), float(y))


def _parse_edges(edges: list[Any], path: str, prefix: str, out: ParsedAIF, ova2: bool = False) -> None:
    for i, e in enumerate(edges):
        place = f"{prefix}edges[{i}]"
        if not isinstance(e, dict):
            raise _fail(path, place, f"must be an object, got {type(e).__name__}")
        ends = []
        for key in ("from", "to") if ova2 else ("fromID", "toID"):
            if key not in e:
                raise _fail(path, place, f"has no {key}")
            v = e[key]
            if ova2:
                if not isinstance(v, dict) or "id" not in v:
                    raise _fail(path, f"{place}.{key}", "must be an object with an id")
                v = v["id"]
                ends.append(_ident(v, path, f"{place}.{key}.id"))
            else:
                ends.append(_ident(v, path, f"{place}.{key}"))
        out.edges.append((ends[0], ends[1], place))


def _source_text(value: Any) -> str:
    """OVA's ``text``: a string of HTML, or ``{"txt": ...}``; returned as plain text."""
    if isinstance(value, dict):
        value = value.get("txt", "")
    if not isinstance(value, str):
        return ""
    # a tag runs to the next ">" but never over another "<": an unclosed "<" must not make every
    # later "<" scan to the end of the text
    if re.search(r"</?[a-zA-Z][^<>]*>", value):
        value = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", value)
        value = html.unescape(re.sub(r"<[^<>]*>", "", value))
    return normalise_newlines(value).strip("\n")


def parse(doc: Any, path: str) -> ParsedAIF:
    """Any of the three layouts -> :class:`ParsedAIF`, or one line saying where the file is wrong."""
    out = ParsedAIF()
    if not isinstance(doc, dict):
        raise _fail(path, "$", f'not AIF: expected an object with "nodes" and "edges", found a {type(doc).__name__}')
    if isinstance(doc.get("argmap"), dict):
        out.extension = doc["argmap"]
    if "AIF" in doc:  # OVA3 / xAIF
        aif = doc["AIF"]
        if not isinstance(aif, dict):
            raise _fail(path, "AIF", f"must be an object, got {type(aif).__name__}")
        out.layout = "ova3"
        prefix = "AIF."
        ova = doc.get("OVA")
        ova_nodes = ova.get("nodes") if isinstance(ova, dict) else None
    elif _is_ova2(doc):
        out.layout = "ova2"
        _parse_nodes(_list(doc, "nodes", path, "", True), path, "", out, ova2=True)
        _parse_edges(_list(doc, "edges", path, "", True), path, "", out, ova2=True)
        analysis = doc.get("analysis")
        out.text = _source_text(analysis.get("txt") if isinstance(analysis, dict) else None)
        for key in ("participants", "analysis"):
            if doc.get(key):
                out.keep[key] = doc[key]
        return out
    elif "nodes" in doc:
        aif, prefix, ova = doc, "", doc.get("OVA")
        ova_nodes = ova.get("nodes") if isinstance(ova, dict) else None
    else:
        raise _fail(path, "$", 'not AIF: expected "nodes" and "edges" (AIFdb) or "AIF" (OVA3)')
    _parse_nodes(_list(aif, "nodes", path, prefix, True), path, prefix, out)
    _parse_edges(_list(aif, "edges", path, prefix), path, prefix, out)
    for key in (
        "locutions",
        "participants",
        "schemefulfillments",
        "descriptorfulfillments",
        "cqdescriptorfulfillments",
    ):
        value = aif.get(key)
        if value:
            out.keep[key] = value
    if isinstance(ova_nodes, list):
        for n in ova_nodes:
            if isinstance(n, dict) and "nodeID" in n and not isinstance(n["nodeID"], (bool, dict, list)):
                _position(out, str(n["nodeID"]), n.get("x"), n.get("y"))
    if isinstance(ova, dict):
        out.keep["OVA"] = {k: v for k, v in ova.items() if k not in ("nodes", "edges")}
    out.text = _source_text(doc.get("text"))
    return out


def _is_ova2(doc: dict[str, Any]) -> bool:
    nodes, edges = doc.get("nodes"), doc.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        return False
    first = next((n for n in nodes if isinstance(n, dict)), None)
    edge = next((e for e in edges if isinstance(e, dict)), None)
    return (first is not None and "id" in first and "nodeID" not in first) or (
        edge is not None and "from" in edge and "fromID" not in edge
    )
