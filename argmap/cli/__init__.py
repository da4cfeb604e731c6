"""The ``argmap`` command: the GUI by default, or a subcommand; Qt only where a command needs it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from argmap import __version__

from . import core, evaluate_cmd, export_cmd, layout_cmd
from .batch import internal_error
from .errors import CommandError

__all__ = ["CommandError", "build_parser", "main", "run"]


def build_parser() -> argparse.ArgumentParser:
    """The command line's parser, with every command."""
    return _build()[0]


def _build() -> tuple[argparse.ArgumentParser, set[str]]:
    """The parser, and the names of its commands."""
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Map the conclusions, premises and evidence of persuasive writing. "
        "With no command, opens the desktop editor on the given files.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"argmap {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (core, layout_cmd, export_cmd, evaluate_cmd):
        module.add_parsers(sub.add_parser)
    gui = sub.add_parser("gui", help="open the desktop editor (the default when no command is given)")
    gui.add_argument("files", nargs="*", metavar="FILE", help="maps to open")
    gui.set_defaults(func=_run_gui)
    return parser, set(sub.choices)


def _run_gui(args: argparse.Namespace) -> int:
    from argmap.ui.shell.app import run_app

    return run_app(args.files)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, commands = _build()
    first = next((a for a in argv if a != "--debug"), None)
    if first is None or (first not in commands and not first.startswith("-")):  # files only: the editor
        argv = [a for a in argv if a == "--debug"] + ["gui"] + [a for a in argv if a != "--debug"]
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        args = parser.parse_args(["gui"])
    from argmap.io.errors import MapFileError  # the file layer loads only for a command that runs
    from argmap.ui.export.formats import register_picture_formats

    register_picture_formats()  # the application composes: io's own formats, then the pictures drawn above io

    try:
        return int(args.func(args) or 0)
    except (MapFileError, CommandError) as e:
        print(f"argmap: {e}", file=sys.stderr)
        return getattr(e, "status", 1)
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as e:  # noqa: BLE001 - the last line of defence: one line, no traceback
        if args.debug:
            raise
        print(f"argmap: {internal_error(e)}", file=sys.stderr)
        return 70


def run() -> NoReturn:
    """The process entry point: :func:`main`, then exit with its status."""
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
