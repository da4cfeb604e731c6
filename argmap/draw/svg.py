"""Write a :class:`~argmap.draw.picture.Picture` (or a whole map) as an SVG document, without Qt.

The document has a viewBox and a size in CSS pixels (one map unit each), the map's title as
``<title>`` and a ``<desc>``, vector paths, and every line of text as a ``<text>`` element
(searchable and selectable; the text is escaped, so ``<script>`` or ``&`` in a statement stays
text, and characters XML cannot hold are dropped).  Text runs of one font and colour share a
``<g>`` that carries the font, so the file stays small.
"""
from __future__ import annotations

import math
import os
import re
from typing import Any, Iterable

from ..io.atomic import atomic_write_bytes
from ..io.errors import MapFileError
from ..layout import measure
from ..model import ArgumentMap
from .picture import Picture
from .style import Colour, Font, Pen

FONT_STACK = "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif"  # Vera: the same metrics
DRAWING_OPTIONS = ("ids", "title", "legend", "margin", "palette", "positions")
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_CAPS = {"flat": "butt", "square": "square", "round": "round"}


def escape(s: str) -> str:
    """``s`` as XML text or attribute value."""
    s = s.translate(_ESCAPES)
    return _BAD_XML.sub("", s) if _BAD_XML.search(s) else s


def _n(v: float) -> str:
    """A coordinate: two decimals at most, no trailing zeros."""
    s = "%.2f" % v
    if s[-1] == "0":
        s = s[:-1] if s[-2] != "0" else s[:-3]
        if s == "-0":
            s = "0"
    return s


def _colour(attr: str, c: Colour) -> str:
    s = ' %s="#%02x%02x%02x"' % (attr, c[0], c[1], c[2])
    if c[3] != 255:
        s += ' %s-opacity="%s"' % (attr, _n(c[3] / 255))
    return s


def _stroke(pen: Pen) -> str:
    s = _colour("stroke", pen.colour) + ' stroke-width="%s"' % _n(pen.width)
    if pen.dashes:
        s += ' stroke-dasharray="%s"' % " ".join(_n(d) for d in pen.dashes)
    if pen.cap != "flat":
        s += ' stroke-linecap="%s"' % _CAPS[pen.cap]
    if pen.join != "miter":
        s += ' stroke-linejoin="%s"' % pen.join
    return s


_OPS = {"M": "M%.2f %.2f", "L": "L%.2f %.2f", "C": "C%.2f %.2f %.2f %.2f %.2f %.2f", "S": "M%.2f %.2fL%.2f %.2f",
        "P": "M%.2f %.2fL%.2f %.2fL%.2f %.2fZ"}   # "P": a triangle; longer polygons below


