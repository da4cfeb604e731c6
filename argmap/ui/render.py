"""Draw a whole map, or some of its elements, onto any QPainter with drawing.py: for export and print."""
from __future__ import annotations

from typing import Iterable, Mapping

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from ..layout import measure
from ..model import ArgumentMap, Polarity, Relation, Statement
from . import drawing

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
        sizes = {s: measure.card_size(amap.statements[s]) for s in statements}
        for _ in range(3):  # undercuts of undercuts: their targets get a position first
            found = junction_positions(amap, pos, sizes, [r for r in missing if r not in pos])
            pos.update(found)
            if all(r in pos for r in missing):
                break
    return pos


def _layout(amap: ArgumentMap) -> dict[str, Point]:
    """``argmap.layout.layout_map`` when it exists; until then the engine's ``layout_graph`` on the
    map's graph (TEMPORARY, while layout_map is being written), else the canvas's simple fallback."""
    from .. import layout

    if hasattr(layout, "layout_map"):
        from .placement import layout_positions

        return layout_positions(amap)
    if hasattr(layout, "layout_graph"):
        pinned = {k: amap.positions[k] for k in amap.pinned if k in amap.positions}
        laid = layout.layout_graph(amap.graph, measure.map_sizes(amap), pinned=pinned or None)
        return {str(k): (float(v[0]), float(v[1])) for k, v in laid.items()}
    from .placement import fallback_layout

    return fallback_layout(amap)


def _bezier(p: list[tuple[float, float]], t: float) -> tuple[float, float]:
    u = 1.0 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * p[0][0] + b * p[1][0] + c * p[2][0] + d * p[3][0], a * p[0][1] + b * p[1][1] + c * p[2][1] + d * p[3][1])


def _t_back(p: list[tuple[float, float]], length: float) -> float:
    """The parameter ``t`` of the point about ``length`` back from the end of a cubic, along the curve:
    a first-order guess from the end tangent, corrected once by the chord (arrowheads are short)."""
    speed = 3.0 * ((p[3][0] - p[2][0]) ** 2 + (p[3][1] - p[2][1]) ** 2) ** 0.5
    total = sum(((p[i + 1][0] - p[i][0]) ** 2 + (p[i + 1][1] - p[i][1]) ** 2) ** 0.5 for i in range(3))
    if speed < 1e-6 or total <= length:
        speed = max(total, 1e-6)
    t = max(0.0, 1.0 - length / speed)
    for _ in range(2):
        q = _bezier(p, t)
        chord = ((q[0] - p[3][0]) ** 2 + (q[1] - p[3][1]) ** 2) ** 0.5
        if chord < 1e-6:
            break
        t = max(0.0, 1.0 - (1.0 - t) * length / chord)
    return t


def _split(p: list[tuple[float, float]], t: float) -> QPainterPath:
    """The part ``[0, t]`` of a cubic (de Casteljau)."""
    def lerp(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
        return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)

    p01, p12, p23 = lerp(p[0], p[1]), lerp(p[1], p[2]), lerp(p[2], p[3])
    p012, p123 = lerp(p01, p12), lerp(p12, p23)
    end = lerp(p012, p123)
    path = QPainterPath(QPointF(*p[0]))
    path.cubicTo(QPointF(*p01), QPointF(*p012), QPointF(*end))
    return path


def _cubic(path: QPainterPath) -> list[tuple[float, float]] | None:
    """The control points of a path that is one cubic or one straight line (what drawing makes)."""
    n = path.elementCount()
    if n == 4 and path.elementAt(1).isCurveTo():
        return [(path.elementAt(i).x, path.elementAt(i).y) for i in range(4)]
    if n == 2 and path.elementAt(1).isLineTo():
        a, b = path.elementAt(0), path.elementAt(1)
        return [(a.x, a.y), (a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3),
                (a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3), (b.x, b.y)]
    return None


def draw_arrow_edge(painter: QPainter, path: QPainterPath, polarity: Polarity, theme: drawing.Theme) -> None:
    """What ``drawing.draw_edge(..., arrow=True)`` draws, computed in closed form for a cubic: the same
    pen, the line stopped at the arrowhead's base, the same arrowhead (much faster for big exports)."""
    p = _cubic(path)
    if p is None:
        drawing.draw_edge(painter, path, polarity, theme)
        return
    pen = drawing.edge_pen(polarity, theme)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen)
    painter.drawPath(_split(p, _t_back(p, drawing.ARROW_LENGTH - 1.0)))
    tip = p[3]
    back = _bezier(p, _t_back(p, drawing.ARROW_LENGTH))
    dx, dy = back[0] - tip[0], back[1] - tip[1]
    d = (dx * dx + dy * dy) ** 0.5
    ux, uy = (dx / d, dy / d) if d > 1e-6 else (0.0, 1.0)
    length, width = drawing.ARROW_LENGTH, drawing.ARROW_WIDTH
    bx, by = tip[0] + ux * length, tip[1] + uy * length
    nx, ny = -uy * width / 2, ux * width / 2
    painter.setPen(QPen(pen.color(), 1.0))
    painter.setBrush(pen.color())
    painter.drawPolygon(QPolygonF([QPointF(*tip), QPointF(bx + nx, by + ny), QPointF(bx - nx, by - ny)]))


