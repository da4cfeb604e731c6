"""Screenshots of the op-ed sample in Evaluate mode (light and dark) for docs/screenshots.

As it comes the op-ed's argument stands (every statement in but the objection the author
rebuts); the second pair of pictures rejects that rebuttal (a what-if), so that the objection
holds, the author's undercut still keeps it from the thesis, and out cards and inapplicable
relations recede.  The Problems panel is open below the map.

Run: ``PYTHONPATH=. python tools/evaluate_screenshots.py docs/screenshots``
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ARGMAP_SETTINGS_FILE", str(Path(tempfile.mkdtemp()) / "argmap.ini"))
if not Path(os.environ["ARGMAP_SETTINGS_FILE"]).exists():  # the pictures name a made-up analyst, not whoever runs this
    Path(os.environ["ARGMAP_SETTINGS_FILE"]).write_text("[General]\nanalyst=A. Student\n", encoding="utf-8")


WHAT_IF = "A deal is likely"  # the rebuttal of the objection "There may be no deal"


def main(out_dir: str = "docs/screenshots", sample: str = "kim-putin") -> int:
    from PySide6.QtCore import Qt

    from argmap.resources import sample_paths
    from argmap.ui.shell.app import create_app
    from argmap.ui.shell.palette import apply_theme
    from argmap.ui.shell.window_manager import WindowManager

    app = create_app()
    manager = WindowManager(app)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = next(p for p in sample_paths() if sample in p.name)
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        w = manager.open_sample(path)
        w.resize(1600, 1000)
        for _ in range(5):
            app.processEvents()
        w.source_dock.hide()
        w.problems_dock.show()
        w.resizeDocks([w.problems_dock], [150], Qt.Orientation.Vertical)
        w.canvas_actions.evaluate.setChecked(True)
        for _ in range(5):
            app.processEvents()
        w.view.zoom_fit()
        app.processEvents()
        stem = path.name.split(".")[0]
        w.grab().save(str(out / f"evaluate-{stem}-{theme}.png"))
        answer = next(s.id for s in w.doc.map.statements.values() if s.title == WHAT_IF)
        w.view.evaluate_mode.cycle([answer])  # accepted
        w.view.evaluate_mode.cycle([answer])  # rejected
        w.doc.select([answer])
        w.view.zoom_fit()
        for _ in range(5):
            app.processEvents()
        w.grab().save(str(out / f"evaluate-{stem}-{theme}-what-if.png"))
        w.force_close()
    print(f"screenshots in {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
