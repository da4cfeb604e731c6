"""A fast structural check of ``.argmap.json`` documents that pydantic would accept; on any doubt, None.

:mod:`argmap.io.schema` (pydantic) stays the definition of the format and the
source of every error message.  Importing pydantic and building the models
costs a command-line process about a third of a second, so :func:`records`
first checks a parsed, migrated document by hand and builds the records
directly.  It accepts only documents the schema accepts, and gives exactly
the values the schema would give; for anything else (a wrong type, a missing
or unknown key, a bad literal, an unusual number, a key pydantic might treat
specially) it returns None and the caller validates with pydantic, which then
decides and explains.  ``tests/io/test_fastload.py`` checks both paths agree.
"""
from __future__ import annotations

import math
from typing import Any, NamedTuple

FORMAT_NAME = "argmap"
FORMAT_VERSION = 1

_DOC_KEYS = frozenset({"format", "version", "meta", "sources", "statements", "relations"})
_SOURCE_KEYS = frozenset({"id", "title", "author", "url", "date", "text"})
_ANCHOR_KEYS = frozenset({"source", "start", "end", "quote"})
_STATEMENT_KEYS = frozenset({"id", "kind", "text", "title", "notes", "tags", "anchors", "assessment", "position",
                             "pinned", "meta"})
_RELATION_KEYS = frozenset({"id", "polarity", "premises", "target", "kind", "title", "notes", "scheme", "assessment",
                            "position", "pinned", "meta"})
_KINDS = frozenset({"conclusion", "premise", "evidence"})
_POLARITIES = frozenset({"support", "attack"})
_RELATION_KINDS = frozenset({"inference", "rephrase", "preference"})
_ST_ASSESSMENTS = frozenset({"accepted", "rejected", "undecided"})
_REL_ASSESSMENTS = frozenset({"strong", "weak", "none"})


class Doubt(Exception):
    """Not sure the schema accepts this: let pydantic decide."""


class SourceRec(NamedTuple):
    id: str
    title: str
    author: str
    url: str
    date: str
    text: str


class AnchorRec(NamedTuple):
    source: str
    start: int
    end: int
    quote: str


class StatementRec(NamedTuple):
    id: str
    kind: str
    text: str
    title: str
    notes: str
    tags: list
    anchors: list
    assessment: str | None
    position: tuple[float, float] | None
    pinned: bool
    meta: dict


class RelationRec(NamedTuple):
    id: str
    polarity: str
    premises: list
    target: str
    kind: str
    title: str
    notes: str
    scheme: str
    assessment: str | None
    position: tuple[float, float] | None
    pinned: bool
    meta: dict


class Records(NamedTuple):
    """What :func:`argmap.io.native.build_map` needs, like a validated ``MapDocument`` (``meta`` a dict)."""

    meta: dict
    sources: list
    statements: list
    relations: list


def _str(d: dict, key: str, default: str = "", nonempty: bool = False) -> str:
    v = d.get(key, default)
    if type(v) is not str or (nonempty and not v):
        raise Doubt(key)
    return v


def _required_str(d: dict, key: str, nonempty: bool = False) -> str:
    if key not in d:
        raise Doubt(key)
    return _str(d, key, "", nonempty)


def _keys(d: Any, allowed: frozenset) -> dict:
    if type(d) is not dict or not allowed.issuperset(d):
        raise Doubt("keys")
    return d


def _list(v: Any) -> list:
    if type(v) is not list:
        raise Doubt("list")
    return v


def _str_list(v: Any) -> list:
    for x in _list(v):
        if type(x) is not str:
            raise Doubt("str")
    return list(v)


def _literal(d: dict, key: str, allowed: frozenset, default: str | None = None, optional: bool = False) -> Any:
    if key not in d:
        if default is None and not optional:
            raise Doubt(key)
        return default
    v = d[key]
    if v is None and optional:
        return None
    if type(v) is not str or v not in allowed:
        raise Doubt(key)
    return v


def _position(d: dict) -> tuple[float, float] | None:
    v = d.get("position")
    if v is None:
        return None
    if type(v) is not list or len(v) != 2:
        raise Doubt("position")
    x, y = v
    if type(x) not in (int, float) or type(y) not in (int, float):
        raise Doubt("position")
    x, y = float(x), float(y)
    if not (math.isfinite(x) and math.isfinite(y)):
        raise Doubt("position")
    return (x, y)


def _bool(d: dict, key: str) -> bool:
    v = d.get(key, False)
    if type(v) is not bool:
        raise Doubt(key)
    return v


_META_CHOICES = {"layout_direction": ("TB", "BT", "LR"), "card_text": ("full", "titles")}


def _meta(d: dict) -> dict:
    v = d.get("meta", {})
    if type(v) is not dict:
        raise Doubt("meta")
    return dict(v)


def _count(v: Any) -> int:
    if type(v) is not int or v < 0:
        raise Doubt("int")
    return v


def _anchor(a: Any) -> AnchorRec:
    _keys(a, _ANCHOR_KEYS)
    if "start" not in a or "end" not in a:
        raise Doubt("anchor")
    start, end = _count(a["start"]), _count(a["end"])
    if end < start:
        raise Doubt("anchor")
    return AnchorRec(_required_str(a, "source", True), start, end, _required_str(a, "quote"))


def _statement(s: Any) -> StatementRec:
    _keys(s, _STATEMENT_KEYS)
    return StatementRec(
        _required_str(s, "id", True), _literal(s, "kind", _KINDS), _required_str(s, "text"), _str(s, "title"),
        _str(s, "notes"), _str_list(s.get("tags", [])), [_anchor(a) for a in _list(s.get("anchors", []))],
        _literal(s, "assessment", _ST_ASSESSMENTS, optional=True), _position(s), _bool(s, "pinned"), _meta(s))


def _relation(r: Any) -> RelationRec:
    _keys(r, _RELATION_KEYS)
    if "premises" not in r:
        raise Doubt("premises")
    premises = _str_list(r["premises"])
    if not premises:
        raise Doubt("premises")
    return RelationRec(
        _required_str(r, "id", True), _literal(r, "polarity", _POLARITIES), premises,
        _required_str(r, "target", True), _literal(r, "kind", _RELATION_KINDS, "inference"), _str(r, "title"),
        _str(r, "notes"), _str(r, "scheme"), _literal(r, "assessment", _REL_ASSESSMENTS, optional=True),
        _position(r), _bool(r, "pinned"), _meta(r))


def _source(s: Any) -> SourceRec:
    _keys(s, _SOURCE_KEYS)
    return SourceRec(_required_str(s, "id", True), _str(s, "title"), _str(s, "author"), _str(s, "url"),
                     _str(s, "date"), _required_str(s, "text"))


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
    out = {"title": _str(m, "title"), "description": _str(m, "description")}
    out.update((k, v) for k, v in m.items() if k not in ("title", "description"))
    return out


def records(doc: Any) -> Records | None:
    """The validated records of a migrated document, or None when pydantic should decide."""
    try:
        _keys(doc, _DOC_KEYS)
        if doc.get("format") != FORMAT_NAME or type(doc.get("format")) is not str:
            return None
        if type(doc.get("version")) is not int or doc["version"] != FORMAT_VERSION:
            return None
        return Records(_map_meta(doc), [_source(s) for s in _list(doc.get("sources", []))],
                       [_statement(s) for s in _list(doc.get("statements", []))],
                       [_relation(r) for r in _list(doc.get("relations", []))])
    except Doubt:
        return None
