"""Labels and the rule behind each: the vocabulary every evaluation uses."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class Label(str, Enum):
    """A statement's standing (for a relation: IN applicable, OUT not, UNDECIDED cannot tell yet)."""

    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"

    def __str__(self) -> str:
        return self.value


class Why(NamedTuple):
    """The rule that decided a label (``code``) and the elements it names, formatted on demand
    (a named tuple: a big map makes one per element)."""

    code: str
    ids: tuple[str, ...] = ()
    detail: str = ""
