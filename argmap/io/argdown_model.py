"""Argdown's own model (equivalence classes, arguments, relations), as @argdown/core 2.0's ModelPlugin has it.

:mod:`argmap.io.argdown_builder` builds it from the syntax tree.
"""

from __future__ import annotations

from typing import Any


class AStatement:
    """One occurrence of a statement (or an argument's description)."""

    __slots__ = (
        "title",
        "text",
        "role",
        "top",
        "reference",
        "tags",
        "data",
        "section",
        "argument",
        "inference",
        "offset",
        "links",
        "formatted",
        "auto",
    )

    def __init__(self, role: str, offset: int) -> None:
        self.title = ""
        self.text: list[str] = []
        self.role = role
        self.top = self.reference = self.formatted = self.auto = False
        self.tags: list[str] = []
        self.data: Any = None
        self.section: dict[str, Any] | None = None
        self.argument = ""
        self.inference: AInference | None = None
        self.offset = offset
        self.links: list[tuple[str, str]] = []

    def plain(self) -> str:
        """The text with each run of whitespace made one space, and none at either end."""
        text = "".join(self.text)
        # Most texts are so already: then splitting them into words and joining them costs more than
        # the look.  (The only whitespace character that str.isprintable() lets pass is the space.)
        if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text
        return " ".join(text.split())


class Element:
    """An equivalence class (``kind`` "equivalence-class") or an argument (``kind`` "argument")."""

    def __init__(self, kind: str, title: str, auto: bool = False) -> None:
        self.kind = kind
        self.title = title
        self.auto = auto
        self.members: list[AStatement] = []
        self.tags: list[str] = []
        self.data: dict[str, Any] = {}
        self.pcs: list[AStatement] = []
        self.section: dict[str, Any] | None = None
        self.flags: set[str] = set()

    def canonical(self) -> AStatement | None:
        """Argdown's canonical member: the last non-reference one, unless one says ``isCanonical``."""
        fallback = None
        for m in reversed(self.members):
            if not m.reference:
                if isinstance(m.data, dict) and m.data.get("isCanonical"):
                    return m
                fallback = fallback or m
        return fallback


class AInference:
    def __init__(self, offset: int) -> None:
        self.kind = "inference"
        self.rules: list[str] = []
        self.data: Any = None
        self.argument = ""
        self.index = 0
        self.offset = offset


class ARelation:
    __slots__ = ("type", "source", "target", "offset")

    def __init__(self, rtype: str, offset: int) -> None:
        self.type = rtype
        self.source: Any = None
        self.target: Any = None
        self.offset = offset


class Model:
    """What argdown-cli's JSON export lists: ``statements``, ``arguments``, ``relations`` (plus sections)."""

    def __init__(self) -> None:
        self.statements: dict[str, Element] = {}
        self.arguments: dict[str, Element] = {}
        self.relations: list[ARelation] = []
        self.sections: list[dict[str, Any]] = []
        self.front_matter: Any = None
        self.settings: dict[str, Any] = {}
        # the relations at each element or inference (@argdown/core keeps them on the element): kept
        # here, an element and its relations do not refer to each other, and a model no longer used
        # is freed at once instead of waiting for the cycle collector
        self._at: dict[Element | AInference, list[ARelation]] = {}

    def relations_of(self, el: Element | AInference) -> list[ARelation]:
        """The relations from or to ``el`` (an equivalence class, argument or inference)."""
        rels = self._at.get(el)
        if rels is None:
            rels = self._at[el] = []
        return rels


def transform(m: Model) -> None:
    """ModelPlugin.run: relations of reconstructed arguments move to their conclusion or last inference."""
    settings = m.settings
    if settings.get("transformArgumentRelations", True):
        kept = []
        for rel in m.relations:
            keep = True
            src, dst = rel.source, rel.target
            if src.kind == "argument" and src.pcs:
                m.relations_of(src).remove(rel)
                ec = m.statements[src.pcs[-1].title]
                rel.source = ec
                if any(r.target is dst and r.type == rel.type for r in m.relations_of(ec)):
                    m.relations_of(dst).remove(rel)
                    keep = False
                else:
                    m.relations_of(ec).append(rel)
            if keep and dst.kind == "argument" and dst.pcs and rel.type == "undercut":
                inf = dst.pcs[-1].inference
                rel.target = inf
                m.relations_of(dst).remove(rel)
                if any(r.source is rel.source and r.type == rel.type for r in m.relations_of(inf)):
                    m.relations_of(rel.source).remove(rel)
                    keep = False
                else:
                    m.relations_of(inf).append(rel)
            if keep:
                kept.append(rel)
        m.relations = kept
    if settings.get("mode") == "strict":
        kept = []
        for rel in m.relations:
            if rel.source.kind == "equivalence-class" and rel.target.kind == "equivalence-class":
                if rel.type == "support":
                    rel.type = "entails"
                elif rel.type == "attack":
                    if any(
                        r.type == "contrary" and {r.source, r.target} == {rel.source, rel.target}
                        for r in m.relations_of(rel.source)
                    ):
                        m.relations_of(rel.source).remove(rel)
                        m.relations_of(rel.target).remove(rel)
                        continue
                    rel.type = "contrary"
            kept.append(rel)
        m.relations = kept
    kept = []
    for rel in m.relations:  # removeRedundantEC2ARelations
        ec, arg = rel.source, rel.target
        if ec.kind == "equivalence-class" and rel.type == "attack" and arg.kind == "argument":
            premises = {s.title for s in arg.pcs if s.role == "premise"}
            if any(
                (r.target if r.source is ec else r.source).kind == "equivalence-class"
                and ((r.type == "attack" and r.source is ec) or r.type in ("contradictory", "contrary"))
                and (r.target if r.source is ec else r.source).title in premises
                for r in m.relations_of(ec)
            ):
                m.relations_of(ec).remove(rel)
                m.relations_of(arg).remove(rel)
                continue
        kept.append(rel)
    m.relations = kept
