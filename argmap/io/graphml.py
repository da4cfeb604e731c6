"""GraphML export (networkx writes it, plus yFiles graphics for yEd) and import of argmap's own GraphML.

The graph is the model's: ``premise -> relation -> target``.  Nodes carry
``sort`` (statement/relation), ``kind``, ``text``, ``title``, ``polarity``,
``relation_kind``, ``scheme``, ``implicit`` (true for an unstated premise, which yEd
shows dashed and in brackets), ``x``/``y`` (card centre) and ``label`` (what
Gephi shows); edges carry ``role`` (premise/target) and the premise ``order``.
Anchors, metadata and sources travel as JSON text attributes.  yEd shows the
labels, shapes, colours and positions from the ``y:ShapeNode`` graphics; an
edited file still imports (labels and geometry are read back when the data
attributes are missing).  Any other GraphML imports too: every node becomes a
statement and every edge a support relation (said in the report).
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import xml.etree.ElementTree as ET
from typing import Any

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from ..measure import map_sizes
from ..model import (
    Anchor,
    ArgumentMap,
    Kind,
    ModelError,
    Polarity,
    Relation,
    RelationKind,
    Source,
    Statement,
    bracketed,
    new_id,
)
from .atomic import atomic_write_text
from .errors import MapFileError, json_path
from .plain import first_problem
from .registry import ImportReport, ImportResult
from .safexml import local, parse_xml, where

NS = "http://graphml.graphdrawing.org/xmlns"
YNS = "http://www.yworks.com/xml/graphml"
COLOURS = {"conclusion": "#FFE0B2", "premise": "#E3F2FD", "evidence": "#E8F5E9"}
LINE = {"support": "#2E7D32", "attack": "#C62828"}


def to_networkx(amap: ArgumentMap) -> nx.DiGraph[str]:
    """The map as a DiGraph with GraphML-friendly (scalar) attributes."""
    g: nx.DiGraph[str] = nx.DiGraph(
        format="argmap", title=amap.meta.get("title", ""), description=amap.meta.get("description", "")
    )
    if amap.sources:
        g.graph["sources"] = json.dumps([dataclasses.asdict(s) for s in amap.sources.values()], ensure_ascii=False)
    extra = {k: v for k, v in amap.meta.items() if k not in ("title", "description") and v is not None}
    if extra:  # what other formats kept at the map's level (AIF's layout, Argdown's front matter ...)
        g.graph["meta"] = json.dumps(extra, ensure_ascii=False, default=str)
    pos = amap.positions
    for st in amap.statements.values():
        attrs: dict[str, Any] = {
            "sort": "statement",
            "kind": st.kind.value,
            "text": st.text,
            "label": st.title or st.text,
        }
        for key in ("title", "notes", "assessment"):
            if getattr(st, key):
                attrs[key] = getattr(st, key)
        if st.tags:
            attrs["tags"] = json.dumps(list(st.tags), ensure_ascii=False)
        if st.implicit:
            attrs["implicit"] = True
        if st.anchors:
            attrs["anchors"] = json.dumps([dataclasses.asdict(a) for a in st.anchors], ensure_ascii=False)
        if st.meta:
            attrs["meta"] = json.dumps(dict(st.meta), ensure_ascii=False, default=str)
        g.add_node(st.id, **attrs, **_xy(pos.get(st.id)), placed=st.id in pos)
    for r in amap.relations.values():
        attrs = {
            "sort": "relation",
            "polarity": r.polarity.value,
            "relation_kind": r.kind.value,
            "label": r.title or r.scheme or r.polarity.value,
        }
        for key in ("title", "notes", "scheme", "assessment"):
            if getattr(r, key):
                attrs[key] = getattr(r, key)
        if r.meta:
            attrs["meta"] = json.dumps(dict(r.meta), ensure_ascii=False, default=str)
        g.add_node(r.id, **attrs, **_xy(pos.get(r.id)), placed=r.id in pos)
    for r in amap.relations.values():
        for i, p in enumerate(r.premises):
            g.add_edge(p, r.id, role="premise", order=i, polarity=r.polarity.value)
        g.add_edge(r.id, r.target, role="target", order=0, polarity=r.polarity.value)
    return g


def _xy(p: tuple[float, float] | None) -> dict[str, float]:
    return {} if p is None else {"x": float(p[0]), "y": float(p[1])}


def dumps(amap: ArgumentMap) -> str:
    g = to_networkx(amap)
    writer = GraphMLWriter(graph=g, encoding="utf-8", prettyprint=True)
    root = writer.xml
    root.set("xmlns:y", YNS)
    graph = root.find("graph")
    assert graph is not None
    index = list(root).index(graph)
    root.insert(index, ET.Element("key", {"for": "node", "id": "yfiles_node", "yfiles.type": "nodegraphics"}))
    root.insert(index + 1, ET.Element("key", {"for": "edge", "id": "yfiles_edge", "yfiles.type": "edgegraphics"}))
    sizes = map_sizes(amap)  # cards as argmap draws them, so that its positions keep them apart in yEd too
    auto = 0
    for node in graph.findall("node"):
        nid = node.get("id", "")
        attrs = g.nodes[nid]
        data = ET.SubElement(node, "data", {"key": "yfiles_node"})
        shape = ET.SubElement(data, "y:ShapeNode")
        w, h = sizes[nid]
        border_type = "line"
        if attrs["sort"] == "statement":
            fill, border, kind, label = COLOURS[attrs["kind"]], "#555555", "roundrectangle", attrs["label"]
            if attrs.get("implicit"):  # drawn as argmap draws an unstated premise: dashed, in brackets
                border_type, label = "dashed", bracketed(label)
        else:
            fill = border = LINE[attrs["polarity"]]
            kind, label = "ellipse", ""
        x, y = attrs.get("x"), attrs.get("y")
        if x is None or y is None:
            x, y = 260.0 * (auto % 6), 160.0 * (auto // 6) - 2000.0  # unplaced: a grid out of the way
            auto += 1
        ET.SubElement(
            shape,
            "y:Geometry",
            {"x": f"{x - w / 2:.2f}", "y": f"{y - h / 2:.2f}", "width": f"{w:.2f}", "height": f"{h:.2f}"},
        )
        ET.SubElement(shape, "y:Fill", {"color": fill, "transparent": "false"})
        ET.SubElement(shape, "y:BorderStyle", {"color": border, "type": border_type, "width": "1.0"})
        lab = ET.SubElement(
            shape,
            "y:NodeLabel",
            {
                "autoSizePolicy": "node_width",
                "configuration": "CroppingLabel",
                "modelName": "internal",
                "modelPosition": "c",
            },
        )
        lab.text = label
        ET.SubElement(shape, "y:Shape", {"type": kind})
    for edge in graph.findall("edge"):
        attrs = g.edges[edge.get("source"), edge.get("target")]
        data = ET.SubElement(edge, "data", {"key": "yfiles_edge"})
        line = ET.SubElement(data, "y:PolyLineEdge")
        ET.SubElement(
            line,
            "y:LineStyle",
            {
                "color": LINE[attrs["polarity"]],
                "width": "1.5",
                "type": "line" if attrs["polarity"] == "support" else "dashed",
            },
        )
        ET.SubElement(
            line, "y:Arrows", {"source": "none", "target": "standard" if attrs["role"] == "target" else "none"}
        )
    return str(writer)


def write_graphml(amap: ArgumentMap, path: str | os.PathLike[str], **_options: Any) -> None:
    """Registry writer (atomic)."""
    atomic_write_text(path, dumps(amap))


# ---------------------------------------------------------------- import
def _value(raw: str, kind: str, path: str, el: ET.Element, name: str) -> Any:
    try:
        if kind in ("double", "float"):
            v = float(raw)
            if not math.isfinite(v):
                raise ValueError
            return v
        if kind in ("int", "long"):
            return int(raw)
        if kind == "boolean":
            return raw.strip().lower() in ("true", "1")
    except ValueError:
        raise MapFileError(path, where(el), f"{name} must be a finite {kind}, got {raw[:40]!r}") from None
    return raw


def _data(el: ET.Element, keys: dict[str, tuple[str, str]], path: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for d in el:
        if not isinstance(d.tag, str) or local(d.tag) != "data":
            continue
        key = d.get("key", "")
        if key in keys:
            name, kind = keys[key]
            out[name] = _value("".join(d.itertext()), kind, path, el, name)
        else:  # yFiles graphics: the label and geometry
            for sub in d.iter():
                tag = local(sub.tag) if isinstance(sub.tag, str) else ""
                label = (sub.text or "").strip()
                if tag == "NodeLabel" and label:
                    out.setdefault("_label", label)
                elif tag == "Geometry":
                    try:
                        w, h = float(sub.get("width", 0)), float(sub.get("height", 0))
                        x, y = float(sub.get("x", 0)) + w / 2, float(sub.get("y", 0)) + h / 2
                    except ValueError:
                        continue
                    out["_xy"] = (round(x, 2), round(y, 2))  # the centre, to a hundredth as map files keep it
    return out


class _NotPlain(Exception):
    """A JSON attribute holds what argmap could not write back (NaN, a lone surrogate)."""


def _json(raw: Any, default: Any, name: str = "") -> Any:
    """A JSON-text attribute: ``default`` when it is missing, not JSON or not of default's type."""
    if not isinstance(raw, str):
        return default
    try:
        v = json.loads(raw)
    except (ValueError, RecursionError):
        return default
    if not isinstance(v, type(default)):
        return default
    problem = first_problem(v)
    if problem is not None:
        raise _NotPlain(f"{json_path((name or 'data', *problem[0]))}: {problem[1]}")
    return v


