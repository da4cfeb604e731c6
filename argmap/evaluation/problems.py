"""The Problems list: what is weak or broken in a map, each with its elements and a quick fix where one is obvious."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Anchor, Kind, Polarity
from .reasons import and_list, name

if TYPE_CHECKING:
    from ..model import ArgumentMap, Relation, Statement

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY = {
    "circular-support": ERROR,
    "broken-anchor": ERROR,
    "unsupported-conclusion": WARNING,
    "orphan": WARNING,
    "unanchored-evidence": WARNING,
    "supported-evidence": WARNING,
    "duplicate-text": WARNING,
    "unanswered-attack": INFO,
}


@dataclass(frozen=True)
class Fix:
    """A quick fix: replace fields of one statement (``ArgumentMap.update_statement(target, **changes)``)."""

    label: str
    target: str
    changes: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    code: str
    ids: tuple[str, ...]
    message: str
    fix: Fix | None = None

    @property
    def severity(self) -> str:
        return SEVERITY[self.code]

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "ids": list(self.ids), "message": self.message}


def _support_cycles(succ: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected groups of statements joined by support (Tarjan's algorithm, iterative),
    after peeling off the statements no cycle can reach, which in most maps is all of them."""
    indegree: dict[str, int] = {}
    for targets in succ.values():
        for t in targets:
            indegree[t] = indegree.get(t, 0) + 1
    ready = [v for v in succ if v not in indegree]
    while ready:
        v = ready.pop()
        for t in succ.get(v, ()):
            indegree[t] -= 1
            if indegree[t] == 0:
                ready.append(t)
    succ = {v: ts for v, ts in succ.items() if indegree.get(v, 0) > 0}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    for root in succ:
        if root in index:
            continue
        work = [(root, iter(succ.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(succ.get(w, ()))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                group = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    group.append(w)
                    if w == v:
                        break
                if len(group) > 1 or v in succ.get(v, ()):
                    groups.append(group)
    return groups


def _reanchor(amap: ArgumentMap, sid: str) -> Fix | None:
    """Move drifted anchors to where their quote now is, when it occurs exactly once."""
    st = amap.statements[sid]
    fixed = []
    for a in st.anchors:
        src = amap.sources.get(a.source_id)
        if src is None:
            return None
        if a.matches(src.text):
            fixed.append(a)
            continue
        at = src.text.find(a.quote) if a.quote else -1
        if at < 0 or src.text.find(a.quote, at + 1) >= 0:
            return None
        fixed.append(Anchor(a.source_id, at, at + len(a.quote), a.quote))
    return Fix("Move the anchor to where its quote now is", sid, {"anchors": tuple(fixed)})


def support_graph(amap: ArgumentMap) -> dict[str, list[str]]:
    """Statement -> the statements it supports, in relation order."""
    succ: dict[str, list[str]] = {}
    statements = amap.statements
    for rel in amap.relations.values():
        if rel.polarity is Polarity.SUPPORT and rel.target in statements:
            for p in rel.premises:
                succ.setdefault(p, []).append(rel.target)
    return succ


def cycle_problems(amap: ArgumentMap, succ: dict[str, list[str]]) -> list[Problem]:
    out = []
    position = {sid: i for i, sid in enumerate(amap.statements)}
    for group in _support_cycles(succ):
        order = sorted(group, key=position.__getitem__)
        names = and_list([name(amap, s) for s in order[:4]]) + (" …" if len(order) > 4 else "")
        out.append(
            Problem(
                "circular-support",
                tuple(order),
                f"{names} support each other in a circle" if len(order) > 1 else f"{names} supports itself",
            )
        )
    return out


def anchor_problem(amap: ArgumentMap, st: Statement) -> Problem | None:
    """A statement's first anchor that no longer matches its source, as a problem."""
    for a in st.anchors:
        src = amap.sources.get(a.source_id)
        if src is None or not a.matches(src.text):
            where = f"source “{src.title or src.id}”" if src is not None else f"missing source {a.source_id}"
            return Problem(
                "broken-anchor",
                (st.id,),
                f"the anchor of {name(amap, st.id)} in {where} no longer matches its quote",
                _reanchor(amap, st.id),
            )
    return None


def statement_problems(
    amap: ArgumentMap, st: Statement, supported: bool, related: bool, several: bool, has_sources: bool
) -> list[Problem]:
    """One statement's warnings, given whether something supports it and whether it is in any relation."""
    out = []
    sid = st.id
    if st.kind is Kind.CONCLUSION and not supported:
        out.append(
            Problem(
                "unsupported-conclusion",
                (sid,),
                f"the conclusion {name(amap, sid)} has no reason for it",
                Fix("Make it a premise", sid, {"kind": Kind.PREMISE}),
            )
        )
    if several and not related:
        out.append(Problem("orphan", (sid,), f"{name(amap, sid)} is in no relation"))
    if st.kind is Kind.EVIDENCE:
        if has_sources and not st.anchors and not st.implicit:  # an unstated premise has no passage to quote
            out.append(
                Problem("unanchored-evidence", (sid,), f"the evidence {name(amap, sid)} is not anchored in any source")
            )
        if supported:
            out.append(
                Problem(
                    "supported-evidence",
                    (sid,),
                    f"the evidence {name(amap, sid)} is supported, so it is a claim",
                    Fix("Make it a premise", sid, {"kind": Kind.PREMISE}),
                )
            )
    return out


def text_key(text: str) -> str:
    """What two statements must share to say the same thing: their text, ignoring case and spacing."""
    return " ".join(text.split()).casefold()


def duplicate_problem(amap: ArgumentMap, ids: list[str]) -> Problem:
    return Problem("duplicate-text", tuple(ids), f"{len(ids)} statements say {name(amap, ids[0])}")


def attack_problem(amap: ArgumentMap, rel: Relation, attacked: Callable[[str], bool]) -> Problem | None:
    """An attack that nothing attacks (neither it nor any of its premises), as a problem."""
    if rel.polarity is not Polarity.ATTACK or attacked(rel.id) or any(attacked(p) for p in rel.premises):
        return None
    what = "undercut" if rel.target in amap.relations else "objection"
    return Problem("unanswered-attack", (rel.id, *rel.premises), f"nothing answers the {what} {name(amap, rel.id)}")


def by_severity(problems: list[Problem]) -> list[Problem]:
    """Errors, then warnings, then notes; each in the order given."""
    rank = {ERROR: 0, WARNING: 1, INFO: 2}
    return sorted(problems, key=lambda p: rank[p.severity])


def find_problems(amap: ArgumentMap) -> list[Problem]:
    """Every problem of the map, errors first, each group in map order."""
    statements, relations = amap.statements, amap.relations
    supported: set[str] = set()
    attacked: set[str] = set()  # statements and relations something attacks
    related: set[str] = set()  # statements in some relation
    for rel in relations.values():
        related.update(rel.premises)
        related.add(rel.target)
        if rel.polarity is Polarity.ATTACK:
            attacked.add(rel.target)
        elif rel.target in statements:
            supported.add(rel.target)
    out = cycle_problems(amap, support_graph(amap))
    out += [p for st in statements.values() if (p := anchor_problem(amap, st)) is not None]
    several, has_sources = len(statements) > 1, bool(amap.sources)
    by_text: dict[str, list[str]] = {}
    for sid, st in statements.items():
        out += statement_problems(amap, st, sid in supported, sid in related, several, has_sources)
        key = text_key(st.text)
        if key:
            by_text.setdefault(key, []).append(sid)
    out += [duplicate_problem(amap, ids) for ids in by_text.values() if len(ids) > 1]
    out += [p for rel in relations.values() if (p := attack_problem(amap, rel, attacked.__contains__)) is not None]
    return by_severity(out)
