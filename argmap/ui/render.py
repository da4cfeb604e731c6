"""Draw a whole map, or some of its elements, onto any QPainter with drawing.py: for export and print."""
from __future__ import annotations

from typing import Iterable, Mapping

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from ..layout import measure
from ..model import ArgumentMap, Relation, Statement
from . import drawing
from .render_cards import draw_cards, overlapping_boxes
from .render_edges import draw_relations

Point = tuple[float, float]
TITLE_PX = 20
TITLE_GAP = 20.0          # between the header (title, legend) and the map
LEGEND_GAP = 24.0         # between the title and the legend
ARROW_PAD = drawing.ARROW_LENGTH + 4.0


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
    none (the layout engine via ``placement``), junctions placed between premises and target."""
    from .placement import junction_positions

    pos: dict[str, Point] = {k: (float(v[0]), float(v[1])) for k, v in amap.positions.items()}
    if any(s not in pos for s in statements):
        laid = _layout(amap)
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


def _layout(amap: ArgumentMap) -> dict[str, Point]:
    """Positions from the layout engine (``argmap.layout.layout_map``), as the canvas places a map."""
    from .placement import layout_positions

    return layout_positions(amap)


def _title_font() -> QFont:
    drawing.register_fonts()
    f = QFont(measure.FONT_FAMILY)
    f.setPixelSize(TITLE_PX)
    f.setBold(True)
    f.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)  # no ligatures: PDF text stays searchable
    return f


def _wrap(text: str, fm: QFontMetricsF, width: float) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        cur = ""
        for word in para.split():
            cand = f"{cur} {word}" if cur else word
            if cur and fm.horizontalAdvance(cand) > width:
                lines.append(cur)
                cur = word
            else:
                cur = cand
        if cur:
            lines.append(cur)
    return lines


class MapRenderer:
    """Everything needed to paint a map: what to draw, where, and the rectangle it all takes.

    Coordinates are the map's (scene) coordinates; :attr:`rect` includes the margins, the title
    and the legend.  :meth:`paint` draws into a painter already transformed by the caller, and only
    what meets ``clip`` when one is given (tiled pages of a large map)."""

    def __init__(self, amap: ArgumentMap, ids: Iterable[str] | None = None, *, title: str | bool | None = None,
                 legend: bool = True, margin: float = 24.0, theme: drawing.Theme | None = None,
                 positions: Mapping[str, Point] | None = None) -> None:
        drawing.register_fonts()
        self.map = amap
        self.horizontal = drawing.horizontal_flow(amap.meta)
        self.theme = theme or drawing.theme_for(False)
        self.statements, self.relations = subset(amap, ids)
        pos = dict(positions) if positions is not None else resolve_positions(amap, self.statements, self.relations)
        self.relations = [r for r in self.relations if r in pos]
        self.cards: list[tuple[QRectF, Statement, measure.CardMetrics]] = []
        self.rects: dict[str, QRectF] = {}
        # the same rectangles as plain (left, top, right, bottom) floats: the set-up below runs on
        # these, since a Qt call costs a microsecond and a big map has tens of thousands of them
        boxes: dict[str, tuple[float, float, float, float]] = {}
        compact = measure.compact_cards(amap)
        for sid in self.statements:
            st = amap.statements[sid]
            m = measure.card_metrics(st.text, st.title, compact)
            x, y = pos.get(sid, (0.0, 0.0))
            left, top = x - m.width / 2, y - m.height / 2
            rect = QRectF(left, top, m.width, m.height)   # drawing.card_rect
            self.cards.append((rect, st, m))
            self.rects[sid] = rect
            boxes[sid] = (left, top, left + m.width, top + m.height)
        half = measure.JUNCTION_SIZE / 2
        self.junctions: dict[str, QPointF] = {}
        for rid in self.relations:
            x, y = pos[rid]
            self.junctions[rid] = QPointF(x, y)
            self.rects[rid] = QRectF(x - half, y - half, 2 * half, 2 * half)   # drawing.junction_rect
            boxes[rid] = (x - half, y - half, x + half, y + half)
        self._boxes = boxes
        self._pos = pos
        self.edges: list[tuple[Relation, list[QRectF], QPointF, QRectF, bool, QRectF]] = []
        for rid in self.relations:
            rel = amap.relations[rid]
            ends = [p for p in rel.premises if p in boxes]
            if not ends or rel.target not in boxes:
                continue
            ends.append(rel.target)
            x, y = pos[rid]
            left, top = min(x - ARROW_PAD, *(boxes[e][0] for e in ends)), min(y - ARROW_PAD, *(boxes[e][1] for e in ends))
            right = max(x + ARROW_PAD, *(boxes[e][2] for e in ends))
            bottom = max(y + ARROW_PAD, *(boxes[e][3] for e in ends))
            self.edges.append((rel, [self.rects[p] for p in ends[:-1]], self.junctions[rid], self.rects[rel.target],
                               rel.target in amap.relations, QRectF(left, top, right - left, bottom - top)))
        self._cards_overlap = overlapping_boxes((b[0], b[2], b[1], b[3]) for sid, b in boxes.items()
                                                if sid in amap.statements)
        self.arrivals = self._arrivals()
        self.content = self._content_rect()
        text = amap.title if title is None or title is True else (title or "")
        self.title = " ".join(str(text).split()) if text is not False else ""
        self.legend = legend
        self.margin = margin
        self._layout_header()

    def _arrivals(self) -> dict[str, float]:
        """Where arrows reach their target card when several reach the same side of it: spread along
        that side as the canvas spreads them (``drawing.arrival_xs``; left to right, ``arrival_ys``)."""
        groups: dict[tuple[str, bool], list[tuple[str, float]]] = {}
        h = self.horizontal
        boxes, pos = self._boxes, self._pos
        for rel, _, _, _, undercut, _ in self.edges:
            if not undercut:
                jx, jy = pos[rel.id]
                b = boxes[rel.target]
                side = jx > (b[0] + b[2]) / 2 if h else jy > (b[1] + b[3]) / 2
                groups.setdefault((rel.target, side), []).append((rel.id, jy if h else jx))
        spread = drawing.arrival_ys if h else drawing.arrival_xs
        out: dict[str, float] = {}
        for (sid, _), sibs in groups.items():
            if len(sibs) > 1:
                xs = spread(self.rects[sid], [x for _, x in sibs])
                out.update((rid, x) for (rid, _), x in zip(sibs, xs))
        return out

    def _content_rect(self) -> QRectF:
        """Around every card and junction (edges run between them; arrowheads stop at card sides)."""
        boxes = self._boxes.values()
        if not boxes:
            return QRectF(0, 0, measure.MIN_CARD_WIDTH, 40).adjusted(-4, -4, 4, 4)
        left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
        right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
        # selection-free, but pens and arrow tips stick out a little
        return QRectF(left - 4, top - 4, right - left + 8, bottom - top + 8)

    def _layout_header(self) -> None:
        """Place the title and the legend.  The legend goes in an empty corner of the map when one
        has room; else, as one row, in the header (beside the title when there is room, else under
        it) when the map is that wide; else, as a box, at the header's right."""
        c = self.content
        self.title_font = _title_font()
        fm = QFontMetricsF(self.title_font)
        self.title_line_height = fm.lineSpacing()
        self.title_ascent = fm.ascent()
        self.legend_pos: QPointF | None = None
        self.legend_strip = False
        self.legend_rect: QRectF | None = None
        box = drawing.legend_size() if self.legend else QSizeF()
        strip = drawing.legend_size(True) if self.legend else QSizeF()
        corner = self._free_corner(box) if self.legend else None
        place = ("" if not self.legend else "corner" if corner is not None
                 else "strip" if strip.width() <= c.width() else "box")
        width = max(c.width() - (box.width() + LEGEND_GAP if place == "box" else 0.0), 360.0)
        self.title_lines = _wrap(self.title, fm, width) if self.title else []
        title_w = max((fm.horizontalAdvance(t) for t in self.title_lines), default=0.0)
        title_h = len(self.title_lines) * self.title_line_height
        same_row = not title_w or title_w + LEGEND_GAP + strip.width() <= c.width()
        if place == "strip":
            header_h = max(title_h, strip.height()) if same_row else title_h + TITLE_GAP / 2 + strip.height()
        elif place == "box":
            header_h = max(title_h, box.height())
        else:
            header_h = title_h
        top = c.top() - (TITLE_GAP if header_h else 0.0) - header_h
        self.title_pos = QPointF(c.left(), top)
        if place == "corner":
            self.legend_pos, size = corner, box
        elif place == "box":
            self.legend_pos, size = QPointF(max(c.right() - box.width(), c.left() + (title_w + LEGEND_GAP if title_w
                                                                                     else 0)), top), box
        elif place == "strip":
            self.legend_strip, size = True, strip
            self.legend_pos = (QPointF(c.right() - strip.width(), top) if same_row
                               else QPointF(c.left(), top + header_h - strip.height()))
        if self.legend_pos is not None:
            self.legend_rect = QRectF(self.legend_pos, size)
        inner = QRectF(c)
        if header_h:
            inner.setTop(top)
        if self.title_lines:
            inner.setRight(max(inner.right(), c.left() + title_w))
        if self.legend_rect is not None:
            inner = inner.united(self.legend_rect)
        m = self.margin
        self.rect = inner.adjusted(-m, -m, m, m)

    def _free_corner(self, size: QSizeF) -> QPointF | None:
        """The top-left point for a legend of ``size`` in a corner of the drawing that no card,
        junction or edge comes near (top right, bottom right, bottom left, top left), or None."""
        c = self.content
        w, h = size.width(), size.height()
        if w + LEGEND_GAP > c.width() / 2 or h + LEGEND_GAP > c.height() / 2:
            return None
        boxes, pos = self._boxes, self._pos
        obstacles = list(boxes.values())
        for rel, _, _, _, _, _ in self.edges:   # each edge within the box from a card's centre to its junction
            jx, jy = pos[rel.id]
            for e in (*rel.premises, rel.target):
                b = boxes.get(e)
                if b is not None:
                    cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
                    obstacles.append((min(cx, jx) - 1, min(cy, jy) - 1, max(cx, jx) + 1, max(cy, jy) + 1))
        g = LEGEND_GAP
        for x, y in ((c.right() - w, c.top()), (c.right() - w, c.bottom() - h),
                     (c.left(), c.bottom() - h), (c.left(), c.top())):
            left, top, right, bottom = x - g, y - g, x + w + g, y + h + g
            if not any(o[0] < right and left < o[2] and o[1] < bottom and top < o[3] for o in obstacles):
                return QPointF(x, y)
        return None

    def paint(self, painter: QPainter, *, clip: QRectF | None = None, background: QColor | None = None) -> None:
        """Draw the map in scene coordinates: background, edges and junctions, cards, title, legend."""
        theme = self.theme
        painter.save()
        if background is not None:
            painter.fillRect(self.rect if clip is None else self.rect.intersected(clip), background)
        draw_relations(painter, [(*e[:5], self.arrivals.get(e[0].id)) for e in self.edges
                                 if clip is None or e[5].intersects(clip)], theme, horizontal=self.horizontal)
        cards = [c for c in self.cards if clip is None or c[0].intersects(clip)]
        if self._cards_overlap:  # one card at a time, so each lies on the one before
            for rect, st, m in cards:
                drawing.draw_card(painter, rect, st, m, theme)
        else:
            draw_cards(painter, cards, theme)
        if self.title_lines:
            painter.setFont(self.title_font)
            painter.setPen(QPen(theme.text))
            for i, line in enumerate(self.title_lines):
                painter.drawText(QPointF(self.title_pos.x(), self.title_pos.y() + self.title_ascent
                                         + i * self.title_line_height), line)
        if self.legend_pos is not None:
            drawing.draw_legend(painter, self.legend_pos, theme, self.legend_strip)
        painter.restore()


def background_colour(transparent: bool) -> QColor | None:
    """White (for print) or nothing."""
    return None if transparent else QColor(Qt.GlobalColor.white)
