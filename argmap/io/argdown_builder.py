"""Build Argdown's model from the syntax tree, walking it as @argdown/core 2.0's ModelPlugin does."""

from __future__ import annotations

import re
from typing import Any

from . import argdown_lexer as L
from .argdown_lexer import SHORTCODES, ArgdownSyntaxError
from .argdown_model import AInference, ARelation, AStatement, Element, Model, transform
from .argdown_parser import Node

_LINK = re.compile(r"\[(.+)\]\((.+)\)")
_INCOMING = {
    L.INCOMING_SUPPORT: "support",
    L.INCOMING_ATTACK: "attack",
    L.CONTRADICTION: "contradictory",
    L.INCOMING_UNDERCUT: "undercut",
}
_OUTGOING = {L.OUTGOING_SUPPORT: "support", L.OUTGOING_ATTACK: "attack", L.OUTGOING_UNDERCUT: "undercut"}
_FREESTYLE = {L.FREESTYLE, L.UNUSED_CONTROL_CHAR, L.ESCAPED_CHAR, L.SPECIAL_CHAR}  # the tokens of free text


def _freestyle_text(kind: str, image: str) -> str:
    """The text a token of free text stands for: an escaped character without its backslash, a
    shortcode such as ``:+1:`` as its symbol."""
    if kind == L.ESCAPED_CHAR:
        return image[1:]
    if kind == L.SPECIAL_CHAR:
        code = SHORTCODES.get(image.strip())
        return code + (" " if image.endswith(" ") else "") if code else image
    return image


def _tag_name(image: str) -> str:
    """The name in a tag token, ``#(name)`` or ``#name`` followed by at most one space or tab."""
    if image.startswith("#("):
        return image[2 : image.index(")")]
    return image[1:].rstrip(" \t")


def _yaml(image: str, offset: int) -> Any:
    """Front matter or data as plain data (see argmap.io.yamlplain: no aliases to multiply, no tags
    but plain ones, finite numbers)."""
    import yaml  # only documents with front matter or data need PyYAML, which is slow to import

    from .yamlplain import load_yaml

    try:
        return load_yaml(image)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = offset + (mark.index if mark is not None else 0)
        raise ArgdownSyntaxError(where, f"bad YAML data: {getattr(e, 'problem', None) or e}") from None


