"""A report of a map, without Qt: the map with numbered cards, a key to every number, the relations in outline.

The key lists each card by its number (``draw.numbers``: map order) with its kind, title, full
text and the passages it is anchored to, each quoted with its place in the source ("¶3,
sentence 2": paragraph and sentence, ``model.text.passage_place``).  The relations follow as the
outline (``io.outline``'s tree) with numbers and titles only, since the key holds the texts.  The
same content is written as HTML (the map inline as SVG), as Markdown (the map as an SVG file
beside it, linked) and, by ``ui.export.report_pdf``, as PDF (the map on page 1, the key as text).
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..io.atomic import atomic_write_text
from ..io.outline import KIND_LABEL, VERDICT_TAGS, Node, md_escape, outline_tree
from ..model import ArgumentMap, Statement
from ..model.text import passage_place
from .labels import role_word
from .numbers import card_numbers
from .svg import svg_bytes, write_output

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

SVG_SUFFIX = "-map.svg"  # a Markdown report's map: OUT.md's stem plus this, beside it
TITLE_WORDS = 8  # a card without a title is named in the outline by its first words


@dataclass(frozen=True, slots=True)
class Quote:
    """A passage a statement is anchored to: its words, the source's title and the place in it."""

    passage: str
    source: str
    place: str  # "¶3, sentence 2"; "" when the anchor no longer matches its source


@dataclass(frozen=True, slots=True)
class KeyEntry:
    """One card of the key: its number, its statement and the passages it is anchored to."""

    number: int
    statement: Statement
    quotes: tuple[Quote, ...]
    label: str = ""  # the evaluation's in/out/undecided when the report shows it
    role: str = ""  # OBJECTION or UNDERCUT, the word its card shows instead of its kind (draw.labels)


def quotes(amap: ArgumentMap, st: Statement) -> tuple[Quote, ...]:
    """The passages ``st`` is anchored to, as the source has them now (the saved quote, without a
    place, when an anchor no longer matches its source); the source is named when there are several."""
    out = []
    several = len(amap.sources) > 1
    for a in st.anchors:
        src = amap.sources.get(a.source_id)
        title = " ".join((src.title if src is not None and several else "").split())
        if src is not None and a.matches(src.text):
            out.append(Quote(" ".join(a.quote.split()), title, passage_place(src.text, a.start, a.end)))
        elif a.quote.strip():
            out.append(Quote(" ".join(a.quote.split()), title, ""))
    return tuple(out)


def key_entries(
    amap: ArgumentMap, ids: Iterable[str] | None = None, labels: Mapping[str, str] | None = None
) -> list[KeyEntry]:
    """The key: every statement drawn (all, or ``ids``) in number order."""
    numbers = card_numbers(amap)
    chosen = None if ids is None else set(ids)
    return [
        KeyEntry(
            n,
            amap.statements[sid],
            quotes(amap, amap.statements[sid]),
            str((labels or {}).get(sid, "")),
            role_word(amap, sid) or "",
        )
        for sid, n in numbers.items()
        if chosen is None or sid in chosen
    ]


def name(st: Statement) -> str:
    """A card's name in the outline: its title, else its text's first words."""
    if st.title.strip():
        return " ".join(st.shown_title.split())
    words = st.shown_text.split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")


def outline_lines(amap: ArgumentMap, ids: Iterable[str] | None = None) -> list[tuple[int, str, int | None, str]]:
    """The relations as an outline, pre-order: (depth, role, number or None for a linked group's
    heading, name).  A card met again keeps its number and says "see above"."""
    numbers = card_numbers(amap)
    out: list[tuple[int, str, int | None, str]] = []
    for root in outline_tree(amap, ids):
        stack: list[tuple[Node, int]] = [(root, 0)]
        while stack:
            node, depth = stack.pop()
            st = node.statement
            if st is None:
                out.append((depth, f"{node.role}, together" if node.role else "together", None, ""))
            else:
                role = node.role or KIND_LABEL[st.kind]
                out.append((depth, role, numbers[st.id], name(st) + (" (see above)" if node.seen else "")))
            stack.extend((c, depth + 1) for c in reversed(node.children))
    return out


def _heading(amap: ArgumentMap, title: str | bool | None) -> str:
    text = amap.title if title is None or title is True else (title or "")
    return " ".join(str(text).split()) or "Argument map"


def _sources(amap: ArgumentMap) -> list[str]:
    """One line per source: title, author, date."""
    return [
        ", ".join(x for x in (" ".join(s.title.split()), s.author.strip(), s.date.strip()) if x)
        for s in amap.sources.values()
    ]


