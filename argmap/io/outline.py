"""Markdown and plain-text outlines of a map: conclusions, then their reasons and objections, nested."""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model import ArgumentMap, Kind, Polarity, Relation, Statement, main_conclusions
from .atomic import atomic_write_text

KIND_LABEL = {Kind.CONCLUSION: "Conclusion", Kind.PREMISE: "Premise", Kind.EVIDENCE: "Evidence"}
# control characters (ESC, NUL, BEL ...) other than line ends: dropped, so that printing an outline
# never drives a terminal
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(slots=True)
class Node:
    """One line of an outline: a statement in the role it plays there, with what hangs below it."""

    role: str  # "Conclusion", "Reason", "Objection", "Rebuttal", "Undercut", "" (in a group)
    statement: Statement | None  # None for the heading of a linked group ("together:")
    relation: Relation | None = None
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (passage, where it is from)
    children: list[Node] = field(default_factory=list)
    seen: bool = False  # already written above; not expanded again


class _Builder:
    """Walks the map from its main conclusions; each statement is expanded once."""

    def __init__(self, amap: ArgumentMap, ids: Iterable[str] | None) -> None:
        self.m = amap
        self.keep: set[str] | None = None
        if ids is not None:
            keep = {i for i in ids if i in amap.statements}
            rels = {rid for rid, r in amap.relations.items() if any(p in keep for p in r.premises)}
            self.keep = keep | rels
        self.done: set[str] = set()

    def kept(self, eid: str) -> bool:
        return self.keep is None or eid in self.keep

    def relations_into(self, eid: str) -> list[Relation]:
        rels = [r for r in self.m.relations_into(eid) if self.kept(r.id)]
        return sorted(rels, key=lambda r: r.polarity is Polarity.ATTACK)

    def quotes(self, st: Statement) -> list[tuple[str, str]]:
        if st.kind is not Kind.EVIDENCE:
            return []
        out = []
        for a in st.anchors:
            src = self.m.sources.get(a.source_id)
            passage = src.text[a.start : a.end] if src is not None and a.matches(src.text) else a.quote
            where = ", ".join(x for x in ((src.title, src.author) if src else ()) if x)
            if passage.strip():
                out.append((passage, where))
        return out

    def roots(self) -> list[Node]:
        tops = [s for s in main_conclusions(self.m) if self.kept(s.id)]
        if self.keep is not None:  # a selection: its own tops are what none of its relations leads from
            tops = [
                s
                for s in self.m.statements.values()
                if s.id in self.keep
                and not any(self.kept(r.id) and self.kept(r.target) for r in self.m.relations_from(s.id))
            ]
            tops.sort(key=lambda s: s.kind is not Kind.CONCLUSION)
        out = [self.build(s, "Conclusion" if s.kind is Kind.CONCLUSION else "", None) for s in tops]
        for s in self.m.statements.values():  # statements only reachable through a cycle
            if s.id not in self.done and self.kept(s.id):
                out.append(self.build(s, "", None))
        return out

    def build(self, st: Statement, role: str, rel: Relation | None) -> Node:
        """Expand ``st`` and everything that argues about it, in display order (pre-order), without
        recursion: maps can be thousands of levels deep.  A statement met again is marked ``seen``."""
        root = Node(role, st, rel)
        stack = [root]
        while stack:
            node = stack.pop()
            self._expand(node)
            stack.extend(reversed(node.children))
        return root

    def _expand(self, node: Node) -> None:
        st, rel = node.statement, node.relation
        if st is None:  # a linked group: its premises, then the undercuts of its inference
            assert rel is not None
            node.children = [Node("", self.m.statements[p], rel) for p in rel.premises if self.kept(p)]
            node.children += self._undercuts(rel)
            return
        if rel is not None and node.role:  # the one premise of ``rel``: undercuts of the step hang here
            node.children += self._undercuts(rel)
        if st.id in self.done:
            node.seen = True
            return
        self.done.add(st.id)
        node.quotes = self.quotes(st)
        against_objection = self._is_objection(st.id)
        for r in self.relations_into(st.id):
            node.children.append(self._relation_node(r, against_objection))

    def _undercuts(self, rel: Relation) -> list[Node]:
        out = []
        for u in self.relations_into(rel.id):  # objections to the inference itself
            ups = [p for p in u.premises if self.kept(p)]
            if len(ups) == 1:
                out.append(Node("Undercut", self.m.statements[ups[0]], u))
            else:
                out.append(Node("Undercut", None, u))
        return out

    def _is_objection(self, sid: str) -> bool:
        return any(r.polarity is Polarity.ATTACK for r in self.m.relations_from(sid) if self.kept(r.id))

    def _relation_node(self, r: Relation, against_objection: bool) -> Node:
        if r.polarity is Polarity.SUPPORT:
            role = "Reason"
        else:
            role = "Rebuttal" if against_objection else "Objection"
        premises = [p for p in r.premises if self.kept(p)]
        if len(premises) == 1:
            return Node(role, self.m.statements[premises[0]], r)
        return Node(role, None, r)


def outline_tree(amap: ArgumentMap, ids: Iterable[str] | None = None) -> list[Node]:
    """The outline as nodes: each main conclusion with its reasons and objections below it."""
    return _Builder(amap, ids).roots()


