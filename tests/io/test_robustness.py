"""Files no reader should choke on: each is read, or refused in one line naming the file and the place."""

from pathlib import Path

import pytest

from argmap.io import MapFileError, read_any


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("encoding", ["UTF-NaN", "UTF-16", "latin-1"])
def test_xml_declaring_another_encoding_is_read_as_the_utf8_it_is(tmp_path, encoding):
    path = write(
        tmp_path,
        "m.xml",
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<arggraph id="m"><edu id="e1">Ça va.</edu><adu id="a1" type="pro"/>'
        '<edge id="c1" src="e1" trg="a1" type="seg"/></arggraph>\n',
    )
    assert read_any(path).map.statements["a1"].text == "Ça va."


def microtext(tmp_path: Path, edus: list[str], edges: str, text: str | None = None, adus: int = 1) -> Path:
    xml = (
        '<arggraph id="m">'
        + "".join(f'<edu id="e{i}">{t}</edu>' for i, t in enumerate(edus, 1))
        + "".join(f'<adu id="a{i}" type="pro"/>' for i in range(1, adus + 1))
        + edges
        + "</arggraph>"
    )
    if text is not None:
        write(tmp_path, "m.txt", text)
    return write(tmp_path, "m.xml", xml)


def test_microtext_joints_whose_segments_loop_are_followed_once(tmp_path):
    joints = [f"j{i}" for i in range(8)]
    edges = "".join(f'<joint id="{j}"/>' for j in joints)
    edges += '<edge id="s1" src="e1" trg="j0" type="seg"/><edge id="s2" src="e2" trg="j7" type="seg"/>'
    edges += "".join(f'<edge id="l{a}{b}" src="{a}" trg="{b}" type="seg"/>' for a in joints for b in joints)
    edges += '<edge id="t" src="j3" trg="a1" type="seg"/>'
    path = microtext(tmp_path, ["First part,", "second part."], edges, "First part, second part.")
    st = read_any(path).map.statements["a1"]
    assert st.text == "First part, second part." and st.meta["microtext"]["edus"] == ["e1", "e2"]


def test_microtext_segments_are_found_whatever_the_whitespace(tmp_path):
    edus = ["One  two", "three ,four", "five", "nowhere"]
    edges = "".join(f'<edge id="s{i}" src="e{i}" trg="a{i}" type="seg"/>' for i in range(1, 5))
    path = microtext(tmp_path, edus, edges, "One\n two three, four five", adus=4)
    result = read_any(path)
    m = result.map
    quotes = [m.statements[f"a{i}"].anchors for i in range(1, 5)]
    assert [a[0].quote for a in quotes[:3]] == ["One\n two", "three, four", "five"] and quotes[3] == ()
    assert any("1 EDUs not found" in note and "e4" in note for note in result.report.notes)


def test_microtext_with_many_segments_missing_from_a_long_text(tmp_path):
    needle = " ".join(["word"] * 50) + " x"
    edges = "".join(f'<edge id="s{i}" src="e{i}" trg="a{i}" type="seg"/>' for i in range(1, 301))
    path = microtext(tmp_path, [needle] * 300, edges, "word " * 40_000, adus=300)
    result = read_any(path)
    assert len(result.map.statements) == 300 and not any(s.anchors for s in result.map.statements.values())


def argmap_json(statements: str = '[{"id": "a", "kind": "conclusion", "text": "t"}]', meta: str = "{}") -> str:
    return f'{{"format": "argmap", "version": 1, "meta": {meta}, "statements": {statements}, "relations": []}}'


