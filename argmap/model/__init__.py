"""The argument model: pure Python and networkx, no Qt, no pydantic."""

from .analysis import broken_anchors, main_conclusions, reasons, stats
from .argument_map import ArgumentMap, ModelError, Point, Snapshot
from .elements import (
    KIND_BY_VALUE,
    POLARITY_BY_VALUE,
    RELATION_ASSESSMENTS,
    RELATION_KIND_BY_VALUE,
    STATEMENT_ASSESSMENTS,
    Anchor,
    Kind,
    Polarity,
    Relation,
    RelationKind,
    Source,
    Statement,
    bracketed,
    new_id,
)
from .events import Change

__all__ = [
    "Anchor",
    "ArgumentMap",
    "Change",
    "Kind",
    "KIND_BY_VALUE",
    "ModelError",
    "Point",
    "Polarity",
    "POLARITY_BY_VALUE",
    "Relation",
    "RelationKind",
    "RELATION_ASSESSMENTS",
    "RELATION_KIND_BY_VALUE",
    "Snapshot",
    "Source",
    "STATEMENT_ASSESSMENTS",
    "Statement",
    "bracketed",
    "broken_anchors",
    "main_conclusions",
    "new_id",
    "reasons",
    "stats",
]
