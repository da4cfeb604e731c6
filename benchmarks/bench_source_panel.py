"""Source panel timings on a 5,000-statement map anchored into a long source (prints figures; not a test)."""

from __future__ import annotations

import os
import random
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from PySide6.QtWidgets import QApplication  # noqa: E402

from argmap.model import Anchor, ArgumentMap, Kind, Source, Statement  # noqa: E402
from argmap.ui.document.commands import UpdateStatementCommand  # noqa: E402
from argmap.ui.document.controller import DocumentController  # noqa: E402
from argmap.ui.source.panel import SourcePanel  # noqa: E402


def build(n: int = 5000) -> ArgumentMap:
    rnd = random.Random(1)
    sentences = [f"Sentence {i} argues that street number {i} needs a protected lane, says Dr. Roe." for i in range(n)]
    text = "\n".join(" ".join(sentences[i : i + 5]) for i in range(0, n, 5))
    amap = ArgumentMap("bench")
    amap.add_source(Source("src", text, "Long source"))
    sts, pos = [], 0
    for i, s in enumerate(sentences):
        start = text.index(s, pos)
        pos = start + len(s)
        kind = rnd.choice(list(Kind))
        sts.append(Statement(f"s{i}", s, kind, anchors=(Anchor("src", start, start + len(s), s),)))
    amap.add_many(sts, positions={s.id: (i % 70 * 260.0, i // 70 * 120.0) for i, s in enumerate(sts)})
    return amap


def main() -> None:
    app = QApplication.instance() or QApplication([])
    amap = build()
    print(f"source: {len(amap.sources['src'].text):,} characters; statements: {len(amap.statements):,}")
    doc = DocumentController(amap)
    t = time.perf_counter()
    panel = SourcePanel(doc)
    panel.resize(560, 800)
    panel.show()
    app.processEvents()
    print(f"open panel (tints + coverage): {1000 * (time.perf_counter() - t):.0f} ms")
    t = time.perf_counter()
    new_kind = Kind.EVIDENCE if amap.statements["s10"].kind is not Kind.EVIDENCE else Kind.PREMISE
    doc.push(UpdateStatementCommand(doc, "s10", {"kind": new_kind}))
    panel.refresh_now()
    print(f"kind change -> retint one source: {1000 * (time.perf_counter() - t):.0f} ms")
    t = time.perf_counter()
    doc.select(["s4990"])
    app.processEvents()
    print(f"select statement -> scroll + flash: {1000 * (time.perf_counter() - t):.0f} ms")
    view = panel.views["src"]
    view.select_range(0, 30)
    t = time.perf_counter()
    panel.make_statement(Kind.PREMISE)
    print(f"make statement from passage (place + retint): {1000 * (time.perf_counter() - t):.0f} ms")
    text = amap.sources["src"].text
    t = time.perf_counter()
    edited = "A new first line.\n" + text.replace("Sentence 2500 ", "Sentence two-and-a-half-thousand ", 1)
    broken = panel.edit_text("src", edited)
    panel.refresh_now()
    print(
        f"edit source text -> re-find {len(amap.statements):,} anchors: {1000 * (time.perf_counter() - t):.0f} ms "
        f"({len(broken)} broken)"
    )


if __name__ == "__main__":
    main()
