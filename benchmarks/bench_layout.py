"""Benchmark argmap's automatic layout against Graphviz dot on generated debates.

Usage: PYTHONPATH=. python benchmarks/bench_layout.py [N ...] [--dot-timeout S] [--repeat K]

For each size N (default 100 1000 5000 20000) it generates a debate with
``../shared/tools/gen_argdown.py`` (a tree of support/attack relations with
about 10 % extra cross relations, texts of 10-40 words), builds the map with
a tiny private Argdown reader, and prints layout time, overlaps, edge
crossings, width and height; then the same graph, with the same card sizes,
written as DOT and laid out by ``dot`` (when installed), with its time and
crossings counted the same way.  "(mixed)" is argmap's count when objections
may mix with supports (``group_attacks=False``; dot has no such rule), for
maps small enough to get the crossing-reduction passes.  "behind": edges, drawn as
the exports draw them, that pass behind a card other than their ends (argmap only).  "cpu s" is process
time, steadier than wall time on a busy machine.  ``--aspect`` is passed to
the layout (default: the engine's, 1.4; 0: no compaction of wide fan-outs).
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from argmap.layout import crossings, layout_graph, overlaps
from argmap.layout.engine import ASPECT, REORDER_LIMIT
from argmap.measure import map_sizes
from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT.parent / "shared" / "tools" / "gen_argdown.py"
STATEMENT = re.compile(r"^\[(S\d+)\](?::\s*(.*))?$")
CHILD = re.compile(r"^\s+([+-])\s+\[(S\d+)\]$")
CROSS = re.compile(r"^\s+([+-])>\s+\[(S\d+)\]$")


def read_debate(path: Path) -> ArgumentMap:
    """Statements ``[S12]: text``; indented ``+ [S3]``/``- [S3]`` under a
    statement: S3 supports/attacks it; ``[Sa]`` then ``+> [Sb]``/``-> [Sb]``:
    Sa supports/attacks Sb."""
    texts: dict[str, str] = {}
    rels: list[tuple[str, str, str]] = []  # premise, target, sign
    current = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        m = STATEMENT.match(line)
        if m:
            current = m.group(1)
            if m.group(2) is not None:
                texts[current] = m.group(2)
            continue
        m = CHILD.match(line) or CROSS.match(line)
        if m is None or current is None:
            raise SystemExit(f"{path}:{lineno}: cannot read {line!r}")
        if CHILD.match(line):
            rels.append((m.group(2), current, m.group(1)))
        else:
            rels.append((current, m.group(2), m.group(1)))
    has_out = {p for p, _, _ in rels}
    statements = [
        Statement(sid, text, Kind.PREMISE if sid in has_out else Kind.CONCLUSION) for sid, text in texts.items()
    ]
    relations = [
        Relation(f"R{k}", Polarity.SUPPORT if sign == "+" else Polarity.ATTACK, (p,), t)
        for k, (p, t, sign) in enumerate(rels)
    ]
    amap = ArgumentMap(title=path.stem)
    amap.add_many(statements, relations)
    return amap


def calibrate() -> float:
    """CPU seconds of a fixed pure-Python loop: how fast this machine is right now."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        x = 0
        for i in range(1_000_000):
            x += i
        best = min(best, time.process_time() - t0)
    return best


def bbox(positions, sizes) -> tuple[float, float]:
    xs0 = min(positions[i][0] - sizes[i][0] / 2 for i in positions)
    xs1 = max(positions[i][0] + sizes[i][0] / 2 for i in positions)
    ys0 = min(positions[i][1] - sizes[i][1] / 2 for i in positions)
    ys1 = max(positions[i][1] + sizes[i][1] / 2 for i in positions)
    return xs1 - xs0, ys1 - ys0


