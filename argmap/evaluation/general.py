"""The argmap reading of a map: grounded labels, weighed by the user's assessments.

A statement the user accepted is in and one they rejected is out.  Otherwise a statement
that nothing supports is taken as given (a basic premise or evidence) unless it is a
conclusion, which needs a reason; reasons and objections are weighed (strong 3, unassessed
2, weak 1, none 0; a basic statement's presumption weighs 2) and an objection wins a tie, so
with no assessments this is grounded semantics.  A relation applies when all its premises
are in (linked premises work only together) and no undercut of it applies.  Labels are
found as a least fixpoint: what no rule can decide stays undecided (cycles).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..model import Kind, Polarity, RelationKind
from .labels import Label, Why
from .result import Evaluation

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..model import ArgumentMap, Relation, Statement

WEIGHTS = {"strong": 3, None: 2, "weak": 1, "none": 0}
PRESUMPTION = 2
IN, OUT, UNDECIDED = Label.IN, Label.OUT, Label.UNDECIDED
Decision = tuple[Label, Why]
# the decisions that name nothing, made once
ACCEPTED, REJECTED = (IN, Why("accepted")), (OUT, Why("rejected"))
HOLDS, NO_FORCE, PREFERENCE = (IN, Why("holds")), (OUT, Why("no-force")), (OUT, Why("preference"))
NO_SUPPORT = (OUT, Why("no-support"))
PRESUMED = {Kind.EVIDENCE: (IN, Why("presumed", (), "evidence")), Kind.PREMISE: (IN, Why("presumed", (), "a premise"))}
Into = Callable[[str], "Sequence[Relation]"]  # the relations whose target is an element


def decide_relation(
    into: Into, rel: Relation, st_labels: dict[str, Label], rel_labels: dict[str, Label]
) -> Decision | None:
    """The label of a relation once its premises and undercuts allow it, else None."""
    if rel.kind is RelationKind.PREFERENCE:
        return PREFERENCE
    if rel.assessment == "none":
        return NO_FORCE
    open_premise = None
    for p in rel.premises:
        lab = st_labels.get(p)
        if lab is OUT:
            return OUT, Why("premise-out", (p,))
        if lab is not IN and open_premise is None:
            open_premise = p
    open_undercut = None
    for u in into(rel.id):
        if u.polarity is not Polarity.ATTACK:
            continue
        lab = rel_labels.get(u.id)
        if lab is IN:
            return OUT, Why("undercut", (u.id,), "holds" if len(u.premises) < 2 else "hold")
        if lab is not OUT and open_undercut is None:
            open_undercut = u.id
    if open_premise is not None or open_undercut is not None:
        return None
    return HOLDS


def decide_statement(st: Statement, into: Into, rel_labels: dict[str, Label]) -> Decision | None:
    """The label of a statement once its reasons and objections allow it, else None."""
    sid = st.id
    if st.assessment == "accepted":
        return ACCEPTED
    if st.assessment == "rejected":
        return REJECTED
    pro_lo = pro_hi = con_lo = con_hi = 0
    best_pro = ""
    best_con: Relation | None = None
    supported = False
    for rel in into(sid):
        w = WEIGHTS.get(rel.assessment, PRESUMPTION)
        lab = rel_labels.get(rel.id)
        if rel.polarity is Polarity.SUPPORT:
            supported = True
            if lab is IN and w > pro_lo:
                pro_lo, best_pro = w, rel.id
            if lab is not OUT and w > pro_hi:
                pro_hi = w
        else:
            if lab is IN and w > con_lo:
                con_lo, best_con = w, rel
            if lab is not OUT and w > con_hi:
                con_hi = w
    if not supported and st.kind is not Kind.CONCLUSION:
        pro_lo = pro_hi = PRESUMPTION
    if pro_hi == 0:
        if supported:
            failed = next(r.id for r in into(sid) if r.polarity is Polarity.SUPPORT)
            return OUT, Why("support-fails", (failed,))
        return NO_SUPPORT
    if best_con is not None and con_lo >= pro_hi:
        return OUT, Why("attacked", (best_con.id,), "is in" if len(best_con.premises) < 2 else "are in")
    if pro_lo > con_hi:
        if best_con is not None:
            if best_pro:
                return IN, Why("outweighs", (best_pro, best_con.id))
            return IN, Why("withstands", (best_con.id,))
        if best_pro:
            return IN, Why("supported", (best_pro,))
        return PRESUMED[st.kind]
    return None


def dependents(amap: ArgumentMap, eid: str) -> list[str]:
    """What a change of ``eid``'s label can change: relations it is a premise of, or its target."""
    if eid in amap.statements:
        return [r.id for r in amap.relations_from(eid)]
    rel = amap.relations.get(eid)
    return [rel.target] if rel is not None else []


