"""What an evaluation says: a label per statement, applicability per relation, and why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .cycles import explain_open
from .labels import Label, Why
from .reasons import describe

if TYPE_CHECKING:
    from ..model import ArgumentMap

Inputs = Callable[["ArgumentMap", str], list[str]]


@dataclass
class Evaluation:
    """Labels for every statement and relation of one map, with their reasons.

    ``statements`` maps statement ids to :class:`Label`; ``relations`` maps relation ids to
    :class:`Label` too (``IN`` is applicable).  ``semantics`` names the rules that made them:
    ``"argmap"`` or ``"carneades"``.
    """

    semantics: str
    statements: dict[str, Label] = field(default_factory=dict)
    relations: dict[str, Label] = field(default_factory=dict)
    why: dict[str, Why] = field(default_factory=dict)
    inputs: Inputs | None = field(default=None, repr=False)  # what an element's label is decided from

    def label(self, eid: str) -> Label:
        """The label of a statement or relation (undecided for an id it does not know)."""
        lab = self.statements.get(eid)
        if lab is None:
            lab = self.relations.get(eid, Label.UNDECIDED)
        return lab

    def applicable(self, rid: str) -> bool:
        return self.relations.get(rid) is Label.IN

    def reason(self, amap: ArgumentMap, eid: str) -> str:
        """A sentence saying why ``eid`` has its label ("out: attacked by “…”, which is in")."""
        why = self.why.get(eid)
        if why is None:
            return ""
        if why.code == "open" and self.inputs is not None:
            why = explain_open(amap, self, eid, self.inputs)
        is_relation = eid in self.relations
        lab = self.label(eid)
        word = (
            ("applicable" if lab is Label.IN else "not applicable" if lab is Label.OUT else "undecided")
            if is_relation
            else lab.value
        )
        return f"{word}: {describe(amap, why.code, why.ids, why.detail)}"

    def as_json(self) -> dict[str, dict[str, str]]:
        """The ``argmap evaluate --json`` shape: statement labels and relation applicability."""
        return {
            "statements": {k: v.value for k, v in self.statements.items()},
            "relations": {k: "applicable" if v is Label.IN else "not applicable" for k, v in self.relations.items()},
        }

    def counts(self) -> dict[str, int]:
        out = {lab.value: 0 for lab in Label}
        for lab in self.statements.values():
            out[lab.value] += 1
        out["applicable"] = sum(lab is Label.IN for lab in self.relations.values())
        out["not applicable"] = len(self.relations) - out["applicable"]
        return out
