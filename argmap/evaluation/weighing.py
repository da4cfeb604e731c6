"""Carneades weighing functions: how much an argument weighs, given its premises' labels."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .labels import Label

IN, OUT = Label.IN, Label.OUT


@dataclass
class Arg:
    """One Carneades argument as the evaluation sees it."""

    id: str
    conclusion: str
    premises: tuple[str, ...]
    scheme: str = ""
    meta: Mapping[str, Any] = field(default_factory=dict)  # the argument's own ``meta:``
    scheme_meta: Mapping[str, Any] = field(default_factory=dict)  # its scheme's ``meta:``
    undercuts: tuple[str, ...] = ()  # ids of the relations that undercut it
    no_force: bool = False  # the user judged it to have no force
    weigh: Callable[[Arg, Context], float] | None = field(default=None, repr=False)  # None: linked


@dataclass
class Context:
    """What a weighing function may look at: labels, issues and every argument of an issue."""

    labels: dict[str, Label]
    issue_of: dict[str, str]
    positions: dict[str, list[str]]
    args_of: dict[str, list[Arg]]

    def label(self, sid: str) -> Label | None:
        return self.labels.get(sid)

    def issue_args(self, arg: Arg) -> list[Arg] | None:
        iid = self.issue_of.get(arg.conclusion)
        if iid is None:
            return None
        return [a for p in self.positions[iid] for a in self.args_of.get(p, ())]


def linked(arg: Arg, ctx: Context) -> float:
    return 1.0 if all(ctx.label(p) is IN for p in arg.premises) else 0.0


def convergent(arg: Arg, ctx: Context) -> float:
    return 1.0 if any(ctx.label(p) is IN for p in arg.premises) else 0.0


def cumulative(arg: Arg, ctx: Context) -> float:
    if not arg.premises:
        return 0.0
    return sum(ctx.label(p) is IN for p in arg.premises) / len(arg.premises)


def factorized(arg: Arg, ctx: Context) -> float:
    """Like linked, but the more premises (against the other arguments of the issue) the heavier."""
    others = ctx.issue_args(arg) or ctx.args_of.get(arg.conclusion, [arg])
    n = len({p for a in others for p in a.premises})
    m = 0
    for p in arg.premises:
        lab = ctx.label(p)
        if lab is OUT:
            return 0.0
        m += lab is IN
    return m / n if n else 1.0


def constant(w: float) -> Callable[[Arg, Context], float]:
    def weigh(arg: Arg, ctx: Context) -> float:
        return w if all(ctx.label(p) is IN for p in arg.premises) else 0.0

    return weigh


BASIC: dict[str, Callable[[Arg, Context], float]] = {
    "linked": linked,
    "convergent": convergent,
    "cumulative": cumulative,
    "factorized": factorized,
}


def _date(v: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(v) if len(v) == 10 else None
    except ValueError:
        return None


def _less(a: Arg, b: Arg, order: list[dict[str, Any]]) -> bool:
    """Whether ``a`` ranks below ``b`` by its scheme's properties (Carneades' ByProperties)."""
    for po in order:
        prop = str(po.get("property"))
        x, y = a.scheme_meta.get(prop), b.scheme_meta.get(prop)
        if type(x) is not type(y):
            continue
        direction = po.get("order")
        values = [str(v).lower() for v in direction] if isinstance(direction, list) else []
        ascending = isinstance(direction, str) and direction.lower() == "ascending"
        if isinstance(x, str) and isinstance(y, str):
            if x == y:
                continue
            dx, dy = _date(x), _date(y)
            if dx is not None and dy is not None:
                return dx < dy if ascending else dx > dy
            if dx is not None or dy is not None:
                continue
            if values:
                ix = values.index(x) if x in values else len(values) + 1
                iy = values.index(y) if y in values else len(values) + 1
                if ix < iy:
                    return True
                continue
            if x < y:
                return True
            continue
        if isinstance(x, (int, float)) and isinstance(y, (int, float)) and not isinstance(x, bool):
            if x == y:
                continue
            return x < y if ascending else x > y
    return False


def _same(a: Arg, b: Arg, order: list[dict[str, Any]]) -> bool:
    for po in order:
        prop = str(po.get("property"))
        x, y = a.meta.get(prop), b.meta.get(prop)
        if type(x) is not type(y) or x is None:
            continue
        return bool(x == y)
    return False


def preference(order: list[dict[str, Any]]) -> Callable[[Arg, Context], float]:
    """Rank the arguments of an issue by their schemes' properties (lex superior, lex posterior...)."""

    def weigh(arg: Arg, ctx: Context) -> float:
        w = linked(arg, ctx)
        args = ctx.issue_args(arg)
        if args is None or w == 0.0:
            return w
        ranked = list(args)
        for i in range(1, len(ranked)):  # insertion sort, weakest first, as Go's sort does small slices
            j = i
            while j > 0 and _less(ranked[j], ranked[j - 1], order):
                ranked[j], ranked[j - 1] = ranked[j - 1], ranked[j]
                j -= 1
        groups: list[list[Arg]] = []
        for a in ranked:
            if groups and _same(a, groups[-1][0], order):
                groups[-1].append(a)
            else:
                groups.append([a])
        for i, group in enumerate(groups):
            if any(a.id == arg.id for a in group):
                return (i + 1) / len(groups)
        return 0.0

    return weigh


