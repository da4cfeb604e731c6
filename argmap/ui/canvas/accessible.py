"""What assistive technology hears of the canvas: the selected card's kind, number, title, text and relations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleEvent

from ...draw.labels import role_word
from ...draw.numbers import card_numbers
from ...model import ArgumentMap, Polarity, Relation

if TYPE_CHECKING:
    from .view import MapView

MAP_NAME = "Argument map"
SHORT_TITLE = 60  # characters of a statement's text that stand for it when it has no title


def _shorten(text: str, limit: int = SHORT_TITLE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def statement_title(amap: ArgumentMap, sid: str) -> str:
    """What names a statement in a sentence: its title, else the start of its text."""
    st = amap.statement(sid)
    return st.title.strip() or _shorten(st.text) or "untitled"


def _quoted(amap: ArgumentMap, sids: tuple[str, ...] | list[str]) -> str:
    names = [f"‘{statement_title(amap, s)}’" for s in sids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _target_phrase(amap: ArgumentMap, rel: Relation) -> str:
    """The target of a relation: a statement, or (an undercut) the link it attacks."""
    if rel.target in amap.statements:
        return _quoted(amap, [rel.target])
    link = amap.relation(rel.target)
    return f"the link from {_quoted(amap, link.premises)} to {_target_phrase(amap, link)}"


def card_name(amap: ArgumentMap, sid: str) -> str:
    """``Premise 3: <title>`` (``Objection 6 (premise): <title>``, ``Implicit premise 4: <title>``):
    what a screen reader says first about a card."""
    st = amap.statement(sid)
    kind = f"implicit {st.kind.value}" if st.implicit else st.kind.value  # said, where cards show brackets
    role = role_word(amap, sid)  # the word the card shows, said in sentence case
    number = card_numbers(amap)[sid]  # the number the canvas and the report show
    word = f"{role.capitalize()} {number} ({kind})" if role else f"{kind.capitalize()} {number}"
    return f"{word}: {statement_title(amap, sid)}"


def card_relations(amap: ArgumentMap, sid: str) -> list[str]:
    """The card's relations as phrases: ``supports ‘x’``, ``attacked by ‘y’``, ..."""
    phrases = []
    for rel in amap.relations_from(sid):
        verb = "supports" if rel.polarity is Polarity.SUPPORT else "attacks"
        if rel.target in amap.relations and rel.polarity is Polarity.ATTACK:
            verb = "undercuts"
        others = [p for p in rel.premises if p != sid]
        together = f"together with {_quoted(amap, others)}, " if others else ""
        phrases.append(f"{together}{verb} {_target_phrase(amap, rel)}")
    for polarity, verb in ((Polarity.SUPPORT, "supported by"), (Polarity.ATTACK, "attacked by")):
        groups = [
            _quoted(amap, rel.premises) + (" together" if rel.linked else "")
            for rel in amap.relations_into(sid)
            if rel.polarity is polarity
        ]
        if groups:
            listed = groups[0] if len(groups) == 1 else ", by ".join(groups[:-1]) + " and by " + groups[-1]
            phrases.append(f"{verb} {listed}")
    return phrases


def card_description(amap: ArgumentMap, sid: str) -> str:
    """The whole card in words: ``Premise 3: <title>. <text>. Supports ‘x’; attacked by ‘y’.``"""
    st = amap.statement(sid)
    parts = [card_name(amap, sid)]
    text = " ".join(st.text.split())
    if text and text != statement_title(amap, sid):
        parts.append(text)
    relations = card_relations(amap, sid)
    if relations:
        sentence = "; ".join(relations)
        parts.append(sentence[0].upper() + sentence[1:])
    else:
        parts.append("Not connected to other cards")
    return " ".join(p if p.endswith((".", "?", "!", "…")) else p + "." for p in parts)


def relation_name(amap: ArgumentMap, rid: str) -> str:
    """What a relation is: ``Support``, ``Objection``, ``Undercut``, ``Linked support``, ..."""
    rel = amap.relation(rid)
    if rel.polarity is Polarity.SUPPORT:
        word = "support"
    else:
        word = "undercut" if rel.target in amap.relations else "objection"
    return f"Linked {word}" if rel.linked else word.capitalize()


def relation_description(amap: ArgumentMap, rid: str) -> str:
    """A relation in words: ``Support: ‘a’ supports ‘b’.``"""
    rel = amap.relation(rid)
    verb = "support" if rel.polarity is Polarity.SUPPORT else "attack"
    if rel.target in amap.relations and rel.polarity is Polarity.ATTACK:
        verb = "undercut"
    verb += "" if rel.linked else "s"  # "‘a’ and ‘b’ support", "‘a’ supports"
    return f"{relation_name(amap, rid)}: {_quoted(amap, rel.premises)} {verb} {_target_phrase(amap, rel)}."


def selection_text(amap: ArgumentMap, ids: list[str]) -> tuple[str, str]:
    """The canvas's accessible name and description for a selection."""
    ids = [i for i in ids if i in amap.statements or i in amap.relations]
    n_st, n_rel = len(amap.statements), len(amap.relations)
    overview = f"{n_st} statement{'s' * (n_st != 1)}, {n_rel} relation{'s' * (n_rel != 1)}"
    if not ids:
        return MAP_NAME, f"{MAP_NAME}: {overview}; nothing selected."
    if len(ids) == 1:
        (eid,) = ids
        if eid in amap.statements:
            return card_name(amap, eid), card_description(amap, eid)
        return f"{relation_name(amap, eid)} relation", relation_description(amap, eid)
    cards = [i for i in ids if i in amap.statements]
    name = f"{len(ids)} items selected"
    listed = "; ".join(card_name(amap, i) for i in cards[:5]) + ("; …" if len(cards) > 5 else "")
    return name, f"{name}: {listed or 'relations only'}."


class CanvasAccessibility(QObject):
    """Keeps the view's accessible name and description on the selected card, and tells assistive
    technology when they change (the cards are graphics items, not widgets, so the view speaks for them)."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().setAccessibleName(MAP_NAME)
        view.doc.selection_changed.connect(self.refresh)
        view.doc.map_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        view = self.view
        name, description = selection_text(view.doc.map, view.doc.selection)
        if name == view.accessibleName() and description == view.accessibleDescription():
            return
        view.setAccessibleName(name)  # each setter sends its own NameChanged / DescriptionChanged event
        view.setAccessibleDescription(description)
        if view.hasFocus() and QAccessible.isActive():  # a screen reader reads the focused object anew
            QAccessible.updateAccessibility(QAccessibleEvent(view, QAccessible.Event.Focus))
