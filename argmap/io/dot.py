"""Graphviz DOT export: statement boxes with wrapped labels, relations as small junction points,
support green and solid, attack red and dashed; laid out top-down with the conclusion on top."""

from __future__ import annotations

import os
import textwrap
from typing import Any

from ..model import ArgumentMap, Polarity, RelationKind
from .atomic import atomic_write_text

FILL = {"conclusion": "#FFE0B2", "premise": "#E3F2FD", "evidence": "#E8F5E9"}
COLOUR = {Polarity.SUPPORT: "#2E7D32", Polarity.ATTACK: "#C62828"}
WIDTH = 34  # characters per label line


def quote(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, newlines as centred line breaks."""
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    out = out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{out}"'


def _label(text: str, title: str, kind: str) -> str:
    lines = [kind.upper()]
    if title.strip():
        lines += textwrap.wrap(title, WIDTH) or [title]
    for para in text.split("\n"):
        lines += textwrap.wrap(para, WIDTH, break_long_words=True) or [""]
    return "\n".join(lines)


def dumps(amap: ArgumentMap) -> str:
    out = ["digraph argmap {"]
    title = amap.meta.get("title") or ""
    out.append(
        '  graph [rankdir=BT, nodesep=0.4, ranksep=0.5, fontname="DejaVu Sans"'
        + (f", label={quote(title)}, labelloc=t" if title else "")
        + "];"
    )
    out.append('  node [fontname="DejaVu Sans", fontsize=11];')
    out.append("  edge [arrowsize=0.7];")
    for st in amap.statements.values():
        kind = st.kind.value
        out.append(
            f'  {quote(st.id)} [shape=box, style="rounded,filled{",dashed" if st.implicit else ""}", '
            f'fillcolor="{FILL[kind]}", label={quote(_label(st.shown_text, st.shown_title, kind))}];'
        )
    for r in amap.relations.values():
        colour = COLOUR[r.polarity]
        tip = r.scheme or r.polarity.value
        if r.kind is not RelationKind.INFERENCE:
            tip = f"{r.kind.value}: {tip}"
        out.append(f'  {quote(r.id)} [shape=point, width=0.12, color="{colour}", tooltip={quote(tip)}];')
    for r in amap.relations.values():
        colour = COLOUR[r.polarity]
        style = "solid" if r.polarity is Polarity.SUPPORT else "dashed"
        for p in r.premises:
            out.append(f'  {quote(p)} -> {quote(r.id)} [color="{colour}", style={style}, arrowhead=none];')
        out.append(f'  {quote(r.id)} -> {quote(r.target)} [color="{colour}", style={style}];')
    out.append("}")
    return "\n".join(out) + "\n"


def write_dot(amap: ArgumentMap, path: str | os.PathLike[str], **_options: Any) -> None:
    """Registry writer (atomic)."""
    atomic_write_text(path, dumps(amap))
