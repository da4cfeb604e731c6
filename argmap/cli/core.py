"""Subcommands that need no Qt: validate, info, convert, schema."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from .batch import add_timeout_option, attempt, run_each
from .errors import CommandError

if TYPE_CHECKING:
    from argmap.io.registry import FormatSpec


def add_parsers(add_parser: Callable[..., argparse.ArgumentParser]) -> None:
    """Add this module's commands (``add_parser``: the subparsers' ``add_parser``)."""
    p = add_parser("validate", help="check maps; exit 0 when all are valid, else one line per problem")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    add_timeout_option(p)
    p.set_defaults(func=run_validate)

    p = add_parser("info", help="count statements, relations, anchors ... of maps")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="one JSON object per file per line")
    add_timeout_option(p)
    p.set_defaults(func=run_info)

    p = add_parser(
        "convert",
        help="convert between formats: IN OUT, or -t FORMAT -d DIR IN ...",
        description="Read any format argmap reads and write the one OUT's extension names. "
        "With -t and -d, convert many files in one process to DIR/<name>.<FORMAT>.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="IN OUT, or with -d: IN ...")
    p.add_argument("-t", "--to", metavar="FORMAT", help="output format or extension, e.g. argmap.json, argdown, aif")
    p.add_argument("-d", "--dir", metavar="DIR", help="output folder for many inputs")
    p.add_argument("-q", "--quiet", action="store_true", help="do not print import reports")
    add_timeout_option(p)
    p.set_defaults(func=run_convert)

    p = add_parser("schema", help="print the JSON Schema of the .argmap.json format")
    p.set_defaults(func=run_schema)


def run_validate(args: argparse.Namespace) -> int:
    from argmap.io import read_any
    from argmap.model import broken_anchors

    bad = 0

    def check(path: str) -> None:
        nonlocal bad
        result = read_any(path)
        broken = broken_anchors(result.map)
        for st, a in broken:
            print(
                f"{path}: statement {st.id}: broken anchor {a.start}..{a.end} in source {a.source_id} "
                f"(quote {a.quote[:40]!r} no longer matches)"
            )
        if broken:
            bad += 1
        elif not args.quiet:
            m = result.map
            print(f"{path}: valid ({len(m.statements)} statements, {len(m.relations)} relations)")

    for path in args.files:
        line = attempt(path, lambda: check(path), args.timeout, args.debug)  # noqa: B023 - called at once
        if line is not None:
            print(line)
            bad += 1
    return 1 if bad else 0


def run_info(args: argparse.Namespace) -> int:
    from argmap.io import read_any
    from argmap.model import stats

    def show(path: str) -> None:
        info = {"file": path, **stats(read_any(path).map)}
        if args.json:
            print(json.dumps(info, ensure_ascii=False))
        else:
            print(f"{path}: {info['title'] or '(untitled)'}")
            print(
                f"  statements {info['statements']} (conclusions {info['conclusions']}, premises "
                f"{info['premises']}, evidence {info['evidence']})"
            )
            print(
                f"  relations {info['relations']} (supports {info['supports']}, attacks {info['attacks']}, "
                f"linked {info['linked']}, undercuts {info['undercuts']})"
            )
            print(f"  sources {info['sources']}, anchors {info['anchors']}, broken anchors {info['broken_anchors']}")

    status = 0
    for path in args.files:
        line = attempt(path, lambda: show(path), args.timeout, args.debug)  # noqa: B023 - called at once
        if line is not None:
            print(f"argmap: {line}", file=sys.stderr)
            status = 1
    return status


def output_name(path: str, ext: str, folder: str) -> str:
    """``DIR/<input name without its extension>.<EXT>``."""
    from argmap.io.registry import output_extension

    base = os.path.basename(path)
    known = output_extension(path)
    stem = base[: -len(known)] if known and base.lower().endswith(known) else os.path.splitext(base)[0]
    return os.path.join(folder, f"{stem}.{ext.lstrip('.')}")


def batch_jobs(folder: str, fmt: str, inputs: list[str]) -> tuple[FormatSpec, list[tuple[str, str]]]:
    """For ``-t FORMAT -d DIR IN ...``: the writer, and (input, output) pairs; makes DIR."""
    from argmap.io.registry import detect_writer

    spec = detect_writer(folder, fmt)
    wanted = "." + fmt.lower().lstrip(".")
    ext = wanted if wanted in spec.extensions else spec.extensions[0]
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as e:
        raise CommandError(f"{folder}: cannot create folder: {e.strerror or e}") from None
    return spec, [(src, output_name(src, ext, folder)) for src in inputs]


def convert_one(src: str, dst: str, fmt: str | None, quiet: bool) -> None:
    from argmap.io import read_any, write_any

    result = read_any(src)
    write_any(result.map, dst, fmt)
    if not quiet:
        lines = result.report.lines()
        print(f"{src} -> {dst}" + (f": {lines[0]}" if lines else ""), file=sys.stderr)
        for line in lines[1:]:
            print(f"  {line}", file=sys.stderr)


def run_convert(args: argparse.Namespace) -> int:
    from argmap.io.registry import detect_writer

    if args.dir is None:
        if args.to is not None and len(args.paths) == 2:
            detect_writer(args.paths[1], args.to)
        if len(args.paths) != 2:
            raise CommandError("convert takes IN OUT, or -t FORMAT -d DIR IN ... for many files", 2)
        convert_one(args.paths[0], args.paths[1], args.to, args.quiet)
        return 0
    if not args.to:
        raise CommandError("convert -d DIR needs -t FORMAT (for example -t argmap.json)", 2)
    spec, jobs = batch_jobs(args.dir, args.to, args.paths)
    return run_each(jobs, lambda src, dst: convert_one(src, dst, spec.name, args.quiet), args.timeout, args.debug)


def run_schema(args: argparse.Namespace) -> int:
    from argmap.io.schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0
