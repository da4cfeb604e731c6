"""Edits the source panel makes through the document: statements from passages, anchoring, text changes."""
from __future__ import annotations

import math
from bisect import bisect_right
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Callable, Iterable

from ...measure import card_size_in, statement_size
from ...model import Anchor, ArgumentMap, Kind, ModelError, Point, Polarity, Relation, Statement, new_id
from ...model.text import normalise_newlines, refind_anchor
from ..document.commands import AddRelationCommand, AddStatementCommand, MoveCommand, UpdateSourceCommand, \
    UpdateStatementCommand
from .source_text import Passage, statement_text, trim_range

if TYPE_CHECKING:  # pragma: no cover
    from ..document.controller import DocumentController

GAP_X = 40.0
GAP_Y = 70.0
REFIND_WINDOW = 2000  # characters either side (plus the change in length) searched for a moved quote


def passage_anchor(amap: ArgumentMap, passage: Passage) -> Anchor:
    """The anchor for a passage: its range trimmed of white space, its quote read from the
    source itself (not trusted from the drag payload); raises ModelError when it is not there."""
    src = amap.source(passage.source)
    start, end = trim_range(src.text, passage.start, passage.end)
    if end <= start:
        raise ModelError("the passage holds no text")
    return Anchor(src.id, start, end, src.text[start:end])


# ---------------------------------------------------------------- placement
def _rects(amap: ArgumentMap, skip: str) -> list[tuple[float, float, float, float]]:
    out = []
    for sid, (x, y) in amap.positions.items():
        st = amap.statements.get(sid)
        if st is None or sid == skip:
            continue
        w, h = statement_size(amap, sid)
        out.append((x - w / 2, y - h / 2, x + w / 2, y + h / 2))
    return out


def free_spot(amap: ArgumentMap, size: tuple[float, float], near: Point, skip: str = "") -> Point:
    """The point nearest ``near`` (on a grid of card-sized steps) where a card of
    ``size`` overlaps no positioned card."""
    w, h = size
    rects = _rects(amap, skip)
    sx, sy = w + GAP_X / 2, h + GAP_Y / 2
    candidates = sorted(((i, j) for i in range(-6, 7) for j in range(-6, 7)),
                        key=lambda ij: (math.hypot(ij[0] * sx, ij[1] * sy), ij[1] < 0, ij))
    for i, j in candidates:
        x, y = near[0] + i * sx, near[1] + j * sy
        x0, y0, x1, y1 = x - w / 2 - 8, y - h / 2 - 8, x + w / 2 + 8, y + h / 2 + 8
        if not any(a < x1 and c > x0 and b < y1 and d > y0 for a, b, c, d in rects):
            return (x, y)
    top = max((d for _, _, _, d in rects), default=near[1])
    return (near[0], top + GAP_Y + h / 2)


def _nearest_in_text(amap: ArgumentMap, anchor: Anchor) -> str | None:
    """The positioned statement whose anchor into the same source is closest to ``anchor``."""
    best, best_d = None, None
    for st in amap.statements.values():
        if st.id not in amap.positions:
            continue
        for a in st.anchors:
            if a.source_id != anchor.source_id:
                continue
            d = max(0, a.start - anchor.end, anchor.start - a.end)
            if best_d is None or d < best_d:
                best, best_d = st.id, d
    return best


def place_statement(amap: ArgumentMap, st: Statement, support_target: str | None = None,
                    selected: Iterable[str] = ()) -> Point:
    """Where a statement made from a passage goes: under the statement it supports, beside
    the statement anchored nearest in the text, near the selection, or below everything."""
    w, h = card_size_in(amap, st)
    pos = amap.positions
    if support_target and support_target in pos:
        tx, ty = pos[support_target]
        th = statement_size(amap, support_target)[1] if support_target in amap.statements else 0
        return free_spot(amap, (w, h), (tx, ty + th / 2 + GAP_Y + h / 2), st.id)
    ref = _nearest_in_text(amap, st.anchors[0]) if st.anchors else None
    if ref is None:
        ref = next((s for s in selected if s in pos and s in amap.statements), None)
    if ref is not None:
        rx, ry = pos[ref]
        rw = statement_size(amap, ref)[0]
        return free_spot(amap, (w, h), (rx + rw / 2 + GAP_X + w / 2, ry), st.id)
    if not pos:
        return (0.0, 0.0)
    xs = [p[0] for p in pos.values()]
    return free_spot(amap, (w, h), ((min(xs) + max(xs)) / 2, max(p[1] for p in pos.values()) + GAP_Y + h), st.id)


def _layout_place_new() -> Callable | None:
    try:
        from ...layout import place_new  # type: ignore[attr-defined]
    except ImportError:
        return None
    return place_new


# ------------------------------------------------------------------- edits
def make_statement(doc: "DocumentController", passage: Passage, kind: Kind, *,
                   support_target: str | None = None, position: Point | None = None,
                   origin: object = None) -> str:
    """Make a statement of ``kind`` from a passage, anchored to its exact range, in one
    undo step (with a support relation into ``support_target`` when given); selects it
    and asks the canvas to show it.  Returns its id; raises ModelError."""
    amap = doc.map
    anchor = passage_anchor(amap, passage)
    if support_target is not None and support_target not in amap.statements:
        raise ModelError(f"no statement with id {support_target!r} to support")
    st = Statement(new_id(), statement_text(anchor.quote), Kind(kind), anchors=(anchor,))
    label = f"New {Kind(kind).value} from source"
    place_new = _layout_place_new() if position is None else None
    if position is None and place_new is None:
        position = place_statement(amap, st, support_target, doc.selection)
    with doc.macro(label):
        doc.push(AddStatementCommand(doc, st, position, text=label))
        if support_target is not None:
            rel = Relation(new_id(), Polarity.SUPPORT, (st.id,), support_target)
            doc.push(AddRelationCommand(doc, rel, text="Add support"))
        if place_new is not None:
            placed = place_new(amap, [st.id])
            if placed:
                doc.push(MoveCommand(doc, dict(placed), text="Place"))
    doc.select([st.id], origin)
    doc.focus_requested.emit(st.id)
    return st.id


