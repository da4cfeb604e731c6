"""Draw the parts of a map into a :class:`~argmap.draw.picture.Picture`: cards, junctions, relation
lines and arrowheads, and the legend, each batched by style (one path for all premise bodies, all
support lines, ...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import measure
from ..measure import CardMetrics
from ..model import ArgumentMap, Kind, Polarity, Relation, Statement
from . import style
from .edges import premise_points, target_points
from .picture import Path, Picture
from .route import head as arrowhead
from .route import line, split
from .style import Palette, Pen
from .verdicts import draw_swatch as verdict_swatch

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, width, height
Card = tuple[Box, Statement, CardMetrics]


def meets(a: Box, b: Box) -> bool:
    """Do two boxes overlap (with some area)?"""
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def overlapping(boxes: Iterable[Box]) -> bool:
    """Do any two of ``boxes`` overlap?  Sorted by their left sides, a box can only meet the boxes
    after it whose left side comes before its right side."""
    spans = sorted([(b[0], b[0] + b[2], b[1], b[1] + b[3]) for b in boxes])
    n = len(spans)
    for i, (_, right, top, bottom) in enumerate(spans):
        for j in range(i + 1, n):
            left2, _, top2, bottom2 = spans[j]
            if left2 >= right:
                break
            if top2 < bottom and top < bottom2:
                return True
    return False


# -------------------------------------------------------------------- cards
def _markers(path: Path, kind: Kind, centres: Iterable[Point], size: float = 7.0) -> None:
    """The kind marker at every centre: conclusion diamond, premise circle, evidence square (shapes
    that tell kinds apart without colour)."""
    h = size / 2
    if kind is Kind.CONCLUSION:
        k = h + 0.8
        for x, y in centres:
            path.polygon([(x, y - k), (x + k, y), (x, y + k), (x - k, y)])
    elif kind is Kind.EVIDENCE:
        for x, y in centres:
            path.rect(x - h, y - h, size, size)
    else:
        for x, y in centres:
            path.ellipse(x, y, h)


def draw_cards(pic: Picture, cards: Sequence[Card], pal: Palette, words: Mapping[str, str] | None = None) -> None:
    """Cards (not selected), style by style: bodies as one path per kind, then markers, kind labels
    (or the role ``words`` gives a statement, see :mod:`.labels`), titles and texts.  They must not
    overlap (else draw them one at a time)."""
    by_kind: dict[Kind, list[Card]] = {k: [] for k in Kind}
    for card in cards:
        by_kind[card[1].kind].append(card)
    pad = measure.PAD_X
    r = style.CARD_RADIUS
    for kind, group in by_kind.items():  # bodies
        if not group:
            continue
        border = style.card_border(kind)
        h = border / 2
        body = Path()
        for (x, y, w, hh), st, _ in group:
            if st.implicit:  # dashed, one path each: its dashes start where the canvas's start
                one = Path()
                one.rect(x + h, y + h, w - border, hh - border, r)
                pic.path(one, style.card_pen(kind, pal, True), pal.card[kind])
            else:
                body.rect(x + h, y + h, w - border, hh - border, r)
        pic.path(body, style.card_pen(kind, pal), pal.card[kind])
        if kind is Kind.EVIDENCE:  # a second, inner line: evidence reads as a "document"
            pen = style.evidence_pen(pal)
            k = h + 2.5
            for (x, y, w, hh), _, _ in group:  # one path each: its dots start where the canvas's start
                inner = Path()
                inner.rect(x + k, y + k, w - 2 * k, hh - 2 * k, r - 2)
                pic.path(inner, pen)
    drop = measure.MARKER_DROP
    for kind, group in by_kind.items():  # kind markers
        if group:
            marks = Path()
            _markers(marks, kind, ((b[0] + pad + 3.5, b[1] + m.label_y - drop) for b, _, m in group))
            pic.path(marks, None, pal.kind[kind])
    for kind, group in by_kind.items():  # kind labels; a compact card tells its kind by marker and colour
        if group:
            label = style.KIND_LABELS[kind]
            word = (words or {}).get
            pic.text(
                style.LABEL,
                pal.kind[kind],
                [(b[0] + pad + 11.0, b[1] + m.label_y, word(st.id, label)) for b, st, m in group if not m.compact],
            )
    ascent = measure.REGULAR.ascent
    for font, lines_of, y_of in ((style.TEXT_BOLD, "title_lines", "title_y"), (style.TEXT, "text_lines", "text_y")):
        runs: list[tuple[float, float, str]] = []
        add = runs.append
        for b, _, m in cards:
            lines = getattr(m, lines_of)
            if lines:
                x, y, lh = b[0] + m.text_x, b[1] + getattr(m, y_of) + ascent, m.line_height
                for i, t in enumerate(lines):
                    add((x, y + i * lh, t))
        pic.text(font, pal.text, runs)


# ---------------------------------------------------------------- junctions
def draw_junctions(pic: Picture, junctions: Sequence[tuple[float, float, Polarity]], pal: Palette) -> None:
    """Junctions (not selected): a circle with "+" for support, a square with "−" for attack (so
    polarity reads without colour); shapes, then their signs."""
    size = measure.JUNCTION_SIZE
    half = size / 2
    k = size * 0.28
    sign = Path()
    for pol in Polarity:
        shapes = Path()
        support = pol is Polarity.SUPPORT
        for x, y, p in junctions:
            if p is not pol:
                continue
            if support:
                shapes.ellipse(x, y, half)
            else:
                shapes.rect(x - half + 0.5, y - half + 0.5, size - 1, size - 1)
            sign.segment(x - k, y, x + k, y)
            if support:
                sign.segment(x, y - k, x, y + k)
        pic.path(shapes, Pen(pal.rim[pol], 1.0), pal.relation(pol))
    pic.path(sign, Pen(style.WHITE, 1.8, cap="flat"))


# -------------------------------------------------------------------- edges
# relation, premise boxes, junction, target box, target is a junction (undercut), where the arrow
# arrives along the target's side (or None): an x (top/bottom side), in a horizontal map a y (left/right)
if TYPE_CHECKING:
    EdgeSpec = tuple[Relation, Sequence[Box], Point, Box, bool, "float | None"]


def draw_relations(pic: Picture, edges: Sequence[EdgeSpec], pal: Palette, horizontal: bool = False) -> None:
    """All relations: premise lines and target arrows (one path per polarity for the lines and one
    for the arrowheads), then the junctions on top (``horizontal``: a left-to-right map)."""
    draw_lines(pic, edges, pal, horizontal)
    draw_relation_junctions(pic, [(e[2][0], e[2][1], e[0].polarity) for e in edges], pal)


def draw_lines(pic: Picture, edges: Sequence[EdgeSpec], pal: Palette, horizontal: bool = False) -> None:
    """The relations' premise lines and target arrows: one path per polarity for the lines and one
    for the arrowheads."""
    lines = {pol: Path() for pol in Polarity}
    heads = {pol: Path() for pol in Polarity}
    length, width = style.ARROW_LENGTH, style.ARROW_WIDTH
    for rel, prem, (jx, jy), target, undercut, arrive in edges:
        out = lines[rel.polarity]
        for b in prem:
            out.segments(premise_points(b, jx, jy, horizontal))
        segs = (
            target_points(jx, jy, target, undercut, arrive_y=arrive, horizontal=True)
            if horizontal
            else target_points(jx, jy, target, undercut, arrive)
        )
        t, corners = arrowhead(segs[-1], length, width, length - 1.0)
        out.segments([*segs[:-1], split(segs[-1], t)])
        heads[rel.polarity].polygon(corners)
    for pol in Polarity:
        pen = style.edge_pen(pol, pal)
        pic.path(lines[pol], pen)
        # arrows into one point share a head: overlapping heads stay filled (the non-zero rule)
        pic.path(heads[pol], Pen(pen.colour, 1.0), pen.colour, winding=True)


def draw_relation_junctions(pic: Picture, junctions: Sequence[tuple[float, float, Polarity]], pal: Palette) -> None:
    """The junctions of many relations, batched unless two of them overlap (then one at a time,
    so each sign stays on its own junction)."""
    s = measure.JUNCTION_SIZE
    if overlapping((x - s / 2, y - s / 2, s, s) for x, y, _ in junctions):
        for j in junctions:
            draw_junctions(pic, [j], pal)
    else:
        draw_junctions(pic, junctions, pal)


def draw_edge(pic: Picture, start: Point, end: Point, polarity: Polarity, pal: Palette, arrow: bool = True) -> None:
    """One straight edge (the legend's), with its arrowhead."""
    pen = style.edge_pen(polarity, pal)
    seg = line(start, end)
    path = Path()
    if arrow:
        t, corners = arrowhead(seg, style.ARROW_LENGTH, style.ARROW_WIDTH, style.ARROW_LENGTH - 1.0)
        path.segments([split(seg, t)])
        pic.path(path, pen)
        tip = Path()
        tip.polygon(corners)
        pic.path(tip, Pen(pen.colour, 1.0), pen.colour)
    else:
        path.segments([seg])
        pic.path(path, pen)


# ------------------------------------------------------------------- legend
LEGEND_PAD = 10.0
LEGEND_ROW = 20.0
# every entry the legend can have, in the order it lists them: kinds, relations, the shapes of
# arguments (a linked group's one junction, convergent reasons' one each, undercuts) and labels
LEGEND_TEXTS = {
    "conclusion": "Conclusion",
    "premise": "Premise",
    "evidence": "Evidence",
    "implicit": "Implicit premise (unstated)",
    "implicit_statement": "Implicit statement (unstated)",
    "support": "Supports",
    "attack": "Attacks",
    "linked": "Linked premises: one reason together",
    "convergent": "Convergent: each reason alone",
    "undercut": "Undercut of a reason's step",
    "undercut_attack": "Undercut of an objection's step",
    "in": "In: acceptable, nothing defeats it",
    "out": "Out: defeated, or no reason for it holds",
    "undecided": "Undecided: in a cycle, or waits on one",
}
LEGEND_KEYS = ("conclusion", "premise", "evidence", "support", "attack", "undercut")  # a key to any map
LEGEND_ITEMS = tuple(LEGEND_TEXTS[k] for k in LEGEND_KEYS)
LEGEND_ONE_COLUMN = 6  # entries a legend box holds in one column
STRIP_MAX_ROWS = 2  # a header's legend: at most this many rows, else a box
STRIP_PAD = 6.0
STRIP_SWATCH = 36.0  # a card swatch or a short edge
STRIP_GAP = 16.0  # between one item's text and the next swatch


def legend_keys(
    amap: ArgumentMap,
    statements: Iterable[str] | None = None,
    relations: Iterable[str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> tuple[str, ...]:
    """The legend entries a drawing of ``statements`` and ``relations`` (default: the whole map)
    needs: only what it uses, in :data:`LEGEND_TEXTS` order; ``labels``: the evaluation shown."""
    all_statements, all_relations = amap.statements, amap.relations
    sts = list(all_statements) if statements is None else list(statements)
    records = [all_statements[s] for s in sts]
    used: set[str] = {str(kind) for kind in {st.kind for st in records}}
    implicit = {st.kind for st in records if st.implicit}
    if implicit:  # (an unstated conclusion is common too: the entry then names no kind)
        used.add("implicit" if implicit == {Kind.PREMISE} else "implicit_statement")
    polarities: set[Polarity] = set()
    supported: set[str] = set()  # statements a support reaches
    for rel in all_relations.values() if relations is None else map(all_relations.__getitem__, relations):
        polarities.add(rel.polarity)
        if len(rel.premises) > 1:
            used.add("linked")
        target = all_relations.get(rel.target)
        if target is not None:
            used.add("undercut_attack" if target.polarity is Polarity.ATTACK else "undercut")
        elif rel.polarity is Polarity.SUPPORT:
            if rel.target in supported:
                used.add("convergent")
            supported.add(rel.target)
    used.update(str(polarity) for polarity in polarities)
    if labels:
        used.update(str(labels[s]) for s in sts if s in labels)
    return tuple(k for k in LEGEND_TEXTS if k in used)


def legend_columns(keys: Sequence[str]) -> list[Sequence[str]]:
    """The legend box's columns: one, or two when it has more than :data:`LEGEND_ONE_COLUMN`
    entries (a tall legend would take a page's height from the map; width is cheaper)."""
    if len(keys) <= LEGEND_ONE_COLUMN:
        return [keys]
    half = (len(keys) + 1) // 2
    return [keys[:half], keys[half:]]


def strip_rows(keys: Sequence[str], width: float | None = None) -> list[Sequence[str]]:
    """A strip legend's rows: one, or as many as it takes to keep each within ``width``."""
    font = style.LEGEND
    rows: list[list[str]] = [[]]
    x = 2 * STRIP_PAD - STRIP_GAP
    for key in keys:
        w = STRIP_GAP + STRIP_SWATCH + 6 + font.width(LEGEND_TEXTS[key])
        if width is not None and rows[-1] and x + w > width:
            rows.append([])
            x = 2 * STRIP_PAD - STRIP_GAP
        rows[-1].append(key)
        x += w
    return list(rows)


def legend_size(
    strip: bool = False, keys: Sequence[str] = LEGEND_KEYS, width: float | None = None
) -> tuple[float, float]:
    """The (width, height) :func:`draw_legend` takes: a box with a heading and a row per entry of
    ``keys`` (in one or two columns), or with ``strip`` a row for a page header (rows, to keep
    within ``width``)."""
    font = style.LEGEND
    if strip:
        rows = strip_rows(keys, width)
        widths = [sum(font.width(LEGEND_TEXTS[k]) for k in row) + len(row) * (STRIP_SWATCH + 6) for row in rows]
        longest = max(w + (len(r) - 1) * STRIP_GAP for w, r in zip(widths, rows))
        return (2 * STRIP_PAD + longest, 2 * STRIP_PAD + LEGEND_ROW * len(rows))
    columns = legend_columns(keys)
    width_ = sum(STRIP_SWATCH + 8 + max((font.width(LEGEND_TEXTS[k]) for k in col), default=0.0) for col in columns)
    width_ += STRIP_GAP * (len(columns) - 1)
    return (2 * LEGEND_PAD + width_, 2 * LEGEND_PAD + LEGEND_ROW * max(len(c) for c in columns) + 16)


def _small_junction(pic: Picture, x: float, y: float, polarity: Polarity, pal: Palette) -> None:
    """A junction at half size (the legend's convergent reasons, two in one row)."""
    shape = Path()
    shape.ellipse(x, y, 3.5)
    pic.path(shape, Pen(pal.rim[polarity], 1.0), pal.relation(polarity))


def _swatch(pic: Picture, key: str, x: float, cy: float, pal: Palette) -> None:
    """Legend entry ``key``'s picture in ``[x, x + STRIP_SWATCH]`` around the line ``cy``."""
    w = STRIP_SWATCH
    support, attack = Polarity.SUPPORT, Polarity.ATTACK
    if key in ("conclusion", "premise", "evidence"):
        kind = Kind(key)
        box = Path()
        box.rect(x, cy - 7, w, 14, 3)
        pic.path(box, Pen(pal.kind[kind], 2.0 if kind is Kind.CONCLUSION else 1.2), pal.card[kind])
        mark = Path()
        _markers(mark, kind, [(x + 9, cy)], 6.0)
        pic.path(mark, None, pal.kind[kind])
    elif key in ("implicit", "implicit_statement"):  # a premise card with a dashed outline, its words in brackets
        box = Path()
        box.rect(x, cy - 7, w, 14, 3)
        pic.path(box, style.card_pen(Kind.PREMISE, pal, True), pal.card[Kind.PREMISE])
        mark = "[\u2026]"
        pic.text(style.LEGEND, pal.text, [(x + (w - style.LEGEND.width(mark)) / 2, cy + 4, mark)])
    elif key in ("support", "attack"):
        draw_edge(pic, (x, cy), (x + w, cy), Polarity(key), pal)
    elif key == "linked":  # two premises' lines meet in one junction, one arrow goes on
        jx = x + 13
        lines = Path()
        lines.segments([line((x, cy - 8), (jx, cy)), line((x, cy + 8), (jx, cy))])
        pic.path(lines, style.edge_pen(support, pal))
        draw_edge(pic, (jx, cy), (x + w, cy), support, pal)
        draw_junctions(pic, [(jx, cy, support)], pal)
    elif key == "convergent":  # two arrows, a junction each, into one card
        for dy in (-7.0, 7.0):
            draw_edge(pic, (x, cy + dy), (x + w, cy + dy / 5), support, pal)
            _small_junction(pic, x + 10, cy + dy * 0.87, support, pal)
    elif key in ("undercut", "undercut_attack"):  # an attack arrow into another relation's junction
        draw_edge(pic, (x, cy), (x + w - 14, cy), attack, pal)
        draw_junctions(pic, [(x + w - 6, cy, attack if key == "undercut_attack" else support)], pal)
    else:  # an evaluation label: its colour with its icon, as on the cards' tabs
        verdict_swatch(pic, key, x, cy, STRIP_SWATCH, pal)


def draw_legend(
    pic: Picture,
    top_left: Point,
    pal: Palette,
    strip: bool = False,
    keys: Sequence[str] = LEGEND_KEYS,
    width: float | None = None,
) -> Box:
    """A key to the entries ``keys`` of :data:`LEGEND_TEXTS` (a box, or with ``strip`` rows within
    ``width``, as :func:`legend_size` measures them); returns the box it took."""
    w, h = legend_size(strip, keys, width)
    left, top = top_left
    frame = Path()
    frame.rect(left, top, w, h, 6)
    pic.path(frame, Pen(pal.muted, 1.0), (*pal.legend_background[:3], 235))
    font = style.LEGEND
    if strip:
        for i, row in enumerate(strip_rows(keys, width)):
            x, cy = left + STRIP_PAD, top + STRIP_PAD + i * LEGEND_ROW + LEGEND_ROW / 2
            for key in row:
                text = LEGEND_TEXTS[key]
                _swatch(pic, key, x, cy, pal)
                x += STRIP_SWATCH + 6
                pic.text(font, pal.text, [(x, cy + 4, text)])
                x += font.width(text) + STRIP_GAP
        return (left, top, w, h)
    x, y = left + LEGEND_PAD, top + LEGEND_PAD
    pic.text(style.LEGEND_HEADING, pal.text, [(x, y + 11, "Legend")])
    y += 18
    for column in legend_columns(keys):
        for i, key in enumerate(column):
            cy = y + i * LEGEND_ROW + LEGEND_ROW / 2
            _swatch(pic, key, x, cy, pal)
            pic.text(font, pal.text, [(x + STRIP_SWATCH + 8, cy + 4, LEGEND_TEXTS[key])])
        x += STRIP_SWATCH + 8 + max(font.width(LEGEND_TEXTS[k]) for k in column) + STRIP_GAP
    return (left, top, w, h)
