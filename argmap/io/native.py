"""Load and save ``.argmap.json`` files: validate, migrate, build the model; write deterministically and atomically."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..model import (
    KIND_BY_VALUE,
    POLARITY_BY_VALUE,
    RELATION_KIND_BY_VALUE,
    Anchor,
    ArgumentMap,
    ModelError,
    Relation,
    RelationKind,
    Source,
    Statement,
)
from .atomic import atomic_write_text
from .errors import MAX_FILE_BYTES, MapFileError, json_path, parse_json, read_text
from .registry import ImportReport, ImportResult

if TYPE_CHECKING:
    from .schema import MapDocument, RelationRecord, StatementRecord

FORMAT_NAME = "argmap"
FORMAT_VERSION = 2
EXTENSION = ".argmap.json"

# version -> function that turns a document of that version into one of version + 1
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _migrate_0(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 0, the pre-release draft: statements carried ``type`` instead of
    ``kind``, relations ``from``/``to`` instead of ``premises``/``target`` and
    ``sign`` "+"/"-" instead of ``polarity``."""
    out = {k: v for k, v in doc.items() if k not in ("statements", "relations")}
    out["statements"] = []
    for st in doc.get("statements", []):
        st = dict(st) if isinstance(st, dict) else st
        if isinstance(st, dict) and "type" in st and "kind" not in st:
            st["kind"] = st.pop("type")
        out["statements"].append(st)
    out["relations"] = []
    for rel in doc.get("relations", []):
        rel = dict(rel) if isinstance(rel, dict) else rel
        if isinstance(rel, dict):
            if "from" in rel:
                f = rel.pop("from")
                rel["premises"] = f if isinstance(f, list) else [f]
            if "to" in rel:
                rel["target"] = rel.pop("to")
            if "sign" in rel:
                sign = rel.pop("sign")
                # anything but "+" or "-" becomes a polarity the schema refuses, with its place
                rel["polarity"] = {"+": "support", "-": "attack"}.get(sign, "?") if isinstance(sign, str) else "?"
        out["relations"].append(rel)
    out["version"] = 1
    return out


