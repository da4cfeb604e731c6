"""Write a map as AIF JSON: I-nodes for statements, RA/CA/MA/PA nodes for relations, OVA positions.

The default layout is the AIFdb nodeset one (``nodes``, ``edges``, ``locutions``,
``participants`` at the top), which AIFdb, OVA and most AIF tools read; with
``layout="ova3"`` the graph is nested as OVA3 saves it (``{"AIF": ..., "OVA": ...,
"text": ...}``).  Either way positions go in an ``"OVA"`` block (card centres) and
what AIF cannot say (statement kinds, titles, notes, tags, implicit premises, anchors and sources)
goes in ``"argmap"`` blocks that other tools ignore and argmap reads back.
Dialogue nodes (L, YA, TA) kept from an AIF import are written back.
"""

from __future__ import annotations

import json
import os
from typing import Any

from ..model import ArgumentMap, Polarity, Relation, RelationKind, Statement
from .atomic import atomic_write_text
from .native import anchor_records

_TYPES = {RelationKind.REPHRASE: "MA", RelationKind.PREFERENCE: "PA"}
_DEFAULT_POLARITY = {"RA": Polarity.SUPPORT, "CA": Polarity.ATTACK, "MA": Polarity.SUPPORT, "PA": Polarity.ATTACK}
_DEFAULT_TEXT = {
    "RA": "Default Inference",
    "CA": "Default Conflict",
    "MA": "Default Rephrase",
    "PA": "Default Preference",
}


def node_type(rel: Relation) -> str:
    if rel.kind in _TYPES:
        return _TYPES[rel.kind]
    return "RA" if rel.polarity is Polarity.SUPPORT else "CA"


def _statement_node(st: Statement) -> dict[str, Any]:
    meta = dict(st.meta)
    aif = meta.pop("aif", None)
    aif = {k: v for k, v in aif.items() if k != "locutions"} if isinstance(aif, dict) else {}
    node: dict[str, Any] = {"nodeID": st.id, "text": st.text, "type": "I"}
    node.update({k: v for k, v in aif.items() if k not in node})
    extra: dict[str, Any] = {"kind": st.kind.value}
    for key in ("title", "notes", "assessment"):
        if getattr(st, key):
            extra[key] = getattr(st, key)
    if st.tags:
        extra["tags"] = list(st.tags)
    if st.implicit:
        extra["implicit"] = True
    if st.anchors:
        extra["anchors"] = anchor_records(st)
    if meta:
        extra["meta"] = meta
    node["argmap"] = extra
    return node


def _relation_node(rel: Relation) -> dict[str, Any]:
    t = node_type(rel)
    meta = dict(rel.meta)
    aif = meta.pop("aif", None)
    aif = {k: v for k, v in aif.items() if k not in ("locutions", "type")} if isinstance(aif, dict) else {}
    text = aif.pop("text", None)
    node: dict[str, Any] = {
        "nodeID": rel.id,
        "text": text if isinstance(text, str) and text else (rel.scheme or _DEFAULT_TEXT[t]),
        "type": t,
    }
    node.update({k: v for k, v in aif.items() if k not in node and k != "scheme"})
    if rel.scheme:
        node["scheme"] = rel.scheme
    extra: dict[str, Any] = {}
    if rel.polarity is not _DEFAULT_POLARITY[t]:
        extra["polarity"] = rel.polarity.value
    for key in ("title", "notes", "assessment"):
        if getattr(rel, key):
            extra[key] = getattr(rel, key)
    if meta:
        extra["meta"] = meta
    if extra:
        node["argmap"] = extra
    return node


def _object(value: Any) -> dict[str, Any]:
    """A JSON object, or an empty one for anything else."""
    return value if isinstance(value, dict) else {}


def to_aif(amap: ArgumentMap, layout: str = "aifdb") -> dict[str, Any]:
    """The map as an AIF document (a plain dict, ready for ``json.dumps``)."""
    nodes = [_statement_node(st) for st in amap.statements.values()]
    nodes += [_relation_node(r) for r in amap.relations.values()]
    pairs: list[tuple[str, str]] = []
    for r in amap.relations.values():
        pairs.extend((p, r.id) for p in r.premises)
        pairs.append((r.id, r.target))
    kept = _object(amap.meta.get("aif"))
    present = set(amap.statements) | set(amap.relations)
    dialogue = [n for n in kept.get("dialogue_nodes") or [] if isinstance(n, dict) and "nodeID" in n]
    present |= {str(n["nodeID"]) for n in dialogue}
    nodes += dialogue
    for e in kept.get("dialogue_edges") or []:
        if isinstance(e, list) and len(e) == 2 and str(e[0]) in present and str(e[1]) in present:
            pairs.append((str(e[0]), str(e[1])))
    edges = [{"edgeID": i, "fromID": a, "toID": b} for i, (a, b) in enumerate(pairs, 1)]
    aif: dict[str, Any] = {
        "nodes": nodes,
        "edges": edges,
        "locutions": list(kept.get("locutions") or []),
        "participants": list(kept.get("participants") or []),
    }
    for key in ("schemefulfillments", "descriptorfulfillments", "cqdescriptorfulfillments"):
        if kept.get(key):
            aif[key] = kept[key]
    ova_keep = _object(kept.get("OVA"))
    ova: dict[str, Any] = {
        **ova_keep,
        "nodes": [
            {"nodeID": eid, "visible": True, "x": round(x, 2), "y": round(y, 2)}
            for eid, (x, y) in amap.positions.items()
            if eid in amap.statements or eid in amap.relations
        ],
    }
    ova["edges"] = [{"fromID": a, "toID": b, "visible": True} for a, b in pairs]
    text = next(iter(amap.sources.values())).text if amap.sources else ""
    extension: dict[str, Any] = {"meta": {k: v for k, v in amap.meta.items() if k != "aif" and v not in ("", None)}}
    if amap.sources:
        extension["sources"] = [
            {"id": s.id, "title": s.title, "author": s.author, "url": s.url, "date": s.date, "text": s.text}
            for s in amap.sources.values()
        ]
    if layout == "ova3":
        return {"AIF": aif, "OVA": ova, "text": text, "argmap": extension}
    doc: dict[str, Any] = {**aif}
    if ova["nodes"]:
        doc["OVA"] = ova
    if text:
        doc["text"] = text
    doc["argmap"] = extension
    return doc


def dumps(amap: ArgumentMap, layout: str = "aifdb") -> str:
    return json.dumps(to_aif(amap, layout), indent=1, ensure_ascii=False, allow_nan=False) + "\n"


def write_aif(amap: ArgumentMap, path: str | os.PathLike[str], layout: str = "aifdb", **_options: Any) -> None:
    """Registry writer (atomic)."""
    atomic_write_text(path, dumps(amap, layout))
