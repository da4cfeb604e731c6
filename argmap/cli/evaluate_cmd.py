"""``argmap evaluate`` and ``argmap check``: labels and problems of maps, no Qt."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable


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
    p.set_defaults(func=run_check)


def run_evaluate(args: argparse.Namespace) -> int:
    from argmap.evaluation import evaluate
    from argmap.evaluation.reasons import name
    from argmap.io import MapFileError, read_any

    status = 0
    for path in args.files:
        try:
            amap = read_any(path).map
        except MapFileError as e:
            print(f"argmap: {e}", file=sys.stderr)
            status = 1
            continue
        ev = evaluate(amap)
        if args.json:
            print(json.dumps({"file": path, **ev.as_json()}, ensure_ascii=False))
            continue
        c = ev.counts()
        print(f"{path}: {amap.title or '(untitled)'} ({ev.semantics} semantics)")
        print(
            f"  {c['in']} in, {c['out']} out, {c['undecided']} undecided; "
            f"{c['applicable']} of {len(ev.relations)} relations applicable"
        )
        for sid, lab in ev.statements.items():
            reason = ev.reason(amap, sid).split(": ", 1)[-1]
            print(f"  {lab.value:<9} {name(amap, sid)}: {reason}")
    return status


def run_check(args: argparse.Namespace) -> int:
    from argmap.evaluation import find_problems
    from argmap.io import MapFileError, read_any

    status = 0
    for path in args.files:
        try:
            amap = read_any(path).map
        except MapFileError as e:
            print(f"argmap: {e}", file=sys.stderr)
            status = 1
            continue
        problems = find_problems(amap)
        if any(p.severity == "error" for p in problems):
            status = 1
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
    return status