@pytest.mark.parametrize(
    "name, text, place, says",
    [
        ("m.argmap.json", argmap_json(meta='{"x": NaN}'), "meta.x", "NaN"),
        ("m.argmap.json", argmap_json(meta='{"x": [1, -Infinity]}'), "meta.x[1]", "Infinity"),
        ("m.argmap.json", argmap_json(meta='{"x": {"y": 1e999}}'), "meta.x.y", "Infinity"),
        (
            "m.argmap.json",
            argmap_json('[{"id": "a", "kind": "premise", "text": "t", "meta": {"q": NaN}}]'),
            "statements[0].meta.q",
            "NaN",
        ),
        (
            "m.argmap.json",
            argmap_json('[{"id": "a", "kind": "premise", "text": "t\\ud800"}]'),
            "statements[0].text",
            "lone surrogate",
        ),
        (
            "m.argmap.json",
            argmap_json('[{"id": "a", "kind": "premise", "text": "t", "position": [NaN, 0]}]'),
            "statements[0].position",
            "NaN",
        ),
        ("m.argmap.json", argmap_json(meta='{"n": ' + "9" * 5000 + "}"), "", "digits"),
        (
            "m.json",
            '{"nodes": [{"nodeID": 1, "type": "I", "text": "a\\udfff"}], "edges": []}',
            "nodes[0].text",
            "lone surrogate",
        ),
        (
            "m.json",
            '{"nodes": [{"nodeID": 1, "type": "I", "text": "a", "argmap": {"anchors": [{"source": "s", '
            '"start": 1e999, "end": 2}]}}], "edges": [], "argmap": {"sources": [{"id": "s", "text": "abc"}]}}',
            "nodes[0].argmap.anchors[0].start",
            "Infinity",
        ),
        (
            "m.json",
            '{"nodes": [{"nodeID": 1, "type": "I", "text": "a"}], "edges": [], "locutions": [{"x": NaN}]}',
            "locutions[0].x",
            "NaN",
        ),
    ],
)
def test_numbers_and_text_a_file_cannot_hold_are_refused_where_they_are(tmp_path, name, text, place, says):
    path = write(tmp_path, name, text)
    with pytest.raises(MapFileError) as e:
        read_any(path)
    assert e.value.place.startswith(place) and says in e.value.message


def test_a_surrogate_pair_escape_is_text(tmp_path):
    path = write(tmp_path, "m.argmap.json", argmap_json('[{"id": "a", "kind": "premise", "text": "\\ud83d\\ude00"}]'))
    assert read_any(path).map.statements["a"].text == "\U0001f600"


def test_error_lines_are_short_and_print_no_control_characters(tmp_path):
    long_id = "x" * 100_000
    path = write(
        tmp_path,
        "m.argmap.json",
        '{"format": "argmap", "version": 1, "statements": [{"id": "a", "kind": "premise", "text": "t"}], '
        f'"relations": [{{"id": "r", "polarity": "support", "premises": ["{long_id}\\u001b[2J"], '
        '"target": "a"}]}',
    )
    with pytest.raises(MapFileError) as e:
        read_any(path)
    line = str(e.value)
    assert len(line) < 600 and "…" in line and "\x1b" not in line and "\n" not in line
    assert line.startswith(f"{path}: relations[0]")


@pytest.mark.parametrize("sign", ['["+"]', '{"+": 1}', "1", '"x"'])
def test_a_version_0_sign_that_is_not_plus_or_minus_is_refused_in_one_line(tmp_path, sign):
    path = write(
        tmp_path,
        "m.argmap.json",
        '{"format": "argmap", "version": 0, "statements": [{"id": "a", "type": "conclusion", "text": "x"}, '
        f'{{"id": "b", "type": "premise", "text": "y"}}], "relations": [{{"id": "r", "from": "b", "to": "a", '
        f'"sign": {sign}}}]}}',
    )
    with pytest.raises(MapFileError) as e:
        read_any(path)
    assert e.value.place == "relations[0].polarity"


def test_ova_text_with_unclosed_angle_brackets(tmp_path):
    import json

    text = "<p>Hello &amp; welcome</p><div>x < y</div>" + "<" * 200_000
    path = write(
        tmp_path,
        "m.json",
        json.dumps({"nodes": [{"nodeID": 1, "type": "I", "text": "Hello"}], "edges": [], "text": text}),
    )
    (src,) = read_any(path).map.sources.values()
    assert src.text == "Hello & welcome\nx < y\n" + "<" * 200_000


@pytest.mark.parametrize(
    "yml, place, says",
    [
        (
            "statements:\n  1: one\n  '1': string one\narguments:\n  a1: {conclusion: 1, premises: ['1']}\n",
            "line 3",
            "given twice",
        ),
        ("statements: {a: x}\narguments: {}\ntests: {in: [a]}\nnotes: {1: x, '1': y}\n", "line 4", "given twice"),
        ("statements: !!set {a: null}\n", "line 1", "!!set"),
        ("statements:\n  a: x\n  b: !!timestamp 2020-01-01\n", "line 3", "!!timestamp"),
        ("statements:\n  a: .nan\n", "line 2", "finite"),
        ('statements:\n  a: "\\ud800"\n', "line 2", ""),
    ],
)
def test_carneades_values_that_are_not_plain_data_are_refused_by_line(tmp_path, yml, place, says):
    with pytest.raises(MapFileError) as e:
        read_any(write(tmp_path, "c.yml", yml))
    assert e.value.place.startswith(place) and says in e.value.message


