"""Circular reasoning beside linked arguments: every map the model accepts is laid out."""

from __future__ import annotations

import pytest

from argmap.draw.svg import svg_bytes
from argmap.layout import layout_map
from argmap.model import ArgumentMap, Polarity, Relation, Statement

S = Polarity.SUPPORT


def make(relations: list[tuple[str, tuple[str, ...], str]]) -> ArgumentMap:
    names = sorted({n for _, prem, t in relations for n in (*prem, t)})
    amap = ArgumentMap()
    amap.add_many(
        [Statement(n, f"Statement {n}") for n in names], [Relation(rid, S, prem, t) for rid, prem, t in relations]
    )
    return amap


@pytest.mark.parametrize(
    "relations",
    [
        [("r1", ("b",), "a"), ("r2", ("a",), "b"), ("r3", ("c", "d"), "e")],  # the cycle and the linked group apart
        [("r1", ("b",), "c"), ("r2", ("c",), "b"), ("r3", ("d", "e"), "a")],
        [("r3", ("c", "d"), "e"), ("r1", ("b",), "a"), ("r2", ("a",), "b"), ("r4", ("x", "y"), "a")],
    ],
)
def test_support_cycle_beside_a_linked_argument(relations):
    amap = make(relations)
    pos = layout_map(amap)
    assert set(amap.statements) | set(amap.relations) <= set(pos)
    for _rid, prem, _t in relations:
        if len(prem) > 1 and not {"a", "b"} & set(prem):  # a linked group outside the cycle keeps one row
            assert len({pos[p][1] for p in prem}) == 1
    assert svg_bytes(amap).startswith(b"<?xml")


def test_a_long_chain_of_undercuts_is_laid_out_and_drawn():
    n = 3000  # deeper than Python's recursion limit
    amap = ArgumentMap()
    amap.add_many(
        [Statement(x, f"Statement {x}") for x in ("a", "b", *(f"u{i}" for i in range(n)))],
        [Relation("r0", S, ("b",), "a")]
        + [Relation(f"r{i + 1}", Polarity.ATTACK, (f"u{i}",), f"r{i}") for i in range(n)],
    )
    pos = layout_map(amap)
    assert set(amap.statements) | set(amap.relations) <= set(pos)
    assert svg_bytes(amap).count(b"Statement u") == n
