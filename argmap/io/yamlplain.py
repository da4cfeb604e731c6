"""YAML read as plain data: the C parser where there is one, no aliases, no tags but plain ones, finite numbers."""

from __future__ import annotations

import math
from typing import Any

import yaml

from .plain import describe

MAX_DEPTH = 200  # lists and mappings inside each other: readers walk kept data recursively

_ALLOWED_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float", "str", "seq", "map")}
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser where PyYAML was built with it


class PlainLoader(_Base):  # type: ignore[misc]
    """YAML as plain data: text, numbers (finite), booleans, null, lists and mappings.

    Aliases (``*name``) are refused, so shared references can never multiply into a "billion
    laughs"; ``<<`` is an ordinary key; dates stay the text they are written as; every other
    tag (``!!set``, ``!!binary``, ``!!python/...``) is refused.
    """

    yaml_implicit_resolvers = {
        first: [
            (tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge")
        ]
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
                raise yaml.constructor.ConstructorError(
                    None, None, "a value used again through an alias (*name); aliases are not allowed", n.start_mark
                )
            seen.add(id(n))
            if depth > MAX_DEPTH:
                raise yaml.constructor.ConstructorError(None, None, f"nested more than {MAX_DEPTH} deep", n.start_mark)
            if isinstance(n, yaml.SequenceNode):
                stack.extend((c, depth + 1) for c in n.value)
            elif isinstance(n, yaml.MappingNode):
                stack.extend((c, depth + 1) for kv in n.value for c in kv)
        return super().construct_document(node)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        value: float = super().construct_yaml_float(node)
        if not math.isfinite(value):
            raise yaml.constructor.ConstructorError(None, None, f"{node.value} is not a finite number", node.start_mark)
        return value

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        try:
            value: int = super().construct_yaml_int(node)
        except ValueError:  # more digits than Python converts
            raise yaml.constructor.ConstructorError(None, None, "number too long", node.start_mark) from None
        return value

    def construct_yaml_str(self, node: yaml.ScalarNode) -> str:
        value: str = super().construct_yaml_str(node)
        what = describe(value)
        if what is not None:
            raise yaml.constructor.ConstructorError(None, None, what, node.start_mark)
        return value

    def construct_undefined(self, node: yaml.Node) -> Any:
        tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
        raise yaml.constructor.ConstructorError(
            None, None, f"YAML tag {tag} is not allowed (plain data only)", node.start_mark
        )


PlainLoader.add_constructor("tag:yaml.org,2002:float", PlainLoader.construct_yaml_float)
PlainLoader.add_constructor("tag:yaml.org,2002:int", PlainLoader.construct_yaml_int)
PlainLoader.add_constructor("tag:yaml.org,2002:str", PlainLoader.construct_yaml_str)
PlainLoader.add_constructor(None, PlainLoader.construct_undefined)


def load_yaml(text: str) -> Any:
    """One YAML document as plain data; raises :class:`yaml.YAMLError` (with a mark where the
    problem is) for anything else."""
    if "*" in text:
        _refuse_aliases(text)
    return yaml.load(text, Loader=PlainLoader)  # noqa: S506 - PlainLoader is a SafeLoader with less


def _refuse_aliases(text: str) -> None:
    """Raise for the first alias, at its place (once composed, an alias is its anchor's node)."""
    loader = PlainLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                mark: Any = event.start_mark  # the C parser's own Mark type
                raise yaml.constructor.ConstructorError(None, None, "aliases (*name) are not allowed", mark)
    finally:
        loader.dispose()