def test_carneades_dates_are_kept_as_written(tmp_path):
    path = write(
        tmp_path,
        "c.yml",
        "meta: {written: 2020-01-01}\nstatements:\n  2020-01-02: a date as an id\n"
        "arguments:\n  a1: {conclusion: 2020-01-02, premises: [p]}\n",
    )
    m = read_any(path).map
    assert "2020-01-02" in m.statements and m.meta["carneades"]["written"] == "2020-01-01"


def test_outlines_drop_control_characters():
    from argmap.io.outline import markdown_outline, text_outline
    from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement

    amap = ArgumentMap("Title\x1b[2J", "Desc\x00ription")
    amap.add_many(
        [
            Statement("c", "Clear\x1b]0;pwned\x07 screens", Kind.CONCLUSION, title="Bell\x07"),
            Statement("p", "Nul\x00 and\x7f del\x9b", Kind.PREMISE),
        ],
        [Relation("r", Polarity.SUPPORT, ("p",), "c")],
    )
    for outline in (markdown_outline(amap), text_outline(amap)):
        assert not [c for c in outline if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F]
        assert "0;pwned screens" in outline and "Nul and del" in outline


def graphml(order: str = "0", meta: str = "", node_meta: str = "{}") -> str:
    graph_meta = f'<data key="gm">{meta}</data>' if meta else ""
    return (
        '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="gm" for="graph" attr.name="meta" attr.type="string"/>'
        '<key id="s" for="node" attr.name="sort" attr.type="string"/>'
        '<key id="t" for="node" attr.name="text" attr.type="string"/>'
        '<key id="m" for="node" attr.name="meta" attr.type="string"/>'
        '<key id="o" for="edge" attr.name="order" attr.type="string"/>'
        f'<graph edgedefault="directed">{graph_meta}'
        '<node id="a"><data key="s">statement</data><data key="t">A</data></node>'
        f'<node id="b"><data key="s">statement</data><data key="t">B</data><data key="m">{node_meta}</data></node>'
        '<node id="r"><data key="s">relation</data></node>'
        f'<edge source="b" target="r"><data key="o">{order}</data></edge><edge source="r" target="a"/>'
        "</graph></graphml>"
    )


@pytest.mark.parametrize(
    "text, place, says",
    [
        (graphml(order="abc"), "<edge>", "order must be a whole number"),
        (graphml(node_meta='{"x": NaN}'), "", "node b: meta.x: NaN"),
    ],
)
def test_graphml_values_that_are_not_numbers_or_plain_data(tmp_path, text, place, says):
    with pytest.raises(MapFileError) as e:
        read_any(write(tmp_path, "g.graphml", text))
    assert e.value.place.startswith(place) and says in e.value.message


def test_graphml_keeps_map_metadata(tmp_path):
    from argmap.io import write_any
    from argmap.model import ArgumentMap, Kind, Statement

    amap = ArgumentMap("T", "D")
    amap.add_statement(Statement("c", "C", Kind.CONCLUSION))
    amap.set_meta(layout_direction="LR", card_text="titles", carneades={"tests": {"in": ["c"]}}, stance="pro")
    write_any(amap, tmp_path / "m.graphml")
    again = read_any(tmp_path / "m.graphml").map
    assert dict(again.meta) == dict(amap.meta)


def test_graphml_map_metadata_the_drawing_cannot_use_is_left_out(tmp_path):
    text = graphml(meta='{"layout_direction": "diagonal", "card_text": "titles", "title": "no"}')
    meta = read_any(write(tmp_path, "g.graphml", text)).map.meta
    assert "layout_direction" not in meta and meta["card_text"] == "titles" and meta.get("title", "") == ""