def path_data(ops: Iterable[tuple]) -> str:
    """SVG path data for picture path ops (rounded rectangles and ellipses as arcs); coordinates
    to a hundredth of a map unit."""
    out: list[str] = []
    add = out.append
    fmt = _OPS.get
    for op in ops:
        c = op[0]
        f = fmt(c)
        if f is not None and (c != "P" or len(op) == 7):
            add(f % op[1:])
        elif c == "P":
            add("M%.2f %.2f" % op[1:3] + "L%.2f %.2f" * ((len(op) - 3) // 2) % op[3:] + "Z")
        elif c == "Z":
            add("Z")
        elif c == "R":
            _, x, y, w, h, r = op
            r = min(r, w / 2, h / 2)
            if r <= 0:
                add("M%.2f %.2fh%.2fv%.2fh%.2fZ" % (x, y, w, h, -w))
            else:
                add("M%.2f %.2fh%.2fa%.2f %.2f 0 0 1 %.2f %.2fv%.2fa%.2f %.2f 0 0 1 %.2f %.2fh%.2f"
                    "a%.2f %.2f 0 0 1 %.2f %.2fv%.2fa%.2f %.2f 0 0 1 %.2f %.2fZ" % (
                        x + r, y, w - 2 * r, r, r, r, r, h - 2 * r, r, r, -r, r,
                        2 * r - w, r, r, -r, -r, 2 * r - h, r, r, r, -r))
        elif c == "E":
            _, cx, cy, rx, ry = op
            add("M%.2f %.2fa%.2f %.2f 0 1 0 %.2f 0a%.2f %.2f 0 1 0 %.2f 0Z" % (
                cx - rx, cy, rx, ry, 2 * rx, rx, ry, -2 * rx))
    return "".join(out)


_RECT = '<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" rx="%.2f"/>\n'
_SQUARE = '<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f"/>\n'


def _shapes(ops: list[tuple]) -> str | None:
    """Path ops that are all rectangles or all ellipses (two or more) as ``<rect>``/``<circle>``/``<ellipse>``
    elements: a fifth of the numbers of the same shapes as path arcs.  None for any other path."""
    kind = ops[0][0]
    if len(ops) < 2 or kind not in ("R", "E") or any(op[0] != kind for op in ops):
        return None
    if kind == "R":
        return "".join(_RECT % op[1:] if op[5] > 0 else _SQUARE % op[1:5] for op in ops)
    return "".join('<circle cx="%.2f" cy="%.2f" r="%.2f"/>\n' % op[1:4] if op[3] == op[4]
                   else '<ellipse cx="%.2f" cy="%.2f" rx="%.2f" ry="%.2f"/>\n' % op[1:] for op in ops)


def _font_attrs(font: Font) -> str:
    s = ' font-family="%s" font-size="%s"' % (FONT_STACK, _n(font.px))
    if font.bold:
        s += ' font-weight="bold"'
    if font.spacing:
        s += ' letter-spacing="%s"' % _n(font.spacing)
    return s


def document(pic: Picture, box: tuple[float, float, float, float], *, title: str, desc: str = "") -> bytes:
    """An SVG document showing the part ``box`` (left, top, width, height, in map units) of ``pic``."""
    left, top, w, h = box
    w, h = math.ceil(w), math.ceil(h)
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n',
             '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" viewBox="0 0 %d %d">\n'
             % (w, h, w, h),
             "<title>%s</title>\n" % escape(title)]
    if desc:
        parts.append("<desc>%s</desc>\n" % escape(desc))
    parts.append('<g transform="translate(%s %s)" text-rendering="geometricPrecision">\n' % (_n(-left), _n(-top)))
    add = parts.append
    for item in pic.items:
        if item[0] == "path":
            _, ops, pen, fill, winding = item
            attrs = _colour("fill", fill) if fill is not None else ' fill="none"'
            if fill is not None and not winding:
                attrs += ' fill-rule="evenodd"'
            if pen is not None:
                attrs += _stroke(pen)
            shapes = _shapes(ops)
            if shapes is None:
                add('<path d="%s"%s/>\n' % (path_data(ops), attrs))
            else:   # many rectangles or ellipses (card bodies, markers, junctions): elements sharing a style
                add("<g%s>\n%s</g>\n" % (attrs, shapes))
        else:
            _, font, colour, runs = item
            add("<g%s%s>\n" % (_font_attrs(font), _colour("fill", colour)))
            parts.extend('<text x="%.2f" y="%.2f">%s</text>\n' % (x, y, t.replace("&", "&amp;").replace("<", "&lt;")
                                                                  .replace(">", "&gt;")) for x, y, t in runs)
            add("</g>\n")
    add("</g>\n</svg>\n")
    out = "".join(parts)
    if _BAD_XML.search(title + desc + "".join(pic.texts())):  # characters XML cannot hold: dropped
        out = _BAD_XML.sub("", out)
    return out.encode("utf-8")


def svg_bytes(amap: ArgumentMap, *, transparent: bool = False, **opts: Any) -> bytes:
    """The map as an SVG document: vector shapes, ``<text>`` elements, a viewBox and the title
    (``opts``: those of :class:`~argmap.draw.mapdraw.MapDrawing`)."""
    from .mapdraw import MapDrawing
    from .style import WHITE

    d = MapDrawing(amap, **{k: v for k, v in opts.items() if k in DRAWING_OPTIONS})
    desc = " ".join(str(amap.meta.get("description") or "").split())
    if measure.compact_cards(amap):  # the cards show titles: the statements' full texts, as an outline
        from ..io.outline import text_outline

        desc = "\n\n".join(t for t in (desc, text_outline(amap, opts.get("ids"), width=10_000)) if t)
    pic = d.picture(background=None if transparent else WHITE)
    return document(pic, d.rect, title=d.title or amap.title or "Argument map",
                    desc=desc or "Argument map drawn by argmap")


def write_output(path: str | os.PathLike[str], data: bytes) -> None:
    """Write an export to ``path`` atomically; a :class:`MapFileError` (one line, naming the file)
    when it cannot be written."""
    try:
        atomic_write_bytes(path, data)
    except MapFileError:
        raise
    except OSError as e:
        raise MapFileError(path, "", f"cannot write: {e.strerror or e}") from None


def export_svg(amap: ArgumentMap, path: str | os.PathLike[str], **opts: Any) -> None:
    """Write :func:`svg_bytes` to ``path``."""
    write_output(path, svg_bytes(amap, **opts))
