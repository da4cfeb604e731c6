"""``argmap layout``: auto-arrange a map from the command line, with the card sizes the GUI uses. No Qt."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable


def add_parsers(add_parser: Callable[..., argparse.ArgumentParser]) -> None:
    """Add this module's commands (``add_parser``: the subparsers' ``add_parser``)."""
    p = add_parser(
        "layout",
        help="auto-arrange a map: conclusions on top, reasons below, evidence at the bottom",
        description="Lay out IN (any format argmap reads) and write it to OUT (format from its extension). "
        "Cards are measured exactly as the desktop editor measures them; pinned cards stay put.",
    )
    p.add_argument("input", metavar="IN", help="map to lay out")
    p.add_argument("-o", "--output", metavar="OUT", required=True, help="where to write the laid-out map")
    p.add_argument(
        "--direction",
        choices=("TB", "BT", "LR"),
        default=None,
        help="TB: conclusions on top; BT: at the bottom; LR: on the left "
        "(default: the map's own, meta.layout_direction, else TB)",
    )
    p.add_argument(
        "--aspect",
        type=_aspect,
        default=None,
        metavar="W/H",
        help="width / height the map is compacted towards: a conclusion's many reasons wrap into "
        "bands one below the other, so a row no longer tells how far a reason is from its conclusion "
        "(1.4: an A4 landscape page; default 0: every reason in the row below its target)",
    )
    p.add_argument(
        "--cards",
        choices=("full", "titles"),
        default=None,
        help="full: cards show kind, title and text; titles: compact cards with the title alone "
        "(default: as the map says, meta.card_text)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(func=run_layout)


def _aspect(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 or a positive number: {text!r}")
    return value


def run_layout(args: argparse.Namespace) -> int:
    from argmap.io import read_any, write_any
    from argmap.layout import layout_map

    result = read_any(args.input)
    amap = result.map
    if args.cards is not None:  # stored with the map: the editor and the exporters draw the same cards
        amap.set_meta(card_text="titles" if args.cards == "titles" else None)
    kwargs = {} if args.aspect is None else {"aspect": args.aspect or None}
    direction = args.direction or amap.meta.get("layout_direction") or "TB"
    amap.move(layout_map(amap, direction=direction, **kwargs))
    amap.set_meta(layout_direction=direction)  # the flow the drawing follows (edges at card sides for LR)
    write_any(amap, args.output)
    if not args.quiet:
        print(
            f"{args.input} -> {args.output}: laid out {len(amap.statements)} statements and "
            f"{len(amap.relations)} relations ({direction})",
            file=sys.stderr,
        )
    return 0
