"""Argdown parser: the grammar of @argdown/core 2.0 as recursive descent over argdown_lexer tokens."""

from __future__ import annotations

from typing import Any

from . import argdown_lexer as L
from .argdown_lexer import ArgdownSyntaxError, Token

MAX_DEPTH = 150  # nested relations/formatting deeper than this are refused, not overflowed


class Node:
    """A rule node; ``children`` are Nodes and tokens in source order."""

    __slots__ = ("name", "children", "offset", "argument", "inference")

    def __init__(self, name: str, children: list[Child], offset: int) -> None:
        self.name = name
        self.children = children
        self.offset = offset
        # what the model builder made of an argument or inference node, for the nodes after it
        self.argument: Any = None
        self.inference: Any = None

    def child(self, index: int) -> Node:
        """The child at ``index``, where the grammar puts a rule node."""
        node = self.children[index]
        assert isinstance(node, Node)
        return node

    def token(self, index: int) -> Token:
        """The child at ``index``, where the grammar puts a token."""
        tok = self.children[index]
        assert not isinstance(tok, Node)
        return tok


Child = Node | Token

_FREESTYLE = {L.FREESTYLE, L.UNUSED_CONTROL_CHAR, L.ESCAPED_CHAR, L.SPECIAL_CHAR}
_CONTENT_TOKENS = {L.LINK, L.TAG, L.ARGUMENT_MENTION, L.STATEMENT_MENTION, L.NEWLINE}
_BOLD = {L.U_BOLD_START: L.U_BOLD_END, L.A_BOLD_START: L.A_BOLD_END}
_ITALIC = {L.U_ITALIC_START: L.U_ITALIC_END, L.A_ITALIC_START: L.A_ITALIC_END}
CONTENT_FIRST = _FREESTYLE | _CONTENT_TOKENS | set(_BOLD) | set(_ITALIC)
_STATEMENT_FIRST = CONTENT_FIRST | {L.STATEMENT_REFERENCE, L.STATEMENT_DEFINITION}
_ARGUMENT_FIRST = {L.ARGUMENT_DEFINITION, L.ARGUMENT_REFERENCE}
_NAMES = {
    L.EOF: "the end of the file",
    L.EMPTYLINE: "an empty line",
    L.NEWLINE: "a line break",
    L.INDENT: "an indented line",
    L.DEDENT: "a less indented line",
}


def _describe(tok: Token) -> str:
    return _NAMES.get(tok[0]) or repr(tok[1].strip() or tok[0])


class Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.i = 0
        self.kind = tokens[0][0]  # the kind of the next token, tokens[i] (read far more often than taken)
        self.depth = 0

    # ------------------------------------------------------------ helpers
    def peek(self, k: int) -> str:
        """The kind of the token ``k`` places after the next one (``peek(0)`` is ``kind``)."""
        j = self.i + k
        return self.tokens[j][0] if j < len(self.tokens) else L.EOF

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        self.kind = self.tokens[self.i][0]  # the list always ends with EOF, which is never taken
        return tok

    def expect(self, kind: str, what: str) -> Token:
        if self.kind != kind:
            self.fail(f"expected {what}, found {_describe(self.tokens[self.i])}")
        return self.take()

    def fail(self, message: str) -> None:
        raise ArgdownSyntaxError(self.tokens[self.i][2], message)

    def deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.fail(f"nested more than {MAX_DEPTH} levels deep")

    # ------------------------------------------------------------ rules
    def argdown(self) -> Node:
        children: list[Child] = []
        if self.kind == L.NEWLINE:
            self.take()
        if self.kind == L.EMPTYLINE:
            self.take()
        if self.kind == L.FRONT_MATTER:
            children.append(self.take())
            if self.kind == L.NEWLINE:
                self.take()
            if self.kind != L.EOF:
                children.append(self.expect(L.EMPTYLINE, "an empty line after the front matter"))
        if self.kind != L.EOF or not children:
            children.append(self.block())
            while self.kind == L.EMPTYLINE:
                self.take()
                children.append(self.block())
        if self.kind != L.EOF:
            kind = self.kind
            if kind in L.RELATION_TOKENS or kind == L.INDENT:
                self.fail(
                    f"unexpected relation {_describe(self.tokens[self.i])}: a relation must be indented "
                    f"below the statement or argument it belongs to, with no empty line between them"
                )
            self.fail(f"expected an empty line or the end of the file, found {_describe(self.tokens[self.i])}")
        return Node("argdown", children, 0)

    def block(self) -> Node:
        kind = self.kind
        if kind == L.HEADING_START:
            return self.heading()
        if kind == L.STATEMENT_NUMBER:
            return self.pcs()
        if kind in _ARGUMENT_FIRST:
            return self.argument()
        if kind == L.INDENT:
            nxt = self.peek(1)
            if nxt == L.ORDERED_LIST_ITEM:
                return self.list_(L.ORDERED_LIST_ITEM, "orderedList")
            if nxt == L.UNORDERED_LIST_ITEM:
                return self.list_(L.UNORDERED_LIST_ITEM, "unorderedList")
            self.i += 1
            self.fail("a paragraph cannot start with an indented relation; remove the empty line above it")
        if kind in _STATEMENT_FIRST:
            return self.statement()
        if kind in L.RELATION_TOKENS:
            self.fail(
                f"a paragraph cannot start with the relation {_describe(self.tokens[self.i])}; "
                f"indent it below a statement or argument"
            )
        self.fail(f"expected a statement, argument, heading or list, found {_describe(self.tokens[self.i])}")
        raise AssertionError  # unreachable

    def heading(self) -> Node:
        start = self.take()
        children: list[Child] = [start]
        if self.kind not in CONTENT_FIRST:
            self.fail(f"expected the heading's text, found {_describe(self.tokens[self.i])}")
        children.append(self.content())
        if self.kind == L.NEWLINE and self.peek(1) == L.DATA:
            children.append(self.take())
        if self.kind == L.DATA:
            children.append(self.take())
            if self.kind == L.NEWLINE:
                children.append(self.take())
        return Node("heading", children, start[2])

    def pcs(self) -> Node:
        first = self.pcs_statement()
        children: list[Child] = [first]
        while True:
            tail: list[Child] = []
            offset = self.tokens[self.i][2]
            while self.kind == L.STATEMENT_NUMBER:
                tail.append(self.pcs_statement())
            if self.kind != L.INFERENCE_START:
                self.fail(
                    "expected an inference line (--) followed by a conclusion, found " + _describe(self.tokens[self.i])
                )
            tail.append(self.inference())
            if self.kind != L.STATEMENT_NUMBER:
                self.fail(
                    "expected a numbered conclusion such as (3) after the inference line, found "
                    + _describe(self.tokens[self.i])
                )
            tail.append(self.pcs_statement())
            children.append(Node("pcsTail", tail, offset))
            if self.kind not in (L.STATEMENT_NUMBER, L.INFERENCE_START):
                break
        return Node("pcs", children, first.offset)

    def pcs_statement(self) -> Node:
        num = self.take()
        if self.kind not in _STATEMENT_FIRST:
            self.fail(f"expected a statement after {num[1].strip()}, found {_describe(self.tokens[self.i])}")
        return Node("pcsStatement", [num, self.statement()], num[2])

    def inference(self) -> Node:
        start = self.take()
        children: list[Child] = [start]
        k = 1 if self.kind == L.NEWLINE else 0
        if self.peek(k) in _FREESTYLE:
            if k:
                children.append(self.take())
            rules: list[Child] = [self.freestyle()]
            while self.kind == L.LIST_DELIMITER:
                self.take()
                if self.kind not in _FREESTYLE:
                    self.fail(f"expected an inference rule after ',', found {_describe(self.tokens[self.i])}")
                rules.append(self.freestyle())
            children.append(Node("inferenceRules", rules, rules[0].offset))  # type: ignore[union-attr]
        if self.kind == L.NEWLINE:
            children.append(self.take())
        if self.kind == L.DATA:
            children.append(self.take())
            if self.kind == L.NEWLINE:
                children.append(self.take())
        children.append(self.expect(L.INFERENCE_END, "the end of the inference line (--)"))
        children.append(self.expect(L.NEWLINE, "a line break after the inference line"))
        if self.kind == L.INDENT:
            rel_start = self.take()
            rels: list[Child] = []
            while True:
                if self.kind != L.OUTGOING_UNDERCUT:
                    self.fail(
                        f"only undercuts (<_) can be attached to an inference, found {_describe(self.tokens[self.i])}"
                    )
                rels.append(self.relation())
                if self.kind != L.OUTGOING_UNDERCUT:
                    break
            self.expect(L.DEDENT, "a less indented line")
            children.append(Node("relations", rels, rel_start[2]))
        return Node("inference", children, start[2])

    def list_(self, item: str, name: str) -> Node:
        start = self.take()
        items: list[Child] = []
        while self.kind == item:
            tok = self.take()
            member = self.argument() if self.kind in _ARGUMENT_FIRST else self.statement()
            items.append(Node(name + "Item", [tok, member], tok[2]))
        self.expect(L.DEDENT, "a less indented line")
        return Node(name, items, start[2])

    def argument(self) -> Node:
        self.deeper()
        first = self.take()
        children: list[Child] = [first]
        if first[0] == L.ARGUMENT_DEFINITION:
            if self.kind not in CONTENT_FIRST:
                self.fail(f"expected the argument's description, found {_describe(self.tokens[self.i])}")
            children.append(self.content())
        else:
            while self.kind == L.TAG:
                children.append(self.take())
            if self.kind == L.NEWLINE:
                children.append(self.take())
        self._data_and_relations(children)
        self.depth -= 1
        return Node("argument", children, first[2])

    def statement(self) -> Node:
        self.deeper()
        kind = self.kind
        offset = self.tokens[self.i][2]
        children: list[Child] = []
        if kind == L.STATEMENT_REFERENCE:
            children.append(self.take())
            while self.kind == L.TAG:
                children.append(self.take())
            if self.kind == L.NEWLINE:
                children.append(self.take())
        elif kind == L.STATEMENT_DEFINITION:
            children.append(self.take())
            if self.kind not in CONTENT_FIRST:
                self.fail(f"expected the statement's text, found {_describe(self.tokens[self.i])}")
            children.append(self.content())
        else:
            children.append(self.content())
        self._data_and_relations(children)
        self.depth -= 1
        return Node("statement", children, offset)

    def _data_and_relations(self, children: list[Child]) -> None:
        if self.kind == L.DATA:
            children.append(self.take())
            if self.kind == L.NEWLINE:
                children.append(self.take())
        if self.kind == L.INDENT:
            start = self.take()
            rels: list[Child] = []
            while True:
                if self.kind not in L.RELATION_TOKENS:
                    self.fail(
                        f"expected a relation (+, -, <+, <-, +>, ->, ><, _>, <_), found "
                        f"{_describe(self.tokens[self.i])}"
                    )
                rels.append(self.relation())
                if self.kind not in L.RELATION_TOKENS:
                    break
            self.expect(L.DEDENT, "a less indented line")
            children.append(Node("relations", rels, start[2]))

    def relation(self) -> Node:
        tok = self.take()
        kind = self.kind
        if tok[0] != L.CONTRADICTION and kind in _ARGUMENT_FIRST:
            member = self.argument()
        elif kind in _STATEMENT_FIRST:
            member = self.statement()
        else:
            self.fail(
                f"expected a statement{'' if tok[0] == L.CONTRADICTION else ' or argument'} after "
                f"{tok[1].strip()!r}, found {_describe(self.tokens[self.i])}"
            )
        return Node(tok[0], [tok, member], tok[2])

    def content(self) -> Node:
        self.deeper()
        offset = self.tokens[self.i][2]
        children: list[Child] = []
        while True:
            kind = self.kind
            if kind in _FREESTYLE or kind in _CONTENT_TOKENS:  # (text is a run of tokens, kept as they are)
                children.append(self.take())
            elif kind in _BOLD or kind in _ITALIC:
                end = _BOLD.get(kind) or _ITALIC[kind]
                start = self.take()
                inner: list[Child] = [start]
                if self.kind in CONTENT_FIRST:
                    inner.append(self.content())
                if self.kind != end:
                    raise ArgdownSyntaxError(
                        start[2],
                        f"{start[1].strip()!r} (bold or italic) is never closed; "
                        f"write \\{start[1].strip()[0]} if it is meant literally",
                    )
                inner.append(self.take())
                children.append(Node("bold" if kind in _BOLD else "italic", inner, start[2]))
            else:
                break
        self.depth -= 1
        return Node("statementContent", children, offset)

    def freestyle(self) -> Node:
        offset = self.tokens[self.i][2]
        children: list[Child] = []
        tokens, i, n = self.tokens, self.i, len(self.tokens)
        while i < n and tokens[i][0] in _FREESTYLE:
            children.append(tokens[i])
            i += 1
        self.i = i
        self.kind = tokens[i][0]
        return Node("freestyleText", children, offset)


def parse(tokens: list[Token]) -> Node:
    """The syntax tree of a token list; raises :class:`ArgdownSyntaxError` at the first error."""
    return Parser(tokens).argdown()
