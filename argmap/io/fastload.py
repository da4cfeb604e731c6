"""A fast structural check of ``.argmap.json`` documents that pydantic would accept; on any doubt, None.

:mod:`argmap.io.schema` (pydantic) stays the definition of the format and the
source of every error message.  Importing pydantic and building the models
costs a command-line process about a third of a second, so :func:`records`
first checks a parsed, migrated document by hand and builds the model's
records directly.  It accepts only documents the schema accepts, and gives exactly
the values the schema would give; for anything else (a wrong type, a missing
or unknown key, a bad literal, an unusual number, a key pydantic might treat
specially) it returns None and the caller validates with pydantic, which then
decides and explains.  ``tests/io/test_fastload.py`` checks both paths agree.
"""
from __future__ import annotations

from dataclasses import dataclass
from math import isfinite

from ..model.elements import (
    KIND_BY_VALUE,
    POLARITY_BY_VALUE,
    RELATION_KIND_BY_VALUE,
    Anchor,
    Relation,
    RelationKind,
    Source,
    Statement,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

FORMAT_NAME = "argmap"
FORMAT_VERSION = 1

_DOC_KEYS = frozenset({"format", "version", "meta", "sources", "statements", "relations"})
_SOURCE_KEYS = frozenset({"id", "title", "author", "url", "date", "text"})
_ANCHOR_KEYS = frozenset({"source", "start", "end", "quote"})
_STATEMENT_KEYS = frozenset({"id", "kind", "text", "title", "notes", "tags", "anchors", "assessment", "position",
                             "pinned", "meta"})
_RELATION_KEYS = frozenset({"id", "polarity", "premises", "target", "kind", "title", "notes", "scheme", "assessment",
                            "position", "pinned", "meta"})
# a value's kind, polarity and assessment by its text; a str enum member hashes as its value, so
# only exact str values (type checked first) are looked up
_ST_ASSESSMENTS = {"accepted": "accepted", "rejected": "rejected", "undecided": "undecided", None: None}
_REL_ASSESSMENTS = {"strong": "strong", "weak": "weak", "none": "none", None: None}
_META_CHOICES = {"layout_direction": ("TB", "BT", "LR"), "card_text": ("full", "titles")}
_INFERENCE = RelationKind.INFERENCE
_MISSING: Any = object()


class Doubt(Exception):
    """Not sure the schema accepts this: let pydantic decide."""


@dataclass(slots=True)
class Records:
    """What :func:`argmap.io.native.build_map` needs: the map's metadata (a dict), its sources,
    statements and relations as model records in file order, and the positions and pins."""

    meta: dict
    sources: list[Source]
    statements: list[Statement]
    relations: list[Relation]
    positions: dict[str, tuple[float, float]]
    pinned: list[str]


def _str(v: Any) -> str:
    if type(v) is not str:
        raise Doubt("str")
    return v


def _id(v: Any) -> str:
    """A required, non-empty string (absent: None, refused)."""
    if type(v) is not str or not v:
        raise Doubt("id")
    return v


def _strings(v: Any) -> tuple[str, ...]:
    if type(v) is not list:
        raise Doubt("list")
    for x in v:
        if type(x) is not str:
            raise Doubt("str")
    return tuple(v)


def _position(v: Any) -> tuple[float, float]:
    if type(v) is not list or len(v) != 2:
        raise Doubt("position")
    x, y = v
    if type(x) not in (int, float) or type(y) not in (int, float):
        raise Doubt("position")
    try:
        x, y = float(x), float(y)
    except OverflowError:  # an integer too large for a float
        raise Doubt("position") from None
    if not (isfinite(x) and isfinite(y)):
        raise Doubt("position")
    return (x, y)


def _count(v: Any) -> int:
    if type(v) is not int or v < 0:
        raise Doubt("int")
    return v


def _anchors(v: Any) -> tuple[Anchor, ...]:
    if type(v) is not list:
        raise Doubt("list")
    out = []
    for a in v:
        if type(a) is not dict or not _ANCHOR_KEYS.issuperset(a) or "start" not in a or "end" not in a:
            raise Doubt("anchor")
        start, end = _count(a["start"]), _count(a["end"])
        if end < start:
            raise Doubt("anchor")
        out.append(Anchor(_id(a.get("source")), start, end, _str(a.get("quote"))))
    return tuple(out)


def _placed(el: dict, eid: str, positions: dict, pinned: list) -> None:
    """Record ``el``'s position and pin, if it has them."""
    p = el.get("position")
    if p is not None:
        positions[eid] = _position(p)
    pin = el.get("pinned", False)
    if pin is not False:
        if pin is not True:
            raise Doubt("pinned")
        pinned.append(eid)


def _statements(items: Any, positions: dict, pinned: list) -> list[Statement]:
    if type(items) is not list:
        raise Doubt("list")
    keys, kinds, assessments = _STATEMENT_KEYS, KIND_BY_VALUE, _ST_ASSESSMENTS
    missing = _MISSING
    out = []
    append = out.append
    for s in items:
        if type(s) is not dict or not keys.issuperset(s):
            raise Doubt("statement")
        get = s.get
        sid, kind, text = get("id"), get("kind"), get("text")
        title, notes, assessment = get("title", ""), get("notes", ""), get("assessment")
        tags, anchors, meta = get("tags", missing), get("anchors", missing), get("meta", missing)
        if (type(sid) is not str or not sid or type(kind) is not str or kind not in kinds or type(text) is not str
                or type(title) is not str or type(notes) is not str):
            raise Doubt("statement")
        if assessment is not None and (type(assessment) is not str or assessment not in assessments):
            raise Doubt("assessment")
        meta = {} if meta is missing else _meta(meta)
        append(Statement(sid, text, kinds[kind], title, notes, () if tags is missing else _strings(tags),
                         () if anchors is missing else _anchors(anchors), assessment, meta))
        if "position" in s or "pinned" in s:
            _placed(s, sid, positions, pinned)
    return out


def _meta(meta: Any) -> dict:
    """A record's own copy of its ``meta`` object."""
    if type(meta) is not dict:
        raise Doubt("meta")
    return meta.copy()


def _relations(items: Any, positions: dict, pinned: list) -> list[Relation]:
    if type(items) is not list:
        raise Doubt("list")
    keys, polarities, kinds, assessments = _RELATION_KEYS, POLARITY_BY_VALUE, RELATION_KIND_BY_VALUE, _REL_ASSESSMENTS
    missing, inference = _MISSING, _INFERENCE
    out = []
    append = out.append
    for r in items:
        if type(r) is not dict or not keys.issuperset(r):
            raise Doubt("relation")
        get = r.get
        rid, polarity, premises, target = get("id"), get("polarity"), get("premises"), get("target")
        kind, title, notes, scheme = get("kind", inference), get("title", ""), get("notes", ""), get("scheme", "")
        assessment, meta = get("assessment"), get("meta", missing)
        if (type(rid) is not str or not rid or type(polarity) is not str or polarity not in polarities
                or type(target) is not str or not target or type(premises) is not list or not premises
                or type(title) is not str or type(notes) is not str or type(scheme) is not str):
            raise Doubt("relation")
        for p in premises:
            if type(p) is not str:
                raise Doubt("premises")
        if kind is not inference:
            if type(kind) is not str or kind not in kinds:
                raise Doubt("kind")
            kind = kinds[kind]
        if assessment is not None and (type(assessment) is not str or assessment not in assessments):
            raise Doubt("assessment")
        meta = {} if meta is missing else _meta(meta)
        append(Relation(rid, polarities[polarity], tuple(premises), target, kind, title, notes, scheme, assessment,
                        meta))
        if "position" in r or "pinned" in r:
            _placed(r, rid, positions, pinned)
    return out


def _sources(items: Any) -> list[Source]:
    if type(items) is not list:
        raise Doubt("list")
    out = []
    for s in items:
        if type(s) is not dict or not _SOURCE_KEYS.issuperset(s):
            raise Doubt("source")
        get = s.get
        out.append(Source(_id(get("id")), _str(get("text")), _str(get("title", "")), _str(get("author", "")),
                          _str(get("url", "")), _str(get("date", ""))))
    return out


def _map_meta(doc: dict) -> dict:
    m = doc.get("meta", {})
    if type(m) is not dict:
        raise Doubt("meta")
    for k in m:  # keys pydantic could read as its own (model_*, private names): let it decide
        if type(k) is not str or k.startswith(("_", "model_")):
            raise Doubt("meta")
    for key, choices in _META_CHOICES.items():  # the schema's choices (or null)
        if m.get(key) is not None and m[key] not in choices:
            raise Doubt(key)
    out = {"title": _str(m.get("title", "")), "description": _str(m.get("description", ""))}
    out.update((k, v) for k, v in m.items() if k not in ("title", "description"))
    return out


def records(doc: Any) -> Records | None:
    """The validated records of a migrated document, or None when pydantic should decide."""
    try:
        if type(doc) is not dict or not _DOC_KEYS.issuperset(doc):
            return None
        if doc.get("format") != FORMAT_NAME or type(doc.get("format")) is not str:
            return None
        if type(doc.get("version")) is not int or doc["version"] != FORMAT_VERSION:
            return None
        positions: dict[str, tuple[float, float]] = {}
        pinned: list[str] = []
        meta = _map_meta(doc)
        sources = _sources(doc.get("sources", []))
        statements = _statements(doc.get("statements", []), positions, pinned)
        relations = _relations(doc.get("relations", []), positions, pinned)
        return Records(meta, sources, statements, relations, positions, pinned)
    except Doubt:
        return None
