"""Instructions per phase of one SVG export, counted by valgrind's cachegrind: figures that do not
move with the load of a shared machine, for comparing two versions of the code.

Usage: PYTHONPATH=. python benchmarks/bench_export_instructions.py [N] [--root DIR] [--gen PATH]

Generates a debate of N statements (default 1000) with ``../shared/tools/gen_argdown.py`` and runs
the phases of ``argmap export debate.argdown -o x.svg`` one more at a time under
``valgrind --tool=cachegrind`` (imports, reading the Argdown, measuring the cards, the layout,
drawing, SVG text), printing the instructions each adds; then the whole command as it runs
(``argmap.cli.run``).  ``--root`` measures another checkout of argmap (say a ``git worktree`` of an
older commit).  Needs ``valgrind`` (Debian package ``valgrind``); takes a minute or two.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT.parent / "shared" / "tools" / "gen_argdown.py"
PHASES = ("Python start", "imports", "reading", "measuring", "layout", "drawing", "SVG text")

STEPS = r"""
import sys
root, src, stop = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, root)
if stop >= 1:
    from argmap.io import read_any
    from argmap.draw.mapdraw import MapDrawing, resolve_positions
    from argmap.draw.svg import document
    from argmap import measure
if stop >= 2:
    m = read_any(src).map
if stop >= 3:
    measure.map_sizes(m)
if stop >= 4:
    pos = resolve_positions(m, list(m.statements), list(m.relations))
if stop >= 5:
    d = MapDrawing(m, positions=pos)
    pic = d.picture(background=(255, 255, 255, 255))
if stop >= 6:
    document(pic, d.rect, title="x")
"""

WHOLE = r"""
import sys
sys.path.insert(0, sys.argv[1])
sys.argv = ["argmap", "export", "-q", sys.argv[2], "-o", sys.argv[3]]
from argmap.cli import run
run()
"""


def count(cmd: list[str]) -> int:
    """Instructions the process ``cmd`` runs."""
    res = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *cmd],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(re.findall(r"I\s+refs:\s+([\d,]+)", res.stderr)[0].replace(",", ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--root", default=str(ROOT), help="the argmap checkout to measure (default: this one)")
    ap.add_argument("--gen", type=Path, default=GEN, help="the debate generator (default: %(default)s)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1
    if not args.gen.is_file():
        print(f"{args.gen} is missing (../shared/tools, or give --gen)", file=sys.stderr)
        return 1
    root = Path(args.root).resolve()
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(root / "argmap")], check=False, stdout=subprocess.DEVNULL
    )
    with tempfile.TemporaryDirectory() as tmp:
        ad, out = Path(tmp) / "debate.argdown", Path(tmp) / "out.svg"
        subprocess.run([sys.executable, str(args.gen), str(args.n), str(ad)], check=True, stdout=subprocess.DEVNULL)
        print(f"{args.n} statements, argmap at {root}: instructions (millions)")
        before = 0
        for stop, name in enumerate(PHASES):
            total = count([sys.executable, "-c", STEPS, str(root), str(ad), str(stop)])
            print(f"  {name:<14} {(total - before) / 1e6:8.0f}")
            before = total
        print(f"  {'sum':<14} {before / 1e6:8.0f}")
        whole = count([sys.executable, "-c", WHOLE, str(root), str(ad), str(out)])
        print(f"  {'argmap export':<14} {whole / 1e6:8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
