"""An evaluation kept current as its map changes: a change relabels only what it can reach."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .caes import evaluate_carneades, is_carneades
from .general import evaluate_general, fill_undecided, label
from .result import Evaluation

if TYPE_CHECKING:
    from ..model import ArgumentMap, Change


def evaluate(amap: ArgumentMap) -> Evaluation:
    """Label every statement and relation: by Carneades' rules for a map imported from Carneades,
    by the argmap reading otherwise (docs/evaluation.md)."""
    return evaluate_carneades(amap) if is_carneades(amap) else evaluate_general(amap)


class LiveEvaluation:
    """The labels of one map, refreshed after each change.

    Under the argmap reading a label depends only on what points into it (premises, reasons,
    objections, undercuts), so after an edit only the elements downstream of what changed are
    relabelled, reading the others' labels as they were.  A Carneades map (whose issues and
    weights couple positions) and a change of the map's metadata are evaluated afresh.
    """

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.evaluation: Evaluation = evaluate(amap)
        self._targets = {rid: rel.target for rid, rel in amap.relations.items()}

    def refresh(self, change: Change | None = None) -> set[str]:
        """Relabel after ``change`` (everything when None); the ids whose label or reason changed."""
        amap = self.amap
        if change is None or change.meta or is_carneades(amap) or self.evaluation.semantics != "argmap":
            old = self.evaluation
            self.evaluation = evaluate(amap)
            self._targets = {rid: rel.target for rid, rel in amap.relations.items()}
            return _differences(old, self.evaluation, set(old.why) | set(self.evaluation.why))
        seeds = set(change.added) | set(change.changed) | set(change.removed)
        if not seeds:
            return set()
        cone: set[str] = set()
        stack = list(seeds)
        while stack:
            eid = stack.pop()
            if eid in cone:
                continue
            cone.add(eid)
            old_target = self._targets.get(eid)
            if old_target is not None:
                stack.append(old_target)
            rel = amap.relations.get(eid)
            if rel is not None:
                stack.append(rel.target)
            elif eid in amap.statements:
                stack.extend(r.id for r in amap.relations_from(eid))
        ev = self.evaluation
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
        return _differences(before, ev, cone)


def _differences(old: Evaluation, new: Evaluation, ids: set[str]) -> set[str]:
    return {eid for eid in ids if old.label(eid) is not new.label(eid) or old.why.get(eid) != new.why.get(eid)}
