"""Branches read in the order of the text they are anchored to."""

from __future__ import annotations

import pytest

from argmap.layout import layout_map
from argmap.layout.reading import reading_ranks
from argmap.model import Anchor, ArgumentMap, Polarity, Relation, Source, Statement

S, A = Polarity.SUPPORT, Polarity.ATTACK
TEXT = "First, taxes are low. Second, schools are good. Third, parks are green. Fourth, crime is rare. So move here."


def anchored(sid: str, phrase: str, kind: str = "premise") -> Statement:
    i = TEXT.index(phrase)
    return Statement(sid, phrase, kind, anchors=(Anchor("src", i, i + len(phrase), phrase),))  # type: ignore[arg-type]


def town(cross: bool = False) -> ArgumentMap:
    """ "Move here" with four reasons added in an order unlike the text's (an objection among them),
    each reason with a premise of its own; with ``cross``, one premise also supports another reason."""
    amap = ArgumentMap("town")
    amap.add_source(Source("src", TEXT))
    statements = [
        anchored("c", "So move here.", "conclusion"),
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
