"""The .argmap.json format: one clear error per kind of bad input, deterministic and atomic saves, migration."""

import json
import os

import pytest

from argmap.io import MapFileError, dumps, load_map, loads, save_map
from argmap.io.native import FORMAT_NAME, FORMAT_VERSION, MIGRATIONS
from argmap.io.schema import json_schema
from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def doc(statements=(), relations=(), **extra):
    d = {
        "format": "argmap",
        "version": 2,
        "meta": {"title": "x"},
        "sources": [],
        "statements": list(statements),
        "relations": list(relations),
    }
    d.update(extra)
    return d


GOOD_ST = [{"id": "a", "kind": "conclusion", "text": "A"}, {"id": "b", "kind": "premise", "text": "B"}]


def write(tmp_path, content, name="m.argmap.json"):
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    elif isinstance(content, str):
        p.write_text(content, encoding="utf-8")
    else:
        p.write_text(json.dumps(content), encoding="utf-8")
    return p


def load_error(tmp_path, content) -> str:
    p = write(tmp_path, content)
    with pytest.raises(MapFileError) as info:
        load_map(p)
    msg = str(info.value)
    assert msg.startswith(str(p) + ": ") and "\n" not in msg and "Traceback" not in msg
    return msg


def test_bad_json_names_line_and_column(tmp_path):
    msg = load_error(tmp_path, '{\n  "format": "argmap",\n  "version": 2,,\n}')
    assert "line 3, column 16" in msg and "not valid JSON" in msg


def test_non_utf8_names_line(tmp_path):
    msg = load_error(tmp_path, b'{"format": "argmap",\n"version": 2, "meta": {"title": "caf\xe9"}}')
    assert "line 2" in msg and "not UTF-8" in msg


def test_not_a_map(tmp_path):
    assert "not an argmap map" in load_error(tmp_path, {"nodes": [], "edges": []})
    assert "not an argmap map" in load_error(tmp_path, [1, 2])


def test_newer_version_is_refused_clearly(tmp_path):
    msg = load_error(tmp_path, doc(version=FORMAT_VERSION + 1))
    assert ": version: " in msg and "newer" in msg
    assert msg.endswith(
        f"version {FORMAT_VERSION + 1} is newer than this argmap reads (up to 2); update argmap to open it"
    )


def test_wrong_type_names_json_path(tmp_path):
    msg = load_error(tmp_path, doc([{"id": "a", "kind": "premise", "text": 5}]))
    assert "statements[0].text" in msg


def test_unknown_kind_names_json_path(tmp_path):
    msg = load_error(tmp_path, doc([{"id": "a", "kind": "claim", "text": "A"}]))
    assert "statements[0].kind" in msg and "'claim'" in msg


def test_drawing_settings_in_meta_are_checked_and_kept(tmp_path):
    msg = load_error(tmp_path, doc(GOOD_ST, meta={"title": "x", "card_text": "sideways"}))
    assert "meta.card_text" in msg and "'titles'" in msg
    msg = load_error(tmp_path, doc(GOOD_ST, meta={"title": "x", "layout_direction": "RL"}))
    assert "meta.layout_direction" in msg
    p = write(tmp_path, doc(GOOD_ST, meta={"title": "x", "card_text": "titles", "layout_direction": "LR"}))
    m = load_map(p)
    assert m.meta["card_text"] == "titles" and m.meta["layout_direction"] == "LR"
    save_map(m, p)
    assert json.loads(p.read_text(encoding="utf-8"))["meta"] == {
        "title": "x",
        "card_text": "titles",
        "layout_direction": "LR",
    }
    m = load_map(write(tmp_path, doc(GOOD_ST, meta={"title": "x", "card_text": None})))
    assert "card_text" not in m.meta  # null: the default


def test_dangling_reference_names_json_path(tmp_path):
    msg = load_error(
        tmp_path, doc(GOOD_ST, [{"id": "r", "polarity": "support", "premises": ["b", "zz"], "target": "a"}])
    )
    assert "relations[0].premises[1]" in msg and "'zz'" in msg
    msg = load_error(tmp_path, doc(GOOD_ST, [{"id": "r", "polarity": "support", "premises": ["b"], "target": "gone"}]))
    assert "relations[0].target" in msg


def test_duplicate_id_names_both_places(tmp_path):
    msg = load_error(tmp_path, doc(GOOD_ST + [{"id": "a", "kind": "premise", "text": "again"}]))
    assert "statements[2].id" in msg and "statements[0]" in msg


def test_anchor_to_unknown_source(tmp_path):
    st = [{"id": "a", "kind": "premise", "text": "A", "anchors": [{"source": "s", "start": 0, "end": 1, "quote": "A"}]}]
    assert "statements[0].anchors[0].source" in load_error(tmp_path, doc(st))


