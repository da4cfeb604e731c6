"""Carneades (CAES, as carneades-4 evaluates it) for maps imported from Carneades argument graphs.

Assumed statements are in, and so is the user's accepted one (a rejected one is out); when a
position of an issue is in, its other positions are out.  Then, until nothing changes: a
statement whose arguments all apply with weight 0 (or that has none) is out; a statement not
at issue with an applicable argument of weight above 0 is in; an issue whose arguments are all
applicable or undercut is resolved by its proof standard (pe, cce, brd or dv) on the heaviest
argument of each position (issues come from ``issues:`` and from the ``issue_schemes:`` that
match statement keys).  An argument applies when its undercutter is in (then it weighs 0)
or out and none of its premises is undecided; its weight comes from its scheme.  Attacks drawn
on a statement in argmap count as arguments for an unnamed opposite position of its issue.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

from ..model import Polarity
from .general import inputs
from .labels import Label, Why
from .result import Evaluation
from .terms import scheme_issues
from .weighing import Arg, Context, linked, weighing_function

if TYPE_CHECKING:
    from ..model import ArgumentMap, Relation

IN, OUT, UNDECIDED = Label.IN, Label.OUT, Label.UNDECIDED
STANDARDS = ("pe", "cce", "brd", "dv")
ALPHA, BETA = 0.5, 0.3  # carneades-4's thresholds for cce and brd
OPPOSITE = "\u0000against:"  # prefix of the unnamed opposite position that attacks argue for


def is_carneades(amap: ArgumentMap) -> bool:
    """Whether the map came from a Carneades argument graph (its import keeps ``meta["carneades"]``)."""
    return isinstance(amap.meta.get("carneades"), dict)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _cmeta(record_meta: Any) -> dict[str, Any]:
    """The ``carneades`` part of a record's metadata (empty when it has none)."""
    return _mapping(record_meta.get("carneades"))


class Issue:
    def __init__(self, iid: str, positions: list[str], spec: dict[str, Any]) -> None:
        self.id = iid
        self.positions = positions
        std = str(spec.get("standard") or "pe").lower()
        self.standard = std if std in STANDARDS else "pe"
        self.alpha = float(spec.get("alpha", ALPHA))
        self.beta = float(spec.get("beta", BETA))

    def greater(self, w1: float, w2: float) -> bool:
        """Whether weight ``w1`` beats ``w2`` under this issue's proof standard."""
        if self.standard == "pe":
            return w1 > w2
        if self.standard == "cce":
            return w1 > w2 and w1 - w2 > self.alpha
        if self.standard == "brd":
            return w1 > w2 and w1 - w2 > self.alpha and w2 < self.beta
        return w1 > 0 and w2 == 0  # dv: an argument applies for it and none for the others