# ------------------------------------------------------------------- HTML
CSS = """body { font-family: "DejaVu Sans", Verdana, sans-serif; line-height: 1.45; max-width: 60em;
  margin: 2em auto; padding: 0 1em; color: #1b1b1b; }
figure.map { margin: 1em 0 2em; } figure.map svg { max-width: 100%; height: auto; }
table.key { border-collapse: collapse; } table.key td { vertical-align: top; padding: 0.4em 0.6em;
  border-top: 1px solid #ddd; } td.n { font-weight: bold; font-size: 1.2em; text-align: right; }
.kind { color: #555; font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.05em; }
blockquote { margin: 0.3em 0 0.3em 1em; color: #333; } .place { color: #666; font-size: 0.9em; }
ul.outline { list-style: none; padding-left: 1.2em; } ul.outline ul { list-style: none; }"""


KEY_NOTE = (
    "Each card of the map by its number: kind, title, full text, and the passage of the source it "
    "is anchored to, with its place there (¶ paragraph, then sentence, both counted from 1)."
)
KEY_TABLE = '<table class="key" cellpadding="4" cellspacing="0" width="100%">'


def kind_line(k: KeyEntry) -> str:
    """An entry's kind (after its role, as its card names it: "Objection (premise)"), "implicit" for a
    statement the author leaves unstated, and its label if shown."""
    st = k.statement
    kind = KIND_LABEL[st.kind]
    out = f"{k.role.capitalize()} ({kind.lower()})" if k.role else kind
    out += " · implicit (unstated)" if st.implicit else ""
    return out + (f" · {VERDICT_TAGS[k.label]}" if k.label in VERDICT_TAGS else "")


def entry_html(k: KeyEntry, for_pdf: bool = False) -> str:
    """One row of the key: the number, then kind, title, text and the quoted passages."""
    e = html.escape
    st = k.statement
    kind = kind_line(k)
    kind_html = f'<font color="#555555">{e(kind)}</font>' if for_pdf else f'<span class="kind">{e(kind)}</span>'
    cell = [f"<p>{kind_html}" + (f"<br><b>{e(' '.join(st.shown_title.split()))}</b>" if st.title.strip() else "")]
    cell.append(f"<br>{e(' '.join(st.shown_text.split()))}</p>")
    for q in k.quotes:
        where = ", ".join(x for x in (q.source, q.place) if x)
        cite = ""
        if where:
            cite = (
                f'<br><font color="#666666">— {e(where)}</font>'
                if for_pdf
                else f'<br><span class="place">— {e(where)}</span>'
            )
        cell.append(f"<blockquote>“{e(q.passage)}”{cite}</blockquote>")
    num = f'<td class="n" width="8%" align="right"><b>{k.number}</b></td>'
    return f"<tr>{num}<td>{''.join(cell)}</td></tr>"


def report_parts(
    amap: ArgumentMap,
    *,
    ids: Iterable[str] | None = None,
    labels: Mapping[str, str] | None = None,
    for_pdf: bool = False,
) -> tuple[str, list[str], str]:
    """The report after its map, in pieces a page can break between: the key's heading, one row
    per card (:func:`entry_html`), and the relations in outline with the sources."""
    ids = list(ids) if ids is not None else None
    e = html.escape
    head = f"<h2>Key</h2>\n<p>{e(KEY_NOTE)}</p>"
    rows = [entry_html(k, for_pdf) for k in key_entries(amap, ids, labels)]
    rest = []
    lines = outline_lines(amap, ids)
    if lines:
        rest += ["<h2>Relations</h2>", _outline_html(lines)]
    sources = _sources(amap)
    if sources:
        rest += ["<h2>Sources</h2>", "<ul>" + "".join(f"<li>{e(s)}</li>" for s in sources) + "</ul>"]
    return head, rows, "\n".join(rest)


def report_html(
    amap: ArgumentMap,
    *,
    svg: str | None = None,
    ids: Iterable[str] | None = None,
    title: str | bool | None = None,
    labels: Mapping[str, str] | None = None,
) -> str:
    """The report as an HTML page: heading, the map (``svg``, inline), the key, the relations, the sources."""
    head = _heading(amap, title)
    e = html.escape
    out = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">']
    out += [f"<title>{e(head)}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>", f"<h1>{e(head)}</h1>"]
    desc = " ".join(str(amap.meta.get("description") or "").split())
    if desc:
        out.append(f"<p>{e(desc)}</p>")
    if svg is not None:
        out.append(f'<figure class="map">\n{svg}\n</figure>')
    key_head, rows, rest = report_parts(amap, ids=ids, labels=labels)
    out += [key_head, KEY_TABLE, *rows, "</table>", rest, "</body>\n</html>"]
    return "\n".join(out) + "\n"