@pytest.mark.parametrize("run", ["[", "<", "@[", "@<", "#(", "{", "<!--", "/*", "//", "===", "[x](", "[\n", "{},"])
def test_argdown_runs_of_opening_characters(tmp_path, run):
    """Each opening character once looked for its closer to the end of the line or the text."""
    from argmap.io.argdown_lexer import normalise, tokenize

    text = run * (60_000 // len(run))
    assert tokenize(normalise(text))[-1][0] == "EOF"
    try:
        read_any(write(tmp_path, "a.argdown", text))
    except MapFileError as e:
        assert len(str(e)) < 600


def test_argdown_titles_made_unique_by_number(tmp_path):
    from argmap.io import write_any
    from argmap.model import ArgumentMap, Kind, Statement

    amap = ArgumentMap()
    amap.add_many([Statement(f"s{i}", f"Text {i}", Kind.PREMISE, title="Same") for i in range(300)])
    write_any(amap, tmp_path / "m.argdown")
    titles = [line.split("]")[0] for line in (tmp_path / "m.argdown").read_text().splitlines() if line.startswith("[")]
    assert titles == ["[Same"] + [f"[Same ({k})" for k in range(2, 301)]


@pytest.mark.parametrize(
    "text, says",
    [
        (
            "===\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n===\n\n[s]: t\n",
            "alias",
        ),
        ("[s]: t {a: &a [x, x], b: [*a, *a]}\n", "alias"),
        ("===\nx: !!python/object/apply:os.system [echo]\n===\n\n[s]: t\n", "!!python"),
        ("[s]: t {n: .nan}\n", "finite"),
    ],
)
def test_argdown_yaml_is_plain_data(tmp_path, text, says):
    with pytest.raises(MapFileError) as e:
        read_any(write(tmp_path, "a.argdown", text))
    assert says in e.value.message and e.value.place.startswith("line ")


def test_argdown_front_matter_dates_stay_as_written(tmp_path):
    m = read_any(write(tmp_path, "a.argdown", "===\ntitle: T\ndate: 2024-05-01\n===\n\n[s]: t\n")).map
    assert m.meta["argdown"]["date"] == "2024-05-01"


def test_argdown_contrary_stays_contrary_through_argmap(tmp_path):
    from collections import Counter

    from argmap.io import write_any

    path = write(tmp_path, "a.argdown", "===\nmodel:\n  mode: strict\n===\n\n[A]: a\n  - [B]: b\n  >< [C]: c\n")
    kinds = Counter(r.meta.get("argdown", {}).get("relation") for r in read_any(path).map.relations.values())
    assert kinds == {"contrary": 2, "contradictory": 2}
    write_any(read_any(path).map, tmp_path / "again.argdown")
    again = read_any(tmp_path / "again.argdown").map
    assert Counter(r.meta.get("argdown", {}).get("relation") for r in again.relations.values()) == kinds


def test_argdown_sections_survive_argmap(tmp_path):
    from argmap.io import write_any

    text = (
        "[Lead]: Before any heading.\n\n# Costs\n\n[Money]: It costs money.\n\n<Cheap>\n\n(1) [Money]\n----\n"
        "(2) [Worth]: It is worth it.\n\n## Benefits #tag\n\n[Health]: It helps health.\n  +> [Worth]\n"
    )
    before = read_any(write(tmp_path, "a.argdown", text)).map
    write_any(before, tmp_path / "again.argdown")
    after = read_any(tmp_path / "again.argdown").map

    def sections(m):
        return sorted((s.text, s.meta["argdown"].get("section")) for s in m.statements.values()) + sorted(
            (r.meta["argdown"].get("argument"), r.meta["argdown"].get("section"))
            for r in m.relations.values()
            if "argdown" in r.meta and r.meta["argdown"].get("argument")
        )

    assert sections(after) == sections(before)
    assert ("It helps health.", "Benefits") in sections(before) and ("Cheap", "Costs") in sections(before)


def test_argdown_generated_argument_title_stays_generated(tmp_path):
    from argmap.io import write_any

    path = write(tmp_path, "a.argdown", "[A]: a\n\n(1) [P]: p\n----\n(2) [A]\n\n<Named>\n\n(1) [Q]: q\n----\n(2) [A]\n")
    first = read_any(path).map
    write_any(first, tmp_path / "again.argdown")
    again = read_any(tmp_path / "again.argdown").map
    for m in (first, again):
        assert sorted(r.title for r in m.relations.values()) == ["", "Named"]
        assert sorted(bool(r.meta["argdown"].get("auto_title")) for r in m.relations.values()) == [False, True]
