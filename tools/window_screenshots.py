"""Screenshots of the main window with the sample maps (every theme, normal and low zoom) for docs/screenshots.

Run: ``PYTHONPATH=. python tools/window_screenshots.py docs/screenshots street-trees congestion``
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


def main(out_dir: str = "docs/screenshots", *only: str) -> int:
    """Screenshot every sample (or those whose file name contains one of ``only``)."""
    from argmap.model import main_conclusions
    from argmap.resources import sample_paths
    from argmap.ui.shell.app import create_app
    from argmap.ui.shell.palette import apply_theme
    from argmap.ui.shell.window_manager import WindowManager

    app = create_app()
    manager = WindowManager(app)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for theme in ("light", "dark", "high-contrast"):
        apply_theme(app, theme)
        for path in sample_paths():
            if only and not any(name in path.name for name in only):
                continue
            # a first launch each time: no dock layout saved by the previous window
            os.environ["ARGMAP_SETTINGS_FILE"] = str(Path(tempfile.mkdtemp()) / "argmap.ini")
            Path(os.environ["ARGMAP_SETTINGS_FILE"]).write_text("[General]\nanalyst=A. Student\n", encoding="utf-8")
            w = manager.open_sample(path)
            w.resize(1440, 900)
            for _ in range(5):
                app.processEvents()
            stem = path.name.split(".")[0]
            top = main_conclusions(w.doc.map)[0].id
            w.doc.select([top])
            w.view.zoom_reset()
            w.view.center_on(top)
            app.processEvents()
            w.grab().save(str(out / f"window-{stem}-{theme}.png"))
            w.doc.select([])
            w.view.zoom_fit()
            app.processEvents()
            w.grab().save(str(out / f"window-{stem}-{theme}-low-zoom.png"))
            w.force_close()
    print(f"screenshots in {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
