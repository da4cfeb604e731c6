"""The hand-written fast check of .argmap.json documents agrees with the pydantic schema: same map, or it defers."""
import copy
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from argmap.io import MapFileError, fastload
from argmap.io.native import build_map, loads
from argmap.io.schema import MapDocument

IDS = st.text(st.sampled_from("abcS01_-é"), min_size=1, max_size=4)
TEXT = st.text(max_size=12)
NUM = st.one_of(st.integers(-10**6, 10**6), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False))
POSITION = st.one_of(st.none(), st.lists(NUM, min_size=2, max_size=2))
JSONISH = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), TEXT),
                       lambda c: st.one_of(st.lists(c, max_size=3), st.dictionaries(TEXT, c, max_size=3)), max_leaves=6)


def _optional(d: dict, draw, key: str, strategy) -> None:
    if draw(st.booleans()):
        d[key] = draw(strategy)


@st.composite
def documents(draw):
    """Valid documents (references mostly resolve), with every optional field sometimes present."""
    sources = []
    for sid in draw(st.lists(IDS, max_size=3, unique=True)):
        s = {"id": "src" + sid, "text": draw(TEXT)}
        for k in ("title", "author", "url", "date"):
            _optional(s, draw, k, TEXT)
        sources.append(s)
    sids = draw(st.lists(IDS, min_size=1, max_size=6, unique=True))
    statements = []
    for sid in sids:
        s = {"id": sid, "kind": draw(st.sampled_from(["conclusion", "premise", "evidence"])), "text": draw(TEXT)}
        _optional(s, draw, "title", TEXT)
        _optional(s, draw, "notes", TEXT)
        _optional(s, draw, "tags", st.lists(TEXT, max_size=3))
        if sources and draw(st.booleans()):
            anchors = []
            for _ in range(draw(st.integers(1, 2))):
                a = draw(st.integers(0, 50))
                anchors.append({"source": draw(st.sampled_from(sources))["id"], "start": a,
                                "end": a + draw(st.integers(0, 9)), "quote": draw(TEXT)})
            s["anchors"] = anchors
        _optional(s, draw, "assessment", st.sampled_from([None, "accepted", "rejected", "undecided"]))
        _optional(s, draw, "position", POSITION)
        _optional(s, draw, "pinned", st.booleans())
        _optional(s, draw, "meta", st.dictionaries(TEXT, JSONISH, max_size=2))
        statements.append(s)
    relations = []
    for k in range(draw(st.integers(0, 5))):
        prem = draw(st.lists(st.sampled_from(sids), min_size=1, max_size=2, unique=True))
        targets = [x for x in sids if x not in prem] + [r["id"] for r in relations]
        if not targets:
            break
        r = {"id": f"R{k}", "polarity": draw(st.sampled_from(["support", "attack"])), "premises": prem,
             "target": draw(st.sampled_from(targets))}
        _optional(r, draw, "kind", st.sampled_from(["inference", "rephrase", "preference"]))
        for key in ("title", "notes", "scheme"):
            _optional(r, draw, key, TEXT)
        _optional(r, draw, "assessment", st.sampled_from([None, "strong", "weak", "none"]))
        _optional(r, draw, "position", POSITION)
        _optional(r, draw, "pinned", st.booleans())
        _optional(r, draw, "meta", st.dictionaries(TEXT, JSONISH, max_size=2))
        relations.append(r)
    doc = {"format": "argmap", "version": 1}
    if draw(st.booleans()):
        meta = {}
        _optional(meta, draw, "title", TEXT)
        _optional(meta, draw, "description", TEXT)
        meta.update(draw(st.dictionaries(st.sampled_from(["author", "lang", "x"]), JSONISH, max_size=2)))
        doc["meta"] = meta
    for key, items in (("sources", sources), ("statements", statements), ("relations", relations)):
        if items or draw(st.booleans()):
            doc[key] = items
    return doc


