"""Instructions per phase of one SVG export, counted by valgrind's cachegrind: figures that do not
move with the load of a shared machine, for comparing two versions of the code.

Usage: PYTHONPATH=. python benchmarks/bench_export_instructions.py [N] [--root DIR]

Generates a debate of N statements (default 1000) with ``../shared/tools/gen_argdown.py``, saves
it as ``.argmap.json`` without positions, and runs the phases of ``argmap export -o x.svg`` one
more at a time under ``valgrind --tool=cachegrind`` (imports, reading, measuring the cards, the
layout, drawing, SVG text), printing the instructions each adds; then the whole command as it
runs (``argmap.cli.run``), with its forked helpers: the command itself and the helper that draws
the edges each print a figure (a fork counts from the command's start, so the larger figure is the
critical path); helpers stopped once their work is not needed (measuring, counting crossings,
compacting) are killed and print none.
``--root`` measures another checkout of argmap (say a ``git worktree`` of an older commit).
Needs ``valgrind`` (Debian package ``valgrind``); takes a minute or two.
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
import gc, sys
gc.disable()  # as ``argmap export`` runs
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


def counts(cmd: list[str]) -> list[int]:
    """Instructions of every process ``cmd`` makes (valgrind follows forked children)."""
    res = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          "--trace-children=yes", *cmd], capture_output=True, text=True, check=True)
    return [int(m.replace(",", "")) for m in re.findall(r"I\s+refs:\s+([\d,]+)", res.stderr)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--root", default=str(ROOT), help="the argmap checkout to measure (default: this one)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1
    if not GEN.is_file():
        print(f"{GEN} is missing (../shared/tools)", file=sys.stderr)
        return 1
    root = Path(args.root).resolve()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "argmap")], check=False,
                   stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        ad, mp, out = Path(tmp) / "debate.argdown", Path(tmp) / "debate.argmap.json", Path(tmp) / "out.svg"
        subprocess.run([sys.executable, str(GEN), str(args.n), str(ad)], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                        "from argmap.io import read_any, save_map; save_map(read_any(sys.argv[2]).map, sys.argv[3])",
                        str(root), str(ad), str(mp)], check=True)
        print(f"{args.n} statements, argmap at {root}: instructions (millions)")
        before = 0
        for stop, name in enumerate(PHASES):
            total = counts([sys.executable, "-c", STEPS, str(root), str(mp), str(stop)])[0]
            print(f"  {name:<14} {(total - before) / 1e6:8.0f}")
            before = total
        print(f"  {'one process':<14} {before / 1e6:8.0f}")
        whole = counts([sys.executable, "-c", WHOLE, str(root), str(mp), str(out)])
        print("  argmap export: " + ", ".join(f"{c / 1e6:.0f}" for c in sorted(whole, reverse=True))
              + "  (one figure per process that ends by itself; a forked one counts from the command's start,"
                " and the larger is the critical path)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
