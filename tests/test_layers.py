"""The layers stay clean: model, io, layout, measure and draw load no Qt; the model loads no pydantic."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return set(out.stdout.split())


def test_model_io_layout_draw_load_no_pyside():
    mods = loaded_after(
        "import argmap.model, argmap.io, argmap.layout, argmap.measure, argmap.io.registry, "
        "argmap.draw.svg, argmap.draw.mapdraw"
    )
    assert not {m for m in mods if m.startswith(("PySide6", "shiboken6", "argmap.ui"))}


def test_every_io_layout_and_draw_module_loads_no_pyside():
    names = [
        f"argmap.{p.parent.name}.{p.stem}"
        for d in ("io", "layout", "measure", "model", "draw")
        for p in sorted((ROOT / "argmap" / d).glob("*.py"))
        if p.stem != "__init__"
    ]
    mods = loaded_after("\n".join(f"import {n}" for n in names))
    assert not {m for m in mods if m.startswith(("PySide6", "shiboken6"))}


def test_model_loads_no_pydantic():
    mods = loaded_after("import argmap.model")
    assert not {m for m in mods if m.startswith("pydantic")}


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.skip("import-linter is not installed (it is in the test extra)")
    res = subprocess.run([str(lint)], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]


def test_cli_version_imports_nothing_heavy():
    # argparse's version action prints and exits: the modules are listed after that exit
    mods = loaded_after(
        "from argmap.cli import main\nimport contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main(['--version'])\n    except SystemExit:\n        pass"
    )
    assert "argmap.cli" in mods
    assert not {m for m in mods if m.startswith(("PySide6", "networkx", "pydantic"))}


def test_exporting_svg_loads_no_qt(tmp_path):
    """``argmap export -o map.svg`` draws and writes without Qt: a quick start on a build server."""
    out = tmp_path / "m.svg"
    sample = ROOT / "samples" / "teaching-street-trees.argmap.json"
    mods = loaded_after(f"from argmap.cli import main\nmain(['export', '-q', {str(sample)!r}, '-o', {str(out)!r}])")
    assert out.stat().st_size > 10_000
    assert not {m for m in mods if m.startswith(("PySide6", "shiboken6"))}
    # of the editor, only the Qt-free list of picture formats the command line registers
    assert {m for m in mods if m.startswith("argmap.ui")} == {
        "argmap.ui",
        "argmap.ui.export",
        "argmap.ui.export.formats",
    }
    # nor networkx: the layout and the drawing read the map's records, never its graph
    assert "networkx" not in mods
    # an .argmap.json file is validated by its pydantic schema
    assert "pydantic" in mods


def test_exporting_svg_from_argdown_loads_neither_qt_nor_pydantic(tmp_path):
    """pydantic is the schema of .argmap.json files only: other formats are read without it, and
    without the select module it brings."""
    src, out = tmp_path / "m.argdown", tmp_path / "m.svg"
    src.write_text(
        "[Uniforms]: Pupils should wear school uniforms.\n  <+ [Cost]: Uniforms are cheaper than "
        "fashion.\n  <- [Choice]: Clothes let pupils express themselves.\n",
        encoding="utf-8",
    )
    mods = loaded_after(f"from argmap.cli import main\nmain(['export', '-q', {str(src)!r}, '-o', {str(out)!r}])")
    assert "Uniforms are cheaper" in out.read_text(encoding="utf-8")
    assert not {m for m in mods if m.startswith(("PySide6", "shiboken6", "pydantic"))}
    assert not mods & {"networkx", "select"}
