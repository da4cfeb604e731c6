"""Random argument maps for the layout's property tests, and what "further along the flow" means."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from argmap.measure import JUNCTION_SIZE
from argmap.model import ArgumentMap, Polarity, Relation, Statement

__all__ = ["SETTINGS", "below", "dags"]

SETTINGS = settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def dags(draw, max_statements: int = 24):
    """A random acyclic map (premises always come after their target), with
    linked relations (whose premises serve nothing else), undercuts, attacks,
    statements serving several targets, loose statements, and random card sizes."""
    n = draw(st.integers(1, max_statements))
    statements = [Statement(f"s{i}", f"text {i}") for i in range(n)]
    relations: list[Relation] = []
    by_id: dict[str, Relation] = {}
    in_linked: set[int] = set()  # premises of a linked relation are premises of nothing else
    used: set[int] = set()
    for k in range(draw(st.integers(0, 2 * n))):
        if n < 2:
            break
        t = draw(st.integers(0, n - 2))
        pol = draw(st.sampled_from([Polarity.SUPPORT, Polarity.ATTACK]))
        free = [i for i in range(t + 1, n) if i not in used]
        others = [i for i in range(t + 1, n) if i not in in_linked]
        linked = draw(st.booleans()) and len(free) >= 2 and draw(st.integers(0, 3)) == 0
        if linked:
            prem = draw(st.lists(st.sampled_from(free), min_size=2, max_size=3, unique=True))
            in_linked.update(prem)
        elif others:
            prem = [draw(st.sampled_from(others))]
        else:
            continue
        target = f"s{t}"
        if relations and draw(st.integers(0, 6)) == 0:  # an undercut of an earlier relation
            attacked = draw(st.sampled_from(relations))
            end = attacked.target
            while end.startswith("r"):
                end = by_id[end].target
            others = [i for i in range(int(end[1:]) + 1, n) if i not in in_linked]
            if others:
                prem = [draw(st.sampled_from(others))]
                target, pol = attacked.id, Polarity.ATTACK
        relations.append(Relation(f"r{k}", pol, tuple(f"s{i}" for i in prem), target))
        by_id[relations[-1].id] = relations[-1]
        used.update(prem)
    amap = ArgumentMap()
    amap.add_many(statements, relations)
    sizes = {f"s{i}": (draw(st.floats(40, 320)), draw(st.floats(20, 260))) for i in range(n)}
    sizes.update({r.id: (JUNCTION_SIZE, JUNCTION_SIZE) for r in relations})
    return amap, sizes


def below(a, b, direction):
    """Is point ``a`` further along the flow (further from the conclusions) than ``b``?"""
    if direction == "TB":
        return a[1] > b[1]
    if direction == "BT":
        return a[1] < b[1]
    return a[0] > b[0]
