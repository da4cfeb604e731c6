"""Labels and the rule behind each: the vocabulary every evaluation uses."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Label(str, Enum):
    """A statement's standing (for a relation: IN applicable, OUT not, UNDECIDED cannot tell yet)."""

    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Why:
    """The rule that decided a label (``code``) and the elements it names, formatted on demand."""

    code: str
    ids: tuple[str, ...] = ()
    detail: str = ""
