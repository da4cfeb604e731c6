"""Model records are frozen dataclasses: immutable, equal and hashed by their fields, copied with replace()."""

import copy
import dataclasses
import pickle

import pytest

from argmap.model import Anchor, Change, Kind, Polarity, Relation, RelationKind, Source, Statement


def test_records_cannot_change():
    st = Statement("a", "text")
    with pytest.raises(dataclasses.FrozenInstanceError):
        st.text = "other"
    with pytest.raises(dataclasses.FrozenInstanceError):
        del st.text
    # no attributes besides the fields (slots); Python before 3.12 says so with a TypeError
    with pytest.raises((AttributeError, TypeError)):
        st.extra = 1
    assert not hasattr(st, "__dict__")
    assert st.text == "text"


def test_equality_and_hash_follow_the_fields():
    a, b = Anchor("s", 0, 4, "quote"), Anchor("s", 0, 4, "quote")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Anchor("s", 0, 5, "quote")
    assert Source("x", "t") != Statement("x", "t")  # another class is never equal
    assert Anchor("s", 0, 1, "q") != ("s", 0, 1, "q")
    with pytest.raises(TypeError):  # meta is a dict: a statement is not hashable, as before
        hash(Statement("a", "t"))


def test_defaults_and_a_fresh_meta_per_record():
    st = Statement("a", "t")
    assert (st.kind, st.title, st.notes, st.tags, st.anchors, st.assessment) == (Kind.PREMISE, "", "", (), (), None)
    assert st.meta == {} and st.meta is not Statement("b", "t").meta
    rel = Relation("r", Polarity.SUPPORT, ("a",), "b")
    assert rel.kind is RelationKind.INFERENCE and not rel.linked and rel.meta == {}


def test_replace_keeps_other_fields_and_refuses_unknown_ones():
    st = Statement("a", "t", Kind.EVIDENCE, tags=("x",), meta={"k": 1})
    new = st.replace(text="u")
    assert new == Statement("a", "u", Kind.EVIDENCE, tags=("x",), meta={"k": 1}) and st.text == "t"
    assert new.meta is st.meta  # shallow, like dataclasses.replace
    with pytest.raises(TypeError):
        st.replace(colour="red")


def test_repr_names_every_field():
    assert repr(Anchor("s", 1, 2, "q")) == "Anchor(source_id='s', start=1, end=2, quote='q')"
    assert repr(Change("add", meta=True)).startswith("Change(op='add', added=frozenset()")


def test_copy_and_pickle_give_equal_records():
    rel = Relation("r", Polarity.ATTACK, ("a", "b"), "c", RelationKind.REPHRASE, title="T", meta={"m": [1]})
    for twin in (copy.copy(rel), copy.deepcopy(rel), pickle.loads(pickle.dumps(rel))):
        assert twin == rel and type(twin) is Relation
    assert copy.deepcopy(rel).meta is not rel.meta


def test_asdict_in_field_order():
    assert dataclasses.asdict(Source("s", "t", author="A")) == {
        "id": "s",
        "text": "t",
        "title": "",
        "author": "A",
        "url": "",
        "date": "",
    }
    assert list(dataclasses.asdict(Anchor("s", 0, 1, "q"))) == ["source_id", "start", "end", "quote"]


def test_new_ids_are_version_4_uuids_in_hex():
    import uuid

    from argmap.model import new_id

    ids = [new_id() for _ in range(500)]
    assert len(set(ids)) == 500
    for i in ids:
        u = uuid.UUID(i)
        assert (u.hex, u.version, u.variant) == (i, 4, uuid.RFC_4122)
