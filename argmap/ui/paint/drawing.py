"""Cards, junctions, edges and the legend on a QPainter: the primitives the canvas and the exporters share."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF

from ... import measure
from ...draw import parts, style, verdicts
from ...draw import route as edge_route
from ...draw.picture import Picture
from ...draw.style import ARROW_LENGTH, ARROW_WIDTH, CARD_RADIUS, KIND_LABELS
from ...measure import CardMetrics
from ...model import Kind, Polarity, Relation, Statement
from . import text
from .edge_geometry import edge_paths
from .qpicture import play
from .theme import Theme, label_font

SELECTION_MARGIN = 4.0  # selection/hover outline drawn this far outside the card
ATTACK_DASHES = list(style.ATTACK_DASHES)  # in pen widths


# ------------------------------------------------------------------- cards
def kind_marker_path(kind: Kind, center: QPointF, size: float) -> QPainterPath:
    """A small shape that tells kinds apart without colour: conclusion diamond, premise circle,
    evidence square."""
    path = QPainterPath()
    h = size / 2
    if kind is Kind.CONCLUSION:
        path.addPolygon(
            QPolygonF(
                [
                    center + QPointF(0, -h - 0.8),
                    center + QPointF(h + 0.8, 0),
                    center + QPointF(0, h + 0.8),
                    center + QPointF(-h - 0.8, 0),
                ]
            )
        )
        path.closeSubpath()
    elif kind is Kind.EVIDENCE:
        path.addRect(QRectF(center.x() - h, center.y() - h, size, size))
    else:
        path.addEllipse(center, h, h)
    return path


def draw_card(
    painter: QPainter,
    rect: QRectF,
    statement: Statement,
    metrics: CardMetrics,
    theme: Theme,
    *,
    selected: bool = False,
    hover: bool = False,
    simplified: bool = False,
    found: bool = False,
    drop_target: bool = False,
    word: str | None = None,
) -> None:
    """A statement card in ``rect`` (its size is ``metrics.size``): kind label (or the role ``word``,
    see ``draw.labels``) and marker, bold title lines, text lines; outlines for selection, hover, find
    matches and drop targets."""
    kind = statement.kind
    accent = theme.kind[kind]
    painter.save()
    if simplified:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.selection if selected else accent)
        painter.drawRect(rect)
        painter.setBrush(theme.card[kind])
        inner = rect.adjusted(3, 3, -3, -3)
        painter.drawRect(inner)
        if found:
            painter.setBrush(theme.find)
            painter.drawRect(inner)
        painter.restore()
        return
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    halo = None
    if drop_target:
        halo = (theme.drop, 3.0)
    elif selected:
        halo = (theme.selection, 3.0)
    elif found:
        halo = (theme.find, 4.0)
    elif hover:
        halo = (theme.hover, 6.0)  # a soft, wide glow: unlike the crisp selection outline
    if found and (selected or drop_target):
        outer = rect.adjusted(-SELECTION_MARGIN - 3, -SELECTION_MARGIN - 3, SELECTION_MARGIN + 3, SELECTION_MARGIN + 3)
        painter.setPen(QPen(theme.find, 3.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(outer, CARD_RADIUS + 6, CARD_RADIUS + 6)
    if halo is not None:
        m = SELECTION_MARGIN
        painter.setPen(QPen(halo[0], halo[1]))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(-m, -m, m, m), CARD_RADIUS + m, CARD_RADIUS + m)
    # body
    border = style.card_border(kind)
    pen = QPen(accent, border)
    if statement.implicit:  # an unstated premise the analyst supplied: dashed, as every export draws it
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setDashPattern(list(style.IMPLICIT_DASHES))
    painter.setPen(pen)
    painter.setBrush(theme.card[kind])
    body = rect.adjusted(border / 2, border / 2, -border / 2, -border / 2)
    painter.drawRoundedRect(body, CARD_RADIUS, CARD_RADIUS)
    if kind is Kind.EVIDENCE:  # a second, inner line: evidence reads as a "document"
        painter.setPen(QPen(accent, 0.8, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(body.adjusted(2.5, 2.5, -2.5, -2.5), CARD_RADIUS - 2, CARD_RADIUS - 2)
    # kind marker and label
    x0, y0 = rect.left(), rect.top()
    marker_c = QPointF(x0 + measure.PAD_X + 3.5, y0 + metrics.label_y - measure.MARKER_DROP)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(accent)
    painter.drawPath(kind_marker_path(kind, marker_c, 7.0))
    if not metrics.compact:  # a compact card tells its kind by marker, colour and border alone
        painter.setPen(accent)
        painter.setFont(label_font())
        painter.drawText(QPointF(x0 + measure.PAD_X + 11.0, y0 + metrics.label_y), word or KIND_LABELS[kind])
    # title and text
    painter.setPen(theme.text)
    left = x0 + metrics.text_x
    if metrics.title_lines:
        text.draw_lines(painter, metrics.title_lines, left, y0 + metrics.title_y, metrics.line_height, True)
    text.draw_lines(painter, metrics.text_lines, left, y0 + metrics.text_y, metrics.line_height, False)
    painter.restore()


def card_rect(center: QPointF | tuple[float, float], metrics: CardMetrics) -> QRectF:
    """The card's rectangle for a centre position (as stored in the model)."""
    cx, cy = (center.x(), center.y()) if isinstance(center, QPointF) else center
    return QRectF(cx - metrics.width / 2, cy - metrics.height / 2, metrics.width, metrics.height)


