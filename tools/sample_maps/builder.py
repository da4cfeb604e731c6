"""A small helper that builds a sample map through the model API, anchoring statements by their quotes."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from argmap.model import Anchor, ArgumentMap, Kind, Polarity, Relation, Source, Statement

# Ids are uuid5 of the sample's name and the element's key: rebuilding gives the same bytes.
NAMESPACE = uuid.UUID("6f1d4c52-8a0e-4c7b-9a53-2f5e0b7c9d11")

C, P, E = Kind.CONCLUSION, Kind.PREMISE, Kind.EVIDENCE


class BuildError(Exception):
    """A sample cannot be built as written (a quote not found or ambiguous, an unknown key)."""


def locate(text: str, quote: str, where: str) -> tuple[int, int]:
    """The one range of ``text`` that equals ``quote``; fails loudly when there is none or several."""
    if not quote or quote != quote.strip():
        raise BuildError(f"{where}: quote must be non-empty and trimmed: {quote!r}")
    first = text.find(quote)
    if first < 0:
        raise BuildError(f"{where}: quote not found in the source: {quote!r}")
    if text.find(quote, first + 1) >= 0:
        raise BuildError(f"{where}: quote occurs more than once in the source; quote more of it: {quote!r}")
    return first, first + len(quote)


def element_id(name: str, key: str) -> str:
    """The stable id of element ``key`` of sample ``name``."""
    return uuid.uuid5(NAMESPACE, f"{name}/{key}").hex


class MapBuilder:
    """Statements and relations named by short keys; anchors found by quoting the source."""

    def __init__(self, name: str, title: str, description: str, source: Source | None = None) -> None:
        self.name = name
        self.map = ArgumentMap(title, description)
        self.ids: dict[str, str] = {}
        self.source = source
        if source is not None:
            self.map.add_source(source)

    def _new_id(self, key: str) -> str:
        if key in self.ids:
            raise BuildError(f"{self.name}: key {key!r} used twice")
        self.ids[key] = element_id(self.name, key)
        return self.ids[key]

    def id(self, key: str) -> str:
        try:
            return self.ids[key]
        except KeyError:
            raise BuildError(f"{self.name}: no statement or relation with key {key!r}") from None

    def anchors(self, key: str, quotes: Iterable[str]) -> tuple[Anchor, ...]:
        out = []
        for q in quotes:
            if self.source is None:
                raise BuildError(f"{self.name}: statement {key!r} quotes a source, but the map has none")
            start, end = locate(self.source.text, q, f"{self.name}: statement {key!r}")
            out.append(Anchor(self.source.id, start, end, q))
        return tuple(out)

    def st(
        self,
        key: str,
        kind: Kind,
        title: str,
        text: str,
        *quotes: str,
        notes: str = "",
        tags: Sequence[str] = (),
        assessment: str | None = None,
        implicit: bool = False,
    ) -> str:
        """Add a statement; each of ``quotes`` becomes an anchor at its place in the source.  An
        ``implicit`` statement is one the author leaves unstated: it quotes nothing."""
        anchors = self.anchors(key, quotes)
        sid = self._new_id(key)
        self.map.add_statement(
            Statement(
                sid,
                " ".join(text.split()),
                kind,
                title,
                " ".join(notes.split()),
                tuple(tags),
                anchors,
                assessment,
                implicit=implicit,
            )
        )
        return sid

    def _rel(
        self,
        polarity: Polarity,
        premises: str | Sequence[str],
        target: str,
        key: str | None,
        title: str,
        notes: str,
        assessment: str | None = None,
    ) -> str:
        prem = (premises,) if isinstance(premises, str) else tuple(premises)
        key = key or f"{'+'.join(prem)}->{target}"
        rel = Relation(
            self._new_id(key),
            polarity,
            tuple(self.id(p) for p in prem),
            self.id(target),
            title=title,
            notes=" ".join(notes.split()),
            assessment=assessment,
        )
        self.map.add_relation(rel)
        return key

    def support(
        self, premises: str | Sequence[str], target: str, key: str | None = None, title: str = "", notes: str = ""
    ) -> str:
        """Premises (several: a linked argument) support a statement; returns the relation's key."""
        return self._rel(Polarity.SUPPORT, premises, target, key, title, notes)

    def attack(
        self,
        premises: str | Sequence[str],
        target: str,
        key: str | None = None,
        title: str = "",
        notes: str = "",
        assessment: str | None = None,
    ) -> str:
        """Premises attack a statement (objection, rebuttal) or a relation's key (undercut); ``assessment``
        (strong, weak, none) is how much the attack weighs against the target's reasons."""
        return self._rel(Polarity.ATTACK, premises, target, key, title, notes, assessment)
