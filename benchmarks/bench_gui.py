"""Canvas benchmark: open-to-first-paint, edit-to-scene-updated and memory for generated maps.

Usage: PYTHONPATH=. QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py [N ...] [--repeat K]

For each size N (default 1000 5000) it generates a map of N statements (trees of
linked and convergent support, objections, evidence and a few undercuts; texts of
8-40 words; laid out by ``argmap.layout.layout_map``, which is not timed) and prints:

- first paint: ``MapView(doc)`` built, shown, fitted to the window and painted once
  (``viewport().repaint()``), and again at 100 % zoom;
- edit: from pushing an "add supporting premise" command to the scene holding the new
  card, and to the repainted viewport;
- resident memory of the process after the view is built (``VmRSS``), and its growth.
Goals on a 2-core machine: first paint of 5,000 statements < 0.5 s (issue 14); an edit < 16 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement  # noqa: E402

FIRST_PAINT_GOAL = {5000: 0.5}  # seconds (issue 14)
WORDS = (
    "the town council should build more protected lanes because cycling injuries fell sharply where "
    "streets were narrowed and drivers slowed down although shops feared losing parking customers "
    "evidence from surveys suggests residents would cycle more often if they felt safe"
).split()


def generate(n: int, seed: int = 1) -> ArgumentMap:
    rnd = random.Random(seed)
    sts: list[Statement] = []
    rels: list[Relation] = []

    def text() -> str:
        return " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 40))).capitalize() + "."

    open_targets: list[str] = []
    i = 0
    while len(sts) < n:
        if not open_targets or rnd.random() < 0.02:
            sid = f"s{i}"
            i += 1
            sts.append(Statement(sid, text(), Kind.CONCLUSION, title=f"Claim {i}" if rnd.random() < 0.5 else ""))
            open_targets.append(sid)
            continue
        target = open_targets[rnd.randrange(len(open_targets))] if rnd.random() < 0.4 else open_targets[-1]
        k = 2 if rnd.random() < 0.25 else 1
        premises = []
        for _ in range(k):
            sid = f"s{i}"
            i += 1
            kind = Kind.EVIDENCE if rnd.random() < 0.2 else Kind.PREMISE
            sts.append(Statement(sid, text(), kind))
            premises.append(sid)
            open_targets.append(sid)
        pol = Polarity.ATTACK if rnd.random() < 0.25 else Polarity.SUPPORT
        rid = f"r{len(rels)}"
        rels.append(Relation(rid, pol, tuple(premises), target))
        if rnd.random() < 0.03 and len(sts) < n:
            sid = f"s{i}"
            i += 1
            sts.append(Statement(sid, text(), Kind.PREMISE))
            rels.append(Relation(f"r{len(rels)}", Polarity.ATTACK, (sid,), rid))
        if len(open_targets) > 40:
            open_targets = open_targets[-40:]
    amap = ArgumentMap(f"generated {n}")
    amap.add_many(sts[:n], [r for r in rels if all(p in {s.id for s in sts[:n]} for p in r.premises)])
    from argmap.layout import layout_map

    amap.move(layout_map(amap))
    return amap


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def bench(app: QApplication, n: int, repeat: int) -> None:
    from argmap.model import new_id
    from argmap.ui.canvas.view import MapView
    from argmap.ui.document.commands import AddStatementCommand
    from argmap.ui.document.controller import DocumentController

    amap = generate(n)
    firsts, fulls, edits, edit_paints, adds, add_paints = [], [], [], [], [], []
    rss0 = rss_mb()
    rss_view = rss0
    for _ in range(repeat):
        from argmap.io import dumps, loads

        fresh = loads(dumps(amap))
        t0 = time.perf_counter()
        doc = DocumentController(fresh)
        view = MapView(doc)
        view.resize(1280, 800)
        view.show()
        app.processEvents()
        view.viewport().repaint()
        t1 = time.perf_counter()
        firsts.append(t1 - t0)
        view.zoom_reset()
        t2 = time.perf_counter()
        view.viewport().repaint()
        fulls.append(time.perf_counter() - t2)
        rss_view = max(rss_view, rss_mb())
        # edits at 100 % zoom on cards in view
        targets = list(fresh.statements)[n // 2 : n // 2 + 5]
        for sid in targets:
            view.map_scene.select_ids([sid])
            view.center_on(sid)
            view.viewport().repaint()
            x, y = fresh.positions[sid]
            t3 = time.perf_counter()
            doc.push(AddStatementCommand(doc, Statement(new_id(), "A statement added by a command"), (x + 40, y)))
            t4 = time.perf_counter()
            adds.append(t4 - t3)
            app.processEvents()  # Qt repaints just the changed region
            add_paints.append(time.perf_counter() - t3)
            t5 = time.perf_counter()
            new = view.edits.add_reason("support", sid)
            t6 = time.perf_counter()
            assert new in view.map_scene.node_items
            view.interaction._commit(new, "A new premise typed in")
            app.processEvents()
            t7 = time.perf_counter()
            edits.append(t6 - t5)
            edit_paints.append(t7 - t5)
        view.close()
        doc.undo_stack.clear()
        view.deleteLater()
        app.processEvents()
    med = statistics.median
    print(f"{n:>6} statements, {len(amap.relations)} relations:")
    goal = ""
    if n in FIRST_PAINT_GOAL:
        goal = f", goal < {FIRST_PAINT_GOAL[n]:.1f} s: {'met' if med(firsts) < FIRST_PAINT_GOAL[n] else 'NOT met'}"
    print(
        f"  first paint of {n} statements (open, fit to window, paint): {med(firsts):.3f} s median "
        f"(min {min(firsts):.3f} s, runs {len(firsts)}{goal})"
    )
    print(f"  repaint at 100% zoom:                median {med(fulls) * 1000:7.1f} ms")
    print(f"  AddStatementCommand -> scene updated: median {med(adds) * 1000:6.2f} ms  (max {max(adds) * 1000:.2f})")
    print(f"  ... -> repainted (processEvents):     median {med(add_paints) * 1000:6.2f} ms")
    print(
        f"  'add supporting premise' (placement, command, scene, editor opened): "
        f"median {med(edits) * 1000:.2f} ms (max {max(edits) * 1000:.2f})"
    )
    print(f"  ... + text committed + repainted:     median {med(edit_paints) * 1000:6.2f} ms")
    print(f"  resident memory: {rss_view:.0f} MB with the view (map + app before it: {rss0:.0f} MB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 5000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    for n in args.sizes:
        bench(app, n, args.repeat)


if __name__ == "__main__":
    main()
