"""Model operations, their invariants and their events (no Qt)."""

import pytest

from argmap.model import (
    Anchor,
    ArgumentMap,
    Change,
    Kind,
    ModelError,
    Polarity,
    Relation,
    RelationKind,
    Source,
    Statement,
    main_conclusions,
    stats,
)


def small_map() -> ArgumentMap:
    m = ArgumentMap("t")
    m.add_statement(Statement("c", "Conclusion", Kind.CONCLUSION))
    m.add_statement(Statement("p1", "Premise one"))
    m.add_statement(Statement("p2", "Premise two"))
    m.add_statement(Statement("o", "Objection"))
    m.add_relation(Relation("r1", Polarity.SUPPORT, ("p1", "p2"), "c"))
    m.add_relation(Relation("r2", Polarity.ATTACK, ("o",), "c"))
    return m


def record(m: ArgumentMap) -> list[Change]:
    events: list[Change] = []
    m.subscribe(events.append)
    return events


def state(m: ArgumentMap):
    return (
        list(m.statements.items()),
        list(m.relations.items()),
        list(m.sources.items()),
        dict(m.positions),
        set(m.pinned),
        dict(m.meta),
    )


def test_graph_mirrors_premise_relation_target():
    m = small_map()
    assert set(m.graph.successors("p1")) == {"r1"}
    assert list(m.graph.successors("r1")) == ["c"]
    assert m.graph.nodes["r1"]["sort"] == "relation" and m.graph.nodes["r1"]["polarity"] == "support"
    assert m.graph.nodes["c"]["kind"] == "conclusion"
    m.check_invariants()


@pytest.mark.parametrize(
    "rel, message",
    [
        (Relation("x", Polarity.SUPPORT, (), "c"), "no premise"),
        (Relation("x", Polarity.SUPPORT, ("nope",), "c"), "not a statement"),
        (Relation("x", Polarity.SUPPORT, ("p1",), "nope"), "neither a statement nor a relation"),
        (Relation("x", Polarity.SUPPORT, ("c",), "c"), "premise of a relation into itself"),
        (Relation("x", Polarity.SUPPORT, ("p1", "p1"), "c"), "twice"),
        (Relation("r1", Polarity.SUPPORT, ("p1",), "c"), "duplicate id"),
        (Relation("x", "sideways", ("p1",), "c"), "unknown polarity"),
    ],
)
def test_bad_relations_are_refused_without_change(rel, message):
    m = small_map()
    before = state(m)
    events = record(m)
    with pytest.raises(ModelError, match=message):
        m.add_relation(rel)
    assert state(m) == before and events == []
    m.check_invariants()


def test_duplicate_ids_across_sorts_and_unknown_kind():
    m = small_map()
    with pytest.raises(ModelError, match="duplicate id"):
        m.add_statement(Statement("r1", "clashes with a relation id"))
    with pytest.raises(ModelError, match="unknown statement kind"):
        m.add_statement(Statement("z", "x", "claim"))  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="unknown source"):
        m.add_statement(Statement("z", "x", anchors=(Anchor("nosrc", 0, 1, "x"),)))


def test_each_operation_emits_exactly_one_event_and_noop_emits_none():
    m = small_map()
    events = record(m)
    m.set_text("p1", "Premise one")  # unchanged
    m.set_kind("c", Kind.CONCLUSION)
    m.move({})
    m.set_pinned(["p1"], False)
    assert events == []
    m.set_text("p1", "Changed")
    assert [e.op for e in events] == ["update_statement"] and events[0].changed == {"p1"}
    m.set_polarity("r2", "support")
    m.move({"c": (10, 20)})
    m.set_pinned(["c"])
    m.remove_statement("o")
    assert len(events) == 5
    assert events[-1].removed == {"o", "r2"}


def test_remove_statement_takes_what_cannot_stand_and_restore_is_exact():
    m = small_map()
    m.add_statement(Statement("u", "Undercutter"))
    m.add_relation(Relation("ru", Polarity.ATTACK, ("u",), "r1"))
    m.move({"c": (0, 0), "p1": (1, 2), "r1": (5, 5)})
    m.set_pinned(["p1"])
    before = state(m)
    snap = m.remove_statement("c")
    # r1 and r2 lose their target, ru loses the relation it undercuts
    assert set(m.relations) == set() and "c" not in m.statements
    m.check_invariants()
    m.restore(snap)
    assert state(m) == before
    m.check_invariants()


def test_removing_one_linked_premise_keeps_the_relation():
    m = small_map()
    before = state(m)
    snap = m.remove_statement("p1")
    assert m.relation("r1").premises == ("p2",)
    m.restore(snap)
    assert state(m) == before
    assert m.relation("r1").premises == ("p1", "p2")