def _outline_html(lines: list[tuple[int, str, int | None, str]]) -> str:
    """Nested lists, one level per depth (each deeper list inside the item above it)."""
    e = html.escape
    out: list[str] = []
    depth = -1
    for d, role, number, label in lines:
        if d > depth:
            out.append('<ul class="outline">' if depth < 0 else "<ul>")
            out.extend("<ul>" for _ in range(d - depth - 1))
        else:
            out.append("</li>")
            while depth > d:
                out.append("</ul></li>")
                depth -= 1
        item = f"<i>{e(role)}</i>" + (f" <b>{number}</b> {e(label)}" if number is not None else ":")
        out.append(f"<li>{item}")
        depth = d
    if depth >= 0:
        out.append("</li>")
        while depth > 0:
            out.append("</ul></li>")
            depth -= 1
        out.append("</ul>")
    return "\n".join(out)


def map_svg(amap: ArgumentMap, **opts: Any) -> bytes:
    """The report's map: drawn as exports draw it, every card numbered."""
    return svg_bytes(amap, numbers=card_numbers(amap), **opts)


DRAW_OPTIONS = ("ids", "title", "legend", "margin", "labels", "palette")


def _drawing_options(opts: Mapping[str, Any]) -> dict[str, Any]:
    """The options the report's map is drawn with; the editor's ``theme`` gives its ``palette``."""
    drawn = {k: v for k, v in opts.items() if k in DRAW_OPTIONS}
    theme = opts.get("theme")
    if theme is not None and "palette" not in drawn:
        drawn["palette"] = theme.palette
    return drawn


def write_report_html(amap: ArgumentMap, path: str | os.PathLike[str], **opts: Any) -> None:
    """The report as one HTML file, the map inline as SVG."""
    drawn = _drawing_options(opts)
    svg = map_svg(amap, **drawn).decode("utf-8")
    svg = svg[svg.index("<svg") :]  # no XML declaration inside HTML
    page = report_html(amap, svg=svg, ids=opts.get("ids"), title=opts.get("title"), labels=opts.get("labels"))
    atomic_write_text(path, page)


# --------------------------------------------------------------- Markdown
def report_markdown(
    amap: ArgumentMap,
    image: str,
    *,
    ids: Iterable[str] | None = None,
    title: str | bool | None = None,
    labels: Mapping[str, str] | None = None,
) -> str:
    """The report as Markdown, the map as the image at the relative address ``image``."""
    ids = list(ids) if ids is not None else None
    head = _heading(amap, title)
    out = [f"# {md_escape(head)}", ""]
    desc = str(amap.meta.get("description") or "").strip()
    if desc:
        out += [md_escape(desc), ""]
    out += [f"![The map, every card numbered]({image})", "", "## Key", ""]
    for k in key_entries(amap, ids, labels):
        st = k.statement
        kind = kind_line(k)
        title_md = f" · **{md_escape(st.shown_title)}**" if st.title.strip() else ""
        out.append(f"**{k.number}** · {kind}{title_md}  ")
        out.append(md_escape(st.shown_text))
        for q in k.quotes:
            where = ", ".join(x for x in (q.source, q.place) if x)
            out += ["", f"> “{md_escape(q.passage)}”" + (f" — {md_escape(where)}" if where else "")]
        out.append("")
    lines = outline_lines(amap, ids)
    if lines:
        out += ["## Relations", ""]
        for d, role, number, label in lines:
            item = f"*{role}* **{number}** {md_escape(label)}" if number is not None else f"*{role}*:"
            out.append(f"{'  ' * d}- {item}")
        out.append("")
    sources = _sources(amap)
    if sources:
        out += ["## Sources", ""] + [f"- {md_escape(s)}" for s in sources] + [""]
    return "\n".join(out)


def write_report_markdown(amap: ArgumentMap, path: str | os.PathLike[str], **opts: Any) -> None:
    """The report as Markdown at ``path`` and its map as SVG beside it (``OUT-map.svg``), linked."""
    p = Path(os.fspath(path))
    image = p.with_name(p.stem + SVG_SUFFIX)
    drawn = _drawing_options(opts)
    write_output(image, map_svg(amap, **drawn))
    text = report_markdown(amap, image.name, ids=opts.get("ids"), title=opts.get("title"), labels=opts.get("labels"))
    atomic_write_text(path, text)
