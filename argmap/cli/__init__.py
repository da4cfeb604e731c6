"""The ``argmap`` command: the GUI by default, or a subcommand; Qt only where a command needs it."""
from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from collections.abc import Sequence

# Each module defines ``add_parsers(subparsers)``; keep their top level free of heavy imports.
COMMAND_MODULES = ("argmap.cli.core", "argmap.cli.layout_cmd", "argmap.cli.export_cmd")
# Commands whose module defines nothing else: run, they need only their own parser (a few ms less
# than building every command's)
OWN_MODULE = {"export": "argmap.cli.export_cmd", "layout": "argmap.cli.layout_cmd"}


_exit_fast = False  # set by main() for commands whose parser sets ``fast_exit=True``
_own_process = False  # set by run(): main() runs a whole process, not a call from other code


class CommandError(Exception):
    """A user-facing failure of a command: printed as one line, exit status 1 (or ``status``)."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def _version() -> str:
    from argmap import __version__

    return f"argmap {__version__}"


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


class Parser(argparse.ArgumentParser):
    """argparse's parser, but its help formatters are told the terminal's width: left to find it
    themselves they import shutil (and with it bz2, lzma, fnmatch ...), a few ms of every command."""

    def _get_formatter(self) -> argparse.HelpFormatter:
        return self.formatter_class(prog=self.prog, width=terminal_columns() - 2)  # as argparse leaves a margin


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every command's, or (``only``, a module of
    :data:`COMMAND_MODULES`) just the commands that module defines."""
    parser = Parser(
        prog="argmap",
        description="Map the conclusions, premises and evidence of persuasive writing. "
                    "With no command, opens the desktop editor on the given files.",
    )
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if only is not None:
        importlib.import_module(only).add_parsers(sub)
        return parser
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue
        module.add_parsers(sub)
    gui = sub.add_parser("gui", help="open the desktop editor (the default when no command is given)")
    gui.add_argument("files", nargs="*", metavar="FILE", help="maps to open")
    gui.set_defaults(func=_run_gui)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from argmap.ui.app import run_app

    return run_app(args.files)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv in (["--version"], ["-V"]):  # fast path: nothing else imported
        print(_version())
        return 0
    first = next((a for a in argv if a != "--debug"), None)
    parser = build_parser(OWN_MODULE.get(first or ""))
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    if first is None or (first not in commands and not first.startswith("-")):
        argv = [a for a in argv if a == "--debug"] + ["gui"] + [a for a in argv if a != "--debug"]
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        args = parser.parse_args(["gui"])
    global _exit_fast
    _exit_fast = bool(getattr(args, "fast_exit", False))
    if _exit_fast and _own_process and len(getattr(args, "inputs", ())) <= 1:
        # one map, and the process ends when its file is written: the cyclic collector would only
        # rescan the map's many small objects (a twentieth of the run for a big map), never free much
        gc.disable()
    from argmap.io.errors import MapFileError

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
        print(f"argmap: internal error: {type(e).__name__}: {e} (run with --debug for details)", file=sys.stderr)
        return 70


def run() -> NoReturn:
    """The process entry point: :func:`main`, then exit.  Commands that write files and hold nothing
    else (``export``) leave without the interpreter's and Qt's teardown, a fifth of a second for a
    big map: their files are written and closed by then; stdout and stderr are flushed here."""
    global _own_process
    _own_process = True
    status = main()
    if _exit_fast:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                status = status or 1
        os._exit(status)
    sys.exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
