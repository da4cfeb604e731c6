"""SVG written without Qt (``draw.svg``): valid XML, every word as text, hostile text kept as text,
shapes where the picture puts them."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from argmap.draw import style
from argmap.draw.mapdraw import MapDrawing
from argmap.draw.picture import Path, Picture
from argmap.draw.svg import document, path_data, svg_bytes
from argmap.io import load_map
from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement
from argmap.resources import sample_paths

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = (
    'Cars <script>alert("x")</script> & \'quotes\' "too" ]]> <!-- no --> \x07bell \x00nul \x1fus \ufffenon\uffffxml é'
)


def small_map(text: str = "Shops will lose customers when parking goes.") -> ArgumentMap:
    m = ArgumentMap(title="Bike lane <b>&</b>")
    m.add_many(
        [
            Statement("c", "The town should build a bike lane.", Kind.CONCLUSION, title="Build it"),
            Statement("p", "It cuts cycling injuries."),
            Statement("e", "41% said they would cycle more.", Kind.EVIDENCE),
            Statement("o", text),
        ],
        [
            Relation("r1", Polarity.SUPPORT, ("p",), "c"),
            Relation("r2", Polarity.SUPPORT, ("e",), "p"),
            Relation("r3", Polarity.ATTACK, ("o",), "c"),
        ],
    )
    return m


def texts(data: bytes) -> list[str]:
    return [t.text or "" for t in ET.fromstring(data).iter(f"{SVG}text")]


@pytest.mark.parametrize("path", sorted(sample_paths()), ids=lambda p: p.name)
def test_every_word_of_every_statement_is_in_a_text_element(path):
    m = load_map(path)
    data = svg_bytes(m)
    root = ET.fromstring(data)
    assert root.find(f"{SVG}title").text == m.title
    left, top, w, h = map(float, root.get("viewBox").split())
    assert (left, top) == (0, 0) and (w, h) == (float(root.get("width")), float(root.get("height")))
    words = set(" ".join(texts(data)).split())
    if m.meta.get("card_text") == "titles":  # compact cards draw titles; the full texts are in <desc>
        words |= set(root.find(f"{SVG}desc").text.split())
    for st in m.statements.values():
        for word in (st.shown_title + " " + st.shown_text).split():
            assert word in words, (path.name, st.id, word)


def test_hostile_text_stays_text_and_xml_breaking_characters_are_dropped():
    m = small_map(HOSTILE)
    data = svg_bytes(m, title=False)
    root = ET.fromstring(data)  # parses: nothing escaped the text
    assert root.find(f"{SVG}title").text == "Bike lane <b>&</b>"
    joined = " ".join(texts(data))
    for piece in ('<script>alert("x")</script>', "&", "'quotes'", '"too"', "]]>", "<!--", "bell"):
        assert piece in joined
    for bad in "\x07\x00\x1f\ufffe\uffff":
        assert bad not in data.decode("utf-8")
    for piece in ("bell", "nul", "us", "nonxml", "é"):  # only the characters XML cannot hold are gone
        assert piece in joined
    assert not root.findall(f".//{SVG}script")


def test_white_or_transparent_background():
    m = small_map()
    first = ET.fromstring(svg_bytes(m)).find(f"{SVG}g")[0]
    assert first.tag == f"{SVG}path" and first.get("fill") == "#ffffff" and first.get("stroke") is None
    first = ET.fromstring(svg_bytes(m, transparent=True)).find(f"{SVG}g")[0]
    assert first.get("fill") != "#ffffff"


def test_the_drawing_is_placed_inside_the_view_box():
    m = small_map()
    d = MapDrawing(m)
    root = ET.fromstring(svg_bytes(m))
    dx, dy = map(float, re.match(r"translate\((\S+) (\S+)\)", root.find(f"{SVG}g").get("transform")).groups())
    assert (dx, dy) == (pytest.approx(-d.rect[0], abs=0.01), pytest.approx(-d.rect[1], abs=0.01))
    w, h = float(root.get("width")), float(root.get("height"))
    for t in root.iter(f"{SVG}text"):
        x, y = float(t.get("x")) + dx, float(t.get("y")) + dy
        assert 0 < x < w and 0 < y < h


def test_selection_draws_only_the_chosen_statements():
    m = small_map()
    words = " ".join(texts(svg_bytes(m, ids=["c", "p"], title=False, legend=False)))
    assert "bike lane" in words and "cycling injuries" in words
    assert "41%" not in words and "parking" not in words and "Legend" not in words


def test_text_runs_share_a_group_that_carries_the_font():
    m = small_map()
    root = ET.fromstring(svg_bytes(m))
    groups = [g for g in root.iter(f"{SVG}g") if g.find(f"{SVG}text") is not None]
    fonts = {(g.get("font-size"), g.get("font-weight")) for g in groups}
    assert ("13", None) in fonts and ("13", "bold") in fonts and ("20", "bold") in fonts
    assert all(g.get("font-family").startswith("DejaVu Sans") for g in groups)


def test_attack_lines_are_dashed_and_support_lines_solid():
    m = small_map()
    pic = MapDrawing(m).picture()
    data = document(pic, (0, 0, 10, 10), title="t")
    paths = ET.fromstring(data).iter(f"{SVG}path")
    strokes = {(p.get("stroke"), p.get("stroke-dasharray")) for p in paths if p.get("fill") == "none"}
    assert (style.hex_of(style.LIGHT.attack), "10 6") in strokes
    assert (style.hex_of(style.LIGHT.support), None) in strokes


def _arc_points(d: str) -> list[tuple[float, float]]:
    """The points a path's commands (M, h, v, a relative; absolute M) pass through."""
    pts: list[tuple[float, float]] = []
    x = y = 0.0
    for cmd, args in re.findall(r"([MhvaZ])([^MhvaZ]*)", d):
        v = [float(a) for a in args.split()]
        if cmd == "M":
            x, y = v
        elif cmd == "h":
            x += v[0]
        elif cmd == "v":
            y += v[0]
        elif cmd == "a":
            x, y = x + v[5], y + v[6]
        else:
            continue
        pts.append((x, y))
    return pts


