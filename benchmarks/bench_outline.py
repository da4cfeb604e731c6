"""Outline panel on a 5,000-statement map: full build, rebuild after a structural change, in-place text update."""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(n: int = 5000) -> None:
    from PySide6.QtWidgets import QApplication

    from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement
    from argmap.ui.document.commands import UpdateStatementCommand
    from argmap.ui.document.controller import DocumentController
    from argmap.ui.panels.outline import OutlinePanel

    app = QApplication.instance() or QApplication([])
    amap = ArgumentMap()
    amap.add_many(
        [Statement(f"s{i}", f"Statement number {i} with a few more words", Kind.PREMISE) for i in range(n)],
        [
            Relation(f"r{i}", Polarity.SUPPORT if i % 4 else Polarity.ATTACK, (f"s{i}",), f"s{(i - 1) // 3}")
            for i in range(1, n)
        ],
    )
    doc = DocumentController(amap)
    t = time.perf_counter()
    panel = OutlinePanel(doc)
    print(f"build {n} statements: {time.perf_counter() - t:.3f} s")
    panel.show()
    app.processEvents()
    t = time.perf_counter()
    panel.rebuild()
    print(f"rebuild: {time.perf_counter() - t:.3f} s")
    t = time.perf_counter()
    for i in range(200):
        doc.push(UpdateStatementCommand(doc, f"s{i}", {"text": f"edited {i}"}))
    print(f"text edit (model + outline): {(time.perf_counter() - t) * 1000 / 200:.2f} ms each")


if __name__ == "__main__":
    main()
