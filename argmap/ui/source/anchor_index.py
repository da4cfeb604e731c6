"""Which statements anchor into which source, kept current from model events; tints and coverage per source."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from ...model import Anchor, ArgumentMap, Change, Statement
from ...model.text import sentence_spans
from .tints import Tint


class AnchorIndex:
    """source id -> statement ids anchored into it, updated from ``Change`` events, so that
    an edit touches only the sources it concerns (fast on maps with thousands of statements)."""

    def __init__(self, amap: ArgumentMap) -> None:
        self.map = amap
        self._by_source: dict[str, set[str]] = {}
        self._sources_of: dict[str, set[str]] = {}
        self._spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        for st in amap.statements.values():
            self._index(st)

    def _index(self, st: Statement) -> set[str]:
        srcs = {a.source_id for a in st.anchors}
        if srcs:
            self._sources_of[st.id] = srcs
        for s in srcs:
            self._by_source.setdefault(s, set()).add(st.id)
        return srcs

    def _unindex(self, sid: str) -> set[str]:
        srcs = self._sources_of.pop(sid, set())
        for s in srcs:
            self._by_source.get(s, set()).discard(sid)
        return srcs

    def update(self, change: Change) -> set[str]:
        """Follow a model change; returns the ids of the sources whose tints must be redrawn."""
        dirty: set[str] = set()
        for eid in change.removed:
            dirty |= self._unindex(eid)
            if eid in self._by_source and eid not in self.map.sources:
                del self._by_source[eid]
                self._spans.pop(eid, None)
        for eid in change.added | change.changed:
            if eid in self.map.sources:
                dirty.add(eid)
            st = self.map.statements.get(eid)
            if st is None:
                continue
            dirty |= self._unindex(eid)
            dirty |= self._index(st)
        return dirty

    def statements_in(self, source_id: str) -> list[Statement]:
        """Statements anchored into a source (in no particular order)."""
        sts = self.map.statements
        return [sts[i] for i in self._by_source.get(source_id, ()) if i in sts]

    def anchors_in(self, source_id: str) -> tuple[list[Tint], list[tuple[Statement, Anchor]]]:
        """The tints of a source's good anchors and its broken ones."""
        src = self.map.sources.get(source_id)
        tints: list[Tint] = []
        broken: list[tuple[Statement, Anchor]] = []
        if src is None:
            return tints, broken
        for st in self.statements_in(source_id):
            for a in st.anchors:
                if a.source_id != source_id:
                    continue
                if a.matches(src.text):
                    if a.end > a.start:
                        tints.append(Tint(st.id, st.kind, a.start, a.end))
                else:
                    broken.append((st, a))
        return tints, broken

    def sentence_spans(self, source_id: str) -> list[tuple[int, int]]:
        text = self.map.source(source_id).text
        cached = self._spans.get(source_id)
        if cached is None or cached[0] is not text:
            cached = (text, sentence_spans(text))
            self._spans[source_id] = cached
        return cached[1]

    def coverage(self, source_id: str, tints: Iterable[Tint] | None = None) -> tuple[int, int]:
        """``(covered, total)`` sentences of a source: covered when some good anchor overlaps
        it (as :func:`argmap.model.text.coverage`, in n log n)."""
        spans = self.sentence_spans(source_id)
        if tints is None:
            tints = self.anchors_in(source_id)[0]
        ranges = sorted((t.start, t.end) for t in tints)
        starts = [s for s, _ in ranges]
        # prefix maximum of ends, to ask "does a range starting before b end after a?"
        max_end: list[int] = []
        m = -1
        for _, e in ranges:
            m = max(m, e)
            max_end.append(m)
        covered = 0
        for a, b in spans:
            k = bisect_left(starts, b)  # ranges starting before b
            if k and max_end[k - 1] > a:
                covered += 1
        return covered, len(spans)