class Builder:
    """Walks the syntax tree like ModelPlugin's listeners (entry, children, exit)."""

    def __init__(self) -> None:
        self.m = Model()
        self.counter = 0
        self.statement: AStatement | None = None
        self.heading: dict[str, Any] | None = None
        self.section: dict[str, Any] | None = None
        self.relation_parent: Any = None
        self.pcs_argument: Element | None = None
        self.inference: AInference | None = None
        self.parents: list[Any] = []
        self.sections = 0

    def unique(self) -> str:
        self.counter += 1
        return f"Untitled {self.counter}"

    def ec(self, title: str) -> Element:
        ec = self.m.statements.get(title)
        if ec is None:
            ec = self.m.statements[title] = Element("equivalence-class", title)
        return ec

    def get_argument(self, title: str = "") -> Element:
        arg = self.m.arguments.get(title) if title else None
        if arg is None:
            auto = not title
            arg = Element("argument", title or self.unique(), auto)
            self.m.arguments[arg.title] = arg
        self.relation_parent = arg
        return arg

    def member(self, parent: Any) -> Any:
        if isinstance(parent, AStatement):
            if not parent.title:
                parent.title, parent.auto = self.unique(), True
            if parent.role == "argument-description":
                return self.get_argument(parent.title)
            return self.ec(parent.title)
        return parent

    # ------------------------------------------------------------ walking
    def build(self, root: Node) -> Model:
        children = root.children
        for i, child in enumerate(children):
            if isinstance(child, Node):
                self.block(child, children, i)
            elif child[0] == L.FRONT_MATTER:
                image = re.sub(r"={3,}\s*$", "", re.sub(r"^\s*={3,}", "", child[1]))
                self.m.front_matter = _yaml(image, child[2])
        return self.m

    def block(self, node: Node, siblings: list[Any], index: int) -> None:
        name = node.name
        if name == "heading":
            self.visit_heading(node)
        elif name == "statement":
            self.visit_statement(node, top=True)
        elif name == "argument":
            self.visit_argument(node, top=True)
        elif name == "pcs":
            self.visit_pcs(node, siblings, index)
        else:  # lists
            for item in node.children:
                assert isinstance(item, Node)
                member = item.child(1)
                if member.name == "argument":
                    self.visit_argument(member, top=False)
                else:
                    self.visit_statement(member, top=False)

    def visit_heading(self, node: Node) -> None:
        heading: dict[str, Any] = {"text": [], "tags": [], "links": []}
        self.heading = heading
        level = len(node.token(0)[1]) - 1
        for child in node.children[1:]:
            if isinstance(child, Node):
                self.visit_content(child, heading)
            elif child[0] == L.DATA:
                heading["data"] = _yaml(child[1], child[2])
        self.sections += 1
        title = " ".join("".join(heading["text"]).split())
        section = {
            "id": f"s{self.sections}",
            "level": level,
            "title": title,
            "tags": heading["tags"],
            "data": heading.get("data"),
            "children": [],
            "parent": None,
        }
        previous = self.section
        while previous is not None and previous["level"] >= level:
            previous = previous["parent"]
        if previous is not None:
            previous["children"].append(section)
            section["parent"] = previous
        else:
            self.m.sections.append(section)
        self.section = section
        self.heading = None

    def visit_content(self, node: Node, target: Any) -> None:
        """Text, tags, mentions and links of a statementContent into ``target`` (statement or heading)."""
        text: list[str] = target.text if isinstance(target, AStatement) else target["text"]
        tags: list[str] = target.tags if isinstance(target, AStatement) else target["tags"]
        links = target.links if isinstance(target, AStatement) else target["links"]
        last = len(node.children) - 1
        for i, child in enumerate(node.children):
            if isinstance(child, Node):  # bold / italic
                if isinstance(target, AStatement):
                    target.formatted = True
                if len(child.children) > 2:
                    self.visit_content(child.child(1), target)
                if child.token(-1)[1].endswith(" "):
                    text.append(" ")
                continue
            kind, image = child[0], child[1]
            if kind in _FREESTYLE:
                text.append(_freestyle_text(kind, image))
            elif kind == L.NEWLINE:
                if i != last and not (text and text[-1].endswith(" ")):
                    text.append(" ")
            elif kind == L.TAG:
                tag = _tag_name(image)
                if tag not in tags:
                    tags.append(tag)  # argmap keeps tags apart from the text
            elif kind == L.LINK:
                m = _LINK.match(image)
                if m:
                    text.append(m.group(1) + (" " if image.endswith(" ") else ""))
                    links.append((m.group(1), m.group(2)))
            else:  # mentions are kept as written
                text.append(image)

    @staticmethod
    def freestyle_text(node: Node) -> str:
        """The text of a run of free-text tokens (an inference rule)."""
        return "".join(_freestyle_text(kind, image) for kind, image, _ in node.children)  # type: ignore[misc]

    def visit_statement(self, node: Node, top: bool, role: str = "") -> AStatement:
        st = AStatement(role or ("top-level-statement" if top else "relation-statement"), node.offset)
        st.top = top
        self.statement = st
        self.relation_parent = st
        for child in node.children:
            if isinstance(child, Node):
                if child.name == "statementContent":
                    self.visit_content(child, st)
                else:
                    self.visit_relations(child)
            elif child[0] == L.STATEMENT_DEFINITION:
                st.title = child[1][1:-2]
            elif child[0] == L.STATEMENT_REFERENCE:
                st.title, st.reference = child[1][1:-1], True
            elif child[0] == L.TAG:
                self.visit_content(Node("statementContent", [child], child[2]), st)
            elif child[0] == L.DATA:
                st.data = _yaml(child[1], child[2])
        if not st.title:
            st.title, st.auto = self.unique(), True
        ec = self.ec(st.title)
        ec.auto = ec.auto or (st.auto and not ec.members)
        for t in st.tags:
            if t not in ec.tags:
                ec.tags.append(t)
        if isinstance(st.data, dict):
            ec.data.update(st.data)
        st.section = self.section
        ec.members.append(st)
        in_group = st.data.get("isInGroup") if isinstance(st.data, dict) else None
        if in_group is True or (not st.reference and in_group is None and ec.section is None):
            ec.section = st.section
        ec.flags.add("top" if top else "relation")
        self.statement = None
        return st

    def visit_argument(self, node: Node, top: bool) -> Element:
        desc = AStatement("argument-description", node.offset)
        desc.top = top
        desc.section = self.section
        self.statement = desc
        self.relation_parent = desc
        for child in node.children:
            if isinstance(child, Node):
                if child.name == "statementContent":
                    self.visit_content(child, desc)
                else:
                    self.visit_relations(child)
            elif child[0] == L.ARGUMENT_DEFINITION:
                desc.title = child[1][1:-2]
            elif child[0] == L.ARGUMENT_REFERENCE:
                desc.title, desc.reference = child[1][1:-1], True
            elif child[0] == L.TAG:
                self.visit_content(Node("statementContent", [child], child[2]), desc)
            elif child[0] == L.DATA:
                desc.data = _yaml(child[1], child[2])
        if not desc.title:
            desc.title, desc.auto = self.unique(), True
        arg = self.get_argument(desc.title)
        node.argument = arg
        for t in desc.tags:
            if t not in arg.tags:
                arg.tags.append(t)
        if isinstance(desc.data, dict):
            arg.data.update(desc.data)
        arg.members.append(desc)
        in_group = desc.data.get("isInGroup") if isinstance(desc.data, dict) else None
        if in_group is True or (not desc.reference and in_group is None and arg.section is None):
            arg.section = desc.section
        self.statement = None
        return arg

    def visit_relations(self, node: Node) -> None:
        self.parents.append(self.member(self.relation_parent))
        for rel_node in node.children:
            assert isinstance(rel_node, Node)
            kind = rel_node.name
            parent = self.parents[-1]
            if kind in _INCOMING:
                rel = ARelation(_INCOMING[kind], rel_node.offset)
                rel.source = parent
            else:
                rel = ARelation(_OUTGOING[kind], rel_node.offset)
                if (
                    kind == L.OUTGOING_UNDERCUT
                    and getattr(parent, "kind", "") == "equivalence-class"
                    and self.inference is not None
                ):
                    rel.target = self.inference  # as @argdown/core does
                else:
                    rel.target = parent
            content = rel_node.child(1)
            if content.name == "argument":
                other = self.visit_argument(content, top=False)
            else:
                other = self.member(self.visit_statement(content, top=False))
            if rel.source is None:
                rel.source = other
            else:
                rel.target = other
            self.add_relation(rel)
        self.parents.pop()

    def add_relation(self, rel: ARelation) -> None:
        for old in self.m.relations_of(rel.source):
            if old.target is rel.target and old.type == rel.type:
                return
            if (
                rel.type == "contradictory"
                and old.type == rel.type
                and old.source is rel.target
                and old.target is rel.source
            ):
                return
        self.m.relations.append(rel)
        self.m.relations_of(rel.source).append(rel)
        self.m.relations_of(rel.target).append(rel)

    def visit_pcs(self, node: Node, siblings: list[Any], index: int) -> None:
        argument = None
        if index > 0:
            prev = siblings[index - 1]
            if not isinstance(prev, Node) and prev[0] == L.EMPTYLINE and index > 1:
                prev = siblings[index - 2]
            if isinstance(prev, Node) and prev.name == "argument":
                argument = prev.argument
        if argument is None:
            argument = self.get_argument()
        if self.section is not None:
            argument.section = self.section
        if argument.pcs:
            raise ArgdownSyntaxError(
                node.offset,
                f"argument <{argument.title}> has a second premise-conclusion structure; an argument can have only one",
            )
        self.pcs_argument = argument
        self.visit_pcs_statement(node.child(0), None)
        for tail in node.children[1:]:
            prev_child: Any = None
            for child in tail.children:  # type: ignore[union-attr]
                assert isinstance(child, Node)
                if child.name == "pcsStatement":
                    self.visit_pcs_statement(child, prev_child)
                else:
                    self.visit_inference(child)
                prev_child = child
        last = argument.pcs[-1]
        last.role = "main-conclusion"
        ec = self.m.statements[last.title]
        ec.flags.add("main-conclusion")
        if not any(s.role == "intermediary-conclusion" for s in ec.members):
            ec.flags.discard("intermediary-conclusion")
        self.pcs_argument = None

    def visit_pcs_statement(self, node: Node, prev: Any) -> None:
        argument = self.pcs_argument
        assert argument is not None
        st = self.visit_statement(node.child(1), top=False, role="premise")
        ec = self.ec(st.title)
        st.role = "premise"
        st.argument = argument.title
        if prev is not None and prev.name == "inference":
            st.role = "intermediary-conclusion"
            ec.flags.add("intermediary-conclusion")
            st.inference = prev.inference
            st.inference.index = len(argument.pcs)
            st.inference.argument = argument.title
        else:
            ec.flags.add("premise")
        argument.pcs.append(st)

    def visit_inference(self, node: Node) -> None:
        inf = AInference(node.offset)
        node.inference = inf
        self.inference = inf
        self.relation_parent = inf
        self.parents.append(inf)  # never popped, as in @argdown/core
        for child in node.children:
            if isinstance(child, Node):
                if child.name == "inferenceRules":
                    inf.rules = [self.freestyle_text(c).strip() for c in child.children]  # type: ignore[arg-type]
                else:
                    self.visit_relations(child)
            elif child[0] == L.DATA:
                inf.data = _yaml(child[1], child[2])


def build_model(root: Node) -> Model:
    """Argdown's model of a syntax tree: built (front matter settings first), then transformed."""
    b = Builder()
    fm = None
    for child in root.children:
        if not isinstance(child, Node) and child[0] == L.FRONT_MATTER:
            image = re.sub(r"={3,}\s*$", "", re.sub(r"^\s*={3,}", "", child[1]))
            fm = _yaml(image, child[2])
    if isinstance(fm, dict) and isinstance(fm.get("model"), dict):
        b.m.settings = dict(fm["model"])
    model = b.build(root)
    transform(model)
    return model
