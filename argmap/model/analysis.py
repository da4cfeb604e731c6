"""Read-only questions about a map: main conclusions, reasons, statistics, anchor health."""

from __future__ import annotations

from typing import Any

from .argument_map import ArgumentMap
from .elements import Anchor, Kind, Polarity, Relation, Statement


def main_conclusions(amap: ArgumentMap) -> list[Statement]:
    """Statements that are a premise of nothing: the tops of the argument.

    Statements that nothing relates to at all come last; conclusions first.
    """
    tops = [s for s in amap.statements.values() if not amap.relations_from(s.id)]
    return sorted(tops, key=lambda s: (s.kind is not Kind.CONCLUSION, not amap.relations_into(s.id)))


def reasons(amap: ArgumentMap, target: str) -> list[Relation]:
    """Relations into ``target``: supports first, then objections, in map order."""
    rels = amap.relations_into(target)
    return sorted(rels, key=lambda r: r.polarity is Polarity.ATTACK)


def broken_anchors(amap: ArgumentMap) -> list[tuple[Statement, Anchor]]:
    """Anchors whose stored quote no longer matches their source text."""
    out = []
    for st in amap.statements.values():
        for a in st.anchors:
            src = amap.sources.get(a.source_id)
            if src is None or not a.matches(src.text):
                out.append((st, a))
    return out


def stats(amap: ArgumentMap) -> dict[str, Any]:
    """The counts ``argmap info`` reports (its JSON keys are a stable interface)."""
    kinds = {k: 0 for k in Kind}
    for st in amap.statements.values():
        kinds[st.kind] += 1
    rels = list(amap.relations.values())
    anchors = sum(len(s.anchors) for s in amap.statements.values())
    return {
        "title": amap.title,
        "statements": len(amap.statements),
        "conclusions": kinds[Kind.CONCLUSION],
        "premises": kinds[Kind.PREMISE],
        "evidence": kinds[Kind.EVIDENCE],
        "relations": len(rels),
        "supports": sum(r.polarity is Polarity.SUPPORT for r in rels),
        "attacks": sum(r.polarity is Polarity.ATTACK for r in rels),
        "linked": sum(len(r.premises) > 1 for r in rels),
        "undercuts": sum(amap.is_undercut(r) for r in rels),
        "sources": len(amap.sources),
        "anchors": anchors,
        "broken_anchors": len(broken_anchors(amap)),
        "positioned": sum(1 for e in amap.positions if e in amap.statements),
    }
