"""Argdown import/export speed on gen_argdown.py debates: python benchmarks/bench_argdown.py [N ...] [--gen PATH]."""

import argparse
import os
import subprocess
import sys
import tempfile
import time

from argmap.io import read_any
from argmap.io.argdown_writer import dumps

GEN = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "tools", "gen_argdown.py")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 5000, 20000])
    ap.add_argument("--gen", default=GEN, help="the debate generator (default: %(default)s)")
    args = ap.parse_args()
    t = time.perf_counter()
    s = 0
    for i in range(1_000_000):
        s += i
    print(f"machine: 1M Python additions take {time.perf_counter() - t:.2f}s (about 0.05s when idle)")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = os.path.join(tmp, f"debate{n}.argdown")
            subprocess.run([sys.executable, args.gen, str(n), path], check=True)
            t = time.perf_counter()
            result = read_any(path)
            t_in = time.perf_counter() - t
            t = time.perf_counter()
            dumps(result.map)
            t_out = time.perf_counter() - t
            print(f"{n:>6} statements: import {t_in:.2f}s, export {t_out:.2f}s  ({result.report.lines()[0]})")


if __name__ == "__main__":
    main()
