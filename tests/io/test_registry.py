"""The format registry: argmap.io lists its own formats; the application adds the ones drawn above io."""

import subprocess
import sys
from pathlib import Path

import pytest

from argmap.io import MapFileError, read_any, registry, write_any
from argmap.io.registry import FormatSpec, ImportReport, ImportResult, detect_reader, detect_writer, register
from argmap.model import ArgumentMap, Statement


@pytest.fixture
def formats(monkeypatch):
    """The registry's list, restored after the test."""
    monkeypatch.setattr(registry, "FORMATS", list(registry.FORMATS))
    return registry.FORMATS


def test_io_alone_reads_and_writes_its_file_formats_and_draws_no_pictures(repo_root):
    code = (
        "import argmap.io.registry as r\n"
        "print(' '.join(f.name for f in r.FORMATS))\n"
        "print(' '.join(r.writable_names()))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo_root)
    names, writable = (line.split() for line in out.stdout.splitlines())
    assert names == ["argmap", "aif", "microtext", "carneades", "graphml", "dot", "argdown", "markdown", "text"]
    assert not {"svg", "png", "pdf"} & set(writable)


def test_the_application_adds_the_picture_formats_after_the_file_formats(repo_root):
    code = (
        "import argmap.io.registry as r\nfrom argmap.ui.export.formats import register_picture_formats\n"
        "register_picture_formats()\nregister_picture_formats()\n"
        "print(' '.join(f.name for f in r.FORMATS))\nimport sys\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo_root)
    names, qt = out.stdout.splitlines()
    assert names.split()[-3:] == ["svg", "png", "pdf"] and len(names.split()) == 12
    assert qt == "False"  # listing them loads no Qt


def test_a_registered_format_is_read_and_written_by_its_extension(formats, tmp_path):
    written = []

    def read(path: str) -> ImportResult:
        amap = ArgumentMap("from " + Path(path).name)
        amap.add_statement(Statement("a", Path(path).read_text(encoding="utf-8")))
        return ImportResult(amap, ImportReport({"statements": 1}))

    def write(amap: ArgumentMap, path: str, **options: object) -> None:
        written.append((path, options))
        Path(path).write_text(amap.statement("a").text, encoding="utf-8")

    register(FormatSpec("lines", "one statement per file", (".stmt",), read, write))
    src = tmp_path / "in.stmt"
    src.write_text("Cities should build bike lanes.", encoding="utf-8")
    result = read_any(src)
    assert result.map.meta["title"] == "from in.stmt" and result.report.lines() == ["1 statements"]
    spec = write_any(result.map, tmp_path / "out.stmt", colour="green")
    assert spec.name == "lines" and written == [(str(tmp_path / "out.stmt"), {"colour": "green"})]


def test_registering_again_changes_nothing_and_a_second_format_of_a_name_is_refused(formats):
    spec = FormatSpec("lines", "one statement per file", (".stmt",))
    register(spec)
    register(FormatSpec("lines", "one statement per file", (".stmt",)))  # equal: the same format
    assert [f.name for f in formats].count("lines") == 1
    with pytest.raises(ValueError, match="already registered"):
        register(FormatSpec("lines", "another", (".lines",)))


def test_unknown_formats_are_one_line_errors(tmp_path):
    with pytest.raises(MapFileError, match=r"unknown input format '\.zzz'; argmap reads \.argmap\.json"):
        detect_reader(str(tmp_path / "m.zzz"))
    with pytest.raises(MapFileError, match="unknown output format 'zzz'"):
        detect_writer(str(tmp_path / "m.out"), "zzz")