def _migrate_1(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no ``implicit`` flag: every statement of it is stated (the default, false)."""
    return {**doc, "version": 2}


MIGRATIONS[0] = _migrate_0
MIGRATIONS[1] = _migrate_1


def migrate(doc: dict[str, Any], path: str) -> dict[str, Any]:
    """Bring a parsed document up to the current version, or explain why not."""
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise MapFileError(path, "version", f"must be a whole number, got {version!r}")
    if version > FORMAT_VERSION:
        raise MapFileError(
            path,
            "version",
            f"version {version} is newer than this argmap reads (up to {FORMAT_VERSION}); update argmap to open it",
        )
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MapFileError(path, "version", f"version {version} is not a version argmap ever wrote")
        doc = step(doc)
        version = doc["version"]
    return doc


def _parse_json(text: str, path: str) -> dict[str, Any]:
    """JSON text -> a migrated document (not yet validated)."""
    doc = parse_json(text, path)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        found = type(doc).__name__ if not isinstance(doc, dict) else f"format {doc.get('format')!r}"
        raise MapFileError(path, "format", f'not an argmap map (expected "format": "argmap", found {found})')
    return migrate(doc, path)


def parse_document(text: str, path: str = "<input>") -> MapDocument:
    """JSON text -> validated :class:`MapDocument` (after migration, if the file is of an older version).

    A current, valid file is parsed and validated in one pass by pydantic.  Any other file is read again
    with :mod:`json` to find out why: bad JSON (named by line and column), not a map, a version to
    migrate, or the schema's first complaint (named by its JSON path).
    """
    # pydantic is imported when a map file is read, not with argmap.io: exports from other formats start without it
    from pydantic import ValidationError

    from .schema import MapDocument

    try:
        return MapDocument.model_validate_json(text)
    except ValidationError:
        pass
    return _validate(_parse_json(text, path), path)


def _validate(doc: dict[str, Any], path: str) -> MapDocument:
    """The pydantic models decide (and explain what is wrong)."""
    from pydantic import ValidationError

    from .schema import MapDocument

    try:
        return MapDocument.model_validate(doc)
    except ValidationError as e:
        err = e.errors()[0]
        more = f" (and {e.error_count() - 1} more problems)" if e.error_count() > 1 else ""
        msg = err["msg"]
        if err["type"] == "literal_error":
            msg = f"{msg}, got {err.get('input')!r}"
        elif err["type"] == "extra_forbidden":
            msg = "unknown field"
        raise MapFileError(path, json_path(err["loc"]), msg + more) from None


def _first_duplicate(path: str, groups: tuple[tuple[str, list[Any]], ...]) -> None:
    """Raise for the first element whose id an earlier one used."""
    seen: dict[str, str] = {}
    for sort, items in groups:
        for i, el in enumerate(items):
            if el.id in seen:
                raise MapFileError(path, f"{sort}[{i}].id", f"duplicate id {el.id!r} (first used at {seen[el.id]})")
            seen[el.id] = f"{sort}[{i}]"


def _check_references(sources: list[Source], statements: list[Statement], relations: list[Relation], path: str) -> None:
    """Duplicate ids and dangling references, each named by its JSON path."""
    source_ids = {s.id for s in sources}
    statement_ids = {s.id for s in statements}
    relation_ids = {r.id for r in relations}
    if (
        len(source_ids) + len(statement_ids) + len(relation_ids) != len(sources) + len(statements) + len(relations)
        or not source_ids.isdisjoint(statement_ids)
        or not relation_ids.isdisjoint(statement_ids)
        or not relation_ids.isdisjoint(source_ids)
    ):
        _first_duplicate(path, (("sources", sources), ("statements", statements), ("relations", relations)))
    for i, st in enumerate(statements):
        for j, a in enumerate(st.anchors):
            if a.source_id not in source_ids:
                raise MapFileError(path, f"statements[{i}].anchors[{j}].source", f"no source with id {a.source_id!r}")
    for i, rel in enumerate(relations):
        premises, target = rel.premises, rel.target
        if not statement_ids.issuperset(premises):
            for j, p in enumerate(premises):
                if p not in statement_ids:
                    raise MapFileError(path, f"relations[{i}].premises[{j}]", f"no statement with id {p!r}")
        if target not in statement_ids and target not in relation_ids:
            raise MapFileError(path, f"relations[{i}].target", f"no statement or relation with id {target!r}")
        if target in premises:
            raise MapFileError(path, f"relations[{i}].target", f"statement {target!r} cannot be its own premise")
        if len(premises) > 1 and len(set(premises)) != len(premises):
            raise MapFileError(path, f"relations[{i}].premises", "lists a premise twice")


def build_map(doc: MapDocument, path: str = "<input>") -> ArgumentMap:
    """A validated document -> a new :class:`ArgumentMap` (all or nothing)."""
    sources = [Source(s.id, s.text, s.title, s.author, s.url, s.date) for s in doc.sources]
    statements = [
        Statement(
            s.id,
            s.text,
            KIND_BY_VALUE[s.kind],
            s.title,
            s.notes,
            tuple(s.tags),
            tuple(Anchor(a.source, a.start, a.end, a.quote) for a in s.anchors),
            s.assessment,
            s.meta,
            s.implicit,
        )
        for s in doc.statements
    ]
    relations = [
        Relation(
            r.id,
            POLARITY_BY_VALUE[r.polarity],
            tuple(r.premises),
            r.target,
            RELATION_KIND_BY_VALUE[r.kind],
            r.title,
            r.notes,
            r.scheme,
            r.assessment,
            r.meta,
        )
        for r in doc.relations
    ]
    placed: list[StatementRecord | RelationRecord] = [*doc.statements, *doc.relations]
    positions = {el.id: el.position for el in placed if el.position is not None}
    pinned = [el.id for el in placed if el.pinned]
    meta = doc.meta.model_dump()
    amap = ArgumentMap(meta.pop("title"), meta.pop("description"))
    for k, v in meta.items():
        if v is not None or k not in ("layout_direction", "card_text"):  # absent: the default
            amap._meta[k] = v  # extra metadata kept verbatim (map not yet shared)
    try:
        amap.add_many(statements, relations, positions, pinned, sources)
    except ModelError as e:
        # the model refuses every dangling reference and duplicate id too; the references check,
        # which names them by their place in the file, runs only then (a valid map needs neither)
        _check_references(sources, statements, relations, path)
        places = [
            *((f"relations[{i}]", r.id) for i, r in enumerate(relations)),
            *((f"statements[{i}]", st.id) for i, st in enumerate(statements)),
        ]
        place = next((where for where, eid in places if f"{eid!r}" in str(e)), "")
        raise MapFileError(path, place, str(e)) from None
    return amap


def loads(text: str, path: str = "<input>") -> ArgumentMap:
    """JSON text of a map -> the map; raises :class:`MapFileError` and nothing else."""
    return build_map(parse_document(text, path), path)


def load_map(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> ArgumentMap:
    """Read an ``.argmap.json`` file; raises :class:`MapFileError` and nothing else."""
    p = os.fspath(path)
    return loads(read_text(p, limit), p)


def _round(p: tuple[float, float]) -> list[float]:
    return [round(float(p[0]), 2) + 0.0, round(float(p[1]), 2) + 0.0]


def anchor_records(st: Statement) -> list[dict[str, Any]]:
    """A statement's anchors as the file writes them."""
    return [{"source": a.source_id, "start": a.start, "end": a.end, "quote": a.quote} for a in st.anchors]


def to_document(amap: ArgumentMap) -> dict[str, Any]:
    """The map as a plain dict in file order: only non-default fields besides the required ones."""
    meta: dict[str, Any] = {"title": amap.meta.get("title", "")}
    if amap.meta.get("description"):
        meta["description"] = amap.meta["description"]
    for k in sorted(amap.meta):
        if k not in ("title", "description") and amap.meta[k] is not None:
            meta[k] = amap.meta[k]
    pos, pinned = amap.positions, amap.pinned

    def placed(d: dict[str, Any], eid: str) -> dict[str, Any]:
        if eid in pos:
            d["position"] = _round(pos[eid])
        if eid in pinned:
            d["pinned"] = True
        return d

    sources = []
    for s in amap.sources.values():
        d: dict[str, Any] = {"id": s.id}
        for k in ("title", "author", "url", "date"):
            if getattr(s, k):
                d[k] = getattr(s, k)
        d["text"] = s.text
        sources.append(d)
    statements = []
    for st in amap.statements.values():
        d = {"id": st.id, "kind": st.kind.value, "text": st.text}
        for k in ("title", "notes"):
            if getattr(st, k):
                d[k] = getattr(st, k)
        if st.tags:
            d["tags"] = list(st.tags)
        if st.anchors:
            d["anchors"] = anchor_records(st)
        if st.assessment:
            d["assessment"] = st.assessment
        if st.implicit:
            d["implicit"] = True
        if st.meta:
            d["meta"] = dict(st.meta)
        statements.append(placed(d, st.id))
    relations = []
    for r in amap.relations.values():
        d = {"id": r.id, "polarity": r.polarity.value, "premises": list(r.premises), "target": r.target}
        if r.kind is not RelationKind.INFERENCE:
            d["kind"] = r.kind.value
        for k in ("title", "notes", "scheme"):
            if getattr(r, k):
                d[k] = getattr(r, k)
        if r.assessment:
            d["assessment"] = r.assessment
        if r.meta:
            d["meta"] = dict(r.meta)
        relations.append(placed(d, r.id))
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "meta": meta,
        "sources": sources,
        "statements": statements,
        "relations": relations,
    }


def dumps(amap: ArgumentMap) -> str:
    """Deterministic text: same map, same bytes (stable order, 2-space indent, final newline)."""
    return json.dumps(to_document(amap), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def save_map(amap: ArgumentMap, path: str | os.PathLike[str], **_options: Any) -> None:
    """Write atomically: a crash or a full disk never leaves a half-written map."""
    atomic_write_text(path, dumps(amap))


def read_result(path: str | os.PathLike[str]) -> ImportResult:
    """Registry reader: the map and the counts of what it holds."""
    amap = load_map(path)
    return ImportResult(
        amap,
        ImportReport(
            {"statements": len(amap.statements), "relations": len(amap.relations), "sources": len(amap.sources)}
        ),
    )


def sniff(head: str) -> bool:
    """Does this start of a file look like an argmap map?"""
    return '"format": "argmap"' in head or '"format":"argmap"' in head
