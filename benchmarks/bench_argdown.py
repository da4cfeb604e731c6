"""Argdown import/export speed on gen_argdown.py debates: python benchmarks/bench_argdown.py [N ...]."""
import os
import subprocess
import sys
import tempfile
import time

from argmap.io import read_any
from argmap.io.argdown_writer import dumps

GEN = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "tools", "gen_argdown.py")


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 5000, 20000]
    t = time.perf_counter()
    s = 0
    for i in range(1_000_000):
        s += i
    print(f"machine: 1M Python additions take {time.perf_counter() - t:.2f}s (about 0.05s when idle)")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = os.path.join(tmp, f"debate{n}.argdown")
            subprocess.run([sys.executable, GEN, str(n), path], check=True)
            t = time.perf_counter()
            result = read_any(path)
            t_in = time.perf_counter() - t
            t = time.perf_counter()
            dumps(result.map)
            t_out = time.perf_counter() - t
            print(f"{n:>6} statements: import {t_in:.2f}s, export {t_out:.2f}s  ({result.report.lines()[0]})")


if __name__ == "__main__":
    main()
