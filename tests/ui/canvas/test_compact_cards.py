"""Compact (titles-only) cards: measured, shown on the canvas with one undo step, exported, and
what puts the op-ed sample on one readable page."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from canvas_support import small_map, state
from pypdf import PdfReader

from argmap import measure
from argmap.io import load_map, write_any
from argmap.layout import layout_map, overlaps
from argmap.model import Kind, Statement
from argmap.resources import sample_paths
from argmap.ui.export.images import fit_text_pt, renderer, svg_bytes

SVG = "{http://www.w3.org/2000/svg}"
OPED = next(p for p in sample_paths() if p.name.startswith("kim-putin"))
HOSTILE = 'Cars <script>alert("x")</script> & \'quotes\' "too"'


def _svg_texts(data: bytes) -> tuple[str, str]:
    root = ET.fromstring(data)
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    desc = root.find(f"{SVG}desc")
    return texts, (desc.text or "") if desc is not None else ""


# ------------------------------------------------------------------ measuring
def test_the_maps_meta_chooses_the_card_face() -> None:
    m = small_map()
    assert not measure.compact_cards(m)
    full = measure.map_sizes(m)
    m.set_meta(card_text="titles")
    assert measure.compact_cards(m) and measure.compact_cards(m.meta)
    compact = measure.map_sizes(m)
    assert all(compact[s][1] < full[s][1] for s in m.statements)
    m.set_meta(card_text="something else")  # an unknown face reads as full
    assert measure.map_sizes(m) == full


def test_compact_maps_lay_out_without_overlaps_and_tighter() -> None:
    amap = load_map(OPED)
    assert measure.compact_cards(amap)
    pos = layout_map(amap, direction="LR")
    assert overlaps(pos, measure.map_sizes(amap)) == 0

    def extent(p, sizes):  # noqa: E306
        return (max(p[i][0] + sizes[i][0] / 2 for i in p) - min(p[i][0] - sizes[i][0] / 2 for i in p)) * (
            max(p[i][1] + sizes[i][1] / 2 for i in p) - min(p[i][1] - sizes[i][1] / 2 for i in p)
        )

    compact_area = extent(pos, measure.map_sizes(amap))
    amap.set_meta(card_text=None)
    full = layout_map(amap, direction="LR")
    assert overlaps(full, measure.map_sizes(amap)) == 0
    assert compact_area < extent(full, measure.map_sizes(amap)) / 2


# ------------------------------------------------------------------ canvas
def test_titles_only_is_one_undo_step_and_the_check_follows_the_map(make_view) -> None:
    view = make_view()
    before = state(view)
    card = view.map_scene.node_items["C"]
    full_height = card.metrics.height
    act = view.canvas_actions.titles_only
    assert not act.isChecked()
    act.trigger()
    assert measure.compact_cards(view.doc.map) and act.isChecked()
    assert card.metrics.compact and card.metrics.height < full_height
    assert card.toolTip() == "We should do it."  # the full text is a hover away
    assert view.map_scene.node_items["P1"].toolTip() == ""  # untitled: the card shows the text itself
    assert view.doc.undo_stack.count() == 1
    view.doc.undo_stack.undo()
    assert state(view) == before and not act.isChecked()
    assert not card.metrics.compact and card.metrics.height == full_height and card.toolTip() == ""
    view.doc.undo_stack.redo()
    assert card.metrics.compact and act.isChecked()


def test_going_back_to_full_cards_rearranges_when_they_would_overlap(make_view) -> None:
    amap = small_map()
    amap.set_meta(card_text="titles")
    amap.move(layout_map(amap))  # packed for compact cards: full ones would overlap
    view = make_view(amap)
    before = state(view)
    view.canvas_actions.titles_only.trigger()  # off
    m = view.doc.map
    assert not measure.compact_cards(m)
    placed = {s: m.positions[s] for s in m.statements}
    assert overlaps(placed, {s: measure.statement_size(m, s) for s in placed}) == 0
    assert view.doc.undo_stack.count() == 1  # meta and moves: one step
    view.doc.undo_stack.undo()
    assert state(view) == before


# ------------------------------------------------------------------ export
def test_a_compact_svg_draws_titles_and_keeps_every_statements_words_in_its_description() -> None:
    m = small_map()
    m.add_statement(Statement("H", HOSTILE, Kind.PREMISE, title="Hostile <b>&</b> title"), position=(400, 340))
    m.set_meta(card_text="titles")
    data = svg_bytes(m)
    root = ET.fromstring(data)  # well-formed, hostile text stays text
    assert not [e for e in root.iter() if e.tag.endswith(("script", "b"))]
    texts, desc = _svg_texts(data)
    assert "Do it" in texts and "We should do it." not in texts  # the title, not the text
    assert "PREMISE" not in texts  # no kind label strip
    words = set(desc.split())
    for st in m.statements.values():
        assert set(st.text.split()) <= words


def test_the_legend_never_covers_a_card() -> None:
    for path in sample_paths():
        r = renderer(load_map(path))
        assert r.legend_rect is not None
        assert not any(r.legend_rect.intersects(rect) for rect in r.rects.values()), path.name
        assert r.rect.contains(r.legend_rect)


def test_the_op_ed_sample_fits_one_a4_page_at_a_readable_size(tmp_path: Path) -> None:
    amap = load_map(OPED)
    # titles are claims that keep the author's hedges, most of them two lines long; full cards print far smaller.
    # Every reason stands in the column next to its claim, so the page is filled less than with wrapped columns
    assert fit_text_pt(amap, "A4") >= 5.7
    write_any(amap, tmp_path / "oped.pdf")
    pdf = PdfReader(str(tmp_path / "oped.pdf"))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape, the way the map is wider
    text = pdf.pages[0].extract_text()
    for st in amap.statements.values():
        assert st.title.split()[0] in text
    amap.set_meta(card_text=None)
    amap.move(layout_map(amap, direction="LR"))
    assert fit_text_pt(amap, "A4") < 6  # why the sample ships compact


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        cwd=root,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)},
    )


def test_the_command_line_stores_or_overrides_the_card_face(tmp_path: Path, repo_root: Path) -> None:
    trees = next(p for p in sample_paths() if p.name.startswith("teaching"))
    out = tmp_path / "trees.argmap.json"
    r = _cli(repo_root, "layout", str(trees), "-o", str(out), "--cards", "titles", "-q")
    assert r.returncode == 0, r.stderr
    laid = load_map(out)
    assert measure.compact_cards(laid)
    assert (
        overlaps(
            {s: laid.positions[s] for s in laid.statements},
            {s: measure.statement_size(laid, s) for s in laid.statements},
        )
        == 0
    )
    svg = tmp_path / "full.svg"
    r = _cli(repo_root, "export", str(out), "-o", str(svg), "--cards", "full", "-q")
    assert r.returncode == 0, r.stderr
    texts, _ = _svg_texts(svg.read_bytes())
    assert "PREMISE" in texts and all(w in texts for st in laid.statements.values() for w in st.text.split())
    r = _cli(repo_root, "export", str(trees), "-o", str(svg), "--cards", "sideways")
    assert r.returncode == 2 and "--cards" in r.stderr


def test_editing_a_compact_card_edits_its_full_text_over_the_card(make_view) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    amap = small_map()
    amap.set_meta(card_text="titles")
    view = make_view(amap)
    view.map_scene.select_ids(["C"])
    view.edit_selected()
    editor = view.interaction.editor
    card = view.map_scene.node_items["C"]
    assert editor is not None and editor.text() == "We should do it."
    assert card.card_rect().top() <= editor.pos().y() < card.card_rect().top() + 10  # over the card
    editor.setPlainText("We should do it now.")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert view.doc.map.statements["C"].text == "We should do it now."
    assert view.doc.map.statements["C"].title == "Do it" and card.metrics.compact
