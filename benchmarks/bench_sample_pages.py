"""How large the shipped samples print on one A4 landscape page, with full and with compact cards.

Usage: PYTHONPATH=. python benchmarks/bench_sample_pages.py [MAP ...]

For each map (default: samples/*.argmap.json), each card face (full: kind, title and
text; titles: the compact titles-only cards) and each aspect (none: every target's
reasons in one row; the engine's default) it lays the map out in its own direction
and prints the layout's width, height and aspect ratio, the size the 13 px card text
prints at when the laid-out cards alone are fitted to an A4 landscape page (842 x 595
pt less 12 mm margins, 40 px of map margin around; the exporter's title and legend
take a little more: ``argmap.ui.export.images.fit_text_pt`` gives the exact figure), the
overlaps and the layout time.  No Qt.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from argmap.io import load_map
from argmap.layout import ASPECT, layout_map, overlaps
from argmap.measure import FONT_PX, map_sizes

ROOT = Path(__file__).resolve().parent.parent
MARGIN = 40.0
PAGE_W, PAGE_H = 842 - 2 * 34.0, 595 - 2 * 34.0  # A4 landscape in pt, 12 mm margins


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "samples").glob("*.argmap.json"))
    print(
        f"{'map':36} {'cards':>6} {'aspect':>6} {'width x height px':>19} {'w/h':>5} {'A4 pt':>6} "
        f"{'overl':>5} {'ms':>6}"
    )
    for path in paths:
        amap = load_map(path)
        direction = amap.meta.get("layout_direction", "TB")
        for face in ("full", "titles"):
            amap.set_meta(card_text=face)
            sizes = map_sizes(amap)
            for aspect in (None, ASPECT):
                t0 = time.perf_counter()
                pos = layout_map(amap, direction=direction, aspect=aspect)
                dt = time.perf_counter() - t0
                w = max(pos[i][0] + sizes[i][0] / 2 for i in pos) - min(pos[i][0] - sizes[i][0] / 2 for i in pos)
                h = max(pos[i][1] + sizes[i][1] / 2 for i in pos) - min(pos[i][1] - sizes[i][1] / 2 for i in pos)
                pt_per_px = min(PAGE_W / (w + 2 * MARGIN), PAGE_H / (h + 2 * MARGIN))
                print(
                    f"{path.name:36} {face:>6} {str(aspect):>6} {w:>9.0f} x {h:<7.0f} {w / h:>5.2f} "
                    f"{pt_per_px * FONT_PX:>6.1f} {overlaps(pos, sizes):>5} {dt * 1000:>6.0f}"
                )


if __name__ == "__main__":
    main()
