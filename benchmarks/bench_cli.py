"""Start-up time of `argmap --version` and of `argmap info` on a sample (whole process, best of N).

Run: PYTHONPATH=. python benchmarks/bench_cli.py [N]
Goal (issue 14): `argmap --version` under 0.3 s."""

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSION_GOAL = 0.3  # seconds, whole process


def best(cmd: list[str], n: int) -> tuple[float, float]:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    sample = sorted((ROOT / "samples").glob("*.argmap.json"))[0]
    rows = [
        ("argmap --version", [sys.executable, "-m", "argmap", "--version"]),
        ("python -c pass (baseline)", [sys.executable, "-c", "pass"]),
        (f"argmap info {sample.name}", [sys.executable, "-m", "argmap", "info", str(sample)]),
    ]
    print(f"{'command':45} {'best s':>8} {'median s':>9}")
    for name, cmd in rows:
        b, m = best(cmd, n)
        goal = ""
        if cmd[-1] == "--version":
            goal = f"   (goal < {VERSION_GOAL} s: {'met' if m < VERSION_GOAL else 'NOT met'})"
        print(f"{name:45} {b:8.3f} {m:9.3f}{goal}")


if __name__ == "__main__":
    main()
