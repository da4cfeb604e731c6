"""Benchmark evaluation and the Problems checks on generated debates.

Usage: PYTHONPATH=. python benchmarks/bench_evaluate.py [--sizes N ...] [--repeat K] [--gen GEN.py]

For each size N (default 5000 20000) it generates a debate with ``../shared/tools/gen_argdown.py``
(a tree of support/attack relations with about 10 % extra cross relations), reads it as Argdown
and prints: a full evaluation; a live refresh after a one-statement change (the user accepting,
then reopening, a statement deep in the tree, and one near the top); a full Problems check; and
the live Problems list after a one-statement text edit (both evaluations listen to every edit).
Times are medians of K runs: wall clock, and process time (steadier on a busy machine).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from argmap.evaluation import LiveEvaluation, LiveProblems, evaluate, find_problems
from argmap.io import read_any
from argmap.model import ArgumentMap

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT.parent / "shared" / "tools" / "gen_argdown.py"


def _median_ms(fn, repeat: int) -> tuple[float, float]:
    """Median wall and process (CPU) milliseconds of ``repeat`` calls."""
    wall, cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[5000, 20000])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--gen", type=Path, default=GEN, help="the debate generator (default ../shared/tools/...)")
    args = ap.parse_args()
    if not args.gen.exists():
        sys.exit(f"needs {args.gen}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"debate{n}.argdown"
            subprocess.run([sys.executable, str(args.gen), str(n), str(path), "7"], check=True)
            bench_map(read_any(path).map, n, args.repeat)


def bench_map(amap: ArgumentMap, seed: int, repeat: int) -> None:
    """Print the timings for one map."""
    full = _median_ms(lambda: evaluate(amap), repeat)
    counts = evaluate(amap).counts()
    live = LiveEvaluation(amap)
    amap.subscribe(live.refresh)
    sids = list(amap.statements)
    rng = random.Random(seed)
    picks = {"deep": rng.choice(sids[len(sids) // 2 :]), "near the top": sids[1]}
    print(f"{len(sids):>6} statements, {len(amap.relations)} relations: {counts}")
    print(f"        full evaluation                 {full[0]:8.1f} ms  (cpu {full[1]:.1f} ms)")
    for where, sid in picks.items():

        def toggle(sid: str = sid) -> None:
            amap.update_statement(sid, assessment="accepted")
            amap.update_statement(sid, assessment=None)

        wall, cpu = _median_ms(toggle, repeat)
        print(
            f"        one-statement change, {where:>12}: {wall / 2:8.2f} ms  (cpu {cpu / 2:.2f} ms;"
            " the edit and its live refresh)"
        )
    wall, cpu = _median_ms(lambda: find_problems(amap), repeat)
    print(
        f"        problems check                  {wall:8.1f} ms  (cpu {cpu:.1f} ms;"
        f" {len(find_problems(amap))} problems)"
    )
    problems = LiveProblems(amap)
    amap.subscribe(problems.refresh)
    sid = picks["deep"]

    def edit_and_list() -> None:
        amap.update_statement(sid, text=amap.statements[sid].text + " (edited)")
        problems.problems()
        amap.update_statement(sid, text=amap.statements[sid].text[: -len(" (edited)")])
        problems.problems()

    wall, cpu = _median_ms(edit_and_list, repeat)
    print(
        f"        problems after a text edit      {wall / 2:8.2f} ms  (cpu {cpu / 2:.2f} ms; live recheck,"
        " then the whole list)"
    )


if __name__ == "__main__":
    main()
