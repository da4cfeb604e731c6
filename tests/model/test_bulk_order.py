"""Adding many elements at once: relations in any order, and what the model refuses in one line."""

import pytest

from argmap.model import ArgumentMap, Kind, ModelError, Polarity, Relation, Statement


def statements(*ids: str) -> list[Statement]:
    return [Statement(i, f"Statement {i}", Kind.PREMISE) for i in ids]


def test_an_undercut_may_come_before_the_relation_it_attacks():
    amap = ArgumentMap()
    _ = amap.graph  # the graph mirror, when built, follows too
    u = Relation("u", Polarity.ATTACK, ("c",), "r")
    uu = Relation("uu", Polarity.ATTACK, ("d",), "u")
    r = Relation("r", Polarity.SUPPORT, ("b",), "a")
    amap.add_many(statements("a", "b", "c", "d"), [uu, u, r])
    assert list(amap.relations) == ["uu", "u", "r"]  # kept in the order given
    assert [x.id for x in amap.undercuts_of("r")] == ["u"] and [x.id for x in amap.undercuts_of("u")] == ["uu"]
    assert amap.graph.nodes["r"]["sort"] == "relation" and amap.graph.has_edge("u", "r")
    amap.check_invariants()


def test_a_circular_chain_of_undercuts_is_still_refused():
    amap = ArgumentMap()
    rels = [Relation("u", Polarity.ATTACK, ("c",), "v"), Relation("v", Polarity.ATTACK, ("d",), "u")]
    with pytest.raises(ModelError, match="circular"):
        amap.add_many(statements("c", "d"), rels)
    assert not amap.relations


def test_a_long_chain_of_undercuts_in_either_order():
    n = 2000
    sts = statements("a", "b", *(f"s{i}" for i in range(n)))
    rels = [Relation("r0", Polarity.SUPPORT, ("b",), "a")]
    rels += [Relation(f"r{i + 1}", Polarity.ATTACK, (f"s{i}",), f"r{i}") for i in range(n)]
    for order in (rels, rels[::-1]):
        amap = ArgumentMap()
        amap.add_many(sts, order)
        assert amap.is_undercut(amap.relations[f"r{n}"]) and len(amap.relations) == n + 1


@pytest.mark.parametrize("point", [(10**400, 0), (0, float("nan")), ("x", 1)])
def test_a_position_out_of_range_is_a_model_error(point):
    amap = ArgumentMap()
    with pytest.raises(ModelError, match="position"):
        amap.add_many(statements("a"), positions={"a": point})
