"""An evaluation kept current as its map changes: a change relabels only what it can reach."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .caes import evaluate_carneades, is_carneades
from .general import decide_relation, decide_statement, evaluate_general, fill_undecided, label
from .labels import Label, Why
from .result import Evaluation

if TYPE_CHECKING:
    from ..model import ArgumentMap, Change


OPEN = (Label.UNDECIDED, Why("open"))


def evaluate(amap: ArgumentMap) -> Evaluation:
    """Label every statement and relation: by Carneades' rules for a map imported from Carneades,
    by the argmap reading otherwise (docs/evaluation.md)."""
    return evaluate_carneades(amap) if is_carneades(amap) else evaluate_general(amap)


class LiveEvaluation:
    """The labels of one map, refreshed after each change.

    Under the argmap reading a label depends only on what points into it (premises, reasons,
    objections, undercuts), so after an edit only elements downstream of what changed can
    change: they are decided again in dependency order, stopping where labels stay the same.
    When a cycle runs through that region its least fixpoint is found afresh.  A Carneades map
    (whose issues and weights couple positions, and live in the map's metadata) is evaluated
    afresh as a whole after any change.
    """

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.evaluation: Evaluation = evaluate(amap)
        self._targets = {rid: rel.target for rid, rel in amap.relations.items()}

    def refresh(self, change: Change | None = None) -> set[str]:
        """Relabel after ``change`` (everything when None); the ids whose label or reason changed."""
        amap = self.amap
        # the map's own metadata matters only to a Carneades map (its issues, schemes, weights)
        if change is None or is_carneades(amap) or self.evaluation.semantics != "argmap":
            old = self.evaluation
            self.evaluation = evaluate(amap)
            self._targets = {rid: rel.target for rid, rel in amap.relations.items()}
            return _differences(old, self.evaluation, set(old.why) | set(self.evaluation.why))
        seeds = set(change.added) | set(change.changed) | set(change.removed)
        if not seeds:
            return set()
        cone = self._cone(seeds)
        order = _topological(cone)
        if order is None:  # a cycle runs through what changed: relabel the region afresh
            return self._relabel(cone)
        ev = self.evaluation
        st_labels, rel_labels, why = ev.statements, ev.relations, ev.why
        into = amap.relations_into
        dirty = set(seeds)
        changed: set[str] = set()
        for eid in order:
            if eid not in dirty:
                continue
            rel = amap.relations.get(eid)
            prior = (st_labels.get(eid) or rel_labels.get(eid), why.get(eid))
            res: tuple[Label | None, Why | None]
            if rel is not None:
                self._targets[eid] = rel.target
                rel_labels[eid], why[eid] = decide_relation(into, rel, st_labels, rel_labels) or OPEN
                res = rel_labels[eid], why[eid]
            elif eid in amap.statements:
                st_labels[eid], why[eid] = decide_statement(amap.statements[eid], into, rel_labels) or OPEN
                res = st_labels[eid], why[eid]
            else:  # removed
                self._targets.pop(eid, None)
                st_labels.pop(eid, None)
                rel_labels.pop(eid, None)
                why.pop(eid, None)
                res = (None, None)
            if res != prior:
                changed.add(eid)
            if res[0] is not prior[0] or eid in seeds:  # a changed relation may weigh differently
                dirty.update(cone[eid])
        return changed

    def _cone(self, seeds: set[str]) -> dict[str, list[str]]:
        """Everything downstream of ``seeds`` (targets of relations, relations of premises),
        each with the elements that read its label, including the old targets of changed relations."""
        amap = self.amap
        cone: dict[str, list[str]] = {}
        stack = list(seeds)
        while stack:
            eid = stack.pop()
            if eid in cone:
                continue
            rel = amap.relations.get(eid)
            if rel is not None:
                deps = [rel.target]
            elif eid in amap.statements:
                deps = [r.id for r in amap.relations_from(eid)]
            else:
                deps = []
            old_target = self._targets.get(eid)
            if old_target is not None and old_target not in deps:
                deps.append(old_target)
            cone[eid] = deps
            stack.extend(deps)
        return cone

    def _relabel(self, cone: dict[str, list[str]]) -> set[str]:
        """Forget the labels of the region and decide it again as a least fixpoint."""
        amap, ev = self.amap, self.evaluation
        before = Evaluation("argmap")
        for eid in cone:
            for table, old_table in ((ev.statements, before.statements), (ev.relations, before.relations)):
                if eid in table:
                    old_table[eid] = table.pop(eid)
            if eid in ev.why:
                before.why[eid] = ev.why.pop(eid)
            rel = amap.relations.get(eid)
            if rel is not None:
                self._targets[eid] = rel.target
            else:
                self._targets.pop(eid, None)
        present = [eid for eid in cone if eid in amap.statements or eid in amap.relations]
        label(amap, ev, present, set(present))
        fill_undecided(amap, ev, present)
        return _differences(before, ev, set(cone))


def _topological(cone: dict[str, list[str]]) -> list[str] | None:
    """The region in dependency order, or None when it holds a cycle."""
    indegree = dict.fromkeys(cone, 0)
    for deps in cone.values():
        for d in deps:
            indegree[d] += 1
    ready = [e for e, n in indegree.items() if n == 0]
    order = []
    while ready:
        e = ready.pop()
        order.append(e)
        for d in cone[e]:
            indegree[d] -= 1
            if indegree[d] == 0:
                ready.append(d)
    return order if len(order) == len(cone) else None


def _differences(old: Evaluation, new: Evaluation, ids: set[str]) -> set[str]:
    return {eid for eid in ids if old.label(eid) is not new.label(eid) or old.why.get(eid) != new.why.get(eid)}
