"""Argdown import: conformance with argdown-cli's JSON, argmap -> Argdown -> argmap round trips, bad input."""

import json

import pytest

from argmap.io import MapFileError, read_any, write_any
from argmap.io.argdown import loads_result, parse_text
from argmap.io.argdown_writer import dumps
from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement


def model_triples(model):
    """(classes, arguments, relations) of our Argdown model, named as argdown-cli names them."""

    def name(el):
        return f"{el.argument}@{el.index}" if el.kind == "inference" else el.title

    rels = sorted((name(r.source), r.source.kind, r.type, name(r.target), r.target.kind) for r in model.relations)
    return sorted(model.statements), sorted(model.arguments), rels


def json_triples(doc):
    def to(r):
        return f"{r['to']}@{r['conclusionIndex']}" if r.get("toType") == "inference" else r["to"]

    rels = sorted((r["from"], r["fromType"], r["relationType"], to(r), r["toType"]) for r in doc["relations"])
    return sorted(doc["statements"]), sorted(doc["arguments"]), rels


def shared_files(shared_dir):
    files = sorted((shared_dir / "interop" / "argdown").glob("*.argdown"))
    assert files, "no Argdown files in ../shared/interop/argdown"
    return files


def test_import_matches_argdown_cli_for_every_shared_file(shared_dir):
    for path in shared_files(shared_dir):
        ours = model_triples(parse_text(path.read_text(encoding="utf-8"), str(path)))
        ref = json_triples(json.loads(path.with_name(path.stem + ".argdown-cli.json").read_text(encoding="utf-8")))
        assert ours[0] == ref[0], f"{path.name}: statement classes differ"
        assert ours[1] == ref[1], f"{path.name}: arguments differ"
        assert ours[2] == ref[2], f"{path.name}: relations differ"


def test_argmap_import_has_one_statement_per_class_and_argument(shared_dir):
    for path in shared_files(shared_dir):
        ref = json.loads(path.with_name(path.stem + ".argdown-cli.json").read_text(encoding="utf-8"))
        result = read_any(path)
        titles = {
            s.title or s.meta["argdown"].get("title")
            for s in result.map.statements.values()
            if not s.meta["argdown"].get("argument")
        }
        assert titles == set(ref["statements"]), path.name
        plain_args = {a for a, v in ref["arguments"].items() if not v["pcs"]}
        arg_statements = {
            s.title or s.meta["argdown"].get("title")
            for s in result.map.statements.values()
            if s.meta["argdown"].get("argument")
        }
        assert arg_statements == plain_args, path.name
        assert result.report.counts["statement classes"] == len(ref["statements"])


def test_export_of_shared_files_reimports_to_the_same_classes_arguments_relations(shared_dir, tmp_path):
    for path in shared_files(shared_dir):
        first = read_any(path).map
        out = tmp_path / (path.stem + ".argdown")
        write_any(first, out)
        again = model_triples(parse_text(out.read_text(encoding="utf-8"), str(out)))
        assert again == model_triples(parse_text(path.read_text(encoding="utf-8"))), path.name


def test_premise_conclusion_structure_gives_chained_linked_relations():
    text = (
        "<Arg>: Why.\n\n(1) [P1]: One.\n(2) [P2]: Two.\n-- Modus ponens --\n(3) [C1]: Mid.\n(4) [P3]: Three.\n"
        "----\n(5) [C2]: End.\n\n[U]: But.\n  _> <Arg>\n"
    )
    m = loads_result(text).map
    by_title = {s.title: s for s in m.statements.values()}
    rels = [r for r in m.relations.values() if r.meta.get("argdown", {}).get("argument") == "Arg"]
    assert [len(r.premises) for r in rels] == [2, 2]
    first, last = rels
    assert set(first.premises) == {by_title["P1"].id, by_title["P2"].id} and first.target == by_title["C1"].id
    assert set(last.premises) == {by_title["C1"].id, by_title["P3"].id} and last.target == by_title["C2"].id
    assert first.scheme == "Modus ponens" and last.title == "Arg" and last.notes == "Why."
    undercut = next(r for r in m.relations.values() if r.premises == (by_title["U"].id,))
    assert undercut.polarity is Polarity.ATTACK and undercut.target == last.id
    assert by_title["C2"].kind is Kind.CONCLUSION and by_title["P1"].kind is Kind.PREMISE


