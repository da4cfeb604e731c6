"""Carneades evaluation rules beyond the fixtures: reasons, the user's verdicts, attacks drawn in argmap."""

from pathlib import Path

from argmap.evaluation import Label, evaluate
from argmap.io import read_any
from argmap.model import Polarity, Relation

FIXTURES = Path(__file__).parent / "fixtures"


def _load(name):
    return read_any(FIXTURES / name).map


def test_reasons_name_the_rule_and_the_proof_standard():
    amap = _load("courtroom.yml")
    ev = evaluate(amap)
    assert ev.reason(amap, "witness") == "in: assumed"
    assert ev.reason(amap, "guilty") == "in: wins issue i1 under BRD (0.90 against 0.20)"
    assert ev.reason(amap, "innocent") == "out: loses issue i1 under BRD to “The accused is guilty.”"
    assert ev.reason(amap, "footage") == "out: not assumed, and no argument concludes it"
    assert (
        ev.reason(amap, "a3") == "not applicable: it weighs 0 (its premise “Camera footage shows the witness "
        "elsewhere.” is out)"
    )
    assert ev.reason(amap, "a1") == "applicable: its premises are decided, nothing undercuts it, and it weighs 0.90"


def test_no_position_meeting_the_standard_leaves_every_position_out():
    amap = _load("clear-and-convincing.yml")
    assert evaluate(amap).reason(amap, "p") == "out: no position of issue i1 (CCE) meets its proof standard"


def test_accepting_a_statement_makes_it_an_assumption_and_rejecting_it_overrides_one():
    amap = _load("courtroom.yml")
    amap.update_statement("footage", assessment="accepted")
    ev = evaluate(amap)
    assert ev.statements["liar"] is Label.IN  # the undercutter now holds ...
    assert not ev.applicable("a1")
    assert ev.statements["guilty"] is Label.OUT  # ... so the testimony weighs nothing and the alibi wins
    assert ev.statements["innocent"] is Label.OUT  # 0.2 is no proof beyond reasonable doubt
    amap.update_statement("witness", assessment="rejected")
    assert evaluate(amap).reason(amap, "witness") == "out: you rejected it"


def test_an_attack_drawn_on_a_statement_argues_for_its_opposite():
    amap = _load("weighing.yml")
    assert evaluate(amap).statements["t"] is Label.IN
    amap.add_relation(Relation("objection", Polarity.ATTACK, ("a",), "t"))
    ev = evaluate(amap)
    assert ev.statements["t"] is Label.OUT  # 1.0 (linked, a is in) against the cumulative 1/3
    assert ev.applicable("objection")


def test_ids_stay_the_carneades_keys():
    amap = read_any(FIXTURES / "weighing.yml").map
    ev = evaluate(amap)
    assert set(ev.statements) == {"a", "b", "c", "t", "u", "p"}
    assert set(ev.relations) == {"g1", "g2", "g3"}