# --------------------------------------------------------------- junctions
def junction_rect(center: QPointF) -> QRectF:
    s = measure.JUNCTION_SIZE
    return QRectF(center.x() - s / 2, center.y() - s / 2, s, s)


def draw_junction(
    painter: QPainter, center: QPointF, relation: Relation, theme: Theme, *, selected: bool = False, hover: bool = False
) -> None:
    """The junction where a relation's premises meet: a circle with "+" for support, a square
    with "−" for attack (so polarity reads without colour)."""
    colour = theme.support if relation.polarity is Polarity.SUPPORT else theme.attack
    r = junction_rect(center)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if selected or hover:
        painter.setPen(QPen(theme.selection if selected else theme.hover, 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(center, r.width() / 2 + 4, r.height() / 2 + 4)
    painter.setPen(QPen(theme.rim[relation.polarity], 1.0))
    painter.setBrush(colour)
    if relation.polarity is Polarity.SUPPORT:
        painter.drawEllipse(r)
    else:
        painter.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
    painter.setPen(QPen(QColor("#ffffff"), 1.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    h = r.width() * 0.28
    painter.drawLine(QPointF(center.x() - h, center.y()), QPointF(center.x() + h, center.y()))
    if relation.polarity is Polarity.SUPPORT:
        painter.drawLine(QPointF(center.x(), center.y() - h), QPointF(center.x(), center.y() + h))
    painter.restore()


# ------------------------------------------------------------------- edges


def edge_pen(polarity: Polarity, theme: Theme, *, width: float | None = None, highlighted: bool = False) -> QPen:
    colour = theme.support if polarity is Polarity.SUPPORT else theme.attack
    width = theme.palette.edge_width if width is None else width
    pen = QPen(colour, width * (1.6 if highlighted else 1.0))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if polarity is Polarity.ATTACK:
        pen.setDashPattern(ATTACK_DASHES)
    return pen


def arrowhead(path: QPainterPath, length: float = ARROW_LENGTH, width: float = ARROW_WIDTH) -> QPolygonF:
    """A triangle whose tip is the end of ``path``, pointing along its end tangent (so arrows that
    gather into one point of a card share one head)."""
    tip = path.pointAtPercent(1.0)
    if path.length() < 1e-6:
        ux, uy = 0.0, 1.0
    else:
        a = math.radians(path.angleAtPercent(1.0))  # counter-clockwise from 3 o'clock, y growing down
        ux, uy = -math.cos(a), math.sin(a)
    base = QPointF(tip.x() + ux * length, tip.y() + uy * length)
    nx, ny = -uy * width / 2, ux * width / 2
    return QPolygonF([tip, QPointF(base.x() + nx, base.y() + ny), QPointF(base.x() - nx, base.y() - ny)])


def _segments(path: QPainterPath) -> list[list[tuple[float, float]]] | None:
    """The cubic segments of a path made of one move and then curves or lines (what edge_geometry
    makes), or None for any other path."""
    n = path.elementCount()
    if n < 2 or not path.elementAt(0).isMoveTo():
        return None
    segs: list[list[tuple[float, float]]] = []
    i = 1
    last = (path.elementAt(0).x, path.elementAt(0).y)
    while i < n:
        e = path.elementAt(i)
        if e.isCurveTo() and i + 2 < n:
            c1, c2 = path.elementAt(i + 1), path.elementAt(i + 2)
            segs.append([last, (e.x, e.y), (c1.x, c1.y), (c2.x, c2.y)])
            i += 3
        elif e.isLineTo():
            segs.append(edge_route.line(last, (e.x, e.y)))
            i += 1
        else:
            return None
        last = segs[-1][3]
    return segs


def edge_parts(path: QPainterPath, *, highlighted: bool = False) -> tuple[QPainterPath, QPolygonF]:
    """An arrow edge as its line (stopped at the arrowhead's base, so dashes never poke through
    the tip) and its arrowhead; cache these when drawing the same edge often.  The same cut and
    head as the exporter's (``render_edges``), in closed form."""
    scale = 1.25 if highlighted else 1.0
    segs = _segments(path)
    if not segs:
        plen = path.length()
        cut = path.percentAtLength(max(0.0, plen - ARROW_LENGTH + 1.0)) if plen > 0 else 1.0
        trimmed = QPainterPath(path.pointAtPercent(0.0))
        steps = max(4, min(24, int(plen / 8)))
        for i in range(1, steps + 1):
            trimmed.lineTo(path.pointAtPercent(cut * i / steps))
        return trimmed, arrowhead(path, ARROW_LENGTH * scale, ARROW_WIDTH * scale)
    t, corners = edge_route.head(segs[-1], ARROW_LENGTH * scale, ARROW_WIDTH * scale, ARROW_LENGTH - 1.0)
    trimmed = QPainterPath(QPointF(*segs[0][0]))
    for p in segs[:-1]:
        trimmed.cubicTo(*p[1], *p[2], *p[3])
    p = edge_route.split(segs[-1], t)
    trimmed.cubicTo(*p[1], *p[2], *p[3])
    return trimmed, QPolygonF([QPointF(*c) for c in corners])


def draw_edge_parts(
    painter: QPainter,
    line: QPainterPath,
    head: QPolygonF | None,
    polarity: Polarity,
    theme: Theme,
    *,
    highlighted: bool = False,
) -> None:
    """Draw an edge from :func:`edge_parts` (``head`` None: a plain line without arrowhead)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = edge_pen(polarity, theme, highlighted=highlighted)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen)
    painter.drawPath(line)
    if head is not None:
        painter.setPen(QPen(pen.color(), 1.0))
        painter.setBrush(pen.color())
        painter.drawPolygon(head)
    painter.restore()


def draw_edge(
    painter: QPainter,
    path: QPainterPath,
    polarity: Polarity,
    theme: Theme,
    *,
    arrow: bool = True,
    highlighted: bool = False,
) -> None:
    """One edge: support solid green, attack red and dashed; with an arrowhead at its end."""
    if arrow:
        line, head = edge_parts(path, highlighted=highlighted)
        draw_edge_parts(painter, line, head, polarity, theme, highlighted=highlighted)
    else:
        draw_edge_parts(painter, path, None, polarity, theme, highlighted=highlighted)


def edge_shape(path: QPainterPath, width: float = 8.0) -> QPainterPath:
    """A band around an edge for hit-testing."""
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    return stroker.createStroke(path)


def draw_relation(
    painter: QPainter,
    relation: Relation,
    premise_rects: Sequence[QRectF],
    junction: QPointF,
    target_rect: QRectF,
    theme: Theme,
    *,
    target_is_junction: bool = False,
    selected: bool = False,
    hover: bool = False,
    highlighted: bool = False,
    horizontal: bool = False,
) -> None:
    """A whole relation: premise lines, the target arrow and the junction on top."""
    premises, target = edge_paths(
        premise_rects, junction, target_rect, target_is_junction=target_is_junction, horizontal=horizontal
    )
    for p in premises:
        draw_edge(painter, p, relation.polarity, theme, arrow=False, highlighted=highlighted)
    draw_edge(painter, target, relation.polarity, theme, arrow=True, highlighted=highlighted)
    draw_junction(painter, junction, relation, theme, selected=selected, hover=hover)


# ------------------------------------------------------------------ legend
def legend_size(strip: bool = False, keys: Sequence[str] = parts.LEGEND_KEYS) -> QSizeF:
    """The size :func:`draw_legend` takes (a box, or with ``strip`` a single row)."""
    return QSizeF(*parts.legend_size(strip, keys))


# (strip, entries) -> (palette, legend picture at the origin)
_LEGENDS: dict[tuple[bool, tuple[str, ...]], tuple[object, Picture]] = {}


def draw_legend(
    painter: QPainter, top_left: QPointF, theme: Theme, strip: bool = False, keys: Sequence[str] = parts.LEGEND_KEYS
) -> QRectF:
    """A key to the entries ``keys`` (``draw.parts.legend_keys``: what the map uses) at ``top_left``,
    as every export draws it; returns the rectangle it took.  The picture is made once per palette
    and entries: the canvas draws the legend on every repaint."""
    key = (strip, tuple(keys))
    palette, pic = _LEGENDS.get(key, (None, None))
    if palette is not theme.palette or pic is None:
        pic = Picture()
        parts.draw_legend(pic, (0.0, 0.0), theme.palette, strip, keys)
        if len(_LEGENDS) > 64:
            _LEGENDS.clear()
        _LEGENDS[key] = (theme.palette, pic)
    painter.save()
    painter.translate(top_left)
    play(painter, pic)
    painter.restore()
    return QRectF(top_left, legend_size(strip, keys))


# -------------------------------------------------------------- evaluation
_VERDICTS: dict[tuple[str, float, float, bool], Picture] = {}  # a card's label, drawn at the origin


def draw_verdict(
    painter: QPainter, rect: QRectF, statement: Statement, metrics: CardMetrics, label: str, theme: Theme
) -> None:
    """A card's evaluation label in Evaluate mode: ``draw.verdicts``'s band and tab, as exports draw
    them (made once per label, card size and palette)."""
    key = (label, rect.width(), rect.height(), theme.palette.dark)
    pic = _VERDICTS.get(key)
    if pic is None:
        pic = Picture()
        verdicts.draw_verdicts(
            pic,
            [((0.0, 0.0, rect.width(), rect.height()), statement, metrics)],
            {statement.id: label},
            theme.palette,
            veil=False,
        )
        if len(_VERDICTS) < 20_000:
            _VERDICTS[key] = pic
    painter.save()
    painter.translate(rect.topLeft())
    play(painter, pic)
    painter.restore()


def verdict_legend_size(hint: str = "") -> QSizeF:
    return QSizeF(*verdicts.legend_size(hint))


def draw_verdict_legend(painter: QPainter, top_left: QPointF, theme: Theme, hint: str = "") -> QRectF:
    """The key to the evaluation labels (``draw.verdicts``'s) at ``top_left``."""
    pic = Picture()
    verdicts.draw_legend(pic, (0.0, 0.0), theme.palette, hint)
    painter.save()
    painter.translate(top_left)
    play(painter, pic)
    painter.restore()
    return QRectF(top_left, verdict_legend_size(hint))
