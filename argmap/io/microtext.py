"""Argumentative microtexts (Peldszus & Stede ``arggraph`` XML with its ``.txt`` source): import.

EDUs are found in the source text one after another, so every statement is
anchored exactly to the source's own characters (whitespace may differ between
the XML and the text).  ADU -> statement (id = ADU id, ``pro``/``opp`` kept in
``meta["microtext"]``), a ``joint`` joins its EDUs into one statement;
``sup`` -> support, ``exa`` -> support whose premise is ``evidence``, ``add`` ->
an extra (linked) premise of the relation it points at, ``reb`` -> attack on a
statement, ``und`` -> attack on a relation.  The ADU with no outgoing
argumentative edge is the central claim: the ``conclusion``.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from bisect import bisect_left

from ..model import Anchor, ArgumentMap, Kind, ModelError, Polarity, Relation, Source, Statement, new_id
from ..model.text import normalise_newlines
from .errors import MapFileError, read_text
from .registry import ImportReport, ImportResult
from .safexml import local, parse_xml, where

ARG_TYPES = {"sup": Polarity.SUPPORT, "exa": Polarity.SUPPORT, "reb": Polarity.ATTACK, "und": Polarity.ATTACK}
EDGE_TYPES = ("seg", "add", *ARG_TYPES)


class _Source:
    """The source text three ways, so that finding an EDU is a plain substring search (linear),
    never a regex that backtracks over the text: as it is, with every run of whitespace one space,
    and without whitespace; ``*_at`` give each character's place in the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        self.compact = "".join(text[a:b] for a, b in words)
        self.compact_at = [i for a, b in words for i in range(a, b)]
        self.spaced = " ".join(text[a:b] for a, b in words)
        self.spaced_at: list[int] = []
        for a, b in words:
            self.spaced_at.extend(range(a, b))
            self.spaced_at.append(b)  # the space after a word stands for the whitespace there
        del self.spaced_at[len(self.spaced) :]

    def find(self, needle: str, start: int) -> tuple[int, int] | None:
        """Where ``needle`` occurs from ``start``: exactly, else with any whitespace between its
        words, else ignoring whitespace ("word ," against "word,")."""
        i = self.text.find(needle, start)
        if i >= 0:
            return i, i + len(needle)
        words = needle.split()
        if not words:
            return None
        for hay, at, key in (
            (self.spaced, self.spaced_at, " ".join(words)),
            (self.compact, self.compact_at, "".join(words)),
        ):
            j = hay.find(key, bisect_left(at, start))
            if j >= 0:
                return at[j], at[j + len(key) - 1] + 1
        return None


class _Graph:
    def __init__(self, root: ET.Element, path: str) -> None:
        self.path = path
        self.edus: dict[str, str] = {}
        self.joints: set[str] = set()
        self.adus: dict[str, str] = {}
        self.edges: dict[str, tuple[str, str, str, ET.Element]] = {}
        self.seg_into: dict[str, list[str]] | None = None  # node -> the EDUs and joints segmented into it
        seen: set[str] = set()
        for i, el in enumerate(root):
            name = local(el.tag) if isinstance(el.tag, str) else ""
            if name not in ("edu", "joint", "adu", "edge"):
                continue
            eid = el.get("id")
            if not eid:
                raise self.fail(el, i, "has no id")
            if eid in seen:
                raise self.fail(el, i, f"id {eid!r} is used twice")
            seen.add(eid)
            if name == "edu":
                self.edus[eid] = "".join(el.itertext())
            elif name == "joint":
                self.joints.add(eid)
            elif name == "adu":
                role = el.get("type", "")
                if role not in ("pro", "opp"):
                    raise self.fail(el, i, f"type must be pro or opp, got {role!r}")
                self.adus[eid] = role
            else:
                src, trg, etype = el.get("src"), el.get("trg"), el.get("type")
                if not src or not trg:
                    raise self.fail(el, i, "needs src and trg")
                if etype not in EDGE_TYPES:
                    raise self.fail(el, i, f"unknown type {etype!r} (expected {', '.join(EDGE_TYPES)})")
                self.edges[eid] = (src, trg, etype, el)
        if not self.adus:
            raise MapFileError(path, f"<{local(root.tag)}>", "has no <adu> elements")
        for src, trg, etype, el in self.edges.values():
            nodes = self.adus if etype != "seg" else {**self.edus, **dict.fromkeys(self.joints)}
            if src not in nodes:
                raise self.fail(el, None, f"src {src!r} is not {'an ADU' if etype != 'seg' else 'an EDU or joint'}")
            targets = (
                {**self.adus, **dict.fromkeys(self.joints)}
                if etype == "seg"
                else self.edges
                if etype in ("und", "add")
                else {**self.adus, **self.edges}
            )
            if trg not in targets:
                wanted = {"seg": "an ADU or joint", "und": "an edge", "add": "an edge"}.get(etype, "an ADU or edge")
                raise self.fail(el, None, f"trg {trg!r} is not {wanted}")

    def fail(self, el: ET.Element, index: int | None, message: str) -> MapFileError:
        return MapFileError(self.path, where(el, index), message)

    def edus_of(self, node: str) -> list[str]:
        """The EDUs an ADU or joint is grounded in, in text order (segment edges that run in a
        circle are followed once)."""
        if self.seg_into is None:
            self.seg_into = {}
            for src, trg, etype, _el in self.edges.values():
                if etype == "seg":
                    self.seg_into.setdefault(trg, []).append(src)
        found: set[str] = set()
        seen = {node}
        todo = [node]
        while todo:
            n = todo.pop()
            if n in self.edus:
                found.add(n)
                continue
            for src in self.seg_into.get(n, ()):
                if src not in seen:
                    seen.add(src)
                    todo.append(src)
        return [e for e in self.edus if e in found] if len(found) > 1 else list(found)


