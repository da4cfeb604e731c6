"""PySide6 6.12.0 on Python < 3.12 drops a reference to None on every void Qt call and the
interpreter aborts after a few thousand: the pin in pyproject.toml keeps it out, this proves it."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_TOOL = ROOT.parent / "shared" / "tools" / "pyside_none_refcount.py"

# The same check as ../shared/tools/pyside_none_refcount.py --stress, for when ../shared is absent.
STRESS = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QApplication, QGraphicsPathItem
app = QApplication([])
item = QGraphicsPathItem(QPainterPath())
before = sys.getrefcount(None)
for _ in range(1000):
    item.setPos(1.0, 2.0)
delta = sys.getrefcount(None) - before
for _ in range(2_000_000):
    item.setZValue(1.0)
print("stress: survived 2,000,000 void calls, delta", delta)
os._exit(0)
"""


def test_void_qt_calls_do_not_exhaust_none_refcount():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if SHARED_TOOL.exists():
        cmd = [sys.executable, str(SHARED_TOOL), "--stress"]
    else:
        cmd = [sys.executable, "-c", STRESS]
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0, f"PySide6 None-refcount bug: exit {res.returncode}\n{res.stdout}\n{res.stderr[-1500:]}"
    assert "survived 2,000,000" in res.stdout
    assert "BUG" not in res.stdout


def test_pyproject_pins_pyside_below_6_12_on_old_python():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    pyside = [d.replace(" ", "") for d in re.findall(r'^\s*"(PySide6[^"]*)"', text, re.M)]
    assert any("<6.12" in d and "python_version<'3.12'" in d for d in pyside), pyside
