"""Draw a whole map, or some of its elements, into a :class:`~argmap.draw.picture.Picture`: the one
drawing code of every export (SVG, PNG, PDF, print, clipboard), without Qt.

The cards, edges, junctions and legend (drawn by ``draw.parts``) look as the canvas draws them
(``ui.paint.drawing``; ``tests/ui/paint/test_render_cards.py`` holds the two to the same pixels).  Shapes that
share a style are batched into one path (all premise bodies, all support lines, ...), so that a map
of thousands of statements is a few dozen items, not tens of thousands; maps whose cards (or
junctions) overlap are drawn one card at a time instead, so each lies on the one before.
"""

from __future__ import annotations

from operator import add
from typing import TYPE_CHECKING

from .. import measure
from ..layout.placement import junction_positions, layout_positions
from ..model import ArgumentMap, Relation
from . import style
from .corner import LEGEND_GAP, free_corner
from .edges import arrival_xs, arrival_ys, horizontal_flow, premise_points, target_points
from .labels import role_words
from .numbers import BADGE_RISE, BOTTOM_LEFT, BOTTOM_RIGHT, TOP_LEFT, TOP_RIGHT, badge_corners, draw_numbers
from .parts import (
    LEGEND_ROW,
    STRIP_MAX_ROWS,
    STRIP_PAD,
    Box,
    Card,
    Point,
    draw_cards,
    draw_legend,
    draw_lines,
    draw_relation_junctions,
    legend_keys,
    legend_size,
    meets,
    overlapping,
)
from .picture import Path, Picture
from .style import Colour, Palette
from .verdicts import draw_verdicts

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


TITLE_GAP = 20.0  # between the header (title, legend) and the map
ARROW_PAD = style.ARROW_LENGTH + 4.0
STRIP_HEIGHT = 2 * STRIP_PAD + STRIP_MAX_ROWS * LEGEND_ROW  # the tallest legend a header takes
# relation, premise boxes, junction centre, target box, target is a junction (undercut)
Edge = tuple[Relation, list[Box], Point, Box, bool]


def subset(amap: ArgumentMap, ids: Iterable[str] | None) -> tuple[list[str], list[str]]:
    """The statements and relations to draw: all, or the chosen statements and every relation among
    them (a relation is drawn when its target and at least one of its premises are drawn)."""
    if ids is None:
        return list(amap.statements), list(amap.relations)
    chosen = set(ids)
    sts = [s for s in amap.statements if s in chosen]
    keep = set(sts)
    rels: list[str] = []
    changed = True
    while changed:  # undercuts need their target relation first
        changed = False
        for rid, rel in amap.relations.items():
            if rid not in keep and rel.target in keep and any(p in keep for p in rel.premises):
                keep.add(rid)
                rels.append(rid)
                changed = True
    order = {rid: i for i, rid in enumerate(amap.relations)}
    rels.sort(key=order.__getitem__)
    return sts, rels


def resolve_positions(amap: ArgumentMap, statements: list[str], relations: list[str]) -> dict[str, Point]:
    """Centres for everything drawn: the map's own positions, laid out afresh when statements have
    none (the layout engine via ``layout.placement``), junctions placed between premises and target."""
    pos: dict[str, Point] = {k: (float(v[0]), float(v[1])) for k, v in amap.positions.items()}
    if any(s not in pos for s in statements):
        laid = layout_positions(amap)
        # no positions: the layout; some: keep them, the layout places the rest
        pos = laid if not any(s in pos for s in amap.statements) else {**laid, **pos}
    missing = [r for r in relations if r not in pos]
    if missing:
        sizes = {s: measure.statement_size(amap, s) for s in statements}
        for _ in range(3):  # undercuts of undercuts: their targets get a position first
            found = junction_positions(amap, pos, sizes, [r for r in missing if r not in pos])
            pos.update(found)
            if all(r in pos for r in missing):
                break
    return pos


def wrap(text: str, font: style.Font, width: float) -> list[str]:
    """Greedy word wrap in ``font`` (a drawing's title)."""
    lines: list[str] = []
    for para in text.split("\n"):
        cur = ""
        for word in para.split():
            cand = f"{cur} {word}" if cur else word
            if cur and font.width(cand) > width:
                lines.append(cur)
                cur = word
            else:
                cur = cand
        if cur:
            lines.append(cur)
    return lines