# how many times over the searches for EDUs may read the text before the rest are left unanchored
SEARCH_BUDGET = 100


def _locate(text: str, edus: dict[str, str]) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Spans of the EDUs in the source: sequentially, then anywhere; the ids never found."""
    spans: dict[str, tuple[int, int]] = {}
    missing = []
    cursor = 0
    source = _Source(text)
    budget = SEARCH_BUDGET * max(len(text), 10_000)
    for eid, raw in edus.items():
        needle = " ".join(raw.split())
        hit = None
        if budget > 0:
            hit = source.find(needle, cursor)
            budget -= (hit[1] if hit else len(text)) - cursor
            if hit is None:
                hit = source.find(needle, 0)
                budget -= hit[1] if hit else len(text)
        if hit is None:
            missing.append(eid)
            continue
        spans[eid] = hit
        cursor = max(cursor, hit[1])
    return spans, missing


def read_microtext(path: str | os.PathLike[str]) -> ImportResult:
    """Registry reader: ``NAME.xml`` and the source ``NAME.txt`` beside it."""
    p = os.fspath(path)
    root = parse_xml(p)
    if local(root.tag) != "arggraph":
        raise MapFileError(p, f"<{local(root.tag)}>", "not an argumentative microtext (expected <arggraph>)")
    g = _Graph(root, p)
    report = ImportReport()
    txt = os.path.splitext(p)[0] + ".txt"
    if os.path.exists(txt):
        text = normalise_newlines(read_text(txt))
    else:
        text = " ".join(" ".join(t.split()) for t in g.edus.values())
        report.note(f"no source text {os.path.basename(txt)} beside the file: the source was rebuilt from the EDUs")
    spans, missing = _locate(text, g.edus)
    if missing:
        report.note(f"{len(missing)} EDUs not found in the source text, left unanchored: {', '.join(missing)}")
    gid = root.get("id") or os.path.splitext(os.path.basename(p))[0]
    taken = set(g.edus) | g.joints | set(g.adus) | set(g.edges)
    sid = gid if gid not in taken else new_id()
    source = Source(sid, text, gid)

    # relations: each argumentative edge except add; add joins the relation it points at
    def owner(eid: str) -> str:
        seen = set()
        while eid in g.edges and g.edges[eid][2] == "add" and eid not in seen:
            seen.add(eid)
            eid = g.edges[eid][1]
        return eid

    premises: dict[str, list[str]] = {}
    for eid, (src, _trg, etype, _el) in g.edges.items():
        if etype in ARG_TYPES:
            premises[eid] = [src]
    for src, trg, etype, el in g.edges.values():
        if etype == "add":
            rel = owner(trg)
            if rel not in premises:
                raise g.fail(el, None, f"trg {trg!r} is not an argumentative relation")
            if src not in premises[rel]:
                premises[rel].append(src)
    outgoing = {src for src, _t, etype, _e in g.edges.values() if etype in ARG_TYPES or etype == "add"}
    examples = {src for src, _t, etype, _e in g.edges.values() if etype == "exa"}
    statements = []
    for aid, role in g.adus.items():
        edus = g.edus_of(aid)
        anchors: list[Anchor] = []
        for e in edus:
            if e not in spans:
                continue
            a, b = spans[e]
            if anchors and not text[anchors[-1].end : a].strip():  # adjacent EDUs of a joint: one anchor
                a = anchors.pop().start
            anchors.append(Anchor(sid, a, b, text[a:b]))
        words = " ".join(" ".join(g.edus[e].split()) for e in edus)
        kind = Kind.CONCLUSION if aid not in outgoing else Kind.EVIDENCE if aid in examples else Kind.PREMISE
        meta = {"microtext": {"role": role, "edus": edus}}
        statements.append(Statement(aid, words, kind, anchors=tuple(anchors), meta=meta))
    relations = []
    approx = 0
    for eid, prem in premises.items():
        src, trg, etype, _el = g.edges[eid]
        target = owner(trg)
        approx += target != trg
        relations.append(
            Relation(
                eid,
                ARG_TYPES[etype],
                tuple(prem),
                target,
                scheme="example" if etype == "exa" else "",
                meta={"microtext": {"type": etype}},
            )
        )
    central = [s.id for s in statements if s.kind is Kind.CONCLUSION]
    amap = ArgumentMap(gid)
    for key in ("topic_id", "stance"):
        if root.get(key):
            amap._meta[key] = root.get(key)  # the map is new and not yet shared
    try:
        amap.add_many(statements, relations, sources=[source])
    except ModelError as e:
        raise MapFileError(p, "", f"cannot build the map: {e}") from None
    if len(central) != 1:
        report.note(f"{len(central)} ADUs have no outgoing edge; all were made conclusions: {', '.join(central)}")
    if approx:
        report.note(f"{approx} edges pointed at an 'add' edge and now point at the relation it belongs to")
    if g.joints:
        report.note(f"{len(g.joints)} joints of adjacent EDUs became single statements")
    report.counts = {
        "statements": len(statements),
        "relations": len(relations),
        "linked": sum(len(p) > 1 for p in premises.values()),
        "undercuts": sum(amap.is_undercut(r) for r in amap.relations.values()),
        "anchored": sum(bool(s.anchors) for s in amap.statements.values()),
    }
    return ImportResult(amap, report)