def read_graphml(path: str | os.PathLike[str]) -> ImportResult:
    """Registry reader: GraphML (argmap's own, or any graph) -> map and report."""
    p = os.fspath(path)
    root = parse_xml(p)
    if local(root.tag) != "graphml":
        raise MapFileError(p, f"<{local(root.tag)}>", "not GraphML (expected <graphml>)")
    keys: dict[str, tuple[str, str]] = {}
    for k in root:
        if isinstance(k.tag, str) and local(k.tag) == "key" and k.get("attr.name"):
            keys[k.get("id", "")] = (k.get("attr.name", ""), k.get("attr.type", "string"))
    graph = next((g for g in root if isinstance(g.tag, str) and local(g.tag) == "graph"), None)
    if graph is None:
        raise MapFileError(p, "<graphml>", "has no <graph>")
    report = ImportReport()
    gdata = _data(graph, keys, p)
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[tuple[str, str, dict[str, Any], ET.Element]] = []
    nested = 0
    for i, el in enumerate(graph):
        tag = local(el.tag) if isinstance(el.tag, str) else ""
        if tag == "node":
            nid = el.get("id")
            if not nid or nid in nodes:
                raise MapFileError(p, where(el, i), "needs an id that no other node has")
            nodes[nid] = _data(el, keys, p)
            nested += sum(1 for s in el.iter() if isinstance(s.tag, str) and local(s.tag) == "node") - 1
        elif tag == "edge":
            a, b = el.get("source"), el.get("target")
            if not a or not b:
                raise MapFileError(p, where(el, i), "needs a source and a target")
            edges.append((a, b, _data(el, keys, p), el))
    for a, b, _d, el in edges:
        if a not in nodes or b not in nodes:
            missing = a if a not in nodes else b
            raise MapFileError(p, where(el), f"refers to a node that is not in the graph ({missing!r})")
    if nested:
        report.note(f"dropped {nested} nodes of nested graphs")
    own = any(d.get("sort") in ("statement", "relation") for d in nodes.values())
    build = _build_own if own else _build_generic
    try:
        amap, positions = build(nodes, edges, report, p)
        sources = [
            Source(
                str(s.get("id")),
                str(s.get("text", "")),
                str(s.get("title", "")),
                str(s.get("author", "")),
                str(s.get("url", "")),
                str(s.get("date", "")),
            )
            for s in _json(gdata.get("sources"), [], "sources")
            if isinstance(s, dict) and s.get("id")
        ]
        meta = _map_meta(_json(gdata.get("meta"), {}, "meta"))
    except _NotPlain as e:
        raise MapFileError(p, "", str(e)) from None
    statements, relations = amap
    if sources:
        known = {s.id for s in sources}
        statements = [s if all(a.source_id in known for a in s.anchors) else s.replace(anchors=()) for s in statements]
    else:
        statements = [s.replace(anchors=()) if s.anchors else s for s in statements]
    result = ArgumentMap(str(gdata.get("title", "")), str(gdata.get("description", "")))
    if meta:
        result.set_meta(**meta)
    try:
        result.add_many(statements, relations, positions, sources=sources)
    except ModelError as e:
        raise MapFileError(p, "", f"cannot build the map: {e}") from None
    report.counts = {
        "statements": len(statements),
        "relations": len(relations),
        "undercuts": sum(result.is_undercut(r) for r in relations),
    }
    return ImportResult(result, report)


