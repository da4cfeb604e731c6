"""Cut, copy and paste of statements with the relations among them (MIME JSON plus plain text)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QPointF
from PySide6.QtGui import QGuiApplication

from ...model import Anchor, Kind, ModelError, Polarity, Relation, RelationKind, Statement, new_id
from ..document.commands import AddManyCommand, RemoveCommand

if TYPE_CHECKING:  # pragma: no cover
    from .view import MapView

FRAGMENT_MIME = "application/x-argmap-fragment"
PASTE_OFFSET = 40.0


def _statement_json(st: Statement) -> dict[str, Any]:
    return {
        "id": st.id,
        "text": st.text,
        "kind": st.kind.value,
        "title": st.title,
        "notes": st.notes,
        "tags": list(st.tags),
        "assessment": st.assessment,
        "implicit": st.implicit,
        "meta": dict(st.meta),
        "anchors": [{"source": a.source_id, "start": a.start, "end": a.end, "quote": a.quote} for a in st.anchors],
    }


def _relation_json(rel: Relation) -> dict[str, Any]:
    return {
        "id": rel.id,
        "polarity": rel.polarity.value,
        "premises": list(rel.premises),
        "target": rel.target,
        "kind": rel.kind.value,
        "title": rel.title,
        "notes": rel.notes,
        "scheme": rel.scheme,
        "assessment": rel.assessment,
        "meta": dict(rel.meta),
    }


def fragment(amap, ids) -> dict[str, Any]:
    """The selected statements, every relation among them (undercuts of copied relations too), positions."""
    sids = [s for s in amap.statements if s in set(ids)]
    keep = set(sids)
    rels: list[str] = []
    changed = True
    while changed:  # a relation goes when its premises and its target (statement or copied relation) go
        changed = False
        for rid, rel in amap.relations.items():
            if rid not in rels and all(p in keep for p in rel.premises) and rel.target in keep:
                rels.append(rid)
                keep.add(rid)
                changed = True
    rels = [r for r in amap.relations if r in keep]
    return {
        "format": "argmap-fragment",
        "version": 1,
        "statements": [_statement_json(amap.statements[s]) for s in sids],
        "relations": [_relation_json(amap.relations[r]) for r in rels],
        "positions": {e: list(amap.positions[e]) for e in (*sids, *rels) if e in amap.positions},
    }


def plain_text(amap, ids) -> str:
    lines = []
    for s in amap.statements:
        if s in set(ids):
            st = amap.statements[s]
            head = f"[{st.kind.value}] " + (f"{st.title}: " if st.title else "")
            lines.append(head + st.text)
    return "\n".join(lines)


def mime_for(view: MapView) -> QMimeData | None:
    amap = view.doc.map
    ids = view.map_scene.selected_statements()
    if not ids:
        return None
    md = QMimeData()
    md.setData(FRAGMENT_MIME, json.dumps(fragment(amap, ids)).encode("utf-8"))
    md.setText(plain_text(amap, ids))
    return md


def copy(view: MapView) -> bool:
    md = mime_for(view)
    if md is None:
        return False
    QGuiApplication.clipboard().setMimeData(md)
    view.paste_count = 0
    return True


def cut(view: MapView) -> None:
    ids = view.map_scene.selected_statements()
    if ids and copy(view):
        view.doc.try_push(RemoveCommand(view.doc, ids, text="Cut"))


def paste(view: MapView) -> None:
    md = QGuiApplication.clipboard().mimeData()
    if md is None:
        return
    if md.hasFormat(FRAGMENT_MIME):
        view.paste_count += 1
        paste_mime(view, md, None, offset=PASTE_OFFSET * view.paste_count)
    elif md.hasText() and md.text().strip():
        view.edits.create_statement(edit=False)
        sid = view.edits.current_statement()
        if sid is not None:
            view.edits.set_text(sid, md.text().strip())


def _read(data: dict[str, Any], source_ids) -> tuple[list[Statement], list[Relation], dict]:
    ids = {}
    for s in data.get("statements", []):
        ids[s["id"]] = new_id()
    for r in data.get("relations", []):
        ids[r["id"]] = new_id()
    statements = []
    for s in data.get("statements", []):
        anchors = tuple(
            Anchor(a["source"], int(a["start"]), int(a["end"]), a["quote"])
            for a in s.get("anchors", [])
            if a.get("source") in source_ids
        )
        statements.append(
            Statement(
                ids[s["id"]],
                str(s.get("text", "")),
                Kind(s.get("kind", "premise")),
                title=s.get("title", ""),
                notes=s.get("notes", ""),
                tags=tuple(s.get("tags", [])),
                anchors=anchors,
                assessment=s.get("assessment"),
                meta=dict(s.get("meta", {})),
                implicit=s.get("implicit", False) is True,
            )
        )
    relations = []
    for r in data.get("relations", []):
        relations.append(
            Relation(
                ids[r["id"]],
                Polarity(r["polarity"]),
                tuple(ids[p] for p in r["premises"]),
                ids[r["target"]],
                kind=RelationKind(r.get("kind", "inference")),
                title=r.get("title", ""),
                notes=r.get("notes", ""),
                scheme=r.get("scheme", ""),
                assessment=r.get("assessment"),
                meta=dict(r.get("meta", {})),
            )
        )
    positions = {ids[k]: (float(v[0]), float(v[1])) for k, v in data.get("positions", {}).items() if k in ids}
    return statements, relations, positions


def paste_mime(view: MapView, md: QMimeData, at: QPointF | None, offset: float = PASTE_OFFSET) -> list[str]:
    """Add the fragment in ``md``: centred at ``at`` when given, else offset from where it was copied."""
    doc = view.doc
    try:
        data = json.loads(bytes(md.data(FRAGMENT_MIME)).decode("utf-8"))
        statements, relations, positions = _read(data, set(doc.map.sources))
    except (ValueError, KeyError, TypeError) as e:
        doc.status_message.emit(f"Cannot paste: the clipboard holds a damaged map fragment ({e})")
        return []
    if not statements:
        return []
    if positions:
        xs = [p[0] for p in positions.values()]
        ys = [p[1] for p in positions.values()]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        if at is None:
            visible = view.mapToScene(view.viewport().rect()).boundingRect()
            if visible.contains(QPointF(cx, cy)):
                dx, dy = offset, offset
            else:
                c = visible.center()
                dx, dy = c.x() - cx, c.y() - cy
        else:
            dx, dy = at.x() - cx, at.y() - cy
        positions = {k: (round(x + dx, 1), round(y + dy, 1)) for k, (x, y) in positions.items()}
    try:
        doc.push(AddManyCommand(doc, statements, relations, positions, text="Paste"))
    except ModelError as e:
        doc.status_message.emit(f"Cannot paste: {e}")
        return []
    new = [s.id for s in statements]
    view.map_scene.select_ids(new)
    return new