def draw_relation(painter: QPainter, relation: Relation, premise_rects: list[QRectF], junction: QPointF,
                  target_rect: QRectF, theme: drawing.Theme, *, target_is_junction: bool = False) -> None:
    """``drawing.draw_relation`` for export: the same paths, pens, arrowhead and junction."""
    premises, target = drawing.edge_paths(premise_rects, junction, target_rect, target_is_junction=target_is_junction)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(drawing.edge_pen(relation.polarity, theme))
    for path in premises:
        painter.drawPath(path)
    draw_arrow_edge(painter, target, relation.polarity, theme)
    painter.restore()
    drawing.draw_junction(painter, junction, relation, theme)


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
        self.theme = theme or drawing.theme_for(False)
        self.statements, self.relations = subset(amap, ids)
        pos = dict(positions) if positions is not None else resolve_positions(amap, self.statements, self.relations)
        self.relations = [r for r in self.relations if r in pos]
        self.cards: list[tuple[QRectF, Statement, measure.CardMetrics]] = []
        self.rects: dict[str, QRectF] = {}
        for sid in self.statements:
            st = amap.statements[sid]
            m = measure.card_metrics(st.text, st.title)
            rect = drawing.card_rect(pos.get(sid, (0.0, 0.0)), m)
            self.cards.append((rect, st, m))
            self.rects[sid] = rect
        self.junctions: dict[str, QPointF] = {r: QPointF(*pos[r]) for r in self.relations}
        for rid, c in self.junctions.items():
            self.rects[rid] = drawing.junction_rect(c)
        self.edges: list[tuple[Relation, list[QRectF], QPointF, QRectF, bool, QRectF]] = []
        for rid in self.relations:
            rel = amap.relations[rid]
            prem = [self.rects[p] for p in rel.premises if p in self.rects]
            target = self.rects.get(rel.target)
            if not prem or target is None:
                continue
            j = self.junctions[rid]
            bounds = QRectF(j, j).adjusted(-ARROW_PAD, -ARROW_PAD, ARROW_PAD, ARROW_PAD)
            for r in prem + [target]:
                bounds = bounds.united(r)
            self.edges.append((rel, prem, j, target, rel.target in amap.relations, bounds))
        self.content = self._content_rect()
        text = amap.title if title is None or title is True else (title or "")
        self.title = " ".join(str(text).split()) if text is not False else ""
        self.legend = legend
        self.margin = margin
        self._layout_header()

    def _content_rect(self) -> QRectF:
        rect = QRectF()
        for r in self.rects.values():
            rect = rect.united(r)
        for e in self.edges:
            rect = rect.united(e[5].adjusted(ARROW_PAD, ARROW_PAD, -ARROW_PAD, -ARROW_PAD))
        if rect.isNull():
            rect = QRectF(0, 0, measure.MIN_CARD_WIDTH, 40)
        return rect.adjusted(-4, -4, 4, 4)  # selection-free, but pens and arrow tips stick out a little

    def _layout_header(self) -> None:
        c = self.content
        self.title_font = _title_font()
        fm = QFontMetricsF(self.title_font)
        self.title_line_height = fm.lineSpacing()
        self.title_ascent = fm.ascent()
        lsize = drawing.legend_size() if self.legend else None
        lw = lsize.width() if lsize else 0.0
        lh = lsize.height() if lsize else 0.0
        width = max(c.width() - (lw + LEGEND_GAP if lsize else 0.0), 360.0)
        self.title_lines = _wrap(self.title, fm, width) if self.title else []
        title_w = max((fm.horizontalAdvance(t) for t in self.title_lines), default=0.0)
        title_h = len(self.title_lines) * self.title_line_height
        self.title_pos = QPointF(c.left(), 0.0)
        self.legend_pos: QPointF | None = None
        header_h = max(title_h, lh)  # one header row: title on the left, legend on the right
        top = c.top() - TITLE_GAP - header_h
        self.title_pos = QPointF(c.left(), top)
        if lsize:
            self.legend_pos = QPointF(max(c.right() - lw, c.left() + (title_w + LEGEND_GAP if title_w else 0)), top)
        inner = QRectF(c)
        if header_h:
            inner.setTop(c.top() - TITLE_GAP - header_h)
        if self.title_lines:
            inner.setRight(max(inner.right(), c.left() + title_w))
        if self.legend_pos is not None and lsize:
            inner = inner.united(QRectF(self.legend_pos, lsize))
        m = self.margin
        self.rect = inner.adjusted(-m, -m, m, m)

    def paint(self, painter: QPainter, *, clip: QRectF | None = None, background: QColor | None = None) -> None:
        """Draw the map in scene coordinates: background, edges and junctions, cards, title, legend."""
        theme = self.theme
        painter.save()
        if background is not None:
            painter.fillRect(self.rect if clip is None else self.rect.intersected(clip), background)
        for rel, prem, j, target, is_junction, bounds in self.edges:
            if clip is None or bounds.intersects(clip):
                draw_relation(painter, rel, prem, j, target, theme, target_is_junction=is_junction)
        for rect, st, m in self.cards:
            if clip is None or rect.intersects(clip):
                drawing.draw_card(painter, rect, st, m, theme)
        if self.title_lines:
            painter.setFont(self.title_font)
            painter.setPen(QPen(theme.text))
            for i, line in enumerate(self.title_lines):
                painter.drawText(QPointF(self.title_pos.x(), self.title_pos.y() + self.title_ascent
                                         + i * self.title_line_height), line)
        if self.legend_pos is not None:
            drawing.draw_legend(painter, self.legend_pos, theme)
        painter.restore()


def background_colour(transparent: bool) -> QColor | None:
    """White (for print) or nothing."""
    return None if transparent else QColor(Qt.GlobalColor.white)