ODD_VALUES = [None, True, False, 0, 1, -1, 2 ** 70, 1.0, 1.5, -0.5, math.nan, math.inf, -math.inf, "", "x",
              "conclusion", "premise", "support", "attack", "inference", "accepted", "strong", "argmap", [], {},
              [1, 2], [1.0, 2.0], [True, 1], [1, 2, 3], ["a"], ["a", "a"], [None], {"a": 1}, {"title": 5}]
ODD_KEYS = ["extra", "model_config", "model_dump", "_private", "Id", "type", "from", "sign", "position", "pinned",
            "kind", "title", "meta", "quote", "start"]


def _containers(node, path=()):
    yield path, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _containers(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _containers(v, path + (i,))


@st.composite
def mutated(draw):
    doc = copy.deepcopy(draw(documents()))
    for _ in range(draw(st.integers(1, 3))):
        places = [(p, n) for p, n in _containers(doc) if isinstance(n, (dict, list))]
        path, node = draw(st.sampled_from(places))
        what = draw(st.sampled_from(["set", "delete", "add"]))
        if isinstance(node, dict):
            if what == "add" or not node:
                node[draw(st.sampled_from(ODD_KEYS))] = copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))
            elif what == "delete":
                del node[draw(st.sampled_from(sorted(node, key=str)))]
            else:
                node[draw(st.sampled_from(sorted(node, key=str)))] = copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))
        elif node and what != "add":
            i = draw(st.integers(0, len(node) - 1))
            if what == "delete":
                del node[i]
            else:
                node[i] = copy.deepcopy(draw(st.sampled_from(ODD_VALUES)))
        else:
            node.append(copy.deepcopy(draw(st.sampled_from(ODD_VALUES))))
    return doc


def _outcome(doc):
    """The map built from ``doc``'s records (or the one-line error), comparable across both paths."""
    try:
        m = build_map(doc, "m.argmap.json")
    except MapFileError as e:
        return ("error", str(e))
    return (list(m.statements.items()), list(m.relations.items()), list(m.sources.items()), dict(m.positions),
            set(m.pinned), dict(m.meta))


def _agree(doc) -> bool:
    """Both paths give the same map when the fast one answers; True when it answered."""
    fast = fastload.records(copy.deepcopy(doc))
    try:
        slow = MapDocument.model_validate(copy.deepcopy(doc))
    except ValidationError:
        slow = None
    if fast is None:
        return False
    assert slow is not None, f"fast path accepted what the schema refuses: {doc!r}"
    assert _outcome(fast) == _outcome(slow)
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_valid_documents_take_the_fast_path_and_build_the_same_map(doc):
    assert _agree(doc), f"fast path deferred on a plain valid document: {doc!r}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(mutated())
def test_mutated_documents_same_map_or_fast_path_defers(doc):
    _agree(doc)


def test_fast_path_defers_on_values_pydantic_must_judge():
    base = {"format": "argmap", "version": 1, "statements": [{"id": "a", "kind": "premise", "text": "A"}]}
    assert fastload.records(base) is not None
    for field, value in [("position", [math.nan, 0]), ("position", [True, 1]), ("pinned", 1), ("text", None),
                         ("kind", "claim"), ("id", ""), ("anchors", [{"source": "s", "start": -1, "end": 2,
                                                                      "quote": ""}]), ("tags", "t")]:
        doc = copy.deepcopy(base)
        doc["statements"][0][field] = value
        assert fastload.records(doc) is None, (field, value)
    doc = copy.deepcopy(base)
    doc["meta"] = {"model_config": 1}
    assert fastload.records(doc) is None


def test_loads_errors_still_come_from_the_schema():
    text = '{"format": "argmap", "version": 1, "statements": [{"id": "a", "kind": "claim", "text": "A"}]}'
    try:
        loads(text, "m.argmap.json")
    except MapFileError as e:
        assert str(e).startswith("m.argmap.json: statements[0].kind: Input should be") and "'claim'" in str(e)
    else:
        raise AssertionError("a bad kind was accepted")
