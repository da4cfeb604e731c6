"""The argmap reading: one test per rule of docs/evaluation.md."""

from eval_maps import build

from argmap.evaluation import Label, evaluate
from argmap.model import Kind

IN, OUT, UND = Label.IN, Label.OUT, Label.UNDECIDED


def labels(amap):
    return {k: v.value for k, v in evaluate(amap).statements.items()}


def test_a_basic_premise_is_taken_as_given_and_carries_its_conclusion():
    amap = build("a > c", {"c": Kind.CONCLUSION})
    ev = evaluate(amap)
    assert ev.semantics == "argmap"
    assert labels(amap) == {"a": "in", "c": "in"}
    assert ev.reason(amap, "a") == "in: a premise that nothing supports, taken as given since nothing defeats it"
    assert ev.reason(amap, "c") == "in: supported by “A”, which holds"
    assert ev.reason(amap, "a > c") == "applicable: its premises hold and nothing undercuts it"


def test_a_conclusion_that_nothing_supports_is_out():
    amap = build("c\nd", {"c": Kind.CONCLUSION, "d": Kind.EVIDENCE})
    ev = evaluate(amap)
    assert labels(amap) == {"c": "out", "d": "in"}
    assert ev.reason(amap, "c") == "out: a conclusion that nothing supports"


def test_the_users_verdict_decides_a_statement():
    amap = build("a > c\nb x a", assess={"a": "accepted", "c": "rejected"})
    ev = evaluate(amap)
    assert ev.statements["a"] is IN and ev.statements["c"] is OUT
    assert ev.reason(amap, "a") == "in: you accepted it"
    assert ev.reason(amap, "c") == "out: you rejected it"


def test_an_unanswered_objection_defeats_its_target_and_its_inference():
    amap = build("a > c\nb x a")
    ev = evaluate(amap)
    assert labels(amap) == {"a": "out", "b": "in", "c": "out"}
    assert ev.reason(amap, "a") == "out: attacked by “B”, which is in"
    assert ev.reason(amap, "a > c") == "not applicable: its premise “A” is out"
    assert ev.reason(amap, "c") == "out: none of its reasons holds (the one from “A” does not apply)"


def test_an_answered_objection_reinstates_its_target():
    assert labels(build("b x a\nd x b")) == {"b": "out", "a": "in", "d": "in"}


def test_linked_premises_work_only_together():
    amap = build("a b > c\nd x b")
    assert labels(amap) == {"a": "in", "b": "out", "c": "out", "d": "in"}
    assert not evaluate(amap).applicable("a b > c")


def test_convergent_reasons_each_suffice():
    assert labels(build("a > c\nb > c\nd x b"))["c"] == "in"


def test_an_undercut_cuts_the_inference_not_the_premise():
    amap = build("a > c\nu x a>c")
    ev = evaluate(amap)
    assert labels(amap) == {"a": "in", "c": "out", "u": "in"}
    assert ev.reason(amap, "a > c") == "not applicable: undercut by “U”, which holds"


def test_an_odd_cycle_of_attacks_is_undecided_with_its_members_named():
    amap = build("a x b\nb x c\nc x a\nc > z")
    ev = evaluate(amap)
    assert labels(amap) == {"a": "undecided", "b": "undecided", "c": "undecided", "z": "undecided"}
    assert ev.reason(amap, "a") == "undecided: in an odd cycle of attacks with “B” and “C”"
    assert ev.reason(amap, "z") == "undecided: depends on “C”, which is undecided"


def test_an_even_cycle_of_attacks_is_undecided_until_the_user_decides():
    amap = build("a x b\nb x a")
    assert evaluate(amap).reason(amap, "a") == "undecided: in an even cycle of attacks with “B”"
    assert labels(build("a x b\nb x a", assess={"a": "accepted"})) == {"a": "in", "b": "out"}


def test_circular_support_is_undecided():
    amap = build("a > b\nb > a")
    assert labels(amap) == {"a": "undecided", "b": "undecided"}
    assert evaluate(amap).reason(amap, "b") == "undecided: in a circle of support with “A”"


def test_a_strong_reason_outweighs_an_unassessed_objection():
    amap = build("a > c\nb x c", assess={"a > c": "strong"})
    ev = evaluate(amap)
    assert ev.statements["c"] is IN
    assert ev.reason(amap, "c") == "in: supported by “A”, which outweighs the objection “B”"
    assert labels(build("a > c\nb x c"))["c"] == "out"  # unassessed: the objection wins the tie


def test_a_weak_objection_does_not_overturn_a_basic_premise():
    amap = build("b x a", assess={"b x a": "weak"})
    assert labels(amap)["a"] == "in"
    assert evaluate(amap).reason(amap, "a") == "in: taken as given: the objection “B” is too weak to defeat it"


def test_an_inference_judged_to_have_no_force_never_applies():
    amap = build("a > c", assess={"a > c": "none"})
    ev = evaluate(amap)
    assert ev.statements["c"] is OUT
    assert ev.reason(amap, "a > c") == "not applicable: you judged this inference to have no force"


def test_json_shape_names_every_statement_and_relation():
    amap = build("a > c\nb x a")
    assert evaluate(amap).as_json() == {
        "statements": {"a": "out", "c": "out", "b": "in"},
        "relations": {"a > c": "not applicable", "b x a": "applicable"},
    }
