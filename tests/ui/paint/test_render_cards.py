"""Exports draw cards, junctions and relations batched by style (``draw.mapdraw``, played on a QPainter by
``ui.paint.qpicture``): the same pictures and paths as the canvas's paint.drawing."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from argmap import measure
from argmap.draw.edges import premise_points, target_points
from argmap.draw.parts import draw_cards, draw_junctions, overlapping
from argmap.draw.picture import Picture
from argmap.model import Kind, Polarity, Relation, Statement
from argmap.ui.paint import drawing
from argmap.ui.paint.edge_geometry import premise_path, target_path
from argmap.ui.paint.qpicture import play
from argmap.ui.paint.theme import theme_for


def _cards() -> list:
    texts = ["Short.", "A longer statement that wraps over a few lines of the card, as most do.", "Mid length text"]
    cards = []
    for i, kind in enumerate(
        [Kind.CONCLUSION, Kind.PREMISE, Kind.EVIDENCE, Kind.PREMISE, Kind.EVIDENCE, Kind.CONCLUSION]
    ):
        st = Statement(f"s{i}", texts[i % 3], kind, title="A bold title" if i % 2 else "")
        m = measure.card_metrics(st.text, st.title)
        cards.append((drawing.card_rect((130.0 + 270 * (i % 3), 90.0 + 170 * (i // 3)), m), st, m))
    return cards


def _image(paint) -> QImage:
    img = QImage(820, 360, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    paint(p)
    p.end()
    return img


def _differing(a: QImage, b: QImage, tolerance: int = 24) -> int:
    """Pixels whose colour differs by more than ``tolerance`` in a channel (antialiasing may differ a little)."""
    da, db = bytes(a.constBits()), bytes(b.constBits())
    if da == db:
        return 0
    bad = {i // 4 for i, (x, y) in enumerate(zip(da, db)) if abs(x - y) > tolerance}
    return len(bad)


def _box(r: QRectF) -> tuple[float, float, float, float]:
    return (r.left(), r.top(), r.width(), r.height())


def _played(draw) -> QImage:
    """What ``draw(picture)`` adds to a picture, played on an image."""
    pic = Picture()
    draw(pic)
    return _image(lambda p: play(p, pic))


@pytest.mark.parametrize("dark", [False, True])
def test_exported_cards_look_like_the_canvas_cards(dark):
    cards, theme = _cards(), theme_for(dark)
    assert not overlapping([_box(c[0]) for c in cards])
    one_by_one = _image(lambda p: [drawing.draw_card(p, r, st, m, theme) for r, st, m in cards])
    batched = _played(lambda pic: draw_cards(pic, [(_box(r), st, m) for r, st, m in cards], theme.palette))
    assert _differing(one_by_one, batched) == 0
    blank = _image(lambda p: None)
    assert _differing(one_by_one, blank) > 1000  # the comparison sees cards at all


def test_exported_compact_cards_look_like_the_canvas_cards():
    theme = theme_for(False)
    cards = []
    for r, st, _ in _cards():
        m = measure.card_metrics(st.text, st.title, True)
        cards.append((drawing.card_rect((r.center().x(), r.center().y()), m), st, m))
    one_by_one = _image(lambda p: [drawing.draw_card(p, r, st, m, theme) for r, st, m in cards])
    batched = _played(lambda pic: draw_cards(pic, [(_box(r), st, m) for r, st, m in cards], theme.palette))
    assert _differing(one_by_one, batched) == 0


@pytest.mark.parametrize("dark", [False, True])
def test_implicit_cards_are_dashed_alike_on_the_canvas_and_in_exports(dark):
    theme = theme_for(dark)
    cards = []
    for r, st, _ in _cards():
        st = st.replace(implicit=True)
        m = measure.statement_metrics(st)
        cards.append((drawing.card_rect((r.center().x(), r.center().y()), m), st, m))
    assert all(m.text_lines[0].startswith("[") and m.text_lines[-1].endswith("]") for _, _, m in cards)
    one_by_one = _image(lambda p: [drawing.draw_card(p, r, st, m, theme) for r, st, m in cards])
    batched = _played(lambda pic: draw_cards(pic, [(_box(r), st, m) for r, st, m in cards], theme.palette))
    assert _differing(one_by_one, batched) == 0
    solid = [(r, st.replace(implicit=False), m) for r, st, m in cards]
    stated = _image(lambda p: [drawing.draw_card(p, r, st, m, theme) for r, st, m in solid])
    assert _differing(one_by_one, stated) > 100  # the gaps of the dashes


@pytest.mark.parametrize("dark", [False, True])
def test_exported_junctions_look_like_the_canvas_junctions(dark):
    theme = theme_for(dark)
    js = [
        (QPointF(20.0 + 37 * i, 30.0 + 11 * (i % 3)), Relation(f"r{i}", pol, ("a",), "b"))
        for i, pol in enumerate([Polarity.SUPPORT, Polarity.ATTACK] * 6)
    ]
    one_by_one = _image(lambda p: [drawing.draw_junction(p, c, rel, theme) for c, rel in js])
    batched = _played(lambda pic: draw_junctions(pic, [(c.x(), c.y(), rel.polarity) for c, rel in js], theme.palette))
    assert _differing(one_by_one, batched) == 0


def test_overlapping_finds_any_overlap_and_only_overlaps():
    rng = random.Random(4)
    for _ in range(200):
        rects = [
            QRectF(rng.uniform(0, 300), rng.uniform(0, 300), rng.uniform(1, 60), rng.uniform(1, 40))
            for _ in range(rng.randint(0, 12))
        ]
        brute = any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
        assert overlapping([_box(r) for r in rects]) == brute


def _points(path) -> list[float]:
    return [v for i in range(path.elementCount()) for v in (path.elementAt(i).x, path.elementAt(i).y)]


def _flat(segs) -> list[float]:
    """Cubic segments as a path's elements: the start, then three points per cubic."""
    return [v for p in [segs[0][0]] + [q for seg in segs for q in seg[1:]] for v in p]


def test_export_edge_geometry_is_drawing_geometry():
    rng = random.Random(7)
    for _ in range(300):
        prem = QRectF(rng.uniform(-400, 400), rng.uniform(-400, 400), rng.uniform(120, 250), rng.uniform(40, 120))
        target = QRectF(rng.uniform(-400, 400), rng.uniform(-400, 400), rng.uniform(120, 250), rng.uniform(40, 120))
        j = QPointF(rng.uniform(-400, 400), rng.uniform(-400, 400))
        box = _box
        assert _flat(premise_points(box(prem), j.x(), j.y())) == pytest.approx(_points(premise_path(prem, j)))
        arrive = rng.choice([None, target.center().x() + rng.uniform(-30, 30)])
        expect = _points(target_path(j, target, arrive_x=arrive))
        assert _flat(target_points(j.x(), j.y(), box(target), False, arrive)) == pytest.approx(expect)
        jt = drawing.junction_rect(QPointF(rng.uniform(-400, 400), rng.uniform(-400, 400)))
        line = _points(target_path(j, jt, target_is_junction=True))
        got = target_points(j.x(), j.y(), box(jt), True)
        assert [*got[0][0], *got[0][3]] == pytest.approx(line)