def anchor_statement(doc: "DocumentController", sid: str, passage: Passage) -> bool:
    """Anchor an existing statement to a passage too (one undo step); False if it already was."""
    anchor = passage_anchor(doc.map, passage)
    st = doc.map.statement(sid)
    if anchor in st.anchors:
        return False
    doc.push(UpdateStatementCommand(doc, sid, {"anchors": st.anchors + (anchor,)}, text="Anchor to passage"))
    return True


class OffsetShift:
    """Where an old offset of a text probably went in its new version: lines that are
    unchanged (matched with difflib) and the shared start and end carry their offsets over
    exactly; an offset in an edited line moves with the unchanged line before it."""

    def __init__(self, old: str, new: str) -> None:
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        o_start, n_start = _line_starts(old_lines), _line_starts(new_lines)
        sm = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        # (old char start, old char end, delta) of every unchanged run of lines
        self._runs = [(o_start[i], o_start[i + n], n_start[j] - o_start[i])
                      for i, j, n in sm.get_matching_blocks() if n]
        self._starts = [r[0] for r in self._runs]
        # characters the texts share at both ends: exact for a single edit anywhere
        limit = min(len(old), len(new))
        p = 0
        while p < limit and old[p] == new[p]:
            p += 1
        q = 0
        while q < limit - p and old[-1 - q] == new[-1 - q]:
            q += 1
        self._prefix, self._suffix_start, self._delta = p, len(old) - q, len(new) - len(old)

    def __call__(self, offset: int) -> int:
        if offset < self._prefix:
            return offset
        if offset >= self._suffix_start:
            return offset + self._delta
        k = bisect_right(self._starts, offset) - 1
        return offset + self._runs[k][2] if k >= 0 else offset


def _line_starts(lines: list[str]) -> list[int]:
    out, pos = [0], 0
    for line in lines:
        pos += len(line)
        out.append(pos)
    return out


def replace_anchor(doc: "DocumentController", sid: str, old: Anchor, new: Anchor | None) -> bool:
    """Swap one anchor of a statement for another (a broken one re-anchored), or drop it
    with ``new=None``; one undo step.  False when the statement does not have ``old``."""
    st = doc.map.statement(sid)
    if old not in st.anchors:
        return False
    anchors = tuple(new if a == old else a for a in st.anchors) if new is not None else \
        tuple(a for a in st.anchors if a != old)
    label = "Re-anchor to passage" if new is not None else "Remove anchor"
    doc.push(UpdateStatementCommand(doc, sid, {"anchors": tuple(dict.fromkeys(anchors))}, text=label))
    return True


def refound_anchors(amap: ArgumentMap, source_id: str, new_text: str,
                    window: int | None = None) -> tuple[dict[str, tuple[Anchor, ...]], list[str]]:
    """For a source text about to become ``new_text``: the statements whose anchors move
    (id -> new anchors) and the ids of statements with an anchor that cannot be found
    again (kept unchanged, so it shows as broken).  Each quote is searched for near where
    the edit moved it (:class:`OffsetShift`), the nearest occurrence winning."""
    old_text = amap.source(source_id).text
    if window is None:
        window = REFIND_WINDOW
    shift = OffsetShift(old_text, new_text)
    moved: dict[str, tuple[Anchor, ...]] = {}
    broken: list[str] = []
    for st in amap.statements.values():
        if not any(a.source_id == source_id for a in st.anchors):
            continue
        new: list[Anchor] = []
        for a in st.anchors:
            if a.source_id != source_id:
                new.append(a)
                continue
            was_good = a.matches(old_text)
            guess = shift(a.start) if was_good else a.start
            found = refind_anchor(new_text, a.replace(start=guess, end=guess + (a.end - a.start)), window)
            if found is None:
                new.append(a)
                if st.id not in broken:
                    broken.append(st.id)
            else:
                new.append(found)
        if tuple(new) != st.anchors:
            moved[st.id] = tuple(new)
    return moved, broken


def replace_source_text(doc: "DocumentController", source_id: str, new_text: str) -> list[str]:
    """Change a source's text and re-find the anchors into it, in one undo step.
    Returns the ids of statements left with a broken anchor."""
    new_text = normalise_newlines(new_text)
    moved, broken = refound_anchors(doc.map, source_id, new_text)
    if new_text == doc.map.source(source_id).text:
        return broken
    with doc.macro("Edit source text"):
        doc.push(UpdateSourceCommand(doc, source_id, {"text": new_text}, text="Edit source text"))
        for sid, anchors in moved.items():
            doc.push(UpdateStatementCommand(doc, sid, {"anchors": anchors}, text="Re-anchor"))
    return broken


def is_broken(amap: ArgumentMap, anchor: Anchor) -> bool:
    src = amap.sources.get(anchor.source_id)
    return src is None or not anchor.matches(src.text)


__all__ = ["anchor_statement", "free_spot", "is_broken", "make_statement", "passage_anchor", "place_statement",
           "refound_anchors", "replace_anchor", "replace_source_text"]