class Graph:
    """The Carneades reading of one map: arguments, issues, assumptions."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        cm = amap.meta["carneades"]
        statements = amap.statements
        self.placeholders = {sid for sid, st in statements.items() if _cmeta(st.meta).get("placeholder_for")}
        self.fixed: dict[str, Why] = {}
        for sid, st in statements.items():
            if st.assessment == "accepted":
                self.fixed[sid] = Why("accepted")
            elif st.assessment == "rejected":
                self.fixed[sid] = Why("rejected")
            elif _cmeta(st.meta).get("assumed") in (True, 1):  # carneades-4 takes 1 for true
                self.fixed[sid] = Why("assumed")
        schemes = {str(s.get("id")): s for s in cm.get("argument_schemes") or [] if isinstance(s, dict)}
        named = {str(k).lower(): v for k, v in (cm.get("weighing_functions") or {}).items()}
        self.issues: dict[str, Issue] = {}
        self.issue_of: dict[str, str] = {}
        raw_issues = cm.get("issues") if isinstance(cm.get("issues"), dict) else {}
        for iid, spec in raw_issues.items():
            spec = spec if isinstance(spec, dict) else {}
            raw = spec.get("positions") or []
            positions = [
                str(p)
                for p in (raw if isinstance(raw, list) else [raw])
                if str(p) in statements and str(p) not in self.issue_of
            ]
            self.issues[str(iid)] = Issue(str(iid), positions, spec)
            for p in positions:
                self.issue_of[p] = str(iid)
        issue_schemes = cm.get("issue_schemes")
        if isinstance(issue_schemes, dict):
            listed = {iid: issue.positions for iid, issue in self.issues.items()}
            keys = [sid for sid in statements if sid not in self.placeholders]
            patterns = {str(k): [str(p) for p in v] for k, v in issue_schemes.items() if isinstance(v, list)}
            scheme_issues(keys, patterns, self.issue_of, listed)
            for iid, positions in listed.items():
                if iid not in self.issues:
                    self.issues[iid] = Issue(iid, positions, {})
        self.args_of: dict[str, list[Arg]] = {}
        self.args: dict[str, Arg] = {}
        self.undercut_rels: dict[str, Relation] = {}
        for rel in amap.relations.values():
            if rel.target in amap.relations:
                if rel.polarity is Polarity.ATTACK:
                    self.undercut_rels[rel.id] = rel
                continue
            rm = _cmeta(rel.meta)
            conclusion = rel.target
            if rel.polarity is Polarity.ATTACK:
                conclusion = self._opposite(rel.target)
            given = rm.get("premises")
            premises = (
                tuple(str(p) for p in given)
                if isinstance(given, list)
                else tuple(p for p in rel.premises if p not in self.placeholders)
            )
            scheme = rel.scheme or ""
            sdef = schemes.get(scheme)
            weigh = (
                weighing_function(sdef.get("weight"), named)
                if sdef is not None
                else weighing_function(scheme, named)
                if scheme
                else linked
            )
            meta = _mapping(rm.get("meta"))
            smeta = _mapping(sdef.get("meta")) if sdef is not None else {}
            undercuts = tuple(u.id for u in amap.relations_into(rel.id) if u.polarity is Polarity.ATTACK)
            arg = Arg(rel.id, conclusion, premises, scheme, meta, smeta, undercuts, rel.assessment == "none", weigh)
            self.args[rel.id] = arg
            self.args_of.setdefault(conclusion, []).append(arg)
        self.ctx = Context({}, self.issue_of, {i.id: i.positions for i in self.issues.values()}, self.args_of)

    def _opposite(self, sid: str) -> str:
        """The unnamed position "not ``sid``" that attacks on ``sid`` argue for, in ``sid``'s issue."""
        opp = OPPOSITE + sid
        if opp not in self.issue_of:
            iid = self.issue_of.get(sid)
            if iid is None:
                iid = OPPOSITE + "issue:" + sid
                self.issues[iid] = Issue(iid, [sid], {})
                self.issue_of[sid] = iid
            self.issues[iid].positions.append(opp)
            self.issue_of[opp] = iid
        return opp

    # ------------------------------------------------------------------ CAES
    def undercut(self, arg: Arg) -> Label:
        """IN when some undercut of ``arg`` holds, OUT when none can, else UNDECIDED."""
        result = OUT
        for uid in arg.undercuts:
            lab = self.rel_label(self.undercut_rels[uid])
            if lab is IN:
                return IN
            if lab is UNDECIDED:
                result = UNDECIDED
        return result

    def rel_label(self, rel: Relation) -> Label:
        labs = [self.ctx.labels.get(p) for p in rel.premises]
        if any(lab is OUT for lab in labs):
            return OUT
        return IN if all(lab is IN for lab in labs) else UNDECIDED

    def applicable(self, arg: Arg) -> bool:
        u = self.undercut(arg)
        if u is IN:
            return True
        if u is UNDECIDED:
            return False
        return all(self.ctx.labels.get(p) in (IN, OUT) for p in arg.premises)

    def weight(self, arg: Arg) -> float:
        if arg.no_force or self.undercut(arg) is IN or not self.applicable(arg):
            return 0.0
        return (arg.weigh or linked)(arg, self.ctx)

    def ready(self, issue: Issue) -> bool:
        return all(
            self.undercut(a) is IN or self.applicable(a) for p in issue.positions for a in self.args_of.get(p, ())
        )

    def resolve(self, issue: Issue, why: dict[str, Why]) -> None:
        labels = self.ctx.labels
        best = {p: max((self.weight(a) for a in self.args_of.get(p, ())), default=0.0) for p in issue.positions}
        winner = None
        for p1 in issue.positions:
            if best[p1] > 0.0 and all(issue.greater(best[p1], best[p2]) for p2 in issue.positions if p2 != p1):
                winner = p1
                break
        std = issue.standard.upper()
        name = issue.id if not issue.id.startswith(OPPOSITE) else "of its objections"
        for p in issue.positions:
            if p in self.fixed:
                continue
            if p == winner:
                against = max((best[q] for q in issue.positions if q != p), default=0.0)
                detail = f"{name} under {std} ({best[p]:.2f} against {against:.2f})"
                labels[p], why[p] = IN, Why("issue-won", (), detail)
            elif winner is not None and not winner.startswith(OPPOSITE):
                labels[p], why[p] = OUT, Why("issue-lost", (winner,), f"{name} under {std}")
            else:
                labels[p], why[p] = OUT, Why("issue-open", (), f"{name} ({std})")

    def label(self) -> tuple[dict[str, Label], dict[str, Why]]:
        labels = self.ctx.labels
        why: dict[str, Why] = {}
        for sid, w in self.fixed.items():
            if w.code != "rejected":
                labels[sid], why[sid] = IN, w
            else:
                labels[sid], why[sid] = OUT, w
        for sid in self.placeholders:
            labels[sid], why[sid] = IN, Why("placeholder")
        for issue in self.issues.values():
            taken = next((p for p in issue.positions if labels.get(p) is IN), None)
            if taken is not None:
                for p in issue.positions:
                    if p not in labels:
                        labels[p], why[p] = OUT, Why("position-taken", (taken,), issue.id)
        # a statement's label can change when a premise or undercutter of one of its arguments does,
        # or when any position of its issue does
        deps: dict[str, set[str]] = {}
        for arg in self.args.values():
            targets = [arg.conclusion]
            iid = self.issue_of.get(arg.conclusion)
            if iid is not None:
                targets = self.issues[iid].positions
            for p in (*arg.premises, *(q for u in arg.undercuts for q in self.undercut_rels[u].premises)):
                deps.setdefault(p, set()).update(targets)
        todo = deque([*self.amap.statements, *(s for s in self.issue_of if s.startswith(OPPOSITE))])
        waiting = set(todo)
        while todo:
            sid = todo.popleft()
            waiting.discard(sid)
            if sid in labels:
                continue
            before = set(labels)
            args = self.args_of.get(sid, [])
            at_issue = self.issues.get(self.issue_of.get(sid, ""))
            if all(self.applicable(a) and self.weight(a) <= 0 for a in args):
                labels[sid], why[sid] = OUT, Why("unsupported" if args else "no-argument")
            elif at_issue is None and any(self.applicable(a) and self.weight(a) > 0 for a in args):
                best = max(args, key=self.weight)
                labels[sid], why[sid] = IN, Why("argument-applies", (best.id,), f"{self.weight(best):.2f}")
            elif at_issue is not None and self.ready(at_issue):
                self.resolve(at_issue, why)
            for changed in set(labels) - before:
                for d in deps.get(changed, ()):
                    if d not in labels and d not in waiting:
                        waiting.add(d)
                        todo.append(d)
                iid = self.issue_of.get(changed)
                if iid is not None:
                    for d in self.issues[iid].positions:
                        if d not in labels and d not in waiting:
                            waiting.add(d)
                            todo.append(d)
        return labels, why

    def relation_label(self, rel: Relation) -> tuple[Label, Why]:
        if rel.id in self.undercut_rels or rel.id not in self.args:
            lab = self.rel_label(rel) if rel.id in self.undercut_rels else OUT
            if lab is IN:
                return IN, Why("holds")
            bad = next((p for p in rel.premises if self.ctx.labels.get(p) is not IN), "")
            if rel.id not in self.undercut_rels:
                return OUT, Why("preference")
            return lab, Why("premise-out" if lab is OUT else "c-premise-open", (bad,))
        arg = self.args[rel.id]
        u = self.undercut(arg)
        if u is IN:
            holder = next(uid for uid in arg.undercuts if self.rel_label(self.undercut_rels[uid]) is IN)
            return OUT, Why("c-undercut", (holder,))
        if u is UNDECIDED:
            holder = next(uid for uid in arg.undercuts if self.rel_label(self.undercut_rels[uid]) is UNDECIDED)
            return UNDECIDED, Why("c-undercut-open", (holder,))
        open_p = next((p for p in arg.premises if self.ctx.labels.get(p) not in (IN, OUT)), None)
        if open_p is not None:
            return UNDECIDED, Why("c-premise-open", (open_p,))
        w = self.weight(arg)
        if w > 0:
            return IN, Why("c-applies", (), f"{w:.2f}")
        if arg.no_force:
            return OUT, Why("no-force")
        out = next((p for p in arg.premises if self.ctx.labels.get(p) is OUT), None)
        if out is not None:
            return OUT, Why("c-zero-premise", (out,))
        return OUT, Why("c-zero", (), f"under scheme {arg.scheme or 'linked'}")


def evaluate_carneades(amap: ArgumentMap) -> Evaluation:
    """Label a map imported from Carneades as carneades-4 labels its argument graph."""
    graph = Graph(amap)
    labels, why = graph.label()
    ev = Evaluation("carneades", inputs=inputs)
    for sid in amap.statements:
        ev.statements[sid] = labels.get(sid, UNDECIDED)
        ev.why[sid] = why.get(sid, Why("open"))
    for rel in amap.relations.values():
        ev.relations[rel.id], ev.why[rel.id] = graph.relation_label(rel)
    return ev
