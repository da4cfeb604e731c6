"""Immutable records of an argument map: sources, statements, anchors, relations."""
from __future__ import annotations

from enum import Enum
from os import urandom

from .record import FrozenRecord, new_object

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Mapping


def new_id() -> str:
    """A fresh element id: a random (version 4) UUID in hex, as saved in files.  Made as
    ``uuid.uuid4().hex`` makes it, without importing ``uuid`` (which loads ``platform``: ~7 ms
    of an Argdown import's start-up)."""
    b = bytearray(urandom(16))
    b[6] = (b[6] & 0x0F) | 0x40  # version 4
    b[8] = (b[8] & 0x3F) | 0x80  # RFC 4122 variant
    return b.hex()


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
# lookup is a tenth of the cost of calling the enum, which bulk loads do tens of thousands of times
KIND_BY_VALUE = {k.value: k for k in Kind}
POLARITY_BY_VALUE = {p.value: p for p in Polarity}
RELATION_KIND_BY_VALUE = {k.value: k for k in RelationKind}

STATEMENT_ASSESSMENTS = ("accepted", "rejected", "undecided")
RELATION_ASSESSMENTS = ("strong", "weak", "none")


class Anchor(FrozenRecord):
    """A character range ``[start, end)`` of a source text, with the quoted
    text kept beside it so that drift is detected instead of silently wrong."""

    __slots__ = ("source_id", "start", "end", "quote")
    source_id: str
    start: int
    end: int
    quote: str

    def __new__(cls, source_id: str, start: int, end: int, quote: str) -> Anchor:
        self = new_object(cls._Draft)
        self.source_id = source_id
        self.start = start
        self.end = end
        self.quote = quote
        self.__class__ = cls
        return self

    def matches(self, text: str) -> bool:
        return 0 <= self.start <= self.end <= len(text) and text[self.start:self.end] == self.quote


class Source(FrozenRecord):
    """A text being analysed (newlines normalised to ``\\n``)."""

    __slots__ = ("id", "text", "title", "author", "url", "date")
    id: str
    text: str
    title: str
    author: str
    url: str
    date: str

    def __new__(cls, id: str, text: str, title: str = "", author: str = "", url: str = "",
                date: str = "") -> Source:
        self = new_object(cls._Draft)
        self.id = id
        self.text = text
        self.title = title
        self.author = author
        self.url = url
        self.date = date
        self.__class__ = cls
        return self


class Statement(FrozenRecord):
    """A claim: conclusion, premise or evidence.  ``meta`` defaults to a new empty dict."""

    __slots__ = ("id", "text", "kind", "title", "notes", "tags", "anchors", "assessment", "meta")
    id: str
    text: str
    kind: Kind
    title: str
    notes: str
    tags: tuple[str, ...]
    anchors: tuple[Anchor, ...]
    assessment: str | None
    meta: Mapping[str, Any]

    def __new__(cls, id: str, text: str, kind: Kind = Kind.PREMISE, title: str = "", notes: str = "",
                tags: tuple[str, ...] = (), anchors: tuple[Anchor, ...] = (), assessment: str | None = None,
                meta: Mapping[str, Any] | None = None) -> Statement:
        self = new_object(cls._Draft)
        self.id = id
        self.text = text
        self.kind = kind
        self.title = title
        self.notes = notes
        self.tags = tags
        self.anchors = anchors
        self.assessment = assessment
        self.meta = {} if meta is None else meta
        self.__class__ = cls
        return self


class Relation(FrozenRecord):
    """An inference from one or more premises (linked when several) to one
    target: a statement, or another relation (then it is an undercut).
    ``meta`` defaults to a new empty dict."""

    __slots__ = ("id", "polarity", "premises", "target", "kind", "title", "notes", "scheme", "assessment", "meta")
    id: str
    polarity: Polarity
    premises: tuple[str, ...]
    target: str
    kind: RelationKind
    title: str
    notes: str
    scheme: str
    assessment: str | None
    meta: Mapping[str, Any]

    def __new__(cls, id: str, polarity: Polarity, premises: tuple[str, ...], target: str,
                kind: RelationKind = RelationKind.INFERENCE, title: str = "", notes: str = "", scheme: str = "",
                assessment: str | None = None, meta: Mapping[str, Any] | None = None) -> Relation:
        self = new_object(cls._Draft)
        self.id = id
        self.polarity = polarity
        self.premises = premises
        self.target = target
        self.kind = kind
        self.title = title
        self.notes = notes
        self.scheme = scheme
        self.assessment = assessment
        self.meta = {} if meta is None else meta
        self.__class__ = cls
        return self

    @property
    def linked(self) -> bool:
        return len(self.premises) > 1