def test_undercut_targets_a_relation_and_counts():
    m = small_map()
    m.add_statement(Statement("u", "Undercutter"))
    m.add_relation(Relation("ru", Polarity.ATTACK, ("u",), "r1"))
    assert m.is_undercut(m.relation("ru"))
    s = stats(m)
    assert (s["undercuts"], s["linked"], s["attacks"], s["supports"]) == (1, 1, 2, 1)
    with pytest.raises(ModelError, match="circular"):
        m.add_statement(Statement("v", "v"))
        m.add_relation(Relation("rv", Polarity.ATTACK, ("v",), "ru"))
        m.retarget("ru", "rv")


def test_premise_operations_and_retarget():
    m = small_map()
    m.add_statement(Statement("p3", "Premise three"))
    m.add_premise("r1", "p3")
    assert m.relation("r1").premises == ("p1", "p2", "p3")
    with pytest.raises(ModelError, match="already a premise"):
        m.add_premise("r1", "p3")
    m.remove_premise("r1", "p3")
    m.remove_premise("r1", "p2")
    with pytest.raises(ModelError, match="last premise"):
        m.remove_premise("r1", "p1")
    m.retarget("r2", "p1")
    assert m.relation("r2").target == "p1" and list(m.graph.successors("r2")) == ["p1"]
    with pytest.raises(ModelError, match="into itself"):
        m.retarget("r1", "p1")
    m.check_invariants()


def test_update_returns_old_record_for_undo():
    m = small_map()
    old = m.update_statement("p1", text="New", title="T", tags=("a",), assessment="accepted")
    assert old.text == "Premise one"
    m.update_statement("p1", **{k: getattr(old, k) for k in ("text", "title", "tags", "assessment")})
    assert m.statement("p1") == old
    with pytest.raises(ModelError, match="assessment"):
        m.update_statement("p1", assessment="great")
    with pytest.raises(ModelError):
        m.update_statement("p1", colour="red")


def test_implicit_flag_defaults_to_stated_and_is_a_plain_boolean():
    m = small_map()
    assert m.statement("p1").implicit is False
    events = []
    m.subscribe(events.append)
    old = m.update_statement("p1", implicit=True)
    assert m.statement("p1").implicit is True and old.implicit is False
    assert [e.changed for e in events] == [frozenset({"p1"})]
    with pytest.raises(ModelError, match="implicit must be true or false"):
        m.update_statement("p1", implicit=1)
    with pytest.raises(ModelError, match="implicit"):
        m.add_statement(Statement("x", "X", implicit="yes"))  # type: ignore[arg-type]


def test_sources_and_anchors():
    m = ArgumentMap()
    m.add_source(Source("s", "Alpha beta. Gamma."))
    m.add_statement(Statement("a", "Alpha beta.", anchors=(Anchor("s", 0, 11, "Alpha beta."),)))
    assert stats(m)["broken_anchors"] == 0
    m.update_source("s", text="Zeta. Alpha beta. Gamma.")
    assert stats(m)["broken_anchors"] == 1
    snap = m.remove_source("s")
    assert m.statement("a").anchors == ()
    m.restore(snap)
    assert m.statement("a").anchors[0].source_id == "s"
    m.check_invariants()


def test_positions_must_be_finite_and_known():
    m = small_map()
    with pytest.raises(ModelError, match="finite"):
        m.move({"c": (float("nan"), 0)})
    with pytest.raises(ModelError, match="unknown"):
        m.move({"zz": (0, 0)})
    old = m.move({"c": (3, 4)})
    assert old == {"c": None} and m.positions["c"] == (3.0, 4.0)
    m.move(old)
    assert "c" not in m.positions


def test_add_many_is_all_or_nothing():
    m = small_map()
    before = state(m)
    with pytest.raises(ModelError):
        m.add_many([Statement("n1", "new")], [Relation("rn", Polarity.SUPPORT, ("n1",), "missing")])
    assert state(m) == before
    events = record(m)
    m.add_many([Statement("n1", "new")], [Relation("rn", Polarity.SUPPORT, ("n1",), "c")], {"n1": (1, 1)})
    assert len(events) == 1 and events[0].added == {"n1", "rn"}
    m.check_invariants()


def test_main_conclusions_and_relation_kinds():
    m = small_map()
    assert [s.id for s in main_conclusions(m)][0] == "c"
    m.add_statement(Statement("re", "Conclusion, said again"))
    m.add_relation(Relation("rr", Polarity.SUPPORT, ("re",), "c", RelationKind.REPHRASE))
    assert m.relation("rr").kind is RelationKind.REPHRASE
