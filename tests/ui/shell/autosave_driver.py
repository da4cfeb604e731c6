"""Run by test_crash_recovery.py as another argmap: start the editor the real way on one map file, optionally
make one edit to its first statement and wait for the recovery copy, print "ready", and run until killed."""

from __future__ import annotations

import sys

from argmap.ui.document.commands import UpdateStatementCommand
from argmap.ui.shell.app import start


def main(argv: list[str]) -> int:
    path, text = argv[0], (argv[1] if len(argv) > 1 else None)
    session = start([path])
    [window] = session.manager.windows
    if text is None:
        print("ready", flush=True)
    else:
        window.autosave.written.connect(lambda copy: print("ready", copy, flush=True))
        first = next(iter(window.doc.map.statements))
        window.doc.push(UpdateStatementCommand(window.doc, first, {"text": text}))
    return int(session.app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
