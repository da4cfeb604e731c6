"""The ``.argmap.json`` format, version 2, as pydantic models (the file boundary only)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, field_validator, model_validator

from .errors import json_path
from .plain import first_problem


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


def _plain(value: dict[str, Any]) -> dict[str, Any]:
    """Data kept as it was found must be data argmap can write back: finite numbers, Unicode text."""
    problem = first_problem(value)
    if problem is not None:
        raise ValueError(f"{json_path(problem[0])}: {problem[1]}")
    return value


class MetaRecord(_Record):
    """Map-level metadata."""

    title: str = ""
    description: str = ""
    layout_direction: Literal["TB", "BT", "LR"] | None = Field(
        default=None,
        description="the flow the map is laid out in: conclusions on top (TB, the default), at the "
        "bottom (BT) or on the left (LR, edges meet cards at their sides)",
    )
    card_text: Literal["full", "titles"] | None = Field(
        default=None,
        description="what cards show: kind, title and text (full, the default) or the title alone (titles)",
    )
    model_config = ConfigDict(extra="allow", strict=True, allow_inf_nan=False)

    @model_validator(mode="after")
    def _plain_extra(self) -> MetaRecord:
        if self.model_extra:
            _plain(self.model_extra)
        return self


class SourceRecord(_Record):
    """A text being analysed; offsets of anchors count characters of ``text``."""

    id: str = Field(min_length=1)
    title: str = ""
    author: str = ""
    url: str = ""
    date: str = ""
    text: str


class AnchorRecord(_Record):
    """A range ``[start, end)`` of a source's text and the quote it held when made."""

    source: str = Field(min_length=1, description="id of a source of this map")
    start: NonNegativeInt
    end: NonNegativeInt
    quote: str

    @model_validator(mode="after")
    def _ordered(self) -> AnchorRecord:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


Position = tuple[float, float]


def _position_from_list(v: Any) -> Any:
    """JSON has no tuples: a position is written as a list of two numbers."""
    return tuple(v) if isinstance(v, list) else v


class StatementRecord(_Record):
    """A claim of the argument."""

    id: str = Field(min_length=1)
    kind: Literal["conclusion", "premise", "evidence"]
    text: str
    title: str = ""
    notes: str = ""
    tags: list[str] = Field(default_factory=list)
    anchors: list[AnchorRecord] = Field(default_factory=list)
    assessment: Literal["accepted", "rejected", "undecided"] | None = None
    implicit: bool = Field(
        default=False,
        description="a premise the author leaves unstated and the analyst supplies: drawn dashed and in "
        "[brackets], never expected to have an anchor",
    )
    position: Position | None = Field(default=None, description="centre of the card, x right, y down")
    pinned: bool = False
    meta: dict[str, Any] = Field(default_factory=dict, description="extra data kept from imports")

    _position = field_validator("position", mode="before")(_position_from_list)
    _meta = field_validator("meta")(_plain)


class RelationRecord(_Record):
    """An inference from one or more premises (several = linked) to a target
    statement or relation (an attack on a relation is an undercut)."""

    id: str = Field(min_length=1)
    polarity: Literal["support", "attack"]
    premises: list[str] = Field(min_length=1)
    target: str = Field(min_length=1)
    kind: Literal["inference", "rephrase", "preference"] = "inference"
    title: str = ""
    notes: str = ""
    scheme: str = ""
    assessment: Literal["strong", "weak", "none"] | None = None
    position: Position | None = Field(default=None, description="centre of the junction")
    pinned: bool = False
    meta: dict[str, Any] = Field(default_factory=dict)

    _position = field_validator("position", mode="before")(_position_from_list)
    _meta = field_validator("meta")(_plain)


class MapDocument(_Record):
    """A whole ``.argmap.json`` file."""

    format: Literal["argmap"]
    version: Literal[2]
    meta: MetaRecord = Field(default_factory=MetaRecord)
    sources: list[SourceRecord] = Field(default_factory=list)
    statements: list[StatementRecord] = Field(default_factory=list)
    relations: list[RelationRecord] = Field(default_factory=list)


def json_schema() -> dict[str, Any]:
    schema = MapDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "argmap map file, version 2"
    return schema