def test_relation_without_premises(tmp_path):
    msg = load_error(tmp_path, doc(GOOD_ST, [{"id": "r", "polarity": "support", "premises": [], "target": "a"}]))
    assert "relations[0].premises" in msg


def test_file_over_size_limit(tmp_path):
    p = write(tmp_path, doc(GOOD_ST))
    with pytest.raises(MapFileError, match="over the limit"):
        load_map(p, limit=50)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(MapFileError, match="no such file"):
        load_map(tmp_path / "nope.argmap.json")
    with pytest.raises(MapFileError, match="folder"):
        load_map(tmp_path)


def test_deeply_nested_json_does_not_crash(tmp_path):
    msg = load_error(tmp_path, '{"format": "argmap", "version": 2, "meta": ' + "[" * 100000 + "]" * 100000 + "}")
    assert "nested too deeply" in msg or "meta" in msg


def test_version_0_is_migrated(tmp_path):
    assert 0 in MIGRATIONS
    old = {
        "format": "argmap",
        "version": 0,
        "statements": [{"id": "a", "type": "conclusion", "text": "A"}, {"id": "b", "type": "premise", "text": "B"}],
        "relations": [{"id": "r", "sign": "-", "from": "b", "to": "a"}],
    }
    m = load_map(write(tmp_path, old))
    assert m.statement("a").kind is Kind.CONCLUSION
    assert m.relation("r").polarity is Polarity.ATTACK and m.relation("r").premises == ("b",)


def test_version_1_opens_unchanged_with_every_statement_stated(tmp_path):
    assert FORMAT_VERSION == 2 and 1 in MIGRATIONS
    old = doc(GOOD_ST, [{"id": "r", "polarity": "support", "premises": ["b"], "target": "a"}], version=1)
    p = write(tmp_path, old)
    m = load_map(p)
    assert [st.implicit for st in m.statements.values()] == [False, False]
    assert [st.text for st in m.statements.values()] == ["A", "B"] and m.relation("r").premises == ("b",)
    save_map(m, p)
    saved = json.loads(p.read_text(encoding="utf-8"))
    assert saved["version"] == 2 and all("implicit" not in st for st in saved["statements"])


def test_implicit_statement_round_trips_and_is_written_only_when_true(tmp_path):
    m = ArgumentMap("Map")
    m.add_statement(Statement("a", "A", Kind.CONCLUSION))
    m.add_statement(Statement("b", "Unstated", implicit=True))
    p = write(tmp_path, dumps(m))
    saved = json.loads(p.read_text(encoding="utf-8"))["statements"]
    assert saved[1]["implicit"] is True and "implicit" not in saved[0]
    back = load_map(p)
    assert back.statement("b").implicit is True and back.statement("a").implicit is False
    assert dumps(back) == dumps(m)


def test_implicit_must_be_true_or_false(tmp_path):
    msg = load_error(tmp_path, doc([{"id": "a", "kind": "premise", "text": "A", "implicit": "yes"}]))
    assert "statements[0].implicit" in msg


def test_save_is_deterministic_and_round_trips(tmp_path):
    m = ArgumentMap("Map", "desc")
    m.add_statement(Statement("a", "Ünïcode “quotes” & <tags>", Kind.CONCLUSION, tags=("t",)), (1.234567, -2))
    m.add_statement(Statement("b", "B"))
    m.add_relation(Relation("r", Polarity.SUPPORT, ("b",), "a"), (3, 4))
    p1, p2 = tmp_path / "one.argmap.json", tmp_path / "two.argmap.json"
    save_map(m, p1)
    save_map(load_map(p1), p2)
    assert p1.read_bytes() == p2.read_bytes()
    text = p1.read_text(encoding="utf-8")
    assert text.endswith("}\n") and '\n  "version": 2,' in text and "Ünïcode" in text


