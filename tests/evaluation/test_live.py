"""A live evaluation, refreshed after each edit, equals a fresh evaluation of the edited map."""

import random

import pytest
from eval_maps import build

from argmap.evaluation import Label, LiveEvaluation, evaluate
from argmap.model import Kind, Polarity, Relation, Statement


def _same(live, amap):
    fresh = evaluate(amap)
    assert dict(live.evaluation.statements) == dict(fresh.statements)
    assert dict(live.evaluation.relations) == dict(fresh.relations)
    assert set(live.evaluation.why) == set(fresh.why)  # which premise a reason names may differ: both hold


def test_refresh_reports_what_changed_and_only_that():
    amap = build("a > c\nb x a\nd > e")
    live = LiveEvaluation(amap)
    amap.subscribe(live.refresh)
    assert live.evaluation.statements["c"] is Label.OUT
    amap.update_statement("b", assessment="rejected")
    assert live.evaluation.statements["c"] is Label.IN
    _same(live, amap)
    assert live.refresh(None) == set()


@pytest.mark.parametrize("acyclic", [False, True])
def test_random_edits_keep_the_live_evaluation_exact(acyclic):
    rng = random.Random(17 + acyclic)
    amap = build("start")
    live = LiveEvaluation(amap)
    changes = []
    amap.subscribe(lambda ch: changes.append(live.refresh(ch)))
    for step in range(400):
        sids = list(amap.statements)
        rids = list(amap.relations)
        roll = rng.random()
        if roll < 0.3 or len(sids) < 3:
            kind = rng.choice(list(Kind))
            amap.add_statement(Statement(f"s{step}", f"S{step}", kind))
        elif roll < 0.6:
            premises = tuple(rng.sample(sids, rng.choice((1, 1, 2))))
            target = rng.choice(sids + rids[:3])
            if target in premises or (
                acyclic and any(sids.index(p) <= sids.index(target) for p in premises if target in sids)
            ):
                continue
            pol = rng.choice((Polarity.SUPPORT, Polarity.ATTACK)) if target in amap.statements else Polarity.ATTACK
            amap.add_relation(Relation(f"r{step}", pol, premises, target))
        elif roll < 0.75:
            amap.update_statement(rng.choice(sids), assessment=rng.choice(("accepted", "rejected", None, None)))
        elif roll < 0.85 and rids:
            amap.update_relation(rng.choice(rids), assessment=rng.choice(("strong", "weak", "none", None)))
        elif roll < 0.93:
            amap.remove([rng.choice(sids + rids)])
        else:
            amap.update_statement(rng.choice(sids), kind=rng.choice(list(Kind)))
        _same(live, amap)
    assert any(changes)


def test_a_change_of_the_maps_metadata_relabels_nothing_but_becoming_carneades_does():
    amap = build("a > c\nb x a")
    live = LiveEvaluation(amap)
    relabelled = []
    amap.subscribe(lambda change: relabelled.append(live.refresh(change)))
    amap.set_meta(title="Renamed")
    assert relabelled == [set()] and live.evaluation.semantics == "argmap"
    amap.set_meta(carneades={"issues": {}})  # now read by Carneades' rules: b, not assumed, is out
    assert live.evaluation.semantics == "carneades"
    assert live.evaluation.statements["b"] is Label.OUT
