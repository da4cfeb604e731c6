"""How large the shipped samples come out on one A4 landscape page, laid out flat and compacted.

Usage: PYTHONPATH=. python benchmarks/bench_sample_pages.py [MAP ...]

For each map (default: samples/*.argmap.json) and each aspect (none: every
target's reasons in one row; the engine's default) it prints the layout's
width, height and aspect ratio, the size the 13 px card text would print at
when the map is fitted to an A4 landscape page (842 x 595 pt, 40 px margins,
0.75 pt per px), overlaps, and the layout time.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from argmap.io import load_map
from argmap.layout import ASPECT, layout_map, overlaps
from argmap.layout.measure import FONT_PX, map_sizes

ROOT = Path(__file__).resolve().parent.parent
MARGIN = 40.0


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "samples").glob("*.argmap.json"))
    print(f"{'map':36} {'aspect':>6} {'width x height px':>19} {'w/h':>5} {'A4 pt':>6} {'overl':>5} {'ms':>6}")
    for path in paths:
        amap = load_map(path)
        sizes = map_sizes(amap)
        for aspect in (None, ASPECT):
            t0 = time.perf_counter()
            pos = layout_map(amap, aspect=aspect)
            dt = time.perf_counter() - t0
            w = max(pos[i][0] + sizes[i][0] / 2 for i in pos) - min(pos[i][0] - sizes[i][0] / 2 for i in pos)
            h = max(pos[i][1] + sizes[i][1] / 2 for i in pos) - min(pos[i][1] - sizes[i][1] / 2 for i in pos)
            scale = min(842 / (w + 2 * MARGIN), 595 / (h + 2 * MARGIN))
            print(f"{path.name:36} {str(aspect):>6} {w:>9.0f} x {h:<7.0f} {w / h:>5.2f} "
                  f"{scale * FONT_PX * 0.75:>6.1f} {overlaps(pos, sizes):>5} {dt * 1000:>6.0f}")


if __name__ == "__main__":
    main()