def inputs(amap: ArgumentMap, eid: str) -> list[str]:
    """What ``eid``'s label is decided from (the reverse of :func:`dependents`)."""
    rel = amap.relations.get(eid)
    ids = [r.id for r in amap.relations_into(eid)]
    return ids if rel is None else [*rel.premises, *ids]


def label(
    amap: ArgumentMap,
    ev: Evaluation,
    todo: Iterable[str],
    scope: set[str] | None = None,
    into: Into | None = None,
    dependents_of: Callable[[str], Iterable[str]] | None = None,
) -> None:
    """Decide every element of ``todo`` that the rules can decide (the others stay unlabelled),
    reading the labels already in ``ev`` for elements outside ``todo``; an element is tried
    again whenever one of its inputs gets a label."""
    into = into or amap.relations_into
    st_labels, rel_labels, why = ev.statements, ev.relations, ev.why
    statements, relations = amap.statements, amap.relations
    queue = deque(todo)
    waiting = set(queue)
    while queue:
        eid = queue.popleft()
        waiting.discard(eid)
        rel = relations.get(eid)
        if rel is not None:
            if eid in rel_labels:
                continue
            res = decide_relation(into, rel, st_labels, rel_labels)
            if res is None:
                continue
            rel_labels[eid], why[eid] = res
        elif eid in statements:
            if eid in st_labels:
                continue
            res = decide_statement(statements[eid], into, rel_labels)
            if res is None:
                continue
            st_labels[eid], why[eid] = res
        else:
            continue
        for d in dependents_of(eid) if dependents_of else dependents(amap, eid):
            if d not in waiting and (scope is None or d in scope) and d not in st_labels and d not in rel_labels:
                waiting.add(d)
                queue.append(d)


def fill_undecided(amap: ArgumentMap, ev: Evaluation, ids: Iterable[str]) -> None:
    for eid in ids:
        if eid in amap.statements:
            if eid not in ev.statements:
                ev.statements[eid] = UNDECIDED
                ev.why[eid] = Why("open")
        elif eid in amap.relations and eid not in ev.relations:
            ev.relations[eid] = UNDECIDED
            ev.why[eid] = Why("open")


def evaluate_general(amap: ArgumentMap) -> Evaluation:
    """Label a whole map by the argmap reading.

    Elements are decided in dependency order (each once, when all its inputs are labelled);
    what is left sits in or below a cycle and goes to :func:`label`'s worklist.
    """
    ev = Evaluation("argmap", inputs=inputs)
    st_labels, rel_labels, why = ev.statements, ev.relations, ev.why
    statements, relations = amap.statements, amap.relations
    into_map: dict[str, list[Relation]] = {}
    used_by: dict[str, list[str]] = {}
    for rel in relations.values():
        into_map.setdefault(rel.target, []).append(rel)
        for p in rel.premises:
            used_by.setdefault(p, []).append(rel.id)
    empty: list[Relation] = []
    for eid in (*statements, *relations):  # every element has an entry: lookups need no default
        if eid not in into_map:
            into_map[eid] = empty
    into = into_map.__getitem__

    def dependents_of(eid: str) -> list[str]:
        rel = relations.get(eid)
        return [rel.target] if rel is not None else used_by.get(eid, [])

    pending = {sid: len(into_map[sid]) for sid in statements}
    pending.update((rid, len(rel.premises) + len(into_map[rid])) for rid, rel in relations.items())
    ready = [eid for eid, n in pending.items() if n == 0]
    while ready:
        eid = ready.pop()
        r = relations.get(eid)
        if r is not None:
            res = decide_relation(into, r, st_labels, rel_labels)
            if res is None:
                continue
            rel_labels[eid], why[eid] = res
            nxt = [r.target]
        else:
            res = decide_statement(statements[eid], into, rel_labels)
            if res is None:
                continue
            st_labels[eid], why[eid] = res
            nxt = used_by.get(eid, [])
        for d in nxt:
            pending[d] -= 1
            if pending[d] == 0:
                ready.append(d)
    left = [eid for eid in pending if eid not in st_labels and eid not in rel_labels]
    if left:
        label(amap, ev, left, set(left), into, dependents_of)
        fill_undecided(amap, ev, left)
    # map order, as the file lists them
    ev.statements = {sid: st_labels[sid] for sid in statements}
    ev.relations = {rid: rel_labels[rid] for rid in relations}
    return ev
