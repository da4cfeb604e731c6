"""Rows tell the distance from the conclusion, and branches read in the order of the text they are anchored to."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.io import load_map
from argmap.layout import ASPECT, layout_map
from argmap.layout.reading import reading_ranks
from argmap.model import Anchor, ArgumentMap, Kind, Polarity, Relation, Source, Statement

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.argmap.json"))
S, A = Polarity.SUPPORT, Polarity.ATTACK
TEXT = "First, taxes are low. Second, schools are good. Third, parks are green. Fourth, crime is rare. So move here."


def anchored(sid: str, phrase: str, kind: Kind = Kind.PREMISE) -> Statement:
    i = TEXT.index(phrase)
    return Statement(sid, phrase, kind, anchors=(Anchor("src", i, i + len(phrase), phrase),))


def town(cross: bool = False) -> ArgumentMap:
    """ "Move here" with four reasons added in an order unlike the text's (an objection among them),
    each reason with a premise of its own; with ``cross``, one premise also supports another reason."""
    amap = ArgumentMap("town")
    amap.add_source(Source("src", TEXT))
    statements = [
        anchored("c", "So move here.", Kind.CONCLUSION),
        anchored("crime", "Fourth, crime is rare."),
        anchored("parks", "Third, parks are green."),
        anchored("taxes", "First, taxes are low."),
        anchored("schools", "Second, schools are good."),
    ]
    relations = [
        Relation("r-crime", S, ("crime",), "c"),
        Relation("r-parks", A, ("parks",), "c"),
        Relation("r-taxes", S, ("taxes",), "c"),
        Relation("r-schools", S, ("schools",), "c"),
    ]
    for sid in ("crime", "parks", "taxes", "schools"):
        statements.append(Statement(f"{sid}-why", f"Why {sid} " * 4))
        relations.append(Relation(f"r-{sid}-why", S, (f"{sid}-why",), sid))
    if cross:
        relations.append(Relation("r-x", S, ("taxes-why",), "crime"))
    amap.add_many(statements, relations)
    return amap


def _along(pos, sid: str, direction: str) -> float:
    return pos[sid][1] if direction == "LR" else pos[sid][0]


def _rows(amap: ArgumentMap, pos, direction: str) -> dict[str, int]:
    """Each statement's row: the rank of its centre across the rows (cards of a row share it)."""
    across = {sid: round(pos[sid][0] if direction == "LR" else pos[sid][1], 3) for sid in amap.statements}
    levels = sorted(set(across.values()), reverse=direction == "BT")
    return {sid: levels.index(v) for sid, v in across.items()}


@pytest.mark.parametrize("direction", ["TB", "BT", "LR"])
@pytest.mark.parametrize("cross", [False, True])
def test_reasons_anchored_in_the_text_stand_in_its_order(direction, cross):
    amap = town(cross)
    pos = layout_map(amap, direction=direction)
    supports = sorted(["crime", "taxes", "schools"], key=lambda s: _along(pos, s, direction))
    assert supports == ["taxes", "schools", "crime"]  # the text's order, whatever the map's
    assert _along(pos, "crime", direction) < _along(pos, "parks", direction)  # objections still after supports


def test_a_reason_without_an_anchor_stands_where_its_own_reasons_are_read():
    amap = town()
    amap.update_statement("schools", anchors=())  # an analyst's claim, backed by the text's "Fourth"
    amap.add_relation(Relation("r-crime-schools", S, ("crime",), "schools"))
    ranks = reading_ranks(amap)
    assert ranks["taxes"] < ranks["schools"] == ranks["crime"]
    amap.update_statement("schools", text="Schools are good, as the low crime shows.")
    amap.remove(["r-crime-schools"])
    assert "schools" not in reading_ranks(amap)  # nothing read below it: after the anchored reasons
    pos = layout_map(amap)
    assert pos["taxes"][0] < pos["crime"][0] < pos["schools"][0]


def test_maps_without_sources_are_laid_out_as_before():
    amap = town()
    plain = ArgumentMap("town")
    plain.add_many([st.replace(anchors=()) for st in amap.statements.values()], list(amap.relations.values()))
    assert reading_ranks(plain) == {}
    pos = layout_map(plain)
    assert [s for s in sorted(["crime", "taxes", "schools"], key=lambda s: pos[s][0])] == ["crime", "taxes", "schools"]


def fan(n: int = 12) -> ArgumentMap:
    """A wide fan: a conclusion with ``n`` reasons, the last three objections, each with evidence."""
    amap = ArgumentMap()
    statements = [Statement("c", "The conclusion of a long op-ed " * 2)]
    relations = []
    for i in range(n):
        statements += [Statement(f"p{i}", f"Reason {i} " * 6), Statement(f"e{i}", f"Evidence {i} " * 5)]
        relations += [
            Relation(f"r{i}", A if i >= n - 3 else S, (f"p{i}",), "c"),
            Relation(f"q{i}", S, (f"e{i}",), f"p{i}"),
        ]
    amap.add_many(statements, relations)
    return amap


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_every_reason_stands_in_the_row_below_its_target(direction):
    amap = fan()
    rows = _rows(amap, layout_map(amap, direction=direction), direction)
    for rel in amap.relations.values():
        assert rows[rel.premises[0]] == rows[rel.target] + 1
    # wrapping a wide fan into bands is still there for who asks for a page's shape
    wrapped = _rows(amap, layout_map(amap, direction=direction, aspect=ASPECT), direction)
    assert max(wrapped.values()) > max(rows.values())


def depths(amap: ArgumentMap) -> dict[str, int]:
    """The rows the rule asks for: one below a statement's target; below the deepest when it has
    several; beside the premises of the step an undercut attacks; linked premises share a row."""
    depth = dict.fromkeys(amap.statements, 0)
    for _ in range(len(depth) + 1):
        changed = False
        for rel in amap.relations.values():
            if rel.target in amap.statements:
                want = depth[rel.target] + 1
            else:
                want = depth[amap.relations[rel.target].premises[0]]
            want = max([want] + [depth[p] for p in rel.premises])
            for p in rel.premises:
                if depth[p] < want:
                    depth[p], changed = want, True
        if not changed:
            return depth
    raise AssertionError("circular reasoning")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples_rows_are_distances_from_their_conclusions(path):
    amap = load_map(path)
    direction = amap.meta.get("layout_direction", "TB")
    rows = _rows(amap, layout_map(amap, direction=direction), direction)
    want = depths(amap)
    assert rows == {sid: want[sid] for sid in rows}
