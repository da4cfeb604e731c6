"""Benchmark ``argmap export`` of a debate from its ``.argdown`` file against ``argdown map --format svg``.

Usage: PYTHONPATH=. python benchmarks/bench_export.py [N ...] [--argdown-max N] [--repeat K] [--argdown-repeat K]
       [--formats svg pdf png] [--also-python PATH ...] [--phases] [--gen PATH]

For each size N (default 1000 3000 5000) it generates a debate with
``../shared/tools/gen_argdown.py`` and times complete ``python -m argmap export``
processes of that ``.argdown`` file (start-up, reading the Argdown, layout,
drawing, writing) to SVG (and to PDF and PNG with ``--formats``), with each
process's peak memory (``os.wait4``); argmap's bytecode is compiled first, as
an installed package's is.  Then the peer: ``argdown map --format svg`` from
``@argdown/cli`` 2.0.0 on the same file (found through ``$ARGMAP_ARGDOWN_CLI``,
``.ci/node_modules`` or installed with npm into a cache folder; the column is
left out without npm), up to ``--argdown-max`` statements.  Prints the ratio of
the two whole processes next to the goal for that size (issue 14: at least 10x
at 1,000 statements, 30x at 3,000).  ``--also-python`` times the SVG export under
another Python interpreter as well (with argmap's dependencies installed for
it): how fast Python itself is differs by build (a distribution's, built with
profile-guided optimisation, runs pure-Python code far faster than a plain
source build).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT.parent / "shared" / "tools" / "gen_argdown.py"
ARGDOWN_VERSION = "2.0.0"
NPM_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "argmap-bench" / "argdown-cli"
GOALS = {1000: 10.0, 3000: 30.0}  # argdown's time over argmap's, at least (issue 14)


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall time (s), peak resident memory (MB) and CPU time (s) of one whole process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime


def find_argdown(install: bool) -> str | None:
    for cand in (
        os.environ.get("ARGMAP_ARGDOWN_CLI"),
        ROOT / ".ci" / "node_modules" / ".bin" / "argdown",
        NPM_CACHE / "node_modules" / ".bin" / "argdown",
    ):
        if cand and Path(cand).is_file() and os.access(cand, os.X_OK):
            return str(cand)
    if not install or shutil.which("npm") is None:
        return None
    NPM_CACHE.mkdir(parents=True, exist_ok=True)
    # @argdown/cli 2.0.0 asks for @argdown/markdown-it-plugin ^2.0.0, which was never published;
    # the map command does not use it, so pin the last published one
    (NPM_CACHE / "package.json").write_text(
        json.dumps(
            {
                "name": "argmap-bench",
                "private": True,
                "dependencies": {"@argdown/cli": ARGDOWN_VERSION},
                "overrides": {"@argdown/markdown-it-plugin": "1.7.7"},
            }
        ),
        encoding="utf-8",
    )
    print(f"installing @argdown/cli {ARGDOWN_VERSION} into {NPM_CACHE} ...", file=sys.stderr)
    res = subprocess.run(
        ["npm", "install", "--silent", "--no-audit", "--no-fund"], cwd=NPM_CACHE, capture_output=True, text=True
    )
    exe = NPM_CACHE / "node_modules" / ".bin" / "argdown"
    if res.returncode != 0 or not exe.is_file():
        print(f"npm install failed; no Argdown column\n{res.stderr[-1000:]}", file=sys.stderr)
        return None
    return str(exe)


def calibrate() -> float:
    """CPU seconds of a fixed pure-Python loop: compare runs on a shared machine by this yardstick."""
    t = time.process_time()
    x = 0
    for i in range(2_000_000):
        x += i * i
    return time.process_time() - t


def median_run(cmd: list[str], repeat: int, env: dict[str, str]) -> tuple[float, float, float]:
    return _median([run(cmd, env) for _ in range(repeat)])


def _median(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Median wall time, largest peak memory, median CPU time of some runs."""
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs), statistics.median(r[2] for r in runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 3000, 5000])
    ap.add_argument("--argdown-max", type=int, default=3000, help="largest N to run argdown on (it is slow)")
    ap.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs per cell (median time, max memory); argmap SVG runs this many times before the "
        "peer and again after it",
    )
    ap.add_argument("--argdown-repeat", type=int, default=1, help="runs of the peer per size (median)")
    ap.add_argument(
        "--formats",
        nargs="+",
        default=["svg"],
        choices=["svg", "pdf", "png"],
        help="what argmap exports to (SVG is always timed: it is what the peer writes)",
    )
    ap.add_argument("--no-install", action="store_true", help="do not npm install @argdown/cli")
    ap.add_argument("--keep", metavar="DIR", help="keep the generated files and outputs in DIR")
    ap.add_argument(
        "--also-python",
        action="append",
        default=[],
        metavar="PATH",
        help="also time the SVG export under this Python interpreter (repeatable)",
    )
    ap.add_argument(
        "--phases",
        action="store_true",
        help="also print where one SVG export's time goes (imports, read, layout, SVG, write)",
    )
    ap.add_argument("--gen", type=Path, default=GEN, help="the debate generator (default: %(default)s)")
    args = ap.parse_args()
    if not args.gen.is_file():
        print(f"{args.gen} is missing (../shared/tools, or give --gen)", file=sys.stderr)
        return 1
    formats = ["svg"] + [f for f in ("pdf", "png") if f in args.formats]
    argdown = find_argdown(not args.no_install)
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("DISPLAY", None)  # headless, as on a build server: argmap must set offscreen itself
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    # an installed argmap has its bytecode compiled (pip does it); with PYTHONDONTWRITEBYTECODE set,
    # a source edited since its last .pyc would otherwise be compiled again in every timed process
    for py in [sys.executable, *args.also_python]:
        subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "argmap")], check=False, stdout=subprocess.DEVNULL)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench_export_"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    load_before = os.getloadavg()[0]
    calib = [calibrate()]
    try:
        for n in args.sizes:
            src = work / f"debate-{n}.argdown"
            subprocess.run([sys.executable, str(args.gen), str(n), str(src)], check=True)
            row: dict[str, object] = {"n": n, "formats": formats}
            cmd = {
                fmt: [sys.executable, "-m", "argmap", "export", "-q", str(src), "-o", str(work / f"debate-{n}.{fmt}")]
                for fmt in formats
            }
            others = {py: [py, *cmd["svg"][1:]] for py in args.also_python}
            svg_runs = [run(cmd["svg"], env) for _ in range(args.repeat)]
            other_runs = {py: [run(c, env) for _ in range(args.repeat)] for py, c in others.items()}
            for fmt in formats[1:]:
                row[fmt] = median_run(cmd[fmt], args.repeat, env)
            if argdown and n <= args.argdown_max:
                outdir = work / f"argdown-{n}"
                outdir.mkdir(exist_ok=True)
                row["argdown"] = median_run(
                    [argdown, "map", "--format", "svg", str(src), str(outdir)], args.argdown_repeat, env
                )
                if not any(outdir.glob("*.svg")):
                    raise SystemExit(f"argdown wrote no SVG for N={n}")
                # as many SVG runs again right after the peer's: the machine's load changes by the minute,
                # and argmap's median then spans the time the peer ran in
                svg_runs += [run(cmd["svg"], env) for _ in range(args.repeat)]
                for py, c in others.items():
                    other_runs[py] += [run(c, env) for _ in range(args.repeat)]
            row["svg"] = _median(svg_runs)
            row["also"] = {py: _median(r) for py, r in other_runs.items()}
            row["svg_runs"] = len(svg_runs)
            for fmt in formats:
                row[fmt + "_size"] = (work / f"debate-{n}.{fmt}").stat().st_size
            if args.phases:
                row["phases"] = phases(src, work / f"phases-{n}.svg", env)
            rows.append(row)
            calib.append(calibrate())
            print(_line(row), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(_table(rows, argdown))
    print(
        f"Load average (1 min) {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} CPUs: "
        "wall times grow with other work on the machine; CPU times much less."
    )
    print(
        f"Calibration loop (2M multiply-adds, CPU s): {', '.join(f'{c:.3f}' for c in calib)} "
        "(before and after each size; larger = slower machine at that moment)"
    )
    for k, py in enumerate([sys.executable, *args.also_python]):
        print(f"Python{'' if not k else f' {k}'}: {py}: {_describe(py)}")
    return 0


def _describe(py: str) -> str:
    """The interpreter's version and how it was built (the build decides much of its speed)."""
    res = subprocess.run(
        [
            py,
            "-c",
            "import os, sys, sysconfig; exe = os.path.realpath(sys.executable); "
            "linked = b'libpython' in open(exe, 'rb').read(); "
            "print(sys.version.split()[0], int(linked), "
            "int('--enable-optimizations' in (sysconfig.get_config_var('CONFIG_ARGS') or '')))",
        ],
        capture_output=True,
        text=True,
    )
    if res.returncode:
        return "?"
    version, linked, opt = res.stdout.split()
    return (
        f"Python {version}, "
        + ("runs on a shared libpython" if linked == "1" else "interpreter linked statically")
        + (", configured with --enable-optimizations" if opt == "1" else "")
    )


PHASES = r"""
import sys, time
t0 = time.perf_counter()
from argmap.io import read_any
from argmap.draw.mapdraw import resolve_positions
from argmap.draw.svg import svg_bytes, write_output
t1 = time.perf_counter()
amap = read_any(sys.argv[1]).map
t2 = time.perf_counter()
amap.move(resolve_positions(amap, list(amap.statements), list(amap.relations)))
t3 = time.perf_counter()
data = svg_bytes(amap)
t4 = time.perf_counter()
write_output(sys.argv[2], data)
t5 = time.perf_counter()
print("phases", t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)
"""


def phases(src: Path, out: Path, env: dict[str, str]) -> dict[str, float]:
    """Where an SVG export's time goes, in a process of its own (median of three): imports, reading
    the Argdown, layout, drawing and SVG text, writing (Python's own start not included)."""
    runs = []
    for _ in range(3):
        res = subprocess.run(
            [sys.executable, "-c", PHASES, str(src), str(out)], env=env, check=True, capture_output=True, text=True
        )
        runs.append([float(v) for v in res.stdout.split()[1:]])
    cols = ["imports", "read", "layout", "draw+svg", "write"]
    return {c: statistics.median(r[i] for r in runs) for i, c in enumerate(cols)}


def _goal(n: int, ratio: float) -> str:
    goal = GOALS.get(n)
    if goal is None:
        return ""
    return f" (goal >= {goal:.0f}x: {'met' if ratio >= goal else 'NOT met'})"


def _line(row: dict) -> str:
    cells = [f"N={row['n']}"] + [
        f"{f} {row[f][0]:.2f}s (cpu {row[f][2]:.2f}s) {row[f][1]:.0f}MB" for f in row["formats"]
    ]
    for k, (_, (t, _mb, cpu)) in enumerate(row.get("also", {}).items(), 1):
        cells.append(f"svg under Python {k} {t:.2f}s (cpu {cpu:.2f}s)")
    if "argdown" in row:
        a = row["argdown"]
        ratio = a[0] / row["svg"][0]
        cells.append(
            f"argdown {a[0]:.2f}s (cpu {a[2]:.2f}s) {a[1]:.0f}MB  SVG speed-up {ratio:.1f}x"
            + _goal(row["n"], ratio)
            + "".join(
                f", under Python {k} {a[0] / v[0]:.1f}x{_goal(row['n'], a[0] / v[0])}"
                for k, v in enumerate(row.get("also", {}).values(), 1)
            )
        )
    return "  ".join(cells)


def _table(rows: list[dict], argdown: str | None) -> str:
    formats = rows[0]["formats"] if rows else ["svg"]
    head = ["statements"] + [f"argmap {f.upper()}" for f in formats] + ["argdown SVG", "SVG speed-up"]
    head += [
        f"argmap SVG under Python {k}, speed-up"
        for k in range(1, 1 + max((len(r.get("also", {})) for r in rows), default=0))
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [str(r["n"])]
        for f in formats:
            t, mb, cpu = r[f]
            cells.append(f"{t:.2f} s (cpu {cpu:.2f}), {mb:.0f} MB, {r[f + '_size'] / 1e6:.1f} MB file")
        if "argdown" in r:
            t, mb, cpu = r["argdown"]
            ratio = t / r["svg"][0]
            cells += [
                f"{t:.2f} s (cpu {cpu:.2f}), {mb:.0f} MB",
                f"{ratio:.1f}x (cpu {cpu / r['svg'][2]:.1f}x){_goal(r['n'], ratio)}",
            ]
        else:
            cells += ["not run" if argdown else "no npm", "-"]
        for ot, _mb, ocpu in r.get("also", {}).values():
            cells.append(f"{ot:.2f} s (cpu {ocpu:.2f})" + (f", {r['argdown'][0] / ot:.1f}x" if "argdown" in r else ""))
        lines.append("| " + " | ".join(cells) + " |")
    if any("phases" in r for r in rows):
        lines.append("")
        lines.append(
            "Inside one SVG export (s, median of 3): "
            + "; ".join(
                f"N={r['n']}: " + ", ".join(f"{k} {v:.3f}" for k, v in r["phases"].items())
                for r in rows
                if "phases" in r
            )
        )
    lines.append("")
    lines.append(
        "Whole processes: wall time (CPU time user+sys), peak RSS; argmap reads the .argdown file argdown "
        "reads and lays the map out; the speed-up is argdown's whole process over argmap's (wall, and CPU "
        "in brackets), argmap's time the median of its runs before and after the peer's."
    )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
