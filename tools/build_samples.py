"""Build the shipped sample maps (samples/*.argmap.json) from the scripts in tools/sample_maps/.

Usage: python tools/build_samples.py [--check]

The op-ed's text is read from ../shared/seeds when it is there, else from the
committed sample (so the build also works without ../shared).  Each map is
laid out with argmap.layout.layout_map when that exists.  With --check,
nothing is written; the exit status says whether the committed files are
up to date (with --ignore-positions, up to date but for the layout).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from sample_maps import congestion, kim_putin, street_trees  # noqa: E402
from sample_maps.builder import BuildError  # noqa: E402

from argmap.io import dumps, load_map, save_map  # noqa: E402
from argmap.model import ArgumentMap  # noqa: E402
from argmap.model.text import normalise_newlines  # noqa: E402

SAMPLES = ROOT / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"


def oped_text() -> str:
    seed = SEEDS / kim_putin.SEED
    if seed.is_file():
        return normalise_newlines(seed.read_text(encoding="utf-8"))
    committed = SAMPLES / kim_putin.FILE
    if not committed.is_file():
        raise BuildError(f"{seed}: not found, and there is no committed {committed.name} to take the text from")
    return json.loads(committed.read_text(encoding="utf-8"))["sources"][0]["text"]


def lay_out(amap: ArgumentMap) -> None:
    """Store positions from the automatic layout (in the map's own direction), when argmap has one."""
    try:
        from argmap.layout import layout_map  # type: ignore[attr-defined]
    except ImportError:
        return
    amap.move(layout_map(amap, direction=amap.meta.get("layout_direction", "TB")))


def _unplaced(text: str) -> dict:
    """A saved map as a dict without its positions."""
    doc = json.loads(text)
    for sort in ("statements", "relations"):
        for el in doc[sort]:
            el.pop("position", None)
    return doc


def builders() -> list[tuple[str, Callable[[], ArgumentMap]]]:
    return [
        (kim_putin.FILE, lambda: kim_putin.build(oped_text())),
        (street_trees.FILE, street_trees.build),
        (congestion.FILE, congestion.build),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed files; write nothing")
    ap.add_argument(
        "--ignore-positions",
        action="store_true",
        help="with --check: compare everything but positions (they follow the layout engine)",
    )
    args = ap.parse_args(argv)
    stale = 0
    for name, build in builders():
        try:
            amap = build()
        except BuildError as e:
            print(f"build_samples: {e}", file=sys.stderr)
            return 2
        lay_out(amap)
        path = SAMPLES / name
        text = dumps(amap)
        if args.check:
            old = path.read_text(encoding="utf-8") if path.is_file() else ""
            same = old == text or (args.ignore_positions and old != "" and _unplaced(old) == _unplaced(text))
            print(f"{path.relative_to(ROOT)}: {'up to date' if same else 'STALE'}")
            stale += not same
            continue
        save_map(amap, path)
        load_map(path)  # it must read back
        print(f"{path.relative_to(ROOT)}: {len(amap.statements)} statements, {len(amap.relations)} relations")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
