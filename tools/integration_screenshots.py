"""Screenshots of the whole window as a user first sees it (light, dark) and of the source workflow.

Run: ``PYTHONPATH=. python tools/integration_screenshots.py docs/screenshots``
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

SIZE = (1440, 900)


def _settle(app) -> None:
    from PySide6.QtTest import QTest

    for _ in range(3):
        app.processEvents()
        QTest.qWait(20)


def _open(app, manager, name: str):
    from argmap.resources import sample_paths

    path = next(p for p in sample_paths() if name in p.name)
    # a first launch: no window state saved by the previous screenshot (offscreen screens are 800 x 800,
    # so a restored geometry would be clamped to that)
    os.environ["ARGMAP_SETTINGS_FILE"] = str(Path(tempfile.mkdtemp()) / "argmap.ini")
    Path(os.environ["ARGMAP_SETTINGS_FILE"]).write_text("[General]\nanalyst=A. Student\n", encoding="utf-8")
    w = manager.open_sample(path)
    w.resize(*SIZE)
    _settle(app)
    return w


def source_workflow(app, manager, out: Path, name: str = "kim-putin") -> None:
    """A passage selected in the text and the statement anchored to it selected on the canvas."""
    from argmap.model import Kind

    w = _open(app, manager, name)
    amap = w.doc.map
    ((sid, src),) = list(amap.sources.items())[:1]
    view = w.source_panel.views[sid]
    # the first piece of evidence the text gives: its passage selected, its card selected and centred
    anchored = [s for s in amap.statements.values() if s.anchors and s.anchors[0].source_id == sid]
    st = min((s for s in anchored if s.kind is Kind.EVIDENCE), key=lambda s: s.anchors[0].start)
    w.doc.select([st.id])
    w.view.center_on(st.id)
    _settle(app)
    view.select_range(st.anchors[0].start, st.anchors[0].end)
    view.end_flash()
    view.setFocus()
    _settle(app)
    w.grab().save(str(out / "window-source-workflow.png"))
    w.force_close()


def main(out_dir: str = "docs/screenshots", name: str = "kim-putin") -> int:
    from argmap.ui.shell.app import create_app
    from argmap.ui.shell.palette import apply_theme
    from argmap.ui.shell.window_manager import WindowManager

    app = create_app()
    manager = WindowManager(app)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = "kim-putin-summit"
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        w = _open(app, manager, name)
        w.grab().save(str(out / f"window-{stem}-{theme}.png"))
        w.force_close()
    apply_theme(app, "light")
    source_workflow(app, manager, out, name)
    print(f"screenshots in {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
