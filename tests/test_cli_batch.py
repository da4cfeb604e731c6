"""Batch commands (convert -d, export -d): one line per failed file, whatever failed, and the rest go on."""

from pathlib import Path

import pytest

import argmap.cli.core
import argmap.cli.export_cmd
from argmap.cli import main
from argmap.io import save_map
from argmap.model import ArgumentMap, Kind, Statement


@pytest.fixture
def maps(tmp_path) -> list[Path]:
    paths = []
    for name in ("one", "two", "three"):
        m = ArgumentMap(name)
        m.add_statement(Statement("c", f"Conclusion of {name}.", Kind.CONCLUSION))
        paths.append(tmp_path / f"{name}.argmap.json")
        save_map(m, paths[-1])
    return paths


def failing_on(module, name, fail):
    """Wrap ``module.name`` so that it calls ``fail()`` for the input named two."""
    real = getattr(module, name)

    def wrapper(src, dst, *args, **kwargs):
        if Path(src).name.startswith("two"):
            fail()
        return real(src, dst, *args, **kwargs)

    return wrapper


def crash():
    raise KeyError("x" * 100_000)


def spin():
    while True:
        pass


@pytest.mark.parametrize(
    "command, module, name, ext",
    [
        ("convert", argmap.cli.core, "convert_one", "argdown"),
        ("export", argmap.cli.export_cmd, "export_one", "svg"),
    ],
)
def test_an_internal_error_is_one_line_naming_the_file(maps, tmp_path, capsys, monkeypatch, command, module, name, ext):
    monkeypatch.setattr(module, name, failing_on(module, name, crash))
    out = tmp_path / "out"
    status = main([command, "-q", "-t", ext, "-d", str(out), *map(str, maps)])
    assert status == 1
    assert sorted(p.name for p in out.iterdir()) == [f"one.{ext}", f"three.{ext}"]
    lines = capsys.readouterr().err.splitlines()
    (line,) = [x for x in lines if "two.argmap.json" in x]
    assert "internal error: KeyError" in line and len(line) < 1000
    assert lines[-1] == f"argmap: 1 of 3 {'files' if command == 'convert' else 'maps'} failed"


@pytest.mark.parametrize(
    "command, module, name, ext",
    [
        ("convert", argmap.cli.core, "convert_one", "argmap.json"),
        ("export", argmap.cli.export_cmd, "export_one", "md"),
    ],
)
def test_a_file_over_the_time_limit_is_given_up(maps, tmp_path, capsys, monkeypatch, command, module, name, ext):
    monkeypatch.setattr(module, name, failing_on(module, name, spin))
    out = tmp_path / "out"
    status = main([command, "-q", "-t", ext, "-d", str(out), "--timeout", "0.3", *map(str, maps)])
    assert status == 1
    assert sorted(p.name for p in out.iterdir()) == [f"one.{ext}", f"three.{ext}"]
    (line,) = [x for x in capsys.readouterr().err.splitlines() if "two.argmap.json" in x]
    assert "0.3 s" in line and "--timeout" in line


def test_timeout_must_be_a_number_of_seconds(maps, tmp_path):
    with pytest.raises(SystemExit) as e:
        main(["convert", "-t", "argdown", "-d", str(tmp_path), "--timeout", "-1", str(maps[0])])
    assert e.value.code == 2


def test_one_map_internal_error_is_one_short_line(maps, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(argmap.cli.export_cmd, "export_one", failing_on(argmap.cli.export_cmd, "export_one", crash))
    assert main(["export", str(maps[1]), "-o", str(tmp_path / "two.svg")]) == 70
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("argmap: internal error: KeyError: 'xxx") and line.endswith("for details)")
    assert len(line) < 400


@pytest.mark.parametrize("command", ["validate", "info"])
def test_validate_and_info_go_on_after_an_internal_error(maps, capsys, monkeypatch, command):
    import argmap.io

    real = argmap.io.read_any

    def read_any(path, *args, **kwargs):
        if Path(path).name.startswith("two"):
            crash()
        return real(path, *args, **kwargs)

    monkeypatch.setattr(argmap.io, "read_any", read_any)
    assert main([command, *map(str, maps)]) == 1
    out, err = capsys.readouterr()
    assert "one.argmap.json" in out and "three.argmap.json" in out
    (line,) = [x for x in (out + err).splitlines() if "two.argmap.json" in x]
    assert "internal error: KeyError" in line and len(line) < 1000
