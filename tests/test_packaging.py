"""An installed (non-editable) wheel carries the samples and resources and finds them."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_samples_and_resources_and_finds_them(tmp_path):
    pytest.importorskip("hatchling", reason="hatchling (in the test extra) builds the wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next((tmp_path / "dist").glob("argmap-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    samples = sorted(p.name for p in (ROOT / "samples").glob("*.argmap.json"))
    assert samples and all(f"argmap/_data/samples/{s}" in names for s in samples)
    assert "argmap/_data/resources/fonts/DejaVuSans.ttf" in names
    assert "argmap/measure/font_metrics.json" in names
    assert "argmap/_data/README.md" in names  # Help › Documentation opens it
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import argmap.resources as r, sys; ps = r.sample_paths(); "
        "print(len(ps), all(str(p).startswith(sys.argv[1]) for p in ps), str(r.readme_path()).startswith(sys.argv[1]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.split() == [str(len(samples)), "True", "True"]