def _edge_box(edge: Edge) -> Box:
    """The box around an edge: its premises' and target's cards, and its junction with room for
    the arrowheads around it."""
    _, prem, (x, y), target, _ = edge
    left, top, right, bottom = x - ARROW_PAD, y - ARROW_PAD, x + ARROW_PAD, y + ARROW_PAD
    for b in prem:
        if b[0] < left:
            left = b[0]
        if b[1] < top:
            top = b[1]
        if b[0] + b[2] > right:
            right = b[0] + b[2]
        if b[1] + b[3] > bottom:
            bottom = b[1] + b[3]
    b = target
    left, top = min(left, b[0]), min(top, b[1])
    right, bottom = max(right, b[0] + b[2]), max(bottom, b[1] + b[3])
    return (left, top, right - left, bottom - top)


class MapDrawing:
    """Everything needed to draw a map: what to draw, where, and the box it all takes.

    Coordinates are the map's; :attr:`rect` includes the margins, the title and the legend.
    :meth:`picture` draws it all, or only what meets ``clip`` (a tiled page of a large map)."""

    def __init__(
        self,
        amap: ArgumentMap,
        ids: Iterable[str] | None = None,
        *,
        title: str | bool | None = None,
        legend: bool = True,
        margin: float = 24.0,
        palette: Palette | None = None,
        positions: Mapping[str, Point] | None = None,
        labels: Mapping[str, str] | None = None,
        numbers: Mapping[str, int] | None = None,
    ) -> None:
        self.map = amap
        self.labels = labels  # statement id -> in/out/undecided, drawn on the cards (draw.verdicts)
        self.numbers = numbers  # statement id -> its number (draw.numbers), on a badge on its card
        self.horizontal = horizontal_flow(amap.meta)
        self.palette = palette or style.LIGHT
        self.statements, self.relations = subset(amap, ids)
        pos = dict(positions) if positions is not None else resolve_positions(amap, self.statements, self.relations)
        self.relations = [r for r in self.relations if r in pos]
        self.cards: list[Card] = []
        self.boxes: dict[str, Box] = {}
        compact = measure.compact_cards(amap)
        statement_metrics = measure.statement_metrics
        for sid in self.statements:
            st = amap.statements[sid]
            m = statement_metrics(st, compact)
            x, y = pos.get(sid, (0.0, 0.0))
            box = (x - m.width / 2, y - m.height / 2, m.width, m.height)
            self.cards.append((box, st, m))
            self.boxes[sid] = box
        half = measure.JUNCTION_SIZE / 2
        self.junctions: dict[str, Point] = {}
        for rid in self.relations:
            x, y = pos[rid]
            self.junctions[rid] = (x, y)
            self.boxes[rid] = (x - half, y - half, 2 * half, 2 * half)
        self.words = {} if compact else role_words(amap, self.statements)  # OBJECTION, UNDERCUT (draw.labels)
        self._edges: list[Edge] | None = None  # worked out when first drawn
        self._edge_boxes: list[Box] | None = None  # worked out when first clipped
        self._arrivals_at: dict[str, float] | None = None
        self._badge_corners: dict[str, int] | None = None
        text = amap.title if title is None or title is True else (title or "")
        self.title = " ".join(str(text).split()) if text is not False else ""
        self.legend = legend and bool(self.cards)  # a key to nothing drawn would only fill the page
        self.legend_keys = legend_keys(amap, self.statements, self.relations, labels) if self.legend else ()
        self.margin = margin
        self._frame()

    def _frame(self) -> None:
        """Work out what the cards' layer and the page need: whether cards overlap, the box of the
        content, where the title and the legend go, and :attr:`rect`."""
        self.cards_overlap = overlapping(c[0] for c in self.cards)
        self.content = self._content_box()
        self._layout_header()

    @property
    def edges(self) -> list[Edge]:
        """Every relation drawn, as (relation, premise boxes, junction centre, target box, target is
        a junction)."""
        if self._edges is None:
            self._edges = self._make_edges(self.relations)
        return self._edges

    @property
    def edge_boxes(self) -> list[Box]:
        """The box around each of :attr:`edges` (its cards, and its junction with room for arrows):
        what the clip of a tiled page is tested against; a whole drawing needs none."""
        if self._edge_boxes is None:
            self._edge_boxes = [_edge_box(e) for e in self.edges]
        return self._edge_boxes

    def _clipped_edges(self, clip: Box) -> list[Edge]:
        """The edges whose box meets ``clip``."""
        return [e for e, box in zip(self.edges, self.edge_boxes) if meets(box, clip)]

    @property
    def arrivals(self) -> dict[str, float]:
        """Where arrows reach a card side that several reach (relation id -> x, or y across)."""
        if self._arrivals_at is None:
            self._arrivals_at = self._arrivals(self.edges)
        return self._arrivals_at

    @property
    def badge_corners(self) -> dict[str, int]:
        """The corner of each card whose number badge is not on its top left: where no line runs."""
        if self._badge_corners is None:
            self._badge_corners = {}
            if self.numbers:
                h, arrivals, lines = self.horizontal, self.arrivals, []
                for rel, prem, (jx, jy), target, undercut in self.edges:
                    for b in prem:
                        lines += premise_points(b, jx, jy, h)
                    arrive = arrivals.get(rel.id)
                    if h:
                        lines += target_points(jx, jy, target, undercut, arrive_y=arrive, horizontal=True)
                    else:
                        lines += target_points(jx, jy, target, undercut, arrive)
                cards = {st.id: box for box, st, _ in self.cards}
                self._badge_corners = badge_corners(cards, self.numbers, lines)
        return self._badge_corners

    def _make_edges(self, rids: Iterable[str]) -> list[Edge]:
        boxes, junctions = self.boxes, self.junctions
        edges: list[Edge] = []
        relations = self.map.relations
        for rid in rids:
            rel = relations[rid]
            prem = [boxes[p] for p in rel.premises if p in boxes]
            target = boxes.get(rel.target)
            if not prem or target is None:
                continue
            edges.append((rel, prem, junctions[rid], target, rel.target in relations))
        return edges

    def _arrivals(self, edges: list[Edge]) -> dict[str, float]:
        """Where arrows reach their target card when several reach the same side of it: spread along
        that side as the canvas spreads them (``edges.arrival_xs``; left to right, ``arrival_ys``).
        ``edges`` must hold every edge into each card it has an edge into."""
        groups: dict[tuple[str, bool], tuple[list[str], list[float]]] = {}  # relation ids, junction xs
        h = self.horizontal
        boxes = self.boxes
        for rel, _, (jx, jy), b, undercut in edges:
            if not undercut:
                side = jx > b[0] + b[2] / 2 if h else jy > b[1] + b[3] / 2
                group = groups.get((rel.target, side))
                if group is None:
                    groups[rel.target, side] = ([rel.id], [jy if h else jx])
                else:
                    group[0].append(rel.id)
                    group[1].append(jy if h else jx)
        out: dict[str, float] = {}
        for (sid, _), (rids, wanted) in groups.items():
            if len(rids) > 1:
                b = boxes[sid]
                xs = arrival_ys(b[1], b[3], wanted) if h else arrival_xs(b[0], b[2], wanted)
                out.update(zip(rids, xs))
        return out

    def _content_box(self) -> Box:
        """Around every card and junction (edges run between them; arrowheads stop at card sides)."""
        if not self.boxes:
            return (-4.0, -4.0, measure.MIN_CARD_WIDTH + 8, 48.0)
        lefts, tops, widths, heights = zip(*self.boxes.values())
        left, top = min(lefts), min(tops)
        right, bottom = max(map(add, lefts, widths)), max(map(add, tops, heights))
        # selection-free, but pens and arrow tips (and number badges) stick out a little
        rise = BADGE_RISE if self.numbers else 0.0
        moved = set(self.badge_corners.values()) - {TOP_LEFT}  # badges on other corners stick out there
        low = rise if moved & {BOTTOM_LEFT, BOTTOM_RIGHT} else 0.0
        wide = rise - 5 if moved & {BOTTOM_RIGHT, TOP_RIGHT} else 0.0
        return (left - 4 - rise, top - 4 - rise, right - left + 8 + rise + wide, bottom - top + 8 + rise + low)

    def _layout_header(self) -> None:
        """Place the title and the legend.  The legend goes in an empty corner of the map when one
        has room; else, as one row, in the header (beside the title when there is room, else under
        it) when the map is that wide; else, as a box, at the header's right."""
        cl, ct, cw, ch = self.content
        font = style.TITLE
        self.title_line_height = font.line_height
        self.title_ascent = font.ascent
        self.legend_pos: Point | None = None
        self.legend_strip = False
        self.legend_box: Box | None = None
        keys = self.legend_keys
        box = legend_size(False, keys) if self.legend else (0.0, 0.0)
        strip = legend_size(True, keys, cw) if self.legend else (0.0, 0.0)  # in rows as wide as the map
        corner = (
            free_corner(self.map, self.content, box, self.boxes, self.junctions, self.relations)
            if self.legend
            else None
        )
        place = ""
        if self.legend:
            fits_strip = strip[0] <= cw and strip[1] <= STRIP_HEIGHT
            place = "corner" if corner is not None else "strip" if fits_strip else "box"
        width = max(cw - (box[0] + LEGEND_GAP if place == "box" else 0.0), 360.0)
        self.title_lines = wrap(self.title, font, width) if self.title else []
        title_w = max((font.width(t) for t in self.title_lines), default=0.0)
        title_h = len(self.title_lines) * self.title_line_height
        same_row = not title_w or title_w + LEGEND_GAP + strip[0] <= cw
        if place == "strip":
            header_h = max(title_h, strip[1]) if same_row else title_h + TITLE_GAP / 2 + strip[1]
        elif place == "box":
            header_h = max(title_h, box[1])
        else:
            header_h = title_h
        top = ct - (TITLE_GAP if header_h else 0.0) - header_h
        self.title_pos = (cl, top)
        size = box
        if place == "corner":
            self.legend_pos = corner
        elif place == "box":
            self.legend_pos = (max(cl + cw - box[0], cl + (title_w + LEGEND_GAP if title_w else 0)), top)
        elif place == "strip":
            self.legend_strip, size = True, strip
            self.legend_pos = (cl + cw - strip[0], top) if same_row else (cl, top + header_h - strip[1])
        left, right, bottom = cl, cl + cw, ct + ch
        if header_h:
            top = min(top, ct)
        else:
            top = ct
        if self.title_lines:
            right = max(right, cl + title_w)
        if self.legend_pos is not None:
            self.legend_box = (*self.legend_pos, *size)
            lx, ly = self.legend_pos
            left, top = min(left, lx), min(top, ly)
            right, bottom = max(right, lx + size[0]), max(bottom, ly + size[1])
        m = self.margin
        self.rect: Box = (left - m, top - m, right - left + 2 * m, bottom - top + 2 * m)

    def picture(self, clip: Box | None = None, background: Colour | None = None) -> Picture:
        """The map drawn in map coordinates: background, edges and junctions, cards, title, legend
        (only what meets ``clip`` when given)."""
        pic = Picture()
        if background is not None:
            self.draw_background(pic, background, clip)
        self.draw_edges(pic, clip)
        self.draw_front(pic, clip)
        return pic

    def draw_background(self, pic: Picture, background: Colour, clip: Box | None = None) -> None:
        """The drawing's rectangle (its part inside ``clip``) filled with ``background``."""
        bg = Path()
        r = self.rect
        if clip is not None:
            left, top = max(r[0], clip[0]), max(r[1], clip[1])
            right, bottom = min(r[0] + r[2], clip[0] + clip[2]), min(r[1] + r[3], clip[1] + clip[3])
            r = (left, top, max(0.0, right - left), max(0.0, bottom - top))
        bg.rect(*r)
        pic.path(bg, None, background)

    def draw_edges(self, pic: Picture, clip: Box | None = None) -> None:
        """The relations' lines and arrowheads (those that meet ``clip``), under everything else."""
        edges, arrivals = self.edges if clip is None else self._clipped_edges(clip), self.arrivals
        draw_lines(pic, [(*e, arrivals.get(e[0].id)) for e in edges], self.palette, self.horizontal)

    def draw_front(self, pic: Picture, clip: Box | None = None) -> None:
        """What lies over the edges: the junctions, the cards (those that meet ``clip``), the title
        and the legend."""
        pal = self.palette
        edges = self.edges if clip is None else self._clipped_edges(clip)
        draw_relation_junctions(pic, [(e[2][0], e[2][1], e[0].polarity) for e in edges], pal)
        cards = self.cards if clip is None else [c for c in self.cards if meets(c[0], clip)]
        if self.cards_overlap:  # one card at a time, so each lies on the one before
            for card in cards:
                draw_cards(pic, [card], pal, self.words)
                if self.labels:
                    draw_verdicts(pic, [card], self.labels, pal)
                if self.numbers:
                    draw_numbers(pic, [card], self.numbers, pal, self.badge_corners)
        else:
            draw_cards(pic, cards, pal, self.words)
            if self.labels:
                draw_verdicts(pic, cards, self.labels, pal)
            if self.numbers:
                draw_numbers(pic, cards, self.numbers, pal, self.badge_corners)
        if self.title_lines:
            x, y = self.title_pos
            y += self.title_ascent
            lh = self.title_line_height
            pic.text(style.TITLE, pal.text, [(x, y + i * lh, t) for i, t in enumerate(self.title_lines)])
        if self.legend_pos is not None:
            width = self.content[2] if self.legend_strip else None
            draw_legend(pic, self.legend_pos, pal, self.legend_strip, self.legend_keys, width)