def test_relation_forms_front_matter_tags_and_formatting():
    text = (
        "===\ntitle: Debate\nauthor: Me\n===\n\n# Part one\n\n[A]: **Bold** and _it_ with @[B] #pro #(two words)\n"
        "  + [B]: b\n  - <O>: objection\n  >< [N]: not a\n  <+ [E]: data #evidence\n\n[A]\n  -> [X]: x\n"
    )
    result = loads_result(text)
    m = result.map
    assert m.meta["title"] == "Debate" and m.meta["argdown"] == {"author": "Me"}
    st = {s.title: s for s in m.statements.values()}
    assert st["A"].text == "Bold and it with @[B]" and st["A"].tags == ("pro", "two words")
    assert st["A"].meta["argdown"]["section"] == "Part one"
    assert st["E"].kind is Kind.EVIDENCE and st["A"].kind is Kind.CONCLUSION and st["B"].kind is Kind.PREMISE
    assert st["X"].kind is Kind.CONCLUSION
    assert st["O"].meta["argdown"]["argument"] is True and st["O"].text == "objection"
    pairs = {
        (m.statements[r.premises[0]].title, m.statements[r.target].title, r.polarity.value)
        for r in m.relations.values()
    }
    assert pairs == {
        ("B", "A", "support"),
        ("O", "A", "attack"),
        ("A", "N", "attack"),
        ("N", "A", "attack"),
        ("E", "A", "support"),
        ("A", "X", "attack"),
    }
    assert any("two attacks" in n for n in result.report.notes)
    assert any("bold/italic" in n for n in result.report.notes)


def sample_map():
    m = ArgumentMap("Round trip")

    def st(i, text, kind, title="", tags=()):
        return Statement(f"s{i}", text, kind, title, tags=tags)

    statements = [
        st(1, "Cities should plant trees.", Kind.CONCLUSION, "Plant"),
        st(2, "Trees cool streets by 2°C [sic] <see> *this* _now_ #1 // not a comment", Kind.PREMISE),
        st(3, "Shade lowers energy use.", Kind.PREMISE, "Shade", ("pro",)),
        st(4, "A 2019 study measured it.", Kind.EVIDENCE),
        st(5, "Roots break pavements.", Kind.PREMISE, "Roots"),
        st(6, "Root barriers exist.", Kind.PREMISE),
        st(7, "Maintenance is costly.", Kind.PREMISE),
        st(8, "Budgets are tight.", Kind.PREMISE),
        st(9, "The study was in another climate.", Kind.PREMISE),
        st(10, "A lone claim the author asserts.", Kind.CONCLUSION),
    ]
    relations = [
        Relation("r1", Polarity.SUPPORT, ("s2", "s3"), "s1"),  # linked support
        Relation("r2", Polarity.SUPPORT, ("s4",), "s2"),
        Relation("r3", Polarity.ATTACK, ("s5",), "s1"),
        Relation("r4", Polarity.ATTACK, ("s6",), "r3"),  # undercut of an attack
        Relation("r5", Polarity.ATTACK, ("s7", "s8"), "s1"),  # linked attack
        Relation("r6", Polarity.ATTACK, ("s9",), "r2"),  # undercut of a support
    ]
    m.add_many(statements, relations)
    return m


def signature(m):
    def key(sid):
        return m.statements[sid].title or m.statements[sid].text

    def rel_key(r):
        target = rel_key(m.relations[r.target]) if r.target in m.relations else key(r.target)
        return (frozenset(key(p) for p in r.premises), target, r.polarity.value)

    statements = sorted((key(s.id), s.text, s.kind.value, s.tags) for s in m.statements.values())
    return statements, sorted(map(repr, (rel_key(r) for r in m.relations.values())))


def test_round_trip_keeps_statements_kinds_relations_linked_premises_and_undercuts(tmp_path):
    m = sample_map()
    path = tmp_path / "trees.argdown"
    write_any(m, path)
    back = read_any(path).map
    assert signature(back) == signature(m)
    assert back.meta["title"] == "Round trip"
    assert dumps(back) == path.read_text(encoding="utf-8")  # stable output


def test_export_is_deterministic():
    assert dumps(sample_map()) == dumps(sample_map())


@pytest.mark.parametrize(
    "data, where",
    [
        (b"[A]: text\n  + [B]: b\n\n- C\n", "line 4, column 1"),
        (b"(1) A\n(2) B\n", "line 3, column 1"),
        (b"[A]: this _never ends\n", "line 1, column 11"),
        (b"<A>: x\n\n(1) a\n----\n(2) b\n\n<A>\n\n(1) c\n----\n(2) d\n", "line 9, column 1"),
        (b"[A]: text {bad: [yaml}\n", "line 1"),
    ],
)
def test_malformed_argdown_gives_one_line_with_file_line_and_column(tmp_path, data, where):
    path = tmp_path / "bad.argdown"
    path.write_bytes(data)
    with pytest.raises(MapFileError) as err:
        read_any(path)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith(f"{path}: {where}")


