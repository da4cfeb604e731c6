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
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from .. import measure
from ..io.atomic import atomic_write_bytes
from ..io.errors import MapFileError
from ..model import ArgumentMap
from .mapdraw import MapDrawing
from .picture import Picture
from .style import WHITE, Colour, Font, Pen

if TYPE_CHECKING:
    from collections.abc import Sequence


FONT_STACK = "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif"  # Vera: the same metrics
DRAWING_OPTIONS = ("ids", "title", "legend", "margin", "palette", "positions", "labels", "numbers")
# characters XML cannot hold (only ever in user text: statements, titles, the description)
_DROPPED = str.maketrans(dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]))
_CAPS = {"flat": "butt", "square": "square", "round": "round"}


def escape(s: str) -> str:
    """``s`` as XML element text: markup characters escaped, characters XML cannot hold dropped.
    Every piece of user text passes through here, so the document around it needs no such pass."""
    return s.translate(_DROPPED).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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


class _Templates(dict):
    """The format of every path op with its values, tag included (``%s`` prints the command
    letter, ``%.0s`` prints nothing), so that a whole path is one ``%`` over its flattened ops;
    polygons ("P") and runs of cubics ("B") by their length.  Rectangles ("R") and ellipses ("E")
    have none: their arcs are computed (:func:`_arc_data`)."""

    def __missing__(self, key: tuple[str, int]) -> str:
        tag, n = key
        if tag == "P" and n >= 5 and n % 2 == 1:
            t = "%.0sM%.2f %.2f" + "L%.2f %.2f" * ((n - 3) // 2) + "Z"
        elif tag == "B" and n >= 9 and (n - 3) % 6 == 0:
            t = "%.0sM%.2f %.2f" + "C%.2f %.2f %.2f %.2f %.2f %.2f" * ((n - 3) // 6)
        else:
            raise KeyError(key)
        self[key] = t
        return t


_TEMPLATES = _Templates(
    {
        ("M", 3): "%s%.2f %.2f",
        ("L", 3): "%s%.2f %.2f",
        ("C", 7): "%s%.2f %.2f %.2f %.2f %.2f %.2f",
        ("Z", 1): "%s",
        ("S", 5): "%.0sM%.2f %.2fL%.2f %.2f",
    }
)


def path_data(ops: Sequence[tuple]) -> str:
    """SVG path data for picture path ops (rounded rectangles and ellipses as arcs); coordinates
    to a hundredth of a map unit."""
    try:  # one format for the whole path (the usual case: lines, curves and polygons)
        template = "".join(map(_TEMPLATES.__getitem__, zip(map(itemgetter(0), ops), map(len, ops))))
    except KeyError:  # with rectangles or ellipses
        return "".join(_arc_data(op) if op[0] in ("R", "E") else _TEMPLATES[op[0], len(op)] % op for op in ops)
    return template % tuple(chain.from_iterable(ops))


def _arc_data(op: tuple) -> str:
    """Path data of a rectangle ("R", rounded corners as arcs) or an ellipse ("E")."""
    if op[0] == "R":
        _, x, y, w, h, r = op
        r = min(r, w / 2, h / 2)
        if r <= 0:
            return "M%.2f %.2fh%.2fv%.2fh%.2fZ" % (x, y, w, h, -w)
        return (
            "M%.2f %.2fh%.2fa%.2f %.2f 0 0 1 %.2f %.2fv%.2fa%.2f %.2f 0 0 1 %.2f %.2fh%.2f"
            "a%.2f %.2f 0 0 1 %.2f %.2fv%.2fa%.2f %.2f 0 0 1 %.2f %.2fZ"
            % (x + r, y, w - 2 * r, r, r, r, r, h - 2 * r, r, r, -r, r, 2 * r - w, r, r, -r, -r, 2 * r - h, r, r, r, -r)
        )
    _, cx, cy, rx, ry = op
    return "M%.2f %.2fa%.2f %.2f 0 1 0 %.2f 0a%.2f %.2f 0 1 0 %.2f 0Z" % (cx - rx, cy, rx, ry, 2 * rx, rx, ry, -2 * rx)


_RECT = '%.0s<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" rx="%.2f"/>\n'
_SQUARE = '%.0s<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f"/>%.0s\n'
_CIRCLE = '%.0s<circle cx="%.2f" cy="%.2f" r="%.2f"/>%.0s\n'
_ELLIPSE = '%.0s<ellipse cx="%.2f" cy="%.2f" rx="%.2f" ry="%.2f"/>\n'
_TEXT = '<text x="%.2f" y="%.2f">%s</text>\n'


def _shapes(ops: list[tuple]) -> str | None:
    """Path ops that are all rectangles or all ellipses (two or more) as ``<rect>``/``<circle>``/``<ellipse>``
    elements: far fewer numbers than the same shapes as path arcs.  None for any other path."""
    kind = ops[0][0]
    if len(ops) < 2 or kind not in ("R", "E") or any(op[0] != kind for op in ops):
        return None
    if kind == "R":
        template = "".join(_RECT if op[5] > 0 else _SQUARE for op in ops)
    else:
        template = "".join(_CIRCLE if op[3] == op[4] else _ELLIPSE for op in ops)
    return template % tuple(chain.from_iterable(ops))


def _texts(runs: list[tuple[float, float, str]]) -> str:
    """``<text>`` elements for text runs ``(x, baseline y, text)``, the texts escaped all at once
    (usually there is nothing to escape, and the runs' values go into the elements as they are)."""
    joined = "\n".join([run[2] for run in runs])
    escaped = escape(joined)
    if escaped == joined:
        values = tuple(chain.from_iterable(runs))
    else:
        if escaped.count("\n") == len(runs) - 1:  # one line each (as drawn): split the escaped whole
            texts = escaped.split("\n")
        else:
            texts = [escape(run[2]) for run in runs]
        values = tuple(chain.from_iterable((x, y, t) for (x, y, _), t in zip(runs, texts)))
    return (_TEXT * len(runs)) % values


def _font_attrs(font: Font) -> str:
    s = ' font-family="%s" font-size="%s"' % (FONT_STACK, _n(font.px))
    if font.bold:
        s += ' font-weight="bold"'
    if font.spacing:
        s += ' letter-spacing="%s"' % _n(font.spacing)
    return s


def document(pic: Picture, box: tuple[float, float, float, float], *, title: str, desc: str = "") -> bytes:
    """An SVG document showing the part ``box`` (left, top, width, height, in map units) of ``pic``."""
    return _document(elements(pic), box, title, desc)


def _document(body: str, box: tuple[float, float, float, float], title: str, desc: str) -> bytes:
    """The SVG document around ``body`` (a drawing's elements, in map units)."""
    left, top, w, h = box
    w, h = math.ceil(w), math.ceil(h)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" viewBox="0 0 %d %d">\n'
        % (w, h, w, h),
        "<title>%s</title>\n" % escape(title),
    ]
    if desc:
        parts.append("<desc>%s</desc>\n" % escape(desc))
    parts.append('<g transform="translate(%s %s)" text-rendering="geometricPrecision">\n' % (_n(-left), _n(-top)))
    parts.append(body)
    parts.append("</g>\n</svg>\n")
    return "".join(parts).encode("utf-8")


def elements(pic: Picture) -> str:
    """The SVG elements of a picture's items, in drawing order."""
    parts: list[str] = []
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
            else:  # many rectangles or ellipses (card bodies, markers, junctions): elements sharing a style
                add("<g%s>\n%s</g>\n" % (attrs, shapes))
        else:
            _, font, colour, runs = item
            add("<g%s%s>\n" % (_font_attrs(font), _colour("fill", colour)))
            add(_texts(runs))
            add("</g>\n")
    return "".join(parts)


def svg_bytes(amap: ArgumentMap, *, transparent: bool = False, **opts: Any) -> bytes:
    """The map as an SVG document: vector shapes, ``<text>`` elements, a viewBox and the title
    (``opts``: those of :class:`~argmap.draw.mapdraw.MapDrawing`)."""
    d = MapDrawing(amap, **{k: v for k, v in opts.items() if k in DRAWING_OPTIONS})
    desc = " ".join(str(amap.meta.get("description") or "").split())
    if measure.compact_cards(amap):  # the cards show titles: the statements' full texts, as an outline
        from ..io.outline import text_outline  # (only then: drawing a map needs no outline writer)

        desc = "\n\n".join(t for t in (desc, text_outline(amap, opts.get("ids"), width=10_000)) if t)
    pic = d.picture(background=None if transparent else WHITE)
    return _document(
        elements(pic), d.rect, d.title or amap.title or "Argument map", desc or "Argument map drawn by argmap"
    )


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
