"""``argmap export``: maps to SVG, PNG, PDF or outlines, headless; Qt only for the picture formats."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

from .batch import add_timeout_option, run_each
from .core import batch_jobs
from .errors import CommandError

PAGE_SIZES = ("A3", "A4", "A5", "Letter", "Legal", "Tabloid")
PRINT_THEMES = ("light", "high-contrast")  # the themes drawn on white, as every export is


def add_parsers(add_parser: Callable[..., argparse.ArgumentParser]) -> None:
    """Add this module's commands (``add_parser``: the subparsers' ``add_parser``)."""
    p = add_parser(
        "export",
        help="draw maps as SVG, PNG or PDF, or write their outline (Markdown, text)",
        description="Export IN to OUT (format from OUT's extension or -t), or with -t FORMAT -d DIR many maps "
        "to DIR/<name>.<FORMAT>. Runs without a display; maps without positions are laid out.",
    )
    p.add_argument("inputs", nargs="+", metavar="IN", help="maps in any format argmap reads")
    p.add_argument("-o", "--output", metavar="OUT", help="output file (.svg, .png, .pdf, .md, .txt)")
    p.add_argument("-t", "--to", metavar="FORMAT", help="output format: svg, png, pdf, md (markdown), txt (text)")
    p.add_argument("-d", "--dir", metavar="DIR", help="output folder, for many inputs")
    p.add_argument("--scale", type=float, metavar="S", help="PNG: pixels per map unit (default 2)")
    p.add_argument("--dpi", type=float, metavar="DPI", help="PNG: resolution instead of --scale (96 dpi = scale 1)")
    p.add_argument("--page", default="A4", metavar="SIZE", help=f"PDF page size: {', '.join(PAGE_SIZES)} (default A4)")
    turn = p.add_mutually_exclusive_group()
    turn.add_argument(
        "--landscape",
        dest="landscape",
        action="store_true",
        default=None,
        help="PDF: landscape pages (default: the way the map is wider)",
    )
    turn.add_argument("--portrait", dest="landscape", action="store_false", help="PDF: portrait pages")
    p.add_argument(
        "--tile",
        action="store_true",
        help="PDF: spread a large map over several pages at a readable size instead of fitting one page",
    )
    p.add_argument(
        "--cards",
        choices=("full", "titles"),
        default=None,
        help="full: cards show kind, title and text; titles: compact cards with the title alone "
        "(default: as the map says; a different choice lays the map out afresh)",
    )
    p.add_argument(
        "--report",
        action="store_true",
        help="a report: the map with numbered cards, then a key to every card (kind, title, full text, "
        "the source passage quoted with its place) and the relations in outline; OUT .pdf, .md (the map "
        "as OUT-map.svg beside it) or .html (the map inline)",
    )
    p.add_argument("--no-legend", action="store_true", help="leave out the legend")
    p.add_argument(
        "--labels",
        action="store_true",
        help="show each statement's evaluation: in, out or undecided (see argmap evaluate)",
    )
    named = p.add_mutually_exclusive_group()
    named.add_argument("--title", metavar="TEXT", help="title to draw (and PDF/SVG title) instead of the map's")
    named.add_argument("--no-title", action="store_true", help="leave out the map title")
    p.add_argument("--author", metavar="NAME", help="PDF author (default: the map's analyst, meta.analyst)")
    p.add_argument("--transparent", action="store_true", help="SVG/PNG: no background (default white)")
    p.add_argument(
        "--theme",
        choices=PRINT_THEMES,
        default="light",
        help="colours: light (default), or high-contrast (black text, deep colours) for low vision and "
        "greyscale printing",
    )
    p.add_argument("--margin", type=float, default=24.0, metavar="PX", help="margin around the map (default 24)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    add_timeout_option(p)
    p.set_defaults(func=run_export)


def _options(args: argparse.Namespace, fmt: str) -> dict[str, Any]:

    opts: dict[str, Any] = {}
    if args.report:
        opts.update(legend=not args.no_legend, title=False if args.no_title else args.title, margin=args.margin)
        if args.margin < 0:
            raise CommandError("--margin must not be negative", 2)
        if args.tile:
            raise CommandError("--tile does not apply to a report: its map is fitted to one page", 2)
        if args.theme != "light":
            from argmap.draw.style import PALETTES

            opts["palette"] = PALETTES[args.theme]
        if fmt != "pdf":
            return opts
    if fmt in ("svg", "png", "pdf"):
        opts.update(legend=not args.no_legend, title=False if args.no_title else args.title, margin=args.margin)
        if args.margin < 0:
            raise CommandError("--margin must not be negative", 2)
        if args.theme != "light":
            from argmap.draw.style import PALETTES

            opts["palette"] = PALETTES[args.theme]
    if fmt in ("svg", "png"):
        opts["transparent"] = args.transparent
    if fmt == "png":
        if args.scale is not None and args.dpi is not None:
            raise CommandError("give --scale or --dpi, not both", 2)
        if args.dpi is not None:
            if not 1 <= args.dpi <= 2400:
                raise CommandError(f"--dpi {args.dpi:g} is out of range (1 to 2400)", 2)
            opts["dpi"] = args.dpi
        elif args.scale is not None:
            if not 0.05 <= args.scale <= 25:
                raise CommandError(f"--scale {args.scale:g} is out of range (0.05 to 25)", 2)
            opts["scale"] = args.scale
    if fmt == "pdf":
        page = {p.lower(): p for p in PAGE_SIZES}.get(args.page.lower())
        if page is None:
            raise CommandError(f"unknown page size {args.page!r}; use one of {', '.join(PAGE_SIZES)}", 2)
        opts.update(page=page, landscape=args.landscape, tile=args.tile)
        if args.author is not None:
            opts["author"] = args.author
    return opts


def prepare_qt() -> None:
    """Make the one QGuiApplication the drawing needs (offscreen when there is no display)."""
    from argmap.ui.export.images import ensure_app

    ensure_app()


def check_writable(path: str) -> None:
    """Fail early, in one line, when ``path`` cannot be written."""
    from argmap.io import MapFileError

    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise MapFileError(path, "", "cannot write: is a folder")
    if not os.path.isdir(folder):
        raise MapFileError(path, "", f"cannot write: no such folder {folder}")
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise MapFileError(path, "", "cannot write: permission denied")


def export_one(
    src: str, dst: str, spec: Any, opts: dict[str, Any], quiet: bool, cards: str | None = None, labels: bool = False
) -> None:
    from argmap.io import read_any

    check_writable(dst)
    result = read_any(src)
    if cards is not None:
        set_cards(result.map, cards)
    if labels:
        from argmap.evaluation import evaluate

        opts = {**opts, "labels": {sid: lab.value for sid, lab in evaluate(result.map).statements.items()}}
    if spec.needs_qt:
        prepare_qt()
    spec.writer(result.map, dst, **opts)
    if not quiet:
        print(f"{src} -> {dst}", file=sys.stderr)


def set_cards(amap: Any, cards: str) -> None:
    """Draw ``amap`` with full or compact (``"titles"``) cards; positions made for the other size
    are laid out afresh (in the map's own direction; pins stay)."""
    from argmap.layout.placement import layout_positions
    from argmap.measure import compact_cards

    if compact_cards(amap) == (cards == "titles"):
        return
    amap.set_meta(card_text="titles" if cards == "titles" else None)
    if amap.positions:
        amap.move(layout_positions(amap))


def report_jobs(args: argparse.Namespace) -> tuple[Any, list[tuple[str, str]]]:
    """``--report``: the report's format (from OUT, or -t) and the (input, output) pairs."""
    from argmap.ui.export.formats import report_format

    if args.dir is None:
        return report_format(args.output, args.to), [(args.inputs[0], args.output)]
    spec = report_format(args.dir, args.to)
    _, jobs = batch_jobs(args.dir, "svg", args.inputs)  # makes DIR; the names get the report's extension
    return spec, [(src, os.path.splitext(dst)[0] + spec.extensions[0]) for src, dst in jobs]


def run_export(args: argparse.Namespace) -> int:
    from argmap.io.registry import detect_writer

    if args.dir is None:
        if args.output is None or len(args.inputs) != 1:
            raise CommandError("export takes IN -o OUT, or -t FORMAT -d DIR IN ... for many maps", 2)
    else:
        if args.output is not None:
            raise CommandError("give -o OUT for one map or -d DIR for many, not both", 2)
        if not args.to:
            raise CommandError("export -d DIR needs -t FORMAT (svg, png, pdf, md or txt)", 2)
    if args.report:
        spec, jobs = report_jobs(args)
    elif args.dir is None:
        spec = detect_writer(args.output, args.to)
        jobs = [(args.inputs[0], args.output)]
    else:
        spec, jobs = batch_jobs(args.dir, args.to, args.inputs)
    if spec.name == "argmap" and not args.report:
        raise CommandError("export writes pictures and outlines; use 'argmap convert' for map formats", 2)
    opts = _options(args, spec.name)
    if spec.needs_qt:
        import logging

        logging.basicConfig(format="argmap: %(message)s", level=logging.ERROR if args.quiet else logging.WARNING)
    if args.dir is None:  # one map: its failure is the command's
        export_one(*jobs[0], spec, opts, args.quiet, args.cards, args.labels)
        return 0
    return run_each(
        jobs,
        lambda src, dst: export_one(src, dst, spec, opts, args.quiet, args.cards, args.labels),
        args.timeout,
        args.debug,
        noun="maps",
    )