def test_rounded_rectangles_and_ellipses_close_where_they_start():
    p = Path()
    p.rect(10, 20, 100, 40, 7)
    pts = _arc_points(path_data(p.ops))
    xs, ys = [q[0] for q in pts], [q[1] for q in pts]
    assert (min(xs), max(xs), min(ys), max(ys)) == (10, 110, 20, 60)
    assert pts[0] == pts[-1] == (17, 20)
    p = Path()
    p.ellipse(50, 50, 6)
    pts = _arc_points(path_data(p.ops))
    assert pts == [(44, 50), (56, 50), (44, 50)]


def _written(v: float) -> str:
    """How the SVG writes the number ``v``: the shift of a document whose box starts at ``-v``."""
    data = document(Picture(), (-v, 0, 1, 1), title="n").decode()
    return re.search(r'<g transform="translate\(([^ ]+) ', data).group(1)


def test_numbers_are_short_and_exact_to_a_hundredth():
    assert [_written(v) for v in (0.0, -0.001, 12.5, 12.0, 100.0, 3.14159, -7.25, 1e-9)] == [
        "0",
        "0",
        "12.5",
        "12",
        "100",
        "3.14",
        "-7.25",
        "0",
    ]
    for v in (0.004, 123.456, -98.7654, 1e6 / 7):
        assert math.isclose(float(_written(v)), v, abs_tol=0.005)


def test_an_empty_picture_is_a_valid_document():
    data = document(Picture(), (0, 0, 0.5, 0.5), title="nothing")
    root = ET.fromstring(data)
    assert root.get("width") == "1" and root.find(f"{SVG}title").text == "nothing"


def test_an_empty_map_draws_its_title_without_a_legend_to_nothing():
    data = svg_bytes(ArgumentMap(title="Nothing yet"))
    assert texts(data) == ["Nothing yet"]
    assert "Attacks" in texts(svg_bytes(small_map()))  # the legend, a strip under the title here
    assert "Attacks" not in texts(svg_bytes(small_map(), legend=False))


def test_many_rectangles_or_circles_are_elements_sharing_one_style():
    pic = Picture()
    cards, dots, mixed = Path(), Path(), Path()
    cards.rect(0, 0, 100, 40, 7)
    cards.rect(0, 60, 100, 40, 7)
    dots.ellipse(5, 5, 3)
    dots.ellipse(15, 5, 3, 2)
    mixed.rect(0, 0, 10, 10)
    mixed.ellipse(20, 20, 4)
    pic.path(cards, style.Pen(style.LIGHT.text, 1.3), style.LIGHT.card[Kind.PREMISE])
    pic.path(dots, None, style.LIGHT.support)
    pic.path(mixed, None, style.LIGHT.attack)
    root = ET.fromstring(document(pic, (0, 0, 120, 120), title="t"))
    groups = [g for g in root.iter(f"{SVG}g") if g.get("fill") not in (None, "none")]
    rects = groups[0].findall(f"{SVG}rect")
    assert [(r.get("y"), r.get("rx")) for r in rects] == [("0.00", "7.00"), ("60.00", "7.00")]
    assert groups[0].get("stroke") == style.hex_of(style.LIGHT.text) and groups[0].get("stroke-width") == "1.3"
    assert [c.tag for c in groups[1]] == [f"{SVG}circle", f"{SVG}ellipse"]
    assert len(list(root.iter(f"{SVG}path"))) == 1  # a mixed path stays a path


def test_an_implicit_premise_is_drawn_dashed_in_brackets_and_explained_in_the_legend():
    m = small_map()
    plain = svg_bytes(m)
    assert "Implicit premise (unstated)" not in texts(plain)
    m.update_statement("p", implicit=True, title="Fewer injuries")
    data = svg_bytes(m)
    root = ET.fromstring(data)
    drawn = texts(data)
    assert "[Fewer injuries]" in drawn and "[It cuts cycling injuries.]" in drawn
    assert "It cuts cycling injuries." not in drawn and "Implicit premise (unstated)" in drawn
    premise = style.hex_of(style.LIGHT.kind[Kind.PREMISE])
    dashed = [
        el
        for el in root.iter()
        if el.tag in (f"{SVG}rect", f"{SVG}path") and el.get("stroke") == premise and el.get("stroke-dasharray")
    ]
    assert len(dashed) == 2  # the card and the legend's swatch; every other card stays solid
