"""The word a card shows: its kind, or its role when all it does is attack (an objection, an undercut).

A statement's kind (conclusion, premise, evidence) is what the file keeps and what the
card's colour, border and marker show.  The word above its text names the role a reader
needs first: a card whose every relation attacks a statement is an OBJECTION, one whose
every relation attacks a relation (an inference) is an UNDERCUT, whatever its kind;
linked co-premises take the role of their relation.  A card that also supports something
is a reason, and keeps its kind's word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Polarity
from .style import KIND_LABELS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..model import ArgumentMap

OBJECTION = "OBJECTION"
UNDERCUT = "UNDERCUT"


def card_word(amap: ArgumentMap, sid: str) -> str:
    """The word on statement ``sid``'s card."""
    return role_word(amap, sid) or KIND_LABELS[amap.statements[sid].kind]


def role_word(amap: ArgumentMap, sid: str) -> str | None:
    """OBJECTION or UNDERCUT when every relation ``sid`` is a premise of attacks (see the module);
    None otherwise."""
    relations = amap.relations
    word = None
    for rel in amap.relations_from(sid):
        if rel.polarity is not Polarity.ATTACK:
            return None
        if rel.target not in relations:
            word = OBJECTION
        elif word is None:
            word = UNDERCUT
    return word


def role_words(amap: ArgumentMap, ids: Iterable[str] | None = None) -> dict[str, str]:
    """:func:`role_word` of the statements ``ids`` (default: all) that have one."""
    out: dict[str, str] = {}
    for sid in amap.statements if ids is None else ids:
        word = role_word(amap, sid)
        if word is not None:
            out[sid] = word
    return out
