"""Render the canvas with each sample map (light/dark/high-contrast, normal/low zoom) to docs/screenshots/canvas-*.png.

Usage: PYTHONPATH=. QT_QPA_PLATFORM=offscreen python tools/canvas_screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from argmap.model.analysis import main_conclusions  # noqa: E402
from argmap.resources import sample_paths  # noqa: E402
from argmap.ui.canvas.view import MapView  # noqa: E402
from argmap.ui.document.controller import DocumentController  # noqa: E402


def shoot(path: Path, out: Path, theme: str, low: bool) -> Path:
    doc = DocumentController.open(str(path))
    view = MapView(doc)
    view.set_theme(theme)
    view.resize(1280, 800)
    view.show()
    QApplication.processEvents()
    view.set_legend_visible(True)
    if low:
        view.zoom_fit()
        if view.zoom() > 0.3:
            view.zoom_reset()
            view._scale_by(0.3)
    else:
        view.zoom_fit()  # the whole map when it fits at a readable size ...
        if view.zoom() < 0.8:  # ... else 100 % around the main conclusion
            view.zoom_reset()
            tops = main_conclusions(doc.map)
            if tops:
                x, y = view.map_scene.pos[tops[0].id]
                view.centerOn(x, y + 300)
        sts = list(doc.map.statements)
        if len(sts) > 2:  # show hover highlighting on one card
            view.map_scene.set_hover(sts[1])
    QApplication.processEvents()
    name = f"canvas-{path.name.split('.')[0]}-{theme}{'-low-zoom' if low else ''}.png"
    target = out / name
    view.grab().save(str(target))
    view.close()
    doc.undo_stack.clear()
    return target


def main() -> None:
    if QApplication.instance() is None:
        QApplication(sys.argv)
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    for path in sample_paths():
        for theme in ("light", "dark", "high-contrast"):
            for low in (False, True):
                print(shoot(path, out, theme, low))


if __name__ == "__main__":
    main()