def through_cards(amap: ArgumentMap, positions, sizes) -> int:
    """Edges (premise to junction, junction to target card), drawn as the exports draw them
    (``argmap.draw.edges``), that pass behind a card other than their own ends: sampled at 16 points
    per curve segment, against cards shrunk by 2 px, found through a grid of 200 px cells."""
    from argmap.draw.edges import premise_points, target_points

    cell = 200.0
    boxes = {}
    grid: dict[tuple[int, int], list[str]] = {}
    for sid in amap.statements:
        (x, y), (w, h) = positions[sid], sizes[sid]
        b = boxes[sid] = (x - w / 2 + 2, y - h / 2 + 2, x + w / 2 - 2, y + h / 2 - 2)
        for gx in range(int(b[0] // cell), int(b[2] // cell) + 1):
            for gy in range(int(b[1] // cell), int(b[3] // cell) + 1):
                grid.setdefault((gx, gy), []).append(sid)

    def hits(curves, ends) -> bool:
        for c in curves:
            for k in range(1, 16):
                t = k / 16
                u = 1 - t
                a, b, d, e = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
                x = a * c[0][0] + b * c[1][0] + d * c[2][0] + e * c[3][0]
                y = a * c[0][1] + b * c[1][1] + d * c[2][1] + e * c[3][1]
                for sid in grid.get((int(x // cell), int(y // cell)), ()):
                    b0 = boxes[sid]
                    if sid not in ends and b0[0] < x < b0[2] and b0[1] < y < b0[3]:
                        return True
        return False

    def card(sid):
        (x, y), (w, h) = positions[sid], sizes[sid]
        return (x - w / 2, y - h / 2, w, h)

    count = 0
    for rel in amap.relations.values():
        jx, jy = positions[rel.id]
        ends = set(rel.premises) | {rel.target}
        for p in rel.premises:
            count += hits(premise_points(card(p), jx, jy), ends)
        if rel.target in amap.statements:
            count += hits(target_points(jx, jy, card(rel.target)), ends)
    return count


def write_dot(amap: ArgumentMap, sizes, path: Path) -> None:
    """The same graph for dot: cards as fixed-size boxes (inches = px / 72),
    relations as junction-sized boxes, conclusions on top."""
    out = ["digraph G {", "  rankdir=BT; nodesep=0.33; ranksep=0.39;", '  node [shape=box, fixedsize=true, label=""];']
    for nid in amap.graph.nodes:
        w, h = sizes[nid]
        out.append(f"  {nid} [width={w / 72:.4f}, height={h / 72:.4f}];")
    for u, v in amap.graph.edges:
        out.append(f"  {u} -> {v};")
    out.append("}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def run_dot(path: Path, timeout: float):
    """dot's node centres (px, y down) and wall time, or None on timeout."""
    t0 = time.perf_counter()
    try:
        res = subprocess.run(["dot", "-Tplain", str(path)], capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None, None
    dt = time.perf_counter() - t0
    pos = {}
    for line in res.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            pos[parts[1]] = (float(parts[2]) * 72.0, -float(parts[3]) * 72.0)
    return pos, dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000, 20000])
    ap.add_argument("--dot-timeout", type=float, default=120.0)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-dot", action="store_true")
    ap.add_argument("--aspect", type=float, default=ASPECT, help="width / height to compact towards (0: none)")
    args = ap.parse_args()
    if not GEN.exists():
        sys.exit(f"{GEN}: generator not found")
    have_dot = shutil.which("dot") is not None and not args.no_dot
    aspect = args.aspect or None
    print(
        f"calibration: a 1,000,000-step Python loop takes {calibrate():.3f} s CPU here and now "
        "(compare runs by it: shared machines vary)"
    )
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            src = Path(tmp) / f"debate{n}.argdown"
            subprocess.run([sys.executable, str(GEN), str(n), str(src)], check=True)
            amap = read_debate(src)
            t0 = time.perf_counter()
            sizes = map_sizes(amap)
            t_measure = time.perf_counter() - t0
            times, cpu = [], []
            for _ in range(args.repeat):
                t0, c0 = time.perf_counter(), time.process_time()
                pos = layout_graph(amap.graph, sizes, aspect=aspect)
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            row = {
                "n": n,
                "rel": len(amap.relations),
                "measure": t_measure,
                "t_min": min(times),
                "t_med": statistics.median(times),
                "cpu": min(cpu),
                "over": overlaps(pos, sizes),
                "cross": crossings(amap.graph, pos),
                "behind": through_cards(amap, pos, sizes),
                "wh": bbox(pos, sizes),
            }
            if n <= REORDER_LIMIT:  # the same, objections free to mix with supports
                mixed = layout_graph(amap.graph, sizes, group_attacks=False, aspect=aspect)
                row["mixed"] = crossings(amap.graph, mixed)
            if have_dot:
                dot_path = Path(tmp) / f"debate{n}.dot"
                write_dot(amap, sizes, dot_path)
                dpos, dt = run_dot(dot_path, args.dot_timeout)
                if dpos is not None:
                    row.update(
                        d_t=dt,
                        d_cross=crossings(amap.graph, dpos),
                        d_over=overlaps(dpos, sizes),
                        d_wh=bbox(dpos, sizes),
                    )
            rows.append(row)
            _print_row(row, have_dot, header=len(rows) == 1)


def _print_row(r: dict, have_dot: bool, header: bool) -> None:
    if header:
        cols = (
            f"{'stmts':>6} {'rels':>6} {'measure s':>9} {'layout s (min/med)':>19} {'cpu s':>7} {'overl':>5} "
            f"{'cross':>7} {'(mixed)':>7} {'behind':>6} {'width x height px':>19}"
        )
        if have_dot:
            cols += (
                f" | {'dot s':>7} {'dot cross':>9} {'dot overl':>9} {'dot w x h px':>17} {'t ratio':>8} "
                f"{'x ratio':>7} {'(mixed)':>7}"
            )
        print(cols)
    w, h = r["wh"]
    line = (
        f"{r['n']:>6} {r['rel']:>6} {r['measure']:>9.3f} {r['t_min']:>9.4f}/{r['t_med']:<9.4f} {r['cpu']:>7.4f} "
        f"{r['over']:>5} {r['cross']:>7} {r.get('mixed', '-'):>7} {r['behind']:>6} {w:>9.0f} x {h:<7.0f}"
    )
    if have_dot:
        if "d_t" in r:
            dw, dh = r["d_wh"]
            ratio = r["cross"] / r["d_cross"] if r["d_cross"] else float("nan")
            mixed = f"{r['mixed'] / r['d_cross']:.2f}" if "mixed" in r and r["d_cross"] else "-"
            line += (
                f" | {r['d_t']:>7.2f} {r['d_cross']:>9} {r['d_over']:>9} {dw:>8.0f} x {dh:<6.0f}"
                f" {r['t_min'] / r['d_t']:>8.4f} {ratio:>7.2f} {mixed:>7}"
            )
        else:
            line += f" | {'timeout':>7}"
    print(line, flush=True)


if __name__ == "__main__":
    main()