# ----------------------------------------------------------------- Markdown
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def md_escape(text: str) -> str:
    """One line of user text, safe in Markdown: markup and HTML stay literal characters."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


# an evaluation's label (``argmap.evaluation``) after a statement, when an outline is asked for them
VERDICT_TAGS = {"in": "✓ in", "out": "✗ out", "undecided": "? undecided"}


def _tag(st: Statement | None, labels: Mapping[str, str] | None) -> str:
    lab = labels.get(st.id) if labels is not None and st is not None else None
    return f" [{VERDICT_TAGS[str(lab)]}]" if lab in VERDICT_TAGS else ""


def _md_label(node: Node, labels: Mapping[str, str] | None = None) -> str:
    st = node.statement
    kind = KIND_LABEL[st.kind] if st is not None else ""
    if node.role and node.role != kind:
        head = f"**{node.role}** ({kind.lower()})" if st is not None else f"**{node.role}**, together:"
    else:
        head = f"**{kind}**" if st is not None else "together:"
    if st is None:
        return head
    title = f"*{md_escape(st.shown_title)}*: " if st.title.strip() else ""
    more = " (see above)" if node.seen else ""
    return f"{head}{_tag(st, labels)}: {title}{md_escape(st.shown_text)}{more}"


def markdown_outline(
    amap: ArgumentMap, ids: Iterable[str] | None = None, labels: Mapping[str, str] | None = None
) -> str:
    """The map as nested Markdown lists under one heading per main conclusion (with each
    statement's evaluation label when ``labels`` maps statement ids to in/out/undecided)."""
    out: list[str] = []
    if amap.title.strip():
        out += [f"# {md_escape(amap.title)}", ""]
    desc = str(amap.meta.get("description") or "").strip()
    if desc:
        out += [md_escape(desc), ""]
    for root in outline_tree(amap, ids):
        st = root.statement
        assert st is not None
        kind = KIND_LABEL[st.kind]
        title = f"{md_escape(st.shown_title)}: " if st.title.strip() else ""
        out.append(f"## {kind}{_tag(st, labels)}: {title}{md_escape(st.shown_text)}")
        out.append("")
        _md_quotes(root, "", out)
        if root.quotes:
            out.append("")
        stack = [(c, 0) for c in reversed(root.children)]
        while stack:
            node, depth = stack.pop()
            pad = "  " * depth
            out.append(f"{pad}- {_md_label(node, labels)}")
            _md_quotes(node, pad + "  ", out)
            stack.extend((c, depth + 1) for c in reversed(node.children))
        if root.children:
            out.append("")
    return _CONTROL.sub("", "\n".join(out).rstrip("\n")) + "\n"


def _md_quotes(node: Node, pad: str, out: list[str]) -> None:
    for passage, where in node.quotes:
        src = f" — {md_escape(where)}" if where else ""
        out.append(f"{pad}> “{md_escape(passage)}”{src}")


# ------------------------------------------------------------- plain text
def _text_label(node: Node, labels: Mapping[str, str] | None = None) -> str:
    st = node.statement
    if st is None:
        return f"{node.role.upper()}, together:" if node.role else "together:"
    kind = KIND_LABEL[st.kind].upper()
    head = f"{node.role.upper()} ({kind.lower()})" if node.role and node.role != KIND_LABEL[st.kind] else kind
    title = f"{' '.join(st.shown_title.split())}: " if st.title.strip() else ""
    more = " (see above)" if node.seen else ""
    return f"{head}{_tag(st, labels)}: {title}{' '.join(st.shown_text.split())}{more}"


def text_outline(
    amap: ArgumentMap, ids: Iterable[str] | None = None, width: int = 78, labels: Mapping[str, str] | None = None
) -> str:
    """The map as an indented plain-text outline wrapped at ``width`` columns (labels as for
    :func:`markdown_outline`)."""
    out: list[str] = []
    if amap.title.strip():
        title = " ".join(amap.title.split())
        out += [title, "=" * min(len(title), width), ""]
    desc = " ".join(str(amap.meta.get("description") or "").split())
    if desc:
        out += textwrap.wrap(desc, width) + [""]
    for n, root in enumerate(outline_tree(amap, ids), 1):
        stack = [(root, 0, f"{n}. ")]
        while stack:
            node, depth, bullet = stack.pop()
            pad = "    " * depth
            out += textwrap.wrap(
                _text_label(node, labels),
                max(width, len(pad) + 30),
                initial_indent=pad + bullet,
                subsequent_indent=pad + " " * len(bullet),
                break_on_hyphens=False,
            ) or [pad + bullet]
            for passage, where in node.quotes:
                q = f"“{' '.join(passage.split())}”" + (f" ({where})" if where else "")
                qpad = pad + " " * len(bullet) + "  "
                out += textwrap.wrap(q, max(width, len(qpad) + 30), initial_indent=qpad, subsequent_indent=qpad + " ")
            stack.extend((c, depth + 1, _bullet(c)) for c in reversed(node.children))
        out.append("")
    return _CONTROL.sub("", "\n".join(out).rstrip("\n")) + "\n"


def _bullet(node: Node) -> str:
    rel = node.relation
    if node.role == "" and node.statement is not None:
        return "* "
    return "- " if rel is not None and rel.polarity is Polarity.ATTACK else "+ "


# ---------------------------------------------------------------- writers
def write_markdown(amap: ArgumentMap, path: str | os.PathLike[str], **_options: Any) -> None:
    atomic_write_text(path, markdown_outline(amap, _options.get("ids"), labels=_options.get("labels")))


def write_text(amap: ArgumentMap, path: str | os.PathLike[str], **_options: Any) -> None:
    atomic_write_text(path, text_outline(amap, _options.get("ids"), labels=_options.get("labels")))
