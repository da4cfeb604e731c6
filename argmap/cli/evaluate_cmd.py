"""``argmap evaluate`` and ``argmap check``: labels and problems of maps, no Qt."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from .batch import add_timeout_option, attempt

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


def add_parsers(add_parser: Callable[..., argparse.ArgumentParser]) -> None:
    """Add this module's commands (``add_parser``: the subparsers' ``add_parser``)."""
    p = add_parser(
        "evaluate",
        help="label each statement in, out or undecided and each relation applicable or not",
        description="Evaluate maps: Carneades' rules for graphs imported from Carneades, the argmap "
        "reading otherwise (see docs/evaluation.md). Ids are the map's (an import keeps "
        "the other tool's).",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="one JSON object per file per line")
    add_timeout_option(p)
    p.set_defaults(func=run_evaluate)

    p = add_parser(
        "check",
        help="list what is weak or broken in maps; exit 1 when any problem is an error",
        description="The editor's Problems list: circular support and broken anchors (errors), "
        "unsupported conclusions, orphans, unanchored or supported evidence and duplicate "
        "texts (warnings), unanswered objections (information).",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="one JSON object per problem per line")
    add_timeout_option(p)
    p.set_defaults(func=run_check)


def each_map(args: argparse.Namespace, work: Callable[[str, ArgumentMap], bool]) -> int:
    """``work(path, map)`` for each file read; a file that cannot be read or evaluated is one line on
    standard error and the next file goes on (``--timeout``, ``--debug``).  Returns 1 when any file
    failed or ``work`` said so, else 0."""
    from argmap.io import read_any

    status = 0
    for path in args.files:
        flagged: list[bool] = []

        def one(path: str = path, flagged: list[bool] = flagged) -> None:
            flagged.append(work(path, read_any(path).map))

        line = attempt(path, one, args.timeout, args.debug)
        if line is not None:
            print(f"argmap: {line}", file=sys.stderr)
        if line is not None or any(flagged):
            status = 1
    return status


def run_evaluate(args: argparse.Namespace) -> int:
    from argmap.evaluation import evaluate
    from argmap.evaluation.reasons import name

    def show(path: str, amap: ArgumentMap) -> bool:
        ev = evaluate(amap)
        if args.json:
            print(json.dumps({"file": path, **ev.as_json()}, ensure_ascii=False))
            return False
        c = ev.counts()
        print(f"{path}: {amap.title or '(untitled)'} ({ev.semantics} semantics)")
        print(
            f"  {c['in']} in, {c['out']} out, {c['undecided']} undecided; "
            f"{c['applicable']} of {len(ev.relations)} relations applicable"
        )
        for sid, lab in ev.statements.items():
            reason = ev.reason(amap, sid).split(": ", 1)[-1]
            print(f"  {lab.value:<9} {name(amap, sid)}: {reason}")
        return False

    return each_map(args, show)


def run_check(args: argparse.Namespace) -> int:
    from argmap.evaluation import find_problems

    def show(path: str, amap: ArgumentMap) -> bool:
        problems = find_problems(amap)
        for p in problems:
            if args.json:
                print(json.dumps({"file": path, **p.as_json()}, ensure_ascii=False))
            else:
                print(f"{path}: {p.severity}: {p.code}: {p.message} [{', '.join(p.ids)}]")
        if not args.json:
            counts = [
                (sum(p.severity == s for p in problems), word)
                for s, word in (("error", "error"), ("warning", "warning"), ("info", "note"))
            ]
            print(f"{path}: " + ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts))
        return any(p.severity == "error" for p in problems)

    return each_map(args, show)
