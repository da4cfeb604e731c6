"""Random sequences of model operations keep every invariant; save -> load -> save is byte-identical."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.io import dumps, loads
from argmap.model import Anchor, ArgumentMap, Kind, ModelError, Polarity, Relation, Source, Statement

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
OPS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "add_st",
                "add_rel",
                "remove",
                "update",
                "polarity",
                "retarget",
                "add_premise",
                "remove_premise",
                "move",
                "pin",
                "source",
                "anchor",
                "restore",
            ]
        ),
        st.integers(0, 1000),
        st.integers(0, 1000),
        st.integers(0, 1000),
        TEXT,
    ),
    max_size=60,
)


def pick(seq, i):
    seq = list(seq)
    return seq[i % len(seq)] if seq else None


def apply(m: ArgumentMap, op, a, b, c, text, counter, snaps):
    sts, rels = list(m.statements), list(m.relations)
    nid = f"e{counter}"
    if op == "add_st":
        m.add_statement(Statement(nid, text, list(Kind)[a % 3], title=text[:5]), (a - 500, b * 1.5) if c % 2 else None)
    elif op == "add_rel" and sts:
        prem = tuple(dict.fromkeys(pick(sts, a + k) for k in range(1 + c % 3)))
        target = pick(sts + rels, b)
        m.add_relation(Relation(nid, list(Polarity)[c % 2], prem, target))
    elif op == "remove" and (sts or rels):
        snaps.append(m.remove([pick(sts + rels, a)]))
    elif op == "restore" and snaps:
        m.restore(snaps.pop())
    elif op == "update" and sts:
        m.update_statement(
            pick(sts, a), text=text, kind=list(Kind)[b % 3], tags=(text[:3],) if c % 2 else (), implicit=b % 4 == 1
        )
    elif op == "polarity" and rels:
        m.set_polarity(pick(rels, a), list(Polarity)[b % 2])
    elif op == "retarget" and rels:
        m.retarget(pick(rels, a), pick(sts + rels, b))
    elif op == "add_premise" and rels and sts:
        m.add_premise(pick(rels, a), pick(sts, b))
    elif op == "remove_premise" and rels:
        r = m.relation(pick(rels, a))
        m.remove_premise(r.id, pick(r.premises, b))
    elif op == "move" and sts:
        m.move({pick(sts, a): (a * 0.37, -b * 1.01)})
    elif op == "pin" and sts:
        m.set_pinned([pick(sts, a)], bool(b % 2))
    elif op == "source":
        m.add_source(Source(nid, text + " tail", title=text[:4]))
    elif op == "anchor" and sts and m.sources:
        src = m.source(pick(m.sources, a))
        s, e = sorted((b % (len(src.text) + 1), c % (len(src.text) + 1)))
        m.set_anchors(pick(sts, a), [Anchor(src.id, s, e, src.text[s:e])])


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow])
@given(OPS)
def test_random_operations_keep_invariants_and_round_trip(ops):
    m = ArgumentMap("random")
    if len(ops) % 2:
        _ = m.graph  # half the runs keep a live networkx graph in step from the start
    snaps: list = []
    for counter, (op, a, b, c, text) in enumerate(ops):
        before = dumps(m)
        try:
            apply(m, op, a, b, c, text, counter, snaps)
        except ModelError:
            # a refused operation changes nothing at all
            assert dumps(m) == before
            if op == "restore":
                snaps.clear()
        m.check_invariants()
    saved = dumps(m)
    again = loads(saved, "random.argmap.json")
    again.check_invariants()
    assert dumps(again) == saved