def test_save_is_atomic_when_writing_fails(tmp_path, monkeypatch):
    m = ArgumentMap("Map")
    m.add_statement(Statement("a", "original"))
    p = tmp_path / "m.argmap.json"
    save_map(m, p)
    original = p.read_bytes()
    m.set_text("a", "changed")

    def boom(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(MapFileError, match="No space left"):
        save_map(m, p)
    assert p.read_bytes() == original
    assert [f.name for f in tmp_path.iterdir()] == ["m.argmap.json"]  # no temporary file left behind


def test_unwritable_folder_gives_one_line(tmp_path):
    m = ArgumentMap()
    with pytest.raises(MapFileError, match="cannot write"):
        save_map(m, tmp_path / "no" / "such" / "folder.argmap.json")


def test_schema_copy_in_repository_is_current():
    with open(os.path.join(ROOT, "docs", "argmap.schema.json"), encoding="utf-8") as f:
        assert json.load(f) == json_schema()
    assert set(json_schema()["$defs"]["StatementRecord"]["required"]) >= {"id", "kind", "text"}


def test_dumps_output_stable_for_unchanged_map():
    m = ArgumentMap("x")
    m.add_statement(Statement("a", "A"))
    assert dumps(m) == dumps(m)


def test_reference_errors_name_the_file_place_before_model_errors(tmp_path):
    """A dangling premise is named by its JSON path even when the map has a problem only the model sees
    (a relation targeting itself); a map with only the latter gets the model's message and the relation."""
    st = [{"id": "a", "kind": "premise", "text": "A"}, {"id": "b", "kind": "conclusion", "text": "B"}]
    rels = [
        {"id": "r1", "polarity": "support", "premises": ["a"], "target": "r1"},
        {"id": "r2", "polarity": "support", "premises": ["zz"], "target": "b"},
    ]
    assert load_error(tmp_path, doc(st, rels)).endswith(": relations[1].premises[0]: no statement with id 'zz'")
    msg = load_error(tmp_path, doc(st, rels[:1]))
    assert msg.endswith(": relations[0]: relation 'r1' cannot target itself")


def test_schema_names_the_format_and_version_the_writer_writes():
    props = json_schema()["properties"]
    assert props["format"]["const"] == FORMAT_NAME and props["version"]["const"] == FORMAT_VERSION


def test_schema_errors_word_what_is_wrong_and_where():
    text = '{"format": "argmap", "version": 2, "statements": [{"id": "a", "kind": "claim", "text": "A"}]}'
    with pytest.raises(MapFileError) as info:
        loads(text, "m.argmap.json")
    msg = str(info.value)
    assert msg.startswith("m.argmap.json: statements[0].kind: Input should be") and "'claim'" in msg
    text = (
        '{"format": "argmap", "version": 2, "statements": [{"id": "a", "kind": "premise", "text": "A", "colour": 1}]}'
    )
    with pytest.raises(MapFileError, match=r"^m.argmap.json: statements\[0\].colour: unknown field$"):
        loads(text, "m.argmap.json")


def test_valid_map_with_deeply_nested_metadata_loads(tmp_path):
    """Extra metadata kept from an import may nest deeper than pydantic's JSON parser goes: still a valid map."""
    deep = "[" * 400 + "]" * 400
    text = json.dumps(doc(GOOD_ST)).replace('"meta": {"title": "x"}', '"meta": {"title": "x", "deep": ' + deep + "}")
    m = load_map(write(tmp_path, text))
    assert list(m.statements) == ["a", "b"] and m.meta["title"] == "x"
    nested, depth = m.meta["deep"], 1
    while nested:
        nested, depth = nested[0], depth + 1
    assert depth == 400


def test_values_read_as_the_schema_types_them(tmp_path):
    st = [
        {
            "id": "a",
            "kind": "conclusion",
            "text": "A",
            "position": [1, -2],
            "pinned": True,
            "tags": ["t"],
            "meta": {"from": {"x": [1, 2.5, None]}},
        },
        {"id": "b", "kind": "evidence", "text": "B", "position": [0.5, 3]},
    ]
    rels = [{"id": "r", "polarity": "attack", "premises": ["b"], "target": "a", "kind": "rephrase", "position": [7, 8]}]
    m = load_map(write(tmp_path, doc(st, rels, meta={"title": "x", "author": "Ann"})))
    assert m.positions == {"a": (1.0, -2.0), "b": (0.5, 3.0), "r": (7.0, 8.0)}
    assert all(type(c) is float for p in m.positions.values() for c in p)
    assert set(m.pinned) == {"a"} and m.statement("a").tags == ("t",)
    assert m.statement("a").meta == {"from": {"x": [1, 2.5, None]}} and m.statement("b").kind is Kind.EVIDENCE
    assert m.relation("r").polarity is Polarity.ATTACK and m.relation("r").kind.value == "rephrase"
    assert m.meta["author"] == "Ann"


def test_bad_json_message_is_a_whole_sentence_that_says_the_file_is_damaged(tmp_path):
    # a file cut off inside a string: Python's own message ends "...starting at", the place left out
    msg = load_error(tmp_path, '{\n  "format": "argmap",\n  "meta": {"title": "Street tr')
    assert "line 3, column 21" in msg
    assert "damaged" in msg and "no closing quote" in msg
    assert not msg.rstrip().endswith((" at", ":"))
    assert "empty" in load_error(tmp_path, "\n")