def test_hostile_input_never_raises_anything_but_map_file_error(tmp_path):
    primer = b"[A]: text\n  + [B]: b\n    - <C>: c\n\n<D>\n\n(1) x\n(2) y\n----\n(3) z\n"
    cases = [primer[:n] for n in range(1, len(primer), 3)]
    cases += [bytes(range(256)), b"\xff\xfe\x00garbage", b"\x00" * 10, b"\\", b"[A]: a\\\n"]
    cases.append(b"[A]: a\n" + b"".join(b"  " * i + b"+ [X%d]: x\n" % i for i in range(1, 400)))
    cases.append(b"[A]: " + b"**" * 2000 + b"\n")
    for i, data in enumerate(cases):
        path = tmp_path / f"h{i}.ad"
        path.write_bytes(data)
        try:
            read_any(path)
        except MapFileError as e:
            assert "\n" not in str(e) and str(e).startswith(str(path))


def test_empty_file_is_an_empty_map(tmp_path):
    path = tmp_path / "empty.argdown"
    path.write_text("\n\n", encoding="utf-8")
    result = read_any(path)
    assert len(result.map.statements) == 0 and result.report.notes


def test_drawing_settings_travel_in_argdowns_own_front_matter():
    m = ArgumentMap("Trees")
    m.add_many(
        [Statement("c", "Plant trees.", Kind.CONCLUSION, title="Plant"), Statement("p", "Shade cools.")],
        [Relation("r", Polarity.SUPPORT, ("p",), "c")],
    )
    m.set_meta(card_text="titles", layout_direction="LR")
    text = dumps(m)
    front = text.split("===")[1]
    assert "statementLabelMode: title" in front and "rankdir: LR" in front  # what Argdown's map view reads
    back = loads_result(text).map
    assert back.meta["card_text"] == "titles" and back.meta["layout_direction"] == "LR"
    plain = loads_result("[A]: a.\n  + b.\n").map
    assert "card_text" not in plain.meta and "layout_direction" not in plain.meta
    odd = loads_result(
        "===\nmap:\n  statementLabelMode: text\ndot:\n  graphVizSettings:\n    rankdir: RL\n===\n\n[A]: a.\n"
    ).map
    assert "card_text" not in odd.meta and "layout_direction" not in odd.meta  # nothing argmap can show


def implicit_map():
    m = ArgumentMap("Unstated")
    m.add_many(
        [
            Statement("c", "Socrates is mortal.", Kind.CONCLUSION, "Mortal"),
            Statement("p", "Socrates is a man.", Kind.PREMISE),
            Statement("u", "All men are mortal.", Kind.PREMISE, "Men die", tags=("classic",), implicit=True),
        ],
        [Relation("r", Polarity.SUPPORT, ("p", "u"), "c")],
    )
    return m


def test_an_implicit_premise_travels_as_the_tag_implicit(tmp_path):
    m = implicit_map()
    path = tmp_path / "socrates.argdown"
    write_any(m, path)
    text = path.read_text(encoding="utf-8")
    assert "[Men die]: All men are mortal. #classic #implicit" in text
    back = read_any(path).map
    (u,) = [s for s in back.statements.values() if s.title == "Men die"]
    assert u.implicit is True and u.tags == ("classic",)  # the flag, not a tag, in argmap
    assert [s.implicit for s in back.statements.values()].count(True) == 1
    assert signature(back) == signature(m)


def test_another_argdown_users_implicit_premises_are_read_as_implicit():
    text = """# Unstated

<Mortality>

(1) [Man]: Socrates is a man.
(2) [Rule]: All men are mortal. #Implicit
----
(3) [Mortal]: Socrates is mortal.

[Greek]: Socrates is Greek. {implicit: true}
  +> [Mortal]
"""
    m = loads_result(text).map
    by_title = {s.title: s for s in m.statements.values()}
    assert by_title["Rule"].implicit and by_title["Greek"].implicit and not by_title["Man"].implicit
    assert by_title["Rule"].tags == () and "data" not in by_title["Greek"].meta["argdown"]


def test_plain_text_has_single_spaces_whatever_the_whitespace_it_was_written_with():
    import random

    from argmap.io.argdown_model import AStatement

    rng = random.Random(14)
    pieces = ["a", "bc", " ", "  ", "\t", "\n", "\xa0", "\u2028", "\u3000", "\x1f", "é", "*"]
    for _ in range(2000):
        st = AStatement("premise", 0)
        st.text = ["".join(rng.choice(pieces) for _ in range(rng.randrange(4))) for _ in range(rng.randrange(4))]
        written = "".join(st.text)
        assert st.plain() == " ".join(written.split()), written
