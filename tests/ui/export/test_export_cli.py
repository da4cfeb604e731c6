"""``argmap export``: formats, batches, headless runs, layout of unpositioned maps, one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from argmap.cli import main
from argmap.io import save_map
from argmap.io.native import load_map
from argmap.model import ArgumentMap, Kind, Polarity, Relation, Statement


def _unpositioned(path: Path) -> Path:
    m = ArgumentMap(title="Unpositioned")
    m.add_many(
        [
            Statement("c", "Main claim here", Kind.CONCLUSION),
            Statement("a", "Reason alpha"),
            Statement("b", "Objection beta"),
        ],
        [Relation("r1", Polarity.SUPPORT, ("a",), "c"), Relation("r2", Polarity.ATTACK, ("b",), "c")],
    )
    save_map(m, path)
    assert not load_map(path).positions
    return path


def test_export_each_format_and_outline(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    src = _unpositioned(tmp_path / "m.argmap.json")
    for ext in ("svg", "png", "pdf", "md", "txt"):
        assert main(["export", "-q", str(src), "-o", str(tmp_path / f"m.{ext}")]) == 0, capsys.readouterr().err
    assert "## Conclusion: Main claim here" in (tmp_path / "m.md").read_text(encoding="utf-8")
    assert "OBJECTION (premise): Objection beta" in (tmp_path / "m.txt").read_text(encoding="utf-8")
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")


def test_png_options_scale_transparent_no_legend(tmp_path: Path) -> None:
    src = _unpositioned(tmp_path / "m.argmap.json")
    assert main(["export", "-q", str(src), "-o", str(tmp_path / "a.png"), "--scale", "1"]) == 0
    assert (
        main(["export", "-q", str(src), "-o", str(tmp_path / "b.png"), "--scale", "1", "--no-legend", "--transparent"])
        == 0
    )
    a, b = QImage(str(tmp_path / "a.png")), QImage(str(tmp_path / "b.png"))
    assert b.width() < a.width() or b.height() < a.height()  # the legend took room
    assert b.pixelColor(0, 0).alpha() == 0 and a.pixelColor(0, 0).alpha() == 255


def test_batch_export_to_a_folder(tmp_path: Path) -> None:
    srcs = [_unpositioned(tmp_path / f"m{i}.argmap.json") for i in range(2)]
    out = tmp_path / "out"
    assert main(["export", "-q", "-t", "pdf", "-d", str(out), *map(str, srcs)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["m0.pdf", "m1.pdf"]


def _one_line_error(capsys, argv: list[str]) -> str:  # noqa: ANN001
    status = main(argv)
    err = capsys.readouterr().err.strip()
    assert status != 0
    assert "\n" not in err and "Traceback" not in err
    return err


def test_one_line_errors(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    src = _unpositioned(tmp_path / "m.argmap.json")
    assert "unknown output format '.xyz'" in _one_line_error(
        capsys, ["export", str(src), "-o", str(tmp_path / "o.xyz")]
    )
    assert "unknown output format 'bmp'" in _one_line_error(
        capsys, ["export", "-t", "bmp", "-d", str(tmp_path), str(src)]
    )
    err = _one_line_error(capsys, ["export", str(tmp_path / "missing.argmap.json"), "-o", str(tmp_path / "o.svg")])
    assert "missing.argmap.json: no such file" in err
    bad = tmp_path / "bad.argmap.json"
    bad.write_text("{not json", encoding="utf-8")
    assert "bad.argmap.json: line 1" in _one_line_error(capsys, ["export", str(bad), "-o", str(tmp_path / "o.svg")])
    err = _one_line_error(capsys, ["export", str(src), "-o", str(tmp_path / "nowhere" / "o.svg")])
    assert "cannot write" in err
    assert "page size" in _one_line_error(capsys, ["export", str(src), "-o", str(tmp_path / "o.pdf"), "--page", "B9"])


def test_headless_process_sets_offscreen_itself(tmp_path: Path, repo_root: Path) -> None:
    src = _unpositioned(tmp_path / "m.argmap.json")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(repo_root) + os.pathsep + env.get("PYTHONPATH", "")
    res = subprocess.run(
        [sys.executable, "-m", "argmap", "export", str(src), "-o", str(tmp_path / "h.png"), "--dpi", "96"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    assert not QImage(str(tmp_path / "h.png")).isNull()


def test_title_and_author_options_reach_the_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    src = _unpositioned(tmp_path / "m.argmap.json")
    out = tmp_path / "m.pdf"
    assert (
        main(
            [
                "export",
                "-q",
                str(src),
                "-o",
                str(out),
                "--title",
                "Report figure 3",
                "--author",
                "B. Writer",
                "--page",
                "letter",
                "--portrait",
            ]
        )
        == 0
    )
    reader = PdfReader(str(out))
    assert reader.metadata.title == "Report figure 3" and reader.metadata.author == "B. Writer"
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 612) < 2 and float(box.height) > float(box.width)
    assert "Report figure 3" in " ".join(reader.pages[0].extract_text().split())
