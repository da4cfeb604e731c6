"""The legend (``draw.parts``): exactly the entries the drawn map uses, each with its picture and words."""

from __future__ import annotations

from argmap.draw.mapdraw import MapDrawing
from argmap.draw.parts import LEGEND_TEXTS, legend_keys, legend_size, strip_rows
from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement


def linked_map() -> ArgumentMap:
    """A conclusion with a linked reason (two premises), evidence for one, and an objection."""
    amap = ArgumentMap("Soda tax")
    amap.add_many(
        [
            Statement("c", "Cities should tax sugary drinks.", Kind.CONCLUSION),
            Statement("p1", "Sugary drinks cause obesity."),
            Statement("p2", "Taxes reduce what people buy."),
            Statement("e1", "A study found a 20% fall in sales.", Kind.EVIDENCE),
            Statement("o1", "The tax hits the poor hardest."),
        ],
        [
            Relation("R1", Polarity.SUPPORT, ("p1", "p2"), "c"),
            Relation("R2", Polarity.SUPPORT, ("e1",), "p2"),
            Relation("R3", Polarity.ATTACK, ("o1",), "c"),
        ],
    )
    return amap


def test_the_legend_lists_only_what_the_map_uses() -> None:
    amap = ArgumentMap()
    amap.add_many(
        [Statement("c", "C", Kind.CONCLUSION), Statement("p", "P")], [Relation("r", Polarity.SUPPORT, ("p",), "c")]
    )
    assert legend_keys(amap) == ("conclusion", "premise", "support")
    assert "linked" in legend_keys(linked_map()) and "attack" in legend_keys(linked_map())
    assert "convergent" not in legend_keys(linked_map())
    assert "evidence" in legend_keys(linked_map())


def test_the_legend_names_each_construct_the_map_uses() -> None:
    amap = ArgumentMap()
    amap.add_many(
        [Statement(x, x) for x in ("c", "a", "b", "o", "u", "v")],
        [
            Relation("r1", Polarity.SUPPORT, ("a",), "c"),
            Relation("r2", Polarity.SUPPORT, ("b",), "c"),  # a second reason alone: convergent
            Relation("r3", Polarity.ATTACK, ("o",), "c"),
            Relation("r4", Polarity.ATTACK, ("u",), "r1"),  # undercut of a reason
            Relation("r5", Polarity.ATTACK, ("v",), "r3"),  # undercut of an objection
        ],
    )
    keys = legend_keys(amap)
    assert {"convergent", "undercut", "undercut_attack"} <= set(keys) and "linked" not in keys
    labelled = legend_keys(amap, labels={"c": "out", "a": "in"})
    assert {"in", "out"} <= set(labelled) and "undecided" not in labelled
    assert all(k in LEGEND_TEXTS for k in labelled)


def test_the_drawn_legend_shows_each_entry_and_the_evaluation_when_shown() -> None:
    amap = linked_map()
    d = MapDrawing(amap, labels={"c": "undecided"})
    texts = {t for item in d.picture().items if item[0] == "text" for _, _, t in item[3]}
    for key in legend_keys(amap, labels={"c": "undecided"}):
        assert LEGEND_TEXTS[key] in texts
    assert LEGEND_TEXTS["undecided"] in texts and LEGEND_TEXTS["in"] not in texts
    assert LEGEND_TEXTS["undercut"] not in texts  # no undercut in this map


def test_a_long_legend_takes_two_columns_or_rows_not_the_pages_height() -> None:
    keys = tuple(LEGEND_TEXTS)[:9]
    assert legend_size(False, keys)[1] < legend_size(False, keys[:6])[1] + 1  # two columns of five
    assert len(strip_rows(keys)) == 1
    rows = strip_rows(keys, 900.0)
    assert len(rows) == 2 and [k for r in rows for k in r] == list(keys)
    assert legend_size(True, keys, 900.0)[0] <= 900.0


def test_an_implicit_premise_has_its_entry_only_when_drawn() -> None:
    amap = linked_map()
    assert "implicit" not in legend_keys(amap)
    amap.update_statement("p2", implicit=True)
    assert "implicit" in legend_keys(amap) and "implicit" not in legend_keys(amap, statements=["c", "p1"])


def test_an_implicit_conclusion_is_not_called_a_premise_in_the_legend() -> None:
    amap = linked_map()
    amap.update_statement("c", implicit=True)  # an unstated main conclusion, the argument's point
    keys = legend_keys(amap)
    assert "implicit" not in keys and "implicit_statement" in keys
    words = [LEGEND_TEXTS[k] for k in keys]
    assert "Implicit statement (unstated)" in words and not any("Implicit premise" in w for w in words)
    amap.update_statement("p2", implicit=True)  # a premise too: still one entry, naming no kind
    assert [k for k in legend_keys(amap) if k.startswith("implicit")] == ["implicit_statement"]
    drawing = MapDrawing(amap)
    drawn = [run[2] for item in drawing.picture().items if item[0] == "text" for run in item[3]]
    assert "Implicit statement (unstated)" in drawn