_TERM = re.compile(r"^\s*([^\s(]+)\((.*)\)\s*$")


def _property(arg: Arg, prop: str, ctx: Context) -> str | None:
    """The value a premise ``prop(subject, value)`` gives (or the position of its issue that is in)."""
    for p in arg.premises:
        m = _TERM.match(p)
        if m is None or m.group(1) != prop:
            continue
        cands = (
            [p]
            if ctx.label(p) is IN
            else [q for q in ctx.positions.get(ctx.issue_of.get(p, ""), ()) if ctx.label(q) is IN]
        )
        for c in cands:
            mc = _TERM.match(c)
            parts = [s.strip() for s in mc.group(2).split(",")] if mc else []
            if len(parts) == 2:
                return parts[1]
        return None
    return None


def criteria(spec: Mapping[str, Any]) -> Callable[[Arg, Context], float]:
    """Multi-criteria weighing: hard constraints on premises, a weighted sum of soft ones."""
    hard = [i for i in spec.get("hard") or [] if isinstance(i, int)]
    soft = spec.get("soft") or {}

    def weigh(arg: Arg, ctx: Context) -> float:
        for i in hard:
            if i < len(arg.premises) and ctx.label(arg.premises[i]) is OUT:
                return 0.0
        total = sum(float(c.get("factor", 0)) for c in soft.values() if isinstance(c, dict))
        w = 0.0
        for prop, c in soft.items():
            if not isinstance(c, dict):
                continue
            v = _property(arg, str(prop), ctx)
            if v is None:
                return 0.0
            values = c.get("values") or {}
            w += (float(c.get("factor", 0)) / total if total else 0.0) * float(values.get(v, 0.0))
        return w

    return weigh


def weighing_function(spec: Any, named: Mapping[str, Any]) -> Callable[[Arg, Context], float]:
    """A scheme's ``weight:``: a name, ``{constant: w}``, ``{preference: ...}`` or ``{criteria: ...}``."""
    if isinstance(spec, str):
        key = spec.lower()
        if key in named and named[key] is not spec:
            return weighing_function(named[key], {k: v for k, v in named.items() if k != key})
        return BASIC.get(key, linked)
    if isinstance(spec, dict) and len(spec) == 1:
        ((kind, body),) = spec.items()
        kind = str(kind).lower()
        if kind == "constant":
            try:
                return constant(float(body))
            except (TypeError, ValueError):
                return linked
        if kind == "preference":
            order = body if isinstance(body, list) else [body]
            return preference([po for po in order if isinstance(po, dict)])
        if kind == "criteria" and isinstance(body, dict):
            return criteria(body)
    return linked