# map metadata the drawing reads, and the values it knows (others are left out)
DRAWING_META = {"layout_direction": ("TB", "BT", "LR"), "card_text": ("full", "titles")}


def _map_meta(meta: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v
        for k, v in meta.items()
        if k not in ("title", "description") and (k not in DRAWING_META or v in DRAWING_META[k])
    }


def _statement(nid: str, d: dict[str, Any]) -> Statement:
    kind = d.get("kind") if d.get("kind") in ("conclusion", "premise", "evidence") else "premise"
    anchors = []
    for a in _json(d.get("anchors"), [], f"node {nid}: anchors"):
        try:
            anchors.append(Anchor(str(a["source_id"]), int(a["start"]), int(a["end"]), str(a["quote"])))
        except (KeyError, TypeError, ValueError, OverflowError):
            continue
    text = d.get("text", d.get("_label", d.get("label", "")))
    assessment = d.get("assessment") if d.get("assessment") in ("accepted", "rejected", "undecided") else None
    return Statement(
        nid,
        str(text),
        Kind(kind),
        str(d.get("title", "")),
        str(d.get("notes", "")),
        tuple(str(t) for t in _json(d.get("tags"), [], f"node {nid}: tags")),
        tuple(anchors),
        assessment,
        _json(d.get("meta"), {}, f"node {nid}: meta"),
        d.get("implicit") is True or str(d.get("implicit", "")).strip().lower() == "true",
    )


