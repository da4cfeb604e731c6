"""Immutable records of an argument map: sources, statements, anchors, relations."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any


def new_id() -> str:
    """A fresh element id: a random (version 4) UUID in hex, as saved in files."""
    import uuid  # only editing and some importers make ids: reading and drawing a map need no uuid (nor platform)

    return uuid.uuid4().hex


class Kind(str, Enum):
    """The role a statement plays in the argument."""

    CONCLUSION = "conclusion"
    PREMISE = "premise"
    EVIDENCE = "evidence"

    def __str__(self) -> str:  # "premise", not "Kind.PREMISE"
        return self.value


class Polarity(str, Enum):
    """Whether a relation supports or attacks its target."""

    SUPPORT = "support"
    ATTACK = "attack"

    def __str__(self) -> str:
        return self.value


class RelationKind(str, Enum):
    """What sort of link a relation is: an inference (the usual case), a
    rephrase (AIF MA node) or a preference (AIF PA node)."""

    INFERENCE = "inference"
    REPHRASE = "rephrase"
    PREFERENCE = "preference"

    def __str__(self) -> str:
        return self.value


# members by value (str enums: a member hashes as its value, so members find themselves too); a dict
# lookup is cheaper than calling the enum, which a bulk load does for every element
KIND_BY_VALUE = {k.value: k for k in Kind}
POLARITY_BY_VALUE = {p.value: p for p in Polarity}
RELATION_KIND_BY_VALUE = {k.value: k for k in RelationKind}

STATEMENT_ASSESSMENTS = ("accepted", "rejected", "undecided")
RELATION_ASSESSMENTS = ("strong", "weak", "none")


def bracketed(text: str) -> str:
    """``[text]``: how an implicit statement's title and text are shown (an empty one stays empty)."""
    t = text.strip()
    return f"[{t}]" if t else text


@dataclass(frozen=True, slots=True)
class Anchor:
    """A character range ``[start, end)`` of a source text, with the quoted
    text kept beside it so that drift is detected instead of silently wrong."""

    source_id: str
    start: int
    end: int
    quote: str

    def matches(self, text: str) -> bool:
        return 0 <= self.start <= self.end <= len(text) and text[self.start : self.end] == self.quote

    def replace(self, **changes: Any) -> Anchor:
        """A copy with ``changes`` (field name -> value), as ``dataclasses.replace`` makes it."""
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Source:
    """A text being analysed (newlines normalised to ``\\n``)."""

    id: str
    text: str
    title: str = ""
    author: str = ""
    url: str = ""
    date: str = ""

    def replace(self, **changes: Any) -> Source:
        """A copy with ``changes`` (field name -> value), as ``dataclasses.replace`` makes it."""
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Statement:
    """A claim: conclusion, premise or evidence.  ``meta`` defaults to a new empty dict.  ``implicit``:
    a premise the author leaves unstated and the analyst supplies (drawn dashed and in brackets, never
    asked for an anchor)."""

    id: str
    text: str
    kind: Kind = Kind.PREMISE
    title: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    anchors: tuple[Anchor, ...] = ()
    assessment: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    implicit: bool = False

    @property
    def shown_text(self) -> str:
        """The text as cards and outlines show it: in brackets when the statement is implicit."""
        return bracketed(self.text) if self.implicit else self.text

    @property
    def shown_title(self) -> str:
        """The title as cards and outlines show it: in brackets when the statement is implicit."""
        return bracketed(self.title) if self.implicit else self.title

    def replace(self, **changes: Any) -> Statement:
        """A copy with ``changes`` (field name -> value), as ``dataclasses.replace`` makes it."""
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Relation:
    """An inference from one or more premises (linked when several) to one
    target: a statement, or another relation (then it is an undercut).
    ``meta`` defaults to a new empty dict."""

    id: str
    polarity: Polarity
    premises: tuple[str, ...]
    target: str
    kind: RelationKind = RelationKind.INFERENCE
    title: str = ""
    notes: str = ""
    scheme: str = ""
    assessment: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def linked(self) -> bool:
        return len(self.premises) > 1

    def replace(self, **changes: Any) -> Relation:
        """A copy with ``changes`` (field name -> value), as ``dataclasses.replace`` makes it."""
        return dataclasses.replace(self, **changes)
