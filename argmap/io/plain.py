"""Data read from outside, checked at the boundary: finite numbers, Unicode text, plain types; YAML without aliases.

Everything a reader keeps as it found it (metadata, front matter, AIF's locutions) must be
what argmap can write back: JSON's types, numbers that are finite, strings that are Unicode
(a ``"\\ud800"`` escape in JSON or YAML makes a lone surrogate, which no file can hold).
"""
from __future__ import annotations

import math
from typing import Any

import yaml

MAX_DEPTH = 100  # lists and mappings inside each other in kept data
_SURROGATES = frozenset(map(chr, range(0xD800, 0xE000)))


def _bad_text(s: str) -> bool:
    if s.isascii():
        return False
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _describe(value: Any) -> str | None:
    """What is wrong with one value that is not a list or a mapping, or None."""
    if value is None or value is True or value is False:
        return None
    t = type(value)
    if t is str:
        if _bad_text(value):
            bad = next(c for c in value if c in _SURROGATES)
            return f"text holds a lone surrogate (\\u{ord(bad):04x}), which is not Unicode text"
        return None
    if t is float:
        return None if math.isfinite(value) else f"{value} is not a finite number"
    if t is int:
        return None
    return f"a {t.__name__} is not plain data (text, a number, true, false, null, a list or a mapping)"


def first_problem(value: Any) -> tuple[tuple[Any, ...], str] | None:
    """Where (a JSON path as a tuple) and what the first value in ``value`` is that argmap could
    not write back; None when all is plain data."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(value, ())]
    while stack:
        v, loc = stack.pop()
        t = type(v)
        if t is dict:
            if len(loc) >= MAX_DEPTH:
                return loc, f"nested more than {MAX_DEPTH} deep"
            items = list(v.items())
            for k, _x in items:
                if type(k) is not str:
                    return loc, f"key {k!r} is not text"
                if _bad_text(k):
                    return loc, f"key {_describe(k)}"
            stack.extend((x, (*loc, k)) for k, x in reversed(items))
        elif t is list:
            if len(loc) >= MAX_DEPTH:
                return loc, f"nested more than {MAX_DEPTH} deep"
            stack.extend((x, (*loc, i)) for i, x in reversed(list(enumerate(v))))
        else:
            what = _describe(v)
            if what is not None:
                return loc, what
    return None


# --------------------------------------------------------------------------------------- YAML
_ALLOWED_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float", "str", "seq", "map")}
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser where PyYAML was built with it


class PlainLoader(_Base):  # type: ignore[misc]
    """YAML as plain data: text, numbers (finite), booleans, null, lists and mappings.

    Aliases (``*name``) are refused, so shared references can never multiply into a "billion
    laughs"; ``<<`` is an ordinary key; dates stay the text they are written as; every other
    tag (``!!set``, ``!!binary``, ``!!python/...``) is refused.
    """

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers
                if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    yaml_constructors = {tag: f for tag, f in yaml.SafeLoader.yaml_constructors.items() if tag in _ALLOWED_TAGS}

    def construct_document(self, node: yaml.Node) -> Any:
        # the node tree checked before anything is made of it: aliases make it a graph whose
        # walks multiply, so the first node met twice ends the check
        seen: set[int] = set()
        stack = [(node, 0)]
        while stack:
            n, depth = stack.pop()
            if id(n) in seen:
                raise yaml.constructor.ConstructorError(None, None, "a value used again through an alias "
                                                        "(*name); aliases are not allowed", n.start_mark)
            seen.add(id(n))
            if depth > MAX_DEPTH:
                raise yaml.constructor.ConstructorError(None, None, f"nested more than {MAX_DEPTH} deep",
                                                        n.start_mark)
            if isinstance(n, yaml.SequenceNode):
                stack.extend((c, depth + 1) for c in n.value)
            elif isinstance(n, yaml.MappingNode):
                stack.extend((c, depth + 1) for kv in n.value for c in kv)
        return super().construct_document(node)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        value: float = super().construct_yaml_float(node)
        if not math.isfinite(value):
            raise yaml.constructor.ConstructorError(None, None, f"{node.value} is not a finite number",
                                                    node.start_mark)
        return value

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        try:
            value: int = super().construct_yaml_int(node)
        except ValueError:  # more digits than Python converts
            raise yaml.constructor.ConstructorError(None, None, "number too long", node.start_mark) from None
        return value

    def construct_yaml_str(self, node: yaml.ScalarNode) -> str:
        value: str = super().construct_yaml_str(node)
        what = _describe(value)
        if what is not None:
            raise yaml.constructor.ConstructorError(None, None, what, node.start_mark)
        return value

    def construct_undefined(self, node: yaml.Node) -> Any:
        tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
        raise yaml.constructor.ConstructorError(None, None, f"YAML tag {tag} is not allowed (plain data only)",
                                                node.start_mark)


PlainLoader.add_constructor("tag:yaml.org,2002:float", PlainLoader.construct_yaml_float)
PlainLoader.add_constructor("tag:yaml.org,2002:int", PlainLoader.construct_yaml_int)
PlainLoader.add_constructor("tag:yaml.org,2002:str", PlainLoader.construct_yaml_str)
PlainLoader.add_constructor(None, PlainLoader.construct_undefined)


def load_yaml(text: str) -> Any:
    """One YAML document as plain data; raises :class:`yaml.YAMLError` (with a mark where the
    problem is) for anything else."""
    return yaml.load(text, Loader=PlainLoader)  # noqa: S506 - PlainLoader is a SafeLoader with less
