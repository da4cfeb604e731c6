"""A new co-premise's place before any arranging: beside its partner, away from other reasons, on no card."""

from __future__ import annotations

from argmap.layout import place_new
from argmap.measure import map_sizes
from argmap.model import ArgumentMap, Polarity, Relation, Statement


def crowded_row(neighbours: dict[str, float]) -> ArgumentMap:
    """A claim, its reason ``p`` below it and more cards in that row at the given x."""
    amap = ArgumentMap("t")
    amap.add_statement(Statement("c", "The claim"), (0.0, 0.0))
    amap.add_statement(Statement("p", "A reason for the claim"), (0.0, 150.0))
    amap.add_relation(Relation("r", Polarity.SUPPORT, ("p",), "c"), (0.0, 75.0))
    for sid, x in neighbours.items():
        amap.add_statement(Statement(sid, "Another card in the row"), (x, 150.0))
        amap.add_relation(Relation("r" + sid, Polarity.ATTACK, (sid,), "c"), (x, 75.0))
    amap.add_statement(Statement("n", "The new co-premise, with a longer text than most"))
    amap.add_premise("r", "n")
    return amap


def clear_of_all(amap: ArgumentMap, sid: str, spot: tuple[float, float]) -> bool:
    sizes = map_sizes(amap)
    (x, y), (w, h) = spot, sizes[sid]
    return all(
        abs(x - p[0]) * 2 >= w + sizes[e][0] or abs(y - p[1]) * 2 >= h + sizes[e][1]
        for e, p in amap.positions.items()
        if e != sid
    )


def test_a_co_premise_goes_to_the_side_without_other_reasons():
    amap = crowded_row({"o": 300.0})
    spot = place_new(amap, ["n"])["n"]
    assert spot[0] < 0 and spot[1] == 150.0 and clear_of_all(amap, "n", spot)
    amap = crowded_row({"o": -300.0})
    spot = place_new(amap, ["n"])["n"]
    assert spot[0] > 0 and spot[1] == 150.0 and clear_of_all(amap, "n", spot)


def test_with_no_room_on_either_side_a_co_premise_goes_further_out_on_no_card():
    amap = crowded_row({"o": 250.0, "q": -250.0, "s": 500.0})
    spot = place_new(amap, ["n"])["n"]
    assert spot[1] == 150.0 and clear_of_all(amap, "n", spot)
    assert spot[0] < -250.0  # past the one card on the side with fewer reasons