def _positions(nodes: dict[str, dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Card centres: argmap's x/y, unless yEd moved the node (its geometry then disagrees)."""
    out = {}
    for nid, d in nodes.items():
        if d.get("placed") is False:  # argmap wrote a stand-in grid position for yEd only
            continue
        geo = d.get("_xy")
        if isinstance(d.get("x"), float) and isinstance(d.get("y"), float):
            xy = (d["x"], d["y"])
            out[nid] = geo if geo and max(abs(geo[0] - xy[0]), abs(geo[1] - xy[1])) > 0.02 else xy
        elif geo:
            out[nid] = geo
    return out


# the statements and relations a GraphML file describes, and the positions it gives them
Built = tuple[tuple[list[Statement], list[Relation]], dict[str, tuple[float, float]]]


def _order(d: dict[str, Any], el: ET.Element, path: str) -> int:
    """A premise edge's place among its relation's premises."""
    raw = d.get("order", 0)
    try:
        return int(raw or 0)
    except (TypeError, ValueError, OverflowError):
        raise MapFileError(path, where(el), f"order must be a whole number, got {str(raw)[:40]!r}") from None


def _build_own(
    nodes: dict[str, dict[str, Any]], edges: list[tuple[str, str, dict[str, Any], ET.Element]], report: Any, path: str
) -> Built:
    sorts = {nid: d.get("sort") for nid, d in nodes.items()}
    statements = [_statement(nid, d) for nid, d in nodes.items() if sorts[nid] == "statement"]
    other = [nid for nid, s in sorts.items() if s not in ("statement", "relation")]
    if other:
        report.note(f"dropped {len(other)} nodes that are neither statements nor relations")
    ins: dict[str, list[tuple[int, str]]] = {}
    outs: dict[str, list[str]] = {}
    for a, b, d, el in edges:
        if sorts.get(b) == "relation" and sorts.get(a) == "statement":
            ins.setdefault(b, []).append((_order(d, el, path), a))
        elif sorts.get(a) == "relation" and sorts.get(b) in ("statement", "relation"):
            outs.setdefault(a, []).append(b)
    relations, dropped = [], []
    for nid, d in nodes.items():
        if sorts[nid] != "relation":
            continue
        premises = [s for _o, s in sorted(ins.get(nid, []), key=lambda t: t[0])]
        targets = outs.get(nid, [])
        if not premises or len(targets) != 1:
            dropped.append(nid)
            continue
        pol = d.get("polarity") if d.get("polarity") in ("support", "attack") else "support"
        rk = d.get("relation_kind")
        rk = rk if rk in ("inference", "rephrase", "preference") else "inference"
        assessment = d.get("assessment") if d.get("assessment") in ("strong", "weak", "none") else None
        relations.append(
            Relation(
                nid,
                Polarity(pol),
                tuple(dict.fromkeys(premises)),
                targets[0],
                RelationKind(rk),
                str(d.get("title", "")),
                str(d.get("notes", "")),
                str(d.get("scheme", "")),
                assessment,
                _json(d.get("meta"), {}, f"node {nid}: meta"),
            )
        )
    if dropped:
        report.note(
            f"dropped {len(dropped)} relations without a premise or with other than one target: "
            + ", ".join(dropped[:5])
        )
    keep = {s.id for s in statements} | {r.id for r in relations}
    return (statements, relations), {k: v for k, v in _positions(nodes).items() if k in keep}


def _build_generic(
    nodes: dict[str, dict[str, Any]], edges: list[tuple[str, str, dict[str, Any], ET.Element]], report: Any, path: str
) -> Built:
    statements = [_statement(nid, d) for nid, d in nodes.items()]
    relations = []
    for a, b, _d, _el in edges:
        if a != b:
            rid = new_id()
            relations.append(Relation(rid, Polarity.SUPPORT, (a,), b))
    report.note("not an argmap GraphML: every node became a premise and every edge a support relation")
    return (statements, relations), _positions(nodes)
