"""Argdown export: ``[Title]: text`` statements, premise-conclusion structures, ``<+ <- >< <_`` relations.

Every statement is defined once at the top with an explicit title (its own, the one Argdown gave it on
import, or ``S<n>``); statements that stand for an argument (``meta["argdown"]["argument"]``) are written
``<Title>: description``.  A relation with one premise into a statement is written under its target
(``<+``, ``<-``, ``><`` for contradictions).  A relation with several premises, one imported from a
premise-conclusion structure, or one that other relations point at, becomes an argument with a
premise-conclusion structure (inference steps of one Argdown argument are chained again); relations
into it are written under ``<Argument>`` (``<+``, ``<-``, and ``<_`` for undercuts).  An attack or
undercut that needs such a structure gets a stand-in conclusion marked ``{argmap: joint}``, which the
importer folds back into one relation; a made-up title is marked ``{argmap: untitled}``.  Kinds that the
import rule would not give back are written as data (``{kind: premise}``).  Texts are put on one line and
Argdown's special characters escaped.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from typing import Any

import yaml

from ..model import ArgumentMap, Polarity, Relation
from .argdown import IMPLICIT_TAG, derived_kind
from .argdown_lexer import SHORTCODES, TAG_CHAR
from .atomic import atomic_write_text
from .errors import MapFileError

_SPECIAL = re.compile(r"(?:\.[^\s]+?\.[ \t]?)|(?::[^\s]+?:[ \t]?)")
_PLAIN_TAG = re.compile(TAG_CHAR + "+")
_ALWAYS = set("\\#*_[<{}")


def escape(text: str, inference: bool = False) -> str:
    """``text`` on one line with every character that would start an Argdown token escaped."""
    text = " ".join(text.split())
    out = []
    triple = "===" in text
    for i, ch in enumerate(text):
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if (
            ch in _ALWAYS
            or (ch == "/" and nxt in "/*")
            or (ch == "=" and triple)
            or (inference and ch in "-,")
            or (ch in ".:" and _shortcode_at(text, i))
        ):
            out.append("\\")
        out.append(ch)
    return "".join(out)


def _shortcode_at(text: str, i: int) -> bool:
    m = _SPECIAL.match(text, i)
    return bool(m and m.group().strip() in SHORTCODES)


def _clean_title(title: str, closing: str) -> str:
    t = " ".join(title.replace("[", "(").replace("]", ")").replace("<", "(").replace(">", ")").split())
    return t.lstrip("-").strip()


def _tags(tags: tuple[str, ...]) -> str:
    out = []
    for t in tags:
        t = " ".join(t.split())
        if not t:
            continue
        out.append(f"#{t}" if _PLAIN_TAG.fullmatch(t) else "#(" + t.replace(")", "]").replace("(", "[") + ")")
    return (" " + " ".join(out)) if out else ""


def _meta(el: Any) -> dict[str, Any]:
    m = el.meta.get("argdown") if isinstance(el.meta, dict) or hasattr(el.meta, "get") else None
    return m if isinstance(m, dict) else {}


class _Writer:
    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.titles: dict[str, str] = {}  # statement id -> title
        self.is_argument: set[str] = set()  # statements written as <Title>
        self.arg_titles: dict[str, str] = {}  # relation id -> argument title
        self.used_s: set[str] = set()
        self.used_a: set[str] = set()
        self.tried: dict[tuple[int, str], int] = {}  # (set of used titles, title) -> next number to try
        self.out: list[str] = []

    def unique(self, wanted: str, used: set[str], fallback: str) -> str:
        title = wanted or fallback
        base = title
        n = self.tried.get((id(used), base), 2)  # the numbers below were taken when last asked
        while title in used:
            title = f"{base} ({n})"
            n += 1
        self.tried[id(used), base] = n
        used.add(title)
        return title

    def ref(self, sid: str) -> str:
        t = self.titles[sid]
        return f"<{t}>" if sid in self.is_argument else f"[{t}]"

    def run(self) -> str:
        amap = self.amap
        for i, st in enumerate(amap.statements.values(), 1):
            meta = _meta(st)
            wanted = _clean_title(st.title or str(meta.get("title", "")), "]")
            if meta.get("argument") is True:
                self.is_argument.add(st.id)
                self.titles[st.id] = self.unique(wanted, self.used_a, f"A{i}")
            else:
                self.titles[st.id] = self.unique(wanted, self.used_s, f"S{i}")
        self.front_matter()
        groups, simple = self.plan()
        # statements and arguments under the heading they were under (their section), the sections in
        # the order they first come; relations after them refer to statements, which keeps no section
        statements: dict[str, list[Any]] = {}
        arguments: dict[str, list[list[Relation]]] = {}
        for st in amap.statements.values():
            statements.setdefault(str(_meta(st).get("section") or ""), []).append(st)
        for group in groups:
            arguments.setdefault(str(_meta(group[-1]).get("section") or ""), []).append(group)
        for section in dict.fromkeys(["", *statements, *arguments]):
            if section:
                self.out += [f"# {escape(section)}", ""]
            for st in statements.get(section, ()):
                self.define(st)
            for group in arguments.get(section, ()):
                self.pcs(group)
        blocks: dict[str, list[str]] = {}
        for rel in simple:
            line = self.simple_line(rel)
            if line:
                blocks.setdefault(line[0], []).append(line[1])
        for head, lines in blocks.items():
            self.out += [head, *lines, ""]
        return "\n".join(self.out).rstrip("\n") + "\n"

    def front_matter(self) -> None:
        fm: dict[str, Any] = {}
        for key in ("title", "description"):
            if self.amap.meta.get(key):
                fm[key] = str(self.amap.meta[key])
        extra = self.amap.meta.get("argdown")
        if isinstance(extra, dict):
            fm.update({k: v for k, v in extra.items() if k not in ("model", "title", "description")})
            model = extra.get("model")
            if isinstance(model, dict) and model.get("mode") == "strict":
                # the one model setting kept: it makes attacks between statements contraries, as they were
                fm["model"] = {"mode": "strict"}
        # argmap's drawing settings, in the settings Argdown's own map view reads
        if self.amap.meta.get("card_text") == "titles":
            mp = dict(fm["map"]) if isinstance(fm.get("map"), dict) else {}
            fm["map"] = {**mp, "statementLabelMode": "title"}
        direction = self.amap.meta.get("layout_direction")
        if direction in ("BT", "LR"):
            dot = dict(fm["dot"]) if isinstance(fm.get("dot"), dict) else {}
            gv = dict(dot["graphVizSettings"]) if isinstance(dot.get("graphVizSettings"), dict) else {}
            fm["dot"] = {**dot, "graphVizSettings": {**gv, "rankdir": direction}}
        if fm:
            text = yaml.safe_dump(fm, allow_unicode=True, sort_keys=False, default_flow_style=False)
            self.out += ["===", text.replace("===", "= = =").rstrip("\n"), "===", ""]

    def define(self, st: Any) -> None:
        amap = self.amap
        into = amap.relations_into(st.id)
        supported = any(r.polarity is Polarity.SUPPORT for r in into)
        attacked = any(r.polarity is Polarity.ATTACK for r in into)
        argues = bool(amap.relations_from(st.id))
        meta = _meta(st)
        data = dict(meta.get("data") or {}) if isinstance(meta.get("data"), dict) else {}
        data.pop("kind", None)
        if not st.title:
            data["argmap"] = "untitled"  # the title above is only for Argdown; import leaves it off again
        if derived_kind(st.tags, data, supported, attacked, argues) is not st.kind:
            data["kind"] = st.kind.value
        text = escape(st.text)
        head = self.ref(st.id)
        line = f"{head[:-1]}{head[-1]}: {text}" if text else head
        line += _tags((*st.tags, IMPLICIT_TAG) if st.implicit else st.tags)
        if data:
            line += " " + json.dumps(data, ensure_ascii=False)
        self.out += [line, ""]

    def plan(self) -> tuple[list[list[Relation]], list[Relation]]:
        """Which relations become premise-conclusion structures (grouped per argument), which are simple lines."""
        amap = self.amap
        targeted = {
            r.target for r in amap.relations.values() if r.target in amap.relations and not self.argument_undercut(r)
        }
        groups: dict[str, list[Relation]] = {}
        simple: list[Relation] = []
        for rel in amap.relations.values():
            meta = _meta(rel)
            if len(rel.premises) > 1 or rel.id in targeted or meta.get("argument"):
                key = str(meta.get("argument") or rel.title or "") or rel.id
                groups.setdefault(key, []).append(rel)
            else:
                simple.append(rel)
        out: list[list[Relation]] = []
        for rels in groups.values():
            rels.sort(key=lambda r: _meta(r).get("step", 0))
            chained = all(b.polarity is Polarity.SUPPORT and b.target in amap.statements for b in rels[:-1]) and all(
                rels[k - 1].target in rels[k].premises for k in range(1, len(rels))
            )
            if chained and len(rels) > 1:
                out.append(rels)
            else:
                out += [[r] for r in rels]
        n = 0
        arguments = Counter(_meta(g[-1]).get("argument") for g in out)
        for group in out:
            meta, last = _meta(group[-1]), group[-1]
            n += 1
            wanted = _clean_title(str(meta.get("argument") or last.title or ""), ">") if len(out) else ""
            if len(group) == 1 and arguments[meta.get("argument")] > 1:
                wanted = f"{wanted} {n}" if wanted else ""
            title = self.unique(wanted, self.used_a, f"Argument {n}")
            for rel in group:
                self.arg_titles[rel.id] = title
        return out, simple

    def pcs(self, group: list[Relation]) -> None:
        last = group[-1]
        title = self.arg_titles[last.id]
        desc = escape(last.notes)
        # a title Argdown made up (no title in the source) is marked, and import leaves it off again
        mark = ' {"argmap": "untitled"}' if _meta(last).get("auto_title") and not last.title else ""
        self.out += [(f"<{title}>: {desc}" if desc else f"<{title}>") + mark, ""]
        n = 0
        prev = None
        for rel in group:
            for p in rel.premises:
                if p != prev:
                    n += 1
                    self.out.append(
                        f"({n}) [{self.titles[p]}]"
                        if p not in self.is_argument
                        else f"({n}) [{self.titles[p]} (argument)]: {escape(self.titles[p])}"
                    )
            rules = escape(rel.scheme, inference=True)
            self.out.append(f"-- {rules} --" if rules else "----")
            n += 1
            if rel is not last or (rel.polarity is Polarity.SUPPORT and rel.target in self.amap.statements):
                self.out.append(
                    f"({n}) {self.ref(rel.target)}"
                    if rel.target not in self.is_argument
                    else f"({n}) [{self.titles[rel.target]} (argument)]: {escape(self.titles[rel.target])}"
                )
            else:  # an attack, or a relation into a relation: a stand-in conclusion the importer folds back
                joint = self.unique(f"{title} (conclusion)", self.used_s, f"J{n}")
                self.out.append(f"({n}) [{joint}]: conclusion of {escape(title)} {{argmap: joint}}")
                self.out.append("  " + self.joint_line(rel))
            prev = rel.target
        self.out.append("")

    def joint_line(self, rel: Relation) -> str:
        meta = _meta(rel)
        if rel.target in self.amap.relations:
            arg = f"<{self.arg_titles[rel.target]}>"
            if rel.polarity is Polarity.SUPPORT:
                return f"+> {arg}"
            return f"-> {arg}" if meta.get("to") == "argument" else f"_> {arg}"
        return f"{'+>' if rel.polarity is Polarity.SUPPORT else '->'} {self.ref(rel.target)}"

    def argument_undercut(self, rel: Relation) -> bool:
        """An undercut of an argument written without premise-conclusion structure (``<A> <_ [U]``)."""
        q = self.amap.relations.get(rel.target)
        return (
            q is not None
            and rel.polarity is Polarity.ATTACK
            and len(rel.premises) == 1
            and _meta(rel).get("to") != "argument"
            and len(q.premises) == 1
            and q.premises[0] in self.is_argument
            and len(q.premises) == 1
            and not _meta(q).get("argument")
        )

    def simple_line(self, rel: Relation) -> tuple[str, str] | None:
        """(block head, indented relation line) for a one-premise relation, or None to leave it out."""
        amap = self.amap
        meta = _meta(rel)
        premise = self.ref(rel.premises[0])
        if rel.target in amap.relations:
            if self.argument_undercut(rel):
                return self.ref(amap.relations[rel.target].premises[0]), f"  <_ {premise}"
            sign = "<+" if rel.polarity is Polarity.SUPPORT else "<-" if meta.get("to") == "argument" else "<_"
            return f"<{self.arg_titles[rel.target]}>", f"  {sign} {premise}"
        head = self.ref(rel.target)
        if (
            meta.get("relation") in ("contradictory", "contrary")
            and rel.premises[0] not in self.is_argument
            and rel.target not in self.is_argument
        ):
            if meta.get("mirror") and any(
                _meta(r).get("relation") == meta["relation"] and r.target == rel.premises[0]
                for r in amap.relations_from(rel.target)
            ):
                return None  # the other half of a symmetric pair is written once
            # a contrary (strict mode's attack between statements) is written as the attack it was
            return head, f"  {'><' if meta['relation'] == 'contradictory' else '<-'} {premise}"
        return head, f"  {'<+' if rel.polarity is Polarity.SUPPORT else '<-'} {premise}"


def dumps(amap: ArgumentMap) -> str:
    """The map as Argdown text (deterministic)."""
    return _Writer(amap).run()


def save_argdown(amap: ArgumentMap, path: str | os.PathLike[str], **options: Any) -> None:
    p = os.fspath(path)
    try:
        atomic_write_text(p, dumps(amap))
    except OSError as e:
        raise MapFileError(p, "", f"cannot write: {e.strerror or e}") from None
