"""Regenerate argmap/measure/font_metrics.json from the bundled fonts (needs PySide6).

Card sizes are computed without Qt from this table, so `argmap layout` and the
GUI wrap text identically.  Run: QT_QPA_PLATFORM=offscreen python tools/gen_font_metrics.py"""

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QGuiApplication

ROOT = Path(__file__).resolve().parent.parent
app = QGuiApplication(sys.argv)
REF = 100.0  # reference pixel size; widths scale linearly
out = {"reference_px": REF, "fonts": {}}
for name, fname, bold in (("regular", "DejaVuSans.ttf", False), ("bold", "DejaVuSans-Bold.ttf", True)):
    fid = QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / fname))
    family = QFontDatabase.applicationFontFamilies(fid)[0]
    f = QFont(family)
    f.setPixelSize(int(REF))
    f.setBold(bold)
    f.setKerning(False)
    fm = QFontMetricsF(f)
    widths = {}
    for cp in (
        list(range(32, 0x250))
        + list(range(0x370, 0x400))
        + list(range(0x400, 0x460))
        + list(range(0x2010, 0x2070))
        + [0x20AC]
    ):
        ch = chr(cp)
        widths[ch] = round(fm.horizontalAdvance(ch), 3)
    out["fonts"][name] = {
        "family": family,
        "widths": widths,
        "line_spacing": round(fm.lineSpacing(), 3),
        "ascent": round(fm.ascent(), 3),
        "fallback": round(fm.horizontalAdvance("M") * 0.75, 3),
    }
(ROOT / "argmap" / "measure" / "font_metrics.json").write_text(
    json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
)
print("wrote", len(out["fonts"]["regular"]["widths"]), "glyph widths")
