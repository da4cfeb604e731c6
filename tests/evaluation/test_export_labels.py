"""Exports with --labels show each statement's evaluation; without it they are unchanged."""

from pathlib import Path

from argmap.cli import main
from argmap.draw import style
from argmap.draw.mapdraw import MapDrawing
from argmap.draw.verdicts import COLOURS
from argmap.io import read_any

FIXTURES = Path(__file__).parent / "fixtures"
COURT = str(FIXTURES / "courtroom.yml")


def _texts(amap_path, labels):
    amap = read_any(amap_path).map
    return MapDrawing(amap, labels=labels).picture().texts()


def test_labels_draw_a_word_and_the_labels_colour_on_each_card():
    words = _texts(COURT, {"guilty": "in", "innocent": "out", "liar": "undecided"})
    assert words.count("IN") == 1 and words.count("OUT") == 1 and words.count("UNDECIDED") == 1
    assert "?" in words  # undecided's icon is a question mark; in and out have drawn ticks and crosses
    assert not {"IN", "OUT", "UNDECIDED"} & set(_texts(COURT, None))


def test_export_svg_with_labels(tmp_path, capsys):
    plain, labelled = tmp_path / "plain.svg", tmp_path / "labelled.svg"
    assert main(["export", "-q", COURT, "-o", str(plain)]) == 0
    assert main(["export", "-q", "--labels", COURT, "-o", str(labelled)]) == 0
    svg = labelled.read_text(encoding="utf-8")
    assert ">OUT<" in svg and ">IN<" in svg
    assert style.hex_of(COLOURS[False]["in"]) in svg and style.hex_of(COLOURS[False]["out"]) in svg
    assert ">OUT<" not in plain.read_text(encoding="utf-8")


def test_export_markdown_and_text_with_labels(tmp_path):
    md, txt = tmp_path / "m.md", tmp_path / "m.txt"
    assert main(["export", "-q", "--labels", COURT, "-o", str(md)]) == 0
    assert main(["export", "-q", "--labels", COURT, "-o", str(txt)]) == 0
    assert "## Conclusion [✓ in]: The accused is guilty." in md.read_text(encoding="utf-8")
    assert "[✗ out]" in txt.read_text(encoding="utf-8")
    assert main(["export", "-q", COURT, "-o", str(md)]) == 0
    assert "[✓ in]" not in md.read_text(encoding="utf-8")
