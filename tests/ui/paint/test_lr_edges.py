"""Left-to-right maps: edges meet cards at their sides, on the canvas and in exports alike."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF, QRectF

from argmap import measure
from argmap.cli import main
from argmap.draw.edges import premise_points, target_points
from argmap.io import load_map, save_map
from argmap.layout import layout_map
from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement
from argmap.ui.document.commands import SetMetaCommand
from argmap.ui.export.render import MapRenderer
from argmap.ui.paint import drawing
from argmap.ui.paint.edge_geometry import edge_paths, premise_path, target_path


def lr_map(direction: str = "LR") -> ArgumentMap:
    """C <- (P1 + P2 + P3 linked); C <- Q; C <- O (attack); P1 <- E; laid out in ``direction``."""
    m = ArgumentMap("lr")
    m.add_many(
        [
            Statement("C", "We should plant more street trees.", Kind.CONCLUSION, title="Plant trees"),
            Statement("P1", "Trees cool streets in summer."),
            Statement("P2", "Cooler streets save lives."),
            Statement("P3", "Saving lives is worth the cost."),
            Statement("Q", "Residents like trees."),
            Statement("O", "Roots break pavements.", Kind.PREMISE),
            Statement("E", "Shaded streets were 4 degrees cooler in the 2019 survey.", Kind.EVIDENCE),
        ],
        [
            Relation("R1", Polarity.SUPPORT, ("P1", "P2", "P3"), "C"),
            Relation("R2", Polarity.SUPPORT, ("Q",), "C"),
            Relation("R3", Polarity.ATTACK, ("O",), "C"),
            Relation("R4", Polarity.SUPPORT, ("E",), "P1"),
        ],
    )
    m.move(layout_map(m, direction=direction))
    m.set_meta(layout_direction=direction)
    return m


def rects(amap: ArgumentMap) -> dict[str, QRectF]:
    out = {}
    for sid, st in amap.statements.items():
        out[sid] = drawing.card_rect(amap.positions[sid], measure.card_metrics(st.text, st.title))
    return out


def start_side(rect: QRectF, p: QPointF) -> str:
    for name, ok in (
        ("left", abs(p.x() - rect.left()) < 1e-6),
        ("right", abs(p.x() - rect.right()) < 1e-6),
        ("top", abs(p.y() - rect.top()) < 1e-6),
        ("bottom", abs(p.y() - rect.bottom()) < 1e-6),
    ):
        if ok:
            return name
    return "none"


def test_lr_premise_edges_leave_from_the_side_facing_the_junction():
    amap = lr_map()
    r = rects(amap)
    sides, vertical_sides = [], []
    for rel in amap.relations.values():
        j = QPointF(*amap.positions[rel.id])
        premises, _ = edge_paths([r[p] for p in rel.premises], j, r[rel.target], horizontal=True)
        old, _ = edge_paths([r[p] for p in rel.premises], j, r[rel.target])
        for pid, path, vpath in zip(rel.premises, premises, old):
            rect, start = r[pid], path.pointAtPercent(0)
            assert j.x() < rect.left()  # LR: the junction is left of its premises
            sides.append(start_side(rect, start))
            assert rect.top() <= start.y() <= rect.bottom()
            vertical_sides.append(start_side(rect, vpath.pointAtPercent(0)))
    assert sides == ["left"] * len(sides)
    assert "top" in vertical_sides or "bottom" in vertical_sides  # what vertical flow did: looping edges


def test_lr_arrivals_into_one_card_spread_along_its_side():
    amap = lr_map()
    renderer = MapRenderer(amap)
    rc = renderer.rects["C"]
    into = [rid for rid in ("R1", "R2", "R3")]
    ends = []
    for rid in into:
        j = QPointF(*amap.positions[rid])
        path = target_path(j, rc, arrive_y=renderer.arrivals[rid], horizontal=True)
        ends.append(path.pointAtPercent(1))
    assert all(e.x() == pytest.approx(rc.right() + 1.5) for e in ends)  # all reach its right side ...
    ys = sorted(e.y() for e in ends)
    assert all(rc.top() < y < rc.bottom() for y in ys)
    assert all(b - a >= 8.0 for a, b in zip(ys, ys[1:]))  # ... spread apart, not piled up


def _scene_points(view, rid: str) -> tuple[list[list[float]], list[float]]:
    item = view.map_scene.relation_items[rid]
    premises, target = item.paths()
    off = item.pos()

    def pts(path):
        return [
            v
            for i in range(path.elementCount())
            for v in (path.elementAt(i).x + off.x(), path.elementAt(i).y + off.y())
        ]

    return [pts(p) for p in premises], pts(target)


def _export_points(renderer: MapRenderer, rid: str, horizontal: bool) -> tuple[list[list[float]], list[float]]:
    rel = renderer.map.relations[rid]
    j = renderer.junctions[rid]
    box = lambda r: (r.left(), r.top(), r.width(), r.height())  # noqa: E731

    def flat(segs):  # as a path's elements: the start, then three points per cubic
        return [v for p in [segs[0][0]] + [q for s in segs for q in s[1:]] for v in p]

    prem = [flat(premise_points(box(renderer.rects[p]), j.x(), j.y(), horizontal)) for p in rel.premises]
    arrive = renderer.arrivals.get(rid)
    tgt = target_points(
        j.x(),
        j.y(),
        box(renderer.rects[rel.target]),
        False,
        None if horizontal else arrive,
        arrive if horizontal else None,
        horizontal,
    )
    return prem, flat(tgt)


def test_canvas_and_export_draw_the_same_lr_edges(make_view):
    amap = lr_map()
    renderer = MapRenderer(amap)
    view = make_view(amap)
    for rid in amap.relations:
        prem, tgt = _scene_points(view, rid)
        eprem, etgt = _export_points(renderer, rid, True)
        assert len(prem) == len(eprem)
        for a, b in zip(prem, eprem):
            assert a == pytest.approx(b)
        assert tgt == pytest.approx(etgt)


def test_changing_the_flow_redraws_the_canvas_edges_and_undo_restores_them(make_view):
    amap = lr_map()
    view = make_view(amap)
    lr = {rid: _scene_points(view, rid) for rid in amap.relations}
    view.doc.push(SetMetaCommand(view.doc, {"layout_direction": "TB"}))
    renderer = MapRenderer(view.doc.map)  # vertical now: the exporter's vertical edges
    assert not renderer.horizontal
    for rid in amap.relations:
        prem, tgt = _scene_points(view, rid)
        eprem, etgt = _export_points(renderer, rid, False)
        assert tgt == pytest.approx(etgt)
        for a, b in zip(prem, eprem):
            assert a == pytest.approx(b)
    assert any(_scene_points(view, rid) != lr[rid] for rid in amap.relations)
    view.doc.undo_stack.undo()
    assert {rid: _scene_points(view, rid) for rid in amap.relations} == lr


def test_auto_arrange_keeps_the_maps_flow(make_view):
    amap = lr_map()
    amap.move({"C": (500.0, 500.0)})
    view = make_view(amap)
    view.auto_arrange()
    expect = layout_map(lr_map(), direction="LR")
    got = view.doc.map.positions
    dx, dy = got["C"][0] - expect["C"][0], got["C"][1] - expect["C"][1]
    for sid in amap.statements:  # the same arrangement (a full layout may keep a different corner)
        assert got[sid][0] - expect[sid][0] == pytest.approx(dx, abs=1.0)
        assert got[sid][1] - expect[sid][1] == pytest.approx(dy, abs=1.0)
    premise_x = got["Q"][0]
    assert premise_x > got["C"][0] + 100  # left to right: reasons to the right of their conclusion


def test_layout_direction_round_trips_through_save_load_and_the_cli(tmp_path):
    amap = lr_map()
    save_map(amap, tmp_path / "a.argmap.json")
    assert load_map(tmp_path / "a.argmap.json").meta["layout_direction"] == "LR"
    tb = lr_map("TB")
    tb.set_meta(layout_direction=None)
    save_map(tb, tmp_path / "tb.argmap.json")
    assert "layout_direction" not in load_map(tmp_path / "tb.argmap.json").meta
    out = tmp_path / "out.argmap.json"
    assert main(["layout", str(tmp_path / "tb.argmap.json"), "-o", str(out), "--direction", "LR", "-q"]) == 0
    laid = load_map(out)
    assert laid.meta["layout_direction"] == "LR"
    assert MapRenderer(laid).horizontal
    assert main(["layout", str(out), "-o", str(out), "--direction", "BT", "-q"]) == 0
    assert load_map(out).meta["layout_direction"] == "BT"
    assert not MapRenderer(load_map(out)).horizontal


def test_horizontal_export_edge_geometry_is_drawing_geometry():
    rng = random.Random(11)
    box = lambda r: (r.left(), r.top(), r.width(), r.height())  # noqa: E731

    def pts(path):
        return [v for i in range(path.elementCount()) for v in (path.elementAt(i).x, path.elementAt(i).y)]

    for _ in range(300):
        prem = QRectF(rng.uniform(-400, 400), rng.uniform(-400, 400), rng.uniform(120, 250), rng.uniform(40, 120))
        target = QRectF(rng.uniform(-400, 400), rng.uniform(-400, 400), rng.uniform(120, 250), rng.uniform(40, 120))
        j = QPointF(rng.uniform(-400, 400), rng.uniform(-400, 400))

        def flat(segs):  # the start, then three points per cubic
            return [v for p in [segs[0][0]] + [q for s in segs for q in s[1:]] for v in p]

        got = flat(premise_points(box(prem), j.x(), j.y(), True))
        assert got == pytest.approx(pts(premise_path(prem, j, horizontal=True)))
        arrive = rng.choice([None, target.center().y() + rng.uniform(-20, 20)])
        expect = pts(target_path(j, target, arrive_y=arrive, horizontal=True))
        got = flat(target_points(j.x(), j.y(), box(target), False, None, arrive, True))
        assert got == pytest.approx(expect)
